/*
 * test_explore.c: scaleup explore on tests/fixtures/explore/branch.lua,
 * whose state graph is small enough to count by hand (see the fixture), and
 * on every bundled scenario, which must explore without a finding.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/catalog.h"
#include "support.h"

static cJSON *explore_json(const char *const *extra, int *status)
{
    const char *argv[16] = {scaleup_bin(), "explore"};
    int n = 2;
    for (const char *const *e = extra; *e; e++)
        argv[n++] = *e;
    argv[n++] = "--json";
    argv[n] = NULL;
    struct cmd_result r;
    run_cmd(argv, NULL, test_path("fixtures/explore"), NULL, 120, &r);
    *status = r.status;
    cJSON *root = cJSON_Parse(r.out);
    if (!root)
        fail_msg("not JSON: %s%s", r.out, r.err);
    cmd_result_free(&r);
    return root;
}

static int num(cJSON *o, const char *key)
{
    cJSON *v = cJSON_GetObjectItem(o, key);
    if (!cJSON_IsNumber(v))
        fail_msg("no number %s", key);
    return v->valueint;
}

static void choices_are(cJSON *path, int a, int b)
{
    cJSON *c = cJSON_GetObjectItem(path, "choices");
    assert_int_equal(cJSON_GetArraySize(c), 2);
    assert_int_equal(cJSON_GetArrayItem(c, 0)->valueint, a);
    assert_int_equal(cJSON_GetArrayItem(c, 1)->valueint, b);
}

static void exhaustive_counts_every_state_once(void **state)
{
    (void)state;
    int status;
    cJSON *root = explore_json((const char *const[]){"branch.lua", "--exhaustive", NULL}, &status);
    assert_int_equal(status, 1); /* a dead end and an error were found */
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "complete")));
    assert_int_equal(num(root, "states"), 5);
    assert_int_equal(num(root, "choices"), 4);
    assert_int_equal(num(root, "playthroughs"), 2);
    assert_int_equal(num(root, "scenes_total"), 6);
    assert_int_equal(num(root, "scenes_reached"), 5);
    cJSON *un = cJSON_GetObjectItem(root, "unreached");
    assert_int_equal(cJSON_GetArraySize(un), 1);
    assert_string_equal(cJSON_GetArrayItem(un, 0)->valuestring, "stuck");
    cJSON *endings = cJSON_GetObjectItem(root, "endings");
    assert_int_equal(num(endings, "win"), 1);
    assert_int_equal(num(endings, "lose"), 1);
    cJSON *dead = cJSON_GetObjectItem(root, "dead_ends");
    assert_int_equal(cJSON_GetArraySize(dead), 1);
    choices_are(cJSON_GetArrayItem(dead, 0), 2, 1);
    assert_non_null(strstr(cJSON_GetObjectItem(cJSON_GetArrayItem(dead, 0), "message")->valuestring,
                           "branch.lua:24: error: dead end: scene 'stuck' offers no choice"));
    cJSON *errors = cJSON_GetObjectItem(root, "errors");
    assert_int_equal(cJSON_GetArraySize(errors), 1);
    choices_are(cJSON_GetArrayItem(errors, 0), 2, 2);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(errors, 0), "message")->valuestring,
                        "branch.lua:22: error: in the act of choice 2 in scene 'c': the act fails");
    cJSON *vision = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "score"), "vision");
    assert_int_equal(num(vision, "min"), 0);
    assert_true(cJSON_GetObjectItem(vision, "mean")->valuedouble == 1.5);
    assert_int_equal(num(vision, "max"), 3);
    cJSON *best = cJSON_GetObjectItem(root, "best");
    assert_string_equal(cJSON_GetObjectItem(best, "role")->valuestring, "po");
    choices_are(best, 1, 1);
    assert_int_equal(num(best, "weighted"), 3);
    choices_are(cJSON_GetObjectItem(root, "worst"), 1, 2);
    assert_int_equal(num(cJSON_GetObjectItem(root, "turns"), "2"), 2);
    assert_true(cJSON_IsNumber(cJSON_GetObjectItem(root, "seconds")));
    cJSON_Delete(root);
}

