/* graph_map: what `appraise graph` draws, gathered from a loaded case.
 *
 * First the static tables (graph_map_build), then what the walk saw
 * (graph_walk.c). Nodes merge what every source says: an option is the same
 * option wherever it is seen (by id), a recommendation is kept per variant,
 * an ending remembers every outcome it was seen with. */
#include "graph_map.h"
#include "session.h"

#include <stdio.h>
#include <string.h>

#include "graph_walk.h"
#include "mem.h"

static int oom(apperr *e)
{
    apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
    return -1;
}

/* ---- options ---------------------------------------------------------------------------- */

static map_option *find_option(map_node *n, const char *id)
{
    for (size_t i = 0; i < n->n_options; i++)
        if (strcmp(n->options[i].id, id) == 0)
            return &n->options[i];
    return NULL;
}

static void option_free(map_option *o)
{
    mem_free(o->id);
    mem_free(o->label);
    mem_free(o->best);
    mem_free(o->recommended);
    mem_free(o->not_best);
    mem_free(o->not_recommended);
}

static map_option *add_option(graph_map *m, map_node *n, const char *id)
{
    map_option *o = find_option(n, id);
    if (o)
        return o;
    map_option *grown = mem_grow(n->options, &n->cap_options, n->n_options + 1, sizeof *grown);
    if (!grown)
        return NULL;
    n->options = grown;
    o = &n->options[n->n_options];
    memset(o, 0, sizeof *o);
    o->id = mem_strdup(id);
    o->best = mem_calloc(m->n_variants, sizeof *o->best);
    o->recommended = mem_calloc(m->n_variants, sizeof *o->recommended);
    o->not_best = mem_calloc(m->n_variants, sizeof *o->not_best);
    o->not_recommended = mem_calloc(m->n_variants, sizeof *o->not_recommended);
    if (!o->id || !o->best || !o->recommended || !o->not_best || !o->not_recommended) {
        option_free(o);
        return NULL;
    }
    n->n_options++;
    return o;
}

/* Sets flags[v] for drawn variant `variant`, or for all when it is < 0. */
static void mark(const graph_map *m, bool *flags, long variant)
{
    for (size_t v = 0; v < m->n_variants; v++)
        if (variant < 0 || (size_t)variant == v)
            flags[v] = true;
}

/* Merges what a decision says into the node's options. variant < 0: what
 * it says holds in every drawn variant (the values are constants). */
static int merge_decision(graph_map *m, map_node *n, const case_decision *d, long variant)
{
    for (size_t i = 0; i < d->n_options; i++) {
        map_option *o = add_option(m, n, d->options[i].id);
        if (!o)
            return -1;
        if (!o->label && d->options[i].label && !(o->label = mem_strdup(d->options[i].label)))
            return -1;
        if (case_is_best(d, o->id))
            mark(m, o->best, variant);
    }
    if (!d->advice.present)
        return 0;
    n->advised = true;
    map_option *o = d->advice.recommend ? find_option(n, d->advice.recommend) : NULL;
    if (o)
        mark(m, o->recommended, variant);
    return 0;
}

int graph_map_mark_choice(graph_map *m, int node, const char *option, bool best, bool ai,
                          long variant)
{
    map_option *o = add_option(m, &m->nodes[node], option);
    if (!o)
        return -1;
    mark(m, best ? o->best : o->not_best, variant);
    mark(m, ai ? o->recommended : o->not_recommended, variant);
    return 0;
}

/* Keeps the advice of a node resolved in drawn variant `variant`. */
static int keep_advice(graph_map *m, map_node *mn, const case_advice *a, long variant)
{
    if (!a->present || variant < 0 || (size_t)variant >= m->n_variants)
        return 0;
    if (!mn->advice && !(mn->advice = mem_calloc(m->n_variants, sizeof *mn->advice)))
        return -1;
    map_advice *ma = &mn->advice[variant];
    if (ma->message || !a->message)
        return 0;
    if (!(ma->message = mem_strdup(a->message)))
        return -1;
    ma->has_confidence = a->has_confidence;
    ma->confidence = a->confidence;
    return 0;
}

int graph_map_merge_node(graph_map *m, int index, const case_node *n, long variant)
{
    map_node *mn = &m->nodes[index];
    mn->reached = true;
    if (n->kind == NODE_DECISION && keep_advice(m, mn, &n->decision.advice, variant) != 0)
        return -1;
    if (n->kind == NODE_ENDING)
        mn->outcomes |= 1u << n->ending.outcome;
    else if (n->kind == NODE_DECISION && merge_decision(m, mn, &n->decision, variant) != 0)
        return -1;
    return 0;
}

/* ---- edges ------------------------------------------------------------------------------ */

static bool same_via(const map_edge *a, int from, map_edge_kind kind, const char *option)
{
    return a->from == from && a->kind == kind &&
           (kind != MAP_CHOICE || (a->option && option && strcmp(a->option, option) == 0));
}

int graph_map_add_edge(graph_map *m, int from, int to, map_edge_kind kind, const char *option,
                       bool dynamic, int line)
{
    for (size_t i = 0; i < m->n_edges; i++)
        if (m->edges[i].to == to && same_via(&m->edges[i], from, kind, option))
            return 0;
    map_edge *grown = mem_grow(m->edges, &m->cap_edges, m->n_edges + 1, sizeof *grown);
    if (!grown)
        return -1;
    m->edges = grown;
    map_edge *ed = &m->edges[m->n_edges];
    *ed = (map_edge){.from = from, .to = to, .kind = kind, .dynamic = dynamic, .line = line};
    if (option && !(ed->option = mem_strdup(option)))
        return -1;
    m->n_edges++;
    return 0;
}

