/* test_ui_contrast: the window's colours meet WCAG 2.2's contrast minimums
 * in both themes. From the theme table: every pair of a text colour and
 * the background the screens draw it on, 4.5:1 (1.4.3; 7:1 in high
 * contrast), and the focus ring and the borders of controls against what
 * they sit on, 3:1 (1.4.11). On the screens themselves: every text drawn
 * on every screen, against the background actually under it (4.5:1, 3:1
 * for large text), and the focus ring of every control against the
 * pixels beside it. */
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
#include "support.h"
#include "theme.h"
#include "ui_app.h"
#include "ui_canvas.h"
#include "ui_screens.h"
#include "ui_sdl.h"

/* ---- the theme table ---------------------------------------------------------- */

typedef enum need { TEXT, LARGE, NON_TEXT } need;

typedef struct pair {
    const char *fg_name, *bg_name;
    size_t fg, bg; /* offsets in ui_theme */
    need need;
} pair;

#define P(f, b, n)                                                                                 \
    {                                                                                              \
#f, #b, offsetof(ui_theme, f), offsetof(ui_theme, b), n                                    \
    }

/* What the screens draw on what (draw.c, screens.c, screen_*.c). */
static const pair PAIRS[] = {
    /* body text, on the page, in panels, picked options, the advice card */
    P(text, bg, TEXT),
    P(text, panel, TEXT),
    P(text, picked_bg, TEXT),
    P(text, advice_bg, TEXT),
    P(muted, bg, TEXT),
    P(muted, panel, TEXT),
    P(muted, picked_bg, TEXT),
    P(muted, advice_bg, TEXT),
    /* out-of-range values, the countdown's warning, notices, errors */
    P(warn, bg, TEXT),
    P(warn, panel, TEXT),
    P(warn, advice_bg, TEXT),
    /* outcomes and the feedback's verdicts */
    P(good, bg, TEXT),
    P(good, panel, TEXT),
    P(harm, bg, TEXT),
    P(harm, panel, TEXT),
    /* "AI recommends" on an option, and in the advice card */
    P(accent, panel, TEXT),
    P(accent, picked_bg, TEXT),
    P(accent, advice_bg, TEXT),
    P(header_text, header_bg, TEXT),
    P(accent_text, accent, TEXT),
    P(button_text, button, TEXT),
    /* play --watch: the preview's bar */
    P(preview_text, preview_bg, TEXT),
    /* the focus ring, outside the control, on what is around it */
    P(focus, bg, NON_TEXT),

    P(focus, panel, NON_TEXT),
    P(focus, advice_bg, NON_TEXT),
    /* the edges of buttons, fields and rating boxes */
    P(button_border, bg, NON_TEXT),
    P(button_border, panel, NON_TEXT),
    P(button_border, advice_bg, NON_TEXT),
    /* a picked option or rating: its edge */
    P(accent, bg, NON_TEXT),
    /* graphics: the bars of the tool's reasons and of the countdown */
    P(bar_pos, bar_track, NON_TEXT),
    P(bar_neg, bar_track, NON_TEXT),
    P(accent, bar_track, NON_TEXT),
    P(warn, bar_track, NON_TEXT),
};
#define N_PAIRS (sizeof PAIRS / sizeof PAIRS[0])

static ui_rgba colour(const ui_theme *th, size_t off)
{
    ui_rgba c;
    memcpy(&c, (const char *)th + off, sizeof c);
    return c;
}

/* WCAG AA; high contrast keeps AAA's 7:1 for text. */
static double needed(const ui_theme *th, need n)
{
    bool high = strcmp(th->name, "high-contrast") == 0;
    return n == NON_TEXT ? 3.0 : n == LARGE ? (high ? 4.5 : 3.0) : (high ? 7.0 : 4.5);
}

/* The first pair of th under its minimum into why; their number. */
static int failing_pairs(const ui_theme *th, const pair *pairs, size_t n, char *why, size_t size)
{
    int bad = 0;
    why[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        double r = ui_contrast_ratio(colour(th, pairs[i].fg), colour(th, pairs[i].bg));
        if (r >= needed(th, pairs[i].need))
            continue;
        if (!bad++)
            snprintf(why, size, "%s: %s on %s is %.2f:1, under %.1f:1", th->name, pairs[i].fg_name,
                     pairs[i].bg_name, r, needed(th, pairs[i].need));
    }
    return bad;
}

