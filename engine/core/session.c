/* session: one play of a case as a pure state machine (design.md "The heart",
 * scenario-format.md "Decisions", decision-log.md "Record types").
 *
 * Every change of state happens in session_act / session_tick at a time t
 * given by the caller, and every record it causes is written (and flushed by
 * the log writer) before the call returns. Nothing here reads a clock, so the
 * same case, seed, variant and actions at the same t give the same records. */
#include "session.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "log_schema.h"
#include "mem.h"
#include "session_from.h"
#include "session_records.h"
#include "utf8.h"

/* Optional panels a trainee can open (cli.md "Inputs file"). */
static const char *const VIEW_PANELS[SESSION_PANELS] = {"explanation", "model_card", "results"};
#define N_PANELS SESSION_PANELS

struct session {
    const case_def *c;
    case_run *run; /* the case's state in this session (case_driver.h), owned */
    log_writer *log;
    char *trainee;
    const char *variant; /* one of c->variants.items, or NULL */
    session_step step;
    session_status status;
    char *error;
    int64_t last_t;
    bool have_node;
    case_node node;
    case_live live;
    int news2;
    news2_band band;
    int64_t t_entry;
    int64_t deadline;   /* -1 when no time limit runs */
    time_limits limits; /* the trainee's setting */
    decision_state d;
    decision_record rec; /* the decision record written last, until the node is left */
};

/* ---- small helpers ---------------------------------------------------- */

/* Forgets the decision (and its record, which points into it). */
static void decision_reset(session *s)
{
    decision_state *d = &s->d;
    session_records_decision_free(&s->rec);
    mem_free(d->initial);
    mem_free(d->final);
    mem_free(d->rationale);
    mem_free(d->next_id);
    memset(d, 0, sizeof *d);
}

static const case_decision *cur_decision(const session *s)
{
    return s->have_node && s->node.kind == NODE_DECISION ? &s->node.decision : NULL;
}

static const case_advice *cur_advice(const session *s)
{
    const case_decision *d = cur_decision(s);
    return d && d->advice.present ? &d->advice : NULL;
}

static const char *node_id(const session *s)
{
    return s->have_node && s->node.id ? s->node.id : "(none)";
}

static session_result out_of_memory(session *s, apperr *e);

/* Writes one record of the type given and takes ownership of fields (built
 * by session_records; freed here). Without a log (the checker's walks)
 * nothing is written, and fields may be NULL: callers build them only when
 * there is a log. A failed write ends the session: the log can no longer
 * be trusted to keep up. */
static session_result write_record(session *s, log_record_type type, int64_t t, cJSON *fields,
                                   apperr *e)
{
    if (!s->log) {
        cJSON_Delete(fields);
        return SESSION_OK;
    }
    if (!fields)
        return out_of_memory(s, e);
    int rc = log_writer_write(s->log, log_schema_record(type)->name, t, fields, e);
    cJSON_Delete(fields);
    if (rc == 0)
        return SESSION_OK;
    char buf[2048];
    if (e->kind == APPERR_NONE)
        e->kind = APPERR_ENV;
    mem_free(s->error);
    s->error = mem_strdup(apperr_format(e, buf, sizeof buf));
    if (e->kind == APPERR_INPUT && type != LOG_REC_SESSION_END && log_writer_records(s->log) > 0) {
        /* The record was refused as too long for a log line; the log itself
         * is whole, so it is ended properly (a log without session_start is
         * left empty, and so removed). */
        apperr ignored;
        cJSON *end = session_records_end("error", buf);
        if (end)
            log_writer_write(s->log, log_schema_record(LOG_REC_SESSION_END)->name, t, end,
                             &ignored);
        cJSON_Delete(end);
    }
    s->status = SESSION_ERROR;
    s->step = STEP_ENDED;
    s->deadline = -1;
    return SESSION_IO;
}

static session_result out_of_memory(session *s, apperr *e)
{
    apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
    if (s) {
        s->status = SESSION_ERROR;
        s->step = STEP_ENDED;
        s->deadline = -1;
    }
    return SESSION_IO;
}

static session_result write_session_end(session *s, int64_t t, const char *status,
                                        const char *error, apperr *e)
{
    return write_record(s, LOG_REC_SESSION_END, t,
                        s->log ? session_records_end(status, error) : NULL, e);
}

