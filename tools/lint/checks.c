/*
 * checks.c: lint's checks, one function each (see lint.h for the list).
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/graph.h"
#include "common/source.h"
#include "core/text.h"
#include "core/utf8.h"
#include "lint.h"

struct lint {
    const struct scenario *sc;
    struct diag_list *out;
    struct source_cache src;
    struct scene_graph graph;
};

PRINTF_LIKE(4, 5)
static void warn(struct lint *l, struct srcpos pos, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(l->out, DIAG_WARNING, scenario_file(l->sc, pos), (int)pos.line, (int)pos.col, code,
              fmt, ap);
    va_end(ap);
}

static const char *kind_of(const struct scene *s)
{
    return s->is_ending ? "ending" : "scene";
}

static void check_reachability(struct lint *l)
{
    const struct scenario *sc = l->sc;
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        if (sn->is_ending) {
            if (l->graph.incoming[s] == 0)
                warn(l, sn->pos, "unused-ending",
                     "ending '%s' is never reached: no choice leads to it", sn->id);
            continue;
        }
        if (!l->graph.reachable[s])
            warn(l, sn->pos, "unreachable",
                 "scene '%s' cannot be reached from start '%s' (if a next function leads there, "
                 "name '%s' in its code)",
                 sn->id, sc->scenes[sc->start].id, sn->id);
    }
}

static bool conditional(const struct choice *ch)
{
    return ch->nrequires > 0 || callback_present(ch->when) || ch->once;
}

static void check_ways_out(struct lint *l)
{
    const struct scenario *sc = l->sc;
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        if (sn->is_ending || !l->graph.reachable[s])
            continue;
        for (int r = 0; r < sc->nroles; r++) {
            /* In a duet, a scene decided by one role is never the other's to
             * choose in; but a duet scenario is also played solo, and there
             * every role decides every scene. */
            bool solo_only = sc->duet && sn->by >= 0 && sn->by != r;
            int offered = 0, unconditional = 0;
            for (int i = 0; i < sn->nchoices; i++) {
                const struct choice *ch = &sc->choices[sn->first_choice + (uint32_t)i];
                if (!(ch->role_mask & (1u << r)))
                    continue;
                offered++;
                unconditional += !conditional(ch);
            }
            if (offered == 0 && solo_only)
                warn(l, sn->pos, "no-way-out",
                     "scene '%s' offers no choice at all to the %s: in a duet the %s decides it, "
                     "but played solo it is a dead end for the %s; give it a choice for every role",
                     sn->id, sc->roles[r].name, sc->roles[sn->by].name, sc->roles[r].name);
            else if (offered == 0)
                warn(l, sn->pos, "no-way-out",
                     "scene '%s' offers no choice at all to the %s: it is a dead end for that role",
                     sn->id, sc->roles[r].name);
            else if (unconditional == 0)
                warn(l, sn->pos, "no-way-out",
                     "every choice of scene '%s' is conditional for the %s (requires, when or "
                     "once): it dead-ends when none holds; add a choice that is always offered",
                     sn->id, sc->roles[r].name);
        }
    }
}

/* Flag use, from the lists and from code. */
struct flag_use {
    bool set, required, shown, read_in_code, set_in_code;
    struct srcpos first_required, first_set;
};

struct access_ctx {
    const struct scenario *sc;
    struct flag_use *flags;
    bool *stat_assigned;
    bool stats;
    /* game.flags or game.stats read (written) through a computed key or
     * passed on: which flags (stats) it touches cannot be known from the
     * source. */
    bool flags_read_opaque, flags_written_opaque, stats_written_opaque;
};

static void on_access(void *ctx, const char *name, size_t len, bool assigned, int line, int col)
{
    (void)line, (void)col;
    struct access_ctx *a = ctx;
    char id[LIMIT_ID_BYTES + 1];
    if (!name) {
        if (a->stats)
            a->stats_written_opaque |= assigned;
        else if (assigned)
            a->flags_written_opaque = a->flags_read_opaque = true; /* any other use: both */
        else
            a->flags_read_opaque = true;
        return;
    }
    if (len == 0 || len > LIMIT_ID_BYTES)
        return;
    memcpy(id, name, len);
    id[len] = '\0';
    if (a->stats) {
        int s = scenario_stat(a->sc, id);
        if (s >= 0 && assigned)
            a->stat_assigned[s] = true;
        return;
    }
    int f = scenario_flag(a->sc, id);
    if (f < 0)
        return;
    if (assigned)
        a->flags[f].set_in_code = true;
    else
        a->flags[f].read_in_code = true;
}

