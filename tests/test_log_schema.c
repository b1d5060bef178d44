/* log_schema: every field of every record type, as log_schema.h declares
 * it, written through log_writer and read back through the log reader with
 * the same value (and the same null), whole numbers exactly at the edges of
 * a double and of 64 bits; the schema's own rules (one name, the writer's
 * order, a struct member per field). Driven by the schema itself, so a
 * field added to it is covered here without a new line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <cJSON.h>

#include "log_reader.h"
#include "log_schema.h"
#include "log_writer.h"
#include "support.h"

#define SESSION_ID "5c4e0d2a-7b1f-4c3e-9a8d-2f6b1e0c9d7a"

#define SLOT(T, rec, off) ((T *)((char *)(rec) + (off)))

/* ---- records with every field set, or every field null ------------------------- */

typedef struct filled {
    log_record recs[LOG_RECORD_TYPES];
    cJSON *object;
    char texts[LOG_RECORD_TYPES][32][48];
    const char *lists[LOG_RECORD_TYPES][32][3];
} filled;

/* A value for field k of record type t that no other field has: text that
 * needs escaping, lists of several items, numbers beyond an int. */
static void set_value(filled *fl, log_record_type t, size_t k, const log_field *f, void *rec,
                      uint64_t seed)
{
    char *text = fl->texts[t][k];
    snprintf(text, sizeof fl->texts[t][k], "%s \"%zu\"\n\xc3\xa9", f->name, k);
    switch (f->type) {
    case LOG_STR:
    case LOG_OPT_STR:
        *SLOT(const char *, rec, f->off) = text;
        break;
    case LOG_STR_LIST:
        fl->lists[t][k][0] = text;
        fl->lists[t][k][1] = "second";
        fl->lists[t][k][2] = "";
        *SLOT(const char *const *, rec, f->off) = fl->lists[t][k];
        *SLOT(size_t, rec, f->has_off) = 3;
        break;
    case LOG_BOOL:
        *SLOT(bool, rec, f->has_off) = true;
        *SLOT(bool, rec, f->off) = k % 2 == 0;
        break;
    case LOG_FLAG:
        *SLOT(bool, rec, f->off) = true;
        break;
    case LOG_INT:
        *SLOT(bool, rec, f->has_off) = true;
        *SLOT(int64_t, rec, f->off) = -9007199254740991LL + (int64_t)k;
        break;
    case LOG_RATING:
        *SLOT(bool, rec, f->has_off) = true;
        *SLOT(int, rec, f->off) = 1 + (int)(k % 7);
        break;
    case LOG_MS:
        *SLOT(bool, rec, f->has_off) = true;
        *SLOT(int64_t, rec, f->off) = 9007199254740992LL - (int64_t)k; /* up to 2^53 */
        break;
    case LOG_NUM:
        *SLOT(bool, rec, f->has_off) = true;
        *SLOT(double, rec, f->off) = 0.1 + 0.2 + (double)k; /* not short in binary */
        break;
    case LOG_PROB:
        *SLOT(bool, rec, f->has_off) = true;
        *SLOT(double, rec, f->off) = 0.87;
        break;
    case LOG_U64:
        *SLOT(bool, rec, f->has_off) = true;
        *SLOT(uint64_t, rec, f->off) = seed;
        break;
    case LOG_OBJECT:
        *SLOT(const cJSON *, rec, f->off) = fl->object;
        break;
    }
}

/* Every record type with every field set (all: true) or every field that
 * may be null left null. */
static void fill(filled *fl, bool all, uint64_t seed)
{
    memset(fl, 0, sizeof *fl);
    fl->object = cJSON_Parse("{\"hr\":104,\"o2\":\"air\",\"temp\":37.8}");
    assert_non_null(fl->object);
    for (int t = 0; t < LOG_RECORD_TYPES; t++) {
        const log_record_def *def = log_schema_record((log_record_type)t);
        assert_true(def->n_fields <= 32);
        fl->recs[t].type = (log_record_type)t;
        for (size_t k = 0; k < def->n_fields; k++) {
            const log_field *f = &def->fields[k];
            /* a flag and a list have no null; session_start must say which seed */
            if (all || f->type == LOG_FLAG || f->type == LOG_STR_LIST || f->type == LOG_U64)
                set_value(fl, (log_record_type)t, k, f, &fl->recs[t].as, seed);
        }
    }
}

