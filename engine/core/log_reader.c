#include "log_reader.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "json_util.h"
#include "strmap.h"

/* Folders nested deeper than this are not entered: a symbolic link loop
 * would otherwise walk forever. */
#define LOG_MAX_DEPTH 64
/* Below 2^53 a JSON number is an exact integer in a double. */
#define EXACT_INT_LIMIT 9007199254740992.0

/* ---- pointer arena: the string lists of one session's decisions -------- */

typedef struct ptr_chunk {
    struct ptr_chunk *next;
    size_t used, cap;
    const char *p[];
} ptr_chunk;

/* Lists live until the session is handed over; a chunk never moves, so the
 * pointers given out stay valid. */
static const char **arena_alloc(ptr_chunk **head, size_t n)
{
    ptr_chunk *c = *head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 512 ? n : 512;
        c = malloc(sizeof *c + cap * sizeof c->p[0]);
        if (!c)
            return NULL;
        c->next = *head;
        c->used = 0;
        c->cap = cap;
        *head = c;
    }
    const char **p = &c->p[c->used];
    c->used += n;
    return p;
}

/* Frees every chunk but the newest, which is kept for the next session. */
static void arena_reset(ptr_chunk **head)
{
    ptr_chunk *c = *head;
    if (!c)
        return;
    ptr_chunk *rest = c->next;
    c->next = NULL;
    c->used = 0;
    while (rest) {
        ptr_chunk *next = rest->next;
        free(rest);
        rest = next;
    }
}

static void arena_free(ptr_chunk **head)
{
    arena_reset(head);
    free(*head);
    *head = NULL;
}

/* ---- one session being read --------------------------------------------- */

typedef struct builder {
    log_session pub; /* first: log_session_read hands out &pub */
    char *id;
    char *file;    /* owned only by a kept session */
    cJSON **roots; /* parsed records the strings point into */
    size_t n_roots, cap_roots;
    log_decision *decs;
    size_t n_decs, cap_decs;
    ptr_chunk *arena;
    bool active; /* a session is being read */
    bool skip;   /* a duplicate: its records are dropped */
    bool has_end;
    int first_line;
} builder;

static void builder_reset(builder *b)
{
    for (size_t i = 0; i < b->n_roots; i++)
        cJSON_Delete(b->roots[i]);
    b->n_roots = 0;
    b->n_decs = 0;
    arena_reset(&b->arena);
    free(b->id);
    b->id = NULL;
    memset(&b->pub, 0, sizeof b->pub);
    b->active = b->skip = b->has_end = false;
}

static void builder_free(builder *b)
{
    builder_reset(b);
    free(b->roots);
    free(b->decs);
    arena_free(&b->arena);
    free(b->file);
}

/* ---- the reader ----------------------------------------------------------- */

typedef struct version_seen {
    char *version; /* NULL: logged as null */
    size_t file;   /* index in reader.files */
} version_seen;

typedef struct reader {
    const log_read_opts *o;
    log_read_stats st;
    apperr *e;
    bool failed;     /* a callback failed or memory ran out: stop */
    bool keep_first; /* log_session_read: keep the first session, then stop */
    builder *kept;
    strmap *ids;      /* session id -> index of the file it was first read from */
    strmap *cases;    /* case id -> index in versions */
    strmap *reported; /* "type\x1fname" and "case\x1fversion" already reported */
    char **files;     /* every file opened, for "first read from" messages */
    size_t n_files, cap_files;
    version_seen *versions;
    size_t n_versions, cap_versions;
    builder b;
    /* The file being read. */
    const char *path;
    size_t file_index;
    long file_records, blank_lines;
    int first_blank;
    bool newer_reported;
    char *buf;
    size_t buf_cap;
} reader;

static void issue(reader *r, log_issue_kind kind, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void issue(reader *r, log_issue_kind kind, const char *path, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->st.issues[kind]++;
    if (r->o && r->o->on_issue) {
        log_issue is = {.kind = kind, .file = path, .line = line, .msg = msg};
        r->o->on_issue(r->o->ctx, &is);
    }
}

static void out_of_memory(reader *r)
{
    if (!r->failed)
        apperr_set(r->e, APPERR_ENV, r->path, 0, "out of memory while reading session logs");
    r->failed = true;
}

/* Room for item n of arr (cap items of sz bytes): arr, moved if it had to
 * grow; NULL when out of memory (arr is then unchanged). */
static void *room(void *arr, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap)
        return arr;
    size_t c = *cap ? *cap * 2 : 16;
    void *q = realloc(arr, c * sz);
    if (q)
        *cap = c;
    return q;
}

