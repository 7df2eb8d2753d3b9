#define _XOPEN_SOURCE 700 /* nftw */
#include "support.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/game.h"
#include "core/loader.h"
#include "core/util.h"

bool test_skipped;

int test_exit(int failed)
{
    return failed ? failed : test_skipped ? TEST_SKIPPED : 0;
}

static char slots[8][4096];
static int next_slot;

static const char *join(const char *base, const char *rel)
{
    char *buf = slots[next_slot++ % 8];
    snprintf(buf, 4096, "%s/%s", base, rel);
    return buf;
}

const char *test_path(const char *rel)
{
    return join(SCALEUP_TEST_DIR, rel);
}

const char *source_path(const char *rel)
{
    return join(SCALEUP_SOURCE_DIR, rel);
}

const char *scaleup_bin(void)
{
    const char *env = getenv("SCALEUP_BIN");
    return env && env[0] ? env : SCALEUP_BIN;
}

/* The default limits, but a clock out of reach: a test of what a scenario
 * loads to (or which error it gives) must not race the clock on a busy
 * machine. The clock has its own tests (tests/hostile). */
static struct script_limits unhurried(void)
{
    struct script_limits l;
    script_limits_default(&l);
    l.call_ms = 60000;
    l.load_ms = 60000;
    return l;
}

struct scenario *load_ok(const char *path)
{
    return load_ok_by(scenario_load, path);
}

char *load_errors(const char *path, bool with_col)
{
    return load_errors_by(scenario_load, path, with_col);
}

char *load_errors_by(scenario_loader *load, const char *path, bool with_col)
{
    struct diag_list diags;
    diag_list_init(&diags);
    struct script_limits limits = unhurried();
    struct scenario *sc = load(path, &limits, &diags);
    if (sc) {
        scenario_free(sc);
        diag_list_free(&diags);
        fail_msg("%s loaded, but it should fail", path);
    }
    struct strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < diags.count; i++) {
        diag_format(&diags.items[i], with_col, &sb);
        sb_putc(&sb, '\n');
    }
    diag_list_free(&diags);
    return sb_take(&sb);
}

struct scenario *load_ok_by(scenario_loader *load, const char *path)
{
    struct diag_list diags;
    diag_list_init(&diags);
    struct script_limits limits = unhurried();
    struct scenario *sc = load(path, &limits, &diags);
    if (!sc) {
        struct strbuf sb;
        sb_init(&sb);
        for (int i = 0; i < diags.count; i++) {
            diag_format(&diags.items[i], true, &sb);
            sb_putc(&sb, '\n');
        }
        fail_msg("%s did not load:\n%s", path, sb.data ? sb.data : "");
    }
    diag_list_free(&diags);
    return sc;
}

char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct strbuf sb;
    sb_init(&sb);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(&sb, buf, n);
    fclose(f);
    if (len)
        *len = sb.len;
    return sb_take(&sb);
}

void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void drain(int fd, struct strbuf *sb, bool *open_flag)
{
    char buf[65536];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0)
        sb_append(sb, buf, (size_t)n);
    else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        *open_flag = false;
}

