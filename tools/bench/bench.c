/*
 * bench.c: scaleup-bench, the measuring helper of the benchmark (tools/bench/run).
 * It is not part of the scaleup binary and is never installed.
 *
 *   scaleup-bench load SCENARIO REPEATS
 *       loads and validates SCENARIO REPEATS times (scenario_load, as every
 *       command does); prints the median and fastest time, the Lua state's
 *       size, and the process's peak memory after the first load.
 *   scaleup-bench random SCENARIO RUNS SEED
 *       the exploration `scaleup explore --random RUNS --seed SEED` runs
 *       (explore_run), and the bytes of text it produced: scene texts, every
 *       label offered, every feedback.
 *   scaleup-bench exhaustive SCENARIO MAX_STATES SEED
 *       the same for `scaleup explore --exhaustive --max-states MAX_STATES`.
 *   scaleup-bench best SCENARIO ROLE SEED [duet] [no-bound] [jobs=N]
 *       the exact best of ROLE (an index; with duet, that player's best in a
 *       duet) for SEED, as the debrief searches it (best_search_run, no
 *       deadline, no cap; N workers, default the cores as the debrief): the
 *       best weighted total, whether it is exact, the states solved (in the
 *       last pass, and in every pass: states_all, passes) and cut,
 *       the path, the time, the CPU time (the process's, and its busiest
 *       worker's tasks': about the time on idle cores) and whether it holds
 *       for every seed (nothing drew from the generator). no-bound: the plain merged
 *       search, to cross-check a faster search's result.
 *   scaleup-bench spawn OUTFILE COMMAND ARGS...
 *       runs COMMAND and writes its wall time, CPU time and peak memory
 *       (from wait4) to OUTFILE as JSON; COMMAND's output passes through.
 *   scaleup-bench idle SETTLE SECONDS COMMAND ARGS...
 *       starts COMMAND, waits SETTLE seconds, measures the CPU time it uses in
 *       the next SECONDS (a window waiting for input should use none), ends it
 *       (SIGTERM) and prints that and its peak memory.
 *
 * Each prints one JSON object on stdout (spawn: into OUTFILE). With
 * SCALEUP_BENCH_SLOW set (for valgrind), the wall-clock limits are 10 minutes.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/best.h"
#include "core/explore.h"
#include "core/loader.h"
#include "core/util.h"

static long max_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static struct scenario *load(const char *path)
{
    struct diag_list diags;
    diag_list_init(&diags);
    /* Under valgrind, loading takes longer than its wall-clock limit. */
    struct script_limits limits;
    script_limits_default(&limits);
    if (getenv("SCALEUP_BENCH_SLOW"))
        limits.load_ms = limits.call_ms = 600000;
    struct scenario *sc = scenario_load(path, &limits, &diags);
    if (!sc) {
        for (int i = 0; i < diags.count && i < 5; i++) {
            struct strbuf line;
            sb_init(&line);
            diag_format(&diags.items[i], true, &line);
            fprintf(stderr, "%s\n", line.data);
            sb_free(&line);
        }
    }
    diag_list_free(&diags);
    return sc;
}

static int cmd_load(const char *path, int repeats)
{
    double *t = xmalloc(sizeof *t * (size_t)repeats);
    long rss = 0;
    size_t lua = 0, lua_peak = 0;
    int nscenes = 0;
    for (int i = 0; i < repeats; i++) {
        double t0 = clock_seconds();
        struct scenario *sc = load(path);
        t[i] = clock_seconds() - t0;
        if (!sc)
            return 1;
        if (i == 0) {
            rss = max_rss_kib();
            lua = script_memory(sc->script);
            lua_peak = script_memory_peak(sc->script);
            nscenes = sc->nscenes;
        }
        scenario_free(sc);
    }
    sort_items(t, (size_t)repeats, sizeof *t, compare_doubles);
    printf("{\"scenes\": %d, \"repeats\": %d, \"median_seconds\": %.6f, \"min_seconds\": %.6f, "
           "\"lua_bytes\": %zu, \"lua_peak_bytes\": %zu, \"max_rss_kib\": %ld}\n",
           nscenes, repeats, t[repeats / 2], t[0], lua, lua_peak, rss);
    free(t);
    return 0;
}

static int cmd_explore(const char *path, bool exhaustive, long n, unsigned long long seed)
{
    struct scenario *sc = load(path);
    if (!sc)
        return 1;
    struct explore_options o;
    explore_options_default(&o);
    o.mode = exhaustive ? EXPLORE_EXHAUSTIVE : EXPLORE_RANDOM;
    o.runs = n;
    o.max_states = n;
    o.seed = seed;
    struct explore_result r;
    struct diag err;
    if (!explore_run(sc, &o, &r, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    printf("{\"playthroughs\": %ld, \"choices\": %ld, \"states\": %ld, \"text_bytes\": %ld, "
           "\"seconds\": %.6f, \"errors\": %d, \"dead_ends\": %d, \"max_rss_kib\": %ld}\n",
           r.playthroughs, r.choices, r.states, r.text_bytes, r.seconds, r.nerrors, r.ndead_ends,
           max_rss_kib());
    explore_result_free(&r);
    scenario_free(sc);
    return 0;
}

/* Starts the command argv in a child; its pid, or -1 after saying why.
 * A command that cannot run exits 127, as in a shell. */
static pid_t start_command(char **argv)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return -1;
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        perror(argv[0]);
        _exit(127);
    }
    return pid;
}

