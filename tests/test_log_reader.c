/* log_reader: every field of a decision read back (nulls kept apart from
 * values), folders walked in name order, and each kind of bad input
 * reported once while the rest is used. Fixtures: tests/debrief/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "failing_alloc.h"
#include "log_reader.h"
#include "support.h"

#define FIX TEST_DATA_DIR "/debrief"
#define MAX_SEEN 16

/* What one read saw: a copy of the bits the tests look at. */
typedef struct seen {
    int sessions;
    char ids[MAX_SEEN][40];
    char trainees[MAX_SEEN][16];
    char files[MAX_SEEN][256];
    log_status status[MAX_SEEN];
    size_t decisions[MAX_SEEN];
    int outcomes[MAX_SEEN][LOG_OUTCOMES];
    int issues[LOG_ISSUE_KINDS];
    int issue_lines[LOG_ISSUE_KINDS];
    char last_msg[LOG_ISSUE_KINDS][512];
    int mistyped;   /* BAD_FIELD issues about a field's type, not its absence */
    int stop_after; /* the callback fails on this session (1-based); 0 never */
} seen;

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    seen *w = ctx;
    int i = w->sessions++;
    if (i < MAX_SEEN) {
        snprintf(w->ids[i], sizeof w->ids[i], "%s", s->id);
        snprintf(w->trainees[i], sizeof w->trainees[i], "%s", s->trainee ? s->trainee : "(null)");
        snprintf(w->files[i], sizeof w->files[i], "%s", s->file);
        w->status[i] = s->status;
        w->decisions[i] = s->n_decisions;
        memcpy(w->outcomes[i], s->outcomes, sizeof s->outcomes);
    }
    if (w->stop_after == w->sessions) {
        apperr_set(e, APPERR_ENV, "out.csv", 0, "disk full");
        return -1;
    }
    return 0;
}

static void on_issue(void *ctx, const log_issue *is)
{
    seen *w = ctx;
    w->issues[is->kind]++;
    w->issue_lines[is->kind] = is->line;
    snprintf(w->last_msg[is->kind], sizeof w->last_msg[is->kind], "%s", is->msg);
    w->mistyped += is->kind == LOG_ISSUE_BAD_FIELD && strstr(is->msg, " is not ") != NULL;
}

static int read_paths(const char *const *paths, size_t n, seen *w, log_read_stats *st)
{
    log_read_opts o = {.on_session = on_session, .on_issue = on_issue, .ctx = w};
    apperr e;
    apperr_clear(&e);
    return log_read_paths(paths, n, &o, st, &e);
}

static int read_one(const char *path, seen *w, log_read_stats *st)
{
    return read_paths(&path, 1, w, st);
}

static int total_issues(const seen *w)
{
    int n = 0;
    for (int k = 0; k < LOG_ISSUE_KINDS; k++)
        n += w->issues[k];
    return n;
}

static log_session *must_read_session(const char *path)
{
    log_session *s = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(log_session_read(path, NULL, &s, &e), 0);
    assert_non_null(s);
    return s;
}

/* ---- reading records back ---------------------------------------------- */

static void test_every_decision_field_is_read(void **state)
{
    (void)state;
    log_session *s = must_read_session(FIX "/cohort/t1_c1.jsonl");
    assert_string_equal(s->id, "aaaaaaaa-0000-4000-8000-000000000001");
    assert_string_equal(s->trainee, "t1");
    assert_string_equal(s->case_id, "c1");
    assert_string_equal(s->case_version, "1.0");
    assert_null(s->variant);
    assert_true(s->has_start);
    assert_int_equal(s->status, LOG_COMPLETE);
    assert_int_equal(s->outcomes[LOG_OUTCOME_GOOD], 1);
    assert_int_equal(s->n_decisions, 3);
    const log_decision *d = &s->decisions[0];
    assert_string_equal(d->node, "d1");
    assert_int_equal(d->n_options, 2);
    assert_string_equal(d->options[1], "b");
    assert_int_equal(d->n_best, 1);
    assert_string_equal(d->best[0], "a");
    assert_string_equal(d->timing, "after_initial");
    assert_string_equal(d->ai, "b");
    assert_true(d->has_ai_confidence);
    assert_true(d->ai_confidence == 0.8);
    assert_true(d->has_ai_correct && !d->ai_correct);
    assert_false(d->has_advice_requested);
    assert_string_equal(d->initial, "a");
    assert_true(d->has_initial_confidence && d->initial_confidence == 5);
    assert_string_equal(d->final, "b");
    assert_true(d->has_final_confidence && d->final_confidence == 4);
    assert_true(d->has_initial_correct && d->initial_correct);
    assert_true(d->has_final_correct && !d->final_correct);
    assert_true(d->has_followed_ai && d->followed_ai);
    assert_true(d->has_switched && d->switched);
    assert_true(d->has_trust && d->trust == 2);
    assert_string_equal(d->rationale, "The AI, \"confident\", said b;\nso I went with it");
    assert_int_equal(d->n_viewed, 1);
    assert_string_equal(d->viewed[0], "explanation");
    assert_true(d->has_ms_initial && d->ms_initial == 2000);
    assert_true(d->has_ms_advice && d->ms_advice == 3000);
    assert_true(d->has_ms_final && d->ms_final == 4000);
    assert_false(d->timed_out);
    assert_string_equal(d->next, "n3");
    assert_int_equal(d->seq, 2);
    assert_int_equal(d->t, 9000);
    assert_int_equal(d->line, 3);
    log_session_free(s);
}

