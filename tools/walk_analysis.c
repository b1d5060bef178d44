/* walk_analysis: the graph of states, once searched (walk_analysis.h).
 *
 * Shortest paths over the state graph give each finding the shortest of
 * the edges it was met on (findings wait as "pending" until then). Paths
 * are counted by dynamic programming; states from which no end is reachable
 * are the loops with no way out. A path past a bound is an error only where
 * a function lies ahead (it may never end); elsewhere the walk says where it
 * stopped, and nodes past it are not explored rather than not reached. */
#include "walk_analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* ---- after the search: counts and traps ------------------------------------- */

typedef struct agg {
    double paths, to[3], failed, looping, cut, advised, right;
    double through; /* paths that reach an advised decision */
} agg;

static void agg_add(agg *a, const agg *b)
{
    a->paths += b->paths;
    for (int k = 0; k < 3; k++)
        a->to[k] += b->to[k];
    a->failed += b->failed;
    a->looping += b->looping;
    a->cut += b->cut;
    a->advised += b->advised;
    a->right += b->right;
    a->through += b->through;
}

/* What edge e adds to its state's count when it is not a finished state. */
static void agg_end(agg *a, const wedge *e)
{
    a->paths += 1;
    if (e->kind == E_ENDING && e->outcome < 3)
        a->to[e->outcome] += 1;
    else if (e->kind == E_FAILED || e->kind == E_LOOP)
        a->failed += 1;
    else if (e->kind == E_STATE)
        a->looping += 1; /* back to a state on the path */
    else
        a->cut += 1;
}

static void finish_state(const walker *w, agg *a, uint32_t i)
{
    if (w->st[i].deep) { /* beyond the depth bound: a path cut short here */
        a[i].paths = 1;
        a[i].cut = 1;
    }
    if (w->st[i].advised) {
        a[i].advised += a[i].paths;
        a[i].through = a[i].paths; /* every path from here has reached one */
    }
    if (w->st[i].ai_right)
        a[i].right += a[i].paths;
}

/* Counts paths by depth-first search over the states: a state's paths are
 * the sum over its edges; an edge back to a state on the current path ends
 * a path there (a loop the trainee may leave). */
static int count_paths(walker *w)
{
    agg *a = mem_calloc(w->n_st, sizeof *a);
    uint8_t *color = mem_calloc(w->n_st, 1); /* 0 new, 1 on the path, 2 done */
    uint32_t *stack = mem_malloc(w->n_st * sizeof *stack);
    uint32_t *cursor = mem_calloc(w->n_st, sizeof *cursor);
    if (!a || !color || !stack || !cursor) {
        mem_free(a), mem_free(color), mem_free(stack), mem_free(cursor);
        return -1;
    }
    size_t top = 0;
    stack[top++] = 0;
    color[0] = 1;
    while (top > 0) {
        uint32_t i = stack[top - 1];
        if (cursor[i] < w->st[i].n_edges) {
            const wedge *e = &w->ed[w->st[i].first_edge + cursor[i]++];
            if (e->kind != E_STATE || color[e->to] == 1)
                agg_end(&a[i], e);
            else if (color[e->to] == 2)
                agg_add(&a[i], &a[e->to]);
            else {
                color[e->to] = 1;
                stack[top++] = e->to;
            }
            continue;
        }
        finish_state(w, a, i);
        color[i] = 2;
        if (--top > 0)
            agg_add(&a[stack[top - 1]], &a[i]);
    }
    walk_variant *v = w->v;
    v->paths = a[0].paths;
    for (int k = 0; k < 3; k++)
        v->paths_to[k] = a[0].to[k];
    v->paths_failed = a[0].failed;
    v->paths_looping = a[0].looping;
    v->paths_cut = a[0].cut;
    v->advised = a[0].advised;
    v->ai_right = a[0].right;
    v->advised_paths = a[0].through;
    mem_free(a), mem_free(color), mem_free(stack), mem_free(cursor);
    return 0;
}

