/* The containers every module builds on: mem_grow (arrays) and strbuf
 * (strings). Their out-of-memory paths run through the failing allocator,
 * which works under AddressSanitizer too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "failing_alloc.h"
#include "mem.h"
#include "strbuf.h"

static int setup(void **state)
{
    (void)state;
    failing_alloc_install();
    alloc_live = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    failing_alloc_remove();
    return 0;
}

static void test_grow_keeps_elements_and_doubles(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0, reallocs = 0, last_cap = 0;
    for (int i = 0; i < 10000; i++) {
        int *q = mem_grow(v, &cap, (size_t)i + 1, sizeof *q);
        assert_non_null(q);
        assert_true(cap >= (size_t)i + 1);
        v = q;
        v[i] = i * 7;
        if (cap != last_cap) {
            reallocs++;
            last_cap = cap;
        }
    }
    for (int i = 0; i < 10000; i++)
        assert_int_equal(v[i], i * 7);
    assert_true(reallocs <= 12); /* 8, 16, ... 16384: doubling, not +1 */
    mem_free(v);
    assert_int_equal(alloc_live, 0);
}

static void test_grow_that_fails_leaves_the_array_whole(void **state)
{
    (void)state;
    size_t cap = 0;
    char *v = mem_grow(NULL, &cap, 8, 1);
    assert_non_null(v);
    memcpy(v, "vitals!", 8);
    size_t before = cap;
    alloc_fail_in = 0;
    assert_null(mem_grow(v, &cap, cap + 1, 1));
    assert_int_equal(cap, before);
    assert_string_equal(v, "vitals!");
    mem_free(v);
    assert_int_equal(alloc_live, 0);
}

static void test_grow_refuses_a_size_that_overflows(void **state)
{
    (void)state;
    size_t cap = 0;
    assert_null(mem_grow(NULL, &cap, SIZE_MAX / 4 + 1, 8));
    assert_int_equal(cap, 0);
    assert_null(mem_grow(NULL, &cap, 1, 0));
    int *p = NULL;
    cap = 0;
    assert_null(p = mem_grow(p, &cap, SIZE_MAX, sizeof *p));
    assert_int_equal(alloc_live, 0);
}

static void test_grow_with_room_allocates_nothing(void **state)
{
    (void)state;
    size_t cap = 0;
    long *v = mem_grow(NULL, &cap, 3, sizeof *v);
    alloc_fail_in = 0; /* any allocation now would fail */
    assert_ptr_equal(mem_grow(v, &cap, 8, sizeof *v), v);
    alloc_fail_in = -1;
    mem_free(v);
}

static void test_strbuf_builds_text(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    assert_string_equal(strbuf_str(&b), "");
    strbuf_adds(&b, "NEWS2 ");
    strbuf_addf(&b, "%d (%s)", 7, "high");
    strbuf_addc(&b, '.');
    strbuf_add(&b, "xyz", 0);
    assert_string_equal(strbuf_str(&b), "NEWS2 7 (high).");
    assert_int_equal(b.len, strlen("NEWS2 7 (high)."));
    strbuf_truncate(&b, 5);
    assert_string_equal(strbuf_str(&b), "NEWS2");
    strbuf_truncate(&b, 99);
    assert_string_equal(strbuf_str(&b), "NEWS2");
    char *s = strbuf_finish(&b);
    assert_string_equal(s, "NEWS2");
    assert_null(b.s);
    assert_int_equal(b.len, 0);
    mem_free(s);
    assert_int_equal(alloc_live, 0);
}

