#define _GNU_SOURCE /* F_SETPIPE_SZ: a pipe that holds a part (pipe_widen) */
#include "explore.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "game.h"
#include "rng.h"
#include "script.h"
#include "util.h"

void explore_options_default(struct explore_options *o)
{
    memset(o, 0, sizeof *o);
    o->mode = EXPLORE_RANDOM;
    o->runs = 1000;
    o->seed = 1;
    o->max_states = 1000000;
    o->role = -1;
    o->score_of = -1;
    o->jobs = 1;
    o->stop_repeats = EXPLORE_STOP_REPEATS;
}

uint64_t explore_seed(uint64_t base, long i)
{
    uint64_t state = base ^ ((uint64_t)i * 0x9e3779b97f4a7c15ULL);
    /* Below 2^53, like every seed a run file or --seed can hold. */
    return rng_mix(&state) & ((1ULL << 53) - 1);
}

static void stat_add(struct explore_stat *s, double v)
{
    if (s->count == 0 || v < s->min)
        s->min = v;
    if (s->count == 0 || v > s->max)
        s->max = v;
    s->sum += v;
    s->count++;
}

static void path_set(struct explore_path *p, int role, uint64_t seed, const int *choices, int n,
                     double weighted)
{
    free(p->choices);
    p->role = role;
    p->seed = seed;
    p->nchoices = n;
    p->choices = xmalloc(sizeof *p->choices * (size_t)(n ? n : 1));
    if (n)
        memcpy(p->choices, choices, sizeof *choices * (size_t)n);
    p->weighted = weighted;
}

static int find_finding(const struct explore_finding *list, int count, const struct diag *d)
{
    for (int i = 0; i < count; i++)
        if (strcmp(list[i].diag.message, d->message) == 0 && strcmp(list[i].diag.file, d->file) == 0 &&
            list[i].diag.line == d->line)
            return i;
    return -1;
}

/* The most findings of each kind a report keeps. */
#define MAX_FINDINGS 100

static void add_finding(struct explore_finding **list, int *count, int role, uint64_t seed,
                        const int *choices, int n, const struct diag *d, long times)
{
    /* The same problem found many times is reported once, with its first
     * (shortest, in search order) path, and how often it was met. */
    int at = find_finding(*list, *count, d);
    if (at >= 0) {
        (*list)[at].count += times;
        return;
    }
    if (*count >= MAX_FINDINGS)
        return;
    *list = xrealloc(*list, sizeof **list * (size_t)(*count + 1));
    struct explore_finding *f = &(*list)[(*count)++];
    memset(f, 0, sizeof *f);
    path_set(&f->path, role, seed, choices, n, 0);
    f->diag = *d;
    f->count = times;
}

static bool is_dead_end(const struct diag *d)
{
    return strcmp(d->code, "dead-end") == 0;
}

static void record_finding(struct explore_result *r, int role, uint64_t seed, const int *choices,
                           int n, const struct diag *d)
{
    if (is_dead_end(d))
        add_finding(&r->dead_ends, &r->ndead_ends, role, seed, choices, n, d, 1);
    else
        add_finding(&r->errors, &r->nerrors, role, seed, choices, n, d, 1);
}

/* How often run-time error d has been met by a run that goes on from the
 * parts in before (NULL: none) and has found r so far: as one process that
 * played both would count it, which keeps only the first MAX_FINDINGS
 * distinct errors (and so counts only those). */
static long error_repeats(const struct explore_result *before, const struct explore_result *r,
                          const struct diag *d)
{
    int k = find_finding(r->errors, r->nerrors, d);
    long here = k >= 0 ? r->errors[k].count : 0;
    if (!before)
        return here;
    int b = find_finding(before->errors, before->nerrors, d);
    if (b >= 0)
        return before->errors[b].count + here;
    /* New after before: kept only while before's list had room for it. */
    int rank = 0;
    for (int i = 0; i <= k; i++)
        if (find_finding(before->errors, before->nerrors, &r->errors[i].diag) < 0)
            rank++;
    return before->nerrors + rank <= MAX_FINDINGS ? here : 0;
}

static void record_ending(struct explore_result *r, const struct game *g, int role, uint64_t seed,
                          const int *choices, int n)
{
    const struct scenario *sc = g->sc;
    r->playthroughs++;
    r->ending_counts[g->s.scene]++;
    r->role_played[role] = true;
    for (int p = 0; p < g->nplayers; p++) {
        int pr = g->s.players[p].role;
        for (int d = 0; d < sc->ndimensions; d++)
            stat_add(&r->score[pr][d], g->s.players[p].score[d]);
        double w = game_weighted(g, p);
        if (r->capvalues) {
            if (r->nvalues + sc->ndimensions + 2 > r->capvalues) {
                r->capvalues *= 2;
                r->values = xrealloc(r->values, sizeof *r->values * (size_t)r->capvalues);
            }
            r->values[r->nvalues++] = pr;
            for (int d = 0; d < sc->ndimensions; d++)
                r->values[r->nvalues++] = g->s.players[p].score[d];
            r->values[r->nvalues++] = w;
        }
        bool first = r->weighted[pr].count == 0;
        stat_add(&r->weighted[pr], w);
        if (first || w > r->best[pr].weighted)
            path_set(&r->best[pr], pr, seed, choices, n, w);
        if (first || w < r->worst[pr].weighted)
            path_set(&r->worst[pr], pr, seed, choices, n, w);
        r->role_played[pr] = true;
    }
    (void)role;
    int turns = g->s.turn;
    if (turns >= r->nturns) {
        int cap = turns + 1;
        r->turns = xrealloc(r->turns, sizeof *r->turns * (size_t)cap);
        memset(r->turns + r->nturns, 0, sizeof *r->turns * (size_t)(cap - r->nturns));
        r->nturns = cap;
    }
    r->turns[turns]++;
}

