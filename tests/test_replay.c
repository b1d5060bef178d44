/* replay: a session played at a window's own times (not whole seconds,
 * panels opened between a choice and its rating, a time limit running out
 * after the advice, an error from outside the case) and its replay from
 * the log give the same records, t included; seeds come back exactly; the
 * comparison ignores only what names the replaying program and names the
 * first field that differs; `run` logs of window_case.lua replay to the
 * same records. Fixtures: tests/cases/replay_timed.lua, window_case.lua. */
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
#include "failing_alloc.h"
#include "inputs.h"
#include "log_reader.h"
#include "log_writer.h"
#include "replay.h"
#include "runner.h"
#include "session.h"
#include "support.h"

#define CASE TEST_CASES_DIR "/replay_timed.lua"

typedef struct play {
    char *dir;
    char path[4200];
    case_def *c;
    log_writer *log;
    session *s;
} play;

static int64_t fixed_clock(void *ctx)
{
    (void)ctx;
    return 1795770843512LL;
}

static case_def *load(const char *path, unsigned long long seed)
{
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = seed};
    if (case_load(&c, path, &lo, &e) != 0)
        fail_msg("%s: %s", path, e.msg);
    return c;
}

/* A session of CASE logged to DIR/name.jsonl, as `mode` would play it
 * with the time limits setting given. */
static void begin_limits(play *p, const char *dir, const char *name, const char *mode,
                         unsigned long long seed, const char *session_id, time_limits limits)
{
    apperr e;
    memset(p, 0, sizeof *p);
    snprintf(p->path, sizeof p->path, "%s/%s.jsonl", dir, name);
    p->c = load(CASE, seed);
    log_open_opts lo = {NULL, p->path, session_id, "t1", p->c->id, 0, fixed_clock, NULL};
    assert_int_equal(log_writer_open(&p->log, &lo, &e), 0);
    session_opts o = {"t1", NULL, seed, mode, session_id, "test-engine", "testos", p->log, limits, {0}};
    assert_int_equal(session_open(&p->s, p->c, &o, 0, &e), SESSION_OK);
}

static void begin(play *p, const char *dir, const char *name, const char *mode,
                  unsigned long long seed, const char *session_id)
{
    begin_limits(p, dir, name, mode, seed, session_id, TIME_LIMITS_NORMAL);
}

static void act(play *p, int64_t t, action_kind kind, const char *text, int value)
{
    apperr e;
    session_action a = {kind, text, value};
    session_result r = session_act(p->s, &a, t, &e);
    if (r != SESSION_OK)
        fail_msg("action %d at t=%lld: %s", (int)kind, (long long)t, e.msg);
}

static void end(play *p)
{
    session_close(p->s);
    log_writer_close(p->log);
    case_free(p->c);
}

/* Replays the log at path into DIR/replayed.jsonl, as `replay --verify`
 * does, and returns the first difference. */
static replay_diff replay_and_compare(const char *dir, const char *path)
{
    replay r;
    apperr e;
    if (replay_open(&r, path, &e) != 0)
        fail_msg("replay_open: %s", e.msg);
    play p;
    memset(&p, 0, sizeof p);
    snprintf(p.path, sizeof p.path, "%s/replayed.jsonl", dir);
    p.c = load(r.start.case_file, r.start.seed);
    log_open_opts lo = {
        NULL, p.path, "99999999-9999-4999-8999-999999999999", r.start.trainee, p.c->id, 0,
        NULL, NULL};
    assert_int_equal(log_writer_open(&p.log, &lo, &e), 0);
    session_opts o = {r.start.trainee,
                      r.start.variant,
                      r.start.seed,
                      "replay",
                      "99999999-9999-4999-8999-999999999999",
                      "other-engine",
                      "otheros",
                      p.log,
                      r.start.time_limits, {0}}; /* as replay --verify plays it */
    assert_int_equal(session_open(&p.s, p.c, &o, 0, &e), SESSION_OK);
    int64_t t = 0;
    if (replay_all(&r, p.s, &t, &e) != 0)
        fail_msg("replay_all: %s", e.msg);
    end(&p);
    log_session *replayed = test_read_log(p.path);
    replay_diff d;
    assert_int_equal(replay_compare(r.log, replayed, 0, &d), 0);
    log_session_free(replayed);
    replay_close(&r);
    remove(p.path);
    return d;
}

