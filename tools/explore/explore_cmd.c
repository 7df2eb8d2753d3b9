/*
 * explore_cmd.c: scaleup explore SCENARIO: play a scenario many times by
 * machine (random or exhaustive, see core/explore.h) and report what was
 * found: scenes never reached, endings, dead ends and run-time errors with a
 * replayable seed and choice list, points and weighted totals, the best and
 * worst paths, and how many decisions a run takes.
 */
#include "explore_cmd.h"

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/debrief.h"
#include "core/explore.h"
#include "core/loader.h"
#include "core/policy.h"

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: scaleup explore SCENARIO [--random N] [--exhaustive] [OPTIONS]\n"
            "\n"
            "Plays the scenario by machine and reports scenes never reached, endings, dead\n"
            "ends and run-time errors (each with a seed and choice list to replay it),\n"
            "points per dimension, weighted totals, the best and worst paths and the\n"
            "number of decisions.\n"
            "\n"
            "  --random N         N random playthroughs per role (default 1000), each choice\n"
            "                     drawn uniformly from those offered\n"
            "  --seed S           base seed; playthrough i uses a seed derived from S and i\n"
            "  --exhaustive       every reachable game state for one seed (--seed), paths\n"
            "                     that merge explored once\n"
            "  --max-states K     stop the exhaustive search of a role beyond K states\n"
            "                     (default 1000000)\n"
            "  --jobs N           worker processes (default: the number of cores): runs of\n"
            "                     --random, roles of --exhaustive; and the threads of each\n"
            "                     exact best of --policies; the report is the same for any N\n"
            "  --all-runs         play every run even when the same run-time error keeps\n"
            "                     coming (by default --random stops after its 20th time)\n"
            "  --role ID          only this role\n"
            "  --duet             play duets: both roles at once, independent random picks\n"
            "  --policies         also play naive strategies per role (first, last, longest,\n"
            "                     shortest, random, greedy) over several seeds and print\n"
            "                     each one's mean, min and max percent of the role's exact\n"
            "                     best\n"
            "  --seeds N          seeds per role for --policies (default 10)\n"
            "  --json             print the report as one JSON object\n"
            "  --strict           scenes or endings never reached count as findings\n"
            "                     (exit code 1)\n"
            CLI_LIMITS_HELP
            "\n"
            "Exit codes: 0 nothing wrong found, 1 a dead end, a run-time error, a path\n"
            "above the scenario's declared best (or, with --strict, a scene or ending never\n"
            "reached); 2 usage error.\n");
}

struct progress {
    bool on;
    double last;
};

static void show_progress(void *ctx, long done, long total)
{
    struct progress *p = ctx;
    if (!p->on)
        return;
    double now = clock_seconds();
    if (now - p->last < 0.1 && done != total)
        return;
    p->last = now;
    if (total > 0) {
        int width = 30, filled = (int)((double)done / (double)total * width);
        fprintf(stderr, "\r[");
        for (int i = 0; i < width; i++)
            fputc(i < filled ? '#' : '.', stderr);
        fprintf(stderr, "] %ld/%ld", done, total);
    } else {
        fprintf(stderr, "\r%ld", done);
    }
    if (done == total)
        fputs("\r\x1b[K", stderr);
    fflush(stderr);
}

static void path_text(const struct explore_path *p, struct strbuf *out)
{
    for (int i = 0; i < p->nchoices; i++)
        sb_printf(out, "%s%d", i ? "," : "", p->choices[i]);
}

static cJSON *path_json(const struct scenario *sc, const struct explore_path *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "role", sc->roles[p->role].id);
    cJSON_AddNumberToObject(o, "seed", (double)p->seed);
    cJSON *c = cJSON_AddArrayToObject(o, "choices");
    for (int i = 0; i < p->nchoices; i++)
        cJSON_AddItemToArray(c, cJSON_CreateNumber(p->choices[i]));
    cJSON_AddNumberToObject(o, "weighted", round(p->weighted * 1e6) / 1e6);
    return o;
}

static cJSON *stat_json(const struct explore_stat *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "min", s->count ? s->min : 0);
    cJSON_AddNumberToObject(o, "mean", s->count ? round(s->sum / (double)s->count * 1000) / 1000 : 0);
    cJSON_AddNumberToObject(o, "max", s->count ? s->max : 0);
    return o;
}

