/* The window's modules when memory runs out: wrapping, the trainee's recap,
 * the case library and the render cache fail the n-th allocation in turn,
 * for every n up to the one that succeeds. Each call must then fail as it
 * says (or succeed with the same result as with all the memory it wants),
 * and leave nothing behind. The failing allocator goes through the core's
 * allocation hook (tests/failing_alloc.h), so this runs under
 * AddressSanitizer too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "app.h"
#include "case_load.h"
#include "failing_alloc.h"
#include "layout.h"
#include "library.h"
#include "recap.h"
#include "rencache.h"
#include "support.h"

/* Calls that succeed within this many allocations; a loop that reaches it
 * means the call never succeeds. */
#define MAX_ALLOCS 100000

static bool hooked; /* the failing allocator is installed */

static void hook(bool on)
{
    if (on)
        failing_alloc_install();
    else
        failing_alloc_remove();
    hooked = on;
}

static int setup(void **state)
{
    (void)state;
    hook(true);
    alloc_live = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    hook(false);
    return 0;
}

/* Arms the allocator to fail the n-th allocation from now (0: the next). */
static void fail_at(long n)
{
    alloc_fail_in = n;
}

/* Disarms it; whether an allocation was made to fail since fail_at. */
static bool failed(void)
{
    bool hit = alloc_fail_in < 0;
    alloc_fail_in = -1;
    return hit;
}

/* ---- wrapping ------------------------------------------------------------------ */

/* A fake font: 10 px a character, 12 in bold. */
static int fake_measure(void *ctx, const char *s, size_t len, bool bold)
{
    (void)ctx;
    int chars = 0;
    for (size_t i = 0; i < len; i += ui_utf8_len(s + i))
        chars++;
    return chars * (bold ? 12 : 10);
}

static const ui_text_metrics FAKE = {fake_measure, NULL, 20, 8};

static void assert_same_wrap(const ui_wrapped *x, const ui_wrapped *y)
{
    assert_int_equal(x->n_segs, y->n_segs);
    assert_int_equal(x->n_lines, y->n_lines);
    assert_int_equal(x->w, y->w);
    assert_int_equal(x->h, y->h);
    for (size_t i = 0; i < x->n_segs; i++) {
        const ui_seg *a = &x->segs[i], *b = &y->segs[i];
        assert_string_equal(x->buf + a->off, y->buf + b->off);
        assert_int_equal(a->bold, b->bold);
        assert_int_equal(a->x, b->x);
        assert_int_equal(a->y, b->y);
        assert_int_equal(a->w, b->w);
    }
}

/* Every allocation of a wrap: runs past their first slots (many bold
 * runs on a line), segments past theirs, a word broken between characters,
 * paragraphs. */
static void test_wrap_out_of_memory_fails_whole_and_leaks_nothing(void **state)
{
    (void)state;
    const char *text = "a **b** c **d** e **f** g **h** i **j** k **l** m **n** o **p** q **r**\n\n"
                       "Supercalifragilisticexpialidocious **and bold** then plain words that "
                       "wrap onto several lines of segments, °°°°°°°°°°°°°°°°.";
    ui_wrapped want;
    assert_int_equal(ui_wrap(&want, text, 130, &FAKE), 0);
    assert_true(want.n_segs > 16);
    long before = alloc_live, n = 0;
    for (;; n++) {
        assert_true(n < MAX_ALLOCS);
        ui_wrapped w;
        fail_at(n);
        int rc = ui_wrap(&w, text, 130, &FAKE);
        if (!failed()) {
            assert_int_equal(rc, 0);
            assert_same_wrap(&w, &want);
            ui_wrapped_free(&w);
            break;
        }
        assert_int_equal(rc, -1);
        assert_null(w.buf); /* out is left empty */
        assert_null(w.segs);
        assert_int_equal(w.n_segs, 0);
        assert_int_equal(alloc_live, before);
    }
    assert_true(n > 10);
    ui_wrapped_free(&want);
    assert_int_equal(alloc_live, 0);
}

/* ---- the trainee's recap --------------------------------------------------------- */

/* Plays the window's test case to its ending: two decisions, advice shown
 * at both, teaching points. The log is at a->log_path. */
