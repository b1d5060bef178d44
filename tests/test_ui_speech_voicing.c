/* test_ui_speech_voicing: when the window speaks and what (voicing.h), with
 * a voice that records instead of speaking: nothing while off; on, each
 * screen as it opens, the focus as it moves, the advice as it appears, a
 * rating's value as it changes, the timer's marks and a notice, each once;
 * the repeat key; turning it on and off; and speech that is unavailable
 * told once. The app is stepped with app_command, as the window does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "support.h"
#include "ui_app.h"
#include "voicing.h"

/* The recording voice: every announcement, and how many. */
static struct {
    char last[8192];
    int says;
} heard;

static int rec_say(void *ctx, const char *text)
{
    (void)ctx;
    snprintf(heard.last, sizeof heard.last, "%s", text);
    heard.says++;
    return 0;
}

static int rec_cancel(void *ctx)
{
    (void)ctx;
    return 0;
}

static speech *open_recorder(void)
{
    return speech_open_backend(&(speech_backend){NULL, rec_say, rec_cancel, NULL});
}

/* A voice that cannot be had (a speech log in a folder that is not there). */
static speech *open_nothing(void)
{
    setenv("APPRAISE_SPEECH_LOG", "/nonexistent-appraise/said.txt", 1);
    speech *s = speech_open();
    unsetenv("APPRAISE_SPEECH_LOG");
    return s;
}

typedef struct fixture {
    app_fixture *f;
    voicing v;
} fixture;

static int setup_with(void **state, const char *case_name)
{
    fixture *x = calloc(1, sizeof *x);
    void *inner = NULL;
    app_fixture_open(&inner, load_test_case(case_name));
    x->f = inner;
    voicing_init(&x->v, open_recorder);
    memset(&heard, 0, sizeof heard);
    *state = x;
    return 0;
}

static int setup(void **state)
{
    return setup_with(state, "window_case.lua");
}

static int setup_timed(void **state)
{
    return setup_with(state, "window_timed.lua");
}

static int teardown(void **state)
{
    fixture *x = *state;
    voicing_free(&x->v);
    void *inner = x->f;
    app_fixture_close(&inner);
    free(x);
    return 0;
}

/* A command, then the update the window makes after its frame. */
static void cmd(fixture *x, ui_cmd_kind k, int arg)
{
    app_fixture_cmd(x->f, k, arg);
    voicing_update(&x->v, &x->f->a, app_time_left(&x->f->a, x->f->now));
}

static void focus(fixture *x, ui_cmd_kind k, int arg)
{
    x->f->a.focus = (ui_cmd){k, arg};
    voicing_update(&x->v, &x->f->a, app_time_left(&x->f->a, x->f->now));
}

/* The last announcement holds want, and it was the n-th. */
static void heard_now(int n, const char *want)
{
    if (!strstr(heard.last, want))
        fail_msg("expected [%s] in [%s]", want, heard.last);
    assert_int_equal(heard.says, n);
}

static void test_nothing_is_said_while_off(void **state)
{
    fixture *x = *state;
    voicing_update(&x->v, &x->f->a, -1);
    cmd(x, CMD_COMMIT, 0);
    focus(x, CMD_COMMIT, 0);
    assert_int_equal(heard.says, 0);
    assert_null(x->v.sp); /* the engine was never started */
    voicing_repeat(&x->v);
    assert_int_equal(heard.says, 0);
}

static void test_on_from_the_start_says_the_first_screen(void **state)
{
    fixture *x = *state;
    voicing_start(&x->v, true);
    voicing_update(&x->v, &x->f->a, -1);
    heard_now(1, "Arthur Penhaligon-Wetherby, 71 M, Orthopaedic ward, 03:40. Breathless after "
                 "surgery");
    voicing_update(&x->v, &x->f->a, -1); /* nothing changed: nothing said */
    assert_int_equal(heard.says, 1);
}