/* Reports something once per read: true the first time key is seen. */
static bool first_time(reader *r, const char *a, const char *b)
{
    char key[512];
    int n = snprintf(key, sizeof key, "%s\x1f%s", a, b ? b : "\x01");
    if (n < 0)
        return false;
    bool added = false;
    if (!strmap_put(r->reported, key, (size_t)n < sizeof key ? (size_t)n : sizeof key - 1, &added))
        out_of_memory(r);
    return added;
}

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
static long find_field(const schema *sc, const char *key, size_t *hint)
{
    if (*hint < sc->n && strcmp(sc->f[*hint].name, key) == 0)
        return (long)(*hint)++;
    for (size_t i = 0; i < sc->n; i++)
        if (strcmp(sc->f[i].name, key) == 0) {
            *hint = i + 1;
            return (long)i;
        }
    return -1;
}

/* What reading one record needs to report a field problem. */
typedef struct rec_ctx {
    reader *r;
    const schema *sc;
    int line;
} rec_ctx;

static void bad_field(const rec_ctx *c, const char *name, const char *want)
{
    issue(c->r, LOG_ISSUE_BAD_FIELD, c->r->path, c->line, "%s field '%s' is not %s: taken as null",
          c->sc->type, name, want);
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
    size_t count = (size_t)cJSON_GetArraySize(it);
    const char **p = count ? arena_alloc(&c->r->b.arena, count) : NULL;
    if (count && !p) {
        out_of_memory(c->r);
        return;
    }
    size_t k = 0;
    for (const cJSON *s = it->child; s; s = s->next) {
        if (cJSON_IsString(s))
            p[k++] = s->valuestring;
        else
            bad_field(c, f->name, "a list of strings (an item skipped)");
    }
    const char *const *list = p;
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
            if (first_time(c->r, c->sc->type, it->string))
                issue(c->r, LOG_ISSUE_UNKNOWN_FIELD, c->r->path, c->line,
                      "unknown field '%s' in %s records ignored (reported once)", it->string,
                      c->sc->type);
            continue;
        }
        seen |= 1ULL << i;
        set_field(c, &c->sc->f[i], it, base);
    }
    for (size_t i = 0; i < c->sc->n; i++)
        if (c->sc->f[i].required && !(seen & (1ULL << i)))
            issue(c->r, LOG_ISSUE_BAD_FIELD, c->r->path, c->line,
                  "%s record lacks field '%s': taken as null", c->sc->type, c->sc->f[i].name);
}

/* ---- records ------------------------------------------------------------------ */

typedef struct envelope {
    const cJSON *v;
    const char *type, *session, *at;
    bool has_seq, has_t;
    int64_t seq, t;
} envelope;

static void read_envelope(const cJSON *root, envelope *env)
{
    memset(env, 0, sizeof *env);
    for (const cJSON *it = root->child; it; it = it->next) {
        const char *k = it->string;
        if (!k)
            continue;
        if (strcmp(k, "v") == 0)
            env->v = it;
        else if (strcmp(k, "type") == 0 && cJSON_IsString(it))
            env->type = it->valuestring;
        else if (strcmp(k, "session") == 0 && cJSON_IsString(it))
            env->session = it->valuestring;
        else if (strcmp(k, "at") == 0 && cJSON_IsString(it))
            env->at = it->valuestring;
        else if (strcmp(k, "seq") == 0 && whole_in(it, 0, EXACT_INT_LIMIT))
            env->has_seq = true, env->seq = (int64_t)it->valuedouble;
        else if (strcmp(k, "t") == 0 && whole_in(it, 0, EXACT_INT_LIMIT))
            env->has_t = true, env->t = (int64_t)it->valuedouble;
    }
}

