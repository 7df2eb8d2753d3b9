/*
 * map.c: scaleup map SCENARIO: the scene graph as Graphviz DOT, or SVG
 * through graphviz's dot program: scenes grouped by phase, endings coloured
 * by verdict, edges labelled with the choice, role-only choices marked,
 * unreachable scenes highlighted.
 */
#include "map.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "common/graph.h"
#include "core/catalog.h"
#include "core/loader.h"
#include "core/run.h"
#include "core/text.h"

/* A DOT string literal (the text between the quotes). */
static void dot_escape(struct strbuf *out, const char *s, size_t max_chars)
{
    size_t n = 0;
    for (; *s && n < max_chars; s++, n++) {
        if (*s == '"' || *s == '\\')
            sb_putc(out, '\\');
        if (*s == '\n')
            sb_puts(out, "\\n");
        else if (*s != TEXT_EMPH_ON && *s != TEXT_EMPH_OFF)
            sb_putc(out, *s);
    }
    if (*s)
        sb_puts(out, "...");
}

/* A choice's label as written (static texts; "(text function)" otherwise). */
static void label_text(const struct choice *ch, struct strbuf *out)
{
    if (callback_present(ch->label.fn)) {
        sb_puts(out, "(text function)");
        return;
    }
    for (uint32_t i = 0; i < ch->label.npieces; i++) {
        const struct piece *p = &ch->label.pieces[i];
        if (p->kind == PIECE_LITERAL)
            sb_append(out, ch->label.chars + p->start, p->len);
        else if (p->kind == PIECE_ELSE)
            sb_puts(out, " / ");
        else if (p->kind != PIECE_EMPHASIS && p->kind != PIECE_PARAGRAPH && p->kind != PIECE_IF &&
                 p->kind != PIECE_END)
            sb_puts(out, "{...}");
    }
}

static const char *verdict_color(enum verdict v)
{
    return v == VERDICT_SUCCESS ? "#2e7d32" : v == VERDICT_MIXED ? "#f9a825" : "#c62828";
}

/* What an edge needs and does, one short line each: its conditions
 * (requires, when, once) and the flags it sets and unsets. */
static void edge_conditions(const struct scenario *sc, const struct choice *ch, struct strbuf *out)
{
    if (ch->nrequires || callback_present(ch->when) || ch->once) {
        sb_puts(out, "\\nif ");
        const char *sep = "";
        for (int i = 0; i < ch->nrequires; i++) {
            sb_puts(out, sep);
            dot_escape(out, sc->flags[ch->requires[i]], 30);
            sep = ", ";
        }
        if (callback_present(ch->when)) {
            sb_printf(out, "%swhen()", sep);
            sep = ", ";
        }
        if (ch->once)
            sb_printf(out, "%sonce", sep);
    }
    if (ch->nset || ch->nunset) {
        sb_puts(out, "\\nsets ");
        for (int i = 0; i < ch->nset; i++) {
            sb_puts(out, i ? ", +" : "+");
            dot_escape(out, sc->flags[ch->set[i]], 30);
        }
        for (int i = 0; i < ch->nunset; i++) {
            sb_puts(out, i || ch->nset ? ", -" : "-");
            dot_escape(out, sc->flags[ch->unset[i]], 30);
        }
    }
}

