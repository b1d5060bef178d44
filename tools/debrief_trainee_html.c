/* debrief_trainee_html: the page of one trainee's debrief
 * (debrief_trainee_page.h). Self-contained like the cohort report, with its
 * stylesheet (debrief_html_style.h) and charts (debrief_chart.h): their
 * figures against the group's, their reliance beside the group's, their
 * learning curve, then each of their decisions with the feedback they got,
 * case by case in time order.
 *
 * The decisions are read in a second streaming pass. Files come in name
 * order, not time order, so each session's block is written to a temporary
 * file and the blocks are copied to the page by start time (one trainee's
 * sessions: a list of offsets). Where no temporary file can be made, the
 * blocks go straight to the page in file order. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief_chart.h"
#include "debrief_html_rate.h"
#include "debrief_chart_curve.h"
#include "debrief_csv.h"
#include "debrief_fmt.h"
#include "debrief_html_style.h"
#include "debrief_html_table.h"
#include "debrief_report.h"
#include "debrief_text.h"
#include "debrief_trainee_page.h"
#include "log_reader.h"
#include "mem.h"
#include "out_file.h"

/* A trainee's figure among trainees is shown only from this many trainees
 * with a value: with fewer, one person's figure could be read from it. */
#define MIN_SPREAD 5
/* The group's own figures are shown from this many trainees: with two, the
 * group's figure and the trainee's would give the other's. */
#define MIN_GROUP 3

static bool group_shown(const debrief_trainee_figures *t)
{
    return t->trainees >= MIN_GROUP;
}

static const char page_style[] =
    "dl.choices{display:grid;grid-template-columns:minmax(9rem,max-content) 1fr;"
    "gap:.2rem 1rem;margin:.5rem 0}dl.choices dt{font-weight:bold}dl.choices dd{margin:0}"
    "dd.rationale{white-space:pre-wrap}\n"
    "article.decision{border-top:1px solid var(--rule);padding:.25rem 0 .5rem}"
    "article.decision h4{margin:.5rem 0 .25rem;font-size:1.05rem}"
    ".callout.teaching{border-color:var(--blue);background:#eef6fb}\n"
    "p.prompt{font-style:italic;margin:.25rem 0}\n"
    ".curves{display:flex;flex-wrap:wrap;gap:1.5rem}.curves figure{width:520px;max-width:100%;"
    "margin:0}\n";

/* ---- Figures in words ----------------------------------------------------- */

static void value_text(FILE *f, metric_id id, const metric_value *v)
{
    if (!v->has) {
        fprintf(f, "<span class=\"na\">n/a</span>");
        if (metrics_kind(id) == METRIC_KIND_PROPORTION)
            fprintf(f, " <span class=\"basis\">(%ld/%ld)</span>", v->num, v->den);
        return;
    }
    if (metrics_kind(id) == METRIC_KIND_PROPORTION) {
        if (v->den < METRICS_SMALL_N)
            fprintf(f,
                    "%ld of %ld <span class=\"basis\">(a small sample; 95%% CI %.0f&#8211;%.0f%%)"
                    "</span>",
                    v->num, v->den, 100.0 * v->ci_low, 100.0 * v->ci_high);
        else
            fprintf(f, "%.1f%% <span class=\"basis\">(%ld/%ld, 95%% CI %.1f&#8211;%.1f%%)</span>",
                    100.0 * v->value, v->num, v->den, 100.0 * v->ci_low, 100.0 * v->ci_high);
        return;
    }
    if (id == METRIC_MEDIAN_MS_FINAL)
        fprintf(f, "%.1f&#8201;s", v->value / 1000.0);
    else
        fprintf(f, "%.2f", v->value);
    fprintf(f, " <span class=\"basis\">(n&#8201;=&#8201;%ld)</span>", v->n);
}

