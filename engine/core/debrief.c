#include "debrief.h"

#include <math.h>
#include <string.h>

#include "explore.h"

/* One cached answer per role: the same run asks again after every decision
 * (result files carry the percentage), and a restart keeps the seed. */
struct best_cache_entry {
    const struct scenario *sc;
    uint64_t hash;
    uint64_t seed;
    int role;
    bool duet;
    bool valid;
    struct best best;
};

static struct best_cache_entry cache[LIMIT_ROLES * 2];

static void compute(struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out)
{
    memset(out, 0, sizeof *out);
    struct explore_options o;
    explore_options_default(&o);
    o.mode = EXPLORE_EXHAUSTIVE;
    o.seed = seed;
    o.max_states = LIMIT_BEST_STATES;
    o.role = duet ? -1 : role;
    o.duet = duet;
    struct explore_result r;
    struct diag err;
    bool ok = explore_run(sc, &o, &r, &err);
    bool exact = ok && r.complete;
    if (!exact) {
        explore_result_free(&r);
        o.mode = EXPLORE_RANDOM;
        o.runs = 500;
        ok = explore_run(sc, &o, &r, &err);
    }
    if (ok && r.weighted[role].count > 0) {
        out->weighted = r.weighted[role].max;
        for (int d = 0; d < sc->ndimensions; d++)
            out->points[d] = r.score[role][d].max;
    }
    out->exact = exact;
    explore_result_free(&r);
}

void best_for(struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out)
{
    int index = (role + (duet ? LIMIT_ROLES : 0)) % (int)(sizeof cache / sizeof cache[0]);
    struct best_cache_entry *slot = &cache[index];
    if (!(slot->valid && slot->sc == sc && slot->hash == sc->hash && slot->seed == seed &&
          slot->role == role && slot->duet == duet)) {
        compute(sc, role, seed, duet, &slot->best);
        if (duet) {
            /* A duet can reach what solo play reaches, and more. */
            struct best solo;
            compute(sc, role, seed, false, &solo);
            if (solo.weighted > slot->best.weighted)
                slot->best.weighted = solo.weighted;
            for (int d = 0; d < sc->ndimensions; d++)
                if (solo.points[d] > slot->best.points[d])
                    slot->best.points[d] = solo.points[d];
            slot->best.exact = slot->best.exact && solo.exact;
        }
        slot->sc = sc;
        slot->hash = sc->hash;
        slot->seed = seed;
        slot->role = role;
        slot->duet = duet;
        slot->valid = true;
    }
    *out = slot->best;
    /* The declared best is solo play's. A duet can score more than it (a
     * conflict scene or a settle adds choices solo play never offers), so a
     * duet is measured against the higher of the two. */
    if (!isnan(sc->best[role]) && (!duet || sc->best[role] >= out->weighted)) {
        out->weighted = sc->best[role];
        out->declared = true;
        out->exact = true;
    }
}

double debrief_percent(double weighted, double best)
{
    if (!(best > 0))
        return 0;
    double p = weighted / best * 100.0;
    if (p < 0)
        p = 0;
    if (p > 100)
        p = 100;
    return p;
}

void debrief_build(struct game *g, struct debrief *d)
{
    struct scenario *sc = g->sc;
    memset(d, 0, sizeof *d);
    d->ending = g->over ? g->s.scene : -1;
    d->verdict = g->over ? sc->scenes[g->s.scene].verdict : VERDICT_NONE;
    d->nplayers = g->nplayers;
    for (int p = 0; p < g->nplayers; p++) {
        struct debrief_player *dp = &d->players[p];
        dp->role = g->s.players[p].role;
        dp->name = g->s.players[p].name;
        memcpy(dp->points, g->s.players[p].score, sizeof dp->points);
        dp->weighted = game_weighted(g, p);
        best_for(sc, dp->role, g->seed, g->nplayers > 1, &dp->best);
        dp->percent = debrief_percent(dp->weighted, dp->best.weighted);
        dp->rating = scenario_rating(sc, dp->percent);
    }
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].secret) {
            d->secret_decisions++;
            d->agreed += g->log[i].outcome == DUET_AGREED;
        }
    d->alignment = d->secret_decisions ? (double)d->agreed / d->secret_decisions : 1.0;
}
