/*
 * sandbox.c: the Lua state scenarios run in, and every limit on it.
 * See sandbox.h for what a scenario can and cannot do; docs/security.md says
 * the same for authors.
 */
#include "sandbox.h"
#include "chunkcache.h"
#include "syntax_hint.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "../limits.h"
#include "../util.h"

static void sandbox_hook(lua_State *L, lua_Debug *ar);

/* Registry keys (addresses of these statics are unique light userdata). */
static const char ENV_KEY = 'e';
static const char FROZEN_KEY = 'f';
static const char PROTECTED_KEY = 'p'; /* table -> what it is, for rawset */

struct sandbox *sandbox_of(lua_State *L)
{
    return *(struct sandbox **)lua_getextraspace(L);
}

/* ---------------------------------------------------------------- memory */

/* Memory layout: every block of at most OBJPOOL_MAX bytes is the pool's
 * (objpool.h), in one of two sets of slabs; larger blocks are malloc's. The
 * pool knows its blocks by address, and Lua gives each block's size back
 * (osize), which is its size class: no header and no lookup. */

/* The set of slabs a new object of this kind (the tag Lua passes as osize
 * with no ptr) goes to: closures and upvalues (LUA_TUPVAL, internal to Lua,
 * is LUA_NUMTYPES) outlive the tables made beside them while a scenario
 * loads (see objpool.h); everything else is brief. */
static enum objpool_set set_for(size_t tag)
{
    return tag == LUA_TFUNCTION || tag == LUA_NUMTYPES ? OBJPOOL_LASTING : OBJPOOL_BRIEF;
}

/* A new block of n bytes. */
static void *fresh_block(struct sandbox *sb, size_t tag, size_t n)
{
    void *p = n <= OBJPOOL_MAX ? objpool_alloc(&sb->pool, set_for(tag), n) : NULL;
    return p ? p : malloc(n);
}

/* realloc, for the blocks of the pool too: within its size class a block
 * stays where it is; across classes it moves, to a block of the same set
 * or to malloc's. A block of malloc's stays malloc's (free knows it by its
 * address, not its size). Not inlined: in sandbox_alloc it would make
 * every call save the registers it needs (round 11: 12 M instructions of
 * loading the large story, where most calls make or free a block). */
__attribute__((noinline)) static void *resize(struct sandbox *sb, void *ptr, size_t osize, size_t nsize)
{
    if (!objpool_owns(&sb->pool, ptr))
        return realloc(ptr, nsize);
    if (nsize <= OBJPOOL_MAX && objpool_same_class(osize, nsize))
        return ptr;
    void *p = nsize <= OBJPOOL_MAX ? objpool_alloc(&sb->pool, objpool_set_of(&sb->pool, ptr), nsize)
                                   : NULL;
    if (!p)
        p = malloc(nsize);
    if (p) {
        memcpy(p, ptr, osize < nsize ? osize : nsize);
        objpool_release(&sb->pool, ptr, osize);
    }
    return p;
}

/* What sandbox_alloc does after a block was made or resized during a
 * call (grown: the bytes it grew by, or 0): arms the hook for a clock check
 * or for the memory limit. */
static void arm_hook(struct sandbox *sb, size_t grown)
{
    /* Work that allocates (a large concatenation, string.upper of a large
     * string, a table constructor) may take long between two runs of the
     * count hook: after every LIMIT_CLOCK_CHECK_BYTES allocated, the hook
     * runs before the next instruction and checks the clock. */
    sb->alloc_since_check += grown;
    if (grown && sb->alloc_since_check > LIMIT_CLOCK_CHECK_BYTES && !sb->check_now) {
        sb->check_now = true;
        lua_sethook(sb->L, sandbox_hook, LUA_MASKCOUNT, 1);
    }
    if (sb->mem_used > sb->limits.memory && !sb->mem_tripped) {
        sb->mem_tripped = true;
        /* lua_sethook is safe to call at any time (it is what lua.c calls
         * from a signal handler); the hook then runs before the next
         * instruction. */
        lua_sethook(sb->L, sandbox_hook, LUA_MASKCOUNT, 1);
    }
}

/* Counting allocator. Past the soft cap the next instruction raises an error
 * with file and line (through the hook); past the hard cap, 1/8 above it, the
 * allocation itself fails, for single allocations too large to wait for. */
static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    struct sandbox *sb = ud;
    if (nsize == 0) {
        if (ptr) {
            sb->mem_used -= osize;
            if (objpool_owns(&sb->pool, ptr))
                objpool_release(&sb->pool, ptr, osize);
            else
                free(ptr);
        }
        return NULL;
    }
    size_t old = ptr ? osize : 0;
    if (nsize > old && sb->mem_used - old + nsize > sb->limits.memory + sb->limits.memory / 8)
        return NULL;
    void *p = ptr ? resize(sb, ptr, osize, nsize) : fresh_block(sb, osize, nsize);
    if (!p)
        return NULL;
    sb->mem_used = sb->mem_used - old + nsize;
    if (sb->mem_used > sb->mem_peak)
        sb->mem_peak = sb->mem_used;
    if (sb->in_call && sb->L)
        arm_hook(sb, nsize > old ? nsize - old : 0);
    return p;
}

/* ------------------------------------------------------------ the hook */

static int raise_abort(lua_State *L)
{
    struct sandbox *sb = sandbox_of(L);
    lua_pushstring(L, sb->abort_message);
    return lua_error(L);
}