static void test_screens_focus_advice_and_ratings_as_they_change(void **state)
{
    fixture *x = *state;
    voicing_start(&x->v, true);
    voicing_update(&x->v, &x->f->a, -1);
    cmd(x, CMD_COMMIT, 0); /* start */
    heard_now(2, "Bay 3, bed 2. Mr Penhaligon-Wetherby called the nurse");
    focus(x, CMD_COMMIT, 0);
    heard_now(3, "Continue.");
    cmd(x, CMD_COMMIT, 0);
    heard_now(4,
              "What do you do first? Make your own first choice; the advice follows. 3 options.");
    focus(x, CMD_PICK, 1);
    heard_now(5, "Option 2 of 3: Repeat observations in an hour.");
    cmd(x, CMD_PICK, 1); /* picked: focus stays, it is now selected */
    assert_int_equal(heard.says, 5);
    cmd(x, CMD_COMMIT, 0);
    heard_now(6, "Confidence, 1 to 7");
    cmd(x, CMD_PICK, 4);
    heard_now(7, "Confidence: 4 of 7. Selected.");
    cmd(x, CMD_PICK, 6);
    heard_now(8, "Confidence: 6 of 7. Selected.");
    cmd(x, CMD_COMMIT, 0); /* the advice shows with the second choice */
    heard_now(9, "Keep it or change it.");
    /* The card itself, between the question and the focus. */
    heard_now(9, "Keep it or change it. 3 options. The AI, WardTriage, recommends: Repeat "
                 "observations in an hour.");
    heard_now(9, "Option 2 of 3: Repeat observations in an hour. AI recommends. Your first "
                 "choice. Selected.");
    /* Leaving: the dialog, then back. */
    cmd(x, CMD_ESCAPE, 0);
    heard_now(10, "Leave this case? Your answers so far stay in the session log");
    heard_now(10, "Enter stays, L leaves.");
    cmd(x, CMD_STAY, 0);
    heard_now(11, "Keep it or change it.");
}

static void test_the_advice_is_said_as_it_appears(void **state)
{
    fixture *x = *state;
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_PICK, 1);
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_PICK, 4);
    voicing_set(&x->v, &x->f->a, true, -1);
    heard_now(1, "Self-voicing on. Arthur Penhaligon-Wetherby");
    heard_now(1, "You chose Repeat observations in an hour.");
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_PICK, 0);
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_PICK, 4);
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_PICK, 3);
    cmd(x, CMD_COMMIT, 0);
    assert_true(app_type(&x->f->a, "Likely embolus."));
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_COMMIT, 0); /* the next decision, whose advice is asked for */
    int n = heard.says;
    assert_false(app_view(&x->f->a).advice_shown);
    cmd(x, CMD_ASK, 0);
    assert_true(app_view(&x->f->a).advice_shown);
    heard_now(n + 1, "The AI, WardTriage, recommends:");
    assert_null(strstr(heard.last, "Arthur")); /* the card alone, not the screen again */
}

static void test_a_panel_is_said_as_it_opens_and_closes(void **state)
{
    fixture *x = *state;
    voicing_start(&x->v, true);
    cmd(x, CMD_COMMIT, 0);
    heard_now(1, "Bay 3, bed 2.");
    cmd(x, CMD_RESULTS, 0);
    heard_now(2, "Results, 1. D-dimer: 2.4 mg/L, high.");
    x->f->a.focus = (ui_cmd){CMD_RESULTS, 0}; /* clicked: the focus moves too */
    cmd(x, CMD_RESULTS, 0);
    heard_now(3, "Results hidden.");
    cmd(x, CMD_MODEL_CARD, 0);
    heard_now(4, "Model card: WardTriage 1.4.");
    cmd(x, CMD_MODEL_CARD, 0);
    heard_now(5, "Model card closed.");
}

static void test_the_timer_marks_and_notices_are_said_once(void **state)
{
    fixture *x = *state;
    voicing_start(&x->v, true);
    voicing_update(&x->v, &x->f->a, 45000);
    int n = heard.says;
    voicing_update(&x->v, &x->f->a, 31000);
    assert_int_equal(heard.says, n);
    voicing_update(&x->v, &x->f->a, 29500);
    heard_now(n + 1, "30 seconds left.");
    voicing_update(&x->v, &x->f->a, 20000);
    assert_int_equal(heard.says, n + 1);
    x->f->a.focus = (ui_cmd){CMD_ESCAPE, 0};
    voicing_update(&x->v, &x->f->a, 9000); /* a mark and a focus move: one announcement */
    heard_now(n + 2, "10 seconds left. Back.");
    cmd(x, CMD_COMMIT, 0);
    cmd(x, CMD_COMMIT, 0);
    n = heard.says;
    cmd(x, CMD_COMMIT, 0); /* nothing picked: the notice at the foot */
    heard_now(n + 1, "Pick an option first: press its number or click it.");
    voicing_update(&x->v, &x->f->a, -1);
    assert_int_equal(heard.says, n + 1);
}

