/* debrief_text: the terminal figures of `appraise debrief`. A group is
 * either a block of every metric of decision-log.md, one a line with its
 * numerator and denominator or n (the summary without --by, and every
 * group with --long), or one row of a table holding the main figures, each
 * rate with its count ("3/5"): one row per trainee with --by trainee, so
 * that a room of 30 trainees fits one screen. */
#ifndef DEBRIEF_TEXT_H
#define DEBRIEF_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "metrics.h"

/* The block of every figure of m under the line heading. */
void debrief_text_block(FILE *f, const char *heading, const metrics *m);

/* Every group of a finished set: the blocks when long_form or when the set
 * has no keys (the one group "All sessions"), else the table. */
void debrief_text_groups(FILE *f, const metrics_set *set, bool long_form);

/* The table's rows, asked for by number (twice each: once to size the
 * columns, once to print): the key values of row i (n_keys of them; NULL
 * prints "(none)") and its figures. */
typedef void (*debrief_text_row_fn)(void *ctx, size_t i, const char **keys, metrics *m);

/* A table of n_rows rows under a header naming the n_keys key columns
 * (at most METRICS_KEYS), then the main figures, then a line saying what
 * a mark means when one was printed. */
void debrief_text_table(FILE *f, const char *const *key_names, size_t n_keys, size_t n_rows,
                        debrief_text_row_fn row, void *ctx);

/* A rate as the table prints it into buf ("3/5*" under METRICS_SMALL_N
 * decisions, setting *marked; "12/20 60%" from it on; "n/a" with nothing
 * to count). Returns buf. */
const char *debrief_text_rate(const metric_value *v, char *buf, size_t size, bool *marked);

/* Mean trust (1-7) over the decisions with advice and a trust rating
 * (m->trust_hist); false when there are none. */
bool debrief_text_mean_trust(const metrics *m, double *mean, long *n);

#endif
