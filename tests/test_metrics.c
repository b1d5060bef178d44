/* metrics: every figure of decision-log.md "Debrief metrics" on
 * hand-computed data — the cohort fixture (tests/debrief/cohort, worked out
 * by hand in the comments below) and decisions built here — including the
 * n/a cases, AUROC ties, even-count medians and --by grouping. */
#include <math.h>
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

#define COHORT TEST_DATA_DIR "/debrief/cohort"

/* ---- helpers ------------------------------------------------------------ */

static void prop_is(const metrics *m, metric_id id, long num, long den)
{
    const metric_value *v = &m->m[id];
    if (v->num != num || v->den != den)
        fail_msg("%s: %ld/%ld, expected %ld/%ld", metrics_name(id), v->num, v->den, num, den);
    assert_int_equal(v->has, den > 0);
    if (den > 0)
        assert_true(v->value == (double)num / (double)den);
    else
        assert_true(v->value == 0);
}

static void stat_is(const metrics *m, metric_id id, double value, long n)
{
    const metric_value *v = &m->m[id];
    if (!v->has || v->value != value || v->n != n)
        fail_msg("%s: has %d value %.17g n %ld, expected %.17g n %ld", metrics_name(id), v->has,
                 v->value, v->n, value, n);
}

static void na_is(const metrics *m, metric_id id, long n)
{
    const metric_value *v = &m->m[id];
    if (v->has || v->n != n || isnan(v->value))
        fail_msg("%s: expected n/a with n %ld, got has %d value %g n %ld", metrics_name(id), n,
                 v->has, v->value, v->n);
}

static void count_is(const metrics *m, metric_id id, long n)
{
    const metric_value *v = &m->m[id];
    if (!v->has || v->value != (double)n)
        fail_msg("%s: %g, expected %ld", metrics_name(id), v->value, n);
}

/* Reading the fixture cohort into a set grouped by keys. */
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

/* A decision with advice of the given timing; the rest null. */
static log_decision advised(const char *timing, bool ai_right)
{
    log_decision d = {.timing = timing, .ai = ai_right ? "a" : "b"};
    d.has_ai_correct = true;
    d.ai_correct = ai_right;
    return d;
}

static log_decision trusted(bool ai_right, int trust)
{
    log_decision d = advised("with_case", ai_right);
    d.has_trust = true;
    d.trust = trust;
    return d;
}

static void compute(log_decision *ds, size_t n, metrics *m)
{
    metrics_acc *a = metrics_acc_new();
    assert_non_null(a);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(metrics_acc_add_decision(a, &ds[i]), 0);
    metrics_acc_compute(a, m);
    metrics_acc_free(a);
}

/* ---- the cohort, by hand -------------------------------------------------
 * t1/c1 (complete, good): d1 after_initial AI wrong, a->b following the AI
 *   (trust 2, conf 4, ms 2000/4000, explanation); d2 after_initial AI right,
 *   b->a following (trust 6, conf 6, ms 1000/2000); d3 with_case AI right,
 *   overridden to a wrong b (trust 6, conf 3, ms -/5000).
 * t2/c1 variant v2 (complete, harm): d4 after_initial AI wrong, stays a
 *   right (trust 2, conf 7, ms 3000/1000, explanation); d5 on_request not
 *   asked, a right (conf 5, ms 6000); d6 on_request asked, follows a right
 *   (trust 4, conf 6, ms 3000, explanation).
 * t2/c2 (no session_end): d7 no advice, right (conf 2, ms 8000); d8
 *   with_case AI right, timed out. */

