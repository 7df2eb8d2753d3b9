/*
 * host_bench.c: the load benchmark of scaleup host (docs/performance.md).
 *
 *   scaleup-host-bench SCALEUP_BINARY [TEAMS] [SECONDS] [THINK_MS]
 *
 * Starts a host on loopback, lets TEAMS simulated teams (threads, each its
 * own browser: cookies, form tokens) join and play the tutorial at once for
 * SECONDS, each waiting THINK_MS between decisions, starting again at each
 * debrief. Prints the decision latency (the POST of a choice plus the page
 * that follows it, as a browser sees it) at p50/p99/max, errors (any
 * answer that is not the expected one), the host's memory per run, and its
 * CPU when nobody plays. A benchmark, not a test: nothing here fails.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "http_client.h"

static int port, teams = 200, seconds = 30, think_ms = 1000;
static char code[16];
static double stop_at;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static double *lat;
static int nlat, caplat, errors, joined;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void error(void)
{
    pthread_mutex_lock(&mu);
    errors++;
    pthread_mutex_unlock(&mu);
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* GET /play: 1 scene, 2 outcome, 3 debrief, 0 other. */
static int play_page(struct http_client *c, char *csrf, char *step)
{
    struct http_response r;
    if (!http_request(c, "GET", "/play", NULL, &r) || r.status != 200) {
        http_response_free(&r);
        return -1;
    }
    http_field(r.body, "csrf", csrf, 64);
    http_field(r.body, "step", step, 32);
    int k = strstr(r.body, "name=\"choice\"") ? 1 : strstr(r.body, "Verdict:") ? 3
            : strstr(r.body, "value=\"continue\"") ? 2 : 0;
    http_response_free(&r);
    return k;
}

static bool act(struct http_client *c, const char *csrf, const char *step, const char *what)
{
    char body[256];
    snprintf(body, sizeof body, "csrf=%s&step=%s&%s", csrf, step, what);
    struct http_response r;
    bool ok = http_request(c, "POST", "/act", body, &r) && r.status == 303;
    http_response_free(&r);
    return ok;
}

static void *team(void *arg)
{
    int id = (int)(long)arg;
    struct http_client c = {.port = port};
    sleep_ms(id * 50); /* a room joins over some seconds, not in one instant */
    struct http_response r;
    if (!http_request(&c, "GET", "/", NULL, &r) || r.status != 200) {
        http_response_free(&r);
        error();
        return NULL;
    }
    char csrf[64], step[32], body[512];
    http_field(r.body, "csrf", csrf, sizeof csrf);
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&code=%s&name=Team+%d&pick=0.0", csrf, code, id);
    if (!http_request(&c, "POST", "/join", body, &r) || r.status != 303) {
        http_response_free(&r);
        error();
        return NULL;
    }
    http_response_free(&r);
    pthread_mutex_lock(&mu);
    joined++;
    pthread_mutex_unlock(&mu);
    static const char golden[] = "22333332";
    int i = 0;
    int k = play_page(&c, csrf, step);
    while (now() < stop_at) {
        if (k == 1) {
            sleep_ms(think_ms);
            char what[32];
            snprintf(what, sizeof what, "choice=%c", golden[i++ % 8]);
            double t0 = now();
            bool ok = act(&c, csrf, step, what);
            k = ok ? play_page(&c, csrf, step) : -1;
            double dt = now() - t0;
            if (!ok || k < 0) {
                error();
                sleep_ms(100);
                k = play_page(&c, csrf, step);
                continue;
            }
            pthread_mutex_lock(&mu);
            if (nlat == caplat)
                lat = realloc(lat, (size_t)(caplat = caplat ? caplat * 2 : 4096) * sizeof *lat);
            lat[nlat++] = dt;
            pthread_mutex_unlock(&mu);
        } else if (k == 2) {
            if (!act(&c, csrf, step, "action=continue"))
                error();
            k = play_page(&c, csrf, step);
        } else if (k == 3) {
            i = 0;
            if (!act(&c, csrf, step, "action=restart"))
                error();
            k = play_page(&c, csrf, step);
        } else {
            error();
            sleep_ms(100);
            k = play_page(&c, csrf, step);
        }
    }
    return NULL;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static long rss_kib(int pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &kib) == 1)
            break;
    if (f)
        fclose(f);
    return kib;
}

static double cpu_seconds(int pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    unsigned long ut = 0, st = 0;
    if (p)
        sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st);
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: scaleup-host-bench SCALEUP_BINARY [TEAMS] [SECONDS] [THINK_MS]\n");
        return 2;
    }
    if (argc > 2)
        teams = atoi(argv[2]);
    if (argc > 3)
        seconds = atoi(argv[3]);
    if (argc > 4)
        think_ms = atoi(argv[4]);
    char dir[] = "/tmp/scaleup-host-bench-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char results[128], ready[128], out[128];
    snprintf(results, sizeof results, "%s/results", dir);
    snprintf(ready, sizeof ready, "%s/port", dir);
    snprintf(out, sizeof out, "%s/host.out", dir);
    int pid = fork();
    if (pid == 0) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        execl(argv[1], argv[1], "host", "tutorial", "--results", results, "--port", "0", "--bind",
              "127.0.0.1", "--seed", "1", "--timers", "off", "--ready-file", ready, (char *)NULL);
        _exit(127);
    }
    FILE *f = NULL;
    for (int i = 0; i < 200 && !(f = fopen(ready, "r")); i++)
        sleep_ms(50);
    if (!f || fscanf(f, "%d", &port) != 1) {
        fprintf(stderr, "the host did not start\n");
        return 1;
    }
    fclose(f);
    f = fopen(out, "r");
    char line[256];
    while (f && fgets(line, sizeof line, f))
        sscanf(line, "Workshop code: %15s", code);
    if (f)
        fclose(f);
    long rss0 = rss_kib(pid);
    stop_at = now() + teams * 0.05 + seconds;
    pthread_t *th = calloc((size_t)teams, sizeof *th);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    for (int i = 0; i < teams; i++)
        pthread_create(&th[i], &attr, team, (void *)(long)i);
    sleep_ms((int)(teams * 50) + 2000);
    long rss_active = rss_kib(pid);
    for (int i = 0; i < teams; i++)
        pthread_join(th[i], NULL);
    /* Nobody plays now: every run waits on a page. */
    sleep_ms(1000);
    double c0 = cpu_seconds(pid), t0 = now();
    sleep_ms(10000);
    double idle = (cpu_seconds(pid) - c0) / (now() - t0) * 100;
    long rss_end = rss_kib(pid);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    qsort(lat, (size_t)nlat, sizeof *lat, cmp);
    printf("teams joined:        %d of %d\n", joined, teams);
    printf("decisions:           %d in %d s (think time %d ms)\n", nlat, seconds, think_ms);
    if (nlat)
        printf("decision latency:    p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
               lat[nlat / 2] * 1000, lat[(size_t)((double)nlat * 0.99)] * 1000, lat[nlat - 1] * 1000);
    printf("errors:              %d\n", errors);
    printf("host memory:         %ld KiB before joining, %ld KiB with %d runs (%.0f KiB per run), "
           "%ld KiB at the end\n",
           rss0, rss_active, joined, joined ? (double)(rss_active - rss0) / joined : 0.0, rss_end);
    printf("host CPU, idle:      %.2f%% over 10 s\n", idle);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return 0;
}
