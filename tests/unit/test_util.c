/* test_util.c: numbers, strings, UTF-8, the generator, the id map. */
#include <math.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/limits.h"
#include "core/rng.h"
#include "core/strmap.h"
#include "core/utf8.h"
#include "core/util.h"
#include "support.h"

static void numbers_show_whole_values_without_a_point(void **state)
{
    (void)state;
    char b[64];
    format_number(b, sizeof b, 12);
    assert_string_equal(b, "12");
    format_number(b, sizeof b, -3);
    assert_string_equal(b, "-3");
    format_number(b, sizeof b, 1.5);
    assert_string_equal(b, "1.5");
    format_number(b, sizeof b, 2.25);
    assert_string_equal(b, "2.25");
    format_number(b, sizeof b, 0.1 + 0.2);
    assert_string_equal(b, "0.3");
    format_number(b, sizeof b, -0.001);
    assert_string_equal(b, "0");
    format_signed(b, sizeof b, 3);
    assert_string_equal(b, "+3");
    format_signed(b, sizeof b, -1.5);
    assert_string_equal(b, "-1.5");
    format_signed(b, sizeof b, 0);
    assert_string_equal(b, "0");
}

static void strbuf_grows_and_stays_terminated(void **state)
{
    (void)state;
    struct strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < 1000; i++)
        sb_printf(&sb, "%d,", i);
    assert_int_equal(strlen(sb.data), sb.len);
    assert_memory_equal(sb.data, "0,1,2,", 6);
    assert_string_equal(sb.data + sb.len - 4, "999,");
    sb_clear(&sb);
    assert_string_equal(sb.data, "");
    sb_free(&sb);
}

