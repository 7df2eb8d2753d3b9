/*
 * xserver.c: a private Xvfb, and a plain X client's view of it.
 *
 * The readiness check is the X connection handshake itself (X Window System
 * Protocol, "Connection Setup"), not a connect(): a server can take a
 * socket connection and still turn every client away, and a test that then
 * blames the window would be wrong.
 */
#include "xserver.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Reads exactly len bytes within ms milliseconds. */
static bool read_fully(int fd, unsigned char *buf, size_t len, int ms)
{
    size_t got = 0;
    while (got < len) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, ms) <= 0)
            return false;
        ssize_t n = read(fd, buf + got, len - got);
        if (n <= 0)
            return false;
        got += (size_t)n;
    }
    return true;
}

enum handshake {
    HANDSHAKE_OK,      /* the server accepts a client with no authorization */
    HANDSHAKE_ABSENT,  /* nothing listens there */
    HANDSHAKE_REFUSED, /* the server answered no */
    HANDSHAKE_FAILED,  /* any other error, or silence */
};

/* The handshake on one socket; why, unless OK: connect's error, the
 * server's own reason, or its silence. */
static enum handshake handshake(const struct sockaddr_un *addr, socklen_t len, char *why, size_t cap)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(why, cap, "socket: %s", strerror(errno));
        return HANDSHAKE_FAILED;
    }
    if (connect(fd, (const struct sockaddr *)addr, len) != 0) {
        bool absent = errno == ENOENT || errno == ECONNREFUSED;
        snprintf(why, cap, "connect: %s", strerror(errno));
        close(fd);
        return absent ? HANDSHAKE_ABSENT : HANDSHAKE_FAILED;
    }
    /* Little-endian ('l'), protocol 11.0, no authorization. */
    static const unsigned char setup[12] = {'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    unsigned char reply[8];
    enum handshake result = HANDSHAKE_FAILED;
    /* send, not write: a server that closes the connection (one shutting
     * down, or another test's on the same display number) is a reason to
     * report, not a SIGPIPE that kills the test. */
    if (send(fd, setup, sizeof setup, MSG_NOSIGNAL) != (ssize_t)sizeof setup) {
        snprintf(why, cap, "send: %s", strerror(errno));
    } else if (!read_fully(fd, reply, sizeof reply, 5000)) {
        snprintf(why, cap, "no answer to the handshake within 5 s");
    } else if (reply[0] == 1) {
        result = HANDSHAKE_OK;
    } else if (reply[0] == 0) {
        unsigned char reason[256] = "";
        size_t n = reply[1];
        if (!read_fully(fd, reason, n, 1000))
            n = 0;
        snprintf(why, cap, "refused: %.*s", (int)n, (const char *)reason);
        result = HANDSHAKE_REFUSED;
    } else {
        snprintf(why, cap, "asks for authentication (status %d)", reply[0]);
        result = HANDSHAKE_REFUSED;
    }
    close(fd);
    return result;
}

static socklen_t socket_file(const char *display, struct sockaddr_un *addr)
{
    *addr = (struct sockaddr_un){.sun_family = AF_UNIX};
    snprintf(addr->sun_path, sizeof addr->sun_path, "/tmp/.X11-unix/X%s", display + 1);
    return sizeof *addr;
}

/* Linux's abstract namespace: a leading NUL, no file. */
static socklen_t abstract_socket(const char *display, struct sockaddr_un *addr)
{
    *addr = (struct sockaddr_un){.sun_family = AF_UNIX};
    int n = snprintf(addr->sun_path + 1, sizeof addr->sun_path - 1, "/tmp/.X11-unix/X%s", display + 1);
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)n);
}

static void stop_pid(pid_t pid)
{
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
}

/* The last line of the server's log, for a one-line reason. */
static void log_tail(const char *path, char *out, size_t cap)
{
    out[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f))
        if (line[0] != '\n')
            snprintf(out, cap, "%.*s", (int)strcspn(line, "\n"), line);
    fclose(f);
}

