/*
 * test_run.c: run files (save, result, resume) and replays: a run written
 * and read back replays to the same state; a replay that no longer fits its
 * scenario says at which decision and why; broken files are refused with a
 * clear message and never changed.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "core/game.h"
#include "core/limits.h"
#include "core/loader.h"
#include "core/run.h"
#include "support.h"

static struct game *play_tutorial(struct scenario *sc, const char *const *choices, int n)
{
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = 5, .nplayers = 1};
    st.players[0].role = scenario_role(sc, "pm");
    st.players[0].name = "Team Ada";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    for (int i = 0; i < n; i++) {
        if (!game_choose(g, game_number_of(g, choices[i]), false, 2.0 + i, &err))
            fail_msg("choice %d: %s", i, err.message);
    }
    return g;
}

/* Choices by their ids: the tutorial's best path for a PM. */
static const char *const best_pm_path[] = {"call_first", "free_pilot", "ask_sizes", "wsjf",
                                           "paid_pilot", "staged",     "trade_scope", "sell_more"};
/* The same path as numbers among the open choices in the author's order. */
static const int best_pm_ranks[] = {1, 3, 4, 4, 4, 1, 4, 2};

static void a_run_file_holds_the_result_format(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(source_path("scenarios/tutorial"));
    struct game *g = play_tutorial(sc, best_pm_path, 8);
    assert_true(g->over);
    struct run_times t = {"2026-11-28T09:00:00Z", "2026-11-28T09:20:00Z", "2026-11-28T09:20:00Z", NULL};
    char *json = run_to_json(g, &t);
    cJSON *root = cJSON_Parse(json);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "format")->valuestring, "scaleup-result/2");
    cJSON *scn = cJSON_GetObjectItem(root, "scenario");
    assert_string_equal(cJSON_GetObjectItem(scn, "id")->valuestring, "tutorial");
    assert_string_equal(cJSON_GetObjectItem(scn, "version")->valuestring, "1.0.0");
    assert_string_equal(cJSON_GetObjectItem(scn, "title")->valuestring, "First Sprint");
    assert_int_equal(strlen(cJSON_GetObjectItem(scn, "hash")->valuestring), 16);
    assert_string_equal(cJSON_GetObjectItem(root, "player")->valuestring, "Team Ada");
    assert_string_equal(cJSON_GetObjectItem(root, "role")->valuestring, "pm");
    assert_int_equal(cJSON_GetObjectItem(root, "seed")->valueint, 5);
    assert_string_equal(cJSON_GetObjectItem(root, "finished")->valuestring, t.finished);
    cJSON *ending = cJSON_GetObjectItem(root, "ending");
    assert_string_equal(cJSON_GetObjectItem(ending, "id")->valuestring, "scale_up");
    assert_string_equal(cJSON_GetObjectItem(ending, "verdict")->valuestring, "success");
    cJSON *score = cJSON_GetObjectItem(root, "score");
    assert_int_equal(cJSON_GetObjectItem(score, "negotiation")->valueint, 7);
    assert_int_equal(cJSON_GetObjectItem(root, "weighted")->valueint, 38);
    assert_true(cJSON_GetObjectItem(root, "percent")->valuedouble == 100);
    assert_string_equal(cJSON_GetObjectItem(root, "rating")->valuestring, "Ready to scale");
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "stats"), "users")->valueint, 7);
    cJSON *decisions = cJSON_GetObjectItem(root, "decisions");
    assert_int_equal(cJSON_GetArraySize(decisions), 8);
    cJSON *d2 = cJSON_GetArrayItem(decisions, 1);
    assert_int_equal(cJSON_GetObjectItem(d2, "turn")->valueint, 2);
    assert_string_equal(cJSON_GetObjectItem(d2, "scene")->valuestring, "first_customer");
    assert_string_equal(cJSON_GetObjectItem(d2, "choice")->valuestring, "free_pilot");
    assert_int_equal(cJSON_GetObjectItem(d2, "number")->valueint, g->log[1].number);
    assert_string_equal(cJSON_GetObjectItem(d2, "best")->valuestring, "free_pilot");
    assert_string_equal(cJSON_GetObjectItem(d2, "text")->valuestring,
                        "Offer a free pilot of the reminders for weekly feedback and a reference");
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(d2, "score"), "negotiation")->valueint, 2);
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(d2, "effects"), "users")->valueint, 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(d2, "meanwhile")), 0);
    /* Entering the prospect's scene costs a month: not the first choice's doing. */
    cJSON *d1 = cJSON_GetArrayItem(decisions, 0);
    assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(d1, "effects"), "runway"));
    cJSON *meanwhile = cJSON_GetObjectItem(d1, "meanwhile");
    assert_int_equal(cJSON_GetArraySize(meanwhile), 1);
    assert_non_null(cJSON_GetObjectItem(meanwhile, "runway"));
    assert_int_equal(cJSON_GetObjectItem(meanwhile, "runway")->valueint, -1);
    assert_true(cJSON_GetObjectItem(d2, "seconds")->valuedouble == 3.0);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(d2, "timed_out")));
    cJSON_Delete(root);
    free(json);
    game_free(g);
    scenario_free(sc);
}

