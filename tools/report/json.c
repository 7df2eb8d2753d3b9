/*
 * json.c: the whole analysis as one JSON document, for other tools
 * (format "scaleup-report/1"): per scenario the ranking with each team's
 * outcome (ending, stats), points, patterns and consequences; every
 * decision point with all its options (text, feedback, points per
 * dimension and per role, the teams that took it by choice id, the best
 * for each role) and its discuss question; the duet pairs; the endings; the
 * discussion plan. Numbers are the result files', unrounded and unclamped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "output.h"

static void add_string(cJSON *o, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, key, s);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *score_object(const struct rep_score *s, const struct rep_group *g, bool shown_only)
{
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; i < s->n; i++) {
        if (shown_only && g) {
            bool shown = true;
            for (int d = 0; d < g->ndims; d++)
                if (strcmp(g->dims[d], s->dims[i]) == 0)
                    shown = g->dim_shown[d];
            if (!shown)
                continue;
        }
        cJSON_AddNumberToObject(o, s->dims[i], s->points[i]);
    }
    return o;
}

/* Per role of the group: role -> count. */
static cJSON *by_role(const struct rep_group *g, const int *counts)
{
    cJSON *o = cJSON_CreateObject();
    for (int r = 0; r < g->nroles; r++)
        cJSON_AddNumberToObject(o, g->roles[r], counts[r]);
    return o;
}

static cJSON *roles_array(const struct rep_group *g, int mask)
{
    cJSON *a = cJSON_CreateArray();
    for (int r = 0; r < g->nroles && r < 31; r++)
        if (mask & (1 << r))
            cJSON_AddItemToArray(a, cJSON_CreateString(g->roles[r]));
    return a;
}

static cJSON *row_object(const struct rep_group *g, const struct rep_row *row)
{
    const struct rep_run *run = row->run;
    const struct rep_player *p = rep_row_player(row);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "rank", row->rank);
    add_string(o, "player", p->name);
    add_string(o, "role", p->role);
    cJSON_AddBoolToObject(o, "finished", run->finished != NULL);
    if (run->ending_id) {
        cJSON *e = cJSON_AddObjectToObject(o, "ending");
        add_string(e, "id", run->ending_id);
        add_string(e, "title", run->ending_title);
        add_string(e, "verdict", run->verdict);
    } else {
        cJSON_AddNullToObject(o, "ending");
    }
    cJSON *stats = cJSON_AddObjectToObject(o, "stats");
    for (int k = 0; k < run->stats.n; k++)
        cJSON_AddNumberToObject(stats, run->stats.dims[k], run->stats.points[k]);
    cJSON_AddItemToObject(o, "score", score_object(&p->score, g, false));
    cJSON_AddNumberToObject(o, "weighted", p->weighted);
    if (isnan(p->best))
        cJSON_AddNullToObject(o, "best");
    else
        cJSON_AddNumberToObject(o, "best", p->best);
    cJSON_AddNumberToObject(o, "percent", p->percent);
    add_string(o, "rating", p->rating);
    if (run->minutes >= 0)
        cJSON_AddNumberToObject(o, "minutes", run->minutes);
    else
        cJSON_AddNullToObject(o, "minutes");
    int mine = 0;
    for (int j = 0; j < run->ndecisions; j++)
        mine += run->decisions[j].player == row->player;
    cJSON_AddNumberToObject(o, "decisions", mine);
    cJSON_AddNumberToObject(o, "seed", run->seed);
    add_string(o, "file", run->file);
    if (run->nplayers == 2) {
        const struct rep_player *partner = &run->players[1 - row->player];
        int agreed, secret;
        rep_run_alignment(run, &agreed, &secret);
        cJSON *d = cJSON_AddObjectToObject(o, "duet");
        add_string(d, "partner", partner->name);
        add_string(d, "partner_role", partner->role);
        cJSON_AddNumberToObject(d, "agreed", agreed);
        cJSON_AddNumberToObject(d, "secret", secret);
    }
    cJSON *pat = cJSON_AddArrayToObject(o, "patterns");
    for (int i = 0; i < row->npatterns; i++)
        cJSON_AddItemToArray(pat, cJSON_CreateString(row->patterns[i]));
    cJSON *trail = cJSON_AddArrayToObject(o, "consequences");
    for (int i = 0; i < run->nconsequences; i++) {
        const struct rep_consequence *c = &run->consequences[i];
        cJSON *t = cJSON_CreateObject();
        cJSON_AddNumberToObject(t, "turn", c->turn);
        add_string(t, "cause", c->cause);
        add_string(t, "scene", c->scene);
        cJSON_AddNumberToObject(t, "at_turn", c->at_turn);
        cJSON_AddItemToObject(t, "changes", score_object(&c->changes, NULL, false));
        cJSON_AddItemToArray(trail, t);
    }
    return o;
}

