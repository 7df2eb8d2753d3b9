/*
 * tests_loader.c: reading a scenario's tests.lua (see playtest.h).
 *
 * The file runs in the scenario's sandbox, under the same limits, with an
 * environment of its own: `playthrough` plus read access to the scenario's
 * globals. Each playthrough { } call records its table; the tables are then
 * read with raw access and checked, with positions from the source map.
 */
#include <math.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>

#include "../limits.h"
#include "../playtest.h"
#include "../run.h"
#include "../srcmap.h"
#include "../utf8.h"
#include "../util.h"
#include "script_internal.h"

struct tests_ctx {
    struct scenario *sc;
    lua_State *L;
    struct diag_list *diags;
    int file;
    struct srcmap map;
    int *refs;
    uint32_t *lines;
    int count, cap;
};

static struct tests_ctx *ctx_of(lua_State *L)
{
    struct script *s = sandbox_of(L)->owner;
    if (!s->tests)
        luaL_error(L, "playthrough can only be called while tests.lua loads");
    return s->tests;
}

static int l_playthrough(lua_State *L)
{
    struct tests_ctx *t = ctx_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    if (t->count >= 10000)
        return luaL_error(L, "too many playthroughs (the limit is 10000)");
    if (t->count == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->refs = xrealloc(t->refs, sizeof *t->refs * (size_t)t->cap);
        t->lines = xrealloc(t->lines, sizeof *t->lines * (size_t)t->cap);
    }
    lua_Debug ar;
    t->lines[t->count] = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar) && ar.currentline > 0)
        t->lines[t->count] = (uint32_t)ar.currentline;
    lua_pushvalue(L, 1);
    t->refs[t->count++] = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

PRINTF_LIKE(5, 6)
static void bad(struct tests_ctx *t, const struct srcnode *node, const char *key, uint32_t line,
                const char *fmt, ...)
{
    const struct srcfield *f = key ? srcmap_field(node, key) : NULL;
    uint32_t l = f ? f->line : node ? node->line : line;
    uint32_t c = f ? f->col : node ? node->col : 0;
    va_list ap;
    va_start(ap, fmt);
    diag_addv(t->diags, DIAG_ERROR, t->sc->files[t->file].display, (int)l, (int)c, "tests", fmt, ap);
    va_end(ap);
}

static char *string_of(lua_State *L, int idx)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    return xstrndup(s, len);
}

/* expect.score / stats / flags: a table id -> number (or boolean). */
static bool values(struct tests_ctx *t, int idx, bool booleans, struct playtest_value **out, int *n,
                   const struct srcnode *node, const char *key, uint32_t line)
{
    lua_State *L = t->L;
    if (!lua_istable(L, idx)) {
        bad(t, node, key, line, "expect.%s must be a table like { %s }", key,
            booleans ? "met_ceo = true" : "vision = 5");
        return false;
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        bool ok = lua_type(L, -2) == LUA_TSTRING &&
                  (booleans ? lua_isboolean(L, -1) : lua_type(L, -1) == LUA_TNUMBER);
        if (!ok) {
            bad(t, node, key, line, "expect.%s must map names to %s", key,
                booleans ? "true or false" : "numbers");
            lua_pop(L, 2);
            return false;
        }
        *out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
        (*out)[*n].id = string_of(L, -2);
        (*out)[*n].value = booleans ? lua_toboolean(L, -1) : lua_tonumber(L, -1);
        (*n)++;
        lua_pop(L, 1);
    }
    return true;
}

static int compare_values(const void *a, const void *b)
{
    return strcmp(((const struct playtest_value *)a)->id, ((const struct playtest_value *)b)->id);
}

struct field_check {
    struct tests_ctx *t;
    const char *what;
    const char *const *keys;
    const struct srcnode *node;
    uint32_t line;
};

static void report_field(void *ctx, const char *key, const lua_Integer *item)
{
    (void)item;
    struct field_check *fc = ctx;
    struct strbuf fields;
    sb_init(&fields);
    for (const char *const *k = fc->keys; *k; k++)
        sb_printf(&fields, "%s%s", k == fc->keys ? "" : ", ", *k);
    bad(fc->t, fc->node, key, fc->line, "unknown field '%s' in %s (fields: %s)", key ? key : "?", fc->what,
        fields.data);
    sb_free(&fields);
}

/* Every key of the table at tbl is one of keys (the loader's check); an
 * unknown one is reported with the list of fields. */
static void check_fields(struct tests_ctx *t, int tbl, const char *const *keys, const char *what,
                         const struct srcnode *node, uint32_t line)
{
    struct field_check fc = {t, what, keys, node, line};
    script_unknown_keys(t->L, tbl, keys, NULL, 0, report_field, &fc);
}

