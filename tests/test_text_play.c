/* The text mode's play loop (engine/text/text_play.h), driven by lines and
 * a clock of the test's own: what a trainee types at what time, what the
 * terminal shows, and what the session log records (mode "text"). Time
 * never really passes: the fake clock jumps to each line's time, or to the
 * deadline the loop waits for, so a 60 s time limit runs out at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_load.h"
#include "support.h"
#include "text_input.h"
#include "text_play.h"

/* A line typed at at_ms on the fake clock. */
typedef struct typed {
    int64_t at_ms;
    const char *line;
} typed;

typedef struct fake {
    const typed *lines;
    size_t n, next;
    int64_t now;
    int waits; /* deadlines reached before a line */
} fake;

static int fake_read(void *ctx, int64_t until, const char **line)
{
    fake *f = ctx;
    if (f->next == f->n)
        return -1;
    const typed *t = &f->lines[f->next];
    if (until >= 0 && until < t->at_ms) {
        f->now = until > f->now ? until : f->now;
        f->waits++;
        return 0;
    }
    if (t->at_ms > f->now)
        f->now = t->at_ms;
    f->next++;
    *line = t->line;
    return 1;
}

static int64_t fake_now(void *ctx)
{
    return ((fake *)ctx)->now;
}

/* What one play gave: the terminal's text and the log's. */
typedef struct played {
    char *out, *log;
    int rc;
    bool started;
} played;

static played play_lines(const char *case_name, const typed *lines, size_t n, time_limits tl,
                         bool bold)
{
    case_def *c = load_test_case(case_name);
    char *dir = test_tmpdir();
    fake f = {.lines = lines, .n = n};
    played p = {0};
    size_t len = 0;
    FILE *out = open_memstream(&p.out, &len);
    assert_non_null(out);
    text_io io = {.read_line = fake_read, .now_ms = fake_now, .ctx = &f, .out = out};
    io.style.bold = bold;
    text_play_opts o = {
        .trainee = "t1", .seed = 5, .time_limits = tl, .log_dir = dir, .host_os = "test"};
    apperr e;
    apperr_clear(&e);
    char path[4096];
    p.rc = text_play_case(&io, c, &o, &p.started, path, &e);
    fclose(out);
    if (p.started)
        p.log = test_read_file(path, NULL);
    case_free(c);
    test_rmtree(dir);
    free(dir);
    return p;
}

static void played_free(played *p)
{
    free(p->out);
    free(p->log);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The whole case by the keys: the log is the text mode's, with every
 * action the trainee typed. */
static void test_play_logs_every_action_with_mode_text(void **state)
{
    (void)state;
    static const typed lines[] = {
        {0, ""},     /* start */
        {1000, "1"}, /* first choice A */
        {2000, "5"}, /* confidence */
        {3000, "e"}, /* the explanation (logged as a view) */
        {4000, ""},  /* keep A, against the AI's B */
        {5000, "6"}, /* confidence */
        {6000, "3"}, /* trust */
        {7000, "A looked right"},
        {8000, ""},        /* after the feedback */
        {9000, ""},        /* the narrative node */
        {10000, "a"},      /* ask */
        {11000, "1"},      /* A */
        {12000, "4"},      /* trust */
        {13000, "Agreed"}, /* rationale */
        {14000, ""},       /* feedback */
        {15000, ""},       /* the debrief */
    };
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, false);
    assert_int_equal(p.rc, 0);
    assert_true(p.started);
    assert_non_null(strstr(p.log, "\"mode\":\"text\""));
    assert_non_null(strstr(p.log, "\"what\":\"explanation\""));
    assert_non_null(strstr(p.log, "\"rationale\":\"A looked right\""));
    assert_non_null(strstr(p.log, "\"status\":\"complete\""));
    assert_non_null(strstr(p.out, "1. A. Your first choice.\n2. B. AI recommends.\n"));
    assert_non_null(strstr(p.out, "Why the tool says this"));
    /* On-request advice: the prompt says how to ask for it. */
    assert_non_null(strstr(p.out, "Type 1 to 2 and press Enter, or a to ask the AI.\n"));
    /* The node after "middle" has its vitals: not read out again. */
    assert_int_equal(count(p.out, "Observations unchanged since the last screen"), 1);
    assert_int_equal(count(p.out, "Observations:\n"), 2);
    assert_non_null(strstr(p.out, "Outcome: good"));
    assert_non_null(strstr(p.out, "Your debrief"));
    assert_null(strchr(p.out, '\033')); /* plain: no escape at all */
    played_free(&p);
}

