/* vitals: validation against scenario-format.md "Vitals", NEWS2 against the
 * Royal College of Physicians chart (2017), and the JSON the log carries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "vitals.h"

#include "failing_alloc.h"

/* ---- helpers ---- */

static void set_ok(vitals *v, const char *key, double x)
{
    apperr e;
    apperr_clear(&e);
    if (vitals_set(v, key, true, x, NULL, &e) != 0)
        fail_msg("%s = %g refused: %s", key, x, e.msg);
}

static void set_text_ok(vitals *v, const char *key, const char *s)
{
    apperr e;
    apperr_clear(&e);
    if (vitals_set(v, key, false, 0, s, &e) != 0)
        fail_msg("%s = \"%s\" refused: %s", key, s, e.msg);
}

/* Sets and expects a refusal; returns the message (static buffer). */
static const char *set_fails(vitals *v, const char *key, bool is_num, double x, const char *s)
{
    static apperr e;
    apperr_clear(&e);
    assert_int_equal(vitals_set(v, key, is_num, x, s, &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_true(e.msg[0] != '\0');
    return e.msg;
}

/* A patient who scores 0 on every NEWS2 parameter: rr 16, SpO2 97 % on
 * air, systolic 120, pulse 70, alert, 37.0 °C. */
static void healthy(vitals *v)
{
    vitals_init(v);
    set_ok(v, "rr", 16);
    set_ok(v, "spo2", 97);
    set_ok(v, "sbp", 120);
    set_ok(v, "hr", 70);
    set_ok(v, "temp", 37.0);
    set_text_ok(v, "avpu", "A");
}

/* NEWS2 of the healthy patient with one value changed. */
static int news2_with(const char *key, double x)
{
    vitals v;
    healthy(&v);
    set_ok(&v, key, x);
    int score = vitals_news2(&v);
    vitals_free(&v);
    return score;
}

static char *json_text(const vitals *v)
{
    cJSON *obj = vitals_to_json(v);
    assert_non_null(obj);
    char *s = cJSON_PrintUnformatted(obj);
    cJSON_Delete(obj);
    assert_non_null(s);
    return s;
}

typedef struct band_case {
    double x;
    int score;
} band_case;

static void check_bands(const char *key, const band_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int got = news2_with(key, c[i].x);
        if (got != c[i].score)
            fail_msg("%s %.17g: NEWS2 %d, expected %d", key, c[i].x, got, c[i].score);
    }
}

#define CHECK_BANDS(key, table) check_bands((key), (table), sizeof(table) / sizeof(table)[0])

/* ---- ranges ---- */

typedef struct range_case {
    const char *key;
    double lo, hi;
} range_case;

static const range_case RANGES[] = {
    {"hr", 0, 300},   {"sbp", 0, 300}, {"dbp", 0, 300},    {"rr", 0, 80},   {"spo2", 0, 100},
    {"temp", 25, 45}, {"gcs", 3, 15},  {"glucose", 0, 50}, {"pain", 0, 10}, {"spo2_scale", 1, 2},
};
#define N_RANGES (sizeof RANGES / sizeof RANGES[0])

static void test_vitals_accepts_both_ends_of_every_range(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_RANGES; i++) {
        vitals v;
        vitals_init(&v);
        set_ok(&v, RANGES[i].key, RANGES[i].lo);
        cJSON *obj = vitals_to_json(&v);
        assert_non_null(obj);
        /* json_number nodes are raw text with valuedouble filled in */
        assert_true(cJSON_GetObjectItem(obj, RANGES[i].key)->valuedouble == RANGES[i].lo);
        cJSON_Delete(obj);
        set_ok(&v, RANGES[i].key, RANGES[i].hi);
        obj = vitals_to_json(&v);
        assert_non_null(obj);
        assert_true(cJSON_GetObjectItem(obj, RANGES[i].key)->valuedouble == RANGES[i].hi);
        cJSON_Delete(obj);
        vitals_free(&v);
    }
}

