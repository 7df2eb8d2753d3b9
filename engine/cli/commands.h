/*
 * commands.h: the subcommands of the scaleup binary. Each takes its own
 * argc/argv (argv[0] is the subcommand's name) and returns the exit code:
 * 0 success, 1 a scenario error or a finding, 2 a usage error.
 */
#ifndef SCALEUP_COMMANDS_H
#define SCALEUP_COMMANDS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/script.h"

int cmd_play(int argc, char **argv);
#ifdef SCALEUP_HAVE_HOST
int cmd_host(int argc, char **argv);
#endif

/* The limit options every command that loads a scenario takes: put
 * CLI_LIMIT_OPTIONS in its getopt_long table (with ":" as the option
 * string, so that a missing value is told apart from an unknown option),
 * hand CLI_LIMIT_KEY's options to cli_limit_option, and print
 * CLI_LIMITS_HELP in its --help. */
#define CLI_LIMIT_KEY 0x100 /* above every short option */
#define CLI_LIMIT_COUNT 3
#define CLI_LIMIT_OPTIONS                                        \
    {"max-memory", required_argument, NULL, CLI_LIMIT_KEY},       \
        {"max-instructions", required_argument, NULL, CLI_LIMIT_KEY}, \
        {"max-call-ms", required_argument, NULL, CLI_LIMIT_KEY}
#define CLI_LIMITS_HELP                                                                 \
    "  --max-memory MIB    Lua memory for the scenario (default 64)\n"                  \
    "  --max-instructions N  instructions per call into the scenario\n"                 \
    "                      (default 10000000)\n"                                        \
    "  --max-call-ms MS    wall-clock time per call into the scenario (default 500)\n"

/* Applies limit option opt (a long name without "--") with value. Returns
 * 1 when opt was one of them (and applied), 0 when not, -1 (after printing
 * why) when its value is wrong. */
int cli_limit_option(const char *opt, const char *value, struct script_limits *limits);
/* The name of limit option i (0 to CLI_LIMIT_COUNT - 1), NULL past them. */
const char *cli_limit_name(int i);

/* Says what is wrong with an option getopt_long (option string ":")
 * returned c for: "--x needs a value" or "unknown option '--x'", each
 * pointing at "scaleup COMMAND --help". Returns 2, the usage error's code. */
int cli_option_error(const char *command, int c, char **argv);

/* Prints one line on f with terminal controls folded (utf8_fold_controls):
 * every message may carry a file name or text read from a file. */
void cli_print_line(FILE *f, const char *text);

/* Prints "scaleup: error: ..." on stderr (folded, see cli_print_line). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints a list of diagnostics on stderr, one line each. */
struct diag_list;
void cli_print_diags(const struct diag_list *diags, bool with_col);

/* Resolves a scenario argument (folder, .lua file or bundled id) and loads
 * it, printing every error on stderr. NULL with *code set to 2 when there is
 * no such scenario, 1 when it does not load. limits may be NULL. */
struct scenario;
struct scenario *cli_load_scenario(const char *arg, const struct script_limits *limits, int *code);

/* Parses a whole number in [min, max]. */
bool cli_number(const char *s, long long min, long long max, long long *out);

/* An option's number in [min, max] into *out; false after printing
 * takes, what the option takes ("--jobs takes a number from 1 to 64"). */
bool cli_number_option(const char *s, long long min, long long max, const char *takes,
                       long long *out);

/* --seed's value (0 to RUN_SEED_MAX) into *seed; false after saying why. */
bool cli_seed(const char *s, uint64_t *seed);

/* --timers' value (on, slow or off) as an enum session_timers; -1 after
 * saying why. */
int cli_timers(const char *s);

#endif
