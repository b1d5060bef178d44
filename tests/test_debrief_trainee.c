/* debrief_trainee and debrief_text: the spread of a figure over the
 * trainees of a group (lowest, median, highest), and the terminal table of
 * the main figures, one row per group, each rate with its count. (The
 * trainee report itself: tests/cli/debrief_trainee.sh.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "debrief_chart_curve.h"
#include "debrief_text.h"
#include "debrief_trainee_page.h"
#include "failing_alloc.h"
#include "metrics.h"

static const char *const options[] = {"a", "b"};
static const char *const best[] = {"a"};

/* A session of trainee with n decisions at which the AI advised b (wrong)
 * and the trainee followed it in the first `followed` of them. */
static int add_session(metrics_set *set, const char *trainee, const char *id, int n, int followed)
{
    log_decision d[8];
    memset(d, 0, sizeof d);
    for (int i = 0; i < n; i++) {
        d[i].node = "d1";
        d[i].options = options;
        d[i].n_options = 2;
        d[i].best = best;
        d[i].n_best = 1;
        d[i].timing = "with_case";
        d[i].ai = "b";
        d[i].final = i < followed ? "b" : "a";
        metrics_derive(&d[i]);
    }
    log_session s;
    memset(&s, 0, sizeof s);
    s.id = id;
    s.has_start = true;
    s.trainee = trainee;
    s.decisions = d;
    s.n_decisions = (size_t)n;
    return metrics_set_add(set, &s);
}

static metrics_set *by_trainee(void)
{
    metrics_key k = METRICS_BY_TRAINEE;
    metrics_set *set = NULL;
    assert_int_equal(metrics_set_new(&set, &k, 1), 0);
    return set;
}

/* No trainee: nothing to spread (0). One: that trainee's figure is all
 * three. An odd number: the middle one; an even number: the mean of the
 * two in the middle. */
static void test_spread_of_a_rate_over_trainees(void **state)
{
    (void)state;
    double lo = -1, mid = -1, hi = -1;
    long n = -1;
    metrics_set *set = by_trainee();
    metrics_set_finish(set);
    assert_int_equal(debrief_trainee_spread(set, METRIC_OVER_RELIANCE, &lo, &mid, &hi, &n), 0);
    assert_int_equal(n, 0);
    metrics_set_free(set);

    set = by_trainee();
    assert_int_equal(add_session(set, "t1", "s1", 4, 1), 0);
    metrics_set_finish(set);
    assert_int_equal(debrief_trainee_spread(set, METRIC_OVER_RELIANCE, &lo, &mid, &hi, &n), 1);
    assert_int_equal(n, 1);
    assert_true(lo == 0.25 && mid == 0.25 && hi == 0.25);
    metrics_set_free(set);

    set = by_trainee();
    assert_int_equal(add_session(set, "t1", "s1", 4, 1), 0); /* 0.25 */
    assert_int_equal(add_session(set, "t2", "s2", 4, 4), 0); /* 1.00 */
    assert_int_equal(add_session(set, "t3", "s3", 2, 1), 0); /* 0.50 */
    assert_int_equal(add_session(set, "t4", "s4", 0, 0), 0); /* no value: not counted */
    metrics_set_finish(set);
    assert_int_equal(debrief_trainee_spread(set, METRIC_OVER_RELIANCE, &lo, &mid, &hi, &n), 1);
    assert_int_equal(n, 3);
    assert_true(lo == 0.25 && mid == 0.5 && hi == 1.0);
    metrics_set_free(set);

    set = by_trainee();
    assert_int_equal(add_session(set, "t1", "s1", 4, 1), 0); /* 0.25 */
    assert_int_equal(add_session(set, "t2", "s2", 4, 4), 0); /* 1.00 */
    assert_int_equal(add_session(set, "t3", "s3", 2, 1), 0); /* 0.50 */
    assert_int_equal(add_session(set, "t5", "s5", 4, 0), 0); /* 0.00 */
    metrics_set_finish(set);
    assert_int_equal(debrief_trainee_spread(set, METRIC_OVER_RELIANCE, &lo, &mid, &hi, &n), 1);
    assert_int_equal(n, 4);
    assert_true(lo == 0.0 && mid == 0.375 && hi == 1.0);
    metrics_set_free(set);
}

/* Its one allocation can fail: -1, nothing kept. */
static void test_spread_out_of_memory(void **state)
{
    (void)state;
    double lo, mid, hi;
    long n;
    metrics_set *set = by_trainee();
    assert_int_equal(add_session(set, "t1", "s1", 4, 1), 0);
    metrics_set_finish(set);
    failing_alloc_install();
    alloc_live = 0;
    alloc_fail_in = 0;
    assert_int_equal(debrief_trainee_spread(set, METRIC_OVER_RELIANCE, &lo, &mid, &hi, &n), -1);
    alloc_fail_in = -1;
    assert_int_equal(alloc_live, 0);
    failing_alloc_remove();
    metrics_set_free(set);
}

static char *printed;
static size_t printed_len;

static void set_rows(void *ctx, size_t i, const char **keys, metrics *m)
{
    const metrics_set *set = ctx;
    keys[0] = metrics_set_value(set, i, 0);
    metrics_set_metrics(set, i, m);
}

/* One row per group: a rate on fewer than 5 decisions is its count,
 * marked, with the mark explained below; from 5 on, count and percentage;
 * nothing to count is n/a; a long id is printed whole. */