void graph_map_drop_resolved(graph_map *m)
{
    size_t kept = 0;
    for (size_t i = 0; i < m->n_edges; i++) {
        map_edge *ed = &m->edges[i];
        bool found = false;
        for (size_t j = 0; ed->to < 0 && j < m->n_edges && !found; j++)
            found = m->edges[j].to >= 0 && same_via(&m->edges[j], ed->from, ed->kind, ed->option);
        if (found) {
            mem_free(ed->option);
            continue;
        }
        m->edges[kept++] = *ed;
    }
    m->n_edges = kept;
}

/* A target as written: its node index, or -1 for a function (line in *line). */
static int target(const graph_map *m, const char *id, int fn, int fn_line, int *line)
{
    *line = fn ? fn_line : 0;
    return id ? (int)case_node_index(m->c, id) : -1;
}

static int add_static_edges(graph_map *m, int i)
{
    const case_node *n = &m->c->nodes[i];
    int line, to;
    if (n->kind == NODE_NARRATIVE) {
        to = target(m, n->next, n->next_fn, n->line, &line);
        return graph_map_add_edge(m, i, to, MAP_CONTINUE, NULL, to < 0, line);
    }
    if (n->kind != NODE_DECISION)
        return 0;
    const case_decision *d = &n->decision;
    for (size_t k = 0; k < d->n_options; k++) {
        const case_option *o = &d->options[k];
        if (o->next || o->next_fn)
            to = target(m, o->next, o->next_fn, o->line, &line);
        else
            to = target(m, d->next, d->next_fn, n->line, &line);
        if (graph_map_add_edge(m, i, to, MAP_CHOICE, o->id, to < 0, line) != 0)
            return -1;
    }
    if (d->on_timeout || d->on_timeout_fn) {
        int l = d->on_timeout_line ? d->on_timeout_line : n->line;
        to = target(m, d->on_timeout, d->on_timeout_fn, l, &line);
        return graph_map_add_edge(m, i, to, MAP_TIMEOUT, NULL, to < 0, line);
    }
    return 0;
}

bool graph_map_target_in_play(const graph_map *m, int i, map_edge_kind kind, const char *option)
{
    const case_node *n = &m->c->nodes[i];
    if (kind == MAP_CONTINUE)
        return n->next_fn != 0;
    if (kind == MAP_TIMEOUT)
        return n->decision.on_timeout_fn != 0;
    const case_option *o = case_find_option(&n->decision, option);
    if (!o)
        return true; /* the options themselves are written as a function */
    if (o->next || o->next_fn)
        return o->next_fn != 0;
    return n->decision.next_fn != 0;
}

/* ---- building --------------------------------------------------------------------------- */

static int pick_variants(graph_map *m, const char *variant, apperr *e)
{
    const strlist *v = &m->c->variants;
    size_t n = variant || v->n == 0 ? 1 : v->n;
    m->variants = mem_calloc(n, sizeof *m->variants);
    if (!m->variants)
        return oom(e);
    m->n_variants = n;
    if (!variant) {
        for (size_t i = 0; i < v->n; i++)
            m->variants[i] = v->items[i];
        return 0;
    }
    m->variants[0] = session_find_variant(m->c, variant, e);
    return m->variants[0] ? 0 : -1;
}

/* What the tables say of node i. A node with values decided in play stays
 * open until the walk resolves it. */
static int add_static_node(graph_map *m, int i)
{
    const case_node *n = &m->c->nodes[i];
    map_node *mn = &m->nodes[i];
    mn->reached = !m->walked;
    mn->open = n->dynamic;
    if (n->kind == NODE_DECISION && merge_decision(m, mn, &n->decision, -1) != 0)
        return -1;
    if (n->kind == NODE_ENDING && !n->dynamic)
        mn->outcomes |= 1u << n->ending.outcome;
    return add_static_edges(m, i);
}

int graph_map_build(graph_map *m, const case_def *c, const char *variant, bool walk, apperr *e)
{
    memset(m, 0, sizeof *m);
    m->c = c;
    m->walked = walk;
    if (pick_variants(m, variant, e) != 0)
        return -1;
    m->nodes = mem_calloc(c->n_nodes ? c->n_nodes : 1, sizeof *m->nodes);
    if (!m->nodes)
        return oom(e);
    for (size_t i = 0; i < c->n_nodes; i++)
        if (add_static_node(m, (int)i) != 0)
            return oom(e);
    return walk ? graph_walk_merge(m, variant, e) : 0;
}

size_t graph_map_count(const graph_map *m, const bool *flags)
{
    size_t n = 0;
    for (size_t v = 0; v < m->n_variants; v++)
        n += flags[v];
    return n;
}

bool graph_map_some_paths(const graph_map *m, const bool *flags, const bool *against)
{
    for (size_t v = 0; v < m->n_variants; v++)
        if (flags[v] && against[v])
            return true;
    return false;
}

void graph_map_free(graph_map *m)
{
    for (size_t i = 0; m->nodes && i < m->c->n_nodes; i++) {
        for (size_t k = 0; k < m->nodes[i].n_options; k++)
            option_free(&m->nodes[i].options[k]);
        for (size_t v = 0; m->nodes[i].advice && v < m->n_variants; v++)
            mem_free(m->nodes[i].advice[v].message);
        mem_free(m->nodes[i].advice);
        mem_free(m->nodes[i].options);
    }
    for (size_t i = 0; i < m->n_edges; i++)
        mem_free(m->edges[i].option);
    mem_free(m->nodes);
    mem_free(m->edges);
    mem_free(m->variants);
    memset(m, 0, sizeof *m);
}
