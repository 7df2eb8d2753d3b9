/*
 * loader.c: from a scenario folder to validated C data.
 *
 * Two stages. First the files run in the sandbox: scenario { }, scene "id" { },
 * ending "id" { } and include "file.lua" only record what they are given (a
 * registration: kind, id, file, line, and a reference to the table). Then, with
 * no scenario code running, each registered table is read with raw access (no
 * metamethod of the author's can run) and checked field by field against the
 * contract. Positions come from the source map (srcmap.h), so an error points
 * at the field that is wrong, not just at the scene.
 */
#include "../loader.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim */
#endif

#include <lauxlib.h>

#include "../limits.h"
#include "../srcmap.h"
#include "../text.h"
#include "../utf8.h"
#include "chunkcache.h"
#include "script_internal.h"

enum reg_kind { REG_SCENARIO, REG_SCENE, REG_ENDING };

/* The keys read from every scene, ending and choice. While converting,
 * each is also a Lua string at a slot of the stack (loader.key_base):
 * lua_pushstring hashes a C string and looks it up in Lua's string table
 * every time, about 130 instructions, where pushing a string the stack
 * holds is a copy (lua_pushstring was 4 % of loading the large story).
 * KEY(TITLE) is the C string "title". */
enum { KEY_BYTES = 16, KEY_LUA_SLOTS = 64 };
enum key {
    KEY_TITLE, KEY_PHASE, KEY_TEXT, KEY_ON_ENTER, KEY_TIMER, KEY_TIMEOUT, KEY_CHOICES, KEY_BY,
    KEY_CONFLICT, KEY_ORDER, KEY_DISCUSS, KEY_VERDICT, KEY_NEXT, KEY_SCORE, KEY_EFFECTS, KEY_SET,
    KEY_UNSET, KEY_REQUIRES, KEY_ROLE, KEY_WHEN, KEY_ONCE, KEY_LOCKED, KEY_ACT, KEY_FEEDBACK,
    KEY_ID, KEY_COUNT
};
static const char key_names[KEY_COUNT][KEY_BYTES] = {
    [KEY_TITLE] = "title",       [KEY_PHASE] = "phase",     [KEY_TEXT] = "text",
    [KEY_ON_ENTER] = "on_enter", [KEY_TIMER] = "timer",     [KEY_TIMEOUT] = "timeout",
    [KEY_CHOICES] = "choices",   [KEY_BY] = "by",           [KEY_CONFLICT] = "conflict",
    [KEY_ORDER] = "order",       [KEY_DISCUSS] = "discuss", [KEY_VERDICT] = "verdict",
    [KEY_NEXT] = "next",         [KEY_SCORE] = "score",     [KEY_EFFECTS] = "effects",
    [KEY_SET] = "set",           [KEY_UNSET] = "unset",     [KEY_REQUIRES] = "requires",
    [KEY_ROLE] = "role",         [KEY_WHEN] = "when",       [KEY_ONCE] = "once",
    [KEY_LOCKED] = "locked",     [KEY_ACT] = "act",         [KEY_FEEDBACK] = "feedback",
    [KEY_ID] = "id",
};
#define KEY(name) (key_names[KEY_##name])

struct registration {
    enum reg_kind kind;
    const char *id;
    uint16_t file;
    uint32_t line;
    int ref; /* the table, 0 until given */
};

struct flag_list {
    uint16_t items[LIMIT_FLAGS];
    int count;
};

/* A file's source map, built when conversion needs it (see file_map). */
struct map_slot {
    int file; /* -1 when empty */
    unsigned long used; /* for replacing the least recently used */
    struct arena arena;
    struct srcmap map;
};

struct loader {
    struct scenario *sc;
    struct script *script;
    lua_State *L;
    struct diag_list *diags;
    struct map_slot map_slots[2]; /* see file_map */
    unsigned long map_clock;
    char folder_real[PATH_MAX];
    struct registration *regs;
    int nregs, capregs;
    int scenario_reg;
    int include_depth;
    struct text_builder tb;
    struct choice *choices;
    uint32_t nchoices, capchoices;
    struct flag_list flag_scratch;
    /* Names the code uses, found as each file is opened (srcmap_scan_names):
     * game.cause literals, checked once every choice id is known, and flags
     * the code sets, which a cause may name. */
    struct code_name *code_names;
    int ncode_names, capcode_names;
    /* While converting: the stack slot of key_names[0] as a Lua string (0 when
     * the keys are not on the stack), and each key's characters as Lua
     * holds them: Lua keeps one copy of a short string, so a table's key
     * is one of these exactly when it is the same pointer. */
    int key_base;
    const char *key_lua[KEY_COUNT];
    /* The fields of the scene or choice being converted, located once by
     * check_keys's walk of its table (one lua_next per key) rather than
     * again by a lua_rawget per key read: key k's value is at stack slot
     * value_base + k when bit k of fields_present is set, for the table
     * at stack index fields_at (0: none). That table stays there until
     * forget_fields: convert_scene and convert_choice call it before they
     * pop their table, and on every way out. */
    int value_base;
    int fields_at;
    uint32_t fields_present;
    /* Which key_names[] index a key as Lua holds it is (key_by_lua, by
     * lua_key_slot), and the allowed lists of the tables whose fields are
     * kept, each as a mask of key_names[] indices: check_keys's walk then
     * costs a probe and a bit test per key, not a loop over the list. */
    signed char key_by_lua[KEY_LUA_SLOTS]; /* index + 1, 0 empty */
    struct allowed_mask {
        const char *const *list; /* scene_keys, ending_keys or choice_keys */
        uint32_t mask;
        int count;
    } allowed_masks[3];
    int last_file; /* see file_index */
    /* See scenario_load_lines: no source map is read, and what would have
     * needed one sets positions_wanted (the load is then done again). */
    bool lines_only;
    bool positions_wanted;
};

struct code_name {
    enum srcname_kind kind;
    char id[LIMIT_ID_BYTES + 1];
    struct srcpos pos;
};

/* buf = the n parts one after the other, cut to cap - 1 bytes like
 * snprintf: a scene's and each choice's descriptions for messages are made
 * whether or not a message needs them, and snprintf's parsing of its
 * format was 3 % of loading the large story. */
static void join(char *buf, size_t cap, const char *const *parts, int n)
{
    size_t len = 0;
    for (int i = 0; i < n && len + 1 < cap; i++) {
        size_t l = strlen(parts[i]);
        if (l > cap - 1 - len)
            l = cap - 1 - len;
        memcpy(buf + len, parts[i], l);
        len += l;
    }
    buf[len] = '\0';
}

#define JOIN(buf, ...) \
    join(buf, sizeof buf, (const char *const[]){__VA_ARGS__}, \
         (int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)))

/* n in decimal, as "%d" writes it (num: 12 bytes at least). */
static const char *decimal(int n, char *num)
{
    char tmp[12];
    int k = 0;
    unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;
    do
        tmp[k++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    char *p = num;
    if (n < 0)
        *p++ = '-';
    while (k)
        *p++ = tmp[--k];
    *p = '\0';
    return num;
}

static const char *reg_kind_name(enum reg_kind k)
{
    return k == REG_SCENARIO ? "scenario" : k == REG_SCENE ? "scene" : "ending";
}

/* ------------------------------------------------------------ messages */

static struct srcpos make_pos(uint16_t file, uint32_t line, uint32_t col)
{
    struct srcpos p = {file, line, col};
    return p;
}

PRINTF_LIKE(4, 5)
static void report(struct loader *ld, struct srcpos pos, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(ld->diags, DIAG_ERROR, scenario_file(ld->sc, pos), (int)pos.line, (int)pos.col, code,
              fmt, ap);
    va_end(ap);
}

/* The position of a field of a table, or of the table, or of its call. */
static struct srcpos field_pos(uint16_t file, const struct srcnode *node, const char *key,
                               struct srcpos fallback)
{
    if (!node) /* no map: a game's load (scenario_load_lines) asks this 450,000 times */
        return fallback;
    const struct srcfield *f = srcmap_field(node, key);
    if (f)
        return make_pos(file, f->line, f->col);
    return make_pos(file, node->line, node->col);
}

static struct srcpos item_pos(uint16_t file, const struct srcnode *node, int i,
                              struct srcpos fallback)
{
    if (!node)
        return fallback;
    const struct srcfield *f = srcmap_item(node, i);
    if (f)
        return make_pos(file, f->vline, f->vcol);
    return make_pos(file, node->line, node->col);
}

static const struct srcnode *field_node(const struct srcnode *node, const char *key)
{
    const struct srcfield *f = node ? srcmap_field(node, key) : NULL;
    return f ? f->value : NULL;
}

static const struct srcnode *item_node(const struct srcnode *node, int i)
{
    const struct srcfield *f = srcmap_item(node, i);
    return f ? f->value : NULL;
}

/* " (did you mean 'x'?)" for the name nearest to word (names as for
 * nearest_name); when none is near and the names are few, " (the NOUN are:
 * a, b, c)" (noun: NULL for no list); else "". */
static const char *suggest(const char *word, const void *first, size_t stride, int n, const char *noun,
                           char *buf, size_t cap)
{
    const char *pick = nearest_name(word, first, stride, n);
    if (pick) {
        snprintf(buf, cap, " (did you mean '%s'?)", pick);
        return buf;
    }
    if (!noun || n == 0 || n > 12)
        return "";
    size_t len = (size_t)snprintf(buf, cap, " (the %s are: ", noun);
    for (int i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? ", " : "", name_at(first, stride, i));
    if (len < cap)
        snprintf(buf + len, cap - len, ")");
    return buf;
}

/* suggest among a scenario's dimensions, and among its stats. */
static const char *suggest_dimension(const struct scenario *sc, const char *word, char *buf, size_t cap)
{
    return suggest(word, &sc->dimensions[0].id, sizeof(struct dimension), sc->ndimensions, "dimensions",
                   buf, cap);
}

static const char *suggest_stat(const struct scenario *sc, const char *word, char *buf, size_t cap)
{
    return suggest(word, &sc->stats[0].id, sizeof(struct stat_def), sc->nstats, "stats", buf, cap);
}

static bool contains(const char *text, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, word, n) == 0)
            return true;
    return false;
}

/* What to add to a text's error: "did you mean {runway}?" for an unknown
 * {name} near a stat, dimension, flag, player or role; for a stray '{' in a
 * text that reads like code, the likely cause: a [[ ... ]] text closed with
 * a single ], so that it ran on into the fields after it. */
static void text_error_hint(const struct scenario *sc, const char *text, size_t len,
                            const char *message, char *hint, size_t cap)
{
    hint[0] = '\0';
    const char *open = strstr(message, "unknown name {");
    if (open) {
        char word[LIMIT_ID_BYTES + 1];
        open += strlen("unknown name {");
        size_t n = strcspn(open, "}");
        snprintf(word, sizeof word, "%.*s", (int)n, open);
        static const char *const builtin[] = {"player", "role"};
        const char *pick = nearest_name(word, &sc->stats[0].id, sizeof(struct stat_def), sc->nstats);
        if (!pick)
            pick = nearest_name(word, &sc->dimensions[0].id, sizeof(struct dimension), sc->ndimensions);
        if (!pick && sc->nflags)
            pick = nearest_name(word, &sc->flags[0], sizeof(const char *), sc->nflags);
        if (!pick)
            pick = nearest_name(word, &builtin[0], sizeof(const char *), 2);
        if (pick)
            snprintf(hint, cap, " (did you mean {%s}?)", pick);
        return;
    }
    if (strstr(message, "'{' must start") &&
        (contains(text, len, "choices") || contains(text, len, "next =") ||
         contains(text, len, "feedback =") || contains(text, len, "],\n")))
        snprintf(hint, cap, "; the text seems to run on into code: does a [[ ... ]] text before "
                            "this point end with a single ] instead of ]]?");
}

/* A misspelt list of declarations (dimentions = { ... }) leaves its ids
 * undeclared, and every later use of one is an error of its own: dozens of
 * them, sorted by file, with the cause somewhere in the middle. Such a root
 * cause is moved first, and the errors that follow from it are dropped and
 * counted in its message. An error that says a text ran on into code (a
 * [[ ... ]] closed with one ]) is moved first too: what follows it in that
 * file was read as text. */
static void root_causes_first(struct diag_list *diags, int first)
{
    static const struct {
        const char *list;  /* the suggestion of the unknown-field error */
        const char *code;  /* the errors that follow from it */
        const char *missing; /* and the one that says the list is missing */
    } causes[] = {
        {"(did you mean 'dimensions'?)", "unknown-dimension", "the scenario needs dimensions"},
        {"(did you mean 'stats'?)", "unknown-stat", NULL},
        {"(did you mean 'roles'?)", "unknown-role", "the scenario needs roles"},
        {"(did you mean 'flags'?)", "unknown-flag", NULL},
    };
    int root = first; /* where the next root cause goes */
    for (int i = first; i < diags->count; i++) {
        struct diag *d = &diags->items[i];
        bool run_on = strstr(d->message, "the text seems to run on into code") != NULL;
        int cause = -1;
        for (size_t c = 0; c < COUNT_OF(causes) && strcmp(d->code, "unknown-field") == 0; c++)
            if (strstr(d->message, causes[c].list))
                cause = (int)c;
        if (cause < 0 && !run_on)
            continue;
        int dropped = 0;
        if (cause >= 0) {
            int kept = first;
            for (int k = first; k < diags->count; k++) {
                struct diag *e = &diags->items[k];
                if (strcmp(e->code, causes[cause].code) == 0 ||
                    (causes[cause].missing &&
                     strncmp(e->message, causes[cause].missing, strlen(causes[cause].missing)) == 0)) {
                    dropped++;
                    if (e->severity == DIAG_ERROR)
                        diags->errors--;
                    else
                        diags->warnings--;
                    if (k < i)
                        i--;
                    continue;
                }
                diags->items[kept++] = *e;
            }
            diags->count = kept;
            d = &diags->items[i];
        }
        struct diag moved = *d;
        if (dropped) {
            size_t n = strlen(moved.message);
            snprintf(moved.message + n, sizeof moved.message - n,
                     "; %d error%s that follow%s from it %s not shown", dropped,
                     dropped == 1 ? "" : "s", dropped == 1 ? "s" : "", dropped == 1 ? "is" : "are");
        }
        memmove(&diags->items[root + 1], &diags->items[root], (size_t)(i - root) * sizeof *d);
        diags->items[root++] = moved;
    }
}

/* Whether the table at t has a string key other than word but within two
 * edits of it: a misspelling of it. */
static bool has_near_key(lua_State *L, int t, const char *word)
{
    bool near = false;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (!near && lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            near = strcmp(k, word) != 0 && edit_distance(k, word, 3) < 3;
        }
    }
    return near;
}

/* ------------------------------------------------------------ files */

static const char *resolve_chunk(void *ctx, const char *chunk, size_t len)
{
    struct scenario *sc = ctx;
    for (int i = 0; i < sc->nfiles; i++)
        if (strlen(sc->files[i].name) == len && memcmp(sc->files[i].name, chunk, len) == 0)
            return sc->files[i].display;
    return NULL;
}

