/* test_ui_flow: how the window moves a trainee along. The leave dialog
 * stays unless asked to leave; "keep it or change it" comes with the first
 * choice picked; the library leaves on Esc or Ctrl+Q, marks the cases the
 * trainee has played with their outcome (from their logs), suggests the
 * next case on the teaching path and returns the focus to the case just
 * played; a disabled button is dashed, not only dimmed; the header's clock
 * is the case's simulated clock (with a start time, the story's time of
 * day); and the draw log records what was shown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "announce.h"
#include "app.h"
#include "case_load.h"
#include "draw_log.h"
#include "library_played.h"
#include "mem.h"
#include "support.h"
#include "ui_sdl.h"
#include "ui_app.h"
#include "ui_canvas.h"
#include "window.h"

#define DOT_TEXT "\xc2\xb7" /* the middle dot the header puts between its parts */

typedef app_fixture fixture;

/* The window over case c (owned by the app from here). */
static int fixture_open(void **state, case_def *c)
{
    return app_fixture_open(state, c);
}

static int fixture_setup(void **state)
{
    return fixture_open(state, load_test_case("window_case.lua"));
}

static int fixture_teardown(void **state)
{
    return app_fixture_close(state);
}

static void cmd(fixture *f, ui_cmd_kind k, int arg)
{
    app_fixture_cmd(f, k, arg);
}

static bool focus_is(const app *a, ui_cmd_kind k, int arg)
{
    return ui_cmd_eq(a->focus, (ui_cmd){k, arg});
}

static char *log_text(fixture *f)
{
    char *text = test_read_file(f->a.log_path, NULL);
    assert_non_null(text);
    return text;
}

/* ---- the leave dialog ---------------------------------------------------------- */

/* The grid of the render tests: 1366x768 and 1920x1080, at 100%
 * and 200% text, in both themes. Each text of texts (NULL-terminated) is
 * drawn in region at every point of it. */
static void expect_drawn_grid(app *a, int64_t now, ui_region region, const char *const *texts)
{
    static const int sizes[][2] = {{1366, 768}, {1920, 1080}};
    static const int scales[] = {100, 200};
    static const char *const themes[] = {"default", "high-contrast"};
    for (size_t s = 0; s < 2; s++)
        for (size_t k = 0; k < 2; k++)
            for (size_t t = 0; t < 2; t++) {
                canvas cv;
                canvas_open(&cv, sizes[s][0], sizes[s][1], scales[k], themes[t]);
                canvas_frame(&cv, a, now);
                for (const char *const *x = texts; *x; x++)
                    if (!canvas_find(&cv, region, *x))
                        fail_msg("'%s' is not drawn at %dx%d, %d%%, %s", *x, sizes[s][0],
                                 sizes[s][1], scales[k], themes[t]);
                canvas_close(&cv);
            }
}

static void test_leave_dialog_defaults_to_stay(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0); /* start */
    cmd(f, CMD_COMMIT, 0); /* continue */
    cmd(f, CMD_PICK, 1);
    assert_true(focus_is(&f->a, CMD_PICK, 1));
    cmd(f, CMD_ESCAPE, 0);
    assert_true(f->a.confirm_leave);
    assert_true(focus_is(&f->a, CMD_STAY, 0)); /* Stay is focused: Enter presses it */
    cmd(f, CMD_COMMIT, 0);                     /* Enter */
    assert_false(f->a.confirm_leave);
    assert_int_equal(f->a.screen, SCR_CASE);
    assert_true(focus_is(&f->a, CMD_PICK, 1)); /* back where the trainee was */
    assert_int_equal(f->a.picked, 1);
    char *text = log_text(f);
    assert_null(strstr(text, "session_end"));
    free(text);
    /* The dialog drawn: Stay first and focused, Leave a separate choice. */
    canvas cv;
    canvas_open(&cv, 1280, 800, 100, "high-contrast");
    cmd(f, CMD_ESCAPE, 0);
    canvas_frame(&cv, &f->a, f->now);
    assert_true(ui_cmd_eq(ui_focus_at(&cv.ctx, 0), (ui_cmd){CMD_STAY, 0}));
    assert_non_null(canvas_find(&cv, REGION_MODAL, "Stay (Enter)"));
    assert_non_null(canvas_find(&cv, REGION_MODAL, "Leave (L)"));
    canvas_close(&cv);
    static const char *const dialog[] = {"Stay (Enter)", "Leave (L)", NULL};
    expect_drawn_grid(&f->a, f->now, REGION_MODAL, dialog);
    cmd(f, CMD_LEAVE, 0);
    assert_int_equal(f->a.screen, SCR_ENDING);
    text = log_text(f);
    assert_non_null(strstr(text, "\"status\":\"quit\""));
    free(text);
}

