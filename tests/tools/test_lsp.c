/*
 * test_lsp.c: scaleup lsp at the protocol level. Each test writes a whole
 * session (framed JSON-RPC messages) to the server's input, reads every
 * message it wrote, and checks the answers to its requests and the last
 * diagnostics published for each file against the fixture's text: where a
 * mistake stands is found in the text, not written down twice.
 *
 * The fixture tests/fixtures/lsp/story is copied to a temporary folder, so
 * that the server reads a scenario whose buffers differ from its files.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "core/util.h"
#include "support.h"

struct session {
    char *dir;          /* the copy of the fixture */
    char *main_uri, *more_uri;
    char *main_text, *more_text;
    struct strbuf in;   /* the messages to send */
    int next_id;
};

static void frame(struct strbuf *sb, cJSON *msg)
{
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    char *body = cJSON_PrintUnformatted(msg);
    sb_printf(sb, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
    free(body);
    cJSON_Delete(msg);
}

static void notify(struct session *s, const char *method, cJSON *params)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "method", method);
    cJSON_AddItemToObject(m, "params", params);
    frame(&s->in, m);
}

static int request(struct session *s, const char *method, cJSON *params)
{
    cJSON *m = cJSON_CreateObject();
    int id = ++s->next_id;
    cJSON_AddNumberToObject(m, "id", id);
    cJSON_AddStringToObject(m, "method", method);
    cJSON_AddItemToObject(m, "params", params ? params : cJSON_CreateNull());
    frame(&s->in, m);
    return id;
}

static char *uri_of(const char *path)
{
    struct strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "file://%s", path);
    return sb_take(&sb);
}

static void session_start(struct session *s)
{
    memset(s, 0, sizeof *s);
    s->dir = make_temp_dir();
    char main_path[1024], more_path[1024], stages[1024];
    snprintf(main_path, sizeof main_path, "%s/main.lua", s->dir);
    snprintf(stages, sizeof stages, "%s/stages", s->dir);
    snprintf(more_path, sizeof more_path, "%s/stages/more.lua", s->dir);
    s->main_text = slurp(test_path("fixtures/lsp/story/main.lua"), NULL);
    s->more_text = slurp(test_path("fixtures/lsp/story/stages/more.lua"), NULL);
    assert_non_null(s->main_text);
    assert_non_null(s->more_text);
    write_file(main_path, s->main_text, strlen(s->main_text));
    assert_int_equal(mkdir(stages, 0700), 0);
    write_file(more_path, s->more_text, strlen(s->more_text));
    s->main_uri = uri_of(main_path);
    s->more_uri = uri_of(more_path);
    sb_init(&s->in);
    cJSON *p = cJSON_CreateObject();
    cJSON_AddObjectToObject(p, "capabilities");
    request(s, "initialize", p);
    notify(s, "initialized", cJSON_CreateObject());
}

static void open_doc(struct session *s, const char *uri, const char *text)
{
    cJSON *p = cJSON_CreateObject();
    cJSON *td = cJSON_AddObjectToObject(p, "textDocument");
    cJSON_AddStringToObject(td, "uri", uri);
    cJSON_AddStringToObject(td, "languageId", "lua");
    cJSON_AddNumberToObject(td, "version", 1);
    cJSON_AddStringToObject(td, "text", text);
    notify(s, "textDocument/didOpen", p);
}

static void change_doc(struct session *s, const char *uri, const char *text)
{
    cJSON *p = cJSON_CreateObject();
    cJSON *td = cJSON_AddObjectToObject(p, "textDocument");
    cJSON_AddStringToObject(td, "uri", uri);
    cJSON_AddNumberToObject(td, "version", 2);
    cJSON *changes = cJSON_AddArrayToObject(p, "contentChanges");
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "text", text);
    cJSON_AddItemToArray(changes, c);
    notify(s, "textDocument/didChange", p);
}

/* params {textDocument, position} at the first occurrence of needle in
 * text, plus offset characters into it. */
static cJSON *at(const char *uri, const char *text, const char *needle, int offset)
{
    const char *hit = strstr(text, needle);
    assert_non_null(hit);
    int line = 0, character = 0;
    for (const char *p = text; p < hit; p++) {
        if (*p == '\n') {
            line++;
            character = 0;
        } else {
            character++;
        }
    }
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(cJSON_AddObjectToObject(p, "textDocument"), "uri", uri);
    cJSON *pos = cJSON_AddObjectToObject(p, "position");
    cJSON_AddNumberToObject(pos, "line", line);
    cJSON_AddNumberToObject(pos, "character", character + offset);
    return p;
}

