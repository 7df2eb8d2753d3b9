/*
 * test_window.c: the real window, driven as a player would drive it.
 *
 * Each test runs window_run under SDL's offscreen video driver with the
 * software renderer, and an idle hook: whenever the window has drawn a frame
 * and waits for input, the hook looks at the screen (window_probe.h), reads
 * pixels back from the renderer, and pushes keys or mouse clicks. The
 * tutorial is played to its ending with the keyboard alone and with the mouse
 * alone; what is drawn is checked by colour: button and text colours in a
 * choice's region, hover, a locked choice in the disabled colour, the focus
 * ring, the countdown, and the debrief's bars at the expected length.
 */
#include "support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/play_options.h"
#include "core/run.h"
#include "core/session.h"
#include "core/settings.h"
#include "window.h"
#include "window_probe.h"

#define GUARD 400 /* idle calls before a test gives up: a hook that never advances */

static char *tmp_root;

static void env_setup(const char *size)
{
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    setenv("SCALEUP_WINDOW_SIZE", size ? size : "1280x720", 1);
    char buf[4200];
    snprintf(buf, sizeof buf, "%s/config", tmp_root);
    mkdir(buf, 0755);
    setenv("XDG_CONFIG_HOME", buf, 1);
    snprintf(buf, sizeof buf, "%s/data", tmp_root);
    mkdir(buf, 0755);
    setenv("XDG_DATA_HOME", buf, 1);
    unsetenv("SCALEUP_DATA");
}

static void options(struct play_options *po, const char *role, uint64_t seed)
{
    memset(po, 0, sizeof *po);
    session_options_default(&po->session);
    po->role = role;
    po->session.setup.seed = seed;
    po->seed_given = true;
}

/* ------------------------------------------------------------ pixels */

static bool near(Uint32 px, SDL_Color c, int tol)
{
    int r = (int)((px >> 16) & 0xff), g = (int)((px >> 8) & 0xff), b = (int)(px & 0xff);
    return abs(r - c.r) <= tol && abs(g - c.g) <= tol && abs(b - c.b) <= tol;
}

static int count_color(struct window *w, SDL_Rect r, SDL_Color c, int tol)
{
    Uint32 *px = malloc(sizeof *px * (size_t)(r.w * r.h));
    assert_true(window_probe_pixels(w, r, px));
    int n = 0;
    for (int i = 0; i < r.w * r.h; i++)
        n += near(px[i], c, tol);
    free(px);
    return n;
}

static Uint32 pixel(struct window *w, int x, int y)
{
    Uint32 px = 0;
    SDL_Rect r = {x, y, 1, 1};
    assert_true(window_probe_pixels(w, r, &px));
    return px;
}

/* A pixel inside the button, right of its label, in its padding. */
static Uint32 button_fill(struct window *w, SDL_Rect r)
{
    int u = window_probe_unit(w);
    return pixel(w, r.x + r.w - u / 3, r.y + r.h / 2);
}

static SDL_Point centre(SDL_Rect r)
{
    return (SDL_Point){r.x + r.w / 2, r.y + r.h / 2};
}

/* A choice button has the button colour inside and text-coloured pixels. */
static void assert_choice_drawn(struct window *w, int index)
{
    SDL_Rect r;
    bool disabled;
    assert_true(window_probe_button(w, BTN_CHOICE, index, &r, &disabled));
    assert_false(disabled);
    assert_true(near(button_fill(w, r), window_probe_color(w, C_SURFACE), 0));
    int text = count_color(w, r, window_probe_color(w, C_TEXT), 24);
    assert_true(text > 30);
    /* The number badge, in the accent colour. */
    assert_true(count_color(w, r, window_probe_color(w, C_ACCENT), 0) > 100);
}

/* ------------------------------------------------------------ the tutorial */

/* Choices that take a Product Owner through the tutorial to an ending (its
 * best path): calls before the goal, a pilot of the goal with Dr Okafor,
 * Jonas's sizes, acceptance criteria, WSJF, no to video, a staged launch, a
 * counter-offer, a quarterly goal. */
/* Paths are numbers among the open choices in the author's order (the
 * options are shown shuffled by the seed): shown() finds the number each
 * is shown under. */
static const int po_path[] = {1, 3, 5, 3, 4, 1, 1, 3, 1};

static int shown(const struct menu *m, int author)
{
    for (int k = 0; k < m->nopen; k++)
        if (game_author_number(m, k + 1) == author)
            return k + 1;
    fail_msg("no open choice %d in the author's order", author);
    return 0;
}

struct drive {
    int idles;
    int step;        /* decisions made */
    int outcomes;
    bool saw_debrief;
    bool finished;
    bool keyboard;   /* play with keys; else the mouse */
    int checks;      /* assertions made on drawn pixels */
    bool checked_hover, checked_ring, checked_locked, checked_countdown;
    const int *path;
    int npath;
    char name[64];
    int debrief_keys; /* keyboard: 1 after the first Enter on the debrief, 2 after Tab to Finish */
};

static int find_title(struct window *w, const char *id)
{
    for (int i = 0; window_probe_scenario_id(w, i); i++)
        if (strcmp(window_probe_scenario_id(w, i), id) == 0)
            return i;
    fail_msg("no bundled scenario '%s' on the title screen", id);
    return -1;
}

static void click_button(struct window *w, enum button_kind kind, int arg)
{
    SDL_Rect r;
    assert_true(window_probe_button(w, kind, arg, &r, NULL));
    SDL_Point c = centre(r);
    window_probe_click(w, c.x, c.y);
}

/* Clicks a button, scrolling with the mouse wheel first when it is out of
 * sight (as a player would). False when it scrolled instead. */
static bool click_or_scroll(struct window *w, enum button_kind kind, int arg)
{
    SDL_Rect r;
    if (window_probe_button(w, kind, arg, &r, NULL)) {
        SDL_Point c = centre(r);
        window_probe_click(w, c.x, c.y);
        return true;
    }
    int W, H;
    window_probe_size(w, &W, &H);
    window_probe_wheel(w, W / 2, H * 3 / 4, -1);
    return false;
}

/* Finish on the debrief asks first (one Enter must not lose the debrief):
 * the button, then Y to the question. */
static void finish_debrief(struct window *w)
{
    click_button(w, BTN_DEBRIEF, FE_QUIT);
    window_probe_key(w, SDLK_y, 0);
}

static void check_debrief_bars(struct window *w, struct drive *d)
{
    const struct debrief *db = window_probe_debrief(w);
    struct session *s = window_probe_session(w);
    for (int k = 0; k < s->sc->ndimensions; k++) {
        SDL_Rect track;
        double share;
        assert_true(window_probe_bar(w, 0, k, &track, &share));
        const struct debrief_player *dp = &db->players[0];
        /* A run that reaches the best total is its own measure. */
        double top = dp->weighted >= dp->best.weighted ? dp->points[k] : dp->best.points[k];
        double expect = top > 0 ? dp->points[k] / top : top == 0 && dp->points[k] >= 0 ? 1 : 0;
        if (expect < 0)
            expect = 0;
        if (expect > 1)
            expect = 1;
        assert_true(fabs(share - expect) < 1e-9);
        int H;
        int W;
        window_probe_size(w, &W, &H);
        if (track.y < 0 || track.y + track.h > H)
            continue; /* scrolled out of sight */
        /* The middle row of the bar: accent pixels for the filled part. */
        SDL_Rect row = {track.x, track.y + track.h / 2, track.w, 1};
        int filled = count_color(w, row, window_probe_color(w, C_ACCENT), 0);
        int want = (int)lround(track.w * expect);
        assert_in_range(filled, want > 2 ? want - 2 : 0, want + 2);
        int empty = count_color(w, row, window_probe_color(w, C_TRACK), 0);
        int rest = track.w - want;
        assert_in_range(empty, rest > 2 ? rest - 2 : 0, rest + 2);
        d->checks++;
    }
}

/* play_hook's steps, one a screen the window shows (the play screen's in
 * parts): each does what a player does there, checks what is drawn, and
 * returns true to go on. */

static bool play_title(struct drive *d, struct window *w)
{
    if (d->finished)
        return false; /* after the debrief: back on the title, close */
    int t = find_title(w, "tutorial");
    assert_int_equal(t, 0); /* the tutorial comes first */
    if (d->keyboard) {
        assert_true(window_probe_editing(w)); /* the name field has the keys */
        window_probe_text(w, d->name);
        window_probe_key(w, SDLK_RETURN, 0);
        window_probe_key(w, SDLK_1 + t, 0);
    } else {
        click_or_scroll(w, BTN_SCENARIO, t);
    }
    return true;
}

static bool play_role(struct drive *d, struct window *w)
{
    if (d->keyboard)
        window_probe_key(w, SDLK_1, 0);
    else
        click_or_scroll(w, BTN_ROLE, 0);
    return true;
}

/* Every play screen: the choices and the scene's text drawn, and once, the
 * countdown of the timed launch day. */
static void check_play_drawn(struct drive *d, struct window *w, struct session *s)
{
    const char *scene = game_scene(s->g)->id;
    assert_choice_drawn(w, 0);
    d->checks++;
    SDL_Rect text;
    assert_true(window_probe_scene_text(w, &text));
    assert_true(count_color(w, text, window_probe_color(w, C_TEXT), 24) > 200);
    if (strcmp(scene, "launch_day") == 0 && !d->checked_countdown) {
        SDL_Rect cd;
        assert_true(window_probe_countdown(w, &cd));
        assert_true(count_color(w, cd, window_probe_color(w, C_ACCENT), 0) > 50);
        assert_true(count_color(w, cd, window_probe_color(w, C_ON_ACCENT), 24) > 20);
        d->checked_countdown = true;
    }
}

/* The first decision by keys, over two idles. */
static void first_choice_by_keys(struct drive *d, struct window *w, struct session *s)
{
    if (!d->checked_ring) {
        /* Down, Up: the focus ring moves and is drawn around choice 1. */
        window_probe_key(w, SDLK_DOWN, 0);
        window_probe_key(w, SDLK_UP, 0);
        d->checked_ring = true;
        return;
    }
    enum button_kind kind;
    int arg;
    assert_true(window_probe_focus(w, &kind, &arg));
    assert_int_equal(kind, BTN_CHOICE);
    assert_int_equal(arg, 0);
    SDL_Rect r;
    assert_true(window_probe_button(w, BTN_CHOICE, 0, &r, NULL));
    int u = window_probe_unit(w);
    SDL_Rect around = {r.x - u / 3, r.y - u / 3, r.w + 2 * (u / 3), u / 3};
    assert_true(count_color(w, around, window_probe_color(w, C_FOCUS), 0) > r.w / 2);
    d->checks++;
    /* Down to the path's first choice, then Enter takes it. */
    for (int k = 1; k < shown(game_menu(s->g), d->path[0]); k++)
        window_probe_key(w, SDLK_DOWN, 0);
    window_probe_key(w, SDLK_RETURN, 0);
    d->step++;
}

/* By mouse: hover changes the button's colour (the mouse moves first, the
 * colours are checked the next idle). True when it moved the mouse. */
static bool hover_step(struct drive *d, struct window *w)
{
    if (!d->checked_hover) {
        SDL_Rect r;
        assert_true(window_probe_button(w, BTN_CHOICE, 1, &r, NULL));
        assert_true(near(button_fill(w, r), window_probe_color(w, C_SURFACE), 0));
        SDL_Point c = centre(r);
        window_probe_move(w, c.x, c.y);
        d->checked_hover = true;
        return true;
    }
    if (d->step == 0) {
        SDL_Rect r;
        assert_true(window_probe_button(w, BTN_CHOICE, 1, &r, NULL));
        assert_true(near(button_fill(w, r), window_probe_color(w, C_SURFACE_HOT), 0));
        SDL_Rect r0;
        assert_true(window_probe_button(w, BTN_CHOICE, 0, &r0, NULL));
        assert_true(near(button_fill(w, r0), window_probe_color(w, C_SURFACE), 0));
        d->checks++;
    }
    return false;
}

/* A locked choice (the first menu that has one): disabled colours, and a
 * click does nothing. True when it clicked it. */
static bool locked_step(struct drive *d, struct window *w, const struct menu *m)
{
    SDL_Rect r;
    bool disabled;
    assert_true(window_probe_button(w, BTN_CHOICE, m->nopen, &r, &disabled));
    assert_true(disabled);
    assert_true(near(button_fill(w, r), window_probe_color(w, C_DISABLED_BG), 0));
    assert_true(count_color(w, r, window_probe_color(w, C_DISABLED_TEXT), 24) > 30);
    assert_int_equal(count_color(w, r, window_probe_color(w, C_TEXT), 0), 0);
    d->checked_locked = true;
    d->checks++;
    if (d->keyboard)
        return false;
    SDL_Point c = centre(r);
    window_probe_click(w, c.x, c.y);
    return true; /* next idle: still here, same decision count */
}

static bool play_scene(struct drive *d, struct window *w)
{
    struct session *s = window_probe_session(w);
    assert_non_null(s);
    if (d->keyboard)
        assert_string_equal(s->g->s.players[0].name, d->name);
    assert_int_equal(s->g->nlog, d->step);
    assert_true(d->step < d->npath);
    check_play_drawn(d, w, s);
    if (d->keyboard && d->step == 0) {
        first_choice_by_keys(d, w, s);
        return true;
    }
    if (!d->keyboard && hover_step(d, w))
        return true;
    const struct menu *m = game_menu(s->g);
    if (!d->checked_locked && m->ntotal > m->nopen && locked_step(d, w, m))
        return true;
    int n = shown(game_menu(s->g), d->path[d->step++]);
    if (d->keyboard)
        window_probe_key(w, SDLK_0 + n, 0);
    else
        click_button(w, BTN_CHOICE, n - 1);
    return true;
}

static bool play_outcome(struct drive *d, struct window *w)
{
    d->outcomes++;
    SDL_Rect r;
    assert_true(window_probe_button(w, BTN_CONTINUE, 0, &r, NULL));
    assert_true(count_color(w, r, window_probe_color(w, C_ACCENT), 0) > r.w * r.h / 3);
    /* Entering the prospect's scene costs a month: shown apart from the
     * first choice's changes, as a red chip under "Meanwhile"; the second
     * choice's next scene changes nothing as it begins. */
    SDL_Rect mw;
    if (d->outcomes == 1) {
        assert_true(window_probe_meanwhile(w, &mw));
        assert_true(count_color(w, mw, window_probe_color(w, C_NEGATIVE), 0) > 20);
    } else if (d->outcomes == 2) {
        assert_false(window_probe_meanwhile(w, &mw));
    }
    if (d->keyboard)
        window_probe_key(w, d->outcomes % 2 ? SDLK_RETURN : SDLK_SPACE, 0);
    else
        click_button(w, BTN_CONTINUE, 0);
    return true;
}

