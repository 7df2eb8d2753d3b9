/*
 * bridge.c: the game object a scenario's functions receive, and the calls
 * into those functions.
 *
 * game, game.stats, game.flags, game.score and game.visits are userdata with
 * locked metatables, not tables: rawset and setmetatable cannot shadow or
 * replace the engine's fields, and every read goes to the C game state, so
 * Lua never holds a stale copy of it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "../game.h"
#include "../limits.h"
#include "script_internal.h"

static struct script *script_of(lua_State *L)
{
    return sandbox_of(L)->owner;
}

static struct game *current_game(lua_State *L)
{
    struct game *g = script_of(L)->game;
    if (!g)
        luaL_error(L, "the game object is only available while a game runs");
    return g;
}

void script_push_number(lua_State *L, double v)
{
    if (v == floor(v) && fabs(v) < 9.0e15)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
}

/* A comma-separated list of ids for "did you mean" style messages. */
static const char *list_ids(lua_State *L, const char *const *ids, int n, size_t stride)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < n && i < 12; i++) {
        if (i)
            luaL_addstring(&b, ", ");
        luaL_addstring(&b, *(const char *const *)((const char *)ids + stride * (size_t)i));
    }
    if (n > 12)
        luaL_addstring(&b, ", ...");
    if (n == 0)
        luaL_addstring(&b, "none");
    luaL_pushresult(&b);
    return lua_tostring(L, -1);
}

static int stat_index(lua_State *L, const struct scenario *sc)
{
    size_t len;
    const char *k = lua_tolstring(L, 2, &len);
    int i = k ? strmap_get(&sc->stat_index, k, len) : -1;
    if (i < 0)
        luaL_error(L, "unknown stat '%s' (stats are: %s)", k ? k : luaL_typename(L, 2),
                   list_ids(L, &sc->stats[0].id, sc->nstats, sizeof sc->stats[0]));
    return i;
}

static int stats_index(lua_State *L)
{
    struct game *g = current_game(L);
    int i = stat_index(L, g->sc);
    script_push_number(L, g->s.stats[i]);
    return 1;
}

static int stats_newindex(lua_State *L)
{
    struct game *g = current_game(L);
    int i = stat_index(L, g->sc);
    if (lua_type(L, 3) != LUA_TNUMBER)
        return luaL_error(L, "game.stats.%s must be set to a number, not a %s", g->sc->stats[i].id,
                          luaL_typename(L, 3));
    double v = lua_tonumber(L, 3);
    if (!isfinite(v))
        return luaL_error(L, "game.stats.%s must be set to a finite number", g->sc->stats[i].id);
    game_set_stat(g, i, v);
    return 0;
}

static int flags_index(lua_State *L)
{
    struct game *g = current_game(L);
    const char *k = lua_tostring(L, 2);
    int f = k ? scenario_flag(g->sc, k) : -1;
    lua_pushboolean(L, f >= 0 && game_flag(g, f));
    return 1;
}

static int flags_newindex(lua_State *L)
{
    struct game *g = current_game(L);
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "a flag's name must be a string");
    const char *k = lua_tostring(L, 2);
    int t = lua_type(L, 3);
    if (t != LUA_TBOOLEAN && t != LUA_TNIL)
        return luaL_error(L, "game.flags.%s must be set to true or false, not a %s", k,
                          luaL_typename(L, 3));
    int f = scenario_intern_flag(g->sc, k);
    if (f == -1)
        return luaL_error(L, "unknown flag '%s': add it to the scenario's flags list", k);
    if (f < -1)
        return luaL_error(L, "too many flags (the limit is %d)", LIMIT_FLAGS);
    game_set_flag(g, f, lua_toboolean(L, 3));
    return 0;
}

static int score_index(lua_State *L)
{
    struct game *g = current_game(L);
    size_t len;
    const char *k = lua_tolstring(L, 2, &len);
    int d = k ? strmap_get(&g->sc->dimension_index, k, len) : -1;
    if (d < 0)
        return luaL_error(L, "unknown dimension '%s' (dimensions are: %s)", k ? k : "?",
                          list_ids(L, &g->sc->dimensions[0].id, g->sc->ndimensions,
                                   sizeof g->sc->dimensions[0]));
    g->sc->live->score_reads++;
    script_push_number(L, g->s.players[game_decider(g)].score[d]);
    return 1;
}

static int visits_index(lua_State *L)
{
    struct game *g = current_game(L);
    const char *k = lua_tostring(L, 2);
    int s = k ? scenario_scene(g->sc, k) : -1;
    if (s < 0)
        return luaL_error(L, "unknown scene '%s' in game.visits", k ? k : "?");
    g->sc->live->visits_reads++;
    lua_pushinteger(L, g->visits[s]);
    return 1;
}

static int readonly(lua_State *L)
{
    return luaL_error(L, "%s is read-only", lua_tostring(L, lua_upvalueindex(1)));
}

