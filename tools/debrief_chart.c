/* debrief_chart: inline SVG charts for the HTML report. Drawn in a fixed
 * viewBox and scaled by CSS, so the same chart fits a projector, a laptop
 * and an A4 page. */
#include "debrief_chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "debrief_fmt.h"
#include "debrief_chart_svg.h"
#include "debrief_html_rate.h"
#include "debrief_html_table.h"

/* Okabe-Ito: debrief_chart_svg.h */

/* Opens the figure and its svg up to the open <desc>: the caller writes the
 * text alternative, then calls desc_end. Returns the chart's id number. */
static int svg_open(debrief_chart *c, const char *kind, const char *cls, int w, int h,
                    const char *title, const char *title_who)
{
    int id = ++c->next_id;
    fprintf(c->f,
            "<figure%s%s%s>\n<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"%s\" "
            "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"ch%d-t ch%d-d\" "
            "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"14\">\n"
            "<title id=\"ch%d-t\">",
            cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "", kind, w, h, id, id, id);
    debrief_fmt_html(c->f, title);
    if (title_who) {
        fprintf(c->f, ": ");
        debrief_fmt_html(c->f, title_who);
    }
    fprintf(c->f, "</title>\n<desc id=\"ch%d-d\">", id);
    return id;
}

static void desc_end(debrief_chart *c)
{
    fprintf(c->f, "</desc>\n");
}

/* Diagonal hatching on a light ground: marks a cell or bar without colour. */
static void hatch_def(debrief_chart *c, int id, const char *name, const char *ground,
                      const char *line)
{
    fprintf(c->f,
            "<defs><pattern id=\"ch%d-%s\" width=\"10\" height=\"10\" "
            "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            "<rect width=\"10\" height=\"10\" fill=\"%s\"/>"
            "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"10\" stroke=\"%s\" stroke-width=\"4\"/>"
            "</pattern></defs>\n",
            id, name, ground, line);
}

/* Text at (x, y); anchor "start", "middle" or "end". */
static void text(debrief_chart *c, double x, double y, const char *anchor, const char *extra,
                 const char *s)
{
    fprintf(c->f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"" C_INK "\"%s%s>", x, y,
            anchor, extra ? " " : "", extra ? extra : "");
    debrief_fmt_html(c->f, s);
    fprintf(c->f, "</text>\n");
}

static void percent_text(char *buf, size_t size, long num, long den)
{
    if (den > 0)
        snprintf(buf, size, "%.0f%%", 100.0 * (double)num / (double)den);
    else
        snprintf(buf, size, "n/a");
}

/* ---- Reliance matrix ---- */

static const char *const reliance_label[2][2] = {
    /* [ai right][followed] */
    {"appropriate override", "over-reliance"},
    {"under-reliance", "appropriate reliance"},
};

static void reliance_cell(debrief_chart *c, int id, double x, double y, const long r[2][2],
                          int right, int followed)
{
    long row = r[right][0] + r[right][1];
    bool appropriate = (right == 1) == (followed == 1);
    char num[32], pct[64];
    if (appropriate)
        fprintf(c->f,
                "<rect x=\"%.0f\" y=\"%.0f\" width=\"200\" height=\"100\" fill=\"#d6ebf7\" "
                "stroke=\"" C_BLUE "\" stroke-width=\"2\"/>\n",
                x, y);
    else
        fprintf(c->f,
                "<rect x=\"%.0f\" y=\"%.0f\" width=\"200\" height=\"100\" fill=\"url(#ch%d-h)\" "
                "stroke=\"" C_VERMILLION "\" stroke-width=\"3\" stroke-dasharray=\"8 4\"/>\n",
                x, y, id);
    snprintf(num, sizeof num, "%ld", r[right][followed]);
    text(c, x + 100, y + 42, "middle", "font-size=\"30\" font-weight=\"bold\"", num);
    percent_text(pct, sizeof pct, r[right][followed], row);
    if (row > 0)
        snprintf(pct + strlen(pct), sizeof pct - strlen(pct), " of AI-%s",
                 right ? "right" : "wrong");
    text(c, x + 100, y + 64, "middle", NULL, pct);
    text(c, x + 100, y + 86, "middle", appropriate ? NULL : "font-weight=\"bold\"",
         reliance_label[right][followed]);
}

/* The small multiple: counts and labels only, drawn large enough to read
 * at a third of the page's width. */