static void random_playthroughs_find_the_same_and_replay(void **state)
{
    (void)state;
    int status;
    cJSON *root = explore_json((const char *const[]){"branch.lua", "--random", "200", "--seed", "9",
                                                     "--all-runs", NULL},
                               &status);
    assert_int_equal(status, 1);
    assert_int_equal(num(root, "playthroughs") + 0, num(cJSON_GetObjectItem(root, "endings"), "win") +
                                                        num(cJSON_GetObjectItem(root, "endings"), "lose"));
    /* Every run either reached an ending or stopped at an error or dead end. */
    assert_true(num(root, "runs_failed") > 0);
    assert_int_equal(num(root, "playthroughs") + num(root, "runs_failed"), 200);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "dead_ends")), 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "errors")), 1);
    /* The error's seed and choices replay to the same error. */
    cJSON *e = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "errors"), 0);
    char seed[32];
    snprintf(seed, sizeof seed, "%.0f", cJSON_GetObjectItem(e, "seed")->valuedouble);
    const char *argv[] = {scaleup_bin(), "play", "branch.lua", "--text", "--seed", seed,
                          "--choices", "2,2", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, test_path("fixtures/explore"), NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "branch.lua:22: error: in the act of choice 2 in scene 'c': the act fails\n");
    cmd_result_free(&r);
    cJSON_Delete(root);
    /* Same seed, same report. */
    cJSON *again = explore_json((const char *const[]){"branch.lua", "--random", "200", "--seed", "9",
                                                      NULL},
                                &status);
    cJSON *first = explore_json((const char *const[]){"branch.lua", "--random", "200", "--seed", "9",
                                                      NULL},
                                &status);
    cJSON_DeleteItemFromObject(again, "seconds");
    cJSON_DeleteItemFromObject(first, "seconds");
    assert_true(cJSON_Compare(again, first, true));
    cJSON_Delete(again);
    cJSON_Delete(first);
}

/* The text report's replay command names the scenario as it was given (a
 * path from where explore ran, not the scenario's id) and, run from there,
 * gives the same error. */
static void the_replay_command_runs_as_printed(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "explore", "fixtures/explore/branch.lua", "--exhaustive", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, test_path(""), NULL, 120, &r);
    assert_int_equal(r.status, 1);
    const char *err = strstr(r.out, "  run-time error: ");
    assert_non_null(err);
    const char *replay = strstr(err, "    replay: scaleup play ");
    assert_non_null(replay);
    replay += strlen("    replay: scaleup ");
    char line[512];
    snprintf(line, sizeof line, "%.*s", (int)strcspn(replay, "\n"), replay);
    assert_non_null(strstr(line, "play fixtures/explore/branch.lua --text --role po --seed "));
    assert_non_null(strstr(line, " --choices 2,2"));
    const char *words[16] = {scaleup_bin()};
    int n = 1;
    for (char *w = strtok(line, " "); w && n < 15; w = strtok(NULL, " "))
        words[n++] = w;
    words[n] = NULL;
    struct cmd_result p;
    run_cmd(words, NULL, test_path(""), NULL, 30, &p);
    assert_int_equal(p.status, 1);
    assert_string_equal(p.err, "fixtures/explore/branch.lua:22: error: in the act of choice 2 in scene 'c': the act fails\n");
    cmd_result_free(&p);
    cmd_result_free(&r);
}

static void a_declared_best_below_a_real_path_is_a_finding(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "explore", "best-too-low.lua", "--exhaustive", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, test_path("fixtures/explore"), NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "  best: the scenario declares best.po = 2, but a path scores 3\n"));
    cmd_result_free(&r);
}

/* explore --duet on duet-best.lua: one secret decision per run, and a
 * disagreement always goes to the conflict scene "talk" (whose single
 * choice both then take, agreeing). So the conflict scene is reached once
 * per disagreement, and the text report says the same as the JSON. */
static void duets_report_alignment_and_conflict_scenes(void **state)
{
    (void)state;
    int status;
    const char *extra[] = {"../games/duet-best.lua", "--duet", "--random", "400", NULL};
    cJSON *root = explore_json(extra, &status);
    assert_int_equal(status, 0);
    cJSON *duet = cJSON_GetObjectItem(root, "duet");
    int agreed = num(duet, "picks_agreed"), differed = num(duet, "picks_differed");
    int talks = num(cJSON_GetObjectItem(duet, "conflict_scenes"), "talk");
    assert_int_equal(talks, differed);
    assert_int_equal(agreed + differed, 400 + differed);
    assert_true(differed > 100 && differed < 300); /* two fair picks differ half the time */
    cJSON_Delete(root);
    const char *argv[] = {scaleup_bin(), "explore", "../games/duet-best.lua", "--duet", "--random",
                          "400", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, test_path("fixtures/explore"), NULL, 30, &r);
    assert_int_equal(r.status, 0);
    char want[200];
    snprintf(want, sizeof want,
             "  duet: secret picks agreed %d of %d (%.0f%%)\n"
             "  conflict scenes reached (times): talk %d\n",
             agreed, agreed + differed, 100.0 * agreed / (agreed + differed), talks);
    assert_non_null(strstr(r.out, want));
    cmd_result_free(&r);
}

