#define _GNU_SOURCE /* fopencookie, for --plain's ASCII filter */
#include "term.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "core/recap.h"
#include "core/session.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/watch.h"

/* ANSI styles, used only when color is on. */
#define BOLD "\x1b[1m"
#define DIM "\x1b[2m"
#define ITALIC "\x1b[3m"
#define NOITALIC "\x1b[23m"
#define RESET "\x1b[0m"
#define GREEN "\x1b[32m"
#define YELLOW "\x1b[33m"
#define RED "\x1b[31m"
#define CYAN "\x1b[36m"

void term_init(struct term *t, FILE *in, FILE *out, FILE *err)
{
    memset(t, 0, sizeof *t);
    t->in = in;
    t->out = out;
    t->err = err;
    t->interactive = isatty(fileno(in));
    bool out_tty = isatty(fileno(out));
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    bool dumb = term && strcmp(term, "dumb") == 0;
    t->color = out_tty && !(no_color && no_color[0]) && !dumb;
    t->out_tty = out_tty;
    t->width = 80;
    if (out_tty) {
        struct winsize ws;
        if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
            t->width = ws.ws_col;
    }
    /* COLUMNS, when set, is the width, piped or not. */
    const char *columns = getenv("COLUMNS");
    if (columns && columns[0]) {
        char *end;
        long c = strtol(columns, &end, 10);
        if (!*end && c > 0 && c < 10000) {
            t->width = (int)c;
            t->width_given = true;
        }
    }
    if (t->width > 100)
        t->width = 100; /* lines longer than this are hard to read */
    if (t->width < TERM_MIN_WIDTH)
        t->width = TERM_MIN_WIDTH;
    sb_init(&t->line);
    if (dumb)
        term_set_plain(t);
}

/* --plain's filter on the output: typographic punctuation and accented
 * Latin letters become ASCII, so that a braille display or a speech
 * synthesizer gets plain text. A character split across two writes is
 * held until the rest comes. */
struct ascii_filter {
    FILE *to;
    char held[4];
    size_t nheld;
};

static const char *ascii_for(uint32_t cp)
{
    static const struct {
        uint32_t cp;
        const char *ascii;
    } table[] = {
        {0x00A0, " "}, {0x00A9, "(c)"}, {0x00AB, "\""}, {0x00B7, ","}, {0x00BB, "\""},
        {0x00D7, "x"}, {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"},
        {0x2014, "--"}, {0x2018, "'"}, {0x2019, "'"}, {0x201C, "\""}, {0x201D, "\""},
        {0x2022, "*"}, {0x2026, "..."}, {0x2192, "->"}, {0x20AC, "EUR "}, {0x00A3, "GBP "},
        {0x2264, "<="}, {0x2265, ">="}, {0x2212, "-"}, {0x2039, "<"}, {0x203A, ">"},
    };
    for (size_t i = 0; i < COUNT_OF(table); i++)
        if (table[i].cp == cp)
            return table[i].ascii;
    /* Latin-1 letters with accents: their base letter. */
    static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    static char one[2];
    if (cp >= 0xC0 && cp <= 0xFF) {
        one[0] = latin1[cp - 0xC0];
        return one;
    }
    return "?";
}

static ssize_t ascii_write(void *cookie, const char *buf, size_t n)
{
    struct ascii_filter *f = cookie;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (f->nheld == 0 && c < 0x80) {
            fputc(c, f->to);
            continue;
        }
        if (f->nheld < sizeof f->held)
            f->held[f->nheld++] = (char)c;
        unsigned char lead = (unsigned char)f->held[0];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (f->nheld < need)
            continue;
        char seq[5] = {0};
        memcpy(seq, f->held, f->nheld);
        uint32_t cp;
        utf8_decode(seq, &cp);
        fputs(ascii_for(cp), f->to);
        f->nheld = 0;
    }
    fflush(f->to);
    return (ssize_t)n;
}

static int ascii_close(void *cookie)
{
    free(cookie);
    return 0;
}

void term_set_plain(struct term *t)
{
    if (t->plain)
        return;
    t->plain = true;
    t->color = false;
    struct ascii_filter *f = xcalloc(1, sizeof *f);
    f->to = t->out;
    cookie_io_functions_t io = {.write = ascii_write, .close = ascii_close};
    FILE *out = fopencookie(f, "w", io);
    if (!out) {
        free(f);
        return;
    }
    t->real_out = t->out;
    t->out = out;
}

void term_free(struct term *t)
{
    if (t->real_out) {
        fclose(t->out);
        t->out = t->real_out;
        t->real_out = NULL;
    }
    sb_free(&t->line);
}

/* " · " between items of a line, ", " in plain text. */
static const char *sep(const struct term *t)
{
    return t->plain ? ", " : " · ";
}

static void style(struct term *t, const char *code)
{
    if (t->color)
        fputs(code, t->out);
}

/* Display width of s[0..n) without the emphasis markers. */
static int text_width(const char *s, size_t n)
{
    int w = 0;
    size_t i = 0;
    while (i < n) {
        if (s[i] == TEXT_EMPH_ON || s[i] == TEXT_EMPH_OFF) {
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(s + i, &cp);
        w += utf8_width(cp);
        i += (size_t)len;
    }
    return w;
}

/* Writes s[0..n), turning emphasis markers into styles (or nothing). */
static void put_styled(struct term *t, const char *s, size_t n, bool *emph)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == TEXT_EMPH_ON) {
            *emph = true;
            style(t, ITALIC);
        } else if (s[i] == TEXT_EMPH_OFF) {
            *emph = false;
            style(t, NOITALIC);
        } else {
            fputc(s[i], t->out);
        }
    }
}

static void indent_by(struct term *t, int n)
{
    for (int i = 0; i < n; i++)
        fputc(' ', t->out);
}

/* Word-wraps one paragraph (no '\n' inside), starting at column col (what
 * is already printed on the line), continuing lines at indent. Lines break
 * between words (text_word_end): at spaces, and within Chinese and Japanese.
 * A word longer than a line overflows it rather than being cut. */
