#include "debrief_csv.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "json_util.h"
#include "log_schema.h"

/* The session's columns and the decision's envelope, then every field of
 * the decision record in the schema's order (log_schema.h). */
#define CSV_COLUMN(S, name, type, m) name,
static const char *const columns[] = {
    "session", "trainee", "case", "case_version", "variant",
    "status",  "seq",     "t",    "at",           LOG_DECISION_FIELDS(CSV_COLUMN)};
#undef CSV_COLUMN

#define N_COLUMNS (sizeof columns / sizeof columns[0])

/* A row is built in memory and written with one fwrite: a million rows of
 * putc calls on a locked stream cost seconds. */
typedef struct row {
    char *p;
    size_t n, cap;
    bool oom;
} row;

static void put(row *r, const char *s, size_t n)
{
    if (r->n + n > r->cap) {
        size_t cap = r->cap ? r->cap : 1024;
        while (cap < r->n + n)
            cap *= 2;
        char *p = realloc(r->p, cap);
        if (!p) {
            r->oom = true;
            return;
        }
        r->p = p;
        r->cap = cap;
    }
    memcpy(r->p + r->n, s, n);
    r->n += n;
}

static void put_c(row *r, char c)
{
    put(r, &c, 1);
}

/* s with its quotes doubled. */
static void put_quoted_body(row *r, const char *s, size_t n)
{
    const char *q;
    while (n > 0 && (q = memchr(s, '"', n)) != NULL) {
        put(r, s, (size_t)(q - s) + 1);
        put_c(r, '"');
        n -= (size_t)(q - s) + 1;
        s = q + 1;
    }
    put(r, s, n);
}

/* A text a spreadsheet would take for a formula when it opens the file
 * (OWASP, "CSV Injection"): one that starts with = + - @, a tab or a CR. A
 * trainee id or a rationale can be any of these. */
static bool formula_like(const char *s, size_t n)
{
    return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                     s[0] == '\r');
}

/* Quoted only when it must be, so plain ids stay readable. A formula-like
 * text is quoted with a single quote before it, so that a spreadsheet shows
 * it as text rather than run it. */
static void text(row *r, const char *s, size_t n)
{
    bool formula = formula_like(s, n);
    if (!formula && n > 0 && strcspn(s, ",\"\r\n") >= n && s[0] != ' ' && s[n - 1] != ' ') {
        put(r, s, n);
        return;
    }
    put_c(r, '"');
    if (formula)
        put_c(r, '\'');
    put_quoted_body(r, s, n);
    put_c(r, '"');
}

static void str(row *r, const char *s)
{
    put_c(r, ',');
    if (s)
        text(r, s, strlen(s));
}

/* Items joined with ';'; an empty list is an empty field. Neutralised like
 * text when the first item looks like a formula. */
static void list(row *r, const char *const *items, size_t n)
{
    bool formula = n > 0 && formula_like(items[0], strlen(items[0]));
    bool quote = formula;
    put_c(r, ',');
    for (size_t i = 0; i < n; i++)
        quote |= strpbrk(items[i], ",\"\r\n") != NULL;
    if (quote)
        put_c(r, '"');
    if (formula)
        put_c(r, '\'');
    for (size_t i = 0; i < n; i++) {
        if (i)
            put_c(r, ';');
        put_quoted_body(r, items[i], strlen(items[i]));
    }
    if (quote)
        put_c(r, '"');
}

static void boolean(row *r, bool has, bool v)
{
    put_c(r, ',');
    if (has)
        put(r, v ? "true" : "false", v ? 4 : 5);
}

static void integer(row *r, bool has, long long v)
{
    char buf[32];
    put_c(r, ',');
    if (has)
        put(r, buf, (size_t)snprintf(buf, sizeof buf, "%lld", v));
}

static void number(row *r, bool has, double v)
{
    char buf[32];
    put_c(r, ',');
    if (has)
        put(r, buf, strlen(json_number_text(v, buf, sizeof buf)));
}

/* One cell per field type. */
#define CELL_STR(d, m) str(r, d->m);
#define CELL_OPT_STR(d, m) str(r, d->m);
#define CELL_STR_LIST(d, m) list(r, d->m, d->n_##m);
#define CELL_BOOL(d, m) boolean(r, d->has_##m, d->m);
#define CELL_FLAG(d, m) boolean(r, true, d->m);
#define CELL_INT(d, m) integer(r, d->has_##m, d->m);
#define CELL_RATING(d, m) integer(r, d->has_##m, d->m);
#define CELL_MS(d, m) integer(r, d->has_##m, d->m);
#define CELL_NUM(d, m) number(r, d->has_##m, d->m);
#define CELL_PROB(d, m) number(r, d->has_##m, d->m);
#define CELL_U64(d, m) integer(r, d->has_##m, (long long)d->m);
#define CSV_CELL(S, name, type, m) CELL_##type(d, m)

static void decision_row(row *r, const log_session *s, const log_decision *d)
{
    if (s->id)
        text(r, s->id, strlen(s->id));
    str(r, s->trainee);
    str(r, s->case_id);
    str(r, s->case_version);
    str(r, s->variant);
    str(r, log_status_name(s->status));
    integer(r, true, d->seq);
    integer(r, true, d->t);
    str(r, d->at);
    LOG_DECISION_FIELDS(CSV_CELL)
    put(r, "\r\n", 2);
}

int debrief_csv_header(FILE *f)
{
    for (size_t i = 0; i < N_COLUMNS; i++)
        fprintf(f, "%s%s", i ? "," : "", columns[i]);
    fputs("\r\n", f);
    return ferror(f) ? -1 : 0;
}

int debrief_csv_session(FILE *f, const log_session *s)
{
    row r = {0};
    for (size_t i = 0; i < s->n_decisions; i++)
        decision_row(&r, s, &s->decisions[i]);
    if (r.n)
        fwrite(r.p, 1, r.n, f);
    free(r.p);
    return r.oom || ferror(f) ? -1 : 0;
}
