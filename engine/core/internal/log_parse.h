/* log_parse: the log reader's inside. Turns one log file into its sessions
 * and the problems found, as events in file order. Nothing is shared
 * between files (the read-wide checks — duplicates, case versions, "report
 * once" — are the reader's), so several files can be parsed at once on
 * different threads.
 *
 * Records are read by the schema (log_schema.h, log_fields.h). The
 * records a read does not need — those log_read_opts.keep does not ask for,
 * other than session_start, decision, ending and session_end — are
 * checked as JSON and counted without being parsed (log_skim.h), whatever
 * the order of their members. */
#ifndef LOG_PARSE_H
#define LOG_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "log_arena.h"
#include "log_reader.h"

/* One session as read; pub first, so a log_session* from it converts back. */
typedef struct log_parsed_session {
    log_session pub;
    char *id;
    size_t id_len;
    char *file;      /* owned copy of the path, set by log_session_read */
    log_arena arena; /* the parsed records and lists the strings point into */
    log_decision *decs;
    size_t n_decs, cap_decs;
    log_record *recs; /* the records kept (log_read_opts.keep) */
    size_t n_recs, cap_recs;
    bool has_end;
    int first_line;
} log_parsed_session;

void log_parsed_session_free(log_parsed_session *s);

/* A whole session (session != NULL) or a problem. */
typedef struct log_event {
    log_parsed_session *session;
    log_issue_kind kind;
    int line;
    char *msg;
    char *once; /* not NULL: report only the first time this key comes in a read */
} log_event;

typedef struct log_parsed_file {
    const char *path; /* not owned */
    bool opened;      /* the file could be opened (counted in files) */
    bool oom;         /* memory ran out: the read must stop */
    bool deferred;    /* larger than the limit: not read (see log_parse_file) */
    long records;     /* whole records read */
    log_event *events;
    size_t n_events, cap_events;
} log_parsed_file;

/* Frees the events and every session still in them (set an event's session
 * to NULL to keep it). */
void log_parsed_file_clear(log_parsed_file *f);

/* Buffers for one thread; sessions take their memory from pool (may be
 * NULL: plain malloc); keep is log_read_opts.keep. NULL when out of
 * memory. */
typedef struct log_parser log_parser;
log_parser *log_parser_new(log_chunk_pool *pool, unsigned keep);
void log_parser_free(log_parser *p);

/* Called as soon as a whole session has been added to f's events, to take
 * the events so far (and clear them) while the file is still being read:
 * memory then holds one session, however large the file. Returns non-zero
 * to stop reading the file. */
typedef int (*log_parse_sink)(void *ctx, log_parsed_file *f);

/* Reads path into out (zeroed or cleared), never failing as a whole:
 * problems become events; out->oom when memory ran out. A regular file is
 * read up to its size at opening. Without a sink the events of the whole
 * file are kept for the caller, and a file larger than limit (when limit >
 * 0) is not read: out->deferred is set, for the caller to read it with a
 * sink. With a sink, events go to it session by session (and what is left
 * at the end stays in out). */
void log_parse_file(log_parser *p, const char *path, long long limit, log_parsed_file *out,
                    log_parse_sink sink, void *ctx);

/* Installs the cJSON hooks the parser allocates through (log_arena_init).
 * Idempotent; call before any thread parses. */
void log_parse_init(void);

#endif
