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
void scenario_free(struct scenario *sc);

#endif
