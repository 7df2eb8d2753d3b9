/*
 * window.h: the window front-end (SDL2 + SDL2_ttf), the product's main way
 * to play.
 *
 * The window is a front-end like the terminal: it plays the session's game
 * through the callbacks of frontend.h and nothing else, so the same seed and
 * choices give the same game in both. Around the session it adds the title
 * screen (scenario, name, role), settings, and a kiosk mode for workshops.
 *
 * SDL appears only under engine/window/.
 */
#ifndef SCALEUP_WINDOW_H
#define SCALEUP_WINDOW_H

#include <stdbool.h>

#include "cli/play_options.h"

struct window;

/* Opens the window and plays: the title screen when scenario_path is NULL,
 * else that scenario. Returns the exit code: 0 after a normal end; 1 for a
 * scenario error, no display, a missing font or a failing renderer (each
 * with one line on stderr); 2 when a --choices list does not fit the run. */
int window_main(struct play_options *po, const char *scenario_path);

/* For tests and benchmarks: the same, calling idle() each time a new frame
 * has been drawn and no input is queued. idle() inspects the window (see
 * window_probe.h) and pushes events with SDL_PushEvent; returning false
 * closes the window, as the player closing it would. */
struct window_hooks {
    void *ctx;
    bool (*idle)(void *ctx, struct window *w);
};

int window_run(struct play_options *po, const char *scenario_path, const struct window_hooks *hooks);

#endif
