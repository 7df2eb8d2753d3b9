/*
 * results.c: reading a workshop's result files and summing them up (see
 * results.h). Files are only ever opened for reading; every string kept
 * lives in the report's arena.
 */
#include "results.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "core/diag.h"
#include "core/limits.h"
#include "core/run.h"
#include "core/util.h"

/* ------------------------------------------------------------ helpers */

double rep_points(const struct rep_score *s, const char *dim, bool *has)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->dims[i], dim) == 0) {
            if (has)
                *has = true;
            return s->points[i];
        }
    if (has)
        *has = false;
    return 0;
}

const struct rep_player *rep_row_player(const struct rep_row *row)
{
    return &row->run->players[row->player];
}

void rep_run_alignment(const struct rep_run *run, int *agreed, int *secret)
{
    *agreed = *secret = 0;
    for (int j = 0; j < run->ndecisions; j++) {
        const struct rep_decision *d = &run->decisions[j];
        if (d->secret && d->player == 0 && d->outcome) {
            (*secret)++;
            *agreed += strcmp(d->outcome, "agreed") == 0;
        }
    }
}

const struct rep_run *rep_next_duet(const struct report *r, int gi, int *cursor)
{
    while (*cursor < r->nruns) {
        const struct rep_run *run = &r->runs[(*cursor)++];
        if (run->group == gi && run->nplayers == 2)
            return run;
    }
    return NULL;
}

int rep_role_index(const struct rep_group *g, const char *role)
{
    for (int i = 0; i < g->nroles; i++)
        if (strcmp(g->roles[i], role) == 0)
            return i;
    return -1;
}

void rep_dim_label(const char *id, char *buf, size_t cap)
{
    str_copy(buf, cap, id);
    for (char *p = buf; *p; p++)
        if (*p == '_' || *p == '-')
            *p = ' ';
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

void rep_role_label(const char *id, char *buf, size_t cap)
{
    str_copy(buf, cap, id);
    for (char *p = buf; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
}

void rep_score_text(const struct rep_score *s, struct strbuf *out)
{
    int shown = 0;
    for (int i = 0; i < s->n; i++) {
        if (s->points[i] == 0)
            continue;
        char num[32], label[128];
        format_signed(num, sizeof num, s->points[i]);
        rep_dim_label(s->dims[i], label, sizeof label);
        sb_printf(out, "%s%s %s", shown++ ? " \u00b7 " : "", num, label);
    }
    if (!shown)
        sb_puts(out, "no points");
}

void rep_minutes_text(double minutes, char *buf, size_t cap)
{
    if (minutes < 0)
        str_copy(buf, cap, "-");
    else
        str_format(buf, cap, "%.1f", minutes);
}

double rep_median(const double *v, int n)
{
    if (n <= 0)
        return 0;
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ------------------------------------------------------------ reading */

struct loader {
    struct report *r;
    report_warn_fn warn;
    void *ctx;
    int cap;
    bool too_big; /* a number of the file being read is beyond REPORT_NUMBER_MAX */
};

void rep_warn(report_warn_fn warnfn, void *ctx, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_fold_line(msg);
    if (warnfn)
        warnfn(ctx, msg);
}

/* A warning about the file being read (or the report). */
#define warn(ld, ...) rep_warn((ld)->warn, (ld)->ctx, __VA_ARGS__)

static const char *keep(struct loader *ld, const cJSON *item)
{
    return cJSON_IsString(item) && item->valuestring ? arena_strdup(&ld->r->arena, item->valuestring)
                                                      : NULL;
}

/* Room for one more consequence (arena memory is never freed alone). */
static struct rep_consequence *arena_realloc_array(struct loader *ld, struct rep_consequence *old,
                                                   int n)
{
    struct rep_consequence *p = arena_alloc(&ld->r->arena, sizeof *p * (size_t)(n + 1));
    if (n)
        memcpy(p, old, sizeof *p * (size_t)n);
    return p;
}

static const cJSON *field(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static double number_or(const cJSON *item, double fallback)
{
    return cJSON_IsNumber(item) && isfinite(item->valuedouble) ? item->valuedouble : fallback;
}

/* A whole number in [lo, hi] (or the fallback): a hand-edited file must
 * not make a cast overflow. */
static int int_or(const cJSON *item, int fallback, int lo, int hi)
{
    double v = number_or(item, fallback);
    return v >= lo && v <= hi ? (int)v : fallback;
}

/* The largest number a game writes: a choice's points and a stat are at
 * most LIMIT_NUMBER from zero, and a total of LIMIT_TURNS of them within
 * LIMIT_NUMBER_TOTAL (limits.h). A number beyond is not from a game: the
 * file is skipped, never shown clamped (a clamped number is a wrong number). */
#define REPORT_NUMBER_MAX LIMIT_NUMBER_TOTAL

static double game_number(struct loader *ld, double v)
{
    if (v > REPORT_NUMBER_MAX || v < -REPORT_NUMBER_MAX)
        ld->too_big = true;
    return v;
}

/* Seconds are the clock's, not the game's: a year at most. */
static double clamp_seconds(double v)
{
    return v < 0 ? 0 : v > 3.2e7 ? 3.2e7 : v;
}

/* A JSON object of numbers as a score; false when it is not one. */
static bool read_score(struct loader *ld, const cJSON *o, struct rep_score *out)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(o))
        return false;
    int n = cJSON_GetArraySize(o);
    if (n > 64)
        return false;
    out->dims = arena_alloc(&ld->r->arena, sizeof *out->dims * (size_t)(n ? n : 1));
    out->points = arena_alloc(&ld->r->arena, sizeof *out->points * (size_t)(n ? n : 1));
    const cJSON *item;
    cJSON_ArrayForEach(item, o)
    {
        if (!item->string || !cJSON_IsNumber(item) || !isfinite(item->valuedouble))
            return false;
        out->dims[out->n] = arena_strdup(&ld->r->arena, item->string);
        out->points[out->n] = game_number(ld, item->valuedouble);
        out->n++;
    }
    return true;
}

/* "2026-11-28T09:00:00Z" as seconds since the epoch; -1 when not one. */
double rep_parse_time(const char *s)
{
    if (!s)
        return -1;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    char z = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec, &z) != 7 ||
        z != 'Z')
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    return t == (time_t)-1 ? -1 : (double)t;
}