static void test_leave_dialog_before_the_start_stays_on_enter(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_ESCAPE, 0);
    assert_true(f->a.confirm_leave);
    cmd(f, CMD_COMMIT, 0);
    assert_true(f->a.running);
    assert_false(f->a.confirm_leave);
    assert_int_equal(f->a.screen, SCR_START);
    cmd(f, CMD_ESCAPE, 0);
    cmd(f, CMD_ESCAPE, 0); /* Esc again: stays too */
    assert_true(f->a.running);
    cmd(f, CMD_ESCAPE, 0);
    cmd(f, CMD_LEAVE, 0);
    assert_false(f->a.running);
}

/* ---- keep it or change it ---------------------------------------------------- */

static void test_final_choice_comes_with_the_first_choice_picked(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 2);
    cmd(f, CMD_COMMIT, 0); /* initial: the third option */
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0); /* confidence */
    session_view v = app_view(&f->a);
    assert_int_equal(v.step, STEP_CHOOSE_FINAL);
    assert_int_equal(f->a.picked, 2);
    assert_true(focus_is(&f->a, CMD_PICK, 2));
    /* A panel opened and closed keeps the pick; a new pick replaces it. */
    cmd(f, CMD_EXPLANATION, 0);
    assert_int_equal(f->a.picked, 2);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_EXPLANATION, 0);
    assert_int_equal(f->a.picked, 0);
    cmd(f, CMD_PICK, 2);
    cmd(f, CMD_COMMIT, 0); /* Enter keeps it */
    assert_int_equal(app_view(&f->a).step, STEP_CONFIDENCE_FINAL);
    char *text = log_text(f);
    free(text);
    assert_int_equal(f->a.picked, -1); /* the rating starts unpicked */
}

/* ---- the library ------------------------------------------------------------- */

static void write_case(const char *dir, const char *id)
{
    char path[4096], text[2048];
    int k = snprintf(path, sizeof path, "%s/%s.lua", dir, id);
    assert_true(k > 0 && (size_t)k < sizeof path);
    snprintf(text, sizeof text,
             "return case {\n"
             "  id = '%s', version = '1.0', title = 'Case %s', start = 'q',\n"
             "  nodes = {\n"
             "    q = { text = 'Now?', decision = { options = {\n"
             "      { id = 'good', label = 'Good', next = 'g' },\n"
             "      { id = 'bad', label = 'Bad', next = 'b' } } } },\n"
             "    g = { text = 'Fine.', ending = { outcome = 'good', summary = 'Fine.' } },\n"
             "    b = { text = 'Not.', ending = { outcome = 'harm', summary = 'Harm.' } },\n"
             "  },\n"
             "}\n",
             id, id);
    assert_int_equal(test_write_file(path, text), 0);
}

typedef struct lib_fixture {
    char *dir;
    char cases[1024], logs[1024];
    app a;
    int64_t now;
} lib_fixture;

static int lib_setup(void **state)
{
    lib_fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    snprintf(f->cases, sizeof f->cases, "%s/cases", f->dir);
    snprintf(f->logs, sizeof f->logs, "%s/logs", f->dir);
    char cmdline[2200];
    snprintf(cmdline, sizeof cmdline, "mkdir -p '%s' '%s'", f->cases, f->logs);
    assert_int_equal(system(cmdline), 0);
    write_case(f->cases, "alpha");
    write_case(f->cases, "bravo");
    write_case(f->cases, "zulu"); /* not on the path */
    char path[1100];
    snprintf(path, sizeof path, "%s/teaching-path.txt", f->cases);
    assert_int_equal(test_write_file(path, "alpha\nbravo\n"), 0);
    *state = f;
    return 0;
}