static void test_strbuf_addf_longer_than_its_scratch(void **state)
{
    (void)state;
    char big[1000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    strbuf b = STRBUF_INIT;
    strbuf_addf(&b, "[%s|%s]", big, big);
    assert_int_equal(b.len, 2 * 999 + 3);
    assert_int_equal(b.s[0], '[');
    assert_int_equal(b.s[1000], '|');
    assert_int_equal(b.s[b.len - 1], ']');
    assert_int_equal(b.s[b.len], '\0');
    strbuf_free(&b);
    assert_int_equal(alloc_live, 0);
}

/* The long path of addf (past its scratch buffer) can fail too: the text
 * before stays whole, and the flag is set. */
static void test_strbuf_addf_longer_than_its_scratch_out_of_memory(void **state)
{
    (void)state;
    char big[600];
    memset(big, 'b', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, "head");
    alloc_fail_in = 0;
    strbuf_addf(&b, "[%s]", big);
    alloc_fail_in = -1;
    assert_true(strbuf_oom(&b));
    assert_string_equal(strbuf_str(&b), "head");
    assert_int_equal(b.len, 4);
    assert_null(strbuf_finish(&b));
    assert_int_equal(alloc_live, 0);
}

static void test_strbuf_holds_nul_bytes(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    strbuf_add(&b, "a\0b", 3);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.s, "a\0b", 4);
    strbuf_free(&b);
}

static void test_strbuf_finish_of_nothing_is_an_empty_string(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    char *s = strbuf_finish(&b);
    assert_non_null(s);
    assert_string_equal(s, "");
    mem_free(s);
    assert_int_equal(alloc_live, 0);
}

/* Every allocation a builder makes can fail: the text before the failure
 * stays readable, later appends do nothing, finish gives NULL and nothing
 * leaks. */
static void test_strbuf_out_of_memory_is_checked_once(void **state)
{
    (void)state;
    for (long n = 0; n < 6; n++) {
        strbuf b = STRBUF_INIT;
        alloc_fail_in = n;
        for (int i = 0; i < 200; i++)
            strbuf_addf(&b, "line %d of the recap\n", i);
        bool failed = strbuf_oom(&b);
        alloc_fail_in = -1;
        assert_true(failed); /* 200 lines need more than 6 doublings */
        assert_true(strncmp(strbuf_str(&b), "line 0", b.len ? 6 : 0) == 0);
        size_t len = b.len;
        strbuf_adds(&b, "more");
        assert_int_equal(b.len, len);
        assert_null(strbuf_finish(&b));
        assert_int_equal(alloc_live, 0);
    }
}

static void test_strbuf_reset_clears_oom_and_reuses_memory(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, "abc");
    alloc_fail_in = 0;
    strbuf_reserve(&b, 1u << 20);
    alloc_fail_in = -1;
    assert_true(strbuf_oom(&b));
    assert_string_equal(strbuf_str(&b), "abc");
    strbuf_reset(&b);
    assert_false(strbuf_oom(&b));
    assert_string_equal(strbuf_str(&b), "");
    strbuf_adds(&b, "def");
    assert_string_equal(strbuf_str(&b), "def");
    strbuf_free(&b);
    assert_int_equal(alloc_live, 0);
}

static void test_strbuf_refuses_a_length_that_overflows(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, "x");
    assert_false(strbuf_reserve(&b, SIZE_MAX));
    assert_true(strbuf_oom(&b));
    strbuf_free(&b);
    assert_int_equal(alloc_live, 0);
}

static void test_strndup_stops_at_n_or_nul(void **state)
{
    (void)state;
    char *a = mem_strndup("sepsis", 3), *b = mem_strndup("ab", 10);
    assert_string_equal(a, "sep");
    assert_string_equal(b, "ab");
    mem_free(a);
    mem_free(b);
    alloc_fail_in = 0;
    assert_null(mem_strndup("x", 1));
    alloc_fail_in = 0;
    assert_null(mem_strdup("x"));
    alloc_fail_in = -1;
    assert_int_equal(alloc_live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_grow_keeps_elements_and_doubles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_grow_that_fails_leaves_the_array_whole, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_grow_refuses_a_size_that_overflows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_grow_with_room_allocates_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_builds_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_addf_longer_than_its_scratch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_addf_longer_than_its_scratch_out_of_memory,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_holds_nul_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_finish_of_nothing_is_an_empty_string, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_out_of_memory_is_checked_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_reset_clears_oom_and_reuses_memory, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_strbuf_refuses_a_length_that_overflows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_strndup_stops_at_n_or_nul, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