static cJSON *point_object(const struct rep_group *g, const struct rep_point *pt)
{
    cJSON *o = cJSON_CreateObject();
    add_string(o, "scene", pt->scene);
    add_string(o, "title", pt->title);
    add_string(o, "discuss", pt->discuss);
    cJSON_AddNumberToObject(o, "order", pt->order);
    cJSON_AddNumberToObject(o, "teams", pt->teams);
    cJSON_AddItemToObject(o, "teams_by_role", by_role(g, pt->teams_by_role));
    cJSON_AddNumberToObject(o, "decisions", pt->decisions);
    cJSON_AddNumberToObject(o, "missed_best", pt->missed);
    cJSON_AddNumberToObject(o, "timed_out", pt->timed_out);
    cJSON_AddNumberToObject(o, "split", pt->split);
    cJSON_AddNumberToObject(o, "median_seconds", rep_median(pt->seconds, pt->nseconds));
    cJSON *opts = cJSON_AddArrayToObject(o, "options");
    for (int k = 0; k < pt->noptions; k++) {
        const struct rep_option *op = &pt->options[k];
        cJSON *x = cJSON_CreateObject();
        add_string(x, "id", op->id);
        add_string(x, "text", op->text);
        add_string(x, "feedback", op->feedback);
        cJSON_AddBoolToObject(x, "conditional", op->conditional);
        cJSON_AddItemToObject(x, "score", score_object(op->score, g, true));
        cJSON *w = cJSON_AddObjectToObject(x, "points_by_role");
        for (int r = 0; op->info && g->sc && r < g->nroles; r++)
            for (int sr = 0; sr < g->sc->nroles; sr++)
                if (strcmp(g->sc->roles[sr].id, g->roles[r]) == 0 &&
                    (op->info->role_mask & (1u << sr)))
                    cJSON_AddNumberToObject(w, g->roles[r], op->info->weighted[sr]);
        cJSON_AddItemToObject(x, "best_for", roles_array(g, op->best_for));
        cJSON_AddNumberToObject(x, "teams", op->teams);
        cJSON_AddNumberToObject(x, "taken", op->taken);
        cJSON_AddItemToObject(x, "teams_by_role", by_role(g, op->teams_by_role));
        cJSON_AddItemToArray(opts, x);
    }
    return o;
}

static cJSON *indices(const struct rep_group *g, const int *list, int n)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(g->points[list[i]].scene));
    return a;
}

/* The group's roles, shown dimensions, never-scored dimensions and stats
 * (with their names and units). */
static void add_names(cJSON *o, const struct rep_group *g)
{
    cJSON *roles = cJSON_AddArrayToObject(o, "roles");
    for (int k = 0; k < g->nroles; k++)
        cJSON_AddItemToArray(roles, cJSON_CreateString(g->roles[k]));
    cJSON *dims = cJSON_AddArrayToObject(o, "dimensions");
    for (int d = 0; d < g->ndims; d++)
        if (g->dim_shown[d])
            cJSON_AddItemToArray(dims, cJSON_CreateString(g->dims[d]));
    cJSON *unscored = cJSON_AddArrayToObject(o, "dimensions_never_scored");
    for (int d = 0; d < g->ndims; d++)
        if (!g->dim_shown[d])
            cJSON_AddItemToArray(unscored, cJSON_CreateString(g->dims[d]));
    cJSON *stats = cJSON_AddArrayToObject(o, "stats");
    for (int k = 0; k < g->nstats; k++) {
        cJSON *s = cJSON_CreateObject();
        const char *unit;
        const char *name = rep_stat_name(g, g->stats[k], &unit);
        add_string(s, "id", g->stats[k]);
        add_string(s, "name", name);
        add_string(s, "unit", unit);
        cJSON_AddItemToArray(stats, s);
    }
}

static cJSON *plan_object(const struct rep_group *g)
{
    cJSON *plan = cJSON_CreateObject();
    cJSON_AddItemToObject(plan, "most_split", indices(g, g->plan.split, g->plan.nsplit));
    cJSON_AddItemToObject(plan, "best_most_missed", indices(g, g->plan.missed, g->plan.nmissed));
    cJSON *ask = cJSON_AddArrayToObject(plan, "questions");
    for (int i = 0; i < g->plan.nask; i++) {
        const struct rep_point *pt = &g->points[g->plan.ask[i]];
        cJSON *q = cJSON_CreateObject();
        add_string(q, "scene", pt->scene);
        add_string(q, "title", pt->title);
        add_string(q, "discuss", pt->discuss);
        cJSON_AddItemToArray(ask, q);
    }
    return plan;
}

