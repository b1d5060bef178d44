/* recap: the trainee's own debrief after a case, read back from the session
 * log the session wrote (so it shows exactly what was logged): each decision
 * with the first choice, the advice, the final choice and the best answer,
 * the confidence, trust and rationale given and the teaching point; the
 * teaching points of the other nodes visited; the outcome with its ending
 * text; the time taken; and the session's reliance in plain words, from
 * the metrics `appraise debrief` computes. Texts the log holds (labels,
 * prompts, teaching points, the ending's words) come from the log; a log
 * written before it held them falls back to the case. No SDL. */
#ifndef RECAP_H
#define RECAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apperr.h"
#include "case_model.h"
#include "metrics.h"

typedef enum recap_mark { MARK_NONE, MARK_RIGHT, MARK_WRONG } recap_mark;

typedef struct recap_item {
    char *node;
    char *prompt;  /* the decision's prompt, or the node id */
    char *initial; /* option labels; NULL when there was none */
    recap_mark initial_mark;
    char *advice; /* "label (87% confident)", NULL when the advice was not shown */
    recap_mark advice_mark;
    char *final; /* NULL on a timeout */
    recap_mark final_mark;
    char *best; /* labels as "A", "A or B", "A, B or C" (feedback_list_sep) */
    bool timed_out;
    bool had_advice;                          /* the decision had advice, shown or not */
    bool by_person;                           /* the advice was a person's, not the AI's */
    int initial_confidence, final_confidence; /* 1-7; 0 when not rated */
    int trust;                                /* 1-7; 0 when not rated */
    char *rationale;                          /* as typed; NULL when none */
    int64_t ms;    /* from entering the node to the final choice, -1 unknown */
    char *debrief; /* the node's teaching point, NULL when none */
} recap_item;

typedef struct recap {
    recap_item *items;
    size_t n, cap;
    char **points; /* teaching points of narrative and ending nodes visited */
    size_t n_points, cap_points;
    /* The reliance in plain words ("You followed wrong advice 1 time out
     * of 2."), one sentence a line; a figure with no decisions behind it
     * has no line. Empty without metrics. */
    char **reliance;
    size_t n_reliance, cap_reliance;
    /* From the metrics: decisions with advice shown, those that followed it
     * (agreement), those where the AI was wrong (over-reliance's
     * denominator) and those of them that followed it. */
    int followed, with_advice, ai_wrong_followed, ai_wrong;
    bool has_metrics; /* the debrief metrics of this one session (metrics.h) */
    bool by_person;   /* every advice shown was a person's: speak of "the advice" */
    metrics m;
    /* The ending reached (has_ending), with its words, from the log. */
    bool has_ending;
    case_outcome outcome;
    char *ending_title, *ending_text, *ending_summary; /* NULL when none */
    bool quit;                                         /* the trainee left the case */
    int64_t total_ms; /* session time of the last record, -1 unknown */
    bool has_clock;   /* the case clock at the end, in simulated minutes */
    double clock;
    /* What the library says about how often its AI errs (library_note.h):
     * the note, or the mistake in its library.txt; NULL when neither. */
    char *ai_note, *ai_note_error;
} recap;

/* Reads the records of the log at path, once, through the log reader, and
 * the library.txt beside c's file; labels and teaching points the log lacks
 * come from c. -1 with e filled when the file cannot be read (APPERR_ENV) or
 * holds no session; torn or foreign lines are skipped. */
int recap_read(recap *r, const case_def *c, const char *path, apperr *e);
void recap_free(recap *r);

/* "4 min 12 s", "35 s", "1 h 2 min" for a time in ms. */
const char *recap_format_duration(int64_t ms, char *buf, size_t size);

#endif
