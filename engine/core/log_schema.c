/* log_schema: the declaration of log_schema.h at run time: the field table
 * of every record type, the writer that prints a record's struct in the
 * declared order, and the comparison of two records field by field. */
#include "log_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "json_util.h"
#include "mem.h"
#include "strbuf.h"

/* ---- the tables ------------------------------------------------------------ */

/* Each type's log_field after its name: the type, where the value is, where
 * the has_ flag (or the count) is, whether an older log may lack it, and
 * whether it is left out when it has no value. */
#define FIELD_STR(S, m) LOG_STR, offsetof(S, m), 0, false, false
#define FIELD_OPT_STR(S, m) LOG_OPT_STR, offsetof(S, m), 0, false, false
#define FIELD_STR_LIST(S, m) LOG_STR_LIST, offsetof(S, m), offsetof(S, n_##m), false, false
#define FIELD_BOOL(S, m) LOG_BOOL, offsetof(S, m), offsetof(S, has_##m), false, false
#define FIELD_FLAG(S, m) LOG_FLAG, offsetof(S, m), 0, false, false
#define FIELD_INT(S, m) LOG_INT, offsetof(S, m), offsetof(S, has_##m), false, false
#define FIELD_RATING(S, m) LOG_RATING, offsetof(S, m), offsetof(S, has_##m), false, false
#define FIELD_MS(S, m) LOG_MS, offsetof(S, m), offsetof(S, has_##m), false, false
#define FIELD_NUM(S, m) LOG_NUM, offsetof(S, m), offsetof(S, has_##m), false, false
#define FIELD_PROB(S, m) LOG_PROB, offsetof(S, m), offsetof(S, has_##m), false, false
#define FIELD_U64(S, m) LOG_U64, offsetof(S, m), offsetof(S, has_##m), false, false
#define FIELD_OBJECT(S, m) LOG_OBJECT, offsetof(S, m), 0, false, false
#define FIELD_ADDED_STR(S, m) LOG_STR, offsetof(S, m), 0, true, false
#define FIELD_ADDED_STR_LIST(S, m) LOG_STR_LIST, offsetof(S, m), offsetof(S, n_##m), true, false
#define FIELD_ADDED_OPT_MS(S, m) LOG_MS, offsetof(S, m), offsetof(S, has_##m), true, true
#define FIELD_ADDED_OPT_STR(S, m) LOG_OPT_STR, offsetof(S, m), 0, true, true
#define FIELD_ADDED_OPT_STR_LIST(S, m) LOG_STR_LIST, offsetof(S, m), offsetof(S, n_##m), true, true

#define FIELD(S, name, type, m) {name, sizeof name - 1, FIELD_##type(S, m)},

static const log_field envelope_fields[] = {LOG_ENVELOPE_FIELDS(FIELD)};

#define FIELD_TABLE(ID, name, ctype, FIELDS) static const log_field fields_##ID[] = {FIELDS(FIELD)};
LOG_RECORDS(FIELD_TABLE)
#undef FIELD_TABLE

