/*
 * xserver.h: a private X server (Xvfb) for the tests that need a real
 * display, and the checks that tell a machine whose X cannot serve clients
 * from a program that cannot open its window.
 */
#ifndef SCALEUP_TEST_XSERVER_H
#define SCALEUP_TEST_XSERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct xserver {
    pid_t pid;
    char display[16]; /* ":N", for $DISPLAY */
    char log[4200];   /* Xvfb's own messages */
};

enum xserver_start {
    XSERVER_READY,   /* a client completed the X handshake */
    XSERVER_FAILED,  /* Xvfb would not start, or died */
    XSERVER_REFUSED, /* it ran but turned clients away, or never answered */
};

/* Starts xvfb (a path) on a free display, its messages in logdir, and waits
 * (up to 15 s: a loaded machine, a sanitizer build) until a client completes
 * the X connection handshake on it. Anything but READY leaves no server
 * running and says why. */
enum xserver_start xserver_start(const char *xvfb, const char *logdir, struct xserver *x, char *why,
                                 size_t cap);

/* What a plain client sees of the server now, in one line: the handshake on
 * its socket file and on its abstract socket (libxcb tries that first),
 * whether libX11's XOpenDisplay succeeds, and the server's last message.
 * For the reason when the program under test could not connect; true when
 * XOpenDisplay, as the test process, succeeds (so the program is to blame). */
bool xserver_describe(struct xserver *x, char *out, size_t cap);

void xserver_stop(struct xserver *x);

#endif
