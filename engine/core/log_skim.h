/* log_skim: goes through one JSON object's top-level members without
 * building anything: each member's key and the text of its value, and
 * whether the whole text is one well-formed JSON object. The log reader
 * uses it to count the records a read does not need without parsing them
 * (whatever order their members come in), and to read a whole number
 * exactly from its digits, which cJSON would round through a double.
 *
 * It is stricter than cJSON (JSON's own grammar for numbers and
 * whitespace, at most LOG_SKIM_DEPTH levels of nesting), so text it
 * accepts cJSON accepts too; what it refuses may still parse, and is left
 * to cJSON. */
#ifndef LOG_SKIM_H
#define LOG_SKIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOG_SKIM_DEPTH 256

typedef struct log_span {
    const char *p;
    size_t n;
} log_span;

typedef struct log_skim {
    const char *p, *end;
    int state;
} log_skim;

/* Starts on the text s[0..n). */
void log_skim_begin(log_skim *k, const char *s, size_t n);

/* The next member: 1 with its key (the bytes between the quotes; *plain is
 * false when they hold an escape, so they are not the key's own bytes) and
 * its value (the value's JSON text, quotes included for a string). 0 once
 * the object has ended with nothing but whitespace after it; -1 when the
 * text is not one JSON object (the skim stays at -1). */
int log_skim_next(log_skim *k, log_span *key, bool *plain, log_span *value);

/* The value of the first top-level member called name in the object
 * s[0..n); false when there is none (or the text is not an object up to
 * it). */
bool log_skim_find(const char *s, size_t n, const char *name, log_span *value);

/* A value's text as a number (strtod, as cJSON reads numbers): true with
 * *x when it is a JSON number. */
bool log_span_number(log_span v, double *x);

/* A value's text as an unsigned whole number, exactly: true with *x when
 * it is written as digits alone (no sign, fraction or exponent) and is at
 * most 2^64 - 1. */
bool log_span_u64(log_span v, uint64_t *x);

/* Whether the value's text is the string s (written without escapes). */
bool log_span_is_string(log_span v, const char *s, size_t len);

#endif
