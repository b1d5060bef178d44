/* debrief_fmt: text rules shared by the HTML and xAPI reports. */
#include "debrief_fmt.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <uuid/uuid.h>

#include "strbuf.h"

/* Length of the UTF-8 sequence starting at s (1..4), or 0 when the bytes
 * there are not valid UTF-8 (overlong forms and surrogates included). */
static size_t utf8_len(const unsigned char *s)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    return n;
}

static const char *html_entity(unsigned char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return NULL;
    }
}

enum { SPECIAL_HTML, SPECIAL_JSON };

/* Single bytes the output cannot take as they are. */
static bool is_special(unsigned char c, int mode)
{
    if (mode == SPECIAL_JSON)
        return c == '"' || c == '\\' || c < 0x20;
    return html_entity(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

/* Bytes from p that can be copied as they are: valid UTF-8 and not
 * special. ASCII, the common case, is checked without decoding. */
static size_t plain_span(const unsigned char *p, int mode)
{
    size_t k = 0;
    while (p[k]) {
        size_t n;
        if (p[k] < 0x80) {
            if (is_special(p[k], mode))
                break;
            k++;
            continue;
        }
        n = utf8_len(p + k);
        if (n == 0)
            break;
        k += n;
    }
    return k;
}

void debrief_fmt_html(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!s)
        return;
    while (*p) {
        size_t k = plain_span(p, SPECIAL_HTML);
        const char *ent;
        fwrite(p, 1, k, f);
        p += k;
        if (!*p)
            break;
        ent = html_entity(*p);
        fputs(ent ? ent : "\xEF\xBF\xBD", f); /* U+FFFD REPLACEMENT CHARACTER */
        p++;
    }
}

static void json_escape(FILE *f, unsigned char c)
{
    static const char *const named[] = {
        ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t"};
    if (c < sizeof named / sizeof named[0] && named[c])
        fputs(named[c], f);
    else
        fprintf(f, "\\u%04x", c);
}

void debrief_fmt_json_string(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!s) {
        fputs("null", f);
        return;
    }
    flockfile(f); /* once per string, not per byte: putc's lock dominated the export */
    putc_unlocked('"', f);
    while (*p) {
        size_t k = plain_span(p, SPECIAL_JSON);
        fwrite(p, 1, k, f);
        p += k;
        if (!*p)
            break;
        if (is_special(*p, SPECIAL_JSON))
            json_escape(f, *p);
        else
            fputs("\\ufffd", f); /* not valid UTF-8 */
        p++;
    }
    putc_unlocked('"', f);
    funlockfile(f);
}

const char *debrief_fmt_duration(int64_t ms, char *buf, size_t size)
{
    int64_t h, m, s, frac;
    size_t len = 0;
    int w;
    if (ms < 0 || !buf || size < 32)
        return NULL;
    h = ms / 3600000;
    m = ms / 60000 % 60;
    s = ms / 1000 % 60;
    frac = ms % 1000;
    buf[0] = '\0';
    w = snprintf(buf, size, "PT");
    len += (size_t)w;
    if (h > 0)
        len += (size_t)snprintf(buf + len, size - len, "%" PRId64 "H", h);
    if (m > 0)
        len += (size_t)snprintf(buf + len, size - len, "%" PRId64 "M", m);
    if (frac > 0) {
        /* Three digits, then drop trailing zeros: .250 -> .25. */
        char digits[4];
        int nd = 3;
        snprintf(digits, sizeof digits, "%03" PRId64, frac);
        while (nd > 1 && digits[nd - 1] == '0')
            nd--;
        snprintf(buf + len, size - len, "%" PRId64 ".%.*sS", s, nd, digits);
    } else if (s > 0 || (h == 0 && m == 0)) {
        snprintf(buf + len, size - len, "%" PRId64 "S", s);
    }
    return buf;
}

/* Reads exactly n digits at s into *out. */
static bool read_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool debrief_fmt_is_timestamp(const char *s)
{
    int y, mo, d, h, mi, se;
    const char *p;
    if (!s || strlen(s) < 20)
        return false;
    if (!read_digits(s, 4, &y) || s[4] != '-' || !read_digits(s + 5, 2, &mo) || s[7] != '-' ||
        !read_digits(s + 8, 2, &d) || s[10] != 'T' || !read_digits(s + 11, 2, &h) || s[13] != ':' ||
        !read_digits(s + 14, 2, &mi) || s[16] != ':' || !read_digits(s + 17, 2, &se))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return false;
    p = s + 19;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return p[0] == 'Z' && p[1] == '\0';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool debrief_fmt_is_iri(const char *s)
{
    const char *p = s;
    if (!s || !is_alpha(*p))
        return false;
    while (is_alpha(*p) || (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
        p++;
    if (*p != ':' || p[1] == '\0')
        return false;
    for (p = s; *p; p++) {
        if ((unsigned char)*p <= 0x20 || *p == 0x7F)
            return false;
    }
    return true;
}

static bool is_unreserved(unsigned char c)
{
    return is_alpha((char)c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
           c == '~';
}

char *debrief_fmt_iri(const char *base, const char *const *segments, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    strbuf b = STRBUF_INIT;
    size_t blen = strlen(base);
    while (blen > 0 && base[blen - 1] == '/')
        blen--;
    strbuf_add(&b, base, blen);
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)(segments[i] ? segments[i] : "unknown");
        strbuf_addc(&b, '/');
        for (; *p; p++) {
            if (is_unreserved(*p)) {
                strbuf_addc(&b, (char)*p);
            } else {
                strbuf_addc(&b, '%');
                strbuf_addc(&b, hex[*p >> 4]);
                strbuf_addc(&b, hex[*p & 0xF]);
            }
        }
    }
    return strbuf_finish(&b);
}

/* uuid5(NAMESPACE_URL, "urn:appraise:xapi-statement"): fixed forever, so
 * ids stay the same from one release to the next. */
static const uuid_t statement_ns = {0xf0, 0x9f, 0x9c, 0x15, 0x3f, 0xa8, 0x5c, 0xce,
                                    0xa3, 0xd9, 0xc4, 0x87, 0xba, 0xe4, 0x19, 0x44};

void debrief_fmt_statement_id(const char *session, const char *verb, int64_t seq, char out[37])
{
    char small[256];
    char *name = small;
    size_t need = strlen(session) + strlen(verb) + 24;
    uuid_t u;
    int len;
    if (need > sizeof small) {
        name = malloc(need);
        if (!name) { /* cannot happen in practice; keep the id deterministic anyway */
            name = small;
            need = sizeof small;
        }
    }
    len = snprintf(name, need, "%s/%s/%" PRId64, session, verb, seq);
    if (len < 0 || (size_t)len >= need)
        len = (int)strlen(name);
    uuid_generate_sha1(u, statement_ns, name, (size_t)len);
    uuid_unparse_lower(u, out);
    if (name != small)
        free(name);
}