/* The file Lua names short_src (0 when none is). The one found last is
 * tried first: a file's scenes are registered, and then converted, one
 * after the other. */
static int file_index(struct loader *ld, const char *short_src)
{
    const struct scenario *sc = ld->sc;
    if (ld->last_file < sc->nfiles && strcmp(sc->files[ld->last_file].name, short_src) == 0)
        return ld->last_file;
    for (int i = 0; i < sc->nfiles; i++)
        if (strcmp(sc->files[i].name, short_src) == 0)
            return ld->last_file = i;
    return 0;
}

static char *join_path(const char *folder, const char *name)
{
    struct strbuf sb;
    sb_init(&sb);
    if (strcmp(folder, ".") != 0) {
        sb_puts(&sb, folder);
        if (sb.len && sb.data[sb.len - 1] != '/')
            sb_putc(&sb, '/');
    }
    sb_puts(&sb, name);
    return sb_take(&sb);
}

/* Reads a whole scenario file, refusing anything but a regular file under
 * the size limit. Returns NULL with *why set. */
static char *read_file(const char *path, size_t *len, char *why, size_t whycap)
{
    char limit[64];
    snprintf(limit, sizeof limit, "of %d MiB for a scenario file", LIMIT_FILE_BYTES / (1024 * 1024));
    return read_regular_file(path, LIMIT_FILE_BYTES, limit, len, why, whycap);
}

/* Line and column of a byte offset. */
static void offset_position(const char *buf, size_t offset, uint32_t *line, uint32_t *col)
{
    uint32_t l = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; i++)
        if (buf[i] == '\n') {
            l++;
            line_start = i + 1;
        }
    *line = l;
    *col = (uint32_t)utf8_length(buf + line_start, offset - line_start) + 1;
}

/* Registers a file of the scenario, checks it is UTF-8 text, and pushes its
 * chunk (its source map is made later, see file_map). Returns the file
 * index, or raises a Lua error (we are inside the protected load). */
struct code_name_ctx {
    struct loader *ld;
    uint16_t file;
};

static void on_code_name(void *ctx, enum srcname_kind kind, const char *name, size_t len,
                         uint32_t line, uint32_t col)
{
    struct code_name_ctx *c = ctx;
    struct loader *ld = c->ld;
    if (len > LIMIT_ID_BYTES)
        len = LIMIT_ID_BYTES; /* too long for any id: still reported, cut */
    if (ld->ncode_names == ld->capcode_names) {
        ld->capcode_names = ld->capcode_names ? ld->capcode_names * 2 : 16;
        ld->code_names = xrealloc(ld->code_names, sizeof *ld->code_names * (size_t)ld->capcode_names);
    }
    struct code_name *n = &ld->code_names[ld->ncode_names++];
    n->kind = kind;
    memcpy(n->id, name, len);
    n->id[len] = '\0';
    n->pos = make_pos(c->file, line, col);
}

static int open_source(struct loader *ld, const char *name)
{
    struct scenario *sc = ld->sc;
    lua_State *L = ld->L;
    if (sc->nfiles >= LIMIT_FILES)
        luaL_error(L, "too many files in one scenario (the limit is %d)", LIMIT_FILES);
    int index = sc->nfiles;
    struct source_file *f = &sc->files[index];
    char *display = join_path(sc->folder, name);
    f->name = arena_strdup(&sc->arena, name);
    f->display = arena_strdup(&sc->arena, display);
    free(display);
    sc->nfiles++;

    char *path = join_path(ld->folder_real, name);
    char why[256];
    size_t len;
    /* The entry file too is held to the folder, like includes: a main.lua
     * that is a symbolic link to a file elsewhere is refused. */
    char *buf = NULL;
    if (access(path, F_OK) == 0 && !path_inside(ld->folder_real, path))
        snprintf(why, sizeof why, "the file is outside the scenario's folder (a symbolic link "
                                  "leads out of it)");
    else
        buf = read_file(path, &len, why, sizeof why);
    if (!buf) {
        free(path);
        report(ld, make_pos((uint16_t)index, 0, 0), "file", "%s", why);
        return luaL_error(L, "%s", ""), -1;
    }
    if (len >= 4 && memcmp(buf, "\x1bLua", 4) == 0) {
        report(ld, make_pos((uint16_t)index, 1, 1), "binary-chunk",
               "this is a compiled (binary) Lua chunk: scenarios are loaded as text only");
        free(path);
        free(buf);
        return luaL_error(L, "%s", ""), -1;
    }
    /* Bytes the cache holds compiled were valid UTF-8 and compiled when it
     * kept them: only a miss is checked and compiled. */
    bool cached = sandbox_load_cached(ld->script->sb, path, buf, len, name, &f->hash);
    if (!cached)
        f->hash = hash_bytes(HASH_SEED, buf, len);
    sc->hash = hash_bytes(sc->hash, &f->hash, sizeof f->hash);
    size_t bad;
    if (!cached && !utf8_valid(buf, len, &bad)) {
        free(path);
        uint32_t line, col;
        offset_position(buf, bad, &line, &col);
        if (buf[bad] == '\0')
            report(ld, make_pos((uint16_t)index, line, col), "nul-byte",
                   "NUL byte in the file: scenario files are UTF-8 text");
        else
            report(ld, make_pos((uint16_t)index, line, col), "utf8",
                   "invalid UTF-8 (byte 0x%02x): scenario files must be saved as UTF-8",
                   (unsigned char)buf[bad]);
        free(buf);
        return luaL_error(L, "%s", ""), -1;
    }
    struct code_name_ctx names = {ld, (uint16_t)index};
    if (!cached || !chunkcache_names(path, f->hash, on_code_name, &names))
        srcmap_scan_names(buf, len, on_code_name, &names);
    struct diag err;
    bool ok = cached || sandbox_load(ld->script->sb, buf, len, name, f->display, &err);
    if (ok && !cached)
        sandbox_store_cached(ld->script->sb, path, buf, len, name, f->hash);
    free(path);
    free(buf);
    if (!ok) {
        diag_copy(ld->diags, &err);
        return luaL_error(L, "%s", ""), -1;
    }
    return index;
}

/* The source map of a file, for positions in messages. Maps are made while
 * converting, one file at a time, and dropped as conversion moves on: a map
 * is about three times the size of its file, and keeping one for every file
 * from the moment it ran made them the largest part of a large scenario's
 * peak memory (docs/performance.md). Two are kept, so that an entry file
 * that includes others between its own scenes is mapped only a few times.
 * The map the chunk cache keeps for the file's bytes is read back; without
 * one the file is read again and mapped. If it changed since it ran, it gets
 * an empty map and positions fall back to the lines Lua reported, as for
 * text the map cannot follow. */
static const struct srcmap *file_map(struct loader *ld, uint16_t file)
{
    static const struct srcmap none;
    if (ld->lines_only)
        return &none; /* every position falls back to its call's line */
    struct map_slot *slot = &ld->map_slots[0];
    for (size_t i = 0; i < COUNT_OF(ld->map_slots); i++) {
        struct map_slot *s = &ld->map_slots[i];
        if (s->file == file) {
            s->used = ++ld->map_clock;
            return &s->map;
        }
        if (s->used < slot->used)
            slot = s;
    }
    arena_free(&slot->arena);
    memset(&slot->map, 0, sizeof slot->map);
    slot->file = file;
    slot->used = ++ld->map_clock;
    const struct source_file *f = &ld->sc->files[file];
    char *path = join_path(ld->folder_real, f->name);
    if (chunkcache_map(path, f->hash, &slot->arena, &slot->map)) {
        free(path);
        return &slot->map;
    }
    char why[256];
    size_t len;
    char *buf = read_file(path, &len, why, sizeof why);
    free(path);
    if (buf && hash_bytes(HASH_SEED, buf, len) == f->hash)
        srcmap_build(&slot->arena, buf, len, &slot->map);
    free(buf);
    return &slot->map;
}

/* ------------------------------------------------- the load-time API */

/* The loader is reached through the script, not an upvalue: once loading is
 * over it is gone, and a scene function a scenario kept for later says so
 * instead of writing into freed memory. */
static struct loader *loader_of(lua_State *L)
{
    struct script *s = sandbox_of(L)->owner;
    if (!s->loader)
        luaL_error(L, "scenario, scene, ending and include can only be called while the "
                      "scenario loads");
    return s->loader;
}

static void caller_position(struct loader *ld, lua_State *L, uint16_t *file, uint32_t *line)
{
    lua_Debug ar;
    *file = 0;
    *line = 0;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            *file = (uint16_t)file_index(ld, ar.short_src);
            *line = (uint32_t)ar.currentline;
            return;
        }
    }
}

static int add_registration(struct loader *ld, lua_State *L, enum reg_kind kind, const char *id)
{
    if (ld->nregs >= LIMIT_SCENES + 1)
        return luaL_error(L, "too many scenes and endings (the limit is %d)", LIMIT_SCENES);
    if (ld->nregs == ld->capregs) {
        ld->capregs = ld->capregs ? ld->capregs * 2 : 64;
        ld->regs = xrealloc(ld->regs, sizeof *ld->regs * (size_t)ld->capregs);
    }
    struct registration *r = &ld->regs[ld->nregs];
    r->kind = kind;
    r->id = id ? arena_strdup(&ld->sc->arena, id) : NULL;
    r->ref = 0;
    caller_position(ld, L, &r->file, &r->line);
    return ld->nregs++;
}

static int l_scenario(lua_State *L)
{
    struct loader *ld = loader_of(L);
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "scenario needs a table: scenario { id = \"...\", ... }");
    if (ld->scenario_reg >= 0) {
        const struct registration *first = &ld->regs[ld->scenario_reg];
        return luaL_error(L, "scenario { } is called twice (first at %s:%d)",
                          ld->sc->files[first->file].display, (int)first->line);
    }
    int r = add_registration(ld, L, REG_SCENARIO, NULL);
    lua_pushvalue(L, 1);
    ld->regs[r].ref = luaL_ref(L, LUA_REGISTRYINDEX);
    ld->scenario_reg = r;
    return 0;
}

static int l_body(lua_State *L)
{
    struct loader *ld = loader_of(L);
    int r = (int)lua_tointeger(L, lua_upvalueindex(1));
    struct registration *reg = &ld->regs[r];
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "%s \"%s\" needs a table: %s \"%s\" { ... }", reg_kind_name(reg->kind),
                          reg->id, reg_kind_name(reg->kind), reg->id);
    if (reg->ref)
        return luaL_error(L, "%s \"%s\" was given two tables", reg_kind_name(reg->kind), reg->id);
    lua_pushvalue(L, 1);
    reg->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

static int declare(lua_State *L, enum reg_kind kind)
{
    struct loader *ld = loader_of(L);
    const char *name = reg_kind_name(kind);
    if (lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, "%s needs an id first: %s \"id\" { ... }", name, name);
    int r = add_registration(ld, L, kind, lua_tostring(L, 1));
    if (lua_type(L, 2) == LUA_TTABLE) { /* scene("id", { ... }) */
        lua_pushvalue(L, 2);
        ld->regs[r].ref = luaL_ref(L, LUA_REGISTRYINDEX);
        return 0;
    }
    lua_pushinteger(L, r);
    lua_pushcclosure(L, l_body, 1);
    return 1;
}

static int l_scene(lua_State *L)
{
    return declare(L, REG_SCENE);
}

static int l_ending(lua_State *L)
{
    return declare(L, REG_ENDING);
}

/* include "file.lua": a file inside the scenario's own folder, once. */
static int l_include(lua_State *L)
{
    struct loader *ld = loader_of(L);
    size_t len;
    const char *name = luaL_checklstring(L, 1, &len);
    if (len == 0 || len > LIMIT_INCLUDE_PATH_BYTES)
        return luaL_error(L, "include: the path must be 1 to %d bytes", LIMIT_INCLUDE_PATH_BYTES);
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.' || c == '/';
        if (!ok)
            return luaL_error(L, "include \"%s\": use letters, digits, '-', '_', '.' and '/' only",
                              name);
    }
    if (name[0] == '/' || strstr(name, "..") || strstr(name, "//") || name[len - 1] == '/')
        return luaL_error(L, "include \"%s\": the path must stay inside the scenario's folder "
                             "(no absolute paths, no '..')",
                          name);
    if (len < 5 || strcmp(name + len - 4, ".lua") != 0)
        return luaL_error(L, "include \"%s\": only .lua files can be included", name);
    for (int i = 0; i < ld->sc->nfiles; i++)
        if (strcmp(ld->sc->files[i].name, name) == 0)
            return luaL_error(L, "include \"%s\": this file is already loaded (a file can be "
                                 "included once, and never includes itself)",
                              name);
    if (ld->include_depth >= LIMIT_INCLUDE_DEPTH)
        return luaL_error(L, "include \"%s\": includes are nested more than %d deep", name,
                          LIMIT_INCLUDE_DEPTH);
    /* A symbolic link must not lead out of the folder either. */
    char *path = join_path(ld->folder_real, name);
    char real[PATH_MAX];
    bool found = realpath(path, real) != NULL;
    free(path);
    if (!found)
        return luaL_error(L, "include \"%s\": no such file in the scenario's folder", name);
    size_t flen = strlen(ld->folder_real);
    if (strncmp(real, ld->folder_real, flen) != 0 || real[flen] != '/')
        return luaL_error(L, "include \"%s\": the file is outside the scenario's folder", name);
    open_source(ld, name);
    ld->include_depth++;
    lua_call(L, 0, 0);
    ld->include_depth--;
    return 0;
}

/* Runs the entry file with the load-time API as globals. */
static int run_entry(lua_State *L)
{
    struct loader *ld = lua_touserdata(L, 1);
    sandbox_push_env(ld->script->sb);
    static const struct {
        const char *name;
        lua_CFunction fn;
    } api[] = {
        {"scenario", l_scenario},
        {"scene", l_scene},
        {"ending", l_ending},
        {"include", l_include},
    };
    for (size_t i = 0; i < COUNT_OF(api); i++) {
        lua_pushcfunction(L, api[i].fn);
        lua_setfield(L, -2, api[i].name);
    }
    lua_pop(L, 1);
    return 0;
}

/* After loading the load-time API leaves the environment. */
static int remove_api(lua_State *L)
{
    sandbox_push_env(sandbox_of(L));
    static const char *const names[] = {"scenario", "scene", "ending", "include"};
    for (size_t i = 0; i < COUNT_OF(names); i++) {
        lua_pushnil(L);
        lua_setfield(L, -2, names[i]);
    }
    lua_pop(L, 1);
    return 0;
}

/* ------------------------------------------------ reading tables */

/* Which of key_names[] key is (by address: KEY(NAME)), or -1 for another string. */
static int key_index(const char *key)
{
    uintptr_t at = (uintptr_t)key - (uintptr_t)key_names[0];
    return at < sizeof key_names && at % KEY_BYTES == 0 ? (int)(at / KEY_BYTES) : -1;
}

