/*
 * main.c: the scaleup binary: one program, several subcommands.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/utf8.h"
#include "core/catalog.h"
#include "core/loader.h"
#include "explore/explore_cmd.h"
#include "lint/lint.h"
#include "map/map.h"
#include "new/new.h"
#include "playtest/playtest_cmd.h"
#include "report/report.h"
#include "core/diag.h"
#include "core/util.h"

#ifndef SCALEUP_VERSION
#define SCALEUP_VERSION "0"
#endif

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"play", cmd_play, "play a scenario, in a window or with --text in the terminal"},
    {"lint", cmd_lint, "check scenarios for mistakes (FILE:LINE:COL: error|warning: WHAT)"},
    {"explore", cmd_explore, "play a scenario by machine: reachability, dead ends, scores"},
    {"test", cmd_test, "run the playthrough tests in a scenario's tests.lua"},
    {"map", cmd_map, "draw the scene graph (Graphviz DOT or SVG)"},
    {"new", cmd_new, "create a scenario folder from a template that shows every feature"},
    {"report", cmd_report, "the facilitator's debrief from a folder of result files"},
};

static void usage(FILE *f)
{
    fprintf(f, "Usage: scaleup [COMMAND] [OPTIONS]\n"
               "\n"
               "ScaleUp is a training simulation for product people: lead a company from a\n"
               "garage startup to a scale-up as its Product Owner or Product Manager.\n"
               "\n"
               "With no command, scaleup opens the window on the title screen.\n"
               "\n"
               "Commands:\n");
    for (size_t i = 0; i < COUNT_OF(commands); i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n"
               "Run 'scaleup COMMAND --help' for a command's options.\n"
               "Options: --help, --version.\n");
}

void cli_print_line(FILE *f, const char *text)
{
    struct strbuf folded;
    sb_init(&folded);
    utf8_fold_controls(&folded, text, strlen(text), false);
    fprintf(f, "%s\n", folded.data ? folded.data : "");
    sb_free(&folded);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct strbuf line;
    sb_init(&line);
    sb_puts(&line, "scaleup: error: ");
    sb_vprintf(&line, fmt, ap);
    va_end(ap);
    cli_print_line(stderr, line.data);
    sb_free(&line);
}

void cli_print_diags(const struct diag_list *diags, bool with_col)
{
    struct strbuf line;
    sb_init(&line);
    for (int i = 0; i < diags->count; i++) {
        sb_clear(&line);
        diag_format(&diags->items[i], with_col, &line);
        cli_print_line(stderr, line.data);
    }
    if (diags->dropped)
        fprintf(stderr, "scaleup: note: %d more not shown\n", diags->dropped);
    sb_free(&line);
}

struct scenario *cli_load_scenario(const char *arg, const struct script_limits *limits, int *code)
{
    char path[4096], why[1024];
    if (!catalog_resolve(arg, path, sizeof path, why, sizeof why)) {
        cli_error("%s", why);
        *code = 2;
        return NULL;
    }
    struct diag_list diags;
    diag_list_init(&diags);
    struct scenario *sc = scenario_load(path, limits, &diags);
    if (!sc) {
        cli_print_diags(&diags, false);
        *code = 1;
    }
    diag_list_free(&diags);
    return sc;
}

bool cli_number(const char *s, long long min, long long max, long long *out)
{
    if (!s || !*s)
        return false;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

int cli_limit_option(const char *opt, const char *value, struct script_limits *limits)
{
    long long v;
    if (strcmp(opt, "max-memory") == 0) {
        if (!cli_number(value, 1, 4096, &v)) {
            cli_error("--max-memory takes mebibytes from 1 to 4096");
            return -1;
        }
        limits->memory = (size_t)v * 1024 * 1024;
        return 1;
    }
    if (strcmp(opt, "max-instructions") == 0) {
        if (!cli_number(value, 1000, 100000000000LL, &v)) {
            cli_error("--max-instructions takes a number from 1000 up");
            return -1;
        }
        limits->call_instructions = (long)v;
        if (limits->load_instructions < (long)v)
            limits->load_instructions = (long)v;
        return 1;
    }
    if (strcmp(opt, "max-call-ms") == 0) {
        if (!cli_number(value, 1, 600000, &v)) {
            cli_error("--max-call-ms takes milliseconds from 1 to 600000");
            return -1;
        }
        limits->call_ms = (int)v;
        if (limits->load_ms < (int)v)
            limits->load_ms = (int)v;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    /* A file-size limit (ulimit -f) must fail a write like a full disk does,
     * not kill the program: decisions are kept and written later. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        char name[] = "play";
        char *play_argv[] = {name, NULL};
        return cmd_play(1, play_argv);
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("scaleup %s\n", SCALEUP_VERSION);
        return 0;
    }
    for (size_t i = 0; i < COUNT_OF(commands); i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    if (cmd[0] == '-') {
        /* Options without a command are play's: scaleup --kiosk */
        static char name[] = "play";
        argv[0] = name;
        return cmd_play(argc, argv);
    }
    cli_error("unknown command '%s' (try scaleup --help)", cmd);
    return 2;
}
