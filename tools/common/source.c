#include "source.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/run.h"
#include "core/util.h"

void source_cache_free(struct source_cache *c)
{
    free(c->text);
    if (c->marks) {
        source_marks_free(c->marks);
        free(c->marks);
    }
    memset(c, 0, sizeof *c);
}

const char *source_text(struct source_cache *c, const struct scenario *sc, int file)
{
    if (file < 0 || file >= sc->nfiles)
        return "";
    if (!c->have || c->file != file) {
        source_cache_free(c);
        c->have = true;
        c->file = file;
        struct diag err;
        c->text = file_read_all(sc->files[file].display, LIMIT_FILE_BYTES, &c->len, &err);
    }
    return c->text ? c->text : "";
}

/* A position in a source text, for the two scans below. */
struct walk {
    const char *p;
    int line;
    const char *line_start;
};

/* Skips a long bracket [==[ ... ]==] at w->p (which is at '['), counting its
 * newlines; false when w->p is not one. */
static bool skip_long(struct walk *w, const char *at)
{
    const char *q = at + 1;
    int level = 0;
    while (*q == '=')
        level++, q++;
    if (*q != '[')
        return false;
    /* strcspn steps over the text between newlines and brackets (a long
     * string is most of a scenario's bytes) faster than a loop. */
    for (q++; *(q += strcspn(q, "]\n")); q++) {
        if (*q == '\n') {
            w->line++;
            w->line_start = q + 1;
            continue;
        }
        const char *r = q + 1;
        int l = 0;
        while (*r == '=')
            l++, r++;
        if (l == level && *r == ']') {
            w->p = r + 1;
            return true;
        }
    }
    w->p = q;
    return true;
}

/* Steps over what is not code: a newline (counted), a comment, a long
 * string. True when it stepped over something. */
static bool skip_non_code(struct walk *w)
{
    const char *p = w->p;
    if (*p == '\n') {
        w->line++;
        w->line_start = w->p = p + 1;
        return true;
    }
    if (p[0] == '-' && p[1] == '-') {
        if (p[2] == '[' && skip_long(w, p + 2))
            return true;
        while (*p && *p != '\n')
            p++;
        w->p = p;
        return true;
    }
    return *p == '[' && skip_long(w, p);
}

/* The bytes that end a short string or escape in it. */
static const bool string_stops[256] = {[0] = 1, ['"'] = 1, ['\''] = 1, ['\n'] = 1, ['\\'] = 1};

/* At a quote: the body of the short string [*s, *s + *len), and steps past it. */
static void short_string(struct walk *w, const char **s, size_t *len)
{
    char q = *w->p;
    const char *b = w->p + 1, *e = b;
    for (;;) {
        /* The labels and feedback of a large scenario are most of its short
         * strings' bytes: a table, not three comparisons a byte. */
        while (!string_stops[(unsigned char)*e])
            e++;
        if (!*e || *e == q || *e == '\n')
            break;
        if (*e == '\\' && e[1]) {
            e++;
            if (*e == '\n') { /* the string goes on, on the next line */
                w->line++;
                w->line_start = e + 1;
            }
        }
        e++;
    }
    *s = b;
    *len = (size_t)(e - b);
    w->p = *e == q ? e + 1 : e;
}

/* The walk of string literals from w: fn for those on lines [first, last];
 * when marks is not NULL, each line that starts in code is marked. The walk
 * is (p, line, line_start) alone, so a walk started at a mark makes the same
 * steps from there as one started at line 1. */
static void walk_literals(const char *text, struct walk w, int first, int last, literal_fn fn,
                          void *ctx, struct source_marks *marks)
{
    while (*w.p && w.line <= last) {
        if (marks && w.p == w.line_start && w.line <= marks->nlines)
            marks->offset[w.line] = (int)(w.p - text);
        if (skip_non_code(&w))
            continue;
        if (*w.p == '"' || *w.p == '\'') {
            int line = w.line, col = (int)(w.p - w.line_start) + 1;
            const char *str;
            size_t len;
            short_string(&w, &str, &len);
            if (line >= first && line <= last)
                fn(ctx, str, len, line, col);
            continue;
        }
        w.p++;
    }
}

