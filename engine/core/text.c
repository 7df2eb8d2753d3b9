#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void text_builder_init(struct text_builder *b)
{
    sb_init(&b->chars);
    b->pieces = NULL;
    b->npieces = b->cap = 0;
}

void text_builder_free(struct text_builder *b)
{
    sb_free(&b->chars);
    free(b->pieces);
    text_builder_init(b);
}

static struct piece *push_piece(struct text_builder *b, enum piece_kind kind)
{
    if (b->npieces == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        b->pieces = xrealloc(b->pieces, sizeof *b->pieces * b->cap);
    }
    struct piece *p = &b->pieces[b->npieces++];
    p->kind = (uint8_t)kind;
    p->start = 0;
    p->len = 0;
    return p;
}

/* Appends literal bytes, extending the previous literal piece when adjacent. */
static void push_literal(struct text_builder *b, const char *s, size_t n)
{
    if (!n)
        return;
    uint32_t start = (uint32_t)b->chars.len;
    sb_append(&b->chars, s, n);
    if (b->npieces && b->pieces[b->npieces - 1].kind == PIECE_LITERAL &&
        b->pieces[b->npieces - 1].start + b->pieces[b->npieces - 1].len == start) {
        b->pieces[b->npieces - 1].len += (uint32_t)n;
        return;
    }
    struct piece *p = push_piece(b, PIECE_LITERAL);
    p->start = start;
    p->len = (uint32_t)n;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

static bool fail(struct text_error *err, size_t offset, const char *msg)
{
    err->offset = offset;
    str_copy(err->message, sizeof err->message, msg);
    return false;
}

/* A condition in a PIECE_IF: start holds the subject's index (bits 0-15),
 * its kind (bits 16-17: stat, flag, dimension), the comparison (bits
 * 18-20) and "not" (bit 21); len holds the whole number compared with. */
enum cond_op { COND_HOLDS, COND_LT, COND_LE, COND_GT, COND_GE, COND_EQ, COND_NE };
enum cond_subject { SUBJECT_STAT, SUBJECT_FLAG, SUBJECT_DIMENSION };

static const char *skip_blanks(const char *p, const char *end)
{
    while (p < end && is_blank(*p))
        p++;
    return p;
}

/* Parses COND in src[0..n) into an IF piece's start and len. */
static bool parse_condition(const char *src, size_t n, text_resolver resolve, const void *ctx,
                            uint32_t *start, uint32_t *len, const char **why)
{
    const char *p = skip_blanks(src, src + n), *end = src + n;
    while (end > p && is_blank(end[-1]))
        end--;
    bool negate = false;
    if (end - p > 4 && memcmp(p, "not", 3) == 0 && is_blank(p[3])) {
        negate = true;
        p = skip_blanks(p + 3, end);
    }
    const char *name = p;
    while (p < end && is_name_char(*p))
        p++;
    if (p == name) {
        *why = "a condition starts with the name of a flag, stat or dimension";
        return false;
    }
    struct piece ref;
    if (!resolve || !resolve(ctx, name, (size_t)(p - name), &ref)) {
        *why = "a condition names something that is not a flag, stat or dimension";
        return false;
    }
    enum cond_subject subject = ref.kind == PIECE_STAT ? SUBJECT_STAT
                                : ref.kind == PIECE_FLAG ? SUBJECT_FLAG
                                : SUBJECT_DIMENSION;
    if (ref.kind != PIECE_STAT && ref.kind != PIECE_FLAG && ref.kind != PIECE_DIMENSION) {
        *why = "a condition tests a flag, a stat or a dimension, not the player or the role";
        return false;
    }
    p = skip_blanks(p, end);
    enum cond_op op = COND_HOLDS;
    double number = 0;
    if (p < end) {
        static const struct {
            const char *text;
            enum cond_op op;
        } ops[] = {{"<=", COND_LE}, {">=", COND_GE}, {"==", COND_EQ}, {"~=", COND_NE},
                   {"<", COND_LT},  {">", COND_GT}};
        size_t k = 0;
        while (k < COUNT_OF(ops) && strncmp(p, ops[k].text, strlen(ops[k].text)) != 0)
            k++;
        if (k == COUNT_OF(ops) || subject == SUBJECT_FLAG || negate) {
            *why = subject == SUBJECT_FLAG || negate
                       ? "a flag is tested alone ({if flag} or {if not flag}); a stat or dimension "
                         "may be compared with a number (runway < 3)"
                       : "a condition compares with <, <=, >, >=, == or ~= and a whole number";
            return false;
        }
        op = ops[k].op;
        p = skip_blanks(p + strlen(ops[k].text), end);
        char buf[32], *num_end;
        size_t m = (size_t)(end - p) < sizeof buf - 1 ? (size_t)(end - p) : sizeof buf - 1;
        memcpy(buf, p, m);
        buf[m] = '\0';
        number = strtod(buf, &num_end);
        if (num_end == buf || *num_end || number != floor(number) || fabs(number) > 1e9) {
            *why = "a condition compares with a whole number (from -1000000000 to 1000000000)";
            return false;
        }
    }
    *start = ref.len | ((uint32_t)subject << 16) | ((uint32_t)op << 18) | ((uint32_t)negate << 21);
    *len = (uint32_t)(int32_t)number;
    return true;
}

bool text_condition_holds(const struct piece *p, const struct text_values *v)
{
    uint32_t index = p->start & 0xffff;
    enum cond_subject subject = (enum cond_subject)((p->start >> 16) & 3);
    enum cond_op op = (enum cond_op)((p->start >> 18) & 7);
    bool negate = (p->start >> 21) & 1;
    double value = subject == SUBJECT_FLAG  ? (double)((v->flags[index / 64] >> (index % 64)) & 1)
                   : subject == SUBJECT_STAT ? v->stats[index]
                                             : v->score[index];
    double number = (double)(int32_t)p->len;
    bool holds;
    switch (op) {
    case COND_LT: holds = value < number; break;
    case COND_LE: holds = value <= number; break;
    case COND_GT: holds = value > number; break;
    case COND_GE: holds = value >= number; break;
    case COND_EQ: holds = value == number; break;
    case COND_NE: holds = value != number; break;
    default: holds = value != 0; break;
    }
    return holds != negate;
}

int text_condition_flag(const struct piece *p)
{
    return p->kind == PIECE_IF && ((p->start >> 16) & 3) == SUBJECT_FLAG ? (int)(p->start & 0xffff)
                                                                          : -1;
}

/* State of the parse: spaces and paragraph breaks are emitted lazily, so that
 * texts never start or end with them and runs collapse. */
struct parse_state {
    struct text_builder *b;
    bool content;         /* something emitted in this text */
    bool para_content;    /* something emitted in this paragraph */
    bool pending_space;
    bool pending_para;
    bool emph;            /* emphasis open */
    uint32_t emph_piece;  /* the piece that opened it */
    bool last_was_space;  /* the last emitted character was a space */
    int depth;            /* open {if}s */
    bool has_else[TEXT_MAX_NESTING];
    size_t if_at[TEXT_MAX_NESTING]; /* where each open {if} is, for its error */
};

static void flush_pending(struct parse_state *st)
{
    if (st->pending_para && st->content) {
        push_piece(st->b, PIECE_PARAGRAPH);
        st->para_content = false;
    } else if (st->pending_space && st->para_content) {
        push_literal(st->b, " ", 1);
    }
    st->pending_para = st->pending_space = false;
}

static void emit_text(struct parse_state *st, const char *s, size_t n)
{
    flush_pending(st);
    push_literal(st->b, s, n);
    st->content = st->para_content = true;
    st->last_was_space = false;
}

/* An emphasis opened but never closed in its paragraph was a literal '*'. */
static void close_paragraph(struct parse_state *st)
{
    if (!st->emph)
        return;
    struct piece *p = &st->b->pieces[st->emph_piece];
    p->kind = PIECE_LITERAL;
    p->start = (uint32_t)st->b->chars.len;
    p->len = 1;
    sb_putc(&st->b->chars, '*');
    st->emph = false;
}

/* At src[i] == '{': a {if COND}, {else}, {end} or {COND ? a : b}. Returns
 * the offset after it, 0 when it is none of them (a {name}), -1 on an error
 * (err set). */
static int conditional_piece(struct parse_state *st, const char *src, size_t len, size_t i,
                             text_resolver resolve, const void *ctx, struct text_error *err)
{
    const char *close = memchr(src + i, '}', len - i);
    if (!close)
        return 0;
    const char *body = src + i + 1;
    size_t n = (size_t)(close - body);
    int after = (int)(close - src) + 1;
    const char *why = NULL;
    uint32_t start, number;
    if (n == 4 && memcmp(body, "else", 4) == 0) {
        if (st->depth == 0 || st->has_else[st->depth - 1])
            return fail(err, i, st->depth ? "a second {else} for one {if}" : "{else} without an {if}"), -1;
        st->has_else[st->depth - 1] = true;
        /* Blanks around {else} belong to neither branch. */
        st->pending_space = false;
        push_piece(st->b, PIECE_ELSE);
        return after;
    }
    if (n == 3 && memcmp(body, "end", 3) == 0) {
        if (st->depth == 0)
            return fail(err, i, "{end} without an {if}"), -1;
        st->depth--;
        st->pending_space = false;
        push_piece(st->b, PIECE_END);
        return after;
    }
    const char *q = memchr(body, '?', n);
    if (n > 3 && memcmp(body, "if", 2) == 0 && is_blank(body[2])) {
        if (st->depth == TEXT_MAX_NESTING)
            return fail(err, i, "{if} nests more than 8 deep"), -1;
        if (!parse_condition(body + 3, n - 3, resolve, ctx, &start, &number, &why))
            return fail(err, i, why), -1;
        flush_pending(st);
        struct piece *p = push_piece(st->b, PIECE_IF);
        p->start = start;
        p->len = number;
        st->has_else[st->depth] = false;
        st->if_at[st->depth++] = i;
        st->pending_space = false; /* the space before {if} is out already */
        return after;
    }
    if (q) {
        /* {COND ? this : that}: IF, this, ELSE, that, END. */
        const char *colon = memchr(q, ':', (size_t)(close - q));
        if (!colon)
            return fail(err, i, "{COND ? this : that} needs its ':'"), -1;
        if (!parse_condition(body, (size_t)(q - body), resolve, ctx, &start, &number, &why))
            return fail(err, i, why), -1;
        const char *a = skip_blanks(q + 1, colon), *a_end = colon;
        while (a_end > a && is_blank(a_end[-1]))
            a_end--;
        const char *b = skip_blanks(colon + 1, close), *b_end = close;
        while (b_end > b && is_blank(b_end[-1]))
            b_end--;
        flush_pending(st);
        struct piece *p = push_piece(st->b, PIECE_IF);
        p->start = start;
        p->len = number;
        push_literal(st->b, a, (size_t)(a_end - a));
        push_piece(st->b, PIECE_ELSE);
        push_literal(st->b, b, (size_t)(b_end - b));
        push_piece(st->b, PIECE_END);
        st->content = st->para_content = true;
        return after;
    }
    return 0;
}

/* A newline at *i: a blank line (only blanks until the next newline) ends
 * a paragraph when there are paragraphs; any other is a space. */
static void parse_newline(struct parse_state *st, const char *src, size_t len, bool paragraphs,
                          size_t *i)
{
    size_t j = *i + 1;
    while (j < len && is_blank(src[j]))
        j++;
    if (paragraphs && j < len && src[j] == '\n') {
        close_paragraph(st);
        st->pending_para = true;
        *i = j;
    } else {
        st->pending_space = true;
        (*i)++;
    }
}

/* A '{' at *i: a literal brace ({{), a conditional ({if}, {else}, {end},
 * {COND ? this : that}) or a {name}; *i moves past it. */
static bool parse_brace(struct parse_state *st, const char *src, size_t len, size_t *i,
                        text_resolver resolve, const void *ctx, struct text_error *err)
{
    size_t at = *i;
    if (at + 1 < len && src[at + 1] == '{') {
        emit_text(st, "{", 1);
        *i += 2;
        return true;
    }
    size_t j = at + 1;
    while (j < len && is_name_char(src[j]))
        j++;
    int cond = conditional_piece(st, src, len, at, resolve, ctx, err);
    if (cond < 0)
        return false;
    if (cond > 0) {
        *i = (size_t)cond;
        return true;
    }
    if (j == at + 1 || j >= len || src[j] != '}')
        return fail(err, at, "'{' must start a {name} (write {{ for a literal brace)");
    struct piece ref;
    if (!resolve || !resolve(ctx, src + at + 1, j - at - 1, &ref)) {
        char msg[200];
        snprintf(msg, sizeof msg, "unknown name {%.*s}: not a stat, dimension, flag, player or "
                 "role (write {{ for a literal brace)", (int)(j - at - 1 > 64 ? 64 : j - at - 1), src + at + 1);
        return fail(err, at, msg);
    }
    flush_pending(st);
    struct piece *p = push_piece(st->b, (enum piece_kind)ref.kind);
    p->len = ref.len;
    st->content = st->para_content = true;
    st->last_was_space = false;
    *i = j + 1;
    return true;
}

/* A '*' at i: opens emphasis before a solid character, closes an open
 * one that holds something, else is a literal star. */
static void parse_star(struct parse_state *st, const char *src, size_t len, size_t i)
{
    bool next_solid = i + 1 < len && !is_blank(src[i + 1]) && src[i + 1] != '\n' &&
                      src[i + 1] != '*';
    if (!st->emph && next_solid) {
        flush_pending(st);
        st->emph = true;
        st->emph_piece = st->b->npieces;
        push_piece(st->b, PIECE_EMPHASIS);
    } else if (st->emph && !st->pending_space && st->b->npieces - 1 != st->emph_piece) {
        push_piece(st->b, PIECE_EMPHASIS);
        st->emph = false;
    } else {
        emit_text(st, "*", 1);
    }
}

/* The bytes that are text as they stand: not a blank, newline, brace,
 * star or control character (bytes from 0x80, of UTF-8 sequences, are).
 * A table: the comparisons, byte by byte, were a third of parsing. */
static const bool ordinary[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, /* 0x20 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x30 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x50 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, /* 0x70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x90 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xa0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xb0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xc0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xd0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xe0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xf0 */
};

/* Where the run that starts at the ordinary byte src[i] ends: ordinary
 * bytes, and single spaces between two of them. Such a run is emitted as
 * it stands, one literal, since a single space between words renders as
 * itself; emitting word by word gave the same pieces for about ten times
 * the calls (a fifth of loading the large story's texts). */
static size_t ordinary_run_end(const char *src, size_t len, size_t i)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t j = i + 1;
    for (;;) {
        while (j < len && ordinary[s[j]])
            j++;
        if (j + 1 < len && s[j] == ' ' && ordinary[s[j + 1]])
            j += 2;
        else
            return j;
    }
}

