/*
 * util.h: allocation that never returns NULL, a growable string buffer with
 * bounded appends, and small helpers shared by every module.
 *
 * Out-of-memory on the host side is not recoverable in a useful way (the Lua
 * side has its own cap, see sandbox.c), so xmalloc prints one line and exits.
 */
#ifndef SCALEUP_UTIL_H
#define SCALEUP_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* A hint to start loading memory the caller will read soon; no effect on
 * what the program does, and never a fault, whatever the address. As an
 * instruction GCC must keep: GCC 12 at -O2 deletes a loop of nothing but
 * __builtin_prefetch as dead code, depending on what surrounds it (seen in
 * game.c's prefetching, which then measured 1.5 times slower). */
#if defined(__GNUC__) && defined(__x86_64__)
#define PREFETCH(p) __asm__ volatile("prefetcht0 (%0)" : : "r"((const void *)(p)))
#elif defined(__GNUC__) && defined(__aarch64__)
#define PREFETCH(p) __asm__ volatile("prfm pldl1keep, [%0]" : : "r"((const void *)(p)))
#elif defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* qsort that accepts an empty (possibly NULL) array: qsort(NULL, 0, ...) is
 * undefined behaviour in C, and empty lists are common here. */
void sort_items(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));

/* A growable, always NUL-terminated byte buffer. */
struct strbuf {
    char *data;
    size_t len;
    size_t cap;
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_clear(struct strbuf *sb);
void sb_reserve(struct strbuf *sb, size_t extra);
void sb_append(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* word as one word of a POSIX shell command: as it is when that is safe,
 * else in single quotes (a ' inside becomes '\''). */
void sb_shell_word(struct strbuf *sb, const char *word);
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/* Detach the buffer: the caller owns the returned string. */
char *sb_take(struct strbuf *sb);

/* snprintf that always terminates and never reports truncation as an error. */
void str_copy(char *dst, size_t cap, const char *src);
void str_format(char *dst, size_t cap, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* Numbers as the contract shows them: whole numbers without a decimal point,
 * others with up to two decimals and no trailing zeros ("12", "-1.5"). */
void format_number(char *dst, size_t cap, double value);
/* The same with a sign always shown ("+3", "-1.5"). */
void format_signed(char *dst, size_t cap, double value);

/* Edit distance for "did you mean" hints, capped at 'limit' for speed. */
int edit_distance(const char *a, const char *b, int limit);
/* For "did you mean": of n names, the nearest to word within two edits (the
 * first of equals), or NULL. The names are const char * fields `stride`
 * bytes apart from `first`: an array of strings (stride sizeof(char *)) or
 * the id field of an array of structs (&sc->scenes[0].id, sizeof(struct
 * scene)). NULL names are skipped. */
const char *nearest_name(const char *word, const void *first, size_t stride, int n);
/* The i-th of those names. */
const char *name_at(const void *first, size_t stride, int i);

/* 64-bit FNV-1a, used for file hashes and the string maps. */
uint64_t hash_bytes(uint64_t h, const void *data, size_t n);
#define HASH_SEED 0xcbf29ce484222325ULL

/* A fast 64-bit hash of memory, eight bytes at a time, for tables kept in
 * memory (the explorer's set of states). Unlike hash_bytes, its values may
 * change between versions: never store them. */
uint64_t hash_fast(uint64_t h, const void *data, size_t n);

/* A name as part of a file name or an address: lowercase ASCII letters,
 * digits and single '-' for everything else ("Team A" -> "team-a"), at most
 * 40 bytes of it. Letters beyond ASCII are kept ("Équipe 3" -> "Équipe-3")
 * unless ascii_only; then, unless the slug is the name itself, eight hex
 * digits of the name's hash are appended, so that "日本" and "中国", or
 * "Team A" and "team-a", stay two names ("player-1f0c94a2"). Never empty: a name with nothing kept is "player". */
void name_slug(const char *name, bool ascii_only, char *out, size_t cap);

/* ScaleUp's cache folder sub: $XDG_CACHE_HOME/scaleup/SUB (an absolute
 * XDG_CACHE_HOME only, as the XDG spec says), else ~/.cache/scaleup/SUB;
 * "" when neither is set. */
void cache_home(char *buf, size_t cap, const char *sub);

/* mkdir -p for the folders above path (errors are left to whoever writes there). */
void make_parents(const char *path);

/* The user's data folder for ScaleUp's sub ($XDG_DATA_HOME/scaleup/sub, or
 * ~/.local/share/scaleup/sub), created when missing; "" when there is none. */
void user_data_dir(char *buf, size_t cap, const char *sub);

/* The folder of the running executable (/proc/self/exe, symbolic links
 * resolved) into buf: where the data folder and the modules are found
 * relative to. False when it cannot be read. */
bool executable_dir(char *buf, size_t cap);

/* Monotonic clock in seconds. */
double clock_seconds(void);

/* Whether path, its symbolic links followed, is inside the folder
 * folder_real (a realpath). False if it does not exist. */
bool path_inside(const char *folder_real, const char *path);

/* "a FIFO", "a character device"... for a message, from a stat mode. */
const char *file_kind(unsigned mode);

/* Reads a whole regular file of at most max bytes, with a NUL after it;
 * anything else (a folder, a FIFO: never waited on, a device) is refused.
 * Returns NULL with why set to one phrase without the path; limit names the
 * limit in it ("of 16 MiB for a scenario file"). The caller frees. */
char *read_regular_file(const char *path, size_t max, const char *limit, size_t *len, char *why,
                        size_t whycap);

#endif
