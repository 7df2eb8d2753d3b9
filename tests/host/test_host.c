/*
 * test_host.c: scaleup host over HTTP on loopback: teams join with the
 * workshop code and play to the debrief; a browser's result file equals the
 * terminal's for the same scenario, role, seed and choices (times aside);
 * a host killed with SIGKILL and started again resumes the run (by cookie and
 * by resume code), a duet from two browsers joined by a pair code too; the
 * facilitator view; hostile requests (oversized
 * headers, cookies and bodies, garbage, a wrong code, token or form token,
 * path traversal, slow clients, a flood) are refused and the teams go on.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "core/limits.h"
#include "core/util.h"
#include "http_client.h"
#include "support.h"

static char *dir, *aux;
static int host_pid, port;
static char code[16], token[64];

static void start_host(void)
{
    char ready[512], out[512];
    snprintf(ready, sizeof ready, "%s/port", aux);
    snprintf(out, sizeof out, "%s/host.out", aux);
    unlink(ready);
    host_pid = fork();
    assert_true(host_pid >= 0);
    if (host_pid == 0) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        execl(scaleup_bin(), scaleup_bin(), "host", "tutorial", "--results", dir, "--port", "0",
              "--bind", "127.0.0.1", "--seed", "1", "--timers", "off", "--ready-file", ready,
              (char *)NULL);
        _exit(127);
    }
    char *text = NULL;
    for (int i = 0; i < 200 && !(text = slurp(ready, NULL)); i++)
        usleep(50000);
    assert_non_null(text);
    port = atoi(text);
    free(text);
    char *o = slurp(out, NULL);
    assert_non_null(o);
    assert_int_equal(sscanf(strstr(o, "Workshop code:"), "Workshop code: %15s", code), 1);
    assert_int_equal(sscanf(strstr(o, "facilitator?t="), "facilitator?t=%63s", token), 1);
    free(o);
}

static void kill_host(int sig)
{
    kill(host_pid, sig);
    int st;
    waitpid(host_pid, &st, 0);
}

static struct http_response get(struct http_client *c, const char *path)
{
    struct http_response r;
    c->port = port;
    http_request(c, "GET", path, NULL, &r);
    return r;
}

static struct http_response post(struct http_client *c, const char *path, const char *body)
{
    struct http_response r;
    c->port = port;
    http_request(c, "POST", path, body, &r);
    return r;
}

static void join(struct http_client *c, const char *name_enc, const char *pick)
{
    struct http_response r = get(c, "/");
    assert_int_equal(r.status, 200);
    char csrf[64], body[512];
    http_field(r.body, "csrf", csrf, sizeof csrf);
    assert_int_equal(strlen(csrf), 32);
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&code=%s&name=%s&pick=%s", csrf, code, name_enc, pick);
    r = post(c, "/join", body);
    assert_int_equal(r.status, 303);
    assert_non_null(strstr(r.head, "HttpOnly; SameSite=Strict"));
    http_response_free(&r);
}

enum page_kind { PAGE_SCENE, PAGE_OUTCOME, PAGE_DEBRIEF, PAGE_OTHER };

static enum page_kind page(struct http_client *c, char *csrf, char *step)
{
    struct http_response r = get(c, "/play");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.head, "Content-Security-Policy: default-src 'none'"));
    http_field(r.body, "csrf", csrf, 64);
    http_field(r.body, "step", step, 32);
    enum page_kind k = strstr(r.body, "name=\"choice\"") ? PAGE_SCENE
                       : strstr(r.body, "Verdict:")      ? PAGE_DEBRIEF
                       : strstr(r.body, "value=\"continue\"") ? PAGE_OUTCOME
                                                             : PAGE_OTHER;
    http_response_free(&r);
    return k;
}

/* Plays one entry of a --choices list ("2", or "u" for undo), passing the
 * outcome page that follows a choice. */
