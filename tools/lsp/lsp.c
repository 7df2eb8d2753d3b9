/*
 * lsp.c: the language server's message loop and life cycle (see lsp.h and
 * lsp_server.h).
 *
 * Requests are answered in order, one at a time: a check of a bundled
 * scenario takes milliseconds, and a hostile one ends within the sandbox's
 * limits, so nothing needs a thread. Checks wait until the client has sent
 * everything it has (lsp_pending), so typing a word costs one check.
 */
#include "lsp.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "core/limits.h"
#include "core/loader.h"
#include "core/run.h"
#include "core/util.h"
#include "lsp_io.h"
#include "lsp_server.h"
#include "lsp_text.h"

/* JSON-RPC error codes the server answers with. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_SERVER_NOT_INITIALIZED = -32002,
    RPC_REQUEST_FAILED = -32803,
};

void lsp_send(struct lsp_server *s, cJSON *message)
{
    cJSON_AddStringToObject(message, "jsonrpc", "2.0");
    char *text = cJSON_PrintUnformatted(message);
    cJSON_Delete(message);
    if (text && !lsp_write(s->out, text)) {
        free(text);
        exit(1); /* the client is gone: nobody is left to serve */
    }
    free(text);
}

void lsp_notify(struct lsp_server *s, const char *method, cJSON *params)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "method", method);
    cJSON_AddItemToObject(m, "params", params);
    lsp_send(s, m);
}

static void respond(struct lsp_server *s, const cJSON *id, cJSON *result)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddItemToObject(m, "id", cJSON_Duplicate(id, 1));
    cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
    lsp_send(s, m);
}

static void respond_error(struct lsp_server *s, const cJSON *id, int code, const char *message)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON *e = cJSON_AddObjectToObject(m, "error");
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", message);
    lsp_send(s, m);
}

cJSON *lsp_range(const char *text, size_t len, size_t from, size_t to)
{
    int l, c;
    cJSON *r = cJSON_CreateObject();
    cJSON *start = cJSON_AddObjectToObject(r, "start");
    lsp_position_of(text, len, from, &l, &c);
    cJSON_AddNumberToObject(start, "line", l);
    cJSON_AddNumberToObject(start, "character", c);
    cJSON *end = cJSON_AddObjectToObject(r, "end");
    lsp_position_of(text, len, to, &l, &c);
    cJSON_AddNumberToObject(end, "line", l);
    cJSON_AddNumberToObject(end, "character", c);
    return r;
}

struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri)
{
    for (int i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return &s->docs[i];
    return NULL;
}

const char *lsp_file_text(struct lsp_server *s, const char *path, size_t *len, char **owned)
{
    *owned = NULL;
    for (int i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].path, path) == 0) {
            *len = s->docs[i].len;
            return s->docs[i].text;
        }
    struct diag err;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return NULL;
    bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    close(fd);
    if (!regular)
        return NULL;
    *owned = file_read_all(path, LIMIT_FILE_BYTES, len, &err);
    return *owned;
}

static void doc_set_text(struct lsp_doc *d, const char *text)
{
    free(d->text);
    d->text = xstrdup(text);
    d->len = strlen(text);
    lex_tokenize(d->text, d->len, &d->tokens);
}

static void doc_free(struct lsp_doc *d)
{
    free(d->uri);
    free(d->path);
    free(d->text);
    lex_tokens_free(&d->tokens);
}

static const char *text_document_uri(const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
    return cJSON_IsString(uri) ? uri->valuestring : NULL;
}

static void did_open(struct lsp_server *s, const cJSON *params)
{
    const char *uri = text_document_uri(params);
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(td, "text");
    if (!uri || !cJSON_IsString(text))
        return;
    struct lsp_doc *d = lsp_doc_find(s, uri);
    if (!d) {
        char *path = lsp_uri_to_path(uri);
        if (!path || s->ndocs == LSP_MAX_DOCS) {
            free(path);
            return;
        }
        int root = lsp_root_for(s, path);
        if (root < 0) {
            free(path);
            return;
        }
        d = &s->docs[s->ndocs++];
        memset(d, 0, sizeof *d);
        d->uri = xstrdup(uri);
        d->path = path;
        d->root = root;
    }
    doc_set_text(d, text->valuestring);
    s->roots[d->root].dirty = true;
}

