/*
 * duet.c: two players at one window, one company.
 *
 * A duet scene decided by one role (by = "po") is an ordinary decision with a
 * band in the decider's role colour saying whose it is. A secret scene
 * (by = "both") is played as four screens on one window:
 *
 *   1. the first player's pick, the band saying "Ben, look away";
 *   2. the hand-over ("Pass to Ben"), which shows nothing of the pick;
 *   3. the partner's pick, laid out afresh: no focus, no hover, no scroll
 *      carried over, so its pixels are the same whatever the first player
 *      chose or how (the window test compares them);
 *   4. the reveal: both picks side by side in their role colours, how the
 *      engine resolved them (agreed, conflict, settled, coin) and each
 *      player's feedback.
 *
 * The first pick stays in the window (w->secret_pick) until the second is
 * made; then both go to the session in one FE_CHOOSE, as the terminal does.
 * So the game, its log, the result file and the history know nothing of a
 * pick before the reveal. The window makes no sound at all.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/game.h"
#include "core/recap.h"
#include "core/text.h"
#include "core/utf8.h"
#include "win.h"

/* ------------------------------------------------------------ turns */

int duet_picker(const struct window *w)
{
    if (w->secret == SECRET_SECOND)
        return 1;
    if (w->secret != SECRET_NONE)
        return 0;
    return w->s ? w->s->g->view.decider : 0;
}

const struct menu *duet_menu(const struct window *w)
{
    return &w->s->g->view.menu[duet_picker(w)];
}

void duet_reset(struct window *w)
{
    w->secret = SECRET_NONE;
    w->secret_pick = 0;
    w->revealed_nlog = w->s ? w->s->g->nlog : 0;
}

void duet_begin_decision(struct window *w, bool new_decision)
{
    if (!game_is_secret(w->s->g)) {
        w->secret = SECRET_NONE;
        w->secret_pick = 0;
        return;
    }
    if (new_decision || w->secret == SECRET_NONE) {
        w->secret = SECRET_FIRST;
        w->secret_pick = 0;
        w->kbd = false;
    }
}

bool duet_pick(struct window *w, int number)
{
    switch (w->secret) {
    case SECRET_FIRST:
        w->secret_pick = number;
        w->secret = SECRET_HANDOVER;
        win_set_screen(w, SCREEN_HANDOVER, true);
        return true;
    case SECRET_SECOND:
        w->cmd = fe_command(FE_CHOOSE);
        w->cmd.number = w->secret_pick;
        w->cmd.number2 = number;
        w->done = true;
        return true;
    default:
        return false;
    }
}

/* The partner's screen starts as if nothing had happened on this scene:
 * set_screen (fresh) drops the focus, the hover and the scroll; the focus
 * ring waits for a key, as on any new scene. */
void duet_handover_done(struct window *w)
{
    if (w->secret != SECRET_HANDOVER)
        return;
    w->secret = SECRET_SECOND;
    w->kbd = false;
    /* A timed scene gives the partner the whole time too: the clock
     * starts again when the partner can see the choices. */
    win_timer_restart(w);
    win_set_screen(w, SCREEN_PLAY, true);
}

void duet_restart_picks(struct window *w)
{
    if (w->secret != SECRET_HANDOVER && w->secret != SECRET_SECOND)
        return;
    w->secret = SECRET_FIRST;
    w->secret_pick = 0;
    w->kbd = false;
    win_timer_restart(w);
    win_set_screen(w, SCREEN_PLAY, true);
}

struct fe_command duet_pending_reveal(struct window *w)
{
    const struct game *g = w->s->g;
    if (w->revealed_nlog > g->nlog)
        w->revealed_nlog = g->nlog; /* undone */
    if (g->nlog == w->revealed_nlog || !g->log[g->nlog - 1].secret) {
        w->revealed_nlog = g->nlog;
        return fe_command(FE_CONTINUE);
    }
    w->revealed_nlog = g->nlog;
    w->reveal_only = true;
    w->timing = false;
    win_set_screen(w, SCREEN_OUTCOME, true);
    win_loop(w);
    w->reveal_only = false;
    return w->cmd;
}

