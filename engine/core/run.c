#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "text.h"
#include "utf8.h"

void run_time_now(char *buf, size_t cap)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ------------------------------------------------------------ writing */

static cJSON *plain_string(const char *rendered)
{
    struct strbuf sb;
    sb_init(&sb);
    text_plain(rendered, "\n\n", &sb);
    cJSON *s = cJSON_CreateString(sb.data ? sb.data : "");
    sb_free(&sb);
    return s;
}

static void add_number(cJSON *obj, const char *key, double v)
{
    /* Round away binary noise: 0.1 + 0.2 prints as 0.3. */
    double r = round(v * 1e6) / 1e6;
    cJSON_AddNumberToObject(obj, key, r);
}

static const char *dimension_id(const struct scenario *sc, int k)
{
    return sc->dimensions[k].id;
}

static const char *stat_id(const struct scenario *sc, int k)
{
    return sc->stats[k].id;
}

/* {ID: VALUE} for the n values, ID read with id_of; skip_zero leaves out
 * the zeros (what a decision did not change). */
static cJSON *named_numbers(const struct scenario *sc, const char *(*id_of)(const struct scenario *, int),
                            int n, const double *values, bool skip_zero)
{
    cJSON *o = cJSON_CreateObject();
    for (int k = 0; k < n; k++)
        if (!skip_zero || values[k] != 0)
            add_number(o, id_of(sc, k), values[k]);
    return o;
}

static cJSON *dimension_object(const struct scenario *sc, const double *points, bool skip_zero)
{
    return named_numbers(sc, dimension_id, sc->ndimensions, points, skip_zero);
}

static cJSON *stat_object(const struct scenario *sc, const double *values, bool skip_zero)
{
    return named_numbers(sc, stat_id, sc->nstats, values, skip_zero);
}

/* best and percent, null while the search runs; best_estimate: true when
 * the search ran out of time (the percent is then of the best found). */
static void add_best(cJSON *o, const struct debrief_player *dp)
{
    if (!dp->best.ready) {
        cJSON_AddNullToObject(o, "best");
        cJSON_AddNullToObject(o, "percent");
        return;
    }
    add_number(o, "best", dp->best.weighted);
    add_number(o, "percent", round(dp->percent * 10) / 10);
    if (!dp->best.exact)
        cJSON_AddTrueToObject(o, "best_estimate");
}

/* A locked choice that would have scored best: its id, text and reason. */
static cJSON *locked_object(const struct game *g, int choice, uint32_t label)
{
    const struct choice *ch = &g->sc->choices[choice];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "choice", ch->id);
    cJSON_AddItemToObject(o, "text", plain_string(g->log_text.data + label));
    cJSON_AddStringToObject(o, "locked", ch->locked ? ch->locked : "");
    return o;
}

static char *hex64(uint64_t h, char *buf, size_t cap)
{
    snprintf(buf, cap, "%016llx", (unsigned long long)h);
    return buf;
}

/* A decision's label cut to LIMIT_SHORT_LABEL bytes, on a character
 * boundary, with an ellipsis. */
#define LIMIT_SHORT_LABEL 200
static void short_label(const char *label, char *cut)
{
    str_copy(cut, LIMIT_SHORT_LABEL + 1, label);
    size_t n = strlen(cut);
    memcpy(cut + n, "\xE2\x80\xA6", 4); /* U+2026 */
}

static void shorten_text(cJSON *o)
{
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
    if (!cJSON_IsString(text) || strlen(text->valuestring) <= LIMIT_SHORT_LABEL)
        return;
    char cut[LIMIT_SHORT_LABEL + 4];
    short_label(text->valuestring, cut);
    cJSON_ReplaceItemInObjectCaseSensitive(o, "text", cJSON_CreateString(cut));
}

/* Whether a label as the scenario has it now is the one a result file kept
 * (whole, or shortened by shorten_text). */
static bool same_label(const char *now, const char *kept)
{
    if (strcmp(now, kept) == 0)
        return true;
    if (strlen(now) <= LIMIT_SHORT_LABEL)
        return false;
    char cut[LIMIT_SHORT_LABEL + 4];
    short_label(now, cut);
    return strcmp(cut, kept) == 0;
}

static void add_rating(cJSON *o, const char *rating)
{
    if (rating)
        cJSON_AddStringToObject(o, "rating", rating);
    else
        cJSON_AddNullToObject(o, "rating");
}

/* The scenario, the first player, the times and the ending: the head of
 * every run file. */
