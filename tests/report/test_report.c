/*
 * test_report.c: a workshop simulated end to end, then scaleup report on
 * its results folder.
 *
 * Seven teams play tests/report/fixtures/workshop (both roles): five to an
 * ending, one whose input runs out after two decisions, and one killed with
 * SIGKILL while it waits for its third decision (its file must still parse
 * and hold the two decisions made). Beside their files lie a truncated
 * copy of a result, a file of another format, binary garbage, a note and
 * the temporary file of an interrupted write. The report's table, CSV,
 * HTML (opened in headless Chromium: DOM text, screenshots, PDF) and xAPI
 * (checked by Learning Locker's validator under node, installed by
 * xapi_setup.sh) are compared with what the runs did, worked out by hand
 * from the fixture:
 *
 *   team             role seed choices  points v/r/l/n  weighted  percent  ending
 *   Team A           po   11   1,1,1,1   3  3  3  4     16 of 17  94.1     scale_up
 *   Équipe B         pm   12   1,3,3,1   3  1 -1  3      6 of 19  31.6     steady
 *   Team <C> & "Co"  po   13   2,2,t,2  -1 -2 -2 -2     -8 of 17   0       stalled
 *   Team D           pm   14   1,1,1,1   3  3  3  4     19 of 19 100       scale_up
 *   =1+1 Team E      pm   15   3,1,3,3   2  2 -2  0      2 of 19  10.5     steady
 *   Team F           po   16   1,2       3 -2  0  1      5 of 17  29.4     (unfinished)
 *   Team G           pm   17   1,1 (killed)  3 3 0 0     9 of 19  47.4     (unfinished)
 *
 * (PO weights vision 2, others 1; PM weights roadmap and launch 2.) The
 * best option is 1 everywhere except at "pay" for the PO (3). Only what the
 * clock decides (start and end times, the killed run's seconds per
 * decision) is read back from the result files. Last, the folder must be
 * byte for byte and time for time as it was before the report ran.
 */
#include "support.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <dirent.h>
#include <math.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "core/limits.h"
#include "core/run.h"
#include "core/util.h"

#define CHROMIUM "/usr/bin/chromium"
#define HOMEPAGE "https://workshop.example.com"

struct team {
    const char *name, *slug, *role;
    int seed;
    const char *choices; /* NULL: the run killed at its third decision */
};

enum { A, B, C, D, E, F, G, NTEAMS };
static const struct team teams[NTEAMS] = {
    [A] = {"Team A", "team-a", "po", 11, "1,1,1,1"},
    [B] = {"\xc3\x89quipe B", "\xc3\x89quipe-b", "pm", 12, "1,3,3,1"},
    [C] = {"Team <C> & \"Co\"", "team-c-co", "po", 13, "2,2,t,2"},
    [D] = {"Team D", "team-d", "pm", 14, "1,1,1,1"},
    [E] = {"=1+1 Team E", "1-1-team-e", "pm", 15, "3,1,3,3"},
    [F] = {"Team F", "team-f", "po", 16, "1,2"},
    [G] = {"Team G", "team-g", "pm", 17, NULL},
};
/* The ranking: by percent. */
static const int ranked[NTEAMS] = {D, A, G, B, F, E, C};

struct snapshot_entry {
    char name[256];
    char *data;
    size_t len;
    struct timespec mtime;
};

static struct {
    char *tmp, *ws, *out, *data;
    char files[NTEAMS][4096];
    cJSON *json[NTEAMS];
    int killed_status;
    struct snapshot_entry *before;
    int nbefore;
    struct cmd_result report; /* the report run with every output */
    char *dom; /* the page as Chromium builds it (page_dom) */
} W;

/* ------------------------------------------------------------ helpers */

static char *path_in(const char *dir, const char *name)
{
    struct strbuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s/%s", dir, name);
    return sb_take(&sb);
}

/* Runs scaleup with args (NULL-ended), extra environment env. */
static void scaleup(const char *const *args, const char *const *env, struct cmd_result *r)
{
    const char *argv[40];
    int n = 0;
    argv[n++] = scaleup_bin();
    for (const char *const *a = args; *a && n < 39; a++)
        argv[n++] = *a;
    argv[n] = NULL;
    run_cmd(argv, NULL, NULL, env, 120, r);
}

static int snapshot(const char *dir, struct snapshot_entry **out)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct snapshot_entry *list = NULL;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        list = xrealloc(list, sizeof *list * (size_t)(n + 1));
        struct snapshot_entry *s = &list[n++];
        str_copy(s->name, sizeof s->name, e->d_name);
        char *p = path_in(dir, e->d_name);
        struct stat st;
        assert_int_equal(stat(p, &st), 0);
        s->mtime = st.st_mtim;
        s->data = slurp(p, &s->len);
        assert_non_null(s->data);
        free(p);
    }
    closedir(d);
    *out = list;
    return n;
}

static void snapshot_free(struct snapshot_entry *list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i].data);
    free(list);
}

static const cJSON *get(const cJSON *o, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!item)
        fail_msg("no \"%s\" in the JSON", key);
    return item;
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *item = get(o, key);
    if (!cJSON_IsString(item))
        fail_msg("\"%s\" is not a string", key);
    return item->valuestring;
}

static double number(const cJSON *o, const char *key)
{
    const cJSON *item = get(o, key);
    if (!cJSON_IsNumber(item))
        fail_msg("\"%s\" is not a number", key);
    return item->valuedouble;
}

static time_t when(const char *iso)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    assert_int_equal(sscanf(iso, "%d-%d-%dT%d:%d:%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                            &tm.tm_hour, &tm.tm_min, &tm.tm_sec),
                     6);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

/* From a team's file: its seconds from start to finish (or last write). */
static double run_seconds(int t)
{
    const cJSON *fin = get(W.json[t], "finished");
    const char *end = cJSON_IsString(fin) ? fin->valuestring : str(W.json[t], "updated");
    return (double)(when(end) - when(str(W.json[t], "started")));
}

static void assert_near(double got, double want)
{
    if (fabs(got - want) > 1e-9)
        fail_msg("%g, expected %g", got, want);
}

static const char *base(const char *path)
{
    return strrchr(path, '/') + 1;
}

/* The text of an HTML document: tags out, entities decoded, runs of
 * white space as one space. */
static char *dom_text(const char *html)
{
    struct strbuf sb;
    sb_init(&sb);
    bool space = true;
    for (const char *p = html; *p;) {
        if (*p == '<') {
            const char *close = strchr(p, '>');
            if (!close)
                break;
            /* Block ends and cells part words. */
            if (!space) {
                sb_putc(&sb, ' ');
                space = true;
            }
            p = close + 1;
            continue;
        }
        static const struct {
            const char *ent, *text;
        } ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                    {"&#39;", "'"}, {"&nbsp;", " "}};
        bool done = false;
        for (size_t k = 0; k < COUNT_OF(ents) && !done; k++)
            if (strncmp(p, ents[k].ent, strlen(ents[k].ent)) == 0) {
                if (ents[k].text[0] == ' ') {
                    if (!space)
                        sb_putc(&sb, ' ');
                    space = true;
                } else {
                    sb_puts(&sb, ents[k].text);
                    space = false;
                }
                p += strlen(ents[k].ent);
                done = true;
            }
        if (done)
            continue;
        if (strncmp(p, "\xc2\xa0", 2) == 0 || *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            if (!space)
                sb_putc(&sb, ' ');
            space = true;
            p += *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' ? 1 : 2;
            continue;
        }
        sb_putc(&sb, *p++);
        space = false;
    }
    return sb_take(&sb);
}

/* Each of needles in text, in this order. */
static void expect_in_order(const char *text, const char *const *needles, int n)
{
    const char *at = text;
    for (int i = 0; i < n; i++) {
        const char *found = strstr(at, needles[i]);
        if (!found)
            fail_msg("not found (in order) in the page: \"%s\"\nafter: %.400s", needles[i], at);
        at = found + strlen(needles[i]);
    }
}

static void chromium(const char *const *args, struct cmd_result *r, const char *profile)
{
    if (access(CHROMIUM, X_OK) != 0)
        fail_msg("%s is missing: run tools/setup --test", CHROMIUM);
    char dir[4200];
    str_format(dir, sizeof dir, "--user-data-dir=%s", profile);
    const char *argv[24] = {CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                            dir};
    int n = 11;
    for (const char *const *a = args; *a && n < 23; a++)
        argv[n++] = *a;
    argv[n] = NULL;
    run_cmd(argv, NULL, NULL, NULL, 180, r);
}

/* Width and height of a PNG, from its IHDR. */
static void png_size(const char *path, unsigned *w, unsigned *h, size_t *len)
{
    char *data = slurp(path, len);
    if (!data)
        fail_msg("no screenshot at %s", path);
    assert_true(*len > 24);
    assert_memory_equal(data, "\x89PNG\r\n\x1a\n", 8);
    const unsigned char *u = (const unsigned char *)data;
    *w = (unsigned)u[16] << 24 | (unsigned)u[17] << 16 | (unsigned)u[18] << 8 | u[19];
    *h = (unsigned)u[20] << 24 | (unsigned)u[21] << 16 | (unsigned)u[22] << 8 | u[23];
    free(data);
}

/* ------------------------------------------------------------ the workshop */

static void play_killed(void)
{
    char seed[16];
    str_format(seed, sizeof seed, "%d", teams[G].seed);
    const char *argv[] = {scaleup_bin(), "play", REPORT_FIXTURE, "--text", "--role", teams[G].role,
                          "--seed", seed, "--player", teams[G].name, "--results", W.ws, NULL};
    struct proc p;
    proc_start(&p, argv, NULL);
    proc_expect(&p, "3. Start coding the booking screen\nYour choice [1-3]: ", false, 30);
    proc_send(&p, "1\n");
    proc_expect(&p, "3. Price the premium plan first\nYour choice [1-3]: ", false, 30);
    proc_send(&p, "1\n");
    /* Waiting for the third decision, its input still open. */
    proc_expect(&p, "choice 3 is taken.\nYour choice [1-3]: ", false, 30);
    assert_int_equal(kill(p.pid, SIGKILL), 0);
    W.killed_status = proc_finish(&p, 10);
}

/* Plays the seven teams into W.ws (G killed at its third decision). */
static void play_teams(void)
{
    for (int t = 0; t < NTEAMS; t++) {
        if (!teams[t].choices) {
            play_killed();
            continue;
        }
        char seed[16];
        str_format(seed, sizeof seed, "%d", teams[t].seed);
        const char *args[] = {"play", REPORT_FIXTURE, "--text", "--role", teams[t].role, "--seed",
                              seed, "--player", teams[t].name, "--choices", teams[t].choices,
                              "--results", W.ws, NULL};
        struct cmd_result r;
        scaleup(args, NULL, &r);
        /* Team F's list runs out before an ending: exit 2, file kept. */
        if (r.status != (t == F ? 2 : 0))
            fail_msg("play for %s: exit %d\n%s", teams[t].name, r.status, r.err);
        cmd_result_free(&r);
    }
}

/* Each team's file, by its name's slug, and its JSON. */
static void read_team_files(void)
{
    DIR *d = opendir(W.ws);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        for (int t = 0; t < NTEAMS; t++) {
            char prefix[128];
            str_format(prefix, sizeof prefix, "report-fixture-%s-2", teams[t].slug);
            if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) {
                char *p = path_in(W.ws, e->d_name);
                str_copy(W.files[t], sizeof W.files[t], p);
                free(p);
            }
        }
    closedir(d);
    for (int t = 0; t < NTEAMS; t++) {
        if (!W.files[t][0])
            fail_msg("no result file for %s", teams[t].name);
        char *text = slurp(W.files[t], NULL);
        W.json[t] = cJSON_Parse(text);
        free(text);
        assert_non_null(W.json[t]);
    }
}

/* What else a shared folder holds: a truncated copy, another format,
 * garbage, a note, a write in progress. */
static void add_other_files(void)
{
    size_t len;
    char *a = slurp(W.files[A], &len);
    char *p = path_in(W.ws, "report-fixture-team-x-20261128T090000Z.json");
    write_file(p, a, len / 2); /* cut off mid-file */
    free(p);
    p = path_in(W.ws, "notes.json");
    const char *other = "{\"format\": \"workshop-notes/2\", \"notes\": []}\n";
    write_file(p, other, strlen(other));
    free(p);
    p = path_in(W.ws, "garbage.json");
    write_file(p, "\xff\xfe\x00\x01binary", 10);
    free(p);
    p = path_in(W.ws, "README.txt");
    write_file(p, "Results of the 28 November workshop.\n", 37);
    free(p);
    char tmpname[4200];
    str_format(tmpname, sizeof tmpname, "%s.tmp-AbC123", W.files[D]);
    write_file(tmpname, a, len / 3);
    free(a);
}

/* A data folder where the fixture is "installed", for the default passing
 * ratings of --xapi. */
