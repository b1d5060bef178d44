/* The trainee's recap (recap.h), from session logs: a log with the texts it
 * records (labels, prompts, teaching points, the ending's words) is read
 * for them, an older log without them falls back to the case; the ratings,
 * reason and times as given; the outcome; the reliance in plain words,
 * leaving out what no decision stands behind; the words for a colleague's
 * advice; and what the library says of its AI's errors. The fixture logs
 * are in tests/recap/ (old_*: written before the log held the texts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_load.h"
#include "feedback.h"
#include "mem.h"
#include "recap.h"
#include "strbuf.h"
#include "support.h"

#define RECAP_DIR TEST_DATA_DIR "/recap"

static recap read_log(const case_def *c, const char *log)
{
    recap r;
    apperr e;
    apperr_clear(&e);
    if (recap_read(&r, c, log, &e) != 0)
        fail_msg("recap_read %s: %s", log, e.msg);
    return r;
}

/* Whether one of the recap's reliance sentences is exactly want. */
static bool says(const recap *r, const char *want)
{
    for (size_t i = 0; i < r->n_reliance; i++)
        if (strcmp(r->reliance[i], want) == 0)
            return true;
    for (size_t i = 0; i < r->n_reliance; i++)
        print_message("said: %s\n", r->reliance[i]);
    return false;
}

static bool says_anything_with(const recap *r, const char *part)
{
    for (size_t i = 0; i < r->n_reliance; i++)
        if (strstr(r->reliance[i], part))
            return true;
    return false;
}

static void test_an_older_log_is_recapped_with_the_cases_own_texts(void **state)
{
    (void)state;
    case_def *c = load_test_case("window_case.lua");
    recap r = read_log(c, RECAP_DIR "/old_window_case.jsonl");
    assert_int_equal(r.n, 2);
    const recap_item *a = &r.items[0], *b = &r.items[1];
    assert_string_equal(a->prompt, "What do you do first?");
    assert_string_equal(a->initial, "Repeat observations in an hour");
    assert_int_equal(a->initial_mark, MARK_WRONG);
    assert_string_equal(a->advice, "Repeat observations in an hour (71% confident)");
    assert_non_null(strstr(a->final, "CT pulmonary angiogram"));
    assert_int_equal(a->final_mark, MARK_RIGHT);
    /* the ratings and the reason as given, and the time taken */
    assert_int_equal(a->initial_confidence, 3);
    assert_int_equal(a->final_confidence, 6);
    assert_int_equal(a->trust, 2);
    assert_string_equal(a->rationale, "Post-op and breathless: **PE** first");
    assert_int_equal(a->ms, 3000); /* 2 s to the advice, 1 s from it to the final choice */
    assert_string_equal(a->debrief, "The model's intended use excluded this patient.");
    assert_int_equal(b->trust, 6);
    assert_int_equal(b->initial_confidence, 0);
    assert_null(b->rationale);
    assert_string_equal(b->debrief,
                        "Falling blood pressure with a likely embolus needs critical care now.");
    assert_int_equal(r.n_points, 1);
    assert_string_equal(r.points[0], "Sudden breathlessness after surgery is a pulmonary embolus "
                                     "until shown otherwise.");
    /* the outcome with the ending's words */
    assert_true(r.has_ending);
    assert_false(r.quit);
    assert_int_equal(r.outcome, OUTCOME_GOOD);
    assert_null(r.ending_title);
    assert_string_equal(r.ending_text, "Outreach arrive within minutes.");
    assert_string_equal(r.ending_summary, "He is treated and recovers.");
    assert_int_equal(r.total_ms, 11000);
    assert_true(r.has_clock);
    assert_true(r.clock == 25.0);
    assert_null(r.ai_note); /* tests/cases has no library.txt */
    assert_null(r.ai_note_error);
    recap_free(&r);
    case_free(c);
}