static void add_run_head(cJSON *root, const struct game *g, const struct run_times *t,
                         const struct debrief *d)
{
    const struct scenario *sc = g->sc;
    cJSON_AddStringToObject(root, "format", RUN_FORMAT);
    cJSON *scn = cJSON_AddObjectToObject(root, "scenario");
    cJSON_AddStringToObject(scn, "id", sc->id);
    cJSON_AddStringToObject(scn, "version", sc->version);
    cJSON_AddStringToObject(scn, "title", sc->title);
    char hash[32];
    cJSON_AddStringToObject(scn, "hash", hex64(sc->hash, hash, sizeof hash));

    const struct game_player *p0 = &g->s.players[0];
    cJSON_AddStringToObject(root, "player", p0->name);
    cJSON_AddStringToObject(root, "role", sc->roles[p0->role].id);
    cJSON_AddNumberToObject(root, "seed", (double)g->seed);
    cJSON_AddStringToObject(root, "started", t->started);
    cJSON_AddStringToObject(root, "updated", t->updated);
    if (t->finished[0])
        cJSON_AddStringToObject(root, "finished", t->finished);
    else
        cJSON_AddNullToObject(root, "finished");
    if (t->timers)
        cJSON_AddStringToObject(root, "timers", t->timers);
    if (d->ending >= 0) {
        cJSON *e = cJSON_AddObjectToObject(root, "ending");
        cJSON_AddStringToObject(e, "id", sc->scenes[d->ending].id);
        cJSON_AddStringToObject(e, "title", sc->scenes[d->ending].title);
        cJSON_AddStringToObject(e, "verdict", verdict_name(d->verdict));
    } else {
        cJSON_AddNullToObject(root, "ending");
    }
    const struct debrief_player *dp = &d->players[0];
    cJSON_AddItemToObject(root, "score", dimension_object(sc, dp->points, false));
    add_number(root, "weighted", dp->weighted);
    add_best(root, dp);
    add_rating(root, dp->rating);
    cJSON_AddItemToObject(root, "stats", stat_object(sc, g->s.stats, false));
}

/* A duet's players and how far they agreed. */
static void add_duet(cJSON *root, const struct game *g, const struct debrief *d)
{
    const struct scenario *sc = g->sc;
    cJSON *players = cJSON_AddArrayToObject(root, "players");
    for (int p = 0; p < g->nplayers; p++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", d->players[p].name);
        cJSON_AddStringToObject(o, "role", sc->roles[d->players[p].role].id);
        cJSON_AddItemToObject(o, "score", dimension_object(sc, d->players[p].points, false));
        add_number(o, "weighted", d->players[p].weighted);
        add_best(o, &d->players[p]);
        add_rating(o, d->players[p].rating);
        cJSON_AddItemToArray(players, o);
    }

    cJSON *al = cJSON_AddObjectToObject(root, "alignment");
    cJSON_AddNumberToObject(al, "agreed", d->agreed);
    cJSON_AddNumberToObject(al, "secret", d->secret_decisions);
    add_number(al, "ratio", round(d->alignment * 1000) / 1000);
    cJSON *dis = cJSON_AddArrayToObject(al, "disagreed");
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].secret && g->log[i].outcome != DUET_AGREED)
            cJSON_AddItemToArray(dis, cJSON_CreateNumber(g->log[i].turn));
}

/* The consequences decision i caused later, if any. */
static void add_caused(cJSON *o, const struct game *g, int i)
{
    const struct scenario *sc = g->sc;
    cJSON *caused = NULL;
    for (int k = 0; k < g->ncons; k++) {
        const struct consequence *c = &g->cons[k];
        if (c->decision != i)
            continue;
        if (!caused)
            caused = cJSON_AddArrayToObject(o, "caused");
        cJSON *co = cJSON_CreateObject();
        cJSON_AddNumberToObject(co, "turn", c->turn);
        cJSON_AddStringToObject(co, "scene", sc->scenes[c->scene].id);
        cJSON_AddItemToObject(co, "effects", stat_object(sc, c->delta, true));
        cJSON_AddItemToArray(caused, co);
    }
}

