#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limits.h"

void diag_list_init(struct diag_list *list)
{
    memset(list, 0, sizeof *list);
}

void diag_list_free(struct diag_list *list)
{
    free(list->items);
    diag_list_init(list);
}

void diag_list_clear(struct diag_list *list)
{
    list->count = list->errors = list->warnings = list->dropped = 0;
}

struct diag_order {
    int file_rank; /* index of the first item naming the same file */
    int index;
    const struct diag *d;
};

static int compare_order(const void *a, const void *b)
{
    const struct diag_order *x = a, *y = b;
    if (x->file_rank != y->file_rank)
        return x->file_rank < y->file_rank ? -1 : 1;
    if (x->d->line != y->d->line)
        return x->d->line < y->d->line ? -1 : 1;
    if (x->d->col != y->d->col)
        return x->d->col < y->d->col ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

void diag_list_sort_from(struct diag_list *list, int first)
{
    int n = list->count - first;
    if (first < 0 || n < 2)
        return;
    struct diag_order *order = xmalloc(sizeof *order * (size_t)n);
    for (int i = 0; i < n; i++) {
        const struct diag *d = &list->items[first + i];
        order[i] = (struct diag_order){i, i, d};
        for (int j = 0; j < i; j++) {
            if (strcmp(list->items[first + j].file, d->file) == 0) {
                order[i].file_rank = order[j].file_rank;
                break;
            }
        }
    }
    qsort(order, (size_t)n, sizeof *order, compare_order);
    struct diag *sorted = xmalloc(sizeof *sorted * (size_t)n);
    for (int i = 0; i < n; i++)
        sorted[i] = *order[i].d;
    memcpy(&list->items[first], sorted, sizeof *sorted * (size_t)n);
    free(sorted);
    free(order);
}

void diag_fold_line(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            *p = ' ';
}

static void fill(struct diag *d, enum diag_severity severity, const char *file, int line, int col,
                 const char *code)
{
    d->severity = severity;
    str_copy(d->file, sizeof d->file, file ? file : "");
    diag_fold_line(d->file);
    d->line = line > 0 ? line : 0;
    d->col = col > 0 ? col : 0;
    str_copy(d->code, sizeof d->code, code ? code : "");
}

void diag_addv(struct diag_list *list, enum diag_severity severity, const char *file, int line,
               int col, const char *code, const char *fmt, va_list ap)
{
    if (severity == DIAG_ERROR)
        list->errors++;
    else
        list->warnings++;
    if (list->count >= LIMIT_DIAGNOSTICS) {
        list->dropped++;
        return;
    }
    if (list->count == list->cap) {
        /* Doubling, up to the limit: a diagnostic is 1.6 KB, and growing
         * by one copied the list again and again (lint of the large
         * story, 1,500 warnings: 21 M instructions). */
        list->cap = list->cap ? list->cap * 2 : 16;
        if (list->cap > LIMIT_DIAGNOSTICS)
            list->cap = LIMIT_DIAGNOSTICS;
        list->items = xrealloc(list->items, sizeof *list->items * (size_t)list->cap);
    }
    struct diag *d = &list->items[list->count++];
    fill(d, severity, file, line, col, code);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    diag_fold_line(d->message);
}

void diag_add(struct diag_list *list, enum diag_severity severity, const char *file, int line,
              int col, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(list, severity, file, line, col, code, fmt, ap);
    va_end(ap);
}

void diag_copy(struct diag_list *list, const struct diag *d)
{
    diag_add(list, d->severity, d->file, d->line, d->col, d->code, "%s", d->message);
}

void diag_set(struct diag *d, const char *file, int line, const char *code, const char *fmt, ...)
{
    fill(d, DIAG_ERROR, file, line, 0, code);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    diag_fold_line(d->message);
}

void diag_format(const struct diag *d, bool with_col, struct strbuf *out)
{
    const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
    if (d->file[0]) {
        sb_puts(out, d->file);
        if (d->line > 0) {
            sb_printf(out, ":%d", d->line);
            if (with_col && d->col > 0)
                sb_printf(out, ":%d", d->col);
        }
        sb_puts(out, ": ");
    } else {
        sb_puts(out, "scaleup: ");
    }
    sb_printf(out, "%s: %s", sev, d->message);
}
