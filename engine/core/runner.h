/* runner: plays a session without a window, from an inputs file or a policy,
 * on virtual time: t advances 1000 ms before each action (N x 1000 ms for
 * `wait N`), so the same inputs give the same log (decision-log.md "Rules"). */
#ifndef RUNNER_H
#define RUNNER_H

#include <stddef.h>
#include <stdint.h>

#include "apperr.h"
#include "inputs.h"
#include "policy.h"
#include "session.h"

/* The time an action takes on run's virtual clock: N s for wait N, 1 s for
 * any other. */
int64_t runner_action_ms(const session_action *a);

/* Plays one action at t, the rule of every source of actions (inputs,
 * policies, a replay): time moves to t first (never back), so a time
 * limit due by then fires before the action, as it would at the window;
 * then the action, unless it is a wait, which is only the time passing. */
session_result runner_act_at(session *s, const session_action *a, int64_t t, apperr *e);

/* Feeds the inputs to s from virtual time *t. Returns 0 when the case ended
 * (complete) with no input left over. Otherwise -1 with e filled:
 *  - an action that does not fit: "INPUTS:LINE: message", session ended "error";
 *  - inputs that end first: the session is ended "quit" and e names the node
 *    where the case was waiting;
 *  - inputs left over after the end: "INPUTS:LINE: ..." (the log is complete);
 *  - the case failing in play or the log failing: e from the session. */
int runner_run_inputs(session *s, const inputs *in, int64_t *t, apperr *e);

/* The same, reading the inputs as it plays: one line is read for each
 * action, and reading stops at the case's ending (after one more action,
 * which is left over), so inputs that never end cost no memory. A line
 * that is not an action ends the session "error" naming it, as an action
 * that does not fit does. */
int runner_run_reader(session *s, inputs_reader *in, int64_t *t, apperr *e);

/* Plays s with policy p until it ends, at most max_actions actions (then the
 * session is ended "error" as a path that never ends). 0 when complete. */
int runner_run_policy(session *s, policy *p, int64_t *t, size_t max_actions, apperr *e);

#endif
