/* session_records: the log records a session writes (decision-log.md
 * "Record types"), built from the session's state into the structs that
 * log_schema.h declares and turned into the fields log_writer writes. The
 * state machine (session.c) decides when a record is written; this says
 * what it holds. Internal to the session. */
#ifndef SESSION_RECORDS_H
#define SESSION_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

#include <cJSON.h>

#include "case_model.h"
#include "log_schema.h"
#include "session.h"
#include "vitals.h"

/* The optional panels a trainee can open (cli.md "Inputs file"). */
#define SESSION_PANELS 3

/* What the trainee has done so far at the current decision. */
typedef struct decision_state {
    bool advice_shown;
    bool asked;
    int64_t t_advice;
    char *initial;
    int initial_confidence; /* 0: not given */
    int64_t t_initial;
    char *final;
    int final_confidence;
    int64_t t_final;
    int trust;
    char *rationale;
    const char *viewed[SESSION_PANELS]; /* first-opened order, each once */
    size_t n_viewed;
    char *next_id;         /* the node entered after the record */
    int64_t time_limit_ms; /* the time limit in force, in ms; 0: none runs */
} decision_state;

/* A decision record as the session keeps it from when it is written until
 * it moves on (session_view.decision): the struct and the lists it points
 * to. Its texts are the node's and the decision state's: it must be freed
 * before either is. */
typedef struct decision_record {
    log_decision r;
    const char **ids;    /* r.options */
    const char **labels; /* r.labels */
} decision_record;

/* Each returns the record's fields for log_writer_write, NULL when out of
 * memory. */
cJSON *session_records_start(const case_def *c, const session_opts *o, const char *trainee,
                             const char *variant);
/* node n entered, with its live state, NEWS2 (-1: none) and its band. */
cJSON *session_records_node(const case_node *n, const case_live *live, int news2, news2_band band);
/* The advice of decision node n became visible. */
cJSON *session_records_advice(const case_node *n);
cJSON *session_records_view(const case_node *n, const char *what);
/* Fills rec with the decision at node n as d stands, entered at t_entry,
 * written at t: 0, or -1 when out of memory (rec is then empty). The case's
 * feedback is the text for the final choice (case_feedback_for), none on a
 * time-out. */
int session_records_decision(decision_record *rec, const case_node *n, const decision_state *d,
                             int64_t t_entry, int64_t t, bool timed_out);
/* Releases rec's lists and empties it. */
void session_records_decision_free(decision_record *rec);
cJSON *session_records_ending(const case_node *n, const case_live *live);
/* status: "complete", "quit" or "error" (error: the message, else NULL). */
cJSON *session_records_end(const char *status, const char *error);

#endif