static void reliance_small(debrief_chart *c, int id, const long r[2][2])
{
    static const double cx[2] = {215, 95}, cy[2] = {135, 60}; /* [followed], [right] */
    text(c, 215, 18, "middle", "font-weight=\"bold\"", "Final choice");
    text(c, 155, 44, "middle", NULL, "Followed");
    text(c, 275, 44, "middle", NULL, "Overrode");
    text(c, 88, 100, "end", NULL, "AI right");
    text(c, 88, 175, "end", NULL, "AI wrong");
    for (int right = 1; right >= 0; right--) {
        for (int followed = 1; followed >= 0; followed--) {
            bool ok = (right == 1) == (followed == 1);
            double x = cx[followed], y = cy[right];
            char num[24];
            if (ok)
                fprintf(c->f,
                        "<rect x=\"%.0f\" y=\"%.0f\" width=\"120\" height=\"75\" fill=\"#d6ebf7\" "
                        "stroke=\"" C_BLUE "\" stroke-width=\"2\"/>\n",
                        x, y);
            else
                fprintf(c->f,
                        "<rect x=\"%.0f\" y=\"%.0f\" width=\"120\" height=\"75\" "
                        "fill=\"url(#ch%d-h)\" stroke=\"" C_VERMILLION "\" stroke-width=\"3\" "
                        "stroke-dasharray=\"8 4\"/>\n",
                        x, y, id);
            snprintf(num, sizeof num, "%ld", r[right][followed]);
            text(c, x + 60, y + 36, "middle", "font-size=\"26\" font-weight=\"bold\"", num);
            text(c, x + 60, y + 62, "middle",
                 ok ? "font-size=\"13\""
                    : "font-size=\"13\" "
                      "font-weight=\"bold\"",
                 ok ? "appropriate" : reliance_label[right][followed]);
        }
    }
}

static void reliance_large(debrief_chart *c, int id, const long r[2][2])
{
    text(c, 380, 22, "middle", "font-weight=\"bold\"", "Trainee's final choice");
    text(c, 280, 52, "middle", NULL, "Followed the AI");
    text(c, 480, 52, "middle", NULL, "Overrode the AI");
    fprintf(c->f, "<text transform=\"translate(22 170) rotate(-90)\" text-anchor=\"middle\" "
                  "font-weight=\"bold\" fill=\"" C_INK "\">The AI's advice was</text>\n");
    text(c, 170, 115, "end", "font-size=\"16\"", "Right");
    text(c, 170, 225, "end", "font-size=\"16\"", "Wrong");
    reliance_cell(c, id, 180, 65, r, 1, 1);
    reliance_cell(c, id, 380, 65, r, 1, 0);
    reliance_cell(c, id, 180, 175, r, 0, 1);
    reliance_cell(c, id, 380, 175, r, 0, 0);
    text(c, 380, 305, "middle", "fill=\"#555\"", "n = decisions with advice shown");
}

void debrief_chart_reliance(debrief_chart *c, const char *who, const metrics *m, bool small)
{
    const long(*r)[2] = m->reliance;
    long total = r[0][0] + r[0][1] + r[1][0] + r[1][1];
    int id = svg_open(c, "reliance", small ? "small" : NULL, small ? 340 : 600, small ? 215 : 320,
                      "Reliance matrix", who);
    fprintf(c->f,
            "Of %ld decisions with advice shown: AI right and followed %ld; AI right and "
            "overrode %ld (under-reliance); AI wrong and followed %ld (over-reliance); AI wrong "
            "and overrode %ld.",
            total, r[1][1], r[1][0], r[0][1], r[0][0]);
    desc_end(c);
    hatch_def(c, id, "h", "#fde9cf", "#f3b98a");
    if (small)
        reliance_small(c, id, r);
    else
        reliance_large(c, id, r);
    fprintf(c->f, "</svg>\n<figcaption>");
    if (small) {
        fprintf(c->f, "<strong>");
        debrief_fmt_html(c->f, who);
        fprintf(c->f,
                "</strong>: %ld decision%s with advice; %ld over-reliance, %ld under-reliance.",
                total, total == 1 ? "" : "s", r[0][1], r[1][0]);
    } else {
        fprintf(c->f, "Reliance of ");
        debrief_fmt_html(c->f, who);
        fprintf(c->f,
                ": of %ld decisions with advice shown, %ld followed right advice, %ld overrode "
                "wrong advice, %ld followed wrong advice (over-reliance) and %ld overrode right "
                "advice (under-reliance).",
                total, r[1][1], r[0][0], r[0][1], r[1][0]);
    }
    fprintf(c->f, "</figcaption>\n</figure>\n");
}