/* The server's messages, in order. */
struct transcript {
    cJSON *messages[256];
    int count;
    int status;
    char *err;
};

static void session_finish(struct session *s, bool shutdown, struct transcript *t)
{
    if (shutdown)
        request(s, "shutdown", NULL);
    notify(s, "exit", NULL);
    const char *argv[] = {scaleup_bin(), "lsp", NULL};
    struct cmd_result r;
    run_cmd(argv, s->in.data, NULL, NULL, 60, &r);
    memset(t, 0, sizeof *t);
    t->status = r.status;
    t->err = xstrdup(r.err);
    const char *p = r.out;
    while ((p = strstr(p, "Content-Length: "))) {
        size_t n = strtoul(p + 16, NULL, 10);
        const char *body = strstr(p, "\r\n\r\n");
        assert_non_null(body);
        body += 4;
        assert_true(t->count < 256);
        t->messages[t->count] = cJSON_ParseWithLength(body, n);
        assert_non_null(t->messages[t->count]);
        t->count++;
        p = body + n;
    }
    cmd_result_free(&r);
}

static void transcript_free(struct transcript *t)
{
    for (int i = 0; i < t->count; i++)
        cJSON_Delete(t->messages[i]);
    free(t->err);
}

static void session_free(struct session *s)
{
    rm_rf(s->dir);
    free(s->dir);
    free(s->main_uri);
    free(s->more_uri);
    free(s->main_text);
    free(s->more_text);
    sb_free(&s->in);
}

static const cJSON *response(const struct transcript *t, int id)
{
    for (int i = 0; i < t->count; i++) {
        const cJSON *mid = cJSON_GetObjectItemCaseSensitive(t->messages[i], "id");
        if (cJSON_IsNumber(mid) && mid->valueint == id)
            return t->messages[i];
    }
    fail_msg("no response to request %d", id);
    return NULL;
}

static const cJSON *result(const struct transcript *t, int id)
{
    return cJSON_GetObjectItemCaseSensitive(response(t, id), "result");
}

/* The diagnostics of the last publishDiagnostics for uri before the
 * response to request id (id 0: the last of all). */
static const cJSON *diagnostics(const struct transcript *t, const char *uri, int before_id)
{
    const cJSON *found = NULL;
    for (int i = 0; i < t->count; i++) {
        const cJSON *mid = cJSON_GetObjectItemCaseSensitive(t->messages[i], "id");
        if (before_id && cJSON_IsNumber(mid) && mid->valueint == before_id)
            break;
        const cJSON *method = cJSON_GetObjectItemCaseSensitive(t->messages[i], "method");
        const cJSON *params = cJSON_GetObjectItemCaseSensitive(t->messages[i], "params");
        const cJSON *u = cJSON_GetObjectItemCaseSensitive(params, "uri");
        if (cJSON_IsString(method) && strcmp(method->valuestring, "textDocument/publishDiagnostics") == 0 &&
            cJSON_IsString(u) && strcmp(u->valuestring, uri) == 0)
            found = cJSON_GetObjectItemCaseSensitive(params, "diagnostics");
    }
    assert_non_null(found);
    return found;
}

static int num(const cJSON *o, const char *a, const char *b, const char *c)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, a);
    if (b)
        x = cJSON_GetObjectItemCaseSensitive(x, b);
    if (c)
        x = cJSON_GetObjectItemCaseSensitive(x, c);
    assert_true(cJSON_IsNumber(x));
    return x->valueint;
}

/* The string field a of o; a test failing here names its own line. */
static const char *str_at(const cJSON *o, const char *a, int line)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, a);
    if (!cJSON_IsString(x))
        fail_msg("line %d: no string '%s'", line, a);
    return x->valuestring;
}
#define str(o, a) str_at(o, a, __LINE__)

/* Line and character of the first occurrence of needle in text. */
static void where(const char *text, const char *needle, int *line, int *character)
{
    const char *hit = strstr(text, needle);
    assert_non_null(hit);
    *line = *character = 0;
    for (const char *p = text; p < hit; p++) {
        if (*p == '\n') {
            (*line)++;
            *character = 0;
        } else {
            (*character)++;
        }
    }
}