static void play_one(struct http_client *c, const char *item)
{
    char csrf[64], step[32], body[256];
    enum page_kind k = page(c, csrf, step);
    if (strcmp(item, "u") == 0) {
        assert_true(k == PAGE_SCENE || k == PAGE_OUTCOME);
        snprintf(body, sizeof body, "csrf=%s&step=%s&action=undo", csrf, step);
    } else {
        assert_int_equal(k, PAGE_SCENE);
        snprintf(body, sizeof body, "csrf=%s&step=%s&choice=%s", csrf, step, item);
    }
    struct http_response r = post(c, "/act", body);
    assert_int_equal(r.status, 303);
    http_response_free(&r);
    k = page(c, csrf, step);
    if (k == PAGE_OUTCOME) {
        snprintf(body, sizeof body, "csrf=%s&step=%s&action=continue", csrf, step);
        r = post(c, "/act", body);
        assert_int_equal(r.status, 303);
        http_response_free(&r);
    }
}

static void play_list(struct http_client *c, const char *list, int from, int to)
{
    char copy[256], *save = NULL;
    snprintf(copy, sizeof copy, "%s", list);
    int i = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save), i++)
        if (i >= from && i < to)
            play_one(c, tok);
}

/* A result file without its times (when started, written, each decision's seconds). */
static char *timeless(const char *path)
{
    char *text = slurp(path, NULL);
    assert_non_null(text);
    cJSON *root = cJSON_Parse(text);
    free(text);
    assert_non_null(root);
    cJSON_DeleteItemFromObject(root, "started");
    cJSON_DeleteItemFromObject(root, "updated");
    cJSON_DeleteItemFromObject(root, "finished");
    cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItem(root, "decisions")) cJSON_DeleteItemFromObject(d, "seconds");
    char *out = cJSON_Print(root);
    cJSON_Delete(root);
    return out;
}

/* The result file of team name in folder (by its players). */
static char *result_of(const char *folder, const char *name)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "grep -l '\"%s\"' %s/*.json", name, folder);
    FILE *p = popen(cmd, "r");
    static char path[1024];
    path[0] = '\0';
    assert_non_null(fgets(path, sizeof path, p));
    pclose(p);
    path[strcspn(path, "\n")] = '\0';
    return path;
}

static void terminal_equals_browser(const char *name, const char *choices)
{
    char tdir[512];
    snprintf(tdir, sizeof tdir, "%s/terminal", aux);
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--role", "po", "--player", name,
                          "--seed", "1", "--timers", "off", "--choices", choices, "--results",
                          tdir, NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, NULL, NULL, 60, &r);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);
    char *want = timeless(result_of(tdir, name));
    char *got = timeless(result_of(dir, name));
    assert_string_equal(got, want);
    free(want);
    free(got);
}

static const char *golden = "2,3,1,1,3,2,3,2,1"; /* test_cli.c's, seed 1 */

static void a_team_plays_to_the_debrief_as_in_the_terminal(void **state)
{
    (void)state;
    struct http_client a = {0};
    join(&a, "Team+%3Cb%3EA", "0.0");
    struct http_response r = get(&a, "/play");
    /* The name is escaped wherever it is printed. */
    assert_non_null(strstr(r.body, "Team &lt;b&gt;A"));
    assert_null(strstr(r.body, "<b>A"));
    http_response_free(&r);
    play_list(&a, "1,u,2,3,1,1,3,2,3,2,1", 0, 100);
    char csrf[64], step[32];
    assert_int_equal(page(&a, csrf, step), PAGE_DEBRIEF);
    terminal_equals_browser("Team <b>A", "1,u,2,3,1,1,3,2,3,2,1");
}

static void a_killed_host_resumes_every_run(void **state)
{
    (void)state;
    struct http_client b = {0};
    join(&b, "Team+B", "0.0");
    play_list(&b, golden, 0, 3);
    struct http_response r = get(&b, "/play");
    char resume[16] = "";
    const char *rc = strstr(r.body, "resume code <strong class=\"code\">");
    assert_non_null(rc);
    sscanf(rc + strlen("resume code <strong class=\"code\">"), "%8s", resume);
    http_response_free(&r);
    kill_host(SIGKILL);
    start_host();
    /* The same browser goes on by its cookie... */
    play_list(&b, golden, 3, 5);
    /* ...and another one by the resume code. */
    struct http_client other = {0};
    r = get(&other, "/");
    char csrf[64], body[256], step[32];
    http_field(r.body, "csrf", csrf, sizeof csrf);
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&code=%s&resume=%s", csrf, code, resume);
    r = post(&other, "/resume", body);
    assert_int_equal(r.status, 303);
    http_response_free(&r);
    play_list(&other, golden, 5, 100);
    assert_int_equal(page(&other, csrf, step), PAGE_DEBRIEF);
    terminal_equals_browser("Team B", golden);
}