static void test_every_metric_over_the_cohort(void **state)
{
    (void)state;
    metrics_set *set = read_cohort(NULL, 0);
    metrics m;
    assert_int_equal(metrics_set_groups(set), 1);
    metrics_set_metrics(set, 0, &m);
    count_is(&m, METRIC_DECISIONS, 8);
    count_is(&m, METRIC_WITH_ADVICE, 6);         /* d1 d2 d3 d4 d6 d8 */
    prop_is(&m, METRIC_AI_ACCURACY, 4, 6);       /* d2 d3 d6 d8 */
    prop_is(&m, METRIC_UNAIDED_ACCURACY, 2, 3);  /* d1 d4 of d1 d2 d4 */
    prop_is(&m, METRIC_FINAL_ACCURACY, 3, 5);    /* d2 d4 d6; d8 has no final */
    prop_is(&m, METRIC_ACCURACY_AI_RIGHT, 2, 3); /* d2 d6 of d2 d3 d6 */
    prop_is(&m, METRIC_ACCURACY_AI_WRONG, 1, 2); /* d4 of d1 d4 */
    prop_is(&m, METRIC_AGREEMENT, 3, 5);         /* d1 d2 d6 of d1 d2 d3 d4 d6 */
    prop_is(&m, METRIC_SWITCH_TO_AI, 2, 3);      /* d1 d2 of d1 d2 d4 */
    prop_is(&m, METRIC_OVER_RELIANCE, 1, 2);     /* d1 of d1 d4 */
    count_is(&m, METRIC_HARMFUL_SWITCHES, 1);    /* d1 */
    prop_is(&m, METRIC_UNDER_RELIANCE, 1, 3);    /* d3 of d2 d3 d6 */
    prop_is(&m, METRIC_RAIR, 1, 1);              /* d2 */
    prop_is(&m, METRIC_RSR, 1, 2);               /* d4 of d1 d4 */
    stat_is(&m, METRIC_DISCRIMINATION, 2.0 / 3.0 - 1.0 / 2.0, 5);
    stat_is(&m, METRIC_TRUST_AI_RIGHT, 16.0 / 3.0, 3); /* 6 6 4 */
    stat_is(&m, METRIC_TRUST_AI_WRONG, 2.0, 2);        /* 2 2 */
    stat_is(&m, METRIC_TRUST_AUROC, 1.0, 5);
    stat_is(&m, METRIC_CONFIDENCE_RIGHT, 5.2, 5); /* 6 7 5 6 2 */
    stat_is(&m, METRIC_CONFIDENCE_WRONG, 3.5, 2); /* 4 3 */
    prop_is(&m, METRIC_ADVICE_REQUESTED, 1, 2);   /* d6 of d5 d6 */
    prop_is(&m, METRIC_EXPLANATION_OPENED, 3, 6); /* d1 d4 d6 */
    stat_is(&m, METRIC_MEDIAN_MS_FINAL, 4000, 7); /* 1000 2000 3000 4000 5000 6000 8000 */
    stat_is(&m, METRIC_MEDIAN_MS_INITIAL, 2000, 3);
    prop_is(&m, METRIC_TIMEOUTS, 1, 1); /* d8, in a log older than time_limit_ms */
    count_is(&m, METRIC_OUTCOMES, 2);
    assert_int_equal(m.outcomes[LOG_OUTCOME_GOOD], 1);
    assert_int_equal(m.outcomes[LOG_OUTCOME_NEUTRAL], 0);
    assert_int_equal(m.outcomes[LOG_OUTCOME_HARM], 1);
    count_is(&m, METRIC_SESSIONS, 3);
    count_is(&m, METRIC_INCOMPLETE, 1);
    count_is(&m, METRIC_ADJUSTED_TIME_LIMITS, 0); /* logs older than the setting: normal */
    assert_int_equal(m.time_limits[TIME_LIMITS_NORMAL], 3);
    /* The chart details. */
    prop_is(&(metrics){.m[0] = m.unaided_ai_right}, 0, 0, 1); /* d2 wrong at first */
    prop_is(&(metrics){.m[0] = m.unaided_ai_wrong}, 0, 2, 2); /* d1 d4 */
    assert_int_equal(m.reliance[1][1], 2);
    assert_int_equal(m.reliance[1][0], 1);
    assert_int_equal(m.reliance[0][1], 1);
    assert_int_equal(m.reliance[0][0], 1);
    assert_int_equal(m.trust_hist[1][6], 2);
    assert_int_equal(m.trust_hist[1][4], 1);
    assert_int_equal(m.trust_hist[0][2], 2);
    metrics_set_free(set);
}

static void test_by_trainee_gives_one_group_each_in_order(void **state)
{
    (void)state;
    metrics_key by = METRICS_BY_TRAINEE;
    metrics_set *set = read_cohort(&by, 1);
    metrics m;
    assert_int_equal(metrics_set_groups(set), 2);
    assert_string_equal(metrics_set_value(set, 0, 0), "t1");
    assert_string_equal(metrics_set_value(set, 1, 0), "t2");
    metrics_set_metrics(set, 0, &m);
    count_is(&m, METRIC_DECISIONS, 3);
    prop_is(&m, METRIC_UNAIDED_ACCURACY, 1, 2);
    prop_is(&m, METRIC_ACCURACY_AI_WRONG, 0, 1);
    prop_is(&m, METRIC_RSR, 0, 1);
    stat_is(&m, METRIC_DISCRIMINATION, 0.5 - 1.0, 3);
    stat_is(&m, METRIC_TRUST_AI_RIGHT, 6.0, 2);
    stat_is(&m, METRIC_MEDIAN_MS_INITIAL, 1500, 2); /* 1000 2000: mean of the middle two */
    prop_is(&m, METRIC_ADVICE_REQUESTED, 0, 0);     /* no on_request: n/a */
    count_is(&m, METRIC_INCOMPLETE, 0);
    metrics_set_metrics(set, 1, &m);
    count_is(&m, METRIC_DECISIONS, 5);
    count_is(&m, METRIC_SESSIONS, 2);
    count_is(&m, METRIC_INCOMPLETE, 1);
    prop_is(&m, METRIC_UNAIDED_ACCURACY, 1, 1);
    stat_is(&m, METRIC_TRUST_AUROC, 1.0, 2); /* right d6 (4) over wrong d4 (2): 1 pair */
    metrics_set_free(set);
}

