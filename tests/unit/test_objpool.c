/*
 * test_objpool.c: the Lua state's memory (core/script/objpool.h and the
 * allocator of core/script/sandbox.c): small blocks in size-class slabs
 * known by address, two sets apart, wholly free chunks given back, the
 * sandbox's accounting and caps over them, and the collector while loading.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <lua.h>

#include "core/loader.h"
#include "core/script/objpool.h"
#include "core/script/sandbox.h"
#include "core/script/script_internal.h"
#include "support.h"

enum { MIB = 1024 * 1024 };

_Static_assert(OBJPOOL_GRAIN == 8, "the sizes below are for classes 8 bytes apart");

/* Each test's pool: halves of 1 MiB. */
static int pool_setup(void **state)
{
    struct objpool *p = malloc(sizeof *p);
    objpool_init(p, MIB);
    *state = p;
    return 0;
}

static int pool_teardown(void **state)
{
    objpool_free(*state);
    free(*state);
    return 0;
}

static size_t blocks_per_chunk(size_t size)
{
    return OBJPOOL_CHUNK_BYTES / size;
}

/* Whether the page of p is resident (mincore). */
static bool resident(const void *p)
{
    long page = sysconf(_SC_PAGESIZE);
    unsigned char v = 0;
    void *start = (void *)((uintptr_t)p & ~(uintptr_t)(page - 1));
    assert_int_equal(mincore(start, (size_t)page, &v), 0);
    return v & 1;
}

/* Sizes of one class share a chunk, cut one after the other; the next
 * class has chunks of its own. */
static void sizes_of_a_class_share_chunks(void **state)
{
    struct objpool *p = *state;
    unsigned char *a = objpool_alloc(p, OBJPOOL_BRIEF, 1);
    unsigned char *b = objpool_alloc(p, OBJPOOL_BRIEF, OBJPOOL_GRAIN);
    unsigned char *c = objpool_alloc(p, OBJPOOL_BRIEF, OBJPOOL_GRAIN + 1);
    unsigned char *d = objpool_alloc(p, OBJPOOL_BRIEF, OBJPOOL_MAX);
    assert_ptr_equal(b, a + OBJPOOL_GRAIN);
    assert_int_equal((uintptr_t)a, p->base);
    assert_int_equal(c - a, OBJPOOL_CHUNK_BYTES);
    assert_int_equal(d - a, 2 * OBJPOOL_CHUNK_BYTES);
    assert_int_equal(objpool_chunks_used(p), 3);
    assert_true(objpool_same_class(1, OBJPOOL_GRAIN));
    assert_false(objpool_same_class(OBJPOOL_GRAIN, OBJPOOL_GRAIN + 1));
    assert_true(objpool_same_class(OBJPOOL_MAX - OBJPOOL_GRAIN + 1, OBJPOOL_MAX));
    memset(d, 0xab, OBJPOOL_MAX); /* writable, the whole block */
}

/* A freed block is the next one of its class handed out, and only of its
 * class. */
static void a_freed_block_is_reused_first(void **state)
{
    struct objpool *p = *state;
    void *a = objpool_alloc(p, OBJPOOL_BRIEF, 40);
    void *b = objpool_alloc(p, OBJPOOL_BRIEF, 40);
    objpool_release(p, a, 40);
    objpool_release(p, b, 33); /* any size of the class */
    assert_ptr_not_equal(objpool_alloc(p, OBJPOOL_BRIEF, 41), b);
    assert_ptr_not_equal(objpool_alloc(p, OBJPOOL_LASTING, 40), b);
    assert_ptr_equal(objpool_alloc(p, OBJPOOL_BRIEF, 34), b);
    assert_ptr_equal(objpool_alloc(p, OBJPOOL_BRIEF, 40), a);
}

/* The two sets are the two halves of the region; ownership is the
 * address alone. */
static void the_sets_are_apart_and_known_by_address(void **state)
{
    (void)state;
    struct objpool p;
    objpool_init(&p, 3 * MIB); /* halves of 4 MiB */
    assert_int_equal(p.region_bytes, 8 * MIB);
    unsigned char *brief = objpool_alloc(&p, OBJPOOL_BRIEF, 24);
    unsigned char *lasting = objpool_alloc(&p, OBJPOOL_LASTING, 24);
    assert_int_equal(objpool_set_of(&p, brief), OBJPOOL_BRIEF);
    assert_int_equal(objpool_set_of(&p, lasting), OBJPOOL_LASTING);
    assert_int_equal(lasting - brief, 4 * MIB);
    assert_true(objpool_owns(&p, brief));
    assert_true(objpool_owns(&p, lasting + 4 * MIB - 1));
    assert_false(objpool_owns(&p, lasting + 4 * MIB));
    assert_false(objpool_owns(&p, brief - 1));
    assert_false(objpool_owns(&p, NULL));
    void *m = malloc(24);
    assert_false(objpool_owns(&p, m));
    free(m);
    objpool_free(&p);
}