static void test_vitals_rejects_values_just_outside_every_range(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_RANGES; i++) {
        vitals v;
        vitals_init(&v);
        set_fails(&v, RANGES[i].key, true, nextafter(RANGES[i].lo, -1000), NULL);
        set_fails(&v, RANGES[i].key, true, nextafter(RANGES[i].hi, 1000), NULL);
        set_fails(&v, RANGES[i].key, true, RANGES[i].lo - 1, NULL);
        set_fails(&v, RANGES[i].key, true, RANGES[i].hi + 1, NULL);
        assert_int_equal(v.set, 0u); /* nothing was stored */
        vitals_free(&v);
    }
}

static void test_vitals_out_of_range_message_names_key_range_and_value(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    assert_string_equal(set_fails(&v, "hr", true, 400, NULL),
                        "hr must be a number from 0 to 300, got 400");
    assert_string_equal(set_fails(&v, "temp", true, 45.5, NULL),
                        "temp must be a number from 25 to 45, got 45.5");
    assert_string_equal(set_fails(&v, "gcs", true, 16, NULL),
                        "gcs must be a whole number from 3 to 15, got 16");
    assert_string_equal(set_fails(&v, "spo2_scale", true, 3, NULL),
                        "spo2_scale must be 1 or 2, got 3");
    vitals_free(&v);
}

static void test_vitals_rejects_non_finite_numbers(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    assert_string_equal(set_fails(&v, "hr", true, NAN, NULL),
                        "hr must be a number from 0 to 300, got nan");
    set_fails(&v, "temp", true, INFINITY, NULL);
    set_fails(&v, "x_score", true, NAN, NULL);
    assert_int_equal(v.set, 0u);
    assert_int_equal(v.n_extra, 0);
    vitals_free(&v);
}

static void test_vitals_gcs_and_spo2_scale_must_be_whole(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    set_ok(&v, "gcs", 14);
    assert_string_equal(set_fails(&v, "gcs", true, 14.5, NULL),
                        "gcs must be a whole number from 3 to 15, got 14.5");
    set_fails(&v, "spo2_scale", true, 1.5, NULL);
    assert_true(v.num[VITAL_GCS] == 14); /* a refused value leaves the old one */
    vitals_free(&v);
}

static void test_vitals_number_key_refuses_text(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    assert_string_equal(set_fails(&v, "hr", false, 0, "fast"),
                        "hr must be a number from 0 to 300, got text \"fast\"");
    set_fails(&v, "rr", false, 0, NULL);
    assert_int_equal(v.set, 0u);
    vitals_free(&v);
}

static void test_vitals_avpu_accepts_only_the_five_levels(void **state)
{
    (void)state;
    const char *good[] = {"A", "C", "V", "P", "U"};
    const char *bad[] = {"a", "X", "AV", "", "Alert"};
    vitals v;
    vitals_init(&v);
    for (size_t i = 0; i < 5; i++) {
        set_text_ok(&v, "avpu", good[i]);
        assert_int_equal(v.avpu, good[i][0]);
    }
    for (size_t i = 0; i < 5; i++)
        set_fails(&v, "avpu", false, 0, bad[i]);
    assert_string_equal(set_fails(&v, "avpu", false, 0, "X"),
                        "avpu must be one of \"A\", \"C\", \"V\", \"P\", \"U\", got text \"X\"");
    assert_string_equal(set_fails(&v, "avpu", true, 3, NULL),
                        "avpu must be one of \"A\", \"C\", \"V\", \"P\", \"U\", got 3");
    assert_int_equal(v.avpu, 'U');
    vitals_free(&v);
}

static void test_vitals_o2_must_be_non_empty_text(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    set_text_ok(&v, "o2", "2 L/min nasal cannulae");
    set_text_ok(&v, "o2", "15 L/min non-rebreather");
    assert_string_equal(v.o2, "15 L/min non-rebreather");
    set_fails(&v, "o2", true, 2, NULL);
    set_fails(&v, "o2", false, 0, "");
    set_fails(&v, "o2", false, 0, NULL);
    assert_string_equal(v.o2, "15 L/min non-rebreather");
    vitals_free(&v);
}