/* The nodes of the trapped states reachable from state i, as "a, b, c". */
static void trap_nodes(const walker *w, const uint8_t *exit_ok, uint32_t i, char *buf, size_t size)
{
    bool *seen_node = mem_calloc(w->c->n_nodes, sizeof *seen_node);
    uint8_t *seen = mem_calloc(w->n_st, 1);
    uint32_t *queue = mem_malloc(w->n_st * sizeof *queue);
    size_t head = 0, tail = 0, listed = 0;
    buf[0] = '\0';
    if (!seen_node || !seen || !queue) {
        mem_free(seen_node), mem_free(seen), mem_free(queue);
        return;
    }
    queue[tail++] = i;
    seen[i] = 1;
    while (head < tail && listed < 6) {
        const wstate *s = &w->st[queue[head++]];
        if (!seen_node[s->node]) {
            seen_node[s->node] = true;
            size_t len = strlen(buf);
            snprintf(buf + len, size - len, "%s%s", listed++ ? ", " : "", w->c->nodes[s->node].id);
        }
        for (uint32_t k = 0; k < s->n_edges; k++) {
            const wedge *e = &w->ed[s->first_edge + k];
            if (e->kind == E_STATE && !exit_ok[e->to] && !seen[e->to]) {
                seen[e->to] = 1;
                queue[tail++] = e->to;
            }
        }
    }
    mem_free(seen_node), mem_free(seen), mem_free(queue);
}

/* States from which no end can be reached are loops with no way out: each is
 * reported where the walk first entered it. */
static int find_traps(walker *w)
{
    size_t n = w->n_st;
    uint32_t *indeg = mem_calloc(n + 1, sizeof *indeg);
    uint32_t *rev = mem_malloc((w->n_ed + 1) * sizeof *rev);
    uint8_t *exit_ok = mem_calloc(n, 1);
    uint32_t *queue = mem_malloc(n * sizeof *queue);
    if (!indeg || !rev || !exit_ok || !queue) {
        mem_free(indeg), mem_free(rev), mem_free(exit_ok), mem_free(queue);
        return -1;
    }
    /* Reverse adjacency in compressed rows: indeg[to] .. indeg[to + 1]. */
    for (size_t x = 0; x < w->n_ed; x++)
        if (w->ed[x].kind == E_STATE)
            indeg[w->ed[x].to + 1]++;
    for (size_t i = 0; i < n; i++)
        indeg[i + 1] += indeg[i];
    uint32_t *fill = mem_calloc(n, sizeof *fill);
    if (!fill) {
        mem_free(indeg), mem_free(rev), mem_free(exit_ok), mem_free(queue);
        return -1;
    }
    size_t tail = 0, head = 0;
    for (uint32_t i = 0; i < n; i++)
        if (w->st[i].deep) { /* not walked beyond the bound: not known to be a trap */
            exit_ok[i] = 1;
            queue[tail++] = i;
        }
    for (size_t x = 0; x < w->n_ed; x++) {
        const wedge *e = &w->ed[x];
        if (e->kind == E_STATE)
            rev[indeg[e->to] + fill[e->to]++] = e->from;
        else if (!exit_ok[e->from]) {
            exit_ok[e->from] = 1;
            queue[tail++] = e->from;
        }
    }
    while (head < tail) {
        uint32_t j = queue[head++];
        for (uint32_t k = indeg[j]; k < indeg[j + 1]; k++)
            if (!exit_ok[rev[k]]) {
                exit_ok[rev[k]] = 1;
                queue[tail++] = rev[k];
            }
    }
    for (uint32_t i = 1; i < n && !w->fatal; i++) {
        uint32_t pe = w->st[i].parent_edge;
        if (exit_ok[i] || (pe != NONE && !exit_ok[w->ed[pe].from] && w->ed[pe].from != 0))
            continue;
        char nodes[400], msg[700];
        trap_nodes(w, exit_ok, i, nodes, sizeof nodes);
        snprintf(msg, sizeof msg,
                 "no way out: from node '%s' every choice leads round a loop (%s) and no "
                 "path reaches an ending",
                 w->c->nodes[w->st[i].node].id, nodes);
        int ni = w->st[i].node;
        walk_report(w, WALK_NO_WAY_OUT, true, walk_node_file(w, ni), w->c->nodes[ni].line, ni, pe,
                    msg);
    }
    mem_free(indeg), mem_free(rev), mem_free(exit_ok), mem_free(queue), mem_free(fill);
    return 0;
}

