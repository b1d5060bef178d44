/* case_runtime: what a session asks of the case while it plays. Every call
 * into Lua goes through the one protected path of script/host.c (traceback,
 * memory cap, instruction budget). A case function that fails, runs too long,
 * uses too much memory or returns a wrong value fills e (kind APPERR_INPUT,
 * FILE:LINE of the function first where known) and returns -1.
 *
 * A case_def serves one session at a time: case_runtime_begin starts afresh. */
#ifndef CASE_RUNTIME_H
#define CASE_RUNTIME_H

#include "apperr.h"
#include "case_model.h"

/* What the patient looks like now: the state after entering a node. */
typedef struct case_live {
    double clock; /* simulated minutes since the start */
    vitals vitals;
    case_result *results; /* revealed so far, in order */
    size_t n_results;
} case_live;

void case_live_free(case_live *l);

/* Starts a session: a fresh `s` (vitals and results from the case, empty
 * vars and choices, clock 0, s.variant = variant or nil) and math.random
 * seeded with seed. */
int case_runtime_begin(case_def *c, unsigned long long seed, const char *variant, apperr *e);

/* Enters node_id: clock += elapsed, vitals merged, results revealed, set
 * merged into s.vars, on_enter run, then every function value called once
 * (text, then the decision's or ending's fields) and checked. Fills *node
 * (a resolved copy, no dynamic values left but next/on_timeout functions)
 * and *live; the caller frees both. */
int case_runtime_enter(case_def *c, const char *node_id, case_node *node, case_live *live,
                       apperr *e);

/* The node that follows. For a decision, choice is the final option id:
 * records it in s.choices, then takes the option's next, else the decision's
 * (calling a function with (s, choice)). For a narrative node choice is NULL.
 * *next_id is a malloc'd id of an existing node. */
int case_runtime_next(case_def *c, const case_node *node, const char *choice, char **next_id,
                      apperr *e);

/* The node on_timeout names (calling it with (s) when it is a function). */
int case_runtime_timeout_target(case_def *c, const case_node *node, char **next_id, apperr *e);

/* For the checker: whether the node's table holds no function value and no
 * metatable anywhere (so entering it and leaving it cannot read `s`). */
int case_runtime_node_plain(case_def *c, const char *node_id, bool *plain, apperr *e);

#endif
