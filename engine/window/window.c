/*
 * window.c: the window's life: its type scale and size, the focus, the
 * screens and overlays it switches between, settings, screenshots, the
 * event loop, the history and save slots, and opening and closing it.
 * The player's input is in input.c; the flow around a session (title, role,
 * a run and its callbacks) in app.c.
 *
 * One loop (win_loop) serves every screen: it draws when something changed,
 * then sleeps in SDL_WaitEvent until input comes, or until the next moment
 * something moves by itself (the countdown's next second, a banner's end).
 * Input that decides something sets w->cmd and w->done; the callback that
 * ran the loop returns w->cmd to the session.
 */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL_image.h>

#include "core/run.h"
#include "core/text.h"
#include "win.h"

#define DEFAULT_W 1280
#define DEFAULT_H 720
#define BANNER_SECONDS 5.0

void win_err_line(const char *fmt, ...)
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

double win_timer_elapsed(const struct window *w)
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
    double left = w->timer_seconds - win_timer_elapsed(w);
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
        win_err_line("%s", why);
}

/* ------------------------------------------------------------ focus */

bool win_focusable(const struct window *w, int i)
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
        SDL_Rect view = sv->view, vis;
        if (w->more_pill[b->scroll].w > 0) /* the pill's band hides what lies under it */
            view.h = win_more_band_top(w, b->scroll) - view.y;
        if (!SDL_IntersectRect(&r, &view, &vis))
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

int win_find_button(const struct window *w, int kind, int arg)
{
    for (int i = 0; i < w->L.nbuttons; i++)
        if (w->L.buttons[i].kind == kind && w->L.buttons[i].arg == arg && win_focusable(w, i))
            return i;
    return -1;
}

static int default_focus(const struct window *w)
{
    int i = -1;
    if (w->overlay == OVERLAY_CONFIRM)
        return win_find_button(w, BTN_CONFIRM, 0);
    if (!w->overlay) {
        switch (w->screen) {
        case SCREEN_OUTCOME: i = win_find_button(w, BTN_CONTINUE, 0); break;
        case SCREEN_DEBRIEF:
            return -1; /* Enter reads on: one Enter must not close the debrief */
        case SCREEN_TITLE:
            i = w->editing ? win_find_button(w, BTN_NAME, 0) : win_find_button(w, BTN_SCENARIO, w->picked_title);
            break;
        case SCREEN_ROLE:
            i = w->editing ? win_find_button(w, BTN_NAME, w->edit_field) : win_find_button(w, BTN_ROLE, 0);
            break;
        case SCREEN_HANDOVER: i = win_find_button(w, BTN_HANDOVER, 0); break;
        default: break;
        }
    }
    if (i >= 0)
        return i;
    for (int k = 0; k < w->L.nbuttons; k++)
        if (win_focusable(w, k) && w->L.buttons[k].kind != BTN_NAME)
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
    w->focus = kind >= 0 ? win_find_button(w, kind, arg) : -1;
    if (w->focus < 0)
        w->focus = default_focus(w);
    if (w->hover >= w->L.nbuttons)
        w->hover = -1;
}

