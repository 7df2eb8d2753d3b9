#include "debrief.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "best.h"
#include "loader.h"
#include "run.h"
#include "util.h"

/* ------------------------------------------------------------ cache */

/* One answer (or search under way) per scenario hash, role, way of playing
 * and seed; seed_free answers hold for every seed. The memory cache lives
 * as long as the program: a restart, a duet's two players and the result
 * file written after every decision ask again. */
struct entry {
    uint64_t hash;
    int role;
    bool duet;
    uint64_t seed;
    bool seed_free;
    bool done;    /* best is final */
    bool running; /* a thread is searching */
    pthread_t thread;
    char *folder; /* the job's own copy */
    struct best best;
    double deadline; /* the search's own, for waiting */
};

enum { MAX_ENTRIES = 64 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static struct entry entries[MAX_ENTRIES];
static int nentries;
static double budget = LIMIT_BEST_SECONDS;
static long max_states = LIMIT_BEST_STATES;
static int jobs; /* 0: best_default_jobs() */
static char cache_dir[PATH_MAX];
static bool cache_dir_set;

void best_set_budget(double seconds)
{
    budget = seconds;
}

void best_set_max_states(long states)
{
    max_states = states;
}

void best_set_jobs(int n)
{
    jobs = n;
}

void best_set_cache_dir(const char *dir)
{
    pthread_mutex_lock(&lock);
    cache_dir_set = dir != NULL;
    str_copy(cache_dir, sizeof cache_dir, dir ? dir : "");
    pthread_mutex_unlock(&lock);
}

static void cache_folder(char *buf, size_t cap)
{
    pthread_mutex_lock(&lock);
    bool set = cache_dir_set;
    str_copy(buf, cap, cache_dir);
    pthread_mutex_unlock(&lock);
    if (set)
        return;
    cache_home(buf, cap, "best");
}

/* The file of an answer: seed "any" for one that holds for every seed. An
 * estimate has a file of its own (an engine that caches only exact answers
 * never reads it), always for its seed. */
static void cache_file(char *buf, size_t cap, const char *dir, uint64_t hash, int role, bool duet,
                       const uint64_t *seed, bool estimate)
{
    char s[32] = "any";
    if (seed)
        snprintf(s, sizeof s, "%llu", (unsigned long long)*seed);
    str_format(buf, cap, "%s/%016llx-%s-role%d-%s%s.json", dir, (unsigned long long)hash,
               duet ? "duet" : "solo", role, s, estimate ? "-estimate" : "");
}

/* Whether a cached estimate is what a search would find now: made by this
 * version of the search with the same cap of states. */
static bool estimate_current(const cJSON *root)
{
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "search");
    const cJSON *cap = cJSON_GetObjectItemCaseSensitive(root, "max_states");
    return cJSON_IsNumber(ver) && ver->valuedouble == BEST_SEARCH_VERSION && cJSON_IsNumber(cap) &&
           cap->valuedouble == (double)max_states;
}

/* Reads an answer; false when missing, unreadable or not one (a corrupt
 * file is ignored, and rewritten after the next search), or an estimate
 * another version of the search made. */
static bool cache_read(const char *path, const struct scenario *sc, bool estimate, struct best *out)
{
    struct diag err;
    size_t len;
    char *text = file_read_all(path, 64 * 1024, &len, &err);
    if (!text)
        return false;
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    bool ok = false;
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(root, "weighted");
    const cJSON *pts = cJSON_GetObjectItemCaseSensitive(root, "points");
    if (cJSON_IsString(fmt) && strcmp(fmt->valuestring, "scaleup-best/1") == 0 && cJSON_IsNumber(w) &&
        isfinite(w->valuedouble) && fabs(w->valuedouble) <= LIMIT_NUMBER * LIMIT_TURNS &&
        cJSON_IsArray(pts) && cJSON_GetArraySize(pts) == sc->ndimensions &&
        (!estimate || estimate_current(root))) {
        memset(out, 0, sizeof *out);
        out->weighted = w->valuedouble;
        ok = true;
        for (int d = 0; d < sc->ndimensions; d++) {
            const cJSON *v = cJSON_GetArrayItem(pts, d);
            if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
                ok = false;
            else
                out->points[d] = v->valuedouble;
        }
        out->ready = out->cached = true;
        out->exact = !estimate;
    }
    cJSON_Delete(root);
    return ok;
}

