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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_wrap_out_of_memory_fails_whole_and_leaks_nothing,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