static void abort_call(lua_State *L, lua_Debug *ar, int kind, const char *what)
{
    struct sandbox *sb = sandbox_of(L);
    sb->aborted = kind;
    if (ar && lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
        snprintf(sb->abort_message, sizeof sb->abort_message, "%s:%d: %s", ar->short_src,
                 ar->currentline, what);
    else if (sb->last_line > 0)
        snprintf(sb->abort_message, sizeof sb->abort_message, "%s:%d: %s", sb->last_chunk,
                 sb->last_line, what);
    else
        snprintf(sb->abort_message, sizeof sb->abort_message, "%s", what);
}

static void limit_text(struct sandbox *sb, int kind, char *buf, size_t n)
{
    switch (kind) {
    case ABORT_INSTRUCTIONS:
        snprintf(buf, n, "ran more than %ld instructions, the limit for %s (an endless loop?)",
                 sb->loading ? sb->limits.load_instructions : sb->limits.call_instructions,
                 sb->loading ? "loading a file" : "one call");
        break;
    case ABORT_TIME:
        snprintf(buf, n, "ran longer than %d ms, the limit for %s",
                 sb->loading ? sb->limits.load_ms : sb->limits.call_ms,
                 sb->loading ? "loading a file" : "one call");
        break;
    default:
        snprintf(buf, n, "used more than %zu MiB of memory, the scenario's limit",
                 sb->limits.memory / (1024 * 1024));
        break;
    }
}

static void sandbox_hook(lua_State *L, lua_Debug *ar)
{
    struct sandbox *sb = sandbox_of(L);
    if (!sb->in_call)
        return;
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        str_copy(sb->last_chunk, sizeof sb->last_chunk, ar->short_src);
        sb->last_line = ar->currentline;
    }
    if (sb->aborted)
        raise_abort(L);
    int kind = ABORT_NONE;
    if (sb->check_now && !sb->mem_tripped) {
        /* Armed by the allocator: a clock check only (the instructions
         * since the last regular run are not charged; they are fewer than
         * LIMIT_HOOK_INTERVAL per LIMIT_CLOCK_CHECK_BYTES allocated). */
        sb->check_now = false;
        sb->alloc_since_check = 0;
        lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, LIMIT_HOOK_INTERVAL);
        if (clock_seconds() > sb->deadline)
            kind = ABORT_TIME;
    } else if (sb->mem_tripped) {
        /* Much of what crossed the cap may be garbage: collect before
         * deciding. lua_gc may run inside a hook. */
        lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, LIMIT_HOOK_INTERVAL);
        sb->check_now = false;
        sb->alloc_since_check = 0;
        lua_gc(L, LUA_GCCOLLECT);
        /* Live data within an eighth of the cap would have the collector
         * run again and again for little: that is the cap reached too. */
        if (sb->mem_used > sb->limits.memory - sb->limits.memory / 8)
            kind = ABORT_MEMORY;
        else
            sb->mem_tripped = false;
        if (kind == ABORT_NONE && clock_seconds() > sb->deadline)
            kind = ABORT_TIME;
    } else {
        sb->budget -= LIMIT_HOOK_INTERVAL;
        if (sb->budget <= 0)
            kind = ABORT_INSTRUCTIONS;
        else if (clock_seconds() > sb->deadline)
            kind = ABORT_TIME;
    }
    if (kind == ABORT_NONE)
        return;
    char what[200];
    limit_text(sb, kind, what, sizeof what);
    abort_call(L, ar, kind, what);
    raise_abort(L);
}

/* For library wrappers: stops the call with a limit's message, at the line
 * of the Lua code that called the library function. */
static int limit_error(lua_State *L, int kind)
{
    struct sandbox *sb = sandbox_of(L);
    char what[200];
    limit_text(sb, kind, what, sizeof what);
    abort_call(L, NULL, kind, what);
    luaL_where(L, 1);
    lua_pushstring(L, what);
    lua_concat(L, 2);
    str_copy(sb->abort_message, sizeof sb->abort_message, lua_tostring(L, -1));
    return lua_error(L);
}

/* For library wrappers before and after a large amount of work in one C
 * call, which the count hook cannot interrupt. */
static void check_deadline(lua_State *L)
{
    struct sandbox *sb = sandbox_of(L);
    if (sb->aborted)
        raise_abort(L);
    if (sb->in_call && clock_seconds() > sb->deadline)
        limit_error(L, ABORT_TIME);
}

/* Charges the real work of one library call (in steps, each about the cost
 * of one Lua instruction) to the call's instruction budget before it is
 * done, so that a loop of calls that each do much work in C ends by the
 * instruction count, exactly, like a loop of instructions. Large work also
 * checks the clock. */
static void charge(lua_State *L, double work)
{
    struct sandbox *sb = sandbox_of(L);
    if (sb->aborted)
        raise_abort(L);
    if (!sb->in_call)
        return;
    if (work >= (double)sb->budget) {
        sb->budget = 0;
        limit_error(L, ABORT_INSTRUCTIONS);
    }
    sb->budget -= (long)work;
    if (work > LIMIT_WORK_CLOCK_CHECK)
        check_deadline(L);
}

/* ------------------------------------------------- base function wrappers */

/* pcall and xpcall that let a limit error through: otherwise a scenario
 * could catch its own time-out in a loop and never stop. */
static int sb_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (sandbox_of(L)->aborted)
        return raise_abort(L);
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, 1);
    return lua_gettop(L);
}

/* The message handler xpcall really installs: the scenario's handler is
 * upvalue 1. After a limit was hit it is not called at all: Lua runs a
 * message handler where the error was raised, and a limit error is raised
 * inside the count hook, where hooks are off, so a handler that looped
 * there would never be stopped. */
static int xpcall_handler(lua_State *L)
{
    if (sandbox_of(L)->aborted)
        return 1; /* the error value, unchanged; sb_xpcall raises the limit */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 1); /* f */
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 1);   /* the handler at 1 */
    lua_replace(L, 2);   /* f at 2 */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
    if (sandbox_of(L)->aborted)
        return raise_abort(L);
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1);
    return lua_gettop(L);
}

/* setmetatable that refuses finalizers: a __gc would run at a garbage
 * collection outside of any call's limits, even while the program exits. */
static int sb_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    int t = lua_type(L, 2);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_getfield(L, 2, "__gc");
        if (!lua_isnil(L, -1))
            return luaL_error(L, "setmetatable: __gc finalizers are not allowed in a scenario");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* rawset that refuses the engine's tables (the environment and the library
 * proxies, kept in a registry set): rawset skips __newindex, so it would
 * otherwise set a global during play or replace a library function. */