static void expect_identical(const char *dir, const char *path)
{
    replay_diff d = replay_and_compare(dir, path);
    if (d.found)
        fail_msg("replay differs at seq %lld (%s), field %s: logged %s, replayed %s",
                 (long long)d.seq, d.type, d.field ? d.field : "(record)", d.logged, d.replayed);
    replay_diff_free(&d);
}

/* ---- tests ------------------------------------------------------------------------ */

/* The trainee's own times, as a window logs them: a panel opened between
 * the initial choice and its rating, another between the final choice and
 * its rating, one at the feedback; nothing on a whole second. */
static void test_a_window_session_replays_identically_at_its_own_times(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    play p;
    begin(&p, dir, "window", "play", 77, "11111111-1111-4111-8111-111111111111");
    act(&p, 1234, ACT_VIEW, "results", 0);
    act(&p, 2345, ACT_CHOOSE, "a", 0);
    act(&p, 3456, ACT_VIEW, "model_card", 0);
    act(&p, 4567, ACT_CONFIDENCE, NULL, 5);
    act(&p, 5000, ACT_VIEW, "explanation", 0);
    act(&p, 6789, ACT_CHOOSE, "b", 0);
    act(&p, 7001, ACT_VIEW, "results", 0);
    act(&p, 7100, ACT_CONFIDENCE, NULL, 6);
    act(&p, 8003, ACT_TRUST, NULL, 3);
    act(&p, 9010, ACT_VIEW, "model_card", 0); /* at the feedback */
    act(&p, 9500, ACT_CONTINUE, NULL, 0);
    act(&p, 12000, ACT_CONTINUE, NULL, 0);
    act(&p, 13013, ACT_ASK, NULL, 0);
    act(&p, 14321, ACT_CHOOSE, "a", 0);
    act(&p, 15000, ACT_TRUST, NULL, 6);
    act(&p, 15555, ACT_RATIONALE, "\xc3\xa9 because", 0);
    act(&p, 16789, ACT_CONTINUE, NULL, 0); /* the feedback after the advice */
    assert_int_equal(session_view_now(p.s).status, SESSION_COMPLETE);
    end(&p);
    log_session *s = test_read_log(p.path);
    assert_int_equal(s->n_decisions, 2);
    assert_int_equal(s->decisions[0].ms_initial, 2345);
    assert_int_equal(s->decisions[0].ms_final, 6789 - 4567);
    log_session_free(s);
    expect_identical(dir, p.path);
    test_rmtree(dir);
    free(dir);
}

/* The time limit runs out once the advice is shown: the record nulls the
 * initial rating, but the advice came on it, so the replay rates too. */
static void test_a_time_limit_after_the_advice_replays_with_its_rating(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    play p;
    apperr e;
    begin(&p, dir, "timeout", "play", 5, "22222222-2222-4222-8222-222222222222");
    act(&p, 1000, ACT_CHOOSE, "a", 0);
    act(&p, 2500, ACT_CONFIDENCE, NULL, 4);
    assert_int_equal(session_tick(p.s, 61000, &e), SESSION_OK); /* deadline 60000 */
    act(&p, 62000, ACT_CONTINUE, NULL, 0);
    act(&p, 63000, ACT_QUIT, NULL, 0);
    end(&p);
    log_session *s = test_read_log(p.path);
    assert_true(s->decisions[0].timed_out);
    assert_false(s->decisions[0].has_initial_confidence);
    assert_int_equal(s->status, LOG_QUIT);
    log_session_free(s);
    expect_identical(dir, p.path);
    test_rmtree(dir);
    free(dir);
}

