/*
 * lsp_nav.c: what the server knows of a scenario's ids, for an editor:
 * definitions, references, rename, hover, completion, an outline and
 * quick fixes.
 *
 * Ids and their declarations come from the root's last good load (a buffer
 * with a syntax error keeps the ids it had); where an id is written comes
 * from tokenizing the files as the editor has them. An id is written as a
 * string ("first_customer", { "has_goal" }), inside a text as {runway}, or
 * as a name: a table key (effects = { morale = 5 }) or a field of game
 * (game.stats.runway).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/scenario.h"
#include "core/util.h"
#include "lsp_server.h"
#include "lsp_text.h"

enum sym_kind { SYM_NONE, SYM_SCENE, SYM_ENDING, SYM_STAT, SYM_DIMENSION, SYM_ROLE, SYM_FLAG };

static const char *const kind_names[] = {"", "scene", "ending", "stat", "dimension", "role", "flag"};

struct sym {
    enum sym_kind kind;
    int index; /* into the scenario's scenes, stats, dimensions, roles or flags */
    const char *id;
};

/* Where a request points: a document, its root and a byte offset. */
struct spot {
    struct lsp_doc *doc;
    struct lsp_root *root;
    size_t offset;
    long token; /* index into doc->tokens, or -1 */
};

static bool spot_of(struct lsp_server *s, const cJSON *params, struct spot *out)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
    const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
    if (!cJSON_IsString(uri))
        return false;
    out->doc = lsp_doc_find(s, uri->valuestring);
    if (!out->doc)
        return false;
    out->root = &s->roots[out->doc->root];
    int line = lsp_json_int(pos, "line");
    int character = lsp_json_int(pos, "character");
    out->offset = lsp_offset_of(out->doc->text, out->doc->len, line, character);
    out->token = lex_token_at(&out->doc->tokens, out->offset);
    return true;
}

static bool is_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

/* ------------------------------------------------------------ symbols */

static struct sym find_sym(const struct scenario *sc, const char *id, size_t n, enum sym_kind hint)
{
    struct sym found = {SYM_NONE, -1, NULL};
    if (!sc)
        return found;
    /* With a hint, its kind is looked in first; then every kind. */
    for (int pass = hint == SYM_NONE; pass < 2; pass++) {
        for (int i = 0; i < sc->nscenes; i++) {
            enum sym_kind k = sc->scenes[i].is_ending ? SYM_ENDING : SYM_SCENE;
            if ((pass || k == hint || (hint == SYM_SCENE && k == SYM_ENDING)) &&
                strlen(sc->scenes[i].id) == n && memcmp(sc->scenes[i].id, id, n) == 0)
                return (struct sym){k, i, sc->scenes[i].id};
        }
#define FIND(array, count, k)                                                                    \
    for (int i = 0; i < (count); i++)                                                            \
        if ((pass || hint == (k)) && strlen(array) == n && memcmp(array, id, n) == 0)            \
            return (struct sym){k, i, array};
        FIND(sc->stats[i].id, sc->nstats, SYM_STAT)
        FIND(sc->dimensions[i].id, sc->ndimensions, SYM_DIMENSION)
        FIND(sc->roles[i].id, sc->nroles, SYM_ROLE)
        FIND(sc->flags[i], sc->nflags, SYM_FLAG)
#undef FIND
    }
    return found;
}

static const char *token_text(const struct lsp_doc *d, const struct lex_token *t, size_t *n)
{
    *n = t->body_end - t->body_start;
    return d->text + t->body_start;
}

/* The kind a name token's place implies: game.stats.X is a stat, a key of
 * effects a stat, a key of score or weights a dimension... */
static enum sym_kind name_context(const char *text, const struct lex_tokens *toks, long i)
{
    const struct lex_token *t = toks->items;
    if (i >= 2 && lex_is(text, &t[i - 1], ".")) {
        const struct lex_token *f = &t[i - 2];
        if (lex_is(text, f, "stats"))
            return SYM_STAT;
        if (lex_is(text, f, "score"))
            return SYM_DIMENSION;
        if (lex_is(text, f, "flags"))
            return SYM_FLAG;
        if (lex_is(text, f, "visits"))
            return SYM_SCENE;
    }
    return SYM_NONE;
}

/* The field whose value holds token i: walking back over balanced
 * brackets, the name before the nearest '=' at this depth or before the
 * '{' that opens the table around it. *in_table says which. -1 when none. */
