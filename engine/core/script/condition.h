/*
 * condition.h: the `when` functions the engine answers without running Lua.
 *
 * The most frequent condition a scenario writes compares one stat with a
 * small whole number:
 *
 *     when = function(game) return game.stats.morale >= 48 end
 *
 * Calling it costs about 1,750 instructions (the protected call, the count
 * hook at every Lua instruction, game.stats.morale read through two
 * metatables and a call into C), for an answer a comparison of two numbers
 * gives. A function whose bytecode is exactly that shape, as this Lua
 * library compiles it (<, <=, >, >= or == against a whole number it codes
 * in the instruction itself, on a stat the scenario has), is answered from
 * the game's stats instead: the same answer (the stat is read as the
 * double the game keeps, which is the number Lua would compare), and
 * nothing else a call could do (it reads nothing else, calls nothing and
 * cannot fail). Any other function, or a library whose bytecode does not
 * look as expected, is called as before.
 *
 * The shape is learnt from this Lua library itself: probe functions of the
 * five comparisons are compiled and dumped (lua_dump), and a function
 * matches when its dump has their instructions, with its own stat name and
 * number.
 */
#ifndef SCALEUP_CONDITION_H
#define SCALEUP_CONDITION_H

#include <stdbool.h>
#include <stdint.h>

#include <lua.h>

#include "../limits.h"
#include "../scenario.h"

/* What is known of the callback of a registry reference: 4 bytes, as a
 * large scenario has tens of thousands of callbacks, and each process of
 * explore --jobs fills its own. */
struct condition {
    uint8_t known;  /* bit 0: looked at; bit 1: answered without Lua (then
                     * op in bits 2 to 4, stat and value) */
    uint8_t stat;
    int16_t value;
};

enum condition_op { COND_LT, COND_LE, COND_GT, COND_GE, COND_EQ, COND_OPS };
enum { CONDITION_KNOWN = 1, CONDITION_SIMPLE = 2, CONDITION_OP_SHIFT = 2 };
_Static_assert(LIMIT_STATS <= 256, "a condition's stat is a byte");

/* A Lua state's conditions: the probes' instructions and what each
 * callback is. Zeroed, nothing is known. */
struct conditions {
    bool probed, usable;
    uint32_t base[8];          /* the probes' instructions; base[2] unused */
    uint32_t compare[COND_OPS]; /* each probe's comparison, its number masked */
    int number_offset;          /* the bias of the number in the comparison */
    size_t header_len;          /* the bytes a dump starts with, the same for all */
    unsigned char header[32];
    unsigned char string_tag;   /* how a dump marks a string constant */
    struct condition *by_ref;
    int cap;
};

/* The condition that callback ref (a function in L's registry) is, for
 * scenario sc: looked at on its first use, then kept. NULL when it must
 * be called. */
const struct condition *condition_of(lua_State *L, struct conditions *c, int ref, const struct scenario *sc);

/* Whether a simple condition holds for these stats. */
static inline bool condition_holds(const struct condition *k, const double *stats)
{
    double v = stats[k->stat], n = k->value;
    switch ((enum condition_op)(k->known >> CONDITION_OP_SHIFT)) {
    case COND_LT: return v < n;
    case COND_LE: return v <= n;
    case COND_GT: return v > n;
    case COND_GE: return v >= n;
    default: return v == n;
    }
}

void conditions_free(struct conditions *c);

#endif
