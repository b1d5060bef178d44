/* debrief_trainee_page: what the trainee report's passes share
 * (tools/debrief_trainee.c reads and prints; tools/debrief_trainee_html.c
 * writes the page). */
#ifndef DEBRIEF_TRAINEE_PAGE_H
#define DEBRIEF_TRAINEE_PAGE_H

#include <stdbool.h>

#include "apperr.h"
#include "debrief.h"
#include "metrics.h"
#include "metrics_curve.h"

typedef struct debrief_trainee_figures {
    const debrief_opts *a;
    metrics mine, group;            /* the trainee's counted sessions; every counted session */
    const metrics_set *each;        /* by trainee: for the spread over trainees, never named */
    long trainees;                  /* in the group, this one included */
    long runs_left_out;             /* practice sessions left out, every trainee's */
    const char *first_at, *last_at; /* the trainee's first and last session start */
    /* The learning curves, k = 1..n: the trainee's and the group's. */
    const metrics_curve_point *my_curve, *group_curve;
    size_t n_my_curve, n_group_curve;
} debrief_trainee_figures;

/* Writes the page to t->a->html, reading the logs again for the trainee's
 * decisions. 0, or -1 with e filled. */
int debrief_trainee_page(const debrief_trainee_figures *t, apperr *e);

/* The spread of one figure over the n trainees of the group who have a
 * value: the lowest, the median and the highest. 1, or 0 when no trainee
 * has one, or -1 when out of memory. */
int debrief_trainee_spread(const metrics_set *each, metric_id id, double *lo, double *median,
                           double *hi, long *n);

#endif