static void no_literal(void *ctx, const char *s, size_t len, int line, int col)
{
    (void)ctx, (void)s, (void)len, (void)line, (void)col;
}

void source_marks_build(const char *text, struct source_marks *m)
{
    int lines = 1;
    for (const char *p = text; (p = strchr(p, '\n')); p++)
        lines++;
    m->nlines = lines;
    m->offset = xmalloc(sizeof *m->offset * ((size_t)lines + 1));
    for (int i = 0; i <= lines; i++)
        m->offset[i] = -1;
    walk_literals(text, (struct walk){text, 1, text}, INT_MAX, INT_MAX, no_literal, NULL, m);
}

void source_marks_free(struct source_marks *m)
{
    free(m->offset);
    memset(m, 0, sizeof *m);
}

void source_literals(const char *text, const struct source_marks *marks, int first, int last,
                     literal_fn fn, void *ctx)
{
    struct walk w = {text, 1, text};
    if (marks) {
        int line = first < marks->nlines ? first : marks->nlines;
        while (line > 1 && marks->offset[line] < 0)
            line--;
        if (line > 1)
            w = (struct walk){text + marks->offset[line], line, text + marks->offset[line]};
    }
    walk_literals(text, w, first, last, fn, ctx, NULL);
}

void source_file_literals(struct source_cache *c, const struct scenario *sc, int file, int first,
                          int last, literal_fn fn, void *ctx)
{
    const char *text = source_text(c, sc, file);
    if (c->text && !c->marks) {
        c->marks = xcalloc(1, sizeof *c->marks);
        source_marks_build(c->text, c->marks);
    }
    source_literals(text, c->marks, first, last, fn, ctx);
}

/* Letters, digits and '_', as designated initializers of a table of
 * bytes (the bytes of a name, and of where the walk below stops). */
#define NAME_BYTES                                                                          \
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, \
    ['8'] = 1, ['9'] = 1, ['_'] = 1,                                                        \
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, \
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, \
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, \
    ['y'] = 1, ['z'] = 1,                                                                   \
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, \
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, \
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, \
    ['Y'] = 1, ['Z'] = 1

/* A table, as every byte of the sources is classified. */
static const bool name_chars[256] = {NAME_BYTES};

static bool name_char(char c)
{
    return name_chars[(unsigned char)c];
}

/* The bytes the walk of accesses stops at: a name's, the end, a newline,
 * '-', '[' and the quotes. */
static const bool walk_stops[256] = {
    NAME_BYTES, [0] = 1, ['\n'] = 1, ['-'] = 1, ['['] = 1, ['"'] = 1, ['\''] = 1,
};

static bool assigned_after(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p[0] == '=' && p[1] != '=';
}

/* For `.WORD` at p (p[-1] == '.'), ending at q: when the statement is
 * `local NAME = OBJECT.WORD` alone on its line, NAME (an alias to follow). */
