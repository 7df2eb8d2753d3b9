/*
 * lsp_check.c: checking a scenario as the editor has it.
 *
 * The loader reads a scenario's files from its folder, and an editor's
 * buffers are not on disk: so each check copies the scenario's .lua files
 * into a private folder, writes the open buffers over them, and loads and
 * lints the copy in the sandbox, with the same limits as play. Positions in
 * the copy are the positions in the buffers; file names are mapped back.
 * A scenario folder is small (bundled ones are under 300 KB), so a copy
 * costs far less than the load itself.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "core/loader.h"
#include "core/run.h"
#include "core/scenario.h"
#include "core/util.h"
#include "lint/lint.h"
#include "lsp_server.h"
#include "lsp_text.h"

/* How deep under a scenario's folder its files are copied, and how many:
 * include names files inside the folder, and no scenario has more than
 * LIMIT_FILES of them. */
#define COPY_DEPTH 4
#define COPY_FILES (2 * LIMIT_FILES)
/* How many folders up from a file its scenario's main.lua is looked for. */
#define ROOT_SEARCH_DEPTH 6

static bool is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int lsp_root_for(struct lsp_server *s, const char *path)
{
    char *copy = xstrdup(path);
    char *dir = xstrdup(dirname(copy));
    free(copy);
    char *folder = NULL, *entry = NULL;
    char *probe = xstrdup(dir);
    for (int depth = 0; depth < ROOT_SEARCH_DEPTH; depth++) {
        struct strbuf main_lua;
        sb_init(&main_lua);
        sb_printf(&main_lua, "%s/main.lua", probe);
        bool found = is_regular(main_lua.data) || strcmp(main_lua.data, path) == 0;
        sb_free(&main_lua);
        if (found) {
            folder = xstrdup(probe);
            entry = xstrdup("main.lua");
            break;
        }
        if (strcmp(probe, "/") == 0)
            break;
        char *up = xstrdup(probe);
        char *parent = xstrdup(dirname(up));
        free(up);
        free(probe);
        probe = parent;
    }
    free(probe);
    if (!folder) { /* a lone .lua file is a scenario of its own */
        folder = xstrdup(dir);
        char *b = xstrdup(path);
        entry = xstrdup(basename(b));
        free(b);
    }
    free(dir);
    for (int i = 0; i < s->nroots; i++)
        if (strcmp(s->roots[i].folder, folder) == 0 && strcmp(s->roots[i].entry, entry) == 0) {
            free(folder);
            free(entry);
            return i;
        }
    if (s->nroots == LSP_MAX_ROOTS) {
        free(folder);
        free(entry);
        return -1;
    }
    struct lsp_root *r = &s->roots[s->nroots];
    memset(r, 0, sizeof *r);
    r->folder = folder;
    r->entry = entry;
    return s->nroots++;
}

static void published_free(struct lsp_root *r)
{
    for (int i = 0; i < r->npublished; i++) {
        free(r->published[i].uri);
        cJSON_Delete(r->published[i].diagnostics);
    }
    free(r->published);
    r->published = NULL;
    r->npublished = 0;
}

void lsp_root_free(struct lsp_root *r)
{
    scenario_free(r->sc);
    free(r->folder);
    free(r->entry);
    published_free(r);
}

char *lsp_root_file_path(const struct lsp_root *r, int file)
{
    struct strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s/%s", r->folder, r->sc->files[file].name);
    return sb_take(&sb);
}

/* ------------------------------------------------------ the private copy */

static void remove_tree(const char *path, int depth)
{
    DIR *d = depth <= COPY_DEPTH + 1 ? opendir(path) : NULL;
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            struct strbuf sb;
            sb_init(&sb);
            sb_printf(&sb, "%s/%s", path, e->d_name);
            struct stat st;
            if (lstat(sb.data, &st) == 0 && S_ISDIR(st.st_mode))
                remove_tree(sb.data, depth + 1);
            else
                unlink(sb.data);
            sb_free(&sb);
        }
        closedir(d);
    }
    rmdir(path);
}

void lsp_work_remove(struct lsp_server *s)
{
    if (s->work)
        remove_tree(s->work, 0);
    free(s->work);
    s->work = NULL;
}

static bool write_file(const char *path, const char *data, size_t len)
{
    make_parents(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return false;
    bool ok = true;
    while (len > 0 && ok) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        if (ok) {
            data += w;
            len -= (size_t)w;
        }
    }
    return close(fd) == 0 && ok;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Copies the .lua files of folder (relative path rel) into to. */
static void copy_folder(const char *from, const char *to, int depth, int *files)
{
    DIR *d = opendir(from);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && *files < COPY_FILES) {
        if (e->d_name[0] == '.')
            continue;
        struct strbuf src, dst;
        sb_init(&src);
        sb_init(&dst);
        sb_printf(&src, "%s/%s", from, e->d_name);
        sb_printf(&dst, "%s/%s", to, e->d_name);
        struct stat st;
        if (lstat(src.data, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < COPY_DEPTH && strncmp(e->d_name, "build", 5) != 0) {
                copy_folder(src.data, dst.data, depth + 1, files);
            } else if (S_ISREG(st.st_mode) && ends_with(e->d_name, ".lua") &&
                       st.st_size <= LIMIT_FILE_BYTES) {
                struct diag err;
                size_t len;
                char *data = file_read_all(src.data, LIMIT_FILE_BYTES, &len, &err);
                if (data && write_file(dst.data, data, len))
                    (*files)++;
                free(data);
            }
        }
        sb_free(&src);
        sb_free(&dst);
    }
    closedir(d);
}

