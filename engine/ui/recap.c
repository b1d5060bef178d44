/* recap: the trainee's debrief, built from the log records themselves, read
 * once through the log reader; the counts and figures are the metrics'. */
#include "recap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "log_reader.h"
#include "mem.h"
#include "strbuf.h"

static recap_mark mark(bool has, bool right)
{
    if (!has)
        return MARK_NONE;
    return right ? MARK_RIGHT : MARK_WRONG;
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

static char *best_text(const case_node *n, const log_decision *d)
{
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < d->n_best; i++) {
        if (i)
            strbuf_adds(&b, " or ");
        strbuf_adds(&b, label_of(n, d->best[i]));
    }
    return strbuf_finish(&b);
}

/* "label (87% confident)" when the trainee saw the advice, else NULL. */
static char *advice_text(const case_node *n, const log_decision *d)
{
    if (!d->ai || !metrics_advice_shown(d))
        return NULL;
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, label_of(n, d->ai));
    if (d->has_ai_confidence)
        strbuf_addf(&b, " (%ld%% confident)", lround(d->ai_confidence * 100));
    return strbuf_finish(&b);
}

/* A copy of s, or NULL for NULL. */
static char *copy_or_null(const char *s)
{
    return s ? mem_strdup(s) : NULL;
}

/* Whether advice is labelled as a person's (a colleague's) rather than the
 * AI's: the window's rule (screen_by_person), applied to the logged label. */
static bool source_is_person(const char *source)
{
    return source && strcmp(source, "AI") != 0;
}

static int add_decision(recap *r, const case_def *c, const log_decision *d,
                        const char *advice_source)
{
    if (!d->node)
        return 0;
    recap_item *p = mem_grow(r->items, &r->cap, r->n + 1, sizeof *p);
    if (!p)
        return -1;
    r->items = p;
    const case_node *n = case_find_node(c, d->node);
    const char *prompt =
        n && n->kind == NODE_DECISION && n->decision.prompt ? n->decision.prompt : d->node;
    recap_item *it = &r->items[r->n++];
    *it = (recap_item){
        .node = mem_strdup(d->node),
        .prompt = mem_strdup(prompt),
        .initial = d->initial ? mem_strdup(label_of(n, d->initial)) : NULL,
        .initial_mark = mark(d->has_initial_correct, d->initial_correct),
        .advice = advice_text(n, d),
        .final = d->final ? mem_strdup(label_of(n, d->final)) : NULL,
        .final_mark = mark(d->has_final_correct, d->final_correct),
        .best = best_text(n, d),
        .timed_out = d->timed_out,
        .by_person = source_is_person(advice_source),
        .trust = d->has_trust ? d->trust : 0,
        .debrief = n ? copy_or_null(n->debrief) : NULL,
    };
    it->advice_mark = it->advice ? mark(d->has_ai_correct, d->ai_correct) : MARK_NONE;
    bool missing = !it->node || !it->prompt || !it->best || (d->initial && !it->initial) ||
                   (d->final && !it->final) || (n && n->debrief && !it->debrief) ||
                   (d->ai && metrics_advice_shown(d) && !it->advice);
    return missing ? -1 : 0;
}

/* A teaching point of a node that is not a decision (those go with their
 * decision), each once. */
static int add_point(recap *r, const case_def *c, const char *node)
{
    const case_node *n = case_find_node(c, node ? node : "");
    if (!n || !n->debrief || !n->debrief[0] || n->kind == NODE_DECISION)
        return 0;
    for (size_t i = 0; i < r->n_points; i++)
        if (strcmp(r->points[i], n->debrief) == 0)
            return 0;
    char **p = mem_grow(r->points, &r->cap_points, r->n_points + 1, sizeof *p);
    if (!p)
        return -1;
    r->points = p;
    r->points[r->n_points] = mem_strdup(n->debrief);
    return r->points[r->n_points++] ? 0 : -1;
}

/* The same figures `appraise debrief` gives, for this session alone, and
 * the counts the recap says in words, taken from them. The recap still
 * stands without them. */
static void add_metrics(recap *r, const log_session *ls)
{
    metrics_acc *acc = metrics_acc_new();
    if (acc && metrics_acc_add_session(acc, ls) == 0) {
        metrics_acc_compute(acc, &r->m);
        r->has_metrics = true;
        r->with_advice = (int)r->m.m[METRIC_WITH_ADVICE].value;
        r->followed = (int)r->m.m[METRIC_AGREEMENT].num;
        r->ai_wrong = (int)r->m.m[METRIC_OVER_RELIANCE].den;
        r->ai_wrong_followed = (int)r->m.m[METRIC_OVER_RELIANCE].num;
    }
    metrics_acc_free(acc);
}

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

int recap_read(recap *r, const case_def *c, const char *path, apperr *e)
{
    memset(r, 0, sizeof *r);
    read_problem problem = {0};
    log_read_opts o = {.on_issue = note_issue,
                       .ctx = &problem,
                       .keep = (1u << LOG_REC_NODE) | (1u << LOG_REC_ADVICE_SHOWN) |
                               (1u << LOG_REC_DECISION)};
    log_session *ls = NULL;
    if (log_session_read(path, &o, &ls, e) != 0) {
        if (problem.unreadable)
            apperr_set(e, APPERR_ENV, path, 0, "cannot read the session log: %s", problem.msg);
        return -1;
    }
    int rc = 0;
    const log_advice *shown = NULL; /* the advice shown at the current decision */
    size_t advised = 0, by_person = 0;
    for (size_t i = 0; rc == 0 && i < ls->n_records; i++) {
        const log_record *rec = &ls->records[i];
        if (rec->type == LOG_REC_ADVICE_SHOWN) {
            shown = &rec->as.advice;
        } else if (rec->type == LOG_REC_DECISION) {
            const log_decision *d = &rec->as.decision;
            const char *source =
                shown && shown->node && d->node && strcmp(shown->node, d->node) == 0
                    ? shown->source
                    : NULL;
            rc = add_decision(r, c, d, source);
            if (rc == 0 && r->items[r->n - 1].advice) {
                advised++;
                by_person += r->items[r->n - 1].by_person;
            }
            shown = NULL;
        } else if (rec->type == LOG_REC_NODE) {
            rc = add_point(r, c, rec->as.node.node);
        }
    }
    r->by_person = advised > 0 && by_person == advised;
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
    char *texts[] = {it->node,  it->prompt, it->initial, it->advice,
                     it->final, it->best,   it->debrief};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        mem_free(texts[k]);
}

void recap_free(recap *r)
{
    for (size_t i = 0; i < r->n; i++)
        item_free(&r->items[i]);
    for (size_t i = 0; i < r->n_points; i++)
        mem_free(r->points[i]);
    mem_free(r->items);
    mem_free(r->points);
    memset(r, 0, sizeof *r);
}
