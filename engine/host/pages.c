/*
 * pages.c: the browser host's pages: server-rendered semantic HTML that
 * works without JavaScript (forms and links), escapes everything it prints,
 * loads nothing from elsewhere, and reflows at 200% zoom. Colours are the
 * window's themes (engine/window/theme.c). keys.js only adds keys 1-9 and
 * the countdown: the timer itself is the server's.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/recap.h"
#include "core/text.h"
#include "core/utf8.h"
#include "host_internal.h"

const char host_css[] =
    ":root{--bg:#F4F3EF;--surface:#FFFFFF;--border:#D6D2C8;--text:#1C2026;--muted:#555C66;"
    "--accent:#2B59C3;--on-accent:#FFFFFF;--pos:#1B7340;--neg:#B3261E;--warn:#9A5B00;--focus:#E0A100}\n"
    "@media (prefers-color-scheme:dark){:root{--bg:#15181D;--surface:#222730;--border:#3A414D;"
    "--text:#ECEEF1;--muted:#A9B0BB;--accent:#7FA6FF;--on-accent:#0D1220;--pos:#63D08F;--neg:#FF8A80;"
    "--warn:#F2C46D;--focus:#FFD166}}\n"
    ".light{--bg:#F4F3EF;--surface:#FFFFFF;--border:#D6D2C8;--text:#1C2026;--muted:#555C66;"
    "--accent:#2B59C3;--on-accent:#FFFFFF;--pos:#1B7340;--neg:#B3261E;--warn:#9A5B00;--focus:#E0A100}\n"
    ".dark{--bg:#15181D;--surface:#222730;--border:#3A414D;--text:#ECEEF1;--muted:#A9B0BB;"
    "--accent:#7FA6FF;--on-accent:#0D1220;--pos:#63D08F;--neg:#FF8A80;--warn:#F2C46D;--focus:#FFD166}\n"
    ".contrast{--bg:#000000;--surface:#000000;--border:#FFFFFF;--text:#FFFFFF;--muted:#FFFFFF;"
    "--accent:#FFFF00;--on-accent:#000000;--pos:#00FF66;--neg:#FF6666;--warn:#FFFF00;--focus:#00FFFF}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--text);font:1.125rem/1.5 system-ui,sans-serif}\n"
    "main{max-width:46rem;margin:0 auto;padding:1rem}\n"
    "header,footer{max-width:46rem;margin:0 auto;padding:.5rem 1rem;color:var(--muted);font-size:.9rem}\n"
    "h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem}\n"
    "section,form.card{background:var(--surface);border:1px solid var(--border);border-radius:.5rem;"
    "padding:1rem;margin:1rem 0}\n"
    "ol.options{padding:0;list-style:none}ol.options li{margin:.5rem 0}\n"
    "button,input,select{font:inherit;color:inherit}\n"
    "button{background:var(--accent);color:var(--on-accent);border:2px solid var(--accent);"
    "border-radius:.4rem;padding:.5rem .9rem;text-align:left;cursor:pointer}\n"
    "button.option{width:100%}button.quiet{background:transparent;color:var(--text);border-color:var(--border)}\n"
    "input,select{background:var(--bg);border:1px solid var(--border);border-radius:.3rem;padding:.4rem;"
    "max-width:100%}\n"
    "label{display:block;margin:.6rem 0 .2rem}\n"
    ":focus-visible{outline:3px solid var(--focus);outline-offset:2px}\n"
    "a{color:var(--accent)}.muted{color:var(--muted)}.locked{color:var(--muted)}\n"
    ".changes{color:var(--accent);font-weight:600}.timer{color:var(--warn);font-weight:600}\n"
    ".error{color:var(--neg);font-weight:600}.code{font-family:monospace;font-size:1.4rem;"
    "letter-spacing:.15em}\n"
    "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--border);"
    "padding:.3rem;text-align:left;vertical-align:top}\n"
    "nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}\n"
    ".inline{display:inline}\n"
    ".join-qr{margin:1rem 0}.join-qr svg{display:block;width:min(16rem,70vw);height:auto}\n";

const char host_js[] =
    "'use strict';\n"
    "// Keys 1-9 take an option; the countdown counts the server's deadline.\n"
    "document.addEventListener('keydown', function (e) {\n"
    "  if (e.altKey || e.ctrlKey || e.metaKey) return;\n"
    "  var t = e.target; if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT')) return;\n"
    "  if (e.key >= '1' && e.key <= '9') {\n"
    "    var b = document.querySelector('button[data-key=\"' + e.key + '\"]');\n"
    "    if (b) { e.preventDefault(); b.click(); }\n"
    "  } else if (e.key === 'Enter' || e.key === ' ') {\n"
    "    var c = document.querySelector('button[data-key=\"next\"]');\n"
    "    if (c && document.activeElement === document.body) { e.preventDefault(); c.click(); }\n"
    "  } else if (e.key === 'u' || e.key === 'U') {\n"
    "    var u = document.querySelector('button[data-key=\"undo\"]');\n"
    "    if (u) { e.preventDefault(); u.click(); }\n"
    "  }\n"
    "});\n"
    "(function () {\n"
    "  var el = document.getElementById('countdown'); if (!el) return;\n"
    "  var left = parseInt(el.getAttribute('data-seconds'), 10);\n"
    "  var tick = function () {\n"
    "    if (left <= 0) { window.location.replace('/play'); return; }\n"
    "    el.textContent = String(left); left -= 1; setTimeout(tick, 1000);\n"
    "  };\n"
    "  tick();\n"
    "})();\n";

void html_text(struct strbuf *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        case '\'': sb_puts(out, "&#39;"); break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\n')
                sb_putc(out, *s);
        }
    }
}

/* A rendered text: paragraphs, emphasis as <em>, markers never printed. */
static void rendered_inline(struct strbuf *out, const char *s, size_t n)
{
    bool emph = false;
    char one[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == TEXT_EMPH_ON && !emph) {
            sb_puts(out, "<em>");
            emph = true;
        } else if (s[i] == TEXT_EMPH_OFF && emph) {
            sb_puts(out, "</em>");
            emph = false;
        } else {
            one[0] = s[i];
            html_text(out, one);
        }
    }
    if (emph)
        sb_puts(out, "</em>");
}

