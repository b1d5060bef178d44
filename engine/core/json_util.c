#include "json_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2^53: below it every whole double is an exact integer, so "%.0f" prints it
 * digit for digit and it reads back exactly. */
#define JSON_EXACT_INT_LIMIT 9007199254740992.0

/* Shortest "%.Ng" (N = 1..17) that strtod reads back as x. 17 significant
 * digits always round-trip a double, so the loop always ends with an answer.
 * The program never sets LC_NUMERIC, so the decimal point is '.'. */
static void shortest_g(double x, char *buf, size_t size)
{
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

const char *json_number_text(double x, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    if (!isfinite(x))
        snprintf(buf, size, "null");
    else if (x == 0.0)
        snprintf(buf, size, "0"); /* -0 too: a log reader wants 0, not "-0" */
    else if (x == floor(x) && fabs(x) < JSON_EXACT_INT_LIMIT)
        snprintf(buf, size, "%.0f", x);
    else
        shortest_g(x, buf, size); /* "1e-07", "1e+300": both valid JSON */
    return buf;
}

/* cJSON prints its own number nodes with %1.15g/%1.17g (0.66666666666666663),
 * so the node is cJSON_Raw carrying our text. valuedouble and valueint are
 * still filled in, so code holding the tree can read the value back; note
 * that cJSON_IsNumber() is false for it (cJSON_IsRaw() is true). */
static cJSON *raw_number(const char *text, double x)
{
    cJSON *item = cJSON_CreateRaw(text);
    if (!item)
        return NULL;
    item->valuedouble = x;
    if (x >= 2147483647.0)
        item->valueint = 2147483647;
    else if (x <= -2147483648.0)
        item->valueint = -2147483647 - 1;
    else if (isfinite(x))
        item->valueint = (int)x;
    return item;
}

cJSON *json_number(double x)
{
    char buf[32];
    if (!isfinite(x))
        return cJSON_CreateNull();
    return raw_number(json_number_text(x, buf, sizeof buf), x);
}

/* Adds item under key; on failure frees item and returns NULL. */
cJSON *json_add_item(cJSON *obj, const char *key, cJSON *item)
{
    if (!item)
        return NULL;
    if (!obj || !key || !cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

cJSON *json_append(cJSON *list, cJSON *item)
{
    if (!item)
        return NULL;
    if (!list || !cJSON_AddItemToArray(list, item)) {
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

cJSON *json_add_number(cJSON *obj, const char *key, double x)
{
    return json_add_item(obj, key, json_number(x));
}

cJSON *json_add_string_or_null(cJSON *obj, const char *key, const char *s)
{
    return json_add_item(obj, key, s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

cJSON *json_add_bool_or_null(cJSON *obj, const char *key, bool has, bool value)
{
    return json_add_item(obj, key, has ? cJSON_CreateBool(value) : cJSON_CreateNull());
}

/* Printed with %lld / %llu so that integers beyond 2^53 stay exact in the
 * text. */
cJSON *json_int(long long value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", value);
    return raw_number(buf, (double)value);
}

cJSON *json_u64(unsigned long long value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", value);
    return raw_number(buf, (double)value);
}

cJSON *json_add_int_or_null(cJSON *obj, const char *key, bool has, long long value)
{
    return json_add_item(obj, key, has ? json_int(value) : cJSON_CreateNull());
}

char *json_print_line(const cJSON *obj)
{
    if (!obj)
        return NULL;
    return cJSON_PrintUnformatted(obj);
}
