/*
 * app.c: the application's flow around a session: the title screen, the
 * role screen, opening a scenario (its load errors shown and retried),
 * playing it with the session's callbacks, autosave for Continue, and back
 * to the title screen (window_run).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/loader.h"
#include "core/run.h"
#include "win.h"

/* ------------------------------------------------------------ the session's callbacks */

static void start_watch(struct window *w, const char *path, const struct scenario *sc)
{
    if (!w->po->watch)
        return;
    win_watch_stop(w->watch);
    w->watch = NULL;
    char why[512];
    w->watch = win_watch_start(path, sc, w->watch_event, why, sizeof why);
    if (!w->watch) {
        char msg[700];
        str_format(msg, sizeof msg, "Cannot watch the scenario's files: %s", why);
        win_notice(w, msg);
    }
}

/* The seconds a timed decision (at log length nlog, in scene) had run when
 * it was left; 0 when it was not. */
static double timer_used(const struct window *w, int nlog, int scene)
{
    for (int i = 0; i < w->ntimer_used; i++)
        if (w->timer_used[i].nlog == nlog && w->timer_used[i].scene == scene)
            return w->timer_used[i].seconds;
    return 0;
}

static void timer_remember(struct window *w, int nlog, int scene, double seconds)
{
    int i = 0;
    while (i < w->ntimer_used && !(w->timer_used[i].nlog == nlog && w->timer_used[i].scene == scene))
        i++;
    if (i == WIN_TIMERS_KEPT) {
        memmove(w->timer_used, w->timer_used + 1, sizeof w->timer_used[0] * (WIN_TIMERS_KEPT - 1));
        i = WIN_TIMERS_KEPT - 1;
    } else if (i == w->ntimer_used) {
        w->ntimer_used++;
    }
    w->timer_used[i].nlog = nlog;
    w->timer_used[i].scene = scene;
    w->timer_used[i].seconds = seconds;
}

static void autosave_path(const struct window *w, char *buf, size_t cap)
{
    str_format(buf, cap, "%s/autosave.json", w->saves_dir);
}

/* The run so far to saves_dir/autosave.json after each decision (a bundled
 * scenario's solo or duet run), removed when the run reaches its debrief or
 * goes back to no decision: the title screen's Continue. Fails softly. */
static void autosave(struct window *w)
{
    if (!w->saves_dir[0] || !w->s || w->unattended || w->po->nchoices)
        return;
    char path[PATH_MAX + 32];
    autosave_path(w, path, sizeof path);
    struct game *g = w->s->g;
    if (g->nlog == 0 || g->over) {
        unlink(path);
        return;
    }
    char *json = run_to_json(g, &w->s->times);
    struct diag err;
    make_parents(path);
    file_write_atomic(path, json, strlen(json), &err);
    free(json);
}

static void fe_begin(void *ctx, struct session *s)
{
    struct window *w = ctx;
    w->s = s;
    /* The search runs in the background (the session started it): the HUD's
     * bars fill in once it is done (see fe_decide). */
    w->ntimer_used = 0;
    for (int p = 0; p < s->g->nplayers; p++)
        best_peek(s->sc, s->g->s.players[p].role, s->g->seed, s->g->nplayers > 1, &w->best[p]);
    w->last_scene = -1;
    w->last_nlog = -1;
    duet_reset(w);
    start_watch(w, s->sc->folder, s->sc);
    w->need_layout = true;
}

