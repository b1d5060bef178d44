/* session: one play of a case as a pure state machine (design.md "The heart").
 *
 *   session_open  -> writes session_start, enters the start node
 *   session_view  -> what to show and which input is awaited now
 *   session_act   -> one trainee action at time t (ms since the start)
 *   session_tick  -> time passes to t: fires a due time limit
 *
 * The session writes every log record through its log_writer, flushed before
 * the call returns. Time only comes in as t; the session never reads a clock.
 * Same case, seed, variant and actions at the same t give the same records.
 *
 * The session asks the case for everything through the case's driver
 * (case_driver.h), in a run of its own: several sessions of one case may be
 * open at once, and each plays as it would alone. */
#ifndef SESSION_H
#define SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "apperr.h"
#include "case_driver.h"
#include "case_model.h"
#include "time_limits.h"
#include "log_schema.h"
#include "log_writer.h"

/* The longest rationale the log keeps, in characters (code points): what is
 * typed beyond it is cut off on a character boundary (decision-log.md). */
#define SESSION_RATIONALE_MAX 10000

typedef enum session_step {
    STEP_CONTINUE,           /* a narrative node: Continue */
    STEP_CHOOSE_INITIAL,     /* after_initial advice: the initial choice */
    STEP_CONFIDENCE_INITIAL, /* confidence in the initial choice, 1-7 */
    STEP_CHOOSE_FINAL,       /* the final (or only) choice */
    STEP_CONFIDENCE_FINAL,   /* confidence in the final choice, 1-7 */
    STEP_TRUST,              /* trust in the advice, 1-7 */
    STEP_RATIONALE,          /* free text */
    STEP_FEEDBACK,           /* after a decision with advice shown, case text for the
                              * choice, or a time-out: the feedback; Continue */
    STEP_ENDED               /* nothing more: see status */
} session_step;

typedef enum session_status {
    SESSION_PLAYING,
    SESSION_COMPLETE,
    SESSION_QUIT,
    SESSION_ERROR
} session_status;

typedef enum action_kind {
    ACT_CHOOSE,     /* text: option id */
    ACT_CONFIDENCE, /* value: 1-7 */
    ACT_TRUST,      /* value: 1-7 */
    ACT_RATIONALE,  /* text */
    ACT_VIEW,       /* text: explanation | model_card | results */
    ACT_ASK,
    ACT_WAIT,       /* value: seconds (the runner turns it into a tick) */
    ACT_CONTINUE,
    ACT_QUIT
} action_kind;

typedef struct session_action {
    action_kind kind;
    const char *text;
    int value;
} session_action;

/* What session_act returns. */
typedef enum session_result {
    SESSION_OK = 0,
    SESSION_REJECTED, /* the action does not fit the current step: nothing changed, e says why */
    SESSION_FAILED,   /* the case failed in play: session_end "error" is logged, e holds it */
    SESSION_IO        /* the log could not be written (APPERR_ENV): the session is over */
} session_result;

/* --from and --set (cli.md "Start anywhere"): at most this many --set. */
#define SESSION_SETS_MAX 32

/* Where a session starts and the state it starts with, for authors trying
 * one decision again and again. The log records them in session_start, and
 * the debrief leaves such sessions out of cohort figures. */
typedef struct session_from {
    const char *node;        /* NULL: the case's start node */
    const char *const *sets; /* n_sets texts "key=value", as given on the command line */
    size_t n_sets;
} session_from;

typedef struct session_opts {
    const char *trainee;        /* "anonymous" when NULL */
    const char *variant;        /* NULL: derived (session_derive_variant) */
    unsigned long long seed;
    const char *mode;           /* "play" | "run" | "replay" | "text" | "preview" */
    const char *session_id;     /* UUID v4 text */
    const char *engine_version;
    const char *host_os;
    log_writer *log;            /* borrowed; every record goes here; NULL: no log is written */
    time_limits time_limits;    /* the trainee's setting (time_limits.h); 0: normal */
    session_from from;          /* zeros: the case's start, its own state */
} session_opts;

