/*
 * test_source.c: the tools' walks of a scenario's source text (lint's
 * flags and stats used in code, the names code gives). Exact calls, in
 * the order of the text: the walk steps over comments, long strings and
 * short strings (escapes, the other quote, a string cut by its line's
 * end), and over bytes that are neither code names nor the start of
 * something to skip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/source.h"
#include "support.h"

static void record(void *ctx, const char *name, size_t len, bool assigned, int line, int col)
{
    char *out = ctx;
    size_t at = strlen(out);
    /* name NULL: an access the source does not name ("?"). */
    snprintf(out + at, 2048 - at, "%.*s%s@%d:%d;", name ? (int)len : 1, name ? name : "?",
             assigned ? "=" : "", line, col);
}

static void every_access_is_found_once_where_it_is_code(void **state)
{
    (void)state;
    static const char text[] =
        "-- flags.not_this (a comment)\n"
        "local s = \"flags.nor_this \\\" still \\\\\" .. 'it''s flags.x'\n"
        "local t = [==[ flags.in_long ]] ]==] flags.after_long = true\n"
        "--[[ flags.in_block\n flags.still ]] game.flags.funded = 1\n"
        "if game.stats.runway >= 3 then game.flags[\"named\"] = false end\n"
        "x = \"cut\n"
        "game.stats.morale = game.stats.morale + 1 -- é flags.y\n"
        "local f = game.flags\n"
        "f.aliased = true\n"
        "noflags.z = 1; myflags.w = 2; flagsx.v = 3\n"
        "pairs(game.flags) game.flags[id] = 1 flags .spaced = 1\n";
    char flags[2048] = "", stats[2048] = "";
    struct source_word words[] = {{"flags", record, flags}, {"stats", record, stats}};
    source_accesses_each(text, words, 2);
    assert_string_equal(flags, "after_long=@3:44;funded=@5:28;named=@6:44;aliased=@10:3;?=@12:12;?=@12:24;");
    assert_string_equal(stats, "runway@6:15;morale=@8:12;morale@8:32;");

    char one[2048] = "";
    source_accesses(text, "stats", record, one);
    assert_string_equal(one, stats);
}

static void record_literal(void *ctx, const char *s, size_t len, int line, int col)
{
    char *out = ctx;
    size_t at = strlen(out);
    snprintf(out + at, 2048 - at, "%.*s@%d:%d;", (int)len, s, line, col);
}

/* Lines 3, 4, 6 and 9 begin inside a long string or a long comment, and
 * line 8 inside line 7's string, which a backslash before the newline
 * carries on (the walk counts that line as Lua does). */
static const char literals_text[] =
    "local a = 'one' .. \"two\"\n"                  /* 1 */
    "local b = [==[ 'not' \n"                        /* 2 */
    " \"still not\" ]] \n"                           /* 3 */
    "]==] .. 'three' -- 'no'\n"                      /* 4 */
    "--[[ 'none'\n"                                  /* 5 */
    "]] x = \"four\"\n"                              /* 6 */
    "y = 'fi\\\nve' z = [[\n"                        /* 7 and 8 */
    "'in long']] w = 'six'\n"                        /* 9 */
    "\n"                                             /* 10 */
    "v = \"seven\"";                                 /* 11 */

static void literals_are_found_on_their_lines(void **state)
{
    (void)state;
    char out[2048] = "";
    source_literals(literals_text, NULL, 1, 100, record_literal, out);
    assert_string_equal(out, "one@1:11;two@1:20;three@4:9;four@6:8;fi\\\nve@7:5;six@9:17;seven@11:5;");
}

/* The marks are where a walk from line 1 stands at each line that starts
 * in code, so a walk from them finds the same literals for any lines. */
static void a_walk_from_the_marks_finds_what_a_walk_from_line_1_does(void **state)
{
    (void)state;
    struct source_marks marks;
    source_marks_build(literals_text, &marks);
    assert_int_equal(marks.nlines, 11);
    const int starts_in_code[] = {0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1};
    for (int line = 1; line <= marks.nlines; line++)
        assert_int_equal(marks.offset[line] >= 0, starts_in_code[line]);
    for (int first = 0; first <= 12; first++) {
        for (int last = first; last <= 12; last++) {
            char plain[2048] = "", marked[2048] = "";
            source_literals(literals_text, NULL, first, last, record_literal, plain);
            source_literals(literals_text, &marks, first, last, record_literal, marked);
            assert_string_equal(marked, plain);
        }
    }
    source_marks_free(&marks);
    assert_null(marks.offset);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_access_is_found_once_where_it_is_code),
        cmocka_unit_test(literals_are_found_on_their_lines),
        cmocka_unit_test(a_walk_from_the_marks_finds_what_a_walk_from_line_1_does),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
