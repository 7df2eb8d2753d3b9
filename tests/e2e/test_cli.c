/*
 * test_cli.c: the scaleup binary end to end: the terminal player's exact
 * transcript for a fixed seed and choice list (golden file), byte-identical
 * twice and the same from standard input; exit codes; every error a single
 * FILE:LINE: error: WHAT line; help and version.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "commands.h"
#include "core/utf8.h"
#include "core/util.h"
#include "support.h"

static struct cmd_result run(const char *const *args, const char *input)
{
    const char *argv[32];
    int n = 0;
    argv[n++] = scaleup_bin();
    for (const char *const *a = args; *a && n < 31; a++)
        argv[n++] = *a;
    argv[n] = NULL;
    struct cmd_result r;
    run_cmd(argv, input, source_path(""), NULL, 30, &r);
    return r;
}

#define RUN(input, ...) run((const char *const[]){__VA_ARGS__, NULL}, input)

/* The numbers as shown with seed 1: in the author's order the path is
 * 1,1,3,1,3,1,3,1 (the options are shuffled). */
static const char *golden_choices = "2,3,1,1,3,2,3,2,1";

/* out is the golden transcript tests/e2e/golden/NAME.txt, byte for byte;
 * when it is not, the new one is left in /tmp for a diff. */
static void assert_golden(const char *out, const char *name)
{
    char golden_path[200], actual[200];
    snprintf(golden_path, sizeof golden_path, "e2e/golden/%s.txt", name);
    snprintf(actual, sizeof actual, "/tmp/scaleup-%s.actual.txt", name);
    char *golden = slurp(test_path(golden_path), NULL);
    assert_non_null(golden);
    if (strcmp(out, golden) != 0) {
        FILE *f = fopen(actual, "w");
        fputs(out, f);
        fclose(f);
        fail_msg("the transcript differs from tests/%s; see %s", golden_path, actual);
    }
    free(golden);
}

static void the_transcript_matches_the_golden_file(void **state)
{
    (void)state;
    struct cmd_result r = RUN(NULL, "play", "tutorial", "--text", "--role", "po", "--player", "Ana",
                              "--seed", "1", "--choices", golden_choices);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_golden(r.out, "tutorial-po-seed1");
    cmd_result_free(&r);
}

static void the_same_input_gives_the_same_bytes(void **state)
{
    (void)state;
    struct cmd_result a = RUN(NULL, "play", "tutorial", "--text", "--role", "pm", "--seed", "77",
                              "--choices", "2,2,4,3,1,1,1");
    struct cmd_result b = RUN(NULL, "play", "tutorial", "--text", "--role", "pm", "--seed", "77",
                              "--choices", "2,2,4,3,1,1,1");
    assert_int_equal(a.status, 0);
    assert_string_equal(a.out, b.out);
    /* Piped standard input plays the same game as --choices. */
    struct cmd_result c = RUN("2\n2\n4\n3\n1\n1\n1\n", "play", "tutorial", "--text", "--role", "pm",
                              "--seed", "77");
    assert_int_equal(c.status, 0);
    assert_string_equal(a.out, c.out);
    cmd_result_free(&a);
    cmd_result_free(&b);
    cmd_result_free(&c);
}

static void usage_errors_exit_2_with_one_line(void **state)
{
    (void)state;
    static const struct {
        const char *args[12];
        const char *err;
    } cases[] = {
        {{"play", "tutorial", "--text", NULL},
         "scaleup: error: choose a role with --role; the roles of tutorial are: po (Product "
         "Owner), pm (Product Manager)\n"},
        {{"play", "tutorial", "--text", "--role", "ceo", NULL},
         "scaleup: error: 'ceo' is not a role of tutorial; the roles are: po (Product Owner), pm "
         "(Product Manager)\n"},
        {{"play", "tutorial", "--text", "--bogus", NULL},
         "scaleup: error: unknown option '--bogus' (see scaleup play --help)\n"},
        {{"play", "tutorial", "--text", "--seed", "-4", NULL},
         "scaleup: error: --seed takes a whole number from 0 to 2^53-1\n"},
        {{"play", "tutorial", "--text", "--choices", "1,x", NULL},
         "scaleup: error: --choices takes numbers separated by commas, like 1,3,2 (t: time out, u: "
         "undo)\n"},
        {{"play", "tutorial", "--text", "--role", "po", "--seed", "1", "--choices", "1,9", NULL},
         "scaleup: error: '9' at scene 'first_customer' (decision 2) is not one of the choices 1 to "
         "2\n"},
        {{"play", "tutorial", "--text", "--role", "po", "--seed", "1", "--choices", "1,1", NULL},
         "scaleup: error: the --choices list ran out at scene 'backlog' (after 2 decisions), before "
         "an ending\n"},
        {{"frobnicate", NULL}, "scaleup: error: unknown command 'frobnicate' (try scaleup --help)\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cmd_result r = run(cases[i].args, NULL);
        if (r.status != 2 || strcmp(r.err, cases[i].err) != 0)
            fail_msg("case %zu: status %d, stderr: %s", i, r.status, r.err);
        cmd_result_free(&r);
    }
    struct cmd_result r = RUN(NULL, "play", "no-such-scenario", "--text");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "scaleup: error: no scenario 'no-such-scenario': not a folder, a "
                                  ".lua file or a bundled scenario (bundled: "));
    assert_non_null(strstr(r.err, "tutorial"));
    cmd_result_free(&r);
}

