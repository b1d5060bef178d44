/* test_ui_image: a case's images in the window. The decoder (SDL2_image, as
 * check uses it): a good PNG and JPEG, pixels that do not decode; fitting
 * with the aspect kept; the full-size view's commands; and the case screen
 * drawn into a software renderer at 1366x768 and 1920x1080, 100% and 200%
 * text, in both themes: the node's image within the story, the result's
 * within the results panel, each scaled with its aspect kept and its
 * pixels on screen; the full-size view within the window; a missing image
 * told by its alt text, never a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "app.h"
#include "app_image.h"
#include "case_image.h"
#include "case_load.h"
#include "draw.h"
#include "image.h"
#include "screens.h"
#include "support.h"
#include "ui_sdl.h"
#include "ui_app.h"
#include "text_cache.h"
#include "theme.h"

#define WIDE TEST_CASES_DIR "/images/wide.png" /* 600 x 200, rgb(30,160,60) */

/* ---- decoding and fitting -------------------------------------------------------- */

static int check_in(const char *dir, const char *file, apperr *e)
{
    char case_file[1100];
    snprintf(case_file, sizeof case_file, "%s/case.lua", dir);
    case_image im = {(char *)file, "Alt.", 3};
    apperr_clear(e);
    return ui_image_check(case_file, &im, e);
}

static void test_a_good_png_and_jpeg_decode(void **state)
{
    (void)state;
    apperr e;
    assert_int_equal(check_in(TEST_CASES_DIR, "images/wide.png", &e), 0);
    char *dir = test_tmpdir();
    char path[1100];
    snprintf(path, sizeof path, "%s/photo.jpg", dir);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 40, 30, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_FillRect(s, NULL, SDL_MapRGB(s->format, 200, 120, 90));
    assert_int_equal(IMG_SaveJPG(s, path, 90), 0);
    SDL_FreeSurface(s);
    assert_int_equal(check_in(dir, "photo.jpg", &e), 0);
    case_image im = {"photo.jpg", "Alt.", 3};
    char case_file[1100];
    snprintf(case_file, sizeof case_file, "%s/case.lua", dir);
    SDL_Surface *d = ui_image_decode(case_file, &im, &e);
    assert_non_null(d);
    assert_int_equal(d->w, 40);
    assert_int_equal(d->h, 30);
    assert_int_equal(d->format->format, SDL_PIXELFORMAT_ARGB8888);
    SDL_FreeSurface(d);
    test_rmtree(dir);
    free(dir);
}