/* ---- Trust dot plot ---- */

#define TRUST_X0 190.0
#define TRUST_DX 80.0

static double trust_x(double t)
{
    return TRUST_X0 + (t - 1.0) * TRUST_DX;
}

static long trust_n(const long hist[8])
{
    long n = 0;
    for (int t = 1; t <= 7; t++)
        n += hist[t];
    return n;
}

/* One row: a marker per trust level, area = count; circles for AI right,
 * squares for AI wrong. */
static void trust_row(debrief_chart *c, const metrics *m, int right, double y, long max)
{
    const long *hist = m->trust_hist[right];
    const metric_value *mean = &m->m[right ? METRIC_TRUST_AI_RIGHT : METRIC_TRUST_AI_WRONG];
    char label[64];
    snprintf(label, sizeof label, "AI %s (n = %ld)", right ? "right" : "wrong", trust_n(hist));
    text(c, 150, y + 5, "end", "font-size=\"15\"", label);
    fprintf(c->f, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#ddd\"/>\n",
            trust_x(1), y, trust_x(7), y);
    for (int t = 1; t <= 7; t++) {
        double r, x = trust_x(t);
        char num[24];
        if (hist[t] == 0)
            continue;
        r = fmax(3.0, 26.0 * sqrt((double)hist[t] / (double)max));
        if (right)
            fprintf(c->f,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"" C_BLUE
                    "\" fill-opacity=\"0.8\" stroke=\"" C_INK "\"/>\n",
                    x, y, r);
        else
            fprintf(
                c->f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"" C_VERMILLION
                "\" fill-opacity=\"0.8\" stroke=\"" C_INK "\"/>\n",
                x - r * 0.886, y - r * 0.886, r * 1.772, r * 1.772);
        snprintf(num, sizeof num, "%ld", hist[t]);
        text(c, x + r + 4, y - r + 4, "start", "font-size=\"12\"", num);
    }
    if (mean->has) {
        char s[32];
        double x = trust_x(mean->value);
        fprintf(c->f,
                "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"" C_INK
                "\" stroke-width=\"3\" stroke-dasharray=\"4 3\"/>\n",
                x, y - 32, x, y + 32);
        snprintf(s, sizeof s, "mean %.2f", mean->value);
        text(c, x, y + 46, "middle", "font-size=\"12\"", s);
    }
}

static void trust_table(debrief_chart *c, const metrics *m)
{
    debrief_html_table_open(c->f, "Trust ratings");
    fprintf(c->f, "<thead><tr><th scope=\"col\">Trust rating</th>");
    for (int t = 1; t <= 7; t++)
        fprintf(c->f, "<th scope=\"col\" class=\"num\">%d</th>", t);
    fprintf(c->f, "<th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">Mean</th>"
                  "</tr></thead>\n<tbody>\n");
    for (int right = 1; right >= 0; right--) {
        const metric_value *mean = &m->m[right ? METRIC_TRUST_AI_RIGHT : METRIC_TRUST_AI_WRONG];
        fprintf(c->f, "<tr><th scope=\"row\">AI %s</th>", right ? "right" : "wrong");
        for (int t = 1; t <= 7; t++)
            fprintf(c->f, "<td class=\"num\">%ld</td>", m->trust_hist[right][t]);
        fprintf(c->f, "<td class=\"num\">%ld</td><td class=\"num\">",
                trust_n(m->trust_hist[right]));
        if (mean->has)
            fprintf(c->f, "%.2f", mean->value);
        else
            fprintf(c->f, "<span class=\"na\">n/a</span>");
        fprintf(c->f, "</td></tr>\n");
    }
    fprintf(c->f, "</tbody>\n");
    debrief_html_table_close(c->f);
}