/* A legend of the drawing's conventions, as a cluster of its own. */
static void legend(struct strbuf *out)
{
    sb_puts(out,
            "  subgraph \"cluster_legend\" {\n"
            "    label=\"Legend\"; style=\"rounded\"; color=\"#616161\"; fontsize=12;\n"
            "    node [fontsize=10];\n"
            "    \"legend_start\" [label=\"start scene\", penwidth=3];\n"
            "    \"legend_scene\" [label=\"scene\\npo decides\"];\n"
            "    \"legend_unreachable\" [label=\"unreachable\", color=\"#d50000\", "
            "fillcolor=\"#ffcdd2\", style=\"rounded,filled,dashed\"];\n"
            "    \"legend_success\" [label=\"success\", shape=doubleoctagon, fillcolor=\"#2e7d32\", "
            "fontcolor=\"#ffffff\"];\n"
            "    \"legend_mixed\" [label=\"mixed\", shape=doubleoctagon, fillcolor=\"#f9a825\", "
            "fontcolor=\"#ffffff\"];\n"
            "    \"legend_failure\" [label=\"failure\", shape=doubleoctagon, fillcolor=\"#c62828\", "
            "fontcolor=\"#ffffff\"];\n"
            "    \"legend_start\" -> \"legend_scene\" [label=\"1. a choice\\nif flag\\nsets +flag\"];\n"
            "    \"legend_scene\" -> \"legend_success\" [label=\"role only\", color=\"#1565c0\", "
            "fontcolor=\"#1565c0\", style=\"bold\"];\n"
            "    \"legend_scene\" -> \"legend_mixed\" [label=\"next function\", style=\"dashed\"];\n"
            "    \"legend_scene\" -> \"legend_failure\" [label=\"conflict (duet)\", style=dotted, "
            "color=\"#6a1b9a\"];\n"
            "    \"legend_scene\" -> \"legend_unreachable\" [style=invis];\n"
            "  }\n");
}

/* The graph's name, title and the default look of nodes and edges. */
static void dot_header(const struct scenario *sc, bool top_down, struct strbuf *out)
{
    sb_puts(out, "digraph \"");
    dot_escape(out, sc->id, 64);
    sb_printf(out, "\" {\n  graph [rankdir=%s, fontname=\"DejaVu Sans\", label=\"", top_down ? "TB" : "LR");
    dot_escape(out, sc->title, 80);
    sb_puts(out, "\", labelloc=t, fontsize=20];\n"
                 "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
                 "fontname=\"DejaVu Sans\"];\n"
                 "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n");
}

/* The scenes' phases in the order they first appear (at most cap). */
static int phases_in_order(const struct scenario *sc, const char **phases, int cap)
{
    int nphases = 0;
    for (int s = 0; s < sc->nscenes; s++) {
        const char *p = sc->scenes[s].phase;
        bool seen = false;
        for (int k = 0; k < nphases && !seen; k++)
            seen = strcmp(phases[k], p) == 0;
        if (!seen && nphases < cap)
            phases[nphases++] = p;
    }
    return nphases;
}

/* Scene s's node: its title (and id), who decides, its timer; an ending
 * in its verdict's colour, the start in bold, an unreachable scene in red. */
static void dot_scene(const struct scenario *sc, int s, const struct scene_graph *g, bool in_cluster,
                      struct strbuf *out)
{
    const struct scene *sn = &sc->scenes[s];
    sb_puts(out, in_cluster ? "    \"" : "  \"");
    dot_escape(out, sn->id, 64);
    sb_puts(out, "\" [label=\"");
    dot_escape(out, sn->title[0] ? sn->title : sn->id, 40);
    if (sn->title[0] && strcmp(sn->title, sn->id) != 0) {
        sb_puts(out, "\\n(");
        dot_escape(out, sn->id, 40);
        sb_puts(out, ")");
    }
    if (!sn->is_ending && sn->by >= 0)
        sb_printf(out, "\\n%s decides", sc->roles[sn->by].id);
    else if (!sn->is_ending && sn->by == BY_BOTH)
        sb_puts(out, "\\nboth decide");
    if (sn->timer)
        sb_printf(out, "\\n%d s timer", sn->timer);
    sb_puts(out, "\"");
    if (sn->is_ending)
        sb_printf(out, ", shape=doubleoctagon, fillcolor=\"%s\", fontcolor=\"#ffffff\"",
                  verdict_color(sn->verdict));
    if (s == sc->start)
        sb_puts(out, ", penwidth=3");
    if (!g->reachable[s])
        sb_puts(out, ", color=\"#d50000\", fillcolor=\"#ffcdd2\", style=\"rounded,filled,dashed\", "
                     "xlabel=\"unreachable\"");
    sb_puts(out, "];\n");
}

