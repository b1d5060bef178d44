/* test_ui_timer: the countdown of a timed choice (large, beside the
 * options, with a bar that empties, marked at 30 s and 10 s by a shape and
 * words as well as a colour; never at ratings or the rationale) and the
 * layout that puts a timed decision's options in view without scrolling,
 * at 1366x768 and 200% text as at 1920x1080 and 100%, in both themes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "app.h"
#include "case_load.h"
#include "countdown.h"
#include "prefs.h"
#include "support.h"
#include "ui_sdl.h"
#include "ui_canvas.h"

#define WARN_MARK "\xe2\x9a\xa0"   /* ⚠ */
#define URGENT_MARK "\xe2\x96\xb2" /* ▲ */

/* ---- the countdown's words, marks and bar, as pure functions ----------------------- */

static void test_countdown_level_changes_at_30_and_10_seconds_as_shown(void **state)
{
    (void)state;
    assert_int_equal(ui_countdown_level_of(120000), COUNTDOWN_CALM);
    assert_int_equal(ui_countdown_level_of(30001), COUNTDOWN_CALM); /* reads 0:31 */
    assert_int_equal(ui_countdown_level_of(30000), COUNTDOWN_WARN);
    assert_int_equal(ui_countdown_level_of(29001), COUNTDOWN_WARN);
    assert_int_equal(ui_countdown_level_of(10001), COUNTDOWN_WARN); /* reads 0:11 */
    assert_int_equal(ui_countdown_level_of(10000), COUNTDOWN_URGENT);
    assert_int_equal(ui_countdown_level_of(1), COUNTDOWN_URGENT);
    assert_int_equal(ui_countdown_level_of(0), COUNTDOWN_URGENT);
}

static void test_countdown_text_marks_each_level_with_a_shape_and_words(void **state)
{
    (void)state;
    char calm[128], warn[128], urgent[128];
    ui_countdown_text(95000, calm, sizeof calm);
    ui_countdown_text(25000, warn, sizeof warn);
    ui_countdown_text(5000, urgent, sizeof urgent);
    assert_string_equal(calm, "Time left **1:35**");
    assert_non_null(strstr(warn, WARN_MARK));
    assert_non_null(strstr(warn, "0:25"));
    assert_null(strstr(warn, URGENT_MARK));
    assert_non_null(strstr(urgent, URGENT_MARK));
    assert_non_null(strstr(urgent, "0:05"));
    assert_null(strstr(urgent, WARN_MARK));
    /* Words differ too: the level does not rest on the mark alone. */
    assert_non_null(strstr(warn, "confirm soon"));
    assert_non_null(strstr(urgent, "confirm now"));
}

static void test_countdown_bar_empties_from_full_to_nothing(void **state)
{
    (void)state;
    assert_true(ui_countdown_fraction(60000, 60000) == 1.0);
    assert_true(ui_countdown_fraction(90000, 60000) == 1.0);
    assert_true(ui_countdown_fraction(15000, 60000) == 0.25);
    assert_true(ui_countdown_fraction(0, 60000) == 0.0);
    assert_true(ui_countdown_fraction(-5, 60000) == 0.0);
    assert_true(ui_countdown_fraction(1000, 0) == 0.0);
}

/* ---- the app at its timed decision ---------------------------------------------- */

typedef struct fixture {
    char *dir;
    app a;
    int64_t now;
    canvas *cv; /* drawn after every command when set, as the window does */
} fixture;

static void open_app(fixture *f, case_def *c)
{
    app_opts o = {.c = c,
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = f->dir,
                  .host_os = "test"};
    apperr e;
    assert_int_equal(app_init(&f->a, &o, &e), 0);
    f->now = 100000;
}

static int fixture_setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    open_app(f, load_test_case("window_case.lua"));
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    fixture *f = *state;
    app_free(&f->a);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void cmd(fixture *f, ui_cmd_kind k, int arg)
{
    f->now += 1000;
    app_command(&f->a, (ui_cmd){k, arg}, f->now);
    if (f->cv)
        canvas_frame(f->cv, &f->a, f->now);
}

/* window_case.lua from its start to its second decision: 300 s to choose. */
static void to_timed_decision(fixture *f)
{
    static const int picks[] = {0, 4, 0, 4, 4};
    if (f->cv)
        canvas_frame(f->cv, &f->a, f->now);
    cmd(f, CMD_COMMIT, 0); /* start */
    cmd(f, CMD_COMMIT, 0); /* continue */
    for (size_t i = 0; i < sizeof picks / sizeof picks[0]; i++) {
        cmd(f, CMD_PICK, picks[i]);
        cmd(f, CMD_COMMIT, 0);
    }
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    snprintf(field, cap, "why");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0); /* leave the feedback */
    assert_int_equal(app_time_left(&f->a, f->now), 300000);
}

