/*
 * host.c: scaleup host's HTTP side: libmicrohttpd (its own threads, epoll,
 * per-connection memory and timeouts), the routes, and the room's safety:
 * the workshop code to join, the facilitator's token, HttpOnly SameSite=Strict
 * cookies, a form token against CSRF, a Content-Security-Policy, limits on
 * teams, request sizes and requests per client. Nothing from a browser is
 * used as a path or run: it picks scenarios and roles by number from the
 * host's own list, and teams by random tokens.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "core/catalog.h"
#include "core/loader.h"
#include "core/run.h"
#include "core/utf8.h"
#include "host_internal.h"
#include "report/output.h"
#include "report/results.h"

struct host host;

static const char code_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
static const char hex_alphabet[] = "0123456789abcdef";

void host_random(char *out, int n, const char *alphabet)
{
    unsigned char bytes[64];
    size_t len = strlen(alphabet);
    size_t got = 0;
    while (got < (size_t)n) {
        ssize_t r = getrandom(bytes + got, (size_t)n - got, 0);
        if (r < 0 && errno != EINTR) {
            fprintf(stderr, "scaleup host: getrandom: %s\n", strerror(errno));
            exit(1);
        }
        if (r > 0)
            got += (size_t)r;
    }
    /* 256 is a multiple of 16 and of 32: no bias for our alphabets. */
    for (int i = 0; i < n; i++)
        out[i] = alphabet[bytes[i] % len];
    out[n] = '\0';
}

/* Compares a secret without telling by its time how much matched. */
static bool same_secret(const char *given, const char *secret)
{
    if (!given)
        return false;
    size_t n = strlen(secret);
    if (strlen(given) != n || n == 0)
        return false;
    unsigned char d = 0;
    for (size_t i = 0; i < n; i++)
        d |= (unsigned char)(given[i] ^ secret[i]);
    return d == 0;
}

/* ---- Requests per client: a token bucket per team cookie, else per address. */

#define BUCKETS 4096
static struct bucket {
    uint64_t key;
    double tokens, at;
} buckets[BUCKETS];
static pthread_mutex_t buckets_mu = PTHREAD_MUTEX_INITIALIZER;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h | 1;
}

static bool allow_request(const char *client)
{
    uint64_t key = hash_str(client);
    double now = clock_seconds();
    pthread_mutex_lock(&buckets_mu);
    struct bucket *b = &buckets[key % BUCKETS];
    if (b->key != key) { /* a new client (or one evicted by a collision: it starts afresh) */
        b->key = key;
        b->tokens = LIMIT_HOST_BURST;
        b->at = now;
    }
    b->tokens += (now - b->at) * LIMIT_HOST_PER_SECOND;
    if (b->tokens > LIMIT_HOST_BURST)
        b->tokens = LIMIT_HOST_BURST;
    b->at = now;
    bool ok = b->tokens >= 1;
    if (ok)
        b->tokens -= 1;
    pthread_mutex_unlock(&buckets_mu);
    return ok;
}

/* ---- Forms: application/x-www-form-urlencoded, bounded. */

struct request {
    char body[LIMIT_HOST_BODY_BYTES + 1];
    size_t len;
    bool too_large;
    bool limited;
    bool resumed; /* was suspended until its run was ready */
};

#define FORM_FIELDS 8
struct form {
    char names[FORM_FIELDS][16];
    char values[FORM_FIELDS][LIMIT_NAME_BYTES * 3 + 1];
    int n;
};

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static void url_decode(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%' && i + 2 < n + 0 && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
}

static void form_parse(const char *body, struct form *f)
{
    f->n = 0;
    const char *p = body;
    while (*p && f->n < FORM_FIELDS) {
        const char *amp = strchr(p, '&');
        size_t len = amp ? (size_t)(amp - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        if (eq) {
            url_decode(p, (size_t)(eq - p), f->names[f->n], sizeof f->names[f->n]);
            url_decode(eq + 1, len - (size_t)(eq - p) - 1, f->values[f->n], sizeof f->values[f->n]);
            f->n++;
        }
        p += len + (amp ? 1 : 0);
    }
}

static const char *form_get(const struct form *f, const char *name)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->names[i], name) == 0)
            return f->values[i];
    return "";
}

/* ---- Responses. */

