#include "debrief_csv.h"

#include <stdbool.h>
#include <string.h>

#include "json_util.h"
#include "log_schema.h"
#include "strbuf.h"

/* The session's columns and the decision's envelope, then every field of
 * the decision record in the schema's order (log_schema.h), then the
 * columns added later, last: the session's time limits setting, whether
 * the figures count it, and the trainee-facing texts of the choices and
 * of the node. */
#define CSV_COLUMN(S, name, type, m) name,
static const char *const columns[] = {"session",     "trainee",
                                      "case",        "case_version",
                                      "variant",     "status",
                                      "seq",         "t",
                                      "at",          LOG_DECISION_FIELDS(CSV_COLUMN) "time_limits",
                                      "counted",     "initial_label",
                                      "final_label", "ai_label",
                                      "node_title",  "teaching"};
#undef CSV_COLUMN

#define N_COLUMNS (sizeof columns / sizeof columns[0])

/* s with its quotes doubled. */
static void put_quoted_body(strbuf *r, const char *s, size_t n)
{
    const char *q;
    while (n > 0 && (q = memchr(s, '"', n)) != NULL) {
        strbuf_add(r, s, (size_t)(q - s) + 1);
        strbuf_addc(r, '"');
        n -= (size_t)(q - s) + 1;
        s = q + 1;
    }
    strbuf_add(r, s, n);
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
static void text(strbuf *r, const char *s, size_t n)
{
    bool formula = formula_like(s, n);
    if (!formula && n > 0 && strcspn(s, ",\"\r\n") >= n && s[0] != ' ' && s[n - 1] != ' ') {
        strbuf_add(r, s, n);
        return;
    }
    strbuf_addc(r, '"');
    if (formula)
        strbuf_addc(r, '\'');
    put_quoted_body(r, s, n);
    strbuf_addc(r, '"');
}

static void str(strbuf *r, const char *s)
{
    strbuf_addc(r, ',');
    if (s)
        text(r, s, strlen(s));
}

/* Items joined with ';'; an empty list is an empty field. Neutralised like
 * text when the first item looks like a formula. */
static void list(strbuf *r, const char *const *items, size_t n)
{
    bool formula = n > 0 && formula_like(items[0], strlen(items[0]));
    bool quote = formula;
    strbuf_addc(r, ',');
    for (size_t i = 0; i < n; i++)
        quote |= strpbrk(items[i], ",\"\r\n") != NULL;
    if (quote)
        strbuf_addc(r, '"');
    if (formula)
        strbuf_addc(r, '\'');
    for (size_t i = 0; i < n; i++) {
        if (i)
            strbuf_addc(r, ';');
        put_quoted_body(r, items[i], strlen(items[i]));
    }
    if (quote)
        strbuf_addc(r, '"');
}

static void boolean(strbuf *r, bool has, bool v)
{
    strbuf_addc(r, ',');
    if (has)
        strbuf_add(r, v ? "true" : "false", v ? 4 : 5);
}

static void integer(strbuf *r, bool has, long long v)
{
    char buf[32];
    strbuf_addc(r, ',');
    if (has)
        strbuf_add(r, buf, (size_t)snprintf(buf, sizeof buf, "%lld", v));
}

static void number(strbuf *r, bool has, double v)
{
    char buf[32];
    strbuf_addc(r, ',');
    if (has)
        strbuf_add(r, buf, strlen(json_number_text(v, buf, sizeof buf)));
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
#define CELL_ADDED_STR(d, m) CELL_STR(d, m)
#define CELL_ADDED_STR_LIST(d, m) CELL_STR_LIST(d, m)
#define CELL_ADDED_OPT_MS(d, m) CELL_MS(d, m)
#define CELL_PROB(d, m) number(r, d->has_##m, d->m);
#define CELL_U64(d, m) integer(r, d->has_##m, (long long)d->m);
#define CSV_CELL(S, name, type, m) CELL_##type(d, m)

const char *debrief_csv_label(const log_decision *d, const char *option)
{
    if (!option || d->n_labels != d->n_options)
        return NULL;
    for (size_t i = 0; i < d->n_options; i++)
        if (strcmp(d->options[i], option) == 0)
            return d->labels[i];
    return NULL;
}

const log_node *debrief_csv_node(const log_session *s, const log_decision *d, size_t *from)
{
    const log_node *found = NULL;
    size_t i = *from;
    while (i < s->n_records && s->records[i].seq < d->seq)
        i++;
    *from = i;
    for (size_t j = i; j-- > 0;) {
        const log_record *rec = &s->records[j];
        if (rec->type == LOG_REC_NODE && rec->as.node.node && d->node &&
            strcmp(rec->as.node.node, d->node) == 0) {
            found = &rec->as.node;
            break;
        }
    }
    return found;
}

static void decision_row(strbuf *r, const log_session *s, const log_decision *d, bool counted,
                         const log_node *node)
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
    /* A log older than the setting was played with the case's own limits. */
    str(r, s->has_start ? (s->time_limits ? s->time_limits : "normal") : NULL);
    str(r, counted ? "true" : "false");
    str(r, debrief_csv_label(d, d->initial));
    str(r, debrief_csv_label(d, d->final));
    str(r, debrief_csv_label(d, d->ai));
    str(r, node ? node->title : NULL);
    str(r, node ? node->teaching : NULL);
    strbuf_add(r, "\r\n", 2);
}

int debrief_csv_header(FILE *f)
{
    for (size_t i = 0; i < N_COLUMNS; i++)
        fprintf(f, "%s%s", i ? "," : "", columns[i]);
    fputs("\r\n", f);
    return ferror(f) ? -1 : 0;
}

/* A session's rows are built in memory and written with one fwrite: a
 * million rows of putc calls on a locked stream cost seconds. */
int debrief_csv_session(FILE *f, const log_session *s)
{
    return debrief_csv_session_counted(f, s, true);
}

int debrief_csv_session_counted(FILE *f, const log_session *s, bool counted)
{
    strbuf r = STRBUF_INIT;
    size_t from = 0;
    for (size_t i = 0; i < s->n_decisions; i++)
        decision_row(&r, s, &s->decisions[i], counted,
                     debrief_csv_node(s, &s->decisions[i], &from));
    bool oom = strbuf_oom(&r);
    if (!oom && r.len)
        fwrite(r.s, 1, r.len, f);
    strbuf_free(&r);
    return oom || ferror(f) ? -1 : 0;
}

unsigned debrief_csv_keep(void)
{
    return 1u << LOG_REC_NODE;
}