static long view_text_bytes(const struct game *g)
{
    long n = (long)g->view.text.len;
    for (int p = 0; p < g->nplayers; p++)
        n += (long)g->view.menu[p].labels.len;
    return n;
}

/* ------------------------------------------------------------ random */

static void random_roles(const struct scenario *sc, const struct explore_options *o, int *first,
                         int *last)
{
    *first = o->role >= 0 ? o->role : 0;
    *last = o->duet ? 0 : (o->role >= 0 ? o->role : sc->nroles - 1);
}

/* One random playthrough of role with seed, into r. False when it stopped
 * at an error or a dead end (in d). started: whether a game has started
 * before; a first start that fails on an error (not a dead end) makes it
 * give up on the whole exploration (*fatal). */
static bool play_random(struct game *g, const struct explore_options *o, int role, uint64_t seed,
                        int *path, struct explore_result *r, struct diag *d, bool *started,
                        bool *fatal)
{
    struct game_setup st;
    game_setup_explorer(&st, role, o->duet, seed);
    if (!game_start(g, &st, d)) {
        *fatal = !*started && !is_dead_end(d);
        if (!*fatal) {
            record_finding(r, role, seed, path, 0, d);
            r->runs_failed++;
        }
        return false;
    }
    *started = true;
    /* The choices draw from their own generator, seeded from the run's
     * seed, so that the game's generator sees only the scenario's draws,
     * exactly as when a person plays the same path. */
    struct rng pick;
    rng_seed(&pick, seed ^ 0x5ca1ab1e5ca1ab1eULL);
    int n = 0;
    r->scene_visits[g->s.scene]++;
    r->text_bytes += view_text_bytes(g);
    while (!g->over) {
        bool ok;
        if (game_is_secret(g)) {
            /* A duet: independent picks, one per player. */
            int picks[GAME_MAX_PLAYERS];
            for (int p = 0; p < 2; p++)
                picks[p] = path[n++] = (int)rng_range(&pick, 1, g->view.menu[p].nopen);
            ok = game_choose_pair(g, picks, false, 0, d);
            if (ok) {
                const struct decision *last = &g->log[g->nlog - 1];
                if (last->outcome == DUET_AGREED)
                    r->picks_agreed++;
                else
                    r->picks_differed++;
                if (last->outcome == DUET_CONFLICT)
                    r->conflict_visits[g->s.scene]++;
            }
        } else {
            const struct menu *m = game_menu(g);
            int choice = (int)rng_range(&pick, 1, m->nopen);
            path[n++] = choice;
            /* The scene it leads to is counted below: a large story's
             * counts do not stay in the cache. */
            int next = g->sc->choices[m->offers[choice - 1].choice].next;
            if (next >= 0)
                PREFETCH(&r->scene_visits[next]);
            ok = game_choose(g, choice, false, 0, d);
        }
        if (!ok) {
            record_finding(r, role, seed, path, n, d);
            r->runs_failed++;
            return false;
        }
        r->choices++;
        r->scene_visits[g->s.scene]++;
        r->text_bytes += view_text_bytes(g) + (long)strlen(game_feedback(g, g->nlog - 1));
    }
    record_ending(r, g, role, seed, path, n);
    return true;
}

/* Playthroughs [from, to) of the whole sequence (role by role, runs each),
 * as one process that had already played the parts in before (NULL: none;
 * for the count of repeated errors) would play them. started_once: whether
 * a game started before from. It stops after the playthrough where a
 * run-time error is met for the o->stop_repeats-th time (r->stopped_after). */
static bool run_random_range(const struct scenario *sc, const struct explore_options *o,
                             struct explore_result *r, struct diag *err, long from, long to,
                             bool started_once, const struct explore_result *before)
{
    struct game *g = game_new(sc);
    int *path = xmalloc(sizeof *path * (2 * LIMIT_TURNS + 2));
    int first_role, last_role;
    random_roles(sc, o, &first_role, &last_role);
    long total = o->runs * (last_role - first_role + 1);
    bool ok = true;
    for (long done = from; done < to; done++) {
        int role = first_role + (int)(done / o->runs);
        uint64_t seed = explore_seed(o->seed, done % o->runs);
        if (o->progress && (done & 1023) == 0)
            o->progress(o->progress_ctx, done, total);
        struct diag d;
        bool fatal = false;
        if (play_random(g, o, role, seed, path, r, &d, &started_once, &fatal))
            continue;
        if (fatal) {
            *err = d;
            ok = false;
            break;
        }
        if (!is_dead_end(&d) && o->stop_repeats > 0 && error_repeats(before, r, &d) >= o->stop_repeats) {
            r->stopped_after = done + 1;
            r->stop_error = d;
            break;
        }
    }
    if (ok && o->progress)
        o->progress(o->progress_ctx, total, total);
    r->complete = ok && !r->stopped_after;
    r->started_once = started_once;
    free(path);
    game_free(g);
    return ok;
}

/* ------------------------------------------------------ random, jobs */

/* A worker's part goes back through a pipe as the raw structures (the
 * same binary on the same machine), pointers replaced by what they hold. */
static bool put(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w <= 0)
            return false;
        c += w, n -= (size_t)w;
    }
    return true;
}

static bool get(int fd, void *p, size_t n)
{
    char *c = p;
    while (n) {
        ssize_t got = read(fd, c, n);
        if (got <= 0)
            return false;
        c += got, n -= (size_t)got;
    }
    return true;
}

