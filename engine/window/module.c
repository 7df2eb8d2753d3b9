/*
 * module.c: window.so's entry, the one symbol the module exports
 * (cli/module.h): what scaleup play opens when it plays in the window.
 */
#include "cli/module.h"
#include "window.h"

MODULE_ENTRY const struct window_module scaleup_window_module = {
    .stamp = {MODULE_ABI, SCALEUP_VERSION},
    .main = window_main,
};
