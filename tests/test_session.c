/* test_session: the session state machine, checked through the log it writes
 * (every record read back and parsed), plus the golden logs of tests/golden. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmocka.h>

#include <cJSON.h>
#include <dirent.h>

#include "case_load.h"
#include "inputs.h"
#include "log_schema.h"
#include "log_writer.h"
#include "runner.h"
#include "session.h"
#include "support.h"

#define SESSION_ID "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b"

/* ---- harness ----------------------------------------------------------- */

typedef struct fixture {
    char *dir;
    char log_path[4200];
    log_writer *log;
    case_def *c;
    session *s;
    int64_t t;
    apperr e;
    session_result open_result;
} fixture;

typedef struct records {
    cJSON **items;
    size_t n;
} records;

static int64_t fixed_clock(void *ctx)
{
    return ctx ? *(const int64_t *)ctx : 1795000000000LL;
}

static case_def *load_case(const char *path)
{
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {0, 0, 1};
    apperr_clear(&e);
    if (case_load(&c, path, &lo, &e) != 0) {
        char buf[2048];
        fail_msg("loading %s: %s", path, apperr_format(&e, buf, sizeof buf));
    }
    return c;
}

static void open_log(fixture *f, const char *name, int64_t *clock_ctx)
{
    snprintf(f->log_path, sizeof f->log_path, "%s/%s.jsonl", f->dir, name);
    log_open_opts lo = {NULL, f->log_path, SESSION_ID, "t1", f->c->id, 0, fixed_clock, clock_ctx};
    if (log_writer_open(&f->log, &lo, &f->e) != 0)
        fail_msg("log_writer_open: %s", f->e.msg);
}

static session_opts default_opts(fixture *f, const char *trainee, const char *variant)
{
    session_opts o = {trainee, variant,           42, "run", SESSION_ID, "test-engine", "testos",
                      f->log,  TIME_LIMITS_NORMAL, {0}};
    return o;
}

/* Loads tests/cases/NAME.lua and opens a session on it at t = 0. */
static fixture *fx_open_with(const char *name, const char *trainee, const char *variant)
{
    fixture *f = calloc(1, sizeof *f);
    char path[4096];
    assert_non_null(f);
    f->dir = test_tmpdir();
    assert_non_null(f->dir);
    snprintf(path, sizeof path, "%s/%s.lua", TEST_CASES_DIR, name);
    f->c = load_case(path);
    open_log(f, "log", NULL);
    session_opts o = default_opts(f, trainee, variant);
    f->open_result = session_open(&f->s, f->c, &o, 0, &f->e);
    return f;
}

static fixture *fx_open(const char *name)
{
    fixture *f = fx_open_with(name, "t1", NULL);
    if (f->open_result != SESSION_OK)
        fail_msg("session_open: %s", f->e.msg);
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

/* One action, 1000 ms after the previous one (as `run` times them). */
static session_result act(fixture *f, action_kind kind, const char *text, int value)
{
    session_action a = {kind, text, value};
    f->t += 1000;
    return session_act(f->s, &a, f->t, &f->e);
}

static void act_ok(fixture *f, action_kind kind, const char *text, int value)
{
    session_result r = act(f, kind, text, value);
    if (r != SESSION_OK)
        fail_msg("action %d %s %d at t=%lld: result %d: %s", (int)kind, text ? text : "", value,
                 (long long)f->t, (int)r, f->e.msg);
}

static void records_free(records *r)
{
    for (size_t i = 0; i < r->n; i++)
        cJSON_Delete(r->items[i]);
    free(r->items);
    r->items = NULL;
    r->n = 0;
}

/* Reads the log back, one parsed object per line; every line must parse. */
static records read_records(const char *path)
{
    records r = {NULL, 0};
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        assert_non_null(nl); /* every record ends with \n */
        *nl = '\0';
        cJSON *obj = cJSON_Parse(line);
        if (!obj)
            fail_msg("unparsable log line: %s", line);
        r.items = realloc(r.items, (r.n + 1) * sizeof *r.items);
        assert_non_null(r.items);
        r.items[r.n++] = obj;
        line = nl + 1;
    }
    free(text);
    return r;
}

static records fx_records(fixture *f)
{
    return read_records(f->log_path);
}

static size_t count_lines(const char *path)
{
    size_t n = 0;
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    for (char *p = text; *p; p++)
        n += *p == '\n';
    free(text);
    return n;
}

/* ---- field checks ------------------------------------------------------ */

static const cJSON *field(const cJSON *rec, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(rec, key);
    if (!it) {
        char *txt = cJSON_PrintUnformatted(rec);
        fail_msg("record has no \"%s\": %s", key, txt);
    }
    return it;
}

static void check_str(const cJSON *rec, const char *key, const char *want)
{
    const cJSON *it = field(rec, key);
    if (!want) {
        if (!cJSON_IsNull(it))
            fail_msg("\"%s\" should be null", key);
        return;
    }
    if (!cJSON_IsString(it))
        fail_msg("\"%s\" should be the string \"%s\"", key, want);
    assert_string_equal(it->valuestring, want);
}

static void check_null(const cJSON *rec, const char *key)
{
    if (!cJSON_IsNull(field(rec, key)))
        fail_msg("\"%s\" should be null", key);
}

static void check_num(const cJSON *rec, const char *key, double want)
{
    const cJSON *it = field(rec, key);
    if (!cJSON_IsNumber(it))
        fail_msg("\"%s\" should be a number", key);
    if (it->valuedouble != want)
        fail_msg("\"%s\" is %.17g, want %.17g", key, it->valuedouble, want);
}

static void check_bool(const cJSON *rec, const char *key, bool want)
{
    const cJSON *it = field(rec, key);
    if (!cJSON_IsBool(it))
        fail_msg("\"%s\" should be %s, is not a bool", key, want ? "true" : "false");
    if (cJSON_IsTrue(it) != want)
        fail_msg("\"%s\" should be %s", key, want ? "true" : "false");
}

/* A JSON array of exactly these strings (NULL-terminated list). */
static void check_strs(const cJSON *rec, const char *key, ...)
{
    const cJSON *arr = field(rec, key);
    va_list ap;
    int i = 0;
    assert_true(cJSON_IsArray(arr));
    va_start(ap, key);
    for (const char *want; (want = va_arg(ap, const char *)) != NULL; i++) {
        const cJSON *it = cJSON_GetArrayItem(arr, i);
        if (!cJSON_IsString(it))
            fail_msg("\"%s\"[%d] should be \"%s\"", key, i, want);
        assert_string_equal(it->valuestring, want);
    }
    va_end(ap);
    assert_int_equal(cJSON_GetArraySize(arr), i);
}

/* Envelope and type of record i: seq i, time t. */
static const cJSON *rec_at(const records *r, size_t i, const char *type, int64_t t)
{
    if (i >= r->n)
        fail_msg("record %zu (%s) missing: the log has %zu", i, type, r->n);
    const cJSON *rec = r->items[i];
    check_num(rec, "v", 1);
    check_str(rec, "type", type);
    check_str(rec, "session", SESSION_ID);
    check_num(rec, "seq", (double)i);
    check_num(rec, "t", (double)t);
    assert_true(cJSON_IsString(field(rec, "at")));
    return rec;
}

/* The record's members are the envelope's fields and then its type's, each
 * once and in the order log_schema.h declares them (a field the schema
 * lets the writer leave out may be missing). */
