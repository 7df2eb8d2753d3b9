/*
 * watch.c: --watch: telling the window when a scenario's file changes.
 *
 * A small thread blocks in poll() on an inotify descriptor (and on a pipe
 * that stops it), so waiting costs nothing. Editors save in bursts (write,
 * rename, chmod), so after the first event the thread waits until the folder
 * has been quiet for a moment, then pushes one SDL user event: the window
 * answers it by reloading (FE_RELOAD).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "win.h"

#define QUIET_MS 150
#define MAX_DIRS 32

struct win_watch {
    int fd;
    int stop[2];
    SDL_Thread *thread;
    uint32_t event_type;
    char **names; /* relative to the folder; NULL: any .lua file */
    int nnames;
    int wd[MAX_DIRS];
    char *dir[MAX_DIRS]; /* relative folder of each watch, "" for the top */
    int ndirs;
};

static bool wanted(const struct win_watch *wt, const char *reldir, const char *name)
{
    char rel[PATH_MAX];
    if (reldir[0])
        str_format(rel, sizeof rel, "%s/%s", reldir, name);
    else
        str_copy(rel, sizeof rel, name);
    if (!wt->names) {
        size_t n = strlen(rel);
        return n > 4 && strcmp(rel + n - 4, ".lua") == 0;
    }
    for (int i = 0; i < wt->nnames; i++)
        if (strcmp(wt->names[i], rel) == 0)
            return true;
    return false;
}

/* Reads what is pending; true when a wanted file changed. */
static bool drain(struct win_watch *wt)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool hit = false;
    for (;;) {
        ssize_t n = read(wt->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)(void *)p;
            if (ev->len) {
                for (int d = 0; d < wt->ndirs; d++)
                    if (wt->wd[d] == ev->wd && wanted(wt, wt->dir[d], ev->name))
                        hit = true;
            }
            p += sizeof *ev + ev->len;
        }
    }
    return hit;
}

static int watch_thread(void *arg)
{
    struct win_watch *wt = arg;
    bool pending = false;
    for (;;) {
        struct pollfd p[2] = {{wt->fd, POLLIN, 0}, {wt->stop[0], POLLIN, 0}};
        int r = poll(p, 2, pending ? QUIET_MS : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 || (p[1].revents & (POLLIN | POLLHUP)))
            break;
        if (r == 0 && pending) {
            SDL_Event e;
            memset(&e, 0, sizeof e);
            e.type = wt->event_type;
            SDL_PushEvent(&e);
            pending = false;
            continue;
        }
        if (p[0].revents & POLLIN)
            pending = drain(wt) || pending;
    }
    return 0;
}

struct win_watch *win_watch_start(const char *folder, const char *const *names, int nnames,
                                  uint32_t event_type, char *why, size_t cap)
{
    if (!event_type) {
        str_copy(why, cap, "no event type for file changes");
        return NULL;
    }
    struct win_watch *wt = xcalloc(1, sizeof *wt);
    wt->event_type = event_type;
    wt->stop[0] = wt->stop[1] = -1;
    wt->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (wt->fd < 0 || pipe(wt->stop) != 0) {
        str_format(why, cap, "inotify: %s", strerror(errno));
        win_watch_stop(wt);
        return NULL;
    }
    if (names) {
        wt->names = xcalloc((size_t)(nnames ? nnames : 1), sizeof *wt->names);
        wt->nnames = nnames;
        for (int i = 0; i < nnames; i++)
            wt->names[i] = xstrdup(names[i]);
    }
    /* One watch per folder that holds a file: the top, and any include's. */
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB;
    int nd = names ? nnames : 0;
    for (int i = -1; i < nd && wt->ndirs < MAX_DIRS; i++) {
        char rel[PATH_MAX] = "";
        if (i >= 0) {
            str_copy(rel, sizeof rel, names[i]);
            char *slash = strrchr(rel, '/');
            if (!slash)
                continue;
            *slash = '\0';
        }
        bool seen = false;
        for (int d = 0; d < wt->ndirs; d++)
            if (strcmp(wt->dir[d], rel) == 0)
                seen = true;
        if (seen)
            continue;
        char full[PATH_MAX * 2];
        if (rel[0])
            str_format(full, sizeof full, "%s/%s", folder, rel);
        else
            str_copy(full, sizeof full, folder);
        int wd = inotify_add_watch(wt->fd, full, mask);
        if (wd < 0) {
            if (i < 0) {
                str_format(why, cap, "cannot watch %s: %s", full, strerror(errno));
                win_watch_stop(wt);
                return NULL;
            }
            continue;
        }
        wt->wd[wt->ndirs] = wd;
        wt->dir[wt->ndirs] = xstrdup(rel);
        wt->ndirs++;
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
    if (wt->fd >= 0)
        close(wt->fd);
    if (wt->stop[0] >= 0)
        close(wt->stop[0]);
    if (wt->stop[1] >= 0)
        close(wt->stop[1]);
    for (int i = 0; i < wt->nnames; i++)
        free(wt->names[i]);
    free(wt->names);
    for (int d = 0; d < wt->ndirs; d++)
        free(wt->dir[d]);
    free(wt);
}
