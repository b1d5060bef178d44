/* Tests of the window-less runner: virtual time, inputs that do not fit, end
 * early or are left over, inputs read as a stream, the rationale as logged,
 * and policies played to the end. Fixture cases are
 * tests/cli/mini.lua (after_initial advice, every rating) and
 * tests/cli/timed.lua (a 30 s limit whose timeout ends the case). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "case_load.h"
#include "inputs.h"
#include "log_reader.h"
#include "log_writer.h"
#include "policy.h"
#include "runner.h"
#include "session.h"
#include "support.h"

#define SESSION_ID "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f"

/* The path of tests/cli/mini.lua to its end, overriding wrong advice. */
#define FULL_PATH                                                                                  \
    "continue\n"                                                                                   \
    "choose wait\n"                                                                                \
    "confidence 3\n"                                                                               \
    "choose treat\n"                                                                               \
    "confidence 5\n"                                                                               \
    "trust 2\n"                                                                                    \
    "rationale \"the score misses it\"\n"                                                          \
    "continue\n"

typedef struct fixture {
    char *dir;
    case_def *c;
    log_writer *log;
    session *s;
    inputs in;
    int64_t t;
    apperr e;
} fixture;

static int64_t fixed_clock(void *ctx)
{
    (void)ctx;
    return 1795000000000LL;
}

static fixture *fx_open(const char *case_name)
{
    fixture *f = calloc(1, sizeof *f);
    char path[4096], log_path[4200];
    assert_non_null(f);
    f->dir = test_tmpdir();
    assert_non_null(f->dir);
    snprintf(path, sizeof path, "%s/cli/%s.lua", TEST_DATA_DIR, case_name);
    case_load_opts lo = {0, 0, 1};
    if (case_load(&f->c, path, &lo, &f->e) != 0)
        fail_msg("loading %s: %s", path, f->e.msg);
    snprintf(log_path, sizeof log_path, "%s/log.jsonl", f->dir);
    log_open_opts o = {NULL, log_path, SESSION_ID, "t1", f->c->id, 0, fixed_clock, NULL};
    if (log_writer_open(&f->log, &o, &f->e) != 0)
        fail_msg("log_writer_open: %s", f->e.msg);
    session_opts so = {"t1", NULL, 1, "run", SESSION_ID, "test", "testos", f->log, TIME_LIMITS_NORMAL, {0}};
    assert_int_equal(session_open(&f->s, f->c, &so, 0, &f->e), SESSION_OK);
    return f;
}

static void fx_close(fixture *f)
{
    session_close(f->s);
    log_writer_close(f->log);
    case_free(f->c);
    inputs_free(&f->in);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
}

/* Runs text as inputs.txt, read as a stream as `run` reads it; returns the
 * runner's result. */
static int run_text(fixture *f, const char *text)
{
    apperr pe;
    inputs_reader *r;
    if (inputs_open_text(&r, "inputs.txt", text, strlen(text), &pe) != 0)
        fail_msg("inputs: %s", pe.msg);
    int rc = runner_run_reader(f->s, r, &f->t, &f->e);
    inputs_close(r);
    return rc;
}

/* The same from inputs parsed whole first. */
static int run_list(fixture *f, const char *text)
{
    apperr pe;
    if (inputs_parse(&f->in, "inputs.txt", text, &pe) != 0)
        fail_msg("inputs: %s", pe.msg);
    return runner_run_inputs(f->s, &f->in, &f->t, &f->e);
}

static session_status status_of(const fixture *f)
{
    return session_view_now(f->s).status;
}

/* The log's text, to look for records. */
static char *log_text(const fixture *f)
{
    char *text = test_read_file(log_writer_path(f->log), NULL);
    assert_non_null(text);
    return text;
}

static void test_runner_plays_inputs_to_the_end_on_virtual_time(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    assert_int_equal(run_text(f, FULL_PATH), 0);
    assert_int_equal(status_of(f), SESSION_COMPLETE);
    assert_int_equal(f->t, 8000); /* eight actions, one second each */
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"type\":\"session_end\",\"session\":\"" SESSION_ID
                                "\",\"seq\":7,\"t\":8000"));
    assert_non_null(strstr(log, "\"final\":\"treat\""));
    free(log);
    fx_close(f);
}

