/* dot_text: author text made safe for a Graphviz DOT quoted string.
 *
 * Three passes, each simple: clean (valid UTF-8, one space between words),
 * wrap (lines of at most `width` characters), escape (DOT's quoted string). */
#include "dot_text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct sbuf {
    char *p;
    size_t n, cap;
    bool oom;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void puts_(sbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Ends b: its string (never NULL unless out of memory). */
static char *finish(sbuf *b)
{
    put(b, "", 0);
    if (b->oom) {
        free(b->p);
        return NULL;
    }
    return b->p;
}

/* Length of the valid UTF-8 sequence at s (1-4) and its code point, or 0
 * when the bytes there are not valid UTF-8 (overlong, surrogate, too big). */
static size_t utf8_seq(const unsigned char *s, unsigned long *cp)
{
    size_t len;
    unsigned long c = s[0], min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0)
        len = 2, c &= 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        len = 3, c &= 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        len = 4, c &= 0x07, min = 0x10000;
    else
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

static bool is_blank(unsigned long cp)
{
    return cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

/* Valid UTF-8, words separated by single spaces, no space at either end. */
static char *clean(const char *s)
{
    sbuf b = {0};
    bool space = false;
    const unsigned char *p = (const unsigned char *)s;
    puts_(&b, "");
    while (*p) {
        unsigned long cp;
        size_t len = utf8_seq(p, &cp);
        if (len && is_blank(cp)) {
            space = b.n > 0;
        } else {
            if (space)
                put(&b, " ", 1);
            space = false;
            if (len)
                put(&b, (const char *)p, len);
            else
                puts_(&b, "\xEF\xBF\xBD"); /* U+FFFD for a byte that is not UTF-8 */
        }
        p += len ? len : 1;
    }
    return finish(&b);
}

/* Characters (code points) in the n bytes at s, which are valid UTF-8. */
static size_t chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Bytes of the first `want` characters of the n bytes at s. */
static size_t prefix_bytes(const char *s, size_t n, size_t want)
{
    size_t i = 0, k = 0;
    while (i < n) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (k == want)
                break;
            k++;
        }
        i++;
    }
    return i;
}

/* Lines of at most width characters joined by '\n'; words longer than a
 * line are split. Returns the number of lines in *lines. */
static char *wrap(const char *s, size_t width, size_t *lines)
{
    sbuf b = {0};
    size_t col = 0;
    puts_(&b, "");
    *lines = s[0] ? 1 : 0;
    while (*s) {
        size_t n = strcspn(s, " ");
        const char *w = s;
        s += n + (s[n] == ' ');
        while (n > 0) {
            size_t wc = chars(w, n);
            if (col > 0 && col + 1 + wc <= width) {
                put(&b, " ", 1);
                col++;
            } else if (col > 0) {
                put(&b, "\n", 1);
                ++*lines;
                col = 0;
            }
            size_t take = wc <= width ? n : prefix_bytes(w, n, width);
            put(&b, w, take);
            col += chars(w, take);
            w += take;
            n -= take;
        }
    }
    return finish(&b);
}

/* Keeps the first max lines, the last ending in "…". */
static void cut_lines(char *s, size_t max)
{
    char *p = s;
    for (size_t i = 0; i < max && p; i++) {
        p = strchr(p, '\n');
        if (p && i + 1 < max)
            p++;
    }
    if (p)
        *p = '\0';
}

static char *escape(const char *s)
{
    sbuf b = {0};
    puts_(&b, "");
    for (; *s; s++) {
        switch (*s) {
        case '\n':
            puts_(&b, "\\n");
            break;
        case '"':
            puts_(&b, "\\\"");
            break;
        case '\\':
            puts_(&b, "\\\\");
            break;
        case '&':
            puts_(&b, "&amp;");
            break;
        default:
            put(&b, s, 1);
        }
    }
    return finish(&b);
}

char *dot_text(const char *s, size_t width, size_t max_lines)
{
    char *c = clean(s ? s : "");
    if (!c)
        return NULL;
    if (width > 0) {
        size_t lines;
        char *w = wrap(c, width, &lines);
        free(c);
        if (!w)
            return NULL;
        c = w;
        if (max_lines > 0 && lines > max_lines) {
            cut_lines(c, max_lines);
            sbuf b = {c, strlen(c), strlen(c) + 1, false};
            puts_(&b, "…");
            if (!(c = finish(&b)))
                return NULL;
        }
    }
    char *out = escape(c);
    free(c);
    return out;
}
