#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int http_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((unsigned short)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static bool read_all(int fd, struct http_response *r)
{
    size_t cap = 16384, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 30000) <= 0)
            break;
        if (len + 4096 > cap)
            buf = realloc(buf, cap *= 2);
        ssize_t n = read(fd, buf + len, cap - len - 1);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    buf[len] = '\0';
    memset(r, 0, sizeof *r);
    char *sep = strstr(buf, "\r\n\r\n");
    if (!sep || sscanf(buf, "HTTP/1.%*d %d", &r->status) != 1) {
        free(buf);
        r->status = 0;
        return false;
    }
    *sep = '\0';
    r->head = buf;
    r->body = sep + 4;
    r->body_len = len - (size_t)(r->body - buf);
    return true;
}

bool http_raw(int port, const char *data, size_t len, struct http_response *r)
{
    memset(r, 0, sizeof *r);
    int fd = http_connect(port);
    if (fd < 0)
        return false;
    size_t off = 0;
    while (off < len) {
        ssize_t n = send(fd, data + off, len - off, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    /* No half-close (shutdown of the writing side) after the request, as a
     * browser does not: a page that waits for its run is suspended, and
     * libmicrohttpd takes the end of a client's data on a resumed
     * connection for the client leaving. */
    bool ok = read_all(fd, r);
    close(fd);
    return ok;
}

static void keep_cookies(struct http_client *c, const char *head)
{
    const char *p = head;
    while ((p = strstr(p, "\r\nSet-Cookie: "))) {
        p += 14;
        const char *eq = strchr(p, '='), *end = strpbrk(p, ";\r");
        if (!eq || !end || eq > end)
            continue;
        char name[64], value[128];
        snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
        snprintf(value, sizeof value, "%.*s", (int)(end - eq - 1), eq + 1);
        /* Rebuild the jar without name, then add it. */
        char jar[512] = "", *save = NULL, copy[512];
        snprintf(copy, sizeof copy, "%s", c->cookies);
        for (char *tok = strtok_r(copy, "; ", &save); tok; tok = strtok_r(NULL, "; ", &save)) {
            size_t nl = strlen(name);
            if (strncmp(tok, name, nl) == 0 && tok[nl] == '=')
                continue;
            snprintf(jar + strlen(jar), sizeof jar - strlen(jar), "%s%s", jar[0] ? "; " : "", tok);
        }
        if (strstr(p, "Max-Age=0") == NULL || strstr(p, "Max-Age=0") > strchr(p, '\r'))
            snprintf(jar + strlen(jar), sizeof jar - strlen(jar), "%s%s=%s", jar[0] ? "; " : "",
                     name, value);
        snprintf(c->cookies, sizeof c->cookies, "%s", jar);
    }
}

bool http_request(struct http_client *c, const char *method, const char *path, const char *body,
                  struct http_response *r)
{
    char req[4096];
    int n = snprintf(req, sizeof req,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n%s%s%s",
                     method, path, c->port, c->cookies[0] ? "Cookie: " : "", c->cookies,
                     c->cookies[0] ? "\r\n" : "");
    if (body)
        n += snprintf(req + n, sizeof req - (size_t)n,
                      "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n\r\n%s",
                      strlen(body), body);
    else
        n += snprintf(req + n, sizeof req - (size_t)n, "\r\n");
    if (!http_raw(c->port, req, (size_t)n, r))
        return false;
    keep_cookies(c, r->head);
    return true;
}

void http_response_free(struct http_response *r)
{
    free(r->head);
    memset(r, 0, sizeof *r);
}

void http_field(const char *page, const char *name, char *out, size_t cap)
{
    char needle[80];
    snprintf(needle, sizeof needle, "name=\"%s\" value=\"", name);
    const char *p = page ? strstr(page, needle) : NULL;
    out[0] = '\0';
    if (!p)
        return;
    p += strlen(needle);
    const char *end = strchr(p, '"');
    if (end)
        snprintf(out, cap, "%.*s", (int)(end - p), p);
}