static void test_nulls_are_kept_apart_from_values(void **state)
{
    (void)state;
    log_session *s = must_read_session(FIX "/cohort/sub/t2_c2.jsonl");
    const log_decision *d = &s->decisions[0]; /* no advice */
    assert_null(d->timing);
    assert_null(d->ai);
    assert_false(d->has_ai_confidence);
    assert_false(d->has_ai_correct);
    assert_null(d->initial);
    assert_false(d->has_initial_confidence);
    assert_false(d->has_followed_ai);
    assert_false(d->has_trust);
    assert_null(d->rationale);
    assert_int_equal(d->n_viewed, 0);
    assert_false(d->has_ms_initial);
    d = &s->decisions[1]; /* timed out */
    assert_true(d->timed_out);
    assert_null(d->final);
    assert_false(d->has_final_correct);
    assert_false(d->has_ms_final);
    assert_true(d->has_ms_advice && d->ms_advice == 0);
    log_session_free(s);
}

static void test_empty_rationale_is_not_null(void **state)
{
    (void)state;
    log_session *s = must_read_session(FIX "/cohort/t1_c1.jsonl");
    assert_non_null(s->decisions[1].rationale);
    assert_string_equal(s->decisions[1].rationale, "");
    assert_string_equal(s->decisions[2].rationale, "Überprüft: é ü — kept as typed");
    log_session_free(s);
}

static void test_folders_are_walked_recursively_in_name_order(void **state)
{
    (void)state;
    seen w = {0};
    log_read_stats st;
    assert_int_equal(read_one(FIX "/cohort", &w, &st), 0);
    assert_int_equal(w.sessions, 3);
    /* "sub" sorts before "t1_c1.jsonl" */
    assert_string_equal(w.files[0], FIX "/cohort/sub/t2_c2.jsonl");
    assert_string_equal(w.files[1], FIX "/cohort/t1_c1.jsonl");
    assert_string_equal(w.files[2], FIX "/cohort/t2_c1.jsonl");
    assert_int_equal(st.files, 3);
    assert_int_equal(st.sessions, 3);
    assert_int_equal(st.decisions, 8);
    assert_int_equal(w.issues[LOG_ISSUE_INCOMPLETE], 1);
    assert_int_equal(total_issues(&w), 1);
}

static void test_a_clean_log_reports_nothing(void **state)
{
    (void)state;
    seen w = {0};
    assert_int_equal(read_one(FIX "/cohort/t1_c1.jsonl", &w, NULL), 0);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(total_issues(&w), 0);
}

/* ---- bad input: reported, the rest used --------------------------------- */

static void test_torn_last_line_is_skipped_and_reported(void **state)
{
    (void)state;
    seen w = {0};
    assert_int_equal(read_one(FIX "/bad/torn.jsonl", &w, NULL), 0);
    assert_int_equal(w.issues[LOG_ISSUE_TORN_LINE], 1);
    assert_int_equal(w.issue_lines[LOG_ISSUE_TORN_LINE], 3);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.decisions[0], 1);
    assert_int_equal(w.status[0], LOG_INCOMPLETE);
    assert_int_equal(w.issues[LOG_ISSUE_INCOMPLETE], 1);
    assert_int_equal(w.issues[LOG_ISSUE_BAD_LINE], 0);
}

static void test_log_without_session_end_is_incomplete(void **state)
{
    (void)state;
    seen w = {0};
    assert_int_equal(read_one(FIX "/bad/no_end.jsonl", &w, NULL), 0);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.status[0], LOG_INCOMPLETE);
    assert_int_equal(w.decisions[0], 1);
    assert_int_equal(w.outcomes[0][LOG_OUTCOME_NEUTRAL], 1);
    assert_int_equal(w.issues[LOG_ISSUE_INCOMPLETE], 1);
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_INCOMPLETE], "000000000005"));
}

static void test_unknown_fields_and_types_are_reported_once_and_ignored(void **state)
{
    (void)state;
    seen w = {0};
    const char *twice[] = {FIX "/bad/unknown_fields.jsonl", FIX "/bad/unknown_fields.jsonl"};
    assert_int_equal(read_paths(twice, 2, &w, NULL), 0);
    /* mood and extra in decision records, and the bookmark record type:
     * once each, though the file was read twice */
    assert_int_equal(w.issues[LOG_ISSUE_UNKNOWN_FIELD], 3);
    assert_string_equal(w.last_msg[LOG_ISSUE_UNKNOWN_FIELD],
                        "unknown record type 'bookmark' ignored (reported once)");
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.decisions[0], 1);
    assert_int_equal(w.status[0], LOG_COMPLETE);
    assert_int_equal(w.issues[LOG_ISSUE_DUPLICATE], 1);
}

static void test_blank_lines_are_skipped_and_reported_once_per_file(void **state)
{
    (void)state;
    seen w = {0};
    assert_int_equal(read_one(FIX "/bad/blank_lines.jsonl", &w, NULL), 0);
    assert_int_equal(w.issues[LOG_ISSUE_BLANK_LINE], 1);
    assert_int_equal(w.issue_lines[LOG_ISSUE_BLANK_LINE], 2);
    assert_string_equal(w.last_msg[LOG_ISSUE_BLANK_LINE], "3 blank lines skipped");
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.status[0], LOG_COMPLETE);
    assert_int_equal(w.decisions[0], 1);
}

static void test_non_log_files_are_skipped_and_reported(void **state)
{
    (void)state;
    seen w = {0};
    const char *paths[] = {FIX "/bad/notes.txt", FIX "/bad/other.json", FIX "/no_logs"};
    assert_int_equal(read_paths(paths, 3, &w, NULL), 0);
    assert_int_equal(w.sessions, 0);
    /* notes.txt, other.json (JSON, not a record), empty.jsonl, readme.txt */
    assert_int_equal(w.issues[LOG_ISSUE_NOT_A_LOG], 4);
    assert_int_equal(total_issues(&w), 4);
}

