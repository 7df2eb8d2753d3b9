/*
 * session.h: one player's (or one pair's) time with one scenario.
 *
 * The session owns the scenario and the game, and carries out what the
 * front-end asks: choices, undo, restart, save, load, reload. It writes the
 * result file after every decision (atomically, see run.h); when writing
 * fails (a full disk, a vanished folder) it says so once, keeps every
 * decision in memory, and writes them all as soon as writing works again.
 */
#ifndef SCALEUP_SESSION_H
#define SCALEUP_SESSION_H

#include <limits.h>
#include <stdbool.h>

#include "frontend.h"
#include "game.h"
#include "run.h"
#include "script.h"

/* Timed decisions (WCAG 2.2.1): as written, ten times slower, or untimed
 * (the scenario's timeout choice is then never forced). */
enum session_timers { TIMERS_ON, TIMERS_SLOW, TIMERS_OFF };
#define TIMERS_SLOW_FACTOR 10

struct session_options {
    const char *scenario_path; /* folder or file, kept for reloads */
    struct game_setup setup;
    bool coaching;             /* feedback after each decision (else only in the debrief) */
    const char *results_dir;   /* NULL for none */
    const char *resume_file;   /* a result or save file to continue */
    const char *saves_dir;     /* where save slots live; NULL: no saving */
    struct script_limits limits;
    enum session_timers timers;
    /* The result file's folder is fsynced by the front-end, with
     * session_sync_results, once it has shown the next page: the browser
     * host, whose page should not wait for it (docs/performance.md). */
    bool defer_folder_sync;
};

void session_options_default(struct session_options *o);

/* "on", "slow", "off" and back; -1 for another name. */
int session_timers_from_name(const char *name);
const char *session_timers_name(enum session_timers t);

/* The seconds a timed scene gives with the session's timers: the scene's
 * timer, ten times it when slow, 0 (untimed) when off or without a timer. */
int session_timer_seconds(const struct session *s, const struct scene *sc);

enum session_end {
    SESSION_ENDED, /* the run reached an ending */
    SESSION_QUIT,  /* the player left before an ending */
    SESSION_ERROR, /* a scenario error stopped the run */
};

struct session {
    struct session_options opt;
    char names[GAME_MAX_PLAYERS][LIMIT_NAME_BYTES + 1]; /* opt.setup's names point here */
    struct scenario *sc;
    struct game *g;
    struct run_times times;
    char results_path[PATH_MAX];
    bool results_failing; /* the last write failed; decisions are kept in memory */
    char rescued_path[PATH_MAX]; /* where the run went instead ("" when nowhere yet) */
    double decision_started;
    bool reload_pending;  /* a reload failed: waiting for the files to be fixed */
    /* The run as the player made it, for reloads (--watch): the game's
     * decisions, and those a reload could not replay or a run-time error
     * stopped, so that once the author fixes the file the whole run is
     * replayed again. A decision that parts from it, an undo, a restart or
     * a load makes it the game's own again. */
    struct run_record kept;
    bool folder_sync_due; /* defer_folder_sync: written, its folder not yet fsynced */
};

/* Loads the scenario. False with the errors in diags. */
bool session_open(struct session *s, const struct session_options *o, struct diag_list *diags);
void session_close(struct session *s);

/* With defer_folder_sync: the fsync of the result file's folder the last
 * write left to do (nothing when none is due). */
void session_sync_results(struct session *s);

/* Plays until the front-end quits. */
enum session_end session_play(struct session *s, const struct frontend *fe);

/* Reloads the scenario's files and replays the run (s->kept) onto them. */
enum reload_result {
    RELOAD_FAILED,  /* a load error: the old scenario stays; the errors are in diags */
    RELOAD_OK,      /* the new scenario, the whole run replayed onto it */
    RELOAD_PARTIAL, /* the new scenario, the run replayed up to where it stopped fitting
                       (replay_err says where and why) */
};
enum reload_result session_reload(struct session *s, struct diag_list *diags,
                                  struct diag *replay_err);

/* The file of a save slot (1-9). */
void session_slot_path(const struct session *s, int slot, char *buf, size_t cap);

/* Appends the run so far to the tests.lua beside the scenario as a
 * playthrough (its choices, and its ending, score and stats as the
 * expectation), so that `scaleup test` replays it from now on. Solo runs
 * only: a playthrough has one role. message says what happened, for the
 * player: "Kept as a playthrough test: FILE:LINE (...)" or why not. */
bool session_keep_as_test(struct session *s, char *message, size_t cap);
/* Writes the result file now (no-op without a results folder). */
bool session_write_results(struct session *s, struct diag *err);

#endif
