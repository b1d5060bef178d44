/* test_ui_targets: what a pointer or the keyboard has to find on every
 * screen. Every clickable target is at least 24x24 CSS pixels at 100% text
 * (WCAG 2.5.8, target size minimum), and the focus, moved to each control
 * in turn, is drawn where it can be seen: inside the scrolling body, never
 * behind the header or the key bar, never off the window (WCAG 2.4.11,
 * focus not obscured), at 200% text on a 1366x768 screen and smaller ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "app.h"
#include "case_load.h"
#include "image.h"
#include "support.h"
#include "ui_app.h"
#include "ui_canvas.h"
#include "ui_screens.h"
#include "ui_sdl.h"

/* WCAG's pixels are CSS pixels: on a screen of density 2, twice as many. */
#define MIN_TARGET UI_TARGET_MIN

/* The first target narrower or lower than min pixels, or NULL. */
static const ui_target *small_target(const ui_ctx *c, int min)
{
    for (int i = 0; i < c->n_targets; i++)
        if (c->targets[i].r.w < min || c->targets[i].r.h < min)
            return &c->targets[i];
    return NULL;
}

/* Why the focus ring of t cannot be seen whole, or NULL when it can. A
 * target in the body must lie within the scrolling body (between the
 * header and the key bar) once the focus has moved to it; one taller than
 * the body must at least fill it. A dialog's must lie within the window. */
static const char *ring_hidden(const ui_ctx *c, const ui_target *t)
{
    ui_rect ring = ui_focus_ring_rect(c, t->r);
    if (ring.x < 0 || ring.x + ring.w > c->w)
        return "off the side of the window";
    if (t->region == REGION_MODAL)
        return ring.y < 0 || ring.y + ring.h > c->h ? "off the window" : NULL;
    if (t->region != REGION_BODY)
        return "outside the body";
    int top = ring.y, bottom = ring.y + ring.h;
    int vtop = c->view.y, vbottom = c->view.y + c->view.h;
    if (ring.h <= c->view.h)
        return top < vtop ? "behind the header" : bottom > vbottom ? "behind the key bar" : NULL;
    return top > vtop || bottom < vbottom ? "not filling the body it is taller than" : NULL;
}

/* The drawn target of cmd (the dialog's when one is up), or NULL. */
static const ui_target *target_of(const ui_ctx *c, ui_cmd cmd)
{
    const ui_target *found = NULL;
    for (int i = 0; i < c->n_targets; i++)
        if (c->targets[i].focusable && ui_cmd_eq(c->targets[i].cmd, cmd) &&
            (!found || c->targets[i].region == REGION_MODAL))
            found = &c->targets[i];
    return found;
}

typedef struct screen_size {
    int w, h;
    double density;
} screen_size;

static canvas *open_at(const screen_size *s, int scale)
{
    canvas *cv = calloc(1, sizeof *cv);
    assert_non_null(cv);
    canvas_open(cv, s->w, s->h, scale, "default");
    cv->ctx.density = s->density;
    cv->ctx.images = ui_images_new(cv->r); /* pictures drawn, not their alt text alone */
    assert_non_null(cv->ctx.images);
    ui_ctx_metrics(&cv->ctx);
    return cv;
}

static void close_canvas(canvas *cv)
{
    ui_images_free(cv->ctx.images);
    canvas_close(cv);
    free(cv);
}

/* ---- target size ------------------------------------------------------------- */

static const screen_size TARGET_SIZES[] = {
    {800, 600, 1}, {1366, 768, 1}, {1920, 1080, 1}, {2560, 1600, 2}};

static int targets_checked;

static void expect_targets_large_enough(app *a, const char *what, void *ud)
{
    (void)ud;
    for (size_t s = 0; s < sizeof TARGET_SIZES / sizeof TARGET_SIZES[0]; s++)
        for (int scale = 100; scale <= 200; scale += 100) {
            canvas *cv = open_at(&TARGET_SIZES[s], scale);
            canvas_frame(cv, a, 0);
            int min = (int)(MIN_TARGET * TARGET_SIZES[s].density);
            const ui_target *t = small_target(&cv->ctx, min);
            if (t)
                fail_msg("%s at %dx%d, %d%%: a target (command %d) is %dx%d, under %dx%d", what,
                         TARGET_SIZES[s].w, TARGET_SIZES[s].h, scale, t->cmd.kind, t->r.w, t->r.h,
                         min, min);
            targets_checked += cv->ctx.n_targets;
            close_canvas(cv);
        }
}