/* An estimate names the search's version and its cap of states. */
static void cache_write(const char *path, const struct scenario *sc, const struct best *b, long cap)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "scaleup-best/1");
    cJSON_AddStringToObject(root, "scenario", sc->id);
    cJSON_AddNumberToObject(root, "weighted", b->weighted);
    if (!b->exact) {
        cJSON_AddNumberToObject(root, "search", BEST_SEARCH_VERSION);
        cJSON_AddNumberToObject(root, "max_states", (double)cap);
    }
    cJSON *pts = cJSON_AddArrayToObject(root, "points");
    for (int d = 0; d < sc->ndimensions; d++)
        cJSON_AddItemToArray(pts, cJSON_CreateNumber(b->points[d]));
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return;
    make_parents(path);
    struct diag err;
    file_write_atomic(path, text, strlen(text), &err); /* a cache: failing is fine */
    free(text);
}

static struct entry *find(uint64_t hash, int role, bool duet, uint64_t seed)
{
    for (int i = 0; i < nentries; i++) {
        struct entry *e = &entries[i];
        if (e->hash == hash && e->role == role && e->duet == duet && (e->seed_free || e->seed == seed))
            return e;
    }
    return NULL;
}

static struct entry *add_entry(uint64_t hash, int role, bool duet, uint64_t seed)
{
    if (nentries == MAX_ENTRIES) {
        /* The oldest finished entry makes room (a running one is kept). */
        for (int i = 0; i < nentries; i++)
            if (!entries[i].running) {
                if (entries[i].folder)
                    free(entries[i].folder);
                memmove(&entries[i], &entries[i + 1], sizeof *entries * (size_t)(nentries - i - 1));
                nentries--;
                break;
            }
        if (nentries == MAX_ENTRIES)
            return NULL;
    }
    struct entry *e = &entries[nentries++];
    memset(e, 0, sizeof *e);
    e->hash = hash;
    e->role = role;
    e->duet = duet;
    e->seed = seed;
    return e;
}

/* What a job needs, copied: the entry may move while it runs. */
struct job {
    char *folder;
    uint64_t hash;
    int role;
    bool duet;
    uint64_t seed;
    double deadline;
    long max_states;
    int jobs;
    char dir[PATH_MAX];
};

/* The background search: its own load of the scenario, so that nothing of
 * the run's Lua state is touched. */
