/* test_walk: the exhaustive walk behind `appraise check` and `appraise graph`
 * (tools/walk.h), on the fixture cases of tests/check/ (one defect each) and
 * on generated cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "c_case.h"
#include "case_load.h"
#include "failing_alloc.h"
#include "support.h"
#include "walk.h"

#define CHECK_DIR TEST_DATA_DIR "/check"

/* ---- harness ----------------------------------------------------------- */

typedef struct walked {
    case_def *c;
    walk_result *r;
} walked;

static walked walk_file(const char *path, const walk_opts *o)
{
    walked w = {NULL, NULL};
    apperr e;
    char buf[2048];
    if (case_load(&w.c, path, NULL, &e) != 0)
        fail_msg("loading %s: %s", path, apperr_format(&e, buf, sizeof buf));
    if (walk_case(w.c, o, &w.r, &e) != 0)
        fail_msg("walking %s: %s", path, apperr_format(&e, buf, sizeof buf));
    return w;
}

static walked walk_fixture(const char *name, const walk_opts *o)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", CHECK_DIR, name);
    return walk_file(path, o);
}

static void walked_free(walked *w)
{
    walk_free(w->r);
    case_free(w->c);
}

/* The only finding of this kind; fails when there is not exactly one. */
static const walk_finding *the_finding(const walked *w, walk_finding_kind kind)
{
    const walk_finding *found = NULL;
    size_t n = 0;
    for (size_t i = 0; i < w->r->n_findings; i++)
        if (w->r->findings[i].kind == kind) {
            found = &w->r->findings[i];
            n++;
        }
    if (n != 1)
        fail_msg("expected one %s finding, got %zu", walk_finding_kind_name(kind), n);
    return found;
}

static void assert_path(const walked *w, const walk_finding *f, const char *text)
{
    char buf[4096];
    assert_true(f->has_path);
    assert_string_equal(walk_path_format(w->r, &f->path, buf, sizeof buf), text);
}

static char *write_temp_case(char **dir, const char *text)
{
    *dir = test_tmpdir();
    assert_non_null(*dir);
    char *path = malloc(strlen(*dir) + 32);
    assert_non_null(path);
    sprintf(path, "%s/gen.lua", *dir);
    assert_int_equal(test_write_file(path, text), 0);
    return path;
}

/* A chain of n decisions of two options each, both to the next decision.
 * The first dynamic_upto nodes have a function for their text: no future
 * through them is plain, so their states differ by s.choices. */
static char *chain_case(int n, int dynamic_upto)
{
    size_t cap = 4096 + (size_t)n * 400;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t used = (size_t)snprintf(s, cap,
                                   "return case { id = \"gen\", version = \"1\", title = \"G\", "
                                   "start = \"d1\", nodes = {\n");
    for (int i = 1; i <= n; i++) {
        char next[32];
        if (i == n)
            snprintf(next, sizeof next, "done");
        else
            snprintf(next, sizeof next, "d%d", i + 1);
        const char *text = i <= dynamic_upto ? "function(s) return \"T\" end" : "\"T\"";
        used += (size_t)snprintf(s + used, cap - used,
                                 "  d%d = { text = %s, decision = { options = {\n"
                                 "    { id = \"a\", label = \"A\", next = \"%s\" },\n"
                                 "    { id = \"b\", label = \"B\", next = \"%s\" } } } },\n",
                                 i, text, next, next);
    }
    snprintf(s + used, cap - used,
             "  done = { text = \"\", ending = { outcome = \"good\" } },\n} }\n");
    return s;
}

/* A line of n nodes n1 … nn, then the ending done: narrative nodes, or
 * decisions of one option; with functions, each text is a function (so no
 * future is plain and a state is the whole of s). Node ni is on line i + 1. */
static char *line_case(int n, bool decisions, bool functions)
{
    size_t cap = 4096 + (size_t)n * 200;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t used = (size_t)snprintf(s, cap,
                                   "return case { id = \"line\", version = \"1\", title = \"L\", "
                                   "start = \"n1\", nodes = {\n");
    for (int i = 1; i <= n; i++) {
        char next[32];
        if (i == n)
            snprintf(next, sizeof next, "done");
        else
            snprintf(next, sizeof next, "n%d", i + 1);
        const char *text = functions ? "function(s) return \"T\" end" : "\"T\"";
        if (decisions)
            used += (size_t)snprintf(s + used, cap - used,
                                     "  n%d = { text = %s, decision = { options = { { id = \"on\", "
                                     "label = \"On\", next = \"%s\" } } } },\n",
                                     i, text, next);
        else
            used += (size_t)snprintf(s + used, cap - used,
                                     "  n%d = { text = %s, next = \"%s\" },\n", i, text, next);
    }
    snprintf(s + used, cap - used,
             "  done = { text = \"\", ending = { outcome = \"good\" } },\n} }\n");
    return s;
}