/* Pushes t[key], without metamethods, and returns its type. */
static int get_raw(struct loader *ld, int t, const char *key)
{
    lua_State *L = ld->L;
    if (t < 0) /* most callers give the table's own slot */
        t = lua_absindex(L, t);
    int k = ld->key_base ? key_index(key) : -1;
    if (k >= 0 && t == ld->fields_at) {
        if (!(ld->fields_present >> k & 1)) {
            lua_pushnil(L);
            return LUA_TNIL;
        }
        lua_pushvalue(L, ld->value_base + k);
        return lua_type(L, -1);
    }
    if (k >= 0)
        lua_pushvalue(L, ld->key_base + k);
    else
        lua_pushstring(L, key);
    return lua_rawget(L, t);
}

static unsigned lua_key_slot(const char *key)
{
    uintptr_t p = (uintptr_t)key;
    return (unsigned)((p >> 3) ^ (p >> 9)) % KEY_LUA_SLOTS;
}

/* Which of key_names[] the string Lua holds at key is, or -1. */
static int key_of_lua(const struct loader *ld, const char *key)
{
    for (unsigned h = lua_key_slot(key);; h = (h + 1) % KEY_LUA_SLOTS) {
        int k = ld->key_by_lua[h] - 1;
        if (k < 0 || ld->key_lua[k] == key)
            return k;
    }
}

/* The mask of a list of keys whose fields are kept (a list that lives as
 * long as the program), made at its first use; NULL when one of its keys
 * is not in key_names[]. */
static const struct allowed_mask *allowed_mask(struct loader *ld, const char *const *list)
{
    struct allowed_mask *free_entry = NULL;
    for (size_t i = 0; i < COUNT_OF(ld->allowed_masks); i++) {
        struct allowed_mask *m = &ld->allowed_masks[i];
        if (m->list == list)
            return m;
        if (!m->list && !free_entry)
            free_entry = m;
    }
    if (!free_entry)
        return NULL;
    uint32_t mask = 0;
    int n = 0;
    for (; list[n]; n++) {
        int k = key_index(list[n]);
        if (k < 0)
            return NULL;
        mask |= 1u << k;
    }
    *free_entry = (struct allowed_mask){list, mask, n};
    return free_entry;
}

/* Puts every key on the stack for get_raw and check_keys (see key_names[]),
 * and after them a slot for each key's value (see loader.value_base). */
static void push_keys(struct loader *ld)
{
    lua_State *L = ld->L;
    /* The keys and values, and as many free slots as the conversion had
     * before them: it counts on LUA_MINSTACK, as a C function called from
     * Lua may. */
    luaL_checkstack(L, 2 * KEY_COUNT + LUA_MINSTACK, "the loader's keys");
    ld->key_base = lua_gettop(L) + 1;
    memset(ld->key_by_lua, 0, sizeof ld->key_by_lua);
    for (int k = 0; k < KEY_COUNT; k++) {
        ld->key_lua[k] = lua_pushstring(L, key_names[k]);
        unsigned h = lua_key_slot(ld->key_lua[k]);
        while (ld->key_by_lua[h])
            h = (h + 1) % KEY_LUA_SLOTS;
        ld->key_by_lua[h] = (signed char)(k + 1);
    }
    ld->value_base = lua_gettop(L) + 1;
    for (int k = 0; k < KEY_COUNT; k++)
        lua_pushnil(L);
    ld->fields_at = 0;
}

/* The fields located by the last check_keys that kept them are no longer
 * those of a table on the stack. */
static void forget_fields(struct loader *ld)
{
    ld->fields_at = 0;
}

static const char *type_name(lua_State *L, int idx)
{
    return luaL_typename(L, idx);
}

/* What the value at idx is, when a finite number was wanted: "a string",
 * "math.huge", "-math.huge" or "NaN (0/0)". */
static const char *not_finite_number(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TNUMBER) {
        static const char *const with_article[] = {
            [LUA_TNIL] = "nil",           [LUA_TBOOLEAN] = "a boolean",
            [LUA_TLIGHTUSERDATA] = "a userdata", [LUA_TSTRING] = "a string",
            [LUA_TTABLE] = "a table",     [LUA_TFUNCTION] = "a function",
            [LUA_TUSERDATA] = "a userdata", [LUA_TTHREAD] = "a thread",
        };
        int t = lua_type(L, idx);
        return t >= 0 && t < (int)COUNT_OF(with_article) ? with_article[t] : "not a number";
    }
    double v = lua_tonumber(L, idx);
    return isnan(v) ? "NaN (0/0)" : v > 0 ? "math.huge" : "-math.huge";
}

/* Names {player} and {role} already mean in a text: no dimension, stat or
 * flag may have them. */
static bool reserved_name(const char *id)
{
    return strcmp(id, "player") == 0 || strcmp(id, "role") == 0;
}

/* A finite number the game keeps must be within LIMIT_NUMBER of zero;
 * false, with an error at pos naming it (a format, like "score.%s"), when
 * it is not. */
PRINTF_LIKE(4, 5)
static bool number_in_range(struct loader *ld, struct srcpos pos, double v, const char *name_fmt, ...)
{
    if (fabs(v) <= LIMIT_NUMBER)
        return true;
    char name[200];
    va_list ap;
    va_start(ap, name_fmt);
    vsnprintf(name, sizeof name, name_fmt, ap);
    va_end(ap);
    report(ld, pos, "range", "%s is %g: numbers the game keeps go from -1e12 to 1e12 (a trillion)", name, v);
    return false;
}

/* A dimension or stat (kind) called player or role: refused with an error,
 * since {player} and {role} in a text already mean something. */
static bool refuse_reserved(struct loader *ld, struct srcpos pos, const char *kind, const char *id)
{
    if (!reserved_name(id))
        return false;
    report(ld, pos, "duplicate", "%s id '%s' is taken: {%s} in a text is the %s", kind, id, id,
           strcmp(id, "player") == 0 ? "player's name" : "role's name");
    return true;
}

void script_unknown_keys(lua_State *L, int t, const char *const *allowed,
                         const char *const *as_lua, int positional,
                         void (*unknown)(void *ctx, const char *key, const lua_Integer *item), void *ctx)
{
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            bool ok = false;
            for (const char *const *a = as_lua; a && *a && !ok; a++)
                ok = *a == k;
            for (const char *const *a = allowed; *a && !ok; a++)
                ok = strcmp(*a, k) == 0;
            if (!ok)
                unknown(ctx, k, NULL);
        } else if (lua_isinteger(L, -1) && positional > 0) {
            lua_Integer i = lua_tointeger(L, -1);
            if (i < 1 || i > positional)
                unknown(ctx, NULL, &i);
        } else {
            unknown(ctx, NULL, NULL);
        }
    }
}

struct key_check {
    struct loader *ld;
    const char *const *allowed;
    int nallowed;
    const char *what;
    uint16_t file;
    const struct srcnode *node;
    struct srcpos fallback;
};

static void report_key(void *ctx, const char *k, const lua_Integer *item)
{
    struct key_check *kc = ctx;
    struct loader *ld = kc->ld;
    if (k) {
        char hint[128];
        report(ld, field_pos(kc->file, kc->node, k, kc->fallback), "unknown-field", "unknown field '%s' in %s%s",
               k, kc->what, suggest(k, kc->allowed, sizeof *kc->allowed, kc->nallowed, NULL, hint, sizeof hint));
    } else if (item) {
        report(ld, item_pos(kc->file, kc->node, (int)*item, kc->fallback), "unknown-field",
               "%s has an unexpected item at position %lld", kc->what, (long long)*item);
    } else {
        report(ld, kc->node ? make_pos(kc->file, kc->node->line, kc->node->col) : kc->fallback, "unknown-field",
               "%s has a key that is not a name (%s)", kc->what, type_name(ld->L, -1));
    }
}

/* Walks the table at t as script_unknown_keys does, the allowed keys
 * being am's, and keeps where each value is for get_raw
 * (loader.value_base). */
static void walk_keeping_fields(struct loader *ld, int t, const struct allowed_mask *am,
                                int positional, struct key_check *kc)
{
    lua_State *L = ld->L;
    t = lua_absindex(L, t);
    uint32_t present = 0;
    bool complete = true; /* every allowed key found is kept */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            int found = key_of_lua(ld, k);
            if (found >= 0 && (am->mask >> found & 1)) {
                lua_copy(L, -1, ld->value_base + found);
                present |= 1u << found;
                lua_pop(L, 1);
                continue;
            }
            bool ok = false;
            for (int i = 0; i < am->count && !ok; i++)
                ok = strcmp(am->list[i], k) == 0;
            complete &= !ok;
            lua_pop(L, 1);
            if (!ok)
                report_key(kc, k, NULL);
            continue;
        }
        lua_pop(L, 1);
        if (lua_isinteger(L, -1) && positional > 0) {
            lua_Integer i = lua_tointeger(L, -1);
            if (i < 1 || i > positional)
                report_key(kc, NULL, &i);
        } else {
            report_key(kc, NULL, NULL);
        }
    }
    ld->fields_at = complete ? t : 0;
    ld->fields_present = present;
}

/* Every key of the table at t must be a string in allowed (or, when
 * positional > 0, an integer 1..positional). With keep (the scene or
 * choice being converted: see loader.value_base) its fields are located
 * for get_raw at the same time. */
/* keep: allowed lives as long as the program (see allowed_mask). */
static void check_keys(struct loader *ld, int t, const char *const *allowed, int positional,
                       const char *what, uint16_t file, const struct srcnode *node,
                       struct srcpos fallback, bool keep)
{
    struct key_check kc = {ld, allowed, 0, what, file, node, fallback};
    const struct allowed_mask *am = keep && ld->key_base ? allowed_mask(ld, allowed) : NULL;
    if (am) {
        int walked_from = ld->diags->count; /* a walk in hash order: sorted below */
        kc.nallowed = am->count;
        walk_keeping_fields(ld, t, am, positional, &kc);
        diag_list_sort_from(ld->diags, walked_from);
        return;
    }
    while (allowed[kc.nallowed])
        kc.nallowed++;
    /* The allowed keys as Lua holds them, when every one is in key_names[]. */
    const char *as_lua[KEY_COUNT + 1];
    bool interned = ld->key_base && kc.nallowed <= KEY_COUNT;
    for (int i = 0; interned && i < kc.nallowed; i++) {
        int k = key_index(allowed[i]);
        interned = k >= 0;
        as_lua[i] = interned ? ld->key_lua[k] : NULL;
    }
    as_lua[interned ? kc.nallowed : 0] = NULL;
    int walked_from = ld->diags->count; /* a walk in hash order: sorted below */
    script_unknown_keys(ld->L, t, allowed, interned ? as_lua : NULL, positional, report_key, &kc);
    diag_list_sort_from(ld->diags, walked_from);
}

static bool valid_id(const char *s, size_t len, bool identifier)
{
    if (len == 0 || len > LIMIT_ID_BYTES)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        bool digit = c >= '0' && c <= '9';
        if (identifier ? !(letter || (digit && i > 0)) : !(letter || digit || c == '-'))
            return false;
    }
    return true;
}

/* String field: returns an arena copy, NULL when absent (or wrong, reported). */
/* Every string of a scenario reaches a terminal: control characters (an
 * ESC sequence sets the window title or writes the clipboard) and bidi
 * overrides are refused at load, with the position. */
static bool refuse_control(struct loader *ld, struct srcpos pos, const char *s, size_t len,
                           const char *key, const char *what)
{
    size_t at;
    uint32_t cp;
    if (!utf8_find_control(s, len, true, &at, &cp))
        return false;
    report(ld, pos, "control", "the %s of %s contains the control character U+%04X: terminal "
                               "controls and bidi overrides are not allowed in a scenario",
           key, what, (unsigned)cp);
    return true;
}

/* An author's name: valid UTF-8, one line, at most LIMIT_TEXT_BYTES. */
static const char *author_name(struct loader *ld, struct srcpos pos)
{
    size_t len, bad;
    const char *s = lua_tolstring(ld->L, -1, &len);
    if (len > LIMIT_TEXT_BYTES || !utf8_valid(s, len, &bad)) {
        report(ld, pos, "utf8", "authors must be names of valid UTF-8 text");
        return NULL;
    }
    if (refuse_control(ld, pos, s, len, "authors", "the scenario"))
        return NULL;
    return arena_strndup(&ld->sc->arena, s, len);
}

static const char *string_field(struct loader *ld, int t, const char *key, bool required,
                                const char *what, uint16_t file, const struct srcnode *node,
                                struct srcpos fallback)
{
    lua_State *L = ld->L;
    int type = get_raw(ld, t, key);
    const char *result = NULL;
    if (type == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        size_t bad;
        if (len > LIMIT_TEXT_BYTES)
            report(ld, field_pos(file, node, key, fallback), "text-too-long",
                   "the %s of %s is %zu bytes; the limit is %d", key, what, len, LIMIT_TEXT_BYTES);
        else if (!utf8_valid(s, len, &bad))
            report(ld, field_pos(file, node, key, fallback), "utf8",
                   "the %s of %s is not valid UTF-8 text", key, what);
        else if (refuse_control(ld, field_pos(file, node, key, fallback), s, len, key, what))
            ;
        else
            result = arena_strndup(&ld->sc->arena, s, len);
    } else if (type != LUA_TNIL) {
        report(ld, field_pos(file, node, key, fallback), "type", "the %s of %s must be a string, not a %s",
               key, what, type_name(L, -1));
    } else if (required) {
        report(ld, field_pos(file, node, key, fallback), "missing", "%s needs a %s", what, key);
    }
    lua_pop(L, 1);
    return result;
}

/* Number field: true when present and valid. */
static bool number_field(struct loader *ld, int t, const char *key, double *out, const char *what,
                         uint16_t file, const struct srcnode *node, struct srcpos fallback)
{
    lua_State *L = ld->L;
    int type = get_raw(ld, t, key);
    bool ok = false;
    if (type == LUA_TNUMBER) {
        double v = lua_tonumber(L, -1);
        if (!isfinite(v)) {
            report(ld, field_pos(file, node, key, fallback), "type", "the %s of %s must be a finite number, not %s",
                   key, what, not_finite_number(L, -1));
        } else if (number_in_range(ld, field_pos(file, node, key, fallback), v, "the %s of %s", key, what)) {
            *out = v;
            ok = true;
        }
    } else if (type != LUA_TNIL) {
        report(ld, field_pos(file, node, key, fallback), "type", "the %s of %s must be a number, not a %s",
               key, what, type_name(L, -1));
    }
    lua_pop(L, 1);
    return ok;
}

