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
#include "core/srcmap.h"
#include "core/util.h"
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

/* A scenario whose code names a cause and sets flags. */
static const char *const NAMES =
    "scenario { id = \"n\", title = \"N\", start = \"a\",\n"
    "  dimensions = { { id = \"vision\" } }, roles = { { id = \"po\" } } }\n"
    "scene \"a\" {\n"
    "  on_enter = function(game) game.flags.seen = true game.cause(\"go\") end,\n"
    "  choices = { { \"Go\", id = \"go\", next = \"b\",\n"
    "    act = function(game) game.flags[\"done\"] = true end } },\n"
    "}\n"
    "ending \"b\" { verdict = \"success\" }\n";

struct found_names {
    char text[512];
};

static void collect_name(void *ctx, enum srcname_kind kind, const char *name, size_t len,
                         uint32_t line, uint32_t col)
{
    struct found_names *fn = ctx;
    size_t n = strlen(fn->text);
    snprintf(fn->text + n, sizeof fn->text - n, "%s %.*s %u:%u\n",
             kind == SRCNAME_CAUSE ? "cause" : "flag", (int)len, name, (unsigned)line,
             (unsigned)col);
}

/* The names a file's code uses are kept with its entry, as the scan finds
 * them: a hit does not scan the file again. */
static void the_names_the_code_uses_are_kept(void **state)
{
    struct fixture *f = *state;
    write_file(f->main, NAMES, strlen(NAMES));
    struct scenario *sc = load_ok(f->dir);
    uint64_t hash = sc->files[0].hash;
    scenario_free(sc);
    char real[4096];
    assert_non_null(realpath(f->main, real));
    struct found_names kept = {""}, scanned = {""};
    assert_true(chunkcache_names(real, hash, collect_name, &kept));
    assert_string_equal(kept.text, "flag seen 4:40\n"
                                   "cause go 4:63\n"
                                   "flag done 6:37\n");
    srcmap_scan_names(NAMES, strlen(NAMES), collect_name, &scanned);
    assert_string_equal(kept.text, scanned.text);
    /* Another file's hash: not this entry's names. */
    struct found_names none = {""};
    assert_false(chunkcache_names(real, hash + 1, collect_name, &none));
    assert_string_equal(none.text, "");
    /* A warm load says what a cold one says. */
    sc = load_ok(f->dir);
    assert_int_equal(sc->nfiles, 1);
    scenario_free(sc);
}

/* An entry written by another version of the layout (its header whole,
 * its checksum right) is a miss, and is written again. */
static void an_entry_of_another_version_is_a_miss(void **state)
{
    struct fixture *f = *state;
    uint64_t hash;
    load_scenario(f, &hash);
    char path[4096];
    assert_true(the_entry(f, path, sizeof path));
    size_t len;
    char *data = slurp(path, &len);
    /* magic[8], version, chunk_len, then ten 64-bit words, head_check last. */
    enum { VERSION_AT = 8, CHUNK_LEN_AT = 12, HEAD_CHECK_AT = 88, HEAD_BYTES = 96 };
    uint32_t version, chunk_len;
    memcpy(&version, data + VERSION_AT, sizeof version);
    memcpy(&chunk_len, data + CHUNK_LEN_AT, sizeof chunk_len);
    assert_int_equal(version, 2);
    version = 1;
    memcpy(data + VERSION_AT, &version, sizeof version);
    uint64_t check = hash_fast(hash_fast(HASH_SEED, data, HEAD_CHECK_AT), data + HEAD_BYTES, chunk_len);
    memcpy(data + HEAD_CHECK_AT, &check, sizeof check);
    write_file(path, data, len);
    free(data);
    ino_t old = entry_inode(f);
    struct scenario *sc = load_ok(f->dir);
    assert_string_equal(first_title(sc), "First");
    assert_int_equal(sc->scenes[sc->start].pos.col, 1);
    scenario_free(sc);
    assert_true(entry_inode(f) != old); /* compiled and kept again */
    assert_true(the_entry(f, path, sizeof path));
    data = slurp(path, &len);
    memcpy(&version, data + VERSION_AT, sizeof version);
    assert_int_equal(version, 2);
    free(data);
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
        cmocka_unit_test_setup_teardown(the_names_the_code_uses_are_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(an_entry_of_another_version_is_a_miss, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
