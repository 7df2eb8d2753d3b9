/*
 * window.c: the window's life: opening it, the event loop, input, the
 * session's callbacks, and the title and role screens around a session.
 *
 * One loop (win_loop) serves every screen: it draws when something changed,
 * then sleeps in SDL_WaitEvent until input comes, or until the next moment
 * something moves by itself (the countdown's next second, a banner's end).
 * Input that decides something sets w->cmd and w->done; the callback that
 * ran the loop returns w->cmd to the session.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL_image.h>

#include "core/catalog.h"
#include "core/loader.h"
#include "core/run.h"
#include "core/text.h"
#include "core/utf8.h"
#include "win.h"

#define DEFAULT_W 1280
#define DEFAULT_H 720
#define BANNER_SECONDS 5.0

static void err_line(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void err_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("scaleup: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

double win_now(const struct window *w)
{
    return clock_seconds() + w->clock_offset;
}

static double timer_elapsed(const struct window *w)
{
    double now = w->timer_paused_at > 0 ? w->timer_paused_at : win_now(w);
    return now - w->timer_start - w->timer_paused_total;
}

void win_timer_restart(struct window *w)
{
    w->timer_start = win_now(w);
    w->timer_paused_total = 0;
    w->timer_paused_at = 0;
    w->shown_remaining = w->timer_seconds;
}

int win_timer_remaining(const struct window *w)
{
    double left = w->timer_seconds - timer_elapsed(w);
    if (left < 0)
        left = 0;
    return (int)ceil(left - 1e-6);
}

/* ------------------------------------------------------------ sizes */

/* The body size: 30 px at 1080 pixels high (readable at 3 m on a
 * projector), less when the window is narrow, times the text size setting. */
static int unit_for(const struct window *w)
{
    double base = 30.0 * fmin(w->out_h / 1080.0, w->out_w / 1500.0);
    if (base < 15)
        base = 15;
    int u = (int)lround(base * w->settings.text_size / 100.0);
    return u < 10 ? 10 : u;
}

bool win_presenter(const struct window *w)
{
    return w->po->presenter || w->settings.presenter;
}

/* Presenter mode: the story and the options (the body faces and headings)
 * at 4.5% of the height at least, readable from the back of a room; the
 * small faces (stats, hints) keep their size. */
static int presenter_unit(const struct window *w, int u)
{
    int least = (int)ceil(w->out_h * 0.045);
    return u > least ? u : least;
}

static bool update_size(struct window *w, char *why, size_t cap)
{
    SDL_GetRendererOutputSize(w->ren, &w->out_w, &w->out_h);
    SDL_GetWindowSize(w->win, &w->win_w, &w->win_h);
    if (w->out_w <= 0 || w->out_h <= 0) {
        w->out_w = w->win_w;
        w->out_h = w->win_h;
    }
    w->small_unit = unit_for(w);
    w->unit = win_presenter(w) ? presenter_unit(w, w->small_unit) : w->small_unit;
    if (!win_fonts_open(&w->fonts, w->unit, w->small_unit, why, cap))
        return false;
    w->need_layout = true;
    return true;
}

void win_resized(struct window *w)
{
    char why[512];
    if (!update_size(w, why, sizeof why))
        err_line("%s", why);
}

/* ------------------------------------------------------------ focus */

static bool focusable(const struct window *w, int i)
{
    const struct button *b = &w->L.buttons[i];
    int top = w->overlay ? 1 : 0;
    return b->layer == top && !b->disabled;
}

/* A button's rect on screen (scroll applied); false when out of sight. */
bool win_button_rect(const struct window *w, int i, SDL_Rect *out)
{
    const struct button *b = &w->L.buttons[i];
    SDL_Rect r = b->r;
    if (b->scroll) {
        const struct scroll_view *sv = &w->L.scroll[b->scroll];
        r.x += sv->view.x;
        r.y += sv->view.y - sv->offset;
        SDL_Rect vis;
        if (!SDL_IntersectRect(&r, &sv->view, &vis))
            return false;
        *out = vis;
        return true;
    }
    *out = r;
    return true;
}

/* Scrolls the button's view so that the button shows whole. */
static void scroll_to(struct window *w, int i)
{
    const struct button *b = &w->L.buttons[i];
    if (!b->scroll)
        return;
    struct scroll_view *sv = &w->L.scroll[b->scroll];
    int pad = w->unit / 2;
    /* Below it, room for the "More below" pill (draw.c's scroll_marks),
     * which would otherwise cover the button and its focus ring. */
    int below = w->fonts.skip[FACE_SMALL_BOLD] + w->unit;
    if (b->r.y - pad < sv->offset)
        sv->offset = b->r.y - pad;
    else if (b->r.y + b->r.h + below > sv->offset + sv->view.h)
        sv->offset = b->r.y + b->r.h + below - sv->view.h;
    int max = sv->content_h - sv->view.h;
    if (sv->offset > max)
        sv->offset = max;
    if (sv->offset < 0)
        sv->offset = 0;
}

static int find_button(const struct window *w, int kind, int arg)
{
    for (int i = 0; i < w->L.nbuttons; i++)
        if (w->L.buttons[i].kind == kind && w->L.buttons[i].arg == arg && focusable(w, i))
            return i;
    return -1;
}

static int default_focus(const struct window *w)
{
    int i = -1;
    if (w->overlay == OVERLAY_CONFIRM)
        return find_button(w, BTN_CONFIRM, 0);
    if (!w->overlay) {
        switch (w->screen) {
        case SCREEN_OUTCOME: i = find_button(w, BTN_CONTINUE, 0); break;
        case SCREEN_DEBRIEF:
            return -1; /* Enter reads on: one Enter must not close the debrief */
        case SCREEN_TITLE:
            i = w->editing ? find_button(w, BTN_NAME, 0) : find_button(w, BTN_SCENARIO, w->picked_title);
            break;
        case SCREEN_ROLE:
            i = w->editing ? find_button(w, BTN_NAME, w->edit_field) : find_button(w, BTN_ROLE, 0);
            break;
        case SCREEN_HANDOVER: i = find_button(w, BTN_HANDOVER, 0); break;
        default: break;
        }
    }
    if (i >= 0)
        return i;
    for (int k = 0; k < w->L.nbuttons; k++)
        if (focusable(w, k) && w->L.buttons[k].kind != BTN_NAME)
            return k;
    return -1;
}

/* Lays the screen out again, keeping the focus on the same button. */
void win_relayout(struct window *w)
{
    int kind = -1, arg = 0;
    if (w->focus >= 0 && w->focus < w->L.nbuttons) {
        kind = w->L.buttons[w->focus].kind;
        arg = w->L.buttons[w->focus].arg;
    }
    win_layout(w);
    w->need_layout = false;
    w->need_draw = true;
    w->focus = kind >= 0 ? find_button(w, kind, arg) : -1;
    if (w->focus < 0)
        w->focus = default_focus(w);
    if (w->hover >= w->L.nbuttons)
        w->hover = -1;
}

static void move_focus(struct window *w, int dir)
{
    int n = w->L.nbuttons;
    if (n == 0)
        return;
    int i = w->focus;
    for (int k = 0; k < n; k++) {
        i = i < 0 ? (dir > 0 ? 0 : n - 1) : (i + dir + n) % n;
        if (focusable(w, i))
            break;
    }
    if (i >= 0 && focusable(w, i)) {
        w->focus = i;
        w->kbd = true;
        w->hover = -1; /* the keyboard moved on: no second highlight stays behind */
        scroll_to(w, i);
        w->need_draw = true;
    }
}

/* ------------------------------------------------------------ screens */

void win_set_text_input(struct window *w, bool on)
{
    w->editing = on;
    if (on || w->type_to_name)
        SDL_StartTextInput();
    else
        SDL_StopTextInput();
}

void win_set_screen(struct window *w, enum win_screen s, bool fresh)
{
    if (w->screen != s || fresh) {
        w->L.scroll[1].offset = 0;
        w->focus = -1;
        w->hover = -1;
        w->shot_pending = true;
    }
    w->screen = s;
    w->need_layout = true;
}

static void set_overlay(struct window *w, enum win_overlay o)
{
    if (w->overlay == o)
        return;
    /* The countdown stops while the game is paused. */
    if (w->timing) {
        if (o != OVERLAY_NONE && w->timer_paused_at == 0)
            w->timer_paused_at = win_now(w);
        else if (o == OVERLAY_NONE && w->timer_paused_at > 0) {
            w->timer_paused_total += win_now(w) - w->timer_paused_at;
            w->timer_paused_at = 0;
        }
    }
    if (w->editing && w->overlay == OVERLAY_SETTINGS)
        win_set_text_input(w, false);
    if (o == OVERLAY_HISTORY)
        win_history_build(w);
    if (o == OVERLAY_SAVE || o == OVERLAY_LOAD)
        win_slots_refresh(w);
    w->overlay = o;
    w->L.scroll[2].offset = o == OVERLAY_HISTORY ? 1 << 30 : 0; /* history opens at its end */
    w->focus = -1;
    w->hover = -1;
    w->need_layout = true;
    if (o != OVERLAY_NONE)
        w->shot_pending = true;
}

static void decide(struct window *w, enum fe_action a)
{
    w->cmd = fe_command(a);
    w->done = true;
}

void win_notice(struct window *w, const char *msg);
void win_notice(struct window *w, const char *msg)
{
    str_copy(w->banner, sizeof w->banner, msg);
    double secs = BANNER_SECONDS + (double)strlen(msg) / 40.0;
    w->banner_until = win_now(w) + secs;
    w->need_layout = true;
}