static unsigned long crc(const unsigned char *b, size_t n)
{
    unsigned long c = 0xFFFFFFFFul;
    for (size_t i = 0; i < n; i++) {
        c ^= b[i];
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320ul ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFul;
}

/* Appends a PNG chunk (with its right checksum) to out at *n. */
static void chunk(unsigned char *out, size_t *n, const char *type, const unsigned char *data,
                  size_t len)
{
    unsigned char *p = out + *n;
    p[0] = (unsigned char)(len >> 24), p[1] = (unsigned char)(len >> 16);
    p[2] = (unsigned char)(len >> 8), p[3] = (unsigned char)len;
    memcpy(p + 4, type, 4);
    if (len)
        memcpy(p + 8, data, len);
    unsigned long c = crc(p + 4, len + 4);
    p[8 + len] = (unsigned char)(c >> 24), p[9 + len] = (unsigned char)(c >> 16);
    p[10 + len] = (unsigned char)(c >> 8), p[11 + len] = (unsigned char)c;
    *n += 12 + len;
}

/* A PNG whose chunks are whole, with right checksums, but whose pixel data
 * is not a zlib stream: the file's structure passes, the decoder fails. */
static void test_pixels_that_do_not_decode_fail_the_check(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    unsigned char png[256];
    size_t n = 8;
    memcpy(png, "\x89PNG\r\n\x1a\n", 8);
    const unsigned char ihdr[13] = {0, 0, 0, 4, 0, 0, 0, 4, 8, 0, 0, 0, 0};
    const unsigned char junk[12] = {'n', 'o', 't', ' ', 'z', 'l', 'i', 'b', 0, 1, 2, 3};
    chunk(png, &n, "IHDR", ihdr, sizeof ihdr);
    chunk(png, &n, "IDAT", junk, sizeof junk);
    chunk(png, &n, "IEND", NULL, 0);
    char path[1100];
    snprintf(path, sizeof path, "%s/junk.png", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(png, 1, n, f), n);
    fclose(f);
    char case_file[1100];
    snprintf(case_file, sizeof case_file, "%s/case.lua", dir);
    case_image im = {"junk.png", "Alt.", 3};
    apperr e;
    apperr_clear(&e);
    assert_int_equal(case_image_check_file(case_file, &im, &e), 0); /* the file is whole */
    assert_int_equal(check_in(dir, "junk.png", &e), -1);            /* its pixels are not */
    assert_non_null(strstr(e.msg, "image \"junk.png\": the PNG cannot be decoded"));
    assert_int_equal(e.line, 3);
    /* The window's cache says the same, and draws nothing from it. */
    ui_images *ims = ui_images_new(NULL);
    int w, h;
    const char *why;
    assert_false(ui_images_size(ims, case_file, &im, &w, &h, &why));
    assert_non_null(strstr(why, "cannot be decoded"));
    ui_images_free(ims);
    test_rmtree(dir);
    free(dir);
}

static void test_fit_keeps_the_aspect_and_never_grows_past_most(void **state)
{
    (void)state;
    int w, h;
    ui_image_fit(1200, 600, 300, 1000, 1, &w, &h);
    assert_int_equal(w, 300);
    assert_int_equal(h, 150);
    ui_image_fit(1200, 600, 1000, 100, 1, &w, &h);
    assert_int_equal(w, 200);
    assert_int_equal(h, 100);
    ui_image_fit(100, 50, 1000, 1000, 1, &w, &h);
    assert_int_equal(w, 100);
    assert_int_equal(h, 50);
    ui_image_fit(100, 50, 1000, 1000, 2, &w, &h);
    assert_int_equal(w, 200);
    assert_int_equal(h, 100);
    ui_image_fit(8000, 10, 100, 100, 1, &w, &h);
    assert_int_equal(w, 100);
    assert_int_equal(h, 1);
}

/* ---- the app ---------------------------------------------------------------------- */

typedef app_fixture fixture;

static int fixture_setup(void **state)
{
    return app_fixture_open(state, load_test_case("image_case.lua"));
}

static int fixture_teardown(void **state)
{
    return app_fixture_close(state);
}

static bool cmd(fixture *f, ui_cmd_kind k, int arg)
{
    return app_fixture_cmd(f, k, arg);
}

static void test_i_opens_the_images_and_esc_or_enter_closes_them(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    cmd(f, CMD_COMMIT, 0); /* start */
    assert_int_equal(app_view(a).step, STEP_CHOOSE_FINAL);
    const case_image *list[APP_IMAGES_MAX];
    assert_int_equal(app_images(a, list, APP_IMAGES_MAX), 1); /* results hidden: the node's */
    assert_true(cmd(f, CMD_IMAGE, APP_IMAGE_NEXT));
    assert_int_equal(a->image_view, 1);
    assert_ptr_equal(app_image_open(a), &app_view(a).node->image);
    /* While it is open, the case underneath takes nothing. */
    assert_false(cmd(f, CMD_PICK, 0));
    assert_int_equal(a->picked, -1);
    assert_true(cmd(f, CMD_ESCAPE, 0));
    assert_int_equal(a->image_view, 0);
    assert_false(a->confirm_leave); /* Esc closed the image, not the case */
    cmd(f, CMD_RESULTS, 0);
    assert_int_equal(app_images(a, list, APP_IMAGES_MAX), 2);
    assert_true(cmd(f, CMD_IMAGE, 1));
    assert_int_equal(a->image_view, 2);
    assert_true(cmd(f, CMD_IMAGE, APP_IMAGE_NEXT)); /* round to the first */
    assert_int_equal(a->image_view, 1);
    assert_true(cmd(f, CMD_IMAGE, APP_IMAGE_PREV));
    assert_int_equal(a->image_view, 2);
    assert_false(cmd(f, CMD_IMAGE, 7)); /* no such image */
    assert_true(cmd(f, CMD_COMMIT, 0)); /* Enter closes it, and commits nothing */
    assert_int_equal(a->image_view, 0);
    assert_int_equal(app_view(a).step, STEP_CHOOSE_FINAL);
    /* A new node closes an open image. */
    cmd(f, CMD_IMAGE, 0);
    cmd(f, CMD_PICK, 1);
    assert_int_equal(a->image_view, 1);
    cmd(f, CMD_ESCAPE, 0);
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    assert_string_equal(app_view(a).node->id, "gone");
    assert_int_equal(a->image_view, 0);
}

/* ---- drawn ------------------------------------------------------------------------- */

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *r;
    text_cache *tc;
    ui_ctx ctx;
} canvas;