static int sb_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &PROTECTED_KEY);
    lua_pushvalue(L, 1);
    const char *what = lua_rawget(L, -2) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (what)
        return luaL_error(L, "%s", what);
    lua_pop(L, 2);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* --------------------------------------------------- library wrappers */

/* Each wrapper checks its arguments against limits.h, charges the work to
 * the call's budget, and then calls the original library function, kept as
 * upvalue 1. */
static int call_original(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* Calls the original and checks the clock after large work. */
static int call_original_priced(lua_State *L, double work)
{
    charge(L, work);
    int n = call_original(L);
    if (work > LIMIT_WORK_CLOCK_CHECK)
        check_deadline(L);
    return n;
}

/* string.rep copies the string n times: an empty string repeated 2^60
 * times makes no bytes but takes for ever, so the copies count as well as
 * the bytes. */
static int sb_string_rep(lua_State *L)
{
    size_t len, seplen = 0;
    luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &seplen);
    double work = 0;
    if (n > 0) {
        double total = (double)len * (double)n + (double)seplen * (double)(n - 1);
        if (total > LIMIT_STRING_REP_BYTES)
            return luaL_error(L, "string.rep would make %I bytes, over the limit of %d "
                                 "(a text is at most %d bytes)",
                              (lua_Integer)(total < 9e18 ? total : 9e18), LIMIT_STRING_REP_BYTES,
                              LIMIT_TEXT_BYTES);
        if (n > LIMIT_STRING_REP_BYTES)
            return luaL_error(L, "string.rep would repeat a string %I times, over the limit of %d",
                              n, LIMIT_STRING_REP_BYTES);
        work = (double)n + total / LIMIT_BYTES_PER_STEP;
    }
    return call_original_priced(L, work);
}

/* Lua patterns backtrack: with q repetition items a match can take about
 * n^(q+1) steps on an n-byte subject (n^q when anchored), and each step
 * may read a whole character class ([...], up to the pattern's length).
 * The hook cannot interrupt a match, so a pattern whose worst case is too
 * large is refused. */
static int pattern_repetitions(const char *p, size_t len, size_t *longest_class)
{
    int q = 0;
    *longest_class = 1;
    for (size_t i = 0; i < len; i++) {
        char c = p[i];
        if (c == '%') {
            if (i + 1 < len && (p[i + 1] == 'b' || (p[i + 1] >= '1' && p[i + 1] <= '9')))
                q++;
            i++;
        } else if (c == '[') {
            size_t start = i;
            i++;
            if (i < len && p[i] == '^')
                i++;
            if (i < len && p[i] == ']')
                i++;
            while (i < len && p[i] != ']') {
                if (p[i] == '%')
                    i++;
                i++;
            }
            if (i - start + 1 > *longest_class)
                *longest_class = i - start + 1;
        } else if (c == '*' || c == '+' || c == '-' || c == '?') {
            q++;
        }
    }
    return q;
}

/* The worst-case steps of a pattern call, or refuses it. repl_arg: gsub's
 * replacement, whose every byte is read again for each match (a 1 MiB
 * replacement on a subject with 100,000 empty matches). */
static double check_pattern(lua_State *L, const char *fname, int plain_arg, int repl_arg)
{
    size_t n, plen;
    luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &plen);
    if (n > LIMIT_PATTERN_SUBJECT_BYTES)
        return luaL_error(L, "%s on a string of %d bytes: the limit is %d", fname, (int)n,
                          LIMIT_PATTERN_SUBJECT_BYTES);
    bool plain = plain_arg && lua_toboolean(L, plain_arg);
    double cost;
    if (plain || strpbrk(p, "^$*+?.([%-") == NULL) {
        cost = (double)n * (double)(plen ? plen : 1);
    } else {
        size_t longest_class;
        int q = pattern_repetitions(p, plen, &longest_class);
        bool anchored = plen && p[0] == '^';
        int power = q + (anchored ? 0 : 1);
        cost = pow((double)(n ? n : 1), power < 1 ? 1 : power) * (double)longest_class +
               (double)(n ? n : 1) * (double)plen;
    }
    if (cost > LIMIT_PATTERN_COST)
        return luaL_error(L, "%s: this pattern could take too long on a string of %d bytes "
                             "(simplify the pattern or split the string)",
                          fname, (int)n);
    double work = (double)n + (double)plen;
    if (repl_arg && lua_type(L, repl_arg) == LUA_TSTRING) {
        size_t rlen;
        lua_tolstring(L, repl_arg, &rlen);
        double matches = (double)n + 1;
        if (lua_type(L, repl_arg + 1) == LUA_TNUMBER) {
            lua_Integer most = lua_tointeger(L, repl_arg + 1);
            if ((double)most < matches)
                matches = most > 0 ? (double)most : 0;
        }
        double rcost = matches * (double)rlen;
        if (rcost > LIMIT_PATTERN_COST)
            return luaL_error(L, "%s: a replacement of %d bytes for up to %I matches could take "
                                 "too long (shorten the replacement or split the string)",
                              fname, (int)rlen, (lua_Integer)matches);
        work += rcost / LIMIT_BYTES_PER_STEP;
    }
    return work;
}

static int sb_string_find(lua_State *L)
{
    return call_original_priced(L, check_pattern(L, "string.find", 4, 0));
}

static int sb_string_match(lua_State *L)
{
    return call_original_priced(L, check_pattern(L, "string.match", 0, 0));
}

static int sb_string_gmatch(lua_State *L)
{
    return call_original_priced(L, check_pattern(L, "string.gmatch", 0, 0));
}

static int sb_string_gsub(lua_State *L)
{
    return call_original_priced(L, check_pattern(L, "string.gsub", 0, 3));
}

/* --- tables */

