/* log_session_is_practice: which sessions are an author's or a script's
 * practice rather than a trainee's play (decision-log.md), the one rule the
 * debrief and the library's marks share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "log_reader.h"

static bool practice(const char *mode, const char *from, size_t n_set)
{
    log_session s = {0};
    s.has_start = true;
    s.mode = mode;
    s.from = from;
    s.n_set = n_set;
    return log_session_is_practice(&s);
}

static void test_scripted_replayed_and_previewed_sessions_are_practice(void **state)
{
    (void)state;
    assert_true(practice("run", NULL, 0));
    assert_true(practice("replay", NULL, 0));
    assert_true(practice("preview", NULL, 0));
}

static void test_a_trainees_play_is_not_practice(void **state)
{
    (void)state;
    assert_false(practice("play", NULL, 0));
    assert_false(practice("text", NULL, 0));
    assert_false(practice(NULL, NULL, 0)); /* a log older than the mode, or without session_start */
}

static void test_a_start_at_a_node_or_with_values_is_practice(void **state)
{
    (void)state;
    assert_true(practice("play", "review", 0)); /* --from */
    assert_true(practice("play", NULL, 1));      /* --set alone */
    assert_true(practice("text", "review", 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scripted_replayed_and_previewed_sessions_are_practice),
        cmocka_unit_test(test_a_trainees_play_is_not_practice),
        cmocka_unit_test(test_a_start_at_a_node_or_with_values_is_practice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
