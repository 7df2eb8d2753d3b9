/*
 * lua_lex.h: a forgiving tokenizer of Lua source, for the language server.
 *
 * The server needs to know what is under the cursor and where an id is
 * written, in text an author is still typing: the tokenizer never fails. An
 * unterminated short string ends at its line's end, an unterminated long
 * string or comment at the end of the text. Comments are skipped. Tokens
 * hold byte offsets into the text; nothing is copied.
 */
#ifndef SCALEUP_LUA_LEX_H
#define SCALEUP_LUA_LEX_H

#include <stdbool.h>
#include <stddef.h>

enum lex_kind {
    LEX_NAME,   /* an identifier or keyword */
    LEX_STRING, /* a string literal; body is its contents between the quotes */
    LEX_NUMBER,
    LEX_PUNCT, /* one punctuation character, or '..', '==', '~=', '<=', '>=', '::' */
};

struct lex_token {
    enum lex_kind kind;
    size_t start, end;           /* the token's bytes, quotes included */
    size_t body_start, body_end; /* LEX_STRING: the contents; else as start, end */
    bool unterminated;           /* LEX_STRING reaching its line's (or the text's) end */
};

struct lex_tokens {
    struct lex_token *items;
    size_t count, cap;
};

/* Tokenizes text[0, len). The list is reset first. */
void lex_tokenize(const char *text, size_t len, struct lex_tokens *out);
void lex_tokens_free(struct lex_tokens *t);

/* The index of the token whose bytes contain offset (its end included, so a
 * cursor just after a word finds the word), or -1. */
long lex_token_at(const struct lex_tokens *t, size_t offset);

/* True when token i is a name or punctuation equal to word. */
bool lex_is(const char *text, const struct lex_token *tok, const char *word);

#endif