static int lib_teardown(void **state)
{
    lib_fixture *f = *state;
    app_free(&f->a);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void lib_open(lib_fixture *f, const char *trainee)
{
    app_opts o = {.library_dir = f->cases,
                  .trainee = trainee,
                  .have_seed = true,
                  .seed = 1,
                  .log_dir = f->logs,
                  .host_os = "test"};
    apperr e;
    assert_int_equal(app_init(&f->a, &o, &e), 0);
    f->now = 1000;
}

static void lib_cmd(lib_fixture *f, ui_cmd_kind k, int arg)
{
    f->now += 1000;
    app_command(&f->a, (ui_cmd){k, arg}, f->now);
}

static int entry_of(const library *lib, const char *id)
{
    for (size_t i = 0; i < lib->n; i++)
        if (lib->items[i].id && strcmp(lib->items[i].id, id) == 0)
            return (int)i;
    fail_msg("no case %s in the library", id);
    return -1;
}

/* Opens the case id from the library and plays option (0 good, 1 bad) to
 * its ending and through the debrief, or leaves it (option -1). */
static void play(lib_fixture *f, const char *id, int option)
{
    int i = entry_of(&f->a.lib, id);
    lib_cmd(f, CMD_OPEN_CASE, i);
    assert_int_equal(f->a.screen, SCR_START);
    lib_cmd(f, CMD_COMMIT, 0); /* start */
    if (option < 0) {
        lib_cmd(f, CMD_ESCAPE, 0);
        lib_cmd(f, CMD_LEAVE, 0);
    } else {
        lib_cmd(f, CMD_PICK, option);
        lib_cmd(f, CMD_COMMIT, 0);
    }
    while (f->a.screen == SCR_CASE) /* the feedback, when the session shows one */
        lib_cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_ENDING);
    lib_cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
    lib_cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_LIBRARY);
}

static void test_library_marks_played_cases_and_suggests_the_next(void **state)
{
    lib_fixture *f = *state;
    lib_open(f, "t1");
    library *lib = &f->a.lib;
    int alpha = entry_of(lib, "alpha"), bravo = entry_of(lib, "bravo");
    int zulu = entry_of(lib, "zulu");
    assert_int_equal(lib->next, alpha); /* nothing played: the path's first */
    assert_true(focus_is(&f->a, CMD_OPEN_CASE, alpha));
    play(f, "alpha", 1);
    assert_int_equal(lib->items[alpha].played, PLAYED_HARM);
    assert_int_equal(lib->items[bravo].played, PLAYED_NOT);
    assert_int_equal(lib->next, bravo);
    assert_true(focus_is(&f->a, CMD_OPEN_CASE, alpha)); /* back on the case just played */
    play(f, "bravo", -1);
    assert_int_equal(lib->items[bravo].played, PLAYED_LEFT);
    assert_int_equal(lib->next, bravo); /* left before the end: still next */
    assert_true(focus_is(&f->a, CMD_OPEN_CASE, bravo));
    play(f, "zulu", 0);
    assert_int_equal(lib->items[zulu].played, PLAYED_GOOD);
    assert_true(focus_is(&f->a, CMD_OPEN_CASE, zulu));
    /* Drawn: the marks in words and shapes. */
    canvas cv;
    canvas_open(&cv, 1280, 800, 100, "high-contrast");
    canvas_frame(&cv, &f->a, f->now);
    assert_non_null(canvas_find(&cv, REGION_BODY, "Next on the teaching path"));
    /* Marked as the ending screen marks outcomes: never a tick beside harm. */
    assert_non_null(canvas_find(&cv, REGION_BODY, "\xe2\x9a\xa0 Played: harm"));
    assert_non_null(canvas_find(&cv, REGION_BODY, "\xe2\x80\x93 Played: left before the end"));
    assert_non_null(canvas_find(&cv, REGION_BODY, "\xe2\x9c\x93 Played: good outcome"));
    canvas_close(&cv);
    static const char *const marks[] = {"Next on the teaching path", "Played: harm",
                                        "Played: good outcome", NULL};
    expect_drawn_grid(&f->a, f->now, REGION_BODY, marks);
    bravo = entry_of(lib, "bravo");
    play(f, "bravo", 0);
    assert_int_equal(lib->next, -1); /* the whole path done */
    app_free(&f->a);
    /* The marks survive a restart (they come from the logs)... */
    lib_open(f, "t1");
    assert_int_equal(f->a.lib.items[alpha].played, PLAYED_HARM);
    assert_int_equal(f->a.lib.items[bravo].played, PLAYED_GOOD);
    app_free(&f->a);
    /* ...and are the trainee's own: another trainee has played nothing. */
    lib_open(f, "t2");
    for (size_t i = 0; i < f->a.lib.n; i++)
        assert_int_equal(f->a.lib.items[i].played, PLAYED_NOT);
    assert_int_equal(f->a.lib.next, alpha);
}