static void test_vitals_unknown_key_lists_the_known_ones(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    assert_string_equal(set_fails(&v, "heart_rate", true, 80, NULL),
                        "unknown vital 'heart_rate' (known: hr, sbp, dbp, rr, spo2, o2, temp, gcs, "
                        "avpu, glucose, pain, spo2_scale; own keys begin with x_)");
    set_fails(&v, "HR", true, 80, NULL);
    set_fails(&v, "X_cap_refill", false, 0, "3 s");
    set_fails(&v, NULL, true, 80, NULL);
    assert_int_equal(v.set, 0u);
    assert_int_equal(v.n_extra, 0);
    vitals_free(&v);
}

static void test_vitals_own_keys_keep_numbers_and_text_sorted(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    set_text_ok(&v, "x_cap_refill", "3 s");
    set_ok(&v, "x_a_score", 1e6);
    set_ok(&v, "x_lactate", 4.1);
    set_text_ok(&v, "x_cap_refill", "4 s"); /* replaces, does not add */
    set_ok(&v, "x_z", -3);                  /* own keys have no range */
    assert_int_equal(v.n_extra, 4);
    assert_string_equal(v.extra[0].key, "x_a_score");
    assert_string_equal(v.extra[1].key, "x_cap_refill");
    assert_false(v.extra[1].is_num);
    assert_string_equal(v.extra[1].text, "4 s");
    assert_string_equal(v.extra[2].key, "x_lactate");
    assert_true(v.extra[2].is_num);
    assert_true(v.extra[2].num == 4.1);
    assert_string_equal(v.extra[3].key, "x_z");
    /* text replaced by a number and back */
    set_ok(&v, "x_cap_refill", 3);
    assert_true(v.extra[1].is_num);
    set_text_ok(&v, "x_cap_refill", "brisk");
    assert_string_equal(v.extra[1].text, "brisk");
    assert_int_equal(v.n_extra, 4);
    vitals_free(&v);
}

static void test_vitals_own_key_needs_a_name_and_a_value(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    assert_string_equal(set_fails(&v, "x_", true, 1, NULL), "own vital 'x_' needs a name after x_");
    assert_string_equal(set_fails(&v, "x_note", false, 0, NULL),
                        "x_note must be a number or text, got nothing");
    assert_int_equal(v.n_extra, 0);
    vitals_free(&v);
}

static void test_vitals_copy_is_deep(void **state)
{
    (void)state;
    vitals a, b;
    healthy(&a);
    set_text_ok(&a, "o2", "2 L/min");
    set_text_ok(&a, "x_note", "clammy");
    set_ok(&a, "x_lactate", 4.1);
    assert_int_equal(vitals_copy(&b, &a), 0);
    assert_int_equal(b.set, a.set);
    assert_int_equal(b.avpu, 'A');
    assert_ptr_not_equal(b.o2, a.o2);
    assert_string_equal(b.o2, "2 L/min");
    assert_int_equal(b.n_extra, 2);
    assert_ptr_not_equal(b.extra, a.extra);
    assert_ptr_not_equal(b.extra[1].text, a.extra[1].text);
    assert_string_equal(b.extra[1].text, "clammy");
    vitals_free(&a); /* b must survive a's release (ASan checks) */
    char *s = json_text(&b);
    assert_string_equal(s, "{\"hr\":70,\"sbp\":120,\"rr\":16,\"spo2\":97,\"o2\":\"2 L/min\","
                           "\"temp\":37,\"avpu\":\"A\",\"x_lactate\":4.1,\"x_note\":\"clammy\"}");
    free(s);
    vitals_free(&b);
    vitals_free(&b); /* freeing twice is harmless: free leaves it empty */
    vitals_init(&a);
    assert_int_equal(vitals_copy(&b, &a), 0);
    assert_null(b.extra);
    vitals_free(&b);
}

/* ---- NEWS2 single parameters (RCP NEWS2 chart, 2017) ---- */

static void test_news2_healthy_patient_scores_zero(void **state)
{
    (void)state;
    vitals v;
    healthy(&v);
    assert_int_equal(vitals_news2(&v), 0);
    vitals_free(&v);
}

