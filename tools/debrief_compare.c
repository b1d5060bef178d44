/* debrief_compare: this group beside another (debrief_compare.h). */
#include "debrief_compare.h"

#include <string.h>

#include "debrief_json.h"
#include "debrief_report.h"
#include "debrief_words.h"
#include "mem.h"
#include "strbuf.h"

typedef struct reader {
    debrief_compare *c;
    bool include_runs;
} reader;

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    reader *r = ctx;
    r->c->sessions++;
    if (!r->include_runs && log_session_is_practice(s)) {
        r->c->runs_left_out++;
        return 0;
    }
    if (metrics_set_add(r->c->set, s) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory reading the group to compare");
        return -1;
    }
    return 0;
}

static void on_issue(void *ctx, const log_issue *is)
{
    char buf[2048];
    (void)ctx;
    log_issue_format(is, buf, sizeof buf);
    fprintf(stderr, "appraise: --compare: %s\n", buf);
}

int debrief_compare_read(debrief_compare *c, const char *const *paths, size_t n, bool include_runs,
                         apperr *e)
{
    reader r = {c, include_runs};
    log_read_opts o = {.on_session = on_session, .on_issue = on_issue, .ctx = &r};
    strbuf b = STRBUF_INIT;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < n; i++) {
        strbuf_adds(&b, i ? ", " : "");
        strbuf_adds(&b, paths[i]);
    }
    c->label = strbuf_finish(&b);
    if (!c->label || metrics_set_new(&c->set, NULL, 0) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory reading the group to compare");
        return -1;
    }
    if (log_read_paths(paths, n, &o, NULL, e) != 0)
        return -1;
    metrics_set_finish(c->set);
    return 0;
}

void debrief_compare_free(debrief_compare *c)
{
    metrics_set_free(c->set);
    mem_free(c->label);
    memset(c, 0, sizeof *c);
}

/* One figure as a cell: "32.7% (16/49)", "1 of 1 (small sample)", "0.72
 * (n=40)", "12", "n/a". */
static const char *cell(const metrics *m, metric_id id, char *buf, size_t size)
{
    const metric_value *v = &m->m[id];
    switch (metrics_kind(id)) {
    case METRIC_KIND_PROPORTION:
        if (!v->has)
            snprintf(buf, size, "n/a (%ld/%ld)", v->num, v->den);
        else if (v->den < METRICS_SMALL_N)
            snprintf(buf, size, "%ld of %ld (small sample)", v->num, v->den);
        else
            snprintf(buf, size, "%.1f%% (%ld/%ld)", 100.0 * v->value, v->num, v->den);
        break;
    case METRIC_KIND_STAT:
        if (v->has)
            snprintf(buf, size, "%.2f (n=%ld)", v->value, v->n);
        else
            snprintf(buf, size, "n/a (n=0)");
        break;
    default:
        snprintf(buf, size, "%.0f", v->value);
        break;
    }
    return buf;
}

static const metric_id rows[] = {
    METRIC_SESSIONS,       METRIC_DECISIONS,        METRIC_OVER_RELIANCE, METRIC_UNDER_RELIANCE,
    METRIC_FINAL_ACCURACY, METRIC_UNAIDED_ACCURACY, METRIC_AI_ACCURACY,   METRIC_AGREEMENT,
    METRIC_DISCRIMINATION, METRIC_TRUST_AUROC,
};

void debrief_compare_print(FILE *f, const metrics *mine, const debrief_compare *c)
{
    metrics other;
    char a[64], b[64];
    metrics_set_metrics(c->set, 0, &other);
    fprintf(f, "\nBeside the other group (%s):\n", c->label);
    fprintf(f, "  %-34s %-26s %s\n", "", "this group", "other group");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        fprintf(f, "  %-34s %-26s %s\n", debrief_words(rows[i])->name,
                cell(mine, rows[i], a, sizeof a), cell(&other, rows[i], b, sizeof b));
    if (c->runs_left_out > 0)
        fprintf(f, "  (the other group: %ld practice session%s left out)\n", c->runs_left_out,
                c->runs_left_out == 1 ? "" : "s");
}

cJSON *debrief_compare_json(const debrief_compare *c, const char *const *paths, size_t n)
{
    metrics other;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_CreateArray(), *ms;
    metrics_set_metrics(c->set, 0, &other);
    ms = debrief_json_metrics(&other);
    if (!o || !list || !ms || !cJSON_AddItemToObject(o, "paths", list)) {
        cJSON_Delete(o);
        cJSON_Delete(list);
        cJSON_Delete(ms);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        cJSON *p = cJSON_CreateString(paths[i]);
        if (!p || !cJSON_AddItemToArray(list, p)) {
            cJSON_Delete(p);
            cJSON_Delete(o);
            cJSON_Delete(ms);
            return NULL;
        }
    }
    if (!cJSON_AddNumberToObject(o, "runs_left_out", (double)c->runs_left_out) ||
        !cJSON_AddItemToObject(o, "metrics", ms)) {
        cJSON_Delete(o);
        cJSON_Delete(ms);
        return NULL;
    }
    return o;
}
