/*
 * test_recap.c: the words both front-ends show of a run (recap.h), on
 * tests/fixtures/games/recap.lua and duet-settle.lua: a decision's changes
 * in their one order, "meanwhile", the progress, a stat over the run, the
 * best choice's line and a duet's outcome and disagreements.
 */
#include <string.h>

#include "core/debrief.h"
#include "core/game.h"
#include "core/loader.h"
#include "core/recap.h"
#include "support.h"

static struct game *start_solo(struct scenario *sc)
{
    return test_start_game(sc, 1, 0, "Ana", -1, NULL);
}

/* Hire, Plan, Grow: the run every solo test reads. */
static struct game *played(struct scenario *sc)
{
    struct game *g = start_solo(sc);
    test_choose(g, 1);
    test_choose(g, 1);
    test_choose(g, 1);
    assert_true(g->over);
    return g;
}

static void changes_are_points_then_visible_stats(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/games/recap.lua"));
    struct game *g = played(sc);
    struct changes c;
    recap_changes(sc, g->log[0].score, g->log[0].stat_delta, &c);
    assert_int_equal(c.n, 4); /* the hidden stat's +2 is left out */
    assert_string_equal(c.item[0].text, "+3 Vision");
    assert_string_equal(c.item[1].text, "-1 Roadmap");
    assert_string_equal(c.item[2].text, "Runway -1");
    assert_string_equal(c.item[3].text, "Team morale +5");
    assert_false(c.item[0].stat);
    assert_true(c.item[2].stat);
    assert_true(c.item[1].value == -1);
    struct strbuf line;
    sb_init(&line);
    recap_join(&c, " · ", &line);
    assert_string_equal(line.data, "+3 Vision · -1 Roadmap · Runway -1 · Team morale +5");
    /* What moved as the next scene began, apart from the choice. */
    recap_changes(sc, NULL, g->log[0].enter_delta, &c);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.item[0].text, "Runway +24");
    /* A choice that changed nothing says nothing. */
    recap_changes(sc, g->log[1].score, g->log[1].stat_delta, &c);
    assert_int_equal(c.n, 0);
    sb_free(&line);
    game_free(g);
    scenario_free(sc);
}

static void progress_counts_phases_in_first_named_order(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/games/recap.lua"));
    struct game *g = start_solo(sc);
    struct strbuf p;
    sb_init(&p);
    recap_progress(g, game_scene(g), &p);
    assert_string_equal(p.data, "Startup · phase 1 of 2 · decision 1");
    test_choose(g, 2);
    /* A dated label is in the phase its first part names. */
    sb_clear(&p);
    recap_progress(g, game_scene(g), &p);
    assert_string_equal(p.data, "Startup · Week 2 · phase 1 of 2 · decision 2");
    test_choose(g, 1);
    sb_clear(&p);
    recap_progress(g, game_scene(g), &p);
    assert_string_equal(p.data, "Growth · phase 2 of 2 · decision 3");
    sb_free(&p);
    game_free(g);
    scenario_free(sc);
}

static void a_stat_over_the_run_is_taken_back_from_the_end(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/games/recap.lua"));
    struct game *g = played(sc);
    double v[4];
    recap_stat_series(g, scenario_stat(sc, "runway"), v);
    assert_true(v[0] == 10 && v[1] == 33 && v[2] == 33 && v[3] == 33);
    recap_stat_series(g, scenario_stat(sc, "morale"), v);
    assert_true(v[0] == 50 && v[1] == 55 && v[2] == 55 && v[3] == 55);
    game_free(g);
    scenario_free(sc);
}

static void the_best_choice_is_said_once_for_each_decision(void **state)
{
    (void)state;
    struct scenario *sc = load_ok(test_path("fixtures/games/recap.lua"));
    struct game *g = played(sc);
    struct strbuf line;
    sb_init(&line);
    const double *score = NULL;
    /* Hire (3 - 1) against Wait (4). */
    assert_int_equal(recap_best(g, 0, -1, &line, &score), RECAP_BEST_OTHER);
    assert_string_equal(line.data, "Best for a Product Owner: Wait");
    assert_non_null(score);
    assert_true(score[0] == 4 && score[1] == 0);
    /* One choice open: nothing to say. */
    sb_clear(&line);
    assert_int_equal(recap_best(g, 1, -1, &line, &score), RECAP_BEST_NONE);
    assert_int_equal(line.len, 0);
    assert_null(score);
    sb_clear(&line);
    assert_int_equal(recap_best(g, 2, -1, &line, &score), RECAP_BEST_TAKEN);
    assert_string_equal(line.data, "The best-scoring choice here.");
    sb_free(&line);
    game_free(g);
    scenario_free(sc);
}

/* Ben is the PM (player 0), Ana the PO (player 1); the scenario settles the
 * goal for the PO and the price for the PM. */
static struct game *start_duet(struct scenario *dsc)
{
    return test_start_game(dsc, 1, 1, "Ben", 0, "Ana");
}

static void a_duet_says_how_it_settled_and_where_it_disagreed(void **state)
{
    (void)state;
    struct scenario *dsc = load_ok(test_path("fixtures/games/duet-settle.lua"));
    struct game *g = start_duet(dsc);
    struct diag err;
    int differ[2] = {2, 1};
    assert_true(game_choose_pair(g, differ, false, 1, &err));
    assert_true(game_choose_pair(g, differ, false, 1, &err));
    struct strbuf s;
    sb_init(&s);
    recap_duet_outcome(g, &g->log[0], &s);
    assert_string_equal(s.data, "You disagree: the Product Owner's pick stands, as the scenario settles it.");
    sb_clear(&s);
    recap_duet_outcome(g, &g->log[1], &s);
    assert_string_equal(s.data,
                        "You disagree: the Product Manager's pick stands, as the scenario settles it.");
    sb_clear(&s);
    assert_int_equal(recap_disagreed_at(g, &s), 2);
    assert_string_equal(s.data, "You disagreed at: Goal, Pricing.");
    game_free(g);

    g = start_duet(dsc);
    int agree[2] = {1, 1};
    assert_true(game_choose_pair(g, agree, false, 1, &err));
    assert_true(game_choose_pair(g, differ, false, 1, &err));
    sb_clear(&s);
    recap_duet_outcome(g, &g->log[0], &s);
    assert_string_equal(s.data, "You agree.");
    sb_clear(&s);
    assert_int_equal(recap_disagreed_at(g, &s), 1);
    assert_string_equal(s.data, "You disagreed at: Pricing.");
    game_free(g);

    g = start_duet(dsc);
    assert_true(game_choose_pair(g, agree, false, 1, &err));
    assert_true(game_choose_pair(g, agree, false, 1, &err));
    sb_clear(&s);
    assert_int_equal(recap_disagreed_at(g, &s), 0);
    assert_int_equal(s.len, 0);
    sb_free(&s);
    game_free(g);
    scenario_free(dsc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(changes_are_points_then_visible_stats),
        cmocka_unit_test(progress_counts_phases_in_first_named_order),
        cmocka_unit_test(a_stat_over_the_run_is_taken_back_from_the_end),
        cmocka_unit_test(the_best_choice_is_said_once_for_each_decision),
        cmocka_unit_test(a_duet_says_how_it_settled_and_where_it_disagreed),
    };
    return test_exit(cmocka_run_group_tests(tests, NULL, NULL));
}