static void check_schema(const cJSON *rec)
{
    const cJSON *type = field(rec, "type");
    int t = cJSON_IsString(type) ? log_schema_find(type->valuestring) : -1;
    if (t < 0)
        fail_msg("record type %s is not in the schema",
                 cJSON_IsString(type) ? type->valuestring : "(none)");
    const log_record_def *env = log_schema_envelope(), *def = log_schema_record(t);
    const cJSON *it = rec->child;
    for (size_t i = 0; i < env->n_fields; i++, it = it->next) {
        if (!it || strcmp(it->string, env->fields[i].name) != 0)
            fail_msg("%s record: envelope field %zu should be \"%s\"", def->name, i,
                     env->fields[i].name);
    }
    for (size_t i = 0; i < def->n_fields; i++) {
        if (it && strcmp(it->string, def->fields[i].name) == 0)
            it = it->next;
        else if (def->fields[i].type != LOG_OPT_STR && !def->fields[i].opt)
            fail_msg("%s record: \"%s\" missing or out of the schema's order (found \"%s\")",
                     def->name, def->fields[i].name, it ? it->string : "(end)");
    }
    if (it)
        fail_msg("%s record: \"%s\" is not in the schema", def->name, it->string);
}

static const cJSON *check_decision(const records *r, size_t i, int64_t t)
{
    const cJSON *rec = rec_at(r, i, "decision", t);
    check_schema(rec);
    return rec;
}

static void check_node(const records *r, size_t i, int64_t t, const char *node, double clock)
{
    const cJSON *rec = rec_at(r, i, "node", t);
    check_schema(rec);
    check_str(rec, "node", node);
    check_num(rec, "clock", clock);
    assert_true(cJSON_IsObject(field(rec, "vitals")));
}

static void check_ending(const records *r, size_t i, int64_t t, const char *node,
                         const char *outcome, double clock)
{
    const cJSON *rec = rec_at(r, i, "ending", t);
    check_schema(rec);
    check_str(rec, "node", node);
    check_str(rec, "outcome", outcome);
    check_num(rec, "clock", clock);
}

static void check_end(const records *r, size_t i, int64_t t, const char *status)
{
    const cJSON *rec = rec_at(r, i, "session_end", t);
    check_str(rec, "status", status);
    check_schema(rec);
    if (strcmp(status, "error") != 0)
        assert_null(cJSON_GetObjectItemCaseSensitive(rec, "error"));
    assert_int_equal(r->n, i + 1); /* session_end is the last record */
}

static void check_advice(const records *r, size_t i, int64_t t, const char *node, const char *tool,
                         const char *recommend, double confidence, const char *source,
                         const char *timing)
{
    const cJSON *rec = rec_at(r, i, "advice_shown", t);
    check_schema(rec);
    check_str(rec, "node", node);
    check_str(rec, "tool", tool);
    check_str(rec, "recommend", recommend);
    if (confidence < 0)
        check_null(rec, "confidence");
    else
        check_num(rec, "confidence", confidence);
    check_str(rec, "source", source);
    check_str(rec, "timing", timing);
}

static void check_view(const records *r, size_t i, int64_t t, const char *node, const char *what)
{
    const cJSON *rec = rec_at(r, i, "view", t);
    check_schema(rec);
    check_str(rec, "node", node);
    check_str(rec, "what", what);
}

static void check_step(fixture *f, session_step step)
{
    session_view v = session_view_now(f->s);
    if (v.step != step)
        fail_msg("step is %s, want %s", session_step_name(v.step), session_step_name(step));
}

static void expect_rejected(fixture *f, action_kind kind, const char *text, int value,
                            const char *want);

/* ---- variants ---------------------------------------------------------- */

static void test_fnv1a_matches_reference_vectors(void **state)
{
    (void)state;
    assert_int_equal(session_fnv1a(""), 0x811c9dc5u);
    assert_int_equal(session_fnv1a("a"), 0xe40c292cu);
    assert_int_equal(session_fnv1a("foobar"), 0xbf9cf968u);
}

static void test_variant_derivation_is_stable_and_splits_a_cohort(void **state)
{
    (void)state;
    case_def *c = load_case(TEST_CASES_DIR "/session_variants.lua");
    size_t seen[2] = {0, 0};
    for (int i = 0; i < 40; i++) {
        char who[32];
        snprintf(who, sizeof who, "trainee%d", i);
        const char *v = session_derive_variant(c, who);
        assert_non_null(v);
        assert_ptr_equal(v, session_derive_variant(c, who)); /* stable */
        char key[64];
        snprintf(key, sizeof key, "%s/session-variants", who);
        assert_string_equal(v, c->variants.items[session_fnv1a(key) % 2]);
        seen[strcmp(v, "ai_right") == 0 ? 0 : 1]++;
    }
    assert_true(seen[0] > 0 && seen[1] > 0);
    case_free(c);

    c = load_case(TEST_CASES_DIR "/session_narrative.lua");
    assert_null(session_derive_variant(c, "trainee1"));
    case_free(c);
}

static void test_open_logs_the_derived_variant(void **state)
{
    (void)state;
    fixture *f = fx_open_with("session_variants", "t7", NULL);
    assert_int_equal(f->open_result, SESSION_OK);
    const char *want = session_derive_variant(f->c, "t7");
    records r = fx_records(f);
    check_str(rec_at(&r, 0, "session_start", 0), "variant", want);
    assert_string_equal(session_view_now(f->s).variant, want);
    records_free(&r);
    fx_close(f);
}

static void test_variant_given_changes_the_advice(void **state)
{
    (void)state;
    fixture *f = fx_open_with("session_variants", "t1", "ai_wrong");
    assert_int_equal(f->open_result, SESSION_OK);
    assert_string_equal(session_view_now(f->s).node->text, "Variant ai_wrong");
    act_ok(f, ACT_CHOOSE, "yes", 0);
    records r = fx_records(f);
    check_str(rec_at(&r, 0, "session_start", 0), "variant", "ai_wrong");
    check_advice(&r, 2, 0, "q", "Tool", "no", -1, "AI", "with_case");
    const cJSON *d = check_decision(&r, 3, 1000);
    check_str(d, "ai", "no");
    check_bool(d, "ai_correct", false);
    check_bool(d, "followed_ai", false);
    records_free(&r);
    fx_close(f);
}

static void test_unknown_variant_is_usage_error_before_anything_is_written(void **state)
{
    (void)state;
    fixture *f = fx_open_with("session_variants", "t1", "ai_sometimes");
    assert_int_equal(f->open_result, SESSION_REJECTED);
    assert_int_equal(f->e.kind, APPERR_USAGE);
    assert_non_null(strstr(f->e.msg, "ai_sometimes"));
    assert_non_null(strstr(f->e.msg, "ai_right, ai_wrong"));
    assert_null(f->s);
    assert_int_equal(count_lines(f->log_path), 0);
    fx_close(f);

    f = fx_open_with("session_narrative", "t1", "ai_right");
    assert_int_equal(f->open_result, SESSION_REJECTED);
    assert_int_equal(f->e.kind, APPERR_USAGE);
    assert_int_equal(count_lines(f->log_path), 0);
    fx_close(f);
}

/* ---- after_initial ----------------------------------------------------- */

static void test_session_start_has_every_field(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    records r = fx_records(f);
    const cJSON *rec = rec_at(&r, 0, "session_start", 0);
    check_schema(rec);
    check_str(rec, "engine", "test-engine");
    check_str(rec, "case", "session-after-initial");
    check_str(rec, "case_version", "1.2");
    check_str(rec, "case_title", "After initial: the quiet sepsis alert");
    check_str(rec, "case_sha256", f->c->sha256);
    assert_int_equal(strlen(f->c->sha256), 64);
    check_str(rec, "case_file", TEST_CASES_DIR "/session_after_initial.lua");
    check_str(rec, "trainee", "t1");
    check_null(rec, "variant");
    check_num(rec, "seed", 42);
    check_str(rec, "mode", "run");
    check_str(rec, "host_os", "testos");

    check_node(&r, 1, 0, "arrival", 0);
    const cJSON *vit = field(r.items[1], "vitals");
    check_num(vit, "hr", 118);
    check_num(vit, "temp", 38.9);
    check_str(vit, "avpu", "V");
    check_num(r.items[1], "news2", 14);
    assert_int_equal(r.n, 2);
    check_step(f, STEP_CHOOSE_INITIAL);
    records_free(&r);
    fx_close(f);
}