const char *win_key_hints(const struct window *w)
{
    if (w->overlay == OVERLAY_CONFIRM)
        return "Y: yes   N or Esc: no";
    if (w->editing && w->overlay != OVERLAY_SETTINGS && w->screen == SCREEN_ROLE)
        return "Type a name   Enter: done   Esc: menu   F1: keys";
    switch (w->screen) {
    case SCREEN_TITLE:
        return w->editing ? "Type a name   Enter: to the scenarios   Esc: menu   F11: full screen"
                          : "1–9 or ↑↓ Enter: choose a scenario   Esc: menu   F1: keys   F11: full screen";
    case SCREEN_ROLE:
        if (w->role_sc && w->role_sc->duet && w->duet_mode)
            return "1–9 or ↑↓ Enter: choose player 1's role   Tab: names, solo or duet   Esc: menu";
        if (w->name_field)
            return "1–9 or ↑↓ Enter: choose your role   Type: your name   Esc: menu   F1: keys";
        return "1–9 or ↑↓ Enter: choose your role   Esc: menu   F1: keys";
    case SCREEN_PLAY:
        if (w->secret == SECRET_FIRST)
            return "1–9 or ↑↓ Enter: pick in secret   H: history   Esc: menu   F1: keys";
        if (w->secret == SECRET_SECOND)
            return "1–9 or ↑↓ Enter: pick in secret   U: back to the first pick   Esc: menu   F1: keys";
        return "1–9 or ↑↓ Enter: choose   H: history   U: undo   Esc: menu   F1: keys";
    case SCREEN_HANDOVER:
        return "Enter or Space: ready to pick   U: back to the first pick   Esc: menu   F1: keys";
    case SCREEN_OUTCOME:
        return "Enter or Space: continue   H: history   U: undo   Esc: menu   F1: keys";
    case SCREEN_DEBRIEF:
        return "Enter or ↓: read on   Tab: the buttons   Esc: menu   F12: screenshot";
    case SCREEN_ERROR:
        return "Enter: go back   R: reload   Esc: menu";
    default:
        return "";
    }
}

/* ------------------------------------------------------------ settings */

/* Full screen the desktop's way. Without a window manager (a kiosk on a
 * bare X server) nothing resizes the window for it: SDL would lay out for
 * the whole screen while the window kept its size, cropping the picture.
 * So the window is first moved and sized to the display itself, and sized
 * back when full screen ends. */
static void apply_fullscreen(struct window *w, bool on)
{
    int d = SDL_GetWindowDisplayIndex(w->win);
    SDL_Rect b;
    if (on) {
        if (!(SDL_GetWindowFlags(w->win) & SDL_WINDOW_FULLSCREEN))
            SDL_GetWindowSize(w->win, &w->windowed_w, &w->windowed_h);
        if (SDL_GetDisplayBounds(d < 0 ? 0 : d, &b) == 0) {
            SDL_SetWindowPosition(w->win, b.x, b.y);
            SDL_SetWindowSize(w->win, b.w, b.h);
        }
        SDL_SetWindowFullscreen(w->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    } else {
        SDL_SetWindowFullscreen(w->win, 0);
        SDL_SetWindowBordered(w->win, SDL_TRUE);
        if (w->windowed_w > 0 && w->windowed_h > 0) {
            SDL_SetWindowSize(w->win, w->windowed_w, w->windowed_h);
            SDL_SetWindowPosition(w->win, SDL_WINDOWPOS_CENTERED_DISPLAY(d < 0 ? 0 : d),
                                  SDL_WINDOWPOS_CENTERED_DISPLAY(d < 0 ? 0 : d));
        }
    }
    win_resized(w);
}

static void save_settings(struct window *w)
{
    if (!w->settings_path[0])
        return;
    char why[PATH_MAX + 256];
    bool broken = w->settings_broken;
    if (!settings_save(w->settings_path, &w->settings, broken, why, sizeof why)) {
        char msg[PATH_MAX + 400];
        str_format(msg, sizeof msg, "Settings not saved: %s", why);
        win_notice(w, msg);
        return;
    }
    if (broken) {
        w->settings_broken = false;
        char msg[PATH_MAX + 200];
        str_format(msg, sizeof msg, "Settings saved. The unreadable file was kept as %s.bad.",
                   w->settings_path);
        win_notice(w, msg);
    }
}

static void set_text_size(struct window *w, int percent)
{
    if (percent < SETTINGS_TEXT_MIN)
        percent = SETTINGS_TEXT_MIN;
    if (percent > SETTINGS_TEXT_MAX)
        percent = SETTINGS_TEXT_MAX;
    if (percent == w->settings.text_size)
        return;
    w->settings.text_size = percent;
    save_settings(w);
    win_resized(w);
    char msg[80];
    str_format(msg, sizeof msg, "Text size %d%%   Ctrl+0: 100%%", percent);
    win_notice(w, msg);
}

static void change_setting(struct window *w, int row, int dir)
{
    struct settings *st = &w->settings;
    switch (row) {
    case SET_TEXT_SIZE:
        set_text_size(w, st->text_size + dir * SETTINGS_TEXT_STEP);
        return;
    case SET_THEME:
        st->theme = (st->theme + dir + THEME_COUNT) % THEME_COUNT;
        w->pal = theme_palette((enum win_theme)st->theme);
        break;
    case SET_FULLSCREEN:
        st->fullscreen = !st->fullscreen;
        apply_fullscreen(w, st->fullscreen || w->po->kiosk);
        break;
    case SET_PRESENTER:
        st->presenter = !st->presenter;
        save_settings(w);
        win_resized(w);
        win_notice(w, st->presenter || w->po->presenter ? "Presenter mode: story and options enlarged"
                                                        : "Presenter mode off");
        return;
    case SET_TIMERS:
        /* On, slow, off (WCAG 2.2.1); the result file of the next run says so. */
        st->timers = (st->timers + dir + 3) % 3;
        break;
    case SET_COACHING:
        st->coaching = !st->coaching;
        if (w->s)
            w->s->opt.coaching = st->coaching && w->po->session.coaching;
        break;
    case SET_RESULTS:
        if (!w->editing) {
            str_copy(w->results_edit, sizeof w->results_edit, st->results_dir);
            win_set_text_input(w, true);
            w->need_layout = true;
            return;
        }
        str_copy(st->results_dir, sizeof st->results_dir, w->results_edit);
        win_set_text_input(w, false);
        break;
    default:
        return;
    }
    save_settings(w);
    w->need_layout = true;
}

/* ------------------------------------------------------------ screenshots */

bool win_save_png(struct window *w, const char *path, char *why, size_t cap)
{
    win_draw(w, false);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w->out_w, w->out_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surf) {
        str_copy(why, cap, SDL_GetError());
        return false;
    }
    bool ok = SDL_RenderReadPixels(w->ren, NULL, SDL_PIXELFORMAT_ARGB8888, surf->pixels, surf->pitch) == 0;
    if (ok)
        ok = IMG_SavePNG(surf, path) == 0;
    if (!ok)
        str_copy(why, cap, SDL_GetError());
    SDL_FreeSurface(surf);
    return ok;
}

static const char *screen_name(const struct window *w)
{
    switch (w->overlay) {
    case OVERLAY_MENU: return "menu";
    case OVERLAY_SAVE: return "save";
    case OVERLAY_LOAD: return "load";
    case OVERLAY_SETTINGS: return "settings";
    case OVERLAY_HISTORY: return "history";
    case OVERLAY_HELP: return "keys";
    case OVERLAY_CONFIRM: return "confirm";
    default: break;
    }
    switch (w->screen) {
    case SCREEN_TITLE: return "title";
    case SCREEN_ROLE: return "role";
    case SCREEN_PLAY: return "play";
    case SCREEN_OUTCOME: return "outcome";
    case SCREEN_DEBRIEF: return "debrief";
    case SCREEN_ERROR: return "error";
    case SCREEN_HANDOVER: return "handover";
    default: return "screen";
    }
}

/* --screenshot DIR: a PNG of each new screen, numbered in order. */
static void auto_shot(struct window *w)
{
    w->shot_pending = false;
    if (!w->po->screenshot)
        return;
    mkdir(w->po->screenshot, 0755);
    char path[PATH_MAX + 64], why[512];
    w->shot_number++;
    str_format(path, sizeof path, "%s/%02d-%s.png", w->po->screenshot, w->shot_number, screen_name(w));
    if (!win_save_png(w, path, why, sizeof why))
        err_line("cannot save the screenshot %s: %s", path, why);
}

/* The desktop's pictures folder (xdg-user-dir PICTURES); false when there
 * is none, or it is only the home folder (what xdg-user-dir says when the
 * folder is not configured). */
