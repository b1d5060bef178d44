/* The engine's own feedback after a decision (feedback.h): every sentence it
 * can say, from decision records as the session writes them, and what it
 * leaves behind when memory runs out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "failing_alloc.h"
#include "feedback.h"
#include "mem.h"
#include "metrics.h"

static const char *const OPTIONS[] = {"obs", "outreach", "registrar"};
static const char *const LABELS[] = {"Repeat observations in one hour", "Call the outreach team",
                                     "Call the registrar"};
static const char *const TWO_BEST[] = {"outreach", "registrar"};
static const char *const ONE_BEST[] = {"outreach"};

/* A decision at which the AI advised ai (NULL: no advice), the trainee chose
 * initial (NULL: no first choice) then final, with the given timing. */
static log_decision decision(const char *timing, const char *ai, const char *initial,
                             const char *final)
{
    log_decision d = {0};
    d.node = "escalate";
    d.options = OPTIONS;
    d.n_options = 3;
    d.labels = LABELS;
    d.n_labels = 3;
    d.best = TWO_BEST;
    d.n_best = 2;
    d.timing = ai ? timing : NULL;
    d.ai = ai;
    d.initial = initial;
    d.final = final;
    metrics_derive(&d);
    return d;
}

/* The text, checked, as a plain buffer the test can compare. */
static void expect_text(const log_decision *d, bool by_person, const char *want)
{
    char *s = feedback_text(d, by_person);
    assert_non_null(s);
    for (char *p = s; *p; p++) /* the line breaks are tested on their own */
        if (*p == '\n')
            *p = ' ';
    if (strcmp(s, want) != 0)
        fail_msg("got:  %s\nwant: %s", s, want);
    mem_free(s);
}

/* The choice, the advice and the change of mind each start a line, so that
 * long clinical labels stay readable. */
static void test_each_part_starts_a_line_of_its_own(void **state)
{
    (void)state;
    log_decision d = decision("after_initial", "registrar", "obs", "registrar");
    char *s = feedback_text(&d, false);
    assert_non_null(s);
    assert_string_equal(s,
                        "You chose Call the registrar, one of the best answers. The best answers "
                        "were Call the outreach team or Call the registrar.\n"
                        "The AI advised the same, which was right.\n"
                        "You changed from Repeat observations in one hour to the AI's answer "
                        "after the advice. The change was for the better.");
    mem_free(s);
    d = decision("with_case", "obs", NULL, "outreach"); /* no change of mind to tell */
    s = feedback_body(&d, false);
    assert_non_null(s);
    assert_non_null(strchr(s, '\n'));
    assert_null(strchr(strchr(s, '\n') + 1, '\n'));
    assert_int_not_equal(s[strlen(s) - 1], '\n');
    mem_free(s);
}

static void test_a_wrong_choice_kept_against_wrong_advice_names_every_part(void **state)
{
    (void)state;
    log_decision d = decision("after_initial", "obs", "obs", "obs");
    expect_text(&d, false,
                "You chose Repeat observations in one hour. The best answers were Call the "
                "outreach team or Call the registrar. The AI advised the same, which was wrong. "
                "You kept your first choice.");
    assert_int_equal(feedback_verdict_of(&d), FEEDBACK_WRONG);
    assert_string_equal(feedback_headline(FEEDBACK_WRONG), "Your choice was not the best answer");
}

static void test_a_right_choice_among_several_best_says_so_and_names_them(void **state)
{
    (void)state;
    log_decision d = decision("with_case", "registrar", NULL, "outreach");
    expect_text(&d, false,
                "You chose Call the outreach team, one of the best answers. The best answers "
                "were Call the outreach team or Call the registrar. The AI advised Call the "
                "registrar, which was right.");
    assert_int_equal(feedback_verdict_of(&d), FEEDBACK_RIGHT);
    assert_string_equal(feedback_headline(FEEDBACK_RIGHT),
                        "Your choice was among the best answers");
}

