/*
 * game.h: one run of a scenario: its state and the rules that move it.
 *
 * A game is the scenario's state at a moment: the current scene, stats, flags,
 * visits, each player's points, the turn and the seeded generator. Taking a
 * choice follows the contract's order exactly:
 *   score, effects, set, unset apply; the turn goes up; act runs; next is
 *   resolved; the next scene is entered: its visit count goes up, on_enter
 *   runs, then its text is made and its choices are offered.
 * If any callback fails, the game is left exactly as it was before the choice
 * and the error is returned: a player's run is never half-applied.
 *
 * A game also keeps its log: the decisions that made it. The seed plus the log
 * is the whole run (see run.h): saving, loading and undoing are replays.
 *
 * Solo play has one player; the state already holds two, for duets.
 */
#ifndef SCALEUP_GAME_H
#define SCALEUP_GAME_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "limits.h"
#include "rng.h"
#include "scenario.h"
#include "text.h"

#define GAME_MAX_PLAYERS 2

/* struct game's list of the visit counts and once-marks to clear for the
 * next start: its length, and what it holds when it is not kept. */
#define GAME_TOUCHED_MAX 1024
#define GAME_TOUCHED_ALL (-1)

struct game_player {
    int role; /* index into scenario.roles */
    char name[LIMIT_NAME_BYTES + 1];
    double score[LIMIT_DIMENSIONS];
};

struct game_setup {
    uint64_t seed;
    int nplayers; /* 1, or 2 for a duet */
    struct {
        int role;
        const char *name;
    } players[GAME_MAX_PLAYERS];
};

/* A choice as the player sees it now. Open choices come first, numbered 1, 2,
 * 3...; locked ones (unavailable, with a reason) follow, unnumbered. */
struct offer {
    int choice;     /* index into scenario.choices */
    int listed;     /* 1-based position in the scene's list */
    bool locked;
    uint32_t label; /* offset of the rendered label in menu.labels */
};

struct menu {
    struct offer offers[LIMIT_CHOICES_PER_SCENE];
    int nopen;  /* numbered choices */
    int ntotal; /* open plus locked */
    int timeout; /* 1-based number of the open choice taken on time-out, 0 for none */
    struct strbuf labels; /* NUL-separated rendered labels */
};

/* What a front-end shows: the current scene, made for the deciding player. */
struct view {
    int scene;
    struct strbuf text;   /* rendered, see text.h for the markers */
    /* A scene both duet players decide: the text as each player sees it,
     * their own {player}, {role} and points filled in (text is the
     * first's, see decider_for); empty otherwise. */
    struct strbuf own_text[GAME_MAX_PLAYERS];
    struct menu menu[GAME_MAX_PLAYERS];
    int decider;          /* the player who decides here (duet), 0 in solo */
};

/* How a duet's secret picks were resolved. */
enum duet_outcome {
    DUET_NONE,     /* not a secret decision */
    DUET_AGREED,   /* the same choice: taken, and it scores for both */
    DUET_CONFLICT, /* different picks, and the scene's conflict scene came next */
    DUET_SETTLED,  /* different picks; the scenario's settle named whose stood */
    DUET_COIN,     /* different picks; a coin toss from the run's generator decided */
};

/* What a game.cause(id) recorded: stat changes that are consequences of an
 * earlier decision (see the contract's "Additions of 2026-12"). */
struct consequence {
    int decision; /* index into the log of the decision that caused it */
    int turn;     /* choices made when it happened */
    int scene;    /* where: the scene entered (on_enter) or decided in (act, next) */
    double delta[LIMIT_STATS];
};

/* One decision of the log. */
struct decision {
    int turn;     /* 1-based */
    int scene;
    int number;   /* 1-based as offered */
    int choice;   /* index into scenario.choices */
    int player;
    bool timed_out;
    double seconds; /* time taken to decide, as measured by the front-end */
    double score[LIMIT_DIMENSIONS];
    double stat_delta[LIMIT_STATS];  /* what the choice changed: its effects, act and next */
    double enter_delta[LIMIT_STATS]; /* what changed as the next scene was entered (its
                                      * on_enter): the world moving, shown as "meanwhile" */
    uint32_t feedback; /* offset of the rendered feedback in game.log_text */
    uint32_t label;    /* offset of the rendered label in game.log_text */
    /* The open choice that scored best for the decider's role (weighted),
     * the first listed on a tie; equal to number when the player took it or
     * one as good. */
    int best_number;
    int best_choice;
    uint32_t best_label; /* offset in game.log_text */
    int offered;         /* how many choices were open */
    /* A locked choice (shown, with its reason) that would have scored more
     * for the role than every open one; -1 when none. */
    int best_locked;
    uint32_t best_locked_label; /* offset in game.log_text */
    uint32_t discuss;           /* the scene's discuss question as rendered then, offset in
                                   game.log_text ("" when none) */
    uint64_t raised[LIMIT_FLAGS / 64]; /* flags the decision raised (for game.cause) */

