/* runner: plays a session with no window on virtual time (decision-log.md
 * "Rules"). Before every action the clock moves on 1000 ms (N x 1000 ms for
 * `wait N`) and session_tick runs first, so a time limit that is due fires
 * before the action, exactly as it would at the window.
 *
 * When the inputs run out while the case still waits, the runner leaves the
 * case the way a trainee would: one more second passes (ticking first, like
 * any action) and a `quit` action ends the session as `quit`.
 *
 * A feedback step with no text of the case (after advice, or a time-out)
 * is left at once, at the time it came, without an input: inputs and logs
 * from before those steps were shown still fit, and the log is as it was. */
#include "runner.h"

#include <stdio.h>
#include <string.h>

/* A chain of time limits that keeps running out within one wait (limits
 * of a millisecond looping through each other) is a broken case, not
 * something to spin on. */
#define MAX_TIMEOUTS_PER_WAIT 10000

static bool playing(const session *s)
{
    return session_view_now(s).status == SESSION_PLAYING;
}

/* "a choice at node arrival": what the session waits for, for messages. */
static void describe_wait(const session *s, char *buf, size_t size)
{
    session_view v = session_view_now(s);
    snprintf(buf, size, "%s at node %s", session_step_name(v.step),
             v.node && v.node->id ? v.node->id : "(none)");
}

int64_t runner_action_ms(const session_action *a)
{
    return a->kind == ACT_WAIT ? (int64_t)a->value * 1000 : 1000;
}

session_result runner_act_at(session *s, const session_action *a, int64_t t, apperr *e)
{
    if (a->kind == ACT_WAIT)
        return session_tick(s, t, e);
    return session_act(s, a, t, e); /* which ticks to t first */
}

/* At a feedback step without the case's text: Continue at t. */
static int settle(session *s, int64_t t, apperr *e)
{
    session_view v = session_view_now(s);
    if (v.status != SESSION_PLAYING || v.step != STEP_FEEDBACK ||
        (v.decision && v.decision->feedback))
        return 0;
    session_action go = {.kind = ACT_CONTINUE};
    return session_act(s, &go, t, e) == SESSION_OK ? 0 : -1;
}

static int fail_session(session *s, int64_t t, apperr_kind kind, const char *file, int line,
                        const char *msg, apperr *e);

/* Moves time to *t + ms: each time limit due by then fires at its own
 * deadline, and the feedback after it is left there, so that the next
 * node's limit runs from then, as at the window. */
static int advance(session *s, int64_t *t, int64_t ms, apperr *e)
{
    int64_t to = *t + ms;
    for (int n = 0;; n++) {
        session_view v = session_view_now(s);
        int64_t due = v.status == SESSION_PLAYING ? v.deadline_ms : -1;
        if (due < 0 || due > to)
            break;
        if (n == MAX_TIMEOUTS_PER_WAIT) {
            char msg[600];
            snprintf(msg, sizeof msg, "time limits keep running out in a loop at node %s",
                     v.node && v.node->id ? v.node->id : "(none)");
            return fail_session(s, due, APPERR_INPUT, v.c ? v.c->file : NULL,
                                v.node ? v.node->line : 0, msg, e);
        }
        if (session_tick(s, due, e) != SESSION_OK || settle(s, due, e) != 0)
            return -1;
    }
    *t = to;
    return session_tick(s, to, e) == SESSION_OK ? 0 : -1;
}

/* Ends the session "error" with msg and leaves msg in e (kind), unless the
 * log itself failed, which matters more (exit 3). */
static int fail_session(session *s, int64_t t, apperr_kind kind, const char *file, int line,
                        const char *msg, apperr *e)
{
    apperr set, logged;
    apperr_set(&set, kind, file, line, "%s", msg);
    char full[2048];
    apperr_format(&set, full, sizeof full);
    if (session_fail(s, t, full, &logged) == SESSION_IO) {
        *e = logged;
        return -1;
    }
    *e = set;
    return -1;
}

/* The session ended without completing: say how, for the exit message. */
static int not_completed(const session *s, apperr *e)
{
    session_view v = session_view_now(s);
    if (v.status == SESSION_COMPLETE)
        return 0;
    if (v.status == SESSION_QUIT)
        apperr_set(e, APPERR_INPUT, NULL, 0, "the case was left (quit) at node %s",
                   v.node && v.node->id ? v.node->id : "(none)");
    else
        apperr_set(e, APPERR_INPUT, NULL, 0, "%s", v.error ? v.error : "the session failed");
    return -1;
}

/* Where the actions come from: a parsed list or a reader. */
typedef struct source {
    const inputs *list;
    size_t next;
    inputs_reader *reader;
} source;

static const char *source_file(const source *src)
{
    return src->list ? src->list->file : inputs_reader_file(src->reader);
}

