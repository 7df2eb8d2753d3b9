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
#include "core/limits.h"
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
    /* The choice's stable id: from the file (scaleup-result/2), else the id
     * of the scenario's option of this scene with this text, else NULL (the
     * option is then known by its text). See rep_option_key. */
    const char *choice_id;
    struct rep_score score;
    struct rep_score effects;
    double seconds;
    bool timed_out;
    int offered; /* how many options were offered (0: not recorded) */
    int best;    /* the best-scoring option's number (0: not recorded; scaleup-result/1) */
    const char *best_id; /* its choice id (scaleup-result/2), or NULL */
    const char *discuss; /* the scene's discuss question as shown then (result/2), or NULL */
    int player;  /* who decided: 0, or 1 in a duet */
    /* A duet's secret decision (a "both" scene) is two decisions, player 0's
     * then player 1's, with the same turn, outcome and stood. */
    bool secret;
    const char *outcome; /* "agreed", "conflict", "settled", "coin"; NULL when not secret */
    const char *stood;   /* the role whose pick stood after a settle or a coin; or NULL */
};

/* A game.cause record: stat changes at a later scene, caused by an earlier
 * decision (its turn, and the id of the choice it took or the flag it set). */
struct rep_consequence {
    int turn;          /* the causing decision's turn */
    int player;        /* who made it (0, or 1 in a duet) */
    const char *cause; /* the choice id it took */
    const char *text;  /* and its text */
    const char *scene; /* where the changes happened */
    int at_turn;       /* choices made when they happened */
    struct rep_score changes;
};

struct rep_player {
    const char *name;
    const char *role;
    struct rep_score score;
    double weighted, percent;
    double best; /* the best weighted total for this player's role; NAN when not recorded */
    bool best_estimate; /* the best is an estimate (its search ran out of time) */
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
    struct rep_score stats; /* the company's stats at the last write, as the file holds them */
    /* Consequences (game.cause): what a decision caused later in the run. */
    struct rep_consequence *consequences;
    int nconsequences;
};

/* What the report knows of a scenario from its files (loaded by id from
 * the bundled ones, or from --scenario PATH): every option of every scene,
 * its text, feedback and score, the best one per role, the discuss
 * questions, and the names of stats and dimensions. See scenario_info.c. */
struct rep_choice_info {
    const char *id;       /* stable id ("1", "2"... by position, or the author's) */
    const char *text;     /* plain; {stat} for references; NULL when a function */
    const char *feedback; /* plain; NULL when none (or a function) */
    uint32_t role_mask;   /* bit r: offered to the scenario's role r */
    bool conditional;     /* requires, when or once: not always open */
    double *score;        /* per dimension of the scenario */
    double *weighted;     /* per role of the scenario: score x the role's weights */
};

struct rep_scene_info {
    const char *id, *title, *phase;
    const char *discuss; /* the scene's debrief question, or NULL */
    struct rep_choice_info *choices;
    const char **match; /* per choice: its text with \x01 for each reference, to match
                           the text a team saw; NULL when a function */
    int nchoices;
    int *best;     /* per role of the scenario: the option with the most weighted points
                      for it (the first of equals), or -1 when none is offered to it */
    bool *tied;    /* per role: another option scores as much */
};

struct rep_named {
    const char *id, *name, *unit; /* unit: stats only, may be NULL */
    bool hidden;                  /* stats: not shown in the game's HUD */
};

struct rep_scenario {
    const char *id, *title, *path, *hash;
    struct rep_named dims[LIMIT_DIMENSIONS], roles[LIMIT_ROLES], stats[LIMIT_STATS];
    bool dim_scored[LIMIT_DIMENSIONS]; /* some option scores it */
    int ndims, nroles, nstats;
    struct rep_scene_info *scenes; /* scenes that offer choices, in the order written */
    int nscenes;
};

/* One row of the ranking: a player of a run. */
struct rep_row {
    const struct rep_run *run;
    int player;
    int rank; /* 1-based within its group */
    /* What the team tended to do, one line each (see patterns.c). */
    const char *patterns[4];
    int npatterns;
};

/* An option of a decision point (every option of the scene when the
 * scenario is known, else those somebody took), with the teams that took
 * it, counted by choice id. */
