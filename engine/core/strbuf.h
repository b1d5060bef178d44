/* strbuf: the one growing string of the code base, after Lua's luaL_Buffer
 * and SQLite's sqlite3_str. Append with strbuf_add/adds/addc/addf; a failed
 * allocation sets `oom`, turns every later append into a no-op and keeps
 * what was there, so a builder checks once, at the end (strbuf_finish or
 * strbuf_oom), not after every append. The text is always NUL-terminated
 * once anything has been added. Memory comes from the core's allocation
 * hook (mem.h), so a test can make any append fail.
 *
 *     strbuf b = STRBUF_INIT;
 *     strbuf_adds(&b, "NEWS2 ");
 *     strbuf_addf(&b, "%d", score);
 *     char *s = strbuf_finish(&b);   // NULL when an append ran out of memory
 */
#ifndef STRBUF_H
#define STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct strbuf {
    char *s;    /* NULL until the first append; then NUL-terminated */
    size_t len; /* bytes, without the NUL */
    size_t cap; /* bytes allocated */
    bool oom;   /* an append failed: s holds what came before it */
} strbuf;

#define STRBUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, false                                                                          \
    }

#if defined(__GNUC__) || defined(__clang__)
#define STRBUF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define STRBUF_PRINTF(f, a)
#endif

/* Appends n bytes of s (which may hold NULs). */
void strbuf_add(strbuf *b, const char *s, size_t n);
/* Appends the NUL-terminated s. */
void strbuf_adds(strbuf *b, const char *s);
void strbuf_addc(strbuf *b, char c);
void strbuf_addf(strbuf *b, const char *fmt, ...) STRBUF_PRINTF(2, 3);
void strbuf_vaddf(strbuf *b, const char *fmt, va_list ap) STRBUF_PRINTF(2, 0);

/* Makes room for n more bytes (and the NUL) without appending; false when
 * out of memory (and oom is then set). */
bool strbuf_reserve(strbuf *b, size_t n);

/* The text so far: "" before the first append, never NULL. */
const char *strbuf_str(const strbuf *b);
static inline bool strbuf_oom(const strbuf *b)
{
    return b->oom;
}

/* Empties the text and clears oom, keeping the memory for reuse. */
void strbuf_reset(strbuf *b);
/* Shortens the text to len bytes (no-op when it is not longer). */
void strbuf_truncate(strbuf *b, size_t len);

/* Hands over the text (free it with mem_free) and leaves b empty. NULL, with
 * nothing to free, when an append failed; "" is returned as an allocated
 * empty string. */
char *strbuf_finish(strbuf *b);
void strbuf_free(strbuf *b);

#endif
