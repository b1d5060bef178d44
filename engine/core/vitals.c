/* vitals: the patient's observations, their validation against
 * scenario-format.md "Vitals", NEWS2 and the JSON the log carries.
 *
 * NEWS2 bands between printed values. The RCP chart prints its bands at the
 * precision observations are charted to: whole numbers, and 0.1 °C for
 * temperature (35.0 and below, 35.1-36.0, ...). A case may still hold a value
 * that falls between two printed bands (36.05 °C, 90.5 mmHg). Such a value is
 * read as the chart's user would read it: rounded to the chart's precision,
 * so each boundary sits halfway between the two printed values (36.05 °C
 * between 36.0 and 36.1). A value exactly on that halfway point scores in the
 * band with the higher score, because an early warning score should not
 * under-call a borderline observation: 35.05 scores 3, 36.05 scores 1, 38.05
 * scores 1, 39.05 scores 2.
 *
 * Oxygen: o2 absent or "air" (in any case: "Air" is not oxygen) is room air;
 * any other text is supplemental oxygen, so an empty o2 is refused rather
 * than scored as oxygen.
 *
 * JSON: the log's node record carries the vitals "as now shown", and the
 * screen shows a patient with no o2 as on air, so o2 is always emitted
 * ("air" when absent). Every other key appears only when known. */
#include "vitals.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cJSON.h>

#include "json_util.h"
#include "mem.h"

/* A number read back from Lua arithmetic may miss a halfway point by a few
 * ulps (35.0 + 0.05); anything this close counts as on the boundary. */
#define BOUNDARY_EPS 1e-9

typedef struct num_spec {
    const char *key;
    vital_num which;
    double lo, hi;
    bool whole; /* must be an integer */
} num_spec;

/* In display order; o2 and avpu are text and handled apart. */
static const num_spec NUM_SPECS[] = {
    {"hr", VITAL_HR, 0, 300, false},     {"sbp", VITAL_SBP, 0, 300, false},
    {"dbp", VITAL_DBP, 0, 300, false},   {"rr", VITAL_RR, 0, 80, false},
    {"spo2", VITAL_SPO2, 0, 100, false}, {"temp", VITAL_TEMP, 25, 45, false},
    {"gcs", VITAL_GCS, 3, 15, true},     {"glucose", VITAL_GLUCOSE, 0, 50, false},
    {"pain", VITAL_PAIN, 0, 10, false},  {"spo2_scale", VITAL_SPO2_SCALE, 1, 2, true},
};
#define N_NUM_SPECS (sizeof NUM_SPECS / sizeof NUM_SPECS[0])

#define KNOWN_KEYS "hr, sbp, dbp, rr, spo2, o2, temp, gcs, avpu, glucose, pain, spo2_scale"

void vitals_init(vitals *v)
{
    memset(v, 0, sizeof *v);
}

void vitals_free(vitals *v)
{
    if (!v)
        return;
    mem_free(v->o2);
    for (size_t i = 0; i < v->n_extra; i++) {
        mem_free(v->extra[i].key);
        mem_free(v->extra[i].text);
    }
    mem_free(v->extra);
    vitals_init(v);
}

static int extra_copy(vital_extra *dst, const vital_extra *src)
{
    *dst = *src;
    dst->key = mem_strdup(src->key);
    dst->text = src->text ? mem_strdup(src->text) : NULL;
    if (!dst->key || (src->text && !dst->text)) {
        mem_free(dst->key);
        mem_free(dst->text);
        return -1;
    }
    return 0;
}

int vitals_copy(vitals *dst, const vitals *src)
{
    vitals_init(dst);
    dst->set = src->set;
    memcpy(dst->num, src->num, sizeof dst->num);
    dst->avpu = src->avpu;
    if (src->o2 && !(dst->o2 = mem_strdup(src->o2)))
        goto fail;
    if (src->n_extra) {
        dst->extra = mem_calloc(src->n_extra, sizeof *dst->extra);
        if (!dst->extra)
            goto fail;
        dst->cap_extra = src->n_extra;
        for (; dst->n_extra < src->n_extra; dst->n_extra++)
            if (extra_copy(&dst->extra[dst->n_extra], &src->extra[dst->n_extra]) != 0)
                goto fail;
    }
    return 0;
fail:
    vitals_free(dst);
    return -1;
}

/* ---- vitals_set ---- */

static const num_spec *find_num_spec(const char *key)
{
    for (size_t i = 0; i < N_NUM_SPECS; i++)
        if (strcmp(NUM_SPECS[i].key, key) == 0)
            return &NUM_SPECS[i];
    return NULL;
}

