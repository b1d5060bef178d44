/* test_ui_layout: the window without a display. Layout, wrapping, focus,
 * scrolling, scaling and formatting as pure functions; the app's commands
 * checked through the log they make; and every screen drawn into a software
 * renderer at three window sizes and two text scales, in both themes,
 * checking that no text leaves its box, the window, or overlaps other text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "app.h"
#include "case_load.h"
#include "draw.h"
#include "format.h"
#include "layout.h"
#include "recap.h"
#include "screens.h"
#include "support.h"
#include "ui_sdl.h"
#include "text_cache.h"
#include "theme.h"
#include "window.h"

/* ---- a fake font: 10 px a character, 12 in bold ------------------------------- */

static int fake_measure(void *ctx, const char *s, size_t len, bool bold)
{
    (void)ctx;
    int chars = 0;
    for (size_t i = 0; i < len; i += ui_utf8_len(s + i))
        chars++;
    return chars * (bold ? 12 : 10);
}

static const ui_text_metrics FAKE = {fake_measure, NULL, 20, 8};

static int lines_of(const ui_wrapped *w)
{
    return w->n_lines;
}

static void test_wrap_keeps_every_line_within_the_width(void **state)
{
    (void)state;
    ui_wrapped w;
    const char *text = "Mrs Hale is drowsy but rousable and answers slowly. Her daughter says "
                       "she was well two days ago.";
    for (int width = 40; width <= 400; width += 7) {
        assert_int_equal(ui_wrap(&w, text, width, &FAKE), 0);
        for (size_t i = 0; i < w.n_segs; i++)
            assert_true(w.segs[i].x + w.segs[i].w <= width);
        assert_true(w.w <= width);
        assert_int_equal(w.h, w.n_lines * FAKE.line_h);
        ui_wrapped_free(&w);
    }
}

static void test_wrap_fills_lines_greedily(void **state)
{
    (void)state;
    ui_wrapped w;
    /* "aaa bbb ccc" is 110 px: at 70 px two words fit on the first line. */
    assert_int_equal(ui_wrap(&w, "aaa bbb ccc", 70, &FAKE), 0);
    assert_int_equal(lines_of(&w), 2);
    assert_string_equal(w.buf + w.segs[0].off, "aaa bbb");
    assert_string_equal(w.buf + w.segs[1].off, "ccc");
    assert_int_equal(w.segs[1].y, 20);
    ui_wrapped_free(&w);
}

static void test_wrap_splits_paragraphs_at_blank_lines_with_a_gap(void **state)
{
    (void)state;
    ui_wrapped w;
    assert_int_equal(ui_wrap(&w, "one\n\ntwo\nthree", 500, &FAKE), 0);
    assert_int_equal(lines_of(&w), 3);
    assert_int_equal(w.segs[0].y, 0);
    assert_int_equal(w.segs[1].y, 20 + 8);      /* a paragraph gap */
    assert_int_equal(w.segs[2].y, 20 + 8 + 20); /* a single newline: next line */
    assert_int_equal(w.h, 68);
    ui_wrapped_free(&w);
}

static void test_wrap_marks_bold_runs_and_drops_the_markers(void **state)
{
    (void)state;
    ui_wrapped w;
    assert_int_equal(ui_wrap(&w, "risk **HIGH** now", 500, &FAKE), 0);
    assert_int_equal(w.n_segs, 3);
    assert_false(w.segs[0].bold);
    assert_true(w.segs[1].bold);
    /* The space between two runs stays with the run before it. */
    assert_string_equal(w.buf + w.segs[0].off, "risk ");
    assert_string_equal(w.buf + w.segs[1].off, "HIGH ");
    assert_false(w.segs[2].bold);
    assert_null(strstr(w.buf, "**"));
    /* The bold run starts after "risk " (5 characters at 10 px). */
    assert_int_equal(w.segs[1].x, 50);
    ui_wrapped_free(&w);
}

/* Twelve alternating runs on the first line grow the line's run array past
 * its first 8 slots: each run still starts where the one before it ends.
 * (The run array once moved under a pointer held across its growth: a
 * use-after-free that AddressSanitizer reports.) */
static void test_wrap_places_many_alternating_bold_runs_on_one_line(void **state)
{
    (void)state;
    ui_wrapped w;
    const char *text = "a **b** c **d** e **f** g **h** i **j** k **l** "
                       "m **n** o **p** q **r** s **t** u **v** w **x**";
    /* 12 runs of 2 characters (the last 1) are about 250 px: 2 lines at 260. */
    assert_int_equal(ui_wrap(&w, text, 260, &FAKE), 0);
    assert_int_equal(lines_of(&w), 2);
    assert_int_equal(w.n_segs, 24);
    for (size_t i = 0; i < w.n_segs; i++) {
        assert_int_equal(w.segs[i].bold, i % 2 == 1);
        assert_int_equal(w.segs[i].y, i < 12 ? 0 : 20);
        assert_true(w.segs[i].x + w.segs[i].w <= 260);
        if (i % 12 == 0)
            assert_int_equal(w.segs[i].x, 0);
        else
            assert_int_equal(w.segs[i].x, w.segs[i - 1].x + w.segs[i - 1].w);
    }
    assert_string_equal(w.buf + w.segs[11].off, "l");
    assert_string_equal(w.buf + w.segs[12].off, "m ");
    ui_wrapped_free(&w);
}