/* The endings the group's finished runs reached, as first met, with how
 * many runs reached each. */
static cJSON *endings_array(const struct report *r, int gi)
{
    cJSON *endings = cJSON_CreateArray();
    for (int i = 0; i < r->nruns; i++) {
        const struct rep_run *run = &r->runs[i];
        if (run->group != gi || !run->ending_id)
            continue;
        cJSON *e = NULL, *it;
        cJSON_ArrayForEach(it, endings)
        {
            if (strcmp(cJSON_GetObjectItem(it, "id")->valuestring, run->ending_id) == 0)
                e = it;
        }
        if (!e) {
            e = cJSON_CreateObject();
            add_string(e, "id", run->ending_id);
            add_string(e, "title", run->ending_title);
            add_string(e, "verdict", run->verdict);
            cJSON_AddNumberToObject(e, "runs", 0);
            cJSON_AddItemToArray(endings, e);
        }
        cJSON *count = cJSON_GetObjectItem(e, "runs");
        cJSON_SetNumberValue(count, count->valuedouble + 1);
    }
    return endings;
}

static cJSON *duet_object(const struct rep_group *g)
{
    cJSON *duet = cJSON_CreateObject();
    cJSON_AddNumberToObject(duet, "pairs", g->npairs);
    cJSON_AddNumberToObject(duet, "agreed", g->pair_agreed);
    cJSON_AddNumberToObject(duet, "secret", g->pair_secret);
    cJSON *dp = cJSON_AddArrayToObject(duet, "decisions");
    for (int k = 0; k < g->nduet_points; k++) {
        const struct rep_duet_point *pt = &g->duet_points[k];
        cJSON *x = cJSON_CreateObject();
        add_string(x, "scene", pt->scene);
        cJSON_AddNumberToObject(x, "pairs", pt->pairs);
        cJSON_AddNumberToObject(x, "agreed", pt->agreed);
        cJSON_AddNumberToObject(x, "conflict", pt->conflict);
        cJSON_AddNumberToObject(x, "settled", pt->settled);
        cJSON_AddNumberToObject(x, "coin", pt->coin);
        cJSON_AddItemToArray(dp, x);
    }
    return duet;
}

/* One scenario's analysis. */
static cJSON *group_object(const struct report *r, int gi)
{
    const struct rep_group *g = &r->groups[gi];
    cJSON *o = cJSON_CreateObject();
    add_string(o, "id", g->scenario_id);
    add_string(o, "title", g->title);
    add_string(o, "version", g->version);
    cJSON_AddBoolToObject(o, "versions_differ", g->versions_differ);
    add_string(o, "scenario_path", g->sc ? g->sc->path : NULL);
    cJSON_AddNumberToObject(o, "runs", g->nruns);
    cJSON_AddNumberToObject(o, "finished", g->nfinished);
    cJSON_AddNumberToObject(o, "teams", g->nrows);
    add_names(o, g);
    cJSON *ranking = cJSON_AddArrayToObject(o, "ranking");
    for (int i = 0; i < g->nrows; i++)
        cJSON_AddItemToArray(ranking, row_object(g, &g->rows[i]));
    cJSON *points = cJSON_AddArrayToObject(o, "decision_points");
    for (int k = 0; k < g->npoints; k++)
        cJSON_AddItemToArray(points, point_object(g, &g->points[k]));
    cJSON_AddItemToObject(o, "discussion_plan", plan_object(g));
    cJSON_AddItemToObject(o, "endings", endings_array(r, gi));
    cJSON_AddNumberToObject(o, "unfinished", g->nruns - g->nfinished);
    if (g->npairs)
        cJSON_AddItemToObject(o, "duet", duet_object(g));
    return o;
}

void report_print_json(struct cJSON *root, struct strbuf *out)
{
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        fprintf(stderr, "scaleup: error: out of memory\n");
        exit(1);
    }
    sb_puts(out, text);
    sb_putc(out, '\n');
    free(text);
}

void report_json(const struct report *r, struct strbuf *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "scaleup-report/1");
    cJSON_AddNumberToObject(root, "files", r->nruns);
    cJSON_AddNumberToObject(root, "skipped", r->skipped);
    cJSON *groups = cJSON_AddArrayToObject(root, "scenarios");
    for (int gi = 0; gi < r->ngroups; gi++)
        cJSON_AddItemToArray(groups, group_object(r, gi));
    report_print_json(root, out);
}
