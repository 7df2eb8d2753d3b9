/*
 * play.c: scaleup play: choose the front-end, the role and the run, then
 * hand a session to the front-end.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "core/utf8.h"
#include "core/catalog.h"
#include "core/run.h"
#include "core/runplan.h"
#include "core/session.h"
#include "core/settings.h"
#include "core/watch.h"
#include "term/term.h"
#include "play_options.h"
#include "module.h"

static void play_usage(FILE *f)
{
    fprintf(f,
            "Usage: scaleup play [SCENARIO] [OPTIONS]\n"
            "\n"
            "Plays a scenario: a folder, a .lua file, or the id of a bundled scenario\n"
            "(tutorial, seed-to-scale, seed-to-scale-workshop, the-offer, tug-of-war).\n"
            "Without --text it opens the window; without SCENARIO the window starts on\n"
            "the title screen.\n"
            "\n"
            "  --text              play in the terminal\n"
            "  --role ID           the role to play (po, pm, ...); asked when not given\n"
            "  --player NAME       the player's or team's name\n"
            "  --seed N            the run's seed (0 to 2^53-1); random when not given\n"
            "  --choices LIST      decisions to take, e.g. 1,3,2 (t = let a timer run out,\n"
            "                      u = undo); otherwise they are read from standard input\n"
            "  --no-coaching       exam mode: all feedback waits for the debrief\n"
            "  --plain             ASCII only, no rules or bars, scores in words, for\n"
            "                      screen readers (the default when TERM=dumb)\n"
            "  --timers MODE       timed decisions: on, slow (ten times the time) or off\n"
            "                      (no choice is ever taken for you)\n"
            "  --results DIR       write the run's result file to DIR after every decision\n"
            "  --resume FILE       continue the run in a result or save file\n"
            "  --watch             reload the scenario when its files change, and replay\n"
            "  --duet              two players share one company (with --partner NAME)\n"
            "  --partner NAME      the second player's name in a duet\n"
            "  --font FILE         the window's font (default: found with fontconfig)\n"
            "  --fullscreen        start the window fullscreen\n"
            "  --kiosk             workshop kiosk: fullscreen, back to the title screen\n"
            "                      after each debrief, quitting needs Ctrl+Alt+Q\n"
            "  --presenter         the window for a room: story and options enlarged (body\n"
            "                      text at least 4.5%% of the screen's height), stats in a\n"
            "                      strip\n"
            CLI_LIMITS_HELP
            "  --help              this help\n"
            "\n"
            "Exit codes: 0 played to an ending, 1 scenario error, 2 usage error, 3 quit\n"
            "before an ending.\n");
}

static uint64_t fresh_seed(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t s = (uint64_t)ts.tv_sec * 1000003u ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 20);
    s = rng_mix(&s);
    return s % 1000000; /* short enough to read out in a workshop */
}

/* A name goes into result files, the terminal and the report: valid UTF-8
 * of at most LIMIT_NAME_BYTES, no control characters. */
static bool valid_name(const char *name, const char *option)
{
    size_t len = strlen(name), at;
    uint32_t cp;
    if (len > LIMIT_NAME_BYTES) {
        cli_error("%s: a name is at most %d bytes", option, LIMIT_NAME_BYTES);
        return false;
    }
    if (!utf8_valid(name, len, &at)) {
        cli_error("%s: the name is not valid UTF-8 text", option);
        return false;
    }
    if (utf8_find_control(name, len, false, &at, &cp)) {
        cli_error("%s: the name holds a control character (U+%04X)", option, (unsigned)cp);
        return false;
    }
    return true;
}