/* ------------------------------------------------------------ words */

static const char *role_name(const struct game *g, int player)
{
    return g->sc->roles[g->s.players[player].role].name;
}

static int color_of(const struct game *g, int player)
{
    return theme_role_color(g->s.players[player].role);
}

void duet_outcome_sentence(const struct game *g, const struct decision *d, char *buf, size_t cap)
{
    struct strbuf sentence;
    sb_init(&sentence);
    recap_duet_outcome(g, d, &sentence);
    str_copy(buf, cap, sentence.len ? sentence.data : "");
    sb_free(&sentence);
}

/* A filled pill in a role colour with "name · role" on it; its width. */
static int name_pill(struct window *w, const struct metrics *M, int player, int x, int y, int face,
                     int maxw)
{
    const struct game *g = w->s->g;
    char who[LIMIT_NAME_BYTES + 200], shown[LIMIT_NAME_BYTES + 200];
    str_format(who, sizeof who, "%s · %s", g->s.players[player].name, role_name(g, player));
    ui_fit(w, face, who, maxw - M->u, shown, sizeof shown);
    int h = ui_lh(w, face) + M->u / 4;
    int width = text_width(w, face, shown, strlen(shown)) + M->u;
    layout_rect(&w->L, x, y, width, h, color_of(g, player), h / 2);
    ui_line(w, x + M->u / 2, y + (h - w->fonts.skip[face]) / 2, face, C_ON_ROLE, shown);
    return width;
}

/* ------------------------------------------------------------ the play screen */

int duet_turn_band(struct window *w, const struct metrics *M, int y)
{
    const struct game *g = w->s->g;
    int p = duet_picker(w);
    int other = 1 - p;
    char left[LIMIT_NAME_BYTES + 200], right[LIMIT_NAME_BYTES + 64], shown[sizeof left];
    if (w->secret == SECRET_NONE) {
        str_format(left, sizeof left, "%s decides here · %s", g->s.players[p].name, role_name(g, p));
        str_format(right, sizeof right, "%s advises", g->s.players[other].name);
    } else {
        str_format(left, sizeof left, "%s · %s: pick in secret", g->s.players[p].name,
                   role_name(g, p));
        str_format(right, sizeof right, "%s, look away", g->s.players[other].name);
    }
    int x = M->m, width = M->W - 2 * M->m;
    int h = ui_lh(w, FACE_H2) + M->pad / 2;
    layout_rect(&w->L, x, y, width, h, color_of(g, p), M->rad);
    int rw = text_width(w, FACE_BOLD, right, strlen(right));
    ui_fit(w, FACE_H2, left, width - rw - 3 * M->u, shown, sizeof shown);
    ui_line(w, x + M->u * 3 / 4, y + (h - w->fonts.skip[FACE_H2]) / 2, FACE_H2, C_ON_ROLE, shown);
    ui_line_right(w, x + width - M->u * 3 / 4, y + (h - w->fonts.skip[FACE_BOLD]) / 2, FACE_BOLD,
                  C_ON_ROLE, right);
    w->L.turn = (SDL_Rect){x, y, width, h};
    w->L.turn_player = p;
    return y + h + M->u / 2;
}

/* The HUD's scores in a duet: a column per player, headed by their name in
 * their role colour; each dimension's points, the weighted total (each with
 * their own role's weights), and how often the secret picks agreed so far. */