static void test_large_seed_is_logged_exactly(void **state)
{
    (void)state;
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_tmpdir();
    f->c = load_case(TEST_CASES_DIR "/session_narrative.lua");
    open_log(f, "seed", NULL);
    session_opts o = default_opts(f, "t1", NULL);
    o.seed = 18446744073709551615ULL;
    assert_int_equal(session_open(&f->s, f->c, &o, 0, &f->e), SESSION_OK);
    char *text = test_read_file(f->log_path, NULL);
    assert_non_null(strstr(text, "\"seed\":18446744073709551615"));
    free(text);
    fx_close(f);
}

static void test_after_initial_switch_to_ai_logs_the_full_sequence(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    act_ok(f, ACT_CHOOSE, "sepsis6", 0); /* 1000 */
    check_step(f, STEP_CONFIDENCE_INITIAL);
    assert_false(session_view_now(f->s).advice_shown);
    act_ok(f, ACT_CONFIDENCE, NULL, 5); /* 2000: the advice is shown */
    check_step(f, STEP_CHOOSE_FINAL);
    assert_true(session_view_now(f->s).advice_shown);
    assert_string_equal(session_view_now(f->s).initial, "sepsis6");
    act_ok(f, ACT_CHOOSE, "repeat", 0); /* 3000 */
    check_step(f, STEP_CONFIDENCE_FINAL);
    act_ok(f, ACT_CONFIDENCE, NULL, 6); /* 4000 */
    check_step(f, STEP_TRUST);
    act_ok(f, ACT_TRUST, NULL, 6); /* 5000: followed, so no rationale */
    check_step(f, STEP_FEEDBACK);
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 6000 */
    check_step(f, STEP_ENDED);
    assert_int_equal(session_view_now(f->s).status, SESSION_COMPLETE);

    records r = fx_records(f);
    assert_int_equal(r.n, 7);
    check_advice(&r, 2, 2000, "arrival", "SepsisWatch", "repeat", 0.87, "AI", "after_initial");
    const cJSON *d = check_decision(&r, 3, 5000);
    check_str(d, "node", "arrival");
    check_strs(d, "options", "sepsis6", "repeat", "senior", NULL);
    check_strs(d, "best", "sepsis6", "senior", NULL);
    check_str(d, "timing", "after_initial");
    check_str(d, "ai", "repeat");
    check_num(d, "ai_confidence", 0.87);
    check_bool(d, "ai_correct", false);
    check_null(d, "advice_requested");
    check_str(d, "initial", "sepsis6");
    check_num(d, "initial_confidence", 5);
    check_str(d, "final", "repeat");
    check_num(d, "final_confidence", 6);
    check_bool(d, "initial_correct", true);
    check_bool(d, "final_correct", false);
    check_bool(d, "followed_ai", true);
    check_bool(d, "switched", true);
    check_num(d, "trust", 6);
    check_null(d, "rationale");
    check_strs(d, "viewed", NULL);
    check_num(d, "ms_initial", 1000);
    check_num(d, "ms_advice", 2000);
    check_num(d, "ms_final", 1000);
    check_bool(d, "timed_out", false);
    check_str(d, "next", "worse");
    check_node(&r, 4, 6000, "worse", 60);
    check_ending(&r, 5, 6000, "worse", "harm", 60);
    check_end(&r, 6, 6000, "complete");
    records_free(&r);
    fx_close(f);
}

static void test_after_initial_keeping_against_ai_asks_rationale(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    act_ok(f, ACT_CHOOSE, "sepsis6", 0); /* 1000 */
    act_ok(f, ACT_CONFIDENCE, NULL, 4);  /* 2000 */
    act_ok(f, ACT_CHOOSE, "sepsis6", 0); /* 3000 */
    act_ok(f, ACT_CONFIDENCE, NULL, 7);  /* 4000 */
    act_ok(f, ACT_TRUST, NULL, 2);       /* 5000 */
    check_step(f, STEP_RATIONALE);
    act_ok(f, ACT_VIEW, "explanation", 0);                                         /* 6000 */
    act_ok(f, ACT_RATIONALE, "Lactate 4.1 and hypotension outweigh the score", 0); /* 7000 */
    check_step(f, STEP_FEEDBACK);
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 8000 */

    records r = fx_records(f);
    assert_int_equal(r.n, 8);
    check_advice(&r, 2, 2000, "arrival", "SepsisWatch", "repeat", 0.87, "AI", "after_initial");
    check_view(&r, 3, 6000, "arrival", "explanation");
    const cJSON *d = check_decision(&r, 4, 7000);
    check_str(d, "initial", "sepsis6");
    check_num(d, "initial_confidence", 4);
    check_str(d, "final", "sepsis6");
    check_num(d, "final_confidence", 7);
    check_bool(d, "initial_correct", true);
    check_bool(d, "final_correct", true);
    check_bool(d, "followed_ai", false);
    check_bool(d, "switched", false);
    check_num(d, "trust", 2);
    check_str(d, "rationale", "Lactate 4.1 and hypotension outweigh the score");
    check_strs(d, "viewed", "explanation", NULL);
    check_num(d, "ms_final", 1000);
    check_str(d, "next", "treated");
    check_node(&r, 5, 8000, "treated", 30);
    check_num(field(r.items[5], "vitals"), "hr", 96);
    check_num(r.items[5], "news2", 13);
    check_ending(&r, 6, 8000, "treated", "good", 30);
    check_end(&r, 7, 8000, "complete");
    records_free(&r);
    fx_close(f);
}

static void test_viewed_lists_each_panel_once_in_first_opened_order(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    act_ok(f, ACT_VIEW, "results", 0);                                      /* 1000 */
    act_ok(f, ACT_VIEW, "model_card", 0);                                   /* 2000 */
    assert_int_equal(act(f, ACT_VIEW, "explanation", 0), SESSION_REJECTED); /* not shown yet */
    assert_non_null(strstr(f->e.msg, "explanation"));
    act_ok(f, ACT_CHOOSE, "senior", 0);          /* 4000 */
    act_ok(f, ACT_VIEW, "results", 0);           /* 5000 */
    act_ok(f, ACT_CONFIDENCE, NULL, 3);          /* 6000 */
    act_ok(f, ACT_VIEW, "explanation", 0);       /* 7000 */
    act_ok(f, ACT_CHOOSE, "senior", 0);          /* 8000 */
    act_ok(f, ACT_CONFIDENCE, NULL, 3);          /* 9000 */
    act_ok(f, ACT_TRUST, NULL, 3);               /* 10000 */
    act_ok(f, ACT_RATIONALE, "senior first", 0); /* 11000 */
    act_ok(f, ACT_VIEW, "model_card", 0);        /* 12000: at the feedback */
    records r = fx_records(f);
    check_view(&r, 2, 1000, "arrival", "results");
    check_view(&r, 3, 2000, "arrival", "model_card");
    check_view(&r, 4, 5000, "arrival", "results");
    check_advice(&r, 5, 6000, "arrival", "SepsisWatch", "repeat", 0.87, "AI", "after_initial");
    check_view(&r, 6, 7000, "arrival", "explanation");
    const cJSON *d = check_decision(&r, 7, 11000);
    check_strs(d, "viewed", "results", "model_card", "explanation", NULL);
    check_num(d, "ms_initial", 4000);
    check_num(d, "ms_advice", 6000);
    check_num(d, "ms_final", 2000);
    check_view(&r, 8, 12000, "arrival", "model_card");
    assert_int_equal(r.n, 9);
    records_free(&r);
    fx_close(f);
}

