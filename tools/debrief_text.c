/* debrief_text: the terminal figures of `appraise debrief` (debrief_text.h). */
#include "debrief_text.h"

#include <stdio.h>
#include <string.h>

#include "debrief_research.h"

/* ---- The block of every figure ------------------------------------------- */

/* Proportions as a percentage, means to two places, times in ms, AUROC and
 * discrimination to three places: readable, with the exact counts beside. */
static void print_figure(FILE *f, metric_id id, const metrics *m)
{
    const metric_value *v = &m->m[id];
    char val[96] = "n/a", extra[96] = "";
    switch (metrics_kind(id)) {
    case METRIC_KIND_COUNT:
        snprintf(val, sizeof val, "%ld", (long)v->value);
        if (id == METRIC_ADJUSTED_TIME_LIMITS)
            snprintf(extra, sizeof extra, "(%ld double, %ld off)",
                     m->time_limits[TIME_LIMITS_DOUBLE], m->time_limits[TIME_LIMITS_OFF]);
        if (id == METRIC_SESSIONS) /* how each ended: they add up to the count */
            snprintf(extra, sizeof extra, "(%ld complete, %ld quit, %ld error, %ld incomplete)",
                     m->status[LOG_COMPLETE], m->status[LOG_QUIT], m->status[LOG_ERROR],
                     m->status[LOG_INCOMPLETE]);
        break;
    case METRIC_KIND_OUTCOMES:
        snprintf(val, sizeof val, "good %ld, neutral %ld, harm %ld", m->outcomes[0], m->outcomes[1],
                 m->outcomes[2]);
        break;
    case METRIC_KIND_PROPORTION:
        if (id == METRIC_TIMEOUTS) { /* counted only where a limit was in force */
            snprintf(val, sizeof val, "%ld of %ld decision%s with a time limit in force", v->num,
                     v->den, v->den == 1 ? "" : "s");
            break;
        }
        if (v->has && v->den < METRICS_SMALL_N) /* "1 of 1", not "100%" */
            snprintf(val, sizeof val, "%ld of %ld", v->num, v->den);
        else if (v->has)
            snprintf(val, sizeof val, "%.1f%%", 100.0 * v->value);
        if (v->has)
            snprintf(extra, sizeof extra, "(%ld/%ld, 95%% CI %.1f-%.1f%%)%s", v->num, v->den,
                     100.0 * v->ci_low, 100.0 * v->ci_high,
                     v->den < METRICS_SMALL_N ? " small sample" : "");
        else
            snprintf(extra, sizeof extra, "(%ld/%ld)", v->num, v->den);
        break;
    default:
        if (v->has && (id == METRIC_MEDIAN_MS_FINAL || id == METRIC_MEDIAN_MS_INITIAL))
            snprintf(val, sizeof val, "%.1f ms", v->value);
        else if (v->has && (id == METRIC_TRUST_AUROC || id == METRIC_CONFIDENCE_AUROC ||
                            id == METRIC_DISCRIMINATION))
            snprintf(val, sizeof val, "%.3f", v->value);
        else if (v->has)
            snprintf(val, sizeof val, "%.2f", v->value);
        snprintf(extra, sizeof extra, "(n=%ld)", v->n);
        break;
    }
    if (extra[0])
        fprintf(f, "  %-20s %-12s %s\n", metrics_name(id), val, extra);
    else
        fprintf(f, "  %-20s %s\n", metrics_name(id), val);
}

/* Every figure, then the research measures' lines (debrief_research.h). */
static void print_figures(FILE *f, const metrics *m)
{
    for (int id = 0; id < METRIC_COUNT; id++)
        print_figure(f, (metric_id)id, m);
    debrief_print_research(f, m);
}

void debrief_text_block(FILE *f, const char *heading, const metrics *m)
{
    fprintf(f, "%s\n", heading);
    print_figures(f, m);
}

/* ---- The table of main figures --------------------------------------------- */

/* The figure columns after the keys. */
enum {
    COL_SESSIONS,
    COL_DECISIONS,
    COL_FINAL,
    COL_OVER,
    COL_UNDER,
    COL_AGREE,
    COL_TRUST,
    COL_TIMEOUTS,
    N_FIGURES
};

static const char *const figure_heads[N_FIGURES] = {
    "sessions",       "decisions", "final accuracy", "over-reliance",
    "under-reliance", "agreement", "mean trust",     "timeouts"};

#define CELL 40
#define MAX_COLS (METRICS_KEYS + N_FIGURES)

bool debrief_text_mean_trust(const metrics *m, double *mean, long *n)
{
    long count = 0, sum = 0;
    for (int r = 0; r < 2; r++)
        for (int t = 1; t <= 7; t++) {
            count += m->trust_hist[r][t];
            sum += (long)t * m->trust_hist[r][t];
        }
    *n = count;
    *mean = count ? (double)sum / (double)count : 0.0;
    return count > 0;
}

const char *debrief_text_rate(const metric_value *v, char *buf, size_t size, bool *marked)
{
    if (!v->has || v->den == 0)
        snprintf(buf, size, "n/a");
    else if (v->den < METRICS_SMALL_N) {
        snprintf(buf, size, "%ld/%ld*", v->num, v->den);
        *marked = true;
    } else
        snprintf(buf, size, "%ld/%ld %.0f%%", v->num, v->den, 100.0 * v->value);
    return buf;
}

static void rate_cell(char *out, const metric_value *v, bool *marked)
{
    debrief_text_rate(v, out, CELL, marked);
}

