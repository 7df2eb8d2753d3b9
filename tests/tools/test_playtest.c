/*
 * test_playtest.c: scaleup test on tests/fixtures/playtest (each kind of
 * mismatch, with its line), mistakes in a tests file, recording a run as a
 * playthrough line, and the bundled scenarios' own playthroughs passing.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/game.h"
#include "core/loader.h"
#include "core/playtest.h"
#include "support.h"

static void mismatches_name_their_line(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "test", ".", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, test_path("fixtures/playtest"), NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out,
                        "PASS  win by numbers\n"
                        "PASS  win by text\n"
                        "tests.lua:4: error: expected ending 'win', got 'lose'\n"
                        "tests.lua:4: error: expected score.vision = 1, got 0\n"
                        "FAIL  wrong ending and score\n"
                        "tests.lua:5: error: expected ending 'win', got no ending (the run is at scene 'b' "
                        "after 1 decision)\n"
                        "FAIL  not over\n"
                        "tests.lua:6: error: decision 2: choice 7 is not offered in scene 'b' (choose 1 to 2)\n"
                        "FAIL  no such choice\n"
                        "tests.lua:7: error: decision 1: 2 choices of scene 'a' start with \"to\"; give more "
                        "of the text\n"
                        "FAIL  ambiguous\n"
                        "tests.lua:8: error: decision 2 in scene 'c': main.lua:19: error: in the act of "
                        "choice 2 in scene 'c': the act fails\n"
                        "FAIL  run-time error\n"
                        "tests.lua:9: error: 'cto' is not a role of playtest (roles: po)\n"
                        "FAIL  no such role\n"
                        "8 playthroughs: 2 passed, 6 failed\n");
    cmd_result_free(&r);
}

static void mistakes_in_a_tests_file_are_reported(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "test", ".", "--file", "bad-tests.lua", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, test_path("fixtures/playtest"), NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err,
                        "bad-tests.lua:2: error: unknown field 'seeed' in playthrough (fields: name, "
                        "role, seed, player, choices, expect)\n"
                        "bad-tests.lua:3: error: a playthrough needs a name = \"...\"\n"
                        "bad-tests.lua:3: error: choice 2 must be a choice id, the start of its text, "
                        "or its number as shown\n"
                        "bad-tests.lua:3: error: unknown field 'scores' in expect (fields: ending, "
                        "verdict, score, stats, flags, weighted, turns)\n"
                        "bad-tests.lua:4: error: expect.verdict is 'succes'; a verdict is success, mixed or "
                        "failure\n");
    cmd_result_free(&r);
}

/* A temporary copy of the tutorial without its tests.lua (rm_rf it). */
static char *tutorial_without_tests(void)
{
    char *dir = make_temp_dir();
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s/*.lua %s/ && rm %s/tests.lua", source_path("scenarios/tutorial"),
             dir, dir);
    assert_int_equal(system(cmd), 0);
    return dir;
}

/* A run recorded as a line of tests.lua passes as a playthrough. */
static void a_recorded_run_becomes_a_passing_playthrough(void **state)
{
    (void)state;
    char *dir = tutorial_without_tests();
    struct scenario *sc = load_ok(dir);
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = 21, .nplayers = 1};
    st.players[0].role = 1;
    st.players[0].name = "x";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    /* By id: the numbers shown depend on the shuffle; the line keeps ids. */
    const char *path[] = {"call_first", "free_pilot", "value_effort", "paid_pilot",
                          "launch_all", "ask_terms",  "sell_more"};
    for (int i = 0; i < 7; i++)
        assert_true(game_choose(g, game_number_of(g, path[i]), false, 0, &err));
    struct strbuf line;
    sb_init(&line);
    /* A name typed with a carriage return (kept with k): escaped, or the
     * quoted string would break tests.lua. */
    playtest_format(g, "recorded \"in\" the\rwindow", &line);
    char tests[600];
    snprintf(tests, sizeof tests, "%s/tests.lua", dir);
    int at = 0;
    assert_true(playtest_append(tests, line.data, &at, &err));
    assert_int_equal(at, 2); /* after the header comment */
    assert_true(playtest_append(tests, line.data, &at, &err));
    assert_int_equal(at, 3);
    char *text = slurp(tests, NULL);
    assert_non_null(strstr(text, "playthrough { name = \"recorded \\\"in\\\" the\\013window\", role = "
                                 "\"pm\", seed = 21, choices = { \"call_first\", \"free_pilot\", \"value_effort\", "
                                 "\"paid_pilot\", \"launch_all\", \"ask_terms\", \"sell_more\" }, "
                                 "expect = { "
                                 "ending = "));
    free(text);
    scenario_free(sc);
    sc = load_ok(dir);
    struct playtest_set set;
    struct diag_list diags;
    diag_list_init(&diags);
    assert_true(playtest_load(sc, tests, &set, &diags));
    assert_int_equal(set.count, 2);
    assert_true(playtest_run(sc, &set.items[0], &diags));
    assert_int_equal(set.items[0].line, 2);
    assert_int_equal(set.items[1].line, 3);
    playtest_set_free(&set);
    diag_list_free(&diags);
    sb_free(&line);
    game_free(g);
    scenario_free(sc);
    rm_rf(dir);
    free(dir);
}