/* A session ended in error from outside the case (inputs that did not
 * fit) ends so in the replay too. */
static void test_an_error_from_outside_the_case_is_replayed(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    play p;
    apperr e;
    begin(&p, dir, "error", "run", 1, "33333333-3333-4333-8333-333333333333");
    act(&p, 1000, ACT_CHOOSE, "b", 0);
    assert_int_equal(session_fail(p.s, 2000, "in.txt:2: expected a confidence rating", &e),
                     SESSION_OK);
    end(&p);
    expect_identical(dir, p.path);
    test_rmtree(dir);
    free(dir);
}

static void play_best(play *p, const char *dir, const char *name, unsigned long long seed)
{
    begin(p, dir, name, "run", seed, "44444444-4444-4444-8444-444444444444");
    act(p, 1000, ACT_CHOOSE, "a", 0);
    act(p, 2000, ACT_CONFIDENCE, NULL, 6);
    act(p, 3000, ACT_CHOOSE, "a", 0);
    act(p, 4000, ACT_CONFIDENCE, NULL, 6);
    act(p, 5000, ACT_TRUST, NULL, 2);
    act(p, 6000, ACT_RATIONALE, "the B was wrong", 0);
    act(p, 7000, ACT_CONTINUE, NULL, 0);
    act(p, 8000, ACT_CONTINUE, NULL, 0);
    act(p, 9000, ACT_CHOOSE, "a", 0);
    act(p, 10000, ACT_RATIONALE, "", 0);
    end(p);
}

/* The middle node's vitals are drawn from s.random: a replay reproduces
 * them only with the seed exactly as logged. */
static void test_seeds_replay_exactly_at_0_and_2_53_plus_1_and_2_64_minus_1(void **state)
{
    (void)state;
    static const unsigned long long seeds[] = {0, 9007199254740993ULL, 18446744073709551615ULL};
    char *dir = test_tmpdir();
    for (size_t i = 0; i < 3; i++) {
        char name[32];
        play p;
        snprintf(name, sizeof name, "seed%zu", i);
        play_best(&p, dir, name, seeds[i]);
        replay r;
        apperr e;
        assert_int_equal(replay_open(&r, p.path, &e), 0);
        assert_true(r.start.seed == seeds[i]);
        replay_close(&r);
        expect_identical(dir, p.path);
    }
    /* The test can fail: 2^53, the double nearest 2^53 + 1, draws other vitals. */
    play near, exact;
    play_best(&near, dir, "near", 9007199254740992ULL);
    play_best(&exact, dir, "exact", 9007199254740993ULL);
    log_session *a = test_read_log(exact.path), *b = test_read_log(near.path);
    replay_diff d;
    assert_int_equal(replay_compare(a, b, 1, &d), 0);
    assert_true(d.found);
    assert_string_equal(d.type, "node");
    assert_string_equal(d.field, "vitals");
    replay_diff_free(&d);
    log_session_free(a);
    log_session_free(b);
    test_rmtree(dir);
    free(dir);
}

/* session, at, mode, engine, host_os and case_file may differ; a choice
 * may not, and a record one log lacks is named. */
