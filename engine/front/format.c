/* format: what the window writes, kept apart from drawing so that it is
 * tested without a display. Out-of-range marks reuse the core's NEWS2 bands
 * (vitals_news2 on an otherwise normal patient) rather than a second copy of
 * the chart. */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "json_util.h"
#include "time_of_day.h"

static bool has(const vitals *v, vital_num n)
{
    return (v->set & (1u << n)) != 0;
}

/* A patient who scores 0: the values each observation is set against. */
static void normal_patient(vitals *base, const vitals *v)
{
    vitals_init(base);
    base->set = (1u << VITAL_RR) | (1u << VITAL_SPO2) | (1u << VITAL_SBP) | (1u << VITAL_HR) |
                (1u << VITAL_TEMP);
    base->num[VITAL_RR] = 16;
    base->num[VITAL_SPO2] = 97;
    base->num[VITAL_SBP] = 120;
    base->num[VITAL_HR] = 70;
    base->num[VITAL_TEMP] = 37;
    base->avpu = 'A';
    if (has(v, VITAL_SPO2_SCALE)) {
        base->set |= 1u << VITAL_SPO2_SCALE;
        base->num[VITAL_SPO2_SCALE] = v->num[VITAL_SPO2_SCALE];
    }
    base->o2 = v->o2; /* borrowed: scale 2 scores SpO2 by oxygen */
}

/* NEWS2 points of observation n at value x for this patient. */
static int news2_part(const vitals *v, vital_num n, double x)
{
    vitals base;
    normal_patient(&base, v);
    if (n == VITAL_SPO2 && has(v, VITAL_SPO2_SCALE) && v->num[VITAL_SPO2_SCALE] == 2)
        base.num[VITAL_SPO2] = 90; /* the target range of scale 2 */
    int zero = vitals_news2(&base);
    base.num[n] = x;
    return vitals_news2(&base) - zero;
}

static ui_flag flag_of(int part, double x, double normal)
{
    if (part <= 0)
        return FLAG_NONE;
    return x < normal ? FLAG_LOW : FLAG_HIGH;
}

static ui_vital_row *next_row(ui_vital_row *rows, size_t *n, size_t max, const char *label,
                              const char *unit)
{
    if (*n >= max)
        return NULL;
    ui_vital_row *r = &rows[(*n)++];
    memset(r, 0, sizeof *r);
    snprintf(r->label, sizeof r->label, "%s", label);
    snprintf(r->unit, sizeof r->unit, "%s", unit);
    r->news2_part = -1;
    return r;
}

static void scored(ui_vital_row *r, const vitals *v, vital_num n, double normal)
{
    char num[32];
    json_number_text(v->num[n], num, sizeof num);
    snprintf(r->value, sizeof r->value, "%s", num);
    r->news2_part = news2_part(v, n, v->num[n]);
    r->flag = flag_of(r->news2_part, v->num[n], normal);
}

static void add_bp(const vitals *v, ui_vital_row *rows, size_t *n, size_t max)
{
    char s[32], d[32];
    if (!has(v, VITAL_SBP) && !has(v, VITAL_DBP))
        return;
    ui_vital_row *r = next_row(rows, n, max, "BP", "mmHg");
    if (!r)
        return;
    if (has(v, VITAL_SBP))
        scored(r, v, VITAL_SBP, 120);
    json_number_text(v->num[VITAL_SBP], s, sizeof s);
    json_number_text(v->num[VITAL_DBP], d, sizeof d);
    snprintf(r->value, sizeof r->value, "%s/%s", has(v, VITAL_SBP) ? s : "?",
             has(v, VITAL_DBP) ? d : "?");
}

static void add_scored(const vitals *v, vital_num which, const char *label, const char *unit,
                       double normal, ui_vital_row *rows, size_t *n, size_t max)
{
    if (!has(v, which))
        return;
    ui_vital_row *r = next_row(rows, n, max, label, unit);
    if (r)
        scored(r, v, which, normal);
}

static void add_plain(const vitals *v, vital_num which, const char *label, const char *unit,
                      ui_vital_row *rows, size_t *n, size_t max)
{
    if (!has(v, which))
        return;
    ui_vital_row *r = next_row(rows, n, max, label, unit);
    if (!r)
        return;
    double x = v->num[which];
    json_number_text(x, r->value, sizeof r->value);
    if (which == VITAL_GCS && x < 15)
        r->flag = FLAG_LOW;
    if (which == VITAL_GLUCOSE && (x < 4 || x > 11))
        r->flag = x < 4 ? FLAG_LOW : FLAG_HIGH;
}

