#include "debrief_json.h"

#include "debrief_fmt.h"

#include <stdlib.h>
#include <string.h>

#include "json_util.h"

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
    if (kind == METRIC_KIND_PROPORTION) {
        metric_value lo = {.has = v->has, .value = v->ci_low};
        metric_value hi = {.has = v->has, .value = v->ci_high};
        ok = ok && add_long(o, "num", v->num) && add_long(o, "den", v->den) &&
             cJSON_AddItemToObject(o, "ci_low",
                                   raw(debrief_json_value_text(kind, &lo, buf, sizeof buf))) &&
             cJSON_AddItemToObject(o, "ci_high",
                                   raw(debrief_json_value_text(kind, &hi, buf, sizeof buf)));
    } else if (kind == METRIC_KIND_STAT)
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
    return debrief_json_write_runs(f, set, 0);
}

int debrief_json_write_runs(FILE *f, const metrics_set *set, long runs_left_out)
{
    return debrief_json_write_with(f, set, runs_left_out, NULL);
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
    fputs("]", f);
    for (const cJSON *m = extra ? extra->child : NULL; m; m = m->next) {
        char *text = cJSON_PrintUnformatted(m);
        if (!text)
            return -1;
        fputs(",\n", f);
        debrief_fmt_json_string(f, m->string);
        fprintf(f, ":%s", text);
        cJSON_free(text);
    }
    fputs("}\n", f);
    return ferror(f) ? -1 : 0;
}
