/* debrief reports: the text rules (HTML and JSON escaping, ISO 8601 durations and
 * timestamps, IRIs, statement ids), the chart arithmetic, and the HTML and
 * xAPI writers on the fixture logs in tests/report/logs, error paths
 * included. */
#include <stdbool.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <cJSON.h>

#include "debrief_chart.h"
#include "debrief_csv.h"
#include "debrief_fmt.h"
#include "debrief_report.h"
#include "failing_alloc.h"
#include "mem.h"
#include "support.h"

#define FIXTURE_LOGS TEST_DATA_DIR "/report/logs"
#define FFFD "\xEF\xBF\xBD"

/* debrief_fmt_html(s) as a malloc'd string. */
static char *html_of(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    debrief_fmt_html(f, s);
    fclose(f);
    return buf;
}

static void expect_html(const char *in, const char *want)
{
    char *got = html_of(in);
    assert_string_equal(got, want);
    free(got);
}

static void test_html_escapes_markup_and_both_quotes(void **state)
{
    (void)state;
    expect_html("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect_html("a & b \"c\"", "a &amp; b &quot;c&quot;");
    expect_html("&amp;", "&amp;amp;");
}

static void test_html_keeps_utf8_tabs_and_newlines(void **state)
{
    (void)state;
    expect_html("38.5 \xC2\xB0"
                "C \xE2\x86\x92 now\nline\ttab\r\n",
                "38.5 \xC2\xB0"
                "C \xE2\x86\x92 now\nline\ttab\r\n");
    expect_html("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"); /* 4-byte sequence */
}

static void test_html_replaces_invalid_utf8_and_controls(void **state)
{
    (void)state;
    expect_html("a\xFF"
                "b",
                "a" FFFD "b");
    expect_html("\xC0\xAF", FFFD FFFD);          /* overlong '/' */
    expect_html("\xED\xA0\x80", FFFD FFFD FFFD); /* a UTF-16 surrogate */
    expect_html("\xE2\x82", FFFD FFFD);          /* cut short at the end */
    expect_html("x\x01y\x7F", "x" FFFD "y" FFFD);
}

static void test_html_null_writes_nothing(void **state)
{
    (void)state;
    expect_html(NULL, "");
    expect_html("", "");
}

/* debrief_fmt_json_string(s) as a malloc'd string. */
static char *json_of(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    debrief_fmt_json_string(f, s);
    fclose(f);
    return buf;
}

static void expect_json(const char *in, const char *want)
{
    char *got = json_of(in);
    assert_string_equal(got, want);
    free(got);
}

static void test_json_string_escapes_quotes_backslashes_and_controls(void **state)
{
    (void)state;
    expect_json("say \"no\"", "\"say \\\"no\\\"\"");
    expect_json("a\\b", "\"a\\\\b\"");
    expect_json("line\nnext\ttab\r", "\"line\\nnext\\ttab\\r\"");
    expect_json("\x01\x1f", "\"\\u0001\\u001f\"");
    expect_json("</script> & 38.5 \xC2\xB0"
                "C",
                "\"</script> & 38.5 \xC2\xB0"
                "C\"");
}

static void test_json_string_replaces_invalid_utf8(void **state)
{
    (void)state;
    expect_json("a\xFF"
                "b\xC0\xAF",
                "\"a\\ufffdb\\ufffd\\ufffd\"");
    expect_json("\xE2\x82", "\"\\ufffd\\ufffd\"");
}

static void test_json_string_null_is_json_null(void **state)
{
    (void)state;
    expect_json(NULL, "null");
    expect_json("", "\"\"");
}

static const char *dur(int64_t ms)
{
    static char buf[32];
    return debrief_fmt_duration(ms, buf, sizeof buf);
}

