/* A case library's settings file, library.txt (library_note.h): what it
 * says about the AI's errors, the note the debrief shows, and the mistakes
 * an educator must be told of at their line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failing_alloc.h"
#include "library_note.h"
#include "support.h"

typedef struct fixture {
    char *dir;
    char case_file[1024];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    snprintf(f->case_file, sizeof f->case_file, "%s/a-case.lua", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void write_settings(fixture *f, const char *text)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/library.txt", f->dir);
    assert_int_equal(test_write_file(path, text), 0);
}

/* Reading fails at line with a message holding want. */
static void expect_error(fixture *f, int line, const char *want)
{
    library_note n;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(library_note_read(&n, f->case_file, &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_int_equal(e.line, line);
    assert_non_null(strstr(e.file, "library.txt"));
    if (!strstr(e.msg, want))
        fail_msg("message '%s' lacks '%s'", e.msg, want);
    assert_null(n.note);
}

static void test_no_settings_file_says_nothing(void **state)
{
    fixture *f = *state;
    library_note n;
    apperr e;
    assert_int_equal(library_note_read(&n, f->case_file, &e), 0);
    assert_int_equal(n.ai_errors, LIBRARY_AI_ERRORS_UNSAID);
    assert_null(library_note_text(&n));
    library_note_free(&n);
    /* A case file named without a folder looks in the current one. */
    assert_int_equal(library_note_read(&n, "no-such-folder-here/x.lua", &e), 0);
    library_note_free(&n);
}

static void test_enriched_cases_get_the_librarys_note_or_the_engines(void **state)
{
    fixture *f = *state;
    write_settings(f, "# The bundled library\n\n  ai_errors: enriched  \n"
                      "ai_errors_note: Here the AI is wrong # more often than real tools.\n");
    library_note n;
    apperr e;
    assert_int_equal(library_note_read(&n, f->case_file, &e), 0);
    assert_int_equal(n.ai_errors, LIBRARY_AI_ERRORS_ENRICHED);
    assert_string_equal(library_note_text(&n),
                        "Here the AI is wrong # more often than real tools.");
    library_note_free(&n);
    write_settings(f, "ai_errors: enriched\r\n");
    assert_int_equal(library_note_read(&n, f->case_file, &e), 0);
    assert_non_null(strstr(library_note_text(&n), "wrong more often than real tools"));
    library_note_free(&n);
    write_settings(f, "ai_errors: typical\n");
    assert_int_equal(library_note_read(&n, f->case_file, &e), 0);
    assert_int_equal(n.ai_errors, LIBRARY_AI_ERRORS_TYPICAL);
    assert_null(library_note_text(&n));
    library_note_free(&n);
}

static void test_the_bundled_library_says_its_cases_are_enriched(void **state)
{
    (void)state;
    library_note n;
    apperr e;
    assert_int_equal(library_note_read(&n, SCENARIOS_DIR "/sepsis-ed.lua", &e), 0);
    assert_int_equal(n.ai_errors, LIBRARY_AI_ERRORS_ENRICHED);
    assert_non_null(n.note);
    library_note_free(&n);
}

static void test_mistakes_are_reported_at_their_line(void **state)
{
    fixture *f = *state;
    write_settings(f, "ai_errors: enriched\nai_error: enriched\n");
    expect_error(f, 2, "unknown key 'ai_error' (known: ai_errors, ai_errors_note)");
    write_settings(f, "\nai_errors: often\n");
    expect_error(f, 2, "ai_errors must be enriched or typical, not 'often'");
    write_settings(f, "ai_errors enriched\n");
    expect_error(f, 1, "expected 'key: value'");
    write_settings(f, "ai_errors: enriched\nai_errors: typical\n");
    expect_error(f, 2, "given twice (first at line 1)");
    write_settings(f, "ai_errors: enriched\nai_errors_note: a\nai_errors_note: b\n");
    expect_error(f, 3, "given twice (first at line 2)");
    write_settings(f, "ai_errors: enriched\nai_errors_note:\n");
    expect_error(f, 2, "ai_errors_note is empty");
    write_settings(f, "ai_errors_note: wrong more often\nai_errors: typical\n");
    expect_error(f, 1, "only when the cases are enriched");
    write_settings(f, "ai_errors_note: caf\xe9\n");
    expect_error(f, 1, "not UTF-8");
    char *longline = malloc(LIBRARY_NOTE_LINE_MAX + 40);
    snprintf(longline, LIBRARY_NOTE_LINE_MAX + 40, "ai_errors: enriched\nai_errors_note: %0*d\n",
             LIBRARY_NOTE_LINE_MAX, 0);
    write_settings(f, longline);
    free(longline);
    expect_error(f, 2, "longer than 2000 bytes");
}

static void test_out_of_memory_is_an_error_and_leaks_nothing(void **state)
{
    fixture *f = *state;
    write_settings(f, "ai_errors: enriched\nai_errors_note: A note.\n");
    failing_alloc_install();
    alloc_live = 0;
    alloc_fail_in = 0;
    library_note n;
    apperr e;
    assert_int_equal(library_note_read(&n, f->case_file, &e), LIBRARY_NOTE_OOM);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_int_equal(alloc_live, 0);
    alloc_fail_in = -1;
    failing_alloc_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_no_settings_file_says_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enriched_cases_get_the_librarys_note_or_the_engines,
                                        setup, teardown),
        cmocka_unit_test(test_the_bundled_library_says_its_cases_are_enriched),
        cmocka_unit_test_setup_teardown(test_mistakes_are_reported_at_their_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_of_memory_is_an_error_and_leaks_nothing, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
