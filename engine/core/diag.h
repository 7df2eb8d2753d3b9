/*
 * diag.h: diagnostics, the one form every error and warning takes.
 *
 * A diagnostic names a file, a line and a column where they are known, and says
 * in one line what is wrong and, where possible, what to do. It prints as
 *   FILE:LINE: error: WHAT         (players, terminal and window)
 *   FILE:LINE:COL: error: WHAT     (lint, so that editors can jump to it)
 * Messages never contain a newline: diag_add folds them into spaces.
 */
#ifndef SCALEUP_DIAG_H
#define SCALEUP_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
    enum diag_severity severity;
    char file[512]; /* empty when no file is concerned */
    int line;       /* 0 when unknown */
    int col;        /* 0 when unknown */
    char code[32];  /* a short stable name of the check, e.g. "unknown-stat" */
    char message[1024];
};

struct diag_list {
    struct diag *items;
    int count;
    int cap; /* items allocated */
    int errors;
    int warnings;
    int dropped; /* past LIMIT_DIAGNOSTICS */
};

void diag_list_init(struct diag_list *list);
void diag_list_free(struct diag_list *list);
void diag_list_clear(struct diag_list *list);

/* Adds a diagnostic; file may be NULL. code is a short id used by lint --json
 * and by tests. The message is formatted and folded onto one line. */
void diag_add(struct diag_list *list, enum diag_severity severity, const char *file, int line,
              int col, const char *code, const char *fmt, ...) PRINTF_LIKE(7, 8);
void diag_addv(struct diag_list *list, enum diag_severity severity, const char *file, int line,
               int col, const char *code, const char *fmt, va_list ap);
void diag_copy(struct diag_list *list, const struct diag *d);

/* Puts the items from index first on in source order: by file (in the order
 * the files were first named), line, then column; items at the same place
 * keep their order. A loader walks Lua tables in hash order, which changes
 * from run to run: sorted, its messages read the same every time. */
void diag_list_sort_from(struct diag_list *list, int first);

/* Sets a single diagnostic (for the many places that fail with one error). */
void diag_set(struct diag *d, const char *file, int line, const char *code, const char *fmt, ...)
    PRINTF_LIKE(5, 6);

/* "FILE:LINE: error: WHAT", with :COL when with_col and the column is known. */
void diag_format(const struct diag *d, bool with_col, struct strbuf *out);

/* Folds control characters (newlines, tabs, escapes) into spaces, in place, so
 * that a message from a scenario can never break the one-line rule or send
 * terminal escape sequences. */
void diag_fold_line(char *s);

#endif
