/* ui_app: the window's app opened on a fixture case with a fixed seed and a
 * log folder of its own, for the tests of the window's screens. Commands
 * are a second apart. Include once per test, after cmocka.h and support.h. */
#ifndef UI_APP_H
#define UI_APP_H

#include <stdint.h>
#include <stdlib.h>

#include "app.h"

typedef struct app_fixture {
    char *dir; /* the log folder */
    app a;
    int64_t now;
} app_fixture;

/* Opens the app on c (the app owns it) as trainee t1, seed 5; *state is
 * the fixture. */
static inline int app_fixture_open(void **state, case_def *c)
{
    app_fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_tmpdir();
    app_opts o = {.c = c,
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = f->dir,
                  .host_os = "test"};
    apperr e;
    assert_int_equal(app_init(&f->a, &o, &e), 0);
    f->now = 100000;
    *state = f;
    return 0;
}

static inline int app_fixture_close(void **state)
{
    app_fixture *f = *state;
    app_free(&f->a);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* One command a second after the last; true when the screen changed. */
static inline bool app_fixture_cmd(app_fixture *f, ui_cmd_kind k, int arg)
{
    f->now += 1000;
    return app_command(&f->a, (ui_cmd){k, arg}, f->now);
}

#endif