static void wrap_paragraph(struct term *t, const char *s, size_t n, int indent, int col,
                           bool *emph)
{
    int width = t->width - 1;
    bool line_empty = true;
    size_t i = 0;
    while (i < n) {
        size_t gap = i;
        while (i < n && s[i] == ' ')
            i++;
        bool spaced = i > gap;
        size_t start = i;
        i += text_word_end(s + i, n - i);
        if (start == i)
            break;
        int w = text_width(s + start, i - start);
        int sep = spaced ? 1 : 0;
        if (!line_empty && col + sep + w > width) {
            fputc('\n', t->out);
            indent_by(t, indent);
            col = indent;
            line_empty = true;
        }
        if (!line_empty && spaced) {
            fputc(' ', t->out);
            col++;
        }
        put_styled(t, s + start, i - start, emph);
        col += w;
        line_empty = false;
    }
    fputc('\n', t->out);
}

void term_wrap(struct term *t, const char *text, int indent)
{
    bool emph = false;
    const char *p = text;
    bool first = true;
    while (*p || first) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (!first)
            fputc('\n', t->out); /* a blank line between paragraphs */
        indent_by(t, indent);
        wrap_paragraph(t, p, n, indent, indent, &emph);
        first = false;
        if (!nl)
            break;
        p = nl + 1;
    }
    if (emph)
        style(t, NOITALIC);
}

/* One line of the program's own, formatted, wrapped at the width with
 * continuation lines at indent (the first line starts at indent too). */
static void say(struct term *t, int indent, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(struct term *t, int indent, const char *fmt, ...)
{
    struct strbuf line;
    sb_init(&line);
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&line, fmt, ap);
    va_end(ap);
    bool emph = false;
    indent_by(t, indent);
    wrap_paragraph(t, line.data ? line.data : "", line.len, indent, indent, &emph);
    sb_free(&line);
}

/* A heading: a rule of ch with the label in it, or in plain text the label
 * alone; a label wider than the line wraps under the rule. */
static void rule(struct term *t, const char *label, const char *ch)
{
    int w = t->width - 1;
    if (t->plain) {
        if (label && label[0])
            say(t, 0, "%s", label);
        return;
    }
    style(t, BOLD);
    int used = 0;
    if (label && label[0] && 4 + text_width(label, strlen(label)) > w) {
        for (int i = 0; i < w; i++)
            fputs(ch, t->out);
        fputc('\n', t->out);
        say(t, 0, "%s", label);
        style(t, RESET);
        return;
    }
    if (label && label[0]) {
        fputs(ch, t->out);
        fputs(ch, t->out);
        fputc(' ', t->out);
        fputs(label, t->out);
        fputc(' ', t->out);
        used = 4 + text_width(label, strlen(label));
    }
    for (int i = used; i < w; i++)
        fputs(ch, t->out);
    style(t, RESET);
    fputc('\n', t->out);
}

bool term_parse_choices(const char *list, struct term_input **out, int *n)
{
    *out = NULL;
    *n = 0;
    int cap = 0;
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        struct term_input in = {'n', 0};
        if (*p == 't' || *p == 'u') {
            in.kind = *p++;
        } else if (isdigit((unsigned char)*p)) {
            long v = 0;
            while (isdigit((unsigned char)*p) && v < 100000)
                v = v * 10 + (*p++ - '0');
            in.number = (int)v;
        } else {
            free(*out);
            *out = NULL;
            return false;
        }
        if (*p && *p != ',' && *p != ' ') {
            free(*out);
            *out = NULL;
            return false;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, sizeof **out * (size_t)cap);
        }
        (*out)[(*n)++] = in;
    }
    return true;
}

/* Reads one line from input; NULL at the end. */
static const char *read_line(struct term *t)
{
    sb_clear(&t->line);
    int c;
    while ((c = fgetc(t->in)) != EOF && c != '\n')
        if (t->line.len < 4096)
            sb_putc(&t->line, (char)c);
    if (c == EOF && t->line.len == 0)
        return NULL;
    while (t->line.len && (t->line.data[t->line.len - 1] == '\r' ||
                           t->line.data[t->line.len - 1] == ' '))
        t->line.data[--t->line.len] = '\0';
    return t->line.data ? t->line.data : "";
}

const char *term_ask(struct term *t, const char *prompt)
{
    fputs(prompt, t->out);
    fflush(t->out);
    const char *l = read_line(t);
    return l ? l : "";
}

/* ----------------------------------------------------------- callbacks */

static void show_begin(void *ctx, struct session *s)
{
    struct term *t = ctx;
    if (t->watch)
        watch_follow(t->watch, s->sc); /* a reload may have added an include */
    const struct scenario *sc = s->sc;
    const struct game *g = s->g;
    fputc('\n', t->out);
    rule(t, sc->title, "═");
    if (sc->summary[0]) {
        term_wrap(t, sc->summary, 0);
    }
    const struct game_player *p = &g->s.players[0];
    style(t, DIM);
    if (g->nplayers > 1) {
        const struct game_player *q = &g->s.players[1];
        say(t, 0, "A duet: %s plays the %s, %s the %s. Seed %llu.", p->name,
                sc->roles[p->role].name, q->name, sc->roles[q->role].name,
                (unsigned long long)g->seed);
    } else {
        say(t, 0, "%s plays the %s. Seed %llu.", p->name, sc->roles[p->role].name,
                (unsigned long long)g->seed);
    }
    style(t, RESET);
    for (int k = 0; k < g->nplayers; k++) {
        const struct game_player *pk = &g->s.players[k];
        if (!sc->roles[pk->role].brief[0])
            continue;
        fputc('\n', t->out);
        if (g->nplayers > 1) {
            style(t, BOLD);
            say(t, 0, "%s, %s:", pk->name, sc->roles[pk->role].name);
            style(t, RESET);
        }
        term_wrap(t, sc->roles[pk->role].brief, 0);
    }
    if (g->nlog > 0) {
        style(t, DIM);
        say(t, 0, "(Resumed after %d decision%s.)", g->nlog, g->nlog == 1 ? "" : "s");
        style(t, RESET);
    }
}

