#include "text.h"

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

bool text_parse(struct text_builder *b, const char *src, size_t len, bool paragraphs,
                text_resolver resolve, void *ctx, struct text_error *err)
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
            /* A blank line (only blanks until the next newline) ends a paragraph. */
            size_t j = i + 1;
            while (j < len && is_blank(src[j]))
                j++;
            if (paragraphs && j < len && src[j] == '\n') {
                close_paragraph(&st);
                st.pending_para = true;
                i = j;
            } else {
                st.pending_space = true;
                i++;
            }
            continue;
        }
        if (is_blank(c)) {
            st.pending_space = true;
            i++;
            continue;
        }
        if ((unsigned char)c < 0x20 || c == 0x7f)
            return fail(err, i, "control character in text");
        if (c == '{') {
            if (i + 1 < len && src[i + 1] == '{') {
                emit_text(&st, "{", 1);
                i += 2;
                continue;
            }
            size_t j = i + 1;
            while (j < len && is_name_char(src[j]))
                j++;
            if (j == i + 1 || j >= len || src[j] != '}')
                return fail(err, i, "'{' must start a {name} (write {{ for a literal brace)");
            struct piece ref;
            if (!resolve || !resolve(ctx, src + i + 1, j - i - 1, &ref)) {
                char msg[200];
                snprintf(msg, sizeof msg, "unknown name {%.*s}: not a stat, dimension, flag, player or "
                         "role (write {{ for a literal brace)", (int)(j - i - 1 > 64 ? 64 : j - i - 1), src + i + 1);
                return fail(err, i, msg);
            }
            flush_pending(&st);
            struct piece *p = push_piece(b, (enum piece_kind)ref.kind);
            p->len = ref.len;
            st.content = st.para_content = true;
            st.last_was_space = false;
            i = j + 1;
            continue;
        }
        if (c == '}') {
            emit_text(&st, "}", 1);
            i += (i + 1 < len && src[i + 1] == '}') ? 2 : 1;
            continue;
        }
        if (c == '*') {
            bool next_solid = i + 1 < len && !is_blank(src[i + 1]) && src[i + 1] != '\n' &&
                              src[i + 1] != '*';
            if (!st.emph && next_solid) {
                flush_pending(&st);
                st.emph = true;
                st.emph_piece = b->npieces;
                push_piece(b, PIECE_EMPHASIS);
                i++;
                continue;
            }
            if (st.emph && !st.pending_space && st.b->npieces - 1 != st.emph_piece) {
                push_piece(b, PIECE_EMPHASIS);
                st.emph = false;
                i++;
                continue;
            }
            emit_text(&st, "*", 1);
            i++;
            continue;
        }
        /* A run of ordinary bytes. */
        size_t j = i + 1;
        while (j < len && !is_blank(src[j]) && src[j] != '\n' && src[j] != '{' &&
               src[j] != '}' && src[j] != '*' && (unsigned char)src[j] >= 0x20 && src[j] != 0x7f)
            j++;
        emit_text(&st, src + i, j - i);
        i = j;
    }
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

void text_render_pieces(const char *chars, const struct piece *pieces, uint32_t npieces,
                        const struct text_values *v, struct strbuf *out)
{
    bool emph = false;
    char num[64];
    for (uint32_t i = 0; i < npieces; i++) {
        const struct piece *p = &pieces[i];
        switch ((enum piece_kind)p->kind) {
        case PIECE_LITERAL:
            render_put(out, chars + p->start, p->len);
            break;
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
        }
    }
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
