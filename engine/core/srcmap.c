#include "srcmap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum tok {
    T_EOF,
    T_NAME,
    T_STRING,
    T_NUMBER,
    T_LBRACE,
    T_RBRACE,
    T_LPAREN,
    T_RPAREN,
    T_LBRACKET,
    T_RBRACKET,
    T_ASSIGN, /* = (not ==) */
    T_COMMA,  /* , or ; inside constructors */
    T_OTHER,
};

struct token {
    enum tok kind;
    const char *start;
    size_t len;
    uint32_t line, col;
    bool long_string;
    bool first_newline;
    const char *str; /* T_STRING: the contents (escapes not decoded) */
    size_t strlen;
};

struct lexer {
    const char *buf, *p, *end;
    uint32_t line;
    const char *line_start;
};

static void newline(struct lexer *lx, const char *after)
{
    lx->line++;
    lx->line_start = after;
}

/* Skips a "\r\n", "\n\r", "\n" or "\r" at p; returns the pointer after it. */
static const char *skip_newline(struct lexer *lx, const char *p)
{
    char c = *p++;
    if (p < lx->end && (*p == '\n' || *p == '\r') && *p != c)
        p++;
    newline(lx, p);
    return p;
}

/* At '[': the level of a long bracket [==[ or -1 when it is not one. */
static int long_bracket_level(const char *p, const char *end)
{
    const char *q = p + 1;
    int level = 0;
    while (q < end && *q == '=')
        level++, q++;
    return (q < end && *q == '[') ? level : -1;
}

/* Skips a long bracket body starting at the opening '['; returns after the
 * closing bracket (or the end). */
static const char *skip_long(struct lexer *lx, const char *p, int level)
{
    p += (size_t)level + 2;
    while (p < lx->end) {
        if (*p == ']') {
            const char *q = p + 1;
            int l = 0;
            while (q < lx->end && *q == '=')
                l++, q++;
            if (l == level && q < lx->end && *q == ']')
                return q + 1;
            p++;
        } else if (*p == '\n' || *p == '\r') {
            p = skip_newline(lx, p);
        } else {
            p++;
        }
    }
    return p;
}

static bool is_name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Skips blanks, newlines and comments; false at the end of the buffer. */
static bool skip_blanks_and_comments(struct lexer *lx)
{
    for (;;) {
        while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\f' ||
                                   *lx->p == '\v'))
            lx->p++;
        if (lx->p >= lx->end)
            return false;
        if (*lx->p == '\n' || *lx->p == '\r') {
            lx->p = skip_newline(lx, lx->p);
            continue;
        }
        if (lx->p + 1 < lx->end && lx->p[0] == '-' && lx->p[1] == '-') {
            lx->p += 2;
            int level;
            if (lx->p < lx->end && *lx->p == '[' && (level = long_bracket_level(lx->p, lx->end)) >= 0) {
                lx->p = skip_long(lx, lx->p, level);
            } else {
                while (lx->p < lx->end && *lx->p != '\n' && *lx->p != '\r')
                    lx->p++;
            }
            continue;
        }
        return true;
    }
}

/* A number from s (Lua reports malformed ones): returns the end. */
static const char *number_end(const struct lexer *lx, const char *s)
{
    const char *q = s + 1;
    while (q < lx->end) {
        char d = *q;
        if (is_name_char(d) || d == '.') {
            q++;
        } else if ((d == '+' || d == '-') && (q[-1] == 'e' || q[-1] == 'E' || q[-1] == 'p' ||
                                              q[-1] == 'P')) {
            q++;
        } else {
            break;
        }
    }
    return q;
}

/* A "..." or '...' string from its opening quote at s. */
static void quoted_string(struct lexer *lx, const char *s, struct token *t)
{
    char c = *s;
    const char *q = s + 1;
    while (q < lx->end && *q != c) {
        if (*q == '\\' && q + 1 < lx->end) {
            q++;
            if (*q == '\n' || *q == '\r') {
                q = skip_newline(lx, q);
            } else if (*q == 'z') {
                q++;
                while (q < lx->end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')) {
                    if (*q == '\n' || *q == '\r')
                        q = skip_newline(lx, q);
                    else
                        q++;
                }
            } else {
                q++;
            }
        } else if (*q == '\n' || *q == '\r') {
            break; /* unfinished string: Lua reports it */
        } else {
            q++;
        }
    }
    t->kind = T_STRING;
    t->str = s + 1;
    t->strlen = (size_t)(q - s - 1);
    lx->p = q < lx->end ? q + 1 : q;
}

