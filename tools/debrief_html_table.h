/* debrief_html_table: the debrief report's table of every decision
 * (debrief --html), written in a second streaming pass over the logs
 * straight to the page, so memory holds one session at a time. */
#ifndef DEBRIEF_HTML_TABLE_H
#define DEBRIEF_HTML_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "apperr.h"

/* Writes to f the <section> with a row for each of the first max_rows
 * decisions the logs at paths hold, and says how many of total (the
 * decisions the metrics counted) were left out. 0, or -1 with e when the
 * read failed. */
int debrief_html_decisions(FILE *f, const char *const *paths, size_t n_paths, long total,
                           long max_rows, apperr *e);

#endif