static void a_run_read_back_replays_to_the_same_state(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(source_path("scenarios/tutorial"));
    struct game *g = play_tutorial(sc, best_pm_path, 5);
    struct run_times t = {"2026-11-28T09:00:00Z", "2026-11-28T09:05:00Z", "", NULL};
    char *json = run_to_json(g, &t);
    struct run_record r;
    struct diag err;
    assert_true(run_parse(json, strlen(json), "run.json", &r, &err));
    assert_int_equal(r.ndecisions, 5);
    assert_false(r.finished);
    struct game *h = game_new(sc);
    assert_true(run_replay(h, &r, -1, &err));
    assert_true(game_hash(h) == game_hash(g));
    assert_int_equal(h->nlog, 5);
    assert_string_equal(game_feedback(h, 4), game_feedback(g, 4));
    /* Undo is a replay of all but the last. */
    assert_true(run_replay(h, &r, 4, &err));
    assert_int_equal(h->nlog, 4);
    assert_string_equal(game_scene(h)->id, g->sc->scenes[g->log[4].scene].id);
    run_record_free(&r);
    free(json);
    game_free(h);
    game_free(g);
    scenario_free(sc);
}

/* Copies the tutorial into a temporary folder so a test can change it. */
static char *copy_tutorial(void)
{
    char *dir = make_temp_dir();
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s/*.lua %s/", source_path("scenarios/tutorial"), dir);
    assert_int_equal(system(cmd), 0);
    return dir;
}

static void edit(const char *dir, const char *file, const char *from, const char *to)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *text = slurp(path, NULL);
    char *at = strstr(text, from);
    assert_non_null(at);
    FILE *f = fopen(path, "w");
    fwrite(text, 1, (size_t)(at - text), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
    free(text);
}

static void replay_mismatch(const char *file, const char *from, const char *to, const char *want)
{
    struct scenario *sc = load_ok(source_path("scenarios/tutorial"));
    struct game *g = play_tutorial(sc, best_pm_path, 6);
    struct run_record r;
    run_record_from_game(g, &r);
    char *dir = copy_tutorial();
    edit(dir, file, from, to);
    struct scenario *changed = load_ok(dir);
    struct game *h = game_new(changed);
    struct diag err;
    assert_false(run_replay(h, &r, -1, &err));
    if (strcmp(err.message, want) != 0)
        fail_msg("got: %s", err.message);
    run_record_free(&r);
    game_free(h);
    game_free(g);
    scenario_free(changed);
    scenario_free(sc);
    rm_rf(dir);
    free(dir);
}

static void a_replay_that_no_longer_fits_says_where_and_why(void **state)
{
    (void)state;
    replay_mismatch("backlog.lua", "Ask Jonas to size the four items", "Ask Jonas to size the items",
                    "decision 3 no longer fits the scenario: choice 'ask_sizes' of scene 'backlog' is "
                    "now \"Ask Jonas to size the items before you put them in any order\", it was "
                    "\"Ask Jonas to size the four items before you put them in any order\"");
    replay_mismatch("main.lua", "      id = \"call_first\",\n      next = \"first_customer\",",
                    "      id = \"call_first\",\n      next = \"backlog\",",
                    "decision 2 no longer fits the scenario: it was made in scene 'first_customer', "
                    "but the run is now in scene 'backlog'");
    replay_mismatch("main.lua", "      id = \"free_pilot\",\n      role = \"pm\",",
                    "      id = \"free_pilot\",\n      role = \"po\",",
                    "decision 2 no longer fits the scenario: choice 'free_pilot' of scene "
                    "'first_customer' is no longer offered");
}

/* A format 1 file (before shuffling): its numbers are the choices' among
 * the open ones in the author's order. It replays to the same game as the
 * same path taken by id. */
static void old_result_files_still_resume(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(source_path("scenarios/tutorial"));
    struct game *g = play_tutorial(sc, best_pm_path, 8);
    struct strbuf json;
    sb_init(&json);
    sb_puts(&json, "{\"format\": \"scaleup-result/1\", \"scenario\": {\"id\": \"tutorial\"}, "
                   "\"player\": \"Team Ada\", \"role\": \"pm\", \"seed\": 5, \"decisions\": [");
    for (int i = 0; i < 8; i++)
        sb_printf(&json, "%s{\"scene\": \"%s\", \"choice\": %d}", i ? ", " : "",
                  sc->scenes[g->log[i].scene].id, best_pm_ranks[i]);
    sb_puts(&json, "]}");
    struct run_record r;
    struct diag err;
    if (!run_parse(json.data, json.len, "old.json", &r, &err))
        fail_msg("%s", err.message);
    assert_int_equal(r.format, 1);
    struct game *h = game_new(sc);
    if (!run_replay(h, &r, -1, &err))
        fail_msg("%s", err.message);
    assert_true(game_hash(h) == game_hash(g));
    assert_int_equal(h->nlog, 8);
    run_record_free(&r);
    sb_free(&json);
    game_free(h);
    game_free(g);
    scenario_free(sc);
}

/* Ids keep a saved run replayable across an edit that inserts an option
 * (and so moves every number) and across the reshuffle that follows. */
static void ids_survive_an_inserted_option(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s %s/main.lua", test_path("fixtures/games/judgment.lua"), dir);
    assert_int_equal(system(cmd), 0);
    struct scenario *sc = load_ok(dir);
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = 4, .nplayers = 1};
    st.players[0].name = "Ana";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    static const char *const path[] = {"week", "skip", "on"};
    for (int i = 0; i < 3; i++)
        assert_true(game_choose(g, game_number_of(g, path[i]), false, 0, &err));
    struct run_times t = {"2026-11-28T09:00:00Z", "2026-11-28T09:05:00Z", "", NULL};
    char *json = run_to_json(g, &t);
    edit(dir, "main.lua", "    { \"Promise September\"",
         "    { \"Hire a consultant\", id = \"consultant\", next = \"research\" },\n"
         "    { \"Promise September\"");
    struct scenario *changed = load_ok(dir);
    struct run_record r;
    assert_true(run_parse(json, strlen(json), "run.json", &r, &err));
    struct game *h = game_new(changed);
    if (!run_replay(h, &r, -1, &err))
        fail_msg("%s", err.message);
    assert_int_equal(h->nlog, 3);
    for (int i = 0; i < 3; i++)
        assert_string_equal(changed->choices[h->log[i].choice].id, path[i]);
    run_record_free(&r);
    free(json);
    game_free(h);
    game_free(g);
    scenario_free(changed);
    scenario_free(sc);
    rm_rf(dir);
    free(dir);
}

