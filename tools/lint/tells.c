/*
 * tells.c: lint's "tells": what lets a player score well without judgment.
 *
 * Per scene and role (warnings at the scene's line):
 *   tell-length     the best option's label is longer than every other option's
 *                   by more than 30% (the longest is not always the right one)
 *   tell-straw-man  only one of the role's options scores above zero: the
 *                   others are there to be dismissed
 *   tell-duet-same  a scene both duet players decide whose best option is the
 *                   same for both roles: no tension between the jobs
 *   tell-fixed-first  a scene shown in the author's order (order = "fixed")
 *                   whose best option for the role is listed first among the
 *                   role's options
 * Per scenario (at the scenario { } call), from naive play (policy.h) over
 * LINT_POLICY_SEEDS seeds per role against the exact best:
 *   tell-naive      first, last, longest, shortest or random play averages above
 *                   60% of the best
 *   tell-greedy     greedy play (the most points now) averages within 5
 *                   percentage points of the best: later consequences do not matter
 *   declared-best   a declared best that the exact search contradicts
 * The options of a scene are those offered to the role, conditions aside;
 * a label written as a function is not measured.
 */
#include <math.h>
#include <string.h>

#include "core/best.h"
#include "core/limits.h"
#include "core/policy.h"
#include "core/text.h"
#include "core/utf8.h"
#include "lint.h"

PRINTF_LIKE(5, 6)
static void warn(const struct scenario *sc, struct diag_list *out, struct srcpos pos, const char *code,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(out, DIAG_WARNING, scenario_file(sc, pos), (int)pos.line, (int)pos.col, code, fmt, ap);
    va_end(ap);
}

static double value_for(const struct scenario *sc, int role, const struct choice *ch)
{
    double v = 0;
    for (int d = 0; d < sc->ndimensions; d++)
        v += ch->score[d] * sc->roles[role].weights[d];
    return v;
}

/* The role's best option of a scene: its index in the scene, -1 when the
 * role has fewer than two options or the best is shared (a tie). */
static int best_option(const struct scenario *sc, const struct scene *sn, int role, int *options)
{
    int best = -1, n = 0;
    double best_v = -HUGE_VAL;
    bool tie = false;
    for (int i = 0; i < sn->nchoices; i++) {
        const struct choice *ch = &sc->choices[sn->first_choice + (uint32_t)i];
        if (!((ch->role_mask >> role) & 1))
            continue;
        n++;
        double v = value_for(sc, role, ch);
        if (v > best_v + 1e-9) {
            best_v = v;
            best = i;
            tie = false;
        } else if (fabs(v - best_v) <= 1e-9) {
            tie = true;
        }
    }
    *options = n;
    return n >= 2 && !tie ? best : -1;
}

/* Characters of a static label as shown at the start; -1 for a function. */
static long label_chars(const struct scenario *sc, int role, const struct choice *ch, struct strbuf *tmp)
{
    if (callback_present(ch->label.fn))
        return -1;
    double stats[LIMIT_STATS], score[LIMIT_DIMENSIONS] = {0};
    uint64_t flags[LIMIT_FLAGS / 64] = {0};
    for (int i = 0; i < sc->nstats; i++)
        stats[i] = sc->stats[i].start;
    struct text_values v = {stats, score, flags, "Player", sc->roles[role].name};
    struct strbuf r;
    sb_init(&r);
    text_render(&ch->label, &v, &r);
    sb_clear(tmp);
    text_plain(r.data ? r.data : "", " ", tmp);
    sb_free(&r);
    return (long)utf8_length(tmp->data ? tmp->data : "", tmp->len);
}

static void scene_tells(const struct scenario *sc, const struct scene *sn, int role, struct diag_list *out)
{
    int n;
    int best = best_option(sc, sn, role, &n);
    const char *rid = sc->roles[role].id;
    int positive = 0;
    for (int i = 0; i < sn->nchoices; i++) {
        const struct choice *ch = &sc->choices[sn->first_choice + (uint32_t)i];
        if (((ch->role_mask >> role) & 1) && value_for(sc, role, ch) > 0)
            positive++;
    }
    if (n >= 2 && positive == 1)
        warn(sc, out, sn->pos, "tell-straw-man",
             "scene '%s': only one of the %d options for the %s scores above zero; the others are "
             "straw men a player can dismiss without judgment",
             sn->id, n, rid);
    if (best < 0)
        return;
    if (sn->fixed_order) {
        int first = -1;
        for (int i = 0; i < sn->nchoices && first < 0; i++)
            if ((sc->choices[sn->first_choice + (uint32_t)i].role_mask >> role) & 1)
                first = i;
        if (first == best)
            warn(sc, out, sn->pos, "tell-fixed-first",
                 "scene '%s' keeps its written order (order = \"fixed\") and its best option for the "
                 "%s is listed first: pressing 1 wins here",
                 sn->id, rid);
    }
    struct strbuf tmp;
    sb_init(&tmp);
    long best_len = label_chars(sc, role, &sc->choices[sn->first_choice + (uint32_t)best], &tmp);
    long other = -1;
    bool measured = best_len >= 0;
    for (int i = 0; measured && i < sn->nchoices; i++) {
        const struct choice *ch = &sc->choices[sn->first_choice + (uint32_t)i];
        if (i == best || !((ch->role_mask >> role) & 1))
            continue;
        long len = label_chars(sc, role, ch, &tmp);
        if (len < 0)
            measured = false;
        else if (len > other)
            other = len;
    }
    sb_free(&tmp);
    if (measured && other >= 0 && (double)best_len > (double)other * 1.3)
        warn(sc, out, sn->pos, "tell-length",
             "scene '%s': the best option for the %s (choice %d) is the longest, %ld characters to "
             "at most %ld for the others: always picking the longest wins here",
             sn->id, rid, best + 1, best_len, other);
}