static int too_many(lua_State *L, const char *fname, double n)
{
    char count[40];
    snprintf(count, sizeof count, "%.0f", n);
    return luaL_error(L, "%s over %s elements: the limit for one call is %d", fname, count,
                      (int)LIMIT_TABLE_OP_ELEMENTS);
}

/* The number of elements from first to last, without overflow. */
static double span(lua_Integer first, lua_Integer last)
{
    if (last < first)
        return 0;
    return (double)((lua_Unsigned)last - (lua_Unsigned)first) + 1.0;
}

/* A table the C library would read and write without ever running Lua code
 * (no metatable): its loops are bounded by the element cap. A table with a
 * metatable may have __index and __newindex chains (each access walking up
 * to 2,000 tables) or functions that change them mid-call, so the wrappers
 * below move its elements one by one, checking the clock as they go. */
static bool plain_table(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))
        return true;
    lua_pop(L, 1);
    return false;
}

/* The length as the library sees it (#t, __len included), read once: a
 * __len that answered differently to a second call would get round the cap. */
static lua_Integer table_length(lua_State *L, int idx)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    return luaL_len(L, idx);
}

/* The tables one access to the table at idx may walk through its event
 * ("__index" or "__newindex") chain, at most Lua's 2,000. */
static int chain_length(lua_State *L, int idx, const char *event)
{
    int n = 0;
    lua_pushvalue(L, idx);
    while (n < 2000 && luaL_getmetafield(L, -1, event) != LUA_TNIL) {
        lua_remove(L, -2);
        n++;
        if (lua_type(L, -1) != LUA_TTABLE)
            break;
    }
    lua_pop(L, 1);
    return n;
}

/* Every LIMIT_TABLE_STEP_CHECK element moves on a table with a metatable:
 * charges them, each priced by the chains its read and write walk (as they
 * are now: a function in a chain may have changed them), and checks the
 * clock. */
static void step(lua_State *L, int idx, lua_Integer done)
{
    if (done % LIMIT_TABLE_STEP_CHECK == 0) {
        double price = 1 + chain_length(L, idx, "__index") + chain_length(L, idx, "__newindex");
        charge(L, LIMIT_TABLE_STEP_CHECK * price);
        check_deadline(L);
    }
}

/* Copies t[first..last] of the table at idx into a new plain table 1..n,
 * pushed; the caller checked the span. */
static void copy_out(lua_State *L, int idx, lua_Integer first, lua_Integer last)
{
    lua_Integer n = (lua_Integer)span(first, last);
    lua_createtable(L, n > 0 && n < INT_MAX ? (int)n : 0, 0);
    for (lua_Integer k = 0; k < n; k++) {
        lua_geti(L, idx, first + k);
        lua_seti(L, -2, k + 1);
        step(L, idx, k + 1);
    }
}

/* Calls the original table.concat or table.unpack on t[first..last] (t at
 * index 1, the arguments before the range already on the stack), charged
 * n elements. A table with a metatable is first copied out element by
 * element (see plain_table), so the original only ever reads a plain one. */
static int call_on_range(lua_State *L, lua_Integer first, lua_Integer last, double n)
{
    if (plain_table(L, 1)) {
        lua_pushinteger(L, first);
        lua_pushinteger(L, last);
    } else {
        copy_out(L, 1, first, last);
        lua_replace(L, 1);
        lua_pushinteger(L, 1);
        lua_pushinteger(L, (lua_Integer)n);
    }
    return call_original_priced(L, n);
}

static int sb_table_concat(lua_State *L)
{
    lua_Integer last = luaL_opt(L, luaL_checkinteger, 4, table_length(L, 1));
    lua_Integer first = luaL_optinteger(L, 3, 1);
    luaL_optstring(L, 2, "");
    double n = span(first, last);
    if (n > LIMIT_TABLE_OP_ELEMENTS)
        return too_many(L, "table.concat", n);
    lua_settop(L, 2);
    return call_on_range(L, first, last, n);
}

static int sb_table_unpack(lua_State *L)
{
    lua_Integer first = luaL_optinteger(L, 2, 1);
    lua_Integer last = luaL_opt(L, luaL_checkinteger, 3, table_length(L, 1));
    double n = span(first, last);
    if (n > LIMIT_TABLE_OP_ELEMENTS)
        return too_many(L, "table.unpack", n);
    lua_settop(L, 1);
    return call_on_range(L, first, last, n);
}

/* table.insert and table.remove move every element after the position:
 * done here, as in Lua's ltablib.c, with the length read once. */
