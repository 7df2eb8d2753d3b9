/*
 * screens.c: the layout of every screen and overlay, in pixels, for the
 * window's current size and type scale.
 *
 * Sizes derive from one unit, the body text size (win_layout's caller sets
 * it from the window's height: 30 px at 1080p, times the text size setting),
 * so the same layout reflows from 800x600 to 4K. Margins, gaps and radii are
 * fractions of it. One accent colour marks what can be acted on; the focus
 * ring is a second, warmer colour so the keyboard's place is never in doubt.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "core/recap.h"
#include "core/text.h"
#include "win.h"


int ui_lh(const struct window *w, int face)
{
    return (int)lround(w->fonts.px[face] * 1.42);
}

/* One line of text; returns its width. */
int ui_line(struct window *w, int x, int y, int face, int color, const char *s)
{
    size_t n = strlen(s);
    layout_text(&w->L, x, y, face, color, s, n);
    return text_width(w, face, s, n);
}

/* One line, right-aligned at x. */
void ui_line_right(struct window *w, int x, int y, int face, int color, const char *s)
{
    int tw = text_width(w, face, s, strlen(s));
    ui_line(w, x - tw, y, face, color, s);
}

int ui_wrap(struct window *w, const char *text, int x, int y, int width, int face, int color)
{
    int emph = face == FACE_SMALL || face == FACE_SMALL_BOLD ? FACE_SMALL : FACE_ITALIC;
    if (face == FACE_BOLD || face == FACE_H2 || face == FACE_H1)
        emph = face;
    return layout_wrap(w, &w->L, text, x, y, width, face, emph, color, w->unit * 6 / 10, false);
}

int ui_wrap_height(struct window *w, const char *text, int width, int face)
{
    return layout_wrap(w, &w->L, text, 0, 0, width, face, face == FACE_BODY ? FACE_ITALIC : face,
                       C_TEXT, w->unit * 6 / 10, true);
}

void ui_fit(struct window *w, int face, const char *s, int width, char *buf, size_t cap)
{
    static const char ellipsis[] = "\u2026";
    const size_t el = sizeof ellipsis - 1;
    str_copy(buf, cap, s);
    size_t n = strlen(buf);
    if (text_width(w, face, buf, n) <= width)
        return;
    if (cap <= el) {
        buf[0] = '\0';
        return;
    }
    if (n > cap - 1 - el)
        n = cap - 1 - el + 1; /* the loop steps back at least one byte */
    while (n > 0) {
        do
            n--;
        while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
        memcpy(buf + n, ellipsis, el + 1);
        if (n == 0 || text_width(w, face, buf, n + el) <= width)
            return;
    }
}

void ui_link(struct item *it, int button, int hot)
{
    it->button = (int16_t)button;
    it->hot = (uint8_t)hot;
}

/* A bordered card; returns the inner rect's item. */
void ui_card(struct window *w, const struct metrics *M, int x, int y, int width, int height,
                 int button, int fill, int fill_hot)
{
    struct item *o = layout_rect(&w->L, x, y, width, height, fill == C_DISABLED_BG ? C_TRACK : C_BORDER,
                                 M->rad);
    struct item *i = layout_rect(&w->L, x + M->bw, y + M->bw, width - 2 * M->bw,
                                 height - 2 * M->bw, fill, M->rad - M->bw);
    if (button >= 0) {
        ui_link(o, button, fill == C_DISABLED_BG ? C_TRACK : C_ACCENT);
        ui_link(i, button, fill_hot);
    }
}

/* A button sized to its label: primary (accent) or secondary (bordered).
 * Returns its width. */
int ui_button(struct window *w, const struct metrics *M, int kind, int arg,
                       const char *label, const char *key, int x, int y, bool primary,
                       bool disabled)
{
    int tw = text_width(w, FACE_BOLD, label, strlen(label));
    int kw = key ? text_width(w, FACE_SMALL, key, strlen(key)) + M->u / 2 : 0;
    int h = ui_lh(w, FACE_BOLD) + M->pad;
    int width = tw + kw + 2 * M->pad + M->u / 2;
    int b = layout_button(&w->L, kind, arg, x, y, width, h, disabled);
    int text_color = C_TEXT, key_color = C_MUTED;
    if (disabled) {
        ui_card(w, M, x, y, width, h, b, C_DISABLED_BG, C_DISABLED_BG);
        text_color = key_color = C_DISABLED_TEXT;
    } else if (primary) {
        ui_link(layout_rect(&w->L, x, y, width, h, C_ACCENT, M->rad), b, C_ACCENT_HOT);
        text_color = key_color = C_ON_ACCENT;
    } else {
        ui_card(w, M, x, y, width, h, b, C_SURFACE, C_SURFACE_HOT);
    }
    int ty = y + (h - w->fonts.skip[FACE_BOLD]) / 2;
    ui_line(w, x + M->pad + M->u / 4, ty, FACE_BOLD, text_color, label);
    if (key) {
        int ky = y + (h - w->fonts.skip[FACE_SMALL]) / 2;
        ui_line(w, x + M->pad + M->u / 4 + tw + M->u / 2, ky, FACE_SMALL, key_color, key);
    }
    return width;
}

int ui_chip(struct window *w, const struct metrics *M, int x, int y, const char *text,
                int color, int fill)
{
    int tw = text_width(w, FACE_SMALL_BOLD, text, strlen(text));
    int h = ui_lh(w, FACE_SMALL);
    int width = tw + M->u;
    layout_rect(&w->L, x, y, width, h, fill, h / 2);
    ui_line(w, x + M->u / 2, y + (h - w->fonts.skip[FACE_SMALL_BOLD]) / 2, FACE_SMALL_BOLD, color, text);
    return width;
}

/* "+3 Vision", "Runway -1" chips for a decision's changes (recap_changes:
 * score and stat_delta may be NULL), flowing in rows. Returns the y below
 * them (y itself when there is nothing to show). */
int ui_change_chips(struct window *w, const struct metrics *M, const struct scenario *sc,
                        const double *score, const double *stat_delta, int x, int y, int width)
{
    int cx = x, rows = 0;
    int h = ui_lh(w, FACE_SMALL);
    struct changes ch;
    recap_changes(sc, score, stat_delta, &ch);
    for (int k = 0; k < ch.n; k++) {
        const struct change *c = &ch.item[k];
        int cw = text_width(w, FACE_SMALL_BOLD, c->text, strlen(c->text)) + M->u;
        if (cx > x && cx + cw > x + width) {
            cx = x;
            rows++;
        }
        if (rows == 0 && cx == x)
            rows = 1;
        ui_chip(w, M, cx, y + (rows - 1) * (h + M->u / 3), c->text, c->value > 0 ? C_POSITIVE : C_NEGATIVE,
                C_CHIP);
        cx += cw + M->u / 3;
    }
    return rows ? y + rows * (h + M->u / 3) : y;
}

/* "Meanwhile" and chips for what changed as the next scene began (a
 * decision's enter_delta), apart from the choice's own changes. Returns the
 * y below (y itself when nothing changed). */
int ui_meanwhile(struct window *w, const struct metrics *M, const struct scenario *sc,
                 const double *enter_delta, int x, int y, int width)
{
    struct changes ch;
    recap_changes(sc, NULL, enter_delta, &ch);
    if (!ch.n)
        return y;
    ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, "Meanwhile");
    int bottom = ui_change_chips(w, M, sc, NULL, enter_delta, x, y + ui_lh(w, FACE_SMALL), width);
    w->L.meanwhile = (SDL_Rect){x, y, width, bottom - y};
    return bottom;
}

/* What the debrief says of decision i's best choice (recap_best; pick p of
 * a duet's secret decision, or -1): the words and, when another choice was
 * better, its points as chips. Returns the y below. */
int ui_best(struct window *w, const struct metrics *M, int i, int p, int x, int y, int width)
{
    struct strbuf line;
    sb_init(&line);
    sb_puts(&line, "✓ ");
    size_t mark = line.len;
    const double *score;
    switch (recap_best(w->s->g, i, p, &line, &score)) {
    case RECAP_BEST_TAKEN: y = ui_wrap(w, line.data, x, y, width, FACE_SMALL_BOLD, C_POSITIVE); break;
    case RECAP_BEST_LOCKED: /* the best was locked: say so and why */
        y = ui_wrap(w, line.data + mark, x, y, width, FACE_SMALL_BOLD, C_WARNING);
        break;
    case RECAP_BEST_OTHER: {
        y = ui_wrap(w, line.data + mark, x, y, width, FACE_SMALL_BOLD, C_WARNING);
        int below = ui_change_chips(w, M, w->s->g->sc, score, NULL, x, y + M->u / 6, width);
        if (below > y)
            y = below;
        break;
    }
    case RECAP_BEST_NONE: break;
    }
    sb_free(&line);
    return y;
}

/* "Startup · Pricing": a scene's phase and title (its id without one), as
 * the debrief heads each decision. */
void ui_scene_heading(const struct scene *sn, char *buf, size_t cap)
{
    str_format(buf, cap, "%s%s%s", sn->phase, sn->phase[0] ? " · " : "", sn->title[0] ? sn->title : sn->id);
}

/* A decision's number in a rounded square, as the debrief lists them; its
 * size (the square's side). */
int ui_number_badge(struct window *w, const struct metrics *M, int number, int x, int y)
{
    char num[16];
    int badge = M->u * 3 / 2;
    layout_rect(&w->L, x, y, badge, badge, C_CHIP, M->rad * 2 / 3);
    str_format(num, sizeof num, "%d", number);
    int nw = text_width(w, FACE_BOLD, num, strlen(num));
    ui_line(w, x + (badge - nw) / 2, y + (badge - w->fonts.skip[FACE_BOLD]) / 2, FACE_BOLD, C_TEXT, num);
    return badge;
}

void ui_bar(struct window *w, int x, int y, int width, int height, double share, int fill)
{
    if (share < 0)
        share = 0;
    if (share > 1)
        share = 1;
    layout_rect(&w->L, x, y, width, height, C_TRACK, height / 2);
    int fw = (int)lround(width * share);
    if (fw > 0)
        layout_rect(&w->L, x, y, fw, height, fill, height / 2);
}

/* The header of the game screens: a phase label, a title, and who plays on
 * the right. Returns the y below it. */
int ui_header(struct window *w, const struct metrics *M, const char *kicker, int kicker_color,
                  const char *title, const char *right)
{
    int y = M->m * 6 / 10;
    if (kicker && kicker[0])
        ui_line(w, M->m, y, FACE_SMALL_BOLD, kicker_color, kicker);
    if (right && right[0]) {
        char shown[600];
        int kw = kicker && kicker[0] ? text_width(w, FACE_SMALL_BOLD, kicker, strlen(kicker)) + M->u : 0;
        ui_fit(w, FACE_SMALL, right, M->W - 2 * M->m - kw, shown, sizeof shown);
        ui_line_right(w, M->W - M->m, y, FACE_SMALL, C_MUTED, shown);
    }
    y += ui_lh(w, FACE_SMALL);
    int tw = M->W - 2 * M->m - (w->timing ? 7 * M->u : 0);
    /* Large text on a short screen: a smaller title leaves the room to the
     * story and the choices. */
    int face = ui_lh(w, FACE_H1) > M->H / 8 ? FACE_H2 : FACE_H1;
    y = layout_wrap(w, &w->L, title, M->m, y, tw, face, face, C_TEXT, 0, false);
    y += M->u / 3;
    layout_rect(&w->L, M->m, y, M->W - 2 * M->m, M->bw > 1 ? M->bw : 1, C_BORDER, 0);
    return y + M->u * 3 / 4;
}

int ui_footer(struct window *w, const struct metrics *M, const char *hints)
{
    int h = ui_lh(w, FACE_SMALL) + M->m / 2;
    int y = M->H - h + (h - w->fonts.skip[FACE_SMALL]) / 2 - M->m / 8;
    int maxw = M->W - 2 * M->m;
    /* Hints drop from the end when they do not fit. */
    char buf[512];
    str_copy(buf, sizeof buf, hints);
    while (text_width(w, FACE_SMALL, buf, strlen(buf)) > maxw) {
        char *cut = NULL;
        for (char *q = strstr(buf, "   "); q; q = strstr(q + 1, "   "))
            cut = q;
        if (!cut)
            break;
        *cut = '\0';
    }
    ui_line(w, M->m, y, FACE_SMALL, C_MUTED, buf);
    w->L.footer = (SDL_Rect){0, M->H - h, M->W, h};
    return h;
}