/* A long string [==[ ... ]==] or a lone '[', from s. */
static void bracket(struct lexer *lx, const char *s, struct token *t)
{
    int level = long_bracket_level(s, lx->end);
    if (level < 0) {
        t->kind = T_LBRACKET;
        lx->p = s + 1;
        return;
    }
    t->kind = T_STRING;
    t->long_string = true;
    t->str = s + level + 2;
    t->first_newline = t->str < lx->end && (*t->str == '\n' || *t->str == '\r');
    lx->p = skip_long(lx, s, level);
    t->strlen = (size_t)(lx->p - t->str) - (lx->p > t->str + level + 2 ? (size_t)level + 2 : 0);
}

/* Punctuation and operators: one character, or two for ==, ~=, <=, >=. */
static void punctuation(struct lexer *lx, const char *s, struct token *t)
{
    lx->p = s + 1;
    switch (*s) {
    case '{': t->kind = T_LBRACE; break;
    case '}': t->kind = T_RBRACE; break;
    case '(': t->kind = T_LPAREN; break;
    case ')': t->kind = T_RPAREN; break;
    case ']': t->kind = T_RBRACKET; break;
    case ',':
    case ';': t->kind = T_COMMA; break;
    case '=':
        if (lx->p < lx->end && *lx->p == '=') {
            lx->p++;
            t->kind = T_OTHER;
        } else {
            t->kind = T_ASSIGN;
        }
        break;
    case '~':
    case '<':
    case '>':
        if (lx->p < lx->end && *lx->p == '=')
            lx->p++;
        t->kind = T_OTHER;
        break;
    default: t->kind = T_OTHER; break;
    }
}

static void next_token(struct lexer *lx, struct token *t)
{
    if (!skip_blanks_and_comments(lx)) {
        t->kind = T_EOF;
        t->line = lx->line;
        t->col = (uint32_t)(lx->p - lx->line_start) + 1;
        return;
    }
    const char *s = lx->p;
    t->start = s;
    t->line = lx->line;
    t->col = (uint32_t)(s - lx->line_start) + 1;
    t->long_string = false;
    t->first_newline = false;
    t->str = NULL;
    t->strlen = 0;
    char c = *s;
    if (is_name_start(c)) {
        const char *q = s + 1;
        while (q < lx->end && is_name_char(*q))
            q++;
        t->kind = T_NAME;
        lx->p = q;
    } else if ((c >= '0' && c <= '9') || (c == '.' && s + 1 < lx->end && s[1] >= '0' && s[1] <= '9')) {
        t->kind = T_NUMBER;
        lx->p = number_end(lx, s);
    } else if (c == '"' || c == '\'') {
        quoted_string(lx, s, t);
    } else if (c == '[') {
        bracket(lx, s, t);
    } else {
        punctuation(lx, s, t);
    }
    t->len = (size_t)(lx->p - s);
}

/* A token stream with one token of lookahead. */
struct parser {
    struct lexer lx;
    struct token cur, ahead;
    bool have_ahead;
    struct arena *arena;
    int depth; /* constructor nesting, bounded against hostile files */
};

static void advance(struct parser *ps)
{
    if (ps->have_ahead) {
        ps->cur = ps->ahead;
        ps->have_ahead = false;
    } else {
        next_token(&ps->lx, &ps->cur);
    }
}

static const struct token *peek(struct parser *ps)
{
    if (!ps->have_ahead) {
        next_token(&ps->lx, &ps->ahead);
        ps->have_ahead = true;
    }
    return &ps->ahead;
}

static bool name_is(const struct token *t, const char *word)
{
    size_t n = strlen(word);
    return t->kind == T_NAME && t->len == n && memcmp(t->start, word, n) == 0;
}

static int block_delta(const struct token *t)
{
    if (t->kind != T_NAME)
        return 0;
    if (name_is(t, "function") || name_is(t, "if") || name_is(t, "do") || name_is(t, "repeat"))
        return 1;
    if (name_is(t, "end") || name_is(t, "until"))
        return -1;
    return 0;
}

static struct srcnode *parse_constructor(struct parser *ps);