static void install_fixture(void)
{
    size_t len;
    char *scn = path_in(W.data, "scenarios");
    char *dst = path_in(scn, "report-fixture");
    mkdir(W.data, 0755);
    mkdir(scn, 0755);
    mkdir(dst, 0755);
    char *lua = slurp(REPORT_FIXTURE "/main.lua", &len);
    char *mainlua = path_in(dst, "main.lua");
    write_file(mainlua, lua, len);
    free(lua);
    free(mainlua);
    free(dst);
    free(scn);
}

static int workshop_setup(void **state)
{
    (void)state;
    W.tmp = make_temp_dir();
    W.ws = path_in(W.tmp, "results");
    W.out = path_in(W.tmp, "out");
    W.data = path_in(W.tmp, "data");
    mkdir(W.ws, 0755);
    mkdir(W.out, 0755);
    play_teams();
    read_team_files();
    add_other_files();
    install_fixture();

    W.nbefore = snapshot(W.ws, &W.before);
    /* Let any change of a file show in its time. */
    usleep(20000);

    char csv[4200], dcsv[4200], html[4200], xapi[4200];
    str_format(csv, sizeof csv, "%s/runs.csv", W.out);
    str_format(dcsv, sizeof dcsv, "%s/decisions.csv", W.out);
    str_format(html, sizeof html, "%s/debrief.html", W.out);
    str_format(xapi, sizeof xapi, "%s/xapi.json", W.out);
    const char *args[] = {"report", W.ws, "--scenario", REPORT_FIXTURE, "--csv", csv,
                          "--decisions-csv", dcsv, "--html", html, "--xapi", xapi, "--xapi-homepage", HOMEPAGE, "--xapi-pass",
                          "Ready to scale, Growing", NULL};
    scaleup(args, NULL, &W.report);
    return 0;
}

static void duet_free(void);    /* the duet's state, below */
static void debrief_free(void); /* the debrief's state, below */

static int workshop_teardown(void **state)
{
    (void)state;
    cmd_result_free(&W.report);
    for (int t = 0; t < NTEAMS; t++)
        cJSON_Delete(W.json[t]);
    snapshot_free(W.before, W.nbefore);
    duet_free();
    debrief_free();
    free(W.dom);
    rm_rf(W.tmp);
    free(W.tmp);
    free(W.ws);
    free(W.out);
    free(W.data);
    return 0;
}

/* ------------------------------------------------------------ tests */

/* The killed run's file parses and holds both decisions made before. */
static void test_killed_run_kept(void **state)
{
    (void)state;
    assert_int_equal(W.killed_status, 128 + SIGKILL);
    struct run_record rec;
    struct diag err;
    if (!run_read(W.files[G], &rec, &err))
        fail_msg("the killed run's file does not parse: %s", err.message);
    assert_int_equal(rec.ndecisions, 2);
    assert_string_equal(rec.decisions[0].scene, "goal");
    assert_int_equal(rec.decisions[0].number, 1);
    assert_string_equal(rec.decisions[1].scene, "backlog");
    assert_int_equal(rec.decisions[1].number, 1);
    assert_false(rec.finished);
    run_record_free(&rec);
    assert_true(cJSON_IsNull(get(W.json[G], "finished")));
    assert_true(cJSON_IsNull(get(W.json[G], "ending")));
}

static void minutes_text(int t, char *buf, size_t cap)
{
    str_format(buf, cap, "%.1f", run_seconds(t) / 60);
}

static void test_table(void **state)
{
    (void)state;
    assert_int_equal(W.report.status, 0);
    static const char *const rows[NTEAMS] = {
        "1  Team D           pm    Ready to Scale  success       8       3        3       3            4"
        "        19    100.0  Ready to scale  %7s  yes\n",
        "2  Team A           po    Ready to Scale  success       8       3        3       3            4"
        "        16     94.1  Ready to scale  %7s  yes\n",
        "3  Team G           pm    -               -             8       3        3       0            0"
        "         9     47.4  Needs coaching  %7s  no\n",
        "4  \xc3\x89quipe B         pm    Steady Going    mixed         8       3        1      -1       "
        "     3         6     31.6  Needs coaching  %7s  yes\n",
        "5  Team F           po    -               -             8       3       -2       0            1"
        "         5     29.4  Needs coaching  %7s  no\n",
        "6  =1+1 Team E      pm    Steady Going    mixed         9       2        2      -2            0"
        "         2     10.5  Needs coaching  %7s  yes\n",
        "7  Team <C> & \"Co\"  po    Stalled         failure       9      -1       -2      -2           -2"
        "        -8      0.0  Needs coaching  %7s  yes\n",
    };
    struct strbuf want;
    sb_init(&want);
    sb_puts(&want, "Workshop Fixture (report-fixture 2.1.0): 7 runs, 5 finished\n\n"
                   "#  Player           Role  Ending          Verdict  Runway  Vision  Roadmap  Launch  "
                   "Negotiation  Weighted  Percent  Rating          Minutes  Finished\n");
    for (int i = 0; i < NTEAMS; i++) {
        char mins[32];
        minutes_text(ranked[i], mins, sizeof mins);
        sb_printf(&want, rows[i], mins);
    }
    assert_string_equal(W.report.out, want.data);
    sb_free(&want);

    /* Every invalid file named, once; the note and the temporary file of
     * a write in progress are no result files and pass in silence. */
    struct strbuf err;
    sb_init(&err);
    sb_printf(&err,
              "scaleup: warning: %s/garbage.json: not a result file: it is not UTF-8 text "
              "(skipped)\n"
              "scaleup: warning: %s/notes.json: a result file of another format "
              "(\"workshop-notes/2\"); this version reads \"scaleup-result/2\" and "
              "\"scaleup-result/1\" (skipped)\n"
              "scaleup: warning: %s/report-fixture-team-x-20261128T090000Z.json: not a result "
              "file: it is not valid JSON (truncated?) (skipped)\n",
              W.ws, W.ws, W.ws);
    assert_string_equal(W.report.err, err.data);
    sb_free(&err);
}

static void test_runs_csv(void **state)
{
    (void)state;
    static const char *const rows[NTEAMS] = {
        "1,report-fixture,2.1.0,Team D,pm,scale_up,Ready to Scale,success,3,3,3,4,19,19,100,"
        "Ready to scale,%s,yes,4,14,%s,%s,%s,,,,,8\r\n",
        "2,report-fixture,2.1.0,Team A,po,scale_up,Ready to Scale,success,3,3,3,4,16,17,94.1,"
        "Ready to scale,%s,yes,4,11,%s,%s,%s,,,,,8\r\n",
        "3,report-fixture,2.1.0,Team G,pm,,,,3,3,0,0,9,19,47.4,Needs coaching,%s,no,2,17,%s,%s,%s,,,,,8\r\n",
        "4,report-fixture,2.1.0,\xc3\x89quipe B,pm,steady,Steady Going,mixed,3,1,-1,3,6,19,31.6,"
        "Needs coaching,%s,yes,4,12,%s,%s,%s,,,,,8\r\n",
        "5,report-fixture,2.1.0,Team F,po,,,,3,-2,0,1,5,17,29.4,Needs coaching,%s,no,2,16,%s,%s,%s,,,,,8\r\n",
        /* A name a spreadsheet would run as a formula stays a name. */
        "6,report-fixture,2.1.0,\"'=1+1 Team E\",pm,steady,Steady Going,mixed,2,2,-2,0,2,19,10.5,"
        "Needs coaching,%s,yes,4,15,%s,%s,%s,,,,,9\r\n",
        "7,report-fixture,2.1.0,\"Team <C> & \"\"Co\"\"\",po,stalled,Stalled,failure,-1,-2,-2,-2,"
        "-8,17,0,Needs coaching,%s,yes,4,13,%s,%s,%s,,,,,9\r\n",
    };
    struct strbuf want;
    sb_init(&want);
    sb_puts(&want, "rank,scenario,version,player,role,ending,ending_title,verdict,vision,roadmap,"
                   "launch,negotiation,weighted,best,percent,rating,minutes,finished,decisions,seed,"
                   "started,updated,file,partner,partner_role,agreed,secret,runway\r\n");
    for (int i = 0; i < NTEAMS; i++) {
        int t = ranked[i];
        char mins[32];
        format_number(mins, sizeof mins, round(run_seconds(t) / 60 * 10) / 10);
        sb_printf(&want, rows[i], mins, str(W.json[t], "started"), str(W.json[t], "updated"),
                  base(W.files[t]));
    }
    char *csv = path_in(W.out, "runs.csv");
    char *got = slurp(csv, NULL);
    assert_non_null(got);
    assert_string_equal(got, want.data);
    free(got);
    free(csv);
    sb_free(&want);
}

struct dec {
    const char *scene;
    int choice;
    const char *text;
    int offered, best;
    const char *points; /* vision,roadmap,launch,negotiation */
    const char *effects;
};

#define GOAL1 {"goal", 1, "Write one product goal with the team", 3, 1, "3,0,0,0", "runway -1"}
#define GOAL2 {"goal", 2, "Keep every idea on the whiteboard", 3, 1, "-1,0,0,0", ""}
#define GOAL3 {"goal", 3, "Start coding the booking screen", 3, 1, "0,-1,0,0", ""}
#define BACKLOG1(n) {"backlog", 1, "Order by value and effort", n, 1, "0,3,0,0", ""}
#define BACKLOG2(n) {"backlog", 2, "Let the loudest customer decide", n, 1, "0,-2,0,1", ""}
#define BACKLOG3 {"backlog", 3, "Price the premium plan first", 3, 1, "0,1,1,0", ""}
#define LAUNCH1 {"launch", 1, "Launch to the pilot clinics first", 3, 1, "0,0,3,0", ""}
#define LAUNCH3 {"launch", 3, "Postpone without telling anyone", 3, 1, "0,0,-2,-1", ""}
#define PAY1(b) {"pay", 1, "Ask about the options first", 3, b, "0,0,0,4", ""}
#define PAY2(b) {"pay", 2, "Accept on the spot", 3, b, "0,0,0,-2", ""}
#define PAY3(b) {"pay", 3, "Counter with the market rate", 3, b, "2,0,0,1", ""}

static const struct dec decisions[NTEAMS][4] = {
    [A] = {GOAL1, BACKLOG1(2), LAUNCH1, PAY1(3)},
    [B] = {GOAL1, BACKLOG3, LAUNCH3, PAY1(1)},
    [C] = {GOAL2, BACKLOG2(2), LAUNCH3, PAY2(3)},
    [D] = {GOAL1, BACKLOG1(3), LAUNCH1, PAY1(1)},
    [E] = {GOAL3, BACKLOG1(3), LAUNCH3, PAY3(1)},
    [F] = {GOAL1, BACKLOG2(2)},
    [G] = {GOAL1, BACKLOG1(3)},
};

static void test_decisions_csv(void **state)
{
    (void)state;
    struct strbuf want;
    sb_init(&want);
    sb_puts(&want, "scenario,version,player,role,seed,started,turn,scene,choice,text,offered,best,"
                   "took_best,vision,roadmap,launch,negotiation,seconds,timed_out,effects,file,"
                   "outcome,stood,choice_id\r\n");
    static const char *const csv_names[NTEAMS] = {
        [A] = "Team A", [B] = "\xc3\x89quipe B", [C] = "\"Team <C> & \"\"Co\"\"\"",
        [D] = "Team D", [E] = "\"'=1+1 Team E\"", [F] = "Team F", [G] = "Team G"};
    for (int i = 0; i < NTEAMS; i++) {
        int t = ranked[i];
        const cJSON *list = get(W.json[t], "decisions");
        for (int j = 0; j < 4 && decisions[t][j].scene; j++) {
            const struct dec *d = &decisions[t][j];
            /* Scripted decisions take no time; the timed-out one its 30 s;
             * the killed run's, what the clock said. */
            char secs[32];
            bool timed_out = t == C && j == 2;
            format_number(secs, sizeof secs,
                          t == G ? number(cJSON_GetArrayItem(list, j), "seconds")
                                 : timed_out ? 30 : 0);
            sb_printf(&want, "report-fixture,2.1.0,%s,%s,%d,%s,%d,%s,%d,%s,%d,%d,%s,%s,%s,%s,%s,%s,,,%d\r\n",
                      csv_names[t], teams[t].role, teams[t].seed, str(W.json[t], "started"), j + 1,
                      d->scene, d->choice, d->text, d->offered, d->best,
                      d->choice == d->best ? "yes" : "no", d->points, secs,
                      timed_out ? "yes" : "no", d->effects, base(W.files[t]), d->choice);
        }
    }
    char *csv = path_in(W.out, "decisions.csv");
    char *got = slurp(csv, NULL);
    assert_non_null(got);
    assert_string_equal(got, want.data);
    free(got);
    free(csv);
    sb_free(&want);
}

