/* What self-voicing says (engine/ui/announce.h), as text, with no audio:
 * every screen as it opens, every kind of focus, the advice card of a tool
 * and of a colleague, the timer's warnings, and no leak when an allocation
 * fails. An app is opened on the window's fixture cases and stepped with
 * app_command, as the window does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "announce.h"
#include "app.h"
#include "app_image.h"
#include "countdown.h"
#include "failing_alloc.h"
#include "mem.h"
#include "support.h"
#include "ui_app.h"

typedef app_fixture fixture;

static int setup_with(void **state, const char *case_name)
{
    return app_fixture_open(state, load_test_case(case_name));
}

static int setup_tool(void **state)
{
    return setup_with(state, "window_case.lua");
}

static int setup_colleague(void **state)
{
    return setup_with(state, "window_colleague.lua");
}

static int teardown(void **state)
{
    return app_fixture_close(state);
}

static void cmd(fixture *f, ui_cmd_kind k, int arg)
{
    app_fixture_cmd(f, k, arg);
}

/* The text of fn for the app, checked to be plain: no bold marks, none of
 * the window's symbols. SHOW_SPOKEN=1 prints it. */
static char *spoken(char *(*fn)(const app *), const app *a)
{
    char *s = fn(a);
    assert_non_null(s);
    if (getenv("SHOW_SPOKEN"))
        print_message("spoken: [%s]\n", s);
    assert_null(strstr(s, "**"));
    static const char *const marks[] = {
        "\xe2\x96\xb2", "\xe2\x96\xbc", "\xe2\x97\x86", "\xe2\x9c\x93",
        "\xe2\x9c\x97", "\xe2\x9a\xa0", "\xc2\xb7",     "\n"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        assert_null(strstr(s, marks[i]));
    return s;
}

static void says(char *(*fn)(const app *), const app *a, const char *want)
{
    char *s = spoken(fn, a);
    if (!strstr(s, want))
        fail_msg("expected [%s] in [%s]", want, s);
    mem_free(s);
}

static void says_not(char *(*fn)(const app *), const app *a, const char *unwanted)
{
    char *s = spoken(fn, a);
    if (strstr(s, unwanted))
        fail_msg("did not expect [%s] in [%s]", unwanted, s);
    mem_free(s);
}

static void says_exactly(char *(*fn)(const app *), const app *a, const char *want)
{
    char *s = spoken(fn, a);
    assert_string_equal(s, want);
    mem_free(s);
}

static void focus(fixture *f, ui_cmd_kind k, int arg)
{
    f->a.focus = (ui_cmd){k, arg};
}

/* From the start screen of window_case.lua to its first decision's second
 * choice, the advice showing: start, continue, "Repeat observations" with
 * confidence 4. */
static void to_second_choice(fixture *f)
{
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
}

static void test_every_screen_of_a_case_as_it_opens(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->a.screen, SCR_START);
    says(announce_screen, &f->a, "Arthur Penhaligon-Wetherby, 71 M, Orthopaedic ward, 03:40.");
    says(announce_screen, &f->a, "Breathless after surgery");
    says(announce_screen, &f->a, "Sudden breathlessness and pleuritic chest pain.");
    cmd(f, CMD_COMMIT, 0); /* start */
    assert_int_equal(app_view(&f->a).step, STEP_CONTINUE);
    says(announce_screen, &f->a,
         "Arthur Penhaligon-Wetherby, 71 M, Orthopaedic ward, 03:40. Bay 3, bed 2. "
         "Mr Penhaligon-Wetherby called the nurse: he is suddenly breathless and his chest "
         "hurts when he breathes in. His anticoagulant");
    says(announce_screen, &f->a, "SpO\xe2\x82\x82 89% to falling");
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_CHOOSE_INITIAL);
    says(announce_screen, &f->a,
         "The triage model. The ward's triage model has ranked him. What do you do first? "
         "Make your own first choice; the advice follows. 3 options.");
    cmd(f, CMD_PICK, 1); /* obs */
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_CONFIDENCE_INITIAL);
    says(announce_screen, &f->a,
         "You chose Repeat observations in an hour. Confidence, 1 to 7: How confident are you "
         "in this choice? 1 is not at all confident, 7 is completely confident.");
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_CHOOSE_FINAL);
    says(announce_screen, &f->a,
         "Your first choice was Repeat observations in an hour. Keep it or change it. 3 "
         "options.");
    cmd(f, CMD_PICK, 0); /* ctpa, against the advice */
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_TRUST);
    says(announce_screen, &f->a,
         "Trust, 1 to 7: How much do you trust this advice? 1 is do not trust at all, 7 is "
         "trust completely.");
    cmd(f, CMD_PICK, 3);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_RATIONALE);
    says(announce_screen, &f->a, "In a sentence or two: why did you decide this?");
    assert_true(app_type(&f->a, "Likely embolus."));
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
    says(announce_screen, &f->a, "Your choice was among the best answers.");
    says(announce_screen, &f->a, "The AI advised");
    says(announce_screen, &f->a, "its routine ranking missed a likely pulmonary embolus.");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_ASK, 0);
    cmd(f, CMD_PICK, 0); /* escalate */
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 6);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0); /* the feedback after the advice */
    assert_int_equal(f->a.screen, SCR_ENDING);
    says_exactly(announce_screen, &f->a,
                 "Outcome: good. Outreach arrive within minutes. He is treated and recovers.");
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
    says_exactly(announce_screen, &f->a, "Your debrief. Outcome: good.");
}

