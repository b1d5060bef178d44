/* test_ui_speech: the window's voice (engine/ui/speech.h) through its
 * backend seam: each announcement cancels the one before, an engine that
 * fails makes speech unavailable (said once, in words), and
 * APPRAISE_SPEECH_LOG appends each announcement to a file as a line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech.h"
#include "support.h"

/* A backend that records what it was asked: "cancel" and "say TEXT" lines. */
typedef struct recorder {
    char calls[4096];
    bool fail_say, fail_cancel;
    int closed;
} recorder;

static void record(recorder *r, const char *what, const char *text)
{
    size_t n = strlen(r->calls);
    snprintf(r->calls + n, sizeof r->calls - n, "%s%s%s\n", what, text ? " " : "",
             text ? text : "");
}

static int rec_say(void *ctx, const char *text)
{
    recorder *r = ctx;
    record(r, "say", text);
    return r->fail_say ? -1 : 0;
}

static int rec_cancel(void *ctx)
{
    recorder *r = ctx;
    record(r, "cancel", NULL);
    return r->fail_cancel ? -1 : 0;
}

static void rec_close(void *ctx)
{
    ((recorder *)ctx)->closed++;
}

static speech *open_recorder(recorder *r)
{
    speech *s = speech_open_backend(&(speech_backend){r, rec_say, rec_cancel, rec_close});
    assert_non_null(s);
    return s;
}

static void test_each_announcement_interrupts_the_one_before(void **state)
{
    (void)state;
    recorder r = {0};
    speech *s = open_recorder(&r);
    assert_true(speech_available(s));
    assert_string_equal(speech_why(s), "");
    assert_true(speech_say(s, "Option 1 of 3: Call the outreach team."));
    assert_true(speech_say(s, "Option 2 of 3: Repeat observations in an hour."));
    speech_stop(s);
    assert_string_equal(r.calls, "cancel\n"
                                 "say Option 1 of 3: Call the outreach team.\n"
                                 "cancel\n"
                                 "say Option 2 of 3: Repeat observations in an hour.\n"
                                 "cancel\n");
    speech_close(s);
    assert_int_equal(r.closed, 1);
}

static void test_an_engine_that_fails_makes_speech_unavailable(void **state)
{
    (void)state;
    recorder r = {.fail_say = true};
    speech *s = open_recorder(&r);
    assert_false(speech_say(s, "Hello."));
    assert_false(speech_available(s));
    assert_int_equal(r.closed, 1); /* closed as it failed, not again later */
    assert_non_null(strstr(speech_why(s), "Speech is unavailable"));
    r.calls[0] = '\0';
    assert_false(speech_say(s, "Again."));
    speech_stop(s);
    assert_string_equal(r.calls, ""); /* never asked again */
    speech_close(s);
    assert_int_equal(r.closed, 1);

    recorder c = {.fail_cancel = true};
    s = open_recorder(&c);
    speech_stop(s);
    assert_false(speech_available(s));
    speech_close(s);
    assert_int_equal(c.closed, 1);
    /* No speech at all (out of memory) is unavailable too, and says so. */
    assert_false(speech_available(NULL));
    assert_false(speech_say(NULL, "x"));
    assert_non_null(strstr(speech_why(NULL), "unavailable"));
}

static void test_the_speech_log_gets_each_announcement_as_a_line(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[4200];
    snprintf(path, sizeof path, "%s/said.txt", dir);
    assert_int_equal(test_write_file(path, "before\n"), 0);
    setenv("APPRAISE_SPEECH_LOG", path, 1);
    speech *s = speech_open();
    assert_true(speech_available(s));
    assert_true(speech_say(s, "Time ran out."));
    assert_true(speech_say(s, "")); /* cancels only: no empty line */
    assert_true(speech_say(s, "Confidence: 5 of 7"));
    speech_close(s);
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    assert_string_equal(text, "before\nTime ran out.\nConfidence: 5 of 7\n"); /* appended */
    free(text);

    /* A log that cannot be written: unavailable, and why names the file. */
    snprintf(path, sizeof path, "%s/no/such/folder/said.txt", dir);
    setenv("APPRAISE_SPEECH_LOG", path, 1);
    s = speech_open();
    assert_false(speech_available(s));
    assert_non_null(strstr(speech_why(s), path));
    assert_false(speech_say(s, "Hello."));
    speech_close(s);
    unsetenv("APPRAISE_SPEECH_LOG");
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_announcement_interrupts_the_one_before),
        cmocka_unit_test(test_an_engine_that_fails_makes_speech_unavailable),
        cmocka_unit_test(test_the_speech_log_gets_each_announcement_as_a_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
