/*
 * utf8.h: validation and decoding of UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF).
 */
#ifndef SCALEUP_UTF8_H
#define SCALEUP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..n) is valid UTF-8 without NUL bytes. On failure *bad is the
 * byte offset of the first invalid sequence (or of the NUL). */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* Decodes one code point at s (which must be valid UTF-8) and returns its
 * length in bytes (1 at the end of the string, with *cp = 0). */
int utf8_decode(const char *s, uint32_t *cp);

/* Code points in s[0..n), for wrapping and columns. */
size_t utf8_length(const char *s, size_t n);

/* Width on a terminal: 0 for combining marks, 2 for wide East Asian forms and
 * emoji, 1 otherwise. An approximation of wcwidth that does not depend on the
 * locale, so that transcripts are the same everywhere. */
int utf8_width(uint32_t cp);

/* Whether a line may break between two characters with no space between
 * them. Chinese and Japanese are written without spaces: a line may break
 * before or after any of their characters, but not before closing
 * punctuation or small kana, nor after opening punctuation (theirs or
 * ASCII's): a short form of Unicode's line breaking classes ID, CL, NS and
 * OP (UAX #14). Elsewhere only at spaces: false. */
bool utf8_may_break(uint32_t prev, uint32_t next);

/* What must never reach a terminal from a file: C0 controls (ESC starts the
 * sequences that set the window title, clear the screen or write the
 * clipboard), DEL, C1 controls (U+0080-U+009F, CSI and OSC among them), and
 * the bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make
 * text read other than it is. */
bool utf8_is_control(uint32_t cp);

/* The first such code point in s (a tab is allowed, a newline if
 * allow_newline): true with its byte offset and code point. */
bool utf8_find_control(const char *s, size_t n, bool allow_newline, size_t *at, uint32_t *cp);

struct strbuf;
/* Appends s with each such code point, and each invalid byte, folded to
 * U+FFFD (newlines kept if keep_newlines): for anything printed that came
 * from a file. */
void utf8_fold_controls(struct strbuf *out, const char *s, size_t n, bool keep_newlines);

#endif
