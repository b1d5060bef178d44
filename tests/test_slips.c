/* The slips authors make most, told as what to do (scenario-format.md
 * "Errors authors must get"): each fixture tests/cases/slip_*.lua holds one,
 * and the loader's whole message, line included, is pinned here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "case_load.h"

#define CASE(name) TEST_CASES_DIR "/" name

/* Loading tests/cases/NAME fails with exactly "PATH:LINE: MSG" (as an
 * author's mistake), PATH being the file at fault: NAME's, or another's. */
static void expect_exact(const char *name, const char *at, int line, const char *msg)
{
    char path[1024], want[2048], got[1400];
    case_def *c = NULL;
    apperr e;
    snprintf(path, sizeof path, "%s/%s", TEST_CASES_DIR, name);
    snprintf(want, sizeof want, "%s/%s:%d: %s", TEST_CASES_DIR, at ? at : name, line, msg);
    apperr_clear(&e);
    assert_int_equal(case_load(&c, path, NULL, &e), -1);
    assert_null(c);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_string_equal(apperr_format(&e, got, sizeof got), want);
}

static void test_missing_comma_at_the_end_of_a_field(void **state)
{
    (void)state;
    expect_exact("slip_comma_field.lua", NULL, 6,
                 "missing comma at the end of line 6? (entries and fields in { } are separated "
                 "by commas, and line 7 starts another)");
}

static void test_missing_comma_at_the_end_of_a_list_entry(void **state)
{
    (void)state;
    expect_exact("slip_comma_entry.lua", NULL, 5,
                 "missing comma at the end of line 5? (entries and fields in { } are separated "
                 "by commas, and line 6 starts another)");
}

static void test_missing_comma_after_an_option_table(void **state)
{
    (void)state;
    expect_exact("slip_comma_option.lua", NULL, 9,
                 "missing comma at the end of line 9? (entries and fields in { } are separated "
                 "by commas, and line 10 starts another)");
}

static void test_two_texts_in_a_row_offer_a_comma_or_a_join(void **state)
{
    (void)state;
    expect_exact("slip_comma_text.lua", NULL, 6,
                 "missing comma at the end of line 6? (entries and fields in { } are separated "
                 "by commas, and line 7 starts another; or, if the two texts are one, join them "
                 "with ..)");
}

static void test_missing_comma_inside_a_line(void **state)
{
    (void)state;
    expect_exact("slip_comma_inline.lua", NULL, 3,
                 "missing comma before version on line 3? (entries and fields in { } are "
                 "separated by commas)");
}

static void test_missing_comma_in_an_included_file_names_that_file(void **state)
{
    (void)state;
    expect_exact("slip_include.lua", "slip_part.lua", 2,
                 "missing comma at the end of line 2? (entries and fields in { } are separated "
                 "by commas, and line 3 starts another)");
}

static void test_curly_quotes_outside_a_string(void **state)
{
    (void)state;
    expect_exact("slip_curly_quote.lua", NULL, 4,
                 "line 4 has a curly quote \xE2\x80\x9C \xE2\x80\x94 use straight quotes \"");
}

static void test_curly_quote_closing_a_straight_one(void **state)
{
    (void)state;
    expect_exact("slip_curly_close.lua", NULL, 4,
                 "line 4 has a curly quote \xE2\x80\x9D \xE2\x80\x94 use straight quotes \"");
}

static void test_curly_quote_closing_a_text_with_more_fields_after_it(void **state)
{
    (void)state;
    expect_exact("slip_curly_close_more.lua", NULL, 3,
                 "line 3 has a curly quote \xE2\x80\x9D \xE2\x80\x94 use straight quotes \"");
}

static void test_curly_quotes_inside_a_closed_text_are_never_flagged(void **state)
{
    (void)state;
    expect_exact("slip_curly_inside.lua", NULL, 4,
                 "the string that starts on line 4 is never closed \xE2\x80\x94 add its "
                 "closing \"");
}

static void test_straight_quote_inside_a_text(void **state)
{
    (void)state;
    expect_exact("slip_quote_inside.lua", NULL, 6,
                 "the \" before no ends the text early \xE2\x80\x94 for quote marks inside a "
                 "text, write \\\" instead of \" (or use ' ' around the quoted words)");
}

static void test_apostrophe_inside_a_text_in_single_quotes(void **state)
{
    (void)state;
    expect_exact("slip_apostrophe.lua", NULL, 5,
                 "the ' before t ends the text early \xE2\x80\x94 for an apostrophe inside a "
                 "text, write \\' instead of ' (or put the whole text in \" \")");
}

static void test_missing_comma_before_a_comment_says_where(void **state)
{
    (void)state;
    expect_exact("slip_comma_comment.lua", NULL, 4,
                 "missing comma after \"Slip\" on line 4, before its comment? (entries and "
                 "fields in { } are separated by commas, and line 7 starts another)");
}

