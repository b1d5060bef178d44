/* metrics_curve: the learning curve of decision-log.md "Debrief metrics" on
 * the hand-worked cohort (tests/debrief/cohort) and on sessions built here:
 * the order of each trainee's cases (start time, then id, then the order
 * added), sessions without a trainee or a start, n = 0, n = 1, and memory
 * running out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "failing_alloc.h"
#include "log_reader.h"
#include "metrics.h"
#include "metrics_curve.h"

#define COHORT TEST_DATA_DIR "/debrief/cohort"

static void prop_is(const metric_value *v, long num, long den)
{
    if (v->num != num || v->den != den || v->has != (den > 0))
        fail_msg("%ld/%ld (has %d), expected %ld/%ld", v->num, v->den, v->has, num, den);
    if (den > 0) {
        assert_true(v->value == (double)num / (double)den);
        double lo, hi;
        assert_true(metrics_wilson(num, den, &lo, &hi));
        assert_true(v->ci_low == lo && v->ci_high == hi);
    }
}

static void point_is(const metrics_curve_point *p, int k, long over_num, long over_den,
                     long under_num, long under_den, long trainees)
{
    assert_int_equal(p->k, k);
    prop_is(&p->over, over_num, over_den);
    prop_is(&p->under, under_num, under_den);
    assert_int_equal(p->trainees, trainees);
}

static int add_to_set(void *ctx, const log_session *s, apperr *e)
{
    (void)e;
    return metrics_set_add(ctx, s);
}

/* Decisions with advice shown (with_case), the AI right or wrong, the final
 * choice following it or not. */
static log_decision advised(bool ai_right, bool followed)
{
    log_decision d = {.timing = "with_case", .ai = "a", .final = followed ? "a" : "b"};
    d.has_ai_correct = true;
    d.ai_correct = ai_right;
    d.has_followed_ai = true;
    d.followed_ai = followed;
    return d;
}

static log_session session(const char *id, const char *trainee, const char *at,
                           const log_decision *ds, size_t n)
{
    log_session s = {.id = id, .started_at = at, .decisions = ds, .n_decisions = n};
    s.trainee = trainee;
    return s;
}

static metrics_curve *curve_of(const log_session *ss, size_t n)
{
    metrics_curve *c = metrics_curve_new();
    assert_non_null(c);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(metrics_curve_add(c, &ss[i]), 0);
    assert_int_equal(metrics_curve_finish(c), 0);
    return c;
}

/* The cohort by hand (test_metrics.c gives every decision). All three
 * sessions start at 09:00:00.000, so the ids order t2's two:
 *   t1 aaaaaaaa (c1): d1 AI wrong, followed: over 1/1; d2 AI right,
 *     followed, d3 AI right, overridden: under 1/2.
 *   t2 bbbbbbbb (c1): d4 AI wrong, kept own answer: over 0/1; d5 advice not
 *     asked for (no reliance); d6 AI right, followed: under 0/1.
 *   t2 cccccccc (c2, read first: sub/ sorts before t1_c1.jsonl): d7 no
 *     advice; d8 timed out, no final choice: nothing.
 * k = 1 (aaaaaaaa, bbbbbbbb): over 1/2, under 1/3, 2 trainees;
 * k = 2 (cccccccc): over n/a 0/0, under n/a 0/0, 1 trainee.
 * Summed over k, the cohort's over_reliance 1/2 and under_reliance 1/3. */
static void test_curve_over_the_cohort(void **state)
{
    (void)state;
    metrics_set *set = NULL;
    assert_int_equal(metrics_set_new(&set, NULL, 0), 0);
    assert_null(metrics_set_curve(set)); /* not before finish */
    log_read_opts o = {.on_session = add_to_set, .ctx = set};
    apperr e;
    const char *path = COHORT;
    assert_int_equal(log_read_paths(&path, 1, &o, NULL, &e), 0);
    metrics_set_finish(set);
    const metrics_curve *c = metrics_set_curve(set);
    assert_non_null(c);
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(c, &p), 2);
    point_is(&p[0], 1, 1, 2, 1, 3, 2);
    point_is(&p[1], 2, 0, 0, 0, 0, 1);
    metrics m;
    metrics_set_metrics(set, 0, &m);
    assert_int_equal(m.m[METRIC_OVER_RELIANCE].num, p[0].over.num + p[1].over.num);
    assert_int_equal(m.m[METRIC_OVER_RELIANCE].den, p[0].over.den + p[1].over.den);
    assert_int_equal(m.m[METRIC_UNDER_RELIANCE].num, p[0].under.num + p[1].under.num);
    assert_int_equal(m.m[METRIC_UNDER_RELIANCE].den, p[0].under.den + p[1].under.den);
    metrics_set_free(set);
}

