/*
 * watch.c: --watch in the window: the core's watcher (core/watch.h) in a
 * small thread that blocks in poll() on it and on a pipe that stops it, so
 * waiting costs nothing; a change pushes one SDL user event, which the
 * window answers by reloading (FE_RELOAD).
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/watch.h"
#include "win.h"

struct win_watch {
    struct watch *files;
    int stop[2];
    SDL_Thread *thread;
    uint32_t event_type;
};

static int watch_thread(void *arg)
{
    struct win_watch *wt = arg;
    for (;;) {
        struct pollfd p[2] = {{watch_fd(wt->files), POLLIN, 0}, {wt->stop[0], POLLIN, 0}};
        int r = poll(p, 2, -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 || (p[1].revents & (POLLIN | POLLHUP)))
            break;
        if ((p[0].revents & POLLIN) && watch_changed(wt->files)) {
            SDL_Event e;
            memset(&e, 0, sizeof e);
            e.type = wt->event_type;
            SDL_PushEvent(&e);
        }
    }
    return 0;
}

struct win_watch *win_watch_start(const char *path, const struct scenario *sc, uint32_t event_type,
                                  char *why, size_t cap)
{
    if (!event_type) {
        str_copy(why, cap, "no event type for file changes");
        return NULL;
    }
    struct win_watch *wt = xcalloc(1, sizeof *wt);
    wt->event_type = event_type;
    wt->stop[0] = wt->stop[1] = -1;
    wt->files = watch_open(path, sc, why, cap);
    if (!wt->files) {
        win_watch_stop(wt);
        return NULL;
    }
    if (pipe(wt->stop) != 0) {
        str_format(why, cap, "pipe: %s", strerror(errno));
        win_watch_stop(wt);
        return NULL;
    }
    wt->thread = SDL_CreateThread(watch_thread, "scaleup-watch", wt);
    if (!wt->thread) {
        str_format(why, cap, "cannot start a thread: %s", SDL_GetError());
        win_watch_stop(wt);
        return NULL;
    }
    return wt;
}

void win_watch_stop(struct win_watch *wt)
{
    if (!wt)
        return;
    if (wt->thread) {
        ssize_t k = write(wt->stop[1], "x", 1);
        (void)k;
        SDL_WaitThread(wt->thread, NULL);
    }
    watch_close(wt->files);
    if (wt->stop[0] >= 0)
        close(wt->stop[0]);
    if (wt->stop[1] >= 0)
        close(wt->stop[1]);
    free(wt);
}
