#include "debrief_json.h"

#include "debrief_fmt.h"

#include <stdlib.h>
#include <string.h>

#include "json_util.h"
#include "metrics_curve.h"

const char *debrief_json_value_text(metric_kind kind, const metric_value *v, char *buf, size_t size)
{
    if (!v->has) {
        snprintf(buf, size, "null");
        return buf;
    }
    json_number_text(v->value, buf, size);
    if (kind != METRIC_KIND_COUNT && !strpbrk(buf, ".en") && strlen(buf) + 3 <= size)
        strcat(buf, ".0");
    return buf;
}

static cJSON *raw(const char *text)
{
    return cJSON_CreateRaw(text);
}

static bool add_long(cJSON *obj, const char *key, long n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", n);
    return cJSON_AddItemToObject(obj, key, raw(buf));
}

static cJSON *outcomes(const metrics *m)
{
    cJSON *o = cJSON_CreateObject();
    for (int k = 0; o && k < LOG_OUTCOMES; k++)
        if (!add_long(o, log_outcome_name((log_outcome)k), m->outcomes[k])) {
            cJSON_Delete(o);
            return NULL;
        }
    return o;
}

/* num, den, ci_low and ci_high of a proportion into o. */
static bool add_proportion_fields(cJSON *o, const metric_value *v)
{
    char buf[40];
    metric_value lo = {.has = v->has, .value = v->ci_low};
    metric_value hi = {.has = v->has, .value = v->ci_high};
    return add_long(o, "num", v->num) && add_long(o, "den", v->den) &&
           cJSON_AddItemToObject(
               o, "ci_low",
               raw(debrief_json_value_text(METRIC_KIND_PROPORTION, &lo, buf, sizeof buf))) &&
           cJSON_AddItemToObject(
               o, "ci_high",
               raw(debrief_json_value_text(METRIC_KIND_PROPORTION, &hi, buf, sizeof buf)));
}