/* The scenes, each phase in a cluster of its own (scenes without a phase
 * outside any). */
static void dot_scenes(const struct scenario *sc, const struct scene_graph *g, struct strbuf *out)
{
    const char *phases[256];
    int nphases = phases_in_order(sc, phases, 256);
    for (int k = 0; k < nphases; k++) {
        bool cluster = phases[k][0] != '\0';
        if (cluster) {
            sb_printf(out, "  subgraph \"cluster_%d\" {\n    label=\"", k);
            dot_escape(out, phases[k], 60);
            sb_puts(out, "\"; style=\"rounded\"; color=\"#9e9e9e\";\n");
        }
        for (int s = 0; s < sc->nscenes; s++)
            if (strcmp(sc->scenes[s].phase, phases[k]) == 0)
                dot_scene(sc, s, g, cluster, out);
        if (cluster)
            sb_puts(out, "  }\n");
    }
}

/* A choice's edge attributes: its number and text, the roles it is only
 * for, its conditions, and its style. label is scratch space. */
static void dot_choice_edge(const struct scenario *sc, const struct edge *ed, struct strbuf *label,
                            struct strbuf *out)
{
    const struct choice *ch = &sc->choices[ed->choice];
    const struct scene *from = &sc->scenes[ed->from];
    sb_clear(label);
    sb_printf(label, "%d. ", ed->choice - (int)from->first_choice + 1);
    label_text(ch, label);
    sb_puts(out, "label=\"");
    dot_escape(out, label->data, 40);
    if (ch->role_mask != ~0u) {
        sb_puts(out, "\\n[");
        bool first = true;
        for (int r = 0; r < sc->nroles; r++)
            if (ch->role_mask & (1u << r)) {
                sb_printf(out, "%s%s", first ? "" : ", ", sc->roles[r].id);
                first = false;
            }
        sb_puts(out, " only]");
    }
    edge_conditions(sc, ch, out);
    sb_puts(out, "\"");
    /* One style attribute: Graphviz keeps only the last of several. */
    bool role_only = ch->role_mask != ~0u, via_fn = ed->kind == EDGE_NEXT_FN;
    if (role_only)
        sb_puts(out, ", color=\"#1565c0\", fontcolor=\"#1565c0\"");
    if (role_only || via_fn)
        sb_printf(out, ", style=\"%s%s%s\"", role_only ? "bold" : "", role_only && via_fn ? "," : "",
                  via_fn ? "dashed" : "");
}

void map_dot(const struct scenario *sc, bool top_down, struct strbuf *out)
{
    struct source_cache src;
    memset(&src, 0, sizeof src);
    struct scene_graph g;
    graph_build(sc, &src, &g);
    dot_header(sc, top_down, out);
    dot_scenes(sc, &g, out);
    struct strbuf label;
    sb_init(&label);
    for (int e = 0; e < g.nedges; e++) {
        const struct edge *ed = &g.edges[e];
        sb_puts(out, "  \"");
        dot_escape(out, sc->scenes[ed->from].id, 64);
        sb_puts(out, "\" -> \"");
        dot_escape(out, sc->scenes[ed->to].id, 64);
        sb_puts(out, "\" [");
        if (ed->kind == EDGE_CONFLICT)
            sb_puts(out, "label=\"conflict (duet)\", style=dotted, color=\"#6a1b9a\"");
        else
            dot_choice_edge(sc, ed, &label, out);
        sb_puts(out, "];\n");
    }
    legend(out);
    sb_puts(out, "}\n");
    sb_free(&label);
    graph_free(&g);
    source_cache_free(&src);
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: scaleup map SCENARIO [--format dot|svg|png] [--direction lr|tb]\n"
               "                   [--output FILE]\n"
               "\n"
               "Draws the scene graph: scenes grouped by phase, with who decides and timers;\n"
               "endings coloured by verdict (green success, amber mixed, red failure); edges\n"
               "labelled with the choice, its conditions (if flag, when(), once) and the flags\n"
               "it sets; role-only choices in blue, next functions dashed, unreachable scenes\n"
               "in red; a legend explains it all. SVG and PNG need graphviz's dot program\n"
               "(Debian package graphviz).\n"
               "\n"
               "  --format dot|svg|png   default dot\n"
               "  --direction lr|tb      left to right (default) or top to bottom\n"
               "  --output FILE          write to FILE instead of standard output (- is\n"
               "                         standard output; a FIFO or device is written to,\n"
               "                         not replaced)\n");
}

