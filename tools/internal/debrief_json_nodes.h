/* debrief_json_nodes: the per-decision view (debrief_nodes.h) in
 * `appraise debrief --json`: the top-level "decisions" array, one object per
 * block in the HTML report's order, and "caught_out" (decision-log.md,
 * "--json"). Per-group figures only: no rationales, no trainee ids. */
#ifndef DEBRIEF_JSON_NODES_H
#define DEBRIEF_JSON_NODES_H

#include <stdbool.h>

#include <cJSON.h>

#include "debrief_nodes.h"

/* Adds "decisions" and "caught_out" to obj (n finished). false when out of
 * memory (obj may then hold one of them). */
bool debrief_json_add_nodes(cJSON *obj, const debrief_nodes *n);

#endif
