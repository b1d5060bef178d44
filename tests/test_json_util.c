/* json_util: numbers print as the shortest text that reads back exactly, and
 * the helpers build valid JSON that cJSON itself can read back. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json_util.h"

static const char *num(double x)
{
    static char buf[32];
    return json_number_text(x, buf, sizeof buf);
}

static void test_json_number_text_is_shortest_round_trip(void **state)
{
    (void)state;
    assert_string_equal(num(0.87), "0.87");
    assert_string_equal(num(0.1 + 0.2), "0.30000000000000004");
    assert_string_equal(num(2.0 / 3), "0.6666666666666666");
    assert_string_equal(num(-1.5), "-1.5");
    assert_string_equal(num(0.1), "0.1");
}

static void test_json_number_text_whole_numbers_print_as_integers(void **state)
{
    (void)state;
    assert_string_equal(num(118), "118");
    assert_string_equal(num(-42), "-42");
    assert_string_equal(num(1e15), "1000000000000000");
    assert_string_equal(num(9007199254740991.0), "9007199254740991");
    /* From 2^53 on, the shortest %g form is used. */
    assert_string_equal(num(9007199254740992.0), "9007199254740992");
    assert_string_equal(num(1e16), "1e+16");
    assert_string_equal(num(1152921504606846976.0), "1.152921504606847e+18");
}

static void test_json_number_text_negative_zero_is_zero(void **state)
{
    (void)state;
    assert_string_equal(num(-0.0), "0");
    assert_string_equal(num(0.0), "0");
}

static void test_json_number_text_extremes_use_exponent_form(void **state)
{
    (void)state;
    assert_string_equal(num(1e300), "1e+300");
    assert_string_equal(num(5e-324), "5e-324");
    assert_string_equal(num(1e-7), "1e-07");
    assert_string_equal(num(-1.7976931348623157e308), "-1.7976931348623157e+308");
}

static void test_json_number_text_non_finite_is_null(void **state)
{
    (void)state;
    assert_string_equal(num(NAN), "null");
    assert_string_equal(num(INFINITY), "null");
    assert_string_equal(num(-INFINITY), "null");
}

/* Significant digits in a "%g"-style text: those before any exponent, less
 * leading zeros. */
static int significant_digits(const char *s)
{
    int n = 0;
    bool started = false;
    for (; *s && *s != 'e'; s++) {
        if (*s >= '1' && *s <= '9')
            started = true;
        if (started && *s >= '0' && *s <= '9')
            n++;
    }
    return n;
}

/* Text that cJSON parses back to exactly x, with no digit to spare: one
 * significant digit fewer would not read back as x. */
static void assert_round_trips(double x)
{
    char buf[32], shorter[320];
    json_number_text(x, buf, sizeof buf);
    cJSON *parsed = cJSON_Parse(buf);
    assert_non_null(parsed);
    assert_true(cJSON_IsNumber(parsed));
    assert_true(parsed->valuedouble == x);
    assert_true(strtod(buf, NULL) == x);
    cJSON_Delete(parsed);
    if (x == floor(x) && fabs(x) < 9007199254740992.0)
        return; /* whole numbers print all their digits */
    int n = significant_digits(buf);
    assert_in_range(n, 1, 17);
    if (n > 1) {
        snprintf(shorter, sizeof shorter, "%.*g", n - 1, x);
        if (strtod(shorter, NULL) == x)
            fail_msg("%s is not the shortest: %s reads back too", buf, shorter);
    }
}

static void test_json_number_text_round_trips_many_values(void **state)
{
    (void)state;
    uint64_t s = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 20000; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        double x;
        memcpy(&x, &s, sizeof x);
        if (isfinite(x))
            assert_round_trips(x);
        assert_round_trips((double)(s % 100000) / 1000.0);
    }
}

static void test_json_number_node_prints_text_and_keeps_value(void **state)
{
    (void)state;
    cJSON *n = json_number(2.0 / 3);
    assert_non_null(n);
    char *text = json_print_line(n);
    assert_string_equal(text, "0.6666666666666666");
    assert_true(n->valuedouble == 2.0 / 3);
    free(text);
    cJSON_Delete(n);

    n = json_number(NAN);
    text = json_print_line(n);
    assert_string_equal(text, "null");
    assert_true(cJSON_IsNull(n));
    free(text);
    cJSON_Delete(n);
}