/* The curve is the cohort's whatever the groups: by trainee it is the same. */
static void test_curve_is_the_cohorts_whatever_the_groups(void **state)
{
    (void)state;
    const metrics_key by[] = {METRICS_BY_TRAINEE, METRICS_BY_CASE};
    metrics_set *set = NULL;
    assert_int_equal(metrics_set_new(&set, by, 2), 0);
    log_read_opts o = {.on_session = add_to_set, .ctx = set};
    apperr e;
    const char *path = COHORT;
    assert_int_equal(log_read_paths(&path, 1, &o, NULL, &e), 0);
    metrics_set_finish(set);
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(metrics_set_curve(set), &p), 2);
    point_is(&p[0], 1, 1, 2, 1, 3, 2);
    point_is(&p[1], 2, 0, 0, 0, 0, 1);
    metrics_set_free(set);
}

/* Start time first, whatever the order added or the ids; then the id; then
 * the order added. A start that cannot be read comes last. */
static void test_cases_go_in_time_order(void **state)
{
    (void)state;
    log_decision wrong_followed = advised(false, true), wrong_kept = advised(false, false);
    log_decision right_followed = advised(true, true);
    const log_session ss[] = {
        /* t1, in time order: s3 (09:00) s1 (10:00) s2 (10:00, id after s1) s4 (no time) */
        session("s2", "t1", "2026-11-27T10:00:00.000Z", &right_followed, 1),
        session("s4", "t1", "yesterday", &wrong_followed, 1),
        session("s1", "t1", "2026-11-27T10:00:00.000Z", &wrong_kept, 1),
        session("s3", "t1", "2026-11-27T09:00:00Z", &wrong_followed, 1),
    };
    metrics_curve *c = curve_of(ss, 4);
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(c, &p), 4);
    point_is(&p[0], 1, 1, 1, 0, 0, 1); /* s3 */
    point_is(&p[1], 2, 0, 1, 0, 0, 1); /* s1 */
    point_is(&p[2], 3, 0, 0, 0, 1, 1); /* s2 */
    point_is(&p[3], 4, 1, 1, 0, 0, 1); /* s4 */
    metrics_curve_free(c);
}

/* Milliseconds order within a second; two sessions alike but for the order
 * added keep that order. */
static void test_milliseconds_and_order_added_break_ties(void **state)
{
    (void)state;
    log_decision wrong_followed = advised(false, true), wrong_kept = advised(false, false);
    const log_session ss[] = {
        session("same", "t", "2026-11-27T09:00:00.500Z", &wrong_kept, 1),
        session("same", "t", "2026-11-27T09:00:00.500Z", &wrong_followed, 1),
        session("zzz", "t", "2026-11-27T09:00:00.499Z", &wrong_followed, 1),
    };
    metrics_curve *c = curve_of(ss, 3);
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(c, &p), 3);
    point_is(&p[0], 1, 1, 1, 0, 0, 1);
    point_is(&p[1], 2, 0, 1, 0, 0, 1);
    point_is(&p[2], 3, 1, 1, 0, 0, 1);
    metrics_curve_free(c);
}

/* Each trainee counts from 1; a session without a trainee is its own. */
static void test_each_trainee_counts_from_one(void **state)
{
    (void)state;
    log_decision wrong_followed = advised(false, true), right_kept = advised(true, false);
    const log_session ss[] = {
        session("a1", "a", "2026-11-27T09:00:00.000Z", &wrong_followed, 1),
        session("b1", "b", "2026-11-27T08:00:00.000Z", &right_kept, 1),
        session("n1", NULL, "2026-11-27T07:00:00.000Z", &wrong_followed, 1),
        session("a2", "a", "2026-11-27T10:00:00.000Z", &right_kept, 1),
        session("n2", NULL, "2026-11-27T11:00:00.000Z", &right_kept, 1),
    };
    metrics_curve *c = curve_of(ss, 5);
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(c, &p), 2);
    /* k = 1: a1, b1, n1, n2; k = 2: a2 */
    point_is(&p[0], 1, 2, 2, 2, 2, 4);
    point_is(&p[1], 2, 0, 0, 1, 1, 1);
    metrics_curve_free(c);
}

/* Only the decisions over_reliance and under_reliance count: advice shown,
 * a final choice, the AI's correctness known. */