static void too_many_states_stop_with_a_message(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "explore", "tutorial", "--exhaustive", "--max-states", "100", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, NULL, 30, &r);
    assert_non_null(strstr(r.out, "(stopped: more than --max-states states; raise it, or use --random)"));
    /* The budget is each role's: the second role is explored too, and the
     * scenes a cut-short search missed are not called never reached. */
    assert_non_null(strstr(r.out, "  Product Owner: points"));
    assert_non_null(strstr(r.out, "  Product Manager: points"));
    assert_null(strstr(r.out, "never reached"));
    cmd_result_free(&r);
}

static void bundled_scenarios_explore_clean(void **state)
{
    (void)state;
    char **list = catalog_list();
    for (char **id = list; *id; id++) {
        /* Exhaustive where the state space allows (the tutorial), random
         * otherwise: the flagship scenarios have millions of states, and 30000
         * seeded playthroughs reach every scene of each (checked by the
         * "unreached" assertion below), in seconds. The workshop cut of Seed
         * to Scale starts from a sound first year, so running out of cash
         * twice is rare there: 5000 runs never did, 30000 do (6 times). */
        const char *argv[] = {scaleup_bin(), "explore", *id, "--exhaustive", "--max-states",
                              "100000", "--json", NULL};
        struct cmd_result r;
        run_cmd(argv, NULL, NULL, NULL, 600, &r);
        cJSON *root = cJSON_Parse(r.out);
        if (!root)
            fail_msg("%s: %s", *id, r.err);
        if (!cJSON_IsTrue(cJSON_GetObjectItem(root, "complete"))) {
            cJSON_Delete(root);
            cmd_result_free(&r);
            const char *rargv[] = {scaleup_bin(), "explore", *id, "--random", "30000", "--json", NULL};
            run_cmd(rargv, NULL, NULL, NULL, 600, &r);
            root = cJSON_Parse(r.out);
        }
        if (r.status != 0)
            fail_msg("scaleup explore %s found problems:\n%s", *id, r.out);
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "unreached")), 0);
        cJSON_Delete(root);
        cmd_result_free(&r);
    }
    catalog_free_list(list);
}

/* explore --policies on the bundled scenarios: their figures change with
 * the content, so this checks the shape and what always holds: every
 * policy of every role, min <= mean <= max within 0-100, an exact best
 * (or one marked as an estimate, for the one scenario whose search misses
 * its budget). */
static void bundled_scenarios_report_policies(void **state)
{
    (void)state;
    static const char *const names[] = {"first", "last", "longest", "shortest", "random", "greedy"};
    char **list = catalog_list();
    for (char **id = list; *id; id++) {
        const char *argv[] = {scaleup_bin(), "explore", *id, "--random", "10", "--policies", "--seeds",
                              "2", "--json", NULL};
        struct cmd_result r;
        run_cmd(argv, NULL, NULL, NULL, 600, &r);
        assert_int_equal(r.status, 0);
        cJSON *root = cJSON_Parse(r.out);
        if (!root)
            fail_msg("%s: %s", *id, r.err);
        cJSON *pol = cJSON_GetObjectItem(root, "policies");
        assert_non_null(pol);
        assert_int_equal(cJSON_GetObjectItem(pol, "seeds")->valueint, 2);
        int roles = 0;
        cJSON *role;
        cJSON_ArrayForEach(role, pol) {
            if (!cJSON_IsObject(role))
                continue;
            roles++;
            /* Every bundled best is exact within the search's budget, but
             * the full Seed to Scale run's may be an estimate here: its PO
             * search for the first seed needs 2.05 million states, about
             * 5 s on two idle cores, within the 10 s the search is given,
             * but this test shares the machine with the others, and there
             * the clock can stop it first (docs/performance.md). */
            cJSON *exact = cJSON_GetObjectItem(cJSON_GetObjectItem(role, "best"), "exact");
            if (strcmp(*id, "seed-to-scale") == 0)
                assert_true(cJSON_IsBool(exact));
            else if (!cJSON_IsTrue(exact))
                fail_msg("%s %s: the best is not exact", *id, role->string);
            for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
                cJSON *f = cJSON_GetObjectItem(role, names[i]);
                if (!f)
                    fail_msg("%s %s: no %s", *id, role->string, names[i]);
                double mean = cJSON_GetObjectItem(f, "mean")->valuedouble;
                double min = cJSON_GetObjectItem(f, "min")->valuedouble;
                double max = cJSON_GetObjectItem(f, "max")->valuedouble;
                assert_true(0 <= min && min <= mean + 0.05 && mean <= max + 0.05 && max <= 100);
            }
        }
        assert_true(roles >= 1);
        cJSON_Delete(root);
        cmd_result_free(&r);
    }
    catalog_free_list(list);
}