static int cmd_spawn(const char *out, char **argv)
{
    double t0 = clock_seconds();
    pid_t pid = start_command(argv);
    if (pid < 0)
        return 1;
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("wait4");
        return 1;
    }
    double wall = clock_seconds() - t0;
    FILE *f = fopen(out, "w");
    if (!f) {
        perror(out);
        return 1;
    }
    fprintf(f,
            "{\"wall_seconds\": %.6f, \"user_seconds\": %.6f, \"system_seconds\": %.6f, "
            "\"max_rss_kib\": %ld, \"exit\": %d}\n",
            wall, (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
            (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss,
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    fclose(f);
    return 0;
}

/* CPU time (user + system) of a running process, in seconds; -1 if gone. */
static double cpu_of(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *p = strrchr(buf, ')');
    if (!p)
        return -1;
    /* After the name: state (field 3) ... utime (14), stime (15). */
    unsigned long utime = 0, stime = 0;
    int field = 2;
    for (const char *q = p + 1; *q && field < 15; q++)
        if (*q == ' ') {
            field++;
            if (field == 14)
                utime = strtoul(q + 1, NULL, 10);
            else if (field == 15)
                stime = strtoul(q + 1, NULL, 10);
        }
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

static void sleep_seconds(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

static int cmd_best(const char *path, int role, uint64_t seed, char **opts)
{
    struct scenario *sc = load(path);
    if (!sc)
        return 1;
    struct best_search bs;
    memset(&bs, 0, sizeof bs);
    bs.role = role;
    bs.seed = seed;
    bs.jobs = best_default_jobs();
    for (char **o = opts; *o; o++) {
        if (strcmp(*o, "duet") == 0)
            bs.duet = true;
        else if (strcmp(*o, "no-bound") == 0)
            bs.no_bound = true;
        else if (strncmp(*o, "jobs=", 5) == 0)
            bs.jobs = atoi(*o + 5);
    }
    struct diag err;
    if (role < 0 || role >= sc->nroles || !best_search_run(sc, &bs, &err)) {
        fprintf(stderr, "scaleup-bench: cannot search role %d\n", role);
        scenario_free(sc);
        return 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
                 (double)ru.ru_stime.tv_usec / 1e6;
    printf("{\"role\": \"%s\", \"weighted\": %.9g, \"exact\": %s, \"states\": %ld, \"pruned\": %ld, "
           "\"states_all\": %ld, \"passes\": %d, "
           "\"seconds\": %.3f, \"cpu_seconds\": %.3f, \"busiest_cpu_seconds\": %.3f, \"jobs\": %d, "
           "\"seed_free\": %s, \"path\": [",
           sc->roles[role].id, bs.weighted, bs.exact ? "true" : "false", bs.states, bs.pruned, bs.states_all,
           bs.passes, bs.seconds, cpu, bs.busiest_cpu, bs.jobs, bs.seed_free ? "true" : "false");
    for (int i = 0; i < bs.npath; i++)
        printf("%s%d", i ? ", " : "", bs.path[i]);
    printf("]}\n");
    best_search_free(&bs);
    scenario_free(sc);
    return 0;
}

/* Starts COMMAND, lets it settle, measures its CPU time over SECONDS while
 * nobody touches it (a window waiting for input), then ends it. */
static int cmd_idle(double settle, double seconds, char **argv)
{
    pid_t pid = start_command(argv);
    if (pid < 0)
        return 1;
    sleep_seconds(settle);
    double c0 = cpu_of(pid);
    sleep_seconds(seconds);
    double c1 = cpu_of(pid);
    kill(pid, SIGTERM);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("wait4");
        return 1;
    }
    if (c0 < 0 || c1 < 0) {
        fprintf(stderr, "scaleup-bench: %s exited before the measurement ended\n", argv[0]);
        return 1;
    }
    printf("{\"seconds\": %.3f, \"cpu_seconds\": %.3f, \"cpu_percent\": %.3f, \"max_rss_kib\": %ld}\n",
           seconds, c1 - c0, 100.0 * (c1 - c0) / seconds, ru.ru_maxrss);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "load") == 0)
        return cmd_load(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 1);
    if (argc == 5 && strcmp(argv[1], "random") == 0)
        return cmd_explore(argv[2], false, atol(argv[3]), strtoull(argv[4], NULL, 10));
    if (argc == 5 && strcmp(argv[1], "exhaustive") == 0)
        return cmd_explore(argv[2], true, atol(argv[3]), strtoull(argv[4], NULL, 10));
    if (argc >= 5 && strcmp(argv[1], "best") == 0)
        return cmd_best(argv[2], atoi(argv[3]), strtoull(argv[4], NULL, 10), argv + 5);
    if (argc >= 4 && strcmp(argv[1], "spawn") == 0)
        return cmd_spawn(argv[2], argv + 3);
    if (argc >= 5 && strcmp(argv[1], "idle") == 0)
        return cmd_idle(strtod(argv[2], NULL), strtod(argv[3], NULL), argv + 4);
    fprintf(stderr, "usage: scaleup-bench load SCENARIO REPEATS\n"
                    "       scaleup-bench random SCENARIO RUNS SEED\n"
                    "       scaleup-bench exhaustive SCENARIO MAX_STATES SEED\n"
                    "       scaleup-bench best SCENARIO ROLE SEED [duet] [no-bound] [jobs=N]\n"
                    "       scaleup-bench spawn OUTFILE COMMAND ARGS...\n"
                    "       scaleup-bench idle SETTLE SECONDS COMMAND ARGS...\n");
    return 2;
}