static void play_window_case(app *a, const char *dir)
{
    hook(false); /* the case and the session are not under test */
    app_opts o = {.c = load_test_case("window_case.lua"),
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = dir,
                  .host_os = "test"};
    apperr e;
    assert_int_equal(app_init(a, &o, &e), 0);
    static const int steps[][2] = {{CMD_COMMIT, 0}, {CMD_COMMIT, 0}, {CMD_PICK, 1},
                                   {CMD_COMMIT, 0}, {CMD_PICK, 3},   {CMD_COMMIT, 0},
                                   {CMD_PICK, 0},   {CMD_COMMIT, 0}, {CMD_PICK, 6},
                                   {CMD_COMMIT, 0}, {CMD_PICK, 2},   {CMD_COMMIT, 0}};
    int64_t now = 100000;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        app_command(a, (ui_cmd){(ui_cmd_kind)steps[i][0], steps[i][1]}, now += 1000);
    size_t cap;
    char *field = app_text_field(a, &cap);
    assert_non_null(field);
    snprintf(field, cap, "Post-op");
    static const int rest[][2] = {{CMD_COMMIT, 0}, {CMD_COMMIT, 0}, {CMD_ASK, 0},
                                  {CMD_PICK, 0},   {CMD_COMMIT, 0}, {CMD_PICK, 6},
                                  {CMD_COMMIT, 0}, {CMD_COMMIT, 0}}; /* the last: the feedback */
    for (size_t i = 0; i < sizeof rest / sizeof rest[0]; i++)
        app_command(a, (ui_cmd){(ui_cmd_kind)rest[i][0], rest[i][1]}, now += 1000);
    assert_int_equal(a->screen, SCR_ENDING);
    hook(true);
    alloc_live = 0;
}

static void assert_same_text(const char *x, const char *y)
{
    if (!x || !y)
        assert_ptr_equal(x, y);
    else
        assert_string_equal(x, y);
}

static void assert_same_recap(const recap *x, const recap *y)
{
    assert_int_equal(x->n, y->n);
    for (size_t i = 0; i < x->n; i++) {
        const recap_item *a = &x->items[i], *b = &y->items[i];
        assert_same_text(a->node, b->node);
        assert_same_text(a->prompt, b->prompt);
        assert_same_text(a->initial, b->initial);
        assert_same_text(a->advice, b->advice);
        assert_same_text(a->final, b->final);
        assert_same_text(a->best, b->best);
        assert_same_text(a->debrief, b->debrief);
        assert_same_text(a->rationale, b->rationale);
        assert_int_equal(a->advice_mark, b->advice_mark);
        assert_int_equal(a->trust, b->trust);
        assert_int_equal(a->final_confidence, b->final_confidence);
    }
    assert_int_equal(x->n_points, y->n_points);
    for (size_t i = 0; i < x->n_points; i++)
        assert_string_equal(x->points[i], y->points[i]);
    assert_int_equal(x->has_ending, y->has_ending);
    assert_same_text(x->ending_text, y->ending_text);
    assert_same_text(x->ending_summary, y->ending_summary);
    assert_same_text(x->ai_note, y->ai_note);
    assert_int_equal(x->has_metrics, y->has_metrics);
    assert_int_equal(x->followed, y->followed);
}

static void test_recap_out_of_memory_is_an_error_and_leaks_nothing(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    app a;
    play_window_case(&a, dir);
    recap want;
    apperr e;
    assert_int_equal(recap_read(&want, a.c, a.log_path, &e), 0);
    assert_int_equal(want.n, 2);
    assert_non_null(want.items[1].advice);
    long before = alloc_live, n = 0;
    for (;; n++) {
        assert_true(n < MAX_ALLOCS);
        recap r;
        fail_at(n);
        int rc = recap_read(&r, a.c, a.log_path, &e);
        if (!failed()) {
            assert_int_equal(rc, 0);
            assert_same_recap(&r, &want);
            recap_free(&r);
            break;
        }
        if (rc == 0) {
            /* Only the metrics may be missing: the recap stands without them. */
            assert_false(r.has_metrics);
            r.has_metrics = want.has_metrics;
            r.followed = want.followed;
            assert_same_recap(&r, &want);
        } else {
            assert_int_equal(rc, -1);
            assert_int_equal(e.kind, APPERR_ENV);
            assert_int_equal(r.n, 0); /* r is left empty */
        }
        recap_free(&r);
        assert_int_equal(alloc_live, before);
    }
    assert_true(n > 10);
    recap_free(&want);
    assert_int_equal(alloc_live, 0);
    hook(false);
    app_free(&a);
    test_rmtree(dir);
    free(dir);
}

/* ---- the case library ------------------------------------------------------------ */

/* The library is under test here, not the case loader: the test binary is
 * linked with --wrap=case_load,--wrap=case_free (tests/CMakeLists.txt), and
 * these run the loader with the C library's allocator, out of the count and
 * never made to fail. */
int __real_case_load(case_def **out, const char *path, const case_load_opts *opts, apperr *e);
void __real_case_free(case_def *c);
int __wrap_case_load(case_def **out, const char *path, const case_load_opts *opts, apperr *e);
void __wrap_case_free(case_def *c);