static void test_colon_for_equals(void **state)
{
    (void)state;
    expect_exact("slip_colon.lua", NULL, 3,
                 "line 3 has id: \xE2\x80\x94 write id = instead (a field takes its value with =, "
                 "not a colon)");
}

static void test_quoted_name_and_colon_for_equals(void **state)
{
    (void)state;
    expect_exact("slip_colon_quoted.lua", NULL, 3,
                 "line 3 has \"id\": \xE2\x80\x94 write id = instead (a field takes its value "
                 "with =, not a colon, and its name needs no quotes)");
}

static void test_one_brace_too_many_by_the_indentation(void **state)
{
    (void)state;
    expect_exact("slip_extra_brace.lua", NULL, 6,
                 "one } too many on line 6 or just above it? Counting brackets, the } on line 6 "
                 "closes the { on line 4, and the } on line 8 has nothing left to close: remove "
                 "the extra }");
}

static void test_one_brace_too_many_names_the_one_left_over(void **state)
{
    (void)state;
    expect_exact("slip_extra_brace_flat.lua", NULL, 7,
                 "the } on line 7 has nothing left to close \xE2\x80\x94 one } too many, on this "
                 "line or above it: remove it");
}

static void test_double_equals_for_a_field(void **state)
{
    (void)state;
    expect_exact("slip_double_equals.lua", NULL, 5,
                 "outcome == compares, and gives outcome no value \xE2\x80\x94 write outcome = "
                 "(with a single =) to set it");
}

static void test_long_dash_for_a_minus(void **state)
{
    (void)state;
    expect_exact("slip_dash.lua", NULL, 10,
                 "line 10 has a long dash (\xE2\x80\x93) \xE2\x80\x94 use a plain minus -");
}

static void test_non_breaking_space(void **state)
{
    (void)state;
    expect_exact("slip_nbsp.lua", NULL, 3,
                 "line 3 has a non-breaking space (pasted from a word processor or a web page) "
                 "\xE2\x80\x94 retype it as a plain space");
}

static void test_unclosed_string_names_its_line(void **state)
{
    (void)state;
    expect_exact("slip_unclosed_string.lua", NULL, 5,
                 "the string that starts on line 5 is never closed \xE2\x80\x94 add its "
                 "closing \"");
}

/* A curly quote or an ellipsis inside a text never closed is not its closing
 * quote: the text is said to be unclosed, not the mark pasted. */
static void test_unclosed_string_with_curly_quotes_inside(void **state)
{
    (void)state;
    expect_exact("slip_unclosed_with_curly.lua", NULL, 5,
                 "the string that starts on line 5 is never closed \xE2\x80\x94 add its "
                 "closing \"");
}

static void test_unclosed_string_with_an_ellipsis_before_a_field(void **state)
{
    (void)state;
    expect_exact("slip_unclosed_with_ellipsis.lua", NULL, 5,
                 "the string that starts on line 5 is never closed \xE2\x80\x94 add its "
                 "closing \"");
}

static void test_unclosed_bracket_names_the_line_it_opened(void **state)
{
    (void)state;
    expect_exact("slip_unclosed_brace.lua", NULL, 5,
                 "the { on line 5 is never closed \xE2\x80\x94 add the } that closes it");
}

static void test_unclosed_block_names_the_line_it_opened(void **state)
{
    (void)state;
    expect_exact("slip_unclosed_block.lua", NULL, 8,
                 "the if on line 8 is never closed \xE2\x80\x94 add the end that closes it");
}

static void test_unclosed_long_text_names_its_line(void **state)
{
    (void)state;
    expect_exact("slip_unclosed_long.lua", NULL, 6,
                 "the long text [[ that starts on line 6 is never closed \xE2\x80\x94 end it "
                 "with ]]");
}

static void test_other_syntax_errors_keep_luas_message(void **state)
{
    (void)state;
    expect_exact("slip_other.lua", NULL, 4, "unexpected symbol near ','");
}

static void test_key_given_twice_names_both_lines(void **state)
{
    (void)state;
    expect_exact("slip_twice_best.lua", NULL, 14,
                 "at nodes.a.decision.best: best is given twice in this table, on lines 12 and "
                 "14: keep one (only the last would count)");
}

static void test_node_given_twice_is_named_not_its_keys(void **state)
{
    (void)state;
    expect_exact("slip_twice_node.lua", NULL, 7,
                 "at nodes.a: a is given twice in this table, on lines 5 and 7: keep one (only "
                 "the last would count)");
}

static void test_best_on_the_node_points_to_its_decision(void **state)
{
    (void)state;
    expect_exact("slip_level_best.lua", NULL, 7,
                 "at nodes.a.best: unknown key 'best' (did you mean decision.best?)");
}

