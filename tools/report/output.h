/*
 * output.h: the report's forms. Each builds the whole text in memory (a
 * workshop is a few dozen runs); report.c writes it atomically.
 */
#ifndef SCALEUP_REPORT_OUTPUT_H
#define SCALEUP_REPORT_OUTPUT_H

#include <stdio.h>

#include "results.h"

/* The ranking as a table for the terminal, one per scenario. */
void report_table(const struct report *r, struct strbuf *out);

/* RFC 4180 CSV (CRLF line ends, a header row): one row per player of a run,
 * or one per decision. A text cell that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading '. */
void report_csv_runs(const struct report *r, struct strbuf *out);
void report_csv_decisions(const struct report *r, struct strbuf *out);

/* One self-contained HTML page for the projector and for print: no scripts,
 * no network, charts as inline SVG. */
void report_html(const struct report *r, struct strbuf *out);

/* The whole analysis as JSON (format "scaleup-report/1"; see json.c). */
void report_json(const struct report *r, struct strbuf *out);

/* Prints a JSON document (indented, a newline at its end) into out, then
 * deletes it. Exits when out of memory, as xmalloc does. */
struct cJSON;
void report_print_json(struct cJSON *root, struct strbuf *out);

struct xapi_options {
    const char *homepage; /* the workshop's home page: names players and activities */
    bool mbox;            /* actors by mbox (mailto:slug@host) instead of by account */
    /* Ratings that count as success; NULL: every rating but the scenario's
     * lowest (from the installed scenario), or no success when unknown. */
    const char *const *pass;
    int npass;
};

/* The runs as an array of xAPI 1.0.3 statements: per decision one
 * "answered", per finished run (and player) one "completed". When a
 * scenario's passing ratings cannot be told, its statements carry no
 * success and warn says so. */
void report_xapi(const struct report *r, const struct xapi_options *o, report_warn_fn warn,
                 void *ctx, struct strbuf *out);

#endif