    /* Duet: a decision both players made in secret (see game_choose_pair).
     * Then number, choice, label, feedback and best above are the first
     * player's, and pick[p] holds each player's. */
    bool secret;
    enum duet_outcome outcome;
    int stood; /* the player whose pick was taken (settled or coin toss), or -1 */
    struct {
        int number, choice;
        uint32_t label, feedback, best_label;
        int best_number, best_choice, offered;
        int best_locked;
        uint32_t best_locked_label;
        double score[LIMIT_DIMENSIONS];
    } pick[GAME_MAX_PLAYERS];
};

/* The parts of the state a callback can change, saved before each choice so a
 * failing callback leaves no trace. */
struct game_core {
    int scene;
    int turn;
    int decider;
    double stats[LIMIT_STATS];
    uint64_t flags[LIMIT_FLAGS / 64];
    struct game_player players[GAME_MAX_PLAYERS];
    struct rng rng;
};

struct game {
    const struct scenario *sc; /* read-only: run-time state is in sc->live */
    uint64_t seed;
    int nplayers;
    struct game_core s;
    uint32_t *visits; /* per scene */
    uint64_t *taken;  /* per choice: taken at least once (for once) */
    /* What game_start must clear of visits and taken: the scenes whose
     * count rose from 0 and the words of taken that a once-choice marked,
     * since the start (GAME_TOUCHED_ALL when more than the list holds, or
     * unknown: a copied state). A large scenario's arrays are tens of
     * kilobytes, a playthrough touches a hundred entries. */
    uint32_t *touched;
    int ntouched;
    bool over;        /* at an ending */

    struct view view;
    struct decision *log;
    int nlog, caplog;
    struct strbuf log_text; /* rendered labels and feedback of the log */
    struct consequence *cons; /* what game.cause recorded, in the order it happened */
    int ncons, capcons;

    /* game.cause while a callback runs: the decision its changes go to (-1:
     * none), the stats when it was called, and whether this callback
     * records at all (on_enter, act and next do; when does not). */
    int cause_decision;
    bool cause_records;
    double cause_from[LIMIT_STATS];

    /* Scratch, reused to keep the hot path free of allocation. */
    struct view next_view;
    struct text_builder builder;
    struct strbuf scratch;
    /* The last secret picks (duet), 0 when none: game.picks, each a number
     * among the open choices in the author's order (as before shuffling,
     * so that a conflict scene's code need not know the shown order), and
     * the choices themselves (game.pick_ids). */
    int picks[GAME_MAX_PLAYERS];
    int pick_choices[GAME_MAX_PLAYERS];
    /* Set by a search that never shows a text (best.c): see game_quiet. */
    struct game_texts_checked *quiet;
};

struct game *game_new(const struct scenario *sc);

/* The texts that callbacks returned and that parsed, shared by the games of
 * one search. A quiet game renders no text (scene texts, labels and
 * feedback are empty), but still calls every text function, so that its
 * draws from the generator and its errors are those of a game that
 * renders, and still checks each text returned, once per distinct string:
 * it takes the same paths and fails where the other fails. */
struct game_texts_checked *game_texts_checked_new(void);
void game_texts_checked_free(struct game_texts_checked *t);
void game_quiet(struct game *g, struct game_texts_checked *t);
void game_free(struct game *g);

/* The setup of a run with no people at it (exploring, searching for the
 * best): role as "Explorer", or a duet of the first two roles. */
void game_setup_explorer(struct game_setup *st, int role, bool duet, uint64_t seed);

/* Starts a run: resets the state, seeds the generator, enters the start
 * scene. False with err set when a callback of the start scene fails. */