static void bound_warning(walker *w)
{
    char msg[600];
    const case_node *start = case_find_node(w->c, w->c->start);
    snprintf(msg, sizeof msg,
             "the walk%s%s stopped at %zu distinct states: paths beyond them were not "
             "explored, so what is said about reaching nodes is left out "
             "(raise --max-states, or keep fewer distinct values in s)",
             w->v->name ? " of variant " : "", w->v->name ? w->v->name : "", w->max_states);
    walk_report(w, WALK_BOUND, false, start && start->file ? start->file : w->c->file,
                start ? start->line : 0, start ? (int)(start - w->c->nodes) : -1, NONE, msg);
}

int walk_analysis_ways_in(const walker *w, bool (*follow)(const walker *w, const wedge *e),
                          uint32_t *dist, uint32_t *via)
{
    uint32_t *queue = mem_malloc((w->n_st ? w->n_st : 1) * sizeof *queue);
    if (!queue)
        return -1;
    for (size_t i = 0; i < w->n_st; i++)
        dist[i] = via[i] = NONE;
    size_t head = 0, tail = 0;
    dist[0] = 0;
    queue[tail++] = 0;
    while (head < tail) {
        uint32_t i = queue[head++];
        for (uint32_t k = 0; k < w->st[i].n_edges; k++) {
            uint32_t x = w->st[i].first_edge + k;
            const wedge *e = &w->ed[x];
            if (e->kind != E_STATE || dist[e->to] != NONE || (follow && !follow(w, e)))
                continue;
            dist[e->to] = i == 0 ? 0 : dist[i] + 1;
            via[e->to] = x;
            queue[tail++] = e->to;
        }
    }
    mem_free(queue);
    return 0;
}

/* Shortest paths over the states found so far (breadth first over their
 * edges): dist, and parent_edge and depth set to match, so that replays and
 * the paths reported take the shortest way. */
int walk_analysis_shortest_paths(walker *w)
{
    size_t n = w->n_st;
    uint32_t *dist = mem_grow(w->dist, &w->cap_dist, n, sizeof *dist);
    if (!dist)
        return -1;
    w->dist = dist;
    uint32_t *via = mem_malloc(n * sizeof *via);
    if (!via || walk_analysis_ways_in(w, NULL, dist, via) != 0) {
        mem_free(via);
        return -1;
    }
    for (size_t i = 1; i < n; i++)
        if (via[i] != NONE) {
            w->st[i].parent_edge = via[i];
            w->st[i].depth = dist[i];
        }
    mem_free(via);
    return 0;
}

/* Decisions on the shortest path that ends with edge x. */
static uint32_t edge_dist(const walker *w, uint32_t x)
{
    const wedge *e = &w->ed[x];
    return e->option == OPT_START ? 0 : w->dist[e->from] + 1;
}

/* States beyond the bound on decisions: as for narrative steps, an error
 * only where `s` can change on the way. */
static void too_long(walker *w)
{
    char endless[600];
    snprintf(endless, sizeof endless,
             "a path goes on for more than %zu decisions without ending (does a loop change s "
             "every time round?)",
             w->max_depth);
    for (uint32_t i = 1; i < w->n_st && !w->fatal; i++) {
        if (!w->st[i].deep)
            continue;
        w->r->cut_depth = w->max_depth;
        walk_report_cut(w, w->st[i].node, w->st[i].parent_edge, "decision", w->max_depth,
                        "decisions (raise --max-depth)", endless);
    }
}

/* Gives each finding met on edges the shortest path of those edges. */
static void place_findings(walker *w)
{
    uint32_t *best = mem_malloc((w->n_pend ? w->n_pend : 1) * sizeof *best);
    if (!best) {
        walk_set_oom(w);
        return;
    }
    for (size_t k = 0; k < w->n_pend; k++)
        best[k] = NONE;
    for (size_t j = 0; j < w->n_seen; j++) {
        const sighting *g = &w->seen[j];
        if (best[g->pending] == NONE || edge_dist(w, g->edge) < edge_dist(w, best[g->pending]))
            best[g->pending] = g->edge;
    }
    for (size_t k = 0; k < w->n_pend; k++) {
        walk_finding *f = &w->pend[k].f;
        if (!w->fatal && walk_path_of_edge(w, best[k], &f->path) == 0) {
            f->has_path = true;
            if (walk_add_finding(w->r, f) != 0)
                walk_set_oom(w);
        } else {
            walk_finding_free(f);
        }
    }
    w->n_pend = 0;
    mem_free(best);
}