static const char csp[] = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                          "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, const char *type,
                               const char *body, size_t len, const char *cookie,
                               const char *location)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (cookie)
        MHD_add_response_header(r, "Set-Cookie", cookie);
    if (location)
        MHD_add_response_header(r, "Location", location);
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result respond_page(struct MHD_Connection *c, unsigned status, struct strbuf *page,
                                    const char *cookie)
{
    enum MHD_Result r = respond(c, status, "text/html; charset=utf-8", page->data ? page->data : "",
                                page->len, cookie, NULL);
    sb_free(page);
    return r;
}

static enum MHD_Result redirect(struct MHD_Connection *c, const char *to, const char *cookie)
{
    return respond(c, 303, "text/plain; charset=utf-8", "", 0, cookie, to);
}

static enum MHD_Result message(struct MHD_Connection *c, const struct page_ctx *pc, unsigned status,
                               const char *title, const char *text)
{
    struct strbuf page;
    sb_init(&page);
    page_message(&page, pc, title, text);
    return respond_page(c, status, &page, NULL);
}

static void set_cookie(char *buf, size_t cap, const char *name, const char *value, int max_age)
{
    str_format(buf, cap, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", name, value,
               max_age);
}

/* ---- Teams. */

/* The team and seat whose cookie (or, by_resume, resume code) is secret;
 * NULL when none. Every seat is compared, in constant time each, under the
 * lock: the teams grow while others join. */
static struct team *team_by_seat_secret(const char *secret, bool by_resume, int *seat)
{
    struct team *found = NULL;
    pthread_mutex_lock(&host.mu);
    for (int i = 0; i < host.nteams && !found; i++)
        for (int k = 0; k < host.teams[i]->nseats && !found; k++) {
            const struct seat *st = &host.teams[i]->seats[k];
            if (same_secret(secret, by_resume ? st->resume : st->cookie)) {
                found = host.teams[i];
                *seat = k;
            }
        }
    pthread_mutex_unlock(&host.mu);
    return found;
}

/* The team and seat a browser's cookie belongs to; NULL when none. */
static struct team *team_by_cookie(const char *cookie, int *seat)
{
    if (!cookie || strlen(cookie) != HOST_TOKEN_CHARS)
        return NULL;
    return team_by_seat_secret(cookie, false, seat);
}

/* A code as typed (any case, spaces and dashes ignored) into out, which
 * holds n characters; false when it has another length. */