static void test_library_marks_after_the_trainee_id_is_typed(void **state)
{
    lib_fixture *f = *state;
    lib_open(f, "t1");
    play(f, "alpha", 0);
    app_free(&f->a);
    lib_open(f, NULL); /* asked for the id */
    int alpha = entry_of(&f->a.lib, "alpha"), bravo = entry_of(&f->a.lib, "bravo");
    assert_int_equal(f->a.lib.items[alpha].played, PLAYED_NOT);
    assert_true(focus_is(&f->a, CMD_FIELD, 0));
    snprintf(f->a.trainee, sizeof f->a.trainee, "t1");
    lib_cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.lib.items[alpha].played, PLAYED_GOOD);
    assert_true(focus_is(&f->a, CMD_OPEN_CASE, bravo)); /* the next on the path */
}

/* An author's practice in the trainee's folder (play --from, --watch, run)
 * is not the trainee's play of the case: no mark. */
static void test_library_marks_leave_out_practice_sessions(void **state)
{
    lib_fixture *f = *state;
    lib_open(f, "t1");
    play(f, "alpha", 0);
    char path[4096];
    snprintf(path, sizeof path, "%s", f->a.log_path);
    app_free(&f->a);
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    char *mode = strstr(text, "\"mode\":\"play\"");
    assert_non_null(mode);
    /* The same session, as `play --from` would have logged it. */
    size_t head = (size_t)(mode - text);
    char *edited = malloc(strlen(text) + 64);
    assert_non_null(edited);
    snprintf(edited, strlen(text) + 64, "%.*s\"mode\":\"play\",\"from\":\"q\"%s", (int)head,
             text, mode + strlen("\"mode\":\"play\""));
    assert_int_equal(test_write_file(path, edited), 0);
    free(edited);
    free(text);
    lib_open(f, "t1");
    assert_int_equal(f->a.lib.items[entry_of(&f->a.lib, "alpha")].played, PLAYED_NOT);
}

static void test_library_marks_ignore_a_missing_or_damaged_log_folder(void **state)
{
    lib_fixture *f = *state;
    char path[1100];
    snprintf(path, sizeof path, "%s/not-a-log.jsonl", f->logs);
    assert_int_equal(test_write_file(path, "{\"type\":\"session_start\",\"trainee\":\"t1\"\n"), 0);
    lib_open(f, "t1");
    assert_int_equal(f->a.lib.next, entry_of(&f->a.lib, "alpha"));
    library_mark_played(&f->a.lib, "/nonexistent/logs", "t1");
    library_mark_played(&f->a.lib, NULL, "t1");
    library_mark_played(&f->a.lib, f->logs, "");
    for (size_t i = 0; i < f->a.lib.n; i++)
        assert_int_equal(f->a.lib.items[i].played, PLAYED_NOT);
}

static void test_library_esc_leaves(void **state)
{
    lib_fixture *f = *state;
    lib_open(f, "t1");
    lib_cmd(f, CMD_ESCAPE, 0);
    assert_false(f->a.running);
}

static void push_key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&ev), 1);
}

