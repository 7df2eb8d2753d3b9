#include "catalog.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef SCALEUP_SOURCE_DATA_DIR
#define SCALEUP_SOURCE_DATA_DIR ""
#endif
#ifndef SCALEUP_INSTALL_DATA_DIR
#define SCALEUP_INSTALL_DATA_DIR ""
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_scenarios(const char *dir)
{
    char p[PATH_MAX];
    str_format(p, sizeof p, "%s/scenarios", dir);
    return dir[0] && is_dir(p);
}

const char *catalog_data_dir(void)
{
    static char found[PATH_MAX];
    static bool done;
    if (done)
        return found[0] ? found : NULL;
    done = true;
    const char *env = getenv("SCALEUP_DATA");
    if (env && has_scenarios(env)) {
        str_copy(found, sizeof found, env);
        return found;
    }
    if (has_scenarios(SCALEUP_SOURCE_DATA_DIR)) {
        str_copy(found, sizeof found, SCALEUP_SOURCE_DATA_DIR);
        return found;
    }
    if (has_scenarios(SCALEUP_INSTALL_DATA_DIR)) {
        str_copy(found, sizeof found, SCALEUP_INSTALL_DATA_DIR);
        return found;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char p[PATH_MAX];
            str_format(p, sizeof p, "%s/../share/scaleup", exe);
            if (has_scenarios(p)) {
                str_copy(found, sizeof found, p);
                return found;
            }
        }
    }
    return NULL;
}

static bool valid_id(const char *s)
{
    if (!*s || strlen(s) > 64)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

bool catalog_bundled(const char *id, char *path, size_t cap)
{
    const char *data = catalog_data_dir();
    if (!valid_id(id) || !data)
        return false;
    char p[PATH_MAX];
    str_format(p, sizeof p, "%s/scenarios/%s", data, id);
    if (!is_dir(p))
        return false;
    str_copy(path, cap, p);
    return true;
}

bool catalog_resolve(const char *arg, char *path, size_t cap, char *why, size_t whycap)
{
    struct stat st;
    if (stat(arg, &st) == 0) {
        str_copy(path, cap, arg);
        return true;
    }
    if (catalog_bundled(arg, path, cap))
        return true;
    char **list = catalog_list();
    struct strbuf known;
    sb_init(&known);
    for (char **l = list; l && *l; l++) {
        if (known.len)
            sb_puts(&known, ", ");
        sb_puts(&known, *l);
    }
    str_format(why, whycap,
               "no scenario '%s': not a folder, a .lua file or a bundled scenario (bundled: %s)",
               arg, known.len ? known.data : "none found");
    sb_free(&known);
    catalog_free_list(list);
    return false;
}

static int compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **catalog_list(void)
{
    const char *data = catalog_data_dir();
    char **list = xcalloc(1, sizeof *list);
    if (!data)
        return list;
    char dir[PATH_MAX];
    str_format(dir, sizeof dir, "%s/scenarios", data);
    DIR *d = opendir(dir);
    if (!d)
        return list;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!valid_id(e->d_name))
            continue;
        char p[PATH_MAX];
        str_format(p, sizeof p, "%s/%s/main.lua", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) != 0)
            continue;
        list = xrealloc(list, sizeof *list * (n + 2));
        list[n++] = xstrdup(e->d_name);
        list[n] = NULL;
    }
    closedir(d);
    sort_items(list, n, sizeof *list, compare);
    return list;
}

void catalog_free_list(char **list)
{
    for (char **l = list; l && *l; l++)
        free(*l);
    free(list);
}
