/* ui_screens: every screen of the window, one after another, for the tests
 * that check something of each (test_ui_targets, test_ui_contrast). The
 * walk plays window_case.lua through each step (panels open, the leave
 * dialog, a notice, the ending, the debrief, an error), opens image_case.lua
 * with its images and one full size, and shows the library (the bundled
 * cases) and "Who is playing?". visit is called on each with the app and a
 * name for the messages; it may move the focus, which the walk puts back.
 * Include once per test, after cmocka.h, support.h and ui_app.h. */
#ifndef UI_SCREENS_H
#define UI_SCREENS_H

#include <stdio.h>
#include <string.h>

#include "app.h"

typedef void (*ui_screen_visit)(app *a, const char *what, void *ud);

static inline void ui_screens_visit(app *a, const char *what, ui_screen_visit visit, void *ud)
{
    ui_cmd focus = a->focus;
    visit(a, what, ud);
    a->focus = focus;
}

/* window_case.lua from its start screen to its debrief and an error. */
static inline void ui_screens_case(ui_screen_visit visit, void *ud)
{
    void *st = NULL;
    app_fixture_open(&st, load_test_case("window_case.lua"));
    app_fixture *f = st;
    app *a = &f->a;
    ui_screens_visit(a, "case start", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    app_fixture_cmd(f, CMD_RESULTS, 0);
    ui_screens_visit(a, "narrative with results", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    ui_screens_visit(a, "initial choice", visit, ud);
    app_fixture_cmd(f, CMD_PICK, 0);
    ui_screens_visit(a, "initial choice, an option picked", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    app_fixture_cmd(f, CMD_PICK, 7);
    ui_screens_visit(a, "confidence rating", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    app_fixture_cmd(f, CMD_EXPLANATION, 0);
    app_fixture_cmd(f, CMD_MODEL_CARD, 0);
    ui_screens_visit(a, "advice card with reasons and model card", visit, ud);
    app_fixture_cmd(f, CMD_PICK, 1);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    app_fixture_cmd(f, CMD_PICK, 1);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    ui_screens_visit(a, "trust rating", visit, ud);
    app_fixture_cmd(f, CMD_PICK, 5);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    size_t cap;
    char *field = app_text_field(a, &cap);
    snprintf(field, cap, "Because the observations point to a pulmonary embolus.");
    ui_screens_visit(a, "rationale", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    ui_screens_visit(a, "feedback", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    ui_screens_visit(a, "timed on_request choice with countdown", visit, ud);
    app_fixture_cmd(f, CMD_ASK, 0);
    app_fixture_cmd(f, CMD_ESCAPE, 0);
    ui_screens_visit(a, "leave dialog", visit, ud);
    app_fixture_cmd(f, CMD_STAY, 0);
    snprintf(a->notice, sizeof a->notice, "Pick an option first: press its number or click it.");
    ui_screens_visit(a, "asked advice with a notice", visit, ud);
    snprintf(a->preview_bar, sizeof a->preview_bar,
             "window_case.lua:12: unknown key 'titel' (the last version that loaded is still "
             "playing)");
    ui_screens_visit(a, "the live preview's bar", visit, ud);
    a->preview_bar[0] = '\0';
    app_fixture_cmd(f, CMD_PICK, 0);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    app_fixture_cmd(f, CMD_PICK, 7);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    ui_screens_visit(a, "feedback after asked advice", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    assert_int_equal(a->screen, SCR_ENDING);
    ui_screens_visit(a, "ending", visit, ud);
    app_fixture_cmd(f, CMD_COMMIT, 0);
    ui_screens_visit(a, "debrief", visit, ud);
    snprintf(a->error, sizeof a->error, "window_case.lua:42: attempt to index a nil value");
    a->screen = SCR_ERROR;
    a->log_kept = true;
    ui_screens_visit(a, "error", visit, ud);
    app_fixture_close(&st);
}

/* image_case.lua: its pictures in place, and one full size. */
static inline void ui_screens_images(ui_screen_visit visit, void *ud)
{
    void *st = NULL;
    app_fixture_open(&st, load_test_case("image_case.lua"));
    app_fixture *f = st;
    app_fixture_cmd(f, CMD_COMMIT, 0);
    app_fixture_cmd(f, CMD_RESULTS, 0);
    ui_screens_visit(&f->a, "images in place", visit, ud);
    app_fixture_cmd(f, CMD_IMAGE, 1);
    ui_screens_visit(&f->a, "an image full size", visit, ud);
    app_fixture_close(&st);
}

/* The library, with and without a trainee id, and "Who is playing?". */
static inline void ui_screens_library(ui_screen_visit visit, void *ud)
{
    app a;
    apperr e;
    char *dir = test_tmpdir();
    app_opts o = {.library_dir = SCENARIOS_DIR, .log_dir = dir, .host_os = "test"};
    assert_int_equal(app_init(&a, &o, &e), 0);
    ui_screens_visit(&a, "library, no trainee id", visit, ud);
    app_free(&a);
    o.trainee = "t1";
    o.time_limits = TIME_LIMITS_DOUBLE;
    assert_int_equal(app_init(&a, &o, &e), 0);
    ui_screens_visit(&a, "library", visit, ud);
    assert_true(app_command(&a, (ui_cmd){CMD_OPEN_CASE, 0}, 1000));
    assert_int_equal(a.screen, SCR_START);
    ui_screens_visit(&a, "case start from the library", visit, ud);
    app_free(&a);
    app_opts p = {.c = load_test_case("window_case.lua"), .log_dir = dir, .host_os = "test"};
    assert_int_equal(app_init(&a, &p, &e), 0);
    assert_int_equal(a.screen, SCR_TRAINEE);
    snprintf(a.trainee, sizeof a.trainee, "t1");
    ui_screens_visit(&a, "trainee", visit, ud);
    app_free(&a);
    test_rmtree(dir);
    free(dir);
}

/* Every screen above, in turn. */
static inline void ui_screens_walk(ui_screen_visit visit, void *ud)
{
    ui_screens_library(visit, ud);
    ui_screens_case(visit, ud);
    ui_screens_images(visit, ud);
}

#endif
