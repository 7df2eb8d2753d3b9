/*
 * arena.h: a bump allocator. A scenario's strings and arrays are allocated
 * here at load and freed together, so the static data needs no per-object
 * bookkeeping and sits densely in memory.
 */
#ifndef SCALEUP_ARENA_H
#define SCALEUP_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
    struct arena_block *head;
    size_t used; /* total bytes handed out, for statistics */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
/* Zeroed, aligned for any type. */
void *arena_alloc(struct arena *a, size_t n);
/* The same, not zeroed: for bytes written at once (a copy, a read). A
 * large one zeroed by calloc from memory the heap had freed is a memset
 * the size of it: the source maps read back while loading a large
 * scenario were 15 M instructions of it. */
void *arena_alloc_unzeroed(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