static void check_versions(reader *r, const log_session *s)
{
    if (!s->has_start || !s->case_id)
        return;
    bool added = false;
    size_t *slot = strmap_put(r->cases, s->case_id, strlen(s->case_id), &added);
    if (!slot) {
        out_of_memory(r);
        return;
    }
    if (added) {
        void *q = room(r->versions, &r->cap_versions, r->n_versions, sizeof *r->versions);
        if (!q) {
            out_of_memory(r);
            return;
        }
        r->versions = q;
        char *v = s->case_version ? strdup(s->case_version) : NULL;
        if (s->case_version && !v) {
            out_of_memory(r);
            return;
        }
        *slot = r->n_versions;
        r->versions[r->n_versions++] = (version_seen){v, r->file_index};
        return;
    }
    const version_seen *first = &r->versions[*slot];
    const char *a = first->version ? first->version : "null";
    const char *b = s->case_version ? s->case_version : "null";
    if (strcmp(a, b) == 0 || !first_time(r, s->case_id, b))
        return;
    issue(r, LOG_ISSUE_TWO_VERSIONS, r->path, 0,
          "case '%s' played in version %s here and in version %s in %s: both are used, "
          "under the one case id",
          s->case_id, b, a, r->files[first->file]);
}

/* Hands the session being read to the callback (or keeps it) and forgets it. */
static void flush(reader *r)
{
    builder *b = &r->b;
    if (!b->active)
        return;
    if (!b->skip && !r->failed) {
        log_session *s = &b->pub;
        if (!b->has_end) {
            s->status = LOG_INCOMPLETE;
            issue(r, LOG_ISSUE_INCOMPLETE, r->path, 0,
                  "session %s has no session_end (cut short): its whole records are used, "
                  "reported as incomplete",
                  b->id);
        }
        if (!s->has_start)
            issue(r, LOG_ISSUE_NO_START, r->path, b->first_line,
                  "session %s has no session_start: used with trainee, case and variant unknown",
                  b->id);
        check_versions(r, s);
        s->decisions = b->decs;
        s->n_decisions = b->n_decs;
        r->st.sessions++;
        r->st.decisions += (long)b->n_decs;
        if (r->keep_first) {
            r->kept = malloc(sizeof *r->kept);
            if (!r->kept) {
                out_of_memory(r);
                return;
            }
            *r->kept = *b;
            r->kept->file = strdup(r->path);
            r->kept->pub.file = r->kept->file;
            memset(b, 0, sizeof *b);
            return;
        }
        if (r->o->on_session(r->o->ctx, s, r->e) != 0)
            r->failed = true;
    }
    builder_reset(b);
}

static void begin(reader *r, const char *id, int line)
{
    builder *b = &r->b;
    b->active = true;
    b->first_line = line;
    b->id = strdup(id);
    if (!b->id) {
        out_of_memory(r);
        return;
    }
    b->pub.id = b->id;
    b->pub.file = r->path;
    bool added = false;
    size_t *slot = strmap_put(r->ids, id, strlen(id), &added);
    if (!slot) {
        out_of_memory(r);
        return;
    }
    if (added) {
        *slot = r->file_index;
        return;
    }
    b->skip = true;
    issue(r, LOG_ISSUE_DUPLICATE, r->path, line,
          "session %s was already read from %s: this copy is skipped", id, r->files[*slot]);
}

static int keep_root(reader *r, cJSON *root)
{
    builder *b = &r->b;
    void *q = room(b->roots, &b->cap_roots, b->n_roots, sizeof *b->roots);
    if (!q) {
        cJSON_Delete(root);
        out_of_memory(r);
        return -1;
    }
    b->roots = q;
    b->roots[b->n_roots++] = root;
    return 0;
}

static void read_decision(const rec_ctx *c, cJSON *root, const envelope *env)
{
    builder *b = &c->r->b;
    void *q = room(b->decs, &b->cap_decs, b->n_decs, sizeof *b->decs);
    if (!q) {
        cJSON_Delete(root);
        out_of_memory(c->r);
        return;
    }
    b->decs = q;
    if (keep_root(c->r, root) != 0)
        return;
    log_decision *d = &b->decs[b->n_decs++];
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
            c->r->b.pub.outcomes[k]++;
            c->r->b.pub.ending = f.node;
            return;
        }
    issue(c->r, LOG_ISSUE_BAD_FIELD, c->r->path, c->line,
          "ending outcome '%s' is not good, neutral or harm: not counted",
          f.outcome ? f.outcome : "null");
}

