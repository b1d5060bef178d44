/* test_session_driver: the session against a small driver written in C, with
 * no Lua anywhere: this binary links only appraise_core (and cmocka). It
 * pins the seam of core/case_driver.h: the session asks the case for
 * everything through its driver, in a run the session owns and frees, and
 * logs what the driver reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <cJSON.h>

#include "case_driver.h"
#include "failing_alloc.h"
#include "log_writer.h"
#include "mem.h"
#include "session.h"
#include "support.h"

#define SESSION_ID "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b"

/* ---- the fake driver ---------------------------------------------------- */

/* What the driver was asked, to check the session's side of the seam. */
static struct {
    int begin, enter, next, timeout, end;
    unsigned long long seed;
    char variant[32];
    char last_choice[32];
    const char *fail_on; /* enter fails at this node id */
} calls;

struct case_run {
    const case_def *c;
    double clock;
    int entered; /* nodes entered: the heart rate rises with each */
};

static int fake_begin(const case_def *c, unsigned long long seed, const char *variant,
                      case_run **out, apperr *e)
{
    calls.begin++;
    calls.seed = seed;
    snprintf(calls.variant, sizeof calls.variant, "%s", variant ? variant : "(none)");
    *out = mem_calloc(1, sizeof **out);
    if (!*out) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    (*out)->c = c;
    return 0;
}

