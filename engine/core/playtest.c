#include "playtest.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"
#include "text.h"

static void free_values(struct playtest_value *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].id);
    free(v);
}

void playtest_set_free(struct playtest_set *set)
{
    for (int i = 0; i < set->count; i++) {
        struct playtest *p = &set->items[i];
        free(p->name);
        free(p->file);
        free(p->role);
        free(p->player);
        for (int k = 0; k < p->nchoices; k++)
            free(p->choices[k].prefix);
        free(p->choices);
        free(p->ending);
        free(p->verdict);
        free_values(p->score, p->nscore);
        free_values(p->stats, p->nstats);
        free_values(p->flags, p->nflags);
    }
    free(set->items);
    set->items = NULL;
    set->count = 0;
}

PRINTF_LIKE(3, 4)
static void mismatch(struct diag_list *out, const struct playtest *pt, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(out, DIAG_ERROR, pt->file, pt->line, 0, "playthrough", fmt, ap);
    va_end(ap);
}

/* Case-insensitive "starts with" on the plain label. */
static bool starts_with(const char *label, const char *prefix)
{
    for (; *prefix; prefix++, label++)
        if (tolower((unsigned char)*label) != tolower((unsigned char)*prefix))
            return false;
    return true;
}

static int find_choice(const struct game *g, const char *prefix, int *matches)
{
    const struct menu *m = game_menu(g);
    int found = 0;
    *matches = 0;
    struct strbuf plain;
    sb_init(&plain);
    for (int i = 0; i < m->nopen; i++) {
        sb_clear(&plain);
        text_plain(game_label(g, m, i), " ", &plain);
        if (starts_with(plain.data ? plain.data : "", prefix)) {
            if (!found)
                found = i + 1;
            (*matches)++;
        }
    }
    sb_free(&plain);
    return found;
}

static void number_text(double v, char *buf, size_t cap)
{
    format_number(buf, cap, v);
}

/* The tester's seat: the role the playthrough names (it must, when the
 * scenario has more than one). False, with the mismatch noted, when it
 * cannot be set up. */
static bool setup_tester(const struct scenario *sc, const struct playtest *pt,
                         struct diag_list *failures, struct game_setup *st)
{
    st->seed = pt->seed;
    st->nplayers = 1;
    st->players[0].name = pt->player ? pt->player : "Tester";
    if (pt->role) {
        st->players[0].role = scenario_role(sc, pt->role);
        if (st->players[0].role < 0) {
            struct strbuf roles;
            sb_init(&roles);
            for (int r = 0; r < sc->nroles; r++)
                sb_printf(&roles, "%s%s", r ? ", " : "", sc->roles[r].id);
            mismatch(failures, pt, "'%s' is not a role of %s (roles: %s)", pt->role, sc->id, roles.data);
            sb_free(&roles);
            return false;
        }
    } else if (sc->nroles > 1) {
        mismatch(failures, pt, "the scenario has %d roles: say which with role = \"%s\"", sc->nroles,
                 sc->roles[0].id);
        return false;
    }
    return true;
}

/* "t", as in --choices: the scene's timer runs out. */
static bool let_timer_run_out(struct game *g, const struct playtest *pt, int i,
                              struct diag_list *failures)
{
    const char *here = game_scene(g)->id;
    struct diag err;
    if (game_scene(g)->timer <= 0 || game_scene(g)->timeout <= 0) {
        mismatch(failures, pt, "decision %d: \"t\" lets the timer run out, but scene "
                               "'%s' has no timer with a timeout choice",
                 i + 1, here);
        return false;
    }
    if (!game_timeout(g, 0, &err)) {
        mismatch(failures, pt, "decision %d in scene '%s': %s", i + 1, here, err.message);
        return false;
    }
    return true;
}

/* The number of the open choice decision i names: its number, its id or the
 * start of its text; 0, with the mismatch noted, when no one choice fits. */
static int named_choice(struct game *g, const struct playtest *pt, int i,
                        struct diag_list *failures)
{
    const struct playtest_choice *c = &pt->choices[i];
    const char *here = game_scene(g)->id;
    int number = c->number;
    if (c->prefix && (number = game_number_of(g, c->prefix)) == 0) {
        /* Not an id of an open choice: the start of its text. */
        int matches;
        number = find_choice(g, c->prefix, &matches);
        if (matches == 0) {
            mismatch(failures, pt,
                     "decision %d: no open choice of scene '%s' has the id \"%s\" or starts "
                     "with it",
                     i + 1, here, c->prefix);
            return 0;
        }
        if (matches > 1) {
            mismatch(failures, pt,
                     "decision %d: %d choices of scene '%s' start with \"%s\"; give more of "
                     "the text",
                     i + 1, matches, here, c->prefix);
            return 0;
        }
    }
    const struct menu *m = game_menu(g);
    if (number < 1 || number > m->nopen) {
        mismatch(failures, pt, "decision %d: choice %d is not offered in scene '%s' (choose 1 "
                               "to %d)",
                 i + 1, number, here, m->nopen);
        return 0;
    }
    return number;
}

