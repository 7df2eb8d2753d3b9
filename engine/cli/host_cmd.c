/*
 * host_cmd.c: scaleup host: the command line of the browser host
 * (engine/host/host.h).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/run.h"
#include "host/host.h"
#include "module.h"

static void host_usage(FILE *f)
{
    fprintf(f,
            "Usage: scaleup host [SCENARIO...] --results DIR [OPTIONS]\n"
            "\n"
            "Serves the game to every browser in the room: players open the address it\n"
            "prints, type the workshop code and their team's name, and play; the\n"
            "facilitator's link (with its secret token) shows the room live. Every\n"
            "decision is written to DIR at once; started again on the same DIR, the host\n"
            "resumes every run. Without SCENARIO it serves the bundled scenarios.\n"
            "\n"
            "  --results DIR       the results folder (required)\n"
            "  --port N            the port to listen on (default 8080; 0: any free port)\n"
            "  --bind ADDR         the IPv4 address to listen on (default: every address;\n"
            "                      127.0.0.1 for this computer only)\n"
            "  --seed N            every run gets this seed (a fair comparison across the\n"
            "                      room); otherwise each run gets its own\n"
            "  --no-coaching       exam mode: all feedback waits for the debrief\n"
            "  --timers MODE       timed decisions: on, slow (ten times the time) or off\n"
            "  --ready-file FILE   write the port to FILE once listening (for scripts)\n"
            CLI_LIMITS_HELP
            "  --help              this help\n"
            "\n"
            "Exit codes: 0 stopped with Ctrl+C or SIGTERM, 1 could not start, 2 usage error.\n");
}

static const struct option host_opts[] = {
    {"results", required_argument, NULL, 'R'},
    {"port", required_argument, NULL, 'p'},
    {"bind", required_argument, NULL, 'b'},
    {"seed", required_argument, NULL, 's'},
    {"no-coaching", no_argument, NULL, 'n'},
    {"timers", required_argument, NULL, 'T'},
    {"ready-file", required_argument, NULL, 'r'},
    CLI_LIMIT_OPTIONS,
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* One option as getopt_long returned it (index: its row in host_opts)
 * into cfg: -1 to go on, else the exit code (after --help or a usage
 * error). */
static int host_option(int c, int index, char **argv, struct host_config *cfg)
{
    long long v;
    switch (c) {
    case 'R': cfg->results_dir = optarg; break;
    case 'p':
        if (!cli_number_option(optarg, 0, 65535, "--port takes a number from 0 to 65535", &v))
            return 2;
        cfg->port = (int)v;
        break;
    case 'b': cfg->bind = optarg; break;
    case 's':
        if (!cli_seed(optarg, &cfg->seed))
            return 2;
        cfg->seed_given = true;
        break;
    case 'n': cfg->coaching = false; break;
    case 'T': {
        int mode = cli_timers(optarg);
        if (mode < 0)
            return 2;
        cfg->timers = (enum session_timers)mode;
        break;
    }
    case 'r': cfg->ready_file = optarg; break;
    case CLI_LIMIT_KEY:
        if (cli_limit_option(host_opts[index].name, optarg, &cfg->limits) < 0)
            return 2;
        break;
    case 'h': host_usage(stdout); return 0;
    default: return cli_option_error("host", c, argv);
    }
    return -1;
}

/* The scenarios to serve: those given (at most HOST_MAX_SCENARIOS), or
 * every bundled one. False after saying why. */
static bool host_scenarios(struct host_config *cfg, int argc, char **argv)
{
    static char paths[HOST_MAX_SCENARIOS][PATH_MAX];
    char why[1024];
    if (optind >= argc) {
        char **list = catalog_list();
        for (int i = 0; list && list[i] && cfg->nscenarios < HOST_MAX_SCENARIOS; i++)
            if (catalog_bundled(list[i], paths[cfg->nscenarios], PATH_MAX)) {
                cfg->scenarios[cfg->nscenarios] = paths[cfg->nscenarios];
                cfg->nscenarios++;
            }
        catalog_free_list(list);
        if (!cfg->nscenarios) {
            cli_error("no bundled scenario found: give a scenario folder (see scaleup host --help)");
            return false;
        }
        return true;
    }
    for (; optind < argc; optind++) {
        if (cfg->nscenarios == HOST_MAX_SCENARIOS) {
            cli_error("a host serves at most %d scenarios", HOST_MAX_SCENARIOS);
            return false;
        }
        if (!catalog_resolve(argv[optind], paths[cfg->nscenarios], PATH_MAX, why, sizeof why)) {
            cli_error("%s", why);
            return false;
        }
        cfg->scenarios[cfg->nscenarios] = paths[cfg->nscenarios];
        cfg->nscenarios++;
    }
    return true;
}

int cmd_host(int argc, char **argv)
{
    struct host_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.port = 8080;
    cfg.coaching = true;
    script_limits_default(&cfg.limits);
    optind = 1;
    opterr = 0;
    int c, index = 0;
    while ((c = getopt_long(argc, argv, ":", host_opts, &index)) != -1) {
        int code = host_option(c, index, argv, &cfg);
        if (code >= 0)
            return code;
    }
    if (!cfg.results_dir) {
        cli_error("host needs --results DIR: the folder where every decision is kept");
        return 2;
    }
    if (!host_scenarios(&cfg, argc, argv))
        return 2;
    const struct host_module *host = module_load(MODULE_HOST);
    return host ? host->run(&cfg) : 2;
}