static bool normal_code(const char *given, int n, char *out)
{
    int got = 0;
    for (const char *p = given; *p; p++) {
        if (*p == ' ' || *p == '-')
            continue;
        if (got == n)
            return false;
        out[got++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    }
    out[got] = '\0';
    return got == n;
}

static struct team *team_by_resume(const char *code, int *seat)
{
    char norm[HOST_RESUME_CHARS + 1];
    if (!normal_code(code, HOST_RESUME_CHARS, norm))
        return NULL;
    return team_by_seat_secret(norm, true, seat);
}

static bool code_matches(const char *given)
{
    char norm[HOST_CODE_CHARS + 1];
    return normal_code(given, HOST_CODE_CHARS, norm) && same_secret(norm, host.code);
}

/* A team name: 1 to LIMIT_NAME_BYTES bytes of valid UTF-8 without control
 * characters, trimmed. */
static bool clean_name(const char *in, char *out, size_t cap)
{
    while (*in == ' ')
        in++;
    str_copy(out, cap, in);
    size_t n = strlen(out);
    while (n && out[n - 1] == ' ')
        out[--n] = '\0';
    if (n == 0 || n > LIMIT_NAME_BYTES || strlen(in) >= cap)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
            return false;
    size_t bad;
    return utf8_valid(out, n, &bad);
}

static void new_seat(struct seat *seat, const char *name)
{
    host_random(seat->cookie, HOST_TOKEN_CHARS, hex_alphabet);
    host_random(seat->csrf, HOST_TOKEN_CHARS, hex_alphabet);
    host_random(seat->resume, HOST_RESUME_CHARS, code_alphabet);
    str_copy(seat->name, sizeof seat->name, name);
}

static void start_or_say(struct team *t)
{
    if (!team_start(t)) {
        pthread_mutex_lock(&t->mu);
        t->state = TEAM_ENDED;
        str_copy(t->message, sizeof t->message, "The host could not start the run (no thread).");
        pthread_mutex_unlock(&t->mu);
    }
}

static enum MHD_Result join(struct MHD_Connection *c, const struct page_ctx *pc,
                            const struct form *f)
{
    char name[LIMIT_NAME_BYTES + 1];
    const char *error = NULL;
    int sc = -1, role = -1;
    if (sscanf(form_get(f, "pick"), "%d.%d", &sc, &role) != 2 || sc < 0 || sc >= host.nscenarios ||
        role < 0 || role >= host.scenarios[sc].nroles)
        error = "Choose a scenario and a role from the list.";
    if (!clean_name(form_get(f, "name"), name, sizeof name))
        error = "Give your team a name (at most 64 bytes, no control characters).";
    if (!code_matches(form_get(f, "code")))
        error = "That is not the workshop code: it is on the projector.";
    bool duet = strcmp(form_get(f, "duet"), "1") == 0;
    if (!error && duet && !host.scenarios[sc].duet)
        error = "That scenario is not written for duets: choose a solo run or another scenario.";
    if (error) {
        struct strbuf page;
        sb_init(&page);
        page_join(&page, pc, error);
        return respond_page(c, 400, &page, NULL);
    }
    struct team *t = team_new();
    new_seat(&t->seats[0], name);
    t->duet = duet;
    if (duet) {
        t->state = TEAM_PAIRING;
        host_random(t->pair, HOST_PAIR_CHARS, code_alphabet);
    }
    t->scenario = sc;
    t->role = role;
    if (host.cfg->seed_given) {
        t->seed = host.cfg->seed;
    } else {
        char digits[7];
        host_random(digits, 6, "0123456789");
        t->seed = strtoull(digits, NULL, 10); /* short enough to read out */
    }
    pthread_mutex_lock(&host.mu);
    if (host.nteams >= LIMIT_HOST_TEAMS) {
        pthread_mutex_unlock(&host.mu);
        free(t);
        return message(c, pc, 503, "The room is full",
                       "This host already has as many teams as it takes. Ask the facilitator.");
    }
    t->index = host.nteams;
    host.teams[host.nteams++] = t;
    pthread_mutex_unlock(&host.mu);
    if (!duet) /* a duet starts when its partner joins */
        start_or_say(t);
    char cookie[128];
    set_cookie(cookie, sizeof cookie, "team", t->seats[0].cookie, 7 * 24 * 3600);
    return redirect(c, "/play", cookie);
}

/* A duet's partner joins with the pair code the first team's page shows;
 * then the run starts, one company for both browsers. */
static enum MHD_Result pair(struct MHD_Connection *c, const struct page_ctx *pc,
                            const struct form *f)
{
    char name[LIMIT_NAME_BYTES + 1], code[HOST_PAIR_CHARS + 1];
    const char *error = NULL;
    bool named = clean_name(form_get(f, "name"), name, sizeof name);
    bool coded = normal_code(form_get(f, "pair"), HOST_PAIR_CHARS, code);
    struct team *t = NULL;
    if (!code_matches(form_get(f, "code")))
        error = "That is not the workshop code: it is on the projector.";
    else if (!named)
        error = "Give your team a name (at most 64 bytes, no control characters).";
    if (!error && coded) {
        pthread_mutex_lock(&host.mu);
        for (int i = 0; i < host.nteams && !t; i++)
            if (host.teams[i]->pair[0] && same_secret(code, host.teams[i]->pair))
                t = host.teams[i];
        if (t) /* the code is used once */
            t->pair[0] = '\0';
        pthread_mutex_unlock(&host.mu);
    }
    if (t) {
        /* The seat is read under either lock (pages, finding a cookie):
         * written under both, in the pages' order. */
        pthread_mutex_lock(&t->mu);
        pthread_mutex_lock(&host.mu);
        new_seat(&t->seats[1], name);
        t->nseats = 2;
        pthread_mutex_unlock(&host.mu);
        pthread_mutex_unlock(&t->mu);
    }
    if (!error && !t)
        error = "That pair code does not match a duet waiting for its partner: it is on your "
                "partner team's page.";
    if (error) {
        struct strbuf page;
        sb_init(&page);
        page_join(&page, pc, error);
        return respond_page(c, 400, &page, NULL);
    }
    start_or_say(t);
    char cookie[128];
    set_cookie(cookie, sizeof cookie, "team", t->seats[1].cookie, 7 * 24 * 3600);
    return redirect(c, "/play", cookie);
}

/* A choice from seat's browser: in a duet's secret scene its pick, kept
 * until both picks are in; otherwise the decider's choice. False when it
 * does not fit what the run waits for; *send when cmd is ready to go. Under
 * t->mu. */
static bool take_choice(struct team *t, int seat, unsigned step, const char *choice,
                        struct fe_command *cmd, bool *send)
{
    char *e;
    long long v = strtoll(choice, &e, 10);
    if (*e || v < 1 || v > LIMIT_CHOICES_PER_SCENE || t->state != TEAM_DECIDE || step != t->step)
        return false;
    const struct game *g = t->s.g;
    *cmd = fe_command(FE_CHOOSE);
    if (t->nseats == 2 && game_is_secret(g)) {
        if (t->picks[seat] || v > g->view.menu[seat].nopen)
            return false;
        t->picks[seat] = (int)v;
        cmd->number = t->picks[0];
        cmd->number2 = t->picks[1];
        *send = t->picks[0] && t->picks[1];
        return true;
    }
    if ((t->nseats == 2 && g->view.decider != seat) || v > game_menu(g)->nopen)
        return false;
    cmd->number = (int)v;
    *send = true;
    return true;
}

static enum MHD_Result act(struct MHD_Connection *c, struct team *t, int seat,
                           const struct form *f)
{
    char *end;
    const char *stepv = form_get(f, "step");
    unsigned long step = strtoul(stepv, &end, 10);
    if (!stepv[0] || *end)
        return redirect(c, "/play", NULL);
    const char *action = form_get(f, "action"), *choice = form_get(f, "choice");
    team_lock_ready(t);
    struct fe_command cmd = fe_command(FE_CONTINUE);
    bool ok = true, send = true;
    if (choice[0]) {
        ok = take_choice(t, seat, (unsigned)step, choice, &cmd, &send);
    } else if (strcmp(action, "undo") == 0) {
        ok = t->open && t->state != TEAM_ERROR;
        cmd = fe_command(FE_UNDO);
    } else if (strcmp(action, "continue") == 0) {
        ok = t->state == TEAM_OUTCOME || t->state == TEAM_ERROR;
    } else if (strcmp(action, "restart") == 0) {
        ok = t->state == TEAM_DEBRIEF;
        cmd = fe_command(FE_RESTART);
    } else {
        ok = false;
    }
    if (ok && send)
        team_send(t, (unsigned)step, cmd);
    pthread_mutex_unlock(&t->mu);
    /* A stale or unknown form (a second click, an old tab) only shows the
     * run as it is. */
    return redirect(c, "/play", NULL);
}

/* ---- The facilitator's downloads: the report, built from DIR. */

static void ignore_warning(void *ctx, const char *message)
{
    (void)ctx;
    (void)message;
}

static enum MHD_Result report(struct MHD_Connection *c, const struct page_ctx *pc, const char *what)
{
    struct report r;
    char err[512];
    const char *paths[] = {host.cfg->results_dir};
    /* The scenarios the host serves, so that the report reads them. */
    const char *served[HOST_MAX_SCENARIOS];
    for (int i = 0; i < host.nscenarios; i++)
        served[i] = host.scenarios[i].path;
    struct rep_sources src = {served, host.nscenarios, true};
    if (!report_load(&r, paths, 1, &src, ignore_warning, NULL, err, sizeof err))
        return message(c, pc, 500, "No report", err);
    struct strbuf out;
    sb_init(&out);
    const char *type = "text/csv; charset=utf-8";
    if (strcmp(what, "report.html") == 0) {
        report_html(&r, &out);
        type = "text/html; charset=utf-8";
    } else if (strcmp(what, "statements.json") == 0) {
        /* The workshop's home page names players and activities: the join
         * address is the one the room knows. */
        struct xapi_options xo = {host.base_url, false, NULL, 0};
        report_xapi(&r, &xo, ignore_warning, NULL, &out);
        type = "application/json; charset=utf-8";
    } else if (strcmp(what, "runs.csv") == 0) {
        report_csv_runs(&r, &out);
    } else {
        report_csv_decisions(&r, &out);
    }
    report_free(&r);
    enum MHD_Result res = respond(c, 200, type, out.data ? out.data : "", out.len, NULL, NULL);
    sb_free(&out);
    return res;
}

/* ---- The routes. */

static bool hex_token(const char *s)
{
    if (!s || strlen(s) != HOST_TOKEN_CHARS)
        return false;
    for (const char *p = s; *p; p++)
        if (!strchr(hex_alphabet, *p))
            return false;
    return true;
}

static const char *client_address(struct MHD_Connection *c, char *buf, size_t cap)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    buf[0] = '\0';
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, buf,
                      (socklen_t)cap);
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, buf,
                      (socklen_t)cap);
    }
    return buf;
}

