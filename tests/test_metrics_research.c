/* metrics: the research measures of decision-log.md "Research measures" —
 * confidence_auroc, the 2x2x2 reliance table (with RAIR and RSR read from
 * it), the accuracy split and explanation_catch — on the hand-worked cohort
 * (tests/debrief/cohort; its decisions are listed in test_metrics.c) and on
 * decisions built here, each with n = 0 and n = 1. The learning curve is
 * in test_metrics_curve.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "log_reader.h"
#include "metrics.h"

#define COHORT TEST_DATA_DIR "/debrief/cohort"

/* ---- helpers ------------------------------------------------------------ */

static void value_is(const char *what, const metric_value *v, long num, long den)
{
    if (v->num != num || v->den != den || v->has != (den > 0))
        fail_msg("%s: %ld/%ld (has %d), expected %ld/%ld", what, v->num, v->den, v->has, num, den);
    if (den > 0)
        assert_true(v->value == (double)num / (double)den);
}

static void stat_is(const metric_value *v, bool has, double value, long n)
{
    if (v->has != has || (has && v->value != value) || v->n != n)
        fail_msg("has %d value %.17g n %ld, expected has %d %.17g n %ld", v->has, v->value, v->n,
                 has, value, n);
}

static int add_to_set(void *ctx, const log_session *s, apperr *e)
{
    (void)e;
    return metrics_set_add(ctx, s);
}

static metrics_set *read_cohort(const metrics_key *by, size_t n_by)
{
    metrics_set *set = NULL;
    assert_int_equal(metrics_set_new(&set, by, n_by), 0);
    log_read_opts o = {.on_session = add_to_set, .ctx = set};
    apperr e;
    const char *path = COHORT;
    assert_int_equal(log_read_paths(&path, 1, &o, NULL, &e), 0);
    metrics_set_finish(set);
    return set;
}

static void compute(const log_decision *ds, size_t n, metrics *m)
{
    metrics_acc *a = metrics_acc_new();
    assert_non_null(a);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(metrics_acc_add_decision(a, &ds[i]), 0);
    metrics_acc_compute(a, m);
    metrics_acc_free(a);
}

static const char *const best_a[] = {"a"};
static const char *const best_ac[] = {"a", "c"};

/* A decision of options a, b, c with "a" the best answer, its derived
 * fields filled by the rules (metrics_derive). NULL: not made. */
static log_decision decision(const char *timing, const char *ai, const char *initial,
                             const char *final)
{
    log_decision d = {.timing = timing,
                      .ai = ai,
                      .initial = initial,
                      .final = final,
                      .best = best_a,
                      .n_best = 1};
    metrics_derive(&d);
    return d;
}

static log_decision confident(bool right, int confidence)
{
    log_decision d = decision(NULL, NULL, NULL, right ? "a" : "b");
    d.has_final_confidence = true;
    d.final_confidence = confidence;
    return d;
}

static const char *const explanation[] = {"explanation"};
static const char *const model_card[] = {"model_card"};
static const char *const results[] = {"results"};

/* A with_case decision the AI got wrong ("b"), followed or not, with what
 * was opened (one of the lists above, or NULL). */
static log_decision wrong_advice(bool followed, const char *const *opened)
{
    log_decision d = decision("with_case", "b", NULL, followed ? "b" : "a");
    d.viewed = opened;
    d.n_viewed = opened ? 1 : 0;
    return d;
}

/* ---- the cohort, by hand -------------------------------------------------
 * final_confidence by final_correct (d8 timed out, no final):
 *   right: d2 6, d4 7, d5 5, d6 6, d7 2; wrong: d1 4, d3 3.
 *   confidence_auroc: 10 pairs; 6, 7, 5, 6 beat both 4 and 3 (8 wins), 2
 *   beats neither: 8/10 = 0.8, n = 7. By trainee: t1 right {6} wrong {4, 3}:
 *   1.0, n = 3; t2 right {7, 5, 6, 2}, no wrong: n/a, n = 4.
 * The table (after_initial with advice, initial and final made): d1 initial
 *   a right, AI b wrong, final b wrong: RWW; d2 b wrong, AI a right, final a
 *   right: WRR; d4 a right, AI b wrong, final a right: RWR. So RAIR = WRR of
 *   WR* = 1/1, RSR = RWR of RW* = 1/2, as METRIC_RAIR and METRIC_RSR.
 * The accuracy split: unaided (after_initial) d1 d4 right, d2 wrong: 2/3;
 *   AI right (d2) 0/1, AI wrong (d1 d4) 2/2. With AI (advice shown, final
 *   made: d1 d2 d3 d4 d6): 3/5; AI right (d2 d3 d6) 2/3, AI wrong (d1 d4)
 *   1/2. The AI (d1 d2 d3 d4 d6 d8): 4/6; 4/4 where right, 0/2 where wrong.
 * explanation_catch: wrong advice d1 (followed) and d4 (not), both with the
 *   explanation opened: opened 1/2; not opened 0/0, n/a. */