static long enclosing_field(const char *text, const struct lex_tokens *toks, long i, bool *in_table)
{
    const struct lex_token *t = toks->items;
    int depth = 0;
    *in_table = false;
    for (long k = i - 1; k >= 0; k--) {
        if (lex_is(text, &t[k], "}") || lex_is(text, &t[k], ")") || lex_is(text, &t[k], "]"))
            depth++;
        else if (lex_is(text, &t[k], "{") || lex_is(text, &t[k], "(") || lex_is(text, &t[k], "[")) {
            if (depth == 0) {
                if (!lex_is(text, &t[k], "{"))
                    return -1;
                *in_table = true;
                /* { after 'name =' */
                if (k >= 2 && lex_is(text, &t[k - 1], "=") && t[k - 2].kind == LEX_NAME)
                    return k - 2;
                /* scene "id" { ... } */
                if (k >= 2 && t[k - 1].kind == LEX_STRING && t[k - 2].kind == LEX_NAME)
                    return k - 2;
                if (k >= 1 && t[k - 1].kind == LEX_NAME) /* scenario { */
                    return k - 1;
                return -1;
            }
            depth--;
        } else if (depth == 0 && lex_is(text, &t[k], "=") && k >= 1 && t[k - 1].kind == LEX_NAME &&
                   !*in_table) {
            return k - 1;
        } else if (depth == 0 && lex_is(text, &t[k], ",")) {
            /* the next field of the same table: keep looking for its '{' */
            *in_table = true;
        }
    }
    return -1;
}

static enum sym_kind field_kind(const char *text, const struct lex_token *f)
{
    static const struct {
        const char *field;
        enum sym_kind kind;
    } fields[] = {
        {"next", SYM_SCENE},    {"conflict", SYM_SCENE},   {"start", SYM_SCENE},
        {"requires", SYM_FLAG}, {"set", SYM_FLAG},         {"unset", SYM_FLAG},
        {"flags", SYM_FLAG},    {"by", SYM_ROLE},          {"role", SYM_ROLE},
        {"roles", SYM_ROLE},    {"effects", SYM_STAT},     {"score", SYM_DIMENSION},
        {"weights", SYM_DIMENSION},
    };
    for (size_t i = 0; i < COUNT_OF(fields); i++)
        if (lex_is(text, f, fields[i].field))
            return fields[i].kind;
    return SYM_NONE;
}

/* The id under the cursor: [*from, *to) of the document and its kind. */
static struct sym sym_at(const struct spot *sp, size_t *from, size_t *to)
{
    struct sym none = {SYM_NONE, -1, NULL};
    if (sp->token < 0)
        return none;
    const struct lsp_doc *d = sp->doc;
    const struct lex_token *t = &d->tokens.items[sp->token];
    const struct scenario *sc = sp->root->sc;
    if (t->kind == LEX_STRING) {
        /* {name} in a text */
        size_t open = sp->offset, close = sp->offset;
        while (open > t->body_start && d->text[open - 1] != '{' && is_id_char(d->text[open - 1]))
            open--;
        while (close < t->body_end && is_id_char(d->text[close]))
            close++;
        if (open > t->body_start && d->text[open - 1] == '{' && close < t->body_end &&
            d->text[close] == '}' && close > open) {
            *from = open;
            *to = close;
            return find_sym(sc, d->text + open, close - open, SYM_STAT);
        }
        size_t n;
        const char *body = token_text(d, t, &n);
        bool in_table;
        long f = enclosing_field(d->text, &d->tokens, sp->token, &in_table);
        enum sym_kind hint = f >= 0 ? field_kind(d->text, &d->tokens.items[f]) : SYM_NONE;
        if (sp->token >= 1 && (lex_is(d->text, &d->tokens.items[sp->token - 1], "scene") ||
                               lex_is(d->text, &d->tokens.items[sp->token - 1], "ending")))
            hint = SYM_SCENE;
        *from = t->body_start;
        *to = t->body_end;
        return find_sym(sc, body, n, hint);
    }
    if (t->kind == LEX_NAME) {
        enum sym_kind hint = name_context(d->text, &d->tokens, sp->token);
        if (hint == SYM_NONE) {
            bool in_table;
            long f = enclosing_field(d->text, &d->tokens, sp->token, &in_table);
            if (f >= 0 && in_table)
                hint = field_kind(d->text, &d->tokens.items[f]);
            if (hint != SYM_STAT && hint != SYM_DIMENSION)
                return none; /* a Lua name, not an id */
        }
        *from = t->start;
        *to = t->end;
        return find_sym(sc, d->text + t->start, t->end - t->start, hint);
    }
    return none;
}

