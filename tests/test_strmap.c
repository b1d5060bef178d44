/* strmap: keys are bytes (any byte, any length), each found again with its
 * value after the table has grown many times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "failing_alloc.h"
#include "strmap.h"

static void test_put_then_find_gives_the_same_slot(void **state)
{
    (void)state;
    strmap *m = strmap_new();
    bool added = false;
    size_t *v = strmap_put(m, "trainee", 7, &added);
    assert_true(added);
    assert_int_equal(*v, 0);
    *v = 42;
    assert_int_equal(*strmap_find(m, "trainee", 7), 42);
    v = strmap_put(m, "trainee", 7, &added);
    assert_false(added);
    assert_int_equal(*v, 42);
    assert_null(strmap_find(m, "trainee", 6)); /* a prefix is another key */
    assert_null(strmap_find(m, "trainees", 8));
    assert_int_equal(strmap_count(m), 1);
    strmap_free(m);
}

static void test_keys_may_hold_any_byte(void **state)
{
    (void)state;
    strmap *m = strmap_new();
    bool added;
    const char a[] = {'x', '\0', 'y'}, b[] = {'x', '\0', 'z'};
    *strmap_put(m, a, 3, &added) = 1;
    *strmap_put(m, b, 3, &added) = 2;
    *strmap_put(m, "", 0, &added) = 3;
    assert_int_equal(*strmap_find(m, a, 3), 1);
    assert_int_equal(*strmap_find(m, b, 3), 2);
    assert_int_equal(*strmap_find(m, "", 0), 3);
    assert_null(strmap_find(m, "x", 1));
    strmap_free(m);
}

static void test_many_keys_survive_growth(void **state)
{
    (void)state;
    strmap *m = strmap_new();
    char key[64];
    bool added;
    for (size_t i = 0; i < 100000; i++) {
        int n = snprintf(key, sizeof key, "session-%zu", i);
        size_t *v = strmap_put(m, key, (size_t)n, &added);
        assert_non_null(v);
        assert_true(added);
        *v = i * 3;
    }
    assert_int_equal(strmap_count(m), 100000);
    for (size_t i = 0; i < 100000; i += 7) {
        int n = snprintf(key, sizeof key, "session-%zu", i);
        size_t *v = strmap_find(m, key, (size_t)n);
        assert_non_null(v);
        assert_int_equal(*v, i * 3);
    }
    assert_null(strmap_find(m, "session-100000", 14));
    strmap_free(m);
}

static void test_free_null_is_fine(void **state)
{
    (void)state;
    strmap_free(NULL);
}

static int install_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_install();
    alloc_live = 0;
    return 0;
}

static int remove_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_remove();
    return 0;
}

static void test_new_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    for (long k = 0; k < 2; k++) {
        alloc_fail_in = k;
        assert_null(strmap_new());
        alloc_fail_in = -1;
        assert_int_equal(alloc_live, 0);
    }
}

/* Fails each allocation of a growing map in turn (the table's and the key
 * pool's): the put that failed gives NULL and adds nothing, every key put
 * before is still there with its value, and freeing leaves nothing. */
static void test_put_that_runs_out_of_memory_keeps_the_map_whole(void **state)
{
    (void)state;
    char key[32];
    bool added;
    for (long k = 0;; k++) {
        strmap *m = strmap_new();
        assert_non_null(m);
        size_t i = 0, failed_at = SIZE_MAX;
        alloc_fail_in = k;
        for (; i < 300; i++) {
            int n = snprintf(key, sizeof key, "trainee-%zu", i);
            size_t *v = strmap_put(m, key, (size_t)n, &added);
            if (!v) {
                failed_at = i;
                break;
            }
            *v = i + 1;
        }
        alloc_fail_in = -1;
        if (failed_at == SIZE_MAX) { /* k is past the allocations 300 keys need */
            strmap_free(m);
            assert_true(k > 4);
            break;
        }
        assert_int_equal(strmap_count(m), failed_at);
        assert_null(strmap_find(m, key, strlen(key)));
        for (i = 0; i < failed_at; i++) {
            int n = snprintf(key, sizeof key, "trainee-%zu", i);
            size_t *v = strmap_find(m, key, (size_t)n);
            assert_non_null(v);
            assert_int_equal(*v, i + 1);
        }
        /* The map goes on working once memory is back. */
        assert_non_null(strmap_put(m, "again", 5, &added));
        assert_true(added);
        strmap_free(m);
        assert_int_equal(alloc_live, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_then_find_gives_the_same_slot),
        cmocka_unit_test(test_keys_may_hold_any_byte),
        cmocka_unit_test(test_many_keys_survive_growth),
        cmocka_unit_test(test_free_null_is_fine),
        cmocka_unit_test_setup_teardown(test_new_that_runs_out_of_memory_leaks_nothing,
                                        install_failing_alloc, remove_failing_alloc),
        cmocka_unit_test_setup_teardown(test_put_that_runs_out_of_memory_keeps_the_map_whole,
                                        install_failing_alloc, remove_failing_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