static void test_wrap_breaks_a_word_wider_than_the_line(void **state)
{
    (void)state;
    ui_wrapped w;
    assert_int_equal(ui_wrap(&w, "abcdefghijklmnopqrstuvwxyz", 100, &FAKE), 0);
    assert_int_equal(lines_of(&w), 3);
    assert_string_equal(w.buf + w.segs[0].off, "abcdefghij");
    for (size_t i = 0; i < w.n_segs; i++)
        assert_true(w.segs[i].w <= 100);
    ui_wrapped_free(&w);
}

static void test_wrap_breaks_between_utf8_characters_only(void **state)
{
    (void)state;
    ui_wrapped w;
    assert_int_equal(ui_wrap(&w, "°°°°°°°°°°°°", 30, &FAKE), 0);
    assert_int_equal(lines_of(&w), 4);
    assert_string_equal(w.buf + w.segs[0].off, "°°°");
    ui_wrapped_free(&w);
}

static void test_wrap_of_nothing_is_empty(void **state)
{
    (void)state;
    ui_wrapped w;
    assert_int_equal(ui_wrap(&w, "", 100, &FAKE), 0);
    assert_int_equal(w.n_lines, 0);
    assert_int_equal(w.h, 0);
    ui_wrapped_free(&w);
    assert_int_equal(ui_wrap(&w, NULL, 100, &FAKE), 0);
    assert_int_equal(w.h, 0);
    ui_wrapped_free(&w);
}

static void test_ellipsize_cuts_to_fit_with_an_ellipsis(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(ui_ellipsize("short", 100, false, &FAKE, buf, sizeof buf), 50);
    assert_string_equal(buf, "short");
    int w = ui_ellipsize("a rather long label", 60, false, &FAKE, buf, sizeof buf);
    assert_true(w <= 60);
    assert_string_equal(buf, "a rat\xe2\x80\xa6");
}

static void test_scale_steps_by_25_within_75_and_200(void **state)
{
    (void)state;
    assert_int_equal(ui_scale_step(100, 1), 125);
    assert_int_equal(ui_scale_step(100, -1), 75);
    assert_int_equal(ui_scale_step(75, -1), 75);
    assert_int_equal(ui_scale_step(200, 1), 200);
    assert_int_equal(ui_scale_step(110, 1), 125);
    assert_int_equal(ui_scale_step(110, -1), 100);
    assert_int_equal(ui_scale_clamp(500), 200);
    assert_int_equal(ui_scale_clamp(10), 75);
    assert_int_equal(ui_scale_clamp(0), 100);
}

static void test_font_size_follows_density_and_scale(void **state)
{
    (void)state;
    assert_int_equal(ui_font_px(16, 1.0, 100), 16);
    assert_int_equal(ui_font_px(16, 2.0, 100), 32);
    assert_int_equal(ui_font_px(16, 1.0, 200), 32);
    assert_int_equal(ui_font_px(16, 2.0, 150), 48);
    assert_int_equal(ui_font_px(16, 1.0, 75), 12);
}

static void test_focus_moves_and_wraps_around(void **state)
{
    (void)state;
    assert_int_equal(ui_focus_move(-1, 3, 1), 0);
    assert_int_equal(ui_focus_move(-1, 3, -1), 2);
    assert_int_equal(ui_focus_move(2, 3, 1), 0);
    assert_int_equal(ui_focus_move(0, 3, -1), 2);
    assert_int_equal(ui_focus_move(1, 3, 1), 2);
    assert_int_equal(ui_focus_move(0, 0, 1), -1);
    assert_int_equal(ui_focus_move(7, 3, 1), 0); /* a stale index restarts */
}

static void test_scroll_clamps_and_brings_rows_into_view(void **state)
{
    (void)state;
    assert_int_equal(ui_scroll_clamp(-5, 1000, 400), 0);
    assert_int_equal(ui_scroll_clamp(900, 1000, 400), 600);
    assert_int_equal(ui_scroll_clamp(50, 300, 400), 0);
    assert_int_equal(ui_scroll_to_show(0, 500, 550, 400), 150);
    assert_int_equal(ui_scroll_to_show(300, 100, 150, 400), 100);
    assert_int_equal(ui_scroll_to_show(100, 150, 200, 400), 100);
    assert_int_equal(ui_scroll_to_show(0, 100, 900, 400), 100); /* taller than the view: its top */
}

static void test_flow_wraps_items_onto_rows(void **state)
{
    (void)state;
    int w[4] = {40, 40, 40, 200}, x[4], row[4];
    assert_int_equal(ui_flow(w, 4, 100, 10, x, row), 3);
    assert_int_equal(x[1], 50);
    assert_int_equal(row[1], 0);
    assert_int_equal(row[2], 1);
    assert_int_equal(x[2], 0);
    assert_int_equal(row[3], 2);
}

static void test_two_columns_need_room_for_both(void **state)
{
    (void)state;
    assert_true(ui_two_columns(1232, 16));
    assert_false(ui_two_columns(752, 16));
    assert_false(ui_two_columns(1232, 32)); /* 200% text on a laptop: one column */
    assert_true(ui_side_width(1232, 16) <= 1232 * 2 / 5);
}

static void test_utf8_pop_removes_whole_characters(void **state)
{
    (void)state;
    char s[16] = "a\xc2\xb0\xe2\x86\x92";
    assert_true(ui_utf8_pop(s));
    assert_string_equal(s, "a\xc2\xb0");
    assert_true(ui_utf8_pop(s));
    assert_string_equal(s, "a");
    assert_true(ui_utf8_pop(s));
    assert_false(ui_utf8_pop(s));
}

/* ---- format ------------------------------------------------------------------------ */

static void set(vitals *v, const char *key, double x)
{
    apperr e;
    assert_int_equal(vitals_set(v, key, true, x, NULL, &e), 0);
}

