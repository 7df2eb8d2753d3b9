/*
 * support.h: what the tests share: paths to fixtures, loading a scenario
 * that must load, running the scaleup binary with input and capturing its
 * output, and reading files.
 */
#ifndef SCALEUP_TEST_SUPPORT_H
#define SCALEUP_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>

#include <cmocka.h>

#include "core/diag.h"
#include "core/scenario.h"

/* A test that cannot run here says why and skips; the program then exits
 * with TEST_SKIPPED (ctest's SKIP_RETURN_CODE, set for every test) so that
 * ctest reports it as skipped, not passed: main returns
 * test_exit(cmocka_run_group_tests(...)). */
#define TEST_SKIPPED 77
#define test_skip(...) (printf(__VA_ARGS__), putchar('\n'), test_skipped = true, skip())
extern bool test_skipped;
int test_exit(int failed);

/* tests/<rel> and <source>/<rel>, in a static buffer per call slot. */
const char *test_path(const char *rel);
const char *source_path(const char *rel);

/* Loads a scenario that must load; fails the test with its errors if not. */
struct scenario *load_ok(const char *path);

/* The diagnostics of loading path (which must fail); formatted one per line. */
char *load_errors(const char *path, bool with_col);
/* The same with another loader (scenario_load_lines, say). */
struct script_limits;
typedef struct scenario *scenario_loader(const char *path, const struct script_limits *limits,
                                         struct diag_list *diags);
char *load_errors_by(scenario_loader *load, const char *path, bool with_col);
struct scenario *load_ok_by(scenario_loader *load, const char *path);

struct cmd_result {
    int status;   /* exit code, or 128+signal */
    char *out;    /* standard output */
    char *err;    /* standard error */
    double seconds;
    double cpu_seconds; /* the program's user and system time */
};

/* Runs argv (argv[0] a path) with input on stdin (NULL: /dev/null), in cwd
 * (NULL: inherit), with extra "NAME=value" environment entries (NULL-ended or
 * NULL), killing it after timeout seconds. */
void run_cmd(const char *const *argv, const char *input, const char *cwd, const char *const *env,
             double timeout, struct cmd_result *r);
void cmd_result_free(struct cmd_result *r);

/* A running program whose input stays open, for interactive tests. */
struct proc {
    int pid;
    int in, out, err;
    struct strbuf seen_out, seen_err; /* everything read so far */
};

void proc_start(struct proc *p, const char *const *argv, const char *cwd);
/* Reads until needle appears in standard output (or standard error when
 * from_err); fails the test after timeout seconds. */
void proc_expect(struct proc *p, const char *needle, bool from_err, double timeout);
void proc_send(struct proc *p, const char *text);
/* Closes the input and waits; returns the exit code. */
int proc_finish(struct proc *p, double timeout);

/* Starts a game of sc: solo as role (named name), or a duet when role2 >=
 * 0 (the second player named name2); fails the test when it cannot. */
struct game;
struct game *test_start_game(const struct scenario *sc, uint64_t seed, int role, const char *name, int role2,
                             const char *name2);
/* Takes open choice n (1.5 seconds to decide); fails the test, naming the
 * scene, when it cannot. */
void test_choose(struct game *g, int n);

/* The scaleup binary under test. */
const char *scaleup_bin(void);

/* A whole file, NUL-terminated (NULL when missing). */
char *slurp(const char *path, size_t *len);
/* Writes a whole file (failing the test when it cannot). */
void write_file(const char *path, const char *data, size_t len);

/* A fresh temporary folder (removed by rm_rf). */
char *make_temp_dir(void);
void rm_rf(const char *path);

#endif
