/* debrief_chart_node: the chart of one decision's block in the debrief
 * report (debrief_chart.h): the flow of choices from before the advice to
 * after it. Drawn with the report's other charts'
 * parts (debrief_chart_svg.h), under the same rules: a <title>, a <desc>
 * with every number, labels, words beside the colours. */
#include "debrief_chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "debrief_chart_svg.h"
#include "debrief_fmt.h"

#define FLOW_S 150.0 /* bar height of all the decisions */
#define FLOW_MAX 24  /* options drawn; a case has a handful */
#define FLOW_BEFORE_X 118.0
#define FLOW_AFTER_X 262.0
#define FLOW_BAR 24.0

static long flow_at(const debrief_node *n, size_t i, size_t f)
{
    return n->flow[i * (n->n_options + 1) + f];
}

/* The option the AI advised (the first, if it advised several across
 * sessions), or -1. */
static long ai_option(const debrief_node *n)
{
    for (size_t k = 0; k < n->n_options; k++)
        if (n->options[k].advised > 0)
            return (long)k;
    return -1;
}

static const char *item_name(const debrief_node *n, size_t k, bool before)
{
    if (k < n->n_options)
        return n->options[k].label;
    return before ? "no initial choice" : "no final choice";
}

/* "B ✓ (AI) 5": the option's letter (the block's table gives its label),
 * its mark, the AI's, the count; "no choice 2". */
static void item_label(const debrief_node *n, size_t k, long count, char *buf, size_t size)
{
    char letter[24];
    if (k == n->n_options) {
        snprintf(buf, size, "no choice %ld", count);
        return;
    }
    const debrief_node_option *o = &n->options[k];
    snprintf(buf, size, "%s %s%s %ld", debrief_nodes_letter(k, letter, sizeof letter),
             o->best ? "\xE2\x9C\x93" : "\xE2\x9C\x97", o->advised > 0 ? " (AI)" : "", count);
}

/* A bar: solid blue for an accepted answer, hatched otherwise. */
static void bar(debrief_chart *c, const debrief_node *n, int id, size_t k, double x, double y,
                double w, double h)
{
    bool best = k < n->n_options && n->options[k].best;
    char fill[32];
    snprintf(fill, sizeof fill, best ? C_BLUE : "url(#ch%d-h)", id);
    fprintf(c->f,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
            "stroke=\"" C_INK "\"/>\n",
            x, y, w, h, fill);
}

typedef struct column {
    double y[FLOW_MAX + 1]; /* top of each item's bar; < 0: not drawn */
    long count[FLOW_MAX + 1];
    double bottom;
} column;

/* Lays out a column: every option (one that no one chose shows as a thin
 * line), and "no choice" when some made none. */
static void layout(const debrief_node *n, size_t items, bool before, double scale, column *col)
{
    double y = 40;
    for (size_t k = 0; k < items; k++) {
        long c = 0;
        for (size_t j = 0; j < items; j++)
            c += before ? flow_at(n, k, j) : flow_at(n, j, k);
        col->count[k] = c;
        col->y[k] = -1;
        if (k == n->n_options && c == 0)
            continue;
        double h = scale * (double)c;
        col->y[k] = y + (h < 22 ? (22 - h) / 2 : 0);
        y += fmax(h, 22) + 8;
    }
    col->bottom = y;
}

static void band(debrief_chart *c, long ai, size_t i, size_t f, double y1, double y2, double h)
{
    const char *style = "fill=\"#bbbbbb\" fill-opacity=\"0.6\"";
    if (i != f && (long)f == ai)
        style = "fill=\"" C_BLUE "\" fill-opacity=\"0.6\" stroke=\"" C_BLUE "\"";
    else if (i != f && (long)i == ai)
        style = "fill=\"" C_VERMILLION "\" fill-opacity=\"0.5\" stroke=\"" C_INK
                "\" stroke-dasharray=\"6 3\"";
    else if (i != f)
        style = "fill=\"" C_ORANGE "\" fill-opacity=\"0.5\" stroke=\"" C_INK
                "\" stroke-dasharray=\"2 2\"";
    double x1 = FLOW_BEFORE_X + FLOW_BAR, x2 = FLOW_AFTER_X, xm = (x1 + x2) / 2;
    fprintf(c->f,
            "<path d=\"M%.0f %.1f C%.0f %.1f %.0f %.1f %.0f %.1f L%.0f %.1f C%.0f %.1f %.0f "
            "%.1f %.0f %.1f Z\" %s/>\n",
            x1, y1, xm, y1, xm, y2, x2, y2, x2, y2 + h, xm, y2 + h, xm, y1 + h, x1, y1 + h, style);
}

static void flow_desc(debrief_chart *c, const debrief_node *n, size_t items)
{
    fprintf(c->f, "%ld decision%s. Choices before the advice, then after it:", n->decisions,
            n->decisions == 1 ? "" : "s");
    for (size_t i = 0; i < items; i++) {
        for (size_t f = 0; f < items; f++) {
            long v = flow_at(n, i, f);
            if (v == 0)
                continue;
            fprintf(c->f, " ");
            debrief_fmt_html(c->f, item_name(n, i, true));
            fprintf(c->f, " to ");
            debrief_fmt_html(c->f, item_name(n, f, false));
            fprintf(c->f, ", %ld;", v);
        }
    }
    fprintf(c->f, " switched to the AI's option %ld, away from it %ld.", n->toward_ai,
            n->away_from_ai);
}