static bool pictures_dir(char *dir, size_t cap)
{
    FILE *p = popen("xdg-user-dir PICTURES 2>/dev/null", "r");
    if (!p)
        return false;
    char line[PATH_MAX];
    bool got = fgets(line, sizeof line, p) != NULL;
    pclose(p);
    if (!got)
        return false;
    line[strcspn(line, "\n")] = '\0';
    const char *home = getenv("HOME");
    struct stat st;
    if (!line[0] || (home && strcmp(line, home) == 0) || stat(line, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    str_copy(dir, cap, line);
    return true;
}

/* F12: a screenshot of what shows now, to the pictures folder, else the
 * data folder's screenshots (never the current folder). */
static void user_shot(struct window *w)
{
    char dir[PATH_MAX];
    struct stat st;
    if (w->po->screenshot)
        str_copy(dir, sizeof dir, w->po->screenshot);
    else if (!pictures_dir(dir, sizeof dir))
        user_data_dir(dir, sizeof dir, "screenshots");
    make_parents(dir);
    mkdir(dir, 0755);
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char path[PATH_MAX + 64], why[512], msg[PATH_MAX + 600];
    for (int k = 1; k < 100; k++) {
        str_format(path, sizeof path, "%s/scaleup-%s%s%.0d.png", dir, stamp, k > 1 ? "-" : "", k > 1 ? k : 0);
        if (stat(path, &st) != 0)
            break;
    }
    if (win_save_png(w, path, why, sizeof why))
        str_format(msg, sizeof msg, "Screenshot saved: %s", path);
    else
        str_format(msg, sizeof msg, "Screenshot not saved: %s", why);
    win_notice(w, msg);
}

/* ------------------------------------------------------------ input */

static void activate(struct window *w, int i);

static void leave_overlay(struct window *w)
{
    switch (w->overlay) {
    case OVERLAY_SAVE:
    case OVERLAY_LOAD:
    case OVERLAY_SETTINGS:
    case OVERLAY_HELP:
    case OVERLAY_HISTORY:
        set_overlay(w, w->menu_focus_memory ? OVERLAY_MENU : OVERLAY_NONE);
        break;
    default:
        set_overlay(w, OVERLAY_NONE);
        break;
    }
}

/* A run with decisions in it would be lost by restarting, leaving or
 * quitting: those ask first. */
static bool run_at_stake(const struct window *w)
{
    return w->s && (w->s->g->nlog > 0 || w->screen == SCREEN_DEBRIEF);
}

static void ask(struct window *w, enum confirm_what what)
{
    w->confirm = what;
    w->menu_focus_memory = 0;
    set_overlay(w, OVERLAY_CONFIRM);
}

void win_confirm_text(const struct window *w, const char **title, char *body, size_t cap,
                      const char **yes)
{
    bool debrief = w->screen == SCREEN_DEBRIEF;
    const char *kept = w->s && w->s->results_path[0] ? "Its result is saved in the results folder."
                       : debrief ? "Nothing of this debrief is kept: take a screenshot (F12) first if you need it."
                                 : "Its decisions are kept: Continue on the title screen resumes it.";
    switch (w->confirm) {
    case CONFIRM_RESTART:
        *title = debrief ? "Play this scenario again?" : "Restart this run?";
        str_format(body, cap, "%s %s",
                   debrief ? "The debrief closes and a new run begins."
                           : "Every decision so far is undone and the run begins again.",
                   debrief ? kept : "");
        *yes = debrief ? "Play again" : "Restart";
        break;
    case CONFIRM_LEAVE:
        *title = "Leave this run?";
        str_format(body, cap, "Back to the title screen. %s", kept);
        *yes = "Leave";
        break;
    case CONFIRM_QUIT:
        *title = "Quit ScaleUp?";
        str_format(body, cap, "The window closes. %s", kept);
        *yes = "Quit";
        break;
    case CONFIRM_FINISH:
    default:
        *title = "Close the debrief?";
        str_format(body, cap, "%s", kept);
        *yes = w->po->kiosk ? "Next team" : "Finish";
        break;
    }
}

static void confirmed(struct window *w)
{
    enum confirm_what what = w->confirm;
    set_overlay(w, OVERLAY_NONE);
    switch (what) {
    case CONFIRM_RESTART:
        decide(w, FE_RESTART);
        break;
    case CONFIRM_LEAVE:
        w->leave_run = true;
        decide(w, FE_QUIT);
        break;
    case CONFIRM_QUIT:
        w->quit_all = true;
        win_set_text_input(w, false);
        decide(w, FE_QUIT);
        break;
    case CONFIRM_FINISH:
        decide(w, FE_QUIT);
        break;
    }
}

static void menu_action(struct window *w, int item)
{
    w->menu_focus_memory = 1;
    switch (item) {
    case MENU_RESUME: set_overlay(w, OVERLAY_NONE); break;
    case MENU_SAVE: set_overlay(w, OVERLAY_SAVE); break;
    case MENU_LOAD: set_overlay(w, OVERLAY_LOAD); break;
    case MENU_UNDO:
        set_overlay(w, OVERLAY_NONE);
        if (w->s && w->s->g->nlog > 0)
            decide(w, FE_UNDO);
        break;
    case MENU_RESTART:
        if (run_at_stake(w)) {
            ask(w, CONFIRM_RESTART);
            break;
        }
        set_overlay(w, OVERLAY_NONE);
        decide(w, FE_RESTART);
        break;
    case MENU_HISTORY: set_overlay(w, OVERLAY_HISTORY); break;
    case MENU_KEEP_TEST:
        set_overlay(w, OVERLAY_NONE);
        if (w->s && w->s->g->nlog > 0) {
            char message[PATH_MAX + 1200];
            session_keep_as_test(w->s, message, sizeof message);
            win_notice(w, message);
        }
        break;
    case MENU_SETTINGS: set_overlay(w, OVERLAY_SETTINGS); break;
    case MENU_HELP: set_overlay(w, OVERLAY_HELP); break;
    case MENU_LEAVE:
        if (run_at_stake(w)) {
            ask(w, CONFIRM_LEAVE);
            break;
        }
        set_overlay(w, OVERLAY_NONE);
        w->leave_run = true;
        decide(w, FE_QUIT);
        break;
    case MENU_QUIT:
        if (w->po->kiosk)
            break;
        if (run_at_stake(w)) {
            ask(w, CONFIRM_QUIT);
            break;
        }
        set_overlay(w, OVERLAY_NONE);
        w->quit_all = true;
        decide(w, FE_QUIT);
        break;
    default: break;
    }
}

static void activate(struct window *w, int i)
{
    if (i < 0 || i >= w->L.nbuttons || !focusable(w, i))
        return;
    const struct button *b = &w->L.buttons[i];
    int arg = b->arg;
    switch (b->kind) {
    case BTN_CHOICE:
        if (w->s && arg < duet_menu(w)->nopen) {
            if (duet_pick(w, arg + 1))
                break;
            w->cmd = fe_command(FE_CHOOSE);
            w->cmd.number = arg + 1;
            w->done = true;
        }
        break;
    case BTN_CONTINUE: decide(w, FE_CONTINUE); break;
    case BTN_RESUME:
        w->continue_picked = true;
        w->picked_title = w->autosave_title;
        win_set_text_input(w, false);
        w->done = true;
        break;
    case BTN_SCENARIO:
        w->picked_title = arg;
        win_set_text_input(w, false);
        w->done = true;
        break;
    case BTN_NAME:
        w->edit_field = arg;
        win_set_text_input(w, true);
        w->need_layout = true;
        break;
    case BTN_HANDOVER: duet_handover_done(w); break;
    case BTN_MODE:
        w->duet_mode = arg == 1;
        /* Duet: ask for the partner's name first when there is none yet. */
        if (w->duet_mode && !w->partner[0] && !w->unattended) {
            w->edit_field = 1;
            win_set_text_input(w, true);
        } else {
            win_set_text_input(w, false);
        }
        w->need_layout = true;
        break;
    case BTN_ROLE:
        w->picked_role = arg;
        win_set_text_input(w, false);
        w->done = true;
        break;
    case BTN_MENU: menu_action(w, arg); break;
    case BTN_SLOT: {
        enum fe_action a = w->overlay == OVERLAY_SAVE ? FE_SAVE : FE_LOAD;
        set_overlay(w, OVERLAY_NONE);
        w->cmd = fe_command(a);
        w->cmd.slot = arg;
        w->done = true;
        break;
    }
    case BTN_SETTING: change_setting(w, arg, 1); break;
    case BTN_CONFIRM:
        if (arg)
            confirmed(w);
        else
            set_overlay(w, OVERLAY_NONE);
        break;
    case BTN_DEBRIEF:
        if (arg == FE_QUIT) {
            ask(w, CONFIRM_FINISH);
            break;
        }
        if (arg == FE_RESTART) {
            ask(w, CONFIRM_RESTART);
            break;
        }
        decide(w, (enum fe_action)arg);
        break;
    case BTN_ERROR:
        if (arg == FE_QUIT && w->error_pre_session && w->titles)
            w->leave_run = true;
        decide(w, (enum fe_action)arg);
        break;
    case BTN_BACK: leave_overlay(w); break;
    default: break;
    }
    w->need_draw = true;
}

static void open_menu(struct window *w)
{
    w->menu_focus_memory = 0;
    set_overlay(w, OVERLAY_MENU);
    w->menu_focus_memory = 1;
}

static void scroll_by(struct window *w, int layer, int dy)
{
    struct scroll_view *sv = &w->L.scroll[layer];
    int max = sv->content_h - sv->view.h;
    int o = sv->offset + dy;
    if (o > max)
        o = max;
    if (o < 0)
        o = 0;
    if (o != sv->offset) {
        sv->offset = o;
        w->need_draw = true;
    }
}

static int top_scroll(const struct window *w)
{
    return w->overlay ? 2 : 1;
}

/* Typing into the name field or the results folder. */
static void edit_text(struct window *w, const char *in)
{
    char *buf = w->overlay == OVERLAY_SETTINGS ? w->results_edit : w->edit_field ? w->partner : w->name;
    size_t cap = w->overlay == OVERLAY_SETTINGS ? sizeof w->results_edit : LIMIT_NAME_BYTES + 1;
    size_t len = strlen(buf), add = strlen(in);
    size_t bad;
    if (!utf8_valid(in, add, &bad))
        return;
    if (len + add + 1 > cap) {
        char msg[160];
        if (w->overlay == OVERLAY_SETTINGS)
            str_copy(msg, sizeof msg, "That folder's path is as long as it can be.");
        else
            str_format(msg, sizeof msg, "A name holds at most %d bytes (about %d letters): this one is full.",
                       LIMIT_NAME_BYTES, LIMIT_NAME_BYTES);
        win_notice(w, msg);
        return;
    }
    memcpy(buf + len, in, add + 1);
    w->need_layout = true;
}

static void edit_backspace(struct window *w)
{
    char *buf = w->overlay == OVERLAY_SETTINGS ? w->results_edit : w->edit_field ? w->partner : w->name;
    size_t len = strlen(buf);
    while (len > 0) {
        len--;
        if (((unsigned char)buf[len] & 0xC0) != 0x80)
            break;
    }
    buf[len] = '\0';
    w->need_layout = true;
}

static void toggle_fullscreen(struct window *w)
{
    if (w->po->kiosk)
        return;
    Uint32 flags = SDL_GetWindowFlags(w->win);
    bool on = !(flags & SDL_WINDOW_FULLSCREEN);
    apply_fullscreen(w, on);
}

static void quit_request(struct window *w, bool forced)
{
    if (w->po->kiosk && !forced)
        return;
    if (!forced && run_at_stake(w)) {
        win_set_text_input(w, false);
        ask(w, CONFIRM_QUIT);
        return;
    }
    w->quit_all = true;
    win_set_text_input(w, false);
    decide(w, FE_QUIT);
}

static void handle_key(struct window *w, const SDL_KeyboardEvent *k)
{
    SDL_Keycode key = k->keysym.sym;
    Uint16 mod = k->keysym.mod;
    bool ctrl = mod & KMOD_CTRL, alt = mod & KMOD_ALT;
    if (ctrl && alt && key == SDLK_q) {
        quit_request(w, true);
        return;
    }
    if (ctrl && key == SDLK_q) {
        quit_request(w, false);
        return;
    }
    if (key == SDLK_F11) {
        toggle_fullscreen(w);
        return;
    }
    if (key == SDLK_F12) {
        user_shot(w);
        return;
    }
    if (ctrl && (key == SDLK_PLUS || key == SDLK_EQUALS || key == SDLK_KP_PLUS)) {
        set_text_size(w, w->settings.text_size + SETTINGS_TEXT_STEP);
        return;
    }
    if (ctrl && (key == SDLK_MINUS || key == SDLK_KP_MINUS)) {
        set_text_size(w, w->settings.text_size - SETTINGS_TEXT_STEP);
        return;
    }
    if (ctrl && (key == SDLK_0 || key == SDLK_KP_0)) {
        set_text_size(w, 100);
        return;
    }
    if (w->editing) {
        switch (key) {
        case SDLK_BACKSPACE: edit_backspace(w); return;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            if (w->overlay == OVERLAY_SETTINGS) {
                change_setting(w, SET_RESULTS, 1);
                return;
            }
            win_set_text_input(w, false);
            w->need_layout = true;
            move_focus(w, 1);
            return;
        case SDLK_TAB:
        case SDLK_DOWN:
            if (w->overlay == OVERLAY_SETTINGS)
                return;
            win_set_text_input(w, false);
            w->need_layout = true;
            move_focus(w, 1);
            return;
        case SDLK_ESCAPE:
            /* Leaves the field and, outside the settings, opens the menu:
             * Esc does what the footer says at once. */
            win_set_text_input(w, false);
            w->need_layout = true;
            if (!w->overlay)
                open_menu(w);
            return;
        case SDLK_F1:
            win_set_text_input(w, false);
            w->menu_focus_memory = 0;
            set_overlay(w, OVERLAY_HELP);
            return;
        default: return; /* letters arrive as SDL_TEXTINPUT */
        }
    }
    int top = top_scroll(w);
    int page = w->L.scroll[top].view.h * 8 / 10;
    switch (key) {
    case SDLK_ESCAPE:
        if (w->overlay)
            leave_overlay(w);
        else
            open_menu(w);
        return;
    case SDLK_F1:
        w->menu_focus_memory = 0;
        set_overlay(w, w->overlay == OVERLAY_HELP ? OVERLAY_NONE : OVERLAY_HELP);
        return;
    case SDLK_UP:
    case SDLK_LEFT:
    case SDLK_DOWN:
    case SDLK_RIGHT:
        if ((key == SDLK_UP || key == SDLK_DOWN) && w->focus < 0 && w->screen == SCREEN_DEBRIEF &&
            !w->overlay) {
            scroll_by(w, top, (key == SDLK_DOWN ? 3 : -3) * w->unit);
            return;
        }
        if (key == SDLK_DOWN || key == SDLK_RIGHT)
            goto forward;
        if (key == SDLK_LEFT && w->overlay == OVERLAY_SETTINGS && w->focus >= 0 &&
            w->L.buttons[w->focus].kind == BTN_SETTING) {
            change_setting(w, w->L.buttons[w->focus].arg, -1);
            return;
        }
        move_focus(w, -1);
        return;
    forward:
        if (key == SDLK_RIGHT && w->overlay == OVERLAY_SETTINGS && w->focus >= 0 &&
            w->L.buttons[w->focus].kind == BTN_SETTING && w->L.buttons[w->focus].arg != SET_RESULTS) {
            change_setting(w, w->L.buttons[w->focus].arg, 1);
            return;
        }
        move_focus(w, 1);
        return;
    case SDLK_TAB:
        move_focus(w, (mod & KMOD_SHIFT) ? -1 : 1);
        return;
    case SDLK_PAGEUP: scroll_by(w, top, -page); return;
    case SDLK_PAGEDOWN: scroll_by(w, top, page); return;
    case SDLK_HOME: scroll_by(w, top, -(1 << 29)); return;
    case SDLK_END: scroll_by(w, top, 1 << 29); return;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (w->focus < 0 && w->screen == SCREEN_DEBRIEF && !w->overlay) {
            scroll_by(w, top, page); /* reads on; Tab reaches the buttons */
            return;
        }
        if (!w->kbd && w->screen == SCREEN_PLAY && !w->overlay) {
            /* The first Enter shows where the focus is rather than choosing blind. */
            w->kbd = true;
            w->need_draw = true;
            return;
        }
        activate(w, w->focus);
        return;
    default: break;
    }
    if (w->overlay == OVERLAY_CONFIRM && (key == SDLK_y || key == SDLK_n)) {
        if (key == SDLK_y)
            confirmed(w);
        else
            set_overlay(w, OVERLAY_NONE);
        return;
    }
    if (w->overlay == OVERLAY_HISTORY && key == SDLK_h) {
        leave_overlay(w);
        return;
    }
    if (w->overlay)
        return;
    bool in_run = w->s && (w->screen == SCREEN_PLAY || w->screen == SCREEN_OUTCOME ||
                           w->screen == SCREEN_DEBRIEF || w->screen == SCREEN_HANDOVER);
    if (key == SDLK_u && in_run && (w->secret == SECRET_HANDOVER || w->secret == SECRET_SECOND)) {
        /* Mid-way through secret picks, U takes back the first pick, not
         * the decision before. */
        duet_restart_picks(w);
        return;
    }
    if (key == SDLK_h && in_run) {
        w->menu_focus_memory = 0;
        set_overlay(w, OVERLAY_HISTORY);
        return;
    }
    if (key == SDLK_u && in_run && w->s->g->nlog > 0) {
        decide(w, FE_UNDO);
        return;
    }
    if (key == SDLK_r && w->screen == SCREEN_ERROR) {
        decide(w, FE_RELOAD);
        return;
    }
    int digit = -1;
    if (key >= SDLK_1 && key <= SDLK_9)
        digit = (int)(key - SDLK_1);
    else if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
        digit = (int)(key - SDLK_KP_1);
    if (digit >= 0) {
        int kind = w->screen == SCREEN_PLAY ? BTN_CHOICE : w->screen == SCREEN_ROLE ? BTN_ROLE
                 : w->screen == SCREEN_TITLE ? BTN_SCENARIO : -1;
        int i = kind >= 0 ? find_button(w, kind, digit) : -1;
        if (i >= 0)
            activate(w, i);
    }
}

/* Mouse coordinates are in window units; the layout is in output pixels. */
static void to_pixels(const struct window *w, int x, int y, int *px, int *py)
{
    *px = w->win_w > 0 ? x * w->out_w / w->win_w : x;
    *py = w->win_h > 0 ? y * w->out_h / w->win_h : y;
}

static int hit(const struct window *w, int px, int py)
{
    SDL_Point p = {px, py};
    for (int i = w->L.nbuttons - 1; i >= 0; i--) {
        SDL_Rect r;
        if (focusable(w, i) && win_button_rect(w, i, &r) && SDL_PointInRect(&p, &r))
            return i;
    }
    return -1;
}

static int pressed = -1;

static void handle_mouse(struct window *w, const SDL_Event *e)
{
    int px, py;
    switch (e->type) {
    case SDL_MOUSEMOTION: {
        to_pixels(w, e->motion.x, e->motion.y, &px, &py);
        int h = hit(w, px, py);
        if (h != w->hover) {
            /* One place at a time: the pointer takes the focus with it, so
             * the hovered option is the one Enter takes. */
            w->hover = h;
            if (h >= 0 && !(w->editing && w->L.buttons[h].kind == BTN_NAME)) {
                w->focus = h;
                w->kbd = false;
            }
            w->need_draw = true;
        }
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        to_pixels(w, e->button.x, e->button.y, &px, &py);
        pressed = hit(w, px, py);
        break;
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        to_pixels(w, e->button.x, e->button.y, &px, &py);
        int h = hit(w, px, py);
        if (h >= 0 && h == pressed) {
            w->focus = h;
            w->kbd = false;
            if (w->editing && w->L.buttons[h].kind != BTN_NAME && w->overlay != OVERLAY_SETTINGS)
                win_set_text_input(w, false);
            activate(w, h);
        } else if (h < 0 && w->overlay && w->overlay != OVERLAY_HISTORY) {
            /* A click beside a panel closes it, as Esc does. */
        }
        pressed = -1;
        break;
    }
    case SDL_MOUSEWHEEL: {
        int top = top_scroll(w);
        int dy = -e->wheel.y * w->unit * 3;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED)
            dy = -dy;
        if (dy < 0 && !w->overlay && w->screen == SCREEN_PLAY && w->L.scroll[1].offset == 0 && w->s &&
            w->s->g->nlog > 0) {
            /* Scrolling up past the top of a scene: the history. */
            w->menu_focus_memory = 0;
            set_overlay(w, OVERLAY_HISTORY);
            break;
        }
        scroll_by(w, top, dy);
        break;
    }
    default: break;
    }
}

static void handle_event(struct window *w, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        quit_request(w, false);
        break;
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
        case SDL_WINDOWEVENT_RESIZED:
        case SDL_WINDOWEVENT_DISPLAY_CHANGED:
            win_resized(w);
            break;
        case SDL_WINDOWEVENT_EXPOSED:
            w->need_draw = true;
            break;
        case SDL_WINDOWEVENT_LEAVE:
            if (w->hover >= 0) {
                w->hover = -1;
                w->need_draw = true;
            }
            break;
        default: break;
        }
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        win_textcache_clear(&w->cache);
        w->need_draw = true;
        break;
    case SDL_KEYDOWN:
        handle_key(w, &e->key);
        break;
    case SDL_TEXTINPUT:
        if (!w->editing && w->type_to_name && !w->overlay && w->screen == SCREEN_ROLE &&
            !(e->text.text[0] >= '0' && e->text.text[0] <= '9') && e->text.text[0] != ' ') {
            /* The role screen: digits choose a role, a letter starts the name. */
            w->edit_field = w->duet_mode && w->name[0] ? 1 : 0;
            win_set_text_input(w, true);
            w->need_layout = true;
        }
        if (w->editing)
            edit_text(w, e->text.text);
        break;
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
        handle_mouse(w, e);
        break;
    default:
        if (w->watch_event && e->type == w->watch_event) {
            w->file_changed = true;
            if (w->screen == SCREEN_PLAY || w->screen == SCREEN_OUTCOME || w->screen == SCREEN_DEBRIEF ||
                w->screen == SCREEN_ERROR) {
                set_overlay(w, OVERLAY_NONE);
                decide(w, FE_RELOAD);
            }
        }
        break;
    }
}