static bool bool_field(struct loader *ld, int t, const char *key, bool *out, const char *what,
                       uint16_t file, const struct srcnode *node, struct srcpos fallback)
{
    lua_State *L = ld->L;
    int type = get_raw(ld, t, key);
    bool ok = false;
    if (type == LUA_TBOOLEAN) {
        *out = lua_toboolean(L, -1);
        ok = true;
    } else if (type != LUA_TNIL) {
        report(ld, field_pos(file, node, key, fallback), "type",
               "the %s of %s must be true or false, not a %s", key, what, type_name(L, -1));
    }
    lua_pop(L, 1);
    return ok;
}

/* The position where a function was defined, and its last line. */
static struct srcpos function_pos(struct loader *ld, int idx, struct srcpos fallback,
                                  uint32_t *last)
{
    lua_State *L = ld->L;
    lua_Debug ar;
    lua_pushvalue(L, idx);
    *last = fallback.line;
    if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0) {
        *last = (uint32_t)(ar.lastlinedefined > 0 ? ar.lastlinedefined : ar.linedefined);
        return make_pos((uint16_t)file_index(ld, ar.short_src), (uint32_t)ar.linedefined, 0);
    }
    /* Kept for the game's messages (a C function as a callback): the
     * field's own line, which only the source map knows. */
    ld->positions_wanted |= ld->lines_only;
    return fallback;
}

static void keep_callback_fn(struct scenario *sc, int ref, const void *fn)
{
    if (ref >= sc->ncallback_fn) {
        int n = sc->ncallback_fn ? sc->ncallback_fn : 256;
        while (n <= ref)
            n *= 2;
        sc->callback_fn = xrealloc(sc->callback_fn, sizeof *sc->callback_fn * (size_t)n);
        memset(sc->callback_fn + sc->ncallback_fn, 0,
               sizeof *sc->callback_fn * (size_t)(n - sc->ncallback_fn));
        sc->ncallback_fn = n;
    }
    sc->callback_fn[ref] = fn;
}

static struct callback make_callback(struct loader *ld, int idx, struct srcpos fallback)
{
    struct callback cb;
    cb.pos = function_pos(ld, idx, fallback, &cb.last_line);
    lua_pushvalue(ld->L, idx);
    const void *fn = lua_topointer(ld->L, -1);
    cb.ref = luaL_ref(ld->L, LUA_REGISTRYINDEX);
    if (cb.ref <= 0) /* refs are positive; 0 would read as "none" */
        cb.ref = 0;
    else
        keep_callback_fn(ld->sc, cb.ref, fn);
    return cb;
}

static struct callback function_field(struct loader *ld, int t, const char *key, const char *what,
                                      uint16_t file, const struct srcnode *node,
                                      struct srcpos fallback)
{
    struct callback cb = {0, {0, 0, 0}, 0};
    int type = get_raw(ld, t, key);
    /* The position only when there is a field: most choices have no when or act. */
    if (type == LUA_TFUNCTION)
        cb = make_callback(ld, lua_gettop(ld->L), field_pos(file, node, key, fallback));
    else if (type != LUA_TNIL)
        report(ld, field_pos(file, node, key, fallback), "type",
               "the %s of %s must be a function(game), not a %s", key, what, type_name(ld->L, -1));
    lua_pop(ld->L, 1);
    return cb;
}

/* --------------------------------------------------------- texts */

/* Position of a byte offset inside a string field's value. */
static struct srcpos text_pos(uint16_t file, const struct srcfield *f, const char *s, size_t offset,
                              struct srcpos fallback)
{
    if (!f || !f->value_is_string)
        return fallback;
    uint32_t line = f->vline + (f->value_first_newline ? 1 : 0);
    size_t line_start = 0;
    bool first = true;
    for (size_t i = 0; i < offset; i++)
        if (s[i] == '\n') {
            line++;
            line_start = i + 1;
            first = false;
        }
    uint32_t col = (uint32_t)utf8_length(s + line_start, offset - line_start) + 1;
    if (first && !f->value_first_newline)
        col += f->vcol + (f->value_is_long_string ? 1 : 0);
    return make_pos(file, line, col);
}

/* Parses the text at stack index idx (string, or function when allowed).
 * Messages call it `part` followed by `what` ("the text of ", "scene 'x'"):
 * the two are joined only when there is a message. */
static bool convert_text(struct loader *ld, int idx, bool paragraphs, bool allow_function,
                         const char *part, const char *what, uint16_t file,
                         const struct srcfield *f, struct srcpos pos, struct text_template *out)
{
    lua_State *L = ld->L;
    memset(out, 0, sizeof *out);
    out->pos = pos;
    int type = lua_type(L, idx);
    if (type == LUA_TFUNCTION && allow_function) {
        out->fn = make_callback(ld, idx, pos);
        out->chars = "";
        return true;
    }
    if (type != LUA_TSTRING) {
        report(ld, pos, "type", "%s%s must be a string%s, not a %s", part, what,
               allow_function ? " or a function(game)" : "", type_name(L, idx));
        return false;
    }
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    if (len > LIMIT_TEXT_BYTES) {
        report(ld, pos, "text-too-long", "%s%s is %zu bytes; the limit is %d (64 KiB)", part, what,
               len, LIMIT_TEXT_BYTES);
        return false;
    }
    struct text_error terr;
    if (!text_parse(&ld->tb, s, len, paragraphs, scenario_resolve_name, ld->sc, &terr)) {
        char hint[160];
        text_error_hint(ld->sc, s, len, terr.message, hint, sizeof hint);
        report(ld, text_pos(file, f, s, terr.offset, pos),
               strstr(terr.message, "unknown name") ? "unknown-name"
               : strstr(terr.message, "UTF-8") || strstr(terr.message, "NUL") ? "utf8"
                                                                              : "text",
               "%s%s: %s%s", part, what, terr.message, hint);
        return false;
    }
    text_freeze(&ld->sc->arena, &ld->tb, out);
    return true;
}

/* A list of ids: a string, or a table of strings. Calls fn for each. */
typedef void (*id_fn)(struct loader *ld, const char *id, struct srcpos pos, void *ctx);

static void each_id(struct loader *ld, int idx, const char *what, uint16_t file,
                    const struct srcfield *f, struct srcpos pos, id_fn fn, void *ctx)
{
    lua_State *L = ld->L;
    if (lua_type(L, idx) == LUA_TSTRING) {
        fn(ld, lua_tostring(L, idx), pos, ctx);
        return;
    }
    if (lua_type(L, idx) != LUA_TTABLE) {
        report(ld, pos, "type", "%s must be a name or a list of names, not a %s", what,
               type_name(L, idx));
        return;
    }
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > n) {
            report(ld, pos, "type", "%s must be a list of names like { \"a\", \"b\" }", what);
            lua_pop(L, 1);
            return;
        }
    }
    for (lua_Integer i = 1; i <= n && i <= LIMIT_FLAGS; i++) {
        struct srcpos ipos = item_pos(file, f ? f->value : NULL, (int)i, pos);
        if (lua_rawgeti(L, idx, i) != LUA_TSTRING)
            report(ld, ipos, "type", "%s must hold names (strings), not a %s", what,
                   type_name(L, -1));
        else
            fn(ld, lua_tostring(L, -1), ipos, ctx);
        lua_pop(L, 1);
    }
}

/* -------------------------------------------------- the scenario { } */

static const char *const scenario_keys[] = {
    "id", "title", "summary", "authors", "version", "language", "minutes", "start", "dimensions",
    "roles", "stats", "ratings", "duet", "settle", "best", "flags", "order", NULL,
};

/* order = "fixed" | "shuffled": true for fixed; an error for anything else. */
static bool fixed_order(struct loader *ld, int t, const char *what, uint16_t file,
                        const struct srcnode *node, struct srcpos pos, bool fallback)
{
    const char *order = string_field(ld, t, KEY(ORDER), false, what, file, node, pos);
    if (!order)
        return fallback;
    if (strcmp(order, "fixed") == 0)
        return true;
    if (strcmp(order, "shuffled") != 0)
        report(ld, field_pos(file, node, KEY(ORDER), pos), "order",
               "order must be \"fixed\" (the author's order) or \"shuffled\", not \"%s\"", order);
    return false;
}

/* A list of tables (dimensions, roles, stats, ratings) and what to do with
 * each of its items. */
struct table_list {
    const char *name;     /* the field: "roles" */
    const char *missing;  /* the message when the field is nil; NULL: it may be */
    const char *not_list; /* the message when it is neither nil nor a table */
    const char *item;     /* an item in messages: "role" */
    const char *shape;    /* an item's shape in messages: "{ id = ..., name = ... }" */
    /* Checks the number of items n (reported at pos); returns how many to walk. */
    lua_Integer (*count)(struct loader *ld, struct srcpos pos, lua_Integer n);
    const int *kept; /* the walk stops when *kept reaches limit (NULL: it walks them all) */
    int limit;
    /* An item, a table at slot item (popped by the walker); what: "role 2". */
    void (*each)(struct loader *ld, int item, const char *what, uint16_t file,
                 const struct srcnode *in, struct srcpos ipos);
};

/* Walks the list field l->name of the table at t: its type, its count, and
 * each item that is a table (any other is reported). */