/* The first call for a request: its state, and whether it is over budget.
 * One budget per team (a room behind one address keeps going), else per
 * address. */
static enum MHD_Result start_request(struct MHD_Connection *c, const char *team_cookie,
                                     void **con_cls)
{
    struct request *req = calloc(1, sizeof *req);
    if (!req)
        return MHD_NO;
    *con_cls = req;
    char addr[64];
    char key[80];
    if (hex_token(team_cookie))
        str_format(key, sizeof key, "t:%s", team_cookie);
    else
        str_format(key, sizeof key, "a:%s", client_address(c, addr, sizeof addr));
    req->limited = !allow_request(key);
    return MHD_YES;
}

/* Keeps a piece of the body, or notes that the body is too large. */
static void read_upload(struct request *req, const char *upload_data, size_t *upload_data_size)
{
    if (req->len + *upload_data_size > LIMIT_HOST_BODY_BYTES) {
        req->too_large = true;
    } else {
        memcpy(req->body + req->len, upload_data, *upload_data_size);
        req->len += *upload_data_size;
    }
    *upload_data_size = 0;
}

static bool known_theme(const char *name)
{
    return name && (strcmp(name, "dark") == 0 || strcmp(name, "light") == 0 ||
                    strcmp(name, "contrast") == 0);
}