static void test_several_keys_give_every_combination_present(void **state)
{
    (void)state;
    metrics_key by[] = {METRICS_BY_CASE, METRICS_BY_VARIANT, METRICS_BY_CASE};
    metrics_set *set = read_cohort(by, 3);
    const metrics_key *keys;
    metrics m;
    assert_int_equal(metrics_set_keys(set, &keys), 2); /* case given twice counts once */
    assert_int_equal(keys[0], METRICS_BY_CASE);
    assert_int_equal(keys[1], METRICS_BY_VARIANT);
    assert_int_equal(metrics_set_groups(set), 3);
    /* c1/null, c1/v2, c2/null: null sorts first */
    assert_string_equal(metrics_set_value(set, 0, 0), "c1");
    assert_null(metrics_set_value(set, 0, 1));
    assert_string_equal(metrics_set_value(set, 1, 0), "c1");
    assert_string_equal(metrics_set_value(set, 1, 1), "v2");
    assert_string_equal(metrics_set_value(set, 2, 0), "c2");
    assert_null(metrics_set_value(set, 2, 1));
    metrics_set_metrics(set, 1, &m);
    count_is(&m, METRIC_DECISIONS, 3);
    metrics_set_free(set);
}

static void test_by_session_gives_one_group_per_session(void **state)
{
    (void)state;
    metrics_key by = METRICS_BY_SESSION;
    metrics_set *set = read_cohort(&by, 1);
    assert_int_equal(metrics_set_groups(set), 3);
    assert_string_equal(metrics_set_value(set, 0, 0), "aaaaaaaa-0000-4000-8000-000000000001");
    assert_non_null(metrics_set_acc(set, 2));
    metrics_set_free(set);
}

static void test_no_keys_give_one_group_even_without_data(void **state)
{
    (void)state;
    metrics_set *set = NULL;
    metrics m;
    assert_int_equal(metrics_set_new(&set, NULL, 0), 0);
    metrics_set_finish(set);
    assert_int_equal(metrics_set_groups(set), 1);
    metrics_set_metrics(set, 0, &m);
    for (int id = 0; id < METRIC_COUNT; id++) {
        assert_false(isnan(m.m[id].value));
        assert_true(m.m[id].value == 0);
        assert_int_equal(m.m[id].has, metrics_kind((metric_id)id) == METRIC_KIND_COUNT ||
                                          metrics_kind((metric_id)id) == METRIC_KIND_OUTCOMES);
    }
    assert_int_equal(metrics_set_add(set, &(log_session){0}), -1); /* finished */
    metrics_set_free(set);
}

static void test_keys_without_data_give_no_group(void **state)
{
    (void)state;
    metrics_set *set = NULL;
    metrics_key by = METRICS_BY_TRAINEE;
    assert_int_equal(metrics_set_new(&set, &by, 1), 0);
    metrics_set_finish(set);
    assert_int_equal(metrics_set_groups(set), 0);
    metrics_set_free(set);
}

/* ---- single figures on decisions built here ------------------------------ */

static void test_auroc_counts_ties_as_half(void **state)
{
    (void)state;
    /* right: 5 5 3; wrong: 5 2. Pairs (6): 5>2 twice, 3>2 once = 3 wins;
     * 5=5 twice = 1; 3<5 = 0. AUROC 4/6. */
    log_decision ds[] = {trusted(true, 5), trusted(true, 5), trusted(true, 3), trusted(false, 5),
                         trusted(false, 2)};
    metrics m;
    compute(ds, 5, &m);
    stat_is(&m, METRIC_TRUST_AUROC, 4.0 / 6.0, 5);
    stat_is(&m, METRIC_TRUST_AI_RIGHT, 13.0 / 3.0, 3);
    stat_is(&m, METRIC_TRUST_AI_WRONG, 3.5, 2);
}

static void test_auroc_of_all_ties_is_one_half(void **state)
{
    (void)state;
    log_decision ds[] = {trusted(true, 4), trusted(false, 4), trusted(false, 4)};
    metrics m;
    compute(ds, 3, &m);
    stat_is(&m, METRIC_TRUST_AUROC, 0.5, 3);
}

static void test_auroc_below_one_half_when_trust_is_backwards(void **state)
{
    (void)state;
    log_decision ds[] = {trusted(true, 1), trusted(false, 7)};
    metrics m;
    compute(ds, 2, &m);
    stat_is(&m, METRIC_TRUST_AUROC, 0.0, 2);
}