/* {"value": …, "num": …, "den": …, "ci_low": …, "ci_high": …} */
static cJSON *proportion(const metric_value *v)
{
    char buf[40];
    cJSON *o = cJSON_CreateObject();
    if (!o ||
        !cJSON_AddItemToObject(
            o, "value", raw(debrief_json_value_text(METRIC_KIND_PROPORTION, v, buf, sizeof buf))) ||
        !add_proportion_fields(o, v)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *figure(const metrics *m, metric_id id)
{
    char buf[40];
    metric_kind kind = metrics_kind(id);
    const metric_value *v = &m->m[id];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON *value = kind == METRIC_KIND_OUTCOMES
                       ? outcomes(m)
                       : raw(debrief_json_value_text(kind, v, buf, sizeof buf));
    bool ok = cJSON_AddItemToObject(o, "value", value);
    if (kind == METRIC_KIND_PROPORTION)
        ok = ok && add_proportion_fields(o, v);
    else if (kind == METRIC_KIND_STAT)
        ok = ok && add_long(o, "n", v->n);
    if (id == METRIC_ADJUSTED_TIME_LIMITS) /* which adjustments, as outcomes are told */
        ok = ok && add_long(o, "double", m->time_limits[TIME_LIMITS_DOUBLE]) &&
             add_long(o, "off", m->time_limits[TIME_LIMITS_OFF]);
    for (int k = 0; id == METRIC_SESSIONS && k < METRICS_STATUSES; k++) /* how each ended */
        ok = ok && add_long(o, log_status_name((log_status)k), m->status[k]);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

cJSON *debrief_json_metrics(const metrics *m)
{
    cJSON *o = cJSON_CreateObject();
    for (int id = 0; o && id < METRIC_COUNT; id++) {
        cJSON *f = figure(m, (metric_id)id);
        if (!f || !cJSON_AddItemToObject(o, metrics_name((metric_id)id), f)) {
            cJSON_Delete(f);
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

cJSON *debrief_json_by(const metrics_set *set, size_t g)
{
    const metrics_key *keys;
    size_t n = metrics_set_keys(set, &keys);
    cJSON *by = cJSON_CreateObject();
    for (size_t k = 0; by && k < n; k++)
        if (!json_add_string_or_null(by, metrics_key_name(keys[k]), metrics_set_value(set, g, k))) {
            cJSON_Delete(by);
            return NULL;
        }
    return by;
}

/* "reliance_table": the 8 cells, initial_correct slowest, final_correct
 * fastest. */
static cJSON *reliance_table(const metrics *m)
{
    cJSON *list = cJSON_CreateArray();
    for (int cell = 0; list && cell < 8; cell++) {
        int i = cell >> 2 & 1, a = cell >> 1 & 1, f = cell & 1;
        cJSON *o = cJSON_CreateObject();
        bool ok = o && cJSON_AddBoolToObject(o, "initial_correct", i) &&
                  cJSON_AddBoolToObject(o, "ai_correct", a) &&
                  cJSON_AddBoolToObject(o, "final_correct", f) &&
                  add_long(o, "count", m->table[i][a][f]) && cJSON_AddItemToArray(list, o);
        if (!ok) {
            cJSON_Delete(o);
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

/* "accuracy_split": {"unaided": {"all", "ai_right", "ai_wrong"}, "with_ai":
 * {…}, "ai": {…}}, each a proportion. */
static cJSON *accuracy_split(const metrics *m)
{
    static const char *const rows[] = {"unaided", "with_ai", "ai"};
    static const char *const cols[] = {"all", "ai_right", "ai_wrong"};
    cJSON *o = cJSON_CreateObject();
    for (int r = 0; o && r < 3; r++) {
        cJSON *row = cJSON_CreateObject();
        for (int c = 0; row && c < 3; c++)
            if (!json_add_item(row, cols[c], proportion(&m->accuracy_split[r][c]))) {
                cJSON_Delete(row);
                row = NULL;
            }
        if (!json_add_item(o, rows[r], row)) {
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

static cJSON *explanation_catch(const metrics *m)
{
    cJSON *o = cJSON_CreateObject();
    if (!json_add_item(o, "opened", proportion(&m->explanation_catch[1])) ||
        !json_add_item(o, "not_opened", proportion(&m->explanation_catch[0]))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

bool debrief_json_add_research(cJSON *group, const metrics *m)
{
    return json_add_item(group, "reliance_table", reliance_table(m)) &&
           json_add_item(group, "accuracy_split", accuracy_split(m)) &&
           json_add_item(group, "explanation_catch", explanation_catch(m));
}

static char *group_text(const metrics_set *set, size_t g)
{
    metrics m;
    metrics_set_metrics(set, g, &m);
    cJSON *o = cJSON_CreateObject();
    cJSON *by = debrief_json_by(set, g);
    cJSON *ms = debrief_json_metrics(&m);
    char *text = NULL;
    if (o && by && cJSON_AddItemToObject(o, "by", by)) {
        by = NULL;
        if (ms && cJSON_AddItemToObject(o, "metrics", ms)) {
            ms = NULL;
            if (debrief_json_add_research(o, &m))
                text = cJSON_PrintUnformatted(o);
        }
    }
    cJSON_Delete(by);
    cJSON_Delete(ms);
    cJSON_Delete(o);
    return text;
}

int debrief_json_write(FILE *f, const metrics_set *set)
{
    return debrief_json_write_with(f, set, 0, NULL);
}

cJSON *debrief_json_curve(const metrics_curve *c)
{
    const metrics_curve_point *p;
    size_t n = c ? metrics_curve_points(c, &p) : 0;
    cJSON *list = c ? cJSON_CreateArray() : NULL;
    for (size_t k = 0; list && k < n; k++) {
        cJSON *o = cJSON_CreateObject();
        bool ok = o && add_long(o, "k", p[k].k) &&
                  json_add_item(o, "over_reliance", proportion(&p[k].over)) &&
                  json_add_item(o, "under_reliance", proportion(&p[k].under)) &&
                  add_long(o, "trainees", p[k].trainees) && cJSON_AddItemToArray(list, o);
        if (!ok) {
            cJSON_Delete(o);
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

int debrief_json_write_with(FILE *f, const metrics_set *set, long runs_left_out, const cJSON *extra)
{
    size_t n = metrics_set_groups(set);
    fprintf(f, "{\"v\":1,\"runs_left_out\":%ld,\"groups\":[", runs_left_out);
    for (size_t g = 0; g < n; g++) {
        char *text = group_text(set, g);
        if (!text)
            return -1;
        fprintf(f, "%s\n%s", g ? "," : "", text);
        cJSON_free(text);
    }
    cJSON *curve = debrief_json_curve(metrics_set_curve(set));
    char *text = curve ? cJSON_PrintUnformatted(curve) : NULL;
    cJSON_Delete(curve);
    if (!text)
        return -1;
    fprintf(f, "],\n\"learning_curve\":%s", text);
    cJSON_free(text);
    for (const cJSON *m = extra ? extra->child : NULL; m; m = m->next) {
        char *item = cJSON_PrintUnformatted(m);
        if (!item)
            return -1;
        fputs(",\n", f);
        debrief_fmt_json_string(f, m->string);
        fprintf(f, ":%s", item);
        cJSON_free(item);
    }
    fputs("}\n", f);
    return ferror(f) ? -1 : 0;
}