/* A zeroed pool, or one without its region, hands out nothing and owns
 * nothing: everything is malloc's. */
static void a_pool_without_region_hands_out_nothing(void **state)
{
    (void)state;
    struct objpool p = {0};
    assert_null(objpool_alloc(&p, OBJPOOL_BRIEF, 16));
    assert_false(objpool_owns(&p, NULL));
    assert_false(objpool_owns(&p, &p));
    assert_int_equal(objpool_trim(&p), 0);
    objpool_free(&p);
    objpool_init(&p, 0); /* the least region: halves of 1 MiB */
    assert_int_equal(p.region_bytes, 2 * MIB);
    objpool_free(&p);
}

/* A full set hands out NULL (the sandbox then takes malloc's); the other
 * set still has room. Halves of 1 MiB: 16 chunks of 256 blocks of 256. */
static void a_full_set_hands_out_null(void **state)
{
    struct objpool *p = *state;
    size_t n = 0;
    while (objpool_alloc(p, OBJPOOL_BRIEF, OBJPOOL_MAX))
        n++;
    assert_int_equal(n, 16 * blocks_per_chunk(OBJPOOL_MAX));
    assert_null(objpool_alloc(p, OBJPOOL_BRIEF, 16));
    assert_non_null(objpool_alloc(p, OBJPOOL_LASTING, OBJPOOL_MAX));
}

/* Trimming gives back exactly the chunks whose every block is free, their
 * pages too; the others keep their free blocks, handed out before a given
 * back chunk is used again (zeroed by the system). */
static void trim_gives_back_the_wholly_free_chunks(void **state)
{
    struct objpool *p = *state;
    size_t per = blocks_per_chunk(32);
    void **blocks = calloc(2 * per + 1, sizeof *blocks);
    for (size_t i = 0; i < 2 * per + 1; i++) {
        blocks[i] = objpool_alloc(p, OBJPOOL_BRIEF, 32);
        memset(blocks[i], 0x5a, 32);
    }
    void *lasting = objpool_alloc(p, OBJPOOL_LASTING, 100);
    assert_int_equal(objpool_chunks_used(p), 4);
    /* The first chunk all free; of the second all but its last block; the
     * third (still being cut) keeps its one block. */
    for (size_t i = 0; i < 2 * per - 1; i++)
        objpool_release(p, blocks[i], 32);
    assert_true(resident(blocks[0]));
    assert_int_equal(objpool_trim(p), OBJPOOL_CHUNK_BYTES);
    assert_int_equal(objpool_chunks_used(p), 3);
    assert_false(resident(blocks[0]));
    assert_int_equal(objpool_trim(p), 0); /* nothing more */
    /* The second chunk's free blocks first, newest first. */
    for (size_t i = 2 * per - 2; i + 1 > per; i--)
        assert_ptr_equal(objpool_alloc(p, OBJPOOL_BRIEF, 32), blocks[i]);
    /* Then the third chunk's rest, then the chunk given back, zeroed. */
    for (size_t i = 1; i < per; i++)
        assert_ptr_equal(objpool_alloc(p, OBJPOOL_BRIEF, 32), (char *)blocks[2 * per] + i * 32);
    unsigned char *again = objpool_alloc(p, OBJPOOL_BRIEF, 32);
    assert_ptr_equal(again, blocks[0]);
    for (int i = 0; i < 32; i++)
        assert_int_equal(again[i], 0);
    assert_int_equal(objpool_chunks_used(p), 4);
    (void)lasting;
    free(blocks);
}

/* The chunk a class is still cutting goes back too when what it cut is
 * all free; the class then starts a chunk anew. A set's chunks given back
 * are its own. */
static void trim_gives_back_a_chunk_being_cut(void **state)
{
    struct objpool *p = *state;
    void *a = objpool_alloc(p, OBJPOOL_LASTING, 200);
    void *b = objpool_alloc(p, OBJPOOL_LASTING, 200);
    objpool_release(p, a, 200);
    objpool_release(p, b, 200);
    assert_int_equal(objpool_trim(p), OBJPOOL_CHUNK_BYTES);
    assert_int_equal(objpool_chunks_used(p), 0);
    assert_ptr_equal(objpool_alloc(p, OBJPOOL_BRIEF, 200), (char *)p->base); /* fresh */
    assert_ptr_equal(objpool_alloc(p, OBJPOOL_LASTING, 16), a); /* the spare */
    assert_int_equal(objpool_chunks_used(p), 2);
}

/* ------------------------------------------------ the sandbox's allocator */

struct lua_memory {
    struct sandbox *sb;
    lua_Alloc f;
    void *ud;
};

