/* apperr: errors as values. A failing function fills an apperr and returns
 * non-zero; the caller decides what to print and which exit code to use. */
#ifndef APPERR_H
#define APPERR_H

#include <stddef.h>

/* What kind of failure, mapped by main.c onto the exit codes of cli.md. */
typedef enum apperr_kind {
    APPERR_NONE = 0,
    APPERR_INPUT = 1, /* the case, log or inputs are wrong: exit 1 */
    APPERR_USAGE = 2, /* bad command line: exit 2 */
    APPERR_ENV = 3    /* the environment failed (folder not writable, disk full): exit 3 */
} apperr_kind;

typedef struct apperr {
    apperr_kind kind;
    char file[512];  /* the file at fault, "" when none */
    int line;        /* 1-based line in file, 0 when unknown */
    char where[256]; /* key path such as nodes.arrival.decision.advice, "" when none */
    char msg[1024];  /* the message itself, without the place */
} apperr;

/* Clears e to "no error". */
void apperr_clear(apperr *e);

/* Sets kind, place and a printf-style message. file may be NULL, line 0. */
void apperr_set(apperr *e, apperr_kind kind, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Sets the key path (where) without touching the rest. */
void apperr_set_where(apperr *e, const char *where);

/* Formats as "FILE:LINE: msg", "FILE: at WHERE: msg", "FILE: msg" or "msg". */
const char *apperr_format(const apperr *e, char *buf, size_t size);

#endif
