/* debrief_fmt: the small text rules the debrief reports share — HTML
 * escaping, ISO 8601 durations and timestamps, IRIs and the deterministic
 * statement ids of the xAPI export. Pure functions, unit-tested on their own
 * (tests/test_debrief_report.c). */
#ifndef DEBRIEF_FMT_H
#define DEBRIEF_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes s as HTML text, safe both between tags and inside a double- or
 * single-quoted attribute: & < > " ' become entities; bytes that are not
 * valid UTF-8, and C0 controls other than tab, newline and carriage return,
 * become U+FFFD, so a garbled log cannot break the page. NULL writes
 * nothing. */
void debrief_fmt_html(FILE *f, const char *s);

/* Writes s as a JSON string, quotes included: " \\ and C0 controls are
 * escaped (\n, \t, \u0001 …); bytes that are not valid UTF-8 become
 * \ufffd, so the output is always valid UTF-8 JSON whatever the log held.
 * NULL writes null. */
void debrief_fmt_json_string(FILE *f, const char *s);

/* ms as an ISO 8601 duration, the shortest exact form: 4250 -> "PT4.25S",
 * 0 -> "PT0S", 61000 -> "PT1M1S", 3723004 -> "PT1H2M3.004S". Returns buf, or
 * NULL when ms is negative or buf (32 bytes are always enough) is too small. */
const char *debrief_fmt_duration(int64_t ms, char *buf, size_t size);

/* True when s is a UTC timestamp as the log writes `at`:
 * YYYY-MM-DDTHH:MM:SS, optionally .fraction, then Z, with the fields in
 * range. */
bool debrief_fmt_is_timestamp(const char *s);

/* True when s starts like an absolute IRI: a scheme (letter, then letters,
 * digits, + - .), ':' and at least one more character, with no spaces or
 * control characters. */
bool debrief_fmt_is_iri(const char *s);

/* base (trailing '/' dropped), then for each segment '/' and the segment
 * percent-encoded (every byte outside A-Z a-z 0-9 - . _ ~ becomes %XX).
 * A NULL segment is written as "unknown". Free it with mem_free; NULL when
 * out of memory. */
char *debrief_fmt_iri(const char *base, const char *const *segments, size_t n);

/* The id of one xAPI statement: a name-based UUID (version 5, SHA-1) in the
 * project's fixed namespace from "SESSION/VERB/SEQ", so exporting the same
 * logs again gives the same ids and a Learning Record Store sees repeats,
 * not new statements. out gets the 36 characters and a NUL. */
void debrief_fmt_statement_id(const char *session, const char *verb, int64_t seq, char out[37]);

#endif