static const struct option play_opts[] = {
    {"text", no_argument, NULL, 't'},
    {"role", required_argument, NULL, 'r'},
    {"player", required_argument, NULL, 'p'},
    {"seed", required_argument, NULL, 's'},
    {"choices", required_argument, NULL, 'c'},
    {"no-coaching", no_argument, NULL, 'n'},
    {"results", required_argument, NULL, 'R'},
    {"resume", required_argument, NULL, 'm'},
    {"watch", no_argument, NULL, 'w'},
    {"duet", no_argument, NULL, 'd'},
    {"partner", required_argument, NULL, 'P'},
    {"font", required_argument, NULL, 'f'},
    {"fullscreen", no_argument, NULL, 'F'},
    {"kiosk", no_argument, NULL, 'k'},
    {"presenter", no_argument, NULL, 'E'},
    {"screenshot", required_argument, NULL, 'S'},
    CLI_LIMIT_OPTIONS,
    {"plain", no_argument, NULL, 'a'},
    {"timers", required_argument, NULL, 'T'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* --player and --partner: the name into *into once it is valid. */
static bool name_option(const char *value, const char *option, const char **into)
{
    if (!valid_name(value, option))
        return false;
    *into = value;
    return true;
}

/* One option as getopt_long returned it (index: its row in play_opts);
 * false (after saying why) on a usage error. */
static bool play_option(int c, int index, char **argv, struct play_options *po)
{
    switch (c) {
    case 't': po->text = true; break;
    case 'r': po->role = optarg; break;
    case 'p': return name_option(optarg, "--player", &po->player);
    case 'P': return name_option(optarg, "--partner", &po->partner);
    case 's':
        if (!cli_seed(optarg, &po->session.setup.seed))
            return false;
        po->seed_given = true;
        break;
    case 'c':
        if (!term_parse_choices(optarg, &po->choices, &po->nchoices)) {
            cli_error("--choices takes numbers separated by commas, like 1,3,2 (t: time out, "
                      "u: undo)");
            return false;
        }
        break;
    case 'T': {
        int mode = cli_timers(optarg);
        if (mode < 0)
            return false;
        po->session.timers = (enum session_timers)mode;
        po->timers_given = true;
        break;
    }
    case 'n': po->session.coaching = false; break;
    case 'R': po->session.results_dir = optarg; break;
    case 'm': po->session.resume_file = optarg; break;
    case 'w': po->watch = true; break;
    case 'd': po->duet = true; break;
    case 'f': po->font = optarg; break;
    case 'F': po->fullscreen = true; break;
    case 'k': po->kiosk = true; break;
    case 'E': po->presenter = true; break;
    case 'S': po->screenshot = optarg; break;
    case CLI_LIMIT_KEY:
        return cli_limit_option(play_opts[index].name, optarg, &po->session.limits) >= 0;
    case 'a': po->plain = true; break;
    case 'h': po->help = true; break;
    default: cli_option_error("play", c, argv); return false;
    }
    return true;
}

bool play_parse(int argc, char **argv, struct play_options *po)
{
    memset(po, 0, sizeof *po);
    session_options_default(&po->session);
    po->seed_given = false;
    optind = 1;
    opterr = 0;
    int c, index = 0;
    while ((c = getopt_long(argc, argv, ":", play_opts, &index)) != -1)
        if (!play_option(c, index, argv, po))
            return false;
    if (optind < argc)
        po->scenario = argv[optind++];
    if (optind < argc) {
        cli_error("unexpected argument '%s' (see scaleup play --help)", argv[optind]);
        return false;
    }
    if (!po->seed_given)
        po->session.setup.seed = fresh_seed();
    return true;
}

/* Picks the role: --role, the only role, or asks on a terminal. */
static int choose_role(const struct scenario *sc, const char *wanted, struct term *t)
{
    struct strbuf roles;
    sb_init(&roles);
    for (int r = 0; r < sc->nroles; r++)
        sb_printf(&roles, "%s%s (%s)", r ? ", " : "", sc->roles[r].id, sc->roles[r].name);
    int found = -1;
    if (wanted) {
        found = scenario_role(sc, wanted);
        if (found < 0)
            cli_error("'%s' is not a role of %s; the roles are: %s", wanted, sc->id, roles.data);
    } else if (sc->nroles == 1) {
        found = 0;
    } else if (!t->interactive || t->script) {
        cli_error("choose a role with --role; the roles of %s are: %s", sc->id, roles.data);
    } else {
        fprintf(t->out, "\nChoose your role:\n\n");
        for (int r = 0; r < sc->nroles; r++) {
            fprintf(t->out, "%3d. %s\n", r + 1, sc->roles[r].name);
            if (sc->roles[r].brief[0])
                term_wrap(t, sc->roles[r].brief, 5);
            fputc('\n', t->out);
        }
        while (found < 0) {
            char prompt[64];
            snprintf(prompt, sizeof prompt, "Your role [1-%d]: ", sc->nroles);
            const char *a = term_ask(t, prompt);
            if (feof(t->in))
                break;
            long long v;
            if (cli_number(a, 1, sc->nroles, &v))
                found = (int)v - 1;
            else if ((found = scenario_role(sc, a)) < 0)
                fprintf(t->out, "Type a number from 1 to %d.\n", sc->nroles);
        }
    }
    sb_free(&roles);
    return found;
}

/* The results folder set in the window's settings holds the terminal's
 * runs too: a workshop laptop is set up once. */
static void results_dir_from_settings(struct play_options *po)
{
    static struct settings saved;
    char settings_file[PATH_MAX], why[512];
    if (!po->session.results_dir && settings_path(settings_file, sizeof settings_file) &&
        settings_load(settings_file, &saved, why, sizeof why) == SETTINGS_OK && saved.results_dir[0])
        po->session.results_dir = saved.results_dir;
}

/* --watch without --choices: the terminal waits on the scenario's files
 * as well as on standard input. */
static void watch_for_text(struct term *t, const struct play_options *po, const char *path)
{
    if (!po->watch || po->choices)
        return;
    /* Unbuffered, so that waiting on standard input and on the files at
     * once sees every line. */
    setvbuf(stdin, NULL, _IONBF, 0);
    char watch_why[PATH_MAX + 64];
    t->watch = watch_open(path, NULL, watch_why, sizeof watch_why);
    if (!t->watch)
        cli_error("--watch: %s", watch_why);
}

/* Opens the session; with --watch a scenario that does not load is
 * reported and waited on until it changes. False when it gave up. */
static bool open_text_session(struct session *s, struct play_options *po, struct term *t)
{
    struct diag_list diags;
    diag_list_init(&diags);
    bool opened;
    while (!(opened = session_open(s, &po->session, &diags))) {
        cli_print_diags(&diags, false);
        diag_list_clear(&diags);
        if (!t->watch || !term_wait_for_change(t))
            break;
    }
    diag_list_free(&diags);
    return opened;
}

/* The player's name as typed at the prompt into asked (cap bytes); NULL
 * for the default. */
static const char *ask_player_name(struct term *t, char *asked, size_t cap)
{
    const char *a = term_ask(t, "Your name, or your team's (Enter for \"Player\"): ");
    /* Typed bytes that are not UTF-8, and controls, become U+FFFD; a long
     * name is cut on a character boundary (str_copy). */
    struct strbuf typed;
    sb_init(&typed);
    utf8_fold_controls(&typed, a ? a : "", a ? strlen(a) : 0, false);
    str_copy(asked, cap, typed.data ? typed.data : "");
    sb_free(&typed);
    return asked[0] ? asked : NULL;
}

/* Who plays a new run (a resumed one already knows): a duet's two players,
 * or one role and name. 0, or the exit code of a usage error. */
static int plan_text_run(struct session *s, const struct play_options *po, struct term *t)
{
    if (po->session.resume_file)
        return 0;
    if (po->duet) {
        /* Two players share the company: the first takes the first role
         * unless --role says otherwise, the partner the other. */
        char duet_why[512];
        if (!runplan_duet(s, po->role, po->player, po->partner, duet_why, sizeof duet_why)) {
            cli_error("%s", duet_why);
            return 2;
        }
        return 0;
    }
    int role = choose_role(s->sc, po->role, t);
    if (role < 0)
        return 2;
    const char *name = po->player;
    char asked[LIMIT_NAME_BYTES + 1];
    if (!name && t->interactive && !t->script)
        name = ask_player_name(t, asked, sizeof asked);
    runplan_solo(s, role, name);
    return 0;
}

/* The exit code of a terminal run that ended as end. */
static int text_exit_code(const struct term *t, const struct session *s, enum session_end end)
{
    if (end == SESSION_ERROR)
        return 1;
    if (t->bad_input)
        return 2;
    if (t->input_ended) {
        cli_error("the %s ran out at scene '%s' (after %d decision%s), before an ending",
                  t->script ? "--choices list" : "input", game_scene(s->g)->id, s->g->nlog,
                  s->g->nlog == 1 ? "" : "s");
        return 2;
    }
    if (t->quit && !s->g->over)
        return 3; /* quit before an ending: 0 means an ending was reached */
    return 0;
}

static int play_text(struct play_options *po, const char *path)
{
    struct term t;
    term_init(&t, stdin, stdout, stderr);
    t.script = po->choices;
    t.nscript = po->nchoices;
    if (po->plain)
        term_set_plain(&t);

    po->session.scenario_path = path;
    results_dir_from_settings(po);
    watch_for_text(&t, po, path);
    struct session s;
    if (!open_text_session(&s, po, &t)) {
        watch_close(t.watch);
        term_free(&t);
        return 1;
    }
    int code = plan_text_run(&s, po, &t);
    if (code == 0) {
        struct frontend fe = term_frontend(&t);
        enum session_end end = session_play(&s, &fe);
        code = text_exit_code(&t, &s, end);
    }
    session_close(&s);
    watch_close(t.watch);
    term_free(&t);
    return code;
}

int cmd_play(int argc, char **argv)
{
    struct play_options po;
    if (!play_parse(argc, argv, &po)) {
        free(po.choices);
        return 2;
    }
    if (po.help) {
        play_usage(stdout);
        free(po.choices);
        return 0;
    }
    char path[PATH_MAX] = "";
    if (!po.scenario && po.session.resume_file) {
        /* The result file names its scenario: a bundled one needs no
         * argument. */
        char why[PATH_MAX * 3 + 200];
        bool usage;
        if (!runplan_resume_scenario(po.session.resume_file, path, sizeof path, why, sizeof why,
                                     &usage)) {
            if (usage)
                cli_error("%s", why);
            else
                fprintf(stderr, "%s\n", why);
            free(po.choices);
            return usage ? 2 : 1;
        }
    } else if (po.scenario) {
        char why[1024];
        if (!catalog_resolve(po.scenario, path, sizeof path, why, sizeof why)) {
            cli_error("%s", why);
            free(po.choices);
            return 2;
        }
    } else if (po.text) {
        cli_error("play --text needs a scenario: a folder, a .lua file or a bundled id such as "
                  "tutorial");
        free(po.choices);
        return 2;
    }
    int code;
    if (po.text) {
        code = play_text(&po, path);
    } else {
#ifdef SCALEUP_HAVE_WINDOW
        const struct window_module *window = module_load(MODULE_WINDOW);
        code = window ? window->main(&po, path[0] ? path : NULL) : 2;
#else
        cli_error("this build has no window; play in the terminal with --text");
        code = 2;
#endif
    }
    free(po.choices);
    return code;
}
