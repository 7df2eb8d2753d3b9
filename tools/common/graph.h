/*
 * graph.h: the scene graph as written: which scene can lead to which. Edges
 * come from each choice's next (a scene id), from the scene ids a next
 * function's code names (as string literals), and from conflict scenes.
 * Used by lint (reachability, endings never targeted) and map.
 */
#ifndef SCALEUP_TOOLS_GRAPH_H
#define SCALEUP_TOOLS_GRAPH_H

#include <stdbool.h>

#include "core/scenario.h"
#include "source.h"

enum edge_kind { EDGE_NEXT, EDGE_NEXT_FN, EDGE_CONFLICT };

struct edge {
    int from, to;
    int choice; /* index into scenario.choices, -1 for a conflict edge */
    enum edge_kind kind;
};

struct scene_graph {
    struct edge *edges;
    int nedges;
    bool *reachable;       /* from start, by any edge */
    int *incoming;         /* edges into each scene from a reachable scene */
    bool *opaque_next;     /* per choice: a next function naming no scene id */
};

void graph_build(const struct scenario *sc, struct source_cache *src, struct scene_graph *g);
void graph_free(struct scene_graph *g);

#endif
