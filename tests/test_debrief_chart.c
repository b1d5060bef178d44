/* debrief_chart: the report's charts carry their meaning without colour
 * (WCAG 1.4.1): every series or cell is told apart by a shape, hatching,
 * dashes and words as well; each chart has its title and its text
 * alternative with every number drawn; each chart's table scrolls in a
 * named region of its own. (tests/cli/debrief_axe.sh checks the whole page
 * in a browser.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "debrief_chart.h"

typedef enum { RELIANCE, RELIANCE_SMALL, TRUST, ACCURACY, TIMES } chart_kind;

static void set_prop(metric_value *v, long num, long den)
{
    v->has = den > 0;
    v->num = num;
    v->den = den;
    v->value = den > 0 ? (double)num / (double)den : 0.0;
}

/* A cohort with a figure in every cell: 7 followed right advice, 2
 * overrode it, 3 followed wrong advice, 5 overrode it. */
static metrics sample(void)
{
    metrics m;
    memset(&m, 0, sizeof m);
    m.reliance[1][1] = 7;
    m.reliance[1][0] = 2;
    m.reliance[0][1] = 3;
    m.reliance[0][0] = 5;
    m.trust_hist[1][6] = 4;
    m.trust_hist[1][5] = 5;
    m.trust_hist[0][2] = 6;
    m.trust_hist[0][6] = 2;
    set_prop(&m.unaided_ai_right, 3, 4);
    set_prop(&m.unaided_ai_wrong, 2, 5);
    set_prop(&m.m[METRIC_ACCURACY_AI_RIGHT], 7, 9);
    set_prop(&m.m[METRIC_ACCURACY_AI_WRONG], 5, 8);
    return m;
}

/* open_memstream's buffer: at file scope, so that GCC at -O3 does not take
 * a pointer into it for one into draw's stack frame (-Wdangling-pointer). */
static char *drawn;
static size_t drawn_len;