static void spread_text(FILE *f, const debrief_trainee_figures *t, metric_id id, bool *oom)
{
    double lo = 0, mid = 0, hi = 0;
    long n = 0;
    int got = debrief_trainee_spread(t->each, id, &lo, &mid, &hi, &n);
    double k = metrics_kind(id) == METRIC_KIND_PROPORTION ? 100.0 : 1.0;
    const char *unit = k > 1 ? "%" : "";
    if (got < 0)
        *oom = true;
    if (got <= 0 || n < MIN_SPREAD) {
        fprintf(f,
                "<span class=\"na\">not shown</span> <span class=\"basis\">(%ld trainee%s "
                "with a value)</span>",
                n, n == 1 ? "" : "s");
        return;
    }
    fprintf(f,
            "%.0f%s &#8211; <strong>%.0f%s</strong> &#8211; %.0f%s <span class=\"basis\">(%ld "
            "trainees)</span>",
            k * lo, unit, k * mid, unit, k * hi, unit, n);
}

typedef struct row_def {
    metric_id id;
    const char *label;
} row_def;

static const row_def rows[] = {
    {METRIC_FINAL_ACCURACY, "Final accuracy: your committed choice was a best one"},
    {METRIC_UNAIDED_ACCURACY, "Accuracy before the advice (your initial choice)"},
    {METRIC_OVER_RELIANCE, "Over-reliance: followed advice that was wrong"},
    {METRIC_UNDER_RELIANCE, "Under-reliance: overrode advice that was right"},
    {METRIC_AGREEMENT, "Agreement with the AI"},
    {METRIC_SWITCH_TO_AI, "Switched to the AI's answer"},
    {METRIC_RAIR, "Relative AI reliance (RAIR)"},
    {METRIC_RSR, "Relative self-reliance (RSR)"},
    {METRIC_TRUST_AI_RIGHT, "Mean trust when the AI was right (1&#8211;7)"},
    {METRIC_TRUST_AI_WRONG, "Mean trust when the AI was wrong (1&#8211;7)"},
    {METRIC_TRUST_AUROC, "Trust AUROC (0.5 = blind, 1 = perfect)"},
    {METRIC_CONFIDENCE_RIGHT, "Mean confidence when right (1&#8211;7)"},
    {METRIC_CONFIDENCE_WRONG, "Mean confidence when wrong (1&#8211;7)"},
    {METRIC_CONFIDENCE_AUROC, "Self-calibration: confidence AUROC (0.5 = chance, 1 = perfect)"},
    {METRIC_EXPLANATION_OPENED, "Opened the explanation"},
    {METRIC_MEDIAN_MS_FINAL, "Median time to the final choice"},
};

/* "You followed wrong advice 1 time out of 3; the group, 4 times out of
 * 10." */
static void sentence(FILE *f, const char *what, const char *better, const char *did,
                     const metric_value *mine, const metric_value *group)
{
    /* group NULL: the group's figures are not shown */
    fprintf(f, "<p><strong>%s</strong> %s ", what, better);
    if (mine->den == 0)
        fprintf(f, "You had no decision where this could happen");
    else
        fprintf(f, "You %s %ld time%s out of %ld", did, mine->num, mine->num == 1 ? "" : "s",
                mine->den);
    if (group)
        fprintf(f, "; the group, %ld time%s out of %ld", group->num, group->num == 1 ? "" : "s",
                group->den);
    fprintf(f, ".</p>\n");
}

