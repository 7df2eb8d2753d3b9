#include "session.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "debrief.h"
#include "loader.h"
#include "playtest.h"

void session_options_default(struct session_options *o)
{
    memset(o, 0, sizeof *o);
    o->coaching = true;
    o->setup.nplayers = 1;
    o->setup.seed = 1;
    script_limits_default(&o->limits);
}

int session_timers_from_name(const char *name)
{
    static const char *const names[] = {"on", "slow", "off"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *session_timers_name(enum session_timers t)
{
    return t == TIMERS_OFF ? "off" : t == TIMERS_SLOW ? "slow" : "on";
}

int session_timer_seconds(const struct session *s, const struct scene *sc)
{
    if (!sc->timer || s->opt.timers == TIMERS_OFF)
        return 0;
    return s->opt.timers == TIMERS_SLOW ? sc->timer * TIMERS_SLOW_FACTOR : sc->timer;
}

bool session_open(struct session *s, const struct session_options *o, struct diag_list *diags)
{
    memset(s, 0, sizeof *s);
    s->opt = *o;
    for (int p = 0; p < GAME_MAX_PLAYERS; p++) {
        str_copy(s->names[p], sizeof s->names[p], o->setup.players[p].name ? o->setup.players[p].name : "");
        s->opt.setup.players[p].name = s->names[p];
    }
    s->sc = scenario_load_lines(o->scenario_path, &o->limits, diags);
    if (!s->sc)
        return false;
    s->g = game_new(s->sc);
    return true;
}

void session_close(struct session *s)
{
    session_sync_results(s);
    run_record_free(&s->kept);
    game_free(s->g);
    scenario_free(s->sc);
    s->g = NULL;
    s->sc = NULL;
}

/* Picks a new result file's name and takes it at once (created empty, with
 * O_EXCL): two runs started in the same second with the same name, on two
 * laptops sharing one folder, never get the same file. */
static void new_results_path(struct session *s)
{
    s->results_path[0] = '\0';
    if (!s->opt.results_dir)
        return;
    mkdir(s->opt.results_dir, 0755);
    char who[64], stamp[32];
    name_slug(s->g->s.players[0].name, false, who, sizeof who);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    for (int k = 1; k < 1000; k++) {
        char suffix[16] = "";
        if (k > 1)
            snprintf(suffix, sizeof suffix, "-%d", k);
        str_format(s->results_path, sizeof s->results_path, "%s/%s-%s-%s%s.json",
                   s->opt.results_dir, s->sc->id, who, stamp, suffix);
        int fd = open(s->results_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            close(fd);
            return;
        }
        if (errno != EEXIST)
            return; /* the folder is not writable: the first write says so */
    }
}

static void begin_times(struct session *s)
{
    run_time_now(s->times.started, sizeof s->times.started);
    s->times.updated[0] = s->times.finished[0] = '\0';
}

/* Copies the folder from into to (created), files and sub-folders. */
static bool copy_tree(const char *from, const char *to, struct diag *err)
{
    if (mkdir(to, 0755) != 0 && errno != EEXIST) {
        diag_set(err, to, 0, "file", "cannot create the folder: %s", strerror(errno));
        return false;
    }
    DIR *d = opendir(from);
    if (!d) {
        diag_set(err, from, 0, "file", "cannot read the folder: %s", strerror(errno));
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char src[PATH_MAX], dst[PATH_MAX];
        str_format(src, sizeof src, "%s/%s", from, e->d_name);
        str_format(dst, sizeof dst, "%s/%s", to, e->d_name);
        struct stat st;
        if (stat(src, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            ok = copy_tree(src, dst, err);
        } else if (S_ISREG(st.st_mode)) {
            size_t len;
            char *data = file_read_all(src, 64 * 1024 * 1024, &len, err);
            ok = data && file_write_atomic(dst, data, len, err);
            free(data);
        }
    }
    closedir(d);
    return ok;
}

/* A scenario installed with the program (in the data folder), or in a
 * folder the player cannot write, is never changed: its playthroughs go to
 * a copy in the user's scenarios folder, made once, which its id then
 * finds. *copied says whether path is now in such a copy. */
static bool writable_tests_path(struct session *s, char *path, size_t cap, bool *copied,
                                struct diag *err)
{
    *copied = false;
    playtest_path(s->sc, path, cap);
    char folder[PATH_MAX], real_folder[PATH_MAX], real_data[PATH_MAX];
    str_copy(folder, sizeof folder, s->sc->folder);
    const char *data = catalog_data_dir();
    bool installed = data && realpath(folder, real_folder) && realpath(data, real_data) &&
                     strncmp(real_folder, real_data, strlen(real_data)) == 0 &&
                     real_folder[strlen(real_data)] == '/';
    bool folder_scenario = s->sc->nfiles == 0 || strcmp(s->sc->files[0].name, "main.lua") == 0;
    if (!folder_scenario || (!installed && access(folder, W_OK) == 0))
        return true;
    char users[PATH_MAX], copy[PATH_MAX];
    if (!catalog_user_dir(users, sizeof users)) {
        diag_set(err, path, 0, "file", "the scenario is read-only and there is no home folder "
                                       "for a copy (set HOME or XDG_DATA_HOME)");
        return false;
    }
    str_format(copy, sizeof copy, "%s/%s", users, s->sc->id);
    char main_lua[PATH_MAX];
    str_format(main_lua, sizeof main_lua, "%s/main.lua", copy);
    struct stat st;
    if (stat(main_lua, &st) != 0) {
        make_parents(copy);
        if (!copy_tree(folder, copy, err))
            return false;
    }
    str_format(path, cap, "%s/tests.lua", copy);
    *copied = true;
    return true;
}

static bool save_playthrough(struct session *s, char *path, size_t cap, int *line, bool *copied,
                             struct diag *err)
{
    memset(err, 0, sizeof *err);
    if (s->g->nplayers > 1) {
        str_copy(err->message, sizeof err->message,
                 "a duet cannot be saved as a playthrough test (a playthrough has one role)");
        return false;
    }
    if (s->g->nlog == 0) {
        str_copy(err->message, sizeof err->message,
                 "make a decision first: a playthrough without choices tests nothing");
        return false;
    }
    if (!writable_tests_path(s, path, cap, copied, err))
        return false;
    /* The name says where the run went and who recorded it: the author
     * renames it to say what it checks. */
    char name[LIMIT_NAME_BYTES + 160];
    const struct scene *at = &s->sc->scenes[s->g->s.scene];
    str_format(name, sizeof name, "%s, %d choice%s, to %s%s", s->names[0], s->g->nlog,
               s->g->nlog == 1 ? "" : "s", at->id, s->g->over ? "" : " (unfinished)");
    struct strbuf text;
    sb_init(&text);
    playtest_format(s->g, name, &text);
    bool ok = playtest_append(path, text.data, line, err);
    sb_free(&text);
    return ok;
}

bool session_keep_as_test(struct session *s, char *message, size_t cap)
{
    char path[PATH_MAX];
    int line = 0;
    bool copied = false;
    struct diag err;
    bool ok = save_playthrough(s, path, sizeof path, &line, &copied, &err);
    if (ok && copied)
        str_format(message, cap,
                   "Kept as a playthrough test: %s:%d, in your copy of the installed scenario "
                   "(scaleup test %s replays it; scaleup play %s now plays the copy).",
                   path, line, s->sc->id, s->sc->id);
    else if (ok)
        str_format(message, cap, "Kept as a playthrough test: %s:%d (scaleup test replays it).",
                   path, line);
    else
        str_format(message, cap, "Could not keep it as a playthrough test: %s", err.message);
    return ok;
}

bool session_write_results(struct session *s, struct diag *err)
{
    if (!s->results_path[0])
        return true;
    run_time_now(s->times.updated, sizeof s->times.updated);
    if (s->g->over && !s->times.finished[0])
        str_copy(s->times.finished, sizeof s->times.finished, s->times.updated);
    if (!s->g->over)
        s->times.finished[0] = '\0';
    char *json = run_to_json(s->g, &s->times);
    bool ok;
    if (s->opt.defer_folder_sync) {
        ok = file_write_atomic_unsynced(s->results_path, json, strlen(json), err);
        s->folder_sync_due = s->folder_sync_due || ok;
    } else {
        ok = file_write_atomic(s->results_path, json, strlen(json), err);
    }
    free(json);
    return ok;
}

void session_sync_results(struct session *s)
{
    if (s->folder_sync_due)
        file_sync_folder(s->results_path);
    s->folder_sync_due = false;
}

/* Writes the results, telling the player once when writing starts failing
 * and once when it works again. Nothing is lost meanwhile: the game holds
 * every decision and the next write carries them all. */
static void save_results(struct session *s, const struct frontend *fe)
{
    struct diag err;
    if (session_write_results(s, &err)) {
        if (s->results_failing) {
            s->results_failing = false;
            if (fe->notice)
                fe->notice(fe->ctx, s, "Results are being written again; no decision was lost.");
        }
        return;
    }
    if (!s->results_failing) {
        s->results_failing = true;
        char msg[PATH_MAX + 1200];
        str_format(msg, sizeof msg,
                   "Cannot save the results to %s (%s). Your decisions are kept and will be "
                   "written as soon as the folder is writable.",
                   s->results_path, err.message);
        if (fe->notice)
            fe->notice(fe->ctx, s, msg);
    }
}

/* The run ends (or the player leaves) while its result file still cannot be
 * written: it is kept where it can be (the user's data folder, else the
 * temporary folder) and the player is told where, so that no decision is
 * lost with the program. */
/* A rescue folder holds a run nobody else should read or plant: it is
 * created 0700, and used only if it is a real folder (not a symbolic link)
 * of this user's that nobody else can enter; one of ours that others can
 * is made private first. In a shared /tmp, another user could have made
 * /tmp/scaleup-unsaved first. */
static bool private_folder(const char *path)
{
    if (mkdir(path, 0700) != 0 && errno != EEXIST)
        return false;
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid())
        return false;
    if ((st.st_mode & 077) != 0 && chmod(path, 0700) != 0)
        return false;
    return true;
}

static void rescue_results(struct session *s, const struct frontend *fe)
{
    if (!s->results_failing || !s->results_path[0])
        return;
    const char *base = strrchr(s->results_path, '/');
    base = base ? base + 1 : s->results_path;
    char dirs[2][PATH_MAX];
    user_data_dir(dirs[0], sizeof dirs[0], "unsaved");
    const char *tmp = getenv("TMPDIR");
    str_format(dirs[1], sizeof dirs[1], "%s/scaleup-unsaved", tmp && tmp[0] == '/' ? tmp : "/tmp");
    char *json = run_to_json(s->g, &s->times);
    char msg[3 * PATH_MAX];
    bool kept = false;
    for (int i = 0; i < 2 && !kept; i++) {
        if (!dirs[i][0] || !private_folder(dirs[i]))
            continue;
        char path[PATH_MAX];
        str_format(path, sizeof path, "%s/%s", dirs[i], base);
        struct diag err;
        if (!file_write_atomic(path, json, strlen(json), &err))
            continue;
        kept = true;
        if (strcmp(path, s->rescued_path) != 0) {
            str_copy(s->rescued_path, sizeof s->rescued_path, path);
            str_format(msg, sizeof msg,
                       "The result file %s still cannot be written, so this run is kept in %s: "
                       "copy it into the results folder for the report.",
                       s->results_path, path);
            if (fe->notice)
                fe->notice(fe->ctx, s, msg);
        }
    }
    if (!kept && fe->notice) {
        str_format(msg, sizeof msg,
                   "This run could not be written anywhere (not %s, not the data or temporary "
                   "folder): it is lost when ScaleUp closes.",
                   s->results_path);
        fe->notice(fe->ctx, s, msg);
    }
    free(json);
}

void session_slot_path(const struct session *s, int slot, char *buf, size_t cap)
{
    str_format(buf, cap, "%s/%s-slot%d.json", s->opt.saves_dir ? s->opt.saves_dir : ".", s->sc->id,
               slot);
}

/* Makes r the kept run, unless the kept run already goes on that way. */
static void keep_record(struct session *s, struct run_record *r, bool always)
{
    if (!always && s->kept.scenario_id && run_record_starts_with(&s->kept, r)) {
        run_record_free(r);
        return;
    }
    run_record_free(&s->kept);
    s->kept = *r;
}

/* After a decision: the game's run is kept, unless it is still on its way
 * along the kept one (always: an undo, a restart or a load chose another
 * way). */
static void keep_run(struct session *s, bool always)
{
    struct run_record r;
    run_record_from_game(s->g, &r);
    keep_record(s, &r, always);
}

/* A decision a run-time error stopped: kept after the game's decisions, so
 * that a reload of the fixed file replays it too. */
static void keep_attempt(struct session *s, const struct fe_command *c)
{
    const struct game *g = s->g;
    bool secret = game_is_secret(g);
    int picks[GAME_MAX_PLAYERS] = {c->number, c->number2};
    bool timed_out = c->action == FE_TIMEOUT;
    if (timed_out)
        for (int p = 0; p < (secret ? g->nplayers : 1); p++)
            picks[p] = secret ? g->view.menu[p].timeout : game_menu(g)->timeout;
    struct run_record r;
    run_record_from_game(g, &r);
    if (run_record_add_attempt(&r, g, picks, timed_out, c->seconds >= 0 ? c->seconds : 0))
        keep_record(s, &r, false);
    else
        run_record_free(&r);
}

static bool replay_record(struct session *s, const struct run_record *r, int upto, struct diag *err)
{
    return run_replay(s->g, r, upto, err);
}

static bool undo(struct session *s, struct diag *err)
{
    if (s->g->nlog == 0)
        return true;
    struct run_record r;
    run_record_from_game(s->g, &r);
    bool ok = replay_record(s, &r, r.ndecisions - 1, err);
    run_record_free(&r);
    return ok;
}

/* The search for each player's best starts now, in the background, so
 * that the debrief (and the result file) have it by the end of the run. */
static void start_best(struct session *s)
{
    for (int p = 0; p < s->g->nplayers; p++)
        best_start(s->sc, s->g->s.players[p].role, s->g->seed, s->g->nplayers > 1);
}

enum reload_result session_reload(struct session *s, struct diag_list *diags,
                                  struct diag *replay_err)
{
    struct scenario *fresh = scenario_load_lines(s->opt.scenario_path, &s->opt.limits, diags);
    if (!fresh)
        return RELOAD_FAILED;
    /* The kept run: the game's, or a longer one it is on its way along
     * (decisions an earlier reload or a run-time error cut off, which the
     * fixed files may take again). It stays whole when this replay too
     * stops short. */
    keep_run(s, false);
    struct game *g = game_new(fresh);
    bool ok = run_replay(g, &s->kept, -1, replay_err);
    /* run_replay leaves the decisions that fit; when not even the start
     * could be entered (not a "replay" mismatch but an error of the new
     * files), keep the old scenario and game. */
    if (!ok && strcmp(replay_err->code, "replay") != 0) {
        game_free(g);
        scenario_free(fresh);
        diag_copy(diags, replay_err);
        return RELOAD_FAILED;
    }
    game_free(s->g);
    scenario_free(s->sc);
    s->sc = fresh;
    s->g = g;
    start_best(s);
    return ok ? RELOAD_OK : RELOAD_PARTIAL;
}

static enum session_end fail(struct session *s, const struct frontend *fe, const struct diag *d)
{
    if (fe->error)
        fe->error(fe->ctx, s, d);
    return SESSION_ERROR;
}

static void notify(struct session *s, const struct frontend *fe, const char *msg)
{
    if (fe->notice)
        fe->notice(fe->ctx, s, msg);
}

static void show_begin(struct session *s, const struct frontend *fe)
{
    if (fe->begin)
        fe->begin(fe->ctx, s);
}

/* The run has a new step to show: kept in memory and in the result file. */
static void run_changed(struct session *s, const struct frontend *fe)
{
    keep_run(s, true);
    save_results(s, fe);
}

/* The session stops with end. */
static void stop(enum session_end *end, bool *done, enum session_end why)
{
    *end = why;
    *done = true;
}

static void command_undo(struct session *s, const struct frontend *fe, enum session_end *end,
                         bool *done)
{
    struct diag err;
    if (!undo(s, &err))
        stop(end, done, fail(s, fe, &err));
    else
        run_changed(s, fe);
}

/* The same role and seed from the start, in a new result file. */
static void command_restart(struct session *s, const struct frontend *fe, enum session_end *end,
                            bool *done)
{
    struct diag err;
    if (!game_start(s->g, &s->opt.setup, &err)) {
        stop(end, done, fail(s, fe, &err));
        return;
    }
    begin_times(s);
    new_results_path(s);
    start_best(s);
    run_changed(s, fe);
    show_begin(s, fe);
}

static void command_save(struct session *s, const struct frontend *fe, int slot)
{
    if (!s->opt.saves_dir) {
        notify(s, fe, "Saving is not available here.");
        return;
    }
    char path[PATH_MAX + 32], msg[PATH_MAX + 64];
    session_slot_path(s, slot, path, sizeof path);
    mkdir(s->opt.saves_dir, 0755);
    struct run_times t = s->times;
    run_time_now(t.updated, sizeof t.updated);
    char *json = run_to_json(s->g, &t);
    struct diag err;
    bool ok = file_write_atomic(path, json, strlen(json), &err);
    free(json);
    if (ok)
        snprintf(msg, sizeof msg, "Saved to slot %d.", slot);
    else
        snprintf(msg, sizeof msg, "Could not save to slot %d: %s", slot, err.message);
    notify(s, fe, msg);
}

/* Replays the run in a slot; one that does not replay leaves the player
 * where they were. */
static void command_load(struct session *s, const struct frontend *fe, int slot)
{
    char path[PATH_MAX + 32], msg[PATH_MAX + 64];
    struct diag err;
    session_slot_path(s, slot, path, sizeof path);
    struct run_record r;
    if (!run_read(path, &r, &err)) {
        snprintf(msg, sizeof msg, "Slot %d cannot be loaded: %s", slot, err.message);
        notify(s, fe, msg);
        return;
    }
    struct run_record current;
    run_record_from_game(s->g, &current);
    if (!replay_record(s, &r, -1, &err)) {
        /* Back to where the player was. */
        struct diag ignore;
        replay_record(s, &current, -1, &ignore);
        snprintf(msg, sizeof msg, "Slot %d cannot be loaded: %s", slot, err.message);
    } else {
        snprintf(msg, sizeof msg, "Loaded slot %d.", slot);
        run_changed(s, fe);
    }
    run_record_free(&current);
    run_record_free(&r);
    notify(s, fe, msg);
    show_begin(s, fe);
}

/* Reloads the scenario's files and replays the run. Until the files load,
 * shows the error and waits for the next edit (or a quit). */
static void command_reload(struct session *s, const struct frontend *fe, enum session_end *end,
                           bool *done)
{
    for (;;) {
        struct diag_list diags;
        diag_list_init(&diags);
        struct diag rerr;
        enum reload_result rr = session_reload(s, &diags, &rerr);
        if (rr != RELOAD_FAILED) {
            diag_list_free(&diags);
            s->reload_pending = false;
            char msg[PATH_MAX + 64];
            if (rr == RELOAD_OK)
                snprintf(msg, sizeof msg, "Scenario reloaded; the run was replayed (%d "
                                          "decision%s).",
                         s->g->nlog, s->g->nlog == 1 ? "" : "s");
            else
                snprintf(msg, sizeof msg, "Scenario reloaded; the run was replayed up to "
                                          "decision %d: %s",
                         s->g->nlog, rerr.message);
            notify(s, fe, msg);
            show_begin(s, fe);
            return;
        }
        s->reload_pending = true;
        struct diag first = diags.count ? diags.items[0] : rerr;
        diag_list_free(&diags);
        struct fe_command r = fe->error ? fe->error(fe->ctx, s, &first) : fe_command(FE_QUIT);
        if (r.action == FE_RELOAD)
            continue;
        if (r.action == FE_QUIT)
            stop(end, done, SESSION_ERROR);
        return;
    }
}

/* Handles the commands every state shares; true when handled. */
static bool common_command(struct session *s, const struct frontend *fe, struct fe_command c,
                           enum session_end *end, bool *done)
{
    switch (c.action) {
    case FE_UNDO: command_undo(s, fe, end, done); return true;
    case FE_RESTART: command_restart(s, fe, end, done); return true;
    case FE_SAVE: command_save(s, fe, c.slot); return true;
    case FE_LOAD: command_load(s, fe, c.slot); return true;
    case FE_RELOAD: command_reload(s, fe, end, done); return true;
    case FE_QUIT:
        save_results(s, fe);
        stop(end, done, s->g->over ? SESSION_ENDED : SESSION_QUIT);
        return true;
    default: return false;
    }
}

/* Continues the run in --resume's file, in that same file; *other_version
 * says whether it was played with another version of the scenario. */
static bool resume_run(struct session *s, bool *other_version, struct diag *err)
{
    struct run_record r;
    if (!run_read(s->opt.resume_file, &r, err))
        return false;
    bool ok = replay_record(s, &r, -1, err);
    *other_version = !run_same_version(&r, s->sc);
    if (r.started)
        str_copy(s->times.started, sizeof s->times.started, r.started);
    else
        run_time_now(s->times.started, sizeof s->times.started);
    s->opt.setup.seed = r.seed;
    s->opt.setup.nplayers = s->g->nplayers;
    for (int p = 0; p < s->g->nplayers; p++) {
        str_copy(s->names[p], sizeof s->names[p], s->g->s.players[p].name);
        s->opt.setup.players[p].role = s->g->s.players[p].role;
    }
    run_record_free(&r);
    if (!ok)
        return false;
    /* Continue in the same file. */
    str_copy(s->results_path, sizeof s->results_path, s->opt.resume_file);
    return true;
}

/* A new run, or the resumed one, up to its first screen: false (the error
 * shown) when it cannot start. */
static bool start_run(struct session *s, const struct frontend *fe)
{
    struct diag err;
    bool other_version = false;
    bool ok = s->opt.resume_file ? resume_run(s, &other_version, &err)
                                 : game_start(s->g, &s->opt.setup, &err);
    if (!ok) {
        fail(s, fe, &err);
        return false;
    }
    if (!s->opt.resume_file) {
        begin_times(s);
        new_results_path(s);
    }
    /* The result file says when timed decisions were slowed or off. */
    s->times.timers = s->opt.timers == TIMERS_ON ? NULL : session_timers_name(s->opt.timers);
    start_best(s);
    run_changed(s, fe);
    show_begin(s, fe);
    if (other_version && fe->notice) {
        char msg[600];
        str_format(msg, sizeof msg,
                   "This run was played with another version of %s: its %d decision%s still fit "
                   "and were replayed, but the scores follow the scenario as it is now.",
                   s->sc->title, s->g->nlog, s->g->nlog == 1 ? "" : "s");
        fe->notice(fe->ctx, s, msg);
    }
    return true;
}

/* The debrief of an ended run, until the player leaves it (or undoes,
 * loads, restarts...). */
static void debrief_turn(struct session *s, const struct frontend *fe, enum session_end *end,
                         bool *done)
{
    save_results(s, fe);
    rescue_results(s, fe);
    struct debrief d;
    debrief_build(s->g, &d);
    struct fe_command c = fe->debrief(fe->ctx, s, &d);
    if (c.action == FE_QUIT || c.action == FE_CONTINUE) {
        stop(end, done, SESSION_ENDED);
        return;
    }
    common_command(s, fe, c, end, done);
}

/* Takes the choice (or the timeout) c; false with err when the game
 * refused it. */
static bool take_choice(struct session *s, const struct fe_command *c, struct diag *err)
{
    double secs = c->seconds >= 0 ? c->seconds : clock_seconds() - s->decision_started;
    if (c->action == FE_TIMEOUT)
        return game_timeout(s->g, secs, err);
    if (game_is_secret(s->g)) {
        int picks[GAME_MAX_PLAYERS] = {c->number, c->number2};
        return game_choose_pair(s->g, picks, false, secs, err);
    }
    return game_choose(s->g, c->number, false, secs, err);
}

/* One decision: asks the front-end, takes the choice and shows its outcome
 * when coaching, or does the command it gave instead. */
static void decide_turn(struct session *s, const struct frontend *fe, enum session_end *end,
                        bool *done)
{
    s->decision_started = clock_seconds();
    struct fe_command c = fe->decide(fe->ctx, s);
    if (c.action == FE_TIMEOUT && s->opt.timers == TIMERS_OFF)
        return; /* untimed: the timeout choice is never forced */
    if (c.action == FE_CONTINUE)
        return;
    if (c.action != FE_CHOOSE && c.action != FE_TIMEOUT) {
        common_command(s, fe, c, end, done);
        return;
    }
    struct diag err;
    if (!take_choice(s, &c, &err)) {
        keep_attempt(s, &c);
        struct fe_command r = fe->error ? fe->error(fe->ctx, s, &err) : fe_command(FE_QUIT);
        if (r.action == FE_QUIT) {
            save_results(s, fe);
            stop(end, done, SESSION_ERROR);
        } else if (r.action != FE_CONTINUE) {
            common_command(s, fe, r, end, done);
        }
        return;
    }
    keep_run(s, false);
    save_results(s, fe);
    if (s->opt.coaching && fe->outcome) {
        struct fe_command o = fe->outcome(fe->ctx, s);
        if (o.action != FE_CONTINUE)
            common_command(s, fe, o, end, done);
    }
}

enum session_end session_play(struct session *s, const struct frontend *fe)
{
    if (!start_run(s, fe))
        return SESSION_ERROR;
    enum session_end end = SESSION_QUIT;
    bool done = false;
    while (!done) {
        if (s->g->over)
            debrief_turn(s, fe, &end, &done);
        else
            decide_turn(s, fe, &end, &done);
    }
    rescue_results(s, fe);
    return end;
}