static void test_runner_inputs_parsed_whole_play_the_same(void **state)
{
    (void)state;
    fixture *f = fx_open("mini"), *g = fx_open("mini");
    assert_int_equal(run_text(f, FULL_PATH "continue\n"), -1);
    assert_int_equal(run_list(g, FULL_PATH "continue\n"), -1);
    assert_int_equal(status_of(g), SESSION_COMPLETE);
    assert_int_equal(g->e.line, 9);
    char *a = log_text(f), *b = log_text(g);
    assert_string_equal(a, b);
    free(a);
    free(b);
    fx_close(f);
    fx_close(g);
}

static void test_runner_wait_adds_its_seconds_and_no_more(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    assert_int_equal(run_text(f, "wait 12\nwait 0\ncontinue\n"), -1); /* then inputs end */
    assert_int_equal(f->t, 12000 + 0 + 1000 + 1000); /* the last second is the implicit quit */
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"node\":\"choice\""));
    assert_non_null(strstr(log, "\"seq\":2,\"t\":13000")); /* choice entered at 13 s */
    free(log);
    fx_close(f);
}

static void test_runner_action_that_does_not_fit_fails_the_session_naming_its_line(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    char buf[2048];
    assert_int_equal(run_text(f, "continue\n\n# rate before choosing\nconfidence 4\n"), -1);
    assert_int_equal(f->e.kind, APPERR_INPUT);
    assert_string_equal(f->e.file, "inputs.txt");
    assert_int_equal(f->e.line, 4);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_ERROR);
    assert_non_null(v.error);
    assert_true(strncmp(v.error, "inputs.txt:4: ", 14) == 0);
    assert_true(strncmp(apperr_format(&f->e, buf, sizeof buf), "inputs.txt:4: ", 14) == 0);
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"status\":\"error\""));
    free(log);
    fx_close(f);
}

static void test_runner_inputs_ending_first_quit_and_name_the_node(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    assert_int_equal(run_text(f, "continue\nchoose wait\n"), -1);
    assert_int_equal(status_of(f), SESSION_QUIT);
    assert_int_equal(f->e.kind, APPERR_INPUT);
    assert_string_equal(f->e.file, "inputs.txt");
    assert_int_equal(f->e.line, 0);
    assert_non_null(strstr(f->e.msg, "the inputs ended before the case did"));
    assert_non_null(strstr(f->e.msg, "at node choice"));
    assert_int_equal(f->t, 3000); /* the quit takes its second too */
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"t\":3000,"));
    assert_non_null(strstr(log, "\"status\":\"quit\""));
    free(log);
    fx_close(f);
}

static void test_runner_empty_inputs_quit_at_the_start_node(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    assert_int_equal(run_text(f, "# nothing\n"), -1);
    assert_int_equal(status_of(f), SESSION_QUIT);
    assert_non_null(strstr(f->e.msg, "at node intro"));
    fx_close(f);
}

static void test_runner_inputs_left_over_name_their_line_and_keep_the_log(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    assert_int_equal(run_text(f, FULL_PATH "\n# more\ncontinue\nquit\n"), -1);
    assert_int_equal(status_of(f), SESSION_COMPLETE);
    assert_string_equal(f->e.file, "inputs.txt");
    assert_int_equal(f->e.line, 11);
    assert_non_null(strstr(f->e.msg, "left over"));
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"status\":\"complete\""));
    free(log);
    fx_close(f);
}

static void test_runner_explicit_quit_is_not_a_completed_case(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    assert_int_equal(run_text(f, "continue\nquit\n"), -1);
    assert_int_equal(status_of(f), SESSION_QUIT);
    assert_int_equal(f->e.kind, APPERR_INPUT);
    assert_non_null(strstr(f->e.msg, "quit"));
    assert_non_null(strstr(f->e.msg, "choice"));
    assert_int_equal(f->t, 2000);
    fx_close(f);
}

static void test_runner_wait_lets_the_time_limit_fire(void **state)
{
    (void)state;
    fixture *f = fx_open("timed");
    assert_int_equal(run_text(f, "wait 30\n"), 0);
    assert_int_equal(status_of(f), SESSION_COMPLETE);
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"timed_out\":true"));
    assert_non_null(strstr(log, "\"outcome\":\"harm\""));
    free(log);
    fx_close(f);
}

