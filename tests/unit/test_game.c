/*
 * test_game.c: the rules of the contract, on tests/fixtures/games/rules.lua
 * and on the tutorial: order of operations, clamping, conditions, locked and
 * once choices, timers, the generator, failures that leave no trace, dead
 * ends, the debrief's best choice, and the explorer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/debrief.h"
#include "core/explore.h"
#include "core/game.h"
#include "core/loader.h"
#include "core/run.h"
#include "core/script/sandbox.h"
#include "core/script/script_internal.h"
#include "core/text.h"
#include "support.h"

static struct scenario *sc;

static int setup(void **state)
{
    (void)state;
    best_set_cache_dir(""); /* no disk cache: each test searches */
    sc = load_ok(test_path("fixtures/games/rules.lua"));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    scenario_free(sc);
    return 0;
}

static struct game *start(const char *role, uint64_t seed)
{
    return test_start_game(sc, seed, scenario_role(sc, role), "Ana", -1, NULL);
}

static void choose(struct game *g, int n)
{
    test_choose(g, n);
}

static double stat(const struct game *g, const char *id)
{
    return g->s.stats[scenario_stat(sc, id)];
}

static void a_choice_applies_in_the_contracts_order(void **state)
{
    (void)state;
    struct game *g = start("po", 1);
    assert_string_equal(g->view.text.data, "Runway 10.");
    choose(g, 1);
    assert_true(stat(g, "runway") == 15);
    assert_true(stat(g, "seen_in_act") == 15);  /* effects before act */
    assert_true(stat(g, "turn_in_act") == 1);   /* turn before act */
    assert_true(stat(g, "seen_in_next") == 151); /* act and set before next */
    assert_true(stat(g, "visits_in_enter") == 1); /* visits before on_enter */
    assert_string_equal(g->view.text.data, "visits 1, integer: integer"); /* on_enter before text */
    assert_true(g->s.players[0].score[0] == 2 && g->s.players[0].score[1] == -1);
    assert_true(game_weighted(g, 0) == 2 * 2 - 1);
    assert_int_equal(g->s.turn, 1);
    assert_int_equal(g->nlog, 1);
    assert_string_equal(game_feedback(g, 0), "Runway now 15.");
    assert_string_equal(game_decision_label(g, 0), "Go");
    assert_true(g->log[0].seconds == 1.5);
    assert_true(g->log[0].stat_delta[scenario_stat(sc, "runway")] == 5);
    /* What the next scene's on_enter changed is kept apart, as "meanwhile". */
    assert_true(g->log[0].enter_delta[scenario_stat(sc, "runway")] == 0);
    assert_true(g->log[0].stat_delta[scenario_stat(sc, "visits_in_enter")] == 0);
    assert_true(g->log[0].enter_delta[scenario_stat(sc, "visits_in_enter")] == 1);
    assert_true(g->log[0].stat_delta[scenario_stat(sc, "seen_in_next")] == 151);
    game_free(g);
}

static void stats_clamp_and_stay_whole(void **state)
{
    (void)state;
    struct game *g = start("po", 1);
    choose(g, 2); /* runway + 100, max 20 */
    assert_true(stat(g, "runway") == 20);
    assert_true(g->log[0].stat_delta[scenario_stat(sc, "runway")] == 10);
    const struct menu *m = game_menu(g);
    int drain = 0;
    for (int i = 0; i < m->nopen; i++)
        if (strcmp(game_label(g, m, i), "Drain") == 0)
            drain = i + 1;
    assert_true(drain > 0);
    choose(g, drain);
    assert_true(stat(g, "runway") == 0);
    game_free(g);
}

/* However code or effects push a stat with no min or max, it stays within
 * LIMIT_NUMBER of zero; points of LIMIT_NUMBER a decision, weighted by as
 * much, stay finite and the sum exact (they were infinity once). */
static void numbers_stay_within_a_trillion(void **state)
{
    (void)state;
    struct scenario *bsc = load_ok(test_path("fixtures/games/big-numbers.lua"));
    struct game *g = game_new(bsc);
    struct game_setup st = {.seed = 1, .nplayers = 1};
    st.players[0].role = scenario_role(bsc, "po");
    st.players[0].name = "Ana";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    int valuation = scenario_stat(bsc, "valuation");
    assert_true(game_choose(g, 1, false, 1, &err)); /* Boom: set to 1e300 */
    assert_true(g->s.stats[valuation] == LIMIT_NUMBER);
    assert_string_equal(g->view.text.data, "Valuation 1000000000000.");
    assert_true(game_choose(g, 2, false, 1, &err)); /* Sink: -1e12 */
    assert_true(g->s.stats[valuation] == 0);
    assert_true(game_choose(g, 2, false, 1, &err));
    assert_true(game_choose(g, 2, false, 1, &err));
    assert_true(g->s.stats[valuation] == -LIMIT_NUMBER);
    for (int i = 0; i < 3; i++) /* Compound: times 1e6, three times */
        assert_true(game_choose(g, 3, false, 1, &err));
    assert_true(g->s.stats[valuation] == -LIMIT_NUMBER);
    for (int i = 0; i < 1000; i++) /* Score: 1e12 points a time */
        assert_true(game_choose(g, 4, false, 1, &err));
    assert_true(g->s.players[0].score[0] == 1e15);
    assert_true(game_weighted(g, 0) == 1e27);
    assert_true(isfinite(game_weighted(g, 0)));
    game_free(g);
    scenario_free(bsc);
}