/* Each node's shortest path: the shortest of the edges that entered it. */
static void node_paths(walker *w)
{
    size_t n = w->c->n_nodes;
    uint32_t *best = mem_malloc((n ? n : 1) * sizeof *best);
    walk_variant *v = w->v;
    v->node_paths = mem_calloc(n ? n : 1, sizeof *v->node_paths);
    if (!best || !v->node_paths) {
        mem_free(best);
        walk_set_oom(w);
        return;
    }
    for (size_t i = 0; i < n; i++)
        best[i] = NONE;
    for (size_t j = 0; j < w->n_entries; j++) {
        const entry *g = &w->entries[j];
        if (best[g->node] == NONE || edge_dist(w, g->edge) < edge_dist(w, best[g->node]))
            best[g->node] = g->edge;
    }
    for (size_t i = 0; i < n && !w->fatal; i++)
        if (best[i] != NONE)
            walk_path_of_edge(w, best[i], &v->node_paths[i]);
    mem_free(best);
}

/* The AI-always-right warning points at the advised decision nearest the
 * start of the first variant walked. */
static void note_first_advised(walker *w)
{
    result_impl *r = w->r;
    uint32_t pick = NONE;
    for (uint32_t i = 1; i < w->n_st; i++)
        if (w->st[i].advised && (pick == NONE || w->dist[i] < w->dist[pick]))
            pick = i;
    if (r->have_first_advised || pick == NONE)
        return;
    walk_finding *f = &r->first_advised;
    memset(f, 0, sizeof *f);
    f->node = w->st[pick].node;
    f->line = w->c->nodes[f->node].line;
    f->has_path = walk_path_of_edge(w, w->st[pick].parent_edge, &f->path) == 0;
    r->have_first_advised = true;
}

static bool reached_in_any(const result_impl *r, size_t i)
{
    for (size_t k = 0; k < r->pub.n_variants; k++)
        if (r->pub.variants[k].visited[i])
            return true;
    return false;
}

/* A path was cut at a bound on decisions or narrative steps: nodes no path
 * reached may lie beyond it, so they are not explored rather than not
 * reached. One warning, at the first of them in the files. */
static void unexplored(result_impl *r, walker *w)
{
    const case_def *c = r->pub.c;
    size_t n = 0, first = 0;
    for (size_t i = 0; i < c->n_nodes; i++) {
        if (reached_in_any(r, i))
            continue;
        int by_file = n ? strcmp(walk_node_file(w, (int)i), walk_node_file(w, (int)first)) : 0;
        if (n++ == 0 || by_file < 0 || (by_file == 0 && c->nodes[i].line < c->nodes[first].line))
            first = i;
    }
    if (n == 0)
        return;
    char bound[80], others[80], msg[600];
    if (r->cut_depth && r->cut_narrative)
        snprintf(bound, sizeof bound, "bounds %zu and %zu", r->cut_depth, r->cut_narrative);
    else
        snprintf(bound, sizeof bound, "bound %zu", r->cut_depth ? r->cut_depth : r->cut_narrative);
    if (n > 1)
        snprintf(others, sizeof others, ", nor %s %zu other %s", n == 2 ? "is" : "are", n - 1,
                 n == 2 ? "node" : "nodes");
    else
        others[0] = '\0';
    snprintf(msg, sizeof msg,
             "node '%s' is not explored (%s reached)%s: no path within the walk's bounds reaches "
             "%s, so whether one does is not known",
             c->nodes[first].id, bound, others, n > 1 ? "them" : "it");
    walk_report(w, WALK_UNEXPLORED, false, walk_node_file(w, (int)first), c->nodes[first].line,
                (int)first, NONE, msg);
}