static struct fe_command fe_decide(void *ctx, struct session *s)
{
    struct window *w = ctx;
    w->s = s;
    for (int p = 0; p < s->g->nplayers; p++)
        if (!w->best[p].ready)
            best_peek(s->sc, s->g->s.players[p].role, s->g->seed, s->g->nplayers > 1, &w->best[p]);
    /* With coaching off no outcome screen showed the last secret picks:
     * the players see them before anything else. */
    struct fe_command r = duet_pending_reveal(w);
    if (r.action != FE_CONTINUE)
        return r;
    const struct game *g = s->g;
    const struct scene *sc = game_scene(g);
    /* Saving from the hand-over comes back here: that is not a new scene. */
    bool fresh = g->view.scene != w->last_scene || g->nlog != w->last_nlog ||
                 (w->screen != SCREEN_PLAY && w->screen != SCREEN_HANDOVER);
    duet_begin_decision(w, fresh);
    if (fresh) {
        w->timer_seconds = session_timer_seconds(w->s, sc); /* --timers, the settings */
        w->timing = w->timer_seconds > 0;
        w->timer_start = win_now(w);
        w->timer_paused_total = 0;
        w->timer_paused_at = 0;
        /* Back at a timed decision by undo: its clock goes on from where
         * it stood (undo must not buy a full minute), with a few seconds
         * at least to act. */
        double used = timer_used(w, g->nlog, g->view.scene);
        if (w->timing && used > 0) {
            double most = w->timer_seconds > 5 ? w->timer_seconds - 5 : 0;
            w->timer_start -= used < most ? used : most;
        }
        w->shown_remaining = win_timer_remaining(w);
        w->kbd = w->kbd && true;
    } else if (w->timing && w->timer_paused_at > 0 && !w->overlay) {
        w->timer_paused_total += win_now(w) - w->timer_paused_at;
        w->timer_paused_at = 0;
    }
    if (fresh)
        autosave(w);
    w->last_scene = g->view.scene;
    w->last_nlog = g->nlog;
    win_set_screen(w, w->secret == SECRET_HANDOVER ? SCREEN_HANDOVER : SCREEN_PLAY, fresh);
    win_loop(w);
    if (w->timing)
        timer_remember(w, g->nlog, g->view.scene, win_timer_elapsed(w));
    if (w->cmd.action == FE_RESTART || w->cmd.action == FE_LOAD)
        w->ntimer_used = 0;
    /* Say what a key did, as the terminal does. */
    if (w->cmd.action == FE_UNDO)
        win_notice(w, "Undone: the last choice is taken back");
    else if (w->cmd.action == FE_RESTART)
        win_notice(w, "Restarted: a new run from the first scene");
    w->timing = w->timing && !(w->cmd.action == FE_CHOOSE || w->cmd.action == FE_TIMEOUT ||
                               w->cmd.action == FE_UNDO || w->cmd.action == FE_RESTART ||
                               w->cmd.action == FE_LOAD || w->cmd.action == FE_RELOAD);
    if (w->timing && w->timer_paused_at == 0)
        w->timer_paused_at = win_now(w); /* saving: the clock waits */
    return w->cmd;
}

static struct fe_command fe_outcome(void *ctx, struct session *s)
{
    struct window *w = ctx;
    w->s = s;
    w->timing = false;
    w->revealed_nlog = s->g->nlog; /* this screen is the reveal of a secret decision */
    w->reveal_only = false;
    win_set_screen(w, SCREEN_OUTCOME, true);
    win_loop(w);
    if (w->cmd.action == FE_UNDO)
        win_notice(w, "Undone: the last choice is taken back");
    else if (w->cmd.action == FE_RESTART)
        win_notice(w, "Restarted: a new run from the first scene");
    return w->cmd;
}

static struct fe_command fe_debrief(void *ctx, struct session *s, const struct debrief *d)
{
    struct window *w = ctx;
    w->s = s;
    w->timing = false;
    struct fe_command r = duet_pending_reveal(w);
    if (r.action != FE_CONTINUE)
        return r;
    w->debrief = *d;
    autosave(w); /* over: the autosave goes */
    win_set_screen(w, SCREEN_DEBRIEF, true);
    win_loop(w);
    if (w->cmd.action == FE_CONTINUE)
        w->cmd.action = FE_QUIT;
    return w->cmd;
}

static struct fe_command fe_error(void *ctx, struct session *s, const struct diag *d)
{
    struct window *w = ctx;
    w->s = s;
    w->timing = false;
    w->error = *d;
    w->error_pre_session = false;
    struct strbuf line;
    sb_init(&line);
    diag_format(d, false, &line);
    fprintf(stderr, "%s\n", line.data);
    sb_free(&line);
    win_set_overlay(w, OVERLAY_NONE);
    win_set_screen(w, SCREEN_ERROR, true);
    win_loop(w);
    w->last_scene = -1;
    return w->cmd;
}

static void fe_notice(void *ctx, struct session *s, const char *message)
{
    struct window *w = ctx;
    (void)s;
    win_notice(w, message);
}

static struct frontend window_frontend(struct window *w)
{
    struct frontend fe = {
        .ctx = w,
        .begin = fe_begin,
        .decide = fe_decide,
        .outcome = fe_outcome,
        .debrief = fe_debrief,
        .error = fe_error,
        .notice = fe_notice,
    };
    return fe;
}

/* ------------------------------------------------------------ title and role */

