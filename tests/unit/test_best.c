/*
 * test_best.c: the exact best (core/best.h), its cache and background
 * search (core/debrief.h), the honest headline, and naive play
 * (core/policy.h), on small fixtures whose answers are known by hand.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/best.h"
#include "core/debrief.h"
#include "core/explore.h"
#include "core/game.h"
#include "core/loader.h"
#include "core/policy.h"
#include "core/util.h"
#include "support.h"

/* One role's search with jobs workers. */
static struct best_search search_with(struct scenario *sc, int role, uint64_t seed, bool duet, bool bound,
                                      int jobs)
{
    struct best_search bs;
    memset(&bs, 0, sizeof bs);
    bs.role = role;
    bs.seed = seed;
    bs.duet = duet;
    bs.no_bound = !bound;
    bs.jobs = jobs;
    struct diag err;
    if (!best_search_run(sc, &bs, &err))
        fail_msg("search: %s", err.message);
    return bs;
}

static double search(struct scenario *sc, int role, bool duet, bool bound, bool *exact)
{
    struct best_search bs = search_with(sc, role, 1, duet, bound, 1);
    *exact = bs.exact;
    double w = bs.weighted;
    best_search_free(&bs);
    return w;
}

/* The maximum over every ending of an exhaustive exploration that tells
 * states apart by every point (no merging by value, no bound). */
static double exhaustive_max(struct scenario *sc, int role, bool duet)
{
    struct explore_options o;
    explore_options_default(&o);
    o.mode = EXPLORE_EXHAUSTIVE;
    o.role = duet ? -1 : role;
    o.duet = duet;
    o.score_of = -1;
    struct explore_result r;
    struct diag err;
    if (!explore_run(sc, &o, &r, &err))
        fail_msg("explore: %s", err.message);
    assert_true(r.complete);
    double m = r.weighted[role].max;
    explore_result_free(&r);
    return m;
}

static void the_best_is_the_exhaustive_maximum(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        bool duet;
        double po; /* known by hand where it is small, else NAN */
    } cases[] = {
        {"fixtures/best/greedy-wrong.lua", false, 6},
        {"fixtures/best/all-negative.lua", false, -2},
        {"fixtures/games/rules.lua", false, NAN},
        {"fixtures/games/duet-best.lua", true, 5},
        {"fixtures/games/duet-score-read.lua", true, NAN},
        {"fixtures/games/duet.lua", true, NAN},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        struct scenario *sc = load_ok(test_path(cases[i].path));
        int roles = cases[i].duet ? 2 : sc->nroles;
        for (int role = 0; role < roles; role++) {
            double want = exhaustive_max(sc, role, cases[i].duet);
            bool exact;
            double bb = search(sc, role, cases[i].duet, true, &exact);
            if (!exact || bb != want)
                fail_msg("%s role %d: branch and bound %g (exact %d), exhaustive %g", cases[i].path, role, bb,
                         exact, want);
            double plain = search(sc, role, cases[i].duet, false, &exact);
            if (!exact || plain != want)
                fail_msg("%s role %d: merged search %g, exhaustive %g", cases[i].path, role, plain, want);
            if (role == 0 && !isnan(cases[i].po))
                assert_true(want == cases[i].po);
        }
        scenario_free(sc);
    }
    /* The tutorial, both roles: solo against the exhaustive maximum; its
     * duet (over a million states told apart by points) against the merged
     * search without a bound. */
    struct scenario *sc = load_ok(source_path("scenarios/tutorial"));
    for (int role = 0; role < 2; role++) {
        bool exact, plain_exact;
        double bb = search(sc, role, false, true, &exact);
        assert_true(exact);
        assert_true(bb == exhaustive_max(sc, role, false));
        bb = search(sc, role, true, true, &exact);
        double plain = search(sc, role, true, false, &plain_exact);
        assert_true(exact && plain_exact);
        assert_true(bb == plain);
    }
    scenario_free(sc);
}

/* A quiet game (game_quiet: the search's) renders no text, but calls
 * every text function and checks what it returns: it draws from the
 * generator, scores and fails as a rendering game does, so the best is
 * that of rendering play. quiet.lua's richer path fails on its text. */