static void test_every_target_is_at_least_24_pixels_square(void **state)
{
    (void)state;
    targets_checked = 0;
    ui_screens_walk(expect_targets_large_enough, NULL);
    assert_true(targets_checked > 200); /* the walk did find the controls */
}

/* The check itself finds a target too small in either direction. */
static void test_small_target_check_finds_a_thin_target(void **state)
{
    (void)state;
    ui_ctx *c = calloc(1, sizeof *c);
    assert_non_null(c);
    c->n_targets = 2;
    c->targets[0] = (ui_target){{0, 0, 100, 30}, {CMD_COMMIT, 0}, true, REGION_BODY};
    c->targets[1] = (ui_target){{0, 40, 100, 23}, {CMD_ASK, 0}, true, REGION_BODY};
    assert_ptr_equal(small_target(c, MIN_TARGET), &c->targets[1]);
    c->targets[1].r = (ui_rect){0, 40, 23, 100};
    assert_ptr_equal(small_target(c, MIN_TARGET), &c->targets[1]);
    c->targets[1].r.w = 24;
    assert_null(small_target(c, MIN_TARGET));
    free(c);
}

/* A picture smaller than a target (an icon, a thin strip) still takes a
 * click and the focus in a box of the least target size, its alt text
 * below that box. */
static void test_a_small_picture_still_takes_a_24_pixel_click(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/images", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    SDL_Surface *dot = SDL_CreateRGBSurfaceWithFormat(0, 10, 6, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(dot);
    SDL_FillRect(dot, NULL, SDL_MapRGB(dot->format, 0, 128, 0));
    snprintf(path, sizeof path, "%s/images/dot.png", dir);
    assert_int_equal(IMG_SavePNG(dot, path), 0);
    SDL_FreeSurface(dot);
    snprintf(path, sizeof path, "%s/small.lua", dir);
    assert_int_equal(
        test_write_file(path, "return case {\n"
                              "  id = 'small', version = '1', title = 'Small', start = 'q',\n"
                              "  nodes = {\n"
                              "    q = { text = 'Look.', image = { file = 'images/dot.png',\n"
                              "          alt = 'A small green dot.' },\n"
                              "      decision = { options = {\n"
                              "        { id = 'a', label = 'A', next = 'e' },\n"
                              "        { id = 'b', label = 'B', next = 'e' } } } },\n"
                              "    e = { text = 'Done.', ending = { outcome = 'good' } },\n"
                              "  },\n"
                              "}\n"),
        0);
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 1};
    assert_int_equal(case_load(&c, path, &lo, &e), 0);
    void *st = NULL;
    app_fixture_open(&st, c);
    app_fixture *f = st;
    app_fixture_cmd(f, CMD_COMMIT, 0);
    f->a.focus = (ui_cmd){CMD_IMAGE, 0};
    for (size_t s = 0; s < sizeof TARGET_SIZES / sizeof TARGET_SIZES[0]; s++) {
        canvas *cv = open_at(&TARGET_SIZES[s], 100);
        canvas_frame(cv, &f->a, 0);
        const ui_target *t = NULL;
        for (int i = 0; i < cv->ctx.n_targets; i++)
            if (ui_cmd_eq(cv->ctx.targets[i].cmd, (ui_cmd){CMD_IMAGE, 0}))
                t = &cv->ctx.targets[i];
        assert_non_null(t);
        int min = (int)(MIN_TARGET * TARGET_SIZES[s].density);
        if (t->r.w < min || t->r.h < min)
            fail_msg("at %dx%d the picture's target is %dx%d", TARGET_SIZES[s].w, TARGET_SIZES[s].h,
                     t->r.w, t->r.h);
        /* The alt text starts below the box and its ring. */
        bool found = false;
        for (int i = 0; i < cv->ctx.n_texts; i++)
            if (strstr(cv->ctx.texts[i].what, "A small green dot")) {
                found = true;
                ui_rect ring = ui_focus_ring_rect(&cv->ctx, t->r);
                assert_true(cv->ctx.texts[i].text.y >= ring.y + ring.h);
            }
        assert_true(found);
        close_canvas(cv);
    }
    app_fixture_close(&st);
    test_rmtree(dir);
    free(dir);
}

/* ---- focus not obscured ------------------------------------------------------ */

