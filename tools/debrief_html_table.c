/* debrief_html_table: the report's table of every decision (see
 * debrief_html_table.h). */
#include "debrief_html_table.h"

#include <stdbool.h>

#include "debrief_fmt.h"
#include "log_reader.h"
#include "metrics.h"

typedef struct table {
    FILE *f;
    long rows, max;
    bool full; /* max rows written: the read was stopped */
    const debrief_report_in *in;
} table;

/* s, or an em dash for a null in a table cell. */
static void esc_or_dash(FILE *f, const char *s)
{
    if (s)
        debrief_fmt_html(f, s);
    else
        fputs("<span class=\"null\">&#8212;</span>", f);
}

/* ✓ or ✗ on screen and paper; "(right)" or "(wrong)" for a screen reader,
 * which would read the symbols as "check mark" and "ballot x". */
static void write_mark(FILE *f, bool has, bool ok)
{
    if (!has)
        return;
    if (ok)
        fputs(" <span class=\"ok-mark\" aria-hidden=\"true\">&#10003;</span>"
              "<span class=\"sr\"> (right)</span>",
              f);
    else
        fputs(" <span class=\"bad-mark\" aria-hidden=\"true\">&#10007;</span>"
              "<span class=\"sr\"> (wrong)</span>",
              f);
}

static void write_yes_no(FILE *f, bool has, bool v)
{
    if (!has)
        fputs("<span class=\"null\">&#8212;</span>", f);
    else
        fputs(v ? "yes" : "no", f);
}

static void write_decision_ai(FILE *f, const log_decision *d)
{
    if (!d->ai) {
        fputs("<span class=\"null\">&#8212;</span>", f);
        return;
    }
    debrief_fmt_html(f, d->ai);
    if (d->has_ai_confidence)
        fprintf(f, " <span class=\"basis\">(%.0f%%)</span>", 100.0 * d->ai_confidence);
    write_mark(f, d->has_ai_correct, d->ai_correct);
    if (!metrics_advice_shown(d))
        fputs(" <span class=\"basis\">not shown</span>", f);
}

static void write_decision_row(FILE *f, const log_session *s, const log_decision *d)
{
    fputs("<tr><td>", f);
    esc_or_dash(f, s->trainee);
    fputs("</td><td>", f);
    esc_or_dash(f, s->case_id);
    fputs("</td><td>", f);
    esc_or_dash(f, d->node);
    fputs("</td><td>", f);
    esc_or_dash(f, d->timing);
    fputs("</td><td>", f);
    write_decision_ai(f, d);
    fputs("</td><td>", f);
    esc_or_dash(f, d->initial);
    write_mark(f, d->has_initial_correct, d->initial_correct);
    fputs("</td><td>", f);
    if (d->final)
        debrief_fmt_html(f, d->final);
    else
        fputs(d->timed_out ? "<span class=\"flag\">timed out</span>" : "&#8212;", f);
    write_mark(f, d->has_final_correct, d->final_correct);
    fputs("</td><td>", f);
    write_yes_no(f, d->has_followed_ai, d->followed_ai);
    fputs("</td><td class=\"num\">", f);
    if (d->has_trust)
        fprintf(f, "%d", d->trust);
    fputs("</td><td class=\"num\">", f);
    if (d->has_ms_final)
        fprintf(f, "%.2f&#8201;s", (double)d->ms_final / 1000.0);
    fputs("</td><td class=\"rationale\">", f);
    debrief_fmt_html(f, d->rationale);
    fputs("</td></tr>\n", f);
}

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    table *t = ctx;
    if (!debrief_counts(t->in, s))
        return 0;
    for (size_t i = 0; i < s->n_decisions; i++) {
        if (t->rows >= t->max) {
            /* Stop the read: the page says how many were left out. */
            t->full = true;
            apperr_set(e, APPERR_NONE, NULL, 0, "the decision table is full");
            return 1;
        }
        write_decision_row(t->f, s, &s->decisions[i]);
        t->rows++;
    }
    return 0;
}

void debrief_html_table_open(FILE *f, const char *label)
{
    fputs("<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"", f);
    debrief_fmt_html(f, label);
    fputs("\">\n<table>\n", f);
}

void debrief_html_table_close(FILE *f)
{
    fputs("</table>\n</div>\n", f);
}

int debrief_html_decisions(FILE *f, const debrief_report_in *in, long total, long max_rows,
                           apperr *e)
{
    table t = {f, 0, max_rows, false, in};
    log_read_opts o = {.on_session = on_session, .ctx = &t};
    /* Folded: the per-decision view above is what a room reads; print shows it. */
    fprintf(f,
            "<section id=\"every-decision\">\n<h3>Every decision</h3>\n<p>&#10003; right, &#10007; "
            "wrong (against the case's accepted answers). Times are to the final choice. "
            "Rationales are as typed.</p>\n<details>\n<summary>The table of every "
            "decision (%ld row%s)</summary>\n",
            total < max_rows ? total : max_rows, total == 1 ? "" : "s");
    debrief_html_table_open(f, "Every decision");
    fputs("<thead><tr><th scope=\"col\">Trainee</th>"
          "<th scope=\"col\">Case</th><th scope=\"col\">Decision</th>"
          "<th scope=\"col\">Advice timing</th><th scope=\"col\">AI advised</th>"
          "<th scope=\"col\">Initial</th><th scope=\"col\">Final</th>"
          "<th scope=\"col\">Followed AI</th><th scope=\"col\" class=\"num\">Trust</th>"
          "<th scope=\"col\" class=\"num\">Time</th><th scope=\"col\">Rationale</th>"
          "</tr></thead>\n<tbody>\n",
          f);
    if (log_read_paths(in->paths, in->n_paths, &o, NULL, e) != 0 && !t.full)
        return -1;
    fputs("</tbody>\n", f);
    debrief_html_table_close(f);
    fputs("</details>\n", f);
    if (t.rows < total)
        fprintf(f,
                "<p>The first %ld of %ld decisions are listed; <code>--csv</code> has every "
                "one.</p>\n",
                t.rows, total);
    fputs("</section>\n", f);
    return 0;
}
