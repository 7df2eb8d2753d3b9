/*
 * test_loader.c: every load-time validation, with its exact message, file,
 * line and column.
 *
 * Each tests/fixtures/errors/NAME.lua is a scenario with one mistake;
 * NAME.expect holds the diagnostics loading it must give, one per line, as
 * `scaleup lint` prints them. Adding a case is adding two files.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/loader.h"
#include "core/game.h"
#include "support.h"

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every fixture's diagnostics as load gives them, against its .expect. */
static void every_error_fixture_gives_its_exact_diagnostics_by(scenario_loader *load)
{
    const char *dir = test_path("fixtures/errors");
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    DIR *d = opendir(".");
    assert_non_null(d);
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    sort_items(names, (size_t)n, sizeof *names, compare_names);
    assert_true(n >= 40);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char expect_path[512];
        snprintf(expect_path, sizeof expect_path, "%.*s.expect", (int)(strlen(names[i]) - 4),
                 names[i]);
        char *expected = slurp(expect_path, NULL);
        char *actual = load_errors_by(load, names[i], true);
        if (!expected) {
            print_message("%s: no %s; it gives:\n%s", names[i], expect_path, actual);
            failures++;
        } else if (strcmp(expected, actual) != 0) {
            print_message("%s:\n  expected:\n%s  got:\n%s", names[i], expected, actual);
            failures++;
        }
        free(expected);
        free(actual);
        free(names[i]);
    }
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(failures, 0);
}

/* And a game's load, which reads no source map unless there is something
 * to say, says it with the same positions as lint. */
static void every_error_fixture_gives_its_exact_diagnostics(void **state)
{
    (void)state;
    every_error_fixture_gives_its_exact_diagnostics_by(scenario_load);
    every_error_fixture_gives_its_exact_diagnostics_by(scenario_load_lines);
}

/* Every message is one line (the contract for players and tools). */
static void messages_are_single_lines(void **state)
{
    (void)state;
    char *errs = load_errors(test_path("fixtures/errors/unknown-name-text.lua"), false);
    size_t lines = 0;
    for (char *p = errs; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 1);
    free(errs);
}

/* A valid scenario's static data lands in C structures as written. */
static void static_data_is_kept_in_c(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(source_path("scenarios/tutorial"));
    assert_string_equal(sc->id, "tutorial");
    assert_int_equal(sc->ndimensions, 4);
    assert_int_equal(sc->nroles, 2);
    assert_string_equal(sc->roles[1].id, "pm");
    assert_true(sc->roles[1].weights[scenario_dimension(sc, "launch")] == 2.0);
    assert_int_equal(sc->nstats, 4);
    assert_true(sc->stats[scenario_stat(sc, "trust")].hidden);
    assert_int_equal(sc->nfiles, 2);
    assert_string_equal(sc->files[1].name, "backlog.lua");
    int backlog = scenario_scene(sc, "backlog");
    assert_true(backlog >= 0);
    const struct scene *s = &sc->scenes[backlog];
    assert_int_equal(s->nchoices, 6);
    const struct choice *criteria = &sc->choices[s->first_choice + 2];
    assert_true(criteria->once);
    assert_int_equal(criteria->nrequires, 1);
    assert_string_equal(sc->flags[criteria->requires[0]], "validated");
    assert_int_equal(criteria->role_mask, 1u << scenario_role(sc, "po"));
    assert_int_equal(criteria->next, backlog);
    const struct scene *launch = &sc->scenes[scenario_scene(sc, "launch_day")];
    assert_int_equal(launch->timer, 60);
    assert_int_equal(launch->timeout, 3);
    assert_int_equal(launch->by, scenario_role(sc, "pm"));
    const struct scene *chain = &sc->scenes[scenario_scene(sc, "sales_call")];
    assert_int_equal(chain->by, BY_BOTH);
    assert_int_equal(chain->conflict, scenario_scene(sc, "chain_talk"));
    assert_int_equal(sc->scenes[scenario_scene(sc, "chain_talk")].by, scenario_role(sc, "pm"));
    assert_int_equal(sc->scenes[scenario_scene(sc, "pay_talk")].by, scenario_role(sc, "po"));
    assert_int_equal(sc->scenes[scenario_scene(sc, "pay_talk_pm")].by, scenario_role(sc, "pm"));
    assert_int_equal(sc->nratings, 3);
    assert_true(sc->ratings[0].min == 80);
    assert_true(sc->duet);
    assert_true(callback_present(sc->settle));
    scenario_free(sc);
}