/* How a rejected value reads in a message: the number, or the text quoted. */
static const char *value_text(bool is_num, double num, const char *text, char *buf, size_t size)
{
    if (is_num && isfinite(num))
        json_number_text(num, buf, size);
    else if (is_num)
        snprintf(buf, size, "%s", isnan(num) ? "nan" : "an infinite number");
    else if (text)
        snprintf(buf, size, "text \"%.60s\"", text);
    else
        snprintf(buf, size, "nothing");
    return buf;
}

static int set_num(vitals *v, const num_spec *s, bool is_num, double num, const char *text,
                   apperr *e)
{
    char got[96];
    bool ok = is_num && num >= s->lo && num <= s->hi && (!s->whole || num == floor(num));
    if (ok) {
        v->num[s->which] = num;
        v->set |= 1u << s->which;
        return 0;
    }
    value_text(is_num, num, text, got, sizeof got);
    if (s->which == VITAL_SPO2_SCALE)
        apperr_set(e, APPERR_INPUT, NULL, 0, "spo2_scale must be 1 or 2, got %s", got);
    else
        apperr_set(e, APPERR_INPUT, NULL, 0, "%s must be a %s from %g to %g, got %s", s->key,
                   s->whole ? "whole number" : "number", s->lo, s->hi, got);
    return -1;
}

static int set_avpu(vitals *v, bool is_num, double num, const char *text, apperr *e)
{
    char got[96];
    if (!is_num && text && strlen(text) == 1 && strchr("ACVPU", text[0])) {
        v->avpu = text[0];
        return 0;
    }
    apperr_set(e, APPERR_INPUT, NULL, 0,
               "avpu must be one of \"A\", \"C\", \"V\", \"P\", \"U\", got %s",
               value_text(is_num, num, text, got, sizeof got));
    return -1;
}

/* An empty o2 would silently count as supplemental oxygen in NEWS2. */
static int set_o2(vitals *v, bool is_num, double num, const char *text, apperr *e)
{
    char got[96];
    if (is_num || !text || !text[0]) {
        apperr_set(e, APPERR_INPUT, NULL, 0,
                   "o2 must be text (\"air\", or the oxygen given such as \"4 L/min\"), got %s",
                   value_text(is_num, num, text, got, sizeof got));
        return -1;
    }
    char *copy = mem_strdup(text);
    if (!copy) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    mem_free(v->o2);
    v->o2 = copy;
    return 0;
}

