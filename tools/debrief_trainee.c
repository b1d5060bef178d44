/* debrief_trainee: one trainee's debrief (debrief_trainee.h). One streaming
 * pass fills the trainee's figures, the group's and each trainee's (for
 * the spread, never named); the page (debrief_trainee_html.c) reads the
 * logs again for the trainee's own decisions. */
#include "debrief_trainee.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief_report.h"
#include "debrief_text.h"
#include "debrief_trainee_page.h"
#include "exit_status.h"
#include "log_reader.h"
#include "mem.h"

/* How many other trainee ids the message about an unknown one lists. */
#define MAX_IDS_SAID 10

typedef struct reading {
    const debrief_opts *a;
    metrics_acc *mine, *group;
    metrics_set *each;
    metrics_curve *my_curve, *group_curve;
    long runs_left_out, my_runs; /* practice sessions left out: all, the trainee's */
    char *first_at, *last_at;
    bool oom;
} reading;

static bool is_trainee(const log_session *s, const char *id)
{
    return s->trainee && strcmp(s->trainee, id) == 0;
}

/* Keeps the earliest and latest start (UTC timestamps in one format: bytes
 * order them). */
static void note_time(reading *r, const char *at)
{
    char **slot[2] = {&r->first_at, &r->last_at};
    for (int k = 0; at && k < 2; k++) {
        int c = *slot[k] ? strcmp(at, *slot[k]) : 0;
        if (*slot[k] && (k == 0 ? c >= 0 : c <= 0))
            continue;
        char *copy = mem_strdup(at);
        if (!copy) {
            r->oom = true;
            return;
        }
        mem_free(*slot[k]);
        *slot[k] = copy;
    }
}

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    reading *r = ctx;
    bool mine = is_trainee(s, r->a->trainee);
    if (!r->a->include_runs && log_session_is_practice(s)) {
        r->runs_left_out++;
        r->my_runs += mine;
        return 0;
    }
    if (metrics_acc_add_session(r->group, s) != 0 || metrics_set_add(r->each, s) != 0 ||
        metrics_curve_add(r->group_curve, s) != 0 ||
        (mine &&
         (metrics_acc_add_session(r->mine, s) != 0 || metrics_curve_add(r->my_curve, s) != 0))) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory while computing the metrics");
        return -1;
    }
    if (mine)
        note_time(r, s->started_at);
    if (r->oom) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

static void on_issue(void *ctx, const log_issue *is)
{
    char buf[2048];
    (void)ctx;
    fprintf(stderr, "appraise: %s\n", log_issue_format(is, buf, sizeof buf));
}