/* Before anyone joins, the facilitator's view says so instead of showing
 * an empty table (first in the list: the host is shared by the tests). */
static void an_empty_room_says_so(void **state)
{
    (void)state;
    struct http_client f = {0};
    char path[128];
    snprintf(path, sizeof path, "/facilitator?t=%s", token);
    struct http_response r = get(&f, path);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "<h2>Teams</h2>\n<p>No team has joined yet."));
    assert_null(strstr(r.body, "<table>"));
    http_response_free(&r);
}

static void the_facilitator_sees_the_room(void **state)
{
    (void)state;
    struct http_client f = {0};
    struct http_response r = get(&f, "/facilitator");
    assert_int_equal(r.status, 403);
    http_response_free(&r);
    r = get(&f, "/facilitator?t=0123456789abcdef0123456789abcdef");
    assert_int_equal(r.status, 403);
    http_response_free(&r);
    char path[128];
    snprintf(path, sizeof path, "/facilitator?t=%s", token);
    r = get(&f, path);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "Team &lt;b&gt;A"));
    assert_non_null(strstr(r.body, "Team B"));
    assert_null(strstr(r.body, "No team has joined yet"));
    assert_non_null(strstr(r.body, "Hidden, so that teams do not copy"));
    char csrf[64], body[128];
    http_field(r.body, "csrf", csrf, sizeof csrf);
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&reveal=1", csrf);
    r = post(&f, "/facilitator/reveal", body); /* by the cookie now */
    assert_int_equal(r.status, 303);
    http_response_free(&r);
    r = get(&f, "/facilitator");
    /* Both teams took golden's first choice at the first scene. */
    assert_non_null(strstr(r.body, "</td><td>2</td></tr>"));
    http_response_free(&r);
    r = get(&f, "/facilitator/runs.csv");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "Team B"));
    http_response_free(&r);
    /* The xAPI download names the teams on the join address's home page. */
    r = get(&f, "/facilitator/statements.json");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.head, "Content-Type: application/json; charset=utf-8"));
    assert_non_null(strstr(r.body, "\"name\":\t\"Team B\""));
    assert_non_null(strstr(r.body, "\"homePage\":\t\"http://127.0.0.1:"));
    http_response_free(&r);
}

/* One step of a duet: the page of each browser, then the choice of the
 * browser that has option buttons (in a secret scene both, A's first:
 * the order the terminal asks for them), or Continue from A. Appends what
 * was chosen to list (the terminal's --choices); false at the debrief. */
static bool duet_step(struct http_client *a, struct http_client *b, char *list, size_t cap)
{
    char csrf[2][64], step[2][32], body[256];
    struct http_client *c[2] = {a, b};
    enum page_kind k[2];
    for (int i = 0; i < 2; i++)
        k[i] = page(c[i], csrf[i], step[i]);
    if (k[0] == PAGE_DEBRIEF && k[1] == PAGE_DEBRIEF)
        return false;
    for (int i = 0; i < 2; i++) {
        if (k[0] == PAGE_OUTCOME && i == 1)
            break;
        if (k[i] != PAGE_SCENE && k[i] != PAGE_OUTCOME)
            continue;
        if (k[i] == PAGE_OUTCOME) {
            snprintf(body, sizeof body, "csrf=%s&step=%s&action=continue", csrf[i], step[i]);
        } else {
            snprintf(body, sizeof body, "csrf=%s&step=%s&choice=1", csrf[i], step[i]);
            snprintf(list + strlen(list), cap - strlen(list), "%s1", list[0] ? "," : "");
        }
        struct http_response r = post(c[i], "/act", body);
        assert_int_equal(r.status, 303);
        http_response_free(&r);
    }
    return true;
}