/* b offers: Again (once), Needs g (locked, listed after the open ones),
 * Low runway (when), Set g, Drain. PM only is hidden from a PO, Hidden
 * (requires g, no locked reason) is hidden. */
static void menus_filter_number_and_lock(void **state)
{
    (void)state;
    struct game *g = start("po", 1);
    choose(g, 1);
    const struct menu *m = game_menu(g);
    assert_int_equal(m->nopen, 3);
    assert_int_equal(m->ntotal, 4);
    assert_string_equal(game_label(g, m, 0), "Again");
    assert_string_equal(game_label(g, m, 1), "Set g");
    assert_string_equal(game_label(g, m, 2), "Drain");
    assert_string_equal(game_label(g, m, 3), "Needs g");
    assert_true(m->offers[3].locked);
    assert_int_equal(m->offers[3].listed, 3);
    choose(g, 1); /* Again: once */
    m = game_menu(g);
    assert_int_equal(m->nopen, 2);
    assert_string_equal(game_label(g, m, 0), "Set g");
    assert_true(stat(g, "visits_in_enter") == 2);
    game_free(g);

    g = start("pm", 1);
    choose(g, 2); /* runway 20 */
    m = game_menu(g);
    assert_string_equal(game_label(g, m, 1), "PM only");
    game_free(g);
}

static void a_timer_takes_the_timeout_choice(void **state)
{
    (void)state;
    struct game *g = start("po", 1);
    choose(g, 1);
    choose(g, 2); /* Set g -> b2 */
    assert_string_equal(game_scene(g)->id, "b2");
    assert_int_equal(game_menu(g)->timeout, 2);
    struct diag err;
    assert_true(game_timeout(g, 30, &err));
    assert_true(g->log[g->nlog - 1].timed_out);
    assert_int_equal(g->log[g->nlog - 1].number, 2);
    assert_true(g->s.players[0].score[1] == -1 + 1);
    assert_true(g->over);
    game_free(g);
}

static double roll(uint64_t seed)
{
    struct game *g = start("po", seed);
    choose(g, 1);
    choose(g, 2);
    choose(g, 3);
    double v = stat(g, "seen_in_next");
    game_free(g);
    return v;
}

static void outcomes_depend_on_the_seed_only(void **state)
{
    (void)state;
    assert_true(roll(7) == roll(7));
    int different = 0;
    for (uint64_t s = 1; s <= 10; s++)
        different += roll(s) != roll(s + 100);
    assert_true(different >= 8);
    double v = roll(7);
    assert_true(v >= 1 && v <= 1000 && v == floor(v));
}

static void a_failing_callback_leaves_no_trace(void **state)
{
    (void)state;
    struct game *g = start("po", 9);
    uint64_t before = game_hash(g);
    struct diag err;
    assert_false(game_choose(g, 3, false, 0, &err)); /* Break: act errors */
    assert_non_null(strstr(err.file, "rules.lua"));
    assert_int_equal(err.line, 36);
    assert_non_null(strstr(err.message, "in the act of choice 3 in scene 'a': boom"));
    assert_true(game_hash(g) == before);
    assert_int_equal(g->nlog, 0);
    assert_true(stat(g, "runway") == 10);
    assert_string_equal(game_scene(g)->id, "a");
    /* and the game goes on */
    choose(g, 1);
    assert_string_equal(game_scene(g)->id, "b");
    game_free(g);
}

static void dead_ends_and_bad_targets_are_errors(void **state)
{
    (void)state;
    struct game *g = start("po", 1);
    struct diag err;
    assert_false(game_choose(g, 4, false, 0, &err));
    assert_string_equal(err.code, "dead-end");
    assert_non_null(strstr(err.message, "dead end: scene 'dead' offers no choice"));
    assert_string_equal(game_scene(g)->id, "a");
    assert_int_equal(g->visits[scenario_scene(sc, "dead")], 0);
    assert_false(game_choose(g, 5, false, 0, &err));
    assert_non_null(strstr(err.message, "it returned 'no_such_scene', which is not a scene"));
    assert_false(game_choose(g, 7, false, 0, &err));
    assert_string_equal(err.code, "not-offered");
    game_free(g);
}

