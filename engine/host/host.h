/*
 * host.h: scaleup host: the game served to every browser in a room.
 *
 * One HTTP server (libmicrohttpd) in front of a third front-end on the
 * frontend.h seam: each team's run is a session played by its own thread,
 * whose callbacks publish what to show and wait for the browser's answer.
 * The same engine and session as the terminal and the window, so a
 * browser's result file is the terminal's for the same scenario, role, seed
 * and choices.
 */
#ifndef SCALEUP_HOST_H
#define SCALEUP_HOST_H

#include <stdbool.h>
#include <stdint.h>

#include "core/session.h"

#define HOST_MAX_SCENARIOS 32

struct host_config {
    const char *scenarios[HOST_MAX_SCENARIOS]; /* resolved paths */
    int nscenarios;
    const char *results_dir;
    const char *bind;  /* address to listen on; NULL: every address */
    int port;          /* 0: any free port */
    bool seed_given;   /* every run gets seed */
    uint64_t seed;
    bool coaching;
    enum session_timers timers;
    struct script_limits limits;
    const char *ready_file; /* when set: the address is written here once listening (tests) */
};

/* Serves until SIGINT or SIGTERM; returns an exit code (0, or 1 when the
 * server cannot start: the reason is on standard error). */
int host_run(const struct host_config *cfg);

#endif