/* --------------------------------------------------------- occurrences */

struct occurrence {
    char *path;
    size_t from, to;
};

struct occurrences {
    struct occurrence *items;
    int count;
};

static void add_occurrence(struct occurrences *o, const char *path, size_t from, size_t to)
{
    o->items = xrealloc(o->items, (size_t)(o->count + 1) * sizeof *o->items);
    o->items[o->count++] = (struct occurrence){xstrdup(path), from, to};
}

static void occurrences_free(struct occurrences *o)
{
    for (int i = 0; i < o->count; i++)
        free(o->items[i].path);
    free(o->items);
}

static bool same(const char *text, size_t from, size_t to, const char *id)
{
    size_t n = strlen(id);
    return to - from == n && memcmp(text + from, id, n) == 0;
}

/* Every place of one file where the symbol is written. */
static void find_in_text(const char *path, const char *text, size_t len, struct sym sym,
                         struct occurrences *out)
{
    struct lex_tokens toks = {0};
    lex_tokenize(text, len, &toks);
    bool scene_like = sym.kind == SYM_SCENE || sym.kind == SYM_ENDING;
    for (size_t i = 0; i < toks.count; i++) {
        const struct lex_token *t = &toks.items[i];
        if (t->kind == LEX_STRING) {
            if (same(text, t->body_start, t->body_end, sym.id)) {
                add_occurrence(out, path, t->body_start, t->body_end);
                continue;
            }
            if (scene_like)
                continue;
            for (size_t k = t->body_start; k < t->body_end; k++) {
                if (text[k] != '{')
                    continue;
                size_t e = k + 1;
                while (e < t->body_end && is_id_char(text[e]))
                    e++;
                if (e < t->body_end && text[e] == '}' && same(text, k + 1, e, sym.id))
                    add_occurrence(out, path, k + 1, e);
            }
        } else if (t->kind == LEX_NAME && same(text, t->start, t->end, sym.id)) {
            enum sym_kind k = name_context(text, &toks, (long)i);
            bool in_table;
            if (k == SYM_NONE && (sym.kind == SYM_STAT || sym.kind == SYM_DIMENSION)) {
                long f = enclosing_field(text, &toks, (long)i, &in_table);
                if (f >= 0 && in_table)
                    k = field_kind(text, &toks.items[f]);
            }
            if (k == sym.kind || (k == SYM_SCENE && scene_like))
                add_occurrence(out, path, t->start, t->end);
        }
    }
    lex_tokens_free(&toks);
}

static void find_everywhere(struct lsp_server *s, struct lsp_root *r, struct sym sym,
                            struct occurrences *out)
{
    for (int f = 0; r->sc && f < r->sc->nfiles; f++) {
        char *path = lsp_root_file_path(r, f), *owned;
        size_t len;
        const char *text = lsp_file_text(s, path, &len, &owned);
        if (text)
            find_in_text(path, text, len, sym, out);
        free(owned);
        free(path);
    }
}

static cJSON *location(struct lsp_server *s, const char *path, size_t from, size_t to)
{
    char *owned;
    size_t len;
    const char *text = lsp_file_text(s, path, &len, &owned);
    cJSON *loc = cJSON_CreateObject();
    char *uri = lsp_path_to_uri(path);
    cJSON_AddStringToObject(loc, "uri", uri);
    cJSON_AddItemToObject(loc, "range", lsp_range(text ? text : "", text ? len : 0, from, to));
    free(uri);
    free(owned);
    return loc;
}

/* The declaration of a symbol: the id where the scenario declares it (for
 * a flag, the first place it is written). */
