/* log_reader: reads session logs (decision-log.md) back, streaming. Files and
 * folders (recursively, in byte order of names, so every run sees the same
 * order) are read line by line; each whole session is handed to a callback
 * and forgotten, so memory holds one session at a time, never the cohort.
 *
 * Bad input loses nothing and stops nothing: each problem (torn last line,
 * line that is not JSON, file that is not a log, session without
 * session_end, the same session twice, a case played in two versions,
 * unknown fields or record types, text that is not UTF-8) is reported
 * through a callback and the rest is used. Only a failing callback stops
 * the read. */
#ifndef LOG_READER_H
#define LOG_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apperr.h"
#include "log_schema.h"

/* A `decision` record (log_decision) has every field of the spec
 * (log_schema.h). A JSON null (or a missing or mistyped field, which is
 * reported) is a NULL string, an empty list, or has_x == false. Strings are
 * UTF-8 as logged (may hold newlines); bytes that are not UTF-8 are read as
 * U+FFFD. */

typedef enum log_status {
    LOG_COMPLETE,  /* session_end status "complete" */
    LOG_QUIT,      /* "quit" */
    LOG_ERROR,     /* "error" (see log_session.error) */
    LOG_INCOMPLETE /* no session_end: cut short by a crash or power cut */
} log_status;

typedef enum log_outcome {
    LOG_OUTCOME_GOOD,
    LOG_OUTCOME_NEUTRAL,
    LOG_OUTCOME_HARM,
    LOG_OUTCOMES
} log_outcome;

/* One session: what session_start said, the decisions in log order, the
 * endings and how it ended. Valid only during the callback that gets it
 * (or until log_session_free for log_session_read). */
typedef struct log_session {
    const char *file; /* the file it was read from */
    const char *id;   /* session UUID */
    bool has_start;   /* false: no session_start was read (reported) */
    /* session_start's fields (log_schema.h), as one record (start) and by
     * name (trainee, case_id, seed…); NULL or has_ false when null or
     * missing. */
    union {
        log_start start;
        struct {
            LOG_SESSION_START_FIELDS(LOG_MEMBER)
        };
    };
    const char *started_at; /* session_start's `at` */
    log_status status;
    const char *error;          /* session_end's error message (LOG_ERROR), else NULL */
    const char *ended_at;       /* session_end's `at`, NULL when incomplete */
    int64_t end_t;              /* t of the last whole record */
    int outcomes[LOG_OUTCOMES]; /* ending records by outcome */
    const char *ending;         /* node of the last ending record, NULL when none */
    const log_decision *decisions;
    size_t n_decisions;
    /* Every record of the types log_read_opts.keep asks for, in log order
     * (none when it asks for none). */
    const log_record *records;
    size_t n_records;
} log_session;

/* What can be wrong with the input; each is reported, none stops the read. */
typedef enum log_issue_kind {
    LOG_ISSUE_UNREADABLE,    /* a path that cannot be opened or listed */
    LOG_ISSUE_NOT_A_LOG,     /* a file whose first line is not a session log record */
    LOG_ISSUE_TORN_LINE,     /* the last line, without its newline, is not whole JSON */
    LOG_ISSUE_BAD_LINE,      /* a line that is not a JSON record (not last) */
    LOG_ISSUE_BAD_FIELD,     /* a known field of the wrong type or range: taken as null */
    LOG_ISSUE_NEWER_VERSION, /* a record with v other than 1: skipped */
    LOG_ISSUE_NO_START,      /* a session without session_start: used, trainee/case unknown */
    LOG_ISSUE_INCOMPLETE,    /* a session without session_end: used, status incomplete */
    LOG_ISSUE_DUPLICATE,     /* a session id seen before: the later copy is skipped */
    LOG_ISSUE_TWO_VERSIONS,  /* a case id played in another case_version: both used */
    LOG_ISSUE_UNKNOWN_FIELD, /* a field or record type the spec does not name: ignored;
                                reported once per record type and name */
    LOG_ISSUE_BLANK_LINE,    /* blank lines in a file: skipped (reported once per file) */
    LOG_ISSUE_BAD_UTF8,      /* lines with bytes that are not UTF-8: read with U+FFFD in
                                their place (reported once per file) */
    LOG_ISSUE_KINDS
} log_issue_kind;