/* A run under way whose best is still being searched has best and percent
 * null (core/run.c): it counts at 0% until its next write, rather than
 * vanishing from the report. Anything else without a percent is skipped. */
static double pending(const struct rep_run *run, const cJSON *o)
{
    const cJSON *p = field(o, "percent");
    return !run->finished && cJSON_IsNull(p) && cJSON_IsNull(field(o, "best")) ? 0 : NAN;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* A decision's (or a pick's) choice and best option. scaleup-result/1:
 * "choice" and "best" are numbers as offered; scaleup-result/2: they are
 * choice ids, and "number" is the number the player saw. */
static void read_choice(struct loader *ld, const cJSON *item, struct rep_decision *d)
{
    const cJSON *choice = field(item, "choice");
    d->id = d->choice_id = NULL;
    d->best_id = NULL;
    d->best = 0;
    if (cJSON_IsString(choice)) {
        d->id = d->choice_id = keep(ld, choice);
        d->choice = int_or(field(item, "number"), 0, 1, LIMIT_CHOICES_PER_SCENE);
    } else {
        d->choice = int_or(choice, 0, 1, LIMIT_CHOICES_PER_SCENE);
    }
    const cJSON *best = field(item, "best");
    if (cJSON_IsString(best))
        d->best_id = keep(ld, best);
    else
        d->best = int_or(best, 0, 1, LIMIT_CHOICES_PER_SCENE);
}

/* What a decision caused later (game.cause): "caused": [{turn, scene,
 * effects}], kept as the run's consequences. */
static void read_caused(struct loader *ld, struct rep_run *run, const cJSON *item,
                        const struct rep_decision *d)
{
    const cJSON *caused = field(item, "caused");
    if (!cJSON_IsArray(caused))
        return;
    const cJSON *c;
    cJSON_ArrayForEach(c, caused)
    {
        if (!cJSON_IsObject(c) || run->nconsequences >= LIMIT_TURNS)
            continue;
        run->consequences = arena_realloc_array(ld, run->consequences, run->nconsequences);
        struct rep_consequence *k = &run->consequences[run->nconsequences++];
        memset(k, 0, sizeof *k);
        k->turn = d->turn;
        k->player = d->player;
        k->cause = d->choice_id;
        k->text = d->text;
        k->scene = keep(ld, field(c, "scene"));
        k->at_turn = int_or(field(c, "turn"), 0, 0, LIMIT_TURNS * 2);
        read_score(ld, field(c, "effects"), &k->changes);
    }
}

bool rep_has_best(const struct rep_decision *d)
{
    return d->best_id != NULL || d->best > 0;
}

bool rep_took_best(const struct rep_decision *d)
{
    if (d->best_id)
        return d->choice_id && strcmp(d->choice_id, d->best_id) == 0;
    return d->best > 0 && d->choice == d->best;
}

/* The run's scenario, seed, times, ending and best: what a file holds
 * whoever played it. */
static void read_header(struct loader *ld, const char *path, const cJSON *root,
                        struct rep_run *run)
{
    run->path = arena_strdup(&ld->r->arena, path);
    run->file = base_name(run->path);
    const cJSON *scn = field(root, "scenario");
    run->scenario_id = keep(ld, field(scn, "id"));
    run->scenario_version = keep(ld, field(scn, "version"));
    run->scenario_title = keep(ld, field(scn, "title"));
    run->scenario_hash = keep(ld, field(scn, "hash"));
    run->seed = number_or(field(root, "seed"), 0);
    run->started = keep(ld, field(root, "started"));
    run->updated = keep(ld, field(root, "updated"));
    run->finished = keep(ld, field(root, "finished"));
    double t0 = rep_parse_time(run->started);
    double t1 = rep_parse_time(run->finished ? run->finished : run->updated);
    run->minutes = t0 >= 0 && t1 >= t0 ? (t1 - t0) / 60 : -1;
    const cJSON *ending = field(root, "ending");
    if (cJSON_IsObject(ending)) {
        run->ending_id = keep(ld, field(ending, "id"));
        run->ending_title = keep(ld, field(ending, "title"));
        run->verdict = keep(ld, field(ending, "verdict"));
    }
    run->best = game_number(ld, number_or(field(root, "best"), 0));
    run->rating = keep(ld, field(root, "rating"));
}

/* A duet's two players ("players": [{...}, {...}]). False (after a
 * warning) when one lacks what the report needs, or both share a role. */
static bool read_duet_players(struct loader *ld, const char *path, const cJSON *players,
                              struct rep_run *run)
{
    run->nplayers = 2;
    for (int p = 0; p < 2; p++) {
        const cJSON *o = cJSON_GetArrayItem(players, p);
        struct rep_player *pl = &run->players[p];
        pl->name = keep(ld, field(o, "name"));
        pl->role = keep(ld, field(o, "role"));
        pl->weighted = game_number(ld, number_or(field(o, "weighted"), NAN));
        pl->percent = game_number(ld, number_or(field(o, "percent"), pending(run, o)));
        /* Files written before players held their best: the run's
         * best is the first player's. */
        pl->best = game_number(ld, number_or(field(o, "best"), p == 0 ? run->best : (double)NAN));
        pl->best_estimate = cJSON_IsTrue(field(o, "best_estimate"));
        pl->rating = cJSON_IsString(field(o, "rating")) ? keep(ld, field(o, "rating"))
                     : p == 0                          ? run->rating
                                                       : NULL;
        if (!read_score(ld, field(o, "score"), &pl->score) || isnan(pl->weighted) ||
            isnan(pl->percent) || !pl->name || !pl->role) {
            warn(ld, "%s: a player of this result file has no score, weighted total or percent "
                     "(skipped)", path);
            return false;
        }
    }
    /* A duet is one player per role: the pair tables count picks by role. */
    if (strcmp(run->players[0].role, run->players[1].role) == 0) {
        warn(ld, "%s: both players of this duet have the role '%s' (skipped)", path,
             run->players[0].role);
        return false;
    }
    return true;
}

