/*
 * runplan.h: setting up a run, the same for every front-end.
 *
 * Who plays which role (solo or a duet), and which bundled scenario a result
 * file continues: the terminal (cli/play.c) and the browser host
 * (host/) set runs up through these, so that a run started in either is
 * the same run for the same scenario, role, seed and choices.
 */
#ifndef SCALEUP_RUNPLAN_H
#define SCALEUP_RUNPLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

/* One player plays role (an index of s->sc->roles) under name ("Player"
 * when NULL or empty). For a new run (not a resumed one). */
void runplan_solo(struct session *s, int role, const char *name);

/* Two players share the company: the first takes role_id (the first role
 * when NULL), the partner the other. False with why set when the scenario
 * is not written for duets or role_id is not one of its roles. */
bool runplan_duet(struct session *s, const char *role_id, const char *player, const char *partner,
                  char *why, size_t cap);

/* The bundled scenario a result or save file was played with (only the
 * catalog: a folder that happens to bear the id is not the scenario).
 * False with why set when the file cannot be read (*usage false) or its
 * scenario is not bundled (*usage true). */
bool runplan_resume_scenario(const char *file, char *path, size_t cap, char *why, size_t whycap,
                             bool *usage);

#endif