static void test_one_best_answer_is_named_in_the_singular(void **state)
{
    (void)state;
    log_decision d = decision("with_case", "obs", NULL, "outreach");
    d.best = ONE_BEST;
    d.n_best = 1;
    metrics_derive(&d);
    expect_text(&d, false,
                "You chose Call the outreach team, the best answer. The AI advised Repeat "
                "observations in one hour, which was wrong.");
    d.final = "registrar";
    metrics_derive(&d);
    expect_text(&d, false,
                "You chose Call the registrar. The best answer was Call the outreach team. The "
                "AI advised Repeat observations in one hour, which was wrong.");
    /* Advice of the one best answer, named already, is not named again. */
    d.ai = "outreach";
    metrics_derive(&d);
    expect_text(&d, false,
                "You chose Call the registrar. The best answer was Call the outreach team. The "
                "AI advised the best answer.");
    char *s = feedback_text(&d, true);
    assert_non_null(strstr(s, "The advice was the best answer."));
    mem_free(s);
}

static void test_switching_toward_the_ai_away_from_it_or_elsewhere_is_told(void **state)
{
    (void)state;
    /* toward the AI's answer, for the better */
    log_decision d = decision("after_initial", "registrar", "obs", "registrar");
    expect_text(&d, false,
                "You chose Call the registrar, one of the best answers. The best answers were "
                "Call the outreach team or Call the registrar. The AI advised the same, which "
                "was right. You changed from Repeat observations in one hour to the AI's answer "
                "after the advice. The change was for the better.");
    /* away from the AI's answer, for the worse */
    d = decision("after_initial", "registrar", "registrar", "obs");
    expect_text(&d, false,
                "You chose Repeat observations in one hour. The best answers were Call the "
                "outreach team or Call the registrar. The AI advised Call the registrar, which "
                "was right. You changed from Call the registrar, the AI's answer, to Repeat "
                "observations in one hour after the advice. Your first choice was the better "
                "one.");
    /* from one answer to another, neither the AI's, both among the best */
    d = decision("after_initial", "obs", "outreach", "registrar");
    expect_text(&d, false,
                "You chose Call the registrar, one of the best answers. The best answers were "
                "Call the outreach team or Call the registrar. The AI advised Repeat "
                "observations in one hour, which was wrong. You changed from Call the outreach "
                "team to Call the registrar after the advice.");
}

static void test_a_persons_advice_is_the_advice_never_the_ais(void **state)
{
    (void)state;
    log_decision d = decision("after_initial", "registrar", "obs", "registrar");
    char *s = feedback_text(&d, true);
    assert_non_null(s);
    assert_non_null(strstr(s, "The advice was the same, which was right."));
    assert_non_null(strstr(s, "to the advised answer after the advice."));
    assert_null(strstr(s, "AI"));
    mem_free(s);
    d = decision("on_request", "obs", NULL, "outreach");
    s = feedback_text(&d, true);
    assert_non_null(s);
    assert_non_null(strstr(s, "You did not ask for the advice. It would have been Repeat "
                              "observations in one hour, which was wrong."));
    assert_null(strstr(s, "AI"));
    mem_free(s);
}

static void test_advice_not_asked_for_or_not_seen_is_told_with_what_it_was(void **state)
{
    (void)state;
    log_decision d = decision("on_request", "registrar", NULL, "outreach");
    expect_text(&d, false,
                "You chose Call the outreach team, one of the best answers. The best answers "
                "were Call the outreach team or Call the registrar. You did not ask for the AI's "
                "advice. It would have advised Call the registrar, which was right.");
    d.has_advice_requested = d.advice_requested = true;
    metrics_derive(&d);
    char *s = feedback_text(&d, false);
    assert_non_null(strstr(s, "The AI advised Call the registrar, which was right."));
    mem_free(s);
    /* No advice at the decision: nothing about it. */
    d = decision(NULL, NULL, NULL, "obs");
    expect_text(&d, false,
                "You chose Repeat observations in one hour. The best answers were Call the "
                "outreach team or Call the registrar.");
    /* A decision without best answers is not judged. */
    d.n_best = 0;
    metrics_derive(&d);
    expect_text(&d, false, "You chose Repeat observations in one hour.");
    assert_int_equal(feedback_verdict_of(&d), FEEDBACK_UNJUDGED);
    assert_null(feedback_headline(FEEDBACK_UNJUDGED));
}

