/*
 * window_probe.c: what tests and benchmarks may see of a running window
 * (window_probe.h), kept apart from the window's own life in window.c so
 * that no screen depends on it.
 */
#include <string.h>

#include "win.h"

enum win_screen window_probe_screen(const struct window *w) { return w->screen; }
enum win_overlay window_probe_overlay(const struct window *w) { return w->overlay; }
struct session *window_probe_session(const struct window *w) { return w->s; }
const struct debrief *window_probe_debrief(const struct window *w) { return &w->debrief; }
const char *window_probe_banner(const struct window *w) { return w->banner; }
int window_probe_unit(const struct window *w) { return w->unit; }
bool window_probe_editing(const struct window *w) { return w->editing; }
enum confirm_what window_probe_confirm(const struct window *w) { return w->confirm; }
const char *window_probe_name(const struct window *w) { return w->name; }
double window_probe_first_frame(const struct window *w) { return w->first_frame; }
bool window_probe_hud_points(const struct window *w) { return w->hud_points; }

const char *window_probe_scenario_id(const struct window *w, int i)
{
    return i >= 0 && i < w->ntitles ? w->titles[i].id : NULL;
}

const char *window_probe_scenario_title(const struct window *w, int i)
{
    return i >= 0 && i < w->ntitles ? w->titles[i].title : NULL;
}

void window_probe_size(const struct window *w, int *width, int *height)
{
    *width = w->out_w;
    *height = w->out_h;
}

bool window_probe_button(const struct window *w, enum button_kind kind, int arg, SDL_Rect *r,
                         bool *disabled)
{
    int top = w->overlay ? 1 : 0;
    for (int i = 0; i < w->L.nbuttons; i++) {
        const struct button *b = &w->L.buttons[i];
        if (b->kind == kind && b->arg == arg && b->layer == top) {
            if (disabled)
                *disabled = b->disabled;
            return win_button_rect(w, i, r);
        }
    }
    return false;
}

bool window_probe_button_whole(const struct window *w, enum button_kind kind, int arg)
{
    int top = w->overlay ? 1 : 0;
    for (int i = 0; i < w->L.nbuttons; i++) {
        const struct button *b = &w->L.buttons[i];
        if (b->kind != kind || b->arg != arg || b->layer != top)
            continue;
        SDL_Rect vis;
        return win_button_rect(w, i, &vis) && vis.w == b->r.w && vis.h == b->r.h;
    }
    return false;
}

bool window_probe_panel(const struct window *w, SDL_Rect *r)
{
    *r = w->L.panel;
    return w->overlay && r->w > 0;
}

bool window_probe_scroll_bar(const struct window *w, int layer, SDL_Rect *r)
{
    if (layer < 1 || layer > 2)
        return false;
    *r = w->scroll_bar[layer];
    return r->w > 0;
}

const char *window_probe_slot_scene(const struct window *w, int k)
{
    return k >= 1 && k <= WIN_SLOTS && w->slots[k].used ? w->slots[k].scene : "";
}

bool window_probe_focus(const struct window *w, enum button_kind *kind, int *arg)
{
    if (w->focus < 0 || w->focus >= w->L.nbuttons)
        return false;
    *kind = (enum button_kind)w->L.buttons[w->focus].kind;
    *arg = w->L.buttons[w->focus].arg;
    return true;
}

/* Rect t of the base view's scrolled content, where it shows in the window
 * (the view's place less how far it is scrolled). */
static SDL_Rect in_base_view(const struct window *w, SDL_Rect t)
{
    const struct scroll_view *sv = &w->L.scroll[1];
    t.x += sv->view.x;
    t.y += sv->view.y - sv->offset;
    return t;
}

/* The part of content rect t that shows in the base view; false when none
 * does or t is empty. */
static bool shown_in_base_view(const struct window *w, SDL_Rect t, SDL_Rect *r)
{
    if (t.h == 0)
        return false;
    t = in_base_view(w, t);
    return SDL_IntersectRect(&t, &w->L.scroll[1].view, r);
}