static struct lua_memory memory_of(struct sandbox *sb)
{
    struct lua_memory m = {sb, NULL, NULL};
    m.f = lua_getallocf(sb->L, &m.ud);
    assert_ptr_equal(m.ud, sb);
    return m;
}

static void fill(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7 + 1);
}

static void assert_filled(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(p[i], (unsigned char)(i * 7 + 1));
}

/* New blocks: small ones in the pool, closures and upvalues in the set
 * that lasts, large ones malloc's; every byte counted. */
static void the_allocator_places_and_counts(void **state)
{
    (void)state;
    struct sandbox *sb = sandbox_new(NULL);
    struct lua_memory m = memory_of(sb);
    size_t used = sb->mem_used;
    void *str = m.f(m.ud, NULL, LUA_TSTRING, 40);
    void *tab = m.f(m.ud, NULL, LUA_TTABLE, 56);
    void *fn = m.f(m.ud, NULL, LUA_TFUNCTION, 40);
    void *upval = m.f(m.ud, NULL, LUA_NUMTYPES, 40);
    void *big = m.f(m.ud, NULL, 0, OBJPOOL_MAX + 1);
    assert_int_equal(objpool_set_of(&sb->pool, str), OBJPOOL_BRIEF);
    assert_int_equal(objpool_set_of(&sb->pool, tab), OBJPOOL_BRIEF);
    assert_int_equal(objpool_set_of(&sb->pool, fn), OBJPOOL_LASTING);
    assert_int_equal(objpool_set_of(&sb->pool, upval), OBJPOOL_LASTING);
    assert_true(objpool_owns(&sb->pool, str));
    assert_false(objpool_owns(&sb->pool, big));
    assert_int_equal(sb->mem_used - used, 40 + 56 + 40 + 40 + OBJPOOL_MAX + 1);
    assert_null(m.f(m.ud, big, OBJPOOL_MAX + 1, 0));
    assert_null(m.f(m.ud, fn, 40, 0));
    assert_null(m.f(m.ud, upval, 40, 0));
    assert_null(m.f(m.ud, tab, 56, 0));
    assert_null(m.f(m.ud, str, 40, 0));
    assert_int_equal(sb->mem_used, used);
    assert_null(m.f(m.ud, NULL, 0, 0)); /* freeing nothing */
    assert_int_equal(sb->mem_used, used);
    sandbox_free(sb);
}

/* Resizing: within a class in place; across classes to another block of
 * the same set; past OBJPOOL_MAX to malloc's; a malloc block made small
 * stays malloc's. The contents follow, and the count. */
static void the_allocator_resizes_across_classes(void **state)
{
    (void)state;
    struct sandbox *sb = sandbox_new(NULL);
    struct lua_memory m = memory_of(sb);
    size_t used = sb->mem_used;
    unsigned char *p = m.f(m.ud, NULL, LUA_TFUNCTION, 40);
    fill(p, 40);
    assert_ptr_equal(m.f(m.ud, p, 40, 33), p); /* 33..40: one class */
    assert_ptr_equal(m.f(m.ud, p, 33, 40), p);
    unsigned char *q = m.f(m.ud, p, 40, 100);
    assert_ptr_not_equal(q, p);
    assert_int_equal(objpool_set_of(&sb->pool, q), OBJPOOL_LASTING);
    assert_filled(q, 40);
    fill(q, 100);
    unsigned char *r = m.f(m.ud, q, 100, 1000);
    assert_false(objpool_owns(&sb->pool, r));
    assert_filled(r, 100);
    fill(r, 1000);
    unsigned char *s = m.f(m.ud, r, 1000, 20);
    assert_false(objpool_owns(&sb->pool, s));
    assert_filled(s, 20);
    assert_int_equal(sb->mem_used - used, 20);
    /* The blocks left behind went back to their classes. */
    assert_ptr_equal(m.f(m.ud, NULL, LUA_TFUNCTION, 100), q);
    assert_ptr_equal(m.f(m.ud, NULL, LUA_NUMTYPES, 36), p);
    assert_null(m.f(m.ud, q, 100, 0));
    assert_null(m.f(m.ud, p, 36, 0));
    assert_null(m.f(m.ud, s, 20, 0));
    assert_int_equal(sb->mem_used, used);
    sandbox_free(sb);
}

/* The default limits with this much Lua memory. */
static struct script_limits with_memory(size_t bytes)
{
    struct script_limits l;
    script_limits_default(&l);
    l.memory = bytes;
    return l;
}

/* Past the hard cap (an eighth above the limit) an allocation or a growth
 * fails, small or large, and nothing is counted; shrinking always works.
 * The peak is the most ever in use. */
