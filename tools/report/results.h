/*
 * results.h: a workshop's result files, read and summed up for the report.
 *
 * report_load reads every "*.json" file of the folders (and every file) it
 * is given, never changing one: each must pass run_parse, the same check
 * --resume makes, and hold the numbers a report needs (score, weighted,
 * percent); any other file is skipped with a warning that names it. Other
 * names (the "*.tmp-XXXXXX" of a write in progress, notes, screenshots) are
 * not result files and are passed over in silence. The same run found twice
 * (a copy from a USB stick beside the shared folder) counts once: the copy
 * with more decisions.
 *
 * Runs are grouped by scenario id. A group's rows are its players (one per
 * run, two per duet run), ranked by percent, then weighted total, then name.
 * Decision points gather, per scene, what the teams that reached it chose:
 * the result file holds the chosen option's id (format 2; format 1 files,
 * from before options were shuffled, hold its number), the number it was
 * shown under, its text and score and the best one offered, not the
 * options nobody took. Options are counted by id, so teams that saw one
 * option under different numbers are counted together.
 */
#ifndef SCALEUP_REPORT_RESULTS_H
#define SCALEUP_REPORT_RESULTS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/arena.h"
#include "core/util.h"

/* Points per dimension, in the order the file lists them. */
struct rep_score {
    int n;
    const char **dims;
    double *points;
};

struct rep_decision {
    int turn;
    const char *scene;
    int choice;       /* 1-based, as shown */
    const char *id;   /* the option's id; NULL in a format 1 file */
    const char *text; /* plain text of the chosen option */
    struct rep_score score;
    struct rep_score effects;
    double seconds;
    bool timed_out;
    int offered; /* how many options were offered (0: not recorded) */
    int best;    /* format 1: the best-scoring option's number (0: not recorded) */
    const char *best_id; /* format 2: the best-scoring option's id (NULL: not recorded) */
    int player;  /* who decided: 0, or 1 in a duet */
    /* A duet's secret decision (a "both" scene) is two decisions, player 0's
     * then player 1's, with the same turn, outcome and stood. */
    bool secret;
    const char *outcome; /* "agreed", "conflict", "settled", "coin"; NULL when not secret */
    const char *stood;   /* the role whose pick stood after a settle or a coin; or NULL */
};

struct rep_player {
    const char *name;
    const char *role;
    struct rep_score score;
    double weighted, percent;
    double best; /* the best weighted total for this player's role; NAN when not recorded */
    const char *rating; /* NULL when the scenario has no ratings */
};

struct rep_run {
    const char *path; /* as found */
    const char *file; /* its last component */
    const char *scenario_id, *scenario_version, *scenario_title, *scenario_hash;
    int nplayers;
    struct rep_player players[2];
    double seed;
    const char *started, *updated, *finished; /* finished: NULL while unfinished */
    double minutes; /* from start to finish (or to the last write); < 0 when unknown */
    const char *ending_id, *ending_title, *verdict; /* NULL while unfinished */
    double best;
    const char *rating; /* NULL when the scenario has no ratings */
    struct rep_decision *decisions;
    int ndecisions;
    int group;
};

/* One row of the ranking: a player of a run. */
struct rep_row {
    const struct rep_run *run;
    int player;
    int rank; /* 1-based within its group */
};

/* An option taken at a decision point, with the teams that took it. */
struct rep_option {
    const char *id; /* NULL for options of format 1 files */
    const char *text;
    int number;  /* as offered to the first team that took it */
    bool varied; /* other teams saw it under another number */
    const struct rep_score *score;
    int teams;         /* distinct rows that took it */
    int *teams_by_role; /* per role of the group */
    int best_for;      /* bit r: it was the best option for role r */
    int missed_by;     /* decisions that took it when it was not their best */
    int *missed_by_role;
};

/* A best option nobody (of the roles concerned) took at a decision point. */
struct rep_missed_best {
    const char *id; /* its id (format 2), or NULL */
    int number;     /* its number (format 1), or 0 */
    int roles; /* bit r: the best option for role r had this number */
    bool all_roles;
};

