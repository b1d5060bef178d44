/* test_ui_prefs: where the window opens (a pure function of the saved
 * geometry and the display's usable bounds) and the small file that
 * remembers its last size and position, whether it speaks and the time
 * limits: written whole, read back, an older file still read, and a
 * missing, foreign or damaged file ignored. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prefs.h"
#include "support.h"

static const ui_rect LAPTOP = {0, 0, 1366, 768};

static bool inside(ui_rect r, ui_rect bounds)
{
    return r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w &&
           r.y + r.h <= bounds.y + bounds.h;
}

static prefs saved(int x, int y, int w, int h)
{
    prefs p = {.have_geom = true, .geom = {x, y, w, h}};
    return p;
}

static void test_geometry_without_saved_prefs_fits_a_1366x768_laptop(void **state)
{
    (void)state;
    ui_rect r = prefs_window_geometry(NULL, LAPTOP);
    assert_true(inside(r, LAPTOP));
    /* Room for a window manager's frame: the title bar must not push the
     * key bar off the bottom. */
    assert_true(r.h <= 768 - 40);
    assert_true(r.w >= 1200);
    assert_int_equal(r.x, (1366 - r.w) / 2); /* centred */
    prefs none = {0};
    ui_rect r2 = prefs_window_geometry(&none, LAPTOP);
    assert_memory_equal(&r, &r2, sizeof r);
    /* A big screen: the default size, not the whole screen. */
    ui_rect big = {0, 0, 2560, 1440};
    r = prefs_window_geometry(NULL, big);
    assert_int_equal(r.w, 1280);
    assert_int_equal(r.h, 800);
    assert_true(inside(r, big));
}

static void test_geometry_keeps_a_saved_window_that_fits(void **state)
{
    (void)state;
    prefs p = saved(100, 50, 1000, 600);
    ui_rect r = prefs_window_geometry(&p, LAPTOP);
    assert_int_equal(r.x, 100);
    assert_int_equal(r.y, 50);
    assert_int_equal(r.w, 1000);
    assert_int_equal(r.h, 600);
}

static void test_geometry_shrinks_a_saved_window_larger_than_the_screen(void **state)
{
    (void)state;
    prefs p = saved(0, 0, 1920, 1080); /* saved on a bigger monitor */
    ui_rect r = prefs_window_geometry(&p, LAPTOP);
    assert_true(inside(r, LAPTOP));
    assert_int_equal(r.w, 1366);
    assert_int_equal(r.h, 768);
}

static void test_geometry_moves_a_saved_window_off_the_screen_back_on(void **state)
{
    (void)state;
    prefs p = saved(3000, -500, 800, 600); /* a monitor that is gone */
    ui_rect r = prefs_window_geometry(&p, LAPTOP);
    assert_true(inside(r, LAPTOP));
    assert_int_equal(r.w, 800);
    assert_int_equal(r.h, 600);
    assert_int_equal(r.x, 1366 - 800);
    assert_int_equal(r.y, 0);
    /* Usable bounds that do not start at 0 (a panel on the left and top). */
    ui_rect usable = {64, 32, 1302, 736};
    p = saved(0, 0, 800, 600);
    r = prefs_window_geometry(&p, usable);
    assert_true(inside(r, usable));
}

static void test_geometry_never_goes_below_the_smallest_window(void **state)
{
    (void)state;
    prefs p = saved(0, 0, 50, 20);
    ui_rect r = prefs_window_geometry(&p, LAPTOP);
    assert_int_equal(r.w, PREFS_MIN_W);
    assert_int_equal(r.h, PREFS_MIN_H);
    ui_rect tiny = {0, 0, 320, 240}; /* smaller than that: the corner stays on it */
    r = prefs_window_geometry(NULL, tiny);
    assert_int_equal(r.x, 0);
    assert_int_equal(r.y, 0);
}

/* ---- the file ------------------------------------------------------------------ */

typedef struct files {
    char *dir;
    char path[1024];
} files;

static int files_setup(void **state)
{
    files *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/appraise/window.conf", f->dir);
    *state = f;
    return 0;
}

