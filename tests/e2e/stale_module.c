/*
 * stale_module.c: a window module from another version, for test_modules.sh:
 * the window's entry with another ABI and version, and no host entry.
 */
#include "cli/module.h"

static int never_run(struct play_options *po, const char *scenario_path)
{
    (void)po;
    (void)scenario_path;
    return 99;
}

MODULE_ENTRY const struct window_module scaleup_window_module = {
    .stamp = {0, "0.0"},
    .main = never_run,
};