/* The style sheet, the script and the theme switch: the same for anyone.
 * False when url is none of them. */
static bool serve_static(struct MHD_Connection *c, const char *url, const char *team_cookie,
                         enum MHD_Result *res)
{
    if (strcmp(url, "/s/style.css") == 0) {
        *res = respond(c, 200, "text/css; charset=utf-8", host_css, strlen(host_css), NULL, NULL);
        return true;
    }
    if (strcmp(url, "/s/keys.js") == 0) {
        *res = respond(c, 200, "text/javascript; charset=utf-8", host_js, strlen(host_js), NULL,
                       NULL);
        return true;
    }
    if (strcmp(url, "/theme") == 0) {
        const char *name = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "name");
        char cookie[96];
        if (known_theme(name))
            set_cookie(cookie, sizeof cookie, "theme", name, 365 * 24 * 3600);
        else
            set_cookie(cookie, sizeof cookie, "theme", "system", 0);
        int seat;
        *res = redirect(c, team_by_cookie(team_cookie, &seat) ? "/play" : "/", cookie);
        return true;
    }
    return false;
}

/* Forms come from our own pages: a browser sends Origin with a POST; when
 * it names another site, the request is refused whatever it carries. */
static bool from_another_site(struct MHD_Connection *c)
{
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    const char *hosthdr = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    if (!origin || strcmp(origin, "null") == 0)
        return false;
    const char *o = strstr(origin, "://");
    return !o || !hosthdr || strcmp(o + 3, hosthdr) != 0;
}

/* The facilitator's pages: the token in the link once, then a cookie. */
static enum MHD_Result facilitator(struct MHD_Connection *c, struct page_ctx *pc, const char *url,
                                   bool get, bool post, const struct form *f)
{
    const char *given = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "t");
    const char *fac = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "fac");
    bool by_link = same_secret(given, host.token);
    if (!by_link && !same_secret(fac, host.token))
        return message(c, pc, 403, "Facilitator only",
                       "This page needs the facilitator's link, printed when the host started.");
    pc->csrf = host.fac_csrf;
    char cookie[128];
    set_cookie(cookie, sizeof cookie, "fac", host.token, 24 * 3600);
    if (get && strcmp(url, "/facilitator") == 0) {
        struct strbuf page;
        sb_init(&page);
        page_facilitator(&page, pc);
        return respond_page(c, 200, &page, by_link ? cookie : NULL);
    }
    if (post && strcmp(url, "/facilitator/reveal") == 0) {
        if (!same_secret(form_get(f, "csrf"), host.fac_csrf))
            return message(c, pc, 403, "Refused", "That form is not from this page.");
        host.reveal = strcmp(form_get(f, "reveal"), "1") == 0;
        return redirect(c, "/facilitator", NULL);
    }
    if (get && (strcmp(url, "/facilitator/report.html") == 0 ||
                strcmp(url, "/facilitator/runs.csv") == 0 ||
                strcmp(url, "/facilitator/decisions.csv") == 0 ||
                strcmp(url, "/facilitator/statements.json") == 0))
        return report(c, pc, url + 13);
    return message(c, pc, 404, "Not found", "There is no such page.");
}