/* --jobs splits the playthroughs between processes and merges the parts in
 * order: the report is the same, character for character, for any number
 * of jobs (the timings aside), for --random (split by run) and --exhaustive
 * (split by role). branch.lua has a dead end and a run-time
 * error, so findings are merged too; duet.lua plays duets. */
static char *report_without_times(const char *dir, const char *const *args)
{
    const char *argv[16] = {scaleup_bin(), "explore"};
    int n = 2;
    for (const char *const *a = args; *a; a++)
        argv[n++] = *a;
    argv[n] = NULL;
    struct cmd_result r;
    run_cmd(argv, NULL, dir, NULL, 120, &r);
    char *out = strdup(r.out);
    cmd_result_free(&r);
    /* Drop the lines that carry a time: "in 0.01 s", "choices per second",
     * "seconds". */
    char *w = out;
    for (char *line = out; *line;) {
        char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line + 1) : strlen(line);
        bool timed = false;
        for (const char *k = line; k < line + len && !timed; k++)
            timed = strncmp(k, " s\n", 3) == 0 || strncmp(k, " s (", 4) == 0 ||
                    strncmp(k, "per second", 10) == 0 || strncmp(k, "\"seconds\"", 9) == 0;
        if (!timed) {
            memmove(w, line, len);
            w += len;
        }
        line += len;
    }
    *w = '\0';
    return out;
}

/* --strict makes a scene never reached a finding: exit code 1; without it
 * the same report exits 0. */
static void strict_counts_unreached_scenes(void **state)
{
    (void)state;
    const char *plain[] = {scaleup_bin(), "explore", "unreachable.lua", "--random", "50", NULL};
    const char *strict[] = {scaleup_bin(), "explore", "unreachable.lua", "--random", "50", "--strict",
                            NULL};
    struct cmd_result a, b;
    run_cmd(plain, NULL, test_path("fixtures/lint"), NULL, 60, &a);
    run_cmd(strict, NULL, test_path("fixtures/lint"), NULL, 60, &b);
    assert_int_equal(a.status, 0);
    assert_int_equal(b.status, 1);
    assert_non_null(strstr(a.out, "scenes reached 4 of 5; never reached: c\n"));
    assert_non_null(strstr(b.out, "scenes reached 4 of 5; never reached: c\n"));
    cmd_result_free(&a);
    cmd_result_free(&b);
}

