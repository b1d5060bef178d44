/* debrief --html, the parts after the per-decision view: the variants
 * compared, reliance by trainee, and the appendix (the cohort's charts,
 * every figure, by case, the --by groups, the sessions, every decision,
 * what was read, and the definitions and sources). Long tables are folded
 * in <details>, so that the page a facilitator scrolls stays short; folded,
 * they still print. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "debrief_chart.h"
#include "debrief_fmt.h"
#include "debrief_html.h"
#include "debrief_html_table.h"
#include "debrief_words.h"

/* "good 1 · harm 1", only the outcomes reached; a dash when none. */
static void write_outcomes(debrief_html *h, const int *o)
{
    bool any = false;
    for (int k = 0; k < LOG_OUTCOMES; k++) {
        if (o[k] == 0)
            continue;
        debrief_html_out(h, "%s%s&#160;%d", any ? " &#183; " : "", log_outcome_name((log_outcome)k),
                         o[k]);
        any = true;
    }
    if (!any)
        debrief_html_out(h, "<span class=\"null\">&#8212;</span>");
}

/* ---- The cohort's charts ---- */

static void write_reliance(debrief_html *h, const metrics *cohort)
{
    debrief_html_out(
        h, "<section id=\"reliance\">\n<div class=\"keep\">\n<h4>Reliance on the AI</h4>\n"
           "<p>Decisions with advice shown, by whether the AI was right and whether the "
           "trainee's final choice followed it. Appropriate reliance is on the diagonal from "
           "top left: follow right advice, override wrong advice. Hatched cells are the "
           "errors of reliance.</p>\n");
    debrief_chart_reliance(&h->ch, "the cohort", cohort, false);
    debrief_html_out(h, "</div>\n</section>\n");
}

/* One row per trainee (the cohort last), then each trainee's reliance
 * matrix folded away: a facilitator reads across the rows; the matrices are
 * there for whoever wants them. */