static void quiet_games_draw_and_fail_as_rendering_ones(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/best/quiet.lua"));
    struct game_texts_checked *texts = game_texts_checked_new();
    struct game_setup st = {.seed = 3, .nplayers = 1};
    st.players[0].name = "Ana";
    for (int first = 1; first <= 2; first++) {
        for (int twice = 0; twice < 2; twice++) { /* the second time, from the checked texts */
            struct game *loud = game_new(sc), *quiet = game_new(sc);
            game_quiet(quiet, texts);
            struct diag e1, e2;
            assert_true(game_start(loud, &st, &e1) && game_start(quiet, &st, &e2));
            assert_true(strlen(loud->view.text.data) > 0);
            bool ok1 = game_choose(loud, first, false, 0, &e1), ok2 = game_choose(quiet, first, false, 0, &e2);
            assert_int_equal(ok1, first == 2);
            assert_int_equal(ok2, ok1);
            if (!ok1)
                assert_string_equal(e2.message, e1.message);
            assert_memory_equal(&quiet->s.rng, &loud->s.rng, sizeof loud->s.rng);
            if (ok1) {
                assert_true(game_choose(loud, 1, false, 0, &e1) && game_choose(quiet, 1, false, 0, &e2));
                assert_true(loud->over && quiet->over);
                assert_memory_equal(&quiet->s.rng, &loud->s.rng, sizeof loud->s.rng);
                assert_true(game_weighted(quiet, 0) == game_weighted(loud, 0));
            }
            game_free(loud);
            game_free(quiet);
        }
    }
    game_texts_checked_free(texts);
    bool exact;
    assert_true(search(sc, 0, false, true, &exact) == 6);
    assert_true(exact);
    scenario_free(sc);
}

/* The best path's points are the bars' targets: a best run fills them. */
static void the_best_path_is_replayable(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/best/greedy-wrong.lua"));
    struct best_search bs;
    memset(&bs, 0, sizeof bs);
    bs.seed = 7;
    struct diag err;
    assert_true(best_search_run(sc, &bs, &err));
    assert_true(bs.exact && bs.found && bs.seed_free);
    assert_int_equal(bs.npath, 2);
    assert_int_equal(bs.path[0], 2);
    assert_int_equal(bs.path[1], 2);
    assert_true(bs.points[0] == 6);
    best_search_free(&bs);
    scenario_free(sc);
}

/* Two workers find what one finds: the same best, path (and so points)
 * and states, on every bundled scenario, both roles. Seed to Scale's
 * searches (seed 4: 120,000 and 166,000 states) are split into tasks
 * that both workers take; the others end in the dive. */
static void two_workers_find_what_one_does(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        uint64_t seed;
    } cases[] = {
        {"scenarios/tutorial", 1},   {"scenarios/seed-to-scale-workshop", 1}, {"scenarios/the-offer", 1},
        {"scenarios/tug-of-war", 1}, {"scenarios/seed-to-scale", 4},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        struct scenario *sc = load_ok(source_path(cases[i].path));
        for (int role = 0; role < sc->nroles; role++) {
            struct best_search one = search_with(sc, role, cases[i].seed, false, true, 1);
            struct best_search two = search_with(sc, role, cases[i].seed, false, true, 2);
            if (!one.exact || !two.exact || one.weighted != two.weighted || one.states != two.states ||
                one.npath != two.npath || memcmp(one.path, two.path, sizeof *one.path * (size_t)one.npath) != 0 ||
                memcmp(one.points, two.points, sizeof one.points) != 0)
                fail_msg("%s role %d: one worker %g (exact %d, %ld states), two %g (exact %d, %ld states)",
                         cases[i].path, role, one.weighted, one.exact, one.states, two.weighted, two.exact,
                         two.states);
            best_search_free(&one);
            best_search_free(&two);
        }
        scenario_free(sc);
    }
}

/* Scenes next functions return that the bounds did not count, met late
 * (issue 23, round 10: fixtures/best/late-scene.lua). The PO's "bonus" is
 * met in a task with most of its states below "gate": the pass goes on to
 * its end on its bounds, and the second searches again only the states
 * upstream of "gate" (10,192 instead of the 59,089 of commit 4f09825's
 * second pass). The PM's new scenes raise no bound: one pass. The dev's
 * "bonus2" is met in the dive: a second pass. Each best is the plain
 * search's, and two workers find what one does. */
