/* utf8: see utf8.h. The decoder follows the table of well-formed byte
 * sequences in the Unicode Standard (table 3-7), which also defines the
 * "maximal subpart" that a repair replaces with one U+FFFD. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

#include "mem.h"

/* The length of the well-formed sequence at s[0..n), or 0 when ill-formed;
 * then *sub is the length of its maximal ill-formed subpart (at least 1). */
static size_t seq_len(const unsigned char *s, size_t n, size_t *sub)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0) {
            lo = 0xA0; /* no overlong forms */
        } else if (c == 0xED) {
            hi = 0x9F; /* no surrogates */
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F; /* nothing above U+10FFFF */
        }
    } else {
        *sub = 1;
        return 0;
    }
    size_t i = 1;
    for (; i < need && i < n; i++) {
        unsigned char b = s[i];
        unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            break;
        }
    }
    if (i == need) {
        return need;
    }
    *sub = i;
    return 0;
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* Logs are mostly ASCII: eight bytes at a time while none has its
         * high bit set (every log line is checked, so this pays). */
        uint64_t w;
        while (n - i >= 8 && (memcpy(&w, u + i, 8), (w & 0x8080808080808080ULL) == 0))
            i += 8;
        if (i >= n)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t sub = 0, len = seq_len(u + i, n - i, &sub);
        if (len == 0) {
            if (bad) {
                *bad = i;
            }
            return false;
        }
        i += len;
    }
    return true;
}

char *utf8_repair(const char *s, size_t n, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)s;
    /* Each ill-formed byte becomes at most 3 bytes. */
    if (n > (((size_t)-1) - 1) / 3) {
        return NULL;
    }
    char *out = mem_malloc(n * 3 + 1);
    if (!out) {
        return NULL;
    }
    size_t i = 0, o = 0;
    while (i < n) {
        size_t sub = 0, len = seq_len(u + i, n - i, &sub);
        if (len) {
            memcpy(out + o, u + i, len);
            o += len;
            i += len;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += sub;
        }
    }
    out[o] = '\0';
    if (out_len) {
        *out_len = o;
    }
    return out;
}

size_t utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

size_t utf8_prefix(const char *s, size_t n, size_t max_chars)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (chars == max_chars) {
                return i;
            }
            chars++;
        }
    }
    return n;
}