/* Self-contained: nothing to run, nothing to fetch. */
static void test_html_self_contained(void **state)
{
    (void)state;
    char *html_path = path_in(W.out, "debrief.html");
    char *html = slurp(html_path, NULL);
    assert_non_null(html);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "http://"));
    assert_null(strstr(html, "https://"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "url("));
    free(html);
    free(html_path);
}

/* The page's address, and the Chromium profile the workshop's tests use. */
static void page_url(char url[4300], char profile[4200])
{
    char *html_path = path_in(W.out, "debrief.html");
    str_format(url, 4300, "file://%s", html_path);
    str_format(profile, 4200, "%s/chromium-profile", W.tmp);
    free(html_path);
}

/* The page as Chromium builds it (its DOM), dumped once for the tests. */
static const char *page_dom(void)
{
    if (W.dom)
        return W.dom;
    char url[4300], profile[4200];
    page_url(url, profile);
    struct cmd_result r;
    const char *dump[] = {"--dump-dom", url, NULL};
    chromium(dump, &r, profile);
    if (r.status != 0 || !strstr(r.out, "</html>"))
        fail_msg("chromium --dump-dom: exit %d\n%s", r.status, r.err);
    W.dom = xstrdup(r.out);
    cmd_result_free(&r);
    return W.dom;
}

/* Every part is there, and the numbers drawn in the charts. */
static void test_html_sections(void **state)
{
    (void)state;
    const char *dom = page_dom();
    static const char *const ids[] = {"s1-plan",      "s1-ranking", "s1-patterns",
                                      "s1-spread",    "s1-decisions", "s1-missed",
                                      "s1-endings",   "s1-time"};
    for (size_t i = 0; i < COUNT_OF(ids); i++) {
        char attr[64];
        str_format(attr, sizeof attr, "id=\"%s\"", ids[i]);
        if (!strstr(dom, attr))
            fail_msg("the page has no section %s", ids[i]);
    }
    static const char *const spread[] = {
        "data-dim=\"vision\" data-role=\"pm\" data-points=\"2 3 3 3\" data-median=\"3\"",
        "data-dim=\"vision\" data-role=\"po\" data-points=\"-1 3 3\" data-median=\"3\"",
        "data-dim=\"roadmap\" data-role=\"pm\" data-points=\"1 2 3 3\" data-median=\"2.5\"",
        "data-dim=\"roadmap\" data-role=\"po\" data-points=\"-2 -2 3\" data-median=\"-2\"",
        "data-dim=\"launch\" data-role=\"pm\" data-points=\"-2 -1 0 3\" data-median=\"-0.5\"",
        "data-dim=\"launch\" data-role=\"po\" data-points=\"-2 0 3\" data-median=\"0\"",
        "data-dim=\"negotiation\" data-role=\"pm\" data-points=\"0 0 3 4\" data-median=\"1.5\"",
        "data-dim=\"negotiation\" data-role=\"po\" data-points=\"-2 1 4\" data-median=\"1\"",
        "data-scene=\"launch\" data-seconds=\"0 0 0 0 30\" data-timed-out=\"1\"",
        "data-scene=\"pay\" data-seconds=\"0 0 0 0 0\" data-timed-out=\"0\"",
    };
    expect_in_order(dom, spread, (int)COUNT_OF(spread));
}

/* The page's text, read from top to bottom: every part with the numbers
 * the runs gave.
 * Long: one list on purpose: expect_in_order checks the order across the
 * whole page, which lists cut into parts would not. */
static void test_html_text(void **state)
{
    (void)state;
    char *text = dom_text(page_dom());
    char mins[NTEAMS][32];
    for (int t = 0; t < NTEAMS; t++)
        minutes_text(t, mins[t], sizeof mins[t]);
    char rank[NTEAMS][200];
    /* The outcome (ending, runway) before the points. */
    static const char *const rank_rows[NTEAMS] = {
        [D] = "1 Team D PM Ready to Scale success 8 3 3 3 4 19 100.0%% Ready to scale %s",
        [A] = "2 Team A PO Ready to Scale success 8 3 3 3 4 16 94.1%% Ready to scale %s",
        [G] = "3 Team G PM unfinished (2 decisions) 8 3 3 0 0 9 47.4%% Needs coaching %s",
        [B] = "4 \xc3\x89quipe B PM Steady Going mixed 8 3 1 \xe2\x88\x92" "1 3 6 31.6%% "
              "Needs coaching %s",
        [F] = "5 Team F PO unfinished (2 decisions) 8 3 \xe2\x88\x92" "2 0 1 5 29.4%% "
              "Needs coaching %s",
        [E] = "6 =1+1 Team E PM Steady Going mixed 9 2 2 \xe2\x88\x92" "2 0 2 10.5%% "
              "Needs coaching %s",
        [C] = "7 Team <C> & \"Co\" PO Stalled failure 9 \xe2\x88\x92" "1 \xe2\x88\x92" "2 "
              "\xe2\x88\x92" "2 \xe2\x88\x92" "2 \xe2\x88\x92" "8 0.0%% Needs coaching %s",
    };
    for (int t = 0; t < NTEAMS; t++)
        str_format(rank[t], sizeof rank[t], rank_rows[t], mins[t]);
#define Q(s) "\xe2\x80\x9c" s "\xe2\x80\x9d"
#define DOT " \xc2\xb7 "
#define MINUS "\xe2\x88\x92"
    const char *const page[] = {
        "Debrief: Workshop Fixture 7 teams (4 PM, 3 PO)" DOT "7 runs, 5 finished" DOT "scenario "
        "report-fixture 2.1.0",
        /* The plan: the most split first (the most taken option's share: 4/7, then
         * 3/5 twice in story order, then 5/7), the best most often missed, and
         * the questions in the order of the story. */
        "Discussion plan" DOT "4 decision points to talk about",
        "Where the room split most" DOT "4 decisions",
        "2. The Backlog : 4 " Q("Order by value and effort") ", 2 "
        Q("Let the loudest customer decide") ", 1 " Q("Price the premium plan first") " (of 7)",
        "3. Launch Week : 3 " Q("Postpone without telling anyone") ", 2 "
        Q("Launch to the pilot clinics first") " (of 5)",
        "4. The Pay Talk : 3 " Q("Ask about the options first") ", 1 " Q("Accept on the spot")
        ", 1 " Q("Counter with the market rate") " (of 5)",
        "1. The Whiteboard : 5 " Q("Write one product goal with the team"),
        "Best choices most often missed" DOT "4 decisions",
        "3. Launch Week : missed 3 of 5 ; best for PM: " Q("Launch to the pilot clinics first"),
        "4. The Pay Talk : missed 3 of 5 ; best for PO: " Q("Counter with the market rate"),
        "2. The Backlog : missed 3 of 7 ; best for PO: " Q("Order by value and effort"),
        "1. The Whiteboard : missed 2 of 7 ; best for PM: "
        Q("Write one product goal with the team"),
        "Questions, in the order of the story" DOT "4",
        "The Whiteboard: 5 took " Q("Write one product goal with the team") ", 1 "
        Q("Keep every idea on the whiteboard") ": what would each side say to the other?",
        "The Backlog: 4 took",
        "Launch Week: 3 took " Q("Postpone without telling anyone") ", 2 "
        Q("Launch to the pilot clinics first") ": what would each side say to the other? Why did "
        "2 of 3 PM teams miss " Q("Launch to the pilot clinics first") "? What would a good PM "
        "have seen?",
        "The Pay Talk: 3 took",
        "Why did 2 of 2 PO teams miss " Q("Counter with the market rate") "?",
        "Ranking" DOT "7 teams" DOT "5 finished runs" DOT "2 unfinished",
        "Runway (months) Vision Roadmap Launch Negotiation Weighted Percent",
        rank[D], rank[A], rank[G], rank[B], rank[F], rank[E], rank[C],
        /* What each team tended to do, from what its decisions scored. */
        "What each team tended to do" DOT "7 teams",
        "Team D PM Took the best option for the PM at every decision (4 of 4). Gained Vision "
        "points at 1 of 4 decisions, Roadmap at 1, Launch at 1 and Negotiation at 1; never gave "
        "up points.",
        "Team F PO Took the best option for the PO at 1 of 2 decisions; missed it at The Backlog. "
        "Gained Vision points at 1 of 2 decisions and Negotiation at 1; gave up Roadmap points at "
        "The Backlog.",
        "Team <C> & \"Co\" PO Took the best option for the PO at 0 of 4 decisions; missed it at "
        "The Whiteboard, The Backlog and Launch Week and 1 more. Gained Negotiation points at 1 "
        "of 4 decisions; gave up Negotiation points at Launch Week and The Pay Talk. Ran out of "
        "time at Launch Week.",
        "Points per dimension, by role" DOT "4 dimensions",
        "Decision by decision" DOT "4 decision points",
        /* Every option, most taken first, with its points for each role, the
         * teams that took it and its feedback; one best mark per role. */
        "1. The Whiteboard" DOT "goal" DOT "7 teams decided here (PM 4, PO 3)" DOT
        "best missed 2 of 7",
        "Write one product goal with the team \xe2\x98\x85 best for PM \xe2\x98\x85 best for PO PM "
        "+3" DOT "PO +6 +3 Vision 5 of 7 (PM 3, PO 2) A shared goal referees every later "
        "trade-off.",
        "Keep every idea on the whiteboard PM " MINUS "1" DOT "PO " MINUS "2 " MINUS "1 Vision 1 "
        "of 7 (PO 1) A vision that covers everything decides nothing.",
        "Start coding the booking screen PM " MINUS "2" DOT "PO " MINUS "1 " MINUS "1 Roadmap 1 "
        "of 7 (PM 1) Building before validating.",
        "2. The Backlog" DOT "backlog" DOT "7 teams decided here (PM 4, PO 3)",
        "Order by value and effort \xe2\x98\x85 best for PM \xe2\x98\x85 best for PO PM +6" DOT
        "PO +3 +3 Roadmap 4 of 7 (PM 3, PO 1)",
        "Let the loudest customer decide PM " MINUS "3" DOT "PO " MINUS "1 " MINUS "2 Roadmap"
        DOT "+1 Negotiation 2 of 7 (PO 2) The loudest is not the largest.",
        /* A role-only option: points for the PM only. */
        "Price the premium plan first PM +4 +1 Roadmap" DOT "+1 Launch 1 of 7 (PM 1) Pricing "
        "tested early.",
        "3. Launch Week" DOT "launch" DOT "5 teams decided here (PM 3, PO 2)",
        "Postpone without telling anyone PM " MINUS "5" DOT "PO " MINUS "3",
        "3 of 5 (PM 2, PO 1) Slipping silently costs trust.",
        "Launch to the pilot clinics first \xe2\x98\x85 best for PM \xe2\x98\x85 best for PO",
        /* Nobody took it: listed all the same, with its feedback. */
        "Launch to everyone at noon PM " MINUS "2" DOT "PO " MINUS "1 " MINUS "1 Launch 0 of 5 "
        "Shipping with a known problem is a bet.",
        "Ask the room: why did 3 of 5 teams (PM 2, PO 1) pick " Q("Postpone without telling anyone")
        " over " Q("Launch to the pilot clinics first") "? Who would have pushed back, and why?",
        "The timer ran out for 1 team here.",
        "4. The Pay Talk" DOT "pay" DOT "5 teams decided here (PM 3, PO 2)",
        "Ask about the options first \xe2\x98\x85 best for PM PM +4" DOT "PO +4 +4 Negotiation 3 of "
        "5 (PM 2, PO 1) Questions before counters.",
        "Accept on the spot PM " MINUS "2" DOT "PO " MINUS "2",
        "Counter with the market rate \xe2\x98\x85 best for PO PM +3" DOT "PO +5 +2 Vision" DOT
        "+1 Negotiation 1 of 5 (PM 1) Anchoring with a researched number.",
        "No PO team took its best option here (2 decided): " Q("Counter with the market rate") ".",
        "Best choices most often missed" DOT "4 decision points",
        "3. Launch Week 3 of 5 " Q("Postpone without telling anyone") " (3)",
        /* Three teams missed it three ways: the most taken shows. */
        "4. The Pay Talk 3 of 5 " Q("Ask about the options first") " (1)",
        "2. The Backlog 3 of 7 " Q("Let the loudest customer decide") " (2)",
        "1. The Whiteboard 2 of 7 " Q("Keep every idea on the whiteboard") " (1)",
        "Endings reached" DOT "3 endings" DOT "2 runs unfinished",
        "Ready to Scale (success) 2",
        "Steady Going (mixed) 2",
        "Stalled (failure) 1",
        "Did not finish 2",
        "Time taken per decision" DOT "4 decision points",
        "1. The Whiteboard", "2. The Backlog", "3. Launch Week", "0 s 1 timed out",
        "4. The Pay Talk",
        "Made by scaleup report from 7 result files; 3 files skipped (not valid results).",
    };
#undef Q
#undef DOT
#undef MINUS
    expect_in_order(text, page, (int)COUNT_OF(page));
    free(text);
}

