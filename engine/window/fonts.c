/*
 * fonts.c: finding the font files (fontconfig) and opening every face at the
 * sizes of the current type scale; measuring and rendering text with them.
 *
 * DejaVu Sans covers Latin, Greek and Cyrillic but not Chinese, Japanese or
 * Korean. A second font, the fallback, found by fontconfig as one that has
 * those characters (Debian's fonts-wqy-microhei, installed by tools/setup),
 * draws what the main font lacks: a text is cut into runs
 * by which font has its characters, each run rendered with its font, on the
 * main font's baseline. Text of the main font alone takes the direct path.
 *
 * The type scale is relative to the body size (the unit): at 1080 pixels high
 * the body is 30 px, readable at 3 m on a projector; every other face is a
 * fixed ratio of it, so the whole page scales with the window and with the
 * text size setting.
 */
#include <fontconfig/fontconfig.h>
#include <string.h>
#include <sys/stat.h>

#include "core/utf8.h"
#include "win.h"

/* Face sizes relative to the body, in percent, and their files. */
static const struct {
    int percent;
    char file; /* 'r' regular, 'b' bold, 'i' italic */
} faces[FACE_COUNT] = {
    [FACE_BODY] = {100, 'r'},
    [FACE_ITALIC] = {100, 'i'},
    [FACE_BOLD] = {100, 'b'},
    [FACE_SMALL] = {76, 'r'},
    [FACE_SMALL_BOLD] = {76, 'b'},
    [FACE_H2] = {120, 'b'},
    [FACE_H1] = {165, 'b'},
    [FACE_DISPLAY] = {260, 'b'},
};

static bool readable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Asks fontconfig for pattern; copies the file it picks. *slant and *weight
 * tell whether the match is really italic or bold. */
static bool fc_find(FcConfig *cfg, const char *pattern, char *out, size_t cap, int *slant,
                    int *weight)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat)
        return false;
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(cfg, pat, &res);
    FcPatternDestroy(pat);
    if (!match)
        return false;
    FcChar8 *file = NULL;
    bool ok = FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file;
    if (ok) {
        str_copy(out, cap, (const char *)file);
        if (FcPatternGetInteger(match, FC_SLANT, 0, slant) != FcResultMatch)
            *slant = FC_SLANT_ROMAN;
        if (FcPatternGetInteger(match, FC_WEIGHT, 0, weight) != FcResultMatch)
            *weight = FC_WEIGHT_REGULAR;
    }
    FcPatternDestroy(match);
    return ok;
}

