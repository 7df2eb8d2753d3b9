/*
 * report.c: scaleup report DIR...: the facilitator's debrief from a
 * workshop's result files. Reads them (results.c), prints the ranking as a
 * table, and writes what was asked for: CSV of the runs and of the
 * decisions (csv.c), a page for the projector (html.c), xAPI statements for
 * a learning record store (xapi.c). It never writes to a file it read.
 */
#include "report.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "core/diag.h"
#include "core/run.h"
#include "core/utf8.h"
#include "output.h"

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: scaleup report DIR... [OPTIONS]\n"
            "\n"
            "Reads every result file (*.json) in the folders DIR (or the files given) and\n"
            "prints the ranking: per run, the player, role, ending, verdict, points per\n"
            "dimension, weighted total, percent, rating, minutes and whether it finished,\n"
            "best first.\n"
            "Files that are not valid results are skipped with a warning; no file is\n"
            "changed.\n"
            "\n"
            "  --scenario PATH        the scenario's folder (or .lua file), to read every\n"
            "                         option's text, feedback and points and the discuss\n"
            "                         questions from; may be given more than once. Bundled\n"
            "                         scenarios are found by the id in the result files\n"
            "  --csv FILE             the same rows as CSV, with each team's final stats\n"
            "  --decisions-csv FILE   one CSV row per decision\n"
            "  --html FILE            one page for the debrief on a projector (and for\n"
            "                         print): the discussion plan, the ranking with each\n"
            "                         team's outcome, patterns per team, points by role,\n"
            "                         every decision point with all its options, best\n"
            "                         choices missed, endings, time taken\n"
            "  --json[=FILE]          the whole analysis as JSON: on standard output\n"
            "                         (instead of the table), or into FILE\n"
            "  --xapi FILE            the runs as xAPI 1.0.3 statements (a JSON array)\n"
            "  --xapi-homepage URL    the workshop's home page, which names the players\n"
            "                         (accounts on it) and the activities (needed with\n"
            "                         --xapi)\n"
            "  --xapi-mbox            name the players by mbox (mailto:NAME@HOST of the home\n"
            "                         page) instead of by account\n"
            "  --xapi-pass LIST       ratings that count as success, separated by commas\n"
            "                         (default: all but the scenario's lowest)\n"
            "  --quiet                no table on standard output\n"
            "\n"
            "Exit codes: 0 done, 1 no valid result found or an output could not be written,\n"
            "2 usage error.\n");
}

static void print_warning(void *ctx, const char *message)
{
    (void)ctx;
    struct strbuf line;
    sb_init(&line);
    sb_printf(&line, "scaleup: warning: %s", message);
    cli_print_line(stderr, line.data);
    sb_free(&line);
}

/* ------------------------------------------------------------ the table */

static int text_width(const char *s)
{
    int w = 0;
    while (*s) {
        uint32_t cp;
        s += utf8_decode(s, &cp);
        w += utf8_width(cp);
    }
    return w;
}

/* A cell for the terminal: control characters folded into spaces. */
static char *cell(const char *s)
{
    char *c = xstrdup(s ? s : "-");
    diag_fold_line(c);
    return c;
}

/* "Title (id version): 3 runs, 2 finished", above a scenario's table. */
static void group_heading(const struct rep_group *g, struct strbuf *out)
{
    char *title = cell(g->title ? g->title : g->scenario_id);
    char *id = cell(g->scenario_id);
    char *version = cell(g->version ? g->version : "?");
    sb_printf(out, "%s (%s %s%s): %d run%s, %d finished\n\n", title, id, version,
              g->versions_differ ? " and others" : "", g->nruns, g->nruns == 1 ? "" : "s",
              g->nfinished);
    free(title);
    free(id);
    free(version);
}

/* The cells of a table, line by line, and which columns align right. */
struct table {
    int ncols, nlines;
    char **cells; /* nlines x ncols, each its own string */
    bool *right;
    int c; /* the next cell to fill */
};

static void put_cell(struct table *t, const char *s)
{
    t->cells[t->c++] = cell(s);
}

/* A number, or "-" when the score does not hold it. */
static void put_points(struct table *t, const struct rep_score *s, const char *id)
{
    char num[64];
    bool has;
    double v = rep_points(s, id, &has);
    format_number(num, sizeof num, v);
    put_cell(t, has ? num : "-");
}