static void test_auroc_is_na_with_only_right_advice(void **state)
{
    (void)state;
    log_decision ds[] = {trusted(true, 4), trusted(true, 6)};
    metrics m;
    compute(ds, 2, &m);
    na_is(&m, METRIC_TRUST_AUROC, 2);
    na_is(&m, METRIC_TRUST_AI_WRONG, 0);
    stat_is(&m, METRIC_TRUST_AI_RIGHT, 5.0, 2);
}

static void test_medians_odd_and_even(void **state)
{
    (void)state;
    log_decision ds[4] = {0};
    int64_t ms[] = {900, 100, 500, 301};
    for (int i = 0; i < 4; i++) {
        ds[i].has_ms_final = ds[i].has_ms_initial = true;
        ds[i].ms_final = ms[i];
        ds[i].ms_initial = ms[i];
    }
    ds[3].has_ms_initial = false;
    metrics m;
    compute(ds, 4, &m);
    stat_is(&m, METRIC_MEDIAN_MS_FINAL, 400.5, 4); /* (301 + 500) / 2 */
    stat_is(&m, METRIC_MEDIAN_MS_INITIAL, 500, 3);
    count_is(&m, METRIC_DECISIONS, 4);
    count_is(&m, METRIC_WITH_ADVICE, 0);
}

static void test_on_request_not_asked_is_a_decision_without_advice(void **state)
{
    (void)state;
    log_decision d = advised("on_request", false);
    d.has_advice_requested = true;
    d.advice_requested = false;
    d.has_followed_ai = true; /* even if a log said so, it does not count */
    d.followed_ai = true;
    d.has_trust = true;
    d.trust = 7;
    metrics m;
    compute(&d, 1, &m);
    count_is(&m, METRIC_WITH_ADVICE, 0);
    prop_is(&m, METRIC_ADVICE_REQUESTED, 0, 1);
    prop_is(&m, METRIC_AGREEMENT, 0, 0);
    prop_is(&m, METRIC_AI_ACCURACY, 0, 0);
    na_is(&m, METRIC_TRUST_AI_WRONG, 0);
    prop_is(&m, METRIC_EXPLANATION_OPENED, 0, 0);
}

static void test_every_proportion_is_na_without_decisions(void **state)
{
    (void)state;
    metrics m;
    compute(NULL, 0, &m);
    for (int id = 0; id < METRIC_COUNT; id++) {
        metric_kind k = metrics_kind((metric_id)id);
        if (k == METRIC_KIND_PROPORTION)
            prop_is(&m, (metric_id)id, 0, 0);
        else if (k == METRIC_KIND_STAT)
            na_is(&m, (metric_id)id, 0);
        else
            count_is(&m, (metric_id)id, 0);
    }
}

static void test_discrimination_needs_both_kinds_of_advice(void **state)
{
    (void)state;
    log_decision ds[] = {advised("with_case", true), advised("with_case", true)};
    for (int i = 0; i < 2; i++) {
        ds[i].has_followed_ai = true;
        ds[i].followed_ai = i == 0;
    }
    metrics m;
    compute(ds, 2, &m);
    na_is(&m, METRIC_DISCRIMINATION, 2);
    prop_is(&m, METRIC_UNDER_RELIANCE, 1, 2);
    prop_is(&m, METRIC_OVER_RELIANCE, 0, 0);
}

/* After the initial choice but timed out before the final: unaided
 * accuracy counts it; the switch figures, which compare the two choices,
 * do not. */
static void test_timeout_after_initial_counts_only_where_it_can(void **state)
{
    (void)state;
    log_decision d = advised("after_initial", true);
    d.initial = "b";
    d.has_initial_correct = true;
    d.initial_correct = false;
    d.timed_out = true;
    metrics m;
    compute(&d, 1, &m);
    prop_is(&m, METRIC_UNAIDED_ACCURACY, 0, 1);
    prop_is(&m, METRIC_SWITCH_TO_AI, 0, 0);
    prop_is(&m, METRIC_RAIR, 0, 0);
    prop_is(&m, METRIC_FINAL_ACCURACY, 0, 0);
    prop_is(&m, METRIC_TIMEOUTS, 1, 1);
}

static void test_session_only_counts_sessions_and_outcomes(void **state)
{
    (void)state;
    metrics_acc *a = metrics_acc_new();
    log_session s = {.status = LOG_INCOMPLETE, .outcomes = {0, 2, 1}};
    metrics m;
    metrics_acc_add_session_only(a, &s);
    metrics_acc_compute(a, &m);
    count_is(&m, METRIC_SESSIONS, 1);
    count_is(&m, METRIC_INCOMPLETE, 1);
    count_is(&m, METRIC_OUTCOMES, 3);
    assert_int_equal(m.outcomes[LOG_OUTCOME_NEUTRAL], 2);
    count_is(&m, METRIC_DECISIONS, 0);
    metrics_acc_free(a);
}

