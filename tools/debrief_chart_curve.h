/* debrief_chart_curve: the learning curve as an inline SVG line chart (the
 * trainee report; the same rules as debrief_chart.h: a <figure> holding an
 * <svg role="img"> with a <title> and a <desc> that says every number
 * drawn, axis labels, a caption, Okabe-Ito colours never alone). One rate
 * (over- or under-reliance) by case number, for one person ("you": solid
 * line, circles) and the group (dashed line, squares); a case number with
 * nothing to count is a gap in the line. data-chart="curve". */
#ifndef DEBRIEF_CHART_CURVE_H
#define DEBRIEF_CHART_CURVE_H

#include <stdbool.h>
#include <stddef.h>

#include "debrief_chart.h"
#include "metrics_curve.h"

/* over: over-reliance (point.over), else under-reliance (point.under).
 * mine and group are the curves' points, k = 1..n in order; either may be
 * empty. */
void debrief_chart_curve(debrief_chart *c, bool over, const metrics_curve_point *mine,
                         size_t n_mine, const metrics_curve_point *group, size_t n_group);

#endif
