/* graph: the work of `appraise graph`, once engine/cli/ has parsed it: the
 * case's branching map as Graphviz DOT on stdout, written only when whole,
 * or (--html) as a page with the map drawn by Graphviz's dot. */
#ifndef GRAPH_H
#define GRAPH_H

typedef struct graph_opts {
    const char *variant; /* draw this variant; NULL: all */
    const char *html;    /* write the page to this file instead of DOT on stdout; NULL: DOT */
} graph_opts;

/* Draws case_path. Returns the exit code of cli.md: 0 the map was written
 * (a warning names errors check would find); 1 the case does not load; 2
 * an unknown variant; 3 the environment failed (with --html: no dot on
 * PATH, or dot failed). */
int graph_case(const char *case_path, const graph_opts *o);

#endif