static const ui_vital_row *row_named(const ui_vital_row *r, size_t n, const char *label)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].label, label) == 0)
            return &r[i];
    fail_msg("no row %s", label);
    return NULL;
}

static void test_vital_rows_mark_values_outside_the_news2_zero_band(void **state)
{
    (void)state;
    vitals v;
    apperr e;
    vitals_init(&v);
    set(&v, "hr", 118);
    set(&v, "sbp", 92);
    set(&v, "dbp", 54);
    set(&v, "rr", 16);
    set(&v, "spo2", 97);
    set(&v, "temp", 35.0);
    set(&v, "glucose", 3.1);
    assert_int_equal(vitals_set(&v, "avpu", false, 0, "C", &e), 0);
    ui_vital_row rows[16];
    size_t n = ui_vital_rows(&v, rows, 16);
    assert_int_equal(row_named(rows, n, "HR")->flag, FLAG_HIGH);
    assert_int_equal(row_named(rows, n, "HR")->news2_part, 2);
    assert_int_equal(row_named(rows, n, "BP")->flag, FLAG_LOW);
    assert_string_equal(row_named(rows, n, "BP")->value, "92/54");
    assert_string_equal(row_named(rows, n, "BP")->unit, "mmHg");
    assert_int_equal(row_named(rows, n, "RR")->flag, FLAG_NONE);
    assert_int_equal(row_named(rows, n, "Temp")->flag, FLAG_LOW);
    assert_int_equal(row_named(rows, n, "Temp")->news2_part, 3);
    assert_int_equal(row_named(rows, n, "Glucose")->flag, FLAG_LOW);
    assert_int_equal(row_named(rows, n, "AVPU")->flag, FLAG_ABNORMAL);
    assert_string_equal(row_named(rows, n, "O\xe2\x82\x82")->value, "air");
    assert_int_equal(row_named(rows, n, "O\xe2\x82\x82")->flag, FLAG_NONE);
    /* Order of scenario-format.md: HR first, BP before RR. */
    assert_string_equal(rows[0].label, "HR");
    assert_string_equal(rows[1].label, "BP");
    assert_int_equal(vitals_news2_band(&v), NEWS2_BAND_HIGH);
    vitals_free(&v);
}

static void test_vital_rows_show_extras_without_prefix_and_oxygen_as_marked(void **state)
{
    (void)state;
    vitals v;
    apperr e;
    vitals_init(&v);
    assert_int_equal(vitals_set(&v, "x_cap_refill", false, 0, "3 s", &e), 0);
    assert_int_equal(vitals_set(&v, "o2", false, 0, "2 L/min", &e), 0);
    ui_vital_row rows[8];
    size_t n = ui_vital_rows(&v, rows, 8);
    assert_string_equal(row_named(rows, n, "cap refill")->value, "3 s");
    assert_int_equal(row_named(rows, n, "O\xe2\x82\x82")->flag, FLAG_ABNORMAL);
    assert_int_equal(row_named(rows, n, "O\xe2\x82\x82")->news2_part, 2);
    vitals_free(&v);
}

static void test_clock_countdown_and_percent_read_as_people_write_them(void **state)
{
    (void)state;
    char b[32];
    assert_string_equal(ui_format_minutes(10, b, sizeof b), "10 min");
    assert_string_equal(ui_format_minutes(70, b, sizeof b), "1 h 10 min");
    assert_string_equal(ui_format_minutes(120, b, sizeof b), "2 h");
    assert_string_equal(ui_format_countdown(120000, b, sizeof b), "2:00");
    assert_string_equal(ui_format_countdown(59001, b, sizeof b), "1:00");
    assert_string_equal(ui_format_countdown(1, b, sizeof b), "0:01");
    assert_string_equal(ui_format_countdown(-5, b, sizeof b), "0:00");
    assert_string_equal(ui_format_percent(0.87, b, sizeof b), "87%");
    assert_int_equal(ui_countdown_next_change(59001), 1);
    assert_int_equal(ui_countdown_next_change(60000), 1000);
    assert_int_equal(ui_countdown_next_change(400), 400);
}

/* The header's clock: the time of day with a start time, else the case clock. */
static void test_format_case_clock(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(ui_format_case_clock(true, 2 * 60 + 10, 70, b, sizeof b),
                        "03:20 \xc2\xb7 1 h 10 min in");
    assert_string_equal(ui_format_case_clock(true, 23 * 60 + 50, 25, b, sizeof b),
                        "00:15 \xc2\xb7 25 min in");
    assert_string_equal(ui_format_case_clock(true, 0, 0, b, sizeof b), "00:00 \xc2\xb7 0 min in");
    assert_string_equal(ui_format_case_clock(false, 2 * 60 + 10, 70, b, sizeof b),
                        "Case clock: 1 h 10 min");
}

/* ---- the app, through its log -------------------------------------------------------- */

typedef struct fixture {
    char *dir;
    app a;
    int64_t now;
} fixture;

static int fixture_setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    app_opts o = {.c = load_test_case("window_case.lua"),
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = f->dir,
                  .host_os = "test"};
    apperr e;
    assert_int_equal(app_init(&f->a, &o, &e), 0);
    f->now = 100000;
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    fixture *f = *state;
    app_free(&f->a);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void cmd(fixture *f, ui_cmd_kind k, int arg)
{
    f->now += 1000;
    app_command(&f->a, (ui_cmd){k, arg}, f->now);
}

