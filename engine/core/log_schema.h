/* log_schema: the one declaration of the session log's records and their
 * fields (decision-log.md "Record types"), as X-macro lists, the way TIC-80
 * declares its script API once. Everything that writes or reads a log
 * expands from these lists: the C struct of each record type (below), the
 * writer that prints such a struct in the declared order and the reader's
 * field table (log_schema.c), the CSV columns (tools/debrief_csv.c), the
 * log comparison of `replay --verify` and the tests.
 *
 * Adding a field is one line in its record's list (and its tests): the
 * struct gets the member, the writer writes it, the reader reads it and
 * reports it when it is missing or of the wrong type.
 *
 * Each field is X(struct, "json name", TYPE, c_member), in the order it is
 * written, where struct is the C struct of its record type. The types and the members they give a
 * struct:
 *
 *   STR       string or null              const char *m (NULL: null)
 *   OPT_STR   string, or left out         const char *m (NULL: not written)
 *   STR_LIST  [string]                    const char *const *m; size_t n_m
 *   BOOL      true, false or null         bool has_m, m
 *   FLAG      true or false               bool m
 *   INT       whole number or null        bool has_m; int64_t m
 *   RATING    1 to 7, or null             bool has_m; int m
 *   MS        whole number >= 0, or null  bool has_m; int64_t m
 *   NUM       number or null              bool has_m; double m
 *   PROB      number 0 to 1, or null      bool has_m; double m
 *   U64       0 to 2^64 - 1, exactly      bool has_m; uint64_t m
 *   OBJECT    JSON object (vitals)        const struct cJSON *m (NULL: null)
 *
 * A field added after logs were first written is declared ADDED_STR or
 * ADDED_STR_LIST: the writer writes it as STR or STR_LIST; a reader takes it
 * as null (or empty) without a word when an older log lacks it, and
 * `replay --verify` does not compare it there (log_record.lacks).
 *
 * ADDED_OPT_MS is an added whole number >= 0 that is left out when it has
 * none (bool has_m; int64_t m): the writer writes it only when has_m; a
 * reader takes a record without it as has_m false, without a word. Left
 * out is a value here, so `replay --verify` compares it, but not in a log
 * older than it (one whose session_start lacks an added field:
 * replay_compare).
 *
 * ADDED_OPT_STR and ADDED_OPT_STR_LIST are the same for a string and a list
 * of strings: left out when NULL or empty (session_start's `from` and
 * `set`, written only when the session was started with them).
 *
 * Numbers are written as the shortest text that reads back exactly
 * (json_util.h), U64 as its exact digits, so a seed above 2^53 survives. */
#ifndef LOG_SCHEMA_H
#define LOG_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cJSON;

/* ---- the declaration ------------------------------------------------------ */

/* Every record starts with these, written by log_writer. */
#define LOG_ENVELOPE_FIELDS(X)                                                                     \
    X(log_envelope, "v", INT, v)                                                                   \
    X(log_envelope, "type", STR, type)                                                             \
    X(log_envelope, "session", STR, session)                                                       \
    X(log_envelope, "seq", MS, seq)                                                                \
    X(log_envelope, "t", MS, t)                                                                    \
    X(log_envelope, "at", STR, at)

#define LOG_SESSION_START_FIELDS(X)                                                                \
    X(log_start, "engine", STR, engine)                                                            \
    X(log_start, "case", STR, case_id)                                                             \
    X(log_start, "case_version", STR, case_version)                                                \
    X(log_start, "case_title", STR, case_title)                                                    \
    X(log_start, "case_sha256", STR, case_sha256)                                                  \
    X(log_start, "case_file", STR, case_file)                                                      \
    X(log_start, "trainee", STR, trainee)                                                          \
    X(log_start, "variant", STR, variant)                                                          \
    X(log_start, "seed", U64, seed)                                                                \
    X(log_start, "mode", STR, mode)                                                                \
    X(log_start, "host_os", STR, host_os)                                                          \
    X(log_start, "time_limits", ADDED_STR, time_limits)                                            \
    X(log_start, "from", ADDED_OPT_STR, from)                                                      \
    X(log_start, "set", ADDED_OPT_STR_LIST, set)