/* A declared best (scenario { best = { po = 40 } }) that the exact search
 * contradicts: declared too low, a good run shows over 100%; too high, no
 * run can reach 100%. Checked only where the search is exact and holds for
 * every seed. The search runs the scenario's callbacks: lint's own load,
 * after every other check. */
static void check_declared_best(const struct scenario *sc, struct diag_list *out)
{
    for (int r = 0; r < sc->nroles; r++) {
        if (isnan(sc->best[r]))
            continue;
        struct best_search bs;
        memset(&bs, 0, sizeof bs);
        bs.role = r;
        bs.seed = 1;
        bs.deadline = clock_seconds() + LIMIT_BEST_SECONDS;
        struct diag err;
        if (best_search_run(sc, &bs, &err) && bs.found && bs.exact && bs.seed_free &&
            fabs(bs.weighted - sc->best[r]) > 1e-9) {
            char declared[64], exact[64];
            format_number(declared, sizeof declared, sc->best[r]);
            format_number(exact, sizeof exact, bs.weighted);
            warn(sc, out, sc->pos, "declared-best",
                 bs.weighted > sc->best[r]
                     ? "best declares %s for the %s, but a run can score %s: a good run would show "
                       "over 100%%; leave best out (the engine finds the exact best itself) or set %s"
                     : "best declares %s for the %s, but no run scores more than %s: nobody can "
                       "reach 100%%; leave best out (the engine finds the exact best itself) or set %s",
                 declared, sc->roles[r].id, exact, exact);
        }
        best_search_free(&bs);
    }
}

void lint_tells(const struct scenario *sc, struct diag_list *out, int seeds)
{
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        if (sn->is_ending)
            continue;
        for (int r = 0; r < sc->nroles; r++) {
            /* In a duet scene decided by one role, the other never picks. */
            scene_tells(sc, sn, r, out);
        }
        if (sc->duet && sc->nroles == 2 && sn->by < 0) {
            int n0, n1;
            int b0 = best_option(sc, sn, 0, &n0), b1 = best_option(sc, sn, 1, &n1);
            if (b0 >= 0 && b0 == b1)
                warn(sc, out, sn->pos, "tell-duet-same",
                     "scene '%s': both players decide here, and choice %d is the best for both the %s "
                     "and the %s: no tension between the two jobs",
                     sn->id, b0 + 1, sc->roles[0].id, sc->roles[1].id);
        }
    }
    if (seeds <= 0)
        return;
    check_declared_best(sc, out);
    struct policy_report pol;
    policy_report_make(sc, seeds, 1, &pol);
    for (int r = 0; r < sc->nroles; r++) {
        for (int p = 0; p < POLICY_COUNT; p++) {
            const struct policy_figures *f = &pol.fig[r][p];
            if (!f->runs)
                continue;
            if (p == POLICY_GREEDY && f->mean >= 95)
                warn(sc, out, sc->pos, "tell-greedy",
                     "greedy play (the most points now) reaches %.0f%% of the best for the %s: "
                     "later consequences do not change what is best",
                     f->mean, sc->roles[r].id);
            else if (p != POLICY_GREEDY && f->mean > 60)
                warn(sc, out, sc->pos, "tell-naive",
                     "%s%s%s reaches %.0f%% of the best for the %s, over %d seeds: a team can score "
                     "without judgment",
                     p == POLICY_RANDOM ? "picking at random" : "always picking the ",
                     p == POLICY_RANDOM ? "" : policy_name((enum policy)p),
                     p == POLICY_RANDOM ? "" : " option", f->mean, sc->roles[r].id, pol.nseeds);
        }
    }
}