static void merge(struct explore_stat *into, const struct explore_stat *s)
{
    if (!s->count)
        return;
    if (!into->count || s->min < into->min)
        into->min = s->min;
    if (!into->count || s->max > into->max)
        into->max = s->max;
    into->sum += s->sum;
    into->count += s->count;
}

/* A scene entered only as a conflict scene is reached in duets alone. */
static bool conflict_only(const struct scenario *sc, int s)
{
    for (int i = 0; i < sc->nscenes; i++)
        if (sc->scenes[i].conflict == s)
            return true;
    return false;
}

static cJSON *finding_json(const struct scenario *sc, const struct explore_finding *f)
{
    cJSON *o = path_json(sc, &f->path);
    cJSON_DeleteItemFromObject(o, "weighted");
    struct strbuf line;
    sb_init(&line);
    diag_format(&f->diag, false, &line);
    cJSON_AddStringToObject(o, "message", line.data);
    sb_free(&line);
    return o;
}

/* target: the scenario as the author named it, so that the replay command
 * runs from where they ran explore. */
static void print_finding(const struct scenario *sc, const char *target, const char *what,
                          const struct explore_finding *f, bool duet)
{
    struct strbuf line, where;
    sb_init(&line);
    sb_init(&where);
    diag_format(&f->diag, false, &line);
    printf("  %s: %s\n", what, line.data);
    sb_clear(&line);
    path_text(&f->path, &line);
    sb_shell_word(&where, target);
    printf("    replay: scaleup play %s --text %s%s --seed %llu --choices %s\n", where.data,
           duet ? "--duet" : "--role ", duet ? "" : sc->roles[f->path.role].id,
           (unsigned long long)f->path.seed, line.len ? line.data : "(none: at the start)");
    sb_free(&line);
    sb_free(&where);
}

static double tenth(double v)
{
    return round(v * 10) / 10;
}

/* policies: {role: {name: {mean, min, max}}, ...}, with each role's best. */
static cJSON *policies_json(const struct scenario *sc, const struct policy_report *pol, int only)
{
    cJSON *o = cJSON_CreateObject();
    for (int r = 0; r < sc->nroles; r++) {
        if (only >= 0 && r != only)
            continue;
        cJSON *ro = cJSON_AddObjectToObject(o, sc->roles[r].id);
        for (int p = 0; p < POLICY_COUNT; p++) {
            const struct policy_figures *f = &pol->fig[r][p];
            cJSON *po = cJSON_AddObjectToObject(ro, policy_name((enum policy)p));
            cJSON_AddNumberToObject(po, "mean", tenth(f->mean));
            cJSON_AddNumberToObject(po, "min", tenth(f->min));
            cJSON_AddNumberToObject(po, "max", tenth(f->max));
        }
        cJSON *b = cJSON_AddObjectToObject(ro, "best");
        cJSON_AddNumberToObject(b, "weighted", round(pol->best[r] * 1e6) / 1e6);
        cJSON_AddBoolToObject(b, "exact", pol->exact[r]);
        cJSON_AddBoolToObject(b, "same_for_every_seed", pol->seed_free[r]);
    }
    cJSON_AddNumberToObject(o, "seeds", pol->nseeds);
    return o;
}

static void print_policies(const struct scenario *sc, const struct policy_report *pol, int only)
{
    printf("  naive play, %d seed%s per role, percent of the role's best (mean, min-max):\n",
           pol->nseeds, pol->nseeds == 1 ? "" : "s");
    for (int r = 0; r < sc->nroles; r++) {
        if (only >= 0 && r != only)
            continue;
        printf("    %s (best %g%s):", sc->roles[r].id, pol->best[r],
               pol->exact[r] ? (pol->seed_free[r] ? ", exact" : ", exact per seed") : ", estimated");
        for (int p = 0; p < POLICY_COUNT; p++) {
            const struct policy_figures *f = &pol->fig[r][p];
            printf("%s %s %.1f%% (%.0f-%.0f)", p ? "," : "", policy_name((enum policy)p), f->mean, f->min,
                   f->max);
        }
        printf("\n");
    }
}