static void test_runner_due_time_limit_fires_before_the_action(void **state)
{
    (void)state;
    fixture *f = fx_open("timed");
    /* At 29 s the limit is not due; the choose at 30 s comes after it fired. */
    assert_int_equal(run_text(f, "wait 29\nchoose shock\n"), -1);
    assert_int_equal(f->e.line, 2);
    assert_non_null(strstr(f->e.msg, "left over"));
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"timed_out\":true"));
    assert_null(strstr(log, "\"final\":\"shock\""));
    free(log);
    fx_close(f);
}

static void test_runner_choice_just_before_the_limit_counts(void **state)
{
    (void)state;
    fixture *f = fx_open("timed");
    assert_int_equal(run_text(f, "wait 28\nchoose shock\n"), 0);
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"final\":\"shock\""));
    assert_non_null(strstr(log, "\"outcome\":\"good\""));
    free(log);
    fx_close(f);
}

/* ---- inputs read as a stream -------------------------------------------- */

/* A line that is not an action, found only when it comes (from a pipe),
 * ends the session "error" naming it, as an action that does not fit. */
static void test_runner_line_that_is_not_an_action_in_play_ends_the_session(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    char buf[2048];
    assert_int_equal(run_text(f, "continue\nchose wait\n"), -1);
    assert_int_equal(f->e.kind, APPERR_INPUT);
    assert_string_equal(apperr_format(&f->e, buf, sizeof buf),
                        "inputs.txt:2: unknown action 'chose' (expected choose, confidence, trust, "
                        "rationale, view, ask, wait, continue or quit)");
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_ERROR);
    assert_string_equal(v.error, buf);
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"status\":\"error\",\"error\":\"inputs.txt:2: unknown action"));
    free(log);
    fx_close(f);
}

/* The case ends, one more line is read (left over), and reading stops: the
 * writer of the pipe has not finished, and the runner does not wait for it. */
static void test_runner_stops_reading_at_the_ending(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    int saved = dup(STDIN_FILENO);
    assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
    close(fds[0]);
    const char *text = FULL_PATH "wait 1\nwait 1\nwait 1\n";
    assert_int_equal(write(fds[1], text, strlen(text)), (ssize_t)strlen(text));
    inputs_reader *r;
    apperr e;
    assert_int_equal(inputs_open(&r, "-", &e), 0);
    assert_int_equal(runner_run_reader(f->s, r, &f->t, &f->e), -1);
    assert_int_equal(status_of(f), SESSION_COMPLETE);
    assert_string_equal(f->e.file, "<stdin>");
    assert_int_equal(f->e.line, 9);
    assert_non_null(strstr(f->e.msg, "left over"));
    inputs_close(r);
    close(fds[1]);
    assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
    close(saved);
    fx_close(f);
}

/* ---- the rationale as logged ------------------------------------------------ */

/* Plays mini.lua to its end by session_act, with rationale as typed; returns
 * the rationale the log holds, read back (caller frees). */
static char *logged_rationale(const char *rationale)
{
    fixture *f = fx_open("mini");
    static const session_action path[] = {
        {ACT_CONTINUE, NULL, 0},  {ACT_CHOOSE, "wait", 0},   {ACT_CONFIDENCE, NULL, 3},
        {ACT_CHOOSE, "treat", 0}, {ACT_CONFIDENCE, NULL, 5}, {ACT_TRUST, NULL, 2},
        {ACT_RATIONALE, NULL, 0}, {ACT_CONTINUE, NULL, 0},
    };
    for (size_t i = 0; i < sizeof path / sizeof path[0]; i++) {
        session_action a = path[i];
        if (a.kind == ACT_RATIONALE)
            a.text = rationale;
        f->t += 1000;
        if (session_act(f->s, &a, f->t, &f->e) != SESSION_OK)
            fail_msg("action %zu: %s", i, f->e.msg);
    }
    assert_int_equal(status_of(f), SESSION_COMPLETE);
    log_session *s = NULL;
    apperr e;
    assert_int_equal(log_session_read(log_writer_path(f->log), NULL, &s, &e), 0);
    assert_int_equal(s->n_decisions, 1);
    assert_int_equal(s->status, LOG_COMPLETE);
    char *got = strdup(s->decisions[0].rationale);
    log_session_free(s);
    fx_close(f);
    return got;
}

#define SMILE "\xf0\x9f\x98\x80" /* U+1F600, 4 bytes */
#define FFFD "\xef\xbf\xbd"

