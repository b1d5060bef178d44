/* The text mode's lines (engine/text/text_screen.h): what a screen reader
 * reads, line by line, must make sense with no colour and no layout: marks
 * in words, numbered options, no escapes unless bold headings are asked
 * for, and none at all under NO_COLOR. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "case_load.h"
#include "session.h"
#include "support.h"
#include "text_screen.h"

static const text_style plain = {.bold = false};

/* NO_COLOR, set to anything (even empty), a dumb terminal or output that
 * is not a terminal: no escape. Else bold headings. */
static void test_style_follows_no_color_and_terminal(void **state)
{
    (void)state;
    assert_true(text_style_for(true, NULL, "xterm-256color").bold);
    assert_false(text_style_for(true, "", "xterm").bold);
    assert_false(text_style_for(true, "1", "xterm").bold);
    assert_false(text_style_for(false, NULL, "xterm").bold);
    assert_false(text_style_for(true, NULL, "dumb").bold);
    assert_false(text_style_for(true, NULL, NULL).bold);
}

static void test_heading_is_plain_or_bold(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    text_heading(&b, &plain, "Your **debrief**");
    assert_string_equal(strbuf_str(&b), "\nYour debrief\n");
    strbuf_free(&b);
    text_style bold = {.bold = true};
    text_heading(&b, &bold, "Results");
    assert_string_equal(strbuf_str(&b), "\n\033[1mResults\033[0m\n");
    strbuf_free(&b);
}

/* The marks at 30 s and 10 s are said once, as their level begins (the
 * countdown rounds seconds up, as the window's does). */
static void test_timer_marks_and_waits(void **state)
{
    (void)state;
    assert_string_equal(text_timer_mark(30001, 30000), "30 seconds left: confirm soon.");
    assert_null(text_timer_mark(30000, 29000));
    assert_null(text_timer_mark(30500, 30001)); /* still shows 0:31 */
    assert_string_equal(text_timer_mark(10001, 10000), "10 seconds left: confirm now.");
    assert_string_equal(text_timer_mark(45000, 9000), "10 seconds left: confirm now.");
    assert_null(text_timer_mark(5000, 0)); /* the session says the time ran out */
    assert_null(text_timer_mark(5000, 6000));
    assert_int_equal(text_timer_next(45000), 15000);
    assert_int_equal(text_timer_next(30000), 20000);
    assert_int_equal(text_timer_next(10000), 10000);
    assert_int_equal(text_timer_next(0), 0);
    assert_int_equal(text_timer_next(-5), 0);
    strbuf b = STRBUF_INIT;
    text_time_limit(&b, 90000);
    assert_string_equal(strbuf_str(&b), "Time limit: 1:30 to confirm a choice.\n");
    strbuf_free(&b);
}

/* A session of the fixture at its first decision, without a log. */
static session *open_at_start(case_def *c)
{
    session_opts o = {.trainee = "t1",
                      .seed = 5,
                      .mode = "text",
                      .session_id = "x",
                      .engine_version = "0",
                      .host_os = "test"};
    session *s = NULL;
    apperr e;
    assert_int_equal(session_open(&s, c, &o, 0, &e), SESSION_OK);
    return s;
}

static void act(session *s, action_kind k, const char *text, int value, int64_t t)
{
    session_action a = {k, text, value};
    apperr e;
    assert_int_equal(session_act(s, &a, t, &e), SESSION_OK);
}

/* The node: the clock and each observation on a line, its mark in words;
 * the options numbered; the AI's pick and the first choice in words. */