/* ------------------------------------------------------------ the loop */

/* Milliseconds until something changes by itself; -1: nothing will. */
static int next_wakeup(const struct window *w)
{
    int ms = -1;
    double now = win_now(w);
    if (w->timing && w->timer_paused_at == 0 && w->screen == SCREEN_PLAY) {
        double left = w->timer_seconds - timer_elapsed(w);
        double frac = left - floor(left);
        int t = (int)(frac * 1000) + 5;
        if (left <= 0)
            t = 0;
        ms = t;
    }
    if (w->banner[0]) {
        int t = (int)((w->banner_until - now) * 1000) + 5;
        if (t < 0)
            t = 0;
        if (ms < 0 || t < ms)
            ms = t;
    }
    if (w->hooks && (ms < 0 || ms > 1000))
        ms = 1000;
    return ms;
}

static void check_timers(struct window *w)
{
    if (w->timing && w->screen == SCREEN_PLAY && w->timer_paused_at == 0) {
        int left = win_timer_remaining(w);
        if (left != w->shown_remaining) {
            w->shown_remaining = left;
            w->need_layout = true;
        }
        if (timer_elapsed(w) >= w->timer_seconds) {
            w->cmd = fe_command(FE_TIMEOUT);
            w->cmd.seconds = w->timer_seconds;
            w->done = true;
        }
    }
    if (w->banner[0] && win_now(w) >= w->banner_until) {
        w->banner[0] = '\0';
        w->need_layout = true;
    }
}

