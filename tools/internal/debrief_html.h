/* debrief_html (private): what the pieces of the HTML report share. The
 * page is written by tools/debrief_html.c (the two passes, the frame and
 * the summary screen) and tools/debrief_html_parts.c (the per-trainee view
 * and the appendix); the per-decision blocks come from debrief_nodes.h. */
#ifndef DEBRIEF_HTML_INTERNAL_H
#define DEBRIEF_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "debrief_chart.h"
#include "debrief_nodes.h"
#include "debrief_report.h"
#include "metrics.h"

/* Rows beyond these go to --csv; the page says how many were left out. */
#define DEBRIEF_HTML_MAX_SESSION_ROWS 2000
#define DEBRIEF_HTML_MAX_DECISION_ROWS 5000 /* debrief_html_table.c */
#define DEBRIEF_HTML_MAX_SMALL_MULTIPLES 60
#define DEBRIEF_HTML_MAX_ISSUE_ROWS 1000

typedef struct debrief_html_times {
    int64_t *v;
    size_t n, cap;
} debrief_html_times;

/* One row of the sessions table (copies: the session is gone after the
 * callback). Its texts point into one block, `texts`. */
typedef struct debrief_html_row {
    const char *id, *trainee, *case_id, *case_version, *variant, *file, *error, *started_at;
    char *texts;
    log_status status;
    size_t n_decisions;
    int outcomes[LOG_OUTCOMES];
} debrief_html_row;

typedef struct debrief_html_rows {
    debrief_html_row *v;
    size_t n, cap;
    long total; /* all that qualified, kept or not */
} debrief_html_rows;

enum { DEBRIEF_HTML_AI_RIGHT, DEBRIEF_HTML_AI_WRONG, DEBRIEF_HTML_NO_ADVICE };

typedef struct debrief_html {
    FILE *f;
    debrief_chart ch; /* its f is f */
    const debrief_report_in *in;
    metrics_set *cohort, *by_trainee, *by_case, *by_case_variant;
    debrief_nodes *nodes;
    debrief_html_times ms_final[3]; /* DEBRIEF_HTML_AI_RIGHT, _AI_WRONG, _NO_ADVICE */
    debrief_html_rows sessions, incomplete;
    char *first_at, *last_at;
    bool oom;
} debrief_html;

/* Writing helpers (debrief_html.c). */
void debrief_html_out(debrief_html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void debrief_html_esc(debrief_html *h, const char *s);
void debrief_html_esc_or_dash(debrief_html *h, const char *s);
void debrief_html_time(debrief_html *h, const char *at);
/* A figure: "66.7%", "1 of 1 (fewer than 5: a small sample)", "4.25 s", "n/a". */
void debrief_html_value(debrief_html *h, const metrics *m, metric_id id);
/* Its basis: "2 / 3, 95% CI 20.8–93.9%", "n = 4", or nothing for counts. */
void debrief_html_basis(debrief_html *h, const metric_value *v, metric_kind kind);
/* The cells of ids in a table row whose first cell is open (the last is
 * left open). */
void debrief_html_cells(debrief_html *h, const metrics *m, const metric_id *ids, size_t n);
/* A group's name: its first key's value, or "(unknown)". */
const char *debrief_html_group_name(const metrics_set *s, size_t g);

/* The parts (debrief_html_parts.c), in page order after the per-decision
 * view. */
void debrief_html_variants(debrief_html *h);
void debrief_html_trainees(debrief_html *h, const metrics *cohort);
void debrief_html_cohort_charts(debrief_html *h, const metrics *m);
void debrief_html_all_figures(debrief_html *h, const metrics *m);
/* The research measures (debrief_html_research.c), after every figure. */
void debrief_html_research(debrief_html *h, const metrics *m);
void debrief_html_cases(debrief_html *h);
void debrief_html_by_groups(debrief_html *h);
void debrief_html_sessions(debrief_html *h);
void debrief_html_input(debrief_html *h);
void debrief_html_definitions(debrief_html *h);

#endif
