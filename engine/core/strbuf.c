#include "strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"

bool strbuf_reserve(strbuf *b, size_t n)
{
    if (b->oom)
        return false;
    if (n > SIZE_MAX - 1 - b->len) {
        b->oom = true;
        return false;
    }
    char *s = mem_grow(b->s, &b->cap, b->len + n + 1, 1);
    if (!s) {
        b->oom = true;
        return false;
    }
    if (!b->s)
        s[0] = '\0';
    b->s = s;
    return true;
}

void strbuf_add(strbuf *b, const char *s, size_t n)
{
    if (!strbuf_reserve(b, n))
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void strbuf_adds(strbuf *b, const char *s)
{
    strbuf_add(b, s, strlen(s));
}

void strbuf_addc(strbuf *b, char c)
{
    strbuf_add(b, &c, 1);
}

void strbuf_vaddf(strbuf *b, const char *fmt, va_list ap)
{
    if (b->oom)
        return;
    va_list again;
    va_copy(again, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) { /* an encoding error: nothing sensible to append */
        va_end(again);
        b->oom = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        strbuf_add(b, small, (size_t)n);
    } else if (strbuf_reserve(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void strbuf_addf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(b, fmt, ap);
    va_end(ap);
}

const char *strbuf_str(const strbuf *b)
{
    return b->s ? b->s : "";
}

void strbuf_reset(strbuf *b)
{
    b->len = 0;
    b->oom = false;
    if (b->s)
        b->s[0] = '\0';
}

void strbuf_truncate(strbuf *b, size_t len)
{
    if (b->s && len < b->len) {
        b->len = len;
        b->s[len] = '\0';
    }
}

char *strbuf_finish(strbuf *b)
{
    char *s = NULL;
    if (!b->oom)
        s = b->s ? b->s : mem_strdup("");
    else
        mem_free(b->s);
    *b = (strbuf)STRBUF_INIT;
    return s;
}

void strbuf_free(strbuf *b)
{
    mem_free(b->s);
    *b = (strbuf)STRBUF_INIT;
}