static bool scripted(const struct window *w)
{
    return w->po->nchoices > 0 || w->unattended;
}

/* --choices: the next decision, taken as a player would. True when it
 * answered. */
static bool script_step(struct window *w)
{
    if (!scripted(w) || w->overlay || w->script_failed)
        return false;
    const struct play_options *po = w->po;
    switch (w->screen) {
    case SCREEN_PLAY: {
        const struct game *g = w->s->g;
        const struct scene *sc = game_scene(g);
        if (w->script_next >= po->nchoices) {
            if (!w->unattended)
                return false; /* the player takes over */
            err_line("the --choices list ran out at scene '%s' (after %d decision%s), before an ending",
                     sc->id, g->nlog, g->nlog == 1 ? "" : "s");
            w->script_failed = true;
            decide(w, FE_QUIT);
            return true;
        }
        const struct term_input *in = &po->choices[w->script_next++];
        const struct menu *m = duet_menu(w);
        if (in->kind == 'n' && in->number >= 1 && in->number <= m->nopen &&
            duet_pick(w, in->number)) {
            /* A secret pick, one per entry as in the terminal: the first
             * goes on to the hand-over screen. */
            w->cmd.seconds = 0;
        } else if (in->kind == 'u') {
            decide(w, FE_UNDO);
        } else if (in->kind == 't' && sc->timer) {
            decide(w, FE_TIMEOUT);
            w->cmd.seconds = sc->timer;
        } else if (in->kind == 'n' && in->number >= 1 && in->number <= m->nopen) {
            decide(w, FE_CHOOSE);
            w->cmd.number = in->number;
            w->cmd.seconds = 0;
        } else {
            char what[32];
            if (in->kind == 'n')
                str_format(what, sizeof what, "%d", in->number);
            else
                str_format(what, sizeof what, "%c", in->kind);
            err_line("'%s' at scene '%s' (decision %d) is not one of the choices 1 to %d", what, sc->id,
                     g->nlog + 1, m->nopen);
            w->script_failed = true;
            decide(w, FE_QUIT);
        }
        return true;
    }
    case SCREEN_OUTCOME:
        decide(w, FE_CONTINUE);
        return true;
    case SCREEN_HANDOVER:
        duet_handover_done(w);
        return true;
    case SCREEN_DEBRIEF:
    case SCREEN_ERROR:
        decide(w, FE_QUIT);
        return true;
    case SCREEN_TITLE:
    case SCREEN_ROLE:
        if (!w->unattended)
            return false;
        w->done = true; /* the picks were made from the options */
        return true;
    default:
        return false;
    }
}

static void present(struct window *w)
{
    if (w->shot_pending && w->po->screenshot)
        auto_shot(w);
    w->shot_pending = false;
    win_draw(w, true);
    if (w->first_frame == 0)
        w->first_frame = clock_seconds() - w->started;
    w->need_draw = false;
}

void win_loop(struct window *w)
{
    w->done = false;
    SDL_Event e;
    while (!w->done) {
        if (w->need_layout)
            win_relayout(w);
        if (w->need_draw)
            present(w);
        check_timers(w);
        if (w->done)
            break;
        if (w->need_layout)
            continue;
        if (script_step(w)) {
            if (w->done)
                break;
            continue; /* a step within a secret decision: show its screen */
        }
        SDL_PumpEvents();
        if (w->hooks && w->hooks->idle &&
            SDL_PeepEvents(&e, 1, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 0) {
            if (!w->hooks->idle(w->hooks->ctx, w)) {
                quit_request(w, true);
                break;
            }
            if (w->need_layout || w->need_draw)
                continue;
        }
        int ms = next_wakeup(w);
        int got = ms < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, ms);
        if (got)
            handle_event(w, &e);
        while (!w->done && SDL_PollEvent(&e))
            handle_event(w, &e);
    }
}

/* ------------------------------------------------------------ history and slots */

static void history_add(struct strbuf *h, char kind, const char *title, const char *text)
{
    sb_putc(h, kind);
    sb_putc(h, '\x1f');
    for (const char *p = title; *p; p++)
        if (*p != '\x1e' && *p != '\x1f')
            sb_putc(h, *p);
    sb_putc(h, '\x1f');
    for (const char *p = text; *p; p++)
        if (*p != '\x1e' && *p != '\x1f')
            sb_putc(h, *p);
    sb_putc(h, '\x1e');
}

static void scene_heading(const struct scene *sc, char *buf, size_t cap)
{
    str_format(buf, cap, "%s%s%s", sc->phase, sc->phase[0] ? " · " : "", sc->title[0] ? sc->title : sc->id);
}

/* Every past scene of the run with its text, as it read then, and the choice
 * made: the run is replayed from its seed on a scratch game. */
void win_history_build(struct window *w)
{
    sb_clear(&w->history);
    if (!w->s)
        return;
    const struct game *g = w->s->g;
    struct game *tmp = game_new(g->sc);
    struct game_setup setup;
    memset(&setup, 0, sizeof setup);
    setup.seed = g->seed;
    setup.nplayers = g->nplayers;
    for (int p = 0; p < g->nplayers; p++) {
        setup.players[p].role = g->s.players[p].role;
        setup.players[p].name = g->s.players[p].name;
    }
    struct diag err;
    bool ok = game_start(tmp, &setup, &err);
    char head[600];
    for (int i = 0; i < g->nlog; i++) {
        const struct decision *d = &g->log[i];
        scene_heading(&g->sc->scenes[d->scene], head, sizeof head);
        history_add(&w->history, 'S', head, ok && tmp->view.scene == d->scene ? tmp->view.text.data : "");
        if (d->secret) {
            /* Both picks: a secret decision is in the log only once both
             * players have picked, and its reveal comes straight after. */
            for (int p = 0; p < g->nplayers; p++) {
                const struct game_player *pl = &g->s.players[p];
                char who[LIMIT_NAME_BYTES + 200];
                str_format(who, sizeof who, "%s · %s picked", pl->name, g->sc->roles[pl->role].name);
                history_add(&w->history, theme_role_color(pl->role) == C_ROLE1 ? '1' : '2', who,
                            g->log_text.data + d->pick[p].label);
                if (w->s->opt.coaching && g->log_text.data[d->pick[p].feedback])
                    history_add(&w->history, 'F', "", g->log_text.data + d->pick[p].feedback);
            }
            char sentence[LIMIT_NAME_BYTES + 300];
            duet_outcome_sentence(g, d, sentence, sizeof sentence);
            history_add(&w->history, 'O', "", sentence);
            if (ok) {
                int picks[GAME_MAX_PLAYERS] = {d->pick[0].number, d->pick[1].number};
                ok = game_choose_pair(tmp, picks, d->timed_out, d->seconds, &err);
            }
            continue;
        }
        const char *fb = w->s->opt.coaching ? game_feedback(g, i) : "";
        char label[1200];
        char by[LIMIT_NAME_BYTES + 16] = "";
        if (g->nplayers > 1)
            str_format(by, sizeof by, "%s: ", g->s.players[d->player].name);
        str_format(label, sizeof label, "%s%s%s", by, d->timed_out ? "Time ran out: " : "",
                   game_decision_label(g, i));
        history_add(&w->history, 'C', fb, label);
        if (ok)
            ok = d->timed_out ? game_timeout(tmp, d->seconds, &err)
                              : game_choose(tmp, d->number, false, d->seconds, &err);
    }
    if (!g->over) {
        scene_heading(game_scene(g), head, sizeof head);
        char now[700];
        str_format(now, sizeof now, "Now: %s", head);
        history_add(&w->history, 'N', now, g->view.text.data ? g->view.text.data : "");
    }
    if (g->nlog == 0 && w->history.len == 0)
        history_add(&w->history, 'N', "Nothing yet", "No decision has been made in this run.");
    game_free(tmp);
}