static void walk_table_list(struct loader *ld, int t, uint16_t file, const struct srcnode *node,
                            struct srcpos fallback, const struct table_list *l)
{
    lua_State *L = ld->L;
    struct srcpos pos = field_pos(file, node, l->name, fallback);
    const struct srcnode *list = field_node(node, l->name);
    int type = get_raw(ld, t, l->name);
    if (type != LUA_TTABLE) {
        if (type != LUA_TNIL)
            report(ld, pos, "type", "%s", l->not_list);
        else if (l->missing)
            report(ld, pos, "missing", "%s", l->missing);
        lua_pop(L, 1);
        return;
    }
    int list_idx = lua_gettop(L);
    lua_Integer n = l->count(ld, pos, (lua_Integer)lua_rawlen(L, list_idx));
    for (lua_Integer i = 1; i <= n && (!l->kept || *l->kept < l->limit); i++) {
        struct srcpos ipos = item_pos(file, list, (int)i, pos);
        const struct srcnode *in = item_node(list, (int)i);
        if (lua_rawgeti(L, list_idx, i) != LUA_TTABLE) {
            report(ld, ipos, "type", "%s %lld must be a table %s", l->item, (long long)i, l->shape);
            lua_pop(L, 1);
            continue;
        }
        char what[64];
        snprintf(what, sizeof what, "%s %lld", l->item, (long long)i);
        l->each(ld, lua_gettop(L), what, file, in, ipos);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* True, and reported at pos, when an item of the kind already has id. */
static bool id_taken(struct loader *ld, const struct strmap *index, const char *kind,
                     const char *id, struct srcpos pos)
{
    if (strmap_get(index, id, strlen(id)) < 0)
        return false;
    report(ld, pos, "duplicate", "duplicate %s id '%s'", kind, id);
    return true;
}

/* Counts and indexes an item whose fields passed, unless its id is taken
 * (reported). */
static void keep_item(struct loader *ld, struct strmap *index, const char *kind, const char *id,
                      struct srcpos idpos, int *count)
{
    if (id_taken(ld, index, kind, id, idpos))
        return;
    strmap_put(index, id, strlen(id), *count);
    (*count)++;
}

static lua_Integer count_dimensions(struct loader *ld, struct srcpos pos, lua_Integer n)
{
    if (n < 1 || n > LIMIT_DIMENSIONS)
        report(ld, pos, "count", "a scenario has 1 to %d dimensions, not %lld", LIMIT_DIMENSIONS,
               (long long)n);
    return n;
}

static void convert_dimension(struct loader *ld, int d, const char *what, uint16_t file,
                              const struct srcnode *in, struct srcpos ipos)
{
    struct scenario *sc = ld->sc;
    static const char *const keys[] = {"id", "name", "about", NULL};
    check_keys(ld, d, keys, 0, what, file, in, ipos, false);
    struct dimension *dim = &sc->dimensions[sc->ndimensions];
    dim->id = string_field(ld, d, "id", true, what, file, in, ipos);
    dim->name = string_field(ld, d, "name", false, what, file, in, ipos);
    dim->about = string_field(ld, d, "about", false, what, file, in, ipos);
    dim->pos = ipos;
    if (!dim->id)
        return;
    if (!valid_id(dim->id, strlen(dim->id), true)) {
        report(ld, field_pos(file, in, "id", ipos), "bad-id",
               "dimension id '%s' must be a name of letters, digits and '_' (like vision)",
               dim->id);
        return;
    }
    if (!dim->name)
        dim->name = dim->id;
    if (refuse_reserved(ld, field_pos(file, in, "id", ipos), "dimension", dim->id))
        return;
    keep_item(ld, &sc->dimension_index, "dimension", dim->id, field_pos(file, in, "id", ipos),
              &sc->ndimensions);
}

static void convert_dimensions(struct loader *ld, int t, uint16_t file, const struct srcnode *node,
                               struct srcpos fallback)
{
    const struct table_list l = {
        .name = "dimensions",
        .missing = "the scenario needs dimensions = { { id = \"vision\", name = "
                   "\"Vision\" }, ... } (1 to 8)",
        .not_list = "dimensions must be a list of tables",
        .item = "dimension",
        .shape = "{ id = ..., name = ... }",
        .count = count_dimensions,
        .kept = &ld->sc->ndimensions,
        .limit = LIMIT_DIMENSIONS,
        .each = convert_dimension,
    };
    walk_table_list(ld, t, file, node, fallback, &l);
}

/* One entry of a number table: its key (NULL when the key is not a
 * string), where the key stands, and the value on the top of the stack. */
typedef void number_entry_fn(struct loader *ld, const char *key, struct srcpos kpos, void *ctx);

/* Walks the table field `name` of the table at t ({ key = number, ... }:
 * score, effects, weights, best), calling each for every entry; a field
 * that is neither a table nor nil is reported with `shape`. key_fallback:
 * where a key stands when the source map does not know. */
static void walk_number_table(struct loader *ld, int t, const char *name, uint16_t file,
                              const struct srcnode *node, struct srcpos pos,
                              struct srcpos key_fallback, const char *shape,
                              number_entry_fn *each, void *ctx)
{
    lua_State *L = ld->L;
    int type = get_raw(ld, t, name);
    if (type == LUA_TTABLE) {
        int tab = lua_gettop(L);
        const struct srcnode *tn = field_node(node, name);
        int walked_from = ld->diags->count; /* a walk in hash order: sorted below */
        lua_pushnil(L);
        while (lua_next(L, tab)) {
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
            each(ld, k, k ? field_pos(file, tn, k, key_fallback) : key_fallback, ctx);
            lua_pop(L, 1);
        }
        diag_list_sort_from(ld->diags, walked_from);
    } else if (type != LUA_TNIL) {
        report(ld, field_pos(file, node, name, pos), "type", "%s", shape);
    }
    lua_pop(L, 1);
}

static void weight_entry(struct loader *ld, const char *k, struct srcpos wpos, void *ctx)
{
    lua_State *L = ld->L;
    struct role *role = ctx;
    int d = k ? scenario_dimension(ld->sc, k) : -1;
    if (d < 0) {
        char hint[256];
        report(ld, wpos, "unknown-dimension", "unknown dimension '%s' in weights%s",
               k ? k : "?", k ? suggest_dimension(ld->sc, k, hint, sizeof hint) : "");
    } else if (lua_type(L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1)) ||
               lua_tonumber(L, -1) < 0) {
        if (lua_type(L, -1) == LUA_TNUMBER && isfinite(lua_tonumber(L, -1)))
            report(ld, wpos, "type", "the weight of '%s' must be 0 or more, not %g", k,
                   lua_tonumber(L, -1));
        else
            report(ld, wpos, "type", "the weight of '%s' must be a number, 0 or more, not %s",
                   k, not_finite_number(L, -1));
    } else if (number_in_range(ld, wpos, lua_tonumber(L, -1), "the weight of '%s'", k)) {
        role->weights[d] = lua_tonumber(L, -1);
    }
}

static lua_Integer count_roles(struct loader *ld, struct srcpos pos, lua_Integer n)
{
    if (n < 1 || n > LIMIT_ROLES)
        report(ld, pos, "count", "a scenario has 1 to %d roles, not %lld", LIMIT_ROLES, (long long)n);
    return n;
}

/* A role's brief, when it has one. Briefs hold no references: rendered
 * once, the text kept. */
static void convert_brief(struct loader *ld, int r, struct role *role, uint16_t file,
                          const struct srcnode *in, struct srcpos ipos)
{
    lua_State *L = ld->L;
    struct scenario *sc = ld->sc;
    if (get_raw(ld, r, "brief") != LUA_TNIL) {
        struct text_template tt;
        if (convert_text(ld, lua_gettop(L), true, false, "", "a role's brief", file,
                         srcmap_field(in, "brief"), field_pos(file, in, "brief", ipos), &tt)) {
            struct strbuf out;
            sb_init(&out);
            struct text_values none = {0};
            text_render(&tt, &none, &out);
            role->brief = arena_strdup(&sc->arena, out.data ? out.data : "");
            sb_free(&out);
        }
    }
    lua_pop(L, 1);
}

static void convert_role(struct loader *ld, int r, const char *what, uint16_t file,
                         const struct srcnode *in, struct srcpos ipos)
{
    struct scenario *sc = ld->sc;
    static const char *const keys[] = {"id", "name", "brief", "weights", NULL};
    check_keys(ld, r, keys, 0, what, file, in, ipos, false);
    struct role *role = &sc->roles[sc->nroles];
    role->id = string_field(ld, r, "id", true, what, file, in, ipos);
    role->name = string_field(ld, r, "name", false, what, file, in, ipos);
    role->pos = ipos;
    for (int d = 0; d < LIMIT_DIMENSIONS; d++)
        role->weights[d] = 1;
    convert_brief(ld, r, role, file, in, ipos);
    walk_number_table(ld, r, "weights", file, in, ipos, ipos,
                      "weights must be a table like { vision = 2 }", weight_entry, role);
    if (!role->id)
        return;
    if (!valid_id(role->id, strlen(role->id), false)) {
        report(ld, field_pos(file, in, "id", ipos), "bad-id",
               "role id '%s' must use letters, digits and '-'", role->id);
        return;
    }
    if (!role->name)
        role->name = role->id;
    if (!role->brief)
        role->brief = "";
    if (strcmp(role->id, "both") == 0) {
        report(ld, field_pos(file, in, "id", ipos), "bad-id",
               "'both' cannot be a role id: it is what by = \"both\" means");
        return;
    }
    keep_item(ld, &sc->role_index, "role", role->id, field_pos(file, in, "id", ipos), &sc->nroles);
}

static void convert_roles(struct loader *ld, int t, uint16_t file, const struct srcnode *node,
                          struct srcpos fallback)
{
    const struct table_list l = {
        .name = "roles",
        .missing = "the scenario needs roles = { { id = \"po\", name = \"Product Owner\" }, ... }",
        .not_list = "roles must be a list of tables",
        .item = "role",
        .shape = "{ id = ..., name = ... }",
        .count = count_roles,
        .kept = &ld->sc->nroles,
        .limit = LIMIT_ROLES,
        .each = convert_role,
    };
    walk_table_list(ld, t, file, node, fallback, &l);
}

static lua_Integer count_stats(struct loader *ld, struct srcpos pos, lua_Integer n)
{
    if (n > LIMIT_STATS)
        report(ld, pos, "count", "a scenario has at most %d stats, not %lld", LIMIT_STATS,
               (long long)n);
    return n;
}

/* A stat read from its fields has a valid id and a sane range. */
static bool stat_fits(struct loader *ld, const struct stat_def *st, uint16_t file,
                      const struct srcnode *in, struct srcpos ipos)
{
    if (!valid_id(st->id, strlen(st->id), true)) {
        report(ld, field_pos(file, in, "id", ipos), "bad-id",
               "stat id '%s' must be a name of letters, digits and '_' (like runway)", st->id);
        return false;
    }
    if (st->min > st->max) {
        report(ld, field_pos(file, in, "min", ipos), "range", "stat '%s' has min above max",
               st->id);
        return false;
    }
    if (st->start < st->min || st->start > st->max) {
        report(ld, field_pos(file, in, "start", ipos), "range",
               "stat '%s' starts outside its min and max", st->id);
        return false;
    }
    return true;
}

static void convert_stat(struct loader *ld, int s, const char *item_what, uint16_t file,
                         const struct srcnode *in, struct srcpos ipos)
{
    struct scenario *sc = ld->sc;
    static const char *const keys[] = {"id", "name", "unit", "start", "min", "max", "hidden", NULL};
    char what[64];
    str_copy(what, sizeof what, item_what);
    check_keys(ld, s, keys, 0, what, file, in, ipos, false);
    struct stat_def *st = &sc->stats[sc->nstats];
    st->id = string_field(ld, s, "id", true, what, file, in, ipos);
    /* The rest of its messages name it (an id is ASCII once valid). */
    if (st->id && valid_id(st->id, strlen(st->id), true))
        snprintf(what, sizeof what, "stat '%.50s'", st->id);
    st->name = string_field(ld, s, "name", false, what, file, in, ipos);
    st->unit = string_field(ld, s, "unit", false, what, file, in, ipos);
    st->start = 0;
    st->min = -HUGE_VAL;
    st->max = HUGE_VAL;
    number_field(ld, s, "start", &st->start, what, file, in, ipos);
    number_field(ld, s, "min", &st->min, what, file, in, ipos);
    number_field(ld, s, "max", &st->max, what, file, in, ipos);
    bool_field(ld, s, "hidden", &st->hidden, what, file, in, ipos);
    st->pos = ipos;
    if (!st->id || !stat_fits(ld, st, file, in, ipos))
        return;
    if (!st->name)
        st->name = st->id;
    if (refuse_reserved(ld, field_pos(file, in, "id", ipos), "stat", st->id))
        return;
    if (id_taken(ld, &sc->stat_index, "stat", st->id, field_pos(file, in, "id", ipos)))
        return;
    if (scenario_dimension(sc, st->id) >= 0) {
        report(ld, field_pos(file, in, "id", ipos), "duplicate",
               "stat '%s' has the id of a dimension: {%s} in a text would be ambiguous", st->id,
               st->id);
        return;
    }
    strmap_put(&sc->stat_index, st->id, strlen(st->id), sc->nstats);
    sc->nstats++;
}

static void convert_stats(struct loader *ld, int t, uint16_t file, const struct srcnode *node,
                          struct srcpos fallback)
{
    const struct table_list l = {
        .name = "stats",
        .not_list = "stats must be a list of tables",
        .item = "stat",
        .shape = "{ id = ..., start = ... }",
        .count = count_stats,
        .kept = &ld->sc->nstats,
        .limit = LIMIT_STATS,
        .each = convert_stat,
    };
    walk_table_list(ld, t, file, node, fallback, &l);
}

static int compare_ratings(const void *a, const void *b)
{
    const struct rating *x = a, *y = b;
    return (x->min < y->min) - (x->min > y->min);
}

/* At most 32 ratings (the rest are left out); their array is made here. */
static lua_Integer count_ratings(struct loader *ld, struct srcpos pos, lua_Integer n)
{
    struct scenario *sc = ld->sc;
    if (n > 32) {
        report(ld, pos, "count", "at most 32 ratings");
        n = 32;
    }
    sc->ratings = arena_alloc(&sc->arena, sizeof *sc->ratings * (size_t)(n ? n : 1));
    return n;
}

static void convert_rating(struct loader *ld, int r, const char *what, uint16_t file,
                           const struct srcnode *in, struct srcpos ipos)
{
    (void)what; /* its messages say "a rating" */
    struct scenario *sc = ld->sc;
    static const char *const keys[] = {"min", "label", NULL};
    check_keys(ld, r, keys, 0, "a rating", file, in, ipos, false);
    struct rating *rt = &sc->ratings[sc->nratings];
    rt->label = string_field(ld, r, "label", true, "a rating", file, in, ipos);
    bool has_min = number_field(ld, r, "min", &rt->min, "a rating", file, in, ipos);
    if (!has_min)
        report(ld, field_pos(file, in, "min", ipos), "missing",
               "a rating needs min, the lowest percentage it applies to");
    if (rt->label && has_min)
        sc->nratings++;
}

static void convert_ratings(struct loader *ld, int t, uint16_t file, const struct srcnode *node,
                            struct srcpos fallback)
{
    const struct table_list l = {
        .name = "ratings",
        .not_list = "ratings must be a list like { { min = 80, label = \"...\" } }",
        .item = "rating",
        .shape = "{ min = ..., label = ... }",
        .count = count_ratings,
        .each = convert_rating,
    };
    struct scenario *sc = ld->sc;
    walk_table_list(ld, t, file, node, fallback, &l);
    sort_items(sc->ratings, (size_t)sc->nratings, sizeof *sc->ratings, compare_ratings);
}

static void declare_flag(struct loader *ld, const char *id, struct srcpos pos, void *ctx)
{
    (void)ctx;
    struct scenario *sc = ld->sc;
    if (!valid_id(id, strlen(id), false)) {
        report(ld, pos, "bad-id", "flag name '%s' must use letters, digits, '_' and '-'", id);
        return;
    }
    if (scenario_stat(sc, id) >= 0 || scenario_dimension(sc, id) >= 0 || reserved_name(id)) {
        report(ld, pos, "duplicate",
               "flag '%s' has the name of a stat, dimension, player or role: {%s} would be "
               "ambiguous",
               id, id);
        return;
    }
    if (scenario_declare_flag(sc, id) == -2)
        report(ld, pos, "count", "too many flags (the limit is %d)", LIMIT_FLAGS);
}

static void best_entry(struct loader *ld, const char *k, struct srcpos bpos, void *ctx)
{
    (void)ctx;
    lua_State *L = ld->L;
    int r = k ? scenario_role(ld->sc, k) : -1;
    if (r < 0)
        report(ld, bpos, "unknown-role", "unknown role '%s' in best", k ? k : "?");
    else if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) > 0))
        report(ld, bpos, "type", "best.%s must be a number above 0", k);
    else
        ld->sc->best[r] = lua_tonumber(L, -1);
}

/* authors = "Name" or { "Name", ... } (at most 64). */
static void convert_authors(struct loader *ld, int t, uint16_t file, const struct srcnode *node,
                            struct srcpos pos)
{
    lua_State *L = ld->L;
    struct scenario *sc = ld->sc;
    int atype = get_raw(ld, t, "authors");
    if (atype == LUA_TSTRING) {
        sc->authors = arena_alloc(&sc->arena, sizeof *sc->authors);
        sc->authors[0] = author_name(ld, field_pos(file, node, "authors", pos));
        sc->nauthors = sc->authors[0] ? 1 : 0;
    } else if (atype == LUA_TTABLE) {
        int a = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, a);
        if (n > 64)
            n = 64;
        sc->authors = arena_alloc(&sc->arena, sizeof *sc->authors * (size_t)(n ? n : 1));
        for (lua_Integer i = 1; i <= n; i++) {
            if (lua_rawgeti(L, a, i) == LUA_TSTRING) {
                const char *name = author_name(ld, field_pos(file, node, "authors", pos));
                if (name)
                    sc->authors[sc->nauthors++] = name;
            } else
                report(ld, field_pos(file, node, "authors", pos), "type", "authors must be names");
            lua_pop(L, 1);
        }
    } else if (atype != LUA_TNIL) {
        report(ld, field_pos(file, node, "authors", pos), "type",
               "authors must be a list of names");
    }
    lua_pop(L, 1);
}

static void convert_scenario(struct loader *ld)
{
    lua_State *L = ld->L;
    struct scenario *sc = ld->sc;
    const struct registration *reg = &ld->regs[ld->scenario_reg];
    uint16_t file = reg->file;
    struct srcpos pos = make_pos(file, reg->line, 0);
    const struct srcnode *node = srcmap_call(file_map(ld, file), "scenario", reg->line, NULL);
    sc->pos = node ? make_pos(file, node->line, node->col) : pos;
    lua_rawgeti(L, LUA_REGISTRYINDEX, reg->ref);
    int t = lua_gettop(L);
    check_keys(ld, t, scenario_keys, 0, "scenario { }", file, node, pos, false);

    sc->id = string_field(ld, t, "id", true, "the scenario", file, node, pos);
    if (sc->id) {
        bool ok = strlen(sc->id) > 0 && strlen(sc->id) <= LIMIT_ID_BYTES;
        for (const char *p = sc->id; *p && ok; p++)
            ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
        if (!ok)
            report(ld, field_pos(file, node, "id", pos), "bad-id",
                   "the scenario id '%s' must use lowercase letters, digits and '-'", sc->id);
    }
    sc->title = string_field(ld, t, "title", true, "the scenario", file, node, pos);
    sc->summary = string_field(ld, t, "summary", false, "the scenario", file, node, pos);
    sc->version = string_field(ld, t, "version", false, "the scenario", file, node, pos);
    sc->language = string_field(ld, t, "language", false, "the scenario", file, node, pos);
    number_field(ld, t, "minutes", &sc->minutes, "the scenario", file, node, pos);
    bool_field(ld, t, "duet", &sc->duet, "the scenario", file, node, pos);
    sc->settle = function_field(ld, t, "settle", "the scenario", file, node, pos);
    sc->fixed_order = fixed_order(ld, t, "the scenario", file, node, pos, false);
    if (!sc->summary)
        sc->summary = "";
    if (!sc->version)
        sc->version = "";
    if (!sc->language)
        sc->language = "en";

    convert_authors(ld, t, file, node, pos);

    convert_dimensions(ld, t, file, node, pos);
    convert_roles(ld, t, file, node, pos);
    convert_stats(ld, t, file, node, pos);
    convert_ratings(ld, t, file, node, pos);

    if (sc->duet && sc->nroles != 2)
        report(ld, field_pos(file, node, "duet", pos), "duet",
               "a duet scenario has exactly two roles (it has %d)", sc->nroles);

    /* flags = { ... } declares every flag; then unknown ones are errors. */
    if (get_raw(ld, t, "flags") != LUA_TNIL) {
        each_id(ld, lua_gettop(L), "flags", file, srcmap_field(node, "flags"),
                field_pos(file, node, "flags", pos), declare_flag, NULL);
        sc->declares_flags = true;
    }
    lua_pop(L, 1);

    /* best = { po = 40, pm = 38 }: the best weighted totals, declared. */
    for (int r = 0; r < LIMIT_ROLES; r++)
        sc->best[r] = (double)NAN;
    walk_number_table(ld, t, "best", file, node, pos, pos,
                      "best must be a table like { po = 40, pm = 38 }", best_entry, NULL);
    lua_pop(L, 1); /* the table */
}