/* What the command line asks for, beyond the explore options. */
struct explore_args {
    struct explore_options o;
    struct script_limits limits;
    bool json, policies, strict;
    long seeds;
    const char *role;
    const char *target; /* the scenario as named on the command line */
};

static const struct option explore_opts[] = {
    {"random", required_argument, NULL, 'r'},
    {"seed", required_argument, NULL, 's'},
    {"exhaustive", no_argument, NULL, 'x'},
    {"max-states", required_argument, NULL, 'm'},
    {"role", required_argument, NULL, 'R'},
    {"jobs", required_argument, NULL, 'J'},
    {"all-runs", no_argument, NULL, 'A'},
    {"duet", no_argument, NULL, 'd'},
    {"json", no_argument, NULL, 'j'},
    {"strict", no_argument, NULL, 'T'},
    {"policies", no_argument, NULL, 'P'},
    {"seeds", required_argument, NULL, 'S'},
    CLI_LIMIT_OPTIONS,
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* One option as getopt_long returned it (index: its row in explore_opts)
 * into a: -1 to go on, else the exit code (after --help or a usage
 * error). One short case per option. */
static int explore_option(int c, int index, char **argv, struct explore_args *a, bool *jobs_given)
{
    struct explore_options *o = &a->o;
    long long v;
    switch (c) {
    case 'r':
        if (!cli_number_option(optarg, 1, 1000000000,
                               "--random takes a number of playthroughs from 1 up", &v))
            return 2;
        o->mode = EXPLORE_RANDOM;
        o->runs = (long)v;
        break;
    case 's':
        if (!cli_seed(optarg, &o->seed))
            return 2;
        break;
    case 'x': o->mode = EXPLORE_EXHAUSTIVE; break;
    case 'm':
        if (!cli_number_option(optarg, 1, 1000000000, "--max-states takes a number from 1 up", &v))
            return 2;
        o->max_states = (long)v;
        break;
    case 'R': a->role = optarg; break;
    case 'J':
        if (!cli_number_option(optarg, 1, 64,
                               "--jobs takes a number of processes from 1 to 64", &v))
            return 2;
        o->jobs = (int)v;
        *jobs_given = true;
        break;
    case 'A': o->stop_repeats = 0; break;
    case 'd': o->duet = true; break;
    case 'j': a->json = true; break;
    case 'T': a->strict = true; break;
    case 'P': a->policies = true; break;
    case 'S':
        if (!cli_number_option(optarg, 1, 10000,
                               "--seeds takes a number of seeds from 1 to 10000", &v))
            return 2;
        a->seeds = (long)v;
        break;
    case CLI_LIMIT_KEY:
        if (cli_limit_option(explore_opts[index].name, optarg, &a->limits) < 0)
            return 2;
        break;
    case 'h': usage(stdout); return 0;
    default: return cli_option_error("explore", c, argv);
    }
    return -1;
}

/* Reads the options into a; returns -1 to go on, else the exit code. */
static int parse_args(int argc, char **argv, struct explore_args *a)
{
    struct explore_options *o = &a->o;
    explore_options_default(o);
    script_limits_default(&a->limits);
    a->json = a->policies = a->strict = false;
    a->seeds = 10;
    a->role = NULL;
    bool jobs_given = false;
    optind = 1;
    opterr = 0;
    int c, index = 0;
    while ((c = getopt_long(argc, argv, ":", explore_opts, &index)) != -1) {
        int code = explore_option(c, index, argv, a, &jobs_given);
        if (code >= 0)
            return code;
    }
    if (optind != argc - 1) {
        cli_error("explore needs one scenario (see scaleup explore --help)");
        return 2;
    }
    a->target = argv[optind];
    if (!jobs_given) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        o->jobs = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
    }
    return -1;
}

/* What both reports derive from the result. */
struct summary {
    int reached;
    struct strbuf unreached, duet_only;
    struct explore_stat dims[LIMIT_DIMENSIONS], weighted;
    struct strbuf over; /* paths above a declared best */
    long total_runs, skipped;
    bool found; /* something wrong: the exit code is 1 */
};