/* A font that has every one of chars, or false. */
static bool fc_find_with(FcConfig *cfg, const FcChar32 *chars, size_t n, char *out, size_t cap, int *index)
{
    FcPattern *pat = FcPatternCreate();
    FcCharSet *want = FcCharSetCreate();
    if (!pat || !want) {
        if (pat)
            FcPatternDestroy(pat);
        if (want)
            FcCharSetDestroy(want);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        FcCharSetAddChar(want, chars[i]);
    FcPatternAddCharSet(pat, FC_CHARSET, want);
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(cfg, pat, &res);
    FcPatternDestroy(pat);
    bool ok = false;
    FcCharSet *has = NULL;
    FcChar8 *file = NULL;
    /* fontconfig always matches something: keep it only if it has them. */
    if (match && FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch &&
        FcCharSetIsSubset(want, has) && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        file && readable((const char *)file)) {
        str_copy(out, cap, (const char *)file);
        /* In a collection (.ttc), the face fontconfig chose. */
        if (FcPatternGetInteger(match, FC_INDEX, 0, index) != FcResultMatch)
            *index = 0;
        ok = true;
    }
    if (match)
        FcPatternDestroy(match);
    FcCharSetDestroy(want);
    return ok;
}

/* The fallback: a font with the Chinese characters, Japanese kana and Korean
 * Hangul that DejaVu lacks; else one without Hangul (Droid Sans Fallback,
 * say); else false. */
static bool fc_find_fallback(FcConfig *cfg, char *out, size_t cap, int *index)
{
    static const FcChar32 cjk[] = {0x65E5, 0x672C, 0x306E, 0x30C1, 0xD55C, 0xAD6D}; /* 日 本 の チ 한 국 */
    return fc_find_with(cfg, cjk, COUNT_OF(cjk), out, cap, index) ||
           fc_find_with(cfg, cjk, COUNT_OF(cjk) - 2, out, cap, index);
}

/* DejaVu Sans, regular, bold and oblique (or the regular one, made bold or
 * slanted by FreeType). */
static bool fc_find_dejavu(FcConfig *cfg, struct win_fonts *f)
{
    int slant, weight;
    if (!fc_find(cfg, "DejaVu Sans:style=Book", f->regular, sizeof f->regular, &slant, &weight) ||
        !readable(f->regular))
        return false;
    if (!fc_find(cfg, "DejaVu Sans:style=Bold", f->bold, sizeof f->bold, &slant, &weight) ||
        weight < FC_WEIGHT_BOLD || !readable(f->bold)) {
        str_copy(f->bold, sizeof f->bold, f->regular);
        f->synth_bold = true;
    }
    if (!fc_find(cfg, "DejaVu Sans:style=Oblique", f->italic, sizeof f->italic, &slant, &weight) ||
        slant == FC_SLANT_ROMAN || weight >= FC_WEIGHT_BOLD || !readable(f->italic)) {
        str_copy(f->italic, sizeof f->italic, f->regular);
        f->synth_italic = true;
    }
    return true;
}

bool win_fonts_find(struct win_fonts *f, const char *override, char *why, size_t cap)
{
    memset(f, 0, sizeof *f);
    if (override) {
        if (!readable(override)) {
            str_format(why, cap, "cannot open the font %s (--font): no such file", override);
            return false;
        }
        str_copy(f->regular, sizeof f->regular, override);
        str_copy(f->bold, sizeof f->bold, override);
        str_copy(f->italic, sizeof f->italic, override);
        f->synth_bold = f->synth_italic = true;
    }
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg && !override) {
        str_copy(why, cap, "fontconfig could not load its configuration; pass a font with --font FILE");
        return false;
    }
    bool ok = override || fc_find_dejavu(cfg, f);
    if (cfg) {
        if (ok) /* with --font too: it may lack them as well */
            fc_find_fallback(cfg, f->fallback, sizeof f->fallback, &f->fallback_index);
        FcConfigDestroy(cfg);
        FcFini();
    }
    if (!ok) {
        str_copy(why, cap, "no font found (install fonts-dejavu-core, or pass a font with --font FILE)");
        return false;
    }
    return true;
}

void win_fonts_close(struct win_fonts *f)
{
    for (int i = 0; i < FACE_COUNT; i++) {
        if (f->font[i])
            TTF_CloseFont(f->font[i]);
        if (f->fallback_font[i])
            TTF_CloseFont(f->fallback_font[i]);
        f->font[i] = f->fallback_font[i] = NULL;
        f->px[i] = 0;
    }
}

bool win_fonts_open(struct win_fonts *f, int unit, int small_unit, char *why, size_t cap)
{
    for (int i = 0; i < FACE_COUNT; i++) {
        bool small = i == FACE_SMALL || i == FACE_SMALL_BOLD;
        int px = ((small ? small_unit : unit) * faces[i].percent + 50) / 100;
        if (px < 8)
            px = 8;
        if (f->font[i] && f->px[i] == px)
            continue;
        const char *file = faces[i].file == 'b' ? f->bold : faces[i].file == 'i' ? f->italic : f->regular;
        TTF_Font *font = TTF_OpenFont(file, px);
        if (!font) {
            str_format(why, cap, "cannot open the font %s: %s (install fonts-dejavu-core, or pass a "
                                 "font with --font FILE)", file, TTF_GetError());
            return false;
        }
        int style = TTF_STYLE_NORMAL;
        if (faces[i].file == 'b' && f->synth_bold)
            style |= TTF_STYLE_BOLD;
        if (faces[i].file == 'i' && f->synth_italic)
            style |= TTF_STYLE_ITALIC;
        TTF_SetFontStyle(font, style);
        TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
        if (f->font[i])
            TTF_CloseFont(f->font[i]);
        f->font[i] = font;
        /* The fallback has one file and one weight. Its italic is FreeType's
         * slant; its bold is the regular glyphs drawn again a pixel or more
         * to the right (fallback_bold): FreeType's emboldening adds a tenth
         * of the size to every stroke, which fills the counters of dense
         * Chinese and Korean characters. Without a fallback (it failed to
         * open), such characters show as boxes. */
        if (f->fallback_font[i])
            TTF_CloseFont(f->fallback_font[i]);
        f->fallback_font[i] =
            f->fallback[0] ? TTF_OpenFontIndex(f->fallback, px, f->fallback_index) : NULL;
        f->fallback_bold[i] = faces[i].file == 'b' ? (px + 8) / 18 : 0;
        if (f->fallback_font[i]) {
            TTF_SetFontStyle(f->fallback_font[i], faces[i].file == 'i' ? TTF_STYLE_ITALIC : TTF_STYLE_NORMAL);
            TTF_SetFontHinting(f->fallback_font[i], TTF_HINTING_LIGHT);
        }
        f->px[i] = px;
        f->skip[i] = TTF_FontLineSkip(font);
        int sw = 0, sh = 0;
        TTF_SizeUTF8(font, " ", &sw, &sh);
        f->space[i] = sw;
    }
    return true;
}