int duet_hud_scores(struct window *w, const struct metrics *M, int x, int y, int width)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    int small = ui_lh(w, FACE_SMALL);
    int colw = width * 27 / 100;
    int col[2] = {x + width - colw - M->u / 3, x + width};
    char num[64], shown[LIMIT_NAME_BYTES + 8];
    ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, "Scores");
    for (int p = 0; p < 2; p++) {
        ui_fit(w, FACE_SMALL_BOLD, g->s.players[p].name, colw, shown, sizeof shown);
        ui_line_right(w, col[p], y, FACE_SMALL_BOLD, color_of(g, p), shown);
    }
    y += small + M->u / 6;
    for (int d = 0; d < sc->ndimensions; d++) {
        ui_line(w, x, y, FACE_SMALL, C_TEXT, sc->dimensions[d].name);
        for (int p = 0; p < 2; p++) {
            double v = g->s.players[p].score[d];
            format_number(num, sizeof num, v);
            ui_line_right(w, col[p], y, FACE_SMALL_BOLD, v < 0 ? C_NEGATIVE : C_TEXT, num);
        }
        y += small;
    }
    layout_rect(&w->L, x, y + M->u / 6, width, M->bw > 1 ? M->bw : 1, C_BORDER, 0);
    y += M->u / 3;
    ui_line(w, x, y, FACE_SMALL_BOLD, C_TEXT, "Weighted");
    for (int p = 0; p < 2; p++) {
        format_number(num, sizeof num, game_weighted(g, p));
        ui_line_right(w, col[p], y, FACE_SMALL_BOLD, C_TEXT, num);
    }
    y += small + M->u / 3;
    int secret = 0, agreed = 0;
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].secret) {
            secret++;
            agreed += g->log[i].outcome == DUET_AGREED;
        }
    char buf[128];
    if (secret)
        str_format(buf, sizeof buf, "Secret picks agreed %d of %d", agreed, secret);
    else
        str_copy(buf, sizeof buf, "No secret picks yet");
    y = ui_wrap(w, buf, x, y, width, FACE_SMALL, C_MUTED);
    return y + M->u / 3;
}

/* ------------------------------------------------------------ the hand-over */

void duet_handover_screen(struct window *w, const struct metrics *M)
{
    const struct game *g = w->s->g;
    const struct scene *scene = game_scene(g);
    const char *first = g->s.players[0].name, *partner = g->s.players[1].name;
    /* A band across the top in the partner's colour: the screen is theirs. */
    layout_rect(&w->L, 0, 0, M->W, M->u * 2 / 3, color_of(g, 1), 0);
    int fh = ui_footer(w, M, win_key_hints(w));
    int colw = M->W - 2 * M->m;
    if (colw > 36 * M->u)
        colw = 36 * M->u;
    int x = (M->W - colw) / 2;
    char buf[LIMIT_NAME_BYTES * 2 + 400];
    /* Measure, then centre the block vertically. */
    str_format(buf, sizeof buf, "Pass to %s", partner);
    int title_h = layout_wrap(w, &w->L, buf, 0, 0, colw, FACE_DISPLAY, FACE_DISPLAY, C_TEXT, 0, true);
    char says[LIMIT_NAME_BYTES * 2 + 400];
    str_format(says, sizeof says,
               "%s has picked in secret. %s, it is your turn: press Enter when you are ready. "
               "%s, please look away until the reveal.",
               first, partner, first);
    int says_h = ui_wrap_height(w, says, colw, FACE_BODY);
    int bh = ui_lh(w, FACE_BOLD) + M->pad;
    int block = ui_lh(w, FACE_SMALL) + title_h + M->u / 2 + ui_lh(w, FACE_BOLD) + M->u + says_h +
                M->gap + bh;
    int y = (M->H - fh - block) / 2;
    if (y < M->u)
        y = M->u;
    str_format(buf, sizeof buf, "%s%s%s · a secret decision", scene->phase, scene->phase[0] ? " · " : "",
               scene->title[0] ? scene->title : scene->id);
    ui_line(w, x, y, FACE_SMALL_BOLD, C_MUTED, buf);
    y += ui_lh(w, FACE_SMALL);
    str_format(buf, sizeof buf, "Pass to %s", partner);
    y = layout_wrap(w, &w->L, buf, x, y, colw, FACE_DISPLAY, FACE_DISPLAY, color_of(g, 1), 0, false);
    y += M->u / 2;
    name_pill(w, M, 1, x, y, FACE_BOLD, colw);
    y += ui_lh(w, FACE_BOLD) + M->u;
    y = ui_wrap(w, says, x, y, colw, FACE_BODY, C_TEXT);
    y += M->gap;
    str_format(buf, sizeof buf, "%s is ready", partner);
    char label[LIMIT_NAME_BYTES + 64];
    ui_fit(w, FACE_BOLD, buf, colw - 6 * M->u, label, sizeof label);
    ui_button(w, M, BTN_HANDOVER, 0, label, "Enter", x, y, true, false);
}

