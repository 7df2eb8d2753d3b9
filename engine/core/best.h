/*
 * best.h: the exact best a role can score in a scenario.
 *
 * The search is a depth-first walk of every game state reachable from the
 * start, with two savings that keep it exact:
 *
 *   - states are merged by what decides their future: the scene, stats,
 *     flags, once-taken choices and the generator, plus the visits (and the
 *     turn) once a callback has read game.visits or game.turn, the points
 *     once one has read game.score, and a duet's picks once one has read
 *     game.picks. A merged state is solved once: its value is the most
 *     weighted points still reachable from it (dynamic programming), so the
 *     points already scored never split a state;
 *   - branch and bound: an upper bound of the points still reachable from a
 *     scene, from the scenes ahead in the scene graph, prunes a branch that
 *     cannot beat the best total found so far (a pruned state is remembered
 *     with its bound, and solved again when a later path needs more of it).
 *
 * The scenes a next function can return are those it has been seen to
 * return (random playthroughs first, then the search). When the search
 * meets a new one that raises a bound, the pass goes on to its end on the
 * bounds it began with and the search starts over with the scene counted,
 * reusing what the last pass solved where no bound changed; a new scene
 * that raises no bound changes nothing (best.c: successor_harmless).
 *
 * It runs on every core: a dive from the start (which finds the best, and
 * ends a small search), then the states the first decisions lead to, each
 * a task searched whole by one worker on a table of its own from the
 * dive's best. A task's search does not depend on the others, so the best,
 * its path and the states are the same for any number of workers.
 *
 * The search stops at a deadline or a number of states; then its figure is
 * the best total it found, an estimate (a lower bound), and says so.
 *
 * The search runs a scenario's callbacks: give it a scenario of its own
 * (debrief.c's job loads one), never the one a run plays, whose Lua state
 * the search would change (issue 16: a resumed run landed in an earlier
 * scene). It changes nothing but that scenario's Lua state and counters;
 * its other workers load their own copies from the scenario's folder.
 */
#ifndef SCALEUP_BEST_H
#define SCALEUP_BEST_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "scenario.h"
#include "script.h"

struct best_search {
    /* What to search. */
    int role;      /* the role whose weighted total is maximised */
    uint64_t seed; /* the run's seed */
    bool duet;     /* a duet (two players, roles 0 and 1); role's player is maximised */
    double deadline; /* clock_seconds() to stop at; 0 for none */
    long max_states; /* 0 for no cap */
    bool no_bound;   /* tests: plain merged search, no branch and bound */
    int jobs;        /* workers (threads, each loading its own copy of the scenario
                      * from its folder); 0 or 1 for one, in the caller's thread.
                      * The result is the same for any number (but the states). */

    /* What it found. */
    bool found;      /* some path reached an ending */
    bool exact;      /* the whole space was searched: weighted is the maximum */
    bool capped;     /* stopped by max_states, not by the deadline: the same estimate
                      * on any machine (the search does not depend on the clock) */
    bool seed_free;  /* nothing drew from the generator: the same for every seed */
    double weighted; /* the best weighted total (an estimate when !exact) */
    double points[LIMIT_DIMENSIONS]; /* the role's points along that best path */
    int *path;       /* its inputs: numbers as offered, two per secret duet decision */
    int npath;
    long states;     /* distinct states solved (in the last pass: see passes) */
    long states_all; /* the states solved in every pass (with workers, those of tasks
                      * left when a pass stopped too: it depends on their timing) */
    long pruned;     /* states cut by the bound */
    int passes;      /* searches from the start: one more each time the key grew or a
                      * next function led where the bounds must count (best.c) */
    double seconds;
    double busiest_cpu; /* the CPU time of the busiest worker's tasks: about the
                         * search's time on idle cores (the machine may be shared) */
};

/* The search's version, which an estimate depends on (a search stopped at
 * its cap of states has found what this version finds first): a cached
 * estimate names it. Bump it with any change to the search's order, bound
 * or discovery. */
#define BEST_SEARCH_VERSION 4

/* Searches; false only when the scenario cannot be started (err set). */
bool best_search_run(const struct scenario *sc, struct best_search *bs, struct diag *err);
void best_search_free(struct best_search *bs);

/* The workers a search uses by default: the cores, at most LIMIT_BEST_JOBS. */
int best_default_jobs(void);

#endif