static void the_allocator_keeps_the_hard_cap(void **state)
{
    (void)state;
    struct script_limits l = with_memory(8 * MIB);
    struct sandbox *sb = sandbox_new(&l);
    struct lua_memory m = memory_of(sb);
    size_t hard = 9 * MIB;
    size_t room = hard - sb->mem_used;
    void *big = m.f(m.ud, NULL, 0, room - 100);
    assert_non_null(big);
    assert_int_equal(sb->mem_used, hard - 100);
    void *small = m.f(m.ud, NULL, LUA_TSTRING, 100);
    assert_non_null(small);
    assert_int_equal(sb->mem_used, hard);
    assert_null(m.f(m.ud, NULL, LUA_TSTRING, 1));
    assert_null(m.f(m.ud, small, 100, 101)); /* the block stays as it was */
    assert_int_equal(sb->mem_used, hard);
    void *smaller = m.f(m.ud, small, 100, 10);
    assert_ptr_not_equal(smaller, small); /* another class */
    assert_int_equal(sb->mem_used, hard - 90);
    assert_int_equal(sb->mem_peak, hard);
    assert_null(m.f(m.ud, smaller, 10, 0));
    assert_null(m.f(m.ud, big, room - 100, 0));
    assert_int_equal(sb->mem_peak, hard);
    sandbox_free(sb);
}

static void run_lua(struct sandbox *sb, const char *code)
{
    struct diag err;
    assert_true(sandbox_load(sb, code, strlen(code), "t.lua", "t.lua", &err));
    assert_true(sandbox_call(sb, 0, 0, true, NULL, &err));
}

/* A Lua state's dead objects, collected, leave chunks that trimming gives
 * back, and the state goes on working. */
static void a_collected_state_gives_chunks_back(void **state)
{
    (void)state;
    struct sandbox *sb = sandbox_new(NULL);
    lua_State *L = sb->L;
    size_t before = objpool_chunks_used(&sb->pool);
    run_lua(sb, "t = {} for i = 1, 20000 do t[i] = { i, 'x' .. i } end");
    size_t full = objpool_chunks_used(&sb->pool);
    assert_true(full > before + 10);
    run_lua(sb, "t = nil");
    lua_gc(L, LUA_GCCOLLECT);
    size_t given = objpool_trim(&sb->pool);
    size_t after = objpool_chunks_used(&sb->pool);
    assert_int_equal(given, (full - after) * OBJPOOL_CHUNK_BYTES);
    assert_int_equal(after, before); /* the chunks the loop took, all back */
    run_lua(sb, "t = {} for i = 1, 20000 do t[i] = { i } end "
                "assert(#t == 20000 and t[20000][1] == 20000)");
    sandbox_free(sb);
}

/* While a scenario loads, Lua's collector is stopped (loader.c): garbage
 * made at load time is still collected at the memory limit, so a file that
 * makes many times the limit in dead tables loads, and the collector runs
 * again once the scenario is loaded. */
static void loading_collects_at_the_limit_and_restarts_the_collector(void **state)
{
    (void)state;
    struct script_limits l = with_memory(16 * MIB);
    l.load_ms = 20000; /* the sanitizer build runs the loop slowly */
    struct diag_list diags;
    diag_list_init(&diags);
    struct scenario *sc = scenario_load(test_path("fixtures/games/load-garbage.lua"), &l, &diags);
    assert_int_equal(diags.count, 0);
    assert_non_null(sc);
    struct sandbox *sb = sc->script->sb;
    assert_int_equal(lua_gc(sb->L, LUA_GCISRUNNING), 1);
    assert_true(sb->mem_peak <= l.memory + l.memory / 8);
    assert_true(sb->mem_used < 2 * MIB);
    scenario_free(sc);
    diag_list_free(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(sizes_of_a_class_share_chunks, pool_setup, pool_teardown),
        cmocka_unit_test_setup_teardown(a_freed_block_is_reused_first, pool_setup, pool_teardown),
        cmocka_unit_test(the_sets_are_apart_and_known_by_address),
        cmocka_unit_test(a_pool_without_region_hands_out_nothing),
        cmocka_unit_test_setup_teardown(a_full_set_hands_out_null, pool_setup, pool_teardown),
        cmocka_unit_test_setup_teardown(trim_gives_back_the_wholly_free_chunks, pool_setup, pool_teardown),
        cmocka_unit_test_setup_teardown(trim_gives_back_a_chunk_being_cut, pool_setup, pool_teardown),
        cmocka_unit_test(the_allocator_places_and_counts),
        cmocka_unit_test(the_allocator_resizes_across_classes),
        cmocka_unit_test(the_allocator_keeps_the_hard_cap),
        cmocka_unit_test(a_collected_state_gives_chunks_back),
        cmocka_unit_test(loading_collects_at_the_limit_and_restarts_the_collector),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