/* The marks: one best per role at every decision point, and only where
 * they belong. */
static void test_html_marks(void **state)
{
    (void)state;
    char *text = dom_text(page_dom());
    /* One best mark per role at every decision point: never two options
     * both called the best for the PM. */
    int marks = 0;
    for (const char *p = strstr(text, "Decision by decision"); (p = strstr(p, "\xe2\x98\x85 best for PM"));
         p++)
        marks++;
    assert_int_equal(marks, 1 /* the legend */ + 4);
    /* Only "Pay" names a best option nobody took, only "Launch" asks. */
    char *first_untaken = strstr(text, "took its best option here");
    assert_non_null(first_untaken);
    assert_null(strstr(first_untaken + 1, "took its best option here"));
    char *first_ask = strstr(text, "Ask the room");
    assert_non_null(first_ask);
    assert_null(strstr(first_ask + 1, "Ask the room"));
    free(text);
}

/* As a person sees it: on a projector and on a laptop, and printed. */
static void test_html_shots(void **state)
{
    (void)state;
    char url[4300], profile[4200];
    page_url(url, profile);
    struct cmd_result r;
    static const struct {
        const char *size, *file;
        unsigned w, h;
    } shots[] = {{"--window-size=1920,1080", "debrief-1920x1080.png", 1920, 1080},
                 {"--window-size=1280,720", "debrief-1280x720.png", 1280, 720}};
    mkdir(REPORT_SHOTS, 0755);
    for (size_t i = 0; i < COUNT_OF(shots); i++) {
        char *png = path_in(REPORT_SHOTS, shots[i].file);
        unlink(png);
        char arg[4300];
        str_format(arg, sizeof arg, "--screenshot=%s", png);
        const char *args[] = {shots[i].size, arg, url, NULL};
        chromium(args, &r, profile);
        assert_int_equal(r.status, 0);
        unsigned w, h;
        size_t len;
        png_size(png, &w, &h, &len);
        assert_int_equal(w, shots[i].w);
        assert_int_equal(h, shots[i].h);
        assert_true(len > 30000); /* a page, not a blank */
        cmd_result_free(&r);
        free(png);
    }
    char *pdf = path_in(REPORT_SHOTS, "debrief.pdf");
    unlink(pdf);
    char arg[4300];
    str_format(arg, sizeof arg, "--print-to-pdf=%s", pdf);
    const char *args[] = {"--no-pdf-header-footer", arg, url, NULL};
    chromium(args, &r, profile);
    assert_int_equal(r.status, 0);
    size_t len;
    char *data = slurp(pdf, &len);
    assert_non_null(data);
    assert_true(len > 10000);
    assert_memory_equal(data, "%PDF", 4);
    free(data);
    free(pdf);
    cmd_result_free(&r);
}

/* node PREFIX/xapi_validate.js: status and output. */
static void validate_xapi(const char *file, struct cmd_result *r)
{
    const char *argv[] = {"/usr/bin/env", "node", REPORT_SOURCE "/xapi_validate.js", XAPI_PREFIX,
                          file, NULL};
    run_cmd(argv, NULL, NULL, NULL, 60, r);
}

static const cJSON *extension(const cJSON *ext, const char *name)
{
    char key[256];
    str_format(key, sizeof key, HOMEPAGE "/scaleup/xapi/%s", name);
    return get(ext, key);
}

/* The text of the report's xAPI statements. */
static char *xapi_text(void)
{
    char *file = path_in(W.out, "xapi.json");
    char *text = slurp(file, NULL);
    free(file);
    return text;
}

/* The report's xAPI statements, parsed (29 of them). */
static cJSON *xapi_statements(void)
{
    char *text = xapi_text();
    cJSON *all = cJSON_Parse(text);
    free(text);
    assert_non_null(all);
    assert_int_equal(cJSON_GetArraySize(all), 29);
    return all;
}

/* The statements pass Learning Locker's validator, which is real: it
 * refuses a statement without an actor id. */
static void test_xapi_valid(void **state)
{
    (void)state;
    char *file = path_in(W.out, "xapi.json");
    struct cmd_result r;
    validate_xapi(file, &r);
    if (r.status != 0)
        fail_msg("the xAPI validator: exit %d\n%s%s", r.status, r.out, r.err);
    assert_string_equal(r.out, "29 statements valid (@learninglocker/xapi-validation 3.0.0)\n");
    cmd_result_free(&r);

    char *bad = path_in(W.out, "bad-xapi.json");
    const char *bad_json = "[{\"actor\": {\"name\": \"Team A\"}, \"verb\": {\"id\": "
                           "\"http://adlnet.gov/expapi/verbs/answered\"}, \"object\": {\"id\": "
                           "\"" HOMEPAGE "/scaleup/x\"}, \"result\": {\"score\": {\"scaled\": 2}}}]";
    write_file(bad, bad_json, strlen(bad_json));
    validate_xapi(bad, &r);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "NoIfiWarning at statement.actor"));
    assert_non_null(strstr(r.out, "TypeWarning at statement.result.score.scaled"));
    cmd_result_free(&r);
    free(bad);
    free(file);
}

/* What every statement of team t holds: its actor, verb (answered, or
 * completed when last) and context. */
static void expect_statement(const cJSON *st, int t, bool answered)
{
    const cJSON *actor = get(st, "actor");
    assert_string_equal(str(actor, "objectType"), "Agent");
    assert_string_equal(str(actor, "name"), teams[t].name);
    const cJSON *account = get(actor, "account");
    assert_string_equal(str(account, "homePage"), HOMEPAGE);
    assert_string_equal(str(account, "name"), teams[t].name);
    assert_string_equal(str(get(st, "verb"), "id"),
                        answered ? "http://adlnet.gov/expapi/verbs/answered"
                                 : "http://adlnet.gov/expapi/verbs/completed");
    const cJSON *ctx = get(st, "context");
    const cJSON *ext = get(ctx, "extensions");
    assert_string_equal(extension(ext, "role")->valuestring, teams[t].role);
    assert_int_equal((int)extension(ext, "seed")->valuedouble, teams[t].seed);
    const cJSON *scn = extension(ext, "scenario");
    assert_string_equal(str(scn, "id"), "report-fixture");
    assert_string_equal(str(scn, "version"), "2.1.0");
    assert_string_equal(str(scn, "hash"), str(get(W.json[t], "scenario"), "hash"));
    assert_string_equal(
        str(get(cJSON_GetArrayItem(get(get(ctx, "contextActivities"), "parent"), 0), "definition"),
            "type"),
        "http://adlnet.gov/expapi/activities/simulation");
}

/* An "answered" statement: team t's decision j, its scene, response,
 * points, success, option ids and clock. */
static void expect_answered(const cJSON *st, int t, int j)
{
    const struct dec *d = &decisions[t][j];
    const cJSON *obj = get(st, "object");
    char id[256];
    str_format(id, sizeof id, HOMEPAGE "/scaleup/report-fixture/%s", d->scene);
    assert_string_equal(str(obj, "id"), id);
    const cJSON *res = get(st, "result");
    assert_string_equal(str(res, "response"), d->text);
    int v, rd, l, ng;
    assert_int_equal(sscanf(d->points, "%d,%d,%d,%d", &v, &rd, &l, &ng), 4);
    assert_int_equal((int)number(get(res, "score"), "raw"), v + rd + l + ng);
    assert_true(cJSON_IsBool(get(res, "success")));
    assert_int_equal(cJSON_IsTrue(get(res, "success")), d->choice == d->best);
    const cJSON *rext = get(res, "extensions");
    /* Options by id: the fixture's are their positions (every option is
     * open, in the author's order). */
    char want_id[16];
    str_format(want_id, sizeof want_id, "%d", d->choice);
    assert_string_equal(extension(rext, "choice")->valuestring, want_id);
    assert_int_equal((int)extension(rext, "choice-number")->valuedouble, d->choice);
    str_format(want_id, sizeof want_id, "%d", d->best);
    assert_string_equal(extension(rext, "best-choice")->valuestring, want_id);
    assert_int_equal(cJSON_IsTrue(extension(rext, "timed-out")), t == C && j == 2);
    if (t == C && j == 2)
        assert_string_equal(str(res, "duration"), "PT30S");
}

/* In ranking order, each team's decisions then its completion. */
static void test_xapi_statements(void **state)
{
    (void)state;
    cJSON *all = xapi_statements();
    int k = 0;
    for (int i = 0; i < NTEAMS; i++) {
        int t = ranked[i];
        int n = t == F || t == G ? 2 : 4;
        for (int j = 0; j <= n; j++) {
            if (j == n && (t == F || t == G))
                break;
            const cJSON *st = cJSON_GetArrayItem(all, k++);
            expect_statement(st, t, j < n);
            if (j < n)
                expect_answered(st, t, j);
        }
    }
    cJSON_Delete(all);
}

/* The completions, in full. */
static void test_xapi_completions(void **state)
{
    (void)state;
    cJSON *all = xapi_statements();
    static const struct {
        int team, index;
        double scaled, raw, min, max;
        bool success;
        const char *rating, *ending;
    } done[] = {
        {D, 4, 1, 19, 0, 19, true, "Ready to scale", "scale_up"},
        {A, 9, 0.941, 16, 0, 17, true, "Ready to scale", "scale_up"},
        {B, 16, 0.316, 6, 0, 19, false, "Needs coaching", "steady"},
        {E, 23, 0.105, 2, 0, 19, false, "Needs coaching", "steady"},
        {C, 28, 0, -8, -8, 17, false, "Needs coaching", "stalled"},
    };
    for (size_t i = 0; i < COUNT_OF(done); i++) {
        const cJSON *st = cJSON_GetArrayItem(all, done[i].index);
        int t = done[i].team;
        assert_string_equal(str(get(st, "verb"), "id"), "http://adlnet.gov/expapi/verbs/completed");
        assert_string_equal(str(get(st, "actor"), "name"), teams[t].name);
        assert_string_equal(str(get(st, "object"), "id"), HOMEPAGE "/scaleup/report-fixture");
        const cJSON *res = get(st, "result");
        const cJSON *score = get(res, "score");
        assert_near(number(score, "scaled"), done[i].scaled);
        assert_near(number(score, "raw"), done[i].raw);
        assert_near(number(score, "min"), done[i].min);
        assert_near(number(score, "max"), done[i].max);
        assert_int_equal(cJSON_IsTrue(get(res, "success")), done[i].success);
        assert_true(cJSON_IsTrue(get(res, "completion")));
        char dur[64], secs[32];
        format_number(secs, sizeof secs, run_seconds(t));
        str_format(dur, sizeof dur, "PT%sS", secs);
        assert_string_equal(str(res, "duration"), dur);
        const cJSON *rext = get(res, "extensions");
        assert_string_equal(extension(rext, "rating")->valuestring, done[i].rating);
        assert_string_equal(str(extension(rext, "ending"), "id"), done[i].ending);
        assert_string_equal(str(st, "timestamp"), str(W.json[t], "finished"));
    }
    cJSON_Delete(all);
}

/* Statement ids are unique; a run's registration is its own; exporting
 * again gives the same statements (an LRS keeps one each). */
static void test_xapi_ids_stable(void **state)
{
    (void)state;
    cJSON *all = xapi_statements();
    for (int i = 0; i < 29; i++)
        for (int j = i + 1; j < 29; j++)
            assert_string_not_equal(str(cJSON_GetArrayItem(all, i), "id"),
                                    str(cJSON_GetArrayItem(all, j), "id"));
    const char *reg_d = str(get(cJSON_GetArrayItem(all, 0), "context"), "registration");
    assert_string_equal(str(get(cJSON_GetArrayItem(all, 4), "context"), "registration"), reg_d);
    assert_string_not_equal(str(get(cJSON_GetArrayItem(all, 5), "context"), "registration"),
                            reg_d);
    cJSON_Delete(all);

    struct cmd_result r;
    char *again = path_in(W.out, "xapi-again.json");
    const char *args[] = {"report", W.ws, "--quiet", "--xapi", again, "--xapi-homepage",
                          HOMEPAGE, "--xapi-pass", "Ready to scale,Growing", NULL};
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);
    char *text = xapi_text(), *text2 = slurp(again, NULL);
    assert_string_equal(text2, text);
    free(text2);
    free(again);
    free(text);
}

/* Both on standard output: the JSON document first, then the xAPI one
 * (the order the report has always written its files in). */
