#include "condition.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "../util.h"

/* A Lua 5.4 dump: signature, version, format, 6 check bytes, 3 sizes, a
 * check integer and number (31 bytes), then the function's upvalue count. */
enum { DUMP_HEADER = 32, CODE_LEN = 8, B_SHIFT = 16 };
_Static_assert(DUMP_HEADER == sizeof ((struct conditions *)0)->header, "the header kept is a dump's");
#define B_MASK (0xffu << B_SHIFT)

static int to_strbuf(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    sb_append(ud, p, n);
    return 0;
}

/* More than a simple condition's dump can hold: the header, a few sizes,
 * 8 instructions and the constants "stats" and a stat's id (under 130
 * bytes with an id of 40 bytes, Lua's longest short string; a longer id is
 * dumped as a long string, which read_shape does not take). */
enum { SIMPLE_DUMP_MAX = 256 };
_Static_assert(SIMPLE_DUMP_MAX >= DUMP_HEADER + 4 * CODE_LEN + LIMIT_ID_BYTES + 64, "room for a simple dump");

/* A callback's dump, kept only while it may be a simple condition's: a
 * longer one stops there (lua_dump calls the writer no more). Costs a
 * copy a piece where a strbuf cost an append and two reallocations a dump
 * (lua_dump calls the writer about 17 times for a condition; explore
 * --jobs looks at every `when` of a large story before forking). */
struct bounded_dump {
    size_t len;
    bool over;
    char data[SIMPLE_DUMP_MAX];
};

static int to_bounded(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    struct bounded_dump *d = ud;
    if (n > sizeof d->data - d->len) {
        d->over = true;
        return 1;
    }
    memcpy(d->data + d->len, p, n);
    d->len += n;
    return 0;
}

/* Reads a dump as ldump.c writes it; bad once past the end. */
struct reader {
    const unsigned char *p, *end;
    bool bad;
};

static unsigned read_byte(struct reader *r)
{
    if (r->p >= r->end) {
        r->bad = true;
        return 0;
    }
    return *r->p++;
}

static size_t read_size(struct reader *r)
{
    size_t x = 0;
    unsigned b;
    int n = 0;
    do {
        b = read_byte(r);
        if (++n > 9)
            r->bad = true;
        x = (x << 7) | (b & 0x7f);
    } while (!(b & 0x80) && !r->bad);
    return x;
}

/* What a dump of a one-parameter function with 8 instructions and two
 * string constants holds; false for any other function. */
struct shape {
    uint32_t code[CODE_LEN];
    const char *k[2];
    size_t klen[2];
};

static bool read_shape(const struct conditions *c, const char *dump, size_t n, struct shape *s)
{
    if (n < c->header_len || memcmp(dump, c->header, c->header_len) != 0)
        return false;
    struct reader r = {(const unsigned char *)dump + c->header_len, (const unsigned char *)dump + n, false};
    if (read_size(&r) != 0) /* the source, stripped */
        return false;
    read_size(&r); /* the lines it was defined on */
    read_size(&r);
    if (read_byte(&r) != 1 || read_byte(&r) != 0) /* one parameter, no ... */
        return false;
    read_byte(&r); /* its stack */
    if (read_size(&r) != CODE_LEN || r.bad || (size_t)(r.end - r.p) < sizeof s->code)
        return false;
    memcpy(s->code, r.p, sizeof s->code);
    r.p += sizeof s->code;
    if (read_size(&r) != 2)
        return false;
    for (int k = 0; k < 2; k++) {
        if (read_byte(&r) != c->string_tag) /* a string, as the probes' */
            return false;
        size_t len = read_size(&r);
        if (r.bad || len == 0 || (size_t)(r.end - r.p) < len - 1)
            return false;
        s->k[k] = (const char *)r.p;
        s->klen[k] = len - 1;
        r.p += len - 1;
    }
    return read_size(&r) == 0 && read_size(&r) == 0 && !r.bad; /* no upvalue, no function */
}

/* Dumps the function on top of L (stripped) into out. */
static void dump_top(lua_State *L, struct strbuf *out)
{
    sb_clear(out);
    lua_dump(L, to_strbuf, out, 1);
}

/* Compiles and dumps `function(game) return game.stats.x OP NUMBER end`. */
static bool probe(lua_State *L, const char *op, int number, struct strbuf *out)
{
    char src[96];
    str_format(src, sizeof src, "return function(game) return game.stats.x %s %d end", op, number);
    if (luaL_loadbufferx(L, src, strlen(src), "=probe", "t") != LUA_OK) {
        lua_pop(L, 1);
        return false;
    }
    if (lua_pcall(L, 0, 1, 0) != LUA_OK || !lua_isfunction(L, -1)) {
        lua_pop(L, 1);
        return false;
    }
    dump_top(L, out);
    lua_pop(L, 1);
    return true;
}

/* Learns the shape from this library's own bytecode; usable stays false
 * when anything is not as a Lua 5.4 dump of it must be. */
