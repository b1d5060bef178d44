/* vitals: the patient's observations as shown, their validation, and NEWS2
 * (Royal College of Physicians, National Early Warning Score 2, 2017). */
#ifndef VITALS_H
#define VITALS_H

#include <stdbool.h>
#include <stddef.h>

#include "apperr.h"

struct cJSON;

/* Numeric vitals, in the order they are shown (cli/scenario-format order:
 * hr, BP (sbp/dbp), rr, spo2, o2, temp, gcs, avpu, glucose, pain, spo2_scale). */
typedef enum vital_num {
    VITAL_HR,
    VITAL_SBP,
    VITAL_DBP,
    VITAL_RR,
    VITAL_SPO2,
    VITAL_TEMP,
    VITAL_GCS,
    VITAL_GLUCOSE,
    VITAL_PAIN,
    VITAL_SPO2_SCALE,
    VITAL_NUM_COUNT
} vital_num;

/* An author's own observation, key without its x_ prefix kept as written. */
typedef struct vital_extra {
    char *key;  /* the full key, with the x_ prefix */
    bool is_num;
    double num;
    char *text; /* when !is_num */
} vital_extra;

typedef struct vitals {
    unsigned set;               /* bit (1u << vital_num) when that number is known */
    double num[VITAL_NUM_COUNT];
    char avpu;                  /* 'A','C','V','P','U', or 0 when unknown */
    char *o2;                   /* NULL when absent (shown as "air") */
    vital_extra *extra;         /* sorted by key */
    size_t n_extra, cap_extra;
} vitals;

void vitals_init(vitals *v);
void vitals_free(vitals *v);
/* Deep copy; returns 0, or -1 when out of memory. */
int vitals_copy(vitals *dst, const vitals *src);

/* Sets one vital by its case-format key, checking the key and the range of
 * scenario-format.md "Vitals". Numbers come as is_num with num, text as text.
 * On a bad key, type or value fills e (kind APPERR_INPUT, message only; the
 * caller adds the place) and returns -1. */
int vitals_set(vitals *v, const char *key, bool is_num, double num, const char *text, apperr *e);

/* NEWS2 aggregate score, or -1 when rr, spo2, sbp, hr, temp or a level of
 * consciousness (avpu, else gcs) is unknown. Uses SpO2 scale 2 when
 * spo2_scale is 2, and counts o2 other than absent/"air" as supplemental. */
int vitals_news2(const vitals *v);

/* The NEWS2 clinical risk band of RCP 2017 (Chart 3): aggregate 0-4 low, a
 * single parameter scoring 3 with an aggregate of 4 or less low-medium,
 * 5-6 medium, 7 or more high; unknown when NEWS2 is (vitals_news2 -1). */
typedef enum news2_band {
    NEWS2_BAND_UNKNOWN = -1,
    NEWS2_BAND_LOW,
    NEWS2_BAND_LOW_MEDIUM,
    NEWS2_BAND_MEDIUM,
    NEWS2_BAND_HIGH
} news2_band;
news2_band vitals_news2_band(const vitals *v);
/* "low", "low-medium", "medium", "high"; NULL for unknown. */
const char *news2_band_name(news2_band b);

/* The vitals as a JSON object with the case-format keys in display order
 * (extras last, by key), as the log's node record carries them. */
struct cJSON *vitals_to_json(const vitals *v);

#endif
