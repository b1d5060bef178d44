/* debrief_html_table: the debrief report's tables. The table of every
 * decision (debrief --html) is written in a second streaming pass over the
 * logs straight to the page, so memory holds one session at a time. Every
 * table of the page, the charts' included, opens and closes through here. */
#ifndef DEBRIEF_HTML_TABLE_H
#define DEBRIEF_HTML_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "apperr.h"
#include "debrief_report.h"

/* Opens a table in a scroll region of its own: on a narrow screen or at a
 * large zoom a wide table scrolls sideways in its box, not the whole page
 * (WCAG 1.4.10), and the box takes keyboard focus so that it scrolls
 * without a mouse (WCAG 2.1.1). label names the region for screen readers
 * and must be unique on the page; it is escaped here. */
void debrief_html_table_open(FILE *f, const char *label);

/* Closes the table and the region debrief_html_table_open opened. */
void debrief_html_table_close(FILE *f);

/* Writes to f the <section> with a row for each of the first max_rows
 * decisions the figures count in the logs of in (practice runs only with
 * in->include_runs), and says how many of total (the decisions the metrics
 * counted) were left out. 0, or -1 with e when the read failed. */
int debrief_html_decisions(FILE *f, const debrief_report_in *in, long total, long max_rows,
                           apperr *e);

#endif