/* What the pairs of a duet scenario did at one secret decision. */
struct rep_pick_count {
    const char *text;
    int count;
};

struct rep_duet_point {
    const char *scene;
    double order; /* mean turn */
    int pairs;    /* decisions here (a pair deciding twice counts twice) */
    int agreed, conflict, settled, coin;
    const char *roles[2]; /* the two roles, by id */
    struct rep_pick_count *picks[2]; /* per role, most taken first */
    int npicks[2];
};

struct rep_point {
    const char *scene;
    double order;  /* mean turn: decision points are listed by it */
    int teams;     /* distinct rows that decided here */
    int *teams_by_role;
    int decisions; /* a scene visited twice counts twice */
    int missed;    /* decisions that did not take the best option */
    int timed_out;
    struct rep_option *options;
    int noptions;
    struct rep_missed_best *untaken;
    int nuntaken;
    double *seconds; /* every decision's, sorted */
    int nseconds;
};

struct rep_group {
    const char *scenario_id, *title, *version;
    bool versions_differ;
    const char **dims; /* ordered union of the runs' dimensions */
    int ndims;
    const char **roles; /* ordered union of the players' roles */
    int nroles;
    struct rep_row *rows; /* ranked */
    int nrows, nruns, nfinished;
    struct rep_point *points;
    int npoints;
    /* Duet runs of the group (pairs) and their secret decisions, by scene
     * (see duet.c): where the two roles agree and where they do not. */
    int npairs;
    int pair_agreed, pair_secret; /* summed over the pairs */
    struct rep_duet_point *duet_points; /* most disagreement first */
    int nduet_points;
};

struct report {
    struct arena arena;
    struct rep_run *runs;
    int nruns;
    struct rep_group *groups;
    int ngroups;
    int skipped; /* files that were not valid results */
    const char **inputs; /* every file opened, valid or not (never to be written) */
    int ninputs;
};

/* Called with a warning line (no "scaleup: warning: " prefix, no newline). */
typedef void (*report_warn_fn)(void *ctx, const char *message);

/* Reads the results in paths (folders or files). False only when a path
 * cannot be read at all (err names it); invalid files are warned about and
 * skipped. An empty report is not an error here. */
bool report_load(struct report *r, const char *const *paths, int npaths, report_warn_fn warn,
                 void *ctx, char *err, size_t errcap);
void report_free(struct report *r);

/* Fills g's duet fields from the report's runs of g (duet.c). */
void rep_build_duets(struct report *r, struct rep_group *g);

/* Points of dimension dim in s; 0 (and *has false) when absent. */
double rep_points(const struct rep_score *s, const char *dim, bool *has);
/* The weighted and percent of a row's player. */
const struct rep_player *rep_row_player(const struct rep_row *row);
/* A duet run's alignment: its secret decisions, and those whose picks agreed. */
void rep_run_alignment(const struct rep_run *run, int *agreed, int *secret);
/* Index of role in the group, or -1. */
int rep_role_index(const struct rep_group *g, const char *role);

/* Whether a decision recorded its best option, and whether it took it. */
bool rep_has_best(const struct rep_decision *d);
bool rep_took_best(const struct rep_decision *d);

/* "Vision" for "vision", "Time to market" for "time_to_market". */
void rep_dim_label(const char *id, char *buf, size_t cap);
/* "PO" for "po". */
void rep_role_label(const char *id, char *buf, size_t cap);
/* "+3 Vision · -1 Launch", or "no points" (dims labelled as above). */
void rep_score_text(const struct rep_score *s, struct strbuf *out);
/* Minutes as "12.5", or "-" when unknown. */
void rep_minutes_text(double minutes, char *buf, size_t cap);
/* "2026-11-28T09:00:00Z" as seconds since the epoch; -1 when not one. */
double rep_parse_time(const char *s);
/* The median of sorted v[0..n). */
double rep_median(const double *v, int n);

#endif
