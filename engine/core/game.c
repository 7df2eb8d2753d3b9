#include "game.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "script.h"

static void view_init(struct view *v)
{
    memset(v, 0, sizeof *v);
    sb_init(&v->text);
    for (int p = 0; p < GAME_MAX_PLAYERS; p++) {
        sb_init(&v->own_text[p]);
        sb_init(&v->menu[p].labels);
    }
}

static void view_free(struct view *v)
{
    sb_free(&v->text);
    for (int p = 0; p < GAME_MAX_PLAYERS; p++) {
        sb_free(&v->own_text[p]);
        sb_free(&v->menu[p].labels);
    }
}

/* Appends n bytes of s and a NUL (a string of the log, a label of a menu),
 * leaving the buffer terminated as sb_putc does: inline, as this runs for
 * every label shown and every decision. */
static inline void put_string0(struct strbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 2 > sb->cap)
        sb_reserve(sb, n + 1);
    if (n)
        memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len++] = '\0';
    sb->data[sb->len] = '\0';
}

/* Makes b the shown view a, for the game's players (a solo game's second
 * menu and texts stay empty); a's buffers go to b, for reuse as scratch (b's
 * content is not needed afterwards). Copies only the offers in use: a whole
 * view is over a kilobyte, and this runs on every choice. */
static void view_swap(struct view *a, struct view *b, int nplayers)
{
    struct strbuf t = a->text;
    a->text = b->text;
    b->text = t;
    a->scene = b->scene;
    a->decider = b->decider;
    for (int p = 0; p < nplayers; p++) {
        t = a->own_text[p];
        a->own_text[p] = b->own_text[p];
        b->own_text[p] = t;
        struct menu *ma = &a->menu[p], *mb = &b->menu[p];
        struct strbuf l = ma->labels;
        ma->labels = mb->labels;
        mb->labels = l;
        ma->nopen = mb->nopen;
        ma->ntotal = mb->ntotal;
        ma->timeout = mb->timeout;
        memcpy(ma->offers, mb->offers, sizeof *mb->offers * (size_t)mb->ntotal);
    }
}

struct game *game_new(const struct scenario *sc)
{
    struct game *g = xcalloc(1, sizeof *g);
    g->sc = sc;
    g->visits = xcalloc((size_t)(sc->nscenes ? sc->nscenes : 1), sizeof *g->visits);
    g->taken = xcalloc((sc->nchoices + 63) / 64 + 1, sizeof *g->taken);
    g->touched = xmalloc(sizeof *g->touched * GAME_TOUCHED_MAX);
    view_init(&g->view);
    view_init(&g->next_view);
    text_builder_init(&g->builder);
    sb_init(&g->scratch);
    sb_init(&g->log_text);
    g->nplayers = 1;
    g->cause_decision = -1;
    return g;
}

void game_free(struct game *g)
{
    if (!g)
        return;
    free(g->visits);
    free(g->taken);
    free(g->touched);
    view_free(&g->view);
    view_free(&g->next_view);
    text_builder_free(&g->builder);
    sb_free(&g->scratch);
    sb_free(&g->log_text);
    free(g->log);
    free(g->cons);
    free(g);
}

int game_decider(const struct game *g)
{
    return g->s.decider;
}

void game_set_stat(struct game *g, int stat, double value)
{
    const struct stat_def *st = &g->sc->stats[stat];
    if (value < st->min)
        value = st->min;
    if (value > st->max)
        value = st->max;
    /* Within the range every number the game keeps is in (limits.h). */
    if (value < -LIMIT_NUMBER)
        value = -LIMIT_NUMBER;
    if (value > LIMIT_NUMBER)
        value = LIMIT_NUMBER;
    g->s.stats[stat] = value;
}

void game_set_flag(struct game *g, int flag, bool on)
{
    uint64_t bit = 1ULL << (flag % 64);
    if (on)
        g->s.flags[flag / 64] |= bit;
    else
        g->s.flags[flag / 64] &= ~bit;
}

int64_t game_random(struct game *g, int64_t lo, int64_t hi)
{
    g->sc->live->random_draws++;
    return rng_range(&g->s.rng, lo, hi);
}

static bool taken(const struct game *g, uint32_t choice)
{
    return (g->taken[choice / 64] >> (choice % 64)) & 1;
}

/* Notes entry `what` of visits (a scene) or, with TOUCHED_TAKEN, a word of
 * taken, for game_start to clear (struct game's touched). */
#define TOUCHED_TAKEN (1u << 31)

static void touch(struct game *g, uint32_t what)
{
    if (g->ntouched >= GAME_TOUCHED_MAX)
        g->ntouched = GAME_TOUCHED_ALL;
    else if (g->ntouched >= 0)
        g->touched[g->ntouched++] = what;
}

/* Clears visits and taken: the entries noted, or all of them. */
static void clear_touched(struct game *g)
{
    const struct scenario *sc = g->sc;
    if (g->ntouched < 0) {
        memset(g->visits, 0, sizeof *g->visits * (size_t)sc->nscenes);
        memset(g->taken, 0, sizeof *g->taken * ((sc->nchoices + 63) / 64 + 1));
    } else {
        for (int i = 0; i < g->ntouched; i++) {
            uint32_t t = g->touched[i];
            if (t & TOUCHED_TAKEN)
                g->taken[t & ~TOUCHED_TAKEN] = 0;
            else
                g->visits[t] = 0;
        }
    }
    g->ntouched = 0;
}

/* The values a text shows to player who: their points, name and role. */
static void text_values_of(const struct game *g, int who, struct text_values *v)
{
    const struct game_player *p = &g->s.players[who];
    v->stats = g->s.stats;
    v->score = p->score;
    v->flags = g->s.flags;
    v->player = p->name;
    v->role = g->sc->roles[p->role].name;
}

void game_text_values(const struct game *g, struct text_values *v)
{
    text_values_of(g, g->s.decider, v);
}

const char *game_text_for(const struct game *g, int p)
{
    if (p >= 0 && p < g->nplayers && g->view.own_text[p].len)
        return g->view.own_text[p].data;
    return g->view.text.data ? g->view.text.data : "";
}

bool game_text_shared(const struct game *g)
{
    for (int p = 0; p < g->nplayers; p++)
        if (strcmp(game_text_for(g, p), g->view.text.data ? g->view.text.data : "") != 0)
            return false;
    return true;
}

const struct scene *game_scene(const struct game *g)
{
    return &g->sc->scenes[g->s.scene];
}

const struct menu *game_menu(const struct game *g)
{
    return &g->view.menu[g->view.decider];
}

int game_author_number(const struct menu *m, int number)
{
    int rank = 1;
    for (int k = 0; k < m->nopen; k++)
        rank += m->offers[k].listed < m->offers[number - 1].listed;
    return rank;
}

