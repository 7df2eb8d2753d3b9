/*
 * scenario_info.c: what the report reads from a scenario's own files.
 *
 * A result file holds the option a team took, not the options it was
 * offered. For the debrief the report also needs every option of every
 * decision point with its text, feedback and points, the best one for each
 * role, the scene's discuss question and the names of stats and dimensions:
 * those it takes from the scenario, found by the id the result files name,
 * first among the scenarios given with --scenario, then among the bundled
 * ones (never from a path a result file names). A scenario whose files
 * differ from the runs' (another hash) is still used, with a warning: its
 * options are matched to the runs' by id, else by text.
 *
 * Everything kept is copied into the report's arena; the scenario itself
 * (and its Lua state) is freed at once.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/loader.h"
#include "core/text.h"
#include "results.h"

/* The choice's stable id (the contract's "Additions of 2026-12"): the
 * author's id, else its 1-based position in the scene's list. */
static const char *choice_id(struct arena *a, const struct scenario *sc, int scene, int k)
{
    const struct choice *c = &sc->choices[sc->scenes[scene].first_choice + (uint32_t)k];
    if (c->id)
        return arena_strdup(a, c->id);
    char buf[16];
    str_format(buf, sizeof buf, "%d", k + 1);
    return arena_strdup(a, buf);
}

/* Writes piece *i of template t to out; may step *i over the pieces it
 * stands for. */
typedef void piece_writer(struct strbuf *out, const struct scenario *sc,
                          const struct text_template *t, uint32_t *i);

/* Template t written piece by piece, kept in the arena; NULL when the text
 * is a function. */
static const char *render_template(struct arena *a, const struct scenario *sc,
                                   const struct text_template *t, piece_writer *write)
{
    if (callback_present(t->fn))
        return NULL;
    struct strbuf out;
    sb_init(&out);
    for (uint32_t i = 0; i < t->npieces; i++)
        write(&out, sc, t, &i);
    const char *s = arena_strdup(a, out.data ? out.data : "");
    sb_free(&out);
    return s;
}

/* As plain text: references as {name}, no emphasis. */
static void plain_piece(struct strbuf *out, const struct scenario *sc,
                        const struct text_template *t, uint32_t *i)
{
    const struct piece *p = &t->pieces[*i];
    switch ((enum piece_kind)p->kind) {
    case PIECE_LITERAL: sb_append(out, t->chars + p->start, p->len); break;
    case PIECE_STAT: sb_printf(out, "{%s}", sc->stats[p->len].id); break;
    case PIECE_DIMENSION: sb_printf(out, "{%s}", sc->dimensions[p->len].id); break;
    case PIECE_FLAG: sb_printf(out, "{%s}", sc->flags[p->len]); break;
    case PIECE_PLAYER: sb_puts(out, "{player}"); break;
    case PIECE_ROLE: sb_puts(out, "{role}"); break;
    case PIECE_EMPHASIS: break;
    case PIECE_PARAGRAPH: sb_puts(out, " "); break;
    case PIECE_IF: break; /* both branches are shown, as "this / that" */
    case PIECE_ELSE: sb_puts(out, " / "); break;
    case PIECE_END: break;
    }
}

/* As a pattern to match the text a team saw: literal runs, and \x01 for a
 * reference (any text). */
static void pattern_piece(struct strbuf *out, const struct scenario *sc,
                          const struct text_template *t, uint32_t *i)
{
    (void)sc;
    const struct piece *p = &t->pieces[*i];
    if (p->kind == PIECE_IF) {
        /* A conditional part: any text, up to its {end}. */
        sb_putc(out, '\x01');
        for (int depth = 1; depth > 0 && *i + 1 < t->npieces;) {
            (*i)++;
            depth += t->pieces[*i].kind == PIECE_IF ? 1 : t->pieces[*i].kind == PIECE_END ? -1 : 0;
        }
    } else if (p->kind == PIECE_LITERAL)
        sb_append(out, t->chars + p->start, p->len);
    else if (p->kind == PIECE_PARAGRAPH)
        sb_putc(out, ' ');
    else if (p->kind != PIECE_EMPHASIS)
        sb_putc(out, '\x01');
}

/* A template as plain text; NULL when the text is a function. */
static const char *template_text(struct arena *a, const struct scenario *sc,
                                 const struct text_template *t)
{
    return render_template(a, sc, t, plain_piece);
}