enum xserver_start xserver_start(const char *xvfb, const char *logdir, struct xserver *x, char *why,
                                 size_t cap)
{
    static int started;
    snprintf(x->log, sizeof x->log, "%s/xvfb-%d.log", logdir, started++);
    int fds[2];
    if (pipe(fds) != 0) {
        snprintf(why, cap, "pipe: %s", strerror(errno));
        return XSERVER_FAILED;
    }
    x->pid = fork();
    if (x->pid == 0) {
        close(fds[0]);
        int log = open(x->log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(log >= 0 ? log : devnull, 1);
        dup2(log >= 0 ? log : devnull, 2);
        char fd[16];
        snprintf(fd, sizeof fd, "%d", fds[1]);
        execl(xvfb, "Xvfb", "-displayfd", fd, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset",
              (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char num[32] = "";
    ssize_t n = x->pid > 0 ? read(fds[0], num, sizeof num - 1) : -1;
    close(fds[0]);
    if (n <= 0) {
        char tail[512];
        log_tail(x->log, tail, sizeof tail);
        if (x->pid > 0)
            stop_pid(x->pid);
        snprintf(why, cap, "Xvfb did not start: %s", tail[0] ? tail : "(no message)");
        return XSERVER_FAILED;
    }
    num[n] = '\0';
    snprintf(x->display, sizeof x->display, ":%.*s", (int)strcspn(num, "\n"), num);

    /* Xvfb may name its display before it takes clients. */
    struct sockaddr_un addr;
    socklen_t len = socket_file(x->display, &addr);
    char last[300] = "";
    for (int i = 0; i < 150; i++) {
        if (waitpid(x->pid, NULL, WNOHANG) != 0) {
            char tail[512];
            log_tail(x->log, tail, sizeof tail);
            snprintf(why, cap, "Xvfb (display %s) exited: %s", x->display, tail[0] ? tail : "(no message)");
            return XSERVER_FAILED;
        }
        enum handshake h = handshake(&addr, len, last, sizeof last);
        if (h == HANDSHAKE_OK)
            return XSERVER_READY;
        if (h == HANDSHAKE_REFUSED) /* an answer: waiting longer will not change it */
            break;
        nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
    }
    stop_pid(x->pid);
    snprintf(why, cap, "Xvfb (display %s) takes no client: %s", x->display, last);
    return XSERVER_REFUSED;
}

/* libX11's own connection, loaded as SDL loads it: the library the window
 * uses, with its authorization and socket choices. */
static bool xlib_opens(const char *display, char *out, size_t cap)
{
    void *lib = dlopen("libX11.so.6", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(out, cap, "libX11.so.6 does not load (%s)", dlerror());
        return false;
    }
    bool ok = false;
    void *(*open_display)(const char *);
    int (*close_display)(void *);
    /* POSIX's way to take a function from dlsym (ISO C has none). */
    *(void **)&open_display = dlsym(lib, "XOpenDisplay");
    *(void **)&close_display = dlsym(lib, "XCloseDisplay");
    if (!open_display || !close_display) {
        snprintf(out, cap, "libX11.so.6 has no XOpenDisplay");
    } else {
        void *d = open_display(display);
        ok = d != NULL;
        snprintf(out, cap, "XOpenDisplay(\"%s\") %s", display, d ? "succeeds" : "fails");
        if (d)
            close_display(d);
    }
    dlclose(lib);
    return ok;
}

bool xserver_describe(struct xserver *x, char *out, size_t cap)
{
    struct sockaddr_un addr;
    char file_why[300] = "handshake ok", abstract_why[300] = "handshake ok", xlib[300], tail[512];
    socklen_t len = socket_file(x->display, &addr);
    handshake(&addr, len, file_why, sizeof file_why);
    len = abstract_socket(x->display, &addr);
    if (handshake(&addr, len, abstract_why, sizeof abstract_why) == HANDSHAKE_ABSENT)
        snprintf(abstract_why, sizeof abstract_why, "none");
    bool xlib_ok = xlib_opens(x->display, xlib, sizeof xlib);
    log_tail(x->log, tail, sizeof tail);
    bool alive = waitpid(x->pid, NULL, WNOHANG) == 0;
    if (!alive)
        x->pid = 0; /* reaped: nothing left to stop */
    snprintf(out, cap, "Xvfb %s %s; socket file: %s; abstract socket: %s; %s; Xvfb's last message: %s",
             x->display, alive ? "running" : "gone", file_why, abstract_why,
             xlib, tail[0] ? tail : "(none)");
    return xlib_ok;
}

void xserver_stop(struct xserver *x)
{
    if (x->pid > 0)
        stop_pid(x->pid);
    x->pid = 0;
}
