/*
 * text.h: scenario texts, parsed once and rendered many times.
 *
 * The contract's text rules: paragraphs are separated by a blank line; single
 * newlines and runs of blanks inside a paragraph are one space; {name} is a
 * stat, a dimension's points, a flag (yes/no), {player} or {role}; *words* is
 * emphasis; {{ and }} are literal braces. Conditional text needs no function:
 * {if COND}...{else}...{end} (nested up to TEXT_MAX_NESTING deep) and
 * {COND ? this : that}, where COND is a flag, stat or dimension by name, with
 * "not" before it, or compared with a whole number (runway < 3, morale >= 50,
 * == and ~= too). A stat or dimension alone holds when it is not 0.
 *
 * A rendered text is UTF-8 with '\n' between paragraphs and emphasis between
 * TEXT_EMPH_ON and TEXT_EMPH_OFF (control bytes that a scenario text can never
 * contain: the parser rejects control characters). Front-ends turn these into
 * ANSI styles, a font style, or nothing.
 */
#ifndef SCALEUP_TEXT_H
#define SCALEUP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "scenario.h"
#include "util.h"

#define TEXT_EMPH_ON '\x0e'
#define TEXT_EMPH_OFF '\x0f'

/* How deep {if} may nest in one text. */
#define TEXT_MAX_NESTING 8

/* Resolves a {name} to a piece kind and index; false when the name is unknown. */
typedef bool (*text_resolver)(const void *ctx, const char *name, size_t len, struct piece *out);

/* A reusable parse result (growable, for texts made at run time). */
struct text_builder {
    struct strbuf chars;
    struct piece *pieces;
    uint32_t npieces, cap;
};

void text_builder_init(struct text_builder *b);
void text_builder_free(struct text_builder *b);

struct text_error {
    size_t offset; /* byte offset in the source text */
    char message[256];
};

/* Parses src[0..len). With paragraphs false, every newline is a space (titles,
 * choice labels, feedback). Returns false with *err set on an unknown name, a
 * stray '{', a control character or invalid UTF-8. */
bool text_parse(struct text_builder *b, const char *src, size_t len, bool paragraphs,
                text_resolver resolve, const void *ctx, struct text_error *err);

/* Copies a parse result into the arena as a static template. */
void text_freeze(struct arena *a, const struct text_builder *b, struct text_template *out);

/* What references render to. */
struct text_values {
    const double *stats;
    const double *score; /* the deciding player's points per dimension */
    const uint64_t *flags;
    const char *player;
    const char *role;
};

/* Whether the condition of a PIECE_IF holds for these values. */
bool text_condition_holds(const struct piece *p, const struct text_values *v);
/* The flag a PIECE_IF tests, or -1 (lint counts such a flag as read). */
int text_condition_flag(const struct piece *p);

/* Appends the rendering of pieces to out. */
void text_render_pieces(const char *chars, const struct piece *pieces, uint32_t npieces,
                        const struct text_values *v, struct strbuf *out);
/* v may be NULL for a plain text (t->plain): it is its chars, whoever reads it. */
void text_render(const struct text_template *t, const struct text_values *v, struct strbuf *out);

/* A rendered text without its emphasis markers, paragraphs joined by the given
 * separator (for result files, feedback in CSV, and the like). */
void text_plain(const char *rendered, const char *para_sep, struct strbuf *out);

/* True when the template is a plain string with no references and no function:
 * such a text renders the same every time. */
bool text_is_static(const struct text_template *t);

/* Where the word that starts at s[0] (not a space) ends, for wrapping a
 * rendered text: at the next space, or where utf8_may_break lets a line
 * break without one (within Chinese or Japanese). Emphasis markers belong to
 * the word they are in. Both front-ends wrap by it. */
size_t text_word_end(const char *s, size_t n);

#endif
