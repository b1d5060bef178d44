/* debrief_json_nodes: "decisions" and "caught_out" of debrief --json
 * (debrief_json_nodes.h). */
#include "debrief_json_nodes.h"

#include "json_util.h"

/* key: an integer. */
static bool add_count(cJSON *o, const char *key, long n)
{
    return json_add_int_or_null(o, key, true, n) != NULL;
}

/* o when all its parts were added, else NULL (o freed). */
static cJSON *whole(cJSON *o, bool ok)
{
    if (ok)
        return o;
    cJSON_Delete(o);
    return NULL;
}

static cJSON *teachings(const debrief_node *d)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; list && k < d->n_teachings; k++) {
        const debrief_teaching *t = &d->teachings[k];
        cJSON *o = cJSON_CreateObject();
        bool ok = o && json_add_string_or_null(o, "text", t->text) &&
                  json_add_string_or_null(o, "ai", t->ai) &&
                  add_count(o, "decisions", t->decisions);
        if (!json_append(list, whole(o, ok))) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

static cJSON *options(const debrief_node *d)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; list && k < d->n_options; k++) {
        const debrief_node_option *p = &d->options[k];
        cJSON *o = cJSON_CreateObject();
        bool ok = o && json_add_string_or_null(o, "id", p->id) &&
                  json_add_string_or_null(o, "label", p->label) &&
                  cJSON_AddBoolToObject(o, "best", p->best) &&
                  add_count(o, "advised", p->advised) && add_count(o, "initial", p->initial) &&
                  add_count(o, "final", p->final);
        if (!json_append(list, whole(o, ok))) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

/* The option id at flow index i; NULL (JSON null) for "no choice". */
static const char *flow_id(const debrief_node *d, size_t i)
{
    return i < d->n_options ? d->options[i].id : NULL;
}

/* [{initial, final, count}], the non-zero cells, initial slowest. */
static cJSON *flow(const debrief_node *d)
{
    size_t w = d->n_options + 1;
    cJSON *list = cJSON_CreateArray();
    for (size_t c = 0; list && c < w * w; c++) {
        if (d->flow[c] == 0)
            continue;
        cJSON *o = cJSON_CreateObject();
        bool ok = o && json_add_string_or_null(o, "initial", flow_id(d, c / w)) &&
                  json_add_string_or_null(o, "final", flow_id(d, c % w)) &&
                  add_count(o, "count", d->flow[c]);
        if (!json_append(list, whole(o, ok))) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

static cJSON *trust(const debrief_node *d)
{
    cJSON *list = cJSON_CreateArray();
    for (int k = 1; list && k <= 7; k++)
        if (!json_append(list, json_int(d->trust_hist[k]))) {
            cJSON_Delete(list);
            return NULL;
        }
    return list;
}

static cJSON *block(const debrief_node *d)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o && json_add_string_or_null(o, "case", d->case_id) &&
              json_add_string_or_null(o, "case_title", d->case_title) &&
              json_add_string_or_null(o, "node", d->node_id) &&
              json_add_string_or_null(o, "title", d->title) &&
              json_add_string_or_null(o, "prompt", d->prompt) &&
              json_add_item(o, "teachings", teachings(d)) &&
              add_count(o, "decisions", d->decisions) &&
              add_count(o, "advice_shown", d->advice_shown) &&
              add_count(o, "ai_right", d->ai_right) && add_count(o, "ai_wrong", d->ai_wrong);
    if (ok)
        ok = d->ai_confidence_n > 0
                 ? json_add_number(o, "ai_confidence_mean", d->ai_confidence_mean)
                 : cJSON_AddNullToObject(o, "ai_confidence_mean");
    ok = ok && json_add_item(o, "options", options(d)) && json_add_item(o, "flow", flow(d)) &&
         add_count(o, "toward_ai", d->toward_ai) && add_count(o, "away_from_ai", d->away_from_ai) &&
         add_count(o, "followed_wrong", d->followed_wrong) &&
         add_count(o, "rejected_right", d->rejected_right) &&
         add_count(o, "final_right", d->final_right) &&
         add_count(o, "final_wrong", d->final_wrong) && json_add_item(o, "trust", trust(d));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *caught_out(const debrief_nodes *n)
{
    const debrief_node *d = debrief_nodes_caught_out(n);
    if (!d)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    if (!o || !json_add_string_or_null(o, "case", d->case_id) ||
        !json_add_string_or_null(o, "node", d->node_id)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

bool debrief_json_add_nodes(cJSON *obj, const debrief_nodes *n)
{
    size_t count = debrief_nodes_count(n);
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; list && i < count; i++)
        if (!json_append(list, block(debrief_nodes_at(n, i)))) {
            cJSON_Delete(list);
            list = NULL;
        }
    return json_add_item(obj, "decisions", list) && json_add_item(obj, "caught_out", caught_out(n));
}