/* The AI right, or wrong, at every advised decision the walk reached, in
 * every variant: pointed at the advised decision nearest the start. Wrong
 * everywhere is said where there are two advised decisions or more: a case
 * built on one, where the AI errs, is a case about spotting that error. */
static void ai_always(result_impl *r, walker *w)
{
    char msg[600];
    walk_finding *f = &r->first_advised;
    size_t n = 0, right = 0, wrong = 0; /* advised decisions, right or wrong at every visit */
    for (size_t i = 0; r->ai_seen && i < w->c->n_nodes; i++) {
        n += r->ai_seen[i] != 0;
        right += r->ai_seen[i] == 1;
        wrong += r->ai_seen[i] == 2;
    }
    if (n > 0 && right == n) {
        snprintf(msg, sizeof msg,
                 "the AI is right at every advised decision the walk reached (%zu): there is "
                 "nothing for a trainee to practise spotting; make it wrong somewhere, or in "
                 "a variant",
                 n);
        f->kind = WALK_AI_ALWAYS_RIGHT;
    } else if (n >= 2 && wrong == n) {
        snprintf(msg, sizeof msg,
                 "the AI is wrong at every advised decision the walk reached (%zu): a trainee "
                 "learns only to ignore it, not when to trust it; make it right somewhere, or "
                 "in a variant",
                 n);
        f->kind = WALK_AI_ALWAYS_WRONG;
    } else {
        return; /* walk_free frees the path */
    }
    f->error = false;
    f->file = mem_strdup(walk_node_file(w, f->node));
    f->message = mem_strdup(msg);
    r->have_first_advised = false; /* now owned by the findings, or freed */
    if (!f->file || !f->message) {
        walk_finding_free(f);
        walk_set_oom(w);
    } else if (walk_add_finding(r, f) != 0) {
        walk_set_oom(w);
    }
}

/* Across variants: nodes no path reaches (or, past a bound, not explored),
 * endings one variant misses, an AI that is always right or always wrong,
 * variants whose advice is the same. */
int walk_analysis_cross_variant(result_impl *r, walker *w)
{
    const case_def *c = r->pub.c;
    char msg[600];
    if (!r->any_bound && !r->any_diverged && (r->cut_depth || r->cut_narrative))
        unexplored(r, w);
    else if (!r->any_bound && !r->any_diverged) {
        for (size_t i = 0; i < c->n_nodes && !w->fatal; i++) {
            size_t reached = 0;
            for (size_t k = 0; k < r->pub.n_variants; k++)
                reached += r->pub.variants[k].visited[i];
            const case_node *n = &c->nodes[i];
            if (reached == 0) {
                snprintf(msg, sizeof msg, "node '%s' is not reached by any path%s", n->id,
                         r->pub.n_variants > 1 ? " in any variant" : "");
                walk_report(w, WALK_UNREACHABLE, true, walk_node_file(w, (int)i), n->line, (int)i,
                            NONE, msg);
                continue;
            }
            if (n->kind != NODE_ENDING)
                continue;
            for (size_t k = 0; k < r->pub.n_variants && !w->fatal; k++) {
                if (r->pub.variants[k].visited[i])
                    continue;
                snprintf(msg, sizeof msg, "ending '%s' is not reached in variant %s", n->id,
                         r->pub.variants[k].name);
                walk_report(w, WALK_ENDING_UNREACHED, false, walk_node_file(w, (int)i), n->line,
                            (int)i, NONE, msg);
            }
        }
    }
    if (r->have_first_advised && !w->fatal)
        ai_always(r, w);
    if (!w->fatal && walk_teaching_cross_variant(r, w) != 0)
        walk_set_oom(w);
    return w->fatal ? -1 : 0;
}

/* Once the search of a variant is over. */
int walk_analysis_variant(walker *w)
{
    too_long(w);
    if (count_paths(w) != 0 || find_traps(w) != 0) {
        walk_set_oom(w);
        return -1;
    }
    if (walk_teaching_variant(w) != 0)
        return -1;
    place_findings(w);
    node_paths(w);
    note_first_advised(w);
    if (w->v->bound_hit) {
        w->r->any_bound = true;
        bound_warning(w);
    }
    return w->fatal ? -1 : 0;
}