/* How a secret decision came out and what each player picked. */
static void add_secret(cJSON *o, const struct game *g, const struct decision *dec)
{
    static const char *const outcomes[] = {"", "agreed", "conflict", "settled", "coin"};
    const struct scenario *sc = g->sc;
    cJSON_AddBoolToObject(o, "secret", true);
    cJSON_AddStringToObject(o, "outcome", outcomes[dec->outcome]);
    if (dec->stood >= 0)
        cJSON_AddStringToObject(o, "stood", sc->roles[g->s.players[dec->stood].role].id);
    else
        cJSON_AddNullToObject(o, "stood");
    cJSON *picks = cJSON_AddObjectToObject(o, "picks");
    for (int p = 0; p < g->nplayers; p++) {
        cJSON *pk = cJSON_CreateObject();
        cJSON_AddStringToObject(pk, "choice", sc->choices[dec->pick[p].choice].id);
        cJSON_AddNumberToObject(pk, "number", dec->pick[p].number);
        cJSON_AddItemToObject(pk, "text", plain_string(g->log_text.data + dec->pick[p].label));
        cJSON_AddItemToObject(pk, "score", dimension_object(sc, dec->pick[p].score, true));
        cJSON_AddNumberToObject(pk, "offered", dec->pick[p].offered);
        cJSON_AddStringToObject(pk, "best", sc->choices[dec->pick[p].best_choice].id);
        if (dec->pick[p].best_locked >= 0)
            cJSON_AddItemToObject(pk, "best_locked",
                                  locked_object(g, dec->pick[p].best_locked,
                                                dec->pick[p].best_locked_label));
        cJSON_AddItemToObject(picks, sc->roles[g->s.players[p].role].id, pk);
    }
}

static cJSON *decision_object(const struct game *g, int i)
{
    const struct scenario *sc = g->sc;
    const struct decision *dec = &g->log[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "turn", dec->turn);
    cJSON_AddStringToObject(o, "scene", sc->scenes[dec->scene].id);
    cJSON_AddStringToObject(o, "choice", sc->choices[dec->choice].id);
    cJSON_AddNumberToObject(o, "number", dec->number);
    cJSON_AddItemToObject(o, "text", plain_string(game_decision_label(g, i)));
    if (g->nplayers > 1)
        cJSON_AddStringToObject(o, "by", dec->secret ? "both"
                                                      : sc->roles[g->s.players[dec->player].role].id);
    cJSON_AddItemToObject(o, "score", dimension_object(sc, dec->score, true));
    cJSON_AddItemToObject(o, "effects", stat_object(sc, dec->stat_delta, true));
    cJSON_AddItemToObject(o, "meanwhile", stat_object(sc, dec->enter_delta, true));
    add_number(o, "seconds", round(dec->seconds * 10) / 10);
    cJSON_AddBoolToObject(o, "timed_out", dec->timed_out);
    cJSON_AddNumberToObject(o, "offered", dec->offered);
    cJSON_AddStringToObject(o, "best", sc->choices[dec->best_choice].id);
    if (dec->best_locked >= 0)
        cJSON_AddItemToObject(o, "best_locked", locked_object(g, dec->best_locked,
                                                              dec->best_locked_label));
    if (game_discuss(g, i)[0])
        cJSON_AddItemToObject(o, "discuss", plain_string(game_discuss(g, i)));
    add_caused(o, g, i);
    if (dec->secret)
        add_secret(o, g, dec);
    return o;
}

/* Prints the run, within the size the reader accepts; exits when out of
 * memory, as xmalloc does. */
static char *print_run(cJSON *root, cJSON *decisions)
{
    char *out = cJSON_Print(root);
    if (out && strlen(out) > LIMIT_RUN_FILE_BYTES) {
        /* The reader refuses a file this large: keep the run, shorten what
         * only the report reads (labels), and drop the indentation. */
        free(out);
        cJSON *dec;
        cJSON_ArrayForEach(dec, decisions)
        {
            shorten_text(dec);
            cJSON *pk;
            cJSON_ArrayForEach(pk, cJSON_GetObjectItemCaseSensitive(dec, "picks"))
                shorten_text(pk);
        }
        out = cJSON_PrintUnformatted(root);
    }
    if (!out) {
        fprintf(stderr, "scaleup: error: out of memory\n");
        exit(1);
    }
    return out;
}

char *run_to_json(struct game *g, const struct run_times *t)
{
    /* A run under way does not wait for the search of its best: until it
     * ends, best and percent are null in the file. */
    struct debrief d;
    if (g->over)
        debrief_build(g, &d);
    else
        debrief_build_now(g, &d);
    cJSON *root = cJSON_CreateObject();
    add_run_head(root, g, t, &d);
    if (g->nplayers > 1)
        add_duet(root, g, &d);
    cJSON *decisions = cJSON_AddArrayToObject(root, "decisions");
    for (int i = 0; i < g->nlog; i++)
        cJSON_AddItemToArray(decisions, decision_object(g, i));
    char *out = print_run(root, decisions);
    cJSON_Delete(root);
    return out;
}

/* ------------------------------------------------------------ reading */

static char *dup_string(const cJSON *item)
{
    return cJSON_IsString(item) && item->valuestring ? xstrdup(item->valuestring) : NULL;
}