/* The 95% Wilson score interval: n/a without trials, exact at the ends, and
 * 2 of 3 worked by hand: p = 2/3, z^2 = 3.8415, z^2/n = 1.2805, centre =
 * (0.6667 + 0.6403) / 2.2805 = 0.5731, half = 1.96 / 2.2805 *
 * sqrt(0.0741 + 0.1067) = 0.3654: 0.2077 to 0.9385. */
static void test_wilson_interval(void **state)
{
    (void)state;
    double lo = -1, hi = -1;
    assert_false(metrics_wilson(0, 0, &lo, &hi));
    assert_true(lo == 0 && hi == 0);
    assert_false(metrics_wilson(2, 1, &lo, &hi));
    assert_true(metrics_wilson(1, 1, &lo, &hi));
    assert_float_equal(lo, 0.2065493143772375, 1e-12);
    assert_true(hi == 1.0);
    assert_true(metrics_wilson(0, 1, &lo, &hi));
    assert_true(lo == 0.0);
    assert_float_equal(hi, 0.7934506856227625, 1e-12);
    assert_true(metrics_wilson(2, 3, &lo, &hi));
    assert_float_equal(lo, 0.2077, 5e-5);
    assert_float_equal(hi, 0.9385, 5e-5);
    assert_float_equal(lo, 0.20765960080204765, 1e-12);
    assert_float_equal(hi, 0.9385080552796037, 1e-12);
}

/* Every proportion carries its interval; an n/a one has none. */
static void test_proportions_carry_their_interval(void **state)
{
    (void)state;
    metrics_acc *a = metrics_acc_new();
    metrics m;
    metrics_acc_compute(a, &m);
    assert_false(m.m[METRIC_AGREEMENT].has);
    assert_true(m.m[METRIC_AGREEMENT].ci_low == 0 && m.m[METRIC_AGREEMENT].ci_high == 0);
    log_decision d = {
        .timing = "with_case", .ai = "a", .final = "a", .best = (const char *[]){"a"}, .n_best = 1};
    metrics_derive(&d);
    assert_int_equal(metrics_acc_add_decision(a, &d), 0);
    metrics_acc_compute(a, &m);
    assert_int_equal(m.m[METRIC_AGREEMENT].num, 1);
    assert_int_equal(m.m[METRIC_AGREEMENT].den, 1);
    assert_float_equal(m.m[METRIC_AGREEMENT].ci_low, 0.2065493143772375, 1e-12);
    assert_true(m.m[METRIC_AGREEMENT].ci_high == 1.0);
    metrics_acc_free(a);
}

/* A cohort with 2 quits: how each session ended adds up to the count. */
static void test_sessions_by_status_add_up(void **state)
{
    (void)state;
    metrics_acc *a = metrics_acc_new();
    log_decision timed = {.timed_out = true, .time_limit_ms = 30000, .has_time_limit_ms = true};
    log_session s[] = {
        {.status = LOG_COMPLETE, .outcomes = {1, 0, 0}},
        {.status = LOG_COMPLETE, .outcomes = {0, 0, 1}},
        {.status = LOG_QUIT},
        {.status = LOG_QUIT, .decisions = &timed, .n_decisions = 1},
        {.status = LOG_ERROR},
        {.status = LOG_INCOMPLETE},
    };
    metrics m;
    char buf[320];
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        assert_int_equal(metrics_acc_add_session(a, &s[i]), 0);
    metrics_acc_compute(a, &m);
    count_is(&m, METRIC_SESSIONS, 6);
    assert_int_equal(m.status[LOG_COMPLETE], 2);
    assert_int_equal(m.status[LOG_QUIT], 2);
    assert_int_equal(m.status[LOG_ERROR], 1);
    assert_int_equal(m.status[LOG_INCOMPLETE], 1);
    assert_string_equal(metrics_sessions_text(&m, buf, sizeof buf),
                        "6 sessions: 2 complete (endings: 1 good, 0 neutral, 1 harm), 2 quit, 1 "
                        "ended with an error, 1 incomplete; 1 decision timed out");
    metrics_acc_free(a);
}

static void test_kept_times_are_sorted_after_compute(void **state)
{
    (void)state;
    metrics_acc *a = metrics_acc_new();
    int64_t ms[] = {30, 10, 20};
    for (int i = 0; i < 3; i++) {
        log_decision d = {.has_ms_final = true, .ms_final = ms[i]};
        assert_int_equal(metrics_acc_add_decision(a, &d), 0);
    }
    metrics m;
    metrics_acc_compute(a, &m);
    size_t n;
    const int64_t *v = metrics_acc_ms_final(a, &n);
    assert_int_equal(n, 3);
    assert_true(v[0] == 10 && v[1] == 20 && v[2] == 30);
    assert_null(metrics_acc_ms_initial(a, &n));
    assert_int_equal(n, 0);
    metrics_acc_free(a);
}