static const char *who(struct window *w, char *buf, size_t cap)
{
    const struct game *g = w->s->g;
    if (g->nplayers > 1) {
        str_format(buf, cap, "A duet: %s and %s", g->s.players[0].name, g->s.players[1].name);
        return buf;
    }
    const struct game_player *p = &g->s.players[g->view.decider];
    str_format(buf, cap, "%s · %s", p->name, g->sc->roles[p->role].name);
    return buf;
}

/* Starts a scroll view: items and buttons after this go into it. Content
 * coordinates start at the view's top left; ring room is left on the sides. */
void ui_begin_scroll(struct window *w, int layer, SDL_Rect view)
{
    w->L.scroll[layer].view = view;
    w->L.cur_scroll = (uint8_t)layer;
    struct item *clip = layout_rect(&w->L, 0, 0, 0, 0, C_BG, 0);
    clip->kind = IT_CLIP;
}

/* Starts the base view's scroll for a column width wide at the left margin,
 * from y0 to y1: room around it for the focus ring, beside it for the
 * scroll bar. Its content starts at (M->ring, M->ring). */
void ui_begin_column(struct window *w, const struct metrics *M, int y0, int y1, int width)
{
    int R = M->ring;
    ui_begin_scroll(w, 1, (SDL_Rect){M->m - R, y0 - R, width + 2 * R + M->sbw, y1 - y0 + R});
}

void ui_end_scroll(struct window *w, int content_h)
{
    int layer = w->L.cur_scroll;
    w->L.scroll[layer].content_h = content_h;
    w->L.cur_scroll = 0;
    struct item *clip = layout_rect(&w->L, 0, 0, 0, 0, C_BG, 0);
    clip->kind = IT_CLIP;
}

/* What the last decision changed, to show on the stats and scores: its own
 * changes and what moved as this scene began. NULL before the first. */
static const struct decision *last_decision(const struct window *w)
{
    const struct game *g = w->s->g;
    return g->nlog > 0 ? &g->log[g->nlog - 1] : NULL;
}

static double stat_change(const struct decision *d, int i)
{
    return d ? d->stat_delta[i] + d->enter_delta[i] : 0;
}

/* The decider's points from the last decision in dimension k (solo). */
static double score_change(const struct window *w, const struct decision *d, int k)
{
    if (!d || w->s->g->nplayers > 1 || d->player != w->s->g->view.decider)
        return 0;
    return d->score[k];
}

/* A small "+3" or "−1" after a value that just changed; its width. */
static int delta_chip(struct window *w, const struct metrics *M, int x_right, int y, double v)
{
    if (fabs(v) < 1e-9)
        return 0;
    char num[64];
    format_signed(num, sizeof num, v);
    int tw = text_width(w, FACE_SMALL_BOLD, num, strlen(num));
    int h = ui_lh(w, FACE_SMALL);
    int cw = tw + M->u / 2;
    int x = x_right - cw;
    layout_rect(&w->L, x, y, cw, h, v > 0 ? C_POSITIVE : C_NEGATIVE, h / 2);
    ui_line(w, x + M->u / 4, y + (h - w->fonts.skip[FACE_SMALL_BOLD]) / 2, FACE_SMALL_BOLD, C_ON_ACCENT,
            num);
    return cw + M->u / 4;
}

/* The role's weight of each dimension, as "×2", when they differ: what the
 * weighted total multiplies each score by. buf is "" when all are equal. */
static void weight_text(const struct scenario *sc, int role, int k, char *buf, size_t cap)
{
    buf[0] = '\0';
    const double *wt = sc->roles[role].weights;
    bool differ = false;
    for (int d = 1; d < sc->ndimensions; d++)
        differ = differ || fabs(wt[d] - wt[0]) > 1e-9;
    if (!differ)
        return;
    char num[64];
    format_number(num, sizeof num, wt[k]);
    str_format(buf, cap, "×%s", num);
}

/* A stat's value as the core words it, cut to the window's buffer (a label
 * drawn on one line has no use for more). */
static void stat_value_text(const struct stat_def *st, double v, char *buf, size_t cap)
{
    struct strbuf sb;
    sb_init(&sb);
    recap_stat_value(st, v, &sb);
    str_copy(buf, cap, sb.data);
    sb_free(&sb);
}

/* The stats and scores: every visible stat, and a bar per dimension showing
 * the points against the best the role can reach, each with what the last
 * decision changed. Returns the height. */
static int hud(struct window *w, const struct metrics *M, int x, int y, int width)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    const struct decision *last = last_decision(w);
    int y0 = y;
    char num[64], buf[256];
    int small = ui_lh(w, FACE_SMALL);
    int barh = M->u / 4 > 4 ? M->u / 4 : 4;
    bool any = false;
    for (int i = 0; i < sc->nstats; i++) {
        const struct stat_def *st = &sc->stats[i];
        if (st->hidden)
            continue;
        if (!any) {
            ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, "Company");
            y += small + M->u / 6;
            any = true;
        }
        stat_value_text(st, g->s.stats[i], buf, sizeof buf);
        ui_line(w, x, y, FACE_SMALL, C_TEXT, st->name);
        int dw = delta_chip(w, M, x + width, y, stat_change(last, i));
        ui_line_right(w, x + width - dw, y, FACE_SMALL_BOLD, C_TEXT, buf);
        y += small;
        if (isfinite(st->min) && isfinite(st->max) && st->max > st->min) {
            ui_bar(w, x, y, width, barh, (g->s.stats[i] - st->min) / (st->max - st->min), C_MUTED);
            y += barh;
        }
        y += M->u / 3;
    }
    if (any)
        y += M->u / 3;
    /* Coaching off (an exam): the points a choice earned are feedback too,
     * kept for the debrief. */
    w->hud_points = w->s->opt.coaching;
    if (!w->hud_points)
        return y - y0;
    if (g->nplayers > 1)
        return duet_hud_scores(w, M, x, y, width) - y0;
    const struct game_player *p = &g->s.players[g->view.decider];
    ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, "Scores");
    char wt[64];
    weight_text(sc, p->role, 0, wt, sizeof wt);
    if (wt[0])
        ui_line_right(w, x + width, y, FACE_SMALL, C_MUTED, "weight");
    y += small + M->u / 6;
    for (int d = 0; d < sc->ndimensions; d++) {
        format_number(num, sizeof num, p->score[d]);
        int lw = ui_line(w, x, y, FACE_SMALL, C_TEXT, sc->dimensions[d].name);
        weight_text(sc, p->role, d, wt, sizeof wt);
        if (wt[0])
            ui_line(w, x + lw + M->u / 3, y, FACE_SMALL, C_MUTED, wt);
        int dw = delta_chip(w, M, x + width, y, score_change(w, last, d));
        ui_line_right(w, x + width - dw, y, FACE_SMALL_BOLD, p->score[d] < 0 ? C_NEGATIVE : C_TEXT, num);
        y += small;
        double top = w->best[g->view.decider].points[d];
        ui_bar(w, x, y, width, barh, top > 0 ? p->score[d] / top : 0, C_ACCENT);
        y += barh + M->u / 3;
    }
    format_number(num, sizeof num, game_weighted(g, g->view.decider));
    ui_line(w, x, y, FACE_SMALL_BOLD, C_TEXT, "Weighted total");
    ui_line_right(w, x + width, y, FACE_SMALL_BOLD, C_TEXT, num);
    y += small + M->u / 3;
    return y - y0;
}

/* The HUD's height at width, without adding it. */
static int hud_height(struct window *w, const struct metrics *M, int width)
{
    int mark_items = w->L.nitems;
    size_t mark_chars = w->L.chars.len;
    int h = hud(w, M, 0, 0, width);
    w->L.nitems = mark_items;
    w->L.chars.len = mark_chars;
    return h;
}

/* A column of text across the window, at most 44 units wide. */
static int column_width(const struct metrics *M)
{
    int width = M->W - 2 * M->m;
    return width > 44 * M->u ? 44 * M->u : width;
}

/* The side panel's width. */
static int side_width(const struct metrics *M)
{
    int side_w = M->W * 26 / 100;
    if (side_w < 10 * M->u)
        side_w = 10 * M->u;
    if (side_w > 15 * M->u)
        side_w = 15 * M->u;
    return side_w;
}

/* A "name value" pair of the stats strip, with what the last decision
 * changed (0: nothing). */
struct hud_pair {
    char label[LIMIT_NAME_BYTES + 128];
    char value[96];
    double delta;
    int color;
};

/* The strip's pairs into pairs (room for LIMIT_STATS + LIMIT_DIMENSIONS +
 * GAME_MAX_PLAYERS): the visible stats, then with coaching on each
 * player's points in a duet, else the decider's points a dimension. Sets
 * w->hud_points. Returns how many. */
static int hud_pairs(struct window *w, struct hud_pair *pairs)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    const struct decision *last = last_decision(w);
    int n = 0;
    for (int i = 0; i < sc->nstats; i++) {
        const struct stat_def *st = &sc->stats[i];
        if (st->hidden)
            continue;
        struct hud_pair *pr = &pairs[n++];
        str_copy(pr->label, sizeof pr->label, st->name);
        stat_value_text(st, g->s.stats[i], pr->value, sizeof pr->value);
        pr->delta = stat_change(last, i);
        pr->color = C_TEXT;
    }
    w->hud_points = w->s->opt.coaching;
    if (w->hud_points && g->nplayers > 1) {
        for (int p = 0; p < g->nplayers; p++) {
            struct hud_pair *pr = &pairs[n++];
            str_format(pr->label, sizeof pr->label, "%s", g->s.players[p].name);
            format_number(pr->value, sizeof pr->value, game_weighted(g, p));
            pr->delta = 0;
            pr->color = theme_role_color(g->s.players[p].role);
        }
    } else if (w->hud_points) {
        const struct game_player *p = &g->s.players[g->view.decider];
        for (int d = 0; d < sc->ndimensions; d++) {
            struct hud_pair *pr = &pairs[n++];
            char wt[64];
            weight_text(sc, p->role, d, wt, sizeof wt);
            str_format(pr->label, sizeof pr->label, "%s%s%s", sc->dimensions[d].name, wt[0] ? " " : "", wt);
            format_number(pr->value, sizeof pr->value, p->score[d]);
            pr->delta = score_change(w, last, d);
            pr->color = p->score[d] < 0 ? C_NEGATIVE : C_ACCENT;
        }
    }
    return n;
}

/* The stats and scores as one band of "name value" pairs, for when they do
 * not fit beside the story: story and choices come first. At most two rows;
 * pairs that do not fit are left out, scores before stats (the outcome
 * screen and the debrief show the scores too). With measure, adds nothing.
 * Returns its height. */
static int hud_strip(struct window *w, const struct metrics *M, int x, int y, int width, bool measure)
{
    struct hud_pair pairs[LIMIT_STATS + LIMIT_DIMENSIONS + GAME_MAX_PLAYERS];
    int n = hud_pairs(w, pairs);
    if (n == 0)
        return 0;
    int lh = ui_lh(w, FACE_SMALL);
    int vpad = M->pad / 2;
    int inner = width - 2 * M->pad;
    int gap = M->u;
    int card = -1;
    if (!measure) {
        ui_card(w, M, x, y, width, 0, -1, C_SURFACE, C_SURFACE);
        card = w->L.nitems - 2;
    }
    int row = 0, cx = 0;
    for (int i = 0; i < n; i++) {
        const struct hud_pair *pr = &pairs[i];
        int lw = text_width(w, FACE_SMALL, pr->label, strlen(pr->label));
        int vw = text_width(w, FACE_SMALL_BOLD, pr->value, strlen(pr->value));
        char dnum[64] = "";
        int dw = 0;
        if (fabs(pr->delta) >= 1e-9) {
            format_signed(dnum, sizeof dnum, pr->delta);
            dw = text_width(w, FACE_SMALL_BOLD, dnum, strlen(dnum)) + M->u / 2 + M->u / 4;
        }
        int pw = lw + M->u / 3 + vw + dw;
        if (cx > 0 && cx + pw > inner) {
            if (row == 1)
                break; /* two rows at most */
            row++;
            cx = 0;
        }
        if (pw > inner)
            continue;
        if (!measure) {
            int px = x + M->pad + cx, py = y + vpad + row * lh;
            int ty = py + (lh - w->fonts.skip[FACE_SMALL]) / 2;
            ui_line(w, px, ty, FACE_SMALL, C_MUTED, pr->label);
            ui_line(w, px + lw + M->u / 3, ty, FACE_SMALL_BOLD, pr->color, pr->value);
            if (dw)
                delta_chip(w, M, px + pw, py, pr->delta);
        }
        cx += pw + gap;
    }
    int h = (row + 1) * lh + 2 * vpad;
    if (card >= 0) {
        w->L.items[card].h = h;
        w->L.items[card + 1].h = h - 2 * M->bw;
    }
    return h;
}