static void read_end(const rec_ctx *c, const cJSON *root, const envelope *env)
{
    end_fields f = {0};
    log_session *s = &c->r->b.pub;
    apply_schema(c, root, &f);
    c->r->b.has_end = true;
    s->ended_at = env->at;
    s->error = f.error;
    for (int k = LOG_COMPLETE; f.status && k < LOG_INCOMPLETE; k++)
        if (strcmp(f.status, log_status_name((log_status)k)) == 0) {
            s->status = (log_status)k;
            return;
        }
    s->status = LOG_ERROR;
    issue(c->r, LOG_ISSUE_BAD_FIELD, c->r->path, c->line,
          "session_end status '%s' is not complete, quit or error: taken as error",
          f.status ? f.status : "null");
}

/* Takes a parsed record: starts a new session when its id changes (or a
 * second session_start comes), then reads it by type. Owns root. */
static void read_record(reader *r, cJSON *root, const envelope *env, int line)
{
    bool is_start = strcmp(env->type, "session_start") == 0;
    if (!r->b.active || strcmp(r->b.id, env->session) != 0 || (is_start && r->b.pub.has_start)) {
        flush(r);
        if (r->failed || r->kept) {
            cJSON_Delete(root);
            return;
        }
        begin(r, env->session, line);
    }
    r->st.records++;
    if (r->b.skip || r->failed) {
        cJSON_Delete(root);
        return;
    }
    if (env->has_t)
        r->b.pub.end_t = env->t;
    rec_ctx c = {.r = r, .sc = schema_for(env->type), .line = line};
    if (!c.sc) {
        if (first_time(r, "record type", env->type))
            issue(r, LOG_ISSUE_UNKNOWN_FIELD, r->path, line,
                  "unknown record type '%s' ignored (reported once)", env->type);
        cJSON_Delete(root);
    } else if (c.sc->f == decision_fields) {
        read_decision(&c, root, env);
    } else if (is_start) {
        r->b.pub.has_start = true;
        r->b.pub.started_at = env->at;
        apply_schema(&c, root, &r->b.pub);
        keep_root(r, root);
    } else if (c.sc->f == ending_fields) {
        read_ending(&c, root);
        keep_root(r, root);
    } else if (c.sc->f == end_fields_def) {
        read_end(&c, root, env);
        keep_root(r, root);
    } else {
        apply_schema(&c, root, NULL);
        cJSON_Delete(root);
    }
}

typedef enum line_result { LINE_OK, LINE_STOP_FILE } line_result;

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* A line that is not a record: the first of a file means the file is not a
 * log; a last one without its newline was torn by a crash. */
static line_result bad_line(reader *r, int line, bool last_torn, const char *why)
{
    if (r->file_records == 0 && !last_torn) {
        issue(r, LOG_ISSUE_NOT_A_LOG, r->path, line, "not a session log (%s): file skipped", why);
        return LINE_STOP_FILE;
    }
    if (last_torn)
        issue(r, LOG_ISSUE_TORN_LINE, r->path, line,
              "torn last line (cut short by a crash?): skipped");
    else
        issue(r, LOG_ISSUE_BAD_LINE, r->path, line, "%s: line skipped", why);
    return LINE_OK;
}

