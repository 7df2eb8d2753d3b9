/*
 * scenario.h: a loaded scenario, as static C data.
 *
 * Everything an author wrote as data (scenes, choices, scores, effects, flags,
 * targets, texts) is validated once at load and kept here, so that playing a
 * choice touches Lua only for the functions an author wrote (a when, act, next,
 * text function, on_enter, settle). A callback is a handle into the scenario's
 * Lua state (see script.h); a text is a parsed template (see text.h).
 *
 * All strings and arrays of a scenario live in one arena, freed together.
 */
#ifndef SCALEUP_SCENARIO_H
#define SCALEUP_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "limits.h"
#include "strmap.h"

struct script;

/* Where something was written: a file of the scenario and a line and column. */
struct srcpos {
    uint16_t file; /* index into scenario.files */
    uint32_t line;
    uint32_t col;
};

/* A Lua function an author wrote; ref 0 means "none". */
struct callback {
    int ref;
    struct srcpos pos;  /* where the function is defined */
    uint32_t last_line; /* and where it ends (tools read its source) */
};

static inline bool callback_present(struct callback cb)
{
    return cb.ref != 0;
}

/* A parsed text: literal runs, {name} references, emphasis and paragraph
 * breaks (see text.h). A text written as a function has fn set instead. */
enum piece_kind {
    PIECE_LITERAL,   /* bytes [start, start+len) of template.chars */
    PIECE_STAT,      /* value of stat #index */
    PIECE_DIMENSION, /* points of the deciding player in dimension #index */
    PIECE_FLAG,      /* "yes" or "no" for flag #index */
    PIECE_PLAYER,    /* the player's name */
    PIECE_ROLE,      /* the role's name */
    PIECE_EMPHASIS,  /* toggles emphasis */
    PIECE_PARAGRAPH, /* a paragraph break */
    PIECE_IF,        /* {if COND}: the pieces up to its ELSE or END show when COND
                        holds; start and len encode COND (see text.c) */
    PIECE_ELSE,      /* {else} */
    PIECE_END,       /* {end} */
};

struct piece {
    uint8_t kind;
    uint32_t start; /* PIECE_LITERAL */
    uint32_t len;   /* PIECE_LITERAL; index for references */
};

/* The fields read to show a text come first (chars, plain, fn): in a choice,
 * they share the cache line of the menu fields. */
struct text_template {
    const char *chars; /* the literal bytes the pieces point into */
    const struct piece *pieces;
    uint32_t plain; /* a plain text (one literal run, or empty) renders as chars itself:
                       its length + 1; 0 for any other text */
    struct callback fn; /* when the text is a function(game) */
    uint32_t npieces;
    struct srcpos pos;
};

enum verdict { VERDICT_NONE, VERDICT_SUCCESS, VERDICT_MIXED, VERDICT_FAILURE };

struct dimension {
    const char *id;
    const char *name;
    const char *about;
    struct srcpos pos;
};

struct role {
    const char *id;
    const char *name;
    const char *brief; /* paragraphs, already normalised */
    double weights[LIMIT_DIMENSIONS];
    struct srcpos pos;
};

struct stat_def {
    const char *id;
    const char *name;
    const char *unit; /* may be NULL */
    double start;
    double min, max; /* -HUGE_VAL / HUGE_VAL when unbounded */
    bool hidden;
    struct srcpos pos;
};

struct rating {
    double min;
    const char *label;
};

struct effect {
    int16_t stat;
    double delta;
};

/* The fields are grouped by when they are read: to build a menu (every choice
 * of every scene entered), to take the choice, and for messages and tools. A
 * large scenario's choices do not fit in the cache: building a menu reads the
 * first cache line of each choice (the choices array is aligned on one), the
 * best-choice check reads the third (score), taking a choice the rest (see
 * docs/performance.md). */