static void header_cells(const struct rep_group *g, struct table *t)
{
    put_cell(t, "#");
    put_cell(t, "Player");
    put_cell(t, "Role");
    put_cell(t, "Ending");
    put_cell(t, "Verdict");
    for (int k = 0; k < g->nstats; k++) {
        char label[128];
        const char *name = rep_stat_name(g, g->stats[k], NULL);
        if (name)
            str_copy(label, sizeof label, name);
        else
            rep_dim_label(g->stats[k], label, sizeof label);
        put_cell(t, label);
    }
    for (int d = 0; d < g->ndims; d++) {
        if (!g->dim_shown[d])
            continue;
        char label[128];
        rep_dim_name(g, g->dims[d], label, sizeof label);
        put_cell(t, label);
    }
    put_cell(t, "Weighted");
    put_cell(t, "Percent");
    put_cell(t, "Rating");
    put_cell(t, "Minutes");
    put_cell(t, "Finished");
    /* Numbers align right: the rank, the stats, the dimensions, weighted,
     * percent and minutes. */
    t->right[0] = true;
    for (int d = 0; d < g->nstats + g->ndims_shown + 2; d++)
        t->right[5 + d] = true;
    t->right[t->ncols - 2] = true;
}

static void row_cells(const struct rep_group *g, const struct rep_row *row, struct table *t)
{
    const struct rep_run *run = row->run;
    const struct rep_player *p = rep_row_player(row);
    char num[64];
    str_format(num, sizeof num, "%d", row->rank);
    put_cell(t, num);
    put_cell(t, p->name);
    put_cell(t, p->role);
    put_cell(t, run->ending_title ? run->ending_title : run->ending_id);
    put_cell(t, run->verdict);
    for (int k = 0; k < g->nstats; k++)
        put_points(t, &run->stats, g->stats[k]);
    for (int d = 0; d < g->ndims; d++)
        if (g->dim_shown[d])
            put_points(t, &p->score, g->dims[d]);
    format_number(num, sizeof num, p->weighted);
    put_cell(t, num);
    str_format(num, sizeof num, "%.1f", p->percent);
    put_cell(t, num);
    put_cell(t, p->rating);
    rep_minutes_text(run->minutes, num, sizeof num);
    put_cell(t, num);
    put_cell(t, run->finished ? "yes" : "no");
}

/* The cells in columns as wide as their widest cell (in terminal columns,
 * not bytes), two spaces apart, no space at a line's end. */
static void print_table(const struct table *t, struct strbuf *out)
{
    int *width = xcalloc((size_t)t->ncols, sizeof *width);
    for (int l = 0; l < t->nlines; l++)
        for (int k = 0; k < t->ncols; k++) {
            int w = text_width(t->cells[l * t->ncols + k]);
            if (w > width[k])
                width[k] = w;
        }
    for (int l = 0; l < t->nlines; l++) {
        struct strbuf line;
        sb_init(&line);
        for (int k = 0; k < t->ncols; k++) {
            const char *s = t->cells[l * t->ncols + k];
            int pad = width[k] - text_width(s);
            if (k)
                sb_puts(&line, "  ");
            if (t->right[k])
                sb_printf(&line, "%*s", pad, "");
            sb_puts(&line, s);
            if (!t->right[k])
                sb_printf(&line, "%*s", pad, "");
        }
        while (line.len && line.data[line.len - 1] == ' ')
            line.data[--line.len] = '\0';
        sb_puts(out, line.data);
        sb_putc(out, '\n');
        sb_free(&line);
    }
    free(width);
}

/* The ranking of one scenario: a heading line, then a line per row. */
static void ranking_table(const struct rep_group *g, struct strbuf *out)
{
    struct table t = {.ncols = 10 + g->nstats + g->ndims_shown, .nlines = g->nrows + 1};
    t.cells = xcalloc((size_t)(t.ncols * t.nlines), sizeof *t.cells);
    t.right = xcalloc((size_t)t.ncols, sizeof *t.right);
    header_cells(g, &t);
    for (int i = 0; i < g->nrows; i++)
        row_cells(g, &g->rows[i], &t);
    print_table(&t, out);
    for (int k = 0; k < t.ncols * t.nlines; k++)
        free(t.cells[k]);
    free(t.cells);
    free(t.right);
}

/* Duets: the pairs, and how often their secret picks agreed. */
static void duet_pairs(const struct report *r, int gi, struct strbuf *out)
{
    sb_puts(out, "\nDuet pairs (secret picks agreed):\n");
    int at = 0;
    for (const struct rep_run *run; (run = rep_next_duet(r, gi, &at)) != NULL;) {
        int agreed, secret;
        rep_run_alignment(run, &agreed, &secret);
        char *a = cell(run->players[0].name), *ar = cell(run->players[0].role);
        char *b = cell(run->players[1].name), *br = cell(run->players[1].role);
        sb_printf(out, "  %s (%s) & %s (%s): %d of %d\n", a, ar, b, br, agreed, secret);
        free(a);
        free(ar);
        free(b);
        free(br);
    }
}