static void test_unknown_panel_is_rejected(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    assert_int_equal(act(f, ACT_VIEW, "xray", 0), SESSION_REJECTED);
    assert_non_null(strstr(f->e.msg, "xray"));
    assert_non_null(strstr(f->e.msg, "explanation, model_card and results"));
    assert_int_equal(count_lines(f->log_path), 2);
    fx_close(f);
}

/* ---- with_case --------------------------------------------------------- */

static void test_with_case_shows_advice_on_entry_and_asks_one_choice(void **state)
{
    (void)state;
    fixture *f = fx_open("session_with_case");
    check_step(f, STEP_CHOOSE_FINAL);
    assert_true(session_view_now(f->s).advice_shown);
    act_ok(f, ACT_CHOOSE, "observe", 0); /* 1000 */
    check_step(f, STEP_TRUST);
    act_ok(f, ACT_TRUST, NULL, 3); /* 2000 */
    check_step(f, STEP_FEEDBACK);  /* the advice was shown */
    f->t -= 1000;
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 2000 */
    records r = fx_records(f);
    assert_int_equal(r.n, 7);
    check_node(&r, 1, 0, "film", 0);
    check_null(r.items[1], "news2"); /* too few vitals for NEWS2 */
    check_advice(&r, 2, 0, "film", "cxr", "drain", -1, "Radiology AI", "with_case");
    const cJSON *d = check_decision(&r, 3, 2000);
    check_strs(d, "options", "drain", "observe", NULL);
    check_strs(d, "best", "drain", NULL);
    check_str(d, "timing", "with_case");
    check_str(d, "ai", "drain");
    check_null(d, "ai_confidence");
    check_bool(d, "ai_correct", true);
    check_null(d, "advice_requested");
    check_null(d, "initial");
    check_null(d, "initial_confidence");
    check_str(d, "final", "observe");
    check_null(d, "final_confidence");
    check_null(d, "initial_correct");
    check_bool(d, "final_correct", false);
    check_bool(d, "followed_ai", false);
    check_null(d, "switched");
    check_num(d, "trust", 3);
    check_null(d, "rationale");
    check_null(d, "ms_initial");
    check_num(d, "ms_advice", 0);
    check_num(d, "ms_final", 1000);
    check_bool(d, "timed_out", false);
    check_str(d, "next", "done");
    check_node(&r, 4, 2000, "done", 0);
    check_ending(&r, 5, 2000, "done", "neutral", 0);
    check_end(&r, 6, 2000, "complete");
    records_free(&r);
    fx_close(f);
}

/* ---- on_request -------------------------------------------------------- */

static void test_on_request_asked_logs_the_request_and_trust(void **state)
{
    (void)state;
    fixture *f = fx_open("session_on_request");
    session_view v = session_view_now(f->s);
    assert_true(v.can_ask);
    assert_false(v.advice_shown);
    act_ok(f, ACT_VIEW, "model_card", 0); /* 1000 */
    act_ok(f, ACT_ASK, NULL, 0);          /* 2000 */
    v = session_view_now(f->s);
    assert_false(v.can_ask);
    assert_true(v.advice_shown);
    assert_int_equal(act(f, ACT_ASK, NULL, 0), SESSION_REJECTED); /* 3000: only once */
    assert_non_null(strstr(f->e.msg, "already"));
    act_ok(f, ACT_CHOOSE, "majors", 0);    /* 4000 */
    act_ok(f, ACT_TRUST, NULL, 5);         /* 5000 */
    check_step(f, STEP_RATIONALE);         /* always */
    act_ok(f, ACT_RATIONALE, "agreed", 0); /* 6000 */
    check_step(f, STEP_FEEDBACK);
    f->t -= 1000;
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 6000 */
    records r = fx_records(f);
    assert_int_equal(r.n, 8);
    check_view(&r, 2, 1000, "triage", "model_card");
    check_advice(&r, 3, 2000, "triage", "TriageNet", "majors", 0.6, "AI", "on_request");
    const cJSON *d = check_decision(&r, 4, 6000);
    check_str(d, "timing", "on_request");
    check_bool(d, "advice_requested", true);
    check_bool(d, "ai_correct", false);
    check_str(d, "final", "majors");
    check_bool(d, "followed_ai", true);
    check_null(d, "switched");
    check_num(d, "trust", 5);
    check_str(d, "rationale", "agreed");
    check_strs(d, "viewed", "model_card", NULL);
    check_num(d, "ms_advice", 2000);
    check_num(d, "ms_final", 2000);
    check_str(d, "next", "seen");
    check_end(&r, 7, 6000, "complete");
    records_free(&r);
    fx_close(f);
}

static void test_on_request_not_asked_skips_trust_and_nulls_following(void **state)
{
    (void)state;
    fixture *f = fx_open("session_on_request");
    assert_int_equal(act(f, ACT_VIEW, "explanation", 0), SESSION_REJECTED); /* 1000 */
    act_ok(f, ACT_CHOOSE, "resus", 0);                                      /* 2000 */
    check_step(f, STEP_RATIONALE); /* trust skipped: the advice was never shown */
    assert_false(session_view_now(f->s).can_ask);
    assert_int_equal(act(f, ACT_ASK, NULL, 0), SESSION_REJECTED); /* 3000: too late */
    act_ok(f, ACT_RATIONALE, "", 0);                              /* 4000 */
    records r = fx_records(f);
    assert_int_equal(r.n, 6);
    const cJSON *d = check_decision(&r, 2, 4000);
    check_str(d, "timing", "on_request");
    check_str(d, "ai", "majors");
    check_num(d, "ai_confidence", 0.6);
    check_bool(d, "ai_correct", false);
    check_bool(d, "advice_requested", false);
    check_str(d, "final", "resus");
    check_bool(d, "final_correct", true);
    check_null(d, "followed_ai");
    check_null(d, "trust");
    check_str(d, "rationale", "");
    check_null(d, "ms_advice");
    check_num(d, "ms_final", 2000);
    records_free(&r);
    fx_close(f);
}

/* ---- time limits ------------------------------------------------------- */

static void test_time_limit_fires_at_deadline_keeping_the_initial_choice(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed");
    assert_int_equal(session_view_now(f->s).deadline_ms, 30000);
    act_ok(f, ACT_CHOOSE, "cpr", 0);    /* 1000 */
    act_ok(f, ACT_CONFIDENCE, NULL, 3); /* 2000: advice shown */
    assert_int_equal(session_tick(f->s, 29999, &f->e), SESSION_OK);
    check_step(f, STEP_CHOOSE_FINAL);
    assert_int_equal(count_lines(f->log_path), 3);
    assert_int_equal(session_tick(f->s, 31000, &f->e), SESSION_OK);
    check_step(f, STEP_FEEDBACK); /* time ran out */
    assert_int_equal(session_view_now(f->s).deadline_ms, -1);
    assert_null(session_view_now(f->s).decision->feedback); /* not the case's text */
    assert_true(session_view_now(f->s).decision->timed_out);
    f->t = 31000;
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 32000 */
    check_step(f, STEP_CONTINUE);
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 33000 */
    records r = fx_records(f);
    assert_int_equal(r.n, 8);
    const cJSON *d = check_decision(&r, 3, 30000);
    check_bool(d, "timed_out", true);
    check_str(d, "initial", "cpr");
    check_null(d, "initial_confidence");
    check_bool(d, "initial_correct", false);
    check_null(d, "final");
    check_null(d, "final_confidence");
    check_null(d, "final_correct");
    check_null(d, "followed_ai");
    check_null(d, "switched");
    check_null(d, "trust");
    check_null(d, "rationale");
    check_bool(d, "ai_correct", true);
    check_num(d, "ms_initial", 1000);
    check_num(d, "ms_advice", 2000);
    check_null(d, "ms_final");
    check_str(d, "next", "late");
    check_null(d, "feedback"); /* the case's text is not shown after a time-out */
    check_node(&r, 4, 32000, "late", 0);
    check_node(&r, 5, 33000, "lost", 0);
    check_ending(&r, 6, 33000, "lost", "harm", 0);
    check_end(&r, 7, 33000, "complete");
    records_free(&r);
    fx_close(f);
}