void html_rendered(struct strbuf *out, const char *s)
{
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n) {
            sb_puts(out, "<p>");
            rendered_inline(out, s, n);
            sb_puts(out, "</p>\n");
        }
        s += n + (nl ? 1 : 0);
    }
}

void page_begin(struct strbuf *out, const struct page_ctx *pc, const char *title, int refresh)
{
    sb_puts(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    if (refresh > 0)
        sb_printf(out, "<meta http-equiv=\"refresh\" content=\"%d\">\n", refresh);
    sb_puts(out, "<title>");
    html_text(out, title);
    sb_puts(out, " · ScaleUp</title>\n<link rel=\"stylesheet\" href=\"/s/style.css\">\n"
                 "<script src=\"/s/keys.js\" defer></script>\n</head>\n<body");
    if (pc->theme && pc->theme[0]) {
        sb_puts(out, " class=\"");
        html_text(out, pc->theme);
        sb_puts(out, "\"");
    }
    sb_puts(out, ">\n<header><span>ScaleUp</span></header>\n<main>\n");
}

void page_end(struct strbuf *out)
{
    sb_puts(out, "</main>\n<footer><nav aria-label=\"Theme\"><ul><li>Theme:</li>"
                 "<li><a href=\"/theme?name=light\">light</a></li>"
                 "<li><a href=\"/theme?name=dark\">dark</a></li>"
                 "<li><a href=\"/theme?name=contrast\">high contrast</a></li>"
                 "<li><a href=\"/theme?name=system\">as the system</a></li></ul></nav>"
                 "</footer>\n</body></html>\n");
}

static void csrf_field(struct strbuf *out, const struct page_ctx *pc)
{
    sb_puts(out, "<input type=\"hidden\" name=\"csrf\" value=\"");
    html_text(out, pc->csrf);
    sb_puts(out, "\">\n");
}

void page_message(struct strbuf *out, const struct page_ctx *pc, const char *title, const char *text)
{
    page_begin(out, pc, title, 0);
    sb_puts(out, "<h1>");
    html_text(out, title);
    sb_puts(out, "</h1>\n<p>");
    html_text(out, text);
    sb_puts(out, "</p>\n<p><a href=\"/\">Back to the start</a></p>\n");
    page_end(out);
}

void page_join(struct strbuf *out, const struct page_ctx *pc, const char *error)
{
    page_begin(out, pc, "Join the workshop", 0);
    sb_puts(out, "<h1>Join the workshop</h1>\n");
    if (error && error[0]) {
        sb_puts(out, "<p class=\"error\" role=\"alert\">");
        html_text(out, error);
        sb_puts(out, "</p>\n");
    }
    sb_puts(out, "<form class=\"card\" method=\"post\" action=\"/join\">\n");
    csrf_field(out, pc);
    sb_puts(out, "<label for=\"code\">Workshop code (on the projector)</label>"
                 "<input id=\"code\" name=\"code\" required maxlength=\"16\" autocomplete=\"off\" "
                 "autocapitalize=\"characters\">\n"
                 "<label for=\"name\">Your team's name</label>"
                 "<input id=\"name\" name=\"name\" required maxlength=\"64\">\n"
                 "<label for=\"pick\">Scenario and role</label><select id=\"pick\" name=\"pick\">\n");
    for (int i = 0; i < host.nscenarios; i++) {
        const struct host_scenario *hs = &host.scenarios[i];
        sb_puts(out, "<optgroup label=\"");
        html_text(out, hs->title);
        sb_puts(out, "\">");
        for (int r = 0; r < hs->nroles; r++) {
            sb_printf(out, "<option value=\"%d.%d\">", i, r);
            html_text(out, hs->title);
            sb_puts(out, ": ");
            html_text(out, hs->role_names[r]);
            sb_puts(out, "</option>");
        }
        sb_puts(out, "</optgroup>\n");
    }
    sb_puts(out, "</select>\n<p><input type=\"checkbox\" id=\"duet\" name=\"duet\" value=\"1\"> "
                 "<label class=\"inline\" for=\"duet\">A duet: a partner team joins this company "
                 "from its own browser with a pair code (scenarios written for duets)</label></p>\n"
                 "<p><button type=\"submit\">Start</button></p>\n</form>\n");
    sb_puts(out, "<form class=\"card\" method=\"post\" action=\"/pair\">\n<h2>Join your partner's "
                 "duet</h2>\n");
    csrf_field(out, pc);
    sb_puts(out, "<label for=\"pcode\">Workshop code</label>"
                 "<input id=\"pcode\" name=\"code\" required maxlength=\"16\" autocomplete=\"off\">\n"
                 "<label for=\"pair\">Pair code (on your partner team's page)</label>"
                 "<input id=\"pair\" name=\"pair\" required maxlength=\"16\" autocomplete=\"off\">\n"
                 "<label for=\"pname\">Your team's name</label>"
                 "<input id=\"pname\" name=\"name\" required maxlength=\"64\">\n"
                 "<p><button type=\"submit\">Join the duet</button></p>\n</form>\n");
    sb_puts(out, "<form class=\"card\" method=\"post\" action=\"/resume\">\n<h2>Continue a run</h2>\n");
    csrf_field(out, pc);
    sb_puts(out, "<label for=\"rcode\">Workshop code</label>"
                 "<input id=\"rcode\" name=\"code\" required maxlength=\"16\" autocomplete=\"off\">\n"
                 "<label for=\"resume\">Your team's resume code</label>"
                 "<input id=\"resume\" name=\"resume\" required maxlength=\"16\" autocomplete=\"off\">\n"
                 "<p><button type=\"submit\">Continue</button></p>\n</form>\n");
    page_end(out);
}

static void hud(struct strbuf *out, const struct session *s, int seat)
{
    const struct game *g = s->g;
    const struct scenario *sc = g->sc;
    char num[64];
    struct strbuf value;
    sb_init(&value);
    sb_puts(out, "<section aria-label=\"Company\"><dl>");
    for (int i = 0; i < sc->nstats; i++) {
        const struct stat_def *st = &sc->stats[i];
        if (st->hidden)
            continue;
        sb_clear(&value);
        recap_stat_value(st, g->s.stats[i], &value);
        sb_puts(out, "<dt class=\"inline\">");
        html_text(out, st->name);
        sb_puts(out, ":</dt> <dd class=\"inline\">");
        html_text(out, value.data);
        sb_puts(out, "</dd> &nbsp; ");
    }
    sb_free(&value);
    if (s->opt.coaching) {
        for (int d = 0; d < sc->ndimensions; d++) {
            format_number(num, sizeof num, g->s.players[seat].score[d]);
            sb_puts(out, "<dt class=\"inline\">");
            html_text(out, sc->dimensions[d].name);
            sb_puts(out, ":</dt> <dd class=\"inline\">");
            html_text(out, num);
            sb_puts(out, "</dd> &nbsp; ");
        }
    }
    sb_puts(out, "</dl></section>\n");
}

/* line as a paragraph of changes after lead; nothing when it is empty. */
static void changes_paragraph(struct strbuf *out, const char *lead, const struct strbuf *line)
{
    if (!line->len)
        return;
    sb_printf(out, "<p class=\"changes\">%s", lead);
    html_text(out, line->data);
    sb_puts(out, "</p>\n");
}

/* What a decision changed: score (a player's points; NULL: none) and the
 * stats, then what moved as the next scene began: recap's words, as the
 * terminal and the window show them. */
static void changes(struct strbuf *out, const struct scenario *sc, const struct decision *d,
                    const double *score)
{
    struct changes c;
    struct strbuf line;
    sb_init(&line);
    recap_changes(sc, score, d->stat_delta, &c);
    recap_join(&c, " · ", &line);
    changes_paragraph(out, "", &line);
    sb_clear(&line);
    recap_changes(sc, NULL, d->enter_delta, &c);
    recap_join(&c, " · ", &line);
    changes_paragraph(out, "Meanwhile: ", &line);
    sb_free(&line);
}

/* A form that posts one action for the current step. */
static void action_button(struct strbuf *out, const struct page_ctx *pc, unsigned step,
                          const char *action, const char *label, const char *key, bool quiet)
{
    sb_puts(out, "<form class=\"inline\" method=\"post\" action=\"/act\">");
    csrf_field(out, pc);
    sb_printf(out, "<input type=\"hidden\" name=\"step\" value=\"%u\">"
                   "<button type=\"submit\" name=\"action\" value=\"%s\" data-key=\"%s\"%s>",
              step, action, key, quiet ? " class=\"quiet\"" : "");
    html_text(out, label);
    sb_puts(out, "</button></form>\n");
}

/* The options of menu m: buttons (keys 1-9) when this browser decides,
 * else a plain list for the team that advises. */
static void options(struct strbuf *out, const struct page_ctx *pc, struct team *t,
                    const struct menu *m, bool buttons)
{
    const struct game *g = t->s.g;
    if (buttons) {
        sb_puts(out, "<form method=\"post\" action=\"/act\">\n");
        csrf_field(out, pc);
        sb_printf(out, "<input type=\"hidden\" name=\"step\" value=\"%u\">\n", t->step);
    }
    sb_puts(out, "<ol class=\"options\">\n");
    for (int i = 0; i < m->ntotal; i++) {
        const struct offer *o = &m->offers[i];
        const char *label = game_label(g, m, i);
        if (o->locked) {
            sb_puts(out, "<li class=\"locked\">");
            rendered_inline(out, label, strlen(label));
            sb_puts(out, " (locked: ");
            html_text(out, g->sc->choices[o->choice].locked);
            sb_puts(out, ")</li>\n");
        } else if (buttons) {
            sb_printf(out, "<li><button class=\"option\" type=\"submit\" name=\"choice\" "
                           "value=\"%d\"",
                      i + 1);
            if (i < 9) /* keys 1-9 (keys.js) */
                sb_printf(out, " data-key=\"%d\"", i + 1);
            sb_printf(out, ">%d. ", i + 1);
            rendered_inline(out, label, strlen(label));
            sb_puts(out, "</button></li>\n");
        } else {
            sb_printf(out, "<li>%d. ", i + 1);
            rendered_inline(out, label, strlen(label));
            sb_puts(out, "</li>\n");
        }
    }
    sb_puts(out, "</ol>\n");
    if (buttons)
        sb_puts(out, "</form>\n");
}

/* Whether seat waits for its partner at a decision (a duet). Under t->mu. */
static bool partner_decides(const struct team *t, int seat)
{
    if (t->nseats < 2 || t->state != TEAM_DECIDE || t->has_command)
        return false;
    return game_is_secret(t->s.g) ? t->picks[seat] != 0 : t->s.g->view.decider != seat;
}

/* Who decides a duet's scene, or this browser's secret pick. */
static void duet_turn(struct strbuf *out, struct team *t, int seat, const struct menu *m)
{
    const struct game *g = t->s.g;
    const struct seat *partner = &t->seats[1 - seat];
    if (game_is_secret(g) && t->picks[seat]) {
        const char *label = game_label(g, m, t->picks[seat] - 1);
        sb_printf(out, "<p role=\"status\"><strong>Your secret pick is in: %d. ", t->picks[seat]);
        rendered_inline(out, label, strlen(label));
        sb_puts(out, "</strong> Waiting for ");
        html_text(out, partner->name);
        sb_puts(out, "'s pick; this page follows by itself.</p>\n");
    } else if (game_is_secret(g)) {
        sb_puts(out, "<p><strong>Both of you decide here, in secret:</strong> ");
        html_text(out, partner->name);
        sb_puts(out, " sees only their own options and never yours.</p>\n");
    } else if (g->view.decider != seat) {
        int role = g->s.players[g->view.decider].role;
        sb_puts(out, "<p role=\"status\"><strong>");
        html_text(out, partner->name);
        sb_puts(out, " (");
        html_text(out, g->sc->roles[role].name);
        sb_puts(out, ") decides here.</strong> Talk it through; this page follows by itself.</p>\n");
    } else {
        sb_puts(out, "<p><strong>You decide here.</strong> ");
        html_text(out, partner->name);
        sb_puts(out, " advises.</p>\n");
    }
}

static void scene_page(struct strbuf *out, const struct page_ctx *pc, struct team *t, int seat)
{
    const struct session *s = &t->s;
    const struct game *g = s->g;
    const struct scene *sc = game_scene(g);
    bool duet = t->nseats == 2;
    const struct menu *m = duet && game_is_secret(g) ? &g->view.menu[seat] : game_menu(g);
    sb_puts(out, "<h1>");
    if (sc->phase[0]) {
        html_text(out, sc->phase);
        if (sc->title[0])
            sb_puts(out, " · ");
    }
    html_text(out, sc->title[0] || sc->phase[0] ? sc->title : s->sc->title);
    sb_puts(out, "</h1>\n");
    hud(out, s, seat);
    html_rendered(out, g->view.text.data ? g->view.text.data : "");
    if (t->deadline > 0) {
        int left = (int)ceil(t->deadline - clock_seconds());
        if (left < 0)
            left = 0;
        sb_printf(out, "<p class=\"timer\" role=\"timer\">Timed decision: <span id=\"countdown\" "
                       "data-seconds=\"%d\">%d</span> seconds left.", left, left);
        if (m->timeout)
            sb_printf(out, " When time runs out, option %d is taken.", m->timeout);
        sb_puts(out, "</p>\n");
    } else if (sc->timer) {
        sb_puts(out, "<p class=\"muted\">Timed decision, but timers are off: take your time.</p>\n");
    }
    if (duet)
        duet_turn(out, t, seat, m);
    if (!(duet && game_is_secret(g) && t->picks[seat]))
        options(out, pc, t, m, !partner_decides(t, seat));
    if (g->nlog > 0)
        action_button(out, pc, t->step, "undo", "Undo the last decision", "undo", true);
}

/* A player's points from one decision, as the changes line shows them. */
static void points_line(struct strbuf *out, const struct scenario *sc, const double *score)
{
    struct changes c;
    struct strbuf line;
    sb_init(&line);
    recap_changes(sc, score, NULL, &c);
    recap_join(&c, " · ", &line);
    changes_paragraph(out, "", &line);
    sb_free(&line);
}

/* A duet's secret decision: both picks side by side, how they were
 * resolved, and each player's points and feedback. */
static void secret_outcome(struct strbuf *out, const struct game *g, const struct decision *d)
{
    const char *text = g->log_text.data;
    sb_puts(out, "<ul>\n");
    for (int p = 0; p < g->nplayers; p++) {
        sb_puts(out, "<li><strong>");
        html_text(out, g->s.players[p].name);
        sb_printf(out, "</strong> picked %d: ", d->pick[p].number);
        rendered_inline(out, text + d->pick[p].label, strlen(text + d->pick[p].label));
        sb_puts(out, "</li>\n");
    }
    sb_puts(out, "</ul>\n<p><strong>");
    struct strbuf sentence;
    sb_init(&sentence);
    recap_duet_outcome(g, d, &sentence);
    html_text(out, sentence.data ? sentence.data : "");
    sb_free(&sentence);
    sb_puts(out, "</strong></p>\n");
    changes(out, g->sc, d, NULL);
    for (int p = 0; p < g->nplayers; p++) {
        sb_puts(out, "<h2>");
        html_text(out, g->s.players[p].name);
        sb_puts(out, "</h2>\n");
        points_line(out, g->sc, d->pick[p].score);
        html_rendered(out, text + d->pick[p].feedback);
    }
}

static void outcome_page(struct strbuf *out, const struct page_ctx *pc, struct team *t)
{
    const struct game *g = t->s.g;
    int i = g->nlog - 1;
    const struct decision *d = &g->log[i];
    sb_puts(out, "<h1>What happened</h1>\n<section>\n");
    if (d->secret) {
        secret_outcome(out, g, d);
    } else {
        sb_puts(out, "<p>You chose: <strong>");
        const char *label = game_decision_label(g, i);
        rendered_inline(out, label, strlen(label));
        sb_puts(out, "</strong></p>\n");
        changes(out, g->sc, d, d->score);
        html_rendered(out, game_feedback(g, i));
    }
    sb_puts(out, "</section>\n");
    action_button(out, pc, t->step, "continue", "Continue", "next", false);
    action_button(out, pc, t->step, "undo", "Undo", "undo", true);
}

static void debrief_page(struct strbuf *out, const struct page_ctx *pc, struct team *t)
{
    const struct game *g = t->s.g;
    const struct scenario *sc = g->sc;
    const struct debrief *d = &t->debrief;
    const struct scene *end = game_scene(g);
    char num[64], best[64];
    sb_puts(out, "<h1>");
    html_text(out, end->title[0] ? end->title : "The end");
    sb_puts(out, "</h1>\n");
    html_rendered(out, g->view.text.data ? g->view.text.data : "");
    sb_puts(out, "<section><h2>Verdict: ");
    html_text(out, verdict_name(d->verdict));
    sb_puts(out, "</h2>\n");
    for (int p = 0; p < d->nplayers; p++) {
        const struct debrief_player *dp = &d->players[p];
        sb_puts(out, "<h3>");
        html_text(out, dp->name);
        sb_puts(out, " · ");
        html_text(out, sc->roles[dp->role].name);
        sb_puts(out, "</h3>\n<table><thead><tr><th scope=\"col\">Dimension</th><th scope=\"col\">"
                     "Points</th><th scope=\"col\">Of the best</th></tr></thead><tbody>\n");
        for (int k = 0; k < sc->ndimensions; k++) {
            format_number(num, sizeof num, dp->points[k]);
            sb_puts(out, "<tr><th scope=\"row\">");
            html_text(out, sc->dimensions[k].name);
            sb_puts(out, "</th><td>");
            html_text(out, num);
            sb_puts(out, "</td><td>");
            if (dp->best.points[k] > 0) {
                format_number(best, sizeof best, dp->best.points[k]);
                sb_printf(out, "<meter min=\"0\" max=\"100\" value=\"%.0f\"></meter> %.0f%% of ",
                          debrief_percent(dp->points[k], dp->best.points[k]),
                          debrief_percent(dp->points[k], dp->best.points[k]));
                html_text(out, best);
            }
            sb_puts(out, "</td></tr>\n");
        }
        sb_puts(out, "</tbody></table>\n");
        format_number(num, sizeof num, dp->weighted);
        format_number(best, sizeof best, dp->best.weighted);
        sb_puts(out, "<p><strong>Weighted total: ");
        html_text(out, num);
        sb_puts(out, " of ");
        html_text(out, best);
        sb_printf(out, " possible%s (%.0f%%)", dp->best.exact ? "" : ", estimated", dp->percent);
        if (dp->rating) {
            sb_puts(out, " · Rating: ");
            html_text(out, dp->rating);
        }
        sb_puts(out, "</strong></p>\n");
    }
    sb_puts(out, "</section>\n<section><h2>Decision by decision</h2>\n<ol>\n");
    for (int i = 0; i < g->nlog; i++) {
        const struct decision *dd = &g->log[i];
        sb_puts(out, "<li><p><strong>");
        const char *label = game_decision_label(g, i);
        rendered_inline(out, label, strlen(label));
        sb_puts(out, "</strong>");
        if (dd->timed_out)
            sb_puts(out, " (the timer ran out)");
        sb_puts(out, "</p>\n");
        html_rendered(out, game_feedback(g, i));
        if (dd->best_number != dd->number) {
            sb_puts(out, "<p class=\"muted\">Best here: ");
            const char *bl = game_best_label(g, i);
            rendered_inline(out, bl, strlen(bl));
            sb_puts(out, "</p>\n");
        }
        sb_puts(out, "</li>\n");
    }
    sb_puts(out, "</ol></section>\n");
    action_button(out, pc, t->step, "undo", "Undo the last decision", "undo", true);
    action_button(out, pc, t->step, "restart", "Play again", "restart", true);
}

/* A duet that waits for its partner: the pair code to give them. */
static void pairing_page(struct strbuf *out, struct team *t)
{
    char code[HOST_PAIR_CHARS + 1];
    pthread_mutex_lock(&host.mu); /* the pair code is host.mu's */
    str_copy(code, sizeof code, t->pair);
    pthread_mutex_unlock(&host.mu);
    sb_puts(out, "<h1>Waiting for your partner team</h1>\n<p>Your partner team opens the same "
                 "address, chooses <strong>Join your partner's duet</strong> and types the workshop "
                 "code and this pair code:</p>\n<p class=\"code\" id=\"pair-code\">");
    html_text(out, code);
    sb_puts(out, "</p>\n<p role=\"status\">The game starts for both of you when they join; this "
                 "page follows by itself.</p>\n");
}

void page_team(struct strbuf *out, const struct page_ctx *pc, struct team *t, int seat)
{
    const char *title = host.scenarios[t->scenario].title;
    const struct seat *me = &t->seats[seat];
    bool waiting = t->state == TEAM_STARTING || t->state == TEAM_BUSY || t->has_command;
    /* A page that waits for the run or the partner follows by itself. */
    int refresh = waiting ? 1 : t->state == TEAM_PAIRING || partner_decides(t, seat) ? 2 : 0;
    page_begin(out, pc, title, refresh);
    sb_puts(out, "<p class=\"muted\">Team <strong>");
    html_text(out, me->name);
    sb_puts(out, "</strong> · ");
    html_text(out, host.scenarios[t->scenario].role_names[seat_role(t, seat)]);
    if (t->nseats == 2) {
        sb_puts(out, " · a duet with <strong>");
        html_text(out, t->seats[1 - seat].name);
        sb_puts(out, "</strong>");
    }
    sb_puts(out, " · resume code <strong class=\"code\">");
    html_text(out, me->resume);
    sb_puts(out, "</strong></p>\n");
    if (t->notice[0]) {
        sb_puts(out, "<p role=\"status\">");
        html_text(out, t->notice);
        sb_puts(out, "</p>\n");
        t->notice[0] = '\0';
    }
    if (t->state == TEAM_PAIRING) {
        pairing_page(out, t);
    } else if (waiting) {
        sb_puts(out, "<h1>One moment…</h1>\n<p role=\"status\">The game is working out what "
                     "happens next; this page refreshes by itself.</p>\n<p><a href=\"/play\">Refresh"
                     "</a></p>\n");
    } else if (t->state == TEAM_DECIDE) {
        scene_page(out, pc, t, seat);
    } else if (t->state == TEAM_OUTCOME) {
        outcome_page(out, pc, t);
    } else if (t->state == TEAM_DEBRIEF) {
        debrief_page(out, pc, t);
    } else if (t->state == TEAM_ERROR) {
        sb_puts(out, "<h1>The scenario stopped</h1>\n<p class=\"error\">");
        html_text(out, t->message);
        sb_puts(out, "</p>\n<p>Tell the facilitator. Your decisions so far are saved.</p>\n");
        action_button(out, pc, t->step, "continue", "Go on", "next", false);
    } else {
        sb_puts(out, "<h1>This run is over</h1>\n<p>");
        html_text(out, t->message[0] ? t->message : "Its result file is in the workshop's folder.");
        sb_puts(out, "</p>\n");
    }
    page_end(out);
}

/* How many teams took each option, per scene (from every run's log). */
struct tally {
    int scenario;
    char scene[LIMIT_ID_BYTES + 1];
    char scene_title[160];
    int number;
    char label[200];
    int count;
};

static void tally_add(struct tally **items, int *n, int *cap, int scenario, const char *scene,
                      const char *title, int number, const char *label)
{
    for (int i = 0; i < *n; i++) {
        struct tally *x = &(*items)[i];
        if (x->scenario == scenario && x->number == number && strcmp(x->scene, scene) == 0 &&
            strcmp(x->label, label) == 0) {
            x->count++;
            return;
        }
    }
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *items = xrealloc(*items, (size_t)*cap * sizeof **items);
    }
    struct tally *x = &(*items)[(*n)++];
    x->scenario = scenario;
    str_copy(x->scene, sizeof x->scene, scene);
    str_copy(x->scene_title, sizeof x->scene_title, title);
    x->number = number;
    str_copy(x->label, sizeof x->label, label);
    x->count = 1;
}

