/* Start anywhere (cli.md "Start anywhere"): a session opened at a node
 * (session_opts.from.node) with values an author gives (--set KEY=VALUE):
 * where it starts and with what state, what is refused before anything is
 * written, the session_start fields that record it (decision-log.md), a
 * replay of such a log, and running out of memory on the way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_load.h"
#include "failing_alloc.h"
#include "log_reader.h"
#include "log_writer.h"
#include "mem.h"
#include "policy.h"
#include "replay.h"
#include "runner.h"
#include "session.h"
#include "session_from.h"
#include "support.h"

#define SESSION_ID "5d2e8f1a-4b3c-4d5e-9f6a-7b8c9d0e1f2a"
#define CASE_FILE "from_start.lua"

typedef struct fixture {
    char *dir;
    char path[4200];
    case_def *c;
    log_writer *log;
    session *s;
    apperr e;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->c = load_test_case(CASE_FILE);
    f->dir = test_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/log.jsonl", f->dir);
    log_open_opts lo = {NULL, f->path, SESSION_ID, "t1", f->c->id, 0, NULL, NULL};
    assert_int_equal(log_writer_open(&f->log, &lo, &f->e), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    session_close(f->s);
    log_writer_close(f->log);
    case_free(f->c);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static session_opts opts(fixture *f, const char *node, const char *const *sets, size_t n)
{
    session_opts o = {
        "t1",           NULL, 3, "run", SESSION_ID, "test", "testos", f->log, TIME_LIMITS_NORMAL,
        {node, sets, n}};
    return o;
}

static session_result open_from(fixture *f, const char *node, const char *const *sets, size_t n)
{
    session_opts o = opts(f, node, sets, n);
    return session_open(&f->s, f->c, &o, 0, &f->e);
}

static void expect_text(const fixture *f, const char *node, const char *text)
{
    session_view v = session_view_now(f->s);
    assert_non_null(v.node);
    assert_string_equal(v.node->id, node);
    assert_string_equal(v.node->text, text);
}

static void play_to_end(fixture *f)
{
    policy p;
    int64_t t = 0;
    policy_init(&p, POLICY_BEST, 1);
    if (runner_run_policy(f->s, &p, &t, 100, &f->e) != 0)
        fail_msg("play: %s", f->e.msg);
    assert_int_equal(session_view_now(f->s).status, SESSION_COMPLETE);
}

/* ---- where it starts, with what ---------------------------------------------- */

/* The nodes before it are not played: neither the arrival's `set` nor its
 * on_enter ran; the vitals and clock are the case's start values and no
 * choice has been made. */
static void test_from_starts_at_the_node_with_the_case_start_values(void **state)
{
    fixture *f = *state;
    assert_int_equal(open_from(f, "review", NULL, 0), SESSION_OK);
    expect_text(f, "review", "lactate_done=nil bed=nil score=nil hr=96 choices=none");
    session_view v = session_view_now(f->s);
    assert_true(v.live->clock == 0);
    assert_true(v.live->vitals.num[VITAL_HR] == 96);
    assert_int_equal(v.step, STEP_CHOOSE_INITIAL);
}

/* Each --set reaches s.vars (a number, a boolean, text with its quotes
 * taken off) or s.vitals, as the case's own functions read them. */
static void test_sets_reach_the_vars_and_vitals_a_case_function_reads(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"score=7", "lactate_done=true", "bed=\"side room\"", "vitals.hr=130"};
    assert_int_equal(open_from(f, "review", sets, 4), SESSION_OK);
    expect_text(f, "review", "lactate_done=true bed=side room score=7 hr=130 choices=none");
    session_view v = session_view_now(f->s);
    assert_true(v.live->vitals.num[VITAL_HR] == 130);
    assert_true(v.live->vitals.num[VITAL_SBP] == 124); /* the rest as the case starts */
}

/* Without --from the case starts at its start, with the values given: what
 * the nodes played set afterwards still wins. */
static void test_set_without_from_starts_at_the_start_with_those_values(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"score=2.5", "bed=corridor"};
    assert_int_equal(open_from(f, NULL, sets, 2), SESSION_OK);
    expect_text(f, "arrival", "A patient arrives.");
    session_action go = {ACT_CONTINUE, NULL, 0};
    assert_int_equal(session_act(f->s, &go, 1000, &f->e), SESSION_OK);
    expect_text(f, "review", "lactate_done=true bed=resus score=2.5 hr=120 choices=none");
}

/* ---- refused before anything is written ---------------------------------- */

static void expect_refused(fixture *f, const char *node, const char *set, const char *msg)
{
    const char *sets[] = {set};
    session_result r = open_from(f, node, sets, set ? 1 : 0);
    assert_int_equal(r, SESSION_REJECTED);
    assert_null(f->s);
    assert_int_equal(f->e.kind, APPERR_USAGE);
    assert_string_equal(f->e.msg, msg);
    assert_int_equal(log_writer_records(f->log), 0);
}

