/* test_graph_map: what `appraise graph` draws (tools/internal/graph_map.h),
 * gathered from the case tables and from the walk, on a case written in C
 * (c_case.h); and its out-of-memory paths, through the failing allocator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "c_case.h"
#include "case_load.h"
#include "failing_alloc.h"
#include "graph_html.h"
#include "graph_map.h"
#include "support.h"
#include "walk.h"

static long node_index(const c_case *f, const char *id)
{
    return case_node_index(&f->c, id);
}

/* The edge out of from by option (NULL: any), or NULL. */
static const map_edge *edge(const graph_map *m, long from, map_edge_kind kind, const char *option)
{
    for (size_t i = 0; i < m->n_edges; i++) {
        const map_edge *e = &m->edges[i];
        if (e->from == from && e->kind == kind &&
            (!option || (e->option && strcmp(e->option, option) == 0)))
            return e;
    }
    return NULL;
}

static void test_map_has_the_tables_and_what_the_walk_saw(void **state)
{
    (void)state;
    c_case f;
    c_case_init(&f);
    graph_map m;
    apperr e;
    assert_int_equal(graph_map_build(&m, &f.c, NULL, true, &e), 0);
    assert_int_equal(m.n_variants, 2);
    assert_int_equal(m.walk_errors, 2); /* the trap and the orphan */
    assert_true(m.nodes[node_index(&f, "d_pick")].reached);
    assert_false(m.nodes[node_index(&f, "g_orphan")].reached);
    /* The ending decided in play was entered and resolved. */
    long good = node_index(&f, "e_good");
    assert_false(m.nodes[good].open);
    assert_int_equal(m.nodes[good].outcomes, 1u << OUTCOME_GOOD);
    const map_edge *go = edge(&m, node_index(&f, "a_start"), MAP_CHOICE, "go");
    assert_non_null(go);
    assert_int_equal(go->to, node_index(&f, "b_mid"));
    const map_edge *late = edge(&m, node_index(&f, "a_start"), MAP_TIMEOUT, NULL);
    assert_non_null(late);
    assert_int_equal(late->to, node_index(&f, "c_slow"));
    /* The AI recommends y at c_slow, and x is best. */
    const map_node *slow = &m.nodes[node_index(&f, "c_slow")];
    assert_true(slow->advised);
    assert_int_equal(slow->n_options, 2);
    assert_true(slow->options[1].recommended[0] && slow->options[1].recommended[1]);
    assert_true(slow->options[0].best[0] && !slow->options[1].best[0]);
    graph_map_free(&m);
}

/* The option of decision node by id in the map, or NULL. */
static const map_option *option_of(const graph_map *m, long node, const char *id)
{
    const map_node *n = &m->nodes[node];
    for (size_t k = 0; k < n->n_options; k++)
        if (strcmp(n->options[k].id, id) == 0)
            return &n->options[k];
    return NULL;
}

/* The walk marks each choice from the decision as resolved where it was
 * played. At "second" of graph_paths.lua best and the recommendation depend
 * on the first choice: each option is best and the AI's after one first
 * choice and not after the other, so the walk has both marks of each, and
 * the map says the marks hold on some paths (the shortest path to "second"
 * alone would show treat as best and the AI's, and watch as neither). */
static void test_choices_are_marked_as_resolved_where_played(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    assert_int_equal(case_load(&c, TEST_CASES_DIR "/graph_paths.lua", NULL, &e), 0);
    walk_result *r = NULL;
    walk_opts o = {0};
    assert_int_equal(walk_case(c, &o, &r, &e), 0);
    long first = case_node_index(c, "first"), second = case_node_index(c, "second");
    unsigned seen[2] = {0, 0}; /* treat, watch: 1 best, 2 not best, 4 the AI's, 8 not */
    const walk_variant *v = &r->variants[0];
    for (size_t i = 0; i < v->n_edges; i++) {
        const walk_edge *ed = &v->edges[i];
        if (ed->via.kind != WALK_CHOOSE)
            continue;
        if (ed->via.node == first) {
            bool bloods = strcmp(ed->via.option, "bloods") == 0;
            assert_true(ed->best == bloods && ed->ai == bloods);
            continue;
        }
        assert_int_equal(ed->via.node, second);
        size_t k = strcmp(ed->via.option, "treat") == 0 ? 0 : 1;
        seen[k] |= (ed->best ? 1u : 2u) | (ed->ai ? 4u : 8u);
    }
    assert_int_equal(seen[0], 15);
    assert_int_equal(seen[1], 15);
    walk_free(r);

    graph_map m;
    assert_int_equal(graph_map_build(&m, c, NULL, true, &e), 0);
    const char *ids[2] = {"treat", "watch"};
    for (size_t k = 0; k < 2; k++) {
        const map_option *opt = option_of(&m, second, ids[k]);
        assert_non_null(opt);
        assert_true(opt->best[0] && opt->not_best[0]);
        assert_true(opt->recommended[0] && opt->not_recommended[0]);
    }
    const map_option *bloods = option_of(&m, first, "bloods");
    assert_true(bloods->best[0] && !bloods->not_best[0]);
    assert_true(bloods->recommended[0] && !bloods->not_recommended[0]);
    graph_map_free(&m);
    case_free(c);
}