static const char *state_name(enum team_state st)
{
    switch (st) {
    case TEAM_DECIDE: return "deciding";
    case TEAM_OUTCOME: return "reading feedback";
    case TEAM_DEBRIEF: return "at the debrief";
    case TEAM_ERROR: return "stopped by an error";
    case TEAM_ENDED: return "left";
    case TEAM_PAIRING: return "waiting for the partner";
    default: return "working";
    }
}

static int tally_order(const void *a, const void *b)
{
    const struct tally *x = a, *y = b;
    if (x->scenario != y->scenario)
        return x->scenario - y->scenario;
    int c = strcmp(x->scene, y->scene);
    return c ? c : x->number - y->number;
}

/* How to join: the address, the code, its QR code and the report's links. */
static void facilitator_join(struct strbuf *out)
{
    sb_puts(out, "<h1>The room</h1>\n<p>Join at <strong>");
    html_text(out, host.base_url);
    sb_puts(out, "</strong> with the workshop code <strong class=\"code\">");
    html_text(out, host.code);
    sb_puts(out, "</strong>. This page refreshes every 5 seconds.</p>\n");
    struct strbuf label;
    sb_init(&label);
    sb_printf(&label, "QR code of the join address, %s", host.base_url);
    sb_puts(out, "<figure class=\"join-qr\">");
    if (qr_svg(out, host.base_url, label.data))
        sb_puts(out, "<figcaption>Scan to join, then type the workshop code.</figcaption>");
    sb_puts(out, "</figure>\n");
    sb_free(&label);
    sb_puts(out, "<nav aria-label=\"Report\"><ul><li><a href=\"/facilitator/report.html\">Report "
                 "(HTML)</a></li><li><a href=\"/facilitator/runs.csv\">Runs (CSV)</a></li>"
                 "<li><a href=\"/facilitator/decisions.csv\">Decisions (CSV)</a></li>"
                 "<li><a href=\"/facilitator/statements.json\">xAPI statements (JSON)</a></li>"
                 "</ul></nav>\n");
}

