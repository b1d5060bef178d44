/* recap: the trainee's debrief, built from the log records themselves, read
 * once through the log reader; the counts and figures are the metrics'.
 * The case only fills in what an older log did not record. */
#include "recap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "feedback.h"
#include "library_note.h"
#include "log_reader.h"
#include "mem.h"
#include "strbuf.h"

static recap_mark mark(bool has, bool right)
{
    if (!has)
        return MARK_NONE;
    return right ? MARK_RIGHT : MARK_WRONG;
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The option's label: the record's (feedback_record_label), else the
 * case's, else the id. */
static const char *label_of(const case_node *n, const log_decision *d, const char *id)
{
    const char *l = feedback_record_label(d, id);
    if (l)
        return l;
    if (n && n->kind == NODE_DECISION) {
        const case_option *o = case_find_option(&n->decision, id);
        if (o && o->label)
            return o->label;
    }
    return id;
}

static char *best_text(const case_node *n, const log_decision *d)
{
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, "");
    for (size_t i = 0; i < d->n_best; i++) {
        strbuf_adds(&b, feedback_list_sep(i, d->n_best));
        strbuf_adds(&b, label_of(n, d, d->best[i]));
    }
    return strbuf_finish(&b);
}

/* "label (87% confident)" when the trainee saw the advice, else NULL. */
static char *advice_text(const case_node *n, const log_decision *d)
{
    if (!d->ai || !metrics_advice_shown(d))
        return NULL;
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, label_of(n, d, d->ai));
    if (d->has_ai_confidence)
        strbuf_addf(&b, " (%ld%% confident)", lround(d->ai_confidence * 100));
    return strbuf_finish(&b);
}

/* A copy of s, or NULL for NULL; *oom set when the copy failed. */
static char *copy(const char *s, bool *oom)
{
    char *t = s ? mem_strdup(s) : NULL;
    *oom |= s && !t;
    return t;
}

/* Whether advice is labelled as a person's (a colleague's) rather than the
 * AI's: the window's rule (screen_by_person), applied to the logged label. */
static bool source_is_person(const char *source)
{
    return source && strcmp(source, "AI") != 0;
}

/* The teaching point of the node entered last, until its decision takes
 * it or the next node shows it was not a decision's. */
typedef struct pending_point {
    const char *node, *text;
} pending_point;

static int add_decision(recap *r, const case_def *c, const log_decision *d,
                        const char *advice_source, pending_point *pp)
{
    if (!d->node)
        return 0;
    recap_item *p = mem_grow(r->items, &r->cap, r->n + 1, sizeof *p);
    if (!p)
        return -1;
    r->items = p;
    const case_node *n = case_find_node(c, d->node);
    const char *prompt = d->prompt                                             ? d->prompt
                         : n && n->kind == NODE_DECISION && n->decision.prompt ? n->decision.prompt
                                                                               : d->node;
    const char *teaching = same(pp->node, d->node) ? pp->text : n ? n->debrief : NULL;
    if (same(pp->node, d->node))
        pp->node = pp->text = NULL; /* taken */
    bool oom = false;
    recap_item *it = &r->items[r->n++];
    *it = (recap_item){
        .node = copy(d->node, &oom),
        .prompt = copy(prompt, &oom),
        .initial = d->initial ? copy(label_of(n, d, d->initial), &oom) : NULL,
        .initial_mark = mark(d->has_initial_correct, d->initial_correct),
        .advice = advice_text(n, d),
        .final = d->final ? copy(label_of(n, d, d->final), &oom) : NULL,
        .final_mark = mark(d->has_final_correct, d->final_correct),
        .best = best_text(n, d),
        .timed_out = d->timed_out,
        .had_advice = d->ai != NULL,
        .by_person = source_is_person(advice_source),
        .initial_confidence = d->has_initial_confidence ? d->initial_confidence : 0,
        .final_confidence = d->has_final_confidence ? d->final_confidence : 0,
        .trust = d->has_trust ? d->trust : 0,
        .rationale = d->rationale && d->rationale[0] ? copy(d->rationale, &oom) : NULL,
        .ms = !d->has_ms_final ? -1 : d->ms_final + (d->has_ms_advice ? d->ms_advice : 0),
        .debrief = teaching && teaching[0] ? copy(teaching, &oom) : NULL,
    };
    it->advice_mark = it->advice ? mark(d->has_ai_correct, d->ai_correct) : MARK_NONE;
    bool missing = oom || !it->best || (d->ai && metrics_advice_shown(d) && !it->advice);
    return missing ? -1 : 0;
}

