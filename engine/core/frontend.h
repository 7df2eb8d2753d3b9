/*
 * frontend.h: the one seam between the engine and whatever shows the game.
 *
 * A front-end (terminal, window, a test recorder) is a table of callbacks.
 * The session (session.h) owns the game and calls them; a callback that waits
 * for the player returns a command: a choice, or undo, save, reload, quit...
 * The session carries the command out the same way for every front-end, so
 * the window's game and the terminal's game are the same game.
 */
#ifndef SCALEUP_FRONTEND_H
#define SCALEUP_FRONTEND_H

#include <stdbool.h>

#include "debrief.h"
#include "diag.h"

struct session;

enum fe_action {
    FE_CONTINUE, /* go on (after an outcome, a notice or a recoverable error) */
    FE_CHOOSE,   /* take open choice 'number' */
    FE_TIMEOUT,  /* the scene's timer ran out */
    FE_UNDO,     /* take back the last decision */
    FE_RESTART,  /* the same run from the start */
    FE_SAVE,     /* save to slot 'slot' */
    FE_LOAD,     /* load slot 'slot' */
    FE_RELOAD,   /* reload the scenario's files and replay the run onto them */
    FE_QUIT,     /* leave the run */
};

struct fe_command {
    enum fe_action action;
    int number;     /* FE_CHOOSE: 1-based as offered (in a duet's secret scene, the first player's) */
    int number2;    /* FE_CHOOSE in a secret scene: the second player's pick */
    int slot;       /* FE_SAVE, FE_LOAD */
    double seconds; /* FE_CHOOSE, FE_TIMEOUT: time taken to decide; < 0: let the session measure */
};

struct frontend {
    void *ctx;
    /* A run begins: new, restarted, loaded or reloaded. */
    void (*begin)(void *ctx, struct session *s);
    /* Shows the current scene (game_scene, game_menu) and waits for a command.
     * In a duet's secret scene (game_is_secret) it returns both picks. */
    struct fe_command (*decide)(void *ctx, struct session *s);
    /* Shows what the last decision did: its feedback and the changes. Called
     * only when coaching is on; returns FE_CONTINUE or another command. */
    struct fe_command (*outcome)(void *ctx, struct session *s);
    /* Shows the debrief of a finished run; returns FE_QUIT, FE_RESTART or FE_UNDO. */
    struct fe_command (*debrief)(void *ctx, struct session *s, const struct debrief *d);
    /* Shows an error. The game is as it was before the failed step. Returns
     * FE_CONTINUE to go on, FE_RELOAD to reload the scenario, FE_QUIT to stop. */
    struct fe_command (*error)(void *ctx, struct session *s, const struct diag *d);
    /* Shows a short message: saved, loaded, results folder full again... */
    void (*notice)(void *ctx, struct session *s, const char *message);
};

static inline struct fe_command fe_command(enum fe_action action)
{
    struct fe_command c = {action, 0, 0, 0, -1};
    return c;
}

#endif
