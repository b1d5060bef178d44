/* dot_text: whatever bytes an author wrote come out as a DOT quoted string
 * that dot reads without warnings and shows as written, wrapped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dot_text.h"
#include "failing_alloc.h"
#include "mem.h"

/* dot_text(s, width, lines) compared with want, then freed. */
static void check(const char *s, size_t width, size_t lines, const char *want)
{
    char *got = dot_text(s, width, lines);
    assert_non_null(got);
    assert_string_equal(got, want);
    mem_free(got);
}

static void test_dot_text_escapes_quotes_backslashes_and_ampersands(void **state)
{
    (void)state;
    check("say \"no\"", 0, 0, "say \\\"no\\\"");
    check("a\\b", 0, 0, "a\\\\b");
    /* dot reads HTML entities even in plain labels: &lt; must stay literal. */
    check("A & B &lt;", 0, 0, "A &amp; B &amp;lt;");
    /* Escape sequences dot gives a meaning (\N, \G, \l) stay literal text. */
    check("\\N\\l", 0, 0, "\\\\N\\\\l");
}

static void test_dot_text_control_characters_and_runs_of_space_become_one_space(void **state)
{
    (void)state;
    check("  one\n\ntwo\tthree\r\x01 four  ", 0, 0, "one two three four");
    check("\xc2\x85next", 0, 0, "next"); /* U+0085 NEL at the start is dropped */
    check("", 0, 0, "");
    check(NULL, 10, 2, "");
}

static void test_dot_text_invalid_utf8_becomes_replacement_character(void **state)
{
    (void)state;
    check("a\xff"
          "b",
          0, 0,
          "a\xEF\xBF\xBD"
          "b");
    check("\xc0\xaf", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD");                 /* overlong '/' */
    check("\xed\xa0\x80", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
    check("\xe2\x82", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD");                 /* cut short */
    check("°C ✓", 0, 0, "°C ✓");                                         /* valid stays */
}

static void test_dot_text_wraps_at_word_boundaries(void **state)
{
    (void)state;
    check("Start the Sepsis Six bundle now", 12, 0, "Start the\\nSepsis Six\\nbundle now");
    check("short", 12, 0, "short");
    /* Width counts characters, not bytes. */
    check("één één één", 7, 0, "één één\\néén");
}

static void test_dot_text_splits_words_longer_than_a_line(void **state)
{
    (void)state;
    check("abcdefghij", 4, 0, "abcd\\nefgh\\nij");
    check("ok abcdefgh", 4, 0, "ok\\nabcd\\nefgh");
}

static void test_dot_text_keeps_max_lines_and_marks_the_cut(void **state)
{
    (void)state;
    check("one two three four", 5, 2, "one\\ntwo…");
    check("one two", 5, 2, "one\\ntwo");
    check("one two three", 5, 1, "one…");
}

/* Each allocation dot_text makes can fail: it then returns NULL and keeps
 * nothing (the failing allocator counts the blocks), under
 * AddressSanitizer too. */
static void test_dot_text_out_of_memory_is_null_and_leaves_nothing(void **state)
{
    (void)state;
    failing_alloc_install();
    char *got = NULL;
    long n = 0;
    for (bool failed = true; failed; n++) {
        alloc_live = 0;
        alloc_fail_in = n;
        got = dot_text("  one two \"three\" & four\xff ", 5, 2);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (failed) {
            assert_null(got);
            assert_int_equal(alloc_live, 0);
        }
    }
    assert_non_null(got);
    assert_string_equal(got, "one\\ntwo…");
    mem_free(got);
    assert_int_equal(alloc_live, 0);
    failing_alloc_remove();
    assert_true(n > 3); /* cleaning, wrapping and escaping each allocate through the hook */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dot_text_escapes_quotes_backslashes_and_ampersands),
        cmocka_unit_test(test_dot_text_control_characters_and_runs_of_space_become_one_space),
        cmocka_unit_test(test_dot_text_invalid_utf8_becomes_replacement_character),
        cmocka_unit_test(test_dot_text_wraps_at_word_boundaries),
        cmocka_unit_test(test_dot_text_splits_words_longer_than_a_line),
        cmocka_unit_test(test_dot_text_keeps_max_lines_and_marks_the_cut),
        cmocka_unit_test(test_dot_text_out_of_memory_is_null_and_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