static void did_change(struct lsp_server *s, const cJSON *params)
{
    struct lsp_doc *d = lsp_doc_find(s, text_document_uri(params) ? text_document_uri(params) : "");
    const cJSON *changes = cJSON_GetObjectItemCaseSensitive(params, "contentChanges");
    if (!d || !cJSON_IsArray(changes))
        return;
    const cJSON *change;
    cJSON_ArrayForEach(change, changes)
    {
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(change, "text");
        const cJSON *range = cJSON_GetObjectItemCaseSensitive(change, "range");
        if (!cJSON_IsString(text))
            continue;
        if (!cJSON_IsObject(range)) {
            doc_set_text(d, text->valuestring);
            continue;
        }
        /* An incremental change, from a client that sends them anyway. */
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(range, "start");
        const cJSON *en = cJSON_GetObjectItemCaseSensitive(range, "end");
        int sl = lsp_json_int(st, "line");
        int sc = lsp_json_int(st, "character");
        int el = lsp_json_int(en, "line");
        int ec = lsp_json_int(en, "character");
        size_t from = lsp_offset_of(d->text, d->len, sl, sc);
        size_t to = lsp_offset_of(d->text, d->len, el, ec);
        if (to < from)
            to = from;
        struct strbuf sb;
        sb_init(&sb);
        sb_append(&sb, d->text, from);
        sb_puts(&sb, text->valuestring);
        sb_append(&sb, d->text + to, d->len - to);
        doc_set_text(d, sb.data);
        sb_free(&sb);
    }
    s->roots[d->root].dirty = true;
}

static void did_close(struct lsp_server *s, const cJSON *params)
{
    const char *uri = text_document_uri(params);
    struct lsp_doc *d = uri ? lsp_doc_find(s, uri) : NULL;
    if (!d)
        return;
    /* The file on disk is what counts again. */
    s->roots[d->root].dirty = true;
    doc_free(d);
    *d = s->docs[--s->ndocs];
}

static cJSON *capabilities(void)
{
    cJSON *result = cJSON_CreateObject();
    cJSON *caps = cJSON_AddObjectToObject(result, "capabilities");
    cJSON *sync = cJSON_AddObjectToObject(caps, "textDocumentSync");
    cJSON_AddBoolToObject(sync, "openClose", true);
    cJSON_AddNumberToObject(sync, "change", 1); /* the whole text each time */
    cJSON_AddBoolToObject(caps, "definitionProvider", true);
    cJSON_AddBoolToObject(caps, "referencesProvider", true);
    cJSON_AddBoolToObject(caps, "renameProvider", true);
    cJSON_AddBoolToObject(caps, "hoverProvider", true);
    cJSON_AddBoolToObject(caps, "documentSymbolProvider", true);
    cJSON *actions = cJSON_AddObjectToObject(caps, "codeActionProvider");
    cJSON *kinds = cJSON_AddArrayToObject(actions, "codeActionKinds");
    cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
    cJSON *completion = cJSON_AddObjectToObject(caps, "completionProvider");
    cJSON *triggers = cJSON_AddArrayToObject(completion, "triggerCharacters");
    cJSON_AddItemToArray(triggers, cJSON_CreateString("\""));
    cJSON_AddItemToArray(triggers, cJSON_CreateString("'"));
    cJSON_AddItemToArray(triggers, cJSON_CreateString("{"));
    cJSON_AddItemToArray(triggers, cJSON_CreateString("."));
    cJSON *info = cJSON_AddObjectToObject(result, "serverInfo");
    cJSON_AddStringToObject(info, "name", "scaleup");
#ifdef SCALEUP_VERSION
    cJSON_AddStringToObject(info, "version", SCALEUP_VERSION);
#endif
    return result;
}

enum life { LIFE_NEW, LIFE_RUNNING, LIFE_SHUTDOWN };