/* The start page with the join form. Its token: a cookie the form repeats
 * (double submit). */
static enum MHD_Result start_page(struct MHD_Connection *c, struct page_ctx *pc)
{
    const char *pre = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "pre");
    char fresh[HOST_TOKEN_CHARS + 1], cookie[128] = "";
    if (!hex_token(pre)) {
        host_random(fresh, HOST_TOKEN_CHARS, hex_alphabet);
        set_cookie(cookie, sizeof cookie, "pre", fresh, 24 * 3600);
        pre = fresh;
    }
    pc->csrf = pre;
    struct strbuf page;
    sb_init(&page);
    page_join(&page, pc, NULL);
    return respond_page(c, 200, &page, cookie[0] ? cookie : NULL);
}

/* The start page's forms: join, pair or resume. */
static enum MHD_Result start_form(struct MHD_Connection *c, struct page_ctx *pc, const char *url,
                                  const struct form *f)
{
    const char *pre = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "pre");
    if (!hex_token(pre) || !same_secret(form_get(f, "csrf"), pre))
        return message(c, pc, 403, "Please try again",
                       "That form is out of date or not from this page: open the start page "
                       "again.");
    pc->csrf = pre;
    if (strcmp(url, "/join") == 0)
        return join(c, pc, f);
    if (strcmp(url, "/pair") == 0)
        return pair(c, pc, f);
    int rseat = 0;
    struct team *r = team_by_resume(form_get(f, "resume"), &rseat);
    if (!code_matches(form_get(f, "code")) || !r) {
        struct strbuf page;
        sb_init(&page);
        page_join(&page, pc, "That workshop code and resume code do not match a run.");
        return respond_page(c, 400, &page, NULL);
    }
    char cookie[128];
    set_cookie(cookie, sizeof cookie, "team", r->seats[rseat].cookie, 7 * 24 * 3600);
    return redirect(c, "/play", cookie);
}

/* The team's page. While the run carries out the last command (a Lua call,
 * the result file's write and fsync), the page waits without holding one of
 * the few HTTP threads, which serve the other teams meanwhile: the run
 * resumes it when it is ready. Once only, then (or when too many of the
 * team's pages wait) the bounded wait of team_lock_ready. */
static enum MHD_Result play_page(struct MHD_Connection *c, struct request *req,
                                 const struct page_ctx *pc, struct team *t, int seat)
{
    pthread_mutex_lock(&t->mu);
    if (team_busy(t) && !req->resumed && t->nwaiters < HOST_WAITERS) {
        t->waiters[t->nwaiters++] = c;
        req->resumed = true;
        MHD_suspend_connection(c);
        pthread_mutex_unlock(&t->mu);
        return MHD_YES;
    }
    pthread_mutex_unlock(&t->mu);
    team_lock_ready(t);
    struct strbuf page;
    sb_init(&page);
    page_team(&page, pc, t, seat);
    pthread_mutex_unlock(&t->mu);
    return respond_page(c, 200, &page, NULL);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
    (void)cls;
    (void)version;
    struct request *req = *con_cls;
    const char *team_cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "team");
    if (!req)
        return start_request(c, team_cookie, con_cls);
    if (*upload_data_size) {
        read_upload(req, upload_data, upload_data_size);
        return MHD_YES;
    }
    req->body[req->len] = '\0';

    const char *theme = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "theme");
    struct page_ctx pc = {"", ""};
    if (known_theme(theme))
        pc.theme = theme;
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    bool post = strcmp(method, "POST") == 0;
    if (req->limited)
        return message(c, &pc, 429, "Too many requests",
                       "This browser sent more requests than a person can; wait a few seconds "
                       "and reload the page.");
    if (req->too_large)
        return message(c, &pc, 413, "Too much data", "That form sent more than this host reads.");
    if (!get && !post)
        return message(c, &pc, 405, "Not allowed", "Only GET and POST are served here.");
    enum MHD_Result res;
    if (get && serve_static(c, url, team_cookie, &res))
        return res;

    struct form f;
    form_parse(req->body, &f);
    if (post && from_another_site(c))
        return message(c, &pc, 403, "Refused", "That form came from another site.");
    if (strncmp(url, "/facilitator", 12) == 0)
        return facilitator(c, &pc, url, get, post, &f);

    int seat = 0;
    struct team *t = team_by_cookie(team_cookie, &seat);
    if (t)
        pc.csrf = t->seats[seat].csrf;
    if (get && strcmp(url, "/") == 0)
        return t ? redirect(c, "/play", NULL) : start_page(c, &pc);
    if (post && (strcmp(url, "/join") == 0 || strcmp(url, "/resume") == 0 ||
                 strcmp(url, "/pair") == 0))
        return start_form(c, &pc, url, &f);
    if (!t && (strcmp(url, "/play") == 0 || strcmp(url, "/act") == 0))
        return redirect(c, "/", NULL);
    if (get && strcmp(url, "/play") == 0)
        return play_page(c, req, &pc, t, seat);
    if (post && strcmp(url, "/act") == 0) {
        if (!same_secret(form_get(&f, "csrf"), t->seats[seat].csrf))
            return message(c, &pc, 403, "Please try again",
                           "That form is not from this page: go back to the game and choose again.");
        return act(c, t, seat, &f);
    }
    return message(c, &pc, 404, "Not found", "There is no such page.");
}