int game_shown_number(const struct menu *m, int c)
{
    for (int k = 0; k < m->nopen; k++)
        if (m->offers[k].choice == c)
            return k + 1;
    return 0;
}

int game_number_of(const struct game *g, const char *id)
{
    const struct menu *m = game_menu(g);
    for (int k = 0; k < m->nopen; k++)
        if (strcmp(g->sc->choices[m->offers[k].choice].id, id) == 0)
            return k + 1;
    return 0;
}

const char *game_label(const struct game *g, const struct menu *m, int i)
{
    (void)g;
    return m->labels.data + m->offers[i].label;
}

const char *game_feedback(const struct game *g, int i)
{
    return g->log_text.data + g->log[i].feedback;
}

const char *game_decision_label(const struct game *g, int i)
{
    return g->log_text.data + g->log[i].label;
}

const char *game_best_label(const struct game *g, int i)
{
    return g->log_text.data + g->log[i].best_label;
}

const char *game_discuss(const struct game *g, int i)
{
    return g->log_text.data + g->log[i].discuss;
}

const char *game_best_locked_label(const struct game *g, int i)
{
    return g->log[i].best_locked >= 0 ? g->log_text.data + g->log[i].best_locked_label : "";
}

/* ------------------------------------------------------------ game.cause */

static bool decision_took(const struct game *g, const struct decision *d, const char *id, int flag)
{
    const struct scenario *sc = g->sc;
    if (flag >= 0 && ((d->raised[flag / 64] >> (flag % 64)) & 1))
        return true;
    if (!d->secret)
        return strcmp(sc->choices[d->choice].id, id) == 0;
    for (int p = 0; p < g->nplayers; p++)
        if (strcmp(sc->choices[d->pick[p].choice].id, id) == 0)
            return true;
    return false;
}

bool game_cause(struct game *g, const char *id, char *why, size_t cap)
{
    const struct scenario *sc = g->sc;
    int flag = scenario_flag(sc, id);
    if (flag < 0 && !scenario_has_choice_id(sc, id) &&
        strmap_get(&sc->code_flag_index, id, strlen(id)) < 0) {
        str_format(why, cap, "game.cause(\"%.64s\"): it names no choice id or flag of the scenario", id);
        return false;
    }
    game_cause_close(g);
    if (!g->cause_records)
        return true;
    for (int i = g->nlog - 1; i >= 0; i--)
        if (decision_took(g, &g->log[i], id, flag)) {
            g->cause_decision = i;
            memcpy(g->cause_from, g->s.stats, sizeof *g->cause_from * (size_t)sc->nstats);
            break;
        }
    return true;
}

void game_cause_close(struct game *g)
{
    int from = g->cause_decision;
    g->cause_decision = -1;
    if (from < 0)
        return;
    const struct scenario *sc = g->sc;
    double delta[LIMIT_STATS];
    bool any = false;
    for (int i = 0; i < sc->nstats; i++) {
        delta[i] = g->s.stats[i] - g->cause_from[i];
        any |= delta[i] != 0;
    }
    if (!any)
        return;
    if (g->ncons == g->capcons) {
        g->capcons = g->capcons ? g->capcons * 2 : 8;
        g->cons = xrealloc(g->cons, sizeof *g->cons * (size_t)g->capcons);
    }
    struct consequence *c = &g->cons[g->ncons++];
    memset(c, 0, sizeof *c);
    c->decision = from;
    c->turn = g->s.turn;
    c->scene = g->s.scene;
    memcpy(c->delta, delta, sizeof *delta * (size_t)sc->nstats);
}

double game_weighted(const struct game *g, int player)
{
    const struct game_player *p = &g->s.players[player];
    const struct role *r = &g->sc->roles[p->role];
    double total = 0;
    for (int d = 0; d < g->sc->ndimensions; d++)
        total += p->score[d] * r->weights[d];
    return total;
}

/* A set of (text, paragraphs) by a word-at-a-time hash: the texts are
 * long, and a search checks one per text function it calls. */
struct checked_text {
    uint64_t hash;
    const char *text; /* NULL: an empty slot */
    size_t len;
    bool paragraphs;
};

struct game_texts_checked {
    struct checked_text *slots;
    size_t cap, count; /* cap: a power of two */
    struct arena texts;
};

struct game_texts_checked *game_texts_checked_new(void)
{
    struct game_texts_checked *t = xcalloc(1, sizeof *t);
    arena_init(&t->texts);
    return t;
}

void game_texts_checked_free(struct game_texts_checked *t)
{
    if (!t)
        return;
    free(t->slots);
    arena_free(&t->texts);
    free(t);
}

void game_quiet(struct game *g, struct game_texts_checked *t)
{
    g->quiet = t;
}

static struct checked_text *checked_slot(struct game_texts_checked *t, uint64_t hash, const char *text,
                                         size_t len, bool paragraphs)
{
    for (size_t i = hash & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        struct checked_text *c = &t->slots[i];
        if (!c->text || (c->hash == hash && c->len == len && c->paragraphs == paragraphs &&
                         memcmp(c->text, text, len) == 0))
            return c;
    }
}

static uint64_t checked_hash(bool paragraphs, const struct strbuf *text)
{
    return hash_fast(HASH_SEED + paragraphs, text->data ? text->data : "", text->len);
}

/* A quiet game's check of a returned text: true when it parsed before. */
static bool already_parsed(struct game *g, bool paragraphs, const struct strbuf *text)
{
    struct game_texts_checked *t = g->quiet;
    if (!t->cap)
        return false;
    const char *data = text->data ? text->data : "";
    return checked_slot(t, checked_hash(paragraphs, text), data, text->len, paragraphs)->text != NULL;
}

static void note_parsed(struct game *g, bool paragraphs, const struct strbuf *text)
{
    struct game_texts_checked *t = g->quiet;
    if ((t->count + 1) * 2 > t->cap) {
        struct game_texts_checked bigger = *t;
        bigger.cap = t->cap ? t->cap * 2 : 64;
        bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].text)
                *checked_slot(&bigger, t->slots[i].hash, t->slots[i].text, t->slots[i].len,
                              t->slots[i].paragraphs) = t->slots[i];
        free(t->slots);
        t->slots = bigger.slots;
        t->cap = bigger.cap;
    }
    const char *data = text->data ? text->data : "";
    uint64_t hash = checked_hash(paragraphs, text);
    struct checked_text *c = checked_slot(t, hash, data, text->len, paragraphs);
    if (c->text)
        return;
    *c = (struct checked_text){hash, arena_strndup(&t->texts, data, text->len), text->len, paragraphs};
    t->count++;
}

/* Renders a text (static, or made by its function, called once) into
 * out[k] for k < n, with the {player}, {role} and points of player who[k].
 * A quiet game (game_quiet) renders nothing but still calls the function
 * and checks what it returned. */