static int game_random_fn(lua_State *L)
{
    struct game *g = current_game(L);
    lua_Integer lo = luaL_checkinteger(L, 1);
    lua_Integer hi;
    if (lua_isnoneornil(L, 2)) {
        hi = lo;
        lo = 1;
    } else {
        hi = luaL_checkinteger(L, 2);
    }
    if (lo > hi)
        return luaL_error(L, "game.random(%I, %I): the first number must not be larger", lo, hi);
    lua_pushinteger(L, (lua_Integer)game_random(g, lo, hi));
    return 1;
}

/* game.cause(id): what changes next in this call is a consequence of the
 * decision that took choice id (or raised flag id); see game_cause. */
static int game_cause_fn(lua_State *L)
{
    struct game *g = current_game(L);
    const char *id = luaL_checkstring(L, 1);
    char why[160];
    if (!game_cause(g, id, why, sizeof why))
        return luaL_error(L, "%s", why);
    return 0;
}

/* The fields of game that change: role, player, turn, duet and picks. The
 * others (stats, flags, score, visits, random) never change and are found in
 * the table game's __index points to, without a call into C: game.stats.X in
 * a when is the most frequent read of all (see script_make_game_object). */
static int game_index(lua_State *L)
{
    struct game *g = current_game(L);
    const char *k = lua_tostring(L, 2);
    if (!k)
        return luaL_error(L, "game has no field of type %s", luaL_typename(L, 2));
    const struct scenario *sc = g->sc;
    int decider = game_decider(g);
    if (strcmp(k, "role") == 0) {
        lua_pushstring(L, sc->roles[g->s.players[decider].role].id);
    } else if (strcmp(k, "player") == 0) {
        lua_pushstring(L, g->s.players[decider].name);
    } else if (strcmp(k, "turn") == 0) {
        sc->live->visits_reads++; /* the turn is the sum of the visits, less one */
        lua_pushinteger(L, g->s.turn);
    } else if (strcmp(k, "scene") == 0) {
        /* The scene being decided: settle says whose pick stands by it. */
        lua_pushstring(L, sc->scenes[g->s.scene].id);
    } else if (strcmp(k, "duet") == 0) {
        lua_pushboolean(L, g->nplayers > 1);
    } else if (strcmp(k, "picks") == 0 || strcmp(k, "pick_ids") == 0) {
        bool ids = k[4] == '_';
        sc->live->picks_reads++;
        if (g->nplayers < 2 || !g->picks[0]) {
            lua_pushnil(L);
        } else {
            lua_createtable(L, 0, 2);
            for (int p = 0; p < g->nplayers; p++) {
                if (ids)
                    lua_pushstring(L, sc->choices[g->pick_choices[p]].id);
                else
                    lua_pushinteger(L, g->picks[p]);
                lua_setfield(L, -2, sc->roles[g->s.players[p].role].id);
            }
        }
    } else {
        return luaL_error(L, "game.%s does not exist (game has role, player, stats, flags, "
                             "score, visits, turn, random, cause, duet, picks and pick_ids)",
                          k);
    }
    return 1;
}

/* Pushes a new userdata whose metatable has the given __index/__newindex. */
static void push_proxy(lua_State *L, lua_CFunction index, lua_CFunction newindex,
                       const char *name)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 4);
    lua_pushcfunction(L, index);
    lua_setfield(L, -2, "__index");
    if (newindex) {
        lua_pushcfunction(L, newindex);
    } else {
        lua_pushstring(L, name);
        lua_pushcclosure(L, readonly, 1);
    }
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    sandbox_lock_metatable(L);
    lua_setmetatable(L, -2);
}

int script_make_game_object(lua_State *L)
{
    struct script *s = script_of(L);
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 4);
    /* __index: a table of the fixed fields, whose own __index is game_index
     * for the others. Neither table can be reached from a scenario: both
     * metatables are locked. */
    lua_createtable(L, 0, 5);
    push_proxy(L, stats_index, stats_newindex, "game.stats");
    lua_setfield(L, -2, "stats");
    push_proxy(L, flags_index, flags_newindex, "game.flags");
    lua_setfield(L, -2, "flags");
    push_proxy(L, score_index, NULL, "game.score");
    lua_setfield(L, -2, "score");
    push_proxy(L, visits_index, NULL, "game.visits");
    lua_setfield(L, -2, "visits");
    lua_pushcfunction(L, game_random_fn);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, game_cause_fn);
    lua_setfield(L, -2, "cause");
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, game_index);
    lua_setfield(L, -2, "__index");
    sandbox_lock_metatable(L);
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "game");
    lua_pushcclosure(L, readonly, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "game");
    lua_setfield(L, -2, "__name");
    sandbox_lock_metatable(L);
    lua_setmetatable(L, -2);
    s->game_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* ------------------------------------------------------------- calls */

