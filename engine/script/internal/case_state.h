/* case_state: the checker's half of the case-file driver (lua_driver.c):
 * its state_key and node_plain, as case_driver.h describes them. */
#ifndef CASE_STATE_H
#define CASE_STATE_H

#include "apperr.h"
#include "case_driver.h"

/* A digest of the run's state: `s` (vars, vitals, results, choices,
 * clock, variant; tables by their contents whatever their key order,
 * functions by where they are defined), the state of the run's random
 * generator and its clock. Two states with the same key play the same from
 * here on. The key is computed as the state is read, never written out
 * whole: its cost is one pass over each distinct string `s` holds however
 * often it holds it, and a few bytes per table entry. Fills key; -1 with e
 * filled when the state cannot be read (APPERR_ENV when out of memory). */
int case_state_key(case_run *r, unsigned char key[CASE_STATE_KEY_SIZE], apperr *e);

/* Whether the node's table holds no function value and no metatable
 * anywhere (so entering it and leaving it cannot read `s`). */
int case_state_node_plain(const case_def *c, const char *node_id, bool *plain, apperr *e);

#endif
