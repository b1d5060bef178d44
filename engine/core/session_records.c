/* session_records: a session's state as log records (session_records.h).
 * Each record is filled in as its struct (log_schema.h), and the schema's
 * writer prints it in the declared order; the fields a decision record
 * derives from its others (ai_correct, followed_ai, …) follow the one
 * definition in metrics. */
#include "session_records.h"

#include <stdlib.h>
#include <string.h>

#include "log_schema.h"
#include "mem.h"
#include "metrics.h"
#include "vitals.h"

cJSON *session_records_start(const case_def *c, const session_opts *o, const char *trainee,
                             const char *variant)
{
    log_start r = {
        .engine = o->engine_version,
        .case_id = c->id,
        .case_version = c->version,
        .case_title = c->title,
        .case_sha256 = c->sha256,
        .case_file = c->file,
        .trainee = trainee,
        .variant = variant,
        .has_seed = true,
        .seed = o->seed,
        .mode = o->mode,
        .host_os = o->host_os,
        .time_limits = time_limits_name(o->time_limits),
        .from = o->from.node,
        .set = o->from.sets,
        .n_set = o->from.n_sets,
    };
    return log_record_json(LOG_REC_SESSION_START, &r);
}

cJSON *session_records_node(const case_node *n, const case_live *live, int news2, news2_band band)
{
    cJSON *shown = vitals_to_json(&live->vitals);
    if (!shown)
        return NULL;
    log_node r = {
        .node = n->id,
        .has_clock = true,
        .clock = live->clock,
        .vitals = shown,
        .has_news2 = news2 >= 0,
        .news2 = news2,
        .title = n->title,
        .teaching = n->debrief && n->debrief[0] ? n->debrief : NULL,
        .news2_band = news2_band_name(band),
    };
    cJSON *f = log_record_json(LOG_REC_NODE, &r);
    cJSON_Delete(shown);
    return f;
}

cJSON *session_records_advice(const case_node *n)
{
    const case_advice *a = &n->decision.advice;
    log_advice r = {
        .node = n->id,
        .tool = a->tool,
        .recommend = a->recommend,
        .has_confidence = a->has_confidence,
        .confidence = a->confidence,
        .source = a->source ? a->source : "AI",
        .timing = advice_timing_name(a->timing),
    };
    return log_record_json(LOG_REC_ADVICE_SHOWN, &r);
}

cJSON *session_records_view(const case_node *n, const char *what)
{
    log_view r = {.node = n->id, .what = what};
    return log_record_json(LOG_REC_VIEW, &r);
}

/* What the trainee did: choices, ratings, text and times. */
static void trainee_fields(log_decision *r, const decision_state *d, int64_t t_entry,
                           bool timed_out)
{
    r->initial = d->initial;
    /* A time limit that ran out leaves the initial choice, not its rating. */
    r->has_initial_confidence = !timed_out && d->initial_confidence > 0;
    r->initial_confidence = d->initial_confidence;
    r->final = d->final;
    r->has_final_confidence = d->final_confidence > 0;
    r->final_confidence = d->final_confidence;
    r->has_trust = d->trust > 0;
    r->trust = d->trust;
    r->rationale = d->rationale;
    r->viewed = d->viewed;
    r->n_viewed = d->n_viewed;
    r->has_ms_initial = d->initial != NULL;
    r->ms_initial = d->t_initial - t_entry;
    r->has_ms_advice = d->advice_shown;
    r->ms_advice = d->t_advice - t_entry;
    r->has_ms_final = d->final != NULL;
    r->ms_final = d->t_final - (d->advice_shown ? d->t_advice : t_entry);
    r->timed_out = timed_out;
    r->next = d->next_id;
    r->has_time_limit_ms = d->time_limit_ms > 0;
    r->time_limit_ms = d->time_limit_ms;
}

/* The decision's option ids and labels, as parallel lists. */
static int option_lists(decision_record *rec, const case_decision *dec)
{
    size_t n = dec->n_options ? dec->n_options : 1;
    rec->ids = mem_malloc(n * sizeof *rec->ids);
    rec->labels = mem_malloc(n * sizeof *rec->labels);
    if (!rec->ids || !rec->labels)
        return -1;
    for (size_t i = 0; i < dec->n_options; i++) {
        rec->ids[i] = dec->options[i].id;
        rec->labels[i] = dec->options[i].label ? dec->options[i].label : "";
    }
    return 0;
}

int session_records_decision(decision_record *rec, const case_node *n, const decision_state *d,
                             int64_t t_entry, int64_t t, bool timed_out)
{
    const case_decision *dec = &n->decision;
    const case_advice *a = dec->advice.present ? &dec->advice : NULL;
    memset(rec, 0, sizeof *rec);
    if (option_lists(rec, dec) != 0) {
        session_records_decision_free(rec);
        return -1;
    }
    rec->r = (log_decision){
        .node = n->id,
        .options = rec->ids,
        .n_options = dec->n_options,
        .best = (const char *const *)dec->best.items,
        .n_best = dec->best.n,
        .timing = a ? advice_timing_name(a->timing) : NULL,
        .ai = a ? a->recommend : NULL,
        .has_ai_confidence = a && a->has_confidence,
        .ai_confidence = a ? a->confidence : 0,
        .has_advice_requested = a && a->timing == TIMING_ON_REQUEST,
        .advice_requested = d->asked,
        .prompt = dec->prompt,
        .labels = rec->labels,
        .n_labels = dec->n_options,
        .feedback = timed_out ? NULL : case_feedback_for(dec, d->final),
        .t = t,
    };
    trainee_fields(&rec->r, d, t_entry, timed_out);
    metrics_derive(&rec->r);
    return 0;
}

void session_records_decision_free(decision_record *rec)
{
    mem_free(rec->ids);
    mem_free(rec->labels);
    memset(rec, 0, sizeof *rec);
}

cJSON *session_records_ending(const case_node *n, const case_live *live)
{
    log_ending r = {
        .node = n->id,
        .outcome = case_outcome_name(n->ending.outcome),
        .has_clock = true,
        .clock = live->clock,
        .title = n->title,
        .text = n->text,
        .summary = n->ending.summary,
    };
    return log_record_json(LOG_REC_ENDING, &r);
}

cJSON *session_records_end(const char *status, const char *error)
{
    log_end r = {.status = status, .error = error};
    return log_record_json(LOG_REC_SESSION_END, &r);
}