static void test_news2_respiration_rate_bands(void **state)
{
    (void)state;
    /* <=8 3 | 9-11 1 | 12-20 0 | 21-24 2 | >=25 3 */
    static const band_case c[] = {{0, 3},  {8, 3},  {9, 1},  {11, 1}, {12, 0},
                                  {20, 0}, {21, 2}, {24, 2}, {25, 3}, {80, 3}};
    CHECK_BANDS("rr", c);
}

static void test_news2_spo2_scale1_bands(void **state)
{
    (void)state;
    /* <=91 3 | 92-93 2 | 94-95 1 | >=96 0 */
    static const band_case c[] = {{0, 3},  {91, 3}, {92, 2}, {93, 2},
                                  {94, 1}, {95, 1}, {96, 0}, {100, 0}};
    CHECK_BANDS("spo2", c);
}

static void test_news2_systolic_bp_bands(void **state)
{
    (void)state;
    /* <=90 3 | 91-100 2 | 101-110 1 | 111-219 0 | >=220 3 */
    static const band_case c[] = {{0, 3},   {90, 3},  {91, 2},  {100, 2}, {101, 1},
                                  {110, 1}, {111, 0}, {219, 0}, {220, 3}, {300, 3}};
    CHECK_BANDS("sbp", c);
}

static void test_news2_pulse_bands(void **state)
{
    (void)state;
    /* <=40 3 | 41-50 1 | 51-90 0 | 91-110 1 | 111-130 2 | >=131 3 */
    static const band_case c[] = {{0, 3},  {40, 3},  {41, 1},  {50, 1},  {51, 0},  {90, 0},
                                  {91, 1}, {110, 1}, {111, 2}, {130, 2}, {131, 3}, {300, 3}};
    CHECK_BANDS("hr", c);
}

static void test_news2_temperature_bands(void **state)
{
    (void)state;
    /* <=35.0 3 | 35.1-36.0 1 | 36.1-38.0 0 | 38.1-39.0 1 | >=39.1 2 */
    static const band_case c[] = {{25, 3},   {35.0, 3}, {35.1, 1}, {36.0, 1}, {36.1, 0},
                                  {38.0, 0}, {38.1, 1}, {39.0, 1}, {39.1, 2}, {45, 2}};
    CHECK_BANDS("temp", c);
}

/* Values between two printed bands round to the chart's precision; exactly
 * halfway scores the higher band. */
static void test_news2_temperature_between_printed_bands(void **state)
{
    (void)state;
    static const band_case c[] = {
        {35.04, 3}, {35.05, 3}, {35.06, 1}, {36.04, 1}, {36.05, 1}, {36.06, 0},
        {38.04, 0}, {38.05, 1}, {38.06, 1}, {39.04, 1}, {39.05, 2}, {39.06, 2},
    };
    CHECK_BANDS("temp", c);
    /* the same halfway point reached by arithmetic, as a case function might */
    assert_int_equal(news2_with("temp", 35.0 + 0.05), 3);
    assert_int_equal(news2_with("temp", 36.0 + 0.05), 1);
    assert_int_equal(news2_with("temp", 39.0 + 0.05), 2);
}

static void test_news2_whole_number_rows_between_printed_bands(void **state)
{
    (void)state;
    static const band_case sbp[] = {{90.4, 3}, {90.5, 3}, {90.6, 2}, {219.4, 0}, {219.5, 3}};
    static const band_case hr[] = {{40.5, 3}, {50.5, 1}, {90.5, 1}, {90.4, 0}, {130.6, 3}};
    static const band_case rr[] = {{8.5, 3}, {11.5, 1}, {11.6, 0}, {20.5, 2}, {24.4, 2}};
    static const band_case spo2[] = {{91.5, 3}, {91.6, 2}, {95.5, 1}, {95.6, 0}};
    CHECK_BANDS("sbp", sbp);
    CHECK_BANDS("hr", hr);
    CHECK_BANDS("rr", rr);
    CHECK_BANDS("spo2", spo2);
}