static void test_a_log_with_its_texts_is_recapped_from_them(void **state)
{
    (void)state;
    case_def *c = load_test_case("window_case.lua");
    recap r = read_log(c, RECAP_DIR "/new_window_case.jsonl");
    assert_int_equal(r.n, 2);
    const recap_item *a = &r.items[0];
    assert_string_equal(a->prompt, "Logged prompt at alert");
    assert_string_equal(a->initial, "Logged obs");
    assert_string_equal(a->final, "Logged ctpa");
    assert_string_equal(a->best, "Logged ctpa");
    assert_string_equal(a->advice, "Logged obs (71% confident)");
    /* The teaching point as resolved in play (a function's too). */
    assert_string_equal(a->debrief, "From the log: the model was never meant for him.");
    /* None logged at the second decision: the case's plain text. */
    assert_string_equal(r.items[1].debrief,
                        "Falling blood pressure with a likely embolus needs critical care now.");
    assert_int_equal(r.n_points, 2);
    assert_string_equal(r.points[0],
                        "From the log: breathless after surgery is an embolus until shown "
                        "otherwise.");
    assert_string_equal(r.points[1], "From the log: outreach came in time.");
    assert_string_equal(r.ending_title, "Logged ending title");
    assert_string_equal(r.ending_text, "Logged: outreach arrive within minutes.");
    assert_string_equal(r.ending_summary, "Logged: he is treated and recovers.");
    recap_free(&r);
    case_free(c);
}

/* "You followed wrong advice 1 time out of 2", never a rate over one
 * decision, and nothing for a figure no decision stands behind. */
static void test_reliance_is_said_in_plain_words_and_only_where_it_has_decisions(void **state)
{
    (void)state;
    case_def *c = load_test_case("window_case.lua");
    recap r = read_log(c, RECAP_DIR "/old_window_case.jsonl");
    assert_true(r.has_metrics);
    assert_true(says(&r, "Your final choice was among the best answers at 2 of 2 decisions."));
    assert_true(says(&r, "You followed the AI's advice 1 time out of 2."));
    assert_true(says(&r, "You followed wrong advice 0 times out of 1."));
    assert_true(says(&r, "You turned down right advice 0 times out of 1."));
    /* The first choice was the AI's own answer: there was nothing to change
     * to, so nothing is said of it (not "n/a", not "0 of 0"). */
    assert_false(says_anything_with(&r, "changed to the AI's answer"));
    assert_true(says(&r, "When the AI was right, you rated your trust 6 of 7."));
    assert_true(says(&r, "When the AI was wrong, you rated your trust 2 of 7."));
    assert_false(says_anything_with(&r, "%"));
    assert_false(says_anything_with(&r, "n/a"));
    assert_false(says_anything_with(&r, "average"));
    recap_free(&r);
    case_free(c);
}

static void test_a_colleagues_advice_is_the_advice_in_the_recap(void **state)
{
    (void)state;
    case_def *c = load_test_case("window_colleague.lua");
    recap r = read_log(c, RECAP_DIR "/old_window_colleague.jsonl");
    assert_true(r.by_person);
    assert_int_equal(r.n, 1);
    assert_true(r.items[0].by_person);
    assert_string_equal(r.items[0].rationale, "He looks worse to me.");
    assert_true(says(&r, "You followed the advice 0 times out of 1."));
    assert_true(says(&r, "You followed wrong advice 0 times out of 1."));
    assert_true(says(&r, "After your first choice, you changed to the advised answer 0 times out "
                         "of 1."));
    assert_true(says(&r, "When the advice was wrong, you rated your trust 5 of 7."));
    assert_false(says_anything_with(&r, "AI"));
    /* The advice was never right: nothing about turning right advice down,
     * nor about trust in right advice. */
    assert_false(says_anything_with(&r, "right advice"));
    assert_false(says_anything_with(&r, "was right"));
    recap_free(&r);
    case_free(c);
}

/* The case copied into a folder with the given library.txt (NULL: none). */
static case_def *case_in_library(const char *dir, const char *settings)
{
    char path[1200];
    char *text = test_read_file(TEST_CASES_DIR "/window_case.lua", NULL);
    assert_non_null(text);
    snprintf(path, sizeof path, "%s/window_case.lua", dir);
    assert_int_equal(test_write_file(path, text), 0);
    free(text);
    snprintf(path, sizeof path, "%s/library.txt", dir);
    if (settings)
        assert_int_equal(test_write_file(path, settings), 0);
    snprintf(path, sizeof path, "%s/window_case.lua", dir);
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 5};
    assert_int_equal(case_load(&c, path, &lo, &e), 0);
    return c;
}

