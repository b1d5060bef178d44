/* log_parse: the log reader's inside. Turns one log file into its sessions
 * and the problems found, as events in file order. Nothing is shared
 * between files (the read-wide checks — duplicates, case versions, "report
 * once" — are the reader's), so several files can be parsed at once on
 * different threads. */
#ifndef LOG_PARSE_H
#define LOG_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "log_reader.h"

typedef struct log_chunk log_chunk;
typedef struct log_chunk_pool log_chunk_pool;

/* Memory of a session's parsed records, freed at once (to the pool, when
 * there is one). */
typedef struct log_arena {
    log_chunk *head;
    log_chunk_pool *pool;
} log_arena;

/* A pool of arena chunks shared by threads (max_chunks kept at most), so
 * memory is reused rather than given back to the system and faulted in
 * again. Freed after every session using it. NULL when out of memory. */
log_chunk_pool *log_chunk_pool_new(size_t max_chunks);
void log_chunk_pool_free(log_chunk_pool *pool);

/* One session as read; pub first, so a log_session* from it converts back. */
typedef struct log_parsed_session {
    log_session pub;
    char *id;
    size_t id_len;
    char *file;      /* owned copy of the path, set by log_session_read */
    log_arena arena; /* the parsed records and lists the strings point into */
    log_decision *decs;
    size_t n_decs, cap_decs;
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
 * NULL: plain malloc). NULL when out of memory. */
typedef struct log_parser log_parser;
log_parser *log_parser_new(log_chunk_pool *pool);
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

/* Makes cJSON allocate the records of a session from that session's arena
 * (one block, freed at once; a third of parsing time otherwise goes to
 * malloc and free). Installs cJSON hooks that fall back to malloc and free
 * outside log_parse_file, so other cJSON users see no change. Idempotent;
 * call before any thread parses. */
void log_parse_init(void);

#endif