/* In the terminal, k keeps the run so far (here two choices) as a
 * playthrough that scaleup test passes; a duet cannot be kept (a
 * playthrough has one role). */
static void k_in_the_terminal_keeps_the_run_as_a_test(void **state)
{
    (void)state;
    char *dir = tutorial_without_tests();
    const char *play[] = {scaleup_bin(), "play", dir, "--text", "--role", "po", "--seed", "4",
                          "--player", "Ana", NULL};
    struct cmd_result r;
    run_cmd(play, "1\n1\nk\n3\n", NULL, NULL, 30, &r);
    struct strbuf want;
    sb_init(&want);
    sb_printf(&want, "Kept as a playthrough test: %s/tests.lua:2 (scaleup test replays it).\n", dir);
    assert_non_null(strstr(r.out, want.data));
    cmd_result_free(&r);
    char tests[600];
    snprintf(tests, sizeof tests, "%s/tests.lua", dir);
    char *text = slurp(tests, NULL);
    assert_string_equal(text,
                        "-- Playthrough tests: scaleup test runs them (see docs/authoring.md).\n"
                        "playthrough { name = \"Ana, 2 choices, to backlog (unfinished)\", role = "
                        "\"po\", seed = 4, choices = { \"call_first\", \"interview\" }, expect = { "
                        "score = { vision = 2, roadmap = 1, launch = 0, negotiation = 0 }, stats = { "
                        "runway = 8, morale = 65, users = 1, trust = 50 } } }\n");
    free(text);
    const char *test[] = {scaleup_bin(), "test", dir, NULL};
    run_cmd(test, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "PASS  Ana, 2 choices, to backlog (unfinished)\n"
                               "1 playthrough: 1 passed, 0 failed\n");
    cmd_result_free(&r);
    const char *duet[] = {scaleup_bin(), "play", dir, "--text", "--duet", "--player", "Ana",
                          "--partner", "Ben", "--seed", "4", NULL};
    run_cmd(duet, "1\nk\n", NULL, NULL, 30, &r);
    assert_non_null(strstr(r.out, "Could not keep it as a playthrough test: a duet cannot be saved "
                                  "as a playthrough test (a playthrough has one role)\n"));
    cmd_result_free(&r);
    sb_free(&want);
    rm_rf(dir);
    free(dir);
}

/* A tests file that exists but cannot be read or written is refused, never
 * replaced by the one playthrough being kept. */
static void keeping_never_replaces_a_tests_file_it_cannot_use(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[600];
    snprintf(path, sizeof path, "%s/tests.lua", dir);
    struct diag err;
    /* Not a file at all: */
    assert_int_equal(mkdir(path, 0755), 0);
    assert_false(playtest_append(path, "playthrough {}\n", NULL, &err));
    assert_non_null(strstr(err.message, "not a regular file"));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(rmdir(path), 0);
    /* Read-only (root may write anyway: then it is appended to). */
    write_file(path, "-- mine\n", 8);
    assert_int_equal(chmod(path, 0444), 0);
    if (geteuid() != 0) {
        assert_false(playtest_append(path, "playthrough {}\n", NULL, &err));
        assert_non_null(strstr(err.message, "cannot add to it: Permission denied"));
        char *text = slurp(path, NULL);
        assert_string_equal(text, "-- mine\n");
        free(text);
    }
    rm_rf(dir);
    free(dir);
}

/* A single-file scenario keeps its tests in NAME.tests.lua: the folder's
 * tests.lua may be another scenario's. */