static void test_json_before_xapi_on_stdout(void **state)
{
    (void)state;
    struct cmd_result r;
    const char *json_only[] = {"report", W.ws, "--json", NULL};
    scaleup(json_only, NULL, &r);
    assert_int_equal(r.status, 0);
    struct strbuf want;
    sb_init(&want);
    sb_append(&want, r.out, strlen(r.out));
    cmd_result_free(&r);
    char *xapi = xapi_text();
    sb_append(&want, xapi, strlen(xapi));
    free(xapi);

    const char *both[] = {"report", W.ws, "--quiet", "--json=-", "--xapi", "-", "--xapi-homepage",
                          HOMEPAGE, "--xapi-pass", "Ready to scale,Growing", NULL};
    scaleup(both, NULL, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, want.data);
    cmd_result_free(&r);
    sb_free(&want);
}

/* Players by mbox, and success from the installed scenario's ratings. */
static void test_xapi_mbox_and_default_pass(void **state)
{
    (void)state;
    char *file = path_in(W.out, "xapi-mbox.json");
    char env[4300];
    str_format(env, sizeof env, "SCALEUP_DATA=%s", W.data);
    const char *const envs[] = {env, NULL};
    const char *args[] = {"report", W.ws, "--quiet", "--xapi", file, "--xapi-homepage",
                          HOMEPAGE "/", "--xapi-mbox", NULL};
    struct cmd_result r;
    scaleup(args, envs, &r);
    assert_int_equal(r.status, 0);
    /* Only the skipped files are warned about: the ratings are known. */
    assert_null(strstr(r.err, "ratings"));
    cmd_result_free(&r);
    validate_xapi(file, &r);
    if (r.status != 0)
        fail_msg("the xAPI validator: exit %d\n%s%s", r.status, r.out, r.err);
    cmd_result_free(&r);
    char *text = slurp(file, NULL);
    cJSON *all = cJSON_Parse(text);
    const cJSON *actor = get(cJSON_GetArrayItem(all, 0), "actor");
    /* "Team D" is not its slug: the name's hash keeps it apart from "team-d". */
    const char *d = str(actor, "mbox");
    assert_int_equal(strlen(d), strlen("mailto:team-d-12345678@workshop.example.com"));
    assert_memory_equal(d, "mailto:team-d-", 14);
    assert_null(cJSON_GetObjectItemCaseSensitive(actor, "account"));
    /* An address is ASCII: the letter it drops leaves the name's hash, so
     * "Équipe B" and "Equipe B" stay two actors. */
    const char *b = str(get(cJSON_GetArrayItem(all, 16), "actor"), "mbox");
    assert_int_equal(strlen(b), strlen("mailto:quipe-b-12345678@workshop.example.com"));
    assert_memory_equal(b, "mailto:quipe-b-", 15);
    assert_string_equal(b + 23, "@workshop.example.com");
    /* All ratings but the lowest pass: "Needs coaching" fails. */
    assert_true(cJSON_IsTrue(get(get(cJSON_GetArrayItem(all, 4), "result"), "success")));
    assert_true(cJSON_IsFalse(get(get(cJSON_GetArrayItem(all, 16), "result"), "success")));
    cJSON_Delete(all);
    free(text);

    /* Not installed, not told: no success, and a warning that says why. */
    const char *args2[] = {"report", W.ws, "--quiet", "--xapi", file, "--xapi-homepage",
                           HOMEPAGE, NULL};
    scaleup(args2, NULL, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "scaleup: warning: the ratings of scenario 'report-fixture' are "
                                  "not known here (it is not installed, or has none): its "
                                  "\"completed\" statements carry no success; give --xapi-pass "
                                  "RATING,... to say which ratings pass\n"));
    cmd_result_free(&r);
    text = slurp(file, NULL);
    all = cJSON_Parse(text);
    assert_null(cJSON_GetObjectItemCaseSensitive(get(cJSON_GetArrayItem(all, 4), "result"),
                                                 "success"));
    cJSON_Delete(all);
    free(text);
    free(file);
}

/* A copy of a run found in a second folder counts once. */
static void test_duplicate_copy(void **state)
{
    (void)state;
    char *usb = path_in(W.tmp, "usb-stick");
    mkdir(usb, 0755);
    size_t len;
    char *data = slurp(W.files[A], &len);
    char *copy = path_in(usb, base(W.files[A]));
    write_file(copy, data, len);
    const char *args[] = {"report", W.ws, usb, NULL};
    struct cmd_result r;
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, W.report.out);
    struct strbuf want;
    sb_init(&want);
    sb_printf(&want, "scaleup: warning: %s: the same run as %s; counted once, from the copy with 4 "
                     "decisions\n",
              copy, W.files[A]);
    assert_non_null(strstr(r.err, want.data));
    sb_free(&want);
    cmd_result_free(&r);
    free(copy);
    free(data);
    rm_rf(usb);
    free(usb);
}

/* The reader's limit (LIMIT_RUN_FILE_BYTES): a result file of exactly
 * that size is read; one byte more and it is skipped with a warning that
 * names it, before anything is allocated for it. */
static void test_file_size_limit(void **state)
{
    (void)state;
    char *dir = path_in(W.tmp, "limit");
    mkdir(dir, 0755);
    size_t len;
    char *data = slurp(W.files[A], &len);
    assert_true(len < LIMIT_RUN_FILE_BYTES);
    char *big = xmalloc(LIMIT_RUN_FILE_BYTES + 1);
    memcpy(big, data, len);
    memset(big + len, ' ', LIMIT_RUN_FILE_BYTES + 1 - len); /* JSON's trailing white space */
    char *at = path_in(dir, "at-limit.json"), *over = path_in(dir, "over-limit.json");
    write_file(at, big, LIMIT_RUN_FILE_BYTES);
    write_file(over, big, LIMIT_RUN_FILE_BYTES + 1);
    const char *args[] = {"report", dir, NULL};
    struct cmd_result r;
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 0);
    struct strbuf want;
    sb_init(&want);
    sb_printf(&want, "scaleup: warning: %s: the file is %d bytes, over the limit of %d (skipped)\n", over,
              LIMIT_RUN_FILE_BYTES + 1, LIMIT_RUN_FILE_BYTES);
    /* The over-limit file's warning first, then (the fixture's scenario
     * not being given) the one for the run read from the at-limit file. */
    if (strncmp(r.err, want.data, want.len) != 0)
        fail_msg("stderr: %s", r.err);
    assert_null(strstr(r.err, "at-limit.json"));
    assert_non_null(strstr(r.err, "scenario 'report-fixture' was not found"));
    sb_free(&want);
    cmd_result_free(&r);
    free(big);
    free(data);
    free(at);
    free(over);
    rm_rf(dir);
    free(dir);
}

static void test_usage(void **state)
{
    (void)state;
    struct cmd_result r;
    const char *none[] = {"report", NULL};
    scaleup(none, NULL, &r);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "scaleup: error: report needs the folder of result files (see "
                               "scaleup report --help)\n");
    cmd_result_free(&r);

    const char *nohome[] = {"report", W.ws, "--xapi", "/dev/null", NULL};
    scaleup(nohome, NULL, &r);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "--xapi needs --xapi-homepage URL"));
    cmd_result_free(&r);

    const char *badhome[] = {"report", W.ws, "--xapi", "/dev/null", "--xapi-homepage",
                             "workshop", NULL};
    scaleup(badhome, NULL, &r);
    assert_int_equal(r.status, 2);
    cmd_result_free(&r);

    char *empty = path_in(W.tmp, "empty");
    mkdir(empty, 0755);
    const char *args[] = {"report", empty, NULL};
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 1);
    struct strbuf want;
    sb_init(&want);
    sb_printf(&want, "scaleup: error: no result files found in %s\n", empty);
    assert_string_equal(r.err, want.data);
    sb_free(&want);
    cmd_result_free(&r);
    free(empty);

    const char *missing[] = {"report", "/nonexistent-folder", NULL};
    scaleup(missing, NULL, &r);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err, "scaleup: error: cannot read /nonexistent-folder: No such file or "
                               "directory\n");
    cmd_result_free(&r);

    const char *help[] = {"report", "--help", NULL};
    scaleup(help, NULL, &r);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Usage: scaleup report DIR... [OPTIONS]"));
    cmd_result_free(&r);
}

/* A hand-edited file with numbers no run gives, markup and escapes in its
 * texts: the report still ends quickly, and escapes what it shows. */
static void test_odd_values(void **state)
{
    (void)state;
    char *odd = path_in(W.tmp, "odd");
    mkdir(odd, 0755);
    /* A number no game writes (beyond a trillion per choice, summed over
     * the most turns): the file is skipped, never shown clamped. */
    cJSON *root = cJSON_Duplicate(W.json[A], true);
    cJSON_ReplaceItemInObject(root, "weighted", cJSON_CreateNumber(-1e308));
    char *json = cJSON_Print(root);
    cJSON_Delete(root);
    char *huge = path_in(odd, "huge.json");
    write_file(huge, json, strlen(json));
    free(json);
    free(huge);
    /* Numbers at the game's limit are shown as they are. */
    root = cJSON_Duplicate(W.json[D], true);
    cJSON_ReplaceItemInObject(root, "player", cJSON_CreateString("<script>alert(1)</script>"));
    cJSON_ReplaceItemInObject(root, "percent", cJSON_CreateNumber(2e14));
    cJSON_ReplaceItemInObject(root, "weighted", cJSON_CreateNumber(-3e12));
    cJSON_ReplaceItemInObject(root, "finished", cJSON_CreateString("not a time"));
    cJSON_ReplaceItemInObject(cJSON_GetObjectItemCaseSensitive(root, "ending"), "title",
                              cJSON_CreateString("\x1b[2JThe End"));
    cJSON *score = cJSON_GetObjectItemCaseSensitive(root, "score");
    cJSON_ReplaceItemInObject(score, "vision", cJSON_CreateNumber(1e12));
    cJSON *d0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "decisions"), 0);
    cJSON_ReplaceItemInObject(d0, "turn", cJSON_CreateNumber(1e300));
    cJSON_ReplaceItemInObject(d0, "best", cJSON_CreateNumber(-7e200));
    cJSON_ReplaceItemInObject(d0, "seconds", cJSON_CreateNumber(1.7e308));
    cJSON_ReplaceItemInObject(d0, "scene", cJSON_CreateString("a/b <i>&amp;</i>"));
    cJSON_ReplaceItemInObject(d0, "text", cJSON_CreateString("\x1b[31mred\x1b[0m \"quoted\", line\nbreak"));
    json = cJSON_Print(root);
    cJSON_Delete(root);
    char *file = path_in(odd, "odd.json");
    write_file(file, json, strlen(json));
    free(json);

    char *html = path_in(W.out, "odd.html"), *xapi = path_in(W.out, "odd-xapi.json");
    char *csv = path_in(W.out, "odd.csv");
    const char *args[] = {"report", odd, "--html", html, "--xapi", xapi, "--decisions-csv", csv,
                          "--xapi-homepage", HOMEPAGE, "--xapi-pass", "Ready to scale", NULL};
    struct cmd_result r;
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 0);
    assert_true(r.seconds < 20);
    /* No escape sequence reaches the terminal. */
    assert_null(strchr(r.out, '\x1b'));
    assert_non_null(strstr(r.out, " [2JThe End"));
    assert_non_null(strstr(r.out, "<script>alert(1)</script>"));
    assert_non_null(strstr(r.out, "  1000000000000  "));
    assert_non_null(strstr(r.out, "  -3000000000000  200000000000000.0  "));
    struct strbuf skipped;
    sb_init(&skipped);
    sb_printf(&skipped, "scaleup: warning: %s/huge.json: this result file holds a number beyond "
                        "what a game writes (more than 5e+15 from zero) (skipped)\n",
              odd);
    assert_non_null(strstr(r.err, skipped.data));
    sb_free(&skipped);
    cmd_result_free(&r);
    char *page = slurp(html, NULL);
    assert_null(strstr(page, "<script"));
    assert_non_null(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(page, "a/b &lt;i&gt;&amp;amp;&lt;/i&gt;"));
    free(page);
    char *text = slurp(csv, NULL);
    assert_non_null(strstr(text, ",\"\x1b[31mred\x1b[0m \"\"quoted\"\", line\nbreak\","));
    free(text);
    validate_xapi(xapi, &r);
    if (r.status != 0)
        fail_msg("the xAPI validator: exit %d\n%s%s", r.status, r.out, r.err);
    cmd_result_free(&r);
    text = slurp(xapi, NULL);
    assert_non_null(strstr(text, HOMEPAGE "/scaleup/report-fixture/a%2Fb%20%3Ci%3E%26amp%3B%3C%2Fi%3E"));
    free(text);
    free(html);
    free(xapi);
    free(csv);
    free(file);
    rm_rf(odd);
    free(odd);
}

/* A duet: two teams share one company, each its own row, its own picks at
 * the secret decisions (the PO's pick stands when they differ) and its own
 * statements. Pat (PO) picks 1,1,1,3; Max (PM) 1,3,1,1: Pat 5/3/3/1 = 17
 * of 17, Max 3/1/4/4 = 17 of 19. The run and its report (table, CSVs,
 * xAPI) are made once (by duet_reported) for the tests below. */
