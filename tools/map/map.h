/* map.h: scaleup map SCENARIO (see map.c). */
#ifndef SCALEUP_MAP_H
#define SCALEUP_MAP_H

#include <stdbool.h>

#include "core/scenario.h"
#include "core/util.h"

/* The scene graph as Graphviz DOT. */
void map_dot(const struct scenario *sc, bool top_down, struct strbuf *out);

int cmd_map(int argc, char **argv);

#endif
