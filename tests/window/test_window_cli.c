/*
 * test_window_cli.c: the scaleup binary's window, from the outside.
 *
 *  - The window's game is the terminal's game: the same seed and choices give
 *    the same result file (ending, scores, weighted total, decisions).
 *  - No display: exit 1 with one line that suggests --text; a missing font too.
 *  - --screenshot with --choices plays a whole run unattended and leaves one
 *    PNG per screen.
 *  - Waiting for input costs no CPU (under Xvfb, when it is installed).
 */
#include "support.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_image.h>

static char *home;

static const char *env_of(const char *fmt, const char *value)
{
    static char bufs[8][4200];
    static int next;
    char *b = bufs[next++ % 8];
    snprintf(b, sizeof bufs[0], fmt, value);
    return b;
}

/* The only result file in dir, parsed. */
static cJSON *result_in(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    char path[4200] = "";
    int n = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            n++;
        }
    }
    closedir(d);
    assert_int_equal(n, 1);
    char *text = slurp(path, NULL);
    cJSON *j = cJSON_Parse(text);
    free(text);
    assert_non_null(j);
    return j;
}

static char *json_of(const cJSON *j, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(j, key);
    assert_non_null(it);
    return cJSON_PrintUnformatted(it);
}

static void same_game(const char *role, const char *seed, const char *choices)
{
    char *text_dir = make_temp_dir(), *win_dir = make_temp_dir();
    const char *text_argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--role", role, "--seed",
                               seed, "--player", "Team", "--choices", choices, "--results",
                               text_dir, NULL};
    struct cmd_result r;
    run_cmd(text_argv, NULL, NULL, NULL, 60, &r);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);
    const char *win_argv[] = {scaleup_bin(), "play", "tutorial", "--role", role, "--seed", seed,
                              "--player", "Team", "--choices", choices, "--results", win_dir, NULL};
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", "SDL_RENDER_DRIVER=software",
                         env_of("XDG_CONFIG_HOME=%s/config", home), env_of("XDG_DATA_HOME=%s/data", home),
                         NULL};
    run_cmd(win_argv, NULL, NULL, env, 120, &r);
    if (r.status != 0)
        fail_msg("the window exited %d: %s", r.status, r.err);
    cmd_result_free(&r);
    cJSON *a = result_in(text_dir), *b = result_in(win_dir);
    static const char *const keys[] = {"ending", "score", "weighted", "best", "percent", "rating",
                                       "stats", "seed", "role", "player"};
    for (size_t k = 0; k < COUNT_OF(keys); k++) {
        char *x = json_of(a, keys[k]), *y = json_of(b, keys[k]);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    /* Decision by decision: scene, number, text, score, effects (not the seconds). */
    const cJSON *da = cJSON_GetObjectItemCaseSensitive(a, "decisions");
    const cJSON *db = cJSON_GetObjectItemCaseSensitive(b, "decisions");
    assert_int_equal(cJSON_GetArraySize(da), cJSON_GetArraySize(db));
    assert_true(cJSON_GetArraySize(da) > 3);
    for (int i = 0; i < cJSON_GetArraySize(da); i++) {
        static const char *const dk[] = {"scene", "choice", "text", "score", "effects", "timed_out"};
        for (size_t k = 0; k < COUNT_OF(dk); k++) {
            char *x = json_of(cJSON_GetArrayItem(da, i), dk[k]);
            char *y = json_of(cJSON_GetArrayItem(db, i), dk[k]);
            assert_string_equal(x, y);
            free(x);
            free(y);
        }
    }
    const cJSON *ending = cJSON_GetObjectItemCaseSensitive(b, "ending");
    assert_true(cJSON_IsObject(ending));
    cJSON_Delete(a);
    cJSON_Delete(b);
    rm_rf(text_dir);
    rm_rf(win_dir);
    free(text_dir);
    free(win_dir);
}

/* The two result files hold the same duet: ending, players, alignment,
 * stats, seed, and every decision's scene, decider, outcome, picks and
 * effects. */
