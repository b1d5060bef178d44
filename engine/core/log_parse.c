/* log_parse: one log file read into its sessions and problems (see
 * log_parse.h): the lines, the sessions they belong to, and what each
 * record says. */
#include "log_parse.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "json_util.h"
#include "log_fields.h"
#include "log_skim.h"
#include "log_writer.h"
#include "mem.h"
#include "utf8.h"

/* Below 2^53 a JSON number is an exact integer in a double. */
#define EXACT_INT_LIMIT 9007199254740992.0
/* Files are read in blocks of this size; a longer line grows the buffer up
 * to LOG_LINE_MAX (the longest line the writer writes), past which the
 * line is skipped as not a record. */
#define BLOCK_BYTES (1u << 20)

/* The record types every read needs: what a log_session holds. */
#define NEEDED                                                                                     \
    ((1u << LOG_REC_SESSION_START) | (1u << LOG_REC_DECISION) | (1u << LOG_REC_ENDING) |           \
     (1u << LOG_REC_SESSION_END))
#define ALL_TYPES ((1u << LOG_RECORD_TYPES) - 1)

/* The envelope's fields by their place in the schema. */
#define ENV_INDEX(S, name, type, m) ENV_##m,
enum { LOG_ENVELOPE_FIELDS(ENV_INDEX) ENV_COUNT };
#undef ENV_INDEX

void log_parse_init(void)
{
    log_arena_init();
}

/* ---- sessions and events ---------------------------------------------- */

void log_parsed_session_free(log_parsed_session *s)
{
    if (!s)
        return;
    log_arena_free(&s->arena);
    mem_free(s->decs);
    mem_free(s->recs);
    mem_free(s->id);
    mem_free(s->file);
    mem_free(s);
}

void log_parsed_file_clear(log_parsed_file *f)
{
    for (size_t i = 0; i < f->n_events; i++) {
        log_parsed_session_free(f->events[i].session);
        mem_free(f->events[i].msg);
        mem_free(f->events[i].once);
    }
    mem_free(f->events);
    memset(f, 0, sizeof *f);
}

struct log_parser {
    log_parsed_file *out;
    log_parsed_session *cur; /* the session being read, NULL between sessions */
    log_arena arena;         /* where lines are parsed: the next session's arena */
    unsigned keep;           /* record types kept in the session's records */
    unsigned skip;           /* record types counted without being parsed */
    char *buf;
    size_t cap;
    long file_records, blank_lines, bad_utf8;
    int first_blank, first_bad_utf8;
    bool newer_reported;
};

log_parser *log_parser_new(log_chunk_pool *pool, unsigned keep)
{
    log_parser *p = mem_calloc(1, sizeof *p);
    if (p)
        p->arena.pool = pool;
    if (p && !(p->buf = mem_grow(NULL, &p->cap, BLOCK_BYTES, 1))) {
        mem_free(p);
        return NULL;
    }
    if (p) {
        p->keep = keep & ALL_TYPES;
        p->skip = ~(p->keep | NEEDED) & ALL_TYPES;
    }
    return p;
}

void log_parser_free(log_parser *p)
{
    if (!p)
        return;
    log_parsed_session_free(p->cur);
    log_arena_free(&p->arena);
    mem_free(p->buf);
    mem_free(p);
}

static log_event *push_event(log_parser *p)
{
    log_parsed_file *f = p->out;
    log_event *grown = mem_grow(f->events, &f->cap_events, f->n_events + 1, sizeof *grown);
    if (!grown) {
        f->oom = true;
        return NULL;
    }
    f->events = grown;
    log_event *e = &f->events[f->n_events++];
    memset(e, 0, sizeof *e);
    return e;
}