static void trust_desc(debrief_chart *c, const metrics *m)
{
    for (int right = 1; right >= 0; right--) {
        const metric_value *mean = &m->m[right ? METRIC_TRUST_AI_RIGHT : METRIC_TRUST_AI_WRONG];
        fprintf(c->f, "AI %s, trust ratings 1 to 7:", right ? "right" : "wrong");
        for (int t = 1; t <= 7; t++)
            fprintf(c->f, " %ld%s", m->trust_hist[right][t], t < 7 ? "," : ";");
        if (mean->has)
            fprintf(c->f, " mean %.2f. ", mean->value);
        else
            fprintf(c->f, " mean n/a. ");
    }
    if (m->m[METRIC_TRUST_AUROC].has)
        fprintf(c->f, "Trust AUROC %.2f.", m->m[METRIC_TRUST_AUROC].value);
    else
        fprintf(c->f, "Trust AUROC n/a.");
}

void debrief_chart_trust(debrief_chart *c, const metrics *m)
{
    long max = 1;
    for (int r = 0; r < 2; r++)
        for (int t = 1; t <= 7; t++)
            if (m->trust_hist[r][t] > max)
                max = m->trust_hist[r][t];
    svg_open(c, "trust", NULL, 760, 300, "Trust in the advice by AI correctness", NULL);
    trust_desc(c, m);
    desc_end(c);
    trust_row(c, m, 1, 70, max);
    trust_row(c, m, 0, 170, max);
    fprintf(c->f, "<line x1=\"%.0f\" y1=\"238\" x2=\"%.0f\" y2=\"238\" stroke=\"" C_INK "\"/>\n",
            trust_x(1) - 20, trust_x(7) + 20);
    for (int t = 1; t <= 7; t++) {
        char s[4];
        snprintf(s, sizeof s, "%d", t);
        fprintf(c->f,
                "<line x1=\"%.0f\" y1=\"238\" x2=\"%.0f\" y2=\"244\" stroke=\"" C_INK "\"/>\n",
                trust_x(t), trust_x(t));
        text(c, trust_x(t), 260, "middle", NULL, s);
    }
    text(c, trust_x(4), 288, "middle", "font-weight=\"bold\"",
         "Trust rating (1 = no trust, 7 = complete trust)");
    if (trust_n(m->trust_hist[0]) + trust_n(m->trust_hist[1]) == 0)
        text(c, trust_x(4), 125, "middle", "font-style=\"italic\"", "no trust ratings (n/a)");
    fprintf(c->f, "</svg>\n<figcaption>Circles: AI right; squares: AI wrong; marker area is the "
                  "number of decisions, the dashed line each row's mean. ");
    if (m->m[METRIC_TRUST_AUROC].has)
        fprintf(c->f,
                "Trust AUROC %.2f (n = %ld): the chance that a decision where the AI was right "
                "got more trust than one where it was wrong; 0.5 is blind trust.",
                m->m[METRIC_TRUST_AUROC].value, m->m[METRIC_TRUST_AUROC].n);
    else
        fprintf(c->f, "Trust AUROC n/a: it needs trust ratings on both right and wrong advice.");
    fprintf(c->f, "</figcaption>\n");
    trust_table(c, m);
    fprintf(c->f, "</figure>\n");
}

/* ---- Unaided and final accuracy ---- */

#define ACC_Y0 270.0 /* 0% */
#define ACC_H 220.0  /* 0% to 100% */

/* A bar, its figure above it and its series' name below it, so that which
 * bar is which rests on neither its colour nor its hatching. */
static void accuracy_bar(debrief_chart *c, int id, double x, const metric_value *v, bool final)
{
    char label[64];
    text(c, x + 45, ACC_Y0 + 18, "middle", "font-size=\"13\"", final ? "final" : "unaided");
    if (!v->has) {
        text(c, x + 45, ACC_Y0 - 8, "middle", "font-style=\"italic\"", "n/a");
        return;
    }
    double hgt = ACC_H * v->value;
    if (final)
        fprintf(c->f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"90\" height=\"%.1f\" fill=\"" C_BLUE
                "\" stroke=\"" C_INK "\"/>\n",
                x, ACC_Y0 - hgt, hgt);
    else
        fprintf(c->f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"90\" height=\"%.1f\" fill=\"url(#ch%d-h)\" "
                "stroke=\"" C_INK "\"/>\n",
                x, ACC_Y0 - hgt, hgt, id);
    snprintf(label, sizeof label, "%.0f%% (%ld/%ld)", 100.0 * v->value, v->num, v->den);
    text(c, x + 45, ACC_Y0 - hgt - 6, "middle", "font-size=\"13\"", label);
}