/* Every command that loads a scenario takes every limit option from the
 * one table (cli_limit_name): a value is checked with the option's own
 * message, a missing one is named as missing (not an unknown option), and
 * a good one is taken. */
static void every_command_with_limits_takes_every_limit_option(void **state)
{
    (void)state;
    static const struct {
        const char *name, *error;
    } limits[] = {
        {"max-memory", "--max-memory takes mebibytes from 1 to 4096"},
        {"max-instructions", "--max-instructions takes a number from 1000 up"},
        {"max-call-ms", "--max-call-ms takes milliseconds from 1 to 600000"},
    };
    assert_int_equal(CLI_LIMIT_COUNT, COUNT_OF(limits));
    assert_null(cli_limit_name(CLI_LIMIT_COUNT));
    static const char *const commands[] = {"play", "lint", "explore", "host"};
    for (size_t c = 0; c < COUNT_OF(commands); c++) {
        struct cmd_result r = RUN(NULL, commands[c], "--help");
        bool built = r.status == 0;
        cmd_result_free(&r);
        if (!built && strcmp(commands[c], "host") == 0)
            continue; /* built without the browser host */
        assert_true(built);
        for (int i = 0; i < CLI_LIMIT_COUNT; i++) {
            assert_string_equal(cli_limit_name(i), limits[i].name);
            char opt[64], want[200];
            str_format(opt, sizeof opt, "--%s", limits[i].name);
            r = RUN(NULL, commands[c], opt, "0", "tutorial");
            str_format(want, sizeof want, "scaleup: error: %s\n", limits[i].error);
            if (r.status != 2 || strcmp(r.err, want) != 0)
                fail_msg("%s %s 0: status %d, stderr: %s", commands[c], opt, r.status, r.err);
            cmd_result_free(&r);
            r = RUN(NULL, commands[c], opt);
            str_format(want, sizeof want, "scaleup: error: %s needs a value (see scaleup %s --help)\n", opt,
                       commands[c]);
            if (r.status != 2 || strcmp(r.err, want) != 0)
                fail_msg("%s %s: status %d, stderr: %s", commands[c], opt, r.status, r.err);
            cmd_result_free(&r);
            r = RUN(NULL, commands[c], opt, "4000", "--help");
            if (r.status != 0 || r.err[0])
                fail_msg("%s %s 4000 --help: status %d, stderr: %s", commands[c], opt, r.status, r.err);
            cmd_result_free(&r);
        }
    }
}

static void scenario_errors_exit_1_with_file_and_line(void **state)
{
    (void)state;
    struct cmd_result r = RUN(NULL, "play", "tests/fixtures/errors/unknown-stat.lua", "--text",
                              "--role", "po");
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "tests/fixtures/errors/unknown-stat.lua:11: error: unknown stat "
                               "'runwya' in effects (did you mean 'runway'?)\n");
    assert_string_equal(r.out, "");
    cmd_result_free(&r);
    /* A run-time error: the transcript up to it, then one line. */
    r = RUN(NULL, "play", "tests/fixtures/games/rules.lua", "--text", "--role", "po", "--seed",
            "1", "--choices", "3");
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "tests/fixtures/games/rules.lua:36: error: in the act of choice 3 "
                               "in scene 'a': boom\n");
    cmd_result_free(&r);
}

