#include "chunkcache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "../limits.h"
#include "../run.h"
#include "../util.h"

/* Bump when the entry's layout or what it holds changes (2: the names
 * the code uses, before the map). */
enum { ENTRY_VERSION = 2, CHUNK_NAME_MAX = 256 };

/* An entry: this header, then the chunk name, the file's bytes, the
 * bytecode, the names its code uses (srcmap_scan_names, see save_name) and
 * the saved source map. The checksums are hash_fast, whose values may
 * change between versions of the program: a changed hash can only make an
 * entry a miss. */
struct entry_head {
    char magic[8];
    uint32_t version;
    uint32_t chunk_len;
    uint64_t runtime; /* lua_fingerprint */
    uint64_t source_hash;
    uint64_t source_len, code_len, names_len, map_len;
    uint64_t code_check, names_check, map_check;
    uint64_t head_check; /* of everything above and the chunk name */
};

static const char MAGIC[8] = "SUchunk1";

static char dir_override[PATH_MAX];
static bool dir_overridden;

void chunkcache_set_dir(const char *dir)
{
    dir_overridden = dir != NULL;
    str_copy(dir_override, sizeof dir_override, dir ? dir : "");
}

static void cache_dir(char *buf, size_t cap)
{
    if (dir_overridden) {
        str_copy(buf, cap, dir_override);
        return;
    }
    const char *env = getenv("SCALEUP_CHUNK_CACHE");
    if (env && (strcmp(env, "off") == 0 || strcmp(env, "0") == 0))
        buf[0] = '\0';
    else
        cache_home(buf, cap, "chunks");
}

/* The entry of the file at path: named by the hash of the path, so that an
 * edited file replaces its own entry. False when there is no cache. */
static bool entry_path(const char *path, char *buf, size_t cap)
{
    char dir[PATH_MAX];
    cache_dir(dir, sizeof dir);
    if (!dir[0])
        return false;
    str_format(buf, cap, "%s/%016llx.chunk", dir,
               (unsigned long long)hash_bytes(HASH_SEED, path, strlen(path)));
    return true;
}

static void remove_entry(const char *path)
{
    char file[PATH_MAX];
    if (entry_path(path, file, sizeof file))
        unlink(file);
}

static int dump_to_strbuf(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    sb_append(ud, p, n);
    return 0;
}

/* What tells one Lua library's bytecode from another's: its dump of a probe
 * that uses most of the language (the dump's header has the version, the
 * format and the sizes of its numbers; the code, the opcodes). Computed once
 * (every thread computes the same value). */
static uint64_t lua_fingerprint(lua_State *L)
{
    static _Atomic uint64_t known;
    uint64_t f = atomic_load(&known);
    if (f)
        return f;
    static const char probe[] =
        "local a, b, c = ... local t = {1, 2.5, 'x', k = true, [3] = false}\n"
        "for i = 1, #t do a = (a or 0) + i * 2 // 1 % 3 ^ 2 - -i end\n"
        "for k, v in pairs(t) do b = k .. tostring(v) end\n"
        "local function f(x, ...) return x and not c or select('#', ...), a & 1 | 2 ~ 3 << 1 >> 1 end\n"
        "while a and a > 100 do a = a - 1 end repeat c = (c or 0) + 1 until c >= 2\n"
        "goto done ::done:: t.k = #t < 3 and t[1] <= 2 and a ~= b and a == b\n"
        "return f(t, a, b, ~1, t.k, t[1], function() return a end)\n";
    struct strbuf code;
    sb_init(&code);
    uint64_t v = LUA_VERSION_NUM;
    if (luaL_loadbufferx(L, probe, sizeof probe - 1, "=probe", "t") == LUA_OK)
        lua_dump(L, dump_to_strbuf, &code, 0);
    lua_pop(L, 1);
    f = hash_fast(v, code.data, code.len) | 1;
    sb_free(&code);
    atomic_store(&known, f);
    return f;
}

