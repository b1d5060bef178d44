/* debrief --html: one self-contained page for a debrief room and for print.
 * No scripts, no network, inline CSS; charts are inline SVG, each with a
 * <title>, a <desc>, axis labels and a table that says the same in words.
 * Colours are the Okabe-Ito palette (safe for colour-blind readers) and
 * never carry meaning alone: shapes, hatching, symbols and text do too.
 *
 * Two streaming passes over the logs: the first fills the metrics (cohort,
 * by trainee, by case), the decision times and the session list; the second
 * writes the per-decision table straight to the file (debrief_html_table.c). Memory stays bounded
 * by the row caps below, whatever the cohort's size. */
#include "debrief_report.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief_fmt.h"
#include "debrief_chart.h"
#include "debrief_html_style.h"
#include "debrief_html_table.h"
#include "debrief_nodes.h"
#include "mem.h"

/* Rows beyond these go to --csv; the page says how many were left out. */
#define MAX_SESSION_ROWS 2000
#define MAX_DECISION_ROWS 5000 /* debrief_html_table.c */
#define MAX_SMALL_MULTIPLES 60
#define MAX_ISSUE_ROWS 1000

typedef struct times {
    int64_t *v;
    size_t n, cap;
} times;

/* One row of the sessions table (copies: the session is gone after the
 * callback). Its texts point into one block, `texts`. */
typedef struct session_row {
    const char *id, *trainee, *case_id, *case_version, *variant, *file, *error, *started_at;
    char *texts;
    log_status status;
    size_t n_decisions;
    int outcomes[LOG_OUTCOMES];
} session_row;

typedef struct row_list {
    session_row *v;
    size_t n, cap;
    long total; /* all that qualified, kept or not */
} row_list;

typedef struct html {
    FILE *f;
    debrief_chart ch; /* its f is f */
    const debrief_report_in *in;
    metrics_set *cohort, *by_trainee, *by_case;
    times ms_final[3]; /* TIME_AI_RIGHT, TIME_AI_WRONG, TIME_NO_ADVICE */
    row_list sessions, incomplete;
    debrief_nodes *nodes; /* the per-decision view */
    char *first_at, *last_at;
    bool oom;
} html;

enum { TIME_AI_RIGHT, TIME_AI_WRONG, TIME_NO_ADVICE };

/* ---- Output helpers ---- */

static void out(html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(html *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(h->f, fmt, ap);
    va_end(ap);
}

static void esc(html *h, const char *s)
{
    debrief_fmt_html(h->f, s);
}

/* s, or an em dash for a null in a table cell. */
static void esc_or_dash(html *h, const char *s)
{
    if (s)
        esc(h, s);
    else
        out(h, "<span class=\"null\">&#8212;</span>");
}

/* A log timestamp as "2026-11-27 09:14:03" (UTC, as every `at` is); other
 * text as it is. */
static void write_time(html *h, const char *at)
{
    if (!debrief_fmt_is_timestamp(at)) {
        esc_or_dash(h, at);
        return;
    }
    out(h, "<span class=\"time\">%.10s %.8s</span>", at, at + 11);
}

/* "good 1 · harm 1", only the outcomes reached; a dash when none. */
static void write_outcomes(html *h, const int *o)
{
    bool any = false;
    for (int k = 0; k < LOG_OUTCOMES; k++) {
        if (o[k] == 0)
            continue;
        out(h, "%s%s&#160;%d", any ? " &#183; " : "", log_outcome_name((log_outcome)k), o[k]);
        any = true;
    }
    if (!any)
        out(h, "<span class=\"null\">&#8212;</span>");
}

/* ---- Pass 1: metrics, times, sessions ---- */

static void times_add(html *h, times *t, int64_t ms)
{
    int64_t *v = mem_grow(t->v, &t->cap, t->n + 1, sizeof *v);
    if (!v) {
        h->oom = true;
        return;
    }
    t->v = v;
    t->v[t->n++] = ms;
}

static void add_times(html *h, const log_session *s)
{
    for (size_t i = 0; i < s->n_decisions; i++) {
        const log_decision *d = &s->decisions[i];
        int k = TIME_NO_ADVICE;
        if (!d->has_ms_final)
            continue;
        if (metrics_advice_shown(d) && d->has_ai_correct)
            k = d->ai_correct ? TIME_AI_RIGHT : TIME_AI_WRONG;
        else if (metrics_advice_shown(d))
            continue; /* advice of unknown correctness: in no row */
        times_add(h, &h->ms_final[k], d->ms_final);
    }
}

/* Copies the session's texts into r, all in one block (NULL stays NULL). */
static void row_texts(html *h, session_row *r, const log_session *s)
{
    const char *from[] = {s->id,      s->trainee, s->case_id, s->case_version,
                          s->variant, s->file,    s->error,   s->started_at};
    const char **to[] = {&r->id,      &r->trainee, &r->case_id, &r->case_version,
                         &r->variant, &r->file,    &r->error,   &r->started_at};
    size_t len = 1;
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++)
        len += from[i] ? strlen(from[i]) + 1 : 0;
    char *p = r->texts = mem_malloc(len);
    if (!p) {
        h->oom = true;
        return;
    }
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
        if (!from[i])
            continue;
        size_t n = strlen(from[i]) + 1;
        *to[i] = memcpy(p, from[i], n);
        p += n;
    }
}