static void jobs_give_the_same_report(void **state)
{
    (void)state;
    static const char *const runs[][10] = {
        {"branch.lua", "--random", "500", "--seed", "3", NULL},
        {"branch.lua", "--random", "77", "--seed", "11", "--json", NULL},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        const char *one[12], *two[12];
        int n = 0;
        for (; runs[i][n]; n++)
            one[n] = two[n] = runs[i][n];
        one[n] = "--jobs", two[n] = "--jobs";
        one[n + 1] = "1";
        one[n + 2] = two[n + 2] = NULL;
        char *a = report_without_times(test_path("fixtures/explore"), one);
        assert_true(strlen(a) > 100);
        /* 2 jobs; 7, whose third part holds the stop at a repeated error
         * (branch.lua --random 500 --seed 3 stops after playthrough 86). */
        static const char *const counts[] = {"2", "7"};
        for (size_t k = 0; k < 2; k++) {
            two[n + 1] = counts[k];
            char *b = report_without_times(test_path("fixtures/explore"), two);
            assert_string_equal(a, b);
            free(b);
        }
        free(a);
    }
    /* --exhaustive: each role (duet.lua has two) in its own worker, merged
     * in role order. */
    static const char *const roles[][6] = {{"duet.lua", "--exhaustive", "--jobs", "1", NULL},
                                           {"duet.lua", "--exhaustive", "--jobs", "2", NULL},
                                           {"duet.lua", "--exhaustive", "--json", "--jobs", "1", NULL},
                                           {"duet.lua", "--exhaustive", "--json", "--jobs", "2", NULL}};
    for (size_t i = 0; i < 4; i += 2) {
        char *x = report_without_times(test_path("fixtures/games"), roles[i]);
        char *y = report_without_times(test_path("fixtures/games"), roles[i + 1]);
        assert_true(strlen(x) > 50);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    const char *duet1[] = {"duet.lua", "--duet", "--random", "300", "--jobs", "1", NULL};
    const char *duet2[] = {"duet.lua", "--duet", "--random", "300", "--jobs", "2", NULL};
    char *a = report_without_times(test_path("fixtures/games"), duet1);
    char *b = report_without_times(test_path("fixtures/games"), duet2);
    assert_true(strlen(a) > 100);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* A scene that fails on every path: random exploration stops after the
 * same run-time error's 20th time (EXPLORE_STOP_REPEATS), counted in
 * playthroughs, says how many it skipped and how to play them all; the
 * report is the same with --jobs; --all-runs plays every run. */
static void a_repeated_error_stops_the_exploration(void **state)
{
    (void)state;
    static const char expected[] =
        "  stopped after playthrough 20 of 1000: the run-time error at always-fails.lua:6 came 20 "
        "times; 980 playthroughs skipped (--all-runs plays them all)\n"
        "  20 of 20 runs stopped at an error or a dead end (below); the points are of the 0 that "
        "reached an ending\n"
        "  scenes reached 1 of 2; not reached (paths that stopped at an error may lead there): done\n"
        "  endings: done 0 (success)\n"
        "  dead ends: none\n"
        "  run-time error: always-fails.lua:6: error: in the act of choice 1 in scene 'a': the loop "
        "never ends at step 0\n"
        "    replay: scaleup play always-fails.lua --text --role po --seed 2865243701271745 --choices 1\n"
        "  decisions per run:\n";
    static const char *const jobs[] = {"1", "4"};
    for (size_t j = 0; j < 2; j++) {
        const char *args[] = {"always-fails.lua", "--random", "1000", "--jobs", jobs[j], NULL};
        char *out = report_without_times(test_path("fixtures/explore"), args);
        assert_string_equal(out, expected);
        free(out);
    }
    int status;
    cJSON *root = explore_json((const char *const[]){"always-fails.lua", "--random", "1000", NULL},
                               &status);
    assert_int_equal(status, 1);
    assert_int_equal(num(root, "runs_failed"), 20);
    assert_int_equal(num(root, "runs_skipped"), 980);
    assert_false(cJSON_IsTrue(cJSON_GetObjectItem(root, "complete")));
    cJSON_Delete(root);
    root = explore_json((const char *const[]){"always-fails.lua", "--random", "1000", "--all-runs",
                                              NULL},
                        &status);
    assert_int_equal(status, 1);
    assert_int_equal(num(root, "runs_failed"), 1000);
    assert_int_equal(num(root, "runs_skipped"), 0);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "complete")));
    cJSON_Delete(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exhaustive_counts_every_state_once),
        cmocka_unit_test(random_playthroughs_find_the_same_and_replay),
        cmocka_unit_test(the_replay_command_runs_as_printed),
        cmocka_unit_test(a_declared_best_below_a_real_path_is_a_finding),
        cmocka_unit_test(duets_report_alignment_and_conflict_scenes),
        cmocka_unit_test(too_many_states_stop_with_a_message),
        cmocka_unit_test(bundled_scenarios_explore_clean),
        cmocka_unit_test(bundled_scenarios_report_policies),
        cmocka_unit_test(jobs_give_the_same_report),
        cmocka_unit_test(strict_counts_unreached_scenes),
        cmocka_unit_test(a_repeated_error_stops_the_exploration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