static void *job_main(void *arg)
{
    struct job *j = arg;
    /* The lowest priority: on a busy machine the run, not its search, gets
     * the processor (Linux: a thread's own nice value). */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
    struct best b;
    memset(&b, 0, sizeof b);
    bool seed_free = false, capped = false;
    struct diag_list diags;
    diag_list_init(&diags);
    struct scenario *sc = scenario_load(j->folder, NULL, &diags);
    diag_list_free(&diags);
    if (sc && sc->hash == j->hash && j->role < sc->nroles) {
        struct best_search bs;
        memset(&bs, 0, sizeof bs);
        bs.role = j->role;
        bs.seed = j->seed;
        bs.duet = j->duet;
        bs.deadline = j->deadline;
        bs.max_states = j->max_states;
        bs.jobs = j->jobs;
        struct diag err;
        if (best_search_run(sc, &bs, &err) && bs.found) {
            b.weighted = bs.weighted;
            memcpy(b.points, bs.points, sizeof b.points);
            b.exact = bs.exact;
            seed_free = bs.seed_free;
            capped = bs.capped;
        }
        b.seconds = bs.seconds;
        best_search_free(&bs);
        /* An exact answer, or an estimate that does not depend on the
         * machine (stopped by the cap of states, not the clock, with one
         * worker), which a search would find again: a search is not worth
         * running twice.
         * An estimate holds for its seed only (a search stopped early may
         * not have met the scenario's draws). */
        if ((b.exact || capped) && j->dir[0]) {
            char path[PATH_MAX];
            cache_file(path, sizeof path, j->dir, j->hash, j->role, j->duet,
                       seed_free && b.exact ? NULL : &j->seed, !b.exact);
            cache_write(path, sc, &b, j->max_states);
        }
    }
    if (sc)
        scenario_free(sc);
    b.ready = true;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < nentries; i++) {
        struct entry *e = &entries[i];
        if (e->running && e->hash == j->hash && e->role == j->role && e->duet == j->duet &&
            e->seed == j->seed) {
            e->best = b;
            e->best.seed_free = e->seed_free = seed_free;
            e->done = true;
        }
    }
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
    free(j->folder);
    free(j);
    return NULL;
}

/* The entry for a question, from memory, disk or a new search; with the
 * lock held. */
static struct entry *lookup(const struct scenario *sc, int role, uint64_t seed, bool duet)
{
    struct entry *e = find(sc->hash, role, duet, seed);
    if (e)
        return e;
    char dir[PATH_MAX], path[PATH_MAX];
    pthread_mutex_unlock(&lock);
    cache_folder(dir, sizeof dir);
    struct best b;
    bool hit = false, free_hit = false;
    if (dir[0]) {
        cache_file(path, sizeof path, dir, sc->hash, role, duet, NULL, false);
        free_hit = hit = cache_read(path, sc, false, &b);
        for (int estimate = 0; estimate < 2 && !hit; estimate++) {
            cache_file(path, sizeof path, dir, sc->hash, role, duet, &seed, estimate);
            hit = cache_read(path, sc, estimate, &b);
        }
    }
    pthread_mutex_lock(&lock);
    e = find(sc->hash, role, duet, seed); /* another thread may have added it meanwhile */
    if (e)
        return e;
    e = add_entry(sc->hash, role, duet, seed);
    if (!e)
        return NULL;
    if (hit) {
        e->best = b;
        e->best.seed_free = e->seed_free = free_hit;
        e->done = true;
        return e;
    }
    struct job *j = xcalloc(1, sizeof *j);
    /* The entry file (files[0]) names the scenario whether it was given as
     * a folder or as a .lua file. */
    j->folder = xstrdup(sc->nfiles > 0 ? sc->files[0].display : sc->folder ? sc->folder : "");
    j->hash = sc->hash;
    j->role = role;
    j->duet = duet;
    j->seed = seed;
    j->deadline = clock_seconds() + budget;
    j->max_states = max_states;
    j->jobs = jobs > 0 ? jobs : best_default_jobs();
    str_copy(j->dir, sizeof j->dir, dir);
    e->deadline = j->deadline;
    e->running = true;
    if (pthread_create(&e->thread, NULL, job_main, j) != 0) {
        free(j->folder);
        free(j);
        e->running = false;
        e->done = true;
        e->best.ready = true; /* not searched: an estimate of nothing */
        return e;
    }
    pthread_detach(e->thread);
    return e;
}

void best_start(const struct scenario *sc, int role, uint64_t seed, bool duet)
{
    pthread_mutex_lock(&lock);
    lookup(sc, role, seed, duet);
    pthread_mutex_unlock(&lock);
}

/* The declared best of solo play replaces the searched total. */
static void declare(const struct scenario *sc, int role, bool duet, struct best *out)
{
    if (!duet && !isnan(sc->best[role])) {
        out->weighted = sc->best[role];
        out->declared = true;
        out->exact = true;
    }
}

