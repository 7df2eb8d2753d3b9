/*
 * http_client.h: a small HTTP/1.1 client for the host's tests and its load
 * benchmark (tools/bench/host_bench.c): one request per connection, a cookie
 * jar of the few cookies the host sets, and the form tokens read off a page.
 */
#ifndef SCALEUP_HTTP_CLIENT_H
#define SCALEUP_HTTP_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

struct http_client {
    int port;
    char cookies[512]; /* "a=1; b=2" */
};

struct http_response {
    int status;   /* 0: no response (connection closed or refused) */
    char *head;   /* the status line and headers */
    char *body;
    size_t body_len;
};

/* GET (body NULL) or POST (an urlencoded body) path; keeps Set-Cookie. */
bool http_request(struct http_client *c, const char *method, const char *path, const char *body,
                  struct http_response *r);
/* Sends raw bytes and reads the answer (hostile requests). */
bool http_raw(int port, const char *data, size_t len, struct http_response *r);
void http_response_free(struct http_response *r);
/* The value of a hidden input name="NAME" on a page, into out ("" when none). */
void http_field(const char *page, const char *name, char *out, size_t cap);
/* Connects to the port on 127.0.0.1; -1 on failure. */
int http_connect(int port);

#endif
