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
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/game.h"
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

/* "+3 Vision", "Runway -1" chips for a decision's changes, flowing in rows.
 * Returns the y below them (y itself when there is nothing to show). */
int ui_change_chips(struct window *w, const struct metrics *M, const struct scenario *sc,
                        const double *score, const double *stat_delta, int x, int y, int width)
{
    int cx = x, rows = 0;
    int h = ui_lh(w, FACE_SMALL);
    char num[64], buf[256];
    for (int pass = 0; pass < 2; pass++) {
        int n = pass == 0 ? sc->ndimensions : sc->nstats;
        for (int k = 0; k < n; k++) {
            double v = pass == 0 ? score[k] : stat_delta ? stat_delta[k] : 0;
            if (fabs(v) < 1e-9 || (pass == 1 && sc->stats[k].hidden))
                continue;
            format_signed(num, sizeof num, v);
            str_format(buf, sizeof buf, "%s %s", num,
                       pass == 0 ? sc->dimensions[k].name : sc->stats[k].name);
            int cw = text_width(w, FACE_SMALL_BOLD, buf, strlen(buf)) + M->u;
            if (cx > x && cx + cw > x + width) {
                cx = x;
                rows++;
            }
            if (rows == 0 && cx == x)
                rows = 1;
            ui_chip(w, M, cx, y + (rows - 1) * (h + M->u / 3), buf, v > 0 ? C_POSITIVE : C_NEGATIVE,
                 C_TRACK);
            cx += cw + M->u / 3;
        }
    }
    return rows ? y + rows * (h + M->u / 3) : y;
}

/* "Meanwhile" and chips for what changed as the next scene began (a
 * decision's enter_delta), apart from the choice's own changes. Returns the
 * y below (y itself when nothing changed). */
int ui_meanwhile(struct window *w, const struct metrics *M, const struct scenario *sc,
                 const double *enter_delta, int x, int y, int width)
{
    bool any = false;
    for (int k = 0; k < sc->nstats && !any; k++)
        any = !sc->stats[k].hidden && fabs(enter_delta[k]) >= 1e-9;
    if (!any)
        return y;
    static const double none[LIMIT_DIMENSIONS];
    ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, "Meanwhile");
    int bottom = ui_change_chips(w, M, sc, none, enter_delta, x, y + ui_lh(w, FACE_SMALL), width);
    w->L.meanwhile = (SDL_Rect){x, y, width, bottom - y};
    return bottom;
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
    if (right && right[0])
        ui_line_right(w, M->W - M->m, y, FACE_SMALL, C_MUTED, right);
    y += ui_lh(w, FACE_SMALL);
    int tw = M->W - 2 * M->m - (w->timing ? 7 * M->u : 0);
    y = layout_wrap(w, &w->L, title, M->m, y, tw, FACE_H1, FACE_H1, C_TEXT, 0, false);
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

void ui_end_scroll(struct window *w, int content_h)
{
    int layer = w->L.cur_scroll;
    w->L.scroll[layer].content_h = content_h;
    w->L.cur_scroll = 0;
    struct item *clip = layout_rect(&w->L, 0, 0, 0, 0, C_BG, 0);
    clip->kind = IT_CLIP;
}

/* The stats and scores: every visible stat, and a bar per dimension showing
 * the points against the best the role can reach. Returns the height. */
static int hud(struct window *w, const struct metrics *M, int x, int y, int width)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
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
        format_number(num, sizeof num, g->s.stats[i]);
        str_format(buf, sizeof buf, "%s%s%s", num, st->unit ? " " : "", st->unit ? st->unit : "");
        ui_line(w, x, y, FACE_SMALL, C_TEXT, st->name);
        ui_line_right(w, x + width, y, FACE_SMALL_BOLD, C_TEXT, buf);
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
    y += small + M->u / 6;
    for (int d = 0; d < sc->ndimensions; d++) {
        format_number(num, sizeof num, p->score[d]);
        ui_line(w, x, y, FACE_SMALL, C_TEXT, sc->dimensions[d].name);
        ui_line_right(w, x + width, y, FACE_SMALL_BOLD, p->score[d] < 0 ? C_NEGATIVE : C_TEXT, num);
        y += small;
        double top = w->best[g->view.decider].points[d];
        ui_bar(w, x, y, width, barh, top > 0 ? p->score[d] / top : 0, C_ACCENT);
        y += barh + M->u / 3;
    }
    return y - y0;
}

/* The side panel's width, or 0 when the window is too narrow for two
 * columns (then the HUD goes at the top of the scroll). Returns the main
 * column's width. */