/* Skips one expression inside a constructor: up to a ',' or '}' at depth 0. */
static void skip_value(struct parser *ps)
{
    int depth = 0;
    while (ps->cur.kind != T_EOF) {
        enum tok k = ps->cur.kind;
        if (depth == 0 && (k == T_COMMA || k == T_RBRACE))
            return;
        if (k == T_LBRACE || k == T_LPAREN || k == T_LBRACKET)
            depth++;
        else if (k == T_RBRACE || k == T_RPAREN || k == T_RBRACKET)
            depth--;
        else
            depth += block_delta(&ps->cur);
        if (depth < 0)
            return;
        advance(ps);
    }
}

struct field_list {
    struct srcfield *items;
    int count, cap;
};

static struct srcfield *add_field(struct field_list *fl)
{
    if (fl->count == fl->cap) {
        fl->cap = fl->cap ? fl->cap * 2 : 8;
        fl->items = xrealloc(fl->items, sizeof *fl->items * (size_t)fl->cap);
    }
    struct srcfield *f = &fl->items[fl->count++];
    memset(f, 0, sizeof *f);
    return f;
}

static void parse_value(struct parser *ps, struct srcfield *f)
{
    f->vline = ps->cur.line;
    f->vcol = ps->cur.col;
    f->value_is_string = ps->cur.kind == T_STRING;
    f->value_is_long_string = ps->cur.long_string;
    f->value_first_newline = ps->cur.first_newline;
    if (ps->cur.kind == T_LBRACE) {
        const struct token *next = peek(ps);
        (void)next;
        f->value = parse_constructor(ps);
        /* A constructor followed by more expression (rare) is skipped. */
        skip_value(ps);
    } else {
        skip_value(ps);
    }
}

/* At '{': parses fields up to the matching '}' and moves past it. */
static struct srcnode *parse_constructor(struct parser *ps)
{
    struct srcnode *node = arena_alloc(ps->arena, sizeof *node);
    node->line = ps->cur.line;
    node->col = ps->cur.col;
    if (++ps->depth > 200) {
        skip_value(ps);
        ps->depth--;
        return node;
    }
    advance(ps); /* past '{' */
    struct field_list fl = {0};
    int positional = 0;
    while (ps->cur.kind != T_RBRACE && ps->cur.kind != T_EOF) {
        if (ps->cur.kind == T_COMMA) {
            advance(ps);
            continue;
        }
        /* Every turn of this loop must consume input: on text it cannot
         * follow (a stray ')' or 'end', which Lua reports), step over a
         * token. */
        const char *before = ps->cur.start;
        if (ps->cur.kind == T_RPAREN || ps->cur.kind == T_RBRACKET || block_delta(&ps->cur) < 0) {
            advance(ps);
            continue;
        }
        struct srcfield *f = add_field(&fl);
        f->line = ps->cur.line;
        f->col = ps->cur.col;
        if (ps->cur.kind == T_NAME && peek(ps)->kind == T_ASSIGN) {
            f->key = arena_strndup(ps->arena, ps->cur.start, ps->cur.len);
            f->keylen = ps->cur.len;
            advance(ps);
            advance(ps);
            parse_value(ps, f);
        } else if (ps->cur.kind == T_LBRACKET) {
            /* [expr] = value: a string key is recorded, others skipped. */
            advance(ps);
            if (ps->cur.kind == T_STRING && !ps->cur.long_string && peek(ps)->kind == T_RBRACKET) {
                f->key = arena_strndup(ps->arena, ps->cur.str, ps->cur.strlen);
                f->keylen = ps->cur.strlen;
            }
            int depth = 1;
            while (ps->cur.kind != T_EOF && depth > 0) {
                if (ps->cur.kind == T_LBRACKET)
                    depth++;
                else if (ps->cur.kind == T_RBRACKET)
                    depth--;
                if (depth > 0)
                    advance(ps);
            }
            advance(ps); /* past ']' */
            if (ps->cur.kind == T_ASSIGN)
                advance(ps);
            parse_value(ps, f);
        } else {
            f->index = ++positional;
            parse_value(ps, f);
        }
        if (ps->cur.start == before && ps->cur.kind != T_EOF)
            advance(ps);
    }
    if (ps->cur.kind == T_RBRACE)
        advance(ps);
    node->fields = arena_alloc(ps->arena, sizeof *node->fields * (size_t)(fl.count ? fl.count : 1));
    if (fl.count)
        memcpy(node->fields, fl.items, sizeof *fl.items * (size_t)fl.count);
    node->nfields = fl.count;
    free(fl.items);
    ps->depth--;
    return node;
}

static bool is_call_name(const struct token *t)
{
    return name_is(t, "scene") || name_is(t, "ending") || name_is(t, "scenario") ||
           name_is(t, "playthrough");
}

