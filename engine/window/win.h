/*
 * win.h: the window front-end's insides, shared by its files.
 *
 * The design, in short:
 *
 *  - Screens are a small state machine (enum win_screen) with an overlay on
 *    top (the Esc menu, the history). Each front-end callback of the session
 *    sets the screen and runs the event loop (win_loop) until the player has
 *    decided; the title and role screens run the same loop before a session.
 *
 *  - Event-driven: the loop sleeps in SDL_WaitEvent. It wakes on a timeout
 *    only while something moves on its own: a countdown, a banner that will
 *    hide, a watched file's change. It draws only when something changed.
 *
 *  - Layout once per change, draw many: a screen's layout (screens.c) builds
 *    a display list of rectangles and single-line text runs in pixels, and the
 *    buttons to hit-test. Drawing (draw.c) walks the list; hover, focus and
 *    scrolling change only how the list is drawn, not the list.
 *
 *  - Text is rasterised once: each run's texture is kept in a cache keyed by
 *    text, face (font and size and style) and colour (textcache.c).
 */
#ifndef SCALEUP_WIN_H
#define SCALEUP_WIN_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "core/debrief.h"
#include "core/session.h"
#include "core/settings.h"
#include "theme.h"
#include "window.h"
#include "window_probe.h"

/* ------------------------------------------------------------ fonts */

enum win_face {
    FACE_BODY,
    FACE_ITALIC,
    FACE_BOLD,
    FACE_SMALL,
    FACE_SMALL_BOLD,
    FACE_H2,
    FACE_H1,
    FACE_DISPLAY,
    FACE_COUNT
};

struct win_fonts {
    char regular[PATH_MAX], bold[PATH_MAX], italic[PATH_MAX];
    /* A font for the characters the main one lacks (Chinese, Japanese,
     * Korean), found by fontconfig; "" when there is none. */
    char fallback[PATH_MAX];
    int fallback_index; /* its face in a collection (.ttc) */
    bool synth_bold, synth_italic; /* no such file: let FreeType embolden or slant */
    TTF_Font *font[FACE_COUNT];
    TTF_Font *fallback_font[FACE_COUNT]; /* NULL without a fallback */
    int fallback_bold[FACE_COUNT];       /* bold faces: the fallback's runs smeared this many px */
    int px[FACE_COUNT];   /* the pixel size each face is open at */
    int skip[FACE_COUNT]; /* line height */
    int space[FACE_COUNT];
    unsigned long missing; /* characters rendered that no font has: drawn as boxes */
};

/* Finds the font files: override (--font) or fontconfig's DejaVu Sans, and
 * the fallback. False with why set when there is no main font. */
bool win_fonts_find(struct win_fonts *f, const char *override, char *why, size_t cap);
/* (Re)opens every face for a body size of unit pixels. */
bool win_fonts_open(struct win_fonts *f, int unit, int small_unit, char *why, size_t cap);
void win_fonts_close(struct win_fonts *f);
/* The size of the UTF-8 text s in a face, and s rendered (alpha, ARGB8888):
 * the characters the face's font lacks come from the fallback font, on the
 * same baseline. */
bool win_text_size(struct win_fonts *f, int face, const char *s, int *w, int *h);
SDL_Surface *win_text_render(struct win_fonts *f, int face, const char *s, SDL_Color color);

/* ------------------------------------------------------------ text cache */

struct win_text {
    SDL_Texture *tex;
    int w, h;
    bool opaque; /* blended onto its background: it paints its whole box */
};

struct text_entry;
struct win_textcache {
    struct text_entry *slots;
    int cap, count;
    uint32_t frame;
    size_t bytes; /* of texture memory, estimated */
    /* Statistics, for the benchmark and tests. */
    unsigned long hits, misses;
};

void win_textcache_init(struct win_textcache *c);
void win_textcache_free(struct win_textcache *c);
void win_textcache_clear(struct win_textcache *c);
/* Says the opaque colour a run of tw x th pixels will be drawn on, or a
 * colour with alpha 0 when it is not one colour (draw.c). */
typedef SDL_Color (*win_text_bg_fn)(void *ctx, int tw, int th);
/* The texture of text s[0..n) in face and colour; NULL for empty text or a
 * rendering failure. With bg_of, the run is drawn on the colour it says: the
 * texture is then opaque, blended onto it (bg_of NULL: an alpha texture).
 * Valid until the next call that rasterises. */
const struct win_text *win_text_get(struct window *w, const char *s, size_t n, int face,
                                    SDL_Color color, win_text_bg_fn bg_of, void *ctx);