static void broken_run_files_are_refused_clearly(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *message;
    } cases[] = {
        {"", "not a result file: it is not valid JSON (truncated?)"},
        {"{\"format\": \"scaleup-result/1\", \"scenario\": {\"id\": \"tutorial\"}, \"seed\": 3, ",
         "not a result file: it is not valid JSON (truncated?)"},
        {"[1, 2, 3]", "not a ScaleUp result file: it has no \"format\""},
        {"{\"format\": \"scaleup-result/9\"}",
         "a result file of another format (\"scaleup-result/9\"); this version reads "
         "\"scaleup-result/2\" and \"scaleup-result/1\""},
        {"{\"format\": \"scaleup-result/1\", \"scenario\": {\"id\": \"tutorial\"}, \"seed\": -1}",
         "the result file's seed must be a whole number from 0 to 2^53-1"},
        {"{\"format\": \"scaleup-result/1\", \"scenario\": {\"id\": \"tutorial\"}, \"seed\": 1, "
         "\"player\": \"a\", \"role\": \"po\", \"decisions\": [{\"scene\": \"x\", \"choice\": 0}]}",
         "decision 1 of the result file needs a scene and a choice number"},
        {"{\"format\": \"scaleup-result/2\", \"scenario\": {\"id\": \"tutorial\"}, \"seed\": 1, "
         "\"player\": \"a\", \"role\": \"po\", \"decisions\": [{\"scene\": \"x\", \"choice\": 2}]}",
         "decision 1 of the result file needs a scene and a choice id and number"},
        {"{\"format\": \"scaleup-result/1\", \"scenario\": {\"id\": \"tutorial\"}, \"seed\": 1, "
         "\"player\": \"a\", \"role\": \"po\"}",
         "the result file has no list of decisions"},
        {"\xff\xfe{}", "not a result file: it is not UTF-8 text"},
        /* A duet decision that fails half-way (its first pick read, not the
         * second): the message, and nothing leaked (LeakSanitizer). */
        {"{\"format\": \"scaleup-result/1\", \"scenario\": {\"id\": \"tutorial\"}, \"seed\": 1, "
         "\"players\": [{\"name\": \"a\", \"role\": \"po\"}, {\"name\": \"b\", \"role\": \"pm\"}], "
         "\"decisions\": [{\"scene\": \"x\", \"choice\": 1, \"text\": \"t\", \"secret\": true, "
         "\"picks\": {\"po\": {\"choice\": 1, \"text\": \"mine\"}}}]}",
         "decision 1 of the result file has no pick for the role 'pm'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct run_record r;
        struct diag err;
        assert_false(run_parse(cases[i].text, strlen(cases[i].text), "team7.json", &r, &err));
        assert_string_equal(err.file, "team7.json");
        if (strcmp(err.message, cases[i].message) != 0)
            fail_msg("case %zu: got: %s", i, err.message);
    }
}