static void test_table_rows_with_counts(void **state)
{
    (void)state;
    static const char *const heads[] = {"trainee"};
    const char *long_id = "a-trainee-id-much-longer-than-any-column-of-the-table-is-wide";
    metrics_set *set = by_trainee();
    assert_int_equal(add_session(set, "t1", "s1", 3, 1), 0);
    assert_int_equal(add_session(set, long_id, "s2", 6, 3), 0);
    assert_int_equal(add_session(set, "t3", "s3", 0, 0), 0);
    metrics_set_finish(set);
    FILE *f = open_memstream(&printed, &printed_len);
    debrief_text_table(f, heads, 1, metrics_set_groups(set), set_rows, set);
    fclose(f);
    assert_non_null(strstr(printed, "trainee  "));
    assert_non_null(strstr(printed, "over-reliance"));
    assert_non_null(strstr(printed, "1/3*"));    /* t1: 1 of 3, marked */
    assert_non_null(strstr(printed, "3/6 50%")); /* the long id: 3 of 6 */
    assert_non_null(strstr(printed, long_id));   /* whole */
    assert_non_null(strstr(printed, "n/a"));     /* t3: no decision */
    assert_non_null(strstr(printed, "* fewer than 5 decisions"));
    /* every row as wide as the header: the columns line up */
    char *line = printed;
    size_t width = strcspn(line, "\n");
    for (int r = 0; r < 4; r++) {
        assert_int_equal(strcspn(line, "\n"), width);
        line += width + 1;
    }
    free(printed);
    metrics_set_free(set);
}

/* The mean trust rating over the decisions with advice and a rating. */
static void test_mean_trust(void **state)
{
    (void)state;
    metrics m;
    double mean;
    long n;
    memset(&m, 0, sizeof m);
    assert_false(debrief_text_mean_trust(&m, &mean, &n));
    assert_int_equal(n, 0);
    m.trust_hist[1][6] = 1;
    assert_true(debrief_text_mean_trust(&m, &mean, &n));
    assert_true(mean == 6.0 && n == 1);
    m.trust_hist[0][2] = 3;
    assert_true(debrief_text_mean_trust(&m, &mean, &n));
    assert_true(mean == 3.0 && n == 4);
}

static metric_value prop(long num, long den)
{
    metric_value v = {.has = den > 0, .num = num, .den = den};
    v.value = den > 0 ? (double)num / (double)den : 0.0;
    return v;
}

static size_t count_of(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p++)
        n++;
    return n;
}

/* The curve chart says every number drawn in its text alternative, tells
 * the two series apart by line, marker and words, and leaves a gap where
 * there is nothing to count: the line starts again (a second M). */
static void test_curve_chart_says_every_point(void **state)
{
    (void)state;
    metrics_curve_point mine[3] = {
        {.k = 1, .over = prop(1, 2)}, {.k = 2, .over = prop(0, 0)}, {.k = 3, .over = prop(0, 1)}};
    metrics_curve_point group[3] = {{.k = 1, .over = prop(3, 10), .trainees = 5},
                                    {.k = 2, .over = prop(2, 8), .trainees = 5},
                                    {.k = 3, .over = prop(1, 6), .trainees = 4}};
    FILE *f = open_memstream(&printed, &printed_len);
    debrief_chart ch = {.f = f};
    debrief_chart_curve(&ch, true, mine, 3, group, 3);
    fclose(f);
    assert_non_null(strstr(printed, "data-chart=\"curve\""));
    assert_non_null(strstr(printed, "role=\"img\" aria-labelledby=\"ch1-t ch1-d\""));
    assert_non_null(strstr(printed, ">Learning curve: Over-reliance by case number</title>"));
    assert_non_null(strstr(printed, "case 1: you 1 of 2 (50%), the group 3 of 10 (30%); case 2: "
                                    "you none to count, the group 2 of 8 (25%); case 3: you 0 of "
                                    "1 (0%), the group 1 of 6 (17%).</desc>"));
    assert_int_equal(count_of(printed, "<circle "), 1 + 2); /* the legend's, then yours */
    assert_int_equal(count_of(printed, "<rect "), 1 + 3);   /* the legend's, then the group's */
    assert_non_null(strstr(printed, "d=\"M64.0 129.0 M440.0 214.0 \"")); /* your gap */
    assert_non_null(strstr(printed, "stroke-dasharray")); /* the group's line is dashed */
    assert_non_null(strstr(printed, "Solid line and circles: you"));
    free(printed);

    /* No point at all (n = 0), and a single one (n = 1): centred. */
    f = open_memstream(&printed, &printed_len);
    ch = (debrief_chart){.f = f};
    debrief_chart_curve(&ch, false, NULL, 0, NULL, 0);
    fclose(f);
    assert_non_null(strstr(printed, "you and the group: no case to count.</desc>"));
    free(printed);
    metrics_curve_point one = {.k = 1, .under = prop(1, 1)};
    f = open_memstream(&printed, &printed_len);
    ch = (debrief_chart){.f = f};
    debrief_chart_curve(&ch, false, &one, 1, NULL, 0);
    fclose(f);
    assert_non_null(strstr(printed, "case 1: you 1 of 1 (100%), the group none to count."));
    assert_non_null(strstr(printed, "<circle cx=\"252.0\" cy=\"44.0\" r=\"5\""));
    free(printed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spread_of_a_rate_over_trainees),
        cmocka_unit_test(test_spread_out_of_memory),
        cmocka_unit_test(test_table_rows_with_counts),
        cmocka_unit_test(test_mean_trust),
        cmocka_unit_test(test_curve_chart_says_every_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