/* Appends a copy of s to a list of texts, once. */
static int add_text(char ***list, size_t *n, size_t *cap, const char *s)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i], s) == 0)
            return 0;
    char **p = mem_grow(*list, cap, *n + 1, sizeof *p);
    if (!p)
        return -1;
    *list = p;
    p[*n] = mem_strdup(s);
    if (!p[*n])
        return -1;
    ++*n;
    return 0;
}

/* The pending teaching point, when no decision took it, is one of the
 * points of the case. */
static int flush_point(recap *r, pending_point *pp)
{
    const char *t = pp->text;
    pp->node = pp->text = NULL;
    return t && t[0] ? add_text(&r->points, &r->n_points, &r->cap_points, t) : 0;
}

/* A node entered: its teaching point as logged, else the case's. */
static int enter_node(recap *r, const case_def *c, const log_node *nr, pending_point *pp)
{
    if (flush_point(r, pp) != 0)
        return -1;
    const case_node *n = case_find_node(c, nr->node ? nr->node : "");
    pp->node = nr->node;
    pp->text = nr->teaching ? nr->teaching : n ? n->debrief : NULL;
    if (nr->has_clock) {
        r->has_clock = true;
        r->clock = nr->clock;
    }
    return 0;
}

/* The ending and its words, as logged, else as the case has them. */
static int add_ending(recap *r, const case_def *c, const log_ending *er)
{
    const case_node *n = case_find_node(c, er->node ? er->node : "");
    bool is_ending = n && n->kind == NODE_ENDING, oom = false;
    r->has_ending = true;
    /* The logged outcome by the case model's names; an unknown or missing
     * one is never taken for harm: the ending node's own outcome when the
     * case has it, else neutral. */
    r->outcome = is_ending ? n->ending.outcome : OUTCOME_NEUTRAL;
    for (int o = 0; er->outcome && case_outcome_names[o]; o++)
        if (same(er->outcome, case_outcome_names[o]))
            r->outcome = (case_outcome)o;
    mem_free(r->ending_title);
    mem_free(r->ending_text);
    mem_free(r->ending_summary);
    r->ending_title = copy(er->title ? er->title : n ? n->title : NULL, &oom);
    r->ending_text = copy(er->text ? er->text : n ? n->text : NULL, &oom);
    r->ending_summary = copy(er->summary ? er->summary
                             : is_ending ? n->ending.summary
                                         : NULL,
                             &oom);
    if (er->has_clock) {
        r->has_clock = true;
        r->clock = er->clock;
    }
    return oom ? -1 : 0;
}

/* ---- the reliance in words ------------------------------------------------------ */

static int say(recap *r, strbuf *b)
{
    int rc = strbuf_oom(b)
                 ? -1
                 : add_text(&r->reliance, &r->n_reliance, &r->cap_reliance, strbuf_str(b));
    strbuf_free(b);
    return rc;
}

/* "{what} {num} time(s) out of {den}." for a proportion with decisions
 * behind it. */
static int say_count(recap *r, const metric_value *v, const char *what)
{
    if (!v->has || v->den <= 0)
        return 0;
    strbuf b = STRBUF_INIT;
    strbuf_addf(&b, "%s %ld time%s out of %ld.", what, v->num, v->num == 1 ? "" : "s", v->den);
    return say(r, &b);
}