static void summarize(const struct scenario *sc, const struct explore_args *a,
                      const struct explore_result *r, struct summary *m)
{
    const struct explore_options *o = &a->o;
    memset(m, 0, sizeof *m);
    /* Scenes: reached, and never reached (conflict scenes are expected to
     * be missed by solo play). */
    sb_init(&m->unreached);
    sb_init(&m->duet_only);
    for (int s = 0; s < sc->nscenes; s++) {
        if (r->scene_visits[s]) {
            m->reached++;
        } else if (!o->duet && conflict_only(sc, s)) {
            sb_printf(&m->duet_only, "%s%s", m->duet_only.len ? ", " : "", sc->scenes[s].id);
        } else {
            sb_printf(&m->unreached, "%s%s", m->unreached.len ? ", " : "", sc->scenes[s].id);
        }
    }
    for (int role_i = 0; role_i < sc->nroles; role_i++) {
        for (int d = 0; d < sc->ndimensions; d++)
            merge(&m->dims[d], &r->score[role_i][d]);
        merge(&m->weighted, &r->weighted[role_i]);
    }
    /* A solo path above a declared best makes every percentage wrong. (The
     * declared best is solo play's: a duet's debrief ignores it and uses
     * what the duet search finds, so duets are not held to it.) */
    sb_init(&m->over);
    for (int role_i = 0; role_i < sc->nroles; role_i++)
        if (!o->duet && r->role_played[role_i] && !isnan(sc->best[role_i]) &&
            r->best[role_i].weighted > sc->best[role_i] + 1e-9) {
            char x[64], y[64];
            format_number(x, sizeof x, sc->best[role_i]);
            format_number(y, sizeof y, r->best[role_i].weighted);
            sb_printf(&m->over, "%sthe scenario declares best.%s = %s, but a path scores %s",
                      m->over.len ? "; " : "", sc->roles[role_i].id, x, y);
        }
    /* With --strict, scenes and endings never reached are findings too
     * (the exit code says so; the report lists them either way). */
    m->total_runs = o->mode == EXPLORE_RANDOM ? o->runs * (o->role >= 0 || o->duet ? 1 : sc->nroles) : 0;
    m->skipped = r->stopped_after ? m->total_runs - r->stopped_after : 0;
    m->found = r->ndead_ends > 0 || r->nerrors > 0 || m->over.len > 0 ||
               (a->strict && m->unreached.len > 0);
}

static void summary_free(struct summary *m)
{
    sb_free(&m->unreached);
    sb_free(&m->duet_only);
    sb_free(&m->over);
}

/* roles: each role played, and the best and worst path over all of them. */
static void add_roles_json(cJSON *root, const struct scenario *sc, const struct explore_result *r)
{
    cJSON *roles = cJSON_AddObjectToObject(root, "roles");
    int best_role = -1, worst_role = -1;
    for (int role_i = 0; role_i < sc->nroles; role_i++) {
        if (!r->role_played[role_i])
            continue;
        cJSON *ro = cJSON_AddObjectToObject(roles, sc->roles[role_i].id);
        cJSON *rs = cJSON_AddObjectToObject(ro, "score");
        for (int d = 0; d < sc->ndimensions; d++)
            cJSON_AddItemToObject(rs, sc->dimensions[d].id, stat_json(&r->score[role_i][d]));
        cJSON_AddItemToObject(ro, "weighted", stat_json(&r->weighted[role_i]));
        cJSON_AddItemToObject(ro, "best", path_json(sc, &r->best[role_i]));
        cJSON_AddItemToObject(ro, "worst", path_json(sc, &r->worst[role_i]));
        if (best_role < 0 || r->best[role_i].weighted > r->best[best_role].weighted)
            best_role = role_i;
        if (worst_role < 0 || r->worst[role_i].weighted < r->worst[worst_role].weighted)
            worst_role = role_i;
    }
    if (best_role >= 0) {
        cJSON_AddItemToObject(root, "best", path_json(sc, &r->best[best_role]));
        cJSON_AddItemToObject(root, "worst", path_json(sc, &r->worst[worst_role]));
    } else {
        cJSON_AddNullToObject(root, "best");
        cJSON_AddNullToObject(root, "worst");
    }
}