static bool put_path(int fd, const struct explore_path *p)
{
    return put(fd, p, sizeof *p) && put(fd, p->choices, sizeof *p->choices * (size_t)(p->nchoices ? p->nchoices : 1));
}

static bool get_path(int fd, struct explore_path *p)
{
    if (!get(fd, p, sizeof *p))
        return false;
    p->choices = xmalloc(sizeof *p->choices * (size_t)(p->nchoices ? p->nchoices : 1));
    return get(fd, p->choices, sizeof *p->choices * (size_t)(p->nchoices ? p->nchoices : 1));
}

static bool put_finding(int fd, const struct explore_finding *f)
{
    return put_path(fd, &f->path) && put(fd, &f->diag, sizeof f->diag) && put(fd, &f->count, sizeof f->count);
}

static bool get_finding(int fd, struct explore_finding *f)
{
    return get_path(fd, &f->path) && get(fd, &f->diag, sizeof f->diag) && get(fd, &f->count, sizeof f->count);
}

static bool put_part(int fd, const struct explore_result *r, bool ok, const struct diag *err)
{
    size_t ns = (size_t)(r->nscenes ? r->nscenes : 1);
    bool w = put(fd, &ok, sizeof ok) && put(fd, err, sizeof *err) && put(fd, r, sizeof *r) &&
             put(fd, r->scene_visits, sizeof(long) * ns) && put(fd, r->ending_counts, sizeof(long) * ns) &&
             put(fd, r->conflict_visits, sizeof(long) * ns) &&
             put(fd, r->turns, sizeof(long) * (size_t)r->nturns) &&
             put(fd, r->values, sizeof(double) * (size_t)r->nvalues);
    for (int i = 0; w && i < r->ndead_ends; i++)
        w = put_finding(fd, &r->dead_ends[i]);
    for (int i = 0; w && i < r->nerrors; i++)
        w = put_finding(fd, &r->errors[i]);
    for (int i = 0; w && i < LIMIT_ROLES; i++)
        if (r->role_played[i])
            w = put_path(fd, &r->best[i]) && put_path(fd, &r->worst[i]);
    return w;
}

/* Reads a part; false when the worker died before sending it whole. */
static bool read_part(int fd, struct explore_result *r, bool *ok, struct diag *err)
{
    memset(r, 0, sizeof *r);
    struct explore_result head;
    if (!get(fd, ok, sizeof *ok) || !get(fd, err, sizeof *err) || !get(fd, &head, sizeof head))
        return false;
    size_t ns = (size_t)(head.nscenes ? head.nscenes : 1);
    r->nscenes = head.nscenes;
    r->scene_visits = xcalloc(ns, sizeof(long));
    r->ending_counts = xcalloc(ns, sizeof(long));
    r->conflict_visits = xcalloc(ns, sizeof(long));
    r->nturns = head.nturns;
    r->turns = xcalloc((size_t)(head.nturns ? head.nturns : 1), sizeof(long));
    r->nvalues = r->capvalues = head.nvalues;
    r->values = xmalloc(sizeof(double) * (size_t)(head.nvalues ? head.nvalues : 1));
    if (!get(fd, r->scene_visits, sizeof(long) * ns) || !get(fd, r->ending_counts, sizeof(long) * ns) ||
        !get(fd, r->conflict_visits, sizeof(long) * ns) ||
        !get(fd, r->turns, sizeof(long) * (size_t)head.nturns) ||
        !get(fd, r->values, sizeof(double) * (size_t)head.nvalues))
        return false;
    r->playthroughs = head.playthroughs;
    r->runs_failed = head.runs_failed;
    r->choices = head.choices;
    r->states = head.states;
    r->complete = head.complete;
    r->text_bytes = head.text_bytes;
    r->picks_agreed = head.picks_agreed;
    r->picks_differed = head.picks_differed;
    r->started_once = head.started_once;
    r->stopped_after = head.stopped_after;
    r->stop_error = head.stop_error;
    memcpy(r->role_played, head.role_played, sizeof r->role_played);
    struct explore_finding *lists[2] = {NULL, NULL};
    int counts[2] = {head.ndead_ends, head.nerrors};
    for (int l = 0; l < 2; l++) {
        lists[l] = xcalloc((size_t)(counts[l] ? counts[l] : 1), sizeof **lists);
        if (l == 0)
            r->dead_ends = lists[0];
        else
            r->errors = lists[1];
        for (int i = 0; i < counts[l]; i++) {
            if (!get_finding(fd, &lists[l][i]))
                return false;
            if (l == 0)
                r->ndead_ends = i + 1;
            else
                r->nerrors = i + 1;
        }
    }
    for (int i = 0; i < LIMIT_ROLES; i++)
        if (r->role_played[i] && (!get_path(fd, &r->best[i]) || !get_path(fd, &r->worst[i])))
            return false;
    return true;
}

/* A worker's part, read whole; false (nothing kept) when the worker died
 * before writing all of it. */
static bool get_part(int fd, struct explore_result *r, bool *ok, struct diag *err)
{
    if (read_part(fd, r, ok, err))
        return true;
    explore_result_free(r);
    return false;
}

/* Adds part p (the playthroughs after those already in r) into r, as if r
 * had gone on to play them: counts added, findings deduplicated in order,
 * every ending's values summed in order, the first best and worst kept. */
