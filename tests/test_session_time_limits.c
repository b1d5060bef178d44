/* test_session_time_limits: a session played with the trainee's time
 * limits setting (time_limits.h): twice the case's limit with double, none
 * at all with off, however long the trainee takes; the setting written in
 * session_start every time, and the limit in force in each decision
 * record (left out where none ran). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "case_load.h"
#include "log_reader.h"
#include "log_writer.h"
#include "session.h"
#include "support.h"

#define SESSION_ID "3a1c9e7f-2b4d-4c6e-8f0a-1b2c3d4e5f60"

typedef struct fixture {
    char *dir;
    char log_path[4200];
    log_writer *log;
    case_def *c;
    session *s;
    apperr e;
    log_session *read; /* the log as read back (fx_read) */
} fixture;

static int64_t fixed_clock(void *ctx)
{
    (void)ctx;
    return 1795000000000LL;
}

/* Opens a session on tests/cases/NAME at t = 0 with the setting given. */
static fixture *fx_open(const char *name, time_limits limits)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_tmpdir();
    f->c = load_test_case(name);
    snprintf(f->log_path, sizeof f->log_path, "%s/log.jsonl", f->dir);
    log_open_opts lo = {NULL, f->log_path, SESSION_ID, "t1", f->c->id, 0, fixed_clock, NULL};
    if (log_writer_open(&f->log, &lo, &f->e) != 0)
        fail_msg("log_writer_open: %s", f->e.msg);
    session_opts o = {.trainee = "t1",
                      .seed = 42,
                      .mode = "run",
                      .session_id = SESSION_ID,
                      .engine_version = "test-engine",
                      .host_os = "testos",
                      .log = f->log,
                      .time_limits = limits};
    if (session_open(&f->s, f->c, &o, 0, &f->e) != SESSION_OK)
        fail_msg("session_open: %s", f->e.msg);
    return f;
}

static void fx_close(fixture *f)
{
    session_close(f->s);
    log_writer_close(f->log);
    log_session_free(f->read);
    case_free(f->c);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
}

static void act_at(fixture *f, action_kind kind, const char *text, int value, int64_t t)
{
    session_action a = {kind, text, value};
    session_result r = session_act(f->s, &a, t, &f->e);
    if (r != SESSION_OK)
        fail_msg("action %d at t=%lld: result %d: %s", (int)kind, (long long)t, (int)r, f->e.msg);
}

static session_step step(const fixture *f)
{
    return session_view_now(f->s).step;
}

/* The log as written so far, read back with every record. */
static const log_session *fx_read(fixture *f)
{
    log_session_free(f->read);
    f->read = NULL;
    log_read_opts o = {.keep = LOG_KEEP_ALL};
    if (log_session_read(f->log_path, &o, &f->read, &f->e) != 0)
        fail_msg("reading the log: %s", f->e.msg);
    return f->read;
}

/* The log's line of the record type given (the first). */
static char *raw_line(const fixture *f, const char *type)
{
    char *text = test_read_file(f->log_path, NULL), want[64];
    assert_non_null(text);
    snprintf(want, sizeof want, "\"type\":\"%s\"", type);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        if (strstr(line, want)) {
            char *copy = strdup(line);
            free(text);
            return copy;
        }
    free(text);
    fail_msg("no %s record in the log", type);
    return NULL;
}

static void start_says(const fixture *f, const char *setting)
{
    char *line = raw_line(f, "session_start"), want[64];
    snprintf(want, sizeof want, "\"time_limits\":\"%s\"", setting);
    if (!strstr(line, want))
        fail_msg("session_start lacks %s: %s", want, line);
    free(line);
}

static void test_normal_runs_the_case_s_limit_and_logs_it(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed.lua", TIME_LIMITS_NORMAL);
    assert_int_equal(session_view_now(f->s).deadline_ms, 30000);
    assert_int_equal(session_tick(f->s, 30000, &f->e), SESSION_OK);
    assert_int_equal(step(f), STEP_FEEDBACK);
    const log_session *ls = fx_read(f);
    assert_string_equal(ls->time_limits, "normal"); /* written even when it is the default */
    assert_int_equal(ls->n_decisions, 1);
    assert_true(ls->decisions[0].timed_out);
    assert_true(ls->decisions[0].has_time_limit_ms);
    assert_int_equal(ls->decisions[0].time_limit_ms, 30000);
    start_says(f, "normal");
    fx_close(f);
}

static void test_double_gives_twice_the_time_before_the_limit_fires(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed.lua", TIME_LIMITS_DOUBLE);
    assert_int_equal(session_view_now(f->s).deadline_ms, 60000);
    act_at(f, ACT_CHOOSE, "cpr", 0, 1000);
    act_at(f, ACT_CONFIDENCE, NULL, 3, 2000);
    assert_int_equal(session_tick(f->s, 30000, &f->e), SESSION_OK); /* the case's own limit */
    assert_int_equal(step(f), STEP_CHOOSE_FINAL);
    assert_int_equal(session_tick(f->s, 59999, &f->e), SESSION_OK);
    assert_int_equal(step(f), STEP_CHOOSE_FINAL);
    assert_int_equal(session_tick(f->s, 60000, &f->e), SESSION_OK);
    assert_int_equal(step(f), STEP_FEEDBACK);
    assert_true(session_view_now(f->s).decision->timed_out);
    const log_session *ls = fx_read(f);
    assert_string_equal(ls->time_limits, "double");
    const log_decision *d = &ls->decisions[0];
    assert_true(d->timed_out);
    assert_int_equal(d->t, 60000);
    assert_true(d->has_time_limit_ms);
    assert_int_equal(d->time_limit_ms, 60000);
    fx_close(f);
}

