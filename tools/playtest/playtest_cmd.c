/*
 * playtest_cmd.c: scaleup test SCENARIO: run the playthrough tests in the
 * scenario's tests.lua (see core/playtest.h) and report each mismatch as
 * tests.lua:LINE: expected ..., got ...
 */
#include "playtest_cmd.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/loader.h"
#include "core/playtest.h"

static void usage(FILE *f)
{
    fprintf(f, "Usage: scaleup test SCENARIO [--file FILE]\n"
               "\n"
               "Runs the playthrough tests kept beside a scenario in its tests.lua, entries\n"
               "like\n"
               "  playthrough { name = \"cautious PO\", role = \"po\", seed = 7,\n"
               "                choices = { 1, 3, 2 },\n"
               "                expect = { ending = \"ipo\", score = { vision = 5 },\n"
               "                           stats = { runway = 4 } } }\n"
               "A choice is its number as offered or the start of its text. Each mismatch is\n"
               "reported as tests.lua:LINE: expected ..., got ...\n"
               "\n"
               "  --file FILE   the tests file (default: tests.lua in the scenario's folder;\n"
               "                NAME.tests.lua beside a single-file scenario NAME.lua)\n"
               "\n"
               "Exit codes: 0 all passed, 1 a playthrough failed or the file has errors,\n"
               "2 usage error.\n");
}

int cmd_test(int argc, char **argv)
{
    const char *file = NULL;
    static const struct option opts[] = {
        {"file", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case 'f': file = optarg; break;
        case 'h': usage(stdout); return 0;
        default: return cli_option_error("test", c, argv);
        }
    }
    if (optind != argc - 1) {
        cli_error("test needs one scenario (see scaleup test --help)");
        return 2;
    }
    int code;
    struct scenario *sc = cli_load_scenario(argv[optind], NULL, &code);
    if (!sc)
        return code;
    struct diag_list diags;
    diag_list_init(&diags);
    char tests[PATH_MAX + 16];
    if (file)
        str_copy(tests, sizeof tests, file);
    else
        playtest_path(sc, tests, sizeof tests);
    struct stat st;
    if (stat(tests, &st) != 0) {
        cli_error("%s has no playthrough tests: %s does not exist", sc->id, tests);
        scenario_free(sc);
        diag_list_free(&diags);
        return 1;
    }
    struct playtest_set set;
    if (!playtest_load(sc, tests, &set, &diags)) {
        cli_print_diags(&diags, false);
        scenario_free(sc);
        diag_list_free(&diags);
        return 1;
    }
    int failed = 0;
    for (int i = 0; i < set.count; i++) {
        struct diag_list fails;
        diag_list_init(&fails);
        bool ok = playtest_run(sc, &set.items[i], &fails);
        /* Mismatches read FILE:LINE: expected ..., got ... */
        for (int k = 0; k < fails.count; k++)
            printf("%s:%d: error: %s\n", fails.items[k].file, fails.items[k].line, fails.items[k].message);
        printf("%s  %s\n", ok ? "PASS" : "FAIL", set.items[i].name ? set.items[i].name : "?");
        failed += !ok;
        diag_list_free(&fails);
    }
    printf("%d playthrough%s: %d passed, %d failed\n", set.count, set.count == 1 ? "" : "s",
           set.count - failed, failed);
    playtest_set_free(&set);
    scenario_free(sc);
    diag_list_free(&diags);
    return failed ? 1 : 0;
}