/* Handles one message; returns the exit code when it was "exit", else -1. */
static int handle(struct lsp_server *s, cJSON *msg, enum life *life)
{
    const cJSON *method = cJSON_GetObjectItemCaseSensitive(msg, "method");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
    if (!cJSON_IsString(method)) {
        if (id && !cJSON_GetObjectItemCaseSensitive(msg, "result") &&
            !cJSON_GetObjectItemCaseSensitive(msg, "error"))
            respond_error(s, id, RPC_INVALID_REQUEST, "a request needs a method");
        return -1; /* a response to nothing we asked: ignored */
    }
    const char *m = method->valuestring;
    if (strcmp(m, "exit") == 0)
        return *life == LIFE_SHUTDOWN ? 0 : 1;
    if (strcmp(m, "initialize") == 0) {
        *life = LIFE_RUNNING;
        if (id)
            respond(s, id, capabilities());
        return -1;
    }
    if (*life == LIFE_NEW) {
        if (id)
            respond_error(s, id, RPC_SERVER_NOT_INITIALIZED, "the server is not initialized");
        return -1;
    }
    if (strcmp(m, "shutdown") == 0) {
        *life = LIFE_SHUTDOWN;
        if (id)
            respond(s, id, NULL);
        return -1;
    }
    if (strcmp(m, "textDocument/didOpen") == 0)
        did_open(s, params);
    else if (strcmp(m, "textDocument/didChange") == 0)
        did_change(s, params);
    else if (strcmp(m, "textDocument/didClose") == 0)
        did_close(s, params);
    else if (strcmp(m, "textDocument/didSave") == 0) {
        struct lsp_doc *d = text_document_uri(params) ? lsp_doc_find(s, text_document_uri(params)) : NULL;
        if (d)
            s->roots[d->root].dirty = true;
    }
    if (!id)
        return -1; /* other notifications ($/cancelRequest, initialized...) need nothing */

    /* Requests about a document see it as checked up to the last change. */
    for (int r = 0; r < s->nroots; r++)
        if (s->roots[r].dirty)
            lsp_check_root(s, r);
    char why[256] = "";
    cJSON *result;
    if (strcmp(m, "textDocument/definition") == 0)
        result = lsp_definition(s, params);
    else if (strcmp(m, "textDocument/references") == 0)
        result = lsp_references(s, params);
    else if (strcmp(m, "textDocument/rename") == 0) {
        result = lsp_rename(s, params, why, sizeof why);
        if (!result) {
            respond_error(s, id, RPC_REQUEST_FAILED, why);
            return -1;
        }
    } else if (strcmp(m, "textDocument/hover") == 0)
        result = lsp_hover(s, params);
    else if (strcmp(m, "textDocument/completion") == 0)
        result = lsp_completion(s, params);
    else if (strcmp(m, "textDocument/documentSymbol") == 0)
        result = lsp_document_symbols(s, params);
    else if (strcmp(m, "textDocument/codeAction") == 0)
        result = lsp_code_actions(s, params);
    else {
        respond_error(s, id, RPC_METHOD_NOT_FOUND, "this method is not supported");
        return -1;
    }
    respond(s, id, result);
    return -1;
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: scaleup lsp\n"
               "\n"
               "A language server for scenarios: an editor (VS Code, Neovim, Emacs, Helix...)\n"
               "starts it and talks the Language Server Protocol on standard input and output.\n"
               "It checks the scenario as you type (everything lint finds, on the unsaved\n"
               "buffers), and offers go to definition, find references, rename of scene ids,\n"
               "completion of ids and field names, hover, an outline and quick fixes for every\n"
               "'did you mean'. See docs/authoring.md, \"Your editor\", for the set-up.\n"
               "\n"
               "Exit codes: 0 after the client's shutdown and exit, 1 otherwise, 2 usage error.\n");
}

static void server_free(struct lsp_server *s)
{
    for (int i = 0; i < s->ndocs; i++)
        doc_free(&s->docs[i]);
    for (int i = 0; i < s->nroots; i++)
        lsp_root_free(&s->roots[i]);
    lsp_work_remove(s);
}

int cmd_lsp(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(argv[i], "--stdio") == 0) /* what some clients add by habit */
            continue;
        cli_error("unknown argument '%s' (see scaleup lsp --help)", argv[i]);
        return 2;
    }
    static struct lsp_server server; /* large: off the stack */
    struct lsp_server *s = &server;
    memset(s, 0, sizeof *s);
    s->out = STDOUT_FILENO;
    struct lsp_reader reader;
    lsp_reader_init(&reader, STDIN_FILENO);
    enum life life = LIFE_NEW;
    int code = 1;
    for (;;) {
        char *body = NULL, why[256];
        size_t len;
        enum lsp_read_result r = lsp_read(&reader, &body, &len, why, sizeof why);
        if (r == LSP_READ_EOF)
            break;
        if (r == LSP_READ_ERROR) {
            /* The stream cannot be followed past a broken frame. */
            fprintf(stderr, "scaleup lsp: error: %s\n", why);
            break;
        }
        cJSON *msg = cJSON_ParseWithLength(body, len);
        free(body);
        if (!cJSON_IsObject(msg)) {
            respond_error(s, NULL, RPC_PARSE_ERROR, "the message is not a JSON object");
            cJSON_Delete(msg);
            continue;
        }
        int exit_code = handle(s, msg, &life);
        cJSON_Delete(msg);
        if (exit_code >= 0) {
            code = exit_code;
            break;
        }
        if (lsp_pending(&reader))
            continue;
        for (int i = 0; i < s->nroots; i++)
            if (s->roots[i].dirty)
                lsp_check_root(s, i);
    }
    lsp_reader_free(&reader);
    server_free(s);
    return code;
}
