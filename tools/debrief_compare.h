/* debrief_compare: `appraise debrief GROUP_A/ --compare GROUP_B/`, this
 * group's figures beside another group's (the last teaching day's, another
 * site's). The other group is read with the same rules as this one
 * (practice runs left out unless --include-runs, problems reported on
 * stderr and skipped) into one group, "by": {}, whatever --by says. */
#ifndef DEBRIEF_COMPARE_H
#define DEBRIEF_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <cJSON.h>

#include "apperr.h"
#include "metrics.h"

typedef struct debrief_compare {
    metrics_set *set;   /* finished, one group */
    char *label;        /* the paths joined with ", " (mem_free) */
    long runs_left_out; /* practice sessions of the other group not counted */
    long sessions;      /* sessions read (counted or not) */
} debrief_compare;

/* Reads the other group. 0, or -1 with e filled (APPERR_ENV when out of
 * memory; a path that cannot be read is reported, not an error). Free with
 * debrief_compare_free, also after a failure. */
int debrief_compare_read(debrief_compare *c, const char *const *paths, size_t n, bool include_runs,
                         apperr *e);
void debrief_compare_free(debrief_compare *c);

/* The terminal's two columns: the main figures of this group (mine) beside
 * the other group's, each rate with its count. */
void debrief_compare_print(FILE *f, const metrics *mine, const debrief_compare *c);

/* The JSON "compare" object: {"paths": [...], "runs_left_out": N,
 * "metrics": {...}} with the other group's metrics as a group's are
 * written. NULL when out of memory. */
cJSON *debrief_compare_json(const debrief_compare *c, const char *const *paths, size_t n);

#endif
