/* The loader: a valid case read whole, and one fixture per class of mistake
 * of scenario-format.md "Errors authors must get", each with its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "case_load.h"
#include "support.h"
#include "srcmap.h"

#define CASE(name) TEST_CASES_DIR "/" name

static case_def *load_ok(const char *path)
{
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    int rc = case_load(&c, path, NULL, &e);
    if (rc != 0) {
        char buf[1400];
        fprintf(stderr, "unexpected: %s\n", apperr_format(&e, buf, sizeof buf));
    }
    assert_int_equal(rc, 0);
    assert_non_null(c);
    return c;
}

static void test_load_reads_every_key(void **state)
{
    (void)state;
    case_def *c = load_ok(CASE("load_ok.lua"));
    assert_string_equal(c->id, "load-ok");
    assert_string_equal(c->version, "2.0");
    assert_int_equal(c->format, 1);
    assert_int_equal(c->objectives.n, 2);
    assert_int_equal(c->variants.n, 2);
    assert_string_equal(c->variants.items[1], "wrong");
    assert_true(c->patient.has_age);
    assert_int_equal((int)c->patient.age, 50);
    assert_int_equal(c->patient.history.n, 1);
    assert_true(c->vitals.set & (1u << VITAL_HR));
    assert_int_equal(c->vitals.n_extra, 1);
    assert_int_equal(c->n_results, 2);
    assert_false(c->results[1].is_num);
    assert_string_equal(c->results[1].text, "pending");
    assert_true(c->multi_tool);
    assert_int_equal(c->n_tools, 2);
    assert_string_equal(c->tools[0].key, "cxr");
    assert_string_equal(c->tools[0].name, "ChestAI");
    assert_int_equal(c->n_nodes, 3);
    assert_int_equal(strlen(c->sha256), 64);

    const case_node *a = case_find_node(c, "a");
    assert_non_null(a);
    assert_int_equal(a->kind, NODE_DECISION);
    assert_true(a->dynamic); /* text is a function */
    assert_null(a->text);
    assert_int_equal(a->line, 24);
    const case_decision *d = &a->decision;
    assert_int_equal(d->n_options, 2);
    assert_int_equal(d->options[1].next_fn, 1);
    assert_true(d->advice.present);
    assert_string_equal(d->advice.tool, "cxr");
    assert_string_equal(d->advice.source, "Colleague");
    assert_int_equal(d->advice.timing, TIMING_ON_REQUEST);
    assert_true(d->advice.has_confidence);
    assert_int_equal(d->advice.n_reasons, 1);
    assert_true(d->ask_trust);
    assert_false(d->ask_confidence);
    assert_int_equal(d->ask_rationale, RATIONALE_ALWAYS);
    assert_int_equal((int)d->time_limit, 30);
    assert_string_equal(d->on_timeout, "c");
    assert_true(case_is_best(d, "one"));
    assert_false(case_is_best(d, "two"));

    const case_node *b = case_find_node(c, "b");
    assert_int_equal(b->kind, NODE_NARRATIVE);
    assert_string_equal(b->next, "c");
    assert_false(b->dynamic);
    const case_node *end = case_find_node(c, "c");
    assert_int_equal(end->kind, NODE_ENDING);
    assert_int_equal(end->ending.outcome, OUTCOME_NEUTRAL);
    case_free(c);
}

static void test_load_defaults_source_to_ai_and_timing_to_after_initial(void **state)
{
    (void)state;
    case_def *c = load_ok(SCENARIOS_DIR "/sepsis-ed.lua");
    const case_node *n = case_find_node(c, "worse");
    assert_string_equal(n->decision.advice.source, "AI");
    assert_string_equal(n->decision.advice.tool, "SepsisWatch");
    assert_int_equal(n->decision.advice.timing, TIMING_WITH_CASE);
    const case_node *f = case_find_node(c, "first_look");
    assert_true(f->dynamic); /* recommend is a function */
    case_free(c);
}

static void test_load_reports_syntax_error_with_line(void **state)
{
    (void)state;
    expect_load_error(CASE("load_syntax.lua"), 3, "'}' expected");
}

static void test_load_reports_unknown_key_with_line_and_hint(void **state)
{
    (void)state;
    expect_load_error(CASE("load_unknown_key.lua"), 4,
                 "at nodes.a.ending.sumary: unknown key 'sumary' (did you mean 'summary'?)");
}

static void test_load_reports_missing_required_key_at_case_call(void **state)
{
    (void)state;
    expect_load_error(CASE("load_missing_key.lua"), 1, "missing required key 'title'");
}

static void test_load_reports_wrong_type(void **state)
{
    (void)state;
    expect_load_error(CASE("load_wrong_type.lua"), 7,
                 "at nodes.a.decision.options[1].label: expected a text (in quotes), got a number");
}

static void test_load_reports_value_out_of_range(void **state)
{
    (void)state;
    expect_load_error(CASE("load_out_of_range.lua"), 9,
                 "at nodes.a.decision.advice.confidence: expected a number from 0 to 1, got 87");
}

