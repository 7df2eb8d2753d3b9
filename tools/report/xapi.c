/*
 * xapi.c: the runs as xAPI 1.0.3 statements, for a learning record store.
 *
 * Per decision an "answered" statement: the object is the decision point
 * (an interaction activity named by the scene), the response the chosen
 * option's text, the score the points it gave (raw: their sum, unweighted;
 * each dimension's in a result extension), success whether it was the best
 * option offered. Per finished run and player a "completed" statement on
 * the scenario: score scaled (percent / 100), raw (the weighted total), min
 * and max (0 and the best weighted total), success by the rating, the
 * duration from start to finish. Every statement's context carries the
 * role, the scenario and the seed as extensions and the run as its
 * registration.
 *
 * Everything is named from the workshop's home page: players are accounts
 * on it (or mbox addresses at its host), activities and extensions live
 * under HOMEPAGE/scaleup/. Statement ids are derived from the run and the
 * decision, so that exporting the same runs again gives the same
 * statements (an LRS keeps one of each) while a run that went on adds only
 * its new ones. The result file has no time per decision: an "answered"
 * statement's timestamp is the start plus the seconds taken so far.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/catalog.h"
#include "core/loader.h"
#include "output.h"

#define VERB_ANSWERED "http://adlnet.gov/expapi/verbs/answered"
#define VERB_COMPLETED "http://adlnet.gov/expapi/verbs/completed"
#define TYPE_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define TYPE_INTERACTION "http://adlnet.gov/expapi/activities/cmi.interaction"

struct xapi {
    const struct xapi_options *o;
    char base[1024];   /* the home page without a trailing '/' */
    char host[256];    /* its host, for mbox addresses */
    bool mbox;
    report_warn_fn warn;
    void *ctx;
};

/* ------------------------------------------------------------ names */

/* Appends s to out, percent-encoding all but RFC 3986's unreserved bytes. */
static void iri_segment(struct strbuf *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.' || *p == '~')
            sb_putc(out, (char)*p);
        else
            sb_printf(out, "%%%02X", *p);
    }
}

static char *iri(const struct xapi *x, const char *a, const char *b, const char *c)
{
    struct strbuf s;
    sb_init(&s);
    sb_printf(&s, "%s/scaleup", x->base);
    const char *parts[] = {a, b, c};
    for (size_t i = 0; i < COUNT_OF(parts); i++)
        if (parts[i]) {
            sb_putc(&s, '/');
            iri_segment(&s, parts[i]);
        }
    return sb_take(&s);
}

/* A UUID (RFC 9562 version 8: name-based, our own hash) of the parts. */
static void uuid_of(const char *const *parts, int n, char out[37])
{
    uint64_t h1 = HASH_SEED, h2 = 0x84222325cbf29ce4ULL;
    for (int i = 0; i < n; i++) {
        const char *p = parts[i] ? parts[i] : "";
        size_t len = strlen(p) + 1; /* with the NUL: parts stay apart */
        h1 = hash_bytes(h1, p, len);
        h2 = hash_bytes(h2 ^ (uint64_t)(i + 1) * UINT64_C(0x9e3779b97f4a7c15), p, len);
    }
    unsigned char b[16];
    for (int i = 0; i < 8; i++) {
        b[i] = (unsigned char)(h1 >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x80); /* version 8 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* variant 10 */
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
             b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
             b[15]);
}

static void run_identity(const struct rep_run *run, char seed[32], const char *parts[5])
{
    str_format(seed, 32, "%.0f", run->seed);
    parts[0] = run->scenario_id;
    parts[1] = run->players[0].name;
    parts[2] = run->started;
    parts[3] = seed;
    parts[4] = run->file;
}

/* "PT12.5S" */
static void duration(double seconds, char *buf, size_t cap)
{
    char num[64];
    format_number(num, sizeof num, round(seconds * 10) / 10);
    str_format(buf, cap, "PT%sS", num);
}

/* False when t is not a time of a run (before 1970, after 9999). */
static bool format_time(double t, char *buf, size_t cap)
{
    if (!(t >= 0 && t < 253402300800.0))
        return false;
    time_t tt = (time_t)floor(t);
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return true;
}

/* ------------------------------------------------------------ success */

/* Which ratings of a scenario count as success: from --xapi-pass, or all
 * but the lowest of the installed scenario. */
struct pass_rule {
    const char *scenario_id;
    bool known;
    char **labels; /* the passing ratings */
    int nlabels;
    char **all; /* every rating of the scenario (to tell an unknown one) */
    int nall;
};

