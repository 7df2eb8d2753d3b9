/*
 * chunkcache.h: scenario files compiled once, kept between runs.
 *
 * Compiling a scenario's Lua is the largest part of loading it (the large
 * benchmark: 0.16 s of about 0.4 s), and the same files are loaded again at
 * every play, lint and explore while an author writes. So each file, once
 * compiled, is kept in $XDG_CACHE_HOME/scaleup/chunks/ (one entry per file
 * path): a copy of its bytes, its hash (source_file.hash), its bytecode
 * (lua_dump, with the debug information, so that every error still names
 * FILE:LINE), the names its code uses (srcmap_scan_names) and its source
 * map (srcmap_save). An entry is used only when
 * the file's bytes are those it holds, byte for byte, the Lua library is the
 * one that wrote it (a fingerprint of the bytecode it makes of a probe) and
 * its checksums hold; anything else is a miss, and the file is compiled as
 * if there were no cache. Only this module loads bytecode (mode "b"): a
 * scenario file that is bytecode is still refused (loader.c).
 *
 * Entries are written atomically (a temporary file and a rename) and not
 * synced: a cut entry fails its checks. The folder is kept under
 * LIMIT_CHUNK_CACHE_BYTES. SCALEUP_CHUNK_CACHE=off turns the cache off.
 */
#ifndef SCALEUP_CHUNKCACHE_H
#define SCALEUP_CHUNKCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#include "../arena.h"
#include "../srcmap.h"

/* The cache's folder: NULL for the default ($XDG_CACHE_HOME/scaleup/chunks,
 * unless SCALEUP_CHUNK_CACHE=off), "" for none. For tests; call it before
 * anything is loaded. */
void chunkcache_set_dir(const char *dir);

/* The file at path (its real path: the entry's name), whose bytes are
 * buf[0..len), loaded as chunk "@chunk": on a hit pushes its compiled
 * function, sets *hash to hash_bytes(HASH_SEED, buf, len) and returns true;
 * else pushes nothing. */
bool chunkcache_load(lua_State *L, const char *path, const char *chunk, const char *buf, size_t len,
                     uint64_t *hash);

/* Keeps the function on top of L's stack (compiled from buf as chunk, and
 * left there) for the file at path, with its hash and its source map. A
 * cache that cannot be written is left alone. */
void chunkcache_store(lua_State *L, const char *path, const char *chunk, const char *buf, size_t len,
                      uint64_t hash);

/* The names the code of the file at path, whose bytes had hash, uses, as
 * srcmap_scan_names finds them (and in its order), from its entry: a hit
 * of chunkcache_load need not scan the file again. False, with fn not
 * called, when there is no such entry (a damaged one is removed). */
bool chunkcache_names(const char *path, uint64_t hash, srcname_fn fn, void *ctx);

/* The source map of the file at path whose bytes had hash, from its entry,
 * in the arena; false when there is no such entry. */
bool chunkcache_map(const char *path, uint64_t hash, struct arena *a, struct srcmap *out);

#endif
