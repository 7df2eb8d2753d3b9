/*
 * script_internal.h: the scripting module's own view of a struct script,
 * shared by the loader (which builds it) and the bridge (which calls into it).
 */
#ifndef SCALEUP_SCRIPT_INTERNAL_H
#define SCALEUP_SCRIPT_INTERNAL_H

#include "../script.h"
#include "sandbox.h"

#include "condition.h"

struct script {
    struct sandbox *sb;
    struct scenario *sc;
    struct game *game;  /* the game the current call is about */
    int game_ref;       /* registry ref of the game object given to callbacks */
    struct loader *loader; /* while loading only */
    struct tests_ctx *tests; /* while loading tests.lua only */
    struct conditions conds; /* the `when` functions answered without Lua */
};

/* Creates the game object (a userdata with locked metatables) and keeps it in
 * the registry. Runs inside a protected call. */
int script_make_game_object(lua_State *L);

/* Pushes a number the way the contract shows it: an integer when whole. */
/* The keys of the table at t that a table of this kind may not have: a
 * string not in allowed (NULL-ended), an integer outside 1..positional
 * (positional > 0), or a key of another type. Calls unknown(ctx, key,
 * item) for each in the table's (hash) order, the key on top of L's stack:
 * key is the string, or NULL with item pointing at the integer (NULL for a
 * key of another type). as_lua, when not NULL, is allowed as Lua strings
 * of this state (lua_tostring of each, kept alive by the caller): a key is
 * first looked for among them by its address, which is exact for Lua's
 * short strings and saves comparing characters. The loader's check,
 * shared with tests.lua's. */
void script_unknown_keys(lua_State *L, int t, const char *const *allowed,
                         const char *const *as_lua, int positional,
                         void (*unknown)(void *ctx, const char *key, const lua_Integer *item), void *ctx);

void script_push_number(lua_State *L, double v);

#endif
