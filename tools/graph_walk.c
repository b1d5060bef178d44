/* graph_walk: the map's side of the walk.
 *
 * The walk says which moves happen in play; it does not keep the nodes it
 * resolved. A node whose values are functions (a recommendation that
 * depends on the variant, options built in Lua, an ending's outcome) is
 * therefore entered again here: the shortest path the walk saw to it is
 * replayed (walk_replay) in a fresh session without a log, as the walk
 * plays, and the node the session shows is merged into the map. */
#include "graph_walk.h"

#include <string.h>

#include "mem.h"
#include "session.h"
#include "walk.h"

static int oom(apperr *e)
{
    apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
    return -1;
}

static map_edge_kind edge_kind(walk_step_kind k)
{
    return k == WALK_CHOOSE ? MAP_CHOICE : k == WALK_TIMEOUT ? MAP_TIMEOUT : MAP_CONTINUE;
}

/* Index of variant name in the drawn variants (0 when the case has none). */
static long drawn_index(const graph_map *m, const char *name)
{
    for (size_t v = 0; v < m->n_variants; v++)
        if ((!name && !m->variants[v]) ||
            (name && m->variants[v] && strcmp(name, m->variants[v]) == 0))
            return (long)v;
    return 0;
}

/* ---- shortest paths over the walk's edges ----------------------------------------------- */

/* pred[i]: index into v->edges of the edge by which a shortest path enters
 * node i; -1 for the start and for nodes not reached. */
static long *shortest_preds(const case_def *c, const walk_variant *v)
{
    long *pred = mem_malloc(c->n_nodes * sizeof *pred);
    int *queue = mem_malloc(c->n_nodes * sizeof *queue);
    bool *seen = mem_calloc(c->n_nodes, sizeof *seen);
    long start = case_node_index(c, c->start);
    if (!pred || !queue || !seen || start < 0) {
        mem_free(pred);
        pred = NULL;
    }
    size_t head = 0, tail = 0;
    if (pred) {
        for (size_t i = 0; i < c->n_nodes; i++)
            pred[i] = -1;
        queue[tail++] = (int)start;
        seen[start] = true;
    }
    while (pred && head < tail) {
        int from = queue[head++];
        for (size_t k = 0; k < v->n_edges; k++) {
            const walk_edge *ed = &v->edges[k];
            if (ed->via.node != from || ed->to < 0 || seen[ed->to])
                continue;
            seen[ed->to] = true;
            pred[ed->to] = (long)k;
            queue[tail++] = ed->to;
        }
    }
    mem_free(queue);
    mem_free(seen);
    return pred;
}

/* Replays the shortest path to node `to` and merges the node as entered. A
 * path that fails in play is skipped: `appraise check` reports it. */
static int resolve(graph_map *m, const walk_variant *v, const long *pred, int to, long drawn)
{
    size_t depth = 0;
    for (long k = pred[to]; k >= 0; k = pred[v->edges[k].via.node])
        depth++;
    const walk_step **steps = mem_malloc((depth ? depth : 1) * sizeof *steps);
    if (!steps)
        return -1;
    size_t i = depth;
    for (long k = pred[to]; k >= 0; k = pred[v->edges[k].via.node])
        steps[--i] = &v->edges[k].via;
    session *replayed = walk_replay(m->c, v->name, steps, depth);
    int rc = 0;
    if (replayed) {
        session_view now = session_view_now(replayed);
        if (now.node && strcmp(now.node->id, m->c->nodes[to].id) == 0) {
            rc = graph_map_merge_node(m, to, now.node, drawn);
            m->nodes[to].open = false;
        }
        session_close(replayed);
    }
    mem_free(steps);
    return rc;
}

/* ---- merging ---------------------------------------------------------------------------- */

static int merge_variant(graph_map *m, const walk_variant *v)
{
    const case_def *c = m->c;
    long drawn = drawn_index(m, v->name);
    for (size_t k = 0; k < v->n_edges; k++) {
        const walk_edge *ed = &v->edges[k];
        map_edge_kind kind = edge_kind(ed->via.kind);
        bool dynamic = graph_map_target_in_play(m, ed->via.node, kind, ed->via.option);
        if (graph_map_add_edge(m, ed->via.node, ed->to, kind, ed->via.option, dynamic, 0) != 0)
            return -1;
        if (kind == MAP_CHOICE &&
            graph_map_mark_choice(m, ed->via.node, ed->via.option, ed->best, ed->ai, drawn) != 0)
            return -1;
    }
    for (size_t i = 0; i < c->n_nodes; i++)
        m->nodes[i].reached |= v->visited[i];
    long *pred = shortest_preds(c, v);
    if (!pred)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < c->n_nodes; i++)
        if (c->nodes[i].dynamic && v->visited[i])
            rc = resolve(m, v, pred, (int)i, drawn);
    mem_free(pred);
    return rc;
}

int graph_walk_merge(graph_map *m, const char *variant, apperr *e)
{
    walk_opts o = {.variant = variant};
    walk_result *r = NULL;
    if (walk_case(m->c, &o, &r, e) != 0)
        return -1;
    m->walk_errors = r->n_errors;
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < r->n_variants; k++)
        rc = merge_variant(m, &r->variants[k]);
    walk_free(r);
    if (rc != 0)
        return oom(e);
    graph_map_drop_resolved(m);
    return 0;
}