static void test_compare_names_the_first_field_that_differs(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    play p, q;
    play_best(&p, dir, "one", 3);
    begin(&q, dir, "two", "replay", 3, "55555555-5555-4555-8555-555555555555");
    act(&q, 1000, ACT_CHOOSE, "a", 0);
    act(&q, 2000, ACT_CONFIDENCE, NULL, 6);
    act(&q, 3000, ACT_CHOOSE, "b", 0);
    end(&q);
    log_session *a = test_read_log(p.path), *b = test_read_log(q.path);
    replay_diff d;
    assert_int_equal(replay_compare(a, b, 0, &d), 0);
    assert_true(d.found);
    assert_int_equal(d.seq, 3);
    assert_string_equal(d.type, "decision");
    /* b has no decision yet: its record 3 is the end of the file */
    assert_null(d.field);
    assert_string_equal(d.logged, "decision");
    assert_string_equal(d.replayed, "(none)");
    replay_diff_free(&d);
    assert_int_equal(replay_compare(a, a, 0, &d), 0);
    assert_false(d.found);
    log_session_free(a);
    log_session_free(b);

    play r;
    begin(&r, dir, "three", "replay", 3, "66666666-6666-4666-8666-666666666666");
    act(&r, 1000, ACT_CHOOSE, "a", 0);
    act(&r, 2000, ACT_CONFIDENCE, NULL, 6);
    act(&r, 3000, ACT_CHOOSE, "b", 0);
    act(&r, 4000, ACT_CONFIDENCE, NULL, 6);
    act(&r, 5000, ACT_TRUST, NULL, 2);
    end(&r);
    a = test_read_log(p.path);
    b = test_read_log(r.path);
    assert_int_equal(replay_compare(a, b, 0, &d), 0);
    assert_true(d.found);
    assert_string_equal(d.type, "decision");
    assert_string_equal(d.field, "t");
    replay_diff_free(&d);
    log_session_free(a);
    log_session_free(b);
    test_rmtree(dir);
    free(dir);
}

/* ---- replays of `run` logs --------------------------------------------------------- */

/* Plays window_case.lua in mode with the log going to dir; the actions come
 * from inputs text (on run's virtual time), or from the replay r. Returns
 * the log's path. */
static char *play_log(const char *dir, const char *mode, const char *inputs_text, replay *r)
{
    static int n;
    char id[40];
    snprintf(id, sizeof id, "%08d-0000-4000-8000-000000000000", ++n); /* names differ */
    unsigned long long seed = r ? r->start.seed : 11;
    apperr e;
    case_def *c = load(TEST_CASES_DIR "/window_case.lua", seed);
    log_writer *log = NULL;
    log_open_opts o = {.dir = dir,
                       .session = id,
                       .trainee = "t9",
                       .case_id = c->id,
                       .start_ms = fixed_clock(NULL),
                       .clock = fixed_clock};
    assert_int_equal(log_writer_open(&log, &o, &e), 0);
    session_opts so = {.trainee = r ? r->start.trainee : "t9",
                       .variant = r ? r->start.variant : NULL,
                       .seed = seed,
                       .mode = mode,
                       .session_id = id,
                       .engine_version = "test",
                       .host_os = "test",
                       .log = log};
    session *s = NULL;
    assert_int_equal(session_open(&s, c, &so, 0, &e), SESSION_OK);
    int64_t t = 0;
    if (r) {
        assert_int_equal(replay_all(r, s, &t, &e), 0);
    } else {
        inputs in;
        assert_int_equal(inputs_parse(&in, "inputs", inputs_text, &e), 0);
        runner_run_inputs(s, &in, &t, &e); /* quitting inputs return -1, as in run */
        inputs_free(&in);
    }
    char *out = strdup(log_writer_path(log));
    session_close(s);
    log_writer_close(log);
    case_free(c);
    return out;
}

/* A `run` log replays to the same records, times included: the replay
 * takes each action at the virtual time the runner gave it. */
static void check_replay_matches(const char *inputs_text)
{
    char *dir = test_tmpdir();
    char *original = play_log(dir, "run", inputs_text, NULL);
    replay r;
    apperr e;
    assert_int_equal(replay_open(&r, original, &e), 0);
    assert_string_equal(r.start.trainee, "t9");
    assert_int_equal(r.start.seed, 11);
    char *again = play_log(dir, "replay", NULL, &r);
    log_session *a = test_read_log(original), *b = test_read_log(again);
    replay_diff d;
    assert_int_equal(replay_compare(a, b, 0, &d), 0);
    if (d.found)
        fail_msg("the replay differs at seq %lld (%s), field %s: logged %s, replayed %s",
                 (long long)d.seq, d.type, d.field ? d.field : "(record)", d.logged, d.replayed);
    assert_string_equal(b->mode, "replay");
    log_session_free(a);
    log_session_free(b);
    free(original);
    free(again);
    replay_close(&r);
    test_rmtree(dir);
    free(dir);
}