/* Counts each decision of team t's run in the tally (t locked). */
static void tally_team(const struct team *t, struct tally **items, int *n, int *cap)
{
    for (int k = 0; k < t->s.g->nlog; k++) {
        const struct decision *d = &t->s.g->log[k];
        const struct scene *ds = &t->s.sc->scenes[d->scene];
        char plain[200];
        struct strbuf pl;
        sb_init(&pl);
        text_plain(game_decision_label(t->s.g, k), " ", &pl);
        str_copy(plain, sizeof plain, pl.data ? pl.data : "");
        sb_free(&pl);
        tally_add(items, n, cap, t->scenario, ds->id, ds->title[0] ? ds->title : ds->id, d->number,
                  plain);
    }
}

/* Team t's row (t locked). A duet is one row: both teams, both roles. Its
 * decisions go into the tally when its game can be read. */
static void team_row(struct strbuf *out, const struct team *t, struct tally **items, int *n, int *cap)
{
    const struct host_scenario *hs = &host.scenarios[t->scenario];
    bool readable = t->open && t->state >= TEAM_DECIDE && t->state <= TEAM_ERROR &&
                    !t->has_command;
    sb_puts(out, "<tr><td>");
    for (int k = 0; k < t->nseats; k++) {
        if (k)
            sb_puts(out, " + ");
        html_text(out, t->seats[k].name);
    }
    sb_puts(out, "</td><td>");
    html_text(out, hs->title);
    sb_puts(out, "</td><td>");
    for (int k = 0; k < t->nseats; k++) {
        if (k)
            sb_puts(out, " + ");
        html_text(out, hs->role_names[seat_role(t, k)]);
    }
    sb_puts(out, "</td><td>");
    if (readable) {
        const struct scene *sc = game_scene(t->s.g);
        html_text(out, sc->title[0] ? sc->title : sc->id);
        sb_printf(out, "</td><td>%d</td><td>", t->s.g->nlog);
        if (t->state == TEAM_DECIDE)
            sb_printf(out, "%.0f s", clock_seconds() - t->shown_at);
        else
            html_text(out, state_name(t->state));
        tally_team(t, items, n, cap);
    } else {
        sb_puts(out, "</td><td></td><td>");
        html_text(out, state_name(t->state));
    }
    sb_printf(out, "</td><td>%s</td></tr>\n", t->finished ? "yes" : "no");
}