#define LOG_NODE_FIELDS(X)                                                                         \
    X(log_node, "node", STR, node)                                                                 \
    X(log_node, "clock", NUM, clock)                                                               \
    X(log_node, "vitals", OBJECT, vitals)                                                          \
    X(log_node, "news2", INT, news2)                                                               \
    X(log_node, "title", ADDED_STR, title)                                                         \
    X(log_node, "teaching", ADDED_STR, teaching)                                                   \
    X(log_node, "news2_band", ADDED_STR, news2_band)

#define LOG_ADVICE_SHOWN_FIELDS(X)                                                                 \
    X(log_advice, "node", STR, node)                                                               \
    X(log_advice, "tool", STR, tool)                                                               \
    X(log_advice, "recommend", STR, recommend)                                                     \
    X(log_advice, "confidence", PROB, confidence)                                                  \
    X(log_advice, "source", STR, source)                                                           \
    X(log_advice, "timing", STR, timing)

#define LOG_VIEW_FIELDS(X)                                                                         \
    X(log_view, "node", STR, node)                                                                 \
    X(log_view, "what", STR, what)

#define LOG_DECISION_FIELDS(X)                                                                     \
    X(log_decision, "node", STR, node)                                                             \
    X(log_decision, "options", STR_LIST, options)                                                  \
    X(log_decision, "best", STR_LIST, best)                                                        \
    X(log_decision, "timing", STR, timing)                                                         \
    X(log_decision, "ai", STR, ai)                                                                 \
    X(log_decision, "ai_confidence", PROB, ai_confidence)                                          \
    X(log_decision, "ai_correct", BOOL, ai_correct)                                                \
    X(log_decision, "advice_requested", BOOL, advice_requested)                                    \
    X(log_decision, "initial", STR, initial)                                                       \
    X(log_decision, "initial_confidence", RATING, initial_confidence)                              \
    X(log_decision, "final", STR, final)                                                           \
    X(log_decision, "final_confidence", RATING, final_confidence)                                  \
    X(log_decision, "initial_correct", BOOL, initial_correct)                                      \
    X(log_decision, "final_correct", BOOL, final_correct)                                          \
    X(log_decision, "followed_ai", BOOL, followed_ai)                                              \
    X(log_decision, "switched", BOOL, switched)                                                    \
    X(log_decision, "trust", RATING, trust)                                                        \
    X(log_decision, "rationale", STR, rationale)                                                   \
    X(log_decision, "viewed", STR_LIST, viewed)                                                    \
    X(log_decision, "ms_initial", MS, ms_initial)                                                  \
    X(log_decision, "ms_advice", MS, ms_advice)                                                    \
    X(log_decision, "ms_final", MS, ms_final)                                                      \
    X(log_decision, "timed_out", FLAG, timed_out)                                                  \
    X(log_decision, "next", STR, next)                                                             \
    X(log_decision, "prompt", ADDED_STR, prompt)                                                   \
    X(log_decision, "labels", ADDED_STR_LIST, labels)                                              \
    X(log_decision, "feedback", ADDED_STR, feedback)                                               \
    X(log_decision, "time_limit_ms", ADDED_OPT_MS, time_limit_ms)

#define LOG_ENDING_FIELDS(X)                                                                       \
    X(log_ending, "node", STR, node)                                                               \
    X(log_ending, "outcome", STR, outcome)                                                         \
    X(log_ending, "clock", NUM, clock)                                                             \
    X(log_ending, "title", ADDED_STR, title)                                                       \
    X(log_ending, "text", ADDED_STR, text)                                                         \
    X(log_ending, "summary", ADDED_STR, summary)

#define LOG_SESSION_END_FIELDS(X)                                                                  \
    X(log_end, "status", STR, status)                                                              \
    X(log_end, "error", OPT_STR, error)

/* The record types: R(ID, "type", C struct, field list), in the order a
 * session first writes them. */