static void accuracy_axes(debrief_chart *c)
{
    for (int p = 0; p <= 100; p += 25) {
        char s[8];
        double y = ACC_Y0 - ACC_H * p / 100.0;
        fprintf(c->f, "<line x1=\"100\" y1=\"%.1f\" x2=\"700\" y2=\"%.1f\" stroke=\"%s\"/>\n", y, y,
                p == 0 ? C_INK : "#dddddd");
        snprintf(s, sizeof s, "%d%%", p);
        text(c, 92, y + 5, "end", NULL, s);
    }
    fprintf(c->f, "<text transform=\"translate(24 160) rotate(-90)\" text-anchor=\"middle\" "
                  "font-weight=\"bold\" fill=\"" C_INK "\">Correct choices</text>\n");
    text(c, 250, 314, "middle", "font-size=\"16\"", "AI was right");
    text(c, 550, 314, "middle", "font-size=\"16\"", "AI was wrong");
    text(c, 400, 342, "middle", "font-weight=\"bold\"", "The AI's advice");
}

static void accuracy_legend(debrief_chart *c, int id)
{
    fprintf(c->f,
            "<rect x=\"180\" y=\"10\" width=\"22\" height=\"16\" fill=\"url(#ch%d-h)\" "
            "stroke=\"" C_INK "\"/>\n",
            id);
    text(c, 208, 23, "start", NULL, "Unaided (initial choice)");
    fprintf(c->f, "<rect x=\"440\" y=\"10\" width=\"22\" height=\"16\" fill=\"" C_BLUE
                  "\" stroke=\"" C_INK "\"/>\n");
    text(c, 468, 23, "start", NULL, "Final choice");
}

static void prop_words(debrief_chart *c, const metric_value *v)
{
    if (v->has)
        fprintf(c->f, "%.0f%% (%ld of %ld)", 100.0 * v->value, v->num, v->den);
    else
        fprintf(c->f, "n/a (no decisions)");
}

static void accuracy_table(debrief_chart *c, const metrics *m)
{
    const metric_value *cell[2][2] = {
        {&m->unaided_ai_right, &m->m[METRIC_ACCURACY_AI_RIGHT]},
        {&m->unaided_ai_wrong, &m->m[METRIC_ACCURACY_AI_WRONG]},
    };
    debrief_html_table_open(c->f, "Unaided and final accuracy");
    fprintf(c->f, "<thead><tr><th scope=\"col\">The AI's advice</th>"
                  "<th scope=\"col\" class=\"num\">Unaided (initial)</th>"
                  "<th scope=\"col\" class=\"num\">Final</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < 2; i++) {
        fprintf(c->f, "<tr><th scope=\"row\">AI %s</th>", i == 0 ? "right" : "wrong");
        for (int j = 0; j < 2; j++) {
            fprintf(c->f, "<td class=\"num\">");
            debrief_html_rate_cell(c->f, cell[i][j]->num, cell[i][j]->den);
            fprintf(c->f, "</td>");
        }
        fprintf(c->f, "</tr>\n");
    }
    fprintf(c->f, "</tbody>\n");
    debrief_html_table_close(c->f);
}

void debrief_chart_accuracy(debrief_chart *c, const metrics *m)
{
    int id = svg_open(c, "accuracy", NULL, 760, 352, "Unaided and final accuracy by AI correctness",
                      NULL);
    fprintf(c->f, "When the AI was right: unaided ");
    prop_words(c, &m->unaided_ai_right);
    fprintf(c->f, ", final ");
    prop_words(c, &m->m[METRIC_ACCURACY_AI_RIGHT]);
    fprintf(c->f, ". When the AI was wrong: unaided ");
    prop_words(c, &m->unaided_ai_wrong);
    fprintf(c->f, ", final ");
    prop_words(c, &m->m[METRIC_ACCURACY_AI_WRONG]);
    fprintf(c->f, ".");
    desc_end(c);
    hatch_def(c, id, "h", "#ffffff", C_SKY);
    accuracy_axes(c);
    accuracy_legend(c, id);
    accuracy_bar(c, id, 150, &m->unaided_ai_right, false);
    accuracy_bar(c, id, 260, &m->m[METRIC_ACCURACY_AI_RIGHT], true);
    accuracy_bar(c, id, 450, &m->unaided_ai_wrong, false);
    accuracy_bar(c, id, 560, &m->m[METRIC_ACCURACY_AI_WRONG], true);
    fprintf(c->f,
            "</svg>\n<figcaption>Hatched bars: the unaided initial choice; solid bars: the final "
            "choice. Each bar is named below it and labelled with its percentage and count."
            "</figcaption>\n");
    accuracy_table(c, m);
    fprintf(c->f, "</figure>\n");
}