/* ---- time limits --------------------------------------------------------------
 * A cohort made by hand: s1 normal (d1 limited 30 s, timed out; d2 limited,
 * in time; d3 no limit), s2 double (d4 limited 60 s, in time), s3 off (d5,
 * d6: no limit ran), s4 double (d7 limited, timed out), s5 older than the
 * setting (d8 timed out, no time_limit_ms; d9 in time, no time_limit_ms),
 * s6 a setting of a later program (d10 limited, in time). */

static log_decision limited(int64_t ms, bool timed_out)
{
    log_decision d = {.timed_out = timed_out};
    d.has_time_limit_ms = ms > 0;
    d.time_limit_ms = ms;
    return d;
}

static void test_timeouts_count_against_decisions_with_a_limit_in_force(void **state)
{
    (void)state;
    log_decision s1[] = {limited(30000, true), limited(30000, false), limited(0, false)};
    log_decision s2[] = {limited(60000, false)};
    log_decision s3[] = {limited(0, false), limited(0, false)};
    log_decision s4[] = {limited(60000, true)};
    log_decision s5[] = {limited(0, true), limited(0, false)};
    log_decision s6[] = {limited(45000, false)};
    log_session ss[] = {
        {.time_limits = "normal", .decisions = s1, .n_decisions = 3, .status = LOG_COMPLETE},
        {.time_limits = "double", .decisions = s2, .n_decisions = 1, .status = LOG_COMPLETE},
        {.time_limits = "off", .decisions = s3, .n_decisions = 2, .status = LOG_COMPLETE},
        {.time_limits = "double", .decisions = s4, .n_decisions = 1, .status = LOG_QUIT},
        {.time_limits = NULL, .decisions = s5, .n_decisions = 2, .status = LOG_COMPLETE},
        {.time_limits = "triple", .decisions = s6, .n_decisions = 1, .status = LOG_COMPLETE},
    };
    metrics_acc *a = metrics_acc_new();
    for (size_t i = 0; i < sizeof ss / sizeof ss[0]; i++)
        assert_int_equal(metrics_acc_add_session(a, &ss[i]), 0);
    metrics m;
    metrics_acc_compute(a, &m);
    metrics_acc_free(a);
    count_is(&m, METRIC_DECISIONS, 10);
    prop_is(&m, METRIC_TIMEOUTS, 3, 6); /* d1 d7 d8 of d1 d2 d4 d7 d8 d10 */
    count_is(&m, METRIC_SESSIONS, 6);
    count_is(&m, METRIC_ADJUSTED_TIME_LIMITS, 3);           /* s2 s4 double, s3 off */
    assert_int_equal(m.time_limits[TIME_LIMITS_NORMAL], 2); /* s1, s5 (older) */
    assert_int_equal(m.time_limits[TIME_LIMITS_DOUBLE], 2);
    assert_int_equal(m.time_limits[TIME_LIMITS_OFF], 1);
    char text[160];
    assert_string_equal(metrics_time_limits_text(&m, text, sizeof text),
                        "3 sessions ran with adjusted time limits: 2 double, 1 off");
}

/* With no limit in force anywhere, timeouts are n/a, not 0 out of 0. */
static void test_timeouts_are_na_when_no_limit_ran(void **state)
{
    (void)state;
    log_decision ds[] = {limited(0, false), limited(0, false)};
    log_session s = {.time_limits = "off", .decisions = ds, .n_decisions = 2};
    metrics_acc *a = metrics_acc_new();
    assert_int_equal(metrics_acc_add_session(a, &s), 0);
    metrics m;
    metrics_acc_compute(a, &m);
    metrics_acc_free(a);
    prop_is(&m, METRIC_TIMEOUTS, 0, 0);
    assert_false(m.m[METRIC_TIMEOUTS].has);
    char text[160];
    assert_string_equal(metrics_time_limits_text(&m, text, sizeof text),
                        "1 session ran with adjusted time limits: 1 off");
}

static void
test_time_limits_text_is_empty_without_adjusted_sessions_and_fits_any_buffer(void **state)
{
    (void)state;
    metrics m;
    memset(&m, 0, sizeof m);
    char text[160] = "x";
    assert_string_equal(metrics_time_limits_text(&m, text, sizeof text), "");
    m.m[METRIC_ADJUSTED_TIME_LIMITS].value = 1;
    m.time_limits[TIME_LIMITS_DOUBLE] = 1;
    assert_string_equal(metrics_time_limits_text(&m, text, sizeof text),
                        "1 session ran with adjusted time limits: 1 double");
    char tiny[12];
    assert_string_equal(metrics_time_limits_text(&m, tiny, sizeof tiny), "1 session r");
    assert_ptr_equal(metrics_time_limits_text(&m, tiny, 0), tiny);
}