/* A template as a pattern (see pattern_piece); NULL when a function. */
static const char *template_pattern(struct arena *a, const struct scenario *sc,
                                    const struct text_template *t)
{
    return render_template(a, sc, t, pattern_piece);
}

/* The scene's discuss question, plain, or NULL. */
static const char *scene_discuss(struct arena *a, const struct scenario *sc, const struct scene *s)
{
    return s->has_discuss ? template_text(a, sc, &s->discuss) : NULL;
}

static bool glob(const char *pat, const char *s)
{
    for (; *pat; pat++, s++) {
        if (*pat == '\x01') {
            for (const char *t = s; ; t++) {
                if (glob(pat + 1, t))
                    return true;
                if (!*t)
                    return false;
            }
        }
        if (*pat != *s)
            return false;
    }
    return *s == '\0';
}

int rep_choice_by_id(const struct rep_scene_info *s, const char *id)
{
    if (!s || !id)
        return -1;
    for (int k = 0; k < s->nchoices; k++)
        if (strcmp(s->choices[k].id, id) == 0)
            return k;
    return -1;
}

int rep_choice_by_text(const struct rep_scene_info *s, const char *text)
{
    if (!s || !text)
        return -1;
    for (int k = 0; k < s->nchoices; k++)
        if (s->choices[k].text && strcmp(s->choices[k].text, text) == 0)
            return k;
    for (int k = 0; k < s->nchoices; k++)
        if (s->match[k] && strchr(s->match[k], '\x01') && glob(s->match[k], text))
            return k;
    return -1;
}

const struct rep_scene_info *rep_scene_info(const struct rep_scenario *sc, const char *scene)
{
    if (!sc || !scene)
        return NULL;
    for (int i = 0; i < sc->nscenes; i++)
        if (strcmp(sc->scenes[i].id, scene) == 0)
            return &sc->scenes[i];
    return NULL;
}

/* The names of the scenario's dimensions, roles and stats. */
static void copy_names(struct arena *a, const struct scenario *sc, struct rep_scenario *info)
{
    info->ndims = sc->ndimensions;
    for (int d = 0; d < sc->ndimensions; d++) {
        info->dims[d].id = arena_strdup(a, sc->dimensions[d].id);
        info->dims[d].name = arena_strdup(a, sc->dimensions[d].name);
    }
    info->nroles = sc->nroles;
    for (int r = 0; r < sc->nroles; r++) {
        info->roles[r].id = arena_strdup(a, sc->roles[r].id);
        info->roles[r].name = arena_strdup(a, sc->roles[r].name);
    }
    info->nstats = sc->nstats;
    for (int s = 0; s < sc->nstats; s++) {
        info->stats[s].id = arena_strdup(a, sc->stats[s].id);
        info->stats[s].name = arena_strdup(a, sc->stats[s].name);
        info->stats[s].unit = sc->stats[s].unit ? arena_strdup(a, sc->stats[s].unit) : NULL;
        info->stats[s].hidden = sc->stats[s].hidden;
    }
}

/* Option k of scene i (si), with its points per dimension and weighted
 * total per role; it becomes a role's best when it scores more for it than
 * the ones before (a tie keeps the first, marked tied). */
static void load_choice(struct arena *a, const struct scenario *sc, int i, int k,
                        struct rep_scene_info *si, struct rep_scenario *info)
{
    const struct choice *c = &sc->choices[sc->scenes[i].first_choice + (uint32_t)k];
    struct rep_choice_info *ci = &si->choices[k];
    memset(ci, 0, sizeof *ci);
    ci->id = choice_id(a, sc, i, k);
    ci->text = template_text(a, sc, &c->label);
    si->match[k] = template_pattern(a, sc, &c->label);
    ci->feedback = c->has_feedback ? template_text(a, sc, &c->feedback) : NULL;
    ci->role_mask = c->role_mask;
    ci->conditional = c->nrequires > 0 || callback_present(c->when) || c->once;
    ci->score = arena_alloc(a, sizeof *ci->score * (size_t)(sc->ndimensions ? sc->ndimensions : 1));
    ci->weighted = arena_alloc(a, sizeof *ci->weighted * (size_t)(sc->nroles ? sc->nroles : 1));
    for (int d = 0; d < sc->ndimensions; d++) {
        ci->score[d] = c->score[d];
        if (c->score[d] != 0)
            info->dim_scored[d] = true;
    }
    for (int r = 0; r < sc->nroles; r++) {
        double w = 0;
        for (int d = 0; d < sc->ndimensions; d++)
            w += c->score[d] * sc->roles[r].weights[d];
        ci->weighted[r] = w;
        if (!(c->role_mask & (1u << r)))
            continue;
        if (si->best[r] < 0 || w > si->choices[si->best[r]].weighted[r]) {
            si->best[r] = k;
            si->tied[r] = false;
        } else if (w == si->choices[si->best[r]].weighted[r]) {
            si->tied[r] = true;
        }
    }
}

