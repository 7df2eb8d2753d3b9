#include "source.h"

#include <stdlib.h>
#include <string.h>

#include "core/run.h"
#include "core/util.h"

void source_cache_free(struct source_cache *c)
{
    for (int i = 0; i < LIMIT_FILES; i++)
        free(c->text[i]);
    memset(c, 0, sizeof *c);
}

const char *source_text(struct source_cache *c, const struct scenario *sc, int file)
{
    if (file < 0 || file >= sc->nfiles)
        return "";
    if (!c->tried[file]) {
        c->tried[file] = true;
        struct diag err;
        c->text[file] = file_read_all(sc->files[file].display, LIMIT_FILE_BYTES, &c->len[file], &err);
    }
    return c->text[file] ? c->text[file] : "";
}

/* Skips a long bracket [==[ ... ]==] starting at p (which is at '['); returns
 * NULL when p is not one. Counts newlines into *line. */
static const char *skip_long(const char *p, int *line)
{
    const char *q = p + 1;
    int level = 0;
    while (*q == '=')
        level++, q++;
    if (*q != '[')
        return NULL;
    q++;
    for (; *q; q++) {
        if (*q == '\n')
            (*line)++;
        if (*q == ']') {
            const char *r = q + 1;
            int l = 0;
            while (*r == '=')
                l++, r++;
            if (l == level && *r == ']')
                return r + 1;
        }
    }
    return q;
}

void source_literals(const char *text, int first, int last, literal_fn fn, void *ctx)
{
    int line = 1;
    const char *line_start = text;
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            line++;
            line_start = ++p;
            if (line > last)
                return;
            continue;
        }
        if (p[0] == '-' && p[1] == '-') {
            if (p[2] == '[') {
                int l = line;
                const char *e = skip_long(p + 2, &l);
                if (e) {
                    line = l;
                    p = e;
                    continue;
                }
            }
            while (*p && *p != '\n')
                p++;
            continue;
        }
        if (*p == '[') {
            int l = line;
            const char *e = skip_long(p, &l);
            if (e) {
                line = l;
                p = e;
                continue;
            }
        }
        if (*p == '"' || *p == '\'') {
            char q = *p;
            const char *s = p + 1, *e = s;
            while (*e && *e != q && *e != '\n') {
                if (*e == '\\' && e[1])
                    e++;
                e++;
            }
            if (line >= first && line <= last)
                fn(ctx, s, (size_t)(e - s), line, (int)(p - line_start) + 1);
            p = *e == q ? e + 1 : e;
            continue;
        }
        p++;
    }
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool assigned_after(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p[0] == '=' && p[1] != '=';
}

void source_accesses(const char *text, const char *word, access_fn fn, void *ctx)
{
    size_t wl = strlen(word);
    int line = 1;
    const char *line_start = text;
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            line++;
            line_start = ++p;
            continue;
        }
        if (p[0] == '-' && p[1] == '-') {
            if (p[2] == '[') {
                int l = line;
                const char *e = skip_long(p + 2, &l);
                if (e) {
                    line = l;
                    p = e;
                    continue;
                }
            }
            while (*p && *p != '\n')
                p++;
            continue;
        }
        if (*p == '[') {
            int l = line;
            const char *e = skip_long(p, &l);
            if (e) {
                line = l;
                p = e;
                continue;
            }
        }
        if (*p == '"' || *p == '\'') {
            char q = *p++;
            while (*p && *p != q && *p != '\n') {
                if (*p == '\\' && p[1])
                    p++;
                p++;
            }
            if (*p == q)
                p++;
            continue;
        }
        if (strncmp(p, word, wl) == 0 && (p == text || !name_char(p[-1]))) {
            const char *q = p + wl;
            if (*q == '.' && name_char(q[1])) {
                const char *n = q + 1, *e = n;
                while (name_char(*e))
                    e++;
                fn(ctx, n, (size_t)(e - n), assigned_after(e), line, (int)(n - line_start) + 1);
                p = e;
                continue;
            }
            if (q[0] == '[' && (q[1] == '"' || q[1] == '\'')) {
                char quote = q[1];
                const char *n = q + 2, *e = n;
                while (*e && *e != quote && *e != '\n')
                    e++;
                if (*e == quote && e[1] == ']') {
                    fn(ctx, n, (size_t)(e - n), assigned_after(e + 2), line,
                       (int)(n - line_start) + 1);
                    p = e + 2;
                    continue;
                }
            }
        }
        p++;
    }
}