/* The visible stats, and the points unless coaching is off: in an exam the
 * points a choice earned are feedback too, kept for the debrief. */
static void show_hud(struct term *t, const struct game *g, bool points)
{
    const struct scenario *sc = g->sc;
    struct strbuf line;
    sb_init(&line);
    char num[64];
    for (int i = 0; i < sc->nstats; i++) {
        const struct stat_def *st = &sc->stats[i];
        if (st->hidden)
            continue;
        if (line.len)
            sb_puts(&line, sep(t));
        sb_printf(&line, "%s ", st->name);
        recap_stat_value(st, g->s.stats[i], &line);
    }
    style(t, DIM);
    if (line.len)
        term_wrap(t, line.data, 0);
    /* Points: the player's, or in a duet each player's. */
    for (int k = 0; points && k < g->nplayers; k++) {
        const struct game_player *p = &g->s.players[k];
        sb_clear(&line);
        if (g->nplayers > 1)
            sb_printf(&line, "%s: ", p->name);
        for (int d = 0; d < sc->ndimensions; d++) {
            format_number(num, sizeof num, p->score[d]);
            if (d)
                sb_puts(&line, sep(t));
            sb_printf(&line, "%s %s", sc->dimensions[d].name, num);
        }
        term_wrap(t, line.data, 0);
    }
    style(t, RESET);
    sb_free(&line);
}

static void show_scene(struct term *t, const struct session *s)
{
    const struct game *g = s->g;
    const struct scene *sc = game_scene(g);
    fputc('\n', t->out);
    char title[512];
    if (sc->phase[0] && sc->title[0])
        str_format(title, sizeof title, "%s%s%s", sc->phase, t->plain ? ": " : " · ", sc->title);
    else
        str_copy(title, sizeof title, sc->title[0] ? sc->title : sc->phase);
    rule(t, title, "─");
    fputc('\n', t->out);
    /* A text that names each player differently is shown to each, with
     * their choices (decide_secret). */
    if (g->view.text.len && game_text_shared(g)) {
        term_wrap(t, g->view.text.data, 0);
        fputc('\n', t->out);
    }
}

static void show_menu(struct term *t, const struct session *s, const struct game *g,
                      const struct menu *m)
{
    for (int i = 0; i < m->ntotal; i++) {
        const struct offer *o = &m->offers[i];
        struct strbuf item;
        sb_init(&item);
        if (o->locked) {
            sb_printf(&item, "%s (locked: %s)", game_label(g, m, i),
                      g->sc->choices[o->choice].locked);
            style(t, DIM);
            fputs("  -  ", t->out);
        } else {
            style(t, BOLD);
            fprintf(t->out, "%3d. ", i + 1);
            style(t, RESET);
            sb_puts(&item, game_label(g, m, i));
        }
        bool emph = false;
        wrap_paragraph(t, item.data, item.len, 5, 5, &emph);
        style(t, RESET);
        sb_free(&item);
    }
    const struct scene *sc = game_scene(g);
    if (sc->timer) {
        int seconds = session_timer_seconds(s, sc);
        style(t, YELLOW);
        if (!seconds)
            say(t, 0, "Timed decision, but timers are off: take your time.");
        else if (m->timeout)
            say(t, 0, "Timed decision: %d seconds%s. When time runs out, choice %d is taken.",
                seconds, s->opt.timers == TIMERS_SLOW ? " (slowed)" : "", m->timeout);
        else
            say(t, 0, "Timed decision: %d seconds%s.", seconds,
                s->opt.timers == TIMERS_SLOW ? " (slowed)" : "");
        style(t, RESET);
    }
}

enum wait_result { WAIT_INPUT, WAIT_TIMEOUT, WAIT_CHANGED };

/* A timed decision's countdown. On a real terminal (not --plain, not
 * TERM=dumb) the seconds left lead the prompt and are rewritten in place
 * each second, the cursor saved and restored around it so that what the
 * player is typing stays; anywhere else (a pipe, a file, a screen reader)
 * they are printed once in the prompt and no escape code is written. */
struct countdown {
    double deadline; /* 0: untimed */
    int width;       /* digits of the seconds in the prompt; 0: not rewritten */
    int shown;       /* the seconds last shown */
};

static bool countdown_in_place(const struct term *t)
{
    return t->out_tty && !t->plain;
}

static int seconds_left(const struct countdown *cd)
{
    double left = cd->deadline - clock_seconds();
    return left <= 0 ? 0 : (int)ceil(left);
}

static void countdown_update(struct term *t, struct countdown *cd)
{
    int left = seconds_left(cd);
    if (!cd->width || left == cd->shown || left <= 0)
        return;
    cd->shown = left;
    fprintf(t->out, "\0337\r[%*d s]\0338", cd->width, left);
    fflush(t->out);
}

/* Waits for input, for the decision's deadline (cd, or NULL) and for a
 * change of the scenario's files (with --watch). */
static enum wait_result wait_for_input(struct term *t, struct countdown *cd)
{
    bool timed = cd && cd->deadline > 0;
    if (!timed && !t->watch)
        return WAIT_INPUT;
    struct pollfd p[2] = {{fileno(t->in), POLLIN, 0}, {t->watch ? watch_fd(t->watch) : -1, POLLIN, 0}};
    for (;;) {
        int ms = -1;
        if (timed) {
            double left = cd->deadline - clock_seconds();
            if (left <= 0)
                return WAIT_TIMEOUT;
            ms = (int)(left * 1000) + 1;
            /* Wake at the next whole second to show it. */
            double to_next = left - floor(left);
            if (cd->width && to_next > 0 && to_next * 1000 < ms)
                ms = (int)(to_next * 1000) + 1;
        }
        int r = poll(p, t->watch ? 2 : 1, ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0) {
            if (timed)
                countdown_update(t, cd);
            continue;
        }
        if (p[0].revents)
            return WAIT_INPUT;
        if (t->watch && p[1].revents && watch_changed(t->watch))
            return WAIT_CHANGED;
    }
}

