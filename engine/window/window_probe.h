/*
 * window_probe.h: what tests and benchmarks may see of a running window.
 *
 * Tests drive the real window (window_run with an idle hook) under SDL's
 * offscreen video driver: at each idle point they look at the screen through
 * these functions, read back pixels, and push key and mouse events. Nothing
 * here changes the game; window_probe_advance only moves the countdown's
 * clock, so a 60-second timer can be tested in no time.
 */
#ifndef SCALEUP_WINDOW_PROBE_H
#define SCALEUP_WINDOW_PROBE_H

#include <stdbool.h>

#include <SDL.h>

#include "core/debrief.h"
#include "theme.h"

struct window;
struct session;

enum win_screen {
    SCREEN_NONE,
    SCREEN_TITLE,   /* bundled scenarios and the name field */
    SCREEN_ROLE,    /* the roles of the chosen scenario */
    SCREEN_PLAY,    /* a scene and its choices */
    SCREEN_OUTCOME, /* what the last choice did */
    SCREEN_DEBRIEF,
    SCREEN_ERROR,   /* a scenario error: back or reload */
    SCREEN_HANDOVER, /* a duet's secret decision: pass the window to the partner */
};

enum win_overlay {
    OVERLAY_NONE,
    OVERLAY_MENU,     /* the Esc menu */
    OVERLAY_SAVE,     /* save slots */
    OVERLAY_LOAD,     /* load slots */
    OVERLAY_SETTINGS,
    OVERLAY_HISTORY,
    OVERLAY_HELP,     /* keys */
    OVERLAY_CONFIRM,  /* "Restart this run?": what would be lost, and the way back */
};

/* What a confirmation asks about. */
enum confirm_what {
    CONFIRM_RESTART, /* restart the run */
    CONFIRM_LEAVE,   /* leave the run for the title screen */
    CONFIRM_QUIT,    /* close ScaleUp mid-run */
    CONFIRM_FINISH,  /* close the debrief */
};

enum button_kind {
    BTN_CHOICE,    /* arg: offer index (open and locked) */
    BTN_CONTINUE,
    BTN_SCENARIO,  /* arg: index in the title list */
    BTN_NAME,      /* the name field */
    BTN_ROLE,      /* arg: role index */
    BTN_MENU,      /* arg: enum menu_item */
    BTN_SLOT,      /* arg: slot number */
    BTN_SETTING,   /* arg: enum setting_row */
    BTN_DEBRIEF,   /* arg: enum fe_action */
    BTN_ERROR,     /* arg: enum fe_action */
    BTN_BACK,      /* leaves the overlay or sub-menu */
    BTN_START,     /* the role screen: start */
    BTN_HANDOVER,  /* the partner is ready to pick */
    BTN_MODE,      /* the role screen: arg 0 solo, 1 duet */
    BTN_CONFIRM,   /* a confirmation: arg 1 do it, 0 keep playing */
    BTN_RESUME,    /* the title screen: continue the last unfinished run */
};

enum menu_item {
    MENU_RESUME,
    MENU_SAVE,
    MENU_LOAD,
    MENU_UNDO,
    MENU_RESTART,
    MENU_HISTORY,
    MENU_KEEP_TEST, /* keep the run so far as a playthrough in tests.lua */
    MENU_SETTINGS,
    MENU_HELP,
    MENU_LEAVE, /* leave the run for the title screen */
    MENU_QUIT,  /* close ScaleUp */
    MENU_COUNT
};

enum setting_row {
    SET_TEXT_SIZE,
    SET_THEME,
    SET_FULLSCREEN,
    SET_COACHING,
    SET_PRESENTER,
    SET_TIMERS,
    SET_RESULTS,
    SET_COUNT
};

enum win_screen window_probe_screen(const struct window *w);
enum win_overlay window_probe_overlay(const struct window *w);
/* The session being played, or NULL on the title and role screens. */
struct session *window_probe_session(const struct window *w);
/* The debrief on the debrief screen. */
const struct debrief *window_probe_debrief(const struct window *w);
/* The banner's text, or "" when none shows. */
const char *window_probe_banner(const struct window *w);
/* The body text size in pixels, and the renderer's size. */
int window_probe_unit(const struct window *w);
void window_probe_size(const struct window *w, int *width, int *height);
bool window_probe_editing(const struct window *w);
/* What the confirmation overlay asks about. */
enum confirm_what window_probe_confirm(const struct window *w);
/* The id of the i-th scenario on the title screen, or NULL. */
const char *window_probe_scenario_id(const struct window *w, int i);
const char *window_probe_scenario_title(const struct window *w, int i);
const char *window_probe_name(const struct window *w);

/* Where a button is drawn now, in renderer pixels, clipped to its scroll
 * view; false when there is no such button on the top layer or it is
 * scrolled out of sight. disabled may be NULL. */
bool window_probe_button(const struct window *w, enum button_kind kind, int arg, SDL_Rect *r,
                         bool *disabled);
/* Whether the button shows whole: on the top layer, not cut by its scroll
 * view's edges. */