static void load_titles(struct window *w)
{
    if (w->titles)
        return;
    char **ids = catalog_list();
    int n = 0;
    while (ids && ids[n])
        n++;
    /* The tutorial first: where a new player starts, and key 1. */
    for (int i = 1; i < n; i++)
        if (strcmp(ids[i], "tutorial") == 0) {
            char *t = ids[i];
            memmove(ids + 1, ids, sizeof *ids * (size_t)i);
            ids[0] = t;
            break;
        }
    w->titles = xcalloc((size_t)(n ? n : 1), sizeof *w->titles);
    w->ntitles = 0;
    for (int i = 0; i < n; i++) {
        struct title_entry *t = &w->titles[w->ntitles];
        char why[1024];
        str_copy(t->id, sizeof t->id, ids[i]);
        if (!catalog_resolve(ids[i], t->path, sizeof t->path, why, sizeof why))
            continue;
        struct diag_list diags;
        diag_list_init(&diags);
        struct script_limits limits;
        script_limits_default(&limits);
        struct scenario *sc = scenario_load(t->path, &limits, &diags);
        if (sc) {
            t->title = xstrdup(sc->title);
            t->summary = xstrdup(sc->summary);
            t->minutes = sc->minutes;
            scenario_free(sc);
        } else {
            struct strbuf sb;
            sb_init(&sb);
            if (diags.count)
                diag_format(&diags.items[0], false, &sb);
            t->error = sb_take(&sb);
            t->title = xstrdup(ids[i]);
        }
        diag_list_free(&diags);
        w->ntitles++;
    }
    catalog_free_list(ids);
}

void win_free_titles(struct window *w)
{
    for (int i = 0; i < w->ntitles; i++) {
        free(w->titles[i].title);
        free(w->titles[i].summary);
        free(w->titles[i].error);
    }
    free(w->titles);
    w->titles = NULL;
    w->ntitles = 0;
}

/* The title screen: a scenario's path in path, or false to close. */
static bool run_title(struct window *w, char *path, size_t cap)
{
    load_titles(w);
    w->s = NULL;
    w->picked_title = 0;
    for (int i = 0; i < w->ntitles; i++)
        if (!w->titles[i].error) {
            w->picked_title = i;
            break;
        }
    /* The last unfinished run, when there is one of a bundled scenario. */
    w->autosave_title = -1;
    w->continue_picked = false;
    char apath[PATH_MAX + 32];
    autosave_path(w, apath, sizeof apath);
    struct run_record r;
    struct diag err;
    if (w->saves_dir[0] && run_read(apath, &r, &err)) {
        for (int i = 0; i < w->ntitles; i++)
            if (!r.finished && r.ndecisions > 0 && !w->titles[i].error && r.scenario_id &&
                strcmp(w->titles[i].id, r.scenario_id) == 0)
                w->autosave_title = i;
        w->autosave_decisions = r.ndecisions;
        str_format(w->autosave_who, sizeof w->autosave_who, "%s%s%s", r.players[0] ? r.players[0] : "",
                   r.nplayers > 1 ? " and " : "", r.nplayers > 1 && r.players[1] ? r.players[1] : "");
        run_record_free(&r);
    }
    win_set_overlay(w, OVERLAY_NONE);
    win_set_screen(w, SCREEN_TITLE, true);
    w->edit_field = 0;
    win_set_text_input(w, true);
    w->quit_all = false;
    win_loop(w);
    win_set_text_input(w, false);
    if (w->quit_all || w->picked_title < 0 || w->picked_title >= w->ntitles)
        return false;
    str_copy(path, cap, w->titles[w->picked_title].path);
    return true;
}

/* The role screen: a role index, -1 to close, -2 back to the title. */
static int run_role(struct window *w, const struct scenario *sc, bool ask_name)
{
    w->role_sc = sc;
    w->picked_role = -1;
    w->name_field = ask_name;
    win_set_overlay(w, OVERLAY_NONE);
    win_set_screen(w, SCREEN_ROLE, true);
    w->edit_field = 0;
    /* Digits choose a role (as the footer says); typing a letter starts the
     * name, Tab or a click reaches the field too. */
    w->type_to_name = (ask_name || (sc->duet && w->duet_mode)) && !w->unattended;
    win_set_text_input(w, false);
    w->leave_run = false;
    win_loop(w);
    w->type_to_name = false;
    win_set_text_input(w, false);
    w->role_sc = NULL;
    if (w->quit_all)
        return -1;
    if (w->leave_run)
        return -2;
    return w->picked_role;
}

/* ------------------------------------------------------------ a run */

/* Where a run leaves the window; RUN_ON: a step of play_path went well,
 * the run goes on. */
enum run_result { RUN_DONE, RUN_TITLE, RUN_QUIT, RUN_ON };

/* Opens the session for path, showing a load error on the error screen
 * (watching the folder) until the player fixes it and reloads, goes back
 * or quits. RUN_ON when it is open; else where to go, with *code set. */
