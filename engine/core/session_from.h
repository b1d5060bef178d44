/* session_from: where a session starts and the state it starts with
 * (session_opts.from, cli.md "Start anywhere"): --from NODE and each
 * --set KEY=VALUE checked before anything is written, then given to a
 * fresh run through its driver (case_driver.set). Internal to the session
 * and the front ends that check the command line early. */
#ifndef SESSION_FROM_H
#define SESSION_FROM_H

#include "apperr.h"
#include "case_driver.h"
#include "case_model.h"
#include "session.h"

/* Reads one --set text: KEY=VALUE, KEY a name (a variable) or vitals.NAME;
 * VALUE a number, true, false, or else text (a pair of quotes around it
 * taken off). Fills v, whose strings point into *own (free it with
 * mem_free). -1 with e: APPERR_USAGE naming the --set when it does not
 * read, APPERR_ENV when out of memory (*own is then NULL). */
int session_setting_parse(const char *text, case_setting *v, char **own, apperr *e);

/* Checks f against the case before a session opens: the node is one of
 * the case's, each --set reads, a vital is one the format knows with a
 * value in its range, and the case's driver takes --set at all. 0, or -1
 * with e (APPERR_USAGE with the message cli.md gives; APPERR_ENV when out
 * of memory). */
int session_from_check(const case_def *c, const session_from *f, apperr *e);

/* Gives the fresh run r each --set of f, in order (f checked already). */
int session_from_apply(const case_def *c, case_run *r, const session_from *f, apperr *e);

#endif
