/* What the trainee takes away, as the window draws it: the feedback after a
 * decision (the verdict with its mark, the engine's words about their own
 * choice, the case's teaching text; "Time ran out" after a time out), the
 * ending with its outcome, and the end-of-case debrief (the outcome, each
 * decision's confidences, trust and reason, the reliance in words, the
 * teaching points and the objectives, the library's note on the AI's
 * errors). Each screen is drawn in a software renderer at 1366x768 and
 * 1920x1080, at 100% and 200% text, in both themes, with the drawn-text
 * audit: nothing may leave its box or the window or overlap, and the
 * texts that matter must be among those drawn. And the ending cannot be
 * skipped by a stray key: only Enter pressed and let go on it, or a single
 * click on its button, moves on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "app.h"
#include "case_load.h"
#include "draw.h"
#include "recap.h"
#include "screens.h"
#include "strbuf.h"
#include "support.h"
#include "text_cache.h"
#include "theme.h"
#include "window.h"

#define CHECK "\xe2\x9c\x93"
#define CROSS "\xe2\x9c\x97"
#define WARN_SIGN "\xe2\x9a\xa0"

typedef struct fixture {
    char *dir; /* the logs */
    char *lib; /* a library folder holding the case and a library.txt */
    app a;
    int64_t now;
} fixture;

/* window_case.lua, played from a library folder whose library.txt says its
 * AI errs more often than real tools. */
static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    f->lib = test_tmpdir();
    char path[1200];
    char *text = test_read_file(TEST_CASES_DIR "/window_case.lua", NULL);
    snprintf(path, sizeof path, "%s/window_case.lua", f->lib);
    assert_int_equal(test_write_file(path, text), 0);
    free(text);
    snprintf(path, sizeof path, "%s/library.txt", f->lib);
    assert_int_equal(test_write_file(path, "ai_errors: enriched\n"), 0);
    snprintf(path, sizeof path, "%s/window_case.lua", f->lib);
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 5};
    assert_int_equal(case_load(&c, path, &lo, &e), 0);
    app_opts o = {.c = c,
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = f->dir,
                  .host_os = "test"};
    assert_int_equal(app_init(&f->a, &o, &e), 0);
    f->now = 100000;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    app_free(&f->a);
    test_rmtree(f->dir);
    test_rmtree(f->lib);
    free(f->dir);
    free(f->lib);
    free(f);
    return 0;
}

static void cmd(fixture *f, ui_cmd_kind k, int arg)
{
    f->now += 1000;
    app_command(&f->a, (ui_cmd){k, arg}, f->now);
}

/* The first decision: first choice "obs" (the AI's), confidence 3; the
 * advice; final choice "ctpa" (the best), confidence 6, trust 2, a reason.
 * Ends at its feedback. */
static void first_decision(fixture *f)
{
    cmd(f, CMD_COMMIT, 0); /* start */
    cmd(f, CMD_COMMIT, 0); /* the narrative */
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 3);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 6);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 2);
    cmd(f, CMD_COMMIT, 0);
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    assert_non_null(field);
    snprintf(field, cap, "Post-op and **breathless**: embolus first"); /* stars as typed */
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
}

/* Past a feedback step, if the session shows one. */
static void past_feedback(fixture *f)
{
    if (f->a.screen == SCR_CASE && app_view(&f->a).step == STEP_FEEDBACK)
        cmd(f, CMD_COMMIT, 0);
}

/* The second decision: the advice asked for, "escalate" (the AI's and the
 * best), trust 6. Ends on the ending screen. */
static void second_decision(fixture *f)
{
    past_feedback(f);
    cmd(f, CMD_ASK, 0);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 6);
    cmd(f, CMD_COMMIT, 0);
    past_feedback(f);
    assert_int_equal(f->a.screen, SCR_ENDING);
}

/* ---- drawing --------------------------------------------------------------------- */

static const int SIZES[][2] = {{1366, 768}, {1920, 1080}};
static const int SCALES[] = {100, 200};
static const char *const THEMES[] = {"default", "high-contrast"};

