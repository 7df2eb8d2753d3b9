/*
 * cli.c: what every subcommand shares (see commands.h): messages on
 * standard error, loading the scenario an argument names, numbers and the
 * scenario limit options. A library of its own (scaleup_cli), so that the
 * tools and their tests link without the program's main.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/diag.h"
#include "core/loader.h"
#include "core/run.h"
#include "core/session.h"
#include "core/utf8.h"
#include "core/util.h"

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

bool cli_number_option(const char *s, long long min, long long max, const char *takes,
                       long long *out)
{
    if (cli_number(s, min, max, out))
        return true;
    cli_error("%s", takes);
    return false;
}

bool cli_seed(const char *s, uint64_t *seed)
{
    long long v;
    if (!cli_number_option(s, 0, (long long)RUN_SEED_MAX,
                           "--seed takes a whole number from 0 to 2^53-1", &v))
        return false;
    *seed = (uint64_t)v;
    return true;
}

int cli_timers(const char *s)
{
    int mode = session_timers_from_name(s);
    if (mode < 0)
        cli_error("--timers takes on, slow or off");
    return mode;
}

/* The limit options: each one's range, its error and where it goes. A
 * larger limit for calls raises the limit for loading with it (loading may
 * never allow less than a call). */
static void set_memory(struct script_limits *l, long long v)
{
    l->memory = (size_t)v * 1024 * 1024;
}

static void set_instructions(struct script_limits *l, long long v)
{
    l->call_instructions = (long)v;
    if (l->load_instructions < (long)v)
        l->load_instructions = (long)v;
}

static void set_call_ms(struct script_limits *l, long long v)
{
    l->call_ms = (int)v;
    if (l->load_ms < (int)v)
        l->load_ms = (int)v;
}

static const struct {
    const char *name;
    long long min, max;
    const char *error;
    void (*set)(struct script_limits *l, long long v);
} limit_options[] = {
    {"max-memory", 1, 4096, "--max-memory takes mebibytes from 1 to 4096", set_memory},
    {"max-instructions", 1000, 100000000000LL, "--max-instructions takes a number from 1000 up",
     set_instructions},
    {"max-call-ms", 1, 600000, "--max-call-ms takes milliseconds from 1 to 600000", set_call_ms},
};

_Static_assert(COUNT_OF(limit_options) == CLI_LIMIT_COUNT, "CLI_LIMIT_OPTIONS lists every limit option");

const char *cli_limit_name(int i)
{
    return i >= 0 && i < (int)COUNT_OF(limit_options) ? limit_options[i].name : NULL;
}

int cli_limit_option(const char *opt, const char *value, struct script_limits *limits)
{
    for (size_t i = 0; i < COUNT_OF(limit_options); i++) {
        if (strcmp(opt, limit_options[i].name) != 0)
            continue;
        long long v;
        if (!cli_number_option(value, limit_options[i].min, limit_options[i].max,
                               limit_options[i].error, &v))
            return -1;
        limit_options[i].set(limits, v);
        return 1;
    }
    return 0;
}

int cli_option_error(const char *command, int c, char **argv)
{
    if (c == ':')
        cli_error("%s needs a value (see scaleup %s --help)", argv[optind - 1], command);
    else
        cli_error("unknown option '%s' (see scaleup %s --help)", argv[optind - 1], command);
    return 2;
}