static void test_same_session_twice_is_used_once(void **state)
{
    (void)state;
    seen w = {0};
    log_read_stats st;
    const char *paths[] = {FIX "/bad/dup_a.jsonl", FIX "/bad/dup_b.jsonl"};
    assert_int_equal(read_paths(paths, 2, &w, &st), 0);
    assert_int_equal(w.sessions, 1);
    assert_string_equal(w.trainees[0], "t3"); /* the first copy, not dup_b's t9 */
    assert_int_equal(st.sessions, 1);
    assert_int_equal(st.decisions, 1);
    assert_int_equal(w.issues[LOG_ISSUE_DUPLICATE], 1);
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_DUPLICATE], "dup_a.jsonl"));
}

static void test_case_in_two_versions_is_reported_and_both_used(void **state)
{
    (void)state;
    seen w = {0};
    const char *paths[] = {FIX "/bad/dup_a.jsonl", FIX "/bad/version_2.jsonl",
                           FIX "/bad/no_end.jsonl", FIX "/bad/version_2.jsonl"};
    assert_int_equal(read_paths(paths, 4, &w, NULL), 0);
    assert_int_equal(w.sessions, 3);
    assert_int_equal(w.issues[LOG_ISSUE_TWO_VERSIONS], 1); /* once per case and version */
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_TWO_VERSIONS], "'c3'"));
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_TWO_VERSIONS], "version 2.0 here"));
}

static void test_line_that_is_not_a_record_is_skipped(void **state)
{
    (void)state;
    seen w = {0};
    assert_int_equal(read_one(FIX "/bad/bad_line.jsonl", &w, NULL), 0);
    assert_int_equal(w.issues[LOG_ISSUE_BAD_LINE], 2);
    assert_int_equal(w.issue_lines[LOG_ISSUE_BAD_LINE], 4);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.status[0], LOG_COMPLETE);
    assert_int_equal(w.outcomes[0][LOG_OUTCOME_NEUTRAL], 1);
}

static void test_records_of_a_newer_log_version_are_skipped(void **state)
{
    (void)state;
    seen w = {0};
    assert_int_equal(read_one(FIX "/bad/newer.jsonl", &w, NULL), 0);
    assert_int_equal(w.sessions, 0);
    assert_int_equal(w.issues[LOG_ISSUE_NEWER_VERSION], 1);
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_NEWER_VERSION], "version 2"));
}

static void test_whole_bad_folder_uses_every_good_session(void **state)
{
    (void)state;
    seen w = {0};
    log_read_stats st;
    assert_int_equal(read_one(FIX "/bad", &w, &st), 0);
    /* bad_line, blank_lines, dup_a, no_end, torn, unknown_fields, version_2 */
    assert_int_equal(st.sessions, 7);
    assert_int_equal(st.files, 11);
    assert_int_equal(st.issues[LOG_ISSUE_DUPLICATE], 1);
    assert_int_equal(st.issues[LOG_ISSUE_TORN_LINE], 1);
    assert_int_equal(st.issues[LOG_ISSUE_NOT_A_LOG], 2);
    assert_int_equal(st.issues[LOG_ISSUE_TWO_VERSIONS], 1);
}

/* ---- fields of the wrong type, edge cases, written on the spot ---------- */

static char *tmp;

static int setup_tmp(void **state)
{
    (void)state;
    tmp = test_tmpdir();
    return tmp ? 0 : -1;
}

static int teardown_tmp(void **state)
{
    (void)state;
    test_rmtree(tmp);
    free(tmp);
    return 0;
}

static const char *write_tmp(const char *name, const char *text)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    assert_int_equal(test_write_file(path, text), 0);
    return path;
}

#define ENV(type, seq) "{\"v\":1,\"type\":\"" type "\",\"session\":\"s1\",\"seq\":" #seq ",\"t\":0"

static void test_mistyped_fields_are_reported_and_taken_as_null(void **state)
{
    (void)state;
    const char *path = write_tmp(
        "typed.jsonl", ENV("session_start", 0) ",\"trainee\":7,\"case\":\"c\"}\n" ENV(
                           "decision", 1) ",\"trust\":9,\"final_confidence\":\"high\","
                                          "\"ai_correct\":\"yes\",\"ms_final\":-5,"
                                          "\"ai_confidence\":1.5,\"viewed\":[\"explanation\",3],"
                                          "\"timed_out\":null,\"options\":\"a\"}\n");
    log_session *s = NULL;
    seen w = {0};
    log_read_opts o = {.on_issue = on_issue, .ctx = &w};
    apperr e;
    assert_int_equal(log_session_read(path, &o, &s, &e), 0);
    assert_null(s->trainee);
    const log_decision *d = &s->decisions[0];
    assert_false(d->has_trust);
    assert_false(d->has_final_confidence);
    assert_false(d->has_ai_correct);
    assert_false(d->has_ms_final);
    assert_false(d->has_ai_confidence);
    assert_false(d->timed_out);
    assert_int_equal(d->n_options, 0);
    assert_int_equal(d->n_viewed, 1);
    assert_string_equal(d->viewed[0], "explanation");
    /* trainee, trust, final_confidence, ai_correct, ms_final, ai_confidence,
     * the 3 in viewed, timed_out, options; the fields left out are reported
     * as missing besides */
    assert_int_equal(w.mistyped, 9);
    assert_true(w.issues[LOG_ISSUE_BAD_FIELD] > 9);
    log_session_free(s);
}

