/* debrief: the work of `appraise debrief`, once engine/cli/ has parsed it:
 * the reliance metrics of session logs, per group, on the terminal and in
 * the files asked for. */
#ifndef DEBRIEF_H
#define DEBRIEF_H

#include <stdbool.h>
#include <stddef.h>

#include "metrics.h"

typedef struct debrief_opts {
    const char *const *paths; /* LOG_OR_DIR…: files and folders (read recursively) */
    size_t n_paths;
    const metrics_key *by; /* group by these, every combination present */
    size_t n_by;
    const char *json, *csv;      /* a file, or "-" for stdout (then no summary is printed) */
    const char *html, *xapi;     /* the report and the xAPI statements (debrief_report.h) */
    const char *homepage, *base; /* --xapi-homepage, --xapi-base; NULL: the defaults */
    bool include_runs;           /* --include-runs: count practice sessions too */
    bool long_form;              /* --long: every figure of each --by group, not the table */
    const char *trainee;         /* --trainee: one trainee's figures and report (html) */
    /* --compare LOG_OR_DIR…: another group, its figures beside this one's
     * (debrief_compare.h); none when n_compare is 0. */
    const char *const *compare;
    size_t n_compare;
} debrief_opts;

/* Reads, prints and writes. Returns the exit code of cli.md: 0 when some
 * session was read, 1 when none was, 2 a flag that is wrong (an xAPI IRI),
 * 3 an output could not be written. */
int debrief_logs(const debrief_opts *o);

#endif
