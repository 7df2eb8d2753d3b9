/*
 * lsp_io.h: the Language Server Protocol's base protocol on two file
 * descriptors: messages framed by a Content-Length header, JSON bodies.
 */
#ifndef SCALEUP_LSP_IO_H
#define SCALEUP_LSP_IO_H

#include <stdbool.h>
#include <stddef.h>

/* The largest message body read: a whole scenario file (LIMIT_FILE_BYTES)
 * escaped as JSON, with room for the rest of a didChange. */
#define LSP_MAX_MESSAGE (40u * 1024u * 1024u)

struct lsp_reader {
    int fd;
    char *buf;
    size_t len, cap, pos; /* bytes [pos, len) are read but not yet used */
};

enum lsp_read_result {
    LSP_READ_MESSAGE, /* *body holds a NUL-terminated body (caller frees) */
    LSP_READ_EOF,     /* the client closed the stream between messages */
    LSP_READ_ERROR,   /* a malformed header, a body over the limit, a read error; why says which */
};

void lsp_reader_init(struct lsp_reader *r, int fd);
void lsp_reader_free(struct lsp_reader *r);

/* Reads one message, waiting for it. */
enum lsp_read_result lsp_read(struct lsp_reader *r, char **body, size_t *len, char *why,
                              size_t whycap);

/* True when a whole or partial message is waiting (buffered or on the fd):
 * the server checks scenarios only when the client has nothing more to say,
 * so a burst of keystrokes costs one check. */
bool lsp_pending(struct lsp_reader *r);

/* Writes one message (a JSON body) to fd. False when the client is gone. */
bool lsp_write(int fd, const char *body);

#endif
