/* debrief --html: one self-contained page for a debrief room and for print.
 * No scripts, no network, inline CSS; charts are inline SVG, each with a
 * <title>, a <desc>, axis labels and a table that says the same in words.
 * Colours are the Okabe-Ito palette (safe for colour-blind readers) and
 * never carry meaning alone: shapes, hatching, symbols and text do too.
 *
 * The page in the order of a debrief: one screen of summary (the three
 * figures that matter, in plain words, and the decision that caught most
 * out), the per-decision view (debrief_nodes.h), the variants compared,
 * each trainee, then the appendix (tools/debrief_html_parts.c), its long
 * tables folded in <details>.
 *
 * Two streaming passes over the logs: the first fills the metrics (cohort,
 * by trainee, by case, by case and variant), the per-decision aggregate,
 * the decision times and the session list; the second writes the table of
 * every decision straight to the file (debrief_html_table.c). Memory stays
 * bounded by the row caps, whatever the cohort's size. */
#include "debrief_report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief_chart.h"
#include "debrief_fmt.h"
#include "debrief_html.h"
#include "debrief_html_style.h"
#include "debrief_html_rate.h"
#include "debrief_html_table.h"
#include "debrief_nodes.h"
#include "debrief_words.h"
#include "mem.h"
#include "out_file.h"

/* ---- Output helpers ---- */

void debrief_html_out(debrief_html *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(h->f, fmt, ap);
    va_end(ap);
}

void debrief_html_esc(debrief_html *h, const char *s)
{
    debrief_fmt_html(h->f, s);
}

/* s, or an em dash for a null in a table cell. */
void debrief_html_esc_or_dash(debrief_html *h, const char *s)
{
    if (s)
        debrief_html_esc(h, s);
    else
        debrief_html_out(h, "<span class=\"null\">&#8212;</span>");
}

/* A log timestamp as "2026-11-27 09:14:03" (UTC, as every `at` is); other
 * text as it is. */
void debrief_html_time(debrief_html *h, const char *at)
{
    if (!debrief_fmt_is_timestamp(at)) {
        debrief_html_esc_or_dash(h, at);
        return;
    }
    debrief_html_out(h, "<span class=\"time\">%.10s %.8s</span>", at, at + 11);
}

const char *debrief_html_group_name(const metrics_set *s, size_t g)
{
    const char *v = metrics_set_value(s, g, 0);
    return v ? v : "(unknown)";
}

/* ---- Pass 1: metrics, times, sessions ---- */