static bool declaration(struct lsp_server *s, struct lsp_root *r, struct sym sym, char **path,
                        size_t *from, size_t *to)
{
    const struct scenario *sc = r->sc;
    struct srcpos pos;
    switch (sym.kind) {
    case SYM_SCENE:
    case SYM_ENDING: pos = sc->scenes[sym.index].pos; break;
    case SYM_STAT: pos = sc->stats[sym.index].pos; break;
    case SYM_DIMENSION: pos = sc->dimensions[sym.index].pos; break;
    case SYM_ROLE: pos = sc->roles[sym.index].pos; break;
    default: {
        struct occurrences o = {0};
        find_everywhere(s, r, sym, &o);
        bool found = o.count > 0;
        if (found) {
            *path = xstrdup(o.items[0].path);
            *from = o.items[0].from;
            *to = o.items[0].to;
        }
        occurrences_free(&o);
        return found;
    }
    }
    *path = lsp_root_file_path(r, pos.file);
    char *owned;
    size_t len;
    const char *text = lsp_file_text(s, *path, &len, &owned);
    *from = *to = 0;
    if (text) {
        /* The id's string on the declaring line (or the next few). */
        size_t at = lsp_offset_of_engine(text, len, (int)pos.line, 1);
        struct occurrences o = {0};
        find_in_text(*path, text, len, (struct sym){SYM_SCENE, sym.index, sym.id}, &o);
        for (int i = 0; i < o.count; i++)
            if (o.items[i].from >= at) {
                *from = o.items[i].from;
                *to = o.items[i].to;
                break;
            }
        if (*to == 0)
            *from = *to = at;
        occurrences_free(&o);
    }
    free(owned);
    return true;
}

/* The spot params name and the symbol there (spanning from..to); false
 * when the file is not open or no symbol is there. */
static bool sym_under_cursor(struct lsp_server *s, const cJSON *params, struct spot *sp, struct sym *sym,
                             size_t *from, size_t *to)
{
    if (!spot_of(s, params, sp))
        return false;
    *sym = sym_at(sp, from, to);
    return sym->kind != SYM_NONE;
}

cJSON *lsp_definition(struct lsp_server *s, const cJSON *params)
{
    struct spot sp;
    struct sym sym;
    size_t from, to;
    char *path;
    if (!sym_under_cursor(s, params, &sp, &sym, &from, &to) ||
        !declaration(s, sp.root, sym, &path, &from, &to))
        return NULL;
    cJSON *loc = location(s, path, from, to);
    free(path);
    return loc;
}

cJSON *lsp_references(struct lsp_server *s, const cJSON *params)
{
    struct spot sp;
    struct sym sym;
    size_t from, to;
    if (!sym_under_cursor(s, params, &sp, &sym, &from, &to))
        return NULL;
    struct occurrences o = {0};
    find_everywhere(s, sp.root, sym, &o);
    cJSON *list = cJSON_CreateArray();
    for (int i = 0; i < o.count; i++)
        cJSON_AddItemToArray(list, location(s, o.items[i].path, o.items[i].from, o.items[i].to));
    occurrences_free(&o);
    return list;
}

static bool valid_id(const char *id)
{
    if (!*id || (*id >= '0' && *id <= '9'))
        return false;
    for (const char *p = id; *p; p++)
        if (!is_id_char(*p) || *p == '-')
            return false;
    return true;
}

cJSON *lsp_rename(struct lsp_server *s, const cJSON *params, char *why, size_t whycap)
{
    struct spot sp;
    size_t from, to;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(params, "newName");
    if (!spot_of(s, params, &sp) || !cJSON_IsString(name)) {
        snprintf(why, whycap, "rename needs an open scenario file and a new name");
        return NULL;
    }
    struct sym sym = sym_at(&sp, &from, &to);
    if (sym.kind != SYM_SCENE && sym.kind != SYM_ENDING) {
        snprintf(why, whycap, "only scene and ending ids can be renamed: put the cursor on one");
        return NULL;
    }
    const char *to_id = name->valuestring;
    if (!valid_id(to_id)) {
        snprintf(why, whycap, "'%.64s' is not an id: use letters, digits and _", to_id);
        return NULL;
    }
    if (find_sym(sp.root->sc, to_id, strlen(to_id), SYM_NONE).kind != SYM_NONE) {
        snprintf(why, whycap, "'%.64s' is already an id of this scenario", to_id);
        return NULL;
    }
    for (enum sym_kind k = SYM_STAT; k <= SYM_FLAG; k++)
        if (find_sym(sp.root->sc, sym.id, strlen(sym.id), k).kind == k) {
            snprintf(why, whycap, "'%s' is also a %s: rename it by hand", sym.id, kind_names[k]);
            return NULL;
        }
    struct occurrences o = {0};
    find_everywhere(s, sp.root, sym, &o);
    cJSON *edit = cJSON_CreateObject();
    cJSON *changes = cJSON_AddObjectToObject(edit, "changes");
    for (int i = 0; i < o.count; i++) {
        char *uri = lsp_path_to_uri(o.items[i].path);
        cJSON *list = cJSON_GetObjectItemCaseSensitive(changes, uri);
        if (!list)
            list = cJSON_AddArrayToObject(changes, uri);
        cJSON *loc = location(s, o.items[i].path, o.items[i].from, o.items[i].to);
        cJSON *te = cJSON_CreateObject();
        cJSON_AddItemToObject(te, "range", cJSON_DetachItemFromObject(loc, "range"));
        cJSON_AddStringToObject(te, "newText", to_id);
        cJSON_AddItemToArray(list, te);
        cJSON_Delete(loc);
        free(uri);
    }
    occurrences_free(&o);
    return edit;
}