/* The choices per scene, behind the reveal button: hidden until the
 * facilitator shows them, so that teams do not copy one another. */
static void choices_section(struct strbuf *out, const struct page_ctx *pc, struct tally *items, int n)
{
    sb_puts(out, "<section><h2>Choices per scene</h2>\n");
    sb_puts(out, "<form method=\"post\" action=\"/facilitator/reveal\">");
    csrf_field(out, pc);
    sb_printf(out, "<button type=\"submit\" name=\"reveal\" value=\"%d\">%s</button></form>\n",
              host.reveal ? 0 : 1, host.reveal ? "Hide the counts" : "Reveal the counts");
    if (!host.reveal) {
        sb_puts(out, "<p class=\"muted\">Hidden, so that teams do not copy one another.</p>\n");
    } else if (n == 0) {
        sb_puts(out, "<p>No decision yet.</p>\n");
    } else {
        qsort(items, (size_t)n, sizeof *items, tally_order);
        sb_puts(out, "<table><thead><tr><th scope=\"col\">Scenario</th><th scope=\"col\">Scene"
                     "</th><th scope=\"col\">Option</th><th scope=\"col\">Teams</th></tr></thead>"
                     "<tbody>\n");
        for (int i = 0; i < n; i++) {
            sb_puts(out, "<tr><td>");
            html_text(out, host.scenarios[items[i].scenario].title);
            sb_puts(out, "</td><td>");
            html_text(out, items[i].scene_title);
            sb_printf(out, "</td><td>%d. ", items[i].number);
            html_text(out, items[i].label);
            sb_printf(out, "</td><td>%d</td></tr>\n", items[i].count);
        }
        sb_puts(out, "</tbody></table>\n");
    }
    sb_puts(out, "</section>\n");
}

