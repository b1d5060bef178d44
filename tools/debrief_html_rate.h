/* debrief_html_rate: every rate of the debrief report's HTML is written
 * here, so that each says its count and its 95% Wilson score interval the
 * same way, and one on fewer than METRICS_SMALL_N decisions is a count
 * ("1 of 1", not "100%"), marked as a small sample. */
#ifndef DEBRIEF_HTML_RATE_H
#define DEBRIEF_HTML_RATE_H

#include <stdio.h>

/* The figure: "n/a" when den is 0; "2 of 4" with its mark "(fewer than 5:
 * a small sample)" under METRICS_SMALL_N; else "60.0%". */
void debrief_html_rate_figure(FILE *f, long num, long den);

/* Its basis: "3&#8239;/&#8239;5, 95% CI 23.1–88.2%", or "0&#8239;/&#8239;0"
 * without an interval when den is 0. */
void debrief_html_rate_basis(FILE *f, long num, long den);

/* A rate in a table cell: the figure, and under it in a smaller muted line
 * (class "ci") its basis, so that a table of several rates stays narrow:
 * "60.0%" over "3/5, 95% CI 23.1–88.2%"; "2 of 4" over "a small sample;
 * 95% CI 15.0–85.0%"; "n/a" over "0/0". */
void debrief_html_rate_cell(FILE *f, long num, long den);

/* A rate inside a sentence, compactly: "2 of 9 (95% CI 6–55%)" for any
 * den > 0, marked "a small sample" under METRICS_SMALL_N; "0 of 0". */
void debrief_html_rate_inline(FILE *f, long num, long den);

#endif