static void test_names_and_keys(void **state)
{
    (void)state;
    metrics_key k;
    assert_string_equal(metrics_name(METRIC_TRUST_AUROC), "trust_auroc");
    assert_string_equal(metrics_name(METRIC_INCOMPLETE), "incomplete");
    assert_int_equal(metrics_kind(METRIC_AGREEMENT), METRIC_KIND_PROPORTION);
    assert_int_equal(metrics_kind(METRIC_DISCRIMINATION), METRIC_KIND_STAT);
    assert_int_equal(metrics_kind(METRIC_HARMFUL_SWITCHES), METRIC_KIND_COUNT);
    for (int id = 0; id < METRIC_COUNT; id++)
        assert_string_not_equal(metrics_name((metric_id)id), "?");
    assert_int_equal(metrics_key_parse("variant", &k), 0);
    assert_int_equal(k, METRICS_BY_VARIANT);
    assert_int_equal(metrics_key_parse("Variant", &k), -1);
    assert_string_equal(metrics_key_name(METRICS_BY_SESSION), "session");
}

/* ---- the rules derived from a decision -------------------------------------- */

static const char *const OPTS[] = {"a", "b", "c"};
static const char *const BEST[] = {"a"};

static log_decision derived(const char *timing, bool asked, const char *initial, const char *final)
{
    log_decision d = {.options = OPTS,
                      .n_options = 3,
                      .best = BEST,
                      .n_best = 1,
                      .timing = timing,
                      .ai = timing ? "b" : NULL,
                      .has_advice_requested = timing && strcmp(timing, "on_request") == 0,
                      .advice_requested = asked,
                      .initial = initial,
                      .final = final};
    metrics_derive(&d);
    return d;
}

/* The one definition the writer fills a record with and every reader asks
 * (decision-log.md): advice shown, followed, AI correct, switched; null
 * where there is nothing to judge. */
static void test_derived_fields_follow_the_rules(void **state)
{
    (void)state;
    log_decision d = derived("with_case", false, NULL, "b");
    assert_true(metrics_advice_shown(&d));
    assert_true(d.has_ai_correct && !d.ai_correct);
    assert_false(metrics_ai_correct(&d));
    assert_true(d.has_followed_ai && d.followed_ai && metrics_followed(&d));
    assert_true(d.has_final_correct && !d.final_correct);
    assert_false(d.has_initial_correct || d.has_switched);

    d = derived("on_request", false, NULL, "b"); /* not asked: no advice, not followed */
    assert_false(metrics_advice_shown(&d));
    assert_false(d.has_followed_ai);
    assert_false(metrics_followed(&d));
    assert_true(d.has_ai_correct); /* logged even when never shown */
    d = derived("on_request", true, NULL, "b");
    assert_true(metrics_advice_shown(&d) && metrics_followed(&d));

    d = derived("after_initial", false, "a", "b");
    assert_true(d.has_initial_correct && d.initial_correct);
    assert_true(d.has_switched && d.switched);
    assert_true(metrics_followed(&d));
    d = derived("after_initial", false, "a", NULL); /* the time ran out */
    assert_false(d.has_final_correct || d.has_followed_ai || d.has_switched);
    assert_true(d.has_initial_correct);

    d = derived(NULL, false, NULL, "a"); /* no advice at all */
    assert_false(metrics_advice_shown(&d));
    assert_false(d.has_ai_correct || d.has_followed_ai);
    assert_true(metrics_is_best(&d, "a"));
    assert_false(metrics_is_best(&d, "b") || metrics_is_best(&d, NULL));

    /* and the metrics count by the same rule */
    metrics_acc *a = metrics_acc_new();
    log_decision all[] = {derived("with_case", false, NULL, "b"),
                          derived("on_request", false, NULL, "b"),
                          derived("on_request", true, NULL, "a"), derived(NULL, false, NULL, "a")};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(metrics_acc_add_decision(a, &all[i]), 0);
    metrics m;
    metrics_acc_compute(a, &m);
    assert_int_equal(m.m[METRIC_WITH_ADVICE].value, 2);
    prop_is(&m, METRIC_AGREEMENT, 1, 2);
    metrics_acc_free(a);
}

/* ---- out of memory ---------------------------------------------------------- */

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

/* Fails each allocation of a grouped set in turn (its groups, their values
 * and accumulators, the kept times, the index): the call that met it
 * gives -1, and freeing the set leaves nothing behind. */