static bool play_debrief(struct drive *d, struct window *w)
{
    if (d->keyboard && d->debrief_keys == 1) {
        /* Enter read on: still the debrief, nothing asked; the chart of
         * the company over the run came into view: its step lines in the
         * accent colour, the runway's month going down in red. */
        assert_int_equal(window_probe_overlay(w), OVERLAY_NONE);
        SDL_Rect chart;
        assert_true(window_probe_chart(w, &chart));
        if (chart.h > 0) {
            assert_true(count_color(w, chart, window_probe_color(w, C_ACCENT), 0) > chart.w / 2);
            assert_true(count_color(w, chart, window_probe_color(w, C_NEGATIVE), 0) > 3);
        }
        for (int k = 0; k < 3; k++)
            window_probe_key(w, SDLK_TAB, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        d->debrief_keys = 2;
        return true;
    }
    if (d->keyboard && d->debrief_keys == 2) {
        assert_int_equal(window_probe_overlay(w), OVERLAY_CONFIRM);
        assert_int_equal(window_probe_confirm(w), CONFIRM_FINISH);
        window_probe_key(w, SDLK_y, 0);
        return true;
    }
    d->saw_debrief = true;
    check_debrief_bars(w, d);
    const struct debrief *db = window_probe_debrief(w);
    struct session *s = window_probe_session(w);
    assert_int_equal(s->g->nlog, d->npath);
    assert_string_equal(s->sc->scenes[db->ending].id, "scale_up");
    d->finished = true;
    if (d->keyboard) {
        window_probe_key(w, SDLK_RETURN, 0);
        d->debrief_keys = 1;
    } else {
        finish_debrief(w);
    }
    return true;
}

static bool play_hook(void *ctx, struct window *w)
{
    struct drive *d = ctx;
    if (++d->idles > GUARD)
        fail_msg("the window did not get to the ending (stuck on screen %d)", window_probe_screen(w));
    switch (window_probe_screen(w)) {
    case SCREEN_TITLE: return play_title(d, w);
    case SCREEN_ROLE: return play_role(d, w);
    case SCREEN_PLAY: return play_scene(d, w);
    case SCREEN_OUTCOME: return play_outcome(d, w);
    case SCREEN_DEBRIEF: return play_debrief(d, w);
    default: fail_msg("unexpected screen %d", window_probe_screen(w));
    }
    return false;
}

static void test_keyboard_to_debrief(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, NULL, 3);
    struct drive d = {.keyboard = true, .path = po_path, .npath = (int)COUNT_OF(po_path)};
    str_copy(d.name, sizeof d.name, "Team Kéys ✓");
    struct window_hooks hooks = {&d, play_hook};
    int code = window_run(&po, NULL, &hooks);
    assert_int_equal(code, 0);
    assert_true(d.saw_debrief);
    assert_true(d.checked_ring);
    assert_true(d.checked_locked);
    assert_true(d.checked_countdown);
    assert_int_equal(d.outcomes, d.npath);
    assert_true(d.checks > 10);
}

/* The mouse path orders the backlog without asking Jonas's sizes first: the
 * backlog shows its locked choice (WSJF needs the sizes) to be clicked in
 * vain; Dr Okafor's scene before it shows none (the clinics were called). */
static const int mouse_path[] = {1, 3, 1, 1, 1, 1, 1};

static bool mouse_hook(void *ctx, struct window *w)
{
    struct drive *d = ctx;
    if (window_probe_screen(w) == SCREEN_PLAY && d->checked_locked && d->step == 2) {
        /* The click on the locked choice did nothing. */
        struct session *s = window_probe_session(w);
        assert_int_equal(s->g->nlog, 2);
        assert_string_equal(game_scene(s->g)->id, "backlog");
    }
    return play_hook(ctx, w);
}

static void test_mouse_to_debrief(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, NULL, 3);
    struct drive d = {.keyboard = false, .path = mouse_path, .npath = (int)COUNT_OF(mouse_path)};
    struct window_hooks hooks = {&d, mouse_hook};
    int code = window_run(&po, NULL, &hooks);
    assert_int_equal(code, 0);
    assert_true(d.saw_debrief);
    assert_true(d.checked_hover);
    assert_true(d.checked_locked);
    assert_int_equal(d.outcomes, d.npath);
}

/* ------------------------------------------------------------ duets */

/* The golden duet (tests/e2e/golden/tutorial-duet-seed1.txt): one entry per
 * pick, two per secret decision, among the open choices in the author's
 * order. The secret decision played twice below is the last one (Six Months
 * Later, its index in the log): the earlier ones show the PM an option the
 * PO does not have, so the two players' untouched screens differ there. */
static const int duet_path[] = {1, 3, 3, 5, 3, 4, 1, 4, 1, 1, 3, 1, 1, 1};
#define FIRST_SECRET 10

struct duet_drive {
    int idles;
    int next;           /* entries of duet_path used */
    int phase;          /* of the no-trace check on the first secret decision */
    int reveals, turn_checks;
    bool saw_handover, checked_trace, checked_reveal, checked_history, finished;
    bool opened_reveal_history;
    Uint32 *fresh;      /* the first player's untouched screen: its choices' region */
    Uint32 *second_a;   /* the partner's screen after a keyboard pick */
    SDL_Rect choices;   /* the region of the choice buttons */
    int W, H;
};

static Uint32 *grab(struct window *w, SDL_Rect r)
{
    Uint32 *px = malloc(sizeof *px * (size_t)(r.w * r.h));
    assert_true(window_probe_pixels(w, r, px));
    return px;
}

static int differing(const Uint32 *a, const Uint32 *b, int n)
{
    int d = 0;
    for (int i = 0; i < n; i++)
        d += a[i] != b[i];
    return d;
}

/* The region from the first choice button to the last (whole width). */
static SDL_Rect choices_region(struct window *w)
{
    struct session *s = window_probe_session(w);
    const struct menu *m = &s->g->view.menu[0];
    SDL_Rect first, last;
    assert_true(window_probe_button(w, BTN_CHOICE, 0, &first, NULL));
    assert_true(window_probe_button(w, BTN_CHOICE, m->ntotal - 1, &last, NULL));
    int u = window_probe_unit(w);
    return (SDL_Rect){first.x - u / 2, first.y - u / 2, first.w + u, last.y + last.h - first.y + u};
}

/* The whose-turn band names the player choosing now, in their role colour. */
static void check_turn(struct window *w, struct duet_drive *d, int expect)
{
    struct session *s = window_probe_session(w);
    SDL_Rect band;
    int player;
    assert_true(window_probe_turn(w, &band, &player));
    assert_int_equal(player, expect);
    enum win_color mine = theme_role_color(s->g->s.players[expect].role);
    enum win_color theirs = theme_role_color(s->g->s.players[1 - expect].role);
    assert_int_not_equal(mine, theirs);
    assert_true(count_color(w, band, window_probe_color(w, mine), 0) > band.w * band.h / 2);
    assert_int_equal(count_color(w, band, window_probe_color(w, theirs), 0), 0);
    /* The name on it, in the text colour for the role colour. */
    assert_true(count_color(w, band, window_probe_color(w, C_ON_ROLE), 40) > 50);
    d->turn_checks++;
}

static bool history_has_label(const char *h, const struct game *g, const struct menu *m)
{
    for (int i = 0; i < m->nopen; i++)
        if (strstr(h, game_label(g, m, i)))
            return true;
    return false;
}

/* duet_hook's steps, one a screen or overlay: each does what the players
 * do there, checks what is drawn, and returns true to go on. */

/* The history overlay: on the partner's turn it holds nothing of the first
 * pick; after the reveal, both picks. */
static bool duet_history(struct duet_drive *d, struct window *w, struct session *s)
{
    const char *h = window_probe_history(w);
    if (d->phase == 2) {
        /* The partner's turn: the first pick is nowhere in the history. */
        assert_false(history_has_label(h, s->g, &s->g->view.menu[0]));
        assert_false(history_has_label(h, s->g, &s->g->view.menu[1]));
        assert_non_null(strstr(h, "Now: "));
        d->checked_history = true;
    } else if (d->opened_reveal_history && !d->checked_reveal) {
        /* After the reveal: both picks. */
        assert_non_null(strstr(h, "Show her the no-show goal from your calls"));
        assert_non_null(strstr(h, "Offer a free pilot of the reminders"));
        assert_non_null(strstr(h, "Ana · Product Owner picked"));
        assert_non_null(strstr(h, "Ben · Product Manager picked"));
        d->checked_reveal = true;
    }
    window_probe_key(w, SDLK_ESCAPE, 0);
    return true;
}

/* The first secret decision, played twice up to the partner's screen: once
 * picking by keys (focus moved around), once by mouse (hovering another
 * choice). Whatever the first player did, the partner's screen is the same
 * pixels as a screen nobody touched. One phase an idle; true while a phase
 * handled it, false once they are done (phase 6). */
static bool duet_first_secret(struct duet_drive *d, struct window *w, struct session *s, int secret)
{
    switch (d->phase) {
    case 0:
        d->choices = choices_region(w);
        d->fresh = grab(w, d->choices);
        window_probe_size(w, &d->W, &d->H);
        window_probe_key(w, SDLK_DOWN, 0); /* the focus starts on choice 1 */
        d->phase = 1;
        return true;
    case 1: {
        /* The focus ring shows on choice 2; Enter takes it. */
        enum button_kind kind;
        int arg;
        assert_true(window_probe_focus(w, &kind, &arg));
        assert_int_equal(arg, 1);
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    }
    case 2: {
        /* The partner's first look. */
        SDL_Rect all = {0, 0, d->W, d->H};
        assert_int_equal(count_color(w, all, window_probe_color(w, C_FOCUS), 0), 0);
        assert_int_equal(count_color(w, d->choices, window_probe_color(w, C_SURFACE_HOT), 0), 0);
        Uint32 *now = grab(w, d->choices);
        assert_int_equal(differing(now, d->fresh, d->choices.w * d->choices.h), 0);
        free(now);
        if (!d->checked_history) {
            free(d->second_a);
            d->second_a = grab(w, all);
            window_probe_key(w, SDLK_h, 0);
            return true;
        }
        /* U: back to the first player's pick. */
        window_probe_key(w, SDLK_u, 0);
        d->phase = 3;
        return true;
    }
    case 3: {
        /* The first pick again, by mouse this time: hover choice 2,
         * then click the golden path's pick. */
        assert_int_equal(secret, 1);
        SDL_Rect r;
        assert_true(window_probe_button(w, BTN_CHOICE, 1, &r, NULL));
        SDL_Point c = centre(r);
        window_probe_move(w, c.x, c.y);
        d->phase = 4;
        return true;
    }
    case 4:
        click_button(w, BTN_CHOICE, shown(&s->g->view.menu[0], duet_path[d->next]) - 1);
        d->next++;
        return true;
    case 5: {
        SDL_Rect all = {0, 0, d->W, d->H};
        Uint32 *now = grab(w, all);
        assert_int_equal(differing(now, d->second_a, d->W * d->H), 0);
        free(now);
        free(d->second_a);
        d->second_a = NULL;
        d->checked_trace = true;
        d->phase = 6;
        click_button(w, BTN_CHOICE, shown(&s->g->view.menu[1], duet_path[d->next++]) - 1);
        return true;
    }
    default: return false;
    }
}

static bool duet_play(struct duet_drive *d, struct window *w, struct session *s, int secret)
{
    assert_int_equal(s->g->nplayers, 2);
    assert_string_equal(s->g->s.players[0].name, "Ana");
    assert_string_equal(s->g->s.players[1].name, "Ben");
    bool is_secret = game_is_secret(s->g);
    if (!is_secret)
        assert_int_equal(secret, 0);
    else if (s->g->nlog == FIRST_SECRET && d->phase < 6)
        assert_int_equal(secret, d->phase == 2 || d->phase == 5 ? 3 : 1);
    else
        assert_true(secret == 1 || secret == 3);
    check_turn(w, d, secret == 3 ? 1 : secret == 1 ? 0 : s->g->view.decider);
    if (s->g->nlog == FIRST_SECRET && duet_first_secret(d, w, s, secret))
        return true;
    assert_true(d->next < (int)COUNT_OF(duet_path));
    int picker = secret == 3 ? 1 : secret == 1 ? 0 : s->g->view.decider;
    window_probe_key(w, SDLK_0 + shown(&s->g->view.menu[picker], duet_path[d->next++]), 0);
    return true;
}

static bool duet_handover(struct duet_drive *d, struct window *w, int secret)
{
    d->saw_handover = true;
    assert_int_equal(secret, 2);
    /* Nothing of the pick: no choice buttons, the partner's colour. */
    SDL_Rect r;
    assert_false(window_probe_button(w, BTN_CHOICE, 0, &r, NULL));
    assert_true(window_probe_button(w, BTN_HANDOVER, 0, &r, NULL));
    SDL_Rect top = {0, 0, d->W ? d->W : 1280, 4};
    assert_true(count_color(w, top, window_probe_color(w, C_ROLE2), 0) > top.w * 3);
    if (d->phase == 1) {
        d->phase = 2;
        window_probe_key(w, SDLK_RETURN, 0);
    } else if (d->phase == 4) {
        d->phase = 5;
        click_button(w, BTN_HANDOVER, 0);
    } else {
        window_probe_key(w, SDLK_SPACE, 0);
    }
    return true;
}

/* The reveal of a secret decision: the two picks side by side, each in its
 * player's colour only, their text inside the cards' padding. */
static void check_reveal(struct window *w)
{
    SDL_Rect a, b;
    assert_true(window_probe_reveal(w, 0, &a));
    assert_true(window_probe_reveal(w, 1, &b));
    /* Side by side, each in its player's colour only. */
    assert_int_equal(a.y, b.y);
    assert_true(b.x >= a.x + a.w);
    assert_true(count_color(w, a, window_probe_color(w, C_ROLE1), 0) > 500);
    assert_int_equal(count_color(w, a, window_probe_color(w, C_ROLE2), 0), 0);
    assert_true(count_color(w, b, window_probe_color(w, C_ROLE2), 0) > 500);
    assert_int_equal(count_color(w, b, window_probe_color(w, C_ROLE1), 0), 0);
    assert_true(count_color(w, a, window_probe_color(w, C_TEXT), 24) > 200);
    assert_true(count_color(w, b, window_probe_color(w, C_TEXT), 24) > 200);
    /* The picks' text keeps its padding from the cards' right borders. */
    int pad = window_probe_unit(w) * 6 / 10 * 3 / 4;
    SDL_Rect ra = {a.x + a.w - pad, a.y + 3, pad - 4, a.h - 6}, rb = {b.x + b.w - pad, b.y + 3, pad - 4, b.h - 6};
    assert_int_equal(count_color(w, ra, window_probe_color(w, C_TEXT), 40), 0);
    assert_int_equal(count_color(w, rb, window_probe_color(w, C_TEXT), 40), 0);
}

static bool duet_outcome(struct duet_drive *d, struct window *w, struct session *s)
{
    const struct decision *dec = &s->g->log[s->g->nlog - 1];
    if (dec->secret) {
        check_reveal(w);
        if (!d->opened_reveal_history) {
            d->opened_reveal_history = true;
            window_probe_key(w, SDLK_h, 0);
            return true;
        }
        d->reveals++;
    }
    click_button(w, BTN_CONTINUE, 0);
    return true;
}

static bool duet_debrief(struct duet_drive *d, struct window *w)
{
    const struct debrief *db = window_probe_debrief(w);
    assert_int_equal(db->nplayers, 2);
    /* As the terminal reports for the same picks (the golden file). */
    static const double ana[] = {9, 7, 1, 4}, ben[] = {2, 2, 6, 9};
    for (int k = 0; k < 4; k++) {
        assert_true(fabs(db->players[0].points[k] - ana[k]) < 1e-9);
        assert_true(fabs(db->players[1].points[k] - ben[k]) < 1e-9);
    }
    assert_true(fabs(db->players[0].weighted - 37) < 1e-9);
    assert_true(fabs(db->players[1].weighted - 27) < 1e-9);
    assert_int_equal(db->agreed, 1);
    assert_int_equal(db->secret_decisions, 3);
    /* Each player's bars in their colour. */
    SDL_Rect track;
    double share;
    assert_true(window_probe_bar(w, 0, 3, &track, &share));
    assert_true(fabs(share - 1.0) < 1e-9); /* Ana's negotiation: 4 of the duet best's 4 */
    if (track.y >= 0 && track.y + track.h <= d->H) {
        SDL_Rect row = {track.x, track.y + track.h / 2, track.w, 1};
        assert_true(count_color(w, row, window_probe_color(w, C_ROLE1), 0) >= track.w - 2);
    }
    d->finished = true;
    finish_debrief(w);
    return true;
}