/* "session" for 1, "sessions" otherwise: the page's header counts. */
static const char *plural(double n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void times_add(debrief_html *h, debrief_html_times *t, int64_t ms)
{
    int64_t *v = mem_grow(t->v, &t->cap, t->n + 1, sizeof *v);
    if (!v) {
        h->oom = true;
        return;
    }
    t->v = v;
    t->v[t->n++] = ms;
}

static void add_times(debrief_html *h, const log_session *s)
{
    for (size_t i = 0; i < s->n_decisions; i++) {
        const log_decision *d = &s->decisions[i];
        int k = DEBRIEF_HTML_NO_ADVICE;
        if (!d->has_ms_final)
            continue;
        if (metrics_advice_shown(d) && d->has_ai_correct)
            k = d->ai_correct ? DEBRIEF_HTML_AI_RIGHT : DEBRIEF_HTML_AI_WRONG;
        else if (metrics_advice_shown(d))
            continue; /* advice of unknown correctness: in no row */
        times_add(h, &h->ms_final[k], d->ms_final);
    }
}

/* Copies the session's texts into r, all in one block (NULL stays NULL). */
static void row_texts(debrief_html *h, debrief_html_row *r, const log_session *s)
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

static void row_add(debrief_html *h, debrief_html_rows *l, const log_session *s)
{
    debrief_html_row *r;
    l->total++;
    if (l->n >= DEBRIEF_HTML_MAX_SESSION_ROWS)
        return;
    debrief_html_row *v = mem_grow(l->v, &l->cap, l->n + 1, sizeof *v);
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

static void rows_free(debrief_html_rows *l)
{
    for (size_t i = 0; i < l->n; i++)
        mem_free(l->v[i].texts);
    mem_free(l->v);
}

/* Replaces *slot with a copy of s. */
static void keep_copy(debrief_html *h, char **slot, const char *s)
{
    mem_free(*slot);
    if (!(*slot = mem_strdup(s)))
        h->oom = true;
}

/* Keeps the earliest and latest start, for the page's heading (the log's
 * timestamps are all UTC in one format, so bytes order them). */
static void note_span(debrief_html *h, const char *at)
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
    debrief_html *h = ctx;
    if (!debrief_counts(h->in, s))
        return 0;
    if (metrics_set_add(h->cohort, s) != 0 || metrics_set_add(h->by_trainee, s) != 0 ||
        metrics_set_add(h->by_case, s) != 0 || metrics_set_add(h->by_case_variant, s) != 0 ||
        debrief_nodes_add(h->nodes, s) != 0)
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

static int pass1(debrief_html *h, apperr *e)
{
    metrics_key trainee = METRICS_BY_TRAINEE, kcase = METRICS_BY_CASE;
    metrics_key case_variant[] = {METRICS_BY_CASE, METRICS_BY_VARIANT};
    log_read_opts o = {.on_session = on_session_pass1, .ctx = h, .keep = debrief_nodes_keep()};
    if (metrics_set_new(&h->cohort, NULL, 0) != 0 ||
        metrics_set_new(&h->by_trainee, &trainee, 1) != 0 ||
        metrics_set_new(&h->by_case, &kcase, 1) != 0 ||
        metrics_set_new(&h->by_case_variant, case_variant, 2) != 0 ||
        !(h->nodes = debrief_nodes_new(true))) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory writing the HTML report");
        return -1;
    }
    if (log_read_paths(h->in->paths, h->in->n_paths, &o, NULL, e) != 0)
        return -1;
    metrics_set_finish(h->cohort);
    metrics_set_finish(h->by_trainee);
    metrics_set_finish(h->by_case);
    metrics_set_finish(h->by_case_variant);
    debrief_nodes_finish(h->nodes);
    for (int k = 0; k < 3; k++) {
        if (h->ms_final[k].n > 0)
            qsort(h->ms_final[k].v, h->ms_final[k].n, sizeof(int64_t), cmp_i64);
    }
    return 0;
}

static bool is_ms(metric_id id)
{
    return id == METRIC_MEDIAN_MS_FINAL || id == METRIC_MEDIAN_MS_INITIAL;
}

static void write_seconds(debrief_html *h, double ms)
{
    debrief_html_out(h, "%.2f&#8201;s", ms / 1000.0);
}

/* The figure itself: "66.7%", "5.00", "4.25 s", "12", or "n/a". */
void debrief_html_value(debrief_html *h, const metrics *m, metric_id id)
{
    const metric_value *v = &m->m[id];
    if (metrics_kind(id) == METRIC_KIND_OUTCOMES) {
        debrief_html_out(h, "good %ld &#183; neutral %ld &#183; harm %ld",
                         m->outcomes[LOG_OUTCOME_GOOD], m->outcomes[LOG_OUTCOME_NEUTRAL],
                         m->outcomes[LOG_OUTCOME_HARM]);
    } else if (!v->has) {
        debrief_html_out(h, "<span class=\"na\">n/a</span>");
    } else if (metrics_kind(id) == METRIC_KIND_PROPORTION) {
        debrief_html_rate_figure(h->f, v->num, v->den);
    } else if (metrics_kind(id) == METRIC_KIND_COUNT) {
        debrief_html_out(h, "%.0f", v->value);
    } else if (is_ms(id)) {
        write_seconds(h, v->value);
    } else if (id == METRIC_DISCRIMINATION) {
        debrief_html_out(h, "%+.2f", v->value);
    } else {
        debrief_html_out(h, "%.2f", v->value);
    }
}

/* Its basis: "2 / 3, 95% CI 20.8–93.9%", "n = 4", or nothing for counts. */
void debrief_html_basis(debrief_html *h, const metric_value *v, metric_kind kind)
{
    if (kind == METRIC_KIND_PROPORTION)
        debrief_html_rate_basis(h->f, v->num, v->den);
    else if (kind == METRIC_KIND_STAT)
        debrief_html_out(h, "n&#8201;=&#8201;%ld", v->n);
}

/* The cells of metrics ids in a table row whose first cell is open:
 * proportions as debrief_html_rate_cell, the rest as debrief_html_value. Each cell after
 * the first is opened here; the last is left open. */
void debrief_html_cells(debrief_html *h, const metrics *m, const metric_id *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            debrief_html_out(h, "</td><td class=\"num\">");
        if (metrics_kind(ids[i]) == METRIC_KIND_PROPORTION)
            debrief_html_rate_cell(h->f, m->m[ids[i]].num, m->m[ids[i]].den);
        else
            debrief_html_value(h, m, ids[i]);
    }
}