static void row_add(html *h, row_list *l, const log_session *s)
{
    session_row *r;
    l->total++;
    if (l->n >= MAX_SESSION_ROWS)
        return;
    session_row *v = mem_grow(l->v, &l->cap, l->n + 1, sizeof *v);
    if (!v) {
        h->oom = true;
        return;
    }
    l->v = v;
    r = &l->v[l->n++];
    memset(r, 0, sizeof *r);
    row_texts(h, r, s);
    r->status = s->status;
    r->n_decisions = s->n_decisions;
    memcpy(r->outcomes, s->outcomes, sizeof r->outcomes);
}

static void rows_free(row_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        mem_free(l->v[i].texts);
    mem_free(l->v);
}

/* Replaces *slot with a copy of s. */
static void keep_copy(html *h, char **slot, const char *s)
{
    mem_free(*slot);
    if (!(*slot = mem_strdup(s)))
        h->oom = true;
}

/* Keeps the earliest and latest start, for the page's heading (the log's
 * timestamps are all UTC in one format, so bytes order them). */
static void note_span(html *h, const char *at)
{
    if (!debrief_fmt_is_timestamp(at))
        return;
    if (!h->first_at || strcmp(at, h->first_at) < 0)
        keep_copy(h, &h->first_at, at);
    if (!h->last_at || strcmp(at, h->last_at) > 0)
        keep_copy(h, &h->last_at, at);
}

static int on_session_pass1(void *ctx, const log_session *s, apperr *e)
{
    html *h = ctx;
    if (!debrief_counts(h->in, s))
        return 0;
    if (metrics_set_add(h->cohort, s) != 0 || metrics_set_add(h->by_trainee, s) != 0 ||
        metrics_set_add(h->by_case, s) != 0)
        h->oom = true;
    if (debrief_nodes_add(h->nodes, s) != 0)
        h->oom = true;
    add_times(h, s);
    row_add(h, &h->sessions, s);
    if (s->status == LOG_INCOMPLETE)
        row_add(h, &h->incomplete, s);
    note_span(h, s->started_at);
    if (h->oom) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory writing the HTML report");
        return -1;
    }
    return 0;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int pass1(html *h, apperr *e)
{
    metrics_key trainee = METRICS_BY_TRAINEE, kcase = METRICS_BY_CASE;
    log_read_opts o = {.on_session = on_session_pass1, .ctx = h, .keep = debrief_nodes_keep()};
    if (!(h->nodes = debrief_nodes_new(true)) || metrics_set_new(&h->cohort, NULL, 0) != 0 ||
        metrics_set_new(&h->by_trainee, &trainee, 1) != 0 ||
        metrics_set_new(&h->by_case, &kcase, 1) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory writing the HTML report");
        return -1;
    }
    if (log_read_paths(h->in->paths, h->in->n_paths, &o, NULL, e) != 0)
        return -1;
    metrics_set_finish(h->cohort);
    metrics_set_finish(h->by_trainee);
    metrics_set_finish(h->by_case);
    debrief_nodes_finish(h->nodes);
    for (int k = 0; k < 3; k++) {
        if (h->ms_final[k].n > 0)
            qsort(h->ms_final[k].v, h->ms_final[k].n, sizeof(int64_t), cmp_i64);
    }
    return 0;
}

/* ---- Figures in words ---- */

