/* The session's feedback step (scenario-format.md "Decisions"): after a
 * decision where the advice was shown, the case has text for the choice,
 * or the time ran out; what session_view gives there; the fields the node,
 * decision and ending records keep for the debrief (decision-log.md); how
 * `run` leaves a feedback step without the case's text; and that only the
 * choices are timed, never a rating or the rationale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_load.h"
#include "inputs.h"
#include "log_reader.h"
#include "log_writer.h"
#include "runner.h"
#include "session.h"
#include "support.h"

#define SESSION_ID "7a1c9e2b-3d4f-4a5b-8c6d-9e0f1a2b3c4d"

typedef struct fixture {
    char *dir;
    char path[4200];
    case_def *c;
    log_writer *log;
    session *s;
    int64_t t;
    apperr e;
} fixture;

static fixture *fx_open(const char *name)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    char file[256];
    snprintf(file, sizeof file, "%s.lua", name);
    f->c = load_test_case(file);
    f->dir = test_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/log.jsonl", f->dir);
    log_open_opts lo = {NULL, f->path, SESSION_ID, "t1", f->c->id, 0, NULL, NULL};
    assert_int_equal(log_writer_open(&f->log, &lo, &f->e), 0);
    session_opts o = {
        "t1", NULL, 1, "play", SESSION_ID, "test", "testos", f->log, TIME_LIMITS_NORMAL, {0}};
    assert_int_equal(session_open(&f->s, f->c, &o, 0, &f->e), SESSION_OK);
    return f;
}

static void fx_close(fixture *f)
{
    session_close(f->s);
    log_writer_close(f->log);
    case_free(f->c);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
}

/* One action, 1 s after the last. */
static void act_ok(fixture *f, action_kind kind, const char *text, int value)
{
    session_action a = {kind, text, value};
    f->t += 1000;
    if (session_act(f->s, &a, f->t, &f->e) != SESSION_OK)
        fail_msg("%s at t=%lld: %s", text ? text : "action", (long long)f->t, f->e.msg);
}

static void tick_ok(fixture *f, int64_t t)
{
    f->t = t;
    assert_int_equal(session_tick(f->s, t, &f->e), SESSION_OK);
}

static session_step step(const fixture *f)
{
    return session_view_now(f->s).step;
}

/* The n-th record of type in s (0 the first). */
static const log_record *record(const log_session *s, log_record_type type, int n)
{
    for (size_t i = 0; i < s->n_records; i++)
        if (s->records[i].type == type && n-- == 0)
            return &s->records[i];
    fail_msg("no such record");
    return NULL;
}

/* ---- when the feedback step comes ------------------------------------------- */

static void test_no_feedback_step_without_advice_or_text_for_the_choice(void **state)
{
    (void)state;
    fixture *f = fx_open("session_feedback");
    act_ok(f, ACT_CHOOSE, "look", 0); /* no advice; the table has no text for look */
    assert_int_equal(step(f), STEP_CHOOSE_FINAL);
    assert_string_equal(session_view_now(f->s).node->id, "advised");
    assert_null(session_view_now(f->s).decision); /* only at the feedback step */
    fx_close(f);
}

static void test_feedback_step_with_the_case_text_for_the_choice(void **state)
{
    (void)state;
    fixture *f = fx_open("session_feedback");
    act_ok(f, ACT_CHOOSE, "call", 0);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_FEEDBACK);
    assert_non_null(v.decision);
    assert_string_equal(v.decision->final, "call");
    assert_string_equal(v.decision->feedback, "Calling early is right.");
    assert_string_equal(v.decision->prompt, "What first?");
    assert_int_equal(v.decision->n_labels, 2);
    assert_string_equal(v.decision->labels[1], "Call for help");
    assert_int_equal(v.decision->t, 1000);
    act_ok(f, ACT_VIEW, "results", 0); /* the record stays the same until the node is left */
    assert_string_equal(session_view_now(f->s).decision->final, "call");
    act_ok(f, ACT_CONTINUE, NULL, 0);
    assert_int_equal(step(f), STEP_CHOOSE_FINAL);
    assert_null(session_view_now(f->s).decision); /* so no feedback either */
    fx_close(f);
}

static void test_feedback_step_after_advice_without_case_text(void **state)
{
    (void)state;
    fixture *f = fx_open("session_feedback");
    act_ok(f, ACT_CHOOSE, "look", 0);
    act_ok(f, ACT_CHOOSE, "b", 0); /* followed the wrong advice */
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_FEEDBACK);
    assert_null(v.decision->feedback);
    assert_string_equal(v.decision->ai, "b");
    assert_true(v.decision->has_followed_ai && v.decision->followed_ai);
    assert_false(v.decision->final_correct);
    fx_close(f);
}