void win_move_focus(struct window *w, int dir)
{
    int n = w->L.nbuttons;
    if (n == 0)
        return;
    int i = w->focus;
    for (int k = 0; k < n; k++) {
        i = i < 0 ? (dir > 0 ? 0 : n - 1) : (i + dir + n) % n;
        if (win_focusable(w, i))
            break;
    }
    if (i >= 0 && win_focusable(w, i)) {
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

void win_set_overlay(struct window *w, enum win_overlay o)
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

void win_decide(struct window *w, enum fe_action a)
{
    w->cmd = fe_command(a);
    w->done = true;
}

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
void win_apply_fullscreen(struct window *w, bool on)
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
            /* SDL's macro makes an unsigned mask of the display's index. */
            int centred = (int)SDL_WINDOWPOS_CENTERED_DISPLAY((unsigned)(d < 0 ? 0 : d));
            SDL_SetWindowPosition(w->win, centred, centred);
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

void win_set_text_size(struct window *w, int percent)
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

void win_change_setting(struct window *w, int row, int dir)
{
    struct settings *st = &w->settings;
    switch (row) {
    case SET_TEXT_SIZE:
        win_set_text_size(w, st->text_size + dir * SETTINGS_TEXT_STEP);
        return;
    case SET_THEME:
        st->theme = (st->theme + dir + THEME_COUNT) % THEME_COUNT;
        w->pal = theme_palette((enum win_theme)st->theme);
        break;
    case SET_FULLSCREEN:
        st->fullscreen = !st->fullscreen;
        win_apply_fullscreen(w, st->fullscreen || w->po->kiosk);
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
        win_err_line("cannot save the screenshot %s: %s", path, why);
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
void win_user_shot(struct window *w)
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

/* ------------------------------------------------------------ the loop */

/* Milliseconds until something changes by itself; -1: nothing will. */
static int next_wakeup(const struct window *w)
{
    int ms = -1;
    double now = win_now(w);
    if (w->timing && w->timer_paused_at == 0 && w->screen == SCREEN_PLAY) {
        double left = w->timer_seconds - win_timer_elapsed(w);
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
        if (win_timer_elapsed(w) >= w->timer_seconds) {
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

bool win_scripted(const struct window *w)
{
    return w->po->nchoices > 0 || w->unattended;
}

/* --choices: the next decision, taken as a player would. True when it
 * answered. */
static bool script_step(struct window *w)
{
    if (!win_scripted(w) || w->overlay || w->script_failed)
        return false;
    const struct play_options *po = w->po;
    switch (w->screen) {
    case SCREEN_PLAY: {
        const struct game *g = w->s->g;
        const struct scene *sc = game_scene(g);
        if (w->script_next >= po->nchoices) {
            if (!w->unattended)
                return false; /* the player takes over */
            win_err_line("the --choices list ran out at scene '%s' (after %d decision%s), before an ending",
                     sc->id, g->nlog, g->nlog == 1 ? "" : "s");
            w->script_failed = true;
            win_decide(w, FE_QUIT);
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
            win_decide(w, FE_UNDO);
        } else if (in->kind == 't' && sc->timer) {
            win_decide(w, FE_TIMEOUT);
            w->cmd.seconds = sc->timer;
        } else if (in->kind == 'n' && in->number >= 1 && in->number <= m->nopen) {
            win_decide(w, FE_CHOOSE);
            w->cmd.number = in->number;
            w->cmd.seconds = 0;
        } else {
            char what[32];
            if (in->kind == 'n')
                str_format(what, sizeof what, "%d", in->number);
            else
                str_format(what, sizeof what, "%c", in->kind);
            win_err_line("'%s' at scene '%s' (decision %d) is not one of the choices 1 to %d", what, sc->id,
                     g->nlog + 1, m->nopen);
            w->script_failed = true;
            win_decide(w, FE_QUIT);
        }
        return true;
    }
    case SCREEN_OUTCOME:
        win_decide(w, FE_CONTINUE);
        return true;
    case SCREEN_HANDOVER:
        duet_handover_done(w);
        return true;
    case SCREEN_DEBRIEF:
    case SCREEN_ERROR:
        win_decide(w, FE_QUIT);
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
                win_quit_request(w, true);
                break;
            }
            if (w->need_layout || w->need_draw)
                continue;
        }
        int ms = next_wakeup(w);
        int got = ms < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, ms);
        if (got)
            win_handle_event(w, &e);
        while (!w->done && SDL_PollEvent(&e))
            win_handle_event(w, &e);
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

int win_open(struct window *w)
{
    char why[PATH_MAX + 256];
    if (!win_fonts_find(&w->fonts, w->po->font, why, sizeof why)) {
        win_err_line("%s", why);
        return 1;
    }
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    /* The software renderer draws into the window's own surface; without
     * this, SDL would put an OpenGL renderer under that surface too. */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (!init_video()) {
        win_err_line("no display found (is $DISPLAY set?); play in the terminal with --text");
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
        win_err_line("no display found (is $DISPLAY set?); play in the terminal with --text");
        return 1;
    }
    if (TTF_Init() != 0) {
        win_err_line("cannot start the font renderer: %s; play in the terminal with --text", TTF_GetError());
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
        win_err_line("cannot open a window (%s); play in the terminal with --text", SDL_GetError());
        return 1;
    }
    if (full)
        SDL_SetWindowFullscreen(w->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_SetWindowMinimumSize(w->win, 640, 480);
    w->ren = create_renderer(w->win);
    if (!w->ren) {
        win_err_line("cannot start a renderer (%s); play in the terminal with --text", SDL_GetError());
        return 1;
    }
    win_textcache_init(&w->cache);
    if (!update_size(w, why, sizeof why)) {
        win_err_line("%s", why);
        return 1;
    }
    SDL_StopTextInput();
    w->watch_event = SDL_RegisterEvents(1);
    if (w->watch_event == (Uint32)-1)
        w->watch_event = 0;
    return 0;
}

void win_close(struct window *w)
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
    win_free_titles(w);
}
