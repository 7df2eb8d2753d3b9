#include "utf8.h"
#include "util.h"

#include <string.h>

/* Whether the 8 bytes at s are ASCII and none is NUL: most of a
 * scenario's text, stepped over a word at a time. */
static bool ascii8(const unsigned char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    return ((v | ((v - ones) & ~v)) & highs) == 0;
}

bool utf8_valid(const char *str, size_t n, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        if (n - i >= 8 && ascii8(s + i)) {
            i += 8;
            continue;
        }
        unsigned c = s[i];
        size_t len;
        uint32_t cp, min;
        if (c == 0) {
            goto fail;
        } else if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            len = 2, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            goto fail;
        }
        if (i + len > n)
            goto fail;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                goto fail;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            goto fail;
        i += len;
    }
    return true;
fail:
    if (bad)
        *bad = i;
    return false;
}

int utf8_decode(const char *str, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
    uint32_t v = len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    if (len == 1) {
        *cp = 0xfffd;
        return 1;
    }
    for (int k = 1; k < len; k++) {
        if ((s[k] & 0xc0) != 0x80) {
            *cp = 0xfffd;
            return k;
        }
        v = (v << 6) | (s[k] & 0x3f);
    }
    *cp = v;
    return len;
}

size_t utf8_length(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            count++;
    return count;
}

int utf8_width(uint32_t cp)
{
    if (cp == 0)
        return 0;
    /* Combining marks and zero-width characters. */
    if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
        (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
        (cp >= 0xfe20 && cp <= 0xfe2f) || cp == 0x200b || cp == 0x200c || cp == 0x200d ||
        (cp >= 0xfe00 && cp <= 0xfe0f))
        return 0;
    /* Wide: Hangul Jamo, CJK, Hangul syllables, fullwidth forms, emoji. */
    if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd))
        return 2;
    return 1;
}

static bool is_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool in_list(uint32_t cp, const uint16_t *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == cp)
            return true;
    return false;
}

static bool no_break_before(uint32_t cp)
{
    static const uint16_t closing[] = {
        0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x30FC, 0xFF01, 0xFF09,
        0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF5D, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049,
        0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3,
        0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
    };
    if (cp < 0x80)
        return cp && strchr(")]}.,:;!?%", (int)cp) != NULL;
    return in_list(cp, closing, sizeof closing / sizeof closing[0]);
}

static bool no_break_after(uint32_t cp)
{
    static const uint16_t opening[] = {0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014,
                                       0xFF08, 0xFF5B};
    if (cp < 0x80)
        return cp && strchr("([{$", (int)cp) != NULL;
    return in_list(cp, opening, sizeof opening / sizeof opening[0]);
}

bool utf8_may_break(uint32_t prev, uint32_t next)
{
    if (!is_cjk(prev) && !is_cjk(next))
        return false;
    return !no_break_before(next) && !no_break_after(prev);
}

bool utf8_is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
           (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Whether the 8 bytes at s are all printable ASCII (0x20 to 0x7e): none
 * has its high bit, none is below 0x20 (the subtraction borrows there),
 * none is 0x7f (adding one sets the high bit). */
static bool printable8(const unsigned char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    return ((v | ((v - 0x20 * ones) & ~v) | (v + ones)) & highs) == 0;
}

bool utf8_find_control(const char *s, size_t n, bool allow_newline, size_t *at, uint32_t *cp)
{
    for (size_t i = 0; i < n;) {
        /* Printable ASCII, most of a text: no decoding, eight bytes at a
         * time where it can. */
        if (n - i >= 8 && printable8((const unsigned char *)s + i)) {
            i += 8;
            continue;
        }
        if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
            i++;
            continue;
        }
        uint32_t c;
        int k = utf8_decode(s + i, &c);
        if (i + (size_t)k > n)
            k = (int)(n - i);
        if (utf8_is_control(c) && c != '\t' && !(allow_newline && c == '\n')) {
            *at = i;
            *cp = c;
            return true;
        }
        i += (size_t)(k > 0 ? k : 1);
    }
    return false;
}

void utf8_fold_controls(struct strbuf *out, const char *s, size_t n, bool keep_newlines)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;
        int k = utf8_decode(s + i, &c);
        if (k < 1)
            k = 1;
        if (i + (size_t)k > n)
            k = (int)(n - i);
        size_t bad;
        bool valid = c != 0xfffd || utf8_valid(s + i, (size_t)k, &bad);
        if (!valid || (utf8_is_control(c) && c != '\t' && !(keep_newlines && c == '\n')))
            sb_puts(out, "\xEF\xBF\xBD"); /* U+FFFD */
        else
            sb_append(out, s + i, (size_t)k);
        i += (size_t)k;
    }
}
