/* log_skim: the members of a JSON object, without building it (see
 * log_skim.h). The grammar is RFC 8259's. */
#include "log_skim.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { SKIM_FIRST, SKIM_NEXT, SKIM_DONE, SKIM_BAD };

static const char *ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* \uXXXX at p (the backslash): its code unit, or -1. */
static long unit(const char *p, const char *end)
{
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    long u = 0;
    for (int i = 2; i < 6; i++) {
        int h = hex(p[i]);
        if (h < 0)
            return -1;
        u = u * 16 + h;
    }
    return u;
}

/* An escape at p (the backslash): what follows it, or NULL. A surrogate
 * must come in a pair, as cJSON wants it. */
static const char *escape(const char *p, const char *end)
{
    if (end - p < 2)
        return NULL;
    if (strchr("\"\\/bfnrt", p[1]) && p[1] != '\0')
        return p + 2;
    long u = unit(p, end);
    if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
        return NULL;
    if (u < 0xD800 || u > 0xDBFF)
        return p + 6;
    long low = unit(p + 6, end);
    return low >= 0xDC00 && low <= 0xDFFF ? p + 12 : NULL;
}

/* Bytes that end the plain run of a string: the closing quote, an escape,
 * and the control characters a JSON string may not hold. */
static const unsigned char stops[256] = {
    1,         1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00-0x0f */
    1,         1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10-0x1f */
    ['"'] = 1, ['\\'] = 1,
};

/* A string at p (its opening quote): what follows its closing quote. */
static const char *string(const char *p, const char *end, bool *plain)
{
    *plain = true;
    p++;
    for (;;) {
        while (p < end && !stops[(unsigned char)*p])
            p++;
        if (p >= end || (unsigned char)*p < 0x20)
            return NULL;
        if (*p == '"')
            return p + 1;
        *plain = false;
        if (!(p = escape(p, end)))
            return NULL;
    }
}

static const char *digits(const char *p, const char *end)
{
    const char *start = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p > start ? p : NULL;
}

static const char *number(const char *p, const char *end)
{
    if (p < end && *p == '-')
        p++;
    if (p < end && *p == '0')
        p++;
    else if (!(p = digits(p, end)))
        return NULL;
    if (p < end && *p == '.' && !(p = digits(p + 1, end)))
        return NULL;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        p = digits(p, end);
    }
    return p;
}

static const char *literal(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0 ? p + n : NULL;
}

static const char *value(const char *p, const char *end, int depth);

/* The rest of an array or object after its opening bracket. */
static const char *container(const char *p, const char *end, int depth, char close)
{
    bool plain;
    p = ws(p + 1, end);
    if (p < end && *p == close)
        return p + 1;
    for (;;) {
        if (close == '}') {
            if (p >= end || *p != '"' || !(p = string(p, end, &plain)))
                return NULL;
            p = ws(p, end);
            if (p >= end || *p != ':')
                return NULL;
            p = ws(p + 1, end);
        }
        if (!(p = value(p, end, depth + 1)))
            return NULL;
        p = ws(p, end);
        if (p < end && *p == close)
            return p + 1;
        if (p >= end || *p != ',')
            return NULL;
        p = ws(p + 1, end);
    }
}

static const char *value(const char *p, const char *end, int depth)
{
    bool plain;
    if (p >= end || depth > LOG_SKIM_DEPTH)
        return NULL;
    switch (*p) {
    case '"':
        return string(p, end, &plain);
    case '{':
        return container(p, end, depth, '}');
    case '[':
        return container(p, end, depth, ']');
    case 't':
        return literal(p, end, "true");
    case 'f':
        return literal(p, end, "false");
    case 'n':
        return literal(p, end, "null");
    default:
        return number(p, end);
    }
}

void log_skim_begin(log_skim *k, const char *s, size_t n)
{
    k->end = s + n;
    k->p = ws(s, k->end);
    k->state = SKIM_FIRST;
    if (k->p >= k->end || *k->p != '{')
        k->state = SKIM_BAD;
    else
        k->p = ws(k->p + 1, k->end);
}

static int bad(log_skim *k)
{
    k->state = SKIM_BAD;
    return -1;
}

/* The object's closing brace at k->p: nothing but whitespace may follow. */
static int close_object(log_skim *k)
{
    if (ws(k->p + 1, k->end) != k->end)
        return bad(k);
    k->state = SKIM_DONE;
    return 0;
}

int log_skim_next(log_skim *k, log_span *key, bool *plain, log_span *val)
{
    const char *p = k->p, *end = k->end;
    if (k->state == SKIM_DONE)
        return 0;
    if (k->state == SKIM_BAD || p >= end)
        return bad(k);
    if (k->state == SKIM_NEXT) {
        if (*p == '}')
            return close_object(k);
        if (*p != ',')
            return bad(k);
        p = ws(p + 1, end);
    } else if (*p == '}') {
        return close_object(k);
    }
    if (p >= end || *p != '"')
        return bad(k);
    const char *after = string(p, end, plain);
    if (!after)
        return bad(k);
    *key = (log_span){p + 1, (size_t)(after - p - 2)};
    p = ws(after, end);
    if (p >= end || *p != ':')
        return bad(k);
    p = ws(p + 1, end);
    after = value(p, end, 1);
    if (!after)
        return bad(k);
    *val = (log_span){p, (size_t)(after - p)};
    k->p = ws(after, end);
    k->state = SKIM_NEXT;
    return 1;
}

bool log_skim_find(const char *s, size_t n, const char *name, log_span *val)
{
    log_skim k;
    log_span key;
    bool plain;
    size_t len = strlen(name);
    log_skim_begin(&k, s, n);
    while (log_skim_next(&k, &key, &plain, val) == 1)
        if (plain && key.n == len && memcmp(key.p, name, len) == 0)
            return true;
    return false;
}

bool log_span_number(log_span v, double *x)
{
    char buf[64];
    if (v.n > 0 && v.n < 16 && digits(v.p, v.p + v.n) == v.p + v.n && (v.p[0] != '0' || v.n == 1)) {
        /* a whole number of up to 15 digits (seq, t, v): exact in a double */
        long long u = 0;
        for (size_t i = 0; i < v.n; i++)
            u = u * 10 + (v.p[i] - '0');
        *x = (double)u;
        return true;
    }
    if (v.n == 0 || v.n >= sizeof buf || number(v.p, v.p + v.n) != v.p + v.n)
        return false;
    memcpy(buf, v.p, v.n);
    buf[v.n] = '\0';
    *x = strtod(buf, NULL);
    return true;
}

bool log_span_u64(log_span v, uint64_t *x)
{
    char buf[32];
    if (v.n == 0 || v.n >= sizeof buf || digits(v.p, v.p + v.n) != v.p + v.n)
        return false;
    memcpy(buf, v.p, v.n);
    buf[v.n] = '\0';
    errno = 0;
    unsigned long long u = strtoull(buf, NULL, 10);
    if (errno == ERANGE)
        return false;
    *x = u;
    return true;
}

bool log_span_is_string(log_span v, const char *s, size_t len)
{
    return v.n == len + 2 && v.p[0] == '"' && memcmp(v.p + 1, s, len) == 0 &&
           !memchr(v.p + 1, '\\', len);
}