static void test_the_focused_control(void **state)
{
    fixture *f = *state;
    focus(f, CMD_COMMIT, 0);
    says_exactly(announce_focus, &f->a, "Start the case.");
    focus(f, CMD_ESCAPE, 0);
    says_exactly(announce_focus, &f->a, "Back.");
    focus(f, CMD_NONE, 0);
    says_exactly(announce_focus, &f->a, "");
    cmd(f, CMD_COMMIT, 0);
    focus(f, CMD_COMMIT, 0);
    says_exactly(announce_focus, &f->a, "Continue.");
    cmd(f, CMD_COMMIT, 0);
    focus(f, CMD_PICK, 1);
    says_exactly(announce_focus, &f->a, "Option 2 of 3: Repeat observations in an hour.");
    cmd(f, CMD_PICK, 1);
    says_exactly(announce_focus, &f->a, "Option 2 of 3: Repeat observations in an hour. Selected.");
    focus(f, CMD_COMMIT, 0);
    says_exactly(announce_focus, &f->a, "Confirm choice.");
    cmd(f, CMD_COMMIT, 0);
    focus(f, CMD_PICK, 5);
    says_exactly(announce_focus, &f->a, "Confidence: 5 of 7");
    cmd(f, CMD_PICK, 5);
    says_exactly(announce_focus, &f->a, "Confidence: 5 of 7. Selected.");
    cmd(f, CMD_COMMIT, 0);
    /* After the advice: the AI's option is marked, and the first choice. */
    focus(f, CMD_PICK, 1);
    says_exactly(announce_focus, &f->a,
                 "Option 2 of 3: Repeat observations in an hour. AI recommends. Your first "
                 "choice. Selected.");
    focus(f, CMD_PICK, 2);
    says_exactly(announce_focus, &f->a, "Option 3 of 3: Chest X-ray first.");
    focus(f, CMD_MODEL_CARD, 0);
    says_exactly(announce_focus, &f->a, "Model card.");
    focus(f, CMD_EXPLANATION, 0);
    says_exactly(announce_focus, &f->a, "Explanation.");
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    focus(f, CMD_PICK, 2);
    says_exactly(announce_focus, &f->a, "Trust: 2 of 7");
    cmd(f, CMD_PICK, 3);
    cmd(f, CMD_COMMIT, 0);
    focus(f, CMD_FIELD, 0);
    says_exactly(announce_focus, &f->a, "Your reason, text field");
    assert_true(app_type(&f->a, "Likely **embolus**"));
    says_exactly(announce_focus, &f->a, "Your reason, text field: Likely embolus");
    focus(f, CMD_STAY, 0);
    says_exactly(announce_focus, &f->a, "Stay.");
    focus(f, CMD_LEAVE, 0);
    says_exactly(announce_focus, &f->a, "Leave.");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
    focus(f, CMD_ASK, 0);
    says_exactly(announce_focus, &f->a, "Ask the AI.");
}

static void test_the_advice_card_of_a_tool(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
    says_exactly(announce_advice, &f->a, ""); /* not shown before the first choice */
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    says_exactly(announce_advice, &f->a,
                 "The AI, WardTriage, recommends: Repeat observations in an hour. 71 percent "
                 "confident. Review priority: ROUTINE. Observations within normal "
                 "post-operative range.");
}