static long loader_held_fail_in = -1;

static void loader_begin(void)
{
    loader_held_fail_in = alloc_fail_in;
    if (hooked)
        failing_alloc_remove();
}

static void loader_end(void)
{
    if (hooked)
        failing_alloc_install();
    alloc_fail_in = loader_held_fail_in;
}

int __wrap_case_load(case_def **out, const char *path, const case_load_opts *opts, apperr *e)
{
    loader_begin();
    int rc = __real_case_load(out, path, opts, e);
    loader_end();
    return rc;
}

void __wrap_case_free(case_def *c)
{
    loader_begin();
    __real_case_free(c);
    loader_end();
}

static void write_case(const char *dir, const char *id, const char *title)
{
    char path[1024], text[600];
    snprintf(path, sizeof path, "%s/%s.lua", dir, id);
    snprintf(text, sizeof text,
             "return case { id = \"%s\", version = \"1\", title = \"%s\", start = \"a\", "
             "tags = { \"one\", \"two\", \"three\" }, minutes = 5, "
             "nodes = { a = { text = \"\", ending = { outcome = \"good\" } } } }\n",
             id, title);
    assert_int_equal(test_write_file(path, text), 0);
}

static void test_library_out_of_memory_is_an_error_and_leaks_nothing(void **state)
{
    (void)state;
    hook(false);
    char *dir = test_tmpdir();
    write_case(dir, "b", "Beta");
    write_case(dir, "a", "Alpha");
    char path[1024];
    snprintf(path, sizeof path, "%s/broken.lua", dir);
    assert_int_equal(test_write_file(path, "return case { id = 'x' "), 0);
    hook(true);
    alloc_live = 0;
    library want;
    apperr e;
    assert_int_equal(library_scan(&want, dir, &e), 0);
    assert_int_equal(want.n, 3);
    long before = alloc_live, n = 0;
    for (;; n++) {
        assert_true(n < MAX_ALLOCS);
        library lib;
        fail_at(n);
        int rc = library_scan(&lib, dir, &e);
        if (!failed()) {
            assert_int_equal(rc, 0);
            assert_int_equal(lib.n, want.n);
            for (size_t i = 0; i < lib.n; i++) {
                assert_string_equal(lib.items[i].path, want.items[i].path);
                assert_string_equal(lib.items[i].title, want.items[i].title);
                assert_string_equal(lib.items[i].tags, want.items[i].tags);
            }
            library_free(&lib);
            break;
        }
        /* Out of memory is said as such, not as a folder it cannot read. */
        assert_int_equal(rc, -1);
        assert_int_equal(e.kind, APPERR_ENV);
        assert_non_null(strstr(e.msg, "out of memory"));
        assert_int_equal(lib.n, 0); /* lib is left empty */
        library_free(&lib);
        assert_int_equal(alloc_live, before);
    }
    assert_true(n > 10);
    library_free(&want);
    assert_int_equal(alloc_live, 0);
    test_rmtree(dir);
    free(dir);
}

/* ---- the render cache ------------------------------------------------------------ */

static void test_rencache_out_of_memory_loses_the_frame_and_leaks_nothing(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 400, 300, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    ui_rgba bg = {255, 255, 255, 255}, red = {255, 0, 0, 255};
    long n = 0;
    for (;; n++) {
        assert_true(n < MAX_ALLOCS);
        fail_at(n);
        rencache *rc = rencache_new(r);
        int calls = -1;
        if (rc) {
            rencache_begin(rc, 400, 300, bg);
            for (int i = 0; i < 40; i++) /* past the command array's first slots */
                rencache_fill(rc, &(SDL_Rect){i * 10, i * 7, 8, 6}, 1, red);
            calls = rencache_end(rc);
        }
        if (!failed()) {
            assert_true(calls > 0);
            rencache_free(rc);
            break;
        }
        assert_true(!rc || calls < 0);
        if (rc) {
            /* The next frame, with memory, draws everything again. */
            rencache_begin(rc, 400, 300, bg);
            SDL_Rect all = {0, 0, 400, 300};
            rencache_fill(rc, &all, 1, red);
            assert_true(rencache_end(rc) > 0);
            SDL_RenderFlush(r);
            const uint32_t *px = s->pixels;
            assert_int_equal(px[150 * 400 + 200] & 0xFFFFFFu, 0xFF0000u);
        }
        rencache_free(rc);
        assert_int_equal(alloc_live, 0);
    }
    assert_true(n > 3);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_wrap_out_of_memory_fails_whole_and_leaks_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_recap_out_of_memory_is_an_error_and_leaks_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_library_out_of_memory_is_an_error_and_leaks_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_rencache_out_of_memory_loses_the_frame_and_leaks_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