static bool duet_hook(void *ctx, struct window *w)
{
    struct duet_drive *d = ctx;
    if (++d->idles > GUARD)
        fail_msg("the duet did not get to the ending (screen %d, phase %d)", window_probe_screen(w),
                 d->phase);
    struct session *s = window_probe_session(w);
    enum win_screen screen = window_probe_screen(w);
    int secret = window_probe_secret(w);
    if (window_probe_overlay(w) == OVERLAY_HISTORY)
        return duet_history(d, w, s);
    switch (screen) {
    case SCREEN_PLAY: return duet_play(d, w, s, secret);
    case SCREEN_HANDOVER: return duet_handover(d, w, secret);
    case SCREEN_OUTCOME: return duet_outcome(d, w, s);
    case SCREEN_DEBRIEF: return duet_debrief(d, w);
    default:
        if (d->finished)
            return false;
        fail_msg("unexpected screen %d", screen);
    }
    return false;
}

static void duet_secret_picks_at(const char *size)
{
    env_setup(size);
    struct play_options po;
    options(&po, NULL, 1);
    po.duet = true;
    po.player = "Ana";
    po.partner = "Ben";
    struct duet_drive d = {0};
    struct window_hooks hooks = {&d, duet_hook};
    int code = window_run(&po, source_path("scenarios/tutorial"), &hooks);
    assert_int_equal(code, 0);
    assert_true(d.finished);
    assert_true(d.saw_handover);
    assert_true(d.checked_trace);
    assert_true(d.checked_history);
    assert_true(d.checked_reveal);
    assert_int_equal(d.next, (int)COUNT_OF(duet_path));
    assert_int_equal(d.reveals, 3);
    assert_true(d.turn_checks >= 10);
    free(d.fresh);
    free(d.second_a);
}

static void test_duet_secret_picks(void **state)
{
    (void)state;
    static const char *const sizes_[] = {"1280x720", "1920x1080", "3840x2160"};
    for (size_t i = 0; i < COUNT_OF(sizes_); i++)
        duet_secret_picks_at(sizes_[i]);
}

/* A timed scene both decide (the duet fixture's "ship", 30 s): the first
 * player uses 20 s, the hand-over takes 25 s more, and the partner still
 * has the whole 30 s; when the partner's time runs out, the time-out
 * choice is taken for both. */
struct timed_duet {
    int idles, step;
    bool timed_out;
};

static bool timed_duet_hook(void *ctx, struct window *w)
{
    struct timed_duet *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck at step %d", t->step);
    struct session *s = window_probe_session(w);
    enum win_screen screen = window_probe_screen(w);
    if (screen == SCREEN_OUTCOME) { /* the reveal, then each outcome */
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    }
    if (screen == SCREEN_DEBRIEF) {
        const struct decision *d = &s->g->log[1];
        t->timed_out = d->timed_out && d->number == 2 && d->outcome == DUET_AGREED;
        return false;
    }
    if (screen == SCREEN_HANDOVER) {
        if (t->step == 2) {
            window_probe_advance(w, 25);
            t->step = 3;
        }
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    }
    assert_int_equal(screen, SCREEN_PLAY);
    if (strcmp(game_scene(s->g)->id, "ship") != 0) {
        window_probe_key(w, SDLK_1, 0); /* "goal": both take 1 */
        return true;
    }
    switch (t->step) {
    /* Real time passes too between two calls of the hook (under a second
     * or two): hence the ranges. */
    case 0:
        assert_in_range(window_probe_timer_left(w), 28, 30);
        window_probe_advance(w, 20);
        t->step = 1;
        return true;
    case 1:
        assert_in_range(window_probe_timer_left(w), 7, 10);
        window_probe_key(w, SDLK_1, 0);
        t->step = 2;
        return true;
    case 3: /* the partner's screen: the whole time again */
        assert_in_range(window_probe_timer_left(w), 28, 30);
        window_probe_advance(w, 31);
        t->step = 4;
        return true;
    default:
        fail_msg("the partner's time ran out but no choice was taken (step %d)", t->step);
    }
    return false;
}

static void test_duet_timer_gives_the_partner_the_whole_time(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, NULL, 1);
    po.duet = true;
    po.player = "Ana";
    /* A long name in accented letters: the headings that carry it are cut
     * to fit, at a character boundary. */
    po.partner = "Bénédicte-Éléonore Oyelaran-Søndergaard";
    struct timed_duet t = {0};
    struct window_hooks hooks = {&t, timed_duet_hook};
    window_run(&po, test_path("fixtures/games/duet.lua"), &hooks);
    assert_int_equal(t.step, 4);
    assert_true(t.timed_out);
}

/* From the title, keys only: a name, the tutorial, Duet on the role screen,
 * the partner's name, a role: the duet starts with both names and roles. */
struct title_duet {
    int idles, step;
    bool started;
};

static bool title_duet_hook(void *ctx, struct window *w)
{
    struct title_duet *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck at step %d", t->step);
    switch (window_probe_screen(w)) {
    case SCREEN_TITLE:
        assert_int_equal(t->step, 0);
        window_probe_text(w, "Ana");
        window_probe_key(w, SDLK_RETURN, 0);
        window_probe_key(w, SDLK_1 + find_title(w, "tutorial"), 0);
        t->step = 1;
        return true;
    case SCREEN_ROLE: {
        SDL_Rect r;
        if (t->step == 1) {
            /* The tutorial allows duets: Solo and Duet are offered. */
            assert_true(window_probe_button(w, BTN_MODE, 0, &r, NULL));
            assert_true(window_probe_button(w, BTN_MODE, 1, &r, NULL));
            assert_false(window_probe_button(w, BTN_NAME, 1, &r, NULL));
            window_probe_key(w, SDLK_UP, 0); /* from the first role to "Duet" */
            window_probe_key(w, SDLK_RETURN, 0);
            t->step = 2;
            return true;
        }
        if (t->step == 2) {
            /* Duet: the partner's name field has the keys. */
            assert_true(window_probe_button(w, BTN_NAME, 1, &r, NULL));
            assert_true(window_probe_editing(w));
            window_probe_text(w, "Ben");
            window_probe_key(w, SDLK_RETURN, 0);
            t->step = 3;
            return true;
        }
        assert_false(window_probe_editing(w));
        window_probe_key(w, SDLK_2, 0); /* Ana takes the second role (the PM) */
        return true;
    }
    case SCREEN_PLAY: {
        struct session *s = window_probe_session(w);
        assert_int_equal(s->g->nplayers, 2);
        assert_string_equal(s->g->s.players[0].name, "Ana");
        assert_string_equal(s->g->s.players[1].name, "Ben");
        assert_string_equal(s->sc->roles[s->g->s.players[0].role].id, "pm");
        assert_string_equal(s->sc->roles[s->g->s.players[1].role].id, "po");
        /* The kickoff (the product goal) is the PO's: Ben's band, in the
         * PO's colour. */
        SDL_Rect band;
        int player;
        assert_true(window_probe_turn(w, &band, &player));
        assert_int_equal(player, 1);
        assert_true(count_color(w, band, window_probe_color(w, C_ROLE1), 0) > band.w * band.h / 2);
        t->started = true;
        return false;
    }
    default:
        fail_msg("unexpected screen %d", window_probe_screen(w));
    }
    return false;
}

static void test_duet_from_title(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, NULL, 1);
    struct title_duet t = {0};
    struct window_hooks hooks = {&t, title_duet_hook};
    window_run(&po, NULL, &hooks);
    assert_true(t.started);
}

/* ------------------------------------------------------------ the timer */

struct timer_drive {
    int idles;
    bool advanced;
    bool done;
};

static bool timer_hook(void *ctx, struct window *w)
{
    struct timer_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck");
    struct session *s = window_probe_session(w);
    if (window_probe_screen(w) == SCREEN_PLAY) {
        const char *scene = game_scene(s->g)->id;
        if (strcmp(scene, "launch_day") != 0) {
            window_probe_key(w, SDLK_1, 0);
            return true;
        }
        if (!t->advanced) {
            /* The countdown shows 1:00 at first; 61 s later, the time-out choice is taken. */
            SDL_Rect cd;
            assert_true(window_probe_countdown(w, &cd));
            window_probe_advance(w, 61);
            t->advanced = true;
            return true;
        }
        fail_msg("the timer ran out but no choice was taken");
    }
    if (window_probe_screen(w) == SCREEN_OUTCOME) {
        if (t->advanced) {
            const struct decision *d = &s->g->log[s->g->nlog - 1];
            assert_true(d->timed_out);
            /* launch_day: timeout = 3, the third in the author's list */
            assert_string_equal(s->sc->choices[d->choice].id, "slip_silently");
            assert_string_equal(s->sc->scenes[d->scene].id, "launch_day");
            t->done = true;
            return false;
        }
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    }
    fail_msg("unexpected screen %d", window_probe_screen(w));
    return false;
}

static void test_timer_runs_out(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, "pm", 5);
    struct timer_drive t = {0};
    struct window_hooks hooks = {&t, timer_hook};
    window_run(&po, source_path("scenarios/tutorial"), &hooks);
    assert_true(t.done);
}

/* Undo back to a timed decision: the clock goes on from where it stood,
 * not from the full minute; the pill turns amber at half time and red near
 * zero. */
struct undo_timer_drive {
    int idles;
    int phase;
};

static bool undo_timer_hook(void *ctx, struct window *w)
{
    struct undo_timer_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    struct session *s = window_probe_session(w);
    enum win_screen screen = window_probe_screen(w);
    if (t->phase == 0) {
        if (screen == SCREEN_OUTCOME) {
            window_probe_key(w, SDLK_RETURN, 0);
            return true;
        }
        if (strcmp(game_scene(s->g)->id, "launch_day") != 0) {
            window_probe_key(w, SDLK_1, 0);
            return true;
        }
        SDL_Rect cd;
        assert_true(window_probe_countdown(w, &cd));
        assert_true(count_color(w, cd, window_probe_color(w, C_ACCENT), 0) > cd.w * cd.h / 3);
        window_probe_advance(w, 35);
        window_probe_move(w, 1, 1);
        t->phase = 1;
        return true;
    }
    if (t->phase == 1) {
        SDL_Rect cd;
        assert_true(window_probe_countdown(w, &cd));
        assert_int_equal(window_probe_timer_left(w), 25);
        assert_true(count_color(w, cd, window_probe_color(w, C_WARNING), 0) > cd.w * cd.h / 3);
        window_probe_key(w, SDLK_1, 0);
        t->phase = 2;
        return true;
    }
    if (t->phase == 2) {
        assert_int_equal(screen, SCREEN_OUTCOME);
        window_probe_key(w, SDLK_u, 0);
        t->phase = 3;
        return true;
    }
    if (t->phase == 3) {
        assert_int_equal(screen, SCREEN_PLAY);
        assert_string_equal(game_scene(s->g)->id, "launch_day");
        int left = window_probe_timer_left(w);
        assert_in_range(left, 24, 25); /* not 60 again */
        window_probe_advance(w, 18);
        window_probe_move(w, 2, 2);
        t->phase = 4;
        return true;
    }
    SDL_Rect cd;
    assert_true(window_probe_countdown(w, &cd));
    assert_in_range(window_probe_timer_left(w), 6, 7);
    assert_true(count_color(w, cd, window_probe_color(w, C_NEGATIVE), 0) > cd.w * cd.h / 3);
    t->phase = 5;
    return false;
}

static void test_undo_keeps_the_clock(void **state)
{
    (void)state;
    static const char *const sizes_[] = {"1280x720", "1920x1080", "3840x2160"};
    for (size_t i = 0; i < COUNT_OF(sizes_); i++) {
        env_setup(sizes_[i]);
        struct play_options po;
        options(&po, "pm", 5);
        struct undo_timer_drive t = {0};
        struct window_hooks hooks = {&t, undo_timer_hook};
        window_run(&po, source_path("scenarios/tutorial"), &hooks);
        assert_int_equal(t.phase, 5);
    }
}

/* ------------------------------------------------------------ Esc menu */

struct menu_drive {
    int idles;
    int phase;
};

static void menu_pick(struct window *w, enum menu_item item)
{
    click_button(w, BTN_MENU, (int)item);
}

/* The Esc menu's round, as a player goes through it: save to slot 2, play
 * on, look at the history, load slot 2, undo, restart (asked first), quit.
 * Long: a script of one step an idle, each a key or a click and what it
 * shows, read top to bottom; cut into functions the story would be
 * scattered, so it stays one switch. */
