/* watch: the files of a case saved anew (engine/platform/watch.h), with
 * inotify and with the polling fallback, each test run with both. Links
 * only the platform library. The tests wait on the watcher's answer in a
 * bounded loop (never a sleep as the assertion); "no change" is asked over
 * a few of the watcher's own periods. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "watch.h"

#define PERIOD_MS 20 /* the tests' poll and settle times */

typedef struct fixture {
    char dir[256];
    char lib[300];
    char main[400];
    char inc[400];
    watch *w;
} fixture;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void pause_ms(int ms)
{
    struct timespec ts = {0, (long)ms * 1000000L};
    nanosleep(&ts, NULL);
}

/* The monotonic clock, in ms, as the window gives it. */
static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Asks until the watcher says a file changed, for up to 5 s. */
static bool changed_within(watch *w)
{
    for (int i = 0; i < 1000; i++) {
        if (watch_changed(w, mono_ms()))
            return true;
        pause_ms(5);
    }
    return false;
}

/* Asks over a few of the watcher's periods: true if it ever says changed. */
static bool changed_over_periods(watch *w)
{
    bool any = false;
    for (int i = 0; i < 6 * PERIOD_MS / 5; i++) {
        any |= watch_changed(w, mono_ms());
        pause_ms(5);
    }
    return any;
}

static int setup(void **state, watch_method m)
{
    fixture *f = calloc(1, sizeof *f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/test-watch-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (!f || !mkdtemp(f->dir))
        return -1;
    snprintf(f->lib, sizeof f->lib, "%s/lib", f->dir);
    mkdir(f->lib, 0700);
    snprintf(f->main, sizeof f->main, "%s/case.lua", f->dir);
    snprintf(f->inc, sizeof f->inc, "%s/helpers.lua", f->lib);
    write_file(f->main, "return case { }\n");
    write_file(f->inc, "return {}\n");
    watch_opts o = {.method = m, .poll_ms = PERIOD_MS, .settle_ms = PERIOD_MS};
    f->w = watch_open(&o);
    if (!f->w)
        return -1;
    const char *files[] = {f->main, f->inc};
    char why[300];
    if (watch_files(f->w, files, 2, why, sizeof why) != 0) {
        fprintf(stderr, "watch_files: %s\n", why);
        return -1;
    }
    *state = f;
    return 0;
}

static int setup_inotify(void **state)
{
    return setup(state, WATCH_INOTIFY);
}

static int setup_poll(void **state)
{
    return setup(state, WATCH_POLL);
}

static int teardown(void **state)
{
    fixture *f = *state;
    watch_close(f->w);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    free(f);
    return 0;
}

static void test_nothing_saved_is_no_change(void **state)
{
    fixture *f = *state;
    assert_false(changed_over_periods(f->w));
}

static void test_a_write_is_one_change(void **state)
{
    fixture *f = *state;
    write_file(f->main, "return case { title = \"New\" }\n");
    assert_true(changed_within(f->w));
    /* One save, one change: nothing more until the next save. */
    assert_false(changed_over_periods(f->w));
    write_file(f->main, "return case { title = \"Newer\" }\n");
    assert_true(changed_within(f->w));
}

/* Editors that save by writing a new file and renaming it over the old. */
static void test_a_rename_save_is_a_change(void **state)
{
    fixture *f = *state;
    char tmp[420];
    snprintf(tmp, sizeof tmp, "%s.swp", f->main);
    write_file(tmp, "return case { title = \"Renamed\" }\n");
    assert_int_equal(rename(tmp, f->main), 0);
    assert_true(changed_within(f->w));
    assert_false(changed_over_periods(f->w));
}

static void test_an_included_file_saved_is_a_change(void **state)
{
    fixture *f = *state;
    write_file(f->inc, "return { more = true }\n");
    assert_true(changed_within(f->w));
}

static void test_another_file_in_the_folder_is_no_change(void **state)
{
    fixture *f = *state;
    char other[420];
    snprintf(other, sizeof other, "%s/notes.txt", f->dir);
    write_file(other, "not part of the case\n");
    assert_false(changed_over_periods(f->w));
}

static void test_deleted_then_written_again_is_a_change(void **state)
{
    fixture *f = *state;
    assert_int_equal(unlink(f->main), 0);
    assert_false(changed_over_periods(f->w)); /* gone is not saved */
    write_file(f->main, "return case { title = \"Back\" }\n");
    assert_true(changed_within(f->w));
}

static void test_a_new_set_of_files_is_watched(void **state)
{
    fixture *f = *state;
    const char *only[] = {f->inc};
    char why[300];
    assert_int_equal(watch_files(f->w, only, 1, why, sizeof why), 0);
    write_file(f->main, "return case { title = \"Not watched now\" }\n");
    assert_false(changed_over_periods(f->w));
    write_file(f->inc, "return { again = true }\n");
    assert_true(changed_within(f->w));
}

/* Saves close together are one change, told once the files have been
 * quiet for settle_ms: asked on a clock the test gives, no sleeps. */
static void saves_close_together(watch_method m)
{
    char dir[256];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/test-watch-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/case.lua", dir);
    write_file(path, "return case { }\n");
    watch_opts o = {.method = m, .poll_ms = 10, .settle_ms = 1000};
    watch *w = watch_open(&o);
    assert_non_null(w);
    const char *files[] = {path};
    char why[300];
    assert_int_equal(watch_files(w, files, 1, why, sizeof why), 0);
    write_file(path, "return case { title = \"A\" }\n");
    assert_false(watch_changed(w, 0)); /* saved at 0: not quiet yet */
    write_file(path, "return case { title = \"A longer one\" }\n");
    assert_false(watch_changed(w, 500)); /* saved again at 500 */
    assert_false(watch_changed(w, 1400)); /* quiet for 900 ms only */
    assert_true(watch_changed(w, 1500));  /* quiet for 1000 ms: one change */
    assert_false(watch_changed(w, 1600));
    assert_false(watch_changed(w, 5000));
    watch_close(w);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

static void test_saves_close_together_are_one_change(void **state)
{
    (void)state;
    saves_close_together(WATCH_INOTIFY);
    saves_close_together(WATCH_POLL);
}

static void test_the_method_asked_for(void **state)
{
    (void)state;
    watch_opts o = {.method = WATCH_POLL};
    watch *w = watch_open(&o);
    assert_int_equal(watch_method_of(w), WATCH_POLL);
    watch_close(w);
    setenv("APPRAISE_WATCH", "poll", 1);
    w = watch_open(NULL);
    assert_int_equal(watch_method_of(w), WATCH_POLL);
    watch_close(w);
    unsetenv("APPRAISE_WATCH");
#ifdef __linux__
    w = watch_open(NULL);
    assert_int_equal(watch_method_of(w), WATCH_INOTIFY);
    watch_close(w);
#endif
    assert_false(watch_changed(NULL, 0));
}

#define BOTH(t)                                                                                    \
    cmocka_unit_test_setup_teardown(t, setup_inotify, teardown),                                   \
        cmocka_unit_test_setup_teardown(t, setup_poll, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOTH(test_nothing_saved_is_no_change),
        BOTH(test_a_write_is_one_change),
        BOTH(test_a_rename_save_is_a_change),
        BOTH(test_an_included_file_saved_is_a_change),
        BOTH(test_another_file_in_the_folder_is_no_change),
        BOTH(test_deleted_then_written_again_is_a_change),
        BOTH(test_a_new_set_of_files_is_watched),
        cmocka_unit_test(test_saves_close_together_are_one_change),
        cmocka_unit_test(test_the_method_asked_for),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