/* The log's records of type, as parsed JSON (caller deletes). */
static cJSON *records(fixture *f, const char *type)
{
    char *text = test_read_file(f->a.log_path, NULL);
    assert_non_null(text);
    cJSON *out = cJSON_CreateArray();
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *r = cJSON_Parse(line);
        assert_non_null(r);
        const cJSON *t = cJSON_GetObjectItem(r, "type");
        if (strcmp(t->valuestring, type) == 0)
            cJSON_AddItemToArray(out, r);
        else
            cJSON_Delete(r);
    }
    free(text);
    return out;
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    assert_true(cJSON_IsNumber(v));
    return v->valueint;
}

/* Start screen -> the first decision's initial choice. */
static void to_first_decision(fixture *f)
{
    assert_int_equal(f->a.screen, SCR_START);
    cmd(f, CMD_COMMIT, 0); /* start */
    assert_int_equal(f->a.screen, SCR_CASE);
    assert_int_equal(app_view(&f->a).step, STEP_CONTINUE);
    cmd(f, CMD_COMMIT, 0); /* continue */
    assert_int_equal(app_view(&f->a).step, STEP_CHOOSE_INITIAL);
}

static void test_app_picks_and_commits_a_whole_decision(void **state)
{
    fixture *f = *state;
    to_first_decision(f);
    cmd(f, CMD_PICK, 1); /* obs */
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 3);
    cmd(f, CMD_COMMIT, 0);
    assert_true(app_view(&f->a).advice_shown);
    cmd(f, CMD_PICK, 0); /* ctpa: against the AI */
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 6);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_TRUST);
    cmd(f, CMD_PICK, 2);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_RATIONALE);
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    assert_non_null(field);
    snprintf(field, cap, "Post-op and breathless: PE first");
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
    cJSON *d = records(f, "decision");
    assert_int_equal(cJSON_GetArraySize(d), 1);
    cJSON *r = cJSON_GetArrayItem(d, 0);
    assert_string_equal(str(r, "initial"), "obs");
    assert_string_equal(str(r, "final"), "ctpa");
    assert_int_equal(num(r, "initial_confidence"), 3);
    assert_int_equal(num(r, "final_confidence"), 6);
    assert_int_equal(num(r, "trust"), 2);
    assert_string_equal(str(r, "rationale"), "Post-op and breathless: PE first");
    /* Session time runs from the start command: 1 s a command in this test. */
    assert_int_equal(num(r, "ms_initial"), 2000);
    cJSON_Delete(d);
}

/* The rationale field takes whole characters up to the longest rationale a
 * log keeps (SESSION_RATIONALE_MAX), then no more; what it took is logged. */
static void test_app_rationale_field_stops_at_the_longest_rationale(void **state)
{
    fixture *f = *state;
    to_first_decision(f);
    static const int steps[][2] = {{CMD_PICK, 1}, {CMD_COMMIT, 0}, {CMD_PICK, 3}, {CMD_COMMIT, 0},
                                   {CMD_PICK, 0}, {CMD_COMMIT, 0}, {CMD_PICK, 6}, {CMD_COMMIT, 0},
                                   {CMD_PICK, 2}, {CMD_COMMIT, 0}};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        cmd(f, (ui_cmd_kind)steps[i][0], steps[i][1]);
    assert_int_equal(app_view(&f->a).step, STEP_RATIONALE);
    size_t n = SESSION_RATIONALE_MAX - 1;
    char *typed = malloc(2 * n + 1);
    assert_non_null(typed);
    for (size_t i = 0; i < n; i++)
        memcpy(typed + 2 * i, "\xc3\xa9", 2); /* e-acute, 2 bytes */
    typed[2 * n] = '\0';
    assert_true(app_type(&f->a, typed));
    assert_true(app_type(&f->a, "ab")); /* room for one more character: the a */
    assert_false(app_type(&f->a, "c"));
    assert_false(app_type(&f->a, "\xc3\xa9"));
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK);
    cJSON *d = records(f, "decision");
    const char *logged = str(cJSON_GetArrayItem(d, 0), "rationale");
    assert_int_equal(strlen(logged), 2 * n + 1);
    assert_int_equal(strncmp(logged, typed, 2 * n), 0);
    assert_int_equal(logged[2 * n], 'a');
    cJSON_Delete(d);
    free(typed);
}

static void test_app_digits_mean_options_at_a_choice_and_ratings_at_a_rating(void **state)
{
    fixture *f = *state;
    to_first_decision(f);
    ui_cmd c = app_digit(&f->a, 2);
    assert_int_equal(c.kind, CMD_PICK);
    assert_int_equal(c.arg, 1);
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    c = app_digit(&f->a, 2);
    assert_int_equal(c.arg, 2);
    assert_int_equal(app_digit(&f->a, 8).kind, CMD_NONE); /* no rating 8 */
}

static void test_app_refuses_to_commit_nothing_and_says_why(void **state)
{
    fixture *f = *state;
    to_first_decision(f);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(app_view(&f->a).step, STEP_CHOOSE_INITIAL);
    assert_non_null(strstr(f->a.notice, "Pick an option"));
    cmd(f, CMD_PICK, 9); /* no tenth option */
    assert_int_equal(f->a.picked, -1);
    cJSON *d = records(f, "decision");
    assert_int_equal(cJSON_GetArraySize(d), 0);
    cJSON_Delete(d);
}

static void test_app_opening_a_panel_is_logged_and_closing_is_not(void **state)
{
    fixture *f = *state;
    to_first_decision(f);
    cmd(f, CMD_RESULTS, 0);
    assert_true(f->a.results);
    cmd(f, CMD_RESULTS, 0);
    assert_false(f->a.results);
    cmd(f, CMD_RESULTS, 0);
    cmd(f, CMD_EXPLANATION, 0); /* no advice yet: refused by the session */
    assert_false(f->a.explanation);
    assert_non_null(strstr(f->a.notice, "explanation"));
    cJSON *v = records(f, "view");
    assert_int_equal(cJSON_GetArraySize(v), 2);
    assert_string_equal(str(cJSON_GetArrayItem(v, 0), "what"), "results");
    cJSON_Delete(v);
}