/* Ctrl+Q in the real window loop (SDL's dummy driver) leaves the library;
 * in a case, L in the leave dialog leaves and Enter stays. */
static void test_library_ctrl_q_leaves_the_window(void **state)
{
    lib_fixture *f = *state;
    lib_open(f, "t1");
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_VIDEO), 0);
    push_key(SDLK_q, KMOD_LCTRL);
    /* Were Ctrl+Q not to leave, Enter would open the focused case, and the
     * window would close only on the quit event after it. */
    push_key(SDLK_RETURN, KMOD_NONE);
    SDL_Event quit = {.type = SDL_QUIT};
    assert_int_equal(SDL_PushEvent(&quit), 1);
    window_opts wo = {.theme = "default",
                      .scale = 100,
                      .font_dir = TEST_ASSETS_DIR "/fonts",
                      .width = 800,
                      .height = 600};
    apperr e;
    assert_int_equal(window_run(&f->a, &wo, &e), 0);
    assert_false(f->a.running);
    assert_int_equal(f->a.screen, SCR_LIBRARY);
    assert_int_equal(SDL_Init(0), 0); /* window_run shut SDL and SDL_ttf down */
    assert_int_equal(TTF_Init(), 0);
}

/* ---- the time limits setting ------------------------------------------------ */

/* A case of one decision with a time limit of 60 s. */
static void write_timed_case(const char *dir, const char *id)
{
    char path[4096], text[2048];
    snprintf(path, sizeof path, "%s/%s.lua", dir, id);
    snprintf(text, sizeof text,
             "return case {\n"
             "  id = '%s', version = '1.0', title = 'Timed %s', start = 'q',\n"
             "  nodes = {\n"
             "    q = { text = 'Now?', decision = { time_limit = 60, on_timeout = 'b',\n"
             "      options = {\n"
             "      { id = 'good', label = 'Good', next = 'g' },\n"
             "      { id = 'bad', label = 'Bad', next = 'b' } } } },\n"
             "    g = { text = 'Fine.', ending = { outcome = 'good', summary = 'Fine.' } },\n"
             "    b = { text = 'Not.', ending = { outcome = 'harm', summary = 'Harm.' } },\n"
             "  },\n"
             "}\n",
             id, id);
    assert_int_equal(test_write_file(path, text), 0);
}

/* The deadline of the timed case's decision in a session opened from the
 * library now, then back to the library (the case left). */
static int64_t timed_deadline(lib_fixture *f)
{
    lib_cmd(f, CMD_OPEN_CASE, entry_of(&f->a.lib, "timed"));
    assert_int_equal(f->a.screen, SCR_START);
    lib_cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_CASE);
    int64_t deadline = app_view(&f->a).deadline_ms;
    /* Logged in session_start, for faculty to see. */
    char want[64], *text = test_read_file(f->a.log_path, NULL);
    assert_non_null(text);
    snprintf(want, sizeof want, "\"time_limits\":\"%s\"", time_limits_name(f->a.time_limits));
    assert_non_null(strstr(text, want));
    free(text);
    lib_cmd(f, CMD_ESCAPE, 0);
    lib_cmd(f, CMD_LEAVE, 0);
    lib_cmd(f, CMD_COMMIT, 0); /* the ending */
    lib_cmd(f, CMD_COMMIT, 0); /* the debrief */
    assert_int_equal(f->a.screen, SCR_LIBRARY);
    return deadline;
}

/* The library's setting, drawn as a button with its key (and in the key
 * bar); T or a click moves it normal -> double -> off -> normal, and each
 * session opened from the library runs with it. */