static void test_set_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    const metrics_key by[] = {METRICS_BY_TRAINEE, METRICS_BY_CASE};
    log_decision ds[2] = {{.has_ms_final = true, .ms_final = 10},
                          {.has_ms_initial = true, .ms_initial = 5, .has_ms_final = true}};
    char trainee[16], id[16];
    for (long k = 0;; k++) {
        metrics_set *set = NULL;
        alloc_fail_in = k;
        int rc = metrics_set_new(&set, by, 2);
        for (int i = 0; rc == 0 && i < 40; i++) {
            snprintf(trainee, sizeof trainee, "t%d", i % 13);
            snprintf(id, sizeof id, "s%d", i);
            log_session s = {.id = id, .decisions = ds, .n_decisions = 2};
            s.trainee = trainee;
            s.case_id = i % 2 ? "c1" : NULL;
            rc = metrics_set_add(set, &s);
        }
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        assert_int_equal(rc, failed ? -1 : 0);
        if (set)
            metrics_set_finish(set);
        if (!failed)
            assert_int_equal(metrics_set_groups(set), 26);
        metrics_set_free(set);
        assert_int_equal(alloc_live, 0);
        if (!failed)
            break;
    }
}

/* An accumulator whose kept times cannot grow refuses the decision and
 * keeps what it had. */
static void test_acc_that_runs_out_of_memory_keeps_its_times(void **state)
{
    (void)state;
    metrics_acc *a = metrics_acc_new();
    assert_non_null(a);
    log_decision d = {.has_ms_final = true, .ms_final = 7};
    assert_int_equal(metrics_acc_add_decision(a, &d), 0);
    for (int i = 1; i < 8; i++) /* the first block holds eight */
        assert_int_equal(metrics_acc_add_decision(a, &d), 0);
    alloc_fail_in = 0;
    assert_int_equal(metrics_acc_add_decision(a, &d), -1);
    alloc_fail_in = -1;
    size_t n;
    const int64_t *v = metrics_acc_ms_final(a, &n);
    assert_int_equal(n, 8);
    assert_true(v[0] == 7 && v[7] == 7);
    metrics_acc_free(a);
    /* Both times or neither: the final time kept and the initial refused
     * would count a decision twice in one list and never in the other. */
    a = metrics_acc_new();
    log_decision both = {.has_ms_final = true, .ms_final = 3, .has_ms_initial = true};
    alloc_fail_in = 1; /* the final times' block, then the initial times' */
    assert_int_equal(metrics_acc_add_decision(a, &both), -1);
    alloc_fail_in = -1;
    metrics_acc_ms_final(a, &n);
    assert_int_equal(n, 0);
    metrics_acc_free(a);
    assert_int_equal(alloc_live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_metric_over_the_cohort),
        cmocka_unit_test(test_by_trainee_gives_one_group_each_in_order),
        cmocka_unit_test(test_several_keys_give_every_combination_present),
        cmocka_unit_test(test_by_session_gives_one_group_per_session),
        cmocka_unit_test(test_no_keys_give_one_group_even_without_data),
        cmocka_unit_test(test_keys_without_data_give_no_group),
        cmocka_unit_test(test_auroc_counts_ties_as_half),
        cmocka_unit_test(test_auroc_of_all_ties_is_one_half),
        cmocka_unit_test(test_auroc_below_one_half_when_trust_is_backwards),
        cmocka_unit_test(test_auroc_is_na_with_only_right_advice),
        cmocka_unit_test(test_medians_odd_and_even),
        cmocka_unit_test(test_on_request_not_asked_is_a_decision_without_advice),
        cmocka_unit_test(test_every_proportion_is_na_without_decisions),
        cmocka_unit_test(test_discrimination_needs_both_kinds_of_advice),
        cmocka_unit_test(test_timeout_after_initial_counts_only_where_it_can),
        cmocka_unit_test(test_session_only_counts_sessions_and_outcomes),
        cmocka_unit_test(test_timeouts_count_against_decisions_with_a_limit_in_force),
        cmocka_unit_test(test_timeouts_are_na_when_no_limit_ran),
        cmocka_unit_test(
            test_time_limits_text_is_empty_without_adjusted_sessions_and_fits_any_buffer),
        cmocka_unit_test(test_wilson_interval),
        cmocka_unit_test(test_proportions_carry_their_interval),
        cmocka_unit_test(test_sessions_by_status_add_up),
        cmocka_unit_test(test_kept_times_are_sorted_after_compute),
        cmocka_unit_test(test_names_and_keys),
        cmocka_unit_test(test_derived_fields_follow_the_rules),
        cmocka_unit_test_setup_teardown(test_set_that_runs_out_of_memory_leaks_nothing,
                                        install_failing_alloc, remove_failing_alloc),
        cmocka_unit_test_setup_teardown(test_acc_that_runs_out_of_memory_keeps_its_times,
                                        install_failing_alloc, remove_failing_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
