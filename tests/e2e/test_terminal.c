/*
 * test_terminal.c: the terminal is left as it was found. A secret duet pick
 * turns echo off; Ctrl+C (or a hang-up, or kill) while it waits must give
 * the echo back before the program ends. Runs the player in a
 * pseudo-terminal, as a person would. And nothing from a file reaches the
 * terminal with its controls.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "support.h"

/* Reads the master until needle shows (or 20 s pass). */
static bool wait_for(int master, const char *needle, struct strbuf *seen)
{
    double t0 = clock_seconds();
    while (clock_seconds() - t0 < 20) {
        struct pollfd p = {master, POLLIN, 0};
        if (poll(&p, 1, 200) > 0) {
            char buf[4096];
            ssize_t n = read(master, buf, sizeof buf);
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                continue;
            if (n <= 0)
                return false;
            sb_append(seen, buf, (size_t)n);
            if (strstr(seen->data, needle))
                return true;
        }
    }
    return false;
}

static void run_until_secret_pick_then(int sig)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    const char *slave_name = ptsname(master);
    assert_non_null(slave_name);
    char slave_path[256];
    snprintf(slave_path, sizeof slave_path, "%s", slave_name);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        int slave = open(slave_path, O_RDWR);
        if (slave < 0)
            _exit(126);
        ioctl(slave, TIOCSCTTY, 0);
        dup2(slave, 0);
        dup2(slave, 1);
        dup2(slave, 2);
        close(master);
        setenv("NO_COLOR", "1", 1);
        const char *argv[] = {scaleup_bin(), "play", test_path("fixtures/games/duet.lua"), "--text",
                              "--duet", "--player", "Ana", "--partner", "Ben", "--seed", "1", NULL};
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int slave = open(slave_path, O_RDWR | O_NOCTTY);
    assert_true(slave >= 0);
    fcntl(master, F_SETFL, O_NONBLOCK);
    struct strbuf seen;
    sb_init(&seen);
    bool asked = wait_for(master, "secret pick", &seen);
    if (!asked)
        fail_msg("no secret pick was asked for; the terminal showed:\n%s", seen.data ? seen.data : "");
    /* Echo is off while the pick is read... */
    struct termios tio;
    usleep(200000);
    assert_int_equal(tcgetattr(slave, &tio), 0);
    assert_int_equal(tio.c_lflag & ECHO, 0);
    /* ...and back after the signal ends the program. */
    if (sig == SIGINT)
        assert_int_equal(write(master, "\x03", 1), 1); /* Ctrl+C, through the terminal */
    else
        kill(pid, sig);
    int status;
    double t0 = clock_seconds();
    while (waitpid(pid, &status, WNOHANG) == 0 && clock_seconds() - t0 < 20) {
        char buf[4096];
        if (read(master, buf, sizeof buf) < 0 && errno != EAGAIN && errno != EINTR)
            usleep(10000);
    }
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), sig);
    assert_int_equal(tcgetattr(slave, &tio), 0);
    assert_int_not_equal(tio.c_lflag & ECHO, 0);
    sb_free(&seen);
    close(slave);
    close(master);
}

static void ctrl_c_during_a_secret_pick_restores_echo(void **state)
{
    (void)state;
    run_until_secret_pick_then(SIGINT);
}

static void a_hang_up_during_a_secret_pick_restores_echo(void **state)
{
    (void)state;
    run_until_secret_pick_then(SIGTERM);
}

/* What came from a file is printed with its terminal controls folded: here
 * a result file's name that would set the terminal's title. */
static void controls_from_files_are_folded(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[4300];
    snprintf(path, sizeof path, "%s/x\033]0;pwned\007.json", dir);
    write_file(path, "{", 1);
    const char *argv[] = {scaleup_bin(), "report", dir, "--quiet", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_null(strchr(r.err, '\033'));
    assert_null(strchr(r.err, '\007'));
    assert_non_null(strstr(r.err, "/x ]0;pwned .json: "));
    cmd_result_free(&r);
    rm_rf(dir);
    free(dir);
}

/* In a scene both duet players decide, each sees their own {player} and
 * {role}: in the text, shown with their own choices, and in the feedback
 * of their pick. */
static void a_scene_both_decide_names_each_player(void **state)
{
    (void)state;
    const char *argv[] = {scaleup_bin(), "play", test_path("fixtures/games/duet-names.lua"), "--text",
                          "--duet", "--player", "Ana", "--partner", "Ben", "--seed", "1",
                          "--choices", "1,2", NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Both of you decide here, in secret.\n\n"
                                  "Ana, Product Owner:\n"
                                  "Ana, as the Product Owner, what do you pitch?\n\n"
                                  "  1. The outcome\n"));
    assert_non_null(strstr(r.out, "Ben, Product Manager:\n"
                                  "Ben, as the Product Manager, what do you pitch?\n\n"
                                  "  1. The outcome\n"));
    /* Not shown a third time above both, with the first player's name. */
    const char *first = strstr(r.out, "what do you pitch?");
    assert_non_null(first);
    const char *second = strstr(first + 1, "what do you pitch?");
    assert_non_null(second);
    assert_null(strstr(second + 1, "what do you pitch?"));
    assert_non_null(strstr(r.out, "  Ana: +2 Vision\n    Ana (Product Owner) pitched the outcome.\n"
                                  "  Ben\n    Ben (Product Manager) pitched the features.\n"));
    cmd_result_free(&r);
}