static void test_theme_pairs_meet_their_contrast(void **state)
{
    (void)state;
    static const char *const themes[] = {"default", "high-contrast"};
    for (size_t t = 0; t < 2; t++) {
        const ui_theme *th = ui_theme_find(themes[t]);
        assert_non_null(th);
        char why[256];
        if (failing_pairs(th, PAIRS, N_PAIRS, why, sizeof why))
            fail_msg("%s", why);
    }
    assert_null(ui_theme_find("neon"));
}

/* The check finds a pair under its minimum: the page's background as text. */
static void test_contrast_check_finds_a_faint_pair(void **state)
{
    (void)state;
    const pair faint[] = {P(panel_border, bg, TEXT), P(text, bg, TEXT)};
    char why[256];
    assert_int_equal(failing_pairs(ui_theme_find("default"), faint, 2, why, sizeof why), 1);
    assert_non_null(strstr(why, "panel_border on bg"));
    assert_in_range(ui_contrast_ratio((ui_rgba){0, 0, 0, 255}, (ui_rgba){255, 255, 255, 255}) * 100,
                    2099, 2101);
    assert_in_range(
        ui_contrast_ratio((ui_rgba){0x77, 0x77, 0x77, 255}, (ui_rgba){255, 255, 255, 255}) * 100,
        447, 449); /* #777 on white: 4.48, the classic near miss */
}

/* ---- on the screens ------------------------------------------------------------ */

