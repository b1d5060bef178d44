/* case_runtime: playing a case file, the play half of its driver
 * (lua_driver.c; the checker's half is case_state.c). What each function
 * does is case_driver.h's; here is how it is done for Lua.
 *
 * Every call into Lua goes through the one protected path of script/host.c
 * (traceback, memory cap, instruction budget), with the run's own random
 * generator state loaded into math.random's for the call (run_call).
 * A case function that fails, runs too long, uses too much memory or returns
 * a wrong value fills e (kind APPERR_INPUT, FILE:LINE of the function first
 * where known) and returns -1. */
#ifndef CASE_RUNTIME_H
#define CASE_RUNTIME_H

#include "apperr.h"
#include "case_driver.h"

int case_runtime_begin(const case_def *c, unsigned long long seed, const char *variant,
                       case_run **out, apperr *e);
int case_runtime_enter(case_run *r, const char *node_id, case_node *node, case_live *live,
                       apperr *e);
int case_runtime_next(case_run *r, const case_node *node, const char *choice, char **next_id,
                      apperr *e);
int case_runtime_timeout_target(case_run *r, const case_node *node, char **next_id, apperr *e);
void case_runtime_end(case_run *r);

#endif
