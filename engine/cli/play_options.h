/*
 * play_options.h: what scaleup play was asked to do, shared by the terminal
 * and the window front-ends.
 */
#ifndef SCALEUP_PLAY_OPTIONS_H
#define SCALEUP_PLAY_OPTIONS_H

#include <stdbool.h>

#include "core/session.h"
#include "term/term.h"

struct play_options {
    struct session_options session;
    const char *scenario; /* as given, or NULL */
    const char *role;
    const char *player;
    const char *partner;
    bool seed_given;
    bool text, watch, duet, fullscreen, kiosk, help;
    bool plain;        /* --plain: ASCII only, no rules or bars */
    bool timers_given; /* --timers was given (else the window's setting counts) */
    bool presenter; /* the window: story and options enlarged for a room */
    const char *font;
    const char *screenshot; /* window tests: save a PNG of each screen here */
    struct term_input *choices;
    int nchoices;
};

/* Parses scaleup play's arguments; false (after printing why) on a usage
 * error. */
bool play_parse(int argc, char **argv, struct play_options *po);

#endif
