/*
 * textcache.c: rendered text runs, kept as textures.
 *
 * Rasterising a line with FreeType costs far more than drawing its texture,
 * so every run is rendered once and kept, keyed by its bytes, its face (font,
 * pixel size and style), its colour and its background. The table is
 * open-addressed; when it grows past its budget, the entries not drawn in the
 * current frame go (the screen being drawn always fits). Resizing changes the
 * pixel sizes and so the keys: old entries simply age out.
 *
 * A run whose background is one known colour (draw.c knows: the page or the
 * panel under it) is kept already blended onto that colour, opaque, in the
 * format of the window's pixels: drawing it is then a plain copy, which in
 * SDL's software renderer is several times faster than blending every pixel
 * of an alpha texture (and than converting its format). The blend is SDL's
 * own, the one the renderer does when it draws an alpha texture, so the
 * pixels are the same. Runs on anything else stay alpha textures.
 *
 * The hash covers the bytes and the face only, so that every colour of a run
 * is on the same probe sequence: a lookup learns the run's size from any of
 * them before it must say which background the run is drawn on.
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
    uint32_t bg;   /* the opaque background it is blended onto, 0: none (alpha) */
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

static uint64_t key_hash(const char *s, size_t n, int face, int px)
{
    uint64_t h = hash_bytes(HASH_SEED, s, n);
    uint32_t extra[2] = {(uint32_t)face, (uint32_t)px};
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

static uint32_t pack(SDL_Color c)
{
    return (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
}

/* The pixel format runs on a background are kept in: the window's, when the
 * renderer takes it (a copy then needs no conversion), else the renderer's
 * first. */
static Uint32 opaque_format(struct window *w)
{
    Uint32 want = SDL_GetWindowPixelFormat(w->win);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(w->ren, &info) != 0 || info.num_texture_formats == 0)
        return SDL_PIXELFORMAT_UNKNOWN;
    for (Uint32 i = 0; i < info.num_texture_formats; i++)
        if (info.texture_formats[i] == want)
            return want;
    Uint32 f = info.texture_formats[0];
    return SDL_ISPIXELFORMAT_FOURCC(f) || SDL_ISPIXELFORMAT_INDEXED(f) ? SDL_PIXELFORMAT_UNKNOWN : f;
}

/* The texture of the blended run surf drawn on bg, opaque; NULL when that
 * cannot be made (the caller then keeps the alpha texture). */
static SDL_Texture *opaque_texture(struct window *w, SDL_Surface *surf, SDL_Color bg)
{
    Uint32 fmt = opaque_format(w);
    if (fmt == SDL_PIXELFORMAT_UNKNOWN)
        return NULL;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, surf->w, surf->h, SDL_BITSPERPIXEL(fmt), fmt);
    if (!out)
        return NULL;
    SDL_Texture *tex = NULL;
    if (SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, bg.r, bg.g, bg.b, 255)) == 0 &&
        SDL_SetSurfaceBlendMode(surf, SDL_BLENDMODE_BLEND) == 0 && SDL_BlitSurface(surf, NULL, out, NULL) == 0)
        tex = SDL_CreateTexture(w->ren, fmt, SDL_TEXTUREACCESS_STATIC, out->w, out->h);
    if (tex && (SDL_UpdateTexture(tex, NULL, out->pixels, out->pitch) != 0 ||
                SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE) != 0)) {
        SDL_DestroyTexture(tex);
        tex = NULL;
    }
    SDL_FreeSurface(out);
    return tex;
}

/* What a run is looked up by: its bytes and face; every colour and
 * background of it share the key (see the top of the file). */
struct run_key {
    uint64_t hash;
    const char *s;
    size_t n;
    int face, px;
};

static bool same_run(const struct text_entry *e, const struct run_key *k)
{
    return e->hash == k->hash && e->n == k->n && e->face == k->face && e->px == k->px &&
           memcmp(e->s, k->s, k->n) == 0;
}

/* The first slot on k's probe sequence that holds the run in any colour,
 * else -1. */
static int run_slot(const struct win_textcache *c, const struct run_key *k)
{
    for (int j = (int)(k->hash % (uint64_t)c->cap); c->slots[j].hash; j = (j + 1) % c->cap)
        if (same_run(&c->slots[j], k))
            return j;
    return -1;
}