static void write_summary(FILE *f, const debrief_trainee_figures *t, bool *oom)
{
    const metrics *g = group_shown(t) ? &t->group : NULL;
    fprintf(f, "<section id=\"summary\">\n<h2>Your figures beside the group's</h2>\n");
    sentence(f, "Over-reliance: following advice that was wrong.", "Lower is better.",
             "followed wrong advice", &t->mine.m[METRIC_OVER_RELIANCE],
             g ? &g->m[METRIC_OVER_RELIANCE] : NULL);
    sentence(f, "Under-reliance: overriding advice that was right.", "Lower is better.",
             "overrode right advice", &t->mine.m[METRIC_UNDER_RELIANCE],
             g ? &g->m[METRIC_UNDER_RELIANCE] : NULL);
    sentence(f, "Final accuracy: a best choice in the end.", "Higher is better.",
             "made a best final choice", &t->mine.m[METRIC_FINAL_ACCURACY],
             g ? &g->m[METRIC_FINAL_ACCURACY] : NULL);
    fprintf(f, "<div class=\"wide\" role=\"region\" aria-label=\"Your figures and the group's\" "
               "tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">Measure</th>"
               "<th scope=\"col\" class=\"num\">You</th><th scope=\"col\" class=\"num\">The "
               "group</th><th scope=\"col\" class=\"num\">Across trainees: lowest &#8211; "
               "<strong>median</strong> &#8211; highest</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        metric_id id = rows[i].id;
        fprintf(f, "<tr><th scope=\"row\">%s</th><td class=\"num\">", rows[i].label);
        value_text(f, id, &t->mine.m[id]);
        fprintf(f, "</td><td class=\"num\">");
        if (g)
            value_text(f, id, &g->m[id]);
        else
            fprintf(f, "<span class=\"na\">not shown</span>");
        fprintf(f, "</td><td class=\"num\">");
        spread_text(f, t, id, oom);
        fprintf(f, "</td></tr>\n");
    }
    fprintf(f, "</tbody></table></div>\n");
    fprintf(f,
            "<p>The group is every counted session of the %ld trainee%s in these logs, yours "
            "included; no one else is named. The spread across trainees is shown from %d "
            "trainees with a value, so that no one's figure can be read from it. A rate is "
            "given with its count and its 95%% Wilson score interval (CI); one on fewer than "
            "%d decisions is given as a count and marked as a small sample.</p>\n</section>\n",
            t->trainees, t->trainees == 1 ? "" : "s", MIN_SPREAD, METRICS_SMALL_N);
    if (!g)
        fprintf(f,
                "<p>The group's own figures are shown from %d trainees: with fewer, the "
                "group's figure and yours would give another trainee's.</p>\n",
                MIN_GROUP);
}

static void write_reliance(FILE *f, debrief_chart *ch, const debrief_trainee_figures *t)
{
    fprintf(f, "<section id=\"reliance\">\n<h2>Your reliance on the AI, and the group's</h2>\n"
               "<p>Decisions with advice shown, by whether the AI was right and whether your "
               "final choice followed it. Appropriate reliance is on the diagonal from top "
               "left: follow right advice, override wrong advice. Hatched cells are the errors "
               "of reliance.</p>\n<div class=\"multiples\">\n");
    debrief_chart_reliance(ch, "you", &t->mine, true);
    if (group_shown(t))
        debrief_chart_reliance(ch, "the group", &t->group, true);
    fprintf(f, "</div>\n</section>\n");
}

/* A rate of the curve's table, through the report's one rate writer;
 * "n/a" past the last point. */
static void curve_cell(FILE *f, const metrics_curve_point *p, size_t n, size_t k, bool over)
{
    const metric_value *v = k <= n ? (over ? &p[k - 1].over : &p[k - 1].under) : NULL;
    fprintf(f, "<td class=\"num\">");
    debrief_html_rate_cell(f, v ? v->num : 0, v ? v->den : 0);
    fprintf(f, "</td>");
}

static void write_curve(FILE *f, debrief_chart *ch, const debrief_trainee_figures *t)
{
    const metrics_curve_point *gc = group_shown(t) ? t->group_curve : NULL;
    size_t n_gc = gc ? t->n_group_curve : 0;
    size_t n = t->n_my_curve > n_gc ? t->n_my_curve : n_gc;
    fprintf(f, "<section id=\"curve\">\n<h2>Your learning curve</h2>\n<p>Over- and "
               "under-reliance at your 1st, 2nd, 3rd&#8230; case in time order, beside the "
               "group's at each trainee's case of that number. Did your reliance on the AI "
               "become better calibrated case by case? Lower is better for both.</p>\n"
               "<div class=\"curves\">\n");
    debrief_chart_curve(ch, true, t->my_curve, t->n_my_curve, gc, n_gc);
    debrief_chart_curve(ch, false, t->my_curve, t->n_my_curve, gc, n_gc);
    fprintf(f, "</div>\n");
    debrief_html_table_open(f, "Your learning curve");
    fprintf(f, "<thead><tr><th scope=\"col\">Case</th><th scope=\"col\" class=\"num\">"
               "Over-reliance: you</th><th scope=\"col\" class=\"num\">the group</th>"
               "<th scope=\"col\" class=\"num\">Under-reliance: you</th><th scope=\"col\" "
               "class=\"num\">the group</th><th scope=\"col\" class=\"num\">Trainees with a "
               "case this far</th></tr></thead>\n<tbody>\n");
    for (size_t k = 1; k <= n; k++) {
        fprintf(f, "<tr><th scope=\"row\">%zu</th>", k);
        curve_cell(f, t->my_curve, t->n_my_curve, k, true);
        curve_cell(f, gc, n_gc, k, true);
        curve_cell(f, t->my_curve, t->n_my_curve, k, false);
        curve_cell(f, gc, n_gc, k, false);
        if (gc)
            fprintf(f, "<td class=\"num\">%ld</td></tr>\n", k <= n_gc ? gc[k - 1].trainees : 0L);
        else
            fprintf(f, "<td class=\"num\"><span class=\"na\">not shown</span></td></tr>\n");
    }
    fprintf(f, "</tbody>\n");
    debrief_html_table_close(f);
    fprintf(f, "</section>\n");
}

