#include "best.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "game.h"
#include "loader.h"
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
 * it is being solved (on the search's stack). 16 bytes: the kind is kept
 * in the key's top two bits (a key is 62 bits of its hash), and no option
 * is kept (the path is found again from the values: follow). */
struct memo_slot {
    uint64_t key; /* 0: empty */
    double value;
};

#define MEMO_KIND_SHIFT 62
#define MEMO_KEY_MASK ((1ull << MEMO_KIND_SHIFT) - 1)

struct memo {
    struct memo_slot *slots;
    size_t cap, count;
};

static inline int slot_kind(const struct memo_slot *s)
{
    return (int)(s->key >> MEMO_KIND_SHIFT);
}

static inline void slot_set(struct memo_slot *s, int kind, double value)
{
    s->key = (s->key & MEMO_KEY_MASK) | (uint64_t)kind << MEMO_KIND_SHIFT;
    s->value = value;
}

/* Grows the table to keep it at most three quarters full (linear probing
 * stays short there, and a slot is small). */
static void memo_grow(struct memo *m)
{
    size_t cap = m->cap ? m->cap * 2 : 4096;
    struct memo_slot *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key != 0)
            for (size_t j = m->slots[i].key & (cap - 1);; j = (j + 1) & (cap - 1))
                if (slots[j].key == 0) {
                    slots[j] = m->slots[i];
                    break;
                }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

/* The slot of a state's key; with add, a new one is made OPEN. */
static struct memo_slot *memo_find(struct memo *m, uint64_t key, bool add)
{
    key &= MEMO_KEY_MASK;
    if (add && (m->count + 1) * 4 > m->cap * 3)
        memo_grow(m);
    if (!m->cap)
        return NULL;
    for (size_t j = key & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
        struct memo_slot *s = &m->slots[j];
        if (s->key == 0) {
            if (!add)
                return NULL;
            s->key = key | (uint64_t)MEMO_OPEN << MEMO_KIND_SHIFT;
            m->count++;
            return s;
        }
        if ((s->key & MEMO_KEY_MASK) == key)
            return s;
    }
}

static void memo_clear(struct memo *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* The slot of a key in a table only read. */
static const struct memo_slot *memo_get(const struct memo *m, uint64_t key)
{
    key &= MEMO_KEY_MASK;
    if (!m->cap)
        return NULL;
    for (size_t j = key & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
        const struct memo_slot *s = &m->slots[j];
        if (s->key == 0)
            return NULL;
        if ((s->key & MEMO_KEY_MASK) == key)
            return s;
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

/* Whether next function c is known to return scene. */
static bool graph_has(const struct graph *gr, uint32_t c, int scene)
{
    for (int i = 0; i < gr->nsucc[c]; i++)
        if (gr->succ[c][i] == scene)
            return true;
    return false;
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

/* The search is split into tasks: the states the first decisions lead to
 * (as many levels as give TASKS_WANTED of them, at most TASK_DEPTH_MAX),
 * each searched whole by one worker, which takes the next task when done.
 * More tasks than workers keep the workers busy to the end. */
enum { TASKS_WANTED = 64, TASK_DEPTH_MAX = 6 };

/* A total within this of the best reaches it (the totals of two paths
 * summed in other orders may differ in their last bits). */
#define EPS_REACH 1e-9

struct frame {
    uint64_t key;
    int option, noptions;
    double base;  /* the player's weighted total in this state */
    double best;  /* the best option's r + V among exact children */
    double upper; /* the highest r + bound among cut or bounded children */
    int pathlen;  /* inputs that lead here */
    int order;    /* its options, most promising first: at searcher.pool[order] */
};

/* The depth-first stack of a search: a game and a frame per depth, and
 * the inputs that lead to the deepest state. */
struct pass_stack {
    struct game **games;
    struct frame *frames;
    int *path;
    int cap;       /* frames the arrays hold */
    int allocated; /* games made so far (reused from one branch to the next) */
};

/* A list of inputs: a path. */
struct inputs {
    int *v;
    int n, cap;
};

static void inputs_push(struct inputs *in, int v)
{
    if (in->n >= in->cap) {
        in->cap = in->cap * 2 + 64;
        in->v = xrealloc(in->v, sizeof *in->v * (size_t)in->cap);
    }
    in->v[in->n++] = v;
}

/* Pairs of a choice with a next function and a scene it returned. */
struct seen_list {
    uint32_t *choice;
    int *scene;
    int n, cap;
};

static bool seen_has(const struct seen_list *l, uint32_t c, int scene)
{
    for (int i = 0; i < l->n; i++)
        if (l->choice[i] == c && l->scene[i] == scene)
            return true;
    return false;
}

static void seen_add(struct seen_list *l, uint32_t c, int scene)
{
    if (l->n == l->cap) {
        l->cap = l->cap * 2 + 16;
        l->choice = xrealloc(l->choice, sizeof *l->choice * (size_t)l->cap);
        l->scene = xrealloc(l->scene, sizeof *l->scene * (size_t)l->cap);
    }
    l->choice[l->n] = c;
    l->scene[l->n++] = scene;
}

static void seen_free(struct seen_list *l)
{
    free(l->choice);
    free(l->scene);
    *l = (struct seen_list){0};
}

/* One subtree of the search: the state the first decisions lead to. */
struct task {
    int *inputs; /* from the start */
    int ninputs;
    double base; /* the player's weighted total there */
    uint64_t key;
    int same;    /* an earlier task of the same state and base, whose result it shares; -1 */
    bool ending; /* the run ended there: nothing to search */
    /* What its search found (on a table of its own, from the best the
     * dive found: the same whichever worker searches it, and when): */
    bool done;
    int kind;     /* MEMO_EXACT or MEMO_UPPER (value is a bound) */
    double value; /* the most weighted points reachable from it */
    double found; /* the best total it found a path to, above the dive's */
    struct inputs path;
    /* What it learnt for the next pass: */
    bool restart;     /* a callback read what the key leaves out: it stopped there */
    unsigned key_what;
    struct seen_list news; /* the scenes next functions returned that raise a bound,
                            * in the order met (the search went on without them) */
    struct memo kept;      /* its table, for the next pass when tasks met such scenes */
};

/* What the workers of one search share. */
struct shared {
    struct best_search *bs;
    const char *load_path;  /* where a worker loads its own copy of the scenario */
    uint64_t hash;          /* which must be this scenario */
    atomic_bool stop;       /* a worker stopped at the budget */
    atomic_int first_restart; /* the first task that must start the pass over */
    atomic_bool capped;     /* the cap of states stopped it */
    atomic_int next;        /* the next task to take */
    atomic_long states;     /* every worker's states, added every 256 steps */
    struct task *tasks;
    int ntasks;
    double dive;              /* the best total the dive found: each task starts from it */
    /* The last pass's tables, one a task (kept_key, kept_base), for the same
     * tasks of this pass: read-only, at the scenes not upstream of a choice
     * that led somewhere new then (upstream[]: kept_slot). */
    struct memo *kept;
    uint64_t *kept_key;
    double *kept_base;
    int nkept;
    struct seen_list changed; /* those choices, with the scenes they led to */
    uint8_t *kept_kind;       /* the once-choices' kinds then (graph.kind) */
    bool *upstream;           /* per scene: it can lead to a changed choice (all when
                               * a kind changed) */
    struct searcher *workers; /* 0 to nworkers - 1: the helpers (1 and on) start */
    int nworkers;             /* when the tasks do, after the dive */
};

/* A worker: its own scenario (its own Lua state), table of solved states
 * and copy of the scene graph. Worker 0 searches on the caller's scenario
 * in the caller's thread. */
struct searcher {
    const struct scenario *sc;
    struct scenario *own; /* a worker's own load, freed with it */
    struct best_search *bs;
    struct shared *sh;
    int id;
    int player;
    unsigned key_what;
    struct memo memo;
    const struct memo *kept; /* the last pass's table of its task, or NULL (kept_slot) */
    struct graph graph;
    double *bounds;    /* per scene; NULL without branch and bound */
    bool bounds_stale; /* a next function returned a scene not seen before */
    bool bounds_ready; /* bounds made for this pass (not yet while discovering) */
    struct seen_list harmless; /* new scenes that change no bound (successor_harmless) */
    struct seen_list harmful;  /* and those that do, met in this pass */
    struct seen_list news;     /* those its task met, in order */
    long *scene_states;        /* per scene, the states its task solved there */
    bool *up;                  /* scratch, per scene (going_on) */
    int *pool;
    int pool_top, pool_cap;
    struct pass_stack ps;
    double line;              /* the best total found: what a branch must beat */
    struct inputs found_path; /* the path to it */
    struct game *walk[2];     /* scratch for follow */
    struct game_texts_checked *texts; /* shared by its quiet games */
    long states, pruned, flushed, tick;
    unsigned long draws0; /* its scenario's draws before the search */
    bool restart;
    bool stopped;
    bool started;     /* its thread runs */
    bool load_failed; /* its copy of the scenario could not be loaded */
    int task;         /* the task it searches (-1: the dive) */
    bool left;        /* it left its task: an earlier one starts the pass over */
    double cpu;       /* its thread's CPU time taking tasks */
    char apart[64];   /* the next worker's fields on other cache lines than these
                       * (each worker counts its steps in its own) */
    pthread_t thread;
};

/* What the last pass's table of this task (searcher.kept) knows of state g
 * (key): exact or upper, at a scene not upstream of where that pass met
 * a scene new to the bounds; NULL else. Such a scene's bound, and those of
 * every scene it leads to, are the same in both passes, so every cut below
 * it was made on the bounds this pass has: its value holds. */
static const struct memo_slot *kept_slot(const struct searcher *s, const struct game *g, uint64_t key)
{
    if (!s->kept || s->sh->upstream[g->s.scene])
        return NULL;
    const struct memo_slot *slot = memo_get(s->kept, key);
    int kind = slot ? slot_kind(slot) : MEMO_EMPTY;
    return kind == MEMO_EXACT || kind == MEMO_UPPER ? slot : NULL;
}

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

/* The most a scene's bound_at can be, whatever is taken: its bound and
 * every once-choice it can reach. */
static double bound_at_most(const struct searcher *s, int scene)
{
    double v = s->bounds[scene];
    for (int i = 0; i < s->graph.nonce; i++)
        if (reaches(&s->graph, scene, s->sc->choices[s->graph.once[i]].scene))
            v += s->graph.gain[s->graph.once[i]];
    return v;
}

/* The least a scene's bound_at can be, whatever is taken: its bound less
 * its own ask-first points (bound_at takes them off once taken). */
static double bound_at_least(const struct searcher *s, int scene)
{
    double v = s->bounds[scene];
    const struct scene *sn = &s->sc->scenes[scene];
    for (int i = 0; i < sn->nchoices; i++) {
        uint32_t c = sn->first_choice + (uint32_t)i;
        if (s->sc->choices[c].once && s->graph.kind[c] == ONCE_FOLD && s->graph.gain[c] > 0 &&
            (s->sc->choices[c].role_mask >> s->bs->role & 1))
            v -= s->graph.gain[c];
    }
    return v;
}

/* Whether the graph's reach sets agree with other's in every column that
 * is the scene of a once-choice (the only columns bound_at and
 * classify_once read). */
static bool reach_agrees(const struct scenario *sc, const struct graph *gr, const uint64_t *other)
{
    if (!gr->reach)
        return true;
    for (uint32_t c = 0; c < sc->nchoices; c++) {
        if (!sc->choices[c].once)
            continue;
        int x = sc->choices[c].scene;
        for (int from = 0; from < sc->nscenes; from++) {
            size_t w = (size_t)from * (size_t)gr->words + (size_t)x / 64;
            if (((gr->reach[w] ^ other[w]) >> (x % 64)) & 1)
                return false;
        }
    }
    return true;
}

/* Whether next function c returning scene, not in the graph, changes
 * nothing the search computes from the graph (issue 23, round 10): the
 * scenes' bounds, the once-choices' kinds and reach, and ahead_at(c) for
 * any once-choices taken (the scene's bound_at never above the highest of
 * those c is known to return: bound_at_most against bound_at_least). The
 * search then goes on as it would with the scene in the graph, instead of
 * starting over: the scenes a next function returns that lead to less
 * (a second cash crunch's out_of_cash, a flop beside a launch) cost a pass
 * each before. The scene is not added, so every worker's graph stays the
 * one the pass began with (each worker decides the same for a scene from
 * that graph alone), and harmless scenes checked one by one are harmless
 * together (a longest path or a reach that no single edge changes is not
 * changed by several). A next function never seen to return (ahead_at is
 * unbounded) is never harmless. Costs a remake of the bounds, once per
 * scene and pass. */
static bool successor_harmless(struct searcher *s, uint32_t c, int scene)
{
    const struct scenario *sc = s->sc;
    struct graph *gr = &s->graph;
    if (!s->bounds_ready || gr->nsucc[c] == 0 || seen_has(&s->harmful, c, scene))
        return false;
    if (seen_has(&s->harmless, c, scene))
        return true;
    size_t nreach = gr->reach ? (size_t)sc->nscenes * (size_t)gr->words : 0;
    size_t n = sc->nchoices + 1;
    uint64_t *reach = nreach ? xmalloc(sizeof *reach * nreach) : NULL;
    uint8_t *kind = xmalloc(n);
    uint32_t *once = xmalloc(sizeof *once * n);
    double *bounds = xmalloc(sizeof *bounds * (size_t)(sc->nscenes + 1));
    if (nreach)
        memcpy(reach, gr->reach, sizeof *reach * nreach);
    memcpy(kind, gr->kind, n);
    memcpy(once, gr->once, sizeof *once * n);
    int nonce = gr->nonce;
    /* The graph with the scene, made as searcher_pass makes it. */
    graph_saw(gr, c, scene);
    make_reach(sc, gr);
    classify_once(sc, gr, s->bs->role, s->bs->duet);
    make_bounds(sc, gr, s->bs->role, s->bs->duet, bounds);
    bool same = gr->nonce == nonce && memcmp(kind, gr->kind, n) == 0 &&
                memcmp(once, gr->once, sizeof *once * (size_t)nonce) == 0 &&
                (!nreach || reach_agrees(sc, gr, reach));
    for (int i = 0; same && i < sc->nscenes; i++)
        same = bounds[i] == s->bounds[i];
    gr->nsucc[c]--;
    if (same) {
        double known = -HUGE_VAL;
        for (int i = 0; i < gr->nsucc[c]; i++)
            known = fmax(known, bound_at_least(s, gr->succ[c][i]));
        same = bound_at_most(s, scene) <= known;
    }
    /* Back to the pass's graph. */
    if (nreach)
        memcpy(gr->reach, reach, sizeof *reach * nreach);
    memcpy(gr->kind, kind, n);
    memcpy(gr->once, once, sizeof *once * n);
    gr->nonce = nonce;
    free(reach);
    free(kind);
    free(once);
    free(bounds);
    seen_add(same ? &s->harmless : &s->harmful, c, scene);
    return same;
}

/* up[x]: scene x can lead to the scene of a choice in changed (over the
 * graph gr), or is it. */
static void upstream_of(const struct scenario *sc, const struct graph *gr, const struct seen_list *changed,
                        bool *up)
{
    memset(up, 0, sizeof *up * (size_t)sc->nscenes);
    for (int i = 0; i < changed->n; i++)
        up[sc->choices[changed->choice[i]].scene] = true;
    for (bool grew = true; grew;) {
        grew = false;
        for (int x = sc->nscenes - 1; x >= 0; x--) {
            const struct scene *sn = &sc->scenes[x];
            bool u = up[x] || (sn->conflict >= 0 && up[sn->conflict]);
            for (int i = 0; i < sn->nchoices && !u; i++) {
                uint32_t c = sn->first_choice + (uint32_t)i;
                u = sc->choices[c].next >= 0 && up[sc->choices[c].next];
                for (int k = 0; k < gr->nsucc[c] && !u; k++)
                    u = up[gr->succ[c][k]];
            }
            if (u && !up[x]) {
                up[x] = true;
                grew = true;
            }
        }
    }
}

/* Whether a task that met a scene raising a bound (next function c's)
 * goes on to its end, and the pass with it, on the pass's bounds: when
 * fewer than one in 16 of the states it solved so far lie upstream of c
 * (the next pass solves those again and reuses the rest: kept_slot). Else
 * it stops, and the tasks after it with it, as the states it solved first
 * are upstream and more of the pass would be solved again than reused
 * (Seed to Scale PO, seed 13: a launch crunch met at 13 % upstream; going
 * on, a first pass of 1.17 M states and a second of 1.07 M, against 1.6 M
 * in all when it stops). Seed 6's growth crunch is met at 193 of 432 k.
 * Depends only on the task's search: the same for any number of workers. */
static bool going_on(struct searcher *s, uint32_t c)
{
    struct seen_list one = {.choice = &c, .scene = NULL, .n = 1};
    upstream_of(s->sc, &s->graph, &one, s->up);
    long upstream = 0, all = 0;
    for (int x = 0; x < s->sc->nscenes; x++) {
        all += s->scene_states[x];
        if (s->up[x])
            upstream += s->scene_states[x];
    }
    return upstream * 16 < all;
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
    int scene = child->s.scene;
    for (int i = 0; i < n; i++) {
        if (sc->choices[c[i]].next >= 0 || graph_has(&s->graph, c[i], scene) ||
            successor_harmless(s, c[i], scene))
            continue;
        if (s->task >= 0) {
            /* A task goes on with the pass's graph when most of what it
             * finds holds in the next pass (going_on), else it stops. */
            if (!seen_has(&s->news, c[i], scene)) {
                seen_add(&s->news, c[i], scene);
                if (!going_on(s, c[i]))
                    s->bounds_stale = true;
            }
        } else if (graph_saw(&s->graph, c[i], scene)) {
            s->bounds_stale = true; /* the dive, the split: start over */
        }
    }
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

static void stack_init(struct searcher *s)
{
    struct pass_stack *ps = &s->ps;
    if (ps->games)
        return;
    ps->cap = 64;
    ps->games = xmalloc(sizeof *ps->games * (size_t)ps->cap);
    ps->frames = xmalloc(sizeof *ps->frames * (size_t)ps->cap);
    ps->path = xmalloc(sizeof *ps->path * (size_t)(2 * ps->cap + 2 + 2 * TASK_DEPTH_MAX));
    ps->games[0] = quiet_game(s);
    ps->allocated = 1;
}

static void stack_grow(struct pass_stack *ps)
{
    ps->cap *= 2;
    ps->games = xrealloc(ps->games, sizeof *ps->games * (size_t)ps->cap);
    ps->frames = xrealloc(ps->frames, sizeof *ps->frames * (size_t)ps->cap);
    ps->path = xrealloc(ps->path, sizeof *ps->path * (size_t)(2 * ps->cap + 2 + 2 * TASK_DEPTH_MAX));
}

static void stack_free(struct pass_stack *ps)
{
    for (int i = 0; i < ps->allocated; i++)
        game_free(ps->games[i]);
    free(ps->games);
    free(ps->frames);
    free(ps->path);
}

static void follow(struct searcher *s, const struct game *g, double target, struct inputs *out);

/* A new best total, reached through state g (prefix: its inputs): kept
 * with its whole path, g's own continuation following the values of exact
 * solved states. */
static void found_through(struct searcher *s, const struct game *g, double total, const int *prefix, int n)
{
    s->line = total;
    s->found_path.n = 0;
    for (int i = 0; i < n; i++)
        inputs_push(&s->found_path, prefix[i]);
    if (!g->over)
        follow(s, g, total, &s->found_path);
}

/* Opens the frame of state g (its memo slot marked open) at depth. */
static inline void open_frame(struct searcher *s, int depth, struct game *g, struct memo_slot *slot,
                              uint64_t key, double base, int pathlen)
{
    slot_set(slot, MEMO_OPEN, 0);
    int n = options_of(g);
    s->ps.frames[depth] =
        (struct frame){key, 1, n, base, -HUGE_VAL, -HUGE_VAL, pathlen, order_options(s, g, n)};
    s->states++;
    s->scene_states[g->s.scene]++;
}

/* Closes the frame at depth, all its options searched: its value into the
 * memo (exact when no cut child could beat the best) and into the parent's
 * frame, if any. */
static inline void close_frame(struct searcher *s, int depth)
{
    struct frame *f = &s->ps.frames[depth];
    bool exact = !(f->upper > f->best + 1e-9);
    struct memo_slot *slot = memo_find(&s->memo, f->key, false);
    slot_set(slot, exact ? MEMO_EXACT : MEMO_UPPER, exact ? f->best : f->upper);
    s->pool_top = f->order;
    if (depth == 0)
        return;
    struct frame *pf = &s->ps.frames[depth - 1];
    double r = f->base - pf->base;
    if (exact)
        pf->best = fmax(pf->best, r + f->best);
    else
        /* Only exact children make a parent exact, so that an exact
         * state's value is reached through exact ones (follow). */
        pf->upper = fmax(pf->upper, r + f->upper);
}

/* The deadline or the states' budget is spent, or another worker stopped
 * (looked at every 256 steps: the clock is not free). The states are
 * added to the shared count then. */
static inline bool out_of_budget(struct searcher *s)
{
    if ((s->tick++ & 255) != 0)
        return false;
    struct shared *sh = s->sh;
    const struct best_search *bs = s->bs;
    long add = s->states - s->flushed;
    long total = atomic_fetch_add(&sh->states, add) + add;
    s->flushed = s->states;
    if (s->task > atomic_load(&sh->first_restart)) {
        /* An earlier task must start the pass over: this one is left. */
        s->left = true;
        return true;
    }
    bool capped = bs->max_states > 0 && total > bs->max_states;
    if (capped || atomic_load(&sh->stop) || (bs->deadline > 0 && clock_seconds() > bs->deadline)) {
        /* The first check past the cap, the clock aside: where the cap
         * alone would have stopped (the same on any machine, for one
         * worker). */
        if (capped)
            atomic_store(&sh->capped, true);
        s->stopped = true;
        atomic_store(&sh->stop, true);
        return true;
    }
    return false;
}

/* Counts a child whose value is known (an ending, 0, or an exact state):
 * r + value for frame f, and cbase + value for the best found, through
 * the path to the child. */
static inline void credit_child(struct searcher *s, struct frame *f, const struct game *child,
                                double cbase, double value, const int *path, int pathlen)
{
    if (cbase + value > s->line + 1e-12)
        found_through(s, child, cbase + value, path, pathlen);
    f->best = fmax(f->best, cbase - f->base + value);
}

enum child_step { CHILD_COUNTED, CHILD_OPENED, CHILD_RESTART };

/* A child state just reached from the frame at depth, by pathlen inputs:
 * counted when its value is known or it is cut, else opened as the next
 * frame; a loop in the states restarts the pass. */
static inline enum child_step visit_child(struct searcher *s, int depth, struct game *child, int pathlen)
{
    struct frame *f = &s->ps.frames[depth];
    double cbase = game_weighted(child, s->player);
    if (child->over) {
        credit_child(s, f, child, cbase, 0, s->ps.path, pathlen);
        return CHILD_COUNTED;
    }
    uint64_t key = state_key(child, s->key_what);
    struct memo_slot *slot = memo_find(&s->memo, key, false);
    if (!slot) {
        const struct memo_slot *k = kept_slot(s, child, key);
        if (k && slot_kind(k) == MEMO_EXACT) {
            /* Solved in the last pass: its value, and the path on from it
             * (follow), hold in this one. */
            slot = memo_find(&s->memo, key, true);
            slot_set(slot, MEMO_EXACT, k->value);
        } else if (k) {
            slot = memo_find(&s->memo, key, true);
            slot_set(slot, MEMO_UPPER, k->value);
        }
    }
    int kind = slot ? slot_kind(slot) : MEMO_EMPTY;
    if (kind == MEMO_OPEN) {
        /* A loop in the states: only the visits tell the laps apart. */
        s->key_what |= KEY_VISITS;
        s->restart = true;
        return CHILD_RESTART;
    }
    if (kind == MEMO_EXACT) {
        credit_child(s, f, child, cbase, slot->value, s->ps.path, pathlen);
        return CHILD_COUNTED;
    }
    double bound = kind == MEMO_UPPER ? slot->value : bound_of(s, child);
    if (cbase + bound <= s->line + 1e-9) {
        /* Cannot beat the best found: cut, remembering its bound. */
        f->upper = fmax(f->upper, cbase - f->base + bound);
        s->pruned++;
        return CHILD_COUNTED;
    }
    if (!slot)
        slot = memo_find(&s->memo, key, true);
    open_frame(s, depth + 1, child, slot, key, cbase, pathlen);
    return CHILD_OPENED;
}

enum step { STEP_NEXT, STEP_DEEPER, STEP_STOP };

/* Searches the next option of the frame at depth: cut by its bound without
 * taking it, or taken and its child counted or opened (STEP_DEEPER); STEP_STOP
 * when the pass must end (the key grew, the bounds went stale, a loop). */
static enum step search_option(struct searcher *s, int depth, struct reads r0)
{
    struct pass_stack *ps = &s->ps;
    struct frame *f = &ps->frames[depth];
    struct game *g = ps->games[depth];
    int option = s->pool[f->order + f->option++ - 1];
    double upper = option_upper(s, g, option);
    if (f->base + upper <= s->line + 1e-9) {
        /* Cannot beat the best found, told without taking it (taking
         * an option runs its callbacks: most of a search's time). */
        f->upper = fmax(f->upper, upper);
        s->pruned++;
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
    switch (visit_child(s, depth, child, f->pathlen + n)) {
    case CHILD_RESTART:
        return STEP_STOP;
    case CHILD_OPENED:
        return STEP_DEEPER;
    default:
        return STEP_NEXT;
    }
}

/* Solves the state of game g (reached from the start by prefix): *kind
 * and *value what the memo then holds for it (MEMO_UPPER also when its
 * bound cut it). With limit, stops after that many states (the dive:
 * true, the memo then half made). false when the search must stop
 * (s->restart, s->stopped). */
static bool solve_state(struct searcher *s, const struct game *g, const int *prefix, int nprefix,
                        struct reads r0, long limit, int *kind, double *value)
{
    long states0 = s->states;
    stack_init(s);
    uint64_t key = state_key(g, s->key_what);
    double base = game_weighted(g, s->player);
    struct memo_slot *slot = memo_find(&s->memo, key, false);
    if (slot && slot_kind(slot) == MEMO_EXACT) {
        *kind = MEMO_EXACT;
        *value = slot->value;
        return true;
    }
    double bound = slot ? slot->value : bound_of(s, g);
    if (base + bound <= s->line + 1e-9) {
        *kind = MEMO_UPPER;
        *value = bound;
        s->pruned++;
        return true;
    }
    struct pass_stack *ps = &s->ps;
    game_copy_state(ps->games[0], g);
    if (nprefix > 0)
        memcpy(ps->path, prefix, sizeof *prefix * (size_t)nprefix);
    slot = memo_find(&s->memo, key, true);
    s->pool_top = 0;
    open_frame(s, 0, ps->games[0], slot, key, base, nprefix);
    for (int depth = 0; depth >= 0;) {
        struct frame *f = &ps->frames[depth];
        if (f->option > f->noptions) {
            close_frame(s, depth--);
            continue;
        }
        if (out_of_budget(s))
            return false;
        enum step step = search_option(s, depth, r0);
        if (step == STEP_STOP)
            return false;
        if (step == STEP_DEEPER)
            depth++;
        if (limit > 0 && s->states - states0 >= limit) {
            *kind = MEMO_UPPER;
            *value = HUGE_VAL;
            return true;
        }
    }
    slot = memo_find(&s->memo, key, false);
    *kind = slot_kind(slot);
    *value = slot->value;
    return true;
}

/* Whether child, an ending or a state the memo knows exactly, reaches
 * the total target. */
static bool child_reaches(struct searcher *s, const struct game *child, double target)
{
    double cbase = game_weighted(child, s->player);
    if (child->over)
        return cbase >= target - EPS_REACH;
    uint64_t key = state_key(child, s->key_what);
    const struct memo_slot *slot = memo_find(&s->memo, key, false);
    if (!slot)
        slot = kept_slot(s, child, key);
    return slot && slot_kind(slot) == MEMO_EXACT && cbase + slot->value >= target - EPS_REACH;
}

/* Adds to out the inputs of a path from state g to an ending of total
 * target, taking at each decision the first option, in the order shown,
 * whose child is an ending or an exact state that reaches it (an exact
 * state's value is reached through exact states: close_frame). */
static void follow(struct searcher *s, const struct game *g, double target, struct inputs *out)
{
    if (!s->walk[0]) {
        s->walk[0] = quiet_game(s);
        s->walk[1] = quiet_game(s);
    }
    game_copy_state(s->walk[0], g);
    for (int cur = 0; !s->walk[cur]->over; cur = 1 - cur) {
        struct game *at = s->walk[cur], *child = s->walk[1 - cur];
        int n = options_of(at), chosen = 0, in[2], k = 0;
        for (int o = 1; o <= n && !chosen; o++) {
            struct diag d;
            if (!take_option(child, at, o, in, &k, &d))
                continue;
            if (child_reaches(s, child, target))
                chosen = o;
        }
        if (!chosen)
            return;
        for (int i = 0; i < k; i++)
            inputs_push(out, in[i]);
    }
}

/* Plays the inputs from the start in g. */
static bool replay(struct game *g, const struct best_search *bs, const int *in, int n)
{
    struct game_setup st;
    game_setup_explorer(&st, bs->role, bs->duet, bs->seed);
    struct diag d;
    bool ok = game_start(g, &st, &d);
    for (int i = 0; ok && i < n && !g->over;) {
        if (game_is_secret(g) && i + 1 < n) {
            int picks[2] = {in[i], in[i + 1]};
            ok = game_choose_pair(g, picks, false, 0, &d);
            i += 2;
        } else {
            ok = game_choose(g, in[i++], false, 0, &d);
        }
    }
    return ok;
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

/* ----------------------------------------------------------- tasks */

struct task_list {
    struct task *v;
    int n, cap;
};

static void task_add(struct task_list *tl, const int *in, int n, double base, uint64_t key, bool ending)
{
    if (tl->n == tl->cap) {
        tl->cap = tl->cap * 2 + 64;
        tl->v = xrealloc(tl->v, sizeof *tl->v * (size_t)tl->cap);
    }
    struct task *t = &tl->v[tl->n++];
    *t = (struct task){.ninputs = n, .base = base, .key = key, .same = -1, .ending = ending};
    t->inputs = xmalloc(sizeof *t->inputs * (size_t)(n + 1));
    memcpy(t->inputs, in, sizeof *in * (size_t)n);
}

static void tasks_clear(struct task_list *tl)
{
    for (int i = 0; i < tl->n; i++) {
        free(tl->v[i].inputs);
        free(tl->v[i].path.v);
        memo_clear(&tl->v[i].kept);
        seen_free(&tl->v[i].news);
    }
    tl->n = 0;
}

/* The tasks below games[depth] (reached by in[0..n)) down to depth max,
 * in the order the search takes the options; false when the pass must
 * start over. */
static bool enumerate(struct searcher *s, struct game **games, int depth, int max, int *in, int n,
                      struct reads r0, struct task_list *tl)
{
    struct game *g = games[depth];
    if (depth == max) {
        task_add(tl, in, n, game_weighted(g, s->player), state_key(g, s->key_what), false);
        return true;
    }
    int nopt = options_of(g);
    int at = order_options(s, g, nopt);
    for (int i = 0; i < nopt; i++) {
        int option = s->pool[at + i], k;
        struct game *child = games[depth + 1];
        struct diag d;
        bool ok = take_option(child, g, option, in + n, &k, &d);
        if (reads_changed(s, r0))
            return false;
        if (!ok)
            continue;
        saw_next(s, g, child, option);
        if (s->bounds_stale) {
            s->restart = true;
            return false;
        }
        if (child->over) {
            double base = game_weighted(child, s->player);
            task_add(tl, in, n + k, base, 0, true);
            if (base > s->line + 1e-12)
                found_through(s, child, base, in, n + k);
        }
        else if (!enumerate(s, games, depth + 1, max, in, n + k, r0, tl))
            return false;
    }
    s->pool_top = at;
    return true;
}

/* Splits the search from the start (games[0]) into tasks, one level more
 * until there are TASKS_WANTED (the same split for any number of workers);
 * tasks of one state share its result. false when the pass must start
 * over. */
static bool make_tasks(struct searcher *s, struct game **games, struct reads r0, struct task_list *tl)
{
    int in[2 * TASK_DEPTH_MAX + 2];
    for (int max = 1; max <= TASK_DEPTH_MAX; max++) {
        tasks_clear(tl);
        s->pool_top = 0;
        if (!enumerate(s, games, 0, max, in, 0, r0, tl))
            return false;
        if (tl->n >= TASKS_WANTED)
            break;
    }
    /* A state reached with the same total by two paths: its search, and
     * the paths it finds, would be the same. */
    struct memo seen = {0};
    for (int i = 0; i < tl->n; i++) {
        if (tl->v[i].ending)
            continue;
        const struct task *t = &tl->v[i];
        struct memo_slot *slot = memo_find(&seen, hash_fast(t->key, &t->base, sizeof t->base), true);
        if (slot_kind(slot) == MEMO_EXACT)
            tl->v[i].same = (int)slot->value;
        else
            slot_set(slot, MEMO_EXACT, i);
    }
    memo_clear(&seen);
    return true;
}

/* ----------------------------------------------------------- workers */

/* The scenes task t met that raise a bound (searcher s's, in its order). */
static void task_news(struct task *t, const struct searcher *s)
{
    t->news.n = 0;
    for (int i = 0; i < s->news.n; i++)
        seen_add(&t->news, s->news.choice[i], s->news.scene[i]);
}

/* Searches task t on a table of its own from the dive's best (line): what
 * it finds does not depend on which worker searches it, or when. false
 * when the budget is spent. */
static bool search_task(struct searcher *s, struct task *t, int index, struct game *g, double line)
{
    struct shared *sh = s->sh;
    memo_clear(&s->memo);
    s->line = line;
    s->found_path.n = 0;
    s->restart = s->left = false;
    s->task = index;
    s->news.n = 0;
    memset(s->scene_states, 0, sizeof *s->scene_states * (size_t)s->sc->nscenes);
    s->kept = NULL;
    for (int k = 0; k < sh->nkept && !s->kept; k++)
        if (t->key == sh->kept_key[k] && t->base == sh->kept_base[k])
            s->kept = &sh->kept[k];
    unsigned what0 = s->key_what;
    struct reads r0 = reads_now(s->sc);
    int kind = MEMO_EXACT;
    double value = -HUGE_VAL; /* its replay failed: no ending that way */
    if (replay(g, s->bs, t->inputs, t->ninputs) && !g->over &&
        !solve_state(s, g, t->inputs, t->ninputs, r0, 0, &kind, &value)) {
        s->kept = NULL;
        if (s->left)
            return true;
        if (!s->restart)
            return false;
        /* The key grows, or a scene it met raises a bound upstream of much
         * of what it solved (going_on): what it learnt, and its table when
         * the key holds, for the next pass; the tasks after it are left. */
        t->restart = true;
        t->key_what = s->key_what;
        task_news(t, s);
        if (s->key_what == what0) {
            t->kept = s->memo;
            s->memo = (struct memo){0};
        }
        int first = atomic_load(&sh->first_restart);
        while (index < first && !atomic_compare_exchange_weak(&sh->first_restart, &first, index))
            ;
        return true;
    }
    s->kept = NULL;
    /* Its table, for the next pass if a task met scenes that raise a
     * bound (learn_from). */
    task_news(t, s);
    t->kept = s->memo;
    s->memo = (struct memo){0};
    t->kind = kind;
    t->value = value;
    t->found = s->line > line ? s->line : -HUGE_VAL;
    free(t->path.v);
    t->path = s->found_path;
    s->found_path = (struct inputs){0};
    t->done = true;
    return true;
}

/* Takes tasks until there are none left or the search stops. */
static void work(struct searcher *s)
{
    struct shared *sh = s->sh;
    stack_init(s);
    struct game *g = quiet_game(s);
    struct timespec c0, c1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
    while (!atomic_load(&sh->stop)) {
        int i = atomic_fetch_add(&sh->next, 1);
        if (i >= sh->ntasks)
            break;
        struct task *t = &sh->tasks[i];
        if (t->ending || t->same >= 0 || i > atomic_load(&sh->first_restart))
            continue;
        if (!search_task(s, t, i, g, sh->dive))
            break;
    }
    /* Its last states into the count. */
    atomic_fetch_add(&sh->states, s->states - s->flushed);
    s->flushed = s->states;
    memo_clear(&s->memo);
    game_free(g);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
    s->cpu += (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
}

/* A worker's thread: its own load of the scenario (a Lua state is not
 * shared between threads), once for the whole search. */
static void *worker_main(void *arg)
{
    struct searcher *s = arg;
    if (!s->own && !s->load_failed) {
        struct diag_list diags;
        diag_list_init(&diags);
        s->own = scenario_load(s->sh->load_path, NULL, &diags);
        diag_list_free(&diags);
        if (s->own && s->own->hash != s->sh->hash) {
            scenario_free(s->own);
            s->own = NULL;
        }
        s->load_failed = !s->own;
        if (s->own) {
            s->sc = s->own;
            s->draws0 = s->own->live->random_draws;
        }
    }
    if (s->own)
        work(s);
    return NULL; /* without a scenario, the other workers do its share */
}

static void searcher_init(struct searcher *s, const struct scenario *sc, struct best_search *bs,
                          struct shared *sh, int id)
{
    memset(s, 0, sizeof *s);
    s->sc = id == 0 ? sc : NULL;
    s->bs = bs;
    s->sh = sh;
    s->id = id;
    s->task = -1; /* not a task's search: the discovery, the dive, the split */
    s->player = bs->duet ? bs->role : 0;
    s->texts = game_texts_checked_new();
    s->scene_states = xcalloc((size_t)sc->nscenes + 1, sizeof *s->scene_states);
    s->up = xcalloc((size_t)sc->nscenes + 1, sizeof *s->up);
    graph_init(&s->graph, sc, bs->role);
    if (!bs->no_bound)
        s->bounds = xmalloc(sizeof *s->bounds * (size_t)(sc->nscenes + 1));
    if (id == 0)
        s->draws0 = sc->live->random_draws;
}

static void searcher_free(struct searcher *s, const struct scenario *sc)
{
    memo_clear(&s->memo);
    free(s->bounds);
    free(s->pool);
    graph_free(&s->graph, sc);
    free(s->found_path.v);
    seen_free(&s->harmless);
    seen_free(&s->harmful);
    seen_free(&s->news);
    free(s->scene_states);
    free(s->up);
    if (s->ps.games)
        stack_free(&s->ps);
    game_free(s->walk[0]);
    game_free(s->walk[1]);
    game_texts_checked_free(s->texts);
    if (s->own)
        scenario_free(s->own);
}

/* Worker w's graph and key as worker 0's, its bounds made from them, its
 * table emptied (the key or the bounds changed). */
static void searcher_pass(struct searcher *w, const struct searcher *s0)
{
    const struct scenario *sc = s0->sc;
    if (w != s0) {
        for (uint32_t c = 0; c < sc->nchoices; c++) {
            size_t n = (size_t)s0->graph.nsucc[c];
            w->graph.nsucc[c] = s0->graph.nsucc[c];
            w->graph.succ[c] = xrealloc(w->graph.succ[c], sizeof **w->graph.succ * (n + 1));
            if (n > 0)
                memcpy(w->graph.succ[c], s0->graph.succ[c], sizeof **w->graph.succ * n);
        }
        w->key_what = s0->key_what;
    }
    if (w->bounds) {
        make_reach(sc, &w->graph);
        classify_once(sc, &w->graph, w->bs->role, w->bs->duet);
        make_bounds(sc, &w->graph, w->bs->role, w->bs->duet, w->bounds);
    }
    w->bounds_ready = w->bounds != NULL;
    w->harmless.n = w->harmful.n = 0;
    w->bounds_stale = w->restart = w->stopped = w->left = false;
    w->task = -1;
    w->states = w->pruned = w->flushed = w->tick = 0;
    memo_clear(&w->memo);
}

/* ----------------------------------------------------------- the pass */

/* The dive: worker 0 searches from the start for DIVE_STATES states (about
 * 50 ms), for a best found that every task starts from, and most searches
 * end in it. Tasks do not share what they find, so a dive that stops short
 * of the best costs each task the search for it: Seed to Scale's PM, seed
 * 4, took 260,000 states with a dive of 2,000 (the best not yet found),
 * 116,000 with 10,000. */
enum { DIVE_STATES = 10000 };

/* The best total of a finished pass, and the path to it: the dive's, else
 * the first task's (in the order of the tasks) that found it. */
static double pass_result(const struct inputs *dive_path, const struct task_list *tl, double dive,
                          struct inputs *path)
{
    double best = dive;
    for (int i = 0; i < tl->n; i++)
        if (tl->v[i].done && tl->v[i].kind == MEMO_EXACT)
            best = fmax(best, tl->v[i].base + tl->v[i].value);
    if (dive < best - EPS_REACH)
        for (int i = 0; i < tl->n; i++)
            if (tl->v[i].done && tl->v[i].found >= best - EPS_REACH) {
                path->n = 0;
                for (int j = 0; j < tl->v[i].path.n; j++)
                    inputs_push(path, tl->v[i].path.v[j]);
                return best;
            }
    path->n = 0;
    for (int j = 0; j < dive_path->n; j++)
        inputs_push(path, dive_path->v[j]);
    return best;
}

/* The search from the start in worker 0: the dive, then the tasks;
 * false when the pass ends there (solved, stopped, or to start over). */
static bool dive_and_split(struct searcher *s0, struct game **games, struct reads r0, struct task_list *tl,
                           bool *exact)
{
    int kind;
    double value;
    s0->line = -HUGE_VAL;
    s0->found_path.n = 0;
    if (games[0]->over) {
        found_through(s0, games[0], game_weighted(games[0], s0->player), NULL, 0);
        *exact = true;
        return false;
    }
    if (!solve_state(s0, games[0], NULL, 0, r0, DIVE_STATES, &kind, &value))
        return false;
    if (kind == MEMO_EXACT) {
        *exact = true; /* the dive searched it all */
        return false;
    }
    memo_clear(&s0->memo);
    return make_tasks(s0, games, r0, tl);
}

/* Frees the last pass's tables. */
static void kept_clear(struct shared *sh)
{
    for (int k = 0; k < sh->nkept; k++)
        memo_clear(&sh->kept[k]);
    sh->nkept = 0;
}

/* Keeps task t's table for the next pass (kept_slot). */
static void keep_table(struct shared *sh, struct task *t)
{
    if (sh->nkept % 16 == 0) {
        size_t cap = (size_t)sh->nkept + 16;
        sh->kept = xrealloc(sh->kept, sizeof *sh->kept * cap);
        sh->kept_key = xrealloc(sh->kept_key, sizeof *sh->kept_key * cap);
        sh->kept_base = xrealloc(sh->kept_base, sizeof *sh->kept_base * cap);
    }
    sh->kept[sh->nkept] = t->kept;
    sh->kept_key[sh->nkept] = t->key;
    sh->kept_base[sh->nkept++] = t->base;
    t->kept = (struct memo){0};
}

/* After the tasks: what the next pass must know, the same whatever the
 * workers' timing: the scenes that raise a bound that the tasks met, in
 * task order, up to the first task that stopped (the key grew, or going_on
 * said stop: the tasks before it are done, those after it were left), and
 * that task's key; and when the key holds, the tables of those tasks for
 * the next pass (kept_slot), where only the states upstream of those
 * scenes are searched again. false when there is nothing to learn: the
 * pass is exact. */
static bool learn_from(struct searcher *s0, struct shared *sh)
{
    const struct scenario *sc = s0->sc;
    int first = atomic_load(&sh->first_restart);
    bool stale = first < sh->ntasks;
    for (int i = 0; i < sh->ntasks && !stale; i++)
        stale = sh->tasks[i].news.n > 0;
    if (!stale)
        return false;
    bool key_holds = first >= sh->ntasks || sh->tasks[first].key_what == s0->key_what;
    sh->changed.n = 0;
    memcpy(sh->kept_kind, s0->graph.kind, sc->nchoices + 1);
    for (int i = 0; i < sh->ntasks && i <= first; i++) {
        struct task *t = &sh->tasks[i];
        for (int k = 0; k < t->news.n; k++)
            if (graph_saw(&s0->graph, t->news.choice[k], t->news.scene[k]))
                seen_add(&sh->changed, t->news.choice[k], t->news.scene[k]);
        if (key_holds && t->kept.cap)
            keep_table(sh, t);
    }
    if (!key_holds)
        s0->key_what |= sh->tasks[first].key_what;
    s0->restart = true;
    return true;
}

/* Which scenes the kept tables hold for (kept_slot): those that cannot
 * lead to the scene of a choice that met a new scene (over the new graph),
 * so that neither their bounds nor those of any scene after them changed;
 * none when a once-choice's kind changed (its points move in every
 * bound). */
static void mark_upstream(struct shared *sh, const struct searcher *s0)
{
    const struct scenario *sc = s0->sc;
    upstream_of(sc, &s0->graph, &sh->changed, sh->upstream);
    if (memcmp(sh->kept_kind, s0->graph.kind, sc->nchoices + 1) != 0)
        for (int x = 0; x < sc->nscenes; x++)
            sh->upstream[x] = true;
}

/* One pass of the search with the current key and bounds. false only
 * when the scenario cannot be started (err); sets w[0].restart when the
 * key must grow or the bounds are stale, w[0].stopped at the budget;
 * *exact when it searched everything, path the best's. */
static bool search_pass(struct searcher *w, int nw, struct shared *sh, struct task_list *tl,
                        struct inputs *path, bool *exact, struct diag *err)
{
    struct searcher *s0 = &w[0];
    for (int k = 0; k < nw; k++)
        searcher_pass(&w[k], s0);
    if (sh->nkept > 0)
        mark_upstream(sh, s0);
    *exact = false;
    tasks_clear(tl);
    sh->ntasks = 0;
    struct reads r0 = reads_now(s0->sc);
    struct game *games[TASK_DEPTH_MAX + 1];
    for (int i = 0; i <= TASK_DEPTH_MAX; i++)
        games[i] = quiet_game(s0);
    struct game_setup st;
    game_setup_explorer(&st, s0->bs->role, s0->bs->duet, s0->bs->seed);
    bool ok = game_start(games[0], &st, err);
    bool split = ok && !reads_changed(s0, r0) && dive_and_split(s0, games, r0, tl, exact);
    for (int i = 0; i <= TASK_DEPTH_MAX; i++)
        game_free(games[i]);
    if (!split) {
        kept_clear(sh);
        pass_result(&s0->found_path, tl, s0->line, path);
        return ok;
    }
    /* The dive's path, before worker 0's tasks take its place. */
    double dive = s0->line;
    struct inputs dive_path = s0->found_path;
    s0->found_path = (struct inputs){0};
    sh->dive = dive;
    sh->tasks = tl->v;
    sh->ntasks = tl->n;
    atomic_store(&sh->next, 0);
    atomic_store(&sh->stop, false);
    atomic_store(&sh->first_restart, INT_MAX);
    /* The helpers take tasks as soon as they have loaded the scenario
     * (a search that needs them is past the dive: 10,000 states). */
    for (int k = 1; k < nw; k++)
        w[k].started = pthread_create(&w[k].thread, NULL, worker_main, &w[k]) == 0;
    work(s0);
    for (int k = 1; k < nw; k++)
        if (w[k].started)
            pthread_join(w[k].thread, NULL);
    kept_clear(sh);
    bool stopped = false;
    for (int k = 0; k < nw; k++)
        stopped |= w[k].stopped;
    s0->stopped = stopped;
    if (!stopped && !learn_from(s0, sh)) {
        *exact = true;
        for (int i = 0; i < tl->n; i++)
            *exact &= tl->v[i].ending || tl->v[i].same >= 0 || tl->v[i].done;
    }
    pass_result(&dive_path, tl, dive, path);
    free(dive_path.v);
    return true;
}

/* Replays a path for its total and points, into bs. */
static void replay_points(struct searcher *s, const struct inputs *path)
{
    struct best_search *bs = s->bs;
    struct game *g = game_new(s->sc);
    if (replay(g, bs, path->v, path->n) && g->over) {
        free(bs->path);
        bs->npath = path->n;
        bs->path = xmalloc(sizeof *bs->path * (size_t)(bs->npath + 1));
        if (path->n > 0)
            memcpy(bs->path, path->v, sizeof *bs->path * (size_t)bs->npath);
        bs->weighted = game_weighted(g, s->player);
        memcpy(bs->points, g->s.players[s->player].score, sizeof bs->points);
        bs->found = true;
    }
    game_free(g);
}

int best_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > LIMIT_BEST_JOBS ? LIMIT_BEST_JOBS : (int)n;
}

/* The number of workers: bs->jobs, 1 when unset. */
static int workers_of(const struct best_search *bs)
{
    if (bs->jobs < 1)
        return 1;
    return bs->jobs > LIMIT_BEST_JOBS ? LIMIT_BEST_JOBS : bs->jobs;
}

bool best_search_run(const struct scenario *sc, struct best_search *bs, struct diag *err)
{
    double t0 = clock_seconds();
    bs->found = bs->exact = bs->capped = false;
    bs->weighted = 0;
    memset(bs->points, 0, sizeof bs->points);
    bs->path = NULL;
    bs->npath = 0;
    bs->states = bs->states_all = bs->pruned = 0;
    int nw = workers_of(bs);
    struct shared sh = {.bs = bs, .hash = sc->hash};
    sh.load_path = sc->nfiles > 0 ? sc->files[0].display : sc->folder;
    if (!sh.load_path)
        nw = 1;
    atomic_init(&sh.stop, false);
    atomic_init(&sh.capped, false);
    atomic_init(&sh.next, 0);
    atomic_init(&sh.first_restart, INT_MAX);
    atomic_init(&sh.states, 0);
    struct searcher *w = xcalloc((size_t)nw, sizeof *w);
    for (int k = 0; k < nw; k++)
        searcher_init(&w[k], sc, bs, &sh, k);
    sh.workers = w;
    sh.nworkers = nw;
    sh.kept_kind = xcalloc(sc->nchoices + 1, 1);
    sh.upstream = xcalloc((size_t)sc->nscenes + 1, sizeof *sh.upstream);
    if (w[0].bounds) {
        struct reads r0 = reads_now(sc);
        discover(&w[0]);
        reads_changed(&w[0], r0); /* the key grows before the search, not during it */
    }
    struct task_list tl = {0};
    struct inputs path = {0};
    bool ok, exact;
    bs->passes = 0;
    do {
        bs->passes++;
        w[0].restart = false;
        atomic_store(&sh.states, 0);
        atomic_store(&sh.capped, false);
        ok = search_pass(w, nw, &sh, &tl, &path, &exact, err);
        for (int k = 0; k < nw; k++)
            bs->states_all += w[k].states;
    } while (ok && w[0].restart);
    bs->exact = ok && exact;
    /* One worker's cap stops it where it would on any machine; several
     * workers' depends on their timing. */
    bs->capped = ok && !exact && atomic_load(&sh.capped) && nw == 1;
    if (ok)
        replay_points(&w[0], &path);
    bs->seed_free = true;
    bs->busiest_cpu = 0;
    for (int k = 0; k < nw; k++) {
        bs->busiest_cpu = fmax(bs->busiest_cpu, w[k].cpu);
        bs->states += w[k].states;
        bs->pruned += w[k].pruned;
        if (w[k].sc && w[k].sc->live->random_draws != w[k].draws0)
            bs->seed_free = false;
    }
    tasks_clear(&tl);
    free(tl.v);
    kept_clear(&sh);
    free(sh.kept);
    free(sh.kept_key);
    free(sh.kept_base);
    seen_free(&sh.changed);
    free(sh.kept_kind);
    free(sh.upstream);
    free(path.v);
    for (int k = 0; k < nw; k++)
        searcher_free(&w[k], sc);
    free(w);
    bs->seconds = clock_seconds() - t0;
    return ok;
}

void best_search_free(struct best_search *bs)
{
    free(bs->path);
    bs->path = NULL;
    bs->npath = 0;
}