static int fake_enter(case_run *r, const char *node_id, case_node *node, case_live *live, apperr *e)
{
    calls.enter++;
    memset(node, 0, sizeof *node);
    memset(live, 0, sizeof *live);
    const case_node *n = case_find_node(r->c, node_id);
    if (!n || (calls.fail_on && strcmp(node_id, calls.fail_on) == 0)) {
        apperr_set(e, APPERR_INPUT, "fake.c", 42, "the fake case cannot enter %s", node_id);
        return -1;
    }
    if (case_node_copy(node, n) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    r->clock += n->elapsed;
    r->entered++;
    live->clock = r->clock;
    vitals_init(&live->vitals);
    apperr ignored;
    vitals_set(&live->vitals, "hr", true, 80 + 10 * r->entered, NULL, &ignored);
    return 0;
}

static int give(char **next_id, const char *id, apperr *e)
{
    if (!id) {
        apperr_set(e, APPERR_INPUT, "fake.c", 7, "no next node");
        return -1;
    }
    *next_id = mem_strdup(id);
    if (!*next_id) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

static int fake_next(case_run *r, const case_node *node, const char *choice, char **next_id,
                     apperr *e)
{
    (void)r;
    calls.next++;
    *next_id = NULL;
    if (node->kind == NODE_NARRATIVE)
        return give(next_id, node->next, e);
    snprintf(calls.last_choice, sizeof calls.last_choice, "%s", choice);
    const case_option *o = case_find_option(&node->decision, choice);
    return give(next_id, o && o->next ? o->next : node->decision.next, e);
}

static int fake_timeout(case_run *r, const case_node *node, char **next_id, apperr *e)
{
    (void)r;
    calls.timeout++;
    *next_id = NULL;
    return give(next_id, node->decision.on_timeout, e);
}

static void fake_end(case_run *r)
{
    calls.end += r != NULL;
    mem_free(r);
}

/* No state_key and no node_plain: optional, for the checker only. */
static const case_driver fake_driver = {
    .name = "fake",
    .begin = fake_begin,
    .enter = fake_enter,
    .next = fake_next,
    .timeout_target = fake_timeout,
    .end = fake_end,
};

/* ---- the case, in C ------------------------------------------------------ */

/*   triage (decision, advice with the case, 30 s limit)
 *     admit -> ward (narrative, 5 min) -> recovered (good ending)
 *     discharge -> (the decision's next) home (harm ending)
 *     time runs out -> home */
typedef struct fake_case {
    case_def c;
    case_node nodes[4];
    case_option options[2];
    case_tool tool;
    char *best[1];
} fake_case;

static fake_case *fake_case_new(void)
{
    fake_case *f = calloc(1, sizeof *f);
    assert_non_null(f);
    case_def *c = &f->c;
    c->file = "fake.c";
    c->id = "fake";
    c->version = "1";
    c->title = "A case written in C";
    c->start = "triage";
    c->driver = &fake_driver;
    vitals_init(&c->vitals);

    f->tool.name = "RiskScore";
    c->tools = &f->tool;
    c->n_tools = 1;

    f->options[0] = (case_option){.id = "admit", .label = "Admit", .next = "ward"};
    f->options[1] = (case_option){.id = "discharge", .label = "Discharge"};
    f->best[0] = "admit";

    /* sorted by id, as case_find_node needs */
    case_node *home = &f->nodes[0], *recovered = &f->nodes[1], *triage = &f->nodes[2],
              *ward = &f->nodes[3];
    *home = (case_node){.id = "home", .text = "Sent home.", .kind = NODE_ENDING};
    home->ending = (case_ending){.outcome = OUTCOME_HARM, .summary = "Missed sepsis."};
    *recovered = (case_node){.id = "recovered", .text = "Better.", .kind = NODE_ENDING};
    recovered->ending = (case_ending){.outcome = OUTCOME_GOOD, .summary = "Treated in time."};
    *triage = (case_node){.id = "triage", .text = "Fever and confusion.", .kind = NODE_DECISION};
    case_decision *d = &triage->decision;
    d->prompt = "What now?";
    d->options = f->options;
    d->n_options = 2;
    d->best = (strlist){f->best, 1};
    d->next = "home";
    d->time_limit = 30;
    d->on_timeout = "home";
    d->advice = (case_advice){.present = true,
                              .tool = "RiskScore",
                              .recommend = "admit",
                              .has_confidence = true,
                              .confidence = 0.8,
                              .message = "High risk.",
                              .timing = TIMING_WITH_CASE};
    *ward = (case_node){.id = "ward", .text = "On the ward.", .elapsed = 5};
    ward->kind = NODE_NARRATIVE;
    ward->next = "recovered";
    c->nodes = f->nodes;
    c->n_nodes = 4;
    return f;
}

/* ---- harness --------------------------------------------------------------- */

typedef struct fixture {
    char *dir;
    char path[4200];
    log_writer *log;
    fake_case *fc;
    session *s;
    apperr e;
} fixture;

static int64_t fixed_clock(void *ctx)
{
    (void)ctx;
    return 1795000000000LL;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    memset(&calls, 0, sizeof calls);
    f->dir = test_tmpdir();
    assert_non_null(f->dir);
    snprintf(f->path, sizeof f->path, "%s/log.jsonl", f->dir);
    log_open_opts lo = {NULL, f->path, SESSION_ID, "t1", "fake", 0, fixed_clock, NULL};
    assert_int_equal(log_writer_open(&f->log, &lo, &f->e), 0);
    f->fc = fake_case_new();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    session_close(f->s);
    log_writer_close(f->log);
    free(f->fc);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static session_result open_session(fixture *f)
{
    session_opts o = {
        "t1", NULL, 77, "run", SESSION_ID, "test", "testos", f->log, TIME_LIMITS_NORMAL, {0}};
    return session_open(&f->s, &f->fc->c, &o, 0, &f->e);
}

/* The log's records, parsed; n in *n. */
static cJSON **records(fixture *f, size_t *n)
{
    char *text = test_read_file(f->path, NULL);
    assert_non_null(text);
    cJSON **out = calloc(64, sizeof *out);
    assert_non_null(out);
    *n = 0;
    for (char *line = strtok(text, "\n"); line && *n < 64; line = strtok(NULL, "\n")) {
        out[*n] = cJSON_Parse(line);
        assert_non_null(out[*n]);
        (*n)++;
    }
    free(text);
    return out;
}

static void records_free(cJSON **r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(r[i]);
    free(r);
}

static const cJSON *field(const cJSON *rec, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(rec, key);
    if (!it)
        fail_msg("no field %s in %s", key, cJSON_PrintUnformatted(rec));
    return it;
}

static const char *str(const cJSON *rec, const char *key)
{
    const cJSON *it = field(rec, key);
    return cJSON_IsString(it) ? it->valuestring : "(not a string)";
}

static double num(const cJSON *rec, const char *key)
{
    return field(rec, key)->valuedouble;
}

static void expect_types(cJSON **r, size_t n, const char *const *want)
{
    size_t k = 0;
    for (; want[k]; k++) {
        if (k >= n)
            fail_msg("record %zu: missing, want %s", k, want[k]);
        assert_string_equal(str(r[k], "type"), want[k]);
    }
    assert_int_equal(n, k);
}

/* ---- tests -------------------------------------------------------------------- */

static void test_decision_with_advice_narrative_and_ending_through_a_c_driver(void **state)
{
    fixture *f = *state;
    assert_int_equal(open_session(f), SESSION_OK);
    assert_int_equal(calls.begin, 1);
    assert_int_equal(calls.seed, 77);
    assert_string_equal(calls.variant, "(none)");
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_CHOOSE_FINAL);
    assert_true(v.advice_shown);
    assert_string_equal(v.node->id, "triage");
    assert_int_equal(v.deadline_ms, 30000);

    session_action choose = {ACT_CHOOSE, "admit", 0};
    assert_int_equal(session_act(f->s, &choose, 1000, &f->e), SESSION_OK);
    assert_string_equal(calls.last_choice, "admit");
    v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_FEEDBACK); /* the advice was shown */
    assert_string_equal(v.decision->final, "admit");
    session_action go_on = {ACT_CONTINUE, NULL, 0};
    assert_int_equal(session_act(f->s, &go_on, 1500, &f->e), SESSION_OK);
    v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_CONTINUE);
    assert_string_equal(v.node->id, "ward");
    assert_true(v.live->clock == 5);
    assert_int_equal(session_act(f->s, &go_on, 2000, &f->e), SESSION_OK);
    v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_ENDED);
    assert_int_equal(v.status, SESSION_COMPLETE);
    assert_int_equal(calls.enter, 3);
    assert_int_equal(calls.next, 2);
    assert_int_equal(calls.timeout, 0);

    size_t n;
    cJSON **r = records(f, &n);
    static const char *const types[] = {"session_start", "node",        "advice_shown",
                                        "decision",      "node",        "node",
                                        "ending",        "session_end", NULL};
    expect_types(r, n, types);
    assert_string_equal(str(r[0], "case"), "fake");
    assert_true(num(r[0], "seed") == 77);
    assert_string_equal(str(r[1], "node"), "triage");
    assert_true(num(r[1], "clock") == 0);
    assert_true(num(field(r[1], "vitals"), "hr") == 90); /* the driver's live state */
    assert_string_equal(str(r[2], "tool"), "RiskScore");
    assert_string_equal(str(r[2], "recommend"), "admit");
    assert_true(num(r[2], "confidence") == 0.8);
    assert_string_equal(str(r[2], "timing"), "with_case");
    assert_string_equal(str(r[3], "final"), "admit");
    assert_true(cJSON_IsTrue(field(r[3], "followed_ai")));
    assert_true(cJSON_IsTrue(field(r[3], "final_correct")));
    assert_true(cJSON_IsFalse(field(r[3], "timed_out")));
    assert_string_equal(str(r[3], "next"), "ward"); /* the option's next, from the driver */
    assert_string_equal(str(r[4], "node"), "ward");
    assert_true(num(r[4], "clock") == 5);
    assert_true(num(field(r[4], "vitals"), "hr") == 100);
    assert_string_equal(str(r[5], "node"), "recovered");
    assert_string_equal(str(r[6], "outcome"), "good");
    assert_true(num(r[6], "clock") == 5);
    assert_string_equal(str(r[7], "status"), "complete");
    records_free(r, n);

    /* The session owns its run: it is freed with the session, once. */
    assert_int_equal(calls.end, 0);
    session_close(f->s);
    f->s = NULL;
    assert_int_equal(calls.end, 1);
}