static line_result read_line(reader *r, char *s, size_t n, int line)
{
    bool newline = n > 0 && s[n - 1] == '\n';
    if (line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, n -= 3; /* a byte order mark from an editor */
    if (blank(s, n)) {
        if (r->blank_lines++ == 0)
            r->first_blank = line;
        return LINE_OK;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, false);
    if (root && !blank(end, n - (size_t)(end - s))) {
        cJSON_Delete(root);
        root = NULL;
    }
    if (!root)
        return bad_line(r, line, !newline, "not JSON");
    envelope env;
    read_envelope(root, &env);
    if (!cJSON_IsObject(root) || !env.type || !env.session || !env.v) {
        cJSON_Delete(root);
        return bad_line(r, line, false, "not a record with v, type and session");
    }
    if (!cJSON_IsNumber(env.v) || env.v->valuedouble != 1) {
        char v[32] = "that is not a number";
        if (cJSON_IsNumber(env.v))
            json_number_text(env.v->valuedouble, v, sizeof v);
        if (!r->newer_reported)
            issue(r, LOG_ISSUE_NEWER_VERSION, r->path, line,
                  "records of log version %s are not read by this version (it reads 1): "
                  "skipped",
                  v);
        r->newer_reported = true;
        r->file_records++;
        cJSON_Delete(root);
        return LINE_OK;
    }
    r->file_records++;
    read_record(r, root, &env, line);
    return LINE_OK;
}

/* ---- files and folders ------------------------------------------------------------ */

static int add_file_name(reader *r, const char *path)
{
    char *copy = strdup(path);
    void *q = copy ? room(r->files, &r->cap_files, r->n_files, sizeof *r->files) : NULL;
    if (!q) {
        free(copy);
        out_of_memory(r);
        return -1;
    }
    r->files = q;
    r->file_index = r->n_files;
    r->files[r->n_files++] = copy;
    r->path = copy;
    return 0;
}

/* A log starts with '{' (or a blank, or a byte order mark): anything else is
 * skipped without reading on, so a large binary file costs nothing. */
static bool starts_like_json(reader *r, FILE *f)
{
    int c = getc(f);
    if (c == EOF) {
        issue(r, LOG_ISSUE_NOT_A_LOG, r->path, 0, "empty file: skipped");
        return false;
    }
    ungetc(c, f);
    if (c == '{' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF)
        return true;
    issue(r, LOG_ISSUE_NOT_A_LOG, r->path, 0,
          "not a session log (does not start with a JSON object): file skipped");
    return false;
}

static void read_lines(reader *r, FILE *f)
{
    int line = 0;
    ssize_t n;
    while (!r->failed && !r->kept && (n = getline(&r->buf, &r->buf_cap, f)) > 0) {
        if (read_line(r, r->buf, (size_t)n, ++line) == LINE_STOP_FILE)
            return;
    }
    if (ferror(f))
        issue(r, LOG_ISSUE_UNREADABLE, r->path, line + 1, "read error: %s; rest of file skipped",
              strerror(errno));
}

static void read_file(reader *r, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        issue(r, LOG_ISSUE_UNREADABLE, path, 0, "cannot open: %s", strerror(errno));
        return;
    }
    if (add_file_name(r, path) != 0) {
        fclose(f);
        return;
    }
    r->st.files++;
    r->file_records = r->blank_lines = 0;
    r->newer_reported = false;
    if (starts_like_json(r, f))
        read_lines(r, f);
    fclose(f);
    flush(r);
    if (r->blank_lines)
        issue(r, LOG_ISSUE_BLANK_LINE, r->path, r->first_blank, "%ld blank line%s skipped",
              r->blank_lines, r->blank_lines == 1 ? "" : "s");
}

static void visit(reader *r, const char *path, int depth, bool given);

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_folder(reader *r, const char *dir, char ***names, size_t *n)
{
    size_t cap = 0;
    DIR *d = opendir(dir);
    if (!d) {
        issue(r, LOG_ISSUE_UNREADABLE, dir, 0, "cannot list folder: %s", strerror(errno));
        return -1;
    }
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue; /* ., .. and hidden files such as editor swap files */
        char *name = strdup(ent->d_name);
        void *q = name ? room(*names, &cap, *n, sizeof **names) : NULL;
        if (!q) {
            free(name);
            out_of_memory(r);
            break;
        }
        *names = q;
        (*names)[(*n)++] = name;
    }
    closedir(d);
    qsort(*names, *n, sizeof **names, by_name);
    return 0;
}

static void walk(reader *r, const char *dir, int depth)
{
    if (depth > LOG_MAX_DEPTH) {
        issue(r, LOG_ISSUE_UNREADABLE, dir, 0,
              "folders nested deeper than %d (a link loop?): not entered", LOG_MAX_DEPTH);
        return;
    }
    char **names = NULL;
    size_t n = 0;
    if (list_folder(r, dir, &names, &n) == 0) {
        size_t len = strlen(dir);
        const char *sep = len && dir[len - 1] == '/' ? "" : "/";
        for (size_t i = 0; i < n && !r->failed && !r->kept; i++) {
            char *path = malloc(len + strlen(names[i]) + 2);
            if (!path) {
                out_of_memory(r);
                break;
            }
            sprintf(path, "%s%s%s", dir, sep, names[i]);
            visit(r, path, depth + 1, false);
            free(path);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* given: named on the command line, so read whatever it is (a pipe too). */
static void visit(reader *r, const char *path, int depth, bool given)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        issue(r, LOG_ISSUE_UNREADABLE, path, 0, "cannot read: %s", strerror(errno));
        return;
    }
    if (S_ISDIR(st.st_mode))
        walk(r, path, depth);
    else if (S_ISREG(st.st_mode) || given)
        read_file(r, path);
    else
        issue(r, LOG_ISSUE_NOT_A_LOG, path, 0, "not a regular file: skipped");
}

static int reader_init(reader *r, const log_read_opts *o, apperr *e)
{
    memset(r, 0, sizeof *r);
    r->o = o;
    r->e = e;
    r->ids = strmap_new();
    r->cases = strmap_new();
    r->reported = strmap_new();
    if (!r->ids || !r->cases || !r->reported) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory while reading session logs");
        return -1;
    }
    return 0;
}