static void test_due_time_limit_is_applied_before_an_action(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed");
    f->t = 44000;
    assert_int_equal(act(f, ACT_CHOOSE, "shock", 0), SESSION_REJECTED); /* at 45000 */
    assert_string_equal(f->e.msg, "expected continue after the feedback at node call, got choose");
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 46000: on to late */
    records r = fx_records(f);
    assert_int_equal(r.n, 4);
    const cJSON *d = check_decision(&r, 2, 30000);
    check_bool(d, "timed_out", true);
    check_null(d, "initial");
    check_null(d, "initial_correct");
    check_null(d, "ms_initial");
    check_null(d, "ms_advice");
    check_node(&r, 3, 46000, "late", 0);
    records_free(&r);
    fx_close(f);
}

static void test_time_limit_does_not_fire_once_the_final_choice_is_made(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed");
    act_ok(f, ACT_CHOOSE, "shock", 0);  /* 1000 */
    act_ok(f, ACT_CONFIDENCE, NULL, 6); /* 2000 */
    act_ok(f, ACT_CHOOSE, "shock", 0);  /* 3000 */
    assert_int_equal(session_view_now(f->s).deadline_ms, -1);
    assert_int_equal(session_tick(f->s, 40000, &f->e), SESSION_OK);
    check_step(f, STEP_CONFIDENCE_FINAL);
    f->t = 40000;
    act_ok(f, ACT_CONFIDENCE, NULL, 7); /* 41000 */
    act_ok(f, ACT_TRUST, NULL, 7);      /* 42000 */
    check_step(f, STEP_FEEDBACK);
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 43000 */
    records r = fx_records(f);
    const cJSON *d = check_decision(&r, 3, 42000);
    check_bool(d, "timed_out", false);
    check_bool(d, "followed_ai", true);
    check_bool(d, "switched", false);
    check_num(d, "ms_final", 1000);
    check_str(d, "next", "saved");
    check_ending(&r, 5, 43000, "saved", "good", 0);
    check_end(&r, 6, 43000, "complete");
    records_free(&r);
    fx_close(f);
}

static void test_wait_lets_a_time_limit_run_out(void **state)
{
    (void)state;
    fixture *f = fx_open("session_timed");
    session_action w = {ACT_WAIT, NULL, 30};
    assert_int_equal(session_act(f->s, &w, 30000, &f->e), SESSION_OK);
    check_step(f, STEP_FEEDBACK);
    records r = fx_records(f);
    check_bool(check_decision(&r, 2, 30000), "timed_out", true);
    records_free(&r);
    fx_close(f);
}

/* ---- narrative, endings, quit ------------------------------------------ */

static void test_narrative_nodes_and_feedback_lead_to_the_ending(void **state)
{
    (void)state;
    fixture *f = fx_open("session_narrative");
    check_step(f, STEP_CONTINUE);
    assert_int_equal(act(f, ACT_CHOOSE, "bed1", 0), SESSION_REJECTED); /* 1000 */
    assert_string_equal(f->e.msg, "expected continue at node handover, got choose");
    act_ok(f, ACT_CONTINUE, NULL, 0); /* 2000 */
    check_step(f, STEP_CHOOSE_FINAL);
    expect_rejected(f, ACT_ASK, NULL, 0, "no advice to ask for at node ward"); /* 3000 */
    f->t -= 1000;
    assert_int_equal(act(f, ACT_VIEW, "model_card", 0), SESSION_REJECTED); /* 3000: no AI */
    assert_non_null(strstr(f->e.msg, "no AI tool"));
    act_ok(f, ACT_CHOOSE, "bed1", 0); /* 4000 */
    check_step(f, STEP_FEEDBACK);
    act_ok(f, ACT_VIEW, "results", 0); /* 5000 */
    act_ok(f, ACT_CONTINUE, NULL, 0);  /* 6000 */
    assert_string_equal(session_view_now(f->s).node->text, "Seen 1");
    records r = fx_records(f);
    assert_int_equal(r.n, 8);
    check_node(&r, 1, 0, "handover", 0);
    check_null(r.items[1], "news2");
    check_num(field(r.items[1], "vitals"), "hr", 70);
    check_node(&r, 2, 2000, "ward", 15);
    const cJSON *d = check_decision(&r, 3, 4000);
    check_null(d, "timing");
    check_null(d, "ai");
    check_null(d, "ai_confidence");
    check_null(d, "ai_correct");
    check_null(d, "advice_requested");
    check_null(d, "initial");
    check_str(d, "final", "bed1");
    check_bool(d, "final_correct", true);
    check_null(d, "followed_ai");
    check_null(d, "trust");
    check_null(d, "ms_advice");
    check_num(d, "ms_final", 2000);
    check_strs(d, "viewed", NULL);
    check_str(d, "next", "end_good");
    check_view(&r, 4, 5000, "ward", "results");
    check_node(&r, 5, 6000, "end_good", 15);
    check_ending(&r, 6, 6000, "end_good", "good", 15);
    check_end(&r, 7, 6000, "complete");
    records_free(&r);
    fx_close(f);
}

static void test_ending_writes_three_records_at_once_and_takes_no_input(void **state)
{
    (void)state;
    fixture *f = fx_open("session_with_case");
    act_ok(f, ACT_CHOOSE, "drain", 0);
    act_ok(f, ACT_TRUST, NULL, 6);
    f->t -= 1000;
    act_ok(f, ACT_CONTINUE, NULL, 0); /* the feedback after the advice */
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_ENDED);
    assert_int_equal(v.status, SESSION_COMPLETE);
    assert_string_equal(v.node->id, "done");
    size_t lines = count_lines(f->log_path);
    assert_int_equal(act(f, ACT_CONTINUE, NULL, 0), SESSION_REJECTED);
    assert_non_null(strstr(f->e.msg, "ended"));
    assert_int_equal(act(f, ACT_QUIT, NULL, 0), SESSION_REJECTED);
    assert_int_equal(count_lines(f->log_path), lines);
    records r = fx_records(f);
    check_node(&r, 4, 2000, "done", 0);
    check_ending(&r, 5, 2000, "done", "neutral", 0);
    check_end(&r, 6, 2000, "complete");
    records_free(&r);
    fx_close(f);
}

static void test_quit_mid_decision_ends_the_session_without_a_decision(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    act_ok(f, ACT_CHOOSE, "sepsis6", 0); /* 1000 */
    act_ok(f, ACT_QUIT, NULL, 0);        /* 2000 */
    session_view v = session_view_now(f->s);
    assert_int_equal(v.step, STEP_ENDED);
    assert_int_equal(v.status, SESSION_QUIT);
    records r = fx_records(f);
    assert_int_equal(r.n, 3);
    check_end(&r, 2, 2000, "quit");
    records_free(&r);
    assert_int_equal(act(f, ACT_CONFIDENCE, NULL, 3), SESSION_REJECTED);
    fx_close(f);
}