static void test_library_time_limits_setting_cycles_and_applies(void **state)
{
    lib_fixture *f = *state;
    write_timed_case(f->cases, "timed");
    lib_open(f, "t1");
    assert_int_equal(f->a.time_limits, TIME_LIMITS_NORMAL);
    static const char *const names[] = {"Time limits: normal (T)", "Time limits: double (T)",
                                        "Time limits: off (T)"};
    static const int64_t deadlines[] = {60000, 120000, -1};
    for (int k = 0; k < 4; k++) {
        int t = k % 3;
        assert_int_equal(f->a.time_limits, t);
        canvas cv;
        canvas_open(&cv, 1366, 768, 100, "default");
        canvas_frame(&cv, &f->a, f->now);
        assert_non_null(canvas_find(&cv, REGION_BODY, names[t]));
        char hints[SCREENS_HINTS_MAX];
        assert_non_null(strstr(screens_hints(&f->a, hints, sizeof hints), "T time limits"));
        assert_non_null(strstr(screens_hints(&f->a, hints, sizeof hints), "V speech"));
        int n = 0;
        assert_true(ui_focus_index(&cv.ctx, (ui_cmd){CMD_TIME_LIMITS, 0}, &n) >= 0);
        canvas_close(&cv);
        const char *const one[] = {names[t], NULL};
        expect_drawn_grid(&f->a, f->now, REGION_BODY, one);
        f->a.focus = (ui_cmd){CMD_TIME_LIMITS, 0}; /* what self-voicing says of it */
        char *said = announce_focus(&f->a);
        assert_non_null(said);
        char want[64];
        snprintf(want, sizeof want, "Time limits: %s.", time_limits_name((time_limits)t));
        assert_non_null(strstr(said, want));
        mem_free(said);
        assert_int_equal(timed_deadline(f), deadlines[t]);
        assert_int_equal(f->a.time_limits, t); /* a session does not change it */
        lib_cmd(f, CMD_TIME_LIMITS, 0);
    }
}

/* T in the real window loop moves the setting on; in the trainee id field
 * it is a letter typed, not the key. */
static void test_library_t_key_moves_the_time_limits_setting(void **state)
{
    lib_fixture *f = *state;
    lib_open(f, "t1");
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_VIDEO), 0);
    push_key(SDLK_t, KMOD_NONE);
    push_key(SDLK_t, KMOD_NONE);
    SDL_Event quit = {.type = SDL_QUIT};
    assert_int_equal(SDL_PushEvent(&quit), 1);
    window_opts wo = {.theme = "default",
                      .scale = 100,
                      .font_dir = TEST_ASSETS_DIR "/fonts",
                      .width = 800,
                      .height = 600};
    apperr e;
    assert_int_equal(window_run(&f->a, &wo, &e), 0);
    assert_int_equal(f->a.time_limits, TIME_LIMITS_OFF);
    assert_int_equal(SDL_Init(0), 0); /* window_run shut SDL and SDL_ttf down */
    assert_int_equal(TTF_Init(), 0);
}

/* ---- looks ------------------------------------------------------------------- */

/* Along the top edge of r: how many pixels are the border colour and how
 * many the background. */
static void edge_pixels(const canvas *cv, ui_rect r, uint32_t border, int *on, int *off)
{
    *on = *off = 0;
    for (int x = r.x; x < r.x + r.w; x++) {
        uint32_t p = canvas_pixel(cv, x, r.y);
        *on += p == border;
        *off += p != border;
    }
}

static void test_disabled_button_is_dashed_in_high_contrast(void **state)
{
    (void)state;
    static const int sizes[][2] = {{1366, 768}, {1920, 1080}};
    for (size_t sz = 0; sz < 2; sz++)
        for (int scale = 100; scale <= 200; scale += 100) {
            canvas cv;
            canvas_open(&cv, sizes[sz][0], sizes[sz][1], scale, "high-contrast");
            ui_ctx *c = &cv.ctx;
            app a;
            memset(&a, 0, sizeof a);
            ui_ctx_begin(c, true);
            ui_button_spec live = {"Confirm choice (Enter)", {CMD_COMMIT, 0}, BUTTON_NORMAL};
            ui_button_spec off = {"Confirm choice (Enter)", {CMD_COMMIT, 0}, BUTTON_DISABLED};
            int h = ui_buttons(c, &a, 20, 20, 600, &live, 1);
            ui_buttons(c, &a, 20, 250, 600, &off, 1);
            SDL_RenderPresent(cv.r);
            int w = ui_text_w(c, c->px, false, live.label) + 2 * c->pad;
            int on, gaps;
            edge_pixels(&cv, (ui_rect){20, 20, w, h}, rgb(c->th->button_border), &on, &gaps);
            assert_int_equal(gaps, 0); /* a live button: a solid border */
            edge_pixels(&cv, (ui_rect){20, 250, w, h}, rgb(c->th->panel_border), &on, &gaps);
            /* Disabled: dashes, about half drawn and half gap, in the same white. */
            assert_true(on > w / 4);
            assert_true(gaps > w / 4);
            /* Only the live button takes a click or the focus. */
            assert_int_equal(c->n_targets, 1);
            canvas_close(&cv);
        }
}