static void test_replay_of_a_whole_case_gives_the_same_records(void **state)
{
    (void)state;
    check_replay_matches("continue\nchoose obs\nconfidence 3\nview explanation\n"
                         "view model_card\nchoose ctpa\nconfidence 6\nview results\ntrust 2\n"
                         "rationale \"PE first\"\nview results\ncontinue\nview results\nask\n"
                         "choose escalate\ntrust 6\n");
}

static void test_replay_of_a_time_limit_running_out_gives_the_same_records(void **state)
{
    (void)state;
    check_replay_matches("view results\ncontinue\nchoose xray\nconfidence 2\nchoose xray\n"
                         "confidence 2\ntrust 4\nrationale \"x\"\ncontinue\nwait 400\n");
}

static void test_replay_of_leaving_gives_the_same_records(void **state)
{
    (void)state;
    check_replay_matches("continue\nchoose obs\nquit\n");
    check_replay_matches("view results\nquit\n");
    check_replay_matches("continue\nwait 7\nchoose obs\nconfidence 3\nwait 2\nquit\n");
}

static void test_replay_of_what_is_not_a_log_is_an_input_error(void **state)
{
    (void)state;
    replay r;
    apperr e;
    assert_int_equal(replay_open(&r, TEST_CASES_DIR "/window_case.lua", &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_non_null(strstr(e.msg, "not a session log"));
    assert_int_equal(replay_open(&r, "/nonexistent/x.jsonl", &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
}

/* Logs written before a feedback step followed every advised decision and
 * every time-out (tests/golden/before-feedback: the golden logs as they
 * were) replay to the same records; the fields added since, which they
 * lack, are not compared. Their case_file is relative to tests/golden. */
static void test_logs_written_before_the_feedback_steps_replay_the_same(void **state)
{
    (void)state;
    char cwd[4096];
    char *dir = test_tmpdir();
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(TEST_DATA_DIR "/golden"), 0);
    expect_identical(dir, "before-feedback/golden_ward.jsonl");    /* a time-out, on_request */
    expect_identical(dir, "before-feedback/golden_variant.jsonl"); /* with_case advice */
    assert_int_equal(chdir(cwd), 0);
    test_rmtree(dir);
    free(dir);
}

/* ---- time limits ------------------------------------------------------------------ */

/* Played with double, the limit runs out at 120 s, not 60: the replay
 * plays with the setting the log gives, so it runs out there too. */
static void test_a_session_with_double_time_limits_replays_the_same(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    play p;
    apperr e;
    begin_limits(&p, dir, "double", "play", 5, "77777777-7777-4777-8777-777777777777",
                 TIME_LIMITS_DOUBLE);
    act(&p, 1000, ACT_CHOOSE, "a", 0);
    act(&p, 2500, ACT_CONFIDENCE, NULL, 4);
    act(&p, 90000, ACT_VIEW, "explanation", 0);                  /* after 60 s: still in time */
    assert_int_equal(session_tick(p.s, 121000, &e), SESSION_OK); /* deadline 120000 */
    act(&p, 122000, ACT_CONTINUE, NULL, 0);
    act(&p, 123000, ACT_QUIT, NULL, 0);
    end(&p);
    log_session *s = test_read_log(p.path);
    assert_true(s->decisions[0].timed_out);
    assert_int_equal(s->decisions[0].t, 120000);
    assert_int_equal(s->decisions[0].time_limit_ms, 120000);
    log_session_free(s);
    replay r;
    assert_int_equal(replay_open(&r, p.path, &e), 0);
    assert_int_equal(r.start.time_limits, TIME_LIMITS_DOUBLE);
    replay_close(&r);
    expect_identical(dir, p.path);
    test_rmtree(dir);
    free(dir);
}

/* Played with off, choices come long after the case's limit; the replay
 * lets them, and no decision record has a limit. */
static void test_a_session_with_time_limits_off_replays_the_same(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    play p;
    apperr e;
    begin_limits(&p, dir, "off", "play", 5, "88888888-8888-4888-8888-888888888888",
                 TIME_LIMITS_OFF);
    act(&p, 1000, ACT_CHOOSE, "b", 0);
    act(&p, 2000, ACT_CONFIDENCE, NULL, 4);
    act(&p, 500000, ACT_CHOOSE, "a", 0); /* long after 60 s */
    act(&p, 501000, ACT_CONFIDENCE, NULL, 5);
    act(&p, 502000, ACT_TRUST, NULL, 2);
    act(&p, 503000, ACT_RATIONALE, "A, on the exam", 0);
    act(&p, 504000, ACT_CONTINUE, NULL, 0);
    act(&p, 505000, ACT_QUIT, NULL, 0);
    end(&p);
    log_session *s = test_read_log(p.path);
    assert_string_equal(s->time_limits, "off");
    assert_false(s->decisions[0].timed_out);
    assert_false(s->decisions[0].has_time_limit_ms);
    log_session_free(s);
    replay r;
    assert_int_equal(replay_open(&r, p.path, &e), 0);
    assert_int_equal(r.start.time_limits, TIME_LIMITS_OFF);
    replay_close(&r);
    expect_identical(dir, p.path);
    test_rmtree(dir);
    free(dir);
}

/* The log at from with every occurrence of cut taken out, into to. */
static void write_without(const char *from, const char *to, const char *cut)
{
    char *text = test_read_file(from, NULL);
    assert_non_null(text);
    char *hit;
    while ((hit = strstr(text, cut)) != NULL)
        memmove(hit, hit + strlen(cut), strlen(hit + strlen(cut)) + 1);
    assert_int_equal(test_write_file(to, text), 0);
    free(text);
}

/* time_limit_ms is left out where no limit ran, so a log of today that
 * lacks it where the replay has one differs there; a log older than the
 * field (its session_start without time_limits) is not compared on it. */
static void test_compare_checks_the_limit_in_force_but_not_in_older_logs(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), cut[4200], old[4200];
    play p;
    apperr e;
    begin(&p, dir, "limit", "play", 5, "99999999-1111-4111-8111-111111111111");
    assert_int_equal(session_tick(p.s, 60000, &e), SESSION_OK);
    act(&p, 61000, ACT_QUIT, NULL, 0);
    end(&p);
    snprintf(cut, sizeof cut, "%s/cut.jsonl", dir);
    snprintf(old, sizeof old, "%s/old.jsonl", dir);
    write_without(p.path, cut, ",\"time_limit_ms\":60000");
    write_without(cut, old, ",\"time_limits\":\"normal\"");
    log_session *a = test_read_log(p.path), *b = test_read_log(cut), *c = test_read_log(old);
    assert_false(b->decisions[0].has_time_limit_ms);
    for (size_t i = 0; i < b->n_records; i++)
        assert_int_equal(b->records[i].lacks, 0); /* left out is not lacking */
    replay_diff d;
    assert_int_equal(replay_compare(b, a, 0, &d), 0);
    assert_true(d.found);
    assert_string_equal(d.type, "decision");
    assert_string_equal(d.field, "time_limit_ms");
    assert_string_equal(d.logged, "null");
    assert_string_equal(d.replayed, "60000");
    replay_diff_free(&d);
    assert_int_equal(replay_compare(c, a, 0, &d), 0);
    assert_false(d.found);
    log_session_free(a);
    log_session_free(b);
    log_session_free(c);
    test_rmtree(dir);
    free(dir);
}

/* A setting this program does not know cannot be replayed as played. */
static void test_an_unknown_time_limits_setting_is_an_input_error(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[4200];
    play p;
    begin(&p, dir, "known", "play", 5, "99999999-2222-4222-8222-222222222222");
    act(&p, 1000, ACT_QUIT, NULL, 0);
    end(&p);
    char *text = test_read_file(p.path, NULL);
    char *at = strstr(text, "\"time_limits\":\"normal\"");
    assert_non_null(at);
    memcpy(at + strlen("\"time_limits\":\""), "triple", 6);
    snprintf(path, sizeof path, "%s/triple.jsonl", dir);
    assert_int_equal(test_write_file(path, text), 0);
    free(text);
    replay r;
    apperr e;
    assert_int_equal(replay_open(&r, path, &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_int_equal(e.line, 1);
    assert_non_null(strstr(e.msg, "time_limits 'triple'"));
    assert_non_null(strstr(e.msg, "normal, double or off"));
    test_rmtree(dir);
    free(dir);
}

/* ---- out of memory ------------------------------------------------------------ */

#define GOLDEN_WARD TEST_DATA_DIR "/golden/golden_ward.jsonl"
#define GOLDEN_VARIANT TEST_DATA_DIR "/golden/golden_variant.jsonl"

/* Fails each allocation of replay_open in turn (the log read, the steps):
 * -1 with "out of memory", and nothing left behind. */
static void test_open_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    failing_alloc_install();
    for (long k = 0;; k++) {
        replay r;
        apperr e;
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = replay_open(&r, GOLDEN_WARD, &e);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (!failed) {
            assert_int_equal(rc, 0);
            assert_true(r.n > 3);
            replay_close(&r);
            assert_int_equal(alloc_live, before);
            assert_true(k > 0);
            break;
        }
        assert_int_equal(rc, -1);
        assert_int_equal(e.kind, APPERR_ENV);
        assert_int_equal(alloc_live, before);
    }
    failing_alloc_remove();
}

/* The same for the texts of a difference. */
static void test_compare_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    log_session *a = test_read_log(GOLDEN_WARD), *b = test_read_log(GOLDEN_VARIANT);
    failing_alloc_install();
    for (long k = 0;; k++) {
        replay_diff d;
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = replay_compare(a, b, 0, &d);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        assert_int_equal(rc, failed ? -1 : 0);
        replay_diff_free(&d);
        assert_int_equal(alloc_live, before);
        if (!failed) {
            assert_true(k > 0);
            break;
        }
    }
    failing_alloc_remove();
    log_session_free(a);
    log_session_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_window_session_replays_identically_at_its_own_times),
        cmocka_unit_test(test_a_time_limit_after_the_advice_replays_with_its_rating),
        cmocka_unit_test(test_an_error_from_outside_the_case_is_replayed),
        cmocka_unit_test(test_seeds_replay_exactly_at_0_and_2_53_plus_1_and_2_64_minus_1),
        cmocka_unit_test(test_compare_names_the_first_field_that_differs),
        cmocka_unit_test(test_replay_of_a_whole_case_gives_the_same_records),
        cmocka_unit_test(test_replay_of_a_time_limit_running_out_gives_the_same_records),
        cmocka_unit_test(test_replay_of_leaving_gives_the_same_records),
        cmocka_unit_test(test_replay_of_what_is_not_a_log_is_an_input_error),
        cmocka_unit_test(test_logs_written_before_the_feedback_steps_replay_the_same),
        cmocka_unit_test(test_a_session_with_double_time_limits_replays_the_same),
        cmocka_unit_test(test_a_session_with_time_limits_off_replays_the_same),
        cmocka_unit_test(test_compare_checks_the_limit_in_force_but_not_in_older_logs),
        cmocka_unit_test(test_an_unknown_time_limits_setting_is_an_input_error),
        cmocka_unit_test(test_open_that_runs_out_of_memory_leaks_nothing),
        cmocka_unit_test(test_compare_that_runs_out_of_memory_leaks_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
