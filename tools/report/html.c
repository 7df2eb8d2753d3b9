/*
 * html.c: the debrief page for the projector: one self-contained HTML file
 * (no scripts, no fonts or images to fetch), its charts inline SVG drawn
 * here, readable from the back of a room and in print.
 *
 * Per scenario: the ranking; points per dimension by role (each team a dot
 * on its role's lane, with the median); every decision point with the
 * options the teams took, how many of them and what each scored, the best
 * option when nobody took it, and a question to ask when most teams took
 * something else; the best choices most often missed; the endings reached;
 * the time taken per decision. The page uses what the result files hold:
 * scene ids rather than titles, role ids rather than names, and only the
 * options somebody chose.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

/* Okabe-Ito: told apart with any colour vision, and in grey print. */
static const char *const role_colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                           "#56B4E9", "#E69F00", "#000000", "#F0E442"};
#define VERDICT_SUCCESS "#009E73"
#define VERDICT_MIXED "#E69F00"
#define VERDICT_FAILURE "#D55E00"
#define UNFINISHED "#999999"
#define BAR "#0072B2"
#define BEST "#009E73"

/* SVG sizes are in user units; a chart is 1200 wide and scales to the
 * page, so its text stays about the size of the page's. */
#define CHART_W 1200
#define FONT 26

static const char *role_colour(int r)
{
    return r >= 0 ? role_colours[r % (int)COUNT_OF(role_colours)] : UNFINISHED;
}

static void esc(struct strbuf *out, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        case '\'': sb_puts(out, "&#39;"); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                sb_putc(out, ' ');
            else
                sb_putc(out, (char)*p);
        }
    }
}

static void num(struct strbuf *out, double v)
{
    char buf[64];
    format_number(buf, sizeof buf, v);
    /* A real minus sign reads better from afar than a hyphen. */
    if (buf[0] == '-')
        sb_printf(out, "\u2212%s", buf + 1);
    else
        sb_puts(out, buf);
}

/* Numbers for a data- attribute: plain, separated by spaces. */
static void data_numbers(struct strbuf *out, const double *v, int n)
{
    for (int i = 0; i < n; i++) {
        char buf[64];
        format_number(buf, sizeof buf, v[i]);
        sb_printf(out, "%s%s", i ? " " : "", buf);
    }
}

static void seconds_text(struct strbuf *out, double s)
{
    if (s < 10)
        num(out, round(s * 10) / 10);
    else
        num(out, round(s));
    sb_puts(out, "\u00a0s");
}

static void role_text(struct strbuf *out, const char *role)
{
    char label[128];
    rep_role_label(role, label, sizeof label);
    esc(out, label);
}

static void scene_text(struct strbuf *out, const char *scene)
{
    char label[256];
    rep_dim_label(scene, label, sizeof label);
    esc(out, label);
}

/* A scene's title from the scenario, else its id as words. */
static void scene_name(const struct rep_group *g, const char *scene, struct strbuf *out)
{
    const struct rep_scene_info *si = rep_scene_info(g->sc, scene);
    if (si && si->title)
        esc(out, si->title);
    else
        scene_text(out, scene ? scene : "?");
}

static const char *verdict_colour(const char *verdict)
{
    if (!verdict)
        return UNFINISHED;
    if (strcmp(verdict, "success") == 0)
        return VERDICT_SUCCESS;
    if (strcmp(verdict, "mixed") == 0)
        return VERDICT_MIXED;
    if (strcmp(verdict, "failure") == 0)
        return VERDICT_FAILURE;
    return UNFINISHED;
}

/* An inline bar of fraction f (0-1), w x h pixels at the page's scale. */
static void bar(struct strbuf *out, double f, int w, int h, const char *colour, const char *label)
{
    if (f < 0)
        f = 0;
    if (f > 1)
        f = 1;
    sb_printf(out,
              "<svg class=\"bar\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
              "aria-label=\"",
              w, h, w, h);
    esc(out, label);
    sb_printf(out,
              "\"><rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#e8e8e8\"/>"
              "<rect x=\"0\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/></svg>",
              w, h, f * w, h, colour);
}

/* Round numbers for an axis from lo to hi: a step of 1, 2 or 5 times a
 * power of ten giving at most about 8 ticks. */