static bool local_alias(const char *text, const char *p, const char *q, char *name, size_t cap)
{
    while (*q == ' ' || *q == '\t' || *q == '\r' || *q == ';')
        q++;
    if (*q && *q != '\n' && !(q[0] == '-' && q[1] == '-'))
        return false;
    const char *b = p - 1; /* the '.' */
    while (b > text && name_char(b[-1]))
        b--;
    while (b > text && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    if (b <= text + 1 || b[-1] != '=' || strchr("=~<>", b[-2]))
        return false;
    b--;
    while (b > text && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    const char *end = b;
    while (b > text && name_char(b[-1]))
        b--;
    size_t len = (size_t)(end - b);
    if (len == 0 || len >= cap || (*b >= '0' && *b <= '9'))
        return false;
    const char *n = b;
    while (b > text && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    if (b - text < 5 || strncmp(b - 5, "local", 5) != 0 || (b - 5 > text && name_char(b[-6])))
        return false;
    memcpy(name, n, len);
    name[len] = '\0';
    return true;
}

static void accesses(const char *text, const struct source_word *words, int nwords, int depth);

void source_accesses(const char *text, const char *word, access_fn fn, void *ctx)
{
    struct source_word w = {word, fn, ctx};
    accesses(text, &w, 1, 0);
}

void source_accesses_each(const char *text, const struct source_word *words, int nwords)
{
    accesses(text, words, nwords, 0);
}

/* The word of words that the name [p, e) is, or NULL. */
static const struct source_word *word_at(const char *p, const char *e, const struct source_word *words,
                                         int nwords)
{
    size_t n = (size_t)(e - p);
    for (int i = 0; i < nwords; i++)
        if (words[i].word[0] == *p && strlen(words[i].word) == n && memcmp(p, words[i].word, n) == 0)
            return &words[i];
    return NULL;
}

/* One walk of the text for every word. A name is stepped over whole: a word
 * only counts where no name character comes before it, and every use below
 * needs the name to end where the word does, so a word is found exactly
 * where a name is the word. depth: 1 while following an alias (whose own
 * aliases are not followed). */
static void accesses(const char *text, const struct source_word *words, int nwords, int depth)
{
    /* The first letters of the words: a name that starts otherwise is none. */
    bool starts[256] = {false};
    for (int i = 0; i < nwords; i++)
        starts[(unsigned char)words[i].word[0]] = true;
    struct walk w = {text, 1, text};
    while (*w.p) {
        /* Blanks and punctuation are stepped over: only a name, a newline,
         * '-', '[', a quote or the end is looked at (this walk goes over
         * every byte of a scenario's code, twice for lint). */
        while (!walk_stops[(unsigned char)*w.p])
            w.p++;
        if (!*w.p)
            break;
        const char *p = w.p;
        if (!name_char(*p)) {
            /* Only a newline, '-' or '[' can start what is not code. */
            if ((*p == '\n' || *p == '-' || *p == '[') && skip_non_code(&w))
                continue;
            if (*p == '"' || *p == '\'') {
                const char *str;
                size_t len;
                short_string(&w, &str, &len);
                continue;
            }
            w.p++;
            continue;
        }
        const char *q = p;
        while (name_char(*q))
            q++;
        const struct source_word *word = starts[(unsigned char)*p] && (p == text || !name_char(p[-1]))
                                             ? word_at(p, q, words, nwords)
                                             : NULL;
        if (word) {
            access_fn fn = word->fn;
            void *ctx = word->ctx;
            if (*q == '.' && name_char(q[1])) {
                const char *n = q + 1, *e = n;
                while (name_char(*e))
                    e++;
                fn(ctx, n, (size_t)(e - n), assigned_after(e), w.line, (int)(n - w.line_start) + 1);
                w.p = e;
                continue;
            }
            if (q[0] == '[' && (q[1] == '"' || q[1] == '\'')) {
                char quote = q[1];
                const char *n = q + 2, *e = n;
                while (*e && *e != quote && *e != '\n')
                    e++;
                if (*e == quote && e[1] == ']') {
                    fn(ctx, n, (size_t)(e - n), assigned_after(e + 2), w.line,
                       (int)(n - w.line_start) + 1);
                    w.p = e + 2;
                    continue;
                }
            }
            if (p > text && p[-1] == '.' && !name_char(*q)) {
                /* A computed key tells whether it is assigned; anything
                 * else (an alias not followed, an argument) may be both. */
                bool assigned = true;
                char alias[64];
                if (*q == '[') {
                    const char *e = q;
                    while (*e && *e != ']' && *e != '\n')
                        e++;
                    assigned = *e == ']' && assigned_after(e + 1);
                } else if (depth == 0 && local_alias(text, p, q, alias, sizeof alias)) {
                    struct source_word aw = {alias, fn, ctx};
                    accesses(text, &aw, 1, 1);
                    w.p = q;
                    continue;
                }
                fn(ctx, NULL, 0, assigned, w.line, (int)(p - w.line_start) + 1);
                w.p = q;
                continue;
            }
        }
        w.p = q;
    }
}