/* ------------------------------------------------------- scenes */

static const char *const scene_keys[] = {
    KEY(TITLE), KEY(PHASE), KEY(TEXT), KEY(ON_ENTER), KEY(TIMER),   KEY(TIMEOUT),
    KEY(CHOICES), KEY(BY), KEY(CONFLICT), KEY(ORDER), KEY(DISCUSS), NULL,
};
static const char *const ending_keys[] = {
    KEY(TITLE), KEY(PHASE), KEY(TEXT), KEY(ON_ENTER), KEY(VERDICT), NULL,
};
static const char *const choice_keys[] = {
    KEY(NEXT), KEY(SCORE), KEY(EFFECTS), KEY(SET),    KEY(UNSET), KEY(REQUIRES), KEY(ROLE),
    KEY(WHEN), KEY(ONCE),  KEY(LOCKED),  KEY(ACT),    KEY(FEEDBACK), KEY(ID),    NULL,
};

static void add_flag(struct loader *ld, const char *id, struct srcpos pos, void *ctx)
{
    struct flag_list *fl = ctx;
    int f = scenario_flag(ld->sc, id);
    if (f < 0) {
        if (ld->sc->declares_flags) {
            char hint[256];
            report(ld, pos, "unknown-flag", "unknown flag '%s': it is not in the scenario's flags list%s", id,
                   suggest(id, ld->sc->flags, sizeof *ld->sc->flags, ld->sc->nflags, "flags", hint,
                           sizeof hint));
        }
        return; /* otherwise reported when collecting */
    }
    if (fl->count < LIMIT_FLAGS)
        fl->items[fl->count++] = (uint16_t)f;
}

static void collect_flag(struct loader *ld, const char *id, struct srcpos pos, void *ctx)
{
    (void)ctx;
    if (ld->sc->declares_flags)
        return; /* checked against the list in add_flag */
    declare_flag(ld, id, pos, NULL);
}

/* First pass over every choice: the flags that set, unset and requires name
 * are the scenario's flags (unless it declares them), so that texts may
 * refer to any of them. Returns how many choices the scenes list: the size
 * of the choices array, allocated once (it is the largest array of a
 * scenario; growing it by doubling kept two copies at the peak of loading). */
static uint32_t collect_flags(struct loader *ld)
{
    lua_State *L = ld->L;
    uint32_t choices = 0;
    for (int r = 0; r < ld->nregs; r++) {
        const struct registration *reg = &ld->regs[r];
        if (reg->kind != REG_SCENE || !reg->ref)
            continue;
        lua_rawgeti(L, LUA_REGISTRYINDEX, reg->ref);
        if (get_raw(ld, -1, KEY(CHOICES)) == LUA_TTABLE) {
            int list = lua_gettop(L);
            lua_Integer n = (lua_Integer)lua_rawlen(L, list);
            if (n <= LIMIT_CHOICES_PER_SCENE)
                choices += (uint32_t)n;
            for (lua_Integer i = 1; i <= n && i <= LIMIT_CHOICES_PER_SCENE; i++) {
                if (lua_rawgeti(L, list, i) == LUA_TTABLE) {
                    static const char *const lists[] = {KEY(SET), KEY(UNSET), KEY(REQUIRES)};
                    for (int k = 0; k < 3; k++) {
                        int type = get_raw(ld, -1, lists[k]);
                        if (type == LUA_TSTRING || type == LUA_TTABLE)
                            each_id(ld, lua_gettop(L), lists[k], reg->file, NULL,
                                    make_pos(reg->file, reg->line, 0), collect_flag, NULL);
                        lua_pop(L, 1);
                    }
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 2);
    }
    ld->sc->nstatic_flags = ld->sc->nflags;
    return choices;
}

/* The choices array, in the arena and on a cache line: a choice is five
 * lines, its menu fields in the first two. */
static struct choice *alloc_choices(struct scenario *sc, uint32_t n)
{
    uintptr_t at = (uintptr_t)arena_alloc(&sc->arena, sizeof(struct choice) * (n ? n : 1) + 63);
    return (struct choice *)((at + 63) & ~(uintptr_t)63);
}

static const uint16_t *freeze_flags(struct loader *ld, const struct flag_list *fl, uint16_t *n)
{
    *n = (uint16_t)fl->count;
    if (!fl->count)
        return NULL;
    uint16_t *out = arena_alloc(&ld->sc->arena, sizeof *out * (size_t)fl->count);
    memcpy(out, fl->items, sizeof *out * (size_t)fl->count);
    return out;
}

struct role_mask_ctx {
    uint32_t mask;
};

static void add_role(struct loader *ld, const char *id, struct srcpos pos, void *ctx)
{
    struct role_mask_ctx *rm = ctx;
    int r = scenario_role(ld->sc, id);
    if (r < 0) {
        char hint[256];
        report(ld, pos, "unknown-role", "unknown role '%s'%s", id,
               suggest(id, &ld->sc->roles[0].id, sizeof(struct role), ld->sc->nroles, "roles", hint,
                       sizeof hint));
        return;
    }
    rm->mask |= 1u << r;
}

/* A scene or ending id a field names; -1 (reported) when unknown. */
static int target(struct loader *ld, const char *id, struct srcpos pos, const char *what)
{
    int s = scenario_scene(ld->sc, id);
    if (s < 0) {
        char hint[128];
        report(ld, pos, "unknown-scene", "%s '%s' is not a scene or ending%s", what, id,
               suggest(id, ld->sc->nscenes ? &ld->sc->scenes[0].id : NULL, sizeof(struct scene),
                       ld->sc->nscenes, NULL, hint, sizeof hint));
    }
    return s;
}

static void score_entry(struct loader *ld, const char *k, struct srcpos kpos, void *ctx)
{
    lua_State *L = ld->L;
    struct choice *ch = ctx;
    int d = k ? scenario_dimension(ld->sc, k) : -1;
    if (d < 0) {
        char hint[256];
        if (k && scenario_stat(ld->sc, k) >= 0)
            report(ld, kpos, "unknown-dimension",
                   "'%s' is a stat, not a dimension: stats change in effects, not score", k);
        else
            report(ld, kpos, "unknown-dimension", "unknown dimension '%s' in score%s",
                   k ? k : "?", k ? suggest_dimension(ld->sc, k, hint, sizeof hint) : "");
    } else if (lua_type(L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1))) {
        report(ld, kpos, "type", "score.%s must be a finite number, not %s", k,
               not_finite_number(L, -1));
    } else if (number_in_range(ld, kpos, lua_tonumber(L, -1), "score.%s", k)) {
        ch->score[d] = lua_tonumber(L, -1);
        ch->scores = true;
    }
}

struct effects_ctx {
    struct effect effects[LIMIT_STATS];
    int ne;
};

static void effect_entry(struct loader *ld, const char *k, struct srcpos kpos, void *ctx)
{
    lua_State *L = ld->L;
    struct effects_ctx *ec = ctx;
    int st = k ? scenario_stat(ld->sc, k) : -1;
    if (st < 0) {
        char hint[256];
        if (k && scenario_dimension(ld->sc, k) >= 0)
            report(ld, kpos, "unknown-stat",
                   "'%s' is a dimension, not a stat: points go in score, not effects", k);
        else
            report(ld, kpos, "unknown-stat", "unknown stat '%s' in effects%s", k ? k : "?",
                   k ? suggest_stat(ld->sc, k, hint, sizeof hint) : "");
    } else if (lua_type(L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1))) {
        report(ld, kpos, "type", "effects.%s must be a finite number (a change, like -1), not %s",
               k, not_finite_number(L, -1));
    } else if (ec->ne < LIMIT_STATS &&
               number_in_range(ld, kpos, lua_tonumber(L, -1), "effects.%s", k)) {
        ec->effects[ec->ne].stat = (int16_t)st;
        ec->effects[ec->ne].delta = lua_tonumber(L, -1);
        ec->ne++;
    }
}

/* next: a scene id or a function. */
static void convert_next(struct loader *ld, int c, struct choice *ch, const char *what,
                         uint16_t file, const struct srcnode *node, struct srcpos pos)
{
    lua_State *L = ld->L;
    struct srcpos npos = field_pos(file, node, KEY(NEXT), pos);
    int ntype = get_raw(ld, c, KEY(NEXT));
    if (ntype == LUA_TSTRING)
        ch->next = target(ld, lua_tostring(L, -1), npos, "next");
    else if (ntype == LUA_TFUNCTION)
        ch->next_fn = make_callback(ld, lua_gettop(L), npos);
    else if (ntype == LUA_TNIL && srcmap_field(node, KEY(NEXT)) &&
             !srcmap_field(node, KEY(NEXT))->value_is_string)
        /* next = garage: Lua reads the bare word as a variable, which is nil. */
        report(ld, npos, "no-next",
               "%s has no next: next is written without quotes, which Lua reads as an empty "
               "variable; write the scene id in quotes, like next = \"garage\"", what);
    else if (ntype == LUA_TNIL)
        report(ld, pos, "no-next", "%s has no next: say which scene or ending it leads to", what);
    else
        report(ld, npos, "type", "next must be a scene id or a function(game), not a %s",
               type_name(L, -1));
    lua_pop(L, 1);
}

/* effects = { stat = delta }, kept in the order of the stats list. */
static void convert_effects(struct loader *ld, int c, struct choice *ch, uint16_t file,
                            const struct srcnode *node, struct srcpos pos)
{
    struct scenario *sc = ld->sc;
    struct effects_ctx ec = {.ne = 0};
    walk_number_table(ld, c, KEY(EFFECTS), file, node, pos,
                      field_pos(file, node, KEY(EFFECTS), pos),
                      "effects must be a table like { runway = -1 }", effect_entry, &ec);
    if (ec.ne) {
        struct effect *out = arena_alloc(&sc->arena, sizeof *out * (size_t)ec.ne);
        /* Keep the order of the stats list, not of the hash table. */
        int k = 0;
        for (int s = 0; s < sc->nstats; s++)
            for (int i = 0; i < ec.ne; i++)
                if (ec.effects[i].stat == s)
                    out[k++] = ec.effects[i];
        ch->effects = out;
        ch->neffects = (uint16_t)ec.ne;
    }
}

/* set, unset, requires (flags) and role (only offered to these roles). */
static void convert_conditions(struct loader *ld, int c, struct choice *ch, uint16_t file,
                               const struct srcnode *node, struct srcpos pos)
{
    lua_State *L = ld->L;
    struct flag_list *fl = &ld->flag_scratch;
    const char *lists[] = {KEY(SET), KEY(UNSET), KEY(REQUIRES)};
    for (int k = 0; k < 3; k++) {
        fl->count = 0;
        if (get_raw(ld, c, lists[k]) != LUA_TNIL)
            each_id(ld, lua_gettop(L), lists[k], file, srcmap_field(node, lists[k]),
                    field_pos(file, node, lists[k], pos), add_flag, fl);
        lua_pop(L, 1);
        if (k == 0)
            ch->set = freeze_flags(ld, fl, &ch->nset);
        else if (k == 1)
            ch->unset = freeze_flags(ld, fl, &ch->nunset);
        else
            ch->requires = freeze_flags(ld, fl, &ch->nrequires);
    }

    /* role: only offered to these roles */
    if (get_raw(ld, c, KEY(ROLE)) != LUA_TNIL) {
        struct role_mask_ctx rm = {0};
        each_id(ld, lua_gettop(L), KEY(ROLE), file, srcmap_field(node, KEY(ROLE)),
                field_pos(file, node, KEY(ROLE), pos), add_role, &rm);
        ch->role_mask = rm.mask ? rm.mask : ~0u;
    }
    lua_pop(L, 1);
}

/* id: stable across orders and edits; else the position, as a string. */
static void convert_choice_id(struct loader *ld, int c, struct choice *ch, int listed,
                              const char *what, uint16_t file, const struct srcnode *node,
                              struct srcpos pos)
{
    struct scenario *sc = ld->sc;
    const char *id = string_field(ld, c, KEY(ID), false, what, file, node, pos);
    if (id && !valid_id(id, strlen(id), false)) {
        report(ld, field_pos(file, node, KEY(ID), pos), "bad-id",
               "the id '%s' of %s must be 1 to %d letters, digits, '_' or '-'", id, what,
               LIMIT_ID_BYTES);
        id = NULL;
    }
    ch->id_given = id != NULL;
    if (!id) {
        char num[16];
        id = arena_strdup(&sc->arena, decimal(listed, num));
    }
    ch->id = id;
}

static void convert_choice(struct loader *ld, int c, int scene, int listed, uint16_t file,
                           const struct srcnode *node, struct srcpos pos)
{
    lua_State *L = ld->L;
    struct scenario *sc = ld->sc;
    if (ld->nchoices == ld->capchoices) {
        /* Not reached: collect_flags counted every choice a scene lists. */
        ld->capchoices = ld->capchoices ? ld->capchoices * 2 : 16;
        struct choice *grown = alloc_choices(sc, ld->capchoices);
        if (ld->nchoices)
            memcpy(grown, ld->choices, sizeof *grown * ld->nchoices);
        ld->choices = grown;
    }
    struct choice *ch = &ld->choices[ld->nchoices++];
    memset(ch, 0, sizeof *ch);
    ch->scene = scene;
    ch->pos = pos;
    ch->next = -1;
    ch->role_mask = ~0u;
    char what[160], num[16];
    JOIN(what, "choice ", decimal(listed, num), " of scene '", sc->scenes[scene].id, "'");
    check_keys(ld, c, choice_keys, 1, what, file, node, pos, true);

    /* The choice's text: its first item. */
    struct srcpos tpos = item_pos(file, node, 1, pos);
    if (lua_rawgeti(L, c, 1) == LUA_TNIL) {
        report(ld, pos, "missing", "%s has no text: write { \"What the player does\", next = ... }",
               what);
    } else {
        convert_text(ld, lua_gettop(L), false, false, "the text of ", what, file, srcmap_item(node, 1), tpos,
                     &ch->label);
    }
    lua_pop(L, 1);

    convert_next(ld, c, ch, what, file, node, pos);

    /* score = { dimension = points } */
    struct srcpos score_pos = field_pos(file, node, KEY(SCORE), pos);
    walk_number_table(ld, c, KEY(SCORE), file, node, pos, score_pos,
                      "score must be a table like { vision = 3 }", score_entry, ch);

    convert_effects(ld, c, ch, file, node, pos);

    convert_conditions(ld, c, ch, file, node, pos);

    ch->when = function_field(ld, c, KEY(WHEN), what, file, node, pos);
    ch->act = function_field(ld, c, KEY(ACT), what, file, node, pos);
    bool_field(ld, c, KEY(ONCE), &ch->once, what, file, node, pos);
    ch->locked = string_field(ld, c, KEY(LOCKED), false, what, file, node, pos);

    convert_choice_id(ld, c, ch, listed, what, file, node, pos);

    int ftype = get_raw(ld, c, KEY(FEEDBACK));
    if (ftype != LUA_TNIL) {
        ch->has_feedback = convert_text(ld, lua_gettop(L), false, true, "the feedback of ", what, file,
                                        srcmap_field(node, KEY(FEEDBACK)),
                                        field_pos(file, node, KEY(FEEDBACK), pos), &ch->feedback);
    }
    lua_pop(L, 1);
    forget_fields(ld);
}

