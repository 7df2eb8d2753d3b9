#include "catalog.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef SCALEUP_INSTALL_DATA_DIR
#define SCALEUP_INSTALL_DATA_DIR ""
#endif
#ifndef SCALEUP_RELATIVE_DATA_DIR
#define SCALEUP_RELATIVE_DATA_DIR "../share/scaleup"
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

/* The data folder beside the executable: BINDIR/../share/scaleup of the
 * prefix it is installed in, wherever that prefix was moved (a package
 * unpacked into another root; the build tree links its share/ to the
 * source). False when there is none. */
static bool beside_executable(char *out, size_t cap)
{
    char exe[PATH_MAX];
    if (!executable_dir(exe, sizeof exe))
        return false;
    char p[PATH_MAX], up[PATH_MAX];
    str_format(p, sizeof p, "%s/%s", exe, SCALEUP_RELATIVE_DATA_DIR);
    if (!has_scenarios(p))
        return false;
    /* BINDIR/.. named as the prefix it is, so that messages read
     * /usr/share/scaleup/scenarios/..., not /usr/bin/../share/... */
    str_format(up, sizeof up, "%s/..", exe);
    char prefix[PATH_MAX];
    if (realpath(up, prefix) && strncmp(SCALEUP_RELATIVE_DATA_DIR, "../", 3) == 0)
        str_format(p, sizeof p, "%s/%s", prefix, SCALEUP_RELATIVE_DATA_DIR + 3);
    str_copy(out, cap, p);
    return true;
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
    if (beside_executable(found, sizeof found))
        return found;
    if (has_scenarios(SCALEUP_INSTALL_DATA_DIR)) {
        str_copy(found, sizeof found, SCALEUP_INSTALL_DATA_DIR);
        return found;
    }
    return NULL;
}

bool catalog_user_dir(char *path, size_t cap)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    path[0] = '\0';
    if (xdg && xdg[0] == '/')
        str_format(path, cap, "%s/scaleup/scenarios", xdg);
    else if (home && home[0] == '/')
        str_format(path, cap, "%s/.local/share/scaleup/scenarios", home);
    return path[0] != '\0';
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

/* A scenario folder dir/id with a main.lua in it. */
static bool scenario_in(const char *dir, const char *id, char *path, size_t cap)
{
    char p[PATH_MAX], main_lua[PATH_MAX];
    str_format(p, sizeof p, "%s/%s", dir, id);
    str_format(main_lua, sizeof main_lua, "%s/main.lua", p);
    struct stat st;
    if (!is_dir(p) || stat(main_lua, &st) != 0)
        return false;
    str_copy(path, cap, p);
    return true;
}

bool catalog_bundled(const char *id, char *path, size_t cap)
{
    if (!valid_id(id))
        return false;
    char dir[PATH_MAX];
    if (catalog_user_dir(dir, sizeof dir) && scenario_in(dir, id, path, cap))
        return true;
    const char *data = catalog_data_dir();
    if (!data)
        return false;
    str_format(dir, sizeof dir, "%s/scenarios", data);
    return scenario_in(dir, id, path, cap);
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

/* Adds the ids of the scenarios in dir to list (n of them so far), once each. */
static char **list_folder(const char *dir, char **list, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return list;
    struct dirent *e;
    while ((e = readdir(d))) {
        char p[PATH_MAX];
        if (!valid_id(e->d_name) || !scenario_in(dir, e->d_name, p, sizeof p))
            continue;
        bool seen = false;
        for (size_t i = 0; i < *n && !seen; i++)
            seen = strcmp(list[i], e->d_name) == 0;
        if (seen)
            continue;
        list = xrealloc(list, sizeof *list * (*n + 2));
        list[(*n)++] = xstrdup(e->d_name);
        list[*n] = NULL;
    }
    closedir(d);
    return list;
}

char **catalog_list(void)
{
    char **list = xcalloc(1, sizeof *list);
    size_t n = 0;
    char dir[PATH_MAX];
    if (catalog_user_dir(dir, sizeof dir))
        list = list_folder(dir, list, &n);
    const char *data = catalog_data_dir();
    if (data) {
        str_format(dir, sizeof dir, "%s/scenarios", data);
        list = list_folder(dir, list, &n);
    }
    sort_items(list, n, sizeof *list, compare);
    return list;
}

void catalog_free_list(char **list)
{
    for (char **l = list; l && *l; l++)
        free(*l);
    free(list);
}
