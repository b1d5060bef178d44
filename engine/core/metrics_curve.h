/* metrics_curve: the learning curve of decision-log.md "Debrief metrics":
 * over- and under-reliance (metrics_reliance, the same decisions as
 * over_reliance and under_reliance) by each trainee's 1st, 2nd, 3rd… case
 * in time order (session_start `at`; a session without a readable `at`
 * after those with one; ties by the first 8 bytes of the session id, then
 * by the order added). Did calibration improve over the session?
 *
 * Streaming: each added session leaves a few counts (its trainee, its start
 * and its reliance counts), 40 bytes a session, and each trainee id once;
 * finish orders each trainee's sessions, sums them by position and lets
 * the per-session counts go. */
#ifndef METRICS_CURVE_H
#define METRICS_CURVE_H

#include <stddef.h>

#include "log_reader.h"
#include "metrics.h"

typedef struct metrics_curve_point {
    int k;                     /* 1: each trainee's first case in time order */
    metric_value over;         /* over_reliance of the k-th cases (num/den) */
    metric_value under;        /* under_reliance of the k-th cases */
    long trainees;             /* trainees who played a k-th case */
} metrics_curve_point;

typedef struct metrics_curve metrics_curve;

/* NULL when out of memory. */
metrics_curve *metrics_curve_new(void);
void metrics_curve_free(metrics_curve *c);

/* Adds one session (a session without a trainee is its own trainee).
 * -1 when out of memory (the curve stays usable). */
int metrics_curve_add(metrics_curve *c, const log_session *s);

/* Orders and sums; nothing can be added afterwards. -1 when out of memory. */
int metrics_curve_finish(metrics_curve *c);

/* After finish: the points k = 1..n, in order. */
size_t metrics_curve_points(const metrics_curve *c, const metrics_curve_point **out);

#endif