static double nice_step(double span)
{
    if (span <= 0)
        return 1;
    double raw = span / 8, p = pow(10, floor(log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/* ------------------------------------------------------------ page */

static const char style[] =
    "*{box-sizing:border-box}"
    "html{font-size:clamp(16px,0.8vw + 8px,28px)}"
    "body{margin:0;padding:1.2rem 2.2rem 3rem;font-family:\"DejaVu Sans\",\"Segoe UI\","
    "Helvetica,Arial,sans-serif;color:#111;background:#fff;line-height:1.35}"
    "main{max-width:100rem;margin:0 auto}"
    "h1{font-size:2.1rem;margin:.2rem 0 .2rem}"
    "h2{font-size:1.6rem;margin:2.4rem 0 .6rem;padding-top:.6rem;border-top:4px solid #111}"
    "h3{font-size:1.2rem;margin:1.4rem 0 .4rem}"
    "p{margin:.3rem 0 .6rem}"
    ".sub{font-size:1.1rem;color:#333}"
    ".note{color:#333}"
    "nav{margin:.8rem 0 0;font-size:.95rem}"
    "nav a{color:#0057a0;margin-right:1.2rem;white-space:nowrap}"
    "table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}"
    "table.ranking td{font-size:.92rem}"
    "th,td{padding:.3rem .45rem;text-align:left;vertical-align:middle;"
    "border-bottom:1px solid #bbb}"
    "th{font-size:.85rem;color:#333;border-bottom:3px solid #111}"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "tr.unfinished td{color:#444;font-style:italic}"
    ".team{font-weight:bold;white-space:nowrap}"
    ".nowrap{white-space:nowrap}"
    ".role{display:inline-block;min-width:2.6em;padding:.05em .4em;border-radius:.3em;"
    "color:#fff;font-weight:bold;text-align:center;font-size:.85rem}"
    ".verdict{display:inline-block;padding:.05em .4em;border-radius:.3em;font-size:.8rem;"
    "border:2px solid;margin-left:.3em;white-space:nowrap}"
    ".pct{white-space:nowrap}"
    ".pct svg{vertical-align:middle;margin-left:.4em}"
    "svg.bar{vertical-align:middle}"
    "svg.chart{width:100%;height:auto;display:block;margin:.4rem 0 1rem}"
    ".point{margin:1.2rem 0 1.8rem;break-inside:avoid;page-break-inside:avoid}"
    ".point h3 small{font-weight:normal;color:#333;font-size:.8rem}"
    "table.options{table-layout:fixed}"
    ".teams svg.bar{width:6em;height:.9em;margin-right:.2em}"
    ".num{font-weight:bold;font-variant-numeric:tabular-nums}"
    ".best{display:inline-block;padding:.05em .4em;border-radius:.3em;background:" BEST ";"
    "color:#fff;font-weight:bold;font-size:.8rem;white-space:nowrap}"
    ".missed{margin:.3rem 0;padding:.4rem .7rem;border-left:.4rem solid " VERDICT_FAILURE ";"
    "background:#fbeee6;font-weight:bold}"
    ".ask{margin:.3rem 0;padding:.4rem .7rem;border-left:.4rem solid " BAR ";background:#e9f2f9}"
    ".scene-id{font-family:\"DejaVu Sans Mono\",monospace;font-size:.75rem;color:#444}"
    "ul.picks{margin:0;padding-left:1.1em}"
    "table.options col.c1{width:31%}table.options col.c2{width:17%}"
    "table.options col.c3{width:25%}table.options col.c4{width:27%}"
    "tr.untaken td{color:#555}tr.untaken td.text{font-style:italic}"
    "td.fb{font-size:.85rem;color:#222}td.pts small{color:#333}"
    ".cond{display:inline-block;padding:0 .3em;border:1px solid #555;border-radius:.3em;"
    "font-size:.75rem;color:#333;white-space:nowrap}"
    ".discuss{margin:.3rem 0 .5rem;padding:.4rem .7rem;border-left:.4rem solid #111;"
    "background:#f2f2f2;font-size:1.05rem}"
    ".legend{font-size:.9rem}.legend .best{margin-right:.2em}"
    ".cols{display:grid;grid-template-columns:1fr 1fr;gap:2rem}"
    "ol.plan li,ol.questions li{margin:.25rem 0}"
    "ol.questions .q{font-weight:bold}ol.questions .data{color:#222}"
    "table.patterns td.who{width:16rem;vertical-align:top}"
    "ul.lines{margin:0;padding-left:1.1em}ul.lines li.trail{list-style:'\\2192  ';color:#333}"
    "th.stat,td.stat{background:#f4f4f4}"
    "footer{margin-top:3rem;font-size:.85rem;color:#333}"
    "section{break-before:auto}"
    "@media (max-width:1600px){table.ranking td,table.ranking th{padding:.25rem .3rem}"
    "table.ranking td{font-size:.85rem}table.ranking .pct svg{width:70px;height:16px}"
    ".verdict{font-size:.7rem}}"
    "@media print{"
    "html{font-size:10pt}body{padding:0}nav{display:none}h2.first{margin-top:1rem}"
    "h2{break-before:page;page-break-before:always;border-top:none}"
    "h2.first{break-before:avoid;page-break-before:avoid}"
    "table,svg.chart,.point,tr{break-inside:avoid;page-break-inside:avoid}"
    "table.patterns{break-inside:auto;page-break-inside:auto}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}"
    "@page{size:A4 landscape;margin:12mm}";

/* A stat's heading: "Runway (months)". */
static void stat_heading(const struct rep_group *g, const char *id, struct strbuf *out)
{
    const char *unit;
    const char *name = rep_stat_name(g, id, &unit);
    char label[128];
    if (!name) {
        rep_dim_label(id, label, sizeof label);
        name = label;
    }
    esc(out, name);
    if (unit) {
        sb_puts(out, " <small>(");
        esc(out, unit);
        sb_puts(out, ")</small>");
    }
}

/* A cell of points: the number, or a dash when the score does not hold it. */
static void points_cell(const struct rep_score *s, const char *id, const char *class,
                        struct strbuf *out)
{
    bool has;
    double v = rep_points(s, id, &has);
    sb_printf(out, "<td class=\"%s\">", class);
    if (has)
        num(out, v);
    else
        sb_puts(out, "\u2013");
    sb_puts(out, "</td>");
}

static void ranking_head(const struct rep_group *g, struct strbuf *out)
{
    sb_puts(out, "<table class=\"ranking\">\n<thead><tr><th class=\"n\">#</th><th>Team</th>"
                 "<th>Role</th><th>Ending</th>");
    for (int k = 0; k < g->nstats; k++) {
        sb_puts(out, "<th class=\"n stat\">");
        stat_heading(g, g->stats[k], out);
        sb_puts(out, "</th>");
    }
    for (int d = 0; d < g->ndims; d++) {
        if (!g->dim_shown[d])
            continue;
        char label[128];
        rep_dim_name(g, g->dims[d], label, sizeof label);
        sb_puts(out, "<th class=\"n\">");
        esc(out, label);
        sb_puts(out, "</th>");
    }
    sb_puts(out, "<th class=\"n\">Weighted</th><th class=\"n\">Percent</th><th>Rating</th>"
                 "<th class=\"n\">Min.</th></tr></thead>\n<tbody>\n");
}

/* The ending a run reached with its verdict, or how far it got. */
static void ending_cell(const struct rep_run *run, struct strbuf *out)
{
    sb_puts(out, "<td class=\"ending\">");
    if (run->ending_id) {
        esc(out, run->ending_title ? run->ending_title : run->ending_id);
        if (run->verdict) {
            sb_printf(out, "<span class=\"verdict\" style=\"border-color:%s\">",
                      verdict_colour(run->verdict));
            esc(out, run->verdict);
            sb_puts(out, "</span>");
        }
    } else {
        sb_printf(out, "unfinished (%d decision%s)", run->ndecisions,
                  run->ndecisions == 1 ? "" : "s");
    }
    sb_puts(out, "</td>");
}

static void ranking_row(const struct rep_group *g, const struct rep_row *row, struct strbuf *out)
{
    const struct rep_run *run = row->run;
    const struct rep_player *p = rep_row_player(row);
    int ri = rep_role_index(g, p->role);
    sb_printf(out, "<tr%s><td class=\"n\">%d</td><td class=\"team\">",
              run->finished ? "" : " class=\"unfinished\"", row->rank);
    esc(out, p->name);
    sb_printf(out, "</td><td><span class=\"role\" style=\"background:%s\">", role_colour(ri));
    role_text(out, p->role);
    sb_puts(out, "</span></td>");
    ending_cell(run, out);
    for (int k = 0; k < g->nstats; k++)
        points_cell(&run->stats, g->stats[k], "n stat", out);
    for (int d = 0; d < g->ndims; d++)
        if (g->dim_shown[d])
            points_cell(&p->score, g->dims[d], "n", out);
    sb_puts(out, "<td class=\"n\">");
    num(out, p->weighted);
    sb_puts(out, "</td><td class=\"n pct\">");
    char pct[64];
    str_format(pct, sizeof pct, "%.1f%%%s", p->percent, p->best_estimate ? " (estimated)" : "");
    sb_puts(out, pct);
    bar(out, p->percent / 100, 110, 20, BAR, pct);
    sb_puts(out, "</td><td class=\"nowrap\">");
    esc(out, p->rating ? p->rating : "\u2013");
    sb_puts(out, "</td><td class=\"n\">");
    char mins[32];
    rep_minutes_text(run->minutes, mins, sizeof mins);
    sb_puts(out, mins);
    sb_puts(out, "</td></tr>\n");
}

static void ranking(const struct rep_group *g, int gi, struct strbuf *out)
{
    int nunfinished = g->nruns - g->nfinished;
    sb_printf(out, "<section id=\"s%d-ranking\">\n<h2>Ranking \u00b7 %d team%s \u00b7 %d finished "
                   "run%s",
              gi + 1, g->nrows, g->nrows == 1 ? "" : "s", g->nfinished,
              g->nfinished == 1 ? "" : "s");
    if (nunfinished)
        sb_printf(out, " \u00b7 %d unfinished", nunfinished);
    sb_puts(out, "</h2>\n");
    if (g->nstats)
        sb_puts(out, "<p class=\"note\">Outcome: the ending each team reached and its company's "
                     "stats when it ended (or at its last decision, when unfinished).</p>\n");
    ranking_head(g, out);
    for (int i = 0; i < g->nrows; i++)
        ranking_row(g, &g->rows[i], out);
    sb_puts(out, "</tbody></table>\n</section>\n");
}

/* Each team's patterns and the consequences of its decisions. */
static void patterns(const struct report *r, const struct rep_group *g, int gi,
                     struct strbuf *out)
{
    (void)r;
    sb_printf(out, "<section id=\"s%d-patterns\">\n<h2>What each team tended to do \u00b7 %d "
                   "team%s</h2>\n",
              gi + 1, g->nrows, g->nrows == 1 ? "" : "s");
    sb_puts(out, "<p class=\"note\">From the points each decision scored: how often the team "
                 "took the best option for its role, what it gained and gave up, the clock, and "
                 "in a duet how the pair decided. Under it, what its decisions caused later "
                 "in the story.</p>\n<table class=\"patterns\">\n<tbody>\n");
    for (int i = 0; i < g->nrows; i++) {
        const struct rep_row *row = &g->rows[i];
        const struct rep_player *p = rep_row_player(row);
        sb_printf(out, "<tr%s><td class=\"who\"><span class=\"team\">",
                  row->run->finished ? "" : " class=\"unfinished\"");
        esc(out, p->name);
        sb_printf(out, "</span> <span class=\"role\" style=\"background:%s\">",
                  role_colour(rep_role_index(g, p->role)));
        role_text(out, p->role);
        sb_puts(out, "</span></td><td><ul class=\"lines\">");
        for (int k = 0; k < row->npatterns; k++) {
            sb_puts(out, "<li>");
            esc(out, row->patterns[k]);
            sb_puts(out, "</li>");
        }
        const struct rep_run *run = row->run;
        for (int k = 0; k < run->nconsequences; k++) {
            const struct rep_consequence *c = &run->consequences[k];
            sb_puts(out, "<li class=\"trail\">");
            /* The decision that caused it: its option's text. */
            const char *what = c->cause;
            for (int j = 0; j < run->ndecisions; j++)
                if (run->decisions[j].turn == c->turn && run->decisions[j].player == row->player &&
                    run->decisions[j].text)
                    what = run->decisions[j].text;
            sb_puts(out, "\u201c");
            esc(out, what);
            sb_puts(out, "\u201d \u2192 ");
            struct strbuf t;
            sb_init(&t);
            for (int m = 0; m < c->changes.n; m++) {
                char v[64];
                format_signed(v, sizeof v, c->changes.points[m]);
                const char *name = rep_stat_name(g, c->changes.dims[m], NULL);
                sb_printf(&t, "%s%s %s%s", m ? ", " : "", name ? name : c->changes.dims[m],
                          v[0] == '-' ? "\u2212" : "", v[0] == '-' ? v + 1 : v);
            }
            esc(out, t.data ? t.data : "");
            sb_free(&t);
            sb_puts(out, " at ");
            scene_name(g, c->scene, out);
            sb_puts(out, "</li>");
        }
        sb_puts(out, "</ul></td></tr>\n");
    }
    sb_puts(out, "</tbody></table>\n</section>\n");
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The heading and the note under it, naming the dimensions left out. */
static void spread_intro(const struct rep_group *g, int gi, struct strbuf *out)
{
    sb_printf(out, "<section id=\"s%d-spread\">\n<h2>Points per dimension, by role \u00b7 %d "
                   "dimension%s</h2>\n",
              gi + 1, g->ndims_shown, g->ndims_shown == 1 ? "" : "s");
    sb_puts(out, "<p class=\"note\">Each dot is a team (a number in it: that many teams); the "
                 "black bar is the role's median. Unfinished runs count with the points they "
                 "had.");
    int unscored = g->ndims - g->ndims_shown;
    if (unscored > 0) {
        sb_puts(out, " Left out: ");
        for (int d = 0, k = 0; d < g->ndims; d++)
            if (!g->dim_shown[d]) {
                char label[128];
                rep_dim_name(g, g->dims[d], label, sizeof label);
                sb_puts(out, k++ ? ", " : "");
                esc(out, label);
            }
        sb_printf(out, " (no option of the scenario scores %s).", unscored == 1 ? "it" : "them");
    }
    sb_puts(out, "</p>\n");
}

/* The spread chart's geometry: a lane per dimension and role, one axis of
 * points for all. */
struct lanes {
    double lo, hi, step; /* the axis */
    int lane, gap, left, right, top, pad;
    int axis; /* the axis line's y */
    double plot; /* the width of the plotted area */
};

/* The x of v points. */
static double lane_x(const struct lanes *c, double v)
{
    return c->left + c->pad + (v - c->lo) / (c->hi - c->lo) * (c->plot - 2 * c->pad);
}

/* An axis from round numbers around every row's points (and 0). */
static void spread_scale(const struct rep_group *g, struct lanes *c)
{
    double lo = 0, hi = 0;
    for (int i = 0; i < g->nrows; i++)
        for (int d = 0; d < g->ndims; d++) {
            if (!g->dim_shown[d])
                continue;
            double v = rep_points(&rep_row_player(&g->rows[i])->score, g->dims[d], NULL);
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    double step = nice_step(hi - lo);
    lo = floor(lo / step) * step;
    hi = ceil(hi / step) * step;
    if (hi <= lo)
        hi = lo + step;
    *c = (struct lanes){.lo = lo, .hi = hi, .step = step, .lane = 46, .gap = 18, .left = 330,
                        .right = 150, .top = 10, .pad = 24};
    c->axis = c->top + g->ndims_shown * g->nroles * c->lane + g->ndims_shown * c->gap;
    c->plot = CHART_W - c->left - c->right;
}

/* The lanes, shaded every other one, with the dimension and role labels. */
static void spread_labels(const struct rep_group *g, const struct lanes *c, struct strbuf *out)
{
    int y = c->top;
    for (int d = 0; d < g->ndims; d++) {
        if (!g->dim_shown[d])
            continue;
        char label[128];
        rep_dim_name(g, g->dims[d], label, sizeof label);
        for (int r = 0; r < g->nroles; r++, y += c->lane) {
            double cy = y + c->lane / 2.0;
            if (r % 2 == 0)
                sb_printf(out,
                          "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%d\" "
                          "fill=\"#f0f0f0\"/>\n",
                          c->left, y, c->plot, c->lane);
            if (r == 0) {
                sb_printf(out, "<text x=\"10\" y=\"%.1f\" dominant-baseline=\"middle\" "
                               "font-weight=\"bold\">",
                          cy);
                esc(out, label);
                sb_puts(out, "</text>");
            }
            sb_printf(out, "<text x=\"%d\" y=\"%.1f\" dominant-baseline=\"middle\" "
                           "text-anchor=\"end\" fill=\"%s\" font-weight=\"bold\">",
                      c->left - 12, cy, role_colour(r));
            role_text(out, g->roles[r]);
            sb_puts(out, "</text>\n");
        }
        y += c->gap;
    }
}

/* The grid: a line and a number per step, zero darker. */
static void spread_grid(const struct lanes *c, struct strbuf *out)
{
    for (int i = 0; i <= 40; i++) {
        double t = c->lo + i * c->step;
        if (t > c->hi + c->step / 2)
            break;
        bool zero = fabs(t) < c->step / 2;
        sb_printf(out,
                  "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                  "stroke-width=\"%d\"/>\n<text x=\"%.1f\" y=\"%d\" "
                  "text-anchor=\"middle\">",
                  lane_x(c, t), c->top, lane_x(c, t), c->axis, zero ? "#111" : "#bbb",
                  zero ? 2 : 1, lane_x(c, t), c->axis + 32);
        num(out, zero ? 0 : t);
        sb_puts(out, "</text>\n");
    }
    sb_printf(out, "<text x=\"%d\" y=\"%d\">median</text>\n", CHART_W - c->right + 16,
              c->axis + 32);
}

/* One lane: the median bar, a dot per score (with the number of teams on
 * it) and the median written at the right; v sorted. */
static void spread_lane(const struct rep_group *g, const struct lanes *c, int d, int r, int y,
                        const double *v, int n, struct strbuf *out)
{
    double cy = y + c->lane / 2.0;
    double med = rep_median(v, n);
    /* The numbers drawn, for a reader that is not a person. */
    sb_puts(out, "<g data-dim=\"");
    esc(out, g->dims[d]);
    sb_puts(out, "\" data-role=\"");
    esc(out, g->roles[r]);
    sb_puts(out, "\" data-points=\"");
    data_numbers(out, v, n);
    sb_puts(out, "\" data-median=\"");
    data_numbers(out, &med, 1);
    sb_puts(out, "\">\n");
    sb_printf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"6\" height=\"%d\" fill=\"#111\"/>\n",
              lane_x(c, med) - 3, y, c->lane);
    for (int i = 0; i < n;) {
        int count = 1;
        while (i + count < n && v[i + count] == v[i])
            count++;
        sb_printf(out,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" "
                  "stroke=\"#fff\" stroke-width=\"2\"/>\n",
                  lane_x(c, v[i]), cy, count > 1 ? 17 : 12, role_colour(r));
        if (count > 1)
            sb_printf(out,
                      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                      "dominant-baseline=\"central\" fill=\"#fff\" "
                      "font-size=\"22\" font-weight=\"bold\">%d</text>\n",
                      lane_x(c, v[i]), cy, count);
        i += count;
    }
    sb_printf(out, "<text x=\"%d\" y=\"%.1f\" dominant-baseline=\"middle\">",
              CHART_W - c->right + 16, cy);
    num(out, med);
    sb_puts(out, "</text>\n</g>\n");
}

/* The teams, lane by lane: each role's points in each dimension. */
static void spread_teams(const struct rep_group *g, const struct lanes *c, struct strbuf *out)
{
    int y = c->top;
    for (int d = 0; d < g->ndims; d++) {
        if (!g->dim_shown[d])
            continue;
        for (int r = 0; r < g->nroles; r++, y += c->lane) {
            double *v = NULL;
            int n = 0;
            for (int i = 0; i < g->nrows; i++) {
                const struct rep_player *p = rep_row_player(&g->rows[i]);
                if (strcmp(p->role, g->roles[r]) != 0)
                    continue;
                v = xrealloc(v, sizeof *v * (size_t)(n + 1));
                v[n++] = rep_points(&p->score, g->dims[d], NULL);
            }
            if (n) {
                sort_items(v, (size_t)n, sizeof *v, compare_doubles);
                spread_lane(g, c, d, r, y, v, n, out);
            }
            free(v);
        }
        y += c->gap;
    }
}

/* Per dimension and role, each team's points as a dot on a lane, the
 * median as a bar across it; one axis for all (points are points). Lanes
 * and their labels first, then the grid, then the teams on top. */
static void spread(const struct rep_group *g, int gi, struct strbuf *out)
{
    spread_intro(g, gi, out);
    struct lanes c;
    spread_scale(g, &c);
    sb_printf(out,
              "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Points per "
              "dimension, by role\" font-size=\"%d\" font-family=\"DejaVu Sans, sans-serif\">\n",
              CHART_W, c.axis + 50, FONT);
    spread_labels(g, &c, out);
    spread_grid(&c, out);
    spread_teams(g, &c, out);
    sb_puts(out, "</svg>\n</section>\n");
}

static void option_score(struct strbuf *out, const struct rep_score *s)
{
    struct strbuf t;
    sb_init(&t);
    rep_score_text(s, &t);
    /* A real minus sign, as everywhere on the page. */
    for (size_t i = 0; i < t.len; i++) {
        if (t.data[i] == '-' && (i == 0 || t.data[i - 1] == ' '))
            sb_puts(out, "\u2212");
        else if (t.data[i] == '&')
            sb_puts(out, "&amp;");
        else if (t.data[i] == '<')
            sb_puts(out, "&lt;");
        else if (t.data[i] == '>')
            sb_puts(out, "&gt;");
        else
            sb_putc(out, t.data[i]);
    }
    sb_free(&t);
}

/* "PO, PM" for the roles in mask. */
static void roles_text(const struct rep_group *g, int mask, struct strbuf *out)
{
    int k = 0;
    for (int r = 0; r < g->nroles && r < 31; r++)
        if (mask & (1 << r)) {
            if (k++)
                sb_puts(out, ", ");
            role_text(out, g->roles[r]);
        }
}

static void by_role(const struct rep_group *g, const int *counts, struct strbuf *out)
{
    int any = 0;
    for (int r = 0; r < g->nroles; r++)
        any += counts[r];
    if (g->nroles < 2 || !any)
        return;
    sb_puts(out, " (");
    int k = 0;
    for (int r = 0; r < g->nroles; r++) {
        if (!counts[r])
            continue;
        if (k++)
            sb_puts(out, ", ");
        role_text(out, g->roles[r]);
        sb_printf(out, "\u00a0%d", counts[r]);
    }
    sb_puts(out, ")");
}

static const struct rep_option *find_option(const struct rep_point *pt,
                                            const struct rep_missed_best *m)
{
    for (int o = 0; o < pt->noptions; o++) {
        const struct rep_option *op = &pt->options[o];
        if (!op->info && (m->id ? op->id && strcmp(op->id, m->id) == 0
                              : !op->id && op->number == m->number && !op->varied))
            return op;
    }
    return NULL;
}

/* The scenario's index of the group's role r, or -1. */
static int scenario_role(const struct rep_group *g, int r)
{
    for (int k = 0; g->sc && k < g->sc->nroles; k++)
        if (strcmp(g->sc->roles[k].id, g->roles[r]) == 0)
            return k;
    return -1;
}

/* "★ best for PO" in the role's colour, one per role the option is best for. */
static void best_badges(const struct rep_group *g, const struct rep_point *pt,
                        const struct rep_option *op, struct strbuf *out)
{
    for (int r = 0; r < g->nroles && r < 31; r++) {
        if (!(op->best_for & (1 << r)))
            continue;
        sb_printf(out, " <span class=\"best\" style=\"background:%s\">\u2605 best for ",
                  role_colour(r));
        role_text(out, g->roles[r]);
        int sr = scenario_role(g, r);
        if (pt->info && sr >= 0 && pt->info->tied[sr])
            sb_puts(out, " (tied)");
        sb_puts(out, "</span>");
    }
}

/* The points of an option for each role that is offered it: "PO +6 · PM +3". */
static void role_points(const struct rep_group *g, const struct rep_option *op, struct strbuf *out)
{
    if (!op->info || !g->sc) {
        option_score(out, op->score);
        return;
    }
    int k = 0;
    for (int r = 0; r < g->nroles; r++) {
        int sr = scenario_role(g, r);
        if (sr < 0 || !(op->info->role_mask & (1u << sr)))
            continue;
        sb_printf(out, "%s<span class=\"nowrap\"><b style=\"color:%s\">", k++ ? " \u00b7 " : "",
                  role_colour(r));
        role_text(out, g->roles[r]);
        sb_puts(out, "</b>\u00a0");
        char v[64];
        format_signed(v, sizeof v, op->info->weighted[sr]);
        if (v[0] == '-')
            sb_printf(out, "\u2212%s", v + 1);
        else
            sb_puts(out, v);
        sb_puts(out, "</span>");
    }
    if (!k)
        sb_puts(out, "not offered to these roles");
    sb_puts(out, "<br><small>");
    option_score(out, op->score);
    sb_puts(out, "</small>");
}

/* What the marks of the decision points mean, with the scenario or without. */
static void decisions_legend(const struct rep_group *g, struct strbuf *out)
{
    if (!g->sc) {
        sb_puts(out, "<p class=\"legend\">The scenario's files were not found (give them with "
                     "<code>--scenario</code>): only the options the teams took are listed, with "
                     "the points each gave; a best option nobody took is named by its number. "
                     "\u2605 best for a role: the option the games recorded as the best for "
                     "it most often.</p>\n");
        return;
    }
    sb_puts(out, "<p class=\"legend\">Every option of each decision point, most taken first; "
                 "teams are counted by the option's id, whatever number it had on their "
                 "screen. ");
    for (int r = 0; r < g->nroles && r < 31; r++) {
        sb_printf(out, "<span class=\"best\" style=\"background:%s\">\u2605 best for ",
                  role_colour(r));
        role_text(out, g->roles[r]);
        sb_puts(out, "</span> ");
    }
    sb_puts(out, "marks the one option with the most points for that role's weights (when "
                 "two score the same, the first in the scenario, marked \u201ctied\u201d). "
                 "<i>When open</i>: offered only under a condition. Points: the weighted "
                 "total for each role, and per dimension below.</p>\n");
}

/* "3. The Backlog · backlog · 7 teams decided here (...) · best missed 3 of
 * 7", and the scene's discuss question. */
static void point_heading(const struct rep_group *g, int gi, int k, struct strbuf *out)
{
    const struct rep_point *pt = &g->points[k];
    sb_printf(out, "<div class=\"point\" id=\"s%d-d%d\">\n<h3>%d. ", gi + 1, k + 1, k + 1);
    esc(out, pt->title);
    sb_printf(out, " <small>\u00b7 <span class=\"scene-id\">");
    esc(out, pt->scene);
    sb_printf(out, "</span> \u00b7 %d team%s decided here", pt->teams, pt->teams == 1 ? "" : "s");
    by_role(g, pt->teams_by_role, out);
    if (pt->decisions != pt->teams)
        sb_printf(out, ", %d times", pt->decisions);
    sb_printf(out, " \u00b7 best missed %d of %d</small></h3>\n", pt->missed, pt->decisions);
    if (pt->discuss) {
        sb_puts(out, "<p class=\"discuss\"><b>Discuss:</b> ");
        esc(out, pt->discuss);
        sb_puts(out, "</p>\n");
    }
}

/* An option's row: its text and marks, points, the teams that took it, its
 * feedback. */
static void option_row(const struct rep_group *g, const struct rep_point *pt,
                       const struct rep_option *op, struct strbuf *out)
{
    sb_printf(out, "<tr class=\"option%s\" data-id=\"", op->teams ? "" : " untaken");
    esc(out, op->id ? op->id : "");
    sb_puts(out, "\"><td class=\"text\">");
    if (!op->info && op->number > 0)
        sb_printf(out, "<span class=\"num\">%d%s</span> ", op->number, op->varied ? "*" : "");
    esc(out, op->text ? op->text : "(a text written as a function)");
    best_badges(g, pt, op, out);
    if (op->conditional)
        sb_puts(out, " <span class=\"cond\">when open</span>");
    sb_puts(out, "</td><td class=\"pts\">");
    role_points(g, op, out);
    char label[64];
    str_format(label, sizeof label, "%d of %d teams", op->teams, pt->teams);
    sb_puts(out, "</td><td class=\"teams\">");
    bar(out, pt->teams ? (double)op->teams / pt->teams : 0, 200, 22, op->best_for ? BEST : BAR,
        label);
    sb_printf(out, " <span class=\"num nowrap\">%d of %d</span>", op->teams, pt->teams);
    by_role(g, op->teams_by_role, out);
    sb_puts(out, "</td><td class=\"fb\">");
    if (op->feedback)
        esc(out, op->feedback);
    else
        sb_puts(out, "\u2013");
    sb_puts(out, "</td></tr>\n");
}

/* Without the scenario: a best option nobody took, by its number. */
static void untaken_best(const struct rep_group *g, const struct rep_point *pt,
                         const struct rep_missed_best *m, struct strbuf *out)
{
    sb_puts(out, "<p class=\"missed\">Best option");
    if (!m->all_roles) {
        sb_puts(out, " for ");
        roles_text(g, m->roles, out);
    }
    if (m->id) {
        sb_puts(out, ": choice ");
        esc(out, m->id);
    } else {
        sb_printf(out, ": choice %d", m->number);
    }
    const struct rep_option *known = find_option(pt, m);
    if (known && m->all_roles) {
        sb_puts(out, " (");
        esc(out, known->text);
        sb_puts(out, ")");
    }
    sb_puts(out, ", taken by no ");
    if (!m->all_roles) {
        roles_text(g, m->roles, out);
        sb_puts(out, " ");
    }
    sb_puts(out, "team.</p>\n");
}

/* With the scenario: a role none of whose teams took its best option. */
static void role_missed_best(const struct rep_group *g, const struct rep_point *pt,
                             struct strbuf *out)
{
    for (int r = 0; r < g->nroles && r < 31; r++) {
        if (!pt->teams_by_role[r])
            continue;
        for (int o = 0; o < pt->noptions; o++) {
            const struct rep_option *op = &pt->options[o];
            if (!(op->best_for & (1 << r)) || op->teams_by_role[r])
                continue;
            sb_puts(out, "<p class=\"missed\">No ");
            role_text(out, g->roles[r]);
            sb_printf(out, " team took its best option here (%d decided): \u201c",
                      pt->teams_by_role[r]);
            esc(out, op->text);
            sb_puts(out, "\u201d.</p>\n");
        }
    }
}

/* A question for the room when most teams took the same lesser option. */
static void ask_the_room(const struct rep_group *g, const struct rep_point *pt,
                         struct strbuf *out)
{
    const struct rep_option *top = NULL;
    for (int o = 0; o < pt->noptions; o++)
        if (pt->teams >= 2 && pt->options[o].missed_by * 2 > pt->teams &&
            (!top || pt->options[o].missed_by > top->missed_by))
            top = &pt->options[o];
    if (!top)
        return;
    sb_printf(out, "<p class=\"ask\">Ask the room: why did %d of %d teams", top->missed_by,
              pt->teams);
    by_role(g, top->missed_by_role, out);
    sb_puts(out, " pick \u201c");
    esc(out, top->text);
    sb_puts(out, "\u201d");
    /* "over" the best option, when it is the same for everybody. */
    const struct rep_option *best = NULL;
    int nbest = 0;
    for (int o = 0; o < pt->noptions; o++)
        if (pt->options[o].best_for) {
            best = &pt->options[o];
            nbest++;
        }
    if (nbest == 1 && best != top && best->text) {
        sb_puts(out, " over \u201c");
        esc(out, best->text);
        sb_puts(out, "\u201d");
    }
    sb_puts(out, "? Who would have pushed back, and why?</p>\n");
}

/* One decision point: heading, every option, the best options missed, a
 * question, the timer. */
static void decision_point(const struct rep_group *g, int gi, int k, struct strbuf *out)
{
    const struct rep_point *pt = &g->points[k];
    point_heading(g, gi, k, out);
    sb_puts(out, "<table class=\"options\"><colgroup><col class=\"c1\"><col class=\"c2\">"
                 "<col class=\"c3\"><col class=\"c4\"></colgroup>\n<thead><tr><th>Option</th>"
                 "<th>Points</th><th>Teams</th><th>Feedback</th></tr></thead>\n<tbody>\n");
    for (int o = 0; o < pt->noptions; o++)
        option_row(g, pt, &pt->options[o], out);
    sb_puts(out, "</tbody></table>\n");
    if (pt->info)
        role_missed_best(g, pt, out);
    else
        for (int u = 0; u < pt->nuntaken; u++)
            untaken_best(g, pt, &pt->untaken[u], out);
    ask_the_room(g, pt, out);
    if (pt->timed_out)
        sb_printf(out, "<p class=\"note\">The timer ran out for %d team%s here.</p>\n",
                  pt->timed_out, pt->timed_out == 1 ? "" : "s");
    sb_puts(out, "</div>\n");
}

static void decision_points(const struct rep_group *g, int gi, struct strbuf *out)
{
    sb_printf(out, "<section id=\"s%d-decisions\">\n<h2>Decision by decision \u00b7 %d decision "
                   "point%s</h2>\n",
              gi + 1, g->npoints, g->npoints == 1 ? "" : "s");
    decisions_legend(g, out);
    for (int k = 0; k < g->npoints; k++)
        decision_point(g, gi, k, out);
    sb_puts(out, "</section>\n");
}

/* The most taken option of a point, and the second. */
static void top_two(const struct rep_point *pt, const struct rep_option **first,
                    const struct rep_option **second)
{
    *first = pt->noptions > 0 && pt->options[0].taken ? &pt->options[0] : NULL;
    *second = pt->noptions > 1 && pt->options[1].taken ? &pt->options[1] : NULL;
}

/* The best option of the role that missed it most often at pt, or NULL. */
static const struct rep_option *most_missed_best(const struct rep_group *g,
                                                 const struct rep_point *pt, int *role,
                                                 int *missed_by)
{
    int worst = -1, most = 0;
    for (int r = 0; r < g->nroles && r < 31; r++) {
        int missed = 0;
        for (int o = 0; o < pt->noptions; o++)
            missed += pt->options[o].missed_by_role[r];
        if (missed > most) {
            most = missed;
            worst = r;
        }
    }
    *role = worst;
    *missed_by = most;
    for (int o = 0; worst >= 0 && o < pt->noptions; o++)
        if (pt->options[o].best_for & (1 << worst))
            return &pt->options[o];
    return NULL;
}

static void quoted(struct strbuf *out, const char *text)
{
    sb_puts(out, "\u201c");
    esc(out, text ? text : "?");
    sb_puts(out, "\u201d");
}

static void point_link(int gi, const struct rep_group *g, int k, struct strbuf *out)
{
    sb_printf(out, "<a href=\"#s%d-d%d\">%d. ", gi + 1, k + 1, k + 1);
    esc(out, g->points[k].title);
    sb_puts(out, "</a>");
}

/* A list of the plan: its heading, then the start of the list, or the
 * sentence for none (false). */
static bool plan_list(const char *title, int n, const char *none, struct strbuf *out)
{
    sb_printf(out, "<h3>%s \u00b7 %d decision%s</h3>\n", title, n, n == 1 ? "" : "s");
    if (n == 0) {
        sb_printf(out, "<p>%s</p>\n", none);
        return false;
    }
    sb_puts(out, "<ol class=\"plan\">\n");
    return true;
}

/* The points where the room split most, with the options most taken. */
static void plan_split(const struct rep_group *g, int gi, struct strbuf *out)
{
    const struct rep_plan *pl = &g->plan;
    if (!plan_list("Where the room split most", pl->nsplit,
                   "At every decision point the teams took the same option.", out))
        return;
    for (int i = 0; i < pl->nsplit; i++) {
        const struct rep_point *pt = &g->points[pl->split[i]];
        sb_puts(out, "<li>");
        point_link(gi, g, pl->split[i], out);
        sb_puts(out, ": ");
        int shown = 0;
        for (int o = 0; o < pt->noptions && shown < 3; o++) {
            if (!pt->options[o].taken)
                continue;
            sb_printf(out, "%s<span class=\"num\">%d</span>\u00a0", shown++ ? ", " : "",
                      pt->options[o].taken);
            quoted(out, pt->options[o].text);
        }
        sb_printf(out, " <small>(of %d)</small></li>\n", pt->decisions);
    }
    sb_puts(out, "</ol>\n");
}

/* The points where the best option was missed most, and whose it was. */
static void plan_missed(const struct rep_group *g, int gi, struct strbuf *out)
{
    const struct rep_plan *pl = &g->plan;
    if (!plan_list("Best choices most often missed", pl->nmissed,
                   "Every team took the best option for its role at every decision.", out))
        return;
    for (int i = 0; i < pl->nmissed; i++) {
        const struct rep_point *pt = &g->points[pl->missed[i]];
        sb_puts(out, "<li>");
        point_link(gi, g, pl->missed[i], out);
        sb_printf(out, ": missed <span class=\"num\">%d of %d</span>", pt->missed, pt->decisions);
        int role, by;
        const struct rep_option *best = most_missed_best(g, pt, &role, &by);
        if (best) {
            sb_puts(out, "; best for ");
            role_text(out, g->roles[role]);
            sb_puts(out, ": ");
            quoted(out, best->text);
        }
        sb_puts(out, "</li>\n");
    }
    sb_puts(out, "</ol>\n");
}

/* What the room did at pt, as a question: the two sides of a split, and
 * the role that missed its best option most. */
static void question_data(const struct rep_group *g, const struct rep_point *pt,
                          struct strbuf *out)
{
    const struct rep_option *first, *second;
    top_two(pt, &first, &second);
    int role, by;
    const struct rep_option *best = most_missed_best(g, pt, &role, &by);
    bool split = first && second && pt->split > 0;
    sb_puts(out, "<span class=\"data\">");
    if (split) {
        sb_printf(out, "%d took ", first->taken);
        quoted(out, first->text);
        sb_printf(out, ", %d ", second->taken);
        quoted(out, second->text);
        sb_puts(out, ": what would each side say to the other?");
    }
    if (best && pt->missed > 0) {
        /* Teams of the role (a team deciding here twice counts once). */
        int of = pt->teams_by_role[role];
        by = by < of ? by : of;
        sb_printf(out, "%sWhy did %d of %d ", split ? " " : "", by, of);
        role_text(out, g->roles[role]);
        sb_printf(out, " team%s miss ", of == 1 ? "" : "s");
        quoted(out, best->text);
        sb_puts(out, "? What would a good ");
        role_text(out, g->roles[role]);
        sb_puts(out, " have seen?");
    } else if (pt->missed > 0 && !split) {
        sb_printf(out, "%d of %d decisions missed the best option here: what made it hard?",
                  pt->missed, pt->decisions);
    }
    sb_puts(out, "</span>");
}

/* The questions for both lists, in the order of the story. */
static void plan_questions(const struct rep_group *g, struct strbuf *out)
{
    const struct rep_plan *pl = &g->plan;
    sb_printf(out, "<h3>Questions, in the order of the story \u00b7 %d</h3>\n<ol class=\"questions\">\n",
              pl->nask);
    for (int i = 0; i < pl->nask; i++) {
        int k = pl->ask[i];
        const struct rep_point *pt = &g->points[k];
        sb_printf(out, "<li value=\"%d\"><b>", k + 1);
        esc(out, pt->title);
        sb_puts(out, ":</b> ");
        if (pt->discuss) {
            sb_puts(out, "<span class=\"q\">");
            esc(out, pt->discuss);
            sb_puts(out, "</span> ");
        }
        question_data(g, pt, out);
        sb_puts(out, "</li>\n");
    }
    sb_puts(out, "</ol>\n");
}

/* The plan for the debrief: where the room split, where the best option was
 * missed, and the questions for both, in the order of the story. */
static void plan(const struct rep_group *g, int gi, struct strbuf *out)
{
    const struct rep_plan *pl = &g->plan;
    sb_printf(out, "<section id=\"s%d-plan\">\n<h2%s>Discussion plan \u00b7 %d decision point%s "
                   "to talk about</h2>\n",
              gi + 1, gi == 0 ? " class=\"first\"" : "", pl->nask, pl->nask == 1 ? "" : "s");
    if (pl->nask == 0) {
        sb_puts(out, "<p>The teams agreed at every decision point and took the best option "
                     "for their role: ask what made each decision easy.</p>\n</section>\n");
        return;
    }
    sb_puts(out, "<div class=\"cols\">\n<div>\n");
    plan_split(g, gi, out);
    sb_puts(out, "</div>\n<div>\n");
    plan_missed(g, gi, out);
    sb_puts(out, "</div>\n</div>\n");
    plan_questions(g, out);
    sb_puts(out, "</section>\n");
}

static int compare_missed(const void *a, const void *b)
{
    const struct rep_point *x = *(const struct rep_point *const *)a;
    const struct rep_point *y = *(const struct rep_point *const *)b;
    double fx = x->decisions ? (double)x->missed / x->decisions : 0;
    double fy = y->decisions ? (double)y->missed / y->decisions : 0;
    if (x->missed != y->missed)
        return y->missed - x->missed;
    if (fx != fy)
        return fx < fy ? 1 : -1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void missed(const struct rep_group *g, int gi, struct strbuf *out)
{
    const struct rep_point **list = xcalloc((size_t)(g->npoints ? g->npoints : 1), sizeof *list);
    int n = 0;
    for (int k = 0; k < g->npoints; k++)
        if (g->points[k].missed > 0)
            list[n++] = &g->points[k];
    sb_printf(out, "<section id=\"s%d-missed\">\n<h2>Best choices most often missed \u00b7 %d "
                   "decision point%s</h2>\n",
              gi + 1, n, n == 1 ? "" : "s");
    sort_items(list, (size_t)n, sizeof *list, compare_missed);
    if (n == 0) {
        sb_puts(out, "<p>Every team took the best option at every decision it reached.</p>\n");
    } else {
        sb_puts(out, "<table class=\"missed-table\">\n<thead><tr><th>Decision</th>"
                     "<th>Missed by</th><th>Taken most instead</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < n && i < 10; i++) {
            const struct rep_point *pt = list[i];
            int k = (int)(pt - g->points);
            sb_printf(out, "<tr><td><a href=\"#s%d-d%d\">%d. ", gi + 1, k + 1, k + 1);
            esc(out, pt->title);
            sb_puts(out, "</a></td><td class=\"teams\">");
            char label[64];
            str_format(label, sizeof label, "%d of %d decisions", pt->missed, pt->decisions);
            bar(out, pt->decisions ? (double)pt->missed / pt->decisions : 0, 200, 22,
                VERDICT_FAILURE, label);
            sb_printf(out, " <span class=\"num\">%d of %d</span></td><td>", pt->missed,
                      pt->decisions);
            const struct rep_option *instead = NULL;
            for (int o = 0; o < pt->noptions; o++)
                if (pt->options[o].missed_by > 0 &&
                    (!instead || pt->options[o].missed_by > instead->missed_by))
                    instead = &pt->options[o];
            if (instead) {
                quoted(out, instead->text);
                sb_printf(out, " <span class=\"num\">(%d)</span>", instead->missed_by);
            }
            sb_puts(out, "</td></tr>\n");
        }
        sb_puts(out, "</tbody></table>\n");
    }
    free(list);
    sb_puts(out, "</section>\n");
}

/* "Mara (PO) & Jonas (PM)", each name in its role's colour. */
static void pair_names(const struct rep_group *g, const struct rep_run *run, struct strbuf *out)
{
    for (int p = 0; p < 2; p++) {
        if (p)
            sb_puts(out, " &amp; ");
        sb_puts(out, "<span class=\"team\">");
        esc(out, run->players[p].name);
        sb_printf(out, "</span> <span class=\"role\" style=\"background:%s\">",
                  role_colour(rep_role_index(g, run->players[p].role)));
        role_text(out, run->players[p].role);
        sb_puts(out, "</span>");
    }
}

static void pick_list(const struct rep_duet_point *pt, int k, struct strbuf *out)
{
    if (pt->npicks[k] == 0) {
        sb_puts(out, "\u2013");
        return;
    }
    sb_puts(out, "<ul class=\"picks\">");
    for (int i = 0; i < pt->npicks[k] && i < 3; i++) {
        sb_puts(out, "<li>");
        esc(out, pt->picks[k][i].text);
        sb_printf(out, " <span class=\"num\">(%d)</span></li>", pt->picks[k][i].count);
    }
    if (pt->npicks[k] > 3)
        sb_printf(out, "<li>and %d more</li>", pt->npicks[k] - 3);
    sb_puts(out, "</ul>");
}

/* Each pair: its names, points, percent, agreement and ending. */
static void pairs_table(const struct report *r, const struct rep_group *g, int gi,
                        struct strbuf *out)
{
    sb_puts(out, "<table class=\"pairs\">\n<thead><tr><th>Pair</th>"
                 "<th class=\"n\">Weighted</th><th class=\"n\">Percent</th>"
                 "<th class=\"n\">Agreed</th><th>Ending</th></tr></thead>\n<tbody>\n");
    int at = 0;
    for (const struct rep_run *run; (run = rep_next_duet(r, gi, &at)) != NULL;) {
        int agreed, secret;
        rep_run_alignment(run, &agreed, &secret);
        sb_printf(out, "<tr%s><td>", run->finished ? "" : " class=\"unfinished\"");
        pair_names(g, run, out);
        sb_puts(out, "</td><td class=\"n\">");
        for (int p = 0; p < 2; p++) {
            if (p)
                sb_puts(out, " \u00b7 ");
            num(out, run->players[p].weighted);
        }
        sb_puts(out, "</td><td class=\"n\">");
        for (int p = 0; p < 2; p++)
            sb_printf(out, "%s%.1f%%", p ? " \u00b7 " : "", run->players[p].percent);
        sb_printf(out, "</td><td class=\"n\">%d of %d</td><td class=\"nowrap\">", agreed, secret);
        if (run->ending_id)
            esc(out, run->ending_title ? run->ending_title : run->ending_id);
        else
            sb_puts(out, "unfinished");
        sb_puts(out, "</td></tr>\n");
    }
    sb_puts(out, "</tbody></table>\n");
}

/* A secret decision's row: how often the pairs agreed, what followed when
 * they did not, and what each role picked. */
static void duet_point_row(const struct rep_duet_point *pt, struct strbuf *out)
{
    sb_puts(out, "<tr><td>");
    scene_text(out, pt->scene);
    sb_puts(out, "</td><td class=\"teams nowrap\">");
    char label[64];
    str_format(label, sizeof label, "%d of %d agreed", pt->agreed, pt->pairs);
    bar(out, (double)pt->agreed / pt->pairs, 200, 22, BEST, label);
    sb_printf(out, " <span class=\"num\">%d of %d</span></td><td>", pt->agreed, pt->pairs);
    const char *sep = "";
    static const char *const names[][2] = {{"conflict scene", "conflict scenes"},
                                           {"settled", "settled"},
                                           {"coin toss", "coin tosses"}};
    const int counts[] = {pt->conflict, pt->settled, pt->coin};
    for (int k = 0; k < 3; k++)
        if (counts[k]) {
            sb_printf(out, "%s%d %s", sep, counts[k], names[k][counts[k] != 1]);
            sep = ", ";
        }
    if (!*sep)
        sb_puts(out, "\u2013");
    for (int k = 0; k < 2; k++) {
        sb_puts(out, "</td><td>");
        pick_list(pt, k, out);
    }
    sb_puts(out, "</td></tr>\n");
}

/* The secret decisions, least agreed first, with a question for the
 * first. */
static void disagreements(const struct rep_group *g, struct strbuf *out)
{
    const struct rep_duet_point *top = &g->duet_points[0];
    sb_puts(out, "<h3>Where the two roles disagree most</h3>\n");
    if (top->agreed < top->pairs) {
        sb_puts(out, "<p class=\"ask\">Ask each pair: at ");
        scene_text(out, top->scene);
        sb_puts(out, ", what did each of you want, and why? Who gave way, and was it the right "
                     "call for the product?</p>\n");
    }
    sb_puts(out, "<table class=\"duet\">\n<thead><tr><th>Decision</th><th>Agreed</th>"
                 "<th>Then</th>");
    for (int k = 0; k < 2; k++) {
        sb_printf(out, "<th><span class=\"role\" style=\"background:%s\">",
                  role_colour(rep_role_index(g, top->roles[k])));
        role_text(out, top->roles[k]);
        sb_puts(out, "</span> picked</th>");
    }
    sb_puts(out, "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < g->nduet_points; i++)
        duet_point_row(&g->duet_points[i], out);
    sb_puts(out, "</tbody></table>\n");
}

/* Duet pairs: each pair's scores and alignment, then the secret decisions
 * where the two roles agreed least: the pair's debrief starts there. */
static void duets(const struct report *r, const struct rep_group *g, int gi, struct strbuf *out)
{
    sb_printf(out, "<section id=\"s%d-duet\">\n<h2>Duet pairs \u00b7 %d pair%s</h2>\n", gi + 1,
              g->npairs, g->npairs == 1 ? "" : "s");
    sb_printf(out, "<p>%d pair%s", g->npairs, g->npairs == 1 ? "" : "s");
    if (g->pair_secret)
        sb_printf(out, " agreed on %d of %d secret decisions (%.0f%%).", g->pair_agreed,
                  g->pair_secret, 100.0 * g->pair_agreed / g->pair_secret);
    else
        sb_puts(out, "; no secret decision reached yet.");
    sb_puts(out, "</p>\n");
    pairs_table(r, g, gi, out);
    if (g->nduet_points)
        disagreements(g, out);
    sb_puts(out, "</section>\n");
}

static void endings(const struct report *r, int gi, struct strbuf *out)
{
    struct ending {
        const char *id, *title, *verdict;
        int count;
    } *list = NULL;
    int n = 0, unfinished = 0;
    for (int i = 0; i < r->nruns; i++) {
        const struct rep_run *run = &r->runs[i];
        if (run->group != gi)
            continue;
        if (!run->ending_id) {
            unfinished++;
            continue;
        }
        int k = 0;
        while (k < n && strcmp(list[k].id, run->ending_id) != 0)
            k++;
        if (k == n) {
            list = xrealloc(list, sizeof *list * (size_t)(n + 1));
            list[n] = (struct ending){run->ending_id, run->ending_title, run->verdict, 0};
            n++;
        }
        list[k].count++;
    }
    /* Most reached first; ties by title. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && (list[j].count > list[j - 1].count ||
                                  (list[j].count == list[j - 1].count &&
                                   strcmp(list[j].id, list[j - 1].id) < 0));
             j--) {
            struct ending t = list[j];
            list[j] = list[j - 1];
            list[j - 1] = t;
        }
    sb_printf(out, "<section id=\"s%d-endings\">\n<h2>Endings reached \u00b7 %d ending%s", gi + 1, n,
              n == 1 ? "" : "s");
    if (unfinished)
        sb_printf(out, " \u00b7 %d run%s unfinished", unfinished, unfinished == 1 ? "" : "s");
    sb_puts(out, "</h2>\n");
    int rows = n + (unfinished > 0);
    int rowh = 52, left = 520, height = rows * rowh + 10;
    int most = unfinished;
    for (int i = 0; i < n; i++)
        most = list[i].count > most ? list[i].count : most;
    sb_printf(out,
              "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Endings "
              "reached\" font-size=\"%d\" font-family=\"DejaVu Sans, sans-serif\">\n",
              CHART_W, height, FONT);
    double unit = most ? (CHART_W - left - 90.0) / most : 0;
    for (int i = 0; i < rows; i++) {
        bool un = i == n;
        const char *title = un ? "Did not finish" : list[i].title ? list[i].title : list[i].id;
        const char *verdict = un ? NULL : list[i].verdict;
        int count = un ? unfinished : list[i].count;
        int y = 5 + i * rowh;
        sb_printf(out, "<text x=\"10\" y=\"%d\" dominant-baseline=\"middle\">", y + rowh / 2);
        esc(out, title);
        if (verdict) {
            sb_puts(out, " <tspan fill=\"#444\" font-size=\"22\">(");
            esc(out, verdict);
            sb_puts(out, ")</tspan>");
        }
        sb_printf(out,
                  "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n"
                  "<text x=\"%.1f\" y=\"%d\" dominant-baseline=\"middle\" font-weight=\"bold\">%d"
                  "</text>\n",
                  left, y + 8, unit * count, rowh - 16, verdict_colour(verdict),
                  left + unit * count + 12, y + rowh / 2, count);
    }
    sb_puts(out, "</svg>\n</section>\n");
    free(list);
}

static void timing(const struct rep_group *g, int gi, struct strbuf *out)
{
    sb_printf(out, "<section id=\"s%d-time\">\n<h2>Time taken per decision \u00b7 %d decision "
                   "point%s</h2>\n",
              gi + 1, g->npoints, g->npoints == 1 ? "" : "s");
    sb_puts(out, "<p class=\"note\">Each dot is a decision; the black bar is the median. A decision "
                 "point where the timer ran out says so on the right.</p>\n");
    double hi = 0;
    for (int k = 0; k < g->npoints; k++)
        for (int i = 0; i < g->points[k].nseconds; i++)
            hi = g->points[k].seconds[i] > hi ? g->points[k].seconds[i] : hi;
    double step = nice_step(hi);
    hi = ceil(hi / step) * step;
    if (hi <= 0)
        hi = step;
    int lane = 46, left = 360, right = 300, top = 10;
    int height = top + g->npoints * lane + 50;
    double plot = CHART_W - left - right;
#define X(v) (left + (v) / hi * plot)
    sb_printf(out,
              "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Time taken per "
              "decision\" font-size=\"%d\" font-family=\"DejaVu Sans, sans-serif\">\n",
              CHART_W, height, FONT);
    for (int k = 0; k < g->npoints; k++) {
        const struct rep_point *pt = &g->points[k];
        int y = top + k * lane;
        double cy = y + lane / 2.0;
        if (k % 2 == 0)
            sb_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%d\" fill=\"#f3f3f3\"/>\n",
                      left, y, plot, lane);
        sb_printf(out, "<text x=\"10\" y=\"%.1f\" dominant-baseline=\"middle\">%d. ", cy, k + 1);
        esc(out, pt->title);
        sb_puts(out, "</text>\n");
        sb_puts(out, "<g data-scene=\"");
        esc(out, pt->scene);
        sb_puts(out, "\" data-seconds=\"");
        data_numbers(out, pt->seconds, pt->nseconds);
        sb_printf(out, "\" data-timed-out=\"%d\">\n", pt->timed_out);
        for (int i = 0; i < pt->nseconds; i++)
            sb_printf(out,
                      "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"" BAR "\" fill-opacity=\"0.6\" "
                      "stroke=\"#fff\" stroke-width=\"2\"/>\n",
                      X(pt->seconds[i]), cy);
        if (pt->nseconds) {
            double med = rep_median(pt->seconds, pt->nseconds);
            sb_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"%d\" fill=\"#111\"/>\n",
                      X(med) - 2.5, cy - lane / 2.0 + 4, lane - 8);
            sb_printf(out, "<text x=\"%d\" y=\"%.1f\" dominant-baseline=\"middle\">",
                      CHART_W - right + 16, cy);
            seconds_text(out, med);
            if (pt->timed_out)
                sb_printf(out, " <tspan fill=\"" VERDICT_FAILURE "\" font-weight=\"bold\">"
                               "%d timed out</tspan>",
                          pt->timed_out);
            sb_puts(out, "</text>\n");
        }
        sb_puts(out, "</g>\n");
    }
    int axis = top + g->npoints * lane;
    for (int i = 0; i <= 40; i++) {
        double t = i * step;
        if (t > hi + step / 2)
            break;
        sb_printf(out,
                  "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>\n"
                  "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                  X(t), top, X(t), axis, X(t), axis + 32);
        num(out, t);
        sb_puts(out, "</text>\n");
    }
    sb_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">median</text>\n",
              CHART_W - right / 2 + 6, axis + 32);
#undef X
    sb_puts(out, "</svg>\n</section>\n");
}

void report_html(const struct report *r, struct strbuf *out)
{
    sb_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<title>Debrief: ");
    for (int gi = 0; gi < r->ngroups; gi++) {
        if (gi)
            sb_puts(out, " \u00b7 ");
        esc(out, r->groups[gi].title ? r->groups[gi].title : r->groups[gi].scenario_id);
    }
    sb_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", style);
    for (int gi = 0; gi < r->ngroups; gi++) {
        const struct rep_group *g = &r->groups[gi];
        sb_printf(out, "<header id=\"s%d\">\n<h1>Debrief: ", gi + 1);
        esc(out, g->title ? g->title : g->scenario_id);
        sb_printf(out, "</h1>\n<p class=\"sub\">%d team%s", g->nrows, g->nrows == 1 ? "" : "s");
        if (g->nroles > 1) {
            sb_puts(out, " (");
            for (int ro = 0; ro < g->nroles; ro++) {
                int count = 0;
                for (int i = 0; i < g->nrows; i++)
                    count += strcmp(rep_row_player(&g->rows[i])->role, g->roles[ro]) == 0;
                if (ro)
                    sb_puts(out, ", ");
                sb_printf(out, "%d ", count);
                role_text(out, g->roles[ro]);
            }
            sb_puts(out, ")");
        }
        sb_printf(out, " \u00b7 %d run%s, %d finished", g->nruns, g->nruns == 1 ? "" : "s",
                  g->nfinished);
        if (g->npairs)
            sb_printf(out, " \u00b7 %d duet pair%s", g->npairs, g->npairs == 1 ? "" : "s");
        sb_puts(out, " \u00b7 scenario <span class=\"scene-id\">");
        esc(out, g->scenario_id);
        sb_puts(out, " ");
        esc(out, g->version ? g->version : "");
        sb_puts(out, "</span>");
        if (g->versions_differ)
            sb_puts(out, " (and other versions)");
        sb_puts(out, "</p>\n<nav>");
        static const char *const parts[][2] = {
            {"plan", "Discussion plan"}, {"ranking", "Ranking"}, {"patterns", "Patterns"},
            {"spread", "Points by role"}, {"decisions", "Decisions"}, {"missed", "Missed best"},
            {"endings", "Endings"},       {"time", "Time"},
        };
        for (size_t k = 0; k < COUNT_OF(parts); k++)
            sb_printf(out, "<a href=\"#s%d-%s\">%s</a>", gi + 1, parts[k][0], parts[k][1]);
        if (g->npairs)
            sb_printf(out, "<a href=\"#s%d-duet\">Duet pairs</a>", gi + 1);
        sb_puts(out, "</nav>\n</header>\n");
        plan(g, gi, out);
        ranking(g, gi, out);
        if (g->npairs)
            duets(r, g, gi, out);
        patterns(r, g, gi, out);
        spread(g, gi, out);
        decision_points(g, gi, out);
        missed(g, gi, out);
        endings(r, gi, out);
        timing(g, gi, out);
    }
    sb_printf(out, "<footer>Made by <code>scaleup report</code> from %d result file%s", r->nruns,
              r->nruns == 1 ? "" : "s");
    if (r->skipped)
        sb_printf(out, "; %d file%s skipped (not valid results)", r->skipped,
                  r->skipped == 1 ? "" : "s");
    sb_puts(out, ".</footer>\n</main>\n</body>\n</html>\n");
}
