/* The test helpers that load cases (support.h): linked only into tests that
 * link the Lua host (appraise_script), so that core tests stay without Lua. */
#include "support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "case_load.h"

void expect_load_error(const char *path, int line, const char *want)
{
    case_def *c = NULL;
    apperr e;
    char buf[1400];
    apperr_clear(&e);
    assert_int_equal(case_load(&c, path, NULL, &e), -1);
    assert_null(c);
    apperr_format(&e, buf, sizeof buf);
    if (!strstr(buf, want) || (line >= 0 && e.line != line))
        fprintf(stderr, "got: %s (line %d), wanted line %d and '%s'\n", buf, e.line, line, want);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_non_null(strstr(buf, want));
    assert_null(strstr(buf, "ESCAPED"));
    if (line >= 0) {
        assert_int_equal(e.line, line);
        assert_string_equal(e.file, path);
    }
}

case_def *load_test_case(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", TEST_CASES_DIR, name);
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 5};
    if (case_load(&c, path, &lo, &e) != 0) {
        char buf[2048];
        fail_msg("%s", apperr_format(&e, buf, sizeof buf));
    }
    return c;
}
