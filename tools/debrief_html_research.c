/* debrief --html, the appendix's "Research measures" (id "research"):
 * the figures a researcher publishes, which the terminal
 * (debrief_research.c) and --json already give. The 2x2x2 reliance table
 * (initial correct x AI correct x final correct) with RAIR and RSR read
 * from it, the accuracy split (unaided, with the AI, the AI's own; all, AI
 * right, AI wrong), explanation_catch and the learning curve. Each is a
 * table with a caption and header cells, every rate with its count and 95%
 * Wilson interval ("1 of 1", marked, under METRICS_SMALL_N), and a sentence
 * that says what it means and what good looks like. Folded in <details>. */
#include <stdio.h>

#include "debrief_html.h"
#include "debrief_html_rate.h"
#include "debrief_html_table.h"
#include "metrics_curve.h"

/* A rate in two cells, value then basis: "66.7%" | "2 / 3, 95% CI …";
 * "1 of 1 (fewer than 5: a small sample)"; "n/a" | "0 / 0". Plain cells
 * (not td.num, which does not wrap), so that the wider tables still fit an
 * A4 page and a narrow screen. */
static void write_rate(debrief_html *h, metric_value v)
{
    debrief_html_out(h, "<td>");
    debrief_html_rate_figure(h->f, v.num, v.den);
    debrief_html_out(h, "</td><td>");
    debrief_html_rate_basis(h->f, v.num, v.den);
    debrief_html_out(h, "</td>");
}