/* The first words of a text, for hover: up to about 200 bytes, cut at a
 * space. */
static void text_start(const struct text_template *t, struct strbuf *out)
{
    if (callback_present(t->fn)) {
        sb_puts(out, "(a text function)");
        return;
    }
    size_t n = 0;
    for (uint32_t i = 0; i < t->npieces && n < 200; i++) {
        const struct piece *p = &t->pieces[i];
        if (p->kind == PIECE_LITERAL) {
            size_t take = p->len;
            if (n + take > 200) {
                take = 200 - n;
                while (take > 0 && t->chars[p->start + take] != ' ')
                    take--;
            }
            for (size_t k = 0; k < take; k++) {
                char c = t->chars[p->start + k];
                sb_putc(out, c == '\n' ? ' ' : c);
            }
            n += take;
            if (take < p->len) {
                sb_puts(out, "...");
                break;
            }
        } else if (p->kind == PIECE_PARAGRAPH) {
            sb_puts(out, " ");
        } else if (p->kind == PIECE_ELSE) {
            sb_puts(out, " / ");
        } else if (p->kind != PIECE_EMPHASIS && p->kind != PIECE_IF && p->kind != PIECE_END) {
            sb_puts(out, "{...}");
        }
    }
}

static void format_range(struct strbuf *sb, const struct stat_def *st)
{
    char a[32], b[32], c[32];
    format_number(a, sizeof a, st->start);
    sb_printf(sb, "starts at %s", a);
    if (st->min > -1e300 || st->max < 1e300) {
        format_number(b, sizeof b, st->min);
        format_number(c, sizeof c, st->max);
        sb_printf(sb, ", from %s to %s", st->min > -1e300 ? b : "any", st->max < 1e300 ? c : "any");
    }
    if (st->unit)
        sb_printf(sb, " (%s)", st->unit);
    if (st->hidden)
        sb_puts(sb, "; hidden from players");
}

cJSON *lsp_hover(struct lsp_server *s, const cJSON *params)
{
    struct spot sp;
    struct sym sym;
    size_t from, to;
    if (!sym_under_cursor(s, params, &sp, &sym, &from, &to))
        return NULL;
    const struct scenario *sc = sp.root->sc;
    struct strbuf md;
    sb_init(&md);
    switch (sym.kind) {
    case SYM_SCENE:
    case SYM_ENDING: {
        const struct scene *sn = &sc->scenes[sym.index];
        sb_printf(&md, "**%s** (%s `%s`)\n\n", sn->title ? sn->title : sn->id,
                  kind_names[sym.kind], sn->id);
        text_start(&sn->text, &md);
        break;
    }
    case SYM_STAT: {
        const struct stat_def *st = &sc->stats[sym.index];
        sb_printf(&md, "**%s** (stat `%s`): ", st->name, st->id);
        format_range(&md, st);
        break;
    }
    case SYM_DIMENSION: {
        const struct dimension *dm = &sc->dimensions[sym.index];
        sb_printf(&md, "**%s** (dimension `%s`)", dm->name, dm->id);
        if (dm->about)
            sb_printf(&md, ": %s", dm->about);
        break;
    }
    case SYM_ROLE:
        sb_printf(&md, "**%s** (role `%s`)", sc->roles[sym.index].name, sc->roles[sym.index].id);
        break;
    default: sb_printf(&md, "flag `%s`", sym.id); break;
    }
    cJSON *h = cJSON_CreateObject();
    cJSON *contents = cJSON_AddObjectToObject(h, "contents");
    cJSON_AddStringToObject(contents, "kind", "markdown");
    cJSON_AddStringToObject(contents, "value", md.data);
    cJSON_AddItemToObject(h, "range", lsp_range(sp.doc->text, sp.doc->len, from, to));
    sb_free(&md);
    return h;
}