/* Places the stats for the play and outcome screens between y0 and y1:
 * beside the story when both fit (the panel's whole height too), else in a
 * strip under the header. Sets the main column's width; returns the y where
 * the main column starts. */
static int place_stats(struct window *w, const struct metrics *M, int y0, int y1, int *main_w)
{
    int side_w = side_width(M);
    int beside = M->W - 2 * M->m - side_w - M->gap * 2;
    if (beside >= 20 * M->u) {
        int h = hud_height(w, M, side_w - 2 * M->pad) + 2 * M->pad - M->u / 3;
        if (h <= y1 - y0) {
            int x = M->W - M->m - side_w;
            w->L.stats_first = w->L.nitems;
            layout_rect(&w->L, x, y0, side_w, h, C_SURFACE, M->rad);
            hud(w, M, x + M->pad, y0 + M->pad, side_w - 2 * M->pad);
            w->L.stats_end = w->L.nitems;
            w->L.stats = (SDL_Rect){x, y0, side_w, h};
            *main_w = beside > 40 * M->u ? 40 * M->u : beside;
            return y0;
        }
    }
    int width = M->W - 2 * M->m;
    *main_w = column_width(M);
    w->L.stats_first = w->L.nitems;
    int h = hud_strip(w, M, M->m, y0, width, false);
    w->L.stats_end = w->L.nitems;
    w->L.stats = (SDL_Rect){M->m, y0, width, h};
    w->L.stats_strip = true;
    return h ? y0 + h + M->u / 2 : y0;
}

/* The play and outcome screens under their header (from y0): the footer,
 * the stats beside the story or above it, and the story's column, begun.
 * Returns the column's width. */
static int stats_and_column(struct window *w, const struct metrics *M, int y0)
{
    int fh = ui_footer(w, M, win_key_hints(w));
    int y1 = M->H - fh;
    int main_w;
    y0 = place_stats(w, M, y0, y1, &main_w);
    ui_begin_column(w, M, y0, y1, main_w);
    return main_w;
}

/* A choice as a button: a number badge (or a dash when locked) and its label,
 * with the reason under a locked one. Returns its height. */
static int choice_button(struct window *w, const struct metrics *M, int index, int x, int y,
                         int width)
{
    const struct game *g = w->s->g;
    const struct menu *mn = duet_menu(w);
    const struct offer *o = &mn->offers[index];
    const char *label = game_label(g, mn, index);
    int badge = M->u * 3 / 2;
    int lx = x + M->pad + badge + M->pad * 3 / 4;
    int lw = x + width - M->pad * 3 / 2 - lx; /* as much room on the right as around the badge */
    int th = ui_wrap_height(w, label, lw, FACE_BODY);
    char reason[600] = "";
    if (o->locked) {
        const char *why = g->sc->choices[o->choice].locked;
        str_format(reason, sizeof reason, "Locked: %s", why ? why : "not available now");
        th += ui_wrap_height(w, reason, lw, FACE_SMALL);
    }
    int inner = th > badge ? th : badge;
    int h = inner + 2 * M->pad * 3 / 4;
    int b = layout_button(&w->L, BTN_CHOICE, index, x, y, width, h, o->locked);
    ui_card(w, M, x, y, width, h, b, o->locked ? C_DISABLED_BG : C_SURFACE,
         o->locked ? C_DISABLED_BG : C_SURFACE_HOT);
    int by = y + (h - badge) / 2;
    struct item *bd = layout_rect(&w->L, x + M->pad, by, badge, badge, o->locked ? C_TRACK : C_ACCENT,
                                  M->rad * 2 / 3);
    if (!o->locked)
        ui_link(bd, b, C_ACCENT_HOT);
    char num[16];
    if (o->locked)
        str_copy(num, sizeof num, "–");
    else
        str_format(num, sizeof num, "%d", index + 1);
    int nw = text_width(w, FACE_BOLD, num, strlen(num));
    ui_line(w, x + M->pad + (badge - nw) / 2, by + (badge - w->fonts.skip[FACE_BOLD]) / 2, FACE_BOLD,
         o->locked ? C_DISABLED_TEXT : C_ON_ACCENT, num);
    int ty = y + (h - th) / 2;
    ty = ui_wrap(w, label, lx, ty, lw, FACE_BODY, o->locked ? C_DISABLED_TEXT : C_TEXT);
    if (o->locked)
        layout_wrap(w, &w->L, reason, lx, ty, lw, FACE_SMALL, FACE_SMALL, C_DISABLED_TEXT, 0, false);
    return h;
}

static void countdown(struct window *w, const struct metrics *M, int y_title, int y_rule)
{
    int left = win_timer_remaining(w);
    char buf[64];
    str_format(buf, sizeof buf, "%d:%02d left", left / 60, left % 60);
    int tw = text_width(w, FACE_BOLD, buf, strlen(buf));
    int h = ui_lh(w, FACE_BOLD) + M->pad / 2;
    int width = tw + 2 * M->pad;
    int x = M->W - M->m - width;
    /* Accent, then amber from half the time, red for the last quarter (at
     * most ten seconds, at least three): the colour tells how close zero is. */
    int red = w->timer_seconds / 4;
    red = red > 10 ? 10 : red < 3 ? 3 : red;
    int color = left <= red ? C_NEGATIVE : left * 2 <= w->timer_seconds ? C_WARNING : C_ACCENT;
    layout_rect(&w->L, x, y_title, width, h, color, h / 2);
    ui_line(w, x + M->pad, y_title + (h - w->fonts.skip[FACE_BOLD]) / 2, FACE_BOLD, C_ON_ACCENT, buf);
    w->L.countdown = (SDL_Rect){x, y_title, width, h};
    /* The rule under the header becomes the time left. */
    int bh = M->u / 5 > 3 ? M->u / 5 : 3;
    double share = w->timer_seconds > 0 ? (double)left / w->timer_seconds : 0;
    ui_bar(w, M->m, y_rule - bh / 2, M->W - 2 * M->m, bh, share, color);
}

static void play_screen(struct window *w, const struct metrics *M)
{
    const struct game *g = w->s->g;
    const struct scene *scene = game_scene(g);
    char whobuf[256];
    struct strbuf kicker;
    sb_init(&kicker);
    recap_progress(g, scene, &kicker);
    int y_title = M->m * 6 / 10 + ui_lh(w, FACE_SMALL);
    int y0 = ui_header(w, M, kicker.data, C_ACCENT, scene->title[0] ? scene->title : scene->id,
                    who(w, whobuf, sizeof whobuf));
    sb_free(&kicker);
    if (w->timing)
        countdown(w, M, y_title, y0 - M->u * 3 / 4);
    if (g->nplayers > 1)
        y0 = duet_turn_band(w, M, y0);
    int width = stats_and_column(w, M, y0);
    int R = M->ring;
    int x = R, y = R;
    int ty = y;
    /* In a scene both decide, the picker's own text ({player}, {role}). */
    const char *text = game_text_for(g, duet_picker(w));
    if (text[0])
        y = ui_wrap(w, text, x, y, width, FACE_BODY, C_TEXT);
    w->L.scene_text = (SDL_Rect){x, ty, width, y - ty};
    y += M->u * 2 / 3;
    const struct menu *mn = duet_menu(w);
    if (scene->timer) {
        char note[200];
        if (mn->timeout)
            str_format(note, sizeof note, "A timed decision: when time runs out, choice %d is taken.",
                       mn->timeout);
        else
            str_copy(note, sizeof note, "A timed decision.");
        y = ui_wrap(w, note, x, y, width, FACE_SMALL, C_WARNING);
        y += M->u / 4;
    }
    for (int i = 0; i < mn->ntotal; i++) {
        y += choice_button(w, M, i, x, y, width);
        y += M->u / 2;
    }
    ui_end_scroll(w, y + R);
}

static void outcome_screen(struct window *w, const struct metrics *M)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    int i = g->nlog - 1;
    const struct decision *d = &g->log[i];
    if (d->secret) {
        duet_outcome_screen(w, M);
        return;
    }
    const struct scene *where = &sc->scenes[d->scene];
    char whobuf[256];
    int y0 = ui_header(w, M, where->phase, C_ACCENT, where->title[0] ? where->title : where->id,
                    who(w, whobuf, sizeof whobuf));
    int width = stats_and_column(w, M, y0);
    int R = M->ring;
    int x = R, y = R;
    char chose[LIMIT_NAME_BYTES + 64] = "You chose";
    if (g->nplayers > 1)
        str_format(chose, sizeof chose, "%s chose", g->s.players[d->player].name);
    ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, d->timed_out ? "Time ran out, so this was taken:" : chose);
    y += ui_lh(w, FACE_SMALL);
    y = ui_wrap(w, game_decision_label(g, i), x, y, width, FACE_BOLD, C_TEXT);
    y += M->u / 2;
    int cy = ui_change_chips(w, M, sc, d->score, d->stat_delta, x, y, width);
    y = cy > y ? cy + M->u / 2 : y;
    const char *fb = game_feedback(g, i);
    if (fb[0]) {
        int fw = width - 2 * M->pad - M->u / 4;
        int fhgt = ui_wrap_height(w, fb, fw, FACE_BODY);
        layout_rect(&w->L, x, y, width, fhgt + 2 * M->pad, C_SURFACE, M->rad);
        layout_rect(&w->L, x, y, M->u / 4, fhgt + 2 * M->pad, C_ACCENT, M->u / 8);
        ui_wrap(w, fb, x + M->pad + M->u / 4, y + M->pad, fw, FACE_BODY, C_TEXT);
        y += fhgt + 2 * M->pad + M->gap;
    }
    int my = ui_meanwhile(w, M, sc, d->enter_delta, x, y, width);
    y = my > y ? my + M->u / 2 : y;
    ui_button(w, M, BTN_CONTINUE, 0, g->over ? "See the debrief" : "Continue", "Enter", x, y, true,
                false);
    y += ui_lh(w, FACE_BOLD) + M->pad;
    ui_end_scroll(w, y + R);
}

/* Where the debrief's chart is set inside its card: the names from x, the
 * plot from px0 to px1 with mark k (after k of the n decisions) at
 * px0 + k * step, the final values right-aligned at x + width. */
struct chart {
    int x, width;
    int px0, px1, step;
    int n;
    int thick; /* of the lines */
    int small; /* a small line's height */
};

/* The widest visible stat's name and final value, in small type. */
static void chart_label_widths(struct window *w, int *namew, int *valw)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    char buf[256];
    *namew = *valw = 0;
    for (int i = 0; i < sc->nstats; i++) {
        const struct stat_def *st = &sc->stats[i];
        if (st->hidden)
            continue;
        int nw = text_width(w, FACE_SMALL, st->name, strlen(st->name));
        *namew = nw > *namew ? nw : *namew;
        stat_value_text(st, g->s.stats[i], buf, sizeof buf);
        int vw = text_width(w, FACE_SMALL_BOLD, buf, strlen(buf));
        *valw = vw > *valw ? vw : *valw;
    }
}

/* A chart mark's label: "Start" for mark 0, else its number; its left edge
 * (Start from the mark, a number centred on it) and its width. */
static const char *mark_label(struct window *w, const struct chart *ch, int k, char *num, size_t size,
                              int *left, int *width)
{
    if (k == 0)
        str_copy(num, size, "Start");
    else
        str_format(num, size, "%d", k);
    *width = text_width(w, FACE_SMALL_BOLD, num, strlen(num));
    int mx = ch->px0 + k * ch->step;
    *left = k == 0 ? mx : mx - *width / 2;
    return num;
}

