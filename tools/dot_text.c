/* dot_text: author text made safe for a Graphviz DOT quoted string.
 *
 * Three passes, each simple: clean (valid UTF-8, one space between words),
 * wrap (lines of at most `width` characters), escape (DOT's quoted string). */
#include "dot_text.h"

#include <stdbool.h>
#include <string.h>

#include "strbuf.h"

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
static void clean(const char *s, strbuf *b)
{
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned long cp;
        size_t len = utf8_seq(p, &cp);
        if (len && is_blank(cp)) {
            space = b->len > 0;
        } else {
            if (space)
                strbuf_addc(b, ' ');
            space = false;
            if (len)
                strbuf_add(b, (const char *)p, len);
            else
                strbuf_adds(b, "\xEF\xBF\xBD"); /* U+FFFD for a byte that is not UTF-8 */
        }
        p += len ? len : 1;
    }
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
 * line are split. Returns the number of lines. */
static size_t wrap(const char *s, size_t width, strbuf *b)
{
    size_t col = 0, lines = s[0] ? 1 : 0;
    while (*s) {
        size_t n = strcspn(s, " ");
        const char *w = s;
        s += n + (s[n] == ' ');
        while (n > 0) {
            size_t wc = chars(w, n);
            if (col > 0 && col + 1 + wc <= width) {
                strbuf_addc(b, ' ');
                col++;
            } else if (col > 0) {
                strbuf_addc(b, '\n');
                lines++;
                col = 0;
            }
            size_t take = wc <= width ? n : prefix_bytes(w, n, width);
            strbuf_add(b, w, take);
            col += chars(w, take);
            w += take;
            n -= take;
        }
    }
    return lines;
}

/* Bytes of the first max (> 0) lines of s, without the '\n' after the last. */
static size_t first_lines(const char *s, size_t max)
{
    const char *p = s;
    for (size_t i = 0; i < max; i++) {
        const char *nl = strchr(p, '\n');
        if (!nl)
            break;
        if (i + 1 == max)
            return (size_t)(nl - s);
        p = nl + 1;
    }
    return strlen(s);
}

/* What c is written as inside a DOT quoted string; NULL: itself. */
static const char *escaped(char c)
{
    switch (c) {
    case '\n':
        return "\\n";
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '&':
        return "&amp;";
    default:
        return NULL;
    }
}

char *dot_text(const char *s, size_t width, size_t max_lines)
{
    strbuf text = STRBUF_INIT, out = STRBUF_INIT;
    clean(s ? s : "", &text);
    if (width > 0) {
        strbuf wrapped = STRBUF_INIT;
        size_t lines = wrap(strbuf_str(&text), width, &wrapped);
        if (max_lines > 0 && lines > max_lines) {
            strbuf_truncate(&wrapped, first_lines(strbuf_str(&wrapped), max_lines));
            strbuf_adds(&wrapped, "…");
        }
        wrapped.oom |= text.oom;
        strbuf_free(&text);
        text = wrapped;
    }
    for (const char *p = strbuf_str(&text); *p; p++) {
        const char *e = escaped(*p);
        if (e)
            strbuf_adds(&out, e);
        else
            strbuf_addc(&out, *p);
    }
    bool oom = strbuf_oom(&text);
    strbuf_free(&text);
    if (oom) {
        strbuf_free(&out);
        return NULL;
    }
    return strbuf_finish(&out);
}