static void note_text_flags(const struct text_template *t, struct flag_use *flags)
{
    for (uint32_t i = 0; i < t->npieces; i++)
        if (t->pieces[i].kind == PIECE_FLAG)
            flags[t->pieces[i].len].shown = true;
        else if (text_condition_flag(&t->pieces[i]) >= 0) /* {if flag} reads it */
            flags[text_condition_flag(&t->pieces[i])].shown = true;
}

static void check_flags_and_stats(struct lint *l)
{
    const struct scenario *sc = l->sc;
    struct flag_use *flags = xcalloc((size_t)sc->nflags + 1, sizeof *flags);
    bool stat_changed[LIMIT_STATS] = {false};
    for (uint32_t c = 0; c < sc->nchoices; c++) {
        const struct choice *ch = &sc->choices[c];
        for (int k = 0; k < ch->nset; k++) {
            if (!flags[ch->set[k]].set)
                flags[ch->set[k]].first_set = ch->pos;
            flags[ch->set[k]].set = true;
        }
        for (int k = 0; k < ch->nrequires; k++) {
            if (!flags[ch->requires[k]].required)
                flags[ch->requires[k]].first_required = ch->pos;
            flags[ch->requires[k]].required = true;
        }
        for (int k = 0; k < ch->neffects; k++)
            if (ch->effects[k].delta != 0)
                stat_changed[ch->effects[k].stat] = true;
        note_text_flags(&ch->label, flags);
        note_text_flags(&ch->feedback, flags);
    }
    for (int s = 0; s < sc->nscenes; s++)
        note_text_flags(&sc->scenes[s].text, flags);
    /* Two contexts sharing what they find: a.stats tells on_access which
     * word it was called for. */
    struct access_ctx a = {sc, flags, stat_changed, false, false, false, false};
    struct access_ctx as = a;
    as.stats = true;
    for (int f = 0; f < sc->nfiles; f++) {
        const char *text = source_text(&l->src, sc, f);
        struct source_word words[] = {{"flags", on_access, &a}, {"stats", on_access, &as}};
        source_accesses_each(text, words, (int)COUNT_OF(words));
    }
    a.stats_written_opaque |= as.stats_written_opaque;
    for (int f = 0; f < sc->nstatic_flags; f++) {
        const struct flag_use *u = &flags[f];
        bool set = u->set || u->set_in_code || a.flags_written_opaque;
        bool used = u->required || u->shown || u->read_in_code || a.flags_read_opaque;
        if (u->required && !set)
            warn(l, u->first_required, "flag-never-set",
                 "flag '%s' is required but never set: no choice sets it and no code assigns it, "
                 "so the choices that require it are never offered",
                 sc->flags[f]);
        else if (u->set && !used)
            warn(l, u->first_set, "flag-never-used",
                 "flag '%s' is set but never used: nothing requires it, shows it or reads it",
                 sc->flags[f]);
    }
    for (int s = 0; s < sc->nstats && !a.stats_written_opaque; s++)
        if (!stat_changed[s])
            warn(l, sc->stats[s].pos, "stat-never-changes",
                 "stat '%s' never changes: no effect changes it and no code assigns it",
                 sc->stats[s].id);
    free(flags);
}

static void check_dimensions(struct lint *l)
{
    const struct scenario *sc = l->sc;
    for (int d = 0; d < sc->ndimensions; d++) {
        uint32_t roles = 0;
        int scored = 0;
        for (uint32_t c = 0; c < sc->nchoices; c++) {
            const struct choice *ch = &sc->choices[c];
            if (ch->score[d] == 0 || !l->graph.reachable[ch->scene])
                continue;
            scored++;
            roles |= ch->role_mask;
        }
        uint32_t all = sc->nroles >= 32 ? ~0u : (1u << sc->nroles) - 1;
        roles &= all;
        if (scored == 0) {
            warn(l, sc->dimensions[d].pos, "dimension-unscored",
                 "dimension '%s' is never scored by a choice that can be reached",
                 sc->dimensions[d].id);
        } else if (sc->nroles > 1 && (roles & (roles - 1)) == 0) {
            int r = 0;
            while (!(roles & (1u << r)))
                r++;
            warn(l, sc->dimensions[d].pos, "dimension-one-role",
                 "dimension '%s' is scored only for the %s: the other roles always get 0 in it",
                 sc->dimensions[d].id, sc->roles[r].name);
        }
    }
}

