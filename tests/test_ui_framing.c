/* The window's words follow who gives the advice: a tool's advice is "the
 * AI's", with weighted reasons and a model card; advice labelled as a
 * colleague's (a `source` other than "AI") is "the advice", with reasons in
 * words and no model card, from the card to the debrief. The learning
 * objectives come after the case, not before it. Texts are read from the
 * window's own drawing pass (audit mode), so what is checked is what is
 * drawn. */
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
#include "support.h"
#include "ui_app.h"
#include "text_cache.h"
#include "theme.h"

#define UP_MARK "\xe2\x96\xb2" /* the window's mark of a high value */

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

static int setup_no_score(void **state)
{
    return setup_with(state, "early_warning_none.lua");
}

static int setup_low_medium(void **state)
{
    return setup_with(state, "news2_low_medium.lua");
}

static int teardown(void **state)
{
    return app_fixture_close(state);
}

static void cmd(fixture *f, ui_cmd_kind k, int arg)
{
    app_fixture_cmd(f, k, arg);
}

/* Whether a text drawn on the current screen holds needle. The canvas is
 * tall, so that the scrolling body hides nothing; the audit keeps the first
 * 47 bytes of each text drawn (SHOW_DRAWN=1 prints them all). */
static bool drawn(app *a, const char *needle)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 6000, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(surf);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    assert_non_null(r);
    apperr e;
    text_cache *tc = text_cache_new(r, TEST_ASSETS_DIR "/fonts", &e);
    assert_non_null(tc);
    ui_ctx *c = calloc(1, sizeof *c);
    c->r = r;
    c->tc = tc;
    c->th = ui_theme_find("default");
    c->scale = 100;
    c->density = 1;
    c->w = 1280;
    c->h = 6000;
    c->audit = true;
    ui_ctx_metrics(c);
    screens_frame(c, a, 0);
    bool found = false;
    for (int i = 0; i < c->n_texts && !found; i++)
        found = strstr(c->texts[i].what, needle) != NULL;
    if (getenv("SHOW_DRAWN"))
        for (int i = 0; i < c->n_texts; i++)
            print_message("drawn: [%s]\n", c->texts[i].what);
    free(c);
    text_cache_free(tc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    return found;
}

static void test_objectives_come_after_the_case_not_before(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->a.screen, SCR_START);
    assert_true(drawn(&f->a, "Breathless after surgery")); /* the start screen is drawn */
    assert_false(drawn(&f->a, "Weigh a model's advice"));  /* but not the objectives */
    assert_false(drawn(&f->a, "What this case is about"));
    cmd(f, CMD_COMMIT, 0); /* start */
    cmd(f, CMD_COMMIT, 0); /* continue */
    cmd(f, CMD_PICK, 1);   /* initial: obs */
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4); /* confidence */
    cmd(f, CMD_COMMIT, 0);
    /* The advice of a tool: the AI's, with weighted reasons. */
    assert_true(drawn(&f->a, "AI recommends"));
    assert_true(drawn(&f->a, "Model card (M)"));
    cmd(f, CMD_EXPLANATION, 0);
    assert_true(drawn(&f->a, "Why the tool says this"));
    assert_true(drawn(&f->a, "raises"));
    cmd(f, CMD_PICK, 0); /* final: ctpa, against the advice */
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_TRUST);
    assert_true(drawn(&f->a, "How much do you trust this advice?"));
    cmd(f, CMD_PICK, 3);
    cmd(f, CMD_COMMIT, 0);
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    snprintf(field, cap, "Likely embolus.");
    cmd(f, CMD_COMMIT, 0); /* rationale */
    cmd(f, CMD_COMMIT, 0); /* feedback */
    cmd(f, CMD_ASK, 0);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 6);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0); /* the feedback after the advice */
    assert_int_equal(f->a.screen, SCR_ENDING);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
    assert_false(f->a.rc.by_person);
    assert_false(f->a.rc.items[0].by_person);
    assert_true(drawn(&f->a, "Learning objectives"));
    assert_true(drawn(&f->a, "Weigh a model's advice"));
    assert_true(drawn(&f->a, "The AI advised"));
    assert_true(drawn(&f->a, "Your reliance on the AI"));
}

