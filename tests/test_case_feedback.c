/* A decision's feedback as the loader reads it (scenario-format.md,
 * "Feedback"): a text, a table by option id with a default, a function
 * resolved on entry; and the mistakes an author can make in each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "case_driver.h"
#include "case_load.h"
#include "support.h"

#define CASE(name) TEST_CASES_DIR "/" name

static const case_decision *decision_of(const case_def *c, const char *id)
{
    const case_node *n = case_find_node(c, id);
    assert_non_null(n);
    assert_int_equal(n->kind, NODE_DECISION);
    return &n->decision;
}

static void test_feedback_text_is_shown_whatever_was_chosen(void **state)
{
    (void)state;
    case_def *c = load_test_case("feedback_forms.lua");
    const case_decision *d = decision_of(c, "plain");
    assert_string_equal(d->feedback, "The same words for every choice.");
    assert_string_equal(case_feedback_for(d, "a"), "The same words for every choice.");
    assert_string_equal(case_feedback_for(d, "b"), "The same words for every choice.");
    case_free(c);
}

static void test_feedback_table_gives_each_option_its_text_else_the_default(void **state)
{
    (void)state;
    case_def *c = load_test_case("feedback_forms.lua");
    const case_decision *d = decision_of(c, "by_option");
    assert_string_equal(d->feedback, "Most choices get this.");
    assert_string_equal(case_feedback_for(d, "call-outreach"),
                        "Outreach comes within half an hour.");
    assert_string_equal(case_feedback_for(d, "wait"), "Most choices get this.");
    /* `default` is the table's default, also for an option of that id */
    assert_null(case_find_option(d, "default")->feedback);
    assert_string_equal(case_feedback_for(d, "default"), "Most choices get this.");

    d = decision_of(c, "no_default");
    assert_null(d->feedback);
    assert_null(case_feedback_for(d, "x"));
    assert_string_equal(case_feedback_for(d, "y"), "Only y has a text.");
    case_free(c);
}

/* Enters node id of c in a fresh run; the caller frees node. */
static void enter(case_def *c, const char *id, case_node *node)
{
    case_run *r = NULL;
    case_live live;
    apperr e;
    char buf[1400];
    apperr_clear(&e);
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    if (c->driver->enter(r, id, node, &live, &e) != 0)
        fail_msg("entering %s: %s", id, apperr_format(&e, buf, sizeof buf));
    case_live_free(&live);
    c->driver->end(r);
}

static void test_feedback_function_is_resolved_on_entry(void **state)
{
    (void)state;
    case_def *c = load_test_case("feedback_forms.lua");
    const case_node *n = case_find_node(c, "computed");
    assert_true(n->dynamic);
    assert_null(n->decision.feedback);
    case_node r;
    enter(c, "computed", &r);
    assert_false(r.dynamic);
    assert_string_equal(case_feedback_for(&r.decision, "p"), "Computed default.");
    assert_string_equal(case_feedback_for(&r.decision, "q"), "Computed for q.");
    case_node_free(&r);

    enter(c, "listed_later", &r);
    assert_null(case_feedback_for(&r.decision, "m"));
    assert_string_equal(case_feedback_for(&r.decision, "n"), "Text for n.");
    case_node_free(&r);
    case_free(c);
}

static void test_feedback_for_an_option_the_decision_lacks_fails_at_its_line(void **state)
{
    (void)state;
    expect_load_error(CASE("load_feedback_unknown_option.lua"), 10,
                      "feedback names option 'wiat', which this decision does not have; its "
                      "options are wait, call");
}

static void test_feedback_table_values_must_be_texts(void **state)
{
    (void)state;
    expect_load_error(CASE("load_feedback_not_text.lua"), 9,
                      "at nodes.a.decision.feedback.wait: expected a text, got a table");
}

/* Enters node id of c: it must fail saying want. */
static void expect_enter_error(case_def *c, const char *id, const char *want)
{
    case_run *r = NULL;
    case_node node;
    case_live live;
    apperr e;
    char buf[1400];
    apperr_clear(&e);
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    assert_int_equal(c->driver->enter(r, id, &node, &live, &e), -1);
    apperr_format(&e, buf, sizeof buf);
    if (!strstr(buf, want))
        fprintf(stderr, "got: %s, wanted '%s'\n", buf, want);
    assert_non_null(strstr(buf, want));
    c->driver->end(r);
}

static void test_feedback_known_only_in_play_is_checked_on_entry(void **state)
{
    (void)state;
    case_def *c = load_test_case("runtime_feedback_unknown.lua");
    expect_enter_error(c, "a",
                       "feedback names option 'n', which this decision does not have; "
                       "its options are m");
    expect_enter_error(c, "b", "at nodes.b.decision.feedback.o: expected a text, got a number");
    case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feedback_text_is_shown_whatever_was_chosen),
        cmocka_unit_test(test_feedback_table_gives_each_option_its_text_else_the_default),
        cmocka_unit_test(test_feedback_function_is_resolved_on_entry),
        cmocka_unit_test(test_feedback_for_an_option_the_decision_lacks_fails_at_its_line),
        cmocka_unit_test(test_feedback_table_values_must_be_texts),
        cmocka_unit_test(test_feedback_known_only_in_play_is_checked_on_entry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
