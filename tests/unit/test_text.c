/* test_text.c: the contract's text rules, parsed and rendered. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "support.h"

/* A tiny resolver: stats runway (0) and morale (1), dimension vision (0),
 * flag has_vision (3), player and role. */
static bool resolve(const void *ctx, const char *name, size_t len, struct piece *out)
{
    (void)ctx;
    static const struct {
        const char *name;
        enum piece_kind kind;
        uint32_t index;
    } names[] = {
        {"runway", PIECE_STAT, 0}, {"morale", PIECE_STAT, 1},   {"vision", PIECE_DIMENSION, 0},
        {"has_vision", PIECE_FLAG, 3}, {"player", PIECE_PLAYER, 0}, {"role", PIECE_ROLE, 0},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == len && memcmp(names[i].name, name, len) == 0) {
            out->kind = (uint8_t)names[i].kind;
            out->len = names[i].index;
            return true;
        }
    return false;
}

static char *render(const char *src, bool paragraphs)
{
    struct text_builder b;
    text_builder_init(&b);
    struct text_error err;
    if (!text_parse(&b, src, strlen(src), paragraphs, resolve, NULL, &err))
        fail_msg("parse failed at %zu: %s", err.offset, err.message);
    double stats[2] = {12, 60.5};
    double score[1] = {3};
    uint64_t flags[1] = {1u << 3};
    struct text_values v = {stats, score, flags, "Ana", "Product Owner"};
    struct strbuf out;
    sb_init(&out);
    text_render_pieces(b.chars.data ? b.chars.data : "", b.pieces, b.npieces, &v, &out);
    text_builder_free(&b);
    /* Show the markers as < and > to compare easily. */
    for (char *p = out.data; p && *p; p++)
        if (*p == TEXT_EMPH_ON)
            *p = '<';
        else if (*p == TEXT_EMPH_OFF)
            *p = '>';
    return out.data ? sb_take(&out) : strdup("");
}

static void check(const char *src, bool paragraphs, const char *want)
{
    char *got = render(src, paragraphs);
    assert_string_equal(got, want);
    free(got);
}

static void paragraphs_and_spaces_follow_the_contract(void **state)
{
    (void)state;
    check("\nYour co-founder slides\n   a napkin across.\n\n\n  Second   one.\n", true,
          "Your co-founder slides a napkin across.\nSecond one.");
    check("a\n  \t \nb", true, "a\nb");
    check("  lead and trail  ", true, "lead and trail");
    check("one\n\ntwo", false, "one two");
    check("", true, "");
}

/* Words between single spaces are parsed as one literal run (the parser
 * takes such a run at once): the pieces are those of a word by word parse,
 * adjacent literals joined, and spaces around emphasis and names are kept. */
static void words_between_single_spaces_are_one_literal(void **state)
{
    (void)state;
    static const char src[] = "Stakeholder trust stands at {runway}. The board  proposes *the* plan.";
    struct text_builder b;
    text_builder_init(&b);
    struct text_error err;
    assert_true(text_parse(&b, src, strlen(src), true, resolve, NULL, &err));
    assert_string_equal(b.chars.data, "Stakeholder trust stands at . The board proposes the plan.");
    static const struct {
        enum piece_kind kind;
        uint32_t start, len;
    } want[] = {
        {PIECE_LITERAL, 0, 28}, {PIECE_STAT, 0, 0},      {PIECE_LITERAL, 28, 21}, {PIECE_EMPHASIS, 0, 0},
        {PIECE_LITERAL, 49, 3}, {PIECE_EMPHASIS, 0, 0}, {PIECE_LITERAL, 52, 6},
    };
    assert_int_equal(b.npieces, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < b.npieces; i++) {
        assert_int_equal(b.pieces[i].kind, want[i].kind);
        assert_int_equal(b.pieces[i].start, want[i].start);
        assert_int_equal(b.pieces[i].len, want[i].len);
    }

    /* UTF-8 and punctuation are part of a run; a tab, a newline or two
     * spaces are one space, in the same literal. */
    static const char more[] = "Café au lait,\tplease:  now\nor later.";
    assert_true(text_parse(&b, more, strlen(more), false, resolve, NULL, &err));
    assert_int_equal(b.npieces, 1);
    assert_int_equal(b.pieces[0].kind, PIECE_LITERAL);
    assert_string_equal(b.chars.data, "Café au lait, please: now or later.");
    text_builder_free(&b);
}

static void names_render_their_values(void **state)
{
    (void)state;
    check("We have {runway} months, {player}.", true, "We have 12 months, Ana.");
    check("Morale {morale}, vision {vision}, vision known: {has_vision}, as {role}", true,
          "Morale 60.5, vision 3, vision known: yes, as Product Owner");
    check("{{literal}} and }} and a lone } brace", true, "{literal} and } and a lone } brace");
}

static void emphasis_needs_a_closing_star(void **state)
{
    (void)state;
    check("This is *important* now", true, "This is <important> now");
    check("*Decide* before noon.", true, "<Decide> before noon.");
    check("5 * 3 = 15", true, "5 * 3 = 15");
    check("an *unclosed star\n\nnext", true, "an *unclosed star\nnext");
    check("**", true, "**");
    check("*two words*, done", true, "<two words>, done");
}

