/* debrief_report: the report outputs of `appraise debrief` (HTML and xAPI),
 * called by tools/debrief.c once the metrics of the command line's --by
 * groups are computed. Each writer reads the logs again itself with
 * log_read_paths (same paths, same order, so the same sessions and the same
 * duplicates skipped) when it needs the records: the reader streams, so a
 * second pass costs time, not memory. Implemented in tools/debrief_html.c
 * and tools/debrief_xapi.c. */
#ifndef DEBRIEF_REPORT_H
#define DEBRIEF_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "apperr.h"
#include "log_reader.h"
#include "metrics.h"

typedef struct debrief_report_in {
    const char *const *paths; /* LOG_OR_DIR… as given, in order */
    size_t n_paths;
    const metrics_set *groups;   /* finished: the --by groups (one "by": {} group without --by) */
    const log_read_stats *stats; /* what the metrics pass read and skipped */
    /* Each problem the metrics pass reported, formatted "FILE:LINE: msg",
     * in the order found (the same lines went to stderr). */
    const char *const *issues;
    size_t n_issues;
    /* xAPI: actor.account.homePage (--xapi-homepage) and the base IRI of
     * activities and extensions (--xapi-base); NULL when not given, then the
     * writer uses its documented default. */
    const char *xapi_homepage;
    const char *xapi_base;
    /* --include-runs: count practice sessions (log_session_is_practice) too;
     * runs_left_out: how many the metrics pass left out. */
    bool include_runs;
    long runs_left_out;
    /* --compare: the other group's sessions (read with the same rules),
     * finished, in one "by": {} group, and the paths that named it joined
     * with ", "; NULL when --compare was not given. */
    const metrics_set *compare;
    const char *compare_label;
} debrief_report_in;

/* Whether the figures count session s. */
bool debrief_counts(const debrief_report_in *in, const log_session *s);

/* Defaults of --xapi-homepage and --xapi-base: under the reserved .invalid
 * domain (RFC 2606), so an export made without the flags is plainly a
 * placeholder that no Learning Record Store mistakes for a real site.
 * Activities are BASE/cases/CASE and BASE/cases/CASE/nodes/NODE, extensions
 * BASE/extensions/FIELD (the log's field name). */
#define DEBRIEF_XAPI_HOMEPAGE "https://appraise.invalid"
#define DEBRIEF_XAPI_BASE "https://appraise.invalid/xapi"

/* Writes the self-contained HTML report to path (created or replaced).
 * Returns 0, or -1 with e filled (APPERR_ENV when path cannot be written). */
int debrief_write_html(const char *path, const debrief_report_in *in, apperr *e);

/* Writes the xAPI 1.0.3 statements (a JSON array) to path. Returns 0, or -1
 * with e filled. */
int debrief_write_xapi(const char *path, const debrief_report_in *in, apperr *e);

#endif
