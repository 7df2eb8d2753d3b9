/*
 * srcmap.h: where each field of a scenario's tables was written.
 *
 * Lua tables keep no line numbers, yet an author needs "main.lua:42:7: unknown
 * stat 'runwy'", not "somewhere in scene 'garage'". So the loader also reads
 * each file with a small Lua lexer and records, for every table constructor
 * passed to scenario, scene, ending and playthrough, the line and column of
 * each field and of nested constructors. The run-time call site (the line Lua
 * reports for a scene "id" call) finds the constructor; a scene made in a loop
 * maps to the constructor its loop body wrote.
 *
 * The map never fails: on text it cannot follow it records less, and the
 * loader falls back to the call's line. Lua itself reports syntax errors.
 */
#ifndef SCALEUP_SRCMAP_H
#define SCALEUP_SRCMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct srcnode;

struct srcfield {
    const char *key; /* keylen bytes, not always NUL-terminated; NULL for a positional field */
    size_t keylen;
    int index;       /* 1-based position among positional fields */
    uint32_t line, col;   /* of the key, or of the value when positional */
    uint32_t vline, vcol; /* of the value */
    bool value_is_long_string;
    bool value_first_newline; /* a long string opening with a newline, which Lua drops */
    bool value_is_string;
    struct srcnode *value; /* when the value is a table constructor */
};

struct srcnode {
    uint32_t line, col;
    struct srcfield *fields;
    int nfields;
};

struct srccall {
    const char *name;  /* scene, ending, scenario, playthrough */
    const char *arg;   /* the string argument, or NULL */
    uint32_t line;     /* of the name token: the line Lua reports for the call */
    uint32_t col;      /* of the name token */
    struct srcnode *table;
};

struct srcmap {
    struct srccall *calls;
    int ncalls;
};

/* Maps buf[0..len); everything is allocated in the arena. */
void srcmap_build(struct arena *a, const char *buf, size_t len, struct srcmap *out);

/* The constructor passed to a call of 'name' on 'line' (with string argument
 * arg when given and several calls share the line), or NULL. */
const struct srcnode *srcmap_call(const struct srcmap *m, const char *name, uint32_t line,
                                  const char *arg);
/* The column of that call's name token, or 0. */
uint32_t srcmap_call_col(const struct srcmap *m, const char *name, uint32_t line, const char *arg);
/* The field with that key, or NULL (node may be NULL). */
const struct srcfield *srcmap_field(const struct srcnode *node, const char *key);
/* The positional field at 1-based index i, or NULL. */
const struct srcfield *srcmap_item(const struct srcnode *node, int i);

/* Names a file's code uses, found by a scan of its tokens (comments and
 * strings skipped): each literal in `.cause("id")` or `.cause "id"` (kind
 * SRCNAME_CAUSE), and each flag assigned as `flags.NAME =` or
 * `flags["NAME"] =` (SRCNAME_FLAG_SET). name is not NUL-terminated. */
enum srcname_kind { SRCNAME_CAUSE, SRCNAME_FLAG_SET };
typedef void (*srcname_fn)(void *ctx, enum srcname_kind kind, const char *name, size_t len,
                           uint32_t line, uint32_t col);
void srcmap_scan_names(const char *buf, size_t len, srcname_fn fn, void *ctx);

/* A map as bytes, to keep it between runs (script/chunkcache.h), and back:
 * srcmap_restore makes a map equal to the one saved, in the arena, or
 * returns false (out empty) when data is not one srcmap_save wrote. The
 * fields' keys point into data, which must live as long as the map (in
 * the same arena, say). */
struct strbuf;
void srcmap_save(const struct srcmap *m, struct strbuf *out);
bool srcmap_restore(struct arena *a, const char *data, size_t len, struct srcmap *out);

#endif
