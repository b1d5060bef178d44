/* replay: actions rebuilt from a session log's records and played at their
 * recorded times, and the comparison of a log with its replay (see
 * replay.h). */
#include "replay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "runner.h"

/* The rating a replay gives where the log kept none: an initial confidence
 * that a time limit running out took out of the decision record, or that
 * no decision record holds. */
#define UNLOGGED_RATING 4

/* The value of a Continue that replay_peek makes up (the log holds no step
 * for it): replay_apply and replay_advance then take no step. */
#define MADE_UP 1

/* ---- building the steps ------------------------------------------------------ */

/* What the records read so far say about where the trainee is. */
typedef struct cursor {
    const char *node;  /* the node entered last */
    int64_t t_entry;   /* when */
    size_t first_step; /* the first step taken there */
    bool initial_done; /* its decision's initial choice has been placed */
} cursor;

static int add_step(replay *r, action_kind kind, const char *node, const char *text, int value,
                    int64_t t)
{
    replay_step *p = mem_grow(r->steps, &r->cap, r->n + 1, sizeof *p);
    if (!p)
        return -1;
    r->steps = p;
    r->steps[r->n++] = (replay_step){{kind, text, value}, t, node ? node : "", false, r->moved_on};
    r->moved_on = false;
    return 0;
}

/* A choice made at t: placed before the panels opened at this node after
 * it (their records came first, but the choice was made earlier). */
static int add_choice(replay *r, const cursor *c, const char *option, int64_t t)
{
    if (add_step(r, ACT_CHOOSE, c->node, option, 0, t) != 0)
        return -1;
    size_t i = r->n - 1;
    while (i > c->first_step && r->steps[i - 1].action.kind == ACT_VIEW && r->steps[i - 1].t > t) {
        replay_step choice = r->steps[i];
        r->steps[i] = r->steps[i - 1];
        r->steps[i - 1] = choice;
        i--;
    }
    return 0;
}

/* ms after the node's entry, or at (the record's time) when not logged. */
static int64_t after_entry(const cursor *c, bool has, int64_t ms, int64_t at)
{
    return has ? c->t_entry + ms : at;
}

/* The initial choice and its rating; advice_t: when the after_initial
 * advice was shown (the rating's time), -1 when it was not. */
static int add_initial(replay *r, const cursor *c, const log_decision *d, int64_t advice_t,
                       int64_t at)
{
    if (!d->initial)
        return 0;
    int64_t chosen = after_entry(c, d->has_ms_initial, d->ms_initial, at);
    if (add_choice(r, c, d->initial, chosen) != 0)
        return -1;
    int rating = d->has_initial_confidence ? d->initial_confidence : 0;
    /* A time limit that ran out once the advice was shown wiped the rating
     * from the record; that it was asked shows in the advice coming later
     * than the choice (it is shown on the rating). */
    if (!rating && d->timed_out && advice_t > chosen)
        rating = UNLOGGED_RATING;
    if (!rating)
        return 0;
    return add_step(r, ACT_CONFIDENCE, c->node, NULL, rating, advice_t >= 0 ? advice_t : chosen);
}

static int add_final(replay *r, const cursor *c, const log_decision *d, int64_t at)
{
    if (d->timed_out)
        return add_step(r, ACT_WAIT, c->node, NULL, 0, at);
    if (d->final) {
        int64_t from = d->has_ms_advice ? c->t_entry + d->ms_advice : c->t_entry;
        if (add_choice(r, c, d->final, d->has_ms_final ? from + d->ms_final : at) != 0)
            return -1;
    }
    if (d->has_final_confidence &&
        add_step(r, ACT_CONFIDENCE, c->node, NULL, d->final_confidence, at) != 0)
        return -1;
    if (d->has_trust && add_step(r, ACT_TRUST, c->node, NULL, d->trust, at) != 0)
        return -1;
    return d->rationale ? add_step(r, ACT_RATIONALE, c->node, d->rationale, 0, at) : 0;
}

/* The decision record of node at or after record i. */
static const log_decision *decision_after(const log_session *ls, size_t i, const char *node)
{
    for (; i < ls->n_records; i++) {
        const log_record *rec = &ls->records[i];
        if (rec->type == LOG_REC_DECISION && rec->as.decision.node &&
            strcmp(rec->as.decision.node, node) == 0)
            return &rec->as.decision;
    }
    return NULL;
}

