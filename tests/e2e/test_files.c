/*
 * test_files.c: files that are not regular files (docs/security.md, Files).
 * A FIFO or device among a scenario's files or in a results folder is
 * refused by name, never waited on; the entry file is held to the scenario's
 * folder like includes; outputs: '-' is standard output, an existing FIFO is
 * written to and not replaced, a symbolic link is followed, and a write error
 * on standard output (/dev/full) is exit 1 with a message.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = make_temp_dir();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf(dir);
    free(dir);
    return 0;
}

static const char *at(const char *rel)
{
    static char buf[4][4300];
    static int slot;
    char *b = buf[slot++ % 4];
    snprintf(b, sizeof buf[0], "%s/%s", dir, rel);
    return b;
}

/* Runs a shell command line in dir with SCALEUP set to the binary. */
static void sh(const char *line, struct cmd_result *r)
{
    char env[4400];
    snprintf(env, sizeof env, "SCALEUP=%s", scaleup_bin());
    const char *const envs[] = {env, NULL};
    const char *argv[] = {"/bin/sh", "-c", line, NULL};
    run_cmd(argv, NULL, dir, envs, 30, r);
}

static const char scenario_head[] =
    "scenario { id = \"x\", title = \"X\", start = \"a\", dimensions = { { id = \"v\" } }, "
    "roles = { { id = \"po\" } } }\n";

static void fifos_among_scenario_files_are_refused(void **state)
{
    (void)state;
    assert_int_equal(mkdir(at("fifo-entry"), 0755), 0);
    assert_int_equal(mkfifo(at("fifo-entry/main.lua"), 0644), 0);
    struct cmd_result r;
    sh("exec \"$SCALEUP\" play fifo-entry --text", &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "fifo-entry/main.lua: error: not a regular file (a FIFO)\n");
    cmd_result_free(&r);

    assert_int_equal(mkdir(at("fifo-include"), 0755), 0);
    char text[512];
    snprintf(text, sizeof text, "%sinclude \"part.lua\"\n", scenario_head);
    write_file(at("fifo-include/main.lua"), text, strlen(text));
    assert_int_equal(mkfifo(at("fifo-include/part.lua"), 0644), 0);
    sh("exec \"$SCALEUP\" play fifo-include --text", &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "fifo-include/part.lua: error: not a regular file (a FIFO)\n");
    cmd_result_free(&r);
}

static void the_entry_file_is_held_to_its_folder(void **state)
{
    (void)state;
    assert_int_equal(mkdir(at("elsewhere"), 0755), 0);
    assert_int_equal(mkdir(at("linked"), 0755), 0);
    write_file(at("elsewhere/secret.lua"), scenario_head, strlen(scenario_head));
    assert_int_equal(symlink("../elsewhere/secret.lua", at("linked/main.lua")), 0);
    struct cmd_result r;
    sh("exec \"$SCALEUP\" play linked --text", &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "linked/main.lua: error: the file is outside the scenario's folder "
                               "(a symbolic link leads out of it)\n");
    cmd_result_free(&r);
    /* tests.lua too. */
    assert_int_equal(mkdir(at("linked-tests"), 0755), 0);
    char cmd[4600];
    snprintf(cmd, sizeof cmd, "cp '%s' linked-tests/main.lua && ln -s ../elsewhere/secret.lua "
                              "linked-tests/tests.lua && exec \"$SCALEUP\" test linked-tests",
             source_path("tests/fixtures/playtest/main.lua"));
    sh(cmd, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "linked-tests/tests.lua: error: the file is outside the "
                                  "scenario's folder (a symbolic link leads out of it)\n"));
    cmd_result_free(&r);
}

static void a_fifo_in_a_results_folder_is_skipped_by_name(void **state)
{
    (void)state;
    char cmd[4600];
    snprintf(cmd, sizeof cmd,
             "mkdir res && \"$SCALEUP\" play '%s' --text --role po --seed 1 --player Ana "
             "--choices 1,1,1,1,1,1,1,1,1,1 --results res >/dev/null && mkfifo res/zz.json && "
             "exec \"$SCALEUP\" report res --quiet",
             source_path("scenarios/tutorial"));
    struct cmd_result r;
    sh(cmd, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "scaleup: warning: res/zz.json: not a regular file (a FIFO) (skipped)\n");
    cmd_result_free(&r);
}