static int read_logs(reading *r, log_read_stats *st, apperr *e)
{
    metrics_key by = METRICS_BY_TRAINEE;
    log_read_opts o = {.on_session = on_session, .on_issue = on_issue, .ctx = r};
    r->mine = metrics_acc_new();
    r->group = metrics_acc_new();
    r->my_curve = metrics_curve_new();
    r->group_curve = metrics_curve_new();
    if (!r->mine || !r->group || !r->my_curve || !r->group_curve ||
        metrics_set_new(&r->each, &by, 1) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    if (log_read_paths(r->a->paths, r->a->n_paths, &o, st, e) != 0)
        return -1;
    metrics_set_finish(r->each);
    if (metrics_curve_finish(r->my_curve) != 0 || metrics_curve_finish(r->group_curve) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

int debrief_trainee_spread(const metrics_set *each, metric_id id, double *lo, double *median,
                           double *hi, long *n)
{
    size_t groups = metrics_set_groups(each), cap = 0, k = 0;
    double *v = mem_grow(NULL, &cap, groups ? groups : 1, sizeof *v);
    if (!v)
        return -1;
    for (size_t g = 0; g < groups; g++) {
        metrics m;
        metrics_set_metrics(each, g, &m);
        if (m.m[id].has)
            v[k++] = m.m[id].value;
    }
    *n = (long)k;
    for (size_t i = 1; i < k; i++) /* insertion sort: a group's trainees */
        for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    if (k > 0) {
        *lo = v[0];
        *hi = v[k - 1];
        *median = k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2.0;
    }
    mem_free(v);
    return k > 0;
}

/* ---- The terminal ------------------------------------------------------- */

/* The learning curve, one line per case number: the trainee's over- and
 * under-reliance at their k-th case beside the group's. */
static void print_curve(const debrief_trainee_figures *t)
{
    char cell[4][48];
    bool marked = false;
    size_t n = t->n_my_curve > t->n_group_curve ? t->n_my_curve : t->n_group_curve;
    static const metric_value none = {0};
    printf("\nLearning curve, by case number in time order:\n%4s  %14s  %14s  %14s  %14s\n", "case",
           "over: you", "the group", "under: you", "the group");
    for (size_t k = 1; k <= n; k++) {
        const metrics_curve_point *m = k <= t->n_my_curve ? &t->my_curve[k - 1] : NULL;
        const metrics_curve_point *g = k <= t->n_group_curve ? &t->group_curve[k - 1] : NULL;
        debrief_text_rate(m ? &m->over : &none, cell[0], sizeof cell[0], &marked);
        debrief_text_rate(g ? &g->over : &none, cell[1], sizeof cell[1], &marked);
        debrief_text_rate(m ? &m->under : &none, cell[2], sizeof cell[2], &marked);
        debrief_text_rate(g ? &g->under : &none, cell[3], sizeof cell[3], &marked);
        printf("%4zu  %14s  %14s  %14s  %14s\n", k, cell[0], cell[1], cell[2], cell[3]);
    }
    if (marked)
        printf("* fewer than %d decisions behind the rate: a small sample.\n", METRICS_SMALL_N);
}

typedef struct two_rows {
    const char *id;
    const metrics *mine, *group;
} two_rows;

static void two_row(void *ctx, size_t i, const char **keys, metrics *m)
{
    const two_rows *t = ctx;
    keys[0] = i == 0 ? t->id : "the group";
    *m = i == 0 ? *t->mine : *t->group;
}

static void print_terminal(const debrief_trainee_figures *t, const log_read_stats *st)
{
    static const char *const heads[] = {"trainee"};
    two_rows rows = {t->a->trainee, &t->mine, &t->group};
    printf("Read %ld session%s, %ld decision%s, from %ld file%s.\n", st->sessions,
           st->sessions == 1 ? "" : "s", st->decisions, st->decisions == 1 ? "" : "s", st->files,
           st->files == 1 ? "" : "s");
    if (t->runs_left_out > 0)
        printf("%ld practice session%s left out; --include-runs counts them.\n", t->runs_left_out,
               t->runs_left_out == 1 ? "" : "s");
    printf("Trainee %s: %.0f session%s, %.0f decision%s", t->a->trainee,
           t->mine.m[METRIC_SESSIONS].value, t->mine.m[METRIC_SESSIONS].value == 1 ? "" : "s",
           t->mine.m[METRIC_DECISIONS].value, t->mine.m[METRIC_DECISIONS].value == 1 ? "" : "s");
    if (t->first_at)
        printf(", started %.10s to %.10s", t->first_at, t->last_at);
    printf(".\n\n");
    debrief_text_table(stdout, heads, 1, 2, two_row, &rows);
    printf("The group: every counted session of the %ld trainee%s, %s included.\n", t->trainees,
           t->trainees == 1 ? "" : "s", t->a->trainee);
    print_curve(t);
}

/* ---- An id with no session ---------------------------------------------- */

/* Names the trainees there are (at most MAX_IDS_SAID): this message is for
 * whoever runs the command, not for the report. */
static int unknown_trainee(const reading *r)
{
    size_t n = metrics_set_groups(r->each);
    if (r->my_runs > 0) {
        fprintf(stderr,
                "appraise: trainee '%s' has only practice sessions (%ld session%s of mode run, "
                "replay or preview, or started with --from or --set), left out of the figures; "
                "--include-runs counts them\n",
                r->a->trainee, r->my_runs, r->my_runs == 1 ? "" : "s");
        return EXIT_INPUT;
    }
    fprintf(stderr, "appraise: no session of trainee '%s' in what was given; ", r->a->trainee);
    if (n == 0) {
        fprintf(stderr, "it holds no counted session\n");
        return EXIT_INPUT;
    }
    fprintf(stderr, "the trainee ids there are (as logged, case and spaces count): ");
    for (size_t g = 0; g < n && g < MAX_IDS_SAID; g++) {
        const char *v = metrics_set_value(r->each, g, 0);
        fprintf(stderr, "%s'%s'", g ? ", " : "", v ? v : "(none)");
    }
    fprintf(stderr, "%s\n", n > MAX_IDS_SAID ? ", …" : "");
    return EXIT_INPUT;
}

static void reading_free(reading *r)
{
    metrics_acc_free(r->mine);
    metrics_acc_free(r->group);
    metrics_set_free(r->each);
    metrics_curve_free(r->my_curve);
    metrics_curve_free(r->group_curve);
    mem_free(r->first_at);
    mem_free(r->last_at);
}

static int run(reading *r)
{
    log_read_stats st = {0};
    apperr e;
    apperr_clear(&e);
    if (read_logs(r, &st, &e) != 0)
        return exit_report("debrief", &e);
    debrief_trainee_figures t = {
        .a = r->a,
        .each = r->each,
        .trainees = (long)metrics_set_groups(r->each),
        .runs_left_out = r->runs_left_out,
        .first_at = r->first_at,
        .last_at = r->last_at,
    };
    t.n_my_curve = metrics_curve_points(r->my_curve, &t.my_curve);
    t.n_group_curve = metrics_curve_points(r->group_curve, &t.group_curve);
    metrics_acc_compute(r->mine, &t.mine);
    metrics_acc_compute(r->group, &t.group);
    if (st.sessions == 0) {
        fprintf(stderr, "appraise: no session record found in what was given\n");
        return EXIT_INPUT;
    }
    if (t.mine.m[METRIC_SESSIONS].value == 0)
        return unknown_trainee(r);
    print_terminal(&t, &st);
    if (r->a->html) {
        if (debrief_trainee_page(&t, &e) != 0) {
            if (e.kind == APPERR_NONE)
                e.kind = APPERR_ENV;
            return exit_report("debrief", &e);
        }
        printf("Wrote the report of %s to %s.\n", r->a->trainee, r->a->html);
    }
    return EXIT_OK;
}

int debrief_trainee(const debrief_opts *o)
{
    reading r = {.a = o};
    int rc = run(&r);
    reading_free(&r);
    return rc;
}