static void write_table_2x2x2(debrief_html *h, const metrics *m)
{
    static const char *const right[] = {"wrong", "right"};
    debrief_html_out(
        h, "<h4>The reliance table (initial &#215; AI &#215; final)</h4>\n"
           "<p>Every <code>after_initial</code> decision with advice, by whether the trainee's "
           "first choice was right, whether the AI was right and whether the final choice was "
           "right. What good looks like: most decisions in the rows' &#8220;final right&#8221; "
           "column, above all where the first choice was wrong and the AI right (the advice "
           "helped) and where the first choice was right and the AI wrong (the trainee held "
           "on).</p>\n");
    debrief_html_table_open(h->f, "The reliance table");
    debrief_html_out(h, "<caption>Decisions by initial, AI and final correctness</caption>\n"
                        "<thead><tr><th scope=\"col\">Initial choice</th><th scope=\"col\">AI"
                        "</th><th scope=\"col\" class=\"num\">Final right</th><th scope=\"col\" "
                        "class=\"num\">Final wrong</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < 2; i++)
        for (int a = 1; a >= 0; a--)
            debrief_html_out(h,
                             "<tr><th scope=\"row\">%s</th><td>%s</td><td class=\"num\" "
                             "data-cell=\"%d%d1\">%ld</td><td class=\"num\" "
                             "data-cell=\"%d%d0\">%ld</td></tr>\n",
                             right[i], right[a], i, a, m->table[i][a][1], i, a, m->table[i][a][0]);
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
    debrief_html_out(
        h, "<p>Read from the table: relative AI reliance (RAIR) is the share ending right of "
           "those whose first choice was wrong and the AI right; relative self-reliance (RSR) "
           "the share ending right of those whose first choice was right and the AI wrong. "
           "Higher is better for both.</p>\n");
    debrief_html_table_open(h->f, "RAIR and RSR");
    debrief_html_out(h, "<caption>RAIR and RSR, read from the reliance table</caption>\n"
                        "<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\" "
                        "class=\"num\">Value</th><th scope=\"col\">Of</th></tr>"
                        "</thead>\n<tbody>\n<tr><th scope=\"row\">RAIR</th>");
    write_rate(h, m->m[METRIC_RAIR]);
    debrief_html_out(h, "</tr>\n<tr><th scope=\"row\">RSR</th>");
    write_rate(h, m->m[METRIC_RSR]);
    debrief_html_out(h, "</tr>\n</tbody>\n");
    debrief_html_table_close(h->f);
}

static void write_split(debrief_html *h, const metrics *m)
{
    static const char *const rows[] = {"Unaided (the first choice)",
                                       "With the AI (the final choice)", "The AI's own"};
    static const char *const cols[] = {"All", "AI right", "AI wrong"};
    debrief_html_out(
        h, "<h4>Accuracy alone, with the AI and the AI's own</h4>\n"
           "<p>Right answers before the advice, after it, and the AI's, side by side, for all "
           "decisions with advice and split by whether the AI was right. What good looks like: "
           "accuracy with the AI above both the unaided and the AI's own, and, where the AI was "
           "wrong, not below the unaided.</p>\n");
    debrief_html_table_open(h->f, "The accuracy split");
    debrief_html_out(h, "<caption>Accuracy unaided, with the AI and the AI's own</caption>\n"
                        "<thead><tr><th scope=\"col\">Accuracy</th>");
    for (int c = 0; c < 3; c++)
        debrief_html_out(h, "<th scope=\"col\">%s</th><th scope=\"col\">Of (%s)</th>", cols[c],
                         cols[c]);
    debrief_html_out(h, "</tr></thead>\n<tbody>\n");
    for (int r = 0; r < 3; r++) {
        debrief_html_out(h, "<tr><th scope=\"row\">%s</th>", rows[r]);
        for (int c = 0; c < 3; c++)
            write_rate(h, m->accuracy_split[r][c]);
        debrief_html_out(h, "</tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
}

static void write_catch(debrief_html *h, const metrics *m)
{
    debrief_html_out(
        h, "<h4>Explanation catch</h4>\n"
           "<p>Over-reliance (following advice that was wrong) when the explanation or model "
           "card was opened, against when it was not. What good looks like: lower with it "
           "opened, that is, reading why the AI said what it did helped to catch its "
           "mistakes.</p>\n");
    debrief_html_table_open(h->f, "Explanation catch");
    debrief_html_out(h, "<caption>Over-reliance with and without the explanation</caption>\n"
                        "<thead><tr><th scope=\"col\">Explanation or model card</th><th "
                        "scope=\"col\">Over-reliance</th><th scope=\"col\">"
                        "Of</th></tr></thead>\n<tbody>\n<tr><th "
                        "scope=\"row\">Opened</th>");
    write_rate(h, m->explanation_catch[1]);
    debrief_html_out(h, "</tr>\n<tr><th scope=\"row\">Not opened</th>");
    write_rate(h, m->explanation_catch[0]);
    debrief_html_out(h, "</tr>\n</tbody>\n");
    debrief_html_table_close(h->f);
}

static void write_curve(debrief_html *h)
{
    const metrics_curve *c = metrics_set_curve(h->cohort);
    const metrics_curve_point *p = NULL;
    size_t n = c ? metrics_curve_points(c, &p) : 0;
    debrief_html_out(
        h, "<h4>The learning curve</h4>\n"
           "<p>Over- and under-reliance by each trainee's 1st, 2nd, 3rd&#8230; case in time "
           "order. What good looks like: both falling from one case to the next, that is, "
           "calibration improved over the session.</p>\n");
    if (n == 0) {
        debrief_html_out(h, "<p>No case to draw a curve from.</p>\n");
        return;
    }
    debrief_html_table_open(h->f, "The learning curve");
    debrief_html_out(h, "<caption>Reliance by each trainee's case number</caption>\n"
                        "<thead><tr><th scope=\"col\">Case number</th><th scope=\"col\" "
                        "class=\"num\">Trainees</th><th scope=\"col\">"
                        "Over-reliance</th><th scope=\"col\">Of</th><th "
                        "scope=\"col\">Under-reliance</th><th scope=\"col\">"
                        "Of</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < n; k++) {
        debrief_html_out(h,
                         "<tr data-point=\"%d\"><th scope=\"row\">%d</th><td "
                         "class=\"num\">%ld</td>",
                         p[k].k, p[k].k, p[k].trainees);
        write_rate(h, p[k].over);
        write_rate(h, p[k].under);
        debrief_html_out(h, "</tr>\n");
    }
    debrief_html_out(h, "</tbody>\n");
    debrief_html_table_close(h->f);
}

void debrief_html_research(debrief_html *h, const metrics *m)
{
    debrief_html_out(h, "<section id=\"research\">\n<h3>Research measures</h3>\n<details>\n"
                        "<summary>The reliance table, RAIR and RSR, the accuracy split, "
                        "explanation catch and the learning curve</summary>\n");
    write_table_2x2x2(h, m);
    write_split(h, m);
    write_catch(h, m);
    write_curve(h);
    debrief_html_out(h, "</details>\n</section>\n");
}