static void test_research_measures_over_the_cohort(void **state)
{
    (void)state;
    metrics_set *set = read_cohort(NULL, 0);
    metrics m;
    metrics_set_metrics(set, 0, &m);
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], true, 0.8, 7);
    long want[2][2][2] = {{{0, 0}, {0, 1}}, {{1, 1}, {0, 0}}};
    assert_memory_equal(m.table, want, sizeof want);
    const metric_value *rair = &m.m[METRIC_RAIR], *rsr = &m.m[METRIC_RSR];
    value_is("rair", rair, m.table[0][1][1], m.table[0][1][0] + m.table[0][1][1]);
    value_is("rsr", rsr, m.table[1][0][1], m.table[1][0][0] + m.table[1][0][1]);
    value_is("rair", rair, 1, 1);
    value_is("rsr", rsr, 1, 2);
    const long split[3][3][2] = {
        {{2, 3}, {0, 1}, {2, 2}}, {{3, 5}, {2, 3}, {1, 2}}, {{4, 6}, {4, 4}, {0, 2}}};
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++)
            value_is("accuracy_split", &m.accuracy_split[r][c], split[r][c][0], split[r][c][1]);
    /* The split reuses the figures: the same numbers, intervals included. */
    assert_memory_equal(&m.accuracy_split[METRICS_WITH_AI][METRICS_AI_WRONG],
                        &m.m[METRIC_ACCURACY_AI_WRONG], sizeof(metric_value));
    value_is("opened", &m.explanation_catch[1], 1, 2);
    value_is("not opened", &m.explanation_catch[0], 0, 0);
    metrics_set_free(set);
}

static void test_confidence_auroc_by_trainee_is_self_calibration(void **state)
{
    (void)state;
    metrics_key by = METRICS_BY_TRAINEE;
    metrics_set *set = read_cohort(&by, 1);
    metrics m;
    assert_int_equal(metrics_set_groups(set), 2);
    metrics_set_metrics(set, 0, &m); /* t1 */
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], true, 1.0, 3);
    metrics_set_metrics(set, 1, &m); /* t2: never wrong */
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], false, 0, 4);
    metrics_set_free(set);
}

/* ---- confidence_auroc ---------------------------------------------------- */

static void test_confidence_auroc_counts_ties_as_half(void **state)
{
    (void)state;
    /* right 5 3, wrong 5 1: 5>1, 5=5 (½), 3>1, 3<5: 2.5 of 4. */
    log_decision ds[] = {confident(true, 5), confident(true, 3), confident(false, 5),
                         confident(false, 1)};
    metrics m;
    compute(ds, 4, &m);
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], true, 0.625, 4);
    /* Confident when wrong: below one half. */
    log_decision back[] = {confident(true, 2), confident(false, 6), confident(false, 7)};
    compute(back, 3, &m);
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], true, 0.0, 3);
}

/* Only decisions with a final choice and its confidence count. */
static void test_confidence_auroc_needs_a_rated_final_choice(void **state)
{
    (void)state;
    log_decision ds[] = {confident(true, 6), confident(false, 2), confident(false, 7),
                         decision(NULL, NULL, NULL, "b")};
    ds[2].final = NULL; /* timed out: no final, no correctness */
    ds[2].has_final_correct = false;
    metrics m;
    compute(ds, 4, &m);
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], true, 1.0, 2);
}

static void test_confidence_auroc_n0_and_n1(void **state)
{
    (void)state;
    metrics m;
    compute(NULL, 0, &m);
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], false, 0, 0);
    log_decision one = confident(true, 4);
    compute(&one, 1, &m); /* nothing to separate it from: n/a, n = 1 */
    stat_is(&m.m[METRIC_CONFIDENCE_AUROC], false, 0, 1);
}

/* ---- the 2x2x2 table ------------------------------------------------------ */

static long table_sum(const metrics *m)
{
    long n = 0;
    for (int i = 0; i < 8; i++)
        n += m->table[i >> 2][i >> 1 & 1][i & 1];
    return n;
}

static void test_table_counts_after_initial_decisions_with_every_choice(void **state)
{
    (void)state;
    log_decision ds[] = {
        decision("after_initial", "a", "b", "a"),  /* WRR */
        decision("after_initial", "a", "b", "b"),  /* WRW */
        decision("after_initial", "b", "a", "a"),  /* RWR */
        decision("after_initial", "a", "a", "a"),  /* RRR */
        decision("after_initial", "a", "b", NULL), /* timed out: no final */
        decision("with_case", "a", NULL, "a"),     /* no initial */
        decision(NULL, NULL, "a", "a"),            /* no advice */
    };
    metrics m;
    compute(ds, sizeof ds / sizeof ds[0], &m);
    assert_int_equal(table_sum(&m), 4);
    assert_int_equal(m.table[0][1][1], 1);
    assert_int_equal(m.table[0][1][0], 1);
    assert_int_equal(m.table[1][0][1], 1);
    assert_int_equal(m.table[1][1][1], 1);
    value_is("rair", &m.m[METRIC_RAIR], 1, 2);
    value_is("rsr", &m.m[METRIC_RSR], 1, 1);
}