void run_record_free(struct run_record *r)
{
    free(r->scenario_id);
    free(r->scenario_hash);
    for (int p = 0; p < GAME_MAX_PLAYERS; p++) {
        free(r->players[p]);
        free(r->roles[p]);
    }
    free(r->started);
    for (int i = 0; i < r->ndecisions; i++) {
        free(r->decisions[i].scene);
        free(r->decisions[i].text);
        free(r->decisions[i].id);
        for (int p = 0; p < GAME_MAX_PLAYERS; p++) {
            free(r->decisions[i].texts[p]);
            free(r->decisions[i].ids[p]);
        }
    }
    free(r->decisions);
    memset(r, 0, sizeof *r);
}

static bool bad(struct diag *err, const char *file, const char *fmt, const char *what)
{
    diag_set(err, file, 0, "run-file", fmt, what);
    return false;
}

static bool is_count(const cJSON *n)
{
    return cJSON_IsNumber(n) && n->valuedouble >= 1 && n->valuedouble <= LIMIT_CHOICES_PER_SCENE &&
           n->valuedouble == floor(n->valuedouble);
}

/* A decision's (or a pick's) choice: format 1, "choice" is a number in the
 * author's order; format 2, "choice" is an id and "number" the shown one. */
static bool read_choice(const cJSON *item, int format, char **id, int *number)
{
    const cJSON *choice = cJSON_GetObjectItemCaseSensitive(item, "choice");
    if (format == 1) {
        if (!is_count(choice))
            return false;
        *number = (int)choice->valuedouble;
        return true;
    }
    const cJSON *shown = cJSON_GetObjectItemCaseSensitive(item, "number");
    if (!cJSON_IsString(choice) || !is_count(shown) || strlen(choice->valuestring) > LIMIT_ID_BYTES)
        return false;
    *id = xstrdup(choice->valuestring);
    *number = (int)shown->valuedouble;
    return true;
}

static bool read_format(const cJSON *root, const char *file, struct run_record *out,
                        struct diag *err)
{
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!cJSON_IsObject(root) || !cJSON_IsString(format))
        return bad(err, file, "%s", "not a ScaleUp result file: it has no \"format\"");
    if (strcmp(format->valuestring, RUN_FORMAT) == 0) {
        out->format = 2;
    } else if (strcmp(format->valuestring, RUN_FORMAT_1) == 0) {
        out->format = 1;
    } else {
        diag_set(err, file, 0, "run-format",
                 "a result file of another format (\"%.60s\"); this version reads \"%s\" and "
                 "\"%s\"",
                 format->valuestring, RUN_FORMAT, RUN_FORMAT_1);
        return false;
    }
    return true;
}

/* The scenario, seed and times of the run. */
static bool read_head(const cJSON *root, const char *file, struct run_record *out,
                      struct diag *err)
{
    const cJSON *scn = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    out->scenario_id = dup_string(cJSON_GetObjectItemCaseSensitive(scn, "id"));
    out->scenario_hash = dup_string(cJSON_GetObjectItemCaseSensitive(scn, "hash"));
    if (!out->scenario_id)
        return bad(err, file, "%s", "the result file has no scenario id");
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(root, "seed");
    if (!cJSON_IsNumber(seed) || seed->valuedouble < 0 || seed->valuedouble > (double)RUN_SEED_MAX ||
        seed->valuedouble != floor(seed->valuedouble))
        return bad(err, file, "%s", "the result file's seed must be a whole number from 0 to 2^53-1");
    out->seed = (uint64_t)seed->valuedouble;
    out->started = dup_string(cJSON_GetObjectItemCaseSensitive(root, "started"));
    const cJSON *fin = cJSON_GetObjectItemCaseSensitive(root, "finished");
    out->finished = cJSON_IsString(fin);
    return true;
}

/* A duet's two players, or the one player of a solo run. */
static bool read_players(const cJSON *root, const char *file, struct run_record *out,
                         struct diag *err)
{
    const cJSON *players = cJSON_GetObjectItemCaseSensitive(root, "players");
    if (cJSON_IsArray(players) && cJSON_GetArraySize(players) == 2) {
        out->nplayers = 2;
        for (int p = 0; p < 2; p++) {
            const cJSON *o = cJSON_GetArrayItem(players, p);
            out->players[p] = dup_string(cJSON_GetObjectItemCaseSensitive(o, "name"));
            out->roles[p] = dup_string(cJSON_GetObjectItemCaseSensitive(o, "role"));
            if (!out->players[p] || !out->roles[p])
                return bad(err, file, "%s", "a player of the result file has no name or role");
        }
    } else {
        out->nplayers = 1;
        out->players[0] = dup_string(cJSON_GetObjectItemCaseSensitive(root, "player"));
        out->roles[0] = dup_string(cJSON_GetObjectItemCaseSensitive(root, "role"));
        if (!out->players[0] || !out->roles[0])
            return bad(err, file, "%s", "the result file has no player or role");
    }
    if (strlen(out->players[0]) > LIMIT_NAME_BYTES)
        return bad(err, file, "%s", "the result file's player name is too long");
    return true;
}