/* Where key is, or where it would go to keep extra sorted. */
static size_t extra_slot(const vitals *v, const char *key, bool *found)
{
    size_t lo = 0, hi = v->n_extra;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(v->extra[mid].key, key);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

static int set_extra(vitals *v, const char *key, bool is_num, double num, const char *text,
                     apperr *e)
{
    char got[96];
    bool found;
    if (!key[2]) {
        apperr_set(e, APPERR_INPUT, NULL, 0, "own vital 'x_' needs a name after x_");
        return -1;
    }
    if ((is_num && !isfinite(num)) || (!is_num && !text)) {
        apperr_set(e, APPERR_INPUT, NULL, 0, "%s must be a number or text, got %s", key,
                   value_text(is_num, num, text, got, sizeof got));
        return -1;
    }
    vital_extra x = {.key = mem_strdup(key), .is_num = is_num, .num = is_num ? num : 0};
    if (!is_num)
        x.text = mem_strdup(text);
    size_t at = extra_slot(v, key, &found);
    vital_extra *grown = mem_grow(v->extra, &v->cap_extra, v->n_extra + !found, sizeof *grown);
    if (grown)
        v->extra = grown; /* the old block may be gone now, even if a copy below fails */
    if (!x.key || (!is_num && !x.text) || !grown) {
        mem_free(x.key);
        mem_free(x.text);
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    if (found) {
        mem_free(v->extra[at].key);
        mem_free(v->extra[at].text);
    } else {
        memmove(&v->extra[at + 1], &v->extra[at], (v->n_extra - at) * sizeof *v->extra);
        v->n_extra++;
    }
    v->extra[at] = x;
    return 0;
}

int vitals_set(vitals *v, const char *key, bool is_num, double num, const char *text, apperr *e)
{
    const num_spec *s;
    if (!key) {
        apperr_set(e, APPERR_INPUT, NULL, 0, "a vital needs a key");
        return -1;
    }
    if ((s = find_num_spec(key)))
        return set_num(v, s, is_num, num, text, e);
    if (strcmp(key, "avpu") == 0)
        return set_avpu(v, is_num, num, text, e);
    if (strcmp(key, "o2") == 0)
        return set_o2(v, is_num, num, text, e);
    if (strncmp(key, "x_", 2) == 0)
        return set_extra(v, key, is_num, num, text, e);
    apperr_set(e, APPERR_INPUT, NULL, 0,
               "unknown vital '%.100s' (known: " KNOWN_KEYS "; own keys begin with x_)", key);
    return -1;
}

/* ---- NEWS2 ---- */

/* The score of x on a chart row: cut[i] is the boundary between band i and
 * band i + 1 (halfway between their printed values), score[] has n_cut + 1
 * entries. On a boundary the higher of the two scores counts. */
static int band_score(double x, const double *cut, const int *score, size_t n_cut)
{
    for (size_t i = 0; i < n_cut; i++) {
        if (x < cut[i] - BOUNDARY_EPS)
            return score[i];
        if (x <= cut[i] + BOUNDARY_EPS)
            return score[i] > score[i + 1] ? score[i] : score[i + 1];
    }
    return score[n_cut];
}

#define BAND(x, cuts, scores) band_score((x), (cuts), (scores), sizeof(cuts) / sizeof(cuts)[0])

/* <=8 3 | 9-11 1 | 12-20 0 | 21-24 2 | >=25 3 */
static int score_rr(double x)
{
    static const double cut[] = {8.5, 11.5, 20.5, 24.5};
    static const int score[] = {3, 1, 0, 2, 3};
    return BAND(x, cut, score);
}

/* Scale 1: <=91 3 | 92-93 2 | 94-95 1 | >=96 0 */
static int score_spo2_scale1(double x)
{
    static const double cut[] = {91.5, 93.5, 95.5};
    static const int score[] = {3, 2, 1, 0};
    return BAND(x, cut, score);
}

/* Scale 2: <=83 3 | 84-85 2 | 86-87 1 | 88-92, and >=93 on air, 0 |
 * on oxygen 93-94 1 | 95-96 2 | >=97 3. */
static int score_spo2_scale2(double x, bool on_oxygen)
{
    static const double cut[] = {83.5, 85.5, 87.5, 92.5, 94.5, 96.5};
    static const int score_o2[] = {3, 2, 1, 0, 1, 2, 3};
    static const int score_air[] = {3, 2, 1, 0, 0, 0, 0};
    return BAND(x, cut, on_oxygen ? score_o2 : score_air);
}

/* <=90 3 | 91-100 2 | 101-110 1 | 111-219 0 | >=220 3 */
static int score_sbp(double x)
{
    static const double cut[] = {90.5, 100.5, 110.5, 219.5};
    static const int score[] = {3, 2, 1, 0, 3};
    return BAND(x, cut, score);
}

/* <=40 3 | 41-50 1 | 51-90 0 | 91-110 1 | 111-130 2 | >=131 3 */
static int score_hr(double x)
{
    static const double cut[] = {40.5, 50.5, 90.5, 110.5, 130.5};
    static const int score[] = {3, 1, 0, 1, 2, 3};
    return BAND(x, cut, score);
}

/* <=35.0 3 | 35.1-36.0 1 | 36.1-38.0 0 | 38.1-39.0 1 | >=39.1 2 */
static int score_temp(double x)
{
    static const double cut[] = {35.05, 36.05, 38.05, 39.05};
    static const int score[] = {3, 1, 0, 1, 2};
    return BAND(x, cut, score);
}

static bool has(const vitals *v, vital_num n)
{
    return (v->set & (1u << n)) != 0;
}

/* 'A' or 'C'/'V'/'P'/'U'; from gcs when avpu is unknown (15 alert, else new
 * confusion); 0 when neither is known. */
static char consciousness(const vitals *v)
{
    if (v->avpu)
        return v->avpu;
    if (has(v, VITAL_GCS))
        return v->num[VITAL_GCS] >= 15 ? 'A' : 'C';
    return 0;
}

static bool on_oxygen(const vitals *v)
{
    return v->o2 && strcasecmp(v->o2, "air") != 0;
}

/* The NEWS2 aggregate, and the highest score of a single parameter in
 * *single (supplemental oxygen, which scores 2, counts as one); -1 when a
 * parameter is unknown. */
static int news2_scores(const vitals *v, int *single)
{
    static const vital_num needed[] = {VITAL_RR, VITAL_SPO2, VITAL_SBP, VITAL_HR, VITAL_TEMP};
    char level = consciousness(v);
    *single = 0;
    if (!level)
        return -1;
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        if (!has(v, needed[i]))
            return -1;
    bool o2 = on_oxygen(v);
    bool scale2 = has(v, VITAL_SPO2_SCALE) && v->num[VITAL_SPO2_SCALE] == 2;
    double spo2 = v->num[VITAL_SPO2];
    const int part[] = {
        score_rr(v->num[VITAL_RR]),
        scale2 ? score_spo2_scale2(spo2, o2) : score_spo2_scale1(spo2),
        o2 ? 2 : 0,
        score_sbp(v->num[VITAL_SBP]),
        score_hr(v->num[VITAL_HR]),
        level == 'A' ? 0 : 3,
        score_temp(v->num[VITAL_TEMP]),
    };
    int total = 0;
    for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
        total += part[i];
        if (part[i] > *single)
            *single = part[i];
    }
    return total;
}

int vitals_news2(const vitals *v)
{
    int single;
    return news2_scores(v, &single);
}

/* Royal College of Physicians, National Early Warning Score (NEWS) 2,
 * updated report of a working party, London: RCP, 2017: Chart 3 ("NEWS
 * thresholds and triggers": aggregate 0-4 low; a red score, 3 in any single
 * parameter, low-medium; 5-6 medium; 7 or more high) and Chart 4 ("Clinical
 * response to the NEWS trigger thresholds": "3 in single parameter" calls
 * for the medical team's review, 5 or more for an urgent response, 7 or
 * more for an emergency response). A red score does not lower a band the
 * aggregate already gives: with 5 or more it is medium or high. */
news2_band vitals_news2_band(const vitals *v)
{
    int single, total = news2_scores(v, &single);
    if (total < 0)
        return NEWS2_BAND_UNKNOWN;
    if (total >= 7)
        return NEWS2_BAND_HIGH;
    if (total >= 5)
        return NEWS2_BAND_MEDIUM;
    return single >= 3 ? NEWS2_BAND_LOW_MEDIUM : NEWS2_BAND_LOW;
}

const char *news2_band_name(news2_band b)
{
    static const char *const names[] = {
        [NEWS2_BAND_LOW] = "low",
        [NEWS2_BAND_LOW_MEDIUM] = "low-medium",
        [NEWS2_BAND_MEDIUM] = "medium",
        [NEWS2_BAND_HIGH] = "high",
    };
    return b >= NEWS2_BAND_LOW && b <= NEWS2_BAND_HIGH ? names[b] : NULL;
}

/* ---- JSON ---- */

static bool add_num(cJSON *obj, const char *key, double x)
{
    cJSON *n = json_number(x);
    if (n && cJSON_AddItemToObject(obj, key, n))
        return true;
    cJSON_Delete(n);
    return false;
}

static bool add_text(cJSON *obj, const char *key, const char *s)
{
    return cJSON_AddStringToObject(obj, key, s) != NULL;
}

/* hr, sbp, dbp, rr, spo2 come before o2; the rest after. */
static bool add_nums(cJSON *obj, const vitals *v, vital_num from, vital_num to)
{
    for (size_t i = 0; i < N_NUM_SPECS; i++) {
        const num_spec *s = &NUM_SPECS[i];
        if (s->which >= from && s->which < to && has(v, s->which) &&
            !add_num(obj, s->key, v->num[s->which]))
            return false;
    }
    return true;
}

/* o2 is always present: absent means the patient is shown as on air. gcs,
 * avpu, glucose, pain and spo2_scale appear only when known. */
cJSON *vitals_to_json(const vitals *v)
{
    cJSON *obj = cJSON_CreateObject();
    char avpu[2] = {v->avpu, '\0'};
    bool ok = obj && add_nums(obj, v, VITAL_HR, VITAL_TEMP) &&
              add_text(obj, "o2", v->o2 ? v->o2 : "air") &&
              add_nums(obj, v, VITAL_TEMP, VITAL_GLUCOSE) &&
              (!v->avpu || add_text(obj, "avpu", avpu)) &&
              add_nums(obj, v, VITAL_GLUCOSE, VITAL_NUM_COUNT);
    for (size_t i = 0; ok && i < v->n_extra; i++) {
        const vital_extra *x = &v->extra[i];
        ok = x->is_num ? add_num(obj, x->key, x->num) : add_text(obj, x->key, x->text);
    }
    if (!ok) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}
