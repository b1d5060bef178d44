/* test_graph_map: what `appraise graph` draws (tools/internal/graph_map.h),
 * gathered from the case tables and from the walk, on a case written in C
 * (c_case.h); and its out-of-memory paths, through the failing allocator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "c_case.h"
#include "failing_alloc.h"
#include "graph_map.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_has_the_tables_and_what_the_walk_saw),
        cmocka_unit_test(test_map_out_of_memory_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