static const char *const metric_labels[METRIC_COUNT] = {
    "Decisions",
    "Decisions with advice shown",
    "AI accuracy",
    "Unaided accuracy (initial choice, after_initial)",
    "Final accuracy",
    "Final accuracy when the AI was right",
    "Final accuracy when the AI was wrong",
    "Agreement with the AI",
    "Switched to the AI's answer",
    "Over-reliance: followed wrong advice",
    "Harmful switches: right to wrong, to the AI's answer",
    "Under-reliance: overrode right advice",
    "Relative AI reliance (RAIR)",
    "Relative self-reliance (RSR)",
    "Discrimination: P(follow | right) - P(follow | wrong)",
    "Mean trust when the AI was right",
    "Mean trust when the AI was wrong",
    "Trust AUROC (0.5 = blind, 1 = perfect)",
    "Mean confidence when right",
    "Mean confidence when wrong",
    "Confidence AUROC: own confidence telling right choices from wrong",
    "Advice requested (on_request)",
    "Explanation opened",
    "Median time to final choice",
    "Median time to initial choice",
    "Timeouts",
    "Endings by outcome",
    "Sessions",
    "Incomplete sessions (no session_end)",
    "Sessions with adjusted time limits (double or off)",
};

static bool is_ms(metric_id id)
{
    return id == METRIC_MEDIAN_MS_FINAL || id == METRIC_MEDIAN_MS_INITIAL;
}

static void write_seconds(html *h, double ms)
{
    out(h, "%.2f&#8201;s", ms / 1000.0);
}

/* The figure itself: "66.7%", "5.00", "4.25 s", "12", or "n/a". */
static void write_value(html *h, const metrics *m, metric_id id)
{
    const metric_value *v = &m->m[id];
    if (metrics_kind(id) == METRIC_KIND_OUTCOMES) {
        out(h, "good %ld &#183; neutral %ld &#183; harm %ld", m->outcomes[LOG_OUTCOME_GOOD],
            m->outcomes[LOG_OUTCOME_NEUTRAL], m->outcomes[LOG_OUTCOME_HARM]);
    } else if (!v->has) {
        out(h, "<span class=\"na\">n/a</span>");
    } else if (metrics_kind(id) == METRIC_KIND_PROPORTION && v->den < METRICS_SMALL_N) {
        /* "1 of 1", not "100%", and marked: too few to read as a rate */
        out(h, "%ld of %ld <span class=\"basis\">(fewer than %d: a small sample)</span>", v->num,
            v->den, METRICS_SMALL_N);
    } else if (metrics_kind(id) == METRIC_KIND_PROPORTION) {
        out(h, "%.1f%%", 100.0 * v->value);
    } else if (metrics_kind(id) == METRIC_KIND_COUNT) {
        out(h, "%.0f", v->value);
    } else if (is_ms(id)) {
        write_seconds(h, v->value);
    } else if (id == METRIC_DISCRIMINATION) {
        out(h, "%+.2f", v->value);
    } else {
        out(h, "%.2f", v->value);
    }
}

/* Its basis: "2 / 3, 95% CI 20.8–93.9%", "n = 4", or nothing for counts. */
static void write_basis(html *h, const metric_value *v, metric_kind kind)
{
    if (kind == METRIC_KIND_PROPORTION && v->has)
        out(h, "%ld&#8239;/&#8239;%ld, 95%% CI %.1f&#8211;%.1f%%", v->num, v->den,
            100.0 * v->ci_low, 100.0 * v->ci_high);
    else if (kind == METRIC_KIND_PROPORTION)
        out(h, "%ld&#8239;/&#8239;%ld", v->num, v->den);
    else if (kind == METRIC_KIND_STAT)
        out(h, "n&#8201;=&#8201;%ld", v->n);
}

/* "67% (2/3)" in one cell, or "n/a (0/0)". */
static void write_prop_cell(html *h, const metric_value *v)
{
    if (v->has)
        out(h, "%.0f%% <span class=\"basis\">(%ld/%ld)</span>", 100.0 * v->value, v->num, v->den);
    else
        out(h, "<span class=\"na\">n/a</span> <span class=\"basis\">(%ld/%ld)</span>", v->num,
            v->den);
}

/* The cells of metrics ids in a table row whose first cell is open:
 * proportions as write_prop_cell, the rest as write_value. Each cell after
 * the first is opened here; the last is left open. */
static void write_cells(html *h, const metrics *m, const metric_id *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            out(h, "</td><td class=\"num\">");
        if (metrics_kind(ids[i]) == METRIC_KIND_PROPORTION)
            write_prop_cell(h, &m->m[ids[i]]);
        else
            write_value(h, m, ids[i]);
    }
}

/* ---- Page frame ---- */