/* The result file a run of the tutorial by Ana wrote in dir, into name. */
static void anas_result_file(const char *dir, char *name, size_t cap)
{
    char cmd[800];
    snprintf(cmd, sizeof cmd, "ls %s/tutorial-ana-*.json", dir);
    FILE *p = popen(cmd, "r");
    name[0] = '\0';
    assert_non_null(fgets(name, (int)cap, p));
    pclose(p);
    name[strcspn(name, "\n")] = '\0';
}

/* A run file that cannot be resumed is named and never changed. */
static void resume_refuses_bad_files(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[600];
    static const struct {
        const char *name, *content, *err;
    } cases[] = {
        {"truncated.json", "{\"format\": \"scaleup-result/1\", \"scenario\": {\"id",
         "truncated.json: error: not a result file: it is not valid JSON (truncated?)\n"},
        {"future.json", "{\"format\": \"scaleup-result/3\", \"decisions\": []}",
         "future.json: error: a result file of another format (\"scaleup-result/3\"); this version "
         "reads \"scaleup-result/2\" and \"scaleup-result/1\"\n"},
        {"latin1.json", "{\"player\": \"Caf\xe9\"}",
         "latin1.json: error: not a result file: it is not UTF-8 text\n"},
        {"other-scenario.json",
         "{\"format\": \"scaleup-result/1\", \"scenario\": {\"id\": \"the-offer\"}, \"seed\": 1, "
         "\"player\": \"x\", \"role\": \"po\", \"decisions\": []}",
         "scaleup: error: the run is of scenario 'the-offer', not 'tutorial'\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, cases[i].name);
        FILE *f = fopen(path, "w");
        fputs(cases[i].content, f);
        fclose(f);
        const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--resume", cases[i].name,
                              NULL};
        struct cmd_result r;
        run_cmd(argv, NULL, dir, NULL, 30, &r);
        assert_int_equal(r.status, 1);
        if (strcmp(r.err, cases[i].err) != 0)
            fail_msg("%s: %s", cases[i].name, r.err);
        char *after = slurp(path, NULL);
        assert_string_equal(after, cases[i].content);
        free(after);
        cmd_result_free(&r);
    }
    /* Enormous: refused before it is read. */
    snprintf(path, sizeof path, "%s/huge.json", dir);
    FILE *f = fopen(path, "w");
    fclose(f);
    assert_int_equal(truncate(path, 17 * 1024 * 1024), 0);
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--resume", "huge.json", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, dir, NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "huge.json: error: the file is 17825792 bytes, over the limit of "
                               "16777216\n");
    cmd_result_free(&r);
    rm_rf(dir);
    free(dir);
}

/* A good file: three decisions, then four more in the same file (by id the
 * path is call_first, free_pilot, value_effort, then say_no, staged,
 * ask_terms, sell_more; shown with seed 8 as below). */
static void resume_continues_a_good_file_in_place(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    {
        const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--role", "pm", "--player",
                              "Ana", "--seed", "8", "--choices", "1,1,1", "--results", dir, NULL};
        struct cmd_result r;
        run_cmd(argv, NULL, dir, NULL, 30, &r);
        assert_int_equal(r.status, 2); /* the list ran out before an ending */
        cmd_result_free(&r);
    }
    char name[600];
    anas_result_file(dir, name, sizeof name);
    {
        const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--resume", name,
                              "--choices", "1,3,3,1", NULL};
        struct cmd_result r;
        run_cmd(argv, NULL, dir, NULL, 30, &r);
        assert_int_equal(r.status, 0);
        assert_non_null(strstr(r.out, "Ana plays the Product Manager. Seed 8.\n"));
        assert_non_null(strstr(r.out, "(Resumed after 3 decisions.)"));
        assert_non_null(strstr(r.out, "══ Ready to Scale ══"));
        cmd_result_free(&r);
    }
    char *text = slurp(name, NULL);
    assert_non_null(strstr(text, "\"turn\":\t7"));
    assert_non_null(strstr(text, "\"verdict\":\t\"success\""));
    free(text);
    rm_rf(dir);
    free(dir);
}

/* Plays the scripted duet (Ana the PO, Ben the PM) with its results in dir;
 * its result file into name. */