#define RECORD_DEF(ID, name, ctype, FIELDS)                                                        \
    [LOG_REC_##ID] = {name, sizeof name - 1, fields_##ID,                                          \
                      sizeof fields_##ID / sizeof fields_##ID[0], sizeof(ctype)},
static const log_record_def records[LOG_RECORD_TYPES] = {LOG_RECORDS(RECORD_DEF)};
#undef RECORD_DEF

static const log_record_def envelope = {"envelope", 8, envelope_fields,
                                        sizeof envelope_fields / sizeof envelope_fields[0],
                                        sizeof(log_envelope)};

const log_record_def *log_schema_record(log_record_type type)
{
    return (unsigned)type < LOG_RECORD_TYPES ? &records[type] : NULL;
}

const log_record_def *log_schema_envelope(void)
{
    return &envelope;
}

int log_schema_find_n(const char *name, size_t len)
{
    for (int i = 0; i < LOG_RECORD_TYPES; i++)
        if (records[i].len == len && memcmp(records[i].name, name, len) == 0)
            return i;
    return -1;
}

int log_schema_find(const char *name)
{
    return name ? log_schema_find_n(name, strlen(name)) : -1;
}

long log_schema_field(const log_record_def *def, const char *name, size_t len, size_t *hint)
{
    const log_field *f = def->fields;
    if (*hint < def->n_fields && log_field_named(&f[*hint], name, len))
        return (long)(*hint)++;
    for (size_t i = 0; i < def->n_fields; i++)
        if (log_field_named(&f[i], name, len)) {
            *hint = i + 1;
            return (long)i;
        }
    return -1;
}

/* ---- values -------------------------------------------------------------------- */

/* T const: T may itself be a pointer to const (a duplicate const for clang). */
#define VALUE(T, rec, off) (*(T const *)((const char *)(rec) + (off)))

static bool has_value(const log_field *f, const void *rec)
{
    switch (f->type) {
    case LOG_STR:
    case LOG_OPT_STR:
        return VALUE(const char *, rec, f->off) != NULL;
    case LOG_OBJECT:
        return VALUE(const cJSON *, rec, f->off) != NULL;
    case LOG_STR_LIST: /* an opt list has a value when it is not empty */
        return !f->opt || VALUE(size_t, rec, f->has_off) > 0;
    case LOG_FLAG:
        return true;
    default:
        return VALUE(bool, rec, f->has_off);
    }
}

static cJSON *string_list(const void *rec, const log_field *f)
{
    const char *const *items = VALUE(const char *const *, rec, f->off);
    size_t n = VALUE(size_t, rec, f->has_off);
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < n; i++) {
        cJSON *s = cJSON_CreateString(items[i] ? items[i] : "");
        if (!s || !cJSON_AddItemToArray(arr, s)) {
            cJSON_Delete(s);
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

/* The value of f in rec as a cJSON node, printed as the log holds it. */
static cJSON *value_json(const log_field *f, const void *rec)
{
    if (!has_value(f, rec))
        return cJSON_CreateNull();
    switch (f->type) {
    case LOG_STR:
    case LOG_OPT_STR:
        return cJSON_CreateString(VALUE(const char *, rec, f->off));
    case LOG_STR_LIST:
        return string_list(rec, f);
    case LOG_BOOL:
    case LOG_FLAG:
        return cJSON_CreateBool(VALUE(bool, rec, f->off));
    case LOG_INT:
    case LOG_MS:
        return json_int(VALUE(int64_t, rec, f->off));
    case LOG_RATING:
        return json_int(VALUE(int, rec, f->off));
    case LOG_NUM:
    case LOG_PROB:
        return json_number(VALUE(double, rec, f->off));
    case LOG_U64:
        return json_u64(VALUE(uint64_t, rec, f->off));
    case LOG_OBJECT:
        return cJSON_Duplicate(VALUE(const cJSON *, rec, f->off), true);
    }
    return NULL;
}

static bool add_fields(cJSON *obj, const log_record_def *def, const void *rec)
{
    for (size_t i = 0; i < def->n_fields; i++) {
        const log_field *f = &def->fields[i];
        if ((f->type == LOG_OPT_STR || f->opt) && !has_value(f, rec))
            continue; /* left out, not null */
        cJSON *v = value_json(f, rec);
        if (!v || !cJSON_AddItemToObject(obj, f->name, v)) {
            cJSON_Delete(v);
            return false;
        }
    }
    return true;
}

cJSON *log_record_json(log_record_type type, const void *rec)
{
    const log_record_def *def = log_schema_record(type);
    cJSON *obj = def ? cJSON_CreateObject() : NULL;
    if (obj && !add_fields(obj, def, rec)) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

char *log_line_print(const log_envelope *env, const cJSON *fields, size_t *len)
{
    cJSON *head = cJSON_CreateObject();
    char *text = head && add_fields(head, &envelope, env) ? cJSON_PrintUnformatted(head) : NULL;
    char *body = fields ? cJSON_PrintUnformatted(fields) : NULL;
    char *line = NULL;
    cJSON_Delete(head);
    if (text && (!fields || body)) {
        size_t el = strlen(text), bl = body ? strlen(body) : 0;
        strbuf b = STRBUF_INIT;
        strbuf_reserve(&b, el + bl + 1);
        /* text is "{…}" and body "{…}" or "{}": drop text's '}' and body's '{'. */
        if (bl > 2) {
            strbuf_add(&b, text, el - 1);
            strbuf_addc(&b, ',');
            strbuf_adds(&b, body + 1);
        } else {
            strbuf_adds(&b, text);
        }
        strbuf_addc(&b, '\n');
        *len = b.len;
        line = strbuf_finish(&b);
    }
    cJSON_free(text);
    cJSON_free(body);
    return line;
}

/* ---- comparing ------------------------------------------------------------------- */

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_list(const log_field *f, const void *a, const void *b)
{
    size_t n = VALUE(size_t, a, f->has_off);
    if (n != VALUE(size_t, b, f->has_off))
        return false;
    const char *const *x = VALUE(const char *const *, a, f->off);
    const char *const *y = VALUE(const char *const *, b, f->off);
    for (size_t i = 0; i < n; i++)
        if (!same_text(x[i], y[i]))
            return false;
    return true;
}

bool log_field_equal(const log_field *f, const void *a, const void *b)
{
    bool ha = has_value(f, a), hb = has_value(f, b);
    if (ha != hb)
        return false;
    if (!ha)
        return true;
    switch (f->type) {
    case LOG_STR:
    case LOG_OPT_STR:
        return same_text(VALUE(const char *, a, f->off), VALUE(const char *, b, f->off));
    case LOG_STR_LIST:
        return same_list(f, a, b);
    case LOG_BOOL:
    case LOG_FLAG:
        return VALUE(bool, a, f->off) == VALUE(bool, b, f->off);
    case LOG_INT:
    case LOG_MS:
        return VALUE(int64_t, a, f->off) == VALUE(int64_t, b, f->off);
    case LOG_RATING:
        return VALUE(int, a, f->off) == VALUE(int, b, f->off);
    case LOG_NUM:
    case LOG_PROB:
        return VALUE(double, a, f->off) == VALUE(double, b, f->off);
    case LOG_U64:
        return VALUE(uint64_t, a, f->off) == VALUE(uint64_t, b, f->off);
    case LOG_OBJECT:
        return cJSON_Compare(VALUE(const cJSON *, a, f->off), VALUE(const cJSON *, b, f->off),
                             true);
    }
    return false;
}

char *log_field_text(const log_field *f, const void *rec)
{
    cJSON *v = value_json(f, rec);
    char *text = v ? cJSON_PrintUnformatted(v) : NULL;
    cJSON_Delete(v);
    if (!text)
        return NULL;
    /* cJSON's memory may come from its hooks: hand back the core's. */
    char *copy = mem_strdup(text);
    cJSON_free(text);
    return copy;
}