/* A node entered: by a Continue, unless the decision just before it led
 * there at once (no feedback to continue from, or a time limit). */
static int add_node(replay *r, const log_session *ls, size_t i, cursor *c)
{
    const log_record *rec = &ls->records[i];
    const log_record *prev = i > 0 ? &ls->records[i - 1] : NULL;
    bool at_once = !c->node || (prev && prev->type == LOG_REC_DECISION && prev->t == rec->t);
    if (!at_once && add_step(r, ACT_CONTINUE, rec->as.node.node, NULL, 0, rec->t) != 0)
        return -1;
    if (at_once && c->node)
        r->moved_on = true;
    c->node = rec->as.node.node ? rec->as.node.node : "";
    c->t_entry = rec->t;
    c->first_step = r->n;
    c->initial_done = false;
    return 0;
}

static int add_advice(replay *r, const log_session *ls, size_t i, cursor *c)
{
    const log_record *rec = &ls->records[i];
    const char *timing = rec->as.advice.timing;
    if (timing && strcmp(timing, "on_request") == 0)
        return add_step(r, ACT_ASK, c->node, NULL, 0, rec->t);
    if (!timing || strcmp(timing, "after_initial") != 0)
        return 0;
    c->initial_done = true;
    const log_decision *d = decision_after(ls, i, c->node);
    if (d)
        return add_initial(r, c, d, rec->t, rec->t);
    /* The session ended (quit, or cut short) before the decision was logged:
     * no record says which initial choice showed the advice, nor its rating,
     * and none depends on them. Any option shows it: the recommended one. */
    if (!rec->as.advice.recommend || add_choice(r, c, rec->as.advice.recommend, rec->t) != 0 ||
        add_step(r, ACT_CONFIDENCE, c->node, NULL, UNLOGGED_RATING, rec->t) != 0)
        return rec->as.advice.recommend ? -1 : 0;
    r->steps[r->n - 1].if_asked = true;
    return 0;
}

static int add_record(replay *r, const log_session *ls, size_t i, cursor *c)
{
    const log_record *rec = &ls->records[i];
    switch (rec->type) {
    case LOG_REC_NODE:
        return add_node(r, ls, i, c);
    case LOG_REC_VIEW:
        return rec->as.view.what ? add_step(r, ACT_VIEW, c->node, rec->as.view.what, 0, rec->t) : 0;
    case LOG_REC_ADVICE_SHOWN:
        return add_advice(r, ls, i, c);
    case LOG_REC_DECISION:
        /* a time limit that ran out before the advice: the initial choice here */
        if (!c->initial_done && add_initial(r, c, &rec->as.decision, -1, rec->t) != 0)
            return -1;
        c->initial_done = true;
        return add_final(r, c, &rec->as.decision, rec->t);
    case LOG_REC_SESSION_END:
        if (rec->as.end.status && strcmp(rec->as.end.status, "quit") == 0)
            return add_step(r, ACT_QUIT, c->node, NULL, 0, rec->t);
        if (rec->as.end.status && strcmp(rec->as.end.status, "error") == 0) {
            r->end_error = rec->as.end.error ? rec->as.end.error : "";
            r->end_t = rec->t;
        }
        return 0;
    default:
        return 0;
    }
}

static int read_start(replay *r, const char *path, apperr *e)
{
    const log_session *ls = r->log;
    if (!ls->has_start) {
        apperr_set(e, APPERR_INPUT, path, 0,
                   "not a session log that can be replayed: it has no session_start");
        return -1;
    }
    if (!ls->case_file) {
        apperr_set(e, APPERR_INPUT, path, 0, "session_start names no case_file");
        return -1;
    }
    r->start.case_file = ls->case_file;
    r->start.case_id = ls->case_id ? ls->case_id : "";
    r->start.trainee = ls->trainee ? ls->trainee : "anonymous";
    r->start.variant = ls->variant;
    r->start.seed = ls->has_seed ? ls->seed : 0;
    r->start.from = (session_from){ls->from, ls->set, ls->n_set};
    snprintf(r->start.sha256, sizeof r->start.sha256, "%s", ls->case_sha256 ? ls->case_sha256 : "");
    /* A log older than the setting was played with the case's own limits. */
    r->start.time_limits = TIME_LIMITS_NORMAL;
    if (ls->time_limits && !time_limits_parse(ls->time_limits, &r->start.time_limits)) {
        int line =
            ls->n_records && ls->records[0].type == LOG_REC_SESSION_START ? ls->records[0].line : 0;
        apperr_set(e, APPERR_INPUT, path, line,
                   "session_start's time_limits '%s' is not one this program knows (normal, "
                   "double or off): replay it with a version of Appraise that wrote it",
                   ls->time_limits);
        return -1;
    }
    return 0;
}

