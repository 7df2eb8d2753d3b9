/*
 * policy.h: naive ways to play, to measure how much a scenario rewards
 * judgment (scaleup explore --policies, lint's tells).
 *
 * Each policy picks from the menu as the player sees it (shown order, shown
 * labels), for solo play of one role:
 *   first, last   the first or last open option shown;
 *   longest, shortest   the option whose shown label has the most (fewest)
 *                 characters, the first shown on a tie;
 *   random        uniformly, from its own generator seeded by the run's seed;
 *   greedy        the most weighted points for the role now, ignoring what
 *                 follows (the first shown on a tie).
 * A policy's figure for a role is its weighted total as a percentage of the
 * role's best (debrief.h: the exact best, or the declared one) for the same
 * seed, over several seeds: mean, min and max.
 */
#ifndef SCALEUP_POLICY_H
#define SCALEUP_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "game.h"

enum policy { POLICY_FIRST, POLICY_LAST, POLICY_LONGEST, POLICY_SHORTEST, POLICY_RANDOM, POLICY_GREEDY,
              POLICY_COUNT };

const char *policy_name(enum policy p);

/* The shown number (1-based) that policy p takes in g's current menu. */
int policy_pick(const struct game *g, enum policy p, struct rng *pick);

/* Plays one solo run; false (err set) when it stops at an error. */
bool policy_play(const struct scenario *sc, int role, uint64_t seed, enum policy p, double *weighted,
                 struct diag *err);

struct policy_figures {
    double mean, min, max; /* percent of the best */
    int runs;              /* runs that reached an ending */
};

struct policy_report {
    int nseeds;
    bool exact[LIMIT_ROLES];  /* every best used was exact (or declared) */
    double best[LIMIT_ROLES]; /* the best for the first seed */
    bool seed_free[LIMIT_ROLES];
    struct policy_figures fig[LIMIT_ROLES][POLICY_COUNT];
};

/* Plays every policy for every role over nseeds seeds (explore_seed(base,
 * i)); the bests come from best_for (searched on the scenario's own load,
 * cached). */
void policy_report_make(const struct scenario *sc, int nseeds, uint64_t base, struct policy_report *out);

#endif
