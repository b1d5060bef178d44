/* walk_analysis: what the walk concludes from the graph of states its
 * search built (walk.c): shortest paths, paths too long and paths cut at a
 * bound, path counts, loops with no way out, the paths of findings and of
 * nodes, and across variants nodes not reached or not explored. Private to
 * tools/. */
#ifndef WALK_ANALYSIS_H
#define WALK_ANALYSIS_H

#include "walk_internal.h"

/* Ways in from the start, breadth first over the states found so far:
 * dist[i] the decisions on a shortest way to state i, via[i] its last edge
 * (NONE, both, when none reaches it); only by edges follow accepts, when
 * follow is not NULL. dist and via hold w->n_st each. -1 when out of
 * memory. */
int walk_analysis_ways_in(const walker *w, bool (*follow)(const walker *w, const wedge *e),
                          uint32_t *dist, uint32_t *via);

/* Shortest paths over the states found so far (breadth first over their
 * edges): w->dist, and parent_edge and depth set to match, so that replays
 * and the paths reported take the shortest way. -1 when out of memory. */
int walk_analysis_shortest_paths(walker *w);

/* Once the search of a variant is over (and shortest paths known): paths
 * past the bound on decisions, counts of paths, loops with no way out, what
 * the graph says about the teaching (walk_teaching.c), each finding's
 * shortest path, each node's, the bound on states. -1 when out of
 * memory (w->fatal). */
int walk_analysis_variant(walker *w);

/* After the last variant: nodes no path reaches (or, past a bound, not
 * explored), endings one variant misses, an AI that is always right or
 * always wrong, variants whose advice is the same (walk_teaching.c). */
int walk_analysis_cross_variant(result_impl *r, walker *w);

#endif
