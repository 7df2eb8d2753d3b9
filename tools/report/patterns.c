/*
 * patterns.c: what each team tended to do, and the discussion plan.
 *
 * A team's patterns are a few short lines a facilitator can read out: how
 * often it took the best option for its role and where it did not; the
 * dimension it scored most often and the one it gave up points in most
 * often (the scenario has no tags: the dimensions a choice scores are what
 * it is about); where its timer ran out; in a duet, how the pair decided
 * where the two picks differed.
 *
 * The discussion plan picks the decision points to talk about: the ones
 * that split the room most (the most taken option had the smallest share),
 * the ones where the best option was missed most, and the questions to ask
 * at both, in the order of the story.
 */
#include <stdlib.h>
#include <string.h>

#include "results.h"

static const char *times(int n)
{
    return n == 1 ? "once" : n == 2 ? "twice" : NULL;
}

/* "The Backlog, Launch Week and The Pay Talk". */
static void list_titles(struct strbuf *sb, const char *const *titles, int n)
{
    for (int i = 0; i < n; i++)
        sb_printf(sb, "%s%s", i == 0 ? "" : i == n - 1 ? " and " : ", ", titles[i]);
}

static const char *keep(struct report *r, struct strbuf *sb)
{
    const char *s = arena_strdup(&r->arena, sb->data ? sb->data : "");
    sb_clear(sb);
    return s;
}

/* Up to three titles of n, then "and N more". */
static void list_some(struct strbuf *sb, const char *const *titles, int n)
{
    list_titles(sb, titles, n < 3 ? n : 3);
    if (n > 3)
        sb_printf(sb, " and %d more", n - 3);
}

#define PATTERN_DIMS (LIMIT_DIMENSIONS * 8)

/* What a row's decisions add up to, for its pattern lines. */
struct tally {
    int n;             /* the row's decisions */
    int known, best;   /* those whose best option is known, and those that took it */
    int nmissed, ntimed;
    const char *missed[3], *timed[3]; /* the first scenes of each, by title */
    int ndims;
    int gained[PATTERN_DIMS], lost[PATTERN_DIMS]; /* decisions with points won, lost */
    const char *lost_at[PATTERN_DIMS][3];
};

static void tally_decision(struct tally *t, const struct rep_group *g,
                           const struct rep_decision *d, const char *title)
{
    t->n++;
    if (rep_has_best(d)) {
        t->known++;
        if (rep_took_best(d))
            t->best++;
        else {
            if (t->nmissed < 3)
                t->missed[t->nmissed] = title;
            t->nmissed++;
        }
    }
    if (d->timed_out) {
        if (t->ntimed < 3)
            t->timed[t->ntimed] = title;
        t->ntimed++;
    }
    for (int k = 0; k < t->ndims; k++) {
        if (!g->dim_shown[k])
            continue;
        double v = rep_points(&d->score, g->dims[k], NULL);
        if (v > 0)
            t->gained[k]++;
        if (v < 0) {
            if (t->lost[k] < 3)
                t->lost_at[k][t->lost[k]] = title;
            t->lost[k]++;
        }
    }
}

/* Judgment: the best option for the role. */
static void judgment_line(const struct tally *t, const char *role, struct strbuf *sb)
{
    if (t->best == t->known) {
        sb_printf(sb, "Took the best option for the %s at every decision (%d of %d).", role,
                  t->best, t->known);
        return;
    }
    sb_printf(sb, "Took the best option for the %s at %d of %d decisions; missed it at ", role,
              t->best, t->known);
    list_some(sb, t->missed, t->nmissed);
    sb_puts(sb, ".");
}

/* Habits: the dimensions it gained points in, most often first, and the
 * one it gave up points in most often, with where. False when none. */
