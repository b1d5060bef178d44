/* graph_map: what `appraise graph` draws, gathered from a loaded case.
 *
 * The case tables give what the author wrote as constants: nodes, options,
 * best options, recommendations, static targets. What only play reveals
 * comes from the walk (tools/walk.h): the targets of `next` and `on_timeout`
 * functions (its edges), which nodes each variant reaches, and values written
 * as functions (options, best, the recommendation, an ending's outcome). For
 * those the node is entered for real: the shortest walked path to it is
 * replayed in a session without a log, once per variant, and the resolved
 * node is merged in. Best options and recommendations come from every
 * choice the walk played (its edges are marked as resolved there), so one
 * that depends on earlier choices is known where it holds and where not;
 * labels and outcomes are shown as they are on that shortest path. */
#ifndef GRAPH_MAP_H
#define GRAPH_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "apperr.h"
#include "case_model.h"

typedef struct map_option {
    char *id;
    char *label;           /* NULL when written as a function and not resolved */
    bool *best;            /* per drawn variant: the option is in best (somewhere) */
    bool *recommended;     /* per drawn variant: the AI recommends this option (somewhere) */
    bool *not_best;        /* per drawn variant: the walk took it where it was not best */
    bool *not_recommended; /* per drawn variant: ... where the AI recommended another */
} map_option;

/* Advice as resolved in play in one variant (for a node with functions: on
 * the shortest path there). */
typedef struct map_advice {
    char *message; /* NULL when not resolved (or none) */
    bool has_confidence;
    double confidence; /* 0..1 */
} map_advice;

typedef struct map_node {
    map_option *options;
    map_advice *advice; /* per drawn variant, NULL until a resolved node with advice */
    size_t n_options, cap_options;
    bool advised;      /* the decision has advice (known statically or resolved) */
    bool open;         /* some of its values are decided in play and were not resolved */
    unsigned outcomes; /* ending: bit 1 << case_outcome for each outcome seen */
    bool reached;      /* the walk entered it in a drawn variant (true when not walked) */
} map_node;

typedef enum map_edge_kind { MAP_CHOICE, MAP_CONTINUE, MAP_TIMEOUT } map_edge_kind;

typedef struct map_edge {
    int from;
    int to; /* node index; -1: a function decides in play and the walk saw no call */
    map_edge_kind kind;
    char *option; /* MAP_CHOICE: the option id */
    bool dynamic; /* the target is found in play (a next/on_timeout function, options
                     written as a function) */
    int line;     /* where the function is written (to == -1), 0 when unknown */
} map_edge;

typedef struct graph_map {
    const case_def *c;
    const char **variants; /* the drawn variants; one NULL entry when the case has none */
    size_t n_variants;
    map_node *nodes; /* parallel to c->nodes */
    map_edge *edges;
    size_t n_edges, cap_edges;
    bool walked;
    size_t walk_errors; /* errors the walk found (appraise check tells them) */
} graph_map;

/* Builds the map of c for one variant (variant != NULL) or all of them.
 * With walk, plays every path (tools/walk.h) to add what only play reveals.
 * An unknown variant is an APPERR_USAGE error; out of memory APPERR_ENV.
 * Errors of the case in play do not fail the map: they are counted in
 * walk_errors. Free with graph_map_free. */
int graph_map_build(graph_map *m, const case_def *c, const char *variant, bool walk, apperr *e);

void graph_map_free(graph_map *m);

/* How many drawn variants flags (one per drawn variant) holds for. */
size_t graph_map_count(const graph_map *m, const bool *flags);

/* Whether, in some drawn variant, flags and against both hold: the walk saw
 * a mark both ways there (best and not best), on different paths. */
bool graph_map_some_paths(const graph_map *m, const bool *flags, const bool *against);

/* ---- for the walk's side (graph_walk.c) ---- */

/* Merges a node as seen in play (resolved) in drawn variant `variant`
 * (< 0: in all of them); marks it reached. 0, or -1 when out of memory. */
int graph_map_merge_node(graph_map *m, int index, const case_node *n, long variant);

/* Marks option `option` of decision `node` as the walk played it in drawn
 * variant `variant`: best there or not, the AI's there or not. 0, or -1
 * when out of memory. */
int graph_map_mark_choice(graph_map *m, int node, const char *option, bool best, bool ai,
                          long variant);

/* Adds an edge unless the same one is there. 0, or -1 when out of memory. */
int graph_map_add_edge(graph_map *m, int from, int to, map_edge_kind kind, const char *option,
                       bool dynamic, int line);

/* Whether the edge out of node i by (kind, option) is decided in play. */
bool graph_map_target_in_play(const graph_map *m, int i, map_edge_kind kind, const char *option);

/* Drops the "decided in play" edges (to == -1) for which an edge found in
 * play exists. */
void graph_map_drop_resolved(graph_map *m);

#endif