static void test_load_reports_vital_out_of_range(void **state)
{
    (void)state;
    expect_load_error(CASE("load_vital_range.lua"), 4, "at vitals.spo2:");
}

static void test_load_reports_start_naming_no_node(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_start.lua"), 3, "start 'arival' names no node");
}

static void test_load_reports_next_naming_no_node(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_next.lua"), 4, "at nodes.a.next: next 'nowhere' names no node");
}

static void test_load_reports_on_timeout_naming_no_node(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_on_timeout.lua"), 9, "on_timeout 'gone' names no node");
}

static void test_load_reports_recommend_naming_no_option(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_recommend.lua"), 10,
                 "'q' is not an option of this decision (options: o, p)");
}

static void test_load_reports_best_naming_no_option(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_best.lua"), 8, "'zz' is not an option of this decision");
}

static void test_load_reports_duplicate_option_ids(void **state)
{
    (void)state;
    expect_load_error(CASE("load_duplicate_option.lua"), 9, "duplicate option id 'o'");
}

static void test_load_reports_advice_without_best(void **state)
{
    (void)state;
    expect_load_error(CASE("load_advice_without_best.lua"), 6, "'best' is missing");
}

static void test_load_reports_node_without_kind(void **state)
{
    (void)state;
    expect_load_error(CASE("load_no_kind.lua"), 4, "a node needs one of decision, next or ending");
}

static void test_load_reports_node_with_several_kinds(void **state)
{
    (void)state;
    expect_load_error(CASE("load_two_kinds.lua"), 4, "exactly one of decision, next or ending");
}

static void test_load_refuses_newer_format(void **state)
{
    (void)state;
    expect_load_error(CASE("load_format_newer.lua"), 2,
                 "written in format 2, but this engine reads formats up to 1");
}

static void test_load_reports_file_that_returns_no_case(void **state)
{
    (void)state;
    expect_load_error(CASE("load_not_a_case.lua"), 0, "the file must end with: return case");
}

static void test_load_reports_runtime_error_while_file_runs(void **state)
{
    (void)state;
    expect_load_error(CASE("load_runtime_error.lua"), 2, "attempt to index a nil value");
}

static void test_load_reports_missing_file(void **state)
{
    (void)state;
    expect_load_error(CASE("no_such_case.lua"), 0, "cannot open the case file");
}

static void test_srcmap_maps_nested_keys_and_list_entries(void **state)
{
    (void)state;
    const char *src = "-- c\nreturn case {\n  id = \"x\", -- { not a table\n"
                      "  nodes = {\n    a = {\n      text = [[\n{ ]]\n,\n"
                      "      decision = { options = { { id = \"o\" },\n"
                      "        { id = \"p\", next = function(s) local t = { q = 1 } return 'a' "
                      "end } } },\n    },\n    [\"b\"] = { text = 'x' },\n  },\n}\n";
    srcmap *m = srcmap_build(src, strlen(src));
    assert_non_null(m);
    assert_int_equal(srcmap_line_exact(m, "id"), 3);
    assert_int_equal(srcmap_line_exact(m, "nodes"), 4);
    assert_int_equal(srcmap_line_exact(m, "nodes.a"), 5);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.text"), 6);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision"), 9);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision.options[1]"), 9);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision.options[2].next"), 10);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision.options[2].next.q"), 0);
    assert_int_equal(srcmap_line_exact(m, "nodes.b.text"), 12);
    assert_int_equal(srcmap_line(m, "nodes.a.decision.options[2].label"), 10);
    assert_int_equal(srcmap_line(m, "nowhere.at.all"), 0);
    srcmap_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_reads_every_key),
        cmocka_unit_test(test_load_defaults_source_to_ai_and_timing_to_after_initial),
        cmocka_unit_test(test_load_reports_syntax_error_with_line),
        cmocka_unit_test(test_load_reports_unknown_key_with_line_and_hint),
        cmocka_unit_test(test_load_reports_missing_required_key_at_case_call),
        cmocka_unit_test(test_load_reports_wrong_type),
        cmocka_unit_test(test_load_reports_value_out_of_range),
        cmocka_unit_test(test_load_reports_vital_out_of_range),
        cmocka_unit_test(test_load_reports_start_naming_no_node),
        cmocka_unit_test(test_load_reports_next_naming_no_node),
        cmocka_unit_test(test_load_reports_on_timeout_naming_no_node),
        cmocka_unit_test(test_load_reports_recommend_naming_no_option),
        cmocka_unit_test(test_load_reports_best_naming_no_option),
        cmocka_unit_test(test_load_reports_duplicate_option_ids),
        cmocka_unit_test(test_load_reports_advice_without_best),
        cmocka_unit_test(test_load_reports_node_without_kind),
        cmocka_unit_test(test_load_reports_node_with_several_kinds),
        cmocka_unit_test(test_load_refuses_newer_format),
        cmocka_unit_test(test_load_reports_file_that_returns_no_case),
        cmocka_unit_test(test_load_reports_runtime_error_while_file_runs),
        cmocka_unit_test(test_load_reports_missing_file),
        cmocka_unit_test(test_srcmap_maps_nested_keys_and_list_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