/* Each rating's digit sits in the middle of its box. */
static void test_rating_digits_are_centred_in_their_boxes(void **state)
{
    fixture *f = *state;
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0); /* the confidence rating */
    for (int scale = 100; scale <= 200; scale += 100) {
        canvas cv;
        canvas_open(&cv, 1366, 768, scale, "default");
        canvas_frame(&cv, &f->a, f->now);
        for (int k = 1; k <= 7; k++) {
            const ui_target *box = NULL;
            for (int i = 0; i < cv.ctx.n_targets; i++)
                if (ui_cmd_eq(cv.ctx.targets[i].cmd, (ui_cmd){CMD_PICK, k}))
                    box = &cv.ctx.targets[i];
            assert_non_null(box);
            char digit[2] = {(char)('0' + k), '\0'};
            const ui_text_rec *t = NULL;
            for (int i = 0; i < cv.ctx.n_texts; i++)
                if (strcmp(cv.ctx.texts[i].what, digit) == 0 &&
                    ui_rect_contains(box->r, cv.ctx.texts[i].text))
                    t = &cv.ctx.texts[i];
            assert_non_null(t);
            int off = (t->text.x + t->text.w / 2) - (box->r.x + box->r.w / 2);
            assert_in_range(off + 2, 0, 4); /* within 2 px of the middle */
        }
        canvas_close(&cv);
    }
}

/* At window_case.lua's alert: the choices, the ratings and a reason, then
 * on to the next node (20 minutes later). */
static void answer_the_alert(fixture *f)
{
    static const int picks[] = {0, 4, 0, 4, 4};
    for (size_t i = 0; i < sizeof picks / sizeof picks[0]; i++) {
        cmd(f, CMD_PICK, picks[i]);
        cmd(f, CMD_COMMIT, 0);
    }
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    snprintf(field, cap, "why");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0);
}

/* The header shows the case's own clock: simulated minutes, which move on
 * as the case says (window_case.lua: 5 min, then 20 more). */
static void test_header_clock_follows_the_case_clock(void **state)
{
    fixture *f = *state;
    canvas cv;
    canvas_open(&cv, 1280, 800, 100, "default");
    cmd(f, CMD_COMMIT, 0); /* start: intro */
    canvas_frame(&cv, &f->a, f->now);
    assert_non_null(canvas_find(&cv, REGION_HEADER, "Case clock: 0 min"));
    cmd(f, CMD_COMMIT, 0);                    /* the alert, 5 min on */
    canvas_frame(&cv, &f->a, f->now + 60000); /* a real minute passes: not the case's */
    assert_non_null(canvas_find(&cv, REGION_HEADER, "Case clock: 5 min"));
    answer_the_alert(f);
    canvas_frame(&cv, &f->a, f->now);
    assert_non_null(canvas_find(&cv, REGION_HEADER, "Case clock: 25 min"));
    canvas_close(&cv);
    static const char *const clock[] = {"Case clock: 25 min", NULL};
    expect_drawn_grid(&f->a, f->now, REGION_HEADER, clock);
}

/* The same case as if it began at 23:50 (start_time): the header shows the
 * story's time of day, start_time plus the case clock, and moves with it
 * past midnight; "Case clock" is not shown then. */
static int night_setup(void **state)
{
    case_def *c = load_test_case("window_case.lua");
    c->has_start_time = true;
    c->start_time = 23 * 60 + 50;
    return fixture_open(state, c);
}