static bool make_work(struct lsp_server *s)
{
    if (s->work)
        return true;
    const char *tmp = getenv("TMPDIR");
    struct strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s/scaleup-lsp-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(sb.data)) {
        sb_free(&sb);
        return false;
    }
    s->work = sb_take(&sb);
    return true;
}

/* ---------------------------------------------------- the diagnostics */

struct file_diags {
    char *path;
    struct diag_list diags;
};

static struct diag_list *diags_for(struct file_diags **files, int *n, const char *path)
{
    for (int i = 0; i < *n; i++)
        if (strcmp((*files)[i].path, path) == 0)
            return &(*files)[i].diags;
    *files = xrealloc(*files, (size_t)(*n + 1) * sizeof **files);
    struct file_diags *f = &(*files)[(*n)++];
    f->path = xstrdup(path);
    diag_list_init(&f->diags);
    return &f->diags;
}

static bool is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The bytes a diagnostic marks: the token at its position, else the rest of
 * its line. */
static void diag_span(const char *text, size_t len, const struct diag *d, size_t *from, size_t *to)
{
    size_t at = lsp_offset_of_engine(text, len, d->line, d->col);
    /* A message that quotes a name ("unknown stat 'moral'") marks that name
     * where it stands on the line, so a quick fix can replace exactly it. */
    const char *q = strchr(d->message, '\'');
    const char *qe = q ? strchr(q + 1, '\'') : NULL;
    if (q && qe && qe > q + 1 && d->line > 0) {
        size_t n = (size_t)(qe - q - 1), eol = at;
        while (eol < len && text[eol] != '\n')
            eol++;
        for (size_t i = at; i + n <= eol; i++)
            if (memcmp(text + i, q + 1, n) == 0 && !(i > 0 && is_word_byte(text[i - 1])) &&
                !(i + n < len && is_word_byte(text[i + n]))) {
                *from = i;
                *to = i + n;
                return;
            }
    }
    struct lex_tokens toks = {0};
    lex_tokenize(text, len, &toks);
    long t = d->col > 0 ? lex_token_at(&toks, at) : -1;
    if (t >= 0 && toks.items[t].start <= at && at < toks.items[t].end) {
        *from = toks.items[t].start;
        *to = toks.items[t].end;
    } else {
        *from = at;
        size_t e = at;
        while (e < len && text[e] != '\n')
            e++;
        while (e > at && (text[e - 1] == ' ' || text[e - 1] == '\r'))
            e--;
        if (d->col == 0) /* the whole line, from its first word */
            while (*from < e && (text[*from] == ' ' || text[*from] == '\t'))
                (*from)++;
        *to = e;
    }
    lex_tokens_free(&toks);
}

static cJSON *diag_json(const struct diag *d, const char *text, size_t len)
{
    cJSON *o = cJSON_CreateObject();
    size_t from = 0, to = 0;
    if (text)
        diag_span(text, len, d, &from, &to);
    cJSON_AddItemToObject(o, "range", lsp_range(text ? text : "", text ? len : 0, from, to));
    cJSON_AddNumberToObject(o, "severity", d->severity == DIAG_ERROR ? 1 : 2);
    cJSON_AddStringToObject(o, "code", d->code);
    cJSON_AddStringToObject(o, "source", "scaleup");
    cJSON_AddStringToObject(o, "message", d->message);
    return o;
}

/* Sends a file's diagnostics; returns them as sent (the caller owns them). */
static cJSON *publish(struct lsp_server *s, const char *uri, const char *path,
                      const struct diag_list *diags)
{
    char *owned;
    size_t len = 0;
    const char *text = lsp_file_text(s, path, &len, &owned);
    cJSON *list = cJSON_CreateArray();
    for (int i = 0; diags && i < diags->count; i++)
        cJSON_AddItemToArray(list, diag_json(&diags->items[i], text, len));
    cJSON *params = cJSON_CreateObject();
    cJSON_AddStringToObject(params, "uri", uri);
    cJSON_AddItemToObject(params, "diagnostics", cJSON_Duplicate(list, 1));
    lsp_notify(s, "textDocument/publishDiagnostics", params);
    free(owned);
    return list;
}