static void add_duet_json(cJSON *root, const struct scenario *sc, const struct explore_result *r)
{
    cJSON *d = cJSON_AddObjectToObject(root, "duet");
    cJSON_AddNumberToObject(d, "picks_agreed", (double)r->picks_agreed);
    cJSON_AddNumberToObject(d, "picks_differed", (double)r->picks_differed);
    long total = r->picks_agreed + r->picks_differed;
    cJSON_AddNumberToObject(d, "alignment",
                            total ? round((double)r->picks_agreed / (double)total * 1000) / 1000 : 0);
    cJSON *cv = cJSON_AddObjectToObject(d, "conflict_scenes");
    for (int s = 0; s < sc->nscenes; s++)
        if (conflict_only(sc, s))
            cJSON_AddNumberToObject(cv, sc->scenes[s].id, (double)r->conflict_visits[s]);
}

/* The scenes and endings reached, and the findings, as JSON. */
static void add_reach_json(cJSON *root, const struct scenario *sc, const struct explore_args *a,
                           const struct explore_result *r, const struct summary *m)
{
    cJSON_AddNumberToObject(root, "scenes_total", sc->nscenes);
    cJSON_AddNumberToObject(root, "scenes_reached", m->reached);
    cJSON *un = cJSON_AddArrayToObject(root, "unreached");
    cJSON *duet = cJSON_AddArrayToObject(root, "duet_only");
    for (int s = 0; s < sc->nscenes; s++)
        if (!r->scene_visits[s])
            cJSON_AddItemToArray(!a->o.duet && conflict_only(sc, s) ? duet : un,
                                 cJSON_CreateString(sc->scenes[s].id));
    cJSON *endings = cJSON_AddObjectToObject(root, "endings");
    for (int s = 0; s < sc->nscenes; s++)
        if (sc->scenes[s].is_ending)
            cJSON_AddNumberToObject(endings, sc->scenes[s].id, (double)r->ending_counts[s]);
    cJSON *de = cJSON_AddArrayToObject(root, "dead_ends");
    for (int i = 0; i < r->ndead_ends; i++)
        cJSON_AddItemToArray(de, finding_json(sc, &r->dead_ends[i]));
    cJSON *er = cJSON_AddArrayToObject(root, "errors");
    for (int i = 0; i < r->nerrors; i++)
        cJSON_AddItemToArray(er, finding_json(sc, &r->errors[i]));
    if (m->over.len)
        cJSON_AddItemToArray(er, cJSON_CreateString(m->over.data));
}

static void print_json(const struct scenario *sc, const struct explore_args *a,
                       const struct explore_result *r, const struct summary *m,
                       const struct policy_report *pol)
{
    const struct explore_options *o = &a->o;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "scenario", sc->id);
    cJSON_AddStringToObject(root, "mode", o->mode == EXPLORE_RANDOM ? "random" : "exhaustive");
    cJSON_AddBoolToObject(root, "complete", r->complete);
    cJSON_AddNumberToObject(root, "playthroughs", (double)r->playthroughs);
    if (o->mode == EXPLORE_RANDOM) {
        cJSON_AddNumberToObject(root, "runs_failed", (double)r->runs_failed);
        cJSON_AddNumberToObject(root, "runs_skipped", (double)m->skipped);
    }
    cJSON_AddNumberToObject(root, "choices", (double)r->choices);
    cJSON_AddNumberToObject(root, "states", (double)r->states);
    add_reach_json(root, sc, a, r, m);
    cJSON *score = cJSON_AddObjectToObject(root, "score");
    for (int d = 0; d < sc->ndimensions; d++)
        cJSON_AddItemToObject(score, sc->dimensions[d].id, stat_json(&m->dims[d]));
    cJSON_AddItemToObject(root, "weighted", stat_json(&m->weighted));
    add_roles_json(root, sc, r);
    cJSON *turns = cJSON_AddObjectToObject(root, "turns");
    for (int t = 0; t < r->nturns; t++)
        if (r->turns[t]) {
            char k[16];
            snprintf(k, sizeof k, "%d", t);
            cJSON_AddNumberToObject(turns, k, (double)r->turns[t]);
        }
    if (o->duet)
        add_duet_json(root, sc, r);
    if (pol)
        cJSON_AddItemToObject(root, "policies", policies_json(sc, pol, o->role));
    cJSON_AddNumberToObject(root, "seconds", round(r->seconds * 1000) / 1000);
    char *text = cJSON_Print(root);
    printf("%s\n", text);
    free(text);
    cJSON_Delete(root);
}