/* A solo run's player, from the file's top level. False (after a warning)
 * when it lacks what the report needs. */
static bool read_solo_player(struct loader *ld, const char *path, const cJSON *root,
                             struct rep_run *run)
{
    run->nplayers = 1;
    struct rep_player *pl = &run->players[0];
    pl->name = keep(ld, field(root, "player"));
    pl->role = keep(ld, field(root, "role"));
    pl->weighted = game_number(ld, number_or(field(root, "weighted"), NAN));
    pl->percent = game_number(ld, number_or(field(root, "percent"), pending(run, root)));
    pl->best = run->best;
    pl->best_estimate = cJSON_IsTrue(field(root, "best_estimate"));
    pl->rating = run->rating;
    if (!read_score(ld, field(root, "score"), &pl->score) || isnan(pl->weighted) ||
        isnan(pl->percent)) {
        warn(ld, "%s: this result file has no score, weighted total or percent (skipped)", path);
        return false;
    }
    return true;
}

/* A duet's secret decision d (just read) becomes one decision per player:
 * each player's own pick, scored and judged for that player's role. */
static void split_secret(struct loader *ld, struct rep_run *run, const cJSON *item,
                         const cJSON *picks, const struct rep_decision *d)
{
    struct rep_decision shared = *d;
    shared.secret = true;
    shared.outcome = keep(ld, field(item, "outcome"));
    shared.stood = keep(ld, field(item, "stood"));
    run->ndecisions--;
    for (int p = 0; p < 2; p++) {
        const cJSON *pick = field(picks, run->players[p].role);
        if (!cJSON_IsObject(pick))
            continue;
        struct rep_decision *pd = &run->decisions[run->ndecisions++];
        *pd = shared;
        pd->player = p;
        read_choice(ld, pick, pd);
        pd->text = keep(ld, field(pick, "text"));
        read_score(ld, field(pick, "score"), &pd->score);
        pd->offered = int_or(field(pick, "offered"), 0, 1, LIMIT_CHOICES_PER_SCENE);
    }
}

/* One element of "decisions", appended to the run's (two for a duet's
 * secret decision). */
static void read_decision(struct loader *ld, struct rep_run *run, const cJSON *item)
{
    struct rep_decision *d = &run->decisions[run->ndecisions];
    d->turn = int_or(field(item, "turn"), run->ndecisions + 1, 0, LIMIT_TURNS * 2);
    d->scene = keep(ld, field(item, "scene"));
    read_choice(ld, item, d);
    d->text = keep(ld, field(item, "text"));
    d->discuss = keep(ld, field(item, "discuss"));
    read_score(ld, field(item, "score"), &d->score);
    read_score(ld, field(item, "effects"), &d->effects);
    d->seconds = clamp_seconds(number_or(field(item, "seconds"), 0));
    d->timed_out = cJSON_IsTrue(field(item, "timed_out"));
    d->offered = int_or(field(item, "offered"), 0, 1, LIMIT_CHOICES_PER_SCENE);
    const cJSON *by = field(item, "by");
    if (run->nplayers == 2 && cJSON_IsString(by) &&
        strcmp(by->valuestring, run->players[1].role) == 0)
        d->player = 1;
    read_caused(ld, run, item, d);
    run->ndecisions++;
    const cJSON *picks = field(item, "picks");
    if (run->nplayers == 2 && cJSON_IsTrue(field(item, "secret")) && cJSON_IsObject(picks))
        split_secret(ld, run, item, picks, d);
}

/* Fills run from a file that run_parse accepted. False (after a warning)
 * when a number the report needs is missing. */
static bool read_run(struct loader *ld, const char *path, const cJSON *root, struct rep_run *run)
{
    memset(run, 0, sizeof *run);
    read_header(ld, path, root, run);
    const cJSON *players = field(root, "players");
    bool duet = cJSON_IsArray(players) && cJSON_GetArraySize(players) == 2;
    if (duet ? !read_duet_players(ld, path, players, run) : !read_solo_player(ld, path, root, run))
        return false;
    read_score(ld, field(root, "stats"), &run->stats);
    const cJSON *decisions = field(root, "decisions");
    int n = cJSON_GetArraySize(decisions);
    /* Room for a secret decision's two picks each. */
    run->decisions = arena_alloc(&ld->r->arena, sizeof *run->decisions * (size_t)(n ? 2 * n : 1));
    const cJSON *item;
    cJSON_ArrayForEach(item, decisions)
        read_decision(ld, run, item);
    return true;
}

static bool same_run(const struct rep_run *x, const struct rep_run *y)
{
    return strcmp(x->file, y->file) == 0 && strcmp(x->scenario_id, y->scenario_id) == 0 &&
           x->seed == y->seed && x->started && y->started && strcmp(x->started, y->started) == 0 &&
           strcmp(x->players[0].name, y->players[0].name) == 0;
}