void srcmap_build(struct arena *a, const char *buf, size_t len, struct srcmap *out)
{
    struct parser ps = {0};
    ps.lx.buf = ps.lx.p = ps.lx.line_start = buf;
    ps.lx.end = buf + len;
    ps.lx.line = 1;
    ps.arena = a;
    /* Skip a first line starting with '#', as Lua does. */
    if (len && buf[0] == '#') {
        while (ps.lx.p < ps.lx.end && *ps.lx.p != '\n')
            ps.lx.p++;
    }
    struct srccall *calls = NULL;
    int ncalls = 0, cap = 0;
    advance(&ps);
    while (ps.cur.kind != T_EOF) {
        if (!is_call_name(&ps.cur) || (peek(&ps)->kind != T_STRING && peek(&ps)->kind != T_LPAREN &&
                                       peek(&ps)->kind != T_LBRACE)) {
            advance(&ps);
            continue;
        }
        struct srccall call = {0};
        call.name = arena_strndup(a, ps.cur.start, ps.cur.len);
        call.line = ps.cur.line;
        call.col = ps.cur.col;
        advance(&ps);
        if (ps.cur.kind == T_STRING) {
            call.arg = arena_strndup(a, ps.cur.str, ps.cur.strlen);
            advance(&ps);
            if (ps.cur.kind == T_LPAREN) /* scene "x" ({...}) */
                advance(&ps);
        } else if (ps.cur.kind == T_LPAREN) {
            advance(&ps);
            if (ps.cur.kind == T_STRING && (peek(&ps)->kind == T_COMMA || peek(&ps)->kind == T_RPAREN)) {
                call.arg = arena_strndup(a, ps.cur.str, ps.cur.strlen);
            }
            /* Find a '{' at depth 1 after a comma, or just after the ')'. */
            int depth = 1;
            bool after_comma = ps.cur.kind == T_LBRACE;
            while (ps.cur.kind != T_EOF && !(depth == 1 && after_comma && ps.cur.kind == T_LBRACE)) {
                if (ps.cur.kind == T_LPAREN || ps.cur.kind == T_LBRACKET || ps.cur.kind == T_LBRACE)
                    depth++;
                else if (ps.cur.kind == T_RPAREN || ps.cur.kind == T_RBRACKET || ps.cur.kind == T_RBRACE)
                    depth--;
                else
                    depth += block_delta(&ps.cur);
                if (depth == 0) {
                    advance(&ps); /* past ')' */
                    break;
                }
                after_comma = depth == 1 && ps.cur.kind == T_COMMA;
                advance(&ps);
            }
        }
        if (ps.cur.kind == T_LBRACE) {
            call.table = parse_constructor(&ps);
            if (ncalls == cap) {
                cap = cap ? cap * 2 : 64;
                calls = xrealloc(calls, sizeof *calls * (size_t)cap);
            }
            calls[ncalls++] = call;
        }
    }
    out->calls = arena_alloc(a, sizeof *calls * (size_t)(ncalls ? ncalls : 1));
    if (ncalls)
        memcpy(out->calls, calls, sizeof *calls * (size_t)ncalls);
    out->ncalls = ncalls;
    free(calls);
}

const struct srcnode *srcmap_call(const struct srcmap *m, const char *name, uint32_t line,
                                  const char *arg)
{
    const struct srcnode *first = NULL;
    for (int i = 0; i < m->ncalls; i++) {
        const struct srccall *c = &m->calls[i];
        if (c->line != line || strcmp(c->name, name) != 0)
            continue;
        if (!arg || !c->arg || strcmp(arg, c->arg) == 0)
            return c->table;
        if (!first)
            first = c->table;
    }
    return first;
}

uint32_t srcmap_call_col(const struct srcmap *m, const char *name, uint32_t line, const char *arg)
{
    uint32_t first = 0;
    for (int i = 0; i < m->ncalls; i++) {
        const struct srccall *c = &m->calls[i];
        if (c->line != line || strcmp(c->name, name) != 0)
            continue;
        if (!arg || !c->arg || strcmp(arg, c->arg) == 0)
            return c->col;
        if (!first)
            first = c->col;
    }
    return first;
}

const struct srcfield *srcmap_field(const struct srcnode *node, const char *key)
{
    if (!node)
        return NULL;
    size_t n = strlen(key);
    /* The first byte before memcmp: many keys have the same length (next,
     * role, text, when, once), and the loader asks for every key of every
     * scene and choice. */
    for (int i = 0; i < node->nfields; i++) {
        const struct srcfield *f = &node->fields[i];
        if (f->key && f->keylen == n && (n == 0 || (f->key[0] == key[0] && memcmp(f->key, key, n) == 0)))
            return f;
    }
    return NULL;
}