static void test_the_librarys_note_on_the_ais_errors_comes_with_the_recap(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    case_def *c = case_in_library(dir, "ai_errors: enriched\nai_errors_note: Wrong on purpose.\n");
    recap r = read_log(c, RECAP_DIR "/old_window_case.jsonl");
    assert_string_equal(r.ai_note, "Wrong on purpose.");
    assert_null(r.ai_note_error);
    recap_free(&r);
    case_free(c);
    /* A mistake in library.txt is shown in place of the note, at its line. */
    c = case_in_library(dir, "ai_errors: enriched\nai_errors: sometimes\n");
    r = read_log(c, RECAP_DIR "/old_window_case.jsonl");
    assert_null(r.ai_note);
    assert_non_null(r.ai_note_error);
    assert_non_null(strstr(r.ai_note_error, "library.txt:2: ai_errors is given twice"));
    recap_free(&r);
    case_free(c);
    test_rmtree(dir);
    free(dir);
}

static void test_durations_read_as_people_say_them(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(recap_format_duration(0, buf, sizeof buf), "0 s");
    assert_string_equal(recap_format_duration(42400, buf, sizeof buf), "42 s");
    assert_string_equal(recap_format_duration(252000, buf, sizeof buf), "4 min 12 s");
    assert_string_equal(recap_format_duration(3720000, buf, sizeof buf), "1 h 2 min");
}

/* Several best answers are listed alike in the recap and in the feedback
 * after the decision: "A, B or C", not "A or B or C". */
static void test_recap_and_feedback_list_several_best_answers_alike(void **state)
{
    (void)state;
    char *log = test_read_file(RECAP_DIR "/new_window_case.jsonl", NULL);
    assert_non_null(log);
    char *at = strstr(log, "\"best\":[\"ctpa\"]");
    assert_non_null(at);
    strbuf b = STRBUF_INIT;
    strbuf_addf(&b, "%.*s\"best\":[\"ctpa\",\"obs\",\"xray\"]%s", (int)(at - log), log,
                at + strlen("\"best\":[\"ctpa\"]"));
    char *text = strbuf_finish(&b);
    char *dir = test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/several_best.jsonl", dir);
    assert_int_equal(test_write_file(path, text), 0);

    case_def *c = load_test_case("window_case.lua");
    recap r = read_log(c, path);
    assert_string_equal(r.items[0].best, "Logged ctpa, Logged obs or Logged xray");

    const char *options[] = {"ctpa", "obs", "xray"};
    const char *labels[] = {"Logged ctpa", "Logged obs", "Logged xray"};
    const char *best[] = {"ctpa", "obs", "xray"};
    log_decision d = {0};
    d.options = options;
    d.n_options = 3;
    d.labels = labels;
    d.n_labels = 3;
    d.best = best;
    d.n_best = 3;
    d.final = "ctpa";
    char *fb = feedback_text(&d, false);
    assert_non_null(fb);
    char want[256];
    snprintf(want, sizeof want, "The best answers were %s", r.items[0].best);
    if (!strstr(fb, want))
        fail_msg("feedback \"%s\" lacks \"%s\"", fb, want);

    mem_free(fb);
    recap_free(&r);
    case_free(c);
    test_rmtree(dir);
    free(dir);
    mem_free(text);
    free(log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_older_log_is_recapped_with_the_cases_own_texts),
        cmocka_unit_test(test_a_log_with_its_texts_is_recapped_from_them),
        cmocka_unit_test(test_recap_and_feedback_list_several_best_answers_alike),
        cmocka_unit_test(test_reliance_is_said_in_plain_words_and_only_where_it_has_decisions),
        cmocka_unit_test(test_a_colleagues_advice_is_the_advice_in_the_recap),
        cmocka_unit_test(test_the_librarys_note_on_the_ais_errors_comes_with_the_recap),
        cmocka_unit_test(test_durations_read_as_people_say_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
