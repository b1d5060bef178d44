/* inputs: reads the inputs file of `appraise run` into actions (cli.md
 * "Inputs file"), one line at a time. Every mistake names its line and what
 * was expected, since the people writing these files are case authors
 * checking a path. */
#include "inputs.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "strbuf.h"
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
    return mem_strndup(start, (size_t)(c->p - start));
}

/* Quoted text after the opening quote at c->p; fills *out (owned). */
static int read_quoted(cursor *c, parse_ctx *x, char **out)
{
    size_t cap = (size_t)(c->end - c->p) + 1, n = 0;
    char *buf = mem_malloc(cap);
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
                mem_free(buf);
                if (!esc)
                    return fail(x, "quoted text ends with a lone backslash");
                return fail(x, "unknown escape '\\%c' in quoted text (expected \\\", \\\\ or \\n)",
                            esc);
            }
        }
        buf[n++] = ch;
    }
    if (c->p >= c->end) {
        mem_free(buf);
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
    mem_free(extra);
    return rc;
}

/* A whole number in [lo, hi]; what to say when it is not is `what`. */
static int read_number(cursor *c, parse_ctx *x, long lo, long hi, const char *what, int *out)
{
    skip_blanks(c);
    char *word = NULL;
    if (!at_line_end(c) && !(word = read_word(c)))
        return fail_oom(x);
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
        mem_free(word);
        return rc;
    }
    mem_free(word);
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
        mem_free(il->text);
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
    il->text = mem_strndup(start, (size_t)(stop - start));
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
    mem_free(name);
    a->text = il->text;
    return rc;
}

/* One line [start, end) without its newline into il; *got is false for a
 * blank or comment line. */
static int parse_line(parse_ctx *x, const char *start, const char *end, input_line *il, bool *got)
{
    cursor c = {start, end};
    *got = false;
    if (c.end > c.p && c.end[-1] == '\r') /* CRLF files from Windows editors */
        c.end--;
    if (at_line_end(&c))
        return 0;
    memset(il, 0, sizeof *il);
    il->line = x->line;
    if (parse_action(&c, x, il) != 0) {
        mem_free(il->text);
        il->text = NULL;
        return -1;
    }
    *got = true;
    return 0;
}

/* ---- the stream -------------------------------------------------------- */

#define READ_BLOCK (64u << 10)

struct inputs_reader {
    char *file; /* shown in messages */
    int fd;     /* -1: reading text */
    bool own_fd;
    const char *text; /* inputs_open_text: the bytes, not owned */
    size_t text_len, text_pos;
    char *block; /* bytes read, [pos, have) not yet used */
    size_t have, pos;
    bool eof;
    strbuf line; /* the line being read */
    int line_no;
    input_line cur; /* the action last handed out */
};

static int reader_oom(apperr *e)
{
    apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
    return -1;
}

static inputs_reader *reader_new(const char *file, apperr *e)
{
    inputs_reader *r = mem_calloc(1, sizeof *r);
    const char *shown = !file || strcmp(file, "-") == 0 ? "<stdin>" : file;
    if (r) {
        r->fd = -1;
        r->file = mem_strdup(shown);
        r->block = mem_malloc(READ_BLOCK);
    }
    if (!r || !r->file || !r->block) {
        inputs_close(r);
        reader_oom(e);
        return NULL;
    }
    return r;
}

/* More bytes into the block: 1, 0 at the end, -1 on a read error. */
static int fill(inputs_reader *r, apperr *e)
{
    r->have = r->pos = 0;
    if (r->eof)
        return 0;
    if (r->fd < 0) {
        size_t n = r->text_len - r->text_pos;
        n = n < READ_BLOCK ? n : READ_BLOCK;
        memcpy(r->block, r->text + r->text_pos, n);
        r->text_pos += n;
        r->have = n;
    } else {
        ssize_t got;
        do
            got = read(r->fd, r->block, READ_BLOCK);
        while (got < 0 && errno == EINTR);
        if (got < 0) {
            apperr_set(e, APPERR_INPUT, r->file, r->line_no + 1, "cannot read the inputs: %s",
                       strerror(errno));
            return -1;
        }
        r->have = (size_t)got;
    }
    r->eof = r->have == 0;
    return r->have > 0;
}

static int append(inputs_reader *r, const char *s, size_t n, apperr *e)
{
    if (r->line.len + n > INPUTS_LINE_MAX) {
        apperr_set(e, APPERR_INPUT, r->file, r->line_no + 1,
                   "this line is longer than %u MiB; an inputs file holds one action a line",
                   INPUTS_LINE_MAX >> 20);
        return -1;
    }
    strbuf_add(&r->line, s, n);
    return strbuf_oom(&r->line) ? reader_oom(e) : 0;
}

/* The next line into r->line, without its newline: 1, 0 at the end of the
 * inputs, -1 on an error. A last line without a newline counts. */