static int sb_table_insert(lua_State *L)
{
    lua_Integer e = table_length(L, 1);
    if (e >= LIMIT_TABLE_OP_ELEMENTS)
        return too_many(L, "table.insert", (double)e);
    e++; /* the first empty element */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        charge(L, (double)(e - pos));
        for (lua_Integer i = e; i > pos; i--) {
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
            if (!plain_table(L, 1))
                step(L, 1, e - i + 1);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int sb_table_remove(lua_State *L)
{
    lua_Integer size = table_length(L, 1);
    if (size > LIMIT_TABLE_OP_ELEMENTS)
        return too_many(L, "table.remove", (double)size);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    if (pos < size)
        charge(L, (double)(size - pos));
    lua_geti(L, 1, pos);
    lua_Integer start = pos;
    for (; pos < size; pos++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
        if (!plain_table(L, 1))
            step(L, 1, pos - start + 1);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static int sb_table_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    luaL_checkinteger(L, 4);
    double n = span(f, e);
    if (n > LIMIT_TABLE_OP_ELEMENTS)
        return too_many(L, "table.move", n - 1);
    luaL_checktype(L, 1, LUA_TTABLE);
    int dest = lua_isnoneornil(L, 5) ? 1 : 5;
    luaL_checktype(L, dest, LUA_TTABLE);
    if (plain_table(L, 1) && plain_table(L, dest))
        return call_original_priced(L, n);
    /* As Lua's tmove, element by element. */
    lua_Integer t = luaL_checkinteger(L, 4);
    luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
    luaL_argcheck(L, t <= LUA_MAXINTEGER - (lua_Integer)n + 1 || n == 0, 4,
                  "destination wrap around");
    lua_Integer count = (lua_Integer)n;
    bool forward = t > e || t <= f || (dest != 1 && !lua_compare(L, 1, dest, LUA_OPEQ));
    for (lua_Integer i = 0; i < count; i++) {
        lua_Integer k = forward ? i : count - 1 - i;
        lua_geti(L, 1, f + k);
        lua_seti(L, dest, t + k);
        step(L, 1, i + 1);
        if (dest != 1)
            step(L, dest, i + 1);
    }
    lua_pushvalue(L, dest);
    return 1;
}

static int fixed_length(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    return 1;
}

/* table.sort: the elements are sorted in a private table no scenario code
 * can reach (a comparison function could otherwise give the table a
 * metatable mid-sort), then written back. About n log2 n comparisons. */
static int sb_table_sort(lua_State *L)
{
    lua_Integer n = table_length(L, 1);
    if (n > LIMIT_TABLE_OP_ELEMENTS)
        return too_many(L, "table.sort", (double)n);
    if (!lua_isnoneornil(L, 2))
        luaL_checktype(L, 2, LUA_TFUNCTION);
    if (n < 2)
        return 0;
    lua_settop(L, 2);
    copy_out(L, 1, 1, n);
    int copy = lua_gettop(L);
    /* Holes keep their places: the copy's length is the table's. */
    lua_createtable(L, 0, 1);
    lua_pushinteger(L, n);
    lua_pushcclosure(L, fixed_length, 1);
    lua_setfield(L, -2, "__len");
    lua_setmetatable(L, copy);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, copy);
    lua_pushvalue(L, 2);
    double work = (double)n * log2((double)n);
    charge(L, work);
    lua_call(L, 2, 0);
    if (work > LIMIT_WORK_CLOCK_CHECK)
        check_deadline(L);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_geti(L, copy, k);
        lua_seti(L, 1, k);
        step(L, 1, k);
    }
    return 0;
}

/* ------------------------------------------------------ the environment */

/* Names a scenario might reach for, each with the reason it is absent. */
static const struct {
    const char *name;
    const char *why;
} forbidden[] = {
    {"io", "files are out of a scenario's reach"},
    {"os", "the system is out of a scenario's reach"},
    {"package", "modules are out of a scenario's reach; use include \"file.lua\""},
    {"require", "use include \"file.lua\" for a file of the scenario"},
    {"debug", "the debug library could break out of the sandbox"},
    {"coroutine", "coroutines are not part of the scenario contract"},
    {"dofile", "use include \"file.lua\" for a file of the scenario"},
    {"loadfile", "use include \"file.lua\" for a file of the scenario"},
    {"load", "scenarios cannot load code at run time"},
    {"loadstring", "scenarios cannot load code at run time"},
    {"collectgarbage", "memory is managed by the engine"},
    {"print", "a scenario shows text through its scenes; print goes nowhere"},
};

static const struct {
    const char *lib, *name, *why;
} forbidden_fields[] = {
    {"math", "random", "use game.random(m, n): it replays exactly from the run's seed"},
    {"math", "randomseed", "the run's seed is set by the engine"},
    {"string", "dump", "binary chunks cannot be loaded in a scenario"},
};

static int forbidden_index(lua_State *L)
{
    /* upvalue 1: the table to read from (or nil); upvalue 2: a table of
     * forbidden name -> reason; upvalue 3: the prefix ("" or "math."). */
    if (lua_type(L, 2) == LUA_TSTRING) {
        lua_pushvalue(L, 2);
        if (lua_rawget(L, lua_upvalueindex(2)) == LUA_TSTRING)
            return luaL_error(L, "'%s%s' is not available in a scenario: %s",
                              lua_tostring(L, lua_upvalueindex(3)), lua_tostring(L, 2),
                              lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        return 1;
    }
    return 0;
}

static int frozen_newindex(lua_State *L)
{
    const char *name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "cannot set global '%s' during play: keep the game's state in "
                         "game.stats and game.flags so that runs replay exactly",
                      name);
}

static int readonly_newindex(lua_State *L)
{
    return luaL_error(L, "the %s library cannot be changed by a scenario",
                      lua_tostring(L, lua_upvalueindex(1)));
}

void sandbox_lock_metatable(lua_State *L)
{
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
}

/* Pushes a metatable {__index = forbidden_index(source, reasons, prefix)}. */
static void push_guard(lua_State *L, int source, int reasons, const char *prefix)
{
    lua_newtable(L);
    lua_pushvalue(L, source);
    lua_pushvalue(L, reasons);
    lua_pushstring(L, prefix);
    lua_pushcclosure(L, forbidden_index, 3);
    lua_setfield(L, -2, "__index");
}

/* Copies the named fields of the library table at lib into a new table. */
static void copy_fields(lua_State *L, int lib, const char *const *names)
{
    lua_newtable(L);
    for (const char *const *n = names; *n; n++) {
        lua_getfield(L, lib, *n);
        lua_setfield(L, -2, *n);
    }
}

static void wrap(lua_State *L, int table, const char *name, lua_CFunction fn)
{
    lua_getfield(L, table, name);
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, table, name);
}

/* Makes the library table on the stack top read-only through a proxy: the
 * proxy is what the scenario sees; its reads come from the copy. */
