/* Tests of the inputs file of `appraise run` (cli.md "Inputs file"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failing_alloc.h"
#include "inputs.h"
#include "support.h"

/* Parses text that must be valid; the caller frees. */
static inputs parse_ok(const char *text)
{
    inputs in;
    apperr e;
    int rc = inputs_parse(&in, "inputs.txt", text, &e);
    if (rc != 0)
        fail_msg("unexpected error: %s (line %d)", e.msg, e.line);
    return in;
}

/* Parses text that must fail; returns the formatted message. */
static const char *parse_error(const char *text, char *buf, size_t size)
{
    inputs in;
    apperr e;
    assert_int_equal(inputs_parse(&in, "inputs.txt", text, &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_null(in.items);
    assert_int_equal(in.n, 0);
    return apperr_format(&e, buf, size);
}

static void test_inputs_reads_every_action_in_order(void **state)
{
    (void)state;
    inputs in = parse_ok("choose sepsis6\n"
                         "confidence 5\n"
                         "trust 2\n"
                         "rationale \"Lactate is high\"\n"
                         "view explanation\n"
                         "view model_card\n"
                         "view results\n"
                         "ask\n"
                         "wait 30\n"
                         "continue\n"
                         "quit\n");
    assert_int_equal(in.n, 11);
    assert_int_equal(in.items[0].action.kind, ACT_CHOOSE);
    assert_string_equal(in.items[0].action.text, "sepsis6");
    assert_int_equal(in.items[1].action.kind, ACT_CONFIDENCE);
    assert_int_equal(in.items[1].action.value, 5);
    assert_int_equal(in.items[2].action.kind, ACT_TRUST);
    assert_int_equal(in.items[2].action.value, 2);
    assert_int_equal(in.items[3].action.kind, ACT_RATIONALE);
    assert_string_equal(in.items[3].action.text, "Lactate is high");
    assert_int_equal(in.items[4].action.kind, ACT_VIEW);
    assert_string_equal(in.items[4].action.text, "explanation");
    assert_string_equal(in.items[5].action.text, "model_card");
    assert_string_equal(in.items[6].action.text, "results");
    assert_int_equal(in.items[7].action.kind, ACT_ASK);
    assert_null(in.items[7].action.text);
    assert_int_equal(in.items[8].action.kind, ACT_WAIT);
    assert_int_equal(in.items[8].action.value, 30);
    assert_int_equal(in.items[9].action.kind, ACT_CONTINUE);
    assert_int_equal(in.items[10].action.kind, ACT_QUIT);
    for (size_t i = 0; i < in.n; i++)
        assert_int_equal(in.items[i].line, (int)i + 1);
    inputs_free(&in);
}

static void test_inputs_action_text_points_into_owned_text(void **state)
{
    (void)state;
    inputs in = parse_ok("choose a\n");
    assert_ptr_equal(in.items[0].action.text, in.items[0].text);
    inputs_free(&in);
}

static void test_inputs_skips_comments_and_blank_lines_keeping_line_numbers(void **state)
{
    (void)state;
    inputs in = parse_ok("# a path through the case\n"
                         "\n"
                         "   \t \n"
                         "choose repeat   # the wrong one on purpose\n"
                         "  # indented comment\n"
                         "confidence 3#tight comment\n");
    assert_int_equal(in.n, 2);
    assert_string_equal(in.items[0].action.text, "repeat");
    assert_int_equal(in.items[0].line, 4);
    assert_int_equal(in.items[1].action.value, 3);
    assert_int_equal(in.items[1].line, 6);
    inputs_free(&in);
}

static void test_inputs_quoted_text_takes_escapes(void **state)
{
    (void)state;
    inputs in = parse_ok("rationale \"she said \\\"no\\\"\\\\ then\\nleft\"\n");
    assert_string_equal(in.items[0].action.text, "she said \"no\"\\ then\nleft");
    inputs_free(&in);
}

static void test_inputs_hash_inside_quotes_is_text(void **state)
{
    (void)state;
    inputs in = parse_ok("rationale \"score #1 was wrong\" # but this is a comment\n");
    assert_string_equal(in.items[0].action.text, "score #1 was wrong");
    inputs_free(&in);
}

static void test_inputs_rationale_takes_unquoted_rest_of_line(void **state)
{
    (void)state;
    inputs in = parse_ok("rationale   Lactate 4.1 outweighs the score   # why\n"
                         "rationale \"\"\n");
    assert_string_equal(in.items[0].action.text, "Lactate 4.1 outweighs the score");
    assert_string_equal(in.items[1].action.text, "");
    inputs_free(&in);
}

static void test_inputs_tolerates_crlf_and_missing_last_newline(void **state)
{
    (void)state;
    inputs in = parse_ok("choose a\r\nrationale plain words\r\nconfidence 7");
    assert_int_equal(in.n, 3);
    assert_string_equal(in.items[0].action.text, "a");
    assert_string_equal(in.items[1].action.text, "plain words");
    assert_int_equal(in.items[2].action.value, 7);
    assert_int_equal(in.items[2].line, 3);
    inputs_free(&in);
}

static void test_inputs_choose_accepts_quoted_id(void **state)
{
    (void)state;
    inputs in = parse_ok("choose \"senior\"\n");
    assert_string_equal(in.items[0].action.text, "senior");
    inputs_free(&in);
}

static void test_inputs_wait_zero_and_ratings_at_bounds(void **state)
{
    (void)state;
    inputs in = parse_ok("wait 0\nconfidence 1\ntrust 7\n");
    assert_int_equal(in.items[0].action.value, 0);
    assert_int_equal(in.items[1].action.value, 1);
    assert_int_equal(in.items[2].action.value, 7);
    inputs_free(&in);
}

static void test_inputs_empty_file_has_no_actions(void **state)
{
    (void)state;
    inputs in = parse_ok("");
    assert_int_equal(in.n, 0);
    assert_string_equal(in.file, "inputs.txt");
    inputs_free(&in);
}

static void test_inputs_stdin_shows_as_stdin_in_messages(void **state)
{
    (void)state;
    inputs in;
    apperr e;
    char buf[1024];
    assert_int_equal(inputs_parse(&in, "-", "ask\nfly\n", &e), -1);
    assert_string_equal(apperr_format(&e, buf, sizeof buf),
                        "<stdin>:2: unknown action 'fly' (expected choose, confidence, trust, "
                        "rationale, view, ask, wait, continue or quit)");
    assert_int_equal(inputs_parse(&in, "-", "ask\n", &e), 0);
    assert_string_equal(in.file, "<stdin>");
    inputs_free(&in);
}

static void test_inputs_rating_out_of_range_names_line_and_value(void **state)
{
    (void)state;
    char buf[1024];
    assert_string_equal(parse_error("choose a\n\n# c\nconfidence 9\n", buf, sizeof buf),
                        "inputs.txt:4: confidence must be a whole number from 1 to 7, got 9");
    assert_string_equal(parse_error("trust 0\n", buf, sizeof buf),
                        "inputs.txt:1: trust must be a whole number from 1 to 7, got 0");
    assert_string_equal(parse_error("trust 4.5\n", buf, sizeof buf),
                        "inputs.txt:1: trust must be a whole number from 1 to 7, got 4.5");
    assert_string_equal(parse_error("confidence\n", buf, sizeof buf),
                        "inputs.txt:1: confidence must be a whole number from 1 to 7, got nothing");
    assert_string_equal(parse_error("confidence -3\n", buf, sizeof buf),
                        "inputs.txt:1: confidence must be a whole number from 1 to 7, got -3");
}

static void test_inputs_unknown_action_lists_the_expected_ones(void **state)
{
    (void)state;
    char buf[1024];
    assert_string_equal(parse_error("chose sepsis6\n", buf, sizeof buf),
                        "inputs.txt:1: unknown action 'chose' (expected choose, confidence, trust, "
                        "rationale, view, ask, wait, continue or quit)");
    assert_string_equal(
        parse_error("Choose a\n", buf, sizeof buf),
        "inputs.txt:1: unknown action 'Choose' (expected choose, confidence, trust, "
        "rationale, view, ask, wait, continue or quit)");
}

static void test_inputs_wait_must_be_whole_non_negative_seconds(void **state)
{
    (void)state;
    char buf[1024];
    assert_string_equal(parse_error("wait -1\n", buf, sizeof buf),
                        "inputs.txt:1: wait must be a whole number of seconds (0 or more), got -1");
    assert_string_equal(
        parse_error("wait 1.5\n", buf, sizeof buf),
        "inputs.txt:1: wait must be a whole number of seconds (0 or more), got 1.5");
    assert_string_equal(parse_error("wait 99999999999999999999\n", buf, sizeof buf),
                        "inputs.txt:1: wait must be a whole number of seconds (0 or more), got "
                        "99999999999999999999");
    assert_string_equal(parse_error("wait\n", buf, sizeof buf),
                        "inputs.txt:1: wait must be a whole number of seconds (0 or more), got "
                        "nothing");
}

static void test_inputs_view_names_the_panels(void **state)
{
    (void)state;
    char buf[1024];
    assert_string_equal(parse_error("view explanations\n", buf, sizeof buf),
                        "inputs.txt:1: view must be explanation, model_card or results, got "
                        "'explanations'");
    assert_string_equal(parse_error("view\n", buf, sizeof buf),
                        "inputs.txt:1: view needs explanation, model_card or results");
}

static void test_inputs_choose_needs_one_id(void **state)
{
    (void)state;
    char buf[1024];
    assert_string_equal(parse_error("choose   # nothing\n", buf, sizeof buf),
                        "inputs.txt:1: choose needs an option id, e.g. 'choose sepsis6'");
    assert_string_equal(parse_error("choose a b\n", buf, sizeof buf),
                        "inputs.txt:1: unexpected 'b' after the option id");
    assert_string_equal(parse_error("choose \"\"\n", buf, sizeof buf),
                        "inputs.txt:1: choose needs an option id, got an empty one");
}

static void test_inputs_bare_actions_take_no_argument(void **state)
{
    (void)state;
    char buf[1024];
    assert_string_equal(parse_error("ask now\n", buf, sizeof buf),
                        "inputs.txt:1: unexpected 'now' after 'ask' (it takes nothing after it)");
    assert_string_equal(
        parse_error("continue\ncontinue please\n", buf, sizeof buf),
        "inputs.txt:2: unexpected 'please' after 'continue' (it takes nothing after it)");
    assert_string_equal(parse_error("quit 1\n", buf, sizeof buf),
                        "inputs.txt:1: unexpected '1' after 'quit' (it takes nothing after it)");
    assert_string_equal(parse_error("confidence 5 6\n", buf, sizeof buf),
                        "inputs.txt:1: unexpected '6' after the rating");
}

static void test_inputs_quoted_text_errors_name_their_line(void **state)
{
    (void)state;
    char buf[1024];
    assert_string_equal(parse_error("ask\nrationale \"never closed\n", buf, sizeof buf),
                        "inputs.txt:2: quoted text has no closing '\"'");
    assert_string_equal(parse_error("rationale \"bad \\t escape\"\n", buf, sizeof buf),
                        "inputs.txt:1: unknown escape '\\t' in quoted text (expected \\\", \\\\ "
                        "or \\n)");
    assert_string_equal(parse_error("rationale \"ends \\", buf, sizeof buf),
                        "inputs.txt:1: quoted text ends with a lone backslash");
    assert_string_equal(parse_error("rationale \"done\" extra\n", buf, sizeof buf),
                        "inputs.txt:1: unexpected 'extra' after the quoted rationale");
    assert_string_equal(parse_error("rationale # only a comment\n", buf, sizeof buf),
                        "inputs.txt:1: rationale needs text, e.g. rationale \"Lactate is high\"");
}

static void test_inputs_newline_cannot_hide_inside_quotes(void **state)
{
    (void)state;
    char buf[1024];
    /* One action a line: a quote never spans lines, so line numbers stay true. */
    assert_string_equal(parse_error("rationale \"two\nlines\"\n", buf, sizeof buf),
                        "inputs.txt:1: quoted text has no closing '\"'");
}

static void test_inputs_free_is_safe_twice(void **state)
{
    (void)state;
    inputs in = parse_ok("choose a\n");
    inputs_free(&in);
    inputs_free(&in);
    inputs_free(NULL);
}

/* ---- the cap on a rationale and typed bytes -------------------------------- */

/* "rationale \"" + n copies of the 2-byte character e-acute + "\"\n". */
static char *rationale_of(size_t n)
{
    char *text = malloc(2 * n + 16);
    assert_non_null(text);
    char *p = text + sprintf(text, "rationale \"");
    for (size_t i = 0; i < n; i++, p += 2)
        memcpy(p, "\xc3\xa9", 2);
    strcpy(p, "\"\n");
    return text;
}

static void test_inputs_rationale_at_the_cap_is_taken_and_one_over_refused(void **state)
{
    (void)state;
    char *text = rationale_of(SESSION_RATIONALE_MAX);
    inputs in = parse_ok(text);
    assert_int_equal(strlen(in.items[0].action.text), 2 * SESSION_RATIONALE_MAX);
    inputs_free(&in);
    free(text);
    char buf[1024];
    text = rationale_of(SESSION_RATIONALE_MAX + 1);
    assert_string_equal(parse_error(text, buf, sizeof buf),
                        "inputs.txt:1: the rationale is 10001 characters long; a rationale may "
                        "have at most 10000");
    free(text);
}

static void test_inputs_rationale_in_latin1_is_repaired_to_utf8(void **state)
{
    (void)state;
    inputs in = parse_ok("rationale \"caf\xe9 \xc3\xa9\"\nrationale na\xefve # unquoted\n");
    assert_string_equal(in.items[0].action.text, "caf\xef\xbf\xbd \xc3\xa9");
    assert_string_equal(in.items[1].action.text, "na\xef\xbf\xbdve");
    inputs_free(&in);
}

/* ---- reading as a stream ------------------------------------------------- */

static void test_inputs_line_longer_than_the_limit_is_refused(void **state)
{
    (void)state;
    char *text = malloc(INPUTS_LINE_MAX + 16);
    assert_non_null(text);
    memset(text, ' ', INPUTS_LINE_MAX);
    memcpy(text, "ask #", 5); /* a line of exactly the limit */
    strcpy(text + INPUTS_LINE_MAX, "\nask ");
    inputs in = parse_ok(text);
    assert_int_equal(in.n, 2);
    inputs_free(&in);
    text[INPUTS_LINE_MAX] = ' '; /* one byte longer */
    char buf[1024];
    assert_string_equal(parse_error(text, buf, sizeof buf),
                        "inputs.txt:1: this line is longer than 1 MiB; an inputs file holds one "
                        "action a line");
    free(text);
}

/* Opens inputs from the read end of a pipe as standard input ("-"), as
 * `run --inputs -` does; *writer is the write end. */
static inputs_reader *open_pipe(int *writer, int *saved_stdin)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    *saved_stdin = dup(STDIN_FILENO);
    assert_true(*saved_stdin >= 0);
    assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
    close(fds[0]);
    *writer = fds[1];
    inputs_reader *r = NULL;
    apperr e;
    assert_int_equal(inputs_open(&r, "-", &e), 0);
    assert_string_equal(inputs_reader_file(r), "<stdin>");
    return r;
}

static void close_pipe(inputs_reader *r, int writer, int saved_stdin)
{
    inputs_close(r);
    if (writer >= 0)
        close(writer);
    assert_int_equal(dup2(saved_stdin, STDIN_FILENO), STDIN_FILENO);
    close(saved_stdin);
}

static void say(int fd, const char *text)
{
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
}

/* Each action is handed over as soon as its line has come, while the
 * writer is still writing: the reader never waits for the end. */
static void test_inputs_from_a_pipe_come_line_by_line(void **state)
{
    (void)state;
    int writer, saved;
    inputs_reader *r = open_pipe(&writer, &saved);
    const input_line *il;
    apperr e;
    say(writer, "choose a\n# a comment\n");
    assert_int_equal(inputs_next(r, &il, &e), 1);
    assert_int_equal(il->action.kind, ACT_CHOOSE);
    assert_string_equal(il->action.text, "a");
    say(writer, "confidence 3\nwai");
    assert_int_equal(inputs_next(r, &il, &e), 1);
    assert_int_equal(il->action.value, 3);
    assert_int_equal(il->line, 3);
    say(writer, "t 2"); /* the last line, without its newline */
    close(writer);
    assert_int_equal(inputs_next(r, &il, &e), 1);
    assert_int_equal(il->action.kind, ACT_WAIT);
    assert_int_equal(il->action.value, 2);
    assert_int_equal(inputs_next(r, &il, &e), 0);
    close_pipe(r, -1, saved);
}

/* In a pipe a mistake is found when its line comes, after the actions
 * before it were handed over. */
static void test_inputs_mistake_in_a_pipe_is_found_at_its_line(void **state)
{
    (void)state;
    int writer, saved;
    inputs_reader *r = open_pipe(&writer, &saved);
    const input_line *il;
    apperr e;
    char buf[1024];
    say(writer, "ask\nchose b\nask\n");
    close(writer);
    assert_int_equal(inputs_next(r, &il, &e), 1);
    assert_int_equal(inputs_next(r, &il, &e), -1);
    assert_string_equal(apperr_format(&e, buf, sizeof buf),
                        "<stdin>:2: unknown action 'chose' (expected choose, confidence, trust, "
                        "rationale, view, ask, wait, continue or quit)");
    close_pipe(r, -1, saved);
}

/* A file is checked whole when it is opened, so that a mistake on its last
 * line stops `run` before any log exists; then it is read from the start. */
static void test_inputs_file_is_checked_whole_at_open(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[1200], buf[2048];
    assert_non_null(dir);
    snprintf(path, sizeof path, "%s/in.txt", dir);
    assert_int_equal(test_write_file(path, "ask\ncontinue\nchose b\n"), 0);
    inputs_reader *r = (inputs_reader *)1;
    apperr e;
    assert_int_equal(inputs_open(&r, path, &e), -1);
    assert_null(r);
    snprintf(path + strlen(path), 64, ":3: unknown action 'chose'");
    assert_non_null(strstr(apperr_format(&e, buf, sizeof buf), path));

    snprintf(path, sizeof path, "%s/in.txt", dir);
    assert_int_equal(test_write_file(path, "ask\n\ncontinue\n"), 0);
    assert_int_equal(inputs_open(&r, path, &e), 0);
    const input_line *il;
    assert_int_equal(inputs_next(r, &il, &e), 1);
    assert_int_equal(il->action.kind, ACT_ASK);
    assert_int_equal(il->line, 1);
    assert_int_equal(inputs_next(r, &il, &e), 1);
    assert_int_equal(il->action.kind, ACT_CONTINUE);
    assert_int_equal(il->line, 3);
    assert_int_equal(inputs_next(r, &il, &e), 0);
    inputs_close(r);

    /* a NUL byte: not a text file */
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite("ask\nas\0k\n", 1, 9, f), 9);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(inputs_open(&r, path, &e), -1);
    assert_int_equal(e.line, 2);
    assert_string_equal(e.msg, "the inputs contain a NUL byte (not a text file?)");

    snprintf(path, sizeof path, "%s/none.txt", dir);
    assert_int_equal(inputs_open(&r, path, &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_string_equal(e.file, path);
    assert_non_null(strstr(e.msg, "cannot read the inputs: "));
    test_rmtree(dir);
    free(dir);
}

/* Every kind of line: bare words, quoted text, a rationale repaired from
 * Latin-1, numbers and comments. */
static const char OOM_INPUTS[] = "# a path\n"
                                 "choose sepsis6\n"
                                 "confidence 5\n"
                                 "view \"model_card\"\n"
                                 "rationale Lactate is high, caf\xE9 # why\n"
                                 "rationale \"quoted \\\" text\"\n"
                                 "wait 30\n"
                                 "continue\n";

/* Fails each allocation of a parse in turn: -1 with "out of memory" (an
 * APPERR_ENV), an empty list, and nothing left behind. */
static void test_inputs_parse_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    failing_alloc_install();
    for (long k = 0;; k++) {
        inputs in;
        apperr e;
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = inputs_parse(&in, "inputs.txt", OOM_INPUTS, &e);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (!failed) {
            assert_int_equal(rc, 0);
            assert_int_equal(in.n, 7);
            assert_string_equal(in.items[3].text, "Lactate is high, caf\xEF\xBF\xBD");
            inputs_free(&in);
            assert_int_equal(alloc_live, before);
            assert_true(k > 0);
            break;
        }
        assert_int_equal(rc, -1);
        if (e.kind != APPERR_ENV)
            fail_msg("k=%ld: %s", k, e.msg);
        assert_string_equal(e.msg, "out of memory");
        assert_null(in.items);
        assert_int_equal(alloc_live, before);
    }
    failing_alloc_remove();
}

/* The same, line by line through the streaming reader. */
static void test_inputs_reader_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    failing_alloc_install();
    for (long k = 0;; k++) {
        inputs_reader *r = NULL;
        const input_line *il;
        apperr e;
        long before = alloc_live;
        int rc, n = 0;
        alloc_fail_in = k;
        if ((rc = inputs_open_text(&r, "inputs.txt", OOM_INPUTS, strlen(OOM_INPUTS), &e)) == 0)
            while ((rc = inputs_next(r, &il, &e)) == 1)
                n++;
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        inputs_close(r);
        assert_int_equal(alloc_live, before);
        if (!failed) {
            assert_int_equal(rc, 0);
            assert_int_equal(n, 7);
            break;
        }
        assert_int_equal(rc, -1);
        assert_int_equal(e.kind, APPERR_ENV);
    }
    failing_alloc_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inputs_reads_every_action_in_order),
        cmocka_unit_test(test_inputs_action_text_points_into_owned_text),
        cmocka_unit_test(test_inputs_skips_comments_and_blank_lines_keeping_line_numbers),
        cmocka_unit_test(test_inputs_quoted_text_takes_escapes),
        cmocka_unit_test(test_inputs_hash_inside_quotes_is_text),
        cmocka_unit_test(test_inputs_rationale_takes_unquoted_rest_of_line),
        cmocka_unit_test(test_inputs_tolerates_crlf_and_missing_last_newline),
        cmocka_unit_test(test_inputs_choose_accepts_quoted_id),
        cmocka_unit_test(test_inputs_wait_zero_and_ratings_at_bounds),
        cmocka_unit_test(test_inputs_empty_file_has_no_actions),
        cmocka_unit_test(test_inputs_stdin_shows_as_stdin_in_messages),
        cmocka_unit_test(test_inputs_rating_out_of_range_names_line_and_value),
        cmocka_unit_test(test_inputs_unknown_action_lists_the_expected_ones),
        cmocka_unit_test(test_inputs_wait_must_be_whole_non_negative_seconds),
        cmocka_unit_test(test_inputs_view_names_the_panels),
        cmocka_unit_test(test_inputs_choose_needs_one_id),
        cmocka_unit_test(test_inputs_bare_actions_take_no_argument),
        cmocka_unit_test(test_inputs_quoted_text_errors_name_their_line),
        cmocka_unit_test(test_inputs_newline_cannot_hide_inside_quotes),
        cmocka_unit_test(test_inputs_free_is_safe_twice),
        cmocka_unit_test(test_inputs_rationale_at_the_cap_is_taken_and_one_over_refused),
        cmocka_unit_test(test_inputs_rationale_in_latin1_is_repaired_to_utf8),
        cmocka_unit_test(test_inputs_line_longer_than_the_limit_is_refused),
        cmocka_unit_test(test_inputs_from_a_pipe_come_line_by_line),
        cmocka_unit_test(test_inputs_mistake_in_a_pipe_is_found_at_its_line),
        cmocka_unit_test(test_inputs_file_is_checked_whole_at_open),
        cmocka_unit_test(test_inputs_parse_that_runs_out_of_memory_leaks_nothing),
        cmocka_unit_test(test_inputs_reader_that_runs_out_of_memory_leaks_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
