/* test_time_of_day: start_time as written ("HH:MM") and the story's time of
 * day it gives with the case clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "time_of_day.h"

static void test_time_of_day_reads_hh_mm(void **state)
{
    (void)state;
    int m = -1;
    assert_true(time_of_day_parse("02:10", &m));
    assert_int_equal(m, 130);
    assert_true(time_of_day_parse("00:00", &m));
    assert_int_equal(m, 0);
    assert_true(time_of_day_parse("23:59", &m));
    assert_int_equal(m, 23 * 60 + 59);
}

static void test_time_of_day_refuses_other_forms_and_leaves_the_value(void **state)
{
    (void)state;
    static const char *const bad[] = {"2:10",  "02.10", "0210",  "02:10 ", " 02:10", "02:1",
                                      "",      "24:00", "12:60", "99:99",  "2am",    "02:10:00",
                                      "-1:00", "+1:00", "02h10", "02:1a",  ":",      "0"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int m = 7;
        if (time_of_day_parse(bad[i], &m))
            fail_msg("'%s' was read as a time of day", bad[i]);
        assert_int_equal(m, 7);
    }
    int m = 7;
    assert_false(time_of_day_parse(NULL, &m));
}

static void test_time_of_day_adds_the_clock_and_wraps_past_midnight(void **state)
{
    (void)state;
    char b[16];
    assert_string_equal(time_of_day_format(130, 0, b, sizeof b), "02:10");
    assert_string_equal(time_of_day_format(130, 70, b, sizeof b), "03:20");   /* hours */
    assert_string_equal(time_of_day_format(130, 69.6, b, sizeof b), "03:20"); /* rounded */
    assert_string_equal(time_of_day_format(23 * 60 + 50, 10, b, sizeof b), "00:00");
    assert_string_equal(time_of_day_format(23 * 60 + 50, 25, b, sizeof b), "00:15");
    assert_string_equal(time_of_day_format(22 * 60, 1440, b, sizeof b), "22:00"); /* a day on */
    assert_string_equal(time_of_day_format(22 * 60, 3000, b, sizeof b), "00:00");
    assert_string_equal(time_of_day_format(600, -5, b, sizeof b), "10:00"); /* never before */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_of_day_reads_hh_mm),
        cmocka_unit_test(test_time_of_day_refuses_other_forms_and_leaves_the_value),
        cmocka_unit_test(test_time_of_day_adds_the_clock_and_wraps_past_midnight),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