static bool same_label(const struct text_template *a, const struct text_template *b)
{
    if (callback_present(a->fn) || callback_present(b->fn) || a->npieces != b->npieces)
        return false;
    for (uint32_t i = 0; i < a->npieces; i++) {
        const struct piece *p = &a->pieces[i], *q = &b->pieces[i];
        if (p->kind != q->kind)
            return false;
        if (p->kind == PIECE_LITERAL) {
            if (p->len != q->len || memcmp(a->chars + p->start, b->chars + q->start, p->len) != 0)
                return false;
        } else if (p->len != q->len) {
            return false;
        }
    }
    return true;
}

static void check_choices(struct lint *l)
{
    const struct scenario *sc = l->sc;
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        for (int i = 0; i < sn->nchoices; i++) {
            const struct choice *ch = &sc->choices[sn->first_choice + (uint32_t)i];
            if (!ch->has_feedback)
                warn(l, ch->pos, "no-feedback",
                     "choice %d of scene '%s' has no feedback: say in 1-3 sentences why it is "
                     "good or poor practice",
                     i + 1, sn->id);
            if (ch->locked && !conditional(ch))
                warn(l, ch->pos, "locked-never-shown",
                     "choice %d of scene '%s' has a locked reason but no condition (requires, when "
                     "or once): it is always offered, so the reason never shows",
                     i + 1, sn->id);
            for (int j = 0; j < i; j++) {
                const struct choice *other = &sc->choices[sn->first_choice + (uint32_t)j];
                if ((other->role_mask & ch->role_mask) && same_label(&ch->label, &other->label)) {
                    warn(l, ch->pos, "duplicate-choice",
                         "choices %d and %d of scene '%s' have the same text", j + 1, i + 1, sn->id);
                    break;
                }
            }
        }
    }
}

/* Lines a text takes when wrapped at LINT_WINDOW_COLUMNS. */
static int wrapped_lines(const struct text_template *t)
{
    int lines = 0, col = 0;
    for (uint32_t i = 0; i < t->npieces; i++) {
        const struct piece *p = &t->pieces[i];
        if (p->kind == PIECE_PARAGRAPH) {
            lines += 2; /* the line it ends and a blank one */
            col = 0;
            continue;
        }
        /* Both branches of a condition are counted: the longer shows sometimes. */
        int width = p->kind == PIECE_LITERAL ? (int)utf8_length(t->chars + p->start, p->len)
                    : p->kind == PIECE_EMPHASIS || p->kind == PIECE_IF || p->kind == PIECE_ELSE ||
                            p->kind == PIECE_END
                        ? 0
                        : 4;
        col += width;
        while (col > LINT_WINDOW_COLUMNS) {
            lines++;
            col -= LINT_WINDOW_COLUMNS;
        }
    }
    return lines + (col > 0 ? 1 : 0);
}

static void check_text_fits(struct lint *l)
{
    const struct scenario *sc = l->sc;
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        if (callback_present(sn->text.fn))
            continue;
        int lines = wrapped_lines(&sn->text);
        int choice_lines = 0;
        for (int i = 0; i < sn->nchoices; i++)
            choice_lines += wrapped_lines(&sc->choices[sn->first_choice + (uint32_t)i].label);
        /* Choices have their own area; the text must fit above them. */
        if (lines > LINT_WINDOW_LINES)
            warn(l, sn->text.pos, "text-overflow",
                 "the text of %s '%s' takes about %d lines; the window shows about %d at "
                 "1280x720 before the player must scroll (split it, or cut it)",
                 kind_of(sn), sn->id, lines, LINT_WINDOW_LINES);
        else if (lines + choice_lines > LINT_WINDOW_LINES + 6)
            warn(l, sn->text.pos, "text-overflow",
                 "%s '%s' with its choices takes about %d lines; the window shows about %d at "
                 "1280x720 before the player must scroll",
                 kind_of(sn), sn->id, lines + choice_lines, LINT_WINDOW_LINES + 6);
    }
}

