/*
 * team.c: the browser host's front-end on the frontend.h seam. Each team's
 * run is a session played by its own thread; its callbacks publish what to
 * show (the state, read by the pages under the team's lock) and wait on a
 * condition variable for the browser's command. Timers are the server's: a
 * timed scene's wait ends at its deadline with FE_TIMEOUT.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "core/run.h"
#include "core/runplan.h"
#include "host_internal.h"

static void abs_deadline(struct timespec *ts, double seconds_from_now)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    double whole = (double)(long)seconds_from_now;
    ts->tv_sec += (time_t)whole;
    ts->tv_nsec += (long)((seconds_from_now - whole) * 1e9);
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

/* Publishes state and waits for the browser's command (or the deadline). */
static struct fe_command wait_command(struct team *t, enum team_state state, int timer_seconds)
{
    pthread_mutex_lock(&t->mu);
    t->state = state;
    t->step++;
    t->has_command = false;
    t->picks[0] = t->picks[1] = 0;
    t->shown_at = clock_seconds();
    t->deadline = timer_seconds > 0 ? t->shown_at + timer_seconds : 0;
    pthread_cond_broadcast(&t->cv);
    team_wake(t);
    if (t->s.folder_sync_due) {
        /* The decision is in its file, whole, and the page shows what
         * follows; now make the rename durable (the folder's fsync), before
         * the run takes another command. Pages read s meanwhile, not this. */
        pthread_mutex_unlock(&t->mu);
        session_sync_results(&t->s);
        pthread_mutex_lock(&t->mu);
    }
    struct timespec ts;
    if (timer_seconds > 0)
        abs_deadline(&ts, timer_seconds);
    struct fe_command c = fe_command(FE_CONTINUE);
    while (!t->has_command) {
        if (timer_seconds > 0) {
            if (pthread_cond_timedwait(&t->cv, &t->mu, &ts) == ETIMEDOUT && !t->has_command) {
                c = fe_command(FE_TIMEOUT);
                break;
            }
        } else {
            pthread_cond_wait(&t->cv, &t->mu);
        }
    }
    if (t->has_command)
        c = t->command;
    t->has_command = false;
    t->state = TEAM_BUSY;
    t->deadline = 0;
    pthread_mutex_unlock(&t->mu);
    return c;
}

static void on_begin(void *ctx, struct session *s)
{
    struct team *t = ctx;
    pthread_mutex_lock(&host.mu);
    if (strcmp(t->results_file, s->results_path) != 0) {
        str_copy(t->results_file, sizeof t->results_file, s->results_path);
        host_save_teams();
    }
    pthread_mutex_unlock(&host.mu);
}

static struct fe_command on_decide(void *ctx, struct session *s)
{
    struct team *t = ctx;
    return wait_command(t, TEAM_DECIDE, session_timer_seconds(s, game_scene(s->g)));
}

static struct fe_command on_outcome(void *ctx, struct session *s)
{
    (void)s;
    return wait_command(ctx, TEAM_OUTCOME, 0);
}

static struct fe_command on_debrief(void *ctx, struct session *s, const struct debrief *d)
{
    (void)s;
    struct team *t = ctx;
    pthread_mutex_lock(&t->mu);
    t->debrief = *d;
    t->finished = true;
    pthread_mutex_unlock(&t->mu);
    return wait_command(t, TEAM_DEBRIEF, 0);
}

static struct fe_command on_error(void *ctx, struct session *s, const struct diag *d)
{
    (void)s;
    struct team *t = ctx;
    struct strbuf line;
    sb_init(&line);
    diag_format(d, false, &line);
    pthread_mutex_lock(&t->mu);
    str_copy(t->message, sizeof t->message, line.data);
    pthread_mutex_unlock(&t->mu);
    sb_free(&line);
    fprintf(stderr, "scaleup host: team %s: %s\n", t->seats[0].name, t->message);
    return wait_command(t, TEAM_ERROR, 0);
}

static void on_notice(void *ctx, struct session *s, const char *message)
{
    (void)s;
    struct team *t = ctx;
    pthread_mutex_lock(&t->mu);
    str_copy(t->notice, sizeof t->notice, message);
    pthread_mutex_unlock(&t->mu);
}