static void write_head(html *h, const metrics *m)
{
    const metrics_key *keys;
    out(h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Appraise debrief: %.0f sessions, %.0f decisions</title>\n<style>\n%s%s"
        "</style>\n</head>\n<body>\n",
        m->m[METRIC_SESSIONS].value, m->m[METRIC_DECISIONS].value, debrief_html_style,
        debrief_html_nodes_style);
    out(h,
        "<header>\n<h1>Appraise debrief</h1>\n<p class=\"lead\">%.0f sessions &#183; %.0f "
        "decisions &#183; %zu trainees &#183; %zu cases",
        m->m[METRIC_SESSIONS].value, m->m[METRIC_DECISIONS].value,
        metrics_set_groups(h->by_trainee), metrics_set_groups(h->by_case));
    if (h->first_at) {
        out(h, " &#183; started ");
        write_time(h, h->first_at);
        if (strcmp(h->first_at, h->last_at) != 0) {
            out(h, " to ");
            write_time(h, h->last_at);
        }
        out(h, " UTC");
    }
    out(h, "</p>\n</header>\n");
    out(h, "<nav><p>Sections: <a href=\"#summary\">summary</a> &#183; <a href=\"#reliance\">"
           "reliance</a> &#183; <a href=\"#trust\">trust</a> &#183; <a href=\"#accuracy\">"
           "accuracy</a> &#183; <a href=\"#times\">times</a> &#183; <a href=\"#trainees\">"
           "trainees</a> &#183; <a href=\"#cases\">cases</a> &#183; ");
    if (h->in->groups && metrics_set_keys(h->in->groups, &keys) > 0)
        out(h, "<a href=\"#groups\">groups</a> &#183; ");
    out(h, "<a href=\"#per-decision\">decision by decision</a> &#183; "
           "<a href=\"#sessions\">sessions</a> &#183; <a href=\"#decisions\">decisions</a> "
           "&#183; <a href=\"#input\">input</a></p></nav>\n");
}

static void write_flags(html *h, const metrics *m)
{
    long incomplete = (long)m->m[METRIC_INCOMPLETE].value;
    size_t n_issues = h->in->n_issues;
    if (incomplete == 0 && n_issues == 0) {
        out(h, "<p class=\"callout ok\">&#10003; Every session ended with a "
               "<code>session_end</code> record and the input raised no problems.</p>\n");
        return;
    }
    out(h, "<div class=\"callout\" role=\"note\">\n");
    if (incomplete > 0)
        out(h,
            "<p class=\"flag\">&#9888; %ld incomplete session%s (no <code>session_end</code>: "
            "cut short by a crash or power cut); every whole record of them is used. "
            "<a href=\"#incomplete\">See the incomplete sessions.</a></p>\n",
            incomplete, incomplete == 1 ? "" : "s");
    if (n_issues > 0)
        out(h,
            "<p class=\"flag\">&#9888; %zu problem%s in the input, each skipped or worked "
            "around. <a href=\"#input\">See the problems.</a></p>\n",
            n_issues, n_issues == 1 ? "" : "s");
    out(h, "</div>\n");
}

static void write_summary(html *h, const metrics *m)
{
    char limits[320];
    out(h, "<section id=\"summary\">\n<h2>Cohort summary</h2>\n");
    out(h, "<p>%s.</p>\n", metrics_sessions_text(m, limits, sizeof limits));
    if (h->in->runs_left_out > 0)
        out(h, "<p>%ld scripted run%s left out; <code>--include-runs</code> counts them.</p>\n",
            h->in->runs_left_out, h->in->runs_left_out == 1 ? "" : "s");
    if (metrics_time_limits_text(m, limits, sizeof limits)[0])
        out(h, "<p>%s.</p>\n", limits);
    debrief_html_table_open(h->f, "Cohort summary");
    out(h, "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Key</th>"
           "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Of</th>"
           "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < METRIC_COUNT; i++) {
        out(h, "<tr><th scope=\"row\">%s</th><td><code>%s</code></td><td class=\"num\">",
            metric_labels[i], metrics_name((metric_id)i));
        write_value(h, m, (metric_id)i);
        out(h, "</td><td class=\"num\">");
        write_basis(h, &m->m[i], metrics_kind((metric_id)i));
        out(h, "</td></tr>\n");
    }
    out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    out(h,
        "<p>A rate is given with its count and its 95%% Wilson score interval (CI); one with "
        "fewer than %d decisions behind it is given as a count (&#8220;1 of 1&#8221;) and "
        "marked as a small sample.</p>\n",
        METRICS_SMALL_N);
    out(h, "<p>n/a: no decision to compute it from (its denominator is "
           "0). Definitions: the session log specification, &#8220;Debrief metrics&#8221;.</p>\n"
           "</section>\n");
}

