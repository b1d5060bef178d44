/* debrief_research: the research measures and the learning curve in the
 * terminal summary (debrief_research.h). */
#include "debrief_research.h"

#include "metrics_curve.h"

/* "2/3" (a count), n/a when there is none. */
static const char *count_text(const metric_value *v, char *buf, size_t size)
{
    if (v->has)
        snprintf(buf, size, "%ld/%ld", v->num, v->den);
    else
        snprintf(buf, size, "n/a");
    return buf;
}

/* Three lines after a group's figures: the 2x2x2 table, the accuracy
 * split and explanation_catch, each with its counts. */
void debrief_print_research(FILE *f, const metrics *m)
{
    static const char *const split[] = {"unaided", "with AI", "AI's own"};
    char a[32], b[32], c[32];
    fputs("  reliance table (initial, AI, final; R right, W wrong):", f);
    for (int cell = 0; cell < 8; cell++)
        fprintf(f, " %c%c%c %ld", cell & 4 ? 'R' : 'W', cell & 2 ? 'R' : 'W', cell & 1 ? 'R' : 'W',
                m->table[cell >> 2 & 1][cell >> 1 & 1][cell & 1]);
    fputs("\n  accuracy (all, AI right, AI wrong):", f);
    for (int r = 0; r < 3; r++)
        fprintf(f, "%s %s %s %s %s", r ? " |" : "", split[r],
                count_text(&m->accuracy_split[r][METRICS_ALL], a, sizeof a),
                count_text(&m->accuracy_split[r][METRICS_AI_RIGHT], b, sizeof b),
                count_text(&m->accuracy_split[r][METRICS_AI_WRONG], c, sizeof c));
    fprintf(f,
            "\n  explanation_catch: followed wrong advice %s with the explanation or model card "
            "opened, %s without\n",
            count_text(&m->explanation_catch[1], a, sizeof a),
            count_text(&m->explanation_catch[0], b, sizeof b));
}

/* "Learning curve, over-reliance by each trainee's 1st, 2nd... case: 1/2,
 * n/a (…)", after the cohort's summary; the first ten points. */
void debrief_print_curve(FILE *f, const metrics_set *set)
{
    const metrics_curve *c = metrics_set_curve(set);
    const metrics_curve_point *p;
    size_t n = c ? metrics_curve_points(c, &p) : 0;
    char a[32];
    if (n == 0)
        return;
    fputs("Learning curve, over-reliance by each trainee's 1st, 2nd... case:", f);
    for (size_t k = 0; k < n && k < 10; k++)
        fprintf(f, "%s %s", k ? "," : "", count_text(&p[k].over, a, sizeof a));
    fprintf(f, "%s (--json gives every point, with under-reliance).\n", n > 10 ? ", ..." : "");
}