static void *team_main(void *arg)
{
    struct team *t = arg;
    const struct host_config *cfg = host.cfg;
    struct session_options o;
    session_options_default(&o);
    o.scenario_path = host.scenarios[t->scenario].path;
    o.results_dir = cfg->results_dir;
    o.coaching = cfg->coaching;
    o.timers = cfg->timers;
    o.limits = cfg->limits;
    o.setup.seed = t->seed;
    o.defer_folder_sync = true; /* done in wait_command, once the page is ready */
    char resume[PATH_MAX];
    pthread_mutex_lock(&host.mu);
    str_copy(resume, sizeof resume, t->results_file);
    bool resumed = t->resumed;
    pthread_mutex_unlock(&host.mu);
    if (resumed)
        o.resume_file = resume;
    struct diag_list diags;
    diag_list_init(&diags);
    bool ok = session_open(&t->s, &o, &diags);
    if (!ok) {
        struct strbuf line;
        sb_init(&line);
        if (diags.count)
            diag_format(&diags.items[0], false, &line);
        pthread_mutex_lock(&t->mu);
        str_copy(t->message, sizeof t->message, line.len ? line.data : "the scenario does not load");
        t->state = TEAM_ENDED;
        t->step++;
        pthread_cond_broadcast(&t->cv);
        team_wake(t);
        pthread_mutex_unlock(&t->mu);
        sb_free(&line);
        diag_list_free(&diags);
        return NULL;
    }
    diag_list_free(&diags);
    if (!resumed && t->duet) {
        /* Joined only for scenarios written for duets: this cannot fail. */
        char why[256];
        runplan_duet(&t->s, host.scenarios[t->scenario].role_ids[t->role], t->seats[0].name,
                     t->seats[1].name, why, sizeof why);
    } else if (!resumed) {
        runplan_solo(&t->s, t->role, t->seats[0].name);
    }
    pthread_mutex_lock(&t->mu);
    t->open = true;
    t->state = TEAM_BUSY;
    pthread_mutex_unlock(&t->mu);
    struct frontend fe = {t, on_begin, on_decide, on_outcome, on_debrief, on_error, on_notice};
    session_play(&t->s, &fe);
    pthread_mutex_lock(&t->mu);
    session_close(&t->s);
    t->open = false;
    t->state = TEAM_ENDED;
    t->step++;
    pthread_cond_broadcast(&t->cv);
    team_wake(t);
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

struct team *team_new(void)
{
    struct team *t = xcalloc(1, sizeof *t);
    pthread_mutex_init(&t->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&t->cv, &ca);
    pthread_condattr_destroy(&ca);
    t->nseats = 1;
    t->state = TEAM_STARTING;
    return t;
}

void team_wake(struct team *t)
{
    for (int i = 0; i < t->nwaiters; i++)
        host_resume(t->waiters[i]);
    t->nwaiters = 0;
}

int seat_role(const struct team *t, int seat)
{
    /* A duet's scenario has two roles: the partner plays the other. */
    return seat == 0 ? t->role : 1 - t->role;
}

bool team_start(struct team *t)
{
    pthread_mutex_lock(&t->mu);
    t->state = TEAM_STARTING;
    pthread_mutex_unlock(&t->mu);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    /* Lua's C calls are bounded (LUAI_MAXCCALLS); 1 MiB is the window's
     * main thread's margin and costs only the pages a run touches. */
    pthread_attr_setstacksize(&attr, 1024 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&t->thread, &attr, team_main, t);
    pthread_attr_destroy(&attr);
    return rc == 0;
}

void team_lock_ready(struct team *t)
{
    struct timespec ts;
    abs_deadline(&ts, LIMIT_HOST_WAIT_MS / 1000.0);
    pthread_mutex_lock(&t->mu);
    while (team_busy(t) &&
           pthread_cond_timedwait(&t->cv, &t->mu, &ts) != ETIMEDOUT) {
    }
}

bool team_send(struct team *t, unsigned step, struct fe_command c)
{
    if (step != t->step || t->has_command || t->state == TEAM_STARTING || t->state == TEAM_BUSY ||
        t->state == TEAM_ENDED || t->state == TEAM_PAIRING)
        return false;
    t->command = c;
    t->has_command = true;
    pthread_cond_broadcast(&t->cv);
    return true;
}

/* The list of teams: what a restarted host needs to resume every run and to
 * let every browser in again (its cookie) or every team (its resume code).
 * Kept beside the results, readable by the owner only. */
void host_save_teams(void)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "scaleup-host/2");
    cJSON_AddStringToObject(root, "code", host.code);
    cJSON_AddStringToObject(root, "token", host.token);
    cJSON *arr = cJSON_AddArrayToObject(root, "teams");
    for (int i = 0; i < host.nteams; i++) {
        const struct team *t = host.teams[i];
        if (!t->results_file[0])
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON *seats = cJSON_AddArrayToObject(o, "seats");
        for (int k = 0; k < t->nseats; k++) {
            cJSON *so = cJSON_CreateObject();
            cJSON_AddStringToObject(so, "name", t->seats[k].name);
            cJSON_AddStringToObject(so, "cookie", t->seats[k].cookie);
            cJSON_AddStringToObject(so, "csrf", t->seats[k].csrf);
            cJSON_AddStringToObject(so, "resume", t->seats[k].resume);
            cJSON_AddItemToArray(seats, so);
        }
        cJSON_AddStringToObject(o, "scenario", host.scenarios[t->scenario].id);
        cJSON_AddNumberToObject(o, "role", t->role);
        const char *base = strrchr(t->results_file, '/');
        cJSON_AddStringToObject(o, "file", base ? base + 1 : t->results_file);
        cJSON_AddItemToArray(arr, o);
    }
    char *json = cJSON_Print(root);
    cJSON_Delete(root);
    char path[PATH_MAX + 32];
    str_format(path, sizeof path, "%s/teams.json", host.state_dir);
    struct diag err;
    if (!file_write_atomic(path, json, strlen(json), &err))
        fprintf(stderr, "scaleup host: warning: %s\n", err.message);
    chmod(path, 0600);
    free(json);
}