static void test_missing_session_start_is_reported_and_used(void **state)
{
    (void)state;
    seen w = {0};
    const char *path =
        write_tmp("nostart.jsonl", ENV("decision", 3) ",\"final\":\"a\",\"timed_out\":false}\n" ENV(
                                       "session_end", 4) ",\"status\":\"quit\"}\n");
    assert_int_equal(read_one(path, &w, NULL), 0);
    assert_int_equal(w.sessions, 1);
    assert_string_equal(w.trainees[0], "(null)");
    assert_int_equal(w.status[0], LOG_QUIT);
    assert_int_equal(w.issues[LOG_ISSUE_NO_START], 1);
    assert_int_equal(w.issue_lines[LOG_ISSUE_NO_START], 1);
}

static void test_two_sessions_in_one_file_are_both_read(void **state)
{
    (void)state;
    seen w = {0};
    const char *path = write_tmp(
        "two.jsonl", ENV("session_start", 0) ",\"trainee\":\"x\"}\n" ENV(
                         "session_end", 1) ",\"status\":\"complete\"}\n"
                                           "{\"v\":1,\"type\":\"session_start\",\"session\":\"s2\","
                                           "\"seq\":0,\"t\":0,\"trainee\":\"y\"}\n");
    assert_int_equal(read_one(path, &w, NULL), 0);
    assert_int_equal(w.sessions, 2);
    assert_string_equal(w.ids[0], "s1");
    assert_string_equal(w.trainees[1], "y");
    assert_int_equal(w.status[0], LOG_COMPLETE);
    assert_int_equal(w.status[1], LOG_INCOMPLETE);
}

static void test_torn_only_line_gives_no_session(void **state)
{
    (void)state;
    seen w = {0};
    const char *path = write_tmp("crashed.jsonl", "{\"v\":1,\"type\":\"sess");
    assert_int_equal(read_one(path, &w, NULL), 0);
    assert_int_equal(w.sessions, 0);
    assert_int_equal(w.issues[LOG_ISSUE_TORN_LINE], 1);
}

static void test_whole_last_record_without_newline_is_used(void **state)
{
    (void)state;
    seen w = {0};
    const char *path = write_tmp(
        "nonl.jsonl", ENV("session_start", 0) ",\"trainee\":\"x\"}\n" ENV(
                          "session_end", 1) ",\"status\":\"error\",\"error\":\"x:1: y\"}");
    assert_int_equal(read_one(path, &w, NULL), 0);
    assert_int_equal(w.status[0], LOG_ERROR);
    assert_int_equal(w.issues[LOG_ISSUE_TORN_LINE], 0);
    assert_int_equal(w.issues[LOG_ISSUE_BAD_LINE], 0);
}

static void test_unreadable_path_is_reported_not_fatal(void **state)
{
    (void)state;
    seen w = {0};
    const char *paths[] = {FIX "/does-not-exist", FIX "/cohort/t1_c1.jsonl"};
    assert_int_equal(read_paths(paths, 2, &w, NULL), 0);
    assert_int_equal(w.issues[LOG_ISSUE_UNREADABLE], 1);
    assert_int_equal(w.sessions, 1);
}

static void test_failing_callback_stops_the_read_with_its_error(void **state)
{
    (void)state;
    seen w = {.stop_after = 2};
    log_read_opts o = {.on_session = on_session, .on_issue = on_issue, .ctx = &w};
    apperr e;
    apperr_clear(&e);
    const char *path = FIX "/cohort";
    assert_int_equal(log_read_paths(&path, 1, &o, NULL, &e), -1);
    assert_int_equal(w.sessions, 2);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_string_equal(e.msg, "disk full");
}

static void test_session_read_of_a_file_without_session_fails(void **state)
{
    (void)state;
    log_session *s = (log_session *)1;
    apperr e;
    assert_int_equal(log_session_read(FIX "/bad/notes.txt", NULL, &s, &e), -1);
    assert_null(s);
    assert_int_equal(e.kind, APPERR_INPUT);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(log_status_name(LOG_INCOMPLETE), "incomplete");
    assert_string_equal(log_outcome_name(LOG_OUTCOME_HARM), "harm");
    for (int k = 0; k < LOG_ISSUE_KINDS; k++)
        assert_string_not_equal(log_issue_name((log_issue_kind)k), "?");
    char buf[128];
    log_issue is = {LOG_ISSUE_TORN_LINE, "a.jsonl", 3, "torn"};
    assert_string_equal(log_issue_format(&is, buf, sizeof buf), "a.jsonl:3: torn");
}

/* A file past the size parsed ahead on threads: read on the calling thread
 * and handed over session by session; a line longer than a read block. */