static const int SIZES[][2] = {{1366, 768}, {1920, 1080}};
static const int SCALES[] = {100, 200};
static const char *const THEMES[] = {"default", "high-contrast"};

static void canvas_open(canvas *cv, int w, int h, int scale, const char *theme)
{
    memset(cv, 0, sizeof *cv);
    cv->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(cv->surf);
    cv->r = SDL_CreateSoftwareRenderer(cv->surf);
    assert_non_null(cv->r);
    apperr e;
    cv->tc = text_cache_new(cv->r, TEST_ASSETS_DIR "/fonts", &e);
    assert_non_null(cv->tc);
    ui_ctx *c = &cv->ctx;
    c->r = cv->r;
    c->tc = cv->tc;
    c->images = ui_images_new(cv->r);
    assert_non_null(c->images);
    c->th = ui_theme_find(theme);
    c->scale = scale;
    c->density = 1;
    c->w = w;
    c->h = h;
    c->audit = true;
    ui_ctx_metrics(c);
}

static void canvas_close(canvas *cv)
{
    ui_images_free(cv->ctx.images);
    text_cache_free(cv->tc);
    SDL_DestroyRenderer(cv->r);
    SDL_FreeSurface(cv->surf);
}

/* The frame drawn: the renderer's pixels are in the surface now. */
static void draw(canvas *cv, app *a)
{
    ui_ctx *c = &cv->ctx;
    SDL_SetRenderDrawColor(cv->r, c->th->bg.r, c->th->bg.g, c->th->bg.b, 255);
    SDL_RenderClear(cv->r);
    screens_frame(c, a, 0);
    SDL_RenderPresent(cv->r);
    char why[512];
    int n = ui_audit_problems(c, why, sizeof why);
    if (n)
        fail_msg("%d text problem(s): %s", n, why);
}

static const ui_target *target(const ui_ctx *c, ui_cmd_kind k, int arg, bool focusable)
{
    for (int i = 0; i < c->n_targets; i++)
        if (c->targets[i].cmd.kind == k && c->targets[i].cmd.arg == arg &&
            c->targets[i].focusable == focusable)
            return &c->targets[i];
    return NULL;
}

/* The box of the first text drawn that begins with prefix. */
static const ui_text_rec *text_rec(const ui_ctx *c, const char *prefix)
{
    for (int i = 0; i < c->n_texts; i++)
        if (strncmp(c->texts[i].what, prefix, strlen(prefix)) == 0)
            return &c->texts[i];
    return NULL;
}

/* The picture inside the frame r is 600:200, and, where it is in view,
 * its middle holds the test picture's green. */
static int pixels_seen; /* pictures whose pixels were looked at */

static void expect_picture(canvas *cv, ui_rect r, int border, const char *what)
{
    int w = r.w - 2 * border, h = r.h - 2 * border;
    if (abs(w - 3 * h) > 3)
        fail_msg("%s: %d x %d is not 3:1", what, w, h);
    const ui_ctx *c = &cv->ctx;
    int x = r.x + r.w / 2, y = r.y + r.h / 2;
    if (y < c->view.y || y >= c->view.y + c->view.h)
        return; /* scrolled out of view */
    Uint32 p = ((Uint32 *)((Uint8 *)cv->surf->pixels + (size_t)y * cv->surf->pitch))[x];
    Uint8 R, G, B;
    SDL_GetRGB(p, cv->surf->format, &R, &G, &B);
    if (abs(R - 30) > 4 || abs(G - 160) > 4 || abs(B - 60) > 4)
        fail_msg("%s: the middle is rgb(%d,%d,%d), not the picture", what, R, G, B);
    pixels_seen++;
}

