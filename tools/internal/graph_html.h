/* graph_html: `appraise graph --html FILE`, the map as one self-contained
 * page (cli.md): the SVG dot drew, inline, beside a panel that shows a
 * node's text, options and advice when it is clicked or, focused, Enter or
 * Space is pressed. No request leaves the page: CSS and script are inline.
 * Everything from the case is escaped. */
#ifndef GRAPH_HTML_H
#define GRAPH_HTML_H

#include "apperr.h"
#include "graph_map.h"

/* The id the map's DOT gives node i, so that the page finds it in the SVG:
 * "appraise-node-<i>". */
#define GRAPH_HTML_NODE_ID "appraise-node-"

/* Writes the page of map m (variant: the one drawn, NULL for all) with its
 * SVG to path. 0, or -1 with e filled (APPERR_ENV: the file cannot be
 * written, out of memory). */
int graph_html_write(const graph_map *m, const char *variant, const char *svg, const char *path,
                     apperr *e);

#endif