/* ------------------------------------------------------------ display list */

enum item_kind {
    IT_RECT,  /* a filled, maybe rounded, rectangle */
    IT_TEXT,  /* one line of text, no markers */
    IT_RING,  /* the focus ring of a button, drawn only when it has the focus */
    IT_CLIP,  /* starts clipping to the scroll view of layer 'scroll' (0 ends it) */
};

struct item {
    uint8_t kind;
    uint8_t scroll;   /* 0: fixed; 1: scrolls with the base view; 2: with the overlay view */
    uint8_t color;    /* enum win_color */
    uint8_t hot;      /* colour when its button is hovered, or = color */
    uint8_t face;
    int16_t button;   /* -1, or the button whose hover picks the colour */
    int16_t radius;
    int x, y, w, h;
    uint32_t text, len; /* IT_TEXT: bytes in layout.chars */
};



struct button {
    SDL_Rect r;       /* in layout pixels; scroll-layer buttons in content coordinates */
    uint8_t kind;
    uint8_t scroll;
    uint8_t layer;    /* 0 base, 1 overlay: only the top layer takes input */
    bool disabled;
    int arg;
};

struct scroll_view {
    SDL_Rect view;
    int content_h;
    int offset;
};

struct layout {
    struct item *items;
    int nitems, capitems;
    struct button *buttons;
    int nbuttons, capbuttons;
    struct strbuf chars;
    struct scroll_view scroll[3]; /* [1] base, [2] overlay */
    uint8_t cur_scroll;           /* the layer new items and buttons go to */
    uint8_t cur_layer;
    uint8_t ring_bg;              /* the colour under new buttons' focus rings */
    int overlay_h;                /* the overlay's content height, measured by a first pass */
    /* The first item of the overlay and of the banner, or -1: each layer's
     * scroll bar is drawn before the layers above it. */
    int overlay_first, banner_first;
    /* The stats' card (beside the story or a strip under the header) and
     * its items [stats_first, stats_end); the footer's band. */
    SDL_Rect stats;
    bool stats_strip;
    int stats_first, stats_end;
    SDL_Rect footer;
    SDL_Rect chart;       /* the debrief's chart of the stats, content coordinates of layer 1 */
    /* Probes for tests: where things were put. */
    SDL_Rect bar_track[GAME_MAX_PLAYERS][LIMIT_DIMENSIONS];
    double bar_share[GAME_MAX_PLAYERS][LIMIT_DIMENSIONS];
    SDL_Rect scene_text;  /* the scene text's block, content coordinates of layer 1 */
    SDL_Rect meanwhile;   /* the outcome's "Meanwhile" changes, likewise (0 wide: none) */
    SDL_Rect countdown;   /* the countdown pill, or empty */
    SDL_Rect panel;       /* the overlay's panel, or empty */
    SDL_Rect banner;
    SDL_Rect turn;        /* a duet's whose-turn band, or empty */
    int turn_player;
    SDL_Rect reveal[GAME_MAX_PLAYERS]; /* the reveal's pick cards, content coordinates of layer 1 */
};

void layout_reset(struct layout *L);
void layout_free(struct layout *L);
struct item *layout_rect(struct layout *L, int x, int y, int w, int h, int color, int radius);
struct item *layout_text(struct layout *L, int x, int y, int face, int color, const char *s,
                         size_t n);
int layout_button(struct layout *L, int kind, int arg, int x, int y, int w, int h, bool disabled);

/* Text measures in pixels (markers ignored). */
int text_width(struct window *w, int face, const char *s, size_t n);

/* Wraps text (UTF-8 with '\n' between paragraphs and emphasis markers) to
 * width, laying it out from (x, y) in the current scroll layer. Paragraphs are
 * separated by para_gap pixels. Returns the y below the last line. With
 * measure_only, adds nothing. */
int layout_wrap(struct window *w, struct layout *L, const char *text, int x, int y, int width,
                int face, int emph_face, int color, int para_gap, bool measure_only);

/* ------------------------------------------------------------ layout kit */

/* One screen's measures, all derived from the body size (see screens.c). */
struct metrics {
    int u, W, H;
    int m;      /* outer margin */
    int gap;    /* between blocks */
    int pad;    /* inside cards and buttons */
    int rad;    /* corner radius */
    int bw;     /* border width */
    int ring;   /* room for the focus ring around a button */
    int sbw;    /* room for a scroll bar */
};

