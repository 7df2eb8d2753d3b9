#include "objpool.h"

#include <stdlib.h>

enum { CHUNK_BYTES = 64 * 1024 };

static size_t size_class(size_t n)
{
    return (n + 15) / 16 - 1;
}

/* A chunk's slot in the hash set (the low 16 bits of its address are 0). */
static size_t slot_of(uintptr_t chunk, size_t cap)
{
    return (size_t)((chunk >> 16) * 0x9E3779B97F4A7C15u >> 20) & (cap - 1);
}

static void insert(uintptr_t *set, size_t cap, uintptr_t chunk)
{
    size_t i = slot_of(chunk, cap);
    while (set[i])
        i = (i + 1) & (cap - 1);
    set[i] = chunk;
}

/* A new chunk, in the set (kept at most half full); false when out of memory. */
static bool add_chunk(struct objpool *p)
{
    if (2 * (p->nchunks + 1) > p->capchunks) {
        size_t cap = p->capchunks ? p->capchunks * 2 : 16;
        uintptr_t *set = calloc(cap, sizeof *set);
        if (!set)
            return false;
        for (size_t i = 0; i < p->capchunks; i++)
            if (p->chunks[i])
                insert(set, cap, p->chunks[i]);
        free(p->chunks);
        p->chunks = set;
        p->capchunks = cap;
    }
    unsigned char *c = aligned_alloc(CHUNK_BYTES, CHUNK_BYTES);
    if (!c)
        return false;
    insert(p->chunks, p->capchunks, (uintptr_t)c);
    p->nchunks++;
    p->bump = c;
    p->bump_end = c + CHUNK_BYTES;
    return true;
}

void *objpool_alloc(struct objpool *p, size_t n)
{
    if (n == 0 || n > OBJPOOL_MAX)
        return NULL;
    size_t k = size_class(n);
    void *o = p->free[k];
    if (o) {
        p->free[k] = *(void **)o;
        return o;
    }
    size_t bytes = (k + 1) * 16;
    if ((size_t)(p->bump_end - p->bump) < bytes && !add_chunk(p))
        return NULL;
    o = p->bump;
    p->bump += bytes;
    return o;
}

bool objpool_owns(const struct objpool *p, const void *ptr)
{
    if (!p->nchunks)
        return false;
    uintptr_t chunk = (uintptr_t)ptr & ~(uintptr_t)(CHUNK_BYTES - 1);
    for (size_t i = slot_of(chunk, p->capchunks); p->chunks[i]; i = (i + 1) & (p->capchunks - 1))
        if (p->chunks[i] == chunk)
            return true;
    return false;
}

void objpool_release(struct objpool *p, void *ptr, size_t n)
{
    size_t k = size_class(n);
    *(void **)ptr = p->free[k];
    p->free[k] = ptr;
}

void objpool_free(struct objpool *p)
{
    for (size_t i = 0; i < p->capchunks; i++)
        free((void *)p->chunks[i]);
    free(p->chunks);
    *p = (struct objpool){0};
}
