/* graph_walk: the map's side of the walk (tools/walk.h). */
#ifndef GRAPH_WALK_H
#define GRAPH_WALK_H

#include "apperr.h"
#include "graph_map.h"

/* Walks m->c (one variant, or all when variant is NULL) and merges into m the
 * edges the walk saw, the nodes it reached, and each node with values
 * decided in play as entered by the shortest walked path to it. -1 with e
 * filled only when the walk cannot run (unknown variant, out of memory). */
int graph_walk_merge(graph_map *m, const char *variant, apperr *e);

#endif
