/*
 * term.h: the terminal front-end.
 *
 * Prints scenes wrapped to the terminal's width (80 columns when output is not
 * a terminal, so piped transcripts are stable), reads decisions as numbers from
 * standard input or from a --choices list, and prints the feedback after each
 * decision and the debrief at the ending. ANSI styles are used only when
 * standard output is a terminal and NO_COLOR is unset.
 */
#ifndef SCALEUP_TERM_H
#define SCALEUP_TERM_H

#include <stdbool.h>
#include <stdio.h>

#include "core/frontend.h"
#include "core/util.h"

/* A scripted input: a number, 't' (let the timer run out) or 'u' (undo). */
struct term_input {
    char kind; /* 'n', 't', 'u' */
    int number;
};

struct term {
    FILE *in, *out, *err;
    bool interactive; /* standard input is a terminal */
    bool color;
    bool out_tty; /* standard output is a terminal: wrap messages too */
    bool plain;   /* --plain or TERM=dumb: ASCII only, no rules or bars */
    bool width_given; /* COLUMNS set the width: wrap messages too */
    int width;
    FILE *real_out; /* under --plain's ASCII filter: the stream it writes to */
    const struct term_input *script; /* --choices, or NULL to read input */
    int nscript, next;
    /* How the run ended, for the exit code. */
    bool input_ended;   /* the input ran out before an ending */
    bool bad_input;     /* a scripted input was not a valid choice */
    bool quit;          /* the player chose to quit */
    struct strbuf line;
    struct watch *watch; /* --watch: reload when the scenario's files change */
};

/* The narrowest width wrapped to (COLUMNS or the terminal's below it are
 * raised to it). */
#define TERM_MIN_WIDTH 16

/* Sets up a terminal front-end on the given streams; width and color are
 * found from out (a terminal or not) and the environment: COLUMNS, NO_COLOR,
 * TERM=dumb (no colour, plain). */
void term_init(struct term *t, FILE *in, FILE *out, FILE *err);
/* Plain output for screen readers and braille displays: ASCII only (through
 * a filter on out), no colour, no rules or bars, scores in words. */
void term_set_plain(struct term *t);
void term_free(struct term *t);
struct frontend term_frontend(struct term *t);

/* Parses "1,3,t,2" into inputs (malloc'd). False on a malformed list. */
bool term_parse_choices(const char *list, struct term_input **out, int *n);

/* Asks a question on the terminal and returns the answer line (empty on
 * end of input). */
const char *term_ask(struct term *t, const char *prompt);

/* Waits until a scenario file changes (true) or the player quits (false),
 * for --watch after an error. */
bool term_wait_for_change(struct term *t);

/* Prints text wrapped at the terminal's width with an indent. */
void term_wrap(struct term *t, const char *text, int indent);

#endif