static walked walk_text(const char *text, const walk_opts *o, char **dir)
{
    char *path = write_temp_case(dir, text);
    walked w = walk_file(path, o);
    free(path);
    return w;
}

/* ---- one defect per fixture --------------------------------------------- */

static void test_clean_case_has_no_findings(void **state)
{
    (void)state;
    walked w = walk_fixture("clean.lua", NULL);
    assert_int_equal(w.r->n_findings, 0);
    assert_int_equal(w.r->n_variants, 1);
    const walk_variant *v = &w.r->variants[0];
    assert_null(v->name);
    /* triage: urgent -> review (treat, wait, timeout), routine -> waited. */
    assert_true(v->paths == 4);
    assert_true(v->paths_to[OUTCOME_GOOD] == 1 && v->paths_to[OUTCOME_NEUTRAL] == 1 &&
                v->paths_to[OUTCOME_HARM] == 2);
    assert_int_equal(v->endings_reached[OUTCOME_HARM], 1);
    assert_int_equal(v->nodes_visited, w.c->n_nodes);
    /* Advised at triage on 4 paths (AI wrong) and at review on 3 (AI right). */
    assert_true(v->advised == 7 && v->ai_right == 3);
    assert_false(v->bound_hit);
    walked_free(&w);
}

static void test_asking_on_request_advice_does_not_double_paths(void **state)
{
    (void)state;
    walked w = walk_fixture("clean.lua", NULL);
    /* review is on_request: asked and not asked reach the same ends. */
    assert_true(w.r->variants[0].paths == 4);
    walked_free(&w);
}