/* A duet from two browsers (a pair code), through a host killed with
 * SIGKILL: both browsers go on by their cookies, and the result file is
 * the terminal's --duet run's. */
static void a_duet_survives_a_killed_host(void **state)
{
    (void)state;
    struct http_client a = {0}, b = {0};
    struct http_response r = get(&a, "/");
    char csrf[64], body[512], pair[16] = "";
    http_field(r.body, "csrf", csrf, sizeof csrf);
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&code=%s&name=Duet+A&pick=0.0&duet=1", csrf, code);
    r = post(&a, "/join", body);
    assert_int_equal(r.status, 303);
    http_response_free(&r);
    r = get(&a, "/play");
    const char *p = strstr(r.body, "id=\"pair-code\">");
    assert_non_null(p);
    sscanf(p + strlen("id=\"pair-code\">"), "%6s", pair);
    http_response_free(&r);
    r = get(&b, "/");
    http_field(r.body, "csrf", csrf, sizeof csrf);
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&code=%s&pair=%s&name=Duet+B", csrf, code, pair);
    r = post(&b, "/pair", body);
    assert_int_equal(r.status, 303);
    http_response_free(&r);
    char list[256] = "";
    for (int i = 0; i < 4; i++)
        assert_true(duet_step(&a, &b, list, sizeof list));
    kill_host(SIGKILL);
    start_host();
    r = get(&b, "/play");
    assert_non_null(strstr(r.body, "a duet with <strong>Duet A</strong>"));
    http_response_free(&r);
    for (int guard = 0; duet_step(&a, &b, list, sizeof list); guard++)
        assert_true(guard < 100);
    char tdir[512];
    snprintf(tdir, sizeof tdir, "%s/terminal", aux);
    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--duet", "--role", "po",
                          "--player", "Duet A", "--partner", "Duet B", "--seed", "1", "--timers",
                          "off", "--choices", list, "--results", tdir, NULL};
    struct cmd_result cr;
    run_cmd(argv, NULL, NULL, NULL, 60, &cr);
    assert_int_equal(cr.status, 0);
    cmd_result_free(&cr);
    char *want = timeless(result_of(tdir, "Duet A"));
    char *got = timeless(result_of(dir, "Duet A"));
    assert_string_equal(got, want);
    free(want);
    free(got);
}

static int raw_status(const char *data, size_t len)
{
    struct http_response r;
    http_raw(port, data, len, &r);
    int s = r.status;
    if (r.body)
        assert_null(strstr(r.body, "root:"));
    http_response_free(&r);
    return s;
}