#define LOG_RECORDS(R)                                                                             \
    R(SESSION_START, "session_start", log_start, LOG_SESSION_START_FIELDS)                         \
    R(NODE, "node", log_node, LOG_NODE_FIELDS)                                                     \
    R(ADVICE_SHOWN, "advice_shown", log_advice, LOG_ADVICE_SHOWN_FIELDS)                           \
    R(VIEW, "view", log_view, LOG_VIEW_FIELDS)                                                     \
    R(DECISION, "decision", log_decision, LOG_DECISION_FIELDS)                                     \
    R(ENDING, "ending", log_ending, LOG_ENDING_FIELDS)                                             \
    R(SESSION_END, "session_end", log_end, LOG_SESSION_END_FIELDS)

/* ---- the C structs ---------------------------------------------------------- */

#define LOG_MEMBER_STR(m) const char *m;
#define LOG_MEMBER_OPT_STR(m) const char *m;
#define LOG_MEMBER_STR_LIST(m)                                                                     \
    const char *const *m;                                                                          \
    size_t n_##m;
#define LOG_MEMBER_BOOL(m) bool has_##m, m;
#define LOG_MEMBER_FLAG(m) bool m;
#define LOG_MEMBER_INT(m)                                                                          \
    bool has_##m;                                                                                  \
    int64_t m;
#define LOG_MEMBER_RATING(m)                                                                       \
    bool has_##m;                                                                                  \
    int m;
#define LOG_MEMBER_MS(m)                                                                           \
    bool has_##m;                                                                                  \
    int64_t m;
#define LOG_MEMBER_NUM(m)                                                                          \
    bool has_##m;                                                                                  \
    double m;
#define LOG_MEMBER_PROB(m)                                                                         \
    bool has_##m;                                                                                  \
    double m;
#define LOG_MEMBER_U64(m)                                                                          \
    bool has_##m;                                                                                  \
    uint64_t m;
#define LOG_MEMBER_OBJECT(m) const struct cJSON *m;
#define LOG_MEMBER_ADDED_STR(m) LOG_MEMBER_STR(m)
#define LOG_MEMBER_ADDED_STR_LIST(m) LOG_MEMBER_STR_LIST(m)
#define LOG_MEMBER_ADDED_OPT_MS(m) LOG_MEMBER_MS(m)
#define LOG_MEMBER_ADDED_OPT_STR(m) LOG_MEMBER_STR(m)
#define LOG_MEMBER_ADDED_OPT_STR_LIST(m) LOG_MEMBER_STR_LIST(m)
#define LOG_MEMBER(S, name, type, m) LOG_MEMBER_##type(m)

typedef struct log_envelope {
    LOG_ENVELOPE_FIELDS(LOG_MEMBER)
} log_envelope;

typedef struct log_start {
    LOG_SESSION_START_FIELDS(LOG_MEMBER)
} log_start;

typedef struct log_node {
    LOG_NODE_FIELDS(LOG_MEMBER)
} log_node;

typedef struct log_advice {
    LOG_ADVICE_SHOWN_FIELDS(LOG_MEMBER)
} log_advice;

typedef struct log_view {
    LOG_VIEW_FIELDS(LOG_MEMBER)
} log_view;

/* A decision record; after its fields, where a reader found it. */
typedef struct log_decision {
    LOG_DECISION_FIELDS(LOG_MEMBER)
    int64_t seq, t;
    const char *at; /* UTC wall time, ISO 8601 */
    int line;       /* line of the record in its file (0 when not read from one) */
} log_decision;

typedef struct log_ending {
    LOG_ENDING_FIELDS(LOG_MEMBER)
} log_ending;

typedef struct log_end {
    LOG_SESSION_END_FIELDS(LOG_MEMBER)
} log_end;

/* ---- the declaration at run time ---------------------------------------------- */

#define LOG_RECORD_ID(ID, name, ctype, FIELDS) LOG_REC_##ID,
typedef enum log_record_type { LOG_RECORDS(LOG_RECORD_ID) LOG_RECORD_TYPES } log_record_type;
#undef LOG_RECORD_ID

