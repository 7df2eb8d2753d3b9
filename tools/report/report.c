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

void report_table(const struct report *r, struct strbuf *out)
{
    for (int gi = 0; gi < r->ngroups; gi++) {
        const struct rep_group *g = &r->groups[gi];
        if (gi)
            sb_putc(out, '\n');
        char *title = cell(g->title ? g->title : g->scenario_id);
        char *id = cell(g->scenario_id);
        char *version = cell(g->version ? g->version : "?");
        sb_printf(out, "%s (%s %s%s): %d run%s, %d finished\n\n", title, id, version,
                  g->versions_differ ? " and others" : "", g->nruns, g->nruns == 1 ? "" : "s",
                  g->nfinished);
        free(title);
        free(id);
        free(version);

        int ncols = 10 + g->nstats + g->ndims_shown;
        int nlines = g->nrows + 1;
        char **cells = xcalloc((size_t)(ncols * nlines), sizeof *cells);
        bool *right = xcalloc((size_t)ncols, sizeof *right);
        int c = 0;
        cells[c++] = cell("#");
        cells[c++] = cell("Player");
        cells[c++] = cell("Role");
        cells[c++] = cell("Ending");
        cells[c++] = cell("Verdict");
        for (int k = 0; k < g->nstats; k++) {
            char label[128];
            const char *name = rep_stat_name(g, g->stats[k], NULL);
            if (name)
                str_copy(label, sizeof label, name);
            else
                rep_dim_label(g->stats[k], label, sizeof label);
            cells[c++] = cell(label);
        }
        for (int d = 0; d < g->ndims; d++) {
            if (!g->dim_shown[d])
                continue;
            char label[128];
            rep_dim_name(g, g->dims[d], label, sizeof label);
            cells[c++] = cell(label);
        }
        cells[c++] = cell("Weighted");
        cells[c++] = cell("Percent");
        cells[c++] = cell("Rating");
        cells[c++] = cell("Minutes");
        cells[c++] = cell("Finished");
        right[0] = true;
        for (int d = 0; d < g->nstats + g->ndims_shown + 2; d++)
            right[5 + d] = true;
        right[ncols - 2] = true;
        for (int i = 0; i < g->nrows; i++) {
            const struct rep_row *row = &g->rows[i];
            const struct rep_run *run = row->run;
            const struct rep_player *p = rep_row_player(row);
            char num[64];
            str_format(num, sizeof num, "%d", row->rank);
            cells[c++] = cell(num);
            cells[c++] = cell(p->name);
            cells[c++] = cell(p->role);
            cells[c++] = cell(run->ending_title ? run->ending_title : run->ending_id);
            cells[c++] = cell(run->verdict);
            for (int k = 0; k < g->nstats; k++) {
                bool has;
                double v = rep_points(&run->stats, g->stats[k], &has);
                format_number(num, sizeof num, v);
                cells[c++] = cell(has ? num : "-");
            }
            for (int d = 0; d < g->ndims; d++) {
                if (!g->dim_shown[d])
                    continue;
                bool has;
                double v = rep_points(&p->score, g->dims[d], &has);
                format_number(num, sizeof num, v);
                cells[c++] = cell(has ? num : "-");
            }
            format_number(num, sizeof num, p->weighted);
            cells[c++] = cell(num);
            str_format(num, sizeof num, "%.1f", p->percent);
            cells[c++] = cell(num);
            cells[c++] = cell(p->rating);
            rep_minutes_text(run->minutes, num, sizeof num);
            cells[c++] = cell(num);
            cells[c++] = cell(run->finished ? "yes" : "no");
        }
        int *width = xcalloc((size_t)ncols, sizeof *width);
        for (int l = 0; l < nlines; l++)
            for (int k = 0; k < ncols; k++) {
                int w = text_width(cells[l * ncols + k]);
                if (w > width[k])
                    width[k] = w;
            }
        for (int l = 0; l < nlines; l++) {
            struct strbuf line;
            sb_init(&line);
            for (int k = 0; k < ncols; k++) {
                const char *s = cells[l * ncols + k];
                int pad = width[k] - text_width(s);
                if (k)
                    sb_puts(&line, "  ");
                if (right[k])
                    sb_printf(&line, "%*s", pad, "");
                sb_puts(&line, s);
                if (!right[k])
                    sb_printf(&line, "%*s", pad, "");
            }
            while (line.len && line.data[line.len - 1] == ' ')
                line.data[--line.len] = '\0';
            sb_puts(out, line.data);
            sb_putc(out, '\n');
            sb_free(&line);
        }
        for (int k = 0; k < ncols * nlines; k++)
            free(cells[k]);
        free(cells);
        free(right);
        free(width);
        /* Duets: the pairs, and how often their secret picks agreed. */
        if (g->npairs) {
            sb_puts(out, "\nDuet pairs (secret picks agreed):\n");
            for (int i = 0; i < r->nruns; i++) {
                const struct rep_run *run = &r->runs[i];
                if (run->group != gi || run->nplayers != 2)
                    continue;
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

struct output {
    const char *option;
    const char *path;
};

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

int cmd_report(int argc, char **argv)
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
    const char *csv = NULL, *decisions_csv = NULL, *html = NULL, *xapi = NULL, *json = NULL;
    bool json_out = false;
    const char **scenarios = NULL;
    int nscenarios = 0;
    struct xapi_options xo = {0};
    char *pass_list = NULL;
    const char *pass[64];
    bool quiet = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case OPT_CSV: csv = optarg; break;
        case OPT_DECISIONS: decisions_csv = optarg; break;
        case OPT_HTML: html = optarg; break;
        case OPT_JSON:
            if (optarg)
                json = optarg;
            else
                json_out = true;
            break;
        case OPT_SCENARIO:
            scenarios = xrealloc((void *)scenarios, sizeof *scenarios * (size_t)(nscenarios + 1));
            scenarios[nscenarios++] = optarg;
            break;
        case OPT_XAPI: xapi = optarg; break;
        case OPT_HOMEPAGE: xo.homepage = optarg; break;
        case OPT_MBOX: xo.mbox = true; break;
        case OPT_PASS:
            free(pass_list);
            pass_list = xstrdup(optarg);
            break;
        case OPT_QUIET: quiet = true; break;
        case OPT_HELP:
            usage(stdout);
            free(pass_list);
            free((void *)scenarios);
            return 0;
        default:
            free(pass_list);
            free((void *)scenarios);
            return cli_option_error("report", c, argv);
        }
    }
    if (optind >= argc) {
        cli_error("report needs the folder of result files (see scaleup report --help)");
        free(pass_list);
        free((void *)scenarios);
        return 2;
    }
    if (xapi && !xo.homepage) {
        cli_error("--xapi needs --xapi-homepage URL: the workshop's home page, which names the "
                  "players and the activities (e.g. https://workshop.example.com)");
        free(pass_list);
        free((void *)scenarios);
        return 2;
    }
    if (xo.homepage && !valid_homepage(xo.homepage)) {
        cli_error("--xapi-homepage must be an http:// or https:// address without spaces, "
                  "e.g. https://workshop.example.com");
        free(pass_list);
        free((void *)scenarios);
        return 2;
    }
    if (pass_list) {
        xo.npass = split_list(pass_list, pass, (int)COUNT_OF(pass));
        xo.pass = pass;
    }

    struct report r;
    char err[PATH_MAX + 256];
    const struct rep_sources src = {scenarios, nscenarios, true};
    if (!report_load(&r, (const char *const *)argv + optind, argc - optind, &src, print_warning,
                     NULL, err, sizeof err)) {
        cli_error("%s", err);
        report_free(&r);
        free(pass_list);
        free((void *)scenarios);
        return 1;
    }
    if (r.nruns == 0) {
        cli_error("no result files found in %s%s", argv[optind],
                  argc - optind > 1 ? " and the rest" : "");
        report_free(&r);
        free(pass_list);
        free((void *)scenarios);
        return 1;
    }
    const struct output outputs[] = {
        {"--csv", csv},   {"--decisions-csv", decisions_csv}, {"--html", html},
        {"--xapi", xapi}, {"--json", json}};
    for (size_t i = 0; i < COUNT_OF(outputs); i++)
        if (outputs[i].path && is_input(&r, outputs[i].path)) {
            cli_error("%s %s: that is one of the files read; the report never writes over them",
                      outputs[i].option, outputs[i].path);
            report_free(&r);
            free(pass_list);
            free((void *)scenarios);
            return 2;
        }

    struct strbuf text;
    sb_init(&text);
    if (json_out) {
        report_json(&r, &text); /* written below, as the table would be */
    } else if (!quiet) {
        report_table(&r, &text);
        /* Names and titles in the table come from result files. */
        struct strbuf folded;
        sb_init(&folded);
        utf8_fold_controls(&folded, text.data ? text.data : "", text.len, true);
        sb_free(&text);
        text = folded;
    }
    bool ok = (quiet && !json_out) || write_output("-", &text);
    if (csv) {
        sb_clear(&text);
        report_csv_runs(&r, &text);
        ok = write_output(csv, &text) && ok;
    }
    if (decisions_csv) {
        sb_clear(&text);
        report_csv_decisions(&r, &text);
        ok = write_output(decisions_csv, &text) && ok;
    }
    if (html) {
        sb_clear(&text);
        report_html(&r, &text);
        ok = write_output(html, &text) && ok;
    }
    if (json) {
        sb_clear(&text);
        report_json(&r, &text);
        ok = write_output(json, &text) && ok;
    }
    if (xapi) {
        sb_clear(&text);
        report_xapi(&r, &xo, print_warning, NULL, &text);
        ok = write_output(xapi, &text) && ok;
    }
    sb_free(&text);
    report_free(&r);
    free(pass_list);
    free((void *)scenarios);
    return ok ? 0 : 1;
}