bool window_probe_button_whole(const struct window *w, enum button_kind kind, int arg);
/* The text drawn on a button, its runs joined by single spaces, onto buf;
 * false when there is no such button or a run of its text sticks out of it
 * (a title cut at the card's edge). */
bool window_probe_button_text(struct window *w, enum button_kind kind, int arg, char *buf, size_t cap);
/* The overlay's panel; false without an overlay. */
bool window_probe_panel(const struct window *w, SDL_Rect *r);
/* A scroll view's bar as last drawn (layer 1 the screen's, 2 the
 * overlay's); false when the view did not scroll. */
bool window_probe_scroll_bar(const struct window *w, int layer, SDL_Rect *r);
/* What the save slots show of slot k: the scene it resumes at, "" when
 * empty. */
const char *window_probe_slot_scene(const struct window *w, int k);
/* The button that has the focus (kind and arg), false when none. */
bool window_probe_focus(const struct window *w, enum button_kind *kind, int *arg);
/* The debrief's bar for a dimension: its whole track in renderer pixels and
 * the share of it that should be filled. */
bool window_probe_bar(const struct window *w, int player, int dim, SDL_Rect *track, double *share);
/* The scene text's block, visible part, in renderer pixels. */
bool window_probe_scene_text(const struct window *w, SDL_Rect *r);
/* Where the outcome screen shows what changed as the next scene began
 * ("Meanwhile"), on screen; false when it shows none. */
bool window_probe_meanwhile(const struct window *w, SDL_Rect *r);
bool window_probe_countdown(const struct window *w, SDL_Rect *r);
/* The stats' card on the play and outcome screens, and whether it is the
 * strip under the header (else the panel beside the story). */
bool window_probe_stats(const struct window *w, SDL_Rect *r, bool *strip);
/* The footer's band (key hints), empty on screens without one. */
bool window_probe_footer(const struct window *w, SDL_Rect *r);
/* Items drawn out of place: fixed items reaching past the screen, the
 * stats' items past their card, scroll views past the screen. Returns how
 * many, with the first one's box in bad (may be NULL). */
int window_probe_spill(struct window *w, SDL_Rect *bad);
/* The "More below" pill of the top scroll view as last drawn; false when
 * nothing more lies below. */
bool window_probe_more_below(const struct window *w, SDL_Rect *pill);
/* The debrief's chart of the stats over the run: false when it has none;
 * else its visible part in renderer pixels (0 high when scrolled away). */
bool window_probe_chart(const struct window *w, SDL_Rect *r);
/* The renderer SDL runs ("software", "opengl", ...). */
const char *window_probe_renderer(const struct window *w);
/* A duet's whose-turn band on the play screen, and the player it names. */
bool window_probe_turn(const struct window *w, SDL_Rect *r, int *player);
/* The reveal's card of a player's pick (visible part, renderer pixels). */
bool window_probe_reveal(const struct window *w, int player, SDL_Rect *r);
/* Where a duet's secret decision stands: 0 none, 1 the first player picks,
 * 2 the hand-over, 3 the partner picks (enum secret_stage). */
int window_probe_secret(const struct window *w);
/* The history overlay's text as built when it was last opened: records of
 * kind, title and text separated by control characters. */
const char *window_probe_history(const struct window *w);
SDL_Color window_probe_color(const struct window *w, enum win_color c);

/* Draws the current frame and reads the pixels of r (ARGB8888, r.w * r.h
 * values). */
bool window_probe_pixels(struct window *w, SDL_Rect r, Uint32 *argb);

/* Saves the current frame as a PNG. */
bool window_probe_save_png(struct window *w, const char *path);

/* Input, as the player would give it (pushed on SDL's queue). Coordinates
 * are renderer pixels. */
void window_probe_key(struct window *w, SDL_Keycode key, Uint16 mod);
void window_probe_text(struct window *w, const char *utf8);
void window_probe_move(struct window *w, int x, int y);
void window_probe_click(struct window *w, int x, int y);
void window_probe_wheel(struct window *w, int x, int y, int dy);
void window_probe_resize(struct window *w, int width, int height);

/* Moves the countdown's clock forward. */
void window_probe_advance(struct window *w, double seconds);
/* The whole seconds left on the scene's countdown, as shown; -1 without one. */
int window_probe_timer_left(const struct window *w);

/* Measures one full draw of the current screen (not presented): cold empties
 * the text cache first, so every run is rasterised again. Seconds. */
double window_probe_draw_time(struct window *w, bool cold);
/* Seconds from window_run to the first frame on screen. */
double window_probe_first_frame(const struct window *w);
/* Characters rendered so far that no font had (drawn as boxes), and whether
 * a fallback font for Chinese, Japanese and Korean was found. */
unsigned long window_probe_missing_glyphs(const struct window *w);
bool window_probe_has_fallback_font(const struct window *w);
/* Whether the last layout's HUD showed the points (not with coaching off). */
bool window_probe_hud_points(const struct window *w);
/* Text cache statistics: entries, hits, misses. */
void window_probe_cache(const struct window *w, int *entries, unsigned long *hits,
                        unsigned long *misses);

#endif
