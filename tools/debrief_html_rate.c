/* debrief_html_rate: the report's rates (see debrief_html_rate.h). */
#include "debrief_html_rate.h"

#include "metrics.h"

void debrief_html_rate_figure(FILE *f, long num, long den)
{
    if (den <= 0)
        fputs("<span class=\"na\">n/a</span>", f);
    else if (den < METRICS_SMALL_N)
        fprintf(f, "%ld of %ld <span class=\"basis\">(fewer than %d: a small sample)</span>", num,
                den, METRICS_SMALL_N);
    else
        fprintf(f, "%.1f%%", 100.0 * (double)num / (double)den);
}

void debrief_html_rate_basis(FILE *f, long num, long den)
{
    double lo, hi;
    if (metrics_wilson(num, den, &lo, &hi))
        fprintf(f, "%ld&#8239;/&#8239;%ld, 95%% CI %.1f&#8211;%.1f%%", num, den, 100.0 * lo,
                100.0 * hi);
    else
        fprintf(f, "%ld&#8239;/&#8239;%ld", num, den);
}

void debrief_html_rate_cell(FILE *f, long num, long den)
{
    double lo, hi;
    if (den <= 0 || den >= METRICS_SMALL_N) {
        debrief_html_rate_figure(f, num, den);
        fputs("<span class=\"ci\">", f);
        debrief_html_rate_basis(f, num, den);
    } else {
        /* the mark joins the interval's line: the cell stays narrow */
        (void)metrics_wilson(num, den, &lo, &hi);
        fprintf(f, "%ld of %ld<span class=\"ci\">a small sample; 95%% CI %.1f&#8211;%.1f%%", num,
                den, 100.0 * lo, 100.0 * hi);
    }
    fputs("</span>", f);
}

void debrief_html_rate_inline(FILE *f, long num, long den)
{
    double lo, hi;
    fprintf(f, "<strong>%ld</strong> of %ld", num, den);
    if (!metrics_wilson(num, den, &lo, &hi))
        return;
    fprintf(f, " <span class=\"basis\">(%s95%% CI %.0f&#8211;%.0f%%)</span>",
            den < METRICS_SMALL_N ? "a small sample; " : "", 100.0 * lo, 100.0 * hi);
}