/* ------------------------------------------------------------ the reveal */

/* Each player's card: their name in their colour, "picked 2", the label. */
static int pick_cards(struct window *w, const struct metrics *M, const struct decision *d, int x,
                      int y, int width)
{
    const struct game *g = w->s->g;
    int colw = (width - M->u) / 2;
    int inner = colw - 2 * M->pad;
    int stripe = M->u / 3;
    int th = 0;
    for (int p = 0; p < 2; p++) {
        int h = ui_wrap_height(w, g->log_text.data + d->pick[p].label, inner, FACE_BOLD);
        if (h > th)
            th = h;
    }
    int pill = ui_lh(w, FACE_SMALL_BOLD) + M->u / 4;
    int h = stripe + M->pad + pill + M->u / 3 + ui_lh(w, FACE_SMALL) + th + M->pad;
    for (int p = 0; p < 2; p++) {
        int cx = x + p * (colw + M->u);
        layout_rect(&w->L, cx, y, colw, h, color_of(g, p), M->rad);
        layout_rect(&w->L, cx + M->bw * 2, y + stripe, colw - 4 * M->bw, h - stripe - M->bw * 2,
                    C_SURFACE, M->rad - M->bw);
        int yy = y + stripe + M->pad;
        name_pill(w, M, p, cx + M->pad, yy, FACE_SMALL_BOLD, inner);
        yy += pill + M->u / 3;
        char buf[64];
        str_format(buf, sizeof buf, "picked %d", d->pick[p].number);
        ui_line(w, cx + M->pad, yy, FACE_SMALL_BOLD, C_MUTED, buf);
        yy += ui_lh(w, FACE_SMALL);
        ui_wrap(w, g->log_text.data + d->pick[p].label, cx + M->pad, yy, inner, FACE_BOLD, C_TEXT);
        w->L.reveal[p] = (SDL_Rect){cx, y, colw, h};
    }
    return y + h;
}

void duet_outcome_screen(struct window *w, const struct metrics *M)
{
    const struct game *g = w->s->g;
    const struct scenario *sc = g->sc;
    const struct decision *d = &g->log[g->nlog - 1];
    const struct scene *where = &sc->scenes[d->scene];
    char right[LIMIT_NAME_BYTES * 2 + 16];
    str_format(right, sizeof right, "%s and %s", g->s.players[0].name, g->s.players[1].name);
    int y0 = ui_header(w, M, "The reveal", C_ACCENT, where->title[0] ? where->title : where->id, right);
    int fh = ui_footer(w, M, win_key_hints(w));
    int y1 = M->H - fh;
    int width = M->W - 2 * M->m; /* the whole width: two columns side by side */
    int R = M->ring;
    ui_begin_column(w, M, y0, y1, width);
    int x = R, y = R;
    y = pick_cards(w, M, d, x, y, width) + M->u * 2 / 3;

    char sentence[LIMIT_NAME_BYTES + 300];
    duet_outcome_sentence(g, d, sentence, sizeof sentence);
    y = layout_wrap(w, &w->L, sentence, x, y, width, FACE_H2, FACE_H2,
                    d->outcome == DUET_AGREED ? C_POSITIVE : C_WARNING, 0, false);
    y += M->u / 3;
    /* The company's changes are shared; the points are each player's. */
    int cy = ui_change_chips(w, M, sc, NULL, d->stat_delta, x, y, width);
    y = cy > y ? cy + M->u / 3 : y;
    cy = ui_meanwhile(w, M, sc, d->enter_delta, x, y, width);
    y = cy > y ? cy + M->u / 3 : y;

    if (!w->reveal_only) {
        int colw = (width - M->u) / 2;
        int bottom = y;
        for (int p = 0; p < 2; p++) {
            int cx = x + p * (colw + M->u);
            int yy = y;
            layout_rect(&w->L, cx, yy, M->u / 4, ui_lh(w, FACE_BOLD), color_of(g, p), M->u / 8);
            char shown[LIMIT_NAME_BYTES + 8];
            ui_fit(w, FACE_BOLD, g->s.players[p].name, colw - M->u, shown, sizeof shown);
            ui_line(w, cx + M->u / 2, yy, FACE_BOLD, color_of(g, p), shown);
            yy += ui_lh(w, FACE_BOLD);
            yy = ui_changes_feedback(w, M, d->pick[p].score, NULL, g->log_text.data + d->pick[p].feedback, cx,
                                     yy, colw, C_TEXT);
            if (yy > bottom)
                bottom = yy;
        }
        y = bottom + M->u / 2;
    } else {
        y = ui_wrap(w, "Coaching is off: the feedback waits for the debrief.", x, y, width, FACE_SMALL,
                    C_MUTED);
        y += M->u / 2;
    }
    ui_button(w, M, BTN_CONTINUE, 0, g->over ? "See the debrief" : "Continue", "Enter", x, y, true,
              false);
    y += ui_lh(w, FACE_BOLD) + M->pad;
    ui_end_scroll(w, y + R);
}

