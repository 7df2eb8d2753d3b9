/*
 * test_watch.c: scaleup play --text --watch: an author edits a scenario
 * while playing it; the run is replayed onto the new version, a load error
 * is shown and the game goes on once the file is fixed.
 */
#include <stdlib.h>
#include <string.h>
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
    proc_send(&p, "q\n");
    assert_int_equal(proc_finish(&p, 10), 3); /* quit before an ending */
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_edit_reloads_and_replays_the_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
