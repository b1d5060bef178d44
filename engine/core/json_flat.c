#include "json_flat.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct scan {
    const char *p, *end;
    json_flat_alloc alloc;
    void *ctx;
} scan;

static void skip_ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

/* A node of type in c, or in new memory when c is NULL. */
static cJSON *node(scan *s, cJSON *c, int type)
{
    if (!c)
        c = s->alloc(s->ctx, sizeof *c);
    if (c) {
        memset(c, 0, sizeof *c);
        c->type = type;
    }
    return c;
}

/* The escape after a backslash, or -1 when it is not one of the simple
 * ones (\u falls back to cJSON). */
static int unescape(char c)
{
    switch (c) {
    case '"':
    case '\\':
    case '/':
        return c;
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return -1;
    }
}

/* Bytes that end the plain run of a string: the quote, a backslash and the
 * control bytes (which fall back to cJSON). */
static bool special(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether any byte of v is below n (n <= 128), 8 bytes at a time: the
 * classic bit trick; bytes of 0x80 and above never count. */
static uint64_t any_below(uint64_t v, unsigned n)
{
    return (v - ONES * n) & ~v & HIGHS;
}

/* Skips the plain bytes of a string from q, 8 at a time while none of the
 * 8 is special, then byte by byte. */
static const char *plain_run(const char *q, const char *end)
{
    while (end - q >= 8) {
        uint64_t v;
        memcpy(&v, q, 8);
        if (any_below(v ^ (ONES * '"'), 1) | any_below(v ^ (ONES * '\\'), 1) | any_below(v, 0x20))
            break;
        q += 8;
    }
    while (q < end && !special((unsigned char)*q))
        q++;
    return q;
}

/* A string at s->p (the opening quote), NUL-terminated in new memory with
 * extra bytes before it (for a node); *out gets the string. */
static void *string_with(scan *s, size_t extra, char **out)
{
    const char *q = s->p + 1;
    size_t escapes = 0;
    for (;;) {
        q = plain_run(q, s->end);
        if (q >= s->end || (unsigned char)*q < 0x20)
            return NULL;
        if (*q == '"')
            break;
        if (q + 1 >= s->end || unescape(q[1]) < 0)
            return NULL;
        escapes++;
        q += 2;
    }
    size_t len = (size_t)(q - (s->p + 1)) - escapes;
    char *block = s->alloc(s->ctx, extra + len + 1);
    if (!block)
        return NULL;
    char *str = block + extra;
    if (escapes == 0) {
        memcpy(str, s->p + 1, len);
    } else {
        char *w = str;
        for (const char *r = s->p + 1; r < q; r++)
            *w++ = *r == '\\' ? (char)unescape(*++r) : *r;
    }
    str[len] = '\0';
    *out = str;
    s->p = q + 1;
    return block;
}

/* 10^k for k <= 22 is exact in a double, and so is a whole number below
 * 2^53: their quotient is then the correctly rounded value, the one strtod
 * gives. */
static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* -?(0|[1-9][0-9]*)(.[0-9]+)?, within the exact range above. */
static bool number(scan *s, double *out)
{
    const char *q = s->p;
    bool neg = q < s->end && *q == '-';
    uint64_t m = 0;
    int digits = 0, frac = 0;
    q += neg;
    if (q >= s->end || *q < '0' || *q > '9' ||
        (*q == '0' && q + 1 < s->end && q[1] >= '0' && q[1] <= '9'))
        return false;
    for (; q < s->end && *q >= '0' && *q <= '9'; q++, digits++)
        m = m * 10 + (uint64_t)(*q - '0');
    if (q < s->end && *q == '.') {
        if (++q >= s->end || *q < '0' || *q > '9')
            return false;
        for (; q < s->end && *q >= '0' && *q <= '9'; q++, digits++, frac++)
            m = m * 10 + (uint64_t)(*q - '0');
    }
    if (digits > 15 || frac > 22 || (q < s->end && (*q == 'e' || *q == 'E')))
        return false;
    double v = (double)m / pow10[frac];
    *out = neg ? -v : v;
    s->p = q;
    return true;
}

static bool literal(scan *s, const char *word, size_t len)
{
    if ((size_t)(s->end - s->p) < len || memcmp(s->p, word, len) != 0)
        return false;
    s->p += len;
    return true;
}

/* A value other than an array, in c (or new memory when c is NULL). */
static cJSON *scalar(scan *s, cJSON *c)
{
    double v;
    if (s->p >= s->end)
        return NULL;
    switch (*s->p) {
    case '"': {
        char *str = NULL;
        void *block = string_with(s, c ? 0 : sizeof *c, &str);
        if (!block || !(c = node(s, c ? c : block, cJSON_String)))
            return NULL;
        c->valuestring = str;
        return c;
    }
    case 't':
        return literal(s, "true", 4) ? node(s, c, cJSON_True) : NULL;
    case 'f':
        return literal(s, "false", 5) ? node(s, c, cJSON_False) : NULL;
    case 'n':
        return literal(s, "null", 4) ? node(s, c, cJSON_NULL) : NULL;
    default:
        if (!number(s, &v) || !(c = node(s, c, cJSON_Number)))
            return NULL;
        c->valuedouble = v;
        c->valueint = v >= INT_MAX ? INT_MAX : v <= (double)INT_MIN ? INT_MIN : (int)v;
        return c;
    }
}

/* Appends item after *last (the first child when *last is NULL), linked as
 * cJSON links them: prev of the first child is the last one. */
static void link(cJSON *parent, cJSON **last, cJSON *item)
{
    if (!*last) {
        parent->child = item;
    } else {
        (*last)->next = item;
        item->prev = *last;
    }
    parent->child->prev = item;
    *last = item;
}

static cJSON *array(scan *s, cJSON *c)
{
    cJSON *arr = node(s, c, cJSON_Array), *last = NULL;
    if (!arr)
        return NULL;
    s->p++;
    skip_ws(s);
    if (s->p < s->end && *s->p == ']') {
        s->p++;
        return arr;
    }
    for (;;) {
        skip_ws(s);
        cJSON *item = scalar(s, NULL);
        if (!item)
            return NULL;
        link(arr, &last, item);
        skip_ws(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
        } else if (s->p < s->end && *s->p == ']') {
            s->p++;
            return arr;
        } else {
            return NULL;
        }
    }
}

/* "key": value, the node and its key in one block. */
static cJSON *member(scan *s)
{
    char *key = NULL;
    if (s->p >= s->end || *s->p != '"')
        return NULL;
    cJSON *c = string_with(s, sizeof *c, &key);
    if (!c)
        return NULL;
    skip_ws(s);
    if (s->p >= s->end || *s->p != ':')
        return NULL;
    s->p++;
    skip_ws(s);
    cJSON *value = s->p < s->end && *s->p == '[' ? array(s, c) : scalar(s, c);
    if (value)
        value->string = key;
    return value;
}

cJSON *json_flat_parse(const char *text, size_t n, json_flat_alloc alloc, void *ctx)
{
    scan s = {.p = text, .end = text + n, .alloc = alloc, .ctx = ctx};
    skip_ws(&s);
    if (s.p >= s.end || *s.p != '{')
        return NULL;
    cJSON *obj = node(&s, NULL, cJSON_Object), *last = NULL;
    s.p++;
    skip_ws(&s);
    bool empty = s.p < s.end && *s.p == '}';
    while (obj && !empty) {
        skip_ws(&s);
        cJSON *m = member(&s);
        if (!m)
            return NULL;
        link(obj, &last, m);
        skip_ws(&s);
        if (s.p < s.end && *s.p == ',')
            s.p++;
        else
            break;
    }
    if (!obj || s.p >= s.end || *s.p != '}')
        return NULL;
    s.p++;
    skip_ws(&s);
    return s.p == s.end ? obj : NULL;
}