static void load_file(struct loader *ld, const char *path)
{
    struct report *r = ld->r;
    r->inputs = xrealloc((void *)r->inputs, sizeof *r->inputs * (size_t)(r->ninputs + 1));
    r->inputs[r->ninputs++] = arena_strdup(&r->arena, path);
    struct diag err;
    size_t len;
    char *text = file_read_all(path, LIMIT_RUN_FILE_BYTES, &len, &err);
    if (!text) {
        warn(ld, "%s: %s (skipped)", path, err.message);
        r->skipped++;
        return;
    }
    struct run_record rec;
    if (!run_parse(text, len, path, &rec, &err)) {
        warn(ld, "%s: %s (skipped)", path, err.message);
        free(text);
        r->skipped++;
        return;
    }
    run_record_free(&rec);
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    struct rep_run run;
    ld->too_big = false;
    bool ok = root && read_run(ld, path, root, &run);
    cJSON_Delete(root);
    if (ok && ld->too_big) {
        warn(ld, "%s: this result file holds a number beyond what a game writes (more than %g "
                 "from zero) (skipped)",
             path, REPORT_NUMBER_MAX);
        ok = false;
    }
    if (!ok) {
        r->skipped++;
        return;
    }
    for (int i = 0; i < r->nruns; i++) {
        struct rep_run *old = &r->runs[i];
        if (!same_run(old, &run))
            continue;
        bool newer = run.ndecisions > old->ndecisions ||
                     (run.ndecisions == old->ndecisions && run.updated && old->updated &&
                      strcmp(run.updated, old->updated) > 0);
        warn(ld, "%s: the same run as %s; counted once, from the copy with %d decisions",
             newer ? old->path : path, newer ? path : old->path,
             newer ? run.ndecisions : old->ndecisions);
        if (newer)
            *old = run;
        return;
    }
    if (r->nruns == ld->cap) {
        ld->cap = ld->cap ? ld->cap * 2 : 16;
        r->runs = xrealloc(r->runs, sizeof *r->runs * (size_t)ld->cap);
    }
    r->runs[r->nruns++] = run;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool load_dir(struct loader *ld, const char *dir, char *errbuf, size_t errcap)
{
    DIR *d = opendir(dir);
    if (!d) {
        str_format(errbuf, errcap, "cannot read the folder %s: %s", dir, strerror(errno));
        return false;
    }
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, ".json"))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = xrealloc(names, sizeof *names * (size_t)cap);
        }
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        sort_items(names, (size_t)n, sizeof *names, compare_strings);
    for (int i = 0; i < n; i++) {
        struct strbuf path;
        sb_init(&path);
        sb_printf(&path, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", names[i]);
        struct stat st;
        if (stat(path.data, &st) == 0 && S_ISDIR(st.st_mode)) {
            /* A folder named like a result file: not one, and not read. */
        } else {
            load_file(ld, path.data);
        }
        sb_free(&path);
        free(names[i]);
    }
    free(names);
    return true;
}

/* ------------------------------------------------------------ summing up */

int rep_add_unique(const char ***list, int *n, const char *s)
{
    for (int i = 0; i < *n; i++)
        if (strcmp((*list)[i], s) == 0)
            return i;
    *list = xrealloc((void *)*list, sizeof **list * (size_t)(*n + 1));
    (*list)[*n] = s;
    return (*n)++;
}

static int compare_rows(const void *a, const void *b)
{
    const struct rep_row *x = a, *y = b;
    const struct rep_player *px = rep_row_player(x), *py = rep_row_player(y);
    if (px->percent != py->percent)
        return px->percent > py->percent ? -1 : 1;
    if (px->weighted != py->weighted)
        return px->weighted > py->weighted ? -1 : 1;
    int c = strcmp(px->name, py->name);
    if (c)
        return c;
    c = strcmp(x->run->file, y->run->file);
    return c ? c : x->player - y->player;
}

static int compare_points(const void *a, const void *b)
{
    const struct rep_point *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->scene, y->scene);
}

/* Most taken first; then in the scenario's order (or as first taken). */
static int compare_options(const void *a, const void *b)
{
    const struct rep_option *x = a, *y = b;
    if (x->teams != y->teams)
        return y->teams - x->teams;
    if (x->taken != y->taken)
        return y->taken - x->taken;
    if (!x->info != !y->info)
        return x->info ? -1 : 1;
    if (x->number != y->number)
        return x->number - y->number;
    return strcmp(x->key, y->key);
}

/* Copies a heap array into the arena (the summaries outlive the building). */
static void *to_arena(struct arena *a, void *heap, size_t bytes)
{
    void *p = arena_alloc(a, bytes ? bytes : 1);
    if (bytes)
        memcpy(p, heap, bytes);
    free(heap);
    return p;
}

static const char *option_text(struct arena *a, const struct rep_decision *d)
{
    if (d->text)
        return d->text;
    char buf[32];
    str_format(buf, sizeof buf, "choice %d", d->choice);
    return arena_strdup(a, buf);
}

/* What options are counted by: the choice id, so that two teams who saw the
 * same option under different numbers count together; the text when the
 * id is not known (an old file, and no scenario to match it in). */
static const char *option_key(struct arena *a, const struct rep_decision *d)
{
    struct strbuf sb;
    sb_init(&sb);
    if (d->choice_id)
        sb_printf(&sb, "id:%s", d->choice_id);
    else
        sb_printf(&sb, "text:%s", option_text(a, d));
    const char *k = arena_strdup(a, sb.data);
    sb_free(&sb);
    return k;
}

/* The row of a run's player in its group. */
static int row_of(const struct rep_group *g, const struct rep_run *run, int player)
{
    for (int i = 0; i < g->nrows; i++)
        if (g->rows[i].run == run && g->rows[i].player == player)
            return i;
    return 0;
}

/* The scenario's index of the group's role r, or -1. */
static int sc_role(const struct rep_group *g, int r)
{
    if (!g->sc || r < 0)
        return -1;
    for (int k = 0; k < g->sc->nroles; k++)
        if (strcmp(g->sc->roles[k].id, g->roles[r]) == 0)
            return k;
    return -1;
}

