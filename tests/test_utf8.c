/* utf8: well-formed text passes, every kind of ill-formed sequence is found
 * at its first byte, repairs follow the Unicode Standard's maximal-subpart
 * practice, and prefixes never split a character. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mem.h"
#include "utf8.h"

static bool valid(const char *s, size_t *bad)
{
    return utf8_valid(s, strlen(s), bad);
}

static void test_well_formed_text_is_valid(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(valid("", &bad));
    assert_true(valid("plain ASCII", &bad));
    assert_true(valid("SpO\xE2\x82\x82 94% \xE2\x80\x94 caf\xC3\xA9", &bad));
    assert_true(valid("\xF0\x9F\xA9\xBA stethoscope", &bad)); /* U+1FA7A */
    assert_true(valid("\xF4\x8F\xBF\xBF", &bad));             /* U+10FFFF */
    assert_true(utf8_valid("a\0b", 3, &bad));                 /* NUL is text here */
    assert_int_equal(bad, 99);                                /* untouched */
}

static void test_ill_formed_sequences_are_found_at_their_first_byte(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_false(valid("ok \xFF", &bad)); /* never in UTF-8 */
    assert_int_equal(bad, 3);
    assert_false(valid("\xC0\xAF", &bad)); /* overlong '/' */
    assert_int_equal(bad, 0);
    assert_false(valid("ab\xE0\x80\xAF", &bad)); /* overlong, 3 bytes */
    assert_int_equal(bad, 2);
    assert_false(valid("\xED\xA0\x80", &bad)); /* a surrogate, U+D800 */
    assert_int_equal(bad, 0);
    assert_false(valid("\xF4\x90\x80\x80", &bad)); /* above U+10FFFF */
    assert_int_equal(bad, 0);
    assert_false(valid("x\xE2\x82", &bad)); /* cut short at the end */
    assert_int_equal(bad, 1);
    assert_false(valid("\x80", &bad)); /* a lone continuation byte */
    assert_int_equal(bad, 0);
    assert_false(valid("caf\xE9", &bad)); /* Latin-1, not UTF-8 */
    assert_int_equal(bad, 3);
}

static void expect_repair(const char *in, size_t n, const char *want)
{
    size_t len = 0;
    char *out = utf8_repair(in, n, &len);
    assert_non_null(out);
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
    assert_true(utf8_valid(out, len, NULL));
    mem_free(out);
}

#define FFFD "\xEF\xBF\xBD"

static void test_repair_replaces_each_maximal_subpart_once(void **state)
{
    (void)state;
    expect_repair("fine", 4, "fine");
    expect_repair("caf\xE9", 4, "caf" FFFD);
    /* A truncated three-byte sequence is one subpart: one U+FFFD. */
    expect_repair("a\xE2\x82z", 4, "a" FFFD "z");
    /* Bytes that can never start a sequence: one U+FFFD each. */
    expect_repair("\xC0\xAF", 2, FFFD FFFD);
    /* The Unicode Standard's example (table 3-8): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 */
    expect_repair("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13,
                  "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d");
    expect_repair("", 0, "");
}

static void test_count_and_prefix_never_split_a_character(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\xA9\xBA"; /* a é € 🩺 */
    size_t n = strlen(s);
    assert_int_equal(utf8_count(s, n), 4);
    assert_int_equal(utf8_prefix(s, n, 0), 0);
    assert_int_equal(utf8_prefix(s, n, 1), 1);
    assert_int_equal(utf8_prefix(s, n, 2), 3);
    assert_int_equal(utf8_prefix(s, n, 3), 6);
    assert_int_equal(utf8_prefix(s, n, 4), n);
    assert_int_equal(utf8_prefix(s, n, 100), n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_well_formed_text_is_valid),
        cmocka_unit_test(test_ill_formed_sequences_are_found_at_their_first_byte),
        cmocka_unit_test(test_repair_replaces_each_maximal_subpart_once),
        cmocka_unit_test(test_count_and_prefix_never_split_a_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
