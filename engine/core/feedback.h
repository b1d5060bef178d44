/* feedback: the engine's own part of the feedback after a decision, in
 * plain words for the trainee, built from the decision record alone (the
 * log's, decision-log.md), so that the window, a text mode and a replay all
 * say the same: what was chosen, the best answers, what the advice was and
 * whether it was right, and whether the trainee changed their mind after
 * it. The case's own teaching text follows it on the screen. Options are
 * named by the record's `labels` where it has them, else by their ids. Pure:
 * no Lua, no SDL, no files. */
#ifndef FEEDBACK_H
#define FEEDBACK_H

#include <stdbool.h>
#include <stddef.h>

#include "log_schema.h"

/* How the decision went, for the mark beside the feedback. */
typedef enum feedback_verdict {
    FEEDBACK_UNJUDGED, /* no best answer to judge by */
    FEEDBACK_RIGHT,    /* the final choice is among the best */
    FEEDBACK_WRONG,    /* it is not */
    FEEDBACK_TIMED_OUT /* no choice was confirmed in time */
} feedback_verdict;

feedback_verdict feedback_verdict_of(const log_decision *d);

/* The headline of the verdict: "Time ran out: you had not confirmed a
 * choice", "Your choice was among the best answers", "Your choice was not
 * the best answer"; NULL when unjudged. Static text. */
const char *feedback_headline(feedback_verdict v);

/* The whole personal part, e.g. "You chose A. The best answers were B or C.
 * The AI advised the same, which was wrong. You kept your first choice.",
 * with the choice, the advice and the change of mind each on a line of its
 * own (separated by "\n", no newline at the end). It
 * starts with "Time ran out: you had not confirmed a choice." after a time
 * out. by_person: the advice was a person's (its source is not "AI"): it is
 * then "the advice", never "the AI". NULL when out of memory; free with
 * mem_free. */
char *feedback_text(const log_decision *d, bool by_person);

/* The same without the time-out sentence, for a screen that shows the
 * headline above it. */
char *feedback_body(const log_decision *d, bool by_person);

/* The label the record gives option id (its `labels`, parallel to its
 * options), or NULL when it gives none or an empty one. A screen that knows
 * the case may fall back to the case's label, then to the id. */
const char *feedback_record_label(const log_decision *d, const char *id);

/* The separator to put before item i of n in a list of best answers, so
 * that every screen lists them alike: "A", "A or B", "A, B or C". "" for
 * the first item, " or " before the last, ", " otherwise. Static text. */
const char *feedback_list_sep(size_t i, size_t n);

#endif
