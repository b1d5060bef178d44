/* The Lua host: the sandbox refuses every way out, include() stays inside its
 * folders, the memory cap and instruction budget cannot be swallowed by a
 * pcall, and play-time calls (case_runtime) report FILE:LINE. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_load.h"
#include "support.h"
#include "case_driver.h"

#define CASE(name) TEST_CASES_DIR "/" name


static void test_sandbox_has_no_os(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_os.lua"), 1, "'os' is not available to cases");
}

static void test_sandbox_has_no_io(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_io.lua"), 1, "'io' is not available to cases");
}

static void test_sandbox_has_no_load(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_load.lua"), 1, "'load' is not available to cases");
}

static void test_sandbox_has_no_require(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_require.lua"), 1, "'require' is not available to cases");
}

static void test_sandbox_has_no_debug(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_debug.lua"), 1, "'debug' is not available to cases");
}

static void test_sandbox_has_no_dofile_collectgarbage_or_print(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_dofile.lua"), 1, "'dofile' is not available to cases");
    expect_load_error(CASE("sandbox_collectgarbage.lua"), 1,
                   "'collectgarbage' is not available to cases");
    expect_load_error(CASE("sandbox_print.lua"), 1, "'print' is not available to cases");
}

static void test_sandbox_hides_string_metatable_dump_and_randomseed(void **state)
{
    (void)state;
    /* The metatable and dump checks pass; math.randomseed then is nil. */
    expect_load_error(CASE("sandbox_strmeta.lua"), 5, "field 'randomseed'");
}

static void test_sandbox_reports_unknown_names(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_unknown_name.lua"), 3,
                   "unknown name 'Ankle': if it is text, put it in quotes");
}

static void test_sandbox_refuses_bytecode(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_bytecode.lua"), -1, "precompiled (binary) chunk");
}

static void test_include_refuses_climbing_out(void **state)
{
    (void)state;
    expect_load_error(CASE("sub/sandbox_include_up.lua"), 1, "climbs out of its folder");
}

static void test_include_refuses_absolute_paths(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_include_abs.lua"), 1, "an absolute path");
}

static void test_include_reports_missing_file_and_where_it_looked(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_include_missing.lua"), 1, "no such file (looked for");
}

static void test_include_reports_cycles(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_cycle.lua"), -1, "includes itself (a cycle)");
}

static void test_include_searches_folder_then_lib_and_runs_once(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("sub/include_ok.lua"), NULL, &e), 0);
    /* cards came from tests/cases/lib, the parent folder's lib/ */
    assert_string_equal(c->title, "ChestAI");
    case_free(c);
}

static void test_endless_loop_is_stopped_with_its_line(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_loop.lua"), 2, "ran too long");
}

static void test_pcall_cannot_swallow_the_instruction_budget(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_pcall_loop.lua"), 2, "ran too long");
}

static void test_memory_bomb_is_stopped_with_its_line(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_memory.lua"), -1, "used more than 64 MiB of memory");
}

static void test_pcall_cannot_swallow_the_memory_cap(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_pcall_memory.lua"), 2, "used more than 64 MiB of memory");
}

static void test_memory_bomb_in_a_c_function_names_the_calling_line(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_rep_bomb.lua"), 1, "used more than 64 MiB of memory");
}

static void test_memory_cap_is_configurable(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    case_load_opts o = {.mem_limit = 8u << 20};
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("sandbox_memory.lua"), &o, &e), -1);
    assert_non_null(strstr(e.msg, "more than 8 MiB"));
}

/* ---- play-time calls ---------------------------------------------------------- */

static case_def *load_runtime(void)
{
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("runtime_fns.lua"), NULL, &e), 0);
    return c;
}

static void test_runtime_resolves_functions_with_state(void **state)
{
    (void)state;
    case_def *c = load_runtime();
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    apperr_clear(&e);
    assert_int_equal(c->driver->begin(c, 7, "v1", &r, &e), 0);
    assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
    assert_non_null(strstr(n.text, "variant v1 r="));
    assert_string_equal(n.decision.prompt, "count 1");
    assert_string_equal(n.decision.advice.recommend, "good");
    assert_int_equal((int)live.vitals.num[VITAL_HR], 150); /* on_enter wrote s.vitals */
    assert_int_equal(live.n_results, 1);
    assert_string_equal(live.results[0].name, "K");

    char *next = NULL;
    assert_int_equal(c->driver->next(r, &n, "good", &next, &e), 0);
    assert_string_equal(next, "b_good");
    case_node n2;
    case_live live2;
    assert_int_equal(c->driver->enter(r, next, &n2, &live2, &e), 0);
    assert_string_equal(n2.text, "chose good"); /* s.choices */
    assert_int_equal((int)live2.clock, 3);
    free(next);
    case_node_free(&n);
    case_node_free(&n2);
    case_live_free(&live);
    case_live_free(&live2);
    c->driver->end(r);
    case_free(c);
}

