/* debrief_words: every metric in plain language, its definition and source
 * (tools/debrief_words.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "debrief_words.h"
#include "metrics.h"

static metric_value prop(long num, long den)
{
    metric_value v = {.has = den > 0, .num = num, .den = den};
    if (den > 0)
        v.value = (double)num / (double)den;
    return v;
}

/* The issue's own example, word for word. */
static void test_over_reliance_reads_as_the_facilitator_says_it(void **state)
{
    metrics m;
    char buf[512];
    (void)state;
    memset(&m, 0, sizeof m);
    m.m[METRIC_OVER_RELIANCE] = prop(21, 54);
    assert_string_equal(
        debrief_words_sentence(METRIC_OVER_RELIANCE, &m, "the cohort", buf, sizeof buf),
        "Over-reliance: following advice that was wrong. Lower is better; the "
        "cohort followed wrong advice 21 times out of 54.");
}

static void test_one_time_is_singular_and_na_is_said(void **state)
{
    metrics m;
    char buf[512];
    (void)state;
    memset(&m, 0, sizeof m);
    m.m[METRIC_UNDER_RELIANCE] = prop(1, 1);
    assert_string_equal(debrief_words_sentence(METRIC_UNDER_RELIANCE, &m, "t1", buf, sizeof buf),
                        "Under-reliance: overriding advice that was right. Lower is better; t1 "
                        "overrode right advice 1 time out of 1.");
    m.m[METRIC_FINAL_ACCURACY] = prop(0, 0);
    assert_string_equal(debrief_words_sentence(METRIC_FINAL_ACCURACY, &m, "t1", buf, sizeof buf),
                        "Final accuracy: right answers in the end, with the advice. Higher is "
                        "better; there was no decision to judge it on.");
    assert_string_equal(debrief_words_count(METRIC_FINAL_ACCURACY, &m, "t1", buf, sizeof buf), "");
}

static void test_a_statistic_gives_its_figure_and_n(void **state)
{
    metrics m;
    char buf[512];
    (void)state;
    memset(&m, 0, sizeof m);
    m.m[METRIC_TRUST_AUROC] = (metric_value){.has = true, .value = 0.725, .n = 40};
    assert_string_equal(debrief_words_count(METRIC_TRUST_AUROC, &m, "the cohort", buf, sizeof buf),
                        "the cohort's figure is 0.72 (n = 40)");
}

static void test_a_short_buffer_is_cut_and_terminated(void **state)
{
    metrics m;
    char buf[12];
    (void)state;
    memset(&m, 0, sizeof m);
    m.m[METRIC_OVER_RELIANCE] = prop(21, 54);
    assert_string_equal(
        debrief_words_sentence(METRIC_OVER_RELIANCE, &m, "the cohort", buf, sizeof buf),
        "Over-relian");
    assert_int_equal(strlen(buf), sizeof buf - 1);
}

/* Every metric has a name, a meaning and a definition; the headlines are
 * the two errors of reliance and final accuracy, each saying which way is
 * better; each rate the headlines use says what was counted. */
static void test_every_metric_has_its_words(void **state)
{
    (void)state;
    for (int i = 0; i < METRIC_COUNT; i++) {
        const debrief_word *w = debrief_words((metric_id)i);
        assert_non_null(w->name);
        assert_non_null(w->means);
        assert_non_null(w->definition);
        assert_true(strlen(w->name) > 0 && strlen(w->means) > 0 && strlen(w->definition) > 0);
    }
    assert_int_equal(debrief_words_headlines[0], METRIC_OVER_RELIANCE);
    assert_int_equal(debrief_words_headlines[1], METRIC_UNDER_RELIANCE);
    assert_int_equal(debrief_words_headlines[2], METRIC_FINAL_ACCURACY);
    for (int i = 0; i < DEBRIEF_WORDS_HEADLINES; i++) {
        assert_non_null(debrief_words(debrief_words_headlines[i])->good);
        assert_non_null(debrief_words(debrief_words_headlines[i])->did);
    }
    assert_non_null(strstr(debrief_words(METRIC_RAIR)->source, "Schemmer"));
    assert_non_null(strstr(debrief_words(METRIC_TRUST_AUROC)->source, "Hanley & McNeil"));
}

/* RAIR and RSR as decision-log.md defines them: "final right", read from
 * the reliance table (not "final = ai" / "final = initial"). */
static void test_rair_and_rsr_say_final_right_as_the_log_spec_does(void **state)
{
    (void)state;
    assert_string_equal(debrief_words(METRIC_RAIR)->definition,
                        "#(initial wrong \u2227 ai right \u2227 final right) / #(initial wrong "
                        "\u2227 ai right), after_initial only, read from the reliance_table");
    assert_string_equal(debrief_words(METRIC_RSR)->definition,
                        "#(initial right \u2227 ai wrong \u2227 final right) / #(initial right "
                        "\u2227 ai wrong), after_initial only, read from the reliance_table");
}

/* Every figure says what good looks like; a count or a time says plainly
 * that neither way is better. */
static void test_every_metric_says_what_good_looks_like(void **state)
{
    (void)state;
    for (int i = 0; i < METRIC_COUNT; i++) {
        const char *good = debrief_words((metric_id)i)->good;
        assert_non_null(good);
        assert_true(strlen(good) > 0);
    }
    assert_string_equal(debrief_words(METRIC_DECISIONS)->good, "A count: no better or worse");
    assert_string_equal(debrief_words(METRIC_SESSIONS)->good, "A count: no better or worse");
    assert_non_null(strstr(debrief_words(METRIC_MEDIAN_MS_FINAL)->good, "no better or worse"));
    assert_non_null(strstr(debrief_words(METRIC_MEDIAN_MS_INITIAL)->good, "no better or worse"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_over_reliance_reads_as_the_facilitator_says_it),
        cmocka_unit_test(test_one_time_is_singular_and_na_is_said),
        cmocka_unit_test(test_a_statistic_gives_its_figure_and_n),
        cmocka_unit_test(test_a_short_buffer_is_cut_and_terminated),
        cmocka_unit_test(test_every_metric_has_its_words),
        cmocka_unit_test(test_rair_and_rsr_say_final_right_as_the_log_spec_does),
        cmocka_unit_test(test_every_metric_says_what_good_looks_like),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
