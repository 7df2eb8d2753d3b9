/*
 * lsp_text.h: what the language server converts between the protocol and
 * the engine: file URIs and paths, and positions (the protocol counts lines
 * from 0 and characters in UTF-16 code units; the engine counts lines from 1,
 * columns in code points from 1, and offsets in bytes).
 */
#ifndef SCALEUP_LSP_TEXT_H
#define SCALEUP_LSP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The path of a file: URI, or NULL when it is not one (caller frees). */
char *lsp_uri_to_path(const char *uri);
/* The file: URI of an absolute path (caller frees). */
char *lsp_path_to_uri(const char *path);

/* The byte offset of a protocol position (line from 0, character in UTF-16
 * units), clamped to the line's end and the text's end. */
size_t lsp_offset_of(const char *text, size_t len, int line, int character);
/* The protocol position of a byte offset. */
void lsp_position_of(const char *text, size_t len, size_t offset, int *line, int *character);
/* The byte offset of an engine position (line and column from 1; 0 for
 * unknown, taken as the line's or the text's start). */
size_t lsp_offset_of_engine(const char *text, size_t len, int line, int col);

/* A line or character number of a message: field key of obj, a whole
 * number from 0 to INT_MAX; 0 when it is missing or not a number (a client
 * may send anything: a cast of 1e300 or NaN to int is undefined). */
struct cJSON;
int lsp_json_int(const struct cJSON *obj, const char *key);

#endif
