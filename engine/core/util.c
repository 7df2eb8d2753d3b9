#include "util.h"

#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "scaleup: error: out of memory (allocating %zu bytes)\n", n);
    exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

void sort_items(void *base, size_t count, size_t size, int (*compare)(const void *, const void *))
{
    if (count > 1)
        qsort(base, count, size, compare);
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void sb_init(struct strbuf *sb)
{
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
}

void sb_free(struct strbuf *sb)
{
    free(sb->data);
    sb_init(sb);
}

void sb_clear(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

void sb_reserve(struct strbuf *sb, size_t extra)
{
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap)
        return;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < need)
        cap *= 2;
    sb->data = xrealloc(sb->data, cap);
    sb->cap = cap;
}

void sb_append(struct strbuf *sb, const char *s, size_t n)
{
    sb_reserve(sb, n);
    if (n)
        memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
    sb_append(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
    sb_reserve(sb, 1);
    sb->data[sb->len++] = c;
    sb->data[sb->len] = '\0';
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    sb_reserve(sb, (size_t)n);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

void sb_shell_word(struct strbuf *sb, const char *word)
{
    bool plain = word[0] != '\0';
    for (const char *c = word; *c && plain; c++)
        plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                strchr("_./-+,:=@%", *c) != NULL;
    if (plain) {
        sb_puts(sb, word);
        return;
    }
    sb_putc(sb, '\'');
    for (const char *c = word; *c; c++) {
        if (*c == '\'')
            sb_puts(sb, "'\\''");
        else
            sb_putc(sb, *c);
    }
    sb_putc(sb, '\'');
}

char *sb_take(struct strbuf *sb)
{
    char *s = sb->data ? sb->data : xstrdup("");
    sb_init(sb);
    return s;
}

void str_copy(char *dst, size_t cap, const char *src)
{
    if (!cap)
        return;
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        /* Cut on a character boundary: never half a UTF-8 sequence (a name
         * cut mid-character made a result file no reader accepts). */
        size_t k = n;
        while (k > 0 && ((unsigned char)src[k] & 0xc0) == 0x80)
            k--;
        if (k < n || ((unsigned char)src[n] & 0xc0) == 0x80)
            n = k;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void str_format(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (cap)
        vsnprintf(dst, cap, fmt, ap);
    va_end(ap);
}

void format_number(char *dst, size_t cap, double value)
{
    if (isnan(value)) {
        str_copy(dst, cap, "nan");
        return;
    }
    if (isinf(value)) {
        str_copy(dst, cap, value > 0 ? "inf" : "-inf");
        return;
    }
    if (value == floor(value) && fabs(value) < 1e15) {
        /* Whole numbers, the usual case (a stat in a text on every scene):
         * the digits by hand, as "%lld" would print them. */
        char digits[24];
        long long v = (long long)value;
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        size_t n = sizeof digits;
        do {
            digits[--n] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0)
            digits[--n] = '-';
        size_t len = sizeof digits - n;
        if (cap) {
            if (len > cap - 1)
                len = cap - 1;
            memcpy(dst, digits + n, len);
            dst[len] = '\0';
        }
        return;
    }
    str_format(dst, cap, "%.2f", value);
    /* Trim trailing zeros of the fraction: 1.50 -> 1.5 */
    char *dot = strchr(dst, '.');
    if (dot) {
        char *end = dst + strlen(dst) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(dst, "-0") == 0)
        str_copy(dst, cap, "0");
}

void format_signed(char *dst, size_t cap, double value)
{
    char num[64];
    format_number(num, sizeof num, value);
    if (num[0] == '-' || value == 0.0)
        str_copy(dst, cap, value == 0.0 ? "0" : num);
    else
        str_format(dst, cap, "+%s", num);
}

const char *name_at(const void *first, size_t stride, int i)
{
    const char *const *field = (const char *const *)((const char *)first + stride * (size_t)i);
    return *field;
}

const char *nearest_name(const char *word, const void *first, size_t stride, int n)
{
    int best = 3;
    const char *pick = NULL;
    for (int i = 0; i < n; i++) {
        const char *name = name_at(first, stride, i);
        if (!name)
            continue;
        int d = edit_distance(word, name, best);
        if (d < best) {
            best = d;
            pick = name;
        }
    }
    return pick;
}

int edit_distance(const char *a, const char *b, int limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return limit + 1;
    int prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        int row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            cur[j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (row_min > limit)
            return limit + 1;
        memcpy(prev, cur, sizeof(int) * (lb + 1));
    }
    return prev[lb];
}

uint64_t hash_bytes(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Four independent lanes of multiply-xorshift over 8-byte words, then an
 * avalanche: about eight times faster than FNV-1a on the explorer's states,
 * which hold a visit count per scene (40 KB for 10,000 scenes). */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    return x;
}

uint64_t hash_fast(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    const uint64_t k = 0x9e3779b97f4a7c15ULL;
    uint64_t a = h, b = h ^ 0x243f6a8885a308d3ULL, c = h ^ 0x13198a2e03707344ULL,
             d = h ^ 0xa4093822299f31d0ULL;
    size_t len = n;
    for (; n >= 32; n -= 32, p += 32) {
        uint64_t w[4];
        memcpy(w, p, sizeof w);
        a = (a ^ w[0]) * k;
        b = (b ^ w[1]) * k;
        c = (c ^ w[2]) * k;
        d = (d ^ w[3]) * k;
        a ^= a >> 29;
        b ^= b >> 29;
        c ^= c >> 29;
        d ^= d >> 29;
    }
    for (; n >= 8; n -= 8, p += 8) {
        uint64_t w;
        memcpy(&w, p, sizeof w);
        a = (a ^ w) * k;
        a ^= a >> 29;
    }
    if (n) {
        uint64_t w = 0;
        memcpy(&w, p, n);
        b = (b ^ w) * k;
    }
    return mix64(a ^ mix64(b + 1) ^ mix64(c + 2) ^ mix64(d + 3) ^ (uint64_t)len * k);
}


const char *file_kind(unsigned mode)
{
    return S_ISDIR(mode)    ? "a folder"
           : S_ISFIFO(mode) ? "a FIFO"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
           : S_ISREG(mode)  ? "a regular file"
                            : "not a file";
}

bool path_inside(const char *folder_real, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return false;
    size_t n = strlen(folder_real);
    if (n == 1 && folder_real[0] == '/')
        return real[1] != '\0';
    return strncmp(real, folder_real, n) == 0 && real[n] == '/';
}

double clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void name_slug(const char *name, bool ascii_only, char *out, size_t cap)
{
    size_t limit = cap > 41 ? 40 : (cap ? cap - 1 : 0);
    size_t n = 0;
    bool dash = false, dropped = false;
    const char *p = name;
    while (*p) {
        unsigned char c = (unsigned char)*p;
        size_t len = 1;
        bool keep;
        char lower = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (c >= 0x80) {
            size_t bad = 0;
            /* One whole, valid sequence, or a single byte that is dropped. */
            size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (strnlen(p, want) == want && utf8_valid(p, want, &bad))
                len = want;
            keep = !ascii_only && len > 1;
            dropped = true;
        } else {
            keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        }
        if (keep) {
            if (n + len > limit)
                break;
            if (len == 1)
                out[n] = lower;
            else
                memcpy(out + n, p, len);
            n += len;
            dash = false;
        } else if (!dash && n > 0 && n < limit) {
            out[n++] = '-';
            dash = true;
        }
        p += len;
    }
    while (n > 0 && out[n - 1] == '-')
        n--;
    if (cap)
        out[n] = '\0';
    if (n == 0)
        str_copy(out, cap, "player");
    /* An address must tell learners apart: unless the slug is the name
     * itself, the name's hash follows ("Team A", "team-a" and "TEAM_A!"
     * share the slug team-a but are three learners). */
    if (ascii_only && (dropped || strcmp(out, name) != 0)) {
        char tail[16];
        uint64_t h = hash_bytes(HASH_SEED, name, strlen(name));
        snprintf(tail, sizeof tail, "-%08x", (unsigned)(h & 0xffffffffu));
        size_t have = strlen(out);
        if (have + strlen(tail) < cap)
            memcpy(out + have, tail, strlen(tail) + 1);
    }
}

bool executable_dir(char *buf, size_t cap)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    str_copy(buf, cap, exe);
    return true;
}

void make_parents(const char *path)
{
    char buf[PATH_MAX];
    str_copy(buf, sizeof buf, path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(buf, 0755);
        *p = '/';
    }
}

/* $VAR/scaleup/SUB for an absolute $VAR (as the XDG spec says), else
 * ~/HOME_REL/scaleup/SUB; "" when neither is set. */
static void xdg_folder(char *buf, size_t cap, const char *var, const char *home_rel, const char *sub)
{
    const char *xdg = getenv(var);
    const char *home = getenv("HOME");
    buf[0] = '\0';
    if (xdg && xdg[0] == '/')
        str_format(buf, cap, "%s/scaleup/%s", xdg, sub);
    else if (home && home[0])
        str_format(buf, cap, "%s/%s/scaleup/%s", home, home_rel, sub);
}

void user_data_dir(char *buf, size_t cap, const char *sub)
{
    xdg_folder(buf, cap, "XDG_DATA_HOME", ".local/share", sub);
    if (!buf[0])
        return;
    make_parents(buf);
    if (mkdir(buf, 0755) != 0 && errno != EEXIST)
        buf[0] = '\0';
}

char *read_regular_file(const char *path, size_t max, const char *limit, size_t *len, char *why,
                        size_t whycap)
{
    /* O_NONBLOCK: a FIFO is refused below, not waited on for a writer. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        snprintf(why, whycap, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(why, whycap, "cannot read: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whycap, "not a regular file (%s)", file_kind(st.st_mode));
        close(fd);
        return NULL;
    }
    if ((size_t)st.st_size > max) {
        snprintf(why, whycap, "the file is %lld bytes, over the limit %s", (long long)st.st_size,
                 limit);
        close(fd);
        return NULL;
    }
    /* Room for the file, its NUL and one byte more: the read that finds the
     * end fits without growing the buffer (growing it copied every file and
     * faulted in twice its size, each scenario file read twice while
     * loading). A file that grows while it is read grows the buffer. */
    size_t cap = (size_t)st.st_size + 2, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap - 1) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(why, whycap, "cannot read: %s", strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max) {
            snprintf(why, whycap, "the file grew over the limit %s", limit);
            free(buf);
            close(fd);
            return NULL;
        }
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

void cache_home(char *buf, size_t cap, const char *sub)
{
    xdg_folder(buf, cap, "XDG_CACHE_HOME", ".cache", sub);
}