/* name, role, player and seed of the playthrough table at tbl. */
static void convert_who(struct tests_ctx *t, int tbl, struct playtest *pt, const struct srcnode *node,
                        uint32_t line)
{
    lua_State *L = t->L;
    lua_getfield(L, tbl, "name");
    if (lua_type(L, -1) == LUA_TSTRING)
        pt->name = string_of(L, -1);
    else
        bad(t, node, "name", line, "a playthrough needs a name = \"...\"");
    lua_pop(L, 1);
    lua_getfield(L, tbl, "role");
    if (lua_type(L, -1) == LUA_TSTRING)
        pt->role = string_of(L, -1);
    else if (!lua_isnil(L, -1))
        bad(t, node, "role", line, "role must be a role id like \"po\"");
    lua_pop(L, 1);
    lua_getfield(L, tbl, "player");
    if (lua_type(L, -1) == LUA_TSTRING)
        pt->player = string_of(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, tbl, "seed");
    if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 0 &&
        (uint64_t)lua_tointeger(L, -1) <= RUN_SEED_MAX)
        pt->seed = (uint64_t)lua_tointeger(L, -1);
    else if (!lua_isnil(L, -1))
        bad(t, node, "seed", line, "seed must be a whole number from 0 to 2^53-1");
    lua_pop(L, 1);
}

/* The choices list on top of the stack (a number as shown, or a choice id
 * or the start of its text), at most LIMIT_TURNS of them. */
static void convert_choices(struct tests_ctx *t, struct playtest *pt, const struct srcnode *node,
                            uint32_t line)
{
    lua_State *L = t->L;
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    if (n > LIMIT_TURNS)
        n = LIMIT_TURNS;
    pt->choices = xcalloc((size_t)(n ? n : 1), sizeof *pt->choices);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_rawgeti(L, -1, k);
        if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1 &&
            lua_tointeger(L, -1) <= LIMIT_CHOICES_PER_SCENE)
            pt->choices[pt->nchoices++].number = (int)lua_tointeger(L, -1);
        else if (lua_type(L, -1) == LUA_TSTRING)
            pt->choices[pt->nchoices++].prefix = string_of(L, -1);
        else
            bad(t, node, "choices", line,
                "choice %lld must be a choice id, the start of its text, or its number as shown",
                (long long)k);
        lua_pop(L, 1);
    }
}

/* The expect table at e: the ending, verdict, values, weighted score and
 * turns the run must end with. en: its place in the source (or NULL). */
static void convert_expect(struct tests_ctx *t, int e, struct playtest *pt, const struct srcnode *en,
                           const struct srcnode *node, uint32_t line)
{
    lua_State *L = t->L;
    static const char *const ekeys[] = {"ending", "verdict", "score", "stats", "flags",
                                        "weighted", "turns", NULL};
    check_fields(t, e, ekeys, "expect", en ? en : node, line);
    lua_getfield(L, e, "ending");
    if (lua_type(L, -1) == LUA_TSTRING)
        pt->ending = string_of(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, e, "verdict");
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *v = lua_tostring(L, -1);
        if (strcmp(v, "success") != 0 && strcmp(v, "mixed") != 0 && strcmp(v, "failure") != 0)
            bad(t, en ? en : node, "verdict", line,
                "expect.verdict is '%s'; a verdict is success, mixed or failure", v);
        else
            pt->verdict = string_of(L, -1);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, e, "score") != LUA_TNIL)
        values(t, lua_gettop(L), false, &pt->score, &pt->nscore, en, "score", line);
    lua_pop(L, 1);
    if (lua_getfield(L, e, "stats") != LUA_TNIL)
        values(t, lua_gettop(L), false, &pt->stats, &pt->nstats, en, "stats", line);
    lua_pop(L, 1);
    if (lua_getfield(L, e, "flags") != LUA_TNIL)
        values(t, lua_gettop(L), true, &pt->flags, &pt->nflags, en, "flags", line);
    lua_pop(L, 1);
    lua_getfield(L, e, "weighted");
    if (lua_type(L, -1) == LUA_TNUMBER) {
        pt->has_weighted = true;
        pt->weighted = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    lua_getfield(L, e, "turns");
    if (lua_isinteger(L, -1)) {
        pt->has_turns = true;
        pt->turns = (int)lua_tointeger(L, -1);
    }
    lua_pop(L, 1);
}