static void rule_for(struct xapi *x, const struct rep_group *g, struct pass_rule *rule)
{
    memset(rule, 0, sizeof *rule);
    rule->scenario_id = g->scenario_id;
    if (x->o->pass) {
        rule->known = true;
        rule->labels = xcalloc((size_t)(x->o->npass ? x->o->npass : 1), sizeof *rule->labels);
        for (int i = 0; i < x->o->npass; i++)
            rule->labels[rule->nlabels++] = xstrdup(x->o->pass[i]);
        return;
    }
    /* Only a bundled scenario, by its id: a result file's id is never taken
     * for a path. */
    const char *data = catalog_data_dir();
    bool valid = g->scenario_id[0] != '\0' && strlen(g->scenario_id) <= 64;
    for (const char *p = g->scenario_id; *p && valid; p++)
        valid = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
    struct scenario *sc = NULL;
    if (valid && data) {
        char path[PATH_MAX];
        str_format(path, sizeof path, "%s/scenarios/%s", data, g->scenario_id);
        struct diag_list diags;
        diag_list_init(&diags);
        sc = scenario_load(path, NULL, &diags);
        diag_list_free(&diags);
    }
    if (sc && strcmp(sc->id, g->scenario_id) == 0 && sc->nratings > 0) {
        rule->known = true;
        rule->labels = xcalloc((size_t)sc->nratings, sizeof *rule->labels);
        rule->all = xcalloc((size_t)sc->nratings, sizeof *rule->all);
        for (int i = 0; i < sc->nratings; i++) {
            rule->all[rule->nall++] = xstrdup(sc->ratings[i].label);
            if (i < sc->nratings - 1) /* sorted highest first */
                rule->labels[rule->nlabels++] = xstrdup(sc->ratings[i].label);
        }
    } else if (g->nfinished > 0) {
        rep_warn(x->warn, x->ctx,
                 "the ratings of scenario '%s' are not known here (it is not installed, or has "
                 "none): its \"completed\" statements carry no success; give --xapi-pass "
                 "RATING,... to say which ratings pass",
                 g->scenario_id);
    }
    scenario_free(sc);
}

static void rule_free(struct pass_rule *rule)
{
    for (int i = 0; i < rule->nlabels; i++)
        free(rule->labels[i]);
    for (int i = 0; i < rule->nall; i++)
        free(rule->all[i]);
    free(rule->labels);
    free(rule->all);
}

/* 1 success, 0 failure, -1 unknown. */
static int success_of(const struct pass_rule *rule, const char *rating)
{
    if (!rule->known || !rating)
        return -1;
    for (int i = 0; i < rule->nlabels; i++)
        if (strcmp(rule->labels[i], rating) == 0)
            return 1;
    if (rule->nall == 0)
        return 0; /* --xapi-pass: any other rating fails */
    for (int i = 0; i < rule->nall; i++)
        if (strcmp(rule->all[i], rating) == 0)
            return 0;
    return -1; /* a rating the installed version does not have */
}

/* ------------------------------------------------------------ statements */

static cJSON *actor(const struct xapi *x, const char *name)
{
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "objectType", "Agent");
    cJSON_AddStringToObject(a, "name", name);
    if (x->mbox) {
        char local[80], addr[400];
        name_slug(name, true, local, sizeof local);
        str_format(addr, sizeof addr, "mailto:%s@%s", local, x->host);
        cJSON_AddStringToObject(a, "mbox", addr);
    } else {
        cJSON *acc = cJSON_AddObjectToObject(a, "account");
        cJSON_AddStringToObject(acc, "homePage", x->o->homepage);
        cJSON_AddStringToObject(acc, "name", name);
    }
    return a;
}

static cJSON *verb(const char *id, const char *display)
{
    cJSON *v = cJSON_CreateObject();
    cJSON_AddStringToObject(v, "id", id);
    cJSON_AddStringToObject(cJSON_AddObjectToObject(v, "display"), "en-US", display);
    return v;
}

static cJSON *scenario_activity(const struct xapi *x, const struct rep_run *run)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "objectType", "Activity");
    char *id = iri(x, run->scenario_id, NULL, NULL);
    cJSON_AddStringToObject(o, "id", id);
    free(id);
    cJSON *def = cJSON_AddObjectToObject(o, "definition");
    cJSON_AddStringToObject(cJSON_AddObjectToObject(def, "name"), "en-US",
                            run->scenario_title ? run->scenario_title : run->scenario_id);
    cJSON_AddStringToObject(def, "type", TYPE_SIMULATION);
    return o;
}

/* A string member, left out when s is NULL. */
static void add_if_any(cJSON *o, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, key, s);
}