static void learn(lua_State *L, struct conditions *c)
{
    static const char *const ops[COND_OPS] = {"<", "<=", ">", ">=", "=="};
    c->probed = true;
    struct strbuf d;
    sb_init(&d);
    bool ok = probe(L, ops[0], 1, &d) && d.len > DUMP_HEADER + 2 && memcmp(d.data, LUA_SIGNATURE, 4) == 0 &&
              (unsigned char)d.data[4] == 0x54;
    if (ok) {
        /* The header, and the tags of the two string constants, found by
         * reading the first probe with a header of its own. */
        c->header_len = DUMP_HEADER;
        memcpy(c->header, d.data, sizeof c->header);
        struct reader r = {(const unsigned char *)d.data + DUMP_HEADER, (const unsigned char *)d.data + d.len,
                           false};
        read_size(&r), read_size(&r), read_size(&r);
        read_byte(&r), read_byte(&r), read_byte(&r);
        ok = read_size(&r) == CODE_LEN && (size_t)(r.end - r.p) > 4 * CODE_LEN + 2;
        if (ok) {
            r.p += 4 * CODE_LEN;
            ok = read_size(&r) == 2;
            c->string_tag = (unsigned char)read_byte(&r);
        }
    }
    int b1 = -1;
    for (int op = 0; ok && op < COND_OPS; op++) {
        struct shape s;
        ok = probe(L, ops[op], 1, &d) && read_shape(c, d.data, d.len, &s) && s.klen[0] == 5 &&
             memcmp(s.k[0], "stats", 5) == 0 && s.klen[1] == 1 && s.k[1][0] == 'x';
        if (!ok)
            break;
        int b = (int)((s.code[2] & B_MASK) >> B_SHIFT);
        if (op == 0) {
            memcpy(c->base, s.code, sizeof c->base);
            b1 = b;
        }
        ok = b == b1 && memcmp(s.code, c->base, 2 * sizeof *s.code) == 0 &&
             memcmp(s.code + 3, c->base + 3, (CODE_LEN - 3) * sizeof *s.code) == 0;
        c->compare[op] = s.code[2] & ~B_MASK;
        for (int o = 0; ok && o < op; o++)
            ok = c->compare[o] != c->compare[op];
    }
    /* The number's place and bias, checked with another number. */
    struct shape s;
    ok = ok && probe(L, ">=", -3, &d) && read_shape(c, d.data, d.len, &s) &&
         (s.code[2] & ~B_MASK) == c->compare[COND_GE] && (int)((s.code[2] & B_MASK) >> B_SHIFT) == b1 - 4;
    c->number_offset = b1 - 1;
    c->usable = ok;
    sb_free(&d);
}

/* Looks at the function of ref: simple or not. */
static void look_at(lua_State *L, struct conditions *c, int ref, const struct scenario *sc, struct condition *k)
{
    k->known = CONDITION_KNOWN;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    struct bounded_dump d; /* its data is not cleared: only len bytes are read */
    d.len = 0;
    d.over = false;
    struct shape s;
    if (lua_type(L, -1) == LUA_TFUNCTION && !lua_iscfunction(L, -1)) {
        lua_dump(L, to_bounded, &d, 1);
        if (!d.over && read_shape(c, d.data, d.len, &s) && s.klen[0] == 5 && memcmp(s.k[0], "stats", 5) == 0 &&
            memcmp(s.code, c->base, 2 * sizeof *s.code) == 0 &&
            memcmp(s.code + 3, c->base + 3, (CODE_LEN - 3) * sizeof *s.code) == 0) {
            int stat = strmap_get(&sc->stat_index, s.k[1], s.klen[1]);
            for (int op = 0; stat >= 0 && op < COND_OPS; op++)
                if ((s.code[2] & ~B_MASK) == c->compare[op]) {
                    k->known = (uint8_t)(CONDITION_KNOWN | CONDITION_SIMPLE | op << CONDITION_OP_SHIFT);
                    k->stat = (uint8_t)stat;
                    k->value = (int16_t)((int)((s.code[2] & B_MASK) >> B_SHIFT) - c->number_offset);
                }
        }
    }
    lua_pop(L, 1);
}

const struct condition *condition_of(lua_State *L, struct conditions *c, int ref, const struct scenario *sc)
{
    if (ref <= 0)
        return NULL;
    if (!c->probed)
        learn(L, c);
    if (!c->usable)
        return NULL;
    if (ref >= c->cap) {
        int cap = c->cap ? c->cap : 64;
        while (cap <= ref)
            cap *= 2;
        c->by_ref = xrealloc(c->by_ref, sizeof *c->by_ref * (size_t)cap);
        memset(c->by_ref + c->cap, 0, sizeof *c->by_ref * (size_t)(cap - c->cap));
        c->cap = cap;
    }
    struct condition *k = &c->by_ref[ref];
    if (!k->known)
        look_at(L, c, ref, sc, k);
    return k->known & CONDITION_SIMPLE ? k : NULL;
}

void conditions_free(struct conditions *c)
{
    free(c->by_ref);
    *c = (struct conditions){0};
}