static void expect_same_duet(const char *text_dir, const char *win_dir)
{
    cJSON *a = result_in(text_dir), *b = result_in(win_dir);
    static const char *const keys[] = {"ending", "players", "alignment", "stats", "seed"};
    for (size_t k = 0; k < COUNT_OF(keys); k++) {
        char *x = json_of(a, keys[k]), *y = json_of(b, keys[k]);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    const cJSON *players = cJSON_GetObjectItemCaseSensitive(b, "players");
    assert_int_equal(cJSON_GetArraySize(players), 2);
    const cJSON *da = cJSON_GetObjectItemCaseSensitive(a, "decisions");
    const cJSON *db = cJSON_GetObjectItemCaseSensitive(b, "decisions");
    assert_int_equal(cJSON_GetArraySize(da), cJSON_GetArraySize(db));
    int secret = 0;
    for (int i = 0; i < cJSON_GetArraySize(da); i++) {
        static const char *const dk[] = {"scene", "by", "outcome", "picks", "effects"};
        for (size_t k = 0; k < COUNT_OF(dk); k++) {
            const cJSON *x0 = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(da, i), dk[k]);
            const cJSON *y0 = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(db, i), dk[k]);
            assert_true((x0 == NULL) == (y0 == NULL));
            if (!x0)
                continue;
            char *x = cJSON_PrintUnformatted(x0), *y = cJSON_PrintUnformatted(y0);
            assert_string_equal(x, y);
            free(x);
            free(y);
        }
        secret += cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(db, i), "picks") != NULL;
    }
    assert_true(secret >= 4);
    cJSON_Delete(a);
    cJSON_Delete(b);
}

/* The golden duet played whole in the terminal into a fresh folder. */
static char *terminal_duet(const char *seed, const char *choices)
{
    char *dir = make_temp_dir();
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--duet", "--player", "Ana",
                          "--partner", "Ben", "--seed", seed, "--choices", choices, "--results",
                          dir, NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, NULL, 60, &r);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);
    return dir;
}

static void run_window(const char *const *argv)
{
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", "SDL_RENDER_DRIVER=software",
                         env_of("XDG_CONFIG_HOME=%s/config", home), env_of("XDG_DATA_HOME=%s/data", home),
                         NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, env, 120, &r);
    if (r.status != 0)
        fail_msg("the window exited %d: %s", r.status, r.err);
    cmd_result_free(&r);
}

/* The same duet in the terminal and in the window (scripted with --choices,
 * two entries per secret decision as in the terminal): each player's points, weighted total and percentage, the alignment, and
 * both picks of every secret decision. */
static void same_duet(const char *seed, const char *choices)
{
    char *text_dir = terminal_duet(seed, choices), *win_dir = make_temp_dir();
    const char *win_argv[] = {scaleup_bin(), "play", "tutorial", "--duet", "--player", "Ana",
                              "--partner", "Ben", "--seed", seed, "--choices", choices, "--results",
                              win_dir, NULL};
    run_window(win_argv);
    expect_same_duet(text_dir, win_dir);
    rm_rf(text_dir);
    rm_rf(win_dir);
    free(text_dir);
    free(win_dir);
}

/* A duet begun in the terminal (three decisions) and resumed in the window
 * from its result file alone (no scenario named) ends as the same duet
 * played in one go. */
static void test_duet_resumes_in_the_window(void **state)
{
    (void)state;
    char *whole = terminal_duet("1", "1,2,1,1,1,1,3,1,3,1,1,1,1,1");
    char *split = make_temp_dir();
    const char *begin[] = {scaleup_bin(), "play", "tutorial", "--text", "--duet", "--player", "Ana",
                           "--partner", "Ben", "--seed", "1", "--choices", "1,2,1,1,1", "--results",
                           split, NULL};
    struct cmd_result r;
    run_cmd(begin, NULL, NULL, NULL, 60, &r);
    assert_int_equal(r.status, 2); /* the list ran out before an ending */
    cmd_result_free(&r);
    cJSON *partial = result_in(split);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(partial, "decisions")), 3);
    cJSON_Delete(partial);
    DIR *d = opendir(split);
    struct dirent *e;
    char file[8400] = "";
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, ".json"))
            snprintf(file, sizeof file, "%s/%s", split, e->d_name);
    closedir(d);
    const char *resume[] = {scaleup_bin(), "play", "--resume", file, "--choices",
                            "1,3,1,3,1,1,1,1,1", NULL};
    run_window(resume);
    expect_same_duet(whole, split);
    rm_rf(whole);
    rm_rf(split);
    free(whole);
    free(split);
}

static void test_same_duet_as_terminal(void **state)
{
    (void)state;
    /* The golden duet (tests/e2e/golden/tutorial-duet-seed1.txt): settled,
     * agreed, by one role, a conflict scene. */
    same_duet("1", "1,2,1,1,1,1,3,1,3,1,1,1,1,1");
    /* Other picks and seed: the conflict scene's disagreement too. */
    same_duet("5", "2,3,1,1,2,1,1,2,3,2,1,2,2,1");
}

static void test_same_game_as_terminal(void **state)
{
    (void)state;
    same_game("po", "3", "1,1,3,1,3,1,1,1");
    same_game("pm", "11", "2,3,1,4,t,3,2");   /* a timed-out launch and a random outcome */
    same_game("pm", "12", "3,u,1,2,2,2,2,2,1"); /* an undo, and a launch with a random outcome */
}

