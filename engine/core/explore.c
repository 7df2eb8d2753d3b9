#include "explore.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "game.h"
#include "rng.h"
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

/* What worker j of n does, in its own process: fills part with its share. */
typedef bool (*worker_fn)(const struct scenario *sc, const struct explore_options *o, int j, int n,
                          struct explore_result *part, struct diag *err, const void *ctx);

/* Forks up to n workers (a fork has its own copy of the loaded scenario
 * and its Lua state), each writing its part to a pipe whose reading end
 * goes to fds[j]. Returns how many started: when a pipe or a fork fails,
 * the shares from there on are the caller's to do in this process. */
static int start_workers(const struct scenario *sc, const struct explore_options *o, int n, worker_fn work,
                         const void *ctx, int *fds, pid_t *pids)
{
    fflush(NULL);
    for (int j = 0; j < n; j++) {
        int fd[2] = {-1, -1};
        pid_t pid = -1;
        if (pipe(fd) == 0 && (pid = fork()) == 0) {
            close(fd[0]);
            for (int k = 0; k < j; k++)
                close(fds[k]);
            struct explore_options wo = *o;
            if (j != 0)
                wo.progress = NULL; /* the first worker shows its share */
            struct explore_result part;
            part_init(sc, &part);
            struct diag e;
            memset(&e, 0, sizeof e);
            bool ok = work(sc, &wo, j, n, &part, &e, ctx);
            _exit(put_part(fd[1], &part, ok, &e) ? 0 : 3);
        }
        if (pid < 0) {
            if (fd[0] >= 0) {
                close(fd[0]);
                close(fd[1]);
            }
            return j;
        }
        close(fd[1]);
        fds[j] = fd[0];
        pids[j] = pid;
    }
    return n;
}

/* A worker's share of the random playthroughs: a contiguous range of the
 * ctx's total. Without the parts before it, a worker counts fewer repeats
 * than one process would, so it stops no earlier than needed. */
static bool random_share(const struct scenario *sc, const struct explore_options *o, int j, int n,
                         struct explore_result *part, struct diag *err, const void *ctx)
{
    long total = *(const long *)ctx;
    return run_random_range(sc, o, part, err, total * j / n, total * (j + 1) / n, false, NULL);
}

/* Random playthroughs in o->jobs processes: each worker (a fork, with its
 * own copy of the loaded scenario and its Lua state) plays a contiguous
 * range of the playthroughs; the parts are merged in order. A part whose
 * worker stopped at a first start that failed, where an earlier part had
 * started a game, is played again here (one process would have gone on),
 * and so is the part where one process would have stopped at a repeated
 * error (a worker cannot know the repeats before its range): the workers
 * after it are stopped and their work dropped. */
static bool run_random_jobs(const struct scenario *sc, const struct explore_options *o, struct explore_result *r,
                            struct diag *err)
{
    int first_role, last_role;
    random_roles(sc, o, &first_role, &last_role);
    long total = o->runs * (last_role - first_role + 1);
    int jobs = o->jobs;
    if (jobs > 64)
        jobs = 64;
    if (jobs > total)
        jobs = (int)total;
    int fds[64];
    pid_t pids[64];
    /* Shares are of jobs workers even when fewer start: those not started
     * are played here after the others, in order. */
    int running = start_workers(sc, o, jobs, random_share, &total, fds, pids);
    bool ok = true, started = false, failed = false;
    long played_to = 0;
    for (int j = 0; j < running; j++) {
        struct explore_result part;
        bool wok = false;
        struct diag e;
        long from = total * j / jobs, to = total * (j + 1) / jobs;
        bool got = !failed && get_part(fds[j], &part, &wok, &e);
        close(fds[j]);
        if (failed) /* not waited for: its part would be thrown away */
            kill(pids[j], SIGKILL);
        int status;
        waitpid(pids[j], &status, 0);
        if (failed)
            continue;
        if (got && ((!wok && started) || (wok && stops_within(o, r, &part)))) {
            /* One process would have gone on, or stopped inside. */
            explore_result_free(&part);
            got = false;
        }
        if (!got) {
            /* Lost (the worker died) or to be played again: played here. */
            part_init(sc, &part);
            memset(&e, 0, sizeof e);
            wok = run_random_range(sc, o, &part, &e, from, to, started, r);
        }
        if (!wok) {
            *err = e;
            ok = false;
            failed = true;
            explore_result_free(&part);
            continue;
        }
        merge_part(sc, r, &part);
        started = started || part.started_once;
        explore_result_free(&part);
        played_to = to;
        if (r->stopped_after) {
            for (int k = j + 1; k < running; k++)
                kill(pids[k], SIGKILL);
            failed = true; /* nothing after the stop counts */
        }
    }
    if (ok && !r->stopped_after && played_to < total) {
        /* Workers that could not be started: the rest here, in order. */
        struct explore_result part;
        part_init(sc, &part);
        struct diag e;
        memset(&e, 0, sizeof e);
        if (!run_random_range(sc, o, &part, &e, played_to, total, started, r)) {
            *err = e;
            ok = false;
        } else {
            merge_part(sc, r, &part);
        }
        explore_result_free(&part);
    }
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

/* A worker's share of the exhaustive search: roles ctx[0] + ctx[1] * j / n
 * up to the next worker's first (ctx: the first role and the count). */
static bool exhaustive_share(const struct scenario *sc, const struct explore_options *o, int j, int n,
                             struct explore_result *part, struct diag *err, const void *ctx)
{
    const int *range = ctx;
    return run_exhaustive_roles(sc, o, range[0] + range[1] * j / n, range[0] + range[1] * (j + 1) / n - 1,
                                part, err);
}

/* The exhaustive search in o->jobs processes, split by role: each role's
 * search is already on its own (its own set of states seen, its own
 * --max-states), so a worker (a fork, as for --random) searches a
 * contiguous range of roles and the parts are merged in role order, which
 * is the report of one process. One role's search is not split: its states
 * are merged across the whole search and it stops at a cap in search order
 * (docs/performance.md). A part whose worker died is searched here; a role
 * that fails ends the search there, as in one process. */
static bool run_exhaustive_jobs(const struct scenario *sc, const struct explore_options *o, int first, int last,
                                struct explore_result *r, struct diag *err)
{
    int roles = last - first + 1;
    int planned = o->jobs < roles ? o->jobs : roles;
    int fds[LIMIT_ROLES];
    pid_t pids[LIMIT_ROLES];
    int range[2] = {first, roles};
    int started = start_workers(sc, o, planned, exhaustive_share, range, fds, pids);
    r->complete = true;
    bool ok = true;
    for (int j = 0; j < planned; j++) {
        struct explore_result part;
        struct diag e;
        bool wok = false, got = false;
        if (j < started) {
            got = ok && get_part(fds[j], &part, &wok, &e);
            close(fds[j]);
            if (!ok) /* not waited for: its search would be thrown away */
                kill(pids[j], SIGKILL);
            int status;
            waitpid(pids[j], &status, 0);
        }
        if (!ok) /* a role before failed: nothing after it counts */
            continue;
        if (!got) { /* lost (the worker died) or never started: here */
            part_init(sc, &part);
            memset(&e, 0, sizeof e);
            wok = run_exhaustive_roles(sc, o, first + roles * j / planned, first + roles * (j + 1) / planned - 1,
                                       &part, &e);
        }
        merge_part(sc, r, &part);
        r->complete = r->complete && part.complete;
        explore_result_free(&part);
        if (!wok) {
            *err = e;
            ok = false;
        }
    }
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