static bool render_text_as(struct game *g, const struct text_template *t, struct callsite site,
                           const int *who, struct strbuf *const *out, int n, struct diag *err)
{
    struct text_values v;
    if (!callback_present(t->fn)) {
        for (int k = 0; k < n && !g->quiet; k++) {
            if (t->plain) { /* the same for everyone: no values to look up */
                text_render(t, NULL, out[k]);
                continue;
            }
            text_values_of(g, who[k], &v);
            text_render(t, &v, out[k]);
        }
        return true;
    }
    sb_clear(&g->scratch);
    if (!script_string(g->sc->script, t->fn, g, site, &g->scratch, err))
        return false;
    struct text_error terr;
    bool paragraphs = site.kind == CB_TEXT;
    if (g->quiet && already_parsed(g, paragraphs, &g->scratch))
        return true;
    if (!text_parse(&g->builder, g->scratch.data ? g->scratch.data : "", g->scratch.len, paragraphs,
                    scenario_resolve_name, g->sc, &terr)) {
        const struct scene *s = &g->sc->scenes[site.scene];
        diag_set(err, scenario_file(g->sc, t->fn.pos), (int)t->fn.pos.line, "runtime",
                 "the text that the %s function of %s '%s' returned: %s",
                 site.kind == CB_FEEDBACK ? "feedback" : "text", s->is_ending ? "ending" : "scene",
                 s->id, terr.message);
        return false;
    }
    if (g->quiet) {
        note_parsed(g, paragraphs, &g->scratch);
        return true;
    }
    for (int k = 0; k < n; k++) {
        text_values_of(g, who[k], &v);
        text_render_pieces(g->builder.chars.data ? g->builder.chars.data : "", g->builder.pieces,
                           g->builder.npieces, &v, out[k]);
    }
    return true;
}

/* Renders a text for the deciding player into out. */
static bool render_text(struct game *g, const struct text_template *t, struct callsite site,
                        struct strbuf *out, struct diag *err)
{
    if (t->plain && !callback_present(t->fn)) { /* most labels: a copy of their chars */
        if (!g->quiet)
            text_render(t, NULL, out);
        return true;
    }
    int who = g->s.decider;
    return render_text_as(g, t, site, &who, &out, 1, err);
}

/* Who decides in a scene: in solo the one player; in a duet the player
 * holding the scene's 'by' role. In a "both" scene callbacks see the PO
 * (the contract: game.role is the PO's there), or, when neither role's id
 * is "po", the player whose role is listed first. */
static int decider_for(const struct game *g, const struct scene *s)
{
    if (g->nplayers < 2)
        return 0;
    if (s->by >= 0) {
        for (int p = 0; p < g->nplayers; p++)
            if (g->s.players[p].role == s->by)
                return p;
    }
    for (int p = 0; p < g->nplayers; p++)
        if (strcmp(g->sc->roles[g->s.players[p].role].id, "po") == 0)
            return p;
    return g->s.players[0].role <= g->s.players[1].role ? 0 : 1;
}

/*
 * Warming the cache ahead of the next scene. A large scenario's data does not
 * fit in the cache, and a run goes from one cold scene to the next: the scene,
 * then its choices, then their texts and the Lua functions of their
 * conditions, each load waiting on the one before. Starting these loads early
 * overlaps them with the work between:
 *
 * - building a menu, for each choice shown: its label's text; for each open
 *   one, the scene it leads to and its effects (read if it is taken);
 * - taking a choice: the rest of it; the next scene's choices, the functions
 *   of their conditions (called first when the scene is entered), and its
 *   whole text.
 *
 * Hints only: nothing here changes what the game does. tools/bench measured
 * the order that pays (docs/performance.md): the functions as early as
 * possible, even at the cost of waiting for the choices that name them.
 */
enum { CACHE_LINE = 64 };

static void prefetch_lines(const void *p, size_t n)
{
    if (n == 0)
        return;
    const char *c = p;
    for (size_t at = 0; at < n; at += CACHE_LINE)
        PREFETCH(c + at);
    PREFETCH(c + n - 1);
}

static void prefetch_text(const struct text_template *t)
{
    PREFETCH(t->chars);
    if (!t->plain)
        PREFETCH(t->pieces);
}

static void prefetch_callback(const struct scenario *sc, struct callback cb)
{
    if (cb.ref > 0 && cb.ref < sc->ncallback_fn)
        PREFETCH(sc->callback_fn[cb.ref]);
}

static void prefetch_offer(const struct scenario *sc, const struct choice *ch)
{
    if (ch->next >= 0)
        prefetch_lines(&sc->scenes[ch->next], sizeof(struct scene));
    PREFETCH(ch->effects);
}

/* The next scene was prefetched with the menu (prefetch_offer), so its
 * hints are read at once; its choices are not, and reading them here for
 * the functions of their conditions stalled on memory (on the large story
 * 15 % of all the time was spent on that one load). */
static void prefetch_taking(const struct game *g, const struct choice *ch)
{
    const struct scenario *sc = g->sc;
    prefetch_lines(ch, sizeof *ch);
    if (ch->next < 0)
        return;
    PREFETCH(&g->visits[ch->next]); /* counted as it is entered */
    const struct scene *s = &sc->scenes[ch->next];
    for (int i = 0; i < SCENE_WHEN_HINTS; i++)
        if (s->when_fn[i])
            PREFETCH(s->when_fn[i]);
    const struct choice *first = &sc->choices[s->first_choice];
    prefetch_lines(first, sizeof *first * s->nchoices);
    prefetch_lines(s->text.chars, s->text_bytes);
    for (int i = SCENE_WHEN_HINTS; i < s->nchoices; i++)
        prefetch_callback(sc, first[i].when);
}

/*
 * The shown order of a menu's open offers. Each choice's place comes from a
 * hash of the run's seed, the scene's visit count and the choice's own key
 * (its scene's and its own id, scenario.h): the same run shows the same
 * order, on any machine; a revisit reshuffles; two choices keep their
 * relative order whichever others are open; and nothing is drawn from the
 * run's generator, so game.random gives what it gave before shuffling.
 */
static uint64_t shuffle_key(const struct game *g, const struct choice *ch)
{
    uint64_t state = g->seed ^ ch->order_key ^
                     ((uint64_t)g->visits[g->s.scene] * 0x9e3779b97f4a7c15ULL);
    return rng_mix(&state);
}

