/*
 * lsp_server.h: the language server's state, shared by its parts:
 *   lsp.c        the message loop and the protocol's life cycle
 *   lsp_check.c  checking a scenario: its files as the editor has them,
 *                loaded and linted in the sandbox, diagnostics published
 *   lsp_nav.c    definitions, references, rename, hover, completion,
 *                symbols and code actions
 *
 * A scenario here is a "root": the folder with its main.lua (or a lone .lua
 * file). Open documents belong to the root above them; every change marks
 * the root dirty, and the loop checks dirty roots when the client has
 * nothing more to send.
 */
#ifndef SCALEUP_LSP_SERVER_H
#define SCALEUP_LSP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "core/diag.h"
#include "lua_lex.h"

struct scenario;

/* Bounds on what one client can make the server hold. */
#define LSP_MAX_DOCS 512
#define LSP_MAX_ROOTS 64

struct lsp_doc {
    char *uri;
    char *path;
    char *text;
    size_t len;
    struct lex_tokens tokens;
    int root; /* index into server.roots */
};

/* A file of a root as last published, for clearing and for code actions. */
struct lsp_published {
    char *uri;
    cJSON *diagnostics; /* as sent */
};

struct lsp_root {
    char *folder; /* absolute, no trailing slash */
    char *entry;  /* the file loaded, relative to folder: "main.lua" */
    bool dirty;
    struct scenario *sc; /* the last load that succeeded, for navigation */
    struct lsp_published *published;
    int npublished;
};

struct lsp_server {
    int out; /* where messages go */
    struct lsp_doc docs[LSP_MAX_DOCS];
    int ndocs;
    struct lsp_root roots[LSP_MAX_ROOTS];
    int nroots;
    char *work; /* a private folder for the copies checked */
    unsigned long checks; /* how many scenario checks ran (a test reads it via hover) */
};

/* lsp.c */
void lsp_send(struct lsp_server *s, cJSON *message); /* takes ownership */
void lsp_notify(struct lsp_server *s, const char *method, cJSON *params);
struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri);
/* The text of a root's file: the editor's buffer when open, else the file
 * on disk (read into *owned, which the caller frees). NULL when neither. */
const char *lsp_file_text(struct lsp_server *s, const char *path, size_t *len, char **owned);
/* A protocol range {start, end} of bytes [from, to) of text. */
cJSON *lsp_range(const char *text, size_t len, size_t from, size_t to);

/* lsp_check.c */
/* The root for a file path, found or added; -1 when there is no room. */
int lsp_root_for(struct lsp_server *s, const char *path);
/* Loads and lints a root as the editor has it and publishes diagnostics. */
void lsp_check_root(struct lsp_server *s, int root);
void lsp_root_free(struct lsp_root *r);
/* Removes the server's private folder of copies. */
void lsp_work_remove(struct lsp_server *s);
/* The absolute path of a file of the last good load of a root. */
char *lsp_root_file_path(const struct lsp_root *r, int file);

/* lsp_nav.c: each returns the result of the request (NULL for JSON null). */
cJSON *lsp_definition(struct lsp_server *s, const cJSON *params);
cJSON *lsp_references(struct lsp_server *s, const cJSON *params);
cJSON *lsp_rename(struct lsp_server *s, const cJSON *params, char *why, size_t whycap);
cJSON *lsp_hover(struct lsp_server *s, const cJSON *params);
cJSON *lsp_completion(struct lsp_server *s, const cJSON *params);
cJSON *lsp_document_symbols(struct lsp_server *s, const cJSON *params);
cJSON *lsp_code_actions(struct lsp_server *s, const cJSON *params);
/* The diagnostics last published for a uri (an array), or NULL. */
const cJSON *lsp_published_for(struct lsp_server *s, const char *uri);

#endif