/* n copies of SMILE after prefix. */
static char *smiles(const char *prefix, size_t n)
{
    size_t len = strlen(prefix);
    char *s = malloc(len + 4 * n + 1);
    assert_non_null(s);
    memcpy(s, prefix, len);
    for (size_t i = 0; i < n; i++)
        memcpy(s + len + 4 * i, SMILE, 4);
    s[len + 4 * n] = '\0';
    return s;
}

/* A rationale of exactly the cap is logged whole; one character longer is
 * cut at the cap, on a character boundary; either is read back whole. */
static void test_runner_rationale_is_logged_up_to_the_cap_and_read_back_whole(void **state)
{
    (void)state;
    char *exact = smiles("", SESSION_RATIONALE_MAX);
    char *got = logged_rationale(exact);
    assert_string_equal(got, exact);
    free(got);
    char *over = smiles("", SESSION_RATIONALE_MAX + 1);
    got = logged_rationale(over);
    assert_string_equal(got, exact);
    free(got);
    free(over);
    free(exact);
}

/* Typed bytes that are not UTF-8 are logged as U+FFFD, and count as one
 * character each towards the cap. */
static void test_runner_rationale_bytes_that_are_not_utf8_are_logged_as_fffd(void **state)
{
    (void)state;
    char *got = logged_rationale("caf\xe9 \xc3\xa9 \xe2\x82");
    assert_string_equal(got, "caf" FFFD " \xc3\xa9 " FFFD);
    free(got);
    char *typed = smiles("\xff", SESSION_RATIONALE_MAX);
    char *want = smiles(FFFD, SESSION_RATIONALE_MAX - 1);
    got = logged_rationale(typed);
    assert_string_equal(got, want);
    free(got);
    free(want);
    free(typed);
}

/* ---- records too long for a log line -------------------------------------- */

/* Plays a case whose text makes a record longer than a log line may be
 * (12 MB of control characters, each written as \u0001): the record is not
 * written, the case is at fault (APPERR_INPUT), and what the log holds can
 * all be read back. *kept: the log file is still there. */
static void run_long_case(const char *where, char *log_path, size_t size, bool *kept)
{
    char *dir = test_tmpdir(), path[4096];
    assert_non_null(dir);
    snprintf(path, sizeof path, "%s/long.lua", dir);
    char text[1024];
    snprintf(text, sizeof text,
             "local long = string.rep('\\1', 12000000)\n"
             "return case {\n"
             "  id = 'long', version = '1', title = %s, start = 'a',\n"
             "  nodes = {\n"
             "    a = { text = 'A.', decision = {\n"
             "      options = { { id = 'x', label = 'X', next = 'b' } }, best = { 'x' },\n"
             "      advice = { recommend = 'x', timing = 'with_case', source = %s } } },\n"
             "    b = { text = 'B.', ending = { outcome = 'good', summary = 'S.' } },\n"
             "  },\n"
             "}\n",
             strcmp(where, "title") == 0 ? "long" : "'T'",
             strcmp(where, "title") == 0 ? "'AI'" : "long");
    assert_int_equal(test_write_file(path, text), 0);
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {0, 0, 1};
    if (case_load(&c, path, &lo, &e) != 0)
        fail_msg("loading: %s", e.msg);
    snprintf(log_path, size, "%s/log.jsonl", dir);
    log_writer *log = NULL;
    log_open_opts o = {NULL, log_path, SESSION_ID, "t1", c->id, 0, fixed_clock, NULL};
    assert_int_equal(log_writer_open(&log, &o, &e), 0);
    session *s = NULL;
    session_opts so = {"t1", NULL, 1, "run", SESSION_ID, "test", "testos", log, TIME_LIMITS_NORMAL, {0}};
    session_result r = session_open(&s, c, &so, 0, &e);
    if (r == SESSION_OK) {
        session_action a = {ACT_CHOOSE, "x", 0};
        r = session_act(s, &a, 1000, &e);
    }
    assert_int_equal(r, SESSION_IO);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_non_null(strstr(e.msg, "longer than the 64 MiB a log line may hold"));
    if (s) {
        assert_int_equal(session_view_now(s).status, SESSION_ERROR);
        session_close(s);
    }
    log_writer_close(log);
    case_free(c);
    *kept = access(log_path, F_OK) == 0;
    if (*kept) {
        log_session *got = NULL;
        assert_int_equal(log_session_read(log_path, NULL, &got, &e), 0);
        assert_int_equal(got->status, LOG_ERROR);
        assert_non_null(strstr(got->error, "the advice_shown record would be 72"));
        log_session_free(got);
        snprintf(log_path, size, "%s", "");
    }
    test_rmtree(dir);
    free(dir);
}