/* An option of the scenario's scene as a score over its dimensions. */
static const struct rep_score *info_score(struct arena *a, const struct rep_scenario *sc,
                                          const struct rep_choice_info *ci)
{
    struct rep_score *s = arena_alloc(a, sizeof *s);
    s->n = sc->ndims;
    s->dims = arena_alloc(a, sizeof *s->dims * (size_t)(sc->ndims ? sc->ndims : 1));
    s->points = arena_alloc(a, sizeof *s->points * (size_t)(sc->ndims ? sc->ndims : 1));
    for (int d = 0; d < sc->ndims; d++) {
        s->dims[d] = sc->dims[d].id;
        s->points[d] = ci->score[d];
    }
    return s;
}

static struct rep_option *new_option(struct arena *a, const struct rep_group *g,
                                     struct rep_option **opts, bool ***taken, int *nopts, int nrows)
{
    *opts = xrealloc(*opts, sizeof **opts * (size_t)(*nopts + 1));
    *taken = xrealloc(*taken, sizeof **taken * (size_t)(*nopts + 1));
    struct rep_option *o = &(*opts)[*nopts];
    memset(o, 0, sizeof *o);
    o->teams_by_role = arena_alloc(a, sizeof(int) * (size_t)(g->nroles ? g->nroles : 1));
    o->missed_by_role = arena_alloc(a, sizeof(int) * (size_t)(g->nroles ? g->nroles : 1));
    memset(o->teams_by_role, 0, sizeof(int) * (size_t)(g->nroles ? g->nroles : 1));
    memset(o->missed_by_role, 0, sizeof(int) * (size_t)(g->nroles ? g->nroles : 1));
    (*taken)[*nopts] = xcalloc((size_t)(nrows ? nrows : 1), sizeof ***taken);
    (*nopts)++;
    return o;
}

/* The tallies of one scene while its point is built; heap arrays, moved to
 * the arena (or freed) when it is done. */
struct point_tally {
    bool *seen;              /* seen[k]: row k (a player of a run) decided here */
    struct rep_option *opts; /* the options, in the order first met */
    bool **taken;            /* taken[o][k]: row k took option o */
    int nopts;
    double *secs; /* the seconds of each decision */
    double turns; /* the sum of the decisions' turns */
};

/* Every option of the scene, in the scenario's order. */
static void add_scenario_options(struct arena *a, const struct rep_group *g,
                                 const struct rep_point *pt, struct point_tally *t)
{
    if (!pt->info)
        return;
    for (int k = 0; k < pt->info->nchoices; k++) {
        const struct rep_choice_info *ci = &pt->info->choices[k];
        struct rep_option *o = new_option(a, g, &t->opts, &t->taken, &t->nopts, g->nrows);
        struct strbuf key;
        sb_init(&key);
        sb_printf(&key, "id:%s", ci->id);
        o->key = arena_strdup(a, key.data);
        sb_free(&key);
        o->id = ci->id;
        o->text = ci->text;
        o->feedback = ci->feedback;
        o->info = ci;
        o->conditional = ci->conditional;
        o->score = info_score(a, g->sc, ci);
        o->number = k + 1;
    }
}

/* The index of the option decision d took, added when not met before. */
static int option_of_decision(struct arena *a, const struct rep_group *g, struct point_tally *t,
                              const struct rep_decision *d)
{
    const char *key = option_key(a, d);
    int o = 0;
    while (o < t->nopts && strcmp(t->opts[o].key, key) != 0)
        o++;
    if (o == t->nopts) {
        struct rep_option *op = new_option(a, g, &t->opts, &t->taken, &t->nopts, g->nrows);
        op->key = key;
        op->id = d->choice_id;
        op->text = option_text(a, d);
        op->score = &d->score;
        op->number = d->choice; /* as offered to the first team that took it */
    } else if (!t->opts[o].text) {
        t->opts[o].text = option_text(a, d); /* a label written as a function */
    }
    return o;
}

/* Counts one decision of a run at the point's scene. */
static void count_decision(struct arena *a, const struct rep_group *g, struct rep_point *pt,
                           struct point_tally *t, const struct rep_run *run,
                           const struct rep_decision *d)
{
    int role = rep_role_index(g, run->players[d->player].role);
    int k = row_of(g, run, d->player);
    if (!t->seen[k]) {
        t->seen[k] = true;
        pt->teams++;
        if (role >= 0)
            pt->teams_by_role[role]++;
    }
    pt->decisions++;
    t->turns += d->turn;
    if (rep_has_best(d) && !rep_took_best(d))
        pt->missed++;
    if (d->timed_out)
        pt->timed_out++;
    t->secs = xrealloc(t->secs, sizeof *t->secs * (size_t)(pt->decisions));
    t->secs[pt->decisions - 1] = d->seconds;
    int o = option_of_decision(a, g, t, d);
    struct rep_option *opt = &t->opts[o];
    if (!opt->info && d->choice != opt->number)
        opt->varied = true;
    opt->taken++;
    if (!pt->discuss && d->discuss && d->discuss[0])
        pt->discuss = d->discuss;
    if (rep_has_best(d) && !rep_took_best(d)) {
        opt->missed_by++;
        if (role >= 0)
            opt->missed_by_role[role]++;
    }
    if (!t->taken[o][k]) {
        t->taken[o][k] = true;
        opt->teams++;
        if (role >= 0)
            opt->teams_by_role[role]++;
    }
}

/* The decisions of a group's runs at one scene, in the order of the runs:
 * set r, group and scene, then call next_at_scene until it is false. */
struct scene_walk {
    const struct report *r;
    int group;
    const char *scene;
    int run, decision; /* where the walk is */
};