static void merge_part(const struct scenario *sc, struct explore_result *r, const struct explore_result *p)
{
    r->playthroughs += p->playthroughs;
    r->runs_failed += p->runs_failed;
    r->choices += p->choices;
    r->states += p->states;
    r->text_bytes += p->text_bytes;
    r->picks_agreed += p->picks_agreed;
    r->picks_differed += p->picks_differed;
    for (int s = 0; s < sc->nscenes; s++) {
        r->scene_visits[s] += p->scene_visits[s];
        r->ending_counts[s] += p->ending_counts[s];
        r->conflict_visits[s] += p->conflict_visits[s];
    }
    if (p->nturns > r->nturns) {
        r->turns = xrealloc(r->turns, sizeof *r->turns * (size_t)p->nturns);
        memset(r->turns + r->nturns, 0, sizeof *r->turns * (size_t)(p->nturns - r->nturns));
        r->nturns = p->nturns;
    }
    for (int t = 0; t < p->nturns; t++)
        r->turns[t] += p->turns[t];
    for (int i = 0; i < p->ndead_ends; i++)
        add_finding(&r->dead_ends, &r->ndead_ends, p->dead_ends[i].path.role, p->dead_ends[i].path.seed,
                    p->dead_ends[i].path.choices, p->dead_ends[i].path.nchoices, &p->dead_ends[i].diag,
                    p->dead_ends[i].count);
    for (int i = 0; i < p->nerrors; i++)
        add_finding(&r->errors, &r->nerrors, p->errors[i].path.role, p->errors[i].path.seed,
                    p->errors[i].path.choices, p->errors[i].path.nchoices, &p->errors[i].diag,
                    p->errors[i].count);
    if (p->stopped_after) {
        r->stopped_after = p->stopped_after;
        r->stop_error = p->stop_error;
    }
    for (long v = 0; v < p->nvalues;) {
        int pr = (int)p->values[v++];
        for (int d = 0; d < sc->ndimensions; d++)
            stat_add(&r->score[pr][d], p->values[v++]);
        stat_add(&r->weighted[pr], p->values[v++]);
    }
    for (int i = 0; i < LIMIT_ROLES; i++) {
        if (!p->role_played[i])
            continue;
        const struct explore_path *b = &p->best[i], *w = &p->worst[i];
        if (!r->role_played[i] || b->weighted > r->best[i].weighted)
            path_set(&r->best[i], i, b->seed, b->choices, b->nchoices, b->weighted);
        if (!r->role_played[i] || w->weighted < r->worst[i].weighted)
            path_set(&r->worst[i], i, w->seed, w->choices, w->nchoices, w->weighted);
        r->role_played[i] = true;
    }
}

static void result_init(const struct scenario *sc, struct explore_result *r)
{
    memset(r, 0, sizeof *r);
    r->nscenes = sc->nscenes;
    r->scene_visits = xcalloc((size_t)(sc->nscenes ? sc->nscenes : 1), sizeof *r->scene_visits);
    r->ending_counts = xcalloc((size_t)(sc->nscenes ? sc->nscenes : 1), sizeof *r->ending_counts);
    r->conflict_visits = xcalloc((size_t)(sc->nscenes ? sc->nscenes : 1), sizeof *r->conflict_visits);
}

/* Whether one process, having played before, would stop within part p:
 * an error of p repeated often enough. */
static bool stops_within(const struct explore_options *o, const struct explore_result *before,
                         const struct explore_result *p)
{
    if (p->stopped_after)
        return true;
    for (int i = 0; o->stop_repeats > 0 && i < p->nerrors; i++)
        if (error_repeats(before, p, &p->errors[i].diag) >= o->stop_repeats)
            return true;
    return false;
}

static void part_init(const struct scenario *sc, struct explore_result *p)
{
    result_init(sc, p);
    p->capvalues = 1024;
    p->values = xmalloc(sizeof *p->values * (size_t)p->capvalues);
}

/* ----------------------------------------------------- jobs: a pool */

/* The most worker processes (--jobs takes 1 to 64). */
#define MAX_JOBS 64

/* What a worker does for chunk k of the work, in its own process: fills
 * part. */
typedef bool (*chunk_fn)(const struct scenario *sc, const struct explore_options *o, long k,
                         struct explore_result *part, struct diag *err, const void *ctx);

/* The jobs of a run: the parent and worker processes, each worker a fork
 * with its own copy of the loaded scenario and its Lua state (which is not
 * thread-safe). They take the chunks of the work in turn from a counter
 * they share, so that a job on a slower or busier core takes fewer (a
 * fixed share each left the other core idle for up to a third of the run:
 * docs/performance.md); the workers send each chunk's part back through
 * their own pipe, led by the chunk's number; -1 ends. */
struct pool {
    int n;             /* workers started */
    int fds[MAX_JOBS]; /* reading ends; -1 once a worker has ended */
    pid_t pids[MAX_JOBS];
    atomic_long *next; /* the next chunk to take, in memory the workers share */
    /* The parent takes chunks too (pool_wait_for): it is one of the jobs. */
    const struct scenario *sc;
    const struct explore_options *o;
    long nchunks;
    chunk_fn work;
    const void *ctx;
};

static _Noreturn void pool_work(const struct scenario *sc, const struct explore_options *o, long nchunks,
                                chunk_fn work, const void *ctx, atomic_long *next, int fd)
{
    for (long k; (k = atomic_fetch_add(next, 1)) < nchunks;) {
        struct explore_result part;
        part_init(sc, &part);
        struct diag e;
        memset(&e, 0, sizeof e);
        bool ok = work(sc, o, k, &part, &e, ctx);
        bool sent = put(fd, &k, sizeof k) && put_part(fd, &part, ok, &e);
        explore_result_free(&part);
        if (!sent)
            _exit(3);
    }
    /* The end, said before exiting: the parent need not wait for this
     * process's memory to be taken down to go on. */
    long end = -1;
    _exit(put(fd, &end, sizeof end) ? 0 : 3);
}