/* ---- The decisions -------------------------------------------------------- */

/* "label" (or the id where the log has no label). */
static void choice(FILE *f, const log_decision *d, const char *option)
{
    const char *label = debrief_csv_label(d, option);
    debrief_fmt_html(f, label ? label : option);
}

static void best_labels(FILE *f, const log_decision *d)
{
    for (size_t i = 0; i < d->n_best; i++) {
        fprintf(f, "%s", i ? "; " : "");
        choice(f, d, d->best[i]);
    }
}

static void mark(FILE *f, bool has, bool right, const char *yes, const char *no)
{
    if (has)
        fprintf(f, " <span class=\"%s\">%s %s</span>", right ? "ok-mark" : "bad-mark",
                right ? "&#10003;" : "&#10007;", right ? yes : no);
}

static void write_advice(FILE *f, const log_decision *d)
{
    if (!metrics_advice_shown(d) || !d->ai) {
        fprintf(f, "<dt>The AI</dt><dd>%s</dd>\n",
                d->timing && strcmp(d->timing, "on_request") == 0 ? "not asked for"
                                                                  : "gave no advice");
        return;
    }
    fprintf(f, "<dt>The AI advised</dt><dd>");
    choice(f, d, d->ai);
    if (d->has_ai_confidence)
        fprintf(f, " <span class=\"basis\">(%.0f%% confident)</span>", 100.0 * d->ai_confidence);
    mark(f, d->has_ai_correct, d->ai_correct, "right advice", "wrong advice");
    fprintf(f, "</dd>\n");
}

static void write_decision(FILE *f, const log_session *s, const log_decision *d, size_t *from)
{
    const log_node *node = debrief_csv_node(s, d, from);
    fprintf(f, "<article class=\"decision\">\n<h4>");
    debrief_fmt_html(f, node && node->title ? node->title : d->node);
    fprintf(f, "</h4>\n");
    if (d->prompt) {
        fprintf(f, "<p class=\"prompt\">");
        debrief_fmt_html(f, d->prompt);
        fprintf(f, "</p>\n");
    }
    fprintf(f, "<dl class=\"choices\">\n");
    if (d->initial) {
        fprintf(f, "<dt>Your first choice</dt><dd>");
        choice(f, d, d->initial);
        mark(f, d->has_initial_correct, d->initial_correct, "a best choice", "not a best choice");
        fprintf(f, "</dd>\n");
    }
    write_advice(f, d);
    fprintf(f, "<dt>Your final choice</dt><dd>");
    if (d->final)
        choice(f, d, d->final);
    else
        fprintf(f, "none");
    if (d->timed_out)
        fprintf(f, " <span class=\"flag\">(the time ran out)</span>");
    mark(f, d->has_final_correct, d->final_correct, "a best choice", "not a best choice");
    fprintf(f, "</dd>\n");
    if (d->has_final_correct && !d->final_correct && d->n_best > 0) {
        fprintf(f, "<dt>The best choice</dt><dd>");
        best_labels(f, d);
        fprintf(f, "</dd>\n");
    }
    if (d->has_trust)
        fprintf(f, "<dt>Your trust in the advice</dt><dd>%d of 7</dd>\n", d->trust);
    if (d->rationale && d->rationale[0]) {
        fprintf(f, "<dt>Your reasoning</dt><dd class=\"rationale\">");
        debrief_fmt_html(f, d->rationale);
        fprintf(f, "</dd>\n");
    }
    fprintf(f, "</dl>\n");
    if (d->feedback) {
        fprintf(f, "<p><strong>The feedback you got:</strong> ");
        debrief_fmt_html(f, d->feedback);
        fprintf(f, "</p>\n");
    }
    if (node && node->teaching) {
        fprintf(f, "<div class=\"callout teaching\" role=\"note\"><p><strong>Teaching "
                   "point:</strong> ");
        debrief_fmt_html(f, node->teaching);
        fprintf(f, "</p></div>\n");
    }
    fprintf(f, "</article>\n");
}