/* The decisions' marks over the plot at y: Start, 1, 2, ... (long runs:
 * marks closer than a label share them, and only every stride-th gets a
 * number, the stride the widest number needs). A number is drawn only where
 * it keeps a gap to "Start" and to the last mark's number, which are always
 * drawn: "Start" is wider than a number, so equal steps alone do not keep
 * mark 1 off it. */
static void chart_marks(struct window *w, const struct metrics *M, const struct chart *ch, int y)
{
    char num[64];
    int gap = M->u / 4;
    int left, tw, last_left;
    ui_line(w, ch->px0, y, FACE_SMALL_BOLD, C_MUTED, mark_label(w, ch, 0, num, sizeof num, &left, &tw));
    int free_from = left + tw + gap; /* where the next number may start */
    if (ch->n == 0)
        return;
    mark_label(w, ch, ch->n, num, sizeof num, &last_left, &tw);
    int stride = 1;
    while (stride < ch->n && stride * ch->step < tw + gap)
        stride++;
    ui_line(w, last_left, y, FACE_SMALL_BOLD, C_MUTED, num);
    for (int k = stride; k < ch->n; k += stride) {
        if (ch->px0 + k * ch->step > ch->px1)
            break;
        mark_label(w, ch, k, num, sizeof num, &left, &tw);
        if (left >= free_from && left + tw + gap <= last_left)
            ui_line(w, left, y, FACE_SMALL_BOLD, C_MUTED, num);
    }
}

/* The range a stat's row spans: its series v[0..n], and its declared bounds
 * when it has both; never empty. */
static void series_range(const struct stat_def *st, const double *v, int n, double *lo, double *hi)
{
    *lo = *hi = v[0];
    for (int k = 1; k <= n; k++) {
        *lo = fmin(*lo, v[k]);
        *hi = fmax(*hi, v[k]);
    }
    if (isfinite(st->min) && isfinite(st->max) && st->max > st->min) {
        *lo = fmin(*lo, st->min);
        *hi = fmax(*hi, st->max);
    }
    if (*hi - *lo < 1e-9) {
        *hi += 1;
        *lo -= 1;
    }
}

/* The y of value val in a row from top, h high, spanning lo to hi. */
static int chart_y(double val, double lo, double hi, int top, int h, int thick)
{
    return top + h - thick - (int)lround((val - lo) / (hi - lo) * (h - thick));
}

/* game.cause's links on stat i's row, under it at link_y: a bracket from
 * the decision's mark to the change's, with "+N from K". */
static void chart_links(struct window *w, const struct chart *ch, int i, int link_y)
{
    const struct game *g = w->s->g;
    int thick = ch->thick, small = ch->small;
    char num[64], buf[256];
    for (int c = 0; c < g->ncons; c++) {
        const struct consequence *cs = &g->cons[c];
        if (fabs(cs->delta[i]) < 1e-9 || cs->decision < 0 || cs->decision >= ch->n)
            continue;
        int xa = ch->px0 + (cs->decision + 1) * ch->step;
        int xb = ch->px0 + (cs->turn < ch->n ? cs->turn : ch->n) * ch->step;
        if (xb < xa)
            xb = xa;
        layout_rect(&w->L, xa, link_y, xb - xa + thick, thick, C_WARNING, 0);
        layout_rect(&w->L, xa, link_y - small / 4, thick, small / 4 + thick, C_WARNING, 0);
        layout_rect(&w->L, xb, link_y - small / 4, thick, small / 4 + thick, C_WARNING, 0);
        format_signed(num, sizeof num, cs->delta[i]);
        str_format(buf, sizeof buf, "%s from %d", num, cs->decision + 1);
        int tw = text_width(w, FACE_SMALL, buf, strlen(buf));
        int tx = xb - tw > ch->px0 ? xb - tw : ch->px0;
        ui_line(w, tx, link_y + thick, FACE_SMALL, C_WARNING, buf);
    }
}

/* Stat i's row of the chart from y: its name, a step line through its
 * series (each change up green or down red), a dot at the end, the links
 * game.cause made, its final value. Returns the y below. */
static int chart_row(struct window *w, const struct chart *ch, int i, int y)
{
    const struct game *g = w->s->g;
    const struct stat_def *st = &g->sc->stats[i];
    int n = ch->n, thick = ch->thick, small = ch->small;
    /* The series: v[k] after k decisions. */
    double *v = xmalloc(sizeof *v * (size_t)(n + 1));
    recap_stat_series(g, i, v);
    double lo, hi;
    series_range(st, v, n, &lo, &hi);
    int row_h = small * 2;
    int ry = y, rh = row_h - small / 2;
    ui_line(w, ch->x, ry + (rh - w->fonts.skip[FACE_SMALL]) / 2, FACE_SMALL, C_TEXT, st->name);
    layout_rect(&w->L, ch->px0, ry + rh - 1, ch->px1 - ch->px0, 1, C_CHIP, 0);
    for (int k = 0; k < n; k++) {
        int xa = ch->px0 + k * ch->step, xb = ch->px0 + (k + 1) * ch->step;
        int ya = chart_y(v[k], lo, hi, ry, rh, thick), yb = chart_y(v[k + 1], lo, hi, ry, rh, thick);
        layout_rect(&w->L, xa, ya, xb - xa, thick, C_ACCENT, 0);
        if (yb != ya) /* the change at decision k+1, up green or down red */
            layout_rect(&w->L, xb - thick / 2, ya < yb ? ya : yb, thick, abs(yb - ya) + thick,
                        v[k + 1] > v[k] ? C_POSITIVE : C_NEGATIVE, 0);
    }
    int ey = chart_y(v[n], lo, hi, ry, rh, thick);
    layout_rect(&w->L, ch->px1 - thick, ey - thick, thick * 3, thick * 3, C_ACCENT, thick);
    chart_links(w, ch, i, ry + rh);
    char buf[256];
    stat_value_text(st, v[n], buf, sizeof buf);
    ui_line_right(w, ch->x + ch->width, ry + (rh - w->fonts.skip[FACE_SMALL_BOLD]) / 2, FACE_SMALL_BOLD,
                  C_TEXT, buf);
    free(v);
    return y + row_h + (g->ncons ? small : 0);
}

/* The company over the run: a step line per visible stat, from the start
 * through each decision (numbered marks) to the final state on the right;
 * where game.cause tied a later change to an earlier decision, a bracket
 * under the row links the decision's mark to the change, with "from N".
 * The series is the final stats taken back through each decision's
 * changes. Returns the y below. */
static int debrief_chart(struct window *w, const struct metrics *M, int x, int y, int width)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    int n = g->nlog;
    int rows = 0;
    for (int i = 0; i < sc->nstats; i++)
        rows += !sc->stats[i].hidden;
    if (rows == 0 || n == 0)
        return y;
    int small = ui_lh(w, FACE_SMALL);
    ui_line(w, x, y, FACE_H2, C_TEXT, "The company over the run");
    y += ui_lh(w, FACE_H2) + M->u / 4;
    /* The card lines up with the cards above it; the chart is set inside. */
    SDL_Rect outer = {x, y, width, 0};
    x += M->pad / 2;
    width -= M->pad;
    int namew, valw;
    chart_label_widths(w, &namew, &valw);
    if (namew > width / 4)
        namew = width / 4;
    int px0 = x + namew + M->u, px1 = x + width - valw - M->u;
    if (px1 - px0 < 6 * M->u || (px1 - px0) / n < 2)
        return y; /* no room for a chart (or a very long run): the decisions below say it all */
    int card_y = y;
    ui_card(w, M, outer.x, y, outer.w, 0, -1, C_SURFACE, C_SURFACE);
    int card = w->L.nitems - 2;
    y += M->pad / 2;
    int step = (px1 - px0) / n;
    struct chart ch = {x, width, px0, px1, step < 1 ? 1 : step, n, M->u / 10 > 2 ? M->u / 10 : 2, small};
    chart_marks(w, M, &ch, y);
    y += small;
    int plot_top = y;
    for (int i = 0; i < sc->nstats; i++)
        if (!sc->stats[i].hidden)
            y = chart_row(w, &ch, i, y);
    /* The decisions' marks as faint lines across the rows. */
    for (int k = 1; k <= n; k++)
        layout_rect(&w->L, px0 + k * ch.step, plot_top, 1, y - plot_top - small / 2, C_CHIP, 0);
    y += M->pad / 4;
    w->L.items[card].h = y - card_y;
    w->L.items[card + 1].h = y - card_y - 2 * M->bw;
    w->L.chart = (SDL_Rect){outer.x, card_y, outer.w, y - card_y};
    return y + M->gap;
}

/* Player p's card in the debrief: name and role, a bar a dimension, the
 * headline, the total and the rating. Returns the y below it. */
static int debrief_card(struct window *w, const struct metrics *M, int p, int x, int y, int width)
{
    const struct scenario *sc = w->s->g->sc;
    const struct debrief *d = &w->debrief;
    const struct debrief_player *dp = &d->players[p];
    char buf[600];
    int cx = x + M->pad, cw = width - 2 * M->pad;
    int card_y = y;
    /* Lay out the card's content, then slip the card under it. */
    layout_rect(&w->L, x, y, width, 0, C_SURFACE, M->rad);
    int card_item = w->L.nitems - 1;
    y += M->pad;
    /* In a duet each player's card wears their role colour. */
    int pcolor = (int)(d->nplayers > 1 ? theme_role_color(dp->role) : C_ACCENT);
    if (d->nplayers > 1)
        layout_rect(&w->L, x, card_y, M->u / 4, 0, pcolor, M->u / 8);
    int stripe_item = d->nplayers > 1 ? w->L.nitems - 1 : -1;
    str_format(buf, sizeof buf, "%s · %s", dp->name, sc->roles[dp->role].name);
    y = layout_wrap(w, &w->L, buf, cx, y, cw, FACE_H2, FACE_H2, d->nplayers > 1 ? pcolor : C_TEXT, 0,
                    false); /* a long name wraps inside the card */
    y += M->u / 4;
    int namew = 0;
    for (int k = 0; k < sc->ndimensions; k++) {
        int nw = text_width(w, FACE_BODY, sc->dimensions[k].name, strlen(sc->dimensions[k].name));
        if (nw > namew)
            namew = nw;
    }
    int valw = text_width(w, FACE_SMALL, "100 of 100 · 100%", 17);
    int trackx = cx + namew + M->u;
    int trackw = cw - namew - M->u - valw - M->u;
    int barh = M->u * 2 / 3;
    int row = ui_lh(w, FACE_BODY);
    for (int k = 0; k < sc->ndimensions; k++) {
        ui_line(w, cx, y + (row - w->fonts.skip[FACE_BODY]) / 2, FACE_BODY, C_TEXT, sc->dimensions[k].name);
        double share = dp->share[k];
        int bar_y = y + (row - barh) / 2;
        ui_bar(w, trackx, bar_y, trackw, barh, share, pcolor);
        if (p < GAME_MAX_PLAYERS) {
            w->L.bar_track[p][k] = (SDL_Rect){trackx, bar_y, trackw, barh};
            w->L.bar_share[p][k] = share;
        }
        ui_line(w, trackx + trackw + M->u, y + (row - w->fonts.skip[FACE_SMALL]) / 2, FACE_SMALL,
                dp->points[k] < 0 ? C_NEGATIVE : C_MUTED, dp->bar_label[k]);
        y += row + M->u / 6;
    }
    y += M->u / 2;
    int pw = ui_line(w, cx, y, FACE_H1, pcolor, dp->headline);
    str_format(buf, sizeof buf, "%s; bars: against the best run", dp->total);
    int tx = cx + pw + M->u;
    int ty = y + (ui_lh(w, FACE_H1) - 2 * ui_lh(w, FACE_SMALL)) / 2;
    ui_line(w, tx, ty, FACE_SMALL, C_MUTED, buf);
    if (dp->rating)
        ui_line(w, tx, ty + ui_lh(w, FACE_SMALL), FACE_SMALL_BOLD, C_TEXT, dp->rating);
    y += ui_lh(w, FACE_H1) + M->pad;
    w->L.items[card_item].h = y - card_y;
    if (stripe_item >= 0)
        w->L.items[stripe_item].h = y - card_y;
    return y + M->gap;
}

/* The top of decision i's entry in the debrief's list: its number in a
 * badge, then the scene and after it (who decided, "in secret") in small
 * type. Sets the text column beside the badge (*lx, *lw); returns the
 * badge's side. */