bool text_parse(struct text_builder *b, const char *src, size_t len, bool paragraphs,
                text_resolver resolve, const void *ctx, struct text_error *err)
{
    sb_clear(&b->chars);
    b->npieces = 0;
    size_t bad;
    if (!utf8_valid(src, len, &bad))
        return fail(err, bad, memchr(src, 0, len) ? "NUL byte in text" : "invalid UTF-8 in text");
    uint32_t control;
    if (utf8_find_control(src, len, true, &bad, &control))
        return fail(err, bad, "a control character in text (terminal controls and bidi overrides "
                              "are not allowed)");

    struct parse_state st = {.b = b};
    size_t i = 0;
    while (i < len) {
        char c = src[i];
        if (c == '\n') {
            parse_newline(&st, src, len, paragraphs, &i);
        } else if (is_blank(c)) {
            st.pending_space = true;
            i++;
        } else if ((unsigned char)c < 0x20 || c == 0x7f) {
            return fail(err, i, "control character in text");
        } else if (c == '{') {
            if (!parse_brace(&st, src, len, &i, resolve, ctx, err))
                return false;
        } else if (c == '}') {
            emit_text(&st, "}", 1);
            i += (i + 1 < len && src[i + 1] == '}') ? 2 : 1;
        } else if (c == '*') {
            parse_star(&st, src, len, i);
            i++;
        } else {
            size_t j = ordinary_run_end(src, len, i);
            emit_text(&st, src + i, j - i);
            i = j;
        }
    }
    if (st.depth > 0)
        return fail(err, st.if_at[st.depth - 1], "{if ...} without its {end}");
    close_paragraph(&st);
    return true;
}