/* Positions of errors in files pulled in with include name that file. */
static void errors_in_included_files_name_that_file(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/main.lua", dir);
    FILE *f = fopen(path, "w");
    fputs("scenario { id = \"x\", title = \"X\", start = \"a\",\n"
          "  dimensions = { { id = \"vision\" } }, roles = { { id = \"po\" } } }\n"
          "include \"parts/one.lua\"\n",
          f);
    fclose(f);
    snprintf(path, sizeof path, "%s/parts", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/parts/one.lua", dir);
    f = fopen(path, "w");
    fputs("scene \"a\" {\n  choices = {\n    { \"Go\", next = \"nowhere\" },\n  },\n}\n", f);
    fclose(f);
    char *errs = load_errors(dir, true);
    char want[1024];
    snprintf(want, sizeof want,
             "%s/parts/one.lua:3:13: error: next 'nowhere' is not a scene or ending\n", dir);
    assert_string_equal(errs, want);
    free(errs);
    rm_rf(dir);
    free(dir);
}

/* include must not leave the folder through a symbolic link either. */
static void include_through_symlink_is_refused(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[512], target[512];
    snprintf(path, sizeof path, "%s/main.lua", dir);
    FILE *f = fopen(path, "w");
    fputs("scenario { id = \"x\", title = \"X\", start = \"a\",\n"
          "  dimensions = { { id = \"vision\" } }, roles = { { id = \"po\" } } }\n"
          "include \"link.lua\"\n",
          f);
    fclose(f);
    snprintf(path, sizeof path, "%s/link.lua", dir);
    snprintf(target, sizeof target, "%s", test_path("fixtures/errors/unknown-stat.lua"));
    assert_int_equal(symlink(target, path), 0);
    char *errs = load_errors(dir, false);
    char want[1024];
    snprintf(want, sizeof want,
             "%s/main.lua:3: error: include \"link.lua\": the file is outside the scenario's "
             "folder\n",
             dir);
    assert_string_equal(errs, want);
    free(errs);
    rm_rf(dir);
    free(dir);
}

/* A new folder (freed by the caller) whose main.lua is source. */
static char *scenario_folder(const char *source)
{
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/main.lua", dir);
    write_file(path, source, strlen(source));
    return dir;
}

/* A scenario whose every position is known, in a new folder (freed by the
 * caller); on_enter as given. */
static char *positions_scenario(const char *on_enter)
{
    char source[1024];
    snprintf(source, sizeof source,
             "scenario { id = \"x\", title = \"X\", start = \"a\",\n"  /* 1 */
             "  dimensions = { { id = \"vision\" } }, roles = { { id = \"po\" } } }\n"
             "  scene \"a\" {\n"                                          /* 3 */
             "  text = \"Hello\",\n"
             "  on_enter = %s,\n"                                          /* 5 */
             "  choices = {\n"
             "    { \"Go\", next = \"b\",\n"                               /* 7 */
             "      when = function(game) return true end },\n"
             "  },\n"
             "}\n"
             "ending \"b\" { text = \"Bye\", verdict = \"success\" }\n",  /* 11 */
             on_enter);
    return scenario_folder(source);
}

/* positions_scenario(on_enter) loaded by scenario_load (full, its scene
 * a) and by scenario_load_lines (game, ga). */
struct both_loads {
    char *dir;
    struct scenario *full, *game;
    const struct scene *a, *ga;
};

static void load_both(struct both_loads *b, const char *on_enter)
{
    b->dir = positions_scenario(on_enter);
    b->full = load_ok_by(scenario_load, b->dir);
    b->game = load_ok_by(scenario_load_lines, b->dir);
    b->a = &b->full->scenes[scenario_scene(b->full, "a")];
    b->ga = &b->game->scenes[scenario_scene(b->game, "a")];
}

static void free_both(struct both_loads *b)
{
    scenario_free(b->full);
    scenario_free(b->game);
    rm_rf(b->dir);
    free(b->dir);
}

/* What the game reads, the lines of scenes and of functions, is the same
 * from both loads; the rest is the scene's line without the map. */
static void a_game_load_keeps_the_lines_the_game_reads(void **state)
{
    (void)state;
    struct both_loads b;
    load_both(&b, "function(game) end");
    struct scenario *full = b.full, *game = b.game;
    const struct scene *a = b.a, *ga = b.ga;
    assert_int_equal(a->pos.line, 3);
    assert_int_equal(a->pos.col, 3);
    assert_int_equal(ga->pos.line, 3);
    assert_int_equal(ga->pos.col, 0);
    assert_int_equal(a->on_enter.pos.line, 5);
    assert_int_equal(ga->on_enter.pos.line, 5);
    assert_int_equal(a->text.pos.line, 4);
    assert_int_equal(a->text.pos.col, 3);
    assert_int_equal(ga->text.pos.line, 3);
    assert_int_equal(ga->text.pos.col, 0);
    const struct choice *ch = &full->choices[a->first_choice];
    const struct choice *gch = &game->choices[ga->first_choice];
    assert_int_equal(ch->pos.line, 7);
    assert_int_equal(ch->pos.col, 5);
    assert_int_equal(gch->pos.line, 3);
    assert_int_equal(ch->when.pos.line, 8);
    assert_int_equal(gch->when.pos.line, 8);
    assert_int_equal(ch->next, scenario_scene(full, "b"));
    assert_int_equal(gch->next, scenario_scene(game, "b"));
    const struct scene *end = &game->scenes[scenario_scene(game, "b")];
    assert_int_equal(end->pos.line, 11);
    assert_int_equal(end->verdict, VERDICT_SUCCESS);
    free_both(&b);
}

/* A function with no Lua source (a library's) is placed where the field
 * is, which only the map knows: the game's load then reads it. */
static void a_game_load_reads_the_map_for_a_library_function(void **state)
{
    (void)state;
    struct both_loads b;
    load_both(&b, "string.len");
    const struct scene *a = b.a, *ga = b.ga;
    assert_true(callback_present(ga->on_enter));
    assert_int_equal(a->on_enter.pos.line, 5);
    assert_int_equal(a->on_enter.pos.col, 3);
    assert_int_equal(ga->on_enter.pos.line, 5);
    assert_int_equal(ga->on_enter.pos.col, 3);
    assert_int_equal(ga->pos.col, 3); /* loaded again, with the map */
    free_both(&b);
}

/* The fields of a scene and of a choice are located by the walk that
 * checks their keys; a field read after a nested table was walked (the
 * scene's discuss, after its choices) is looked up again, and every field
 * lands where it belongs. */
static void fields_are_read_from_the_walk_and_after_it(void **state)
{
    (void)state;
    char *dir = scenario_folder(
        "scenario { id = \"x\", title = \"X\", start = \"a\",\n"
        "  dimensions = { { id = \"vision\" } }, roles = { { id = \"po\" } },\n"
        "  stats = { { id = \"cash\", start = 1 } } }\n"
        "scene \"a\" { title = \"T\", phase = \"P\", timer = 30, timeout = 2,\n"
        "  choices = {\n"
        "    { \"One\", next = \"b\", once = true, locked = \"L\", id = \"one\",\n"
        "      effects = { cash = 2 }, feedback = \"F\" },\n"
        "    { \"Two\", next = \"b\", score = { vision = 3 } },\n"
        "  },\n"
        "  discuss = \"Why?\" }\n"
        "ending \"b\" { title = \"E\", verdict = \"mixed\" }\n");
    struct scenario *sc = load_ok_by(scenario_load_lines, dir);
    const struct scene *a = &sc->scenes[scenario_scene(sc, "a")];
    assert_string_equal(a->title, "T");
    assert_string_equal(a->phase, "P");
    assert_int_equal(a->timer, 30);
    assert_int_equal(a->timeout, 2);
    assert_true(a->has_discuss);
    assert_string_equal(a->discuss.chars, "Why?");
    assert_int_equal(a->nchoices, 2);
    const struct choice *one = &sc->choices[a->first_choice];
    const struct choice *two = &sc->choices[a->first_choice + 1];
    assert_true(one->once);
    assert_string_equal(one->locked, "L");
    assert_string_equal(one->id, "one");
    assert_int_equal(one->neffects, 1);
    assert_true(one->effects[0].delta == 2.0);
    assert_true(one->has_feedback);
    assert_string_equal(one->feedback.chars, "F");
    assert_false(two->once);
    assert_null(two->locked);
    assert_string_equal(two->id, "2");
    assert_true(two->score[scenario_dimension(sc, "vision")] == 3.0);
    assert_int_equal(sc->scenes[scenario_scene(sc, "b")].verdict, VERDICT_MIXED);
    scenario_free(sc);
    rm_rf(dir);
    free(dir);
}

/* A path that is no scenario is said once, by either load. */
static void a_game_load_of_no_scenario_says_so_once(void **state)
{
    (void)state;
    const char *want = "/nonexistent/scenario: error: no such scenario folder or file\n";
    char *full = load_errors_by(scenario_load, "/nonexistent/scenario", true);
    char *game = load_errors_by(scenario_load_lines, "/nonexistent/scenario", true);
    assert_string_equal(full, want);
    assert_string_equal(game, want);
    free(full);
    free(game);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_error_fixture_gives_its_exact_diagnostics),
        cmocka_unit_test(messages_are_single_lines),
        cmocka_unit_test(static_data_is_kept_in_c),
        cmocka_unit_test(errors_in_included_files_name_that_file),
        cmocka_unit_test(include_through_symlink_is_refused),
        cmocka_unit_test(a_game_load_keeps_the_lines_the_game_reads),
        cmocka_unit_test(a_game_load_reads_the_map_for_a_library_function),
        cmocka_unit_test(a_game_load_of_no_scenario_says_so_once),
        cmocka_unit_test(fields_are_read_from_the_walk_and_after_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
