/*
 * loader.h: loading a scenario from its folder.
 *
 * Runs the scenario's files in a fresh sandbox (see script/sandbox.h), then
 * validates everything they declared and turns it into the static C data of
 * scenario.h. Every problem found is added to diags with its file, line and
 * column; loading goes on after an error to report as many as it can, and
 * fails if there was any.
 */
#ifndef SCALEUP_LOADER_H
#define SCALEUP_LOADER_H

#include "diag.h"
#include "scenario.h"
#include "script.h"

/* path: a scenario folder (its entry is main.lua) or a .lua file (its folder
 * is the file's folder). NULL on failure, with at least one error in diags.
 * limits may be NULL for the defaults. */
struct scenario *scenario_load(const char *path, const struct script_limits *limits,
                               struct diag_list *diags);

/* The same, for a game (play, the window, the host): the scenario's
 * positions are then only those the game reads, the lines of scenes and of
 * functions; the rest (columns, the lines of fields, which lint and the
 * tools read) are their scene's line. So no source map is read, which is a
 * fifth of loading a large scenario. When there is anything to report,
 * the load is done again as scenario_load does it: the messages are the
 * same, positions included. */
struct scenario *scenario_load_lines(const char *path, const struct script_limits *limits,
                                     struct diag_list *diags);

void scenario_free(struct scenario *sc);

#endif