typedef struct log_issue {
    log_issue_kind kind;
    const char *file; /* may be NULL */
    int line;         /* 0 when not about one line */
    const char *msg;  /* the message, without the place */
} log_issue;

/* Counts of what a read saw. */
typedef struct log_read_stats {
    long files;     /* regular files opened */
    long sessions;  /* sessions handed to the callback (duplicates not counted) */
    long decisions; /* decision records in those sessions */
    long records;   /* whole records read, all types */
    long issues[LOG_ISSUE_KINDS];
} log_read_stats;

/* Called once per session, in file order. Returns 0 to go on, non-zero (with
 * e filled) to stop the read; log_read_paths then returns -1 with that e. */
typedef int (*log_session_fn)(void *ctx, const log_session *s, apperr *e);
/* Called for each problem found, as it is found. */
typedef void (*log_issue_fn)(void *ctx, const log_issue *issue);

typedef struct log_read_opts {
    log_session_fn on_session; /* required */
    log_issue_fn on_issue;     /* NULL: problems are only counted */
    void *ctx;                 /* passed to both */
    int threads; /* files parsed at once: 0 = one per processor; 1 = this thread only */
    /* Record types to keep in log_session.records: bits 1u << LOG_REC_x, or
     * LOG_KEEP_ALL. Records of a type no one keeps that a log_session does
     * not hold (node, advice_shown, view) are counted without being parsed:
     * a debrief reads faster for it. */
    unsigned keep;
} log_read_opts;

#define LOG_KEEP_ALL ((1u << LOG_RECORD_TYPES) - 1)

/* Reads every path in order: a file is read as a log; a folder is walked
 * recursively, entries sorted by name (bytes), names starting with '.'
 * skipped. A session id already seen in this call is reported and skipped.
 * Files may be parsed on several threads (o->threads), but the callbacks
 * are all called on this thread, in file order, with the same sessions and
 * problems whatever the number of threads (problems of the folder walk
 * come first). Fills stats (may be NULL). Returns 0, or -1 when a callback
 * stopped the read or memory ran out (APPERR_ENV). Unreadable paths are
 * issues, not errors. Installs cJSON allocation hooks (log_parse.h). */
int log_read_paths(const char *const *paths, size_t n_paths, const log_read_opts *o,
                   log_read_stats *stats, apperr *e);

/* Reads one log file into a session the caller owns (the window's end-of-case
 * debrief, replay). Issues go to o->on_issue when o is given (its
 * on_session is unused; its keep says which records to keep). When the
 * file holds several sessions, the first is kept. Returns
 * -1 with APPERR_INPUT when the file holds no session, APPERR_ENV when out
 * of memory. */
int log_session_read(const char *path, const log_read_opts *o, log_session **out, apperr *e);
void log_session_free(log_session *s);

/* A practice session, not a trainee's play of the case: played by `run`
 * (inputs or a policy), `replay` or `preview` (play --watch), or started at
 * a chosen node or state (from, set). The debrief leaves them out of its
 * figures unless asked, and the library does not mark a case played by
 * them (decision-log.md). */
bool log_session_is_practice(const log_session *s);

/* "complete", "quit", "error", "incomplete". */
const char *log_status_name(log_status s);
/* "good", "neutral", "harm". */
const char *log_outcome_name(log_outcome o);
/* Short name of an issue kind, for summaries: "torn line", "duplicate session", … */
const char *log_issue_name(log_issue_kind k);
/* "FILE:LINE: msg", "FILE: msg" or "msg" into buf. */
const char *log_issue_format(const log_issue *issue, char *buf, size_t size);

#endif
