/* test_ui_rencache: the window's render cache. Every screen of a case is
 * drawn twice into software renderers, once through the cache (only what
 * changed since the last frame is redrawn) and once in full, straight to the
 * renderer; the pixels must be the same after every change, and a small
 * change must redraw only a few cells. */
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
#include "draw.h"
#include "rencache.h"
#include "screens.h"
#include "support.h"
#include "ui_sdl.h"
#include "text_cache.h"
#include "theme.h"

/* ---- a canvas: a surface, its software renderer, a text cache -------------------- */

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *r;
    text_cache *tc;
    rencache *rc; /* NULL: drawn in full */
    ui_ctx ctx;
} canvas;

static void canvas_open(canvas *cv, int w, int h, double density, bool cached)
{
    memset(cv, 0, sizeof *cv);
    cv->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(cv->surf);
    cv->r = SDL_CreateSoftwareRenderer(cv->surf);
    assert_non_null(cv->r);
    apperr e;
    cv->tc = text_cache_new(cv->r, TEST_ASSETS_DIR "/fonts", &e);
    assert_non_null(cv->tc);
    if (cached) {
        cv->rc = rencache_new(cv->r);
        assert_non_null(cv->rc); /* the software renderer draws into textures too */
    }
    ui_ctx *c = &cv->ctx;
    c->r = cv->r;
    c->tc = cv->tc;
    c->th = ui_theme_find("default");
    c->scale = 100;
    c->density = density;
    c->w = w;
    c->h = h;
}

static void canvas_close(canvas *cv)
{
    rencache_free(cv->rc);
    text_cache_free(cv->tc);
    SDL_DestroyRenderer(cv->r);
    SDL_FreeSurface(cv->surf);
}

/* One frame as window.c draws it; returns the draw calls of the cached
 * path (the recorded commands when drawn in full). */
static int canvas_frame(canvas *cv, app *a, int64_t now)
{
    ui_ctx *c = &cv->ctx;
    ui_ctx_metrics(c);
    int calls;
    if (cv->rc) {
        rencache_begin(cv->rc, c->w, c->h, c->th->bg);
        c->rc = cv->rc;
        screens_frame(c, a, now);
        c->rc = NULL;
        calls = rencache_end(cv->rc);
        assert_true(calls > 0);
    } else {
        SDL_SetRenderDrawColor(cv->r, c->th->bg.r, c->th->bg.g, c->th->bg.b, 255);
        SDL_RenderClear(cv->r);
        screens_frame(c, a, now);
        calls = c->draw_calls;
    }
    SDL_RenderFlush(cv->r);
    text_cache_end_frame(cv->tc);
    return calls;
}

/* The first differing pixel, or -1. */
static long first_difference(const canvas *x, const canvas *y)
{
    const uint32_t *p = x->surf->pixels, *q = y->surf->pixels;
    long n = (long)x->surf->w * x->surf->h;
    for (long i = 0; i < n; i++)
        if ((p[i] & 0xFFFFFFu) != (q[i] & 0xFFFFFFu))
            return i;
    return -1;
}

/* ---- the fixture: the window's test case, drawn both ways ------------------------ */

typedef struct fixture {
    char *dir;
    app a;
    int64_t now;
    canvas cached, full;
} fixture;

static int fixture_setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 5};
    if (case_load(&c, TEST_CASES_DIR "/window_case.lua", &lo, &e) != 0) {
        char buf[2048];
        fail_msg("%s", apperr_format(&e, buf, sizeof buf));
    }
    app_opts o = {.c = c,
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = f->dir,
                  .host_os = "test"};
    assert_int_equal(app_init(&f->a, &o, &e), 0);
    f->now = 100000;
    canvas_open(&f->cached, 1280, 800, 1.0, true);
    canvas_open(&f->full, 1280, 800, 1.0, false);
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    fixture *f = *state;
    canvas_close(&f->cached);
    canvas_close(&f->full);
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
}

/* Draws the screen both ways and fails, naming the step, where the pixels
 * differ; returns the cells the cached frame redrew. */
static int same_pixels(fixture *f, const char *what)
{
    canvas_frame(&f->cached, &f->a, f->now);
    canvas_frame(&f->full, &f->a, f->now);
    long d = first_difference(&f->cached, &f->full);
    if (d >= 0)
        fail_msg("%s: the cached frame differs at %ld,%ld", what, d % f->full.surf->w,
                 d / f->full.surf->w);
    int dirty = 0;
    rencache_last_counts(f->cached.rc, &dirty, NULL);
    return dirty;
}

/* ---- tests ---------------------------------------------------------------------- */

static void test_cached_frames_match_full_redraws_through_a_case(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    int cells;
    same_pixels(f, "case start");
    rencache_last_counts(f->cached.rc, NULL, &cells);
    cmd(f, CMD_COMMIT, 0);
    same_pixels(f, "narrative");
    cmd(f, CMD_RESULTS, 0);
    same_pixels(f, "results open");
    cmd(f, CMD_COMMIT, 0);
    same_pixels(f, "initial choice");
    cmd(f, CMD_PICK, 0);
    a->focus = (ui_cmd){CMD_PICK, 0};
    same_pixels(f, "option picked and focused");
    a->focus = (ui_cmd){CMD_PICK, 1};
    int dirty = same_pixels(f, "focus moved down an option");
    assert_true(dirty > 0);
    assert_true(dirty < cells / 4);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 7);
    same_pixels(f, "confidence rated");
    cmd(f, CMD_COMMIT, 0);
    same_pixels(f, "advice");
    cmd(f, CMD_EXPLANATION, 0);
    same_pixels(f, "advice with reasons");
    cmd(f, CMD_MODEL_CARD, 0);
    same_pixels(f, "advice with reasons and model card");
    f->cached.ctx.mouse_x = f->full.ctx.mouse_x = 640;
    f->cached.ctx.mouse_y = f->full.ctx.mouse_y = 400;
    same_pixels(f, "mouse over the middle");
    f->cached.ctx.scroll += 150;
    f->full.ctx.scroll += 150;
    same_pixels(f, "scrolled down");
    cmd(f, CMD_ESCAPE, 0);
    same_pixels(f, "leave dialog over the advice");
    cmd(f, CMD_STAY, 0);
    same_pixels(f, "leave dialog gone");
}