/* A run whose file would pass the size the reader accepts is written with
 * its labels shortened, and reads back and replays. */
static void the_writer_keeps_to_the_size_the_reader_accepts(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[4300];
    snprintf(path, sizeof path, "%s/long.lua", dir);
    const char *src =
        "scenario { id = \"long\", title = \"Long\", start = \"a\", order = \"fixed\", dimensions = { { id = \"v\" } }, "
        "roles = { { id = \"po\" } } }\n"
        "local label = (\"word \"):rep(12000)\n"
        "scene \"a\" { choices = { { label, next = \"a\", score = { v = 1 } }, { \"End\", next = \"e\" } } }\n"
        "ending \"e\" { verdict = \"success\" }\n";
    write_file(path, src, strlen(src));
    struct scenario *sc = load_ok(path);
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = 1, .nplayers = 1};
    st.players[0].name = "x";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    for (int i = 0; i < 300; i++) /* 300 labels of 60,000 bytes: 18 MB */
        assert_true(game_choose(g, 1, false, 1.0, &err));
    struct run_times t = {"2026-11-28T09:00:00Z", "2026-11-28T09:20:00Z", "", NULL};
    char *json = run_to_json(g, &t);
    size_t len = strlen(json);
    assert_true(len <= LIMIT_RUN_FILE_BYTES);
    struct run_record r;
    assert_true(run_parse(json, len, "long.json", &r, &err));
    assert_int_equal(r.ndecisions, 300);
    assert_int_equal(strlen(r.decisions[0].text), 203); /* 200 bytes and an ellipsis */
    struct game *again = game_new(sc);
    assert_true(game_start(again, &st, &err));
    assert_true(run_replay(again, &r, r.ndecisions, &err));
    assert_int_equal(again->nlog, 300);
    game_free(again);
    run_record_free(&r);
    free(json);
    game_free(g);
    scenario_free(sc);
    rm_rf(dir);
    free(dir);
}

static void files_are_written_atomically(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/result.json", dir);
    struct diag err;
    assert_true(file_write_atomic(path, "first", 5, &err));
    assert_true(file_write_atomic(path, "second version", 14, &err));
    char *text = slurp(path, NULL);
    assert_string_equal(text, "second version");
    free(text);
    /* No temporary file is left behind. */
    char cmd[600];
    snprintf(cmd, sizeof cmd, "test $(ls -A %s | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);
    /* A folder that is gone is reported with the file's name. */
    rm_rf(dir);
    assert_false(file_write_atomic(path, "x", 1, &err));
    assert_string_equal(err.file, path);
    assert_string_equal(err.message, "cannot write: No such file or directory");
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_run_file_holds_the_result_format),
        cmocka_unit_test(the_writer_keeps_to_the_size_the_reader_accepts),
        cmocka_unit_test(a_run_read_back_replays_to_the_same_state),
        cmocka_unit_test(a_replay_that_no_longer_fits_says_where_and_why),
        cmocka_unit_test(old_result_files_still_resume),
        cmocka_unit_test(ids_survive_an_inserted_option),
        cmocka_unit_test(broken_run_files_are_refused_clearly),
        cmocka_unit_test(files_are_written_atomically),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