static void shuffle(const struct game *g, struct menu *m)
{
    uint64_t keys[LIMIT_CHOICES_PER_SCENE];
    for (int k = 0; k < m->nopen; k++)
        keys[k] = shuffle_key(g, &g->sc->choices[m->offers[k].choice]);
    for (int k = 1; k < m->nopen; k++) {
        struct offer o = m->offers[k];
        uint64_t key = keys[k];
        int j = k - 1;
        for (; j >= 0 && keys[j] > key; j--) {
            m->offers[j + 1] = m->offers[j];
            keys[j + 1] = keys[j];
        }
        m->offers[j + 1] = o;
        keys[j + 1] = key;
    }
}

/* Builds the menu of player p for the current scene. */
static bool make_menu(struct game *g, int p, struct menu *m, struct diag *err)
{
    const struct scenario *sc = g->sc;
    const struct scene *s = &sc->scenes[g->s.scene];
    uint32_t role_bit = 1u << g->s.players[p].role;
    int locked[LIMIT_CHOICES_PER_SCENE];
    int nlocked = 0;
    m->nopen = m->ntotal = 0;
    m->timeout = 0;
    sb_clear(&m->labels);
    int saved_decider = g->s.decider;
    g->s.decider = p; /* callbacks see this player's role and points */
    for (int i = 0; i < s->nchoices; i++) {
        uint32_t c = s->first_choice + (uint32_t)i;
        const struct choice *ch = &sc->choices[c];
        if (!(ch->role_mask & role_bit))
            continue;
        bool open = !(ch->once && taken(g, c));
        for (int k = 0; open && k < ch->nrequires; k++)
            open = game_flag(g, ch->requires[k]);
        if (open && callback_present(ch->when)) {
            struct callsite site = {CB_WHEN, g->s.scene, i + 1};
            if (!script_when(sc->script, ch->when, g, site, &open, err)) {
                g->s.decider = saved_decider;
                return false;
            }
        }
        prefetch_text(&ch->label);
        if (open) {
            prefetch_offer(sc, ch);
            struct offer *o = &m->offers[m->nopen++];
            o->choice = (int)c;
            o->listed = i + 1;
            o->locked = false;
        } else if (ch->locked) {
            locked[nlocked++] = i;
        }
    }
    if (!s->fixed_order && m->nopen > 1)
        shuffle(g, m);
    if (s->timeout)
        for (int k = 0; k < m->nopen; k++)
            if (m->offers[k].listed == s->timeout)
                m->timeout = k + 1;
    for (int k = 0; k < nlocked; k++) {
        struct offer *o = &m->offers[m->nopen + k];
        o->choice = (int)(s->first_choice + (uint32_t)locked[k]);
        o->listed = locked[k] + 1;
        o->locked = true;
    }
    m->ntotal = m->nopen + nlocked;
    /* Labels, in menu order. */
    for (int k = 0; k < m->ntotal; k++) {
        struct offer *o = &m->offers[k];
        o->label = (uint32_t)m->labels.len;
        struct callsite site = {CB_LABEL, g->s.scene, o->listed};
        if (!render_text(g, &sc->choices[o->choice].label, site, &m->labels, err)) {
            g->s.decider = saved_decider;
            return false;
        }
        put_string0(&m->labels, "", 0);
    }
    g->s.decider = saved_decider;
    return true;
}

/* Enters a scene: visits, on_enter, text, menus (into next_view). */
static bool enter(struct game *g, int scene, struct diag *err)
{
    const struct scenario *sc = g->sc;
    const struct scene *s = &sc->scenes[scene];
    g->s.scene = scene;
    if (g->visits[scene]++ == 0)
        touch(g, (uint32_t)scene);
    g->s.decider = decider_for(g, s);
    if (callback_present(s->on_enter)) {
        struct callsite site = {CB_ON_ENTER, scene, 0};
        if (!script_run(sc->script, s->on_enter, g, site, err))
            return false;
    }
    struct view *v = &g->next_view;
    v->scene = scene;
    v->decider = g->s.decider;
    sb_clear(&v->text);
    struct callsite site = {CB_TEXT, scene, 0};
    for (int p = 0; p < GAME_MAX_PLAYERS; p++)
        sb_clear(&v->own_text[p]);
    if (g->nplayers > 1 && s->by < 0 && !s->is_ending) {
        /* Both decide: each sees their own name and role in the text. */
        int who[GAME_MAX_PLAYERS] = {0, 1};
        struct strbuf *outs[GAME_MAX_PLAYERS] = {&v->own_text[0], &v->own_text[1]};
        if (!render_text_as(g, &s->text, site, who, outs, 2, err))
            return false;
        const struct strbuf *mine = &v->own_text[g->s.decider];
        sb_append(&v->text, mine->data ? mine->data : "", mine->len);
    } else if (!render_text(g, &s->text, site, &v->text, err)) {
        return false;
    }
    for (int p = 0; p < GAME_MAX_PLAYERS; p++) {
        v->menu[p].nopen = v->menu[p].ntotal = v->menu[p].timeout = 0;
        sb_clear(&v->menu[p].labels);
    }
    if (s->is_ending)
        return true;
    for (int p = 0; p < g->nplayers; p++) {
        if (!make_menu(g, p, &v->menu[p], err))
            return false;
        bool decides = p == g->s.decider || (g->nplayers > 1 && s->by < 0);
        if (decides && v->menu[p].nopen == 0) {
            diag_set(err, scenario_file(sc, s->pos), (int)s->pos.line, "dead-end",
                     "dead end: scene '%s' offers no choice to the %s here (every choice is "
                     "conditional, role-only or once)",
                     s->id, sc->roles[g->s.players[p].role].name);
            return false;
        }
    }
    return true;
}

void game_setup_explorer(struct game_setup *st, int role, bool duet, uint64_t seed)
{
    memset(st, 0, sizeof *st);
    st->seed = seed;
    if (duet) {
        st->nplayers = 2;
        st->players[0].role = 0;
        st->players[0].name = "Player 1";
        st->players[1].role = 1;
        st->players[1].name = "Player 2";
    } else {
        st->nplayers = 1;
        st->players[0].role = role;
        st->players[0].name = "Explorer";
    }
}

bool game_start(struct game *g, const struct game_setup *setup, struct diag *err)
{
    const struct scenario *sc = g->sc;
    memset(&g->s, 0, sizeof g->s);
    g->seed = setup->seed;
    rng_seed(&g->s.rng, setup->seed);
    g->nplayers = setup->nplayers == 2 ? 2 : 1;
    for (int p = g->nplayers; p < GAME_MAX_PLAYERS; p++) { /* view_swap leaves them */
        g->view.menu[p].nopen = g->view.menu[p].ntotal = g->view.menu[p].timeout = 0;
        sb_clear(&g->view.menu[p].labels);
        sb_clear(&g->view.own_text[p]);
    }
    for (int p = 0; p < g->nplayers; p++) {
        g->s.players[p].role = setup->players[p].role;
        str_copy(g->s.players[p].name, sizeof g->s.players[p].name,
                 setup->players[p].name ? setup->players[p].name : "");
    }
    for (int i = 0; i < sc->nstats; i++)
        g->s.stats[i] = sc->stats[i].start;
    clear_touched(g);
    g->picks[0] = g->picks[1] = 0;
    g->nlog = 0;
    g->ncons = 0;
    g->cause_decision = -1;
    sb_clear(&g->log_text);
    g->over = false;
    if (!enter(g, sc->start, err))
        return false;
    view_swap(&g->view, &g->next_view, g->nplayers);
    g->over = sc->scenes[g->s.scene].is_ending;
    return true;
}