/* ---- Decision times ---- */

double debrief_chart_quantile(const int64_t *v, size_t n, double q)
{
    double pos = q * (double)(n - 1);
    size_t lo = (size_t)floor(pos);
    double frac = pos - (double)lo;
    if (lo + 1 >= n)
        return (double)v[n - 1];
    return (double)v[lo] + frac * (double)(v[lo + 1] - v[lo]);
}

double debrief_chart_step(double top, int max_ticks)
{
    double p = pow(10.0, floor(log10(top / max_ticks)));
    static const double mult[] = {1, 2, 5, 10};
    for (int i = 0; i < 4; i++) {
        if (top / (p * mult[i]) <= max_ticks)
            return p * mult[i];
    }
    return p * 10;
}

static const char *const time_rows[3] = {"AI right", "AI wrong", "No advice"};

#define TIME_X0 170.0
#define TIME_W 540.0

typedef struct box {
    double min, q1, med, q3, max;
} box;

static box box_of(const int64_t *v, size_t n)
{
    box b;
    b.min = (double)v[0] / 1000.0;
    b.q1 = debrief_chart_quantile(v, n, 0.25) / 1000.0;
    b.med = debrief_chart_quantile(v, n, 0.5) / 1000.0;
    b.q3 = debrief_chart_quantile(v, n, 0.75) / 1000.0;
    b.max = (double)v[n - 1] / 1000.0;
    return b;
}

static void time_box(debrief_chart *c, int id, int row, const box *b, double scale, double y)
{
    static const char *const fill[3] = {"#cfe6f5", NULL, "#e4e4e4"};
    double x1 = TIME_X0 + b->q1 * scale, x3 = TIME_X0 + b->q3 * scale;
    fprintf(c->f,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" C_INK
            "\" stroke-width=\"2\"/>\n",
            TIME_X0 + b->min * scale, y, TIME_X0 + b->max * scale, y);
    fprintf(c->f,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" C_INK
            "\" stroke-width=\"2\"/>\n",
            TIME_X0 + b->min * scale, y - 10, TIME_X0 + b->min * scale, y + 10);
    fprintf(c->f,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" C_INK
            "\" stroke-width=\"2\"/>\n",
            TIME_X0 + b->max * scale, y - 10, TIME_X0 + b->max * scale, y + 10);
    if (fill[row])
        fprintf(c->f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"30\" fill=\"%s\" "
                "stroke=\"" C_INK "\" stroke-width=\"2\"/>\n",
                x1, y - 15, fmax(x3 - x1, 1.0), fill[row]);
    else
        fprintf(c->f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"30\" fill=\"url(#ch%d-h)\" "
                "stroke=\"" C_INK "\" stroke-width=\"2\"/>\n",
                x1, y - 15, fmax(x3 - x1, 1.0), id);
    fprintf(c->f,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" C_INK
            "\" stroke-width=\"5\"/>\n",
            TIME_X0 + b->med * scale, y - 15, TIME_X0 + b->med * scale, y + 15);
}

static void time_axis(debrief_chart *c, double top, double step, double scale)
{
    fprintf(c->f, "<line x1=\"%.0f\" y1=\"240\" x2=\"%.0f\" y2=\"240\" stroke=\"" C_INK "\"/>\n",
            TIME_X0, TIME_X0 + TIME_W);
    for (double s = 0; s <= top + step / 2; s += step) {
        char label[32];
        double x = TIME_X0 + s * scale;
        fprintf(c->f,
                "<line x1=\"%.1f\" y1=\"240\" x2=\"%.1f\" y2=\"246\" stroke=\"" C_INK "\"/>\n"
                "<line x1=\"%.1f\" y1=\"40\" x2=\"%.1f\" y2=\"240\" stroke=\"#eeeeee\"/>\n",
                x, x, x, x);
        snprintf(label, sizeof label, "%g", s);
        text(c, x, 262, "middle", NULL, label);
    }
    text(c, TIME_X0 + TIME_W / 2, 290, "middle", "font-weight=\"bold\"",
         "Seconds to the final choice");
}