static void test_session_fail_logs_an_error_end(void **state)
{
    (void)state;
    fixture *f = fx_open("session_narrative");
    assert_int_equal(session_fail(f->s, 5000, "the window could not draw", &f->e), SESSION_OK);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_ERROR);
    assert_string_equal(v.error, "the window could not draw");
    assert_int_equal(session_fail(f->s, 6000, "again", &f->e), SESSION_REJECTED);
    records r = fx_records(f);
    check_end(&r, 2, 5000, "error");
    check_str(r.items[2], "error", "the window could not draw");
    records_free(&r);
    fx_close(f);
}

/* A log that can no longer be written (here: the file size limit, as a
 * full disk would) ends the session with SESSION_IO and APPERR_ENV. */
static void test_log_write_failure_ends_the_session_with_io(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    act_ok(f, ACT_CHOOSE, "sepsis6", 0); /* no record */
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    lim = old;
    lim.rlim_cur = 1; /* the file is longer already: every write fails */
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    session_result r = act(f, ACT_CONFIDENCE, NULL, 4); /* advice_shown cannot be written */
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, old_handler);
    assert_int_equal(r, SESSION_IO);
    assert_int_equal(f->e.kind, APPERR_ENV);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_ERROR);
    assert_int_equal(v.step, STEP_ENDED);
    assert_non_null(v.error);
    assert_int_equal(act(f, ACT_CHOOSE, "sepsis6", 0), SESSION_REJECTED);
    records r2 = fx_records(f); /* what was written before stays whole */
    assert_int_equal(r2.n, 2);
    records_free(&r2);
    fx_close(f);
}

/* ---- case failures ----------------------------------------------------- */

static void test_on_enter_error_ends_the_session_with_file_and_line(void **state)
{
    (void)state;
    fixture *f = fx_open("session_errors");
    assert_int_equal(act(f, ACT_CHOOSE, "enter", 0), SESSION_FAILED); /* 1000 */
    assert_int_equal(f->e.kind, APPERR_INPUT);
    session_view v = session_view_now(f->s);
    assert_int_equal(v.status, SESSION_ERROR);
    assert_int_equal(v.step, STEP_ENDED);
    assert_non_null(v.error);
    records r = fx_records(f);
    assert_int_equal(r.n, 4);
    check_str(check_decision(&r, 2, 1000), "next", "boom");
    check_end(&r, 3, 1000, "error");
    const char *msg = field(r.items[3], "error")->valuestring;
    assert_non_null(msg);
    if (!strstr(msg, "session_errors.lua:24:") || !strstr(msg, "on_enter failed"))
        fail_msg("error message lacks FILE:LINE: %s", msg);
    assert_string_equal(v.error, msg);
    records_free(&r);
    assert_int_equal(act(f, ACT_CONTINUE, NULL, 0), SESSION_REJECTED);
    fx_close(f);
}

static void test_next_function_error_ends_the_session_with_file_and_line(void **state)
{
    (void)state;
    fixture *f = fx_open("session_errors");
    assert_int_equal(act(f, ACT_CHOOSE, "next", 0), SESSION_FAILED); /* 1000 */
    records r = fx_records(f);
    assert_int_equal(r.n, 3);
    check_end(&r, 2, 1000, "error");
    const char *msg = field(r.items[2], "error")->valuestring;
    if (!strstr(msg, "session_errors.lua:16:") || !strstr(msg, "next failed for next"))
        fail_msg("error message lacks FILE:LINE: %s", msg);
    char buf[2048];
    assert_string_equal(apperr_format(&f->e, buf, sizeof buf), msg);
    records_free(&r);
    fx_close(f);
}

/* ---- rejected actions -------------------------------------------------- */

typedef struct snapshot {
    session_step step;
    session_status status;
    bool advice_shown;
    bool can_ask;
    char initial[64];
    char final[64];
    int64_t deadline;
    size_t lines;
} snapshot;

static snapshot snap(fixture *f)
{
    snapshot s;
    memset(&s, 0, sizeof s);
    session_view v = session_view_now(f->s);
    s.step = v.step;
    s.status = v.status;
    s.advice_shown = v.advice_shown;
    s.can_ask = v.can_ask;
    snprintf(s.initial, sizeof s.initial, "%s", v.initial ? v.initial : "-");
    snprintf(s.final, sizeof s.final, "%s", v.final ? v.final : "-");
    s.deadline = v.deadline_ms;
    s.lines = count_lines(f->log_path);
    return s;
}

/* The action is refused with a message containing want, and nothing moves. */
static void expect_rejected(fixture *f, action_kind kind, const char *text, int value,
                            const char *want)
{
    snapshot before = snap(f);
    assert_int_equal(act(f, kind, text, value), SESSION_REJECTED);
    assert_int_equal(f->e.kind, APPERR_INPUT);
    if (!strstr(f->e.msg, want))
        fail_msg("message \"%s\" lacks \"%s\"", f->e.msg, want);
    snapshot after = snap(f);
    assert_int_equal(before.step, after.step);
    assert_int_equal(before.status, after.status);
    assert_int_equal(before.advice_shown, after.advice_shown);
    assert_int_equal(before.can_ask, after.can_ask);
    assert_string_equal(before.initial, after.initial);
    assert_string_equal(before.final, after.final);
    assert_int_equal(before.deadline, after.deadline);
    assert_int_equal(before.lines, after.lines);
}

static void test_rejected_actions_leave_the_session_unchanged(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    expect_rejected(
        f, ACT_CONFIDENCE, NULL, 3,
        "expected an initial choice (before the advice) at node arrival, got confidence");
    expect_rejected(f, ACT_TRUST, NULL, 3, "got trust");
    expect_rejected(f, ACT_RATIONALE, "x", 0, "got rationale");
    expect_rejected(f, ACT_CONTINUE, NULL, 0, "got continue");
    expect_rejected(f, ACT_ASK, NULL, 0, "not on request");
    expect_rejected(f, ACT_CHOOSE, "nope", 0,
                    "no option \"nope\" at node arrival; the options are: sepsis6, repeat, senior");
    expect_rejected(f, ACT_CHOOSE, NULL, 0, "the options are");
    expect_rejected(f, ACT_VIEW, NULL, 0, "cannot view");
    act_ok(f, ACT_CHOOSE, "sepsis6", 0);
    expect_rejected(f, ACT_CHOOSE, "sepsis6", 0,
                    "expected a confidence rating from 1 to 7 at node arrival, got choose");
    expect_rejected(f, ACT_CONFIDENCE, NULL, 0, "from 1 to 7, got 0");
    expect_rejected(f, ACT_CONFIDENCE, NULL, 8, "from 1 to 7, got 8");
    expect_rejected(f, ACT_TRUST, NULL, 4, "got trust");
    act_ok(f, ACT_CONFIDENCE, NULL, 4);
    expect_rejected(f, ACT_CONFIDENCE, NULL, 4,
                    "expected a choice at node arrival, got confidence");
    expect_rejected(f, ACT_ASK, NULL, 0, "shown after the initial choice, not on request");
    act_ok(f, ACT_CHOOSE, "senior", 0);
    expect_rejected(f, ACT_CHOOSE, "senior", 0, "got choose");
    expect_rejected(f, ACT_TRUST, NULL, 4, "got trust");
    act_ok(f, ACT_CONFIDENCE, NULL, 5);
    expect_rejected(f, ACT_TRUST, NULL, 9, "a trust rating must be from 1 to 7, got 9");
    expect_rejected(f, ACT_CONFIDENCE, NULL, 5,
                    "expected a trust rating from 1 to 7 at node arrival, got confidence");
    act_ok(f, ACT_TRUST, NULL, 4);
    expect_rejected(f, ACT_TRUST, NULL, 4, "expected a rationale at node arrival, got trust");
    act_ok(f, ACT_RATIONALE, "why not", 0);
    expect_rejected(f, ACT_CHOOSE, "senior", 0,
                    "expected continue after the feedback at node arrival, got choose");
    expect_rejected(f, ACT_RATIONALE, "more", 0, "got rationale");
    act_ok(f, ACT_CONTINUE, NULL, 0);
    expect_rejected(f, ACT_CONTINUE, NULL, 0, "the session has ended");
    expect_rejected(f, ACT_VIEW, "results", 0, "the session has ended");
    fx_close(f);
}

