#include "policy.h"

#include <math.h>
#include <string.h>

#include "debrief.h"
#include "explore.h"
#include "text.h"
#include "utf8.h"

const char *policy_name(enum policy p)
{
    static const char *const names[POLICY_COUNT] = {"first", "last", "longest", "shortest", "random",
                                                    "greedy"};
    return p >= 0 && p < POLICY_COUNT ? names[p] : "?";
}

/* Characters of a shown label, as a player reads it (no markers). */
static size_t label_chars(const struct game *g, const struct menu *m, int i, struct strbuf *tmp)
{
    sb_clear(tmp);
    text_plain(game_label(g, m, i), " ", tmp);
    return utf8_length(tmp->data ? tmp->data : "", tmp->len);
}

int policy_pick(const struct game *g, enum policy p, struct rng *pick)
{
    const struct menu *m = game_menu(g);
    int n = m->nopen;
    if (n < 1)
        return 0;
    switch (p) {
    case POLICY_FIRST: return 1;
    case POLICY_LAST: return n;
    case POLICY_RANDOM: return (int)rng_range(pick, 1, n);
    case POLICY_LONGEST:
    case POLICY_SHORTEST: {
        struct strbuf tmp;
        sb_init(&tmp);
        int best = 1;
        size_t best_len = label_chars(g, m, 0, &tmp);
        for (int i = 1; i < n; i++) {
            size_t len = label_chars(g, m, i, &tmp);
            if (p == POLICY_LONGEST ? len > best_len : len < best_len) {
                best = i + 1;
                best_len = len;
            }
        }
        sb_free(&tmp);
        return best;
    }
    case POLICY_GREEDY:
    default: {
        const struct scenario *sc = g->sc;
        const double *w = sc->roles[g->s.players[g->view.decider].role].weights;
        int best = 1;
        double best_v = -HUGE_VAL;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int d = 0; d < sc->ndimensions; d++)
                v += sc->choices[m->offers[i].choice].score[d] * w[d];
            if (v > best_v + 1e-9) {
                best_v = v;
                best = i + 1;
            }
        }
        return best;
    }
    }
}

bool policy_play(const struct scenario *sc, int role, uint64_t seed, enum policy p, double *weighted,
                 struct diag *err)
{
    struct game *g = game_new(sc);
    struct game_setup st;
    memset(&st, 0, sizeof st);
    st.seed = seed;
    st.nplayers = 1;
    st.players[0].role = role;
    st.players[0].name = "Policy";
    bool ok = game_start(g, &st, err);
    /* The random policy's own generator, as explore's random play. */
    struct rng pick;
    rng_seed(&pick, seed ^ 0x5ca1ab1e5ca1ab1eULL);
    while (ok && !g->over)
        ok = game_choose(g, policy_pick(g, p, &pick), false, 0, err);
    *weighted = ok ? game_weighted(g, 0) : 0;
    game_free(g);
    return ok;
}

void policy_report_make(const struct scenario *sc, int nseeds, uint64_t base, struct policy_report *out)
{
    memset(out, 0, sizeof *out);
    out->nseeds = nseeds;
    /* One search per role first: when it drew nothing from the generator,
     * it holds for every seed; else every seed's searches run together. */
    struct best first[LIMIT_ROLES];
    for (int r = 0; r < sc->nroles; r++)
        best_start(sc, r, explore_seed(base, 0), false);
    for (int r = 0; r < sc->nroles; r++) {
        best_for(sc, r, explore_seed(base, 0), false, &first[r]);
        out->best[r] = first[r].weighted;
        out->seed_free[r] = first[r].seed_free;
        out->exact[r] = true;
        if (!first[r].seed_free)
            for (int i = 1; i < nseeds; i++)
                best_start(sc, r, explore_seed(base, i), false);
    }
    for (int r = 0; r < sc->nroles; r++) {
        for (int p = 0; p < POLICY_COUNT; p++) {
            out->fig[r][p].min = HUGE_VAL;
            out->fig[r][p].max = -HUGE_VAL;
        }
        for (int i = 0; i < nseeds; i++) {
            uint64_t seed = explore_seed(base, i);
            struct best b = first[r];
            if (i > 0 && !first[r].seed_free)
                best_for(sc, r, seed, false, &b);
            out->exact[r] = out->exact[r] && b.exact;
            for (int p = 0; p < POLICY_COUNT; p++) {
                double w;
                struct diag err;
                if (!policy_play(sc, r, seed, (enum policy)p, &w, &err))
                    continue;
                /* An estimate can fall short of a run (as in the debrief). */
                double top = !b.exact && w > b.weighted ? w : b.weighted;
                double pct = debrief_percent(w, top);
                struct policy_figures *f = &out->fig[r][p];
                f->mean += pct;
                f->min = fmin(f->min, pct);
                f->max = fmax(f->max, pct);
                f->runs++;
            }
        }
        for (int p = 0; p < POLICY_COUNT; p++) {
            struct policy_figures *f = &out->fig[r][p];
            if (f->runs) {
                f->mean /= f->runs;
            } else {
                f->min = f->max = 0;
            }
        }
    }
}