/* The case failed in play (e filled by its driver): log it and stop. */
static session_result fail_case(session *s, int64_t t, apperr *e)
{
    char buf[2048];
    apperr_format(e, buf, sizeof buf);
    mem_free(s->error);
    s->error = mem_strdup(buf);
    s->status = SESSION_ERROR;
    s->step = STEP_ENDED;
    s->deadline = -1;
    apperr kept = *e;
    session_result r = write_session_end(s, t, "error", buf, e);
    if (r != SESSION_OK)
        return r;
    *e = kept;
    return SESSION_FAILED;
}

static session_result reject(apperr *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static session_result reject(apperr *e, const char *fmt, ...)
{
    va_list ap;
    apperr_clear(e);
    e->kind = APPERR_INPUT;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return SESSION_REJECTED;
}

/* ---- variants --------------------------------------------------------- */

uint32_t session_fnv1a(const char *str)
{
    uint32_t h = 0x811c9dc5u;
    for (const unsigned char *p = (const unsigned char *)str; p && *p; p++) {
        h ^= *p;
        h *= 0x01000193u;
    }
    return h;
}

const char *session_derive_variant(const case_def *c, const char *trainee)
{
    if (!c || c->variants.n == 0)
        return NULL;
    const char *who = trainee ? trainee : "anonymous";
    size_t n = strlen(who) + 1 + strlen(c->id) + 1;
    char *key = mem_malloc(n);
    if (!key)
        return NULL;
    snprintf(key, n, "%s/%s", who, c->id);
    uint32_t h = session_fnv1a(key);
    mem_free(key);
    return c->variants.items[h % c->variants.n];
}

const char *session_find_variant(const case_def *c, const char *name, apperr *e)
{
    for (size_t i = 0; i < c->variants.n; i++)
        if (strcmp(c->variants.items[i], name) == 0)
            return c->variants.items[i];
    if (c->variants.n == 0) {
        apperr_set(e, APPERR_USAGE, NULL, 0, "unknown variant '%s' (case %s has no variants)", name,
                   c->id);
        return NULL;
    }
    strbuf list = STRBUF_INIT; /* out of memory: a shorter list, still a message */
    strlist_join(&c->variants, &list);
    apperr_set(e, APPERR_USAGE, NULL, 0, "unknown variant '%s' (case %s has: %s)", name, c->id,
               strbuf_str(&list));
    strbuf_free(&list);
    return NULL;
}

int session_check_start(const case_def *c, const char *variant, const session_from *from,
                        apperr *e)
{
    if (variant && !session_find_variant(c, variant, e))
        return -1;
    return session_from_check(c, from, e);
}

/* The variant asked for, else the one derived; -1 (USAGE) when unknown. */
static int pick_variant(const case_def *c, const session_opts *o, const char **out, apperr *e)
{
    *out = NULL;
    if (o->variant) {
        *out = session_find_variant(c, o->variant, e);
        return *out ? 0 : -1;
    }
    *out = session_derive_variant(c, o->trainee);
    if (c->variants.n > 0 && !*out) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

/* ---- records ---------------------------------------------------------- */

static session_result write_session_start(session *s, const session_opts *o, int64_t t, apperr *e)
{
    return write_record(s, LOG_REC_SESSION_START, t,
                        s->log ? session_records_start(s->c, o, s->trainee, s->variant) : NULL, e);
}

/* No log: the record is not built (the checker plays many paths). */
static session_result write_node(session *s, int64_t t, apperr *e)
{
    return write_record(s, LOG_REC_NODE, t,
                        s->log ? session_records_node(&s->node, &s->live, s->news2, s->band) : NULL,
                        e);
}

static session_result write_ending(session *s, int64_t t, apperr *e)
{
    session_result r = write_record(s, LOG_REC_ENDING, t,
                                    s->log ? session_records_ending(&s->node, &s->live) : NULL, e);
    if (r != SESSION_OK)
        return r;
    r = write_session_end(s, t, "complete", NULL, e);
    if (r == SESSION_OK) {
        s->status = SESSION_COMPLETE;
        s->step = STEP_ENDED;
        s->deadline = -1;
    }
    return r;
}

static session_result show_advice(session *s, int64_t t, apperr *e)
{
    session_result r = write_record(s, LOG_REC_ADVICE_SHOWN, t,
                                    s->log ? session_records_advice(&s->node) : NULL, e);
    if (r == SESSION_OK) {
        s->d.advice_shown = true;
        s->d.t_advice = t;
    }
    return r;
}

/* Writes the decision record, and keeps it for the feedback step. */
static session_result write_decision(session *s, int64_t t, bool timed_out, apperr *e)
{
    session_records_decision_free(&s->rec);
    if (session_records_decision(&s->rec, &s->node, &s->d, s->t_entry, t, timed_out) != 0)
        return out_of_memory(s, e);
    if (s->log)
        s->rec.r.seq = log_writer_records(s->log);
    return write_record(s, LOG_REC_DECISION, t,
                        s->log ? log_record_json(LOG_REC_DECISION, &s->rec.r) : NULL, e);
}

/* ---- moving through the case ------------------------------------------ */

static session_result enter_node(session *s, const char *id, int64_t t, apperr *e);

static void drop_node(session *s)
{
    if (!s->have_node)
        return;
    case_node_free(&s->node);
    case_live_free(&s->live);
    memset(&s->node, 0, sizeof s->node);
    memset(&s->live, 0, sizeof s->live);
    s->have_node = false;
}

static session_result begin_decision(session *s, int64_t t, apperr *e)
{
    const case_decision *dec = cur_decision(s);
    const case_advice *a = cur_advice(s);
    s->deadline = -1;
    int64_t ms = time_limits_ms(s->limits, dec->time_limit);
    if (ms > 0) {
        s->deadline = t + ms;
        s->d.time_limit_ms = ms; /* logged in the decision record */
    }
    s->step = a && a->timing == TIMING_AFTER_INITIAL ? STEP_CHOOSE_INITIAL : STEP_CHOOSE_FINAL;
    if (a && a->timing == TIMING_WITH_CASE)
        return show_advice(s, t, e);
    return SESSION_OK;
}

/* Enters node id at t: resolves it through the case, logs `node`, then sets
 * up what the node waits for. An ending finishes the session right here. */
static session_result enter_node(session *s, const char *id, int64_t t, apperr *e)
{
    char *target = mem_strdup(id); /* id may point into the node dropped below */
    if (!target)
        return out_of_memory(s, e);
    drop_node(s);
    decision_reset(s);
    s->deadline = -1;
    int rc = s->c->driver->enter(s->run, target, &s->node, &s->live, e);
    mem_free(target);
    if (rc != 0) {
        case_node_free(&s->node);
        case_live_free(&s->live);
        memset(&s->node, 0, sizeof s->node);
        memset(&s->live, 0, sizeof s->live);
        return fail_case(s, t, e);
    }
    s->have_node = true;
    s->t_entry = t;
    bool scored = s->c->early_warning != EARLY_WARNING_NONE;
    s->news2 = scored ? vitals_news2(&s->live.vitals) : -1;
    s->band = scored ? vitals_news2_band(&s->live.vitals) : NEWS2_BAND_UNKNOWN;
    session_result r = write_node(s, t, e);
    if (r != SESSION_OK)
        return r;
    switch (s->node.kind) {
    case NODE_ENDING:
        return write_ending(s, t, e);
    case NODE_NARRATIVE:
        s->step = STEP_CONTINUE;
        return SESSION_OK;
    case NODE_DECISION:
        return begin_decision(s, t, e);
    }
    return SESSION_OK;
}

/* Leaves the decision for the node the driver's next gave. */
static session_result leave_decision(session *s, int64_t t, apperr *e)
{
    char *next = s->d.next_id;
    s->d.next_id = NULL;
    session_result r = enter_node(s, next, t, e);
    mem_free(next);
    return r;
}

/* Writes the decision record, then shows the feedback where there is
 * something to say (the advice was shown, the case has text for the
 * choice, or the time ran out), or moves on. */
static session_result finish_decision(session *s, int64_t t, bool timed_out, apperr *e)
{
    session_result r = write_decision(s, t, timed_out, e);
    if (r != SESSION_OK)
        return r;
    if (s->d.advice_shown || s->rec.r.feedback || timed_out) {
        s->step = STEP_FEEDBACK;
        return SESSION_OK;
    }
    return leave_decision(s, t, e);
}

static bool wants_rationale(const session *s)
{
    const case_decision *dec = cur_decision(s);
    const case_advice *a = cur_advice(s);
    if (dec->ask_rationale == RATIONALE_ALWAYS)
        return true;
    return dec->ask_rationale == RATIONALE_OVERRIDE && a && s->d.advice_shown &&
           strcmp(s->d.final, a->recommend) != 0;
}

/* After the final choice and its confidence: trust, rationale, record. */
static session_result after_final_confidence(session *s, int64_t t, apperr *e)
{
    if (cur_decision(s)->ask_trust && s->d.advice_shown && s->step < STEP_TRUST) {
        s->step = STEP_TRUST;
        return SESSION_OK;
    }
    if (wants_rationale(s) && s->step < STEP_RATIONALE) {
        s->step = STEP_RATIONALE;
        return SESSION_OK;
    }
    return finish_decision(s, t, false, e);
}

static session_result fire_timeout(session *s, int64_t t, apperr *e);

/* The initial choice is rated: the advice shows, and the final choice is
 * awaited. A deadline that passed while the trainee rated (ratings are
 * never cut short) takes effect now. */
static session_result after_initial_confidence(session *s, int64_t t, apperr *e)
{
    s->step = STEP_CHOOSE_FINAL;
    session_result r = show_advice(s, t, e);
    if (r == SESSION_OK && s->deadline >= 0 && s->deadline <= t)
        return fire_timeout(s, t, e);
    return r;
}

/* A time limit ran out at t: log the decision as it stands, then the
 * feedback says so; on_timeout follows it. */
static session_result fire_timeout(session *s, int64_t t, apperr *e)
{
    s->deadline = -1;
    char *next = NULL;
    if (s->c->driver->timeout_target(s->run, &s->node, &next, e) != 0)
        return fail_case(s, t, e);
    mem_free(s->d.next_id);
    s->d.next_id = next;
    s->d.final_confidence = 0;
    s->d.trust = 0;
    return finish_decision(s, t, true, e);
}

/* Only the choices are timed: a rating or a rationale is never cut short. */
static bool limit_covers(session_step step)
{
    return step == STEP_CHOOSE_INITIAL || step == STEP_CHOOSE_FINAL;
}

/* A due time limit fires at its deadline. At most one can: the feedback
 * that follows is left with Continue. */
static session_result apply_tick(session *s, int64_t t, apperr *e)
{
    if (s->status != SESSION_PLAYING || s->deadline < 0 || t < s->deadline ||
        !limit_covers(s->step))
        return SESSION_OK;
    return fire_timeout(s, s->deadline, e);
}

/* ---- actions ---------------------------------------------------------- */

#define N_ACTIONS (ACT_QUIT + 1)

static const char *action_name(action_kind k)
{
    static const char *const names[N_ACTIONS] = {
        [ACT_CHOOSE] = "choose", [ACT_CONFIDENCE] = "confidence",
        [ACT_TRUST] = "trust",   [ACT_RATIONALE] = "rationale",
        [ACT_VIEW] = "view",     [ACT_ASK] = "ask",
        [ACT_WAIT] = "wait",     [ACT_CONTINUE] = "continue",
        [ACT_QUIT] = "quit"};
    return (unsigned)k < N_ACTIONS ? names[k] : "an unknown action";
}

static session_result reject_step(const session *s, const session_action *a, apperr *e)
{
    if (s->step == STEP_ENDED)
        return reject(e, "the session has ended; got %s", action_name(a->kind));
    return reject(e, "expected %s at node %s, got %s", session_step_name(s->step), node_id(s),
                  action_name(a->kind));
}

static session_result reject_option(const session *s, const char *id, apperr *e)
{
    strbuf list = STRBUF_INIT; /* out of memory: a shorter list, still a message */
    case_options_join(cur_decision(s), &list);
    session_result r = reject(e, "no option \"%s\" at node %s; the options are: %s", id ? id : "",
                              node_id(s), strbuf_str(&list));
    strbuf_free(&list);
    return r;
}

static session_result act_choose(session *s, const session_action *a, int64_t t, apperr *e)
{
    if (s->step != STEP_CHOOSE_INITIAL && s->step != STEP_CHOOSE_FINAL)
        return reject_step(s, a, e);
    const case_decision *dec = cur_decision(s);
    if (!a->text || !case_find_option(dec, a->text))
        return reject_option(s, a->text, e);
    char *id = mem_strdup(a->text);
    if (!id)
        return out_of_memory(s, e);
    if (s->step == STEP_CHOOSE_INITIAL) {
        s->d.initial = id;
        s->d.t_initial = t;
        if (dec->ask_confidence) {
            s->step = STEP_CONFIDENCE_INITIAL;
            return SESSION_OK;
        }
        return after_initial_confidence(s, t, e);
    }
    s->d.final = id;
    s->d.t_final = t;
    s->deadline = -1; /* the limit covers the choices only */
    if (s->c->driver->next(s->run, &s->node, id, &s->d.next_id, e) != 0)
        return fail_case(s, t, e);
    if (dec->ask_confidence) {
        s->step = STEP_CONFIDENCE_FINAL;
        return SESSION_OK;
    }
    s->step = STEP_CONFIDENCE_FINAL; /* skipped: nothing asked */
    return after_final_confidence(s, t, e);
}

static session_result check_rating(const char *what, int value, apperr *e)
{
    if (value >= 1 && value <= 7)
        return SESSION_OK;
    return reject(e, "%s must be from 1 to 7, got %d", what, value);
}

static session_result act_confidence(session *s, const session_action *a, int64_t t, apperr *e)
{
    if (s->step != STEP_CONFIDENCE_INITIAL && s->step != STEP_CONFIDENCE_FINAL)
        return reject_step(s, a, e);
    if (check_rating("a confidence rating", a->value, e) != SESSION_OK)
        return SESSION_REJECTED;
    if (s->step == STEP_CONFIDENCE_INITIAL) {
        s->d.initial_confidence = a->value;
        return after_initial_confidence(s, t, e);
    }
    s->d.final_confidence = a->value;
    return after_final_confidence(s, t, e);
}

static session_result act_trust(session *s, const session_action *a, int64_t t, apperr *e)
{
    if (s->step != STEP_TRUST)
        return reject_step(s, a, e);
    if (check_rating("a trust rating", a->value, e) != SESSION_OK)
        return SESSION_REJECTED;
    s->d.trust = a->value;
    return after_final_confidence(s, t, e);
}

static session_result act_rationale(session *s, const session_action *a, int64_t t, apperr *e)
{
    if (s->step != STEP_RATIONALE)
        return reject_step(s, a, e);
    /* Typed text is logged as UTF-8 (bad bytes become U+FFFD), cut to the
     * longest rationale the log keeps. */
    const char *text = a->text ? a->text : "";
    size_t n;
    s->d.rationale = utf8_repair(text, strlen(text), &n);
    if (!s->d.rationale)
        return out_of_memory(s, e);
    s->d.rationale[utf8_prefix(s->d.rationale, n, SESSION_RATIONALE_MAX)] = '\0';
    return finish_decision(s, t, false, e);
}

static session_result act_continue(session *s, const session_action *a, int64_t t, apperr *e)
{
    if (s->step == STEP_FEEDBACK)
        return leave_decision(s, t, e);
    if (s->step != STEP_CONTINUE)
        return reject_step(s, a, e);
    char *next = NULL;
    if (s->c->driver->next(s->run, &s->node, NULL, &next, e) != 0)
        return fail_case(s, t, e);
    session_result r = enter_node(s, next, t, e);
    mem_free(next);
    return r;
}

static session_result act_ask(session *s, const session_action *a, int64_t t, apperr *e)
{
    const case_advice *adv = cur_advice(s);
    if (s->step == STEP_ENDED)
        return reject_step(s, a, e);
    if (!adv)
        return reject(e, "there is no advice to ask for at node %s (expected %s)", node_id(s),
                      session_step_name(s->step));
    if (adv->timing != TIMING_ON_REQUEST)
        return reject(
            e, "the advice at node %s is shown %s, not on request (expected %s)", node_id(s),
            adv->timing == TIMING_WITH_CASE ? "with the case" : "after the initial choice",
            session_step_name(s->step));
    if (s->d.asked)
        return reject(e, "the advice at node %s has already been asked for", node_id(s));
    if (s->step != STEP_CHOOSE_FINAL)
        return reject(e,
                      "the advice can only be asked for before the final choice at node %s "
                      "(expected %s)",
                      node_id(s), session_step_name(s->step));
    session_result r = show_advice(s, t, e);
    if (r == SESSION_OK)
        s->d.asked = true;
    return r;
}

/* Which panels make sense now: the explanation only beside visible advice,
 * the model card only when the case has a tool, the results always. */
static session_result check_panel(const session *s, const char *what, apperr *e)
{
    if (!what)
        what = "";
    if (strcmp(what, "results") == 0)
        return SESSION_OK;
    if (strcmp(what, "model_card") == 0) {
        if (s->c->n_tools > 0)
            return SESSION_OK;
        return reject(e, "case %s has no AI tool, so there is no model card to view", s->c->id);
    }
    if (strcmp(what, "explanation") == 0) {
        if (s->d.advice_shown)
            return SESSION_OK;
        return reject(e,
                      "the explanation can only be viewed while the advice is shown "
                      "(at node %s it is not)",
                      node_id(s));
    }
    return reject(e, "cannot view \"%s\": the panels are explanation, model_card and results",
                  what);
}

static void note_viewed(decision_state *d, const char *what)
{
    for (size_t i = 0; i < N_PANELS; i++) {
        if (strcmp(VIEW_PANELS[i], what) != 0)
            continue;
        for (size_t j = 0; j < d->n_viewed; j++)
            if (d->viewed[j] == VIEW_PANELS[i])
                return;
        d->viewed[d->n_viewed++] = VIEW_PANELS[i];
        return;
    }
}

static session_result act_view(session *s, const session_action *a, int64_t t, apperr *e)
{
    if (s->step == STEP_ENDED)
        return reject_step(s, a, e);
    if (check_panel(s, a->text, e) != SESSION_OK)
        return SESSION_REJECTED;
    session_result r = write_record(s, LOG_REC_VIEW, t,
                                    s->log ? session_records_view(&s->node, a->text) : NULL, e);
    /* Panels opened once the decision is logged (at the feedback) belong to
     * no decision record. */
    if (r == SESSION_OK && cur_decision(s) && s->step != STEP_FEEDBACK)
        note_viewed(&s->d, a->text);
    return r;
}

static session_result act_wait(session *s, const session_action *a, int64_t t, apperr *e)
{
    (void)s, (void)t;
    if (a->value < 0)
        return reject(e, "wait needs a number of seconds from 0 up, got %d", a->value);
    return SESSION_OK; /* the due deadline was applied before dispatch */
}

static session_result act_quit(session *s, const session_action *a, int64_t t, apperr *e)
{
    (void)a;
    session_result r = write_session_end(s, t, "quit", NULL, e);
    if (r == SESSION_OK) {
        s->status = SESSION_QUIT;
        s->step = STEP_ENDED;
        s->deadline = -1;
    }
    return r;
}

typedef session_result (*action_fn)(session *s, const session_action *a, int64_t t, apperr *e);

static session_result dispatch(session *s, const session_action *a, int64_t t, apperr *e)
{
    static const action_fn act[N_ACTIONS] = {
        [ACT_CHOOSE] = act_choose, [ACT_CONFIDENCE] = act_confidence,
        [ACT_TRUST] = act_trust,   [ACT_RATIONALE] = act_rationale,
        [ACT_VIEW] = act_view,     [ACT_ASK] = act_ask,
        [ACT_WAIT] = act_wait,     [ACT_CONTINUE] = act_continue,
        [ACT_QUIT] = act_quit};
    if ((unsigned)a->kind >= N_ACTIONS)
        return reject(e, "unknown action %d", (int)a->kind);
    return act[a->kind](s, a, t, e);
}

/* ---- public ------------------------------------------------------------ */

const char *session_step_name(session_step step)
{
    static const char *const names[STEP_ENDED + 1] = {
        [STEP_CONTINUE] = "continue",
        [STEP_CHOOSE_INITIAL] = "an initial choice (before the advice)",
        [STEP_CONFIDENCE_INITIAL] = "a confidence rating from 1 to 7",
        [STEP_CHOOSE_FINAL] = "a choice",
        [STEP_CONFIDENCE_FINAL] = "a confidence rating from 1 to 7",
        [STEP_TRUST] = "a trust rating from 1 to 7",
        [STEP_RATIONALE] = "a rationale",
        [STEP_FEEDBACK] = "continue after the feedback",
        [STEP_ENDED] = "nothing (the session has ended)"};
    return (unsigned)step <= STEP_ENDED ? names[step] : "nothing";
}

session_result session_open(session **out, const case_def *c, const session_opts *o, int64_t t_ms,
                            apperr *e)
{
    const char *variant = NULL;
    *out = NULL;
    apperr_clear(e);
    if (!c->driver) { /* a case_def made by hand without saying how it plays */
        apperr_set(e, APPERR_ENV, c->file, 0, "the case has no driver to play it");
        return SESSION_IO;
    }
    if (pick_variant(c, o, &variant, e) != 0 || session_from_check(c, &o->from, e) != 0)
        return e->kind == APPERR_USAGE ? SESSION_REJECTED : SESSION_IO;
    session *s = mem_calloc(1, sizeof *s);
    if (!s)
        return out_of_memory(NULL, e);
    s->c = c;
    s->log = o->log;
    s->variant = variant;
    s->trainee = mem_strdup(o->trainee ? o->trainee : "anonymous");
    s->status = SESSION_PLAYING;
    s->step = STEP_CONTINUE;
    s->deadline = -1;
    s->limits = o->time_limits;
    s->news2 = -1;
    s->band = NEWS2_BAND_UNKNOWN;
    s->last_t = t_ms;
    *out = s;
    if (!s->trainee)
        return out_of_memory(s, e);
    /* session_start goes first so that even a case failing at once leaves a
     * log that says which case, trainee and seed it was. */
    session_result r = write_session_start(s, o, t_ms, e);
    if (r != SESSION_OK)
        return r;
    if (c->driver->begin(c, o->seed, variant, &s->run, e) != 0 ||
        session_from_apply(c, s->run, &o->from, e) != 0)
        return fail_case(s, t_ms, e);
    return enter_node(s, o->from.node ? o->from.node : c->start, t_ms, e);
}

session_view session_view_now(const session *s)
{
    session_view v;
    memset(&v, 0, sizeof v);
    v.step = s->step;
    v.status = s->status;
    v.c = s->c;
    v.node = s->have_node ? &s->node : NULL;
    v.live = s->have_node ? &s->live : NULL;
    v.news2 = s->have_node ? s->news2 : -1;
    v.variant = s->variant;
    v.advice_shown = s->d.advice_shown;
    const case_advice *a = cur_advice(s);
    v.can_ask = s->status == SESSION_PLAYING && a && a->timing == TIMING_ON_REQUEST &&
                !s->d.asked && s->step == STEP_CHOOSE_FINAL;
    v.initial = s->d.initial;
    v.final = s->d.final;
    v.deadline_ms = s->status == SESSION_PLAYING && limit_covers(s->step) ? s->deadline : -1;
    v.error = s->error;
    v.news2_band = s->have_node ? s->band : NEWS2_BAND_UNKNOWN;
    if (s->step == STEP_FEEDBACK)
        v.decision = &s->rec.r;
    return v;
}

session_result session_tick(session *s, int64_t t_ms, apperr *e)
{
    apperr_clear(e);
    if (t_ms < s->last_t)
        t_ms = s->last_t; /* t never goes back; a late tick changes nothing */
    s->last_t = t_ms;
    return apply_tick(s, t_ms, e);
}

session_result session_act(session *s, const session_action *a, int64_t t_ms, apperr *e)
{
    apperr_clear(e);
    if (t_ms < s->last_t)
        t_ms = s->last_t;
    if (s->status == SESSION_PLAYING) {
        s->last_t = t_ms;
        session_result r = apply_tick(s, t_ms, e);
        if (r != SESSION_OK)
            return r;
    }
    if (s->status != SESSION_PLAYING)
        return reject_step(s, a, e);
    return dispatch(s, a, t_ms, e);
}

session_result session_fail(session *s, int64_t t_ms, const char *msg, apperr *e)
{
    apperr_clear(e);
    if (s->status != SESSION_PLAYING)
        return reject(e, "the session has already ended");
    if (t_ms < s->last_t)
        t_ms = s->last_t;
    s->last_t = t_ms;
    mem_free(s->error);
    s->error = mem_strdup(msg ? msg : "");
    s->status = SESSION_ERROR;
    s->step = STEP_ENDED;
    s->deadline = -1;
    return write_session_end(s, t_ms, "error", msg ? msg : "", e);
}

int session_state_key(session *s, unsigned char key[CASE_STATE_KEY_SIZE], apperr *e)
{
    apperr_clear(e);
    if (!s->run || !s->c->driver->state_key) {
        apperr_set(e, APPERR_ENV, s->c->file, 0,
                   s->run ? "cases played by '%s' have no state keys"
                          : "the session of a '%s' case has no run",
                   s->c->driver->name);
        return -1;
    }
    return s->c->driver->state_key(s->run, key, e);
}

void session_close(session *s)
{
    if (!s)
        return;
    s->c->driver->end(s->run);
    drop_node(s);
    decision_reset(s);
    mem_free(s->trainee);
    mem_free(s->error);
    mem_free(s);
}
