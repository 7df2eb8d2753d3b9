/*
 * theme.h: the window's colours: light, dark and high contrast.
 *
 * Screens name colours by their role (text, accent, disabled...), never by
 * value, so a theme is one table. One accent colour per theme; the high
 * contrast theme is black, white and yellow for projectors in bright rooms.
 */
#ifndef SCALEUP_THEME_H
#define SCALEUP_THEME_H

#include <SDL.h>

enum win_theme { THEME_LIGHT, THEME_DARK, THEME_CONTRAST, THEME_COUNT };

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
    C_TRACK,         /* a bar's empty part */
    C_BANNER_BG,
    C_BANNER_TEXT,
    C_SCRIM,         /* behind an overlay */
    C_COUNT
};

struct palette {
    const char *name; /* "light", "dark", "contrast" */
    const char *label;
    SDL_Color c[C_COUNT];
};

const struct palette *theme_palette(enum win_theme t);
/* "light", "dark", "contrast" to a theme; -1 when unknown. */
int theme_from_name(const char *name);

#endif
