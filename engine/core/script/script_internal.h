/*
 * script_internal.h: the scripting module's own view of a struct script,
 * shared by the loader (which builds it) and the bridge (which calls into it).
 */
#ifndef SCALEUP_SCRIPT_INTERNAL_H
#define SCALEUP_SCRIPT_INTERNAL_H

#include "../script.h"
#include "sandbox.h"

struct script {
    struct sandbox *sb;
    struct scenario *sc;
    struct game *game;  /* the game the current call is about */
    int game_ref;       /* registry ref of the game object given to callbacks */
    struct loader *loader; /* while loading only */
    struct tests_ctx *tests; /* while loading tests.lua only */
};

/* Creates the game object (a userdata with locked metatables) and keeps it in
 * the registry. Runs inside a protected call. */
int script_make_game_object(lua_State *L);

/* Pushes a number the way the contract shows it: an integer when whole. */
void script_push_number(lua_State *L, double v);

#endif