/* play --watch: the preview's bar is said when it says something new, once. */
static void test_the_preview_bar_is_said_once(void **state)
{
    fixture *x = *state;
    voicing_start(&x->v, true);
    voicing_update(&x->v, &x->f->a, -1);
    int n = heard.says;
    snprintf(x->f->a.preview_bar, sizeof x->f->a.preview_bar,
             "case.lua:9: '}' expected near '3' (the last version that loaded is still playing)");
    voicing_update(&x->v, &x->f->a, -1);
    heard_now(n + 1, "case.lua:9: '}' expected near '3'");
    voicing_update(&x->v, &x->f->a, -1);
    assert_int_equal(heard.says, n + 1);
}

/* A 3 s limit runs out with the window asleep until it is due: the marks
 * crossed on the way and the time-out are said, "Time ran out" once. */
static void test_time_running_out_is_said(void **state)
{
    fixture *x = *state;
    voicing_start(&x->v, true);
    voicing_update(&x->v, &x->f->a, -1);
    cmd(x, CMD_COMMIT, 0); /* start: the limit runs */
    int64_t left = app_time_left(&x->f->a, x->f->now);
    assert_true(left > 0 && left <= 3000);
    heard_now(2, "What now?");
    x->f->now += left;
    app_tick(&x->f->a, x->f->now);
    voicing_update(&x->v, &x->f->a, app_time_left(&x->f->a, x->f->now));
    heard_now(3, "Time ran out: you had not confirmed a choice.");
    const char *again = strstr(heard.last, "Time ran out");
    assert_null(strstr(again + 1, "Time ran out"));
}

static void test_repeat_and_turning_off_and_on(void **state)
{
    fixture *x = *state;
    voicing_set(&x->v, &x->f->a, true, -1);
    heard_now(1, "Self-voicing on. Arthur Penhaligon-Wetherby");
    focus(x, CMD_COMMIT, 0);
    heard_now(2, "Start the case.");
    voicing_repeat(&x->v);
    heard_now(3, "Start the case.");
    assert_string_equal(heard.last, "Start the case.");
    voicing_set(&x->v, &x->f->a, false, -1);
    heard_now(4, "Self-voicing off.");
    cmd(x, CMD_COMMIT, 0);
    voicing_repeat(&x->v);
    assert_int_equal(heard.says, 4);
    voicing_set(&x->v, &x->f->a, true, -1); /* back on: where the trainee is now */
    heard_now(5, "Self-voicing on. Arthur Penhaligon-Wetherby, 71 M, Orthopaedic ward, 03:40. "
                 "Bay 3, bed 2.");
}

static void test_unavailable_speech_is_told_once(void **state)
{
    fixture *x = *state;
    voicing_free(&x->v);
    voicing_init(&x->v, open_nothing);
    assert_null(voicing_take_unavailable(&x->v)); /* off: nothing to tell */
    voicing_set(&x->v, &x->f->a, true, -1);
    const char *why = voicing_take_unavailable(&x->v);
    assert_non_null(why);
    assert_non_null(strstr(why, "Speech is unavailable"));
    assert_null(voicing_take_unavailable(&x->v));
    cmd(x, CMD_COMMIT, 0); /* the window goes on */
    assert_int_equal(x->f->a.screen, SCR_CASE);
    assert_null(voicing_take_unavailable(&x->v));
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_nothing_is_said_while_off),
        T(test_on_from_the_start_says_the_first_screen),
        T(test_screens_focus_advice_and_ratings_as_they_change),
        T(test_the_advice_is_said_as_it_appears),
        T(test_a_panel_is_said_as_it_opens_and_closes),
        T(test_the_timer_marks_and_notices_are_said_once),
        T(test_the_preview_bar_is_said_once),
        cmocka_unit_test_setup_teardown(test_time_running_out_is_said, setup_timed, teardown),
        T(test_repeat_and_turning_off_and_on),
        T(test_unavailable_speech_is_told_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