bool term_wait_for_change(struct term *t)
{
    say(t, 0, "Fix the file and save it: the game goes on from here (q to quit).");
    fflush(t->out);
    for (;;) {
        enum wait_result w = wait_for_input(t, NULL);
        if (w == WAIT_CHANGED)
            return true;
        const char *line = read_line(t);
        if (!line || strcmp(line, "q") == 0)
            return false;
    }
}

/* A message that is not part of the story. On a terminal it wraps like
 * the rest; piped, it stays one line for scripts that look for it. */
static void print_message(struct term *t, const char *message)
{
    if (t->out_tty || t->width_given) {
        bool emph = false;
        wrap_paragraph(t, message, strlen(message), 0, 0, &emph);
    } else {
        fprintf(t->out, "%s\n", message);
    }
}

/* 'k': the run so far goes into the scenario's tests.lua as a playthrough,
 * so that `scaleup test` replays it from now on. */
static void keep_as_test(struct term *t, struct session *s)
{
    char message[PATH_MAX + 1200];
    session_keep_as_test(s, message, sizeof message);
    print_message(t, message);
}

/* Reads one secret pick: hidden on a terminal (echo off), "(secret)" in a
 * transcript. 0 when the input ended; -1 on a wrong scripted answer;
 * TIMEOUT_PICK for a scripted 't' (the timer ran out for both). */
enum { TIMEOUT_PICK = -2 };

/* "[1-3]", or "[1]" when there is one choice. */
static const char *choice_range(int n, char *buf, size_t cap)
{
    if (n == 1)
        snprintf(buf, cap, "[1]");
    else
        snprintf(buf, cap, "[1-%d]", n);
    return buf;
}

/* Prints a prompt and remembers its width, so that an answer echoed into a
 * transcript goes on the next line when it would not fit. */
static int prompt_width;
static void prompt(struct term *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void prompt(struct term *t, const char *fmt, ...)
{
    char buf[LIMIT_NAME_BYTES + 128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* Wrapped at spaces like the rest, the cursor staying on its last line. */
    int col = 0;
    const char *p = buf;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) + 1 : strlen(p);
        int w = text_width(p, sp ? n - 1 : n);
        if (col > 0 && col + w > t->width - 1) {
            fputc('\n', t->out);
            col = 0;
        }
        fwrite(p, 1, n, t->out);
        col += text_width(p, n);
        p += n;
    }
    prompt_width = col;
}

static void echo_answer(struct term *t, const char *answer)
{
    if (prompt_width + text_width(answer, strlen(answer)) > t->width - 1)
        fputc('\n', t->out);
    fprintf(t->out, "%s\n", answer);
}

/* While a secret pick hides what is typed, a signal that ends the program
 * (Ctrl+C, Ctrl+\\, a hang-up, kill) first gives the terminal its echo back,
 * then ends it as it would have. tcsetattr is async-signal-safe. */
static struct termios echo_saved;
static volatile sig_atomic_t echo_fd = -1;
static const int echo_signals[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP};

static void restore_echo_and_die(int sig)
{
    if (echo_fd >= 0)
        tcsetattr(echo_fd, TCSANOW, &echo_saved);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void hide_input(int fd, const struct termios *saved, struct sigaction *old)
{
    echo_saved = *saved;
    echo_fd = fd;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = restore_echo_and_die;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < COUNT_OF(echo_signals); i++)
        sigaction(echo_signals[i], &sa, &old[i]);
    struct termios quiet = *saved;
    quiet.c_lflag &= (tcflag_t)~ECHO;
    tcsetattr(fd, TCSANOW, &quiet);
}

static void show_input(const struct sigaction *old)
{
    tcsetattr(echo_fd, TCSANOW, &echo_saved);
    echo_fd = -1;
    for (size_t i = 0; i < COUNT_OF(echo_signals); i++)
        sigaction(echo_signals[i], &old[i], NULL);
}

static int read_secret_pick(struct term *t, struct session *s, int p)
{
    char range[32];
    const struct game *g = s->g;
    const struct menu *m = &g->view.menu[p];
    const struct game_player *pl = &g->s.players[p];
    for (;;) {
        prompt(t, "%s's secret pick %s: ", pl->name, choice_range(m->nopen, range, sizeof range));
        fflush(t->out);
        if (t->script) {
            if (t->next >= t->nscript) {
                fputc('\n', t->out);
                t->input_ended = true;
                return 0;
            }
            const struct term_input *in = &t->script[t->next++];
            if (in->kind == 't' && p == 0 && session_timer_seconds(s, game_scene(g))) {
                echo_answer(t, "t");
                return TIMEOUT_PICK;
            }
            echo_answer(t, "(secret)");
            if (in->kind == 'n' && in->number >= 1 && in->number <= m->nopen)
                return in->number;
            fflush(t->out);
            fprintf(t->err, "scaleup: error: a secret pick at scene '%s' (decision %d) must be one "
                            "of the choices 1 to %d\n",
                    game_scene(g)->id, g->nlog + 1, m->nopen);
            t->bad_input = true;
            return -1;
        }
        struct termios saved;
        struct sigaction old[COUNT_OF(echo_signals)];
        bool hide = t->interactive && tcgetattr(fileno(t->in), &saved) == 0;
        if (hide)
            hide_input(fileno(t->in), &saved, old);
        const char *line = read_line(t);
        if (hide) {
            show_input(old);
            fputc('\n', t->out);
        } else if (line) {
            echo_answer(t, "(secret)");
        }
        if (!line) {
            if (t->interactive)
                t->quit = true;
            else
                t->input_ended = true;
            return 0;
        }
        if (p == 0 && (strcmp(line, "k") == 0 || strcmp(line, "keep") == 0)) {
            keep_as_test(t, s);
            continue;
        }
        char *end;
        long n = strtol(line, &end, 10);
        if (end != line && *end == '\0' && n >= 1 && n <= m->nopen)
            return (int)n;
        if (!t->interactive) {
            fflush(t->out);
            fprintf(t->err, "scaleup: error: '%s' at scene '%s' (decision %d) is not one of the "
                            "choices 1 to %d\n",
                    line, game_scene(g)->id, g->nlog + 1, m->nopen);
            t->bad_input = true;
            return -1;
        }
        say(t, 0, "Please type a number from 1 to %d.", m->nopen);
    }
}