/* ---- Sections with charts ---- */

static const char *group_name(const metrics_set *s, size_t g)
{
    const char *v = metrics_set_value(s, g, 0);
    return v ? v : "(unknown)";
}

static void write_reliance(html *h, const metrics *cohort)
{
    out(h, "<section id=\"reliance\">\n<div class=\"keep\">\n<h2>Reliance on the AI</h2>\n"
           "<p>Decisions with advice shown, by whether the AI was right and whether the "
           "trainee's final choice followed it. Appropriate reliance is on the diagonal from "
           "top left: follow right advice, override wrong advice. Hatched cells are the "
           "errors of reliance.</p>\n");
    debrief_chart_reliance(&h->ch, "the cohort", cohort, false);
    out(h, "</div>\n</section>\n");
}

/* After the cohort's charts, so a large cohort's table does not push them
 * off the first screens. */
static void write_trainees(html *h, const metrics *cohort)
{
    size_t n = metrics_set_groups(h->by_trainee);
    out(h, "<section id=\"trainees\">\n<h2>Reliance by trainee</h2>\n");
    if (n <= MAX_SMALL_MULTIPLES) {
        out(h, "<div class=\"multiples\">\n");
        for (size_t g = 0; g < n; g++) {
            metrics tm;
            metrics_set_metrics(h->by_trainee, g, &tm);
            debrief_chart_reliance(&h->ch, group_name(h->by_trainee, g), &tm, true);
        }
        out(h, "</div>\n");
    } else {
        out(h, "<p>%zu trainees: the table below gives each one's matrix.</p>\n", n);
    }
    debrief_html_table_open(h->f, "Reliance by trainee");
    out(h, "<thead><tr><th scope=\"col\">Trainee</th>"
           "<th scope=\"col\" class=\"num\">AI right, followed</th>"
           "<th scope=\"col\" class=\"num\">AI right, overrode</th>"
           "<th scope=\"col\" class=\"num\">AI wrong, followed</th>"
           "<th scope=\"col\" class=\"num\">AI wrong, overrode</th>"
           "<th scope=\"col\" class=\"num\">Over-reliance</th>"
           "<th scope=\"col\" class=\"num\">Under-reliance</th>"
           "<th scope=\"col\" class=\"num\">Final accuracy</th></tr></thead>\n<tbody>\n");
    for (size_t g = 0; g <= n; g++) {
        metrics tm;
        const metrics *m = cohort;
        if (g < n) {
            metrics_set_metrics(h->by_trainee, g, &tm);
            m = &tm;
        }
        out(h, "<tr><th scope=\"row\">");
        if (g < n)
            esc(h, group_name(h->by_trainee, g));
        else
            out(h, "Cohort");
        out(h,
            "</th><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld"
            "</td><td class=\"num\">%ld</td><td class=\"num\">",
            m->reliance[1][1], m->reliance[1][0], m->reliance[0][1], m->reliance[0][0]);
        static const metric_id cells[] = {METRIC_OVER_RELIANCE, METRIC_UNDER_RELIANCE,
                                          METRIC_FINAL_ACCURACY};
        write_cells(h, m, cells, sizeof cells / sizeof cells[0]);
        out(h, "</td></tr>\n");
    }
    out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    out(h, "</section>\n");
}

static void write_trust(html *h, const metrics *m)
{
    out(h, "<section id=\"trust\" class=\"keep\">\n<h2>Trust by AI correctness</h2>\n"
           "<p>Each decision's trust rating (1&#8211;7) of the advice it was given. Calibrated "
           "trust is high when the AI is right and low when it is wrong.</p>\n");
    debrief_chart_trust(&h->ch, m);
    out(h, "</section>\n");
}

static void write_accuracy(html *h, const metrics *m)
{
    out(h, "<section id=\"accuracy\" class=\"keep\">\n<h2>Unaided and final accuracy</h2>\n"
           "<p>Unaided: the initial choice, made before the advice (after_initial decisions "
           "only). Final: the committed choice, over every decision with advice shown. Benefit "
           "from good advice shows on the left, harm from bad advice on the right.</p>\n");
    debrief_chart_accuracy(&h->ch, m);
    out(h, "</section>\n");
}