bool game_start(struct game *g, const struct game_setup *setup, struct diag *err);

/* Takes open choice number (1-based as offered to the deciding player).
 * False with err set, and the game unchanged, when the number is not offered
 * or a callback fails. A scene that offers no choice is a "dead end" error,
 * reported when it is entered. */
bool game_choose(struct game *g, int number, bool timed_out, double seconds, struct diag *err);

/* The rendered feedback and label of decision i of the log. */
const char *game_feedback(const struct game *g, int i);
const char *game_decision_label(const struct game *g, int i);
const char *game_best_label(const struct game *g, int i);

/* True when, in a duet, both players pick the current scene in secret (the
 * scene is by = "both", or has no by). */
bool game_is_secret(const struct game *g);

/* Both players' secret picks (numbers as offered to each). The picks agree:
 * the choice is taken and scores for both. They differ: each pick scores for
 * the player who made it; then the scene's conflict scene comes next (no
 * pick's effects, flags, act or next apply), or the scenario's settle names
 * whose pick is taken in full, or a coin toss from the run's generator does.
 * game.picks holds the picks from then on. */
bool game_choose_pair(struct game *g, const int numbers[GAME_MAX_PLAYERS], bool timed_out,
                      double seconds, struct diag *err);

/* Takes the scene's timeout choice (its timer ran out). */
bool game_timeout(struct game *g, double seconds, struct diag *err);

/* game.cause(id) in a callback: the stat changes from now to the end of the
 * call (or the next game.cause) are consequences of the latest decision that
 * took a choice with that id or raised flag id (none: nothing is recorded).
 * False, with why set, when id names no choice id or flag of the scenario. */
bool game_cause(struct game *g, const char *id, char *why, size_t cap);
/* Ends what game.cause started: called when a callback returns. */
void game_cause_close(struct game *g);

/* The rendered discuss question and best locked label of decision i
 * ("" when none). */
const char *game_discuss(const struct game *g, int i);
const char *game_best_locked_label(const struct game *g, int i);

/* The number of open offer `number` (as shown) among the open offers in
 * the author's order: what the number was before shuffling. */
int game_author_number(const struct menu *m, int number);
/* The shown number of the open offer of choice c (index into
 * scenario.choices), 0 when it is not open. */
int game_shown_number(const struct menu *m, int c);

/* The shown number of the deciding player's open choice with that id, 0
 * when no open choice has it. */
int game_number_of(const struct game *g, const char *id);

/* The rendered label of an offer. */
const char *game_label(const struct game *g, const struct menu *m, int i);

/* The scene's text as player p sees it: in a scene both duet players
 * decide, with p's own {player}, {role} and points; else the view's text. */
const char *game_text_for(const struct game *g, int p);
/* Whether every player sees the same scene text (a front-end showing one
 * screen to both can then show it once). */
bool game_text_shared(const struct game *g);

/* The menu of the deciding player. */
const struct menu *game_menu(const struct game *g);

/* The current scene. */
const struct scene *game_scene(const struct game *g);

/* Weighted total of a player: sum of points x their role's weight. */
double game_weighted(const struct game *g, int player);

/* A hash of the whole state (scene, stats, flags, visits, once-choices,
 * points, turn, generator), for the explorer's deduplication. */
uint64_t game_hash(const struct game *g);
/* The same, with the points of one player only (player >= 0): two states
 * that differ only in the other player's points have the same future for
 * this player, as long as no callback reads game.score. */
uint64_t game_hash_of(const struct game *g, int player);

/* Copies the whole state of src into dst (same scenario); the log is not
 * copied. For the explorer, which branches from a state. */
void game_copy_state(struct game *dst, const struct game *src);

/* Values for rendering a text in this game (the deciding player's points). */
void game_text_values(const struct game *g, struct text_values *v);

/* For the scripting bridge: the player whose choice is being made. */
int game_decider(const struct game *g);

/* Stat assignment as the contract says: clamped to the stat's min and max. */
void game_set_stat(struct game *g, int stat, double value);

static inline bool game_flag(const struct game *g, int flag)
{
    return (g->s.flags[flag / 64] >> (flag % 64)) & 1;
}

void game_set_flag(struct game *g, int flag, bool on);

/* An integer in [lo, hi] from the run's generator. */
int64_t game_random(struct game *g, int64_t lo, int64_t hi);

#endif
