/*
 * syntax_hint.c: a missing ',' between fields, found from Lua's own message.
 *
 * Lua reports a missing ',' at the token after it, on the next line, as
 * "'}' expected (to close '{' at line 40) near 'effects'": the author reads
 * that a '}' is missing somewhere. The ',' belongs at the end of the last
 * line of code before that token, which is what the rewritten message names.
 * When that token is a declaration at the start of its line (scene "b"), a
 * '}' is what is missing: the message names the '{' left open.
 *
 * Run-time errors get the same care: Lua's "attempt to index a nil value
 * (field 'stat')" is followed by what it means for an author.
 */
#include "syntax_hint.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../util.h"

/* Where line number `line` (1-based) starts in src, or NULL. */
static const char *line_start(const char *src, size_t len, int line)
{
    const char *p = src, *end = src + len;
    for (int l = 1; l < line; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return NULL;
        p++;
    }
    return p;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Bytes of the line from start up to stop that are code: a '--' comment
 * outside a string is cut off, then trailing blanks. */
static size_t code_length(const char *start, const char *stop)
{
    char quote = 0;
    size_t n = (size_t)(stop - start), code = n;
    for (size_t i = 0; i < n; i++) {
        char c = start[i];
        if (quote) {
            if (c == '\\')
                i++;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '-' && i + 1 < n && start[i + 1] == '-') {
            code = i;
            break;
        }
    }
    while (code > 0 && (start[code - 1] == ' ' || start[code - 1] == '\t' || start[code - 1] == '\r'))
        code--;
    return code;
}

void syntax_hint_missing_comma(const char *src, size_t len, struct diag *err)
{
    int opened = 0;
    char token[64];
    if (sscanf(err->message, "'}' expected (to close '{' at line %d) near '%63[^']'", &opened, token) != 2 &&
        sscanf(err->message, "'}' expected near '%63[^']'", token) != 1)
        return;
    /* Only a token that starts a field or an item: a name, a '{', a '['. */
    bool is_name = name_char(token[0]) && !(token[0] >= '0' && token[0] <= '9');
    if (!is_name && strcmp(token, "{") != 0 && strcmp(token, "[") != 0)
        return;
    const char *here = line_start(src, len, err->line);
    if (!here)
        return;
    const char *eol = memchr(here, '\n', (size_t)(src + len - here));
    if (!eol)
        eol = src + len;
    /* The token's first place on its line that is not inside a longer name. */
    size_t tlen = strlen(token);
    const char *at = NULL;
    for (const char *p = here; p + tlen <= eol && !at; p++)
        if (memcmp(p, token, tlen) == 0 && (!is_name || ((p == here || !name_char(p[-1])) &&
                                                         (p + tlen == eol || !name_char(p[tlen])))))
            at = p;
    if (!at)
        return;
    /* A declaration at the start of a line (scene "b" { ...) inside a table
     * is a '}' missing before it, not a ','. */
    static const char *const declarations[] = {"scene", "ending", "scenario", "include"};
    for (size_t i = 0; i < COUNT_OF(declarations); i++) {
        if (at == here && strcmp(token, declarations[i]) == 0 && opened > 0) {
            char message[sizeof err->message];
            str_format(message, sizeof message,
                       "this '{' is never closed: its '}' is missing (Lua noticed at '%s' on line %d)", token,
                       err->line);
            str_copy(err->message, sizeof err->message, message);
            err->line = opened;
            err->col = 0;
            return;
        }
    }
    /* Back to the last code before it: this line's start, then whole lines. */
    int line = err->line;
    const char *start = here;
    size_t code = code_length(here, at);
    while (code == 0 && line > 1) {
        line--;
        start = line_start(src, len, line);
        const char *end = memchr(start, '\n', (size_t)(src + len - start));
        code = code_length(start, end ? end : src + len);
    }
    if (code == 0)
        return;
    /* It must end a value: a name or number, a string, a closing bracket. */
    char last = start[code - 1];
    if (!name_char(last) && !strchr("\"']})", last))
        return;
    char message[sizeof err->message];
    if (line == err->line)
        str_format(message, sizeof message, "a ',' is missing here, before '%s'", token);
    else if (strcmp(token, "{") == 0)
        str_format(message, sizeof message, "a ',' is missing here, before the '{' on line %d", err->line);
    else
        str_format(message, sizeof message, "a ',' is missing here, before '%s' on line %d", token, err->line);
    str_copy(err->message, sizeof err->message, message);
    err->line = line;
    err->col = (int)code + 1;
}

/* The name in "... (field 'x')", "(global 'x')", "(local 'x')" or
 * "(upvalue 'x')" of a Lua message: its kind and the name, or false. */
static bool named_value(const char *msg, char *kind, size_t kcap, char *name, size_t ncap)
{
    static const char *const kinds[] = {"field", "global", "local", "upvalue", "method"};
    for (size_t i = 0; i < COUNT_OF(kinds); i++) {
        char pat[32];
        snprintf(pat, sizeof pat, "(%s '", kinds[i]);
        const char *p = strstr(msg, pat);
        if (!p)
            continue;
        p += strlen(pat);
        const char *e = strchr(p, '\'');
        if (!e)
            return false;
        str_copy(kind, kcap, kinds[i]);
        snprintf(name, ncap, "%.*s", (int)(e - p > 60 ? 60 : e - p), p);
        return true;
    }
    return false;
}

void runtime_hint(struct diag *err)
{
    const char *m = err->message;
    char kind[16] = "", name[64] = "", hint[400] = "";
    bool named = named_value(m, kind, sizeof kind, name, sizeof name);
    bool unknown_name = named && strcmp(name, "?") == 0;
    if (named && strncmp(name, "__", 2) == 0) /* a metamethod: the script is not a slip */
        return;
    if (strstr(m, "attempt to index a nil value")) {
        if (named && !unknown_name && strcmp(kind, "global") == 0)
            snprintf(hint, sizeof hint, "%s is not defined here: in a function, the state is "
                     "game.stats, game.flags, game.score and game.visits", name);
        else if (named && !unknown_name)
            snprintf(hint, sizeof hint, "%s has no value, so nothing can be read from it: check "
                     "the spelling of '%s'", name, name);
        else
            snprintf(hint, sizeof hint, "something on this line has no value (nil), so nothing "
                     "can be read from it: check the spelling of each name before a '.' or '['");
    } else if (strstr(m, "attempt to call a nil value")) {
        if (named && !unknown_name)
            snprintf(hint, sizeof hint, "%s is not a function a scenario can call (see "
                     "docs/authoring.md, \"The game object\")", name);
        else
            snprintf(hint, sizeof hint, "a function called on this line does not exist");
    } else if (strstr(m, "attempt to perform arithmetic on a nil value") ||
               strstr(m, "attempt to concatenate a nil value")) {
        if (named && !unknown_name)
            snprintf(hint, sizeof hint, "%s has no value: if it is a stat, is it declared "
                     "in stats (and spelt the same)?", name);
        else
            snprintf(hint, sizeof hint, "a value used on this line is missing (nil): check "
                     "the names of stats and flags");
    } else if (strstr(m, "attempt to compare") && strstr(m, "nil")) {
        snprintf(hint, sizeof hint, "one side of a comparison is missing (nil): check the "
                 "names of stats on this line");
    }
    if (!hint[0])
        return;
    size_t n = strlen(err->message);
    snprintf(err->message + n, sizeof err->message - n, " (%s)", hint);
}
