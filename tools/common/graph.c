#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

struct collect {
    const struct scenario *sc;
    struct scene_graph *g;
    int from, choice, cap;
    bool found;
};

static void add_edge(struct scene_graph *g, int *cap, int from, int to, int choice,
                     enum edge_kind kind)
{
    /* Edges of one choice are added together: only they can repeat. */
    for (int i = g->nedges - 1; i >= 0 && g->edges[i].from == from && g->edges[i].choice == choice; i--)
        if (g->edges[i].to == to)
            return;
    if (g->nedges == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        g->edges = xrealloc(g->edges, sizeof *g->edges * (size_t)*cap);
    }
    g->edges[g->nedges++] = (struct edge){from, to, choice, kind};
}

static void literal(void *ctx, const char *s, size_t len, int line, int col)
{
    (void)line, (void)col;
    struct collect *c = ctx;
    char id[LIMIT_ID_BYTES + 1];
    if (len == 0 || len > LIMIT_ID_BYTES)
        return;
    memcpy(id, s, len);
    id[len] = '\0';
    int to = scenario_scene(c->sc, id);
    if (to >= 0) {
        add_edge(c->g, &c->cap, c->from, to, c->choice, EDGE_NEXT_FN);
        c->found = true;
    }
}

void graph_build(const struct scenario *sc, struct source_cache *src, struct scene_graph *g)
{
    memset(g, 0, sizeof *g);
    int cap = 0;
    g->opaque_next = xcalloc(sc->nchoices + 1, sizeof *g->opaque_next);
    for (int s = 0; s < sc->nscenes; s++) {
        const struct scene *sn = &sc->scenes[s];
        for (int i = 0; i < sn->nchoices; i++) {
            int c = (int)sn->first_choice + i;
            const struct choice *ch = &sc->choices[c];
            if (ch->next >= 0) {
                add_edge(g, &cap, s, ch->next, c, EDGE_NEXT);
            } else if (callback_present(ch->next_fn)) {
                struct collect col = {sc, g, s, c, 0, false};
                col.cap = cap;
                source_file_literals(src, sc, ch->next_fn.pos.file, (int)ch->next_fn.pos.line,
                                     (int)ch->next_fn.last_line, literal, &col);
                cap = col.cap;
                g->opaque_next[c] = !col.found;
            }
        }
        if (sn->conflict >= 0)
            add_edge(g, &cap, s, sn->conflict, -1, EDGE_CONFLICT);
    }
    g->reachable = xcalloc((size_t)sc->nscenes + 1, sizeof *g->reachable);
    g->incoming = xcalloc((size_t)sc->nscenes + 1, sizeof *g->incoming);
    if (sc->start < 0)
        return;
    /* Edges by their source scene (a counting sort), for a linear search. */
    int *first = xcalloc((size_t)sc->nscenes + 2, sizeof *first);
    int *order = xmalloc(sizeof *order * (size_t)(g->nedges + 1));
    for (int e = 0; e < g->nedges; e++)
        first[g->edges[e].from + 1]++;
    for (int s = 0; s < sc->nscenes; s++)
        first[s + 1] += first[s];
    int *fill = xmalloc(sizeof *fill * (size_t)(sc->nscenes + 1));
    memcpy(fill, first, sizeof *fill * (size_t)(sc->nscenes + 1));
    for (int e = 0; e < g->nedges; e++)
        order[fill[g->edges[e].from]++] = e;
    free(fill);
    int *queue = xmalloc(sizeof *queue * (size_t)(sc->nscenes + 1));
    int head = 0, tail = 0;
    queue[tail++] = sc->start;
    g->reachable[sc->start] = true;
    while (head < tail) {
        int s = queue[head++];
        for (int k = first[s]; k < first[s + 1]; k++) {
            int e = order[k];
            int to = g->edges[e].to;
            g->incoming[to]++;
            if (!g->reachable[to]) {
                g->reachable[to] = true;
                queue[tail++] = to;
            }
        }
    }
    free(queue);
    free(first);
    free(order);
}

void graph_free(struct scene_graph *g)
{
    free(g->edges);
    free(g->reachable);
    free(g->incoming);
    free(g->opaque_next);
    memset(g, 0, sizeof *g);
}