/* The two picks of a secret decision. */
static bool read_picks(const cJSON *item, const char *file, int number, struct run_record *out,
                       struct run_decision *rd, struct diag *err)
{
    const cJSON *picks = cJSON_GetObjectItemCaseSensitive(item, "picks");
    if (out->nplayers != 2 || !cJSON_IsObject(picks)) {
        diag_set(err, file, 0, "run-file",
                 "decision %d of the result file is secret but has no picks of two players",
                 number);
        return false;
    }
    rd->secret = true;
    for (int p = 0; p < 2; p++) {
        const cJSON *pk = cJSON_GetObjectItemCaseSensitive(picks, out->roles[p]);
        if (!read_choice(pk, out->format, &rd->ids[p], &rd->picks[p])) {
            diag_set(err, file, 0, "run-file",
                     "decision %d of the result file has no pick for the role '%s'",
                     number, out->roles[p]);
            return false;
        }
        rd->texts[p] = dup_string(cJSON_GetObjectItemCaseSensitive(pk, "text"));
    }
    return true;
}

/* Decision `number` (from 1) into rd. */
static bool read_decision(const cJSON *item, const char *file, int number, struct run_record *out,
                          struct run_decision *rd, struct diag *err)
{
    const cJSON *scene = cJSON_GetObjectItemCaseSensitive(item, "scene");
    if (!cJSON_IsString(scene) ||
        !read_choice(item, out->format, &rd->id, &rd->number)) {
        diag_set(err, file, 0, "run-file",
                 "decision %d of the result file needs a scene and a choice %s",
                 number, out->format == 1 ? "number" : "id and number");
        return false;
    }
    rd->scene = xstrdup(scene->valuestring);
    rd->text = dup_string(cJSON_GetObjectItemCaseSensitive(item, "text"));
    const cJSON *to = cJSON_GetObjectItemCaseSensitive(item, "timed_out");
    rd->timed_out = cJSON_IsTrue(to);
    const cJSON *secs = cJSON_GetObjectItemCaseSensitive(item, "seconds");
    rd->seconds = cJSON_IsNumber(secs) && secs->valuedouble >= 0 ? secs->valuedouble : 0;
    const cJSON *by = cJSON_GetObjectItemCaseSensitive(item, "by");
    rd->player = 0;
    if (cJSON_IsString(by) && out->nplayers == 2 && out->roles[1] &&
        strcmp(by->valuestring, out->roles[1]) == 0)
        rd->player = 1;
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "secret")))
        return read_picks(item, file, number, out, rd, err);
    return true;
}

static bool read_decisions(const cJSON *root, const char *file, struct run_record *out,
                           struct diag *err)
{
    const cJSON *decisions = cJSON_GetObjectItemCaseSensitive(root, "decisions");
    if (!cJSON_IsArray(decisions))
        return bad(err, file, "%s", "the result file has no list of decisions");
    int n = cJSON_GetArraySize(decisions);
    if (n > LIMIT_TURNS)
        return bad(err, file, "%s", "the result file has more decisions than a run can have");
    out->decisions = xcalloc((size_t)(n ? n : 1), sizeof *out->decisions);
    const cJSON *item;
    cJSON_ArrayForEach(item, decisions)
    {
        /* Counted before it is filled, so that run_record_free frees what a
         * decision that fails half-way already holds (the array is zeroed). */
        struct run_decision *rd = &out->decisions[out->ndecisions++];
        if (!read_decision(item, file, out->ndecisions, out, rd, err))
            return false;
    }
    return true;
}

bool run_parse(const char *text, size_t len, const char *file, struct run_record *out,
               struct diag *err)
{
    memset(out, 0, sizeof *out);
    size_t badpos;
    if (!utf8_valid(text, len, &badpos))
        return bad(err, file, "%s", "not a result file: it is not UTF-8 text");
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!root)
        return bad(err, file, "%s", "not a result file: it is not valid JSON (truncated?)");
    bool ok = read_format(root, file, out, err) && read_head(root, file, out, err) &&
              read_players(root, file, out, err) && read_decisions(root, file, out, err);
    cJSON_Delete(root);
    if (!ok)
        run_record_free(out);
    return ok;
}

