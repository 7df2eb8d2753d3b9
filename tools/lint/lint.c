/*
 * lint.c: scaleup lint SCENARIO...: load each scenario, run the static
 * checks, print the findings as FILE:LINE:COL: error|warning: WHAT (or as
 * JSON), a summary, and exit 1 on any error (or warning, with --strict).
 */
#include "lint.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/loader.h"
#include "core/util.h"

static int compare_diags(const void *a, const void *b)
{
    const struct diag *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line - y->line;
    return x->col - y->col;
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: scaleup lint SCENARIO... [--strict] [--json] [LIMITS]\n"
               "\n"
               "Checks scenarios for mistakes before a workshop finds them: everything loading\n"
               "checks, plus unreachable scenes, dead ends, endings nothing leads to, flags set\n"
               "but never used (or required but never set), stats that never change, dimensions\n"
               "scored for one role only, choices without feedback, duplicate choices, texts\n"
               "too long for the window, timers without timeout, duet scenes without a way to\n"
               "settle, and the tells that let a team score without judgment (the best option\n"
               "longest, straw men, duet scenes without tension, naive or greedy play near\n"
               "the best). Prints FILE:LINE:COL: error|warning: WHAT, then a summary.\n"
               "\n"
               "  --strict   warnings count as errors\n"
               "  --json     print the findings as one JSON object\n"
               "  --no-play  skip the tells that play the scenario (naive and greedy play\n"
               "             against the exact best, searched once and cached)\n"
               "  --no-tells skip every tell (to look at the other checks alone)\n"
               CLI_LIMITS_HELP
               "\n"
               "Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.\n");
}

struct lint_options {
    bool strict, json, play, tells;
    struct script_limits limits;
};

/* Reads the options; returns -1 to go on, or the exit code. */
static int parse_options(int argc, char **argv, struct lint_options *o)
{
    *o = (struct lint_options){.play = true, .tells = true};
    script_limits_default(&o->limits);
    static const struct option opts[] = {
        {"strict", no_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'},
        {"no-play", no_argument, NULL, 'n'},
        {"no-tells", no_argument, NULL, 'T'},
        CLI_LIMIT_OPTIONS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c, index = 0;
    while ((c = getopt_long(argc, argv, ":", opts, &index)) != -1) {
        switch (c) {
        case 's': o->strict = true; break;
        case 'j': o->json = true; break;
        case 'n': o->play = false; break;
        case 'T': o->tells = false; break;
        case CLI_LIMIT_KEY:
            if (cli_limit_option(opts[index].name, optarg, &o->limits) < 0)
                return 2;
            break;
        case 'h': usage(stdout); return 0;
        default: return cli_option_error("lint", c, argv);
        }
    }
    if (optind >= argc) {
        cli_error("lint needs at least one scenario (see scaleup lint --help)");
        return 2;
    }
    return -1;
}

/* Loads and checks one scenario, adding its findings to all; returns its
 * id (NULL when it does not load) in id, which the caller frees. */
static void lint_one(const char *path, const struct lint_options *o, struct diag_list *all,
                     char **id)
{
    struct diag_list diags;
    diag_list_init(&diags);
    struct scenario *sc = scenario_load(path, &o->limits, &diags);
    /* A scenario that does not load has the loader's errors only, in
     * the loader's order: root causes first (see loader.c). */
    if (sc) {
        lint_checks(sc, &diags);
        if (o->tells)
            lint_tells(sc, &diags, o->play ? LINT_POLICY_SEEDS : 0);
        sort_items(diags.items, (size_t)diags.count, sizeof *diags.items, compare_diags);
    }
    *id = sc ? xstrdup(sc->id) : NULL;
    for (int k = 0; k < diags.count; k++)
        diag_copy(all, &diags.items[k]);
    all->dropped += diags.dropped;
    scenario_free(sc);
    diag_list_free(&diags);
}

static void print_json(cJSON *root, const struct diag_list *all, bool failed)
{
    cJSON *findings = cJSON_AddArrayToObject(root, "findings");
    for (int k = 0; k < all->count; k++) {
        const struct diag *d = &all->items[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "file", d->file);
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "col", d->col);
        cJSON_AddStringToObject(o, "severity", d->severity == DIAG_ERROR ? "error" : "warning");
        cJSON_AddStringToObject(o, "code", d->code);
        cJSON_AddStringToObject(o, "message", d->message);
        cJSON_AddItemToArray(findings, o);
    }
    cJSON_AddNumberToObject(root, "errors", all->errors);
    cJSON_AddNumberToObject(root, "warnings", all->warnings);
    cJSON_AddBoolToObject(root, "ok", !failed);
    char *text = cJSON_Print(root);
    printf("%s\n", text);
    free(text);
}

static void print_text(const struct diag_list *all, int nscenarios)
{
    struct strbuf line;
    sb_init(&line);
    for (int k = 0; k < all->count; k++) {
        sb_clear(&line);
        diag_format(&all->items[k], true, &line);
        printf("%s\n", line.data);
    }
    sb_free(&line);
    if (all->dropped)
        printf("(%d more not shown)\n", all->dropped);
    printf("%d error%s, %d warning%s in %d scenario%s\n", all->errors, all->errors == 1 ? "" : "s",
           all->warnings, all->warnings == 1 ? "" : "s", nscenarios, nscenarios == 1 ? "" : "s");
}

int cmd_lint(int argc, char **argv)
{
    struct lint_options o;
    int code = parse_options(argc, argv, &o);
    if (code >= 0)
        return code;
    struct diag_list all;
    diag_list_init(&all);
    int nscenarios = 0;
    cJSON *root = o.json ? cJSON_CreateObject() : NULL;
    cJSON *list = root ? cJSON_AddArrayToObject(root, "scenarios") : NULL;
    for (int i = optind; i < argc; i++) {
        char path[PATH_MAX], why[1024];
        if (!catalog_resolve(argv[i], path, sizeof path, why, sizeof why)) {
            cli_error("%s", why);
            diag_list_free(&all);
            cJSON_Delete(root);
            return 2;
        }
        char *id;
        lint_one(path, &o, &all, &id);
        nscenarios++;
        if (list)
            cJSON_AddItemToArray(list, cJSON_CreateString(id ? id : argv[i]));
        free(id);
    }
    bool failed = all.errors > 0 || (o.strict && all.warnings > 0);
    if (root)
        print_json(root, &all, failed);
    else
        print_text(&all, nscenarios);
    cJSON_Delete(root);
    diag_list_free(&all);
    return failed ? 1 : 0;
}