static void the_game_object_guards_itself(void **state)
{
    (void)state;
    static const struct {
        int choice;
        const char *message;
    } cases[] = {
        {1, "unknown stat 'cash' (stats are: runway, seen_in_act, turn_in_act, seen_in_next, "
            "visits_in_enter, half)"},
        {2, "game.stats.runway must be set to a number, not a string"},
        {3, "game.budget does not exist"},
        {4, "game is read-only"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct game *g = start("po", 1);
        choose(g, 6);
        assert_string_equal(g->view.text.data, "Half is 0.5.");
        struct diag err;
        assert_false(game_choose(g, cases[i].choice, false, 0, &err));
        if (!strstr(err.message, cases[i].message))
            fail_msg("got: %s", err.message);
        game_free(g);
    }
    struct game *g = start("po", 1);
    choose(g, 6);
    choose(g, 5); /* unknown flags read false; writing one creates it */
    assert_true(g->over);
    assert_string_equal(g->view.text.data, "Runway 10, made up: no.");
    int f = scenario_flag(sc, "made_up");
    assert_true(f >= 0 && game_flag(g, f));
    game_free(g);
}

static void the_log_keeps_the_best_choice_for_the_role(void **state)
{
    (void)state;
    struct scenario *tut = load_ok(source_path("scenarios/tutorial"));
    struct game *g = game_new(tut);
    struct game_setup st = {.seed = 1, .nplayers = 1};
    st.players[0].role = scenario_role(tut, "po");
    st.players[0].name = "Ana";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    /* Best now is writing the goal today; calling first only pays later. */
    int goal = game_number_of(g, "goal_now");
    assert_true(game_choose(g, game_number_of(g, "whiteboard"), false, 0, &err));
    assert_int_equal(g->log[0].best_number, goal);
    assert_string_equal(tut->choices[g->log[0].best_choice].id, "goal_now");
    assert_string_equal(game_best_label(g, 0),
                        "Write the goal today from Mara's notes and start the booking screen");
    int interview = game_number_of(g, "interview");
    assert_true(game_choose(g, interview, false, 0, &err)); /* interview: the best open */
    assert_int_equal(g->log[1].best_number, interview);
    assert_int_equal(g->log[1].offered, 2); /* the pilot is the PM's; co_design locked */
    /* Calling the clinics first would have opened a better one. */
    assert_string_equal(tut->choices[g->log[1].best_locked].id, "co_design");
    game_free(g);
    scenario_free(tut);
}

/* The ids of the open options of the current menu, in the shown order,
 * comma-separated. */
static void shown_ids(const struct game *g, char *buf, size_t cap)
{
    const struct menu *m = game_menu(g);
    buf[0] = '\0';
    for (int k = 0; k < m->ntotal; k++)
        str_format(buf + strlen(buf), cap - strlen(buf), "%s%s%s", k ? "," : "",
                   g->sc->choices[m->offers[k].choice].id, m->offers[k].locked ? "(locked)" : "");
}

static struct game *start_judgment(struct scenario *js, uint64_t seed)
{
    struct game *g = game_new(js);
    struct game_setup st = {.seed = seed, .nplayers = 1};
    st.players[0].name = "Ana";
    struct diag err;
    if (!game_start(g, &st, &err))
        fail_msg("%s", err.message);
    return g;
}

static void options_are_shuffled_by_the_seed_only(void **state)
{
    (void)state;
    struct scenario *js = load_ok(test_path("fixtures/games/judgment.lua"));
    char a[256], b[256];
    /* The same seed: the same order, every time. */
    struct game *g = start_judgment(js, 7), *h = start_judgment(js, 7);
    shown_ids(g, a, sizeof a);
    shown_ids(h, b, sizeof b);
    assert_string_equal(a, b);
    /* The exact order for seed 7 (a change here changes every transcript). */
    assert_string_equal(a, "quiet,week,promise_sept,plan,prototype(locked)");
    /* Over seeds, each of the four open options comes first some time, and
     * the locked one always comes last. */
    int first[4] = {0};
    static const char *const ids[] = {"promise_sept", "plan", "quiet", "week"};
    for (uint64_t seed = 1; seed <= 64; seed++) {
        struct game *k = start_judgment(js, seed);
        shown_ids(k, a, sizeof a);
        for (int i = 0; i < 4; i++)
            first[i] += strncmp(a, ids[i], strlen(ids[i])) == 0;
        assert_non_null(strstr(a, ",prototype(locked)"));
        game_free(k);
    }
    for (int i = 0; i < 4; i++)
        assert_true(first[i] > 0);
    /* order = "fixed": the author's order whatever the seed. */
    struct diag err;
    assert_true(game_choose(g, game_number_of(g, "plan"), false, 0, &err));
    shown_ids(g, a, sizeof a);
    assert_string_equal(a, "interview,skip,report");
    game_free(g);
    game_free(h);
    scenario_free(js);
}

static void the_shuffle_draws_nothing_from_the_generator(void **state)
{
    (void)state;
    struct scenario *js = load_ok(test_path("fixtures/games/judgment.lua"));
    struct game *g = start_judgment(js, 9);
    struct rng fresh;
    rng_seed(&fresh, 9);
    /* Menus were made: the generator is where a new one starts. */
    assert_memory_equal(&g->s.rng, &fresh, sizeof fresh);
    game_free(g);
    scenario_free(js);
}

static void a_locked_best_is_named_with_its_reason(void **state)
{
    (void)state;
    struct scenario *js = load_ok(test_path("fixtures/games/judgment.lua"));
    struct game *g = start_judgment(js, 3);
    struct diag err;
    assert_true(game_choose(g, game_number_of(g, "plan"), false, 0, &err));
    assert_string_equal(js->choices[g->log[0].best_locked].id, "prototype");
    assert_string_equal(js->choices[g->log[0].best_choice].id, "plan");
    struct strbuf line;
    sb_init(&line);
    assert_true(debrief_locked_best(g, 0, -1, &line));
    assert_string_equal(line.data, "Best for a Product Owner: Show the prototype (locked: you have "
                                   "not built a prototype)");
    sb_free(&line);
    game_free(g);
    scenario_free(js);
}

static void causes_and_questions_are_kept_under_their_decision(void **state)
{
    (void)state;
    struct scenario *js = load_ok(test_path("fixtures/games/judgment.lua"));
    struct game *g = start_judgment(js, 5);
    struct diag err;
    assert_true(game_choose(g, game_number_of(g, "promise_sept"), false, 0, &err));
    assert_string_equal(game_discuss(g, 0), "Why did half the room promise a date? Trust was 50.");
    /* research: interview's act causes nothing (nobody raised "planned");
     * september's on_enter: trust -20 is promise_sept's, the cash +1 before
     * the cause is nobody's. */
    assert_true(game_choose(g, game_number_of(g, "interview"), false, 0, &err));
    assert_int_equal(g->ncons, 1);
    assert_int_equal(g->cons[0].decision, 0);
    assert_string_equal(js->scenes[g->cons[0].scene].id, "september");
    assert_true(g->cons[0].delta[scenario_stat(js, "trust")] == -20);
    assert_true(g->cons[0].delta[scenario_stat(js, "cash")] == 0);
    struct strbuf lines;
    sb_init(&lines);
    assert_int_equal(debrief_caused(g, 0, &lines), 1);
    assert_string_equal(lines.data, "Promise September \u2192 Stakeholder trust -20 in September");
    sb_clear(&lines);
    assert_int_equal(debrief_questions(g, &lines), 1);
    game_free(g);

    /* A flag as the cause: the decision that raised it. */
    g = start_judgment(js, 5);
    assert_true(game_choose(g, game_number_of(g, "plan"), false, 0, &err));
    assert_true(game_choose(g, game_number_of(g, "interview"), false, 0, &err));
    assert_int_equal(g->ncons, 1);
    assert_int_equal(g->cons[0].decision, 0);
    assert_true(g->cons[0].delta[scenario_stat(js, "cash")] == -2);
    sb_clear(&lines);
    assert_int_equal(debrief_caused(g, 0, &lines), 1);
    assert_string_equal(lines.data, "Explain the discovery plan \u2192 Cash -2 in Research");
    sb_free(&lines);
    game_free(g);
    scenario_free(js);
}

static void exhaustive_exploration_finds_every_scene_of_the_tutorial(void **state)
{
    (void)state;
    struct scenario *tut = load_ok(source_path("scenarios/tutorial"));
    struct explore_options o;
    explore_options_default(&o);
    o.mode = EXPLORE_EXHAUSTIVE;
    o.seed = 1;
    struct explore_result r;
    struct diag err;
    assert_true(explore_run(tut, &o, &r, &err));
    assert_true(r.complete);
    assert_int_equal(r.ndead_ends, 0);
    assert_int_equal(r.nerrors, 0);
    /* Every scene is reached, but for the conflict scene: solo play ignores
     * conflict, so only a duet enters it. */
    for (int s = 0; s < tut->nscenes; s++) {
        bool conflict_only = s == scenario_scene(tut, "chain_talk");
        if ((r.scene_visits[s] == 0) != conflict_only)
            fail_msg("scene %s: %ld visits", tut->scenes[s].id, r.scene_visits[s]);
    }
    int po = scenario_role(tut, "po"), pm = scenario_role(tut, "pm");
    assert_true(r.role_played[po] && r.role_played[pm]);
    assert_true(r.best[po].weighted >= 2 * r.worst[po].weighted);
    /* The best path replays to the best total. */
    struct game *g = game_new(tut);
    struct game_setup st = {.seed = r.best[pm].seed, .nplayers = 1};
    st.players[0].role = pm;
    st.players[0].name = "x";
    assert_true(game_start(g, &st, &err));
    for (int i = 0; i < r.best[pm].nchoices; i++)
        assert_true(game_choose(g, r.best[pm].choices[i], false, 0, &err));
    assert_true(g->over);
    assert_true(game_weighted(g, 0) == r.best[pm].weighted);
    game_free(g);
    explore_result_free(&r);
    scenario_free(tut);
}

static void stat_equal(const struct explore_stat *a, const struct explore_stat *b)
{
    /* Bit for bit: the parts' sums are summed again in order. */
    assert_memory_equal(a, b, sizeof *a);
}

static void path_equal(const struct explore_path *a, const struct explore_path *b)
{
    assert_int_equal(a->role, b->role);
    assert_true(a->seed == b->seed);
    assert_int_equal(a->nchoices, b->nchoices);
    assert_memory_equal(a->choices, b->choices, sizeof *a->choices * (size_t)a->nchoices);
    assert_true(a->weighted == b->weighted);
}

/* Everything a report shows of two results (the time aside). */
static void results_equal(const struct scenario *s, const struct explore_result *a, const struct explore_result *b)
{
    assert_int_equal(a->playthroughs, b->playthroughs);
    assert_int_equal(a->runs_failed, b->runs_failed);
    assert_int_equal(a->choices, b->choices);
    assert_int_equal(a->states, b->states);
    assert_int_equal(a->complete, b->complete);
    assert_int_equal(a->text_bytes, b->text_bytes);
    assert_int_equal(a->ndead_ends, b->ndead_ends);
    assert_int_equal(a->nerrors, b->nerrors);
    size_t ns = sizeof(long) * (size_t)s->nscenes;
    assert_memory_equal(a->scene_visits, b->scene_visits, ns);
    assert_memory_equal(a->ending_counts, b->ending_counts, ns);
    assert_int_equal(a->nturns, b->nturns);
    assert_memory_equal(a->turns, b->turns, sizeof(long) * (size_t)a->nturns);
    for (int role = 0; role < s->nroles; role++) {
        assert_int_equal(a->role_played[role], b->role_played[role]);
        if (!a->role_played[role])
            continue;
        stat_equal(&a->weighted[role], &b->weighted[role]);
        for (int d = 0; d < s->ndimensions; d++)
            stat_equal(&a->score[role][d], &b->score[role][d]);
        path_equal(&a->best[role], &b->best[role]);
        path_equal(&a->worst[role], &b->worst[role]);
    }
}

struct progress_seen {
    long calls, last, total;
    bool backwards;
};

static void note_progress(void *ctx, long done, long total)
{
    struct progress_seen *p = ctx;
    p->backwards |= done < p->last;
    p->calls++;
    p->last = done;
    p->total = total;
}

/* --jobs: the worker processes take the chunks of the playthroughs in turn
 * (explore.c's pool), so which worker plays what depends on timing, but the
 * parts are merged in order: the result is that of one process, bit for
 * bit, for any number of processes; the progress, shown by the parent as
 * the parts come in, only grows, up to the total. The exhaustive search,
 * a role to a chunk, too. */
static void exploring_in_processes_gives_the_result_of_one(void **state)
{
    (void)state;
    struct scenario *tut = load_ok(source_path("scenarios/tutorial"));
    struct explore_options o;
    explore_options_default(&o);
    o.runs = 300;
    o.seed = 7;
    struct explore_result one;
    struct diag err;
    assert_true(explore_run(tut, &o, &one, &err));
    assert_int_equal(one.playthroughs, 600);
    static const int jobs[] = {2, 3, 5};
    /* The progress: once a chunk, and once at the end. The chunks (explore.c,
     * random_chunks_make): each half a job's share of what is left, none
     * under 600 / (128 jobs) playthroughs, nor 1 (the tutorial's parts are
     * small): for 2 jobs 150, 113, 85, ... 3, 2, 2, 2, 18 chunks. */
    static const int calls[] = {18 + 1, 29 + 1, 45 + 1};
    for (size_t j = 0; j < sizeof jobs / sizeof jobs[0]; j++) {
        struct progress_seen seen = {0};
        o.jobs = jobs[j];
        o.progress = note_progress;
        o.progress_ctx = &seen;
        struct explore_result many;
        assert_true(explore_run(tut, &o, &many, &err));
        results_equal(tut, &one, &many);
        assert_false(seen.backwards);
        assert_int_equal(seen.calls, calls[j]);
        assert_int_equal(seen.last, 600);
        assert_int_equal(seen.total, 600);
        explore_result_free(&many);
    }
    explore_result_free(&one);
    o.mode = EXPLORE_EXHAUSTIVE;
    o.progress = NULL;
    o.jobs = 1;
    assert_true(explore_run(tut, &o, &one, &err));
    o.jobs = 2;
    struct explore_result two;
    assert_true(explore_run(tut, &o, &two, &err));
    results_equal(tut, &one, &two);
    explore_result_free(&one);
    explore_result_free(&two);
    scenario_free(tut);
}

static struct game *start_duet(struct scenario *dsc, uint64_t seed)
{
    /* the first player may take the second role */
    return test_start_game(dsc, seed, 1, "Ben", 0, "Ana");
}

/* In a scene both decide, {player} and {role} are each player's own: the
 * core renders the text once per player (callbacks still see the PO). */
static void a_both_scene_names_each_player_in_its_text(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-names.lua"));
    struct game *g = start_duet(dsc, 1); /* Ben: pm (player 0); Ana: po (player 1) */
    assert_true(game_is_secret(g));
    assert_false(game_text_shared(g));
    assert_string_equal(game_text_for(g, 0), "Ben, as the Product Manager, what do you pitch?");
    assert_string_equal(game_text_for(g, 1), "Ana, as the Product Owner, what do you pitch?");
    assert_string_equal(g->view.text.data, "Ana, as the Product Owner, what do you pitch?");
    struct diag err;
    int picks[GAME_MAX_PLAYERS] = {2, 1};
    assert_true(game_choose_pair(g, picks, false, 0, &err));
    assert_string_equal(g->log_text.data + g->log[0].pick[0].feedback,
                        "Ben (Product Manager) pitched the features.");
    assert_string_equal(g->log_text.data + g->log[0].pick[1].feedback,
                        "Ana (Product Owner) pitched the outcome.");
    /* Out of the scene both decide, one text for both. */
    assert_true(game_text_shared(g));
    game_free(g);
    scenario_free(dsc);
}

/* In a scene both decide, game.role and game.player are the PO's, whoever
 * is listed or seated first. */
static void a_both_scene_shows_callbacks_the_po(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-pm-first.lua"));
    struct game *g = start_duet(dsc, 1); /* Ben: the second role (po); Ana: pm */
    assert_true(game_is_secret(g));
    assert_string_equal(g->view.text.data, "Deciding: po, Ben.");
    game_free(g);
    /* Seated the other way round, still the PO. */
    g = game_new(dsc);
    struct game_setup st = {.seed = 1, .nplayers = 2};
    st.players[0].role = scenario_role(dsc, "pm");
    st.players[0].name = "Cleo";
    st.players[1].role = scenario_role(dsc, "po");
    st.players[1].name = "Dev";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    assert_string_equal(g->view.text.data, "Deciding: po, Dev.");
    game_free(g);
    scenario_free(dsc);
}

static void duet_picks_that_differ_go_to_a_coin_toss(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet.lua"));
    int seen[2] = {0, 0};
    for (uint64_t seed = 1; seed <= 40; seed++) {
        struct game *g = start_duet(dsc, seed);
        assert_true(game_is_secret(g));
        struct diag err;
        int picks[2] = {2, 1}; /* Ben (PM) a feature list, Ana (PO) an outcome goal */
        assert_false(game_choose(g, 1, false, 0, &err));
        assert_string_equal(err.code, "secret");
        assert_true(game_choose_pair(g, picks, false, 3, &err));
        const struct decision *d = &g->log[0];
        assert_true(d->secret);
        assert_int_equal(d->outcome, DUET_COIN);
        assert_true(d->stood == 0 || d->stood == 1);
        seen[d->stood]++;
        /* Each pick scores for its player; only the winner's effects apply. */
        assert_true(g->s.players[0].score[0] == -1);
        assert_true(g->s.players[1].score[0] == 2);
        double budget = g->s.stats[0];
        assert_true(budget == (d->stood == 0 ? 7 : 9));
        assert_int_equal(game_flag(g, scenario_flag(dsc, "goal")), d->stood == 1);
        /* The same seed tosses the same coin. */
        struct game *h = start_duet(dsc, seed);
        assert_true(game_choose_pair(h, picks, false, 3, &err));
        assert_int_equal(h->log[0].stood, d->stood);
        game_free(h);
        /* The scene without by is decided by both too; time runs out for both. */
        assert_true(game_is_secret(g));
        assert_true(game_timeout(g, 30, &err));
        assert_int_equal(g->log[1].outcome, DUET_AGREED);
        assert_true(g->log[1].timed_out);
        assert_true(g->s.players[0].score[1] == 1 && g->s.players[1].score[1] == 1);
        game_free(g);
    }
    assert_true(seen[0] > 5 && seen[1] > 5);
    scenario_free(dsc);
}

/* The declared best is solo play's; a duet that scores more (here: picks
 * that differ, then the conflict scene's 3 points) is measured against the
 * duet's own best, and a solo game still against the declared one. */
static void a_duet_is_measured_against_its_own_best(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-best.lua"));
    struct best solo, duet;
    best_for(dsc, 0, 1, false, &solo);
    assert_true(solo.declared);
    assert_true(solo.weighted == 2);
    best_for(dsc, 0, 1, true, &duet);
    /* The PO's best duet: the outcome goal (2), the PM's other pick, then
     * the talk (3). */
    assert_false(duet.declared);
    assert_true(duet.weighted == 5);
    struct game *g = start_duet(dsc, 1);
    struct diag err;
    int picks[2] = {2, 1}; /* Ben (PM) the feature list, Ana (PO) the goal */
    assert_true(game_choose_pair(g, picks, false, 1, &err));
    assert_int_equal(g->log[0].outcome, DUET_CONFLICT);
    int agree[2] = {1, 1};
    assert_true(game_choose_pair(g, agree, false, 1, &err));
    assert_true(g->over);
    struct debrief d;
    debrief_build(g, &d);
    assert_true(d.players[1].weighted == 5); /* Ana */
    assert_true(d.players[1].percent == 100);
    assert_true(d.players[0].weighted == 2); /* Ben */
    assert_true(fabs(d.players[0].percent - 40) < 1e-9);
    game_free(g);
    scenario_free(dsc);
}

/* game.scene names the scene being decided: settle can tell which
 * disagreement it settles (the PO's pick on the goal, the PM's on the
 * price). Ben is the PM (player 0), Ana the PO (player 1). */
static void settle_knows_its_scene(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-settle.lua"));
    struct game *g = start_duet(dsc, 1);
    struct diag err;
    int picks[2] = {2, 1};
    assert_true(game_choose_pair(g, picks, false, 1, &err));
    assert_int_equal(g->log[0].outcome, DUET_SETTLED);
    assert_int_equal(g->log[0].stood, 1); /* the PO's, Ana's */
    assert_true(game_choose_pair(g, picks, false, 1, &err));
    assert_int_equal(g->log[1].outcome, DUET_SETTLED);
    assert_int_equal(g->log[1].stood, 0); /* the PM's, Ben's */
    assert_true(g->over);
    game_free(g);
    scenario_free(dsc);
}

/* What a game changes in its scenario while it runs (a flag the code
 * makes, a read of game.score) is in the scenario's live object; what was
 * loaded stays as it was. */
static void run_time_state_stays_out_of_the_loaded_scenario(void **state)
{
    (void)state;
    struct scenario *lsc = load_ok(test_path("fixtures/games/live-flags.lua"));
    assert_int_equal(lsc->nflags, 0);
    assert_int_equal(scenario_flag_count(lsc), 0);
    assert_int_equal(scenario_flag(lsc, "made_here"), -1);
    struct game *g = game_new(lsc);
    struct game_setup st = {.seed = 1, .nplayers = 1};
    st.players[0].name = "Ana";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    assert_true(game_choose(g, 1, false, 1, &err));
    assert_int_equal(lsc->nflags, 0); /* the loaded flags: none */
    assert_int_equal(scenario_flag_count(lsc), 1);
    assert_int_equal(scenario_flag(lsc, "made_here"), 0);
    assert_string_equal(lsc->live->flags[0], "made_here");
    assert_true(game_flag(g, 0));
    assert_int_equal(lsc->live->score_reads, 1);
    /* A second game finds the flag where the first made it. */
    struct game *h = game_new(lsc);
    assert_true(game_start(h, &st, &err));
    assert_true(game_choose(h, 1, false, 1, &err));
    assert_int_equal(scenario_flag_count(lsc), 1);
    assert_true(game_flag(h, 0));
    assert_int_equal(lsc->live->score_reads, 2);
    game_free(h);
    game_free(g);
    scenario_free(lsc);
}

/* In a duet each role gets its own search: the PO's 65,536 totals are no
 * longer too many (points do not split the merged states), and the answer
 * does not depend on who asks first. */
static void a_duet_best_does_not_depend_on_who_asks_first(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-wide.lua"));
    struct best po, pm;
    best_for(dsc, 0, 1, true, &po); /* seed 1: the PO first */
    best_for(dsc, 1, 1, true, &pm);
    assert_true(po.exact && pm.exact);
    assert_true(po.weighted == 65535);
    assert_true(pm.weighted == 3);
    best_for(dsc, 1, 2, true, &pm); /* seed 2: the PM first */
    best_for(dsc, 0, 2, true, &po);
    assert_true(pm.exact && pm.weighted == 3);
    assert_true(po.exact && po.weighted == 65535);
    scenario_free(dsc);
}

/* When the budget runs out before any ending, the best is an estimate,
 * marked so, and never reads lower than what the run itself reached. */
static void a_run_never_beats_its_best(void **state)
{
    (void)state;
    best_forget();
    best_set_budget(0);
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-wide.lua"));
    struct game *g = start_duet(dsc, 3);
    struct diag err;
    while (!g->over) {
        assert_false(game_is_secret(g));
        assert_true(game_choose(g, 1, false, 1, &err));
    }
    struct debrief d;
    debrief_build(g, &d);
    const struct debrief_player *ana = &d.players[1]; /* the PO */
    assert_true(ana->weighted == 65535);
    assert_false(ana->best.exact);
    assert_true(ana->best.weighted == 65535);
    assert_true(ana->best.points[0] == 65535);
    assert_true(ana->percent == 100);
    assert_non_null(strstr(ana->total, "estimated"));
    char *json = run_to_json(g, &(struct run_times){"", "", "", NULL});
    assert_non_null(strstr(json, "\"best_estimate\""));
    free(json);
    game_free(g);
    scenario_free(dsc);
    best_set_budget(LIMIT_BEST_SECONDS);
    best_forget();
}

/* The search for one player's best merges states that differ only in the
 * other player's points, unless a callback reads game.score: then the
 * points join the state, and the best is still exact. */
static void a_search_that_reads_scores_is_not_trusted_merged(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-score-read.lua"));
    struct explore_options o;
    explore_options_default(&o);
    o.mode = EXPLORE_EXHAUSTIVE;
    o.duet = true;
    o.score_of = -1; /* every player's points: exact */
    struct explore_result r;
    struct diag err;
    assert_true(explore_run(dsc, &o, &r, &err));
    assert_true(r.complete);
    for (int role = 0; role < 2; role++) {
        struct best b;
        best_for(dsc, role, 1, true, &b);
        assert_true(b.exact);
        assert_true(b.weighted == r.weighted[role].max);
    }
    explore_result_free(&r);
    scenario_free(dsc);
}

static void game_picks_are_visible_to_callbacks(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet.lua"));
    struct game *g = start_duet(dsc, 1);
    struct diag err;
    int agree[2] = {1, 1};
    assert_true(game_choose_pair(g, agree, false, 0, &err));
    assert_int_equal(g->log[0].outcome, DUET_AGREED);
    assert_true(g->s.players[0].score[0] == 2 && g->s.players[1].score[0] == 2);
    assert_string_equal(g->view.text.data, "Picks so far: yes.");
    int pilot[2] = {1, 1};
    assert_true(game_choose_pair(g, pilot, false, 0, &err));
    /* game.picks = { po = 1, pm = 1 }: 9 + 10 + 1 */
    assert_true(g->s.stats[0] == 20);
    game_free(g);
    scenario_free(dsc);
}

/* The game prefetches a condition's function by the address the loader kept
 * for its ref (scenario.callback_fn): that address must be the function's. */
static void each_callback_keeps_its_functions_address(void **state)
{
    (void)state;
    lua_State *L = sc->script->sb->L;
    int checked = 0;
    for (uint32_t c = 0; c < sc->nchoices; c++) {
        const struct callback cbs[] = {sc->choices[c].when, sc->choices[c].act,
                                       sc->choices[c].next_fn, sc->choices[c].label.fn};
        for (size_t k = 0; k < COUNT_OF(cbs); k++) {
            if (!callback_present(cbs[k]))
                continue;
            assert_true(cbs[k].ref < sc->ncallback_fn);
            lua_rawgeti(L, LUA_REGISTRYINDEX, cbs[k].ref);
            assert_int_equal(lua_type(L, -1), LUA_TFUNCTION);
            assert_ptr_equal(sc->callback_fn[cbs[k].ref], lua_topointer(L, -1));
            lua_pop(L, 1);
            checked++;
        }
    }
    assert_true(checked >= 3);
}

/* conditions.lua: each condition the engine answers without running Lua
 * (condition.h; listed first, each before a twin that Lua answers) gives
 * Lua's answer for every value around its number; the other shapes are
 * called, and a stat that does not exist still fails as a call does. */
static void simple_conditions_answer_as_lua_would(void **state)
{
    (void)state;
    struct scenario *cs = load_ok(test_path("fixtures/games/conditions.lua"));
    struct script *s = cs->script;
    lua_State *L = s->sb->L;
    struct game *g = game_new(cs);
    int scene = scenario_scene(cs, "a");
    const struct choice *first = &cs->choices[cs->scenes[scene].first_choice];
    int x = scenario_stat(cs, "x"), y = scenario_stat(cs, "y");
    static const double values[] = {-1000, -200, -128, -127, -126.5, -4, -3, -2.5, -0.5, 0, 0.5, 1, 1.5, 11,
                                    11.5, 12, 12.5, 13, 127, 127.5, 128, 128.5, 129, 1000};
    for (int i = 0; i < 12; i += 2) {
        assert_non_null(condition_of(L, &s->conds, first[i].when.ref, cs));
        assert_null(condition_of(L, &s->conds, first[i + 1].when.ref, cs));
        int held = 0;
        for (size_t v = 0; v < COUNT_OF(values); v++) {
            g->s.stats[x] = g->s.stats[y] = values[v];
            struct callsite site = {CB_WHEN, scene, i + 1};
            struct diag err;
            bool fast, called;
            assert_true(script_when(s, first[i].when, g, site, &fast, &err));
            assert_true(script_when(s, first[i + 1].when, g, site, &called, &err));
            assert_int_equal(fast, called);
            held += fast;
        }
        assert_true(held > 0 && held < (int)COUNT_OF(values));
    }
    for (int i = 12; i < 19; i++)
        assert_null(condition_of(L, &s->conds, first[i].when.ref, cs));
    /* A condition on an id of 40 bytes (the longest a simple one can have)
     * fits the dump kept (condition.c), and a longer dump is called. */
    assert_int_equal(cs->scenes[scene].nchoices, 21);
    assert_non_null(condition_of(L, &s->conds, first[19].when.ref, cs));
    assert_null(condition_of(L, &s->conds, first[20].when.ref, cs));
    for (int v = 2; v <= 4; v++) {
        g->s.stats[scenario_stat(cs, "a_stat_whose_id_is_forty_bytes_long_xxxx")] = v;
        g->s.stats[x] = 12;
        struct callsite site = {CB_WHEN, scene, 20};
        struct diag err;
        bool out;
        assert_true(script_when(s, first[19].when, g, site, &out, &err));
        assert_int_equal(out, v >= 3);
        site.choice = 21;
        assert_true(script_when(s, first[20].when, g, site, &out, &err));
        assert_true(out);
    }
    struct callsite site = {CB_WHEN, scene, 19};
    struct diag err;
    bool out;
    assert_string_equal(cs->choices[cs->scenes[scene].first_choice + 18].id, "19");
    assert_false(script_when(s, first[18].when, g, site, &out, &err));
    assert_non_null(strstr(err.message, "unknown stat 'nosuch'"));
    game_free(g);
    scenario_free(cs);
}

/* script_learn_conditions (what explore --jobs does before it forks)
 * looks at every choice's `when` at once, and finds what each first call
 * would have found: conditions.lua's simple ones (every other one of the
 * first 12, and the 20th) answered without Lua, the rest called. */
static void learning_the_conditions_first_finds_what_their_calls_would(void **state)
{
    (void)state;
    struct scenario *cs = load_ok(test_path("fixtures/games/conditions.lua"));
    struct script *s = cs->script;
    script_learn_conditions(s);
    int whens = 0;
    for (uint32_t c = 0; c < cs->nchoices; c++) {
        struct callback when = cs->choices[c].when;
        if (!callback_present(when))
            continue;
        assert_true(when.ref < s->conds.cap);
        assert_true(s->conds.by_ref[when.ref].known & CONDITION_KNOWN);
        whens++;
    }
    int scene = scenario_scene(cs, "a");
    const struct choice *first = &cs->choices[cs->scenes[scene].first_choice];
    assert_true(whens >= cs->scenes[scene].nchoices);
    for (int i = 0; i < cs->scenes[scene].nchoices; i++) {
        bool simple = (i < 12 && i % 2 == 0) || i == 19;
        assert_int_equal(!!(s->conds.by_ref[first[i].when.ref].known & CONDITION_SIMPLE), simple);
    }
    scenario_free(cs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_choice_applies_in_the_contracts_order),
        cmocka_unit_test(stats_clamp_and_stay_whole),
        cmocka_unit_test(numbers_stay_within_a_trillion),
        cmocka_unit_test(menus_filter_number_and_lock),
        cmocka_unit_test(a_timer_takes_the_timeout_choice),
        cmocka_unit_test(outcomes_depend_on_the_seed_only),
        cmocka_unit_test(a_failing_callback_leaves_no_trace),
        cmocka_unit_test(dead_ends_and_bad_targets_are_errors),
        cmocka_unit_test(the_game_object_guards_itself),
        cmocka_unit_test(the_log_keeps_the_best_choice_for_the_role),
        cmocka_unit_test(options_are_shuffled_by_the_seed_only),
        cmocka_unit_test(the_shuffle_draws_nothing_from_the_generator),
        cmocka_unit_test(a_locked_best_is_named_with_its_reason),
        cmocka_unit_test(causes_and_questions_are_kept_under_their_decision),
        cmocka_unit_test(exhaustive_exploration_finds_every_scene_of_the_tutorial),
        cmocka_unit_test(exploring_in_processes_gives_the_result_of_one),
        cmocka_unit_test(a_both_scene_shows_callbacks_the_po),
        cmocka_unit_test(a_both_scene_names_each_player_in_its_text),
        cmocka_unit_test(duet_picks_that_differ_go_to_a_coin_toss),
        cmocka_unit_test(a_duet_is_measured_against_its_own_best),
        cmocka_unit_test(settle_knows_its_scene),
        cmocka_unit_test(run_time_state_stays_out_of_the_loaded_scenario),
        cmocka_unit_test(a_search_that_reads_scores_is_not_trusted_merged),
        cmocka_unit_test(a_duet_best_does_not_depend_on_who_asks_first),
        cmocka_unit_test(a_run_never_beats_its_best),
        cmocka_unit_test(game_picks_are_visible_to_callbacks),
        cmocka_unit_test(each_callback_keeps_its_functions_address),
        cmocka_unit_test(simple_conditions_answer_as_lua_would),
        cmocka_unit_test(learning_the_conditions_first_finds_what_their_calls_would),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
