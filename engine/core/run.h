/*
 * run.h: a run as a file, and replaying it.
 *
 * A run is its seed plus its decisions. One JSON format, "scaleup-result/2",
 * serves as the result file a workshop collects, the save file of a slot and
 * the file --resume continues: it holds the scenario (id, version, title, a
 * hash of its files), the players and roles, the seed, times, the ending,
 * scores and stats, and every decision with its scene, its number as offered,
 * its text, what it scored and changed, the time taken and whether the timer
 * ran out.
 *
 * Loading, undoing and reloading are replays: a new game with the same seed,
 * playing the same decisions. A replay checks at every decision that it is
 * in the recorded scene and that the recorded choice is still there with the
 * same text; when the scenario changed under it, it stops and says at which
 * decision and why.
 */
#ifndef SCALEUP_RUN_H
#define SCALEUP_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "debrief.h"
#include "diag.h"
#include "game.h"

#define RUN_FORMAT "scaleup-result/2"
/* The format before choice ids and shuffled options, still read: its
 * decisions name a choice by its number among the open choices in the
 * author's order (runs then were never shuffled). */
#define RUN_FORMAT_1 "scaleup-result/1"

/* Seeds are kept below 2^53 so that JSON numbers hold them exactly. */
#define RUN_SEED_MAX ((1ULL << 53) - 1)

struct run_decision {
    char *scene;
    char *id;   /* the choice's id; NULL in a format 1 file */
    int number; /* format 2: as shown; format 1: among the open choices in the author's order */
    char *text;
    int player;
    bool timed_out;
    double seconds;
    /* A duet's secret decision: each player's pick and its text. */
    bool secret;
    int picks[GAME_MAX_PLAYERS];
    char *ids[GAME_MAX_PLAYERS];
    char *texts[GAME_MAX_PLAYERS];
};

struct run_record {
    int format; /* 1 or 2 */
    char *scenario_id;
    char *scenario_hash;
    int nplayers;
    char *players[GAME_MAX_PLAYERS];
    char *roles[GAME_MAX_PLAYERS];
    uint64_t seed;
    char *started;
    bool finished;
    struct run_decision *decisions;
    int ndecisions;
};

/* Times of a run, as ISO 8601 UTC strings ("2026-11-28T09:00:00Z"). */
struct run_times {
    char started[32];
    char updated[32];
    char finished[32]; /* empty while unfinished */
    const char *timers; /* "slow" or "off" when the player changed timed decisions; NULL: as written */
};

void run_time_now(char *buf, size_t cap);

/* The run as JSON (caller frees). d may be NULL (then it is built). */
char *run_to_json(struct game *g, const struct run_times *t);

/* Parses a run file's text. file names it in messages. False with err set on
 * anything that is not a valid run: not JSON, another format, wrong types. */
bool run_parse(const char *text, size_t len, const char *file, struct run_record *out,
               struct diag *err);
/* Reads and parses a run file (size-checked, never modified). */
bool run_read(const char *path, struct run_record *out, struct diag *err);
void run_record_free(struct run_record *r);

/* Starts g anew from the record and replays its first upto decisions (all
 * when upto < 0). False with err set when the record does not fit the
 * scenario; the game then holds the decisions that did fit. */
bool run_replay(struct game *g, const struct run_record *r, int upto, struct diag *err);

/* False when r was played with other scenario files than sc's (its hash
 * differs): the decisions may still replay, but not to the same scores. */
bool run_same_version(const struct run_record *r, const struct scenario *sc);

/* The record of a live game (for undo and reload: replay it elsewhere). */
void run_record_from_game(const struct game *g, struct run_record *out);
/* Appends to r the decision g is about to take: picks as shown (one per
 * player in a scene both decide in secret), timed out or not. For
 * --watch, a decision stopped by a run-time error is kept and replayed
 * once the file is fixed. False (r unchanged) when a pick is not offered. */
bool run_record_add_attempt(struct run_record *r, const struct game *g, const int *picks,
                            bool timed_out, double seconds);
/* Whether prefix's decisions are the first of r's (same scenario, scenes
 * and choices). */
bool run_record_starts_with(const struct run_record *r, const struct run_record *prefix);

/* Writes data to path atomically: a temporary file in the same folder,
 * fsync, rename, fsync of the folder. The old file stays whole until the new
 * one is complete. False with err set (naming path) on failure. */
bool file_write_atomic(const char *path, const char *data, size_t len, struct diag *err);

/* The same without the folder's fsync, which the caller does later with
 * file_sync_folder: the file is whole and in its folder at once (a killed
 * process loses nothing); only a power cut before file_sync_folder can
 * bring back the previous version, whole too. */
bool file_write_atomic_unsynced(const char *path, const char *data, size_t len, struct diag *err);
/* The same without any fsync, for a cache whose entries check themselves
 * (one a power cut leaves cut or empty is ignored). */
bool file_write_cache(const char *path, const char *data, size_t len, struct diag *err);
/* fsync of the folder that holds path (the rename into it made durable). */
void file_sync_folder(const char *path);

/* Writes an output the user named (map --output, report --csv...): "-" is
 * standard output; an existing FIFO or device (/dev/stdout, a terminal) is
 * written to in place; a symbolic link is followed and its target replaced
 * atomically; anything else is written atomically (file_write_atomic).
 * False with err set on any write error (a full disk, /dev/full). */
bool file_write_output(const char *path, const char *data, size_t len, struct diag *err);

/* Reads a whole file of at most max bytes. NULL with err set otherwise. */
char *file_read_all(const char *path, size_t max, size_t *len, struct diag *err);

#endif