static void test_a_colleagues_advice_is_advised_not_the_ais(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0); /* start */
    focus(f, CMD_PICK, 1);
    says_exactly(announce_focus, &f->a, "Option 2 of 2: Repeat observations in an hour.");
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_CHOOSE_FINAL);
    focus(f, CMD_PICK, 1);
    says_exactly(announce_focus, &f->a, "Option 2 of 2: Repeat observations in an hour. Advised.");
    says(announce_advice, &f->a,
         "Advice from Medical registrar (phone): Repeat observations in an hour.");
    says_not(announce_advice, &f->a, "AI");
    says_not(announce_advice, &f->a, "WardTriage");
    says_not(announce_screen, &f->a, "AI");
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    while (app_view(&f->a).step != STEP_FEEDBACK && app_view(&f->a).step != STEP_ENDED) {
        ui_cmd k = app_digit(&f->a, 4);
        if (k.kind != CMD_NONE)
            cmd(f, k.kind, k.arg);
        else
            assert_true(app_type(&f->a, "Scan first."));
        cmd(f, CMD_COMMIT, 0);
    }
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
    says(announce_screen, &f->a, "The advice was Repeat observations in an hour, which was wrong.");
    says_not(announce_screen, &f->a, "AI");
}

static void test_the_timer_speaks_at_30_and_10_seconds_and_when_time_runs_out(void **state)
{
    (void)state;
    assert_null(announce_timer(-1, -1));
    assert_null(announce_timer(60000, 31000));
    assert_string_equal(announce_timer(31000, 30000), "30 seconds left");
    assert_null(announce_timer(30000, 29000));
    assert_string_equal(announce_timer(10500, 9500), "10 seconds left");
    assert_string_equal(announce_timer(40000, 5000), "10 seconds left"); /* the later mark */
    assert_null(announce_timer(9000, 8000));
    assert_string_equal(announce_timer(1000, 0), "Time ran out: you had not confirmed a choice");
    assert_null(announce_timer(0, 0));
    /* the voice follows the drawn mark: "0:31" at 30.5 s, no mark yet */
    assert_int_equal(ui_countdown_level_of(30500), COUNTDOWN_CALM);
    assert_null(announce_timer(31000, 30500));
}

static void test_a_time_out_is_said_on_the_feedback(void **state)
{
    fixture *f = *state;
    to_second_choice(f);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 3);
    cmd(f, CMD_COMMIT, 0);
    assert_true(app_type(&f->a, "Likely embolus."));
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0); /* the timed decision */
    int64_t left = app_time_left(&f->a, f->now);
    assert_true(left > 30000);
    assert_string_equal(announce_timer(left, 30000), "30 seconds left");
    f->now += left + 1;
    app_tick(&f->a, f->now);
    assert_int_equal(f->a.screen, SCR_CASE);
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
    says(announce_screen, &f->a,
         "Time ran out: you had not confirmed a choice. The best answer was Call the critical "
         "care outreach team. You did not ask for the AI's advice.");
}

static void test_the_library_and_errors(void **state)
{
    fixture *f = *state;
    f->a.screen = SCR_TRAINEE;
    says_exactly(announce_screen, &f->a, "Who is playing? Type your trainee id, then press Enter.");
    focus(f, CMD_FIELD, 0);
    says_exactly(announce_focus, &f->a, "Your trainee id, text field: t1"); /* what it holds */
    f->a.trainee[0] = '\0';
    says_exactly(announce_focus, &f->a, "Your trainee id, text field");
    f->a.screen = SCR_LIBRARY;
    says_exactly(announce_screen, &f->a, "Case library, 0 cases.");
    f->a.screen = SCR_ERROR;
    snprintf(f->a.error, sizeof f->a.error, "case.lua:3: **bad** value");
    says_exactly(announce_screen, &f->a, "The case stopped. case.lua:3: bad value.");
    f->a.screen = SCR_START;
}

/* The real library: how many cases, the next on the teaching path, a case
 * by its title as focus reaches it. */