/* With several accepted answers, RAIR reads the final choice's correctness
 * from the table: a move to another right answer than the AI's counts. */
static void test_rair_reads_the_final_choice_right_with_several_answers(void **state)
{
    (void)state;
    log_decision d = {.timing = "after_initial",
                      .ai = "a",
                      .initial = "b",
                      .final = "c",
                      .best = best_ac,
                      .n_best = 2};
    metrics_derive(&d);
    metrics m;
    compute(&d, 1, &m);
    assert_int_equal(m.table[0][1][1], 1);
    value_is("rair", &m.m[METRIC_RAIR], 1, 1);
    value_is("rsr", &m.m[METRIC_RSR], 0, 0);
}

static void test_table_n0_and_n1(void **state)
{
    (void)state;
    metrics m;
    compute(NULL, 0, &m);
    assert_int_equal(table_sum(&m), 0);
    value_is("rair", &m.m[METRIC_RAIR], 0, 0);
    value_is("rsr", &m.m[METRIC_RSR], 0, 0);
    log_decision d = decision("after_initial", "b", "a", "b"); /* RWW: talked out of it */
    compute(&d, 1, &m);
    assert_int_equal(table_sum(&m), 1);
    assert_int_equal(m.table[1][0][0], 1);
    value_is("rair", &m.m[METRIC_RAIR], 0, 0);
    value_is("rsr", &m.m[METRIC_RSR], 0, 1);
}

/* ---- the accuracy split ------------------------------------------------ */

static void test_accuracy_split_n0_and_n1(void **state)
{
    (void)state;
    metrics m;
    compute(NULL, 0, &m);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++)
            value_is("accuracy_split", &m.accuracy_split[r][c], 0, 0);
    log_decision d = decision("after_initial", "b", "a", "b"); /* AI wrong, followed */
    compute(&d, 1, &m);
    const long want[3][3][2] = {
        {{1, 1}, {0, 0}, {1, 1}}, {{0, 1}, {0, 0}, {0, 1}}, {{0, 1}, {0, 0}, {0, 1}}};
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++)
            value_is("accuracy_split", &m.accuracy_split[r][c], want[r][c][0], want[r][c][1]);
}

/* ---- explanation_catch ----------------------------------------------------- */

static void test_explanation_catch_splits_over_reliance_by_what_was_opened(void **state)
{
    (void)state;
    log_decision ds[] = {
        wrong_advice(true, explanation),
        wrong_advice(false, explanation),
        wrong_advice(false, model_card),
        wrong_advice(true, results), /* not the explanation: counts as not opened */
        wrong_advice(true, NULL),
        decision("with_case", "a", NULL, "a"), /* AI right: not over-reliance */
    };
    ds[5].viewed = explanation;
    ds[5].n_viewed = 1;
    log_decision unseen = wrong_advice(true, explanation);
    unseen.timing = "on_request"; /* advice never asked for: not shown */
    metrics m;
    compute(ds, 6, &m);
    value_is("opened", &m.explanation_catch[1], 1, 3);
    value_is("not opened", &m.explanation_catch[0], 2, 2);
    /* The two add up to over_reliance. */
    value_is("over_reliance", &m.m[METRIC_OVER_RELIANCE], 3, 5);
    log_decision more[7];
    memcpy(more, ds, sizeof ds);
    more[6] = unseen;
    compute(more, 7, &m);
    value_is("opened", &m.explanation_catch[1], 1, 3);
}

static void test_explanation_catch_n0_and_n1(void **state)
{
    (void)state;
    metrics m;
    compute(NULL, 0, &m);
    value_is("opened", &m.explanation_catch[1], 0, 0);
    value_is("not opened", &m.explanation_catch[0], 0, 0);
    log_decision d = wrong_advice(true, model_card);
    compute(&d, 1, &m);
    value_is("opened", &m.explanation_catch[1], 1, 1);
    value_is("not opened", &m.explanation_catch[0], 0, 0);
    assert_true(m.explanation_catch[1].ci_low > 0.2 && m.explanation_catch[1].ci_high == 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_research_measures_over_the_cohort),
        cmocka_unit_test(test_confidence_auroc_by_trainee_is_self_calibration),
        cmocka_unit_test(test_confidence_auroc_counts_ties_as_half),
        cmocka_unit_test(test_confidence_auroc_needs_a_rated_final_choice),
        cmocka_unit_test(test_confidence_auroc_n0_and_n1),
        cmocka_unit_test(test_table_counts_after_initial_decisions_with_every_choice),
        cmocka_unit_test(test_rair_reads_the_final_choice_right_with_several_answers),
        cmocka_unit_test(test_table_n0_and_n1),
        cmocka_unit_test(test_accuracy_split_n0_and_n1),
        cmocka_unit_test(test_explanation_catch_splits_over_reliance_by_what_was_opened),
        cmocka_unit_test(test_explanation_catch_n0_and_n1),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