static void test_only_reliance_decisions_count(void **state)
{
    (void)state;
    log_decision ds[4] = {advised(false, true), advised(true, true), advised(true, false)};
    ds[0].timing = "on_request";   /* not asked: advice never shown */
    ds[1].has_followed_ai = false; /* no final choice */
    ds[1].final = NULL;
    ds[3] = (log_decision){.final = "a"}; /* no advice at all */
    const log_session s = session("s", "t", "2026-11-27T09:00:00.000Z", ds, 4);
    metrics_curve *c = curve_of(&s, 1);
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(c, &p), 1);
    point_is(&p[0], 1, 0, 0, 1, 1, 1);
    metrics_curve_free(c);
}

/* n = 0: no points. */
static void test_curve_of_no_session_has_no_point(void **state)
{
    (void)state;
    metrics_curve *c = curve_of(NULL, 0);
    const metrics_curve_point *p = (const void *)1;
    assert_int_equal(metrics_curve_points(c, &p), 0);
    metrics_curve_free(c);
    metrics_set *set = NULL;
    assert_int_equal(metrics_set_new(&set, NULL, 0), 0);
    metrics_set_finish(set);
    assert_int_equal(metrics_curve_points(metrics_set_curve(set), &p), 0);
    metrics_set_free(set);
}

/* n = 1: one session, one decision following wrong advice. */
static void test_curve_of_one_session(void **state)
{
    (void)state;
    log_decision d = advised(false, true);
    const log_session s = session("s", "t", "2026-11-27T09:00:00.000Z", &d, 1);
    metrics_curve *c = curve_of(&s, 1);
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(c, &p), 1);
    point_is(&p[0], 1, 1, 1, 0, 0, 1);
    assert_true(p[0].over.ci_low > 0.2 && p[0].over.ci_low < 0.21 && p[0].over.ci_high == 1);
    metrics_curve_free(c);
}

static void test_nothing_is_added_after_finish(void **state)
{
    (void)state;
    log_decision d = advised(false, true);
    const log_session s = session("s", "t", "2026-11-27T09:00:00.000Z", &d, 1);
    metrics_curve *c = curve_of(&s, 1);
    assert_int_equal(metrics_curve_add(c, &s), -1);
    assert_int_equal(metrics_curve_finish(c), 0); /* twice is harmless */
    const metrics_curve_point *p;
    assert_int_equal(metrics_curve_points(c, &p), 1);
    metrics_curve_free(c);
}

static int install_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_install();
    alloc_live = 0;
    return 0;
}

static int remove_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_remove();
    return 0;
}

/* Fails each allocation in turn (the curve, the trainees' map, the kept
 * sessions, the sums and the points): the call that met it gives -1, and
 * freeing leaves nothing behind. */
static void test_curve_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    log_decision d = advised(false, true);
    char trainee[16], id[16];
    for (long k = 0;; k++) {
        alloc_fail_in = k;
        metrics_curve *c = metrics_curve_new();
        int rc = c ? 0 : -1;
        for (int i = 0; rc == 0 && i < 40; i++) {
            snprintf(trainee, sizeof trainee, "t%d", i % 13);
            snprintf(id, sizeof id, "s%02d", i);
            log_session s = session(id, trainee, "2026-11-27T09:00:00.000Z", &d, 1);
            rc = metrics_curve_add(c, &s);
        }
        if (rc == 0)
            rc = metrics_curve_finish(c);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        assert_int_equal(rc, failed ? -1 : 0);
        if (!failed) {
            const metrics_curve_point *p;
            assert_int_equal(metrics_curve_points(c, &p), 4); /* 40 sessions of 13 trainees */
            point_is(&p[3], 4, 1, 1, 0, 0, 1);                /* t0 played s00 s13 s26 s39 */
        }
        metrics_curve_free(c);
        assert_int_equal(alloc_live, 0);
        if (!failed)
            break;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_curve_over_the_cohort),
        cmocka_unit_test(test_curve_is_the_cohorts_whatever_the_groups),
        cmocka_unit_test(test_cases_go_in_time_order),
        cmocka_unit_test(test_milliseconds_and_order_added_break_ties),
        cmocka_unit_test(test_each_trainee_counts_from_one),
        cmocka_unit_test(test_only_reliance_decisions_count),
        cmocka_unit_test(test_curve_of_no_session_has_no_point),
        cmocka_unit_test(test_curve_of_one_session),
        cmocka_unit_test(test_nothing_is_added_after_finish),
        cmocka_unit_test_setup_teardown(test_curve_that_runs_out_of_memory_leaks_nothing,
                                        install_failing_alloc, remove_failing_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