/* ---- writing and reading ---------------------------------------------------- */

static int64_t fixed_clock(void *ctx)
{
    (void)ctx;
    return 1795770843512LL;
}

/* Writes each record (session_start first) at t = 1000 * its type, and
 * reads the file back, keeping every record. */
static log_session *round_trip(const char *dir, const filled *fl, const char *name)
{
    char path[4200];
    apperr e;
    log_writer *w = NULL;
    snprintf(path, sizeof path, "%s/%s.jsonl", dir, name);
    log_open_opts lo = {NULL, path, SESSION_ID, "t1", "c1", 0, fixed_clock, NULL};
    assert_int_equal(log_writer_open(&w, &lo, &e), 0);
    for (int t = 0; t < LOG_RECORD_TYPES; t++) {
        cJSON *fields = log_record_json((log_record_type)t, &fl->recs[t].as);
        assert_non_null(fields);
        if (log_writer_write(w, log_schema_record((log_record_type)t)->name, 1000 * t, fields,
                             &e) != 0)
            fail_msg("writing a %s record: %s", log_schema_record((log_record_type)t)->name, e.msg);
        cJSON_Delete(fields);
    }
    log_writer_close(w);
    log_session *s = NULL;
    log_read_opts o = {.keep = LOG_KEEP_ALL};
    assert_int_equal(log_session_read(path, &o, &s, &e), 0);
    assert_int_equal(s->n_records, LOG_RECORD_TYPES);
    return s;
}

/* Every field of every record read back equal to what was written. */
static void check_same(const filled *fl, const log_session *s)
{
    for (int t = 0; t < LOG_RECORD_TYPES; t++) {
        const log_record *got = &s->records[t];
        const log_record_def *def = log_schema_record((log_record_type)t);
        assert_int_equal(got->type, t);
        assert_int_equal(got->seq, t);
        assert_int_equal(got->t, 1000 * t);
        assert_string_equal(got->at, "2026-11-27T09:14:03.512Z");
        for (size_t k = 0; k < def->n_fields; k++) {
            const log_field *f = &def->fields[k];
            if (log_field_equal(f, &fl->recs[t].as, &got->as))
                continue;
            char *want = log_field_text(f, &fl->recs[t].as), *was = log_field_text(f, &got->as);
            fail_msg("%s.%s: wrote %s, read %s", def->name, f->name, want, was);
        }
    }
}

static void free_filled(filled *fl)
{
    cJSON_Delete(fl->object);
}

/* ---- tests ---------------------------------------------------------------------- */

static void test_every_field_of_every_record_type_reads_back_as_written(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    filled *fl = malloc(sizeof *fl);
    assert_non_null(fl);
    fill(fl, true, 42);
    log_session *s = round_trip(dir, fl, "all");
    check_same(fl, s);
    /* what the reader makes of them besides */
    assert_true(s->has_start);
    assert_int_equal(s->n_decisions, 1);
    assert_true(s->decisions[0].has_ms_final);
    log_session_free(s);
    free_filled(fl);
    free(fl);
    test_rmtree(dir);
    free(dir);
}

static void test_every_null_reads_back_as_null(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    filled *fl = malloc(sizeof *fl);
    assert_non_null(fl);
    fill(fl, false, 7);
    log_session *s = round_trip(dir, fl, "nulls");
    check_same(fl, s);
    const log_decision *d = &s->records[LOG_REC_DECISION].as.decision;
    assert_null(d->node);
    assert_false(d->has_trust);
    assert_false(d->has_ai_confidence);
    assert_null(s->records[LOG_REC_SESSION_END].as.end.error); /* left out, not null */
    log_session_free(s);
    free_filled(fl);
    free(fl);
    test_rmtree(dir);
    free(dir);
}

/* The seed survives the round trip exactly, where a double would not: 2^53
 * + 1 reads back as 2^53 through one, 2^64 - 1 as 2^64. */
