/*
 * explore.h: playing a scenario many times, by machine.
 *
 * Two ways, both deterministic:
 *   - random: N playthroughs per role, each choice drawn uniformly from those
 *     offered, each playthrough with its own seed derived from the base seed
 *     (so every finding can be replayed as seed + choices);
 *   - exhaustive: every game state reachable from the start for one seed, by
 *     depth-first search, deduplicated by a hash of the whole state so paths
 *     that merge are explored once; it stops when max_states is exceeded.
 *
 * The debrief uses the exhaustive search to find the best score a role could
 * have reached; `scaleup explore` reports everything it found.
 */
#ifndef SCALEUP_EXPLORE_H
#define SCALEUP_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "scenario.h"

enum explore_mode { EXPLORE_RANDOM, EXPLORE_EXHAUSTIVE };

/* Random exploration stops once the same run-time error (same file, line
 * and message) has been met this many times: a scene that fails on every
 * path (an endless loop stopped by the instruction limit, say) would
 * otherwise cost every remaining playthrough its full limit, and 20
 * replayable examples of one error teach nothing the first did not.
 * explore_options.stop_repeats = 0 plays every run (--all-runs). */
#define EXPLORE_STOP_REPEATS 20

struct explore_options {
    enum explore_mode mode;
    long runs;       /* random: playthroughs per role */
    uint64_t seed;   /* random: base seed; exhaustive: the run's seed */
    long max_states; /* exhaustive: stop a role's search beyond this many states */
    int role;        /* a role index, or -1 for every role */
    bool duet;       /* both roles at once (duet scenarios) */
    /* exhaustive: -1 to tell states apart by every player's points; a
     * player's index to ignore the others' points (that player's best in
     * far fewer states; the search is then not complete if a callback read
     * game.score, see scenario_live.score_reads). */
    int score_of;
    /* random and exhaustive: worker processes (1: this process only).
     * Results are the same for any number: the workers take chunks of the
     * playthroughs (exhaustive: a role each) in turn and the parts are
     * merged in order (explore.c). */
    int jobs;
    /* random: stop after the same run-time error this many times (0: never);
     * EXPLORE_STOP_REPEATS by default. The stop is decided by playthrough
     * index, so it is the same for any number of jobs. */
    long stop_repeats;
    /* Called now and then with done/total (total 0 when unknown). */
    void (*progress)(void *ctx, long done, long total);
    void *progress_ctx;
};

void explore_options_default(struct explore_options *o);

/* A path through the scenario that can be replayed. */
struct explore_path {
    int role;
    uint64_t seed;
    int *choices; /* 1-based numbers as offered */
    int nchoices;
    double weighted;
};

struct explore_finding {
    struct explore_path path;
    struct diag diag;
    long count; /* how often it was met */
};

struct explore_stat {
    double min, max, sum;
    long count;
};

struct explore_result {
    long playthroughs; /* random: runs; exhaustive: ending states reached */
    long runs_failed;  /* random: runs that stopped at an error or a dead end */
    long choices;      /* decisions taken */
    long states;       /* distinct states seen */
    bool complete;     /* every state (exhaustive) or every run (random) was played */
    /* random: the playthroughs played (of all roles) when a run-time error
     * repeated stop_repeats times, and that error; 0 when not stopped. */
    long stopped_after;
    struct diag stop_error;
    long text_bytes;   /* text produced (scene texts, labels, feedback) */
    double seconds;

    int nscenes;
    long *scene_visits; /* per scene: how often it was entered */
    long *ending_counts; /* per scene (endings only) */

    struct explore_finding *dead_ends;
    int ndead_ends;
    struct explore_finding *errors;
    int nerrors;

    /* Per role. */
    struct explore_stat score[LIMIT_ROLES][LIMIT_DIMENSIONS];
    struct explore_stat weighted[LIMIT_ROLES];
    struct explore_path best[LIMIT_ROLES];
    struct explore_path worst[LIMIT_ROLES];
    bool role_played[LIMIT_ROLES];

    /* Turns to an ending: histogram by count of decisions. */
    long *turns;
    int nturns;

    /* Duet: secret picks that agreed and differed. */
    long picks_agreed, picks_differed;
    long *conflict_visits; /* per scene: entered as a conflict scene */

    /* Internal, for --jobs: a worker's endings' values (role, points per
     * dimension, weighted, per player), summed again in order by the
     * parent so that the sums are those of one process. */
    double *values;
    long nvalues, capvalues;
    bool started_once; /* a game started in this part */
};

/* Explores; false only when the scenario cannot be played at all (then err
 * is the first error). Findings (dead ends, errors) are in the result. */
bool explore_run(const struct scenario *sc, const struct explore_options *o, struct explore_result *r,
                 struct diag *err);
void explore_result_free(struct explore_result *r);

/* The seed of random playthrough i from a base seed: splitmix64 of
 * base ^ i * 0x9e3779b97f4a7c15, kept below 2^53. */
uint64_t explore_seed(uint64_t base, long i);

#endif