static void two_columns(debrief_chart *c, const debrief_node *n, int id, size_t items, double scale,
                        const column *col)
{
    double off[2][FLOW_MAX + 1] = {{0}};
    long ai = ai_option(n);
    for (size_t i = 0; i < items; i++) {
        for (size_t f = 0; f < items; f++) {
            long v = flow_at(n, i, f);
            if (v == 0 || col[0].y[i] < 0 || col[1].y[f] < 0)
                continue;
            band(c, ai, i, f, col[0].y[i] + off[0][i], col[1].y[f] + off[1][f], scale * (double)v);
            off[0][i] += scale * (double)v;
            off[1][f] += scale * (double)v;
        }
    }
    for (size_t k = 0; k < items; k++) {
        for (int side = 0; side < 2; side++) {
            char label[64];
            double h = fmax(scale * (double)col[side].count[k], 1.0);
            if (col[side].y[k] < 0)
                continue;
            bar(c, n, id, k, side ? FLOW_AFTER_X : FLOW_BEFORE_X, col[side].y[k], FLOW_BAR, h);
            item_label(n, k, col[side].count[k], label, sizeof label);
            debrief_svg_text(c, side ? FLOW_AFTER_X + FLOW_BAR + 8 : FLOW_BEFORE_X - 8,
                             col[side].y[k] + h / 2 + 5, side ? "start" : "end",
                             (long)k == ai ? "font-size=\"17\" font-weight=\"bold\""
                                           : "font-size=\"17\"",
                             label);
        }
    }
    debrief_svg_text(c, FLOW_BEFORE_X + FLOW_BAR / 2, 22, "middle",
                     "font-weight=\"bold\" font-size=\"17\"", "Before the advice");
    debrief_svg_text(c, FLOW_AFTER_X + FLOW_BAR / 2, 22, "middle",
                     "font-weight=\"bold\" font-size=\"17\"", "After it");
}

/* Without choices before the advice: the final choices as bars. */
static void finals(debrief_chart *c, const debrief_node *n, int id, size_t items)
{
    long max = 1, ai = ai_option(n);
    size_t none = n->n_options;
    for (size_t k = 0; k < items; k++)
        max = flow_at(n, none, k) > max ? flow_at(n, none, k) : max;
    debrief_svg_text(c, 118, 22, "start", "font-weight=\"bold\" font-size=\"17\"", "Final choices");
    double y = 36;
    for (size_t k = 0; k < items; k++) {
        char label[64];
        long v = flow_at(n, none, k);
        if (k == none && v == 0)
            continue;
        item_label(n, k, v, label, sizeof label);
        debrief_svg_text(
            c, 110, y + 17, "end",
            (long)k == ai ? "font-size=\"17\" font-weight=\"bold\"" : "font-size=\"17\"", label);
        bar(c, n, id, k, 118, y, fmax(270.0 * (double)v / (double)max, 1.0), 22);
        y += 30;
    }
}

void debrief_chart_flow(debrief_chart *c, const debrief_node *n)
{
    /* the options and "no choice"; past FLOW_MAX options, the first FLOW_MAX */
    size_t items = n->n_options <= FLOW_MAX ? n->n_options + 1 : FLOW_MAX;
    bool before = false;
    column col[2];
    double scale = FLOW_S / (double)(n->decisions > 0 ? n->decisions : 1), h;
    for (size_t k = 0; k < n->n_options; k++)
        before = before || n->options[k].initial > 0;
    if (before) {
        layout(n, items, true, scale, &col[0]);
        layout(n, items, false, scale, &col[1]);
        h = fmax(col[0].bottom, col[1].bottom) + 4;
    } else {
        h = 44 + 30.0 * (double)items;
    }
    int id = debrief_svg_open(c, "flow", "flow", 400, (int)h, "Choices before and after the advice",
                              n->title ? n->title : n->node_id);
    flow_desc(c, n, items);
    debrief_svg_desc_end(c);
    debrief_svg_hatch(c, id, "h", "#fde9cf", "#f3b98a");
    if (before)
        two_columns(c, n, id, items, scale, col);
    else
        finals(c, n, id, items);
    fprintf(c->f, "</svg>\n<figcaption>");
    if (before)
        fprintf(c->f,
                "%ld decision%s, from before the advice to after it: %ld switched to the "
                "AI&#8217;s option, %ld away from it.",
                n->decisions, n->decisions == 1 ? "" : "s", n->toward_ai, n->away_from_ai);
    else
        fprintf(c->f, "The final choices of %ld decision%s (none made before the advice).",
                n->decisions, n->decisions == 1 ? "" : "s");
    fprintf(c->f, " Solid bars: accepted answers (&#10003;); hatched: the others (&#10007;)."
                  "</figcaption>\n</figure>\n");
}
