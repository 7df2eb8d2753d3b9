/*
 * test_session.c: the session through a recording front-end: commands
 * (undo, restart, save, load), coaching on and off, result files written
 * after every decision, and a results folder that vanishes and comes back
 * without a decision lost.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "core/session.h"
#include "support.h"

struct recorder {
    struct fe_command script[64];
    int n, next;
    struct strbuf log;
    int outcomes, debriefs, errors, begins;
    char last_notice[1200];
    /* Called before each decide, to change the world mid-run. */
    void (*before_decide)(struct recorder *r, struct session *s);
    char *results_dir;
    /* When set, script[i] picks the open choice with id ids[i] (the number
     * it is shown under depends on the shuffle). */
    const char *ids[64];
};

static struct fe_command next_command(struct recorder *r)
{
    if (r->next < r->n)
        return r->script[r->next++];
    return fe_command(FE_QUIT);
}

static void rec_begin(void *ctx, struct session *s)
{
    struct recorder *r = ctx;
    r->begins++;
    sb_printf(&r->log, "begin %s\n", game_scene(s->g)->id);
}

static struct fe_command rec_decide(void *ctx, struct session *s)
{
    struct recorder *r = ctx;
    if (r->before_decide)
        r->before_decide(r, s);
    sb_printf(&r->log, "decide %s\n", game_scene(s->g)->id);
    const char *id = r->next < r->n ? r->ids[r->next] : NULL;
    struct fe_command c = next_command(r);
    if (id)
        c.number = game_number_of(s->g, id);
    return c;
}

static struct fe_command rec_outcome(void *ctx, struct session *s)
{
    struct recorder *r = ctx;
    r->outcomes++;
    sb_printf(&r->log, "outcome %d\n", s->g->nlog);
    return fe_command(FE_CONTINUE);
}

static struct fe_command rec_debrief(void *ctx, struct session *s, const struct debrief *d)
{
    struct recorder *r = ctx;
    r->debriefs++;
    sb_printf(&r->log, "debrief %s %.0f\n", s->sc->scenes[d->ending].id, d->players[0].weighted);
    return next_command(r);
}

static struct fe_command rec_error(void *ctx, struct session *s, const struct diag *d)
{
    struct recorder *r = ctx;
    (void)s;
    r->errors++;
    sb_printf(&r->log, "error %s\n", d->message);
    return fe_command(FE_CONTINUE);
}

static void rec_notice(void *ctx, struct session *s, const char *message)
{
    struct recorder *r = ctx;
    (void)s;
    str_copy(r->last_notice, sizeof r->last_notice, message);
    sb_printf(&r->log, "notice %s\n", message);
}

static struct frontend recorder_frontend(struct recorder *r)
{
    struct frontend fe = {r, rec_begin, rec_decide, rec_outcome, rec_debrief, rec_error, rec_notice};
    return fe;
}

static struct fe_command pick(int n)
{
    struct fe_command c = fe_command(FE_CHOOSE);
    c.number = n;
    c.seconds = 4;
    return c;
}

static struct fe_command slot(enum fe_action a, int s)
{
    struct fe_command c = fe_command(a);
    c.slot = s;
    return c;
}

/* Seven decisions from the tutorial's start to a successful ending, by id:
 * the first option in the author's list of each scene. */
static const char *const seven[] = {"call_first", "interview", "value_effort", "say_no",
                                    "staged",     "ask_terms", "retention_goal"};

static void open_tutorial(struct session *s, const char *results, const char *saves, bool coaching)
{
    struct session_options o;
    session_options_default(&o);
    o.scenario_path = source_path("scenarios/tutorial");
    o.setup.seed = 11;
    o.setup.players[0].role = 0;
    o.setup.players[0].name = "Team Blue";
    o.results_dir = results;
    o.saves_dir = saves;
    o.coaching = coaching;
    struct diag_list d;
    diag_list_init(&d);
    assert_true(session_open(s, &o, &d));
    diag_list_free(&d);
}

