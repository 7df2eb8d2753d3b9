/*
 * catalog.h: where scenarios and assets are found.
 *
 * A scenario on the command line is a folder, a .lua file, or the id of a
 * bundled scenario (a folder under scenarios/ in the data folder). The data
 * folder is, in order: $SCALEUP_DATA; the source tree the program was built
 * from (while developing); the install prefix's share/scaleup; and
 * ../share/scaleup next to the executable (a relocated install).
 */
#ifndef SCALEUP_CATALOG_H
#define SCALEUP_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

/* The data folder (with scenarios/ and assets/ in it), or NULL. */
const char *catalog_data_dir(void);

/* The folder of the bundled scenario id, looked for in the data folder only
 * (never relative to the working folder). False when there is none. */
bool catalog_bundled(const char *id, char *path, size_t cap);

/* Resolves a scenario argument (a path, else a bundled id) to a path.
 * False with why set. */
bool catalog_resolve(const char *arg, char *path, size_t cap, char *why, size_t whycap);

/* The ids of the bundled scenarios, sorted (NULL-terminated, caller frees
 * with catalog_free_list). */
char **catalog_list(void);
void catalog_free_list(char **list);

#endif