int ui_decision_heading(struct window *w, const struct metrics *M, int i, const char *after, int x, int y,
                        int width, int *lx, int *lw)
{
    const struct game *g = w->s->g;
    char buf[1400];
    int badge = ui_number_badge(w, M, i + 1, x, y);
    *lx = x + badge + M->u * 2 / 3;
    *lw = width - (*lx - x);
    ui_scene_heading(&g->sc->scenes[g->log[i].scene], buf, sizeof buf);
    size_t n = strlen(buf);
    str_copy(buf + n, sizeof buf - n, after);
    ui_line(w, *lx, y, FACE_SMALL_BOLD, C_MUTED, buf);
    return badge;
}

/* What a decision or a player's pick changed, as chips, then its feedback
 * in colour, in a column from y. Returns the y below. */
int ui_changes_feedback(struct window *w, const struct metrics *M, const double *score,
                        const double *stat_delta, const char *feedback, int x, int y, int width, int color)
{
    int cy = ui_change_chips(w, M, w->s->g->sc, score, stat_delta, x, y + M->u / 6, width);
    if (cy > y)
        y = cy + M->u / 6;
    if (feedback[0])
        y = ui_wrap(w, feedback, x, y, width, FACE_BODY, color);
    return y;
}

/* Decision i in the debrief's list (not a secret one): a numbered badge,
 * the scene, the choice and its changes, the feedback, what the best choice
 * was (recap_best) and what game.cause tied to it. Returns the y below. */
static int debrief_decision(struct window *w, const struct metrics *M, int i, int x, int y, int width)
{
    const struct game *g = w->s->g;
    const struct decision *dec = &g->log[i];
    char after[LIMIT_NAME_BYTES + 16] = "";
    if (g->nplayers > 1)
        str_format(after, sizeof after, " · %s decided", g->s.players[dec->player].name);
    int lx, lw;
    int badge = ui_decision_heading(w, M, i, after, x, y, width, &lx, &lw);
    int yy = y + ui_lh(w, FACE_SMALL);
    yy = ui_wrap(w, game_decision_label(g, i), lx, yy, lw, FACE_BOLD, C_TEXT);
    if (dec->timed_out) {
        ui_line(w, lx, yy, FACE_SMALL, C_WARNING, "Time ran out: this was taken for you.");
        yy += ui_lh(w, FACE_SMALL);
    }
    yy = ui_changes_feedback(w, M, dec->score, dec->stat_delta, game_feedback(g, i), lx, yy, lw, C_MUTED);
    yy = ui_best(w, M, i, -1, lx, yy, lw);
    struct strbuf caused;
    sb_init(&caused);
    int ncaused = debrief_caused(g, i, &caused);
    for (const char *at = caused.data; ncaused-- > 0; at += strlen(at) + 1)
        yy = ui_wrap(w, at, lx, yy, lw, FACE_SMALL, C_MUTED);
    sb_free(&caused);
    return (yy > y + badge ? yy : y + badge) + M->gap;
}

static void debrief_screen(struct window *w, const struct metrics *M)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    const struct debrief *d = &w->debrief;
    const struct scene *end = d->ending >= 0 ? &sc->scenes[d->ending] : game_scene(g);
    char whobuf[256], buf[600];
    int y0 = ui_header(w, M, "Debrief", C_ACCENT, end->title[0] ? end->title : end->id,
                    who(w, whobuf, sizeof whobuf));
    int fh = ui_footer(w, M, win_key_hints(w));
    /* The buttons stay at the bottom. */
    int bh = ui_lh(w, FACE_BOLD) + M->pad;
    int by = M->H - fh - bh - M->u / 2;
    int bx = M->m;
    bx += ui_button(w, M, BTN_DEBRIEF, FE_RESTART, "Play again", NULL, bx, by, false, false) + M->u / 2;
    bx += ui_button(w, M, BTN_DEBRIEF, FE_UNDO, "Undo last choice", NULL, bx, by, false,
                      g->nlog == 0) + M->u / 2;
    ui_button(w, M, BTN_DEBRIEF, FE_QUIT, w->po->kiosk ? "Next team" : "Finish", NULL, bx, by,
                true, false);
    int y1 = by - M->u / 2;
    layout_rect(&w->L, M->m, y1, M->W - 2 * M->m, M->bw > 1 ? M->bw : 1, C_BORDER, 0);
    y1 -= M->u / 3;
    int main_w = column_width(M);
    int R = M->ring;
    ui_begin_column(w, M, y0, y1, main_w);
    int x = R, y = R, width = main_w;
    int vcolor = d->verdict == VERDICT_SUCCESS ? C_POSITIVE : d->verdict == VERDICT_MIXED ? C_WARNING : C_NEGATIVE;
    if (d->verdict != VERDICT_NONE) {
        str_format(buf, sizeof buf, "Verdict: %s", verdict_name(d->verdict));
        ui_chip(w, M, x, y, buf, vcolor, C_CHIP);
        y += ui_lh(w, FACE_SMALL) + M->u / 2;
    }
    if (g->view.text.len) {
        y = ui_wrap(w, g->view.text.data, x, y, width, FACE_BODY, C_TEXT);
        y += M->gap;
    }
    for (int p = 0; p < d->nplayers; p++)
        y = debrief_card(w, M, p, x, y, width);
    if (d->nplayers > 1)
        y = duet_debrief_alignment(w, M, x, y, width);
    y = debrief_chart(w, M, x, y, width);
    if (g->nlog) {
        ui_line(w, x, y, FACE_H2, C_TEXT, "Decision by decision");
        y += ui_lh(w, FACE_H2) + M->u / 3;
    }
    for (int i = 0; i < g->nlog; i++) {
        if (g->log[i].secret)
            y = duet_debrief_decision(w, M, i, x, y, width);
        else
            y = debrief_decision(w, M, i, x, y, width);
    }
    if (w->s->opt.coaching) {
        /* The scenes' questions for the room. */
        struct strbuf qs;
        sb_init(&qs);
        int nq = debrief_questions(g, &qs);
        if (nq) {
            ui_line(w, x, y, FACE_H2, C_TEXT, "For discussion");
            y += ui_lh(w, FACE_H2) + M->u / 3;
        }
        for (const char *at = qs.data; nq-- > 0; at += strlen(at) + 1)
            y = ui_wrap(w, at, x, y, width, FACE_BODY, C_TEXT) + M->u / 3;
        sb_free(&qs);
    }
    ui_end_scroll(w, y + R);
}

static void error_screen(struct window *w, const struct metrics *M)
{
    bool pre = w->error_pre_session;
    int y0 = ui_header(w, M, pre ? "The scenario did not load" : "Scenario error", C_NEGATIVE,
                    pre ? "Fix the scenario, then reload" : "Something in the scenario went wrong",
                    NULL);
    int fh = ui_footer(w, M, win_key_hints(w));
    int y1 = M->H - fh;
    int main_w = column_width(M);
    int R = M->ring;
    ui_begin_column(w, M, y0, y1, main_w);
    int x = R, y = R, width = main_w;
    struct strbuf lineb;
    sb_init(&lineb);
    diag_format(&w->error, false, &lineb);
    int tw = width - 2 * M->pad - M->u / 4;
    int th = ui_wrap_height(w, lineb.data, tw, FACE_BOLD);
    layout_rect(&w->L, x, y, width, th + 2 * M->pad, C_SURFACE, M->rad);
    layout_rect(&w->L, x, y, M->u / 4, th + 2 * M->pad, C_NEGATIVE, M->u / 8);
    layout_wrap(w, &w->L, lineb.data, x + M->pad + M->u / 4, y + M->pad, tw, FACE_BOLD, FACE_BOLD,
                C_TEXT, 0, false);
    sb_free(&lineb);
    y += th + 2 * M->pad + M->gap;
    const char *explain = pre
        ? "Open the file at that line, fix it and save, then reload."
        : "Your game is as it was before this step. Go back and choose again, or fix the file at "
          "that line and reload: the run is replayed onto the fixed scenario.";
    y = ui_wrap(w, explain, x, y, width, FACE_BODY, C_TEXT);
    if (w->watch) {
        y += M->u / 3;
        y = ui_wrap(w, "Watching the scenario's files: saving a fix reloads it.", x, y, width, FACE_SMALL,
                 C_MUTED);
    }
    y += M->gap;
    int bx = x;
    if (!pre)
        bx += ui_button(w, M, BTN_ERROR, FE_CONTINUE, "Go back", "Enter", bx, y, true, false) + M->u / 2;
    bx += ui_button(w, M, BTN_ERROR, FE_RELOAD, "Reload", "R", bx, y, pre, false) + M->u / 2;
    ui_button(w, M, BTN_ERROR, FE_QUIT, pre && w->titles ? "Back to the title" : "Quit", NULL, bx,
                y, false, false);
    y += ui_lh(w, FACE_BOLD) + M->pad;
    ui_end_scroll(w, y + R);
}

/* The name field of the title (or role) screen. Returns the y below it. */
static int name_field(struct window *w, const struct metrics *M, int field, const char *caption,
                      int x, int y, int width)
{
    const char *name = field ? w->partner : w->name;
    bool editing = w->editing && w->edit_field == field;
    ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, caption);
    y += ui_lh(w, FACE_SMALL) + M->u / 6;
    int h = ui_lh(w, FACE_BODY) + M->pad;
    int b = layout_button(&w->L, BTN_NAME, field, x, y, width, h, false);
    struct item *o = layout_rect(&w->L, x, y, width, h, editing ? C_ACCENT : C_BORDER, M->rad);
    ui_link(o, b, C_ACCENT);
    layout_rect(&w->L, x + M->bw * 2, y + M->bw * 2, width - 4 * M->bw, h - 4 * M->bw, C_SURFACE,
                M->rad - M->bw);
    int ty = y + (h - w->fonts.skip[FACE_BODY]) / 2;
    int tx = x + M->pad;
    int tw = 0;
    /* A long name scrolls: its end (where the cursor is) shows, after an
     * ellipsis, inside the field. */
    int room = width - 2 * M->pad - M->u / 2;
    const char *shown = name;
    char tail[LIMIT_NAME_BYTES + 8];
    if (name[0] && text_width(w, FACE_BODY, name, strlen(name)) > room) {
        const char *p = name;
        do {
            p++;
            while (((unsigned char)*p & 0xC0) == 0x80)
                p++;
            str_format(tail, sizeof tail, "\u2026%s", p);
        } while (*p && text_width(w, FACE_BODY, tail, strlen(tail)) > room);
        shown = tail;
    }
    if (name[0])
        tw = ui_line(w, tx, ty, FACE_BODY, C_TEXT, shown);
    else if (!editing)
        ui_line(w, tx, ty, FACE_BODY, C_MUTED, field ? "Player 2" : w->duet_mode ? "Player 1" : "Player");
    if (editing)
        layout_rect(&w->L, tx + tw + 2, y + h / 5, M->u / 10 > 2 ? M->u / 10 : 2, h * 3 / 5, C_TEXT, 0);
    return y + h;
}

/* How densely the title screen sets its scenario cards: the summary's face
 * and at most how many of its lines show (0: all, -1: none). */
struct title_density {
    int face;
    int max_lines;
    int title_face; /* the heading face, or bold body text where room is short */
    bool minutes;   /* the length chip (left out last: a title read whole matters more) */
};

/* The summary of a card cut at a word to at most max_lines lines, with an
 * ellipsis: the title screen shows every scenario at once, and the role
 * screen tells the rest. */
static void fit_summary(struct window *w, const char *summary, int width, struct title_density d, char *buf,
                        size_t cap)
{
    str_copy(buf, cap, d.max_lines < 0 ? "" : summary);
    if (d.max_lines <= 0 || ui_wrap_height(w, buf, width, d.face) <= d.max_lines * ui_lh(w, d.face))
        return;
    size_t best = 0;
    for (size_t n = 1; summary[n - 1] && n < cap - 4; n++) {
        if (summary[n] != ' ' || summary[n - 1] == ' ')
            continue;
        memcpy(buf, summary, n);
        memcpy(buf + n, "\u2026", sizeof "\u2026");
        if (ui_wrap_height(w, buf, width, d.face) > d.max_lines * ui_lh(w, d.face))
            break;
        best = n;
    }
    if (best == 0) {
        ui_fit(w, d.face, summary, width, buf, cap);
        return;
    }
    while (best > 1 && strchr(".,;:", summary[best - 1]))
        best--; /* "apart…", not "apart.…" */
    memcpy(buf, summary, best);
    memcpy(buf + best, "\u2026", sizeof "\u2026");
}

