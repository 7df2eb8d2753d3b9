/*
 * settings.h: the window's settings, kept between runs.
 *
 * In the core, not in the window, because the terminal reads them too (the
 * results folder) and must do so without loading the window's module with
 * SDL (engine/cli/module.h).
 *
 * A small JSON file, $XDG_CONFIG_HOME/scaleup/settings.json (or
 * ~/.config/scaleup/settings.json), written atomically (temporary file,
 * fsync, rename: see file_write_atomic). A file that cannot be read as
 * settings is never overwritten silently: loading says why and gives the
 * defaults, and the first save moves the bad file aside to settings.json.bad
 * and says so.
 */
#ifndef SCALEUP_SETTINGS_H
#define SCALEUP_SETTINGS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_TEXT_MIN 70
#define SETTINGS_TEXT_MAX 200
#define SETTINGS_TEXT_STEP 10

/* The window's themes, named in the settings file. THEME_CONTRAST is the
 * dark high-contrast theme (its name "contrast" is kept for settings files);
 * THEME_LIGHT_CONTRAST is dark on white, for a washed-out projector in a
 * bright room. Their colours are the window's (window/theme.h). */
enum win_theme { THEME_LIGHT, THEME_DARK, THEME_CONTRAST, THEME_LIGHT_CONTRAST, THEME_COUNT };

/* "light", "dark", "contrast", "light-contrast": a theme's name in the
 * settings file (THEME_LIGHT's for a value out of range). */
const char *theme_name(enum win_theme t);
/* A theme's name to the theme; -1 when unknown. */
int theme_from_name(const char *name);

struct settings {
    int text_size;   /* percent of the default type size, SETTINGS_TEXT_MIN to _MAX */
    int theme;       /* enum win_theme */
    bool fullscreen;
    bool coaching;   /* feedback after each decision; off: all of it in the debrief */
    int timers;      /* enum session_timers: timed decisions on, slow or off */
    bool presenter;  /* story and options enlarged for a room (body >= 4.5% of the height) */
    bool author;     /* author features (keep a run as a playthrough test) without --watch */
    char results_dir[PATH_MAX]; /* empty: no result files */
};

void settings_default(struct settings *s);

/* The settings file's path; false when neither $XDG_CONFIG_HOME nor $HOME is set. */
bool settings_path(char *buf, size_t cap);

enum settings_status {
    SETTINGS_OK,
    SETTINGS_MISSING, /* no file yet: the defaults */
    SETTINGS_BROKEN,  /* unreadable or not valid settings: the defaults, why says why */
};

enum settings_status settings_load(const char *path, struct settings *s, char *why, size_t cap);

/* Saves atomically, creating the folder. With broken set, the existing file
 * is first renamed to PATH.bad (moved, not lost). False with why set. */
bool settings_save(const char *path, const struct settings *s, bool broken, char *why, size_t cap);

#endif