static void test_a_time_out_says_so_first_and_what_was_best(void **state)
{
    (void)state;
    /* The first choice made, the advice seen, the final choice not confirmed. */
    log_decision d = decision("after_initial", "obs", "outreach", NULL);
    d.timed_out = true;
    expect_text(&d, false,
                "Time ran out: you had not confirmed a choice. Your first choice had been Call "
                "the outreach team. The best answers were Call the outreach team or Call the "
                "registrar. The AI advised Repeat observations in one hour, which was wrong.");
    assert_int_equal(feedback_verdict_of(&d), FEEDBACK_TIMED_OUT);
    assert_string_equal(feedback_headline(FEEDBACK_TIMED_OUT),
                        "Time ran out: you had not confirmed a choice");
    /* The screen shows the headline itself: the body leaves it out. */
    char *body = feedback_body(&d, false);
    assert_non_null(body);
    assert_true(strncmp(body, "Your first choice had been", 26) == 0);
    mem_free(body);
    /* Nothing chosen before the advice could be shown: it was not seen. */
    d = decision("after_initial", "obs", NULL, NULL);
    d.timed_out = true;
    expect_text(&d, false,
                "Time ran out: you had not confirmed a choice. The best answers were Call the "
                "outreach team or Call the registrar. You did not see the AI's advice. It would "
                "have advised Repeat observations in one hour, which was wrong.");
}

static void test_without_labels_the_ids_are_used(void **state)
{
    (void)state;
    log_decision d = decision("with_case", "obs", NULL, "obs");
    d.labels = NULL;
    d.n_labels = 0;
    expect_text(&d, false,
                "You chose obs. The best answers were outreach or registrar. The AI advised the "
                "same, which was wrong.");
    /* An AI right or wrong unknown (no best given): no judgement of it. */
    d.n_best = 0;
    d.has_ai_correct = false;
    expect_text(&d, false, "You chose obs. The AI advised the same.");
    /* A different answer is named. */
    d.ai = "registrar";
    expect_text(&d, false, "You chose obs. The AI advised registrar.");
}

static void test_three_best_answers_are_listed_with_commas(void **state)
{
    (void)state;
    log_decision d = decision("with_case", "obs", NULL, "obs");
    d.best = OPTIONS;
    d.n_best = 3;
    metrics_derive(&d);
    char *s = feedback_text(&d, false);
    assert_non_null(strstr(s, "The best answers were Repeat observations in one hour, Call the "
                              "outreach team or Call the registrar."));
    mem_free(s);
}

/* Every allocation in turn fails: NULL, and nothing left behind. */
static void test_out_of_memory_gives_null_and_leaks_nothing(void **state)
{
    (void)state;
    log_decision d = decision("after_initial", "registrar", "obs", "registrar");
    failing_alloc_install();
    bool done = false;
    for (long n = 0; n < 1000 && !done; n++) {
        alloc_live = 0;
        alloc_fail_in = n;
        char *s = feedback_text(&d, n % 2 == 1);
        if (s) {
            done = true;
            mem_free(s);
        }
        assert_int_equal(alloc_live, 0);
    }
    alloc_fail_in = -1;
    failing_alloc_remove();
    assert_true(done);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_part_starts_a_line_of_its_own),
        cmocka_unit_test(test_a_wrong_choice_kept_against_wrong_advice_names_every_part),
        cmocka_unit_test(test_a_right_choice_among_several_best_says_so_and_names_them),
        cmocka_unit_test(test_one_best_answer_is_named_in_the_singular),
        cmocka_unit_test(test_switching_toward_the_ai_away_from_it_or_elsewhere_is_told),
        cmocka_unit_test(test_a_persons_advice_is_the_advice_never_the_ais),
        cmocka_unit_test(test_advice_not_asked_for_or_not_seen_is_told_with_what_it_was),
        cmocka_unit_test(test_a_time_out_says_so_first_and_what_was_best),
        cmocka_unit_test(test_without_labels_the_ids_are_used),
        cmocka_unit_test(test_three_best_answers_are_listed_with_commas),
        cmocka_unit_test(test_out_of_memory_gives_null_and_leaks_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