static void commands_undo_restart_save_and_load(void **state)
{
    (void)state;
    char *saves = make_temp_dir();
    struct session s;
    open_tutorial(&s, NULL, saves, true);
    struct recorder r = {0};
    sb_init(&r.log);
    struct fe_command script[] = {
        pick(1), pick(1), fe_command(FE_UNDO), pick(1), slot(FE_SAVE, 2), pick(1),
        slot(FE_LOAD, 2), slot(FE_LOAD, 7), fe_command(FE_RESTART), pick(3),
    };
    memcpy(r.script, script, sizeof script);
    r.n = (int)(sizeof script / sizeof script[0]);
    struct frontend fe = recorder_frontend(&r);
    enum session_end end = session_play(&s, &fe);
    assert_int_equal(end, SESSION_QUIT);
    assert_string_equal(r.log.data,
                        "begin kickoff\n"
                        "decide kickoff\noutcome 1\n"
                        "decide first_customer\noutcome 2\n"
                        "decide backlog\n"             /* undo */
                        "decide first_customer\noutcome 2\n"
                        "decide backlog\nnotice Saved to slot 2.\n"
                        "decide backlog\noutcome 3\n"  /* an ask-first choice: back to the backlog */
                        "decide backlog\nnotice Loaded slot 2.\nbegin backlog\n"
                        "decide backlog\n"
                        "notice Slot 7 cannot be loaded: cannot open: No such file or directory\n"
                        "decide backlog\nbegin kickoff\n" /* restart */
                        "decide kickoff\noutcome 1\n"
                        "decide first_customer\n");
    assert_int_equal(s.g->nlog, 1);
    assert_int_equal(s.g->log[0].number, 3);
    session_close(&s);
    sb_free(&r.log);
    rm_rf(saves);
    free(saves);
}

static cJSON *read_result(const char *dir)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ls %s/tutorial-team-blue-*.json", dir);
    FILE *p = popen(cmd, "r");
    char name[1024] = "";
    if (!fgets(name, sizeof name, p))
        name[0] = '\0';
    pclose(p);
    name[strcspn(name, "\n")] = '\0';
    char *text = slurp(name, NULL);
    if (!text)
        return NULL;
    cJSON *root = cJSON_Parse(text);
    free(text);
    return root;
}

static int decisions_in(const char *dir)
{
    cJSON *root = read_result(dir);
    if (!root)
        return -1;
    int n = cJSON_GetArraySize(cJSON_GetObjectItem(root, "decisions"));
    cJSON_Delete(root);
    return n;
}

static void checks_each_decision(struct recorder *r, struct session *s)
{
    /* Before every decision the file holds every decision made so far. */
    int n = decisions_in(r->results_dir);
    if (n != s->g->nlog)
        fail_msg("the result file has %d decisions, the game %d", n, s->g->nlog);
}

static void results_are_written_after_every_decision(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    struct session s;
    open_tutorial(&s, dir, NULL, false);
    struct recorder r = {0};
    sb_init(&r.log);
    r.results_dir = dir;
    r.before_decide = checks_each_decision;
    for (int i = 0; i < 7; i++) {
        r.script[i] = pick(1);
        r.ids[i] = seven[i];
    }
    r.n = 7;
    struct frontend fe = recorder_frontend(&r);
    assert_int_equal(session_play(&s, &fe), SESSION_ENDED);
    assert_int_equal(r.outcomes, 0); /* coaching off: feedback waits for the debrief */
    assert_int_equal(r.debriefs, 1);
    cJSON *root = read_result(dir);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "decisions")), 7);
    assert_true(cJSON_IsString(cJSON_GetObjectItem(root, "finished")));
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "ending"), "verdict")->valuestring,
                        "success");
    cJSON *d = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "decisions"), 0);
    assert_true(cJSON_GetObjectItem(d, "seconds")->valuedouble == 4);
    cJSON_Delete(root);
    session_close(&s);
    sb_free(&r.log);
    rm_rf(dir);
    free(dir);
}