static void assert_range(const cJSON *range, const char *text, const char *needle, int skip, int len)
{
    int line, character;
    where(text, needle, &line, &character);
    assert_int_equal(num(range, "start", "line", NULL), line);
    assert_int_equal(num(range, "start", "character", NULL), character + skip);
    assert_int_equal(num(range, "end", "line", NULL), line);
    assert_int_equal(num(range, "end", "character", NULL), character + skip + len);
}

static char *replace(const char *text, const char *from, const char *to)
{
    const char *hit = strstr(text, from);
    assert_non_null(hit);
    struct strbuf sb;
    sb_init(&sb);
    sb_append(&sb, text, (size_t)(hit - text));
    sb_puts(&sb, to);
    sb_puts(&sb, hit + strlen(from));
    return sb_take(&sb);
}

/* Typing two mistakes: each is marked where it stands, with lint's words;
 * the quick fix of each replaces exactly the misspelt id; fixing them
 * clears the file. */
static void mistakes_are_marked_as_you_type(void **state)
{
    (void)state;
    struct session s;
    session_start(&s);
    open_doc(&s, s.main_uri, s.main_text);
    int clean = request(&s, "textDocument/documentSymbol", at(s.main_uri, s.main_text, "scene", 0));
    char *typo1 = replace(s.main_text, "next = \"clinic\"", "next = \"clinc\"");
    char *typo = replace(typo1, "effects = { runway = -2 }", "effects = { runwy = -2 }");
    change_doc(&s, s.main_uri, typo);
    cJSON *ca = at(s.main_uri, typo, "\"clinc\"", 2);
    cJSON *range = cJSON_AddObjectToObject(ca, "range");
    cJSON_AddItemToObject(range, "start", cJSON_Duplicate(cJSON_GetObjectItem(ca, "position"), 1));
    cJSON_AddItemToObject(range, "end", cJSON_Duplicate(cJSON_GetObjectItem(ca, "position"), 1));
    cJSON_DeleteItemFromObject(ca, "position");
    cJSON_AddObjectToObject(ca, "context");
    int fix = request(&s, "textDocument/codeAction", ca);
    change_doc(&s, s.main_uri, s.main_text);
    int fixed = request(&s, "textDocument/documentSymbol", at(s.main_uri, s.main_text, "scene", 0));
    struct transcript t;
    session_finish(&s, true, &t);
    assert_int_equal(t.status, 0);

    assert_int_equal(cJSON_GetArraySize(diagnostics(&t, s.main_uri, clean)), 0);
    const cJSON *d = diagnostics(&t, s.main_uri, fix);
    assert_int_equal(cJSON_GetArraySize(d), 2);
    const cJSON *scene = cJSON_GetArrayItem(d, 0), *stat = cJSON_GetArrayItem(d, 1);
    assert_string_equal(str(scene, "message"),
                        "next 'clinc' is not a scene or ending (did you mean 'clinic'?)");
    assert_string_equal(str(scene, "code"), "unknown-scene");
    assert_int_equal(num(scene, "severity", NULL, NULL), 1);
    assert_range(cJSON_GetObjectItem(scene, "range"), typo, "\"clinc\"", 1, 5);
    assert_string_equal(str(stat, "message"), "unknown stat 'runwy' in effects (did you mean 'runway'?)");
    assert_range(cJSON_GetObjectItem(stat, "range"), typo, "runwy", 0, 5);

    const cJSON *actions = result(&t, fix);
    assert_int_equal(cJSON_GetArraySize(actions), 1);
    const cJSON *a = cJSON_GetArrayItem(actions, 0);
    assert_string_equal(str(a, "title"), "Change to 'clinic'");
    const cJSON *edits = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(a, "edit"), "changes"),
                                             s.main_uri);
    assert_int_equal(cJSON_GetArraySize(edits), 1);
    assert_string_equal(str(cJSON_GetArrayItem(edits, 0), "newText"), "clinic");
    assert_range(cJSON_GetObjectItem(cJSON_GetArrayItem(edits, 0), "range"), typo, "\"clinc\"", 1, 5);

    assert_int_equal(cJSON_GetArraySize(diagnostics(&t, s.main_uri, fixed)), 0);
    transcript_free(&t);
    free(typo1);
    free(typo);
    session_free(&s);
}

