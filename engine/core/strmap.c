#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void strmap_init(struct strmap *m)
{
    memset(m, 0, sizeof *m);
}

void strmap_free(struct strmap *m)
{
    free(m->keys);
    free(m->lens);
    free(m->values);
    strmap_init(m);
}

static uint64_t key_hash(const char *key, size_t len)
{
    return hash_bytes(HASH_SEED, key, len);
}

static void grow(struct strmap *m)
{
    struct strmap bigger;
    bigger.cap = m->cap ? m->cap * 2 : 16;
    bigger.count = 0;
    bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
    bigger.lens = xcalloc(bigger.cap, sizeof *bigger.lens);
    bigger.values = xcalloc(bigger.cap, sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            strmap_put(&bigger, m->keys[i], m->lens[i], m->values[i]);
    strmap_free(m);
    *m = bigger;
}

int strmap_put(struct strmap *m, const char *key, size_t len, int value)
{
    if ((m->count + 1) * 4 >= m->cap * 3)
        grow(m);
    size_t mask = m->cap - 1;
    for (size_t i = key_hash(key, len) & mask;; i = (i + 1) & mask) {
        if (!m->keys[i]) {
            m->keys[i] = key;
            m->lens[i] = len;
            m->values[i] = value;
            m->count++;
            return value;
        }
        if (m->lens[i] == len && memcmp(m->keys[i], key, len) == 0)
            return m->values[i];
    }
}

int strmap_get(const struct strmap *m, const char *key, size_t len)
{
    if (!m->cap)
        return -1;
    size_t mask = m->cap - 1;
    for (size_t i = key_hash(key, len) & mask;; i = (i + 1) & mask) {
        if (!m->keys[i])
            return -1;
        if (m->lens[i] == len && memcmp(m->keys[i], key, len) == 0)
            return m->values[i];
    }
}
