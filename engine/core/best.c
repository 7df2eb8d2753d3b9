#include "best.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game.h"
#include "util.h"

/* What a state's key holds beyond the scene, stats, flags, once-taken
 * choices and the generator: grown (and the search restarted) as soon as a
 * callback reads one of these. */
enum {
    KEY_VISITS = 1, /* game.visits, game.turn; also when the state graph has a loop */
    KEY_POINTS = 2, /* game.score */
    KEY_PICKS = 4,  /* game.picks */
};

enum { MEMO_EMPTY, MEMO_OPEN, MEMO_EXACT, MEMO_UPPER };

/* A solved state: the most weighted points still reachable from it (EXACT),
 * or an upper bound of them (UPPER: a branch was cut below it); OPEN while
 * it is being solved (on the search's stack). */
struct memo_slot {
    uint64_t key;
    double value;
    uint64_t best; /* the option that reaches value (EXACT), by its choices (option_key):
                    * merged states may show their options in other orders */
    uint8_t kind;
};

struct memo {
    struct memo_slot *slots;
    size_t cap, count;
};

static struct memo_slot *memo_find(struct memo *m, uint64_t key, bool add)
{
    if (key == 0)
        key = 1;
    if (add && (m->count + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 4096;
        struct memo_slot *slots = xcalloc(cap, sizeof *slots);
        for (size_t i = 0; i < m->cap; i++)
            if (m->slots[i].kind != MEMO_EMPTY)
                for (size_t j = m->slots[i].key & (cap - 1);; j = (j + 1) & (cap - 1))
                    if (slots[j].kind == MEMO_EMPTY) {
                        slots[j] = m->slots[i];
                        break;
                    }
        free(m->slots);
        m->slots = slots;
        m->cap = cap;
    }
    if (!m->cap)
        return NULL;
    for (size_t j = key & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
        struct memo_slot *s = &m->slots[j];
        if (s->kind != MEMO_EMPTY && s->key == key)
            return s;
        if (s->kind == MEMO_EMPTY) {
            if (!add)
                return NULL;
            s->key = key;
            m->count++;
            return s;
        }
    }
}

static uint64_t state_key(const struct game *g, unsigned what)
{
    const struct scenario *sc = g->sc;
    uint64_t h = HASH_SEED;
    h = hash_fast(h, &g->s.scene, sizeof g->s.scene);
    h = hash_fast(h, &g->s.decider, sizeof g->s.decider);
    h = hash_fast(h, g->s.stats, sizeof g->s.stats[0] * (size_t)sc->nstats);
    h = hash_fast(h, g->s.flags, sizeof g->s.flags);
    h = hash_fast(h, &g->s.rng, sizeof g->s.rng);
    h = hash_fast(h, g->taken, sizeof *g->taken * ((sc->nchoices + 63) / 64));
    if (what & KEY_VISITS) {
        h = hash_fast(h, &g->s.turn, sizeof g->s.turn);
        h = hash_fast(h, g->visits, sizeof *g->visits * (size_t)sc->nscenes);
    }
    if (what & KEY_POINTS)
        for (int p = 0; p < g->nplayers; p++)
            h = hash_fast(h, g->s.players[p].score, sizeof(double) * (size_t)sc->ndimensions);
    if (what & KEY_PICKS)
        h = hash_fast(h, g->picks, sizeof g->picks);
    return h;
}

/* ----------------------------------------------------------- bounds */

/* How the bound counts a once-choice (see classify_once). */
enum {
    ONCE_PLAIN, /* leads on to scenes that never lead back: as any choice */
    ONCE_FOLD,  /* leads back to its own scene, which nothing else leads back to: its
                 * points are added to its scene's (an ask-first loop) */
    ONCE_STATE, /* on a loop: its points are added per state while it is not taken
                 * and its scene can be reached */
};

/* The scene graph as the bound sees it: each choice's next, or for a next
 * function the scenes it has been seen to return (found by random play
 * before the search, and by the search itself: a scene not seen before
 * makes the bound wrong, so the bounds are made again and the search
 * starts over). */
struct graph {
    int **succ; /* per choice with a next function: the scenes seen */
    int *nsucc;
    double *gain; /* per choice: its weighted points for the role (0 when the
                   * other player of a duet takes it) */
    uint32_t *once; /* once-choices that score for the role */
    int nonce;
    uint8_t *kind; /* per once-choice: ONCE_* */
    uint64_t *reach; /* per scene, words of a bit set: the scenes it can lead to,
                      * itself included (a once-choice counts only there) */
    int words;
};

static double choice_gain(const struct scenario *sc, int role, const struct choice *ch)
{
    double v = 0;
    for (int d = 0; d < sc->ndimensions; d++)
        v += ch->score[d] * sc->roles[role].weights[d];
    return v;
}

static void graph_init(struct graph *gr, const struct scenario *sc, int role)
{
    memset(gr, 0, sizeof *gr);
    size_t n = sc->nchoices + 1;
    gr->succ = xcalloc(n, sizeof *gr->succ);
    gr->nsucc = xcalloc(n, sizeof *gr->nsucc);
    gr->gain = xcalloc(n, sizeof *gr->gain);
    gr->once = xcalloc(n, sizeof *gr->once);
    gr->kind = xcalloc(n, sizeof *gr->kind);
    gr->words = (sc->nscenes + 63) / 64;
    for (uint32_t c = 0; c < sc->nchoices; c++) {
        const struct choice *ch = &sc->choices[c];
        gr->gain[c] = choice_gain(sc, role, ch);
        gr->kind[c] = ONCE_STATE;
    }
}

static void graph_free(struct graph *gr, const struct scenario *sc)
{
    for (uint32_t c = 0; c < sc->nchoices; c++)
        free(gr->succ[c]);
    free(gr->succ);
    free(gr->nsucc);
    free(gr->gain);
    free(gr->once);
    free(gr->kind);
    free(gr->reach);
}

static void reach_add(uint64_t *set, int scene)
{
    set[scene / 64] |= 1ull << (scene % 64);
}

static void reach_union(uint64_t *r, const uint64_t *from, int words, bool *changed)
{
    for (int k = 0; k < words; k++)
        if (from[k] & ~r[k]) {
            r[k] |= from[k];
            *changed = true;
        }
}

/* Which scenes each scene can lead to, over the graph as known: each
 * scene's set is itself and the union of its successors' sets, by rounds
 * until nothing changes, later scenes first (authors mostly write scenes in
 * the order played, so a graph without loops settles in two rounds). Only
 * the once-choices need it (classify_once, bound_at): a scenario without
 * them skips it, whatever its size (10,000 scenes: 12 MB and seconds). */
static void make_reach(const struct scenario *sc, struct graph *gr)
{
    int n = sc->nscenes, w = gr->words;
    bool any_once = false;
    for (uint32_t c = 0; c < sc->nchoices && !any_once; c++)
        any_once = sc->choices[c].once;
    if (!any_once)
        return;
    if (!gr->reach)
        gr->reach = xcalloc((size_t)n * (size_t)w + 1, sizeof *gr->reach);
    memset(gr->reach, 0, sizeof *gr->reach * (size_t)n * (size_t)w);
    for (int s = 0; s < n; s++)
        reach_add(gr->reach + (size_t)s * (size_t)w, s);
    for (bool changed = true; changed;) {
        changed = false;
        for (int s = n - 1; s >= 0; s--) {
            const struct scene *sn = &sc->scenes[s];
            if (sn->is_ending)
                continue;
            uint64_t *r = gr->reach + (size_t)s * (size_t)w;
            if (sn->conflict >= 0)
                reach_union(r, gr->reach + (size_t)sn->conflict * (size_t)w, w, &changed);
            for (int i = 0; i < sn->nchoices; i++) {
                uint32_t c = sn->first_choice + (uint32_t)i;
                if (sc->choices[c].next >= 0)
                    reach_union(r, gr->reach + (size_t)sc->choices[c].next * (size_t)w, w, &changed);
                for (int k = 0; k < gr->nsucc[c]; k++)
                    reach_union(r, gr->reach + (size_t)gr->succ[c][k] * (size_t)w, w, &changed);
            }
        }
    }
}

/* Adds a scene a next function returned; true when it is new. */
static bool graph_saw(struct graph *gr, uint32_t c, int scene)
{
    for (int i = 0; i < gr->nsucc[c]; i++)
        if (gr->succ[c][i] == scene)
            return false;
    gr->succ[c] = xrealloc(gr->succ[c], sizeof **gr->succ * (size_t)(gr->nsucc[c] + 1));
    gr->succ[c][gr->nsucc[c]++] = scene;
    return true;
}

static bool reaches(const struct graph *gr, int from, int to)
{
    return (gr->reach[(size_t)from * (size_t)gr->words + (size_t)to / 64] >> (to % 64)) & 1;
}

/* Where each once-choice's points go in the bound (after make_reach). A
 * once-choice on no loop of the graph is taken at most once on any path, as
 * any choice; one that only leads back to its own scene (ask first, then
 * decide), in a scene on no other loop, adds its points to that scene's
 * once; the others count per state (bound_of). Solo only: a duet keeps
 * every once-choice per state. */
static void classify_once(const struct scenario *sc, struct graph *gr, int role, bool duet)
{
    gr->nonce = 0;
    for (uint32_t c = 0; c < sc->nchoices; c++) {
        const struct choice *ch = &sc->choices[c];
        if (!ch->once)
            continue;
        int x = ch->scene;
        const struct scene *sn = &sc->scenes[x];
        uint8_t kind = ONCE_STATE;
        if (!duet) {
            int nt = ch->next >= 0 ? 1 : gr->nsucc[c];
            bool cycle = false, self = nt > 0;
            for (int i = 0; i < nt; i++) {
                int t = ch->next >= 0 ? ch->next : gr->succ[c][i];
                cycle |= reaches(gr, t, x);
                self &= t == x;
            }
            if (!cycle) {
                kind = ONCE_PLAIN;
            } else if (self) {
                /* Its scene on no other loop: no other choice leads back. */
                bool other = false;
                for (int i = 0; i < sn->nchoices && !other; i++) {
                    uint32_t o = sn->first_choice + (uint32_t)i;
                    const struct choice *oc = &sc->choices[o];
                    if (oc->once && oc->next == x)
                        continue;
                    int on = oc->next >= 0 ? 1 : gr->nsucc[o];
                    for (int k = 0; k < on; k++)
                        other |= reaches(gr, oc->next >= 0 ? oc->next : gr->succ[o][k], x);
                }
                if (!other)
                    kind = ONCE_FOLD;
            }
        }
        gr->kind[c] = kind;
        if (kind == ONCE_STATE && gr->gain[c] > 0 && (ch->role_mask >> role & 1))
            gr->once[gr->nonce++] = c;
    }
}

static double ahead_of(const struct scenario *sc, const struct graph *gr, const double *out, uint32_t c)
{
    const struct choice *ch = &sc->choices[c];
    if (ch->next >= 0)
        return out[ch->next];
    double v = -HUGE_VAL;
    for (int i = 0; i < gr->nsucc[c]; i++)
        v = fmax(v, out[gr->succ[c][i]]);
    return v;
}

/* The most weighted points an option can still lead to from each scene,
 * for the role (solo, or a duet's player of that role): a longest path to
 * an ending over a graph that may loop. A once-choice counts 0 here (its
 * points are added per state while it is not taken: see bound_of), so
 * that a scene offering it again is not a scoring loop. The iteration
 * starts from -inf, each value a lower bound of the longest path, so it
 * settles unless a loop can score: a scene whose value still grows after
 * as many rounds as scenes lies on or before one, and gets +inf. */
static void make_bounds(const struct scenario *sc, const struct graph *gr, int role, bool duet,
                        double *out)
{
    int n = sc->nscenes;
    uint32_t mine = 1u << role;
    for (int s = 0; s < n; s++)
        out[s] = sc->scenes[s].is_ending ? 0 : -HUGE_VAL;
    /* Later scenes first: authors mostly write scenes in the order played. */
    for (int round = 0;; round++) {
        bool changed = false;
        for (int s = n - 1; s >= 0; s--) {
            const struct scene *sn = &sc->scenes[s];
            if (sn->is_ending)
                continue;
            /* Who picks: in solo the role; in a duet the scene's by role,
             * or both in secret (each pick scores for its maker; the
             * conflict scene or either pick's next comes next). */
            bool secret = duet && sn->by < 0;
            uint32_t picker = !duet || secret ? mine : 1u << sn->by;
            double best = -HUGE_VAL, gain_max = -HUGE_VAL, ahead_max = -HUGE_VAL, fold = 0;
            for (int i = 0; i < sn->nchoices; i++) {
                uint32_t c = sn->first_choice + (uint32_t)i;
                const struct choice *ch = &sc->choices[c];
                if (ch->once && gr->kind[c] == ONCE_FOLD) {
                    if ((ch->role_mask & picker) && picker == mine)
                        fold += fmax(gr->gain[c], 0);
                    continue;
                }
                double ahead = ahead_of(sc, gr, out, c);
                double gain =
                    ch->once && gr->kind[c] == ONCE_STATE ? fmin(gr->gain[c], 0) : gr->gain[c];
                if (secret) {
                    if (ch->role_mask & mine)
                        gain_max = fmax(gain_max, gain);
                    ahead_max = fmax(ahead_max, ahead);
                } else if (ch->role_mask & picker) {
                    best = fmax(best, (picker == mine ? gain : 0) + ahead);
                }
            }
            if (secret) {
                if (sn->conflict >= 0)
                    ahead_max = fmax(ahead_max, out[sn->conflict]);
                best = gain_max + ahead_max;
            }
            best += fold;
            if (best > out[s] + 1e-9) {
                out[s] = round >= n ? HUGE_VAL : best;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
}

/* ----------------------------------------------------------- search */

struct frame {
    uint64_t key;
    int option, noptions;
    double base;  /* the player's weighted total in this state */
    double best;  /* the best option's r + V among exact children */
    double upper; /* the highest r + bound among cut or bounded children */
    int best_option;
    int pathlen; /* inputs that lead here */
    int order;   /* its options, most promising first: at searcher.pool[order] */
    int taking;  /* the option being searched */
};

struct searcher {
    const struct scenario *sc;
    struct best_search *bs;
    int player;
    unsigned key_what;
    struct memo memo;
    struct graph graph;
    double *bounds; /* per scene; NULL without branch and bound */
    bool bounds_stale; /* a next function returned a scene not seen before */
    int *pool;
    int pool_top, pool_cap;
    double best_total; /* the best total found at an ending */
    int *best_path; /* the inputs of the path to best_total */
    int best_npath, best_cap;
    struct game *walk[2]; /* scratch for found_through */
    struct game_texts_checked *texts; /* shared by its quiet games */
    bool restart;
    bool stopped;
};

/* The search's games render no text (game_quiet): nothing shows them. */
static struct game *quiet_game(struct searcher *s)
{
    struct game *g = game_new(s->sc);
    game_quiet(g, s->texts);
    return g;
}

static int options_of(const struct game *g)
{
    if (g->over)
        return 0;
    if (game_is_secret(g))
        return g->view.menu[0].nopen * g->view.menu[1].nopen;
    return game_menu(g)->nopen;
}

/* Takes option o (1-based over options_of) in child; writes its inputs. */
static bool take_option(struct game *child, const struct game *g, int option, int *inputs, int *ninputs,
                        struct diag *err)
{
    game_copy_state(child, g);
    child->nlog = 0;
    sb_clear(&child->log_text);
    if (game_is_secret(g)) {
        int n1 = g->view.menu[1].nopen;
        int picks[GAME_MAX_PLAYERS] = {(option - 1) / n1 + 1, (option - 1) % n1 + 1};
        inputs[0] = picks[0];
        inputs[1] = picks[1];
        *ninputs = 2;
        return game_choose_pair(child, picks, false, 0, err);
    }
    inputs[0] = option;
    *ninputs = 1;
    return game_choose(child, option, false, 0, err);
}

/* An option (1-based, as shown) as the choices it takes, which do not
 * depend on the shown order: (choice + 1), and a duet's second pick's in
 * the high half. */
static uint64_t option_key(const struct game *g, int option)
{
    if (game_is_secret(g)) {
        int n1 = g->view.menu[1].nopen;
        uint64_t a = (uint64_t)g->view.menu[0].offers[(option - 1) / n1].choice + 1;
        uint64_t b = (uint64_t)g->view.menu[1].offers[(option - 1) % n1].choice + 1;
        return a | b << 32;
    }
    return (uint64_t)game_menu(g)->offers[option - 1].choice + 1;
}

static int option_of_key(const struct game *g, uint64_t key)
{
    int n = options_of(g);
    for (int o = 1; o <= n; o++)
        if (option_key(g, o) == key)
            return o;
    return 0;
}

static void keep_input(struct searcher *s, int at, int v)
{
    if (at >= s->best_cap) {
        s->best_cap = at * 2 + 64;
        s->best_path = xrealloc(s->best_path, sizeof *s->best_path * (size_t)s->best_cap);
    }
    s->best_path[at] = v;
}

/* A new best total, reached through state g (prefix: its inputs): kept
 * with its whole path, g's own continuation following the best options of
 * exact solved states (each leads to an exact state or an ending). */
static void found_through(struct searcher *s, const struct game *g, double total, const int *prefix,
                          int n)
{
    s->best_total = total;
    for (int i = 0; i < n; i++)
        keep_input(s, i, prefix[i]);
    if (!g->over) {
        if (!s->walk[0]) {
            s->walk[0] = quiet_game(s);
            s->walk[1] = quiet_game(s);
        }
        game_copy_state(s->walk[0], g);
        struct diag d;
        int in[2], k, cur = 0;
        while (!s->walk[cur]->over) {
            struct memo_slot *slot = memo_find(&s->memo, state_key(s->walk[cur], s->key_what), false);
            int option = slot && slot->kind == MEMO_EXACT ? option_of_key(s->walk[cur], slot->best) : 0;
            if (option < 1 || !take_option(s->walk[1 - cur], s->walk[cur], option, in, &k, &d))
                break;
            for (int i = 0; i < k; i++)
                keep_input(s, n++, in[i]);
            cur = 1 - cur;
        }
    }
    s->best_npath = n;
}

/* The reads of game.visits, game.score and game.picks when a pass began:
 * a callback reading one the key leaves out restarts the pass. */
struct reads {
    unsigned long visits, score, picks;
};

static struct reads reads_now(const struct scenario *sc)
{
    return (struct reads){sc->live->visits_reads, sc->live->score_reads, sc->live->picks_reads};
}

/* The key grows when a callback read what it left out (since r0). */
static bool reads_changed(struct searcher *s, struct reads r0)
{
    unsigned grow = 0;
    if (s->sc->live->visits_reads != r0.visits && !(s->key_what & KEY_VISITS))
        grow |= KEY_VISITS;
    if (s->sc->live->score_reads != r0.score && !(s->key_what & KEY_POINTS))
        grow |= KEY_POINTS;
    if (s->sc->live->picks_reads != r0.picks && !(s->key_what & KEY_PICKS))
        grow |= KEY_PICKS;
    if (!grow)
        return false;
    s->key_what |= grow;
    s->restart = true;
    return true;
}

static bool is_taken(const uint64_t *taken, uint32_t c, uint32_t also0, uint32_t also1)
{
    return c == also0 || c == also1 || ((taken[c / 64] >> (c % 64)) & 1);
}

/* The most weighted points still reachable from scene with the once-
 * choices of taken, and also0 and also1 (UINT32_MAX for none), already
 * taken: the scene's bound, plus the points of the once-choices not taken
 * yet that it can reach, less its own ask-first points already taken. */
static double bound_at(const struct searcher *s, int scene, const uint64_t *taken, uint32_t also0,
                       uint32_t also1)
{
    double v = s->bounds[scene];
    for (int i = 0; i < s->graph.nonce; i++) {
        uint32_t c = s->graph.once[i];
        if (!is_taken(taken, c, also0, also1) && reaches(&s->graph, scene, s->sc->choices[c].scene))
            v += s->graph.gain[c];
    }
    const struct scene *sn = &s->sc->scenes[scene];
    for (int i = 0; i < sn->nchoices; i++) {
        uint32_t c = sn->first_choice + (uint32_t)i;
        if (s->sc->choices[c].once && s->graph.kind[c] == ONCE_FOLD && s->graph.gain[c] > 0 &&
            is_taken(taken, c, also0, also1) && (s->sc->choices[c].role_mask >> s->bs->role & 1))
            v -= s->graph.gain[c];
    }
    return v;
}

/* The most weighted points still reachable from a state. */
static double bound_of(const struct searcher *s, const struct game *g)
{
    if (!s->bounds)
        return HUGE_VAL;
    return bound_at(s, g->s.scene, g->taken, UINT32_MAX, UINT32_MAX);
}

/* The bound of where choice c leads, with the once-choices of taken and
 * also taken: its next scene's, or for a next function the highest of the
 * scenes it has been seen to return (as the bounds themselves count it:
 * make_bounds); HUGE_VAL for a next function never seen to return, which
 * only taking the option tells. */
static double ahead_at(const struct searcher *s, uint32_t c, const uint64_t *taken, uint32_t also)
{
    const struct choice *ch = &s->sc->choices[c];
    if (ch->next >= 0)
        return bound_at(s, ch->next, taken, also, UINT32_MAX);
    if (s->graph.nsucc[c] == 0)
        return HUGE_VAL;
    double v = -HUGE_VAL;
    for (int i = 0; i < s->graph.nsucc[c]; i++)
        v = fmax(v, bound_at(s, s->graph.succ[c][i], taken, also, UINT32_MAX));
    return v;
}

/* An upper bound of what taking option (1-based) in g can add to the
 * player's total, its own points included, without taking it: the
 * option's points (known before it is taken: only choices score) plus the
 * bound of the scene it leads to with the child's once-choices taken (g's
 * and the option's): bound_of the child, whenever taking it succeeds. For
 * a next function, the scenes it has been seen to return: the bound of the
 * scene g is in counted only those, so cutting the option on them assumes
 * no more than cutting g would have (and saves running its callbacks, most
 * of a search's time). HUGE_VAL for a duet's two different picks when
 * either has a next function. */
static double option_upper(const struct searcher *s, const struct game *g, int option)
{
    const struct scenario *sc = s->sc;
    if (!s->bounds)
        return HUGE_VAL;
    uint32_t a, b;
    double gain;
    if (game_is_secret(g)) {
        int n1 = g->view.menu[1].nopen;
        a = (uint32_t)g->view.menu[0].offers[(option - 1) / n1].choice;
        b = (uint32_t)g->view.menu[1].offers[(option - 1) % n1].choice;
        gain = s->graph.gain[s->player == 0 ? a : b];
    } else {
        a = b = (uint32_t)game_menu(g)->offers[option - 1].choice;
        gain = g->view.decider == s->player ? s->graph.gain[a] : 0;
    }
    /* A once-choice is marked when it is taken in full: agreed, or the
     * pick that stood (either); a conflict takes neither. */
    uint32_t ta = sc->choices[a].once ? a : UINT32_MAX, tb = sc->choices[b].once ? b : UINT32_MAX;
    if (a == b)
        return gain + ahead_at(s, a, g->taken, ta);
    if (sc->choices[a].next < 0 || sc->choices[b].next < 0)
        return HUGE_VAL;
    int conflict = sc->scenes[g->s.scene].conflict;
    if (conflict >= 0)
        return gain + bound_at(s, conflict, g->taken, UINT32_MAX, UINT32_MAX);
    return gain + fmax(bound_at(s, sc->choices[a].next, g->taken, ta, UINT32_MAX),
                       bound_at(s, sc->choices[b].next, g->taken, tb, UINT32_MAX));
}

/* Notes where the choice just taken in child (from g) led, for a next
 * function; a scene not seen before makes the bounds stale. */
static void saw_next(struct searcher *s, const struct game *g, const struct game *child, int option)
{
    if (!s->bounds)
        return;
    const struct scenario *sc = s->sc;
    uint32_t c[2];
    int n = 0;
    if (game_is_secret(g)) {
        if (child->log[0].outcome == DUET_CONFLICT)
            return;
        int n1 = g->view.menu[1].nopen;
        c[n++] = (uint32_t)g->view.menu[0].offers[(option - 1) / n1].choice;
        c[n++] = (uint32_t)g->view.menu[1].offers[(option - 1) % n1].choice;
    } else {
        c[n++] = (uint32_t)game_menu(g)->offers[option - 1].choice;
    }
    for (int i = 0; i < n; i++)
        if (sc->choices[c[i]].next < 0 && graph_saw(&s->graph, c[i], child->s.scene))
            s->bounds_stale = true;
}

/* How promising an option looks: its points for the role and the bound of
 * the scenes it can lead to. */
static double promise(const struct searcher *s, const struct game *g, int option)
{
    const struct scenario *sc = s->sc;
    if (game_is_secret(g)) {
        int n1 = g->view.menu[1].nopen;
        uint32_t a = (uint32_t)g->view.menu[0].offers[(option - 1) / n1].choice;
        uint32_t b = (uint32_t)g->view.menu[1].offers[(option - 1) % n1].choice;
        uint32_t mine = s->player == 0 ? a : b;
        double ahead = ahead_of(sc, &s->graph, s->bounds, a);
        if (a != b)
            ahead = fmax(ahead, ahead_of(sc, &s->graph, s->bounds, b)) - 0.5; /* agreeing first */
        return s->graph.gain[mine] + ahead;
    }
    const struct menu *m = game_menu(g);
    uint32_t c = (uint32_t)m->offers[option - 1].choice;
    double gain = g->view.decider == s->player ? s->graph.gain[c] : 0;
    return gain + ahead_of(sc, &s->graph, s->bounds, c);
}

/* Orders the options of a new frame, most promising first. */
static int order_options(struct searcher *s, const struct game *g, int n)
{
    int at = s->pool_top;
    if (at + n > s->pool_cap) {
        s->pool_cap = (at + n) * 2 + 256;
        s->pool = xrealloc(s->pool, sizeof *s->pool * (size_t)s->pool_cap);
    }
    s->pool_top += n;
    int *o = s->pool + at;
    for (int i = 0; i < n; i++)
        o[i] = i + 1;
    if (!s->bounds || n < 2)
        return at;
    double v[1024];
    if (n > 1024)
        return at;
    for (int i = 0; i < n; i++)
        v[i] = promise(s, g, i + 1);
    for (int i = 1; i < n; i++) { /* insertion sort, stable */
        int oi = o[i];
        double vi = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] < vi) {
            o[j + 1] = o[j];
            v[j + 1] = v[j];
            j--;
        }
        o[j + 1] = oi;
        v[j + 1] = vi;
    }
    return at;
}

/* The depth-first stack of a pass: a game and a frame per depth, and the
 * inputs that lead to the deepest state. */
struct pass_stack {
    struct game **games;
    struct frame *frames;
    int *path;
    int cap;       /* frames the arrays hold */
    int allocated; /* games made so far (reused from one branch to the next) */
};

static void stack_grow(struct pass_stack *ps)
{
    ps->cap *= 2;
    ps->games = xrealloc(ps->games, sizeof *ps->games * (size_t)ps->cap);
    ps->frames = xrealloc(ps->frames, sizeof *ps->frames * (size_t)ps->cap);
    ps->path = xrealloc(ps->path, sizeof *ps->path * (size_t)(2 * ps->cap + 2));
}

/* Opens the frame of state g (its memo slot marked open) at depth. */
static inline void open_frame(struct searcher *s, struct pass_stack *ps, int depth,
                              struct game *g, struct memo_slot *slot, uint64_t key, double base,
                              int pathlen)
{
    slot->kind = MEMO_OPEN;
    int n = options_of(g);
    ps->frames[depth] = (struct frame){key, 1, n, base, -HUGE_VAL, -HUGE_VAL, 0, pathlen,
                                       order_options(s, g, n), 0};
    s->bs->states++;
}

/* Closes the frame at depth, all its options searched: its value into the
 * memo (exact when no cut child could beat the best) and into the parent's
 * frame, if any. */
static inline void close_frame(struct searcher *s, struct pass_stack *ps, int depth)
{
    struct frame *f = &ps->frames[depth];
    double value = f->best;
    bool exact = !(f->upper > f->best + 1e-9);
    struct memo_slot *slot = memo_find(&s->memo, f->key, false);
    slot->kind = exact ? MEMO_EXACT : MEMO_UPPER;
    slot->value = exact ? value : f->upper;
    slot->best = f->best_option > 0 ? option_key(ps->games[depth], f->best_option) : 0;
    s->pool_top = f->order;
    if (depth == 0)
        return;
    struct frame *pf = &ps->frames[depth - 1];
    double r = f->base - pf->base;
    if (exact) {
        if (r + value > pf->best + 1e-12) {
            pf->best = r + value;
            pf->best_option = pf->taking;
        }
    } else {
        /* Only exact children make a parent exact, so that the best
         * options of exact states lead through exact ones. */
        pf->upper = fmax(pf->upper, r + f->upper);
    }
}

/* The deadline or the states' budget is spent (looked at every 256 steps:
 * the clock is not free). */
static inline bool out_of_budget(const struct best_search *bs, long *tick)
{
    if (((*tick)++ & 255) != 0)
        return false;
    return (bs->deadline > 0 && clock_seconds() > bs->deadline) ||
           (bs->max_states > 0 && bs->states > bs->max_states);
}

/* Counts a child whose value is known (an ending, 0, or an exact state):
 * r + value for frame f through option, and cbase + value for the best
 * found, through the path to the child. */
static inline void credit_child(struct searcher *s, struct frame *f, int option,
                                const struct game *child, double cbase, double value,
                                const int *path, int pathlen)
{
    double r = cbase - f->base;
    if (cbase + value > s->best_total + 1e-12)
        found_through(s, child, cbase + value, path, pathlen);
    if (r + value > f->best + 1e-12) {
        f->best = r + value;
        f->best_option = option;
    }
}

enum child_step { CHILD_COUNTED, CHILD_OPENED, CHILD_RESTART };

/* A child state just reached from the frame at depth through option, by
 * pathlen inputs: counted when its value is known or it is cut, else opened
 * as the next frame; a loop in the states restarts the pass. */
static inline enum child_step visit_child(struct searcher *s, struct pass_stack *ps, int depth,
                                          struct game *child, int option, int pathlen)
{
    struct frame *f = &ps->frames[depth];
    double cbase = game_weighted(child, s->player);
    if (child->over) {
        credit_child(s, f, option, child, cbase, 0, ps->path, pathlen);
        return CHILD_COUNTED;
    }
    uint64_t key = state_key(child, s->key_what);
    struct memo_slot *slot = memo_find(&s->memo, key, false);
    if (slot && slot->kind == MEMO_OPEN) {
        /* A loop in the states: only the visits tell the laps apart. */
        s->key_what |= KEY_VISITS;
        s->restart = true;
        return CHILD_RESTART;
    }
    if (slot && slot->kind == MEMO_EXACT) {
        credit_child(s, f, option, child, cbase, slot->value, ps->path, pathlen);
        return CHILD_COUNTED;
    }
    double bound = slot && slot->kind == MEMO_UPPER ? slot->value : bound_of(s, child);
    if (cbase + bound <= s->best_total + 1e-9) {
        /* Cannot beat the best found: cut, remembering its bound. */
        f->upper = fmax(f->upper, cbase - f->base + bound);
        s->bs->pruned++;
        return CHILD_COUNTED;
    }
    if (!slot)
        slot = memo_find(&s->memo, key, true);
    open_frame(s, ps, depth + 1, child, slot, key, cbase, pathlen);
    return CHILD_OPENED;
}

static void stack_init(struct pass_stack *ps, struct game *root)
{
    *ps = (struct pass_stack){.cap = 64, .allocated = 1};
    ps->games = xmalloc(sizeof *ps->games * (size_t)ps->cap);
    ps->frames = xmalloc(sizeof *ps->frames * (size_t)ps->cap);
    ps->path = xmalloc(sizeof *ps->path * (size_t)(2 * ps->cap + 2));
    ps->games[0] = root;
}

static void stack_free(struct pass_stack *ps)
{
    for (int i = 0; i < ps->allocated; i++)
        game_free(ps->games[i]);
    free(ps->games);
    free(ps->frames);
    free(ps->path);
}

enum step { STEP_NEXT, STEP_DEEPER, STEP_STOP };

/* Searches the next option of the frame at depth: cut by its bound without
 * taking it, or taken and its child counted or opened (STEP_DEEPER); STEP_STOP
 * when the pass must end (the key grew, the bounds went stale, a loop). */
static enum step search_option(struct searcher *s, struct pass_stack *ps, int depth, struct reads r0)
{
    struct frame *f = &ps->frames[depth];
    struct game *g = ps->games[depth];
    int option = s->pool[f->order + f->option++ - 1];
    f->taking = option;
    double upper = option_upper(s, g, option);
    if (f->base + upper <= s->best_total + 1e-9) {
        /* Cannot beat the best found, told without taking it (taking
         * an option runs its callbacks: most of a search's time). */
        f->upper = fmax(f->upper, upper);
        s->bs->pruned++;
        return STEP_NEXT;
    }
    if (depth + 1 >= ps->cap) {
        stack_grow(ps);
        f = &ps->frames[depth];
    }
    if (depth + 1 >= ps->allocated)
        ps->games[ps->allocated++] = quiet_game(s);
    struct game *child = ps->games[depth + 1];
    int n;
    struct diag d;
    bool ok = take_option(child, g, option, ps->path + f->pathlen, &n, &d);
    if (reads_changed(s, r0))
        return STEP_STOP;
    if (!ok)
        return STEP_NEXT; /* an error or a dead end: no ending that way */
    saw_next(s, g, child, option);
    if (s->bounds_stale) {
        s->restart = true;
        return STEP_STOP;
    }
    switch (visit_child(s, ps, depth, child, option, f->pathlen + n)) {
    case CHILD_RESTART:
        return STEP_STOP;
    case CHILD_OPENED:
        return STEP_DEEPER;
    default:
        return STEP_NEXT;
    }
}

/* One pass of the search with the current key; sets restart when the key
 * must grow. */
static bool search_pass(struct searcher *s, struct diag *err)
{
    const struct scenario *sc = s->sc;
    struct best_search *bs = s->bs;
    struct reads r0 = reads_now(sc);
    struct game_setup st;
    game_setup_explorer(&st, bs->role, bs->duet, bs->seed);
    struct game *root = quiet_game(s);
    if (!game_start(root, &st, err)) {
        game_free(root);
        return false;
    }
    if (reads_changed(s, r0)) {
        game_free(root);
        return true;
    }
    struct pass_stack ps;
    stack_init(&ps, root);
    s->pool_top = 0;
    if (root->over) {
        s->best_total = game_weighted(root, s->player);
        s->best_npath = 0;
    } else {
        struct memo_slot *slot = memo_find(&s->memo, state_key(root, s->key_what), true);
        open_frame(s, &ps, 0, root, slot, slot->key, game_weighted(root, s->player), 0);
    }
    long tick = 0;
    for (int depth = root->over ? -1 : 0; depth >= 0;) {
        struct frame *f = &ps.frames[depth];
        if (f->option > f->noptions) {
            close_frame(s, &ps, depth--);
            continue;
        }
        if (out_of_budget(bs, &tick)) {
            s->stopped = true;
            /* The first check past the cap, the clock aside: where the
             * cap alone would have stopped. */
            bs->capped = bs->max_states > 0 && bs->states > bs->max_states;
            break;
        }
        enum step step = search_option(s, &ps, depth, r0);
        if (step == STEP_STOP)
            break;
        if (step == STEP_DEEPER)
            depth++;
    }
    /* Complete: every cut was of a branch that could not beat the best
     * found, so the best found is the maximum. */
    if (!s->restart && !s->stopped)
        bs->exact = true;
    stack_free(&ps);
    return true;
}

/* Replays the best path for its points. */
static void replay_points(struct searcher *s)
{
    struct best_search *bs = s->bs;
    struct game_setup st;
    game_setup_explorer(&st, bs->role, bs->duet, bs->seed);
    struct game *g = game_new(s->sc);
    struct diag d;
    bool ok = game_start(g, &st, &d);
    for (int i = 0; ok && i < s->best_npath && !g->over;) {
        if (game_is_secret(g)) {
            int picks[2] = {s->best_path[i], s->best_path[i + 1]};
            ok = game_choose_pair(g, picks, false, 0, &d);
            i += 2;
        } else {
            ok = game_choose(g, s->best_path[i++], false, 0, &d);
        }
    }
    if (ok && g->over) {
        free(bs->path);
        bs->npath = s->best_npath;
        bs->path = xmalloc(sizeof *bs->path * (size_t)(bs->npath + 1));
        memcpy(bs->path, s->best_path, sizeof *bs->path * (size_t)bs->npath);
        bs->weighted = game_weighted(g, s->player);
        memcpy(bs->points, g->s.players[s->player].score, sizeof bs->points);
        bs->found = true;
    }
    game_free(g);
}

enum { DISCOVER_RUNS = 200 };

/* Random playthroughs before the search, to see where the next functions
 * lead (the fewer scenes the search meets for the first time, the fewer
 * times it starts over). Their draws are their own, never the game's. */
static void discover(struct searcher *s)
{
    struct best_search *bs = s->bs;
    struct game_setup st;
    game_setup_explorer(&st, bs->role, bs->duet, bs->seed);
    struct game *g = quiet_game(s), *child = quiet_game(s);
    struct rng pick;
    rng_seed(&pick, bs->seed ^ 0xb357b357b357b357ULL);
    struct diag d;
    /* A number of runs, not a time: what they find orders the search, and
     * the search's figures (states, the path among equal bests) must not
     * depend on how busy the machine is. */
    for (int run = 0; run < DISCOVER_RUNS && !(bs->deadline > 0 && clock_seconds() > bs->deadline); run++) {
        if (!game_start(g, &st, &d))
            break;
        while (!g->over) {
            int n = options_of(g), in[2], k;
            if (n < 1)
                break;
            int option = (int)rng_range(&pick, 1, n);
            if (!take_option(child, g, option, in, &k, &d))
                break;
            saw_next(s, g, child, option);
            struct game *t = g;
            g = child;
            child = t;
        }
    }
    game_free(g);
    game_free(child);
}

bool best_search_run(const struct scenario *sc, struct best_search *bs, struct diag *err)
{
    double t0 = clock_seconds();
    bs->found = bs->exact = bs->capped = false;
    bs->weighted = 0;
    memset(bs->points, 0, sizeof bs->points);
    bs->path = NULL;
    bs->npath = 0;
    bs->states = bs->pruned = 0;
    struct searcher s;
    memset(&s, 0, sizeof s);
    s.sc = sc;
    s.bs = bs;
    s.player = bs->duet ? bs->role : 0;
    s.best_total = -HUGE_VAL;
    s.texts = game_texts_checked_new();
    graph_init(&s.graph, sc, bs->role);
    unsigned long draws0 = sc->live->random_draws;
    if (!bs->no_bound) {
        s.bounds = xmalloc(sizeof *s.bounds * (size_t)(sc->nscenes + 1));
        struct reads r0 = reads_now(sc);
        discover(&s);
        reads_changed(&s, r0); /* the key grows before the search, not during it */
    }
    bool ok = true;
    for (;;) {
        if (s.bounds) {
            make_reach(sc, &s.graph);
            classify_once(sc, &s.graph, bs->role, bs->duet);
            make_bounds(sc, &s.graph, bs->role, bs->duet, s.bounds);
            s.bounds_stale = false;
        }
        s.restart = s.stopped = false;
        free(s.memo.slots);
        memset(&s.memo, 0, sizeof s.memo);
        bs->states = bs->pruned = 0;
        ok = search_pass(&s, err);
        if (!ok || !s.restart)
            break;
    }
    if (ok && s.best_total > -HUGE_VAL)
        replay_points(&s);
    bs->seed_free = sc->live->random_draws == draws0;
    free(s.memo.slots);
    free(s.bounds);
    free(s.pool);
    graph_free(&s.graph, sc);
    free(s.best_path);
    game_free(s.walk[0]);
    game_free(s.walk[1]);
    game_texts_checked_free(s.texts);
    bs->seconds = clock_seconds() - t0;
    return ok;
}

void best_search_free(struct best_search *bs)
{
    free(bs->path);
    bs->path = NULL;
    bs->npath = 0;
}