static void add_o2(const vitals *v, ui_vital_row *rows, size_t *n, size_t max)
{
    ui_vital_row *r = next_row(rows, n, max, "O\xe2\x82\x82", "");
    if (!r)
        return;
    bool air = !v->o2 || strcasecmp(v->o2, "air") == 0;
    snprintf(r->value, sizeof r->value, "%s", air ? "air" : v->o2);
    r->news2_part = air ? 0 : 2;
    r->flag = air ? FLAG_NONE : FLAG_ABNORMAL;
}

static void add_avpu(const vitals *v, ui_vital_row *rows, size_t *n, size_t max)
{
    if (!v->avpu)
        return;
    ui_vital_row *r = next_row(rows, n, max, "AVPU", "");
    if (!r)
        return;
    static const char *const names[] = {"A", "C (new confusion)", "V", "P", "U"};
    const char *text = v->avpu == 'A'   ? names[0]
                       : v->avpu == 'C' ? names[1]
                       : v->avpu == 'V' ? names[2]
                       : v->avpu == 'P' ? names[3]
                                        : names[4];
    snprintf(r->value, sizeof r->value, "%s", text);
    r->news2_part = v->avpu == 'A' ? 0 : 3;
    r->flag = v->avpu == 'A' ? FLAG_NONE : FLAG_ABNORMAL;
}

static void add_extras(const vitals *v, ui_vital_row *rows, size_t *n, size_t max)
{
    for (size_t i = 0; i < v->n_extra; i++) {
        const vital_extra *x = &v->extra[i];
        const char *key = strncmp(x->key, "x_", 2) == 0 ? x->key + 2 : x->key;
        ui_vital_row *r = next_row(rows, n, max, key, "");
        if (!r)
            return;
        for (char *p = r->label; *p; p++)
            if (*p == '_')
                *p = ' ';
        if (x->is_num)
            json_number_text(x->num, r->value, sizeof r->value);
        else
            snprintf(r->value, sizeof r->value, "%s", x->text ? x->text : "");
    }
}

size_t ui_vital_rows(const vitals *v, ui_vital_row *rows, size_t max)
{
    size_t n = 0;
    add_scored(v, VITAL_HR, "HR", "/min", 70, rows, &n, max);
    add_bp(v, rows, &n, max);
    add_scored(v, VITAL_RR, "RR", "/min", 16, rows, &n, max);
    add_scored(v, VITAL_SPO2, "SpO\xe2\x82\x82", "%", 97, rows, &n, max);
    add_o2(v, rows, &n, max);
    add_scored(v, VITAL_TEMP, "Temp",
               "\xc2\xb0"
               "C",
               37, rows, &n, max);
    add_plain(v, VITAL_GCS, "GCS", "", rows, &n, max);
    add_avpu(v, rows, &n, max);
    add_plain(v, VITAL_GLUCOSE, "Glucose", "mmol/L", rows, &n, max);
    add_plain(v, VITAL_PAIN, "Pain", "/10", rows, &n, max);
    add_plain(v, VITAL_SPO2_SCALE, "SpO\xe2\x82\x82 scale", "", rows, &n, max);
    add_extras(v, rows, &n, max);
    return n;
}

const char *ui_format_minutes(double minutes, char *buf, size_t size)
{
    long m = minutes > 0 ? lround(minutes) : 0;
    if (m < 60)
        snprintf(buf, size, "%ld min", m);
    else if (m % 60 == 0)
        snprintf(buf, size, "%ld h", m / 60);
    else
        snprintf(buf, size, "%ld h %ld min", m / 60, m % 60);
    return buf;
}

const char *ui_format_case_clock(bool has_start, int start, double minutes, char *buf, size_t size)
{
    char m[48], t[16];
    ui_format_minutes(minutes, m, sizeof m);
    if (has_start)
        snprintf(buf, size, "%s \xc2\xb7 %s in", time_of_day_format(start, minutes, t, sizeof t),
                 m);
    else
        snprintf(buf, size, "Case clock: %s", m);
    return buf;
}

const char *ui_format_countdown(int64_t ms_left, char *buf, size_t size)
{
    long long s = ms_left > 0 ? (ms_left + 999) / 1000 : 0;
    snprintf(buf, size, "%lld:%02lld", s / 60, s % 60);
    return buf;
}

const char *ui_format_percent(double fraction, char *buf, size_t size)
{
    snprintf(buf, size, "%ld%%", lround(fraction * 100.0));
    return buf;
}

int ui_countdown_next_change(int64_t ms_left)
{
    if (ms_left <= 0)
        return 1000;
    int r = (int)(ms_left % 1000);
    return r == 0 ? 1000 : r;
}
