/*
 * csv.c: the report as CSV for a spreadsheet: the ranking (one row per
 * player of a run) and every decision (one row each). RFC 4180: fields with
 * a comma, a quote or a line break are quoted, quotes doubled, lines end in
 * CRLF. Dimension columns are the union of every scenario's, by id.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

static void text_field(struct strbuf *out, const char *s)
{
    if (!s)
        return;
    /* A spreadsheet runs a cell starting with one of these as a formula: a
     * team named "=HYPERLINK(...)" must stay a name. */
    bool formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        sb_putc(out, '"');
    if (formula)
        sb_putc(out, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_putc(out, '"');
        sb_putc(out, *p);
    }
    if (quote)
        sb_putc(out, '"');
}

static void number_field(struct strbuf *out, double v)
{
    char num[64];
    format_number(num, sizeof num, v);
    sb_puts(out, num);
}

static void sep(struct strbuf *out)
{
    sb_putc(out, ',');
}

static void end_line(struct strbuf *out)
{
    sb_puts(out, "\r\n");
}

/* Every group's dimensions (or its stats to show), in order of first
 * appearance. */
static int across_groups(const struct report *r, bool stats, const char ***list)
{
    int n = 0;
    *list = NULL;
    for (int gi = 0; gi < r->ngroups; gi++) {
        const struct rep_group *g = &r->groups[gi];
        const char *const *ids = stats ? g->stats : g->dims;
        for (int k = 0; k < (stats ? g->nstats : g->ndims); k++)
            rep_add_unique(list, &n, ids[k]);
    }
    return n;
}

/* The first fields of both forms: the scenario and who played. */
static void who_fields(struct strbuf *out, const struct rep_run *run, const struct rep_player *p)
{
    text_field(out, run->scenario_id);
    sep(out);
    text_field(out, run->scenario_version);
    sep(out);
    text_field(out, p->name);
    sep(out);
    text_field(out, p->role);
}

static void dims_header(struct strbuf *out, const char **dims, int ndims)
{
    for (int d = 0; d < ndims; d++) {
        sep(out);
        text_field(out, dims[d]);
    }
}

/* Points per dimension; an absent one is 0 when the group (the decision's
 * scenario) has that dimension, and empty when zero_group is NULL or not. */
static void dims_fields(struct strbuf *out, const struct rep_score *s, const char **dims, int ndims,
                        const struct rep_group *zero_group)
{
    for (int d = 0; d < ndims; d++) {
        sep(out);
        bool has, in_group = false;
        double v = rep_points(s, dims[d], &has);
        for (int k = 0; zero_group && !has && k < zero_group->ndims; k++)
            in_group = in_group || strcmp(zero_group->dims[k], dims[d]) == 0;
        if (has || in_group)
            number_field(out, v);
    }
}

/* A duet: who the partner was, and how often their secret picks agreed
 * (the same for both rows of the pair); empty fields for a solo run. */
static void duet_fields(struct strbuf *out, const struct rep_row *row)
{
    const struct rep_run *run = row->run;
    if (run->nplayers != 2) {
        sb_puts(out, ",,,");
        return;
    }
    const struct rep_player *partner = &run->players[1 - row->player];
    int agreed, secret;
    rep_run_alignment(run, &agreed, &secret);
    text_field(out, partner->name);
    sep(out);
    text_field(out, partner->role);
    sep(out);
    number_field(out, agreed);
    sep(out);
    number_field(out, secret);
}

/* The columns of report_csv_runs beyond the fixed ones. */
struct run_columns {
    const char **dims, **stats;
    int ndims, nstats;
};

static void run_row(struct strbuf *out, const struct rep_row *row, const struct run_columns *cols)
{
    const struct rep_run *run = row->run;
    const struct rep_player *p = rep_row_player(row);
    number_field(out, row->rank);
    sep(out);
    who_fields(out, run, p);
    sep(out);
    text_field(out, run->ending_id);
    sep(out);
    text_field(out, run->ending_title);
    sep(out);
    text_field(out, run->verdict);
    dims_fields(out, &p->score, cols->dims, cols->ndims, NULL);
    sep(out);
    number_field(out, p->weighted);
    sep(out);
    /* Files older than per-player bests hold a duet's first player's only. */
    if (!isnan(p->best))
        number_field(out, p->best);
    sep(out);
    number_field(out, p->percent);
    sep(out);
    text_field(out, p->rating);
    sep(out);
    if (run->minutes >= 0)
        number_field(out, round(run->minutes * 10) / 10);
    sep(out);
    sb_puts(out, run->finished ? "yes" : "no");
    sep(out);
    int mine = 0;
    for (int j = 0; j < run->ndecisions; j++)
        mine += run->decisions[j].player == row->player;
    number_field(out, mine);
    sep(out);
    number_field(out, run->seed);
    sep(out);
    text_field(out, run->started);
    sep(out);
    text_field(out, run->updated);
    sep(out);
    text_field(out, run->file);
    sep(out);
    duet_fields(out, row);
    dims_fields(out, &run->stats, cols->stats, cols->nstats, NULL);
    end_line(out);
}