/* ---- Page frame ---- */

/* Whether some case ran under more than one variant (by_case_variant has
 * two groups of one case side by side). */
static bool has_variants(const debrief_html *h)
{
    const metrics_set *s = h->by_case_variant;
    for (size_t g = 1; g < metrics_set_groups(s); g++) {
        const char *a = metrics_set_value(s, g - 1, 0), *b = metrics_set_value(s, g, 0);
        if (a && b && strcmp(a, b) == 0)
            return true;
    }
    return false;
}

static void write_head(debrief_html *h, const metrics *m)
{
    const metrics_key *keys;
    debrief_html_out(h,
                     "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>Appraise debrief: %.0f sessions, %.0f decisions</title>\n<style>\n%s%s"
                     "</style>\n</head>\n<body>\n",
                     m->m[METRIC_SESSIONS].value, m->m[METRIC_DECISIONS].value, debrief_html_style,
                     debrief_html_nodes_style);
    debrief_html_out(
        h,
        "<header>\n<h1>Appraise debrief</h1>\n<p class=\"lead\">%.0f %s &#183; %.0f %s &#183; "
        "%zu %s &#183; %zu %s",
        m->m[METRIC_SESSIONS].value, plural(m->m[METRIC_SESSIONS].value, "session", "sessions"),
        m->m[METRIC_DECISIONS].value, plural(m->m[METRIC_DECISIONS].value, "decision", "decisions"),
        metrics_set_groups(h->by_trainee),
        plural((double)metrics_set_groups(h->by_trainee), "trainee", "trainees"),
        metrics_set_groups(h->by_case),
        plural((double)metrics_set_groups(h->by_case), "case", "cases"));
    if (h->first_at) {
        debrief_html_out(h, " &#183; started ");
        debrief_html_time(h, h->first_at);
        if (strcmp(h->first_at, h->last_at) != 0) {
            debrief_html_out(h, " to ");
            debrief_html_time(h, h->last_at);
        }
        debrief_html_out(h, " UTC");
    }
    debrief_html_out(h, "</p>\n</header>\n");
    debrief_html_out(h, "<nav><p>Sections: <a href=\"#summary\">summary</a> &#183; "
                        "<a href=\"#per-decision\">decision by decision</a> &#183; ");
    if (has_variants(h))
        debrief_html_out(h, "<a href=\"#variants\">variants</a> &#183; ");
    debrief_html_out(h,
                     "<a href=\"#trainees\">trainees</a> &#183; <a href=\"#appendix\">"
                     "appendix</a>: <a href=\"#charts\">charts</a> &#183; <a href=\"#figures\">"
                     "every figure</a> &#183; <a href=\"#research\">research measures</a> &#183; "
                     "<a href=\"#cases\">cases</a> &#183; ");
    if (h->in->groups && metrics_set_keys(h->in->groups, &keys) > 0)
        debrief_html_out(h, "<a href=\"#groups\">groups</a> &#183; ");
    debrief_html_out(h, "<a href=\"#sessions\">sessions</a> &#183; <a href=\"#every-decision\">"
                        "every decision</a> &#183; <a href=\"#input\">input</a> &#183; "
                        "<a href=\"#definitions\">definitions</a></p></nav>\n");
}

