/*
 * input.c: what the player's keys, clicks and wheel do in the window: the
 * buttons' actions, the Esc menu and its confirmations, the text fields,
 * scrolling, and the events the loop (window.c's win_loop) hands over.
 *
 * Input that decides something sets w->cmd and w->done (win_decide); the
 * session's callback that ran the loop returns w->cmd to the session.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "win.h"

static void activate(struct window *w, int i);

static void leave_overlay(struct window *w)
{
    switch (w->overlay) {
    case OVERLAY_SAVE:
    case OVERLAY_LOAD:
    case OVERLAY_SETTINGS:
    case OVERLAY_HELP:
    case OVERLAY_HISTORY:
        win_set_overlay(w, w->menu_focus_memory ? OVERLAY_MENU : OVERLAY_NONE);
        break;
    default:
        win_set_overlay(w, OVERLAY_NONE);
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
    win_set_overlay(w, OVERLAY_CONFIRM);
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

/* Restarts, leaves or quits the run as what says (a confirmation's yes, or
 * the menu's item when nothing was at stake). */
static void end_run(struct window *w, enum confirm_what what)
{
    win_set_overlay(w, OVERLAY_NONE);
    switch (what) {
    case CONFIRM_RESTART:
        win_decide(w, FE_RESTART);
        break;
    case CONFIRM_LEAVE:
        w->leave_run = true;
        win_decide(w, FE_QUIT);
        break;
    case CONFIRM_QUIT:
        w->quit_all = true;
        win_set_text_input(w, false);
        win_decide(w, FE_QUIT);
        break;
    case CONFIRM_FINISH:
        win_decide(w, FE_QUIT);
        break;
    }
}

/* The menu's Restart, Leave and Quit: they ask first when a run is at stake. */
static void end_run_or_ask(struct window *w, enum confirm_what what)
{
    if (run_at_stake(w))
        ask(w, what);
    else
        end_run(w, what);
}

static void menu_action(struct window *w, int item)
{
    w->menu_focus_memory = 1;
    switch (item) {
    case MENU_RESUME: win_set_overlay(w, OVERLAY_NONE); break;
    case MENU_SAVE: win_set_overlay(w, OVERLAY_SAVE); break;
    case MENU_LOAD: win_set_overlay(w, OVERLAY_LOAD); break;
    case MENU_UNDO:
        win_set_overlay(w, OVERLAY_NONE);
        if (w->s && w->s->g->nlog > 0)
            win_decide(w, FE_UNDO);
        break;
    case MENU_RESTART: end_run_or_ask(w, CONFIRM_RESTART); break;
    case MENU_HISTORY: win_set_overlay(w, OVERLAY_HISTORY); break;
    case MENU_KEEP_TEST:
        win_set_overlay(w, OVERLAY_NONE);
        if (w->s && w->s->g->nlog > 0) {
            char message[PATH_MAX + 1200];
            session_keep_as_test(w->s, message, sizeof message);
            win_notice(w, message);
        }
        break;
    case MENU_SETTINGS: win_set_overlay(w, OVERLAY_SETTINGS); break;
    case MENU_HELP: win_set_overlay(w, OVERLAY_HELP); break;
    case MENU_LEAVE: end_run_or_ask(w, CONFIRM_LEAVE); break;
    case MENU_QUIT:
        if (!w->po->kiosk) /* a kiosk's players cannot close the window */
            end_run_or_ask(w, CONFIRM_QUIT);
        break;
    default: break;
    }
}

/* Choice index of the play screen: in a scene both players decide, the
 * first pick is only noted (duet_pick); else it is the command. */
static void choose(struct window *w, int index)
{
    if (!w->s || index >= duet_menu(w)->nopen || duet_pick(w, index + 1))
        return;
    w->cmd = fe_command(FE_CHOOSE);
    w->cmd.number = index + 1;
    w->done = true;
}