/* A new decision at the end of the log, cleared as if by memset but for the
 * per-stat and per-flag arrays: finish_decision writes their entries in use
 * (every stat, every flag word), and the entries past them stay zero from
 * when the log grew. A decision is over a kilobyte, most of it those
 * arrays, and one is made every choice. */
static struct decision *push_decision(struct game *g)
{
    if (g->nlog == g->caplog) {
        int cap = g->caplog ? g->caplog * 2 : 32;
        g->log = xrealloc(g->log, sizeof *g->log * (size_t)cap);
        memset(g->log + g->caplog, 0, sizeof *g->log * (size_t)(cap - g->caplog));
        g->caplog = cap;
    }
    struct decision *dec = &g->log[g->nlog++];
    memset(dec, 0, offsetof(struct decision, stat_delta));
    memset(&dec->feedback, 0, offsetof(struct decision, raised) - offsetof(struct decision, feedback));
    memset(&dec->secret, 0, sizeof *dec - offsetof(struct decision, secret));
    return dec;
}

bool game_is_secret(const struct game *g)
{
    if (g->nplayers < 2 || g->over)
        return false;
    int by = g->sc->scenes[g->s.scene].by;
    return by == BY_BOTH || by == BY_ANYONE;
}

/* ----------------------------------------------------- taking a choice */

static bool check_can_choose(const struct game *g, struct diag *err)
{
    const struct scenario *sc = g->sc;
    if (g->over) {
        diag_set(err, NULL, 0, "over", "the game is over: no more choices");
        return false;
    }
    if (g->s.turn >= LIMIT_TURNS) {
        diag_set(err, scenario_file(sc, sc->scenes[g->s.scene].pos),
                 (int)sc->scenes[g->s.scene].pos.line, "too-long",
                 "the run reached %d decisions without an ending (an endless loop?)", LIMIT_TURNS);
        return false;
    }
    return true;
}

static bool check_offered(const struct menu *m, int number, struct diag *err)
{
    if (number >= 1 && number <= m->nopen)
        return true;
    diag_set(err, NULL, 0, "not-offered", "choice %d is not offered here (choose 1 to %d)", number,
             m->nopen);
    return false;
}

static void add_score(struct game *g, int player, uint32_t c)
{
    const struct choice *ch = &g->sc->choices[c];
    for (int d = 0; d < g->sc->ndimensions; d++)
        g->s.players[player].score[d] += ch->score[d];
}

/* A choice's effects, set and unset, and its once-mark. */
static void apply_effects(struct game *g, uint32_t c)
{
    const struct choice *ch = &g->sc->choices[c];
    for (int k = 0; k < ch->neffects; k++)
        game_set_stat(g, ch->effects[k].stat, g->s.stats[ch->effects[k].stat] + ch->effects[k].delta);
    for (int k = 0; k < ch->nset; k++)
        game_set_flag(g, ch->set[k], true);
    for (int k = 0; k < ch->nunset; k++)
        game_set_flag(g, ch->unset[k], false);
    /* Only a once-choice's mark changes what can happen next: marking no
     * other keeps paths that differ only in such choices one state. */
    if (ch->once) {
        if (!g->taken[c / 64])
            touch(g, TOUCHED_TAKEN | (c / 64));
        g->taken[c / 64] |= 1ULL << (c % 64);
    }
}

static bool run_act(struct game *g, uint32_t c, int from, int listed, struct diag *err)
{
    const struct choice *ch = &g->sc->choices[c];
    if (!callback_present(ch->act))
        return true;
    struct callsite site = {CB_ACT, from, listed};
    return script_run(g->sc->script, ch->act, g, site, err);
}

/* Appends a string to the log's text; returns its offset. */
static uint32_t log_string(struct game *g, const char *s)
{
    uint32_t at = (uint32_t)g->log_text.len;
    put_string0(&g->log_text, s, strlen(s));
    return at;
}

/* The feedback of choice c, written to player who (their {player} and
 * {role}: in a scene both decide, each pick's feedback is its player's). */
static bool log_feedback(struct game *g, uint32_t c, int from, int listed, int who, uint32_t *at,
                         struct diag *err)
{
    const struct choice *ch = &g->sc->choices[c];
    *at = (uint32_t)g->log_text.len;
    if (ch->has_feedback && ch->feedback.plain && !callback_present(ch->feedback.fn)) {
        if (!g->quiet)
            text_render(&ch->feedback, NULL, &g->log_text);
    } else if (ch->has_feedback) {
        struct callsite site = {CB_FEEDBACK, from, listed};
        struct strbuf *out = &g->log_text;
        if (!render_text_as(g, &ch->feedback, site, &who, &out, 1, err))
            return false;
    }
    put_string0(&g->log_text, "", 0);
    return true;
}

static bool resolve_next(struct game *g, uint32_t c, int from, int listed, int *next,
                         struct diag *err)
{
    const struct scenario *sc = g->sc;
    const struct choice *ch = &sc->choices[c];
    *next = ch->next;
    if (*next >= 0)
        return true;
    sb_clear(&g->scratch);
    struct callsite site = {CB_NEXT, from, listed};
    if (!script_string(sc->script, ch->next_fn, g, site, &g->scratch, err))
        return false;
    *next = scenario_scene(sc, g->scratch.data);
    if (*next < 0) {
        diag_set(err, scenario_file(sc, ch->next_fn.pos), (int)ch->next_fn.pos.line, "unknown-scene",
                 "in the next of choice %d in scene '%s': it returned '%s', which is not a scene or "
                 "ending",
                 listed, sc->scenes[from].id, g->scratch.data);
        return false;
    }
    return true;
}

static double weighted_score(const struct scenario *sc, const struct choice *ch, const double *weights)
{
    double v = 0;
    for (int d = 0; d < sc->ndimensions; d++)
        v += ch->score[d] * weights[d];
    return v;
}

/* The best-scoring open choice of menu m for the role of player p (the
 * first in the author's list on a tie, so that it does not depend on the
 * shuffle); number itself when it is as good. *locked gets the menu index
 * of a locked choice that would have scored more than every open one, or -1. */