char *file_read_all(const char *path, size_t max, size_t *len, struct diag *err)
{
    char limit[32], why[320];
    snprintf(limit, sizeof limit, "of %zu", max);
    char *buf = read_regular_file(path, max, limit, len, why, sizeof why);
    if (!buf)
        diag_set(err, path, 0, "file", "%s", why);
    return buf;
}

bool run_read(const char *path, struct run_record *out, struct diag *err)
{
    size_t len;
    char *text = file_read_all(path, LIMIT_RUN_FILE_BYTES, &len, err);
    if (!text)
        return false;
    bool ok = run_parse(text, len, path, out, err);
    free(text);
    return ok;
}

/* ------------------------------------------------------------ replay */

bool run_same_version(const struct run_record *r, const struct scenario *sc)
{
    char hash[32];
    return !r->scenario_hash || strcmp(r->scenario_hash, hex64(sc->hash, hash, sizeof hash)) == 0;
}

/* The shown number of a recorded choice in menu m: by its id (format 2),
 * or by its number among the open choices in the author's order (format
 * 1); its text, when recorded, must be the same. 0 with err set when it is
 * not offered or changed. i is the decision's index, what names it. */
static int replay_offer(const struct game *g, const struct menu *m, int format, const char *id,
                        int number, const char *text, int i, const char *scene, const char *what,
                        struct diag *err)
{
    int shown = 0;
    for (int k = 0; k < m->nopen && !shown; k++) {
        if (format == 1 ? game_author_number(m, k + 1) == number
                        : strcmp(g->sc->choices[m->offers[k].choice].id, id) == 0)
            shown = k + 1;
    }
    if (!shown) {
        if (format == 1)
            diag_set(err, NULL, 0, "replay",
                     "decision %d no longer fits the scenario: %s %d of scene '%s' is no longer "
                     "offered (%d choices now)",
                     i + 1, what, number, scene, m->nopen);
        else
            diag_set(err, NULL, 0, "replay",
                     "decision %d no longer fits the scenario: %s '%s' of scene '%s' is no longer "
                     "offered",
                     i + 1, what, id, scene);
        return 0;
    }
    if (!text)
        return shown;
    struct strbuf plain;
    sb_init(&plain);
    text_plain(game_label(g, m, shown - 1), " ", &plain);
    bool same = same_label(plain.data ? plain.data : "", text);
    if (!same)
        diag_set(err, NULL, 0, "replay",
                 "decision %d no longer fits the scenario: %s %s%s%s of scene '%s' is now "
                 "\"%.80s\", it was \"%.80s\"",
                 i + 1, what, format == 1 ? "" : "'", format == 1 ? "" : id,
                 format == 1 ? "" : "'", scene, plain.data ? plain.data : "", text);
    sb_free(&plain);
    return same ? shown : 0;
}

bool run_replay(struct game *g, const struct run_record *r, int upto, struct diag *err)
{
    const struct scenario *sc = g->sc;
    if (strcmp(r->scenario_id, sc->id) != 0) {
        diag_set(err, NULL, 0, "replay", "the run is of scenario '%s', not '%s'", r->scenario_id,
                 sc->id);
        return false;
    }
    struct game_setup st = {0};
    st.seed = r->seed;
    st.nplayers = r->nplayers;
    for (int p = 0; p < r->nplayers; p++) {
        int role = scenario_role(sc, r->roles[p]);
        if (role < 0) {
            diag_set(err, NULL, 0, "replay", "the run's role '%s' is not a role of this scenario",
                     r->roles[p]);
            return false;
        }
        st.players[p].role = role;
        st.players[p].name = r->players[p];
    }
    if (!game_start(g, &st, err))
        return false;
    int n = upto < 0 || upto > r->ndecisions ? r->ndecisions : upto;
    for (int i = 0; i < n; i++) {
        const struct run_decision *rd = &r->decisions[i];
        const struct scene *here = game_scene(g);
        if (g->over) {
            diag_set(err, NULL, 0, "replay",
                     "decision %d no longer fits the scenario: the run now ends at '%s' before it",
                     i + 1, here->id);
            return false;
        }
        if (strcmp(here->id, rd->scene) != 0) {
            diag_set(err, NULL, 0, "replay",
                     "decision %d no longer fits the scenario: it was made in scene '%s', but the "
                     "run is now in scene '%s'",
                     i + 1, rd->scene, here->id);
            return false;
        }
        if (rd->secret != game_is_secret(g)) {
            diag_set(err, NULL, 0, "replay",
                     "decision %d no longer fits the scenario: scene '%s' is now decided %s", i + 1,
                     rd->scene, game_is_secret(g) ? "by both players in secret" : "by one player");
            return false;
        }
        if (rd->secret) {
            int shown[GAME_MAX_PLAYERS];
            for (int p = 0; p < 2; p++) {
                char what[160];
                str_format(what, sizeof what, "the %s's pick", sc->roles[g->s.players[p].role].name);
                shown[p] = replay_offer(g, &g->view.menu[p], r->format, rd->ids[p], rd->picks[p],
                                        rd->texts[p], i, rd->scene, what, err);
                if (!shown[p])
                    return false;
            }
            struct diag cerr;
            if (!game_choose_pair(g, shown, rd->timed_out, rd->seconds, &cerr)) {
                diag_set(err, cerr.file[0] ? cerr.file : NULL, cerr.line, "replay",
                         "decision %d could not be replayed: %s", i + 1, cerr.message);
                return false;
            }
            continue;
        }
        int number = replay_offer(g, game_menu(g), r->format, rd->id, rd->number, rd->text, i,
                                  rd->scene, "choice", err);
        if (!number)
            return false;
        struct diag cerr;
        if (!game_choose(g, number, rd->timed_out, rd->seconds, &cerr)) {
            struct strbuf msg;
            sb_init(&msg);
            diag_format(&cerr, false, &msg);
            diag_set(err, cerr.file[0] ? cerr.file : NULL, cerr.line, "replay",
                     "decision %d could not be replayed: %s", i + 1, cerr.message);
            sb_free(&msg);
            return false;
        }
    }
    return true;
}