static void shell_words_are_quoted_only_when_needed(void **state)
{
    (void)state;
    static const struct {
        const char *word, *shell;
    } cases[] = {
        {"seed-to-scale", "seed-to-scale"},
        {"sub/dir/mine2", "sub/dir/mine2"},
        {"my scenarios/main.lua", "'my scenarios/main.lua'"},
        {"it's", "'it'\\''s'"},
        {"$HOME", "'$HOME'"},
        {"", "''"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct strbuf sb;
        sb_init(&sb);
        sb_shell_word(&sb, cases[i].word);
        assert_string_equal(sb.data, cases[i].shell);
        sb_free(&sb);
    }
}

static void edit_distance_finds_typos(void **state)
{
    (void)state;
    assert_int_equal(edit_distance("runway", "runwya", 3), 2);
    assert_int_equal(edit_distance("vision", "visoin", 3), 2);
    assert_int_equal(edit_distance("score", "scor", 3), 1);
    assert_true(edit_distance("negotiation", "po", 3) > 3);
}

/* nearest_name reads names from an array of strings or from a field of an
 * array of structs, skips NULL names, and wants two edits or fewer. */
static void nearest_name_finds_the_closest_within_two_edits(void **state)
{
    (void)state;
    static const char *const names[] = {"runway", NULL, "morale", "luck"};
    assert_string_equal(nearest_name("runwya", names, sizeof *names, 4), "runway");
    assert_string_equal(nearest_name("lcuk", names, sizeof *names, 4), "luck");
    assert_null(nearest_name("money", names, sizeof *names, 4));
    assert_null(nearest_name("runway", names, sizeof *names, 0));
    struct item {
        int n;
        const char *id;
    } items[] = {{1, "vision"}, {2, "roadmap"}};
    assert_string_equal(nearest_name("roadmpa", &items[0].id, sizeof items[0], 2), "roadmap");
    assert_string_equal(name_at(&items[0].id, sizeof items[0], 1), "roadmap");
}

static void utf8_validation_follows_rfc_3629(void **state)
{
    (void)state;
    size_t bad;
    assert_true(utf8_valid("Café ✓ 🚀", strlen("Café ✓ 🚀"), &bad));
    assert_false(utf8_valid("a\xe9z", 3, &bad));
    assert_int_equal(bad, 1);
    assert_false(utf8_valid("\xc0\xaf", 2, &bad)); /* overlong '/' */
    assert_false(utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
    assert_false(utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* above U+10FFFF */
    assert_false(utf8_valid("ab\0c", 4, &bad));
    assert_int_equal(bad, 2);
    assert_false(utf8_valid("\xe2\x82", 2, &bad)); /* truncated */
    uint32_t cp;
    assert_int_equal(utf8_decode("€", &cp), 3);
    assert_int_equal(cp, 0x20ac);
    assert_int_equal(utf8_length("Café", strlen("Café")), 4);
    assert_int_equal(utf8_width(0x4e2d), 2);
    assert_int_equal(utf8_width(0x0301), 0);
    assert_int_equal(utf8_width('a'), 1);
}

/* xoshiro256** against the reference implementation's first outputs for the
 * state {1, 2, 3, 4}. */
/* Line breaks without a space: around Chinese and Japanese only, never before
 * closing or after opening punctuation. */
static void lines_break_between_cjk_characters(void **state)
{
    (void)state;
    assert_true(utf8_may_break(0x79C1, 0x305F));   /* 私|た */
    assert_true(utf8_may_break(0x3002, 0x79C1));   /* 。|私 */
    assert_true(utf8_may_break('t', 0x79C1));      /* Latin|私 */
    assert_true(utf8_may_break(0x79C1, 'A'));      /* 私|Latin */
    assert_false(utf8_may_break(0x79C1, 0x3002));  /* not before 。 */
    assert_false(utf8_may_break(0x79C1, 0x3001));  /* nor 、 */
    assert_false(utf8_may_break(0x79C1, 0x300D));  /* nor 」 */
    assert_false(utf8_may_break(0x30C1, 0x30FC));  /* nor ー */
    assert_false(utf8_may_break(0x3057, 0x3083));  /* nor small ゃ */
    assert_false(utf8_may_break(0x300C, 0x79C1));  /* not after 「 */
    assert_false(utf8_may_break('(', 0x3059));     /* not after ASCII ( */
    assert_false(utf8_may_break(0x306B, ')'));     /* nor before ASCII ) */
    assert_false(utf8_may_break(0x306B, '.'));
    assert_false(utf8_may_break('a', 'b'));        /* Latin: only at spaces */
    assert_false(utf8_may_break(0xE9, 0xE8));      /* é|è */
    assert_false(utf8_may_break(0xAC00, 0xAC01));  /* Korean is written with spaces */
}

static void generator_matches_the_reference(void **state)
{
    (void)state;
    struct rng r = {{1, 2, 3, 4}};
    assert_true(rng_next(&r) == 11520ULL);
    assert_true(rng_next(&r) == 0ULL);
    assert_true(rng_next(&r) == 1509978240ULL);
    assert_true(rng_next(&r) == 1215971899390074240ULL);
}

static void ranges_are_inclusive_deterministic_and_fair(void **state)
{
    (void)state;
    struct rng a, b;
    rng_seed(&a, 42);
    rng_seed(&b, 42);
    int counts[6] = {0};
    for (int i = 0; i < 60000; i++) {
        int64_t x = rng_range(&a, 1, 6);
        assert_true(x == rng_range(&b, 1, 6));
        assert_true(x >= 1 && x <= 6);
        counts[x - 1]++;
    }
    for (int k = 0; k < 6; k++)
        assert_true(counts[k] > 9400 && counts[k] < 10600);
    assert_true(rng_range(&a, 5, 5) == 5);
    assert_true(rng_range(&a, -3, -3) == -3);
    int64_t big = rng_range(&a, INT64_MIN, INT64_MAX);
    (void)big;
    struct rng c;
    rng_seed(&c, 43);
    assert_true(rng_next(&c) != rng_next(&a));
}

/* Names in file names and addresses: distinct names stay distinct. */
static void slugs_keep_names_apart(void **state)
{
    (void)state;
    char a[64], b[64];
    name_slug("Team A", false, a, sizeof a);
    assert_string_equal(a, "team-a");
    name_slug("  Équipe 3!  ", false, a, sizeof a);
    assert_string_equal(a, "Équipe-3");
    name_slug("日本", false, a, sizeof a);
    name_slug("中国", false, b, sizeof b);
    assert_string_equal(a, "日本");
    assert_string_equal(b, "中国");
    /* ASCII only: dropped letters leave the name's hash, so two names that
     * lose everything are still two. */
    name_slug("日本", true, a, sizeof a);
    name_slug("中国", true, b, sizeof b);
    assert_int_equal(strlen(a), strlen("player-") + 8);
    assert_memory_equal(a, "player-", 7);
    assert_string_not_equal(a, b);
    name_slug("Équipe 3", true, a, sizeof a);
    assert_memory_equal(a, "quipe-3-", 8);
    /* "Team A", "team-a" and "TEAM_A!" share a slug but are three learners:
     * unless the slug is the name itself, the hash follows. */
    name_slug("team-a", true, a, sizeof a);
    assert_string_equal(a, "team-a");
    name_slug("Team A", true, a, sizeof a);
    name_slug("TEAM_A!", true, b, sizeof b);
    assert_memory_equal(a, "team-a-", 7);
    assert_memory_equal(b, "team-a-", 7);
    assert_string_not_equal(a, b);
    name_slug("", false, a, sizeof a);
    assert_string_equal(a, "player");
    /* Cut at 40 bytes, never inside a character; a broken byte is dropped. */
    name_slug("ééééééééééééééééééééé", false, a, sizeof a); /* 21 x 2 bytes */
    assert_int_equal(strlen(a), 40);
    name_slug("a\xff" "b", false, a, sizeof a);
    assert_string_equal(a, "a-b");
}

static void strmap_maps_ids(void **state)
{
    (void)state;
    struct strmap m;
    strmap_init(&m);
    char keys[500][16];
    for (int i = 0; i < 500; i++) {
        snprintf(keys[i], sizeof keys[i], "scene-%d", i);
        assert_int_equal(strmap_put(&m, keys[i], strlen(keys[i]), i), i);
    }
    for (int i = 0; i < 500; i++)
        assert_int_equal(strmap_get(&m, keys[i], strlen(keys[i])), i);
    assert_int_equal(strmap_put(&m, keys[7], strlen(keys[7]), 99), 7);
    assert_int_equal(strmap_get(&m, "scene-500", 9), -1);
    assert_int_equal(strmap_get(&m, "scene-1", 7), 1);
    strmap_free(&m);
}

static void diagnostics_sort_into_source_order(void **state)
{
    (void)state;
    struct diag_list list;
    diag_list_init(&list);
    diag_add(&list, DIAG_ERROR, "kept.lua", 9, 0, "x", "before the sorted range");
    diag_add(&list, DIAG_ERROR, "main.lua", 5, 67, "x", "main 5:67");
    diag_add(&list, DIAG_ERROR, "layer.lua", 1, 0, "x", "layer 1");
    diag_add(&list, DIAG_ERROR, "main.lua", 5, 54, "x", "main 5:54");
    diag_add(&list, DIAG_ERROR, "main.lua", 2, 0, "x", "main 2, first");
    diag_add(&list, DIAG_ERROR, "main.lua", 2, 0, "x", "main 2, second");
    diag_list_sort_from(&list, 1);
    static const char *const want[] = {"before the sorted range", "main 2, first", "main 2, second",
                                       "main 5:54", "main 5:67", "layer 1"};
    assert_int_equal(list.count, (int)COUNT_OF(want));
    for (size_t i = 0; i < COUNT_OF(want); i++)
        assert_string_equal(list.items[i].message, want[i]);
    diag_list_free(&list);
}

/* A string cut to fit is cut on a character boundary, never mid-sequence. */
static void str_copy_cuts_on_character_boundaries(void **state)
{
    (void)state;
    char buf[6];
    str_copy(buf, sizeof buf, "abcd\xC3\xA9"); /* "abcdé": the é does not fit */
    assert_string_equal(buf, "abcd");
    str_copy(buf, sizeof buf, "ab\xE2\x82\xACxyz"); /* "ab€xyz" */
    assert_string_equal(buf, "ab\xE2\x82\xAC");
    str_copy(buf, sizeof buf, "abc\xE2\x82\xAC"); /* the € does not fit */
    assert_string_equal(buf, "abc");
    str_copy(buf, sizeof buf, "abcdefgh");
    assert_string_equal(buf, "abcde");
}

/* The arena: zeroed memory, unless asked for unzeroed (then whatever the
 * caller writes), small and large (a block of its own), aligned, and
 * copies of strings terminated. */
static void the_arena_zeroes_what_it_is_asked_to(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    const size_t sizes[] = {1, 24, 100, 70000, 200000};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        unsigned char *z = arena_alloc(&a, sizes[k]);
        for (size_t i = 0; i < sizes[k]; i++)
            assert_int_equal(z[i], 0);
        unsigned char *u = arena_alloc_unzeroed(&a, sizes[k]);
        assert_int_equal((uintptr_t)u % alignof(max_align_t), 0);
        assert_true(u + sizes[k] <= z || u >= z + sizes[k]);
        memset(u, 0xab, sizes[k]);
        assert_int_equal(u[sizes[k] - 1], 0xab);
        for (size_t i = 0; i < sizes[k]; i++)
            assert_int_equal(z[i], 0); /* the other block is untouched */
    }
    char *s = arena_strndup(&a, "abcdef", 3);
    assert_string_equal(s, "abc");
    assert_string_equal(arena_strdup(&a, ""), "");
    arena_free(&a);
    arena_free(&a); /* freed twice is empty twice */
}

/* A list keeps the first LIMIT_DIAGNOSTICS diagnostics in order as it
 * grows, counts the rest as dropped, and is reused after a clear. */
static void diagnostics_are_kept_up_to_the_limit(void **state)
{
    (void)state;
    struct diag_list list;
    diag_list_init(&list);
    for (int i = 1; i <= LIMIT_DIAGNOSTICS + 50; i++)
        diag_add(&list, DIAG_WARNING, "main.lua", i, 1, "code", "warning %d", i);
    assert_int_equal(list.count, LIMIT_DIAGNOSTICS);
    assert_int_equal(list.dropped, 50);
    assert_int_equal(list.warnings, LIMIT_DIAGNOSTICS + 50);
    for (int i = 0; i < list.count; i++) {
        char want[32];
        snprintf(want, sizeof want, "warning %d", i + 1);
        assert_int_equal(list.items[i].line, i + 1);
        assert_string_equal(list.items[i].message, want);
    }
    diag_list_clear(&list);
    diag_add(&list, DIAG_ERROR, NULL, 0, 0, "again", "first again");
    assert_int_equal(list.count, 1);
    assert_int_equal(list.errors, 1);
    assert_string_equal(list.items[0].message, "first again");
    assert_string_equal(list.items[0].file, "");
    diag_list_free(&list);
    assert_int_equal(list.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(str_copy_cuts_on_character_boundaries),
        cmocka_unit_test(numbers_show_whole_values_without_a_point),
        cmocka_unit_test(strbuf_grows_and_stays_terminated),
        cmocka_unit_test(shell_words_are_quoted_only_when_needed),
        cmocka_unit_test(edit_distance_finds_typos),
        cmocka_unit_test(nearest_name_finds_the_closest_within_two_edits),
        cmocka_unit_test(utf8_validation_follows_rfc_3629),
        cmocka_unit_test(generator_matches_the_reference),
        cmocka_unit_test(ranges_are_inclusive_deterministic_and_fair),
        cmocka_unit_test(strmap_maps_ids),
        cmocka_unit_test(slugs_keep_names_apart),
        cmocka_unit_test(diagnostics_sort_into_source_order),
        cmocka_unit_test(lines_break_between_cjk_characters),
        cmocka_unit_test(the_arena_zeroes_what_it_is_asked_to),
        cmocka_unit_test(diagnostics_are_kept_up_to_the_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