static void describe(const struct scenario *sc, struct callsite site, char *buf, size_t n)
{
    static const char *const kinds[] = {
        [CB_WHEN] = "when", [CB_ACT] = "act", [CB_NEXT] = "next", [CB_TEXT] = "text",
        [CB_LABEL] = "text", [CB_FEEDBACK] = "feedback", [CB_ON_ENTER] = "on_enter",
        [CB_SETTLE] = "settle",
    };
    const char *kind = kinds[site.kind];
    if (site.kind == CB_SETTLE || site.scene < 0)
        snprintf(buf, n, "in the scenario's %s function", kind);
    else if (site.choice > 0)
        snprintf(buf, n, "in the %s of choice %d in %s '%s'", kind, site.choice,
                 sc->scenes[site.scene].is_ending ? "ending" : "scene", sc->scenes[site.scene].id);
    else
        snprintf(buf, n, "in the %s of %s '%s'", kind,
                 sc->scenes[site.scene].is_ending ? "ending" : "scene", sc->scenes[site.scene].id);
}

/* Completes a diagnostic from a failed call: the context of the call, and the
 * callback's own position when the error carried none. */
static void explain(struct script *s, struct callback cb, struct callsite site, struct diag *err)
{
    char what[256];
    describe(s->sc, site, what, sizeof what);
    struct strbuf msg;
    sb_init(&msg);
    sb_printf(&msg, "%s: %s", what, err->message);
    str_copy(err->message, sizeof err->message, msg.data);
    sb_free(&msg);
    if (!err->file[0] || err->line == 0) {
        str_copy(err->file, sizeof err->file, scenario_file(s->sc, cb.pos));
        err->line = (int)cb.pos.line;
    }
}

/* Calls callback cb with the game object. On success leaves its result on
 * top of the message handler (the caller pops both: call_done); on error
 * leaves nothing. */
static bool call(struct script *s, struct callback cb, struct game *g, struct callsite site,
                 struct diag *err)
{
    lua_State *L = s->sb->L;
    s->game = g;
    sandbox_push_handler(s->sb);
    lua_rawgeti(L, LUA_REGISTRYINDEX, cb.ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->game_ref);
    /* game.cause records in on_enter, act and next (and settle, which
     * decides like next); elsewhere it only checks its name. */
    g->cause_records = site.kind == CB_ON_ENTER || site.kind == CB_ACT || site.kind == CB_NEXT ||
                       site.kind == CB_SETTLE;
    g->cause_decision = -1;
    bool ok = sandbox_call_handled(s->sb, 1, 1, false, NULL, err);
    game_cause_close(g);
    g->cause_records = false;
    if (ok)
        return true;
    lua_pop(L, 1);
    explain(s, cb, site, err);
    return false;
}

/* Pops what a successful call left: its result and the handler. */
static void call_done(lua_State *L)
{
    lua_pop(L, 2);
}

bool script_when(struct script *s, struct callback cb, struct game *g, struct callsite site,
                 bool *out, struct diag *err)
{
    /* A condition that compares a stat with a number is answered here
     * (condition.h), unless the state is over its memory cap, where a call
     * would fail at its first instruction. */
    const struct condition *k = condition_of(s->sb->L, &s->conds, cb.ref, s->sc);
    if (k && s->sb->mem_used <= s->sb->limits.memory) {
        *out = condition_holds(k, g->s.stats);
        return true;
    }
    if (!call(s, cb, g, site, err))
        return false;
    *out = lua_toboolean(s->sb->L, -1);
    call_done(s->sb->L);
    return true;
}

void script_learn_conditions(struct script *s)
{
    for (uint32_t i = 0; i < s->sc->nchoices; i++)
        if (callback_present(s->sc->choices[i].when))
            (void)condition_of(s->sb->L, &s->conds, s->sc->choices[i].when.ref, s->sc);
}

bool script_run(struct script *s, struct callback cb, struct game *g, struct callsite site,
                struct diag *err)
{
    if (!call(s, cb, g, site, err))
        return false;
    call_done(s->sb->L);
    return true;
}

bool script_string(struct script *s, struct callback cb, struct game *g, struct callsite site,
                   struct strbuf *out, struct diag *err)
{
    if (!call(s, cb, g, site, err))
        return false;
    lua_State *L = s->sb->L;
    int t = lua_type(L, -1);
    if (t != LUA_TSTRING) {
        const char *what = site.kind == CB_NEXT     ? "a scene or ending id"
                           : site.kind == CB_SETTLE ? "a role id"
                                                    : "a string";
        diag_set(err, NULL, 0, "runtime", "returned %s, not %s",
                 t == LUA_TNIL ? "nothing" : lua_typename(L, t), what);
        call_done(L);
        explain(s, cb, site, err);
        return false;
    }
    size_t len;
    const char *str = lua_tolstring(L, -1, &len);
    if (len > LIMIT_TEXT_BYTES) {
        diag_set(err, NULL, 0, "text-too-long", "returned a text of %zu bytes; the limit is %d",
                 len, LIMIT_TEXT_BYTES);
        call_done(L);
        explain(s, cb, site, err);
        return false;
    }
    sb_append(out, str, len);
    call_done(L);
    return true;
}

void script_free(struct script *s)
{
    if (!s)
        return;
    conditions_free(&s->conds);
    sandbox_free(s->sb);
    free(s);
}

size_t script_memory(const struct script *s)
{
    return s->sb->mem_used;
}

size_t script_memory_peak(const struct script *s)
{
    return s->sb->mem_peak;
}