static void write_times(html *h, const metrics *m)
{
    const int64_t *v[3];
    size_t n[3];
    for (int k = 0; k < 3; k++) {
        v[k] = h->ms_final[k].v;
        n[k] = h->ms_final[k].n;
    }
    out(h, "<section id=\"times\" class=\"keep\">\n<h2>Decision times</h2>\n<p>Time to the final "
           "choice: "
           "from the advice shown (or from entering the decision, without advice). Median "
           "over all decisions: ");
    write_value(h, m, METRIC_MEDIAN_MS_FINAL);
    out(h, " (");
    write_basis(h, &m->m[METRIC_MEDIAN_MS_FINAL], METRIC_KIND_STAT);
    out(h, "); to the initial choice: ");
    write_value(h, m, METRIC_MEDIAN_MS_INITIAL);
    out(h, " (");
    write_basis(h, &m->m[METRIC_MEDIAN_MS_INITIAL], METRIC_KIND_STAT);
    out(h, "). Timeouts: %ld of %ld decisions with a time limit in force.</p>\n",
        m->m[METRIC_TIMEOUTS].num, m->m[METRIC_TIMEOUTS].den);
    debrief_chart_times(&h->ch, v, n);
    out(h, "</section>\n");
}

static void write_cases(html *h)
{
    size_t n = metrics_set_groups(h->by_case);
    out(h, "<section id=\"cases\">\n<h2>By case</h2>\n");
    debrief_html_table_open(h->f, "By case");
    out(h, "<thead><tr>"
           "<th scope=\"col\">Case</th><th scope=\"col\" class=\"num\">Sessions</th>"
           "<th scope=\"col\" class=\"num\">Incomplete</th>"
           "<th scope=\"col\" class=\"num\">Decisions</th>"
           "<th scope=\"col\" class=\"num\">AI accuracy</th>"
           "<th scope=\"col\" class=\"num\">Final accuracy</th>"
           "<th scope=\"col\" class=\"num\">Over-reliance</th>"
           "<th scope=\"col\" class=\"num\">Under-reliance</th>"
           "<th scope=\"col\" class=\"num\">Median time</th>"
           "<th scope=\"col\">Endings</th></tr></thead>\n<tbody>\n");
    for (size_t g = 0; g < n; g++) {
        metrics cm;
        const metrics *m = &cm;
        metrics_set_metrics(h->by_case, g, &cm);
        out(h, "<tr><th scope=\"row\">");
        esc(h, group_name(h->by_case, g));
        out(h,
            "</th><td class=\"num\">%.0f</td><td class=\"num\">%s%.0f</td>"
            "<td class=\"num\">%.0f</td><td class=\"num\">",
            m->m[METRIC_SESSIONS].value, m->m[METRIC_INCOMPLETE].value > 0 ? "&#9888; " : "",
            m->m[METRIC_INCOMPLETE].value, m->m[METRIC_DECISIONS].value);
        static const metric_id cells[] = {METRIC_AI_ACCURACY, METRIC_FINAL_ACCURACY,
                                          METRIC_OVER_RELIANCE, METRIC_UNDER_RELIANCE,
                                          METRIC_MEDIAN_MS_FINAL};
        write_cells(h, m, cells, sizeof cells / sizeof cells[0]);
        out(h, "</td><td>");
        write_value(h, m, METRIC_OUTCOMES);
        out(h, "</td></tr>\n");
    }
    out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    out(h, "</section>\n");
}