static void test_a_countdown_tick_redraws_only_the_countdowns(void **state)
{
    fixture *f = *state;
    /* Through the first decision to the second, which is timed. */
    static const int picks[] = {0, 4, 0, 4, 4};
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
    for (size_t i = 0; i < sizeof picks / sizeof picks[0]; i++) {
        cmd(f, CMD_PICK, picks[i]);
        cmd(f, CMD_COMMIT, 0);
    }
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    snprintf(field, cap, "why");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
    assert_true(app_time_left(&f->a, f->now) >= 0);
    same_pixels(f, "timed decision");
    int cells, dirty;
    rencache_last_counts(f->cached.rc, NULL, &cells);
    f->now += 1000;
    dirty = same_pixels(f, "one second later");
    assert_true(dirty > 0); /* the countdown changed */
    /* and nothing else: the header's corner (4 cells at most), the time
     * beside the options and the cell where its bar ends */
    assert_true(dirty <= 8);
    dirty = same_pixels(f, "nothing changed");
    assert_int_equal(dirty, 0);
    (void)cells;
}

static void test_theme_scale_and_size_changes_redraw_everything(void **state)
{
    fixture *f = *state;
    int cells, dirty;
    cmd(f, CMD_COMMIT, 0);
    same_pixels(f, "narrative");
    f->cached.ctx.th = f->full.ctx.th = ui_theme_find("high-contrast");
    dirty = same_pixels(f, "high contrast");
    rencache_last_counts(f->cached.rc, NULL, &cells);
    assert_int_equal(dirty, cells);
    f->cached.ctx.scale = f->full.ctx.scale = 150;
    same_pixels(f, "text at 150%");
    /* A HiDPI window: the same app, twice the output pixels. */
    canvas_close(&f->cached);
    canvas_close(&f->full);
    canvas_open(&f->cached, 2560, 1600, 2.0, true);
    canvas_open(&f->full, 2560, 1600, 2.0, false);
    same_pixels(f, "HiDPI");
    f->now += 1000;
    same_pixels(f, "HiDPI, a second later");
}

static void test_lost_targets_and_devices_redraw_from_nothing(void **state)
{
    fixture *f = *state;
    int cells, dirty;
    cmd(f, CMD_COMMIT, 0);
    same_pixels(f, "narrative");
    rencache_last_counts(f->cached.rc, NULL, &cells);
    /* The canvas' pixels lost (SDL_RENDER_TARGETS_RESET): all redrawn. */
    rencache_invalidate(f->cached.rc);
    dirty = same_pixels(f, "after the targets were reset");
    assert_int_equal(dirty, cells);
    /* Every texture lost: the canvas and the text are made again. */
    text_cache_drop_textures(f->cached.tc);
    rencache_device_reset(f->cached.rc);
    size_t textures;
    text_cache_counts(f->cached.tc, &textures, NULL, NULL);
    assert_int_equal(textures, 0);
    dirty = same_pixels(f, "after the device was reset");
    assert_int_equal(dirty, cells);
}

static void test_an_empty_window_draws_nothing_and_no_command_is_lost(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    rencache *rc = rencache_new(r);
    assert_non_null(rc);
    ui_rgba bg = {255, 255, 255, 255}, red = {255, 0, 0, 255};
    /* A minimised window has no pixels: nothing to draw, not an error. */
    rencache_begin(rc, 0, 0, bg);
    SDL_Rect all = {0, 0, 200, 100};
    rencache_fill(rc, &all, 1, red);
    assert_int_equal(rencache_end(rc), 0);
    /* A fill cut by the clip draws only inside it. */
    rencache_begin(rc, 200, 100, bg);
    SDL_Rect clip = {0, 0, 100, 100};
    rencache_clip(rc, &clip);
    rencache_fill(rc, &all, 1, red);
    assert_true(rencache_end(rc) > 0);
    SDL_RenderFlush(r);
    const uint32_t *px = s->pixels;
    assert_int_equal(px[50 * 200 + 50] & 0xFFFFFFu, 0xFF0000u);
    assert_int_equal(px[50 * 200 + 150] & 0xFFFFFFu, 0xFFFFFFu);
    rencache_free(rc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

#define APP_TEST(t) cmocka_unit_test_setup_teardown(t, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        APP_TEST(test_cached_frames_match_full_redraws_through_a_case),
        APP_TEST(test_a_countdown_tick_redraws_only_the_countdowns),
        APP_TEST(test_theme_scale_and_size_changes_redraw_everything),
        APP_TEST(test_lost_targets_and_devices_redraw_from_nothing),
        cmocka_unit_test(test_an_empty_window_draws_nothing_and_no_command_is_lost),
    };
    return cmocka_run_group_tests(tests, ui_sdl_setup, ui_sdl_teardown);
}