static void outputs_go_where_they_are_named(void **state)
{
    (void)state;
    char cmd[4600];
    const char *tutorial = source_path("scenarios/tutorial");
    struct cmd_result r;
    /* '-' is standard output. */
    snprintf(cmd, sizeof cmd, "exec \"$SCALEUP\" map '%s' --output -", tutorial);
    sh(cmd, &r);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "digraph \"tutorial\" {\n", 21) == 0);
    cmd_result_free(&r);
    /* A FIFO is written to and stays a FIFO. */
    snprintf(cmd, sizeof cmd,
             "mkfifo pipe && cat pipe > got & sleep 0.2; \"$SCALEUP\" map '%s' --output pipe; "
             "wait; head -c 21 got; test -p pipe && echo still-a-fifo",
             tutorial);
    sh(cmd, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "digraph \"tutorial\" {\nstill-a-fifo\n");
    cmd_result_free(&r);
    /* A symbolic link is followed: its target is replaced, the link stays. */
    snprintf(cmd, sizeof cmd,
             "echo old > target.dot && ln -s target.dot link.dot && "
             "\"$SCALEUP\" map '%s' --output link.dot && test -L link.dot && head -c 21 target.dot",
             tutorial);
    sh(cmd, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "digraph \"tutorial\" {\n");
    cmd_result_free(&r);
    /* A full standard output is an error. */
    snprintf(cmd, sizeof cmd, "exec \"$SCALEUP\" map '%s' > /dev/full", tutorial);
    sh(cmd, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "scaleup: error: standard output: cannot write: No space left on device\n");
    cmd_result_free(&r);
}

static void results_follow_the_umask(void **state)
{
    (void)state;
    char cmd[4600];
    snprintf(cmd, sizeof cmd,
             "mkdir private && umask 077 && \"$SCALEUP\" play '%s' --text --role po --seed 1 "
             "--player Ana --choices 1,1,1,1,1,1,1,1,1,1 --results private >/dev/null && "
             "stat -c %%a private/*.json",
             source_path("scenarios/tutorial"));
    struct cmd_result r;
    sh(cmd, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "600\n");
    cmd_result_free(&r);
}

/* Names: valid UTF-8 without controls on the command line; in xAPI by
 * mbox, names that share a slug stay three learners. */
static void names_stay_whole_and_distinct(void **state)
{
    (void)state;
    struct cmd_result r;
    sh("exec \"$SCALEUP\" play tutorial --text --role po --player \"$(printf 'Ana\\377')\"", &r);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "scaleup: error: --player: the name is not valid UTF-8 text\n");
    cmd_result_free(&r);
    sh("exec \"$SCALEUP\" play tutorial --text --role po --player \"$(printf 'Ana\\033[2J')\"", &r);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "scaleup: error: --player: the name holds a control character "
                               "(U+001B)\n");
    cmd_result_free(&r);
    char cmd[4600];
    snprintf(cmd, sizeof cmd,
             "mkdir res && for who in 'Team A' 'team-a' 'TEAM_A!'; do \"$SCALEUP\" play '%s' --text "
             "--role po --seed 1 --player \"$who\" --choices 1,1,1,1,1,1,1,1,1,1 --results res "
             ">/dev/null && sleep 1.1 || exit 9; done; \"$SCALEUP\" report res --quiet --xapi x.json "
             "--xapi-homepage https://workshop.example.com --xapi-mbox && "
             "grep -o '\"mailto:[^\"]*\"' x.json | sort -u",
             source_path("scenarios/tutorial"));
    sh(cmd, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "\"mailto:team-a-389629fb@workshop.example.com\"\n"
                               "\"mailto:team-a-576c6eff@workshop.example.com\"\n"
                               "\"mailto:team-a@workshop.example.com\"\n");
    cmd_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fifos_among_scenario_files_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(the_entry_file_is_held_to_its_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fifo_in_a_results_folder_is_skipped_by_name, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(outputs_go_where_they_are_named, setup, teardown),
        cmocka_unit_test_setup_teardown(results_follow_the_umask, setup, teardown),
        cmocka_unit_test_setup_teardown(names_stay_whole_and_distinct, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