/* A pipe that holds a whole part (a large story's visit counts are
 * hundreds of kilobytes), so that a worker goes on to its next chunk
 * without waiting for the parent to be scheduled and read (with the pipe's
 * usual 64 KiB, sending a part took up to 12 ms of the worker's time on 2
 * cores). Linux only; elsewhere the pipe stays as it is. */
static void pipe_widen(int fd)
{
#ifdef F_SETPIPE_SZ
    (void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#else
    (void)fd;
#endif
}

/* Starts a pool of n jobs for chunks 0 to nchunks - 1: n - 1 workers, and
 * the parent, which takes chunks as it waits (pool_wait_for). The parent
 * is the one that loaded the scenario: a fresh fork runs its first chunk
 * up to 4 times slower, as its pages are first touched (docs/performance.md).
 * Before forking, the parent looks at every `when` (script_learn_conditions),
 * which each job would otherwise do again for itself.
 * Workers that cannot be started (no pipe, no fork, no shared memory)
 * leave their chunks to the others. */
static void pool_start(struct pool *pl, const struct scenario *sc, const struct explore_options *o, int n,
                       long nchunks, chunk_fn work, const void *ctx)
{
    *pl = (struct pool){.sc = sc, .o = o, .nchunks = nchunks, .work = work, .ctx = ctx};
    void *shared = mmap(NULL, sizeof *pl->next, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pl->next = shared == MAP_FAILED ? NULL : shared;
    if (!pl->next)
        return;
    atomic_init(pl->next, 0);
    if (sc->script)
        script_learn_conditions(sc->script);
    fflush(NULL);
    for (int j = 1; j < n && j <= MAX_JOBS; j++) {
        int fd[2] = {-1, -1};
        pid_t pid = -1;
        if (pipe(fd) == 0 && (pid = fork()) == 0) {
            close(fd[0]);
            for (int k = 0; k < pl->n; k++)
                close(pl->fds[k]);
            pool_work(sc, o, nchunks, work, ctx, pl->next, fd[1]);
        }
        if (pid < 0) {
            if (fd[0] >= 0) {
                close(fd[0]);
                close(fd[1]);
            }
            return;
        }
        close(fd[1]);
        pipe_widen(fd[0]);
        pl->fds[pl->n] = fd[0];
        pl->pids[pl->n++] = pid;
    }
}

enum pool_got { POOL_PART, POOL_NONE_YET, POOL_ENDED };

/* The next part a worker sends, whichever worker it is: its chunk in *k;
 * without wait, only one already sent (else POOL_NONE_YET). POOL_ENDED
 * when every worker has ended (said so, died or was lost). */
static enum pool_got pool_get(struct pool *pl, bool wait, long *k, struct explore_result *part, bool *ok,
                              struct diag *err)
{
    for (;;) {
        struct pollfd pf[MAX_JOBS];
        int worker[MAX_JOBS], m = 0;
        for (int j = 0; j < pl->n; j++)
            if (pl->fds[j] >= 0) {
                pf[m] = (struct pollfd){.fd = pl->fds[j], .events = POLLIN};
                worker[m++] = j;
            }
        if (m == 0)
            return POOL_ENDED;
        int ready = poll(pf, (nfds_t)m, wait ? -1 : 0);
        if (ready == 0)
            return POOL_NONE_YET;
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            for (int i = 0; i < m; i++) { /* the chunks not received are the caller's */
                close(pl->fds[worker[i]]);
                pl->fds[worker[i]] = -1;
            }
            return POOL_ENDED;
        }
        for (int i = 0; i < m; i++) {
            if (!pf[i].revents)
                continue;
            int j = worker[i];
            if (get(pl->fds[j], k, sizeof *k) && *k >= 0 && get_part(pl->fds[j], part, ok, err))
                return POOL_PART;
            close(pl->fds[j]); /* it ended, or died before sending a whole part */
            pl->fds[j] = -1;
        }
    }
}

/* Stops the workers still at work (their parts are not needed) and waits
 * for every one. */
static void pool_end(struct pool *pl)
{
    for (int j = 0; j < pl->n; j++) {
        if (pl->fds[j] >= 0) {
            kill(pl->pids[j], SIGKILL);
            close(pl->fds[j]);
        }
        int status;
        waitpid(pl->pids[j], &status, 0);
    }
    if (pl->next)
        munmap(pl->next, sizeof *pl->next);
}

/* A chunk's part as received, until it is merged. */
struct chunk_part {
    bool got;
    bool ok;
    struct explore_result part;
    struct diag err;
};

/* Keeps a part received or played here, unless it is not asked for (cannot
 * happen). */
static void keep_part(struct chunk_part *parts, long nchunks, long k, long c, struct chunk_part *in,
                      void (*received)(long chunk, void *ctx), void *ctx)
{
    if (c < k || c >= nchunks || parts[c].got) {
        explore_result_free(&in->part);
        return;
    }
    parts[c] = *in;
    if (received)
        received(c, ctx);
}

/* Until chunk k's part is in (true): keeps the parts the workers have sent,
 * and plays here the chunks no one has taken yet; then waits for the
 * workers. False when none is left to send it (the caller plays it). */
static bool pool_wait_for(struct pool *pl, struct chunk_part *parts, long k,
                          void (*received)(long chunk, void *ctx), void *ctx)
{
    while (pl->next && !parts[k].got) {
        long c;
        struct chunk_part in = {.got = true};
        enum pool_got got = pool_get(pl, false, &c, &in.part, &in.ok, &in.err);
        if (got != POOL_PART && (c = atomic_fetch_add(pl->next, 1)) < pl->nchunks) {
            part_init(pl->sc, &in.part);
            memset(&in.err, 0, sizeof in.err);
            in.ok = pl->work(pl->sc, pl->o, c, &in.part, &in.err, pl->ctx);
            got = POOL_PART;
        } else if (got != POOL_PART) {
            got = pool_get(pl, true, &c, &in.part, &in.ok, &in.err);
        }
        if (got != POOL_PART)
            return false;
        keep_part(parts, pl->nchunks, k, c, &in, received, ctx);
    }
    return parts[k].got;
}

/* Lets go of a part once merged: the next part received reuses its memory
 * (a large story's part is 240 KB, and keeping every one made the parent
 * touch new pages for each: on the large story, 14 parts, 650 faults). */
static void part_done(struct chunk_part *cp)
{
    explore_result_free(&cp->part);
    cp->got = false;
}

static void chunk_parts_free(struct chunk_part *parts, long n)
{
    for (long k = 0; k < n; k++)
        if (parts[k].got)
            explore_result_free(&parts[k].part);
    free(parts);
}

/* ------------------------------------------------------ random, jobs */

/* The chunks of the random playthroughs: [start[k], start[k + 1]). */
struct random_chunks {
    long n;
    long *start;
    long received; /* playthroughs in the parts received, for the progress */
    long total;
    const struct explore_options *o;
};

/* Chunks for total playthroughs over jobs workers, each half a worker's
 * share of what is left (guided scheduling): the first chunks are big,
 * since each costs a part sent back and merged, and the last small, since
 * they decide how far apart the jobs end (one waits for the other's last
 * chunk, half of one on average). None is smaller than 1/(128 jobs) of the
 * total, nor than nscenes / 128 playthroughs: a part is 3 counts a scene
 * (on the large bench story 240 KB, which costs about as much to send,
 * read and merge as 2 playthroughs), so that a part stays within a few
 * percent of its chunk's play. (It was 1/(32 jobs) of the total: the
 * medium story's last chunks, 312 playthroughs of a 24 KB part, left a job
 * idle about 4 ms of a 0.25 s run.) */
static void random_chunks_make(struct random_chunks *c, long total, int jobs, int nscenes)
{
    long least = total / (128L * jobs), cap = 32;
    if (least < nscenes / 128)
        least = nscenes / 128;
    if (least < 1)
        least = 1;
    c->start = xmalloc(sizeof *c->start * (size_t)cap);
    c->start[0] = 0;
    c->n = 0;
    for (long at = 0; at < total;) {
        long size = (total - at + 2L * jobs - 1) / (2L * jobs);
        size = size < least ? least : size;
        at += size < total - at ? size : total - at;
        if (c->n + 2 > cap) {
            cap *= 2;
            c->start = xrealloc(c->start, sizeof *c->start * (size_t)cap);
        }
        c->start[++c->n] = at;
    }
    c->received = 0;
    c->total = total;
}

/* A worker's chunk of the random playthroughs, played as by a process
 * that had played nothing before it: a worker counts fewer repeats of an
 * error than one process would, so it stops no earlier than needed. The
 * parent shows the progress, part by part. */
static bool random_chunk(const struct scenario *sc, const struct explore_options *o, long k,
                         struct explore_result *part, struct diag *err, const void *ctx)
{
    const struct random_chunks *c = ctx;
    struct explore_options quiet = *o;
    quiet.progress = NULL;
    return run_random_range(sc, &quiet, part, err, c->start[k], c->start[k + 1], false, NULL);
}

static void random_received(long k, void *ctx)
{
    struct random_chunks *c = ctx;
    c->received += c->start[k + 1] - c->start[k];
    if (c->o->progress)
        c->o->progress(c->o->progress_ctx, c->received, c->total);
}

/* Random playthroughs in o->jobs worker processes (struct pool): the parts
 * of the chunks are merged in order. A chunk whose worker stopped at a
 * first start that failed, where an earlier chunk had started a game, is
 * played again here (one process would have gone on), and so is the chunk
 * where one process would have stopped at a repeated error (a worker cannot
 * know the repeats before its chunk); a chunk no worker sent (one died) is
 * played here. Nothing after a stop or a failure counts: the workers still
 * at work are stopped. */
static bool run_random_jobs(const struct scenario *sc, const struct explore_options *o, struct explore_result *r,
                            struct diag *err)
{
    int first_role, last_role;
    random_roles(sc, o, &first_role, &last_role);
    long total = o->runs * (last_role - first_role + 1);
    int jobs = o->jobs > MAX_JOBS ? MAX_JOBS : o->jobs;
    if (jobs > total)
        jobs = (int)total;
    struct random_chunks c;
    random_chunks_make(&c, total, jobs, sc->nscenes);
    c.o = o;
    struct pool pl;
    pool_start(&pl, sc, o, jobs, c.n, random_chunk, &c);
    struct chunk_part *parts = xcalloc((size_t)c.n, sizeof *parts);
    bool ok = true, started = false;
    for (long k = 0; k < c.n && ok && !r->stopped_after; k++) {
        struct chunk_part *cp = &parts[k];
        if (pool_wait_for(&pl, parts, k, random_received, &c) &&
            ((!cp->ok && started) || (cp->ok && stops_within(o, r, &cp->part)))) {
            /* One process would have gone on, or stopped inside. */
            explore_result_free(&cp->part);
            cp->got = false;
        }
        if (!cp->got) { /* lost, or to be played again: played here */
            part_init(sc, &cp->part);
            memset(&cp->err, 0, sizeof cp->err);
            cp->ok = run_random_range(sc, o, &cp->part, &cp->err, c.start[k], c.start[k + 1], started, r);
            cp->got = true;
        }
        if (!cp->ok) {
            *err = cp->err;
            ok = false;
            break;
        }
        merge_part(sc, r, &cp->part);
        started = started || cp->part.started_once;
        part_done(cp);
    }
    pool_end(&pl);
    chunk_parts_free(parts, c.n);
    free(c.start);
    if (ok && !r->stopped_after && o->progress)
        o->progress(o->progress_ctx, total, total);
    r->complete = ok && !r->stopped_after;
    return ok;
}

/* -------------------------------------------------------- exhaustive */

/* An open-addressing set of 64-bit state hashes. */
struct hashset {
    uint64_t *slots;
    size_t cap, count;
};

static bool hashset_add(struct hashset *s, uint64_t h)
{
    if (h == 0)
        h = 1;
    if ((s->count + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint64_t *slots = xcalloc(cap, sizeof *slots);
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i])
                for (size_t j = s->slots[i] & (cap - 1);; j = (j + 1) & (cap - 1))
                    if (!slots[j]) {
                        slots[j] = s->slots[i];
                        break;
                    }
        free(s->slots);
        s->slots = slots;
        s->cap = cap;
    }
    for (size_t j = h & (s->cap - 1);; j = (j + 1) & (s->cap - 1)) {
        if (s->slots[j] == h)
            return false;
        if (!s->slots[j]) {
            s->slots[j] = h;
            s->count++;
            return true;
        }
    }
}