static void test_app_escape_asks_and_leaving_is_logged_as_quit(void **state)
{
    fixture *f = *state;
    to_first_decision(f);
    cmd(f, CMD_ESCAPE, 0);
    assert_true(f->a.confirm_leave);
    cmd(f, CMD_PICK, 0); /* ignored while the dialog is up */
    assert_int_equal(f->a.picked, -1);
    cmd(f, CMD_STAY, 0);
    assert_false(f->a.confirm_leave);
    cJSON *end = records(f, "session_end");
    assert_int_equal(cJSON_GetArraySize(end), 0);
    cJSON_Delete(end);
    cmd(f, CMD_ESCAPE, 0);
    cmd(f, CMD_LEAVE, 0); /* the dialog's Leave (L) */
    assert_int_equal(f->a.screen, SCR_ENDING);
    end = records(f, "session_end");
    assert_string_equal(str(cJSON_GetArrayItem(end, 0), "status"), "quit");
    cJSON_Delete(end);
}

static void test_app_time_limit_fires_on_tick_and_moves_on(void **state)
{
    fixture *f = *state;
    to_first_decision(f);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 4);
    cmd(f, CMD_COMMIT, 0);
    size_t cap;
    char *field = app_text_field(&f->a, &cap);
    snprintf(field, cap, "why");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0); /* leave the feedback: the timed decision */
    assert_true(app_view(&f->a).can_ask);
    int64_t left = app_time_left(&f->a, f->now);
    assert_int_equal(left, 300000);
    assert_false(app_tick(&f->a, f->now + 299999));
    assert_true(app_tick(&f->a, f->now + 300000));
    assert_int_equal(app_view(&f->a).step, STEP_FEEDBACK); /* time ran out */
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_ENDING);
    cJSON *d = records(f, "decision");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(d, 1), "timed_out")));
    cJSON_Delete(d);
    assert_int_equal(app_time_left(&f->a, f->now), -1);
}

static void test_recap_reads_each_decision_back_from_the_log(void **state)
{
    fixture *f = *state;
    test_app_picks_and_commits_a_whole_decision(state);
    cmd(f, CMD_COMMIT, 0); /* feedback */
    cmd(f, CMD_ASK, 0);
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 6);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_COMMIT, 0); /* the feedback after the advice */
    assert_int_equal(f->a.screen, SCR_ENDING);
    assert_true(f->a.have_recap);
    const recap *r = &f->a.rc;
    assert_int_equal(r->n, 2);
    assert_string_equal(r->items[0].initial, "Repeat observations in an hour");
    assert_int_equal(r->items[0].initial_mark, MARK_WRONG);
    assert_non_null(strstr(r->items[0].advice, "(71% confident)"));
    assert_int_equal(r->items[0].advice_mark, MARK_WRONG);
    assert_int_equal(r->items[0].final_mark, MARK_RIGHT);
    assert_non_null(strstr(r->items[0].best, "CT pulmonary angiogram"));
    assert_non_null(r->items[0].debrief);
    assert_null(r->items[1].initial);
    assert_non_null(r->items[1].advice); /* asked for */
    assert_int_equal(r->items[1].trust, 6);
    assert_int_equal(r->with_advice, 2);
    assert_int_equal(r->followed, 1);
    assert_int_equal(r->ai_wrong, 1);
    assert_int_equal(r->ai_wrong_followed, 0);
    assert_int_equal(r->n_points, 1); /* the narrative's teaching point */
    /* The session's metrics, as `appraise debrief` computes them. */
    assert_true(r->has_metrics);
    assert_int_equal(r->m.m[METRIC_AGREEMENT].num, 1);
    assert_int_equal(r->m.m[METRIC_AGREEMENT].den, 2);
    assert_int_equal(r->m.m[METRIC_OVER_RELIANCE].num, 0);
    assert_int_equal(r->m.m[METRIC_OVER_RELIANCE].den, 1);
    assert_false(r->m.m[METRIC_TRUST_AI_WRONG].has == false);
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_DEBRIEF);
    cmd(f, CMD_DONE, 0);
    assert_false(f->a.running); /* `play`: the window closes */
}