static int side_width(const struct metrics *M)
{
    int side_w = M->W * 26 / 100;
    if (side_w < 10 * M->u)
        side_w = 10 * M->u;
    if (side_w > 15 * M->u)
        side_w = 15 * M->u;
    return side_w;
}

static int side_panel(const struct metrics *M, bool *narrow)
{
    int main_w = M->W - 2 * M->m - side_width(M) - M->gap * 2;
    *narrow = main_w < 20 * M->u;
    if (*narrow)
        return M->W - 2 * M->m;
    return main_w > 40 * M->u ? 40 * M->u : main_w;
}

static void hud_card(struct window *w, const struct metrics *M, int y0, int y1)
{
    int side_w = side_width(M);
    int x = M->W - M->m - side_w;
    /* Lay the HUD out once to know its height, then place the card under it:
     * the card's items must come first, so lay out twice (cheap: text is
     * measured, not rendered). */
    int mark_items = w->L.nitems;
    size_t mark_chars = w->L.chars.len;
    int h = hud(w, M, x + M->pad, y0 + M->pad, side_w - 2 * M->pad);
    w->L.nitems = mark_items;
    w->L.chars.len = mark_chars;
    int ch = h + 2 * M->pad - M->u / 3;
    if (ch > y1 - y0)
        ch = y1 - y0;
    layout_rect(&w->L, x, y0, side_w, ch, C_SURFACE, M->rad);
    hud(w, M, x + M->pad, y0 + M->pad, side_w - 2 * M->pad);
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
    int lw = x + width - M->pad - lx;
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
    int color = left <= 10 ? C_NEGATIVE : C_ACCENT;
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
    int y_title = M->m * 6 / 10 + ui_lh(w, FACE_SMALL);
    int y0 = ui_header(w, M, scene->phase, C_ACCENT, scene->title[0] ? scene->title : scene->id,
                    who(w, whobuf, sizeof whobuf));
    if (w->timing)
        countdown(w, M, y_title, y0 - M->u * 3 / 4);
    if (g->nplayers > 1)
        y0 = duet_turn_band(w, M, y0);
    int fh = ui_footer(w, M, win_key_hints(w));
    int y1 = M->H - fh;
    bool narrow;
    int main_w = side_panel(M, &narrow);
    if (!narrow)
        hud_card(w, M, y0, y1);
    int R = M->ring;
    ui_begin_scroll(w, 1, (SDL_Rect){M->m - R, y0 - R, main_w + 2 * R + M->sbw, y1 - y0 + R});
    int x = R, y = R, width = main_w;
    if (narrow) {
        y += hud(w, M, x, y, width);
        y += M->u / 2;
    }
    int ty = y;
    if (g->view.text.len)
        y = ui_wrap(w, g->view.text.data, x, y, width, FACE_BODY, C_TEXT);
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
    int fh = ui_footer(w, M, win_key_hints(w));
    int y1 = M->H - fh;
    bool narrow;
    int main_w = side_panel(M, &narrow);
    if (!narrow)
        hud_card(w, M, y0, y1);
    int R = M->ring;
    ui_begin_scroll(w, 1, (SDL_Rect){M->m - R, y0 - R, main_w + 2 * R + M->sbw, y1 - y0 + R});
    int x = R, y = R, width = main_w;
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

static void debrief_screen(struct window *w, const struct metrics *M)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    const struct debrief *d = &w->debrief;
    const struct scene *end = d->ending >= 0 ? &sc->scenes[d->ending] : game_scene(g);
    char whobuf[256], buf[600], num[64], best[64];
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
    ui_button(w, M, BTN_DEBRIEF, FE_QUIT, w->po->kiosk ? "Next team" : "Finish", "Enter", bx, by,
                true, false);
    int y1 = by - M->u / 2;
    layout_rect(&w->L, M->m, y1, M->W - 2 * M->m, M->bw > 1 ? M->bw : 1, C_BORDER, 0);
    y1 -= M->u / 3;
    int main_w = M->W - 2 * M->m;
    if (main_w > 44 * M->u)
        main_w = 44 * M->u;
    int R = M->ring;
    ui_begin_scroll(w, 1, (SDL_Rect){M->m - R, y0 - R, main_w + 2 * R + M->sbw, y1 - y0 + R});
    int x = R, y = R, width = main_w;
    int vcolor = d->verdict == VERDICT_SUCCESS ? C_POSITIVE : d->verdict == VERDICT_MIXED ? C_WARNING : C_NEGATIVE;
    if (d->verdict != VERDICT_NONE) {
        str_format(buf, sizeof buf, "Verdict: %s", verdict_name(d->verdict));
        ui_chip(w, M, x, y, buf, vcolor, C_TRACK);
        y += ui_lh(w, FACE_SMALL) + M->u / 2;
    }
    if (g->view.text.len) {
        y = ui_wrap(w, g->view.text.data, x, y, width, FACE_BODY, C_TEXT);
        y += M->gap;
    }
    for (int p = 0; p < d->nplayers; p++) {
        const struct debrief_player *dp = &d->players[p];
        int cx = x + M->pad, cw = width - 2 * M->pad;
        int card_y = y;
        int mark_items = w->L.nitems;
        /* Lay out the card's content, then slip the card under it. */
        struct item placeholder_dummy;
        (void)placeholder_dummy;
        layout_rect(&w->L, x, y, width, 0, C_SURFACE, M->rad);
        int card_item = w->L.nitems - 1;
        y += M->pad;
        /* In a duet each player's card wears their role colour. */
        int pcolor = d->nplayers > 1 ? theme_role_color(dp->role) : C_ACCENT;
        if (d->nplayers > 1)
            layout_rect(&w->L, x, card_y, M->u / 4, 0, pcolor, M->u / 8);
        int stripe_item = d->nplayers > 1 ? w->L.nitems - 1 : -1;
        str_format(buf, sizeof buf, "%s · %s", dp->name, sc->roles[dp->role].name);
        ui_line(w, cx, y, FACE_H2, d->nplayers > 1 ? pcolor : C_TEXT, buf);
        y += ui_lh(w, FACE_H2) + M->u / 4;
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
            double top = dp->best.points[k];
            double share = top > 0 ? dp->points[k] / top : 0;
            if (share < 0)
                share = 0;
            if (share > 1)
                share = 1;
            int bar_y = y + (row - barh) / 2;
            ui_bar(w, trackx, bar_y, trackw, barh, share, pcolor);
            if (p < GAME_MAX_PLAYERS) {
                w->L.bar_track[p][k] = (SDL_Rect){trackx, bar_y, trackw, barh};
                w->L.bar_share[p][k] = share;
            }
            format_number(num, sizeof num, dp->points[k]);
            if (top > 0) {
                format_number(best, sizeof best, top);
                str_format(buf, sizeof buf, "%s of %s · %.0f%%", num, best, debrief_percent(dp->points[k], top));
            } else {
                str_copy(buf, sizeof buf, num);
            }
            ui_line(w, trackx + trackw + M->u, y + (row - w->fonts.skip[FACE_SMALL]) / 2, FACE_SMALL,
                 dp->points[k] < 0 ? C_NEGATIVE : C_MUTED, buf);
            y += row + M->u / 6;
        }
        y += M->u / 2;
        str_format(buf, sizeof buf, "%.0f%%", dp->percent);
        int pw = ui_line(w, cx, y, FACE_H1, pcolor, buf);
        format_number(num, sizeof num, dp->weighted);
        format_number(best, sizeof best, dp->best.weighted);
        str_format(buf, sizeof buf, "Weighted total %s of %s possible%s", num, best,
                   dp->best.exact ? "" : " (estimated)");
        int tx = cx + pw + M->u;
        int ty = y + (ui_lh(w, FACE_H1) - 2 * ui_lh(w, FACE_SMALL)) / 2;
        ui_line(w, tx, ty, FACE_SMALL, C_MUTED, buf);
        if (dp->rating)
            ui_line(w, tx, ty + ui_lh(w, FACE_SMALL), FACE_SMALL_BOLD, C_TEXT, dp->rating);
        y += ui_lh(w, FACE_H1) + M->pad;
        w->L.items[card_item].h = y - card_y;
        if (stripe_item >= 0)
            w->L.items[stripe_item].h = y - card_y;
        (void)mark_items;
        y += M->gap;
    }
    if (d->nplayers > 1)
        y = duet_debrief_alignment(w, M, x, y, width);
    if (g->nlog) {
        ui_line(w, x, y, FACE_H2, C_TEXT, "Decision by decision");
        y += ui_lh(w, FACE_H2) + M->u / 3;
    }
    for (int i = 0; i < g->nlog; i++) {
        const struct decision *dec = &g->log[i];
        if (dec->secret) {
            y = duet_debrief_decision(w, M, i, x, y, width);
            continue;
        }
        const struct scene *where = &sc->scenes[dec->scene];
        int badge = M->u * 3 / 2;
        int lx = x + badge + M->u * 2 / 3, lw = width - (lx - x);
        layout_rect(&w->L, x, y, badge, badge, C_TRACK, M->rad * 2 / 3);
        str_format(num, sizeof num, "%d", i + 1);
        int nw = text_width(w, FACE_BOLD, num, strlen(num));
        ui_line(w, x + (badge - nw) / 2, y + (badge - w->fonts.skip[FACE_BOLD]) / 2, FACE_BOLD, C_TEXT, num);
        str_format(buf, sizeof buf, "%s%s%s", where->phase, where->phase[0] ? " · " : "",
                   where->title[0] ? where->title : where->id);
        if (g->nplayers > 1) {
            size_t n = strlen(buf);
            str_format(buf + n, sizeof buf - n, " · %s decided", g->s.players[dec->player].name);
        }
        ui_line(w, lx, y, FACE_SMALL_BOLD, C_MUTED, buf);
        int yy = y + ui_lh(w, FACE_SMALL);
        yy = ui_wrap(w, game_decision_label(g, i), lx, yy, lw, FACE_BOLD, C_TEXT);
        if (dec->timed_out) {
            ui_line(w, lx, yy, FACE_SMALL, C_WARNING, "Time ran out: this was taken for you.");
            yy += ui_lh(w, FACE_SMALL);
        }
        int cy = ui_change_chips(w, M, sc, dec->score, dec->stat_delta, lx, yy + M->u / 6, lw);
        if (cy > yy)
            yy = cy + M->u / 6;
        const char *fb = game_feedback(g, i);
        if (fb[0])
            yy = ui_wrap(w, fb, lx, yy, lw, FACE_BODY, C_MUTED);
        struct strbuf extra;
        sb_init(&extra);
        if (debrief_locked_best(g, i, -1, &extra)) {
            /* The best was locked: say so and why (words from the core). */
            yy = ui_wrap(w, extra.data, lx, yy, lw, FACE_SMALL_BOLD, C_WARNING);
        } else if (dec->offered > 1) {
            if (dec->best_number == dec->number) {
                yy = ui_wrap(w, "✓ The best-scoring choice here.", lx, yy, lw, FACE_SMALL_BOLD, C_POSITIVE);
            } else {
                const struct choice *bc = &sc->choices[dec->best_choice];
                str_format(buf, sizeof buf, "Best for a %s: %s",
                           sc->roles[g->s.players[dec->player].role].name, game_best_label(g, i));
                yy = ui_wrap(w, buf, lx, yy, lw, FACE_SMALL_BOLD, C_WARNING);
                int c2 = ui_change_chips(w, M, sc, bc->score, NULL, lx, yy + M->u / 6, lw);
                if (c2 > yy)
                    yy = c2;
            }
        }
        sb_clear(&extra);
        int ncaused = debrief_caused(g, i, &extra);
        for (const char *at = extra.data; ncaused-- > 0; at += strlen(at) + 1)
            yy = ui_wrap(w, at, lx, yy, lw, FACE_SMALL, C_MUTED);
        sb_free(&extra);
        y = (yy > y + badge ? yy : y + badge) + M->gap;
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
    int main_w = M->W - 2 * M->m;
    if (main_w > 44 * M->u)
        main_w = 44 * M->u;
    int R = M->ring;
    ui_begin_scroll(w, 1, (SDL_Rect){M->m - R, y0 - R, main_w + 2 * R + M->sbw, y1 - y0 + R});
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
    if (name[0])
        tw = ui_line(w, tx, ty, FACE_BODY, C_TEXT, name);
    else if (!editing)
        ui_line(w, tx, ty, FACE_BODY, C_MUTED, field ? "Player 2" : w->duet_mode ? "Player 1" : "Player");
    if (editing)
        layout_rect(&w->L, tx + tw + 2, y + h / 5, M->u / 10 > 2 ? M->u / 10 : 2, h * 3 / 5, C_TEXT, 0);
    return y + h;
}