static void test_news2_any_level_below_alert_scores_three(void **state)
{
    (void)state;
    const char *levels[] = {"A", "C", "V", "P", "U"};
    const int expect[] = {0, 3, 3, 3, 3};
    for (size_t i = 0; i < 5; i++) {
        vitals v;
        healthy(&v);
        set_text_ok(&v, "avpu", levels[i]);
        assert_int_equal(vitals_news2(&v), expect[i]);
        vitals_free(&v);
    }
}

static void test_news2_supplemental_oxygen_adds_two(void **state)
{
    (void)state;
    vitals v;
    healthy(&v);
    set_text_ok(&v, "o2", "air");
    assert_int_equal(vitals_news2(&v), 0);
    set_text_ok(&v, "o2", "Air"); /* how it is written does not make it oxygen */
    assert_int_equal(vitals_news2(&v), 0);
    set_text_ok(&v, "o2", "2 L/min");
    assert_int_equal(vitals_news2(&v), 2);
    set_ok(&v, "spo2", 93); /* scale 1 scores the same on air or oxygen */
    assert_int_equal(vitals_news2(&v), 2 + 2);
    vitals_free(&v);
}

/* NEWS2 of the healthy patient on SpO2 scale 2, with the given SpO2 and o2
 * (NULL: on air). */
static int scale2(double spo2, const char *o2)
{
    vitals v;
    healthy(&v);
    set_ok(&v, "spo2_scale", 2);
    set_ok(&v, "spo2", spo2);
    if (o2)
        set_text_ok(&v, "o2", o2);
    int score = vitals_news2(&v);
    vitals_free(&v);
    return score;
}

static void test_news2_spo2_scale2_on_air(void **state)
{
    (void)state;
    /* <=83 3 | 84-85 2 | 86-87 1 | 88-92 0 | >=93 on air 0 */
    static const band_case c[] = {{0, 3},  {83, 3}, {84, 2}, {85, 2}, {86, 1}, {87, 1},
                                  {88, 0}, {92, 0}, {93, 0}, {96, 0}, {97, 0}, {100, 0}};
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (scale2(c[i].x, NULL) != c[i].score)
            fail_msg("scale 2 on air, spo2 %g: %d, expected %d", c[i].x, scale2(c[i].x, NULL),
                     c[i].score);
    assert_int_equal(scale2(97, "air"), 0);
}

static void test_news2_spo2_scale2_on_oxygen(void **state)
{
    (void)state;
    /* SpO2 score plus 2 for oxygen: <=83 3 | 84-85 2 | 86-87 1 | 88-92 0 |
     * 93-94 1 | 95-96 2 | >=97 3 */
    static const band_case c[] = {{83, 3}, {84, 2}, {85, 2},  {86, 1},   {87, 1},
                                  {88, 0}, {92, 0}, {93, 1},  {94, 1},   {95, 2},
                                  {96, 2}, {97, 3}, {100, 3}, {92.5, 1}, {92.4, 0}};
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (scale2(c[i].x, "28% Venturi") != c[i].score + 2)
            fail_msg("scale 2 on oxygen, spo2 %g: %d, expected %d", c[i].x,
                     scale2(c[i].x, "28% Venturi"), c[i].score + 2);
}

static void test_news2_scale1_when_spo2_scale_absent_or_one(void **state)
{
    (void)state;
    vitals v;
    healthy(&v);
    set_ok(&v, "spo2", 90);
    assert_int_equal(vitals_news2(&v), 3); /* scale 1: <=91 */
    set_ok(&v, "spo2_scale", 1);
    assert_int_equal(vitals_news2(&v), 3);
    set_ok(&v, "spo2_scale", 2);
    assert_int_equal(vitals_news2(&v), 0); /* scale 2: 88-92 */
    vitals_free(&v);
}

/* ---- NEWS2 whole patients ---- */