static enum run_result open_session(struct window *w, struct session *s, const struct session_options *o,
                                    const char *path, bool from_title, int *code)
{
    for (;;) {
        struct diag_list diags;
        diag_list_init(&diags);
        if (session_open(s, o, &diags)) {
            diag_list_free(&diags);
            return RUN_ON;
        }
        struct strbuf sb;
        sb_init(&sb);
        for (int i = 0; i < diags.count; i++) {
            sb_clear(&sb);
            diag_format(&diags.items[i], false, &sb);
            fprintf(stderr, "%s\n", sb.data);
        }
        sb_free(&sb);
        if (diags.count)
            w->error = diags.items[0];
        else
            diag_set(&w->error, path, 0, "load", "the scenario could not be loaded");
        diag_list_free(&diags);
        *code = 1;
        if (win_scripted(w))
            return RUN_QUIT;
        start_watch(w, path, NULL);
        w->error_pre_session = true;
        w->leave_run = false;
        win_set_overlay(w, OVERLAY_NONE);
        win_set_screen(w, SCREEN_ERROR, true);
        win_loop(w);
        w->error_pre_session = false;
        win_watch_stop(w->watch);
        w->watch = NULL;
        if (w->cmd.action == FE_RELOAD && !w->quit_all)
            continue;
        if (w->quit_all)
            return RUN_QUIT;
        return from_title || w->leave_run ? RUN_TITLE : RUN_QUIT;
    }
}

/* The players of a new run: the role (--role, the only one, a duet's first
 * or the role screen's) and names, one player or two. RUN_ON when set;
 * else the session is closed and the result says where to go. */
static enum run_result choose_players(struct window *w, struct session *s, bool from_title, int *code)
{
    const struct play_options *po = w->po;
    int role = -1;
    if (po->role) {
        role = scenario_role(s->sc, po->role);
        if (role < 0) {
            struct strbuf roles;
            sb_init(&roles);
            for (int r = 0; r < s->sc->nroles; r++)
                sb_printf(&roles, "%s%s (%s)", r ? ", " : "", s->sc->roles[r].id, s->sc->roles[r].name);
            win_err_line("'%s' is not a role of %s; the roles are: %s", po->role, s->sc->id, roles.data);
            sb_free(&roles);
            session_close(s);
            *code = 2;
            return RUN_QUIT;
        }
    } else if (s->sc->nroles == 1) {
        role = 0;
    } else if (po->duet) {
        role = 0; /* as in the terminal: player 1 takes the first role */
    } else if (win_scripted(w)) {
        struct strbuf roles;
        sb_init(&roles);
        for (int r = 0; r < s->sc->nroles; r++)
            sb_printf(&roles, "%s%s (%s)", r ? ", " : "", s->sc->roles[r].id, s->sc->roles[r].name);
        win_err_line("choose a role with --role; the roles of %s are: %s", s->sc->id, roles.data);
        sb_free(&roles);
        session_close(s);
        *code = 2;
        return RUN_QUIT;
    }
    if (po->duet && !s->sc->duet) {
        win_err_line("%s is not written for duets (its scenario { } has no duet = true)", s->sc->id);
        session_close(s);
        *code = 2;
        return RUN_QUIT;
    }
    if (po->duet)
        w->duet_mode = true;
    bool ask_name = !from_title && !po->player;
    if (role < 0 || w->unattended) {
        if (w->unattended)
            w->picked_role = role;
        int r = run_role(w, s->sc, ask_name && !w->unattended);
        if (w->unattended)
            r = role;
        if (r < 0) {
            session_close(s);
            return r == -2 ? RUN_TITLE : RUN_QUIT;
        }
        role = r;
    }
    if (w->duet_mode && s->sc->duet && s->sc->nroles == 2) {
        /* Two players share the company, one role each. */
        s->opt.setup.nplayers = 2;
        s->opt.setup.players[0].role = role;
        s->opt.setup.players[1].role = 1 - role;
        str_copy(s->names[0], sizeof s->names[0], w->name[0] ? w->name : "Player 1");
        str_copy(s->names[1], sizeof s->names[1], w->partner[0] ? w->partner : "Player 2");
    } else {
        const char *name = po->player ? po->player : w->name[0] ? w->name : "Player";
        s->opt.setup.nplayers = 1;
        s->opt.setup.players[0].role = role;
        str_copy(s->names[0], sizeof s->names[0], name);
        s->opt.setup.players[0].name = s->names[0];
    }
    return RUN_ON;
}

/* Plays one scenario from its path: opens the session (showing load errors
 * and retrying them), picks the role, plays. Sets *code. */