/* The chart's markup, as a malloc'd string. */
static char *draw(chart_kind kind, const metrics *m)
{
    static const int64_t right[] = {1000, 2000, 4000}, wrong[] = {500, 9000};
    const int64_t *ms[3] = {right, wrong, NULL};
    const size_t n[3] = {3, 2, 0};
    debrief_chart c = {open_memstream(&drawn, &drawn_len), 0};
    assert_non_null(c.f);
    switch (kind) {
    case RELIANCE:
    case RELIANCE_SMALL:
        debrief_chart_reliance(&c, "O'Brien", m, kind == RELIANCE_SMALL);
        break;
    case TRUST:
        debrief_chart_trust(&c, m);
        break;
    case ACCURACY:
        debrief_chart_accuracy(&c, m);
        break;
    case TIMES:
        debrief_chart_times(&c, ms, n);
        break;
    }
    assert_int_equal(fclose(c.f), 0);
    return drawn;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_accuracy_names_each_bar_in_words(void **state)
{
    (void)state;
    metrics m = sample();
    char *svg = draw(ACCURACY, &m);
    /* Hatched and solid bars are also named below: twice each. */
    assert_int_equal(count(svg, ">unaided</text>"), 2);
    assert_int_equal(count(svg, ">final</text>"), 2);
    assert_int_equal(count(svg, "fill=\"url(#ch1-h)\""), 3); /* 2 bars and the legend */
    assert_non_null(strstr(svg, ">75% (3/4)</text>"));
    assert_non_null(strstr(svg, ">62% (5/8)</text>"));
    free(svg);
}

static void test_accuracy_names_a_bar_with_no_decisions_too(void **state)
{
    (void)state;
    metrics m = sample();
    set_prop(&m.unaided_ai_right, 0, 0);
    char *svg = draw(ACCURACY, &m);
    assert_int_equal(count(svg, ">unaided</text>"), 2);
    assert_non_null(strstr(svg, ">n/a</text>"));
    free(svg);
}

/* The errors of reliance are hatched, edged with dashes and named in bold;
 * appropriate cells are plain and named too. */
static void check_reliance_cells(const char *svg, const char *over, const char *under,
                                 const char *ok1, const char *ok2)
{
    assert_int_equal(count(svg, "fill=\"url(#ch1-h)\""), 2);
    assert_int_equal(count(svg, "stroke-dasharray=\"8 4\""), 2);
    assert_non_null(strstr(svg, over));
    assert_non_null(strstr(svg, under));
    assert_non_null(strstr(svg, ok1));
    assert_non_null(strstr(svg, ok2));
}

static void test_reliance_errors_are_hatched_dashed_and_named(void **state)
{
    (void)state;
    metrics m = sample();
    char *svg = draw(RELIANCE, &m);
    check_reliance_cells(svg, "font-weight=\"bold\">over-reliance</text>",
                         "font-weight=\"bold\">under-reliance</text>",
                         ">appropriate reliance</text>", ">appropriate override</text>");
    free(svg);
    svg = draw(RELIANCE_SMALL, &m);
    check_reliance_cells(svg, "font-weight=\"bold\">over-reliance</text>",
                         "font-weight=\"bold\">under-reliance</text>", ">appropriate</text>",
                         ">appropriate</text>");
    free(svg);
}

static void test_trust_markers_differ_in_shape(void **state)
{
    (void)state;
    metrics m = sample();
    char *svg = draw(TRUST, &m);
    /* AI right: a circle per level used (2); AI wrong: a square (2). */
    assert_int_equal(count(svg, "<circle "), 2);
    assert_int_equal(count(svg, "<rect "), 2);
    assert_non_null(strstr(svg, "Circles: AI right; squares: AI wrong"));
    assert_non_null(strstr(svg, ">AI right (n = 9)</text>"));
    assert_non_null(strstr(svg, ">AI wrong (n = 8)</text>"));
    free(svg);
}

static void test_times_rows_are_named_and_wrong_advice_hatched(void **state)
{
    (void)state;
    metrics m = sample();
    char *svg = draw(TIMES, &m);
    assert_non_null(strstr(svg, ">AI right (n = 3)</text>"));
    assert_non_null(strstr(svg, ">AI wrong (n = 2)</text>"));
    assert_non_null(strstr(svg, ">No advice (n = 0)</text>"));
    assert_int_equal(count(svg, "fill=\"url(#ch1-h)\""), 1);
    free(svg);
}

/* Each chart: role img, named by its title and its description, and the
 * description holds every figure drawn. */
static void test_every_chart_has_its_title_and_description(void **state)
{
    (void)state;
    metrics m = sample();
    for (chart_kind k = RELIANCE; k <= TIMES; k++) {
        char *svg = draw(k, &m);
        assert_non_null(strstr(svg, "role=\"img\" aria-labelledby=\"ch1-t ch1-d\""));
        assert_non_null(strstr(svg, "<title id=\"ch1-t\">"));
        assert_non_null(strstr(svg, "<desc id=\"ch1-d\">"));
        assert_null(strstr(svg, "<desc id=\"ch1-d\"></desc>"));
        free(svg);
    }
    char *svg = draw(RELIANCE, &m);
    assert_non_null(strstr(svg, "<title id=\"ch1-t\">Reliance matrix: O&#39;Brien</title>"));
    assert_non_null(strstr(svg, "AI right and followed 7; AI right and overrode 2 "
                                "(under-reliance); AI wrong and followed 3 (over-reliance); "
                                "AI wrong and overrode 5."));
    free(svg);
    svg = draw(ACCURACY, &m);
    assert_non_null(strstr(svg, "When the AI was right: unaided 75% (3 of 4), final 78% (7 of 9)"));
    free(svg);
}

/* A chart's table scrolls sideways in a focusable region named for it. */
static void test_chart_tables_scroll_in_named_regions(void **state)
{
    (void)state;
    metrics m = sample();
    static const struct {
        chart_kind kind;
        const char *label;
    } tables[] = {{TRUST, "Trust ratings"},
                  {ACCURACY, "Unaided and final accuracy"},
                  {TIMES, "Times to the final choice"}};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char want[160];
        char *html = draw(tables[i].kind, &m);
        snprintf(want, sizeof want,
                 "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"%s\">\n<table>",
                 tables[i].label);
        assert_non_null(strstr(html, want));
        assert_non_null(strstr(strstr(html, want), "</table>\n</div>\n</figure>"));
        free(html);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accuracy_names_each_bar_in_words),
        cmocka_unit_test(test_accuracy_names_a_bar_with_no_decisions_too),
        cmocka_unit_test(test_reliance_errors_are_hatched_dashed_and_named),
        cmocka_unit_test(test_trust_markers_differ_in_shape),
        cmocka_unit_test(test_times_rows_are_named_and_wrong_advice_hatched),
        cmocka_unit_test(test_every_chart_has_its_title_and_description),
        cmocka_unit_test(test_chart_tables_scroll_in_named_regions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