/* A duet scene both players decide: each sees their own role's choices and
 * picks in secret; nothing shows which until both have picked. */
static struct fe_command decide_secret(struct term *t, struct session *s)
{
    const struct game *g = s->g;
    int picks[GAME_MAX_PLAYERS] = {0, 0};
    style(t, BOLD);
    say(t, 0, "Both of you decide here, in secret.");
    style(t, RESET);
    for (int p = 0; p < g->nplayers; p++) {
        const struct game_player *pl = &g->s.players[p];
        fputc('\n', t->out);
        style(t, BOLD);
        say(t, 0, "%s, %s:", pl->name, g->sc->roles[pl->role].name);
        style(t, RESET);
        if (!game_text_shared(g)) {
            term_wrap(t, game_text_for(g, p), 0);
            fputc('\n', t->out);
        }
        show_menu(t, s, g, &g->view.menu[p]);
        picks[p] = read_secret_pick(t, s, p);
        if (picks[p] == TIMEOUT_PICK) {
            struct fe_command c = fe_command(FE_TIMEOUT);
            c.seconds = game_scene(g)->timer;
            return c;
        }
        if (picks[p] <= 0) {
            if (picks[p] == 0 && !t->quit)
                t->input_ended = true;
            return fe_command(FE_QUIT);
        }
    }
    struct fe_command c = fe_command(FE_CHOOSE);
    c.number = picks[0];
    c.number2 = picks[1];
    c.seconds = t->interactive && !t->script ? -1 : 0;
    return c;
}

/* The choice prompt, with the seconds left when the timer runs. */
static void prompt_choice(struct term *t, const struct menu *m, struct countdown *cd, int seconds)
{
    char range[32];
    choice_range(m->nopen, range, sizeof range);
    if (cd->deadline > 0 && countdown_in_place(t)) {
        int left = seconds_left(cd);
        int width = snprintf(NULL, 0, "%d", seconds);
        char line[96];
        snprintf(line, sizeof line, "[%*d s] Your choice %s: ", width, left, range);
        prompt(t, "%s", line);
        /* Rewritten in place only while the prompt is one line. */
        cd->width = prompt_width == text_width(line, strlen(line)) ? width : 0;
        cd->shown = left;
    } else if (cd->deadline > 0) {
        int left = seconds_left(cd);
        prompt(t, "Your choice %s (%d second%s left): ", range, left, left == 1 ? "" : "s");
    } else {
        prompt(t, "Your choice %s: ", range);
    }
    fflush(t->out);
}

/* The next answer, from the script or the input (buf holds a scripted
 * one); NULL when there is none, with *stop what the run does instead: the
 * input ended, the time ran out or the scenario changed. */
static const char *next_answer(struct term *t, struct countdown *cd, char *buf, size_t cap,
                               struct fe_command *stop)
{
    if (t->script) {
        if (t->next >= t->nscript) {
            fputc('\n', t->out);
            t->input_ended = true;
            *stop = fe_command(FE_QUIT);
            return NULL;
        }
        const struct term_input *in = &t->script[t->next++];
        if (in->kind == 'n')
            snprintf(buf, cap, "%d", in->number);
        else
            snprintf(buf, cap, "%c", in->kind);
        echo_answer(t, buf);
        return buf;
    }
    enum wait_result w = wait_for_input(t, cd);
    if (w == WAIT_TIMEOUT) {
        fprintf(t->out, "\nTime is up.\n");
        *stop = fe_command(FE_TIMEOUT);
        return NULL;
    }
    if (w == WAIT_CHANGED) {
        fprintf(t->out, "\nThe scenario changed: reloading.\n");
        *stop = fe_command(FE_RELOAD);
        return NULL;
    }
    const char *line = read_line(t);
    if (!line) {
        fputc('\n', t->out);
        if (t->interactive)
            t->quit = true;
        else
            t->input_ended = true;
        *stop = fe_command(FE_QUIT);
        return NULL;
    }
    if (!t->interactive)
        echo_answer(t, line);
    return line;
}

enum answer {
    ANSWER_COMMAND, /* *c is what the run does */
    ANSWER_AGAIN,   /* answered here (help, keep, nothing to undo): ask again */
    ANSWER_UNKNOWN, /* not a choice offered nor a command */
};

/* What an answer at the choice prompt (line, not empty) means. */
static enum answer understand_answer(struct term *t, struct session *s, const struct menu *m,
                                     const char *line, struct fe_command *c)
{
    const struct game *g = s->g;
    const struct scene *sc = game_scene(g);
    char *end;
    long n = strtol(line, &end, 10);
    if (end != line && *end == '\0') {
        if (n < 1 || n > m->nopen)
            return ANSWER_UNKNOWN;
        *c = fe_command(FE_CHOOSE);
        c->number = (int)n;
        if (t->script || !t->interactive)
            c->seconds = 0;
        return ANSWER_COMMAND;
    }
    if (strcmp(line, "t") == 0 && session_timer_seconds(s, sc)) {
        *c = fe_command(FE_TIMEOUT);
        c->seconds = sc->timer;
        return ANSWER_COMMAND;
    }
    if (strcmp(line, "u") == 0 || strcmp(line, "undo") == 0) {
        if (g->nlog == 0) {
            fprintf(t->out, "Nothing to undo yet.\n");
            return ANSWER_AGAIN;
        }
        fprintf(t->out, "Undone: %s\n", "the last decision");
        *c = fe_command(FE_UNDO);
        return ANSWER_COMMAND;
    }
    if (strcmp(line, "q") == 0 || strcmp(line, "quit") == 0) {
        t->quit = true;
        *c = fe_command(FE_QUIT);
        return ANSWER_COMMAND;
    }
    if (strcmp(line, "k") == 0 || strcmp(line, "keep") == 0) {
        keep_as_test(t, s);
        return ANSWER_AGAIN;
    }
    if (strcmp(line, "?") == 0 || strcmp(line, "help") == 0) {
        char help[300];
        str_format(help, sizeof help, "Type the number of a choice. Also: u = undo, q = quit%s%s.",
                   s->g->nplayers == 1 ? ", k = keep the run so far as a playthrough test" : "",
                   session_timer_seconds(s, sc) ? ", t = let the time run out" : "");
        print_message(t, help);
        return ANSWER_AGAIN;
    }
    return ANSWER_UNKNOWN;
}