/* Plays fixtures/games/timed.lua (a 3-second timer) in a pseudo-terminal
 * with TERM set to term, standard output the terminal or a pipe, until time
 * runs out; what was shown (the terminal's \r\n as written). */
static char *play_timed(const char *term, bool out_to_pipe, const char *extra)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    char slave_path[256];
    snprintf(slave_path, sizeof slave_path, "%s", ptsname(master));
    int out[2];
    assert_int_equal(pipe(out), 0);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        int slave = open(slave_path, O_RDWR);
        if (slave < 0)
            _exit(126);
        ioctl(slave, TIOCSCTTY, 0);
        dup2(slave, 0);
        dup2(out_to_pipe ? out[1] : slave, 1);
        dup2(slave, 2);
        close(master);
        close(out[0]);
        close(out[1]);
        setenv("TERM", term, 1);
        setenv("NO_COLOR", "1", 1);
        unsetenv("COLUMNS");
        const char *argv[] = {scaleup_bin(), "play", test_path("fixtures/games/timed.lua"), "--text",
                              "--role", "po", "--player", "Ana", extra, NULL};
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(out[1]);
    int from = out_to_pipe ? out[0] : master;
    fcntl(from, F_SETFL, O_NONBLOCK);
    struct strbuf seen;
    sb_init(&seen);
    if (!wait_for(from, "Time is up.", &seen))
        fail_msg("time never ran out; the terminal showed:\n%s", seen.data ? seen.data : "");
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    close(out[0]);
    close(master);
    return sb_take(&seen);
}

/* On a real terminal the seconds left lead the prompt and count down in
 * place (the cursor saved and restored: what is typed stays). */
static void a_timer_counts_down_in_place_on_a_terminal(void **state)
{
    (void)state;
    char *shown = play_timed("xterm", false, NULL);
    const char *at = strstr(shown, "When time runs out, choice 2 is taken.\r\n[3 s] Your choice [1-2]: ");
    assert_non_null(at);
    at = strstr(at, ": ") + 2;
    /* Then only rewrites of the seconds, each fewer, until time is up. */
    int updates = 0, last = 3;
    while (strncmp(at, "\0337\r[", 4) == 0) {
        int n = at[4] - '0';
        assert_true(n >= 1 && n < last);
        assert_memory_equal(at + 5, " s]\0338", 5);
        last = n;
        at += 10;
        updates++;
    }
    assert_true(updates >= 1);
    assert_int_equal(strncmp(at, "\r\nTime is up.", 13), 0);
    free(shown);
}

/* TERM=dumb, --plain, or output that is not a terminal: the seconds left
 * once, in words, and no escape code at all. */
static void a_timer_is_said_once_without_a_real_terminal(void **state)
{
    (void)state;
    static const struct {
        const char *term, *extra;
        bool pipe;
        const char *expected;
    } cases[] = {
        {"dumb", NULL, false, "taken.\r\nYour choice [1-2] (3 seconds left): \r\nTime is up."},
        {"xterm", "--plain", false, "taken.\r\nYour choice [1-2] (3 seconds left): \r\nTime is up."},
        {"xterm", NULL, true, "taken.\nYour choice [1-2] (3 seconds left): \nTime is up."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *shown = play_timed(cases[i].term, cases[i].pipe, cases[i].extra);
        if (!strstr(shown, cases[i].expected))
            fail_msg("case %zu: no \"%s\" in:\n%s", i, cases[i].expected, shown);
        assert_null(strchr(shown, '\033'));
        free(shown);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ctrl_c_during_a_secret_pick_restores_echo),
        cmocka_unit_test(a_hang_up_during_a_secret_pick_restores_echo),
        cmocka_unit_test(controls_from_files_are_folded),
        cmocka_unit_test(a_scene_both_decide_names_each_player),
        cmocka_unit_test(a_timer_counts_down_in_place_on_a_terminal),
        cmocka_unit_test(a_timer_is_said_once_without_a_real_terminal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