static uint64_t head_check(const struct entry_head *h, const char *chunk)
{
    uint64_t c = hash_fast(HASH_SEED, h, offsetof(struct entry_head, head_check));
    return hash_fast(c, chunk, h->chunk_len);
}

static bool read_at(int fd, void *buf, size_t n, uint64_t offset)
{
    size_t done = 0;
    while (done < n) {
        ssize_t r = pread(fd, (char *)buf + done, n - done, (off_t)(offset + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false; /* cut while read: a miss */
        done += (size_t)r;
    }
    return true;
}

/* Opens the entry of path and checks its header: made by this version for
 * this Lua library (L NULL: any) and chunk name (NULL: any), its sizes
 * those of the file. -1 when there is no such entry. Read, not mapped: a
 * mapped file cut by someone else while it is read would kill the process
 * (SIGBUS); a read of it is only short. */
static int open_entry(lua_State *L, const char *path, const char *chunk, struct entry_head *h)
{
    char file[PATH_MAX];
    if (!entry_path(path, file, sizeof file))
        return -1;
    int fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return -1;
    struct stat st;
    char name[CHUNK_NAME_MAX];
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read_at(fd, h, sizeof *h, 0) &&
              memcmp(h->magic, MAGIC, sizeof MAGIC) == 0 && h->version == ENTRY_VERSION &&
              (!L || h->runtime == lua_fingerprint(L)) && h->chunk_len < CHUNK_NAME_MAX &&
              h->source_len <= LIMIT_FILE_BYTES && h->code_len <= LIMIT_CHUNK_CACHE_BYTES &&
              h->names_len <= LIMIT_CHUNK_CACHE_BYTES && h->map_len <= LIMIT_CHUNK_CACHE_BYTES &&
              (uint64_t)st.st_size ==
                  sizeof *h + h->chunk_len + h->source_len + h->code_len + h->names_len + h->map_len &&
              read_at(fd, name, h->chunk_len, sizeof *h) && head_check(h, name) == h->head_check &&
              (!chunk || (strlen(chunk) == h->chunk_len && memcmp(chunk, name, h->chunk_len) == 0));
    if (!ok) {
        close(fd);
        return -1;
    }
    return fd;
}

bool chunkcache_load(lua_State *L, const char *path, const char *chunk, const char *buf, size_t len,
                     uint64_t *hash)
{
    struct entry_head h;
    int fd = open_entry(L, path, chunk, &h);
    if (fd < 0)
        return false;
    int top = lua_gettop(L);
    bool hit = false;
    if (h.source_len == len) {
        char *data = xmalloc(len + h.code_len + 1);
        const char *code = data + len;
        hit = read_at(fd, data, len + h.code_len, sizeof h + h.chunk_len) && memcmp(data, buf, len) == 0 &&
              hash_fast(HASH_SEED, code, h.code_len) == h.code_check &&
              luaL_loadbufferx(L, code, h.code_len, chunk, "b") == LUA_OK;
        free(data);
    }
    close(fd);
    if (hit)
        *hash = h.source_hash;
    else
        lua_settop(L, top); /* the loader's error, if any */
    return hit;
}

enum section { SECTION_NAMES, SECTION_MAP };

/* A section of the entry of path, whose file's bytes had hash: its bytes
 * and a NUL (in the arena a, or from malloc when a is NULL), *len set, its
 * checksum checked. NULL when there is no such entry, or when the section
 * is damaged: the entry is then removed, and the next load compiles and
 * keeps it again. */
static char *read_section(const char *path, uint64_t hash, enum section which, struct arena *a,
                          size_t *len)
{
    struct entry_head h;
    int fd = open_entry(NULL, path, NULL, &h);
    if (fd < 0)
        return NULL;
    char *data = NULL;
    if (h.source_hash == hash) {
        uint64_t at = sizeof h + h.chunk_len + h.source_len + h.code_len;
        uint64_t n = h.names_len, check = h.names_check;
        if (which == SECTION_MAP) {
            at += h.names_len;
            n = h.map_len;
            check = h.map_check;
        }
        data = a ? arena_alloc_unzeroed(a, n + 1) : xmalloc(n + 1);
        data[n] = '\0';
        *len = n;
        if (!read_at(fd, data, n, at) || hash_fast(HASH_SEED, data, n) != check) {
            if (!a)
                free(data);
            data = NULL;
            remove_entry(path);
        }
    }
    close(fd);
    return data;
}

bool chunkcache_map(const char *path, uint64_t hash, struct arena *a, struct srcmap *out)
{
    size_t len;
    /* In the arena: the restored map's keys point into it. */
    char *map = read_section(path, hash, SECTION_MAP, a, &len);
    if (!map)
        return false;
    if (srcmap_restore(a, map, len, out))
        return true;
    remove_entry(path);
    return false;
}

/* The names section: a 32-bit count, then for each name its kind, line,
 * column and length as 32-bit words and its bytes, in the order the scan
 * found them. */
struct saved_names {
    struct strbuf *out;
    uint32_t count;
};

static void save_name(void *ctx, enum srcname_kind kind, const char *name, size_t len, uint32_t line,
                      uint32_t col)
{
    struct saved_names *sn = ctx;
    uint32_t w[4] = {(uint32_t)kind, line, col, (uint32_t)len};
    sb_append(sn->out, (const char *)w, sizeof w);
    sb_append(sn->out, name, len);
    sn->count++;
}

/* Walks the names section data[0..len): calls fn for each name when fn is
 * given; false when it is not one save_name wrote. */
static bool replay_names(const char *data, size_t len, srcname_fn fn, void *ctx)
{
    uint32_t count;
    if (len < sizeof count)
        return false;
    memcpy(&count, data, sizeof count);
    size_t at = sizeof count;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t w[4];
        if (len - at < sizeof w)
            return false;
        memcpy(w, data + at, sizeof w);
        at += sizeof w;
        if (w[0] > SRCNAME_FLAG_SET || len - at < w[3])
            return false;
        if (fn)
            fn(ctx, (enum srcname_kind)w[0], data + at, w[3], w[1], w[2]);
        at += w[3];
    }
    return at == len;
}

bool chunkcache_names(const char *path, uint64_t hash, srcname_fn fn, void *ctx)
{
    size_t len;
    char *names = read_section(path, hash, SECTION_NAMES, NULL, &len);
    if (!names)
        return false;
    /* Checked whole before the first name is given. */
    bool ok = replay_names(names, len, NULL, NULL);
    if (ok)
        replay_names(names, len, fn, ctx);
    else
        remove_entry(path);
    free(names);
    return ok;
}

struct old_entry {
    char name[64];
    long long size;
    time_t mtime;
};

static int older_first(const void *a, const void *b)
{
    const struct old_entry *x = a, *y = b;
    return (x->mtime > y->mtime) - (x->mtime < y->mtime);
}

/* Removes the oldest entries of dir (but keep, the one about to be written)
 * until room bytes more fit under LIMIT_CHUNK_CACHE_BYTES; returns the
 * bytes the folder then holds, room included. */
static long long evict(const char *dir, const char *keep, size_t room)
{
    DIR *d = opendir(dir);
    if (!d)
        return (long long)room;
    struct old_entry *e = NULL;
    size_t n = 0, cap = 0;
    long long total = (long long)room;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *dot = strrchr(de->d_name, '.');
        struct stat st;
        char file[PATH_MAX];
        if (!dot || strcmp(dot, ".chunk") != 0 || strlen(de->d_name) >= sizeof e->name)
            continue;
        str_format(file, sizeof file, "%s/%s", dir, de->d_name);
        if (strcmp(file, keep) == 0 || lstat(file, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            e = xrealloc(e, sizeof *e * cap);
        }
        str_copy(e[n].name, sizeof e[n].name, de->d_name);
        e[n].size = (long long)st.st_size;
        e[n].mtime = st.st_mtime;
        total += e[n++].size;
    }
    closedir(d);
    sort_items(e, n, sizeof *e, older_first);
    for (size_t i = 0; i < n && total > (long long)LIMIT_CHUNK_CACHE_BYTES; i++) {
        char file[PATH_MAX];
        str_format(file, sizeof file, "%s/%s", dir, e[i].name);
        if (unlink(file) == 0)
            total -= e[i].size;
    }
    free(e);
    return total;
}

/* The folder is listed at the first entry a process writes, and again
 * only when what is known of it (its size then, and every entry written
 * since, replaced or not) could pass the limit: a cold load of a scenario
 * of 100 files lists it once, not 100 times. */
static void make_room(const char *dir, const char *keep, size_t room)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static char listed[PATH_MAX];
    static long long known;
    pthread_mutex_lock(&lock);
    if (strcmp(listed, dir) != 0 || known + (long long)room > (long long)LIMIT_CHUNK_CACHE_BYTES) {
        known = evict(dir, keep, room);
        str_copy(listed, sizeof listed, dir);
    } else {
        known += (long long)room;
    }
    pthread_mutex_unlock(&lock);
}