/* ------------------------------------------------------------ runs by font */

struct segment {
    size_t start, len;
    TTF_Font *font;
    int smear; /* pixels of synthetic bold (fallback_bold), added to its width */
    int x, y, w, h; /* where it goes (y from the text's top; may be < 0), its size */
    SDL_Surface *surface; /* win_text_render only */
};

/* Cuts s into runs by the font that has their characters, into *out (the
 * caller frees it). Returns the count, 0 when s is all in the main font (or
 * there is no fallback). Characters neither font has stay with the main one
 * (a box) and are counted when count_missing. */
static int segments_of(struct win_fonts *f, int face, const char *s, struct segment **out,
                       bool count_missing)
{
    TTF_Font *main_font = f->font[face], *fallback = f->fallback_font[face];
    *out = NULL;
    bool ascii = true;
    for (const char *p = s; *p && ascii; p++)
        ascii = (unsigned char)*p < 0x80;
    if (ascii)
        return 0;
    struct segment *seg = NULL;
    int n = 0, cap = 0;
    bool any_fallback = false;
    for (size_t at = 0; s[at];) {
        uint32_t cp;
        int len = utf8_decode(s + at, &cp);
        TTF_Font *font = main_font;
        if (cp >= 0x80 && !TTF_GlyphIsProvided32(main_font, cp)) {
            if (fallback && TTF_GlyphIsProvided32(fallback, cp)) {
                font = fallback;
                any_fallback = true;
            } else if (count_missing) {
                f->missing++;
            }
        }
        /* A space belongs to the run it is in. */
        if (cp == ' ' && n > 0)
            font = seg[n - 1].font;
        if (n > 0 && seg[n - 1].font == font) {
            seg[n - 1].len += (size_t)len;
        } else {
            if (n == cap) {
                cap = cap ? cap * 2 : 8;
                seg = xrealloc(seg, sizeof *seg * (size_t)cap);
            }
            seg[n++] = (struct segment){
                .start = at, .len = (size_t)len, .font = font,
                .smear = font == fallback ? f->fallback_bold[face] : 0};
        }
        at += (size_t)len;
    }
    if (!any_fallback) {
        free(seg);
        return 0;
    }
    *out = seg;
    return n;
}

/* Places the runs side by side on the main font's baseline (a run in the
 * fallback, whose ascent is larger, starts above the text's top: its top rows
 * are empty), and returns the whole text's size. */
static void place(TTF_Font *main_font, struct segment *seg, int n, int *w, int *h)
{
    int base = TTF_FontAscent(main_font);
    int x = 0, bottom = TTF_FontHeight(main_font);
    for (int i = 0; i < n; i++) {
        seg[i].x = x;
        seg[i].y = base - TTF_FontAscent(seg[i].font);
        x += seg[i].w;
        if (seg[i].y + seg[i].h > bottom)
            bottom = seg[i].y + seg[i].h;
    }
    *w = x;
    *h = bottom;
}

/* A bold of a one-weight font: the run drawn again at each of the next
 * smear pixels to the right, so every vertical stroke is that much wider and
 * no counter fills. The run is one colour with coverage in alpha (SDL_ttf's
 * blended text); each pixel keeps the colour and takes the highest coverage
 * of the copies (blending copies would darken the edges of light text).
 * Frees run; NULL on failure. */
