/* debrief: the work of `appraise debrief` (debrief.h). Reads session logs
 * (folders recursively, in name order) in one streaming pass: each session
 * goes to the metrics groups and, with --csv, straight to the CSV, then is
 * forgotten. Prints the metrics of decision-log.md per group (debrief_text.h:
 * a table of the main figures by --by groups, every figure with --long or
 * without --by); --json (see
 * debrief_json.h for how numbers print), --csv (debrief_csv.h), --html and
 * --xapi (debrief_report.h) write the same to files. FILE '-' for --json or
 * --csv writes to stdout, and the terminal summary is then left out.
 *
 * Problems in the input (torn lines, files that are not logs, duplicates…)
 * are reported on stderr as they are found and summed up at the end; the
 * rest is used. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "debrief_compare.h"
#include "debrief_csv.h"
#include "debrief_json.h"
#include "debrief_json_nodes.h"
#include "debrief_nodes.h"
#include "debrief_research.h"
#include "debrief_report.h"
#include "debrief_text.h"
#include "debrief_trainee.h"
#include "debrief_words.h"
#include "exit_status.h"
#include "json_util.h"
#include "log_reader.h"
#include "mem.h"
#include "metrics.h"
#include "out_file.h"

/* ---- reading ---------------------------------------------------------- */

typedef struct run {
    const debrief_opts *a;
    metrics_set *set;
    out_file csv; /* --csv, written as the logs are read; csv.f NULL when none */
    bool keep_issues;
    char **issues;
    size_t n_issues, cap_issues;
    bool issues_oom;
    long runs_left_out; /* practice sessions not counted */
    /* --compare: the other group, and this one as one group (set may be
     * split by --by); both NULL without --compare. */
    debrief_compare other;
    metrics_set *all;
    debrief_nodes *nodes; /* --json: the per-decision view, without texts */
} run;

bool debrief_counts(const debrief_report_in *in, const log_session *s)
{
    return in->include_runs || !log_session_is_practice(s);
}