void text_freeze(struct arena *a, const struct text_builder *b, struct text_template *out)
{
    out->chars = arena_strndup(a, b->chars.data ? b->chars.data : "", b->chars.len);
    struct piece *pieces = arena_alloc(a, sizeof *pieces * (b->npieces ? b->npieces : 1));
    if (b->npieces)
        memcpy(pieces, b->pieces, sizeof *pieces * b->npieces);
    out->pieces = pieces;
    out->npieces = b->npieces;
    /* The usual label or feedback: one literal run. Rendering it is then a copy of
     * chars, without reading the pieces (one cache line less per text shown). */
    bool plain = b->npieces == 0 ||
                 (b->npieces == 1 && b->pieces[0].kind == PIECE_LITERAL && b->pieces[0].start == 0 &&
                  b->pieces[0].len == b->chars.len && strlen(out->chars) == b->chars.len);
    out->plain = plain ? (uint32_t)b->chars.len + 1 : 0;
}

/* Appends to out without terminating it (render_end does): rendering runs for
 * every text and label shown, and a call into sb_append per piece was a
 * noticeable part of taking a choice. */
static inline void render_put(struct strbuf *out, const char *s, size_t n)
{
    if (out->len + n >= out->cap)
        sb_reserve(out, n);
    memcpy(out->data + out->len, s, n);
    out->len += n;
}