static const char *json_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static bool token_ok(const char *s, size_t n, const char *alphabet)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!s[i] || !strchr(alphabet, s[i]))
            return false;
    return true;
}

/* The result file's base name, as the host wrote it: no folder, no dot
 * first, ending in .json (the list is ours, but a file is never trusted). */
static bool plain_file_name(const char *s)
{
    size_t n = strlen(s);
    return n > 5 && n < 200 && s[0] != '.' && !strchr(s, '/') && strcmp(s + n - 5, ".json") == 0;
}

static bool read_seat(const cJSON *o, struct seat *seat)
{
    if (!token_ok(json_str(o, "cookie"), HOST_TOKEN_CHARS, "0123456789abcdef") ||
        !token_ok(json_str(o, "csrf"), HOST_TOKEN_CHARS, "0123456789abcdef") ||
        !token_ok(json_str(o, "resume"), HOST_RESUME_CHARS, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
        return false;
    str_copy(seat->cookie, sizeof seat->cookie, json_str(o, "cookie"));
    str_copy(seat->csrf, sizeof seat->csrf, json_str(o, "csrf"));
    str_copy(seat->resume, sizeof seat->resume, json_str(o, "resume"));
    str_copy(seat->name, sizeof seat->name, json_str(o, "name"));
    return true;
}

void host_load_teams(void)
{
    char path[PATH_MAX + 32];
    str_format(path, sizeof path, "%s/teams.json", host.state_dir);
    size_t len;
    struct diag err;
    char *text = file_read_all(path, LIMIT_RUN_FILE_BYTES, &len, &err);
    if (!text)
        return;
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    if (!root) {
        fprintf(stderr, "scaleup host: warning: %s is not valid JSON; starting afresh\n", path);
        return;
    }
    const char *code = json_str(root, "code"), *token = json_str(root, "token");
    if (token_ok(code, HOST_CODE_CHARS, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
        str_copy(host.code, sizeof host.code, code);
    if (token_ok(token, HOST_TOKEN_CHARS, "0123456789abcdef"))
        str_copy(host.token, sizeof host.token, token);
    const cJSON *teams = cJSON_GetObjectItemCaseSensitive(root, "teams"), *o;
    int resumed = 0;
    cJSON_ArrayForEach(o, teams)
    {
        if (host.nteams >= LIMIT_HOST_TEAMS)
            break;
        const char *sid = json_str(o, "scenario"), *file = json_str(o, "file");
        int sc = -1;
        for (int i = 0; i < host.nscenarios; i++)
            if (strcmp(host.scenarios[i].id, sid) == 0)
                sc = i;
        const cJSON *role = cJSON_GetObjectItemCaseSensitive(o, "role");
        /* scaleup-host/2 has a list of seats; /1 had one seat's fields in o. */
        const cJSON *seats = cJSON_GetObjectItemCaseSensitive(o, "seats");
        int nseats = cJSON_IsArray(seats) ? cJSON_GetArraySize(seats) : 1;
        struct seat got[HOST_SEATS];
        bool ok = sc >= 0 && plain_file_name(file) && cJSON_IsNumber(role) && role->valueint >= 0 &&
                  role->valueint < host.scenarios[sc].nroles && nseats >= 1 && nseats <= HOST_SEATS &&
                  (nseats == 1 || host.scenarios[sc].duet);
        for (int k = 0; ok && k < nseats; k++)
            ok = read_seat(cJSON_IsArray(seats) ? cJSON_GetArrayItem(seats, k) : o, &got[k]);
        if (!ok)
            continue;
        struct team *t = team_new();
        t->index = host.nteams;
        memcpy(t->seats, got, (size_t)nseats * sizeof got[0]);
        t->nseats = nseats;
        t->duet = nseats == 2;
        t->scenario = sc;
        t->role = role->valueint;
        str_format(t->results_file, sizeof t->results_file, "%s/%s", host.cfg->results_dir, file);
        t->resumed = true;
        host.teams[host.nteams++] = t;
        if (team_start(t))
            resumed++;
    }
    cJSON_Delete(root);
    if (resumed)
        printf("Resumed %d run%s from %s\n", resumed, resumed == 1 ? "" : "s", path);
}