/* Nothing typed at a timed choice: the marks at 30 s and 10 s, then the
 * time running out, each said once, and the timeout logged. */
static void test_timer_marks_then_time_runs_out(void **state)
{
    (void)state;
    static const typed lines[] = {{0, ""}, {500000, ""}, {500001, ""}, {500002, ""}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, false);
    assert_non_null(strstr(p.out, "Time limit: 1:00 to confirm a choice."));
    assert_int_equal(count(p.out, "30 seconds left: confirm soon."), 1);
    assert_int_equal(count(p.out, "10 seconds left: confirm now."), 1);
    assert_non_null(strstr(p.out, "Time ran out"));
    assert_true(strstr(p.out, "30 seconds") < strstr(p.out, "10 seconds"));
    assert_non_null(strstr(p.log, "\"timed_out\":true"));
    played_free(&p);
}

/* --time-limits double: the limit said is twice the case's; t says what
 * is left of it, and the keys list t at a timed choice. */
static void test_double_time_limit_is_said(void **state)
{
    (void)state;
    static const typed lines[] = {{0, ""},      {2000, "1"},  {3000, "5"},
                                  {37000, "t"}, {38000, "q"}, {39000, "y"}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_DOUBLE, false);
    /* Keep it or change it: the same limit runs on, said as what is left. */
    assert_non_null(strstr(p.out, "1:57 left to confirm a choice.\n"));
    assert_non_null(strstr(p.out, "Time limit: 2:00 to confirm a choice."));
    assert_non_null(strstr(p.out, "1:23 left to confirm a choice.\n"));
    assert_int_equal(count(p.out, "Time limit: "), 1); /* said once, as the node opens */
    assert_non_null(strstr(p.out, " t the time left,"));
    played_free(&p);
}

/* --time-limits off: no limit said, no mark, and no timeout however long
 * the trainee takes. */
static void test_time_limits_off_never_times_out(void **state)
{
    (void)state;
    static const typed lines[] = {
        {0, ""}, {1000, "t"}, {3600000, "1"}, {3600001, "q"}, {3600002, "y"}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_OFF, false);
    assert_non_null(strstr(p.out, "There is no time limit here."));
    assert_null(strstr(p.out, " t the time left,"));
    assert_null(strstr(p.out, "Time limit"));
    assert_null(strstr(p.out, "seconds left"));
    assert_null(strstr(p.out, "Time ran out"));
    assert_null(strstr(p.log, "\"timed_out\":true"));
    assert_non_null(strstr(p.log, "\"status\":\"quit\""));
    played_free(&p);
}

/* q asks first: Enter alone stays, y leaves (logged as quit). */
static void test_leaving_asks_first(void **state)
{
    (void)state;
    static const typed lines[] = {{0, ""}, {1000, "q"}, {2000, ""}, {3000, "q"}, {4000, "y"}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, false);
    assert_int_equal(p.rc, 0);
    assert_int_equal(count(p.out, "Leave the case?"), 2);
    assert_non_null(strstr(p.out, "You stay in the case."));
    assert_non_null(strstr(p.out, "You left the case"));
    assert_non_null(strstr(p.log, "\"status\":\"quit\""));
    played_free(&p);
}

/* q at the start screen: nothing is logged. */
static void test_leaving_before_the_start_logs_nothing(void **state)
{
    (void)state;
    static const typed lines[] = {{0, "q"}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, false);
    assert_int_equal(p.rc, 0);
    assert_false(p.started);
    played_free(&p);
}