static void test_json_number_node_survives_duplicate(void **state)
{
    (void)state;
    cJSON *n = json_number(0.87);
    cJSON *d = cJSON_Duplicate(n, 1);
    char *text = json_print_line(d);
    assert_string_equal(text, "0.87");
    assert_true(d->valuedouble == 0.87);
    free(text);
    cJSON_Delete(n);
    cJSON_Delete(d);
}

static void test_json_add_helpers_write_values_and_nulls(void **state)
{
    (void)state;
    cJSON *o = cJSON_CreateObject();
    assert_non_null(json_add_number(o, "c", 0.87));
    assert_non_null(json_add_number(o, "x", INFINITY));
    assert_non_null(json_add_string_or_null(o, "s", "repeat"));
    assert_non_null(json_add_string_or_null(o, "n", NULL));
    assert_non_null(json_add_bool_or_null(o, "b", true, false));
    assert_non_null(json_add_bool_or_null(o, "bn", false, true));
    assert_non_null(json_add_int_or_null(o, "i", true, 4611686018427387905LL));
    assert_non_null(json_add_int_or_null(o, "in", false, 7));
    char *text = json_print_line(o);
    assert_string_equal(text, "{\"c\":0.87,\"x\":null,\"s\":\"repeat\",\"n\":null,\"b\":false,"
                              "\"bn\":null,\"i\":4611686018427387905,\"in\":null}");
    free(text);
    cJSON_Delete(o);
}

static void test_json_add_returns_null_without_object(void **state)
{
    (void)state;
    assert_null(json_add_number(NULL, "a", 1));
    assert_null(json_add_string_or_null(NULL, "a", "x"));
    assert_null(json_print_line(NULL));
}

static void test_json_strings_are_escaped_and_read_back(void **state)
{
    (void)state;
    const char *raw = "line1\nquote\" back\\ tab\t ctl\x01 caf\xc3\xa9 </script>";
    cJSON *o = cJSON_CreateObject();
    json_add_string_or_null(o, "r", raw);
    char *text = json_print_line(o);
    assert_string_equal(text, "{\"r\":\"line1\\nquote\\\" back\\\\ tab\\t ctl\\u0001 "
                              "caf\xc3\xa9 </script>\"}");
    assert_null(strchr(text, '\n'));
    cJSON *back = cJSON_Parse(text);
    assert_non_null(back);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(back, "r")->valuestring, raw);
    cJSON_Delete(back);
    free(text);
    cJSON_Delete(o);
}

static void test_json_print_line_has_no_spaces_or_newlines(void **state)
{
    (void)state;
    cJSON *o = cJSON_CreateObject();
    cJSON *a = cJSON_AddArrayToObject(o, "opts");
    cJSON_AddItemToArray(a, cJSON_CreateString("a"));
    cJSON_AddItemToArray(a, json_number(1.25));
    char *text = json_print_line(o);
    assert_string_equal(text, "{\"opts\":[\"a\",1.25]}");
    free(text);
    cJSON_Delete(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_number_text_is_shortest_round_trip),
        cmocka_unit_test(test_json_number_text_whole_numbers_print_as_integers),
        cmocka_unit_test(test_json_number_text_negative_zero_is_zero),
        cmocka_unit_test(test_json_number_text_extremes_use_exponent_form),
        cmocka_unit_test(test_json_number_text_non_finite_is_null),
        cmocka_unit_test(test_json_number_text_round_trips_many_values),
        cmocka_unit_test(test_json_number_node_prints_text_and_keeps_value),
        cmocka_unit_test(test_json_number_node_survives_duplicate),
        cmocka_unit_test(test_json_add_helpers_write_values_and_nulls),
        cmocka_unit_test(test_json_add_returns_null_without_object),
        cmocka_unit_test(test_json_strings_are_escaped_and_read_back),
        cmocka_unit_test(test_json_print_line_has_no_spaces_or_newlines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