static int best_offer(const struct game *g, const struct menu *m, int p, int number, int *locked)
{
    const struct scenario *sc = g->sc;
    int role = g->s.players[p].role;
    const double *weights = sc->roles[role].weights;
    double values[LIMIT_CHOICES_PER_SCENE];
    if (sc->choice_values) {
        const double *of_role = sc->choice_values + (size_t)role * sc->nchoices;
        for (int k = 0; k < m->ntotal; k++)
            values[k] = of_role[m->offers[k].choice];
    } else {
        for (int k = 0; k < m->ntotal; k++)
            values[k] = weighted_score(sc, &sc->choices[m->offers[k].choice], weights);
    }
    int best = number;
    double best_value = values[number - 1];
    for (int k = 0; k < m->nopen; k++) {
        double v = values[k];
        if (v > best_value + 1e-9 ||
            (best != number && v > best_value - 1e-9 && m->offers[k].listed < m->offers[best - 1].listed)) {
            best_value = v;
            best = k + 1;
        }
    }
    *locked = -1;
    double locked_value = best_value;
    for (int k = m->nopen; k < m->ntotal; k++) {
        if (values[k] > locked_value + 1e-9) {
            locked_value = values[k];
            *locked = k;
        }
    }
    return best;
}

/* Enters next after a choice, keeping in entering the stats as they were
 * just before (what on_enter changes is the decision's "meanwhile"). When it
 * fails the visit is taken back; the caller rolls back the rest. */
struct entering {
    double stats[LIMIT_STATS];
    uint64_t flags[LIMIT_FLAGS / 64];
};

static bool enter_after_choice(struct game *g, int next, struct entering *entering, struct diag *err)
{
    memcpy(entering->stats, g->s.stats, sizeof *entering->stats * (size_t)g->sc->nstats);
    memcpy(entering->flags, g->s.flags, sizeof entering->flags); /* act may add flags */
    if (enter(g, next, err))
        return true;
    g->visits[next]--;
    return false;
}

/* Everything a failing callback could leave behind, to put back: the parts
 * of the state (struct game_core) a choice can change, as far as the
 * scenario uses them (its stats, its flags' words, the players' points in
 * its dimensions), not the whole of it (over 700 bytes, copied every
 * choice). Names and roles do not change within a game. */
struct undo_mark {
    int scene, turn, decider;
    int nwords; /* flag words kept: a callback may add a flag (game.flags) */
    struct rng rng;
    double stats[LIMIT_STATS];
    uint64_t flags[LIMIT_FLAGS / 64];
    double score[GAME_MAX_PLAYERS][LIMIT_DIMENSIONS];
    uint64_t taken_bits[GAME_MAX_PLAYERS];
    uint32_t choices[GAME_MAX_PLAYERS];
    int nchoices;
    size_t text_len;
    int ncons;
    int picks[GAME_MAX_PLAYERS];
    int pick_choices[GAME_MAX_PLAYERS];
};

static int flag_words(const struct scenario *sc)
{
    return (scenario_flag_count(sc) + 63) / 64;
}

/* Word w of the flags when the mark was made (a word added since was 0). */
static uint64_t flags_before(const struct undo_mark *u, int w)
{
    return w < u->nwords ? u->flags[w] : 0;
}

static void mark(struct game *g, struct undo_mark *u, const uint32_t *choices, int n)
{
    const struct scenario *sc = g->sc;
    u->scene = g->s.scene;
    u->turn = g->s.turn;
    u->decider = g->s.decider;
    u->rng = g->s.rng;
    memcpy(u->stats, g->s.stats, sizeof *u->stats * (size_t)sc->nstats);
    u->nwords = flag_words(sc);
    memcpy(u->flags, g->s.flags, sizeof *u->flags * (size_t)u->nwords);
    for (int p = 0; p < g->nplayers; p++)
        memcpy(u->score[p], g->s.players[p].score, sizeof *u->score[p] * (size_t)sc->ndimensions);
    u->nchoices = n;
    for (int i = 0; i < n; i++) {
        u->choices[i] = choices[i];
        u->taken_bits[i] = g->taken[choices[i] / 64];
    }
    u->text_len = g->log_text.len;
    u->ncons = g->ncons;
    memcpy(u->picks, g->picks, sizeof u->picks);
    memcpy(u->pick_choices, g->pick_choices, sizeof u->pick_choices);
}

static void roll_back(struct game *g, const struct undo_mark *u)
{
    const struct scenario *sc = g->sc;
    g->s.scene = u->scene;
    g->s.turn = u->turn;
    g->s.decider = u->decider;
    g->s.rng = u->rng;
    memcpy(g->s.stats, u->stats, sizeof *u->stats * (size_t)sc->nstats);
    for (int w = 0, nw = flag_words(sc); w < nw; w++)
        g->s.flags[w] = flags_before(u, w);
    for (int p = 0; p < g->nplayers; p++)
        memcpy(g->s.players[p].score, u->score[p], sizeof *u->score[p] * (size_t)sc->ndimensions);
    for (int i = u->nchoices - 1; i >= 0; i--)
        g->taken[u->choices[i] / 64] = u->taken_bits[i];
    g->log_text.len = u->text_len;
    g->ncons = u->ncons;
    g->cause_decision = -1;
    if (g->log_text.data)
        g->log_text.data[u->text_len] = '\0';
    memcpy(g->picks, u->picks, sizeof g->picks);
    memcpy(g->pick_choices, u->pick_choices, sizeof g->pick_choices);
}

/* before: the stats before the choice; entering: before the next scene
 * was entered. */
static void finish_decision(struct game *g, struct decision *dec, int from, int next,
                            const struct undo_mark *before, const struct entering *entering,
                            uint32_t discuss, bool timed_out, double seconds)
{
    const struct scenario *sc = g->sc;
    dec->turn = g->s.turn;
    dec->scene = from;
    dec->timed_out = timed_out;
    dec->seconds = seconds;
    dec->discuss = discuss;
    for (int i = 0; i < sc->nstats; i++) {
        dec->stat_delta[i] = entering->stats[i] - before->stats[i];
        dec->enter_delta[i] = g->s.stats[i] - entering->stats[i];
    }
    for (int w = 0, nw = flag_words(sc); w < nw; w++)
        dec->raised[w] = entering->flags[w] & ~flags_before(before, w);
    view_swap(&g->view, &g->next_view, g->nplayers);
    g->over = sc->scenes[next].is_ending;
}

/* The scene's discuss question, rendered as the scene is decided (its {name}s
 * show the state the players saw), into the log; its offset. */
static uint32_t log_discuss(struct game *g, int scene)
{
    const struct scene *s = &g->sc->scenes[scene];
    uint32_t at = (uint32_t)g->log_text.len;
    if (s->has_discuss) {
        struct text_values v;
        game_text_values(g, &v);
        text_render(&s->discuss, &v, &g->log_text);
    }
    put_string0(&g->log_text, "", 0);
    return at;
}