static void hostile_requests_are_refused(void **state)
{
    (void)state;
    struct strbuf big;
    sb_init(&big);
    sb_puts(&big, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
    for (int i = 0; i < 20000; i++)
        sb_putc(&big, 'A');
    sb_puts(&big, "\r\n\r\n");
    assert_int_equal(raw_status(big.data, big.len), 431);
    sb_clear(&big);
    sb_puts(&big, "GET /play HTTP/1.1\r\nHost: x\r\nCookie: team=");
    for (int i = 0; i < 20000; i++)
        sb_putc(&big, 'a');
    sb_puts(&big, "\r\n\r\n");
    assert_int_equal(raw_status(big.data, big.len), 431);
    sb_clear(&big);
    sb_puts(&big, "POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  "Content-Length: 10000\r\n\r\n");
    for (int i = 0; i < 10000; i++)
        sb_putc(&big, 'a');
    assert_int_equal(raw_status(big.data, big.len), 413);
    sb_free(&big);
    const char garbage[] = "\x01\x02 NOT HTTP\r\n\r\n";
    assert_int_equal(raw_status(garbage, sizeof garbage - 1), 400);
    const char *traversal[] = {"/s/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                               "/..%2f..%2fetc%2fpasswd", "/facilitator/../../etc/passwd"};
    for (size_t i = 0; i < COUNT_OF(traversal); i++) {
        char req[256];
        int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", traversal[i]);
        int s = raw_status(req, (size_t)n);
        assert_true(s == 404 || s == 403);
    }
    /* A wrong workshop code, a missing form token, a form from elsewhere. */
    struct http_client c = {0};
    struct http_response r = get(&c, "/");
    char csrf[64], body[256];
    http_field(r.body, "csrf", csrf, sizeof csrf);
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&code=WRONG1&name=X&pick=0.0", csrf);
    r = post(&c, "/join", body);
    assert_int_equal(r.status, 400);
    assert_non_null(strstr(r.body, "That is not the workshop code"));
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=%s&code=%s&name=X&pick=../../etc", csrf, code);
    r = post(&c, "/join", body);
    assert_int_equal(r.status, 400);
    assert_non_null(strstr(r.body, "Choose a scenario and a role from the list."));
    http_response_free(&r);
    snprintf(body, sizeof body, "csrf=00000000000000000000000000000000&code=%s&name=X&pick=0.0", code);
    r = post(&c, "/join", body);
    assert_int_equal(r.status, 403);
    http_response_free(&r);
}

static void slow_clients_do_not_block_others(void **state)
{
    (void)state;
    int slow[40];
    for (int i = 0; i < 40; i++) {
        slow[i] = http_connect(port);
        assert_true(slow[i] >= 0);
        assert_int_equal(write(slow[i], "GET / HTTP/1.1\r\nHo", 18), 18);
    }
    struct http_client t = {0};
    double t0 = clock_seconds();
    join(&t, "Team+C", "0.0");
    char csrf[64], step[32];
    assert_int_equal(page(&t, csrf, step), PAGE_SCENE);
    assert_true(clock_seconds() - t0 < 2.0);
    /* After the idle limit the host has closed them. */
    sleep(12);
    for (int i = 0; i < 40; i++) {
        char buf[256];
        ssize_t n = read(slow[i], buf, sizeof buf);
        assert_true(n >= 0); /* closed (0), or an error page before closing */
        close(slow[i]);
    }
}

static void a_flood_from_one_client_is_limited(void **state)
{
    (void)state;
    struct http_client flood = {0}, team = {0};
    join(&team, "Team+D", "0.0");
    int ok = 0, limited = 0;
    double t0 = clock_seconds();
    for (int i = 0; i < 600; i++) {
        struct http_response r = get(&flood, "/s/style.css");
        if (r.status == 200)
            ok++;
        else if (r.status == 429)
            limited++;
        http_response_free(&r);
    }
    /* The address's bucket (partly spent by the tests before) holds at
     * most the burst, and refills at the steady rate. */
    assert_true(ok <= LIMIT_HOST_BURST + (clock_seconds() - t0) * LIMIT_HOST_PER_SECOND + 1);
    assert_true(limited > 0);
    assert_int_equal(ok + limited, 600);
    struct http_response r = get(&flood, "/");
    assert_int_equal(r.status, 429);
    assert_non_null(strstr(r.body, "Too many requests"));
    http_response_free(&r);
    /* A team keeps its own budget. */
    char csrf[64], step[32];
    assert_int_equal(page(&team, csrf, step), PAGE_SCENE);
}

static int setup(void **state)
{
    (void)state;
    dir = make_temp_dir();
    aux = make_temp_dir();
    start_host();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kill_host(SIGTERM);
    rm_rf(dir);
    rm_rf(aux);
    free(dir);
    free(aux);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_empty_room_says_so),
        cmocka_unit_test(a_team_plays_to_the_debrief_as_in_the_terminal),
        cmocka_unit_test(a_killed_host_resumes_every_run),
        cmocka_unit_test(the_facilitator_sees_the_room),
        cmocka_unit_test(a_duet_survives_a_killed_host),
        cmocka_unit_test(hostile_requests_are_refused),
        cmocka_unit_test(slow_clients_do_not_block_others),
        cmocka_unit_test(a_flood_from_one_client_is_limited),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