/* The countdown's text beside the options, or NULL. */
static const ui_text_rec *body_countdown(const canvas *cv)
{
    const ui_text_rec *t = canvas_find(cv, REGION_BODY, "Time left");
    if (!t)
        t = canvas_find(cv, REGION_BODY, " left: confirm");
    return t;
}

static ui_rect first_option(const canvas *cv)
{
    for (int i = 0; i < cv->ctx.n_targets; i++)
        if (cv->ctx.targets[i].cmd.kind == CMD_PICK)
            return cv->ctx.targets[i].r;
    fail_msg("no option drawn");
    return (ui_rect){0, 0, 0, 0};
}

/* The grid of the render tests: 1366x768 and 1920x1080, at 100%
 * and 200% text, in both themes. */
static const int GRID_SIZES[][2] = {{1366, 768}, {1920, 1080}};
static const int GRID_SCALES[] = {100, 200};
static const char *const GRID_THEMES[] = {"default", "high-contrast"};
#define FOR_GRID(s, k, t)                                                                          \
    for (size_t s = 0; s < 2; s++)                                                                 \
        for (size_t k = 0; k < 2; k++)                                                             \
            for (size_t t = 0; t < 2; t++)

static void test_countdown_is_large_and_just_above_the_options(void **state)
{
    fixture *f = *state;
    to_timed_decision(f);
    FOR_GRID(s, k, th)
    {
        canvas cv;
        canvas_open(&cv, GRID_SIZES[s][0], GRID_SIZES[s][1], GRID_SCALES[k], GRID_THEMES[th]);
        canvas_frame(&cv, &f->a, f->now);
        const ui_text_rec *t = body_countdown(&cv);
        assert_non_null(t);
        ui_rect opt = first_option(&cv);
        /* Larger than the body text, and no more than two lines above the
         * first option. */
        assert_true(t->text.h > cv.ctx.line_h * 5 / 4);
        assert_true(t->text.y < opt.y);
        assert_true(opt.y - (t->text.y + t->text.h) < 2 * cv.ctx.line_h);
        /* The bar under it: full at first (accent to its right end)... */
        int bar_y = t->text.y + t->text.h + cv.ctx.gap / 2 + cv.ctx.border + 1;
        int x0 = opt.x, x1 = opt.x + opt.w;
        assert_int_equal(canvas_pixel(&cv, x0 + (x1 - x0) * 3 / 4, bar_y), rgb(cv.ctx.th->accent));
        /* ...and a quarter full with three quarters of the time gone. */
        canvas_frame(&cv, &f->a, f->now + 225000);
        assert_int_equal(canvas_pixel(&cv, x0 + (x1 - x0) * 3 / 4, bar_y),
                         rgb(cv.ctx.th->bar_track));
        assert_int_equal(canvas_pixel(&cv, x0 + (x1 - x0) / 8, bar_y), rgb(cv.ctx.th->accent));
        canvas_close(&cv);
    }
}

/* At 30 s and at 10 s the countdown takes its mark and the warning colour,
 * in both themes. */
static void test_countdown_marks_30_and_10_seconds_with_a_shape_and_a_colour(void **state)
{
    fixture *f = *state;
    to_timed_decision(f);
    FOR_GRID(s, k, th)
    {
        canvas cv;
        canvas_open(&cv, GRID_SIZES[s][0], GRID_SIZES[s][1], GRID_SCALES[k], GRID_THEMES[th]);
        canvas_frame(&cv, &f->a, f->now + 300000 - 45000);
        assert_null(canvas_find_start(&cv, REGION_BODY, WARN_MARK));
        assert_null(canvas_find_start(&cv, REGION_BODY, URGENT_MARK));
        canvas_frame(&cv, &f->a, f->now + 300000 - 25000);
        const ui_text_rec *t = canvas_find_start(&cv, REGION_BODY, WARN_MARK);
        assert_non_null(t);
        assert_non_null(canvas_find(&cv, REGION_BODY, "0:25"));
        int bar_y = t->text.y + t->text.h + cv.ctx.gap / 2 + cv.ctx.border + 1;
        assert_int_equal(canvas_pixel(&cv, first_option(&cv).x + 2, bar_y), rgb(cv.ctx.th->warn));
        canvas_frame(&cv, &f->a, f->now + 300000 - 5000);
        assert_null(canvas_find_start(&cv, REGION_BODY, WARN_MARK));
        assert_non_null(canvas_find_start(&cv, REGION_BODY, URGENT_MARK));
        assert_non_null(canvas_find(&cv, REGION_BODY, "confirm now"));
        canvas_close(&cv);
    }
}