static void title_screen(struct window *w, const struct metrics *M)
{
    int colw = M->W - 2 * M->m;
    if (colw > 40 * M->u)
        colw = 40 * M->u;
    int x0 = (M->W - colw) / 2;
    int y = M->m * 3 / 4;
    ui_line(w, x0, y, FACE_DISPLAY, C_TEXT, "ScaleUp");
    y += ui_lh(w, FACE_DISPLAY) * 9 / 10;
    y = ui_wrap(w, "A training simulation for product people: lead a company as its Product Owner or "
                "Product Manager.", x0, y, colw, FACE_BODY, C_MUTED);
    y += M->gap;
    y = name_field(w, M, 0, "Your name, or your team's", x0, y, colw < 22 * M->u ? colw : 22 * M->u);
    y += M->gap;
    ui_line(w, x0, y, FACE_SMALL_BOLD, C_MUTED, "Choose a scenario");
    y += ui_lh(w, FACE_SMALL) + M->u / 4;
    int fh = ui_footer(w, M, win_key_hints(w));
    int R = M->ring;
    ui_begin_scroll(w, 1, (SDL_Rect){x0 - R, y - R, colw + 2 * R + M->sbw, M->H - fh - y + R});
    int cy = R;
    for (int i = 0; i < w->ntitles; i++) {
        const struct title_entry *t = &w->titles[i];
        int iw = colw - 2 * M->pad;
        const char *summary = t->error ? t->error : t->summary ? t->summary : "";
        int sh = ui_wrap_height(w, summary, iw, FACE_BODY);
        int h = ui_lh(w, FACE_H2) + sh + 2 * M->pad;
        int b = layout_button(&w->L, BTN_SCENARIO, i, R, cy, colw, h, t->error != NULL);
        ui_card(w, M, R, cy, colw, h, b, t->error ? C_DISABLED_BG : C_SURFACE,
             t->error ? C_DISABLED_BG : C_SURFACE_HOT);
        char num[16];
        str_format(num, sizeof num, "%d  ", i + 1);
        int nx = R + M->pad;
        nx += ui_line(w, nx, cy + M->pad, FACE_H2, C_ACCENT, num);
        ui_line(w, nx, cy + M->pad, FACE_H2, t->error ? C_DISABLED_TEXT : C_TEXT,
             t->title ? t->title : t->id);
        if (t->minutes > 0) {
            char mins[32];
            str_format(mins, sizeof mins, "%.0f min", t->minutes);
            int cw = text_width(w, FACE_SMALL_BOLD, mins, strlen(mins)) + M->u;
            ui_chip(w, M, R + colw - M->pad - cw, cy + M->pad + (ui_lh(w, FACE_H2) - ui_lh(w, FACE_SMALL)) / 2,
                 mins, C_TEXT, C_TRACK);
        }
        ui_wrap(w, summary, R + M->pad, cy + M->pad + ui_lh(w, FACE_H2), iw, FACE_BODY,
             t->error ? C_NEGATIVE : C_MUTED);
        cy += h + M->u / 2;
    }
    if (w->ntitles == 0)
        cy = ui_wrap(w, "No bundled scenarios were found. Start one with: scaleup play FOLDER", R, cy,
                  colw, FACE_BODY, C_MUTED);
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
        int bcolor = duet ? theme_role_color(r) : C_ACCENT;
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
        /* For authors: a playthrough has one role, so solo runs only. */
        *shown = in_run && w->s->g->nplayers == 1;
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
    int width = panel(w, M, w->s ? "Paused" : "Menu", 24 * M->u, rows * (rh + M->u / 6), false);
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
        y += row_button(w, M, BTN_MENU, i, R, y, width, label, key ? kb : NULL, NULL, dis) + M->u / 6;
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
             M->u / 6;
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
                    "Ctrl+plus and Ctrl+minus work everywhere", false) + M->u / 6;
    str_format(v, sizeof v, "‹ %s ›", theme_palette((enum win_theme)st->theme)->label);
    y += row_button(w, M, BTN_SETTING, SET_THEME, R, y, width, "Theme", v,
                    "High contrast is best on a projector in a bright room", false) + M->u / 6;
    y += row_button(w, M, BTN_SETTING, SET_FULLSCREEN, R, y, width, "Full screen",
                    st->fullscreen ? "‹ On ›" : "‹ Off ›", "F11 switches at any time", false) + M->u / 6;
    y += row_button(w, M, BTN_SETTING, SET_COACHING, R, y, width, "Coaching",
                    st->coaching ? "‹ On ›" : "‹ Off ›",
                    st->coaching ? "Feedback after each decision"
                                 : "Exam mode: all feedback waits for the debrief",
                    false) + M->u / 6;
    const char *dir = w->editing ? w->results_edit : st->results_dir;
    str_format(v, sizeof v, "%s%s", dir[0] ? dir : (w->editing ? "" : "none"), w->editing ? "▏" : "");
    y += row_button(w, M, BTN_SETTING, SET_RESULTS, R, y, width, "Results folder", NULL,
                    w->editing ? "Type a folder, then Enter (empty: no result files)"
                               : "Enter to change · used from the next run",
                    false) + M->u / 6;
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

static void banner(struct window *w, const struct metrics *M)
{
    if (!w->banner[0])
        return;
    w->L.cur_layer = 2;
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