static void push_library_proxy(lua_State *L, const char *libname, int reasons)
{
    int copy = lua_gettop(L);
    char prefix[32];
    snprintf(prefix, sizeof prefix, "%s.", libname);
    lua_newtable(L); /* proxy */
    push_guard(L, copy, reasons, prefix);
    lua_pushstring(L, libname);
    lua_pushcclosure(L, readonly_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    sandbox_lock_metatable(L);
    lua_setmetatable(L, -2);
    lua_remove(L, copy);
}

/* protected[value at idx] = what (the set at set, a relative index). */
static void protect(lua_State *L, int set, int idx, const char *what)
{
    set = lua_absindex(L, set);
    lua_pushvalue(L, idx);
    lua_pushstring(L, what);
    lua_rawset(L, set);
}

/* The stack slots of the tables of reasons, by library: name -> why. */
struct reasons {
    int global, math, string, none;
};

static void push_reasons(lua_State *L, struct reasons *r)
{
    lua_newtable(L);
    r->global = lua_gettop(L);
    for (size_t i = 0; i < COUNT_OF(forbidden); i++) {
        lua_pushstring(L, forbidden[i].why);
        lua_setfield(L, r->global, forbidden[i].name);
    }
    lua_newtable(L);
    r->math = lua_gettop(L);
    lua_newtable(L);
    r->string = lua_gettop(L);
    for (size_t i = 0; i < COUNT_OF(forbidden_fields); i++) {
        lua_pushstring(L, forbidden_fields[i].why);
        lua_setfield(L, strcmp(forbidden_fields[i].lib, "math") == 0 ? r->math : r->string,
                     forbidden_fields[i].name);
    }
    lua_newtable(L);
    r->none = lua_gettop(L);
}

/* What a scenario sees of each library. */
static const char *const base_names[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "rawequal", "rawget",
    "rawlen", "rawset", "select", "tonumber", "tostring", "type", "_VERSION", NULL,
};
static const char *const string_names[] = {
    "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "rep",
    "reverse", "sub", "upper", "pack", "packsize", "unpack", NULL,
};
static const char *const table_names[] = {
    "concat", "insert", "move", "pack", "remove", "sort", "unpack", NULL,
};
static const char *const math_names[] = {
    "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max", "maxinteger",
    "min", "mininteger", "modf", "pi", "rad", "sin", "sqrt", "tan", "tointeger", "type",
    "ult", "atan", "asin", "acos", NULL,
};
static const char *const utf8_names[] = {
    "char", "charpattern", "codepoint", "codes", "len", "offset", NULL,
};

/* The stack slots of the libraries' proxies, as the scenario sees them. */
struct proxies {
    int string, table, math, utf8;
};

/* string: capped copies; also the strings' own metatable, so that
 * ("x"):rep(...) goes through the same caps and s:dump does not exist.
 * Returns the proxy's slot. */
static int push_string_library(lua_State *L, int str, int reasons)
{
    copy_fields(L, str, string_names);
    int s = lua_gettop(L);
    wrap(L, s, "rep", sb_string_rep);
    wrap(L, s, "find", sb_string_find);
    wrap(L, s, "match", sb_string_match);
    wrap(L, s, "gmatch", sb_string_gmatch);
    wrap(L, s, "gsub", sb_string_gsub);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, s);
    push_library_proxy(L, "string", reasons);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "__index");
    int string_proxy = lua_gettop(L);
    lua_pushvalue(L, -2);
    sandbox_lock_metatable(L);
    lua_pop(L, 1);
    return string_proxy;
}

/* table: capped copies. Returns the proxy's slot. */
static int push_table_library(lua_State *L, int tab, int reasons)
{
    copy_fields(L, tab, table_names);
    int t = lua_gettop(L);
    wrap(L, t, "concat", sb_table_concat);
    wrap(L, t, "insert", sb_table_insert);
    wrap(L, t, "remove", sb_table_remove);
    wrap(L, t, "unpack", sb_table_unpack);
    wrap(L, t, "move", sb_table_move);
    wrap(L, t, "sort", sb_table_sort);
    push_library_proxy(L, "table", reasons);
    return lua_gettop(L);
}

/* A library whose named fields are safe as they are. Returns the proxy's slot. */
static int push_plain_library(lua_State *L, int lib, const char *const *names,
                              const char *libname, int reasons)
{
    copy_fields(L, lib, names);
    push_library_proxy(L, libname, reasons);
    return lua_gettop(L);
}

/* The tables rawset refuses, each with the reason. */
static void protect_tables(lua_State *L, int env, const struct proxies *p)
{
    lua_newtable(L);
    protect(L, -1, env, "rawset cannot set a global: assign globals while the scenario "
                        "loads, and keep the game's state in game.stats and game.flags");
    protect(L, -1, p->string, "the string library cannot be changed by a scenario");
    protect(L, -1, p->table, "the table library cannot be changed by a scenario");
    protect(L, -1, p->math, "the math library cannot be changed by a scenario");
    protect(L, -1, p->utf8, "the utf8 library cannot be changed by a scenario");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &PROTECTED_KEY);
}

/* The environment's own functions and libraries, its guard, and its place
 * in the registry. */
static void set_environment(lua_State *L, int env, const struct proxies *p, int reasons_g)
{
    lua_pushcfunction(L, sb_pcall);
    lua_setfield(L, env, "pcall");
    lua_pushcfunction(L, sb_xpcall);
    lua_setfield(L, env, "xpcall");
    lua_pushcfunction(L, sb_setmetatable);
    lua_setfield(L, env, "setmetatable");
    lua_pushcfunction(L, sb_rawset);
    lua_setfield(L, env, "rawset");
    lua_pushvalue(L, p->string);
    lua_setfield(L, env, "string");
    lua_pushvalue(L, p->table);
    lua_setfield(L, env, "table");
    lua_pushvalue(L, p->math);
    lua_setfield(L, env, "math");
    lua_pushvalue(L, p->utf8);
    lua_setfield(L, env, "utf8");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    lua_pushnil(L);
    push_guard(L, lua_gettop(L), reasons_g, "");
    lua_remove(L, -2);
    sandbox_lock_metatable(L);
    lua_setmetatable(L, env);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &ENV_KEY);
}

