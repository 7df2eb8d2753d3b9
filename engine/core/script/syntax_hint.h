/*
 * syntax_hint.h: plainer messages for the Lua syntax errors authors make most.
 */
#ifndef SCALEUP_SYNTAX_HINT_H
#define SCALEUP_SYNTAX_HINT_H

#include <stddef.h>

#include "../diag.h"

/* err holds Lua's syntax error for the chunk src. When the parser wanted a
 * '}' but found the start of another field or item ("'}' expected (to close
 * '{' at line 5) near 'feedback'"), the field before it lacks its ','.
 * Rewrites err to point where the ',' goes, the end of that field, and to
 * say so; when that start is a declaration beginning a line (scene "b"), to
 * name the '{' left open instead. Leaves err as it is in every other case. */
void syntax_hint_missing_comma(const char *src, size_t len, struct diag *err);

/* err holds a run-time error in Lua's words ("attempt to index a nil
 * value (field 'stat')"). Appends what it means in an author's words, with
 * the name it involves; leaves other messages as they are. */
void runtime_hint(struct diag *err);

#endif