void run_record_from_game(const struct game *g, struct run_record *out)
{
    const struct scenario *sc = g->sc;
    memset(out, 0, sizeof *out);
    out->format = 2;
    out->scenario_id = xstrdup(sc->id);
    out->nplayers = g->nplayers;
    for (int p = 0; p < g->nplayers; p++) {
        out->players[p] = xstrdup(g->s.players[p].name);
        out->roles[p] = xstrdup(sc->roles[g->s.players[p].role].id);
    }
    out->seed = g->seed;
    out->decisions = xcalloc((size_t)(g->nlog ? g->nlog : 1), sizeof *out->decisions);
    out->ndecisions = g->nlog;
    for (int i = 0; i < g->nlog; i++) {
        struct run_decision *rd = &out->decisions[i];
        rd->scene = xstrdup(sc->scenes[g->log[i].scene].id);
        rd->id = xstrdup(sc->choices[g->log[i].choice].id);
        rd->number = g->log[i].number;
        struct strbuf plain;
        sb_init(&plain);
        text_plain(game_decision_label(g, i), " ", &plain);
        rd->text = sb_take(&plain);
        rd->timed_out = g->log[i].timed_out;
        rd->seconds = g->log[i].seconds;
        rd->player = g->log[i].player;
        if (g->log[i].secret) {
            rd->secret = true;
            for (int p = 0; p < g->nplayers; p++) {
                rd->picks[p] = g->log[i].pick[p].number;
                rd->ids[p] = xstrdup(sc->choices[g->log[i].pick[p].choice].id);
                sb_init(&plain);
                text_plain(g->log_text.data + g->log[i].pick[p].label, " ", &plain);
                rd->texts[p] = sb_take(&plain);
            }
        }
    }
}

bool run_record_add_attempt(struct run_record *r, const struct game *g, const int *picks,
                            bool timed_out, double seconds)
{
    const struct scenario *sc = g->sc;
    bool secret = game_is_secret(g);
    int n = secret ? g->nplayers : 1;
    for (int p = 0; p < n; p++) {
        const struct menu *m = secret ? &g->view.menu[p] : game_menu(g);
        if (picks[p] < 1 || picks[p] > m->nopen)
            return false;
    }
    r->decisions = xrealloc(r->decisions, sizeof *r->decisions * (size_t)(r->ndecisions + 1));
    struct run_decision *rd = &r->decisions[r->ndecisions++];
    memset(rd, 0, sizeof *rd);
    rd->scene = xstrdup(game_scene(g)->id);
    rd->timed_out = timed_out;
    rd->seconds = seconds;
    rd->player = g->view.decider;
    /* No text: the label is not held to what was shown, the id is enough. */
    if (secret) {
        rd->secret = true;
        for (int p = 0; p < n; p++) {
            rd->picks[p] = picks[p];
            rd->ids[p] = xstrdup(sc->choices[g->view.menu[p].offers[picks[p] - 1].choice].id);
        }
    } else {
        rd->number = picks[0];
        rd->id = xstrdup(sc->choices[game_menu(g)->offers[picks[0] - 1].choice].id);
    }
    return true;
}