/* The title screen's last pick (resume, a scenario, a role) ends its loop,
 * with the name fields closed. */
static void title_picked(struct window *w)
{
    win_set_text_input(w, false);
    w->done = true;
}

/* Solo or duet on the title screen. */
static void pick_mode(struct window *w, bool duet)
{
    w->duet_mode = duet;
    /* Duet: ask for the partner's name first when there is none yet. */
    if (w->duet_mode && !w->partner[0] && !w->unattended) {
        w->edit_field = 1;
        win_set_text_input(w, true);
    } else {
        win_set_text_input(w, false);
    }
    w->need_layout = true;
}

/* A slot of the save or load overlay: the command for the session. */
static void pick_slot(struct window *w, int slot)
{
    enum fe_action a = w->overlay == OVERLAY_SAVE ? FE_SAVE : FE_LOAD;
    win_set_overlay(w, OVERLAY_NONE);
    w->cmd = fe_command(a);
    w->cmd.slot = slot;
    w->done = true;
}

/* The debrief's buttons: finishing and playing again ask first (what the
 * debrief shows is not kept); the others are the command. */
static void debrief_action(struct window *w, enum fe_action a)
{
    if (a == FE_QUIT)
        ask(w, CONFIRM_FINISH);
    else if (a == FE_RESTART)
        ask(w, CONFIRM_RESTART);
    else
        win_decide(w, a);
}

/* What a button does when clicked or taken with Enter: one case a kind of
 * button, the longer ones in the functions above. */
static void activate(struct window *w, int i)
{
    if (i < 0 || i >= w->L.nbuttons || !win_focusable(w, i))
        return;
    const struct button *b = &w->L.buttons[i];
    int arg = b->arg;
    switch (b->kind) {
    case BTN_CHOICE: choose(w, arg); break;
    case BTN_CONTINUE: win_decide(w, FE_CONTINUE); break;
    case BTN_RESUME:
        w->continue_picked = true;
        w->picked_title = w->autosave_title;
        title_picked(w);
        break;
    case BTN_SCENARIO:
        w->picked_title = arg;
        title_picked(w);
        break;
    case BTN_NAME:
        w->edit_field = arg;
        win_set_text_input(w, true);
        w->need_layout = true;
        break;
    case BTN_HANDOVER: duet_handover_done(w); break;
    case BTN_MODE: pick_mode(w, arg == 1); break;
    case BTN_ROLE:
        w->picked_role = arg;
        title_picked(w);
        break;
    case BTN_MENU: menu_action(w, arg); break;
    case BTN_SLOT: pick_slot(w, arg); break;
    case BTN_SETTING: win_change_setting(w, arg, 1); break;
    case BTN_CONFIRM:
        if (arg)
            end_run(w, w->confirm);
        else
            win_set_overlay(w, OVERLAY_NONE);
        break;
    case BTN_DEBRIEF: debrief_action(w, (enum fe_action)arg); break;
    case BTN_ERROR:
        if (arg == FE_QUIT && w->error_pre_session && w->titles)
            w->leave_run = true;
        win_decide(w, (enum fe_action)arg);
        break;
    case BTN_BACK: leave_overlay(w); break;
    default: break;
    }
    w->need_draw = true;
}

static void open_menu(struct window *w)
{
    w->menu_focus_memory = 0;
    win_set_overlay(w, OVERLAY_MENU);
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
    win_apply_fullscreen(w, on);
}

void win_quit_request(struct window *w, bool forced)
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
    win_decide(w, FE_QUIT);
}

/* Keys that work everywhere, even in a text field: quitting, full screen,
 * screenshots, the text size. True when the key was one of them. */