void host_resume(void *connection)
{
    MHD_resume_connection(connection);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    free(*con_cls);
    *con_cls = NULL;
}

/* ---- Start-up. */

static bool load_scenarios(void)
{
    for (int i = 0; i < host.cfg->nscenarios; i++) {
        struct host_scenario *hs = &host.scenarios[host.nscenarios];
        struct diag_list diags;
        diag_list_init(&diags);
        struct scenario *sc = scenario_load(host.cfg->scenarios[i], &host.cfg->limits, &diags);
        if (!sc) {
            struct strbuf line;
            sb_init(&line);
            if (diags.count)
                diag_format(&diags.items[0], false, &line);
            fprintf(stderr, "scaleup host: %s does not load: %s\n", host.cfg->scenarios[i],
                    line.data ? line.data : "");
            sb_free(&line);
            diag_list_free(&diags);
            return false;
        }
        diag_list_free(&diags);
        str_copy(hs->path, sizeof hs->path, host.cfg->scenarios[i]);
        str_copy(hs->id, sizeof hs->id, sc->id);
        str_copy(hs->title, sizeof hs->title, sc->title);
        hs->nroles = sc->nroles;
        hs->duet = sc->duet && sc->nroles == 2;
        for (int r = 0; r < sc->nroles; r++) {
            str_copy(hs->role_ids[r], sizeof hs->role_ids[r], sc->roles[r].id);
            str_copy(hs->role_names[r], sizeof hs->role_names[r], sc->roles[r].name);
        }
        scenario_free(sc);
        host.nscenarios++;
    }
    return true;
}

/* The address the room can reach: the one a route out of this computer
 * would use (a UDP socket "connected" to a documentation address sends
 * nothing). A phone scanning the QR code may not resolve the host's name. */
static bool route_out_address(char *out, size_t cap)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return false;
    struct sockaddr_in to, me;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons(9);
    inet_pton(AF_INET, "192.0.2.1", &to.sin_addr); /* TEST-NET-1 (RFC 5737) */
    socklen_t len = sizeof me;
    bool ok = connect(fd, (const struct sockaddr *)&to, sizeof to) == 0 &&
              getsockname(fd, (struct sockaddr *)&me, &len) == 0 &&
              me.sin_addr.s_addr != htonl(INADDR_ANY) &&
              inet_ntop(AF_INET, &me.sin_addr, out, (socklen_t)cap) != NULL;
    close(fd);
    return ok;
}

static volatile sig_atomic_t stop;
static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

/* The workshop's state: the scenarios, the state folder, and the code,
 * token and teams (a restarted host keeps its code, token and runs). */