void report_table(const struct report *r, struct strbuf *out)
{
    for (int gi = 0; gi < r->ngroups; gi++) {
        const struct rep_group *g = &r->groups[gi];
        if (gi)
            sb_putc(out, '\n');
        group_heading(g, out);
        ranking_table(g, out);
        if (g->npairs)
            duet_pairs(r, gi, out);
    }
}

/* ------------------------------------------------------------ writing */

/* True when path is a file the report read (or tried to). */
static bool is_input(const struct report *r, const char *path)
{
    struct stat out;
    if (stat(path, &out) != 0)
        return false;
    for (int i = 0; i < r->ninputs; i++) {
        struct stat in;
        if (stat(r->inputs[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return true;
    }
    return false;
}

static bool write_output(const char *path, const struct strbuf *text)
{
    struct diag err;
    if (!file_write_output(path, text->data ? text->data : "", text->len, &err)) {
        cli_error("%s: %s", strcmp(path, "-") == 0 ? "standard output" : path, err.message);
        return false;
    }
    return true;
}

/* Splits a comma-separated list in place. */
static int split_list(char *s, const char **items, int cap)
{
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(s, ",", &save); t && n < cap; t = strtok_r(NULL, ",", &save)) {
        while (*t == ' ')
            t++;
        size_t len = strlen(t);
        while (len && t[len - 1] == ' ')
            t[--len] = '\0';
        if (*t)
            items[n++] = t;
    }
    return n;
}

static bool valid_homepage(const char *url)
{
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
        return false;
    const char *host = strstr(url, "://") + 3;
    if (!*host || *host == '/')
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == '\\' || *p == '`' ||
            *p == '{' || *p == '}' || *p == '|' || *p == '^' || *p >= 0x7f)
            return false;
    return true;
}

/* What the command line asked for. */
struct report_options {
    const char *csv, *decisions_csv, *html, *xapi, *json; /* files to write, or NULL */
    bool json_out; /* --json without a file: JSON on standard output instead of the table */
    bool quiet;
    const char **scenarios; /* --scenario, in the order given */
    int nscenarios;
    struct xapi_options xo;
    char *pass_list; /* --xapi-pass as given; xo.pass points into it */
    const char *pass[64];
};

static void options_free(struct report_options *o)
{
    free(o->pass_list);
    free((void *)o->scenarios);
}

/* Reads the options into o: -1 to go on, else the exit code (--help, or a
 * bad option said). */
static int parse_options(int argc, char **argv, struct report_options *o)
{
    enum { OPT_CSV = 1, OPT_DECISIONS, OPT_HTML, OPT_XAPI, OPT_HOMEPAGE, OPT_MBOX, OPT_PASS,
           OPT_QUIET, OPT_HELP, OPT_SCENARIO, OPT_JSON };
    static const struct option opts[] = {
        {"csv", required_argument, NULL, OPT_CSV},
        {"decisions-csv", required_argument, NULL, OPT_DECISIONS},
        {"html", required_argument, NULL, OPT_HTML},
        {"json", optional_argument, NULL, OPT_JSON},
        {"scenario", required_argument, NULL, OPT_SCENARIO},
        {"xapi", required_argument, NULL, OPT_XAPI},
        {"xapi-homepage", required_argument, NULL, OPT_HOMEPAGE},
        {"xapi-mbox", no_argument, NULL, OPT_MBOX},
        {"xapi-pass", required_argument, NULL, OPT_PASS},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case OPT_CSV: o->csv = optarg; break;
        case OPT_DECISIONS: o->decisions_csv = optarg; break;
        case OPT_HTML: o->html = optarg; break;
        case OPT_JSON:
            if (optarg)
                o->json = optarg;
            else
                o->json_out = true;
            break;
        case OPT_SCENARIO:
            o->scenarios =
                xrealloc((void *)o->scenarios, sizeof *o->scenarios * (size_t)(o->nscenarios + 1));
            o->scenarios[o->nscenarios++] = optarg;
            break;
        case OPT_XAPI: o->xapi = optarg; break;
        case OPT_HOMEPAGE: o->xo.homepage = optarg; break;
        case OPT_MBOX: o->xo.mbox = true; break;
        case OPT_PASS:
            free(o->pass_list);
            o->pass_list = xstrdup(optarg);
            break;
        case OPT_QUIET: o->quiet = true; break;
        case OPT_HELP: usage(stdout); return 0;
        default: return cli_option_error("report", c, argv);
        }
    }
    return -1;
}

/* Whether the options hold together (0), else 2 with the reason said.
 * Splits --xapi-pass. */
