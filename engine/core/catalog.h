/*
 * catalog.h: where scenarios and assets are found.
 *
 * A scenario on the command line is a folder, a .lua file, or an id: the
 * name of a folder with a main.lua in the user's scenarios folder
 * ($XDG_DATA_HOME/scaleup/scenarios, ~/.local/share/scaleup/scenarios), else
 * in scenarios/ of the data folder (the bundled ones). The data folder is, in
 * order: $SCALEUP_DATA; ../share/scaleup beside the executable (an install
 * prefix, wherever it was moved; the build tree links its share/ to the
 * source); the install prefix's share/scaleup. The program never holds the
 * source or build folder's path, so the build is reproducible.
 */
#ifndef SCALEUP_CATALOG_H
#define SCALEUP_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

/* The data folder (with scenarios/ and assets/ in it), or NULL. */
const char *catalog_data_dir(void);

/* The folder of the scenario id, looked for in the user's scenarios folder
 * and then the data folder (never relative to the working folder). False
 * when there is none. */
bool catalog_bundled(const char *id, char *path, size_t cap);

/* Resolves a scenario argument (a path, else a bundled id) to a path.
 * False with why set. */
bool catalog_resolve(const char *arg, char *path, size_t cap, char *why, size_t whycap);

/* The user's scenarios folder (which may not exist yet). False without
 * XDG_DATA_HOME or HOME. */
bool catalog_user_dir(char *path, size_t cap);

/* The ids of the user's and the bundled scenarios, sorted (NULL-terminated, caller frees
 * with catalog_free_list). */
char **catalog_list(void);
void catalog_free_list(char **list);

#endif