static void check_timers_and_duets(struct lint *l)
{
    const struct scenario *sc = l->sc;
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        if (sn->timer && !sn->timeout)
            warn(l, sn->pos, "timer-no-timeout",
                 "scene '%s' has a timer but no timeout: say which choice is taken when time "
                 "runs out (timeout = N)",
                 sn->id);
        if (sn->timeout) {
            const struct choice *ch = &sc->choices[sn->first_choice + (uint32_t)(sn->timeout - 1)];
            if (conditional(ch) || ch->role_mask != ~0u)
                warn(l, sn->pos, "timeout-conditional",
                     "the timeout choice %d of scene '%s' is not always offered: when it is not, "
                     "time running out is an error",
                     sn->timeout, sn->id);
        }
        if (!sc->duet && (sn->by != BY_ANYONE || sn->conflict >= 0))
            warn(l, sn->pos, "by-solo",
                 "scene '%s' says who decides (by or conflict), but the scenario is not a duet "
                 "(duet = true)",
                 sn->id);
        if (sc->duet && !sn->is_ending && (sn->by == BY_BOTH || sn->by == BY_ANYONE) &&
            sn->conflict < 0 && !callback_present(sc->settle))
            warn(l, sn->pos, "both-no-settle",
                 "in a duet both players decide scene '%s' but it has no conflict scene and the "
                 "scenario no settle function: a disagreement is settled by a coin toss",
                 sn->id);
    }
}

/* ------------------------------------------------------------ names in code */

/* game.stats.X, game.score.X and game.visits.X in a function name a stat, a
 * dimension and a scene: a name that is none of them is an error the first
 * time that code runs, which may be deep into a workshop. */
struct code_names {
    struct lint *l;
    uint16_t file;
    const char *field; /* "stats", "score" or "visits" */
    const char *what;  /* "stat", "dimension" or "scene" */
    int (*lookup)(const struct scenario *sc, const char *id);
    const void *names; /* for nearest_name */
    size_t stride;
    int count;
};

static void on_code_name(void *ctx, const char *name, size_t len, bool assigned, int line, int col)
{
    (void)assigned;
    struct code_names *c = ctx;
    if (!name || len == 0 || len > LIMIT_ID_BYTES)
        return; /* a computed key: cannot be known */
    char id[LIMIT_ID_BYTES + 1];
    memcpy(id, name, len);
    id[len] = '\0';
    if (c->lookup(c->l->sc, id) >= 0)
        return;
    const char *near = nearest_name(id, c->names, c->stride, c->count);
    char hint[LIMIT_ID_BYTES + 32] = "";
    if (near)
        str_format(hint, sizeof hint, " (did you mean '%s'?)", near);
    struct srcpos pos = {c->file, (uint32_t)line, (uint32_t)col};
    warn(c->l, pos, "unknown-name-in-code",
         "game.%s.%s names no %s%s: the code fails when it runs", c->field, id, c->what, hint);
}

static void check_names_in_code(struct lint *l)
{
    const struct scenario *sc = l->sc;
    struct code_names kinds[] = {
        {l, 0, "stats", "stat", scenario_stat, &sc->stats[0].id, sizeof(struct stat_def), sc->nstats},
        {l, 0, "score", "dimension", scenario_dimension, &sc->dimensions[0].id, sizeof(struct dimension),
         sc->ndimensions},
        {l, 0, "visits", "scene", scenario_scene, sc->nscenes ? &sc->scenes[0].id : NULL, sizeof(struct scene),
         sc->nscenes},
    };
    for (int f = 0; f < sc->nfiles; f++) {
        const char *text = source_text(&l->src, sc, f);
        if (!text)
            continue;
        struct source_word words[COUNT_OF(kinds)];
        for (size_t i = 0; i < COUNT_OF(kinds); i++) {
            kinds[i].file = (uint16_t)f;
            words[i] = (struct source_word){kinds[i].field, on_code_name, &kinds[i]};
        }
        source_accesses_each(text, words, (int)COUNT_OF(words));
    }
}

/* The {name}s of a string: calls fn for each {word} that is a plain
 * reference (not {{, not {if ...}, {else}, {end} or a {cond ? a : b}). */