static const char *card_summary(const struct title_entry *t)
{
    return t->error ? t->error : t->summary ? t->summary : "";
}

enum { TITLE_CARD_LINES = 2 };
struct card_chip {
    char mins[32];
    int w;
};

/* The width of a card's number before its title ("12  "), measured on the
 * widest, the number of cards: every title starts at the same x, and a
 * catalog of ten or more (a user's own scenarios join it) does not run its
 * numbers into the titles. */
static int card_number_width(struct window *w, int face)
{
    char num[16];
    str_format(num, sizeof num, "%d  ", w->ntitles);
    return text_width(w, face, num, strlen(num));
}

/* A card's title wraps to at most two lines in the heading face, cut at a
 * word after that: a long title stays whole at large text, where one line
 * would clip it. chip gets the minutes chip (its text "" and width 0 for
 * none). Returns the width the title is set in (right of the number, left
 * of the chip). */
static int card_title(struct window *w, const struct metrics *M, const struct title_entry *t, int colw,
                      struct title_density d, char *buf, size_t cap, struct card_chip *chip)
{
    int face = d.title_face;
    chip->mins[0] = '\0';
    chip->w = 0;
    if (t->minutes > 0 && d.minutes) {
        str_format(chip->mins, sizeof chip->mins, "%.0f min", t->minutes);
        chip->w = text_width(w, FACE_SMALL_BOLD, chip->mins, strlen(chip->mins)) + M->u;
    }
    int numw = card_number_width(w, face);
    int width = colw - 2 * M->pad - numw - (chip->w ? chip->w + M->u / 2 : 0);
    fit_summary(w, t->title ? t->title : t->id, width, (struct title_density){face, TITLE_CARD_LINES, face, false}, buf,
                cap);
    return width;
}

/* A card's padding above and below: half where only titles show, so that
 * every card fits on a short screen (large text on a projector). */
static int card_vpad(const struct metrics *M, struct title_density d)
{
    return d.max_lines < 0 ? M->pad / 2 : M->pad;
}

/* A card's height: its title as wrapped and its summary as fitted. */
static int title_card_height(struct window *w, const struct metrics *M, int i, int colw, struct title_density d)
{
    char summary[2048], title[300];
    struct card_chip chip;
    int tw = card_title(w, M, &w->titles[i], colw, d, title, sizeof title, &chip);
    fit_summary(w, card_summary(&w->titles[i]), colw - 2 * M->pad, d, summary, sizeof summary);
    return ui_wrap_height(w, title, tw, d.title_face) + ui_wrap_height(w, summary, colw - 2 * M->pad, d.face) +
           2 * card_vpad(M, d);
}

/* A scenario's card on the title screen: number, title, minutes, summary. */
static void title_card(struct window *w, const struct metrics *M, int i, int x, int y, int colw, int h,
                       struct title_density d)
{
    const struct title_entry *t = &w->titles[i];
    int iw = colw - 2 * M->pad;
    char summary[2048];
    fit_summary(w, card_summary(t), iw, d, summary, sizeof summary);
    int b = layout_button(&w->L, BTN_SCENARIO, i, x, y, colw, h, t->error != NULL);
    ui_card(w, M, x, y, colw, h, b, t->error ? C_DISABLED_BG : C_SURFACE, t->error ? C_DISABLED_BG : C_SURFACE_HOT);
    char num[16];
    str_format(num, sizeof num, "%d  ", i + 1);
    int face = d.title_face;
    ui_wrap(w, num, x + M->pad, y + card_vpad(M, d), colw, face, C_ACCENT); /* set as the title's first line */
    int nx = x + M->pad + card_number_width(w, face);
    char title[300];
    struct card_chip chip;
    int tw = card_title(w, M, t, colw, d, title, sizeof title, &chip);
    int ty = ui_wrap(w, title, nx, y + card_vpad(M, d), tw, face, t->error ? C_DISABLED_TEXT : C_TEXT);
    if (chip.w)
        ui_chip(w, M, x + colw - M->pad - chip.w, y + card_vpad(M, d) + (ui_lh(w, face) - ui_lh(w, FACE_SMALL)) / 2,
                chip.mins, C_TEXT, C_CHIP);
    ui_wrap(w, summary, x + M->pad, ty, iw, d.face, t->error ? C_NEGATIVE : C_MUTED);
}

/* The grid of scenario cards from y (in its scroll view's pixels) at the
 * given density; returns the y below it. measure: only its height. */
static int title_grid(struct window *w, const struct metrics *M, int x, int y, int cols, int cardw,
                      struct title_density d, bool measure)
{
    for (int i = 0; i < w->ntitles; i += cols) {
        int rowh = 0;
        for (int c = 0; c < cols && i + c < w->ntitles; c++) {
            int hh = title_card_height(w, M, i + c, cardw, d);
            rowh = hh > rowh ? hh : rowh;
        }
        if (!measure)
            for (int c = 0; c < cols && i + c < w->ntitles; c++)
                title_card(w, M, i + c, x + c * (cardw + M->u / 2), y, cardw, rowh, d);
        y += rowh + M->u / 2;
    }
    return y;
}

/* The title screen's grid of cards: its columns and how densely they are
 * set. */
enum { TITLE_SCROLLS = 8 }; /* a plan's step when even the densest scrolls */

struct title_grid_plan {
    int cols, cardw;
    struct title_density d;
    int step;   /* how far down the steps below: 0 the most generous */
    int height; /* the grid's */
};

/* The most generous setting that shows every scenario in room pixels:
 * whole summaries in the body face while they fit, then in the small
 * face, then cut to three, two or one line, then titles alone (large text
 * on a projector), then titles in bold body text, at last without their
 * minutes (a title read whole matters more). The last when nothing fits (the grid then scrolls). */
static struct title_grid_plan plan_columns(struct window *w, const struct metrics *M, int gridw, int cols,
                                           int room)
{
    static const struct title_density steps[] = {
        {FACE_BODY, 0, FACE_H2, true},   {FACE_SMALL, 0, FACE_H2, true},  {FACE_SMALL, 3, FACE_H2, true},
        {FACE_SMALL, 2, FACE_H2, true},  {FACE_SMALL, 1, FACE_H2, true},  {FACE_SMALL, -1, FACE_H2, true},
        {FACE_SMALL, -1, FACE_BOLD, true}, {FACE_SMALL, -1, FACE_BOLD, false},
    };
    struct title_grid_plan p = {cols, cols == 2 ? (gridw - M->u / 2) / 2 : gridw, steps[0], 0, 0};
    for (; p.step + 1 < (int)COUNT_OF(steps); p.step++)
        if (title_grid(w, M, 0, 0, cols, p.cardw, steps[p.step], true) <= room)
            break;
    p.d = steps[p.step];
    _Static_assert(COUNT_OF(steps) == TITLE_SCROLLS, "one step past the last");
    p.height = title_grid(w, M, 0, 0, cols, p.cardw, p.d, true);
    if (p.height > room)
        p.step = TITLE_SCROLLS;
    return p;
}

/* Two columns where the window is wide enough for them to read well, or
 * where only two columns show every scenario at once (large text on a
 * projector); else one. */
static struct title_grid_plan plan_title_grid(struct window *w, const struct metrics *M, int gridw, int room)
{
    bool two_fit = gridw >= 2 * 14 * M->u && w->ntitles > 1;
    bool two_wide = gridw >= 2 * 24 * M->u && w->ntitles > 1;
    struct title_grid_plan one = plan_columns(w, M, gridw, 1, room);
    if (!two_fit)
        return one;
    struct title_grid_plan two = plan_columns(w, M, gridw, 2, room);
    if (two.step == one.step && one.step == TITLE_SCROLLS) /* both scroll: the shorter */
        return two.height < one.height ? two : one;
    if (two_wide)
        return two.step <= one.step ? two : one;
    return two.step < one.step ? two : one;
}

static void title_screen(struct window *w, const struct metrics *M)
{
    int wide = M->W - 2 * M->m;
    if (wide > 64 * M->u)
        wide = 64 * M->u;
    int x0 = (M->W - wide) / 2;
    int y = M->m * 3 / 4;
    /* A short screen (large text): a smaller wordmark and no tagline leave
     * the room to the scenarios. */
    int display = M->H < 50 * M->u ? FACE_H1 : FACE_DISPLAY;
    int mark_w = ui_line(w, x0, y, display, C_TEXT, "ScaleUp");
    int field_w = wide < 22 * M->u ? wide : 22 * M->u;
    if (M->H < 30 * M->u && wide - mark_w - 2 * M->u >= 16 * M->u) {
        /* Very large text: the name beside the wordmark, so that the
         * scenarios keep the room to show whole. */
        int fx = x0 + mark_w + 2 * M->u;
        int bottom = name_field(w, M, 0, "Your name, or your team's", fx, y, field_w < x0 + wide - fx ? field_w : x0 + wide - fx);
        y = bottom > y + ui_lh(w, display) ? bottom : y + ui_lh(w, display);
    } else {
        y += ui_lh(w, display) * 9 / 10;
        if (M->H >= 30 * M->u)
            y = ui_wrap(w, "A training simulation for product people: lead a company as its Product Owner or "
                        "Product Manager.", x0, y, wide, FACE_BODY, C_MUTED);
        y += M->gap;
        y = name_field(w, M, 0, "Your name, or your team's", x0, y, field_w);
    }
    y += M->gap;
    ui_line(w, x0, y, FACE_SMALL_BOLD, C_MUTED, "Choose a scenario");
    y += ui_lh(w, FACE_SMALL) + M->u / 4;
    int fh = ui_footer(w, M, win_key_hints(w));
    int R = M->ring;
    int gridw = wide;
    int view_h = M->H - fh - y + R;
    ui_begin_scroll(w, 1, (SDL_Rect){x0 - R, y - R, gridw + 2 * R + M->sbw, view_h});
    int cy = R;
    if (w->autosave_title >= 0 && w->autosave_title < w->ntitles) {
        /* Continue the last unfinished run: first, one click or Tab away. */
        const struct title_entry *t = &w->titles[w->autosave_title];
        char label[LIMIT_NAME_BYTES + 400];
        str_format(label, sizeof label, "Continue %s: %d decision%s made%s%s", t->title ? t->title : t->id,
                   w->autosave_decisions, w->autosave_decisions == 1 ? "" : "s",
                   w->autosave_who[0] ? " by " : "", w->autosave_who);
        char shown[LIMIT_NAME_BYTES + 400];
        ui_fit(w, FACE_BOLD, label, gridw - 2 * M->pad - 2 * M->u, shown, sizeof shown);
        ui_button(w, M, BTN_RESUME, 0, shown, NULL, R, cy, true, false);
        cy += ui_lh(w, FACE_BOLD) + M->pad + M->u / 2;
    }
    struct title_grid_plan p = plan_title_grid(w, M, gridw, view_h - cy - R);
    cy = title_grid(w, M, R, cy, p.cols, p.cardw, p.d, false);
    if (w->ntitles == 0)
        cy = ui_wrap(w, "No bundled scenarios were found. Start one with: scaleup play FOLDER", R, cy,
                  gridw, FACE_BODY, C_MUTED);
    ui_end_scroll(w, cy + R);
}