static void test_recap_of_an_unreadable_log_is_an_error(void **state)
{
    fixture *f = *state;
    recap r;
    apperr e;
    assert_int_equal(recap_read(&r, f->a.c, "/nonexistent/log.jsonl", &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
}

static void test_library_lists_bundled_cases_with_titles(void **state)
{
    (void)state;
    library lib;
    apperr e;
    assert_int_equal(library_scan(&lib, SCENARIOS_DIR, &e), 0);
    assert_true(lib.n >= 1);
    for (size_t i = 0; i < lib.n; i++) {
        assert_non_null(lib.items[i].title);
        assert_null(strstr(lib.items[i].path, "/lib/"));
        /* after the teaching path (test_library pins it), by title */
        if (i && lib.items[i - 1].path_step == 0)
            assert_true(strcmp(lib.items[i - 1].title, lib.items[i].title) <= 0);
    }
    library_free(&lib);
    assert_int_equal(library_scan(&lib, "/nonexistent/cases", &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
}

static void test_library_lists_a_broken_case_with_its_error(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/broken.lua", dir);
    assert_int_equal(test_write_file(path, "return case { id = 'x' "), 0);
    library lib;
    apperr e;
    assert_int_equal(library_scan(&lib, dir, &e), 0);
    assert_int_equal(lib.n, 1);
    assert_non_null(lib.items[0].error);
    assert_string_equal(lib.items[0].title, "broken.lua");
    library_free(&lib);
    test_rmtree(dir);
    free(dir);
}

/* ---- every screen in a software renderer --------------------------------------------- */

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *r;
    text_cache *tc;
    ui_ctx ctx;
} canvas;

/* Output pixels and density: three window sizes, and a HiDPI laptop whose
 * 1280x800 window has 2560x1600 output pixels. */
static const int SIZES[][3] = {{800, 600, 1}, {1280, 800, 1}, {1920, 1080, 1}, {2560, 1600, 2}};
#define N_SIZES (sizeof SIZES / sizeof SIZES[0])
static const int SCALES[] = {100, 200};
static const char *const THEMES[] = {"default", "high-contrast"};

static int checked; /* screens drawn and audited, for the count test */

/* Draws the app's screen at every size, scale and theme; fails naming the
 * first text out of place. */
static void audit_screen(app *a, const char *what)
{
    for (size_t s = 0; s < N_SIZES; s++)
        for (size_t k = 0; k < 2; k++)
            for (size_t t = 0; t < 2; t++) {
                canvas cv;
                memset(&cv, 0, sizeof cv);
                cv.surf = SDL_CreateRGBSurfaceWithFormat(0, SIZES[s][0], SIZES[s][1], 32,
                                                         SDL_PIXELFORMAT_ARGB8888);
                assert_non_null(cv.surf);
                cv.r = SDL_CreateSoftwareRenderer(cv.surf);
                assert_non_null(cv.r);
                apperr e;
                cv.tc = text_cache_new(cv.r, TEST_ASSETS_DIR "/fonts", &e);
                assert_non_null(cv.tc);
                ui_ctx *c = &cv.ctx;
                c->r = cv.r;
                c->tc = cv.tc;
                c->th = ui_theme_find(THEMES[t]);
                c->scale = SCALES[k];
                c->density = SIZES[s][2];
                c->w = SIZES[s][0];
                c->h = SIZES[s][1];
                c->audit = true;
                ui_ctx_metrics(c);
                assert_int_equal(c->px, ui_font_px(16, c->density, c->scale));
                screens_frame(c, a, 0);
                char why[512];
                int n = ui_audit_problems(c, why, sizeof why);
                if (n)
                    fail_msg("%s at %dx%d, %d%%, %s: %d problem(s); %s", what, SIZES[s][0],
                             SIZES[s][1], SCALES[k], THEMES[t], n, why);
                assert_true(c->n_texts > 0);
                assert_true(c->content_h > 0);
                text_cache_free(cv.tc);
                SDL_DestroyRenderer(cv.r);
                SDL_FreeSurface(cv.surf);
                checked++;
            }
}

static void test_every_screen_fits_at_three_sizes_hidpi_and_two_scales(void **state)
{
    fixture *f = *state;
    app *a = &f->a;
    audit_screen(a, "case start");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_RESULTS, 0);
    audit_screen(a, "narrative with results");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 0);
    a->focus = (ui_cmd){CMD_PICK, 0};
    audit_screen(a, "initial choice, long option picked");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 7);
    audit_screen(a, "confidence rating");
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_EXPLANATION, 0);
    cmd(f, CMD_MODEL_CARD, 0);
    audit_screen(a, "advice card with reasons and model card");
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    audit_screen(a, "trust rating");
    cmd(f, CMD_PICK, 5);
    cmd(f, CMD_COMMIT, 0);
    size_t cap;
    char *field = app_text_field(a, &cap);
    snprintf(field, cap,
             "Because the observations and the history point to a pulmonary embolus and "
             "the model was not trained on patients straight after an operation, "
             "supercalifragilisticexpialidociouslylongwordwithoutanyspacesatall.");
    audit_screen(a, "rationale");
    cmd(f, CMD_COMMIT, 0);
    audit_screen(a, "feedback");
    cmd(f, CMD_COMMIT, 0);
    audit_screen(a, "timed on_request choice with countdown");
    cmd(f, CMD_ASK, 0);
    cmd(f, CMD_ESCAPE, 0);
    audit_screen(a, "leave dialog");
    cmd(f, CMD_STAY, 0);
    snprintf(a->notice, sizeof a->notice,
             "A long notice that the footer must wrap rather "
             "than cut, at every size and scale of the window.");
    audit_screen(a, "asked advice with a notice");
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    cmd(f, CMD_PICK, 7);
    cmd(f, CMD_COMMIT, 0);
    audit_screen(a, "feedback after asked advice");
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(a->screen, SCR_ENDING);
    audit_screen(a, "ending");
    cmd(f, CMD_COMMIT, 0);
    audit_screen(a, "debrief");
    snprintf(a->error, sizeof a->error,
             "%s/window_case.lua:42: attempt to index a nil value (field 'vars')", TEST_CASES_DIR);
    a->screen = SCR_ERROR;
    a->log_kept = true;
    audit_screen(a, "error");
}

static void test_library_and_trainee_screens_fit(void **state)
{
    (void)state;
    app a;
    apperr e;
    char *dir = test_tmpdir();
    app_opts o = {.library_dir = SCENARIOS_DIR, .log_dir = dir, .host_os = "test"};
    assert_int_equal(app_init(&a, &o, &e), 0);
    audit_screen(&a, "library");
    app_free(&a);
    app_opts p = {.c = load_test_case("window_case.lua"), .log_dir = dir, .host_os = "test"};
    assert_int_equal(app_init(&a, &p, &e), 0);
    assert_int_equal(a.screen, SCR_TRAINEE);
    snprintf(a.trainee, sizeof a.trainee, "a-very-long-trainee-identifier-typed-in-full");
    audit_screen(&a, "trainee");
    app_free(&a);
    test_rmtree(dir);
    free(dir);
}