/* The pieces screens are built from (screens.c), shared with duet.c. Each
 * adds items at layout pixels and returns a width or the y below it as
 * said. */
int ui_lh(const struct window *w, int face); /* line height of a face */
int ui_line(struct window *w, int x, int y, int face, int color, const char *s); /* width */
void ui_line_right(struct window *w, int x, int y, int face, int color, const char *s);
int ui_wrap(struct window *w, const char *text, int x, int y, int width, int face, int color);
int ui_wrap_height(struct window *w, const char *text, int width, int face);
void ui_link(struct item *it, int button, int hot); /* the item's colour follows the button's hover */
void ui_card(struct window *w, const struct metrics *M, int x, int y, int width, int height,
             int button, int fill, int fill_hot);
int ui_button(struct window *w, const struct metrics *M, int kind, int arg, const char *label,
              const char *key, int x, int y, bool primary, bool disabled); /* width */
int ui_chip(struct window *w, const struct metrics *M, int x, int y, const char *text, int color,
            int fill); /* width */
int ui_change_chips(struct window *w, const struct metrics *M, const struct scenario *sc,
                    const double *score, const double *stat_delta, int x, int y, int width);
int ui_meanwhile(struct window *w, const struct metrics *M, const struct scenario *sc,
                 const double *enter_delta, int x, int y, int width);
int ui_best(struct window *w, const struct metrics *M, int i, int p, int x, int y, int width);
int ui_number_badge(struct window *w, const struct metrics *M, int number, int x, int y);
int ui_decision_heading(struct window *w, const struct metrics *M, int i, const char *after, int x, int y,
                        int width, int *lx, int *lw);
int ui_changes_feedback(struct window *w, const struct metrics *M, const double *score,
                        const double *stat_delta, const char *feedback, int x, int y, int width, int color);
void ui_scene_heading(const struct scene *sn, char *buf, size_t cap);
void ui_bar(struct window *w, int x, int y, int width, int height, double share, int fill);
int ui_header(struct window *w, const struct metrics *M, const char *kicker, int kicker_color,
              const char *title, const char *right);
int ui_footer(struct window *w, const struct metrics *M, const char *hints); /* its height */
void ui_begin_scroll(struct window *w, int layer, SDL_Rect view);
void ui_begin_column(struct window *w, const struct metrics *M, int y0, int y1, int width);
void ui_end_scroll(struct window *w, int content_h);

/* ------------------------------------------------------------ screens */

/* Where a duet's secret decision stands. The first player's pick lives only
 * in the window (secret_pick) until the second player has picked: then both
 * go to the session at once, so nothing of the first pick reaches the game,
 * its log or the history before the reveal. */
enum secret_stage {
    SECRET_NONE,     /* not a secret decision */
    SECRET_FIRST,    /* player 1 picks; the partner looks away */
    SECRET_HANDOVER, /* "pass to the partner": nothing of the pick shows */
    SECRET_SECOND,   /* the partner picks on a screen that was never touched */
};

#define WIN_SLOTS 5
#define WIN_TIMERS_KEPT 16

/* A bundled scenario on the title screen. */
struct title_entry {
    char id[LIMIT_ID_BYTES + 1];
    char path[PATH_MAX];
    char *title, *summary;
    double minutes;
    char *error; /* it did not load: the first error, one line */
};

/* A save slot as the menu shows it. */
struct slot_info {
    bool used;
    char when[32];
    int decisions;
    char scene[128];
};

struct window {
    struct play_options *po;
    const struct window_hooks *hooks;
    SDL_Window *win;
    SDL_Renderer *ren;
    int out_w, out_h;   /* renderer output in pixels */
    int win_w, win_h;   /* window in screen coordinates (mouse events) */
    int windowed_w, windowed_h; /* the window's size before full screen */
    int unit;           /* body text size in pixels */
    int small_unit;     /* the unit of the small faces (stats, hints): = unit but in presenter mode */
    struct win_fonts fonts;
    struct win_textcache cache;
    struct layout L;
    bool need_layout, need_draw;

    struct settings settings;
    char settings_path[PATH_MAX];
    bool settings_broken; /* the file could not be read: keep it until a change */
    const struct palette *pal;

    /* Screens. */
    enum win_screen screen;
    enum win_overlay overlay;
    int focus;          /* focused button of the top layer, or -1 */
    int hover;          /* hovered button, or -1 */
    int pressed;        /* the button the left mouse button went down on, or -1 */
    bool pressed_beside; /* it went down beside an open panel */
    bool kbd;           /* the focus ring shows (the keyboard was used) */
    int menu_focus_memory;
    enum confirm_what confirm;  /* what OVERLAY_CONFIRM asks about */

