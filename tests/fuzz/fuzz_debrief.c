/* fuzz_debrief: a session log as a corrupted folder or a hostile trainee id
 * makes it, read the way `appraise debrief` reads it (log_reader.c, one
 * streaming pass into the metrics and the CSV), then every output: the
 * terminal figures' JSON, the CSV, the HTML report and the xAPI statements;
 * and read again the way the window's end-of-case debrief reads one log
 * (log_session_read). The JSON and xAPI outputs must be JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "debrief_csv.h"
#include "debrief_json.h"
#include "debrief_report.h"
#include "fuzz_support.h"
#include "log_reader.h"
#include "metrics.h"

static char log_path[4200], csv_path[4200], json_path[4200], html_path[4200], xapi_path[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *dir = fuzz_scratch();
    snprintf(log_path, sizeof log_path, "%s/session.jsonl", dir);
    snprintf(csv_path, sizeof csv_path, "%s/out.csv", dir);
    snprintf(json_path, sizeof json_path, "%s/out.json", dir);
    snprintf(html_path, sizeof html_path, "%s/out.html", dir);
    snprintf(xapi_path, sizeof xapi_path, "%s/out.xapi.json", dir);
    return 0;
}

typedef struct pass {
    metrics_set *set;
    FILE *csv;
    char **issues;
    size_t n_issues, cap;
} pass;

static void on_issue(void *ctx, const log_issue *is)
{
    pass *p = ctx;
    char buf[2048];
    log_issue_format(is, buf, sizeof buf);
    if (p->n_issues == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        char **grown = realloc(p->issues, cap * sizeof *grown);
        if (!grown)
            return;
        p->issues = grown;
        p->cap = cap;
    }
    char *copy = strdup(buf);
    if (copy)
        p->issues[p->n_issues++] = copy;
}

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    pass *p = ctx;
    if (metrics_set_add(p->set, s) != 0 || debrief_csv_session(p->csv, s) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory or cannot write");
        return -1;
    }
    return 0;
}

/* The file at path must hold one JSON value. */
static void expect_json(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *text = malloc((size_t)n + 1);
    if (text && fread(text, 1, (size_t)n, f) == (size_t)n) {
        text[n] = '\0';
        cJSON *doc = cJSON_Parse(text);
        if (!doc) {
            fprintf(stderr, "fuzz_debrief: %s is not JSON\n", path);
            abort();
        }
        cJSON_Delete(doc);
    }
    free(text);
    fclose(f);
}

/* The --by groups, chosen by the input's length: none, or one key. */
static size_t pick_by(size_t size, metrics_key *by)
{
    static const metrics_key KEYS[] = {METRICS_BY_TRAINEE, METRICS_BY_CASE, METRICS_BY_VARIANT,
                                       METRICS_BY_SESSION};
    size_t k = size % 5;
    if (k == 0)
        return 0;
    by[0] = KEYS[k - 1];
    return 1;
}

static void debrief(size_t size)
{
    const char *paths[] = {log_path};
    metrics_key by[1];
    pass p = {0};
    if (metrics_set_new(&p.set, by, pick_by(size, by)) != 0)
        return;
    p.csv = fopen(csv_path, "wb");
    if (!p.csv)
        abort();
    log_read_opts o = {.on_session = on_session, .on_issue = on_issue, .ctx = &p, .threads = 1};
    log_read_stats st = {0};
    apperr e;
    apperr_clear(&e);
    debrief_csv_header(p.csv);
    int rc = log_read_paths(paths, 1, &o, &st, &e);
    fclose(p.csv);
    if (rc == 0) {
        metrics_set_finish(p.set);
        FILE *json = fopen(json_path, "wb");
        if (!json)
            abort();
        int jrc = debrief_json_write(json, p.set);
        fclose(json);
        if (jrc == 0)
            expect_json(json_path);
        debrief_report_in in = {
            .paths = paths,
            .n_paths = 1,
            .groups = p.set,
            .stats = &st,
            .issues = (const char *const *)p.issues,
            .n_issues = p.n_issues,
        };
        debrief_write_html(html_path, &in, &e);
        if (debrief_write_xapi(xapi_path, &in, &e) == 0)
            expect_json(xapi_path);
    }
    for (size_t i = 0; i < p.n_issues; i++)
        free(p.issues[i]);
    free(p.issues);
    metrics_set_free(p.set);
}

static void recap(void)
{
    log_session *s = NULL;
    apperr e;
    apperr_clear(&e);
    if (log_session_read(log_path, NULL, &s, &e) == 0)
        log_session_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(log_path, data, size);
    debrief(size);
    recap();
    return 0;
}
