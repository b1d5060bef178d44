/* inputs: reads the inputs file of `appraise run` into actions (cli.md
 * "Inputs file"). Every mistake names its line and what was expected, since
 * the people writing these files are case authors checking a path. */
#include "inputs.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define EXPECTED_ACTIONS "choose, confidence, trust, rationale, view, ask, wait, continue or quit"

/* One line being read: p walks over [p, end). */
typedef struct cursor {
    const char *p;
    const char *end;
} cursor;

typedef struct parse_ctx {
    const char *file;
    int line;
    apperr *e;
} parse_ctx;

static void skip_blanks(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
        c->p++;
}

/* True when only blanks or a comment are left on the line. */
static bool at_line_end(cursor *c)
{
    skip_blanks(c);
    return c->p >= c->end || *c->p == '#';
}

static char *dup_range(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

static int fail(parse_ctx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(parse_ctx *x, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    apperr_set(x->e, APPERR_INPUT, x->file, x->line, "%s", msg);
    return -1;
}

static int fail_oom(parse_ctx *x)
{
    apperr_set(x->e, APPERR_ENV, x->file, x->line, "out of memory");
    return -1;
}

/* A bare word: up to a blank or a comment. */
static char *read_word(cursor *c)
{
    const char *start = c->p;
    while (c->p < c->end && *c->p != ' ' && *c->p != '\t' && *c->p != '#')
        c->p++;
    return dup_range(start, (size_t)(c->p - start));
}

/* Quoted text after the opening quote at c->p; fills *out (owned). */
static int read_quoted(cursor *c, parse_ctx *x, char **out)
{
    size_t cap = (size_t)(c->end - c->p) + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return fail_oom(x);
    c->p++; /* the opening quote */
    while (c->p < c->end && *c->p != '"') {
        char ch = *c->p++;
        if (ch == '\\') {
            char esc = c->p < c->end ? *c->p++ : '\0';
            if (esc == '"' || esc == '\\') {
                ch = esc;
            } else if (esc == 'n') {
                ch = '\n';
            } else {
                free(buf);
                if (!esc)
                    return fail(x, "quoted text ends with a lone backslash");
                return fail(x, "unknown escape '\\%c' in quoted text (expected \\\", \\\\ or \\n)",
                            esc);
            }
        }
        buf[n++] = ch;
    }
    if (c->p >= c->end) {
        free(buf);
        return fail(x, "quoted text has no closing '\"'");
    }
    c->p++; /* the closing quote */
    buf[n] = '\0';
    *out = buf;
    return 0;
}

/* Nothing may follow an action's argument but a comment. */
static int expect_end(cursor *c, parse_ctx *x, const char *action)
{
    if (at_line_end(c))
        return 0;
    char *extra = read_word(c);
    if (!extra)
        return fail_oom(x);
    int rc = fail(x, "unexpected '%s' after %s", extra, action);
    free(extra);
    return rc;
}

/* A whole number in [lo, hi]; what to say when it is not is `what`. */
static int read_number(cursor *c, parse_ctx *x, long lo, long hi, const char *what, int *out)
{
    skip_blanks(c);
    char *word = at_line_end(c) ? NULL : read_word(c);
    bool ok = word && word[0];
    long v = 0;
    for (const char *q = word; ok && *q; q++)
        ok = isdigit((unsigned char)*q);
    if (ok) {
        errno = 0;
        v = strtol(word, NULL, 10);
        ok = errno == 0 && v >= lo && v <= hi;
    }
    if (!ok) {
        int rc = fail(x, "%s, got %s", what, word ? word : "nothing");
        free(word);
        return rc;
    }
    free(word);
    *out = (int)v;
    return 0;
}

/* The text of choose or view: a bare word or quoted text. */
static int read_arg(cursor *c, parse_ctx *x, char **out)
{
    skip_blanks(c);
    if (c->p < c->end && *c->p == '"')
        return read_quoted(c, x, out);
    *out = read_word(c);
    return *out ? 0 : fail_oom(x);
}

static int parse_choose(cursor *c, parse_ctx *x, input_line *il)
{
    if (at_line_end(c))
        return fail(x, "choose needs an option id, e.g. 'choose sepsis6'");
    if (read_arg(c, x, &il->text) != 0)
        return -1;
    if (!il->text[0])
        return fail(x, "choose needs an option id, got an empty one");
    return expect_end(c, x, "the option id");
}

static int parse_view(cursor *c, parse_ctx *x, input_line *il)
{
    static const char *const panels[] = {"explanation", "model_card", "results"};
    if (at_line_end(c))
        return fail(x, "view needs explanation, model_card or results");
    if (read_arg(c, x, &il->text) != 0)
        return -1;
    for (size_t i = 0; i < sizeof panels / sizeof panels[0]; i++)
        if (strcmp(il->text, panels[i]) == 0)
            return expect_end(c, x, "the panel name");
    return fail(x, "view must be explanation, model_card or results, got '%s'", il->text);
}

/* The rationale as it will be logged: invalid UTF-8 (a file saved as
 * Latin-1) repaired with U+FFFD, and no longer than the session keeps. */
static int check_rationale(parse_ctx *x, input_line *il)
{
    size_t n = strlen(il->text);
    if (!utf8_valid(il->text, n, NULL)) {
        char *fixed = utf8_repair(il->text, n, &n);
        if (!fixed)
            return fail_oom(x);
        free(il->text);
        il->text = fixed;
    }
    size_t chars = utf8_count(il->text, n);
    if (chars > SESSION_RATIONALE_MAX)
        return fail(x, "the rationale is %zu characters long; a rationale may have at most %d",
                    chars, SESSION_RATIONALE_MAX);
    return 0;
}

/* Quoted text, or else the rest of the line up to a comment, trimmed. */
static int parse_rationale(cursor *c, parse_ctx *x, input_line *il)
{
    if (at_line_end(c))
        return fail(x, "rationale needs text, e.g. rationale \"Lactate is high\"");
    if (*c->p == '"') {
        if (read_quoted(c, x, &il->text) != 0 || expect_end(c, x, "the quoted rationale") != 0)
            return -1;
        return check_rationale(x, il);
    }
    const char *start = c->p;
    const char *stop = memchr(start, '#', (size_t)(c->end - start));
    if (!stop)
        stop = c->end;
    while (stop > start && (stop[-1] == ' ' || stop[-1] == '\t'))
        stop--;
    c->p = c->end;
    il->text = dup_range(start, (size_t)(stop - start));
    if (!il->text)
        return fail_oom(x);
    return check_rationale(x, il);
}

static int parse_action(cursor *c, parse_ctx *x, input_line *il)
{
    static const char *const rating = "must be a whole number from 1 to 7";
    char what[64];
    char *name = read_word(c);
    int rc = -1;
    if (!name)
        return fail_oom(x);
    session_action *a = &il->action;
    if (strcmp(name, "choose") == 0) {
        a->kind = ACT_CHOOSE;
        rc = parse_choose(c, x, il);
    } else if (strcmp(name, "confidence") == 0 || strcmp(name, "trust") == 0) {
        a->kind = name[0] == 'c' ? ACT_CONFIDENCE : ACT_TRUST;
        snprintf(what, sizeof what, "%s %s", name, rating);
        rc = read_number(c, x, 1, 7, what, &a->value);
        if (rc == 0)
            rc = expect_end(c, x, "the rating");
    } else if (strcmp(name, "rationale") == 0) {
        a->kind = ACT_RATIONALE;
        rc = parse_rationale(c, x, il);
    } else if (strcmp(name, "view") == 0) {
        a->kind = ACT_VIEW;
        rc = parse_view(c, x, il);
    } else if (strcmp(name, "wait") == 0) {
        a->kind = ACT_WAIT;
        rc = read_number(c, x, 0, INT_MAX, "wait must be a whole number of seconds (0 or more)",
                         &a->value);
        if (rc == 0)
            rc = expect_end(c, x, "the seconds");
    } else if (strcmp(name, "ask") == 0 || strcmp(name, "continue") == 0 ||
               strcmp(name, "quit") == 0) {
        a->kind = name[0] == 'a' ? ACT_ASK : name[0] == 'c' ? ACT_CONTINUE : ACT_QUIT;
        char after[64];
        snprintf(after, sizeof after, "'%s' (it takes nothing after it)", name);
        rc = expect_end(c, x, after);
    } else {
        rc = fail(x, "unknown action '%s' (expected " EXPECTED_ACTIONS ")", name);
    }
    free(name);
    a->text = il->text;
    return rc;
}

static int push(inputs *out, const input_line *il)
{
    input_line *grown = realloc(out->items, (out->n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    out->items = grown;
    out->items[out->n++] = *il;
    return 0;
}

/* One line [start, end) without its newline. */
static int parse_line(inputs *out, parse_ctx *x, const char *start, const char *end)
{
    cursor c = {start, end};
    if (c.end > c.p && c.end[-1] == '\r') /* CRLF files from Windows editors */
        c.end--;
    if (at_line_end(&c))
        return 0;
    input_line il = {.line = x->line};
    if (parse_action(&c, x, &il) != 0) {
        free(il.text);
        return -1;
    }
    if (push(out, &il) != 0) {
        free(il.text);
        return fail_oom(x);
    }
    return 0;
}

int inputs_parse(inputs *out, const char *file, const char *text, apperr *e)
{
    memset(out, 0, sizeof *out);
    const char *shown = !file || strcmp(file, "-") == 0 ? "<stdin>" : file;
    out->file = dup_range(shown, strlen(shown));
    if (!out->file) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    parse_ctx x = {out->file, 0, e};
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        x.line++;
        if (parse_line(out, &x, p, end) != 0) {
            inputs_free(out);
            return -1;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

void inputs_free(inputs *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->n; i++)
        free(in->items[i].text);
    free(in->items);
    free(in->file);
    memset(in, 0, sizeof *in);
}
