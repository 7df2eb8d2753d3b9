/*
 * fonts.c: finding the font files (fontconfig) and opening every face at the
 * sizes of the current type scale.
 *
 * The type scale is relative to the body size (the unit): at 1080 pixels high
 * the body is 30 px, readable at 3 m on a projector; every other face is a
 * fixed ratio of it, so the whole page scales with the window and with the
 * text size setting.
 */
#include <fontconfig/fontconfig.h>
#include <string.h>
#include <sys/stat.h>

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

static bool readable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
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
        return true;
    }
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg) {
        str_copy(why, cap, "fontconfig could not load its configuration; pass a font with --font FILE");
        return false;
    }
    int slant, weight;
    bool ok = fc_find(cfg, "DejaVu Sans:style=Book", f->regular, sizeof f->regular, &slant, &weight);
    if (ok && !readable(f->regular))
        ok = false;
    if (ok) {
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
    }
    FcConfigDestroy(cfg);
    FcFini();
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
        f->font[i] = NULL;
        f->px[i] = 0;
    }
}

bool win_fonts_open(struct win_fonts *f, int unit, char *why, size_t cap)
{
    for (int i = 0; i < FACE_COUNT; i++) {
        int px = (unit * faces[i].percent + 50) / 100;
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
        f->px[i] = px;
        f->skip[i] = TTF_FontLineSkip(font);
        int sw = 0, sh = 0;
        TTF_SizeUTF8(font, " ", &sw, &sh);
        f->space[i] = sw;
    }
    return true;
}
