/* utf8: checking and repairing UTF-8 text (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). The session log is UTF-8 by its
 * specification, so case text is checked when a case loads and what a
 * trainee types is repaired before it is logged. */
#ifndef UTF8_H
#define UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when the n bytes at s are well-formed UTF-8. Otherwise false, with the
 * offset of the first byte of the first ill-formed sequence in *bad (when bad
 * is not NULL). NUL bytes are well-formed here; callers that need text
 * without NULs check for them apart. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* A NUL-terminated copy of the n bytes at s in which each maximal
 * ill-formed subpart is replaced by U+FFFD (the Unicode Standard's
 * recommended practice, chapter 3), its length in *out_len when not NULL.
 * Free it with mem_free (mem.h). NULL when out of memory. */
char *utf8_repair(const char *s, size_t n, size_t *out_len);

/* The number of code points in well-formed s (n bytes). */
size_t utf8_count(const char *s, size_t n);

/* The length in bytes of the longest prefix of well-formed s (n bytes) that
 * holds at most max_chars code points: a cut never splits a character. */
size_t utf8_prefix(const char *s, size_t n, size_t max_chars);

#endif