/* Draws the app's screen once at w x h, scale and theme, with the audit;
 * fails naming the first text out of place. Returns every text drawn (each
 * run of a line, its first 47 bytes), a line each; free() it. */
static char *draw_at(app *a, int w, int h, int scale, const char *theme)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(surf);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    assert_non_null(r);
    apperr e;
    text_cache *tc = text_cache_new(r, TEST_ASSETS_DIR "/fonts", &e);
    assert_non_null(tc);
    ui_ctx *c = calloc(1, sizeof *c);
    c->r = r;
    c->tc = tc;
    c->th = ui_theme_find(theme);
    c->scale = scale;
    c->density = 1;
    c->w = w;
    c->h = h;
    c->audit = true;
    ui_ctx_metrics(c);
    screens_frame(c, a, 0);
    char why[512];
    int n = ui_audit_problems(c, why, sizeof why);
    bool all_audited = c->n_texts < UI_MAX_AUDIT;
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < c->n_texts; i++)
        strbuf_addf(&b, "%s\n", c->texts[i].what);
    if (getenv("SHOW_DRAWN"))
        fputs(strbuf_str(&b), stderr);
    char *all = strdup(strbuf_str(&b));
    strbuf_free(&b);
    free(c);
    text_cache_free(tc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    if (n || !all_audited) {
        free(all);
        fail_msg("at %dx%d, %d%%, %s: %d problem(s); %s%s", w, h, scale, theme, n, why,
                 all_audited ? "" : " (more texts than the audit keeps)");
    }
    return all;
}

/* The screen fits at every size, scale and theme, and each of the needles
 * (NULL-terminated) is among the texts drawn at each; none of the
 * forbidden ones is. */
static void expect_drawn(app *a, const char *const *needles, const char *const *forbidden)
{
    for (size_t s = 0; s < 2; s++)
        for (size_t k = 0; k < 2; k++)
            for (size_t t = 0; t < 2; t++) {
                char *all = draw_at(a, SIZES[s][0], SIZES[s][1], SCALES[k], THEMES[t]);
                const char *missing = NULL, *extra = NULL;
                for (const char *const *n = needles; *n && !missing; n++)
                    if (!strstr(all, *n))
                        missing = *n;
                for (const char *const *n = forbidden; n && *n && !extra; n++)
                    if (strstr(all, *n))
                        extra = *n;
                free(all);
                if (missing || extra)
                    fail_msg("'%s' is %s at %dx%d, %d%%, %s", missing ? missing : extra,
                             missing ? "not drawn" : "drawn", SIZES[s][0], SIZES[s][1], SCALES[k],
                             THEMES[t]);
            }
}

/* ---- the feedback ------------------------------------------------------------------ */

static void test_feedback_marks_the_choice_and_says_what_it_was(void **state)
{
    fixture *f = *state;
    first_decision(f);
    /* (The audit keeps the first 47 bytes of each run of a line drawn:
     * each needle starts a paragraph. Every sentence is test_feedback's.) */
    const char *const drawn[] = {CHECK " Your choice was among the best answers",
                                 "You chose Request a CT pulmonary angiogram",
                                 "The model was not trained on post-operative", "Continue (Enter)",
                                 NULL};
    const char *const not_drawn[] = {"Time ran out", NULL};
    expect_drawn(&f->a, drawn, not_drawn);
}

static void test_a_time_out_is_told_first_then_what_followed(void **state)
{
    fixture *f = *state;
    first_decision(f);
    past_feedback(f);
    int64_t left = app_time_left(&f->a, f->now);
    assert_true(left > 0);
    f->now += left;
    assert_true(app_tick(&f->a, f->now));
    /* The time out is told before the story moves on. */
    assert_int_equal(f->a.screen, SCR_CASE);
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
    const char *const drawn[] = {WARN_SIGN " Time ran out: you had not confirmed a",
                                 "The best answer was Call the critical care", NULL};
    const char *const not_drawn[] = {"You chose", NULL};
    expect_drawn(&f->a, drawn, not_drawn);
    cmd(f, CMD_COMMIT, 0); /* Continue: what followed */
    assert_int_equal(f->a.screen, SCR_ENDING);
    const char *const ending[] = {"Outcome: neutral", "Time ran out.", "He is treated late.", NULL};
    const char *const no_dash[] = {"\xe2\x80\x93 Outcome", NULL};
    expect_drawn(&f->a, ending, no_dash);
}