static void test_double_limit_is_logged_when_the_choice_comes_in_time(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed.lua", TIME_LIMITS_DOUBLE);
    act_at(f, ACT_CHOOSE, "cpr", 0, 40000); /* after 30 s: too late with normal */
    act_at(f, ACT_CONFIDENCE, NULL, 3, 41000);
    act_at(f, ACT_CHOOSE, "shock", 0, 59000);
    act_at(f, ACT_CONFIDENCE, NULL, 6, 70000);
    act_at(f, ACT_TRUST, NULL, 6, 71000);
    assert_int_equal(step(f), STEP_FEEDBACK);
    const log_decision *d = &fx_read(f)->decisions[0];
    assert_false(d->timed_out);
    assert_string_equal(d->final, "shock");
    assert_true(d->has_time_limit_ms);
    assert_int_equal(d->time_limit_ms, 60000);
    fx_close(f);
}

/* With off no limit runs: not after the case's limit, not after a day. */
static void test_off_never_times_out_even_after_a_long_wait(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed.lua", TIME_LIMITS_OFF);
    assert_int_equal(session_view_now(f->s).deadline_ms, -1);
    assert_int_equal(session_tick(f->s, 30000, &f->e), SESSION_OK);
    assert_int_equal(step(f), STEP_CHOOSE_INITIAL);
    session_action w = {ACT_WAIT, NULL, 86400};
    assert_int_equal(session_act(f->s, &w, 86400000LL, &f->e), SESSION_OK);
    assert_int_equal(step(f), STEP_CHOOSE_INITIAL);
    act_at(f, ACT_CHOOSE, "cpr", 0, 86401000LL);
    act_at(f, ACT_CONFIDENCE, NULL, 3, 86402000LL);
    assert_int_equal(session_view_now(f->s).deadline_ms, -1);
    assert_int_equal(session_tick(f->s, 3 * 86400000LL, &f->e), SESSION_OK);
    assert_int_equal(step(f), STEP_CHOOSE_FINAL);
    act_at(f, ACT_CHOOSE, "shock", 0, 3 * 86400000LL + 1000);
    act_at(f, ACT_CONFIDENCE, NULL, 6, 3 * 86400000LL + 2000);
    act_at(f, ACT_TRUST, NULL, 6, 3 * 86400000LL + 3000);
    act_at(f, ACT_CONTINUE, NULL, 0, 3 * 86400000LL + 4000);
    assert_int_equal(session_view_now(f->s).status, SESSION_COMPLETE);
    const log_session *ls = fx_read(f);
    assert_string_equal(ls->time_limits, "off");
    assert_int_equal(ls->n_decisions, 1);
    assert_false(ls->decisions[0].timed_out);
    assert_false(ls->decisions[0].has_time_limit_ms);
    assert_int_equal(ls->outcomes[LOG_OUTCOME_GOOD], 1);
    /* left out of the record, not written as null */
    char *line = raw_line(f, "decision");
    assert_null(strstr(line, "time_limit_ms"));
    free(line);
    start_says(f, "off");
    fx_close(f);
}

/* A decision the case sets no limit on has none in force, whatever the
 * setting: its record has no time_limit_ms. */
static void test_a_decision_without_a_limit_logs_none(void **state)
{
    (void)state;
    for (int t = TIME_LIMITS_NORMAL; t <= TIME_LIMITS_OFF; t++) {
        fixture *f = fx_open("session_after_initial.lua", (time_limits)t);
        int64_t at = 0;
        while (step(f) == STEP_CONTINUE)
            act_at(f, ACT_CONTINUE, NULL, 0, at += 1000);
        assert_int_equal(session_view_now(f->s).deadline_ms, -1);
        const case_node *n = session_view_now(f->s).node;
        assert_int_equal(n->kind, NODE_DECISION);
        const char *pick = n->decision.options[0].id;
        act_at(f, ACT_CHOOSE, pick, 0, at += 1000);
        act_at(f, ACT_CONFIDENCE, NULL, 4, at += 1000);
        act_at(f, ACT_CHOOSE, pick, 0, at += 1000);
        while (step(f) == STEP_CONFIDENCE_FINAL || step(f) == STEP_TRUST)
            act_at(f, step(f) == STEP_TRUST ? ACT_TRUST : ACT_CONFIDENCE, NULL, 4, at += 1000);
        if (step(f) == STEP_RATIONALE)
            act_at(f, ACT_RATIONALE, "why", 0, at += 1000);
        const log_session *ls = fx_read(f);
        assert_int_equal(ls->n_decisions, 1);
        assert_false(ls->decisions[0].has_time_limit_ms);
        assert_string_equal(ls->time_limits, time_limits_name((time_limits)t));
        fx_close(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normal_runs_the_case_s_limit_and_logs_it),
        cmocka_unit_test(test_double_gives_twice_the_time_before_the_limit_fires),
        cmocka_unit_test(test_double_limit_is_logged_when_the_choice_comes_in_time),
        cmocka_unit_test(test_off_never_times_out_even_after_a_long_wait),
        cmocka_unit_test(test_a_decision_without_a_limit_logs_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
