/* vitals: the NEWS2 clinical risk band (Royal College of Physicians, NEWS2,
 * 2017, Chart 3) at every edge: each parameter's red score (3) alone, the
 * aggregates 4, 5, 6 and 7 with and without one, and an unknown score. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "vitals.h"

static void set_num(vitals *v, const char *key, double x)
{
    apperr e;
    apperr_clear(&e);
    if (vitals_set(v, key, true, x, NULL, &e) != 0)
        fail_msg("%s = %g refused: %s", key, x, e.msg);
}

static void set_text(vitals *v, const char *key, const char *s)
{
    apperr e;
    apperr_clear(&e);
    if (vitals_set(v, key, false, 0, s, &e) != 0)
        fail_msg("%s = \"%s\" refused: %s", key, s, e.msg);
}

/* Scores 0 on every parameter: rr 16, SpO2 97 % on air, systolic 120,
 * pulse 70, alert, 37.0 °C. */
static void healthy(vitals *v)
{
    vitals_init(v);
    set_num(v, "rr", 16);
    set_num(v, "spo2", 97);
    set_num(v, "sbp", 120);
    set_num(v, "hr", 70);
    set_num(v, "temp", 37.0);
    set_text(v, "avpu", "A");
}

typedef struct change {
    const char *key;
    bool is_num;
    double num;
    const char *text;
} change;

#define NUM(k, x)                                                                                  \
    {                                                                                              \
        k, true, x, NULL                                                                           \
    }
#define TEXT(k, s)                                                                                 \
    {                                                                                              \
        k, false, 0, s                                                                             \
    }
#define END                                                                                        \
    {                                                                                              \
        NULL, false, 0, NULL                                                                       \
    }

/* The healthy patient with the changes made: its score and band. */
static news2_band band_with(const change *c, int want_score)
{
    vitals v;
    healthy(&v);
    for (; c->key; c++) {
        if (c->is_num)
            set_num(&v, c->key, c->num);
        else
            set_text(&v, c->key, c->text);
    }
    assert_int_equal(vitals_news2(&v), want_score);
    news2_band b = vitals_news2_band(&v);
    vitals_free(&v);
    return b;
}

static void test_band_is_low_with_no_score(void **state)
{
    (void)state;
    assert_int_equal(band_with((change[]){END}, 0), NEWS2_BAND_LOW);
}

/* A red score alone (aggregate 3) makes the band low-medium, for every
 * parameter that can score 3, at both ends of its range. */
static void test_band_is_low_medium_for_each_red_score_alone(void **state)
{
    (void)state;
    static const change reds[][2] = {
        {NUM("rr", 8), END},      {NUM("rr", 25), END},     {NUM("spo2", 91), END},
        {NUM("sbp", 90), END},    {NUM("sbp", 220), END},   {NUM("hr", 40), END},
        {NUM("hr", 131), END},    {NUM("temp", 35.0), END}, {TEXT("avpu", "C"), END},
        {TEXT("avpu", "V"), END}, {TEXT("avpu", "P"), END}, {TEXT("avpu", "U"), END},
    };
    for (size_t i = 0; i < sizeof reds / sizeof reds[0]; i++) {
        if (band_with(reds[i], 3) != NEWS2_BAND_LOW_MEDIUM)
            fail_msg("%s alone scores 3 but is not low-medium", reds[i][0].key);
    }
    /* SpO2 scale 2 at 83 % on air scores 3 too */
    assert_int_equal(band_with((change[]){NUM("spo2_scale", 2), NUM("spo2", 83), END}, 3),
                     NEWS2_BAND_LOW_MEDIUM);
}