bool game_choose(struct game *g, int number, bool timed_out, double seconds, struct diag *err)
{
    const struct scenario *sc = g->sc;
    if (!check_can_choose(g, err))
        return false;
    if (game_is_secret(g)) {
        diag_set(err, NULL, 0, "secret", "both players pick here, in secret (game_choose_pair)");
        return false;
    }
    int p = g->view.decider;
    const struct menu *m = &g->view.menu[p];
    if (!check_offered(m, number, err))
        return false;
    const struct offer *o = &m->offers[number - 1];
    uint32_t c = (uint32_t)o->choice;
    prefetch_taking(g, &sc->choices[c]);
    int from = g->s.scene;
    struct undo_mark u;
    mark(g, &u, &c, 1);
    uint32_t discuss_at = log_discuss(g, from);

    /* score, effects, set, unset; turn; act; next; enter */
    add_score(g, p, c);
    apply_effects(g, c);
    g->s.turn++;
    uint32_t label_at, feedback_at;
    int next;
    if (!run_act(g, c, from, o->listed, err))
        goto fail;
    /* The log keeps the label and the feedback as the player saw them. */
    label_at = log_string(g, game_label(g, m, number - 1));
    if (!log_feedback(g, c, from, o->listed, g->s.decider, &feedback_at, err))
        goto fail;
    if (!resolve_next(g, c, from, o->listed, &next, err))
        goto fail;
    struct entering entering;
    if (!enter_after_choice(g, next, &entering, err))
        goto fail;

    int locked;
    int best = best_offer(g, m, p, number, &locked);
    struct decision *dec = push_decision(g);
    dec->best_locked = locked < 0 ? -1 : m->offers[locked].choice;
    if (locked >= 0)
        dec->best_locked_label = log_string(g, game_label(g, m, locked));
    dec->number = number;
    dec->choice = (int)c;
    dec->player = p;
    memcpy(dec->score, sc->choices[c].score, sizeof dec->score);
    dec->label = label_at;
    dec->feedback = feedback_at;
    dec->best_number = best;
    dec->best_choice = m->offers[best - 1].choice;
    dec->best_label = best == number ? label_at : log_string(g, game_label(g, m, best - 1));
    dec->offered = m->nopen;
    dec->stood = -1;
    finish_decision(g, dec, from, next, &u, &entering, discuss_at, timed_out, seconds);
    return true;

fail:
    roll_back(g, &u);
    return false;
}

/* Both picks of a secret decision checked against what each player was
 * offered: the choices into c, their places in the scene's list into
 * listed. */
static bool check_pair(struct game *g, const int numbers[GAME_MAX_PLAYERS], uint32_t c[GAME_MAX_PLAYERS],
                       int listed[GAME_MAX_PLAYERS], struct diag *err)
{
    if (!check_can_choose(g, err))
        return false;
    if (!game_is_secret(g)) {
        diag_set(err, NULL, 0, "not-secret", "one player decides here, not both");
        return false;
    }
    for (int p = 0; p < 2; p++) {
        const struct menu *m = &g->view.menu[p];
        if (!check_offered(m, numbers[p], err))
            return false;
        c[p] = (uint32_t)m->offers[numbers[p] - 1].choice;
        listed[p] = m->offers[numbers[p] - 1].listed;
    }
    return true;
}

/* How two picks c are settled in scene here: agreed, the scene's conflict,
 * the scenario's settle function or a coin. *stood: the player whose pick
 * stood (-1 when none was chosen over the other); *full: the pick taken in
 * full (-1 when none is). */
static bool settle_pair(struct game *g, const uint32_t c[GAME_MAX_PLAYERS], const struct scene *here,
                        enum duet_outcome *outcome, int *stood, int *full, struct diag *err)
{
    const struct scenario *sc = g->sc;
    *stood = -1;
    *full = -1;
    if (c[0] == c[1]) {
        *outcome = DUET_AGREED;
        *full = 0;
    } else if (here->conflict >= 0) {
        *outcome = DUET_CONFLICT;
    } else if (callback_present(sc->settle)) {
        *outcome = DUET_SETTLED;
        sb_clear(&g->scratch);
        struct callsite site = {CB_SETTLE, -1, 0};
        if (!script_string(sc->script, sc->settle, g, site, &g->scratch, err))
            return false;
        for (int p = 0; p < 2; p++)
            if (strcmp(sc->roles[g->s.players[p].role].id, g->scratch.data) == 0)
                *stood = p;
        if (*stood < 0) {
            diag_set(err, scenario_file(sc, sc->settle.pos), (int)sc->settle.pos.line, "runtime",
                     "in the scenario's settle function: it returned '%s', which is not the role "
                     "of either player",
                     g->scratch.data);
            return false;
        }
        *full = *stood;
    } else {
        *outcome = DUET_COIN;
        *stood = (int)game_random(g, 0, 1);
        *full = *stood;
    }
    return true;
}

/* Player p's pick in a secret decision's log entry: what they chose (the
 * label and feedback already logged), their best choice and its points. */
static void log_pick(struct game *g, struct decision *dec, int p, int number, uint32_t choice,
                     uint32_t label_at, uint32_t feedback_at)
{
    const struct menu *m = &g->view.menu[p];
    int locked;
    int best = best_offer(g, m, p, number, &locked);
    dec->pick[p].best_locked = locked < 0 ? -1 : m->offers[locked].choice;
    if (locked >= 0)
        dec->pick[p].best_locked_label = log_string(g, game_label(g, m, locked));
    dec->pick[p].number = number;
    dec->pick[p].choice = (int)choice;
    dec->pick[p].label = label_at;
    dec->pick[p].feedback = feedback_at;
    dec->pick[p].best_number = best;
    dec->pick[p].best_choice = m->offers[best - 1].choice;
    dec->pick[p].best_label = best == number ? label_at : log_string(g, game_label(g, m, best - 1));
    dec->pick[p].offered = m->nopen;
    memcpy(dec->pick[p].score, g->sc->choices[choice].score, sizeof dec->pick[p].score);
}

/* The top-level fields of a secret decision are the first player's pick,
 * so that what reads any decision reads this one. */
static void first_pick_on_top(struct decision *dec)
{
    dec->number = dec->pick[0].number;
    dec->choice = dec->pick[0].choice;
    dec->label = dec->pick[0].label;
    dec->feedback = dec->pick[0].feedback;
    dec->best_number = dec->pick[0].best_number;
    dec->best_choice = dec->pick[0].best_choice;
    dec->best_label = dec->pick[0].best_label;
    dec->offered = dec->pick[0].offered;
    dec->best_locked = dec->pick[0].best_locked;
    dec->best_locked_label = dec->pick[0].best_locked_label;
    memcpy(dec->score, dec->pick[0].score, sizeof dec->score);
}