static void on_issue(void *ctx, const log_issue *is)
{
    run *r = ctx;
    char buf[2048];
    log_issue_format(is, buf, sizeof buf);
    fprintf(stderr, "appraise: %s\n", buf);
    if (!r->keep_issues || r->issues_oom)
        return;
    char **p = mem_grow(r->issues, &r->cap_issues, r->n_issues + 1, sizeof *p);
    if (!p) {
        r->issues_oom = true;
        return;
    }
    r->issues = p;
    if (!(r->issues[r->n_issues] = mem_strdup(buf)))
        r->issues_oom = true;
    else
        r->n_issues++;
}

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    run *r = ctx;
    bool counted = r->a->include_runs || !log_session_is_practice(s);
    if (!counted)
        r->runs_left_out++;
    else if (metrics_set_add(r->set, s) != 0 || (r->all && metrics_set_add(r->all, s) != 0) ||
             (r->nodes && debrief_nodes_add(r->nodes, s) != 0)) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory while computing the metrics");
        return -1;
    }
    if (r->csv.f && debrief_csv_session_counted(r->csv.f, s, counted) != 0) {
        apperr_set(e, APPERR_ENV, r->a->csv, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* ---- the terminal summary ------------------------------------------------------ */

/* Over every group (each session is in one): how every session ended,
 * adding up to the count ("56 sessions: 54 complete (endings: …), 2 quit,
 * …"), and "3 sessions ran with adjusted time limits: 2 double, 1 off."
 * when any did. */
static void print_cohort(FILE *f, const metrics_set *set)
{
    metrics all, m;
    char text[320];
    memset(&all, 0, sizeof all);
    for (size_t g = 0; g < metrics_set_groups(set); g++) {
        metrics_set_metrics(set, g, &m);
        all.m[METRIC_SESSIONS].value += m.m[METRIC_SESSIONS].value;
        all.m[METRIC_TIMEOUTS].num += m.m[METRIC_TIMEOUTS].num;
        all.m[METRIC_ADJUSTED_TIME_LIMITS].value += m.m[METRIC_ADJUSTED_TIME_LIMITS].value;
        for (int t = 0; t <= TIME_LIMITS_OFF; t++)
            all.time_limits[t] += m.time_limits[t];
        for (int k = 0; k < METRICS_STATUSES; k++)
            all.status[k] += m.status[k];
        for (int k = 0; k < LOG_OUTCOMES; k++)
            all.outcomes[k] += m.outcomes[k];
    }
    fprintf(f, "%s.\n", metrics_sessions_text(&all, text, sizeof text));
    if (metrics_time_limits_text(&all, text, sizeof text)[0])
        fprintf(f, "%s.\n", text);
    debrief_print_curve(f, set);
}

/* "48 practice sessions left out; --include-runs counts them." */
static void print_runs_left_out(FILE *f, long n)
{
    if (n > 0)
        fprintf(f, "%ld practice session%s left out; --include-runs counts them.\n", n,
                n == 1 ? "" : "s");
}

static void print_summary(const log_read_stats *st)
{
    long skipped = 0;
    for (int k = 0; k < LOG_ISSUE_KINDS; k++)
        skipped += st->issues[k];
    if (skipped == 0)
        return;
    fprintf(stderr,
            "appraise: read %ld session%s (%ld decision%s) from %ld file%s; noted:", st->sessions,
            st->sessions == 1 ? "" : "s", st->decisions, st->decisions == 1 ? "" : "s", st->files,
            st->files == 1 ? "" : "s");
    const char *sep = " ";
    for (int k = 0; k < LOG_ISSUE_KINDS; k++)
        if (st->issues[k]) {
            fprintf(stderr, "%s%ld %s", sep, st->issues[k], log_issue_name((log_issue_kind)k));
            sep = ", ";
        }
    fputs("\n", stderr);
}

/* The three figures that matter in plain words, for the cohort (one group:
 * no --by, or --compare's whole group), and --compare's two columns. */
static void print_words_and_compare(FILE *f, const run *r)
{
    const metrics_key *keys;
    metrics m;
    char text[512];
    if (!r->all && metrics_set_keys(r->set, &keys) > 0)
        return;
    metrics_set_metrics(r->all ? r->all : r->set, 0, &m);
    fputs("\nIn words:\n", f);
    for (int i = 0; i < DEBRIEF_WORDS_HEADLINES; i++)
        fprintf(f, "  %s\n",
                debrief_words_sentence(debrief_words_headlines[i], &m, "the cohort", text,
                                       sizeof text));
    if (r->all)
        debrief_compare_print(f, &m, &r->other);
}

/* ---- outputs --------------------------------------------------------------------- */

static int write_json(const run *r, apperr *e)
{
    cJSON *extra = cJSON_CreateObject();
    if (!extra || !debrief_json_add_nodes(extra, r->nodes)) {
        cJSON_Delete(extra);
        apperr_set(e, APPERR_ENV, r->a->json, 0, "cannot write: out of memory");
        return -1;
    }
    if (r->all) {
        cJSON *c = debrief_compare_json(&r->other, r->a->compare, r->a->n_compare);
        if (!c || !cJSON_AddItemToObject(extra, "compare", c)) {
            cJSON_Delete(c);
            cJSON_Delete(extra);
            apperr_set(e, APPERR_ENV, r->a->json, 0, "cannot write: out of memory");
            return -1;
        }
    }
    out_file out;
    if (out_open(&out, r->a->json, e) != 0) {
        cJSON_Delete(extra);
        return -1;
    }
    int rc = debrief_json_write_with(out.f, r->set, r->runs_left_out, extra);
    cJSON_Delete(extra);
    if (rc != 0)
        apperr_set(e, APPERR_ENV, r->a->json, 0, "cannot write: out of memory");
    return out_close(&out, rc == 0, e);
}

static int write_reports(const run *r, const log_read_stats *st, apperr *e)
{
    debrief_report_in in = {
        .paths = r->a->paths,
        .n_paths = r->a->n_paths,
        .groups = r->set,
        .stats = st,
        .issues = (const char *const *)r->issues,
        .n_issues = r->n_issues,
        .xapi_homepage = r->a->homepage,
        .xapi_base = r->a->base,
        .include_runs = r->a->include_runs,
        .runs_left_out = r->runs_left_out,
        .compare = r->all ? r->other.set : NULL,
        .compare_label = r->other.label,
    };
    if (r->a->json && write_json(r, e) != 0)
        return -1;
    if (r->a->html && debrief_write_html(r->a->html, &in, e) != 0)
        return -1;
    if (r->a->xapi && debrief_write_xapi(r->a->xapi, &in, e) != 0)
        return -1;
    return 0;
}

static bool to_stdout(const debrief_opts *a)
{
    return (a->json && strcmp(a->json, "-") == 0) || (a->csv && strcmp(a->csv, "-") == 0);
}

/* A failure with no kind is the environment's (an output). */
static int fail(const apperr *e)
{
    apperr k = *e;
    if (k.kind == APPERR_NONE)
        k.kind = APPERR_ENV;
    return exit_report("debrief", &k);
}

static int read_all(run *r, log_read_stats *st, apperr *e)
{
    const debrief_opts *a = r->a;
    log_read_opts o = {.on_session = on_session, .on_issue = on_issue, .ctx = r};
    if (a->csv)
        o.keep = debrief_csv_keep();
    if (a->json)
        o.keep |= debrief_nodes_keep();
    if (metrics_set_new(&r->set, a->by, a->n_by) != 0 ||
        (a->n_compare > 0 && metrics_set_new(&r->all, NULL, 0) != 0) ||
        (a->json && !(r->nodes = debrief_nodes_new(false)))) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    if (a->csv && out_open(&r->csv, a->csv, e) != 0)
        return -1;
    int rc = 0;
    if (a->csv && debrief_csv_header(r->csv.f) != 0) {
        apperr_set(e, APPERR_ENV, a->csv, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    if (rc == 0)
        rc = log_read_paths(a->paths, a->n_paths, &o, st, e);
    if (r->csv.f && out_close(&r->csv, rc == 0, e) != 0)
        rc = -1;
    return rc;
}

static int debrief(run *r)
{
    const debrief_opts *a = r->a;
    log_read_stats st = {0};
    apperr e;
    apperr_clear(&e);
    if (read_all(r, &st, &e) != 0)
        return fail(&e);
    metrics_set_finish(r->set);
    if (r->nodes)
        debrief_nodes_finish(r->nodes);
    if (r->all) {
        metrics_set_finish(r->all);
        if (debrief_compare_read(&r->other, a->compare, a->n_compare, a->include_runs, &e) != 0)
            return fail(&e);
    }
    print_summary(&st);
    if (!to_stdout(a)) {
        printf("Read %ld session%s, %ld decision%s, from %ld file%s.\n", st.sessions,
               st.sessions == 1 ? "" : "s", st.decisions, st.decisions == 1 ? "" : "s", st.files,
               st.files == 1 ? "" : "s");
        print_runs_left_out(stdout, r->runs_left_out);
        print_cohort(stdout, r->set);
        fputs("\n", stdout);
        debrief_text_groups(stdout, r->set, a->long_form);
        print_words_and_compare(stdout, r);
    }
    if (write_reports(r, &st, &e) != 0)
        return fail(&e);
    if (st.sessions == 0) {
        fprintf(stderr, "appraise: no session record found in what was given\n");
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

int debrief_logs(const debrief_opts *o)
{
    if (o->trainee)
        return debrief_trainee(o);
    run r = {.a = o, .keep_issues = o->html || o->xapi};
    int rc = debrief(&r);
    if (r.csv.f) /* the read stopped before the CSV was ended: left out */
        out_close(&r.csv, false, NULL);
    metrics_set_free(r.set);
    metrics_set_free(r.all);
    debrief_nodes_free(r.nodes);
    debrief_compare_free(&r.other);
    for (size_t i = 0; i < r.n_issues; i++)
        mem_free(r.issues[i]);
    mem_free(r.issues);
    return rc;
}
