/* run_case: the work of `appraise run`, once engine/cli/ has parsed it: one
 * case played with no window, from an inputs file or a policy, into a
 * session log. Everything that can fail before play fails before the log
 * exists (the case loads, the variant exists, the log folder can be
 * written, an inputs file reads). */
#ifndef RUN_CASE_H
#define RUN_CASE_H

#include <stddef.h>

#include "session.h"

typedef struct run_case_opts {
    const char *case_path;
    const char *inputs;  /* a file, or "-" for standard input; else policy */
    const char *policy;  /* best, follow-ai, against-ai, first or random */
    const char *trainee; /* the id logged */
    unsigned long long seed;
    const char *variant;  /* NULL: derived from trainee and case */
    const char *log_dir;  /* NULL: the default folder */
    const char *log_file; /* an exact file to create instead */
    const char *time_limits; /* normal (NULL too), double or off (time_limits.h) */
    const char *from;        /* --from NODE: start there; NULL: the case's start */
    const char *sets[SESSION_SETS_MAX]; /* --set key=value, as given */
    size_t n_sets;
} run_case_opts;

/* Plays the case and says where the log went. Returns the exit code of
 * cli.md: 0 the case completed; 1 the case or inputs are wrong or ended
 * early; 2 usage (an unknown variant); 3 the log could not be written. */
int run_case(const run_case_opts *o);

#endif