const struct srcfield *srcmap_item(const struct srcnode *node, int i)
{
    if (!node)
        return NULL;
    for (int k = 0; k < node->nfields; k++)
        if (!node->fields[k].key && node->fields[k].index == i)
            return &node->fields[k];
    return NULL;
}

static bool is_dot(const struct token *t)
{
    return t->kind == T_OTHER && t->len == 1 && t->start[0] == '.';
}

/* Whether word occurs in buf[0..len) at all (in code or not). */
static bool mentions(const char *buf, size_t len, const char *word)
{
    size_t wlen = strlen(word);
    for (const char *p = buf, *end = buf + len; (size_t)(end - p) >= wlen; p++) {
        p = memchr(p, word[0], (size_t)(end - p) - wlen + 1);
        if (!p)
            return false;
        if (memcmp(p, word, wlen) == 0)
            return true;
    }
    return false;
}

void srcmap_scan_names(const char *buf, size_t len, srcname_fn fn, void *ctx)
{
    /* Every name found follows a `cause` or a `flags` token: a file that
     * does not contain either word (most of a large scenario's files) is
     * not tokenised (this scan was 7 % of loading the large story). */
    if (!mentions(buf, len, "cause") && !mentions(buf, len, "flags"))
        return;
    struct lexer lx = {buf, buf, buf + len, 1, buf};
    if (len && buf[0] == '#')
        while (lx.p < lx.end && *lx.p != '\n')
            lx.p++;
    /* The last five tokens, newest last: enough for `. cause ( "x" )` and
     * `flags [ "x" ] =`. */
    struct token t[5];
    memset(t, 0, sizeof t);
    for (;;) {
        memmove(&t[0], &t[1], sizeof t[0] * 4);
        next_token(&lx, &t[4]);
        if (t[4].kind == T_EOF)
            break;
        /* . cause "x"  (the newest is the string) */
        if (t[4].kind == T_STRING && !t[4].long_string && name_is(&t[3], "cause") && is_dot(&t[2]))
            fn(ctx, SRCNAME_CAUSE, t[4].str, t[4].strlen, t[4].line, t[4].col);
        /* . cause ( "x" ) */
        if (t[4].kind == T_RPAREN && t[3].kind == T_STRING && !t[3].long_string &&
            t[2].kind == T_LPAREN && name_is(&t[1], "cause") && is_dot(&t[0]))
            fn(ctx, SRCNAME_CAUSE, t[3].str, t[3].strlen, t[3].line, t[3].col);
        /* flags . NAME =  */
        if (t[4].kind == T_ASSIGN && t[3].kind == T_NAME && is_dot(&t[2]) && name_is(&t[1], "flags"))
            fn(ctx, SRCNAME_FLAG_SET, t[3].start, t[3].len, t[3].line, t[3].col);
        /* flags [ "NAME" ] = */
        if (t[4].kind == T_ASSIGN && t[3].kind == T_RBRACKET && t[2].kind == T_STRING &&
            t[1].kind == T_LBRACKET && name_is(&t[0], "flags"))
            fn(ctx, SRCNAME_FLAG_SET, t[2].str, t[2].strlen, t[2].line, t[2].col);
    }
}

/* ------------------------------------------------------------ saved maps */

/* A map saved (srcmap_save) is the calls in order, each node after its call
 * or field: numbers as 32-bit words in the machine's order (a saved map is
 * read back only by the same program on the same machine, see
 * script/chunkcache.h), strings as their length then their bytes, a NULL
 * string as length UINT32_MAX. */
enum { SAVED_NULL = UINT32_MAX, SAVED_DEPTH = 256 };

static void put_u32(struct strbuf *out, uint32_t v)
{
    sb_append(out, (const char *)&v, sizeof v);
}

static void put_str(struct strbuf *out, const char *s, size_t len)
{
    put_u32(out, s ? (uint32_t)len : SAVED_NULL);
    if (s)
        sb_append(out, s, len);
}