static void test_outcome_on_the_node_points_to_its_ending(void **state)
{
    (void)state;
    expect_exact("slip_level_outcome.lua", NULL, 5,
                 "at nodes.a.outcome: unknown key 'outcome' (did you mean ending.outcome?)");
}

static void test_label_on_the_node_points_two_tables_down(void **state)
{
    (void)state;
    expect_exact("slip_level_label.lua", NULL, 7,
                 "at nodes.a.label: unknown key 'label' (did you mean "
                 "decision.options[\xE2\x80\xA6].label?)");
}

static void test_key_of_two_tables_below_names_both(void **state)
{
    (void)state;
    expect_exact("slip_level_confidence.lua", NULL, 11,
                 "at nodes.a.decision.confidence: unknown key 'confidence' (did you mean "
                 "advice.confidence or ask.confidence?)");
}

static void test_node_key_inside_the_decision_points_up(void **state)
{
    (void)state;
    expect_exact("slip_level_title.lua", NULL, 8,
                 "at nodes.a.decision.title: unknown key 'title' (did you mean the node's title, "
                 "outside decision = { \xE2\x80\xA6 }?)");
}

/* An id on a node: a node's id is its key in nodes, not the case's id. */
static void test_id_on_a_node_says_its_key_is_its_id(void **state)
{
    (void)state;
    expect_exact("slip_id_in_a_node.lua", NULL, 5,
                 "at nodes.a.id: unknown key 'id': a node's id is its key in nodes = { "
                 "\xE2\x80\xA6 } (a = { \xE2\x80\xA6 } is node a): take this line out");
}

/* A key in a node is the node's or below it: never pointed out to the case. */
static void test_summary_on_a_node_points_to_its_ending_only(void **state)
{
    (void)state;
    expect_exact("slip_summary_on_a_node.lua", NULL, 5,
                 "at nodes.a.summary: unknown key 'summary' (did you mean ending.summary?)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_comma_at_the_end_of_a_field),
        cmocka_unit_test(test_missing_comma_at_the_end_of_a_list_entry),
        cmocka_unit_test(test_missing_comma_after_an_option_table),
        cmocka_unit_test(test_two_texts_in_a_row_offer_a_comma_or_a_join),
        cmocka_unit_test(test_missing_comma_inside_a_line),
        cmocka_unit_test(test_missing_comma_in_an_included_file_names_that_file),
        cmocka_unit_test(test_curly_quotes_outside_a_string),
        cmocka_unit_test(test_curly_quote_closing_a_straight_one),
        cmocka_unit_test(test_curly_quote_closing_a_text_with_more_fields_after_it),
        cmocka_unit_test(test_curly_quotes_inside_a_closed_text_are_never_flagged),
        cmocka_unit_test(test_straight_quote_inside_a_text),
        cmocka_unit_test(test_apostrophe_inside_a_text_in_single_quotes),
        cmocka_unit_test(test_missing_comma_before_a_comment_says_where),
        cmocka_unit_test(test_colon_for_equals),
        cmocka_unit_test(test_quoted_name_and_colon_for_equals),
        cmocka_unit_test(test_one_brace_too_many_by_the_indentation),
        cmocka_unit_test(test_one_brace_too_many_names_the_one_left_over),
        cmocka_unit_test(test_double_equals_for_a_field),
        cmocka_unit_test(test_long_dash_for_a_minus),
        cmocka_unit_test(test_non_breaking_space),
        cmocka_unit_test(test_unclosed_string_names_its_line),
        cmocka_unit_test(test_id_on_a_node_says_its_key_is_its_id),
        cmocka_unit_test(test_summary_on_a_node_points_to_its_ending_only),
        cmocka_unit_test(test_unclosed_string_with_curly_quotes_inside),
        cmocka_unit_test(test_unclosed_string_with_an_ellipsis_before_a_field),
        cmocka_unit_test(test_unclosed_bracket_names_the_line_it_opened),
        cmocka_unit_test(test_unclosed_block_names_the_line_it_opened),
        cmocka_unit_test(test_unclosed_long_text_names_its_line),
        cmocka_unit_test(test_other_syntax_errors_keep_luas_message),
        cmocka_unit_test(test_key_given_twice_names_both_lines),
        cmocka_unit_test(test_node_given_twice_is_named_not_its_keys),
        cmocka_unit_test(test_best_on_the_node_points_to_its_decision),
        cmocka_unit_test(test_outcome_on_the_node_points_to_its_ending),
        cmocka_unit_test(test_label_on_the_node_points_two_tables_down),
        cmocka_unit_test(test_key_of_two_tables_below_names_both),
        cmocka_unit_test(test_node_key_inside_the_decision_points_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