static void role_screen(struct window *w, const struct metrics *M)
{
    const struct scenario *sc = w->role_sc;
    bool duet = sc->duet && w->duet_mode;
    const char *p1 = w->name[0] ? w->name : "Player 1";
    const char *p2 = w->partner[0] ? w->partner : "Player 2";
    int colw = M->W - 2 * M->m;
    if (colw > 40 * M->u)
        colw = 40 * M->u;
    int x0 = (M->W - colw) / 2;
    int y = M->m * 3 / 4;
    char kicker[LIMIT_NAME_BYTES + 64];
    if (duet)
        str_format(kicker, sizeof kicker, "A duet: choose %s's role; %s takes the other", p1, p2);
    else
        str_copy(kicker, sizeof kicker, "Choose your role");
    ui_line(w, x0, y, FACE_SMALL_BOLD, C_ACCENT, kicker);
    y += ui_lh(w, FACE_SMALL);
    y = layout_wrap(w, &w->L, sc->title, x0, y, colw, FACE_H1, FACE_H1, C_TEXT, 0, false);
    if (sc->summary[0])
        y = ui_wrap(w, sc->summary, x0, y, colw, FACE_BODY, C_MUTED);
    y += M->gap;
    if (sc->duet) {
        /* Solo or duet: the selected one is filled. */
        int bx = x0;
        bx += ui_button(w, M, BTN_MODE, 0, "Solo", NULL, bx, y, !duet, false) + M->u / 2;
        ui_button(w, M, BTN_MODE, 1, "Duet: two players, one company", NULL, bx, y, duet, false);
        y += ui_lh(w, FACE_BOLD) + M->pad + M->gap * 2 / 3;
    }
    int fieldw = colw < 22 * M->u ? colw : 22 * M->u;
    if (duet) {
        int half = (colw - M->u) / 2;
        int y2 = name_field(w, M, 0, "Player 1's name, or team's", x0, y, half);
        name_field(w, M, 1, "Partner's name, or team's", x0 + half + M->u, y, half);
        y = y2 + M->gap;
    } else if (w->name_field) {
        y = name_field(w, M, 0, "Your name, or your team's", x0, y, fieldw);
        y += M->gap;
    }
    int fh = ui_footer(w, M, win_key_hints(w));
    int R = M->ring;
    ui_begin_scroll(w, 1, (SDL_Rect){x0 - R, y - R, colw + 2 * R + M->sbw, M->H - fh - y + R});
    int cy = R;
    for (int r = 0; r < sc->nroles; r++) {
        const struct role *role = &sc->roles[r];
        int badge = M->u * 3 / 2;
        int lx = R + M->pad + badge + M->pad * 3 / 4;
        int lw = R + colw - M->pad - lx;
        int bh = role->brief[0] ? ui_wrap_height(w, role->brief, lw, FACE_BODY) : 0;
        char takes[2 * LIMIT_NAME_BYTES + 200] = "";
        if (duet) {
            str_format(takes, sizeof takes, "%s plays the %s, %s the %s", p1, role->name, p2,
                       sc->roles[1 - r].name);
            bh += ui_wrap_height(w, takes, lw, FACE_SMALL_BOLD);
        }
        int inner = ui_lh(w, FACE_H2) + bh;
        int h = inner + 2 * M->pad;
        int b = layout_button(&w->L, BTN_ROLE, r, R, cy, colw, h, false);
        ui_card(w, M, R, cy, colw, h, b, C_SURFACE, C_SURFACE_HOT);
        /* In a duet the badge shows the role's colour, which it keeps all game. */
        int bcolor = (int)(duet ? theme_role_color(r) : C_ACCENT);
        ui_link(layout_rect(&w->L, R + M->pad, cy + M->pad, badge, badge, bcolor, M->rad * 2 / 3), b,
                duet ? bcolor : C_ACCENT_HOT);
        char num[16];
        str_format(num, sizeof num, "%d", r + 1);
        int nw = text_width(w, FACE_BOLD, num, strlen(num));
        ui_line(w, R + M->pad + (badge - nw) / 2, cy + M->pad + (badge - w->fonts.skip[FACE_BOLD]) / 2,
             FACE_BOLD, duet ? C_ON_ROLE : C_ON_ACCENT, num);
        ui_line(w, lx, cy + M->pad, FACE_H2, duet ? bcolor : C_TEXT, role->name);
        int ty = cy + M->pad + ui_lh(w, FACE_H2);
        if (takes[0])
            ty = ui_wrap(w, takes, lx, ty, lw, FACE_SMALL_BOLD, C_TEXT);
        if (role->brief[0])
            ui_wrap(w, role->brief, lx, ty, lw, FACE_BODY, C_MUTED);
        cy += h + M->u / 2;
    }
    ui_end_scroll(w, cy + R);
}

/* ------------------------------------------------------------ overlays */

/* A centred panel over a scrim; its list scrolls in layer 2. Returns the
 * content width and sets *x, *y to where the list's content starts. */
static int panel(struct window *w, const struct metrics *M, const char *title, int want_w,
                 int content_h, bool full)
{
    struct layout *L = &w->L;
    L->cur_layer = 1;
    L->ring_bg = C_SURFACE;
    L->overlay_first = L->nitems;
    layout_rect(L, 0, 0, M->W, M->H, C_SCRIM, 0);
    int pw = full ? M->W - 2 * M->m : want_w;
    if (pw > M->W - 2 * M->m)
        pw = M->W - 2 * M->m;
    int head = ui_lh(w, FACE_H2) + M->pad;
    int R = M->ring;
    if (w->L.overlay_h > 0)
        content_h = w->L.overlay_h;
    int ph = full ? M->H - 2 * M->m : head + content_h + M->pad;
    if (ph > M->H - M->m)
        ph = M->H - M->m;
    int px = (M->W - pw) / 2, py = (M->H - ph) / 2;
    layout_rect(L, px, py, pw, ph, C_SURFACE, M->rad);
    L->panel = (SDL_Rect){px, py, pw, ph};
    ui_line(w, px + M->pad + R, py + M->pad, FACE_H2, C_TEXT, title);
    const char *hint = "Esc: back";
    ui_line_right(w, px + pw - M->pad - R, py + M->pad + (ui_lh(w, FACE_H2) - ui_lh(w, FACE_SMALL)) / 2,
               FACE_SMALL, C_MUTED, hint);
    ui_begin_scroll(w, 2, (SDL_Rect){px + M->pad, py + head + M->pad / 2, pw - 2 * M->pad,
                                  ph - head - M->pad});
    return pw - 2 * M->pad - 2 * R - M->sbw;
}

/* A row button in a panel: label on the left, value or key on the right. */
static int row_button(struct window *w, const struct metrics *M, int kind, int arg, int x, int y,
                      int width, const char *label, const char *value, const char *sub, bool disabled)
{
    int lh = ui_lh(w, FACE_BODY);
    int sh = sub ? ui_wrap_height(w, sub, width - 2 * M->pad, FACE_SMALL) : 0;
    int h = lh + sh + M->pad;
    int b = layout_button(&w->L, kind, arg, x, y, width, h, disabled);
    struct item *bg = layout_rect(&w->L, x, y, width, h, disabled ? C_SURFACE : C_BG, M->rad);
    if (!disabled)
        ui_link(bg, b, C_SURFACE_HOT);
    int ty = y + M->pad / 2 + (lh - w->fonts.skip[FACE_BODY]) / 2;
    ui_line(w, x + M->pad, ty, FACE_BODY, disabled ? C_DISABLED_TEXT : C_TEXT, label);
    if (value) {
        int vf = value[0] == '[' ? FACE_SMALL : FACE_BOLD;
        int vy = y + M->pad / 2 + (lh - w->fonts.skip[vf]) / 2;
        ui_line_right(w, x + width - M->pad, vy, vf, disabled ? C_DISABLED_TEXT : C_ACCENT, value);
    }
    if (sub)
        layout_wrap(w, &w->L, sub, x + M->pad, y + M->pad / 2 + lh, width - 2 * M->pad, FACE_SMALL,
                    FACE_SMALL, C_MUTED, 0, false);
    return h;
}

static const char *menu_label(struct window *w, int item, const char **key, bool *disabled, bool *shown)
{
    bool in_run = w->s != NULL;
    *key = NULL;
    *disabled = false;
    *shown = true;
    switch (item) {
    case MENU_RESUME: *key = "Esc"; return "Resume";
    case MENU_SAVE: *shown = in_run; *disabled = !w->saves_dir[0]; return "Save…";
    case MENU_LOAD: *shown = in_run; *disabled = !w->saves_dir[0]; return "Load…";
    case MENU_UNDO:
        *shown = in_run;
        *disabled = !in_run || w->s->g->nlog == 0;
        *key = "U";
        return "Undo last choice";
    case MENU_RESTART: *shown = in_run; return "Restart this run";
    case MENU_HISTORY: *shown = in_run; *key = "H"; return "History";
    case MENU_KEEP_TEST:
        /* For authors only (--watch, or "author": true in the settings
         * file): a playthrough has one role, so solo runs only. */
        *shown = in_run && w->s->g->nplayers == 1 && (w->po->watch || w->settings.author);
        *disabled = !in_run || w->s->g->nlog == 0;
        return "Keep as a playthrough test";
    case MENU_SETTINGS: return "Settings…";
    case MENU_HELP: *key = "F1"; return "Keys";
    case MENU_LEAVE:
        *shown = in_run || w->screen == SCREEN_ROLE;
        return w->po->kiosk ? "End this run (next team)" : "Leave to the title screen";
    case MENU_QUIT:
        if (w->po->kiosk) {
            *key = "Ctrl+Alt+Q";
            *disabled = true;
            return "Quit (kiosk)";
        }
        *key = "Ctrl+Q";
        return "Quit ScaleUp";
    }
    return "";
}

static void menu_overlay(struct window *w, const struct metrics *M)
{
    int rows = 0;
    for (int i = 0; i < MENU_COUNT; i++) {
        const char *key;
        bool dis, shown;
        menu_label(w, i, &key, &dis, &shown);
        rows += shown;
    }
    int rh = ui_lh(w, FACE_BODY) + M->pad;
    int width = panel(w, M, w->s ? "Paused" : "Menu", 24 * M->u, rows * (rh + M->ring), false);
    int R = M->ring, y = R;
    for (int i = 0; i < MENU_COUNT; i++) {
        const char *key;
        bool dis, shown;
        const char *label = menu_label(w, i, &key, &dis, &shown);
        if (!shown)
            continue;
        char kb[32] = "";
        if (key)
            str_format(kb, sizeof kb, "[%s]", key);
        y += row_button(w, M, BTN_MENU, i, R, y, width, label, key ? kb : NULL, NULL, dis) + R;
    }
    ui_end_scroll(w, y + R);
}

static void slots_overlay(struct window *w, const struct metrics *M, bool save)
{
    int rh = ui_lh(w, FACE_BODY) + ui_lh(w, FACE_SMALL) + M->pad;
    int width = panel(w, M, save ? "Save to a slot" : "Load a slot", 28 * M->u,
                      WIN_SLOTS * (rh + M->u / 6), false);
    int R = M->ring, y = R;
    for (int k = 1; k <= WIN_SLOTS; k++) {
        const struct slot_info *si = &w->slots[k];
        char label[64], sub[300];
        str_format(label, sizeof label, "Slot %d", k);
        if (si->used)
            str_format(sub, sizeof sub, "%d decision%s · %s · %s", si->decisions,
                       si->decisions == 1 ? "" : "s", si->scene, si->when);
        else
            str_copy(sub, sizeof sub, "Empty");
        y += row_button(w, M, BTN_SLOT, k, R, y, width, label,
                        save ? (si->used ? "Overwrite" : "Save") : NULL, sub, !save && !si->used) +
             R;
    }
    ui_end_scroll(w, y + R);
}

