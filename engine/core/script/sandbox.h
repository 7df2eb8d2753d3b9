/*
 * sandbox.h: a Lua state in which untrusted scenario code runs.
 *
 * Internal to the scripting module (the only code that includes lua.h). It
 * builds the state that the contract promises a scenario and nothing more:
 *
 *   - libraries: safe base functions, string, table, math without random, and
 *     utf8; no io, os, package, require, debug, coroutine, load, dofile,
 *     loadfile, collectgarbage, string.dump. Those libraries are never even
 *     opened in the state. Reading a forbidden name is an error that says so.
 *   - memory: a counting allocator caps the state (soft cap: an error with
 *     file and line at the next instruction; hard cap: the allocation fails).
 *   - CPU: a count hook gives every call an instruction budget and a wall-clock
 *     deadline; library functions the hook cannot interrupt (string.rep,
 *     pattern matching, table.concat/insert/remove/move/sort) have their
 *     arguments capped so no single call runs long.
 *   - escapes: pcall and xpcall cannot swallow a limit error; the string
 *     metatable and every engine metatable are locked; __gc finalizers are
 *     refused (they would run outside any call's limits).
 *
 * Every call into scenario code goes through sandbox_call, which reports an
 * error as a diagnostic with the scenario file and line.
 */
#ifndef SCALEUP_SANDBOX_H
#define SCALEUP_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#include "../diag.h"
#include "../script.h"
#include "objpool.h"

/* Maps a chunk name ("main.lua") to the path shown in messages. */
typedef const char *(*sandbox_file_resolver)(void *ctx, const char *chunk, size_t len);

struct sandbox {
    lua_State *L;
    struct script_limits limits;

    size_t mem_used, mem_peak;
    struct objpool pool; /* the blocks of up to OBJPOOL_MAX bytes (objpool.h) */
    bool mem_tripped;   /* over the soft cap: the hook raises the error */
    size_t alloc_since_check; /* bytes allocated since the clock was checked */
    bool check_now;     /* the hook runs at the next instruction to check it */

    bool in_call;       /* a protected call is running */
    bool loading;       /* the call is a file being loaded (larger budget) */
    long budget;        /* instructions left for the current call */
    double deadline;    /* monotonic seconds */
    int aborted;        /* an ABORT_* once a limit was hit in this call */
    char abort_message[512];

    /* Last position seen by the hook, for errors that carry none (memory). */
    char last_chunk[64];
    int last_line;

    sandbox_file_resolver resolve;
    void *resolve_ctx;

    void *owner; /* the struct script this sandbox serves */
};

enum { ABORT_NONE, ABORT_INSTRUCTIONS, ABORT_TIME, ABORT_MEMORY };

/* Creates the state with the sandbox libraries in an environment table kept
 * in the registry (see sandbox_push_env). NULL when Lua cannot start. */
struct sandbox *sandbox_new(const struct script_limits *limits);
void sandbox_free(struct sandbox *sb);

/* Pushes the environment scenario chunks run in. */
void sandbox_push_env(struct sandbox *sb);

/* Makes the environment read-only: after loading, a scenario's state must
 * live in game.stats and game.flags, so that replays are exact. */
void sandbox_freeze_env(struct sandbox *sb);

/* Loads buf as a text chunk named chunk (no binary chunks) with the sandbox
 * environment; leaves the function on the stack. False with err set (file and
 * line of the syntax error) otherwise. */
bool sandbox_load(struct sandbox *sb, const char *buf, size_t len, const char *chunk,
                  const char *display, struct diag *err);

/* The compiled chunk of the file at path (its real path), when the chunk
 * cache (chunkcache.h) has one for these bytes: pushed as sandbox_load
 * would push it, with the file's hash_bytes in *hash. False (nothing
 * pushed) otherwise. */
bool sandbox_load_cached(struct sandbox *sb, const char *path, const char *buf, size_t len,
                         const char *chunk, uint64_t *hash);
/* Keeps the chunk sandbox_load just pushed (left on the stack) in the
 * cache, for the next load of the same bytes. */
void sandbox_store_cached(struct sandbox *sb, const char *path, const char *buf, size_t len,
                          const char *chunk, uint64_t hash);

/* Calls the function below nargs arguments on the stack, under the limits
 * for loading or for a callback. On success leaves nresults values; on error
 * leaves nothing and fills err: file and line from where the error happened,
 * the message prefixed with "in WHAT: " when what is given. */
bool sandbox_call(struct sandbox *sb, int nargs, int nresults, bool loading, const char *what,
                  struct diag *err);
/* The same for a call whose function was pushed just above the message
 * handler that sandbox_push_handler pushed: no moving of the stack to put
 * the handler below it, which was a noticeable part of a short callback's
 * cost. The handler stays: on success below the nresults values, on
 * error alone; the caller pops it. */
void sandbox_push_handler(struct sandbox *sb);
bool sandbox_call_handled(struct sandbox *sb, int nargs, int nresults, bool loading, const char *what,
                          struct diag *err);

/* Runs fn(L) with ud as a light userdata argument in protected mode, for C
 * code that allocates in the Lua state (any allocation can raise an error). */
bool sandbox_cpcall(struct sandbox *sb, lua_CFunction fn, void *ud, struct diag *err);

/* The sandbox of a state (kept in the state's extra space). */
struct sandbox *sandbox_of(lua_State *L);

/* Sets a metatable's __metatable field so scenario code can neither read nor
 * change it. Expects the metatable on the stack top. */
void sandbox_lock_metatable(lua_State *L);

#endif