static void test_runtime_same_seed_same_random_text(void **state)
{
    (void)state;
    char first[200] = "";
    for (int round = 0; round < 2; round++) {
        case_def *c = load_runtime();
        apperr e;
        case_run *r = NULL;
        case_node n;
        case_live live;
        assert_int_equal(c->driver->begin(c, 42, "v2", &r, &e), 0);
        assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
        if (round == 0)
            snprintf(first, sizeof first, "%s", n.text);
        else
            assert_string_equal(first, n.text);
        assert_string_equal(n.decision.advice.recommend, "bad");
        case_node_free(&n);
        case_live_free(&live);
        c->driver->end(r);
        case_free(c);
    }
}

static void expect_next_error(const char *choice, int line, const char *want)
{
    case_def *c = load_runtime();
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    char *next = NULL;
    char buf[1400];
    assert_int_equal(c->driver->begin(c, 1, "v1", &r, &e), 0);
    assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
    int rc = c->driver->next(r, &n, choice, &next, &e);
    if (rc == 0) {
        case_node n2;
        case_live l2;
        rc = c->driver->enter(r, next, &n2, &l2, &e);
        free(next);
    }
    assert_int_equal(rc, -1);
    apperr_format(&e, buf, sizeof buf);
    if (!strstr(buf, want) || e.line != line)
        fprintf(stderr, "got: %s (line %d)\n", buf, e.line);
    assert_non_null(strstr(buf, want));
    assert_int_equal(e.line, line);
    assert_string_equal(e.file, CASE("runtime_fns.lua"));
    case_node_free(&n);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

static void test_runtime_next_function_returning_nothing(void **state)
{
    (void)state;
    expect_next_error("none", 15, "the next function of node a returned nothing");
}

static void test_runtime_next_function_naming_no_node(void **state)
{
    (void)state;
    expect_next_error("bad", 16, "returned 'nowhere', which names no node");
}

static void test_runtime_error_in_on_enter_has_its_line(void **state)
{
    (void)state;
    expect_next_error("boom", 31, "attempt to index a nil value");
}

static void test_runtime_endless_loop_in_text_function(void **state)
{
    (void)state;
    expect_next_error("loop", 33, "ran too long");
}

static void test_runtime_dynamic_value_checked_on_entry(void **state)
{
    (void)state;
    expect_next_error("dynbad", 35, "'zzz' is not an option of this decision");
}

static void test_runtime_entry_effects_as_functions_run_once_in_order(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("runtime_effects.lua"), NULL, &e), 0);
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    if (c->driver->enter(r, "a", &n, &live, &e) != 0) {
        char buf[1400];
        fail_msg("%s", apperr_format(&e, buf, sizeof buf));
    }
    assert_string_equal(n.text, "calls 5");
    assert_int_equal((int)live.clock, 7);
    assert_int_equal((int)live.vitals.num[VITAL_HR], 97); /* vitals saw the clock */
    assert_int_equal(live.n_results, 1);
    assert_int_equal((int)n.elapsed, 7);
    case_node_free(&n);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

static void test_runtime_timeout_function(void **state)
{
    (void)state;
    case_def *c = load_runtime();
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    char *next = NULL;
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
    assert_non_null(strstr(n.text, "variant nil"));
    assert_int_equal(c->driver->timeout_target(r, &n, &next, &e), 0);
    assert_string_equal(next, "b_good");
    free(next);
    case_node_free(&n);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sandbox_has_no_os),
        cmocka_unit_test(test_sandbox_has_no_io),
        cmocka_unit_test(test_sandbox_has_no_load),
        cmocka_unit_test(test_sandbox_has_no_require),
        cmocka_unit_test(test_sandbox_has_no_debug),
        cmocka_unit_test(test_sandbox_has_no_dofile_collectgarbage_or_print),
        cmocka_unit_test(test_sandbox_hides_string_metatable_dump_and_randomseed),
        cmocka_unit_test(test_sandbox_reports_unknown_names),
        cmocka_unit_test(test_sandbox_refuses_bytecode),
        cmocka_unit_test(test_include_refuses_climbing_out),
        cmocka_unit_test(test_include_refuses_absolute_paths),
        cmocka_unit_test(test_include_reports_missing_file_and_where_it_looked),
        cmocka_unit_test(test_include_reports_cycles),
        cmocka_unit_test(test_include_searches_folder_then_lib_and_runs_once),
        cmocka_unit_test(test_endless_loop_is_stopped_with_its_line),
        cmocka_unit_test(test_pcall_cannot_swallow_the_instruction_budget),
        cmocka_unit_test(test_memory_bomb_is_stopped_with_its_line),
        cmocka_unit_test(test_pcall_cannot_swallow_the_memory_cap),
        cmocka_unit_test(test_memory_bomb_in_a_c_function_names_the_calling_line),
        cmocka_unit_test(test_memory_cap_is_configurable),
        cmocka_unit_test(test_runtime_resolves_functions_with_state),
        cmocka_unit_test(test_runtime_same_seed_same_random_text),
        cmocka_unit_test(test_runtime_next_function_returning_nothing),
        cmocka_unit_test(test_runtime_next_function_naming_no_node),
        cmocka_unit_test(test_runtime_error_in_on_enter_has_its_line),
        cmocka_unit_test(test_runtime_endless_loop_in_text_function),
        cmocka_unit_test(test_runtime_dynamic_value_checked_on_entry),
        cmocka_unit_test(test_runtime_entry_effects_as_functions_run_once_in_order),
        cmocka_unit_test(test_runtime_timeout_function),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
