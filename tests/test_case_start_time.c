/* test_case_start_time: the case's start_time key as the loader reads it,
 * and the message an author gets for a time written another way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_load.h"
#include "support.h"

/* A one-node case with `start_time = <value>` on line 3 (nothing when value
 * is NULL), written to dir/st.lua; returns its malloc'd path. */
static char *write_case(const char *dir, const char *value)
{
    char text[512], *path = malloc(strlen(dir) + 16);
    assert_non_null(path);
    sprintf(path, "%s/st.lua", dir);
    snprintf(text, sizeof text,
             "return case {\n"
             "  id = \"x\", version = \"1\", title = \"t\", start = \"a\",\n"
             "  %s%s%s\n"
             "  nodes = { a = { text = \"\", ending = { outcome = \"good\" } } },\n"
             "}\n",
             value ? "start_time = " : "", value ? value : "", value ? "," : "");
    assert_int_equal(test_write_file(path, text), 0);
    return path;
}

static case_def *load(const char *path)
{
    case_load_opts o = {.seed = 5};
    case_def *c = NULL;
    apperr e;
    if (case_load(&c, path, &o, &e) != 0)
        fail_msg("%s", e.msg);
    return c;
}

static void test_start_time_is_read_as_minutes_after_midnight(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    static const struct {
        const char *value;
        int minutes;
    } good[] = {{"\"02:10\"", 130}, {"\"00:00\"", 0}, {"\"23:59\"", 1439}, {"'21:40'", 1300}};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char *path = write_case(dir, good[i].value);
        case_def *c = load(path);
        assert_true(c->has_start_time);
        assert_int_equal(c->start_time, good[i].minutes);
        case_free(c);
        free(path);
    }
    char *path = write_case(dir, NULL);
    case_def *c = load(path);
    assert_false(c->has_start_time); /* not given: the header shows the case clock */
    case_free(c);
    free(path);
    test_rmtree(dir);
    free(dir);
}

static void test_start_time_in_another_form_names_the_line_and_the_form(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    static const char *const bad[] = {"\"2:10\"",  "\"02.10\"", "\"0210\"", "\"2am\"",
                                      "\"24:00\"", "\"12:60\"", "\"\"",     "\"02:10 \""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *path = write_case(dir, bad[i]);
        expect_load_error(path, 3, "is not a time of day: write it as \"HH:MM\", 24-hour");
        expect_load_error(path, 3, "from 00:00 to 23:59, e.g. \"02:10\"");
        free(path);
    }
    char *path = write_case(dir, "\"25:00\"");
    expect_load_error(path, 3, "start_time '25:00' is not a time of day");
    free(path);
    path = write_case(dir, "2.10"); /* a number, not a text */
    expect_load_error(path, 3, "at start_time: expected a text (in quotes), got a number");
    free(path);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start_time_is_read_as_minutes_after_midnight),
        cmocka_unit_test(test_start_time_in_another_form_names_the_line_and_the_form),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
