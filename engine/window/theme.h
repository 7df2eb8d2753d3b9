/*
 * theme.h: the window's colours: light, dark and high contrast.
 *
 * Screens name colours by their role (text, accent, disabled...), never by
 * value, so a theme is one table. One accent colour per theme; the high
 * contrast themes are black, white and yellow, or black on white, for
 * projectors. In every theme borders, bar tracks, the focus ring and scroll
 * bars keep 3:1 against the page and cards (a test checks the tables).
 * Duets add one colour per role.
 */
#ifndef SCALEUP_THEME_H
#define SCALEUP_THEME_H

#include <SDL.h>

/* enum win_theme and the themes' names are the settings file's. */
#include "core/settings.h"

enum win_color {
    C_BG,            /* the window */
    C_SURFACE,       /* cards, buttons */
    C_SURFACE_HOT,   /* a hovered button */
    C_BORDER,
    C_TEXT,
    C_MUTED,         /* secondary text */
    C_ACCENT,        /* the one accent: primary buttons, bars, badges */
    C_ACCENT_HOT,
    C_ON_ACCENT,     /* text on the accent */
    C_DISABLED_BG,   /* a locked choice */
    C_DISABLED_TEXT,
    C_POSITIVE,
    C_NEGATIVE,
    C_WARNING,
    C_FOCUS,         /* the keyboard focus ring */
    C_TRACK,         /* a bar's empty part: 3:1 against the page and cards, like
                      * borders and the focus ring (WCAG's non-text contrast) */
    C_CHIP,          /* a chip's fill, under coloured text */
    C_BANNER_BG,
    C_BANNER_TEXT,
    C_SCRIM,         /* behind an overlay */
    /* A duet's two roles, each with its own colour so that whose turn it is
     * shows from across a room: the scenario's first role (the PO in the
     * tutorial) is orange, the second purple, in every theme. Hues far from
     * the accent's and from each other (also for the common colour-vision
     * deficiencies: they differ in lightness too); text on them uses
     * C_ON_ROLE at 4.5:1 or more. */
    C_ROLE1,
    C_ROLE2,
    C_ON_ROLE,
    C_COUNT
};

struct palette {
    const char *label;
    SDL_Color c[C_COUNT];
};

const struct palette *theme_palette(enum win_theme t);

/* The colour of a scenario's role (index into scenario.roles). */
static inline enum win_color theme_role_color(int role)
{
    return role % 2 == 0 ? C_ROLE1 : C_ROLE2;
}

#endif