/* A change in an included file re-checks the file that includes it. */
static void a_change_in_one_file_checks_the_others(void **state)
{
    (void)state;
    struct session s;
    session_start(&s);
    open_doc(&s, s.main_uri, s.main_text);
    open_doc(&s, s.more_uri, s.more_text);
    char *renamed = replace(s.more_text, "scene \"clinic\"", "scene \"clinik\"");
    change_doc(&s, s.more_uri, renamed);
    int id = request(&s, "textDocument/hover", at(s.main_uri, s.main_text, "\"garage\"", 1));
    struct transcript t;
    session_finish(&s, true, &t);
    const cJSON *d = diagnostics(&t, s.main_uri, id);
    assert_int_equal(cJSON_GetArraySize(d), 1);
    assert_string_equal(str(cJSON_GetArrayItem(d, 0), "message"),
                        "next 'clinic' is not a scene or ending (did you mean 'clinik'?)");
    assert_int_equal(cJSON_GetArraySize(diagnostics(&t, s.more_uri, id)), 0);
    transcript_free(&t);
    free(renamed);
    session_free(&s);
}

/* Definitions, references, hover, completion, rename and the outline, on
 * ids written in both files. */
static void ids_can_be_followed(void **state)
{
    (void)state;
    struct session s;
    session_start(&s);
    open_doc(&s, s.main_uri, s.main_text);
    int def = request(&s, "textDocument/definition", at(s.main_uri, s.main_text, "\"clinic\"", 2));
    int refs = request(&s, "textDocument/references", at(s.main_uri, s.main_text, "{runway}", 2));
    int hover = request(&s, "textDocument/hover", at(s.main_uri, s.main_text, "runway = -1", 1));
    int next = request(&s, "textDocument/completion", at(s.main_uri, s.main_text, "\"launch\"", 1));
    int keys = request(&s, "textDocument/completion", at(s.main_uri, s.main_text, "runway = -2", 0));
    int names = request(&s, "textDocument/completion", at(s.main_uri, s.main_text, "{runway}", 1));
    int fields = request(&s, "textDocument/completion", at(s.main_uri, s.main_text, "title = \"The", 0));
    int rename_params_id;
    cJSON *rp = at(s.main_uri, s.main_text, "\"clinic\"", 3);
    cJSON_AddStringToObject(rp, "newName", "first_clinic");
    rename_params_id = request(&s, "textDocument/rename", rp);
    cJSON *bad = at(s.main_uri, s.main_text, "\"clinic\"", 3);
    cJSON_AddStringToObject(bad, "newName", "launch");
    int clash = request(&s, "textDocument/rename", bad);
    int outline = request(&s, "textDocument/documentSymbol", at(s.main_uri, s.main_text, "scene", 0));
    struct transcript t;
    session_finish(&s, true, &t);

    const cJSON *loc = result(&t, def);
    assert_string_equal(str(loc, "uri"), s.more_uri);
    assert_range(cJSON_GetObjectItem(loc, "range"), s.more_text, "\"clinic\"", 1, 6);

    /* runway: its declaration, {runway} in two texts, two effects keys and
     * the effects key in the included file. */
    const cJSON *list = result(&t, refs);
    assert_int_equal(cJSON_GetArraySize(list), 6);
    int in_more = 0;
    const cJSON *r;
    cJSON_ArrayForEach(r, list) in_more += strcmp(str(r, "uri"), s.more_uri) == 0;
    assert_int_equal(in_more, 2);

    const cJSON *h = cJSON_GetObjectItem(result(&t, hover), "contents");
    assert_string_equal(str(h, "value"),
                        "**Runway** (stat `runway`): starts at 9, from 0 to 24 (months)");

    const char *scenes[] = {"garage", "clinic", "launch"};
    const cJSON *items = result(&t, next);
    assert_int_equal(cJSON_GetArraySize(items), 3);
    for (int i = 0; i < 3; i++)
        assert_string_equal(str(cJSON_GetArrayItem(items, i), "label"), scenes[i]);
    items = result(&t, keys);
    assert_int_equal(cJSON_GetArraySize(items), 1);
    assert_string_equal(str(cJSON_GetArrayItem(items, 0), "label"), "runway");
    items = result(&t, names); /* runway, vision, talked, player, role */
    assert_int_equal(cJSON_GetArraySize(items), 5);
    assert_string_equal(str(cJSON_GetArrayItem(items, 2), "label"), "talked");
    items = result(&t, fields);
    bool has_discuss = false;
    cJSON_ArrayForEach(r, items) has_discuss |= strcmp(str(r, "label"), "discuss") == 0;
    assert_true(has_discuss);

    const cJSON *changes = cJSON_GetObjectItem(result(&t, rename_params_id), "changes");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(changes, s.main_uri)), 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(changes, s.more_uri)), 1);
    const cJSON *err = cJSON_GetObjectItem(response(&t, clash), "error");
    assert_string_equal(str(err, "message"), "'launch' is already an id of this scenario");

    const cJSON *syms = result(&t, outline);
    assert_int_equal(cJSON_GetArraySize(syms), 2);
    assert_string_equal(str(cJSON_GetArrayItem(syms, 0), "name"), "scenario");
    assert_string_equal(str(cJSON_GetArrayItem(syms, 1), "name"), "garage");
    assert_string_equal(str(cJSON_GetArrayItem(syms, 1), "detail"), "The Garage");
    transcript_free(&t);
    session_free(&s);
}

