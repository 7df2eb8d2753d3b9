/*
 * watch.h: noticing that a scenario's files changed, for live reload.
 *
 * Watches the scenario's folder with inotify (editors often save by writing
 * a new file and renaming it over the old one, so watching the folder is
 * what sees every save). Front-ends wait on watch_fd() beside their own
 * input and call watch_changed() when it is readable.
 */
#ifndef SCALEUP_WATCH_H
#define SCALEUP_WATCH_H

#include <stdbool.h>

struct watch;

/* NULL (with errno set) when the folder cannot be watched. */
struct watch *watch_open(const char *folder);
void watch_close(struct watch *w);
/* A file descriptor that becomes readable when something changed. */
int watch_fd(const struct watch *w);
/* Reads the pending events; true when a .lua file changed. Waits a moment
 * for a burst of events (an editor's save) to settle, so one save is one
 * reload. */
bool watch_changed(struct watch *w);

#endif