/* The folder vanishes after the second decision and comes back before the
 * fifth: the player is told once, then told it works again, and the file
 * finally holds every decision. */
static void vanish_and_return(struct recorder *r, struct session *s)
{
    if (s->g->nlog == 2)
        rm_rf(r->results_dir);
    if (s->g->nlog == 4)
        mkdir(r->results_dir, 0755);
}

static void a_vanished_results_folder_loses_nothing(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    struct session s;
    open_tutorial(&s, dir, NULL, true);
    struct recorder r = {0};
    sb_init(&r.log);
    r.results_dir = dir;
    r.before_decide = vanish_and_return;
    for (int i = 0; i < 7; i++) {
        r.script[i] = pick(1);
        r.ids[i] = seven[i];
    }
    r.n = 7;
    struct frontend fe = recorder_frontend(&r);
    assert_int_equal(session_play(&s, &fe), SESSION_ENDED);
    const char *log = r.log.data;
    const char *fail = strstr(log, "notice Cannot save the results to ");
    assert_non_null(fail);
    assert_non_null(strstr(fail, " (cannot write: No such file or directory). Your decisions are "
                                 "kept"));
    assert_null(strstr(fail + 1, "notice Cannot save")); /* told once */
    const char *back = strstr(log, "notice Results are being written again; no decision was lost.");
    assert_non_null(back);
    assert_true(back > fail);
    assert_int_equal(decisions_in(dir), 7);
    session_close(&s);
    sb_free(&r.log);
    rm_rf(dir);
    free(dir);
}

static void vanish_for_good(struct recorder *r, struct session *s)
{
    if (s->g->nlog == 2)
        rm_rf(r->results_dir);
}

/* The results folder never comes back: at the ending the run is kept in the
 * user's data folder, and the player is told where. */
static void a_run_that_cannot_be_written_is_kept_elsewhere(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char *data = make_temp_dir();
    setenv("XDG_DATA_HOME", data, 1);
    struct session s;
    open_tutorial(&s, dir, NULL, true);
    struct recorder r = {0};
    sb_init(&r.log);
    r.results_dir = dir;
    r.before_decide = vanish_for_good;
    for (int i = 0; i < 7; i++) {
        r.script[i] = pick(1);
        r.ids[i] = seven[i];
    }
    r.n = 7;
    struct frontend fe = recorder_frontend(&r);
    assert_int_equal(session_play(&s, &fe), SESSION_ENDED);
    const char *base = strrchr(s.results_path, '/') + 1;
    struct strbuf want;
    sb_init(&want);
    sb_printf(&want,
              "notice The result file %s still cannot be written, so this run is kept in "
              "%s/scaleup/unsaved/%s: copy it into the results folder for the report.",
              s.results_path, data, base);
    const char *told = strstr(r.log.data, want.data);
    assert_non_null(told);
    if (strstr(told + want.len, "still cannot be written"))
        fail_msg("told twice:\n%s", r.log.data);
    /* It was told before the debrief, which the player sees last. */
    assert_non_null(strstr(told, "\ndebrief "));
    char unsaved[1200];
    snprintf(unsaved, sizeof unsaved, "%s/scaleup/unsaved", data);
    assert_int_equal(decisions_in(unsaved), 7);
    unsetenv("XDG_DATA_HOME");
    sb_free(&want);
    session_close(&s);
    sb_free(&r.log);
    rm_rf(dir);
    rm_rf(data);
    free(dir);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(commands_undo_restart_save_and_load),
        cmocka_unit_test(results_are_written_after_every_decision),
        cmocka_unit_test(a_vanished_results_folder_loses_nothing),
        cmocka_unit_test(a_run_that_cannot_be_written_is_kept_elsewhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
