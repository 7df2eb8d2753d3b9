#include "objpool.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#ifdef OBJPOOL_ASAN
#include <sanitizer/lsan_interface.h>
#endif

enum {
    /* The region is made writable this much at a time (a system call each). */
    WRITABLE_STEP = 16 * OBJPOOL_CHUNK_BYTES,
    MARKED_EMPTY = -1, /* a chunk's free count, once found wholly free */
};

#define MIN_HALF_BYTES ((size_t)WRITABLE_STEP)
#define MAX_HALF_BYTES ((size_t)1 << 32)

void objpool_init(struct objpool *p, size_t bytes)
{
    *p = (struct objpool){0};
    unsigned shift = 20;
    while (((size_t)1 << shift) < bytes && ((size_t)1 << shift) < MAX_HALF_BYTES)
        shift++;
    size_t half = (size_t)1 << shift;
    if (half < MIN_HALF_BYTES)
        return;
    /* Address space only: no memory is committed until made writable. */
    void *region = mmap(NULL, 2 * half, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                        -1, 0);
    if (region == MAP_FAILED)
        return;
    p->chunk_class = calloc(2 * half / OBJPOOL_CHUNK_BYTES, 1);
    if (!p->chunk_class) {
        munmap(region, 2 * half);
        return;
    }
#ifdef OBJPOOL_ASAN
    /* The leak checker is to follow pointers held in the pool's blocks. */
    __lsan_register_root_region(region, 2 * half);
#endif
    p->base = (uintptr_t)region;
    p->region_bytes = 2 * half;
    p->half_shift = shift;
    for (int i = 0; i < OBJPOOL_SETS; i++) {
        struct objpool_slabs *s = &p->sets[i];
        s->start = (unsigned char *)region + (size_t)i * half;
        s->end = s->start + half;
        s->fresh = s->writable = s->start;
    }
}

void objpool_free(struct objpool *p)
{
    if (p->region_bytes) {
#ifdef OBJPOOL_ASAN
        /* The poison would outlive the mapping. */
        for (int i = 0; i < OBJPOOL_SETS; i++)
            OBJPOOL_UNPOISON(p->sets[i].start, (size_t)(p->sets[i].fresh - p->sets[i].start));
        __lsan_unregister_root_region((void *)p->base, p->region_bytes);
#endif
        munmap((void *)p->base, p->region_bytes);
    }
    free(p->chunk_class);
    for (int i = 0; i < OBJPOOL_SETS; i++)
        free(p->sets[i].spare);
    *p = (struct objpool){0};
}

static size_t chunk_index(const struct objpool *p, const unsigned char *ptr)
{
    return ((uintptr_t)ptr - p->base) / OBJPOOL_CHUNK_BYTES;
}

/* A chunk for a set: one given back before, else the next never used
 * (making the region writable further when needed). NULL when the set's
 * half is full, or there is no region. */
static unsigned char *take_chunk(struct objpool *p, struct objpool_slabs *s)
{
    if (s->nspare)
        return (unsigned char *)p->base + (size_t)s->spare[--s->nspare] * OBJPOOL_CHUNK_BYTES;
    if (s->fresh == s->end)
        return NULL;
    if (s->fresh == s->writable) {
        if (mprotect(s->writable, WRITABLE_STEP, PROT_READ | PROT_WRITE) != 0)
            return NULL;
        s->writable += WRITABLE_STEP;
    }
    unsigned char *c = s->fresh;
    s->fresh += OBJPOOL_CHUNK_BYTES;
    return c;
}

void *objpool_carve(struct objpool *p, struct objpool_slabs *s, size_t k)
{
    size_t size = (k + 1) * OBJPOOL_GRAIN;
    if ((size_t)(s->bump_end[k] - s->bump[k]) < size) {
        unsigned char *c = take_chunk(p, s);
        if (!c)
            return NULL;
        p->chunk_class[chunk_index(p, c)] = (unsigned char)(k + 1);
        OBJPOOL_POISON(c, OBJPOOL_CHUNK_BYTES);
        s->bump[k] = c;
        s->bump_end[k] = c + OBJPOOL_CHUNK_BYTES / size * size;
    }
    void *o = s->bump[k];
    s->bump[k] += size;
    OBJPOOL_UNPOISON(o, size);
    return o;
}

/* The link of a free block (poisoned under AddressSanitizer). */
static void *next_free(void *block)
{
    OBJPOOL_UNPOISON(block, sizeof(void *));
    void *next = *(void **)block;
    OBJPOOL_POISON(block, sizeof(void *));
    return next;
}

static void set_next_free(void *block, void *next)
{
    OBJPOOL_UNPOISON(block, sizeof(void *));
    *(void **)block = next;
    OBJPOOL_POISON(block, sizeof(void *));
}