static int check_options(int argc, struct report_options *o)
{
    if (optind >= argc) {
        cli_error("report needs the folder of result files (see scaleup report --help)");
        return 2;
    }
    if (o->xapi && !o->xo.homepage) {
        cli_error("--xapi needs --xapi-homepage URL: the workshop's home page, which names the "
                  "players and the activities (e.g. https://workshop.example.com)");
        return 2;
    }
    if (o->xo.homepage && !valid_homepage(o->xo.homepage)) {
        cli_error("--xapi-homepage must be an http:// or https:// address without spaces, "
                  "e.g. https://workshop.example.com");
        return 2;
    }
    if (o->pass_list) {
        o->xo.npass = split_list(o->pass_list, o->pass, (int)COUNT_OF(o->pass));
        o->xo.pass = o->pass;
    }
    return 0;
}

/* The files the report writes, in the order it writes them (which matters
 * when two go to standard output or to the same path). */
enum form { FORM_CSV, FORM_DECISIONS, FORM_HTML, FORM_JSON, FORM_XAPI, NFORMS };

static const char *form_path(const struct report_options *o, enum form f)
{
    const char *paths[NFORMS] = {o->csv, o->decisions_csv, o->html, o->json, o->xapi};
    return paths[f];
}

static void build_form(const struct report *r, const struct report_options *o, enum form f,
                       struct strbuf *out)
{
    switch (f) {
    case FORM_CSV: report_csv_runs(r, out); break;
    case FORM_DECISIONS: report_csv_decisions(r, out); break;
    case FORM_HTML: report_html(r, out); break;
    case FORM_XAPI: report_xapi(r, &o->xo, print_warning, NULL, out); break;
    case FORM_JSON: report_json(r, out); break;
    case NFORMS: break;
    }
}

/* 0 when no output would go over a file the report read, else 2 (said). */
static int refuse_inputs(const struct report *r, const struct report_options *o)
{
    /* Checked in this order, so the option named first is the same as before. */
    static const enum form order[NFORMS] = {FORM_CSV, FORM_DECISIONS, FORM_HTML, FORM_XAPI,
                                            FORM_JSON};
    static const char *const option[NFORMS] = {"--csv", "--decisions-csv", "--html", "--json",
                                               "--xapi"};
    for (int i = 0; i < NFORMS; i++) {
        enum form f = order[i];
        const char *path = form_path(o, f);
        if (path && is_input(r, path)) {
            cli_error("%s %s: that is one of the files read; the report never writes over them",
                      option[f], path);
            return 2;
        }
    }
    return 0;
}

/* What goes to standard output: the table (its names and titles come from
 * result files, so control characters are folded), or the JSON. */
static void standard_output(const struct report *r, const struct report_options *o,
                            struct strbuf *text)
{
    if (o->json_out) {
        report_json(r, text);
    } else if (!o->quiet) {
        report_table(r, text);
        struct strbuf folded;
        sb_init(&folded);
        utf8_fold_controls(&folded, text->data ? text->data : "", text->len, true);
        sb_free(text);
        *text = folded;
    }
}

/* Writes standard output and every file asked for; false when one could
 * not be written (each is still tried). */
static bool write_outputs(const struct report *r, const struct report_options *o)
{
    struct strbuf text;
    sb_init(&text);
    standard_output(r, o, &text);
    bool ok = (o->quiet && !o->json_out) || write_output("-", &text);
    for (int f = 0; f < NFORMS; f++) {
        const char *path = form_path(o, (enum form)f);
        if (!path)
            continue;
        sb_clear(&text);
        build_form(r, o, (enum form)f, &text);
        ok = write_output(path, &text) && ok;
    }
    sb_free(&text);
    return ok;
}

/* Reads the result files: 0 when some run was found, else 1 (said). */
static int load(struct report *r, int argc, char **argv, const struct report_options *o)
{
    char err[PATH_MAX + 256];
    const struct rep_sources src = {o->scenarios, o->nscenarios, true};
    if (!report_load(r, (const char *const *)argv + optind, argc - optind, &src, print_warning,
                     NULL, err, sizeof err)) {
        cli_error("%s", err);
        return 1;
    }
    if (r->nruns == 0) {
        cli_error("no result files found in %s%s", argv[optind],
                  argc - optind > 1 ? " and the rest" : "");
        return 1;
    }
    return 0;
}

int cmd_report(int argc, char **argv)
{
    struct report_options o = {0};
    int status = parse_options(argc, argv, &o);
    if (status < 0) /* not done after the options: check them, then report */
        status = check_options(argc, &o) ? 2 : -1;
    if (status >= 0) {
        options_free(&o);
        return status;
    }
    struct report r;
    status = load(&r, argc, argv, &o);
    if (status == 0)
        status = refuse_inputs(&r, &o);
    if (status == 0)
        status = write_outputs(&r, &o) ? 0 : 1;
    report_free(&r);
    options_free(&o);
    return status;
}