const cJSON *lsp_published_for(struct lsp_server *s, const char *uri)
{
    for (int r = 0; r < s->nroots; r++)
        for (int i = 0; i < s->roots[r].npublished; i++)
            if (strcmp(s->roots[r].published[i].uri, uri) == 0)
                return s->roots[r].published[i].diagnostics;
    return NULL;
}

/* A private copy of root index's folder with the open buffers written
 * over their files, so the check sees what the editor shows; NULL when
 * the work folder cannot be made. */
static char *make_mirror(struct lsp_server *s, int index)
{
    const struct lsp_root *r = &s->roots[index];
    if (!make_work(s))
        return NULL;
    struct strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s/%d-%lu", s->work, index, s->checks);
    char *mirror = sb_take(&sb);
    int files = 0;
    mkdir(mirror, 0700);
    copy_folder(r->folder, mirror, 0, &files);
    size_t flen = strlen(r->folder);
    for (int i = 0; i < s->ndocs; i++) {
        const struct lsp_doc *d = &s->docs[i];
        if (d->root != index || strncmp(d->path, r->folder, flen) != 0 || d->path[flen] != '/')
            continue;
        struct strbuf dst;
        sb_init(&dst);
        sb_printf(&dst, "%s%s", mirror, d->path + flen);
        write_file(dst.data, d->text, d->len);
        sb_free(&dst);
    }
    return mirror;
}

/* Loads and lints the scenario in the mirror (NULL: none could be made);
 * the scenario, or NULL with the reasons in diags. */
static struct scenario *check_mirror(const struct lsp_root *r, const char *mirror, struct diag_list *diags)
{
    if (!mirror) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "lsp", "cannot make a private folder to check "
                 "the scenario in: %s", strerror(errno));
        return NULL;
    }
    struct strbuf entry;
    sb_init(&entry);
    sb_printf(&entry, "%s/%s", mirror, r->entry);
    struct scenario *sc = scenario_load(entry.data, NULL, diags);
    sb_free(&entry);
    if (sc)
        lint_checks(sc, diags);
    return sc;
}

/* The diagnostics by file, under the real names (a file in the mirror as
 * the file it copies; one without a file as the scenario's entry). */
static void diags_by_file(const struct lsp_root *r, const char *mirror, const struct diag_list *diags,
                          struct file_diags **files, int *nfiles)
{
    size_t mlen = mirror ? strlen(mirror) : 0;
    for (int i = 0; i < diags->count; i++) {
        struct diag d = diags->items[i];
        struct strbuf real;
        sb_init(&real);
        if (mirror && strncmp(d.file, mirror, mlen) == 0 && d.file[mlen] == '/')
            sb_printf(&real, "%s%s", r->folder, d.file + mlen);
        else if (d.file[0] == '/')
            sb_puts(&real, d.file);
        else
            sb_printf(&real, "%s/%s", r->folder, r->entry);
        str_copy(d.file, sizeof d.file, real.data);
        diag_copy(diags_for(files, nfiles, real.data), &d);
        sb_free(&real);
    }
}

/* Publishes root index's diagnostics by file. Open buffers of the scenario
 * are always published, so that fixed mistakes disappear; so is every
 * file that had findings before (with none, now). */
static void publish_root(struct lsp_server *s, int index, struct file_diags *files, int nfiles)
{
    struct lsp_root *r = &s->roots[index];
    for (int i = 0; i < s->ndocs; i++)
        if (s->docs[i].root == index)
            diags_for(&files, &nfiles, s->docs[i].path);
    for (int i = 0; i < r->npublished; i++) {
        char *path = lsp_uri_to_path(r->published[i].uri);
        if (path)
            diags_for(&files, &nfiles, path);
        free(path);
    }
    published_free(r);
    r->published = xcalloc((size_t)nfiles + 1, sizeof *r->published);
    for (int i = 0; i < nfiles; i++) {
        char *uri = lsp_path_to_uri(files[i].path);
        r->published[r->npublished].diagnostics = publish(s, uri, files[i].path, &files[i].diags);
        r->published[r->npublished].uri = uri;
        r->npublished++;
        diag_list_free(&files[i].diags);
        free(files[i].path);
    }
    free(files);
}

void lsp_check_root(struct lsp_server *s, int index)
{
    struct lsp_root *r = &s->roots[index];
    r->dirty = false;
    s->checks++;
    struct diag_list diags;
    diag_list_init(&diags);
    char *mirror = make_mirror(s, index);
    struct scenario *sc = check_mirror(r, mirror, &diags);
    struct file_diags *files = NULL;
    int nfiles = 0;
    diags_by_file(r, mirror, &diags, &files, &nfiles);
    publish_root(s, index, files, nfiles);
    diag_list_free(&diags);

    /* The copy is no longer needed: the scenario keeps its names, and
     * navigation reads the real files (or buffers). */
    if (mirror)
        remove_tree(mirror, 0);
    free(mirror);
    if (sc) {
        scenario_free(r->sc);
        r->sc = sc;
    }
}