static void test_runner_record_longer_than_a_log_line_is_refused(void **state)
{
    (void)state;
    char path[4200];
    bool kept;
    /* session_start refused: no record, so no log is left */
    run_long_case("title", path, sizeof path, &kept);
    assert_false(kept);
    /* a later record refused: the log ends with session_end saying why */
    run_long_case("source", path, sizeof path, &kept);
    assert_true(kept);
}

static void test_runner_every_policy_completes_the_case(void **state)
{
    (void)state;
    for (int k = POLICY_BEST; k <= POLICY_RANDOM; k++) {
        fixture *f = fx_open("mini");
        policy p;
        policy_init(&p, (policy_kind)k, 5);
        if (runner_run_policy(f->s, &p, &f->t, 1000, &f->e) != 0)
            fail_msg("policy %s: %s", policy_name((policy_kind)k), f->e.msg);
        assert_int_equal(status_of(f), SESSION_COMPLETE);
        fx_close(f);
    }
}

static void test_runner_policy_follow_ai_follows_and_trusts(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    policy p;
    policy_init(&p, POLICY_FOLLOW_AI, 1);
    assert_int_equal(runner_run_policy(f->s, &p, &f->t, 1000, &f->e), 0);
    char *log = log_text(f);
    assert_non_null(strstr(log, "\"initial\":\"treat\"")); /* first option before the advice */
    assert_non_null(strstr(log, "\"final\":\"wait\""));
    assert_non_null(strstr(log, "\"trust\":6"));
    assert_non_null(strstr(log, "\"outcome\":\"harm\""));
    free(log);
    fx_close(f);
}

static void test_runner_policy_stops_a_path_that_does_not_end(void **state)
{
    (void)state;
    fixture *f = fx_open("mini");
    policy p;
    policy_init(&p, POLICY_BEST, 1);
    assert_int_equal(runner_run_policy(f->s, &p, &f->t, 3, &f->e), -1);
    assert_int_equal(f->e.kind, APPERR_INPUT);
    assert_non_null(strstr(f->e.msg, "did not end within 3 actions"));
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_ERROR);
    assert_non_null(strstr(v.error, "did not end within 3 actions"));
    fx_close(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runner_plays_inputs_to_the_end_on_virtual_time),
        cmocka_unit_test(test_runner_inputs_parsed_whole_play_the_same),
        cmocka_unit_test(test_runner_wait_adds_its_seconds_and_no_more),
        cmocka_unit_test(test_runner_action_that_does_not_fit_fails_the_session_naming_its_line),
        cmocka_unit_test(test_runner_inputs_ending_first_quit_and_name_the_node),
        cmocka_unit_test(test_runner_empty_inputs_quit_at_the_start_node),
        cmocka_unit_test(test_runner_inputs_left_over_name_their_line_and_keep_the_log),
        cmocka_unit_test(test_runner_explicit_quit_is_not_a_completed_case),
        cmocka_unit_test(test_runner_wait_lets_the_time_limit_fire),
        cmocka_unit_test(test_runner_due_time_limit_fires_before_the_action),
        cmocka_unit_test(test_runner_choice_just_before_the_limit_counts),
        cmocka_unit_test(test_runner_line_that_is_not_an_action_in_play_ends_the_session),
        cmocka_unit_test(test_runner_stops_reading_at_the_ending),
        cmocka_unit_test(test_runner_rationale_is_logged_up_to_the_cap_and_read_back_whole),
        cmocka_unit_test(test_runner_rationale_bytes_that_are_not_utf8_are_logged_as_fffd),
        cmocka_unit_test(test_runner_record_longer_than_a_log_line_is_refused),
        cmocka_unit_test(test_runner_every_policy_completes_the_case),
        cmocka_unit_test(test_runner_policy_follow_ai_follows_and_trusts),
        cmocka_unit_test(test_runner_policy_stops_a_path_that_does_not_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