static void test_news2_sepsis_patient_scores_fourteen(void **state)
{
    (void)state;
    /* The scenario-format.md example, by hand from the chart:
     *   rr 26        >=25        3
     *   spo2 91      scale 1 <=91 3
     *   o2 air                   0
     *   sbp 92       91-100      2
     *   hr 118       111-130     2
     *   avpu V       CVPU        3
     *   temp 38.9    38.1-39.0   1
     *   total                   14   (dbp 54 and gcs 14 do not count) */
    vitals v;
    vitals_init(&v);
    set_ok(&v, "hr", 118);
    set_ok(&v, "sbp", 92);
    set_ok(&v, "dbp", 54);
    set_ok(&v, "rr", 26);
    set_ok(&v, "spo2", 91);
    set_ok(&v, "temp", 38.9);
    set_ok(&v, "gcs", 14);
    set_text_ok(&v, "avpu", "V");
    set_text_ok(&v, "o2", "air");
    assert_int_equal(vitals_news2(&v), 14);
    vitals_free(&v);
}

static void test_news2_copd_patient_on_scale2_with_oxygen(void **state)
{
    (void)state;
    /*   rr 22        21-24              2
     *   spo2 90      scale 2, 88-92     0
     *   o2 2 L/min   oxygen             2
     *   sbp 105      101-110            1
     *   hr 95        91-110             1
     *   gcs 15       alert              0
     *   temp 37.5    36.1-38.0          0
     *   total                           6 */
    vitals v;
    vitals_init(&v);
    set_ok(&v, "rr", 22);
    set_ok(&v, "spo2", 90);
    set_ok(&v, "spo2_scale", 2);
    set_text_ok(&v, "o2", "2 L/min");
    set_ok(&v, "sbp", 105);
    set_ok(&v, "hr", 95);
    set_ok(&v, "gcs", 15);
    set_ok(&v, "temp", 37.5);
    assert_int_equal(vitals_news2(&v), 6);
    vitals_free(&v);
}

static void test_news2_is_null_when_a_parameter_is_missing(void **state)
{
    (void)state;
    const char *keys[] = {"rr", "spo2", "sbp", "hr", "temp"};
    const vital_num which[] = {VITAL_RR, VITAL_SPO2, VITAL_SBP, VITAL_HR, VITAL_TEMP};
    for (size_t i = 0; i < 5; i++) {
        vitals v;
        healthy(&v);
        v.set &= ~(1u << which[i]);
        if (vitals_news2(&v) != -1)
            fail_msg("NEWS2 computed without %s", keys[i]);
        vitals_free(&v);
    }
    vitals v;
    healthy(&v);
    v.avpu = 0; /* no avpu and no gcs */
    assert_int_equal(vitals_news2(&v), -1);
    vitals_free(&v);
    vitals_init(&v);
    assert_int_equal(vitals_news2(&v), -1);
    vitals_free(&v);
}

static void test_news2_falls_back_on_gcs_when_avpu_unknown(void **state)
{
    (void)state;
    vitals v;
    healthy(&v);
    v.avpu = 0;
    set_ok(&v, "gcs", 15);
    assert_int_equal(vitals_news2(&v), 0); /* 15: alert */
    set_ok(&v, "gcs", 14);
    assert_int_equal(vitals_news2(&v), 3); /* below 15: new confusion */
    set_ok(&v, "gcs", 3);
    assert_int_equal(vitals_news2(&v), 3);
    set_text_ok(&v, "avpu", "A"); /* avpu, when known, wins over gcs */
    assert_int_equal(vitals_news2(&v), 0);
    vitals_free(&v);
}

/* ---- JSON ---- */

static void test_vitals_json_in_display_order_with_shortest_numbers(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    /* set in a scrambled order */
    set_ok(&v, "x_sepsis_p", 0.87);
    set_ok(&v, "spo2_scale", 1);
    set_ok(&v, "pain", 3);
    set_ok(&v, "glucose", 5.5);
    set_text_ok(&v, "avpu", "V");
    set_ok(&v, "gcs", 14);
    set_ok(&v, "temp", 38.9);
    set_text_ok(&v, "x_cap_refill", "3 s");
    set_ok(&v, "spo2", 91);
    set_ok(&v, "rr", 26);
    set_ok(&v, "dbp", 54);
    set_ok(&v, "sbp", 92);
    set_ok(&v, "hr", 118);
    char *s = json_text(&v);
    assert_string_equal(s, "{\"hr\":118,\"sbp\":92,\"dbp\":54,\"rr\":26,\"spo2\":91,\"o2\":\"air\","
                           "\"temp\":38.9,\"gcs\":14,\"avpu\":\"V\",\"glucose\":5.5,\"pain\":3,"
                           "\"spo2_scale\":1,\"x_cap_refill\":\"3 s\",\"x_sepsis_p\":0.87}");
    free(s);
    vitals_free(&v);
}

