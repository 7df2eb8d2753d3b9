#include "debrief.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include "explore.h"

/* One cached answer per scenario, seed and way of playing, for every role:
 * the same run asks again after every decision (result files carry the
 * percentage), a restart keeps the seed, and a duet's two players share one
 * search. */
struct best_cache_entry {
    const struct scenario *sc;
    uint64_t hash;
    uint64_t seed;
    bool duet;
    bool valid;
    struct best best[LIMIT_ROLES];
    /* Random play's estimates, kept apart from best[] so that in a duet a
     * role whose exhaustive search failed does not stop the other role's
     * own exhaustive search (the answer must not depend on who asks first). */
    struct best estimate[LIMIT_ROLES];
};

/* One cache for the process, keyed by the scenario's files (hash) rather
 * than its address: the browser host (host/) plays every team's run in its
 * own thread with its own load of the same scenario, and with the room's
 * seed they all share one search. The lock makes a second asker wait for
 * the first one's search instead of repeating it. */
static struct best_cache_entry cache[2]; /* solo, duet */
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;

/* Copies a role's best from a search's result. */
static void take_best(const struct scenario *sc, const struct explore_result *r, int role, bool exact,
                      struct best *out)
{
    memset(out, 0, sizeof *out);
    if (r->weighted[role].count > 0) {
        out->weighted = r->weighted[role].max;
        for (int d = 0; d < sc->ndimensions; d++)
            out->points[d] = r->score[role][d].max;
    }
    out->exact = exact;
    out->searched = true;
}

/* An exhaustive search (up to LIMIT_BEST_STATES) for role's best; true with
 * out filled when it completed. In a duet the explorer's player p plays
 * role p, and states are told apart by that player's points only. */
static bool search_exhaustive(struct scenario *sc, int role, uint64_t seed, bool duet,
                              struct best *out)
{
    struct explore_options o;
    explore_options_default(&o);
    o.mode = EXPLORE_EXHAUSTIVE;
    o.seed = seed;
    /* A duet searches once per role: each gets its share of the budget,
     * so the pause stays that of a solo game. */
    o.max_states = duet ? LIMIT_BEST_STATES / sc->nroles : LIMIT_BEST_STATES;
    o.role = duet ? -1 : role;
    o.duet = duet;
    o.score_of = duet ? role : -1;
    struct explore_result r;
    struct diag err;
    if (!explore_run(sc, &o, &r, &err))
        return false;
    bool complete = r.complete;
    if (complete)
        take_best(sc, &r, role, true, out);
    explore_result_free(&r);
    return complete;
}

/* LIMIT_BEST_RUNS random playthroughs (of both roles at once in a duet):
 * fills estimate[] for role, and in a duet for every role, once. */
static void search_random(struct scenario *sc, int role, uint64_t seed, bool duet,
                          struct best *estimate)
{
    struct explore_options o;
    explore_options_default(&o);
    o.mode = EXPLORE_RANDOM;
    o.runs = LIMIT_BEST_RUNS;
    o.seed = seed;
    o.role = duet ? -1 : role;
    o.duet = duet;
    struct explore_result r;
    struct diag err;
    bool ran = explore_run(sc, &o, &r, &err);
    for (int ro = 0; ro < sc->nroles; ro++) {
        if (!(duet || ro == role) || estimate[ro].searched)
            continue;
        if (ran) {
            take_best(sc, &r, ro, false, &estimate[ro]);
        } else {
            memset(&estimate[ro], 0, sizeof estimate[ro]);
            estimate[ro].searched = true;
        }
    }
    if (ran)
        explore_result_free(&r);
}

void best_for(struct scenario *sc, int role, uint64_t seed, bool duet, struct best *out)
{
    pthread_mutex_lock(&cache_mu);
    struct best_cache_entry *slot = &cache[duet];
    if (!(slot->valid && slot->hash == sc->hash && slot->seed == seed && slot->duet == duet)) {
        memset(slot, 0, sizeof *slot);
        slot->sc = sc;
        slot->hash = sc->hash;
        slot->seed = seed;
        slot->duet = duet;
        slot->valid = true;
    }
    /* The declared best is solo play's: a duet reaches other totals (the
     * other player decides some scenes; conflict scenes add choices), so a
     * duet is always measured against what the duet search finds. */
    bool declared = !duet && !isnan(sc->best[role]);
    if (!slot->best[role].searched) {
        /* With a declared best the search only estimates each dimension's
         * most points (for the debrief's bars): random play does that. */
        if (declared || !search_exhaustive(sc, role, seed, duet, &slot->best[role])) {
            if (!slot->estimate[role].searched)
                search_random(sc, role, seed, duet, slot->estimate);
            slot->best[role] = slot->estimate[role];
        }
    }
    *out = slot->best[role];
    pthread_mutex_unlock(&cache_mu);
    if (declared) {
        out->weighted = sc->best[role];
        out->declared = true;
        out->exact = true;
    }
}

double debrief_percent(double weighted, double best)
{
    if (!(best > 0))
        return 0;
    double p = weighted / best * 100.0;
    if (p < 0)
        p = 0;
    if (p > 100)
        p = 100;
    return p;
}

void debrief_build(struct game *g, struct debrief *d)
{
    struct scenario *sc = g->sc;
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
        best_for(sc, dp->role, g->seed, g->nplayers > 1, &dp->best);
        /* An estimate can fall short of what this run reached: the run
         * itself shows more is possible ("12 of 10" would mislead). */
        if (dp->weighted > dp->best.weighted)
            dp->best.weighted = dp->weighted;
        for (int k = 0; k < sc->ndimensions; k++)
            if (dp->points[k] > dp->best.points[k])
                dp->best.points[k] = dp->points[k];
        dp->percent = debrief_percent(dp->weighted, dp->best.weighted);
        dp->rating = scenario_rating(sc, dp->percent);
    }
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].secret) {
            d->secret_decisions++;
            d->agreed += g->log[i].outcome == DUET_AGREED;
        }
    d->alignment = d->secret_decisions ? (double)d->agreed / d->secret_decisions : 1.0;
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
