/*
 * textcache.c: rendered text runs, kept as textures.
 *
 * Rasterising a line with FreeType costs far more than drawing its texture,
 * so every run is rendered once and kept, keyed by its bytes, its face (font,
 * pixel size and style) and its colour. The table is open-addressed; when it
 * grows past its budget, the entries not drawn in the current frame go (the
 * screen being drawn always fits). Resizing changes the pixel sizes and so
 * the keys: old entries simply age out.
 */
#include <stdlib.h>
#include <string.h>

#include "win.h"

#define CACHE_MIN_SLOTS 1024
#define CACHE_BUDGET_BYTES ((size_t)256 * 1024 * 1024)

struct text_entry {
    uint64_t hash; /* 0: empty slot */
    char *s;
    uint32_t n;
    uint16_t face, px;
    uint32_t rgba;
    uint32_t used; /* the frame it was last drawn in */
    struct win_text t;
};

void win_textcache_init(struct win_textcache *c)
{
    memset(c, 0, sizeof *c);
    c->cap = CACHE_MIN_SLOTS;
    c->slots = xcalloc((size_t)c->cap, sizeof *c->slots);
    c->frame = 1;
}

static void drop(struct text_entry *e)
{
    if (e->t.tex)
        SDL_DestroyTexture(e->t.tex);
    free(e->s);
    memset(e, 0, sizeof *e);
}

void win_textcache_clear(struct win_textcache *c)
{
    for (int i = 0; i < c->cap; i++)
        if (c->slots[i].hash)
            drop(&c->slots[i]);
    c->count = 0;
    c->bytes = 0;
}

void win_textcache_free(struct win_textcache *c)
{
    if (!c->slots)
        return;
    win_textcache_clear(c);
    free(c->slots);
    c->slots = NULL;
}

static uint64_t key_hash(const char *s, size_t n, int face, int px, uint32_t rgba)
{
    uint64_t h = hash_bytes(HASH_SEED, s, n);
    uint32_t extra[3] = {(uint32_t)face, (uint32_t)px, rgba};
    h = hash_bytes(h, extra, sizeof extra);
    return h ? h : 1;
}

/* Re-inserts every entry into a table of cap slots, keeping those that keep
 * says to keep. */
static void rebuild(struct win_textcache *c, int cap, bool only_current)
{
    struct text_entry *old = c->slots;
    int oldcap = c->cap;
    c->slots = xcalloc((size_t)cap, sizeof *c->slots);
    c->cap = cap;
    c->count = 0;
    c->bytes = 0;
    for (int i = 0; i < oldcap; i++) {
        struct text_entry *e = &old[i];
        if (!e->hash)
            continue;
        if (only_current && e->used != c->frame) {
            drop(e);
            continue;
        }
        int j = (int)(e->hash % (uint64_t)cap);
        while (c->slots[j].hash)
            j = (j + 1) % cap;
        c->slots[j] = *e;
        c->count++;
        c->bytes += (size_t)e->t.w * (size_t)e->t.h * 4;
    }
    free(old);
}

const struct win_text *win_text_get(struct window *w, const char *s, size_t n, int face,
                                    SDL_Color color)
{
    struct win_textcache *c = &w->cache;
    if (n == 0)
        return NULL;
    int px = w->fonts.px[face];
    uint32_t rgba = (uint32_t)color.r << 24 | (uint32_t)color.g << 16 | (uint32_t)color.b << 8 | color.a;
    uint64_t h = key_hash(s, n, face, px, rgba);
    int j = (int)(h % (uint64_t)c->cap);
    while (c->slots[j].hash) {
        struct text_entry *e = &c->slots[j];
        if (e->hash == h && e->n == n && e->face == face && e->px == px && e->rgba == rgba &&
            memcmp(e->s, s, n) == 0) {
            e->used = c->frame;
            c->hits++;
            return &e->t;
        }
        j = (j + 1) % c->cap;
    }
    c->misses++;
    /* Make room first: the probe position may move. */
    if ((c->count + 1) * 4 > c->cap * 3 || c->bytes > CACHE_BUDGET_BYTES) {
        rebuild(c, c->cap, true);
        if ((c->count + 1) * 2 > c->cap)
            rebuild(c, c->cap * 2, false);
        j = (int)(h % (uint64_t)c->cap);
        while (c->slots[j].hash)
            j = (j + 1) % c->cap;
    }
    char *copy = xstrndup(s, n);
    SDL_Surface *surf = TTF_RenderUTF8_Blended(w->fonts.font[face], copy, color);
    if (!surf) {
        free(copy);
        return NULL;
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(w->ren, surf);
    struct text_entry *e = &c->slots[j];
    e->hash = h;
    e->s = copy;
    e->n = (uint32_t)n;
    e->face = (uint16_t)face;
    e->px = (uint16_t)px;
    e->rgba = rgba;
    e->used = c->frame;
    e->t.tex = tex;
    e->t.w = surf->w;
    e->t.h = surf->h;
    SDL_FreeSurface(surf);
    c->count++;
    c->bytes += (size_t)e->t.w * (size_t)e->t.h * 4;
    return tex ? &e->t : NULL;
}