/* A scene's choice ids are unique within it (an author's id may not take
 * another choice's position either); each choice gets its place in a
 * shuffle, and the scenario's index of ids gets them. */
static void index_choice_ids(struct loader *ld, struct scene *scene, uint16_t file,
                             const struct srcnode *list, struct srcpos cpos)
{
    struct scenario *sc = ld->sc;
    for (int i = 0; i < scene->nchoices; i++) {
        struct choice *ch = &ld->choices[scene->first_choice + (uint32_t)i];
        for (int k = 0; k < i; k++) {
            const struct choice *other = &ld->choices[scene->first_choice + (uint32_t)k];
            if (strcmp(other->id, ch->id) != 0)
                continue;
            const struct choice *named = ch->id_given ? ch : other;
            const struct srcnode *item = item_node(list, named == ch ? i + 1 : k + 1);
            report(ld, field_pos(file, item, KEY(ID), item_pos(file, list, i + 1, cpos)), "duplicate",
                   "choices %d and %d of scene '%s' have the same id '%s'%s: ids are unique within "
                   "a scene",
                   k + 1, i + 1, scene->id, ch->id,
                   ch->id_given && other->id_given ? "" : " (a choice without an id has its position as id)");
            break;
        }
        uint64_t h = hash_bytes(HASH_SEED, scene->id, strlen(scene->id) + 1);
        ch->order_key = hash_bytes(h, ch->id, strlen(ch->id));
        strmap_put(&sc->choice_id_index, ch->id, strlen(ch->id), (int)(scene->first_choice + (uint32_t)i));
    }
}

/* An ending's verdict: success, mixed or failure. */
static void convert_verdict(struct loader *ld, int t, struct scene *scene, const char *what,
                            uint16_t file, const struct srcnode *node, struct srcpos pos)
{
    const char *v = string_field(ld, t, KEY(VERDICT), true, what, file, node, pos);
    if (v) {
        if (strcmp(v, "success") == 0)
            scene->verdict = VERDICT_SUCCESS;
        else if (strcmp(v, "mixed") == 0)
            scene->verdict = VERDICT_MIXED;
        else if (strcmp(v, "failure") == 0)
            scene->verdict = VERDICT_FAILURE;
        else
            report(ld, field_pos(file, node, KEY(VERDICT), pos), "verdict",
                   "verdict must be \"success\", \"mixed\" or \"failure\", not \"%s\"", v);
    }
}

/* A duet scene's by (who decides) and conflict (where a disagreement goes). */
static void convert_by_conflict(struct loader *ld, int t, struct scene *scene, const char *what,
                                uint16_t file, const struct srcnode *node, struct srcpos pos)
{
    const char *by = string_field(ld, t, KEY(BY), false, what, file, node, pos);
    if (by) {
        if (strcmp(by, "both") == 0)
            scene->by = BY_BOTH;
        else if ((scene->by = scenario_role(ld->sc, by)) < 0) {
            scene->by = BY_ANYONE;
            report(ld, field_pos(file, node, KEY(BY), pos), "unknown-role",
                   "by = \"%s\" must name a role or be \"both\"", by);
        }
    }
    const char *conflict = string_field(ld, t, KEY(CONFLICT), false, what, file, node, pos);
    if (conflict)
        scene->conflict =
            target(ld, conflict, field_pos(file, node, KEY(CONFLICT), pos), "conflict");
}

/* The scene's choices = { ... } list, each converted in order. */
static void convert_choices(struct loader *ld, int t, int index, const char *what, uint16_t file,
                            const struct srcnode *node, struct srcpos pos)
{
    lua_State *L = ld->L;
    struct srcpos cpos = field_pos(file, node, KEY(CHOICES), pos);
    const struct srcnode *list = field_node(node, KEY(CHOICES));
    int ctype = get_raw(ld, t, KEY(CHOICES));
    if (ctype == LUA_TNIL) {
        /* A misspelt choices (choises = {) is reported as an unknown field
         * with its correction; "no choices" would send the author looking
         * for something else. */
        if (!has_near_key(L, t, KEY(CHOICES)))
            report(ld, pos, "no-choices",
                   "%s has no choices: give it choices = { ... }, or make it an ending", what);
    } else if (ctype != LUA_TTABLE) {
        report(ld, cpos, "type", "choices must be a list of choices");
    } else {
        int cl = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, cl);
        if (n <= LIMIT_CHOICES_PER_SCENE)
            check_keys(ld, cl, (const char *const[]){NULL}, (int)n, "the choices list", file, list,
                       cpos, false);
        if (n == 0) {
            report(ld, cpos, "no-choices", "%s has an empty choices list", what);
        } else if (n > LIMIT_CHOICES_PER_SCENE) {
            report(ld, cpos, "too-many-choices", "%s has %lld choices; the limit is %d", what,
                   (long long)n, LIMIT_CHOICES_PER_SCENE);
        } else {
            for (lua_Integer i = 1; i <= n; i++) {
                struct srcpos ipos = item_pos(file, list, (int)i, cpos);
                if (lua_rawgeti(L, cl, i) != LUA_TTABLE) {
                    report(ld, ipos, "type",
                           "choice %lld of %s must be a table { \"text\", next = ... }",
                           (long long)i, what);
                } else {
                    convert_choice(ld, lua_gettop(L), index, (int)i, file, item_node(list, (int)i),
                                   ipos);
                }
                lua_pop(L, 1);
            }
        }
    }
    lua_pop(L, 1);
}

/* What scenes and endings share: title, phase, on_enter and text. */
static void convert_scene_common(struct loader *ld, int t, struct scene *scene, const char *what,
                                 uint16_t file, const struct srcnode *node, struct srcpos pos)
{
    lua_State *L = ld->L;
    scene->title = string_field(ld, t, KEY(TITLE), false, what, file, node, pos);
    scene->phase = string_field(ld, t, KEY(PHASE), false, what, file, node, pos);
    if (!scene->title)
        scene->title = "";
    if (!scene->phase)
        scene->phase = "";
    scene->on_enter = function_field(ld, t, KEY(ON_ENTER), what, file, node, pos);
    scene->conflict = -1;
    scene->by = BY_ANYONE;

    if (get_raw(ld, t, KEY(TEXT)) != LUA_TNIL) {
        convert_text(ld, lua_gettop(L), true, true, "the text of ", what, file, srcmap_field(node, KEY(TEXT)),
                     field_pos(file, node, KEY(TEXT), pos), &scene->text);
    } else {
        scene->text.chars = "";
        scene->text.pos = pos;
    }
    lua_pop(L, 1);
}

/* timer = seconds and timeout = a choice number; the timeout is checked
 * against the choices once they are converted (see convert_scene). */
struct scene_timer {
    double timer, timeout;
    bool has_timer, has_timeout;
};

static void convert_timer(struct loader *ld, int t, struct scene *scene, struct scene_timer *tm,
                          const char *what, uint16_t file, const struct srcnode *node,
                          struct srcpos pos)
{
    tm->has_timer = number_field(ld, t, KEY(TIMER), &tm->timer, what, file, node, pos);
    tm->has_timeout = number_field(ld, t, KEY(TIMEOUT), &tm->timeout, what, file, node, pos);
    if (tm->has_timer && (tm->timer != floor(tm->timer) || tm->timer < 1 || tm->timer > 3600))
        report(ld, field_pos(file, node, KEY(TIMER), pos), "timer",
               "timer must be a whole number of seconds from 1 to 3600");
    else if (tm->has_timer)
        scene->timer = (int)tm->timer;
    if (tm->has_timeout && !tm->has_timer)
        report(ld, field_pos(file, node, KEY(TIMEOUT), pos), "timer",
               "timeout needs a timer: timer = seconds, timeout = choice number");
}

static void check_timeout(struct loader *ld, struct scene *scene, const struct scene_timer *tm,
                          uint16_t file, const struct srcnode *node, struct srcpos pos)
{
    if (!tm->has_timeout || !tm->has_timer)
        return;
    if (tm->timeout != floor(tm->timeout) || tm->timeout < 1 || tm->timeout > scene->nchoices)
        report(ld, field_pos(file, node, KEY(TIMEOUT), pos), "timer",
               "timeout must be the number of one of the scene's %d choices", scene->nchoices);
    else
        scene->timeout = (int)tm->timeout;
}

static void convert_scene(struct loader *ld, int index, const struct registration *reg)
{
    lua_State *L = ld->L;
    struct scenario *sc = ld->sc;
    struct scene *scene = &sc->scenes[index];
    uint16_t file = reg->file;
    struct srcpos pos = make_pos(file, reg->line, 0);
    bool ending = reg->kind == REG_ENDING;
    const struct srcnode *node =
        srcmap_call(file_map(ld, file), reg_kind_name(reg->kind), reg->line, reg->id);
    scene->pos.col = srcmap_call_col(file_map(ld, file), reg_kind_name(reg->kind), reg->line, reg->id);
    lua_rawgeti(L, LUA_REGISTRYINDEX, reg->ref);
    int t = lua_gettop(L);
    char what[128];
    JOIN(what, ending ? "ending" : "scene", " '", reg->id, "'");
    check_keys(ld, t, ending ? ending_keys : scene_keys, 0, what, file, node, pos, true);
    convert_scene_common(ld, t, scene, what, file, node, pos);
    scene->is_ending = ending;

    if (ending) {
        convert_verdict(ld, t, scene, what, file, node, pos);
        scene->first_choice = ld->nchoices;
        forget_fields(ld);
        lua_pop(L, 1);
        return;
    }

    struct scene_timer tm = {0};
    convert_timer(ld, t, scene, &tm, what, file, node, pos);
    convert_by_conflict(ld, t, scene, what, file, node, pos);

    /* choices */
    scene->first_choice = ld->nchoices;
    struct srcpos cpos = field_pos(file, node, KEY(CHOICES), pos);
    const struct srcnode *list = field_node(node, KEY(CHOICES));
    convert_choices(ld, t, index, what, file, node, pos);
    scene->nchoices = (uint16_t)(ld->nchoices - scene->first_choice);
    index_choice_ids(ld, scene, file, list, cpos);
    scene->fixed_order = fixed_order(ld, t, what, file, node, pos, sc->fixed_order);
    if (get_raw(ld, t, KEY(DISCUSS)) != LUA_TNIL) {
        scene->has_discuss = convert_text(ld, lua_gettop(L), false, false, "the discuss question of ",
                                          what, file,
                                          srcmap_field(node, KEY(DISCUSS)),
                                          field_pos(file, node, KEY(DISCUSS), pos), &scene->discuss);
    }
    lua_pop(L, 1);
    check_timeout(ld, scene, &tm, file, node, pos);
    forget_fields(ld);
    lua_pop(L, 1);
}

static void check_causes(struct loader *ld);

/* A scene's table is not read again once the scene is converted: let it
 * go, and every SCENES_PER_COLLECT scenes collect the tables let go and
 * give their pages back, so that the peak of loading is not every table
 * and every structure made from them together. Each full collection marks
 * what is left. Lua's small blocks are in slab chunks, the callbacks'
 * closures in chunks of their own (objpool.h): the chunks the tables leave
 * go back whole (give_back_free_pages). The memory budget
 * is 48 MiB for the large story (docs/performance.md). Rounds 8 and 9
 * collected after 1024 and 2048 scenes, then every 2048, because every
 * 4096 peaked at 52.6 MiB then; since the window and the host are modules
 * (round 10), the process no longer maps SDL's and GnuTLS's libraries, and
 * every 4096 peaks at 43.6 MiB (1024 then 2048: 37.9 MiB) for 11 to 14 %
 * less CPU of play to its first prompt (Release, 8 alternating runs). */
enum { SCENES_PER_COLLECT = 4096 };

/* Whether to collect (and trim) after this many scenes converted. */
static bool collect_now(int converted)
{
    return converted % SCENES_PER_COLLECT == 0;
}

/* Gives the pages of the free memory back: the Lua state's wholly free
 * slab chunks (its blocks up to OBJPOOL_MAX bytes, objpool.h), and the
 * pages of malloc's free chunks, which hold Lua's larger blocks and the
 * engine's own (only an explicit trim returns those: they are seldom at
 * the heap's top; glibc only, elsewhere the peak is higher). */
