/* recap: the trainee's debrief, built from the log records themselves. */
#include "recap.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

static char *dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static const char *str_field(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static recap_mark mark_field(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsBool(v))
        return MARK_NONE;
    return cJSON_IsTrue(v) ? MARK_RIGHT : MARK_WRONG;
}

/* The option's label as the case wrote it, else its id. */
static const char *label_of(const case_node *n, const char *id)
{
    if (n && n->kind == NODE_DECISION) {
        const case_option *o = case_find_option(&n->decision, id);
        if (o && o->label)
            return o->label;
    }
    return id;
}

static char *best_text(const case_node *n, const cJSON *best)
{
    char buf[2048] = "";
    const cJSON *it;
    int i = 0;
    cJSON_ArrayForEach(it, best)
    {
        if (!cJSON_IsString(it))
            continue;
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s%s", i++ ? " or " : "",
                 label_of(n, it->valuestring));
    }
    return dup_str(buf);
}

/* Whether the trainee saw the advice at this decision. */
static bool advice_seen(const cJSON *d)
{
    const char *timing = str_field(d, "timing");
    if (!timing)
        return false;
    if (strcmp(timing, "on_request") != 0)
        return true;
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "advice_requested"));
}

static char *advice_text(const case_node *n, const cJSON *d)
{
    const char *ai = str_field(d, "ai");
    if (!ai || !advice_seen(d))
        return NULL;
    const cJSON *conf = cJSON_GetObjectItemCaseSensitive(d, "ai_confidence");
    char buf[1024];
    if (cJSON_IsNumber(conf) || cJSON_IsRaw(conf)) {
        double x = cJSON_IsNumber(conf) ? conf->valuedouble : atof(conf->valuestring);
        snprintf(buf, sizeof buf, "%s (%ld%% confident)", label_of(n, ai), lround(x * 100));
    } else {
        snprintf(buf, sizeof buf, "%s", label_of(n, ai));
    }
    return dup_str(buf);
}

static int add_decision(recap *r, const case_def *c, const cJSON *d)
{
    const char *node = str_field(d, "node");
    if (!node)
        return 0;
    recap_item *p = realloc(r->items, (r->n + 1) * sizeof *p);
    if (!p)
        return -1;
    r->items = p;
    recap_item *it = &r->items[r->n++];
    memset(it, 0, sizeof *it);
    const case_node *n = case_find_node(c, node);
    const char *initial = str_field(d, "initial"), *final = str_field(d, "final");
    it->node = dup_str(node);
    it->prompt =
        dup_str(n && n->kind == NODE_DECISION && n->decision.prompt ? n->decision.prompt : node);
    it->initial = initial ? dup_str(label_of(n, initial)) : NULL;
    it->initial_mark = mark_field(d, "initial_correct");
    it->advice = advice_text(n, d);
    it->advice_mark = it->advice ? mark_field(d, "ai_correct") : MARK_NONE;
    it->final = final ? dup_str(label_of(n, final)) : NULL;
    it->final_mark = mark_field(d, "final_correct");
    it->best = best_text(n, cJSON_GetObjectItemCaseSensitive(d, "best"));
    it->timed_out = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "timed_out"));
    const cJSON *trust = cJSON_GetObjectItemCaseSensitive(d, "trust");
    it->trust = cJSON_IsNumber(trust) ? trust->valueint : 0;
    it->debrief = n && n->debrief ? dup_str(n->debrief) : NULL;
    if (it->advice) {
        r->with_advice++;
        bool followed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "followed_ai"));
        r->followed += followed;
        if (it->advice_mark == MARK_WRONG) {
            r->ai_wrong++;
            r->ai_wrong_followed += followed;
        }
    }
    return 0;
}

/* A teaching point of a node that is not a decision (those go with their
 * decision), each once. */
static int add_point(recap *r, const case_def *c, const cJSON *rec)
{
    const case_node *n = case_find_node(c, str_field(rec, "node") ? str_field(rec, "node") : "");
    if (!n || !n->debrief || !n->debrief[0] || n->kind == NODE_DECISION)
        return 0;
    for (size_t i = 0; i < r->n_points; i++)
        if (strcmp(r->points[i], n->debrief) == 0)
            return 0;
    char **p = realloc(r->points, (r->n_points + 1) * sizeof *p);
    if (!p)
        return -1;
    r->points = p;
    r->points[r->n_points] = dup_str(n->debrief);
    return r->points[r->n_points++] ? 0 : -1;
}

static int add_line(recap *r, const case_def *c, const char *line)
{
    cJSON *rec = cJSON_Parse(line);
    if (!rec)
        return 0; /* a torn last line: skipped, as every reader does */
    const char *type = str_field(rec, "type");
    int rc = 0;
    if (type && strcmp(type, "decision") == 0)
        rc = add_decision(r, c, rec);
    else if (type && strcmp(type, "node") == 0)
        rc = add_point(r, c, rec);
    cJSON_Delete(rec);
    return rc;
}

/* The same figures `appraise debrief` gives, for this session alone; the
 * recap still stands without them. */
static void add_metrics(recap *r, const char *path)
{
    log_session *ls = NULL;
    apperr e;
    apperr_clear(&e);
    if (log_session_read(path, NULL, &ls, &e) != 0)
        return;
    metrics_acc *acc = metrics_acc_new();
    if (acc && metrics_acc_add_session(acc, ls) == 0) {
        metrics_acc_compute(acc, &r->m);
        r->has_metrics = true;
    }
    metrics_acc_free(acc);
    log_session_free(ls);
}

int recap_read(recap *r, const case_def *c, const char *path, apperr *e)
{
    memset(r, 0, sizeof *r);
    FILE *f = fopen(path, "r");
    if (!f) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot read the session log: %s", strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) >= 0)
        rc = add_line(r, c, line);
    free(line);
    fclose(f);
    if (rc != 0) {
        recap_free(r);
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return rc;
    }
    add_metrics(r, path);
    return 0;
}

void recap_free(recap *r)
{
    for (size_t i = 0; i < r->n; i++) {
        recap_item *it = &r->items[i];
        free(it->node);
        free(it->prompt);
        free(it->initial);
        free(it->advice);
        free(it->final);
        free(it->best);
        free(it->debrief);
    }
    for (size_t i = 0; i < r->n_points; i++)
        free(r->points[i]);
    free(r->items);
    free(r->points);
    memset(r, 0, sizeof *r);
}