bool game_choose_pair(struct game *g, const int numbers[GAME_MAX_PLAYERS], bool timed_out,
                      double seconds, struct diag *err)
{
    const struct scenario *sc = g->sc;
    uint32_t c[GAME_MAX_PLAYERS];
    int listed[GAME_MAX_PLAYERS];
    if (!check_pair(g, numbers, c, listed, err))
        return false;
    int from = g->s.scene;
    const struct scene *here = &sc->scenes[from];
    struct undo_mark u;
    mark(g, &u, c, 2);
    for (int p = 0; p < 2; p++) {
        g->picks[p] = game_author_number(&g->view.menu[p], numbers[p]);
        g->pick_choices[p] = (int)c[p];
    }
    uint32_t discuss_at = log_discuss(g, from);

    /* Each pick scores for the player who made it (the same choice scores
     * for both). Then one choice is taken in full, or none. */
    enum duet_outcome outcome;
    int stood, full;
    uint32_t feedback_at[GAME_MAX_PLAYERS], label_at[GAME_MAX_PLAYERS];
    int next;
    add_score(g, 0, c[0]);
    add_score(g, 1, c[1]);
    if (!settle_pair(g, c, here, &outcome, &stood, &full, err))
        goto fail;
    if (full >= 0)
        apply_effects(g, c[full]);
    g->s.turn++;
    if (full >= 0 && !run_act(g, c[full], from, listed[full], err))
        goto fail;
    for (int p = 0; p < 2; p++) {
        label_at[p] = log_string(g, game_label(g, &g->view.menu[p], numbers[p] - 1));
        if (!log_feedback(g, c[p], from, listed[p], p, &feedback_at[p], err))
            goto fail;
    }
    if (full >= 0) {
        if (!resolve_next(g, c[full], from, listed[full], &next, err))
            goto fail;
    } else {
        next = here->conflict;
    }
    struct entering entering;
    if (!enter_after_choice(g, next, &entering, err))
        goto fail;

    struct decision *dec = push_decision(g);
    dec->secret = true;
    dec->outcome = outcome;
    dec->stood = stood;
    for (int p = 0; p < 2; p++)
        log_pick(g, dec, p, numbers[p], c[p], label_at[p], feedback_at[p]);
    dec->player = stood >= 0 ? stood : 0;
    first_pick_on_top(dec);
    finish_decision(g, dec, from, next, &u, &entering, discuss_at, timed_out, seconds);
    return true;

fail:
    roll_back(g, &u);
    return false;
}

bool game_timeout(struct game *g, double seconds, struct diag *err)
{
    const struct scene *s = game_scene(g);
    if (game_is_secret(g)) {
        /* Time runs out for both: both take the timeout choice. */
        int numbers[GAME_MAX_PLAYERS];
        for (int p = 0; p < 2; p++) {
            numbers[p] = g->view.menu[p].timeout;
            if (!numbers[p]) {
                diag_set(err, scenario_file(g->sc, s->pos), (int)s->pos.line, "timeout",
                         "time ran out in scene '%s', but its timeout choice %d is not offered "
                         "to the %s here",
                         s->id, s->timeout, g->sc->roles[g->s.players[p].role].name);
                return false;
            }
        }
        return game_choose_pair(g, numbers, true, seconds, err);
    }
    const struct menu *m = game_menu(g);
    if (!m->timeout) {
        diag_set(err, scenario_file(g->sc, s->pos), (int)s->pos.line, "timeout",
                 "time ran out in scene '%s', but its timeout choice %d is not offered here", s->id,
                 s->timeout);
        return false;
    }
    return game_choose(g, m->timeout, true, seconds, err);
}

uint64_t game_hash(const struct game *g)
{
    return game_hash_of(g, -1);
}

uint64_t game_hash_of(const struct game *g, int player)
{
    const struct scenario *sc = g->sc;
    uint64_t h = HASH_SEED;
    h = hash_fast(h, &g->s.scene, sizeof g->s.scene);
    h = hash_fast(h, &g->s.turn, sizeof g->s.turn);
    h = hash_fast(h, &g->s.decider, sizeof g->s.decider);
    h = hash_fast(h, g->s.stats, sizeof g->s.stats[0] * (size_t)sc->nstats);
    h = hash_fast(h, g->s.flags, sizeof g->s.flags[0] * (size_t)((scenario_flag_count(sc) + 63) / 64));
    for (int p = 0; p < g->nplayers; p++)
        if (player < 0 || p == player)
            h = hash_fast(h, g->s.players[p].score, sizeof(double) * (size_t)sc->ndimensions);
    h = hash_fast(h, &g->s.rng, sizeof g->s.rng);
    h = hash_fast(h, g->picks, sizeof g->picks);
    h = hash_fast(h, g->visits, sizeof *g->visits * (size_t)sc->nscenes);
    h = hash_fast(h, g->taken, sizeof *g->taken * ((sc->nchoices + 63) / 64));
    return h;
}

static void copy_view(struct view *dst, const struct view *src)
{
    dst->scene = src->scene;
    dst->decider = src->decider;
    sb_clear(&dst->text);
    sb_append(&dst->text, src->text.data ? src->text.data : "", src->text.len);
    for (int p = 0; p < GAME_MAX_PLAYERS; p++) {
        sb_clear(&dst->own_text[p]);
        sb_append(&dst->own_text[p], src->own_text[p].data ? src->own_text[p].data : "",
                  src->own_text[p].len);
        struct strbuf labels = dst->menu[p].labels;
        dst->menu[p] = src->menu[p];
        dst->menu[p].labels = labels;
        sb_clear(&dst->menu[p].labels);
        sb_append(&dst->menu[p].labels, src->menu[p].labels.data ? src->menu[p].labels.data : "",
                  src->menu[p].labels.len);
    }
}

void game_copy_state(struct game *dst, const struct game *src)
{
    const struct scenario *sc = src->sc;
    dst->seed = src->seed;
    dst->nplayers = src->nplayers;
    dst->s = src->s;
    memcpy(dst->visits, src->visits, sizeof *dst->visits * (size_t)sc->nscenes);
    memcpy(dst->taken, src->taken, sizeof *dst->taken * ((sc->nchoices + 63) / 64 + 1));
    dst->ntouched = GAME_TOUCHED_ALL; /* src's touched entries are not dst's */
    dst->over = src->over;
    dst->picks[0] = src->picks[0];
    dst->picks[1] = src->picks[1];
    dst->pick_choices[0] = src->pick_choices[0];
    dst->pick_choices[1] = src->pick_choices[1];
    copy_view(&dst->view, &src->view);
}