static void a_single_file_scenario_has_its_own_tests_file(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char other[600], entry[600];
    snprintf(other, sizeof other, "%s/tests.lua", dir);
    write_file(other, "broken(", 7); /* another scenario's, broken: never read */
    snprintf(entry, sizeof entry, "%s/coin.lua", dir);
    const char *coin = "scenario { id = \"coin\", title = \"Coin\", start = \"a\",\n"
                       "  dimensions = { { id = \"vision\", name = \"Vision\" } },\n"
                       "  roles = { { id = \"po\", name = \"Product Owner\" } } }\n"
                       "scene \"a\" { choices = { { \"Goal\", next = \"b\", score = { vision = 1 } },\n"
                       "  { \"List\", next = \"b\" } } }\n"
                       "scene \"b\" { choices = { { \"Ship\", next = \"done\" } } }\n"
                       "ending \"done\" { verdict = \"success\" }\n";
    write_file(entry, coin, strlen(coin));
    struct scenario *sc = load_ok(entry);
    char path[700], want[700];
    playtest_path(sc, path, sizeof path);
    snprintf(want, sizeof want, "%s/coin.tests.lua", dir);
    assert_string_equal(path, want);
    scenario_free(sc);
    const char *play[] = {scaleup_bin(), "play", entry, "--text", "--seed", "1", "--player", "Ana",
                          NULL};
    struct cmd_result r;
    run_cmd(play, "1\nk\n1\n", NULL, NULL, 30, &r);
    struct strbuf kept;
    sb_init(&kept);
    sb_printf(&kept, "Kept as a playthrough test: %s:2 (scaleup test replays it).\n", want);
    assert_non_null(strstr(r.out, kept.data));
    cmd_result_free(&r);
    const char *test[] = {scaleup_bin(), "test", entry, NULL};
    run_cmd(test, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "PASS  Ana, 1 choice, to b (unfinished)\n"
                               "1 playthrough: 1 passed, 0 failed\n");
    cmd_result_free(&r);
    sb_free(&kept);
    rm_rf(dir);
    free(dir);
}

/* "t" in a playthrough lets the scene's timer run out, as in --choices;
 * on a scene without a timer it is a mismatch that says so. */
static void t_lets_the_timer_run_out(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char entry[600], tests[600];
    snprintf(entry, sizeof entry, "%s/main.lua", dir);
    snprintf(tests, sizeof tests, "%s/tests.lua", dir);
    const char *main_lua =
        "scenario { id = \"clock\", title = \"Clock\", start = \"a\", order = \"fixed\",\n"
        "  dimensions = { { id = \"vision\", name = \"Vision\" } },\n"
        "  roles = { { id = \"po\", name = \"Product Owner\" } } }\n"
        "scene \"a\" { timer = 30, timeout = 2, choices = {\n"
        "  { \"Decide\", next = \"won\", score = { vision = 1 } },\n"
        "  { \"Wait\", next = \"lost\" } } }\n"
        "ending \"won\" { verdict = \"success\" }\n"
        "ending \"lost\" { verdict = \"failure\" }\n";
    write_file(entry, main_lua, strlen(main_lua));
    const char *tests_lua = "playthrough { name = \"late\", choices = { \"t\" },\n"
                            "  expect = { ending = \"lost\" } }\n"
                            "playthrough { name = \"twice\", choices = { \"t\", \"t\" } }\n";
    write_file(tests, tests_lua, strlen(tests_lua));
    const char *argv[] = {scaleup_bin(), "test", dir, NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "PASS  late\n"));
    assert_non_null(strstr(r.out, "decision 2: the run already ended at 'lost'"));
    cmd_result_free(&r);
    const char *no_timer = "playthrough { name = \"untimed\", choices = { 1, \"t\" } }\n";
    const char *untimed =
        "scenario { id = \"clock\", title = \"Clock\", start = \"a\", order = \"fixed\",\n"
        "  dimensions = { { id = \"vision\", name = \"Vision\" } },\n"
        "  roles = { { id = \"po\", name = \"Product Owner\" } } }\n"
        "scene \"a\" { choices = { { \"Go\", next = \"b\" } } }\n"
        "scene \"b\" { choices = { { \"Go\", next = \"won\" } } }\n"
        "ending \"won\" { verdict = \"success\" }\n";
    write_file(entry, untimed, strlen(untimed));
    write_file(tests, no_timer, strlen(no_timer));
    run_cmd(argv, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "decision 2: \"t\" lets the timer run out, but scene 'b' has no "
                                  "timer with a timeout choice"));
    cmd_result_free(&r);
    rm_rf(dir);
    free(dir);
}

static void bundled_scenarios_pass_their_playthroughs(void **state)
{
    (void)state;
    char **list = catalog_list();
    for (char **id = list; *id; id++) {
        const char *argv[] = {scaleup_bin(), "test", *id, NULL};
        struct cmd_result r;
        run_cmd(argv, NULL, NULL, NULL, 120, &r);
        if (r.status != 0)
            fail_msg("scaleup test %s:\n%s%s", *id, r.out, r.err);
        assert_non_null(strstr(r.out, " 0 failed\n"));
        cmd_result_free(&r);
    }
    catalog_free_list(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mismatches_name_their_line),
        cmocka_unit_test(mistakes_in_a_tests_file_are_reported),
        cmocka_unit_test(a_recorded_run_becomes_a_passing_playthrough),
        cmocka_unit_test(k_in_the_terminal_keeps_the_run_as_a_test),
        cmocka_unit_test(keeping_never_replaces_a_tests_file_it_cannot_use),
        cmocka_unit_test(a_single_file_scenario_has_its_own_tests_file),
        cmocka_unit_test(t_lets_the_timer_run_out),
        cmocka_unit_test(bundled_scenarios_pass_their_playthroughs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