struct choice {
    /* Building a menu. */
    uint32_t role_mask; /* bit r set: offered to role r; all ones when no role field */
    uint16_t nrequires;
    bool once;
    int next; /* scene index, or -1 when next is a function (read early: see game.c) */
    const uint16_t *requires;
    struct callback when;
    struct text_template label;
    const char *locked; /* reason shown when unavailable, or NULL to hide */
    /* Taking it. */
    const struct effect *effects;
    const uint16_t *set;
    const uint16_t *unset;
    double score[LIMIT_DIMENSIONS];
    uint16_t neffects;
    uint16_t nset;
    uint16_t nunset;
    bool scores; /* any score at all */
    bool has_feedback;
    struct callback act;
    struct callback next_fn;
    struct text_template feedback; /* npieces 0 and no fn: no feedback */
    /* Messages and tools. */
    const char *id;     /* stable across orders and edits: the author's id = "...", or
                           the 1-based position in the scene's list ("1", "2", ...) */
    uint64_t order_key; /* hash of the scene's and the choice's ids: its place in a shuffle */
    bool id_given;      /* the author wrote id = "..." */
    struct srcpos pos;
    int scene; /* the scene it belongs to */
};

enum by_kind { BY_ANYONE = -1, BY_BOTH = -2 }; /* otherwise a role index */

/* Choices of a scene whose condition's function the scene itself names
 * (scene.when_fn): the bench stories' 4; a scene with more is served by
 * its choices, a little later. */
#define SCENE_WHEN_HINTS 4

/* Grouped like struct choice: entering a scene first, then what is shown and
 * reported. */
struct scene {
    uint32_t first_choice; /* index into scenario.choices */
    uint16_t nchoices;
    bool is_ending;
    int by;               /* a role index, BY_ANYONE or BY_BOTH */
    int timeout;          /* 1-based as listed, 0 for none */
    int conflict;         /* scene index, or -1 */
    /* Prefetch hints (game.c), set at the end of loading: the bytes of
     * text.chars, and where the Lua functions of the first choices' `when`
     * live (NULL: none), so that taking a choice that leads here starts
     * loading them from the scene alone, without first waiting for its
     * choices to arrive from memory. Never read through. */
    uint32_t text_bytes;
    const void *when_fn[SCENE_WHEN_HINTS];
    struct callback on_enter;
    struct text_template text;
    const char *id;
    const char *title;
    const char *phase;
    enum verdict verdict; /* endings */
    int timer;            /* seconds, 0 for none */
    bool fixed_order;     /* order = "fixed" (here or on the scenario): no shuffle */
    bool has_discuss;
    struct text_template discuss; /* a question for the room, after the debrief */
    struct srcpos pos;
};


struct source_file {
    const char *name;    /* relative to the scenario folder: "main.lua" */
    const char *display; /* as shown in messages: "scenarios/tutorial/main.lua" */
    uint64_t hash;
};

/* A scenario's run-time state: what its games change in it, apart from
 * what was loaded. Every game of the scenario shares it (a flag made in one
 * run keeps its index on a replay); a background search loads a scenario
 * of its own and so has its own. */
struct scenario_live {
    /* Every flag: the scenario's (the first sc->nflags), then those made at
     * run time by game.flags.X = true (unless the scenario declares its
     * flags), LIMIT_FLAGS names. */
    const char **flags;
    int nflags;
    struct strmap flag_index; /* the flags made at run time */
    struct arena arena;       /* their names */
    /* How many times a callback has read game.score: the explorer's search
     * for one player's best is exact only while nothing does. */
    unsigned long score_reads;
    /* Likewise for the exact best's search (best.c), which merges states
     * that differ only in what nothing has read: reads of game.visits and
     * game.turn, of game.picks, and draws from the run's generator (none:
     * the best is the same for every seed). */
    unsigned long visits_reads, picks_reads, random_draws;
};

struct scenario {
    struct arena arena;
    struct script *script; /* the Lua state that holds the callbacks */