static void test_an_unknown_node_is_refused_with_the_nodes_there_are(void **state)
{
    expect_refused(*state, "reveiw", NULL,
                   "--from: unknown node 'reveiw' (case from-start has: arrival, bad_end, "
                   "good_end, review); 'appraise graph " TEST_CASES_DIR "/" CASE_FILE
                   "' draws them all");
}

static void test_a_set_without_a_key_and_value_is_refused(void **state)
{
    const char *msg = "--set 'score': write KEY=VALUE, e.g. --set lactate_done=true or --set "
                      "vitals.hr=130";
    expect_refused(*state, NULL, "score", msg);
}

static void test_a_set_whose_key_is_not_a_name_is_refused(void **state)
{
    expect_refused(*state, "review", "s.vars.a=1",
                   "--set 's.vars.a=1': 's.vars.a' is not a name: KEY is a name of letters, "
                   "digits and _ (s.vars.KEY), or vitals.NAME");
}

static void test_an_unknown_vital_is_refused(void **state)
{
    expect_refused(*state, "review", "vitals.heart=80",
                   "--set 'vitals.heart=80': unknown vital 'heart' (known: hr, sbp, dbp, rr, "
                   "spo2, o2, temp, gcs, avpu, glucose, pain, spo2_scale; own keys begin with "
                   "x_)");
}

static void test_a_vital_out_of_its_range_is_refused(void **state)
{
    expect_refused(*state, "review", "vitals.hr=900",
                   "--set 'vitals.hr=900': hr must be a number from 0 to 300, got 900");
}

static void test_a_vital_that_is_not_a_number_where_one_is_needed_is_refused(void **state)
{
    expect_refused(
        *state, "review", "vitals.spo2=high",
        "--set 'vitals.spo2=high': spo2 must be a number from 0 to 100, got text \"high\"");
    fixture *f = *state;
    expect_refused(f, "review", "vitals.avpu=true",
                   "--set 'vitals.avpu=true': a vital is a number or text");
}

/* ---- reading a value ------------------------------------------------------ */

static void expect_setting(const char *text, case_setting_kind kind, double num, const char *str)
{
    case_setting v;
    char *own = NULL;
    apperr e;
    if (session_setting_parse(text, &v, &own, &e) != 0)
        fail_msg("%s: %s", text, e.msg);
    if (v.kind != kind)
        fail_msg("%s: kind %d, not %d", text, (int)v.kind, (int)kind);
    if (kind == CASE_SET_NUMBER)
        assert_true(v.num == num);
    if (kind == CASE_SET_TEXT)
        assert_string_equal(v.text, str);
    if (kind == CASE_SET_BOOL)
        assert_int_equal(v.flag, num != 0);
    mem_free(own);
}

static void test_a_key_set_twice_is_refused(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"vitals.hr=120", "score=1", "vitals.hr=130"};
    assert_int_equal(open_from(f, "review", sets, 3), SESSION_REJECTED);
    assert_null(f->s);
    assert_int_equal(f->e.kind, APPERR_USAGE);
    assert_string_equal(f->e.msg, "--set vitals.hr is given twice ('vitals.hr=120' and "
                                  "'vitals.hr=130'): give it once");
    assert_int_equal(log_writer_records(f->log), 0);
}

static void test_values_are_numbers_booleans_or_text(void **state)
{
    (void)state;
    expect_setting("x=7", CASE_SET_NUMBER, 7, NULL);
    expect_setting("x=-2.5", CASE_SET_NUMBER, -2.5, NULL);
    expect_setting("x=1e3", CASE_SET_NUMBER, 1000, NULL);
    expect_setting("x=true", CASE_SET_BOOL, 1, NULL);
    expect_setting("x=false", CASE_SET_BOOL, 0, NULL);
    expect_setting("x=0x10", CASE_SET_TEXT, 0, "0x10"); /* not a number as a case writes one */
    expect_setting("x=inf", CASE_SET_TEXT, 0, "inf");
    expect_setting("x=1.2.3", CASE_SET_TEXT, 0, "1.2.3");
    expect_setting("x=\"7\"", CASE_SET_TEXT, 0, "7"); /* quoted: text */
    expect_setting("x='side room'", CASE_SET_TEXT, 0, "side room");
    expect_setting("x=\"", CASE_SET_TEXT, 0, "\""); /* one quote is not a pair */
    expect_setting("x=", CASE_SET_TEXT, 0, "");
    expect_setting("x=a=b", CASE_SET_TEXT, 0, "a=b");
}

/* ---- the log and its replay --------------------------------------------------- */

static void test_the_log_records_from_and_set_as_given(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"score=7", "bed=\"side room\""};
    assert_int_equal(open_from(f, "review", sets, 2), SESSION_OK);
    play_to_end(f);
    log_session *ls = test_read_log(f->path);
    assert_string_equal(ls->from, "review");
    assert_int_equal(ls->n_set, 2);
    assert_string_equal(ls->set[0], "score=7");
    assert_string_equal(ls->set[1], "bed=\"side room\"");
    assert_string_equal(ls->records[1].as.node.node, "review");
    log_session_free(ls);
}