static void test_duration_is_shortest_exact_iso8601(void **state)
{
    (void)state;
    assert_string_equal(dur(4250), "PT4.25S");
    assert_string_equal(dur(0), "PT0S");
    assert_string_equal(dur(1), "PT0.001S");
    assert_string_equal(dur(1000), "PT1S");
    assert_string_equal(dur(1500), "PT1.5S");
    assert_string_equal(dur(60000), "PT1M");
    assert_string_equal(dur(61000), "PT1M1S");
    assert_string_equal(dur(3600000), "PT1H");
    assert_string_equal(dur(3600500), "PT1H0.5S");
    assert_string_equal(dur(3723004), "PT1H2M3.004S");
    assert_string_equal(dur(90061500), "PT25H1M1.5S"); /* hours, not days: exact */
}

static void test_duration_refuses_negative_and_small_buffers(void **state)
{
    char small[8];
    (void)state;
    assert_null(dur(-1));
    assert_null(debrief_fmt_duration(4250, small, sizeof small));
    assert_non_null(dur(INT64_MAX)); /* 32 bytes are enough for any int64 */
}

static void test_timestamp_accepts_the_log_format_only(void **state)
{
    (void)state;
    assert_true(debrief_fmt_is_timestamp("2026-11-27T09:14:03.512Z"));
    assert_true(debrief_fmt_is_timestamp("2026-11-27T09:14:03Z"));
    assert_false(debrief_fmt_is_timestamp("2026-11-27 09:14:03.512Z"));
    assert_false(debrief_fmt_is_timestamp("2026-11-27T09:14:03.512"));
    assert_false(debrief_fmt_is_timestamp("2026-11-27T09:14:03.512Z "));
    assert_false(debrief_fmt_is_timestamp("2026-13-27T09:14:03Z"));
    assert_false(debrief_fmt_is_timestamp("2026-11-27T24:14:03Z"));
    assert_false(debrief_fmt_is_timestamp("2026-11-27T09:14:03.Z"));
    assert_false(debrief_fmt_is_timestamp(""));
    assert_false(debrief_fmt_is_timestamp(NULL));
}

static void test_iri_check_wants_a_scheme_and_no_spaces(void **state)
{
    (void)state;
    assert_true(debrief_fmt_is_iri("https://lms.example.org"));
    assert_true(debrief_fmt_is_iri("urn:appraise"));
    assert_false(debrief_fmt_is_iri("lms.example.org"));
    assert_false(debrief_fmt_is_iri("1http://x"));
    assert_false(debrief_fmt_is_iri("https:"));
    assert_false(debrief_fmt_is_iri("https://a b"));
    assert_false(debrief_fmt_is_iri(""));
    assert_false(debrief_fmt_is_iri(NULL));
}

static void test_iri_trims_the_base_and_percent_encodes_segments(void **state)
{
    const char *seg[] = {"cases", "a b/\xC3\xA9~_-.", "nodes", NULL};
    char *iri = debrief_fmt_iri("https://e.org/x//", seg, 4);
    (void)state;
    assert_string_equal(iri, "https://e.org/x/cases/a%20b%2F%C3%A9~_-./nodes/unknown");
    mem_free(iri);
}

/* Each allocation building an IRI can fail: NULL, and nothing kept. */
static void test_iri_out_of_memory_is_null(void **state)
{
    (void)state;
    const char *seg[] = {"cases", "sepsis ed", "nodes", "first_look"};
    failing_alloc_install();
    char *iri = NULL;
    long n = 0;
    for (bool failed = true; failed; n++) {
        alloc_live = 0;
        alloc_fail_in = n;
        iri = debrief_fmt_iri("https://e.org/x", seg, 4);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (failed) {
            assert_null(iri);
            assert_int_equal(alloc_live, 0);
        }
    }
    assert_string_equal(iri, "https://e.org/x/cases/sepsis%20ed/nodes/first_look");
    mem_free(iri);
    assert_int_equal(alloc_live, 0);
    failing_alloc_remove();
    assert_true(n > 1);
}