static inline void render_putc(struct strbuf *out, char c)
{
    if (out->len + 1 >= out->cap)
        sb_reserve(out, 1);
    out->data[out->len++] = c;
}

static inline void render_end(struct strbuf *out)
{
    if (out->data)
        out->data[out->len] = '\0';
}

/* Conditional text while rendering: depth of open {if}s, and the depth
 * whose branch is being skipped (0: none). */
struct branches {
    int depth, skipping;
};

/* Follows an {if}, {else} or {end} piece; false for any other piece. */
static inline bool follow_branch(const struct piece *p, const struct text_values *v,
                                 struct branches *br)
{
    switch ((enum piece_kind)p->kind) {
    case PIECE_IF:
        br->depth++;
        if (!br->skipping && !text_condition_holds(p, v))
            br->skipping = br->depth;
        return true;
    case PIECE_ELSE:
        if (br->skipping == br->depth)
            br->skipping = 0;
        else if (!br->skipping)
            br->skipping = br->depth;
        return true;
    case PIECE_END:
        if (br->skipping == br->depth)
            br->skipping = 0;
        br->depth--;
        return true;
    default: return false;
    }
}

/* A {name}'s value: a stat, a dimension's points, a flag, the player or
 * the role. */
static inline void render_value(const struct piece *p, const struct text_values *v, struct strbuf *out)
{
    char num[64];
    switch ((enum piece_kind)p->kind) {
    case PIECE_STAT:
        format_number(num, sizeof num, v->stats[p->len]);
        render_put(out, num, strlen(num));
        break;
    case PIECE_DIMENSION:
        format_number(num, sizeof num, v->score[p->len]);
        render_put(out, num, strlen(num));
        break;
    case PIECE_FLAG:
        if ((v->flags[p->len / 64] >> (p->len % 64)) & 1)
            render_put(out, "yes", 3);
        else
            render_put(out, "no", 2);
        break;
    case PIECE_PLAYER:
        render_put(out, v->player ? v->player : "", v->player ? strlen(v->player) : 0);
        break;
    case PIECE_ROLE:
        render_put(out, v->role ? v->role : "", v->role ? strlen(v->role) : 0);
        break;
    default:
        break;
    }
}

