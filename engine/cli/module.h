/*
 * module.h: the front-ends with large libraries, loaded only by the commands
 * that use them.
 *
 * The window (SDL2, SDL2_ttf, SDL2_image, fontconfig: some 60 shared
 * libraries) and the browser host (libmicrohttpd, GnuTLS, libqrencode: some
 * 12) are modules: shared objects that scaleup play (without --text) and
 * scaleup host open with dlopen. Every other command (lint, explore, play
 * --text, test, map, report, lsp...) maps none of their libraries, and so
 * starts without relocating them.
 *
 * A module holds its front-end only. The engine core, the command-line
 * helpers and the tools it calls are the executable's, which exports them
 * (CMake's ENABLE_EXPORTS, the core linked whole): one copy of each in the
 * process, and a module that needs a symbol the executable lacks fails to
 * load, with the symbol named, instead of running.
 *
 * A module is found relative to the executable, as the data folder is:
 * SCALEUP_RELATIVE_MODULE_DIR from its bin/ (../lib/<triplet>/scaleup
 * installed under /usr; the build tree has the same layout). It exports
 * one symbol, its entry, a struct that starts with a module_stamp checked
 * before anything else in it is used: a module left from another version
 * is refused with one line, never run.
 */
#ifndef SCALEUP_MODULE_H
#define SCALEUP_MODULE_H

/* Raised whenever an entry below, or what a module gets through it, changes
 * shape; the version (SCALEUP_VERSION) must match as well. */
#define MODULE_ABI 1

struct play_options;
struct host_config;

struct module_stamp {
    unsigned abi;        /* MODULE_ABI when the module was built */
    const char *version; /* SCALEUP_VERSION when the module was built */
};

/* The entry of window.so, exported as scaleup_window_module. */
struct window_module {
    struct module_stamp stamp;
    int (*main)(struct play_options *po, const char *scenario_path); /* window_main */
};

/* The entry of host.so, exported as scaleup_host_module. */
struct host_module {
    struct module_stamp stamp;
    int (*run)(const struct host_config *cfg); /* host_run */
};

/* Marks a module's entry as its one exported symbol (modules are built with
 * hidden visibility). */
#define MODULE_ENTRY __attribute__((visibility("default")))

enum module_id { MODULE_WINDOW, MODULE_HOST };

/* The module's entry (a struct window_module or host_module), loaded on
 * the first call; NULL after one line on standard error ("scaleup: error:
 * ..." naming the file and why: missing, not loadable, or from another
 * version), for the command to exit 2. */
const void *module_load(enum module_id id);

#endif