    const char *folder; /* as given or resolved, for messages and reloads */
    const char *id;
    const char *title;
    const char *summary;
    const char *version;
    const char *language;
    const char **authors;
    int nauthors;
    double minutes;
    int start; /* scene index */
    bool duet;
    struct callback settle;
    bool declares_flags;   /* a flags = {...} list makes unknown flags errors */
    bool fixed_order;      /* order = "fixed": every scene keeps the author's order */
    double best[LIMIT_ROLES]; /* declared best weighted totals, NAN when not */
    /* What changes while the scenario is played (flags made at run time,
     * what callbacks have read): its own object, so that the scenario
     * itself is read-only after loading. Made by scenario_load. */
    struct scenario_live *live;
    struct srcpos pos;     /* the scenario { } call */
    /* By callback ref: where the callback's Lua function lives, an address
     * the game prefetches (game.c) and never reads through. */
    const void **callback_fn;
    int ncallback_fn;
    /* Each choice's points weighted for each role, [role * nchoices +
     * choice], set at the end of loading (NULL: weigh them when needed):
     * every decision compares the open choices' (the debrief's best). */
    const double *choice_values;

    struct dimension dimensions[LIMIT_DIMENSIONS];
    int ndimensions;
    struct role roles[LIMIT_ROLES];
    int nroles;
    struct stat_def stats[LIMIT_STATS];
    int nstats;
    struct rating *ratings; /* sorted by min, highest first */
    int nratings;

    /* Flags: the names given in lists at load (those created at run time
     * are in live; scenario_flag and scenario_flag_count see both). */
    const char **flags;
    int nflags;
    int nstatic_flags;
    struct strmap flag_index;

    struct scene *scenes; /* scenes and endings, in the order written */
    int nscenes;
    struct strmap scene_index;
    struct choice *choices;
    uint32_t nchoices;

    struct strmap stat_index;
    struct strmap dimension_index;
    struct strmap role_index;
    struct strmap choice_id_index; /* every choice id of every scene (the first choice
                                      that has it): the names game.cause takes */
    struct strmap code_flag_index; /* flags the code sets (game.flags.X = ...), found in
                                      its source at load: game.cause may name them too */

    struct source_file files[LIMIT_FILES];
    int nfiles;
    uint64_t hash; /* of every file's bytes, in include order */
};

/* Lookups by id; -1 when absent. */
int scenario_scene(const struct scenario *sc, const char *id);
int scenario_stat(const struct scenario *sc, const char *id);
int scenario_dimension(const struct scenario *sc, const char *id);
int scenario_role(const struct scenario *sc, const char *id);
int scenario_flag(const struct scenario *sc, const char *id);
/* Finds or adds a flag of the scenario while loading it; -1 for a bad id,
 * -2 when LIMIT_FLAGS is reached. */
int scenario_declare_flag(struct scenario *sc, const char *id);
/* Finds or creates a flag at run time (in sc->live); -1 when the scenario
 * declares its flags and id is not one of them, -2 when LIMIT_FLAGS is
 * reached. */
int scenario_intern_flag(const struct scenario *sc, const char *id);
/* How many flags there are now: the scenario's and those made at run time. */
int scenario_flag_count(const struct scenario *sc);
/* Makes and frees a loaded scenario's run-time state (scenario_load and
 * scenario_free call them). */
void scenario_live_new(struct scenario *sc);
void scenario_live_free(struct scenario *sc);

/* The choice of scene s whose id is id, as an index into scenario.choices;
 * -1 when none. */
int scenario_choice(const struct scenario *sc, int scene, const char *id);
/* True when id is the id of a choice of any scene (the names game.cause
 * takes, with flags). */
bool scenario_has_choice_id(const struct scenario *sc, const char *id);

/* Resolves a {name} of a text (see text.h): player, role, a stat, a
 * dimension or a flag. ctx is the scenario. */
bool scenario_resolve_name(const void *ctx, const char *name, size_t len, struct piece *out);

const char *verdict_name(enum verdict v);
/* The file name to print for a position. */
const char *scenario_file(const struct scenario *sc, struct srcpos pos);

/* The rating label for a percentage, or NULL when the scenario has none. */
const char *scenario_rating(const struct scenario *sc, double percent);

#endif