static int open_sandbox(lua_State *L)
{
    /* Open only the libraries a scenario may use; io, os, package, debug and
     * coroutine never exist in this state. */
    lua_settop(L, 0);
    /* Lua promises LUA_MINSTACK (20) free slots to a C function; this one
     * holds the libraries, the reasons, the proxies and their metatables. */
    luaL_checkstack(L, 40, "building the sandbox");
    luaL_requiref(L, LUA_GNAME, luaopen_base, 0);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    int g = 1, str = 2, tab = 3, math = 4, utf = 5;
    struct reasons r;
    push_reasons(L, &r);
    struct proxies p;
    p.string = push_string_library(L, str, r.string);
    p.table = push_table_library(L, tab, r.none);
    p.math = push_plain_library(L, math, math_names, "math", r.math);
    p.utf8 = push_plain_library(L, utf, utf8_names, "utf8", r.none);

    /* The environment. */
    copy_fields(L, g, base_names);
    int env = lua_gettop(L);
    protect_tables(L, env, &p);
    set_environment(L, env, &p, r.global);

    /* Keep the global reasons for the frozen environment. */
    lua_pushvalue(L, r.global);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &FROZEN_KEY);
    lua_settop(L, 0);
    return 0;
}

static int panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "scaleup: error: unprotected error in the scenario engine: %s\n",
            msg ? msg : "(no message)");
    exit(1);
}

void script_limits_default(struct script_limits *l)
{
    l->memory = LIMIT_LUA_MEMORY_DEFAULT;
    l->call_instructions = LIMIT_CALL_INSTRUCTIONS_DEFAULT;
    l->load_instructions = LIMIT_LOAD_INSTRUCTIONS_DEFAULT;
    l->call_ms = LIMIT_CALL_MILLISECONDS_DEFAULT;
    l->load_ms = LIMIT_LOAD_MILLISECONDS_DEFAULT;
}

struct sandbox *sandbox_new(const struct script_limits *limits)
{
    struct sandbox *sb = xcalloc(1, sizeof *sb);
    if (limits)
        sb->limits = *limits;
    else
        script_limits_default(&sb->limits);
    /* Room for every small block up to the hard cap in either set. */
    objpool_init(&sb->pool, sb->limits.memory + sb->limits.memory / 8);
    lua_State *L = lua_newstate(sandbox_alloc, sb);
    if (!L) {
        objpool_free(&sb->pool);
        free(sb);
        return NULL;
    }
    *(struct sandbox **)lua_getextraspace(L) = sb;
    sb->L = L;
    lua_atpanic(L, panic);
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, LIMIT_HOOK_INTERVAL);
    /* Lua's default warning function prints to stderr; a scenario has no
     * business writing there. */
    lua_setwarnf(L, NULL, NULL);
    struct diag err;
    if (!sandbox_cpcall(sb, open_sandbox, NULL, &err)) {
        sandbox_free(sb);
        return NULL;
    }
    return sb;
}

void sandbox_free(struct sandbox *sb)
{
    if (!sb)
        return;
    /* lua_close's frees of small blocks only fill the pool's free lists;
     * the region then goes back whole. */
    if (sb->L)
        lua_close(sb->L);
    objpool_free(&sb->pool);
    free(sb);
}

void sandbox_push_env(struct sandbox *sb)
{
    lua_rawgetp(sb->L, LUA_REGISTRYINDEX, &ENV_KEY);
}

static int freeze_env(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ENV_KEY);
    int env = lua_gettop(L);
    lua_newtable(L);
    int values = lua_gettop(L);
    /* Move every global into values, leaving env empty, so that every write
     * reaches __newindex. */
    lua_pushnil(L);
    while (lua_next(L, env)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, values);
    }
    lua_pushnil(L);
    while (lua_next(L, values)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, env);
    }
    lua_rawgetp(L, LUA_REGISTRYINDEX, &FROZEN_KEY);
    int reasons = lua_gettop(L);
    /* The environment's metatable is locked, so set it with the raw API. */
    push_guard(L, values, reasons, "");
    lua_pushcfunction(L, frozen_newindex);
    lua_setfield(L, -2, "__newindex");
    sandbox_lock_metatable(L);
    lua_setmetatable(L, env);
    lua_pushvalue(L, env);
    lua_setfield(L, values, "_G");
    lua_settop(L, 0);
    return 0;
}

void sandbox_freeze_env(struct sandbox *sb)
{
    struct diag err;
    sandbox_cpcall(sb, freeze_env, NULL, &err);
}

/* --------------------------------------------------------- calling in */

/* Message handler: turns any error value into "chunk:line: message" without
 * calling metamethods (an error object's __tostring could itself fail or
 * loop), taking the position from the innermost Lua function when the
 * message has none. */
static int message_handler(lua_State *L)
{
    const char *msg;
    if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
        msg = lua_tostring(L, 1);
    } else {
        lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
        msg = lua_tostring(L, -1);
    }
    /* Already "name:123: ..."? */
    const char *colon = strchr(msg, ':');
    if (colon && colon != msg && colon[1] >= '0' && colon[1] <= '9') {
        const char *q = colon + 1;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == ':' && !memchr(msg, ' ', (size_t)(colon - msg))) {
            lua_pushstring(L, msg);
            return 1;
        }
    }
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, msg);
            return 1;
        }
    }
    lua_pushstring(L, msg);
    return 1;
}

/* Splits "chunk:line: message" into a diagnostic with the display path. */
static void fill_diag(struct sandbox *sb, const char *msg, const char *what, struct diag *err)
{
    const char *file = NULL;
    int line = 0;
    const char *text = msg;
    const char *colon = strchr(msg, ':');
    if (colon && colon != msg && colon[1] >= '0' && colon[1] <= '9') {
        const char *q = colon + 1;
        int n = 0;
        while (*q >= '0' && *q <= '9' && n < 100000000)
            n = n * 10 + (*q++ - '0');
        if (*q == ':' && !memchr(msg, ' ', (size_t)(colon - msg))) {
            file = sb->resolve ? sb->resolve(sb->resolve_ctx, msg, (size_t)(colon - msg)) : NULL;
            if (file) {
                line = n;
                text = q + 1;
                while (*text == ' ')
                    text++;
            }
        }
    }
    if (what)
        diag_set(err, file, line, "runtime", "%s: %s", what, text);
    else
        diag_set(err, file, line, "runtime", "%s", text);
    runtime_hint(err);
}