bool best_peek(const struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out)
{
    pthread_mutex_lock(&lock);
    struct entry *e = lookup(sc, role, seed, duet);
    bool done = e && e->done;
    memset(out, 0, sizeof *out);
    if (done)
        *out = e->best;
    pthread_mutex_unlock(&lock);
    if (done)
        declare(sc, role, duet, out);
    return done;
}

void best_for(const struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out)
{
    pthread_mutex_lock(&lock);
    struct entry *e = lookup(sc, role, seed, duet);
    while (e && !e->done) {
        /* The search ends by its own deadline; wait a little past it. */
        pthread_cond_wait(&changed, &lock);
        e = find(sc->hash, role, duet, seed);
    }
    memset(out, 0, sizeof *out);
    if (e)
        *out = e->best;
    out->ready = true;
    pthread_mutex_unlock(&lock);
    declare(sc, role, duet, out);
}

void best_forget(void)
{
    pthread_mutex_lock(&lock);
    /* Running searches finish and find no entry to fill: harmless. */
    for (int i = 0; i < nentries; i++)
        while (entries[i].running && !entries[i].done)
            pthread_cond_wait(&changed, &lock);
    nentries = 0;
    pthread_mutex_unlock(&lock);
}

/* ------------------------------------------------------------ debrief */

double debrief_percent(double weighted, double best)
{
    double p;
    if (best > 0)
        p = weighted / best * 100.0;
    else if (weighted >= best)
        p = 100; /* every path costs points: the least cost is perfect play */
    else
        p = weighted < 0 ? best / weighted * 100.0 : 0;
    if (!(p > 0))
        p = 0;
    if (p > 100)
        p = 100;
    return p;
}

/* The figures a front-end draws, made here so that every front-end says
 * the same. */
static void make_texts(const struct scenario *sc, struct debrief_player *dp)
{
    char num[64], best[64];
    format_number(num, sizeof num, dp->weighted);
    format_number(best, sizeof best, dp->best.weighted);
    dp->below_zero = dp->weighted < 0 && dp->best.weighted > 0;
    if (dp->below_zero)
        str_format(dp->headline, sizeof dp->headline, "%s point%s", num,
                   fabs(dp->weighted) == 1 ? "" : "s");
    else
        str_format(dp->headline, sizeof dp->headline, "%.0f%%", dp->percent);
    str_format(dp->total, sizeof dp->total, "Weighted total %s of %s possible%s", num, best,
               dp->best.exact ? "" : " (estimated: the search ran out of time)");
    /* A run that reaches the best total is itself a best run: its bars are
     * full, not set against another best run that split the points
     * differently ("9 of 8 · above the best run" beside "7 of 8"). */
    bool own_best = dp->weighted >= dp->best.weighted;
    for (int k = 0; k < sc->ndimensions; k++) {
        double got = dp->points[k], top = own_best ? got : dp->best.points[k];
        double share = top > 0 ? got / top : top == 0 ? (got >= 0 ? 1 : 0) : (got >= top ? 1 : top / got);
        if (!(share > 0))
            share = 0;
        if (share > 1)
            share = 1;
        dp->share[k] = share;
        format_number(num, sizeof num, got);
        format_number(best, sizeof best, top);
        if (got > top)
            str_format(dp->bar_label[k], sizeof dp->bar_label[k], "%s of %s · above the best run", num,
                       best);
        else if (top > 0 && got >= 0)
            str_format(dp->bar_label[k], sizeof dp->bar_label[k], "%s of %s · %.0f%%", num, best,
                       debrief_percent(got, top));
        else
            str_format(dp->bar_label[k], sizeof dp->bar_label[k], "%s of %s", num, best);
    }
}