static void test_statement_id_is_a_deterministic_uuid5(void **state)
{
    char a[37], b[37], c[37];
    (void)state;
    debrief_fmt_statement_id("0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b", "answered", 6, a);
    debrief_fmt_statement_id("0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b", "answered", 6, b);
    debrief_fmt_statement_id("0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b", "answered", 7, c);
    /* The same id from Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL,
     * "urn:appraise:xapi-statement"), "0f8e…4a5b/answered/6"). */
    assert_string_equal(a, "eb34618a-1432-5afa-93d3-a8df9a3b8ca1");
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_int_equal(a[14], '5');
}

static void test_statement_id_takes_long_session_ids(void **state)
{
    char *session = malloc(1001);
    char a[37], b[37], c[37];
    (void)state;
    memset(session, 'x', 1000);
    session[1000] = '\0';
    debrief_fmt_statement_id(session, "answered", 1, a);
    debrief_fmt_statement_id(session, "answered", 1, b);
    session[999] = 'y'; /* differs only past any fixed buffer */
    debrief_fmt_statement_id(session, "answered", 1, c);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    free(session);
}

static void test_quantile_interpolates_like_r_type_7(void **state)
{
    const int64_t v[] = {1, 2, 3, 4};
    const int64_t one[] = {7};
    (void)state;
    assert_float_equal(debrief_chart_quantile(v, 4, 0.25), 1.75, 1e-12);
    assert_float_equal(debrief_chart_quantile(v, 4, 0.5), 2.5, 1e-12);
    assert_float_equal(debrief_chart_quantile(v, 4, 1.0), 4.0, 1e-12);
    assert_float_equal(debrief_chart_quantile(v, 4, 0.0), 1.0, 1e-12);
    assert_float_equal(debrief_chart_quantile(one, 1, 0.75), 7.0, 1e-12);
}

static void test_axis_step_is_round_and_fits(void **state)
{
    (void)state;
    assert_float_equal(debrief_chart_step(12, 8), 2, 1e-12);
    assert_float_equal(debrief_chart_step(1, 8), 0.2, 1e-12);
    assert_float_equal(debrief_chart_step(100, 8), 20, 1e-12);
    assert_float_equal(debrief_chart_step(7, 8), 1, 1e-12);
}

/* ---- The writers on the fixture logs ---- */

typedef struct fixture {
    char *dir;
    char out[1024];
    const char *paths[1];
    debrief_report_in in;
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->dir = test_tmpdir();
    fx->paths[0] = FIXTURE_LOGS;
    fx->in.paths = fx->paths;
    fx->in.n_paths = 1;
    fx->in.include_runs = true; /* the fixture logs are scripted runs */
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    test_rmtree(fx->dir);
    free(fx->dir);
    free(fx);
    return 0;
}

static char *write_html(fixture *fx)
{
    apperr e;
    apperr_clear(&e);
    snprintf(fx->out, sizeof fx->out, "%s/report.html", fx->dir);
    assert_int_equal(debrief_write_html(fx->out, &fx->in, &e), 0);
    return test_read_file(fx->out, NULL);
}

