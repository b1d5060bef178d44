#include "log_parse.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "json_util.h"
#include "log_writer.h"
#include "utf8.h"

/* Below 2^53 a JSON number is an exact integer in a double. */
#define EXACT_INT_LIMIT 9007199254740992.0
/* Files are read in blocks of this size; a longer line grows the buffer up
 * to LOG_LINE_MAX (the longest line the writer writes), past which the
 * line is skipped as not a record. */
#define BLOCK_BYTES (1u << 20)
/* A session's arena grows by chunks of this size (one holds a typical
 * session's parsed records). */
#define CHUNK_BYTES (64u << 10)

/* ---- arena: one session's parsed records and lists, freed at once ---- */

struct log_chunk {
    log_chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

/* Chunks of the usual size, given back by sessions once handed over and
 * taken again by the threads that parse: without it, the allocator hands
 * the memory back to the system between batches and every chunk costs
 * fresh page faults. */
struct log_chunk_pool {
    pthread_mutex_t mu;
    log_chunk *free;
    size_t n, max;
};

log_chunk_pool *log_chunk_pool_new(size_t max_chunks)
{
    log_chunk_pool *pool = calloc(1, sizeof *pool);
    if (pool && pthread_mutex_init(&pool->mu, NULL) != 0) {
        free(pool);
        return NULL;
    }
    if (pool)
        pool->max = max_chunks;
    return pool;
}

void log_chunk_pool_free(log_chunk_pool *pool)
{
    if (!pool)
        return;
    while (pool->free) {
        log_chunk *next = pool->free->next;
        free(pool->free);
        pool->free = next;
    }
    pthread_mutex_destroy(&pool->mu);
    free(pool);
}

static log_chunk *chunk_get(log_chunk_pool *pool, size_t cap)
{
    log_chunk *c = NULL;
    if (pool && cap == CHUNK_BYTES) {
        pthread_mutex_lock(&pool->mu);
        if ((c = pool->free) != NULL) {
            pool->free = c->next;
            pool->n--;
        }
        pthread_mutex_unlock(&pool->mu);
    }
    if (!c && (c = malloc(sizeof *c + cap)) != NULL)
        c->cap = cap;
    return c;
}

static void chunk_put(log_chunk_pool *pool, log_chunk *c)
{
    if (pool && c->cap == CHUNK_BYTES) {
        pthread_mutex_lock(&pool->mu);
        bool kept = pool->n < pool->max;
        if (kept) {
            c->next = pool->free;
            pool->free = c;
            pool->n++;
        }
        pthread_mutex_unlock(&pool->mu);
        if (kept)
            return;
    }
    free(c);
}

static void *arena_alloc(log_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    log_chunk *c = a->head;
    if (c && c->cap - c->used >= n) {
        void *p = c->data + c->used;
        c->used += n;
        return p;
    }
    log_chunk *fresh = chunk_get(a->pool, n > CHUNK_BYTES / 4 ? n : CHUNK_BYTES);
    if (!fresh)
        return NULL;
    fresh->used = n;
    if (c && fresh->cap != CHUNK_BYTES) {
        /* a large block goes behind the current chunk, which stays in use */
        fresh->next = c->next;
        c->next = fresh;
    } else {
        fresh->next = c;
        a->head = fresh;
    }
    return fresh->data;
}

static void arena_free(log_arena *a)
{
    log_chunk *c = a->head;
    while (c) {
        log_chunk *next = c->next;
        chunk_put(a->pool, c);
        c = next;
    }
    a->head = NULL;
}

/* The arena cJSON allocates from on this thread while a line is parsed;
 * NULL the rest of the time, when the hooks are plain malloc and free. */
static _Thread_local log_arena *tls_arena;

static void *hook_malloc(size_t n)
{
    return tls_arena ? arena_alloc(tls_arena, n) : malloc(n);
}

/* While a line is parsed, cJSON frees only what it allocated for that line
 * (a failed parse): arena memory, given back with the session. */
static void hook_free(void *p)
{
    if (!tls_arena)
        free(p);
}

void log_parse_init(void)
{
    cJSON_Hooks hooks = {.malloc_fn = hook_malloc, .free_fn = hook_free};
    cJSON_InitHooks(&hooks);
}

/* ---- sessions and events ---------------------------------------------- */

void log_parsed_session_free(log_parsed_session *s)
{
    if (!s)
        return;
    arena_free(&s->arena);
    free(s->decs);
    free(s->id);
    free(s->file);
    free(s);
}

void log_parsed_file_clear(log_parsed_file *f)
{
    for (size_t i = 0; i < f->n_events; i++) {
        log_parsed_session_free(f->events[i].session);
        free(f->events[i].msg);
        free(f->events[i].once);
    }
    free(f->events);
    memset(f, 0, sizeof *f);
}

struct log_parser {
    log_parsed_file *out;
    log_parsed_session *cur; /* the session being read, NULL between sessions */
    log_arena arena;         /* where lines are parsed: the next session's arena */
    char *buf;
    size_t cap;
    long file_records, blank_lines, bad_utf8;
    int first_blank, first_bad_utf8;
    bool newer_reported;
};

log_parser *log_parser_new(log_chunk_pool *pool)
{
    log_parser *p = calloc(1, sizeof *p);
    if (p)
        p->arena.pool = pool;
    if (p && !(p->buf = malloc(BLOCK_BYTES))) {
        free(p);
        return NULL;
    }
    if (p)
        p->cap = BLOCK_BYTES;
    return p;
}

void log_parser_free(log_parser *p)
{
    if (!p)
        return;
    log_parsed_session_free(p->cur);
    arena_free(&p->arena);
    free(p->buf);
    free(p);
}

static log_event *push_event(log_parser *p)
{
    log_parsed_file *f = p->out;
    if (f->n_events == f->cap_events) {
        size_t cap = f->cap_events ? f->cap_events * 2 : 8;
        log_event *e = realloc(f->events, cap * sizeof *e);
        if (!e) {
            f->oom = true;
            return NULL;
        }
        f->events = e;
        f->cap_events = cap;
    }
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
    e->msg = strdup(msg);
    e->once = once ? strdup(once) : NULL;
    if (!e->msg || (once && !e->once))
        p->out->oom = true;
}

#define issue(p, kind, line, ...) issue_once(p, NULL, kind, line, __VA_ARGS__)

/* ---- fields ----------------------------------------------------------------- */

typedef enum ftype {
    F_ENV,     /* envelope (v, type, session, seq, t, at): read elsewhere */
    F_ANY,     /* known, not needed by the reader */
    F_STR,     /* string or null */
    F_STRLIST, /* [string] */
    F_BOOL,    /* bool or null */
    F_FLAG,    /* bool, never null */
    F_RATING,  /* 1..7 or null */
    F_PROB,    /* 0..1 or null */
    F_MS,      /* whole number >= 0 or null */
    F_SEED     /* whole number >= 0 */
} ftype;

typedef struct fdef {
    const char *name;
    ftype type;
    bool required;
    size_t off;     /* of the value in the target struct */
    size_t has_off; /* of the has_ flag, or of the count for F_STRLIST */
} fdef;

typedef struct schema {
    const char *type;
    const fdef *f;
    size_t n;
} schema;

#define ENVELOPE                                                                                   \
    {"v", F_ENV, false, 0, 0}, {"type", F_ENV, false, 0, 0}, {"session", F_ENV, false, 0, 0},      \
        {"seq", F_ENV, false, 0, 0}, {"t", F_ENV, false, 0, 0},                                    \
    {                                                                                              \
        "at", F_ENV, false, 0, 0                                                                   \
    }
#define D_STR(n, f)                                                                                \
    {                                                                                              \
        n, F_STR, true, offsetof(log_decision, f), 0                                               \
    }
#define D_LIST(n, f)                                                                               \
    {                                                                                              \
        n, F_STRLIST, true, offsetof(log_decision, f), offsetof(log_decision, n_##f)               \
    }
#define D_HAS(n, t, f)                                                                             \
    {                                                                                              \
        n, t, true, offsetof(log_decision, f), offsetof(log_decision, has_##f)                     \
    }

/* In the order log_writer writes them, so the lookup's hint hits first. */
static const fdef decision_fields[] = {
    ENVELOPE,
    D_STR("node", node),
    D_LIST("options", options),
    D_LIST("best", best),
    D_STR("timing", timing),
    D_STR("ai", ai),
    D_HAS("ai_confidence", F_PROB, ai_confidence),
    D_HAS("ai_correct", F_BOOL, ai_correct),
    D_HAS("advice_requested", F_BOOL, advice_requested),
    D_STR("initial", initial),
    D_HAS("initial_confidence", F_RATING, initial_confidence),
    D_STR("final", final),
    D_HAS("final_confidence", F_RATING, final_confidence),
    D_HAS("initial_correct", F_BOOL, initial_correct),
    D_HAS("final_correct", F_BOOL, final_correct),
    D_HAS("followed_ai", F_BOOL, followed_ai),
    D_HAS("switched", F_BOOL, switched),
    D_HAS("trust", F_RATING, trust),
    D_STR("rationale", rationale),
    D_LIST("viewed", viewed),
    D_HAS("ms_initial", F_MS, ms_initial),
    D_HAS("ms_advice", F_MS, ms_advice),
    D_HAS("ms_final", F_MS, ms_final),
    {"timed_out", F_FLAG, true, offsetof(log_decision, timed_out), 0},
    D_STR("next", next),
};

#define S_STR(n, f)                                                                                \
    {                                                                                              \
        n, F_STR, true, offsetof(log_session, f), 0                                                \
    }
static const fdef start_fields[] = {
    ENVELOPE,
    S_STR("engine", engine),
    S_STR("case", case_id),
    S_STR("case_version", case_version),
    S_STR("case_title", case_title),
    S_STR("case_sha256", case_sha256),
    {"case_file", F_ANY, false, 0, 0},
    S_STR("trainee", trainee),
    S_STR("variant", variant),
    {"seed", F_SEED, true, offsetof(log_session, seed), offsetof(log_session, has_seed)},
    S_STR("mode", mode),
    {"host_os", F_ANY, false, 0, 0},
};

/* The few fields of ending and session_end the reader needs. */
typedef struct end_fields {
    const char *node, *outcome, *status, *error;
} end_fields;

static const fdef ending_fields[] = {
    ENVELOPE,
    {"node", F_STR, true, offsetof(end_fields, node), 0},
    {"outcome", F_STR, true, offsetof(end_fields, outcome), 0},
    {"clock", F_ANY, false, 0, 0},
};

static const fdef end_fields_def[] = {
    ENVELOPE,
    {"status", F_STR, true, offsetof(end_fields, status), 0},
    {"error", F_STR, false, offsetof(end_fields, error), 0},
};

static const fdef node_fields[] = {
    ENVELOPE,
    {"node", F_ANY, false, 0, 0},
    {"clock", F_ANY, false, 0, 0},
    {"vitals", F_ANY, false, 0, 0},
    {"news2", F_ANY, false, 0, 0},
};

static const fdef advice_fields[] = {
    ENVELOPE,
    {"node", F_ANY, false, 0, 0},
    {"tool", F_ANY, false, 0, 0},
    {"recommend", F_ANY, false, 0, 0},
    {"confidence", F_ANY, false, 0, 0},
    {"source", F_ANY, false, 0, 0},
    {"timing", F_ANY, false, 0, 0},
};

static const fdef view_fields[] = {
    ENVELOPE,
    {"node", F_ANY, false, 0, 0},
    {"what", F_ANY, false, 0, 0},
};

#define SCHEMA(t, f)                                                                               \
    {                                                                                              \
        t, f, sizeof f / sizeof f[0]                                                               \
    }
static const schema schemas[] = {
    SCHEMA("session_start", start_fields), SCHEMA("node", node_fields),
    SCHEMA("advice_shown", advice_fields), SCHEMA("view", view_fields),
    SCHEMA("decision", decision_fields),   SCHEMA("ending", ending_fields),
    SCHEMA("session_end", end_fields_def),
};

static const schema *schema_for(const char *type)
{
    for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++)
        if (strcmp(schemas[i].type, type) == 0)
            return &schemas[i];
    return NULL;
}

/* The field named key: first where the last match left off (fields come in
 * the writer's order), else anywhere. */
/* Field names are short: comparing in line beats a call to strcmp, and
 * this runs for every member of every record. */
static bool same_name(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static long find_field(const schema *sc, const char *key, size_t *hint)
{
    if (*hint < sc->n && same_name(sc->f[*hint].name, key))
        return (long)(*hint)++;
    for (size_t i = 0; i < sc->n; i++)
        if (same_name(sc->f[i].name, key)) {
            *hint = i + 1;
            return (long)i;
        }
    return -1;
}

/* What reading one record needs to report a field problem. */
typedef struct rec_ctx {
    log_parser *p;
    const schema *sc;
    int line;
} rec_ctx;

static void bad_field(const rec_ctx *c, const char *name, const char *want)
{
    issue(c->p, LOG_ISSUE_BAD_FIELD, c->line, "%s field '%s' is not %s: taken as null", c->sc->type,
          name, want);
}

static bool whole_in(const cJSON *it, double lo, double hi)
{
    return cJSON_IsNumber(it) && it->valuedouble == floor(it->valuedouble) &&
           it->valuedouble >= lo && it->valuedouble <= hi;
}

static void set_list(const rec_ctx *c, const fdef *f, const cJSON *it, char *base)
{
    if (cJSON_IsNull(it))
        return;
    if (!cJSON_IsArray(it)) {
        bad_field(c, f->name, "a list of strings");
        return;
    }
    size_t count = 0;
    for (const cJSON *s = it->child; s; s = s->next)
        count++;
    const char **items = count ? arena_alloc(&c->p->arena, count * sizeof *items) : NULL;
    if (count && !items) {
        c->p->out->oom = true;
        return;
    }
    size_t k = 0;
    for (const cJSON *s = it->child; s; s = s->next) {
        if (cJSON_IsString(s))
            items[k++] = s->valuestring;
        else
            bad_field(c, f->name, "a list of strings (an item skipped)");
    }
    const char *const *list = items;
    memcpy(base + f->off, &list, sizeof list);
    memcpy(base + f->has_off, &k, sizeof k);
}
static void set_number(const rec_ctx *c, const fdef *f, const cJSON *it, char *base)
{
    bool *has = (bool *)(base + f->has_off);
    if (cJSON_IsNull(it))
        return;
    switch (f->type) {
    case F_RATING:
        if (!whole_in(it, 1, 7)) {
            bad_field(c, f->name, "a whole number from 1 to 7");
            return;
        }
        *(int *)(base + f->off) = (int)it->valuedouble;
        break;
    case F_PROB:
        if (!cJSON_IsNumber(it) || !(it->valuedouble >= 0 && it->valuedouble <= 1)) {
            bad_field(c, f->name, "a number from 0 to 1");
            return;
        }
        *(double *)(base + f->off) = it->valuedouble;
        break;
    case F_MS:
        if (!whole_in(it, 0, EXACT_INT_LIMIT)) {
            bad_field(c, f->name, "a whole number of ms");
            return;
        }
        *(int64_t *)(base + f->off) = (int64_t)it->valuedouble;
        break;
    default: /* F_SEED; seeds above 2^53 lose digits in a double: not given */
        if (!whole_in(it, 0, EXACT_INT_LIMIT))
            return;
        *(uint64_t *)(base + f->off) = (uint64_t)it->valuedouble;
        break;
    }
    *has = true;
}

static void set_field(const rec_ctx *c, const fdef *f, const cJSON *it, char *base)
{
    switch (f->type) {
    case F_ENV:
    case F_ANY:
        break;
    case F_STR:
        if (cJSON_IsString(it))
            *(const char **)(base + f->off) = it->valuestring;
        else if (!cJSON_IsNull(it))
            bad_field(c, f->name, "a string");
        break;
    case F_STRLIST:
        set_list(c, f, it, base);
        break;
    case F_BOOL:
    case F_FLAG:
        if (cJSON_IsBool(it)) {
            *(bool *)(base + f->off) = cJSON_IsTrue(it);
            if (f->type == F_BOOL)
                *(bool *)(base + f->has_off) = true;
        } else if (!cJSON_IsNull(it) || f->type == F_FLAG) {
            bad_field(c, f->name, f->type == F_FLAG ? "true or false" : "a boolean");
        }
        break;
    default:
        set_number(c, f, it, base);
        break;
    }
}

/* An unknown field, or record type (field NULL): reported once per read. */
static void unknown(log_parser *p, const char *type, const char *field, int line)
{
    char key[512];
    snprintf(key, sizeof key, "unknown\x1f%s\x1f%s", type, field ? field : "");
    if (field)
        issue_once(p, key, LOG_ISSUE_UNKNOWN_FIELD, line,
                   "unknown field '%s' in %s records ignored (reported once)", field, type);
    else
        issue_once(p, key, LOG_ISSUE_UNKNOWN_FIELD, line,
                   "unknown record type '%s' ignored (reported once)", type);
}

/* Reads the members of a record into base by the schema; reports unknown
 * fields (once per type and name) and missing ones. */
static void apply_schema(const rec_ctx *c, const cJSON *root, void *base)
{
    uint64_t seen = 0;
    size_t hint = 0;
    for (const cJSON *it = root->child; it; it = it->next) {
        if (!it->string)
            continue;
        long i = find_field(c->sc, it->string, &hint);
        if (i < 0) {
            unknown(c->p, c->sc->type, it->string, c->line);
            continue;
        }
        seen |= 1ULL << i;
        set_field(c, &c->sc->f[i], it, base);
    }
    for (size_t i = 0; i < c->sc->n; i++)
        if (c->sc->f[i].required && !(seen & (1ULL << i)))
            issue(c->p, LOG_ISSUE_BAD_FIELD, c->line, "%s record lacks field '%s': taken as null",
                  c->sc->type, c->sc->f[i].name);
}

/* ---- records ------------------------------------------------------------------ */

/* ---- records ------------------------------------------------------------ */

typedef struct envelope {
    const cJSON *v;
    const char *type, *session, *at;
    bool has_seq, has_t;
    int64_t seq, t;
} envelope;

static void envelope_field(const cJSON *it, envelope *env)
{
    const char *k = it->string;
    switch (k[0]) {
    case 'v':
        if (k[1] == '\0')
            env->v = it;
        break;
    case 't':
        if (k[1] == '\0' && whole_in(it, 0, EXACT_INT_LIMIT)) {
            env->has_t = true;
            env->t = (int64_t)it->valuedouble;
        } else if (strcmp(k, "type") == 0 && cJSON_IsString(it)) {
            env->type = it->valuestring;
        }
        break;
    case 's':
        if (strcmp(k, "session") == 0 && cJSON_IsString(it))
            env->session = it->valuestring;
        else if (strcmp(k, "seq") == 0 && whole_in(it, 0, EXACT_INT_LIMIT))
            env->has_seq = true, env->seq = (int64_t)it->valuedouble;
        break;
    case 'a':
        if (strcmp(k, "at") == 0 && cJSON_IsString(it))
            env->at = it->valuestring;
        break;
    default:
        break;
    }
}

/* The envelope comes first in what log_writer writes: the search stops
 * once all six are found, and looks at every member otherwise. */
static void read_envelope(const cJSON *root, envelope *env)
{
    memset(env, 0, sizeof *env);
    for (const cJSON *it = root->child; it; it = it->next) {
        if (it->string)
            envelope_field(it, env);
        if (env->v && env->type && env->session && env->at && env->has_seq && env->has_t)
            break;
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
    log_parsed_session *s = calloc(1, sizeof *s);
    if (!s || !(s->id = strdup(id))) {
        free(s);
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

static void read_decision(const rec_ctx *c, const cJSON *root, const envelope *env)
{
    log_parsed_session *s = c->p->cur;
    if (s->n_decs == s->cap_decs) {
        size_t cap = s->cap_decs ? s->cap_decs * 2 : 16;
        log_decision *d = realloc(s->decs, cap * sizeof *d);
        if (!d) {
            c->p->out->oom = true;
            return;
        }
        s->decs = d;
        s->cap_decs = cap;
    }
    log_decision *d = &s->decs[s->n_decs++];
    memset(d, 0, sizeof *d);
    apply_schema(c, root, d);
    d->seq = env->seq;
    d->t = env->t;
    d->at = env->at;
    d->line = c->line;
}

static void read_ending(const rec_ctx *c, const cJSON *root)
{
    end_fields f = {0};
    apply_schema(c, root, &f);
    for (int k = 0; f.outcome && k < LOG_OUTCOMES; k++)
        if (strcmp(f.outcome, log_outcome_name((log_outcome)k)) == 0) {
            c->p->cur->pub.outcomes[k]++;
            c->p->cur->pub.ending = f.node;
            return;
        }
    issue(c->p, LOG_ISSUE_BAD_FIELD, c->line,
          "ending outcome '%s' is not good, neutral or harm: not counted",
          f.outcome ? f.outcome : "null");
}

static void read_end(const rec_ctx *c, const cJSON *root, const envelope *env)
{
    end_fields f = {0};
    log_session *s = &c->p->cur->pub;
    apply_schema(c, root, &f);
    c->p->cur->has_end = true;
    s->ended_at = env->at;
    s->error = f.error;
    for (int k = LOG_COMPLETE; f.status && k < LOG_INCOMPLETE; k++)
        if (strcmp(f.status, log_status_name((log_status)k)) == 0) {
            s->status = (log_status)k;
            return;
        }
    s->status = LOG_ERROR;
    issue(c->p, LOG_ISSUE_BAD_FIELD, c->line,
          "session_end status '%s' is not complete, quit or error: taken as error",
          f.status ? f.status : "null");
}

static void read_start(const rec_ctx *c, const cJSON *root, const envelope *env)
{
    log_session *s = &c->p->cur->pub;
    s->has_start = true;
    s->started_at = env->at;
    apply_schema(c, root, s);
}

/* Reads a record of the current session by its type. */
static void read_record(log_parser *p, const cJSON *root, const envelope *env, int line)
{
    rec_ctx c = {.p = p, .sc = schema_for(env->type), .line = line};
    p->out->records++;
    if (env->has_t)
        p->cur->pub.end_t = env->t;
    if (!c.sc)
        unknown(p, env->type, NULL, line);
    else if (c.sc->f == decision_fields)
        read_decision(&c, root, env);
    else if (c.sc->f == start_fields)
        read_start(&c, root, env);
    else if (c.sc->f == ending_fields)
        read_ending(&c, root);
    else if (c.sc->f == end_fields_def)
        read_end(&c, root, env);
    else
        apply_schema(&c, root, NULL);
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

/* Records the reader has no use for (node, advice_shown, view) are only
 * counted when they are plainly whole lines of the current session as
 * log_writer writes them: parsing them would double the reading time.
 * Anything else about them is left unchecked. */
static bool skippable(const log_parser *p, const char *s, size_t n)
{
    static const char head[] = "{\"v\":1,\"type\":\"";
    static const char sess[] = "\",\"session\":\"";
    static const struct {
        const char *name;
        size_t len;
    } types[] = {{"node", 4}, {"advice_shown", 12}, {"view", 4}};
    const size_t hl = sizeof head - 1, sl = sizeof sess - 1;
    if (!p->cur || n < 64 || s[n - 1] != '\n' || memcmp(s, head, hl) != 0)
        return false;
    size_t end = n - 1 - (s[n - 2] == '\r'); /* the closing brace is just before */
    if (s[end - 1] != '}')
        return false;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t len = types[i].len, id = hl + len + sl;
        if (s[hl] != types[i].name[0] || memcmp(s + hl, types[i].name, len) != 0)
            continue;
        return id + p->cur->id_len + 1 < end && memcmp(s + hl + len, sess, sl) == 0 &&
               memcmp(s + id, p->cur->id, p->cur->id_len) == 0 && s[id + p->cur->id_len] == '"';
    }
    return false;
}

/* Parses s (n bytes, the newline included when there is one) with cJSON
 * into the arena of the session it will belong to. */
static cJSON *parse(log_parser *p, const char *s, size_t n)
{
    const char *end = NULL;
    tls_arena = &p->arena;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, false);
    tls_arena = NULL;
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
    if (skippable(p, s, n)) {
        p->file_records++;
        p->out->records++;
        return LINE_OK;
    }
    const cJSON *root = parse(p, s, n);
    if (!root)
        return bad_line(p, line, !newline, "not JSON");
    envelope env;
    read_envelope(root, &env);
    if (!cJSON_IsObject(root) || !env.type || !env.session || !env.v)
        return bad_line(p, line, false, "not a record with v, type and session");
    if (!cJSON_IsNumber(env.v) || env.v->valuedouble != 1)
        return newer_version(p, env.v, line);
    p->file_records++;
    bool is_start = strcmp(env.type, "session_start") == 0;
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
    read_record(p, root, &env, line);
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
    free(fixed);
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
    char *b = realloc(p->buf, p->cap * 2);
    if (!b)
        return -1;
    p->buf = b;
    p->cap *= 2;
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
    arena_free(&p->arena); /* lines parsed after the last session: not records */
}
