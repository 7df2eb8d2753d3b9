/*
 * cli.c: what every subcommand shares (see commands.h): messages on
 * standard error, loading the scenario an argument names, numbers and the
 * scenario limit options. A library of its own (scaleup_cli), so that the
 * tools and their tests link without the program's main.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/diag.h"
#include "core/loader.h"
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
