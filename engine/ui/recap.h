/* recap: the trainee's own debrief after a case, read back from the session
 * log the session wrote (so it shows exactly what was logged): each decision
 * with the first choice, the advice, the final choice and the best answer,
 * and the teaching points of the nodes visited, and the session's reliance
 * metrics as `appraise debrief` computes them. No SDL. */
#ifndef RECAP_H
#define RECAP_H

#include <stdbool.h>
#include <stddef.h>

#include "apperr.h"
#include "case_model.h"
#include "metrics.h"

typedef enum recap_mark { MARK_NONE, MARK_RIGHT, MARK_WRONG } recap_mark;

typedef struct recap_item {
    char *node;
    char *prompt;  /* the decision's prompt, or the node id */
    char *initial; /* option labels; NULL when there was none */
    recap_mark initial_mark;
    char *advice; /* "label (87%)", NULL when the advice was not shown */
    recap_mark advice_mark;
    char *final; /* NULL on a timeout */
    recap_mark final_mark;
    char *best; /* labels joined with " or " */
    bool timed_out;
    bool by_person; /* the advice was labelled as a person's, not the AI's */
    int trust;      /* 0 when not rated */
    char *debrief; /* the node's teaching point, NULL when none */
} recap_item;

typedef struct recap {
    recap_item *items;
    size_t n, cap;
    char **points; /* teaching points of narrative and ending nodes visited */
    size_t n_points, cap_points;
    /* From the metrics: decisions with advice shown, those that followed it
     * (agreement), those where the AI was wrong (over-reliance's
     * denominator) and those of them that followed it. */
    int followed, with_advice, ai_wrong_followed, ai_wrong;
    bool has_metrics; /* the debrief metrics of this one session (metrics.h) */
    bool by_person;   /* every advice shown was a person's: speak of "the advice" */
    metrics m;
} recap;

/* Reads the decision and node records of the log at path, once, through
 * the log reader; labels and teaching points come from c. -1 with e filled
 * when the file cannot be read (APPERR_ENV) or holds no session; torn or
 * foreign lines are skipped. */
int recap_read(recap *r, const case_def *c, const char *path, apperr *e);
void recap_free(recap *r);

#endif