/* The exhaustive search's stack: one game per depth (reused from one branch
 * to the next), the next option to take at each depth, and the inputs that
 * lead to the state at each depth: one number per decision, two for a
 * duet's secret one; pathlen[d] is their count at depth d. */
struct dfs_stack {
    struct game **games;
    int *next;
    int *path;
    int *pathlen;
    int cap, allocated;
};

static void dfs_init(struct dfs_stack *ds, struct game *root)
{
    ds->cap = 64;
    ds->games = xmalloc(sizeof *ds->games * (size_t)ds->cap);
    ds->next = xmalloc(sizeof *ds->next * (size_t)ds->cap);
    ds->path = xmalloc(sizeof *ds->path * (size_t)(2 * ds->cap));
    ds->pathlen = xcalloc((size_t)ds->cap, sizeof *ds->pathlen);
    ds->allocated = 1;
    ds->games[0] = root;
    ds->next[0] = 1;
}

/* Makes room for depth + 1: its frame and its game. */
static void dfs_reserve(struct dfs_stack *ds, const struct scenario *sc, int depth)
{
    if (depth + 1 >= ds->cap) {
        ds->cap *= 2;
        ds->games = xrealloc(ds->games, sizeof *ds->games * (size_t)ds->cap);
        ds->next = xrealloc(ds->next, sizeof *ds->next * (size_t)ds->cap);
        ds->pathlen = xrealloc(ds->pathlen, sizeof *ds->pathlen * (size_t)ds->cap);
        ds->path = xrealloc(ds->path, sizeof *ds->path * (size_t)(2 * ds->cap));
    }
    if (depth + 1 >= ds->allocated)
        ds->games[ds->allocated++] = game_new(sc);
}