static bool global_key(struct window *w, SDL_Keycode key, Uint16 mod)
{
    bool ctrl = mod & KMOD_CTRL, alt = mod & KMOD_ALT;
    if (ctrl && alt && key == SDLK_q) {
        win_quit_request(w, true);
        return true;
    }
    if (ctrl && key == SDLK_q) {
        win_quit_request(w, false);
        return true;
    }
    if (key == SDLK_F11) {
        toggle_fullscreen(w);
        return true;
    }
    if (key == SDLK_F12) {
        win_user_shot(w);
        return true;
    }
    if (ctrl && (key == SDLK_PLUS || key == SDLK_EQUALS || key == SDLK_KP_PLUS)) {
        win_set_text_size(w, w->settings.text_size + SETTINGS_TEXT_STEP);
        return true;
    }
    if (ctrl && (key == SDLK_MINUS || key == SDLK_KP_MINUS)) {
        win_set_text_size(w, w->settings.text_size - SETTINGS_TEXT_STEP);
        return true;
    }
    if (ctrl && (key == SDLK_0 || key == SDLK_KP_0)) {
        win_set_text_size(w, 100);
        return true;
    }
    return false;
}

/* Enter, Tab or Down in a text field: the field closes and the focus
 * moves on to the next button. */
static void field_done(struct window *w)
{
    win_set_text_input(w, false);
    w->need_layout = true;
    win_move_focus(w, 1);
}

/* A key while a text field has the keyboard (letters come as text). */
static void edit_key(struct window *w, SDL_Keycode key)
{
    switch (key) {
    case SDLK_BACKSPACE: edit_backspace(w); return;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (w->overlay == OVERLAY_SETTINGS) {
            win_change_setting(w, SET_RESULTS, 1);
            return;
        }
        field_done(w);
        return;
    case SDLK_TAB:
    case SDLK_DOWN:
        if (w->overlay != OVERLAY_SETTINGS)
            field_done(w);
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
        win_set_overlay(w, OVERLAY_HELP);
        return;
    default: return; /* letters arrive as SDL_TEXTINPUT */
    }
}

/* Keys that move, scroll, leave or take what has the focus. True when the
 * key was one of them. */
static bool nav_key(struct window *w, SDL_Keycode key, Uint16 mod)
{
    int top = top_scroll(w);
    int page = w->L.scroll[top].view.h * 8 / 10;
    switch (key) {
    case SDLK_ESCAPE:
        if (w->overlay)
            leave_overlay(w);
        else
            open_menu(w);
        return true;
    case SDLK_F1:
        w->menu_focus_memory = 0;
        win_set_overlay(w, w->overlay == OVERLAY_HELP ? OVERLAY_NONE : OVERLAY_HELP);
        return true;
    case SDLK_UP:
    case SDLK_LEFT:
    case SDLK_DOWN:
    case SDLK_RIGHT:
        if ((key == SDLK_UP || key == SDLK_DOWN) && w->focus < 0 && w->screen == SCREEN_DEBRIEF &&
            !w->overlay) {
            scroll_by(w, top, (key == SDLK_DOWN ? 3 : -3) * w->unit);
            return true;
        }
        if (key == SDLK_DOWN || key == SDLK_RIGHT)
            goto forward;
        if (key == SDLK_LEFT && w->overlay == OVERLAY_SETTINGS && w->focus >= 0 &&
            w->L.buttons[w->focus].kind == BTN_SETTING) {
            win_change_setting(w, w->L.buttons[w->focus].arg, -1);
            return true;
        }
        win_move_focus(w, -1);
        return true;
    forward:
        if (key == SDLK_RIGHT && w->overlay == OVERLAY_SETTINGS && w->focus >= 0 &&
            w->L.buttons[w->focus].kind == BTN_SETTING && w->L.buttons[w->focus].arg != SET_RESULTS) {
            win_change_setting(w, w->L.buttons[w->focus].arg, 1);
            return true;
        }
        win_move_focus(w, 1);
        return true;
    case SDLK_TAB:
        win_move_focus(w, (mod & KMOD_SHIFT) ? -1 : 1);
        return true;
    case SDLK_PAGEUP: scroll_by(w, top, -page); return true;
    case SDLK_PAGEDOWN: scroll_by(w, top, page); return true;
    case SDLK_HOME: scroll_by(w, top, -(1 << 29)); return true;
    case SDLK_END: scroll_by(w, top, 1 << 29); return true;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (w->focus < 0 && w->screen == SCREEN_DEBRIEF && !w->overlay) {
            scroll_by(w, top, page); /* reads on; Tab reaches the buttons */
            return true;
        }
        if (!w->kbd && w->screen == SCREEN_PLAY && !w->overlay) {
            /* The first Enter shows where the focus is rather than choosing blind. */
            w->kbd = true;
            w->need_draw = true;
            return true;
        }
        activate(w, w->focus);
        return true;
    default: break;
    }
    return false;
}