/* The command line's --by groups, when it named any: one row each. */
static void write_by_groups(html *h)
{
    const metrics_set *set = h->in->groups;
    const metrics_key *keys;
    size_t n_keys, n;
    if (!set || (n_keys = metrics_set_keys(set, &keys)) == 0)
        return;
    n = metrics_set_groups(set);
    out(h, "<section id=\"groups\">\n<h2>By");
    for (size_t k = 0; k < n_keys; k++)
        out(h, "%s %s", k == 0 ? "" : ",", metrics_key_name(keys[k]));
    out(h, "</h2>\n");
    debrief_html_table_open(h->f, "By group");
    out(h, "<thead><tr>");
    for (size_t k = 0; k < n_keys; k++)
        out(h, "<th scope=\"col\">%s</th>", metrics_key_name(keys[k]));
    out(h, "<th scope=\"col\" class=\"num\">Sessions</th>"
           "<th scope=\"col\" class=\"num\">Decisions</th>"
           "<th scope=\"col\" class=\"num\">Final accuracy</th>"
           "<th scope=\"col\" class=\"num\">Over-reliance</th>"
           "<th scope=\"col\" class=\"num\">Under-reliance</th>"
           "<th scope=\"col\" class=\"num\">Trust AUROC</th>"
           "<th scope=\"col\" class=\"num\">Median time</th></tr></thead>\n<tbody>\n");
    for (size_t g = 0; g < n && g < MAX_SESSION_ROWS; g++) {
        metrics m;
        metrics_set_metrics(set, g, &m);
        out(h, "<tr>");
        for (size_t k = 0; k < n_keys; k++) {
            out(h, "<td>");
            esc_or_dash(h, metrics_set_value(set, g, k));
            out(h, "</td>");
        }
        out(h, "<td class=\"num\">%.0f</td><td class=\"num\">%.0f</td><td class=\"num\">",
            m.m[METRIC_SESSIONS].value, m.m[METRIC_DECISIONS].value);
        static const metric_id cells[] = {METRIC_FINAL_ACCURACY, METRIC_OVER_RELIANCE,
                                          METRIC_UNDER_RELIANCE, METRIC_TRUST_AUROC,
                                          METRIC_MEDIAN_MS_FINAL};
        write_cells(h, &m, cells, sizeof cells / sizeof cells[0]);
        out(h, "</td></tr>\n");
    }
    out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    if (n > MAX_SESSION_ROWS)
        out(h,
            "<p>The first %d of %zu groups are listed; <code>--json</code> has every one."
            "</p>\n",
            MAX_SESSION_ROWS, n);
    out(h, "</section>\n");
}

/* ---- Sessions ---- */

static void write_status(html *h, const session_row *r)
{
    switch (r->status) {
    case LOG_COMPLETE:
        out(h, "<span class=\"ok-mark\">&#10003;</span> complete");
        break;
    case LOG_QUIT:
        out(h, "&#8617; quit");
        break;
    case LOG_ERROR:
        out(h, "<span class=\"flag bad-mark\">&#10007; error</span>");
        if (r->error) {
            out(h, ": ");
            esc(h, r->error);
        }
        break;
    case LOG_INCOMPLETE:
        out(h, "<span class=\"flag\">&#9888; incomplete</span>");
        break;
    }
}

static void write_session_rows(html *h, const row_list *l, const char *label)
{
    debrief_html_table_open(h->f, label);
    out(h, "<thead><tr><th scope=\"col\">Session</th>"
           "<th scope=\"col\">Trainee</th>"
           "<th scope=\"col\">Case (version)</th><th scope=\"col\">Variant</th>"
           "<th scope=\"col\">Started (UTC)</th><th scope=\"col\">Status</th>"
           "<th scope=\"col\" class=\"num\">Decisions</th><th scope=\"col\">Endings</th>"
           "<th scope=\"col\">File</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < l->n; i++) {
        const session_row *r = &l->v[i];
        bool flagged = r->status == LOG_INCOMPLETE || r->status == LOG_ERROR;
        out(h, "<tr%s><td class=\"id\"><code>", flagged ? " class=\"flagged\"" : "");
        esc_or_dash(h, r->id);
        out(h, "</code></td><td>");
        esc_or_dash(h, r->trainee);
        out(h, "</td><td>");
        esc_or_dash(h, r->case_id);
        if (r->case_version) {
            out(h, " (");
            esc(h, r->case_version);
            out(h, ")");
        }
        out(h, "</td><td>");
        esc_or_dash(h, r->variant);
        out(h, "</td><td>");
        write_time(h, r->started_at);
        out(h, "</td><td>");
        write_status(h, r);
        out(h, "</td><td class=\"num\">%zu</td><td>", r->n_decisions);
        write_outcomes(h, r->outcomes);
        out(h, "</td><td class=\"file\"><code>");
        esc_or_dash(h, r->file);
        out(h, "</code></td></tr>\n");
    }
    out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    if ((long)l->n < l->total)
        out(h,
            "<p>The first %zu of %ld are listed; every one is in the figures above and in "
            "<code>--csv</code>.</p>\n",
            l->n, l->total);
}