/* ---- the ending and the debrief ------------------------------------------------------- */

static void test_the_ending_shows_the_outcome_with_its_words(void **state)
{
    fixture *f = *state;
    first_decision(f);
    second_decision(f);
    const char *const drawn[] = {CHECK " Outcome: good", "Outreach arrive within minutes.",
                                 "He is treated and recovers.", "See your debrief (Enter)", NULL};
    const char *const not_drawn[] = {"\xe2\x80\x93 Outcome", NULL};
    expect_drawn(&f->a, drawn, not_drawn);
}

static void test_the_debrief_shows_everything_the_trainee_gave_and_takes_away(void **state)
{
    fixture *f = *state;
    first_decision(f);
    second_decision(f);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
    const char *const drawn[] = {
        "Your debrief",
        CHECK " Outcome: good",
        "Outreach arrive within minutes.",
        "Time taken:",
        "Your confidence:",
        "3 of 7 in your first choice, 6 of 7 in your fin",
        "Your trust in the advice:",
        "2 of 7",
        "Your reason:",
        "\xe2\x80\x9cPost-op and **breathless**: embolus first\xe2\x80\x9d",
        "Time to your final choice:",
        "Teaching point:",
        "The model's intended use excluded this patient.",
        "Your reliance on the AI",
        "You followed wrong advice 0 times out of 1.",
        "About the AI in these cases:",
        "Teaching points",
        "\xe2\x80\xa2 Sudden breathlessness after surgery is a pu",
        "Learning objectives",
        "\xe2\x80\xa2 Weigh a model's advice against the whole pi",
        NULL};
    const char *const not_drawn[] = {"n/a", "\xe2\x80\x93 Outcome", NULL};
    expect_drawn(&f->a, drawn, not_drawn);
}

/* A decision with no advice and no best answer that timed out: nothing is
 * said of advice or of a best answer there was none of. */
static void test_the_debrief_says_nothing_of_advice_or_best_answers_never_given(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 3};
    assert_int_equal(case_load(&c, TEST_DATA_DIR "/cli/timed.lua", &lo, &e), 0);
    app a;
    app_opts o = {.c = c, .trainee = "t", .have_seed = true, .seed = 3, .log_dir = dir};
    assert_int_equal(app_init(&a, &o, &e), 0);
    app_command(&a, (ui_cmd){CMD_COMMIT, 0}, 1000); /* start */
    assert_true(app_tick(&a, 1000 + 30000));
    const char *const timed_out[] = {WARN_SIGN " Time ran out: you had not confirmed a", NULL};
    expect_drawn(&a, timed_out, NULL);
    app_command(&a, (ui_cmd){CMD_COMMIT, 0}, 40000); /* Continue */
    app_command(&a, (ui_cmd){CMD_COMMIT, 0}, 41000); /* the ending */
    assert_int_equal(a.screen, SCR_DEBRIEF);
    const char *const drawn[] = {WARN_SIGN " Outcome: harm", "Your final choice:", NULL};
    const char *const not_drawn[] = {"Best answer:", "(not shown)",  "The advice",
                                     "not among",    "0 min passed", NULL};
    expect_drawn(&a, drawn, not_drawn);
    app_free(&a);
    test_rmtree(dir);
    free(dir);
}

/* ---- a stray key on the ending ------------------------------------------------------------ */

static void push(Uint32 type, SDL_Keycode k, Uint8 repeat)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    ev.key.repeat = repeat;
    ev.key.keysym.sym = k;
    assert_int_equal(SDL_PushEvent(&ev), 1);
}

static void push_click(int x, int y, Uint8 clicks)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.state = SDL_PRESSED;
    ev.button.clicks = clicks;
    ev.button.x = x;
    ev.button.y = y;
    assert_int_equal(SDL_PushEvent(&ev), 1);
}