struct rep_option {
    const char *key; /* the choice id, or "text:" and the text when not known */
    const char *id;  /* the choice id, or NULL */
    const char *text;
    const char *feedback;             /* NULL when not known */
    const struct rep_choice_info *info; /* NULL when the scenario is not known */
    bool conditional;
    int number;  /* its place in the scenario's list; without the scenario, its number as
                    offered to the first team that took it */
    bool varied; /* (without the scenario) other teams saw it under another number */
    const struct rep_score *score;
    int teams;         /* distinct rows that took it */
    int taken;         /* decisions that took it (a scene visited twice counts twice) */
    int *teams_by_role; /* per role of the group */
    int best_for;      /* bit r: it is the best option for role r of the group (one per role) */
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
    const char *title;   /* the scene's title, or its id as words */
    const char *discuss; /* the scene's debrief question, or NULL */
    const struct rep_scene_info *info; /* NULL when the scenario is not known */
    double split;  /* 1 - the share of the decisions here that took the most taken option */
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

/* The discussion plan: the decision points to talk about, as indices into
 * the group's points. */
#define REP_PLAN_MAX 5
struct rep_plan {
    int split[REP_PLAN_MAX]; /* the most split first */
    int nsplit;
    int missed[REP_PLAN_MAX]; /* the best option most often missed first */
    int nmissed;
    int ask[2 * REP_PLAN_MAX]; /* both lists' points, in the order of the story */
    int nask;
};

struct rep_group {
    const char *scenario_id, *title, *version;
    const struct rep_scenario *sc; /* NULL when the scenario could not be found */
    bool sc_differs;               /* some run was played with other files than sc's */
    bool *dim_shown;               /* per dims[]: scored by some option (or some run) */
    int ndims_shown;
    const char **stats; /* the stats the runs hold, to show (not hidden) */
    int nstats;
    struct rep_plan plan;
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

/* Says a warning through warnfn (when not NULL): the message formatted,
 * folded into one line. */
void rep_warn(report_warn_fn warnfn, void *ctx, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* The index of s in the list of *n strings, added at its end (the list
 * grown) when it is not there yet. */
int rep_add_unique(const char ***list, int *n, const char *s);

/* Reads the results in paths (folders or files). False only when a path
 * cannot be read at all (err names it); invalid files are warned about and
 * skipped. An empty report is not an error here. */
/* Scenarios: paths given by the user (folders or .lua files), tried
 * first by id; else the bundled scenario of that id. */
struct rep_sources {
    const char *const *paths;
    int npaths;
    bool bundled; /* look for bundled scenarios (false in tests that want none) */
};

bool report_load(struct report *r, const char *const *paths, int npaths,
                 const struct rep_sources *src, report_warn_fn warn, void *ctx, char *err,
                 size_t errcap);
void report_free(struct report *r);

/* The scenario of id (scenario_info.c): loaded from src, or NULL with a
 * warning. Kept in the report's arena. */
const struct rep_scenario *rep_scenario_find(struct report *r, const char *id,
                                             const struct rep_sources *src, report_warn_fn warn,
                                             void *ctx);
/* The scenario's option of scene with this id, or NULL. */
const struct rep_scene_info *rep_scene_info(const struct rep_scenario *sc, const char *scene);
/* The index of the option of scene s whose plain text is text, or -1. */
int rep_choice_by_text(const struct rep_scene_info *s, const char *text);
int rep_choice_by_id(const struct rep_scene_info *s, const char *id);

/* The team patterns of g's rows (patterns.c), and the discussion plan. */
void rep_build_patterns(struct report *r, struct rep_group *g);
void rep_build_plan(struct report *r, struct rep_group *g);
/* A scene's title (from the scenario), else its id as words. */
const char *rep_scene_title(struct report *r, const struct rep_group *g, const char *scene);

/* Fills g's duet fields from the report's runs of g (duet.c). */
void rep_build_duets(struct report *r, struct rep_group *g);

/* Whether the file says which option was the best for the decider, and
 * whether the decision took it (by number or by id). */
bool rep_has_best(const struct rep_decision *d);
bool rep_took_best(const struct rep_decision *d);

/* Points of dimension dim in s; 0 (and *has false) when absent. */
double rep_points(const struct rep_score *s, const char *dim, bool *has);
/* The weighted and percent of a row's player. */
const struct rep_player *rep_row_player(const struct rep_row *row);
/* A duet run's alignment: its secret decisions, and those whose picks agreed. */
void rep_run_alignment(const struct rep_run *run, int *agreed, int *secret);
/* The duet runs of group gi, one a call: *cursor starts at 0; NULL after
 * the last. */
const struct rep_run *rep_next_duet(const struct report *r, int gi, int *cursor);
/* Index of role in the group, or -1. */
int rep_role_index(const struct rep_group *g, const char *role);


/* "Vision" for "vision", "Time to market" for "time_to_market". */
void rep_dim_label(const char *id, char *buf, size_t cap);
/* A stat's name and unit from the scenario (NULL when not known). */
const char *rep_stat_name(const struct rep_group *g, const char *id, const char **unit);
/* A dimension's name from the scenario, else its id as words. */
void rep_dim_name(const struct rep_group *g, const char *id, char *buf, size_t cap);
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
