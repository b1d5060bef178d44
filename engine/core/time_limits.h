/* time_limits: the trainee's setting for a case's time limits (WCAG 2.2.1,
 * "timing adjustable"): as the case sets them, twice as long, or none. It is
 * chosen with --time-limits on play, run and the text mode, or on the
 * library screen, and logged in session_start so that faculty see it. */
#ifndef TIME_LIMITS_H
#define TIME_LIMITS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum time_limits {
    TIME_LIMITS_NORMAL = 0, /* as the case sets them */
    TIME_LIMITS_DOUBLE,     /* twice as long */
    TIME_LIMITS_OFF         /* no time limit runs */
} time_limits;

/* The choices' names, in the enum's order, NULL-terminated:
 * "normal", "double", "off" (the command line's and the log's words). */
extern const char *const time_limits_names[];

/* "normal", "double" or "off" ("normal" for a value out of range). */
const char *time_limits_name(time_limits t);

/* The setting called name into *out; false (and *out untouched) for any
 * other text, NULL included. */
bool time_limits_parse(const char *name, time_limits *out);

/* The limit in force, in ms, for a decision whose case sets `seconds`
 * (0 or less: none): at least 1 ms, so that a limit always lets time pass;
 * -1 when no limit runs (none set, or the setting is off). */
int64_t time_limits_ms(time_limits t, double seconds);

#endif