static ui_rgba rgba_of(uint32_t p)
{
    return (ui_rgba){(uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 255};
}

static int by_value(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The colour most of r is (the background under a line of text: its
 * glyphs cover the lesser part), leaving out the colour skip (the text's
 * own, in a glyph's solid middle). false when r has no pixel. */
static bool background_of(const canvas *cv, ui_rect r, uint32_t skip, uint32_t *out)
{
    if (r.x < 0)
        r.w += r.x, r.x = 0;
    if (r.y < 0)
        r.h += r.y, r.y = 0;
    if (r.x + r.w > cv->surf->w)
        r.w = cv->surf->w - r.x;
    if (r.y + r.h > cv->surf->h)
        r.h = cv->surf->h - r.y;
    if (r.w <= 0 || r.h <= 0)
        return false;
    uint32_t *px = malloc((size_t)r.w * (size_t)r.h * sizeof *px);
    assert_non_null(px);
    size_t n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            uint32_t p = canvas_pixel(cv, x, y);
            if (p != skip)
                px[n++] = p;
        }
    qsort(px, n, sizeof *px, by_value);
    size_t best = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = i && px[i] == px[i - 1] ? run + 1 : 1;
        if (run > best)
            best = run, *out = px[i];
    }
    free(px);
    return best > 0;
}

/* WCAG's large text: 18 pt (24 CSS px), or 14 pt (18.66 px) bold, at 100%. */
static bool large(const ui_ctx *c, const ui_text_rec *t)
{
    double css = t->px * 100.0 / (c->scale * c->density);
    return css >= 24 || (t->bold && css >= 18.66);
}

static bool modal_up(const ui_ctx *c)
{
    for (int i = 0; i < c->n_texts; i++)
        if (c->texts[i].region == REGION_MODAL)
            return true;
    return false;
}

static const char *const THEMES[] = {"default", "high-contrast"};
static int texts_checked, rings_checked;

/* Every text in view against the background under it. */
static void expect_texts_readable(const canvas *cv, const char *what, const char *theme)
{
    const ui_ctx *c = &cv->ctx;
    bool modal = modal_up(c);
    for (int i = 0; i < c->n_texts; i++) {
        const ui_text_rec *t = &c->texts[i];
        if (modal && t->region != REGION_MODAL)
            continue; /* under the dialog's shade */
        if (t->region == REGION_BODY && !ui_rect_contains(c->view, t->text))
            continue; /* scrolled away (or cut at the edge of the body) */
        uint32_t bg;
        if (!background_of(cv, t->text, rgb(t->col), &bg))
            continue;
        double r = ui_contrast_ratio(t->col, rgba_of(bg));
        double min = large(c, t) ? 3.0 : 4.5;
        if (r < min)
            fail_msg("%s (%s, %d%%): '%s' is #%06X on #%06X, %.2f:1, under %.1f:1", what, theme,
                     c->scale, t->what, rgb(t->col), bg, r, min);
        texts_checked++;
    }
}

/* The focus ring of every control, drawn in turn, against the pixels just
 * outside it and in the gap between it and the control. */
static void expect_rings_seen(canvas *cv, app *a, const char *what, const char *theme)
{
    ui_ctx *c = &cv->ctx;
    int n = 0;
    ui_focus_index(c, (ui_cmd){CMD_NONE, 0}, &n);
    for (int k = 0; k < n; k++) {
        a->focus = ui_focus_at(c, k);
        canvas_frame(cv, a, 0);
        const ui_target *t = NULL;
        for (int i = 0; i < c->n_targets; i++)
            if (c->targets[i].focusable && ui_cmd_eq(c->targets[i].cmd, a->focus))
                t = &c->targets[i];
        assert_non_null(t);
        ui_rect ring = ui_focus_ring_rect(c, t->r);
        int th = ui_focus_ring_thickness(c), y = ring.y + ring.h / 2;
        if (y < 0 || y >= c->h || ring.x < 1 || ring.x + ring.w >= c->w)
            continue; /* test_ui_targets sees that it is on screen */
        assert_int_equal(canvas_pixel(cv, ring.x, y), rgb(c->th->focus)); /* drawn */
        uint32_t beside[] = {canvas_pixel(cv, ring.x - 1, y), canvas_pixel(cv, ring.x + th, y),
                             canvas_pixel(cv, ring.x + ring.w, y),
                             canvas_pixel(cv, ring.x + ring.w - th - 1, y)};
        for (size_t i = 0; i < 4; i++) {
            double r = ui_contrast_ratio(c->th->focus, rgba_of(beside[i]));
            if (r < 3.0)
                fail_msg("%s (%s, %d%%): the focus ring of control %d (command %d) is #%06X "
                         "beside #%06X, %.2f:1, under 3:1",
                         what, theme, c->scale, k + 1, t->cmd.kind, rgb(c->th->focus), beside[i],
                         r);
        }
        rings_checked++;
    }
}

/* The edge of every control in view against what is just outside it
 * (1.4.11: what shows where a control is). A picture is its own edge. */
static void expect_edges_seen(canvas *cv, app *a, const char *what, const char *theme)
{
    ui_ctx *c = &cv->ctx;
    ui_cmd focus = a->focus;
    a->focus = (ui_cmd){CMD_NONE, 0}; /* no ring beside the edge */
    canvas_frame(cv, a, 0);
    a->focus = focus;
    bool modal = false;
    for (int i = 0; i < c->n_targets; i++)
        modal = modal || c->targets[i].region == REGION_MODAL;
    for (int i = 0; i < c->n_targets; i++) {
        const ui_target *t = &c->targets[i];
        if (!t->focusable || t->cmd.kind == CMD_IMAGE || (modal && t->region != REGION_MODAL))
            continue;
        if (t->region == REGION_BODY && !ui_rect_contains(c->view, t->r))
            continue;
        int y = t->r.y + t->r.h / 2;
        if (t->r.x < 1 || y < 0 || y >= c->h)
            continue;
        uint32_t edge = canvas_pixel(cv, t->r.x, y), out = canvas_pixel(cv, t->r.x - 1, y);
        double r = ui_contrast_ratio(rgba_of(edge), rgba_of(out));
        if (r < 3.0)
            fail_msg("%s (%s, %d%%): the edge of control %d (command %d) is #%06X on #%06X, "
                     "%.2f:1, under 3:1",
                     what, theme, c->scale, i, t->cmd.kind, edge, out, r);
        rings_checked++;
    }
}

static void expect_contrast(app *a, const char *what, void *ud)
{
    (void)ud;
    for (size_t th = 0; th < 2; th++)
        for (int scale = 100; scale <= 200; scale += 100) {
            canvas *cv = calloc(1, sizeof *cv);
            assert_non_null(cv);
            canvas_open(cv, 1366, 768, scale, THEMES[th]);
            canvas_frame(cv, a, 0);
            expect_texts_readable(cv, what, THEMES[th]);
            if (scale == 100) {
                expect_rings_seen(cv, a, what, THEMES[th]);
                expect_edges_seen(cv, a, what, THEMES[th]);
            }
            canvas_close(cv);
            free(cv);
        }
}

static void test_every_screen_text_and_focus_ring_meet_their_contrast(void **state)
{
    (void)state;
    texts_checked = rings_checked = 0;
    ui_screens_walk(expect_contrast, NULL);
    assert_true(texts_checked > 1000);
    assert_true(rings_checked > 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_check_finds_a_faint_pair),
        cmocka_unit_test(test_theme_pairs_meet_their_contrast),
        cmocka_unit_test(test_every_screen_text_and_focus_ring_meet_their_contrast),
    };
    return cmocka_run_group_tests(tests, ui_sdl_setup, ui_sdl_teardown);
}