static void test_seeds_read_back_exactly_at_0_and_2_53_plus_1_and_2_64_minus_1(void **state)
{
    (void)state;
    static const uint64_t seeds[] = {0, 9007199254740993ULL, 18446744073709551615ULL};
    static const char *const digits[] = {"\"seed\":0,", "\"seed\":9007199254740993,",
                                         "\"seed\":18446744073709551615,"};
    char *dir = test_tmpdir();
    filled *fl = malloc(sizeof *fl);
    assert_non_null(fl);
    for (size_t i = 0; i < 3; i++) {
        char name[32], path[4200];
        snprintf(name, sizeof name, "seed%zu", i);
        fill(fl, true, seeds[i]);
        log_session *s = round_trip(dir, fl, name);
        assert_true(s->has_seed);
        assert_true(s->seed == seeds[i]);
        assert_true(s->records[0].as.start.seed == seeds[i]);
        snprintf(path, sizeof path, "%s/%s.jsonl", dir, name);
        char *text = test_read_file(path, NULL);
        assert_non_null(strstr(text, digits[i]));
        free(text);
        log_session_free(s);
        free_filled(fl);
    }
    free(fl);
    test_rmtree(dir);
    free(dir);
}

/* Each record type and field has one name, and every name is the struct
 * member the writer reads it from (checked by offsets: no two fields of a
 * type share a place). */
static void test_names_are_unique_and_places_distinct(void **state)
{
    (void)state;
    for (int t = 0; t < LOG_RECORD_TYPES; t++) {
        const log_record_def *def = log_schema_record((log_record_type)t);
        assert_int_equal(log_schema_find(def->name), t);
        assert_true(def->n_fields > 0 && def->n_fields <= 64);
        for (size_t i = 0; i < def->n_fields; i++) {
            size_t hint = 0;
            assert_int_equal(log_schema_field(def, def->fields[i].name, LOG_NAME_NUL, &hint),
                             (long)i);
            assert_int_equal(def->fields[i].len, strlen(def->fields[i].name));
            assert_true(def->fields[i].off < def->size);
            for (size_t j = 0; j < i; j++) {
                assert_string_not_equal(def->fields[i].name, def->fields[j].name);
                assert_true(def->fields[i].off != def->fields[j].off);
            }
            size_t env_hint = 0;
            assert_true(log_schema_field(log_schema_envelope(), def->fields[i].name, LOG_NAME_NUL,
                                         &env_hint) < 0);
        }
    }
    assert_int_equal(log_schema_find("bookmark"), -1);
    assert_null(log_schema_record(LOG_RECORD_TYPES));
}

/* The writer prints a record's members in the declared order, whatever
 * order the struct was filled in. */
static void test_the_writer_prints_fields_in_the_declared_order(void **state)
{
    (void)state;
    log_end end = {.error = "boom", .status = "error"};
    cJSON *f = log_record_json(LOG_REC_SESSION_END, &end);
    char *text = cJSON_PrintUnformatted(f);
    assert_string_equal(text, "{\"status\":\"error\",\"error\":\"boom\"}");
    cJSON_free(text);
    cJSON_Delete(f);
    log_advice adv = {.node = "n", .has_confidence = true, .confidence = 0.72};
    f = log_record_json(LOG_REC_ADVICE_SHOWN, &adv);
    text = cJSON_PrintUnformatted(f);
    assert_string_equal(text, "{\"node\":\"n\",\"tool\":null,\"recommend\":null,"
                              "\"confidence\":0.72,\"source\":null,\"timing\":null}");
    cJSON_free(text);
    cJSON_Delete(f);
}

/* log_field_text says a value as JSON, for `replay --verify`'s messages. */
static void test_field_text_is_the_value_as_json(void **state)
{
    (void)state;
    static const char *const best[] = {"a", "b"};
    log_decision d = {.best = best, .n_best = 2, .has_trust = true, .trust = 5};
    const log_record_def *def = log_schema_record(LOG_REC_DECISION);
    for (size_t k = 0; k < def->n_fields; k++) {
        char *text = log_field_text(&def->fields[k], &d);
        if (strcmp(def->fields[k].name, "best") == 0)
            assert_string_equal(text, "[\"a\",\"b\"]");
        else if (strcmp(def->fields[k].name, "trust") == 0)
            assert_string_equal(text, "5");
        else if (strcmp(def->fields[k].name, "node") == 0)
            assert_string_equal(text, "null");
        free(text);
    }
}