static void test_html_report_escapes_rationales_and_has_every_chart(void **state)
{
    fixture *fx = *state;
    char *page = write_html(fx);
    assert_non_null(strstr(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; the AI said so"));
    assert_null(strstr(page, "<script"));
    assert_non_null(strstr(page, "O&#39;Brien &lt;Dr&gt;"));
    assert_non_null(strstr(page, "data-chart=\"reliance\""));
    assert_non_null(strstr(page, "data-chart=\"trust\""));
    assert_non_null(strstr(page, "data-chart=\"accuracy\""));
    assert_non_null(strstr(page, "data-chart=\"times\""));
    assert_non_null(strstr(page, "-t\">Reliance matrix: the cohort</title>"));
    free(page);
}

static void test_html_report_flags_incomplete_sessions_and_na(void **state)
{
    fixture *fx = *state;
    char *page = write_html(fx);
    assert_non_null(strstr(page, "1 incomplete session "));
    assert_non_null(strstr(page, "aaaa0004-1b3d-4e5f-8a9b-0c1d2e3f4a04"));
    assert_non_null(strstr(page, "&#9888; incomplete"));
    /* rair has no after_initial decision with the initial wrong and the AI
     * right in the fixtures: n/a with its 0/0. */
    assert_non_null(strstr(page, "<code>rair</code></td><td class=\"num\"><span class=\"na\">n/a"));
    free(page);
}

static int add_to_set(void *ctx, const log_session *s, apperr *e)
{
    (void)e;
    return metrics_set_add(ctx, s);
}

static void test_html_report_lists_the_command_lines_groups(void **state)
{
    fixture *fx = *state;
    metrics_key by = METRICS_BY_VARIANT;
    metrics_set *set;
    log_read_opts o = {.on_session = add_to_set};
    apperr e;
    char *page;
    apperr_clear(&e);
    assert_int_equal(metrics_set_new(&set, &by, 1), 0);
    o.ctx = set;
    assert_int_equal(log_read_paths(fx->paths, 1, &o, NULL, &e), 0);
    metrics_set_finish(set);
    fx->in.groups = set;
    page = write_html(fx);
    assert_non_null(strstr(page, "<h3>By variant</h3>"));
    assert_non_null(strstr(page, "<td>confident</td><td class=\"num\">1</td>"));
    assert_non_null(strstr(page, "<a href=\"#groups\">"));
    free(page);
    metrics_set_free(set);
}

static void test_html_report_without_by_has_no_groups_section(void **state)
{
    fixture *fx = *state;
    char *page = write_html(fx);
    assert_null(strstr(page, "id=\"groups\""));
    assert_null(strstr(page, "#groups"));
    free(page);
}

static void test_html_report_of_no_sessions_has_no_nan(void **state)
{
    fixture *fx = *state;
    char *page;
    fx->in.n_paths = 0;
    page = write_html(fx);
    assert_null(strstr(page, "nan"));
    assert_null(strstr(page, "inf%"));
    assert_non_null(strstr(page, "no trust ratings (n/a)"));
    assert_non_null(strstr(page, "</html>\n"));
    free(page);
}

static void test_html_report_to_unwritable_path_is_env_error(void **state)
{
    fixture *fx = *state;
    apperr e;
    char path[1100];
    apperr_clear(&e);
    snprintf(path, sizeof path, "%s/no/such/folder/report.html", fx->dir);
    assert_int_equal(debrief_write_html(path, &fx->in, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
}

static void test_xapi_export_is_deterministic_json_array(void **state)
{
    fixture *fx = *state;
    apperr e;
    char *a, *b;
    apperr_clear(&e);
    snprintf(fx->out, sizeof fx->out, "%s/a.json", fx->dir);
    assert_int_equal(debrief_write_xapi(fx->out, &fx->in, &e), 0);
    a = test_read_file(fx->out, NULL);
    snprintf(fx->out, sizeof fx->out, "%s/b.json", fx->dir);
    assert_int_equal(debrief_write_xapi(fx->out, &fx->in, &e), 0);
    b = test_read_file(fx->out, NULL);
    assert_string_equal(a, b);
    assert_int_equal(a[0], '[');
    assert_non_null(strstr(a, "\"duration\":\"PT4.25S\""));
    assert_non_null(strstr(a, "\"homePage\":\"" DEBRIEF_XAPI_HOMEPAGE "\""));
    assert_non_null(strstr(a, "\"id\":\"" DEBRIEF_XAPI_BASE "/cases/ward/nodes/review\""));
    free(a);
    free(b);
}

/* A log whose rationale holds a byte that is not UTF-8 (a garbled file). */
static const char garbled_log[] =
    "{\"v\":1,\"type\":\"session_start\",\"session\":\"bbbb0001-1b3d-4e5f-8a9b-0c1d2e3f4a01\","
    "\"seq\":0,\"t\":0,\"at\":\"2026-11-27T09:14:00.512Z\",\"trainee\":\"t\xFF\","
    "\"case\":\"c\",\"case_version\":\"1\"}\n"
    "{\"v\":1,\"type\":\"decision\",\"session\":\"bbbb0001-1b3d-4e5f-8a9b-0c1d2e3f4a01\","
    "\"seq\":1,\"t\":1000,\"at\":\"2026-11-27T09:14:01.512Z\",\"node\":\"n\","
    "\"options\":[\"a\",\"b\"],\"best\":[\"a\"],\"timing\":null,\"ai\":null,"
    "\"final\":\"a\",\"final_correct\":true,\"rationale\":\"ok \xC0 then\",\"viewed\":[],"
    "\"timed_out\":false,\"next\":\"end\"}\n";

static void test_xapi_and_html_stay_valid_utf8_on_garbled_logs(void **state)
{
    fixture *fx = *state;
    char log[1100];
    apperr e;
    char *text, *page;
    cJSON *all, *st, *x;
    snprintf(log, sizeof log, "%s/garbled.jsonl", fx->dir);
    assert_int_equal(test_write_file(log, garbled_log), 0);
    fx->paths[0] = log;
    apperr_clear(&e);
    snprintf(fx->out, sizeof fx->out, "%s/x.json", fx->dir);
    assert_int_equal(debrief_write_xapi(fx->out, &fx->in, &e), 0);
    text = test_read_file(fx->out, NULL);
    all = cJSON_Parse(text);
    assert_non_null(all);
    st = cJSON_GetArrayItem(all, 1); /* answered */
    x = cJSON_GetObjectItem(cJSON_GetObjectItem(st, "result"), "extensions");
    assert_string_equal(
        cJSON_GetObjectItem(x, DEBRIEF_XAPI_BASE "/extensions/rationale")->valuestring,
        "ok \xEF\xBF\xBD then");
    assert_string_equal(
        cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(st, "actor"), "account"),
                            "name")
            ->valuestring,
        "t\xEF\xBF\xBD");
    cJSON_Delete(all);
    free(text);
    page = write_html(fx);
    assert_non_null(strstr(page, "ok \xEF\xBF\xBD then"));
    assert_null(strstr(page, "\xC0"));
    free(page);
}

static void test_xapi_of_no_sessions_is_empty_array(void **state)
{
    fixture *fx = *state;
    apperr e;
    char *text;
    apperr_clear(&e);
    fx->in.n_paths = 0;
    snprintf(fx->out, sizeof fx->out, "%s/x.json", fx->dir);
    assert_int_equal(debrief_write_xapi(fx->out, &fx->in, &e), 0);
    text = test_read_file(fx->out, NULL);
    assert_string_equal(text, "[]\n");
    free(text);
}

static void test_xapi_refuses_flags_that_are_not_iris(void **state)
{
    fixture *fx = *state;
    apperr e;
    apperr_clear(&e);
    snprintf(fx->out, sizeof fx->out, "%s/x.json", fx->dir);
    fx->in.xapi_base = "appraise cases";
    assert_int_equal(debrief_write_xapi(fx->out, &fx->in, &e), -1);
    assert_int_equal(e.kind, APPERR_USAGE);
    assert_non_null(strstr(e.msg, "--xapi-base"));
    fx->in.xapi_base = NULL;
    fx->in.xapi_homepage = "lms.example.org";
    apperr_clear(&e);
    assert_int_equal(debrief_write_xapi(fx->out, &fx->in, &e), -1);
    assert_int_equal(e.kind, APPERR_USAGE);
    assert_non_null(strstr(e.msg, "--xapi-homepage"));
}

static void test_xapi_to_unwritable_path_is_env_error(void **state)
{
    fixture *fx = *state;
    apperr e;
    char path[1100];
    apperr_clear(&e);
    snprintf(path, sizeof path, "%s/no/such/folder/x.json", fx->dir);
    assert_int_equal(debrief_write_xapi(path, &fx->in, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
}

/* ---- Out of memory ---- */

/* Each allocation the CSV writer makes for a session's rows can fail: the
 * writer then says so (-1), writes nothing and keeps nothing; once none
 * fails, it writes what it writes with memory enough. (The session is made
 * here, not read: the log reader's own cJSON hooks must not change while
 * it reads.) */
static void test_csv_out_of_memory_fails_cleanly(void **state)
{
    (void)state;
    static const char *const options[] = {"admit", "discharge"};
    log_decision d[3];
    memset(d, 0, sizeof d);
    for (int i = 0; i < 3; i++) {
        d[i].seq = i + 1;
        d[i].node = "triage";
        d[i].options = options;
        d[i].n_options = 2;
        d[i].final = "admit";
        d[i].rationale = "=1+1, said \"the AI\"\non two lines";
        d[i].has_ms_final = true;
        d[i].ms_final = 1234 * (i + 1);
        d[i].has_ai_confidence = true;
        d[i].ai_confidence = 0.8;
    }
    log_session s;
    memset(&s, 0, sizeof s);
    s.id = "aaaa0001-1b3d-4e5f-8a9b-0c1d2e3f4a01";
    s.trainee = "O'Brien, Dr";
    s.case_id = "sepsis-ed";
    s.decisions = d;
    s.n_decisions = 3;
    char *want = NULL, *got = NULL;
    size_t want_len = 0, got_len = 0;
    FILE *f = open_memstream(&want, &want_len);
    assert_int_equal(debrief_csv_session(f, &s), 0);
    fclose(f);
    failing_alloc_install();
    long n = 0;
    for (bool failed = true; failed; n++) {
        f = open_memstream(&got, &got_len);
        alloc_live = 0;
        alloc_fail_in = n;
        int rc = debrief_csv_session(f, &s);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        fclose(f);
        assert_int_equal(rc, failed ? -1 : 0);
        assert_int_equal(alloc_live, 0);
        if (failed)
            assert_int_equal(got_len, 0); /* nothing half written */
        else
            assert_string_equal(got, want);
        free(got);
    }
    failing_alloc_remove();
    assert_non_null(strstr(want, "\"'=1+1, said \"\"the AI\"\"\non two lines\""));
    free(want);
    assert_true(n > 3); /* the rows grow through the hook */
}

/* The CSV's trainee-facing columns: the labels of the initial, final and
 * AI's choices, and the title and teaching point of the decision's node
 * record: the last one of that node before the decision. A decision
 * without a node record, or with labels that do not match its options (an
 * older log has none), leaves them empty. */
static void test_csv_labels_and_node_texts(void **state)
{
    (void)state;
    static const char *const options[] = {"wait", "call"};
    static const char *const labels[] = {"Recheck in an hour", "Call outreach"};
    log_record rec[3];
    memset(rec, 0, sizeof rec);
    rec[0].type = LOG_REC_NODE;
    rec[0].seq = 1;
    rec[0].as.node = (log_node){.node = "review", .title = "Old title", .teaching = "Old point"};
    rec[1].type = LOG_REC_NODE;
    rec[1].seq = 2;
    rec[1].as.node = (log_node){.node = "other", .title = "Other", .teaching = "Other point"};
    rec[2].type = LOG_REC_NODE;
    rec[2].seq = 3;
    rec[2].as.node =
        (log_node){.node = "review", .title = "The 02:00 review", .teaching = "Escalate"};
    log_decision d[2];
    memset(d, 0, sizeof d);
    d[0] = (log_decision){.seq = 4,
                          .node = "review",
                          .options = options,
                          .n_options = 2,
                          .labels = labels,
                          .n_labels = 2,
                          .initial = "wait",
                          .final = "call",
                          .ai = "wait"};
    d[1] = (log_decision){.seq = 5,
                          .node = "later",
                          .options = options,
                          .n_options = 2,
                          .labels = labels,
                          .n_labels = 1,
                          .final = "call"};
    log_session s;
    memset(&s, 0, sizeof s);
    s.id = "aaaa0001-1b3d-4e5f-8a9b-0c1d2e3f4a01";
    s.decisions = d;
    s.n_decisions = 2;
    s.records = rec;
    s.n_records = 3;
    char *got = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&got, &len);
    assert_int_equal(debrief_csv_session(f, &s), 0);
    fclose(f);
    char *second = strstr(got, "\r\n");
    assert_non_null(second);
    *second = '\0';
    assert_non_null(strstr(got, ",true,Recheck in an hour,Call outreach,Recheck in an hour,"
                                "The 02:00 review,Escalate"));
    assert_non_null(strstr(second + 2, ",true,,,,,\r\n")); /* no node record, labels short */
    free(got);
    assert_int_equal(debrief_csv_keep(), 1u << LOG_REC_NODE);
}

/* Each allocation of the HTML writer can fail: it then reports "out of
 * memory" (APPERR_ENV) and keeps nothing. */
static void test_html_report_out_of_memory_fails_cleanly(void **state)
{
    fixture *fx = *state;
    apperr e;
    snprintf(fx->out, sizeof fx->out, "%s/report.html", fx->dir);
    failing_alloc_install();
    long n = 0;
    for (bool failed = true; failed; n++) {
        alloc_live = 0;
        alloc_fail_in = n;
        int rc = debrief_write_html(fx->out, &fx->in, &e);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (rc != 0) {
            assert_true(failed);
            assert_int_equal(e.kind, APPERR_ENV);
        }
        if (alloc_live != 0)
            fail_msg("allocation %ld failing leaves %ld blocks", n, alloc_live);
    }
    failing_alloc_remove();
    assert_true(n > 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_escapes_markup_and_both_quotes),
        cmocka_unit_test(test_html_keeps_utf8_tabs_and_newlines),
        cmocka_unit_test(test_html_replaces_invalid_utf8_and_controls),
        cmocka_unit_test(test_html_null_writes_nothing),
        cmocka_unit_test(test_json_string_escapes_quotes_backslashes_and_controls),
        cmocka_unit_test(test_json_string_replaces_invalid_utf8),
        cmocka_unit_test(test_json_string_null_is_json_null),
        cmocka_unit_test(test_duration_is_shortest_exact_iso8601),
        cmocka_unit_test(test_duration_refuses_negative_and_small_buffers),
        cmocka_unit_test(test_timestamp_accepts_the_log_format_only),
        cmocka_unit_test(test_iri_check_wants_a_scheme_and_no_spaces),
        cmocka_unit_test(test_iri_trims_the_base_and_percent_encodes_segments),
        cmocka_unit_test(test_iri_out_of_memory_is_null),
        cmocka_unit_test(test_statement_id_is_a_deterministic_uuid5),
        cmocka_unit_test(test_statement_id_takes_long_session_ids),
        cmocka_unit_test(test_quantile_interpolates_like_r_type_7),
        cmocka_unit_test(test_axis_step_is_round_and_fits),
        cmocka_unit_test_setup_teardown(test_html_report_escapes_rationales_and_has_every_chart,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_report_flags_incomplete_sessions_and_na, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_html_report_lists_the_command_lines_groups, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_html_report_without_by_has_no_groups_section, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_html_report_of_no_sessions_has_no_nan, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_html_report_to_unwritable_path_is_env_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_xapi_export_is_deterministic_json_array, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_xapi_and_html_stay_valid_utf8_on_garbled_logs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_xapi_of_no_sessions_is_empty_array, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xapi_refuses_flags_that_are_not_iris, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xapi_to_unwritable_path_is_env_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_out_of_memory_fails_cleanly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_labels_and_node_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_report_out_of_memory_fails_cleanly, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
