/*
 * debrief.h: what the end of a run shows, as the contract defines it.
 *
 * Each dimension's points, the weighted total, the percentage of the best
 * weighted total the scenario allows for the role, the rating, the ending's
 * verdict, and decision by decision what was chosen, its feedback and the
 * choice that would have scored best there (from the game's log).
 *
 * The best total is the scenario's declared best (scenario { best = {...} })
 * when it has one and the game is solo; otherwise the explorer searches every
 * state reachable with the run's seed (up to LIMIT_BEST_STATES) for it, and
 * when that space is too large, takes the best of LIMIT_BEST_RUNS random
 * playthroughs: then the percentage is an estimate, and the debrief says so.
 * A duet is searched as a duet (both roles at once). The per-dimension bests
 * come from the same search (random play only, when the best is declared).
 * Results are cached per scenario, seed and way of playing.
 */
#ifndef SCALEUP_DEBRIEF_H
#define SCALEUP_DEBRIEF_H

#include <stdbool.h>

#include "game.h"

struct best {
    double weighted;
    double points[LIMIT_DIMENSIONS]; /* the most points any path gave in each dimension */
    bool exact;                      /* false: an estimate from random playthroughs */
    bool declared;                   /* weighted comes from the scenario */
    bool searched;                   /* (the cache's own: this role was searched) */
};

/* The best a role can reach in this scenario with this seed, playing solo
 * or in a duet (where a conflict scene can score what solo play cannot). */
void best_for(struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out);

struct debrief_player {
    int role;
    const char *name;
    double points[LIMIT_DIMENSIONS];
    double weighted;
    struct best best;
    double percent;     /* 0 to 100 */
    const char *rating; /* NULL when the scenario has no ratings */
};

struct debrief {
    int ending; /* scene index, or -1 when the run did not finish */
    enum verdict verdict;
    int nplayers;
    struct debrief_player players[GAME_MAX_PLAYERS];
    /* Duet: secret decisions whose picks agreed, out of all secret ones. */
    int agreed, secret_decisions;
    double alignment; /* agreed / secret_decisions, 0 to 1 (1 with none) */
};

/* Builds the debrief of a game (finished or not). */
void debrief_build(struct game *g, struct debrief *d);

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

/* The percentage for a weighted total against a best (clamped to 0-100). */
double debrief_percent(double weighted, double best);

#endif