static void issue_once(log_parser *p, const char *once, log_issue_kind kind, int line,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* A problem, reported (by the reader) only the first time `once` comes
 * when it is not NULL. */
static void issue_once(log_parser *p, const char *once, log_issue_kind kind, int line,
                       const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    log_event *e = push_event(p);
    if (!e)
        return;
    e->kind = kind;
    e->line = line;
    e->msg = mem_strdup(msg);
    e->once = once ? mem_strdup(once) : NULL;
    if (!e->msg || (once && !e->once))
        p->out->oom = true;
}

#define issue(p, kind, line, ...) issue_once(p, NULL, kind, line, __VA_ARGS__)

/* ---- what a record says ------------------------------------------------------ */

/* An unknown field (len bytes), or record type (field NULL): reported
 * once per read. */
static void unknown(log_parser *p, const char *type, const char *field, size_t len, int line)
{
    char key[512];
    int n = field ? (int)(len < 200 ? len : 200) : 0;
    snprintf(key, sizeof key, "unknown\x1f%s\x1f%.*s", type, n, field ? field : "");
    if (field)
        issue_once(p, key, LOG_ISSUE_UNKNOWN_FIELD, line,
                   "unknown field '%.*s' in %s records ignored (reported once)", n, field, type);
    else
        issue_once(p, key, LOG_ISSUE_UNKNOWN_FIELD, line,
                   "unknown record type '%s' ignored (reported once)", type);
}

/* What reading one record needs to report a field problem. */
typedef struct rec_ctx {
    log_parser *p;
    const char *type;
    int line;
} rec_ctx;

static void field_problem(void *ctx, log_field_problem what, const char *field, size_t len,
                          const char *want)
{
    const rec_ctx *c = ctx;
    int n = (int)(len < 200 ? len : 200);
    switch (what) {
    case LOG_FIELD_BAD:
        issue(c->p, LOG_ISSUE_BAD_FIELD, c->line, "%s field '%.*s' is not %s: taken as null",
              c->type, n, field, want);
        break;
    case LOG_FIELD_MISSING:
        issue(c->p, LOG_ISSUE_BAD_FIELD, c->line, "%s record lacks field '%.*s': taken as null",
              c->type, n, field);
        break;
    case LOG_FIELD_UNKNOWN:
        unknown(c->p, c->type, field, len, c->line);
        break;
    }
}

typedef struct envelope {
    const cJSON *v;
    const char *type, *session, *at;
    bool has_seq, has_t;
    int64_t seq, t;
} envelope;

static bool whole_in(const cJSON *it, double lo, double hi)
{
    return cJSON_IsNumber(it) && it->valuedouble == floor(it->valuedouble) &&
           it->valuedouble >= lo && it->valuedouble <= hi;
}

static void envelope_field(const cJSON *it, long index, envelope *env)
{
    switch (index) {
    case ENV_v:
        env->v = it;
        break;
    case ENV_type:
        env->type = cJSON_IsString(it) ? it->valuestring : NULL;
        break;
    case ENV_session:
        env->session = cJSON_IsString(it) ? it->valuestring : NULL;
        break;
    case ENV_seq:
        if ((env->has_seq = whole_in(it, 0, EXACT_INT_LIMIT)))
            env->seq = (int64_t)it->valuedouble;
        break;
    case ENV_t:
        if ((env->has_t = whole_in(it, 0, EXACT_INT_LIMIT)))
            env->t = (int64_t)it->valuedouble;
        break;
    case ENV_at:
        env->at = cJSON_IsString(it) ? it->valuestring : NULL;
        break;
    default:
        break;
    }
}

/* The envelope's fields, wherever they are among the members (the first
 * of each name): the search stops once all are found, at once when they
 * come first as log_writer writes them. */
static void read_envelope(const cJSON *root, envelope *env)
{
    const log_record_def *def = log_schema_envelope();
    size_t hint = 0;
    unsigned seen = 0;
    memset(env, 0, sizeof *env);
    for (const cJSON *it = root->child; it && seen != (1u << ENV_COUNT) - 1; it = it->next) {
        long i = it->string ? log_schema_field(def, it->string, LOG_NAME_NUL, &hint) : -1;
        if (i >= 0 && !(seen & (1u << i))) {
            seen |= 1u << i;
            envelope_field(it, i, env);
        }
    }
}

/* The session being read is whole: it becomes an event, with its arena. */
static int end_session(log_parser *p, log_parse_sink sink, void *ctx)
{
    log_parsed_session *s = p->cur;
    if (!s)
        return 0;
    p->cur = NULL;
    s->arena = p->arena;
    p->arena.head = NULL;
    s->pub.decisions = s->decs;
    s->pub.n_decisions = s->n_decs;
    s->pub.records = s->recs;
    s->pub.n_records = s->n_recs;
    if (!s->has_end)
        s->pub.status = LOG_INCOMPLETE;
    log_event *e = push_event(p);
    if (!e) {
        log_parsed_session_free(s);
        return -1;
    }
    e->session = s;
    return sink ? sink(ctx, p->out) : 0;
}

static int begin_session(log_parser *p, const char *id, int line)
{
    log_parsed_session *s = mem_calloc(1, sizeof *s);
    if (!s || !(s->id = mem_strdup(id))) {
        mem_free(s);
        p->out->oom = true;
        return -1;
    }
    s->id_len = strlen(s->id);
    s->pub.id = s->id;
    s->pub.file = p->out->path;
    s->first_line = line;
    p->cur = s;
    return 0;
}

static log_decision *new_decision(log_parser *p)
{
    log_parsed_session *s = p->cur;
    log_decision *grown = mem_grow(s->decs, &s->cap_decs, s->n_decs + 1, sizeof *grown);
    if (!grown) {
        p->out->oom = true;
        return NULL;
    }
    s->decs = grown;
    log_decision *d = &s->decs[s->n_decs++];
    memset(d, 0, sizeof *d);
    return d;
}

static void keep_record(log_parser *p, const log_record *r)
{
    log_parsed_session *s = p->cur;
    log_record *grown = mem_grow(s->recs, &s->cap_recs, s->n_recs + 1, sizeof *grown);
    if (!grown) {
        p->out->oom = true;
        return;
    }
    s->recs = grown;
    s->recs[s->n_recs++] = *r;
}

static void read_ending(log_parser *p, const log_ending *f, int line)
{
    for (int k = 0; f->outcome && k < LOG_OUTCOMES; k++)
        if (strcmp(f->outcome, log_outcome_name((log_outcome)k)) == 0) {
            p->cur->pub.outcomes[k]++;
            p->cur->pub.ending = f->node;
            return;
        }
    issue(p, LOG_ISSUE_BAD_FIELD, line,
          "ending outcome '%s' is not good, neutral or harm: not counted",
          f->outcome ? f->outcome : "null");
}

static void read_end(log_parser *p, const log_end *f, const envelope *env, int line)
{
    log_session *s = &p->cur->pub;
    p->cur->has_end = true;
    s->ended_at = env->at;
    s->error = f->error;
    for (int k = LOG_COMPLETE; f->status && k < LOG_INCOMPLETE; k++)
        if (strcmp(f->status, log_status_name((log_status)k)) == 0) {
            s->status = (log_status)k;
            return;
        }
    s->status = LOG_ERROR;
    issue(p, LOG_ISSUE_BAD_FIELD, line,
          "session_end status '%s' is not complete, quit or error: taken as error",
          f->status ? f->status : "null");
}

/* Reads a record of the current session by its type's schema; s[0..n) is
 * its line. */
static void read_record(log_parser *p, const cJSON *root, const envelope *env, int line,
                        const char *s, size_t n)
{
    int type = log_schema_find(env->type);
    p->out->records++;
    if (env->has_t)
        p->cur->pub.end_t = env->t;
    if (type < 0) {
        unknown(p, env->type, NULL, 0, line);
        return;
    }
    const log_record_def *def = log_schema_record((log_record_type)type);
    log_record r;
    memset(&r, 0, offsetof(log_record, as) + def->size); /* the record's own struct only */
    r.type = (log_record_type)type;
    r.seq = env->seq;
    r.t = env->t;
    r.at = env->at;
    r.line = line;
    log_decision *d = r.type == LOG_REC_DECISION ? new_decision(p) : NULL;
    if (r.type == LOG_REC_DECISION && !d)
        return;
    rec_ctx c = {p, env->type, line};
    log_fields_in in = {def, &p->arena, s, n, field_problem, &c, false};
    r.lacks = log_fields_read(&in, root, d ? (void *)d : (void *)&r.as);
    p->out->oom |= in.oom;
    switch (r.type) {
    case LOG_REC_SESSION_START:
        p->cur->pub.has_start = true;
        p->cur->pub.started_at = env->at;
        p->cur->pub.start = r.as.start;
        break;
    case LOG_REC_DECISION:
        d->seq = env->seq;
        d->t = env->t;
        d->at = env->at;
        d->line = line;
        if (p->keep & (1u << r.type))
            r.as.decision = *d;
        break;
    case LOG_REC_ENDING:
        read_ending(p, &r.as.ending, line);
        break;
    case LOG_REC_SESSION_END:
        read_end(p, &r.as.end, env, line);
        break;
    default:
        break;
    }
    if (p->keep & (1u << r.type))
        keep_record(p, &r);
}

/* ---- records counted without parsing -------------------------------------------- */

/* An envelope field of a line the parser may skip, into *got; false when
 * the line must be parsed instead: not v 1, a type this read needs (or
 * does not know), another session, or a field given twice. */
static bool skim_envelope(const log_parser *p, unsigned *got, long index, log_span v, double *t)
{
    double x;
    if (*got & (1u << index))
        return false;
    *got |= 1u << index;
    switch (index) {
    case ENV_v:
        return log_span_number(v, &x) && x == 1;
    case ENV_session:
        return log_span_is_string(v, p->cur->id, p->cur->id_len);
    case ENV_t:
        return log_span_number(v, t);
    case ENV_type: {
        /* a type's name holds no escape, so only a string written plainly matches */
        int type = v.n >= 2 && v.p[0] == '"' ? log_schema_find_n(v.p + 1, v.n - 2) : -1;
        return type >= 0 && (p->skip & (1u << type));
    }
    default:
        return true;
    }
}

/* Whether the line ends in '}' and its newline: it is whole, not torn. */
static bool ends_whole(const char *s, size_t n)
{
    if (n < 2 || s[n - 1] != '\n')
        return false;
    n--;
    while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n > 0 && s[n - 1] == '}';
}

/* Records this read has no use for (node, advice_shown and view, for the
 * debrief) are counted, not parsed, when their envelope says they are
 * records of the current session, of log version 1, of such a type, and
 * the line is whole: parsing them would double the reading time. The
 * envelope's fields are found among the members by name, wherever they
 * are (at once when they come first, as log_writer writes them); what
 * comes after them on the line is left unchecked. Everything else is left
 * to the parser. */
static bool skipped(log_parser *p, const char *s, size_t n)
{
    const unsigned must = (1u << ENV_v) | (1u << ENV_type) | (1u << ENV_session) | (1u << ENV_t);
    if (!p->cur || !p->skip || !ends_whole(s, n))
        return false;
    log_keys keys;
    log_skim sk;
    log_span key, val;
    bool plain;
    unsigned got = 0;
    double t = -1;
    log_keys_begin(&keys, NULL);
    log_skim_begin(&sk, s, n);
    while ((got & must) != must) {
        if (log_skim_next(&sk, &key, &plain, &val) != 1 || !plain)
            return false;
        long i = log_keys_match(&keys, key.p, key.n);
        if (i <= LOG_KEY_ENVELOPE && !skim_envelope(p, &got, LOG_KEY_ENVELOPE - i, val, &t))
            return false;
    }
    p->out->records++;
    if (t >= 0 && t <= EXACT_INT_LIMIT && t == floor(t))
        p->cur->pub.end_t = (int64_t)t;
    return true;
}

/* ---- lines -------------------------------------------------------------------- */

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

typedef enum line_result { LINE_OK, LINE_STOP } line_result;

/* A line that is not a record: the first of a file means the file is not a
 * log; a last one without its newline was torn by a crash. */
static line_result bad_line(log_parser *p, int line, bool torn, const char *why)
{
    if (p->file_records == 0 && !torn) {
        issue(p, LOG_ISSUE_NOT_A_LOG, line, "not a session log (%s): file skipped", why);
        return LINE_STOP;
    }
    if (torn)
        issue(p, LOG_ISSUE_TORN_LINE, line, "torn last line (cut short by a crash?): skipped");
    else
        issue(p, LOG_ISSUE_BAD_LINE, line, "%s: line skipped", why);
    return LINE_OK;
}

/* Parses s (n bytes, the newline included when there is one) with cJSON
 * into the arena of the session it will belong to. */
static cJSON *parse(log_parser *p, const char *s, size_t n)
{
    const char *end = NULL;
    cJSON *root = log_arena_parse(&p->arena, s, n, &end);
    if (p->arena.oom) {
        p->out->oom = true; /* not the line's fault: the read stops */
        return NULL;
    }
    if (root && !blank(end, n - (size_t)(end - s)))
        root = NULL; /* trailing bytes after the object; arena memory, nothing to free */
    return root;
}

static line_result newer_version(log_parser *p, const cJSON *v, int line)
{
    char text[32] = "that is not a number";
    if (cJSON_IsNumber(v))
        json_number_text(v->valuedouble, text, sizeof text);
    if (!p->newer_reported)
        issue(p, LOG_ISSUE_NEWER_VERSION, line,
              "records of log version %s are not read by this version (it reads 1): skipped", text);
    p->newer_reported = true;
    p->file_records++;
    return LINE_OK;
}

/* A record of another session than the current one (or a second
 * session_start) ends the current session; the line, parsed into the old
 * session's arena, is parsed again into the new one's. */
static const cJSON *switch_session(log_parser *p, const char *s, size_t n, const envelope *env,
                                   int line, log_parse_sink sink, void *ctx, envelope *out)
{
    bool had = p->cur != NULL;
    if (end_session(p, sink, ctx) != 0 || p->out->oom)
        return NULL;
    const cJSON *root = NULL;
    if (had) {
        root = parse(p, s, n);
        if (!root) {
            p->out->oom = true;
            return NULL;
        }
        read_envelope(root, out);
    } else {
        *out = *env;
    }
    return begin_session(p, out->session, line) == 0 ? root : NULL;
}

static line_result read_record_line(log_parser *p, const char *s, size_t n, int line,
                                    log_parse_sink sink, void *ctx)
{
    bool newline = n > 0 && s[n - 1] == '\n';
    if (line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, n -= 3; /* a byte order mark from an editor */
    if (blank(s, n)) {
        if (p->blank_lines++ == 0)
            p->first_blank = line;
        return LINE_OK;
    }
    if (skipped(p, s, n)) {
        p->file_records++;
        return LINE_OK;
    }
    const cJSON *root = parse(p, s, n);
    if (!root)
        return p->out->oom ? LINE_STOP : bad_line(p, line, !newline, "not JSON");
    envelope env;
    read_envelope(root, &env);
    if (!cJSON_IsObject(root) || !env.type || !env.session || !env.v)
        return bad_line(p, line, false, "not a record with v, type and session");
    if (!cJSON_IsNumber(env.v) || env.v->valuedouble != 1)
        return newer_version(p, env.v, line);
    p->file_records++;
    bool is_start = log_schema_find(env.type) == LOG_REC_SESSION_START;
    if (!p->cur || strcmp(p->cur->id, env.session) != 0 || (is_start && p->cur->pub.has_start)) {
        envelope again;
        const cJSON *r2 = switch_session(p, s, n, &env, line, sink, ctx, &again);
        if (!p->cur)
            return LINE_STOP; /* out of memory or the sink said stop */
        if (r2) {
            root = r2;
            env = again;
        }
    }
    read_record(p, root, &env, line, s, n);
    return LINE_OK;
}

/* A line with bytes that are not UTF-8 (a log from an older version, or
 * edited by hand) is read with U+FFFD in their place, so that every report
 * made from it is UTF-8. */
static line_result read_line(log_parser *p, const char *s, size_t n, int line, log_parse_sink sink,
                             void *ctx)
{
    if (utf8_valid(s, n, NULL))
        return read_record_line(p, s, n, line, sink, ctx);
    size_t len;
    char *fixed = utf8_repair(s, n, &len);
    if (!fixed) {
        p->out->oom = true;
        return LINE_STOP;
    }
    bool whole = s[n - 1] == '\n'; /* a torn last line is reported as torn */
    if (whole && p->bad_utf8++ == 0)
        p->first_bad_utf8 = line;
    line_result r = read_record_line(p, fixed, len, line, sink, ctx);
    mem_free(fixed);
    return r;
}

/* ---- files ----------------------------------------------------------------------- */

/* A log starts with '{' (or a blank, or a byte order mark): anything else is
 * skipped without reading on, so a large binary file costs nothing. */
static bool starts_like_json(log_parser *p, const char *buf, size_t n)
{
    if (n == 0) {
        issue(p, LOG_ISSUE_NOT_A_LOG, 0, "empty file: skipped");
        return false;
    }
    unsigned char c = (unsigned char)buf[0];
    if (c == '{' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF)
        return true;
    issue(p, LOG_ISSUE_NOT_A_LOG, 0,
          "not a session log (does not start with a JSON object): file skipped");
    return false;
}

/* Room for more bytes after `have` in the buffer: doubles it for a line
 * longer than a block. -1 when the line is too long or memory ran out. */
static int make_room(log_parser *p, size_t have)
{
    if (have < p->cap)
        return 0;
    if (p->cap >= LOG_LINE_MAX)
        return -1;
    char *b = mem_grow(p->buf, &p->cap, p->cap + 1, 1); /* doubles */
    if (!b)
        return -1;
    p->buf = b;
    return 0;
}

typedef struct file_pos {
    int line;
    bool stop;
} file_pos;

/* Reads every whole line in buf[0..have); returns the bytes used. */
static size_t read_lines(log_parser *p, size_t have, bool at_end, file_pos *pos,
                         log_parse_sink sink, void *ctx)
{
    size_t start = 0;
    while (start < have && !pos->stop) {
        const char *nl = memchr(p->buf + start, '\n', have - start);
        if (!nl && !at_end)
            break;
        size_t len = nl ? (size_t)(nl - (p->buf + start)) + 1 : have - start;
        if (read_line(p, p->buf + start, len, ++pos->line, sink, ctx) == LINE_STOP || p->out->oom)
            pos->stop = true;
        start += len;
    }
    return start;
}

/* size: the file's size when known (else -1): once that much is read, the
 * end is taken as reached without one more read() to see it. */
static void read_fd(log_parser *p, int fd, long long size, log_parse_sink sink, void *ctx)
{
    size_t have = 0;
    long long total = 0;
    file_pos pos = {0};
    bool first = true;
    for (;;) {
        ssize_t got = read(fd, p->buf + have, p->cap - have);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            issue(p, LOG_ISSUE_UNREADABLE, pos.line + 1, "read error: %s; rest of file skipped",
                  strerror(errno));
            got = 0;
        }
        have += (size_t)got;
        total += got;
        if (first && !starts_like_json(p, p->buf, have))
            return;
        first = false;
        bool at_end = got == 0 || (size >= 0 && total >= size);
        size_t used = read_lines(p, have, at_end, &pos, sink, ctx);
        if (at_end || pos.stop)
            return;
        memmove(p->buf, p->buf + used, have - used);
        have -= used;
        if (make_room(p, have) != 0) {
            issue(p, LOG_ISSUE_BAD_LINE, pos.line + 1,
                  "line longer than %u MB: rest of file skipped", LOG_LINE_MAX >> 20);
            return;
        }
    }
}

void log_parse_file(log_parser *p, const char *path, long long limit, log_parsed_file *out,
                    log_parse_sink sink, void *ctx)
{
    out->path = path;
    p->out = out;
    p->file_records = p->blank_lines = p->bad_utf8 = 0;
    p->newer_reported = false;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        issue(p, LOG_ISSUE_UNREADABLE, 0, "cannot open: %s", strerror(errno));
        return;
    }
    struct stat st;
    long long size = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
    if (!sink && limit > 0 && size > limit) {
        out->deferred = true;
        close(fd);
        return;
    }
    out->opened = true;
    read_fd(p, fd, size, sink, ctx);
    close(fd);
    end_session(p, sink, ctx); /* a stop from the sink changes nothing now */
    if (p->blank_lines)
        issue(p, LOG_ISSUE_BLANK_LINE, p->first_blank, "%ld blank line%s skipped", p->blank_lines,
              p->blank_lines == 1 ? "" : "s");
    if (p->bad_utf8)
        issue(p, LOG_ISSUE_BAD_UTF8, p->first_bad_utf8,
              "%ld line%s with bytes that are not UTF-8: read with U+FFFD in their place",
              p->bad_utf8, p->bad_utf8 == 1 ? "" : "s");
    log_arena_free(&p->arena); /* lines parsed after the last session: not records */
}
