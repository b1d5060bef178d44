/* debrief_json: the metrics as decision-log.md gives them for --json:
 * {"v": 1, "runs_left_out": 0, "groups": [{"by": {...}, "metrics": {...},
 * "reliance_table": [...], ...}, ...], "learning_curve": [...]}, written one
 * group at a time (with --by session there may be 100,000 groups).
 *
 * Numbers: counts (and num, den, n) are whole numbers ("6"); every other
 * value (proportions, means, medians, discrimination, AUROC) is the
 * shortest text that reads back as exactly the double computed, and always
 * has a fraction or exponent ("5.0", "1.0", "0.6666666666666666"), so a
 * reader types a figure the same whatever its value. n/a is null. */
#ifndef DEBRIEF_JSON_H
#define DEBRIEF_JSON_H

#include <stdio.h>

#include <cJSON.h>

#include "metrics.h"

/* The "metrics" object of one group; NULL when out of memory. */
cJSON *debrief_json_metrics(const metrics *m);

/* Adds a group's "reliance_table", "accuracy_split" and
 * "explanation_catch" (decision-log.md "Research measures") to group;
 * false when out of memory (group then holds some of them). */
bool debrief_json_add_research(cJSON *group, const metrics *m);

/* The "by" object of group g; NULL when out of memory. */
cJSON *debrief_json_by(const metrics_set *set, size_t g);

/* The learning curve as decision-log.md gives it: [{"k": 1,
 * "over_reliance": {proportion}, "under_reliance": {…}, "trainees": 2}, …];
 * NULL when out of memory or c is NULL. */
cJSON *debrief_json_curve(const metrics_curve *c);

/* The whole document, one group a line, then the learning curve. -1 when out of memory or a
 * write fails. */
int debrief_json_write(FILE *f, const metrics_set *set);
/* The same with "runs_left_out" (the practice sessions the figures leave
 * out; debrief_json_write gives 0) and each member of extra (an object;
 * NULL: none) after "groups" at the top level, e.g. "compare"
 * (debrief_compare.h). */
int debrief_json_write_with(FILE *f, const metrics_set *set, long runs_left_out,
                            const cJSON *extra);

/* A figure's value as JSON text (see above): "null" when n/a. buf needs 40
 * bytes. */
const char *debrief_json_value_text(metric_kind kind, const metric_value *v, char *buf,
                                    size_t size);

#endif
