/* json_util: small helpers over cJSON for the session log and reports. */
#ifndef JSON_UTIL_H
#define JSON_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

/* The shortest decimal text that reads back as exactly x: 0.87, not
 * 0.86999999999999999; 0.6666666666666666. Whole numbers within 2^53 print
 * without a fraction (118). buf needs 32 bytes. Non-finite x gives "null". */
const char *json_number_text(double x, char *buf, size_t size);

/* A cJSON number node that prints as json_number_text(x). It is a cJSON_Raw
 * node (cJSON prints its own numbers with 17 digits), so cJSON_IsNumber() is
 * false for it; its valuedouble (and valueint) still hold x. Non-finite x
 * gives a JSON null node. */
cJSON *json_number(double x);

/* cJSON nodes that print a whole number as its exact digits (a double
 * would round above 2^53); valuedouble holds the nearest double. */
cJSON *json_int(long long value);
cJSON *json_u64(unsigned long long value);

/* Adds key: number / string-or-null / bool-or-null / int-or-null to obj.
 * A NULL string, or has == false, adds JSON null. Return obj's new item. */
cJSON *json_add_number(cJSON *obj, const char *key, double x);
cJSON *json_add_string_or_null(cJSON *obj, const char *key, const char *s);
cJSON *json_add_bool_or_null(cJSON *obj, const char *key, bool has, bool value);
cJSON *json_add_int_or_null(cJSON *obj, const char *key, bool has, long long value);

/* Adds item under key to obj, or appends it to list: the item, or NULL
 * (item freed) when obj, list or item is NULL or out of memory. */
cJSON *json_add_item(cJSON *obj, const char *key, cJSON *item);
cJSON *json_append(cJSON *list, cJSON *item);

/* Prints obj on one line (no spaces), malloc'd; NULL when out of memory. */
char *json_print_line(const cJSON *obj);

#endif