/* A session's block, after its heading's number: the case, when, how it
 * ended, then its decisions. */
static void write_session(FILE *f, const log_session *s)
{
    size_t from = 0;
    debrief_fmt_html(f, s->case_title ? s->case_title : s->case_id ? s->case_id : "(case unknown)");
    fprintf(f, "</h3>\n<p class=\"basis\">");
    if (s->started_at && debrief_fmt_is_timestamp(s->started_at))
        fprintf(f, "Started %.10s %.5s UTC &#183; ", s->started_at, s->started_at + 11);
    fprintf(f, "%s", log_status_name(s->status));
    if (s->ending) {
        for (int k = 0; k < LOG_OUTCOMES; k++)
            if (s->outcomes[k])
                fprintf(f, ", ending %s", log_outcome_name((log_outcome)k));
    }
    fprintf(f, " &#183; %zu decision%s</p>\n", s->n_decisions, s->n_decisions == 1 ? "" : "s");
    for (size_t i = 0; i < s->n_decisions; i++)
        write_decision(f, s, &s->decisions[i], &from);
}

typedef struct block {
    char *at, *id; /* the session's start and id, for the order */
    long off, len; /* in the temporary file */
} block;

typedef struct pass {
    const debrief_trainee_figures *t;
    FILE *page, *tmp; /* tmp NULL: straight to the page */
    block *v;
    size_t n, cap;
    bool oom;
} pass;

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    pass *p = ctx;
    if ((!p->t->a->include_runs && log_session_is_practice(s)) || !s->trainee ||
        strcmp(s->trainee, p->t->a->trainee) != 0)
        return 0;
    if (!p->tmp) {
        fprintf(p->page, "<section class=\"session\">\n<h3>");
        write_session(p->page, s);
        fprintf(p->page, "</section>\n");
        return 0;
    }
    block *v = mem_grow(p->v, &p->cap, p->n + 1, sizeof *v);
    if (!v) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    p->v = v;
    block *b = &v[p->n];
    b->off = ftell(p->tmp);
    write_session(p->tmp, s);
    b->len = ftell(p->tmp) - b->off;
    b->at = mem_strdup(s->started_at ? s->started_at : "");
    b->id = mem_strdup(s->id ? s->id : "");
    p->n++;
    if (!b->at || !b->id) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

static int by_time(const void *a, const void *b)
{
    const block *x = a, *y = b;
    int c = strcmp(x->at, y->at);
    return c ? c : strcmp(x->id, y->id);
}

static int copy_blocks(pass *p, apperr *e)
{
    char buf[8192];
    qsort(p->v, p->n, sizeof *p->v, by_time);
    for (size_t i = 0; i < p->n; i++) {
        long left = p->v[i].len;
        fprintf(p->page, "<section class=\"session\" id=\"case-%zu\">\n<h3>%zu. ", i + 1, i + 1);
        if (fseek(p->tmp, p->v[i].off, SEEK_SET) != 0)
            left = -1;
        while (left > 0) {
            size_t want = left < (long)sizeof buf ? (size_t)left : sizeof buf;
            size_t got = fread(buf, 1, want, p->tmp);
            if (got == 0)
                break;
            fwrite(buf, 1, got, p->page);
            left -= (long)got;
        }
        if (left != 0) {
            apperr_set(e, APPERR_ENV, NULL, 0, "cannot read back a temporary file: %s",
                       strerror(errno));
            return -1;
        }
        fprintf(p->page, "</section>\n");
    }
    return 0;
}