static void test_header_time_of_day_follows_the_case_clock(void **state)
{
    fixture *f = *state;
    canvas cv;
    canvas_open(&cv, 1280, 800, 100, "default");
    cmd(f, CMD_COMMIT, 0); /* start: intro */
    canvas_frame(&cv, &f->a, f->now);
    assert_non_null(canvas_find(&cv, REGION_HEADER, "23:50 " DOT_TEXT " 0 min in"));
    assert_null(canvas_find(&cv, REGION_HEADER, "Case clock"));
    cmd(f, CMD_COMMIT, 0); /* the alert, 5 min on */
    canvas_frame(&cv, &f->a, f->now + 60000);
    assert_non_null(canvas_find(&cv, REGION_HEADER, "23:55 " DOT_TEXT " 5 min in"));
    answer_the_alert(f);
    canvas_frame(&cv, &f->a, f->now);
    assert_non_null(canvas_find(&cv, REGION_HEADER, "00:15 " DOT_TEXT " 25 min in"));
    canvas_close(&cv);
    static const char *const time_of_day[] = {"00:15 " DOT_TEXT " 25 min in", NULL};
    expect_drawn_grid(&f->a, f->now, REGION_HEADER, time_of_day);
}

/* ---- the draw log ------------------------------------------------------------ */

static void test_draw_log_writes_each_changed_frame_once(void **state)
{
    fixture *f = *state;
    char path[1100];
    snprintf(path, sizeof path, "%s/drawn.txt", f->dir);
    draw_log *l = draw_log_open(path);
    assert_non_null(l);
    draw_log_text(l, "one\ntwo");
    draw_log_frame_end(l);
    draw_log_text(l, "one\ntwo"); /* the same frame again: not written */
    draw_log_frame_end(l);
    draw_log_text(l, "three");
    draw_log_frame_end(l);
    char *text = test_read_file(path, NULL);
    assert_string_equal(text, "--- frame 1\none two\n--- frame 3\nthree\n");
    free(text);
    /* The window's screens write into it as they draw. */
    canvas cv;
    canvas_open(&cv, 1280, 800, 100, "default");
    cv.ctx.log = l;
    cmd(f, CMD_COMMIT, 0);
    canvas_frame(&cv, &f->a, f->now);
    draw_log_frame_end(l);
    draw_log_close(l);
    text = test_read_file(path, NULL);
    assert_non_null(strstr(text, "Case clock: 0 min"));
    assert_non_null(strstr(text, "Continue (Enter)"));
    free(text);
    canvas_close(&cv);
    assert_null(draw_log_open("/nonexistent/folder/drawn.txt")); /* never fatal */
}

#define APP_TEST(t) cmocka_unit_test_setup_teardown(t, fixture_setup, fixture_teardown)
#define LIB_TEST(t) cmocka_unit_test_setup_teardown(t, lib_setup, lib_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        APP_TEST(test_leave_dialog_defaults_to_stay),
        APP_TEST(test_leave_dialog_before_the_start_stays_on_enter),
        APP_TEST(test_final_choice_comes_with_the_first_choice_picked),
        LIB_TEST(test_library_marks_played_cases_and_suggests_the_next),
        LIB_TEST(test_library_marks_after_the_trainee_id_is_typed),
        LIB_TEST(test_library_marks_leave_out_practice_sessions),
        LIB_TEST(test_library_marks_ignore_a_missing_or_damaged_log_folder),
        LIB_TEST(test_library_esc_leaves),
        LIB_TEST(test_library_ctrl_q_leaves_the_window),
        LIB_TEST(test_library_time_limits_setting_cycles_and_applies),
        LIB_TEST(test_library_t_key_moves_the_time_limits_setting),
        cmocka_unit_test(test_disabled_button_is_dashed_in_high_contrast),
        APP_TEST(test_rating_digits_are_centred_in_their_boxes),
        APP_TEST(test_header_clock_follows_the_case_clock),
        cmocka_unit_test_setup_teardown(test_header_time_of_day_follows_the_case_clock, night_setup,
                                        fixture_teardown),
        APP_TEST(test_draw_log_writes_each_changed_frame_once),
    };
    return cmocka_run_group_tests(tests, ui_sdl_setup, ui_sdl_teardown);
}