static void test_time_limit_asks_the_driver_for_the_timeout_target(void **state)
{
    fixture *f = *state;
    assert_int_equal(open_session(f), SESSION_OK);
    assert_int_equal(session_tick(f->s, 30000, &f->e), SESSION_OK);
    assert_int_equal(calls.timeout, 1);
    session_action go_on = {ACT_CONTINUE, NULL, 0}; /* the feedback: time ran out */
    assert_int_equal(session_act(f->s, &go_on, 30000, &f->e), SESSION_OK);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_COMPLETE);
    assert_string_equal(v.node->id, "home");
    size_t n;
    cJSON **r = records(f, &n);
    static const char *const types[] = {"session_start", "node",   "advice_shown", "decision",
                                        "node",          "ending", "session_end",  NULL};
    expect_types(r, n, types);
    assert_true(cJSON_IsTrue(field(r[3], "timed_out")));
    assert_string_equal(str(r[3], "next"), "home");
    assert_string_equal(str(r[5], "outcome"), "harm");
    records_free(r, n);
}

static void test_a_driver_failure_ends_the_session_with_its_message(void **state)
{
    fixture *f = *state;
    calls.fail_on = "ward";
    assert_int_equal(open_session(f), SESSION_OK);
    session_action choose = {ACT_CHOOSE, "admit", 0}, go_on = {ACT_CONTINUE, NULL, 0};
    assert_int_equal(session_act(f->s, &choose, 1000, &f->e), SESSION_OK);
    assert_int_equal(session_act(f->s, &go_on, 1000, &f->e), SESSION_FAILED);
    assert_string_equal(f->e.file, "fake.c");
    assert_int_equal(f->e.line, 42);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_ERROR);
    assert_non_null(strstr(v.error, "the fake case cannot enter ward"));
    size_t n;
    cJSON **r = records(f, &n);
    assert_string_equal(str(r[n - 1], "type"), "session_end");
    assert_string_equal(str(r[n - 1], "status"), "error");
    assert_non_null(strstr(str(r[n - 1], "error"), "fake.c:42"));
    records_free(r, n);
}