/* The entry of the run in colour rgba on background bg, looking on from
 * slot j (its first slot: none before holds it); NULL when there is none. */
static struct text_entry *colour_entry(struct win_textcache *c, int j, const struct run_key *k,
                                       uint32_t rgba, uint32_t bg)
{
    for (; c->slots[j].hash; j = (j + 1) % c->cap) {
        struct text_entry *e = &c->slots[j];
        if (e->rgba == rgba && e->bg == bg && same_run(e, k))
            return e;
    }
    return NULL;
}

/* An empty slot for a new entry of hash h, after making room: done first,
 * since a rebuild moves the entries (and the probe position). */
static struct text_entry *empty_slot(struct win_textcache *c, uint64_t h)
{
    if ((c->count + 1) * 4 > c->cap * 3 || c->bytes > CACHE_BUDGET_BYTES) {
        rebuild(c, c->cap, true);
        if ((c->count + 1) * 2 > c->cap)
            rebuild(c, c->cap * 2, false);
    }
    int j = (int)(h % (uint64_t)c->cap);
    while (c->slots[j].hash)
        j = (j + 1) % c->cap;
    return &c->slots[j];
}

/* Fills the empty entry e with the run rendered as surf (which it frees),
 * blended onto bgc when bg is set. The entry takes copy. Returns its text,
 * NULL when no texture could be made. */
static const struct win_text *store(struct window *w, struct text_entry *e, const struct run_key *k,
                                    char *copy, uint32_t rgba, uint32_t bg, SDL_Color bgc, SDL_Surface *surf)
{
    struct win_textcache *c = &w->cache;
    /* Should the opaque texture fail, the alpha one draws the same pixels
     * (slower); it is kept under the same key, not made again each frame. */
    SDL_Texture *tex = bg ? opaque_texture(w, surf, bgc) : NULL;
    bool opaque = tex != NULL;
    if (!tex)
        tex = SDL_CreateTextureFromSurface(w->ren, surf);
    e->hash = k->hash;
    e->s = copy;
    e->n = (uint32_t)k->n;
    e->face = (uint16_t)k->face;
    e->px = (uint16_t)k->px;
    e->rgba = rgba;
    e->bg = bg;
    e->used = c->frame;
    e->t.tex = tex;
    e->t.opaque = opaque;
    e->t.w = surf->w;
    e->t.h = surf->h;
    SDL_FreeSurface(surf);
    c->count++;
    c->bytes += (size_t)e->t.w * (size_t)e->t.h * 4;
    return tex ? &e->t : NULL;
}

const struct win_text *win_text_get(struct window *w, const char *s, size_t n, int face,
                                    SDL_Color color, win_text_bg_fn bg_of, void *ctx)
{
    struct win_textcache *c = &w->cache;
    if (n == 0)
        return NULL;
    int px = w->fonts.px[face];
    const struct run_key k = {key_hash(s, n, face, px), s, n, face, px};
    uint32_t rgba = pack(color);
    /* First the run's size, from any entry of it (every colour and
     * background of a run has the same), to learn its background; a run
     * not yet kept is rendered to learn it. */
    int j = run_slot(c, &k);
    SDL_Surface *surf = NULL;
    char *copy = NULL;
    int tw, th;
    if (j >= 0) {
        tw = c->slots[j].t.w;
        th = c->slots[j].t.h;
    } else {
        copy = xstrndup(s, n);
        surf = win_text_render(&w->fonts, face, copy, color);
        if (!surf) {
            free(copy);
            c->misses++;
            return NULL;
        }
        tw = surf->w;
        th = surf->h;
    }
    SDL_Color bgc = bg_of ? bg_of(ctx, tw, th) : (SDL_Color){0, 0, 0, 0};
    uint32_t bg = bgc.a == 255 ? pack(bgc) : 0;
    if (j >= 0) {
        struct text_entry *e = colour_entry(c, j, &k, rgba, bg);
        if (e) {
            e->used = c->frame;
            c->hits++;
            return &e->t;
        }
    }
    c->misses++;
    struct text_entry *e = empty_slot(c, k.hash);
    if (!copy)
        copy = xstrndup(s, n);
    if (!surf)
        surf = win_text_render(&w->fonts, face, copy, color);
    if (!surf) {
        free(copy);
        return NULL;
    }
    return store(w, e, &k, copy, rgba, bg, bgc, surf);
}
