/* debrief_research: the research measures of decision-log.md "Research
 * measures" and the learning curve, as the terminal summary of `appraise
 * debrief` gives them: a few plain lines, every rate as its count. */
#ifndef DEBRIEF_RESEARCH_H
#define DEBRIEF_RESEARCH_H

#include <stdio.h>

#include "metrics.h"

/* Three lines after a group's figures: the 2x2x2 table ("reliance table
 * (initial, AI, final; R right, W wrong): WWW 0 … RRR 0"), the accuracy
 * split and explanation_catch. */
void debrief_print_research(FILE *f, const metrics *m);

/* One line under the cohort's summary: the learning curve's over-reliance
 * by each trainee's 1st, 2nd… case (the first ten points); nothing when no
 * session was counted. */
void debrief_print_curve(FILE *f, const metrics_set *set);

#endif