/* What the front end shows and which input the session waits for. Pointers
 * stay valid until the next session_act / session_tick / session_close. */
typedef struct session_view {
    session_step step;
    session_status status;
    const case_def *c;
    const case_node *node;  /* resolved current node (NULL before the start node) */
    const case_live *live;  /* clock, vitals, revealed results */
    int news2;              /* -1 when it cannot be computed */
    const char *variant;    /* NULL when the case has none */
    bool advice_shown;      /* the advice is visible now */
    bool can_ask;           /* on_request advice not yet asked for */
    const char *initial;    /* the initial choice, NULL when not (yet) made */
    const char *final;      /* the final choice, NULL when not (yet) made */
    int64_t deadline_ms;    /* when the time limit fires, -1 when none runs (nor while
                             * the trainee rates or writes: only choices are timed) */
    const char *error;      /* the message when status is SESSION_ERROR */
    const log_decision *decision; /* the record just written, at STEP_FEEDBACK; NULL
                                   * elsewhere */
    news2_band news2_band;        /* NEWS2_BAND_UNKNOWN when news2 is -1 */
} session_view;

typedef struct session session;

/* The variant a trainee gets for a case: FNV-1a 32 of "TRAINEE/CASE_ID" modulo
 * the number of variants; NULL when the case has none. */
const char *session_derive_variant(const case_def *c, const char *trainee);

/* The variant called name, as the case spells it (a pointer into c). When
 * the case has none of that name: NULL and an APPERR_USAGE error "unknown
 * variant 'X' (case ID has: a, b)" or "(case ID has no variants)". Every
 * front end checks --variant with this before anything is written. */
const char *session_find_variant(const case_def *c, const char *name, apperr *e);

/* What every front end checks before anything is written or a window
 * opens: variant (NULL: none given) names a variant of c, and from's node
 * and --set values fit c (session_open checks the same). 0, or -1 with an
 * APPERR_USAGE error naming the option at fault. */
int session_check_start(const case_def *c, const char *variant, const session_from *from,
                        apperr *e);

/* 32-bit FNV-1a of the bytes of s. */
uint32_t session_fnv1a(const char *s);

/* Opens a session at t_ms (normally 0): writes session_start, begins a run
 * of the case through its driver, gives it o->from's --set values and
 * enters the start node (o->from.node when given). The case is borrowed
 * and never changed: close the session before freeing it. An unknown
 * --variant, and a --from or --set that session_from_check refuses, is an
 * APPERR_USAGE error (SESSION_REJECTED) before anything is written. A
 * case failing on entry still gives a session (status error); the return is
 * then SESSION_FAILED. */
session_result session_open(session **out, const case_def *c, const session_opts *o, int64_t t_ms,
                            apperr *e);

session_view session_view_now(const session *s);

/* Applies one action at t_ms (t never goes back). */
session_result session_act(session *s, const session_action *a, int64_t t_ms, apperr *e);

/* Time passes to t_ms: fires a time limit whose deadline is <= t_ms. */
session_result session_tick(session *s, int64_t t_ms, apperr *e);

/* Ends a session that is still playing with status error and msg (inputs
 * that do not fit, a front end failure); logs session_end. */
session_result session_fail(session *s, int64_t t_ms, const char *msg, apperr *e);

/* For the checker: the key of the session's run (case_driver.state_key).
 * -1 with e filled when the state cannot be read, or when the case's driver
 * has no state keys (APPERR_ENV). */
int session_state_key(session *s, unsigned char key[CASE_STATE_KEY_SIZE], apperr *e);

/* Frees the session and its run (not the case or the log writer). */
void session_close(session *s);

/* Describes what the session waits for now, e.g. "a choice at node arrival",
 * for error messages. */
const char *session_step_name(session_step step);

#endif