static void late_scenes_start_over_only_where_bounds_change(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/best/late-scene.lua"));
    static const struct {
        int role;
        uint64_t seed;
        double best;
        int passes;
        long states, states_all;
    } cases[] = {{0, 5, 5, 2, 10192, 69281}, {1, 5, 0, 1, 59089, 59089}, {2, 3, 5, 2, 26449, 26583}};
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        struct best_search one = search_with(sc, cases[i].role, cases[i].seed, false, true, 1);
        struct best_search two = search_with(sc, cases[i].role, cases[i].seed, false, true, 2);
        struct best_search plain = search_with(sc, cases[i].role, cases[i].seed, false, false, 1);
        assert_true(one.exact && two.exact && plain.exact);
        assert_true(one.weighted == cases[i].best && plain.weighted == cases[i].best);
        assert_int_equal(one.passes, cases[i].passes);
        assert_int_equal(one.states, cases[i].states);
        assert_int_equal(one.states_all, cases[i].states_all);
        assert_int_equal(two.passes, one.passes);
        assert_int_equal(two.states, one.states);
        assert_int_equal(two.states_all, one.states_all);
        assert_int_equal(one.npath, two.npath);
        assert_memory_equal(one.path, two.path, sizeof *one.path * (size_t)one.npath);
        best_search_free(&one);
        best_search_free(&two);
        best_search_free(&plain);
    }
    scenario_free(sc);
}

/* Percentages: perfect play is 100% when every option costs points; a run
 * below zero shows its points; the bars agree with the headline. */
static void the_headline_is_honest(void **state)
{
    (void)state;
    assert_true(debrief_percent(-2, -2) == 100);
    assert_true(fabs(debrief_percent(-6, -2) - 100.0 / 3) < 1e-9);
    assert_true(debrief_percent(-3, 10) == 0);
    assert_true(debrief_percent(5, 10) == 50);
    assert_true(debrief_percent(12, 10) == 100);

    struct scenario *sc = load_ok(test_path("fixtures/best/all-negative.lua"));
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = 1, .nplayers = 1};
    st.players[0].name = "Ana";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    assert_true(game_choose(g, 1, false, 0, &err));
    assert_true(game_choose(g, 1, false, 0, &err));
    struct debrief d;
    debrief_build(g, &d);
    assert_true(d.players[0].best.exact);
    assert_true(d.players[0].best.weighted == -2);
    assert_true(d.players[0].percent == 100);
    assert_string_equal(d.players[0].headline, "100%");
    assert_string_equal(d.players[0].bar_label[0], "-2 of -2");
    assert_true(d.players[0].share[0] == 1);
    game_free(g);
    scenario_free(sc);

    /* Below zero against a positive best: the points, not 0%. */
    sc = load_ok(test_path("fixtures/games/rules.lua"));
    g = game_new(sc);
    assert_true(game_start(g, &st, &err));
    debrief_build(g, &d);
    game_free(g);
    scenario_free(sc);
    sc = load_ok(test_path("fixtures/best/greedy-wrong.lua"));
    g = game_new(sc);
    assert_true(game_start(g, &st, &err));
    assert_true(game_choose(g, 2, false, 0, &err)); /* invest: 1 */
    assert_true(game_choose(g, 2, false, 0, &err)); /* build: 5 */
    debrief_build(g, &d);
    const struct debrief_player *dp = &d.players[0];
    assert_true(dp->percent == 100);
    assert_string_equal(dp->bar_label[0], "6 of 6 · 100%");
    assert_string_equal(dp->total, "Weighted total 6 of 6 possible");
    game_free(g);
    g = game_new(sc);
    assert_true(game_start(g, &st, &err));
    assert_true(game_choose(g, 1, false, 0, &err)); /* the quick win: 3 */
    debrief_build(g, &d);
    assert_true(d.players[0].percent == 50);
    assert_string_equal(d.players[0].headline, "50%");
    assert_string_equal(d.players[0].bar_label[0], "3 of 6 · 50%");
    assert_true(d.players[0].share[0] == 0.5);
    game_free(g);
    scenario_free(sc);
}

/* Issue 16: the search runs on a load of its own; the run's Lua state (a
 * next function's hidden counter) is untouched. */