/* 1366x768 and smaller laptops and netbooks, and a HiDPI 1366x768. */
static const screen_size FOCUS_SIZES[] = {
    {1366, 768, 1}, {1280, 720, 1}, {1024, 600, 1}, {800, 600, 1}, {2732, 1536, 2}};

static int focus_checked;

/* Tab through every control of the screen, drawing a frame at each stop as
 * the window does, and look where its ring is. */
static void tab_through(app *a, const char *what, const screen_size *s, int scale)
{
    canvas *cv = open_at(s, scale);
    ui_ctx *c = &cv->ctx;
    canvas_frame(cv, a, 0);
    int n = 0;
    /* k = -1: the focus the screen opens with (the case suggested, the
     * first choice kept, the rationale's field), when there is one. */
    int first = ui_focus_index(c, a->focus, &n) >= 0 ? -1 : 0;
    for (int k = first; k < n; k++) {
        if (k >= 0)
            a->focus = ui_focus_at(c, k);
        canvas_frame(cv, a, 0);
        const ui_target *t = target_of(c, a->focus);
        if (!t)
            fail_msg("%s at %dx%d, %d%%: focus %d of %d (command %d) is not drawn", what, s->w,
                     s->h, scale, k + 1, n, a->focus.kind);
        const char *why = ring_hidden(c, t);
        if (why)
            fail_msg("%s at %dx%d, %d%%: the focus ring of control %d of %d (command %d, at "
                     "%d,%d %dx%d) is %s (body %d to %d)",
                     what, s->w, s->h, scale, k + 1, n, t->cmd.kind, t->r.x, t->r.y, t->r.w, t->r.h,
                     why, c->view.y, c->view.y + c->view.h);
        focus_checked++;
    }
    close_canvas(cv);
}

/* At 100% the body has room to spare: the largest and smallest suffice. */
static void expect_focus_seen(app *a, const char *what, void *ud)
{
    int scale = *(const int *)ud;
    for (size_t s = 0; s < sizeof FOCUS_SIZES / sizeof FOCUS_SIZES[0]; s++)
        if (scale > 100 || s == 0 || s == 3)
            tab_through(a, what, &FOCUS_SIZES[s], scale);
}

static void test_focus_is_never_hidden_at_200_percent(void **state)
{
    (void)state;
    int scale = 200;
    focus_checked = 0;
    ui_screens_walk(expect_focus_seen, &scale);
    assert_true(focus_checked > 100);
}

static void test_focus_is_never_hidden_at_100_percent(void **state)
{
    (void)state;
    int scale = 100;
    focus_checked = 0;
    ui_screens_walk(expect_focus_seen, &scale);
    assert_true(focus_checked > 100);
}

/* The check itself: a ring under the key bar, over the header or off the
 * side is found; one inside the body is not. */
static void test_focus_check_finds_a_ring_behind_the_key_bar(void **state)
{
    (void)state;
    ui_ctx *c = calloc(1, sizeof *c);
    assert_non_null(c);
    c->w = 800;
    c->h = 600;
    c->border = 1;
    c->view = (ui_rect){0, 60, 800, 480};
    ui_target t = {{100, 300, 200, 40}, {CMD_COMMIT, 0}, true, REGION_BODY};
    assert_null(ring_hidden(c, &t));
    t.r.y = 520;
    assert_string_equal(ring_hidden(c, &t), "behind the key bar");
    t.r.y = 58;
    assert_string_equal(ring_hidden(c, &t), "behind the header");
    t.r = (ui_rect){780, 300, 40, 40};
    assert_string_equal(ring_hidden(c, &t), "off the side of the window");
    t.r = (ui_rect){100, 40, 200, 600}; /* taller than the body, and filling it */
    assert_null(ring_hidden(c, &t));
    t.r.y = 100;
    assert_non_null(ring_hidden(c, &t));
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_target_check_finds_a_thin_target),
        cmocka_unit_test(test_every_target_is_at_least_24_pixels_square),
        cmocka_unit_test(test_a_small_picture_still_takes_a_24_pixel_click),
        cmocka_unit_test(test_focus_check_finds_a_ring_behind_the_key_bar),
        cmocka_unit_test(test_focus_is_never_hidden_at_200_percent),
        cmocka_unit_test(test_focus_is_never_hidden_at_100_percent),
    };
    return cmocka_run_group_tests(tests, ui_sdl_setup, ui_sdl_teardown);
}