static void times_desc(debrief_chart *c, const box *b, const size_t n[3])
{
    for (int k = 0; k < 3; k++) {
        if (n[k] == 0)
            fprintf(c->f, "%s: no decisions. ", time_rows[k]);
        else
            fprintf(c->f,
                    "%s (n = %zu): median %.2f s, quartiles %.2f to %.2f s, range %.2f to "
                    "%.2f s. ",
                    time_rows[k], n[k], b[k].med, b[k].q1, b[k].q3, b[k].min, b[k].max);
    }
}

static void times_table(debrief_chart *c, const box *b, const size_t n[3])
{
    debrief_html_table_open(c->f, "Times to the final choice");
    fprintf(c->f, "<thead><tr><th scope=\"col\">Decisions</th>"
                  "<th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">Min</th>"
                  "<th scope=\"col\" class=\"num\">Lower quartile</th>"
                  "<th scope=\"col\" class=\"num\">Median</th>"
                  "<th scope=\"col\" class=\"num\">Upper quartile</th>"
                  "<th scope=\"col\" class=\"num\">Max</th></tr></thead>\n<tbody>\n");
    for (int k = 0; k < 3; k++) {
        fprintf(c->f, "<tr><th scope=\"row\">%s</th><td class=\"num\">%zu</td>", time_rows[k],
                n[k]);
        if (n[k] == 0)
            fprintf(c->f, "<td class=\"num na\" colspan=\"5\">n/a</td>");
        else
            fprintf(c->f,
                    "<td class=\"num\">%.2f&#8201;s</td><td class=\"num\">%.2f&#8201;s</td>"
                    "<td class=\"num\">%.2f&#8201;s</td><td class=\"num\">%.2f&#8201;s</td>"
                    "<td class=\"num\">%.2f&#8201;s</td>",
                    b[k].min, b[k].q1, b[k].med, b[k].q3, b[k].max);
        fprintf(c->f, "</tr>\n");
    }
    fprintf(c->f, "</tbody>\n");
    debrief_html_table_close(c->f);
}

void debrief_chart_times(debrief_chart *c, const int64_t *const ms[3], const size_t n[3])
{
    box b[3];
    double top = 1.0, step, scale;
    int id;
    memset(b, 0, sizeof b);
    for (int k = 0; k < 3; k++) {
        if (n[k] == 0)
            continue;
        b[k] = box_of(ms[k], n[k]);
        top = fmax(top, b[k].max);
    }
    step = debrief_chart_step(top, 8);
    top = ceil(top / step) * step;
    scale = TIME_W / top;
    id = svg_open(c, "times", NULL, 760, 300, "Time to the final choice by AI correctness", NULL);
    times_desc(c, b, n);
    desc_end(c);
    hatch_def(c, id, "h", "#fde9cf", C_ORANGE);
    time_axis(c, top, step, scale);
    for (int k = 0; k < 3; k++) {
        double y = 70 + 70.0 * k;
        char label[64];
        snprintf(label, sizeof label, "%s (n = %zu)", time_rows[k], n[k]);
        text(c, 155, y + 5, "end", "font-size=\"15\"", label);
        if (n[k] == 0)
            text(c, TIME_X0 + 10, y + 5, "start", "font-style=\"italic\"", "no decisions (n/a)");
        else
            time_box(c, id, k, &b[k], scale, y);
    }
    fprintf(c->f,
            "</svg>\n<figcaption>Box: the middle half of the decisions (quartiles); thick bar: "
            "the median; whiskers: the fastest and the slowest.</figcaption>\n");
    times_table(c, b, n);
    fprintf(c->f, "</figure>\n");
}

/* ---- The drawing parts other charts share (debrief_chart_svg.h) ---- */

int debrief_svg_open(debrief_chart *c, const char *kind, const char *cls, int w, int h,
                     const char *title, const char *title_who)
{
    return svg_open(c, kind, cls, w, h, title, title_who);
}

void debrief_svg_desc_end(debrief_chart *c)
{
    desc_end(c);
}

void debrief_svg_hatch(debrief_chart *c, int id, const char *name, const char *ground,
                       const char *line)
{
    hatch_def(c, id, name, ground, line);
}

void debrief_svg_text(debrief_chart *c, double x, double y, const char *anchor, const char *extra,
                      const char *s)
{
    text(c, x, y, anchor, extra, s);
}