static double cpu_of(const struct rusage *ru)
{
    return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec / 1e6 +
           (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec / 1e6;
}

void run_cmd(const char *const *argv, const char *input, const char *cwd, const char *const *env,
             double timeout, struct cmd_result *r)
{
    memset(r, 0, sizeof *r);
    int in[2], out[2], err[2];
    if (pipe(in) || pipe(out) || pipe(err))
        fail_msg("pipe: %s", strerror(errno));
    double t0 = clock_seconds();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        if (!input) {
            int devnull = open("/dev/null", O_RDONLY);
            dup2(devnull, 0);
            close(devnull);
        }
        if (cwd && chdir(cwd) != 0)
            _exit(126);
        setenv("NO_COLOR", "1", 1);
        for (const char *const *e = env; e && *e; e++)
            putenv((char *)*e);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    signal(SIGPIPE, SIG_IGN);
    if (input) {
        size_t len = strlen(input), done = 0;
        fcntl(in[1], F_SETFL, O_NONBLOCK);
        /* Inputs in tests are small; write what the pipe takes. */
        while (done < len) {
            ssize_t w = write(in[1], input + done, len - done);
            if (w <= 0)
                break;
            done += (size_t)w;
        }
    }
    close(in[1]);
    struct strbuf so, se;
    sb_init(&so);
    sb_init(&se);
    bool out_open = true, err_open = true;
    bool killed = false;
    while (out_open || err_open) {
        struct pollfd p[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
        int ms = (int)((timeout - (clock_seconds() - t0)) * 1000);
        if (ms <= 0) {
            kill(pid, SIGKILL);
            killed = true;
            break;
        }
        int k = poll(p, 2, ms);
        if (k < 0 && errno == EINTR)
            continue;
        if (out_open && (p[0].revents & (POLLIN | POLLHUP)))
            drain(out[0], &so, &out_open);
        if (err_open && (p[1].revents & (POLLIN | POLLHUP)))
            drain(err[0], &se, &err_open);
    }
    close(out[0]);
    close(err[0]);
    int status;
    /* The child's CPU time: what the children reaped so far used, before
     * and after reaping it. */
    struct rusage before, after;
    getrusage(RUSAGE_CHILDREN, &before);
    waitpid(pid, &status, 0);
    getrusage(RUSAGE_CHILDREN, &after);
    r->seconds = clock_seconds() - t0;
    r->cpu_seconds = cpu_of(&after) - cpu_of(&before);
    r->status = killed ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r->out = sb_take(&so);
    r->err = sb_take(&se);
}

void cmd_result_free(struct cmd_result *r)
{
    free(r->out);
    free(r->err);
    memset(r, 0, sizeof *r);
}

char *make_temp_dir(void)
{
    char tmpl[] = "/tmp/scaleup-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    if (!d)
        fail_msg("mkdtemp: %s", strerror(errno));
    return xstrdup(d);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    chmod(path, 0755);
    return remove(path);
}

void rm_rf(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

void proc_start(struct proc *p, const char *const *argv, const char *cwd)
{
    memset(p, 0, sizeof *p);
    int in[2], out[2], err[2];
    if (pipe(in) || pipe(out) || pipe(err))
        fail_msg("pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        if (cwd && chdir(cwd) != 0)
            _exit(126);
        setenv("NO_COLOR", "1", 1);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    signal(SIGPIPE, SIG_IGN);
    p->pid = pid;
    p->in = in[1];
    p->out = out[0];
    p->err = err[0];
    sb_init(&p->seen_out);
    sb_init(&p->seen_err);
}

void proc_expect(struct proc *p, const char *needle, bool from_err, double timeout)
{
    double t0 = clock_seconds();
    struct strbuf *seen = from_err ? &p->seen_err : &p->seen_out;
    bool out_open = p->out >= 0, err_open = p->err >= 0;
    while (!seen->data || !strstr(seen->data, needle)) {
        int ms = (int)((timeout - (clock_seconds() - t0)) * 1000);
        if (ms <= 0 || (!out_open && !err_open))
            fail_msg("waited for \"%s\" on %s; stdout so far:\n%s\nstderr so far:\n%s", needle,
                     from_err ? "stderr" : "stdout", p->seen_out.data ? p->seen_out.data : "",
                     p->seen_err.data ? p->seen_err.data : "");
        struct pollfd fds[2] = {{out_open ? p->out : -1, POLLIN, 0}, {err_open ? p->err : -1, POLLIN, 0}};
        if (poll(fds, 2, ms) <= 0)
            continue;
        if (out_open && (fds[0].revents & (POLLIN | POLLHUP)))
            drain(p->out, &p->seen_out, &out_open);
        if (err_open && (fds[1].revents & (POLLIN | POLLHUP)))
            drain(p->err, &p->seen_err, &err_open);
    }
}

void proc_send(struct proc *p, const char *text)
{
    size_t n = strlen(text), done = 0;
    while (done < n) {
        ssize_t w = write(p->in, text + done, n - done);
        if (w <= 0)
            fail_msg("cannot write to the program");
        done += (size_t)w;
    }
}

int proc_finish(struct proc *p, double timeout)
{
    close(p->in);
    double t0 = clock_seconds();
    int status = 0;
    for (;;) {
        pid_t r = waitpid(p->pid, &status, WNOHANG);
        if (r == p->pid)
            break;
        if (clock_seconds() - t0 > timeout) {
            kill(p->pid, SIGKILL);
            waitpid(p->pid, &status, 0);
            break;
        }
        usleep(10000);
    }
    close(p->out);
    close(p->err);
    sb_free(&p->seen_out);
    sb_free(&p->seen_err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct game *test_start_game(const struct scenario *sc, uint64_t seed, int role, const char *name, int role2,
                             const char *name2)
{
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = seed, .nplayers = role2 >= 0 ? 2 : 1};
    st.players[0].role = role;
    st.players[0].name = name;
    if (role2 >= 0) {
        st.players[1].role = role2;
        st.players[1].name = name2;
    }
    struct diag err;
    if (!game_start(g, &st, &err))
        fail_msg("start: %s", err.message);
    return g;
}

void test_choose(struct game *g, int n)
{
    struct diag err;
    if (!game_choose(g, n, false, 1.5, &err))
        fail_msg("choice %d at %s: %s", n, game_scene(g)->id, err.message);
}
