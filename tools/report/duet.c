/*
 * duet.c: what the pairs of a duet scenario did together, for the report.
 *
 * A duet's secret decision (a "both" scene) reaches results.c as two
 * decisions, the first player's then the second's, with the same turn and
 * outcome. Here they are gathered per scene across the group's pairs: how
 * often the two roles agreed, how the rest ended (a conflict scene, a settle,
 * a coin), and what each role picked. The scenes where the roles agree least
 * come first: that is the debrief's question for the room.
 */
#include <stdlib.h>
#include <string.h>

#include "results.h"

/* The index of role among the pair's two roles, or -1. */
static int pair_role(const struct rep_duet_point *pt, const char *role)
{
    for (int i = 0; i < 2; i++)
        if (role && pt->roles[i] && strcmp(pt->roles[i], role) == 0)
            return i;
    return -1;
}

static void count_pick(struct rep_duet_point *pt, int role, const char *text)
{
    if (role < 0 || !text)
        return;
    for (int i = 0; i < pt->npicks[role]; i++)
        if (strcmp(pt->picks[role][i].text, text) == 0) {
            pt->picks[role][i].count++;
            return;
        }
    pt->picks[role] = xrealloc(pt->picks[role], sizeof **pt->picks * (size_t)(pt->npicks[role] + 1));
    pt->picks[role][pt->npicks[role]++] = (struct rep_pick_count){text, 1};
}

static int compare_picks(const void *a, const void *b)
{
    const struct rep_pick_count *x = a, *y = b;
    if (x->count != y->count)
        return y->count - x->count;
    return strcmp(x->text, y->text);
}

/* Least agreement first; then the scenes most pairs reached; then play order. */
static int compare_duet_points(const void *a, const void *b)
{
    const struct rep_duet_point *x = a, *y = b;
    double ax = (double)x->agreed / x->pairs, ay = (double)y->agreed / y->pairs;
    if (ax != ay)
        return ax < ay ? -1 : 1;
    if (x->pairs != y->pairs)
        return y->pairs - x->pairs;
    return x->order < y->order ? -1 : x->order > y->order;
}

static struct rep_duet_point *find_point(struct rep_duet_point **points, int *n, const char *scene)
{
    for (int i = 0; i < *n; i++)
        if (strcmp((*points)[i].scene, scene) == 0)
            return &(*points)[i];
    *points = xrealloc(*points, sizeof **points * (size_t)(*n + 1));
    struct rep_duet_point *pt = &(*points)[(*n)++];
    memset(pt, 0, sizeof *pt);
    pt->scene = scene;
    return pt;
}

void rep_build_duets(struct report *r, struct rep_group *g)
{
    int gi = (int)(g - r->groups);
    struct rep_duet_point *points = NULL;
    int npoints = 0;
    double *turns = NULL;
    int at = 0;
    for (const struct rep_run *run; (run = rep_next_duet(r, gi, &at)) != NULL;) {
        g->npairs++;
        /* The roles in a fixed order (by id), whoever played first. */
        const char *roles[2] = {run->players[0].role, run->players[1].role};
        if (strcmp(roles[0], roles[1]) > 0) {
            const char *t = roles[0];
            roles[0] = roles[1];
            roles[1] = t;
        }
        for (int j = 0; j + 1 < run->ndecisions; j++) {
            const struct rep_decision *a = &run->decisions[j], *b = &run->decisions[j + 1];
            if (!a->secret || !b->secret || a->player != 0 || b->player != 1 || a->turn != b->turn ||
                !a->scene || !a->outcome)
                continue;
            j++;
            struct rep_duet_point *pt = find_point(&points, &npoints, a->scene);
            if (!pt->roles[0]) {
                pt->roles[0] = roles[0];
                pt->roles[1] = roles[1];
            } else if (strcmp(pt->roles[0], roles[0]) != 0 || strcmp(pt->roles[1], roles[1]) != 0) {
                continue; /* another pair of roles for this scene: not comparable */
            }
            turns = xrealloc(turns, sizeof *turns * (size_t)npoints);
            if (pt->pairs == 0)
                turns[pt - points] = 0;
            turns[pt - points] += a->turn;
            pt->pairs++;
            g->pair_secret++;
            if (strcmp(a->outcome, "agreed") == 0) {
                pt->agreed++;
                g->pair_agreed++;
            } else if (strcmp(a->outcome, "conflict") == 0) {
                pt->conflict++;
            } else if (strcmp(a->outcome, "settled") == 0) {
                pt->settled++;
            } else if (strcmp(a->outcome, "coin") == 0) {
                pt->coin++;
            }
            count_pick(pt, pair_role(pt, run->players[0].role), a->text);
            count_pick(pt, pair_role(pt, run->players[1].role), b->text);
        }
    }
    for (int i = 0; i < npoints; i++) {
        struct rep_duet_point *pt = &points[i];
        pt->order = turns[i] / pt->pairs;
        for (int k = 0; k < 2; k++) {
            sort_items(pt->picks[k], (size_t)pt->npicks[k], sizeof **pt->picks, compare_picks);
            struct rep_pick_count *kept =
                arena_alloc(&r->arena, sizeof *kept * (size_t)(pt->npicks[k] ? pt->npicks[k] : 1));
            if (pt->npicks[k])
                memcpy(kept, pt->picks[k], sizeof *kept * (size_t)pt->npicks[k]);
            free(pt->picks[k]);
            pt->picks[k] = kept;
        }
    }
    free(turns);
    sort_items(points, (size_t)npoints, sizeof *points, compare_duet_points);
    g->nduet_points = npoints;
    g->duet_points = arena_alloc(&r->arena, sizeof *points * (size_t)(npoints ? npoints : 1));
    if (npoints)
        memcpy(g->duet_points, points, sizeof *points * (size_t)npoints);
    free(points);
}