static void test_big_file_and_long_line_are_read_whole(void **state)
{
    (void)state;
    char *one = test_read_file(FIX "/cohort/t1_c1.jsonl", NULL);
    assert_non_null(one);
    size_t len = strlen(one), copies = 9u * 1024 * 1024 / len + 1;
    char path[1200];
    snprintf(path, sizeof path, "%s/big.jsonl", tmp);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (size_t i = 0; i < copies; i++) {
        char id[24];
        snprintf(id, sizeof id, "%08zx", i);
        for (char *p = one; (p = strstr(p, "-0000-4000-8000-")) != NULL; p++)
            memcpy(p - 8, id, 8);
        fputs(one, f);
    }
    /* a session whose rationale is 3 MB, longer than the 1 MB read block */
    size_t big = 3u << 20;
    fputs("{\"v\":1,\"type\":\"session_start\",\"session\":\"long\",\"seq\":0,\"t\":0}\n"
          "{\"v\":1,\"type\":\"decision\",\"session\":\"long\",\"seq\":1,\"t\":0,"
          "\"rationale\":\"",
          f);
    for (size_t i = 0; i < big; i++)
        putc('a' + (int)(i % 26), f);
    fputs("\",\"timed_out\":false}\n", f);
    assert_int_equal(fclose(f), 0);
    free(one);

    seen w = {0};
    log_read_stats st;
    const char *paths[] = {path, FIX "/cohort"}; /* more than one file: threads on */
    assert_int_equal(read_paths(paths, 2, &w, &st), 0);
    assert_int_equal(st.sessions, (long)copies + 1 + 3);
    assert_int_equal(st.decisions, (long)copies * 3 + 1 + 8);
    assert_int_equal(w.issues[LOG_ISSUE_BAD_LINE], 0);
    assert_int_equal(w.issues[LOG_ISSUE_DUPLICATE], 0);

    log_session *s = NULL;
    apperr e;
    /* log_session_read keeps the first session only */
    assert_int_equal(log_session_read(path, NULL, &s, &e), 0);
    assert_string_equal(s->id, "00000000-0000-4000-8000-000000000001");
    log_session_free(s);
}

static void test_link_loop_ends_with_a_report(void **state)
{
    (void)state;
    char dir[1200], link[1300], log[1300];
    snprintf(dir, sizeof dir, "%s/a", tmp);
    snprintf(link, sizeof link, "%s/loop", dir);
    snprintf(log, sizeof log, "%s/one.jsonl", dir);
    assert_int_equal(mkdir(dir, 0777), 0);
    assert_int_equal(symlink("..", link), 0); /* a/loop -> the folder holding a */
    char *text = test_read_file(FIX "/cohort/t1_c1.jsonl", NULL);
    assert_int_equal(test_write_file(log, text), 0);
    free(text);
    seen w = {0};
    assert_int_equal(read_one(tmp, &w, NULL), 0);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.issues[LOG_ISSUE_DUPLICATE], 0); /* the folder is not read again */
    assert_int_equal(w.issues[LOG_ISSUE_UNREADABLE], 1);
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_UNREADABLE], "a link loop?"));
}

/* A log in dir/name (a copy of the fixture t1_c1). */
static void put_log(const char *dir, const char *name)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = test_read_file(FIX "/cohort/t1_c1.jsonl", NULL);
    assert_non_null(text);
    assert_int_equal(test_write_file(path, text), 0);
    free(text);
}

/* Two links to a parent in one folder: following both at every level is
 * 2^64 paths (the walk would not end); each folder is read once instead,
 * and the loop is reported once. */
static void test_two_links_to_a_parent_are_followed_once(void **state)
{
    (void)state;
    char dir[1200], link[1300];
    snprintf(dir, sizeof dir, "%s/a", tmp);
    assert_int_equal(mkdir(dir, 0777), 0);
    put_log(dir, "one.jsonl");
    snprintf(link, sizeof link, "%s/left", dir);
    assert_int_equal(symlink("..", link), 0);
    snprintf(link, sizeof link, "%s/right", dir);
    assert_int_equal(symlink("..", link), 0);
    seen w = {0};
    log_read_stats st;
    assert_int_equal(read_one(tmp, &w, &st), 0);
    assert_int_equal(st.files, 1);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.issues[LOG_ISSUE_DUPLICATE], 0);
    assert_int_equal(w.issues[LOG_ISSUE_UNREADABLE], 1);
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_UNREADABLE], "a link loop?"));
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_UNREADABLE], "(2 paths like this)"));
}

/* d0 holds two links to d1, d1 two to d2, … d16 a log: 65,536 paths lead to
 * the one log, and it is read once. */
static void test_binary_fan_out_of_links_reads_each_folder_once(void **state)
{
    (void)state;
    enum { LEVELS = 16 };
    char dir[1200], link[1300], target[32];
    for (int i = 0; i <= LEVELS; i++) {
        snprintf(dir, sizeof dir, "%s/d%02d", tmp, i);
        assert_int_equal(mkdir(dir, 0777), 0);
        if (i == LEVELS) {
            put_log(dir, "deep.jsonl");
            break;
        }
        snprintf(target, sizeof target, "../d%02d", i + 1);
        snprintf(link, sizeof link, "%s/l", dir);
        assert_int_equal(symlink(target, link), 0);
        snprintf(link, sizeof link, "%s/r", dir);
        assert_int_equal(symlink(target, link), 0);
    }
    seen w = {0};
    log_read_stats st;
    snprintf(dir, sizeof dir, "%s/d00", tmp);
    assert_int_equal(read_one(dir, &w, &st), 0);
    assert_int_equal(st.files, 1);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.issues[LOG_ISSUE_DUPLICATE], 0);
    assert_int_equal(w.issues[LOG_ISSUE_UNREADABLE], 1); /* said once */
    assert_non_null(strstr(w.last_msg[LOG_ISSUE_UNREADABLE], "(16 paths like this)"));
}

/* Bytes that are not UTF-8 (a Latin-1 rationale in an older log) are read as
 * U+FFFD, so no report made from the log carries them; said once a file. */