static void write_sessions(html *h)
{
    out(h, "<section id=\"sessions\">\n<h2>Sessions</h2>\n");
    out(h, "<h3 id=\"incomplete\">Incomplete sessions</h3>\n");
    if (h->incomplete.total == 0)
        out(h, "<p>None: every session has its <code>session_end</code>.</p>\n");
    else
        write_session_rows(h, &h->incomplete, "Incomplete sessions");
    /* Open, so that print shows it; a presenter can fold it away. */
    out(h,
        "<h3>All sessions</h3>\n<p>&#9888; marks a session cut short and &#10007; one that "
        "ended in an error; their rows are shaded and edged.</p>\n<details open>\n"
        "<summary>The table of every session (%zu row%s)</summary>\n",
        h->sessions.n, h->sessions.n == 1 ? "" : "s");
    write_session_rows(h, &h->sessions, "All sessions");
    out(h, "</details>\n");
    out(h, "</section>\n");
}

/* ---- Input problems ---- */

static void write_input(html *h)
{
    const log_read_stats *st = h->in->stats;
    out(h, "<section id=\"input\">\n<h2>What was read</h2>\n");
    if (st) {
        out(h, "<p>%ld files, %ld records, %ld sessions, %ld decisions.</p>\n", st->files,
            st->records, st->sessions, st->decisions);
        debrief_html_table_open(h->f, "Problems by kind");
        out(h, "<thead><tr><th scope=\"col\">Problem</th><th scope=\"col\" "
               "class=\"num\">Count</th></tr></thead>\n<tbody>\n");
        for (int k = 0; k < LOG_ISSUE_KINDS; k++) {
            if (st->issues[k] == 0)
                continue;
            out(h, "<tr><td>");
            esc(h, log_issue_name((log_issue_kind)k));
            out(h, "</td><td class=\"num\">%ld</td></tr>\n", st->issues[k]);
        }
        out(h, "</tbody>\n");
        debrief_html_table_close(h->f);
    }
    if (h->in->n_issues == 0) {
        out(h, "<p>No problems found in the input.</p>\n");
    } else {
        out(h, "<ul>\n");
        for (size_t i = 0; i < h->in->n_issues && i < MAX_ISSUE_ROWS; i++) {
            out(h, "<li><code>");
            esc(h, h->in->issues[i]);
            out(h, "</code></li>\n");
        }
        out(h, "</ul>\n");
        if (h->in->n_issues > MAX_ISSUE_ROWS)
            out(h,
                "<p>The first %d of %zu are listed; <code>appraise debrief</code> prints every "
                "one on stderr.</p>\n",
                MAX_ISSUE_ROWS, h->in->n_issues);
    }
    out(h, "</section>\n");
}

/* ---- The writer ---- */

static void html_free(html *h)
{
    metrics_set_free(h->cohort);
    metrics_set_free(h->by_trainee);
    metrics_set_free(h->by_case);
    debrief_nodes_free(h->nodes);
    for (int k = 0; k < 3; k++)
        mem_free(h->ms_final[k].v);
    rows_free(&h->sessions);
    rows_free(&h->incomplete);
    mem_free(h->first_at);
    mem_free(h->last_at);
}

static int write_page(html *h, apperr *e)
{
    metrics cohort;
    const metrics *m = &cohort;
    metrics_set_metrics(h->cohort, 0, &cohort);
    h->ch.f = h->f;
    write_head(h, m);
    out(h, "<main>\n");
    write_flags(h, m);
    write_summary(h, m);
    /* a failed write shows in ferror(), checked once the page is written */
    (void)debrief_html_caught_out(h->f, h->nodes);
    write_reliance(h, m);
    write_trust(h, m);
    write_accuracy(h, m);
    write_times(h, m);
    write_trainees(h, m);
    write_cases(h);
    write_by_groups(h);
    (void)debrief_html_nodes(h->f, h->nodes);
    write_sessions(h);
    if (debrief_html_decisions(h->f, h->in, (long)m->m[METRIC_DECISIONS].value, MAX_DECISION_ROWS,
                               e) != 0)
        return -1;
    write_input(h);
    out(h, "</main>\n<footer><p>Written by <code>appraise debrief --html</code>. Metric "
           "definitions: the session log specification (decision-log.md).</p></footer>\n"
           "</body>\n</html>\n");
    return 0;
}

int debrief_write_html(const char *path, const debrief_report_in *in, apperr *e)
{
    html h;
    int rc;
    memset(&h, 0, sizeof h);
    h.in = in;
    if (pass1(&h, e) != 0) {
        html_free(&h);
        return -1;
    }
    h.f = fopen(path, "w");
    if (!h.f) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: %s", strerror(errno));
        html_free(&h);
        return -1;
    }
    rc = write_page(&h, e);
    if (ferror(h.f) && rc == 0) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    if (fclose(h.f) != 0 && rc == 0) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    html_free(&h);
    return rc;
}