static void test_no_display(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--role", "po", NULL};
    const char *env[] = {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER=x11", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, env, 30, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err,
                        "scaleup: error: no display found (is $DISPLAY set?); play in the terminal with --text\n");
    cmd_result_free(&r);
    /* No driver asked for: SDL would fall back to one that draws nowhere
     * (offscreen), and the player would wait before an invisible window. */
    const char *none[] = {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER", NULL};
    run_cmd(argv, NULL, NULL, none, 30, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err,
                        "scaleup: error: no display found (is $DISPLAY set?); play in the terminal with --text\n");
    cmd_result_free(&r);
    /* scaleup with no arguments: the same. */
    const char *bare[] = {scaleup_bin(), NULL};
    run_cmd(bare, NULL, NULL, env, 30, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "no display found"));
    assert_ptr_equal(strchr(r.err, '\n'), r.err + strlen(r.err) - 1); /* one line */
    cmd_result_free(&r);
}

static void test_missing_font(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--role", "po", "--font",
                          "/nonexistent/font.ttf", NULL};
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, env, 30, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "scaleup: error: cannot open the font /nonexistent/font.ttf"));
    assert_ptr_equal(strchr(r.err, '\n'), r.err + strlen(r.err) - 1); /* one line */
    cmd_result_free(&r);
}

static void test_screenshots(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--role", "po", "--seed", "3",
                          "--choices", "1,1,3,1,3,1,1,1", "--screenshot", dir, NULL};
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", "SDL_RENDER_DRIVER=software",
                         "SCALEUP_WINDOW_SIZE=1280x720", env_of("XDG_CONFIG_HOME=%s/config", home),
                         env_of("XDG_DATA_HOME=%s/data", home), NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, env, 120, &r);
    if (r.status != 0)
        fail_msg("exit %d: %s", r.status, r.err);
    cmd_result_free(&r);
    static const char *const want[] = {"01-title.png", "02-role.png", "03-play.png", "04-outcome.png",
                                       "19-debrief.png"};
    for (size_t i = 0; i < COUNT_OF(want); i++) {
        char path[4300];
        snprintf(path, sizeof path, "%s/%s", dir, want[i]);
        SDL_Surface *s = IMG_Load(path);
        if (!s)
            fail_msg("%s: %s", path, IMG_GetError());
        assert_int_equal(s->w, 1280);
        assert_int_equal(s->h, 720);
        SDL_FreeSurface(s);
    }
    char extra[4300];
    snprintf(extra, sizeof extra, "%s/20-title.png", dir);
    assert_int_not_equal(access(extra, F_OK), 0); /* it exits after the debrief */
    rm_rf(dir);
    free(dir);
    /* A list that runs out before the ending: exit 2, like the terminal. */
    dir = make_temp_dir();
    const char *short_argv[] = {scaleup_bin(), "play", "tutorial", "--role", "po", "--choices", "1,1",
                                "--screenshot", dir, NULL};
    run_cmd(short_argv, NULL, NULL, env, 60, &r);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "ran out"));
    cmd_result_free(&r);
    rm_rf(dir);
    free(dir);
}

/* CPU time (user + system) of a process, in clock ticks. */
static long cpu_ticks(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    char *text = slurp(path, NULL);
    if (!text)
        return -1;
    const char *p = strrchr(text, ')');
    long utime = 0, stime = 0;
    /* Fields after the name: state(3) ... utime(14) stime(15). */
    int field = 2;
    for (const char *q = p + 1; *q && field < 15; q++) {
        if (*q == ' ') {
            field++;
            if (field == 14)
                utime = strtol(q + 1, NULL, 10);
            if (field == 15)
                stime = strtol(q + 1, NULL, 10);
        }
    }
    free(text);
    return utime + stime;
}

static bool on_path(const char *prog, char *out, size_t cap)
{
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    char *copy = strdup(path);
    bool found = false;
    for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":")) {
        snprintf(out, cap, "%s/%s", dir, prog);
        if (access(out, X_OK) == 0) {
            found = true;
            break;
        }
    }
    free(copy);
    return found;
}

/* Starts Xvfb and the window on it, and measures the window's CPU time over
 * 3 s of waiting for input (the second such span when the first was busy). False (with why) when the window could not
 * start, which a busy machine's X server can cause; the caller retries. */
/* Waits (up to 15 s: a loaded machine, a sanitizer build) until the X
 * server of display num takes connections on its socket. */
static bool x_server_ready(const char *num, pid_t server)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "/tmp/.X11-unix/X%s", num);
    for (int i = 0; i < 150; i++) {
        if (waitpid(server, NULL, WNOHANG) != 0)
            return false;
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        bool ok = fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0;
        if (fd >= 0)
            close(fd);
        if (ok)
            return true;
        nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
    }
    return false;
}