static void test_feedback_step_after_a_time_out_without_the_case_text(void **state)
{
    (void)state;
    fixture *f = fx_open("session_feedback");
    act_ok(f, ACT_CHOOSE, "look", 0);
    act_ok(f, ACT_CHOOSE, "a", 0);
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 3000: timed, deadline 13000 */
    assert_int_equal(session_view_now(f->s).deadline_ms, 13000);
    tick_ok(f, 20000);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_FEEDBACK);
    assert_null(v.decision->feedback); /* the case's text is not shown: time ran out */
    assert_true(v.decision->timed_out);
    assert_int_equal(v.decision->t, 13000);
    act_ok(f, ACT_CONTINUE, NULL, 0);
    assert_int_equal(session_view_now(f->s).status, SESSION_COMPLETE);
    fx_close(f);
}

/* ---- what the records keep ----------------------------------------------------- */

static void test_records_keep_titles_teaching_band_labels_and_texts(void **state)
{
    (void)state;
    fixture *f = fx_open("session_feedback");
    assert_int_equal(session_view_now(f->s).news2, 3);
    assert_int_equal(session_view_now(f->s).news2_band, NEWS2_BAND_LOW_MEDIUM);
    act_ok(f, ACT_CHOOSE, "call", 0);
    act_ok(f, ACT_CONTINUE, NULL, 0);
    act_ok(f, ACT_CHOOSE, "a", 0);
    act_ok(f, ACT_CONTINUE, NULL, 0);
    tick_ok(f, 20000);
    act_ok(f, ACT_CONTINUE, NULL, 0);
    log_session *s = test_read_log(f->path);
    const log_node *n = &record(s, LOG_REC_NODE, 0)->as.node;
    assert_string_equal(n->title, "First look");
    assert_string_equal(n->teaching, "New confusion scores 3 on its own."); /* a function */
    assert_string_equal(n->news2_band, "low-medium");
    assert_null(record(s, LOG_REC_NODE, 1)->as.node.title);
    assert_null(record(s, LOG_REC_NODE, 1)->as.node.teaching);
    const log_decision *d = &record(s, LOG_REC_DECISION, 0)->as.decision;
    assert_string_equal(d->prompt, "What first?");
    assert_int_equal(d->n_labels, 2);
    assert_string_equal(d->labels[0], "Look again later");
    assert_string_equal(d->feedback, "Calling early is right.");
    d = &record(s, LOG_REC_DECISION, 1)->as.decision;
    assert_null(d->prompt);
    assert_null(d->feedback);
    d = &record(s, LOG_REC_DECISION, 2)->as.decision;
    assert_true(d->timed_out);
    assert_null(d->feedback);
    const log_ending *en = &record(s, LOG_REC_ENDING, 0)->as.ending;
    assert_string_equal(en->title, "Home");
    assert_string_equal(en->text, "Home by evening.");
    assert_string_equal(en->summary, "Home.");
    for (size_t i = 0; i < s->n_records; i++)
        assert_int_equal(s->records[i].lacks, 0);
    log_session_free(s);
    fx_close(f);
}

/* A log written before these fields reads without a word, each added field
 * null and marked as lacking. */
static void count_issue(void *ctx, const log_issue *issue)
{
    (void)issue;
    ++*(int *)ctx;
}

static void test_an_older_log_without_the_added_fields_reads_quietly(void **state)
{
    (void)state;
    log_session *s = NULL;
    apperr e;
    int issues = 0;
    log_read_opts o = {.keep = LOG_KEEP_ALL, .on_issue = count_issue, .ctx = &issues};
    assert_int_equal(
        log_session_read(TEST_DATA_DIR "/golden/before-feedback/golden_ward.jsonl", &o, &s, &e), 0);
    assert_int_equal(issues, 0);
    const log_record *n = record(s, LOG_REC_NODE, 0);
    assert_null(n->as.node.news2_band);
    assert_int_not_equal(n->lacks, 0);
    const log_record *d = record(s, LOG_REC_DECISION, 0);
    assert_int_equal(d->as.decision.n_labels, 0);
    assert_int_not_equal(d->lacks, 0);
    assert_int_not_equal(record(s, LOG_REC_ENDING, 0)->lacks, 0);
    log_session_free(s);
}