static bool next_at_scene(struct scene_walk *w, const struct rep_run **run,
                          const struct rep_decision **d)
{
    for (; w->run < w->r->nruns; w->run++, w->decision = 0) {
        const struct rep_run *at = &w->r->runs[w->run];
        if (at->group != w->group)
            continue;
        while (w->decision < at->ndecisions) {
            const struct rep_decision *x = &at->decisions[w->decision++];
            if (x->scene && strcmp(x->scene, w->scene) == 0) {
                *run = at;
                *d = x;
                return true;
            }
        }
    }
    return false;
}

/* The option the games recorded as the best most often when a team of role
 * ro took it, or -1: the best one when the scenario does not say. */
static int best_option_by_votes(struct report *r, const struct rep_group *g,
                                const struct rep_point *pt, const struct point_tally *t, int ro)
{
    int votes_best = 0, which = -1;
    for (int o = 0; o < t->nopts; o++) {
        int votes = 0;
        struct scene_walk w = {.r = r, .group = (int)(g - r->groups), .scene = pt->scene};
        const struct rep_run *run;
        const struct rep_decision *d;
        while (next_at_scene(&w, &run, &d))
            if (rep_took_best(d) && rep_role_index(g, run->players[d->player].role) == ro &&
                strcmp(option_key(&r->arena, d), t->opts[o].key) == 0)
                votes++;
        if (votes > votes_best) {
            votes_best = votes;
            which = o;
        }
    }
    return which;
}

/* The best option for each role: one, never two. */
static void mark_best_options(struct report *r, const struct rep_group *g,
                              const struct rep_point *pt, struct point_tally *t)
{
    for (int ro = 0; ro < g->nroles && ro < 31; ro++) {
        int sr = sc_role(g, ro);
        if (pt->info && sr >= 0) {
            if (pt->info->best[sr] >= 0)
                t->opts[pt->info->best[sr]].best_for |= 1 << ro;
            continue;
        }
        int which = best_option_by_votes(r, g, pt, t, ro);
        if (which >= 0)
            t->opts[which].best_for |= 1 << ro;
    }
}

/* Moves the tallies into the point (order, seconds, split, options) and
 * frees what is left of them. */
static void store_tally(struct arena *a, struct rep_point *pt, struct point_tally *t)
{
    pt->order = pt->decisions ? t->turns / pt->decisions : 0;
    sort_items(t->secs, (size_t)pt->decisions, sizeof *t->secs, compare_doubles);
    pt->nseconds = pt->decisions;
    pt->seconds = to_arena(a, t->secs, sizeof *t->secs * (size_t)pt->decisions);
    /* How split the room is: 1 - the most taken option's share. */
    int most = 0;
    for (int o = 0; o < t->nopts; o++)
        most = t->opts[o].taken > most ? t->opts[o].taken : most;
    pt->split = pt->decisions ? 1 - (double)most / pt->decisions : 0;
    sort_items(t->opts, (size_t)t->nopts, sizeof *t->opts, compare_options);
    pt->noptions = t->nopts;
    pt->options = to_arena(a, t->opts, sizeof *t->opts * (size_t)t->nopts);
    for (int o = 0; o < t->nopts; o++)
        free(t->taken[o]);
    free(t->taken);
    free(t->seen);
}

/* Per best option (its id, or its number in a format 1 file) and role:
 * decisions whose best it was, and how many of them took it. */
struct best_count {
    const char *id;
    int number;
    int with[32], took[32];
};

/* The best counts of the point's scene, over roles below nroles; *nbc set. */
static struct best_count *count_best_options(const struct report *r, const struct rep_group *g,
                                             const struct rep_point *pt, int nroles, int *nbc)
{
    struct best_count *bc = NULL;
    *nbc = 0;
    struct scene_walk w = {.r = r, .group = (int)(g - r->groups), .scene = pt->scene};
    const struct rep_run *run;
    const struct rep_decision *d;
    while (next_at_scene(&w, &run, &d)) {
        if (!rep_has_best(d))
            continue;
        int role = rep_role_index(g, run->players[d->player].role);
        if (role < 0 || role >= nroles)
            continue;
        int b = 0;
        while (b < *nbc && (d->best_id ? !bc[b].id || strcmp(bc[b].id, d->best_id) != 0
                                       : bc[b].id || bc[b].number != d->best))
            b++;
        if (b == *nbc) {
            bc = xrealloc(bc, sizeof *bc * (size_t)(*nbc + 1));
            memset(&bc[b], 0, sizeof bc[b]);
            bc[b].id = d->best_id;
            bc[b].number = d->best_id ? 0 : d->best;
            (*nbc)++;
        }
        bc[b].with[role]++;
        bc[b].took[role] += rep_took_best(d);
    }
    return bc;
}

/* Best options nobody concerned took. The best option depends on the role
 * (and on what was offered), so it is counted per best option and role. */
static void find_untaken_best(struct report *r, const struct rep_group *g, struct rep_point *pt)
{
    int nroles = g->nroles < 31 ? g->nroles : 31;
    int nbc;
    struct best_count *bc = count_best_options(r, g, pt, nroles, &nbc);
    struct rep_missed_best *un = NULL;
    int nun = 0;
    for (int b = 0; b < nbc; b++) {
        int roles = 0, all = 0, took_any = 0;
        for (int ro = 0; ro < nroles; ro++) {
            all += bc[b].with[ro];
            took_any += bc[b].took[ro];
            if (bc[b].with[ro] && !bc[b].took[ro])
                roles |= 1 << ro;
        }
        if (!roles)
            continue;
        un = xrealloc(un, sizeof *un * (size_t)(nun + 1));
        un[nun].id = bc[b].id;
        un[nun].number = bc[b].number;
        un[nun].roles = roles;
        un[nun].all_roles = all == pt->decisions && took_any == 0;
        nun++;
    }
    free(bc);
    /* Format 1's by number, as the report always listed them (stable). */
    for (int i = 1; i < nun; i++)
        for (int j = i; j > 0 && un[j - 1].number > un[j].number; j--) {
            struct rep_missed_best tmp = un[j];
            un[j] = un[j - 1];
            un[j - 1] = tmp;
        }
    pt->nuntaken = nun;
    pt->untaken = to_arena(&r->arena, un, sizeof *un * (size_t)nun);
}

