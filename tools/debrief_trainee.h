/* debrief_trainee: one trainee's own debrief across all their sessions,
 * `appraise debrief LOGS --trainee ID [--html FILE]`, for a supervisor's
 * meeting or a portfolio. On the terminal: their main figures beside the
 * group's. With --html: a self-contained page with their decisions and the
 * feedback they got, their reliance figures against the group's and their
 * learning curve. The group is anonymised: no other trainee's id, session
 * or file appears in either, only figures summed or summarised over
 * trainees. */
#ifndef DEBRIEF_TRAINEE_H
#define DEBRIEF_TRAINEE_H

#include "debrief.h"

/* Reads o->paths and reports on o->trainee. Returns the exit code of
 * cli.md: 0; 1 when no counted session of that trainee was read (the
 * message says which trainees there are, or that theirs are practice runs
 * left out); 3 when the report cannot be written. */
int debrief_trainee(const debrief_opts *o);

#endif
