#include "debrief_csv.h"

#include <stdbool.h>
#include <string.h>

#include "json_util.h"

static const char *const columns[] = {
    "session",
    "trainee",
    "case",
    "case_version",
    "variant",
    "status",
    "seq",
    "t",
    "at",
    "node",
    "options",
    "best",
    "timing",
    "ai",
    "ai_confidence",
    "ai_correct",
    "advice_requested",
    "initial",
    "initial_confidence",
    "final",
    "final_confidence",
    "initial_correct",
    "final_correct",
    "followed_ai",
    "switched",
    "trust",
    "rationale",
    "viewed",
    "ms_initial",
    "ms_advice",
    "ms_final",
    "timed_out",
    "next",
};

#define N_COLUMNS (sizeof columns / sizeof columns[0])

/* Quoted only when it must be, so plain ids stay readable. */
static void text(FILE *f, const char *s, size_t n)
{
    if (n > 0 && strcspn(s, ",\"\r\n") >= n && s[0] != ' ' && s[n - 1] != ' ') {
        fwrite(s, 1, n, f);
        return;
    }
    putc('"', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            putc('"', f);
        putc(s[i], f);
    }
    putc('"', f);
}

static void sep(FILE *f)
{
    putc(',', f);
}

static void str(FILE *f, const char *s)
{
    sep(f);
    if (s)
        text(f, s, strlen(s));
}

/* Items joined with ';'; an empty list is an empty field. */
static void list(FILE *f, const char *const *items, size_t n)
{
    bool quote = false;
    sep(f);
    for (size_t i = 0; i < n; i++)
        quote |= strpbrk(items[i], ",\"\r\n") != NULL;
    if (quote)
        putc('"', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            putc(';', f);
        for (const char *p = items[i]; *p; p++) {
            if (*p == '"')
                putc('"', f);
            putc(*p, f);
        }
    }
    if (quote)
        putc('"', f);
}

static void boolean(FILE *f, bool has, bool v)
{
    sep(f);
    if (has)
        fputs(v ? "true" : "false", f);
}

static void integer(FILE *f, bool has, long long v)
{
    sep(f);
    if (has)
        fprintf(f, "%lld", v);
}

static void number(FILE *f, bool has, double v)
{
    char buf[32];
    sep(f);
    if (has)
        fputs(json_number_text(v, buf, sizeof buf), f);
}

static void row(FILE *f, const log_session *s, const log_decision *d)
{
    if (s->id)
        text(f, s->id, strlen(s->id));
    str(f, s->trainee);
    str(f, s->case_id);
    str(f, s->case_version);
    str(f, s->variant);
    str(f, log_status_name(s->status));
    integer(f, true, d->seq);
    integer(f, true, d->t);
    str(f, d->at);
    str(f, d->node);
    list(f, d->options, d->n_options);
    list(f, d->best, d->n_best);
    str(f, d->timing);
    str(f, d->ai);
    number(f, d->has_ai_confidence, d->ai_confidence);
    boolean(f, d->has_ai_correct, d->ai_correct);
    boolean(f, d->has_advice_requested, d->advice_requested);
    str(f, d->initial);
    integer(f, d->has_initial_confidence, d->initial_confidence);
    str(f, d->final);
    integer(f, d->has_final_confidence, d->final_confidence);
    boolean(f, d->has_initial_correct, d->initial_correct);
    boolean(f, d->has_final_correct, d->final_correct);
    boolean(f, d->has_followed_ai, d->followed_ai);
    boolean(f, d->has_switched, d->switched);
    integer(f, d->has_trust, d->trust);
    str(f, d->rationale);
    list(f, d->viewed, d->n_viewed);
    integer(f, d->has_ms_initial, d->ms_initial);
    integer(f, d->has_ms_advice, d->ms_advice);
    integer(f, d->has_ms_final, d->ms_final);
    boolean(f, true, d->timed_out);
    str(f, d->next);
    fputs("\r\n", f);
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
    for (size_t i = 0; i < s->n_decisions; i++)
        row(f, s, &s->decisions[i]);
    return ferror(f) ? -1 : 0;
}
