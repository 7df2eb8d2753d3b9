/*
 * objpool.h: the memory of a Lua state's small objects.
 *
 * Every block Lua asks for of at most OBJPOOL_MAX bytes comes from slabs:
 * 64 KiB chunks, each cut into blocks of one size class (OBJPOOL_GRAIN
 * bytes apart), with a free list per class. A block has no header: Lua
 * gives a block's size back on every free and resize (its osize), which is
 * the class, and whether a block is the pool's at all is one comparison,
 * its address within the pool's region: one reservation of address space
 * (PROT_NONE, no memory), made readable and writable as the chunks are
 * used. Larger blocks, and every block once its set's half is full or the
 * region could not be reserved, come from malloc.
 *
 * Two sets of slabs, each in its own half of the region, so that objects
 * that live long are kept apart from those that die young: running a
 * scenario's files makes every scene's table and, in the middle of them,
 * the closures of its callbacks (when = function(game) ... end). The tables
 * die once converted; the closures live as long as the scenario. From one
 * heap, every page the tables leave holds a closure or two, and none of it
 * can go back to the system: the large story's loading kept 21.5 MiB of
 * free heap resident (docs/performance.md, round 6). So closures and
 * upvalues go to the set OBJPOOL_LASTING, everything else small to
 * OBJPOOL_BRIEF, and objpool_trim gives the wholly free chunks of both back
 * to the system (the loader trims after its collections). With a chunk per
 * size class, one set for all made the same peak on the large story (round
 * 11); the two cost a comparison per new object and hold for a story with
 * more callbacks.
 */
#ifndef SCALEUP_OBJPOOL_H
#define SCALEUP_OBJPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Under AddressSanitizer the free blocks, and what a chunk has not handed
 * out yet, are poisoned, so that a use of a Lua object after Lua freed it is
 * caught as it is for malloc's blocks. */
#if defined(__SANITIZE_ADDRESS__)
#define OBJPOOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OBJPOOL_ASAN 1
#endif
#endif
#ifdef OBJPOOL_ASAN
#include <sanitizer/asan_interface.h>
#define OBJPOOL_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define OBJPOOL_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define OBJPOOL_POISON(p, n) ((void)(p), (void)(n))
#define OBJPOOL_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

enum {
    OBJPOOL_MAX = 256,  /* the largest block of the slabs */
    /* The size classes' step. Lua aligns nothing beyond 8 bytes (its
     * LUAI_MAXALIGN: numbers, integers, pointers); against 16 (malloc's),
     * 8 takes 2 MiB less at the large story's peak and 1 % fewer
     * instructions of loading it (docs/performance.md, round 11). */
    OBJPOOL_GRAIN = 8,
    OBJPOOL_CLASSES = OBJPOOL_MAX / OBJPOOL_GRAIN,
    OBJPOOL_CHUNK_BYTES = 64 * 1024,
};

/* The two sets of slabs. */
enum objpool_set { OBJPOOL_BRIEF, OBJPOOL_LASTING, OBJPOOL_SETS };

struct objpool_slabs {
    void *free[OBJPOOL_CLASSES]; /* freed blocks, by size class */
    /* What each class's newest chunk has not handed out yet. */
    unsigned char *bump[OBJPOOL_CLASSES], *bump_end[OBJPOOL_CLASSES];
    unsigned char *start, *end; /* the set's half of the region */
    unsigned char *fresh;       /* the first chunk never used */
    unsigned char *writable;    /* the end of the part made writable */
    uint32_t *spare;            /* chunks given back, for reuse (indices) */
    size_t nspare;
};

struct objpool {
    uintptr_t base;      /* the region; 0 when there is none */
    size_t region_bytes; /* both halves; 0 when there is none */
    unsigned half_shift; /* log2 of a half's size */
    /* Per chunk of the region: its size class + 1, 0 when not in use. */
    unsigned char *chunk_class;
    struct objpool_slabs sets[OBJPOOL_SETS];
};

/* Reserves the region for about `bytes` of small blocks per set (rounded
 * up to a power of two, at most 4 GiB). Without a region (reservation
 * refused) the pool is empty and objpool_alloc always NULL: a zeroed pool
 * is that too. */
void objpool_init(struct objpool *p, size_t bytes);
/* Gives the region back, every block in it at once. */
void objpool_free(struct objpool *p);

/* Slow path of objpool_alloc: a block from a new chunk for the class (or
 * from its chunk's rest). */
void *objpool_carve(struct objpool *p, struct objpool_slabs *s, size_t k);

/* n (1..OBJPOOL_MAX) bytes from a set, or NULL when the region is full (or
 * none). */
static inline void *objpool_alloc(struct objpool *p, enum objpool_set set, size_t n)
{
    size_t k = (n - 1) / OBJPOOL_GRAIN;
    struct objpool_slabs *s = &p->sets[set];
    void *o = s->free[k];
    if (o) {
        OBJPOOL_UNPOISON(o, (k + 1) * OBJPOOL_GRAIN);
        s->free[k] = *(void **)o;
        return o;
    }
    size_t size = (k + 1) * OBJPOOL_GRAIN;
    if ((size_t)(s->bump_end[k] - s->bump[k]) >= size) {
        o = s->bump[k];
        s->bump[k] += size;
        OBJPOOL_UNPOISON(o, size);
        return o;
    }
    return objpool_carve(p, s, k);
}

/* Whether ptr is a block of the pool (NULL is not). */
static inline bool objpool_owns(const struct objpool *p, const void *ptr)
{
    return (uintptr_t)ptr - p->base < p->region_bytes;
}

/* The set a block of the pool is in. */
static inline enum objpool_set objpool_set_of(const struct objpool *p, const void *ptr)
{
    return (enum objpool_set)(((uintptr_t)ptr - p->base) >> p->half_shift);
}

/* Whether blocks of n and m bytes (1..OBJPOOL_MAX) are of one class. */
static inline bool objpool_same_class(size_t n, size_t m)
{
    return (n - 1) / OBJPOOL_GRAIN == (m - 1) / OBJPOOL_GRAIN;
}

/* Gives back a block of the pool of n bytes (as allocated, or as resized
 * within its class). */
static inline void objpool_release(struct objpool *p, void *ptr, size_t n)
{
    struct objpool_slabs *s = &p->sets[objpool_set_of(p, ptr)];
    size_t k = (n - 1) / OBJPOOL_GRAIN;
    *(void **)ptr = s->free[k];
    s->free[k] = ptr;
    OBJPOOL_POISON(ptr, (k + 1) * OBJPOOL_GRAIN);
}

/* Gives the memory of every chunk whose blocks are all free back to the
 * system (the chunks stay in the region, for reuse). Walks every free
 * block: for the moments after a full collection. Returns the bytes given
 * back. */
size_t objpool_trim(struct objpool *p);

/* Chunks in use (for tests and measurements). */
size_t objpool_chunks_used(const struct objpool *p);

#endif