static void test_vitals_json_shows_o2_as_given_or_air(void **state)
{
    (void)state;
    vitals v;
    vitals_init(&v);
    char *s = json_text(&v);
    assert_string_equal(s, "{\"o2\":\"air\"}"); /* nothing known: still on air */
    free(s);
    set_ok(&v, "temp", 36.05);
    set_text_ok(&v, "o2", "4 L/min");
    s = json_text(&v);
    assert_string_equal(s, "{\"o2\":\"4 L/min\",\"temp\":36.05}");
    free(s);
    vitals_free(&v);
}

/* ---- out of memory ---- */

static void full_patient(vitals *v)
{
    healthy(v);
    set_text_ok(v, "o2", "2 L/min");
    set_text_ok(v, "x_note", "clammy");
    set_ok(v, "x_lactate", 4.1);
}

/* Fails each allocation of vitals_copy in turn: -1, an empty copy and no
 * block left behind, until the copy succeeds. */
static void test_vitals_copy_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    vitals a, b;
    full_patient(&a);
    long k = 0;
    for (;; k++) {
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = vitals_copy(&b, &a);
        alloc_fail_in = -1;
        if (rc == 0)
            break;
        assert_int_equal(alloc_live, before);
        assert_null(b.o2);
        assert_null(b.extra);
        assert_int_equal(b.n_extra, 0);
    }
    assert_int_equal(k, 5); /* o2, the array, two keys, one text */
    assert_string_equal(b.extra[1].text, "clammy");
    vitals_free(&a);
    vitals_free(&b);
}

/* A set that runs out of memory reports it and leaves the vitals as they were. */
static void test_vitals_set_out_of_memory_keeps_old_values(void **state)
{
    (void)state;
    vitals v;
    apperr e;
    full_patient(&v);
    const char *keys[] = {"o2", "x_new", "x_note"};
    int refused = 0;
    for (size_t i = 0; i < 3; i++) {
        for (long k = 0; k < 3; k++) {
            long before = alloc_live;
            alloc_fail_in = k;
            int rc = vitals_set(&v, keys[i], false, 0, "replacement", &e);
            alloc_fail_in = -1;
            if (rc == 0) {
                vitals_free(&v);
                full_patient(&v);
                continue;
            }
            refused++;
            assert_int_equal(e.kind, APPERR_ENV);
            assert_string_equal(e.msg, "out of memory");
            assert_int_equal(alloc_live, before);
            assert_string_equal(v.o2, "2 L/min");
            assert_int_equal(v.n_extra, 2);
            assert_string_equal(v.extra[1].key, "x_note");
            assert_string_equal(v.extra[1].text, "clammy");
        }
    }
    /* o2: its copy; x_new: key, text (the array has room); x_note: key, text */
    assert_int_equal(refused, 1 + 2 + 2);
    vitals_free(&v);
}

/* A new own key that needs a larger array, which cannot be had: refused,
 * and every key before it is still there. */
static void test_vitals_set_that_cannot_grow_its_array_keeps_old_values(void **state)
{
    (void)state;
    vitals v;
    apperr e;
    char key[32];
    vitals_init(&v);
    for (int i = 0; v.n_extra == 0 || v.n_extra < v.cap_extra; i++) {
        snprintf(key, sizeof key, "x_%02d", i);
        set_ok(&v, key, i);
    }
    size_t n = v.n_extra;
    long before = alloc_live;
    alloc_fail_in = 1; /* the key's copy, then the array */
    assert_int_equal(vitals_set(&v, "x_zz", true, 1, NULL, &e), -1);
    alloc_fail_in = -1;
    assert_int_equal(e.kind, APPERR_ENV);
    assert_int_equal(alloc_live, before);
    assert_int_equal(v.n_extra, n);
    for (size_t i = 0; i < n; i++) {
        snprintf(key, sizeof key, "x_%02d", (int)i);
        assert_string_equal(v.extra[i].key, key);
        assert_true(v.extra[i].num == (double)i);
    }
    set_ok(&v, "x_zz", 1); /* and grows once memory is back */
    assert_int_equal(v.n_extra, n + 1);
    vitals_free(&v);
    assert_int_equal(alloc_live, before - (long)n - 1);
}

