/* check: the work of `appraise check`, once engine/cli/ has parsed it.
 * Loads each case, walks every path (walk.h) and reports what an author
 * must fix, one finding a line as FILE:LINE: error|warning: message, with
 * the shortest choice path that reaches it; then a summary per variant (or
 * all of it as one JSON document). */
#ifndef CHECK_H
#define CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "walk.h"

typedef struct check_opts {
    bool json;   /* one JSON document on stdout instead of text */
    bool strict; /* warnings fail the check too */
    walk_opts walk;
    const char *const *files;
    size_t n_files;
} check_opts;

/* Checks every file, in order. Returns the exit code of cli.md: 0 no errors
 * (strict: no warnings either), 1 otherwise, 2 an unknown variant, 3 the
 * environment failed. */
int check_cases(const check_opts *o);

#endif