static struct cmd_result play_scripted_duet(const char *dir, char *name, size_t cap)
{
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--duet", "--player", "Ana",
                          "--partner", "Ben", "--seed", "1", "--choices",
                          "2,3,2,1,1,3,2,1,3,3,2,2,1,1", "--results", dir, NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, source_path(""), NULL, 30, &r);
    assert_int_equal(r.status, 0);
    anas_result_file(dir, name, cap);
    return r;
}

/* The scripted duet's players in its result file (root): the scores worked
 * out by hand above a_scripted_duet_scores_each_player. */
static void assert_duet_players(cJSON *root)
{
    cJSON *players = cJSON_GetObjectItem(root, "players");
    assert_int_equal(cJSON_GetArraySize(players), 2);
    cJSON *ana = cJSON_GetArrayItem(players, 0), *ben = cJSON_GetArrayItem(players, 1);
    assert_string_equal(cJSON_GetObjectItem(ana, "role")->valuestring, "po");
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(ana, "score"), "vision")->valueint, 9);
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(ana, "score"), "roadmap")->valueint, 7);
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(ana, "score"), "negotiation")->valueint, 4);
    assert_int_equal(cJSON_GetObjectItem(ana, "weighted")->valueint, 37);
    assert_string_equal(cJSON_GetObjectItem(ben, "name")->valuestring, "Ben");
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(ben, "score"), "negotiation")->valueint, 9);
    assert_int_equal(cJSON_GetObjectItem(ben, "weighted")->valueint, 27);
}

/* The scripted duet's alignment and its conflict (decision 6, the sales
 * call) in its result file (root). */
static void assert_duet_disagreements(cJSON *root)
{
    cJSON *al = cJSON_GetObjectItem(root, "alignment");
    assert_int_equal(cJSON_GetObjectItem(al, "agreed")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItem(al, "secret")->valueint, 3);
    cJSON *dis = cJSON_GetObjectItem(al, "disagreed");
    assert_int_equal(cJSON_GetArraySize(dis), 2);
    assert_int_equal(cJSON_GetArrayItem(dis, 1)->valueint, 6);
    cJSON *d6 = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "decisions"), 5);
    assert_string_equal(cJSON_GetObjectItem(d6, "scene")->valuestring, "sales_call");
    assert_string_equal(cJSON_GetObjectItem(d6, "outcome")->valuestring, "conflict");
    assert_string_equal(cJSON_GetObjectItem(d6, "by")->valuestring, "both");
    cJSON *pm = cJSON_GetObjectItem(cJSON_GetObjectItem(d6, "picks"), "pm");
    assert_string_equal(cJSON_GetObjectItem(pm, "choice")->valuestring, "paid_pilot");
    assert_int_equal(cJSON_GetObjectItem(pm, "number")->valueint, 1); /* as shown to the PM */
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(pm, "score"), "negotiation")->valueint, 2);
}

/* A scripted duet (Ana the PO, Ben the PM): a scene settled by the
 * scenario's settle (the first customer is the PM's question), an agreement,
 * scenes each role decides alone (each their own pay talk), and a
 * disagreement that goes to the conflict scene. Scores worked out by hand:
 *   Ana: vision 1+3+2+1+2 = 9, roadmap 1+1+4+1 = 7, launch 1, negotiation 1+1+2 = 4 -> 37
 *   Ben: vision 2, roadmap 1+1 = 2, launch 1+2+3 = 6, negotiation 2+2+2+3 = 9 -> 27 */
static void a_scripted_duet_scores_each_player(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char name[600];
    struct cmd_result r = play_scripted_duet(dir, name, sizeof name);
    assert_golden(r.out, "tutorial-duet-seed1");
    assert_non_null(strstr(r.out, "  You disagree: the Product Manager's pick stands, as the scenario "
                                  "settles it.\n"));
    assert_non_null(strstr(r.out, "  You disagree: now talk it out.\n"));
    assert_non_null(strstr(r.out, "── Growth · One Answer for the Chain ──"));
    assert_non_null(strstr(r.out, "Alignment: your secret picks agreed 1 of 3 times (33%). You "
                                  "disagreed at: Dr\nOkafor's Clinic, The Big Chain.\n"));
    cmd_result_free(&r);
    char *text = slurp(name, NULL);
    cJSON *root = cJSON_Parse(text);
    free(text);
    assert_duet_players(root);
    assert_duet_disagreements(root);
    cJSON_Delete(root);
    rm_rf(dir);
    free(dir);
}