static int write_decisions(FILE *f, const debrief_trainee_figures *t, apperr *e)
{
    pass p = {.t = t, .page = f, .tmp = tmpfile()};
    log_read_opts o = {.on_session = on_session, .ctx = &p, .keep = debrief_csv_keep()};
    fprintf(f,
            "<section id=\"decisions\">\n<h2>Your decisions and the feedback you got</h2>\n"
            "<p>Case by case, %s.</p>\n",
            p.tmp ? "in the order you played them" : "in the order of the log files");
    int rc = log_read_paths(t->a->paths, t->a->n_paths, &o, NULL, e);
    if (rc == 0 && p.tmp)
        rc = copy_blocks(&p, e);
    if (rc == 0 && p.tmp && ferror(p.tmp)) {
        apperr_set(e, APPERR_ENV, NULL, 0, "cannot write a temporary file: %s", strerror(errno));
        rc = -1;
    }
    fprintf(f, "</section>\n");
    for (size_t i = 0; i < p.n; i++) {
        mem_free(p.v[i].at);
        mem_free(p.v[i].id);
    }
    mem_free(p.v);
    if (p.tmp)
        fclose(p.tmp);
    return rc;
}

/* ---- The page ------------------------------------------------------------------- */

static void write_head(FILE *f, const debrief_trainee_figures *t)
{
    const metrics *m = &t->mine;
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>Appraise debrief of ");
    debrief_fmt_html(f, t->a->trainee);
    fprintf(f, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<header>\n<h1>Debrief of ",
            debrief_html_style, page_style);
    debrief_fmt_html(f, t->a->trainee);
    fprintf(f, "</h1>\n<p class=\"lead\">%.0f session%s &#183; %.0f decision%s",
            m->m[METRIC_SESSIONS].value, m->m[METRIC_SESSIONS].value == 1 ? "" : "s",
            m->m[METRIC_DECISIONS].value, m->m[METRIC_DECISIONS].value == 1 ? "" : "s");
    if (t->first_at && debrief_fmt_is_timestamp(t->first_at) &&
        debrief_fmt_is_timestamp(t->last_at)) {
        if (strncmp(t->first_at, t->last_at, 10) == 0)
            fprintf(f, " &#183; played on %.10s", t->first_at);
        else
            fprintf(f, " &#183; played %.10s to %.10s", t->first_at, t->last_at);
    }
    fprintf(f, " &#183; against a group of %ld trainee%s</p>\n</header>\n", t->trainees,
            t->trainees == 1 ? "" : "s");
    fprintf(f,
            "<nav><p>Sections: <a href=\"#summary\">your figures</a> &#183; <a "
            "href=\"#reliance\">reliance</a> &#183; <a href=\"#curve\">learning curve</a> &#183; "
            "<a href=\"#decisions\">your "
            "decisions</a></p></nav>\n");
}

static int write_page(FILE *f, const debrief_trainee_figures *t, apperr *e)
{
    debrief_chart ch = {.f = f};
    bool oom = false;
    write_head(f, t);
    fprintf(f, "<main>\n");
    if (t->runs_left_out > 0)
        fprintf(f, "<p>Practice sessions (scripted, replayed or previewed, or started at a chosen "
                   "node) are left out of every figure.</p>\n");
    write_summary(f, t, &oom);
    write_reliance(f, &ch, t);
    write_curve(f, &ch, t);
    if (write_decisions(f, t, e) != 0)
        return -1;
    fprintf(f, "</main>\n<footer><p>Written by <code>appraise debrief --trainee</code>. Metric "
               "definitions: the session log specification (decision-log.md).</p></footer>\n"
               "</body>\n</html>\n");
    if (oom) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

int debrief_trainee_page(const debrief_trainee_figures *t, apperr *e)
{
    const char *path = t->a->html;
    out_file out;
    if (out_open(&out, path, e) != 0)
        return -1;
    int rc = write_page(out.f, t, e);
    return out_close(&out, rc == 0, e);
}
