/* data_dir: the program's folders on this system (engine/platform): the
 * default log folder after the XDG spec, and the bundled data. Links only
 * the platform library. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "data_dir.h"

static void set_env(const char *name, const char *value)
{
    if (value)
        setenv(name, value, 1);
    else
        unsetenv(name);
}

static void test_default_log_folder_follows_xdg(void **state)
{
    (void)state;
    char *old_xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
    char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    char buf[4096];

    set_env("XDG_DATA_HOME", "/data/me");
    set_env("HOME", "/home/me");
    assert_string_equal(data_dir_logs(buf, sizeof buf), "/data/me/appraise/logs");

    set_env("XDG_DATA_HOME", "relative/data"); /* invalid per the XDG spec */
    assert_string_equal(data_dir_logs(buf, sizeof buf), "/home/me/.local/share/appraise/logs");

    set_env("XDG_DATA_HOME", "");
    assert_string_equal(data_dir_logs(buf, sizeof buf), "/home/me/.local/share/appraise/logs");

    set_env("XDG_DATA_HOME", NULL);
    assert_string_equal(data_dir_logs(buf, sizeof buf), "/home/me/.local/share/appraise/logs");
    assert_null(data_dir_logs(buf, 10)); /* does not fit */

    set_env("HOME", NULL);
    assert_null(data_dir_logs(buf, sizeof buf));
    set_env("HOME", "");
    assert_null(data_dir_logs(buf, sizeof buf));

    set_env("XDG_DATA_HOME", old_xdg);
    set_env("HOME", old_home);
    free(old_xdg);
    free(old_home);
}

/* play --watch logs its previews apart from the trainees' logs. */
static void test_preview_folder_is_apart_from_the_logs(void **state)
{
    (void)state;
    char *old_xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
    char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    char buf[4096];
    set_env("XDG_DATA_HOME", "/data/me");
    set_env("HOME", "/home/me");
    assert_string_equal(data_dir_previews(buf, sizeof buf), "/data/me/appraise/preview");
    set_env("XDG_DATA_HOME", NULL);
    assert_string_equal(data_dir_previews(buf, sizeof buf),
                        "/home/me/.local/share/appraise/preview");
    set_env("HOME", NULL);
    assert_null(data_dir_previews(buf, sizeof buf));
    set_env("XDG_DATA_HOME", old_xdg);
    set_env("HOME", old_home);
    free(old_xdg);
    free(old_home);
}

static void test_bundled_data_follows_the_environment_first(void **state)
{
    (void)state;
    char *old = getenv("APPRAISE_SCENARIOS_DIR") ? strdup(getenv("APPRAISE_SCENARIOS_DIR")) : NULL;
    char buf[4096];
    set_env("APPRAISE_SCENARIOS_DIR", "/somewhere/cases");
    assert_string_equal(data_dir(DATA_SCENARIOS, buf, sizeof buf), "/somewhere/cases");
    /* Not set: the test binary is not installed, so the source tree's. */
    set_env("APPRAISE_SCENARIOS_DIR", NULL);
    assert_string_equal(data_dir(DATA_SCENARIOS, buf, sizeof buf), SCENARIOS_DIR);
    set_env("APPRAISE_SCENARIOS_DIR", old);
    free(old);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_log_folder_follows_xdg),
        cmocka_unit_test(test_preview_folder_is_apart_from_the_logs),
        cmocka_unit_test(test_bundled_data_follows_the_environment_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