bool window_probe_bar(const struct window *w, int player, int dim, SDL_Rect *track, double *share)
{
    if (w->screen != SCREEN_DEBRIEF || player < 0 || player >= GAME_MAX_PLAYERS || dim < 0 ||
        dim >= LIMIT_DIMENSIONS || w->L.bar_track[player][dim].w == 0)
        return false;
    *track = in_base_view(w, w->L.bar_track[player][dim]);
    *share = w->L.bar_share[player][dim];
    return true;
}

bool window_probe_scene_text(const struct window *w, SDL_Rect *r)
{
    return shown_in_base_view(w, w->L.scene_text, r);
}

bool window_probe_meanwhile(const struct window *w, SDL_Rect *r)
{
    return shown_in_base_view(w, w->L.meanwhile, r);
}

bool window_probe_turn(const struct window *w, SDL_Rect *r, int *player)
{
    *r = w->L.turn;
    *player = w->L.turn_player;
    return r->w > 0;
}

bool window_probe_reveal(const struct window *w, int player, SDL_Rect *r)
{
    if (player < 0 || player >= GAME_MAX_PLAYERS || w->L.reveal[player].w == 0)
        return false;
    SDL_Rect t = in_base_view(w, w->L.reveal[player]);
    return SDL_IntersectRect(&t, &w->L.scroll[1].view, r);
}

int window_probe_secret(const struct window *w) { return (int)w->secret; }
const char *window_probe_history(const struct window *w) { return w->history.data ? w->history.data : ""; }

bool window_probe_countdown(const struct window *w, SDL_Rect *r)
{
    *r = w->L.countdown;
    return r->w > 0;
}

SDL_Color window_probe_color(const struct window *w, enum win_color c)
{
    return w->pal->c[c];
}

bool window_probe_pixels(struct window *w, SDL_Rect r, Uint32 *argb)
{
    if (w->need_layout)
        win_relayout(w);
    win_draw(w, false);
    return SDL_RenderReadPixels(w->ren, &r, SDL_PIXELFORMAT_ARGB8888, argb, r.w * 4) == 0;
}

bool window_probe_save_png(struct window *w, const char *path)
{
    char why[512];
    if (w->need_layout)
        win_relayout(w);
    return win_save_png(w, path, why, sizeof why);
}

static void to_window(const struct window *w, int px, int py, int *x, int *y)
{
    *x = w->out_w > 0 ? px * w->win_w / w->out_w : px;
    *y = w->out_h > 0 ? py * w->win_h / w->out_h : py;
}

void window_probe_key(struct window *w, SDL_Keycode key, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.windowID = SDL_GetWindowID(w->win);
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

void window_probe_text(struct window *w, const char *utf8)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    e.text.windowID = SDL_GetWindowID(w->win);
    str_copy(e.text.text, sizeof e.text.text, utf8);
    SDL_PushEvent(&e);
}

void window_probe_move(struct window *w, int px, int py)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = SDL_GetWindowID(w->win);
    to_window(w, px, py, &e.motion.x, &e.motion.y);
    SDL_PushEvent(&e);
}