void debrief_html_trainees(debrief_html *h, const metrics *cohort)
{
    size_t n = metrics_set_groups(h->by_trainee);
    debrief_html_out(h, "<section id=\"trainees\">\n<h2>Reliance by trainee</h2>\n");
    debrief_html_out(h, "<p>Each trainee's decisions with advice: how often they followed the "
                        "advice when it was right and when it was wrong. Over- and under-reliance "
                        "are the two errors of reliance; lower is better for both.</p>\n");
    debrief_html_table_open(h->f, "Reliance by trainee");
    debrief_html_out(h,
                     "<thead><tr><th scope=\"col\">Trainee</th>"
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
        debrief_html_out(h, "<tr><th scope=\"row\">");
        if (g < n)
            debrief_html_esc(h, debrief_html_group_name(h->by_trainee, g));
        else
            debrief_html_out(h, "Cohort");
        debrief_html_out(
            h,
            "</th><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld"
            "</td><td class=\"num\">%ld</td><td class=\"num\">",
            m->reliance[1][1], m->reliance[1][0], m->reliance[0][1], m->reliance[0][0]);
        static const metric_id cells[] = {METRIC_OVER_RELIANCE, METRIC_UNDER_RELIANCE,
                                          METRIC_FINAL_ACCURACY};
        debrief_html_cells(h, m, cells, sizeof cells / sizeof cells[0]);
        debrief_html_out(h, "</td></tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    if (n > 0 && n <= DEBRIEF_HTML_MAX_SMALL_MULTIPLES) {
        debrief_html_out(h,
                         "<details>\n<summary>Each trainee's reliance matrix (%zu chart%s)"
                         "</summary>\n<div class=\"multiples\">\n",
                         n, n == 1 ? "" : "s");
        for (size_t g = 0; g < n; g++) {
            metrics tm;
            metrics_set_metrics(h->by_trainee, g, &tm);
            debrief_chart_reliance(&h->ch, debrief_html_group_name(h->by_trainee, g), &tm, true);
        }
        debrief_html_out(h, "</div>\n</details>\n");
    }
    debrief_html_out(h, "</section>\n");
}

static void write_trust(debrief_html *h, const metrics *m)
{
    debrief_html_out(
        h, "<section id=\"trust\" class=\"keep\">\n<h4>Trust by AI correctness</h4>\n"
           "<p>Each decision's trust rating (1&#8211;7) of the advice it was given. Calibrated "
           "trust is high when the AI is right and low when it is wrong.</p>\n");
    debrief_chart_trust(&h->ch, m);
    debrief_html_out(h, "</section>\n");
}

static void write_accuracy(debrief_html *h, const metrics *m)
{
    debrief_html_out(
        h, "<section id=\"accuracy\" class=\"keep\">\n<h4>Unaided and final accuracy</h4>\n"
           "<p>Unaided: the initial choice, made before the advice (after_initial decisions "
           "only). Final: the committed choice, over every decision with advice shown. Benefit "
           "from good advice shows on the left, harm from bad advice on the right.</p>\n");
    debrief_chart_accuracy(&h->ch, m);
    debrief_html_out(h, "</section>\n");
}

static void write_times(debrief_html *h, const metrics *m)
{
    const int64_t *v[3];
    size_t n[3];
    for (int k = 0; k < 3; k++) {
        v[k] = h->ms_final[k].v;
        n[k] = h->ms_final[k].n;
    }
    debrief_html_out(
        h, "<section id=\"times\" class=\"keep\">\n<h4>Decision times</h4>\n<p>Time to the final "
           "choice: "
           "from the advice shown (or from entering the decision, without advice). Median "
           "over all decisions: ");
    debrief_html_value(h, m, METRIC_MEDIAN_MS_FINAL);
    debrief_html_out(h, " (");
    debrief_html_basis(h, &m->m[METRIC_MEDIAN_MS_FINAL], METRIC_KIND_STAT);
    debrief_html_out(h, "); to the initial choice: ");
    debrief_html_value(h, m, METRIC_MEDIAN_MS_INITIAL);
    debrief_html_out(h, " (");
    debrief_html_basis(h, &m->m[METRIC_MEDIAN_MS_INITIAL], METRIC_KIND_STAT);
    debrief_html_out(h, "). Timeouts: %ld of %ld decisions with a time limit in force.</p>\n",
                     m->m[METRIC_TIMEOUTS].num, m->m[METRIC_TIMEOUTS].den);
    debrief_chart_times(&h->ch, v, n);
    debrief_html_out(h, "</section>\n");
}

void debrief_html_cases(debrief_html *h)
{
    size_t n = metrics_set_groups(h->by_case);
    debrief_html_out(h, "<section id=\"cases\">\n<h3>By case</h3>\n");
    debrief_html_table_open(h->f, "By case");
    debrief_html_out(h, "<thead><tr>"
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
        debrief_html_out(h, "<tr><th scope=\"row\">");
        debrief_html_esc(h, debrief_html_group_name(h->by_case, g));
        debrief_html_out(h,
                         "</th><td class=\"num\">%.0f</td><td class=\"num\">%s%.0f</td>"
                         "<td class=\"num\">%.0f</td><td class=\"num\">",
                         m->m[METRIC_SESSIONS].value,
                         m->m[METRIC_INCOMPLETE].value > 0 ? "&#9888; " : "",
                         m->m[METRIC_INCOMPLETE].value, m->m[METRIC_DECISIONS].value);
        static const metric_id cells[] = {METRIC_AI_ACCURACY, METRIC_FINAL_ACCURACY,
                                          METRIC_OVER_RELIANCE, METRIC_UNDER_RELIANCE,
                                          METRIC_MEDIAN_MS_FINAL};
        debrief_html_cells(h, m, cells, sizeof cells / sizeof cells[0]);
        debrief_html_out(h, "</td><td>");
        debrief_html_value(h, m, METRIC_OUTCOMES);
        debrief_html_out(h, "</td></tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    debrief_html_out(h, "</section>\n");
}

/* The command line's --by groups, when it named any: one row each. */
void debrief_html_by_groups(debrief_html *h)
{
    const metrics_set *set = h->in->groups;
    const metrics_key *keys;
    size_t n_keys, n;
    if (!set || (n_keys = metrics_set_keys(set, &keys)) == 0)
        return;
    n = metrics_set_groups(set);
    debrief_html_out(h, "<section id=\"groups\">\n<h3>By");
    for (size_t k = 0; k < n_keys; k++)
        debrief_html_out(h, "%s %s", k == 0 ? "" : ",", metrics_key_name(keys[k]));
    debrief_html_out(h, "</h3>\n");
    debrief_html_table_open(h->f, "By group");
    debrief_html_out(h, "<thead><tr>");
    for (size_t k = 0; k < n_keys; k++)
        debrief_html_out(h, "<th scope=\"col\">%s</th>", metrics_key_name(keys[k]));
    debrief_html_out(h, "<th scope=\"col\" class=\"num\">Sessions</th>"
                        "<th scope=\"col\" class=\"num\">Decisions</th>"
                        "<th scope=\"col\" class=\"num\">Final accuracy</th>"
                        "<th scope=\"col\" class=\"num\">Over-reliance</th>"
                        "<th scope=\"col\" class=\"num\">Under-reliance</th>"
                        "<th scope=\"col\" class=\"num\">Trust AUROC</th>"
                        "<th scope=\"col\" class=\"num\">Median time</th></tr></thead>\n<tbody>\n");
    for (size_t g = 0; g < n && g < DEBRIEF_HTML_MAX_SESSION_ROWS; g++) {
        metrics m;
        metrics_set_metrics(set, g, &m);
        debrief_html_out(h, "<tr>");
        for (size_t k = 0; k < n_keys; k++) {
            debrief_html_out(h, "<td>");
            debrief_html_esc_or_dash(h, metrics_set_value(set, g, k));
            debrief_html_out(h, "</td>");
        }
        debrief_html_out(h,
                         "<td class=\"num\">%.0f</td><td class=\"num\">%.0f</td><td class=\"num\">",
                         m.m[METRIC_SESSIONS].value, m.m[METRIC_DECISIONS].value);
        static const metric_id cells[] = {METRIC_FINAL_ACCURACY, METRIC_OVER_RELIANCE,
                                          METRIC_UNDER_RELIANCE, METRIC_TRUST_AUROC,
                                          METRIC_MEDIAN_MS_FINAL};
        debrief_html_cells(h, &m, cells, sizeof cells / sizeof cells[0]);
        debrief_html_out(h, "</td></tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    if (n > DEBRIEF_HTML_MAX_SESSION_ROWS)
        debrief_html_out(
            h,
            "<p>The first %d of %zu groups are listed; <code>--json</code> has every one."
            "</p>\n",
            DEBRIEF_HTML_MAX_SESSION_ROWS, n);
    debrief_html_out(h, "</section>\n");
}

/* ---- Sessions ---- */

static void write_status(debrief_html *h, const debrief_html_row *r)
{
    switch (r->status) {
    case LOG_COMPLETE:
        debrief_html_out(h, "<span class=\"ok-mark\">&#10003;</span> complete");
        break;
    case LOG_QUIT:
        debrief_html_out(h, "&#8617; quit");
        break;
    case LOG_ERROR:
        debrief_html_out(h, "<span class=\"flag bad-mark\">&#10007; error</span>");
        if (r->error) {
            debrief_html_out(h, ": ");
            debrief_html_esc(h, r->error);
        }
        break;
    case LOG_INCOMPLETE:
        debrief_html_out(h, "<span class=\"flag\">&#9888; incomplete</span>");
        break;
    }
}

static void write_session_rows(debrief_html *h, const debrief_html_rows *l, const char *label)
{
    debrief_html_table_open(h->f, label);
    debrief_html_out(h,
                     "<thead><tr><th scope=\"col\">Session</th>"
                     "<th scope=\"col\">Trainee</th>"
                     "<th scope=\"col\">Case (version)</th><th scope=\"col\">Variant</th>"
                     "<th scope=\"col\">Started (UTC)</th><th scope=\"col\">Status</th>"
                     "<th scope=\"col\" class=\"num\">Decisions</th><th scope=\"col\">Endings</th>"
                     "<th scope=\"col\">File</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < l->n; i++) {
        const debrief_html_row *r = &l->v[i];
        bool flagged = r->status == LOG_INCOMPLETE || r->status == LOG_ERROR;
        debrief_html_out(h, "<tr%s><td class=\"id\"><code>", flagged ? " class=\"flagged\"" : "");
        debrief_html_esc_or_dash(h, r->id);
        debrief_html_out(h, "</code></td><td>");
        debrief_html_esc_or_dash(h, r->trainee);
        debrief_html_out(h, "</td><td>");
        debrief_html_esc_or_dash(h, r->case_id);
        if (r->case_version) {
            debrief_html_out(h, " (");
            debrief_html_esc(h, r->case_version);
            debrief_html_out(h, ")");
        }
        debrief_html_out(h, "</td><td>");
        debrief_html_esc_or_dash(h, r->variant);
        debrief_html_out(h, "</td><td>");
        debrief_html_time(h, r->started_at);
        debrief_html_out(h, "</td><td>");
        write_status(h, r);
        debrief_html_out(h, "</td><td class=\"num\">%zu</td><td>", r->n_decisions);
        write_outcomes(h, r->outcomes);
        debrief_html_out(h, "</td><td class=\"file\"><code>");
        debrief_html_esc_or_dash(h, r->file);
        debrief_html_out(h, "</code></td></tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    if ((long)l->n < l->total)
        debrief_html_out(
            h,
            "<p>The first %zu of %ld are listed; every one is in the figures above and in "
            "<code>--csv</code>.</p>\n",
            l->n, l->total);
}

void debrief_html_sessions(debrief_html *h)
{
    debrief_html_out(h, "<section id=\"sessions\">\n<h3>Sessions</h3>\n");
    debrief_html_out(h, "<h4 id=\"incomplete\">Incomplete sessions</h4>\n");
    if (h->incomplete.total == 0)
        debrief_html_out(h, "<p>None: every session has its <code>session_end</code>.</p>\n");
    else
        write_session_rows(h, &h->incomplete, "Incomplete sessions");
    /* Open, so that print shows it; a presenter can fold it away. */
    debrief_html_out(
        h,
        "<h4>All sessions</h4>\n<p>&#9888; marks a session cut short and &#10007; one that "
        "ended in an error; their rows are shaded and edged.</p>\n<details>\n"
        "<summary>The table of every session (%zu row%s)</summary>\n",
        h->sessions.n, h->sessions.n == 1 ? "" : "s");
    write_session_rows(h, &h->sessions, "All sessions");
    debrief_html_out(h, "</details>\n");
    debrief_html_out(h, "</section>\n");
}

/* ---- Input problems ---- */

void debrief_html_input(debrief_html *h)
{
    const log_read_stats *st = h->in->stats;
    debrief_html_out(h, "<section id=\"input\">\n<h3>What was read</h3>\n");
    if (st) {
        debrief_html_out(h, "<p>%ld files, %ld records, %ld sessions, %ld decisions.</p>\n",
                         st->files, st->records, st->sessions, st->decisions);
        debrief_html_table_open(h->f, "Problems by kind");
        debrief_html_out(h, "<thead><tr><th scope=\"col\">Problem</th><th scope=\"col\" "
                            "class=\"num\">Count</th></tr></thead>\n<tbody>\n");
        for (int k = 0; k < LOG_ISSUE_KINDS; k++) {
            if (st->issues[k] == 0)
                continue;
            debrief_html_out(h, "<tr><td>");
            debrief_html_esc(h, log_issue_name((log_issue_kind)k));
            debrief_html_out(h, "</td><td class=\"num\">%ld</td></tr>\n", st->issues[k]);
        }
        debrief_html_out(h, "</tbody>\n");
        debrief_html_table_close(h->f);
    }
    if (h->in->n_issues == 0) {
        debrief_html_out(h, "<p>No problems found in the input.</p>\n");
    } else {
        debrief_html_out(h, "<ul>\n");
        for (size_t i = 0; i < h->in->n_issues && i < DEBRIEF_HTML_MAX_ISSUE_ROWS; i++) {
            debrief_html_out(h, "<li><code>");
            debrief_html_esc(h, h->in->issues[i]);
            debrief_html_out(h, "</code></li>\n");
        }
        debrief_html_out(h, "</ul>\n");
        if (h->in->n_issues > DEBRIEF_HTML_MAX_ISSUE_ROWS)
            debrief_html_out(
                h,
                "<p>The first %d of %zu are listed; <code>appraise debrief</code> prints every "
                "one on stderr.</p>\n",
                DEBRIEF_HTML_MAX_ISSUE_ROWS, h->in->n_issues);
    }
    debrief_html_out(h, "</section>\n");
}

/* The cohort's four charts, in the appendix and folded: the summary has
 * already said what matters; a researcher unfolds them (print shows
 * them). */
void debrief_html_cohort_charts(debrief_html *h, const metrics *m)
{
    debrief_html_out(h, "<section id=\"charts\">\n<h3>The cohort's charts</h3>\n<details>\n"
                        "<summary>Reliance, trust, accuracy and decision times (4 charts)"
                        "</summary>\n");
    write_reliance(h, m);
    write_trust(h, m);
    write_accuracy(h, m);
    write_times(h, m);
    debrief_html_out(h, "</details>\n</section>\n");
}

/* Every figure of the spec, with its key, value and basis, folded. */
void debrief_html_all_figures(debrief_html *h, const metrics *m)
{
    debrief_html_out(h,
                     "<section id=\"figures\">\n<h3>Every figure</h3>\n<details>\n"
                     "<summary>The table of every figure (%d rows)</summary>\n",
                     METRIC_COUNT);
    debrief_html_table_open(h->f, "Every figure");
    debrief_html_out(h, "<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">What it "
                        "means</th><th scope=\"col\">Key</th><th scope=\"col\" "
                        "class=\"num\">Value</th><th scope=\"col\" class=\"num\">Of</th></tr>"
                        "</thead>\n<tbody>\n");
    for (int i = 0; i < METRIC_COUNT; i++) {
        const debrief_word *w = debrief_words((metric_id)i);
        debrief_html_out(h, "<tr><th scope=\"row\">");
        debrief_html_esc(h, w->name);
        debrief_html_out(h, "</th><td>");
        debrief_html_esc(h, w->means);
        if (w->good) {
            debrief_html_out(h, ". ");
            debrief_html_esc(h, w->good);
        }
        debrief_html_out(h, "</td><td><code>%s</code></td><td class=\"num\">",
                         metrics_name((metric_id)i));
        debrief_html_value(h, m, (metric_id)i);
        debrief_html_out(h, "</td><td class=\"num\">");
        debrief_html_basis(h, &m->m[i], metrics_kind((metric_id)i));
        debrief_html_out(h, "</td></tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    debrief_html_out(h, "</details>\n</section>\n");
}

/* Whether the case of group g (of by_case_variant) ran under more than one
 * variant: its neighbours share its case (the groups are sorted by case,
 * then variant). */
static bool case_has_variants(const metrics_set *s, size_t g)
{
    const char *c = metrics_set_value(s, g, 0);
    size_t n = metrics_set_groups(s);
    for (size_t k = g > 0 ? g - 1 : g + 1; k < n && k <= g + 1; k += 2) {
        const char *o = metrics_set_value(s, k, 0);
        if ((c == NULL) == (o == NULL) && (!c || strcmp(c, o) == 0))
            return true;
    }
    return false;
}

/* Where a case ran under more than one variant (an AI against a colleague
 * as the adviser, the AI right against the AI wrong…), one row per variant
 * side by side, without --by. Nothing when no case did. */
void debrief_html_variants(debrief_html *h)
{
    const metrics_set *s = h->by_case_variant;
    size_t n = metrics_set_groups(s), rows = 0;
    static const metric_id cells[] = {METRIC_AI_ACCURACY, METRIC_FINAL_ACCURACY,
                                      METRIC_OVER_RELIANCE, METRIC_UNDER_RELIANCE,
                                      METRIC_AGREEMENT};
    for (size_t g = 0; g < n; g++)
        rows += case_has_variants(s, g);
    if (rows == 0)
        return;
    debrief_html_out(h, "<section id=\"variants\">\n<h2>Variants compared</h2>\n<p>Cases played "
                        "under more than one variant (the adviser an AI or a colleague, the "
                        "advice right or wrong…), each variant beside the others.</p>\n");
    debrief_html_table_open(h->f, "Variants compared");
    debrief_html_out(h, "<thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Variant</th>"
                        "<th scope=\"col\" class=\"num\">Sessions</th>"
                        "<th scope=\"col\" class=\"num\">AI accuracy</th>"
                        "<th scope=\"col\" class=\"num\">Final accuracy</th>"
                        "<th scope=\"col\" class=\"num\">Over-reliance</th>"
                        "<th scope=\"col\" class=\"num\">Under-reliance</th>"
                        "<th scope=\"col\" class=\"num\">Agreement</th></tr></thead>\n<tbody>\n");
    for (size_t g = 0; g < n; g++) {
        metrics m;
        if (!case_has_variants(s, g))
            continue;
        metrics_set_metrics(s, g, &m);
        debrief_html_out(h, "<tr><th scope=\"row\">");
        debrief_html_esc_or_dash(h, metrics_set_value(s, g, 0));
        debrief_html_out(h, "</th><td>");
        debrief_html_esc_or_dash(h, metrics_set_value(s, g, 1));
        debrief_html_out(h, "</td><td class=\"num\">%.0f</td><td class=\"num\">",
                         m.m[METRIC_SESSIONS].value);
        debrief_html_cells(h, &m, cells, sizeof cells / sizeof cells[0]);
        debrief_html_out(h, "</td></tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    debrief_html_out(h, "</section>\n");
}

/* Every figure in plain words, its exact definition and its source. */
void debrief_html_definitions(debrief_html *h)
{
    debrief_html_out(h,
                     "<section id=\"definitions\">\n<h3>Definitions and sources</h3>\n"
                     "<p>Every figure counts the decisions of the sessions counted (practice "
                     "runs only with <code>--include-runs</code>). A rate is given with its "
                     "count and its 95%% Wilson score interval (Wilson, &#8220;Probable "
                     "inference, the law of succession, and statistical inference&#8221;, "
                     "JASA 22(158):209&#8211;212, 1927); one with fewer than %d decisions "
                     "behind it is said as a count (&#8220;1 of 1&#8221;) and marked as a "
                     "small sample; n/a: no decision to compute it from.</p>\n<details>\n"
                     "<summary>What each figure means, its definition and source (%d "
                     "figures)</summary>\n<dl class=\"defs\">\n",
                     METRICS_SMALL_N, METRIC_COUNT);
    for (int i = 0; i < METRIC_COUNT; i++) {
        const debrief_word *w = debrief_words((metric_id)i);
        debrief_html_out(h, "<dt>");
        debrief_html_esc(h, w->name);
        debrief_html_out(h, " <code>%s</code></dt>\n<dd>", metrics_name((metric_id)i));
        debrief_html_esc(h, w->means);
        if (w->good) {
            debrief_html_out(h, ". ");
            debrief_html_esc(h, w->good);
        }
        debrief_html_out(h, ".<br>Definition: ");
        debrief_html_esc(h, w->definition);
        debrief_html_out(h, ".");
        if (w->source) {
            debrief_html_out(h, "<br>Source: ");
            debrief_html_esc(h, w->source);
            debrief_html_out(h, ".");
        }
        debrief_html_out(h, "</dd>\n");
    }
    debrief_html_out(h, "</dl>\n</details>\n<p>The session log specification "
                        "(<code>docs/spec/decision-log.md</code>, &#8220;Debrief metrics&#8221;) "
                        "gives each in full.</p>\n</section>\n");
}
