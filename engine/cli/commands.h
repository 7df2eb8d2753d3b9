/*
 * commands.h: the subcommands of the scaleup binary. Each takes its own
 * argc/argv (argv[0] is the subcommand's name) and returns the exit code:
 * 0 success, 1 a scenario error or a finding, 2 a usage error.
 */
#ifndef SCALEUP_COMMANDS_H
#define SCALEUP_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

#include "core/script.h"

int cmd_play(int argc, char **argv);
#ifdef SCALEUP_HAVE_HOST
int cmd_host(int argc, char **argv);
#endif

/* Shared option handling: --max-memory MIB, --max-instructions N,
 * --max-call-ms MS. Returns 1 when opt was one of them (and applied), 0 when
 * not, -1 (after printing why) when its value is wrong. */
int cli_limit_option(const char *opt, const char *value, struct script_limits *limits);

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

#endif