static bool prepare_host(const struct host_config *cfg)
{
    memset(&host, 0, sizeof host);
    host.cfg = cfg;
    pthread_mutex_init(&host.mu, NULL);
    if (!load_scenarios())
        return false;
    mkdir(cfg->results_dir, 0755);
    str_format(host.state_dir, sizeof host.state_dir, "%s/.scaleup-host", cfg->results_dir);
    if (mkdir(host.state_dir, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "scaleup host: cannot create %s: %s\n", host.state_dir, strerror(errno));
        return false;
    }
    host_random(host.code, HOST_CODE_CHARS, code_alphabet);
    host_random(host.token, HOST_TOKEN_CHARS, hex_alphabet);
    host_random(host.fac_csrf, HOST_TOKEN_CHARS, hex_alphabet);
    host_load_teams();
    pthread_mutex_lock(&host.mu);
    host_save_teams();
    pthread_mutex_unlock(&host.mu);
    return true;
}

/* The web server on --bind and --port, its connections limited; NULL
 * (after saying why) when it cannot listen. */
static struct MHD_Daemon *start_server(const struct host_config *cfg)
{
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)cfg->port);
    sa.sin_addr.s_addr = htonl(INADDR_ANY);
    if (cfg->bind && inet_pton(AF_INET, cfg->bind, &sa.sin_addr) != 1) {
        fprintf(stderr, "scaleup host: --bind takes an IPv4 address such as 127.0.0.1\n");
        return NULL;
    }
    signal(SIGPIPE, SIG_IGN);
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
            MHD_ALLOW_SUSPEND_RESUME,
        0, NULL, NULL,
        handle, NULL, MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_THREAD_POOL_SIZE, 4u,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)LIMIT_HOST_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)LIMIT_HOST_CONNECTIONS_PER_IP,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)LIMIT_HOST_IDLE_SECONDS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)LIMIT_HOST_REQUEST_BYTES,
        MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_END);
    if (!d)
        fprintf(stderr, "scaleup host: cannot listen on %s port %d: %s\n",
                cfg->bind ? cfg->bind : "every address", cfg->port, strerror(errno));
    return d;
}

/* Where the room joins, printed for the facilitator (and the port in
 * --ready-file, for scripts): the address others reach this computer at. */
static void announce(const struct host_config *cfg, struct MHD_Daemon *d)
{
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int port = di ? di->port : cfg->port;
    const char *shown = cfg->bind && strcmp(cfg->bind, "0.0.0.0") != 0 ? cfg->bind : NULL;
    char addr[256] = "this-computer";
    if (!shown) {
        shown = addr;
        if (!route_out_address(addr, sizeof addr) && gethostname(addr, sizeof addr) != 0)
            str_copy(addr, sizeof addr, "this-computer");
    }
    str_format(host.base_url, sizeof host.base_url, "http://%s:%d/", shown, port);
    printf("ScaleUp host: %d scenario%s, results in %s\n", host.nscenarios,
           host.nscenarios == 1 ? "" : "s", cfg->results_dir);
    printf("Players open:     %s\n", host.base_url);
    printf("Workshop code:    %s\n", host.code);
    printf("Facilitator view: http://%s:%d/facilitator?t=%s\n", shown, port, host.token);
    printf("Stop with Ctrl+C: every decision is already in %s.\n", cfg->results_dir);
    fflush(stdout);
    if (cfg->ready_file) {
        char text[64];
        int n = snprintf(text, sizeof text, "%d\n", port);
        struct diag err;
        file_write_atomic(cfg->ready_file, text, (size_t)n, &err);
    }
}

/* Every decision is on disk already (the session writes it at once); the
 * runs' threads are left to the exit. No connection may stay suspended
 * when the daemon stops. (A team's lock is never taken inside host.mu:
 * the pages take them the other way.) */
static void wake_every_team(void)
{
    pthread_mutex_lock(&host.mu);
    int nteams = host.nteams;
    pthread_mutex_unlock(&host.mu);
    for (int i = 0; i < nteams; i++) {
        pthread_mutex_lock(&host.teams[i]->mu);
        team_wake(host.teams[i]);
        pthread_mutex_unlock(&host.teams[i]->mu);
    }
}

int host_run(const struct host_config *cfg)
{
    if (!prepare_host(cfg))
        return 1;
    struct MHD_Daemon *d = start_server(cfg);
    if (!d)
        return 1;
    announce(cfg, d);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    while (!stop)
        pause();
    wake_every_team();
    MHD_stop_daemon(d);
    printf("ScaleUp host stopped.\n");
    return 0;
}