/* The keys of a screen without an overlay (and Y, N, H in theirs): the
 * run's undo and history, reload, and the digits. */
static void screen_key(struct window *w, SDL_Keycode key)
{
    if (w->overlay == OVERLAY_CONFIRM && (key == SDLK_y || key == SDLK_n)) {
        if (key == SDLK_y)
            end_run(w, w->confirm);
        else
            win_set_overlay(w, OVERLAY_NONE);
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
        win_set_overlay(w, OVERLAY_HISTORY);
        return;
    }
    if (key == SDLK_u && in_run && w->s->g->nlog > 0) {
        win_decide(w, FE_UNDO);
        return;
    }
    if (key == SDLK_r && w->screen == SCREEN_ERROR) {
        win_decide(w, FE_RELOAD);
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
        int i = kind >= 0 ? win_find_button(w, kind, digit) : -1;
        if (i >= 0)
            activate(w, i);
    }
}

static void handle_key(struct window *w, const SDL_KeyboardEvent *k)
{
    SDL_Keycode key = k->keysym.sym;
    Uint16 mod = k->keysym.mod;
    if (global_key(w, key, mod))
        return;
    if (w->editing) {
        edit_key(w, key);
        return;
    }
    if (nav_key(w, key, mod))
        return;
    screen_key(w, key);
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
        if (win_focusable(w, i) && win_button_rect(w, i, &r) && SDL_PointInRect(&p, &r))
            return i;
    }
    return -1;
}

/* Whether (px, py) is beside the open panel (the history excepted: it
 * fills the story's place, so a click beside it is a click on the story). */
static bool beside_panel(const struct window *w, int px, int py)
{
    SDL_Point p = {px, py};
    return w->overlay && w->overlay != OVERLAY_HISTORY && !SDL_RectEmpty(&w->L.panel) &&
           !SDL_PointInRect(&p, &w->L.panel);
}

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
        w->pressed = hit(w, px, py);
        w->pressed_beside = w->pressed < 0 && beside_panel(w, px, py);
        break;
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        to_pixels(w, e->button.x, e->button.y, &px, &py);
        int h = hit(w, px, py);
        if (h >= 0 && h == w->pressed) {
            w->focus = h;
            w->kbd = false;
            if (w->editing && w->L.buttons[h].kind != BTN_NAME && w->overlay != OVERLAY_SETTINGS)
                win_set_text_input(w, false);
            activate(w, h);
        } else if (h < 0 && w->pressed_beside && beside_panel(w, px, py)) {
            /* A click beside a panel (down and up) closes it, as Esc does. */
            leave_overlay(w);
        }
        w->pressed = -1;
        w->pressed_beside = false;
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
            win_set_overlay(w, OVERLAY_HISTORY);
            break;
        }
        scroll_by(w, top, dy);
        break;
    }
    default: break;
    }
}

void win_handle_event(struct window *w, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        win_quit_request(w, false);
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
                win_set_overlay(w, OVERLAY_NONE);
                win_decide(w, FE_RELOAD);
            }
        }
        break;
    }
}
