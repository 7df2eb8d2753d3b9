/*
 * draw.c: the display list (building blocks for screens.c), word wrapping,
 * and drawing a layout.
 *
 * Drawing walks the items once: rectangles, then cached text textures at
 * their places, offset by their scroll view and clipped to it. Nothing is
 * measured or laid out here, so a redraw of an unchanged screen costs only
 * the blits.
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
    memset(L->bar_track, 0, sizeof L->bar_track);
    memset(L->bar_share, 0, sizeof L->bar_share);
    L->scene_text = (SDL_Rect){0, 0, 0, 0};
    L->countdown = (SDL_Rect){0, 0, 0, 0};
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
    if (k == 0 || TTF_SizeUTF8(w->fonts.font[face], buf, &tw, &th) != 0)
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

int layout_wrap(struct window *w, struct layout *L, const char *text, int x, int y, int width,
                int face, int emph_face, int color, int para_gap, bool measure_only)
{
    int lh = (int)lround(w->fonts.px[face] * 1.42);
    struct atom line[256];
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
            while (q < end && *q == ' ')
                q++;
            if (q >= end)
                break;
            /* One word: atoms until a space. */
            struct atom word[32];
            int nw = 0, ww = 0;
            while (q < end && *q != ' ') {
                if (*q == TEXT_EMPH_ON || *q == TEXT_EMPH_OFF) {
                    emph = *q == TEXT_EMPH_ON;
                    q++;
                    continue;
                }
                const char *s = q;
                while (q < end && *q != ' ' && *q != TEXT_EMPH_ON && *q != TEXT_EMPH_OFF)
                    q++;
                if (nw == (int)COUNT_OF(word))
                    continue;
                int f = emph ? emph_face : face;
                int aw = text_width(w, f, s, (size_t)(q - s));
                word[nw++] = (struct atom){s, (size_t)(q - s), f, aw, false};
                ww += aw;
            }
            if (nw == 0)
                continue;
            int space = na ? w->fonts.space[word[0].face] : 0;
            if (na && (line_w + space + ww > width || na + nw > (int)COUNT_OF(line))) {
                if (!measure_only)
                    flush_line(w, L, line, na, x, y, lh, color);
                y += lh;
                na = 0;
                line_w = 0;
                space = 0;
            }
            word[0].space_before = na > 0;
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

static void set_color(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

void fill_round(struct window *w, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    if (radius * 2 > r.w)
        radius = r.w / 2;
    if (radius * 2 > r.h)
        radius = r.h / 2;
    if (radius < 2) {
        set_color(w->ren, c);
        SDL_RenderFillRect(w->ren, &r);
        return;
    }
    /* The straight parts as rectangles (fast on every renderer), the four
     * corners as small triangle fans. */
    set_color(w->ren, c);
    SDL_Rect parts[3] = {
        {r.x + radius, r.y, r.w - 2 * radius, r.h},
        {r.x, r.y + radius, radius, r.h - 2 * radius},
        {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius},
    };
    SDL_RenderFillRects(w->ren, parts, 3);
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
    SDL_RenderGeometry(w->ren, NULL, v, n, idx, ni);
}

static const struct button *button_of(const struct window *w, const struct item *it)
{
    return it->button >= 0 && it->button < w->L.nbuttons ? &w->L.buttons[it->button] : NULL;
}

static void draw_scrollbar(struct window *w, const struct scroll_view *sv)
{
    if (sv->content_h <= sv->view.h || sv->view.h <= 0)
        return;
    int thick = w->unit / 5 > 4 ? w->unit / 5 : 4;
    int track_h = sv->view.h;
    int bar_h = track_h * sv->view.h / sv->content_h;
    if (bar_h < 3 * thick)
        bar_h = 3 * thick;
    int range = sv->content_h - sv->view.h;
    int y = sv->view.y + (track_h - bar_h) * sv->offset / (range > 0 ? range : 1);
    SDL_Rect r = {sv->view.x + sv->view.w - thick, y, thick, bar_h};
    fill_round(w, r, thick / 2, w->pal->c[C_BORDER]);
}

void win_draw(struct window *w, bool present)
{
    double t0 = clock_seconds();
    SDL_Renderer *ren = w->ren;
    w->cache.frame++;
    SDL_RenderSetClipRect(ren, NULL);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    set_color(ren, w->pal->c[C_BG]);
    SDL_RenderClear(ren);
    const struct layout *L = &w->L;
    int clip_layer = 0;
    for (int i = 0; i < L->nitems; i++) {
        const struct item *it = &L->items[i];
        const struct scroll_view *sv = it->scroll ? &L->scroll[it->scroll] : NULL;
        int dy = sv ? sv->view.y - sv->offset : 0;
        int dx = sv ? sv->view.x : 0;
        if (it->kind == IT_CLIP) {
            clip_layer = it->scroll;
            SDL_RenderSetClipRect(ren, clip_layer ? &L->scroll[clip_layer].view : NULL);
            continue;
        }
        if (sv && clip_layer != it->scroll) {
            clip_layer = it->scroll;
            SDL_RenderSetClipRect(ren, &sv->view);
        } else if (!sv && clip_layer) {
            clip_layer = 0;
            SDL_RenderSetClipRect(ren, NULL);
        }
        int x = it->x + dx, y = it->y + dy;
        if (sv && (y > sv->view.y + sv->view.h || y + (it->h ? it->h : 4 * w->unit) < sv->view.y))
            continue;
        const struct button *b = button_of(w, it);
        bool hot = b && !b->disabled && it->button == w->hover;
        SDL_Color c = w->pal->c[hot ? it->hot : it->color];
        switch (it->kind) {
        case IT_RECT:
            fill_round(w, (SDL_Rect){x, y, it->w, it->h}, it->radius, c);
            break;
        case IT_RING:
            if (w->kbd && it->button == w->focus) {
                int t = w->unit / 7 > 3 ? w->unit / 7 : 3;
                SDL_Rect r = {x - 2 * t, y - 2 * t, it->w + 4 * t, it->h + 4 * t};
                fill_round(w, r, w->unit / 2 + 2 * t, w->pal->c[C_FOCUS]);
                SDL_Rect gap = {x - t, y - t, it->w + 2 * t, it->h + 2 * t};
                fill_round(w, gap, w->unit / 2 + t, w->pal->c[it->color]);
            }
            break;
        case IT_TEXT: {
            const struct win_text *t = win_text_get(w, L->chars.data + it->text, it->len, it->face, c);
            if (t && t->tex) {
                SDL_Rect dst = {x, y, t->w, t->h};
                SDL_RenderCopy(ren, t->tex, NULL, &dst);
            }
            break;
        }
        default:
            break;
        }
    }
    SDL_RenderSetClipRect(ren, NULL);
    for (int k = 1; k < 3; k++)
        draw_scrollbar(w, &L->scroll[k]);
    SDL_RenderFlush(ren); /* batched commands run now, so that the time is the draw's */
    w->last_draw = clock_seconds() - t0;
    if (present)
        SDL_RenderPresent(ren);
}