void win_slots_refresh(struct window *w)
{
    for (int k = 1; k <= WIN_SLOTS; k++) {
        struct slot_info *si = &w->slots[k];
        memset(si, 0, sizeof *si);
        if (!w->s || !w->saves_dir[0])
            continue;
        char path[PATH_MAX + 32];
        session_slot_path(w->s, k, path, sizeof path);
        struct run_record r;
        struct diag err;
        if (!run_read(path, &r, &err))
            continue;
        si->used = true;
        si->decisions = r.ndecisions;
        /* The scene the slot resumes at: the run replayed on a scratch
         * game (the record names only the scenes decided in). */
        struct game *tmp = game_new(w->s->sc);
        run_replay(tmp, &r, -1, &err);
        const struct scene *at = game_scene(tmp);
        str_copy(si->scene, sizeof si->scene,
                 tmp->over ? "the ending" : at->title[0] ? at->title : at->id);
        game_free(tmp);
        struct stat st;
        if (stat(path, &st) == 0) {
            struct tm tm;
            localtime_r(&st.st_mtime, &tm);
            strftime(si->when, sizeof si->when, "%d %b %H:%M", &tm);
        }
        run_record_free(&r);
    }
}

/* ------------------------------------------------------------ the session's callbacks */

static void start_watch(struct window *w, const char *folder, const struct scenario *sc)
{
    if (!w->po->watch)
        return;
    win_watch_stop(w->watch);
    w->watch = NULL;
    const char *names[LIMIT_FILES];
    int n = 0;
    if (sc)
        for (int i = 0; i < sc->nfiles && n < LIMIT_FILES; i++)
            names[n++] = sc->files[i].name;
    char why[512];
    w->watch = win_watch_start(folder, sc ? names : NULL, sc ? n : 0, w->watch_event, why, sizeof why);
    if (!w->watch) {
        char msg[700];
        str_format(msg, sizeof msg, "Cannot watch the scenario's files: %s", why);
        win_notice(w, msg);
    }
}

/* The seconds a timed decision (at log length nlog, in scene) had run when
 * it was left; 0 when it was not. */
static double timer_used(const struct window *w, int nlog, int scene)
{
    for (int i = 0; i < w->ntimer_used; i++)
        if (w->timer_used[i].nlog == nlog && w->timer_used[i].scene == scene)
            return w->timer_used[i].seconds;
    return 0;
}

static void timer_remember(struct window *w, int nlog, int scene, double seconds)
{
    int i = 0;
    while (i < w->ntimer_used && !(w->timer_used[i].nlog == nlog && w->timer_used[i].scene == scene))
        i++;
    if (i == WIN_TIMERS_KEPT) {
        memmove(w->timer_used, w->timer_used + 1, sizeof w->timer_used[0] * (WIN_TIMERS_KEPT - 1));
        i = WIN_TIMERS_KEPT - 1;
    } else if (i == w->ntimer_used) {
        w->ntimer_used++;
    }
    w->timer_used[i].nlog = nlog;
    w->timer_used[i].scene = scene;
    w->timer_used[i].seconds = seconds;
}

static void autosave_path(const struct window *w, char *buf, size_t cap)
{
    str_format(buf, cap, "%s/autosave.json", w->saves_dir);
}

/* The run so far to saves_dir/autosave.json after each decision (a bundled
 * scenario's solo or duet run), removed when the run reaches its debrief or
 * goes back to no decision: the title screen's Continue. Fails softly. */
static void autosave(struct window *w)
{
    if (!w->saves_dir[0] || !w->s || w->unattended || w->po->nchoices)
        return;
    char path[PATH_MAX + 32];
    autosave_path(w, path, sizeof path);
    struct game *g = w->s->g;
    if (g->nlog == 0 || g->over) {
        unlink(path);
        return;
    }
    char *json = run_to_json(g, &w->s->times);
    struct diag err;
    make_parents(path);
    file_write_atomic(path, json, strlen(json), &err);
    free(json);
}

static void fe_begin(void *ctx, struct session *s)
{
    struct window *w = ctx;
    w->s = s;
    /* The search runs in the background (the session started it): the HUD's
     * bars fill in once it is done (see fe_decide). */
    w->ntimer_used = 0;
    for (int p = 0; p < s->g->nplayers; p++)
        best_peek(s->sc, s->g->s.players[p].role, s->g->seed, s->g->nplayers > 1, &w->best[p]);
    w->last_scene = -1;
    w->last_nlog = -1;
    duet_reset(w);
    start_watch(w, s->sc->folder, s->sc);
    w->need_layout = true;
}

static struct fe_command fe_decide(void *ctx, struct session *s)
{
    struct window *w = ctx;
    w->s = s;
    for (int p = 0; p < s->g->nplayers; p++)
        if (!w->best[p].ready)
            best_peek(s->sc, s->g->s.players[p].role, s->g->seed, s->g->nplayers > 1, &w->best[p]);
    /* With coaching off no outcome screen showed the last secret picks:
     * the players see them before anything else. */
    struct fe_command r = duet_pending_reveal(w);
    if (r.action != FE_CONTINUE)
        return r;
    const struct game *g = s->g;
    const struct scene *sc = game_scene(g);
    /* Saving from the hand-over comes back here: that is not a new scene. */
    bool fresh = g->view.scene != w->last_scene || g->nlog != w->last_nlog ||
                 (w->screen != SCREEN_PLAY && w->screen != SCREEN_HANDOVER);
    duet_begin_decision(w, fresh);
    if (fresh) {
        w->timer_seconds = session_timer_seconds(w->s, sc); /* --timers, the settings */
        w->timing = w->timer_seconds > 0;
        w->timer_start = win_now(w);
        w->timer_paused_total = 0;
        w->timer_paused_at = 0;
        /* Back at a timed decision by undo: its clock goes on from where
         * it stood (undo must not buy a full minute), with a few seconds
         * at least to act. */
        double used = timer_used(w, g->nlog, g->view.scene);
        if (w->timing && used > 0) {
            double most = w->timer_seconds > 5 ? w->timer_seconds - 5 : 0;
            w->timer_start -= used < most ? used : most;
        }
        w->shown_remaining = win_timer_remaining(w);
        w->kbd = w->kbd && true;
    } else if (w->timing && w->timer_paused_at > 0 && !w->overlay) {
        w->timer_paused_total += win_now(w) - w->timer_paused_at;
        w->timer_paused_at = 0;
    }
    if (fresh)
        autosave(w);
    w->last_scene = g->view.scene;
    w->last_nlog = g->nlog;
    win_set_screen(w, w->secret == SECRET_HANDOVER ? SCREEN_HANDOVER : SCREEN_PLAY, fresh);
    win_loop(w);
    if (w->timing)
        timer_remember(w, g->nlog, g->view.scene, timer_elapsed(w));
    if (w->cmd.action == FE_RESTART || w->cmd.action == FE_LOAD)
        w->ntimer_used = 0;
    /* Say what a key did, as the terminal does. */
    if (w->cmd.action == FE_UNDO)
        win_notice(w, "Undone: the last choice is taken back");
    else if (w->cmd.action == FE_RESTART)
        win_notice(w, "Restarted: a new run from the first scene");
    w->timing = w->timing && !(w->cmd.action == FE_CHOOSE || w->cmd.action == FE_TIMEOUT ||
                               w->cmd.action == FE_UNDO || w->cmd.action == FE_RESTART ||
                               w->cmd.action == FE_LOAD || w->cmd.action == FE_RELOAD);
    if (w->timing && w->timer_paused_at == 0)
        w->timer_paused_at = win_now(w); /* saving: the clock waits */
    return w->cmd;
}

static struct fe_command fe_outcome(void *ctx, struct session *s)
{
    struct window *w = ctx;
    w->s = s;
    w->timing = false;
    w->revealed_nlog = s->g->nlog; /* this screen is the reveal of a secret decision */
    w->reveal_only = false;
    win_set_screen(w, SCREEN_OUTCOME, true);
    win_loop(w);
    if (w->cmd.action == FE_UNDO)
        win_notice(w, "Undone: the last choice is taken back");
    else if (w->cmd.action == FE_RESTART)
        win_notice(w, "Restarted: a new run from the first scene");
    return w->cmd;
}

static struct fe_command fe_debrief(void *ctx, struct session *s, const struct debrief *d)
{
    struct window *w = ctx;
    w->s = s;
    w->timing = false;
    struct fe_command r = duet_pending_reveal(w);
    if (r.action != FE_CONTINUE)
        return r;
    w->debrief = *d;
    autosave(w); /* over: the autosave goes */
    win_set_screen(w, SCREEN_DEBRIEF, true);
    win_loop(w);
    if (w->cmd.action == FE_CONTINUE)
        w->cmd.action = FE_QUIT;
    return w->cmd;
}

static struct fe_command fe_error(void *ctx, struct session *s, const struct diag *d)
{
    struct window *w = ctx;
    w->s = s;
    w->timing = false;
    w->error = *d;
    w->error_pre_session = false;
    struct strbuf line;
    sb_init(&line);
    diag_format(d, false, &line);
    fprintf(stderr, "%s\n", line.data);
    sb_free(&line);
    set_overlay(w, OVERLAY_NONE);
    win_set_screen(w, SCREEN_ERROR, true);
    win_loop(w);
    w->last_scene = -1;
    return w->cmd;
}

static void fe_notice(void *ctx, struct session *s, const char *message)
{
    struct window *w = ctx;
    (void)s;
    win_notice(w, message);
}

static struct frontend window_frontend(struct window *w)
{
    struct frontend fe = {
        .ctx = w,
        .begin = fe_begin,
        .decide = fe_decide,
        .outcome = fe_outcome,
        .debrief = fe_debrief,
        .error = fe_error,
        .notice = fe_notice,
    };
    return fe;
}