/* The scripted duet played in a folder of its own, for the tests that
 * resume it (cmocka's setup and teardown). */
struct duet_run {
    char *dir;
    char name[600]; /* its result file */
};

static int duet_played(void **state)
{
    struct duet_run *d = xcalloc(1, sizeof *d);
    d->dir = make_temp_dir();
    struct cmd_result r = play_scripted_duet(d->dir, d->name, sizeof d->name);
    cmd_result_free(&r);
    *state = d;
    return 0;
}

static int duet_removed(void **state)
{
    struct duet_run *d = *state;
    rm_rf(d->dir);
    free(d->dir);
    free(d);
    return 0;
}

/* The duet's result file resumes into the same duet, replayed to the same
 * scores, with its scenario named or not. */
static void a_duet_resumes_into_the_same_duet(void **state)
{
    const struct duet_run *d = *state;
    const char *dir = d->dir, *name = d->name;
    struct cmd_result r;
    const char *rargv[] = {scaleup_bin(), "play", "tutorial", "--text", "--resume", name, NULL};
    run_cmd(rargv, NULL, source_path(""), NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "A duet: Ana plays the Product Owner, Ben the Product Manager. "
                                  "Seed 1.\n"));
    assert_non_null(strstr(r.out, "Weighted total 27 of "));
    cmd_result_free(&r);
    /* Without a scenario: the result file names it (a bundled one). */
    const char *bare[] = {scaleup_bin(), "play", "--text", "--resume", name, NULL};
    run_cmd(bare, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "(Resumed after 11 decisions.)\n"));
    assert_non_null(strstr(r.out, "Weighted total 27 of "));
    assert_null(strstr(r.out, "another version"));
    cmd_result_free(&r);
    /* ...looked for among the bundled ones only, not in the working folder
     * (where a results folder may bear the scenario's id). */
    char here[4200];
    snprintf(here, sizeof here, "%s/tutorial", dir);
    assert_int_equal(mkdir(here, 0755), 0);
    run_cmd(bare, NULL, dir, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Weighted total 27 of "));
    cmd_result_free(&r);
}

/* A run resumed with changed scenario files says so. */
static void a_resumed_run_says_its_scenario_changed(void **state)
{
    const struct duet_run *d = *state;
    const char *dir = d->dir, *name = d->name;
    struct cmd_result r;
    char here[4200];
    snprintf(here, sizeof here, "%s/tutorial", dir);
    assert_int_equal(mkdir(here, 0755), 0);
    char cp[9000];
    snprintf(cp, sizeof cp, "cp %s/*.lua %s/ && echo '-- edited' >> %s/main.lua",
             source_path("scenarios/tutorial"), here, here);
    assert_int_equal(system(cp), 0);
    const char *edited[] = {scaleup_bin(), "play", here, "--text", "--resume", name, NULL};
    run_cmd(edited, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "This run was played with another version of First Sprint: "
                                  "its 11 decisions still fit and were replayed, but the scores "
                                  "follow the scenario as it is now."));
    cmd_result_free(&r);
}

/* A result file of a scenario that is not bundled needs its folder. */
static void resuming_an_unbundled_scenario_needs_its_folder(void **state)
{
    const struct duet_run *d = *state;
    const char *dir = d->dir, *name = d->name;
    struct cmd_result r;
    char *json = slurp(name, NULL);
    char *id = strstr(json, "\"tutorial\"");
    assert_non_null(id);
    memcpy(id + 1, "tutoriel", 8);
    char other[4300];
    snprintf(other, sizeof other, "%s/other.json", dir);
    FILE *f = fopen(other, "w");
    fputs(json, f);
    fclose(f);
    free(json);
    const char *oargv[] = {scaleup_bin(), "play", "--text", "--resume", other, NULL};
    run_cmd(oargv, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 2);
    char want[9000];
    snprintf(want, sizeof want,
             "scaleup: error: %s was played with scenario 'tutoriel', which is not bundled: give its "
             "folder, as in scaleup play FOLDER --resume %s\n",
             other, other);
    assert_string_equal(r.err, want);
    cmd_result_free(&r);
}

/* The debrief names a locked best and its reason instead of calling an
 * open option the best, lists what game.cause attributed under the
 * decision, and (coaching on) ends with the scenes' questions for the room.
 * Seed 7 shows the pitch as: Say nothing, Ask for a week, Promise
 * September, Explain the discovery plan, then the locked prototype. */