static void test_wait_with_negative_seconds_is_rejected(void **state)
{
    (void)state;
    fixture *f = fx_open("session_after_initial");
    expect_rejected(f, ACT_WAIT, NULL, -1, "wait");
    fx_close(f);
}

/* ---- determinism ------------------------------------------------------- */

static void play_switch(fixture *f)
{
    act_ok(f, ACT_VIEW, "results", 0);
    act_ok(f, ACT_CHOOSE, "sepsis6", 0);
    act_ok(f, ACT_CONFIDENCE, NULL, 5);
    act_ok(f, ACT_VIEW, "explanation", 0);
    act_ok(f, ACT_CHOOSE, "senior", 0);
    act_ok(f, ACT_CONFIDENCE, NULL, 6);
    act_ok(f, ACT_TRUST, NULL, 3);
    act_ok(f, ACT_RATIONALE, "senior", 0);
    act_ok(f, ACT_CONTINUE, NULL, 0);
}

/* Same keys and values, apart from the ones given (NULL-terminated). */
static void check_same_record(const cJSON *want, const cJSON *got, const char *const *ignore,
                              const char *label, size_t line)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, want)
    {
        bool skip = false;
        for (const char *const *k = ignore; *k; k++)
            skip = skip || strcmp(*k, it->string) == 0;
        if (skip)
            continue;
        const cJSON *other = cJSON_GetObjectItemCaseSensitive(got, it->string);
        if (!other || !cJSON_Compare(it, other, true)) {
            char *a = cJSON_PrintUnformatted(it);
            char *b = other ? cJSON_PrintUnformatted(other) : NULL;
            fail_msg("%s record %zu: \"%s\" is %s, want %s", label, line, it->string,
                     b ? b : "(missing)", a);
        }
    }
    cJSON_ArrayForEach(it, got)
    {
        if (!cJSON_GetObjectItemCaseSensitive(want, it->string))
            fail_msg("%s record %zu: unexpected field \"%s\"", label, line, it->string);
    }
}

static void test_same_inputs_give_the_same_records(void **state)
{
    (void)state;
    static const char *const ignore[] = {"session", "at", NULL};
    fixture *a = fx_open("session_after_initial");
    play_switch(a);
    fixture *b = calloc(1, sizeof *b);
    assert_non_null(b);
    b->dir = test_tmpdir();
    b->c = load_case(TEST_CASES_DIR "/session_after_initial.lua");
    int64_t later = 1799999999999LL;
    open_log(b, "other", &later);
    session_opts o = default_opts(b, "t1", NULL);
    assert_int_equal(session_open(&b->s, b->c, &o, 0, &b->e), SESSION_OK);
    play_switch(b);
    records ra = fx_records(a), rb = fx_records(b);
    assert_int_equal(ra.n, rb.n);
    assert_int_equal(ra.n, 9);
    for (size_t i = 0; i < ra.n; i++)
        check_same_record(ra.items[i], rb.items[i], ignore, "replayed", i);
    /* the comparison can fail: the wall times differ */
    assert_string_not_equal(field(ra.items[0], "at")->valuestring,
                            field(rb.items[0], "at")->valuestring);
    records_free(&ra);
    records_free(&rb);
    fx_close(a);
    fx_close(b);
}

/* ---- several sessions of one case ------------------------------------- */

/* One step of a session: the choice of plan (in turn) at a choice, 4 for a
 * rating, continue otherwise. False once the session has ended. */
static bool step_by_plan(fixture *f, const char *const *plan, size_t *turn)
{
    session_view v = session_view_now(f->s);
    switch (v.step) {
    case STEP_ENDED:
        return false;
    case STEP_CHOOSE_INITIAL:
    case STEP_CHOOSE_FINAL: {
        const char *choice = plan[*turn % 3];
        ++*turn;
        act_ok(f, ACT_CHOOSE, choice, 0);
        break;
    }
    case STEP_CONFIDENCE_INITIAL:
    case STEP_CONFIDENCE_FINAL:
        act_ok(f, ACT_CONFIDENCE, NULL, 4);
        break;
    case STEP_TRUST:
        act_ok(f, ACT_TRUST, NULL, 4);
        break;
    case STEP_RATIONALE:
        act_ok(f, ACT_RATIONALE, "because", 0);
        break;
    case STEP_CONTINUE:
    case STEP_FEEDBACK:
        act_ok(f, ACT_CONTINUE, NULL, 0);
        break;
    }
    return true;
}

/* A session on c (borrowed: fx_close must not free it) with its own log. */
static fixture *fx_open_on(case_def *c, const char *trainee, unsigned long long seed)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_tmpdir();
    f->c = c;
    open_log(f, trainee, NULL);
    session_opts o = default_opts(f, trainee, NULL);
    o.seed = seed;
    assert_int_equal(session_open(&f->s, c, &o, 0, &f->e), SESSION_OK);
    return f;
}

static void fx_close_borrowed(fixture *f)
{
    f->c = NULL; /* the case is shared */
    fx_close(f);
}

static void check_same_log(records *want, records *got, const char *label)
{
    static const char *const ignore[] = {"session", "at", NULL};
    if (want->n != got->n)
        fail_msg("%s: %zu records, %zu alone", label, got->n, want->n);
    for (size_t i = 0; i < want->n; i++)
        check_same_record(want->items[i], got->items[i], ignore, label, i);
}

/* A case_def is not changed in play: two sessions of one case open at once,
 * their actions interleaved, each log exactly as that session alone. The
 * case draws from math.random for its routing, vitals, clock and advice,
 * and keeps a count in s, so a shared generator, `s`, node or clock shows. */
static void test_two_sessions_of_one_case_play_as_each_would_alone(void **state)
{
    (void)state;
    static const char *const plan_a[] = {"watch", "treat", "watch"};
    static const char *const plan_b[] = {"treat", "treat", "watch"};
    const char *path = TEST_CASES_DIR "/session_random.lua";
    records alone_a, alone_b;
    size_t turn_a = 0, turn_b = 0;

    case_def *c = load_case(path);
    fixture *a = fx_open_on(c, "ta", 11);
    while (step_by_plan(a, plan_a, &turn_a))
        ;
    alone_a = fx_records(a);
    fx_close_borrowed(a);
    fixture *b = fx_open_on(c, "tb", 22);
    while (step_by_plan(b, plan_b, &turn_b))
        ;
    alone_b = fx_records(b);
    fx_close_borrowed(b);
    case_free(c);

    /* The two alone differ (else the comparison below could not fail). */
    assert_true(alone_a.n != alone_b.n || !cJSON_Compare(alone_a.items[1], alone_b.items[1], true));

    c = load_case(path);
    turn_a = turn_b = 0;
    a = fx_open_on(c, "ta", 11);
    b = fx_open_on(c, "tb", 22);
    for (bool more_a = true, more_b = true; more_a || more_b;) {
        if (more_a)
            more_a = step_by_plan(a, plan_a, &turn_a);
        if (more_b)
            more_b = step_by_plan(b, plan_b, &turn_b);
    }
    records got_a = fx_records(a), got_b = fx_records(b);
    check_same_log(&alone_a, &got_a, "session a with b");
    check_same_log(&alone_b, &got_b, "session b with a");

    /* A run ended while another is open leaves the case as it was: a new
     * session of a, with b still open, plays as a alone. */
    fx_close_borrowed(a);
    records_free(&got_a);
    fixture *a2 = fx_open_on(c, "ta", 11);
    turn_a = 0;
    while (step_by_plan(a2, plan_a, &turn_a))
        ;
    got_a = fx_records(a2);
    check_same_log(&alone_a, &got_a, "session a again");
    fx_close_borrowed(a2);
    fx_close_borrowed(b);
    case_free(c);
    records_free(&got_a);
    records_free(&got_b);
    records_free(&alone_a);
    records_free(&alone_b);
}