/* The first lines: what was played, how fast, and what stopped it. */
static void print_header(const struct scenario *sc, const struct explore_options *o,
                         const struct explore_result *r, const struct summary *m)
{
    if (o->mode == EXPLORE_RANDOM)
        printf("Explored %s: %ld random playthroughs%s, seed %llu, in %.2f s\n", sc->id, o->runs,
               o->duet ? " of duets" : o->role >= 0 ? "" : " per role", (unsigned long long)o->seed,
               r->seconds);
    else
        printf("Explored %s exhaustively: %ld states, seed %llu, in %.2f s%s\n", sc->id, r->states,
               (unsigned long long)o->seed, r->seconds,
               r->complete ? "" : " (stopped: more than --max-states states; raise it, or use "
                                  "--random)");
    printf("  playthroughs %ld, choices %ld (%.0f choices per second)\n", r->playthroughs,
           r->choices, r->seconds > 0 ? (double)r->choices / r->seconds : 0.0);
    if (r->stopped_after)
        printf("  stopped after playthrough %ld of %ld: the run-time error at %s:%d came %ld times; "
               "%ld playthroughs skipped (--all-runs plays them all)\n",
               r->stopped_after, m->total_runs, r->stop_error.file, r->stop_error.line, o->stop_repeats,
               m->skipped);
    if (r->runs_failed)
        printf("  %ld of %ld runs stopped at an error or a dead end (below); the points are of the %ld "
               "that reached an ending\n",
               r->runs_failed, r->runs_failed + r->playthroughs, r->playthroughs);
}

/* Scenes and endings reached, dead ends and run-time errors. */
static void print_reach(const struct scenario *sc, const struct explore_args *a,
                        const struct explore_result *r, const struct summary *m)
{
    const struct explore_options *o = &a->o;
    printf("  scenes reached %d of %d", m->reached, sc->nscenes);
    /* A path that stopped at an error may have been on its way there. */
    bool stopped = r->nerrors > 0 || r->ndead_ends > 0;
    if (m->unreached.len)
        printf("; %s: %s",
               o->mode == EXPLORE_EXHAUSTIVE && !r->complete ? "not reached before the stop"
               : stopped ? "not reached (paths that stopped at an error may lead there)"
                         : "never reached",
               m->unreached.data);
    printf("\n");
    if (m->duet_only.len)
        printf("  conflict scenes (played in duets only): %s\n", m->duet_only.data);
    printf("  endings:");
    for (int s = 0; s < sc->nscenes; s++)
        if (sc->scenes[s].is_ending)
            printf(" %s %ld (%s)%s", sc->scenes[s].id, r->ending_counts[s],
                   verdict_name(sc->scenes[s].verdict), "");
    printf("\n");
    if (!r->ndead_ends)
        printf("  dead ends: none\n");
    for (int i = 0; i < r->ndead_ends; i++)
        print_finding(sc, a->target, "dead end", &r->dead_ends[i], o->duet);
    if (!r->nerrors)
        printf("  run-time errors: none\n");
    for (int i = 0; i < r->nerrors; i++)
        print_finding(sc, a->target, "run-time error", &r->errors[i], o->duet);
    if (m->over.len)
        printf("  best: %s\n", m->over.data);
}

