/*
 * draw.c: the display list (building blocks for screens.c), word wrapping,
 * and drawing a layout.
 *
 * Drawing walks the items: rectangles and cached text textures at their
 * places, offset by their scroll view and clipped to it, in two passes (see
 * "drawing" below). Nothing is measured or laid out here, so a redraw of an
 * unchanged screen costs only the blits.
 */
#include <math.h>
#include <string.h>

#include "core/text.h"
#include "win.h"

void layout_reset(struct layout *L)
{
    L->nitems = 0;
    L->nbuttons = 0;
    sb_clear(&L->chars);
    memset(L->scroll, 0, sizeof L->scroll[0]); /* [0] unused */
    for (int i = 1; i < 3; i++) {
        L->scroll[i].view = (SDL_Rect){0, 0, 0, 0};
        L->scroll[i].content_h = 0;
        /* offsets are kept: a relayout does not jump back to the top */
    }
    L->cur_scroll = 0;
    L->cur_layer = 0;
    L->ring_bg = C_BG;
    L->overlay_first = L->banner_first = -1;
    L->stats = L->footer = L->chart = (SDL_Rect){0, 0, 0, 0};
    L->stats_strip = false;
    L->stats_first = L->stats_end = 0;
    memset(L->bar_track, 0, sizeof L->bar_track);
    memset(L->bar_share, 0, sizeof L->bar_share);
    L->scene_text = (SDL_Rect){0, 0, 0, 0};
    L->meanwhile = (SDL_Rect){0, 0, 0, 0};
    L->countdown = (SDL_Rect){0, 0, 0, 0};
    L->panel = (SDL_Rect){0, 0, 0, 0};
    L->banner = (SDL_Rect){0, 0, 0, 0};
    L->turn = (SDL_Rect){0, 0, 0, 0};
    L->turn_player = -1;
    memset(L->reveal, 0, sizeof L->reveal);
}

void layout_free(struct layout *L)
{
    free(L->items);
    free(L->buttons);
    sb_free(&L->chars);
    memset(L, 0, sizeof *L);
}