/* Only the clinical choice is timed: at the trust rating after it no
 * countdown is shown, in the header or beside the scale, and the limit
 * cannot fire. */
static void test_ratings_and_the_rationale_show_no_timer(void **state)
{
    fixture *f = *state;
    canvas cv;
    canvas_open(&cv, 1280, 800, 100, "default");
    f->cv = &cv;
    to_timed_decision(f);
    cmd(f, CMD_ASK, 0);
    assert_non_null(body_countdown(&cv));
    assert_non_null(canvas_find(&cv, REGION_HEADER, "Time left"));
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    session_view v = app_view(&f->a);
    assert_int_equal(v.step, STEP_TRUST);
    assert_int_equal(app_time_left(&f->a, f->now), -1);
    assert_null(body_countdown(&cv));
    assert_null(canvas_find(&cv, REGION_HEADER, "Time left"));
    assert_false(app_tick(&f->a, f->now + 600000)); /* nothing fires */
    assert_int_equal(app_view(&f->a).step, STEP_TRUST);
    f->cv = NULL;
    canvas_close(&cv);
}

/* ---- a timed decision's options in view, without scrolling ------------------------- */

/* Every option and the countdown lie inside the visible body. */
static void expect_options_in_view(const canvas *cv, const char *what)
{
    const ui_ctx *c = &cv->ctx;
    int n = 0;
    for (int i = 0; i < c->n_targets; i++) {
        const ui_target *t = &c->targets[i];
        if (t->cmd.kind != CMD_PICK)
            continue;
        n++;
        if (t->r.y < c->view.y || t->r.y + t->r.h > c->view.y + c->view.h)
            fail_msg("%s at %dx%d, %d%%, %s: option %d at y %d..%d is outside the view %d..%d",
                     what, c->w, c->h, c->scale, c->th->name, t->cmd.arg + 1, t->r.y,
                     t->r.y + t->r.h, c->view.y, c->view.y + c->view.h);
    }
    if (n == 0)
        fail_msg("%s at %dx%d, %d%%: no options drawn", what, c->w, c->h, c->scale);
    /* In one column the observations follow the options, below them. */
    ui_rect opt = first_option(cv);
    const ui_text_rec *obs = canvas_find(cv, REGION_BODY, "Observations");
    if (obs && obs->text.x < opt.x + opt.w && obs->text.x >= opt.x && obs->text.y < opt.y)
        fail_msg("%s at %dx%d, %d%%: the observations come before the options", what, c->w, c->h,
                 c->scale);
    /* The countdown too: beside the options, or else in the header. */
    const ui_text_rec *t = body_countdown(cv);
    bool body = t && t->text.y >= c->view.y && t->text.y + t->text.h <= c->view.y + c->view.h;
    if (!body && !canvas_find(cv, REGION_HEADER, "Time left"))
        fail_msg("%s at %dx%d, %d%%, %s: the countdown is not in view", what, c->w, c->h, c->scale,
                 c->th->name);
}

typedef struct screen_size {
    int w, h, scale;
} screen_size;

/* The window on a 1366x768 laptop is what prefs_window_geometry opens. */
static screen_size laptop(int scale)
{
    ui_rect g = prefs_window_geometry(NULL, (ui_rect){0, 0, 1366, 768});
    return (screen_size){g.w, g.h, scale};
}

static void test_timed_options_are_in_view_at_200_percent_on_a_laptop(void **state)
{
    (void)state;
    screen_size sizes[] = {laptop(200), laptop(100), {1920, 1080, 100}, {1920, 1080, 200}};
    static const char *const themes[] = {"default", "high-contrast"};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (size_t k = 0; k < 2; k++) {
            /* window_case.lua: a timed choice after two narrative nodes, with
             * observations and results; played with the canvas drawing
             * every step, as the window does. */
            fixture f = {.dir = test_tmpdir()};
            canvas cv;
            canvas_open(&cv, sizes[s].w, sizes[s].h, sizes[s].scale, themes[k]);
            open_app(&f, load_test_case("window_case.lua"));
            f.cv = &cv;
            to_timed_decision(&f);
            expect_options_in_view(&cv, "window_case's timed choice");
            cmd(&f, CMD_ASK, 0); /* the advice arrives above the options */
            expect_options_in_view(&cv, "window_case's timed choice with its advice");
            app_free(&f.a);
            /* The library's time-limit recipe: timed from the first node,
             * with the advice shown from the start. */
            case_def *c = NULL;
            apperr e;
            case_load_opts lo = {.seed = 5};
            assert_int_equal(
                case_load(&c, SCENARIOS_DIR "/examples/recipe-time-limit.lua", &lo, &e), 0);
            open_app(&f, c);
            canvas_frame(&cv, &f.a, f.now);
            cmd(&f, CMD_COMMIT, 0);
            expect_options_in_view(&cv, "recipe-time-limit");
            app_free(&f.a);
            canvas_close(&cv);
            test_rmtree(f.dir);
            free(f.dir);
        }
}

