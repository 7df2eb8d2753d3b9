/*
 * test_chunkcache.c: scenario files compiled once and kept between runs
 * (core/script/chunkcache.h): a hit gives what compiling gives, messages
 * and positions included; an edited file, a damaged entry or a cache that
 * cannot be written is a miss, never a crash or another file's code.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "core/loader.h"
#include "core/script/chunkcache.h"
#include "support.h"

static const char *const SCENARIO =
    "scenario {\n"
    "  id = \"cached\", title = \"Cached\", start = \"a\",\n"
    "  dimensions = { { id = \"vision\", name = \"Vision\" } },\n"
    "  roles = { { id = \"po\", name = \"PO\" } },\n"
    "}\n"
    "scene \"a\" {\n"
    "  title = \"First\",\n"
    "  text = \"Hello.\",\n"
    "  choices = { { \"Go\", next = \"end\", score = { vision = 1 } } },\n"
    "}\n"
    "ending \"end\" { title = \"The end\", text = \"Bye.\", verdict = \"success\" }\n";

/* Mistakes whose messages need a position from the source map (a field's
 * column) and one from the bytecode's debug information (Lua's line). */
static const char *const MISTAKES =
    "scenario {\n"
    "  id = \"wrong\", title = \"Wrong\", start = \"a\",\n"
    "  dimensions = { { id = \"vision\", name = \"Vision\" } },\n"
    "  roles = { { id = \"po\", name = \"PO\" } },\n"
    "}\n"
    "scene \"a\" {\n"
    "  title = \"First\", text = \"Hello.\",\n"
    "  choices = { { \"Go\", next = \"end\", score = { visoin = 1 } } },\n"
    "}\n"
    "ending \"end\" { title = \"The end\", text = \"Bye.\", verdict = \"success\" }\n";

static const char *const RUNTIME_ERROR =
    "scenario { id = \"x\", title = \"X\", start = \"a\" }\n"
    "local t = nil\n"
    "print(t.field)\n";

struct fixture {
    char *dir;     /* the scenario folder */
    char *cache;   /* the cache's folder */
    char main[4096];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->dir = make_temp_dir();
    f->cache = make_temp_dir();
    chunkcache_set_dir(f->cache);
    snprintf(f->main, sizeof f->main, "%s/main.lua", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    chunkcache_set_dir(NULL);
    rm_rf(f->dir);
    rm_rf(f->cache);
    free(f->dir);
    free(f->cache);
    free(f);
    return 0;
}

/* The cache's one entry (path into buf), false when there is none. */
static bool the_entry(const struct fixture *f, char *buf, size_t cap)
{
    DIR *d = opendir(f->cache);
    if (!d)
        return false;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, ".chunk")) {
            snprintf(buf, cap, "%s/%s", f->cache, e->d_name);
            n++;
        }
    closedir(d);
    return n == 1;
}

static ino_t entry_inode(const struct fixture *f)
{
    char path[4096];
    struct stat st;
    if (!the_entry(f, path, sizeof path) || stat(path, &st) != 0)
        return 0;
    return st.st_ino;
}

static const char *first_title(const struct scenario *sc)
{
    return sc->scenes[sc->start].title;
}

/* Writes SCENARIO and loads it: its hash, and the entry it left. */
static ino_t load_scenario(const struct fixture *f, uint64_t *hash)
{
    write_file(f->main, SCENARIO, strlen(SCENARIO));
    struct scenario *sc = load_ok(f->dir);
    *hash = sc->hash;
    scenario_free(sc);
    ino_t written = entry_inode(f);
    assert_true(written != 0);
    return written;
}

static void a_second_load_is_a_hit(void **state)
{
    struct fixture *f = *state;
    uint64_t hash;
    ino_t written = load_scenario(f, &hash);
    struct scenario *sc = load_ok(f->dir);
    assert_true(sc->hash == hash); /* the stored hash of the file's bytes */
    assert_string_equal(first_title(sc), "First");
    assert_int_equal(sc->scenes[sc->start].pos.line, 6);
    assert_int_equal(sc->scenes[sc->start].pos.col, 1);
    scenario_free(sc);
    assert_true(entry_inode(f) == written); /* read, not written again */
}

static void an_edited_file_is_a_miss(void **state)
{
    struct fixture *f = *state;
    uint64_t hash;
    ino_t written = load_scenario(f, &hash);
    /* The same length, one byte changed. */
    char *edited = strdup(SCENARIO);
    strstr(edited, "First")[0] = 'W';
    write_file(f->main, edited, strlen(edited));
    struct scenario *sc = load_ok(f->dir);
    assert_string_equal(first_title(sc), "Wirst");
    assert_true(sc->hash != hash);
    scenario_free(sc);
    assert_true(entry_inode(f) != written); /* replaced */
    free(edited);
}

/* Every message of a cold load (compiled) and a warm one (from the cache)
 * is the same, byte for byte, positions included. */