static void test_the_library_of_scenarios(void **state)
{
    (void)state;
    app a;
    apperr e;
    char *dir = test_tmpdir();
    app_opts o = {.library_dir = SCENARIOS_DIR, .trainee = "t1", .log_dir = dir, .host_os = "test"};
    assert_int_equal(app_init(&a, &o, &e), 0);
    assert_int_equal(a.screen, SCR_LIBRARY);
    assert_true(a.lib.n > 1);
    assert_true(a.lib.next >= 0);
    char want[512];
    snprintf(want, sizeof want, "Case library, %zu cases. Next on the teaching path: %s", a.lib.n,
             a.lib.items[a.lib.next].title);
    says(announce_screen, &a, want);
    a.focus = (ui_cmd){CMD_OPEN_CASE, 1};
    snprintf(want, sizeof want, "Case: %s", a.lib.items[1].title);
    says(announce_focus, &a, want);
    app_free(&a);
    test_rmtree(dir);
    free(dir);
}

/* The screen's text for the clipboard holds want (lines and all), and no
 * layout marks. */
static void copies(const app *a, const char *want)
{
    char *s = announce_copy(a);
    assert_non_null(s);
    if (getenv("SHOW_SPOKEN"))
        print_message("copied: [%s]\n", s);
    assert_null(strstr(s, "**"));
    if (!strstr(s, want))
        fail_msg("expected [%s] in [%s]", want, s);
    mem_free(s);
}

static void test_the_screens_text_for_the_clipboard(void **state)
{
    fixture *f = *state;
    copies(&f->a, "Arthur Penhaligon-Wetherby, 71 M, Orthopaedic ward, 03:40. Breathless");
    to_second_choice(f); /* keep it or change it, with the advice */
    copies(&f->a, "Keep it or change it. 3 options.\n"
                  "Option 1 of 3: Request a CT pulmonary angiogram and start treatment-dose "
                  "anticoagulation now, after checking the bleeding risk with the surgeons.\n"
                  "Option 2 of 3: Repeat observations in an hour. AI recommends. Your first "
                  "choice. Selected.\n"
                  "Option 3 of 3: Chest X-ray first.\n\n"
                  "The AI, WardTriage, recommends: Repeat observations in an hour. 71 percent "
                  "confident.");
    copies(&f->a, "\n\nObservations: NEWS2 11, high risk.\nHR 124 /min, high\n");
    copies(&f->a, "\nTemp 37.4 \xc2\xb0"
                  "C\n");
    cmd(f, CMD_COMMIT, 0); /* nothing picked? the first choice is: it commits */
    cmd(f, CMD_ESCAPE, 0);
    copies(&f->a, "Leave this case?");
    char *s = announce_copy(&f->a);
    assert_null(strstr(s, "Option 1")); /* the dialog alone */
    mem_free(s);
    cmd(f, CMD_STAY, 0);
    f->a.picked = -1;
    snprintf(f->a.notice, sizeof f->a.notice, "Pick a **rating** first.");
    copies(&f->a, "\n\nPick a rating first.");
    /* play --watch: the preview's bar, after the notice */
    snprintf(f->a.preview_bar, sizeof f->a.preview_bar, "case.lua:9: '}' expected near '3'");
    copies(&f->a, "\n\nPick a rating first.\n\ncase.lua:9: '}' expected near '3'");
}

static char *explanation(const app *a)
{
    return announce_panel(a, CMD_EXPLANATION);
}

static char *model_card(const app *a)
{
    return announce_panel(a, CMD_MODEL_CARD);
}

static char *results(const app *a)
{
    return announce_panel(a, CMD_RESULTS);
}

/* The panels E, M and R open, as they open: the advice's reasons with
 * their signed weights, the tool's model card, the results revealed. */
static void test_the_panels(void **state)
{
    fixture *f = *state;
    says_exactly(results, &f->a, ""); /* not on the case screen yet */
    to_second_choice(f);              /* the advice shows */
    says_exactly(explanation, &f->a,
                 "Why the tool says this: Recent surgery (expected tachycardia), lowers 0.31. "
                 "Respiratory rate 28 /min, raises 0.22. On oxygen, raises 0.09.");
    says_exactly(model_card, &f->a,
                 "Model card: WardTriage 1.4. triage model. Intended use: Adult ward patients; "
                 "ranks who needs review first. Performance: auroc 0.84, sensitivity 0.78, "
                 "specificity 0.81. Training data: 2016\xe2\x80\x93"
                 "2020 ward observations from two teaching hospitals. Limitations: Not trained "
                 "on post-operative patients. Ignores the drug chart.");
    says_exactly(results, &f->a, "Results, 1. D-dimer: 2.4 mg/L, high.");
}