static void add_extension(const struct xapi *x, cJSON *ext, const char *name, cJSON *value)
{
    char *key = iri(x, "xapi", name, NULL);
    cJSON_AddItemToObject(ext, key, value);
    free(key);
}

static cJSON *context(const struct xapi *x, const struct rep_run *run, const char *role)
{
    cJSON *c = cJSON_CreateObject();
    char seed[32], reg[37];
    const char *parts[5];
    run_identity(run, seed, parts);
    uuid_of(parts, 5, reg);
    cJSON_AddStringToObject(c, "registration", reg);
    cJSON_AddStringToObject(c, "platform", "ScaleUp");
    cJSON *parents = cJSON_AddArrayToObject(cJSON_AddObjectToObject(c, "contextActivities"), "parent");
    cJSON_AddItemToArray(parents, scenario_activity(x, run));
    cJSON *ext = cJSON_AddObjectToObject(c, "extensions");
    add_extension(x, ext, "role", cJSON_CreateString(role));
    cJSON *scn = cJSON_CreateObject();
    cJSON_AddStringToObject(scn, "id", run->scenario_id);
    add_if_any(scn, "version", run->scenario_version);
    add_if_any(scn, "title", run->scenario_title);
    add_if_any(scn, "hash", run->scenario_hash);
    add_extension(x, ext, "scenario", scn);
    add_extension(x, ext, "seed", cJSON_CreateNumber(run->seed));
    return c;
}

static cJSON *points_object(const struct rep_score *s)
{
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; i < s->n; i++)
        cJSON_AddNumberToObject(o, s->dims[i], s->points[i]);
    return o;
}

/* A new statement with its id (the same for the same run, verb and which:
 * a decision's number, or a player's), its actor and its verb. */
static cJSON *new_statement(const struct xapi *x, const struct rep_run *run,
                            const struct rep_player *p, const char *verb_id, const char *name,
                            int which)
{
    cJSON *st = cJSON_CreateObject();
    char seed[32], id[37], nth[16];
    const char *parts[7];
    run_identity(run, seed, parts);
    str_format(nth, sizeof nth, "%d", which);
    parts[5] = name;
    parts[6] = nth;
    uuid_of(parts, 7, id);
    cJSON_AddStringToObject(st, "id", id);
    cJSON_AddItemToObject(st, "actor", actor(x, p->name));
    cJSON_AddItemToObject(st, "verb", verb(verb_id, name));
    return st;
}

static cJSON *answered(const struct xapi *x, const struct rep_run *run, int j, double at)
{
    const struct rep_decision *d = &run->decisions[j];
    const struct rep_player *p = &run->players[d->player];
    cJSON *st = new_statement(x, run, p, VERB_ANSWERED, "answered", j + 1);
    char ts[40], dur[64];

    cJSON *obj = cJSON_AddObjectToObject(st, "object");
    cJSON_AddStringToObject(obj, "objectType", "Activity");
    char *oid = iri(x, run->scenario_id, d->scene ? d->scene : "?", NULL);
    cJSON_AddStringToObject(obj, "id", oid);
    free(oid);
    cJSON *def = cJSON_AddObjectToObject(obj, "definition");
    cJSON_AddStringToObject(cJSON_AddObjectToObject(def, "name"), "en-US", d->scene ? d->scene : "?");
    cJSON_AddStringToObject(def, "type", TYPE_INTERACTION);
    cJSON_AddStringToObject(def, "interactionType", "other");

    cJSON *res = cJSON_AddObjectToObject(st, "result");
    add_if_any(res, "response", d->text);
    double sum = 0;
    for (int i = 0; i < d->score.n; i++)
        sum += d->score.points[i];
    cJSON_AddNumberToObject(cJSON_AddObjectToObject(res, "score"), "raw", sum);
    if (rep_has_best(d))
        cJSON_AddBoolToObject(res, "success", rep_took_best(d));
    duration(d->seconds, dur, sizeof dur);
    cJSON_AddStringToObject(res, "duration", dur);
    cJSON *ext = cJSON_AddObjectToObject(res, "extensions");
    /* Options by id (format 2), else by number. */
    add_extension(x, ext, "choice", d->id ? cJSON_CreateString(d->id) : cJSON_CreateNumber(d->choice));
    if (d->id)
        add_extension(x, ext, "choice-number", cJSON_CreateNumber(d->choice));
    if (d->best_id)
        add_extension(x, ext, "best-choice", cJSON_CreateString(d->best_id));
    else if (d->best > 0)
        add_extension(x, ext, "best-choice", cJSON_CreateNumber(d->best));
    if (d->offered > 0)
        add_extension(x, ext, "offered", cJSON_CreateNumber(d->offered));
    add_extension(x, ext, "points", points_object(&d->score));
    add_extension(x, ext, "timed-out", cJSON_CreateBool(d->timed_out));
    add_extension(x, ext, "turn", cJSON_CreateNumber(d->turn));

    cJSON_AddItemToObject(st, "context", context(x, run, p->role));
    if (format_time(at, ts, sizeof ts))
        cJSON_AddStringToObject(st, "timestamp", ts);
    return st;
}