/* Scene i, which offers choices: its titles, question and every option. */
static void load_scene(struct arena *a, const struct scenario *sc, int i,
                       struct rep_scene_info *si, struct rep_scenario *info)
{
    const struct scene *s = &sc->scenes[i];
    si->id = arena_strdup(a, s->id);
    si->title = s->title ? arena_strdup(a, s->title) : NULL;
    si->phase = s->phase ? arena_strdup(a, s->phase) : NULL;
    si->discuss = scene_discuss(a, sc, s);
    si->nchoices = s->nchoices;
    si->choices = arena_alloc(a, sizeof *si->choices * (size_t)s->nchoices);
    si->match = arena_alloc(a, sizeof *si->match * (size_t)s->nchoices);
    si->best = arena_alloc(a, sizeof *si->best * (size_t)(sc->nroles ? sc->nroles : 1));
    si->tied = arena_alloc(a, sizeof *si->tied * (size_t)(sc->nroles ? sc->nroles : 1));
    for (int r = 0; r < sc->nroles; r++) {
        si->best[r] = -1;
        si->tied[r] = false;
    }
    for (int k = 0; k < s->nchoices; k++)
        load_choice(a, sc, i, k, si, info);
}

static struct rep_scenario *load_info(struct arena *a, const struct scenario *sc, const char *path)
{
    struct rep_scenario *info = arena_alloc(a, sizeof *info);
    memset(info, 0, sizeof *info);
    info->id = arena_strdup(a, sc->id);
    info->title = arena_strdup(a, sc->title);
    info->path = arena_strdup(a, path);
    char hash[32];
    str_format(hash, sizeof hash, "%016llx", (unsigned long long)sc->hash);
    info->hash = arena_strdup(a, hash);
    copy_names(a, sc, info);
    /* The scenes that offer choices (not endings). */
    int nscenes = 0;
    for (int i = 0; i < sc->nscenes; i++)
        nscenes += !sc->scenes[i].is_ending && sc->scenes[i].nchoices > 0;
    info->scenes = arena_alloc(a, sizeof *info->scenes * (size_t)(nscenes ? nscenes : 1));
    for (int i = 0; i < sc->nscenes; i++)
        if (!sc->scenes[i].is_ending && sc->scenes[i].nchoices > 0)
            load_scene(a, sc, i, &info->scenes[info->nscenes++], info);
    return info;
}

static bool valid_id(const char *id)
{
    if (!id || !id[0] || strlen(id) > LIMIT_ID_BYTES)
        return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    return true;
}

const struct rep_scenario *rep_scenario_find(struct report *r, const char *id,
                                             const struct rep_sources *src, report_warn_fn warn,
                                             void *ctx)
{
    if (!src)
        return NULL;
    /* The scenarios given, by the id they declare. */
    for (int i = 0; i < src->npaths; i++) {
        struct diag_list diags;
        diag_list_init(&diags);
        struct scenario *sc = scenario_load(src->paths[i], NULL, &diags);
        if (!sc && diags.count > 0)
            rep_warn(warn, ctx, "--scenario %s: %s (not used)", src->paths[i], diags.items[0].message);
        diag_list_free(&diags);
        if (sc && strcmp(sc->id, id) == 0) {
            struct rep_scenario *info = load_info(&r->arena, sc, src->paths[i]);
            scenario_free(sc);
            return info;
        }
        scenario_free(sc);
    }
    if (src->bundled && valid_id(id)) {
        char path[PATH_MAX];
        if (catalog_bundled(id, path, sizeof path)) {
            struct diag_list diags;
            diag_list_init(&diags);
            struct scenario *sc = scenario_load(path, NULL, &diags);
            diag_list_free(&diags);
            if (sc && strcmp(sc->id, id) == 0) {
                struct rep_scenario *info = load_info(&r->arena, sc, path);
                scenario_free(sc);
                return info;
            }
            scenario_free(sc);
        }
    }
    rep_warn(warn, ctx,
        "scenario '%s' was not found (give its folder with --scenario PATH): the report lists "
        "only the options teams took, without their feedback or discuss questions",
        id);
    return NULL;
}