/* The mean trust when the advice was right or wrong: the rating itself for
 * one decision, an average over more. */
static int say_trust(recap *r, const metric_value *v, const char *when)
{
    if (!v->has || v->n <= 0)
        return 0;
    strbuf b = STRBUF_INIT;
    if (v->n == 1)
        strbuf_addf(&b, "When %s, you rated your trust %.0f of 7.", when, v->value);
    else
        strbuf_addf(&b, "When %s, you rated your trust %.1f of 7 on average, over %ld decisions.",
                    when, v->value, v->n);
    return say(r, &b);
}

static int add_reliance(recap *r)
{
    const metric_value *m = r->m.m;
    bool p = r->by_person;
    const metric_value *fin = &m[METRIC_FINAL_ACCURACY];
    int rc = 0;
    if (fin->has && fin->den > 0) {
        strbuf b = STRBUF_INIT;
        strbuf_addf(&b, "Your final choice was among the best answers at %ld of %ld decision%s.",
                    fin->num, fin->den, fin->den == 1 ? "" : "s");
        rc = say(r, &b);
    }
    if (rc == 0)
        rc = say_count(r, &m[METRIC_AGREEMENT],
                       p ? "You followed the advice" : "You followed the AI's advice");
    if (rc == 0)
        rc = say_count(r, &m[METRIC_OVER_RELIANCE], "You followed wrong advice");
    if (rc == 0)
        rc = say_count(r, &m[METRIC_UNDER_RELIANCE], "You turned down right advice");
    if (rc == 0)
        rc = say_count(r, &m[METRIC_SWITCH_TO_AI],
                       p ? "After your first choice, you changed to the advised answer"
                         : "After your first choice, you changed to the AI's answer");
    if (rc == 0)
        rc = say_trust(r, &m[METRIC_TRUST_AI_RIGHT],
                       p ? "the advice was right" : "the AI was right");
    if (rc == 0)
        rc = say_trust(r, &m[METRIC_TRUST_AI_WRONG],
                       p ? "the advice was wrong" : "the AI was wrong");
    return rc;
}

/* The same figures `appraise debrief` gives, for this session alone, and
 * the counts the recap says in words, taken from them. The recap still
 * stands without them. */
static void add_metrics(recap *r, const log_session *ls)
{
    metrics_acc *acc = metrics_acc_new();
    if (acc && metrics_acc_add_session(acc, ls) == 0) {
        metrics_acc_compute(acc, &r->m);
        r->with_advice = (int)r->m.m[METRIC_WITH_ADVICE].value;
        r->followed = (int)r->m.m[METRIC_AGREEMENT].num;
        r->ai_wrong = (int)r->m.m[METRIC_OVER_RELIANCE].den;
        r->ai_wrong_followed = (int)r->m.m[METRIC_OVER_RELIANCE].num;
        r->has_metrics = add_reliance(r) == 0;
    }
    if (!r->has_metrics) {
        for (size_t i = 0; i < r->n_reliance; i++)
            mem_free(r->reliance[i]);
        r->n_reliance = 0;
    }
    metrics_acc_free(acc);
}

/* What the library says of its AI's errors, or the mistake in saying it. */
static int add_note(recap *r, const case_def *c)
{
    library_note n;
    apperr e;
    apperr_clear(&e);
    int rc = library_note_read(&n, c->file, &e);
    if (rc == 0) {
        const char *t = library_note_text(&n);
        bool oom = false;
        r->ai_note = copy(t, &oom);
        library_note_free(&n);
        return oom ? -1 : 0;
    }
    if (rc == LIBRARY_NOTE_OOM)
        return -1;
    char buf[2048];
    r->ai_note_error = mem_strdup(apperr_format(&e, buf, sizeof buf));
    return r->ai_note_error ? 0 : -1;
}

/* ---- reading --------------------------------------------------------------------- */

/* A log that cannot be opened is the environment's fault, not the log's. */
typedef struct read_problem {
    bool unreadable;
    char msg[1024];
} read_problem;