/* ---------------------------------------------------------- completion */

/* LSP CompletionItemKind values. */
enum { CI_FIELD = 5, CI_VARIABLE = 6, CI_CLASS = 7, CI_MODULE = 9, CI_EVENT = 23,
       CI_ENUM_MEMBER = 20, CI_CONSTANT = 21 };

static void add_item(cJSON *items, const char *label, int kind, const char *detail)
{
    cJSON *it = cJSON_CreateObject();
    cJSON_AddStringToObject(it, "label", label);
    cJSON_AddNumberToObject(it, "kind", kind);
    if (detail)
        cJSON_AddStringToObject(it, "detail", detail);
    cJSON_AddItemToArray(items, it);
}

static void add_ids(cJSON *items, const struct scenario *sc, enum sym_kind kind)
{
    if (!sc)
        return;
    switch (kind) {
    case SYM_SCENE:
    case SYM_ENDING:
        for (int i = 0; i < sc->nscenes; i++)
            add_item(items, sc->scenes[i].id, sc->scenes[i].is_ending ? CI_EVENT : CI_MODULE,
                     sc->scenes[i].title);
        break;
    case SYM_STAT:
        for (int i = 0; i < sc->nstats; i++)
            add_item(items, sc->stats[i].id, CI_VARIABLE, sc->stats[i].name);
        break;
    case SYM_DIMENSION:
        for (int i = 0; i < sc->ndimensions; i++)
            add_item(items, sc->dimensions[i].id, CI_ENUM_MEMBER, sc->dimensions[i].name);
        break;
    case SYM_ROLE:
        for (int i = 0; i < sc->nroles; i++)
            add_item(items, sc->roles[i].id, CI_CLASS, sc->roles[i].name);
        break;
    case SYM_FLAG:
        for (int i = 0; i < sc->nflags; i++)
            add_item(items, sc->flags[i], CI_CONSTANT, "flag");
        break;
    default: break;
    }
}

/* The fields of the contract, by table (scenario-api.md). */
static const char *const scenario_fields[] = {
    "id", "title", "summary", "authors", "version", "language", "minutes", "start", "duet",
    "dimensions", "roles", "stats", "ratings", "flags", "settle", "best", "order", NULL};
static const char *const scene_fields[] = {
    "title", "phase", "text", "choices", "by", "timer", "timeout", "conflict", "on_enter",
    "order", "discuss", NULL};
static const char *const choice_fields[] = {
    "id", "next", "score", "effects", "set", "unset", "requires", "when", "act", "feedback",
    "locked", "once", "role", NULL};

static void add_fields(cJSON *items, const char *const *fields, const char *detail)
{
    for (int i = 0; fields[i]; i++)
        add_item(items, fields[i], CI_FIELD, detail);
}

/* Completion inside the string token i (t), the cursor at offset: the
 * names a {name} may use after a '{', else the ids the field it is the
 * value of takes. */
static void complete_in_string(cJSON *items, const struct scenario *sc, const struct lsp_doc *d, long i,
                               const struct lex_token *t, size_t offset)
{
    /* {name} in a text: a '{' before the cursor with no '}' between */
    for (size_t k = offset; k > t->body_start; k--) {
        char c = d->text[k - 1];
        if (c == '{') {
            add_ids(items, sc, SYM_STAT);
            add_ids(items, sc, SYM_DIMENSION);
            add_ids(items, sc, SYM_FLAG);
            add_item(items, "player", CI_VARIABLE, "the player's name");
            add_item(items, "role", CI_VARIABLE, "the player's role");
            return;
        }
        if (!is_id_char(c))
            break;
    }
    bool in_table;
    long f = enclosing_field(d->text, &d->tokens, i, &in_table);
    enum sym_kind k = f >= 0 ? field_kind(d->text, &d->tokens.items[f]) : SYM_NONE;
    if (k == SYM_SCENE)
        add_ids(items, sc, SYM_SCENE);
    else if (k == SYM_FLAG || k == SYM_ROLE)
        add_ids(items, sc, k);
}

/* What kind of id the name token i (t) is the start of: game.stats.X and
 * the like, or a key of effects or score; SYM_NONE when neither. */
