/*
 * test_docs.c: docs/authoring.md's examples run. The code of "A first
 * scenario" is the file docs/examples/coffee-cart/main.lua, verbatim; every
 * example and recipe loads, passes lint --strict, explores without a dead
 * end or error, and the first scenario passes its playthrough tests.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static int scaleup(const char *const *args, char **out)
{
    const char *argv[16] = {scaleup_bin()};
    int n = 1;
    for (const char *const *a = args; *a; a++)
        argv[n++] = *a;
    argv[n] = NULL;
    struct cmd_result r;
    run_cmd(argv, NULL, source_path(""), NULL, 60, &r);
    int status = r.status;
    if (out)
        *out = strdup(r.out);
    cmd_result_free(&r);
    return status;
}

/* The ```lua blocks of the guide between the headings from and to, each
 * verbatim in the file example; how many. */
static int blocks_in(const char *example_path, const char *from_heading, const char *to_heading)
{
    char *guide = slurp(source_path("docs/authoring.md"), NULL);
    char *example = slurp(source_path(example_path), NULL);
    assert_non_null(guide);
    assert_non_null(example);
    char *from = strstr(guide, from_heading);
    char *to = from ? strstr(from, to_heading) : NULL;
    assert_true(from && to && from < to);
    int blocks = 0;
    for (char *p = strstr(from, "```lua\n"); p && p < to; p = strstr(p, "```lua\n")) {
        p += 7;
        char *end = strstr(p, "```\n");
        assert_non_null(end);
        *end = '\0';
        if (!strstr(example, p))
            fail_msg("this block of docs/authoring.md is not in the example file:\n%s", p);
        *end = '`';
        blocks++;
        p = end + 4;
    }
    free(guide);
    free(example);
    return blocks;
}

static void the_first_scenario_in_the_guide_is_the_example_file(void **state)
{
    (void)state;
    assert_int_equal(blocks_in("docs/examples/coffee-cart/main.lua", "## A first scenario",
                               "## The author's loop"),
                     3);
}

static void the_judgment_section_is_the_judgment_recipe(void **state)
{
    (void)state;
    assert_int_equal(blocks_in("docs/examples/recipes/judgment.lua",
                               "### Choices that test judgment", "## Recipes"),
                     3);
    char *out = NULL;
    assert_int_equal(scaleup((const char *const[]){"test", "docs/examples/recipes/judgment.lua", NULL},
                             &out),
                     0);
    assert_non_null(strstr(out, "2 playthroughs: 2 passed, 0 failed"));
    free(out);
}

static void every_example_passes_lint_and_explore(void **state)
{
    (void)state;
    const char *examples[32] = {"docs/examples/coffee-cart"};
    int n = 1;
    static char paths[32][512];
    DIR *d = opendir(source_path("docs/examples/recipes"));
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) && n < 32) {
        if (!strstr(e->d_name, ".lua") || strstr(e->d_name, ".tests.lua"))
            continue; /* a recipe's playthroughs are not a scenario */
        snprintf(paths[n], sizeof paths[n], "docs/examples/recipes/%s", e->d_name);
        examples[n] = paths[n];
        n++;
    }
    closedir(d);
    assert_true(n >= 5);
    for (int i = 0; i < n; i++) {
        char *out;
        int status = scaleup((const char *const[]){"lint", "--strict", examples[i], NULL}, &out);
        if (status != 0)
            fail_msg("lint --strict %s:\n%s", examples[i], out);
        free(out);
        status = scaleup((const char *const[]){"explore", examples[i], "--random", "300", NULL}, &out);
        if (status != 0 || strstr(out, "never reached"))
            fail_msg("explore %s:\n%s", examples[i], out);
        free(out);
    }
    char *out;
    assert_int_equal(scaleup((const char *const[]){"test", "docs/examples/coffee-cart", NULL}, &out), 0);
    assert_non_null(strstr(out, "2 playthroughs: 2 passed, 0 failed"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_first_scenario_in_the_guide_is_the_example_file),
        cmocka_unit_test(the_judgment_section_is_the_judgment_recipe),
        cmocka_unit_test(every_example_passes_lint_and_explore),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