static void note_issue(void *ctx, const log_issue *is)
{
    read_problem *p = ctx;
    if (is->kind == LOG_ISSUE_UNREADABLE && !p->unreadable) {
        p->unreadable = true;
        snprintf(p->msg, sizeof p->msg, "%s", is->msg);
    }
}

static int add_records(recap *r, const case_def *c, const log_session *ls)
{
    int rc = 0;
    const log_advice *shown = NULL; /* the advice shown at the current decision */
    pending_point pp = {NULL, NULL};
    size_t advised = 0, by_person = 0;
    for (size_t i = 0; rc == 0 && i < ls->n_records; i++) {
        const log_record *rec = &ls->records[i];
        if (rec->type == LOG_REC_ADVICE_SHOWN) {
            shown = &rec->as.advice;
        } else if (rec->type == LOG_REC_DECISION) {
            const log_decision *d = &rec->as.decision;
            const char *source = shown && same(shown->node, d->node) ? shown->source : NULL;
            rc = add_decision(r, c, d, source, &pp);
            if (rc == 0 && r->items[r->n - 1].advice) {
                advised++;
                by_person += r->items[r->n - 1].by_person;
            }
            shown = NULL;
        } else if (rec->type == LOG_REC_NODE) {
            rc = enter_node(r, c, &rec->as.node, &pp);
        } else if (rec->type == LOG_REC_ENDING) {
            rc = add_ending(r, c, &rec->as.ending);
        }
    }
    if (rc == 0)
        rc = flush_point(r, &pp);
    r->by_person = advised > 0 && by_person == advised;
    r->quit = ls->status == LOG_QUIT;
    r->total_ms = ls->n_records ? ls->end_t : -1;
    return rc;
}

int recap_read(recap *r, const case_def *c, const char *path, apperr *e)
{
    memset(r, 0, sizeof *r);
    r->total_ms = -1;
    read_problem problem = {0};
    log_read_opts o = {.on_issue = note_issue,
                       .ctx = &problem,
                       .keep = (1u << LOG_REC_NODE) | (1u << LOG_REC_ADVICE_SHOWN) |
                               (1u << LOG_REC_DECISION) | (1u << LOG_REC_ENDING)};
    log_session *ls = NULL;
    if (log_session_read(path, &o, &ls, e) != 0) {
        if (problem.unreadable)
            apperr_set(e, APPERR_ENV, path, 0, "cannot read the session log: %s", problem.msg);
        return -1;
    }
    int rc = add_records(r, c, ls);
    if (rc == 0)
        rc = add_note(r, c);
    if (rc == 0)
        add_metrics(r, ls);
    log_session_free(ls);
    if (rc != 0) {
        recap_free(r);
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
    }
    return rc;
}

static void item_free(recap_item *it)
{
    char *texts[] = {it->node,  it->prompt, it->initial,   it->advice,
                     it->final, it->best,   it->rationale, it->debrief};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        mem_free(texts[k]);
}

static void texts_free(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mem_free(list[i]);
    mem_free(list);
}

void recap_free(recap *r)
{
    for (size_t i = 0; i < r->n; i++)
        item_free(&r->items[i]);
    mem_free(r->items);
    texts_free(r->points, r->n_points);
    texts_free(r->reliance, r->n_reliance);
    char *texts[] = {r->ending_title, r->ending_text, r->ending_summary, r->ai_note,
                     r->ai_note_error};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        mem_free(texts[k]);
    memset(r, 0, sizeof *r);
    r->total_ms = -1;
}

const char *recap_format_duration(int64_t ms, char *buf, size_t size)
{
    long long s = ms > 0 ? (ms + 500) / 1000 : 0;
    if (s < 60)
        snprintf(buf, size, "%lld s", s);
    else if (s < 3600)
        snprintf(buf, size, "%lld min %lld s", s / 60, s % 60);
    else
        snprintf(buf, size, "%lld h %lld min", s / 3600, s % 3600 / 60);
    return buf;
}
