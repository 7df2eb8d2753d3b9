/*
 * test_fonts.c: the window's fonts (engine/window/fonts.c), without a window.
 *
 *  - fontconfig finds DejaVu Sans and a fallback with Chinese, Japanese and
 *    Korean (tools/setup installs fonts-wqy-microhei): none of them is a box.
 *  - A text's measured size is the size of its rendering, in every face,
 *    mixed scripts included (layout trusts the measure).
 *  - The fallback's bold is its regular glyphs smeared to the right: exactly
 *    fallback_bold pixels wider, more ink, and every drawn pixel keeps the
 *    text's colour (no darkened edges on light text).
 */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "win.h"

static const char *const korean = "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"; /* 한국어 */
static const char *const mixed =
    "Team \xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xAE\xE3\x83\x81\xE3\x83\xBC\xE3\x83\xA0 "
    "and \xED\x95\x9C\xEA\xB5\xAD \xE4\xB8\xAD\xE6\x96\x87."; /* 日本のチーム, 한국, 中文 */

static int setup(void **state)
{
    (void)state;
    if (TTF_Init() != 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    TTF_Quit();
    return 0;
}

static void open_fonts(struct win_fonts *f, int unit)
{
    memset(f, 0, sizeof *f);
    char why[512];
    assert_true(win_fonts_find(f, NULL, why, sizeof why));
    assert_true(win_fonts_open(f, unit, unit, why, sizeof why));
}

/* Sum of alpha over a rendered run; false if any drawn pixel is not rgb. */
static bool ink_of(SDL_Surface *s, Uint32 rgb, long *ink)
{
    assert_int_equal(s->format->format, SDL_PIXELFORMAT_ARGB8888);
    assert_int_equal(SDL_LockSurface(s), 0);
    bool same_colour = true;
    *ink = 0;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++) {
            Uint32 a = row[x] >> 24;
            *ink += (long)a;
            if (a && (row[x] & 0xFFFFFFu) != rgb)
                same_colour = false;
        }
    }
    SDL_UnlockSurface(s);
    return same_colour;
}

static void test_cjk_and_hangul_have_glyphs(void **state)
{
    (void)state;
    struct win_fonts f;
    open_fonts(&f, 30);
    assert_non_null(strstr(f.regular, "DejaVuSans"));
    assert_true(f.fallback[0] != '\0');
    for (int face = 0; face < FACE_COUNT; face++) {
        SDL_Surface *s = win_text_render(&f, face, mixed, (SDL_Color){0, 0, 0, 255});
        assert_non_null(s);
        SDL_FreeSurface(s);
    }
    assert_int_equal(f.missing, 0);
    /* A private-use character is in no font: counted, drawn as a box. */
    SDL_Surface *s = win_text_render(&f, FACE_BODY, "\xEE\x80\x80 \xE6\x97\xA5", (SDL_Color){0, 0, 0, 255});
    assert_non_null(s);
    SDL_FreeSurface(s);
    assert_int_equal(f.missing, 1);
    win_fonts_close(&f);
}

static void test_measure_is_the_rendering(void **state)
{
    (void)state;
    struct win_fonts f;
    open_fonts(&f, 30);
    const char *texts[] = {mixed, korean, "Plain ASCII", "Accents: \xC3\xA9t\xC3\xA9"};
    for (int face = 0; face < FACE_COUNT; face++) {
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            int w, h;
            assert_true(win_text_size(&f, face, texts[i], &w, &h));
            SDL_Surface *s = win_text_render(&f, face, texts[i], (SDL_Color){20, 30, 40, 255});
            assert_non_null(s);
            if (s->w != w || s->h != h)
                fail_msg("face %d, text %zu: measured %dx%d, rendered %dx%d", face, i, w, h, s->w, s->h);
            SDL_FreeSurface(s);
        }
    }
    win_fonts_close(&f);
}

static void test_fallback_bold_is_smeared(void **state)
{
    (void)state;
    struct win_fonts f;
    open_fonts(&f, 30);
    /* FACE_BOLD and FACE_BODY have the same size. */
    assert_int_equal(f.px[FACE_BOLD], f.px[FACE_BODY]);
    assert_int_equal(f.fallback_bold[FACE_BODY], 0);
    int smear = f.fallback_bold[FACE_BOLD];
    assert_int_equal(smear, 2); /* (30 + 8) / 18 */
    assert_true(f.fallback_bold[FACE_DISPLAY] > smear); /* more for larger type */

    int wr, hr, wb, hb;
    assert_true(win_text_size(&f, FACE_BODY, korean, &wr, &hr));
    assert_true(win_text_size(&f, FACE_BOLD, korean, &wb, &hb));
    assert_int_equal(wb, wr + smear);
    assert_int_equal(hb, hr);

    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *regular = win_text_render(&f, FACE_BODY, korean, white);
    SDL_Surface *bold = win_text_render(&f, FACE_BOLD, korean, white);
    assert_non_null(regular);
    assert_non_null(bold);
    long ink_regular, ink_bold;
    assert_true(ink_of(regular, 0xFFFFFFu, &ink_regular));
    assert_true(ink_of(bold, 0xFFFFFFu, &ink_bold)); /* white stays white at every edge */
    /* Bolder, but not a blot: the smear adds about 43 % ink here;
     * FreeType's emboldening added 82 % and filled the counters. */
    assert_true(ink_bold > ink_regular * 12 / 10);
    assert_true(ink_bold < ink_regular * 16 / 10);
    SDL_FreeSurface(regular);
    SDL_FreeSurface(bold);
    win_fonts_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cjk_and_hangul_have_glyphs),
        cmocka_unit_test(test_measure_is_the_rendering),
        cmocka_unit_test(test_fallback_bold_is_smeared),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