static SDL_Surface *smeared(SDL_Surface *run, int smear)
{
    SDL_Surface *in = SDL_ConvertSurfaceFormat(run, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(run);
    SDL_Surface *out =
        in ? SDL_CreateRGBSurfaceWithFormat(0, in->w + smear, in->h, 32, SDL_PIXELFORMAT_ARGB8888) : NULL;
    bool ok = out && SDL_LockSurface(in) == 0;
    if (ok && SDL_LockSurface(out) != 0) {
        SDL_UnlockSurface(in);
        ok = false;
    }
    if (ok) {
        for (int y = 0; y < in->h; y++) {
            const Uint32 *src = (const Uint32 *)((const Uint8 *)in->pixels + (size_t)y * (size_t)in->pitch);
            Uint32 *dst = (Uint32 *)((Uint8 *)out->pixels + (size_t)y * (size_t)out->pitch);
            for (int x = 0; x < out->w; x++) {
                Uint32 best = 0;
                for (int from = x - smear; from <= x; from++)
                    if (from >= 0 && from < in->w && src[from] >> 24 > best >> 24)
                        best = src[from];
                dst[x] = best;
            }
        }
        SDL_UnlockSurface(out);
        SDL_UnlockSurface(in);
    }
    if (!ok && out) {
        SDL_FreeSurface(out);
        out = NULL;
    }
    SDL_FreeSurface(in);
    return out;
}

static char *segment_text(const char *s, const struct segment *g)
{
    return xstrndup(s + g->start, g->len);
}

bool win_text_size(struct win_fonts *f, int face, const char *s, int *w, int *h)
{
    struct segment *seg;
    int n = segments_of(f, face, s, &seg, false);
    if (n == 0)
        return TTF_SizeUTF8(f->font[face], s, w, h) == 0;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        char *part = segment_text(s, &seg[i]);
        ok = TTF_SizeUTF8(seg[i].font, part, &seg[i].w, &seg[i].h) == 0;
        seg[i].w += seg[i].smear;
        free(part);
    }
    if (ok)
        place(f->font[face], seg, n, w, h);
    free(seg);
    return ok;
}

SDL_Surface *win_text_render(struct win_fonts *f, int face, const char *s, SDL_Color color)
{
    struct segment *seg;
    int n = segments_of(f, face, s, &seg, true);
    if (n == 0)
        return TTF_RenderUTF8_Blended(f->font[face], s, color);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        char *part = segment_text(s, &seg[i]);
        seg[i].surface = ok ? TTF_RenderUTF8_Blended(seg[i].font, part, color) : NULL;
        if (seg[i].surface && seg[i].smear > 0)
            seg[i].surface = smeared(seg[i].surface, seg[i].smear);
        free(part);
        ok = ok && seg[i].surface;
        if (ok) {
            seg[i].w = seg[i].surface->w;
            seg[i].h = seg[i].surface->h;
        }
    }
    SDL_Surface *out = NULL;
    if (ok) {
        int w = 0, h = 0;
        place(f->font[face], seg, n, &w, &h);
        out = SDL_CreateRGBSurfaceWithFormat(0, w > 0 ? w : 1, h > 0 ? h : 1, 32,
                                             SDL_PIXELFORMAT_ARGB8888);
    }
    if (out) {
        SDL_FillRect(out, NULL, 0); /* transparent */
        for (int i = 0; i < n; i++) {
            /* Copied as they are, alpha included: the runs do not overlap.
             * A run placed above the top loses its (empty) top rows. */
            SDL_Rect at = {seg[i].x, seg[i].y, seg[i].w, seg[i].h};
            if (SDL_SetSurfaceBlendMode(seg[i].surface, SDL_BLENDMODE_NONE) != 0 ||
                SDL_BlitSurface(seg[i].surface, NULL, out, &at) != 0) {
                SDL_FreeSurface(out);
                out = NULL;
                break;
            }
        }
    }
    for (int i = 0; i < n; i++)
        if (seg[i].surface)
            SDL_FreeSurface(seg[i].surface);
    free(seg);
    return out;
}
