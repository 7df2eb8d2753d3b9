/*
 * objpool.h: the memory of a Lua state's closures and upvalues, apart.
 *
 * Running a scenario's files makes every scene's table and, in the middle
 * of them, the closures of its callbacks (when = function(game) ... end).
 * The tables die once converted; the closures live as long as the
 * scenario. From one heap, every page the tables leave holds a closure or
 * two, and none of it can go back to the system: the large story's loading
 * kept 21.5 MiB of free heap resident (docs/performance.md). Kept in pages of
 * their own, the closures leave the tables' pages whole.
 *
 * Small objects only (OBJPOOL_MAX bytes), in 64 KiB chunks, with a free
 * list per 16-byte size class; the chunks go back when the pool is freed.
 */
#ifndef SCALEUP_OBJPOOL_H
#define SCALEUP_OBJPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { OBJPOOL_MAX = 256, OBJPOOL_CLASSES = OBJPOOL_MAX / 16 };

struct objpool {
    void *free[OBJPOOL_CLASSES]; /* freed objects, by size class */
    unsigned char *bump, *bump_end; /* what the newest chunk has not handed out */
    uintptr_t *chunks; /* the chunks' addresses: a hash set (open addressing) */
    size_t nchunks, capchunks;
};

/* Zeroed, a pool is empty. */
void objpool_free(struct objpool *p);
/* n bytes, or NULL when n is over OBJPOOL_MAX (or memory is out). */
void *objpool_alloc(struct objpool *p, size_t n);
/* Whether ptr is an object of the pool. */
bool objpool_owns(const struct objpool *p, const void *ptr);
/* Gives back an object of n bytes (as allocated). */
void objpool_release(struct objpool *p, void *ptr, size_t n);

#endif