static void bad_texts_are_refused_with_an_offset(void **state)
{
    (void)state;
    struct text_builder b;
    text_builder_init(&b);
    struct text_error err;
    const char *cases[][2] = {
        {"Hello {playr}!", "unknown name {playr}"},
        {"Pay { now", "'{' must start a {name}"},
        {"tab\x01here", "control character"},
        {"bad \xff byte", "invalid UTF-8"},
    };
    size_t offsets[] = {6, 4, 3, 4};
    for (size_t i = 0; i < 4; i++) {
        assert_false(text_parse(&b, cases[i][0], strlen(cases[i][0]), true, resolve, NULL, &err));
        assert_non_null(strstr(err.message, cases[i][1]));
        assert_int_equal(err.offset, offsets[i]);
    }
    char nul[] = "a\0b";
    assert_false(text_parse(&b, nul, 3, true, resolve, NULL, &err));
    assert_non_null(strstr(err.message, "NUL"));
    text_builder_free(&b);
}

/* Conditional text: runway is 12, morale 60.5, vision 3, has_vision set
 * (see render). */
static void conditions_choose_what_shows(void **state)
{
    (void)state;
    check("You are {if has_vision}focused{else}lost{end}.", false, "You are focused.");
    check("You are {if not has_vision}lost{else}focused{end}.", false, "You are focused.");
    check("{if runway < 6}Cut costs now.{else}Time to think.{end}", false, "Time to think.");
    check("{if runway >= 12}Enough.{end} Go.", false, "Enough. Go.");
    check("{if runway > 12}Plenty.{end} Go.", false, "Go.");
    check("{if runway == 12}exact{end}|{if runway ~= 12}off{end}", false, "exact|");
    check("{if morale <= 60}low{else}fine{end}", false, "fine");
    check("{if vision}scored{end}", false, "scored");
    check("Morale is {morale >= 50 ? high : low} today.", false, "Morale is high today.");
    check("Runway: {runway < 3 ? short : fine}.", false, "Runway: fine.");
    check("A {if has_vision}{if runway > 20}rich{else}lean{end} clear{end} plan", false,
          "A lean clear plan");
    check("A {if not has_vision}hidden *bold*{end} text", false, "A text");
}

static void bad_conditions_are_refused_with_an_offset(void **state)
{
    (void)state;
    struct text_builder b;
    text_builder_init(&b);
    struct text_error err;
    const struct {
        const char *src, *message;
        size_t offset;
    } cases[] = {
        {"Go {if runway < 3}now", "{if ...} without its {end}", 3},
        {"Go {else} now", "{else} without an {if}", 3},
        {"Go {end}", "{end} without an {if}", 3},
        {"{if runway}a{else}b{else}c{end}", "a second {else} for one {if}", 19},
        {"{if runwy}a{end}", "not a flag, stat or dimension", 0},
        {"{if player}a{end}", "not the player or the role", 0},
        {"{if runway < 2.5}a{end}", "whole number", 0},
        {"{if has_vision > 1}a{end}", "a flag is tested alone", 0},
        {"{runway < 3 ? short}", "needs its ':'", 0},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        if (text_parse(&b, cases[i].src, strlen(cases[i].src), true, resolve, NULL, &err))
            fail_msg("parsed: %s", cases[i].src);
        if (!strstr(err.message, cases[i].message))
            fail_msg("%s: %s", cases[i].src, err.message);
        assert_int_equal(err.offset, cases[i].offset);
    }
    text_builder_free(&b);
}

static void plain_text_drops_markers(void **state)
{
    (void)state;
    struct strbuf out;
    sb_init(&out);
    text_plain("a \x0e" "b\x0f c\nd", " / ", &out);
    assert_string_equal(out.data, "a b c / d");
    sb_free(&out);
}

/* Words end at spaces, and between Chinese or Japanese characters where a
 * line may break; emphasis markers stay in their word. */
static void words_end_at_spaces_and_cjk_breaks(void **state)
{
    (void)state;
    assert_int_equal(text_word_end("plan the launch", 15), 4);
    assert_int_equal(text_word_end("plan", 4), 4);
    assert_int_equal(text_word_end("\x0eplan\x0f now", 10), 6);
    /* 私た: a break after 私 (3 bytes). */
    assert_int_equal(text_word_end("\u79C1\u305F", 6), 3);
    /* す。: none before 。, so both (6 bytes). */
    assert_int_equal(text_word_end("\u3059\u3002\u79C1", 9), 6);
    /* は*重: the marker stays with は. */
    assert_int_equal(text_word_end("\u306F\x0e\u91CD", 7), 4);
    /* (す): none after ( or before ). */
    assert_int_equal(text_word_end("(\u3059) x", 7), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paragraphs_and_spaces_follow_the_contract),
        cmocka_unit_test(words_between_single_spaces_are_one_literal),
        cmocka_unit_test(names_render_their_values),
        cmocka_unit_test(emphasis_needs_a_closing_star),
        cmocka_unit_test(bad_texts_are_refused_with_an_offset),
        cmocka_unit_test(conditions_choose_what_shows),
        cmocka_unit_test(bad_conditions_are_refused_with_an_offset),
        cmocka_unit_test(plain_text_drops_markers),
        cmocka_unit_test(words_end_at_spaces_and_cjk_breaks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