static enum run_result play_path(struct window *w, const char *path, bool from_title, int *code)
{
    const struct play_options *po = w->po;
    struct session_options o = po->session;
    o.scenario_path = path;
    o.coaching = po->session.coaching && w->settings.coaching;
    if (!po->timers_given)
        o.timers = (enum session_timers)w->settings.timers;
    if (!o.results_dir && w->settings.results_dir[0])
        o.results_dir = w->settings.results_dir;
    o.saves_dir = w->saves_dir[0] ? w->saves_dir : NULL;
    struct session s;
    *code = 0;
    enum run_result opened = open_session(w, &s, &o, path, from_title, code);
    if (opened != RUN_ON)
        return opened;
    if (!po->session.resume_file) {
        enum run_result set = choose_players(w, &s, from_title, code);
        if (set != RUN_ON)
            return set;
    }
    w->leave_run = false;
    w->script_next = 0;
    struct frontend fe = window_frontend(w);
    enum session_end end = session_play(&s, &fe);
    win_watch_stop(w->watch);
    w->watch = NULL;
    w->timing = false;
    w->s = NULL;
    session_close(&s);
    win_set_overlay(w, OVERLAY_NONE);
    if (w->script_failed)
        *code = 2;
    else if (end == SESSION_ERROR)
        *code = 1;
    else if (end == SESSION_QUIT)
        *code = 3; /* left before an ending, as in the terminal: 0 means one was reached */
    if (w->quit_all)
        return RUN_QUIT;
    if (win_scripted(w))
        return RUN_QUIT;
    if (w->leave_run || (from_title && end != SESSION_ERROR) || po->kiosk)
        return RUN_TITLE;
    return RUN_QUIT;
}

int window_run(struct play_options *po, const char *scenario_path, const struct window_hooks *hooks)
{
    struct window *w = xcalloc(1, sizeof *w);
    w->po = po;
    w->hooks = hooks;
    w->started = clock_seconds();
    w->focus = w->hover = w->pressed = -1;
    w->last_scene = -1;
    sb_init(&w->history);
    settings_default(&w->settings);
    if (settings_path(w->settings_path, sizeof w->settings_path)) {
        char why[1024];
        if (settings_load(w->settings_path, &w->settings, why, sizeof why) == SETTINGS_BROKEN) {
            w->settings_broken = true;
            char msg[PATH_MAX + 1200];
            str_format(msg, sizeof msg,
                       "Your settings file %s could not be read (%s); using the defaults. The file is "
                       "kept as it is until you change a setting.", w->settings_path, why);
            fprintf(stderr, "scaleup: note: %s\n", msg);
            win_notice(w, msg);
        }
    }
    w->pal = theme_palette((enum win_theme)w->settings.theme);
    if (po->player)
        str_copy(w->name, sizeof w->name, po->player);
    if (po->partner)
        str_copy(w->partner, sizeof w->partner, po->partner);
    w->duet_mode = po->duet;
    user_data_dir(w->saves_dir, sizeof w->saves_dir, "saves");
    w->unattended = po->screenshot && po->nchoices > 0 && scenario_path;
    w->autosave_title = -1; /* no Continue until run_title finds an unfinished run */

    int code = win_open(w);
    if (code == 0) {
        char path[PATH_MAX];
        bool from_title = scenario_path == NULL;
        if (scenario_path)
            str_copy(path, sizeof path, scenario_path);
        if (w->unattended) {
            /* Show the title screen too when the scenario is a bundled one. */
            load_titles(w);
            int found = -1;
            for (int i = 0; i < w->ntitles; i++)
                if (strcmp(w->titles[i].path, path) == 0)
                    found = i;
            if (found >= 0) {
                win_set_screen(w, SCREEN_TITLE, true);
                w->picked_title = found;
                win_loop(w);
            }
        }
        for (;;) {
            if (!scenario_path || (from_title && !w->unattended)) {
                if (!run_title(w, path, sizeof path))
                    break;
            }
            char resume[PATH_MAX + 32];
            const char *saved_resume = po->session.resume_file;
            if (w->continue_picked) {
                autosave_path(w, resume, sizeof resume);
                po->session.resume_file = resume;
                w->continue_picked = false;
            }
            enum run_result r = play_path(w, path, from_title, &code);
            po->session.resume_file = saved_resume;
            if (r == RUN_QUIT)
                break;
            if (po->kiosk)
                w->name[0] = w->partner[0] = '\0';
            if (r == RUN_TITLE) {
                from_title = true;
                scenario_path = NULL;
                code = 0;
            }
        }
    }
    win_close(w);
    free(w);
    return code;
}

int window_main(struct play_options *po, const char *scenario_path)
{
    return window_run(po, scenario_path, NULL);
}