static struct fe_command decide(void *ctx, struct session *s)
{
    struct term *t = ctx;
    const struct game *g = s->g;
    show_scene(t, s);
    show_hud(t, g, s->opt.coaching);
    fputc('\n', t->out);
    if (game_is_secret(g))
        return decide_secret(t, s);
    if (g->nplayers > 1) {
        const struct game_player *d = &g->s.players[g->view.decider];
        style(t, BOLD);
        say(t, 0, "%s (%s) decides here.", d->name, g->sc->roles[d->role].name);
        style(t, RESET);
    }
    const struct menu *m = game_menu(g);
    show_menu(t, s, g, m);
    const struct scene *sc = game_scene(g);
    /* The timer runs on a terminal only (a pipe or a --choices list waits). */
    struct countdown cd = {0, 0, 0};
    int seconds = session_timer_seconds(s, sc);
    if (seconds > 0 && t->interactive && !t->script)
        cd.deadline = clock_seconds() + seconds;
    for (;;) {
        prompt_choice(t, m, &cd, seconds);
        char buf[32];
        struct fe_command c;
        const char *line = next_answer(t, &cd, buf, sizeof buf, &c);
        if (!line)
            return c;
        while (*line == ' ')
            line++;
        if (!*line)
            continue;
        enum answer a = understand_answer(t, s, m, line, &c);
        if (a == ANSWER_COMMAND)
            return c;
        if (a == ANSWER_AGAIN)
            continue;
        if (t->interactive && !t->script) {
            say(t, 0, "Please type a number from 1 to %d (or ? for help).", m->nopen);
            continue;
        }
        /* A script or a pipe that gives a wrong answer is a usage error: a
         * transcript must never silently diverge. */
        fflush(t->out);
        fprintf(t->err, "scaleup: error: '%s' at scene '%s' (decision %d) is not one of the "
                        "choices 1 to %d\n",
                line, sc->id, g->nlog + 1, m->nopen);
        t->bad_input = true;
        return fe_command(FE_QUIT);
    }
}

/* The changes (recap_changes) of points and stats joined onto out. */
static void changes_text(const struct term *t, const struct scenario *sc, const double *score,
                         const double *stat_delta, struct strbuf *out)
{
    struct changes c;
    recap_changes(sc, score, stat_delta, &c);
    recap_join(&c, sep(t), out);
}

/* "+3 Vision · Team morale +5 · Runway -1": what a choice did. */
static void changes_line(const struct term *t, const struct scenario *sc, const struct decision *d, struct strbuf *out)
{
    changes_text(t, sc, d->score, d->stat_delta, out);
}

/* "Meanwhile: Runway +24": what changed as the next scene began, kept apart
 * so that it does not read as the choice's doing. Nothing when nothing did. */
static void meanwhile_line(const struct term *t, const struct scenario *sc, const struct decision *d, struct strbuf *out)
{
    struct strbuf stats;
    sb_init(&stats);
    changes_text(t, sc, NULL, d->enter_delta, &stats);
    if (stats.len)
        sb_printf(out, "Meanwhile: %s", stats.data);
    sb_free(&stats);
}

/* A line of changes ("+3 Vision · Runway -1", "Meanwhile: ..."), indented
 * two columns, in the changes' colour; nothing when line is empty. */
static void print_changes(struct term *t, const struct strbuf *line)
{
    if (!line->len)
        return;
    style(t, CYAN);
    say(t, 2, "%s", line->data);
    style(t, RESET);
}

static void show_secret_outcome(struct term *t, const struct game *g, const struct decision *d)
{
    const struct scenario *sc = g->sc;
    fputc('\n', t->out);
    struct strbuf line;
    sb_init(&line);
    for (int p = 0; p < g->nplayers; p++) {
        const struct game_player *pl = &g->s.players[p];
        sb_clear(&line);
        sb_printf(&line, "%s picked %d: %s", pl->name, d->pick[p].number,
                  g->log_text.data + d->pick[p].label);
        bool emph = false;
        fputs("  ", t->out);
        wrap_paragraph(t, line.data, line.len, 4, 2, &emph);
    }
    sb_clear(&line);
    recap_duet_outcome(g, d, &line);
    style(t, BOLD);
    say(t, 2, "%s", line.data);
    style(t, RESET);
    sb_clear(&line);
    changes_text(t, sc, NULL, d->stat_delta, &line);
    print_changes(t, &line);
    for (int p = 0; p < g->nplayers; p++) {
        const struct game_player *pl = &g->s.players[p];
        sb_clear(&line);
        changes_text(t, sc, d->pick[p].score, NULL, &line);
        style(t, BOLD);
        say(t, 2, "%s%s%s", pl->name, line.len ? ": " : "", line.len ? line.data : "");
        style(t, RESET);
        const char *fb = g->log_text.data + d->pick[p].feedback;
        if (fb[0])
            term_wrap(t, fb, 4);
    }
    sb_clear(&line);
    meanwhile_line(t, sc, d, &line);
    print_changes(t, &line);
    sb_free(&line);
}

static struct fe_command outcome(void *ctx, struct session *s)
{
    struct term *t = ctx;
    const struct game *g = s->g;
    int i = g->nlog - 1;
    const struct decision *d = &g->log[i];
    if (d->secret) {
        show_secret_outcome(t, g, d);
        return fe_command(FE_CONTINUE);
    }
    struct strbuf line;
    sb_init(&line);
    changes_line(t, g->sc, d, &line);
    fputc('\n', t->out);
    print_changes(t, &line);
    const char *fb = game_feedback(g, i);
    if (fb[0])
        term_wrap(t, fb, 2);
    sb_clear(&line);
    meanwhile_line(t, g->sc, d, &line);
    print_changes(t, &line);
    sb_free(&line);
    return fe_command(FE_CONTINUE);
}

