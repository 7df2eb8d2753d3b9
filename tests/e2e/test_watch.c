/*
 * test_watch.c: scaleup play --text --watch: an author edits a scenario
 * while playing it; the run is replayed onto the new version, a load error
 * is shown and the game goes on once the file is fixed.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

/* Rewrites a file the way editors save: a new file renamed over the old. */
static void edit(const char *dir, const char *file, const char *from, const char *to)
{
    char path[1024], tmp[1100];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    snprintf(tmp, sizeof tmp, "%s.swp", path);
    char *text = slurp(path, NULL);
    char *at = strstr(text, from);
    if (!at)
        fail_msg("'%s' not in %s", from, file);
    FILE *f = fopen(tmp, "w");
    fwrite(text, 1, (size_t)(at - text), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
    assert_int_equal(rename(tmp, path), 0);
    free(text);
}

static void an_edit_reloads_and_replays_the_run(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s/*.lua %s/", source_path("scenarios/tutorial"), dir);
    assert_int_equal(system(cmd), 0);
    const char *argv[] = {scaleup_bin(), "play", dir, "--text", "--role", "po", "--seed", "1",
                          "--watch", NULL};
    struct proc p;
    proc_start(&p, argv, NULL);
    proc_expect(&p, "Your choice [1-3]: ", false, 10);
    proc_send(&p, "2\n"); /* calls first, shown second with seed 1 */
    proc_expect(&p, "Dr Okafor runs a clinic with four physiotherapists.", false, 10);
    proc_expect(&p, "Your choice [1-3]: ", false, 10);

    /* An edit: the same run, replayed onto the new text. */
    edit(dir, "main.lua", "a clinic with four physiotherapists", "a clinic with six physiotherapists");
    proc_expect(&p, "The scenario changed: reloading.", false, 10);
    proc_expect(&p, "Scenario reloaded; the run was replayed (1 decision).", false, 10);
    proc_expect(&p, "Dr Okafor runs a clinic with six physiotherapists.", false, 10);

    /* A mistake: the error, then the game goes on when it is fixed. */
    edit(dir, "main.lua", "effects = { morale = 5 },\n      set = { \"called\", \"has_goal\" },",
         "effects = { moral = 5 },\n      set = { \"called\", \"has_goal\" },");
    proc_expect(&p, "main.lua:96: error: unknown stat 'moral' in effects (did you mean 'morale'?)",
                true, 10);
    proc_expect(&p, "Fix the file and save it: the game goes on from here (q to quit).", false, 10);
    edit(dir, "main.lua", "effects = { moral = 5 },", "effects = { morale = 6 },");
    proc_expect(&p, "Scenario reloaded; the run was replayed (1 decision).\n", false, 10);
    proc_expect(&p, "Team morale 66", false, 10);

    /* A change that no longer fits the run: replayed up to where it fits. */
    edit(dir, "main.lua", "{ \"Call five clinics this week", "{ \"Ring five clinics this week");
    proc_expect(&p, "Scenario reloaded; the run was replayed up to decision 0: decision 1 no longer "
                    "fits the scenario: choice 'call_first' of scene 'kickoff' is now \"Ring five",
                false, 10);
    /* The run cut back is kept: undoing the change replays it whole. */
    edit(dir, "main.lua", "{ \"Ring five clinics this week", "{ \"Call five clinics this week");
    proc_expect(&p, "Scenario reloaded; the run was replayed (1 decision).\n", false, 10);
    proc_expect(&p, "Dr Okafor runs a clinic with six physiotherapists.", false, 10);
    proc_send(&p, "q\n");
    assert_int_equal(proc_finish(&p, 10), 3); /* quit before an ending */
    rm_rf(dir);
    free(dir);
}

/* A scenario whose scenes are in an included file in a sub-folder, the
 * way docs/authoring.md suggests; scene b's first choice fails. */
static char *included_scenario(void)
{
    char *dir = make_temp_dir();
    char path[1024];
    snprintf(path, sizeof path, "%s/stages", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    static const char main_lua[] =
        "scenario { order = \"fixed\",\n"
        "  id = \"fixme\", title = \"Fix me\", start = \"a\",\n"
        "  dimensions = { { id = \"vision\", name = \"Vision\" } },\n"
        "  roles = { { id = \"po\", name = \"Product Owner\" } },\n"
        "}\n"
        "include \"stages/more.lua\"\n"
        "ending \"done\" { verdict = \"success\", text = \"The end.\" }\n";
    static const char more_lua[] =
        "scene \"a\" { text = \"The first draft.\", choices = {\n"
        "  { \"To b\", next = \"b\", score = { vision = 1 } },\n"
        "  { \"Also to b\", next = \"b\" },\n"
        "} }\n"
        "scene \"b\" { text = \"Scene B.\", choices = {\n"
        "  { \"Finish\", act = function(game) error(\"not yet\") end, next = \"done\" },\n"
        "  { \"Wait\", next = \"done\" },\n"
        "} }\n";
    snprintf(path, sizeof path, "%s/main.lua", dir);
    write_file(path, main_lua, sizeof main_lua - 1);
    snprintf(path, sizeof path, "%s/stages/more.lua", dir);
    write_file(path, more_lua, sizeof more_lua - 1);
    return dir;
}

/* The terminal watches the folders of included files too (one watcher in
 * the core for both front-ends). */
static void an_edit_to_an_included_file_reloads(void **state)
{
    (void)state;
    char *dir = included_scenario();
    const char *argv[] = {scaleup_bin(), "play", dir, "--text", "--role", "po", "--seed", "1",
                          "--watch", NULL};
    struct proc p;
    proc_start(&p, argv, NULL);
    proc_expect(&p, "The first draft.", false, 10);
    proc_expect(&p, "Your choice [1-2]: ", false, 10);
    edit(dir, "stages/more.lua", "The first draft.", "The second draft.");
    proc_expect(&p, "The scenario changed: reloading.\n", false, 10);
    proc_expect(&p, "Scenario reloaded; the run was replayed (0 decisions).\n", false, 10);
    proc_expect(&p, "The second draft.", false, 10);
    proc_send(&p, "q\n");
    assert_int_equal(proc_finish(&p, 10), 3);
    rm_rf(dir);
    free(dir);
}

/* A scenario that does not load yet has no list of files: the sub-folders
 * are watched too, so fixing the include that fails starts the game. */
static void a_broken_include_at_the_start_is_watched(void **state)
{
    (void)state;
    char *dir = included_scenario();
    edit(dir, "stages/more.lua", "text = \"The first draft.\"", "txet = \"The first draft.\"");
    const char *argv[] = {scaleup_bin(), "play", dir, "--text", "--role", "po", "--seed", "1",
                          "--watch", NULL};
    struct proc p;
    proc_start(&p, argv, NULL);
    proc_expect(&p, "stages/more.lua:1: error: unknown field 'txet' in scene 'a'", true, 10);
    proc_expect(&p, "Fix the file and save it: the game goes on from here (q to quit).\n", false, 10);
    edit(dir, "stages/more.lua", "txet = ", "text = ");
    proc_expect(&p, "The first draft.", false, 10);
    proc_send(&p, "q\n");
    assert_int_equal(proc_finish(&p, 10), 3);
    rm_rf(dir);
    free(dir);
}

/* A run-time error stops the run; once the author fixes the file, the
 * whole run is replayed, the failed decision too, and goes on from there. */
static void a_fix_after_a_run_time_error_replays_the_whole_run(void **state)
{
    (void)state;
    char *dir = included_scenario();
    const char *argv[] = {scaleup_bin(), "play", dir, "--text", "--role", "po", "--seed", "1",
                          "--watch", NULL};
    struct proc p;
    proc_start(&p, argv, NULL);
    proc_expect(&p, "Your choice [1-2]: ", false, 10);
    proc_send(&p, "1\n");
    proc_expect(&p, "Scene B.", false, 10);
    proc_expect(&p, "Your choice [1-2]: ", false, 10);
    proc_send(&p, "1\n");
    proc_expect(&p, "stages/more.lua:6: error: in the act of choice 1 in scene 'b': not yet\n", true, 10);
    proc_expect(&p, "Fix the file and save it: the game goes on from here (q to quit).\n", false, 10);
    /* Still failing: replayed up to the decision that fails, which is kept. */
    edit(dir, "stages/more.lua", "error(\"not yet\")", "error(\"still not\")");
    proc_expect(&p, "Scenario reloaded; the run was replayed up to decision 1: decision 2 could not "
                    "be replayed: in the act of choice 1 in scene 'b': still not\n",
                false, 10);
    proc_expect(&p, "(Resumed after 1 decision.)", false, 10);
    /* Fixed: both decisions replayed, to the ending. */
    edit(dir, "stages/more.lua", "error(\"still not\")", "local fixed = true");
    proc_expect(&p, "The scenario changed: reloading.\n", false, 10);
    proc_expect(&p, "Scenario reloaded; the run was replayed (2 decisions).\n", false, 10);
    proc_expect(&p, "The end.", false, 10);
    /* The run is over: the program ends by itself after the debrief (a
     * "q" sent now could find it gone). */
    assert_int_equal(proc_finish(&p, 10), 0);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_edit_reloads_and_replays_the_run),
        cmocka_unit_test(an_edit_to_an_included_file_reloads),
        cmocka_unit_test(a_broken_include_at_the_start_is_watched),
        cmocka_unit_test(a_fix_after_a_run_time_error_replays_the_whole_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
