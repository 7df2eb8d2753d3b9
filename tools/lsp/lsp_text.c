/*
 * lsp_text.c: see lsp_text.h.
 */
#include "lsp_text.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/util.h"

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *lsp_uri_to_path(const char *uri)
{
    static const char scheme[] = "file://";
    if (strncmp(uri, scheme, sizeof scheme - 1) != 0)
        return NULL;
    const char *p = uri + sizeof scheme - 1;
    if (*p != '/') /* file://host/path: only the local host's files */
        return NULL;
    struct strbuf sb;
    sb_init(&sb);
    for (; *p; p++) {
        if (*p == '%' && hex_value(p[1]) >= 0 && hex_value(p[2]) >= 0) {
            char c = (char)(hex_value(p[1]) * 16 + hex_value(p[2]));
            if (c == '\0') { /* a NUL can name no file */
                sb_free(&sb);
                return NULL;
            }
            sb_putc(&sb, c);
            p += 2;
        } else if (*p == '?' || *p == '#') {
            break;
        } else {
            sb_putc(&sb, *p);
        }
    }
    return sb_take(&sb);
}

char *lsp_path_to_uri(const char *path)
{
    struct strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (isalnum(*p) || strchr("/-._~", *p))
            sb_putc(&sb, (char)*p);
        else
            sb_printf(&sb, "%%%02X", *p);
    }
    return sb_take(&sb);
}

static size_t line_start(const char *text, size_t len, int line)
{
    size_t i = 0;
    for (int l = 0; l < line && i < len; i++)
        if (text[i] == '\n')
            l++;
    return i;
}

/* The length of the UTF-8 sequence starting with byte c (1 for a stray byte). */
static size_t sequence_length(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

size_t lsp_offset_of(const char *text, size_t len, int line, int character)
{
    size_t i = line_start(text, len, line);
    int units = 0;
    while (i < len && text[i] != '\n' && units < character) {
        size_t n = sequence_length((unsigned char)text[i]);
        units += n == 4 ? 2 : 1;
        i += n;
    }
    return i < len ? i : len;
}

void lsp_position_of(const char *text, size_t len, size_t offset, int *line, int *character)
{
    int l = 0;
    size_t start = 0;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    int units = 0;
    for (size_t i = start; i < offset;) {
        size_t n = sequence_length((unsigned char)text[i]);
        units += n == 4 ? 2 : 1;
        i += n;
    }
    *line = l;
    *character = units;
}

size_t lsp_offset_of_engine(const char *text, size_t len, int line, int col)
{
    if (line <= 0)
        return 0;
    size_t i = line_start(text, len, line - 1);
    for (int c = 1; c < col && i < len && text[i] != '\n'; c++)
        i += sequence_length((unsigned char)text[i]);
    return i < len ? i : len;
}

int lsp_json_int(const struct cJSON *obj, const char *key)
{
    double v = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(obj, key));
    if (!(v >= 0)) /* NaN too */
        return 0;
    return v >= INT_MAX ? INT_MAX : (int)v;
}