/* Each role's points, and its best and worst path. */
static void print_roles(const struct scenario *sc, const struct explore_result *r)
{
    for (int role_i = 0; role_i < sc->nroles; role_i++) {
        if (!r->role_played[role_i])
            continue;
        printf("  %s: points min / mean / max\n", sc->roles[role_i].name);
        for (int d = 0; d < sc->ndimensions; d++) {
            const struct explore_stat *s = &r->score[role_i][d];
            printf("    %-14s %6g %7.1f %6g\n", sc->dimensions[d].name, s->min,
                   s->sum / (double)s->count, s->max);
        }
        const struct explore_stat *w = &r->weighted[role_i];
        printf("    %-14s %6g %7.1f %6g\n", "weighted", w->min, w->sum / (double)w->count, w->max);
        struct strbuf p;
        sb_init(&p);
        path_text(&r->best[role_i], &p);
        printf("    best  %g: --seed %llu --choices %s\n", r->best[role_i].weighted,
               (unsigned long long)r->best[role_i].seed, p.data ? p.data : "");
        sb_clear(&p);
        path_text(&r->worst[role_i], &p);
        printf("    worst %g: --seed %llu --choices %s\n", r->worst[role_i].weighted,
               (unsigned long long)r->worst[role_i].seed, p.data ? p.data : "");
        sb_free(&p);
    }
}

static void print_duet(const struct scenario *sc, const struct explore_result *r)
{
    long total = r->picks_agreed + r->picks_differed;
    printf("  duet: secret picks agreed %ld of %ld (%.0f%%)\n", r->picks_agreed, total,
           total ? 100.0 * (double)r->picks_agreed / (double)total : 0.0);
    /* Each conflict scene: how often a disagreement led there (0: never tried). */
    bool any = false;
    for (int s = 0; s < sc->nscenes; s++)
        if (conflict_only(sc, s)) {
            printf("%s %s %ld", any ? "," : "  conflict scenes reached (times):", sc->scenes[s].id,
                   r->conflict_visits[s]);
            any = true;
        }
    if (any)
        printf("\n");
}

static void print_text(const struct scenario *sc, const struct explore_args *a,
                       const struct explore_result *r, const struct summary *m,
                       const struct policy_report *pol)
{
    print_header(sc, &a->o, r, m);
    print_reach(sc, a, r, m);
    print_roles(sc, r);
    printf("  decisions per run:");
    for (int t = 0; t < r->nturns; t++)
        if (r->turns[t])
            printf(" %d: %ld", t, r->turns[t]);
    printf("\n");
    if (pol)
        print_policies(sc, pol, a->o.role);
    if (a->o.duet)
        print_duet(sc, r);
}

/* The role and duet asked for, checked against the scenario; false (said)
 * when it has no such role or is no duet. */
static bool check_role(const struct scenario *sc, struct explore_args *a)
{
    if (a->role) {
        a->o.role = scenario_role(sc, a->role);
        if (a->o.role < 0) {
            cli_error("'%s' is not a role of %s", a->role, sc->id);
            return false;
        }
    }
    if (a->o.duet && !sc->duet) {
        cli_error("%s is not a duet scenario (it has no duet = true)", sc->id);
        return false;
    }
    return true;
}

int cmd_explore(int argc, char **argv)
{
    struct explore_args a;
    int code = parse_args(argc, argv, &a);
    if (code >= 0)
        return code;
    struct scenario *sc = cli_load_scenario(a.target, &a.limits, &code);
    if (!sc)
        return code;
    if (!check_role(sc, &a)) {
        scenario_free(sc);
        return 2;
    }
    struct progress prog = {isatty(2) && !a.json, 0};
    a.o.progress = show_progress;
    a.o.progress_ctx = &prog;
    struct explore_result r;
    struct diag err;
    if (!explore_run(sc, &a.o, &r, &err)) {
        struct strbuf line;
        sb_init(&line);
        diag_format(&err, false, &line);
        fprintf(stderr, "%s\n", line.data);
        sb_free(&line);
        explore_result_free(&r);
        scenario_free(sc);
        return 1;
    }
    struct summary m;
    summarize(sc, &a, &r, &m);
    struct policy_report pol;
    if (a.policies) {
        best_set_jobs(a.o.jobs); /* each role's exact best on as many threads */
        policy_report_make(sc, (int)a.seeds, a.o.seed, &pol);
    }
    if (a.json)
        print_json(sc, &a, &r, &m, a.policies ? &pol : NULL);
    else
        print_text(sc, &a, &r, &m, a.policies ? &pol : NULL);
    bool found = m.found;
    summary_free(&m);
    explore_result_free(&r);
    scenario_free(sc);
    return found ? 1 : 0;
}