/* Takes the playthrough's decision i; false, with the mismatch noted, when
 * it cannot. */
static bool play_decision(struct game *g, const struct playtest *pt, int i,
                          struct diag_list *failures)
{
    const struct playtest_choice *c = &pt->choices[i];
    const char *here = game_scene(g)->id;
    if (g->over) {
        mismatch(failures, pt, "decision %d: the run already ended at '%s'", i + 1, here);
        return false;
    }
    if (c->prefix && strcmp(c->prefix, "t") == 0 && game_number_of(g, "t") == 0)
        return let_timer_run_out(g, pt, i, failures);
    int number = named_choice(g, pt, i, failures);
    if (number == 0)
        return false;
    struct diag err;
    if (!game_choose(g, number, false, 0, &err)) {
        struct strbuf line;
        sb_init(&line);
        diag_format(&err, false, &line);
        mismatch(failures, pt, "decision %d in scene '%s': %s", i + 1, here, line.data);
        sb_free(&line);
        return false;
    }
    return true;
}

/* Notes an expected number (what.id, or what alone) the run did not end with. */
static void expect_number(struct diag_list *failures, const struct playtest *pt, const char *what,
                          const char *id, double want, double got)
{
    if (!(fabs(got - want) > 1e-9))
        return;
    char a[64], b[64];
    number_text(want, a, sizeof a);
    number_text(got, b, sizeof b);
    if (id)
        mismatch(failures, pt, "expected %s.%s = %s, got %s", what, id, a, b);
    else
        mismatch(failures, pt, "expected %s = %s, got %s", what, a, b);
}

/* The ending and verdict the playthrough expects. */
static void check_ending(struct game *g, const struct playtest *pt, struct diag_list *failures)
{
    const struct scene *at = game_scene(g);
    if (pt->ending) {
        if (!g->over)
            mismatch(failures, pt,
                     "expected ending '%s', got no ending (the run is at scene '%s' after %d "
                     "decision%s)",
                     pt->ending, at->id, g->nlog, g->nlog == 1 ? "" : "s");
        else if (strcmp(at->id, pt->ending) != 0)
            mismatch(failures, pt, "expected ending '%s', got '%s'", pt->ending, at->id);
    }
    if (pt->verdict && strcmp(verdict_name(g->over ? at->verdict : VERDICT_NONE), pt->verdict) != 0)
        mismatch(failures, pt, "expected verdict '%s', got '%s'", pt->verdict,
                 verdict_name(g->over ? at->verdict : VERDICT_NONE));
}

/* The score, stats, flags, weighted total and turns the playthrough expects. */
static void check_numbers(const struct scenario *sc, struct game *g, const struct playtest *pt,
                          struct diag_list *failures)
{
    for (int i = 0; i < pt->nscore; i++) {
        int d = scenario_dimension(sc, pt->score[i].id);
        if (d < 0)
            mismatch(failures, pt, "expect.score: '%s' is not a dimension", pt->score[i].id);
        else
            expect_number(failures, pt, "score", pt->score[i].id, pt->score[i].value,
                          g->s.players[0].score[d]);
    }
    for (int i = 0; i < pt->nstats; i++) {
        int s = scenario_stat(sc, pt->stats[i].id);
        if (s < 0)
            mismatch(failures, pt, "expect.stats: '%s' is not a stat", pt->stats[i].id);
        else
            expect_number(failures, pt, "stats", pt->stats[i].id, pt->stats[i].value, g->s.stats[s]);
    }
    for (int i = 0; i < pt->nflags; i++) {
        int f = scenario_flag(sc, pt->flags[i].id);
        bool got = f >= 0 && game_flag(g, f);
        if (got != (pt->flags[i].value != 0))
            mismatch(failures, pt, "expected flags.%s = %s, got %s", pt->flags[i].id,
                     pt->flags[i].value ? "true" : "false", got ? "true" : "false");
    }
    if (pt->has_weighted)
        expect_number(failures, pt, "weighted", NULL, pt->weighted, game_weighted(g, 0));
    if (pt->has_turns && g->s.turn != pt->turns)
        mismatch(failures, pt, "expected turns = %d, got %d", pt->turns, g->s.turn);
}