static void test_a_colleagues_advice_is_never_called_the_ais(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0); /* start */
    assert_int_equal(app_view(&f->a).step, STEP_CHOOSE_INITIAL);
    assert_true(drawn(&f->a, "the advice follows"));
    cmd(f, CMD_PICK, 0); /* initial: scan */
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_CHOOSE_FINAL);
    assert_true(drawn(&f->a, "Medical registrar (phone)"));
    assert_true(drawn(&f->a, "Advised"));
    assert_true(drawn(&f->a, "Advises:"));
    assert_false(drawn(&f->a, "AI recommends"));
    assert_false(drawn(&f->a, "Recommends:"));
    assert_false(drawn(&f->a, "WardTriage")); /* a colleague is not the tool */
    assert_false(drawn(&f->a, "Model card (M)"));
    cmd(f, CMD_EXPLANATION, 0);
    assert_true(drawn(&f->a, "Their reasons"));
    assert_true(drawn(&f->a, "He had surgery two days ago"));
    assert_false(drawn(&f->a, "raises")); /* no weights */
    assert_false(drawn(&f->a, "lowers"));
    assert_false(drawn(&f->a, "Why the tool says this"));
    cmd(f, CMD_PICK, 0); /* final: scan, against the advice */
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_TRUST);
    assert_true(drawn(&f->a, "How much do you trust this advice?"));
    cmd(f, CMD_PICK, 5);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_RATIONALE);
    assert_true(drawn(&f->a, "You did not follow the advice."));
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    snprintf(field, cap, "He looks worse to me.");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0); /* the feedback after the advice */
    int screen_now = (int)f->a.screen;
    assert_int_equal(screen_now, SCR_ENDING);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
    assert_int_equal(f->a.rc.n, 1);
    assert_true(f->a.rc.items[0].by_person);
    assert_true(f->a.rc.by_person);
    assert_true(drawn(&f->a, "The advice:"));
    assert_true(drawn(&f->a, "Your reliance on the advice"));
    assert_false(drawn(&f->a, "The AI advised"));
    assert_false(drawn(&f->a, "the AI"));
}

/* early_warning = "none" (pregnancy, children): no NEWS2 line, and no value
 * flagged by NEWS2's adult bands; AVPU other than Alert is still flagged. A
 * case with the default shows both. */
static void test_a_case_with_no_early_warning_shows_no_score_and_no_adult_flags(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0); /* start */
    assert_int_equal(f->a.screen, SCR_CASE);
    assert_true(drawn(&f->a, "Observations"));
    assert_false(drawn(&f->a, "NEWS2"));
    assert_false(drawn(&f->a, "high"));        /* hr 135, rr 26: not marked high */
    assert_true(drawn(&f->a, "\xe2\x97\x86")); /* AVPU V stays flagged: its diamond */
}

static void test_a_case_with_news2_shows_the_score_and_its_flags(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0); /* start */
    assert_true(drawn(&f->a, "NEWS2"));
    assert_true(drawn(&f->a, "high")); /* hr 120 scores 2: marked high */
}

/* NEWS2 4 with a single parameter scoring 3 is low-medium (RCP 2017), an
 * urgent response: the line is marked as the higher bands are. */
static void test_a_low_medium_score_is_named_and_marked(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0); /* start */
    assert_true(drawn(&f->a, "low-medium risk " UP_MARK));
}

/* The teaching path fixes the variant a case is played in from the
 * library (teaching-path.txt: "ID VARIANT"), so that a path can open on the
 * AI right whoever plays; --variant still wins. */
static void test_the_teaching_path_plays_its_variant(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), *logs = test_tmpdir();
    char p[4200];
    snprintf(p, sizeof p, "%s/v.lua", dir);
    assert_int_equal(test_write_file(p,
                                     "return case { id = \"v\", version = \"1\", title = \"Vee\", "
                                     "variants = { \"x\", \"y\" }, start = \"a\", nodes = { a = { "
                                     "text = \"\", ending = { outcome = \"good\" } } } }\n"),
                     0);
    /* Whichever variant the trainee id would give, the path's is played. */
    for (int k = 0; k < 4; k++) {
        const char *path_variant = k % 2 ? "x" : "y", *other = k % 2 ? "y" : "x";
        bool forced = k >= 2;
        snprintf(p, sizeof p, "%s/teaching-path.txt", dir);
        assert_int_equal(test_write_file(p, k % 2 ? "v x\n" : "v y\n"), 0);
        app a;
        apperr e;
        app_opts o = {.library_dir = dir,
                      .log_dir = logs,
                      .trainee = "t1",
                      .variant = forced ? other : NULL,
                      .host_os = "test"};
        assert_int_equal(app_init(&a, &o, &e), 0);
        assert_int_equal(a.screen, SCR_LIBRARY);
        app_command(&a, (ui_cmd){CMD_OPEN_CASE, 0}, 1000);
        assert_int_equal(a.screen, SCR_START);
        app_command(&a, (ui_cmd){CMD_COMMIT, 0}, 2000);
        assert_int_equal(a.screen, SCR_ENDING);
        char *log = test_read_file(a.log_path, NULL);
        assert_non_null(log);
        char want[64];
        snprintf(want, sizeof want, "\"variant\":\"%s\"", forced ? other : path_variant);
        assert_non_null(strstr(log, want));
        free(log);
        app_free(&a);
    }
    test_rmtree(dir);
    test_rmtree(logs);
    free(dir);
    free(logs);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (SDL_Init(0) != 0 || TTF_Init() != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_objectives_come_after_the_case_not_before, setup_tool,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_colleagues_advice_is_never_called_the_ais,
                                        setup_colleague, teardown),
        cmocka_unit_test(test_the_teaching_path_plays_its_variant),
        cmocka_unit_test_setup_teardown(
            test_a_case_with_no_early_warning_shows_no_score_and_no_adult_flags, setup_no_score,
            teardown),
        cmocka_unit_test_setup_teardown(test_a_low_medium_score_is_named_and_marked,
                                        setup_low_medium, teardown),
        cmocka_unit_test_setup_teardown(test_a_case_with_news2_shows_the_score_and_its_flags,
                                        setup_colleague, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