static void test_vitals_json_out_of_memory_returns_null(void **state)
{
    (void)state;
    vitals v;
    full_patient(&v);
    cJSON *obj = NULL;
    long k = 0;
    for (;; k++) {
        long before = alloc_live;
        alloc_fail_in = k;
        obj = vitals_to_json(&v);
        alloc_fail_in = -1;
        if (obj)
            break;
        assert_int_equal(alloc_live, before);
    }
    assert_true(k > 10);
    cJSON_Delete(obj);
    vitals_free(&v);
}
static int install_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_install();
    return 0;
}

static int remove_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_remove();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vitals_accepts_both_ends_of_every_range),
        cmocka_unit_test(test_vitals_rejects_values_just_outside_every_range),
        cmocka_unit_test(test_vitals_out_of_range_message_names_key_range_and_value),
        cmocka_unit_test(test_vitals_rejects_non_finite_numbers),
        cmocka_unit_test(test_vitals_gcs_and_spo2_scale_must_be_whole),
        cmocka_unit_test(test_vitals_number_key_refuses_text),
        cmocka_unit_test(test_vitals_avpu_accepts_only_the_five_levels),
        cmocka_unit_test(test_vitals_o2_must_be_non_empty_text),
        cmocka_unit_test(test_vitals_unknown_key_lists_the_known_ones),
        cmocka_unit_test(test_vitals_own_keys_keep_numbers_and_text_sorted),
        cmocka_unit_test(test_vitals_own_key_needs_a_name_and_a_value),
        cmocka_unit_test(test_vitals_copy_is_deep),
        cmocka_unit_test(test_news2_healthy_patient_scores_zero),
        cmocka_unit_test(test_news2_respiration_rate_bands),
        cmocka_unit_test(test_news2_spo2_scale1_bands),
        cmocka_unit_test(test_news2_systolic_bp_bands),
        cmocka_unit_test(test_news2_pulse_bands),
        cmocka_unit_test(test_news2_temperature_bands),
        cmocka_unit_test(test_news2_temperature_between_printed_bands),
        cmocka_unit_test(test_news2_whole_number_rows_between_printed_bands),
        cmocka_unit_test(test_news2_any_level_below_alert_scores_three),
        cmocka_unit_test(test_news2_supplemental_oxygen_adds_two),
        cmocka_unit_test(test_news2_spo2_scale2_on_air),
        cmocka_unit_test(test_news2_spo2_scale2_on_oxygen),
        cmocka_unit_test(test_news2_scale1_when_spo2_scale_absent_or_one),
        cmocka_unit_test(test_news2_sepsis_patient_scores_fourteen),
        cmocka_unit_test(test_news2_copd_patient_on_scale2_with_oxygen),
        cmocka_unit_test(test_news2_is_null_when_a_parameter_is_missing),
        cmocka_unit_test(test_news2_falls_back_on_gcs_when_avpu_unknown),
        cmocka_unit_test(test_vitals_json_in_display_order_with_shortest_numbers),
        cmocka_unit_test(test_vitals_json_shows_o2_as_given_or_air),
        cmocka_unit_test_setup_teardown(test_vitals_copy_out_of_memory_leaks_nothing,
                                        install_failing_alloc, remove_failing_alloc),
        cmocka_unit_test_setup_teardown(test_vitals_set_that_cannot_grow_its_array_keeps_old_values,
                                        install_failing_alloc, remove_failing_alloc),
        cmocka_unit_test_setup_teardown(test_vitals_set_out_of_memory_keeps_old_values,
                                        install_failing_alloc, remove_failing_alloc),
        cmocka_unit_test_setup_teardown(test_vitals_json_out_of_memory_returns_null,
                                        install_failing_alloc, remove_failing_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
