#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limits.h"
#include "scenario.h"
#include "util.h"

/* A folder per included file at most, and the top. */
#define WATCH_MAX_DIRS (LIMIT_FILES + 1)

struct watch {
    int fd;
    char folder[PATH_MAX];
    char **names; /* relative to folder; NULL: any .lua file of the top folder */
    int nnames;
    int wd[WATCH_MAX_DIRS];
    char *dir[WATCH_MAX_DIRS]; /* relative folder of each watch, "" for the top */
    int ndirs;
    bool tree; /* a scenario folder (not a single file): its sub-folders too, before it loads */
};

static void free_names(struct watch *w)
{
    for (int i = 0; i < w->nnames; i++)
        free(w->names[i]);
    free(w->names);
    w->names = NULL;
    w->nnames = 0;
}

/* Adds a watch on folder/rel unless there is one; false when it fails. */
static bool watch_dir(struct watch *w, const char *rel)
{
    for (int d = 0; d < w->ndirs; d++)
        if (strcmp(w->dir[d], rel) == 0)
            return true;
    if (w->ndirs >= WATCH_MAX_DIRS)
        return false;
    char full[PATH_MAX * 2];
    if (rel[0])
        str_format(full, sizeof full, "%s/%s", w->folder, rel);
    else
        str_copy(full, sizeof full, w->folder);
    int wd = inotify_add_watch(w->fd, full,
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
    if (wd < 0)
        return false;
    w->wd[w->ndirs] = wd;
    w->dir[w->ndirs] = xstrdup(rel);
    w->ndirs++;
    return true;
}

/* Watches the sub-folders of folder/rel, depth levels down (not hidden
 * ones): before the scenario loads, the file to fix may be an include in
 * any of them. */
static void watch_tree(struct watch *w, const char *rel, int depth)
{
    char full[PATH_MAX * 2];
    if (rel[0])
        str_format(full, sizeof full, "%s/%s", w->folder, rel);
    else
        str_copy(full, sizeof full, w->folder);
    DIR *d = opendir(full);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && w->ndirs < WATCH_MAX_DIRS) {
        if (e->d_name[0] == '.')
            continue;
        char sub[PATH_MAX], path[PATH_MAX * 3];
        if (rel[0])
            str_format(sub, sizeof sub, "%s/%s", rel, e->d_name);
        else
            str_copy(sub, sizeof sub, e->d_name);
        str_format(path, sizeof path, "%s/%s", full, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode) || !watch_dir(w, sub))
            continue;
        if (depth > 1)
            watch_tree(w, sub, depth - 1);
    }
    closedir(d);
}

void watch_follow(struct watch *w, const struct scenario *sc)
{
    free_names(w);
    if (!sc) {
        if (w->tree)
            watch_tree(w, "", 4);
        return;
    }
    w->names = xcalloc((size_t)(sc->nfiles ? sc->nfiles : 1), sizeof *w->names);
    for (int i = 0; i < sc->nfiles; i++) {
        const char *name = sc->files[i].name;
        w->names[w->nnames++] = xstrdup(name);
        char rel[PATH_MAX];
        str_copy(rel, sizeof rel, name);
        char *slash = strrchr(rel, '/');
        if (slash) {
            *slash = '\0';
            watch_dir(w, rel); /* a folder that is gone is seen when it comes back */
        }
    }
}

struct watch *watch_open(const char *path, const struct scenario *sc, char *why, size_t cap)
{
    struct watch *w = xcalloc(1, sizeof *w);
    str_copy(w->folder, sizeof w->folder, path);
    struct stat st;
    w->tree = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    if (!w->tree) {
        char *slash = strrchr(w->folder, '/');
        if (slash)
            *slash = '\0';
        else
            str_copy(w->folder, sizeof w->folder, ".");
    }
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        str_format(why, cap, "inotify: %s", strerror(errno));
        free(w);
        return NULL;
    }
    if (!watch_dir(w, "")) {
        str_format(why, cap, "cannot watch %s: %s", w->folder, strerror(errno));
        watch_close(w);
        return NULL;
    }
    watch_follow(w, sc);
    return w;
}

void watch_close(struct watch *w)
{
    if (!w)
        return;
    close(w->fd);
    free_names(w);
    for (int d = 0; d < w->ndirs; d++)
        free(w->dir[d]);
    free(w);
}

int watch_fd(const struct watch *w)
{
    return w->fd;
}

static bool wanted(const struct watch *w, const char *reldir, const char *name)
{
    char rel[PATH_MAX];
    if (reldir[0])
        str_format(rel, sizeof rel, "%s/%s", reldir, name);
    else
        str_copy(rel, sizeof rel, name);
    if (!w->names) {
        size_t n = strlen(rel);
        return n > 4 && strcmp(rel + n - 4, ".lua") == 0;
    }
    for (int i = 0; i < w->nnames; i++)
        if (strcmp(w->names[i], rel) == 0)
            return true;
    return false;
}

/* Reads what is pending; true when a watched file changed. */
static bool drain(struct watch *w)
{
    _Alignas(struct inotify_event) char buf[8192];
    bool hit = false;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)(void *)p;
            if (ev->len)
                for (int d = 0; d < w->ndirs; d++)
                    if (w->wd[d] == ev->wd && wanted(w, w->dir[d], ev->name))
                        hit = true;
            p += sizeof *ev + ev->len;
        }
    }
    return hit;
}

bool watch_changed(struct watch *w)
{
    if (!drain(w))
        return false;
    /* Let the rest of the save arrive (write, then rename, then chmod...). */
    struct pollfd p = {w->fd, POLLIN, 0};
    while (poll(&p, 1, WATCH_QUIET_MS) > 0)
        drain(w);
    return true;
}
