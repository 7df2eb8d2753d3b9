/*
 * script.h: the engine's door into scenario code.
 *
 * The rest of the engine never sees Lua: it holds callbacks (handles to the
 * functions an author wrote, see scenario.h) and calls them through these
 * functions, which run them in the sandbox under the limits and report any
 * failure as a diagnostic naming the scenario file and line.
 */
#ifndef SCALEUP_SCRIPT_H
#define SCALEUP_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "scenario.h"
#include "util.h"

/* The Lua limits; the defaults are in limits.h, the command line may change
 * them (--max-memory, --max-instructions, --max-call-ms). */
struct script_limits {
    size_t memory;           /* bytes for the whole Lua state */
    long call_instructions;  /* per callback */
    long load_instructions;  /* per scenario file */
    int call_ms;             /* wall clock per callback */
    int load_ms;             /* wall clock per scenario file */
};

void script_limits_default(struct script_limits *l);

struct script;
struct game;

void script_free(struct script *s);
/* Bytes the scenario's Lua state holds now, and at most so far. */
size_t script_memory(const struct script *s);
size_t script_memory_peak(const struct script *s);

/* What a callback is, for messages: "the when of choice 2 in scene 'pitch'". */
enum callback_kind {
    CB_WHEN,
    CB_ACT,
    CB_NEXT,
    CB_TEXT,
    CB_LABEL,
    CB_FEEDBACK,
    CB_ON_ENTER,
    CB_SETTLE,
};

struct callsite {
    enum callback_kind kind;
    int scene;  /* scene index, or -1 */
    int choice; /* 1-based position as listed in the scene, or 0 */
};

/* A condition: *out is the truth of the function's result. */
bool script_when(struct script *s, struct callback cb, struct game *g, struct callsite site,
                 bool *out, struct diag *err);
/* Looks at every choice's `when` now, as its first call would
 * (condition.h): what explore --jobs does before it forks, so that the
 * workers share what the parent found instead of each looking at the same
 * tens of thousands of functions again (a dump of each: on the large bench
 * story, 18 M instructions a process). Answers nothing, changes no result. */
void script_learn_conditions(struct script *s);
/* An action; its result is ignored. */
bool script_run(struct script *s, struct callback cb, struct game *g, struct callsite site,
                struct diag *err);
/* A function that must return a string (text, next, settle): appended to out. */
bool script_string(struct script *s, struct callback cb, struct game *g, struct callsite site,
                   struct strbuf *out, struct diag *err);

#endif