void text_render_pieces(const char *chars, const struct piece *pieces, uint32_t npieces,
                        const struct text_values *v, struct strbuf *out)
{
    bool emph = false;
    struct branches br = {0, 0};
    bool conditional = false;
    size_t first = out->len;
    for (uint32_t i = 0; i < npieces; i++) {
        const struct piece *p = &pieces[i];
        if (follow_branch(p, v, &br)) {
            conditional = true; /* {else} and {end} only ever follow an {if} */
            continue;
        }
        if (br.skipping)
            continue;
        switch ((enum piece_kind)p->kind) {
        case PIECE_LITERAL:
            /* A branch left out can leave a space at the start or two in a
             * row: the parser placed spaces for the text with every branch. */
            if (conditional && chars[p->start] == ' ' &&
                (out->len == first || out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n'))
                render_put(out, chars + p->start + 1, p->len - 1);
            else
                render_put(out, chars + p->start, p->len);
            break;
        case PIECE_EMPHASIS:
            emph = !emph;
            render_putc(out, emph ? TEXT_EMPH_ON : TEXT_EMPH_OFF);
            break;
        case PIECE_PARAGRAPH:
            if (emph) {
                render_putc(out, TEXT_EMPH_OFF);
                emph = false;
            }
            render_putc(out, '\n');
            break;
        default:
            render_value(p, v, out);
            break;
        }
    }
    if (conditional)
        while (out->len > first && out->data[out->len - 1] == ' ')
            out->len--;
    if (emph)
        render_putc(out, TEXT_EMPH_OFF);
    render_end(out);
}

void text_render(const struct text_template *t, const struct text_values *v, struct strbuf *out)
{
    if (t->plain) {
        if (t->plain > 1) {
            render_put(out, t->chars, t->plain - 1);
            render_end(out);
        }
        return;
    }
    text_render_pieces(t->chars, t->pieces, t->npieces, v, out);
}


void text_plain(const char *rendered, const char *para_sep, struct strbuf *out)
{
    for (const char *p = rendered; *p; p++) {
        if (*p == TEXT_EMPH_ON || *p == TEXT_EMPH_OFF)
            continue;
        if (*p == '\n')
            sb_puts(out, para_sep);
        else
            sb_putc(out, *p);
    }
}

bool text_is_static(const struct text_template *t)
{
    if (callback_present(t->fn))
        return false;
    for (uint32_t i = 0; i < t->npieces; i++)
        if (t->pieces[i].kind != PIECE_LITERAL && t->pieces[i].kind != PIECE_EMPHASIS &&
            t->pieces[i].kind != PIECE_PARAGRAPH)
            return false;
    return true;
}

size_t text_word_end(const char *s, size_t n)
{
    uint32_t prev = 0;
    size_t i = 0;
    while (i < n && s[i] != ' ') {
        if (s[i] == TEXT_EMPH_ON || s[i] == TEXT_EMPH_OFF) {
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(s + i, &cp);
        if (prev && utf8_may_break(prev, cp))
            break;
        prev = cp;
        i += (size_t)len;
    }
    return i;
}
