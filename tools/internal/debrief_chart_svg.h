/* debrief_chart_svg: the drawing parts the report's charts share
 * (tools/debrief_chart.c), for the charts drawn in other files
 * (tools/debrief_chart_node.c): the palette, the figure's frame, hatching
 * and text. */
#ifndef DEBRIEF_CHART_SVG_H
#define DEBRIEF_CHART_SVG_H

#include "debrief_chart.h"

/* Okabe-Ito. */
#define C_BLUE "#0072B2"
#define C_VERMILLION "#D55E00"
#define C_SKY "#56B4E9"
#define C_ORANGE "#E69F00"
#define C_GREY "#777777"
#define C_INK "#111111"
#define C_RULE "#999999"

/* Opens a <figure> and its <svg role="img" data-chart="kind"> (class cls
 * on the figure, when not NULL) up to its open <desc>, titled "title" or
 * "title: title_who": the caller writes the text alternative, then calls
 * debrief_svg_desc_end. Returns the chart's id number (for ch<id>-…
 * ids). */
int debrief_svg_open(debrief_chart *c, const char *kind, const char *cls, int w, int h,
                     const char *title, const char *title_who);
void debrief_svg_desc_end(debrief_chart *c);
/* Diagonal hatching, the pattern ch<id>-<name>. */
void debrief_svg_hatch(debrief_chart *c, int id, const char *name, const char *ground,
                       const char *line);
/* Escaped text at (x, y); anchor "start", "middle" or "end"; extra: more
 * attributes, or NULL. */
void debrief_svg_text(debrief_chart *c, double x, double y, const char *anchor, const char *extra,
                      const char *s);

#endif