static void test_bytes_that_are_not_utf8_are_read_as_replacement_characters(void **state)
{
    (void)state;
    char path[1200];
    snprintf(path, sizeof path, "%s/latin1.jsonl", tmp);
    assert_int_equal(
        test_write_file(path, "{\"v\":1,\"type\":\"session_start\",\"session\":\"s1\",\"seq\":0,"
                              "\"t\":0,\"trainee\":\"Jos\xe9\"}\n"
                              "{\"v\":1,\"type\":\"decision\",\"session\":\"s1\",\"seq\":1,\"t\":0,"
                              "\"rationale\":\"caf\xe9 \xc3\xa9 \xe2\x82\",\"timed_out\":false}\n"
                              "{\"v\":1,\"type\":\"session_end\",\"session\":\"s1\",\"seq\":2,"
                              "\"t\":0,\"status\":\"complete\"}\n"),
        0);
    log_session *s = must_read_session(path);
    assert_string_equal(s->trainee, "Jos\xef\xbf\xbd");
    assert_int_equal(s->n_decisions, 1);
    assert_string_equal(s->decisions[0].rationale, "caf\xef\xbf\xbd \xc3\xa9 \xef\xbf\xbd");
    log_session_free(s);
    seen w = {0};
    assert_int_equal(read_one(path, &w, NULL), 0);
    assert_int_equal(w.sessions, 1);
    assert_int_equal(w.issues[LOG_ISSUE_BAD_UTF8], 1);
    assert_int_equal(w.issue_lines[LOG_ISSUE_BAD_UTF8], 1);
    assert_string_equal(w.last_msg[LOG_ISSUE_BAD_UTF8],
                        "2 lines with bytes that are not UTF-8: read with U+FFFD in their place");
}

/* ---- threads change nothing ------------------------------------------------ */

/* Everything a read hands over, as text, in order. */
typedef struct transcript {
    char *text;
    size_t len, cap;
} transcript;

static void say(transcript *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(transcript *t, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->text = realloc(t->text, t->cap);
        assert_non_null(t->text);
    }
    memcpy(t->text + t->len, line, (size_t)n + 1);
    t->len += (size_t)n;
}

static int note_session(void *ctx, const log_session *s, apperr *e)
{
    (void)e;
    say(ctx, "session %s %s %zu %s\n", s->id, s->file, s->n_decisions, log_status_name(s->status));
    for (size_t i = 0; i < s->n_decisions; i++)
        say(ctx, "  %s %s\n", s->decisions[i].node,
            s->decisions[i].rationale ? s->decisions[i].rationale : "-");
    return 0;
}

static void note_issue(void *ctx, const log_issue *is)
{
    char buf[2048];
    say(ctx, "issue %s\n", log_issue_format(is, buf, sizeof buf));
}

static char *read_transcript(const char *dir, int threads)
{
    transcript t = {0};
    log_read_opts o = {
        .on_session = note_session, .on_issue = note_issue, .ctx = &t, .threads = threads};
    apperr e;
    assert_int_equal(log_read_paths(&dir, 1, &o, NULL, &e), 0);
    return t.text;
}

/* Copies of the fixtures under new session ids, across folders, with
 * duplicates and bad files among them: more files than one thread's batch. */
static void write_many(const char *dir)
{
    static const char *const names[] = {"cohort/t1_c1.jsonl",       "cohort/t2_c1.jsonl",
                                        "cohort/sub/t2_c2.jsonl",   "bad/torn.jsonl",
                                        "bad/unknown_fields.jsonl", "bad/notes.txt"};
    for (int i = 0; i < 150; i++) {
        const char *name = names[i % 6];
        char src[1024], dst[1200], sub[1024], id[16];
        snprintf(src, sizeof src, "%s/%s", FIX, name);
        snprintf(sub, sizeof sub, "%s/f%02d", dir, i % 7);
        mkdir(sub, 0777);
        snprintf(dst, sizeof dst, "%s/%03d_%s", sub, i, strrchr(name, '/') + 1);
        char *text = test_read_file(src, NULL);
        assert_non_null(text);
        /* a new id, except every 10th copy: the id of the same fixture 6 copies back */
        snprintf(id, sizeof id, "%08x", i % 10 == 9 ? (unsigned)(i - 6) : (unsigned)i);
        for (char *p = text; (p = strstr(p, "-0000-4000-8000-")) != NULL; p++)
            memcpy(p - 8, id, 8);
        assert_int_equal(test_write_file(dst, text), 0);
        free(text);
    }
}

static void test_threads_change_nothing_the_callbacks_see(void **state)
{
    (void)state;
    write_many(tmp);
    char *one = read_transcript(tmp, 1);
    assert_non_null(strstr(one, "was already read from"));
    assert_non_null(strstr(one, "torn last line"));
    for (int threads = 2; threads <= 4; threads++) {
        char *many = read_transcript(tmp, threads);
        assert_string_equal(one, many);
        free(many);
    }
    free(one);
}

/* ---- records counted without parsing ------------------------------------------ */

/* One session in the writer's member order and the same session with the
 * envelope after the fields and its members shuffled: read alike. */
static const char *const WRITER_ORDER =
    "{\"v\":1,\"type\":\"session_start\",\"session\":\"s-1\",\"seq\":0,\"t\":0,\"at\":\"x\","
    "\"engine\":\"e\",\"case\":\"c\",\"case_version\":\"1\",\"case_title\":\"T\","
    "\"case_sha256\":\"0\",\"case_file\":\"c.lua\",\"trainee\":\"t\",\"variant\":null,"
    "\"seed\":18446744073709551615,\"mode\":\"play\",\"host_os\":\"h\"}\n"
    "{\"v\":1,\"type\":\"node\",\"session\":\"s-1\",\"seq\":1,\"t\":0,\"at\":\"x\",\"node\":\"d\","
    "\"clock\":0,\"vitals\":{\"hr\":90,\"o2\":\"air\"},\"news2\":null}\n"
    "{\"v\":1,\"type\":\"advice_shown\",\"session\":\"s-1\",\"seq\":2,\"t\":1500,\"at\":\"x\","
    "\"node\":\"d\",\"tool\":\"T\",\"recommend\":\"b\",\"confidence\":0.5,\"source\":\"AI\","
    "\"timing\":\"with_case\"}\n"
    "{\"v\":1,\"type\":\"view\",\"session\":\"s-1\",\"seq\":3,\"t\":2500,\"at\":\"x\","
    "\"node\":\"d\",\"what\":\"explanation\"}\n"
    "{\"v\":1,\"type\":\"node\",\"session\":\"s-1\",\"seq\":4,\"t\":9000,\"at\":\"x\","
    "\"node\":\"e\",\"clock\":5,\"vitals\":{},\"news2\":3}\n";