static enum sym_kind name_kind(const struct lsp_doc *d, long i, const struct lex_token *t)
{
    enum sym_kind k = t && t->kind == LEX_NAME ? name_context(d->text, &d->tokens, i) : SYM_NONE;
    if (k == SYM_NONE && t && lex_is(d->text, t, ".") && i >= 1) {
        const struct lex_token *f = &d->tokens.items[i - 1];
        k = lex_is(d->text, f, "stats")    ? SYM_STAT
            : lex_is(d->text, f, "score")  ? SYM_DIMENSION
            : lex_is(d->text, f, "flags")  ? SYM_FLAG
            : lex_is(d->text, f, "visits") ? SYM_SCENE
                                           : SYM_NONE;
    }
    return k;
}

/* The fields of the table whose field starts at token f: a stat's or a
 * dimension's ids for effects and score, else the scenario's, a scene's
 * or a choice's fields (both when it cannot tell). */
static void complete_table_fields(cJSON *items, const struct scenario *sc, const struct lsp_doc *d, long f)
{
    const struct lex_token *ft = &d->tokens.items[f];
    enum sym_kind fk = field_kind(d->text, ft);
    if (fk == SYM_STAT || fk == SYM_DIMENSION) {
        add_ids(items, sc, fk);
    } else if (lex_is(d->text, ft, "scenario")) {
        add_fields(items, scenario_fields, "scenario field");
    } else if (lex_is(d->text, ft, "scene") || lex_is(d->text, ft, "ending")) {
        add_fields(items, scene_fields, "scene field");
    } else if (lex_is(d->text, ft, "choices")) {
        add_fields(items, choice_fields, "choice field");
    } else {
        add_fields(items, scene_fields, "scene field");
        add_fields(items, choice_fields, "choice field");
    }
}

cJSON *lsp_completion(struct lsp_server *s, const cJSON *params)
{
    struct spot sp;
    if (!spot_of(s, params, &sp))
        return NULL;
    const struct scenario *sc = sp.root->sc;
    const struct lsp_doc *d = sp.doc;
    cJSON *items = cJSON_CreateArray();
    /* The token the cursor is in or just after; at a '{' or '"' just typed,
     * the token before the cursor. */
    long i = sp.token;
    if (i < 0) {
        for (long k = (long)d->tokens.count - 1; k >= 0; k--)
            if (d->tokens.items[k].end <= sp.offset) {
                i = k;
                break;
            }
    }
    const struct lex_token *t = i >= 0 ? &d->tokens.items[i] : NULL;
    bool in_string = t && t->kind == LEX_STRING && sp.offset >= t->body_start &&
                     (sp.offset <= t->body_end);
    if (in_string) {
        complete_in_string(items, sc, d, i, t, sp.offset);
        return items;
    }
    /* A name: game.stats.X and the like, a key of effects or score, or a
     * field of the table the cursor is in. */
    enum sym_kind k = name_kind(d, i, t);
    if (k != SYM_NONE) {
        add_ids(items, sc, k);
        return items;
    }
    long at = t && t->kind == LEX_NAME && t->end >= sp.offset ? i : i + 1;
    bool in_table;
    long f = enclosing_field(d->text, &d->tokens, at, &in_table);
    if (f >= 0 && in_table)
        complete_table_fields(items, sc, d, f);
    return items;
}

/* ------------------------------------------------------------- outline */

/* LSP SymbolKind values. */
enum { SK_MODULE = 2, SK_CLASS = 5, SK_EVENT = 24 };