static void test_unreachable_node_is_an_error_at_its_line(void **state)
{
    (void)state;
    walked w = walk_fixture("unreachable.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_UNREACHABLE);
    assert_true(f->error);
    assert_int_equal(f->line, 6);
    assert_string_equal(f->message, "node 'orphan' is not reached by any path");
    assert_false(f->has_path);
    assert_int_equal(w.r->n_errors, 1);
    walked_free(&w);
}

static void test_loop_with_no_way_out_is_reported_where_it_is_entered(void **state)
{
    (void)state;
    walked w = walk_fixture("no_way_out.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_NO_WAY_OUT);
    assert_true(f->error);
    assert_int_equal(f->line, 14);
    assert_non_null(strstr(f->message, "(left, right)"));
    assert_path(&w, f, "choose=maze");
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

static void test_narrative_loop_is_reported(void **state)
{
    (void)state;
    walked w = walk_fixture("narrative_loop.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_NO_WAY_OUT);
    assert_int_equal(f->line, 14);
    assert_path(&w, f, "choose=round");
    walked_free(&w);
}

static void test_overlong_path_is_cut_at_the_depth_bound(void **state)
{
    (void)state;
    walk_opts o = {.max_depth = 10};
    walked w = walk_fixture("overlong.lua", &o);
    const walk_finding *f = the_finding(&w, WALK_TOO_LONG);
    assert_true(f->error);
    assert_int_equal(f->line, 6);
    assert_int_equal(f->path.n, 11);
    assert_path(&w, f,
                "count=again \xc3\x97"
                "11");
    assert_true(w.r->variants[0].paths_cut == 1);
    walked_free(&w);
}

static void test_next_functions_returning_nil_are_reported_at_their_lines(void **state)
{
    (void)state;
    walked w = walk_fixture("next_nil.lua", NULL);
    assert_int_equal(w.r->n_findings, 2);
    const walk_finding *f = &w.r->findings[0];
    assert_int_equal(f->kind, WALK_CASE_FAILED);
    assert_int_equal(f->line, 10);
    assert_string_equal(f->message,
                        "the next function of node pick returned nothing; it must return a "
                        "node id");
    assert_path(&w, f, "pick=lost");
    f = &w.r->findings[1];
    assert_int_equal(f->line, 15);
    assert_non_null(strstr(f->message, "on_timeout function"));
    assert_path(&w, f, "pick=(timeout)");
    assert_true(w.r->variants[0].paths_failed == 2);
    walked_free(&w);
}

static void test_erroring_function_is_reported_at_its_line(void **state)
{
    (void)state;
    walked w = walk_fixture("erroring.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_CASE_FAILED);
    assert_int_equal(f->line, 17);
    assert_non_null(strstr(f->file, "erroring.lua"));
    assert_non_null(strstr(f->message, "attempt to index a nil value"));
    assert_path(&w, f, "pick=bad");
    /* The node that failed on entry was reached all the same. */
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

static void test_function_running_too_long_is_reported(void **state)
{
    (void)state;
    walked w = walk_fixture("runs_too_long.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_CASE_FAILED);
    assert_int_equal(f->line, 17);
    assert_non_null(strstr(f->message, "ran too long"));
    assert_path(&w, f, "pick=spin");
    walked_free(&w);
}

static void test_memory_bomb_on_one_path_is_reported(void **state)
{
    (void)state;
    walked w = walk_fixture("memory_bomb.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_CASE_FAILED);
    assert_int_equal(f->line, 27);
    assert_non_null(strstr(f->message, "MiB of memory"));
    assert_path(&w, f, "first=on \xe2\x86\x92 second=(timeout)");
    /* The other paths still end well. */
    assert_true(w.r->variants[0].paths_to[OUTCOME_GOOD] == 2);
    walked_free(&w);
}

static void test_ending_one_variant_misses_is_a_warning(void **state)
{
    (void)state;
    walked w = walk_fixture("variant_ending.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_ENDING_UNREACHED);
    assert_false(f->error);
    assert_int_equal(f->line, 18);
    assert_string_equal(f->message, "ending 'left_end' is not reached in variant right");
    assert_int_equal(w.r->n_errors, 0);
    assert_int_equal(w.r->n_variants, 2);
    assert_true(w.r->variants[0].paths_to[OUTCOME_NEUTRAL] == 1);
    assert_true(w.r->variants[1].paths_to[OUTCOME_NEUTRAL] == 0);
    walked_free(&w);
}

static void test_ai_right_everywhere_is_a_warning(void **state)
{
    (void)state;
    walked w = walk_fixture("ai_always_right.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_AI_ALWAYS_RIGHT);
    assert_false(f->error);
    assert_int_equal(f->line, 5);
    assert_path(&w, f, "(the start)");
    assert_true(w.r->variants[0].ai_right == w.r->variants[0].advised);
    walked_free(&w);
}

static void test_ai_wrong_in_one_variant_is_no_warning(void **state)
{
    (void)state;
    walked w = walk_file(SCENARIOS_DIR "/sepsis-ed.lua", NULL);
    assert_int_equal(w.r->n_findings, 0);
    assert_true(w.r->variants[0].ai_right == w.r->variants[0].advised);
    assert_true(w.r->variants[1].ai_right < w.r->variants[1].advised);
    walked_free(&w);
}

static void test_advised_decision_without_debrief_is_a_warning(void **state)
{
    (void)state;
    walked w = walk_fixture("no_debrief.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_NO_DEBRIEF);
    assert_false(f->error);
    assert_int_equal(f->line, 7);
    assert_path(&w, f, "(the start)");
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

static void test_state_kept_outside_s_is_reported(void **state)
{
    (void)state;
    walked w = walk_fixture("upvalue.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_CASE_FAILED);
    assert_non_null(strstr(f->message, "does not play the same way twice"));
    assert_int_equal(f->line, 19);
    /* What was reached is unsure then: no unreachable-node errors. */
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

/* ---- states, counts and bounds ------------------------------------------- */

static void test_plain_chain_paths_are_counted_not_enumerated(void **state)
{
    (void)state;
    char *dir = NULL;
    char *text = chain_case(17, 0);
    walked w = walk_text(text, NULL, &dir);
    const walk_variant *v = &w.r->variants[0];
    assert_true(v->paths == 131072);
    assert_true(v->paths_to[OUTCOME_GOOD] == 131072);
    assert_int_equal(v->states, 17); /* one state per decision */
    assert_int_equal(w.r->n_findings, 0);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);
}

static void test_states_with_functions_merge_only_when_s_is_equal(void **state)
{
    (void)state;
    char *dir = NULL;
    char *text = chain_case(3, 3);
    walked w = walk_text(text, NULL, &dir);
    /* s.choices differs on every path: 1 + 2 + 4 states, 8 paths. */
    assert_int_equal(w.r->variants[0].states, 7);
    assert_true(w.r->variants[0].paths == 8);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);

    text = chain_case(4, 1);
    w = walk_text(text, NULL, &dir);
    /* Only d1 has a function: from d2 on the node alone is the state. */
    assert_int_equal(w.r->variants[0].states, 4);
    assert_true(w.r->variants[0].paths == 16);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);
}

static void test_states_merge_by_content_not_by_how_s_was_built(void **state)
{
    (void)state;
    /* fwd and back forget their choice and leave s equal, built two ways: a
     * long string made by different operations (two string objects, one
     * text) and a table filled in opposite orders. other differs in one
     * byte of its long string. So d2 is one state for fwd and back, another
     * for other. */
    static const char text[] =
        "local function fill(s, choice)\n"
        "  s.choices.d1 = nil\n"
        "  local t = {}\n"
        "  for i = 1, 40 do\n"
        "    local j = choice == 'fwd' and i or 41 - i\n"
        "    t['k' .. j] = j\n"
        "  end\n"
        "  s.vars.t = t\n"
        "  if choice == 'fwd' then s.vars.long = ('ab'):rep(50)\n"
        "  elseif choice == 'back' then s.vars.long = 'a' .. ('ba'):rep(49) .. 'b'\n"
        "  else s.vars.long = ('ab'):rep(49) .. 'aa' end\n"
        "  return 'd2'\n"
        "end\n"
        "return case { id = \"g\", version = \"1\", title = \"G\", start = \"d1\",\n"
        "nodes = {\n"
        "  d1 = { text = \"\", decision = { options = {\n"
        "    { id = \"fwd\", label = \"F\", next = fill },\n"
        "    { id = \"back\", label = \"B\", next = fill },\n"
        "    { id = \"other\", label = \"O\", next = fill } } } },\n"
        "  d2 = { text = function(s) return #s.vars.long .. ' bytes' end,\n"
        "    decision = { options = { { id = \"end\", label = \"E\", next = \"done\" } } } },\n"
        "  done = { text = \"\", ending = { outcome = \"good\" } },\n"
        "} }\n";
    char *dir = NULL;
    walked w = walk_text(text, NULL, &dir);
    assert_int_equal(w.r->n_findings, 0);
    assert_int_equal(w.r->variants[0].states, 3); /* d1, d2 twice */
    assert_true(w.r->variants[0].paths == 3);
    walked_free(&w);
    test_rmtree(dir);
    free(dir);
}

/* Tables nested deeper than the walk reads them, in a node (set) and in s
 * (made by on_enter): each level once took two Lua stack slots without
 * asking for them, writing past the stack (a crash in release builds). */
static void test_deeply_nested_tables_are_read_within_the_lua_stack(void **state)
{
    (void)state;
    char nest[200] = "";
    for (int i = 0; i < 45; i++)
        strcat(nest, "{");
    strcat(nest, "1");
    for (int i = 0; i < 45; i++)
        strcat(nest, "}");
    char set[300];
    snprintf(set, sizeof set, "set = { deep = %s }", nest);
    /* Made a level at a time, so that no Lua function needs a deep stack. */
    const char *const ways[2] = {
        set,
        "on_enter = function(s) local t = 1 for i = 1, 45 do t = { t } end s.vars.deep = t end"};
    for (int k = 0; k < 2; k++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "return case { id = \"g\", version = \"1\", title = \"G\", start = \"d1\",\n"
                 "nodes = {\n"
                 "  d1 = { text = \"\", %s, decision = { options = {\n"
                 "    { id = \"a\", label = \"A\", next = \"d2\" },\n"
                 "    { id = \"b\", label = \"B\", next = \"d2\" } } } },\n"
                 "  d2 = { text = function(s) return \"T\" end, decision = { options = {\n"
                 "    { id = \"end\", label = \"E\", next = \"done\" } } } },\n"
                 "  done = { text = \"\", ending = { outcome = \"good\" } },\n"
                 "} }\n",
                 ways[k]);
        char *dir = NULL;
        walked w = walk_text(text, NULL, &dir);
        assert_int_equal(w.r->n_findings, 0);
        assert_int_equal(w.r->variants[0].states, 3); /* d1; d2 after a, after b */
        walked_free(&w);
        test_rmtree(dir);
        free(dir);
    }
}

static void test_state_bound_is_reported_and_stops_the_walk(void **state)
{
    (void)state;
    char *dir = NULL;
    char *text = chain_case(6, 6);
    walk_opts o = {.max_states = 5};
    walked w = walk_text(text, &o, &dir);
    const walk_variant *v = &w.r->variants[0];
    assert_true(v->bound_hit);
    assert_int_equal(v->states, 5);
    assert_true(v->paths_cut > 0);
    const walk_finding *f = the_finding(&w, WALK_BOUND);
    assert_false(f->error);
    assert_non_null(strstr(f->message, "stopped at 5 distinct states"));
    /* Partial: nothing is said about nodes not reached. */
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);
}

static void test_state_first_reached_the_long_way_is_walked_from_the_short_way(void **state)
{
    (void)state;
    /* Depth first, d4 is first met through d2 and d3, beyond a bound of 2
     * decisions; d1=short reaches it within the bound, so it is walked. */
    static const char text[] =
        "return case { id = \"g\", version = \"1\", title = \"G\", start = \"d1\",\n"
        "nodes = {\n"
        "  d1 = { text = \"\", decision = { options = {\n"
        "    { id = \"long\", label = \"L\", next = \"d2\" },\n"
        "    { id = \"short\", label = \"S\", next = \"d4\" } } } },\n"
        "  d2 = { text = \"\", decision = { options = {\n"
        "    { id = \"on\", label = \"O\", next = \"d3\" } } } },\n"
        "  d3 = { text = \"\", decision = { options = {\n"
        "    { id = \"on\", label = \"O\", next = \"d4\" } } } },\n"
        "  d4 = { text = \"\", decision = { options = {\n"
        "    { id = \"end\", label = \"E\", next = \"done\" } } } },\n"
        "  done = { text = \"\", ending = { outcome = \"good\" } },\n"
        "} }\n";
    char *dir = NULL;
    walk_opts o = {.max_depth = 2};
    walked w = walk_text(text, &o, &dir);
    assert_int_equal(w.r->n_findings, 0);
    assert_true(w.r->variants[0].paths == 2);
    assert_true(w.r->variants[0].paths_cut == 0);
    walked_free(&w);
    /* With a bound of 1, d4 is still within it by the short way, d3 is not. */
    o.max_depth = 1;
    test_rmtree(dir);
    free(dir);
    w = walk_text(text, &o, &dir);
    const walk_finding *f = the_finding(&w, WALK_BOUND); /* no function: long, not endless */
    assert_false(f->error);
    assert_int_equal(f->line, 8);
    assert_path(&w, f, "d1=long \xe2\x86\x92 d2=on");
    walked_free(&w);
    test_rmtree(dir);
    free(dir);
}

/* A chain longer than the bound on narrative steps, with no function: it
 * ends (run reaches the ending), so the walk says where it stopped and that
 * the nodes past it are not explored; it never calls them unreached. */
static void test_plain_chain_past_the_narrative_bound_is_not_explored(void **state)
{
    (void)state;
    char *dir = NULL;
    char *text = line_case(1005, false, false);
    walked w = walk_text(text, NULL, &dir);
    assert_int_equal(w.r->n_errors, 0);
    assert_int_equal(w.r->n_warnings, 2);
    const walk_finding *f = the_finding(&w, WALK_BOUND);
    assert_int_equal(f->line, 1002);
    assert_string_equal(w.c->nodes[f->node].id, "n1001");
    assert_string_equal(f->message,
                        "node 'n1001' and what follows are not explored (bound 1000 reached): "
                        "the walk stops a path that goes on for more than 1000 narrative steps "
                        "in a row without a decision or an ending");
    assert_path(&w, f, "(the start)");
    f = the_finding(&w, WALK_UNEXPLORED);
    assert_false(f->error);
    assert_int_equal(f->line, 1003);
    assert_false(f->has_path);
    assert_string_equal(f->message,
                        "node 'n1002' is not explored (bound 1000 reached), nor are 4 other "
                        "nodes: no path within the walk's bounds reaches them, so whether one "
                        "does is not known");
    assert_true(w.r->variants[0].paths_cut == 1);
    assert_int_equal(w.r->variants[0].nodes_visited, 1001);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);
}

static void test_plain_chain_past_the_depth_bound_is_not_explored(void **state)
{
    (void)state;
    char *dir = NULL;
    char *text = line_case(8, true, false);
    walk_opts o = {.max_depth = 5};
    walked w = walk_text(text, &o, &dir);
    assert_int_equal(w.r->n_errors, 0);
    const walk_finding *f = the_finding(&w, WALK_BOUND);
    assert_int_equal(f->line, 8);
    assert_string_equal(f->message,
                        "decision 'n7' and what follows are not explored (bound 5 reached): the "
                        "walk stops a path that goes on for more than 5 decisions (raise "
                        "--max-depth)");
    assert_path(&w, f,
                "n1=on \xe2\x86\x92 n2=on \xe2\x86\x92 n3=on \xe2\x86\x92 n4=on "
                "\xe2\x86\x92 n5=on \xe2\x86\x92 n6=on");
    f = the_finding(&w, WALK_UNEXPLORED);
    assert_string_equal(f->message,
                        "node 'n8' is not explored (bound 5 reached), nor is 1 other node: no "
                        "path within the walk's bounds reaches them, so whether one does is not "
                        "known");
    assert_int_equal(w.r->n_findings, 2);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);
}

/* Where functions lie ahead, s may change each time round: a path past the
 * bound may be endless, and stays an error. What lies past it is still
 * only not explored. */
static void
test_chain_with_functions_past_the_bound_is_an_error_and_the_rest_unexplored(void **state)
{
    (void)state;
    char *dir = NULL;
    char *text = line_case(8, true, true);
    walk_opts o = {.max_depth = 5};
    walked w = walk_text(text, &o, &dir);
    const walk_finding *f = the_finding(&w, WALK_TOO_LONG);
    assert_true(f->error);
    assert_int_equal(f->line, 8);
    f = the_finding(&w, WALK_UNEXPLORED);
    assert_false(f->error);
    assert_int_equal(f->line, 9);
    assert_int_equal(w.r->n_errors, 1);
    assert_int_equal(w.r->n_warnings, 1);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);

    text = line_case(1005, false, true);
    w = walk_text(text, NULL, &dir);
    f = the_finding(&w, WALK_TOO_LONG);
    assert_true(f->error);
    assert_non_null(strstr(f->message, "more than 1000 narrative steps in a row from node"));
    f = the_finding(&w, WALK_UNEXPLORED);
    assert_int_equal(f->line, 1003);
    assert_int_equal(w.r->n_findings, 2);
    walked_free(&w);
    free(text);
    test_rmtree(dir);
    free(dir);
}

static void test_walk_records_targets_of_next_functions(void **state)
{
    (void)state;
    walked w = walk_fixture("variant_ending.lua", NULL);
    long pick = case_node_index(w.c, "pick"), left = case_node_index(w.c, "left_end");
    bool seen[2] = {false, false};
    for (size_t k = 0; k < 2; k++) {
        const walk_variant *v = &w.r->variants[k];
        for (size_t i = 0; i < v->n_edges; i++) {
            const walk_edge *e = &v->edges[i];
            if (e->via.node == pick && e->via.kind == WALK_CHOOSE &&
                strcmp(e->via.option, "go") == 0 && e->to == left)
                seen[k] = true;
        }
    }
    assert_true(seen[0]);  /* variant left: go -> left_end */
    assert_false(seen[1]); /* variant right: go -> common_end */
    walked_free(&w);
}

static void test_each_node_has_its_shortest_path(void **state)
{
    (void)state;
    walked w = walk_file(SCENARIOS_DIR "/sepsis-ed.lua", NULL);
    const walk_variant *v = &w.r->variants[1];
    char buf[512];
    long late = case_node_index(w.c, "late"), start = case_node_index(w.c, "arrival");
    long treated = case_node_index(w.c, "treated");
    assert_string_equal(walk_path_format(w.r, &v->node_paths[late], buf, sizeof buf),
                        "first_look=repeat \xe2\x86\x92 worse=treat");
    assert_string_equal(v->node_paths[late].variant, "ai_wrong");
    assert_true(v->visited[start]);
    assert_int_equal(v->node_paths[start].n, 0);
    assert_string_equal(walk_path_format(w.r, &v->node_paths[treated], buf, sizeof buf),
                        "first_look=treat_now");
    walked_free(&w);

    /* A node whose entry fails is reached all the same, by its path. */
    w = walk_fixture("memory_bomb.lua", NULL);
    long bomb = case_node_index(w.c, "bomb");
    assert_true(w.r->variants[0].visited[bomb]);
    assert_string_equal(walk_path_format(w.r, &w.r->variants[0].node_paths[bomb], buf, sizeof buf),
                        "first=on \xe2\x86\x92 second=(timeout)");
    walked_free(&w);
}

static void test_one_variant_can_be_walked_alone(void **state)
{
    (void)state;
    walk_opts o = {.variant = "right"};
    walked w = walk_fixture("variant_ending.lua", &o);
    assert_int_equal(w.r->n_variants, 1);
    assert_string_equal(w.r->variants[0].name, "right");
    /* Only that variant: left_end is then not reached at all. */
    const walk_finding *f = the_finding(&w, WALK_UNREACHABLE);
    assert_int_equal(f->line, 18);
    walked_free(&w);
}

static void test_unknown_variant_is_a_usage_error(void **state)
{
    (void)state;
    case_def *c = NULL;
    walk_result *r = NULL;
    apperr e;
    assert_int_equal(case_load(&c, CHECK_DIR "/variant_ending.lua", NULL, &e), 0);
    walk_opts o = {.variant = "middle"};
    assert_int_equal(walk_case(c, &o, &r, &e), -1);
    assert_null(r);
    assert_int_equal(e.kind, APPERR_USAGE);
    assert_non_null(strstr(e.msg, "middle"));
    case_free(c);
}

static void test_path_format_names_each_choice(void **state)
{
    (void)state;
    walked w = walk_fixture("memory_bomb.lua", NULL);
    walk_step steps[3] = {{WALK_CHOOSE, (int)case_node_index(w.c, "first"), "on"},
                          {WALK_CHOOSE, (int)case_node_index(w.c, "first"), "on"},
                          {WALK_TIMEOUT, (int)case_node_index(w.c, "second"), NULL}};
    walk_path p = {steps, 3, NULL};
    char buf[256];
    assert_string_equal(walk_path_format(w.r, &p, buf, sizeof buf),
                        "first=on \xc3\x97"
                        "2 \xe2\x86\x92 second=(timeout)");
    p.n = 0;
    assert_string_equal(walk_path_format(w.r, &p, buf, sizeof buf), "(the start)");
    /* A short buffer is cut, never overrun. */
    p.n = 3;
    assert_string_equal(walk_path_format(w.r, &p, buf, 6), "first");
    walked_free(&w);
}

static void test_every_bundled_case_walks_without_errors(void **state)
{
    (void)state;
    walked w = walk_file(SCENARIOS_DIR "/sepsis-ed.lua", NULL);
    assert_int_equal(w.r->n_errors, 0);
    assert_int_equal(w.r->n_warnings, 0);
    /* 1 path by senior_first, 3 by treat_now (one per place of care), 4 by
     * repeat (three options and the time limit at 'worse'). */
    for (size_t k = 0; k < w.r->n_variants; k++) {
        assert_true(w.r->variants[k].paths == 8);
        assert_int_equal(w.r->variants[k].nodes_visited, w.c->n_nodes);
    }
    walked_free(&w);
}

/* ---- playing a path again --------------------------------------------- */

static void test_replay_plays_steps_and_refuses_a_step_that_does_not_fit(void **state)
{
    (void)state;
    c_case f;
    c_case_init(&f);
    int start = (int)case_node_index(&f.c, "a_start"), mid = (int)case_node_index(&f.c, "b_mid");
    walk_step go = {WALK_CHOOSE, start, "go"}, on = {WALK_CONTINUE, mid, NULL};
    walk_step late = {WALK_TIMEOUT, start, NULL}, choose_at_mid = {WALK_CHOOSE, mid, "go"};
    const walk_step *path[] = {&go, &on};
    session *s = walk_replay(&f.c, "v2", path, 2);
    assert_non_null(s);
    assert_string_equal(session_view_now(s).node->id, "d_pick");
    session_close(s);
    const walk_step *timed[] = {&late};
    assert_non_null(s = walk_replay(&f.c, NULL, timed, 1));
    assert_string_equal(session_view_now(s).node->id, "c_slow");
    session_close(s);
    /* b_mid is narrative: it has no choice to make. */
    const walk_step *wrong[] = {&go, &choose_at_mid};
    assert_null(walk_replay(&f.c, "v1", wrong, 2));
    const walk_step *unknown[] = {&late, &go};
    assert_null(walk_replay(&f.c, "v1", unknown, 2)); /* c_slow has no option go */
}

/* ---- out of memory ----------------------------------------------------- */

/* Walks c with its n-th allocation failing, for every n until the walk
 * needs no more: each time the walk either gives up saying "out of memory"
 * (APPERR_ENV, no result) or finishes (a failure in a session can be the
 * case's own to report); when no allocation failed it says what a walk
 * with memory enough says. Nothing is left allocated either way (the
 * failing allocator counts the blocks), under AddressSanitizer too.
 * Returns how many allocations the walk made. */
static long walk_failing_each_allocation(const case_def *c)
{
    walk_result *ref = NULL;
    apperr e;
    assert_int_equal(walk_case(c, NULL, &ref, &e), 0);
    failing_alloc_install();
    long n = 0;
    for (bool failed = true; failed; n++) {
        walk_result *r = NULL;
        alloc_live = 0;
        alloc_fail_in = n;
        int rc = walk_case(c, NULL, &r, &e);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (rc != 0) {
            assert_true(failed);
            assert_null(r);
            assert_int_equal(e.kind, APPERR_ENV);
        } else if (!failed) {
            assert_int_equal(r->n_findings, ref->n_findings);
            assert_int_equal(r->n_errors, ref->n_errors);
            assert_int_equal(r->n_variants, ref->n_variants);
            for (size_t k = 0; k < r->n_variants; k++)
                assert_true(r->variants[k].paths == ref->variants[k].paths);
            assert_true(alloc_live > 0); /* the result itself came through the hook */
        }
        walk_free(r);
        if (alloc_live != 0)
            fail_msg("allocation %ld failing leaves %ld blocks", n, alloc_live);
    }
    failing_alloc_remove();
    walk_free(ref);
    return n;
}

static void test_walk_out_of_memory_fails_cleanly(void **state)
{
    (void)state;
    c_case f;
    c_case_init(&f);
    walk_result *r = NULL;
    apperr e;
    assert_int_equal(walk_case(&f.c, NULL, &r, &e), 0);
    /* The case is what it says: both errors and the warnings are found (no
     * debrief at c_slow; the AI wrong at every advised decision; the two
     * variants, alike, give the same advice). */
    assert_int_equal(r->n_variants, 2);
    assert_int_equal(r->n_errors, 2);
    assert_int_equal(r->n_warnings, 3);
    assert_true(r->variants[0].paths == 7);
    walk_free(r);
    long n = walk_failing_each_allocation(&f.c);
    /* The walk's own memory goes through the hook, so each block can fail. */
    assert_true(n > 50);
}

/* The same for case files: the Lua driver, its runs and the nodes it
 * resolves allocate through the hook as well (the Lua heap itself does
 * not, and is bounded by the case's memory cap). */
static void test_walk_of_case_files_out_of_memory_fails_cleanly(void **state)
{
    (void)state;
    static const char *const names[] = {"clean.lua", "variant_ending.lua", "no_way_out.lua"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[1024];
        case_def *c = NULL;
        apperr e;
        snprintf(path, sizeof path, "%s/%s", CHECK_DIR, names[i]);
        assert_int_equal(case_load(&c, path, NULL, &e), 0);
        assert_true(walk_failing_each_allocation(c) > 50);
        case_free(c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_case_has_no_findings),
        cmocka_unit_test(test_asking_on_request_advice_does_not_double_paths),
        cmocka_unit_test(test_unreachable_node_is_an_error_at_its_line),
        cmocka_unit_test(test_loop_with_no_way_out_is_reported_where_it_is_entered),
        cmocka_unit_test(test_narrative_loop_is_reported),
        cmocka_unit_test(test_overlong_path_is_cut_at_the_depth_bound),
        cmocka_unit_test(test_next_functions_returning_nil_are_reported_at_their_lines),
        cmocka_unit_test(test_erroring_function_is_reported_at_its_line),
        cmocka_unit_test(test_function_running_too_long_is_reported),
        cmocka_unit_test(test_memory_bomb_on_one_path_is_reported),
        cmocka_unit_test(test_ending_one_variant_misses_is_a_warning),
        cmocka_unit_test(test_ai_right_everywhere_is_a_warning),
        cmocka_unit_test(test_ai_wrong_in_one_variant_is_no_warning),
        cmocka_unit_test(test_advised_decision_without_debrief_is_a_warning),
        cmocka_unit_test(test_state_kept_outside_s_is_reported),
        cmocka_unit_test(test_plain_chain_paths_are_counted_not_enumerated),
        cmocka_unit_test(test_states_with_functions_merge_only_when_s_is_equal),
        cmocka_unit_test(test_states_merge_by_content_not_by_how_s_was_built),
        cmocka_unit_test(test_deeply_nested_tables_are_read_within_the_lua_stack),
        cmocka_unit_test(test_state_bound_is_reported_and_stops_the_walk),
        cmocka_unit_test(test_state_first_reached_the_long_way_is_walked_from_the_short_way),
        cmocka_unit_test(test_plain_chain_past_the_narrative_bound_is_not_explored),
        cmocka_unit_test(test_plain_chain_past_the_depth_bound_is_not_explored),
        cmocka_unit_test(
            test_chain_with_functions_past_the_bound_is_an_error_and_the_rest_unexplored),
        cmocka_unit_test(test_walk_records_targets_of_next_functions),
        cmocka_unit_test(test_each_node_has_its_shortest_path),
        cmocka_unit_test(test_one_variant_can_be_walked_alone),
        cmocka_unit_test(test_unknown_variant_is_a_usage_error),
        cmocka_unit_test(test_path_format_names_each_choice),
        cmocka_unit_test(test_every_bundled_case_walks_without_errors),
        cmocka_unit_test(test_replay_plays_steps_and_refuses_a_step_that_does_not_fit),
        cmocka_unit_test(test_walk_out_of_memory_fails_cleanly),
        cmocka_unit_test(test_walk_of_case_files_out_of_memory_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
