/*
 * recap.h: what a run's steps said, in the words every front-end shows.
 *
 * The terminal prints these and the window draws them; neither builds them.
 * A decision's changes are its points in each dimension first ("+3 Vision"),
 * then the company's visible stats ("Runway -1"): points read as what the
 * player earned, stats as the state of the company, hence the two orders.
 * The debrief's derivations (the best choice's line, the stats over the run,
 * where a duet disagreed) are here too, beside debrief.h's numbers.
 */
#ifndef SCALEUP_RECAP_H
#define SCALEUP_RECAP_H

#include <stdbool.h>

#include "game.h"
#include "util.h"

/* One change: its value (its sign gives the colour) and its words. */
struct change {
    double value;
    bool stat; /* a company stat; else a dimension's points */
    char text[LIMIT_NAME_BYTES + 48];
};

struct changes {
    int n;
    struct change item[LIMIT_DIMENSIONS + LIMIT_STATS];
};

/* The changes of points (score, one per dimension; NULL for none) and of
 * stats (stat_delta, one per stat; NULL for none): each non-zero one in
 * the scenario's order, dimensions first, hidden stats left out. */
void recap_changes(const struct scenario *sc, const double *score, const double *stat_delta,
                   struct changes *out);
/* The changes' words joined by sep ("+3 Vision · Runway -1") onto out. */
void recap_join(const struct changes *c, const char *sep, struct strbuf *out);

/* Stat st's value v as every front-end shows it: the number, then its unit
 * if it has one ("20 k€"), onto out (a unit may be as long as a text). */
void recap_stat_value(const struct stat_def *st, double v, struct strbuf *out);

/* How a duet's secret decision was resolved, in a sentence, onto out
 * ("You disagree: the CTO's pick stands, as the scenario settles it.");
 * nothing for a decision that was not secret. */
void recap_duet_outcome(const struct game *g, const struct decision *d, struct strbuf *out);

/* "You disagreed at: Pricing, Launch." onto out: the scenes of a duet's
 * secret decisions whose picks differed, in the order decided. Returns how
 * many (nothing is written when none). */
int recap_disagreed_at(const struct game *g, struct strbuf *out);

/* How far through the run the game is at scene: "Startup · phase 1 of 4 ·
 * decision 3" onto out. The phases are the scenario's, in the order its
 * scenes first name them (endings left out): the only measure that holds on
 * every path, as paths differ in length. A label's part before its first
 * " · " names its phase ("Plan · Week 1" is in "Plan"). Without phases:
 * "Decision 3". */
void recap_progress(const struct game *g, const struct scene *scene, struct strbuf *out);

/* Visible stat 'stat' over the run: v[k] after k decisions, k = 0 to
 * g->nlog (g->nlog + 1 values), the final stats taken back through each
 * decision's changes (its own and what moved as the next scene began). */
void recap_stat_series(const struct game *g, int stat, double *v);

/* What the debrief says of decision i's best choice (pick p of a duet's
 * secret decision, or -1 for the decision itself). */
enum recap_best {
    RECAP_BEST_NONE,   /* nothing to say: one choice was open */
    RECAP_BEST_TAKEN,  /* the player took the best (out: "The best-scoring choice here.") */
    RECAP_BEST_LOCKED, /* a locked option was better (out: debrief_locked_best's line) */
    RECAP_BEST_OTHER,  /* another open choice was better (out: "Best for a CTO: LABEL";
                        * *score: its points, to show as changes) */
};
enum recap_best recap_best(const struct game *g, int i, int p, struct strbuf *out,
                           const double **score);

#endif