static bool idle_once(const char *xvfb, long *ticks, char *why, size_t cap)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t x = fork();
    if (x == 0) {
        close(fds[0]);
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 1);
        dup2(devnull, 2);
        char fd[16];
        snprintf(fd, sizeof fd, "%d", fds[1]);
        execl(xvfb, "Xvfb", "-displayfd", fd, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset",
              (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char num[32] = "";
    ssize_t n = read(fds[0], num, sizeof num - 1);
    close(fds[0]);
    if (n <= 0) {
        kill(x, SIGTERM);
        waitpid(x, NULL, 0);
        snprintf(why, cap, "Xvfb did not start");
        return false;
    }
    num[n] = '\0';
    num[strcspn(num, "\n")] = '\0';
    /* Xvfb may name its display before it takes clients. */
    if (!x_server_ready(num, x)) {
        kill(x, SIGTERM);
        waitpid(x, NULL, 0);
        snprintf(why, cap, "Xvfb (display :%s) did not take connections within 15 s", num);
        return false;
    }
    char errfile[4300];
    snprintf(errfile, sizeof errfile, "%s/idle-stderr.txt", home);
    pid_t p = fork();
    if (p == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        int ef = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(ef, 2);
        char display[40];
        snprintf(display, sizeof display, ":%s", num);
        setenv("DISPLAY", display, 1);
        setenv("SDL_VIDEODRIVER", "x11", 1);
        setenv("SCALEUP_DEBUG", "1", 1);
        setenv("XDG_CONFIG_HOME", env_of("%s/config", home), 1);
        setenv("XDG_DATA_HOME", env_of("%s/data", home), 1);
        execl(scaleup_bin(), "scaleup", "play", "tutorial", "--role", "po", "--seed", "1", (char *)NULL);
        _exit(127);
    }
    /* Let it open and draw, then measure while it waits for the player. */
    nanosleep(&(struct timespec){2, 0}, NULL);
    int status;
    bool ok = true;
    if (waitpid(p, &status, WNOHANG) != 0) {
        char *err = slurp(errfile, NULL);
        snprintf(why, cap, "the window exited early (status %d, display :%s): %s", status, num,
                 err ? err : "");
        free(err);
        ok = false;
    } else {
        /* A 3 s span; on a loaded machine the first may still hold the
         * start's drawing, so a busy first span is excused once and the
         * next one counts: a window that polls, or settles only later,
         * fails. */
        long t0 = cpu_ticks(p);
        nanosleep(&(struct timespec){3, 0}, NULL);
        long t1 = cpu_ticks(p);
        assert_true(t0 >= 0 && t1 >= 0);
        *ticks = t1 - t0;
        if (*ticks > 1) {
            nanosleep(&(struct timespec){3, 0}, NULL);
            long t2 = cpu_ticks(p);
            assert_true(t2 >= 0);
            *ticks = t2 - t1;
        }
        /* A window that died mid-span would read as idle. */
        if (waitpid(p, &status, WNOHANG) != 0) {
            char *err = slurp(errfile, NULL);
            snprintf(why, cap, "the window exited while measured (status %d): %s", status,
                     err ? err : "");
            free(err);
            ok = false;
        }
        kill(p, SIGTERM);
        waitpid(p, NULL, 0);
    }
    kill(x, SIGTERM);
    waitpid(x, NULL, 0);
    return ok;
}

static void test_idle_cpu_under_xvfb(void **state)
{
    (void)state;
    char xvfb[4200];
    if (!on_path("Xvfb", xvfb, sizeof xvfb)) {
        printf("Xvfb is not installed (package xvfb): skipping the idle CPU test\n");
        skip();
    }
    long ticks = -1;
    char why[3][8192] = {""};
    bool ok = false;
    int attempt = 0;
    for (; attempt < 3 && !ok; attempt++)
        ok = idle_once(xvfb, &ticks, why[attempt], sizeof why[attempt]);
    if (!ok) /* every attempt's reason: a pattern tells a busy machine from a broken one */
        fail_msg("1: %s\n2: %s\n3: %s", why[0], why[1], why[2]);
    long hz = sysconf(_SC_CLK_TCK);
    printf("CPU while waiting for input: %ld ticks of 1/%ld s in 3 s\n", ticks, hz);
    assert_true(ticks <= 1); /* at most one tick (10 ms) in 3 s: idle */
}

int main(void)
{
    home = make_temp_dir();
    char buf[4300];
    snprintf(buf, sizeof buf, "%s/config", home);
    mkdir(buf, 0755);
    snprintf(buf, sizeof buf, "%s/data", home);
    mkdir(buf, 0755);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_game_as_terminal),
        cmocka_unit_test(test_same_duet_as_terminal),
        cmocka_unit_test(test_duet_resumes_in_the_window),
        cmocka_unit_test(test_no_display),
        cmocka_unit_test(test_missing_font),
        cmocka_unit_test(test_screenshots),
        cmocka_unit_test(test_idle_cpu_under_xvfb),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    rm_rf(home);
    free(home);
    return failed;
}