/* A buffer that never stops loading is stopped by the sandbox's limits;
 * the server says so and goes on answering. */
static void a_hostile_buffer_cannot_hang_the_server(void **state)
{
    (void)state;
    struct session s;
    session_start(&s);
    open_doc(&s, s.main_uri, "while true do end\n");
    int after = request(&s, "textDocument/hover", at(s.main_uri, "while true do end\n", "true", 0));
    open_doc(&s, s.more_uri, "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) end\n");
    int later = request(&s, "textDocument/documentSymbol", at(s.more_uri, "local", "local", 0));
    struct transcript t;
    session_finish(&s, true, &t);
    assert_int_equal(t.status, 0);
    const cJSON *d = diagnostics(&t, s.main_uri, after);
    assert_int_equal(cJSON_GetArraySize(d), 1);
    /* Which limit stops it (instructions or the clock) depends on how busy
     * the machine is; that one of them does is what this test is about. */
    assert_non_null(strstr(str(cJSON_GetArrayItem(d, 0), "message"), "limit"));
    assert_true(cJSON_IsNull(result(&t, after)));
    assert_int_equal(cJSON_GetArraySize(result(&t, later)), 0);
    transcript_free(&t);
    session_free(&s);
}

/* The protocol's errors: a body that is not JSON, a request before
 * initialize, an unknown method; exit without shutdown is exit code 1, a
 * broken frame ends the server with a message. */
static void protocol_errors_are_answered(void **state)
{
    (void)state;
    struct strbuf in;
    sb_init(&in);
    static const char early[] = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}";
    sb_puts(&in, "Content-Length: 2\r\n\r\n{]");
    sb_printf(&in, "Content-Length: %zu\r\n\r\n%s", strlen(early), early);
    struct session s;
    session_start(&s);
    sb_append(&in, s.in.data, s.in.len);
    request(&s, "no/such/method", cJSON_CreateObject());
    sb_clear(&s.in);
    s.next_id = 1;
    int unknown = request(&s, "no/such/method", cJSON_CreateObject());
    sb_append(&in, s.in.data, s.in.len);
    sb_clear(&s.in);
    notify(&s, "exit", NULL);
    sb_append(&in, s.in.data, s.in.len);
    const char *argv[] = {scaleup_bin(), "lsp", NULL};
    struct cmd_result r;
    run_cmd(argv, in.data, NULL, NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "\"code\":-32700"));
    assert_non_null(strstr(r.out, "{\"id\":7,\"error\":{\"code\":-32002"));
    char want[64];
    snprintf(want, sizeof want, "{\"id\":%d,\"error\":{\"code\":-32601", unknown);
    assert_non_null(strstr(r.out, want));
    cmd_result_free(&r);

    run_cmd(argv, "Content-Type: x\r\n\r\n{}", NULL, NULL, 30, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "scaleup lsp: error: a message without a Content-Length header\n");
    cmd_result_free(&r);
    sb_free(&in);
    session_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mistakes_are_marked_as_you_type),
        cmocka_unit_test(a_change_in_one_file_checks_the_others),
        cmocka_unit_test(ids_can_be_followed),
        cmocka_unit_test(a_hostile_buffer_cannot_hang_the_server),
        cmocka_unit_test(protocol_errors_are_answered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