typedef enum log_field_type {
    LOG_STR,
    LOG_OPT_STR,
    LOG_STR_LIST,
    LOG_BOOL,
    LOG_FLAG,
    LOG_INT,
    LOG_RATING,
    LOG_MS,
    LOG_NUM,
    LOG_PROB,
    LOG_U64,
    LOG_OBJECT
} log_field_type;

/* One field: its name, its type, where its value is in the record's struct,
 * and where its has_ flag is (the count, for STR_LIST; meaningless for the
 * types without one: STR, OPT_STR, FLAG, OBJECT); added: declared ADDED_*,
 * so that an older log may lack it; opt: left out, not written as null,
 * when it has no value (ADDED_OPT_MS, ADDED_OPT_STR, ADDED_OPT_STR_LIST). */
typedef struct log_field {
    const char *name;
    size_t len; /* of name */
    log_field_type type;
    size_t off;
    size_t has_off;
    bool added;
    bool opt;
} log_field;

typedef struct log_record_def {
    const char *name; /* "decision" */
    size_t len;       /* of name */
    const log_field *fields;
    size_t n_fields;
    size_t size; /* of the C struct */
} log_record_def;

/* Any record with its envelope, as a reader keeps it (log_reader.h). */
typedef struct log_record {
    log_record_type type;
    int64_t seq, t;
    const char *at;
    int line;
    uint64_t lacks; /* bit i: the line lacked added field i (an older log); never an opt one */
    union {
        log_start start;
        log_node node;
        log_advice advice;
        log_view view;
        log_decision decision;
        log_ending ending;
        log_end end;
    } as;
} log_record;

/* The record type's declaration; NULL for an out-of-range type. */
const log_record_def *log_schema_record(log_record_type type);
/* The envelope's fields (v, type, session, seq, t, at), as a record def
 * over log_envelope. */
const log_record_def *log_schema_envelope(void);
/* The record type called name ("decision"), or -1 when the schema has none. */
int log_schema_find(const char *name);
/* The same for a name of len bytes (not terminated). */
int log_schema_find_n(const char *name, size_t len);
/* The field called name (len bytes, or up to its NUL when len is
 * LOG_NAME_NUL) in def, looked for first at *hint (fields mostly come in
 * the written order, so a reader going through a record finds each at
 * once), then everywhere; its index, or -1. *hint moves past what was
 * found. */
#define LOG_NAME_NUL ((size_t)-1)
long log_schema_field(const log_record_def *def, const char *name, size_t len, size_t *hint);

/* Whether f is called name (len bytes, or LOG_NAME_NUL): inline, since a
 * reader asks it of every member of every record. */
static inline bool log_field_named(const log_field *f, const char *name, size_t len)
{
    if (len == LOG_NAME_NUL) {
        for (size_t i = 0; i < f->len; i++)
            if (name[i] != f->name[i])
                return false; /* a shorter name stops here, at its NUL */
        return name[f->len] == '\0';
    }
    if (len != f->len)
        return false;
    for (size_t i = 0; i < len; i++)
        if (name[i] != f->name[i])
            return false;
    return true;
}

/* The record's fields as a JSON object, in the declared order, for
 * log_writer_write; NULL when out of memory. rec is the type's struct. An
 * OBJECT value is copied. */
struct cJSON *log_record_json(log_record_type type, const void *rec);

/* The whole line of a record as log_writer writes it: the envelope's
 * fields, then the members of fields, on one line ending in "\n". Free it
 * with mem_free (len without the terminating NUL); NULL when out of memory. */
char *log_line_print(const log_envelope *env, const struct cJSON *fields, size_t *len);

/* Whether the field has the same value in the records a and b (a and b are
 * structs of one record type). Numbers compare by value, lists item by
 * item, objects member by member. */
bool log_field_equal(const log_field *f, const void *a, const void *b);

/* The field's value in rec as JSON text ("null", "\"a\"", "[\"a\",\"b\"]",
 * "0.72"); free it with mem_free. NULL when out of memory. */
char *log_field_text(const log_field *f, const void *rec);

#endif