static void the_search_leaves_the_runs_state_alone(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/best/hidden-state.lua"));
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = 1, .nplayers = 1};
    st.players[0].name = "Ana";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    struct best b;
    best_for(sc, 0, 1, false, &b); /* searches every path: calls next twice or more */
    assert_true(b.exact);
    assert_true(game_choose(g, 1, false, 0, &err));
    assert_true(g->over); /* 'done', the first call's answer, not 'again' */
    assert_string_equal(sc->scenes[g->s.scene].id, "done");
    game_free(g);
    scenario_free(sc);
}

/* The overall deadline: a space too large to search ends at the budget,
 * with the best found marked as an estimate. */
static void the_search_ends_at_its_deadline(void **state)
{
    (void)state;
    best_forget();
    best_set_budget(0.3);
    struct scenario *sc = load_ok(test_path("fixtures/best/wide.lua"));
    double t0 = clock_seconds();
    struct best b;
    best_for(sc, 0, 1, false, &b);
    assert_false(b.exact);
    assert_true(b.weighted == 0);
    assert_true(clock_seconds() - t0 < 30); /* ended by the deadline, not by the 2^30 states */
    scenario_free(sc);
    best_set_budget(LIMIT_BEST_SECONDS);
    best_forget();
}

/* The disk cache: a miss writes the answer, a hit reads it, a corrupt entry
 * is ignored (and searched again). */
static void the_cache_hits_misses_and_ignores_corrupt_entries(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    best_set_cache_dir(dir);
    best_forget();
    struct scenario *sc = load_ok(test_path("fixtures/best/greedy-wrong.lua"));
    struct best b;
    best_for(sc, 0, 5, false, &b);
    assert_false(b.cached);
    assert_true(b.exact && b.weighted == 6 && b.seed_free);
    char path[4200];
    snprintf(path, sizeof path, "%s/%016llx-solo-role0-any.json", dir, (unsigned long long)sc->hash);
    struct stat stt;
    assert_int_equal(stat(path, &stt), 0);
    best_forget();
    best_for(sc, 0, 99, false, &b); /* any seed: the scenario never draws */
    assert_true(b.cached);
    assert_true(b.exact && b.weighted == 6 && b.points[0] == 6);
    write_file(path, "{\"format\": \"scaleup-best/1\", \"weighted\": \"lots\"}", 48);
    best_forget();
    best_for(sc, 0, 5, false, &b);
    assert_false(b.cached);
    assert_true(b.exact && b.weighted == 6);
    best_forget();
    best_set_cache_dir("");
    scenario_free(sc);
    free(dir);
}

/* An estimate stopped by the cap of states is what the same search finds
 * on any machine: cached for its seed, with the search's version and cap
 * (another version's or another cap's is searched again). One stopped by
 * the clock is not cached. */
static void an_estimate_at_the_cap_is_cached_for_its_seed(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    best_set_cache_dir(dir);
    best_forget();
    best_set_max_states(1000);
    best_set_jobs(1); /* with more, where the cap stops depends on their timing */
    struct scenario *sc = load_ok(test_path("fixtures/best/wide.lua"));
    struct best b;
    best_for(sc, 0, 7, false, &b);
    assert_false(b.cached);
    assert_false(b.exact);
    assert_true(b.weighted == 0);
    char path[4200], other[4200];
    snprintf(path, sizeof path, "%s/%016llx-solo-role0-7-estimate.json", dir, (unsigned long long)sc->hash);
    struct stat stt;
    assert_int_equal(stat(path, &stt), 0);
    snprintf(other, sizeof other, "%s/%016llx-solo-role0-any.json", dir, (unsigned long long)sc->hash);
    assert_int_not_equal(stat(other, &stt), 0);
    snprintf(other, sizeof other, "%s/%016llx-solo-role0-7.json", dir, (unsigned long long)sc->hash);
    assert_int_not_equal(stat(other, &stt), 0);
    best_forget();
    best_for(sc, 0, 7, false, &b);
    assert_true(b.cached);
    assert_false(b.exact);
    assert_true(b.weighted == 0);
    /* Another version of the search, or another cap: searched again. */
    const char *old = "{\"format\": \"scaleup-best/1\", \"weighted\": 5, \"points\": [5], "
                      "\"search\": 1, \"max_states\": 1000}";
    write_file(path, old, strlen(old));
    best_forget();
    best_for(sc, 0, 7, false, &b);
    assert_false(b.cached);
    assert_true(b.weighted == 0);
    best_set_max_states(2000);
    best_forget();
    best_for(sc, 0, 7, false, &b);
    assert_false(b.cached);
    /* Stopped by the clock: not cached. */
    best_set_max_states(LIMIT_BEST_STATES);
    best_set_budget(0.3);
    best_forget();
    best_for(sc, 0, 8, false, &b);
    assert_false(b.exact);
    snprintf(other, sizeof other, "%s/%016llx-solo-role0-8-estimate.json", dir, (unsigned long long)sc->hash);
    assert_int_not_equal(stat(other, &stt), 0);
    best_set_budget(LIMIT_BEST_SECONDS);
    best_set_jobs(0);
    best_forget();
    best_set_cache_dir("");
    scenario_free(sc);
    free(dir);
}