    /* The loop. */
    bool done;                  /* the current wait has its answer */
    struct fe_command cmd;      /* ... which is this */
    bool quit_all;              /* close the window after this run */
    bool leave_run;             /* back to the title after this run */

    /* Title and role screens. */
    struct title_entry *titles;
    int ntitles;
    int picked_title;
    char name[LIMIT_NAME_BYTES + 1];
    char partner[LIMIT_NAME_BYTES + 1]; /* the second player's, in a duet */
    int edit_field;             /* the name field being typed into: 0 name, 1 partner */
    bool name_field;            /* the role screen shows the name field */
    bool duet_mode;             /* the role screen's Solo/Duet switch is on Duet */
    bool editing;               /* a text field has the keyboard */
    bool type_to_name;          /* the role screen: a letter typed starts the name */
    char results_edit[PATH_MAX];
    const struct scenario *role_sc;  /* the scenario whose roles are shown */
    int picked_role;

    /* The session being played, while one is. */
    struct session *s;
    struct debrief debrief;
    struct diag error;
    bool error_pre_session;     /* a load error before the session began */
    struct best best[GAME_MAX_PLAYERS];
    int last_scene, last_nlog;  /* to know a new scene from a redraw */

    /* A duet's secret decision (duet.c). */
    enum secret_stage secret;
    int secret_pick;            /* the first player's pick, 1-based; 0 while none */
    int revealed_nlog;          /* decisions of the log whose picks have been revealed */
    bool reveal_only;           /* the reveal without feedback (coaching is off) */
    struct slot_info slots[WIN_SLOTS + 1];
    /* The autosave of the last unfinished run (saves_dir/autosave.json), as
     * the title screen offers it: the scenario's index in titles, or -1. */
    int autosave_title;
    int autosave_decisions;
    char autosave_who[LIMIT_NAME_BYTES + 64];
    bool continue_picked;
    char saves_dir[PATH_MAX];

    /* The countdown of a timed decision. */
    bool timing;
    double timer_start, timer_paused_at, timer_paused_total, clock_offset;
    int timer_seconds;
    int shown_remaining;
    /* How long each timed decision had run when it was left, by log length
     * and scene: undo comes back to a clock that goes on. */
    struct { int nlog, scene; double seconds; } timer_used[16];
    int ntimer_used;

    /* A notice banner. */
    char banner[1200];
    double banner_until;

    /* History, rebuilt on opening: scene titles, texts and the choices. */
    struct strbuf history;

    /* Scripted play (--choices) and screenshots. */
    int script_next;
    bool unattended;            /* --screenshot with --choices: no one is watching */
    bool script_failed;
    int shot_number;
    bool shot_pending;
    const char *shot_name;

    /* --watch */
    struct win_watch *watch;
    uint32_t watch_event;
    bool file_changed;

    /* Measures. */
    double started;
    double first_frame;         /* seconds from window_run to the first present */
    bool hud_points;            /* the last layout's HUD showed the points (coaching on) */
    double last_draw;           /* seconds the last draw took */
    SDL_Rect scroll_bar[3];     /* the last draw's scroll bars per scroll view, or empty */
    SDL_Rect more_pill[3];      /* the last draw's "More below" pills per scroll view, or empty */
};

/* screens.c: builds the layout of the current screen and overlay. */
void win_layout(struct window *w);

/* draw.c: draws the layout (and presents when present is set). */
void win_draw(struct window *w, bool present);
void fill_round(struct window *w, SDL_Rect r, int radius, SDL_Color c);

/* window.c: helpers used by the other files of the window */
bool win_presenter(const struct window *w); /* presenter mode: --presenter or the setting */
void win_resized(struct window *w);  /* the window's size changed: new type scale, new layout */
void win_relayout(struct window *w); /* lays the screen out again, keeping the focus */
/* The top of the band of page a "More below" pill stands on (draw.c's
 * scroll_marks): the view's content ends there while the pill shows. */