/* Each allocation of building the map (the walk's included) can fail: the
 * build then says "out of memory" (APPERR_ENV), or the failure is the
 * case's own and the map says what the walk saw; graph_map_free leaves
 * nothing either way (the failing allocator counts the blocks, under
 * AddressSanitizer too). Once no allocation fails, the map is whole. */
static void test_map_out_of_memory_fails_cleanly(void **state)
{
    (void)state;
    c_case f;
    c_case_init(&f);
    graph_map ref, m;
    apperr e;
    assert_int_equal(graph_map_build(&ref, &f.c, NULL, true, &e), 0);
    failing_alloc_install();
    long n = 0;
    for (bool failed = true; failed; n++) {
        alloc_live = 0;
        alloc_fail_in = n;
        int rc = graph_map_build(&m, &f.c, NULL, true, &e);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (rc != 0) {
            assert_true(failed);
            assert_int_equal(e.kind, APPERR_ENV);
        } else if (!failed) {
            assert_int_equal(m.n_edges, ref.n_edges);
            assert_int_equal(m.walk_errors, ref.walk_errors);
            assert_true(alloc_live > 0); /* the map itself came through the hook */
        }
        graph_map_free(&m);
        if (alloc_live != 0)
            fail_msg("allocation %ld failing leaves %ld blocks", n, alloc_live);
    }
    failing_alloc_remove();
    graph_map_free(&ref);
    assert_true(n > 50);
}

/* The page of --html, each of its allocations failing in turn: it says
 * "out of memory" (APPERR_ENV) or is whole, and leaves no block either way.
 * A page that cannot be written says which file. */
static void test_page_out_of_memory_fails_cleanly(void **state)
{
    (void)state;
    c_case f;
    c_case_init(&f);
    graph_map m;
    apperr e;
    assert_int_equal(graph_map_build(&m, &f.c, NULL, true, &e), 0);
    char *dir = test_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/map.html", dir);
    assert_int_equal(graph_html_write(&m, NULL, "<svg></svg>", path, &e), 0);
    size_t len = 0;
    char *whole = test_read_file(path, &len);
    assert_non_null(strstr(whole, "id=\"info-0\""));
    failing_alloc_install();
    long n = 0;
    for (bool failed = true; failed; n++) {
        alloc_live = 0;
        alloc_fail_in = n;
        int rc = graph_html_write(&m, NULL, "<svg></svg>", path, &e);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (rc != 0) {
            assert_true(failed);
            assert_int_equal(e.kind, APPERR_ENV);
            assert_string_equal(e.msg, "cannot write: out of memory");
            assert_string_equal(e.file, path);
            /* The page written before is still there, whole. */
            size_t now_len = 0;
            char *now = test_read_file(path, &now_len);
            assert_int_equal(now_len, len);
            assert_memory_equal(now, whole, len);
            free(now);
        }
        if (alloc_live != 0)
            fail_msg("allocation %ld failing leaves %ld blocks", n, alloc_live);
    }
    failing_alloc_remove();
    assert_true(n > 1);
    size_t again_len = 0;
    char *again = test_read_file(path, &again_len);
    assert_int_equal(again_len, len);
    assert_memory_equal(again, whole, len);

    snprintf(path, sizeof path, "%s/no/such/folder/map.html", dir);
    assert_int_equal(graph_html_write(&m, NULL, "<svg></svg>", path, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    char said[1400];
    apperr_format(&e, said, sizeof said);
    assert_non_null(strstr(said, "cannot write"));
    assert_non_null(strstr(said, "no/such/folder/map.html"));
    free(whole);
    free(again);
    test_rmtree(dir);
    free(dir);
    graph_map_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_has_the_tables_and_what_the_walk_saw),
        cmocka_unit_test(test_map_out_of_memory_fails_cleanly),
        cmocka_unit_test(test_choices_are_marked_as_resolved_where_played),
        cmocka_unit_test(test_page_out_of_memory_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