static void reader_done(reader *r)
{
    builder_free(&r->b);
    strmap_free(r->ids);
    strmap_free(r->cases);
    strmap_free(r->reported);
    for (size_t i = 0; i < r->n_files; i++)
        free(r->files[i]);
    free(r->files);
    for (size_t i = 0; i < r->n_versions; i++)
        free(r->versions[i].version);
    free(r->versions);
    free(r->buf);
}

int log_read_paths(const char *const *paths, size_t n_paths, const log_read_opts *o,
                   log_read_stats *stats, apperr *e)
{
    reader r;
    int rc = reader_init(&r, o, e);
    for (size_t i = 0; rc == 0 && i < n_paths && !r.failed; i++)
        visit(&r, paths[i], 0, true);
    if (rc == 0 && r.failed)
        rc = -1;
    if (stats)
        *stats = r.st;
    reader_done(&r);
    return rc;
}

int log_session_read(const char *path, const log_read_opts *o, log_session **out, apperr *e)
{
    static const log_read_opts none = {0};
    reader r;
    *out = NULL;
    if (reader_init(&r, o ? o : &none, e) != 0) {
        reader_done(&r);
        return -1;
    }
    r.keep_first = true;
    read_file(&r, path);
    int rc = r.failed ? -1 : 0;
    if (rc == 0 && !r.kept) {
        apperr_set(e, APPERR_INPUT, path, 0, "no session record in this file");
        rc = -1;
    }
    if (rc == 0)
        *out = &r.kept->pub;
    else if (r.kept)
        log_session_free(&r.kept->pub);
    reader_done(&r);
    return rc;
}

void log_session_free(log_session *s)
{
    if (!s)
        return;
    builder *b = (builder *)s; /* pub is builder's first member */
    builder_free(b);
    free(b);
}

/* ---- names ---------------------------------------------------------------------------- */

const char *log_status_name(log_status s)
{
    static const char *const names[] = {"complete", "quit", "error", "incomplete"};
    return (unsigned)s < 4 ? names[s] : "?";
}

const char *log_outcome_name(log_outcome o)
{
    static const char *const names[] = {"good", "neutral", "harm"};
    return (unsigned)o < LOG_OUTCOMES ? names[o] : "?";
}

const char *log_issue_name(log_issue_kind k)
{
    static const char *const names[LOG_ISSUE_KINDS] = {
        [LOG_ISSUE_UNREADABLE] = "unreadable paths",
        [LOG_ISSUE_NOT_A_LOG] = "files that are not logs",
        [LOG_ISSUE_TORN_LINE] = "torn last lines",
        [LOG_ISSUE_BAD_LINE] = "lines that are not records",
        [LOG_ISSUE_BAD_FIELD] = "fields of the wrong type",
        [LOG_ISSUE_NEWER_VERSION] = "files of a newer log version",
        [LOG_ISSUE_NO_START] = "sessions without session_start",
        [LOG_ISSUE_INCOMPLETE] = "incomplete sessions",
        [LOG_ISSUE_DUPLICATE] = "duplicate sessions",
        [LOG_ISSUE_TWO_VERSIONS] = "cases in two versions",
        [LOG_ISSUE_UNKNOWN_FIELD] = "unknown fields or record types",
        [LOG_ISSUE_BLANK_LINE] = "files with blank lines",
    };
    return (unsigned)k < LOG_ISSUE_KINDS && names[k] ? names[k] : "?";
}

const char *log_issue_format(const log_issue *is, char *buf, size_t size)
{
    if (is->file && is->line > 0)
        snprintf(buf, size, "%s:%d: %s", is->file, is->line, is->msg);
    else if (is->file)
        snprintf(buf, size, "%s: %s", is->file, is->msg);
    else
        snprintf(buf, size, "%s", is->msg);
    return buf;
}