static void messages_are_the_same_from_the_cache(void **state)
{
    struct fixture *f = *state;
    const char *const sources[] = {MISTAKES, RUNTIME_ERROR};
    for (size_t i = 0; i < 2; i++) {
        write_file(f->main, sources[i], strlen(sources[i]));
        char *cold = load_errors(f->dir, true);
        ino_t written = entry_inode(f);
        assert_true(written != 0);
        char *warm = load_errors(f->dir, true);
        assert_true(entry_inode(f) == written);
        assert_string_equal(cold, warm);
        assert_non_null(strstr(cold, i == 0 ? "main.lua:8:" : "main.lua:3:"));
        free(cold);
        free(warm);
    }
}

/* Changes the byte at offset from the end of the entry (or cuts it). */
static void damage_entry(const struct fixture *f, size_t from_end, bool cut)
{
    char path[4096];
    assert_true(the_entry(f, path, sizeof path));
    size_t len;
    char *data = slurp(path, &len);
    assert_true(len > from_end);
    if (cut)
        len -= from_end;
    else
        data[len - from_end] ^= 0x5a;
    write_file(path, data, len);
    free(data);
}

static void a_damaged_entry_is_a_miss(void **state)
{
    struct fixture *f = *state;
    write_file(f->main, MISTAKES, strlen(MISTAKES));
    char *cold = load_errors(f->dir, true);
    /* The map's last byte, a byte in the middle (the code or the map), and
     * an entry cut short: each is compiled again, with the same messages. */
    const size_t offsets[] = {1, 400, 10};
    for (size_t i = 0; i < COUNT_OF(offsets); i++) {
        damage_entry(f, offsets[i], i == 2);
        char *again = load_errors(f->dir, true);
        assert_string_equal(cold, again);
        free(again);
        /* A damaged map is removed when found, a damaged chunk replaced:
         * either way the next load keeps a whole entry again. */
        free(load_errors(f->dir, true));
        assert_true(entry_inode(f) != 0);
    }
    free(cold);
}

static void a_cache_that_cannot_be_written_is_left_alone(void **state)
{
    struct fixture *f = *state;
    /* A regular file where the folder should be: nothing can be made under it. */
    char blocked[4096];
    snprintf(blocked, sizeof blocked, "%s/file", f->cache);
    write_file(blocked, "x", 1);
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/chunks", blocked);
    chunkcache_set_dir(dir);
    write_file(f->main, SCENARIO, strlen(SCENARIO));
    for (int i = 0; i < 2; i++) {
        struct scenario *sc = load_ok(f->dir);
        assert_string_equal(first_title(sc), "First");
        scenario_free(sc);
    }
    /* A read-only folder (root writes anyway: then only the above holds). */
    if (geteuid() != 0) {
        snprintf(dir, sizeof dir, "%s/ro", f->cache);
        assert_int_equal(mkdir(dir, 0555), 0);
        chunkcache_set_dir(dir);
        struct scenario *sc = load_ok(f->dir);
        assert_string_equal(first_title(sc), "First");
        scenario_free(sc);
        chmod(dir, 0755);
    }
    /* No cache at all. */
    chunkcache_set_dir("");
    struct scenario *sc = load_ok(f->dir);
    assert_string_equal(first_title(sc), "First");
    scenario_free(sc);
}

/* The folder stays under LIMIT_CHUNK_CACHE_BYTES: an old entry that fills
 * it (a sparse file, no disk used) goes when a new one is written. */
static void the_oldest_entries_make_room(void **state)
{
    struct fixture *f = *state;
    char old[4096];
    snprintf(old, sizeof old, "%s/0000000000000000.chunk", f->cache);
    FILE *fp = fopen(old, "wb");
    assert_non_null(fp);
    assert_int_equal(ftruncate(fileno(fp), (off_t)LIMIT_CHUNK_CACHE_BYTES - 100), 0);
    fclose(fp);
    struct timespec times[2] = {{1000000000, 0}, {1000000000, 0}};
    assert_int_equal(utimensat(AT_FDCWD, old, times, 0), 0);
    write_file(f->main, SCENARIO, strlen(SCENARIO));
    scenario_free(load_ok(f->dir));
    struct stat st;
    assert_int_not_equal(stat(old, &st), 0);
    assert_true(entry_inode(f) != 0); /* the new entry, alone */
}

/* A scenario file that is bytecode is refused, cache or not. */
static void a_binary_scenario_file_is_still_refused(void **state)
{
    struct fixture *f = *state;
    write_file(f->main, "\x1bLua\x54\x00", 6);
    char *errs = load_errors(f->dir, false);
    assert_non_null(strstr(errs, "binary"));
    free(errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_second_load_is_a_hit, setup, teardown),
        cmocka_unit_test_setup_teardown(an_edited_file_is_a_miss, setup, teardown),
        cmocka_unit_test_setup_teardown(messages_are_the_same_from_the_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(a_damaged_entry_is_a_miss, setup, teardown),
        cmocka_unit_test_setup_teardown(a_cache_that_cannot_be_written_is_left_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(the_oldest_entries_make_room, setup, teardown),
        cmocka_unit_test_setup_teardown(a_binary_scenario_file_is_still_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
