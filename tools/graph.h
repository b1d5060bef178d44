/* graph: the work of `appraise graph`, once engine/cli/ has parsed it: the
 * case's branching map as Graphviz DOT on stdout, written only when whole. */
#ifndef GRAPH_H
#define GRAPH_H

/* Draws case_path, one variant or all (variant NULL). Returns the exit code
 * of cli.md: 0 the map was written (a warning names errors check would
 * find); 1 the case does not load; 2 an unknown variant; 3 the environment
 * failed. */
int graph_case(const char *case_path, const char *variant);

#endif