static void dfs_free(struct dfs_stack *ds)
{
    for (int i = 0; i < ds->allocated; i++)
        game_free(ds->games[i]);
    free(ds->games);
    free(ds->next);
    free(ds->path);
    free(ds->pathlen);
}

/* Takes option (1-based, a secret decision's pair numbered as in
 * dfs_options) of the state at depth into the game at depth + 1, writing its
 * inputs to the path and counting a duet's picks. */
static bool dfs_take(struct dfs_stack *ds, int depth, int option, struct explore_result *r, struct diag *d)
{
    const struct game *g = ds->games[depth];
    struct game *child = ds->games[depth + 1];
    game_copy_state(child, g);
    child->nlog = 0;
    sb_clear(&child->log_text);
    int at = ds->pathlen[depth];
    if (!game_is_secret(g)) {
        ds->path[at] = option;
        ds->pathlen[depth + 1] = at + 1;
        return game_choose(child, option, false, 0, d);
    }
    int n1 = g->view.menu[1].nopen;
    int picks[GAME_MAX_PLAYERS] = {(option - 1) / n1 + 1, (option - 1) % n1 + 1};
    ds->path[at] = picks[0];
    ds->path[at + 1] = picks[1];
    ds->pathlen[depth + 1] = at + 2;
    if (!game_choose_pair(child, picks, false, 0, d))
        return false;
    if (child->log[0].outcome == DUET_AGREED)
        r->picks_agreed++;
    else
        r->picks_differed++;
    if (child->log[0].outcome == DUET_CONFLICT)
        r->conflict_visits[child->s.scene]++;
    return true;
}

static int dfs_options(const struct game *g)
{
    if (game_is_secret(g))
        return g->view.menu[0].nopen * g->view.menu[1].nopen;
    return game_menu(g)->nopen;
}