static void test_audit_catches_text_out_of_its_box(void **state)
{
    (void)state;
    ui_ctx c;
    memset(&c, 0, sizeof c);
    c.w = 800;
    c.h = 600;
    c.audit = true;
    c.n_texts = 2;
    c.texts[0] = (ui_text_rec){
        .text = {10, 10, 200, 20}, .box = {10, 10, 100, 20}, .region = REGION_BODY, .what = "wide"};
    c.texts[1] = (ui_text_rec){
        .text = {300, 10, 50, 20}, .box = {300, 10, 50, 20}, .region = REGION_BODY, .what = "fine"};
    char why[256];
    assert_int_equal(ui_audit_problems(&c, why, sizeof why), 1);
    assert_non_null(strstr(why, "leaves its box"));
    c.texts[0].box.w = 200;
    c.texts[1].text.x = c.texts[1].box.x = 150;
    assert_int_equal(ui_audit_problems(&c, why, sizeof why), 1);
    assert_non_null(strstr(why, "overlaps"));
    c.texts[1].region = REGION_MODAL; /* a dialog lies over the body */
    assert_int_equal(ui_audit_problems(&c, why, sizeof why), 0);
}

static void test_text_cache_reuses_textures_and_wraps(void **state)
{
    (void)state;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    apperr e;
    text_cache *tc = text_cache_new(r, TEST_ASSETS_DIR "/fonts", &e);
    assert_non_null(tc);
    int w, h;
    ui_rgba black = {0, 0, 0, 255};
    SDL_Texture *t1 = text_cache_texture(tc, 16, false, black,
                                         "38.9 \xc2\xb0"
                                         "C",
                                         &w, &h);
    SDL_Texture *t2 = text_cache_texture(tc, 16, false, black,
                                         "38.9 \xc2\xb0"
                                         "C",
                                         &w, &h);
    assert_non_null(t1);
    assert_ptr_equal(t1, t2);
    const ui_wrapped *w1 = text_cache_wrap(tc, 16, "a b c", 100);
    assert_ptr_equal(w1, text_cache_wrap(tc, 16, "a b c", 100));
    size_t nt, nw, nf;
    text_cache_counts(tc, &nt, &nw, &nf);
    assert_int_equal(nt, 1);
    assert_int_equal(nw, 1);
    assert_int_equal(nf, 1);
    /* Every symbol cases use has a glyph in the bundled font. */
    TTF_Font *font = TTF_OpenFont(TEST_ASSETS_DIR "/fonts/DejaVuSans.ttf", 16);
    assert_non_null(font);
    const Uint16 symbols[] = {0x00B0, 0x00B5, 0x2265, 0x2192, 0x2013, 0x2082, 0x25B2, 0x25BC,
                              0x25C6, 0x2713, 0x2717, 0x26A0, 0x2212, 0x2026, 0x25C9, 0x25CB};
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
        assert_true(TTF_GlyphIsProvided(font, symbols[i]));
    TTF_CloseFont(font);
    text_cache_free(tc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
}

/* Typing a long rationale makes a new paragraph texture at every key; the
 * cache lets the old ones go once it holds more than its budget. */
static void test_text_cache_stays_within_its_byte_budget_while_typing(void **state)
{
    (void)state;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    apperr e;
    text_cache *tc = text_cache_new(r, TEST_ASSETS_DIR "/fonts", &e);
    assert_non_null(tc);
    ui_rgba ink = {0, 0, 0, 255};
    char typed[2100] = "";
    size_t peak = 0;
    for (int i = 0; i < 500; i++) {
        typed[i] = (char)('a' + i % 26);
        typed[i + 1] = '\0';
        if (i % 9 == 8)
            typed[i] = ' ';
        int w, h;
        assert_non_null(text_cache_paragraph(tc, 32, ink, typed, 1200, &w, &h));
        text_cache_end_frame(tc);
        peak = text_cache_bytes(tc) > peak ? text_cache_bytes(tc) : peak;
    }
    assert_true(peak < (32u << 20));
    assert_true(peak > (8u << 20)); /* it did keep a working set */
    text_cache_free(tc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
}

static void test_text_cache_without_its_font_is_an_environment_error(void **state)
{
    (void)state;
    apperr e;
    assert_null(text_cache_new(NULL, "/nonexistent/fonts", &e));
    assert_int_equal(e.kind, APPERR_ENV);
    assert_non_null(strstr(e.file, "DejaVuSans.ttf"));
}

/* ---- the real window loop on SDL's dummy video driver -------------------------- */

/* A key pressed and let go (the ending acts when Enter is let go). */
static void push_key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&ev), 1);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    assert_int_equal(SDL_PushEvent(&ev), 1);
}

/* Characters as keys; newline is Enter. */
static void push_keys(const char *keys)
{
    for (const char *k = keys; *k; k++)
        push_key(*k == '\n' ? SDLK_RETURN : (SDL_Keycode)*k, KMOD_NONE);
}

/* Keys as cli.md maps them, through window.c's own loop, with no display:
 * the events are queued before the window opens and the loop plays them.
 * (Typed text is left to window_e2e.sh: SDL drops text events queued while
 * text input is off.) */
