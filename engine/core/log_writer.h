/* log_writer: the one module that writes session logs (decision-log.md).
 * One new file per session, created with O_EXCL and never overwritten; each
 * record written whole with one write() and fsync'd before the call returns,
 * so a crash loses at most the record being written. */
#ifndef LOG_WRITER_H
#define LOG_WRITER_H

#include <stdint.h>

#include <cJSON.h>

#include "apperr.h"

typedef struct log_writer log_writer;

/* The longest line a log may hold, in bytes, its newline included: the
 * reader reads lines up to this length, and the writer refuses a record
 * that would be longer, so every line written can be read back. */
#define LOG_LINE_MAX (64u << 20)

/* Wall clock in ms since the Unix epoch, given by the caller so that the core
 * never reads the clock itself (tests pass a fixed one). */
typedef int64_t (*log_wall_clock)(void *ctx);

typedef struct log_open_opts {
    const char *dir;       /* folder for a new log named by the spec; NULL with path */
    const char *path;      /* an exact file to create (run --log); NULL with dir */
    const char *session;   /* UUID v4 text, 36 chars */
    const char *trainee;   /* reduced to [A-Za-z0-9_-] in the file name */
    const char *case_id;
    int64_t start_ms;      /* wall time of the session start, for the file name */
    log_wall_clock clock;  /* for the `at` field of every record */
    void *clock_ctx;
} log_open_opts;

/* Creates the log file (and dir with its parents when missing). Fails with
 * APPERR_ENV when the folder cannot be written or the file exists. */
int log_writer_open(log_writer **out, const log_open_opts *o, apperr *e);

/* Writes one record: the envelope log_schema.h declares (version 1, type,
 * this log's session, the next seq, t_ms, the wall clock's time) followed
 * by the members of fields (which stays the caller's; log_record_json
 * makes them from a record's struct), as one line, then fsync. Text that is not valid UTF-8 (a typed id, a file name) is
 * written with each bad sequence replaced by U+FFFD: a log is UTF-8.
 * On failure (disk full, I/O error) returns -1 with APPERR_ENV; the file
 * keeps every record written before, and a file left without any record is
 * removed. A record longer than LOG_LINE_MAX is not written: -1 with
 * APPERR_INPUT, and the log stays open for the next record. */
int log_writer_write(log_writer *w, const char *type, int64_t t_ms, const cJSON *fields,
                     apperr *e);

/* The path of the file being written. */
const char *log_writer_path(const log_writer *w);

/* Whole records written so far. */
long long log_writer_records(const log_writer *w);

/* Closes the file (whatever was written stays; a file that holds no record
 * is removed). NULL is fine. */
void log_writer_close(log_writer *w);

/* Checks before play that dir can be created and written (creates it). */
int log_dir_check(const char *dir, apperr *e);

#endif