/* One below a red score in each parameter (2 at most) stays low. */
static void test_band_is_low_for_scores_of_two_alone(void **state)
{
    (void)state;
    static const change twos[][2] = {
        {NUM("rr", 24), END},  {NUM("spo2", 92), END},   {NUM("sbp", 91), END},
        {NUM("hr", 130), END}, {NUM("temp", 39.1), END}, {TEXT("o2", "2 L/min"), END},
    };
    for (size_t i = 0; i < sizeof twos / sizeof twos[0]; i++)
        if (band_with(twos[i], 2) != NEWS2_BAND_LOW)
            fail_msg("%s alone scores 2 but is not low", twos[i][0].key);
}

static void test_band_at_aggregate_four(void **state)
{
    (void)state;
    /* 2 + 2: no red score */
    assert_int_equal(band_with((change[]){NUM("rr", 21), NUM("hr", 111), END}, 4), NEWS2_BAND_LOW);
    /* AVPU C (3) + rr 9 (1): NEWS2 4 with a red score */
    assert_int_equal(band_with((change[]){TEXT("avpu", "C"), NUM("rr", 9), END}, 4),
                     NEWS2_BAND_LOW_MEDIUM);
}

static void test_band_is_medium_at_five_and_six(void **state)
{
    (void)state;
    assert_int_equal(
        band_with((change[]){NUM("rr", 21), NUM("hr", 111), NUM("temp", 38.5), END}, 5),
        NEWS2_BAND_MEDIUM);
    assert_int_equal(band_with((change[]){TEXT("avpu", "C"), NUM("rr", 21), END}, 5),
                     NEWS2_BAND_MEDIUM);
    assert_int_equal(band_with((change[]){NUM("rr", 21), NUM("hr", 111), NUM("sbp", 100), END}, 6),
                     NEWS2_BAND_MEDIUM);
    assert_int_equal(
        band_with((change[]){NUM("hr", 131), NUM("rr", 22), NUM("temp", 38.5), END}, 6),
        NEWS2_BAND_MEDIUM);
}

static void test_band_is_high_from_seven(void **state)
{
    (void)state;
    assert_int_equal(
        band_with(
            (change[]){NUM("rr", 21), NUM("hr", 111), NUM("sbp", 100), NUM("temp", 38.5), END}, 7),
        NEWS2_BAND_HIGH);
    assert_int_equal(
        band_with((change[]){TEXT("avpu", "C"), NUM("rr", 25), NUM("temp", 38.5), END}, 7),
        NEWS2_BAND_HIGH);
    assert_int_equal(band_with((change[]){TEXT("avpu", "U"), NUM("rr", 30), NUM("sbp", 80),
                                          NUM("hr", 140), NUM("spo2", 85), END},
                               15),
                     NEWS2_BAND_HIGH);
}

static void test_band_is_unknown_without_a_score(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    assert_int_equal(vitals_news2_band(&v), NEWS2_BAND_UNKNOWN);
    set_num(&v, "rr", 30); /* a red score, but no aggregate */
    assert_int_equal(vitals_news2_band(&v), NEWS2_BAND_UNKNOWN);
    vitals_free(&v);
}

static void test_band_names(void **state)
{
    (void)state;
    assert_string_equal(news2_band_name(NEWS2_BAND_LOW), "low");
    assert_string_equal(news2_band_name(NEWS2_BAND_LOW_MEDIUM), "low-medium");
    assert_string_equal(news2_band_name(NEWS2_BAND_MEDIUM), "medium");
    assert_string_equal(news2_band_name(NEWS2_BAND_HIGH), "high");
    assert_null(news2_band_name(NEWS2_BAND_UNKNOWN));
    assert_null(news2_band_name((news2_band)4));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_band_is_low_with_no_score),
        cmocka_unit_test(test_band_is_low_medium_for_each_red_score_alone),
        cmocka_unit_test(test_band_is_low_for_scores_of_two_alone),
        cmocka_unit_test(test_band_at_aggregate_four),
        cmocka_unit_test(test_band_is_medium_at_five_and_six),
        cmocka_unit_test(test_band_is_high_from_seven),
        cmocka_unit_test(test_band_is_unknown_without_a_score),
        cmocka_unit_test(test_band_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