static void count_issue(void *ctx, const log_issue *issue)
{
    (void)issue;
    ++*(int *)ctx;
}

/* An ADDED_OPT_MS field (the decision's time_limit_ms) is left out when it
 * has no value, read back as none without a report, and not taken for a
 * field an older log lacks; with a value it is written after the others. */
static void test_an_optional_field_is_left_out_when_it_has_no_value(void **state)
{
    (void)state;
    const log_record_def *def = log_schema_record(LOG_REC_DECISION);
    size_t hint = 0;
    long k = log_schema_field(def, "time_limit_ms", LOG_NAME_NUL, &hint);
    assert_true(k >= 0);
    assert_true(def->fields[k].opt && def->fields[k].added);
    assert_int_equal((size_t)k, def->n_fields - 1);
    log_decision d = {.node = "n"};
    cJSON *f = log_record_json(LOG_REC_DECISION, &d);
    assert_null(cJSON_GetObjectItemCaseSensitive(f, "time_limit_ms"));
    cJSON_Delete(f);
    d.has_time_limit_ms = true;
    d.time_limit_ms = 60000;
    f = log_record_json(LOG_REC_DECISION, &d);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(f, "time_limit_ms")->valuedouble, 60000);
    assert_null(cJSON_GetObjectItemCaseSensitive(f, "time_limit_ms")->next); /* last */
    cJSON_Delete(f);

    char *dir = test_tmpdir(), path[4200];
    snprintf(path, sizeof path, "%s/opt.jsonl", dir);
    const char *log =
        "{\"v\":1,\"type\":\"session_start\",\"session\":\"" SESSION_ID "\",\"seq\":0,\"t\":0,"
        "\"at\":\"2026-11-27T09:14:03.512Z\",\"engine\":\"e\",\"case\":\"c\","
        "\"case_version\":\"1\",\"case_title\":\"C\",\"case_sha256\":null,"
        "\"case_file\":\"c.lua\",\"trainee\":\"t\",\"variant\":null,\"seed\":1,"
        "\"mode\":\"run\",\"host_os\":\"x\",\"time_limits\":\"off\"}\n";
    char *text = malloc(strlen(log) + 2048);
    assert_non_null(text);
    strcpy(text, log);
    /* a decision of today's writer, without a limit */
    d.has_time_limit_ms = false;
    d.seq = 1;
    f = log_record_json(LOG_REC_DECISION, &d);
    log_envelope env = {.has_v = true,
                        .v = 1,
                        .type = "decision",
                        .session = SESSION_ID,
                        .has_seq = true,
                        .seq = 1,
                        .has_t = true,
                        .t = 5,
                        .at = "x"};
    size_t len;
    char *line = log_line_print(&env, f, &len);
    cJSON_Delete(f);
    strcat(text, line);
    free(line);
    assert_int_equal(test_write_file(path, text), 0);
    free(text);
    log_session *s = NULL;
    apperr e;
    int issues = 0;
    log_read_opts o = {.keep = LOG_KEEP_ALL, .on_issue = count_issue, .ctx = &issues};
    assert_int_equal(log_session_read(path, &o, &s, &e), 0);
    assert_int_equal(issues, 1); /* no session_end: incomplete; nothing about the field */
    assert_string_equal(s->time_limits, "off");
    assert_int_equal(s->n_records, 2);
    assert_int_equal(s->records[0].lacks, 0);
    assert_int_equal(s->records[1].lacks, 0);
    assert_false(s->decisions[0].has_time_limit_ms);
    log_session_free(s);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field_of_every_record_type_reads_back_as_written),
        cmocka_unit_test(test_every_null_reads_back_as_null),
        cmocka_unit_test(test_seeds_read_back_exactly_at_0_and_2_53_plus_1_and_2_64_minus_1),
        cmocka_unit_test(test_names_are_unique_and_places_distinct),
        cmocka_unit_test(test_the_writer_prints_fields_in_the_declared_order),
        cmocka_unit_test(test_field_text_is_the_value_as_json),
        cmocka_unit_test(test_an_optional_field_is_left_out_when_it_has_no_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