static bool same_id(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

bool run_record_starts_with(const struct run_record *r, const struct run_record *prefix)
{
    if (prefix->ndecisions > r->ndecisions || !same_id(r->scenario_id, prefix->scenario_id))
        return false;
    for (int i = 0; i < prefix->ndecisions; i++) {
        const struct run_decision *a = &r->decisions[i], *b = &prefix->decisions[i];
        if (!same_id(a->scene, b->scene) || a->secret != b->secret)
            return false;
        if (!a->secret && !same_id(a->id, b->id))
            return false;
        for (int p = 0; a->secret && p < r->nplayers; p++)
            if (!same_id(a->ids[p], b->ids[p]))
                return false;
    }
    return true;
}

/* ------------------------------------------------------------ files */

/* Writes all of data to fd, again after an interruption; false with the
 * errno in *error (ENOSPC when the disk took nothing). */
static bool write_all_fd(int fd, const char *data, size_t len, int *error)
{
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            *error = w < 0 ? errno : ENOSPC;
            return false;
        }
        done += (size_t)w;
    }
    return true;
}

/* The temporary file tmp is given up: removed, and path's error said. */
static bool atomic_failed(const char *tmp, const char *path, int e, struct diag *err)
{
    unlink(tmp);
    diag_set(err, path, 0, "write", "cannot write: %s", strerror(e));
    return false;
}

/* path replaced by data through a temporary file and a rename; the
 * temporary file is fsynced first when sync. */
static bool write_replace(const char *path, const char *data, size_t len, bool sync, struct diag *err)
{
    char tmp[PATH_MAX];
    str_format(tmp, sizeof tmp, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        diag_set(err, path, 0, "write", "cannot write: %s", strerror(errno));
        return false;
    }
    int e = 0;
    bool written = write_all_fd(fd, data, len, &e);
    if (written && sync && fsync(fd) != 0) {
        e = errno;
        written = false;
    }
    if (!written) {
        close(fd);
        return atomic_failed(tmp, path, e, err);
    }
    /* mkstemp made it 0600; the file gets what a plain create would give,
     * 0666 less the umask (a facilitator's umask 077 keeps results private). */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        /* Not fatal: the file keeps mkstemp's 0600. */
    }
    if (close(fd) != 0)
        return atomic_failed(tmp, path, errno, err);
    if (rename(tmp, path) != 0)
        return atomic_failed(tmp, path, errno, err);
    return true;
}

bool file_write_atomic_unsynced(const char *path, const char *data, size_t len, struct diag *err)
{
    return write_replace(path, data, len, true, err);
}

bool file_write_cache(const char *path, const char *data, size_t len, struct diag *err)
{
    return write_replace(path, data, len, false, err);
}

void file_sync_folder(const char *path)
{
    char dir[PATH_MAX];
    str_copy(dir, sizeof dir, path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        str_copy(dir, sizeof dir, ".");
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
}

bool file_write_atomic(const char *path, const char *data, size_t len, struct diag *err)
{
    if (!file_write_atomic_unsynced(path, data, len, err))
        return false;
    file_sync_folder(path);
    return true;
}

bool file_write_output(const char *path, const char *data, size_t len, struct diag *err)
{
    int e = 0;
    if (strcmp(path, "-") == 0) {
        fflush(stdout);
        if (!write_all_fd(STDOUT_FILENO, data, len, &e)) {
            diag_set(err, "standard output", 0, "write", "cannot write: %s", strerror(e));
            return false;
        }
        return true;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            diag_set(err, path, 0, "write", "cannot write: it is a folder");
            return false;
        }
        /* A FIFO, a terminal, /dev/stdout, /dev/null: written to, in place
         * (replacing a device node with a file would break it for others). */
        int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0 || !write_all_fd(fd, data, len, &e)) {
            diag_set(err, path, 0, "write", "cannot write: %s", strerror(fd < 0 ? errno : e));
            if (fd >= 0)
                close(fd);
            return false;
        }
        if (close(fd) != 0) {
            diag_set(err, path, 0, "write", "cannot write: %s", strerror(errno));
            return false;
        }
        return true;
    }
    /* A regular file or a new one; a symbolic link is followed, so that the
     * file it leads to is replaced, not the link. */
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        char real[PATH_MAX];
        if (!realpath(path, real)) {
            diag_set(err, path, 0, "write", "cannot write: a symbolic link that leads nowhere (%s)",
                     strerror(errno));
            return false;
        }
        return file_write_atomic(real, data, len, err);
    }
    return file_write_atomic(path, data, len, err);
}