void page_facilitator(struct strbuf *out, const struct page_ctx *pc)
{
    page_begin(out, pc, "Facilitator", 5);
    facilitator_join(out);
    struct tally *items = NULL;
    int n = 0, cap = 0;
    pthread_mutex_lock(&host.mu);
    int nteams = host.nteams;
    pthread_mutex_unlock(&host.mu);
    sb_puts(out, "<section><h2>Teams</h2>\n");
    if (nteams == 0) /* an empty table under its headers reads as broken on a projector */
        sb_puts(out, "<p>No team has joined yet. Each appears here as soon as it has typed the "
                     "workshop code and its name.</p>\n");
    else
        sb_puts(out, "<table><thead><tr><th scope=\"col\">Team</th>"
                     "<th scope=\"col\">Scenario</th><th scope=\"col\">Role</th><th scope=\"col\">"
                     "Scene</th><th scope=\"col\">Decisions</th><th scope=\"col\">On this "
                     "decision</th><th scope=\"col\">Finished</th></tr></thead><tbody>\n");
    for (int i = 0; i < nteams; i++) {
        struct team *t = host.teams[i];
        pthread_mutex_lock(&t->mu);
        team_row(out, t, &items, &n, &cap);
        pthread_mutex_unlock(&t->mu);
    }
    sb_puts(out, nteams ? "</tbody></table></section>\n" : "</section>\n");
    choices_section(out, pc, items, n);
    free(items);
    page_end(out);
}