static void build(struct game *g, struct debrief *d, bool wait)
{
    const struct scenario *sc = g->sc;
    memset(d, 0, sizeof *d);
    d->ending = g->over ? g->s.scene : -1;
    d->verdict = g->over ? sc->scenes[g->s.scene].verdict : VERDICT_NONE;
    d->nplayers = g->nplayers;
    for (int p = 0; p < g->nplayers; p++) {
        struct debrief_player *dp = &d->players[p];
        dp->role = g->s.players[p].role;
        dp->name = g->s.players[p].name;
        memcpy(dp->points, g->s.players[p].score, sizeof dp->points);
        dp->weighted = game_weighted(g, p);
        if (wait)
            best_for(sc, dp->role, g->seed, g->nplayers > 1, &dp->best);
        else if (!best_peek(sc, dp->role, g->seed, g->nplayers > 1, &dp->best))
            continue;
        /* An estimate can fall short of what this run reached: the run
         * itself shows more is possible ("12 of 10" would mislead). An
         * exact best is never beaten (a declared one can be, when it was
         * declared too low: explore reports that). */
        if (dp->weighted > dp->best.weighted && !dp->best.exact) {
            dp->best.weighted = dp->weighted;
            memcpy(dp->best.points, dp->points, sizeof dp->points);
        }
        dp->percent = debrief_percent(dp->weighted, dp->best.weighted);
        dp->rating = scenario_rating(sc, dp->percent);
        make_texts(sc, dp);
    }
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].secret) {
            d->secret_decisions++;
            d->agreed += g->log[i].outcome == DUET_AGREED;
        }
    d->alignment = d->secret_decisions ? (double)d->agreed / d->secret_decisions : 1.0;
}

void debrief_build(struct game *g, struct debrief *d)
{
    build(g, d, true);
}

void debrief_build_now(struct game *g, struct debrief *d)
{
    build(g, d, false);
}

bool debrief_locked_best(const struct game *g, int i, int p, struct strbuf *out)
{
    const struct scenario *sc = g->sc;
    const struct decision *d = &g->log[i];
    int locked = p < 0 ? d->best_locked : d->pick[p].best_locked;
    if (locked < 0)
        return false;
    uint32_t label = p < 0 ? d->best_locked_label : d->pick[p].best_locked_label;
    int player = p < 0 ? d->player : p;
    sb_printf(out, "Best for a %s: %s (locked: %s)", sc->roles[g->s.players[player].role].name,
              g->log_text.data + label, sc->choices[locked].locked ? sc->choices[locked].locked : "");
    return true;
}

int debrief_caused(const struct game *g, int i, struct strbuf *out)
{
    const struct scenario *sc = g->sc;
    int n = 0;
    for (int k = 0; k < g->ncons; k++) {
        const struct consequence *c = &g->cons[k];
        if (c->decision != i)
            continue;
        sb_printf(out, "%s \u2192", game_decision_label(g, i));
        bool first = true;
        for (int s = 0; s < sc->nstats; s++) {
            if (c->delta[s] == 0)
                continue;
            char num[64];
            format_number(num, sizeof num, c->delta[s]);
            sb_printf(out, "%s %s %s%s", first ? "" : ",", sc->stats[s].name, c->delta[s] > 0 ? "+" : "",
                      num);
            first = false;
        }
        const struct scene *where = &sc->scenes[c->scene];
        sb_printf(out, " in %s", where->title[0] ? where->title : where->id);
        sb_putc(out, '\0');
        n++;
    }
    return n;
}

int debrief_questions(const struct game *g, struct strbuf *out)
{
    int n = 0;
    for (int i = 0; i < g->nlog; i++) {
        const char *q = game_discuss(g, i);
        if (!q[0])
            continue;
        bool seen = false;
        for (int k = 0; k < i && !seen; k++)
            seen = g->log[k].scene == g->log[i].scene && game_discuss(g, k)[0];
        if (seen)
            continue;
        sb_puts(out, q);
        sb_putc(out, '\0');
        n++;
    }
    return n;
}
