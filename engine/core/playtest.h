/*
 * playtest.h: playthrough tests an author keeps beside a scenario.
 *
 * A file tests.lua in the scenario's folder holds entries like
 *   playthrough { name = "cautious PO", role = "po", seed = 7,
 *                 choices = { "vision", 3, "Pitch the investor" },
 *                 expect = { ending = "ipo", score = { vision = 5 }, stats = { runway = 4 } } }
 * A choice is its id (see scenario.h), the start of its text, or its number
 * as shown (the options are shuffled by the seed: an id survives that). expect may hold
 * ending, verdict, score (dimension -> points), stats (stat -> value), flags
 * (flag -> true/false), weighted and turns. Each mismatch is reported as
 * "tests.lua:LINE: expected ..., got ...".
 */
#ifndef SCALEUP_PLAYTEST_H
#define SCALEUP_PLAYTEST_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "game.h"

struct playtest_choice {
    int number;   /* 1-based as shown, or 0 when given by a string */
    char *prefix; /* an id, or else the start of the choice's text */
};

struct playtest_value {
    char *id;
    double value;
};

struct playtest {
    char *name;
    char *file; /* as shown in messages */
    int line;
    char *role; /* NULL: the scenario's only role */
    char *player;
    uint64_t seed;
    struct playtest_choice *choices;
    int nchoices;
    char *ending, *verdict;
    struct playtest_value *score, *stats, *flags;
    int nscore, nstats, nflags;
    bool has_weighted, has_turns;
    double weighted;
    int turns;
};

struct playtest_set {
    struct playtest *items;
    int count;
};

void playtest_set_free(struct playtest_set *set);

/* Loads path (a tests.lua) into set, with the scenario's sandbox. False with
 * errors in diags (file, line). Defined in script/tests_loader.c. */
bool playtest_load(struct scenario *sc, const char *path, struct playtest_set *set,
                   struct diag_list *diags);

/* Runs one playthrough; every mismatch goes to failures (as errors at the
 * entry's line). True when it passed. */
bool playtest_run(const struct scenario *sc, const struct playtest *pt, struct diag_list *failures);

/* One line of tests.lua for the run of g, with its outcome as the
 * expectation (for recording a path from the window). */
void playtest_format(const struct game *g, const char *name, struct strbuf *out);

/* Where sc's playthrough tests live: tests.lua in the scenario's folder,
 * or, for a single-file scenario NAME.lua, NAME.tests.lua beside it (its
 * folder may hold other scenarios, whose tests are not its own). */
void playtest_path(const struct scenario *sc, char *buf, size_t cap);

/* Appends a line to path atomically (creating the file with a header
 * comment when it does not exist); *at (if not NULL) gets the line's number.
 * A file that exists but cannot be read or written is an error, never
 * overwritten. */
bool playtest_append(const char *path, const char *line, int *at, struct diag *err);

#endif
