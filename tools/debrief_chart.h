/* debrief_chart: the inline SVG charts of the HTML debrief report. Each
 * chart is a <figure> holding an <svg role="img"> with a <title> and a
 * <desc> (its text alternative, with every number drawn), axis labels, and
 * a caption or table that says the same in words. Colours are Okabe-Ito and
 * never carry meaning alone (shapes, hatching and labels do too).
 * data-chart="NAME" on each <svg> lets tests find them. */
#ifndef DEBRIEF_CHART_H
#define DEBRIEF_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "debrief_nodes.h"
#include "metrics.h"

typedef struct debrief_chart {
    FILE *f;
    int next_id; /* for the unique ids of titles, descs and patterns */
} debrief_chart;

/* Reliance matrix: AI right / wrong x followed / overrode, counts and row
 * percentages; who names the group ("the cohort", a trainee id). small: a
 * small multiple (shorter caption). data-chart="reliance". */
void debrief_chart_reliance(debrief_chart *c, const char *who, const metrics *m, bool small);

/* Trust (1-7) of decisions with advice, one row of dots for AI right and
 * one for AI wrong (dot area = count), the means marked; followed by a table
 * of the counts and the AUROC. data-chart="trust". */
void debrief_chart_trust(debrief_chart *c, const metrics *m);

/* Unaided (initial) and final accuracy, grouped by AI right / wrong; with
 * its table. data-chart="accuracy". */
void debrief_chart_accuracy(debrief_chart *c, const metrics *m);

/* Box plots of the time to the final choice (ms, each array sorted) for AI
 * right, AI wrong and no advice; with its table. data-chart="times". */
void debrief_chart_times(debrief_chart *c, const int64_t *const ms[3], const size_t n[3]);

/* One decision's flow of choices (debrief_nodes.h): its options before the
 * advice on the left and after it on the right, bars as high as the count
 * and bands between them as wide as each flow (grey: kept the choice; blue:
 * switched to the AI's option; vermilion with a dashed edge: switched away
 * from it; orange, dotted: another switch). Each option is labelled with ✓
 * or ✗, "(AI)" for the advised one, and its count. A node without initial
 * choices (advice with the case, or none) draws its final choices as bars
 * instead. data-chart="flow". */
void debrief_chart_flow(debrief_chart *c, const debrief_node *n);

/* The q-quantile (0..1) of a sorted array, interpolating between
 * neighbours (R's type 7); n must be > 0. */
double debrief_chart_quantile(const int64_t *v, size_t n, double q);

/* A round axis step (1, 2 or 5 times a power of ten) giving at most
 * max_ticks steps from 0 to top (top > 0). */
double debrief_chart_step(double top, int max_ticks);

#endif
