/*
 * rng.h: the run's random generator, xoshiro256** 1.0 (Blackman and Vigna,
 * 2018), seeded from a 64-bit seed through splitmix64 as its authors
 * recommend. Every outcome of a run draws from here and nothing else (never
 * rand()), so the same seed and decisions give the same game on any machine.
 */
#ifndef SCALEUP_RNG_H
#define SCALEUP_RNG_H

#include <stdint.h>

struct rng {
    uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);

/* A uniform integer in [lo, hi] (lo <= hi), without modulo bias: Lemire's
 * multiply-shift with rejection ("Fast random integer generation in an
 * interval", 2019). */
int64_t rng_range(struct rng *r, int64_t lo, int64_t hi);

/* splitmix64 step, also used to derive per-playthrough seeds. */
uint64_t rng_mix(uint64_t *state);

#endif