/* 1 with *il, 0 when the inputs have ended, -1 with e. */
static int next_input(source *src, const input_line **il, apperr *e)
{
    if (!src->list)
        return inputs_next(src->reader, il, e);
    if (src->next == src->list->n)
        return 0;
    *il = &src->list->items[src->next++];
    return 1;
}

static int leftover(const source *src, const input_line *il, apperr *e)
{
    apperr_set(e, APPERR_INPUT, source_file(src), il->line,
               "the case has already ended; this input and any after it are left over");
    return -1;
}

/* One input at its time; 0 to go on. */
static int feed_one(session *s, const source *src, const input_line *il, int64_t *t, apperr *e)
{
    if (il->action.kind == ACT_WAIT)
        return advance(s, t, runner_action_ms(&il->action), e);
    if (advance(s, t, runner_action_ms(&il->action), e) != 0)
        return -1;
    if (!playing(s)) /* the time limit fired into an ending */
        return leftover(src, il, e);
    apperr why;
    switch (session_act(s, &il->action, *t, &why)) {
    case SESSION_OK:
        return settle(s, *t, e);
    case SESSION_REJECTED:
        return fail_session(s, *t, APPERR_INPUT, source_file(src), il->line, why.msg, e);
    case SESSION_FAILED:
    case SESSION_IO:
        break;
    }
    *e = why;
    return -1;
}

/* The inputs ran out first: quit as the trainee would, then say where. */
static int ran_out(session *s, const source *src, int64_t *t, apperr *e)
{
    char waiting[512];
    apperr why;
    describe_wait(s, waiting, sizeof waiting);
    if (advance(s, t, 1000, e) != 0)
        return -1;
    if (!playing(s))
        return not_completed(s, e);
    session_action quit = {.kind = ACT_QUIT};
    if (session_act(s, &quit, *t, &why) != SESSION_OK) {
        *e = why;
        return -1;
    }
    apperr_set(e, APPERR_INPUT, source_file(src), 0,
               "the inputs ended before the case did; it was waiting for %s (logged as quit)",
               waiting);
    return -1;
}

/* A line that is not an action (only a reader finds one in play): the
 * session ends "error" with its message, unless it has ended already. */
static int bad_input(session *s, int64_t t, apperr *e)
{
    if (!playing(s))
        return -1;
    apperr bad = *e;
    return fail_session(s, t, bad.kind, bad.file[0] ? bad.file : NULL, bad.line, bad.msg, e);
}

static int run_source(session *s, source *src, int64_t *t, apperr *e)
{
    apperr_clear(e);
    const input_line *il;
    int got;
    while ((got = next_input(src, &il, e)) == 1) {
        if (!playing(s))
            return leftover(src, il, e);
        if (feed_one(s, src, il, t, e) != 0)
            return -1;
    }
    if (got < 0)
        return bad_input(s, *t, e);
    if (playing(s))
        return ran_out(s, src, t, e);
    return not_completed(s, e);
}

int runner_run_inputs(session *s, const inputs *in, int64_t *t, apperr *e)
{
    source src = {.list = in};
    return run_source(s, &src, t, e);
}

int runner_run_reader(session *s, inputs_reader *in, int64_t *t, apperr *e)
{
    source src = {.reader = in};
    return run_source(s, &src, t, e);
}

int runner_run_policy(session *s, policy *p, int64_t *t, size_t max_actions, apperr *e)
{
    apperr_clear(e);
    char msg[1200], waiting[512];
    for (size_t n = 0; n < max_actions && playing(s); n++) {
        if (advance(s, t, 1000, e) != 0)
            return -1;
        session_view v = session_view_now(s);
        session_action a;
        if (v.status != SESSION_PLAYING)
            break;
        if (!policy_next_action(p, &v, &a)) {
            describe_wait(s, waiting, sizeof waiting);
            snprintf(msg, sizeof msg, "policy %s has no action for %s", policy_name(p->kind),
                     waiting);
            return fail_session(s, *t, APPERR_INPUT, NULL, 0, msg, e);
        }
        apperr why;
        session_result r = session_act(s, &a, *t, &why);
        if (r == SESSION_REJECTED) {
            snprintf(msg, sizeof msg, "policy %s: %s", policy_name(p->kind), why.msg);
            return fail_session(s, *t, APPERR_INPUT, NULL, 0, msg, e);
        }
        if (r != SESSION_OK) {
            *e = why;
            return -1;
        }
        if (settle(s, *t, e) != 0)
            return -1;
    }
    if (playing(s)) {
        describe_wait(s, waiting, sizeof waiting);
        snprintf(msg, sizeof msg,
                 "the path did not end within %zu actions (a loop without exit?); it was "
                 "waiting for %s",
                 max_actions, waiting);
        return fail_session(s, *t, APPERR_INPUT, NULL, 0, msg, e);
    }
    return not_completed(s, e);
}
