/* test_time_limits: the trainee's setting for time limits: its names, how
 * they are read, and the limit in force for a case's time_limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "time_limits.h"

static void test_names_are_normal_double_off_in_the_enum_order(void **state)
{
    (void)state;
    assert_string_equal(time_limits_names[TIME_LIMITS_NORMAL], "normal");
    assert_string_equal(time_limits_names[TIME_LIMITS_DOUBLE], "double");
    assert_string_equal(time_limits_names[TIME_LIMITS_OFF], "off");
    assert_null(time_limits_names[TIME_LIMITS_OFF + 1]);
    assert_int_equal(TIME_LIMITS_NORMAL, 0); /* a zeroed session_opts plays as the case says */
    for (int t = TIME_LIMITS_NORMAL; t <= TIME_LIMITS_OFF; t++)
        assert_string_equal(time_limits_name((time_limits)t), time_limits_names[t]);
}

static void test_a_value_out_of_range_is_named_normal(void **state)
{
    (void)state;
    assert_string_equal(time_limits_name((time_limits)3), "normal");
    assert_string_equal(time_limits_name((time_limits)-1), "normal");
}

static void test_parse_reads_each_name_back(void **state)
{
    (void)state;
    for (int t = TIME_LIMITS_NORMAL; t <= TIME_LIMITS_OFF; t++) {
        time_limits got = (time_limits)-1;
        assert_true(time_limits_parse(time_limits_names[t], &got));
        assert_int_equal(got, t);
    }
}

static void test_parse_refuses_other_text_and_leaves_the_value(void **state)
{
    (void)state;
    static const char *const bad[] = {"",       "Normal", "DOUBLE",   "of",
                                      "offf",   " off",   "off ",     "2",
                                      "triple", "none",   "double\n", "normal,double"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        time_limits got = TIME_LIMITS_DOUBLE;
        if (time_limits_parse(bad[i], &got))
            fail_msg("'%s' was read as a setting", bad[i]);
        assert_int_equal(got, TIME_LIMITS_DOUBLE);
    }
    time_limits got = TIME_LIMITS_OFF;
    assert_false(time_limits_parse(NULL, &got));
    assert_int_equal(got, TIME_LIMITS_OFF);
}

static void test_normal_is_the_case_s_limit_in_ms(void **state)
{
    (void)state;
    assert_int_equal(time_limits_ms(TIME_LIMITS_NORMAL, 30), 30000);
    assert_int_equal(time_limits_ms(TIME_LIMITS_NORMAL, 0.25), 250);
    assert_int_equal(time_limits_ms(TIME_LIMITS_NORMAL, 1.0006), 1001); /* rounded */
    assert_int_equal(time_limits_ms(TIME_LIMITS_NORMAL, 86400), 86400000);
}

static void test_double_is_twice_the_case_s_limit(void **state)
{
    (void)state;
    assert_int_equal(time_limits_ms(TIME_LIMITS_DOUBLE, 30), 60000);
    assert_int_equal(time_limits_ms(TIME_LIMITS_DOUBLE, 0.25), 500);
    assert_int_equal(time_limits_ms(TIME_LIMITS_DOUBLE, 86400), 172800000);
}

static void test_off_runs_no_limit(void **state)
{
    (void)state;
    assert_int_equal(time_limits_ms(TIME_LIMITS_OFF, 30), -1);
    assert_int_equal(time_limits_ms(TIME_LIMITS_OFF, 0.001), -1);
    assert_int_equal(time_limits_ms(TIME_LIMITS_OFF, 1e9), -1);
}

static void test_no_limit_set_runs_none_whatever_the_setting(void **state)
{
    (void)state;
    for (int t = TIME_LIMITS_NORMAL; t <= TIME_LIMITS_OFF; t++) {
        assert_int_equal(time_limits_ms((time_limits)t, 0), -1);
        assert_int_equal(time_limits_ms((time_limits)t, -5), -1);
        assert_int_equal(time_limits_ms((time_limits)t, NAN), -1);
    }
}

/* A limit too short to be a whole ms still lets time pass: at least 1 ms. */
static void test_a_limit_under_half_a_ms_is_one_ms(void **state)
{
    (void)state;
    assert_int_equal(time_limits_ms(TIME_LIMITS_NORMAL, 0.0001), 1);
    assert_int_equal(time_limits_ms(TIME_LIMITS_DOUBLE, 0.0001), 1);
    assert_int_equal(time_limits_ms(TIME_LIMITS_DOUBLE, 0.0006), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_are_normal_double_off_in_the_enum_order),
        cmocka_unit_test(test_a_value_out_of_range_is_named_normal),
        cmocka_unit_test(test_parse_reads_each_name_back),
        cmocka_unit_test(test_parse_refuses_other_text_and_leaves_the_value),
        cmocka_unit_test(test_normal_is_the_case_s_limit_in_ms),
        cmocka_unit_test(test_double_is_twice_the_case_s_limit),
        cmocka_unit_test(test_off_runs_no_limit),
        cmocka_unit_test(test_no_limit_set_runs_none_whatever_the_setting),
        cmocka_unit_test(test_a_limit_under_half_a_ms_is_one_ms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