static void test_window_keys_play_a_case_with_no_display(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 3};
    assert_int_equal(case_load(&c, TEST_DATA_DIR "/cli/mini.lua", &lo, &e), 0);
    app a;
    app_opts o = {.c = c,
                  .trainee = "keys",
                  .have_seed = true,
                  .seed = 3,
                  .variant = "ai_wrong",
                  .log_dir = dir,
                  .host_os = "test"};
    assert_int_equal(app_init(&a, &o, &e), 0);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_VIDEO), 0);
    push_keys("\n\n");                 /* start, continue */
    push_keys("r1\n5\n");              /* results; initial choice "treat", confidence 5 */
    push_key(SDLK_EQUALS, KMOD_LCTRL); /* Ctrl + : bigger text changes nothing logged */
    push_key(SDLK_ESCAPE, KMOD_NONE);  /* asks before leaving... */
    push_keys("2");                    /* ...and takes no choice while it asks */
    push_key(SDLK_ESCAPE, KMOD_NONE);  /* stay */
    push_key(SDLK_TAB, KMOD_LSHIFT);   /* focus moves; nothing logged */
    push_keys("e2\n6\n3\n");           /* why; final "wait" (the AI's), confidence 6, trust 3 */
    push_keys("\n\n\n");               /* the feedback, the ending, the debrief closes */
    window_opts wo = {.theme = "high-contrast",
                      .scale = 100,
                      .font_dir = TEST_ASSETS_DIR "/fonts",
                      .width = 800,
                      .height = 600};
    assert_int_equal(window_run(&a, &wo, &e), 0);
    assert_false(a.running);
    char *log = test_read_file(a.log_path, NULL);
    assert_non_null(log);
    assert_non_null(strstr(log, "\"what\":\"results\""));
    assert_non_null(strstr(log, "\"what\":\"explanation\""));
    assert_non_null(strstr(log, "\"initial\":\"treat\",\"initial_confidence\":5"));
    assert_non_null(strstr(log, "\"final\":\"wait\",\"final_confidence\":6"));
    assert_non_null(strstr(log, "\"trust\":3,\"rationale\":null"));
    assert_non_null(strstr(log, "\"status\":\"complete\""));
    free(log);
    app_free(&a);
    test_rmtree(dir);
    free(dir);
    assert_int_equal(SDL_Init(0), 0); /* window_run shut SDL and SDL_ttf down */
    assert_int_equal(TTF_Init(), 0);
}

#define APP_TEST(t) cmocka_unit_test_setup_teardown(t, fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_keeps_every_line_within_the_width),
        cmocka_unit_test(test_wrap_fills_lines_greedily),
        cmocka_unit_test(test_wrap_splits_paragraphs_at_blank_lines_with_a_gap),
        cmocka_unit_test(test_wrap_marks_bold_runs_and_drops_the_markers),
        cmocka_unit_test(test_wrap_places_many_alternating_bold_runs_on_one_line),
        cmocka_unit_test(test_wrap_breaks_a_word_wider_than_the_line),
        cmocka_unit_test(test_wrap_breaks_between_utf8_characters_only),
        cmocka_unit_test(test_wrap_of_nothing_is_empty),
        cmocka_unit_test(test_ellipsize_cuts_to_fit_with_an_ellipsis),
        cmocka_unit_test(test_scale_steps_by_25_within_75_and_200),
        cmocka_unit_test(test_font_size_follows_density_and_scale),
        cmocka_unit_test(test_focus_moves_and_wraps_around),
        cmocka_unit_test(test_scroll_clamps_and_brings_rows_into_view),
        cmocka_unit_test(test_flow_wraps_items_onto_rows),
        cmocka_unit_test(test_two_columns_need_room_for_both),
        cmocka_unit_test(test_utf8_pop_removes_whole_characters),
        cmocka_unit_test(test_vital_rows_mark_values_outside_the_news2_zero_band),
        cmocka_unit_test(test_vital_rows_show_extras_without_prefix_and_oxygen_as_marked),
        cmocka_unit_test(test_clock_countdown_and_percent_read_as_people_write_them),
        cmocka_unit_test(test_format_case_clock),
        APP_TEST(test_app_picks_and_commits_a_whole_decision),
        APP_TEST(test_app_rationale_field_stops_at_the_longest_rationale),
        APP_TEST(test_app_digits_mean_options_at_a_choice_and_ratings_at_a_rating),
        APP_TEST(test_app_refuses_to_commit_nothing_and_says_why),
        APP_TEST(test_app_opening_a_panel_is_logged_and_closing_is_not),
        APP_TEST(test_app_escape_asks_and_leaving_is_logged_as_quit),
        APP_TEST(test_app_time_limit_fires_on_tick_and_moves_on),
        APP_TEST(test_recap_reads_each_decision_back_from_the_log),
        APP_TEST(test_recap_of_an_unreadable_log_is_an_error),
        cmocka_unit_test(test_library_lists_bundled_cases_with_titles),
        cmocka_unit_test(test_library_lists_a_broken_case_with_its_error),
        cmocka_unit_test(test_audit_catches_text_out_of_its_box),
        cmocka_unit_test(test_text_cache_reuses_textures_and_wraps),
        cmocka_unit_test(test_text_cache_stays_within_its_byte_budget_while_typing),
        cmocka_unit_test(test_text_cache_without_its_font_is_an_environment_error),
        APP_TEST(test_every_screen_fits_at_three_sizes_hidpi_and_two_scales),
        cmocka_unit_test(test_library_and_trainee_screens_fit),
        cmocka_unit_test(test_window_keys_play_a_case_with_no_display),
    };
    return cmocka_run_group_tests(tests, ui_sdl_setup, ui_sdl_teardown);
}
