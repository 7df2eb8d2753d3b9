/*
 * watch.h: noticing that a scenario's files changed, for live reload
 * (--watch), one watcher for every front-end.
 *
 * Watches the scenario's folder, and the folder of every included file
 * (stages/more.lua), with inotify: editors often save by writing a new file
 * and renaming it over the old one, so watching the folders is what sees
 * every save. Front-ends wait on watch_fd() beside their own input (the
 * terminal in poll(), the window in a small thread) and call
 * watch_changed() when it is readable.
 */
#ifndef SCALEUP_WATCH_H
#define SCALEUP_WATCH_H

#include <stdbool.h>
#include <stddef.h>

struct scenario;
struct watch;

/* Watches the folder of path (a scenario folder or file) and, once sc is
 * loaded, the folders of its files; sc NULL (the scenario did not load)
 * watches every .lua file of the folder and of its sub-folders (a few
 * levels down: the file to fix may be an include). NULL with why set when
 * the folder cannot be watched. */
struct watch *watch_open(const char *path, const struct scenario *sc, char *why, size_t cap);
void watch_close(struct watch *w);
/* Follows the files of a reloaded scenario (an include added or removed). */
void watch_follow(struct watch *w, const struct scenario *sc);
/* A file descriptor that becomes readable when something changed. */
int watch_fd(const struct watch *w);
/* Reads the pending events; true when a watched file changed. Waits until
 * the files have been quiet for WATCH_QUIET_MS (an editor's save is a burst:
 * write, rename, chmod), so that one save is one reload. */
bool watch_changed(struct watch *w);

#define WATCH_QUIET_MS 150

#endif