static void write_flags(debrief_html *h, const metrics *m)
{
    long incomplete = (long)m->m[METRIC_INCOMPLETE].value;
    size_t n_issues = h->in->n_issues;
    if (incomplete == 0 && n_issues == 0) {
        debrief_html_out(h,
                         "<p class=\"callout ok\">&#10003; Every session ended with a "
                         "<code>session_end</code> record and the input raised no problems.</p>\n");
        return;
    }
    debrief_html_out(h, "<div class=\"callout\" role=\"note\">\n");
    if (incomplete > 0)
        debrief_html_out(
            h,
            "<p class=\"flag\">&#9888; %ld incomplete session%s (no <code>session_end</code>: "
            "cut short by a crash or power cut); every whole record of them is used. "
            "<a href=\"#incomplete\">See the incomplete sessions.</a></p>\n",
            incomplete, incomplete == 1 ? "" : "s");
    if (n_issues > 0)
        debrief_html_out(
            h,
            "<p class=\"flag\">&#9888; %zu problem%s in the input, each skipped or worked "
            "around. <a href=\"#input\">See the problems.</a></p>\n",
            n_issues, n_issues == 1 ? "" : "s");
    debrief_html_out(h, "</div>\n");
}

/* One of the three figures that matter, as a card: its name, the figure
 * with its basis, and the plain sentence ("Over-reliance: following advice
 * that was wrong. Lower is better; the cohort followed wrong advice 21
 * times out of 54."). */
static void write_headline(debrief_html *h, const metrics *m, metric_id id)
{
    char text[512];
    debrief_html_out(h, "<div class=\"headline\">\n<h3>");
    debrief_html_esc(h, debrief_words(id)->name);
    debrief_html_out(h, "</h3>\n<p class=\"big\">");
    debrief_html_value(h, m, id);
    debrief_html_out(h, "</p>\n<p class=\"basis\">");
    debrief_html_basis(h, &m->m[id], metrics_kind(id));
    debrief_html_out(h, "</p>\n<p>");
    debrief_html_esc(h, debrief_words_sentence(id, m, "the cohort", text, sizeof text));
    debrief_html_out(h, "</p>\n</div>\n");
}