static void bar(struct term *t, double share, int width)
{
    int full = (int)floor(share * width + 0.5);
    if (full < 0)
        full = 0;
    if (full > width)
        full = width;
    style(t, GREEN);
    for (int i = 0; i < full; i++)
        fputs("█", t->out);
    style(t, DIM);
    for (int i = full; i < width; i++)
        fputs("░", t->out);
    style(t, RESET);
}

/* What game.cause attributed to decision i, under it. */
static void print_caused(struct term *t, const struct game *g, int i)
{
    struct strbuf lines;
    sb_init(&lines);
    int n = debrief_caused(g, i, &lines);
    const char *at = lines.data;
    for (int k = 0; k < n; k++) {
        size_t len = strlen(at);
        style(t, CYAN);
        indent_by(t, 5);
        bool emph = false;
        wrap_paragraph(t, at, len, 5, 5, &emph);
        style(t, RESET);
        at += len + 1;
    }
    sb_free(&lines);
}

/* The scenes' discuss questions, for the room (coaching on). */
static void print_questions(struct term *t, const struct game *g)
{
    struct strbuf qs;
    sb_init(&qs);
    int n = debrief_questions(g, &qs);
    if (n) {
        fputc('\n', t->out);
        style(t, BOLD);
        fputs("For discussion\n", t->out);
        style(t, RESET);
    }
    const char *at = qs.data;
    for (int k = 0; k < n; k++) {
        size_t len = strlen(at);
        fputs("  - ", t->out);
        bool emph = false;
        wrap_paragraph(t, at, len, 4, 4, &emph);
        at += len + 1;
    }
    sb_free(&qs);
}

/* A debrief line under a decision, wrapped at column col in a colour. */
static void debrief_note(struct term *t, const char *color, const struct strbuf *line, int col)
{
    style(t, color);
    indent_by(t, col);
    bool emph = false;
    wrap_paragraph(t, line->data, line->len, col, col, &emph);
    style(t, RESET);
}

/* What the debrief says of decision i's best choice (pick p of a secret
 * decision, or -1), at column col. A duet's pick says nothing when it was
 * the best (the two picks' lines stay short). */
static void print_best(struct term *t, const struct game *g, int i, int p, int col)
{
    struct strbuf line;
    sb_init(&line);
    const double *score;
    switch (recap_best(g, i, p, &line, &score)) {
    case RECAP_BEST_LOCKED:
        /* The best was locked: say so, and why, rather than call an open
         * option the best. */
        debrief_note(t, YELLOW, &line, col);
        break;
    case RECAP_BEST_TAKEN:
        if (p < 0)
            debrief_note(t, GREEN, &line, col);
        break;
    case RECAP_BEST_OTHER: {
        struct strbuf ch;
        sb_init(&ch);
        changes_text(t, g->sc, score, NULL, &ch);
        if (ch.len)
            sb_printf(&line, " (%s)", ch.data);
        sb_free(&ch);
        debrief_note(t, YELLOW, &line, col);
        break;
    }
    case RECAP_BEST_NONE: break;
    }
    sb_free(&line);
}

/* "  3. " and a decision's heading wrapped after it. */
static void print_numbered(struct term *t, int i, const struct strbuf *line)
{
    fputc('\n', t->out);
    fprintf(t->out, "%3d. ", i + 1);
    bool emph = false;
    wrap_paragraph(t, line->data, line->len, 5, 5, &emph);
}

/* "SCENE: ", where decision i was taken, the start of its debrief line. */
static void debrief_where(const struct game *g, int i, struct strbuf *line)
{
    const struct scene *where = &g->sc->scenes[g->log[i].scene];
    sb_printf(line, "%s: ", where->title[0] ? where->title : where->id);
}

/* A duet's secret decision in the debrief: both picks, how it was settled,
 * each feedback and each player's best choice. */
static void debrief_secret(struct term *t, const struct game *g, int i)
{
    const struct scenario *sc = g->sc;
    const struct decision *dec = &g->log[i];
    struct strbuf line, ch;
    sb_init(&line);
    sb_init(&ch);
    debrief_where(g, i, &line);
    recap_duet_outcome(g, dec, &line);
    print_numbered(t, i, &line);
    for (int p = 0; p < g->nplayers; p++) {
        const struct game_player *pl = &g->s.players[p];
        sb_clear(&line);
        sb_clear(&ch);
        changes_text(t, sc, dec->pick[p].score, NULL, &ch);
        sb_printf(&line, "%s: %s%s%s%s", pl->name, g->log_text.data + dec->pick[p].label,
                  ch.len ? " (" : "", ch.len ? ch.data : "", ch.len ? ")" : "");
        indent_by(t, 5);
        bool emph = false;
        wrap_paragraph(t, line.data, line.len, 7, 5, &emph);
        const char *fb = g->log_text.data + dec->pick[p].feedback;
        if (fb[0])
            term_wrap(t, fb, 7);
        print_best(t, g, i, p, 7);
    }
    print_caused(t, g, i);
    sb_free(&line);
    sb_free(&ch);
}

/* A decision in the debrief: the scene, the choice and its changes, the
 * feedback, the best choice and what game.cause tied to it. */
static void debrief_decision(struct term *t, const struct game *g, int i)
{
    const struct scenario *sc = g->sc;
    const struct decision *dec = &g->log[i];
    struct strbuf line, ch;
    sb_init(&line);
    sb_init(&ch);
    debrief_where(g, i, &line);
    sb_puts(&line, game_decision_label(g, i));
    changes_line(t, sc, dec, &ch);
    if (ch.len)
        sb_printf(&line, " (%s)", ch.data);
    if (dec->timed_out)
        sb_puts(&line, " [time ran out]");
    print_numbered(t, i, &line);
    const char *fb = game_feedback(g, i);
    if (fb[0])
        term_wrap(t, fb, 5);
    print_best(t, g, i, -1, 5);
    print_caused(t, g, i);
    sb_free(&ch);
    sb_free(&line);
}