/* ------------------------------------------------------------ title and role */

static void load_titles(struct window *w)
{
    if (w->titles)
        return;
    char **ids = catalog_list();
    int n = 0;
    while (ids && ids[n])
        n++;
    /* The tutorial first: where a new player starts, and key 1. */
    for (int i = 1; i < n; i++)
        if (strcmp(ids[i], "tutorial") == 0) {
            char *t = ids[i];
            memmove(ids + 1, ids, sizeof *ids * (size_t)i);
            ids[0] = t;
            break;
        }
    w->titles = xcalloc((size_t)(n ? n : 1), sizeof *w->titles);
    w->ntitles = 0;
    for (int i = 0; i < n; i++) {
        struct title_entry *t = &w->titles[w->ntitles];
        char why[1024];
        str_copy(t->id, sizeof t->id, ids[i]);
        if (!catalog_resolve(ids[i], t->path, sizeof t->path, why, sizeof why))
            continue;
        struct diag_list diags;
        diag_list_init(&diags);
        struct script_limits limits;
        script_limits_default(&limits);
        struct scenario *sc = scenario_load(t->path, &limits, &diags);
        if (sc) {
            t->title = xstrdup(sc->title);
            t->summary = xstrdup(sc->summary);
            t->minutes = sc->minutes;
            scenario_free(sc);
        } else {
            struct strbuf sb;
            sb_init(&sb);
            if (diags.count)
                diag_format(&diags.items[0], false, &sb);
            t->error = sb_take(&sb);
            t->title = xstrdup(ids[i]);
        }
        diag_list_free(&diags);
        w->ntitles++;
    }
    catalog_free_list(ids);
}

static void free_titles(struct window *w)
{
    for (int i = 0; i < w->ntitles; i++) {
        free(w->titles[i].title);
        free(w->titles[i].summary);
        free(w->titles[i].error);
    }
    free(w->titles);
    w->titles = NULL;
    w->ntitles = 0;
}

/* The title screen: a scenario's path in path, or false to close. */
static bool run_title(struct window *w, char *path, size_t cap)
{
    load_titles(w);
    w->s = NULL;
    w->picked_title = 0;
    for (int i = 0; i < w->ntitles; i++)
        if (!w->titles[i].error) {
            w->picked_title = i;
            break;
        }
    /* The last unfinished run, when there is one of a bundled scenario. */
    w->autosave_title = -1;
    w->continue_picked = false;
    char apath[PATH_MAX + 32];
    autosave_path(w, apath, sizeof apath);
    struct run_record r;
    struct diag err;
    if (w->saves_dir[0] && run_read(apath, &r, &err)) {
        for (int i = 0; i < w->ntitles; i++)
            if (!r.finished && r.ndecisions > 0 && !w->titles[i].error && r.scenario_id &&
                strcmp(w->titles[i].id, r.scenario_id) == 0)
                w->autosave_title = i;
        w->autosave_decisions = r.ndecisions;
        str_format(w->autosave_who, sizeof w->autosave_who, "%s%s%s", r.players[0] ? r.players[0] : "",
                   r.nplayers > 1 ? " and " : "", r.nplayers > 1 && r.players[1] ? r.players[1] : "");
        run_record_free(&r);
    }
    set_overlay(w, OVERLAY_NONE);
    win_set_screen(w, SCREEN_TITLE, true);
    w->edit_field = 0;
    win_set_text_input(w, true);
    w->quit_all = false;
    win_loop(w);
    win_set_text_input(w, false);
    if (w->quit_all || w->picked_title < 0 || w->picked_title >= w->ntitles)
        return false;
    str_copy(path, cap, w->titles[w->picked_title].path);
    return true;
}

/* The role screen: a role index, -1 to close, -2 back to the title. */
static int run_role(struct window *w, struct scenario *sc, bool ask_name)
{
    w->role_sc = sc;
    w->picked_role = -1;
    w->name_field = ask_name;
    set_overlay(w, OVERLAY_NONE);
    win_set_screen(w, SCREEN_ROLE, true);
    w->edit_field = 0;
    /* Digits choose a role (as the footer says); typing a letter starts the
     * name, Tab or a click reaches the field too. */
    w->type_to_name = (ask_name || (sc->duet && w->duet_mode)) && !w->unattended;
    win_set_text_input(w, false);
    w->leave_run = false;
    win_loop(w);
    w->type_to_name = false;
    win_set_text_input(w, false);
    w->role_sc = NULL;
    if (w->quit_all)
        return -1;
    if (w->leave_run)
        return -2;
    return w->picked_role;
}

/* ------------------------------------------------------------ a run */

static void folder_of(const char *path, char *out, size_t cap)
{
    struct stat st;
    str_copy(out, cap, path);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return;
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = '\0';
    else
        str_copy(out, cap, ".");
}

enum run_result { RUN_DONE, RUN_TITLE, RUN_QUIT };

/* Plays one scenario from its path: opens the session (showing load errors
 * and retrying them), picks the role, plays. Sets *code. */
static enum run_result play_path(struct window *w, const char *path, bool from_title, int *code)
{
    const struct play_options *po = w->po;
    struct session_options o = po->session;
    o.scenario_path = path;
    o.coaching = po->session.coaching && w->settings.coaching;
    if (!po->timers_given)
        o.timers = (enum session_timers)w->settings.timers;
    if (!o.results_dir && w->settings.results_dir[0])
        o.results_dir = w->settings.results_dir;
    o.saves_dir = w->saves_dir[0] ? w->saves_dir : NULL;
    struct session s;
    *code = 0;
    for (;;) {
        struct diag_list diags;
        diag_list_init(&diags);
        if (session_open(&s, &o, &diags)) {
            diag_list_free(&diags);
            break;
        }
        struct strbuf sb;
        sb_init(&sb);
        for (int i = 0; i < diags.count; i++) {
            sb_clear(&sb);
            diag_format(&diags.items[i], false, &sb);
            fprintf(stderr, "%s\n", sb.data);
        }
        sb_free(&sb);
        if (diags.count)
            w->error = diags.items[0];
        else
            diag_set(&w->error, path, 0, "load", "the scenario could not be loaded");
        diag_list_free(&diags);
        *code = 1;
        if (scripted(w))
            return RUN_QUIT;
        char folder[PATH_MAX];
        folder_of(path, folder, sizeof folder);
        start_watch(w, folder, NULL);
        w->error_pre_session = true;
        w->leave_run = false;
        set_overlay(w, OVERLAY_NONE);
        win_set_screen(w, SCREEN_ERROR, true);
        win_loop(w);
        w->error_pre_session = false;
        win_watch_stop(w->watch);
        w->watch = NULL;
        if (w->cmd.action == FE_RELOAD && !w->quit_all)
            continue;
        if (w->quit_all)
            return RUN_QUIT;
        return from_title || w->leave_run ? RUN_TITLE : RUN_QUIT;
    }

    if (!po->session.resume_file) {
        int role = -1;
        if (po->role) {
            role = scenario_role(s.sc, po->role);
            if (role < 0) {
                struct strbuf roles;
                sb_init(&roles);
                for (int r = 0; r < s.sc->nroles; r++)
                    sb_printf(&roles, "%s%s (%s)", r ? ", " : "", s.sc->roles[r].id, s.sc->roles[r].name);
                err_line("'%s' is not a role of %s; the roles are: %s", po->role, s.sc->id, roles.data);
                sb_free(&roles);
                session_close(&s);
                *code = 2;
                return RUN_QUIT;
            }
        } else if (s.sc->nroles == 1) {
            role = 0;
        } else if (po->duet) {
            role = 0; /* as in the terminal: player 1 takes the first role */
        } else if (scripted(w)) {
            struct strbuf roles;
            sb_init(&roles);
            for (int r = 0; r < s.sc->nroles; r++)
                sb_printf(&roles, "%s%s (%s)", r ? ", " : "", s.sc->roles[r].id, s.sc->roles[r].name);
            err_line("choose a role with --role; the roles of %s are: %s", s.sc->id, roles.data);
            sb_free(&roles);
            session_close(&s);
            *code = 2;
            return RUN_QUIT;
        }
        if (po->duet && !s.sc->duet) {
            err_line("%s is not written for duets (its scenario { } has no duet = true)", s.sc->id);
            session_close(&s);
            *code = 2;
            return RUN_QUIT;
        }
        if (po->duet)
            w->duet_mode = true;
        bool ask_name = !from_title && !po->player;
        if (role < 0 || w->unattended) {
            if (w->unattended)
                w->picked_role = role;
            int r = run_role(w, s.sc, ask_name && !w->unattended);
            if (w->unattended)
                r = role;
            if (r < 0) {
                session_close(&s);
                return r == -2 ? RUN_TITLE : RUN_QUIT;
            }
            role = r;
        }
        if (w->duet_mode && s.sc->duet && s.sc->nroles == 2) {
            /* Two players share the company, one role each. */
            s.opt.setup.nplayers = 2;
            s.opt.setup.players[0].role = role;
            s.opt.setup.players[1].role = 1 - role;
            str_copy(s.names[0], sizeof s.names[0], w->name[0] ? w->name : "Player 1");
            str_copy(s.names[1], sizeof s.names[1], w->partner[0] ? w->partner : "Player 2");
        } else {
            const char *name = po->player ? po->player : w->name[0] ? w->name : "Player";
            s.opt.setup.nplayers = 1;
            s.opt.setup.players[0].role = role;
            str_copy(s.names[0], sizeof s.names[0], name);
            s.opt.setup.players[0].name = s.names[0];
        }
    }
    w->leave_run = false;
    w->script_next = 0;
    struct frontend fe = window_frontend(w);
    enum session_end end = session_play(&s, &fe);
    win_watch_stop(w->watch);
    w->watch = NULL;
    w->timing = false;
    w->s = NULL;
    session_close(&s);
    set_overlay(w, OVERLAY_NONE);
    if (w->script_failed)
        *code = 2;
    else if (end == SESSION_ERROR)
        *code = 1;
    else if (end == SESSION_QUIT)
        *code = 3; /* left before an ending, as in the terminal: 0 means one was reached */
    if (w->quit_all)
        return RUN_QUIT;
    if (scripted(w))
        return RUN_QUIT;
    if (w->leave_run || (from_title && end != SESSION_ERROR) || po->kiosk)
        return RUN_TITLE;
    return RUN_QUIT;
}