static struct item *new_item(struct layout *L, int kind)
{
    if (L->nitems == L->capitems) {
        L->capitems = L->capitems ? L->capitems * 2 : 256;
        L->items = xrealloc(L->items, sizeof *L->items * (size_t)L->capitems);
    }
    struct item *it = &L->items[L->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = (uint8_t)kind;
    it->scroll = L->cur_scroll;
    it->button = -1;
    return it;
}

struct item *layout_rect(struct layout *L, int x, int y, int w, int h, int color, int radius)
{
    struct item *it = new_item(L, IT_RECT);
    it->x = x, it->y = y, it->w = w, it->h = h;
    it->color = it->hot = (uint8_t)color;
    it->radius = (int16_t)radius;
    return it;
}

struct item *layout_text(struct layout *L, int x, int y, int face, int color, const char *s, size_t n)
{
    struct item *it = new_item(L, IT_TEXT);
    it->x = x, it->y = y;
    it->face = (uint8_t)face;
    it->color = it->hot = (uint8_t)color;
    it->text = (uint32_t)L->chars.len;
    it->len = (uint32_t)n;
    sb_append(&L->chars, s, n);
    return it;
}

int layout_button(struct layout *L, int kind, int arg, int x, int y, int w, int h, bool disabled)
{
    if (L->nbuttons == L->capbuttons) {
        L->capbuttons = L->capbuttons ? L->capbuttons * 2 : 32;
        L->buttons = xrealloc(L->buttons, sizeof *L->buttons * (size_t)L->capbuttons);
    }
    struct button *b = &L->buttons[L->nbuttons];
    b->r = (SDL_Rect){x, y, w, h};
    b->kind = (uint8_t)kind;
    b->arg = arg;
    b->disabled = disabled;
    b->scroll = L->cur_scroll;
    b->layer = L->cur_layer;
    struct item *ring = new_item(L, IT_RING);
    ring->x = x, ring->y = y, ring->w = w, ring->h = h;
    ring->button = (int16_t)L->nbuttons;
    ring->color = ring->hot = L->ring_bg;
    return L->nbuttons++;
}

int text_width(struct window *w, int face, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    char buf[4096];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
        if (s[i] != TEXT_EMPH_ON && s[i] != TEXT_EMPH_OFF)
            buf[k++] = s[i];
    buf[k] = '\0';
    int tw = 0, th = 0;
    if (k == 0 || !win_text_size(&w->fonts, face, buf, &tw, &th))
        return 0;
    return tw;
}

/* One piece of a line: bytes of the text in one face, with a space before it
 * or not. */
struct atom {
    const char *s;
    size_t n;
    int face;
    int width;
    bool space_before;
};

static void flush_line(struct window *w, struct layout *L, struct atom *a, int na, int x, int y,
                       int lh, int color)
{
    int cx = x;
    int i = 0;
    while (i < na) {
        /* A run: atoms in the same face; spaces between them become text. */
        int face = a[i].face;
        if (i > 0 && a[i].space_before)
            cx += w->fonts.space[face];
        int start_x = cx;
        size_t mark = L->chars.len;
        struct strbuf *cs = &L->chars;
        int j = i;
        int run_w = 0;
        while (j < na && a[j].face == face) {
            if (j > i && a[j].space_before) {
                sb_putc(cs, ' ');
                run_w += w->fonts.space[face];
            }
            sb_append(cs, a[j].s, a[j].n);
            run_w += a[j].width;
            j++;
        }
        /* The run's real width (kerning and rounding make it differ from
         * the sum of its words). */
        int real = text_width(w, face, cs->data + mark, cs->len - mark);
        if (real > 0)
            run_w = real;
        /* Text is centred in its line box. */
        int ty = y + (lh - w->fonts.skip[face]) / 2;
        struct item *it = layout_text(L, start_x, ty, face, color, "", 0);
        it->text = (uint32_t)mark;
        it->len = (uint32_t)(L->chars.len - mark);
        cx = start_x + run_w;
        i = j;
    }
}

static bool is_marker(char c)
{
    return c == TEXT_EMPH_ON || c == TEXT_EMPH_OFF;
}

/* The width a line of atoms takes when flush_line draws it: each run of one
 * face measured whole. The sum of its words' widths can fall short of it
 * by a pixel a word (each word's advance is rounded on its own), enough
 * for a long line to reach its card's border. */
static int line_width(struct window *w, const struct atom *a, int na)
{
    char buf[4096];
    int total = 0;
    for (int i = 0; i < na;) {
        int face = a[i].face;
        if (i > 0 && a[i].space_before)
            total += w->fonts.space[face];
        size_t k = 0;
        int j = i;
        for (; j < na && a[j].face == face; j++) {
            if (j > i && a[j].space_before && k + 1 < sizeof buf)
                buf[k++] = ' ';
            size_t n = a[j].n < sizeof buf - 1 - k ? a[j].n : sizeof buf - 1 - k;
            memcpy(buf + k, a[j].s, n);
            k += n;
        }
        total += text_width(w, face, buf, k);
        i = j;
    }
    return total;
}

/* The word from *q to word_end as atoms, cut at emphasis markers (which
 * switch *emph); at most cap atoms, the rest of the word dropped. Moves *q
 * to word_end; sets *width to the atoms' sum. Returns how many. */
static int word_atoms(struct window *w, const char **q, const char *word_end, int face, int emph_face,
                      bool *emph, struct atom *word, int cap, int *width)
{
    int nw = 0;
    *width = 0;
    while (*q < word_end) {
        if (is_marker(**q)) {
            *emph = **q == TEXT_EMPH_ON;
            (*q)++;
            continue;
        }
        const char *s = *q;
        while (*q < word_end && !is_marker(**q))
            (*q)++;
        if (nw == cap)
            continue;
        int f = *emph ? emph_face : face;
        int aw = text_width(w, f, s, (size_t)(*q - s));
        word[nw++] = (struct atom){s, (size_t)(*q - s), f, aw, false};
        *width += aw;
    }
    return nw;
}

/* The most atoms a line holds (a line of more, which only a very wide
 * window with very small text could make, breaks early). */
enum { LINE_ATOMS = 256 };

/* Whether the line's na atoms (line_w wide) and the word's nw atoms (ww,
 * after a space of space pixels) would pass limit. The sum of the widths
 * decides, but near the edge the line's real width does. */
static bool line_full(struct window *w, const struct atom *line, int na, const struct atom *word, int nw,
                      bool spaced, int line_w, int space, int ww, int limit)
{
    bool full = na + nw > LINE_ATOMS || line_w + space + ww > limit;
    if (na && !full && line_w + space + ww > limit - limit / 16) {
        struct atom with[LINE_ATOMS];
        memcpy(with, line, (size_t)na * sizeof *line);
        for (int k = 0; k < nw; k++)
            with[na + k] = word[k];
        with[na].space_before = spaced;
        full = line_width(w, with, na + nw) > limit;
    }
    return full;
}

int layout_wrap(struct window *w, struct layout *L, const char *text, int x, int y, int width,
                int face, int emph_face, int color, int para_gap, bool measure_only)
{
    int lh = (int)lround(w->fonts.px[face] * 1.42);
    struct atom line[LINE_ATOMS];
    int na = 0, line_w = 0;
    bool emph = false;
    const char *p = text;
    bool first_para = true;
    while (*p || first_para) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        if (!first_para)
            y += para_gap;
        first_para = false;
        /* Words of the paragraph. */
        const char *q = p;
        na = 0;
        line_w = 0;
        while (q < end) {
            const char *gap = q;
            while (q < end && *q == ' ')
                q++;
            if (q >= end)
                break;
            bool spaced = q > gap;
            /* One word (text_word_end), cut into atoms at emphasis markers. */
            struct atom word[32];
            int ww;
            int nw = word_atoms(w, &q, q + text_word_end(q, (size_t)(end - q)), face, emph_face, &emph, word,
                                (int)COUNT_OF(word), &ww);
            if (nw == 0)
                continue;
            int space = na && spaced ? w->fonts.space[word[0].face] : 0;
            /* Half a space to spare: a line's real width (kerning,
             * rounding) can pass the sum of its words by a pixel or two. */
            int limit = width - w->fonts.space[face] / 2;
            if (na && line_full(w, line, na, word, nw, spaced, line_w, space, ww, limit)) {
                if (!measure_only)
                    flush_line(w, L, line, na, x, y, lh, color);
                y += lh;
                na = 0;
                line_w = 0;
                space = 0;
            }
            word[0].space_before = na > 0 && spaced;
            for (int k = 0; k < nw && na < (int)COUNT_OF(line); k++)
                line[na++] = word[k];
            line_w += space + ww;
        }
        if (na) {
            if (!measure_only)
                flush_line(w, L, line, na, x, y, lh, color);
            y += lh;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    return y;
}

/* --------------------------------------------------------------- drawing */

/* A frame is drawn in two passes. The first walks the display list and notes,
 * in order, what each visible item will paint (an op: a fill or a text run),
 * clipped, and where it surely paints every pixel opaquely. The second clears
 * only the part of the page that no opaque op covers (in SDL's software
 * renderer, writing the pixels of a 4K frame costs about as much as anything
 * else in it, so they are not written twice where a panel or a run goes
 * anyway), then runs the ops.
 *
 * Knowing what lies under each text run also lets a run that sits wholly on
 * one opaque colour (the page or a panel) be drawn as a plain copy of a
 * texture blended onto that colour beforehand (textcache.c), instead of
 * blending every pixel of an alpha texture at each draw. Runs over anything
 * else (another run, a rounded corner, a translucent scrim) stay alpha
 * textures. Both give the same pixels as drawing everything in order over a
 * cleared page. */

enum op_kind { OP_CLEAR, OP_FILL, OP_TEXT };

struct op {
    uint8_t kind;
    int radius;        /* OP_FILL, at most half the sides */
    SDL_Rect r;        /* where it draws, before the clip */
    SDL_Rect clip;
    SDL_Rect box;      /* every pixel it may touch: r within the clip */
    SDL_Rect solid[2]; /* where it surely paints opaquely (the colour c for a
                        * fill), within the clip; or empty */
    SDL_Color c;
    SDL_Texture *tex;  /* OP_TEXT */
};

struct frame {
    SDL_Rect page;     /* the whole output */
    SDL_Rect clip;     /* the clip in force */
    SDL_Rect text;     /* the run being asked about (text_bg): its place */
    struct op *ops;
    int n;
    int cap; /* ops' room: op_add adds nothing past it */
};

static bool contains(const SDL_Rect *outer, const SDL_Rect *inner)
{
    return inner->x >= outer->x && inner->y >= outer->y && inner->x + inner->w <= outer->x + outer->w &&
           inner->y + inner->h <= outer->y + outer->h;
}

/* Notes an op that draws at r; nothing (NULL) when the clip hides all of
 * it or the frame is full. */
static struct op *op_add(struct frame *f, int kind, SDL_Rect r, const SDL_Rect *solid, int nsolid,
                         SDL_Color c)
{
    if (f->n >= f->cap)
        return NULL;
    struct op *o = &f->ops[f->n];
    memset(o, 0, sizeof *o);
    if (!SDL_IntersectRect(&r, &f->clip, &o->box))
        return NULL;
    o->kind = (uint8_t)kind;
    o->r = r;
    o->clip = f->clip;
    o->c = c;
    for (int k = 0; k < nsolid; k++) {
        SDL_Rect a;
        if (SDL_IntersectRect(&solid[k], &f->clip, &a))
            SDL_IntersectRect(&a, &f->page, &o->solid[k]);
    }
    f->n++;
    return o;
}

static int clamp_radius(SDL_Rect r, int radius)
{
    if (radius * 2 > r.w)
        radius = r.w / 2;
    if (radius * 2 > r.h)
        radius = r.h / 2;
    return radius;
}

static void op_fill(struct frame *f, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    radius = clamp_radius(r, radius);
    /* Where a rounded rectangle is surely its colour: the cross of its
     * straight parts. */
    SDL_Rect solid[2] = {r, {0, 0, 0, 0}};
    if (radius >= 2) {
        solid[0] = (SDL_Rect){r.x + radius, r.y, r.w - 2 * radius, r.h};
        solid[1] = (SDL_Rect){r.x, r.y + radius, r.w, r.h - 2 * radius};
    }
    struct op *o = op_add(f, OP_FILL, r, solid, c.a == 255 ? 2 : 0, c);
    if (o)
        o->radius = radius;
}

/* win_text_bg_fn: the one colour under the run at f->text of tw x th
 * pixels, as far as it shows through the clip, or alpha 0. */
static SDL_Color text_bg(void *ctx, int tw, int th)
{
    struct frame *f = ctx;
    const SDL_Color none = {0, 0, 0, 0};
    SDL_Rect r = {f->text.x, f->text.y, tw, th}, vis;
    if (!SDL_IntersectRect(&r, &f->clip, &vis))
        return none;
    for (int i = f->n - 1; i >= 0; i--) {
        const struct op *o = &f->ops[i];
        if (!SDL_HasIntersection(&o->box, &vis))
            continue;
        if (o->kind != OP_TEXT && o->c.a == 255 && (contains(&o->solid[0], &vis) || contains(&o->solid[1], &vis)))
            return o->c;
        return none;
    }
    return none; /* not reached: the clear covers the page */
}

static void set_color(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

/* Fills rectangles: an opaque colour without blending (the same pixels, as
 * blending at alpha 255 gives the colour itself, without reading each pixel
 * first). Leaves the blend mode at blending. */
static void fill_rects(SDL_Renderer *r, const SDL_Rect *rects, int n, SDL_Color c)
{
    if (n <= 0)
        return;
    set_color(r, c);
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_RenderFillRects(r, rects, n);
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

/* A rectangle with corners of radius (already clamped). */
static void draw_round(SDL_Renderer *ren, SDL_Rect r, int radius, SDL_Color c)
{
    if (radius < 2) {
        fill_rects(ren, &r, 1, c);
        return;
    }
    /* The straight parts as rectangles (fast on every renderer), the four
     * corners as small triangle fans. */
    SDL_Rect parts[3] = {
        {r.x + radius, r.y, r.w - 2 * radius, r.h},
        {r.x, r.y + radius, radius, r.h - 2 * radius},
        {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius},
    };
    fill_rects(ren, parts, 3, c);
    set_color(ren, c);
    enum { SEG = 6 };
    SDL_Vertex v[4 * (SEG + 2)];
    int idx[4 * SEG * 3];
    int n = 0, ni = 0;
    const float rad = (float)radius;
    const float corners[4][2] = {
        {(float)(r.x + r.w - radius), (float)(r.y + r.h - radius)},
        {(float)(r.x + radius), (float)(r.y + r.h - radius)},
        {(float)(r.x + radius), (float)(r.y + radius)},
        {(float)(r.x + r.w - radius), (float)(r.y + radius)},
    };
    for (int k = 0; k < 4; k++) {
        int centre = n;
        v[n++] = (SDL_Vertex){{corners[k][0], corners[k][1]}, c, {0, 0}};
        for (int s = 0; s <= SEG; s++) {
            float a = (float)M_PI / 2.0f * ((float)k + (float)s / SEG);
            v[n++] = (SDL_Vertex){{corners[k][0] + rad * cosf(a), corners[k][1] + rad * sinf(a)}, c, {0, 0}};
            if (s > 0) {
                idx[ni++] = centre;
                idx[ni++] = n - 2;
                idx[ni++] = n - 1;
            }
        }
    }
    SDL_RenderGeometry(ren, NULL, v, n, idx, ni);
}

void fill_round(struct window *w, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    draw_round(w->ren, r, clamp_radius(r, radius), c);
}

/* How many opaque boxes the clear leaves out: the largest ones. */
enum { MAX_BOXES = 64 };

/* The largest MAX_BOXES of the ops' opaque parts, in box; returns how many. */
static int largest_solids(const struct frame *f, SDL_Rect *box)
{
    long area[MAX_BOXES];
    int nb = 0;
    for (int i = 0; i < f->n; i++) {
        const struct op *o = &f->ops[i];
        if (o->kind == OP_CLEAR)
            continue;
        for (int k = 0; k < 2; k++) {
            const SDL_Rect *s = &o->solid[k];
            if (s->w <= 0 || s->h <= 0)
                continue;
            long a = (long)s->w * s->h;
            int slot = nb;
            if (nb == MAX_BOXES) { /* keep the largest */
                slot = 0;
                for (int j = 1; j < nb; j++)
                    if (area[j] < area[slot])
                        slot = j;
                if (area[slot] >= a)
                    continue;
            } else {
                nb++;
            }
            box[slot] = *s;
            area[slot] = a;
        }
    }
    return nb;
}

/* The page's and the boxes' top and bottom edges, sorted, in ys; returns
 * how many. A band lies between two consecutive distinct ones. */
static int band_edges(const struct frame *f, const SDL_Rect *box, int nb, int *ys)
{
    int ny = 0;
    ys[ny++] = f->page.y;
    ys[ny++] = f->page.y + f->page.h;
    for (int j = 0; j < nb; j++) {
        ys[ny++] = box[j].y;
        ys[ny++] = box[j].y + box[j].h;
    }
    for (int i = 1; i < ny; i++)
        for (int j = i; j > 0 && ys[j - 1] > ys[j]; j--) {
            int t = ys[j];
            ys[j] = ys[j - 1];
            ys[j - 1] = t;
        }
    return ny;
}

/* Adds to out the gaps between the boxes across the band from y0 to y1,
 * widened to whole 64-byte cache lines (16 pixels: SDL's fill writes past
 * the cache, and a line written in part that way is slow; what is widened
 * over is painted over again). Returns the new count. */
static int band_gaps(const struct frame *f, const SDL_Rect *box, int nb, int y0, int y1, SDL_Rect *out,
                     int nout)
{
    /* The boxes across this band, by left edge. */
    int x0[MAX_BOXES], x1[MAX_BOXES], nx = 0;
    for (int j = 0; j < nb; j++) {
        if (box[j].y > y0 || box[j].y + box[j].h < y1)
            continue;
        int k = nx++;
        for (; k > 0 && x0[k - 1] > box[j].x; k--) {
            x0[k] = x0[k - 1];
            x1[k] = x1[k - 1];
        }
        x0[k] = box[j].x;
        x1[k] = box[j].x + box[j].w;
    }
    int cx = f->page.x, right = f->page.x + f->page.w;
    for (int k = 0; k <= nx; k++) {
        int gx0 = cx, gx1 = k < nx ? x0[k] : right;
        if (gx1 > gx0) {
            gx0 &= ~15;
            gx1 = (gx1 + 15) & ~15;
            if (gx0 < f->page.x)
                gx0 = f->page.x;
            if (gx1 > right)
                gx1 = right;
            SDL_Rect *last = nout ? &out[nout - 1] : NULL;
            if (last && last->y == y0 && last->x + last->w >= gx0)
                last->w = gx1 - last->x;
            else
                out[nout++] = (SDL_Rect){gx0, y0, gx1 - gx0, y1 - y0};
        }
        if (k < nx && x1[k] > cx)
            cx = x1[k];
    }
    return nout;
}

/* Clears, in colour bg, the page but for the opaque parts of the ops: the
 * page minus the largest of them, cut into horizontal bands. */
static void clear_uncovered(SDL_Renderer *ren, const struct frame *f, SDL_Color bg)
{
    SDL_Rect box[MAX_BOXES];
    int nb = largest_solids(f, box);
    int ys[2 * MAX_BOXES + 2];
    int ny = band_edges(f, box, nb, ys);
    SDL_Rect *out = xmalloc(sizeof *out * (size_t)(ny - 1) * (size_t)(nb + 1));
    int nout = 0;
    for (int b = 0; b + 1 < ny; b++)
        if (ys[b + 1] > ys[b])
            nout = band_gaps(f, box, nb, ys[b], ys[b + 1], out, nout);
    fill_rects(ren, out, nout, bg);
    free(out);
}

static const struct button *button_of(const struct window *w, const struct item *it)
{
    return it->button >= 0 && it->button < w->L.nbuttons ? &w->L.buttons[it->button] : NULL;
}

/* A scroll view's marks, as ops: the bar (in the muted colour, 3:1 against
 * the page) and, while more lies below, a "More below" pill at the view's
 * bottom, so that a choice under the fold is never a guess. MARK_OPS: the
 * most ops it adds (the bar, the band, the pill and its text). */
enum { MARK_OPS = 4 };
static void scroll_marks(struct window *w, struct frame *f, int layer)
{
    const struct scroll_view *sv = &w->L.scroll[layer];
    w->more_pill[layer] = (SDL_Rect){0, 0, 0, 0};
    w->scroll_bar[layer] = (SDL_Rect){0, 0, 0, 0};
    if (sv->content_h <= sv->view.h || sv->view.h <= 0)
        return;
    SDL_Rect saved = f->clip;
    f->clip = f->page;
    int thick = w->unit / 5 > 4 ? w->unit / 5 : 4;
    int track_h = sv->view.h;
    int bar_h = track_h * sv->view.h / sv->content_h;
    if (bar_h < 3 * thick)
        bar_h = 3 * thick;
    int range = sv->content_h - sv->view.h;
    int y = sv->view.y + (track_h - bar_h) * sv->offset / (range > 0 ? range : 1);
    w->scroll_bar[layer] = (SDL_Rect){sv->view.x + sv->view.w - thick, y, thick, bar_h};
    op_fill(f, w->scroll_bar[layer], thick / 2, w->pal->c[C_MUTED]);
    if (sv->offset < range - 2) {
        static const char more[] = "More below \u2193";
        SDL_Color on = w->pal->c[C_ON_ACCENT];
        const struct win_text *t = win_text_get(w, more, sizeof more - 1, FACE_SMALL_BOLD, on, NULL, NULL);
        if (t && t->tex) {
            int pad = w->unit / 2;
            SDL_Rect pill = {0, 0, t->w + 2 * pad, t->h + pad / 2};
            pill.x = sv->view.x + sv->view.w - thick - w->unit / 3 - pill.w;
            pill.y = sv->view.y + sv->view.h - pill.h - w->unit / 4;
            /* A band of page behind it, across the view: the pill covers
             * no text, the content just ends higher while more lies below
             * (window.c's scroll_to keeps a focused button above it). */
            w->more_pill[layer] = pill;
            int band_y = win_more_band_top(w, layer);
            SDL_Rect band = {sv->view.x, band_y, sv->view.w - thick, sv->view.y + sv->view.h - band_y};
            op_fill(f, band, 0, w->pal->c[C_BG]);
            op_fill(f, pill, pill.h / 2, w->pal->c[C_ACCENT]);
            SDL_Rect dst = {pill.x + pad, pill.y + pad / 4, t->w, t->h};
            struct op *o = op_add(f, OP_TEXT, dst, &dst, 0, on);
            if (o)
                o->tex = t->tex;
        }
    }
    f->clip = saved;
}

/* The ops of item it (a fill, a focus ring's two, a text run) into f, in
 * its scroll view's place; nothing for an item scrolled out of sight. */
static void item_ops(struct window *w, struct frame *f, const struct item *it)
{
    const struct layout *L = &w->L;
    const struct scroll_view *sv = it->scroll ? &L->scroll[it->scroll] : NULL;
    int dy = sv ? sv->view.y - sv->offset : 0;
    int dx = sv ? sv->view.x : 0;
    int x = it->x + dx, y = it->y + dy;
    if (sv && (y > sv->view.y + sv->view.h || y + (it->h ? it->h : 4 * w->unit) < sv->view.y))
        return;
    const struct button *b = button_of(w, it);
    bool hot = b && !b->disabled && it->button == w->hover;
    SDL_Color c = w->pal->c[hot ? it->hot : it->color];
    switch (it->kind) {
    case IT_RECT:
        op_fill(f, (SDL_Rect){x, y, it->w, it->h}, it->radius, c);
        break;
    case IT_RING:
        if (w->kbd && it->button == w->focus) {
            int t = w->unit / 7 > 3 ? w->unit / 7 : 3;
            SDL_Rect r = {x - 2 * t, y - 2 * t, it->w + 4 * t, it->h + 4 * t};
            op_fill(f, r, w->unit / 2 + 2 * t, w->pal->c[C_FOCUS]);
            SDL_Rect gap = {x - t, y - t, it->w + 2 * t, it->h + 2 * t};
            op_fill(f, gap, w->unit / 2 + t, w->pal->c[it->color]);
        }
        break;
    case IT_TEXT: {
        f->text = (SDL_Rect){x, y, 0, 0};
        const struct win_text *t = win_text_get(w, L->chars.data + it->text, it->len, it->face, c, text_bg, f);
        if (t && t->tex) {
            SDL_Rect dst = {x, y, t->w, t->h};
            struct op *o = op_add(f, OP_TEXT, dst, &dst, t->opaque ? 1 : 0, c);
            if (o)
                o->tex = t->tex;
        }
        break;
    }
    default:
        break;
    }
}

/* Pass 1: the ops of the display list, in order, each under the clip of its
 * scroll view, with the views' scroll marks between the layers. */
static void collect_ops(struct window *w, struct frame *f)
{
    const struct layout *L = &w->L;
    int clip_layer = 0;
    for (int i = 0; i <= L->nitems; i++) {
        /* The base view's marks go under the overlay; the overlay's under
         * the banner. */
        if (i == (L->overlay_first >= 0 ? L->overlay_first : L->banner_first >= 0 ? L->banner_first : L->nitems))
            scroll_marks(w, f, 1);
        if (i == (L->banner_first >= 0 ? L->banner_first : L->nitems))
            scroll_marks(w, f, 2);
        if (i == L->nitems)
            break;
        const struct item *it = &L->items[i];
        if (it->kind == IT_CLIP) {
            clip_layer = it->scroll;
            f->clip = clip_layer ? L->scroll[clip_layer].view : f->page;
            continue;
        }
        if (it->scroll && clip_layer != it->scroll) {
            clip_layer = it->scroll;
            f->clip = L->scroll[it->scroll].view;
        } else if (!it->scroll && clip_layer) {
            clip_layer = 0;
            f->clip = f->page;
        }
        item_ops(w, f, it);
    }
}

/* Pass 2: the page where nothing opaque goes, then the ops in order. */
static void paint_ops(SDL_Renderer *ren, const struct frame *f, SDL_Color bg)
{
    SDL_RenderSetClipRect(ren, NULL);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    clear_uncovered(ren, f, bg);
    SDL_Rect clip = f->page;
    for (int i = 0; i < f->n; i++) {
        const struct op *o = &f->ops[i];
        if (o->kind == OP_CLEAR)
            continue;
        if (!SDL_RectEquals(&o->clip, &clip)) {
            clip = o->clip;
            SDL_RenderSetClipRect(ren, SDL_RectEquals(&clip, &f->page) ? NULL : &clip);
        }
        if (o->kind == OP_FILL)
            draw_round(ren, o->r, o->radius, o->c);
        else
            SDL_RenderCopy(ren, o->tex, NULL, &o->r);
    }
}

void win_draw(struct window *w, bool present)
{
    double t0 = clock_seconds();
    SDL_Renderer *ren = w->ren;
    w->cache.frame++;
    /* The ops (a ring paints two fills; the clear is the first). */
    enum { STACK_OPS = 256 };
    struct op stack_ops[STACK_OPS];
    size_t max_ops = 2 * (size_t)w->L.nitems + 1 + 2 * MARK_OPS; /* and two views' scroll marks */
    struct frame f = {.ops = max_ops <= STACK_OPS ? stack_ops : xmalloc(max_ops * sizeof(struct op)),
                      .cap = (int)max_ops};
    f.page = (SDL_Rect){0, 0, w->out_w, w->out_h};
    f.clip = f.page;
    op_add(&f, OP_CLEAR, f.page, &f.page, 1, w->pal->c[C_BG]);
    collect_ops(w, &f);
    paint_ops(ren, &f, w->pal->c[C_BG]);
    if (f.ops != stack_ops)
        free(f.ops);
    SDL_RenderSetClipRect(ren, NULL);
    SDL_RenderFlush(ren); /* batched commands run now, so that the time is the draw's */
    w->last_draw = clock_seconds() - t0;
    if (present)
        SDL_RenderPresent(ren);
}