/* A player's points: a bar a dimension (words in plain text or when the
 * line is too narrow), the bars' note, the total and the rating. */
static void debrief_player(struct term *t, const struct scenario *sc, const struct debrief_player *dp)
{
    char num[64];
    fputc('\n', t->out);
    style(t, BOLD);
    say(t, 0, "%s%s%s", dp->name, sep(t), sc->roles[dp->role].name);
    style(t, RESET);
    int namew = 0;
    for (int k = 0; k < sc->ndimensions; k++) {
        int w = text_width(sc->dimensions[k].name, strlen(sc->dimensions[k].name));
        if (w > namew)
            namew = w;
    }
    for (int k = 0; k < sc->ndimensions; k++) {
        const char *name = sc->dimensions[k].name;
        format_number(num, sizeof num, dp->points[k]);
        const char *tail = dp->bar_label[k];
        /* The bar takes what the line leaves, at most 20 columns; in
         * plain text, or with fewer than 5 left, the line is words. */
        int barw = t->width - 1 - (2 + namew + 1 + 4 + 2) - 2 - (int)strlen(tail);
        if (barw > 20)
            barw = 20;
        if (t->plain || barw < 5) {
            /* "6 of 8 · 75%" in words: "Vision: 6 of 8 points (75%)". */
            const char *dot = strstr(tail, " \u00b7 ");
            if (dot)
                say(t, 2, "%s: %.*s points (%s)", name, (int)(dot - tail), tail, dot + strlen(" \u00b7 "));
            else
                say(t, 2, "%s: %s points (%s)", name, num, tail);
            continue;
        }
        fprintf(t->out, "  %s", name);
        indent_by(t, namew - text_width(name, strlen(name)));
        fprintf(t->out, " %4s  ", num);
        bar(t, dp->share[k], barw);
        fprintf(t->out, "  %s\n", tail);
    }
    say(t, 2, "%s", DEBRIEF_BARS_NOTE);
    style(t, BOLD);
    say(t, 2, "%s (%s)%s%s%s", dp->total, dp->headline, dp->rating ? sep(t) : "",
        dp->rating ? "Rating: " : "", dp->rating ? dp->rating : "");
    style(t, RESET);
}

/* After the debrief, at a prompt: finish, undo, play again or keep the run. */
static struct fe_command debrief_ask(struct term *t, struct session *s)
{
    for (;;) {
        /* A duet cannot be kept (a playthrough has one role). */
        const char *a = term_ask(t, s->g->nplayers == 1
                                        ? "Enter to finish, u to undo the last decision, r to "
                                          "play again, k to keep this run as a playthrough "
                                          "test: "
                                        : "Enter to finish, u to undo the last decision, r to "
                                          "play again: ");
        if (strcmp(a, "k") == 0) {
            keep_as_test(t, s);
            continue;
        }
        if (strcmp(a, "u") == 0)
            return fe_command(FE_UNDO);
        if (strcmp(a, "r") == 0)
            return fe_command(FE_RESTART);
        if (!a[0] || strcmp(a, "q") == 0)
            return fe_command(FE_QUIT);
    }
}

static struct fe_command debrief(void *ctx, struct session *s, const struct debrief *d)
{
    struct term *t = ctx;
    const struct game *g = s->g;
    const struct scenario *sc = g->sc;
    const struct scene *end = game_scene(g);
    fputc('\n', t->out);
    rule(t, end->title[0] ? end->title : "The end", "═");
    fputc('\n', t->out);
    if (g->view.text.len) {
        term_wrap(t, g->view.text.data, 0);
        fputc('\n', t->out);
    }
    const char *vcolor = d->verdict == VERDICT_SUCCESS ? GREEN : d->verdict == VERDICT_MIXED ? YELLOW : RED;
    style(t, BOLD);
    style(t, vcolor);
    say(t, 0, "Verdict: %s", verdict_name(d->verdict));
    style(t, RESET);
    for (int p = 0; p < d->nplayers; p++)
        debrief_player(t, sc, &d->players[p]);
    if (d->secret_decisions) {
        fputc('\n', t->out);
        struct strbuf where;
        sb_init(&where);
        recap_disagreed_at(g, &where);
        say(t, 0, "Alignment: your secret picks agreed %d of %d times (%.0f%%).%s%s", d->agreed,
            d->secret_decisions, d->alignment * 100, where.len ? " " : "", where.len ? where.data : "");
        sb_free(&where);
    }
    if (g->nlog) {
        fputc('\n', t->out);
        style(t, BOLD);
        fputs("Decision by decision\n", t->out);
        style(t, RESET);
    }
    for (int i = 0; i < g->nlog; i++) {
        if (g->log[i].secret)
            debrief_secret(t, g, i);
        else
            debrief_decision(t, g, i);
    }
    if (s->opt.coaching)
        print_questions(t, g);
    fputc('\n', t->out);
    if (t->interactive && !t->script)
        return debrief_ask(t, s);
    fflush(t->out);
    return fe_command(FE_QUIT);
}

static struct fe_command error(void *ctx, struct session *s, const struct diag *d)
{
    struct term *t = ctx;
    (void)s;
    struct strbuf line;
    sb_init(&line);
    diag_format(d, false, &line);
    fflush(t->out);
    fprintf(t->err, "%s\n", line.data);
    fflush(t->err);
    sb_free(&line);
    /* With --watch the author fixes the file and the game goes on. */
    if (t->watch && !t->script)
        return fe_command(term_wait_for_change(t) ? FE_RELOAD : FE_QUIT);
    return fe_command(FE_QUIT);
}

static void notice(void *ctx, struct session *s, const char *message)
{
    struct term *t = ctx;
    (void)s;
    style(t, YELLOW);
    print_message(t, message);
    style(t, RESET);
}

struct frontend term_frontend(struct term *t)
{
    struct frontend fe = {
        .ctx = t,
        .begin = show_begin,
        .decide = decide,
        .outcome = outcome,
        .debrief = debrief,
        .error = error,
        .notice = notice,
    };
    return fe;
}
