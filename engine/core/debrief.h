/*
 * debrief.h: what the end of a run shows, as the contract defines it.
 *
 * Each dimension's points, the weighted total, the percentage of the best
 * weighted total the role can reach, the rating, the ending's verdict, and
 * decision by decision what was chosen, its feedback and the choice that
 * would have scored best there (from the game's log).
 *
 * The best total is the exact best of best.h, searched in the background on
 * a scenario of its own (never the run's Lua state), within a time budget;
 * where the budget runs out it is the best found, an estimate, and says so.
 * A solo game of a scenario that declares its best uses the declared total.
 * Answers are cached in memory and on disk ($XDG_CACHE_HOME/scaleup/best),
 * by scenario hash, role, solo or duet, and the seed when the scenario
 * draws from the run's generator: exact answers, and estimates stopped by
 * the cap of states (not by the clock) of a one-worker search, which do
 * not depend on the machine and are kept for the version of the search
 * that made them.
 *
 * The headline and the bars agree: each dimension's bar is the player's
 * points against what the best run for the role scores there (the best
 * path's points), so the bars of a best run are all full.
 */
#ifndef SCALEUP_DEBRIEF_H
#define SCALEUP_DEBRIEF_H

#include <stdbool.h>

#include "game.h"

struct best {
    double weighted;
    double points[LIMIT_DIMENSIONS]; /* the best run's points in each dimension */
    bool exact;                      /* false: an estimate (the budget ran out) */
    bool declared;                   /* weighted comes from the scenario */
    bool ready;                      /* false: still being searched (best_peek) */
    bool cached;                     /* read from the disk cache */
    bool seed_free;                  /* the same for every seed (no draw from the generator) */
    double seconds;                  /* the search's time (0 when cached) */
};

/* Time budget of one role's search, in seconds (LIMIT_BEST_SECONDS unless
 * changed: tests make it tiny to see an estimate). */
void best_set_budget(double seconds);
/* The cap of states of one role's search (LIMIT_BEST_STATES unless changed:
 * tests make it small to see an estimate cached). */
void best_set_max_states(long states);
/* Workers of one role's search (best.h; 0, the default, for the number
 * of cores): the answer is the same for any number, but an estimate
 * stopped by the cap of states is cached only when one worker made it
 * (with more, where the cap stops depends on their timing). */
void best_set_jobs(int n);
/* The disk cache's folder; NULL for $XDG_CACHE_HOME/scaleup/best (else
 * ~/.cache/scaleup/best), "" for no disk cache. */
void best_set_cache_dir(const char *dir);

/* Starts the search for a role's best in the background (unless cached);
 * returns at once. The search loads the scenario again from its folder. */
void best_start(const struct scenario *sc, int role, uint64_t seed, bool duet);
/* The best, if known now (from a cache or a finished search); false while
 * the search runs. Starts it when nobody has. */
bool best_peek(const struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out);
/* The best a role can reach in this scenario with this seed, playing solo
 * or in a duet (where a conflict scene can score what solo play cannot):
 * waits for the search, which ends at its budget. */
void best_for(const struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out);
/* Forgets the memory cache (tests). */
void best_forget(void);

struct debrief_player {
    int role;
    const char *name;
    double points[LIMIT_DIMENSIONS];
    double weighted;
    struct best best;
    double percent;     /* 0 to 100, of the best (see debrief_percent) */
    bool below_zero;    /* the run scored less than nothing: show its points, not 0% */
    const char *rating; /* NULL when the scenario has no ratings */
    /* Drawn as they are by the front-ends: */
    char headline[48];  /* "87%", or "-4 points" below zero */
    char total[160];    /* "Weighted total 40 of 46 possible" (", estimated") */
    double share[LIMIT_DIMENSIONS];      /* a bar's fill, 0 to 1 */
    char bar_label[LIMIT_DIMENSIONS][64]; /* "6 of 8 · 75%" */
};

/* What the bars are measured against, said once under them. */
#define DEBRIEF_BARS_NOTE "Each bar: your points against what the best run for your role scores there."

struct debrief {
    int ending; /* scene index, or -1 when the run did not finish */
    enum verdict verdict;
    int nplayers;
    struct debrief_player players[GAME_MAX_PLAYERS];
    /* Duet: secret decisions whose picks agreed, out of all secret ones. */
    int agreed, secret_decisions;
    double alignment; /* agreed / secret_decisions, 0 to 1 (1 with none) */
};

/* Builds the debrief of a game (finished or not), waiting for the best's
 * search. debrief_build_now does not wait: a player's best.ready is false
 * while it runs (then best, percent and rating are not known yet). */
void debrief_build(struct game *g, struct debrief *d);
void debrief_build_now(struct game *g, struct debrief *d);

/* What the debrief says decision by decision beyond the log's own fields,
 * worked out here so that every front-end shows the same words. */

/* When a locked option (shown with its reason) would have scored more for
 * the role than every open one at decision i (pick p of a duet's secret
 * decision, or -1 for the decision itself): "Best for a Product Owner:
 * Pitch the investor (locked: Needs a written vision first)" into out, and
 * true. The debrief says this instead of calling an open option the best. */
bool debrief_locked_best(const struct game *g, int i, int p, struct strbuf *out);

/* What game.cause attributed to decision i, a line each, NUL-separated:
 * "Promise September → Stakeholder trust -20 in September". The count. */
int debrief_caused(const struct game *g, int i, struct strbuf *out);

/* The discuss questions of the scenes decided, each scene's once, in the
 * order decided (as rendered when decided), NUL-separated. The count. */
int debrief_questions(const struct game *g, struct strbuf *out);

/* The percentage for a weighted total against a best, 0 to 100: w / best
 * for a positive best (0 below zero); when the best is zero or below
 * (every option costs points), best / w, so that perfect play is 100%. */
double debrief_percent(double weighted, double best);

#endif