/* The input ending mid-case (a pipe that closes) leaves it as quit. */
static void test_input_end_leaves_the_case(void **state)
{
    (void)state;
    static const typed lines[] = {{0, ""}, {1000, "1"}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, false);
    assert_int_equal(p.rc, 0);
    assert_non_null(
        strstr(p.out, "The input has ended (or Ctrl+C was pressed): leaving the case."));
    assert_non_null(strstr(p.log, "\"status\":\"quit\""));
    played_free(&p);
}

/* What does not fit is said in words, and nothing is logged for it. */
static void test_wrong_input_is_said_not_logged(void **state)
{
    (void)state;
    static const typed lines[] = {{0, ""},       {1000, "9"}, {2000, "a"},
                                  {3000, "xyz"}, {4000, "q"}, {5000, "y"}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, false);
    assert_non_null(strstr(p.out, "There is no option 9 here: the options are 1 to 2."));
    assert_non_null(strstr(p.out, "There is no advice to ask for here."));
    assert_non_null(strstr(p.out, "Not understood: xyz."));
    assert_null(strstr(p.out, "There is no time limit here.")); /* it is timed */
    assert_null(strstr(p.log, "\"type\":\"decision\""));
    played_free(&p);
}

/* h lists the keys again; s shows the whole screen again, observations
 * and all, even when they have not changed. */
static void test_keys_and_screen_again(void **state)
{
    (void)state;
    static const typed lines[] = {
        {0, ""},      {1000, "1"},  {2000, "5"}, {3000, ""},
        {4000, "5"},  {5000, "5"},  {6000, "x"}, {7000, ""}, /* the rationale, then the feedback */
        {8000, ""},                                          /* middle: new vitals */
        {9000, "h"},  {10000, "s"},                          /* second: the same vitals */
        {11000, "q"}, {12000, "y"},
    };
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, false);
    assert_int_equal(count(p.out, "Keys: "), 2 + 1); /* first screen, h, s */
    const char *unchanged = strstr(p.out, "Observations unchanged since the last screen");
    assert_non_null(unchanged);
    assert_non_null(strstr(unchanged, "Observations:\n")); /* s shows them whole */
    played_free(&p);
}

/* Bold headings only when asked for: the escape is then around the
 * heading's words alone. */
static void test_bold_headings_when_styled(void **state)
{
    (void)state;
    static const typed lines[] = {{0, "q"}};
    played p = play_lines("replay_timed.lua", lines, N(lines), TIME_LIMITS_NORMAL, true);
    assert_non_null(
        strstr(p.out, "\n\033[1mReplay: actions at times a window takes them\033[0m\n"));
    played_free(&p);
}

/* The real input: lines from a pipe, "\r\n" too, a last line without a
 * newline, then the end; a deadline already passed returns at once. */
static void test_input_reads_lines_and_deadlines(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    text_input in;
    text_input_init(&in, fds[0]);
    const char *line = NULL;
    assert_int_equal(text_input_read_line(&in, text_input_now_ms(NULL), &line), 0);
    const char text[] = "1\r\n  two words \nlast";
    assert_int_equal(write(fds[1], text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fds[1]);
    assert_int_equal(text_input_read_line(&in, -1, &line), 1);
    assert_string_equal(line, "1");
    assert_int_equal(text_input_read_line(&in, -1, &line), 1);
    assert_string_equal(line, "  two words ");
    assert_int_equal(text_input_read_line(&in, -1, &line), 1);
    assert_string_equal(line, "last");
    assert_int_equal(text_input_read_line(&in, -1, &line), -1);
    text_input_free(&in);
    close(fds[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_play_logs_every_action_with_mode_text),
        cmocka_unit_test(test_timer_marks_then_time_runs_out),
        cmocka_unit_test(test_double_time_limit_is_said),
        cmocka_unit_test(test_time_limits_off_never_times_out),
        cmocka_unit_test(test_leaving_asks_first),
        cmocka_unit_test(test_leaving_before_the_start_logs_nothing),
        cmocka_unit_test(test_input_end_leaves_the_case),
        cmocka_unit_test(test_wrong_input_is_said_not_logged),
        cmocka_unit_test(test_keys_and_screen_again),
        cmocka_unit_test(test_bold_headings_when_styled),
        cmocka_unit_test(test_input_reads_lines_and_deadlines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