static void build_point(struct report *r, struct rep_group *g, struct rep_point *pt)
{
    struct arena *a = &r->arena;
    struct point_tally t = {.seen = xcalloc((size_t)(g->nrows ? g->nrows : 1), sizeof *t.seen)};
    pt->info = rep_scene_info(g->sc, pt->scene);
    pt->title = rep_scene_title(r, g, pt->scene);
    pt->discuss = pt->info ? pt->info->discuss : NULL;
    pt->teams_by_role = arena_alloc(a, sizeof *pt->teams_by_role * (size_t)(g->nroles ? g->nroles : 1));
    memset(pt->teams_by_role, 0, sizeof *pt->teams_by_role * (size_t)(g->nroles ? g->nroles : 1));
    add_scenario_options(a, g, pt, &t);
    struct scene_walk w = {.r = r, .group = (int)(g - r->groups), .scene = pt->scene};
    const struct rep_run *run;
    const struct rep_decision *d;
    while (next_at_scene(&w, &run, &d))
        count_decision(a, g, pt, &t, run, d);
    mark_best_options(r, g, pt, &t);
    store_tally(a, pt, &t);
    find_untaken_best(r, g, pt);
}

const char *rep_scene_title(struct report *r, const struct rep_group *g, const char *scene)
{
    const struct rep_scene_info *si = rep_scene_info(g->sc, scene);
    if (si && si->title)
        return si->title;
    char label[256];
    rep_dim_label(scene, label, sizeof label);
    return arena_strdup(&r->arena, label);
}

/* What build_group gathers from the group's runs before it sums up. */
struct gathered {
    const char **dims, **roles, **scenes;
    int nscenes;
    struct rep_row *rows;
};

/* Counts the group's runs and gathers its rows (a player of a run each),
 * dimensions, roles and scenes, in the order first met. */
static void gather_runs(const struct report *r, struct rep_group *g, struct gathered *all)
{
    int gi = (int)(g - r->groups);
    for (int i = 0; i < r->nruns; i++) {
        const struct rep_run *run = &r->runs[i];
        if (run->group != gi)
            continue;
        g->nruns++;
        g->nfinished += run->finished != NULL;
        if (!g->title && run->scenario_title)
            g->title = run->scenario_title;
        if (run->scenario_version) {
            if (!g->version)
                g->version = run->scenario_version;
            else if (strcmp(g->version, run->scenario_version) != 0)
                g->versions_differ = true;
        }
        for (int p = 0; p < run->nplayers; p++) {
            for (int d = 0; d < run->players[p].score.n; d++)
                rep_add_unique(&all->dims, &g->ndims, run->players[p].score.dims[d]);
            rep_add_unique(&all->roles, &g->nroles, run->players[p].role);
            all->rows = xrealloc(all->rows, sizeof *all->rows * (size_t)(g->nrows + 1));
            memset(&all->rows[g->nrows], 0, sizeof all->rows[g->nrows]);
            all->rows[g->nrows].run = run;
            all->rows[g->nrows].player = p;
            g->nrows++;
        }
        for (int j = 0; j < run->ndecisions; j++)
            if (run->decisions[j].scene)
                rep_add_unique(&all->scenes, &all->nscenes, run->decisions[j].scene);
    }
}

/* Ranks the rows and moves them, the dimensions and the roles into g. */
static void store_ranking(struct report *r, struct rep_group *g, struct gathered *all)
{
    sort_items(all->rows, (size_t)g->nrows, sizeof *all->rows, compare_rows);
    for (int i = 0; i < g->nrows; i++)
        all->rows[i].rank = i + 1;
    g->rows = to_arena(&r->arena, all->rows, sizeof *all->rows * (size_t)g->nrows);
    g->dims = to_arena(&r->arena, (void *)all->dims, sizeof *all->dims * (size_t)g->ndims);
    /* Roles in a fixed order whatever the files' names: by id. */
    sort_items((void *)all->roles, (size_t)g->nroles, sizeof *all->roles, compare_strings);
    g->roles = to_arena(&r->arena, (void *)all->roles, sizeof *all->roles * (size_t)g->nroles);
}

/* A decision point per scene, in the order of the story. */
static void build_points(struct report *r, struct rep_group *g, struct gathered *all)
{
    g->npoints = all->nscenes;
    g->points =
        arena_alloc(&r->arena, sizeof *g->points * (size_t)(all->nscenes ? all->nscenes : 1));
    for (int s = 0; s < all->nscenes; s++) {
        g->points[s].scene = all->scenes[s];
        build_point(r, g, &g->points[s]);
    }
    free((void *)all->scenes);
    sort_items(g->points, (size_t)all->nscenes, sizeof *g->points, compare_points);
}

/* Whether dimension d of the group is shown: some option of the scenario
 * scores it, or (without the scenario, or a dimension it lacks) some row or
 * decision has points in it. */
static bool dim_shown(const struct report *r, const struct rep_group *g, int d)
{
    int gi = (int)(g - r->groups);
    for (int j = 0; g->sc && j < g->sc->ndims; j++)
        if (strcmp(g->sc->dims[j].id, g->dims[d]) == 0)
            return g->sc->dim_scored[j];
    for (int i = 0; i < g->nrows; i++)
        if (rep_points(&rep_row_player(&g->rows[i])->score, g->dims[d], NULL) != 0)
            return true;
    for (int i = 0; i < r->nruns; i++)
        for (int j = 0; r->runs[i].group == gi && j < r->runs[i].ndecisions; j++)
            if (rep_points(&r->runs[i].decisions[j].score, g->dims[d], NULL) != 0)
                return true;
    return false;
}

