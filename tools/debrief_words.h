/* debrief_words: every debrief metric in plain language, for faculty who
 * are clinicians, not statisticians. For each figure: a short name, what
 * it means, what "good" looks like, its exact definition and, where one
 * exists, the published source of the measure. Shared by the HTML report
 * (its summary and its definitions appendix) and the terminal summary, so
 * that both say the same thing in the same words. */
#ifndef DEBRIEF_WORDS_H
#define DEBRIEF_WORDS_H

#include <stddef.h>

#include "metrics.h"

typedef struct debrief_word {
    const char *name;       /* "Over-reliance" */
    const char *means;      /* "following advice that was wrong" */
    const char *good;       /* "Lower is better", or "A count: no better or worse"; never NULL */
    const char *did;        /* a proportion's numerator as a deed: "followed wrong advice"; NULL */
    const char *definition; /* the exact definition (decision-log.md "Debrief metrics") */
    const char *source;     /* the published source, or NULL */
} debrief_word;

/* The words of a metric; never NULL for id < METRIC_COUNT. */
const debrief_word *debrief_words(metric_id id);

/* The three figures the report's summary leads with, in order: the two
 * errors of reliance (over- and under-reliance) and what they add up to
 * for the patient (final accuracy). */
#define DEBRIEF_WORDS_HEADLINES 3
extern const metric_id debrief_words_headlines[DEBRIEF_WORDS_HEADLINES];

/* The figure in one plain sentence: "Over-reliance: following advice that
 * was wrong. Lower is better; the cohort followed wrong advice 21 times out
 * of 54." who names the group ("the cohort"). A figure that is n/a says
 * so ("…; there was no decision to judge it on."). Returns buf (truncated
 * to size, always terminated). */
const char *debrief_words_sentence(metric_id id, const metrics *m, const char *who, char *buf,
                                   size_t size);

/* Only the count part: "the cohort followed wrong advice 21 times out of
 * 54" (or, for a figure that is not a proportion, "the cohort's figure is
 * 0.72 (n = 40)"); "" when n/a. Returns buf. */
const char *debrief_words_count(metric_id id, const metrics *m, const char *who, char *buf,
                                size_t size);

#endif