/* ---- run -------------------------------------------------------------------------- */

/* Inputs with no `continue` after advice or a time-out, as written before
 * those steps were shown, still play the case to its end; the node after
 * each comes at the decision's own time. */
static void test_run_leaves_a_feedback_step_without_case_text_by_itself(void **state)
{
    (void)state;
    fixture *f = fx_open("session_feedback");
    inputs in;
    assert_int_equal(
        inputs_parse(&in, "in.txt", "choose call\ncontinue\nchoose a\nwait 11\n", &f->e), 0);
    int64_t t = 0;
    if (runner_run_inputs(f->s, &in, &t, &f->e) != 0)
        fail_msg("run: %s", f->e.msg);
    inputs_free(&in);
    log_session *s = test_read_log(f->path);
    assert_int_equal(record(s, LOG_REC_DECISION, 1)->t, 3000);
    assert_int_equal(record(s, LOG_REC_NODE, 2)->t, 3000); /* timed: deadline 13000 */
    assert_int_equal(record(s, LOG_REC_DECISION, 2)->t, 13000);
    assert_int_equal(record(s, LOG_REC_NODE, 3)->t, 13000);
    assert_int_equal(s->status, LOG_COMPLETE);
    log_session_free(s);
    fx_close(f);
}

/* ---- only the choices are timed --------------------------------------------------- */

/* A deadline passing while the initial choice is rated does not cut the
 * rating short; it takes effect once the rating is given. */
static void test_a_time_limit_does_not_fire_during_the_initial_rating(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed"); /* 30 s; after_initial, confidence asked */
    act_ok(f, ACT_CHOOSE, "cpr", 0);       /* 1000 */
    assert_int_equal(step(f), STEP_CONFIDENCE_INITIAL);
    assert_int_equal(session_view_now(f->s).deadline_ms, -1);
    tick_ok(f, 45000);
    assert_int_equal(step(f), STEP_CONFIDENCE_INITIAL);
    act_ok(f, ACT_CONFIDENCE, NULL, 3); /* 46000: advice shown, then the limit */
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_FEEDBACK);
    assert_true(v.decision->timed_out);
    assert_int_equal(v.decision->t, 46000);
    assert_string_equal(v.decision->initial, "cpr");
    fx_close(f);
}

/* The final rating, trust and the rationale are never timed: a deadline
 * long past at each of them fires nothing. */
static void test_ratings_and_the_rationale_are_never_timed(void **state)
{
    (void)state;
    fixture *f = fx_open("replay_timed"); /* 60 s; every rating, rationale on override */
    act_ok(f, ACT_CHOOSE, "a", 0);
    act_ok(f, ACT_CONFIDENCE, NULL, 5);
    act_ok(f, ACT_CHOOSE, "a", 0); /* 3000: final, against the advice */
    assert_int_equal(step(f), STEP_CONFIDENCE_FINAL);
    tick_ok(f, 100000);
    assert_int_equal(step(f), STEP_CONFIDENCE_FINAL);
    act_ok(f, ACT_CONFIDENCE, NULL, 6);
    assert_int_equal(step(f), STEP_TRUST);
    tick_ok(f, 200000);
    act_ok(f, ACT_TRUST, NULL, 2);
    assert_int_equal(step(f), STEP_RATIONALE);
    tick_ok(f, 300000);
    assert_int_equal(step(f), STEP_RATIONALE);
    act_ok(f, ACT_RATIONALE, "A fits better", 0);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_FEEDBACK);
    assert_false(v.decision->timed_out);
    assert_string_equal(v.decision->rationale, "A fits better");
    assert_string_equal(v.decision->feedback, "A was right.");
    fx_close(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_feedback_step_without_advice_or_text_for_the_choice),
        cmocka_unit_test(test_feedback_step_with_the_case_text_for_the_choice),
        cmocka_unit_test(test_feedback_step_after_advice_without_case_text),
        cmocka_unit_test(test_feedback_step_after_a_time_out_without_the_case_text),
        cmocka_unit_test(test_records_keep_titles_teaching_band_labels_and_texts),
        cmocka_unit_test(test_an_older_log_without_the_added_fields_reads_quietly),
        cmocka_unit_test(test_run_leaves_a_feedback_step_without_case_text_by_itself),
        cmocka_unit_test(test_a_time_limit_does_not_fire_during_the_initial_rating),
        cmocka_unit_test(test_ratings_and_the_rationale_are_never_timed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