static cJSON *completed(const struct xapi *x, const struct rep_run *run, int player, int success)
{
    const struct rep_player *p = &run->players[player];
    cJSON *st = new_statement(x, run, p, VERB_COMPLETED, "completed", player);
    char dur[64];
    cJSON_AddItemToObject(st, "object", scenario_activity(x, run));

    cJSON *res = cJSON_AddObjectToObject(st, "result");
    cJSON *score = cJSON_AddObjectToObject(res, "score");
    double scaled = p->percent / 100;
    if (scaled > 1)
        scaled = 1;
    if (scaled < 0)
        scaled = 0;
    cJSON_AddNumberToObject(score, "scaled", round(scaled * 1000) / 1000);
    cJSON_AddNumberToObject(score, "raw", p->weighted);
    /* min and max only where the file holds the player's best (files
     * older than per-player bests hold a duet's first player's only). */
    if (p->best > 0) {
        cJSON_AddNumberToObject(score, "min", p->weighted < 0 ? p->weighted : 0);
        cJSON_AddNumberToObject(score, "max", p->weighted > p->best ? p->weighted : p->best);
    }
    if (success >= 0)
        cJSON_AddBoolToObject(res, "success", success == 1);
    cJSON_AddBoolToObject(res, "completion", true);
    if (run->minutes >= 0) {
        duration(run->minutes * 60, dur, sizeof dur);
        cJSON_AddStringToObject(res, "duration", dur);
    }
    cJSON *ext = cJSON_AddObjectToObject(res, "extensions");
    if (p->rating)
        add_extension(x, ext, "rating", cJSON_CreateString(p->rating));
    if (run->ending_id) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "id", run->ending_id);
        add_if_any(e, "title", run->ending_title);
        add_if_any(e, "verdict", run->verdict);
        add_extension(x, ext, "ending", e);
    }
    add_extension(x, ext, "points", points_object(&p->score));
    cJSON_AddItemToObject(st, "context", context(x, run, p->role));
    char ts[40];
    if (format_time(rep_parse_time(run->finished), ts, sizeof ts))
        cJSON_AddStringToObject(st, "timestamp", ts);
    return st;
}

void report_xapi(const struct report *r, const struct xapi_options *o, report_warn_fn warn,
                 void *ctx, struct strbuf *out)
{
    struct xapi x = {.o = o, .warn = warn, .ctx = ctx, .mbox = o->mbox};
    str_copy(x.base, sizeof x.base, o->homepage);
    size_t n = strlen(x.base);
    while (n > 0 && x.base[n - 1] == '/')
        x.base[--n] = '\0';
    const char *host = strstr(o->homepage, "://");
    host = host ? host + 3 : o->homepage;
    size_t hl = strcspn(host, "/:?#");
    str_format(x.host, sizeof x.host, "%.*s", (int)(hl < 255 ? hl : 255), host);
    if (x.mbox && !strchr(x.host, '.')) {
        if (warn)
            warn(ctx, "--xapi-mbox needs a home page whose host has a domain (like "
                      "workshop.example.com); players are named by account instead");
        x.mbox = false;
    }

    cJSON *all = cJSON_CreateArray();
    for (int gi = 0; gi < r->ngroups; gi++) {
        const struct rep_group *g = &r->groups[gi];
        struct pass_rule rule;
        rule_for(&x, g, &rule);
        for (int i = 0; i < g->nrows; i++) {
            const struct rep_row *row = &g->rows[i];
            const struct rep_run *run = row->run;
            double t = rep_parse_time(run->started);
            double end = rep_parse_time(run->finished ? run->finished : run->updated);
            for (int j = 0; j < run->ndecisions; j++) {
                if (t >= 0)
                    t += run->decisions[j].seconds;
                double at = t >= 0 && end >= 0 && t > end ? end : t;
                if (run->decisions[j].player == row->player)
                    cJSON_AddItemToArray(all, answered(&x, run, j, at));
            }
            if (run->finished)
                cJSON_AddItemToArray(all,
                                     completed(&x, run, row->player, success_of(&rule, run->players[row->player].rating)));
        }
        rule_free(&rule);
    }
    report_print_json(all, out);
}
