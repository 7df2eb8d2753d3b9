/* test_srcmap.c: positions of fields in scenario source. */
#include <string.h>

#include "core/srcmap.h"
#include "core/util.h"
#include "support.h"

static const char *src =
    "-- a comment with scene \"fake\" { x = 1 }\n"        /* 1 */
    "--[[ a long\n"                                       /* 2 */
    "comment ]]\n"                                        /* 3 */
    "scene \"garage\" {\n"                                /* 4 */
    "  title = \"The Garage\",\n"                         /* 5 */
    "  text = [[\n"                                       /* 6 */
    "Line one]],\n"                                       /* 7 */
    "  on_enter = function(game) local a, b = { 1, 2 }, \"}\" end,\n" /* 8 */
    "  choices = {\n"                                     /* 9 */
    "    { \"Go\", next = \"b\", score = { vision = 3 } },\n" /* 10 */
    "    { [=[long\n"                                     /* 11 */
    "label]=], [\"next\"] = \"c\" },\n"                   /* 12 */
    "  },\n"                                              /* 13 */
    "}\n"                                                 /* 14 */
    "scene(\"b\", { title = 'B', choices = { { 'x', next = 'garage' } } })\n"; /* 15 */

static void fields_get_lines_and_columns(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct srcmap m;
    srcmap_build(&a, src, strlen(src), &m);
    assert_int_equal(m.ncalls, 2);
    assert_null(srcmap_call(&m, "scene", 1, NULL));
    const struct srcnode *g = srcmap_call(&m, "scene", 4, "garage");
    assert_non_null(g);
    assert_int_equal(g->line, 4);
    assert_int_equal(g->col, 16);
    const struct srcfield *title = srcmap_field(g, "title");
    assert_int_equal(title->line, 5);
    assert_int_equal(title->col, 3);
    assert_int_equal(title->vcol, 11);
    const struct srcfield *text = srcmap_field(g, "text");
    assert_true(text->value_is_long_string);
    assert_true(text->value_first_newline);
    assert_int_equal(srcmap_field(g, "on_enter")->line, 8);
    const struct srcfield *choices = srcmap_field(g, "choices");
    assert_int_equal(choices->line, 9);
    const struct srcnode *first = srcmap_item(choices->value, 1)->value;
    assert_int_equal(srcmap_field(first, "next")->col, 13);
    const struct srcfield *score = srcmap_field(first, "score");
    assert_int_equal(srcmap_field(score->value, "vision")->col, 35);
    const struct srcnode *second = srcmap_item(choices->value, 2)->value;
    assert_int_equal(srcmap_item(second, 1)->vline, 11);
    const struct srcfield *next2 = srcmap_field(second, "next");
    assert_non_null(next2);
    assert_int_equal(next2->line, 12);
    assert_null(srcmap_item(choices->value, 3));
    const struct srcnode *b = srcmap_call(&m, "scene", 15, "b");
    assert_non_null(b);
    assert_int_equal(srcmap_field(b, "choices")->col, 27);
    arena_free(&a);
}

static void broken_source_maps_what_it_can(void **state)
{
    (void)state;
    const char *bad[] = {
        "scene \"a\" { title = \"unterminated\n}",
        "scene \"a\" { choices = { { \"x\", next = ",
        "scene",
        "[[ never closed",
        "scene \"a\" {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct arena a;
        arena_init(&a);
        struct srcmap m;
        srcmap_build(&a, bad[i], strlen(bad[i]), &m);
        assert_true(m.ncalls <= 1);
        arena_free(&a);
    }
}

static void same_field(const struct srcfield *a, const struct srcfield *b);

static void same_node(const struct srcnode *a, const struct srcnode *b)
{
    assert_true((a == NULL) == (b == NULL));
    if (!a)
        return;
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->col, b->col);
    assert_int_equal(a->nfields, b->nfields);
    for (int i = 0; i < a->nfields; i++)
        same_field(&a->fields[i], &b->fields[i]);
}

static void same_field(const struct srcfield *a, const struct srcfield *b)
{
    assert_true((a->key == NULL) == (b->key == NULL));
    if (a->key)
        assert_memory_equal(a->key, b->key, a->keylen);
    assert_int_equal(a->keylen, b->keylen);
    assert_int_equal(a->index, b->index);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->col, b->col);
    assert_int_equal(a->vline, b->vline);
    assert_int_equal(a->vcol, b->vcol);
    assert_int_equal(a->value_is_long_string, b->value_is_long_string);
    assert_int_equal(a->value_first_newline, b->value_first_newline);
    assert_int_equal(a->value_is_string, b->value_is_string);
    same_node(a->value, b->value);
}

/* A saved map comes back equal; anything but a whole saved map is refused. */
static void a_saved_map_comes_back_whole(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct srcmap m, back;
    srcmap_build(&a, src, strlen(src), &m);
    struct strbuf saved;
    sb_init(&saved);
    srcmap_save(&m, &saved);
    assert_true(srcmap_restore(&a, saved.data, saved.len, &back));
    assert_int_equal(back.ncalls, m.ncalls);
    for (int i = 0; i < m.ncalls; i++) {
        assert_string_equal(back.calls[i].name, m.calls[i].name);
        assert_true((back.calls[i].arg == NULL) == (m.calls[i].arg == NULL));
        if (m.calls[i].arg)
            assert_string_equal(back.calls[i].arg, m.calls[i].arg);
        assert_int_equal(back.calls[i].line, m.calls[i].line);
        assert_int_equal(back.calls[i].col, m.calls[i].col);
        same_node(back.calls[i].table, m.calls[i].table);
    }
    for (size_t cut = 0; cut < saved.len; cut += 7)
        assert_false(srcmap_restore(&a, saved.data, cut, &back));
    sb_putc(&saved, 0);
    assert_false(srcmap_restore(&a, saved.data, saved.len, &back));
    assert_int_equal(back.ncalls, 0);
    sb_free(&saved);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fields_get_lines_and_columns),
        cmocka_unit_test(broken_source_maps_what_it_can),
        cmocka_unit_test(a_saved_map_comes_back_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