static int next_line(inputs_reader *r, apperr *e)
{
    strbuf_reset(&r->line);
    bool some = false;
    for (;;) {
        if (r->pos == r->have) {
            int got = fill(r, e);
            if (got < 0)
                return -1;
            if (got == 0)
                return some ? 1 : 0;
        }
        const char *from = r->block + r->pos;
        const char *nl = memchr(from, '\n', r->have - r->pos);
        size_t take = nl ? (size_t)(nl - from) : r->have - r->pos;
        if (append(r, from, take, e) != 0)
            return -1;
        r->pos += take + (nl ? 1 : 0);
        some = true;
        if (nl)
            return 1;
    }
}

int inputs_next(inputs_reader *r, const input_line **out, apperr *e)
{
    mem_free(r->cur.text);
    memset(&r->cur, 0, sizeof r->cur);
    for (;;) {
        int got = next_line(r, e);
        if (got <= 0)
            return got;
        r->line_no++;
        const char *line = strbuf_str(&r->line);
        if (memchr(line, '\0', r->line.len)) {
            apperr_set(e, APPERR_INPUT, r->file, r->line_no,
                       "the inputs contain a NUL byte (not a text file?)");
            return -1;
        }
        parse_ctx x = {r->file, r->line_no, e};
        bool action;
        if (parse_line(&x, line, line + r->line.len, &r->cur, &action) != 0)
            return -1;
        if (action) {
            *out = &r->cur;
            return 1;
        }
    }
}

/* Reads a regular file through once, checking every line, then goes back
 * to where it started. */
static int check_whole(inputs_reader *r, apperr *e)
{
    struct stat st;
    off_t start;
    if (fstat(r->fd, &st) != 0 || !S_ISREG(st.st_mode) || (start = lseek(r->fd, 0, SEEK_CUR)) < 0)
        return 0;
    const input_line *il;
    int rc;
    while ((rc = inputs_next(r, &il, e)) == 1)
        continue;
    if (rc < 0)
        return -1;
    if (lseek(r->fd, start, SEEK_SET) < 0) {
        apperr_set(e, APPERR_INPUT, r->file, 0, "cannot read the inputs: %s", strerror(errno));
        return -1;
    }
    r->have = r->pos = 0;
    r->eof = false;
    r->line_no = 0;
    return 0;
}

int inputs_open(inputs_reader **out, const char *path, apperr *e)
{
    *out = NULL;
    inputs_reader *r = reader_new(path, e);
    if (!r)
        return -1;
    if (strcmp(path, "-") == 0) {
        r->fd = STDIN_FILENO;
    } else {
        r->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (r->fd < 0) {
            apperr_set(e, APPERR_INPUT, r->file, 0, "cannot read the inputs: %s", strerror(errno));
            inputs_close(r);
            return -1;
        }
        r->own_fd = true;
    }
    if (check_whole(r, e) != 0) {
        inputs_close(r);
        return -1;
    }
    *out = r;
    return 0;
}

int inputs_open_text(inputs_reader **out, const char *file, const char *text, size_t n, apperr *e)
{
    *out = reader_new(file, e);
    if (!*out)
        return -1;
    (*out)->text = text;
    (*out)->text_len = n;
    return 0;
}

const char *inputs_reader_file(const inputs_reader *r)
{
    return r->file;
}

void inputs_close(inputs_reader *r)
{
    if (!r)
        return;
    if (r->own_fd)
        close(r->fd);
    mem_free(r->cur.text);
    strbuf_free(&r->line);
    mem_free(r->block);
    mem_free(r->file);
    mem_free(r);
}

/* ---- all at once ------------------------------------------------------- */

static int push(inputs *out, const input_line *il)
{
    input_line *grown = mem_grow(out->items, &out->cap, out->n + 1, sizeof *grown);
    if (!grown)
        return -1;
    out->items = grown;
    out->items[out->n++] = *il;
    return 0;
}

int inputs_parse(inputs *out, const char *file, const char *text, apperr *e)
{
    memset(out, 0, sizeof *out);
    inputs_reader *r;
    if (inputs_open_text(&r, file, text, strlen(text), e) != 0)
        return -1;
    out->file = mem_strdup(r->file);
    int rc = out->file ? 0 : reader_oom(e);
    const input_line *il;
    while (rc == 0 && (rc = inputs_next(r, &il, e)) == 1) {
        if (push(out, il) != 0) {
            apperr_set(e, APPERR_ENV, r->file, il->line, "out of memory");
            rc = -1;
            break;
        }
        r->cur.text = NULL; /* now the list's */
        rc = 0;
    }
    inputs_close(r);
    if (rc != 0)
        inputs_free(out);
    return rc;
}

void inputs_free(inputs *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->n; i++)
        mem_free(in->items[i].text);
    mem_free(in->items);
    mem_free(in->file);
    memset(in, 0, sizeof *in);
}
