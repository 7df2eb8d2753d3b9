/*
 * lsp_io.c: see lsp_io.h.
 */
#include "lsp_io.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/util.h"

/* The header block ends at the first blank line; a longer one is no header. */
#define LSP_MAX_HEADER 4096

void lsp_reader_init(struct lsp_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
}

void lsp_reader_free(struct lsp_reader *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

/* Reads more bytes onto the buffer: 1 read, 0 end of input, -1 error. */
static int fill(struct lsp_reader *r, size_t want)
{
    if (r->pos > 0 && r->pos == r->len)
        r->pos = r->len = 0;
    if (r->cap - r->len < want) {
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        if (r->cap - r->len < want) {
            r->cap = r->len + want;
            r->buf = xrealloc(r->buf, r->cap);
        }
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        r->len += (size_t)n;
        return n > 0;
    }
}

static const char *find_blank_line(const char *p, size_t n)
{
    for (size_t i = 0; i + 3 < n; i++)
        if (p[i] == '\r' && p[i + 1] == '\n' && p[i + 2] == '\r' && p[i + 3] == '\n')
            return p + i;
    return NULL;
}

enum lsp_read_result lsp_read(struct lsp_reader *r, char **body, size_t *len, char *why,
                              size_t whycap)
{
    const char *end;
    while (!(end = find_blank_line(r->buf + r->pos, r->len - r->pos))) {
        if (r->len - r->pos > LSP_MAX_HEADER) {
            snprintf(why, whycap, "a message header longer than %d bytes", LSP_MAX_HEADER);
            return LSP_READ_ERROR;
        }
        int got = fill(r, 4096);
        if (got < 0) {
            snprintf(why, whycap, "cannot read standard input: %s", strerror(errno));
            return LSP_READ_ERROR;
        }
        if (got == 0) {
            if (r->len == r->pos)
                return LSP_READ_EOF;
            snprintf(why, whycap, "standard input ended inside a message header");
            return LSP_READ_ERROR;
        }
    }
    /* Header lines: Content-Length is required, Content-Type is allowed. */
    long long length = -1;
    const char *line = r->buf + r->pos;
    while (line < end) {
        const char *eol = line;
        while (eol < end && *eol != '\r')
            eol++;
        static const char key[] = "Content-Length:";
        if ((size_t)(eol - line) > sizeof key - 1 && strncasecmp(line, key, sizeof key - 1) == 0) {
            const char *p = line + sizeof key - 1;
            while (p < eol && *p == ' ')
                p++;
            long long v = 0;
            if (p == eol)
                v = -1;
            for (; p < eol && v >= 0; p++) {
                if (*p < '0' || *p > '9' || v > (long long)LSP_MAX_MESSAGE)
                    v = -1;
                else
                    v = v * 10 + (*p - '0');
            }
            if (v < 0) {
                snprintf(why, whycap, "a Content-Length that is not a number");
                return LSP_READ_ERROR;
            }
            length = v;
        }
        line = eol + 2;
    }
    if (length < 0) {
        snprintf(why, whycap, "a message without a Content-Length header");
        return LSP_READ_ERROR;
    }
    if (length > (long long)LSP_MAX_MESSAGE) {
        snprintf(why, whycap, "a message of %lld bytes, over the limit of %u MiB", length,
                 LSP_MAX_MESSAGE / (1024 * 1024));
        return LSP_READ_ERROR;
    }
    r->pos = (size_t)(end - r->buf) + 4;
    size_t need = (size_t)length;
    while (r->len - r->pos < need) {
        int got = fill(r, need - (r->len - r->pos));
        if (got <= 0) {
            snprintf(why, whycap, "standard input ended inside a message");
            return LSP_READ_ERROR;
        }
    }
    *body = xmalloc(need + 1);
    memcpy(*body, r->buf + r->pos, need);
    (*body)[need] = '\0';
    *len = need;
    r->pos += need;
    return LSP_READ_MESSAGE;
}

bool lsp_pending(struct lsp_reader *r)
{
    if (r->len > r->pos)
        return true;
    struct pollfd p = {r->fd, POLLIN, 0};
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP));
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

bool lsp_write(int fd, const char *body)
{
    char header[64];
    size_t n = strlen(body);
    int h = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", n);
    return write_all(fd, header, (size_t)h) && write_all(fd, body, n);
}