static void the_debrief_names_a_locked_best_and_later_consequences(void **state)
{
    (void)state;
    struct cmd_result r = RUN(NULL, "play", "tests/fixtures/games/judgment.lua", "--text", "--seed",
                              "7", "--choices", "3,1,1");
    assert_int_equal(r.status, 0);
    const char *want =
        "  1. The Pitch: Promise September (+1 Vision)\n"
        "     Best for a Product Owner: Show the prototype (locked: you have not built a\n"
        "     prototype)\n"
        "     Promise September \u2192 Stakeholder trust -20 in September\n";
    if (!strstr(r.out, want))
        fail_msg("no locked best and consequence in:\n%s", r.out);
    assert_null(strstr(r.out, "1. The Pitch: Promise September (+1 Vision)\n     The best-scoring"));
    assert_non_null(strstr(r.out, "For discussion\n  - Why did half the room promise a date? Trust "
                                  "was 50.\n"));
    cmd_result_free(&r);
    r = RUN(NULL, "play", "tests/fixtures/games/judgment.lua", "--text", "--seed", "7",
            "--no-coaching", "--choices", "3,1,1");
    assert_int_equal(r.status, 0);
    assert_null(strstr(r.out, "For discussion"));
    assert_non_null(strstr(r.out, "Promise September \u2192 Stakeholder trust -20 in September\n"));
    cmd_result_free(&r);
}

/* Coaching off: no feedback and no running points until the debrief; the
 * company's stats still show (the players decide by them). */
static void exam_mode_keeps_points_for_the_debrief(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--role", "po", "--seed", "1",
                          "--no-coaching", "--choices", "2,3,1,1,3,2,3,2,1", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    const char *debrief = strstr(r.out, "Decision by decision");
    assert_non_null(debrief);
    assert_null(strstr(r.out, "Vision 0 · Roadmap 0")); /* the running points */
    assert_null(strstr(r.out, "Vision 3 · Roadmap 0"));
    assert_non_null(strstr(r.out, "Runway 9 months · Team morale 60"));
    const char *fb = strstr(r.out, "Evidence before the goal");
    assert_true(fb == NULL || fb > debrief);
    cmd_result_free(&r);
}

/* The results folder set in the window's settings holds terminal runs too. */
static void the_settings_results_folder_holds_terminal_runs(void **state)
{
    (void)state;
    char *home = make_temp_dir();
    char path[4300], results[4300], json[9000];
    snprintf(path, sizeof path, "%s/scaleup", home);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(results, sizeof results, "%s/results", home);
    snprintf(path, sizeof path, "%s/scaleup/settings.json", home);
    snprintf(json, sizeof json, "{ \"results_dir\": \"%s\" }\n", results);
    write_file(path, json, strlen(json));
    char env[4400];
    snprintf(env, sizeof env, "XDG_CONFIG_HOME=%s", home);
    const char *const envs[] = {env, NULL};
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--role", "po", "--player",
                          "Ana", "--choices", "1,1", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, envs, 30, &r);
    assert_int_equal(r.status, 2); /* the choices run out before an ending */
    cmd_result_free(&r);
    char cmd[4500];
    snprintf(cmd, sizeof cmd, "ls %s | grep -c '^tutorial-ana-.*\\.json$'", results);
    FILE *p = popen(cmd, "r");
    char count[16] = "";
    assert_non_null(fgets(count, sizeof count, p));
    pclose(p);
    assert_string_equal(count, "1\n");
    rm_rf(home);
    free(home);
}