static void inside_column(const ui_rect r, const ui_text_rec *col, const ui_ctx *c,
                          const char *what)
{
    assert_non_null(col);
    if (r.x < col->box.x || r.x + r.w > col->box.x + col->box.w || r.y < col->box.y ||
        r.x + r.w > c->w)
        fail_msg("%s: image at %d,%d %dx%d outside its column at %d..%d", what, r.x, r.y, r.w, r.h,
                 col->box.x, col->box.x + col->box.w);
}

static void test_images_are_drawn_scaled_within_their_panels(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_RESULTS, 0);
    int drawn = 0;
    for (size_t s = 0; s < 2; s++)
        for (size_t k = 0; k < 2; k++)
            for (size_t t = 0; t < 2; t++) {
                canvas cv;
                canvas_open(&cv, SIZES[s][0], SIZES[s][1], SCALES[k], THEMES[t]);
                ui_ctx *c = &cv.ctx;
                char what[160];
                snprintf(what, sizeof what, "%dx%d %d%% %s", SIZES[s][0], SIZES[s][1], SCALES[k],
                         THEMES[t]);
                a->image_view = 0;
                draw(&cv, a);
                const ui_target *node = target(c, CMD_IMAGE, 0, true);
                const ui_target *result = target(c, CMD_IMAGE, 1, true);
                assert_non_null(node);
                assert_non_null(result);
                inside_column(node->r, text_rec(c, "Look at the picture"), c, what);
                inside_column(result->r, text_rec(c, "Results ("), c, what);
                expect_picture(&cv, node->r, c->border, what);
                expect_picture(&cv, result->r, c->border, what);
                assert_non_null(text_rec(c, "A wide green test picture")); /* its alt text */
                char hints[SCREENS_HINTS_MAX];
                assert_non_null(strstr(screens_hints(a, hints, sizeof hints), "I image full size"));
                /* Full size: fitted to the window, the key bar below it. */
                a->image_view = 2;
                draw(&cv, a);
                const ui_target *big = target(c, CMD_ESCAPE, 0, false);
                assert_non_null(big);
                assert_true(big->region == REGION_MODAL);
                assert_true(big->r.x >= 0 && big->r.x + big->r.w <= c->w);
                assert_true(big->r.y >= 0 && big->r.y + big->r.h <= c->view.y + c->view.h);
                assert_true(big->r.w > result->r.w);
                expect_picture(&cv, big->r, 0, what);
                assert_non_null(
                    strstr(screens_hints(a, hints, sizeof hints), "Esc close the image"));
                canvas_close(&cv);
                drawn++;
            }
    a->image_view = 0;
    assert_int_equal(drawn, 8);
    assert_true(pixels_seen >= 16); /* every full view, and most pictures in place */
}

static void test_a_missing_image_shows_its_alt_text_and_why(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    assert_string_equal(app_view(a).node->id, "gone");
    cmd(f, CMD_RESULTS, 0);
    for (size_t t = 0; t < 2; t++) {
        canvas cv;
        canvas_open(&cv, 1366, 768, 100, THEMES[t]);
        draw(&cv, a);
        const ui_ctx *c = &cv.ctx;
        assert_non_null(text_rec(c, "\xe2\x9a\xa0 Image not shown:"));
        assert_non_null(text_rec(c, "image \"images/missing.png\": no such file"));
        assert_null(target(c, CMD_IMAGE, 1, true)); /* nothing to click */
        /* Opened full size anyway: the same words, no picture. */
        assert_true(cmd(f, CMD_IMAGE, 1));
        draw(&cv, a);
        assert_non_null(text_rec(c, "\xe2\x9a\xa0 Image not shown:"));
        cmd(f, CMD_ESCAPE, 0);
        canvas_close(&cv);
    }
}

#define APP_TEST(t) cmocka_unit_test_setup_teardown(t, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_good_png_and_jpeg_decode),
        cmocka_unit_test(test_pixels_that_do_not_decode_fail_the_check),
        cmocka_unit_test(test_fit_keeps_the_aspect_and_never_grows_past_most),
        APP_TEST(test_i_opens_the_images_and_esc_or_enter_closes_them),
        APP_TEST(test_images_are_drawn_scaled_within_their_panels),
        APP_TEST(test_a_missing_image_shows_its_alt_text_and_why),
    };
    return cmocka_run_group_tests(tests, ui_sdl_setup, ui_sdl_teardown);
}