void window_probe_click(struct window *w, int px, int py)
{
    window_probe_move(w, px, py);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.windowID = SDL_GetWindowID(w->win);
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    to_window(w, px, py, &e.button.x, &e.button.y);
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

void window_probe_wheel(struct window *w, int px, int py, int dy)
{
    window_probe_move(w, px, py);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.windowID = SDL_GetWindowID(w->win);
    e.wheel.y = dy;
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    SDL_PushEvent(&e);
}

void window_probe_resize(struct window *w, int width, int height)
{
    SDL_SetWindowSize(w->win, width, height);
    win_resized(w);
}

void window_probe_advance(struct window *w, double seconds)
{
    w->clock_offset += seconds;
}

int window_probe_timer_left(const struct window *w)
{
    return w->timing ? win_timer_remaining(w) : -1;
}

double window_probe_draw_time(struct window *w, bool cold)
{
    if (w->need_layout)
        win_relayout(w);
    if (cold)
        win_textcache_clear(&w->cache);
    win_draw(w, false);
    return w->last_draw;
}

void window_probe_cache(const struct window *w, int *entries, unsigned long *hits,
                        unsigned long *misses)
{
    *entries = w->cache.count;
    *hits = w->cache.hits;
    *misses = w->cache.misses;
}

unsigned long window_probe_missing_glyphs(const struct window *w)
{
    return w->fonts.missing;
}

bool window_probe_has_fallback_font(const struct window *w)
{
    return w->fonts.fallback_font[FACE_BODY] != NULL;
}

bool window_probe_stats(const struct window *w, SDL_Rect *r, bool *strip)
{
    if (w->L.stats.w <= 0 || w->L.stats.h <= 0)
        return false;
    *r = w->L.stats;
    if (strip)
        *strip = w->L.stats_strip;
    return true;
}

bool window_probe_footer(const struct window *w, SDL_Rect *r)
{
    *r = w->L.footer;
    return r->h > 0;
}

static bool inside(const SDL_Rect *outer, const SDL_Rect *r)
{
    return r->x >= outer->x && r->y >= outer->y && r->x + r->w <= outer->x + outer->w &&
           r->y + r->h <= outer->y + outer->h;
}

int window_probe_spill(struct window *w, SDL_Rect *bad)
{
    const struct layout *L = &w->L;
    SDL_Rect page = {0, 0, w->out_w, w->out_h};
    int n = 0;
    for (int k = 1; k < 3; k++) {
        const SDL_Rect *v = &L->scroll[k].view;
        if (v->w > 0 && !inside(&page, v) && n++ == 0 && bad)
            *bad = *v;
    }
    for (int i = 0; i < L->nitems; i++) {
        const struct item *it = &L->items[i];
        if (it->scroll || (it->kind != IT_RECT && it->kind != IT_TEXT))
            continue;
        SDL_Rect r = {it->x, it->y, it->w, it->h};
        if (it->kind == IT_TEXT) {
            r.w = text_width(w, it->face, L->chars.data + it->text, it->len);
            r.h = w->fonts.skip[it->face];
        }
        if (r.w <= 0 || r.h <= 0)
            continue;
        bool in_stats = i >= L->stats_first && i < L->stats_end;
        if (!inside(&page, &r) || (in_stats && !inside(&L->stats, &r))) {
            if (n++ == 0 && bad)
                *bad = r;
        }
    }
    return n;
}

bool window_probe_more_below(const struct window *w, SDL_Rect *pill)
{
    *pill = w->more_pill[w->overlay ? 2 : 1];
    return pill->w > 0;
}

bool window_probe_chart(const struct window *w, SDL_Rect *r)
{
    if (w->screen != SCREEN_DEBRIEF || w->L.chart.h == 0)
        return false;
    SDL_Rect t = in_base_view(w, w->L.chart);
    if (!SDL_IntersectRect(&t, &w->L.scroll[1].view, r))
        *r = (SDL_Rect){0, 0, 0, 0};
    return true;
}

const char *window_probe_renderer(const struct window *w)
{
    static SDL_RendererInfo info;
    if (SDL_GetRendererInfo(w->ren, &info) != 0)
        return "";
    return info.name;
}

bool window_probe_button_text(struct window *w, enum button_kind kind, int arg, char *buf, size_t cap)
{
    const struct layout *L = &w->L;
    const struct button *b = NULL;
    for (int i = 0; i < L->nbuttons && !b; i++)
        if (L->buttons[i].kind == kind && L->buttons[i].arg == arg)
            b = &L->buttons[i];
    if (!b || cap == 0)
        return false;
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < L->nitems; i++) {
        const struct item *it = &L->items[i];
        if (it->kind != IT_TEXT || it->scroll != b->scroll || it->len == 0)
            continue;
        SDL_Rect r = {it->x, it->y, text_width(w, it->face, L->chars.data + it->text, it->len),
                      w->fonts.skip[it->face]};
        if (!SDL_HasIntersection(&r, &b->r))
            continue;
        if (!inside(&b->r, &r))
            return false;
        const char *s = L->chars.data + it->text;
        size_t len = it->len;
        while (len && s[len - 1] == ' ')
            len--;
        if (n + len + 2 > cap)
            return false;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, s, len);
        n += len;
        buf[n] = '\0';
    }
    return true;
}
