/*
 * module.c: finding, loading and checking the front-end modules (module.h).
 */
#include "module.h"

#include <dlfcn.h>
#include <limits.h>
#include <string.h>

#include "commands.h"
#include "core/util.h"

#ifndef SCALEUP_VERSION
#define SCALEUP_VERSION "0"
#endif

static const struct module_info {
    const char *file;   /* in the module folder */
    const char *symbol; /* the entry */
    const char *what;   /* for messages */
    const char *hint;   /* what to do without it */
} modules[] = {
    [MODULE_WINDOW] = {"window.so", "scaleup_window_module", "the window",
                       "; play in the terminal with --text"},
    [MODULE_HOST] = {"host.so", "scaleup_host_module", "the browser host", ""},
};

/* The module's file into path: SCALEUP_RELATIVE_MODULE_DIR from the
 * executable's folder, its leading "../" taken off that folder, so that
 * messages name /usr/lib/..., not /usr/bin/../lib/... */
static void module_path(const struct module_info *m, char *path, size_t cap)
{
    char exe[PATH_MAX];
    if (!executable_dir(exe, sizeof exe))
        str_copy(exe, sizeof exe, ".");
    const char *rel = SCALEUP_RELATIVE_MODULE_DIR;
    char *slash;
    while (strncmp(rel, "../", 3) == 0 && (slash = strrchr(exe, '/')) && slash != exe) {
        *slash = '\0';
        rel += 3;
    }
    str_format(path, cap, "%s/%s/%s", exe, rel, m->file);
}

/* dlerror()'s text, or a stand-in when it has none. */
static const char *dl_why(void)
{
    const char *why = dlerror();
    return why ? why : "no reason given";
}

/* The one line for a module that dlopen or dlsym refused: glibc's reason
 * (why) starts with the file's name, which is said once. */
static void load_error(const struct module_info *m, const char *path, const char *why)
{
    if (strstr(why, path))
        cli_error("cannot load %s: %s%s", m->what, why, m->hint);
    else
        cli_error("cannot load %s (%s): %s%s", m->what, path, why, m->hint);
}

/* Opens and checks one module: its entry, or NULL after one line. */
static const void *module_open(const struct module_info *m)
{
    char path[PATH_MAX + 64];
    module_path(m, path, sizeof path);
    /* RTLD_NOW: a symbol the executable does not export is said here, with
     * its name, not when the window first draws. RTLD_LOCAL: the module's
     * own symbols stay out of every other lookup. Never closed: its
     * libraries' threads and handlers may outlive a return. */
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        load_error(m, path, dl_why());
        return NULL;
    }
    dlerror();
    const struct module_stamp *stamp = dlsym(handle, m->symbol);
    if (!stamp) {
        load_error(m, path, dl_why()); /* "undefined symbol: scaleup_..." */
        return NULL;
    }
    if (stamp->abi != MODULE_ABI || !stamp->version || strcmp(stamp->version, SCALEUP_VERSION) != 0) {
        cli_error("%s is from scaleup %s (module ABI %u), not from this scaleup %s (ABI %u): "
                  "reinstall scaleup%s",
                  path, stamp->version ? stamp->version : "?", stamp->abi, SCALEUP_VERSION, MODULE_ABI,
                  m->hint);
        return NULL;
    }
    return stamp;
}

const void *module_load(enum module_id id)
{
    static const void *loaded[COUNT_OF(modules)];
    if (!loaded[id])
        loaded[id] = module_open(&modules[id]);
    return loaded[id];
}