/* The entry's bytes, made in one buffer (the code and the map are written
 * in place, after the header, the chunk name and the file). */
static void build_entry(lua_State *L, const char *chunk, const char *buf, size_t len, uint64_t hash,
                        struct strbuf *out)
{
    struct entry_head h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, sizeof MAGIC);
    h.version = ENTRY_VERSION;
    h.chunk_len = (uint32_t)strlen(chunk);
    h.runtime = lua_fingerprint(L);
    h.source_hash = hash;
    h.source_len = len;
    /* About three times the file: the pages reserved and not written are
     * never touched. */
    sb_reserve(out, sizeof h + h.chunk_len + 4 * len);
    sb_append(out, (const char *)&h, sizeof h);
    sb_append(out, chunk, h.chunk_len);
    sb_append(out, buf, len);
    size_t code = out->len;
    lua_dump(L, dump_to_strbuf, out, 0);
    size_t names = out->len;
    struct saved_names sn = {out, 0};
    sb_append(out, (const char *)&sn.count, sizeof sn.count); /* written below */
    srcmap_scan_names(buf, len, save_name, &sn);
    memcpy(out->data + names, &sn.count, sizeof sn.count);
    size_t map = out->len;
    struct arena a;
    arena_init(&a);
    struct srcmap m;
    srcmap_build(&a, buf, len, &m);
    srcmap_save(&m, out);
    arena_free(&a);
    h.code_len = names - code;
    h.names_len = map - names;
    h.map_len = out->len - map;
    h.code_check = hash_fast(HASH_SEED, out->data + code, h.code_len);
    h.names_check = hash_fast(HASH_SEED, out->data + names, h.names_len);
    h.map_check = hash_fast(HASH_SEED, out->data + map, h.map_len);
    h.head_check = head_check(&h, chunk);
    memcpy(out->data, &h, sizeof h);
}

void chunkcache_store(lua_State *L, const char *path, const char *chunk, const char *buf, size_t len,
                      uint64_t hash)
{
    char file[PATH_MAX], dir[PATH_MAX];
    if (strlen(chunk) >= CHUNK_NAME_MAX || !entry_path(path, file, sizeof file))
        return;
    struct strbuf entry;
    sb_init(&entry);
    build_entry(L, chunk, buf, len, hash, &entry);
    if (entry.len <= LIMIT_CHUNK_CACHE_BYTES) {
        str_copy(dir, sizeof dir, file);
        *strrchr(dir, '/') = '\0';
        make_parents(file);
        make_room(dir, file, entry.len);
        struct diag err;
        file_write_cache(file, entry.data, entry.len, &err); /* a cache: failing is fine */
    }
    sb_free(&entry);
}