cJSON *lsp_document_symbols(struct lsp_server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
    struct lsp_doc *d = cJSON_IsString(uri) ? lsp_doc_find(s, uri->valuestring) : NULL;
    if (!d)
        return NULL;
    const struct scenario *sc = s->roots[d->root].sc;
    cJSON *list = cJSON_CreateArray();
    const struct lex_token *t = d->tokens.items;
    long n = (long)d->tokens.count;
    for (long i = 0; i < n; i++) {
        bool is_scene = lex_is(d->text, &t[i], "scene"), is_ending = lex_is(d->text, &t[i], "ending");
        bool is_scenario = lex_is(d->text, &t[i], "scenario") && i + 1 < n &&
                           lex_is(d->text, &t[i + 1], "{");
        if (!is_scene && !is_ending && !is_scenario)
            continue;
        long idtok = i + 1 < n && lex_is(d->text, &t[i + 1], "(") ? i + 2 : i + 1;
        if (!is_scenario && (idtok >= n || t[idtok].kind != LEX_STRING))
            continue;
        /* The declaration runs to the next one, or the end. */
        long e = i + 1;
        while (e < n && !lex_is(d->text, &t[e], "scene") && !lex_is(d->text, &t[e], "ending") &&
               !lex_is(d->text, &t[e], "include") && !lex_is(d->text, &t[e], "scenario"))
            e++;
        size_t end = t[e - 1].end;
        char *name = is_scenario ? xstrdup("scenario")
                                 : xstrndup(d->text + t[idtok].body_start,
                                            t[idtok].body_end - t[idtok].body_start);
        cJSON *sym = cJSON_CreateObject();
        cJSON_AddStringToObject(sym, "name", name);
        cJSON_AddNumberToObject(sym, "kind", is_scenario ? SK_MODULE : is_ending ? SK_EVENT : SK_CLASS);
        struct sym found = find_sym(sc, name, strlen(name), SYM_SCENE);
        if (found.kind != SYM_NONE && sc->scenes[found.index].title)
            cJSON_AddStringToObject(sym, "detail", sc->scenes[found.index].title);
        cJSON_AddItemToObject(sym, "range", lsp_range(d->text, d->len, t[i].start, end));
        size_t sel_from = is_scenario ? t[i].start : t[idtok].body_start;
        size_t sel_to = is_scenario ? t[i].end : t[idtok].body_end;
        cJSON_AddItemToObject(sym, "selectionRange", lsp_range(d->text, d->len, sel_from, sel_to));
        cJSON_AddItemToArray(list, sym);
        free(name);
        i = e - 1;
    }
    return list;
}

/* ---------------------------------------------------------- quick fixes */

/* From "... 'moral' ... (did you mean 'morale'?)": the suggestion. */
static char *suggestion(const char *message)
{
    const char *p = strstr(message, "did you mean '");
    if (!p)
        return NULL;
    p += strlen("did you mean '");
    const char *e = strchr(p, '\'');
    return e && e > p ? xstrndup(p, (size_t)(e - p)) : NULL;
}

cJSON *lsp_code_actions(struct lsp_server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(params, "context");
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(ctx, "diagnostics");
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
    cJSON *actions = cJSON_CreateArray();
    if (!cJSON_IsString(uri) || !lsp_doc_find(s, uri->valuestring))
        return actions;
    /* A client that sends no diagnostics with the request gets fixes for
     * the ones published on the lines of its range. */
    if (!cJSON_IsArray(diags) || cJSON_GetArraySize(diags) == 0)
        diags = lsp_published_for(s, uri->valuestring);
    int first = lsp_json_int(cJSON_GetObjectItemCaseSensitive(range, "start"), "line");
    int last = lsp_json_int(cJSON_GetObjectItemCaseSensitive(range, "end"), "line");
    const cJSON *dg;
    cJSON_ArrayForEach(dg, diags)
    {
        const cJSON *dr = cJSON_GetObjectItemCaseSensitive(dg, "range");
        int line = lsp_json_int(cJSON_GetObjectItemCaseSensitive(dr, "start"), "line");
        if (cJSON_IsObject(range) && (line < first || line > last))
            continue;
        const cJSON *msg = cJSON_GetObjectItemCaseSensitive(dg, "message");
        char *fix = cJSON_IsString(msg) ? suggestion(msg->valuestring) : NULL;
        if (!fix || !cJSON_IsObject(dr)) {
            free(fix);
            continue;
        }
        cJSON *a = cJSON_CreateObject();
        struct strbuf title;
        sb_init(&title);
        sb_printf(&title, "Change to '%s'", fix);
        cJSON_AddStringToObject(a, "title", title.data);
        sb_free(&title);
        cJSON_AddStringToObject(a, "kind", "quickfix");
        cJSON_AddBoolToObject(a, "isPreferred", true);
        cJSON *list = cJSON_AddArrayToObject(a, "diagnostics");
        cJSON_AddItemToArray(list, cJSON_Duplicate(dg, 1));
        cJSON *edit = cJSON_AddObjectToObject(a, "edit");
        cJSON *changes = cJSON_AddObjectToObject(edit, "changes");
        cJSON *edits = cJSON_AddArrayToObject(changes, uri->valuestring);
        cJSON *te = cJSON_CreateObject();
        cJSON_AddItemToObject(te, "range", cJSON_Duplicate(dr, 1));
        cJSON_AddStringToObject(te, "newText", fix);
        cJSON_AddItemToArray(edits, te);
        cJSON_AddItemToArray(actions, a);
        free(fix);
    }
    return actions;
}
