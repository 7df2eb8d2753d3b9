#include "watch.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "util.h"

struct watch {
    int fd;
};

struct watch *watch_open(const char *folder)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return NULL;
    if (inotify_add_watch(fd, folder,
                          IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return NULL;
    }
    struct watch *w = xcalloc(1, sizeof *w);
    w->fd = fd;
    return w;
}

void watch_close(struct watch *w)
{
    if (!w)
        return;
    close(w->fd);
    free(w);
}

int watch_fd(const struct watch *w)
{
    return w->fd;
}

static bool drain(struct watch *w)
{
    bool lua = false;
    _Alignas(struct inotify_event) char buf[8192];
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            struct inotify_event *ev = (struct inotify_event *)(void *)p;
            size_t len = ev->len ? strlen(ev->name) : 0;
            if (len > 4 && strcmp(ev->name + len - 4, ".lua") == 0)
                lua = true;
            p += sizeof *ev + ev->len;
        }
    }
    return lua;
}

bool watch_changed(struct watch *w)
{
    bool lua = drain(w);
    if (!lua)
        return false;
    /* Let the rest of the save arrive (write, then rename, then chmod...). */
    struct pollfd p = {w->fd, POLLIN, 0};
    while (poll(&p, 1, 150) > 0)
        drain(w);
    return true;
}