void report_csv_runs(const struct report *r, struct strbuf *out)
{
    struct run_columns cols;
    cols.ndims = across_groups(r, false, &cols.dims);
    /* The outcome: each stat the runs hold, at the end of the run. */
    cols.nstats = across_groups(r, true, &cols.stats);
    sb_puts(out, "rank,scenario,version,player,role,ending,ending_title,verdict");
    dims_header(out, cols.dims, cols.ndims);
    sb_puts(out, ",weighted,best,percent,rating,minutes,finished,decisions,seed,started,updated,"
                 "file,partner,partner_role,agreed,secret");
    dims_header(out, cols.stats, cols.nstats);
    end_line(out);
    for (int gi = 0; gi < r->ngroups; gi++)
        for (int i = 0; i < r->groups[gi].nrows; i++)
            run_row(out, &r->groups[gi].rows[i], &cols);
    free((void *)cols.dims);
    free((void *)cols.stats);
}

static void effects_field(struct strbuf *out, const struct rep_score *e)
{
    struct strbuf s;
    sb_init(&s);
    for (int i = 0; i < e->n; i++) {
        char num[64];
        format_signed(num, sizeof num, e->points[i]);
        sb_printf(&s, "%s%s %s", i ? "; " : "", e->dims[i], num);
    }
    text_field(out, s.data ? s.data : "");
    sb_free(&s);
}

void report_csv_decisions(const struct report *r, struct strbuf *out)
{
    const char **dims;
    int ndims = across_groups(r, false, &dims);
    sb_puts(out, "scenario,version,player,role,seed,started,turn,scene,choice,text,offered,best,"
                 "took_best");
    dims_header(out, dims, ndims);
    sb_puts(out, ",seconds,timed_out,effects,file,outcome,stood,choice_id");
    end_line(out);
    for (int gi = 0; gi < r->ngroups; gi++) {
        const struct rep_group *g = &r->groups[gi];
        for (int i = 0; i < g->nrows; i++) {
            const struct rep_row *row = &g->rows[i];
            const struct rep_run *run = row->run;
            const struct rep_player *p = rep_row_player(row);
            for (int j = 0; j < run->ndecisions; j++) {
                const struct rep_decision *d = &run->decisions[j];
                if (d->player != row->player)
                    continue;
                who_fields(out, run, p);
                sep(out);
                number_field(out, run->seed);
                sep(out);
                text_field(out, run->started);
                sep(out);
                number_field(out, d->turn);
                sep(out);
                text_field(out, d->scene);
                sep(out);
                /* The option by its id (format 2), else by its number. */
                if (d->id)
                    text_field(out, d->id);
                else
                    number_field(out, d->choice);
                sep(out);
                text_field(out, d->text);
                sep(out);
                if (d->offered > 0)
                    number_field(out, d->offered);
                sep(out);
                if (d->best_id)
                    text_field(out, d->best_id);
                else if (d->best > 0)
                    number_field(out, d->best);
                sep(out);
                if (rep_has_best(d))
                    sb_puts(out, rep_took_best(d) ? "yes" : "no");
                dims_fields(out, &d->score, dims, ndims, g);
                sep(out);
                number_field(out, d->seconds);
                sep(out);
                sb_puts(out, d->timed_out ? "yes" : "no");
                sep(out);
                effects_field(out, &d->effects);
                sep(out);
                text_field(out, run->file);
                /* A duet's secret decision: agreed, conflict, settled or
                 * coin, and whose pick stood after a settle or a coin. */
                sep(out);
                text_field(out, d->outcome);
                sep(out);
                text_field(out, d->stood);
                /* The option's stable id: what popularity is counted by. */
                sep(out);
                text_field(out, d->choice_id);
                end_line(out);
            }
        }
    }
    free((void *)dims);
}