static void give_back_free_pages(struct sandbox *sb)
{
    objpool_trim(&sb->pool);
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static void release_table(struct loader *ld, struct registration *reg, int converted)
{
    luaL_unref(ld->L, LUA_REGISTRYINDEX, reg->ref);
    reg->ref = 0;
    /* The last scene's collection is free_loader's. */
    if (collect_now(converted) && converted < ld->sc->nscenes) {
        lua_gc(ld->L, LUA_GCCOLLECT);
        give_back_free_pages(ld->script->sb);
    }
}

static void convert_all(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    lua_State *L = ld->L;
    if (ld->scenario_reg < 0) {
        report(ld, make_pos(0, 1, 0), "no-scenario",
               "no scenario { } found: the entry file must call scenario { id = ..., title = ..., "
               "start = ... }");
        return;
    }
    convert_scenario(ld);

    /* Index scenes and endings. */
    int nscenes = 0;
    for (int r = 0; r < ld->nregs; r++)
        if (ld->regs[r].kind != REG_SCENARIO)
            nscenes++;
    sc->scenes = arena_alloc(&sc->arena, sizeof *sc->scenes * (size_t)(nscenes ? nscenes : 1));
    int *reg_of = xcalloc((size_t)(nscenes ? nscenes : 1), sizeof *reg_of);
    for (int r = 0; r < ld->nregs; r++) {
        const struct registration *reg = &ld->regs[r];
        if (reg->kind == REG_SCENARIO)
            continue;
        struct srcpos pos = make_pos(reg->file, reg->line, 0);
        const char *kind = reg_kind_name(reg->kind);
        if (!reg->ref) {
            report(ld, pos, "no-body", "%s \"%s\" has no table: write %s \"%s\" { ... }", kind,
                   reg->id, kind, reg->id);
            continue;
        }
        if (!valid_id(reg->id, strlen(reg->id), false)) {
            report(ld, pos, "bad-id", "%s id '%s' must be 1 to %d letters, digits, '_' or '-'", kind,
                   reg->id, LIMIT_ID_BYTES);
            continue;
        }
        int existing = scenario_scene(sc, reg->id);
        if (existing >= 0) {
            const struct scene *first = &sc->scenes[existing];
            report(ld, pos, "duplicate", "duplicate id '%s': a scene or ending with this id is at %s:%u",
                   reg->id, scenario_file(sc, first->pos), first->pos.line);
            continue;
        }
        struct scene *s = &sc->scenes[sc->nscenes];
        s->id = reg->id;
        s->pos = pos; /* its column: in convert_scene, with the file's map */
        s->is_ending = reg->kind == REG_ENDING;
        strmap_put(&sc->scene_index, s->id, strlen(s->id), sc->nscenes);
        reg_of[sc->nscenes++] = r;
    }

    ld->capchoices = collect_flags(ld);
    ld->choices = alloc_choices(sc, ld->capchoices);
    for (int i = 0; i < sc->nscenes; i++) {
        convert_scene(ld, i, &ld->regs[reg_of[i]]);
        release_table(ld, &ld->regs[reg_of[i]], i + 1);
    }
    free(reg_of);
    sc->choices = ld->choices;
    sc->nchoices = ld->nchoices;
    check_causes(ld);

    /* start */
    const struct registration *reg = &ld->regs[ld->scenario_reg];
    const struct srcnode *node = srcmap_call(file_map(ld, reg->file), "scenario", reg->line, NULL);
    struct srcpos pos = make_pos(reg->file, reg->line, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, reg->ref);
    const char *start = string_field(ld, lua_gettop(L), "start", true, "the scenario", reg->file,
                                     node, pos);
    lua_pop(L, 1);
    sc->start = -1;
    if (start) {
        sc->start = target(ld, start, field_pos(reg->file, node, "start", pos), "start");
        if (sc->start >= 0 && sc->scenes[sc->start].is_ending)
            report(ld, field_pos(reg->file, node, "start", pos), "start",
                   "start '%s' is an ending: start must be a scene with choices", start);
    }
}

/* Each game.cause("id") literal must name a choice of some scene or a
 * flag (listed, or set by code): otherwise the consequence it records
 * could never be found, and the call fails when it runs. */
static void check_causes(struct loader *ld)
{
    struct scenario *sc = ld->sc;
    for (int i = 0; i < ld->ncode_names; i++) {
        const struct code_name *n = &ld->code_names[i];
        if (n->kind == SRCNAME_FLAG_SET && valid_id(n->id, strlen(n->id), false) &&
            strmap_get(&sc->code_flag_index, n->id, strlen(n->id)) < 0)
            strmap_put(&sc->code_flag_index, arena_strdup(&sc->arena, n->id), strlen(n->id), 0);
    }
    for (int i = 0; i < ld->ncode_names; i++) {
        const struct code_name *n = &ld->code_names[i];
        if (n->kind != SRCNAME_CAUSE)
            continue;
        if (scenario_has_choice_id(sc, n->id) || scenario_flag(sc, n->id) >= 0)
            continue;
        if (strmap_get(&sc->code_flag_index, n->id, strlen(n->id)) >= 0)
            continue; /* a flag the code sets */
        const char *near = nearest_name(n->id, sc->nflags ? sc->flags : NULL, sizeof *sc->flags,
                                        sc->nflags);
        if (!near && ld->nchoices)
            near = nearest_name(n->id, &ld->choices[0].id, sizeof(struct choice), (int)ld->nchoices);
        char hint[LIMIT_ID_BYTES + 32] = "";
        if (near)
            str_format(hint, sizeof hint, " (did you mean '%s'?)", near);
        report(ld, n->pos, "unknown-cause",
               "game.cause(\"%s\") names no choice id or flag of the scenario%s", n->id, hint);
    }
}

/* --------------------------------------------------------- entry */

struct load_job {
    struct loader *ld;
    const char *entry;
    bool ran;
};

static int load_entry(lua_State *L)
{
    struct load_job *job = lua_touserdata(L, 1);
    open_source(job->ld, job->entry);
    return 1; /* the chunk */
}

static int convert_protected(lua_State *L)
{
    struct loader *ld = lua_touserdata(L, 1);
    push_keys(ld);
    convert_all(ld);
    return 0;
}

static bool split_path(const char *path, char *folder, size_t fcap, char *entry, size_t ecap,
                       struct diag_list *diags)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "file", "no such scenario folder or file");
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        str_copy(folder, fcap, path);
        size_t n = strlen(folder);
        while (n > 1 && folder[n - 1] == '/')
            folder[--n] = '\0';
        str_copy(entry, ecap, "main.lua");
        return true;
    }
    const char *slash = strrchr(path, '/');
    if (slash) {
        size_t n = (size_t)(slash - path);
        if (n == 0)
            n = 1;
        if (n >= fcap)
            n = fcap - 1;
        memcpy(folder, path, n);
        folder[n] = '\0';
        str_copy(entry, ecap, slash + 1);
    } else {
        str_copy(folder, fcap, ".");
        str_copy(entry, ecap, path);
    }
    size_t el = strlen(entry);
    if (el < 5 || strcmp(entry + el - 4, ".lua") != 0) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "file",
                 "a scenario is a folder or a .lua file");
        return false;
    }
    if (el > LIMIT_INCLUDE_PATH_BYTES) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "file", "the file name is longer than %d bytes",
                 LIMIT_INCLUDE_PATH_BYTES);
        return false;
    }
    return true;
}

/* A scenario with its sandbox, not yet loaded; NULL (said) when Lua
 * cannot start. */
static struct scenario *new_scenario(const char *path, const char *folder,
                                     const struct script_limits *limits, struct diag_list *diags)
{
    struct scenario *sc = xcalloc(1, sizeof *sc);
    arena_init(&sc->arena);
    sc->folder = arena_strdup(&sc->arena, folder);
    sc->hash = HASH_SEED;
    sc->start = -1;
    sc->flags = arena_alloc(&sc->arena, sizeof *sc->flags * LIMIT_FLAGS);
    for (int r = 0; r < LIMIT_ROLES; r++)
        sc->best[r] = (double)NAN;

    struct script *script = xcalloc(1, sizeof *script);
    script->sb = sandbox_new(limits);
    if (!script->sb) {
        free(script);
        free(sc);
        diag_add(diags, DIAG_ERROR, path, 0, 0, "engine", "cannot start Lua");
        return NULL;
    }
    script->sb->owner = script;
    script->sb->resolve = resolve_chunk;
    script->sb->resolve_ctx = sc;
    script->sc = sc;
    sc->script = script;
    return sc;
}

static struct loader *new_loader(struct scenario *sc, struct diag_list *diags)
{
    struct script *script = sc->script;
    struct loader *ld = xcalloc(1, sizeof *ld);
    ld->sc = sc;
    ld->script = script;
    ld->L = script->sb->L;
    ld->diags = diags;
    ld->scenario_reg = -1;
    for (size_t i = 0; i < COUNT_OF(ld->map_slots); i++) {
        ld->map_slots[i].file = -1;
        arena_init(&ld->map_slots[i].arena);
    }
    text_builder_init(&ld->tb);
    script->loader = ld;
    return ld;
}

/* Runs the entry file (and its includes) and converts what it registered;
 * what goes wrong is in diags. */
static void run_and_convert(struct loader *ld, const char *path, const char *folder,
                            const char *entry, int errors_before)
{
    struct diag_list *diags = ld->diags;
    struct script *script = ld->script;
    if (!realpath(folder, ld->folder_real)) {
        diag_add(diags, DIAG_ERROR, folder, 0, 0, "file", "cannot open the scenario folder: %s",
                 strerror(errno));
        return;
    }

    /* Lua's collector stays stopped while the files run and their tables
     * are converted (free_loader restarts it): nearly all they make lives
     * until converted, and each of its cycles would mark it all again for
     * little (large story: 44 M instructions of the 1,013 M of play to the
     * first prompt, for 4 MiB more at the peak, the dead main chunks of
     * the files, kept until the first collection of release_table;
     * docs/performance.md, round 11). The loader's own collections still
     * run, and so does the sandbox's at the memory limit (the hook's) and
     * Lua's when an allocation fails. */
    lua_gc(ld->L, LUA_GCSTOP);
    struct diag err;
    if (!sandbox_cpcall(script->sb, run_entry, ld, &err)) {
        diag_copy(diags, &err);
        return;
    }
    /* Open and run the entry; includes run inside this call. */
    struct load_job job = {ld, entry, false};
    lua_State *L = ld->L;
    lua_pushcfunction(L, load_entry);
    lua_pushlightuserdata(L, &job);
    int status = lua_pcall(L, 1, 1, 0);
    if (status != LUA_OK) {
        if (diags->errors == errors_before) {
            const char *msg = lua_tostring(L, -1);
            diag_add(diags, DIAG_ERROR, path, 0, 0, "file", "%s", msg ? msg : "cannot load");
        }
        lua_pop(L, 1);
        return;
    }
    if (!sandbox_call(script->sb, 0, 0, true, NULL, &err)) {
        if (diags->errors == errors_before)
            diag_copy(diags, &err);
        return;
    }
    bool converted = sandbox_cpcall(script->sb, convert_protected, ld, &err);
    ld->key_base = 0; /* the keys left the stack with the call */
    if (!converted) {
        diag_copy(diags, &err);
        return;
    }
    if (diags->errors == errors_before) {
        if (!sandbox_cpcall(script->sb, remove_api, NULL, &err))
            diag_copy(diags, &err);
        sandbox_freeze_env(script->sb);
        if (!sandbox_cpcall(script->sb, script_make_game_object, NULL, &err))
            diag_copy(diags, &err);
    }
}

static void free_loader(struct loader *ld, bool loaded)
{
    ld->script->loader = NULL;
    if (loaded) {
        /* The tables passed to scenario, scene and ending are converted:
         * let them go, and collect them now rather than carry them through
         * the game (large story: Lua's heap after loading, 23.9 MB before,
         * 1.5 MB after). The peak of loading is before this point. */
        for (int r = 0; r < ld->nregs; r++)
            if (ld->regs[r].ref)
                luaL_unref(ld->L, LUA_REGISTRYINDEX, ld->regs[r].ref);
        lua_gc(ld->L, LUA_GCCOLLECT);
    }
    lua_gc(ld->L, LUA_GCRESTART);
    text_builder_free(&ld->tb);
    free(ld->regs);
    free(ld->code_names);
    /* Only a scenario large enough to have collected while converting has
     * pages worth a trim: a small one (every bundled scenario, loaded once
     * per team by the host and again by each best search) skips its cost. */
    bool large = ld->sc->nscenes >= SCENES_PER_COLLECT;
    struct sandbox *sb = ld->script->sb;
    for (size_t i = 0; i < COUNT_OF(ld->map_slots); i++)
        arena_free(&ld->map_slots[i].arena);
    free(ld);
    if (large)
        give_back_free_pages(sb);
}

/* The prefetch hints of every scene (struct scene), once every callback's
 * function is known. */
static void set_prefetch_hints(struct scenario *sc)
{
    for (int i = 0; i < sc->nscenes; i++) {
        struct scene *s = &sc->scenes[i];
        const struct text_template *t = &s->text;
        s->text_bytes = t->plain ? t->plain : t->npieces > 0 ? t->pieces[t->npieces - 1].start + 1 : 0;
        for (int k = 0; k < s->nchoices && k < SCENE_WHEN_HINTS; k++) {
            struct callback when = sc->choices[s->first_choice + (uint32_t)k].when;
            if (when.ref > 0 && when.ref < sc->ncallback_fn)
                s->when_fn[k] = sc->callback_fn[when.ref];
        }
    }
}

/* Each choice's points weighted for each role (scenario.choice_values),
 * summed in the order game.c's weighted_score sums them, for the same
 * doubles. */
static void set_choice_values(struct scenario *sc)
{
    size_t n = (size_t)sc->nroles * sc->nchoices;
    double *v = arena_alloc(&sc->arena, sizeof *v * (n ? n : 1));
    for (int r = 0; r < sc->nroles; r++)
        for (uint32_t c = 0; c < sc->nchoices; c++) {
            double total = 0;
            for (int d = 0; d < sc->ndimensions; d++)
                total += sc->choices[c].score[d] * sc->roles[r].weights[d];
            v[(size_t)r * sc->nchoices + c] = total;
        }
    sc->choice_values = v;
}

/* One load; lines_only as for scenario_load_lines. *again is set when a
 * load without the source map must be done again with it. */
static struct scenario *load(const char *path, const struct script_limits *limits,
                             struct diag_list *diags, bool lines_only, bool *again)
{
    /* A path that is no scenario, or a Lua that cannot start, says so
     * without any source map: once. */
    *again = false;
    char folder[PATH_MAX], entry[PATH_MAX];
    if (!split_path(path, folder, sizeof folder, entry, sizeof entry, diags))
        return NULL;
    struct scenario *sc = new_scenario(path, folder, limits, diags);
    if (!sc)
        return NULL;
    struct loader *ld = new_loader(sc, diags);
    ld->lines_only = lines_only;
    int errors_before = diags->errors;
    int first_diag = diags->count;
    run_and_convert(ld, path, folder, entry, errors_before);
    /* Without the map every message would point at its call's line. */
    *again = lines_only && (diags->count > first_diag || ld->positions_wanted);
    if (!*again)
        root_causes_first(diags, first_diag);
    bool ok = diags->errors == errors_before && !*again;
    free_loader(ld, ok);
    if (!ok) {
        scenario_free(sc);
        return NULL;
    }
    set_prefetch_hints(sc);
    set_choice_values(sc);
    scenario_live_new(sc);
    return sc;
}

struct scenario *scenario_load(const char *path, const struct script_limits *limits,
                               struct diag_list *diags)
{
    bool again;
    return load(path, limits, diags, false, &again);
}

struct scenario *scenario_load_lines(const char *path, const struct script_limits *limits,
                                     struct diag_list *diags)
{
    struct diag_list before = *diags;
    bool again;
    struct scenario *sc = load(path, limits, diags, true, &again);
    if (!again)
        return sc;
    /* Something to say: said again, with the positions the map gives. */
    diags->count = before.count;
    diags->errors = before.errors;
    diags->warnings = before.warnings;
    diags->dropped = before.dropped;
    return load(path, limits, diags, false, &again);
}

void scenario_free(struct scenario *sc)
{
    if (!sc)
        return;
    script_free(sc->script);
    scenario_live_free(sc);
    strmap_free(&sc->scene_index);
    strmap_free(&sc->stat_index);
    strmap_free(&sc->dimension_index);
    strmap_free(&sc->role_index);
    strmap_free(&sc->choice_id_index);
    strmap_free(&sc->code_flag_index);
    strmap_free(&sc->flag_index);
    arena_free(&sc->arena);
    free(sc->callback_fn);
    free(sc);
}