/* Pipes DOT through `dot -T<format>`; false (with why) when dot is missing or fails. */
static bool render(const struct strbuf *dot, const char *format, struct strbuf *svg, char *why,
                   size_t cap)
{
    int in[2], out[2];
    if (pipe(in) || pipe(out)) {
        snprintf(why, cap, "cannot start dot: %s", strerror(errno));
        return false;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        char flag[16];
        snprintf(flag, sizeof flag, "-T%s", format);
        execlp("dot", "dot", flag, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    /* DOT for even a large scenario fits the pipe and dot reads it all
     * before writing, but write in a loop regardless. */
    size_t done = 0;
    while (done < dot->len) {
        ssize_t w = write(in[1], dot->data + done, dot->len - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    close(in[1]);
    char buf[65536];
    ssize_t n;
    while ((n = read(out[0], buf, sizeof buf)) > 0)
        sb_append(svg, buf, (size_t)n);
    close(out[0]);
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        snprintf(why, cap, "--format %s needs graphviz's dot program, which is not installed "
                           "(sudo apt-get install graphviz), or use --format dot", format);
        return false;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(why, cap, "dot failed to draw the graph");
        return false;
    }
    return true;
}

int cmd_map(int argc, char **argv)
{
    const char *format = "dot", *output = NULL;
    bool top_down = false;
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"direction", required_argument, NULL, 'd'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case 'd':
            if (strcmp(optarg, "lr") != 0 && strcmp(optarg, "tb") != 0) {
                cli_error("--direction is lr or tb, not '%s'", optarg);
                return 2;
            }
            top_down = strcmp(optarg, "tb") == 0;
            break;
        case 'h': usage(stdout); return 0;
        default: return cli_option_error("map", c, argv);
        }
    }
    if (strcmp(format, "dot") != 0 && strcmp(format, "svg") != 0 && strcmp(format, "png") != 0) {
        cli_error("--format is dot, svg or png, not '%s'", format);
        return 2;
    }
    if (optind != argc - 1) {
        cli_error("map needs one scenario (see scaleup map --help)");
        return 2;
    }
    int code;
    struct scenario *sc = cli_load_scenario(argv[optind], NULL, &code);
    if (!sc)
        return code;
    struct strbuf dot, svg;
    sb_init(&dot);
    sb_init(&svg);
    map_dot(sc, top_down, &dot);
    scenario_free(sc);
    const struct strbuf *result = &dot;
    if (strcmp(format, "dot") != 0) {
        char why[1024];
        if (!render(&dot, format, &svg, why, sizeof why)) {
            cli_error("%s", why);
            sb_free(&dot);
            sb_free(&svg);
            return 1;
        }
        result = &svg;
    }
    code = 0;
    struct diag err;
    if (!file_write_output(output ? output : "-", result->data, result->len, &err)) {
        cli_error("%s: %s", output ? output : "standard output", err.message);
        code = 1;
    }
    sb_free(&dot);
    sb_free(&svg);
    return code;
}