/* A duet's percent is against the duet's exact best: never above 100, for
 * every pair of picks of the tutorial's first scenes. */
static void a_duet_percent_never_exceeds_100(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(source_path("scenarios/tutorial"));
    struct explore_options o;
    explore_options_default(&o);
    o.duet = true;
    o.runs = 200;
    struct explore_result r;
    struct diag err;
    assert_true(explore_run(sc, &o, &r, &err));
    for (int role = 0; role < 2; role++) {
        struct best b;
        best_for(sc, role, 1, true, &b);
        assert_true(b.exact);
        /* Any duet run (whatever its seed: the tutorial's draws do not
         * change what scores) stays at or under the exact best. */
        assert_true(r.weighted[role].max <= b.weighted);
        assert_true(debrief_percent(r.weighted[role].max, b.weighted) <= 100);
    }
    explore_result_free(&r);
    scenario_free(sc);
}

/* Naive play on greedy-wrong: first, shortest and greedy take the quick win
 * (3 of 6), last and longest invest and build (6 of 6). */
static void policies_have_exact_figures(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/best/greedy-wrong.lua"));
    struct policy_report pol;
    policy_report_make(sc, 4, 1, &pol);
    assert_int_equal(pol.nseeds, 4);
    assert_true(pol.exact[0] && pol.seed_free[0] && pol.best[0] == 6);
    static const double want[POLICY_COUNT] = {[POLICY_FIRST] = 50, [POLICY_LAST] = 100,
                                              [POLICY_LONGEST] = 100, [POLICY_SHORTEST] = 50,
                                              [POLICY_GREEDY] = 50};
    for (int p = 0; p < POLICY_COUNT; p++) {
        const struct policy_figures *f = &pol.fig[0][p];
        assert_int_equal(f->runs, 4);
        if (p == POLICY_RANDOM) {
            /* Each run: 3, 1 or 6 of 6. */
            assert_true(f->min >= 100.0 / 6 - 1e-9 && f->max <= 100);
            assert_true(f->mean >= f->min && f->mean <= f->max);
            continue;
        }
        assert_true(f->mean == want[p] && f->min == want[p] && f->max == want[p]);
    }
    assert_string_equal(policy_name(POLICY_GREEDY), "greedy");
    scenario_free(sc);
}

static int setup(void **state)
{
    (void)state;
    best_set_cache_dir("");
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_best_is_the_exhaustive_maximum),
        cmocka_unit_test(quiet_games_draw_and_fail_as_rendering_ones),
        cmocka_unit_test(the_best_path_is_replayable),
        cmocka_unit_test(two_workers_find_what_one_does),
        cmocka_unit_test(late_scenes_start_over_only_where_bounds_change),
        cmocka_unit_test(the_headline_is_honest),
        cmocka_unit_test(the_search_leaves_the_runs_state_alone),
        cmocka_unit_test(the_search_ends_at_its_deadline),
        cmocka_unit_test(the_cache_hits_misses_and_ignores_corrupt_entries),
        cmocka_unit_test(an_estimate_at_the_cap_is_cached_for_its_seed),
        cmocka_unit_test(a_duet_percent_never_exceeds_100),
        cmocka_unit_test(policies_have_exact_figures),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
