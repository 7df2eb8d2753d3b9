/*
 * lua_lex.c: see lua_lex.h. Follows Lua 5.4's llex.c for what starts and
 * ends each token, without its errors.
 */
#include "lua_lex.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static void push(struct lex_tokens *t, struct lex_token tok)
{
    if (t->count == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->items = xrealloc(t->items, t->cap * sizeof *t->items);
    }
    t->items[t->count++] = tok;
}

/* At text[i] == '[': the level of a long bracket ([[ is 0, [==[ is 2), or -1
 * when this '[' opens none. */
static int long_bracket_level(const char *text, size_t len, size_t i)
{
    size_t j = i + 1;
    int level = 0;
    while (j < len && text[j] == '=') {
        level++;
        j++;
    }
    return j < len && text[j] == '[' ? level : -1;
}

/* The offset just past the long bracket's close ]==], or len. *body_end is
 * where its contents end. */
static size_t skip_long(const char *text, size_t len, size_t i, int level, size_t *body_end,
                        bool *unterminated)
{
    for (size_t j = i; j < len; j++) {
        if (text[j] != ']')
            continue;
        size_t k = j + 1;
        int n = 0;
        while (k < len && text[k] == '=') {
            n++;
            k++;
        }
        if (n == level && k < len && text[k] == ']') {
            *body_end = j;
            *unterminated = false;
            return k + 1;
        }
    }
    *body_end = len;
    *unterminated = true;
    return len;
}

void lex_tokenize(const char *text, size_t len, struct lex_tokens *out)
{
    out->count = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (isspace(c)) {
            i++;
            continue;
        }
        if (c == '-' && i + 1 < len && text[i + 1] == '-') {
            i += 2;
            int level = i < len && text[i] == '[' ? long_bracket_level(text, len, i) : -1;
            if (level >= 0) {
                size_t body_end;
                bool open;
                i = skip_long(text, len, i + (size_t)level + 2, level, &body_end, &open);
            } else {
                while (i < len && text[i] != '\n')
                    i++;
            }
            continue;
        }
        struct lex_token tok = {LEX_PUNCT, i, i + 1, i, i + 1, false};
        if (c == '"' || c == '\'') {
            size_t j = i + 1;
            tok.kind = LEX_STRING;
            tok.body_start = j;
            tok.unterminated = true;
            while (j < len && text[j] != '\n') {
                if (text[j] == '\\' && j + 1 < len) {
                    j += 2;
                    continue;
                }
                if (text[j] == (char)c) {
                    tok.unterminated = false;
                    break;
                }
                j++;
            }
            tok.body_end = j < len ? j : len;
            tok.end = tok.unterminated ? tok.body_end : j + 1;
        } else if (c == '[' && long_bracket_level(text, len, i) >= 0) {
            int level = long_bracket_level(text, len, i);
            tok.kind = LEX_STRING;
            tok.body_start = i + (size_t)level + 2;
            tok.end = skip_long(text, len, tok.body_start, level, &tok.body_end, &tok.unterminated);
        } else if (isalpha(c) || c == '_' || c >= 0x80) {
            size_t j = i;
            while (j < len && (isalnum((unsigned char)text[j]) || text[j] == '_' ||
                               (unsigned char)text[j] >= 0x80))
                j++;
            tok.kind = LEX_NAME;
            tok.end = tok.body_end = j;
        } else if (isdigit(c) || (c == '.' && i + 1 < len && isdigit((unsigned char)text[i + 1]))) {
            size_t j = i;
            while (j < len && (isalnum((unsigned char)text[j]) || text[j] == '.' ||
                               ((text[j] == '+' || text[j] == '-') && j > i &&
                                strchr("eEpP", text[j - 1]))))
                j++;
            tok.kind = LEX_NUMBER;
            tok.end = tok.body_end = j;
        } else if (i + 1 < len && strchr(".=~<>:", c) && (text[i + 1] == '=' || text[i + 1] == c) &&
                   !(c == '=' && text[i + 1] != '=')) {
            tok.end = tok.body_end = i + 2;
        }
        push(out, tok);
        i = tok.end > i ? tok.end : i + 1;
    }
}

void lex_tokens_free(struct lex_tokens *t)
{
    free(t->items);
    t->items = NULL;
    t->count = t->cap = 0;
}

long lex_token_at(const struct lex_tokens *t, size_t offset)
{
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->items[mid].end < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->count && t->items[lo].start <= offset && offset <= t->items[lo].end)
        return (long)lo;
    return -1;
}

bool lex_is(const char *text, const struct lex_token *tok, const char *word)
{
    size_t n = strlen(word);
    return tok->kind != LEX_STRING && tok->end - tok->start == n &&
           memcmp(text + tok->start, word, n) == 0;
}