/* ------------------------------------------------------------ the debrief */

int duet_debrief_alignment(struct window *w, const struct metrics *M, int x, int y, int width)
{
    const struct debrief *d = &w->debrief;
    const struct game *g = w->s->g;
    if (!d->secret_decisions)
        return y;
    char buf[256];
    ui_line(w, x, y, FACE_H2, C_TEXT, "Alignment");
    str_format(buf, sizeof buf, "%.0f%%", d->alignment * 100);
    ui_line_right(w, x + width, y, FACE_H2, C_ACCENT, buf);
    y += ui_lh(w, FACE_H2);
    int barh = M->u * 2 / 3;
    ui_bar(w, x, y, width, barh, d->alignment, C_ACCENT);
    y += barh + M->u / 3;
    str_format(buf, sizeof buf, "Your secret picks agreed %d of %d times.", d->agreed,
               d->secret_decisions);
    y = ui_wrap(w, buf, x, y, width, FACE_BODY, C_TEXT);
    struct strbuf where;
    sb_init(&where);
    if (recap_disagreed_at(g, &where))
        y = ui_wrap(w, where.data, x, y, width, FACE_BODY, C_MUTED);
    sb_free(&where);
    return y + M->gap;
}

/* A secret decision in the debrief's list: the scene, how it was resolved,
 * and per player their pick, points, feedback and the best choice for their
 * role. Returns the y below it. */
int duet_debrief_decision(struct window *w, const struct metrics *M, int i, int x, int y, int width)
{
    const struct game *g = w->s->g;
    const struct decision *dec = &g->log[i];
    char buf[1400];
    int lx, lw;
    int badge = ui_decision_heading(w, M, i, " · in secret", x, y, width, &lx, &lw);
    int yy = y + ui_lh(w, FACE_SMALL);
    duet_outcome_sentence(g, dec, buf, sizeof buf);
    yy = ui_wrap(w, buf, lx, yy, lw, FACE_BOLD, dec->outcome == DUET_AGREED ? C_POSITIVE : C_WARNING);
    for (int p = 0; p < 2; p++) {
        int top = yy + M->u / 6;
        int px = lx + M->u * 2 / 3, pw = lw - M->u * 2 / 3;
        str_format(buf, sizeof buf, "%s: %s", g->s.players[p].name,
                   g->log_text.data + dec->pick[p].label);
        yy = ui_wrap(w, buf, px, top, pw, FACE_BOLD, C_TEXT);
        yy = ui_changes_feedback(w, M, dec->pick[p].score, NULL, g->log_text.data + dec->pick[p].feedback, px,
                                 yy, pw, C_MUTED);
        yy = ui_best(w, M, i, p, px, yy, pw);
        /* The player's colour down the left of their part. */
        layout_rect(&w->L, lx, top, M->u / 4, yy - top, color_of(g, p), M->u / 8);
    }
    return (yy > y + badge ? yy : y + badge) + M->gap;
}
