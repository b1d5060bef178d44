/* graph_svg: the map drawn as SVG by Graphviz's `dot` (for `appraise graph
 * --html`). dot is a program of its own, found on PATH and run with the
 * map's DOT on its standard input; nothing of it is linked in. */
#ifndef GRAPH_SVG_H
#define GRAPH_SVG_H

#include "apperr.h"

/* The path of an executable `dot` in a folder of PATH (free it with
 * mem_free), or NULL when there is none (or out of memory). */
char *graph_svg_find_dot(void);

/* Runs the dot at dot_path on the DOT text and returns its SVG from "<svg"
 * on (the XML prologue dropped, so it can be placed in a page), to free
 * with mem_free; NULL with e filled (APPERR_ENV) when dot cannot be run or
 * fails (dot's own message goes to stderr) or memory runs out. */
char *graph_svg_render(const char *dot_path, const char *dot, apperr *e);

#endif