static bool habits_line(const struct rep_group *g, const struct tally *t, struct strbuf *sb)
{
    int order[PATTERN_DIMS], norder = 0, worst = -1;
    for (int k = 0; k < t->ndims; k++) {
        if (t->gained[k]) {
            int at = norder++;
            while (at > 0 && t->gained[order[at - 1]] < t->gained[k]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = k;
        }
        if (t->lost[k] && (worst < 0 || t->lost[k] > t->lost[worst]))
            worst = k;
    }
    if (t->n == 0 || (norder == 0 && worst < 0))
        return false;
    char name[128];
    for (int i = 0; i < norder && i < 4; i++) {
        rep_dim_name(g, g->dims[order[i]], name, sizeof name);
        if (i == 0)
            sb_printf(sb, "Gained %s points at %d of %d decisions", name, t->gained[order[i]],
                      t->n);
        else
            sb_printf(sb, "%s%s at %d", i == norder - 1 || i == 3 ? " and " : ", ", name,
                      t->gained[order[i]]);
    }
    if (worst >= 0) {
        rep_dim_name(g, g->dims[worst], name, sizeof name);
        sb_printf(sb, "%s %s points at ", norder > 0 ? "; gave up" : "Gave up", name);
        list_some(sb, t->lost_at[worst], t->lost[worst]);
    } else {
        sb_puts(sb, "; never gave up points");
    }
    sb_puts(sb, ".");
    return true;
}

/* A duet's way of deciding: how often the pair agreed, and where the two
 * picks differed, what settled it and whose pick stood. */
static void duet_line(const struct rep_row *row, struct strbuf *sb)
{
    const struct rep_run *run = row->run;
    const struct rep_player *p = rep_row_player(row);
    int secret = 0, agreed = 0, own = 0, other = 0, conflict = 0, coin = 0, settled = 0;
    for (int j = 0; j < run->ndecisions; j++) {
        const struct rep_decision *d = &run->decisions[j];
        if (!d->secret || d->player != row->player || !d->outcome)
            continue;
        secret++;
        if (strcmp(d->outcome, "agreed") == 0) {
            agreed++;
            continue;
        }
        conflict += strcmp(d->outcome, "conflict") == 0;
        coin += strcmp(d->outcome, "coin") == 0;
        settled += strcmp(d->outcome, "settled") == 0;
        if (d->stood && strcmp(d->stood, p->role) == 0)
            own++;
        else if (d->stood)
            other++;
    }
    const struct rep_player *partner = &run->players[1 - row->player];
    if (sb->len)
        sb_puts(sb, " ");
    sb_printf(sb, "With %s: agreed at %d of %d secret picks", partner->name, agreed, secret);
    if (secret - agreed > 0) {
        sb_puts(sb, "; where they differed, ");
        const char *sep = "";
        if (settled) {
            const char *t = times(settled);
            if (t)
                sb_printf(sb, "the owning role decided alone %s", t);
            else
                sb_printf(sb, "the owning role decided alone %d times", settled);
            sep = ", ";
        }
        if (conflict) {
            sb_printf(sb, "%stalked it out in %d conflict scene%s", sep, conflict,
                      conflict == 1 ? "" : "s");
            sep = ", ";
        }
        if (coin)
            sb_printf(sb, "%sleft %d to a coin", sep, coin);
        if (own + other > 0)
            sb_printf(sb, " (its own pick stood %d of %d)", own, own + other);
    }
    sb_puts(sb, ".");
}

static void row_patterns(struct report *r, const struct rep_group *g, struct rep_row *row)
{
    const struct rep_run *run = row->run;
    char role[64];
    rep_role_label(rep_row_player(row)->role, role, sizeof role);
    struct tally t = {.ndims = g->ndims < PATTERN_DIMS ? g->ndims : PATTERN_DIMS};
    for (int j = 0; j < run->ndecisions; j++) {
        const struct rep_decision *d = &run->decisions[j];
        if (d->player == row->player)
            tally_decision(&t, g, d, rep_scene_title(r, g, d->scene ? d->scene : "?"));
    }
    struct strbuf sb;
    sb_init(&sb);
    if (t.known > 0) {
        judgment_line(&t, role, &sb);
        row->patterns[row->npatterns++] = keep(r, &sb);
    }
    if (habits_line(g, &t, &sb))
        row->patterns[row->npatterns++] = keep(r, &sb);
    /* The clock, and a duet's way of deciding, share the last line. */
    if (t.ntimed > 0) {
        sb_puts(&sb, "Ran out of time at ");
        list_some(&sb, t.timed, t.ntimed);
        sb_puts(&sb, ".");
    }
    if (run->nplayers == 2)
        duet_line(row, &sb);
    if (sb.len && row->npatterns < 4)
        row->patterns[row->npatterns++] = keep(r, &sb);
    sb_free(&sb);
}

void rep_build_patterns(struct report *r, struct rep_group *g)
{
    for (int i = 0; i < g->nrows; i++)
        row_patterns(r, g, &g->rows[i]);
}

/* ------------------------------------------------------------ the plan */

static const struct rep_group *plan_group;

static int by_split(const void *a, const void *b)
{
    const struct rep_point *x = &plan_group->points[*(const int *)a];
    const struct rep_point *y = &plan_group->points[*(const int *)b];
    if (x->split != y->split)
        return x->split < y->split ? 1 : -1;
    if (x->decisions != y->decisions)
        return y->decisions - x->decisions;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int by_missed(const void *a, const void *b)
{
    const struct rep_point *x = &plan_group->points[*(const int *)a];
    const struct rep_point *y = &plan_group->points[*(const int *)b];
    if (x->missed != y->missed)
        return y->missed - x->missed;
    double fx = (double)x->missed / x->decisions, fy = (double)y->missed / y->decisions;
    if (fx != fy)
        return fx < fy ? 1 : -1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int by_order(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    return i - j; /* points are in the order of the story already */
}

void rep_build_plan(struct report *r, struct rep_group *g)
{
    (void)r;
    struct rep_plan *plan = &g->plan;
    memset(plan, 0, sizeof *plan);
    int *list = xcalloc((size_t)(g->npoints ? g->npoints : 1), sizeof *list);
    int n = 0;
    for (int k = 0; k < g->npoints; k++)
        if (g->points[k].decisions >= 2 && g->points[k].split > 0)
            list[n++] = k;
    plan_group = g;
    sort_items(list, (size_t)n, sizeof *list, by_split);
    for (int i = 0; i < n && i < REP_PLAN_MAX; i++)
        plan->split[plan->nsplit++] = list[i];
    n = 0;
    for (int k = 0; k < g->npoints; k++)
        if (g->points[k].missed > 0)
            list[n++] = k;
    sort_items(list, (size_t)n, sizeof *list, by_missed);
    for (int i = 0; i < n && i < REP_PLAN_MAX; i++)
        plan->missed[plan->nmissed++] = list[i];
    plan_group = NULL;
    free(list);
    for (int i = 0; i < plan->nsplit; i++)
        plan->ask[plan->nask++] = plan->split[i];
    for (int i = 0; i < plan->nmissed; i++) {
        bool dup = false;
        for (int k = 0; k < plan->nask; k++)
            dup = dup || plan->ask[k] == plan->missed[i];
        if (!dup)
            plan->ask[plan->nask++] = plan->missed[i];
    }
    sort_items(plan->ask, (size_t)plan->nask, sizeof *plan->ask, by_order);
}