static void test_node_and_options_in_words(void **state)
{
    (void)state;
    case_def *c = load_test_case("replay_timed.lua");
    session *s = open_at_start(c);
    session_view v = session_view_now(s);
    strbuf b = STRBUF_INIT;
    text_node(&b, &plain, c, &v, NULL);
    text_step(&b, &plain, c, &v);
    const char *out = strbuf_str(&b);
    assert_non_null(strstr(out, "\nfirst\n")); /* the node's id when it has no title */
    assert_non_null(strstr(out, "Case clock: 0 min.\n"));
    assert_non_null(strstr(out, "Observations:\nHR: 100 /min, high\nBP: 120/80 mmHg\n"));
    assert_non_null(strstr(out, "A patient.\n"));
    assert_non_null(strstr(out, "Make your own first choice; the advice follows.\n2 options:\n"
                                "1. A.\n2. B.\n"));
    strbuf_free(&b);

    act(s, ACT_CHOOSE, "a", 0, 1000);
    act(s, ACT_CONFIDENCE, NULL, 5, 2000);
    v = session_view_now(s);
    text_advice(&b, &plain, c, &v);
    text_step(&b, &plain, c, &v);
    text_keys(&b, c, &v);
    text_prompt(&b, &v);
    out = strbuf_str(&b);
    assert_non_null(strstr(out, "\nAI advice\nThe AI tool TestTool recommends: B.\n"
                                "Confidence: 70%.\nB.\n"));
    assert_non_null(strstr(out, "Your first choice was A. Keep it (press Enter) or change it.\n"));
    assert_non_null(strstr(out, "1. A. Your first choice.\n2. B. AI recommends.\n"));
    assert_non_null(strstr(out, "Keys: 1 to 2 choose, e the explanation, m the model card, r the "
                                "results, t the time left, s shows this again, q leaves the "
                                "case, h lists the keys.\n"));
    assert_non_null(strstr(out, "Type 1 to 2 and press Enter, or Enter alone to keep it.\n"));
    strbuf_free(&b);

    act(s, ACT_CHOOSE, "b", 0, 3000);
    v = session_view_now(s);
    text_step(&b, &plain, c, &v);
    assert_string_equal(strbuf_str(&b), "You chose B.\nConfidence, 1 to 7: how confident are you "
                                        "in this choice? 1 is not at all confident, 7 is "
                                        "completely confident.\n");
    strbuf_free(&b);
    session_close(s);
    case_free(c);
}

/* A time out: the feedback's headline says the time ran out. */
static void test_feedback_after_time_out(void **state)
{
    (void)state;
    case_def *c = load_test_case("replay_timed.lua");
    session *s = open_at_start(c);
    apperr e;
    assert_int_equal(session_tick(s, 61000, &e), SESSION_OK);
    session_view v = session_view_now(s);
    assert_int_equal(v.step, STEP_FEEDBACK);
    strbuf b = STRBUF_INIT;
    text_step(&b, &plain, c, &v);
    assert_non_null(strstr(strbuf_str(&b), "\nTime ran out"));
    strbuf_free(&b);
    session_close(s);
    case_free(c);
}

/* Observations a NEWS2 band flags say "high" or "low", never a symbol. */
static void test_flags_are_words(void **state)
{
    (void)state;
    case_def *c = load_test_case("news2_low_medium.lua");
    session *s = open_at_start(c);
    session_view v = session_view_now(s);
    strbuf b = STRBUF_INIT;
    text_node(&b, &plain, c, &v, NULL);
    const char *out = strbuf_str(&b);
    assert_non_null(strstr(out, "NEWS2: "));
    assert_true(strstr(out, ", high\n") || strstr(out, ", low\n"));
    assert_null(strstr(out, "\xe2\x96\xb2")); /* ▲ */
    assert_null(strstr(out, "\xe2\x96\xbc")); /* ▼ */
    assert_null(strchr(out, '\033'));
    strbuf_free(&b);
    session_close(s);
    case_free(c);
}

/* The library: numbered, with the teaching path and the last play in
 * words, then the time limits and the keys. */
static void test_library_list_in_words(void **state)
{
    (void)state;
    library_entry items[2] = {
        {.path = "a.lua", .id = "a", .title = "First case?", .minutes = 10, .played = PLAYED_GOOD},
        {.path = "b.lua", .id = "b", .title = "Second **case**", .minutes = 0},
    };
    library lib = {.items = items, .n = 2, .next = 1};
    strbuf b = STRBUF_INIT;
    text_library_list(&b, &plain, &lib, TIME_LIMITS_DOUBLE);
    assert_string_equal(strbuf_str(&b),
                        "\nCase library, 2 cases\n"
                        "1. First case? About 10 min. Played: good outcome.\n"
                        "2. Second case. Next on the teaching path.\n"
                        "Time limits: double.\n"
                        "Keys: 1 to 2 open a case, t changes the time limits, q quits.\n");
    strbuf_free(&b);
}

/* A sentence that ends with its own full stop, question or exclamation
 * mark gets no second one. */
static void test_sentences_end_once(void **state)
{
    (void)state;
    static const char *const in[] = {"No LBBB.", "Home?", "Now!", "Stable", ""};
    static const char *const out[] = {"No LBBB.", "Home?", "Now!", "Stable.", "."};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        strbuf b = STRBUF_INIT;
        strbuf_adds(&b, in[i]);
        text_end_sentence(&b);
        assert_string_equal(strbuf_str(&b), out[i]);
        strbuf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_style_follows_no_color_and_terminal),
        cmocka_unit_test(test_heading_is_plain_or_bold),
        cmocka_unit_test(test_timer_marks_and_waits),
        cmocka_unit_test(test_node_and_options_in_words),
        cmocka_unit_test(test_feedback_after_time_out),
        cmocka_unit_test(test_flags_are_words),
        cmocka_unit_test(test_library_list_in_words),
        cmocka_unit_test(test_sentences_end_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