static struct {
    bool started;            /* duet_reported began (dir is set only when it finished) */
    char *dir;               /* the result file */
    char *csv, *dcsv, *xapi; /* the report's outputs */
    char *table;             /* its standard output */
    char mins[32], csv_mins[32]; /* the run's minutes, as the table and the CSV write them */
} DU;

/* The minutes, from the clock of the file in dir. */
static void duet_minutes(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char *file = NULL;
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, ".json"))
            file = path_in(dir, e->d_name);
    closedir(d);
    assert_non_null(file);
    char *json = slurp(file, NULL);
    cJSON *run = cJSON_Parse(json);
    double secs = (double)(when(str(run, "finished")) - when(str(run, "started")));
    str_format(DU.mins, sizeof DU.mins, "%.1f", secs / 60);
    format_number(DU.csv_mins, sizeof DU.csv_mins, round(secs / 6) / 10);
    cJSON_Delete(run);
    free(json);
    free(file);
}

/* Plays the duet and reports on it the first time it is called; DU.dir,
 * set last, says it all went well. A set-up that failed fails the tests
 * after it too, rather than leaving them to read what was never made. */
static void duet_reported(void)
{
    if (DU.dir)
        return;
    if (DU.started)
        fail_msg("the duet set-up failed earlier");
    DU.started = true;
    char *dir = path_in(W.tmp, "duet");
    mkdir(dir, 0755);
    const char *play[] = {"play", REPORT_FIXTURE, "--text", "--duet", "--player", "Pat",
                          "--partner", "Max", "--seed", "21", "--choices", "1,1,1,3,1,1,3,1",
                          "--results", dir, NULL};
    struct cmd_result r;
    scaleup(play, NULL, &r);
    if (r.status != 0)
        fail_msg("duet play: exit %d\n%s", r.status, r.err);
    cmd_result_free(&r);
    DU.csv = path_in(W.out, "duet.csv");
    DU.dcsv = path_in(W.out, "duet-decisions.csv");
    DU.xapi = path_in(W.out, "duet-xapi.json");
    const char *args[] = {"report", dir, "--scenario", REPORT_FIXTURE, "--csv", DU.csv,
                          "--decisions-csv", DU.dcsv, "--xapi", DU.xapi,
                          "--xapi-homepage", HOMEPAGE, "--xapi-pass", "Ready to scale", NULL};
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 0);
    DU.table = xstrdup(r.out);
    cmd_result_free(&r);
    duet_minutes(dir);
    DU.dir = dir;
}

static void duet_free(void)
{
    free(DU.dir);
    free(DU.csv);
    free(DU.dcsv);
    free(DU.xapi);
    free(DU.table);
    memset(&DU, 0, sizeof DU);
}

/* The table: both players of the pair, and the pair's alignment. */
static void test_duet_table(void **state)
{
    (void)state;
    duet_reported();
    struct strbuf want;
    sb_init(&want);
    sb_printf(&want,
              "Workshop Fixture (report-fixture 2.1.0): 1 run, 1 finished\n\n"
              "#  Player  Role  Ending          Verdict  Runway  Vision  Roadmap  Launch  Negotiation  "
              "Weighted  Percent  Rating          Minutes  Finished\n"
              "1  Pat     po    Ready to Scale  success       8       5        3       3            1      "
              "  17    100.0  Ready to scale  %7s  yes\n"
              "2  Max     pm    Ready to Scale  success       8       3        1       4            4      "
              "  17     89.5  Ready to scale  %7s  yes\n"
              "\n"
              "Duet pairs (secret picks agreed):\n"
              "  Pat (po) & Max (pm): 2 of 4\n",
              DU.mins, DU.mins);
    assert_string_equal(DU.table, want.data);
    sb_free(&want);
}

/* Each player's best total, from the file's players; each row names the
 * partner, and the pair's alignment: they agreed at two of the four secret
 * decisions. */
static void test_duet_runs_csv(void **state)
{
    (void)state;
    duet_reported();
    char *text = slurp(DU.csv, NULL);
    char pat[200], max[200];
    str_format(pat, sizeof pat,
               ",Pat,po,scale_up,Ready to Scale,success,5,3,3,1,17,17,100,Ready to scale,%s,yes,4,21,",
               DU.csv_mins);
    str_format(max, sizeof max,
               ",Max,pm,scale_up,Ready to Scale,success,3,1,4,4,17,19,89.5,Ready to scale,%s,yes,4,21,",
               DU.csv_mins);
    assert_non_null(strstr(text, pat));
    assert_non_null(strstr(text, max));
    assert_non_null(strstr(strstr(text, pat), ".json,Max,pm,2,4,8\r\n"));
    assert_non_null(strstr(strstr(text, max), ".json,Pat,po,2,4,8\r\n"));
    free(text);
}

/* Each player's picks, and each secret decision's outcome: the PO's pick
 * stood. */
static void test_duet_decisions_csv(void **state)
{
    (void)state;
    duet_reported();
    char *text = slurp(DU.dcsv, NULL);
    static const char *const rows[] = {
        ",Pat,po,21,", ",1,goal,1,Write one product goal with the team,3,1,yes,3,0,0,0,", ",agreed,,1\r\n",
        ",Pat,po,21,", ",2,backlog,1,Order by value and effort,2,1,yes,0,3,0,0,", ",settled,po,1\r\n",
        ",Pat,po,21,", ",3,launch,1,Launch to the pilot clinics first,3,1,yes,0,0,3,0,", ",agreed,,1\r\n",
        ",Pat,po,21,", ",4,pay,3,Counter with the market rate,3,3,yes,2,0,0,1,", ",settled,po,3\r\n",
        ",Max,pm,21,", ",1,goal,1,Write one product goal with the team,3,1,yes,3,0,0,0,", ",agreed,,1\r\n",
        ",Max,pm,21,", ",2,backlog,3,Price the premium plan first,3,1,no,0,1,1,0,", ",settled,po,3\r\n",
        ",Max,pm,21,", ",3,launch,1,Launch to the pilot clinics first,3,1,yes,0,0,3,0,", ",agreed,,1\r\n",
        ",Max,pm,21,", ",4,pay,1,Ask about the options first,3,1,yes,0,0,0,4,", ",settled,po,1\r\n",
    };
    expect_in_order(text, rows, (int)COUNT_OF(rows));
    free(text);
}

/* Valid statements; Max's pick at the backlog, by Max; Max's completion
 * with his own best (19) as the max. */
static void test_duet_xapi(void **state)
{
    (void)state;
    duet_reported();
    struct cmd_result r;
    validate_xapi(DU.xapi, &r);
    if (r.status != 0)
        fail_msg("the xAPI validator: exit %d\n%s%s", r.status, r.out, r.err);
    assert_string_equal(r.out, "10 statements valid (@learninglocker/xapi-validation 3.0.0)\n");
    cmd_result_free(&r);
    char *text = slurp(DU.xapi, NULL);
    cJSON *all = cJSON_Parse(text);
    const cJSON *st = cJSON_GetArrayItem(all, 6);
    assert_string_equal(str(get(st, "actor"), "name"), "Max");
    assert_string_equal(str(get(st, "result"), "response"), "Price the premium plan first");
    assert_true(cJSON_IsFalse(get(get(st, "result"), "success")));
    st = cJSON_GetArrayItem(all, 9);
    assert_string_equal(str(get(st, "verb"), "id"), "http://adlnet.gov/expapi/verbs/completed");
    const cJSON *score = get(get(st, "result"), "score");
    assert_near(number(score, "scaled"), 0.895);
    assert_near(number(score, "raw"), 17);
    assert_near(number(score, "min"), 0);
    assert_near(number(score, "max"), 19);
    cJSON_Delete(all);
    free(text);
}

/* The HTML report's duet section: two pairs, the decisions where the
 * roles agreed least first, each role's picks with their counts. */
static void test_duet_pairs_section(void **state)
{
    (void)state;
    char *duet = path_in(W.tmp, "pairs");
    mkdir(duet, 0755);
    const char *pat[] = {"play", REPORT_FIXTURE, "--text", "--duet", "--player", "Pat", "--partner",
                         "Max", "--seed", "21", "--choices", "1,1,1,3,1,1,3,1", "--results", duet,
                         NULL};
    const char *ann[] = {"play", REPORT_FIXTURE, "--text", "--duet", "--player", "Ann", "--partner",
                         "Bo", "--role", "pm", "--seed", "21", "--choices", "1,1,1,1,1,1,1,1",
                         "--results", duet, NULL};
    const char *const *plays[] = {pat, ann};
    struct cmd_result r;
    for (int i = 0; i < 2; i++) {
        scaleup(plays[i], NULL, &r);
        if (r.status != 0)
            fail_msg("duet play: exit %d\n%s", r.status, r.err);
        cmd_result_free(&r);
    }
    /* A damaged copy whose two players have the same role is skipped, not
     * counted into the pairs. */
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd %s && for f in *.json; do sed 's/\"role\":\t\"pm\"/\"role\":\t\"po\"/' \"$f\" "
             "> zz-same-roles.json; break; done",
             duet);
    assert_int_equal(system(cmd), 0);
    char *html = path_in(W.out, "pairs.html");
    const char *args[] = {"report", duet, "--scenario", REPORT_FIXTURE, "--html", html, NULL};
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 0);
    struct strbuf warning;
    sb_init(&warning);
    sb_printf(&warning, "%s/zz-same-roles.json: both players of this duet have the role 'po' (skipped)\n",
              duet);
    assert_non_null(strstr(r.err, warning.data));
    sb_free(&warning);
    cmd_result_free(&r);
    char *text = slurp(html, NULL);
    char *section = strstr(text, "<section id=\"s1-duet\">");
    assert_non_null(section);
    assert_non_null(strstr(text, "<a href=\"#s1-duet\">Duet pairs</a>"));
    *strstr(section, "</section>") = '\0';
    static const char *const expected[] = {
        "<h2>Duet pairs \u00b7 2 pairs</h2>",
        "<p>2 pairs agreed on 6 of 8 secret decisions (75%).</p>",
        /* Ann (PM) and Bo agreed on all four; Pat and Max on two. */
        "<span class=\"team\">Ann</span> <span class=\"role\" style=\"background:#0072B2\">PM</span>"
        " &amp; <span class=\"team\">Bo</span> <span class=\"role\" style=\"background:#D55E00\">PO"
        "</span></td><td class=\"n\">19 \u00b7 16</td><td class=\"n\">100.0% \u00b7 94.1%</td>"
        "<td class=\"n\">4 of 4</td>",
        "<span class=\"team\">Pat</span>",
        "<td class=\"n\">17 \u00b7 17</td><td class=\"n\">100.0% \u00b7 89.5%</td>"
        "<td class=\"n\">2 of 4</td>",
        "<p class=\"ask\">Ask each pair: at Backlog, what did each of you want, and why?",
        "<tr><td>Backlog</td>",
        "<span class=\"num\">1 of 2</span></td><td>1 settled</td>",
        "<li>Order by value and effort <span class=\"num\">(1)</span></li>"
        "<li>Price the premium plan first <span class=\"num\">(1)</span></li>",
        "<li>Order by value and effort <span class=\"num\">(2)</span></li>",
        "<tr><td>Pay</td>",
        "<li>Ask about the options first <span class=\"num\">(1)</span></li>"
        "<li>Counter with the market rate <span class=\"num\">(1)</span></li>",
        "<tr><td>Goal</td>",
        "<span class=\"num\">2 of 2</span></td><td>\u2013</td>",
        "<tr><td>Launch</td>",
    };
    expect_in_order(section, expected, (int)COUNT_OF(expected));
    free(text);
    free(html);
    rm_rf(duet);
    free(duet);
}

/* ------------------------------------------------------------ the debrief */

/* A workshop of eight runs of tests/report/fixtures/debrief (order =
 * "fixed": the numbers below are the author's order), worked out by hand:
 *
 *   team      role choices   points v/r/l/n  weighted  runway morale  ending
 *   Ada       po   1,1,1,3    5  3  3  1     17 of 17   8     60     scale_up
 *   Ben       pm   1,1,1,1    3  3  3  4     19 of 19   8     60     scale_up
 *   Cy        po   2,2,3,2   -1 -2 -2 -2     -8         9     20     stalled
 *   Dee       pm   1,3,3,1    3  1 -1  3      6         8     40     steady
 *   Eve       po   1,1,2,1    3  3 -1  4     12         9     60     scale_up
 *   Fay       pm   3,1,1,3    2  2  3  1     13         9     55     scale_up
 *   Gus       po   1,2        3 -2  0  1      5         8     50     (unfinished)
 *   Pat & Max po/pm, a duet: Pat 1,1,1,3; Max 1,3,1,1 (the PO's pick stands)
 *
 * Morale: +10 for one goal, +5 for coding at once, -10 for the loudest
 * customer, -20 at the pay talk after a silent postponement (game.cause).
 * The hidden stat "audit" and the dimension "hiring", which no option
 * scores, are left out. The best option: one goal, value and effort, the
 * pilot launch for both roles; at the pay talk "counter" for the PO (5
 * points against 4) and "ask" for the PM (4 against 3). */
