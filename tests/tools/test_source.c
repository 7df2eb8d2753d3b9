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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_access_is_found_once_where_it_is_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