static int files_teardown(void **state)
{
    files *f = *state;
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void test_prefs_round_trip_makes_the_folder_and_leaves_no_temporary(void **state)
{
    files *f = *state;
    prefs p = saved(-20, 40, 1100, 700), back;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(prefs_write(f->path, &p, &e), 0);
    prefs_read(f->path, &back);
    assert_true(back.have_geom);
    assert_memory_equal(&back.geom, &p.geom, sizeof p.geom);
    /* Written again over the old file (rename), and nothing else left. */
    p.geom.w = 900;
    assert_int_equal(prefs_write(f->path, &p, &e), 0);
    prefs_read(f->path, &back);
    assert_int_equal(back.geom.w, 900);
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/appraise", f->dir);
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = window.conf", dir);
    assert_int_equal(system(cmd), 0);
}

static void expect_ignored(const char *path, const char *text)
{
    if (text)
        assert_int_equal(test_write_file(path, text), 0);
    prefs p;
    memset(&p, 0xAB, sizeof p);
    prefs_read(path, &p);
    assert_false(p.have_geom);
}

static void test_prefs_missing_foreign_or_damaged_files_are_ignored(void **state)
{
    files *f = *state;
    expect_ignored(f->path, NULL); /* no folder, no file */
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/appraise", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    expect_ignored(f->path, "");
    expect_ignored(f->path, "[window]\nwidth=800\n");                 /* another program's */
    expect_ignored(f->path, "appraise-window 2\n0 0 800 600\n");      /* a newer version */
    expect_ignored(f->path, "appraise-window 1\n");                   /* cut short */
    expect_ignored(f->path, "appraise-window 1\n0 0 800\n");          /* a number missing */
    expect_ignored(f->path, "appraise-window 1\n0 0 800 600 junk\n"); /* more than a line */
    expect_ignored(f->path, "appraise-window 1\n0 0 -800 600\n");     /* not a size */
    expect_ignored(f->path, "appraise-window 1\n0 0 800 99999999\n"); /* damaged */
    expect_ignored(f->path, "appraise-window 1\nx y w h\n");
    /* A folder where the file should be: ignored too, and not writable. */
    assert_int_equal(remove(f->path), 0);
    assert_int_equal(mkdir(f->path, 0700), 0);
    expect_ignored(f->path, NULL);
    prefs p = saved(0, 0, 800, 600);
    apperr e;
    apperr_clear(&e);
    assert_int_equal(prefs_write(f->path, &p, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_non_null(strstr(e.msg, "window settings"));
}

static void test_prefs_remember_speech_and_time_limits_beside_the_geometry(void **state)
{
    files *f = *state;
    prefs p = saved(10, 20, 1000, 700), back;
    p.have_speak = p.speak = true;
    p.have_time_limits = true;
    p.time_limits = TIME_LIMITS_DOUBLE;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(prefs_write(f->path, &p, &e), 0);
    char *text = test_read_file(f->path, NULL);
    assert_string_equal(text, "appraise-window 1\n10 20 1000 700\nspeak 1\ntime_limits double\n");
    free(text);
    prefs_read(f->path, &back);
    assert_true(back.have_geom && back.have_speak && back.have_time_limits);
    assert_memory_equal(&back.geom, &p.geom, sizeof p.geom);
    assert_true(back.speak);
    assert_int_equal(back.time_limits, TIME_LIMITS_DOUBLE);
    /* Without a geometry (a full-screen window), the settings alone. */
    p = (prefs){.have_speak = true,
                .speak = false,
                .have_time_limits = true,
                .time_limits = TIME_LIMITS_OFF};
    assert_int_equal(prefs_write(f->path, &p, &e), 0);
    prefs_read(f->path, &back);
    assert_false(back.have_geom);
    assert_true(back.have_speak && !back.speak);
    assert_true(back.have_time_limits);
    assert_int_equal(back.time_limits, TIME_LIMITS_OFF);
}

/* A file of the version before (geometry only) reads as it did; a setting
 * that is not understood is left out, and the rest still read. */
static void test_prefs_older_files_and_unknown_settings(void **state)
{
    files *f = *state;
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/appraise", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    prefs p;
    assert_int_equal(test_write_file(f->path, "appraise-window 1\n30 40 900 600\n"), 0);
    prefs_read(f->path, &p);
    assert_true(p.have_geom);
    assert_int_equal(p.geom.w, 900);
    assert_false(p.have_speak);
    assert_false(p.have_time_limits);
    static const char *const bad[] = {
        "speak 2\n",     "speak yes\n",          "speak 1 0\n",
        "speaking 1\n",  "time_limits triple\n", "time_limits double off\n",
        "time_limits\n", "colour blue\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[200];
        snprintf(text, sizeof text, "appraise-window 1\n%s30 40 900 600\n", bad[i]);
        assert_int_equal(test_write_file(f->path, text), 0);
        prefs_read(f->path, &p);
        assert_true(p.have_geom);
        if (p.have_speak || p.have_time_limits)
            fail_msg("'%s' was taken as a setting", bad[i]);
    }
    assert_int_equal(test_write_file(f->path, "appraise-window 1\nspeak 0\ntime_limits off\n"), 0);
    prefs_read(f->path, &p);
    assert_false(p.have_geom);
    assert_true(p.have_speak && !p.speak);
    assert_int_equal(p.time_limits, TIME_LIMITS_OFF);
}

static void test_prefs_path_follows_xdg_config_home_then_home(void **state)
{
    (void)state;
    char buf[256];
    setenv("XDG_CONFIG_HOME", "/cfg", 1);
    setenv("HOME", "/home/t", 1);
    assert_true(prefs_path(buf, sizeof buf));
    assert_string_equal(buf, "/cfg/appraise/window.conf");
    setenv("XDG_CONFIG_HOME", "relative", 1); /* invalid by the XDG spec: ignored */
    assert_true(prefs_path(buf, sizeof buf));
    assert_string_equal(buf, "/home/t/.config/appraise/window.conf");
    unsetenv("XDG_CONFIG_HOME");
    assert_true(prefs_path(buf, sizeof buf));
    assert_string_equal(buf, "/home/t/.config/appraise/window.conf");
    unsetenv("HOME");
    assert_false(prefs_path(buf, sizeof buf));
    setenv("HOME", "/home/t", 1);
    assert_false(prefs_path(buf, 10)); /* does not fit */
}

#define FILE_TEST(t) cmocka_unit_test_setup_teardown(t, files_setup, files_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_geometry_without_saved_prefs_fits_a_1366x768_laptop),
        cmocka_unit_test(test_geometry_keeps_a_saved_window_that_fits),
        cmocka_unit_test(test_geometry_shrinks_a_saved_window_larger_than_the_screen),
        cmocka_unit_test(test_geometry_moves_a_saved_window_off_the_screen_back_on),
        cmocka_unit_test(test_geometry_never_goes_below_the_smallest_window),
        FILE_TEST(test_prefs_round_trip_makes_the_folder_and_leaves_no_temporary),
        FILE_TEST(test_prefs_missing_foreign_or_damaged_files_are_ignored),
        FILE_TEST(test_prefs_remember_speech_and_time_limits_beside_the_geometry),
        FILE_TEST(test_prefs_older_files_and_unknown_settings),
        cmocka_unit_test(test_prefs_path_follows_xdg_config_home_then_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