/* Each function, with every allocation failing in turn: NULL and nothing
 * left behind, or the text. */
static void no_leak(char *(*fn)(const app *), const app *a)
{
    for (long n = 0;; n++) {
        failing_alloc_install();
        long live = alloc_live;
        alloc_fail_in = n;
        char *s = fn(a);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        mem_free(s);
        long after = alloc_live;
        failing_alloc_remove();
        assert_int_equal(after, live);
        if (!failed) {
            assert_non_null(s);
            return;
        }
    }
}

static int setup_images(void **state)
{
    return setup_with(state, "image_case.lua");
}

/* A node's image is said by its words with the screen; focused, by its
 * words and how to open it; full size, by its place and its words. */
static void test_images_are_said_by_their_words(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0); /* start: the node with its picture */
    says(announce_screen, &f->a,
         "Look at the picture, then choose. Image: The same wide green picture. Which way?");
    const case_image *list[APP_IMAGES_MAX];
    size_t n = app_images(&f->a, list, APP_IMAGES_MAX);
    int node_image = -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i]->alt, "The same wide green picture.") == 0)
            node_image = (int)i;
    assert_true(node_image >= 0);
    f->a.focus = (ui_cmd){CMD_IMAGE, node_image};
    says_exactly(announce_focus, &f->a,
                 "Image: The same wide green picture. Enter opens it full size.");
    cmd(f, CMD_IMAGE, node_image);
    assert_int_equal(f->a.image_view, node_image + 1);
    char want[128];
    snprintf(want, sizeof want, "Image %d of %zu. The same wide green picture.", node_image + 1, n);
    says(announce_screen, &f->a, want);
}

/* The leave dialogs, before the case starts and during it, and the ending
 * and debrief of a case left. */
static void test_leaving_before_and_during_a_case(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->a.screen, SCR_START);
    cmd(f, CMD_ESCAPE, 0);
    says_exactly(announce_screen, &f->a,
                 "Leave without starting? No session log has been written yet. Enter stays, L "
                 "leaves.");
    cmd(f, CMD_STAY, 0);
    cmd(f, CMD_COMMIT, 0); /* start */
    cmd(f, CMD_ESCAPE, 0);
    says(announce_screen, &f->a, "Leave this case? Your answers so far stay in the session log");
    cmd(f, CMD_LEAVE, 0);
    assert_int_equal(f->a.screen, SCR_ENDING);
    says_exactly(announce_screen, &f->a,
                 "You left the case. Your answers up to here are in the session log, which "
                 "records that you left.");
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
    says_exactly(announce_screen, &f->a, "Your debrief. You left the case before its end.");
}

static void test_no_leak_when_an_allocation_fails(void **state)
{
    fixture *f = *state;
    no_leak(announce_screen, &f->a);
    to_second_choice(f);
    focus(f, CMD_PICK, 1);
    no_leak(announce_screen, &f->a);
    no_leak(announce_focus, &f->a);
    no_leak(announce_advice, &f->a);
    no_leak(announce_copy, &f->a);
    no_leak(explanation, &f->a);
    no_leak(model_card, &f->a);
    no_leak(results, &f->a);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 3);
    cmd(f, CMD_COMMIT, 0);
    assert_true(app_type(&f->a, "Likely embolus."));
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
    no_leak(announce_screen, &f->a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_screen_of_a_case_as_it_opens, setup_tool,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_focused_control, setup_tool, teardown),
        cmocka_unit_test_setup_teardown(test_the_advice_card_of_a_tool, setup_tool, teardown),
        cmocka_unit_test_setup_teardown(test_a_colleagues_advice_is_advised_not_the_ais,
                                        setup_colleague, teardown),
        cmocka_unit_test(test_the_timer_speaks_at_30_and_10_seconds_and_when_time_runs_out),
        cmocka_unit_test_setup_teardown(test_a_time_out_is_said_on_the_feedback, setup_tool,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_library_and_errors, setup_tool, teardown),
        cmocka_unit_test_setup_teardown(test_the_screens_text_for_the_clipboard, setup_tool,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_panels, setup_tool, teardown),
        cmocka_unit_test_setup_teardown(test_images_are_said_by_their_words, setup_images,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_leaving_before_and_during_a_case, setup_tool,
                                        teardown),
        cmocka_unit_test(test_the_library_of_scenarios),
        cmocka_unit_test_setup_teardown(test_no_leak_when_an_allocation_fails, setup_tool,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
