/* replay: a recorded session played again from its log, a third source of
 * actions beside the runner's inputs and policies (`appraise replay LOG`
 * in the window, `appraise replay LOG --verify` without one).
 *
 * The log holds records, not keystrokes; the actions are rebuilt from them
 * (read once through the log reader): each choice, rating and rationale
 * from its decision record (the initial ones where the after_initial
 * advice was shown, since that is when they were made), each opened panel
 * from its view record, each request for advice from its advice_shown
 * record, each Continue from the node record it led to, leaving from
 * session_end "quit", and a time limit that ran out as a wait to its
 * deadline.
 *
 * Each action is played at the time the log says it was taken (the choices
 * at their ms_* from the node's entry, the rest at their records' t), with
 * the runner's rule (runner_act_at): time moves to t first, so a limit due
 * by then fires before the action. A log written by `run` carries the
 * runner's virtual times, so these are those times; a window's log carries
 * the trainee's own. Either way, a case that has not changed gives the same
 * records, t included (apart from at, session and what names the replaying
 * program: replay_compare). The replay plays with the time limits the
 * session was played with (replay_start.time_limits), from the node and
 * with the values it was started with (replay_start.from). No SDL, no Lua. */
#ifndef REPLAY_H
#define REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apperr.h"
#include "log_reader.h"
#include "session.h"
#include "time_limits.h"

/* What session_start says about the session; the strings point into the
 * log as read. */
typedef struct replay_start {
    const char *case_file; /* the path as given when it was played */
    const char *case_id;   /* "" when the log gives none */
    const char *trainee;   /* "anonymous" when the log gives none */
    const char *variant;   /* NULL when none */
    unsigned long long seed;
    char sha256[65];         /* "" when the log gives none */
    time_limits time_limits; /* the setting it was played with (normal for a log older
                              * than the setting) */
    session_from from;       /* where it started and what it was given (--from, --set);
                              * zeros when the log says neither */
} replay_start;

typedef struct replay_step {
    session_action action; /* text points into the log as read */
    int64_t t;             /* when it was taken */
    const char *node;      /* where */
    bool if_asked;         /* a rating the log cannot show: taken only when the session asks */
    bool left_at_once;     /* before it, the recording left a decision at once: a feedback
                            * step the session shows there is left with a Continue then */
} replay_step;

typedef struct replay {
    replay_start start;
    replay_step *steps;
    size_t n, cap, next;
    log_session *log;      /* the recording, every record kept */
    const char *end_error; /* the recording ended in error from outside the case, with this */
    int64_t end_t;
    bool moved_on; /* after its last action the recording left a decision at once (no
                    * feedback step shown, or one without the case's text left by `run`) */
} replay;

/* Reads the log at path (its first session). -1 with e (APPERR_INPUT
 * naming the file) when it holds no session, no session_start naming a
 * case file, or time limits this program does not know; APPERR_ENV when
 * out of memory. */
int replay_open(replay *r, const char *path, apperr *e);
void replay_close(replay *r);

/* The next action for the session as it stands, without taking it: 1 with
 * *a filled, 0 when the recording has no more (or the session has ended).
 * A Continue the log cannot place (it writes no record of its own) is
 * given whenever the session waits for one and the next action belongs
 * elsewhere. */
int replay_peek(const replay *r, const session *s, session_action *a);
/* Takes the action replay_peek gave (a Continue it made up takes none). */
void replay_advance(replay *r, const session_action *a);

/* Plays the action replay_peek gave at its recorded time, moving *t there
 * (never back). */
session_result replay_apply(const replay *r, session *s, const session_action *a, int64_t *t,
                            apperr *e);

/* Plays every remaining action into s from *t. When the actions run out
 * with the session still playing and the recording ended in an error from
 * outside the case (inputs that did not fit, a path without end), the
 * session is ended with that error at its time. 0 when every action was
 * played; -1 with e when the session refused one or the log failed. */
int replay_all(replay *r, session *s, int64_t *t, apperr *e);

/* The first difference between a log and its replay, from record index
 * `from` on (both read with every record kept). */
typedef struct replay_diff {
    bool found;
    size_t index;      /* of the record in the logs */
    int64_t seq;       /* as logged (or replayed, for a record only the replay has) */
    const char *type;  /* the record's type */
    const char *field; /* the field that differs (the envelope's type, seq or t
                          included), or NULL when one log has the record and the
                          other has not */
    char *logged;      /* the values as JSON text (mem.h); "(none)" for a missing record */
    char *replayed;
} replay_diff;

/* Compares record by record and field by field, by the schema, every field
 * but at and session (the replay's own) and, in session_start, mode,
 * engine, host_os and case_file (the replaying program and how it found
 * the case); nor a field added since `logged` was written (log_schema.h):
 * one its record lacks, or one left out when it has no value, in a log
 * whose session_start lacks an added field. 0, with d->found false when the
 * logs are the same; -1 when out of memory. */
int replay_compare(const log_session *logged, const log_session *replayed, size_t from,
                   replay_diff *d);
void replay_diff_free(replay_diff *d);

#endif