/* ---- golden logs ------------------------------------------------------- */

/* The wall time every golden record carries: 2026-11-27T09:14:03.512Z. */
#define GOLDEN_AT_MS 1795770843512LL

/* (With APPRAISE_UPDATE_GOLDEN set in the environment, the log played is
 * written over NAME.jsonl first: for a change of the log format, whose
 * diff is then read before it is committed.)
 *
 * Plays tests/golden/NAME.lua with NAME.inputs as `run` does (runner.h: on
 * virtual time, 1000 ms before each action, N x 1000 ms for wait N; a
 * feedback step without the case's text left at once), with the golden
 * session id and wall clock, and compares the log with NAME.jsonl: field by
 * field first (apart from session and at, to say what differs), then byte
 * for byte, so that field order and number formatting stay as they are.
 * Every golden record follows the schema. The case is loaded by its bare
 * file name from tests/golden, as the log records it. */
static void run_golden(const char *dir, const char *name)
{
    static const char *const ignore[] = {"session", "at", NULL};
    char path[4096], cwd[4096];
    apperr e;
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    snprintf(path, sizeof path, "%s.lua", name);
    case_def *c = load_case(path);
    snprintf(path, sizeof path, "%s.inputs", name);
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    inputs in;
    if (inputs_parse(&in, path, text, &e) != 0)
        fail_msg("%s: %s", path, e.msg);
    free(text);
    snprintf(path, sizeof path, "%s.jsonl", name);
    records want = read_records(path);
    char *want_text = test_read_file(path, NULL);
    assert_non_null(want_text);
    assert_int_equal(chdir(cwd), 0);
    fixture f;
    memset(&f, 0, sizeof f);
    f.dir = test_tmpdir();
    f.c = c;
    int64_t golden_at = GOLDEN_AT_MS;
    open_log(&f, name, &golden_at);
    session_opts o = {"golden",          NULL, 1, "run", SESSION_ID, "golden", "golden", f.log,
                      TIME_LIMITS_NORMAL, {0}};
    if (session_open(&f.s, c, &o, 0, &e) != SESSION_OK)
        fail_msg("%s: open: %s", name, e.msg);
    int64_t t = 0;
    if (runner_run_inputs(f.s, &in, &t, &e) != 0) /* as `run` plays them */
        fail_msg("%s.inputs: %s", name, e.msg);
    assert_int_equal(session_view_now(f.s).step, STEP_ENDED);
    if (getenv("APPRAISE_UPDATE_GOLDEN")) { /* the log format changed on purpose */
        char golden[4200];
        snprintf(golden, sizeof golden, "%s/%s.jsonl", dir, name);
        char *now = test_read_file(f.log_path, NULL);
        assert_non_null(now);
        assert_int_equal(test_write_file(golden, now), 0);
        free(now);
        free(want_text);
        want_text = test_read_file(golden, NULL);
        records_free(&want);
        want = read_records(golden);
    }
    for (size_t i = 0; i < want.n; i++)
        check_schema(want.items[i]);
    records got = read_records(f.log_path);
    if (got.n != want.n)
        fail_msg("%s: %zu records, want %zu", name, got.n, want.n);
    for (size_t i = 0; i < want.n; i++)
        check_same_record(want.items[i], got.items[i], ignore, name, i);
    char *got_text = test_read_file(f.log_path, NULL);
    assert_non_null(got_text);
    if (strcmp(got_text, want_text) != 0)
        fail_msg("%s: the log is not byte for byte the golden one", name);
    free(got_text);
    free(want_text);
    records_free(&want);
    records_free(&got);
    inputs_free(&in);
    session_close(f.s);
    log_writer_close(f.log);
    case_free(c);
    test_rmtree(f.dir);
    free(f.dir);
}

static int is_lua(const struct dirent *de)
{
    size_t n = strlen(de->d_name);
    return n > 4 && strcmp(de->d_name + n - 4, ".lua") == 0;
}

static void test_golden_logs_match_field_by_field(void **state)
{
    (void)state;
    const char *dir = TEST_DATA_DIR "/golden";
    struct dirent **names = NULL;
    int n = scandir(dir, &names, is_lua, alphasort);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(strlen(names[i]->d_name) - 4), names[i]->d_name);
        free(names[i]);
        run_golden(dir, name);
    }
    free(names);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fnv1a_matches_reference_vectors),
        cmocka_unit_test(test_variant_derivation_is_stable_and_splits_a_cohort),
        cmocka_unit_test(test_open_logs_the_derived_variant),
        cmocka_unit_test(test_variant_given_changes_the_advice),
        cmocka_unit_test(test_unknown_variant_is_usage_error_before_anything_is_written),
        cmocka_unit_test(test_session_start_has_every_field),
        cmocka_unit_test(test_large_seed_is_logged_exactly),
        cmocka_unit_test(test_after_initial_switch_to_ai_logs_the_full_sequence),
        cmocka_unit_test(test_after_initial_keeping_against_ai_asks_rationale),
        cmocka_unit_test(test_viewed_lists_each_panel_once_in_first_opened_order),
        cmocka_unit_test(test_unknown_panel_is_rejected),
        cmocka_unit_test(test_with_case_shows_advice_on_entry_and_asks_one_choice),
        cmocka_unit_test(test_on_request_asked_logs_the_request_and_trust),
        cmocka_unit_test(test_on_request_not_asked_skips_trust_and_nulls_following),
        cmocka_unit_test(test_time_limit_fires_at_deadline_keeping_the_initial_choice),
        cmocka_unit_test(test_due_time_limit_is_applied_before_an_action),
        cmocka_unit_test(test_time_limit_does_not_fire_once_the_final_choice_is_made),
        cmocka_unit_test(test_wait_lets_a_time_limit_run_out),
        cmocka_unit_test(test_narrative_nodes_and_feedback_lead_to_the_ending),
        cmocka_unit_test(test_ending_writes_three_records_at_once_and_takes_no_input),
        cmocka_unit_test(test_quit_mid_decision_ends_the_session_without_a_decision),
        cmocka_unit_test(test_session_fail_logs_an_error_end),
        cmocka_unit_test(test_log_write_failure_ends_the_session_with_io),
        cmocka_unit_test(test_on_enter_error_ends_the_session_with_file_and_line),
        cmocka_unit_test(test_next_function_error_ends_the_session_with_file_and_line),
        cmocka_unit_test(test_rejected_actions_leave_the_session_unchanged),
        cmocka_unit_test(test_wait_with_negative_seconds_is_rejected),
        cmocka_unit_test(test_same_inputs_give_the_same_records),
        cmocka_unit_test(test_two_sessions_of_one_case_play_as_each_would_alone),
        cmocka_unit_test(test_golden_logs_match_field_by_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