#define DEBRIEF_FIXTURE REPORT_SOURCE "/fixtures/debrief"

static const struct {
    const char *name, *role, *choices;
} debrief_runs[] = {
    {"Ada", "po", "1,1,1,3"}, {"Ben", "pm", "1,1,1,1"}, {"Cy", "po", "2,2,3,2"},
    {"Dee", "pm", "1,3,3,1"}, {"Eve", "po", "1,1,2,1"}, {"Fay", "pm", "3,1,1,3"},
    {"Gus", "po", "1,2"},
};

static const cJSON *by_key(const cJSON *array, const char *key, const char *value)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, array)
    {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);
        if (cJSON_IsString(v) && strcmp(v->valuestring, value) == 0)
            return item;
    }
    fail_msg("no item with %s = \"%s\"", key, value);
    return NULL;
}

/* The strings of a JSON array, joined by commas. */
static char *joined(const cJSON *array)
{
    struct strbuf sb;
    sb_init(&sb);
    const cJSON *item;
    cJSON_ArrayForEach(item, array)
    {
        sb_printf(&sb, "%s%s", sb.len ? "," : "",
                  cJSON_IsString(item) ? item->valuestring
                  : cJSON_IsString(cJSON_GetObjectItemCaseSensitive(item, "scene"))
                      ? cJSON_GetObjectItemCaseSensitive(item, "scene")->valuestring
                      : "?");
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

static void expect_joined(const cJSON *array, const char *want)
{
    char *got = joined(array);
    assert_string_equal(got, want);
    free(got);
}

/* One option of a decision point: its text, feedback, teams and best. */
static void expect_option(const cJSON *point, const char *id, const char *text,
                          const char *feedback, int nteams, const char *best_for)
{
    const cJSON *o = by_key(get(point, "options"), "id", id);
    assert_string_equal(str(o, "text"), text);
    assert_string_equal(str(o, "feedback"), feedback);
    assert_int_equal((int)number(o, "teams"), nteams);
    expect_joined(get(o, "best_for"), best_for);
}

static void run_tool(const char *const *argv, struct cmd_result *r)
{
    run_cmd(argv, NULL, NULL, NULL, 120, r);
    if (r->status != 0)
        fail_msg("%s: exit %d\n%s", argv[0], r->status, r->err);
}

/* The debrief workshop, played and reported on once (by debrief_played)
 * for the tests below; its folder lies in W.tmp, gone with it. */
static struct {
    bool started;            /* debrief_played began (dir is set only when it finished) */
    char *dir;               /* the result files */
    char *json, *html, *csv; /* the report's outputs */
    char url[4300], profile[4200];
} DB;

/* Plays the eight runs and writes the report (JSON, HTML, runs CSV) the
 * first time it is called; DB.dir, set last, says it all went well. A
 * set-up that failed fails the tests after it too, rather than leaving them
 * to read what was never made. */
static void debrief_played(void)
{
    if (DB.dir)
        return;
    if (DB.started)
        fail_msg("the debrief set-up failed earlier");
    DB.started = true;
    char *dir = path_in(W.tmp, "debrief");
    mkdir(dir, 0755);
    struct cmd_result r;
    for (size_t i = 0; i < COUNT_OF(debrief_runs); i++) {
        char seed[16];
        str_format(seed, sizeof seed, "%zu", i + 1);
        const char *args[] = {"play", DEBRIEF_FIXTURE, "--text", "--role", debrief_runs[i].role,
                              "--seed", seed, "--player", debrief_runs[i].name, "--choices",
                              debrief_runs[i].choices, "--results", dir, NULL};
        scaleup(args, NULL, &r);
        /* Gus's list runs out before an ending: an unfinished run. */
        if (r.status != (strcmp(debrief_runs[i].name, "Gus") == 0 ? 2 : 0))
            fail_msg("play for %s: exit %d\n%s", debrief_runs[i].name, r.status, r.err);
        cmd_result_free(&r);
    }
    const char *duet[] = {"play", DEBRIEF_FIXTURE, "--text", "--duet", "--player", "Pat",
                          "--partner", "Max", "--seed", "8", "--choices", "1,1,1,3,1,1,3,1",
                          "--results", dir, NULL};
    scaleup(duet, NULL, &r);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);

    DB.json = path_in(W.out, "debrief.json");
    DB.html = path_in(W.out, "debrief-2.html");
    DB.csv = path_in(W.out, "debrief-runs.csv");
    char json_opt[4300];
    str_format(json_opt, sizeof json_opt, "--json=%s", DB.json);
    const char *args[] = {"report", dir, "--scenario", DEBRIEF_FIXTURE, json_opt, "--html",
                          DB.html, "--csv", DB.csv, "--quiet", NULL};
    scaleup(args, NULL, &r);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    cmd_result_free(&r);
    str_format(DB.url, sizeof DB.url, "file://%s", DB.html);
    str_format(DB.profile, sizeof DB.profile, "%s/chromium-profile-2", W.tmp);
    DB.dir = dir;
}

static void debrief_free(void)
{
    free(DB.dir);
    free(DB.json);
    free(DB.html);
    free(DB.csv);
    memset(&DB, 0, sizeof DB);
}

/* The report's JSON, parsed, and its one scenario in *g. */
static cJSON *debrief_json(const cJSON **g)
{
    debrief_played();
    char *text = slurp(DB.json, NULL);
    cJSON *root = cJSON_Parse(text);
    free(text);
    assert_non_null(root);
    *g = cJSON_GetArrayItem(get(root, "scenarios"), 0);
    return root;
}

/* --json alone: the same analysis on standard output. */
static void test_debrief_json_on_stdout(void **state)
{
    (void)state;
    debrief_played();
    struct cmd_result r;
    const char *to_stdout[] = {"report", DB.dir, "--scenario", DEBRIEF_FIXTURE, "--json", NULL};
    scaleup(to_stdout, NULL, &r);
    assert_int_equal(r.status, 0);
    char *text = slurp(DB.json, NULL);
    assert_string_equal(r.out, text);
    cmd_result_free(&r);
    free(text);
}

/* The scenario's counts, its dimensions (hiring never scored) and its
 * stats (audit hidden). */
static void test_debrief_scenario(void **state)
{
    (void)state;
    const cJSON *g;
    cJSON *root = debrief_json(&g);
    assert_string_equal(str(root, "format"), "scaleup-report/1");
    assert_int_equal((int)number(g, "runs"), 8);
    assert_int_equal((int)number(g, "finished"), 7);
    assert_int_equal((int)number(g, "teams"), 9);
    expect_joined(get(g, "dimensions"), "vision,roadmap,launch,negotiation");
    expect_joined(get(g, "dimensions_never_scored"), "hiring");
    char *stats = joined(get(g, "stats"));
    free(stats);
    assert_string_equal(str(cJSON_GetArrayItem(get(g, "stats"), 0), "id"), "runway");
    assert_string_equal(str(cJSON_GetArrayItem(get(g, "stats"), 1), "name"), "Team morale");
    assert_int_equal(cJSON_GetArraySize(get(g, "stats")), 2); /* audit is hidden */
    cJSON_Delete(root);
}

/* Outcomes: each team's ending and final stats, in the ranking. */
static void test_debrief_outcomes(void **state)
{
    (void)state;
    const cJSON *g;
    cJSON *root = debrief_json(&g);
    static const struct {
        const char *name, *ending;
        int runway, morale;
        double weighted;
    } outcomes[] = {
        {"Ben", "scale_up", 8, 60, 19}, {"Ada", "scale_up", 8, 60, 17},
        {"Pat", "scale_up", 8, 60, 17}, {"Max", "scale_up", 8, 60, 17},
        {"Fay", "scale_up", 9, 55, 13}, {"Eve", "scale_up", 9, 60, 12},
        {"Dee", "steady", 8, 40, 6},    {"Gus", NULL, 8, 50, 5},
        {"Cy", "stalled", 9, 20, -8},
    };
    const cJSON *ranking = get(g, "ranking");
    assert_int_equal(cJSON_GetArraySize(ranking), (int)COUNT_OF(outcomes));
    for (size_t i = 0; i < COUNT_OF(outcomes); i++) {
        const cJSON *row = by_key(ranking, "player", outcomes[i].name);
        if (outcomes[i].ending)
            assert_string_equal(str(get(row, "ending"), "id"), outcomes[i].ending);
        else
            assert_true(cJSON_IsNull(get(row, "ending")));
        assert_int_equal((int)number(get(row, "stats"), "runway"), outcomes[i].runway);
        assert_int_equal((int)number(get(row, "stats"), "morale"), outcomes[i].morale);
        assert_near(number(row, "weighted"), outcomes[i].weighted);
    }
    cJSON_Delete(root);
}

/* Every option with its text and feedback, the teams that took it (by
 * id), one best per role, and the scene's question. */
static void test_debrief_options(void **state)
{
    (void)state;
    const cJSON *g;
    cJSON *root = debrief_json(&g);
    const cJSON *points = get(g, "decision_points");
    expect_joined(points, "goal,backlog,launch,pay");
    const cJSON *goal = by_key(points, "scene", "goal");
    assert_string_equal(str(goal, "discuss"),
                        "What makes a product goal one the whole team can repeat?");
    assert_int_equal((int)number(goal, "teams"), 9);
    assert_int_equal((int)number(goal, "missed_best"), 2);
    expect_option(goal, "one_goal", "Write one product goal with the team",
                  "A shared goal referees every later trade-off.", 7, "pm,po");
    expect_option(goal, "all_ideas", "Keep every idea on the whiteboard",
                  "A vision that covers everything decides nothing.", 1, "");
    expect_option(goal, "code_now", "Start coding the booking screen", "Building before validating.",
                  1, "");
    const cJSON *backlog = by_key(points, "scene", "backlog");
    assert_string_equal(str(backlog, "discuss"),
                        "Who decides the order of the backlog, and how would you explain it?");
    expect_option(backlog, "value_effort", "Order by value and effort",
                  "An explicit method makes the order easy to explain.", 5, "pm,po");
    expect_option(backlog, "loudest", "Let the loudest customer decide",
                  "The loudest is not the largest.", 2, "");
    expect_option(backlog, "pricing", "Price the premium plan first", "Pricing tested early.", 2, "");
    /* A PM-only option has points for the PM only. */
    const cJSON *pricing = by_key(get(backlog, "options"), "id", "pricing");
    assert_int_equal(cJSON_GetArraySize(get(pricing, "points_by_role")), 1);
    assert_near(number(get(pricing, "points_by_role"), "pm"), 4);
    const cJSON *launch = by_key(points, "scene", "launch");
    assert_true(cJSON_IsNull(get(launch, "discuss")));
    expect_option(launch, "everyone", "Launch to everyone at noon",
                  "Shipping with a known problem is a bet.", 1, "");
    const cJSON *pay = by_key(points, "scene", "pay");
    assert_string_equal(str(pay, "discuss"), "What did you know about the offer before you answered?");
    expect_option(pay, "ask", "Ask about the options first", "Questions before counters.", 4, "pm");
    expect_option(pay, "counter", "Counter with the market rate",
                  "Anchoring with a researched number.", 3, "po");
    expect_option(pay, "accept", "Accept on the spot", "The first offer leaves value on the table.",
                  1, "");
    assert_near(number(get(by_key(get(pay, "options"), "id", "counter"), "points_by_role"), "po"), 5);
    cJSON_Delete(root);
}

/* The plan: the most split first (the most taken option's share: pay 4/8,
 * backlog 5/9, launch 5/8, goal 7/9); the best most often missed (backlog
 * 4 of 9, launch and pay 3 of 8, goal 2 of 9); the questions in the order
 * of the story. */
static void test_debrief_plan(void **state)
{
    (void)state;
    const cJSON *g;
    cJSON *root = debrief_json(&g);
    const cJSON *plan = get(g, "discussion_plan");
    expect_joined(get(plan, "most_split"), "pay,backlog,launch,goal");
    expect_joined(get(plan, "best_most_missed"), "backlog,launch,pay,goal");
    expect_joined(get(plan, "questions"), "goal,backlog,launch,pay");
    cJSON_Delete(root);
}

/* Patterns, from what each decision scored. */
static void test_debrief_patterns(void **state)
{
    (void)state;
    const cJSON *g;
    cJSON *root = debrief_json(&g);
    const cJSON *ranking = get(g, "ranking");
    const cJSON *cy = by_key(ranking, "player", "Cy");
    expect_joined(get(cy, "patterns"),
                  "Took the best option for the PO at 0 of 4 decisions; missed it at The "
                  "Whiteboard, The Backlog and Launch Week and 1 more.,Gained Negotiation points "
                  "at 1 of 4 decisions; gave up Negotiation points at Launch Week and The Pay "
                  "Talk.");
    const cJSON *max = by_key(ranking, "player", "Max");
    expect_joined(get(max, "patterns"),
                  "Took the best option for the PM at 3 of 4 decisions; missed it at The "
                  "Backlog.,Gained Launch points at 2 of 4 decisions, Vision at 1, Roadmap at 1 "
                  "and Negotiation at 1; never gave up points.,With Pat: agreed at 2 of 4 secret "
                  "picks; where they differed, the owning role decided alone twice (its own pick "
                  "stood 0 of 2).");
    const cJSON *gus = by_key(ranking, "player", "Gus");
    expect_joined(get(gus, "patterns"),
                  "Took the best option for the PO at 1 of 2 decisions; missed it at The "
                  "Backlog.,Gained Vision points at 1 of 2 decisions and Negotiation at 1; gave up "
                  "Roadmap points at The Backlog.");
    cJSON_Delete(root);
}

/* runs.csv: the outcome columns, last (a spreadsheet keeps every dimension
 * the files hold, hiring's 0 included: it is data, not a chart). */
static void test_debrief_runs_csv(void **state)
{
    (void)state;
    debrief_played();
    char *text = slurp(DB.csv, NULL);
    assert_non_null(strstr(text, ",file,partner,partner_role,agreed,secret,runway,morale\r\n"));
    assert_non_null(strstr(text, ",Cy,po,stalled,Stalled,failure,-1,-2,-2,-2,0,-8,17,0,"));
    assert_non_null(strstr(strstr(text, ",Cy,po,"), ",,,,9,20\r\n"));
    assert_non_null(strstr(strstr(text, ",Max,pm,"), ",Pat,po,2,4,8,60\r\n"));
    free(text);
}

/* The page in a browser: the plan first, the questions, every option. */
static void test_debrief_page(void **state)
{
    (void)state;
    debrief_played();
    struct cmd_result r;
    const char *dump[] = {"--dump-dom", DB.url, NULL};
    chromium(dump, &r, DB.profile);
    assert_int_equal(r.status, 0);
    char *page = dom_text(r.out);
    cmd_result_free(&r);
    const char *const expected[] = {
        "Debrief: Debrief Fixture 9 teams (4 PM, 5 PO) \xc2\xb7 8 runs, 7 finished \xc2\xb7 1 duet pair",
        "Discussion plan \xc2\xb7 4 decision points to talk about",
        "Questions, in the order of the story \xc2\xb7 4",
        "The Whiteboard: What makes a product goal one the whole team can repeat?",
        "The Backlog: Who decides the order of the backlog, and how would you explain it?",
        "Launch Week: 5 took \xe2\x80\x9cLaunch to the pilot clinics first\xe2\x80\x9d, 2 "
        "\xe2\x80\x9cPostpone without telling anyone\xe2\x80\x9d: what would each side say to the "
        "other? Why did 2 of 4 PO teams miss \xe2\x80\x9cLaunch to the pilot clinics first\xe2\x80\x9d?",
        "The Pay Talk: What did you know about the offer before you answered? 4 took",
        "Ranking \xc2\xb7 9 teams \xc2\xb7 7 finished runs \xc2\xb7 1 unfinished",
        "Ending Runway (months) Team morale Vision Roadmap Launch Negotiation Weighted",
        "9 Cy PO Stalled failure 9 20 \xe2\x88\x92" "1",
        "Duet pairs \xc2\xb7 1 pair",
        "What each team tended to do \xc2\xb7 9 teams",
        "Points per dimension, by role \xc2\xb7 4 dimensions",
        "Left out: Hiring (no option of the scenario scores it).",
        "Decision by decision \xc2\xb7 4 decision points",
        "Discuss: What makes a product goal one the whole team can repeat?",
        "Start coding the booking screen PM \xe2\x88\x92" "2 \xc2\xb7 PO \xe2\x88\x92" "1",
        "Building before validating.",
        "Discuss: What did you know about the offer before you answered?",
    };
    expect_in_order(page, expected, (int)COUNT_OF(expected));
    /* No column, lane or total for the dimension nobody scores. */
    assert_null(strstr(page, "Hiring Weighted"));
    free(page);
}

/* As a person sees it: the top of the page on a projector, and the whole
 * of it printed on A4, each page as a picture (kept in REPORT_SHOTS). */
static void test_debrief_projector_and_print(void **state)
{
    (void)state;
    debrief_played();
    struct cmd_result r;
    mkdir(REPORT_SHOTS, 0755);
    char *png = path_in(REPORT_SHOTS, "debrief-plan-1920x1080.png");
    char shot[4300];
    str_format(shot, sizeof shot, "--screenshot=%s", png);
    const char *shoot[] = {"--window-size=1920,1080", shot, DB.url, NULL};
    chromium(shoot, &r, DB.profile);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);
    unsigned w, h;
    size_t len;
    png_size(png, &w, &h, &len);
    assert_int_equal(w, 1920);
    assert_int_equal(h, 1080);
    free(png);
    char *pdf = path_in(REPORT_SHOTS, "debrief-a4.pdf");
    char print[4300];
    str_format(print, sizeof print, "--print-to-pdf=%s", pdf);
    const char *printing[] = {"--no-pdf-header-footer", print, DB.url, NULL};
    chromium(printing, &r, DB.profile);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);
    const char *info[] = {"/usr/bin/pdfinfo", pdf, NULL};
    run_tool(info, &r);
    /* A4 landscape, one section to a page (the decisions take two). */
    assert_non_null(strstr(r.out, "Page size:       841.92 x 594.96 pts (A4)"));
    /* Plan, ranking, duet, patterns, points, decisions (two), missed,
     * endings, time: one page each, the plan whole on the first. */
    assert_non_null(strstr(r.out, "Pages:           10\n"));
    cmd_result_free(&r);
    const char *totext[] = {"/usr/bin/pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL};
    run_tool(totext, &r);
    assert_non_null(strstr(r.out, "Discussion plan"));
    assert_non_null(strstr(r.out, "Questions, in the order of the story"));
    assert_non_null(strstr(r.out, "The Pay Talk: What did you know about the offer before you"));
    cmd_result_free(&r);
    char *prefix = path_in(REPORT_SHOTS, "debrief-a4-page");
    const char *pages[] = {"/usr/bin/pdftoppm", "-png", "-r", "60", pdf, prefix, NULL};
    run_tool(pages, &r);
    cmd_result_free(&r);
    free(prefix);
    free(pdf);
}