static bool menu_hook(void *ctx, struct window *w)
{
    struct menu_drive *m = ctx;
    if (++m->idles > GUARD)
        fail_msg("stuck in phase %d", m->phase);
    struct session *s = window_probe_session(w);
    enum win_screen sc = window_probe_screen(w);
    enum win_overlay ov = window_probe_overlay(w);
    switch (m->phase) {
    case 0: /* first scene: choose 1, continue */
        assert_int_equal(sc, SCREEN_PLAY);
        window_probe_key(w, SDLK_1, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        m->phase = 1;
        return true;
    case 1: /* Esc, Save..., slot 2 */
        assert_int_equal(sc, SCREEN_PLAY);
        assert_int_equal(s->g->nlog, 1);
        window_probe_key(w, SDLK_ESCAPE, 0);
        m->phase = 2;
        return true;
    case 2:
        /* A player's menu: no author features without --watch. */
        assert_false(window_probe_button(w, BTN_MENU, MENU_KEEP_TEST, &(SDL_Rect){0}, NULL));
        assert_int_equal(ov, OVERLAY_MENU);
        /* The menu panel is drawn over a scrim. */
        assert_true(window_probe_button(w, BTN_MENU, MENU_SAVE, &(SDL_Rect){0}, NULL));
        menu_pick(w, MENU_SAVE);
        m->phase = 3;
        return true;
    case 3:
        assert_int_equal(ov, OVERLAY_SAVE);
        click_button(w, BTN_SLOT, 2);
        m->phase = 4;
        return true;
    case 4: /* saved: a banner; then choose and continue twice */
        assert_int_equal(ov, OVERLAY_NONE);
        assert_non_null(strstr(window_probe_banner(w), "Saved to slot 2"));
        window_probe_key(w, SDLK_2, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        m->phase = 5;
        return true;
    case 5: /* three decisions now? no: two. Open history with H. */
        assert_int_equal(s->g->nlog, 2);
        window_probe_key(w, SDLK_h, 0);
        m->phase = 6;
        return true;
    case 6:
        assert_int_equal(ov, OVERLAY_HISTORY);
        window_probe_key(w, SDLK_ESCAPE, 0);
        m->phase = 7;
        return true;
    case 7: /* Load slot 2: back to one decision */
        assert_int_equal(ov, OVERLAY_NONE);
        window_probe_key(w, SDLK_ESCAPE, 0);
        m->phase = 8;
        return true;
    case 8:
        menu_pick(w, MENU_LOAD);
        m->phase = 9;
        return true;
    case 9: {
        assert_int_equal(ov, OVERLAY_LOAD);
        bool disabled = false;
        SDL_Rect r;
        assert_true(window_probe_button(w, BTN_SLOT, 1, &r, &disabled));
        assert_true(disabled); /* slot 1 is empty */
        click_button(w, BTN_SLOT, 2);
        m->phase = 10;
        return true;
    }
    case 10:
        assert_int_equal(s->g->nlog, 1);
        assert_non_null(strstr(window_probe_banner(w), "Loaded slot 2"));
        /* Undo from the menu. */
        window_probe_key(w, SDLK_ESCAPE, 0);
        m->phase = 11;
        return true;
    case 11:
        menu_pick(w, MENU_UNDO);
        m->phase = 12;
        return true;
    case 12:
        assert_int_equal(s->g->nlog, 0);
        window_probe_key(w, SDLK_3, 0); /* choose, then restart from the outcome's menu */
        m->phase = 13;
        return true;
    case 13:
        assert_int_equal(sc, SCREEN_OUTCOME);
        window_probe_key(w, SDLK_ESCAPE, 0);
        m->phase = 14;
        return true;
    case 14:
        menu_pick(w, MENU_RESTART);
        m->phase = 30;
        return true;
    case 30: /* a run with a decision in it: restarting asks first */
        assert_int_equal(ov, OVERLAY_CONFIRM);
        assert_int_equal(window_probe_confirm(w), CONFIRM_RESTART);
        assert_int_equal(s->g->nlog, 1);
        window_probe_key(w, SDLK_y, 0);
        m->phase = 15;
        return true;
    case 15:
        assert_int_equal(sc, SCREEN_PLAY);
        assert_int_equal(s->g->nlog, 0);
        window_probe_key(w, SDLK_ESCAPE, 0);
        m->phase = 16;
        return true;
    case 16:
        menu_pick(w, MENU_QUIT);
        m->phase = 17;
        return true;
    default:
        fail_msg("the window stayed open after Quit");
    }
    return false;
}

static void test_menu_save_load_undo_restart(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, "po", 7);
    struct menu_drive m = {0};
    struct window_hooks hooks = {&m, menu_hook};
    int code = window_run(&po, source_path("scenarios/tutorial"), &hooks);
    assert_int_equal(code, 3); /* the hook leaves before an ending: exit code 3 */
    assert_int_equal(m.phase, 17);
}

/* Esc menu, Keep as a test: the run so far becomes a line of tests.lua
 * (in a copy of the tutorial) that scaleup test passes. */
struct keep_drive {
    int idles;
    int phase;
    char banner[1200];
};

static bool keep_hook(void *ctx, struct window *w)
{
    struct keep_drive *k = ctx;
    if (++k->idles > GUARD)
        fail_msg("stuck in phase %d", k->phase);
    struct session *s = window_probe_session(w);
    switch (k->phase) {
    case 0: { /* nothing chosen yet: the item is there, disabled */
        window_probe_key(w, SDLK_ESCAPE, 0);
        k->phase = 1;
        return true;
    }
    case 1: {
        bool disabled = false;
        assert_true(window_probe_button(w, BTN_MENU, MENU_KEEP_TEST, &(SDL_Rect){0}, &disabled));
        assert_true(disabled);
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_1, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        k->phase = 2;
        return true;
    }
    case 2:
        assert_int_equal(s->g->nlog, 1);
        window_probe_key(w, SDLK_ESCAPE, 0);
        k->phase = 3;
        return true;
    case 3:
        menu_pick(w, MENU_KEEP_TEST);
        k->phase = 4;
        return true;
    case 4:
        str_copy(k->banner, sizeof k->banner, window_probe_banner(w));
        window_probe_key(w, SDLK_ESCAPE, 0);
        k->phase = 5;
        return true;
    case 5:
        menu_pick(w, MENU_QUIT);
        k->phase = 6;
        return true;
    case 6:
        assert_int_equal(window_probe_overlay(w), OVERLAY_CONFIRM);
        assert_int_equal(window_probe_confirm(w), CONFIRM_QUIT);
        window_probe_key(w, SDLK_y, 0);
        k->phase = 7;
        return true;
    default:
        fail_msg("the window stayed open after Quit");
    }
    return false;
}

static void test_menu_keeps_the_run_as_a_test(void **state)
{
    (void)state;
    env_setup(NULL);
    char *dir = make_temp_dir();
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s/*.lua %s/ && rm %s/tests.lua", source_path("scenarios/tutorial"),
             dir, dir);
    assert_int_equal(system(cmd), 0);
    struct play_options po;
    options(&po, "po", 7);
    po.watch = true; /* an author's run: the menu offers to keep it as a test */
    struct keep_drive k = {0};
    struct window_hooks hooks = {&k, keep_hook};
    assert_int_equal(window_run(&po, dir, &hooks), 3); /* left before an ending */
    assert_int_equal(k.phase, 7);
    char want[1400];
    snprintf(want, sizeof want, "Kept as a playthrough test: %s/tests.lua:2 (scaleup test replays it).",
             dir);
    assert_string_equal(k.banner, want);
    snprintf(cmd, sizeof cmd, "%s/tests.lua", dir);
    char *text = slurp(cmd, NULL);
    assert_non_null(strstr(text, "\nplaythrough { name = \""));
    assert_non_null(strstr(text, ", 1 choice, to "));
    assert_non_null(strstr(text, "role = \"po\", seed = 7, choices = { \""));
    free(text);
    const char *test[] = {scaleup_bin(), "test", dir, NULL};
    struct cmd_result r;
    run_cmd(test, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "1 playthrough: 1 passed, 0 failed\n"));
    cmd_result_free(&r);
    rm_rf(dir);
    free(dir);
}

/* ------------------------------------------------------------ exam */

/* Coaching off (an exam): a choice goes straight on to the next scene, with
 * no outcome screen and no points in the HUD; the debrief has it all. */
struct exam_drive {
    int idles;
    int phase;
};

static bool exam_hook(void *ctx, struct window *w)
{
    struct exam_drive *e = ctx;
    if (++e->idles > GUARD)
        fail_msg("stuck in phase %d", e->phase);
    enum win_screen screen = window_probe_screen(w);
    struct session *s = window_probe_session(w);
    switch (e->phase) {
    case 0:
        if (screen != SCREEN_PLAY)
            return true;
        assert_false(window_probe_hud_points(w));
        window_probe_key(w, SDLK_1, 0);
        e->phase = 1;
        return true;
    case 1:
        assert_int_equal(s->g->nlog, 1);
        assert_int_equal(screen, SCREEN_PLAY); /* no outcome screen */
        assert_false(window_probe_hud_points(w));
        window_probe_key(w, SDLK_q, KMOD_LCTRL);
        e->phase = 2;
        return true;
    case 2: /* Ctrl+Q mid-run asks; N keeps playing, Ctrl+Q and Y quit */
        assert_int_equal(window_probe_overlay(w), OVERLAY_CONFIRM);
        assert_int_equal(window_probe_confirm(w), CONFIRM_QUIT);
        window_probe_key(w, SDLK_n, 0);
        e->phase = 3;
        return true;
    case 3:
        assert_int_equal(window_probe_overlay(w), OVERLAY_NONE);
        assert_int_equal(screen, SCREEN_PLAY);
        window_probe_key(w, SDLK_q, KMOD_LCTRL);
        window_probe_key(w, SDLK_y, 0);
        e->phase = 4;
        return true;
    default:
        fail_msg("the window stayed open after Ctrl+Q");
    }
    return false;
}

static void test_exam_hides_feedback_and_points(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, "po", 1);
    po.session.coaching = false;
    struct exam_drive e = {0};
    struct window_hooks hooks = {&e, exam_hook};
    assert_int_equal(window_run(&po, source_path("scenarios/tutorial"), &hooks), 3); /* left early */
    assert_int_equal(e.phase, 4);
}

/* ------------------------------------------------------------ other scripts */

static char *write_scenario(const char *text);

/* Japanese and Korean are drawn with the fallback font (no boxes), Japanese
 * wraps without spaces; a character no font has is counted as missing. */
static const char *cjk_main =
    "scenario {\n"
    "  id = \"ja\", title = \"\\u{65E5}\\u{672C}\\u{306E}\\u{4F1A}\\u{793E}\", start = \"a\",\n"
    "  dimensions = { { id = \"vision\", name = \"\\u{30D3}\\u{30B8}\\u{30E7}\\u{30F3}\" } },\n"
    "  roles = { { id = \"po\", name = \"\\u{30D7}\\u{30ED}\\u{30C0}\\u{30AF}\\u{30C8}\" } },\n"
    "}\n"
    "scene \"a\" {\n"
    "  title = \"\\u{6700}\\u{521D}\\u{306E}\\u{9078}\\u{629E}\",\n"
    "  text = string.rep(\"\\u{79C1}\\u{305F}\\u{3061}\\u{306F}\\u{9867}\\u{5BA2}\\u{306E}\\u{554F}"
    "\\u{984C}\\u{3092}\\u{89E3}\\u{6C7A}\\u{3057}\\u{307E}\\u{3059}\\u{3002}\", 12)"
    " .. \"\\u{3053}\\u{308C}\\u{306F}\\u{300C}*\\u{91CD}\\u{8981}*\\u{300D}\\u{3067}\\u{3059}"
    "\\u{3002} Mixed: xx\\u{65E5}xx. Korean: \\u{D55C}\\u{AD6D}\\u{C5B4} \\u{D300}.\",\n"
    "  choices = {\n"
    "    { \"\\u{9867}\\u{5BA2}\\u{306B}\\u{805E}\\u{304F}\", next = \"b\", score = { vision = 1 } },\n"
    "    { \"Ship it (\\u{3059}\\u{3050}\\u{306B})\", next = \"b\" },\n"
    "  },\n"
    "}\n"
    "scene \"b\" {\n"
    "  title = \"B\",\n"
    "  text = \"A private character: \\u{E000}.\",\n"
    "  choices = { { \"\\u{7D42}\\u{308F}\\u{308A}\", next = \"e\" } },\n"
    "}\n"
    "ending \"e\" { title = \"\\u{7D42}\", text = \"\\u{304A}\\u{75B2}\\u{308C}\\u{69D8}\", "
    "verdict = \"success\" }\n";

struct script_drive {
    int idles;
    int phase;
    char png[4300];
};

static bool script_hook(void *ctx, struct window *w)
{
    struct script_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    enum win_screen screen = window_probe_screen(w);
    if (screen == SCREEN_OUTCOME && t->phase == 1) {
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    }
    if (screen != SCREEN_PLAY)
        return true;
    struct session *s = window_probe_session(w);
    if (t->phase == 0) {
        assert_true(window_probe_has_fallback_font(w)); /* tools/setup installs fonts-wqy-microhei */
        assert_int_equal(window_probe_missing_glyphs(w), 0);
        /* 168 characters without a space wrap onto several full lines. */
        SDL_Rect r;
        int ww, wh;
        window_probe_size(w, &ww, &wh);
        assert_true(window_probe_scene_text(w, &r));
        int unit = window_probe_unit(w);
        assert_true(r.h >= 4 * unit);
        assert_true(r.w <= ww);
        assert_true(r.w >= ww / 3);
        /* Ink: the characters are drawn, not left blank. */
        Uint32 *px = malloc(sizeof *px * (size_t)r.w * (size_t)r.h);
        assert_non_null(px);
        assert_true(window_probe_pixels(w, r, px));
        long ink = 0;
        for (long i = 0; i < (long)r.w * r.h; i++)
            ink += px[i] != px[0];
        free(px);
        assert_true(ink > (long)r.w * r.h / 20);
        assert_true(window_probe_save_png(w, t->png));
        window_probe_key(w, SDLK_1, 0);
        t->phase = 1;
        return true;
    }
    if (t->phase == 1 && s->g->nlog == 1) {
        assert_true(window_probe_missing_glyphs(w) >= 1); /* U+E000: no font has it */
        t->phase = 2;
        return false;
    }
    return true;
}

static void test_cjk_uses_the_fallback_font(void **state)
{
    (void)state;
    env_setup(NULL);
    char *dir = write_scenario(cjk_main);
    struct play_options po;
    options(&po, "po", 1);
    po.player = "\u65E5\u672C\u30C1\u30FC\u30E0";
    struct script_drive t = {0};
    snprintf(t.png, sizeof t.png, "%s/japanese.png", tmp_root);
    struct window_hooks h = {&t, script_hook};
    window_run(&po, dir, &h);
    assert_int_equal(t.phase, 2);
    printf("screenshot: %s\n", t.png);
    free(dir);
}

/* ------------------------------------------------------------ kiosk */

/* Kiosk mode, for a workshop laptop: Ctrl+Q and the menu's Quit do nothing,
 * the menu ends a run for the next team (back to the title, the name
 * cleared), and only Ctrl+Alt+Q closes ScaleUp. */
struct kiosk_drive {
    int idles;
    int phase;
};

static bool kiosk_hook(void *ctx, struct window *w)
{
    struct kiosk_drive *k = ctx;
    if (++k->idles > GUARD)
        fail_msg("stuck in phase %d", k->phase);
    enum win_screen screen = window_probe_screen(w);
    switch (k->phase) {
    case 0:
        if (screen != SCREEN_PLAY)
            return true;
        window_probe_key(w, SDLK_q, KMOD_LCTRL);
        k->phase = 1;
        return true;
    case 1: { /* still playing; the menu's Quit is disabled */
        assert_int_equal(screen, SCREEN_PLAY);
        window_probe_key(w, SDLK_ESCAPE, 0);
        k->phase = 2;
        return true;
    }
    case 2: {
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        bool disabled = false;
        assert_true(window_probe_button(w, BTN_MENU, MENU_QUIT, &(SDL_Rect){0}, &disabled));
        assert_true(disabled);
        menu_pick(w, MENU_QUIT);
        k->phase = 3;
        return true;
    }
    case 3:
        assert_int_equal(screen, SCREEN_PLAY);
        if (window_probe_overlay(w) != OVERLAY_MENU)
            window_probe_key(w, SDLK_ESCAPE, 0);
        k->phase = 4;
        return true;
    case 4:
        menu_pick(w, MENU_LEAVE); /* "End this run (next team)" */
        k->phase = 5;
        return true;
    case 5:
        if (screen != SCREEN_TITLE)
            return true;
        assert_string_equal(window_probe_name(w), "");
        assert_null(window_probe_session(w));
        window_probe_key(w, SDLK_q, KMOD_LCTRL | KMOD_LALT);
        k->phase = 6;
        return true;
    default:
        fail_msg("the kiosk stayed open after Ctrl+Alt+Q");
    }
    return false;
}

static void test_kiosk(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, "po", 1);
    po.kiosk = true;
    po.player = "Team Blue";
    struct kiosk_drive k = {0};
    struct window_hooks hooks = {&k, kiosk_hook};
    assert_int_equal(window_run(&po, source_path("scenarios/tutorial"), &hooks), 0);
    assert_int_equal(k.phase, 6);
}

/* ------------------------------------------------------------ settings */

struct settings_drive {
    int idles;
    int phase;
    SDL_Color bg_seen;
    char banner[1200];
};

static bool settings_hook(void *ctx, struct window *w)
{
    struct settings_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    switch (t->phase) {
    case 0:
        str_copy(t->banner, sizeof t->banner, window_probe_banner(w));
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 1;
        return true;
    case 1:
        click_button(w, BTN_MENU, MENU_SETTINGS);
        t->phase = 2;
        return true;
    case 2: /* Theme: light -> dark */
        assert_int_equal(window_probe_overlay(w), OVERLAY_SETTINGS);
        click_button(w, BTN_SETTING, SET_THEME);
        t->phase = 20;
        return true;
    case 20: /* Timed decisions: on -> slow -> off */
    case 21:
        click_button(w, BTN_SETTING, SET_TIMERS);
        t->phase = t->phase == 20 ? 21 : 3;
        return true;
    case 3: /* back to the menu, then to the game */
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 4;
        return true;
    case 4:
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 5;
        return true;
    case 5: {
        assert_int_equal(window_probe_overlay(w), OVERLAY_NONE);
        Uint32 px = pixel(w, 2, 2);
        t->bg_seen = (SDL_Color){(Uint8)(px >> 16), (Uint8)(px >> 8), (Uint8)px, 255};
        return false;
    }
    }
    return false;
}