/* A single open choice is asked for as [1], not [1-1]. */
static void a_lone_choice_is_asked_for_as_one(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[4200];
    snprintf(path, sizeof path, "%s/main.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("scenario { id = \"one\", title = \"One\", start = \"a\", dimensions = { { id = \"v\" } },"
          " roles = { { id = \"po\" } } }\n"
          "scene \"a\" { text = \"Hi.\", choices = { { \"Go\", next = \"b\" } } }\n"
          "scene \"b\" { text = \"Then.\", choices = { { \"Left\", next = \"e\" }, { \"Right\", next = \"e\" } } }\n"
          "ending \"e\" { verdict = \"success\", text = \"Bye.\" }\n",
          f);
    fclose(f);
    struct cmd_result r = RUN("1\n2\n", "play", path, "--text", "--role", "po", "--seed", "1");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Your choice [1]: "));
    assert_non_null(strstr(r.out, "Your choice [1-2]: "));
    assert_null(strstr(r.out, "[1-1]"));
    cmd_result_free(&r);
    free(dir);
}

/* Japanese wraps within the width, between characters, never starting a
 * line with "。", and loses no character. */
static void japanese_wraps_between_characters(void **state)
{
    (void)state;
    static const char sentence[] = "\u79C1\u305F\u3061\u306F\u9867\u5BA2\u306E\u554F\u984C"
                                   "\u3092\u89E3\u6C7A\u3057\u307E\u3059\u3002";
    char *dir = make_temp_dir();
    char path[4200];
    snprintf(path, sizeof path, "%s/main.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f,
            "scenario { id = \"ja\", title = \"JA\", start = \"a\", dimensions = { { id = \"v\" } },"
            " roles = { { id = \"po\" } } }\n"
            "scene \"a\" { title = \"A\", text = string.rep(\"%s\", 8),"
            " choices = { { \"Go\", next = \"e\" } } }\n"
            "ending \"e\" { verdict = \"success\", text = \"Bye.\" }\n",
            sentence);
    fclose(f);
    struct cmd_result r = RUN(NULL, "play", path, "--text", "--role", "po", "--seed", "1",
                              "--choices", "1");
    assert_int_equal(r.status, 0);
    const char *at = strstr(r.out, sentence);
    assert_non_null(at);
    const char *end = strstr(at, "\n\n");
    assert_non_null(end);
    struct strbuf joined;
    sb_init(&joined);
    int lines = 0;
    for (const char *line = at; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        assert_true(strncmp(line, "\u3002", strlen("\u3002")) != 0);
        int width = 0;
        for (const char *c = line; c < stop;) {
            uint32_t cp;
            c += utf8_decode(c, &cp);
            width += utf8_width(cp);
        }
        assert_true(width <= 79);
        sb_append(&joined, line, (size_t)(stop - line));
        lines++;
        line = nl ? nl + 1 : end;
    }
    assert_true(lines >= 3);
    struct strbuf want;
    sb_init(&want);
    for (int i = 0; i < 8; i++)
        sb_puts(&want, sentence);
    assert_string_equal(joined.data, want.data);
    sb_free(&joined);
    sb_free(&want);
    cmd_result_free(&r);
    free(dir);
}

static void help_and_version(void **state)
{
    (void)state;
    struct cmd_result r = RUN(NULL, "--version");
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "scaleup 1.0.0\n");
    cmd_result_free(&r);
    r = RUN(NULL, "--help");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Usage: scaleup [COMMAND] [OPTIONS]"));
    assert_non_null(strstr(r.out, "  play "));
    cmd_result_free(&r);
    r = RUN(NULL, "play", "--help");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Usage: scaleup play [SCENARIO] [OPTIONS]"));
    assert_non_null(strstr(r.out, "Exit codes: 0 played to an ending, 1 scenario error, 2 usage "
                                  "error, 3 quit\nbefore an ending."));
    cmd_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_transcript_matches_the_golden_file),
        cmocka_unit_test(the_same_input_gives_the_same_bytes),
        cmocka_unit_test(usage_errors_exit_2_with_one_line),
        cmocka_unit_test(scenario_errors_exit_1_with_file_and_line),
        cmocka_unit_test(resume_refuses_bad_files),
        cmocka_unit_test(resume_continues_a_good_file_in_place),
        cmocka_unit_test(a_scripted_duet_scores_each_player),
        cmocka_unit_test_setup_teardown(a_duet_resumes_into_the_same_duet, duet_played, duet_removed),
        cmocka_unit_test_setup_teardown(a_resumed_run_says_its_scenario_changed, duet_played, duet_removed),
        cmocka_unit_test_setup_teardown(resuming_an_unbundled_scenario_needs_its_folder, duet_played, duet_removed),
        cmocka_unit_test(exam_mode_keeps_points_for_the_debrief),
        cmocka_unit_test(the_debrief_names_a_locked_best_and_later_consequences),
        cmocka_unit_test(the_settings_results_folder_holds_terminal_runs),
        cmocka_unit_test(a_lone_choice_is_asked_for_as_one),
        cmocka_unit_test(japanese_wraps_between_characters),
        cmocka_unit_test(help_and_version),
        cmocka_unit_test(every_command_with_limits_takes_every_limit_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
