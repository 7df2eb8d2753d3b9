/*
 * module.c: host.so's entry, the one symbol the module exports
 * (cli/module.h): what scaleup host opens to serve.
 */
#include "cli/module.h"
#include "host.h"

MODULE_ENTRY const struct host_module scaleup_host_module = {
    .stamp = {MODULE_ABI, SCALEUP_VERSION},
    .run = host_run,
};