static inline int win_more_band_top(const struct window *w, int layer)
{
    return w->more_pill[layer].y - w->unit / 4;
}
/* A button's rect on screen (scroll applied); false when out of sight. */
bool win_button_rect(const struct window *w, int i, SDL_Rect *out);
bool win_save_png(struct window *w, const char *path, char *why, size_t cap);
const char *win_key_hints(const struct window *w);
void win_set_screen(struct window *w, enum win_screen s, bool fresh);
void win_loop(struct window *w);
void win_set_text_input(struct window *w, bool on);
double win_now(const struct window *w);
int win_timer_remaining(const struct window *w);
/* The countdown starts again from the scene's whole time (a duet's partner). */
void win_timer_restart(struct window *w);
void win_history_build(struct window *w);
/* Shortens s with an ellipsis to fit width in face (s whole when it fits). */
void ui_fit(struct window *w, int face, const char *s, int width, char *buf, size_t cap);
/* The confirmation's question, what it would lose, and its yes button. */
void win_confirm_text(const struct window *w, const char **title, char *body, size_t cap,
                      const char **yes);
void win_slots_refresh(struct window *w);
/* One line on standard error: "scaleup: error: WHAT". */
void win_err_line(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Seconds the scene's countdown has run (pauses excluded). */
double win_timer_elapsed(const struct window *w);
bool win_focusable(const struct window *w, int i); /* on the top layer, enabled */
int win_find_button(const struct window *w, int kind, int arg); /* a focusable one, or -1 */
void win_move_focus(struct window *w, int dir); /* to the next (1) or previous (-1) button */
void win_set_overlay(struct window *w, enum win_overlay o);
/* Ends the loop with a command for the session. */
void win_decide(struct window *w, enum fe_action a);
void win_apply_fullscreen(struct window *w, bool on);
void win_set_text_size(struct window *w, int percent);
void win_change_setting(struct window *w, int row, int dir); /* a settings row, one step */
void win_user_shot(struct window *w); /* F12 */
void win_notice(struct window *w, const char *msg); /* the banner, for a few seconds */
/* --choices (or an unattended --screenshot run) plays, not the player. */
bool win_scripted(const struct window *w);
/* Opens the window (after SDL's set-up): 0, or the exit code on failure. */
int win_open(struct window *w);
void win_close(struct window *w);

/* input.c: the player's input. */
void win_handle_event(struct window *w, const SDL_Event *e);
/* Ctrl+Q, the window's close button (forced: Ctrl+Alt+Q or a test's end):
 * asks first while a run is at stake, unless forced. */
void win_quit_request(struct window *w, bool forced);

/* app.c: the flow around a session. */
void win_free_titles(struct window *w);

/* duet.c: two players at one window. */
/* The player choosing now: the decider, or in a secret decision whoever's
 * turn it is. */
int duet_picker(const struct window *w);
/* The menu the play screen offers: the picker's. */
const struct menu *duet_menu(const struct window *w);
/* A decision is about to be shown (fe_decide): starts a secret decision
 * when one begins (new is set when the scene or the log changed). */
void duet_begin_decision(struct window *w, bool new_decision);
/* A choice was taken in a secret decision: the first pick goes to the
 * hand-over, the second completes the command. False when not secret. */
bool duet_pick(struct window *w, int number);
/* The partner is ready: their untouched pick screen. */
void duet_handover_done(struct window *w);
/* Back to the first player's pick (U during a secret decision). */
void duet_restart_picks(struct window *w);
/* Shows the reveal of the last secret decision when it has not been shown
 * (coaching off: no outcome screen showed it). Returns the player's answer:
 * FE_CONTINUE to go on. */
struct fe_command duet_pending_reveal(struct window *w);
/* The session (re)began: no reveal is owed for decisions already made. */
void duet_reset(struct window *w);
/* Layouts. */
int duet_turn_band(struct window *w, const struct metrics *M, int y); /* the y below it */
int duet_hud_scores(struct window *w, const struct metrics *M, int x, int y, int width);
void duet_handover_screen(struct window *w, const struct metrics *M);
void duet_outcome_screen(struct window *w, const struct metrics *M);
int duet_debrief_alignment(struct window *w, const struct metrics *M, int x, int y, int width);
int duet_debrief_decision(struct window *w, const struct metrics *M, int i, int x, int y, int width);
/* The sentence for how a secret decision was resolved. */
void duet_outcome_sentence(const struct game *g, const struct decision *d, char *buf, size_t cap);

/* watch.c: file watching for --watch. */
struct win_watch;
/* Watches the scenario at path (its files when sc is loaded, else every
 * .lua file of its folder, see core/watch.h); pushes an SDL user event of
 * type event_type when one changes. NULL when watching is not possible
 * (with why set). */
struct win_watch *win_watch_start(const char *path, const struct scenario *sc, uint32_t event_type,
                                  char *why, size_t cap);
void win_watch_stop(struct win_watch *wt);

#endif
