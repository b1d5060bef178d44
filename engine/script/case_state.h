/* case_state: the session state of a case in play, as the checker
 * (tools/walk.c) compares it. */
#ifndef CASE_STATE_H
#define CASE_STATE_H

#include "apperr.h"
#include "case_model.h"

#define CASE_STATE_KEY_SIZE 32 /* bytes of a state key (SHA-256) */

/* A digest of the session state: `s` (vars, vitals, results, choices,
 * clock, variant; tables by their contents whatever their key order,
 * functions by where they are defined), the state of the random generator
 * and the engine's clock. Two states with the same key play the same from
 * here on. The key is computed as the state is read, never written out
 * whole: its cost is one pass over each distinct string `s` holds however
 * often it holds it, and a few bytes per table entry. Fills key; -1 with e
 * filled when the state cannot be read (APPERR_ENV when out of memory). */
int case_state_key(case_def *c, unsigned char key[CASE_STATE_KEY_SIZE], apperr *e);

#endif