static void figure_cells(char cells[N_FIGURES][CELL], const metrics *m, bool *marked)
{
    double trust;
    long n;
    snprintf(cells[COL_SESSIONS], CELL, "%.0f", m->m[METRIC_SESSIONS].value);
    snprintf(cells[COL_DECISIONS], CELL, "%.0f", m->m[METRIC_DECISIONS].value);
    rate_cell(cells[COL_FINAL], &m->m[METRIC_FINAL_ACCURACY], marked);
    rate_cell(cells[COL_OVER], &m->m[METRIC_OVER_RELIANCE], marked);
    rate_cell(cells[COL_UNDER], &m->m[METRIC_UNDER_RELIANCE], marked);
    rate_cell(cells[COL_AGREE], &m->m[METRIC_AGREEMENT], marked);
    if (debrief_text_mean_trust(m, &trust, &n))
        snprintf(cells[COL_TRUST], CELL, "%.2f", trust);
    else
        snprintf(cells[COL_TRUST], CELL, "n/a");
    /* events, not a rate: the decisions with a limit in force are its basis */
    snprintf(cells[COL_TIMEOUTS], CELL, "%ld/%ld", m->m[METRIC_TIMEOUTS].num,
             m->m[METRIC_TIMEOUTS].den);
}

/* One row: the key values (kept as given: an id of any length) and the
 * figures' text. */
typedef struct text_row {
    const char *keys[METRICS_KEYS];
    char cells[N_FIGURES][CELL];
} text_row;

static void row_cells(text_row *r, size_t n_keys, size_t i, debrief_text_row_fn row, void *ctx,
                      bool *marked)
{
    metrics m;
    memset(r->keys, 0, sizeof r->keys);
    row(ctx, i, r->keys, &m);
    for (size_t k = 0; k < n_keys; k++)
        if (!r->keys[k])
            r->keys[k] = "(none)";
    figure_cells(r->cells, &m, marked);
}

static void header_cells(text_row *r, const char *const *key_names, size_t n_keys)
{
    for (size_t k = 0; k < n_keys; k++)
        r->keys[k] = key_names[k];
    for (int c = 0; c < N_FIGURES; c++)
        snprintf(r->cells[c], CELL, "%s", figure_heads[c]);
}

static void widen(int *width, const text_row *r, size_t n_keys)
{
    for (size_t k = 0; k < n_keys; k++)
        if ((int)strlen(r->keys[k]) > width[k])
            width[k] = (int)strlen(r->keys[k]);
    for (int c = 0; c < N_FIGURES; c++)
        if ((int)strlen(r->cells[c]) > width[n_keys + (size_t)c])
            width[n_keys + (size_t)c] = (int)strlen(r->cells[c]);
}

/* Keys left-aligned, figures right-aligned, two spaces between. */
static void print_row(FILE *f, const text_row *r, const int *width, size_t n_keys)
{
    for (size_t k = 0; k < n_keys; k++)
        fprintf(f, "%s%-*s", k ? "  " : "", width[k], r->keys[k]);
    for (int c = 0; c < N_FIGURES; c++)
        fprintf(f, "  %*s", width[n_keys + (size_t)c], r->cells[c]);
    fputs("\n", f);
}

void debrief_text_table(FILE *f, const char *const *key_names, size_t n_keys, size_t n_rows,
                        debrief_text_row_fn row, void *ctx)
{
    text_row r;
    int width[MAX_COLS] = {0};
    bool marked = false;
    if (n_keys > METRICS_KEYS)
        n_keys = METRICS_KEYS;
    header_cells(&r, key_names, n_keys);
    widen(width, &r, n_keys);
    for (size_t i = 0; i < n_rows; i++) { /* sizes first: every row's cells */
        row_cells(&r, n_keys, i, row, ctx, &marked);
        widen(width, &r, n_keys);
    }
    header_cells(&r, key_names, n_keys);
    print_row(f, &r, width, n_keys);
    for (size_t i = 0; i < n_rows; i++) {
        row_cells(&r, n_keys, i, row, ctx, &marked);
        print_row(f, &r, width, n_keys);
    }
    fputs("Rates are count/total, then the percentage. Timeouts: of the decisions with a time "
          "limit in force.\n",
          f);
    if (marked)
        fprintf(f, "* fewer than %d decisions behind the rate: a small sample, given as a count.\n",
                METRICS_SMALL_N);
}

/* ---- Every group of a set ----------------------------------------------- */

static void set_row(void *ctx, size_t g, const char **keys, metrics *m)
{
    const metrics_set *set = ctx;
    const metrics_key *k;
    size_t n = metrics_set_keys(set, &k);
    for (size_t i = 0; i < n && i < METRICS_KEYS; i++)
        keys[i] = metrics_set_value(set, g, i);
    metrics_set_metrics(set, g, m);
}

void debrief_text_groups(FILE *f, const metrics_set *set, bool long_form)
{
    const metrics_key *keys;
    size_t n = metrics_set_keys(set, &keys);
    if (n > 0 && !long_form) {
        const char *names[METRICS_KEYS];
        for (size_t k = 0; k < n && k < METRICS_KEYS; k++)
            names[k] = metrics_key_name(keys[k]);
        debrief_text_table(f, names, n, metrics_set_groups(set), set_row, (void *)set);
        fputs("--long prints every figure of each group.\n", f);
        return;
    }
    for (size_t g = 0; g < metrics_set_groups(set); g++) {
        metrics m;
        fputs(g ? "\n" : "", f);
        if (n == 0)
            fputs("All sessions", f);
        for (size_t k = 0; k < n; k++) {
            const char *v = metrics_set_value(set, g, k);
            fprintf(f, "%s%s %s", k ? ", " : "", metrics_key_name(keys[k]), v ? v : "(none)");
        }
        fputs("\n", f);
        metrics_set_metrics(set, g, &m);
        print_figures(f, &m);
    }
}
