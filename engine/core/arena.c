#include "arena.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct arena_block {
    struct arena_block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

void arena_init(struct arena *a)
{
    a->head = NULL;
    a->used = 0;
}

void arena_free(struct arena *a)
{
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena_init(a);
}

/* n bytes, aligned; zeroed when zero is true. */
static void *take(struct arena *a, size_t n, bool zero)
{
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    if (!n)
        n = align;
    struct arena_block *b = a->head;
    if (n > ARENA_BLOCK) {
        /* A big one-off allocation (a large scenario's choices array, 13.7
         * MB) gets a block of its own from calloc: fresh pages from the
         * system are zero already and stay out of the resident set until
         * written, so the array grows in memory as it is filled, while the
         * loader frees what it has converted (memset made all of it
         * resident at once, at the peak of loading). It goes behind the
         * current block, which keeps serving small ones. */
        struct arena_block *big = zero ? xcalloc(1, sizeof *big + n) : xmalloc(sizeof *big + n);
        big->size = big->used = n;
        if (b) {
            big->next = b->next;
            b->next = big;
        } else {
            big->next = NULL;
            a->head = big;
        }
        a->used += n;
        return big->data;
    }
    if (!b || b->size - b->used < n) {
        b = xmalloc(sizeof *b + ARENA_BLOCK);
        b->size = ARENA_BLOCK;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->used += n;
    if (zero)
        memset(p, 0, n);
    return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
    return take(a, n, true);
}

void *arena_alloc_unzeroed(struct arena *a, size_t n)
{
    return take(a, n, false);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *d = arena_alloc_unzeroed(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}