static void save_node(const struct srcnode *node, struct strbuf *out)
{
    put_u32(out, node->line);
    put_u32(out, node->col);
    put_u32(out, (uint32_t)node->nfields);
    for (int i = 0; i < node->nfields; i++) {
        const struct srcfield *f = &node->fields[i];
        put_str(out, f->key, f->keylen);
        uint32_t v[6] = {(uint32_t)f->index, f->line, f->col, f->vline, f->vcol,
                         (uint32_t)f->value_is_long_string | (uint32_t)f->value_first_newline << 1 |
                             (uint32_t)f->value_is_string << 2 | (uint32_t)(f->value != NULL) << 3};
        sb_append(out, (const char *)v, sizeof v);
        if (f->value)
            save_node(f->value, out);
    }
}

void srcmap_save(const struct srcmap *m, struct strbuf *out)
{
    put_u32(out, (uint32_t)m->ncalls);
    for (int i = 0; i < m->ncalls; i++) {
        const struct srccall *c = &m->calls[i];
        put_str(out, c->name, strlen(c->name));
        put_str(out, c->arg, c->arg ? strlen(c->arg) : 0);
        put_u32(out, c->line);
        put_u32(out, c->col);
        put_u32(out, c->table != NULL);
        if (c->table)
            save_node(c->table, out);
    }
}

struct saved {
    const char *p, *end;
    struct arena *arena;
    bool bad;
};

static uint32_t get_u32(struct saved *s)
{
    uint32_t v = 0;
    if ((size_t)(s->end - s->p) < sizeof v) {
        s->bad = true;
        return 0;
    }
    memcpy(&v, s->p, sizeof v);
    s->p += sizeof v;
    return v;
}

/* A string: a copy when terminated, else its bytes where they are (a
 * field's key, compared by its length: in the saved map, which outlives
 * the map restored from it). */
static const char *get_str(struct saved *s, size_t *len, bool terminated)
{
    uint32_t n = get_u32(s);
    *len = 0;
    if (n == SAVED_NULL || s->bad)
        return NULL;
    if ((size_t)(s->end - s->p) < n) {
        s->bad = true;
        return NULL;
    }
    *len = n;
    s->p += n;
    return terminated ? arena_strndup(s->arena, s->p - n, n) : s->p - n;
}

/* A count of items of at least min bytes each that the rest can hold. */
static int get_count(struct saved *s, size_t min)
{
    uint32_t n = get_u32(s);
    if (n > (size_t)(s->end - s->p) / min)
        s->bad = true;
    return s->bad ? 0 : (int)n;
}

static struct srcnode *restore_node(struct saved *s, int depth)
{
    struct srcnode *node = arena_alloc(s->arena, sizeof *node);
    node->line = get_u32(s);
    node->col = get_u32(s);
    node->nfields = get_count(s, 7 * sizeof(uint32_t));
    node->fields = arena_alloc(s->arena, sizeof *node->fields * (size_t)(node->nfields ? node->nfields : 1));
    for (int i = 0; i < node->nfields && !s->bad; i++) {
        struct srcfield *f = &node->fields[i];
        memset(f, 0, sizeof *f);
        f->key = get_str(s, &f->keylen, false);
        uint32_t v[6];
        if ((size_t)(s->end - s->p) < sizeof v) {
            s->bad = true;
            break;
        }
        memcpy(v, s->p, sizeof v);
        s->p += sizeof v;
        f->index = (int)v[0];
        f->line = v[1];
        f->col = v[2];
        f->vline = v[3];
        f->vcol = v[4];
        f->value_is_long_string = v[5] & 1;
        f->value_first_newline = v[5] >> 1 & 1;
        f->value_is_string = v[5] >> 2 & 1;
        if (v[5] >> 3 & 1) {
            if (depth >= SAVED_DEPTH)
                s->bad = true;
            else
                f->value = restore_node(s, depth + 1);
        }
    }
    return node;
}

bool srcmap_restore(struct arena *a, const char *data, size_t len, struct srcmap *out)
{
    struct saved s = {data, data + len, a, false};
    out->ncalls = get_count(&s, 5 * sizeof(uint32_t));
    out->calls = arena_alloc(a, sizeof *out->calls * (size_t)(out->ncalls ? out->ncalls : 1));
    for (int i = 0; i < out->ncalls && !s.bad; i++) {
        struct srccall *c = &out->calls[i];
        size_t n;
        c->name = get_str(&s, &n, true);
        c->arg = get_str(&s, &n, true);
        c->line = get_u32(&s);
        c->col = get_u32(&s);
        c->table = get_u32(&s) ? restore_node(&s, 0) : NULL;
        if (!c->name)
            s.bad = true;
    }
    if (s.bad || s.p != s.end) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}
