/* replay: a recorded session played again, action by action, as the trainee
 * played it (`appraise replay LOG`). The log holds records, not keystrokes;
 * the actions are rebuilt from them: each choice, rating and rationale from
 * its decision record (the initial ones placed where the after_initial
 * advice was shown, since that is when they were made), each opened panel
 * from its view record, each request for advice from its advice_shown
 * record, leaving from session_end "quit", and a time limit that ran out as
 * a wait to its deadline. Continue, which writes no record of its own, is
 * taken whenever the session waits for it and the next action belongs to
 * another node. The records come out the same, in the same order; their
 * times are the replay's own (1 s an action, as in `run`), since a log does
 * not say when choices that write no record of their own were made. No SDL. */
#ifndef REPLAY_H
#define REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "apperr.h"
#include "session.h"

/* What session_start says about the session. */
typedef struct replay_start {
    char *case_file; /* the path as given when it was played */
    char *case_id;
    char *trainee;
    char *variant; /* NULL when none */
    unsigned long long seed;
    char sha256[65];
} replay_start;

typedef struct replay_step {
    session_action action; /* text points into the replay */
    char *node;            /* where it was taken */
    char *text;            /* owned: option id, panel, rationale */
} replay_step;

typedef struct replay {
    replay_start start;
    replay_step *steps;
    size_t n, next;
} replay;

/* Reads the log at path. -1 with e (APPERR_INPUT naming the file and line)
 * when it is not a session log or a record cannot be read. */
int replay_open(replay *r, const char *path, apperr *e);
void replay_close(replay *r);

/* The next action for the session as it stands, without taking it: 1 with
 * *a filled, 0 when the recording has no more. */
int replay_peek(const replay *r, const session *s, session_action *a);
/* Takes the action replay_peek gave (a continue takes none). */
void replay_advance(replay *r, const session_action *a);

/* Plays every remaining action into s from virtual time *t (1 s an action,
 * a wait to a deadline), as `run` does. 0 when the recording ran out; -1
 * with e when the session refused an action or failed. */
int replay_all(replay *r, session *s, int64_t *t, apperr *e);

/* Applies one action at virtual time *t, advancing it (a wait ticks the
 * session to the time limit's deadline). */
session_result replay_apply(session *s, const session_action *a, int64_t *t, apperr *e);

#endif