bool playtest_run(const struct scenario *sc, const struct playtest *pt, struct diag_list *failures)
{
    int before = failures->errors;
    struct game_setup st = {0};
    if (!setup_tester(sc, pt, failures, &st))
        return false;
    struct game *g = game_new(sc);
    struct diag err;
    if (!game_start(g, &st, &err)) {
        mismatch(failures, pt, "the run could not start: %s", err.message);
        game_free(g);
        return false;
    }
    for (int i = 0; i < pt->nchoices; i++)
        if (!play_decision(g, pt, i, failures))
            break;
    if (failures->errors == before) {
        check_ending(g, pt, failures);
        check_numbers(sc, g, pt, failures);
    }
    game_free(g);
    return failures->errors == before;
}

/* A Lua string literal of s: every control byte escaped as \ddd (a CR
 * kept raw in a quoted string is a syntax error in tests.lua). */
static void lua_string(struct strbuf *out, const char *s)
{
    sb_putc(out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            sb_putc(out, '\\');
            sb_putc(out, *s);
        } else if (c == '\n') {
            sb_puts(out, "\\n");
        } else if (c < 0x20 || c == 0x7f) {
            sb_printf(out, "\\%03u", c);
        } else {
            sb_putc(out, *s);
        }
    }
    sb_putc(out, '"');
}

void playtest_format(const struct game *g, const char *name, struct strbuf *out)
{
    const struct scenario *sc = g->sc;
    char num[64];
    sb_puts(out, "playthrough { name = ");
    lua_string(out, name);
    sb_puts(out, ", role = ");
    lua_string(out, sc->roles[g->s.players[0].role].id);
    sb_printf(out, ", seed = %llu, choices = {", (unsigned long long)g->seed);
    /* By id: the test still names the same choices when they are shown in
     * another order. */
    for (int i = 0; i < g->nlog; i++) {
        sb_puts(out, i ? ", " : " ");
        lua_string(out, sc->choices[g->log[i].choice].id);
    }
    sb_puts(out, g->nlog ? " }" : "}");
    sb_puts(out, ", expect = { ");
    if (g->over)
        sb_printf(out, "ending = \"%s\", ", sc->scenes[g->s.scene].id);
    sb_puts(out, "score = {");
    for (int d = 0; d < sc->ndimensions; d++) {
        format_number(num, sizeof num, g->s.players[0].score[d]);
        sb_printf(out, "%s%s = %s", d ? ", " : " ", sc->dimensions[d].id, num);
    }
    sb_puts(out, " }, stats = {");
    for (int s = 0; s < sc->nstats; s++) {
        format_number(num, sizeof num, g->s.stats[s]);
        sb_printf(out, "%s%s = %s", s ? ", " : " ", sc->stats[s].id, num);
    }
    sb_puts(out, sc->nstats ? " } } }\n" : "} } }\n");
}

void playtest_path(const struct scenario *sc, char *buf, size_t cap)
{
    const char *entry = sc->nfiles > 0 ? sc->files[0].name : "main.lua";
    char dir[PATH_MAX];
    if (strcmp(sc->folder, ".") == 0)
        dir[0] = '\0';
    else
        str_format(dir, sizeof dir, "%s/", sc->folder);
    if (strcmp(entry, "main.lua") == 0)
        str_format(buf, cap, "%stests.lua", dir);
    else
        str_format(buf, cap, "%s%.*s.tests.lua", dir, (int)(strlen(entry) - 4), entry);
}

bool playtest_append(const char *path, const char *line, int *at, struct diag *err)
{
    /* Only a missing file is a new one: a file that cannot be read or
     * written is refused, never replaced by the one line kept. */
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (!exists && errno != ENOENT) {
        diag_set(err, path, 0, "file", "cannot read: %s", strerror(errno));
        return false;
    }
    if (exists && access(path, R_OK | W_OK) != 0) {
        diag_set(err, path, 0, "file", "cannot add to it: %s", strerror(errno));
        return false;
    }
    struct strbuf all;
    sb_init(&all);
    if (exists) {
        size_t len = 0;
        char *old = file_read_all(path, LIMIT_FILE_BYTES, &len, err);
        if (!old) {
            sb_free(&all);
            return false;
        }
        sb_append(&all, old, len);
        if (len && old[len - 1] != '\n')
            sb_putc(&all, '\n');
        free(old);
    } else {
        sb_puts(&all, "-- Playthrough tests: scaleup test runs them (see docs/authoring.md).\n");
    }
    int lines = 1;
    for (size_t i = 0; i < all.len; i++)
        lines += all.data[i] == '\n';
    if (at)
        *at = lines;
    sb_puts(&all, line);
    bool ok = file_write_atomic(path, all.data, all.len, err);
    sb_free(&all);
    return ok;
}