static void convert(struct tests_ctx *t, int i, struct playtest *pt)
{
    lua_State *L = t->L;
    uint32_t line = t->lines[i];
    const struct srcnode *node = srcmap_call(&t->map, "playthrough", line, NULL);
    pt->file = xstrdup(t->sc->files[t->file].display);
    pt->line = (int)line;
    pt->seed = 1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->refs[i]);
    int tbl = lua_gettop(L);
    static const char *const keys[] = {"name", "role", "seed", "player", "choices", "expect", NULL};
    check_fields(t, tbl, keys, "playthrough", node, line);
    convert_who(t, tbl, pt, node, line);
    lua_getfield(L, tbl, "choices");
    if (lua_istable(L, -1))
        convert_choices(t, pt, node, line);
    else if (!lua_isnil(L, -1))
        bad(t, node, "choices", line, "choices must be a list like { 1, 3, 2 }");
    lua_pop(L, 1);
    lua_getfield(L, tbl, "expect");
    if (lua_istable(L, -1)) {
        const struct srcfield *ef = srcmap_field(node, "expect");
        convert_expect(t, lua_gettop(L), pt, ef ? ef->value : NULL, node, line);
    } else if (!lua_isnil(L, -1)) {
        bad(t, node, "expect", line, "expect must be a table like { ending = \"ipo\" }");
    }
    lua_pop(L, 2);
    /* Stable order for messages (hash tables have none). */
    sort_items(pt->score, (size_t)pt->nscore, sizeof *pt->score, compare_values);
    sort_items(pt->stats, (size_t)pt->nstats, sizeof *pt->stats, compare_values);
    sort_items(pt->flags, (size_t)pt->nflags, sizeof *pt->flags, compare_values);
}

/* Gives the chunk (argument 1) an environment of its own: playthrough, and
 * read access to the scenario's globals. */
static int set_env(lua_State *L)
{
    lua_newtable(L);
    lua_pushcfunction(L, l_playthrough);
    lua_setfield(L, -2, "playthrough");
    lua_newtable(L);
    sandbox_push_env(sandbox_of(L));
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    if (!lua_setupvalue(L, 1, 1))
        lua_pop(L, 1);
    return 0;
}

bool playtest_load(struct scenario *sc, const char *path, struct playtest_set *set,
                   struct diag_list *diags)
{
    memset(set, 0, sizeof *set);
    struct script *script = sc->script;
    struct sandbox *sb = script->sb;
    lua_State *L = sb->L;
    int errors_before = diags->errors;
    size_t len;
    struct diag err;
    char folder_real[PATH_MAX];
    if (access(path, F_OK) == 0 &&
        (!realpath(sc->folder, folder_real) || !path_inside(folder_real, path))) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "file",
                 "the file is outside the scenario's folder (a symbolic link leads out of it)");
        return false;
    }
    char *buf = file_read_all(path, LIMIT_FILE_BYTES, &len, &err);
    if (!buf) {
        diag_copy(diags, &err);
        return false;
    }
    size_t badpos;
    if (!utf8_valid(buf, len, &badpos)) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "utf8", "invalid UTF-8: save the file as UTF-8");
        free(buf);
        return false;
    }
    if (sc->nfiles >= LIMIT_FILES) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "file", "too many files");
        free(buf);
        return false;
    }
    /* tests.lua takes a file slot so its positions resolve in messages. */
    struct tests_ctx t = {0};
    t.sc = sc;
    t.L = L;
    t.diags = diags;
    t.file = sc->nfiles;
    const char *base = strrchr(path, '/');
    sc->files[t.file].name = arena_strdup(&sc->arena, base ? base + 1 : path);
    sc->files[t.file].display = arena_strdup(&sc->arena, path);
    sc->nfiles++;
    srcmap_build(&sc->arena, buf, len, &t.map);
    script->tests = &t;
    bool ok = sandbox_load(sb, buf, len, sc->files[t.file].name, path, &err);
    free(buf);
    if (!ok) {
        diag_copy(diags, &err);
    } else {
        /* stack: chunk -> set_env(chunk) -> chunk, then run it. */
        lua_pushcfunction(L, set_env);
        lua_pushvalue(L, -2);
        struct diag e2;
        if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
            lua_pop(L, 2);
            ok = false;
            diag_add(diags, DIAG_ERROR, path, 0, 0, "engine", "cannot prepare tests.lua");
        } else if (!sandbox_call(sb, 0, 0, true, NULL, &e2)) {
            diag_copy(diags, &e2);
            ok = false;
        }
    }
    if (ok) {
        set->items = xcalloc((size_t)(t.count ? t.count : 1), sizeof *set->items);
        for (int i = 0; i < t.count; i++)
            convert(&t, i, &set->items[set->count++]);
    }
    for (int i = 0; i < t.count; i++)
        luaL_unref(L, LUA_REGISTRYINDEX, t.refs[i]);
    free(t.refs);
    free(t.lines);
    script->tests = NULL;
    sc->nfiles--; /* the slot's strings stay in the arena */
    if (diags->errors != errors_before) {
        playtest_set_free(set);
        return false;
    }
    return true;
}