static void each_reference(const char *s, size_t len, void (*fn)(void *ctx, const char *name, size_t n,
                                                                 size_t at),
                           void *ctx)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '{')
            continue;
        if (i + 1 < len && s[i + 1] == '{') {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < len && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                           (s[j] >= '0' && s[j] <= '9') || s[j] == '_' || s[j] == '-'))
            j++;
        if (j < len && s[j] == '}' && j > i + 1 &&
            !(j - i - 1 == 4 && memcmp(s + i + 1, "else", 4) == 0) &&
            !(j - i - 1 == 3 && memcmp(s + i + 1, "end", 3) == 0))
            fn(ctx, s + i + 1, j - i - 1, i);
    }
}

struct literal_names {
    struct lint *l;
    uint16_t file;
    int line, col;
};

static void on_reference_in_code(void *ctx, const char *name, size_t n, size_t at)
{
    (void)at;
    struct literal_names *c = ctx;
    struct piece ref;
    if (scenario_resolve_name((void *)c->l->sc, name, n, &ref))
        return;
    char id[LIMIT_ID_BYTES + 1], hint[LIMIT_ID_BYTES + 32] = "";
    str_format(id, sizeof id, "%.*s", (int)(n > LIMIT_ID_BYTES ? LIMIT_ID_BYTES : n), name);
    const struct scenario *sc = c->l->sc;
    const char *near = nearest_name(id, &sc->stats[0].id, sizeof(struct stat_def), sc->nstats);
    if (!near)
        near = nearest_name(id, &sc->dimensions[0].id, sizeof(struct dimension), sc->ndimensions);
    if (!near && sc->nflags)
        near = nearest_name(id, &sc->flags[0], sizeof(const char *), sc->nflags);
    if (near)
        str_format(hint, sizeof hint, " (did you mean {%s}?)", near);
    struct srcpos pos = {c->file, (uint32_t)c->line, (uint32_t)c->col};
    warn(c->l, pos, "unknown-name-in-text",
         "{%s} in a string of a text function names no stat, dimension, flag, player or role%s: "
         "the text fails when it is shown", id, hint);
}

static void on_text_function_literal(void *ctx, const char *s, size_t len, int line, int col)
{
    struct literal_names *c = ctx;
    c->line = line;
    c->col = col;
    each_reference(s, len, on_reference_in_code, c);
}

static void check_text_function(struct lint *l, const struct text_template *t)
{
    if (!callback_present(t->fn))
        return;
    struct literal_names c = {l, t->fn.pos.file, 0, 0};
    source_file_literals(&l->src, l->sc, t->fn.pos.file, (int)t->fn.pos.line, (int)t->fn.last_line,
                         on_text_function_literal, &c);
}

/* A text written as a function is made when it is shown: a {name} in its
 * strings is checked only then, so lint checks the literal strings. */
static void check_text_functions(struct lint *l)
{
    const struct scenario *sc = l->sc;
    for (int s = 0; s < sc->nscenes; s++)
        check_text_function(l, &sc->scenes[s].text);
    for (uint32_t c = 0; c < sc->nchoices; c++) {
        check_text_function(l, &sc->choices[c].label);
        check_text_function(l, &sc->choices[c].feedback);
    }
}

struct unfilled {
    struct lint *l;
    struct srcpos pos;
    const char *what;
    bool warned;
};

static void on_unfilled(void *ctx, const char *name, size_t n, size_t at)
{
    (void)at;
    struct unfilled *u = ctx;
    struct piece ref;
    if (u->warned || !scenario_resolve_name((void *)u->l->sc, name, n, &ref))
        return;
    u->warned = true;
    warn(u->l, u->pos, "name-not-filled",
         "%s shows {%.*s} as written: names are filled in texts, choice labels, feedback and "
         "discuss questions, not in titles, phases or locked reasons", u->what, (int)n, name);
}

static void check_unfilled(struct lint *l, const char *s, struct srcpos pos, const char *what)
{
    if (!s)
        return;
    struct unfilled u = {l, pos, what, false};
    each_reference(s, strlen(s), on_unfilled, &u);
}

/* Whether s may hold a {name}: only then is its description made (for
 * every scene and choice of a large scenario, that was most of this
 * check's time). */
static bool has_brace(const char *s)
{
    return s && strchr(s, '{');
}