static bool close_hook(void *ctx, struct window *w)
{
    struct settings_drive *t = ctx;
    Uint32 px = pixel(w, 2, 2);
    t->bg_seen = (SDL_Color){(Uint8)(px >> 16), (Uint8)(px >> 8), (Uint8)px, 255};
    str_copy(t->banner, sizeof t->banner, window_probe_banner(w));
    return false;
}

static void test_settings_persist(void **state)
{
    (void)state;
    env_setup(NULL);
    char path[4200];
    assert_true(settings_path(path, sizeof path));
    unlink(path);
    struct play_options po;
    options(&po, "po", 1);
    struct settings_drive t = {0};
    struct window_hooks hooks = {&t, settings_hook};
    window_run(&po, source_path("scenarios/tutorial"), &hooks);
    assert_int_equal(t.phase, 5);
    const struct palette *dark = theme_palette(THEME_DARK);
    assert_memory_equal(&t.bg_seen, &dark->c[C_BG], 3);
    char *json = slurp(path, NULL);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"theme\":\t\"dark\""));
    assert_non_null(strstr(json, "\"timers\":\t\"off\""));
    free(json);

    /* A second run starts dark. */
    struct settings_drive t2 = {0};
    struct window_hooks h2 = {&t2, close_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h2);
    assert_memory_equal(&t2.bg_seen, &dark->c[C_BG], 3);
    assert_string_equal(t2.banner, "");
}

static void test_settings_corrupt(void **state)
{
    (void)state;
    env_setup(NULL);
    char path[4200], bad[4300];
    assert_true(settings_path(path, sizeof path));
    snprintf(bad, sizeof bad, "%s.bad", path);
    unlink(bad);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"theme\": \"dark\", oops", f);
    fclose(f);
    struct play_options po;
    options(&po, "po", 1);
    /* Opening and closing: a notice, the defaults, the file untouched. */
    struct settings_drive t = {0};
    struct window_hooks h = {&t, close_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h);
    assert_non_null(strstr(t.banner, "could not be read"));
    const struct palette *light = theme_palette(THEME_LIGHT);
    assert_memory_equal(&t.bg_seen, &light->c[C_BG], 3);
    char *text = slurp(path, NULL);
    assert_string_equal(text, "{\"theme\": \"dark\", oops");
    free(text);
    /* Changing a setting moves the bad file aside, and says so. */
    struct settings_drive t2 = {0};
    struct window_hooks h2 = {&t2, settings_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h2);
    text = slurp(bad, NULL);
    assert_non_null(text);
    assert_string_equal(text, "{\"theme\": \"dark\", oops");
    free(text);
    struct settings st;
    char why[256];
    assert_int_equal(settings_load(path, &st, why, sizeof why), SETTINGS_OK);
    assert_int_equal(st.theme, THEME_DARK);
}

/* ------------------------------------------------------------ sizes */

struct size_drive {
    int idles;
    int phase;
    int units[8];
};

static const int sizes[][2] = {{800, 600}, {1280, 720}, {1920, 1080}, {3840, 2160}, {1024, 1280}};

static void assert_inside(struct window *w)
{
    int W, H;
    window_probe_size(w, &W, &H);
    struct session *s = window_probe_session(w);
    const struct menu *m = game_menu(s->g);
    for (int i = 0; i < m->ntotal; i++) {
        SDL_Rect r;
        if (!window_probe_button(w, BTN_CHOICE, i, &r, NULL))
            continue; /* scrolled out of sight */
        assert_true(r.x >= 0 && r.y >= 0 && r.x + r.w <= W && r.y + r.h <= H);
    }
    SDL_Rect t;
    assert_true(window_probe_scene_text(w, &t));
    assert_true(t.x >= 0 && t.x + t.w <= W);
    /* The first choice is drawn in full, whatever the size. */
    assert_choice_drawn(w, 0);
}

static bool size_hook(void *ctx, struct window *w)
{
    struct size_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck");
    int n = (int)COUNT_OF(sizes);
    if (t->phase < n) {
        if (t->phase > 0) {
            int W, H;
            window_probe_size(w, &W, &H);
            assert_int_equal(W, sizes[t->phase - 1][0]);
            assert_int_equal(H, sizes[t->phase - 1][1]);
            t->units[t->phase - 1] = window_probe_unit(w);
            assert_inside(w);
        }
        window_probe_resize(w, sizes[t->phase][0], sizes[t->phase][1]);
        t->phase++;
        return true;
    }
    if (t->phase == n) {
        t->units[n - 1] = window_probe_unit(w);
        assert_inside(w);
        /* Ctrl+plus: larger text. */
        window_probe_resize(w, 1920, 1080);
        window_probe_key(w, SDLK_EQUALS, KMOD_LCTRL);
        t->phase++;
        return true;
    }
    assert_int_equal(window_probe_unit(w), 33); /* 30 px at 1080p, +10% */
    assert_inside(w);
    window_probe_key(w, SDLK_0, KMOD_LCTRL);
    return false;
}

static void test_reflow_sizes(void **state)
{
    (void)state;
    env_setup(NULL);
    char path[4200];
    assert_true(settings_path(path, sizeof path));
    unlink(path);
    struct play_options po;
    options(&po, "pm", 2);
    struct size_drive t = {0};
    struct window_hooks h = {&t, size_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h);
    assert_int_equal(t.phase, (int)COUNT_OF(sizes) + 1);
    /* Type scales with the window: 30 px body at 1080p, 60 at 4K. */
    assert_int_equal(t.units[2], 30);
    assert_int_equal(t.units[3], 60);
    assert_true(t.units[0] >= 15 && t.units[0] < t.units[1]);
    unlink(path);
}

/* ------------------------------------------------------------ the role screen's keys */

/* The role screen with its name field: digits choose a role (as the footer
 * says), F1 and Esc work at once, a letter starts the name, a long name
 * stops at the limit with a notice and stays inside its field. */
struct role_drive {
    int idles;
    int phase;
};

static bool role_keys_hook(void *ctx, struct window *w)
{
    struct role_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    switch (t->phase) {
    case 0:
        assert_int_equal(window_probe_screen(w), SCREEN_ROLE);
        assert_false(window_probe_editing(w));
        window_probe_key(w, SDLK_F1, 0);
        t->phase = 1;
        return true;
    case 1:
        assert_int_equal(window_probe_overlay(w), OVERLAY_HELP);
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 2;
        return true;
    case 2:
        assert_int_equal(window_probe_overlay(w), OVERLAY_NONE);
        /* A letter starts the name; then digits are part of it. */
        window_probe_text(w, "T");
        window_probe_text(w, "eam 2 ");
        for (int i = 0; i < 40; i++)
            window_probe_text(w, "Wé");
        t->phase = 3;
        return true;
    case 3: {
        assert_true(window_probe_editing(w));
        const char *name = window_probe_name(w);
        assert_int_equal(strncmp(name, "Team 2 WéWé", 13), 0);
        assert_true(strlen(name) <= 64);
        assert_non_null(strstr(window_probe_banner(w), "at most 64 bytes"));
        /* The field shows the name's end inside it: no text to its right. */
        SDL_Rect f;
        assert_true(window_probe_button(w, BTN_NAME, 0, &f, NULL));
        int W, H;
        window_probe_size(w, &W, &H);
        SDL_Rect right = {f.x + f.w + 2, f.y, W - (f.x + f.w + 2), f.h};
        assert_int_equal(count_color(w, right, window_probe_color(w, C_TEXT), 40), 0);
        assert_true(count_color(w, f, window_probe_color(w, C_TEXT), 40) > 100);
        assert_int_equal(window_probe_spill(w, NULL), 0);
        window_probe_key(w, SDLK_ESCAPE, 0); /* leaves the field and opens the menu */
        t->phase = 4;
        return true;
    }
    case 4:
        assert_false(window_probe_editing(w));
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_2, 0); /* the second role */
        t->phase = 5;
        return true;
    case 5: {
        assert_int_equal(window_probe_screen(w), SCREEN_PLAY);
        struct session *s = window_probe_session(w);
        assert_int_equal(s->g->s.players[0].role, 1);
        assert_int_equal(strncmp(s->g->s.players[0].name, "Team 2 WéWé", 13), 0);
        assert_int_equal(window_probe_spill(w, NULL), 0);
        window_probe_key(w, SDLK_F12, 0);
        t->phase = 6;
        return true;
    }
    case 6: {
        /* F12: to the pictures folder, else the data folder; never the
         * current folder. */
        const char *b = window_probe_banner(w);
        assert_non_null(strstr(b, "Screenshot saved: "));
        const char *path = b + strlen("Screenshot saved: ");
        const char *data = getenv("XDG_DATA_HOME");
        assert_true(path[0] == '/');
        if (strncmp(path, data, strlen(data)) == 0)
            assert_non_null(strstr(path, "/screenshots/scaleup-"));
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        t->phase = 7;
        return false;
    }
    }
    return false;
}

static void test_role_screen_keys(void **state)
{
    (void)state;
    env_setup("1920x1080");
    struct play_options po;
    options(&po, NULL, 1);
    struct role_drive t = {0};
    struct window_hooks h = {&t, role_keys_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h);
    assert_int_equal(t.phase, 7);
}

/* ------------------------------------------------------------ autosave */

/* A run left mid-way (after asking) is autosaved: the title screen offers
 * Continue, which resumes it at the same decision. */
struct continue_drive {
    int idles;
    int phase;
};