/* ------------------------------------------------------------ opening */

/* SDL_Init for video. The display libraries SDL tries print their own
 * complaints ("XDG_RUNTIME_DIR is invalid..."): the player gets ScaleUp's
 * one line instead (SCALEUP_DEBUG=1 keeps them). */
static bool init_video(void)
{
    int saved = -1;
    if (!getenv("SCALEUP_DEBUG")) {
        fflush(stderr);
        saved = dup(2);
        int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved >= 0 && devnull >= 0)
            dup2(devnull, 2);
        if (devnull >= 0)
            close(devnull);
    }
    bool ok = SDL_Init(SDL_INIT_VIDEO) == 0;
    if (saved >= 0) {
        dup2(saved, 2);
        close(saved);
    }
    return ok;
}

static void window_size(int *ww, int *wh)
{
    *ww = DEFAULT_W;
    *wh = DEFAULT_H;
    const char *env = getenv("SCALEUP_WINDOW_SIZE");
    int a, b;
    if (env && sscanf(env, "%dx%d", &a, &b) == 2 && a >= 320 && b >= 240 && a <= 8192 && b <= 8192) {
        *ww = a;
        *wh = b;
        return;
    }
    /* Two thirds of the screen (2560x1440 on a 4K screen, not a quarter
     * of it), at least 1280x720 where that fits in nine tenths of it. */
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0) {
        int tw = usable.w * 2 / 3, th = usable.h * 2 / 3;
        if (tw > *ww && th > *wh) {
            *ww = tw;
            *wh = th;
        }
        if (*ww > usable.w * 9 / 10 || *wh > usable.h * 9 / 10) {
            *ww = usable.w * 9 / 10;
            *wh = usable.h * 9 / 10;
        }
    }
}

/* Whether OpenGL here can only be Mesa's software rasterizer: no render
 * node to reach a GPU through, or software forced. */
static bool gl_is_software_only(void)
{
    const char *forced = getenv("LIBGL_ALWAYS_SOFTWARE");
    if (forced && forced[0] && strcmp(forced, "0") != 0)
        return true;
    for (int n = 128; n < 136; n++) {
        char node[64];
        str_format(node, sizeof node, "/dev/dri/renderD%d", n);
        if (access(node, R_OK | W_OK) == 0)
            return false;
    }
    return true;
}

/* The renderer for this 2D interface. SDL would pick OpenGL, which without
 * a GPU means Mesa's llvmpipe or softpipe: 55 MiB of LLVM loaded and a
 * first frame twice as slow as SDL's own software renderer, which draws
 * straight into the window. So: SDL_RENDER_DRIVER when set (the override);
 * the software renderer when OpenGL can only be a software rasterizer;
 * else SDL's accelerated choice, dropped for the software renderer if its
 * OpenGL turns out to be one after all. */
static SDL_Renderer *create_renderer(SDL_Window *win)
{
    const char *asked = getenv("SDL_RENDER_DRIVER");
    if (!(asked && asked[0]) && gl_is_software_only()) {
        SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
        if (r)
            return r;
    }
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED);
    if (r && !(asked && asked[0])) {
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(r, &info) == 0 && strncmp(info.name, "opengl", 6) == 0) {
            typedef const unsigned char *(*get_string_fn)(unsigned int);
            get_string_fn get = (get_string_fn)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
            const char *name = get ? (const char *)get(0x1F01 /* GL_RENDERER */) : NULL;
            if (name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "swrast"))) {
                SDL_DestroyRenderer(r);
                r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
            }
        }
    }
    if (!r)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    return r;
}

static int open_window(struct window *w)
{
    char why[PATH_MAX + 256];
    if (!win_fonts_find(&w->fonts, w->po->font, why, sizeof why)) {
        err_line("%s", why);
        return 1;
    }
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    /* The software renderer draws into the window's own surface; without
     * this, SDL would put an OpenGL renderer under that surface too. */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (!init_video()) {
        err_line("no display found (is $DISPLAY set?); play in the terminal with --text");
        if (getenv("SCALEUP_DEBUG"))
            fprintf(stderr, "scaleup: note: SDL: %s\n", SDL_GetError());
        return 1;
    }
    /* With no display SDL falls back to a driver that draws nowhere: the
     * player would wait before an invisible window. Only a driver asked for
     * by name (the tests ask for "offscreen") may be one of those. */
    const char *driver = SDL_GetCurrentVideoDriver();
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) &&
        !(asked && strcmp(asked, driver) == 0)) {
        SDL_Quit();
        err_line("no display found (is $DISPLAY set?); play in the terminal with --text");
        return 1;
    }
    if (TTF_Init() != 0) {
        err_line("cannot start the font renderer: %s; play in the terminal with --text", TTF_GetError());
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    int ww, wh;
    window_size(&ww, &wh);
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    bool full = w->po->fullscreen || w->po->kiosk || w->settings.fullscreen;
    w->windowed_w = ww;
    w->windowed_h = wh;
    int wx = SDL_WINDOWPOS_CENTERED, wy = SDL_WINDOWPOS_CENTERED;
    SDL_Rect b;
    if (full && SDL_GetDisplayBounds(0, &b) == 0) {
        /* Opened at the display's size: right even without a window manager. */
        wx = b.x;
        wy = b.y;
        ww = b.w;
        wh = b.h;
        flags |= SDL_WINDOW_BORDERLESS;
    }
    w->win = SDL_CreateWindow("ScaleUp", wx, wy, ww, wh, flags);
    if (!w->win) {
        err_line("cannot open a window (%s); play in the terminal with --text", SDL_GetError());
        return 1;
    }
    if (full)
        SDL_SetWindowFullscreen(w->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_SetWindowMinimumSize(w->win, 640, 480);
    w->ren = create_renderer(w->win);
    if (!w->ren) {
        err_line("cannot start a renderer (%s); play in the terminal with --text", SDL_GetError());
        return 1;
    }
    win_textcache_init(&w->cache);
    if (!update_size(w, why, sizeof why)) {
        err_line("%s", why);
        return 1;
    }
    SDL_StopTextInput();
    w->watch_event = SDL_RegisterEvents(1);
    if (w->watch_event == (Uint32)-1)
        w->watch_event = 0;
    return 0;
}

static void close_window(struct window *w)
{
    win_watch_stop(w->watch);
    w->watch = NULL;
    win_textcache_free(&w->cache);
    win_fonts_close(&w->fonts);
    layout_free(&w->L);
    if (w->ren)
        SDL_DestroyRenderer(w->ren);
    if (w->win)
        SDL_DestroyWindow(w->win);
    if (TTF_WasInit())
        TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    sb_free(&w->history);
    free_titles(w);
}

int window_run(struct play_options *po, const char *scenario_path, const struct window_hooks *hooks)
{
    struct window *w = xcalloc(1, sizeof *w);
    w->po = po;
    w->hooks = hooks;
    w->started = clock_seconds();
    w->focus = w->hover = -1;
    w->last_scene = -1;
    sb_init(&w->history);
    settings_default(&w->settings);
    if (settings_path(w->settings_path, sizeof w->settings_path)) {
        char why[1024];
        if (settings_load(w->settings_path, &w->settings, why, sizeof why) == SETTINGS_BROKEN) {
            w->settings_broken = true;
            char msg[PATH_MAX + 1200];
            str_format(msg, sizeof msg,
                       "Your settings file %s could not be read (%s); using the defaults. The file is "
                       "kept as it is until you change a setting.", w->settings_path, why);
            fprintf(stderr, "scaleup: note: %s\n", msg);
            win_notice(w, msg);
        }
    }
    w->pal = theme_palette((enum win_theme)w->settings.theme);
    if (po->player)
        str_copy(w->name, sizeof w->name, po->player);
    if (po->partner)
        str_copy(w->partner, sizeof w->partner, po->partner);
    w->duet_mode = po->duet;
    user_data_dir(w->saves_dir, sizeof w->saves_dir, "saves");
    w->unattended = po->screenshot && po->nchoices > 0 && scenario_path;
    w->autosave_title = -1; /* no Continue until run_title finds an unfinished run */

    int code = open_window(w);
    if (code == 0) {
        char path[PATH_MAX];
        bool from_title = scenario_path == NULL;
        if (scenario_path)
            str_copy(path, sizeof path, scenario_path);
        if (w->unattended) {
            /* Show the title screen too when the scenario is a bundled one. */
            load_titles(w);
            int found = -1;
            for (int i = 0; i < w->ntitles; i++)
                if (strcmp(w->titles[i].path, path) == 0)
                    found = i;
            if (found >= 0) {
                win_set_screen(w, SCREEN_TITLE, true);
                w->picked_title = found;
                win_loop(w);
            }
        }
        for (;;) {
            if (!scenario_path || (from_title && !w->unattended)) {
                if (!run_title(w, path, sizeof path))
                    break;
            }
            char resume[PATH_MAX + 32];
            const char *saved_resume = po->session.resume_file;
            if (w->continue_picked) {
                autosave_path(w, resume, sizeof resume);
                po->session.resume_file = resume;
                w->continue_picked = false;
            }
            enum run_result r = play_path(w, path, from_title, &code);
            po->session.resume_file = saved_resume;
            if (r == RUN_QUIT)
                break;
            if (po->kiosk)
                w->name[0] = w->partner[0] = '\0';
            if (r == RUN_TITLE) {
                from_title = true;
                scenario_path = NULL;
                code = 0;
            }
        }
    }
    close_window(w);
    free(w);
    return code;
}

int window_main(struct play_options *po, const char *scenario_path)
{
    return window_run(po, scenario_path, NULL);
}