/* {name} is filled in texts, labels and feedback; a title or a locked
 * reason is shown as written, so a {name} there is a slip. */
static void check_unfilled_names(struct lint *l)
{
    const struct scenario *sc = l->sc;
    char what[160];
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        if (has_brace(sn->title)) {
            str_format(what, sizeof what, "the title of %s '%s'", kind_of(sn), sn->id);
            check_unfilled(l, sn->title, sn->pos, what);
        }
        if (has_brace(sn->phase)) {
            str_format(what, sizeof what, "the phase of %s '%s'", kind_of(sn), sn->id);
            check_unfilled(l, sn->phase, sn->pos, what);
        }
    }
    for (uint32_t c = 0; c < sc->nchoices; c++) {
        const struct choice *ch = &sc->choices[c];
        if (!has_brace(ch->locked))
            continue;
        str_format(what, sizeof what, "the locked reason of choice %d of scene '%s'",
                   (int)(c - sc->scenes[ch->scene].first_choice) + 1, sc->scenes[ch->scene].id);
        check_unfilled(l, ch->locked, ch->pos, what);
    }
}

/* How deep under a scenario's folder unused files are looked for. */
#define UNUSED_FILE_DEPTH 3

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool file_is_included(const struct scenario *sc, const char *name)
{
    for (int f = 0; f < sc->nfiles; f++)
        if (strcmp(sc->files[f].name, name) == 0)
            return true;
    return false;
}

static void find_unused_files(struct lint *l, const char *folder, const char *rel, int depth)
{
    struct strbuf path;
    sb_init(&path);
    sb_printf(&path, "%s%s%s", folder, *rel ? "/" : "", rel);
    DIR *d = opendir(path.data);
    sb_free(&path);
    if (!d)
        return;
    /* Sorted, so that the warnings read the same on every file system. */
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 4096) {
        if (e->d_name[0] == '.')
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    sort_items(names, n, sizeof *names, compare_strings);
    for (size_t i = 0; i < n; i++) {
        struct strbuf name, full;
        sb_init(&name);
        sb_init(&full);
        sb_printf(&name, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        sb_printf(&full, "%s/%s", folder, name.data);
        struct stat st;
        size_t len = strlen(names[i]);
        if (lstat(full.data, &st) == 0 && S_ISDIR(st.st_mode) && depth < UNUSED_FILE_DEPTH) {
            find_unused_files(l, folder, name.data, depth + 1);
        } else if (S_ISREG(st.st_mode) && len > 4 && strcmp(names[i] + len - 4, ".lua") == 0 &&
                   strcmp(name.data, "tests.lua") != 0 && !file_is_included(l->sc, name.data)) {
            struct strbuf display;
            sb_init(&display);
            sb_printf(&display, "%s/%s", l->sc->folder, name.data);
            diag_add(l->out, DIAG_WARNING, display.data, 0, 0, "unused-file",
                     "%s is in the scenario's folder but nothing includes it: add include \"%s\" "
                     "to main.lua, or move it out of the folder", name.data, name.data);
            sb_free(&display);
        }
        sb_free(&name);
        sb_free(&full);
        free(names[i]);
    }
    free(names);
}

/* A .lua file in the scenario's folder that no include names is most
 * likely a scene file the author forgot to include. Only a scenario that
 * is a folder (its entry main.lua) is checked: a lone .lua file shares its
 * folder with others. */
static void check_unused_files(struct lint *l)
{
    const struct scenario *sc = l->sc;
    if (sc->nfiles == 0 || strcmp(sc->files[0].name, "main.lua") != 0)
        return;
    find_unused_files(l, sc->folder, "", 0);
}

void lint_checks(const struct scenario *sc, struct diag_list *out)
{
    struct lint l;
    memset(&l, 0, sizeof l);
    l.sc = sc;
    l.out = out;
    graph_build(sc, &l.src, &l.graph);
    check_reachability(&l);
    check_ways_out(&l);
    check_flags_and_stats(&l);
    check_dimensions(&l);
    check_choices(&l);
    check_text_fits(&l);
    check_timers_and_duets(&l);
    check_names_in_code(&l);
    check_unused_files(&l);
    check_text_functions(&l);
    check_unfilled_names(&l);
    graph_free(&l.graph);
    source_cache_free(&l.src);
}