static void settings_overlay(struct window *w, const struct metrics *M)
{
    int rh = ui_lh(w, FACE_BODY) + ui_lh(w, FACE_SMALL) + M->pad;
    int width = panel(w, M, "Settings", 32 * M->u, SET_COUNT * (rh + M->u / 6) + ui_lh(w, FACE_SMALL) * 2, false);
    int R = M->ring, y = R;
    const struct settings *st = &w->settings;
    char v[PATH_MAX + 16];
    str_format(v, sizeof v, "‹ %d%% ›", st->text_size);
    y += row_button(w, M, BTN_SETTING, SET_TEXT_SIZE, R, y, width, "Text size", v,
                    "Ctrl+plus and Ctrl+minus work everywhere", false) + R;
    str_format(v, sizeof v, "‹ %s ›", theme_palette((enum win_theme)st->theme)->label);
    y += row_button(w, M, BTN_SETTING, SET_THEME, R, y, width, "Theme", v,
                    "Projector in a bright room: High contrast, light", false) + R;
    y += row_button(w, M, BTN_SETTING, SET_FULLSCREEN, R, y, width, "Full screen",
                    st->fullscreen ? "‹ On ›" : "‹ Off ›", "F11 switches at any time", false) + R;
    y += row_button(w, M, BTN_SETTING, SET_COACHING, R, y, width, "Coaching",
                    st->coaching ? "‹ On ›" : "‹ Off ›",
                    st->coaching ? "Feedback after each decision"
                                 : "Exam mode: all feedback waits for the debrief",
                    false) + R;
    y += row_button(w, M, BTN_SETTING, SET_PRESENTER, R, y, width, "Presenter mode",
                    win_presenter(w) ? "‹ On ›" : "‹ Off ›",
                    w->po->presenter ? "On with --presenter: story and options enlarged for a room"
                                     : "Story and options enlarged for a room; stats in a strip",
                    false) + R;
    static const char *const timer_values[] = {"‹ On ›", "‹ Slow ›", "‹ Off ›"};
    y += row_button(w, M, BTN_SETTING, SET_TIMERS, R, y, width, "Timed decisions",
                    timer_values[st->timers >= 0 && st->timers <= 2 ? st->timers : 0],
                    w->po->timers_given ? "Set by --timers for this run"
                    : st->timers == 1   ? "Ten times the time; used from the next run"
                    : st->timers == 2   ? "No clock: no choice is taken for you; from the next run"
                                        : "As the scenario sets them; used from the next run",
                    false) + R;
    const char *dir = w->editing ? w->results_edit : st->results_dir;
    str_format(v, sizeof v, "%s%s", dir[0] ? dir : (w->editing ? "" : "none"), w->editing ? "▏" : "");
    y += row_button(w, M, BTN_SETTING, SET_RESULTS, R, y, width, "Results folder", NULL,
                    w->editing ? "Type a folder, then Enter (empty: no result files)"
                               : "Enter to change · used from the next run",
                    false) + R;
    /* The folder on its own line: paths are long. */
    layout_wrap(w, &w->L, v, R + M->pad, y, width - 2 * M->pad, FACE_SMALL_BOLD, FACE_SMALL_BOLD,
                w->editing ? C_ACCENT : C_TEXT, 0, false);
    y += ui_lh(w, FACE_SMALL) * 2;
    if (w->settings_path[0]) {
        char where[PATH_MAX + 32];
        str_format(where, sizeof where, "Saved in %s", w->settings_path);
        y = layout_wrap(w, &w->L, where, R + M->pad, y, width - 2 * M->pad, FACE_SMALL, FACE_SMALL,
                        C_MUTED, 0, false);
    }
    ui_end_scroll(w, y + R);
}

static void history_overlay(struct window *w, const struct metrics *M)
{
    int width = panel(w, M, "History of this run", 0, 0, true);
    int R = M->ring, y = R;
    if (width > 44 * M->u)
        width = 44 * M->u;
    /* w->history: records separated by '\x1e'; fields by '\x1f':
     * kind ('S' scene, 'C' choice, 'N' now; in a duet '1' and '2' a secret
     * pick by the player of role colour 1 or 2, 'F' its feedback, 'O' how
     * the picks were resolved), title, text. */
    const char *p = w->history.data ? w->history.data : "";
    while (*p) {
        const char *end = strchr(p, '\x1e');
        if (!end)
            end = p + strlen(p);
        char kind = *p;
        const char *f1 = strchr(p, '\x1f');
        const char *f2 = f1 && f1 < end ? strchr(f1 + 1, '\x1f') : NULL;
        if (f1 && f2 && f2 < end) {
            char *title = xstrndup(f1 + 1, (size_t)(f2 - f1 - 1));
            char *text = xstrndup(f2 + 1, (size_t)(end - f2 - 1));
            if (kind == '1' || kind == '2') {
                /* A duet's secret pick, in its player's colour, after the reveal. */
                int pc = kind == '1' ? C_ROLE1 : C_ROLE2;
                y += M->u / 6;
                layout_rect(&w->L, R, y + M->u / 4, M->u / 5, ui_lh(w, FACE_BOLD) - M->u / 2, pc, 2);
                ui_line(w, R + M->u * 2 / 3, y, FACE_SMALL_BOLD, pc, title);
                y += ui_lh(w, FACE_SMALL);
                y = ui_wrap(w, text, R + M->u * 2 / 3, y, width - M->u * 2 / 3, FACE_BOLD, C_TEXT);
            } else if (kind == 'F' || kind == 'O') {
                /* A pick's feedback; how the picks were resolved. */
                if (kind == 'O')
                    y += M->u / 4;
                y = ui_wrap(w, text, R + M->u * 2 / 3, y, width - M->u * 2 / 3,
                            kind == 'O' ? FACE_SMALL_BOLD : FACE_SMALL, kind == 'O' ? C_TEXT : C_MUTED);
                if (kind == 'O')
                    y += M->u / 3;
            } else if (kind == 'S' || kind == 'N') {
                y += M->u / 3;
                ui_line(w, R, y, FACE_SMALL_BOLD, C_ACCENT, title);
                y += ui_lh(w, FACE_SMALL);
                y = ui_wrap(w, text, R, y, width, FACE_BODY, kind == 'N' ? C_TEXT : C_MUTED);
            } else {
                y += M->u / 4;
                layout_rect(&w->L, R, y + M->u / 4, M->u / 5, ui_lh(w, FACE_BOLD) - M->u / 2, C_ACCENT, 2);
                y = ui_wrap(w, text, R + M->u * 2 / 3, y, width - M->u * 2 / 3, FACE_BOLD, C_TEXT);
                if (title[0])
                    y = ui_wrap(w, title, R + M->u * 2 / 3, y, width - M->u * 2 / 3, FACE_SMALL, C_MUTED);
                y += M->u / 3;
            }
            free(title);
            free(text);
        }
        p = *end ? end + 1 : end;
    }
    ui_end_scroll(w, y + R);
}

static void help_overlay(struct window *w, const struct metrics *M)
{
    static const char *const keys[][2] = {
        {"1 – 9", "Take a choice, a role or a scenario"},
        {"↑ ↓  Tab", "Move the focus"},
        {"Enter  Space", "Activate the focused button; Continue"},
        {"Esc", "Menu: save, load, undo, restart, keep as a test, settings"},
        {"H", "History of this run"},
        {"U", "Undo the last choice (duet: back to the first secret pick)"},
        {"Page Up / Down", "Scroll"},
        {"Ctrl + plus / minus", "Text size (Ctrl+0: default)"},
        {"F11", "Full screen"},
        {"F12", "Save a screenshot (PNG)"},
        {"Ctrl+Q", "Quit (kiosk: Ctrl+Alt+Q)"},
    };
    int n = (int)COUNT_OF(keys);
    int rh = ui_lh(w, FACE_BODY);
    int width = panel(w, M, "Keys", 34 * M->u, n * rh, false);
    int R = M->ring, y = R;
    int kw = 0;
    for (int i = 0; i < n; i++) {
        int tw = text_width(w, FACE_BOLD, keys[i][0], strlen(keys[i][0]));
        if (tw > kw)
            kw = tw;
    }
    for (int i = 0; i < n; i++) {
        ui_line(w, R + M->pad, y, FACE_BOLD, C_ACCENT, keys[i][0]);
        y = ui_wrap(w, keys[i][1], R + M->pad + kw + M->u, y, width - kw - M->u - 2 * M->pad, FACE_BODY, C_TEXT);
    }
    ui_end_scroll(w, y + R);
}

/* "Restart this run?": what it would lose, and two buttons; the safe one
 * has the focus. */
static void confirm_overlay(struct window *w, const struct metrics *M)
{
    const char *title, *yes;
    char body[600];
    win_confirm_text(w, &title, body, sizeof body, &yes);
    int bh = ui_lh(w, FACE_BOLD) + M->pad;
    int want = 26 * M->u;
    int width = panel(w, M, title, want, 0, false);
    int R = M->ring, y = R;
    y = layout_wrap(w, &w->L, body, R + M->pad, y, width - 2 * M->pad, FACE_BODY, FACE_ITALIC, C_TEXT,
                    0, false);
    y += M->gap;
    int bx = R + M->pad;
    bx += ui_button(w, M, BTN_CONFIRM, 0, w->confirm == CONFIRM_FINISH ? "Stay" : "Keep playing", "N", bx, y,
                    false, false) + M->u / 2;
    if (bx + text_width(w, FACE_BOLD, yes, strlen(yes)) + 4 * M->u > R + width) {
        bx = R + M->pad; /* narrow: one under the other */
        y += bh + R;
    }
    ui_button(w, M, BTN_CONFIRM, 1, yes, "Y", bx, y, true, false);
    y += bh;
    ui_end_scroll(w, y + R);
}

static void banner(struct window *w, const struct metrics *M)
{
    if (!w->banner[0])
        return;
    w->L.cur_layer = 2;
    w->L.banner_first = w->L.nitems;
    int maxw = M->W - 2 * M->m;
    if (maxw > 36 * M->u)
        maxw = 36 * M->u;
    int tw = text_width(w, FACE_SMALL_BOLD, w->banner, strlen(w->banner));
    int inner = tw < maxw - 2 * M->pad ? tw : maxw - 2 * M->pad;
    int th = layout_wrap(w, &w->L, w->banner, 0, 0, inner, FACE_SMALL_BOLD, FACE_SMALL_BOLD, C_TEXT,
                         0, true);
    int bw = inner + 2 * M->pad, bh = th + M->pad;
    int x = (M->W - bw) / 2, y = M->m / 4;
    layout_rect(&w->L, x, y, bw, bh, C_BANNER_BG, M->rad);
    layout_wrap(w, &w->L, w->banner, x + M->pad, y + M->pad / 2, inner, FACE_SMALL_BOLD,
                FACE_SMALL_BOLD, C_BANNER_TEXT, 0, false);
    w->L.banner = (SDL_Rect){x, y, bw, bh};
}

void win_layout(struct window *w)
{
    struct metrics M;
    M.u = w->unit;
    M.W = w->out_w;
    M.H = w->out_h;
    M.m = M.u > M.W * 45 / 1000 ? M.u : M.W * 45 / 1000;
    M.gap = M.u;
    M.pad = M.u * 6 / 10;
    M.rad = M.u * 4 / 10;
    M.bw = M.u / 14 > 1 ? M.u / 14 : 1;
    int t = M.u / 7 > 3 ? M.u / 7 : 3;
    M.ring = 2 * t + 1;
    M.sbw = M.u / 5 > 4 ? M.u / 5 + 2 : 6;
    layout_reset(&w->L);
    switch (w->screen) {
    case SCREEN_TITLE: title_screen(w, &M); break;
    case SCREEN_ROLE: role_screen(w, &M); break;
    case SCREEN_PLAY: play_screen(w, &M); break;
    case SCREEN_OUTCOME: outcome_screen(w, &M); break;
    case SCREEN_DEBRIEF: debrief_screen(w, &M); break;
    case SCREEN_ERROR: error_screen(w, &M); break;
    case SCREEN_HANDOVER: duet_handover_screen(w, &M); break;
    default: break;
    }
    /* Overlays are laid out twice: once to measure their content, then in
     * a panel of that height. */
    for (int pass = 0; pass < 2 && w->overlay; pass++) {
        int mark_items = w->L.nitems, mark_buttons = w->L.nbuttons;
        size_t mark_chars = w->L.chars.len;
        w->L.overlay_h = 0;
        if (pass == 1)
            w->L.overlay_h = w->L.scroll[2].content_h;
        switch (w->overlay) {
        case OVERLAY_MENU: menu_overlay(w, &M); break;
        case OVERLAY_SAVE: slots_overlay(w, &M, true); break;
        case OVERLAY_LOAD: slots_overlay(w, &M, false); break;
        case OVERLAY_SETTINGS: settings_overlay(w, &M); break;
        case OVERLAY_HISTORY: history_overlay(w, &M); break;
        case OVERLAY_HELP: help_overlay(w, &M); break;
        case OVERLAY_CONFIRM: confirm_overlay(w, &M); break;
        default: break;
        }
        if (pass == 0) {
            w->L.nitems = mark_items;
            w->L.nbuttons = mark_buttons;
            w->L.chars.len = mark_chars;
            w->L.chars.data[mark_chars] = '\0';
        }
        w->L.cur_scroll = 0;
    }
    banner(w, &M);
    for (int k = 1; k < 3; k++) {
        struct scroll_view *sv = &w->L.scroll[k];
        int max = sv->content_h - sv->view.h;
        if (max < 0)
            max = 0;
        if (sv->offset > max)
            sv->offset = max;
        if (sv->offset < 0)
            sv->offset = 0;
    }
}