static void begin_call(struct sandbox *sb, bool loading)
{
    if (sb->mem_used > sb->limits.memory)
        lua_gc(sb->L, LUA_GCCOLLECT);
    sb->in_call = true;
    sb->loading = loading;
    sb->aborted = ABORT_NONE;
    sb->mem_tripped = false;
    sb->check_now = false;
    sb->alloc_since_check = 0;
    sb->budget = loading ? sb->limits.load_instructions : sb->limits.call_instructions;
    sb->deadline = clock_seconds() + (loading ? sb->limits.load_ms : sb->limits.call_ms) / 1000.0;
    sb->last_line = 0;
    lua_sethook(sb->L, sandbox_hook, LUA_MASKCOUNT, LIMIT_HOOK_INTERVAL);
    if (sb->mem_used > sb->limits.memory) {
        sb->mem_tripped = true;
        lua_sethook(sb->L, sandbox_hook, LUA_MASKCOUNT, 1);
    }
}

static void end_call(struct sandbox *sb)
{
    sb->in_call = false;
}

void sandbox_push_handler(struct sandbox *sb)
{
    lua_pushcfunction(sb->L, message_handler);
}

bool sandbox_call_handled(struct sandbox *sb, int nargs, int nresults, bool loading, const char *what,
                          struct diag *err)
{
    lua_State *L = sb->L;
    int handler = lua_gettop(L) - nargs - 1;
    begin_call(sb, loading);
    int status = lua_pcall(L, nargs, nresults, handler);
    end_call(sb);
    if (status == LUA_OK)
        return true;
    if (sb->aborted) {
        fill_diag(sb, sb->abort_message, what, err);
    } else if (status == LUA_ERRMEM) {
        char where[200] = "";
        if (sb->last_line > 0)
            snprintf(where, sizeof where, "%s:%d: ", sb->last_chunk, sb->last_line);
        char msg[512];
        snprintf(msg, sizeof msg, "%sused more than %zu MiB of memory, the scenario's limit", where,
                 sb->limits.memory / (1024 * 1024));
        fill_diag(sb, msg, what, err);
    } else {
        const char *msg = lua_tostring(L, -1);
        fill_diag(sb, msg ? msg : "unknown error", what, err);
    }
    lua_pop(L, 1);
    err->severity = DIAG_ERROR;
    lua_gc(L, LUA_GCCOLLECT);
    return false;
}

bool sandbox_call(struct sandbox *sb, int nargs, int nresults, bool loading, const char *what,
                  struct diag *err)
{
    lua_State *L = sb->L;
    int base = lua_gettop(L) - nargs; /* the function's index */
    sandbox_push_handler(sb);
    lua_insert(L, base);
    bool ok = sandbox_call_handled(sb, nargs, nresults, loading, what, err);
    lua_remove(L, base);
    return ok;
}

bool sandbox_cpcall(struct sandbox *sb, lua_CFunction fn, void *ud, struct diag *err)
{
    lua_State *L = sb->L;
    lua_pushcfunction(L, fn);
    lua_pushlightuserdata(L, ud);
    /* Engine code, not scenario code: no budget to speak of, but still
     * protected against memory errors. */
    bool was = sb->in_call;
    int status = lua_pcall(L, 1, 0, 0);
    sb->in_call = was;
    if (status == LUA_OK)
        return true;
    const char *msg = lua_tostring(L, -1);
    diag_set(err, NULL, 0, "engine", "%s",
             status == LUA_ERRMEM ? "the scenario's Lua state ran out of memory"
                                  : (msg ? msg : "error"));
    lua_pop(L, 1);
    return false;
}

/* Sets the environment of the chunk on top of the stack. */
static void bind_env(struct sandbox *sb)
{
    sandbox_push_env(sb);
    if (!lua_setupvalue(sb->L, -2, 1))
        lua_pop(sb->L, 1);
}

bool sandbox_load_cached(struct sandbox *sb, const char *path, const char *buf, size_t len,
                         const char *chunk, uint64_t *hash)
{
    char name[LIMIT_INCLUDE_PATH_BYTES + 8];
    snprintf(name, sizeof name, "@%s", chunk);
    if (!chunkcache_load(sb->L, path, name, buf, len, hash))
        return false;
    bind_env(sb);
    return true;
}

void sandbox_store_cached(struct sandbox *sb, const char *path, const char *buf, size_t len,
                          const char *chunk, uint64_t hash)
{
    char name[LIMIT_INCLUDE_PATH_BYTES + 8];
    snprintf(name, sizeof name, "@%s", chunk);
    chunkcache_store(sb->L, path, name, buf, len, hash);
}

bool sandbox_load(struct sandbox *sb, const char *buf, size_t len, const char *chunk,
                  const char *display, struct diag *err)
{
    lua_State *L = sb->L;
    char name[LIMIT_INCLUDE_PATH_BYTES + 8];
    snprintf(name, sizeof name, "@%s", chunk);
    int status = luaL_loadbufferx(L, buf, len, name, "t");
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (status == LUA_ERRMEM || !msg) {
            diag_set(err, display, 0, "memory", "the scenario's Lua state ran out of memory");
        } else if (strstr(msg, "attempt to load a binary chunk")) {
            diag_set(err, display, 1, "binary-chunk",
                     "this is a compiled (binary) Lua chunk: scenarios are loaded as text only");
        } else {
            /* "main.lua:12: message near 'x'" */
            fill_diag(sb, msg, NULL, err);
            if (!err->file[0])
                str_copy(err->file, sizeof err->file, display);
            str_copy(err->code, sizeof err->code, "syntax");
            syntax_hint_missing_comma(buf, len, err);
        }
        lua_pop(L, 1);
        return false;
    }
    bind_env(sb);
    return true;
}