int replay_open(replay *r, const char *path, apperr *e)
{
    log_read_opts o = {.keep = LOG_KEEP_ALL};
    memset(r, 0, sizeof *r);
    if (log_session_read(path, &o, &r->log, e) != 0) {
        if (e->kind == APPERR_INPUT)
            apperr_set(e, APPERR_INPUT, path, 0,
                       "not a session log: it holds no record of a session to replay");
        return -1;
    }
    int rc = read_start(r, path, e);
    cursor c = {0};
    for (size_t i = 0; rc == 0 && i < r->log->n_records; i++)
        if (add_record(r, r->log, i, &c) != 0) {
            apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
            rc = -1;
        }
    if (rc != 0)
        replay_close(r);
    return rc;
}

void replay_close(replay *r)
{
    mem_free(r->steps);
    log_session_free(r->log);
    memset(r, 0, sizeof *r);
}

/* ---- playing ------------------------------------------------------------------- */

/* The next step for a session at step: r->next, past a rating it does not
 * ask for. */
static size_t next_step(const replay *r, session_step step)
{
    size_t i = r->next;
    if (i < r->n && r->steps[i].if_asked && step != STEP_CONFIDENCE_INITIAL)
        i++;
    return i;
}

int replay_peek(const replay *r, const session *s, session_action *a)
{
    session_view v = session_view_now(s);
    size_t i = next_step(r, v.step);
    /* A feedback step the recording left at once (it showed none there, or
     * `run` left it): Continue now, at the time of the decision. */
    bool left = r->next < r->n ? r->steps[r->next].left_at_once : r->moved_on;
    if (v.status == SESSION_PLAYING && v.step == STEP_FEEDBACK && left) {
        *a = (session_action){ACT_CONTINUE, NULL, MADE_UP};
        return 1;
    }
    if (v.status != SESSION_PLAYING || i >= r->n)
        return 0;
    const replay_step *st = &r->steps[i];
    if ((v.step == STEP_CONTINUE || v.step == STEP_FEEDBACK) && st->action.kind != ACT_CONTINUE) {
        /* Due unless what comes next was done here (a panel opened, leaving). */
        const char *here = v.node && v.node->id ? v.node->id : "";
        bool here_first = (st->action.kind == ACT_VIEW || st->action.kind == ACT_QUIT) &&
                          strcmp(st->node, here) == 0;
        if (!here_first) {
            *a = (session_action){ACT_CONTINUE, NULL, MADE_UP};
            return 1;
        }
    }
    *a = st->action;
    return 1;
}

/* The step a is (past a rating not asked for), or NULL for a Continue
 * replay_peek made up. */
static const replay_step *step_of(const replay *r, const session_action *a, size_t *at)
{
    size_t i = r->next;
    if (i < r->n && r->steps[i].if_asked && a->kind != ACT_CONFIDENCE)
        i++;
    *at = i;
    if (a->kind == ACT_CONTINUE && a->value == MADE_UP)
        return NULL;
    return i < r->n && r->steps[i].action.kind == a->kind ? &r->steps[i] : NULL;
}

void replay_advance(replay *r, const session_action *a)
{
    size_t i;
    if (step_of(r, a, &i))
        r->next = i + 1;
}

session_result replay_apply(const replay *r, session *s, const session_action *a, int64_t *t,
                            apperr *e)
{
    size_t i;
    const replay_step *st = step_of(r, a, &i);
    if (st && st->t > *t)
        *t = st->t;
    return runner_act_at(s, a, *t, e);
}