/* --compare: the three figures of this group beside the other group's. */
static void write_compare(debrief_html *h, const metrics *m)
{
    metrics other;
    char text[320];
    metrics_set_metrics(h->in->compare, 0, &other);
    debrief_html_out(h, "<h3 id=\"compare\">Beside the other group</h3>\n<p>The other group: ");
    debrief_html_esc(h, h->in->compare_label);
    debrief_html_out(h, ", %s.</p>\n", metrics_sessions_text(&other, text, sizeof text));
    debrief_html_table_open(h->f, "This group beside the other group");
    debrief_html_out(h, "<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\" "
                        "class=\"num\">This group</th><th scope=\"col\" class=\"num\">The "
                        "other group</th></tr></thead>\n<tbody>\n");
    static const metric_id rows[] = {METRIC_OVER_RELIANCE,  METRIC_UNDER_RELIANCE,
                                     METRIC_FINAL_ACCURACY, METRIC_UNAIDED_ACCURACY,
                                     METRIC_AI_ACCURACY,    METRIC_DECISIONS};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        debrief_html_out(h, "<tr><th scope=\"row\">");
        debrief_html_esc(h, debrief_words(rows[i])->name);
        debrief_html_out(h, "</th><td class=\"num\">");
        debrief_html_cells(h, m, &rows[i], 1);
        debrief_html_out(h, "</td><td class=\"num\">");
        debrief_html_cells(h, &other, &rows[i], 1);
        debrief_html_out(h, "</td></tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
}

/* The first screen: what was counted, the three figures that matter in
 * plain words, the other group's beside them (--compare), and the decision
 * that caught most out. The full table of figures is in the appendix. */
static void write_summary(debrief_html *h, const metrics *m)
{
    char text[320];
    debrief_html_out(h, "<section id=\"summary\">\n<h2>Summary</h2>\n");
    debrief_html_out(h, "<p>%s.</p>\n", metrics_sessions_text(m, text, sizeof text));
    if (h->in->runs_left_out > 0)
        debrief_html_out(h,
                         "<p>%ld practice session%s left out; <code>--include-runs</code> counts "
                         "them.</p>\n",
                         h->in->runs_left_out, h->in->runs_left_out == 1 ? "" : "s");
    if (metrics_time_limits_text(m, text, sizeof text)[0])
        debrief_html_out(h, "<p>%s.</p>\n", text);
    debrief_html_out(h, "<div class=\"headlines\">\n");
    for (int i = 0; i < DEBRIEF_WORDS_HEADLINES; i++)
        write_headline(h, m, debrief_words_headlines[i]);
    debrief_html_out(h, "</div>\n");
    if (h->in->compare)
        write_compare(h, m);
    /* A failed write shows in ferror, checked once the page is written. */
    (void)debrief_html_caught_out(h->f, h->nodes);
    debrief_html_out(h,
                     "<p class=\"basis\">Each rate with its count and 95%% confidence "
                     "interval (CI); fewer than %d decisions: a count, marked as a small "
                     "sample. What each figure means: <a href=\"#definitions\">definitions "
                     "and sources</a>.</p>\n</section>\n",
                     METRICS_SMALL_N);
}

/* The heart of the debrief: a block per decision, in play order
 * (debrief_nodes.h); a failed write shows in ferror, as above. */
static void write_decisions(debrief_html *h)
{
    (void)debrief_html_nodes(h->f, h->nodes);
}

/* ---- The writer ---- */

static void html_free(debrief_html *h)
{
    metrics_set_free(h->cohort);
    metrics_set_free(h->by_trainee);
    metrics_set_free(h->by_case);
    metrics_set_free(h->by_case_variant);
    debrief_nodes_free(h->nodes);
    for (int k = 0; k < 3; k++)
        mem_free(h->ms_final[k].v);
    rows_free(&h->sessions);
    rows_free(&h->incomplete);
    mem_free(h->first_at);
    mem_free(h->last_at);
}

static int write_page(debrief_html *h, apperr *e)
{
    metrics cohort;
    const metrics *m = &cohort;
    metrics_set_metrics(h->cohort, 0, &cohort);
    h->ch.f = h->f;
    write_head(h, m);
    debrief_html_out(h, "<main>\n");
    write_flags(h, m);
    write_summary(h, m);
    write_decisions(h);
    debrief_html_variants(h);
    debrief_html_trainees(h, m);
    debrief_html_out(h, "<section id=\"appendix\">\n<h2>Appendix</h2>\n");
    debrief_html_cohort_charts(h, m);
    debrief_html_all_figures(h, m);
    debrief_html_research(h, m);
    debrief_html_cases(h);
    debrief_html_by_groups(h);
    debrief_html_sessions(h);
    if (debrief_html_decisions(h->f, h->in, (long)m->m[METRIC_DECISIONS].value,
                               DEBRIEF_HTML_MAX_DECISION_ROWS, e) != 0)
        return -1;
    debrief_html_input(h);
    debrief_html_definitions(h);
    debrief_html_out(h, "</section>\n</main>\n<footer><p>Written by <code>appraise debrief "
                        "--html</code>. Metric definitions: the session log specification "
                        "(decision-log.md).</p></footer>\n</body>\n</html>\n");
    return 0;
}

int debrief_write_html(const char *path, const debrief_report_in *in, apperr *e)
{
    debrief_html h;
    int rc;
    memset(&h, 0, sizeof h);
    h.in = in;
    if (pass1(&h, e) != 0) {
        html_free(&h);
        return -1;
    }
    out_file out;
    if (out_open(&out, path, e) != 0) {
        html_free(&h);
        return -1;
    }
    h.f = out.f;
    rc = write_page(&h, e);
    rc = out_close(&out, rc == 0, e);
    html_free(&h);
    return rc;
}