/* The blocks a chunk has handed out: all it holds, or for the chunk a
 * class is still cutting, those cut so far. */
static long blocks_cut(const struct objpool_slabs *s, const unsigned char *c, size_t k)
{
    size_t size = (k + 1) * OBJPOOL_GRAIN;
    if (s->bump_end[k] && s->bump_end[k] - 1 >= c && s->bump_end[k] - 1 < c + OBJPOOL_CHUNK_BYTES)
        return (long)((size_t)(s->bump[k] - c) / size);
    return (long)(OBJPOOL_CHUNK_BYTES / size);
}

/* Marks (MARKED_EMPTY in free_count) the chunks of a set whose every block
 * is on a free list; returns how many. */
static size_t mark_empty_chunks(struct objpool *p, struct objpool_slabs *s, long *free_count,
                                size_t nchunks)
{
    for (size_t k = 0; k < OBJPOOL_CLASSES; k++)
        for (unsigned char *b = s->free[k]; b; b = next_free(b))
            free_count[(size_t)(b - s->start) / OBJPOOL_CHUNK_BYTES]++;
    size_t first = chunk_index(p, s->start), nempty = 0;
    for (size_t i = 0; i < nchunks; i++) {
        unsigned cls = p->chunk_class[first + i];
        if (!cls)
            continue;
        unsigned char *c = s->start + i * OBJPOOL_CHUNK_BYTES;
        if (free_count[i] != blocks_cut(s, c, cls - 1))
            continue;
        free_count[i] = MARKED_EMPTY;
        p->chunk_class[first + i] = 0;
        if (s->bump_end[cls - 1] && s->bump_end[cls - 1] - 1 >= c &&
            s->bump_end[cls - 1] - 1 < c + OBJPOOL_CHUNK_BYTES)
            s->bump[cls - 1] = s->bump_end[cls - 1] = NULL;
        nempty++;
    }
    return nempty;
}

/* Takes the blocks of the marked chunks off the free lists. */
static void unlink_marked(struct objpool_slabs *s, const long *free_count)
{
    for (size_t k = 0; k < OBJPOOL_CLASSES; k++) {
        void *kept = NULL; /* the last block kept, whose link is next */
        for (unsigned char *b = s->free[k]; b; b = next_free(b)) {
            if (free_count[(size_t)(b - s->start) / OBJPOOL_CHUNK_BYTES] == MARKED_EMPTY)
                continue;
            if (kept)
                set_next_free(kept, b);
            else
                s->free[k] = b;
            kept = b;
        }
        if (kept)
            set_next_free(kept, NULL);
        else
            s->free[k] = NULL;
    }
}

/* Gives the marked chunks' pages back, a run of neighbours at a time, and
 * keeps them as spares. Returns the bytes. */
static size_t give_back_marked(struct objpool *p, struct objpool_slabs *s, const long *free_count,
                               size_t nchunks)
{
    size_t first = chunk_index(p, s->start), bytes = 0;
    for (size_t i = 0; i < nchunks;) {
        if (free_count[i] != MARKED_EMPTY) {
            i++;
            continue;
        }
        size_t run = i;
        while (run < nchunks && free_count[run] == MARKED_EMPTY)
            s->spare[s->nspare++] = (uint32_t)(first + run++);
        size_t len = (run - i) * OBJPOOL_CHUNK_BYTES;
        if (madvise(s->start + i * OBJPOOL_CHUNK_BYTES, len, MADV_DONTNEED) == 0)
            bytes += len;
        i = run;
    }
    return bytes;
}

size_t objpool_trim(struct objpool *p)
{
    size_t bytes = 0;
    for (int i = 0; i < OBJPOOL_SETS && p->region_bytes; i++) {
        struct objpool_slabs *s = &p->sets[i];
        size_t nchunks = (size_t)(s->fresh - s->start) / OBJPOOL_CHUNK_BYTES;
        if (!nchunks)
            continue;
        /* Room to keep every chunk used so far as a spare. */
        uint32_t *spare = realloc(s->spare, nchunks * sizeof *spare);
        long *free_count = calloc(nchunks, sizeof *free_count);
        if (spare)
            s->spare = spare;
        if (spare && free_count && mark_empty_chunks(p, s, free_count, nchunks)) {
            unlink_marked(s, free_count);
            bytes += give_back_marked(p, s, free_count, nchunks);
        }
        free(free_count);
    }
    return bytes;
}

size_t objpool_chunks_used(const struct objpool *p)
{
    size_t n = 0;
    for (int i = 0; i < OBJPOOL_SETS; i++) {
        const struct objpool_slabs *s = &p->sets[i];
        n += (size_t)(s->fresh - s->start) / OBJPOOL_CHUNK_BYTES - s->nspare;
    }
    return n;
}