/* A session started as the case starts writes neither field: older readers
 * and the debrief see it as before. */
static void test_the_log_has_no_from_or_set_when_none_was_given(void **state)
{
    fixture *f = *state;
    assert_int_equal(open_from(f, NULL, NULL, 0), SESSION_OK);
    play_to_end(f);
    char *text = test_read_file(f->path, NULL);
    assert_non_null(text);
    assert_null(strstr(text, "\"from\""));
    assert_null(strstr(text, "\"set\""));
    assert_non_null(strstr(text, "\"time_limits\":\"normal\"}"));
    free(text);
}

/* replay (and replay --verify) starts where the log started, with its
 * values, and gives the same records. */
static void test_a_log_started_from_a_node_replays_identically(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"score=7", "vitals.hr=130"};
    assert_int_equal(open_from(f, "review", sets, 2), SESSION_OK);
    play_to_end(f);
    session_close(f->s);
    f->s = NULL;

    replay r;
    apperr e;
    if (replay_open(&r, f->path, &e) != 0)
        fail_msg("replay_open: %s", e.msg);
    assert_string_equal(r.start.from.node, "review");
    assert_int_equal(r.start.from.n_sets, 2);
    char again[4300];
    snprintf(again, sizeof again, "%s/replayed.jsonl", f->dir);
    log_writer *log = NULL;
    log_open_opts lo = {NULL, again, "99999999-9999-4999-8999-999999999999", "t1", f->c->id, 0,
                        NULL, NULL};
    assert_int_equal(log_writer_open(&log, &lo, &e), 0);
    session_opts o = {"t1",
                      NULL,
                      r.start.seed,
                      "replay",
                      "99999999-9999-4999-8999-999999999999",
                      "other",
                      "other",
                      log,
                      r.start.time_limits,
                      r.start.from};
    session *s = NULL;
    assert_int_equal(session_open(&s, f->c, &o, 0, &e), SESSION_OK);
    int64_t t = 0;
    if (replay_all(&r, s, &t, &e) != 0)
        fail_msg("replay_all: %s", e.msg);
    session_close(s);
    log_writer_close(log);
    log_session *replayed = test_read_log(again);
    replay_diff d;
    assert_int_equal(replay_compare(r.log, replayed, 0, &d), 0);
    if (d.found)
        fail_msg("replay differs at seq %lld (%s), field %s: logged %s, replayed %s",
                 (long long)d.seq, d.type, d.field ? d.field : "(record)", d.logged, d.replayed);
    replay_diff_free(&d);
    log_session_free(replayed);
    replay_close(&r);
}

/* ---- out of memory ------------------------------------------------------------ */

/* Every allocation of a session opened at a node with values, played to
 * its end, may fail: the play says so and leaks nothing. */
static void test_a_play_from_a_node_that_runs_out_of_memory_leaks_nothing(void **state)
{
    fixture *f = *state;
    const char *sets[] = {"score=7", "bed='side room'", "vitals.hr=130", "vitals.x_cap=3 s"};
    failing_alloc_install();
    for (long k = 0;; k++) {
        session *s = NULL;
        policy p;
        apperr e;
        int64_t t = 0;
        policy_init(&p, POLICY_BEST, 1);
        session_opts o = opts(f, "review", sets, 4);
        o.log = NULL;
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = session_open(&s, f->c, &o, 0, &e) == SESSION_OK
                     ? runner_run_policy(s, &p, &t, 100, &e)
                     : -1;
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        session_close(s);
        if (alloc_live != before)
            fail_msg("allocation %ld failed: %ld blocks left", k, alloc_live - before);
        if (!failed) {
            assert_int_equal(rc, 0);
            assert_true(k > 0);
            break;
        }
        if (rc != -1 || e.kind != APPERR_ENV || !strstr(e.msg, "out of memory"))
            fail_msg("allocation %ld failed, and the play gave %d: %s", k, rc, e.msg);
    }
    failing_alloc_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_from_starts_at_the_node_with_the_case_start_values),
        T(test_sets_reach_the_vars_and_vitals_a_case_function_reads),
        T(test_set_without_from_starts_at_the_start_with_those_values),
        T(test_an_unknown_node_is_refused_with_the_nodes_there_are),
        T(test_a_set_without_a_key_and_value_is_refused),
        T(test_a_set_whose_key_is_not_a_name_is_refused),
        T(test_an_unknown_vital_is_refused),
        T(test_a_vital_out_of_its_range_is_refused),
        T(test_a_vital_that_is_not_a_number_where_one_is_needed_is_refused),
        T(test_a_key_set_twice_is_refused),
        T(test_values_are_numbers_booleans_or_text),
        T(test_the_log_records_from_and_set_as_given),
        T(test_the_log_has_no_from_or_set_when_none_was_given),
        T(test_a_log_started_from_a_node_replays_identically),
        T(test_a_play_from_a_node_that_runs_out_of_memory_leaks_nothing),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
