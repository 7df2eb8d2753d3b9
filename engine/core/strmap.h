/*
 * strmap.h: a map from strings to small integers (scene, stat, flag, dimension
 * and role ids to their indexes). Open addressing with linear probing; keys are
 * not copied, so they must outlive the map (they live in the scenario's arena).
 */
#ifndef SCALEUP_STRMAP_H
#define SCALEUP_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap {
    const char **keys;
    size_t *lens;
    int *values;
    size_t cap; /* a power of two */
    size_t count;
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* Adds key -> value; returns the existing value instead if key is present. */
int strmap_put(struct strmap *m, const char *key, size_t len, int value);
/* The value, or -1 when absent. */
int strmap_get(const struct strmap *m, const char *key, size_t len);

#endif