static bool run_exhaustive_role(const struct scenario *sc, const struct explore_options *o, int role,
                                struct explore_result *r, struct diag *err)
{
    struct game_setup st;
    game_setup_explorer(&st, role, o->duet, o->seed);
    struct game *root = game_new(sc);
    struct diag d;
    if (!game_start(root, &st, &d)) {
        if (is_dead_end(&d)) {
            record_finding(r, role, o->seed, NULL, 0, &d);
            game_free(root);
            return true;
        }
        *err = d;
        game_free(root);
        return false;
    }
    struct hashset seen = {0};
    hashset_add(&seen, game_hash_of(root, o->score_of));
    long states0 = r->states; /* the budget is per role: the next role gets its own */
    r->states++;
    r->scene_visits[root->s.scene]++;
    struct dfs_stack ds;
    dfs_init(&ds, root);
    if (root->over)
        record_ending(r, root, role, o->seed, ds.path, 0);
    int depth = 0;
    while (depth >= 0) {
        struct game *g = ds.games[depth];
        if (g->over || ds.next[depth] > dfs_options(g)) {
            depth--;
            continue;
        }
        int option = ds.next[depth]++;
        dfs_reserve(&ds, sc, depth);
        struct game *child = ds.games[depth + 1];
        if (!dfs_take(&ds, depth, option, r, &d)) {
            record_finding(r, role, o->seed, ds.path, ds.pathlen[depth + 1], &d);
            continue;
        }
        r->choices++;
        r->text_bytes += view_text_bytes(child) + (long)strlen(game_feedback(child, 0));
        if (!hashset_add(&seen, game_hash_of(child, o->score_of)))
            continue;
        r->states++;
        r->scene_visits[child->s.scene]++;
        if (o->progress && (r->states & 4095) == 0)
            o->progress(o->progress_ctx, r->states, o->max_states);
        if (r->states - states0 > o->max_states) {
            r->complete = false;
            break;
        }
        if (child->over) {
            record_ending(r, child, role, o->seed, ds.path, ds.pathlen[depth + 1]);
            continue;
        }
        depth++;
        ds.next[depth] = 1;
    }
    dfs_free(&ds);
    free(seen.slots);
    return true;
}

/* The exhaustive search of roles first to last, one after the other. */
static bool run_exhaustive_roles(const struct scenario *sc, const struct explore_options *o, int first, int last,
                                 struct explore_result *r, struct diag *err)
{
    r->complete = true;
    bool ok = true;
    unsigned long reads = sc->live->score_reads;
    for (int role = first; ok && role <= last; role++)
        ok = run_exhaustive_role(sc, o, role, r, err);
    /* States merged without the other players' points may have had
     * different futures if a callback read game.score. */
    if (o->score_of >= 0 && sc->live->score_reads != reads)
        r->complete = false;
    return ok;
}

/* A worker's chunk of the exhaustive search: one role, ctx[0] + k (ctx:
 * the first role). The worker that searches the first role shows its
 * progress. */
static bool exhaustive_chunk(const struct scenario *sc, const struct explore_options *o, long k,
                             struct explore_result *part, struct diag *err, const void *ctx)
{
    int role = *(const int *)ctx + (int)k;
    struct explore_options shown = *o;
    if (k != 0)
        shown.progress = NULL;
    return run_exhaustive_roles(sc, &shown, role, role, part, err);
}

/* The exhaustive search in o->jobs worker processes (struct pool), a role
 * to a chunk: each role's search is already on its own (its own set of
 * states seen, its own --max-states), so the parts are merged in role
 * order, which is the report of one process. One role's search is not
 * split: its states are merged across the whole search and it stops at a
 * cap in search order (docs/performance.md). A role whose part no worker
 * sent is searched here; a role that fails ends the search there, as in
 * one process. */
static bool run_exhaustive_jobs(const struct scenario *sc, const struct explore_options *o, int first, int last,
                                struct explore_result *r, struct diag *err)
{
    long roles = last - first + 1;
    struct pool pl;
    pool_start(&pl, sc, o, o->jobs < roles ? o->jobs : (int)roles, roles, exhaustive_chunk, &first);
    struct chunk_part *parts = xcalloc((size_t)roles, sizeof *parts);
    r->complete = true;
    bool ok = true;
    for (long k = 0; k < roles && ok; k++) {
        struct chunk_part *cp = &parts[k];
        if (!pool_wait_for(&pl, parts, k, NULL, NULL)) { /* lost: searched here */
            part_init(sc, &cp->part);
            memset(&cp->err, 0, sizeof cp->err);
            cp->ok = run_exhaustive_roles(sc, o, first + (int)k, first + (int)k, &cp->part, &cp->err);
            cp->got = true;
        }
        merge_part(sc, r, &cp->part);
        r->complete = r->complete && cp->part.complete;
        if (!cp->ok) {
            *err = cp->err;
            ok = false;
        }
        part_done(cp);
    }
    pool_end(&pl);
    chunk_parts_free(parts, roles);
    return ok;
}

bool explore_run(const struct scenario *sc, const struct explore_options *o, struct explore_result *r,
                 struct diag *err)
{
    result_init(sc, r);
    double t0 = clock_seconds();
    bool ok;
    if (o->mode == EXPLORE_RANDOM) {
        int first_role, last_role;
        random_roles(sc, o, &first_role, &last_role);
        long total = o->runs * (last_role - first_role + 1);
        if (o->jobs > 1 && total > 1)
            ok = run_random_jobs(sc, o, r, err);
        else
            ok = run_random_range(sc, o, r, err, 0, total, false, NULL);
    } else {
        int first = o->role >= 0 ? o->role : 0;
        int last = o->duet ? 0 : (o->role >= 0 ? o->role : sc->nroles - 1);
        if (o->jobs > 1 && last > first)
            ok = run_exhaustive_jobs(sc, o, first, last, r, err);
        else
            ok = run_exhaustive_roles(sc, o, first, last, r, err);
    }
    r->seconds = clock_seconds() - t0;
    return ok;
}

void explore_result_free(struct explore_result *r)
{
    free(r->scene_visits);
    free(r->ending_counts);
    free(r->conflict_visits);
    free(r->turns);
    for (int i = 0; i < r->ndead_ends; i++)
        free(r->dead_ends[i].path.choices);
    free(r->dead_ends);
    for (int i = 0; i < r->nerrors; i++)
        free(r->errors[i].path.choices);
    free(r->errors);
    for (int i = 0; i < LIMIT_ROLES; i++) {
        free(r->best[i].choices);
        free(r->worst[i].choices);
    }
    free(r->values);
    memset(r, 0, sizeof *r);
}
