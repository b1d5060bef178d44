/* walk_search: one variant's search over decision states (private to
 * tools/): the graph of states and edges that walk_analysis reads. See
 * walk.c. */
#ifndef WALK_SEARCH_H
#define WALK_SEARCH_H

#include "walk_internal.h"

/* Walks the variant w->v (w's case, result, bounds and future_plain set,
 * the rest zero): searches, finds shortest paths, searches again from
 * states a shorter path brings within the depth bound, then analyses the
 * graph. 0, or -1 when the walk must give up (w->fatal_e says why). */
int walk_search_variant(walker *w);

/* Frees what the search of a variant holds (not the result). */
void walk_search_free(walker *w);

#endif