/* Copies Cy's result file into folder with a "caused" entry under its
 * third decision: the silent postponement cost 20 points of morale at the
 * pay talk. */
static void write_cy_with_trail(const char *folder)
{
    DIR *d = opendir(DB.dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, "debrief-fixture-cy-", 19) == 0) {
            char *from = path_in(DB.dir, e->d_name);
            char *json = slurp(from, NULL);
            cJSON *run = cJSON_Parse(json);
            cJSON *postpone = cJSON_GetArrayItem(get(run, "decisions"), 2);
            assert_string_equal(str(postpone, "choice"), "postpone");
            cJSON *caused = cJSON_AddArrayToObject(postpone, "caused");
            cJSON *c = cJSON_CreateObject();
            cJSON_AddNumberToObject(c, "turn", 3);
            cJSON_AddStringToObject(c, "scene", "pay");
            cJSON_AddNumberToObject(cJSON_AddObjectToObject(c, "effects"), "morale", -20);
            cJSON_AddItemToArray(caused, c);
            char *edited = cJSON_Print(run);
            char *to = path_in(folder, e->d_name);
            write_file(to, edited, strlen(edited));
            free(to);
            free(edited);
            cJSON_Delete(run);
            free(json);
            free(from);
        }
    closedir(d);
}

/* The consequence trail, as a result file records it ("caused" under the
 * decision that caused it). (The game does not write it for an on_enter
 * yet: the entry is added here, to check the reader.) */
static void test_debrief_trail(void **state)
{
    (void)state;
    debrief_played();
    struct cmd_result r;
    char *trail = path_in(W.tmp, "trail");
    mkdir(trail, 0755);
    write_cy_with_trail(trail);
    char *trail_html = path_in(W.out, "trail.html");
    const char *trail_args[] = {"report", trail, "--scenario", DEBRIEF_FIXTURE, "--html", trail_html,
                                "--quiet", NULL};
    scaleup(trail_args, NULL, &r);
    assert_int_equal(r.status, 0);
    cmd_result_free(&r);
    char *text = slurp(trail_html, NULL);
    assert_non_null(strstr(text, "<li class=\"trail\">\xe2\x80\x9cPostpone without telling anyone"
                                 "\xe2\x80\x9d \xe2\x86\x92 Team morale \xe2\x88\x92" "20 at The Pay "
                                 "Talk</li>"));
    free(text);
    free(trail_html);
    rm_rf(trail);
    free(trail);
}

/* An output never goes over a file the report read, valid or not. */
static void test_refuses_to_overwrite_inputs(void **state)
{
    (void)state;
    const char *targets[] = {W.files[A], "report-fixture-team-x-20261128T090000Z.json"};
    const char *options[] = {"--csv", "--html"};
    for (size_t i = 0; i < COUNT_OF(targets); i++) {
        char *target = targets[i][0] == '/' ? xstrdup(targets[i]) : path_in(W.ws, targets[i]);
        const char *args[] = {"report", W.ws, options[i], target, NULL};
        struct cmd_result r;
        scaleup(args, NULL, &r);
        assert_int_equal(r.status, 2);
        struct strbuf want;
        sb_init(&want);
        sb_printf(&want, "scaleup: error: %s %s: that is one of the files read; the report never "
                         "writes over them\n",
                  options[i], target);
        assert_non_null(strstr(r.err, want.data));
        assert_string_equal(r.out, "");
        sb_free(&want);
        cmd_result_free(&r);
        free(target);
    }
}

/* Last: after every report above, the folder is as it was, byte for byte
 * and time for time, with nothing added. */
static void test_folder_unchanged(void **state)
{
    (void)state;
    struct snapshot_entry *after;
    int n = snapshot(W.ws, &after);
    assert_int_equal(n, W.nbefore);
    assert_int_equal(n, NTEAMS + 5);
    for (int i = 0; i < n; i++) {
        const struct snapshot_entry *b = NULL;
        for (int j = 0; j < W.nbefore && !b; j++)
            if (strcmp(W.before[j].name, after[i].name) == 0)
                b = &W.before[j];
        if (!b)
            fail_msg("a file appeared in the results folder: %s", after[i].name);
        assert_int_equal(after[i].len, b->len);
        assert_memory_equal(after[i].data, b->data, b->len);
        if (after[i].mtime.tv_sec != b->mtime.tv_sec || after[i].mtime.tv_nsec != b->mtime.tv_nsec)
            fail_msg("%s was touched", after[i].name);
    }
    snapshot_free(after, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_killed_run_kept),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_runs_csv),
        cmocka_unit_test(test_decisions_csv),
        cmocka_unit_test(test_html_self_contained),
        cmocka_unit_test(test_html_sections),
        cmocka_unit_test(test_html_text),
        cmocka_unit_test(test_html_marks),
        cmocka_unit_test(test_html_shots),
        cmocka_unit_test(test_xapi_valid),
        cmocka_unit_test(test_xapi_statements),
        cmocka_unit_test(test_xapi_completions),
        cmocka_unit_test(test_xapi_ids_stable),
        cmocka_unit_test(test_json_before_xapi_on_stdout),
        cmocka_unit_test(test_xapi_mbox_and_default_pass),
        cmocka_unit_test(test_duplicate_copy),
        cmocka_unit_test(test_usage),
        cmocka_unit_test(test_file_size_limit),
        cmocka_unit_test(test_odd_values),
        cmocka_unit_test(test_duet_table),
        cmocka_unit_test(test_duet_runs_csv),
        cmocka_unit_test(test_duet_decisions_csv),
        cmocka_unit_test(test_duet_xapi),
        cmocka_unit_test(test_duet_pairs_section),
        cmocka_unit_test(test_debrief_json_on_stdout),
        cmocka_unit_test(test_debrief_scenario),
        cmocka_unit_test(test_debrief_outcomes),
        cmocka_unit_test(test_debrief_options),
        cmocka_unit_test(test_debrief_plan),
        cmocka_unit_test(test_debrief_patterns),
        cmocka_unit_test(test_debrief_runs_csv),
        cmocka_unit_test(test_debrief_page),
        cmocka_unit_test(test_debrief_projector_and_print),
        cmocka_unit_test(test_debrief_trail),
        cmocka_unit_test(test_refuses_to_overwrite_inputs),
        cmocka_unit_test(test_folder_unchanged),
    };
    return cmocka_run_group_tests(tests, workshop_setup, workshop_teardown);
}