static const char *const OTHER_ORDER =
    "{\"host_os\":\"h\",\"seed\":18446744073709551615,\"engine\":\"e\",\"case\":\"c\","
    "\"case_version\":\"1\",\"case_title\":\"T\",\"case_sha256\":\"0\",\"case_file\":\"c.lua\","
    "\"trainee\":\"t\",\"variant\":null,\"mode\":\"play\",\"at\":\"x\",\"t\":0,\"seq\":0,"
    "\"session\":\"s-1\",\"type\":\"session_start\",\"v\":1}\n"
    "{\"node\":\"d\",\"vitals\":{\"hr\":90,\"o2\":\"air\"},\"clock\":0,\"news2\":null,"
    "\"at\":\"x\",\"t\":0,\"seq\":1,\"session\":\"s-1\",\"type\":\"node\",\"v\":1}\n"
    "{\"timing\":\"with_case\",\"node\":\"d\",\"tool\":\"T\",\"recommend\":\"b\","
    "\"confidence\":0.5,\"source\":\"AI\",\"session\":\"s-1\",\"t\":1500,\"type\":"
    "\"advice_shown\",\"seq\":2,\"at\":\"x\",\"v\":1}\n"
    "{\"what\":\"explanation\",\"node\":\"d\",\"t\":2500,\"v\":1,\"at\":\"x\",\"seq\":3,"
    "\"type\":\"view\",\"session\":\"s-1\"}\n"
    "{\"news2\":3,\"vitals\":{},\"clock\":5,\"node\":\"e\",\"type\":\"node\",\"seq\":4,"
    "\"session\":\"s-1\",\"at\":\"x\",\"v\":1,\"t\":9000}\n";

typedef struct order_seen {
    long records, issues;
    int64_t end_t;
    uint64_t seed;
    size_t kept;
} order_seen;

static void count_issue(void *ctx, const log_issue *is)
{
    (void)is;
    ((order_seen *)ctx)->issues++;
}

static order_seen read_text(const char *name, const char *text, unsigned keep)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s.jsonl", tmp, name);
    assert_int_equal(test_write_file(path, text), 0);
    order_seen o = {0};
    log_read_opts ro = {.on_issue = count_issue, .ctx = &o, .keep = keep};
    log_session *s = NULL;
    apperr e;
    assert_int_equal(log_session_read(path, &ro, &s, &e), 0);
    o.end_t = s->end_t;
    o.seed = s->seed;
    o.kept = s->n_records;
    log_session_free(s);
    log_read_stats st;
    seen w = {0};
    const char *paths[] = {path};
    assert_int_equal(read_paths(paths, 1, &w, &st), 0);
    o.records = st.records;
    return o;
}

/* The records a debrief does not need are counted, not parsed, wherever
 * their envelope stands on the line: the writer's order only makes it
 * quicker. Their last t is the session's end_t (an incomplete session's
 * duration) even when they are not parsed. */
static void test_records_not_needed_are_counted_whatever_their_member_order(void **state)
{
    (void)state;
    order_seen a = read_text("writer", WRITER_ORDER, 0);
    order_seen b = read_text("other", OTHER_ORDER, 0);
    order_seen c = read_text("other_kept", OTHER_ORDER, LOG_KEEP_ALL);
    assert_int_equal(a.records, 5);
    assert_int_equal(b.records, 5);
    assert_int_equal(a.issues, 1); /* incomplete */
    assert_int_equal(b.issues, 1);
    assert_int_equal(c.issues, 1);
    assert_int_equal(a.end_t, 9000);
    assert_int_equal(b.end_t, 9000);
    assert_int_equal(c.end_t, 9000);
    assert_true(a.seed == 18446744073709551615ULL);
    assert_true(b.seed == 18446744073709551615ULL);
    assert_int_equal(a.kept, 0);
    assert_int_equal(c.kept, 5);
}

/* A node record cut short in the middle of a file (it lacks its closing
 * brace) is not counted as a record: it is reported as a line that is not
 * one. One of another session is parsed and starts that session. */
static void test_a_broken_record_not_needed_is_reported_not_counted(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%s%s", WRITER_ORDER,
             "{\"v\":1,\"type\":\"node\",\"session\":\"s-1\",\"seq\":5,\"t\":9500,\"at\":\"x\","
             "\"node\":\"f\",\"clock\":\n"
             "{\"v\":1,\"type\":\"session_end\",\"session\":\"s-1\",\"seq\":6,\"t\":9600,"
             "\"at\":\"x\",\"status\":\"complete\"}\n");
    char path[1200];
    snprintf(path, sizeof path, "%s/broken.jsonl", tmp);
    assert_int_equal(test_write_file(path, text), 0);
    seen w = {0};
    log_read_stats st;
    const char *paths[] = {path};
    assert_int_equal(read_paths(paths, 1, &w, &st), 0);
    assert_int_equal(st.records, 6);
    assert_int_equal(w.issues[LOG_ISSUE_BAD_LINE], 1);
    assert_int_equal(w.issue_lines[LOG_ISSUE_BAD_LINE], 6);
    assert_int_equal(w.status[0], LOG_COMPLETE);
}

