/* json_flat: a fast parser for the flat JSON objects session logs are made
 * of, giving the same cJSON tree cJSON_Parse would, for the log reader (a
 * cohort of a million decision records spends most of its reading time in
 * the parser; cJSON allocates, and calls strtod, for every value).
 *
 * It reads a strict subset of JSON: one object whose members are strings
 * (with the escapes \" \\ \/ \b \f \n \r \t), numbers without exponent,
 * true, false, null, and arrays of those; whitespace between tokens. On
 * anything else (nested objects, \u escapes, exponents, control bytes in
 * strings, a syntax error) it returns NULL and the caller parses the text
 * with cJSON, which then decides whether it is JSON at all. So it never
 * accepts what cJSON rejects, and what it accepts reads as cJSON reads it
 * (tests/test_json_flat.c checks both on every line and every prefix of
 * the fixtures). */
#ifndef JSON_FLAT_H
#define JSON_FLAT_H

#include <stddef.h>

#include <cJSON.h>

/* Memory for the tree's nodes and strings, never freed one by one. */
typedef void *(*json_flat_alloc)(void *ctx, size_t size);

/* Parses s[0..n) (trailing whitespace allowed). NULL when s is outside the
 * subset, or alloc returned NULL. */
cJSON *json_flat_parse(const char *s, size_t n, json_flat_alloc alloc, void *ctx);

#endif