/* A dimension no option of the scenario scores (or, without it, that no
 * run has points in) is left out of the charts. */
static void mark_shown_dims(struct report *r, struct rep_group *g)
{
    g->dim_shown = arena_alloc(&r->arena, sizeof *g->dim_shown * (size_t)(g->ndims ? g->ndims : 1));
    for (int d = 0; d < g->ndims; d++) {
        g->dim_shown[d] = dim_shown(r, g, d);
        g->ndims_shown += g->dim_shown[d];
    }
}

/* The stats to show: those the files hold, less the scenario's hidden
 * ones, in the order first met. */
static void pick_stats(struct report *r, struct rep_group *g)
{
    int gi = (int)(g - r->groups);
    const char **stats = NULL;
    for (int i = 0; i < r->nruns; i++) {
        if (r->runs[i].group != gi)
            continue;
        for (int k = 0; k < r->runs[i].stats.n; k++) {
            const char *id = r->runs[i].stats.dims[k];
            bool hidden = false;
            for (int j = 0; g->sc && j < g->sc->nstats; j++)
                if (strcmp(g->sc->stats[j].id, id) == 0)
                    hidden = g->sc->stats[j].hidden;
            if (!hidden)
                rep_add_unique(&stats, &g->nstats, id);
        }
    }
    g->stats = to_arena(&r->arena, (void *)stats, sizeof *stats * (size_t)g->nstats);
}

static void build_group(struct report *r, struct rep_group *g)
{
    struct gathered all = {0};
    gather_runs(r, g, &all);
    store_ranking(r, g, &all);
    build_points(r, g, &all);
    rep_build_duets(r, g);
    mark_shown_dims(r, g);
    pick_stats(r, g);
    rep_build_patterns(r, g);
    rep_build_plan(r, g);
}

/* The name of a stat for a heading ("Runway"), and its unit or NULL. */
const char *rep_stat_name(const struct rep_group *g, const char *id, const char **unit)
{
    for (int j = 0; g->sc && j < g->sc->nstats; j++)
        if (strcmp(g->sc->stats[j].id, id) == 0) {
            if (unit)
                *unit = g->sc->stats[j].unit;
            return g->sc->stats[j].name;
        }
    if (unit)
        *unit = NULL;
    return NULL;
}

/* The name of a dimension ("Time to market"), from the scenario or its id. */
void rep_dim_name(const struct rep_group *g, const char *id, char *buf, size_t cap)
{
    for (int j = 0; g->sc && j < g->sc->ndims; j++)
        if (strcmp(g->sc->dims[j].id, id) == 0) {
            str_copy(buf, cap, g->sc->dims[j].name);
            return;
        }
    rep_dim_label(id, buf, cap);
}

/* Gives each decision without an id the id of the scenario's option of its
 * scene with its text. */
static void resolve_ids(struct rep_group *g, struct report *r, int gi)
{
    if (!g->sc)
        return;
    for (int i = 0; i < r->nruns; i++) {
        struct rep_run *run = &r->runs[i];
        if (run->group != gi)
            continue;
        if (run->scenario_hash && strcmp(run->scenario_hash, g->sc->hash) != 0)
            g->sc_differs = true;
        for (int j = 0; j < run->ndecisions; j++) {
            struct rep_decision *d = &run->decisions[j];
            if (d->choice_id)
                continue;
            const struct rep_scene_info *si = rep_scene_info(g->sc, d->scene);
            int k = rep_choice_by_text(si, d->text);
            if (k >= 0)
                d->choice_id = si->choices[k].id;
        }
    }
}

static int compare_runs(const void *a, const void *b)
{
    const struct rep_run *x = a, *y = b;
    int c = strcmp(x->scenario_id, y->scenario_id);
    return c ? c : strcmp(x->path, y->path);
}

bool report_load(struct report *r, const char *const *paths, int npaths,
                 const struct rep_sources *src, report_warn_fn warnfn, void *ctx, char *err,
                 size_t errcap)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->arena);
    struct loader ld = {r, warnfn, ctx, 0, false};
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            str_format(err, errcap, "cannot read %s: %s", paths[i], strerror(errno));
            return false;
        }
        if (S_ISDIR(st.st_mode)) {
            if (!load_dir(&ld, paths[i], err, errcap))
                return false;
        } else {
            load_file(&ld, paths[i]);
        }
    }
    if (r->nruns > 1)
        sort_items(r->runs, (size_t)r->nruns, sizeof *r->runs, compare_runs);
    for (int i = 0; i < r->nruns; i++) {
        struct rep_run *run = &r->runs[i];
        if (i == 0 || strcmp(run->scenario_id, r->runs[i - 1].scenario_id) != 0) {
            r->groups = xrealloc(r->groups, sizeof *r->groups * (size_t)(r->ngroups + 1));
            memset(&r->groups[r->ngroups], 0, sizeof *r->groups);
            r->groups[r->ngroups].scenario_id = run->scenario_id;
            r->ngroups++;
        }
        run->group = r->ngroups - 1;
    }
    for (int gi = 0; gi < r->ngroups; gi++) {
        struct rep_group *g = &r->groups[gi];
        g->sc = rep_scenario_find(r, g->scenario_id, src, warnfn, ctx);
        resolve_ids(g, r, gi);
        if (g->sc_differs)
            warn(&ld, "some runs of '%s' were played with other files than %s (another "
                      "version): its options are matched to theirs by id or text",
                 g->scenario_id, g->sc->path);
        build_group(r, g);
        if (r->groups[gi].versions_differ)
            warn(&ld, "the runs of '%s' were played with different versions of the scenario; "
                      "decision points are compared by scene and option text",
                 r->groups[gi].scenario_id);
    }
    return true;
}

void report_free(struct report *r)
{
    free(r->runs);
    free(r->groups);
    free((void *)r->inputs);
    arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}