/* An empty folder, and one holding only an empty folder, read as nothing:
 * no session, no report (and no sort of a list that was never made). */
static void test_empty_folders_read_as_nothing(void **state)
{
    (void)state;
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/empty", tmp);
    assert_int_equal(mkdir(sub, 0755), 0);
    seen w = {0};
    log_read_stats st;
    assert_int_equal(read_one(tmp, &w, &st), 0);
    assert_int_equal(w.sessions, 0);
    assert_int_equal(total_issues(&w), 0);
    assert_int_equal(st.files, 0);
}

/* ---- out of memory ------------------------------------------------------------ */

/* Fails each allocation of a read of every fixture in turn (the folder
 * walk, the lines, the parsed records, the sessions, the reports, the
 * checks across files): the read stops with "out of memory" (never a
 * report that blames the log), and nothing is left behind. Then it reads
 * as it does with memory enough. */
static void test_read_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    const char *path = FIX;
    log_read_opts o = {.on_session = on_session, .on_issue = on_issue, .threads = 1};
    seen want = {0};
    o.ctx = &want;
    apperr e;
    assert_int_equal(log_read_paths(&path, 1, &o, NULL, &e), 0);
    failing_alloc_install();
    for (long k = 0;; k++) {
        seen got = {0};
        o.ctx = &got;
        apperr_clear(&e);
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = log_read_paths(&path, 1, &o, NULL, &e);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (alloc_live != before)
            fail_msg("allocation %ld failed: %ld blocks left", k, alloc_live - before);
        if (!failed) {
            assert_int_equal(rc, 0);
            assert_memory_equal(&got, &want, sizeof want);
            assert_true(k > 0);
            break;
        }
        if (rc != -1 || e.kind != APPERR_ENV)
            fail_msg("allocation %ld failed, and the read gave %d: %s", k, rc, e.msg);
        assert_string_equal(e.msg, "out of memory while reading session logs");
        assert_true(got.sessions <= want.sessions);
    }
    failing_alloc_remove();
}

/* The same for one session read with every record kept (replay's read). */
static void test_session_read_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    log_read_opts o = {.keep = LOG_KEEP_ALL};
    failing_alloc_install();
    for (long k = 0;; k++) {
        log_session *s = NULL;
        apperr e;
        apperr_clear(&e);
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = log_session_read(FIX "/cohort/t1_c1.jsonl", &o, &s, &e);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (!failed) {
            assert_int_equal(rc, 0);
            assert_int_equal(s->n_decisions, 3);
            assert_true(s->n_records > 3);
            log_session_free(s);
            assert_int_equal(alloc_live, before);
            assert_true(k > 0);
            break;
        }
        if (rc != -1 || e.kind != APPERR_ENV)
            fail_msg("allocation %ld failed, and the read gave %d: %s", k, rc, e.msg);
        assert_null(s);
        if (alloc_live != before)
            fail_msg("allocation %ld failed: %ld blocks left", k, alloc_live - before);
    }
    failing_alloc_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_decision_field_is_read),
        cmocka_unit_test(test_nulls_are_kept_apart_from_values),
        cmocka_unit_test(test_empty_rationale_is_not_null),
        cmocka_unit_test(test_folders_are_walked_recursively_in_name_order),
        cmocka_unit_test(test_a_clean_log_reports_nothing),
        cmocka_unit_test(test_torn_last_line_is_skipped_and_reported),
        cmocka_unit_test(test_log_without_session_end_is_incomplete),
        cmocka_unit_test(test_unknown_fields_and_types_are_reported_once_and_ignored),
        cmocka_unit_test(test_blank_lines_are_skipped_and_reported_once_per_file),
        cmocka_unit_test(test_non_log_files_are_skipped_and_reported),
        cmocka_unit_test(test_same_session_twice_is_used_once),
        cmocka_unit_test(test_case_in_two_versions_is_reported_and_both_used),
        cmocka_unit_test(test_line_that_is_not_a_record_is_skipped),
        cmocka_unit_test(test_records_of_a_newer_log_version_are_skipped),
        cmocka_unit_test(test_whole_bad_folder_uses_every_good_session),
        cmocka_unit_test_setup_teardown(test_mistyped_fields_are_reported_and_taken_as_null,
                                        setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_session_start_is_reported_and_used, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_two_sessions_in_one_file_are_both_read, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_torn_only_line_gives_no_session, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_whole_last_record_without_newline_is_used, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test(test_unreadable_path_is_reported_not_fatal),
        cmocka_unit_test(test_failing_callback_stops_the_read_with_its_error),
        cmocka_unit_test(test_session_read_of_a_file_without_session_fails),
        cmocka_unit_test(test_names),
        cmocka_unit_test_setup_teardown(test_link_loop_ends_with_a_report, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_two_links_to_a_parent_are_followed_once, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_binary_fan_out_of_links_reads_each_folder_once,
                                        setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(
            test_bytes_that_are_not_utf8_are_read_as_replacement_characters, setup_tmp,
            teardown_tmp),
        cmocka_unit_test_setup_teardown(test_big_file_and_long_line_are_read_whole, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_threads_change_nothing_the_callbacks_see, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(
            test_records_not_needed_are_counted_whatever_their_member_order, setup_tmp,
            teardown_tmp),
        cmocka_unit_test_setup_teardown(test_a_broken_record_not_needed_is_reported_not_counted,
                                        setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_empty_folders_read_as_nothing, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test(test_read_that_runs_out_of_memory_leaks_nothing),
        cmocka_unit_test(test_session_read_that_runs_out_of_memory_leaks_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