static void test_state_key_needs_a_driver_that_has_one(void **state)
{
    fixture *f = *state;
    unsigned char key[CASE_STATE_KEY_SIZE];
    assert_int_equal(open_session(f), SESSION_OK);
    assert_int_equal(session_state_key(f->s, key, &f->e), -1);
    assert_int_equal(f->e.kind, APPERR_ENV);
    assert_non_null(strstr(f->e.msg, "cases played by 'fake' have no state keys"));
}

static void test_a_case_without_a_driver_is_refused_before_anything_is_written(void **state)
{
    fixture *f = *state;
    f->fc->c.driver = NULL;
    assert_int_equal(open_session(f), SESSION_IO);
    assert_null(f->s);
    assert_int_equal(f->e.kind, APPERR_ENV);
    assert_int_equal(calls.begin, 0);
    assert_int_equal(log_writer_records(f->log), 0);
}

/* Fails each allocation of a whole play in turn (the session's own, its
 * records', the log line's, the driver's nodes and ids): the call that
 * meets it reports "out of memory" (an APPERR_ENV), the session has ended,
 * and once it is closed nothing it allocated is left. */
static void test_a_play_that_runs_out_of_memory_leaks_nothing(void **state)
{
    fixture *f = *state;
    session_action choose = {ACT_CHOOSE, "admit", 0}, go_on = {ACT_CONTINUE, NULL, 0};
    failing_alloc_install();
    for (long k = 0;; k++) {
        char path[4300];
        log_writer *log = NULL;
        snprintf(path, sizeof path, "%s/oom-%ld.jsonl", f->dir, k);
        log_open_opts lo = {NULL, path, SESSION_ID, "t1", "fake", 0, fixed_clock, NULL};
        assert_int_equal(log_writer_open(&log, &lo, &f->e), 0);
        long before = alloc_live;
        session_opts o = {
            "t1", NULL, 77, "run", SESSION_ID, "test", "testos", log, TIME_LIMITS_NORMAL, {0}};
        session *s = NULL;
        alloc_fail_in = k;
        session_result r = session_open(&s, &f->fc->c, &o, 0, &f->e);
        if (r == SESSION_OK)
            r = session_act(s, &choose, 1000, &f->e);
        if (r == SESSION_OK)
            r = session_act(s, &go_on, 1500, &f->e); /* the feedback */
        if (r == SESSION_OK)
            r = session_act(s, &go_on, 2000, &f->e);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (failed) {
            assert_true(r == SESSION_IO || r == SESSION_FAILED);
            assert_int_equal(f->e.kind, APPERR_ENV);
            assert_non_null(strstr(f->e.msg, "out of memory"));
            assert_true(!s || session_view_now(s).status == SESSION_ERROR);
        } else {
            assert_int_equal(r, SESSION_OK);
            assert_int_equal(session_view_now(s).status, SESSION_COMPLETE);
        }
        session_close(s);
        assert_int_equal(alloc_live, before);
        log_writer_close(log);
        if (!failed) {
            assert_true(k > 0);
            break;
        }
    }
    failing_alloc_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_decision_with_advice_narrative_and_ending_through_a_c_driver),
        T(test_time_limit_asks_the_driver_for_the_timeout_target),
        T(test_a_driver_failure_ends_the_session_with_its_message),
        T(test_state_key_needs_a_driver_that_has_one),
        T(test_a_case_without_a_driver_is_refused_before_anything_is_written),
        T(test_a_play_that_runs_out_of_memory_leaks_nothing),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