static bool continue_hook(void *ctx, struct window *w)
{
    struct continue_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    enum win_screen screen = window_probe_screen(w);
    struct session *s = window_probe_session(w);
    switch (t->phase) {
    case 0:
        assert_int_equal(screen, SCREEN_TITLE);
        assert_false(window_probe_button(w, BTN_RESUME, 0, &(SDL_Rect){0}, NULL));
        window_probe_key(w, SDLK_RETURN, 0); /* leave the name field */
        window_probe_key(w, SDLK_1, 0);      /* the tutorial */
        t->phase = 1;
        return true;
    case 1:
        assert_int_equal(screen, SCREEN_ROLE);
        window_probe_key(w, SDLK_1, 0);
        t->phase = 2;
        return true;
    case 2:
        assert_int_equal(screen, SCREEN_PLAY);
        window_probe_key(w, SDLK_1, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        t->phase = 3;
        return true;
    case 3:
        assert_int_equal(screen, SCREEN_PLAY);
        assert_int_equal(s->g->nlog, 1);
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 4;
        return true;
    case 4:
        click_or_scroll(w, BTN_MENU, MENU_LEAVE);
        t->phase = 5;
        return true;
    case 5:
        assert_int_equal(window_probe_confirm(w), CONFIRM_LEAVE);
        window_probe_key(w, SDLK_y, 0);
        t->phase = 6;
        return true;
    case 6:
        assert_int_equal(screen, SCREEN_TITLE);
        click_button(w, BTN_RESUME, 0);
        t->phase = 7;
        return true;
    case 7:
        assert_int_equal(screen, SCREEN_PLAY);
        assert_int_equal(s->g->nlog, 1);
        t->phase = 8;
        return false;
    }
    return false;
}

static void test_autosave_and_continue(void **state)
{
    (void)state;
    env_setup(NULL);
    char path[4200];
    snprintf(path, sizeof path, "%s/scaleup/saves/autosave.json", getenv("XDG_DATA_HOME"));
    unlink(path);
    struct play_options po;
    options(&po, NULL, 4);
    struct continue_drive t = {0};
    struct window_hooks h = {&t, continue_hook};
    window_run(&po, NULL, &h);
    assert_int_equal(t.phase, 8);
    unlink(path);
}

/* ------------------------------------------------------------ contrast */

static double luminance(SDL_Color c)
{
    double v[3] = {c.r / 255.0, c.g / 255.0, c.b / 255.0};
    for (int i = 0; i < 3; i++)
        v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double contrast(SDL_Color a, SDL_Color b)
{
    double la = luminance(a), lb = luminance(b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

/* WCAG: 3:1 for what is not text (bar tracks, card borders, the focus ring,
 * scroll bars in the muted colour) against the page and cards, 4.5:1 for
 * text; in every theme, the light high-contrast one included. */
static void test_theme_contrast(void **state)
{
    (void)state;
    assert_int_equal(theme_from_name("light-contrast"), THEME_LIGHT_CONTRAST);
    for (int t = 0; t < THEME_COUNT; t++) {
        const SDL_Color *c = theme_palette((enum win_theme)t)->c;
        static const int non_text[] = {C_TRACK, C_BORDER, C_FOCUS, C_MUTED};
        for (size_t k = 0; k < COUNT_OF(non_text); k++)
            for (int under = C_BG; under <= C_SURFACE; under++)
                if (contrast(c[non_text[k]], c[under]) < 3.0)
                    fail_msg("theme %s: colour %d on %d is %.2f:1", theme_name((enum win_theme)t),
                             non_text[k], under, contrast(c[non_text[k]], c[under]));
        static const int pairs[][2] = {
            {C_TEXT, C_BG}, {C_TEXT, C_SURFACE}, {C_MUTED, C_BG}, {C_ON_ACCENT, C_ACCENT},
            {C_POSITIVE, C_CHIP}, {C_NEGATIVE, C_CHIP}, {C_WARNING, C_CHIP}, {C_TEXT, C_CHIP},
            {C_ON_ROLE, C_ROLE1}, {C_ON_ROLE, C_ROLE2}, {C_BANNER_TEXT, C_BANNER_BG},
            {C_ON_ACCENT, C_POSITIVE}, {C_ON_ACCENT, C_NEGATIVE}, {C_ON_ACCENT, C_WARNING},
        };
        for (size_t k = 0; k < COUNT_OF(pairs); k++)
            if (contrast(c[pairs[k][0]], c[pairs[k][1]]) < 4.5)
                fail_msg("theme %s: text %d on %d is %.2f:1", theme_name((enum win_theme)t),
                         pairs[k][0], pairs[k][1], contrast(c[pairs[k][0]], c[pairs[k][1]]));
    }
}

/* ------------------------------------------------------------ large text */

/* At the sizes of a laptop, a 1080p projector and a 4K screen, with the
 * text at 100%, 150% and 200%: the story comes first and shows, the first
 * choice is drawn whole, the stats stay inside their card (beside the story
 * or a strip under the header) and above the footer, and nothing fixed is
 * drawn past the screen. */
struct big_drive {
    int idles;
    int phase;
    bool strip[2];
};

/* The "More below" pill, when it shows, covers no text: the rows it
 * stands in hold only the page's colour left of it. */
static void assert_pill_covers_no_text(struct window *w)
{
    SDL_Rect pill;
    if (!window_probe_more_below(w, &pill))
        return;
    SDL_Rect left = {0, pill.y, pill.x, pill.h};
    int bg = count_color(w, left, window_probe_color(w, C_BG), 0);
    if (bg != left.w * left.h)
        fail_msg("beside the More below pill, %d of %d px are not the page", left.w * left.h - bg,
                 left.w * left.h);
}

static void assert_story_first(struct window *w, struct big_drive *t)
{
    assert_pill_covers_no_text(w);
    int W, H;
    window_probe_size(w, &W, &H);
    SDL_Rect bad = {0, 0, 0, 0};
    int spill = window_probe_spill(w, &bad);
    if (spill)
        fail_msg("%dx%d: %d item(s) drawn out of place, the first at %d,%d %dx%d", W, H, spill, bad.x,
                 bad.y, bad.w, bad.h);
    SDL_Rect stats, footer;
    bool strip;
    assert_true(window_probe_stats(w, &stats, &strip));
    assert_true(window_probe_footer(w, &footer));
    assert_true(stats.y + stats.h <= footer.y);
    t->strip[t->phase] = strip;
    if (strip) /* a strip is a band: the story's room is most of the screen */
        assert_true(stats.h < H / 4);
}

static bool big_hook(void *ctx, struct window *w)
{
    struct big_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    switch (t->phase) {
    case 0: {
        assert_int_equal(window_probe_screen(w), SCREEN_PLAY);
        assert_story_first(w, t);
        SDL_Rect text, c0, pill;
        assert_true(window_probe_scene_text(w, &text));
        assert_true(count_color(w, text, window_probe_color(w, C_TEXT), 24) > 200);
        if (window_probe_button(w, BTN_CHOICE, 0, &c0, NULL)) {
            assert_true(text.y < c0.y); /* the story, then the options */
        } else {
            /* A long story at a large size: the options are below, and a
             * pill in the accent colour says so. */
            assert_true(window_probe_more_below(w, &pill));
            assert_true(count_color(w, pill, window_probe_color(w, C_ACCENT), 0) > pill.w * pill.h / 3);
        }
        t->phase = 10;
        return true;
    }
    case 10: {
        /* Scrolled down as far as the options (the wheel, as a player). */
        SDL_Rect c0;
        int W, H;
        window_probe_size(w, &W, &H);
        if (!window_probe_button(w, BTN_CHOICE, 0, &c0, NULL) || c0.h < 3 * window_probe_unit(w) / 2) {
            window_probe_wheel(w, W / 3, H / 2, -1);
            return true;
        }
        assert_choice_drawn(w, 0);
        assert_pill_covers_no_text(w);
        assert_true(c0.y + c0.h <= H);
        window_probe_key(w, SDLK_1, 0);
        t->phase = 1;
        return true;
    }
    case 1:
        assert_int_equal(window_probe_screen(w), SCREEN_OUTCOME);
        assert_story_first(w, t);
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 2;
        return true;
    case 2: {
        /* The menu: every row's focus ring whole, nothing out of place. */
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        SDL_Rect bad;
        assert_int_equal(window_probe_spill(w, &bad), 0);
        return false;
    }
    }
    return false;
}

static void test_large_text_layout(void **state)
{
    (void)state;
    static const char *const sizes_[] = {"1280x720", "1920x1080", "3840x2160"};
    static const int texts[] = {100, 150, 200};
    int strips = 0;
    for (size_t i = 0; i < COUNT_OF(sizes_); i++)
        for (size_t k = 0; k < COUNT_OF(texts); k++) {
            env_setup(sizes_[i]);
            char path[4200];
            assert_true(settings_path(path, sizeof path));
            struct settings st;
            settings_default(&st);
            st.text_size = texts[k];
            char why[256];
            assert_true(settings_save(path, &st, false, why, sizeof why));
            struct play_options po;
            options(&po, "po", 3);
            struct big_drive t = {0};
            struct window_hooks h = {&t, big_hook};
            window_run(&po, source_path("scenarios/tutorial"), &h);
            assert_int_equal(t.phase, 2);
            /* At 100% on a 1080p screen the stats sit beside the story. */
            if (texts[k] == 100 && strcmp(sizes_[i], "1920x1080") == 0)
                assert_false(t.strip[0]);
            strips += t.strip[0];
            unlink(path);
        }
    assert_true(strips > 0); /* and the largest text moves them to a strip */
}

/* Presenter mode (--presenter or the setting): the story and the options at
 * 4.5% of the screen's height at least, the stats not enlarged (a strip),
 * and still nothing out of place, at each size. */
static bool presenter_hook(void *ctx, struct window *w)
{
    struct big_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck");
    int W, H;
    window_probe_size(w, &W, &H);
    assert_int_equal(window_probe_screen(w), SCREEN_PLAY);
    assert_true(window_probe_unit(w) >= H * 45 / 1000);
    assert_story_first(w, t);
    SDL_Rect text;
    assert_true(window_probe_scene_text(w, &text));
    assert_true(count_color(w, text, window_probe_color(w, C_TEXT), 24) > 200);
    t->phase = 1;
    return false;
}

static void test_presenter_mode(void **state)
{
    (void)state;
    static const char *const sizes_[] = {"1280x720", "1920x1080", "3840x2160"};
    for (size_t i = 0; i < COUNT_OF(sizes_); i++) {
        env_setup(sizes_[i]);
        struct play_options po;
        options(&po, "po", 3);
        po.presenter = true;
        struct big_drive t = {0};
        struct window_hooks h = {&t, presenter_hook};
        window_run(&po, source_path("scenarios/tutorial"), &h);
        assert_int_equal(t.phase, 1);
    }
}

/* Without SDL_RENDER_DRIVER, on a machine where OpenGL can only be a
 * software rasterizer (no /dev/dri render node: llvmpipe), the window runs
 * SDL's software renderer; SDL_RENDER_DRIVER still overrides it. */
struct renderer_drive {
    char name[64];
};

static bool renderer_hook(void *ctx, struct window *w)
{
    struct renderer_drive *r = ctx;
    str_copy(r->name, sizeof r->name, window_probe_renderer(w));
    return false;
}

static void test_default_renderer(void **state)
{
    (void)state;
    bool gpu = false;
    for (int n = 128; n < 136; n++) {
        char node[64];
        snprintf(node, sizeof node, "/dev/dri/renderD%d", n);
        gpu |= access(node, R_OK | W_OK) == 0;
    }
    env_setup(NULL);
    unsetenv("SDL_RENDER_DRIVER");
    struct play_options po;
    options(&po, "po", 1);
    struct renderer_drive r = {""};
    struct window_hooks h = {&r, renderer_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h);
    printf("default renderer: %s\n", r.name);
    if (!gpu)
        assert_string_equal(r.name, "software");
    setenv("SDL_RENDER_DRIVER", "software", 1);
}

/* ------------------------------------------------------------ errors and --watch */

static const char *broken_main =
    "scenario {\n"
    "  id = \"broken\", title = \"Broken\", start = \"a\",\n"
    "  dimensions = { { id = \"skill\", name = \"Skill\" } },\n"
    "  roles = { { id = \"po\", name = \"Product Owner\" } },\n"
    "}\n"
    "scene \"a\" {\n"
    "  title = \"First\",\n"
    "  text = \"VERSION_ONE\",\n"
    "  choices = {\n"
    "    { \"Fail\", next = \"end\", act = function(game) error(\"the act broke\") end },\n"
    "    { \"Fine\", next = \"end\", score = { skill = 1 } },\n"
    "  },\n"
    "}\n"
    "ending \"end\" { title = \"The End\", text = \"Done.\", verdict = \"success\" }\n";

static char *write_scenario(const char *text)
{
    char *dir = make_temp_dir();
    char path[4200];
    snprintf(path, sizeof path, "%s/main.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return dir;
}

struct error_drive {
    int idles;
    int phase;
    char dir[4096];
};

static bool error_hook(void *ctx, struct window *w)
{
    struct error_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    struct session *s = window_probe_session(w);
    switch (t->phase) {
    case 0:
        assert_int_equal(window_probe_screen(w), SCREEN_PLAY);
        window_probe_key(w, SDLK_1, 0);
        t->phase = 1;
        return true;
    case 1: {
        assert_int_equal(window_probe_screen(w), SCREEN_ERROR);
        SDL_Rect r;
        assert_true(window_probe_button(w, BTN_ERROR, FE_CONTINUE, &r, NULL));
        assert_true(window_probe_button(w, BTN_ERROR, FE_RELOAD, &r, NULL));
        assert_int_equal(s->g->nlog, 0);
        window_probe_key(w, SDLK_RETURN, 0); /* go back */
        t->phase = 2;
        return true;
    }
    case 2:
        assert_int_equal(window_probe_screen(w), SCREEN_PLAY);
        assert_int_equal(s->g->nlog, 0);
        assert_string_equal(game_scene(s->g)->id, "a");
        /* Edit the file: --watch reloads it. */
        {
            char path[4200];
            snprintf(path, sizeof path, "%s/main.lua", t->dir);
            char *text = xstrdup(broken_main);
            char *v = strstr(text, "VERSION_ONE");
            memcpy(v, "VERSION_TWO", 11);
            FILE *f = fopen(path, "w");
            fputs(text, f);
            fclose(f);
            free(text);
        }
        t->phase = 3;
        return true;
    case 3:
        if (!strstr(s->g->view.text.data, "VERSION_TWO"))
            return true; /* not yet: the watcher waits for the file to settle */
        assert_non_null(strstr(window_probe_banner(w), "reloaded"));
        window_probe_key(w, SDLK_2, 0);
        t->phase = 4;
        return true;
    case 4:
        assert_int_equal(window_probe_screen(w), SCREEN_OUTCOME);
        window_probe_key(w, SDLK_RETURN, 0);
        t->phase = 5;
        return true;
    case 5:
        assert_int_equal(window_probe_screen(w), SCREEN_DEBRIEF);
        window_probe_key(w, SDLK_RETURN, 0);
        t->phase = 7;
        return true;
    case 7: /* one Enter did not close the debrief */
        assert_int_equal(window_probe_screen(w), SCREEN_DEBRIEF);
        finish_debrief(w);
        t->phase = 6;
        return true;
    }
    fail_msg("unexpected phase %d", t->phase);
    return false;
}

static void test_error_screen_and_watch(void **state)
{
    (void)state;
    env_setup(NULL);
    char *dir = write_scenario(broken_main);
    struct play_options po;
    options(&po, NULL, 1);
    po.watch = true;
    struct error_drive t = {0};
    str_copy(t.dir, sizeof t.dir, dir);
    struct window_hooks h = {&t, error_hook};
    int code = window_run(&po, dir, &h);
    assert_int_equal(t.phase, 6);
    assert_int_equal(code, 0);
    rm_rf(dir);
    free(dir);
}

/* ------------------------------------------------------------ a room's screens, checked at every size */

static const char *const room_sizes[] = {"1280x720", "1920x1080", "3840x2160"};
static const int room_texts[] = {100, 150, 200};

/* Writes the settings file with this text size (and the default theme). */
static void room_setup(const char *size, int text)
{
    env_setup(size);
    char path[4200];
    assert_true(settings_path(path, sizeof path));
    struct settings st;
    settings_default(&st);
    st.text_size = text;
    char why[256];
    assert_true(settings_save(path, &st, false, why, sizeof why));
}

static void room_cleanup(void)
{
    char path[4200];
    assert_true(settings_path(path, sizeof path));
    unlink(path);
}

/* The title screen shows every bundled scenario at once, the tutorial
 * first, whole cards and no "More below": on a laptop, a projector and a
 * 4K screen, with the text at 100%, 150% and 200%. */
struct title_drive {
    int idles;
    int shown;
};

static bool title_all_hook(void *ctx, struct window *w)
{
    struct title_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck");
    assert_int_equal(window_probe_screen(w), SCREEN_TITLE);
    static const char *const bundled[] = {"tutorial", "seed-to-scale", "seed-to-scale-workshop", "the-offer",
                                          "tug-of-war"};
    assert_int_equal(find_title(w, "tutorial"), 0);
    for (size_t k = 0; k < COUNT_OF(bundled); k++) {
        int i = find_title(w, bundled[k]);
        if (!window_probe_button_whole(w, BTN_SCENARIO, i))
            fail_msg("the card of %s is not shown whole", bundled[k]);
        /* Its title whole, in the card: wrapped, never cut or spilled. */
        char text[4096];
        if (!window_probe_button_text(w, BTN_SCENARIO, i, text, sizeof text))
            fail_msg("the card of %s has text past its edge", bundled[k]);
        char title[512];
        snprintf(title, sizeof title, "%d %s", i + 1, window_probe_scenario_title(w, i));
        if (strncmp(text, title, strlen(title)) != 0)
            fail_msg("the card of %s reads \"%s\", not its title \"%s\"", bundled[k], text, title);
        t->shown++;
    }
    SDL_Rect pill, bad;
    assert_false(window_probe_more_below(w, &pill));
    assert_int_equal(window_probe_spill(w, &bad), 0);
    return false;
}

static void test_title_shows_every_scenario(void **state)
{
    (void)state;
    /* At 100%, 150% and 200% text: every card at once, no scrolling. */
    static const int texts[] = {100, 150, 200};
    for (size_t i = 0; i < COUNT_OF(texts) * COUNT_OF(room_sizes); i++) {
        room_setup(room_sizes[i % COUNT_OF(room_sizes)], texts[i / COUNT_OF(room_sizes)]);
        char path[4200];
        snprintf(path, sizeof path, "%s/scaleup/saves/autosave.json", getenv("XDG_DATA_HOME"));
        unlink(path);
        struct play_options po;
        options(&po, NULL, 1);
        struct title_drive t = {0};
        struct window_hooks h = {&t, title_all_hook};
        window_run(&po, NULL, &h);
        assert_int_equal(t.shown, 5);
        room_cleanup();
    }
}

/* The focus ring's middle row under a focused button, across its middle
 * half: the whole row is in the focus colour (no next row drawn over it). */
static void assert_ring_whole(struct window *w, enum button_kind kind, int arg)
{
    enum button_kind fk;
    int fa;
    assert_true(window_probe_focus(w, &fk, &fa));
    assert_int_equal(fk, kind);
    assert_int_equal(fa, arg);
    assert_true(window_probe_button_whole(w, kind, arg));
    SDL_Rect r;
    assert_true(window_probe_button(w, kind, arg, &r, NULL));
    int u = window_probe_unit(w);
    int t = u / 7 > 3 ? u / 7 : 3;
    SDL_Color focus = window_probe_color(w, C_FOCUS);
    SDL_Rect bottom = {r.x + r.w / 4, r.y + r.h + t + t / 2, r.w / 2, 1};
    SDL_Rect top = {r.x + r.w / 4, r.y - 2 * t + t / 2, r.w / 2, 1};
    if (count_color(w, bottom, focus, 0) != bottom.w)
        fail_msg("button %d/%d: the ring's bottom edge is cut (%d of %d px)", kind, arg,
                 count_color(w, bottom, focus, 0), bottom.w);
    assert_int_equal(count_color(w, top, focus, 0), top.w);
}

/* An overlay covers the screen's scroll bar: outside its panel the bar is
 * under the scrim (never its own colour); inside, the panel looks the same
 * wherever the bar stands. */
static Uint32 *grab_panel(struct window *w, SDL_Rect *panel)
{
    assert_true(window_probe_panel(w, panel));
    Uint32 *px = malloc(sizeof *px * (size_t)(panel->w * panel->h));
    assert_true(window_probe_pixels(w, *panel, px));
    return px;
}

static void assert_bar_under_overlay(struct window *w, SDL_Rect bar)
{
    SDL_Rect panel;
    assert_true(window_probe_panel(w, &panel));
    SDL_Color muted = window_probe_color(w, C_MUTED);
    Uint32 *px = malloc(sizeof *px * (size_t)(bar.w * bar.h));
    assert_true(window_probe_pixels(w, bar, px));
    for (int q = 0; q < bar.w * bar.h; q++) {
        SDL_Point p = {bar.x + q % bar.w, bar.y + q / bar.w};
        if (!SDL_PointInRect(&p, &panel) && near(px[q], muted, 0))
            fail_msg("the scroll bar shows through the scrim at %d,%d", p.x, p.y);
    }
    free(px);
}

/* A scene long enough to scroll at every size. */
static const char *long_main =
    "scenario { id = \"long\", title = \"Long\", start = \"a\",\n"
    "  dimensions = { { id = \"vision\", name = \"Vision\" } },\n"
    "  roles = { { id = \"po\", name = \"Product Owner\" } } }\n"
    "scene \"a\" { title = \"A long morning\",\n"
    "  text = string.rep(\"The board wants a plan, the team wants a goal, the customers want the "
    "bugs fixed, and the runway is shorter than anyone says out loud.\\n\\n\", 14),\n"
    "  choices = { { \"Ask the customers first\", next = \"b\", score = { vision = 1 } },\n"
    "              { \"Write the goal today\", next = \"b\" } } }\n"
    "scene \"b\" { title = \"B\", text = \"Then.\", choices = { { \"End\", next = \"e\" } } }\n"
    "ending \"e\" { title = \"End\", text = \"Done.\", verdict = \"success\" }\n";

struct overlay_drive {
    int idles;
    int phase;
    SDL_Rect bar_top, bar_bottom;
    Uint32 *panel_top;
    SDL_Rect panel;
    int row;     /* menu rows and save slots visited */
    int rings;   /* focus rings checked */
};

/* Down until the focus is on a button of this kind and arg; false while it moves. */
static bool focus_on(struct window *w, enum button_kind kind, int arg)
{
    enum button_kind fk;
    int fa;
    if (window_probe_focus(w, &fk, &fa) && fk == kind && fa == arg)
        return true;
    window_probe_key(w, SDLK_DOWN, 0);
    return false;
}

/* Whether the menu has this row, enabled (the keyboard's focus can land
 * on it). */
static bool menu_row_present(struct window *w, int row)
{
    if (row == MENU_KEEP_TEST)
        return false; /* an author's feature: not without --watch */
    if (row == MENU_UNDO) {
        struct session *s = window_probe_session(w);
        return s && s->g->nlog > 0;
    }
    return true;
}

/* The menu's panel, now the scene under it has scrolled: the same pixels
 * as before (t->panel_top), but in its rounded corners, where the scene
 * shows. */
static void check_panel_unchanged(struct overlay_drive *t, struct window *w)
{
    SDL_Rect panel;
    Uint32 *now = grab_panel(w, &panel);
    assert_memory_equal(&panel, &t->panel, sizeof panel);
    int u = window_probe_unit(w);
    for (int q = 0; q < panel.w * panel.h; q++) {
        int x = q % panel.w, y = q / panel.w;
        bool corner = (x < u || x >= panel.w - u) && (y < u || y >= panel.h - u);
        if (!corner && now[q] != t->panel_top[q])
            fail_msg("the panel changed at %d,%d as the scene scrolled", panel.x + x, panel.y + y);
    }
    free(now);
    free(t->panel_top);
    t->panel_top = NULL;
}

static bool overlay_hook(void *ctx, struct window *w);

/* Down to button (kind, t->row), then its focus ring whole: true to wait
 * for the focus to move; once checked, on to the next row at once. */
static bool ring_step(struct overlay_drive *t, struct window *w, enum button_kind kind)
{
    if (!focus_on(w, kind, t->row))
        return true;
    assert_ring_whole(w, kind, t->row);
    t->rings++;
    t->row++;
    return overlay_hook(t, w); /* the next row now: nothing to wait for */
}

/* Each menu row's ring whole, row by row: true to wait for the focus to
 * move; at the last row, on to the settings (phase 5). */
static bool menu_rings_step(struct overlay_drive *t, struct window *w)
{
    SDL_Rect r;
    for (bool off = true; t->row < MENU_COUNT; t->row++) {
        /* Scrolled out of sight comes in sight as the focus moves; a row
         * not in this menu or disabled takes no focus. */
        if (!window_probe_button(w, BTN_MENU, t->row, &r, &off))
            off = false;
        if (!off && menu_row_present(w, t->row))
            break;
    }
    if (t->row == MENU_COUNT) {
        click_or_scroll(w, BTN_MENU, MENU_SETTINGS);
        t->phase = 5;
        return true;
    }
    return ring_step(t, w, BTN_MENU);
}

static bool overlay_hook(void *ctx, struct window *w)
{
    struct overlay_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    switch (t->phase) {
    case 0: /* the scene scrolls; its bar at the top */
        assert_int_equal(window_probe_screen(w), SCREEN_PLAY);
        assert_true(window_probe_scroll_bar(w, 1, &t->bar_top));
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 1;
        return true;
    case 1:
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        assert_bar_under_overlay(w, t->bar_top);
        t->panel_top = grab_panel(w, &t->panel);
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_END, 0);
        t->phase = 2;
        return true;
    case 2: /* the bar at the bottom now */
        assert_true(window_probe_scroll_bar(w, 1, &t->bar_bottom));
        assert_true(t->bar_bottom.y > t->bar_top.y);
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 3;
        return true;
    case 3:
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        assert_bar_under_overlay(w, t->bar_bottom);
        check_panel_unchanged(t, w);
        t->phase = 4;
        t->row = MENU_RESUME;
        window_probe_key(w, SDLK_DOWN, 0); /* the keyboard's ring shows */
        return true;
    case 4: /* each menu row's ring whole */
        return menu_rings_step(t, w);
    case 5:
        if (window_probe_overlay(w) == OVERLAY_MENU) {
            click_or_scroll(w, BTN_MENU, MENU_SETTINGS);
            return true;
        }
        assert_int_equal(window_probe_overlay(w), OVERLAY_SETTINGS);
        assert_bar_under_overlay(w, t->bar_bottom);
        window_probe_key(w, SDLK_ESCAPE, 0); /* back to the menu */
        t->phase = 6;
        return true;
    case 6:
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        if (click_or_scroll(w, BTN_MENU, MENU_SAVE))
            t->phase = 7;
        return true;
    case 7:
        assert_int_equal(window_probe_overlay(w), OVERLAY_SAVE);
        assert_bar_under_overlay(w, t->bar_bottom);
        t->row = 1;
        window_probe_key(w, SDLK_DOWN, 0);
        window_probe_key(w, SDLK_UP, 0);
        t->phase = 8;
        return true;
    case 8: /* each save slot's ring whole */
        if (t->row > 3) {
            t->phase = 9;
            return false;
        }
        return ring_step(t, w, BTN_SLOT);
    }
    return false;
}

static void test_overlays_cover_the_scroll_bar_and_rings_stay_whole(void **state)
{
    (void)state;
    char *dir = write_scenario(long_main);
    for (size_t i = 0; i < COUNT_OF(room_sizes); i++)
        for (size_t k = 0; k < COUNT_OF(room_texts); k++) {
            room_setup(room_sizes[i], room_texts[k]);
            struct play_options po;
            options(&po, "po", 1);
            struct overlay_drive t = {0};
            struct window_hooks h = {&t, overlay_hook};
            window_run(&po, dir, &h);
            assert_int_equal(t.phase, 9);
            assert_true(t.rings >= 3 + 3); /* menu rows, and the three slots */
            room_cleanup();
        }
    rm_rf(dir);
    free(dir);
}

/* Hover and keyboard focus are one place: the pointer over an option takes
 * the focus, the keyboard moving on takes the highlight with it. */
struct hover_drive {
    int idles;
    int phase;
};

static bool hover_hook(void *ctx, struct window *w)
{
    struct hover_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    SDL_Rect r0, r1;
    assert_true(window_probe_button(w, BTN_CHOICE, 0, &r0, NULL));
    assert_true(window_probe_button(w, BTN_CHOICE, 1, &r1, NULL));
    SDL_Color hot = window_probe_color(w, C_SURFACE_HOT), plain = window_probe_color(w, C_SURFACE);
    enum button_kind kind;
    int arg;
    switch (t->phase) {
    case 0: {
        SDL_Point c = centre(r0);
        window_probe_move(w, c.x, c.y);
        t->phase = 1;
        return true;
    }
    case 1:
        assert_true(near(button_fill(w, r0), hot, 0));
        assert_true(window_probe_focus(w, &kind, &arg));
        assert_int_equal(kind, BTN_CHOICE);
        assert_int_equal(arg, 0);
        window_probe_key(w, SDLK_DOWN, 0);
        t->phase = 2;
        return true;
    case 2:
        /* The keyboard moved on: the ring on the second, no hover left on the first. */
        assert_true(window_probe_focus(w, &kind, &arg));
        assert_int_equal(arg, 1);
        assert_true(near(button_fill(w, r0), plain, 0));
        assert_ring_whole(w, BTN_CHOICE, 1);
        {
            SDL_Point c = centre(r0);
            window_probe_move(w, c.x, c.y + 1);
        }
        t->phase = 3;
        return true;
    case 3: {
        /* The pointer again: its option has the focus, and no ring stays on the other. */
        assert_true(window_probe_focus(w, &kind, &arg));
        assert_int_equal(arg, 0);
        assert_true(near(button_fill(w, r0), hot, 0));
        int u = window_probe_unit(w);
        int th = u / 7 > 3 ? u / 7 : 3;
        SDL_Rect under = {r1.x + r1.w / 4, r1.y + r1.h + th + th / 2, r1.w / 2, 1};
        assert_int_equal(count_color(w, under, window_probe_color(w, C_FOCUS), 0), 0);
        window_probe_key(w, SDLK_RETURN, 0); /* Enter takes the hovered option */
        t->phase = 4;
        return true;
    }
    }
    return false;
}

static void test_hover_and_focus_agree(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT_OF(room_sizes); i++) {
        room_setup(room_sizes[i], 100);
        struct play_options po;
        options(&po, "po", 3);
        struct hover_drive t = {0};
        struct window_hooks h = {&t, hover_hook};
        window_run(&po, source_path("scenarios/tutorial"), &h);
        assert_int_equal(t.phase, 4);
        room_cleanup();
    }
}

/* A click beside an open panel closes it, as Esc does (the settings go
 * back to the menu, the menu to the game); a click inside it does not. */
struct beside_drive {
    int idles;
    int phase;
};

static void click_beside_panel(struct window *w)
{
    SDL_Rect r;
    assert_true(window_probe_panel(w, &r));
    assert_true(r.x > 4);
    window_probe_click(w, r.x / 2, r.y + r.h / 2);
}

static bool beside_hook(void *ctx, struct window *w)
{
    struct beside_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    SDL_Rect r;
    switch (t->phase) {
    case 0:
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 1;
        return true;
    case 1: /* inside the panel, on its title: stays open */
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        assert_true(window_probe_panel(w, &r));
        window_probe_click(w, r.x + 2, r.y + 2);
        t->phase = 2;
        return true;
    case 2:
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        click_beside_panel(w);
        t->phase = 3;
        return true;
    case 3:
        assert_int_equal(window_probe_overlay(w), OVERLAY_NONE);
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 4;
        return true;
    case 4:
        click_button(w, BTN_MENU, MENU_SETTINGS);
        t->phase = 5;
        return true;
    case 5:
        assert_int_equal(window_probe_overlay(w), OVERLAY_SETTINGS);
        click_beside_panel(w);
        t->phase = 6;
        return true;
    case 6:
        assert_int_equal(window_probe_overlay(w), OVERLAY_MENU);
        t->phase = 7;
        return false;
    }
    return false;
}

static void test_click_beside_panel_closes_it(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, "po", 1);
    struct beside_drive t = {0};
    struct window_hooks h = {&t, beside_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h);
    assert_int_equal(t.phase, 7);
}

/* A save slot names the scene the run resumes at, not the one decided. */
struct slot_drive {
    int idles;
    int phase;
    char first[128], second[128];
};

static bool slot_hook(void *ctx, struct window *w)
{
    struct slot_drive *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    struct session *s = window_probe_session(w);
    switch (t->phase) {
    case 0:
        str_copy(t->first, sizeof t->first, game_scene(s->g)->title);
        window_probe_key(w, SDLK_1, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        t->phase = 1;
        return true;
    case 1:
        assert_int_equal(window_probe_screen(w), SCREEN_PLAY);
        str_copy(t->second, sizeof t->second, game_scene(s->g)->title);
        assert_string_not_equal(t->first, t->second);
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 2;
        return true;
    case 2:
        if (click_or_scroll(w, BTN_MENU, MENU_SAVE))
            t->phase = 3;
        return true;
    case 3:
        assert_int_equal(window_probe_overlay(w), OVERLAY_SAVE);
        click_button(w, BTN_SLOT, 3);
        t->phase = 4;
        return true;
    case 4:
        window_probe_key(w, SDLK_ESCAPE, 0);
        t->phase = 5;
        return true;
    case 5:
        if (click_or_scroll(w, BTN_MENU, MENU_LOAD))
            t->phase = 6;
        return true;
    case 6:
        assert_int_equal(window_probe_overlay(w), OVERLAY_LOAD);
        assert_string_equal(window_probe_slot_scene(w, 3), t->second);
        t->phase = 7;
        return false;
    }
    return false;
}

static void test_save_slot_names_the_scene_resumed(void **state)
{
    (void)state;
    env_setup(NULL);
    char saves[4200];
    snprintf(saves, sizeof saves, "%s/scaleup/saves", getenv("XDG_DATA_HOME"));
    rm_rf(saves);
    struct play_options po;
    options(&po, "po", 3);
    struct slot_drive t = {0};
    struct window_hooks h = {&t, slot_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h);
    assert_int_equal(t.phase, 7);
    rm_rf(saves);
}

/* Every open option of every scene can be reached with the keyboard and
 * then shows whole above the footer, its text a padding away from the
 * button's right border (never running to it). */
struct reach_drive {
    int idles;
    int decisions;
    int checked;  /* options checked */
    int next;     /* the open option to reach next */
    bool armed;   /* the keyboard's focus shows on this scene */
    int max_decisions;
};

static void assert_option_in_room(struct window *w, int index)
{
    int W, H;
    window_probe_size(w, &W, &H);
    if (!window_probe_button_whole(w, BTN_CHOICE, index))
        fail_msg("%dx%d: option %d is not shown whole once focused", W, H, index + 1);
    SDL_Rect r, footer;
    assert_true(window_probe_button(w, BTN_CHOICE, index, &r, NULL));
    assert_true(window_probe_footer(w, &footer));
    if (r.y + r.h > footer.y)
        fail_msg("%dx%d: option %d is under the footer", W, H, index + 1);
    /* Its right padding: no text there. */
    int u = window_probe_unit(w);
    SDL_Rect right = {r.x + r.w - u * 6 / 10 * 3 / 4, r.y + 3, u * 6 / 10 * 3 / 4 - 3, r.h - 6};
    int text = count_color(w, right, window_probe_color(w, C_TEXT), 40);
    if (text)
        fail_msg("%dx%d: option %d's text runs into its right padding (%d px)", W, H, index + 1, text);
}

static bool reach_hook(void *ctx, struct window *w)
{
    struct reach_drive *t = ctx;
    if (++t->idles > 40 * GUARD)
        fail_msg("stuck");
    enum win_screen sc = window_probe_screen(w);
    if (sc == SCREEN_OUTCOME) {
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    }
    if (sc != SCREEN_PLAY || t->decisions >= t->max_decisions)
        return false;
    struct session *s = window_probe_session(w);
    const struct menu *m = game_menu(s->g);
    /* The numbered (open) options come first, the locked ones after. */
    if (t->next >= m->nopen) {
        t->next = 0;
        t->armed = false;
        t->decisions++;
        window_probe_key(w, SDLK_1, 0);
        return true;
    }
    int open_index = t->next;
    if (open_index == 0 && !t->armed) {
        /* The first option has the focus without the keyboard's ring; down
         * and up bring it in sight as a player's arrows would. */
        window_probe_key(w, SDLK_DOWN, 0);
        window_probe_key(w, SDLK_UP, 0);
        t->armed = true;
        return true;
    }
    if (!focus_on(w, BTN_CHOICE, open_index))
        return true;
    assert_option_in_room(w, open_index);
    t->checked++;
    t->next++;
    return reach_hook(ctx, w); /* the next option now: nothing to wait for */
}

static int reach_run(const char *size, int text, const char *scenario, const char *role, int decisions)
{
    room_setup(size, text);
    struct play_options po;
    options(&po, role, 2);
    struct reach_drive t = {0};
    t.max_decisions = decisions;
    struct window_hooks h = {&t, reach_hook};
    char path[4200];
    snprintf(path, sizeof path, "scenarios/%s", scenario);
    window_run(&po, source_path(path), &h);
    room_cleanup();
    /* The scenes to an ending (or to decisions): at least five, each with
     * its options checked. */
    if (t.decisions < 5 || t.checked < t.decisions)
        fail_msg("%s at %s: %d decisions, %d options checked", scenario, size, t.decisions, t.checked);
    return t.checked;
}

static void test_every_option_reachable(void **state)
{
    (void)state;
    /* A laptop's screen: the longest scenes of every bundled scenario. */
    static const char *const bundled[][2] = {
        {"tutorial", "po"}, {"seed-to-scale-workshop", "pm"}, {"the-offer", "po"}, {"tug-of-war", "po"},
    };
    for (size_t k = 0; k < COUNT_OF(bundled); k++)
        assert_true(reach_run("1280x720", 100, bundled[k][0], bundled[k][1], 30) > 5);
    /* A projector and a 4K screen, with larger text. */
    for (size_t i = 0; i < COUNT_OF(room_sizes); i++)
        for (size_t k = 1; k < COUNT_OF(room_texts); k++)
            assert_true(reach_run(room_sizes[i], room_texts[k], "tutorial", "po", 10) > 5);
}

/* ------------------------------------------------------------ speed */

struct bench_drive {
    int idles;
    int phase;
    double cold[2], warm[2];
    unsigned long misses_after_warm;
};

static bool bench_hook(void *ctx, struct window *w)
{
    struct bench_drive *b = ctx;
    if (++b->idles > GUARD)
        fail_msg("stuck");
    static const int sz[2][2] = {{1920, 1080}, {3840, 2160}};
    if (b->phase < 2) {
        window_probe_resize(w, sz[b->phase][0], sz[b->phase][1]);
        b->cold[b->phase] = window_probe_draw_time(w, true);
        int entries;
        unsigned long hits, misses0, misses1;
        window_probe_cache(w, &entries, &hits, &misses0);
        double best = 1e9;
        for (int i = 0; i < 20; i++) {
            double t = window_probe_draw_time(w, false);
            if (t < best)
                best = t;
        }
        window_probe_cache(w, &entries, &hits, &misses1);
        assert_int_equal(misses1, misses0); /* a cached redraw rasterises nothing */
        assert_true(entries > 10);
        b->warm[b->phase] = best;
        b->phase++;
        return true;
    }
    return false;
}

/* A redraw at 1080p and 4K takes its text from the cache (bench_hook
 * asserts that nothing is rasterised again). The times are printed for a
 * person to read; the budgets are the benchmark's (docs/performance.md),
 * never a timed test's. */
static void test_redraw_uses_the_text_cache(void **state)
{
    (void)state;
    env_setup(NULL);
    struct play_options po;
    options(&po, "po", 1);
    struct bench_drive b = {0};
    struct window_hooks h = {&b, bench_hook};
    window_run(&po, source_path("scenarios/tutorial"), &h);
    printf("window draw (software renderer): 1920x1080 cold %.1f ms, cached %.2f ms; "
           "3840x2160 cold %.1f ms, cached %.2f ms\n",
           b.cold[0] * 1000, b.warm[0] * 1000, b.cold[1] * 1000, b.warm[1] * 1000);
    assert_int_equal(b.phase, 2);
}

/* The first frame is the whole title screen: the wordmark, the name field
 * and every bundled scenario's card, drawn (its time is the benchmark's:
 * tools/bench/measure.js, "window: first frame"). */
struct first_drive {
    int idles;
    double first;
    int cards;
};

static bool first_hook(void *ctx, struct window *w)
{
    struct first_drive *f = ctx;
    f->idles++;
    f->first = window_probe_first_frame(w);
    assert_int_equal(window_probe_screen(w), SCREEN_TITLE);
    assert_int_equal(window_probe_overlay(w), OVERLAY_NONE);
    int W, H;
    window_probe_size(w, &W, &H);
    SDL_Color text = window_probe_color(w, C_TEXT);
    /* The wordmark, in the text colour, in the top band. */
    assert_true(count_color(w, (SDL_Rect){0, 0, W, H / 8}, text, 24) > 400);
    SDL_Rect r;
    assert_true(window_probe_button(w, BTN_NAME, 0, &r, NULL));
    for (int i = 0; window_probe_scenario_id(w, i); i++) {
        assert_true(window_probe_button_whole(w, BTN_SCENARIO, i));
        assert_true(window_probe_button(w, BTN_SCENARIO, i, &r, NULL));
        /* The card's fill, its title in the text colour, its number in the accent. */
        assert_true(count_color(w, r, window_probe_color(w, C_SURFACE), 0) > r.w * r.h / 2);
        assert_true(count_color(w, r, text, 24) > 200);
        assert_true(count_color(w, r, window_probe_color(w, C_ACCENT), 24) > 50);
        f->cards++;
    }
    return false;
}

static void test_first_frame(void **state)
{
    (void)state;
    env_setup("1920x1080");
    char path[4200];
    snprintf(path, sizeof path, "%s/scaleup/saves/autosave.json", getenv("XDG_DATA_HOME"));
    unlink(path);
    struct play_options po;
    options(&po, NULL, 1);
    struct first_drive f = {0};
    struct window_hooks h = {&f, first_hook};
    window_run(&po, NULL, &h);
    assert_int_equal(f.idles, 1);
    assert_true(f.first > 0);
    assert_int_equal(f.cards, 5);
}


/* ------------------------------------------------------------ a tour, in pictures */

/* Every screen and overlay, saved as PNG: to $SCALEUP_TOUR_DIR when set (to
 * look at them), else to a temporary folder. With SCALEUP_TOUR_ALL set, at
 * three sizes in each theme. */
struct tour {
    int idles;
    char dir[4096];
    const char *tag;
    int phase;
    int saved;
};

/* A PNG's size, from its IHDR chunk; false when it is not a PNG. */
static bool png_size(const char *path, int *width, int *height)
{
    unsigned char head[24];
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (n != sizeof head || memcmp(head, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(head + 12, "IHDR", 4) != 0)
        return false;
    *width = head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19];
    *height = head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23];
    return true;
}

/* Each picture shows its screen whole: nothing drawn out of place (past
 * the screen, or the stats past their card), and the file is a PNG of the
 * window's size. */
static void shot(struct window *w, struct tour *t, const char *name)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s-%s.png", t->dir, t->tag, name);
    SDL_Rect bad = {0, 0, 0, 0};
    int spill = window_probe_spill(w, &bad);
    if (spill)
        fail_msg("%s: %d item(s) drawn out of place, the first at %d,%d %dx%d", name, spill, bad.x, bad.y,
                 bad.w, bad.h);
    if (window_probe_overlay(w) == OVERLAY_NONE)
        assert_pill_covers_no_text(w);
    assert_true(window_probe_save_png(w, path));
    int W, H, pw = 0, ph = 0;
    window_probe_size(w, &W, &H);
    assert_true(png_size(path, &pw, &ph));
    assert_int_equal(pw, W);
    assert_int_equal(ph, H);
    t->saved++;
}

/* The tour: the title, the role, play, the menu, the settings, the keys,
 * an outcome, a locked choice, the history, a timed decision, the save
 * slots and the debrief, a picture of each.
 * Long: a script of one step an idle, each a few keys and a shot, read top
 * to bottom in the pictures' order; cut into functions the order would be
 * scattered, so it stays one switch. */
static bool tour_hook(void *ctx, struct window *w)
{
    struct tour *t = ctx;
    if (++t->idles > GUARD)
        fail_msg("stuck in phase %d", t->phase);
    enum win_screen sc = window_probe_screen(w);
    enum win_overlay ov = window_probe_overlay(w);
    struct session *s = window_probe_session(w);
    const char *scene = s && s->g ? game_scene(s->g)->id : "";
    int p = t->phase++;
    switch (p) {
    case 0:
        assert_int_equal(sc, SCREEN_TITLE);
        window_probe_text(w, "Team Blue");
        return true;
    case 1:
        shot(w, t, "01-title");
        window_probe_key(w, SDLK_RETURN, 0);
        window_probe_key(w, SDLK_1 + find_title(w, "tutorial"), 0);
        return true;
    case 2:
        assert_int_equal(sc, SCREEN_ROLE);
        window_probe_key(w, SDLK_DOWN, 0);
        return true;
    case 3:
        assert_int_equal(sc, SCREEN_ROLE);
        shot(w, t, "02-role");
        window_probe_key(w, SDLK_1, 0);
        return true;
    case 4:
        assert_int_equal(sc, SCREEN_PLAY);
        window_probe_key(w, SDLK_DOWN, 0);
        return true;
    case 5:
        assert_int_equal(sc, SCREEN_PLAY);
        assert_int_equal(ov, OVERLAY_NONE);
        shot(w, t, "03-play");
        window_probe_key(w, SDLK_ESCAPE, 0);
        return true;
    case 6:
        assert_int_equal(ov, OVERLAY_MENU);
        if (!click_or_scroll(w, BTN_MENU, MENU_SETTINGS))
            t->phase--; /* large text: the menu scrolls */
        else
            shot(w, t, "04-menu");
        return true;
    case 7:
        assert_int_equal(ov, OVERLAY_SETTINGS);
        shot(w, t, "05-settings");
        click_button(w, BTN_SETTING, SET_TEXT_SIZE);
        return true;
    case 8:
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_F1, 0);
        return true;
    case 9:
        assert_int_equal(ov, OVERLAY_HELP);
        shot(w, t, "06-keys");
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_MINUS, KMOD_LCTRL);
        window_probe_key(w, SDLK_1, 0);
        return true;
    case 10:
        assert_int_equal(sc, SCREEN_OUTCOME);
        shot(w, t, "07-outcome");
        window_probe_key(w, SDLK_RETURN, 0);
        window_probe_key(w, SDLK_1, 0); /* shown numbers, seed 3: the path 1,2,1,1,1,1,1 */
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    case 11:
        assert_string_equal(scene, "backlog");
        shot(w, t, "08-locked");
        window_probe_key(w, SDLK_h, 0);
        return true;
    case 12:
        assert_int_equal(ov, OVERLAY_HISTORY);
        shot(w, t, "09-history");
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_2, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        window_probe_key(w, SDLK_1, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    case 13:
        assert_string_equal(scene, "launch_day");
        window_probe_advance(w, 17);
        window_probe_move(w, 10, 10);
        return true;
    case 14: {
        SDL_Rect cd;
        assert_true(window_probe_countdown(w, &cd));
        assert_in_range(window_probe_timer_left(w), 42, 43); /* 60 s, 17 s later */
        shot(w, t, "10-timed");
        window_probe_key(w, SDLK_ESCAPE, 0);
        return true;
    }
    case 15:
        if (!click_or_scroll(w, BTN_MENU, MENU_SAVE))
            t->phase--;
        return true;
    case 16:
        assert_int_equal(ov, OVERLAY_SAVE);
        shot(w, t, "11-save");
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_ESCAPE, 0);
        window_probe_key(w, SDLK_1, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        window_probe_key(w, SDLK_3, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        window_probe_key(w, SDLK_1, 0);
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    case 17:
        assert_int_equal(sc, SCREEN_DEBRIEF);
        shot(w, t, "12-debrief");
        window_probe_key(w, SDLK_PAGEDOWN, 0);
        window_probe_key(w, SDLK_UP, 0); /* a page down, less a few lines: the chart's heading shows */
        return true;
    case 18:
        assert_int_equal(sc, SCREEN_DEBRIEF);
        shot(w, t, "13-debrief-review");
        window_probe_key(w, SDLK_RETURN, 0);
        return true;
    default:
        return false;
    }
}

static void tour_once(const char *dir, const char *size, int theme, int text)
{
    env_setup(size);
    char path[4200];
    assert_true(settings_path(path, sizeof path));
    struct settings st;
    settings_default(&st);
    st.theme = theme;
    st.text_size = text;
    char why[256];
    assert_true(settings_save(path, &st, false, why, sizeof why));
    struct play_options po;
    options(&po, NULL, 3);
    struct tour t = {0};
    str_copy(t.dir, sizeof t.dir, dir);
    char tag[64];
    snprintf(tag, sizeof tag, "%s-%d-%s", size, text, theme_name((enum win_theme)theme));
    t.tag = tag;
    struct window_hooks h = {&t, tour_hook};
    window_run(&po, NULL, &h);
    assert_int_equal(t.saved, 13);
    unlink(path);
}

static void test_tour(void **state)
{
    (void)state;
    const char *env = getenv("SCALEUP_TOUR_DIR");
    char *tmp = env ? NULL : make_temp_dir();
    const char *dir = env ? env : tmp;
    if (getenv("SCALEUP_TOUR_ALL")) {
        /* The sizes a facilitator meets, at the text sizes a room needs. */
        static const char *const sizes_[] = {"1280x720", "1920x1080", "3840x2160"};
        static const int texts[] = {100, 150, 200};
        const char *only = getenv("SCALEUP_TOUR_THEME");
        int one = only ? theme_from_name(only) : -1;
        for (size_t i = 0; i < COUNT_OF(sizes_); i++)
            for (size_t k = 0; k < COUNT_OF(texts); k++)
                for (int th = 0; th < THEME_COUNT; th++)
                    if (one < 0 || th == one)
                        tour_once(dir, sizes_[i], th, texts[k]);
    } else {
        /* A laptop, and a projector with larger text. */
        tour_once(dir, "1280x720", THEME_DARK, 100);
        tour_once(dir, "1920x1080", THEME_LIGHT, 150);
    }
    if (tmp) {
        rm_rf(tmp);
        free(tmp);
    }
}

int main(void)
{
    tmp_root = make_temp_dir();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keyboard_to_debrief),
        cmocka_unit_test(test_mouse_to_debrief),
        cmocka_unit_test(test_duet_secret_picks),
        cmocka_unit_test(test_duet_timer_gives_the_partner_the_whole_time),
        cmocka_unit_test(test_duet_from_title),
        cmocka_unit_test(test_timer_runs_out),
        cmocka_unit_test(test_undo_keeps_the_clock),
        cmocka_unit_test(test_menu_save_load_undo_restart),
        cmocka_unit_test(test_menu_keeps_the_run_as_a_test),
        cmocka_unit_test(test_exam_hides_feedback_and_points),
        cmocka_unit_test(test_cjk_uses_the_fallback_font),
        cmocka_unit_test(test_kiosk),
        cmocka_unit_test(test_settings_persist),
        cmocka_unit_test(test_settings_corrupt),
        cmocka_unit_test(test_reflow_sizes),
        cmocka_unit_test(test_autosave_and_continue),
        cmocka_unit_test(test_theme_contrast),
        cmocka_unit_test(test_large_text_layout),
        cmocka_unit_test(test_presenter_mode),
        cmocka_unit_test(test_default_renderer),
        cmocka_unit_test(test_role_screen_keys),
        cmocka_unit_test(test_error_screen_and_watch),
        cmocka_unit_test(test_redraw_uses_the_text_cache),
        cmocka_unit_test(test_first_frame),
        cmocka_unit_test(test_title_shows_every_scenario),
        cmocka_unit_test(test_overlays_cover_the_scroll_bar_and_rings_stay_whole),
        cmocka_unit_test(test_hover_and_focus_agree),
        cmocka_unit_test(test_save_slot_names_the_scene_resumed),
        cmocka_unit_test(test_click_beside_panel_closes_it),
        cmocka_unit_test(test_every_option_reachable),
        cmocka_unit_test(test_tour),
    };
    /* SCALEUP_TEST_ONLY=test_tour (a glob): one test, to look at its pictures. */
    if (getenv("SCALEUP_TEST_ONLY"))
        cmocka_set_test_filter(getenv("SCALEUP_TEST_ONLY"));
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    rm_rf(tmp_root);
    free(tmp_root);
    return failed;
}
