/* debrief_chart_curve: the learning curve chart (debrief_chart_curve.h). */
#include "debrief_chart_curve.h"

#include <stdio.h>

#include "debrief_fmt.h"

#define W 460
#define H 280
#define X0 64.0  /* the plot's left edge */
#define X1 440.0 /* its right edge */
#define Y0 44.0  /* the top: 100% */
#define Y1 214.0 /* the bottom: 0% */

#define BLUE "#0072B2"   /* you */
#define ORANGE "#E69F00" /* the group */
#define INK "#111111"
#define GRID "#cccccc"

typedef struct series {
    const metrics_curve_point *p;
    size_t n;
} series;

static const metric_value *rate(const metrics_curve_point *p, bool over)
{
    return over ? &p->over : &p->under;
}

static double x_of(size_t k, size_t n)
{
    return n <= 1 ? (X0 + X1) / 2 : X0 + (double)(k - 1) * (X1 - X0) / (double)(n - 1);
}

static double y_of(double v)
{
    return Y1 - v * (Y1 - Y0);
}

/* "you 1 of 2 (50%)", or "you none to count" */
static void say(FILE *f, const char *who, const metrics_curve_point *p, size_t n, size_t k,
                bool over)
{
    const metric_value *v = k <= n ? rate(&p[k - 1], over) : NULL;
    if (v && v->has)
        fprintf(f, "%s %ld of %ld (%.0f%%)", who, v->num, v->den, 100.0 * v->value);
    else
        fprintf(f, "%s none to count", who);
}

static void axes(FILE *f, size_t n, const char *what)
{
    for (int t = 0; t <= 4; t++) {
        double y = y_of(t / 4.0);
        fprintf(f,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" GRID "\"/>"
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"" INK "\">%d%%</text>\n",
                X0, y, X1, y, X0 - 10, y + 5, 25 * t);
    }
    size_t step = n <= 10 ? 1 : (size_t)debrief_chart_step((double)n, 10);
    for (size_t k = 1; k <= n; k += step)
        fprintf(f,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"" INK "\">%zu</text>\n",
                x_of(k, n), Y1 + 20, k);
    fprintf(f,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"" INK "\">Case number "
            "(1st, 2nd&#8230; in time order)</text>\n"
            "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" fill=\"" INK "\" "
            "transform=\"rotate(-90 16 %.1f)\">%s</text>\n",
            (X0 + X1) / 2, H - 8, (Y0 + Y1) / 2, (Y0 + Y1) / 2, what);
}

/* The line, broken where there is nothing to count. */
static void line(FILE *f, series s, size_t n, bool over, bool mine)
{
    bool pen = false;
    fprintf(f, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"3\"%s d=\"", mine ? BLUE : ORANGE,
            mine ? "" : " stroke-dasharray=\"7 5\"");
    for (size_t k = 1; k <= s.n; k++) {
        const metric_value *v = rate(&s.p[k - 1], over);
        if (!v->has) {
            pen = false;
            continue;
        }
        fprintf(f, "%c%.1f %.1f ", pen ? 'L' : 'M', x_of(k, n), y_of(v->value));
        pen = true;
    }
    fprintf(f, "\"/>\n");
}

/* The markers: your dots, then the group's hollow squares around them, so
 * that both show where the two meet. */
static void markers(FILE *f, series s, size_t n, bool over, bool mine)
{
    for (size_t k = 1; k <= s.n; k++) {
        const metric_value *v = rate(&s.p[k - 1], over);
        if (!v->has)
            continue;
        double x = x_of(k, n), y = y_of(v->value);
        if (mine)
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"" BLUE "\"/>\n", x, y);
        else
            fprintf(f,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"none\" "
                    "stroke=\"" ORANGE "\" stroke-width=\"3\"/>\n",
                    x - 7, y - 7);
    }
}

static void legend(FILE *f)
{
    fprintf(f,
            "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"16\" stroke=\"" BLUE "\" "
            "stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"16\" r=\"5\" fill=\"" BLUE "\"/>"
            "<text x=\"%.1f\" y=\"21\" fill=\"" INK "\">you</text>\n"
            "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"16\" stroke=\"" ORANGE "\" "
            "stroke-width=\"3\" stroke-dasharray=\"7 5\"/><rect x=\"%.1f\" y=\"9\" width=\"14\" "
            "height=\"14\" fill=\"#fff\" stroke=\"" ORANGE "\" stroke-width=\"3\"/>"
            "<text x=\"%.1f\" y=\"21\" fill=\"" INK "\">the group</text>\n",
            X0, X0 + 40, X0 + 20, X0 + 48, X0 + 130, X0 + 170, X0 + 143, X0 + 178);
}

void debrief_chart_curve(debrief_chart *c, bool over, const metrics_curve_point *mine,
                         size_t n_mine, const metrics_curve_point *group, size_t n_group)
{
    FILE *f = c->f;
    int id = ++c->next_id;
    size_t n = n_mine > n_group ? n_mine : n_group;
    const char *what = over ? "Over-reliance" : "Under-reliance";
    fprintf(f,
            "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"curve\" "
            "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"ch%d-t ch%d-d\" "
            "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"14\">\n"
            "<title id=\"ch%d-t\">Learning curve: %s by case number</title>\n<desc id=\"ch%d-d\">",
            W, H, id, id, id, what, id);
    fprintf(f, "%s (%s) at each case number, you and the group", what,
            over ? "followed wrong advice, of the wrong advice shown"
                 : "overrode right advice, of the right advice shown");
    for (size_t k = 1; k <= n; k++) {
        fprintf(f, "%s case %zu: ", k == 1 ? ":" : ";", k);
        say(f, "you", mine, n_mine, k, over);
        fprintf(f, ", ");
        say(f, "the group", group, n_group, k, over);
    }
    fprintf(f, "%s.</desc>\n", n == 0 ? ": no case to count" : "");
    legend(f);
    axes(f, n ? n : 1, over ? "Over-reliance" : "Under-reliance");
    line(f, (series){group, n_group}, n, over, false);
    line(f, (series){mine, n_mine}, n, over, true);
    markers(f, (series){mine, n_mine}, n, over, true);
    markers(f, (series){group, n_group}, n, over, false);
    fprintf(f,
            "</svg>\n<figcaption>%s by case number. Solid line and circles: you; dashed line "
            "and squares: the group. Lower is better. A gap: no %s advice to count at that "
            "case.</figcaption>\n</figure>\n",
            what, over ? "wrong" : "right");
}