int replay_all(replay *r, session *s, int64_t *t, apperr *e)
{
    session_action a;
    while (replay_peek(r, s, &a)) {
        session_result res = replay_apply(r, s, &a, t, e);
        if (res == SESSION_REJECTED || res == SESSION_IO)
            return -1;
        replay_advance(r, &a);
    }
    if (r->end_error && session_view_now(s).status == SESSION_PLAYING) {
        if (r->end_t > *t)
            *t = r->end_t;
        if (session_fail(s, *t, r->end_error, e) != SESSION_OK)
            return -1;
    }
    return 0;
}

/* ---- comparing ------------------------------------------------------------------ */

/* session_start's fields that name the replaying program and how it found
 * the case, not what was played. */
static bool ignored(const log_record *rec, const log_field *f)
{
    static const char *const names[] = {"mode", "engine", "host_os", "case_file"};
    if (rec->type != LOG_REC_SESSION_START)
        return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(f->name, names[i]) == 0)
            return true;
    return false;
}

static char *number_text(int64_t x)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)x);
    return mem_strdup(buf);
}

static int found(replay_diff *d, size_t index, const log_record *rec, const char *field,
                 char *logged, char *replayed)
{
    d->found = true;
    d->index = index;
    d->seq = rec->seq;
    d->type = log_schema_record(rec->type)->name;
    d->field = field;
    d->logged = logged;
    d->replayed = replayed;
    return logged && replayed ? 0 : -1;
}

/* Whether the logged record a may lack field k for its age alone: an added
 * field it lacks (log_record.lacks); one left out when it has no value
 * (opt), which a record of today may lack too, in any record of a log older
 * than the field (older: its session_start lacks an added field). */
static bool too_old_for(const log_record *a, const log_field *f, size_t k, bool older)
{
    return f->opt ? older : (a->lacks & (1ULL << k)) != 0;
}

/* The first field of two records of one type that differs. */
static int compare_fields(size_t i, const log_record *a, const log_record *b, bool older,
                          replay_diff *d)
{
    const log_record_def *def = log_schema_record(a->type);
    for (size_t k = 0; k < def->n_fields; k++) {
        const log_field *f = &def->fields[k];
        if (ignored(a, f) || too_old_for(a, f, k, older) || log_field_equal(f, &a->as, &b->as))
            continue; /* a field an older log lacks is not compared */
        return found(d, i, a, f->name, log_field_text(f, &a->as), log_field_text(f, &b->as));
    }
    return 0;
}

static int compare_record(size_t i, const log_record *a, const log_record *b, bool older,
                          replay_diff *d)
{
    if (a->type != b->type)
        return found(d, i, a, "type", mem_strdup(log_schema_record(a->type)->name),
                     mem_strdup(log_schema_record(b->type)->name));
    if (a->seq != b->seq)
        return found(d, i, a, "seq", number_text(a->seq), number_text(b->seq));
    if (a->t != b->t)
        return found(d, i, a, "t", number_text(a->t), number_text(b->t));
    return compare_fields(i, a, b, older, d);
}

int replay_compare(const log_session *logged, const log_session *replayed, size_t from,
                   replay_diff *d)
{
    memset(d, 0, sizeof *d);
    bool older = logged->n_records > 0 && logged->records[0].type == LOG_REC_SESSION_START &&
                 logged->records[0].lacks != 0;
    size_t n = logged->n_records > replayed->n_records ? logged->n_records : replayed->n_records;
    for (size_t i = from; i < n; i++) {
        if (i >= replayed->n_records)
            return found(d, i, &logged->records[i], NULL,
                         mem_strdup(log_schema_record(logged->records[i].type)->name),
                         mem_strdup("(none)"));
        if (i >= logged->n_records)
            return found(d, i, &replayed->records[i], NULL, mem_strdup("(none)"),
                         mem_strdup(log_schema_record(replayed->records[i].type)->name));
        if (compare_record(i, &logged->records[i], &replayed->records[i], older, d) != 0)
            return -1;
        if (d->found)
            return 0;
    }
    return 0;
}

void replay_diff_free(replay_diff *d)
{
    mem_free(d->logged);
    mem_free(d->replayed);
    memset(d, 0, sizeof *d);
}
