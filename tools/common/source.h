/*
 * source.h: reading a scenario's source text, for the tools that look at
 * what an author wrote rather than at what it does: lint (flags and stats
 * changed in code), map and lint (scene ids a next function names).
 */
#ifndef SCALEUP_TOOLS_SOURCE_H
#define SCALEUP_TOOLS_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/scenario.h"

/* The last file read: the tools go through the files in order (a large
 * scenario's are megabytes, and keeping every one of them was 9.6 MB of
 * lint's peak memory). Zeroed, it is empty. */
struct source_cache {
    bool have;
    int file;
    char *text; /* NULL when it could not be read */
    size_t len;
    struct source_marks *marks; /* the text's, once source_file_literals asked */
};

void source_cache_free(struct source_cache *c);
/* The text of file i of the scenario ("" when it cannot be read), valid
 * until the next call for another file. */
const char *source_text(struct source_cache *c, const struct scenario *sc, int file);

/* Where each line of a text starts when it starts in code: the byte offset
 * of line n in offset[n], or -1 when the line begins inside a long string
 * or a long comment. The walk of string literals starts from the mark at
 * or before its first line, not from line 1: lint walks the lines of every
 * text function, and from line 1 that was quadratic in a file's size
 * (4.7 s for a 10,000-scene scenario in one file). */
struct source_marks {
    int *offset; /* [1, nlines] */
    int nlines;
};
void source_marks_build(const char *text, struct source_marks *m);
void source_marks_free(struct source_marks *m);

/* Calls fn for each string literal ('...' or "...") on lines [first, last],
 * in the order of the text; marks (of this text) may be NULL. */
typedef void (*literal_fn)(void *ctx, const char *s, size_t len, int line, int col);
void source_literals(const char *text, const struct source_marks *marks, int first, int last,
                     literal_fn fn, void *ctx);
/* The same in file `file` of the scenario, read through the cache, from the
 * marks of its text (made at the first call for the file). */
void source_file_literals(struct source_cache *c, const struct scenario *sc, int file, int first,
                          int last, literal_fn fn, void *ctx);

/* Calls fn for each `WORD.NAME` or `WORD["NAME"]` in text (e.g. flags.pitched),
 * telling whether it is assigned (followed by a single '='). Comments and
 * strings are skipped. An alias made alone on its line, `local f =
 * game.flags`, is followed: `f.funded = true` counts as flags.funded. A
 * `.WORD` used any other way (`game.flags[id]`, `pairs(game.stats)`) is an
 * access the source does not name: fn gets it with name NULL and len 0
 * (assigned: a computed key that is assigned, or any other use, which may
 * be both), so that a check can stay silent rather than be wrong. */
typedef void (*access_fn)(void *ctx, const char *name, size_t len, bool assigned, int line, int col);
void source_accesses(const char *text, const char *word, access_fn fn, void *ctx);
/* The same for several words in one walk of the text (a large scenario's
 * files are megabytes: lint walks each once per check, not once per word).
 * Each word's fn gets its own ctx; calls come in the order of the text. */
struct source_word {
    const char *word;
    access_fn fn;
    void *ctx;
};
void source_accesses_each(const char *text, const struct source_word *words, int nwords);

#endif
