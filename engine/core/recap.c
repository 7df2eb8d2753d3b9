/*
 * recap.c: the words of a run's steps, built once for every front-end
 * (see recap.h).
 */
#include "recap.h"

#include <math.h>
#include <string.h>

#include "debrief.h"

/* A change smaller than this is rounding, not a change: it is not shown. */
#define RECAP_EPSILON 1e-9

/* How many distinct phases the progress counts; a scenario with more shows
 * "decision N" after the phase's name. */
#define RECAP_MAX_PHASES 32

static const char *scene_name(const struct scene *sn)
{
    return sn->title[0] ? sn->title : sn->id;
}

static const char *role_of(const struct game *g, int player)
{
    return g->sc->roles[g->s.players[player].role].name;
}

static void add_change(struct changes *out, double value, bool stat, const char *name)
{
    struct change *c = &out->item[out->n++];
    char num[64];
    format_signed(num, sizeof num, value);
    c->value = value;
    c->stat = stat;
    if (stat)
        str_format(c->text, sizeof c->text, "%s %s", name, num);
    else
        str_format(c->text, sizeof c->text, "%s %s", num, name);
}

void recap_changes(const struct scenario *sc, const double *score, const double *stat_delta,
                   struct changes *out)
{
    out->n = 0;
    for (int k = 0; score && k < sc->ndimensions; k++)
        if (fabs(score[k]) >= RECAP_EPSILON)
            add_change(out, score[k], false, sc->dimensions[k].name);
    for (int k = 0; stat_delta && k < sc->nstats; k++)
        if (!sc->stats[k].hidden && fabs(stat_delta[k]) >= RECAP_EPSILON)
            add_change(out, stat_delta[k], true, sc->stats[k].name);
}

void recap_join(const struct changes *c, const char *sep, struct strbuf *out)
{
    for (int k = 0; k < c->n; k++)
        sb_printf(out, "%s%s", k ? sep : "", c->item[k].text);
}

void recap_stat_value(const struct stat_def *st, double v, struct strbuf *out)
{
    char num[64];
    format_number(num, sizeof num, v);
    sb_printf(out, "%s%s%s", num, st->unit ? " " : "", st->unit ? st->unit : "");
}

void recap_duet_outcome(const struct game *g, const struct decision *d, struct strbuf *out)
{
    const char *stood = d->stood >= 0 ? role_of(g, d->stood) : "";
    if (!d->secret)
        return;
    switch (d->outcome) {
    case DUET_AGREED: sb_puts(out, "You agree."); break;
    case DUET_CONFLICT: sb_puts(out, "You disagree: now talk it out."); break;
    case DUET_SETTLED:
        sb_printf(out, "You disagree: the %s's pick stands, as the scenario settles it.", stood);
        break;
    case DUET_COIN: sb_printf(out, "You disagree: a coin toss decides, and the %s's pick stands.", stood); break;
    default: break;
    }
}

int recap_disagreed_at(const struct game *g, struct strbuf *out)
{
    int n = 0;
    for (int i = 0; i < g->nlog; i++) {
        if (!g->log[i].secret || g->log[i].outcome == DUET_AGREED)
            continue;
        sb_printf(out, "%s%s", n ? ", " : "You disagreed at: ", scene_name(&g->sc->scenes[g->log[i].scene]));
        n++;
    }
    if (n)
        sb_putc(out, '.');
    return n;
}

/* The length of the phase a label names: "Plan · Week 0" and "Plan · Week 1"
 * are both the phase "Plan", so a label's part before its first " · " counts
 * (a scenario that dates its scenes would otherwise have a phase per week). */
static size_t phase_name_len(const char *label)
{
    const char *sep = strstr(label, " · ");
    return sep ? (size_t)(sep - label) : strlen(label);
}

/* Whether phase name a (a_len bytes, as phase_name_len measured it) is
 * label b's phase (b_len bytes). */
static bool same_phase(const char *a, size_t a_len, const char *b, size_t b_len)
{
    return a_len == b_len && memcmp(a, b, a_len) == 0;
}

void recap_progress(const struct game *g, const struct scene *scene, struct strbuf *out)
{
    const struct scenario *sc = g->sc;
    /* The phases seen, each with its name's length, measured once: this
     * runs every frame in the window's play screen. */
    const char *seen[RECAP_MAX_PHASES];
    size_t seen_len[RECAP_MAX_PHASES];
    int nphases = 0, at = -1;
    for (int i = 0; i < sc->nscenes && nphases < (int)COUNT_OF(seen); i++) {
        const char *ph = sc->scenes[i].phase;
        if (!ph || !ph[0] || sc->scenes[i].is_ending)
            continue;
        size_t len = phase_name_len(ph);
        int k = 0;
        while (k < nphases && !same_phase(seen[k], seen_len[k], ph, len))
            k++;
        if (k == nphases) {
            seen[nphases] = ph;
            seen_len[nphases++] = len;
        }
    }
    if (scene->phase) {
        size_t len = phase_name_len(scene->phase);
        for (int k = 0; k < nphases; k++)
            if (same_phase(seen[k], seen_len[k], scene->phase, len))
                at = k;
    }
    int decision = g->nlog + 1;
    if (at >= 0 && nphases > 1)
        sb_printf(out, "%s · phase %d of %d · decision %d", scene->phase, at + 1, nphases, decision);
    else if (scene->phase && scene->phase[0])
        sb_printf(out, "%s · decision %d", scene->phase, decision);
    else
        sb_printf(out, "Decision %d", decision);
}

void recap_stat_series(const struct game *g, int stat, double *v)
{
    int n = g->nlog;
    v[n] = g->s.stats[stat];
    for (int k = n - 1; k >= 0; k--)
        v[k] = v[k + 1] - g->log[k].stat_delta[stat] - g->log[k].enter_delta[stat];
}

enum recap_best recap_best(const struct game *g, int i, int p, struct strbuf *out,
                           const double **score)
{
    const struct decision *d = &g->log[i];
    *score = NULL;
    if (debrief_locked_best(g, i, p, out))
        return RECAP_BEST_LOCKED;
    int offered = p < 0 ? d->offered : d->pick[p].offered;
    int best = p < 0 ? d->best_number : d->pick[p].best_number;
    int taken = p < 0 ? d->number : d->pick[p].number;
    int player = p < 0 ? d->player : p;
    if (offered <= 1)
        return RECAP_BEST_NONE;
    if (best == taken) {
        if (p < 0)
            sb_puts(out, "The best-scoring choice here.");
        else
            sb_printf(out, "The best-scoring choice for a %s.", role_of(g, player));
        return RECAP_BEST_TAKEN;
    }
    int choice = p < 0 ? d->best_choice : d->pick[p].best_choice;
    uint32_t label = p < 0 ? d->best_label : d->pick[p].best_label;
    sb_printf(out, "Best for a %s: %s", role_of(g, player), g->log_text.data + label);
    *score = g->sc->choices[choice].score;
    return RECAP_BEST_OTHER;
}