static void push_quit(void)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_QUIT;
    assert_int_equal(SDL_PushEvent(&ev), 1);
}

/* The ending's button, where the window (800x600, 100%, high contrast)
 * draws it. */
static SDL_Point ending_button(app *a)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 600, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    apperr e;
    text_cache *tc = text_cache_new(r, TEST_ASSETS_DIR "/fonts", &e);
    ui_ctx *c = calloc(1, sizeof *c);
    *c = (ui_ctx){.r = r,
                  .tc = tc,
                  .th = ui_theme_find("high-contrast"),
                  .scale = 100,
                  .density = 1,
                  .w = 800,
                  .h = 600};
    ui_ctx_metrics(c);
    screens_frame(c, a, 0);
    SDL_Point p = {-1, -1};
    for (int i = 0; i < c->n_targets; i++)
        if (c->targets[i].cmd.kind == CMD_COMMIT)
            p = (SDL_Point){c->targets[i].r.x + c->targets[i].r.w / 2,
                            c->targets[i].r.y + c->targets[i].r.h / 2};
    free(c);
    text_cache_free(tc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    assert_true(p.x >= 0);
    return p;
}

/* Runs the window on the app with the events queued, then closes it. */
static void run_window(app *a)
{
    push_quit();
    window_opts wo = {.theme = "high-contrast",
                      .scale = 100,
                      .font_dir = TEST_ASSETS_DIR "/fonts",
                      .width = 800,
                      .height = 600};
    apperr e;
    assert_int_equal(window_run(a, &wo, &e), 0);
    assert_int_equal(SDL_Init(0), 0); /* window_run shut SDL and SDL_ttf down */
    assert_int_equal(TTF_Init(), 0);
}

static void test_a_stray_key_or_click_does_not_skip_the_outcome(void **state)
{
    fixture *f = *state;
    first_decision(f);
    second_decision(f);
    SDL_Point button = ending_button(&f->a);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_VIDEO), 0);
    push(SDL_KEYUP, SDLK_RETURN, 0);     /* let go: pressed on the screen before */
    push(SDL_KEYDOWN, SDLK_RETURN, 1);   /* a key held down repeats */
    push(SDL_KEYDOWN, SDLK_KP_ENTER, 0); /* pressed, not (yet) let go */
    push(SDL_KEYDOWN, SDLK_SPACE, 0);    /* other keys */
    push(SDL_KEYDOWN, SDLK_1, 0);
    push_click(button.x, button.y, 2); /* the second click of a double click */
    run_window(&f->a);
    assert_int_equal(f->a.screen, SCR_ENDING);
}

static void test_enter_pressed_and_let_go_on_the_ending_moves_on(void **state)
{
    fixture *f = *state;
    first_decision(f);
    second_decision(f);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_VIDEO), 0);
    push(SDL_KEYDOWN, SDLK_RETURN, 0);
    push(SDL_KEYUP, SDLK_RETURN, 0);
    run_window(&f->a);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
}

static void test_a_single_click_on_the_ending_button_moves_on(void **state)
{
    fixture *f = *state;
    first_decision(f);
    second_decision(f);
    SDL_Point button = ending_button(&f->a);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_VIDEO), 0);
    push_click(button.x, button.y, 1);
    run_window(&f->a);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (SDL_Init(0) != 0 || TTF_Init() != 0)
        return 1;
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_feedback_marks_the_choice_and_says_what_it_was),
        T(test_a_time_out_is_told_first_then_what_followed),
        T(test_the_ending_shows_the_outcome_with_its_words),
        T(test_the_debrief_shows_everything_the_trainee_gave_and_takes_away),
        cmocka_unit_test(test_the_debrief_says_nothing_of_advice_or_best_answers_never_given),
        T(test_a_stray_key_or_click_does_not_skip_the_outcome),
        T(test_enter_pressed_and_let_go_on_the_ending_moves_on),
        T(test_a_single_click_on_the_ending_button_moves_on),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