/* The text found is inside the visible body. */
static void expect_text_in_view(const canvas *cv, const char *text, const char *what)
{
    const ui_ctx *c = &cv->ctx;
    const ui_text_rec *t = canvas_find(cv, REGION_BODY, text);
    if (!t)
        fail_msg("%s at %dx%d, %d%%, %s: '%s' is not drawn", what, c->w, c->h, c->scale,
                 c->th->name, text);
    if (t->text.y < c->view.y || t->text.y + t->text.h > c->view.y + c->view.h)
        fail_msg("%s at %dx%d, %d%%, %s: '%s' at y %d..%d is outside the view %d..%d", what, c->w,
                 c->h, c->scale, c->th->name, text, t->text.y, t->text.y + t->text.h, c->view.y,
                 c->view.y + c->view.h);
}

/* When a step does not fit the window (large text on a laptop), its own
 * part comes first: the large countdown beside the options, not only the
 * header's; after the choice, the feedback's verdict, not its end. */
static void test_at_large_text_the_step_itself_comes_first(void **state)
{
    (void)state;
    screen_size sizes[] = {laptop(200), laptop(100), {1920, 1080, 200}};
    static const char *const themes[] = {"default", "high-contrast"};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (size_t k = 0; k < 2; k++) {
            fixture f = {.dir = test_tmpdir()};
            canvas cv;
            canvas_open(&cv, sizes[s].w, sizes[s].h, sizes[s].scale, themes[k]);
            open_app(&f, load_test_case("window_case.lua"));
            f.cv = &cv;
            to_timed_decision(&f);
            cmd(&f, CMD_ASK, 0); /* the advice arrives above the options */
            const ui_text_rec *t = body_countdown(&cv);
            if (!t || t->text.y < cv.ctx.view.y ||
                t->text.y + t->text.h > cv.ctx.view.y + cv.ctx.view.h)
                fail_msg("at %dx%d, %d%%, %s: the large countdown is not in view", sizes[s].w,
                         sizes[s].h, sizes[s].scale, themes[k]);
            cmd(&f, CMD_PICK, 0);
            cmd(&f, CMD_COMMIT, 0);
            for (int guard = 0; guard < 10 && app_view(&f.a).step != STEP_FEEDBACK; guard++) {
                session_step step = app_view(&f.a).step;
                if (step == STEP_RATIONALE) {
                    assert_true(app_type(&f.a, "a reason"));
                } else if (step != STEP_CONTINUE) {
                    cmd(&f, CMD_PICK, step == STEP_CHOOSE_FINAL ? 0 : 4);
                }
                cmd(&f, CMD_COMMIT, 0);
            }
            assert_int_equal(app_view(&f.a).step, STEP_FEEDBACK);
            expect_text_in_view(&cv, "Your choice", "the feedback's verdict");
            app_free(&f.a);
            canvas_close(&cv);
            test_rmtree(f.dir);
            free(f.dir);
        }
}

#define APP_TEST(t) cmocka_unit_test_setup_teardown(t, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_countdown_level_changes_at_30_and_10_seconds_as_shown),
        cmocka_unit_test(test_countdown_text_marks_each_level_with_a_shape_and_words),
        cmocka_unit_test(test_countdown_bar_empties_from_full_to_nothing),
        APP_TEST(test_countdown_is_large_and_just_above_the_options),
        APP_TEST(test_countdown_marks_30_and_10_seconds_with_a_shape_and_a_colour),
        APP_TEST(test_ratings_and_the_rationale_show_no_timer),
        cmocka_unit_test(test_timed_options_are_in_view_at_200_percent_on_a_laptop),
        cmocka_unit_test(test_at_large_text_the_step_itself_comes_first),
    };
    return cmocka_run_group_tests(tests, ui_sdl_setup, ui_sdl_teardown);
}
