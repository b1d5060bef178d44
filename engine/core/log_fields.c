/* log_fields: reading a record into its struct by the schema (log_fields.h). */
#include "log_fields.h"

#include <math.h>
#include <string.h>

#include "log_skim.h"

/* Below 2^53 a JSON number is an exact integer in a double. */
#define EXACT_INT_LIMIT 9007199254740992.0

/* ---- which member is which ---------------------------------------------------- */

void log_keys_begin(log_keys *k, const log_record_def *def)
{
    memset(k, 0, sizeof *k);
    k->def = def;
    k->env = log_schema_envelope();
}

void log_keys_set_def(log_keys *k, const log_record_def *def)
{
    k->def = def;
}

long log_keys_match(log_keys *k, const char *name, size_t len)
{
    const log_record_def *env = k->env;
    const unsigned all = (1u << env->n_fields) - 1;
    long i;
    /* The next field in the written order, at once. */
    if (k->env_seen == all && k->def && k->hint < k->def->n_fields &&
        log_field_named(&k->def->fields[k->hint], name, len)) {
        k->seen |= 1ULL << k->hint;
        return (long)k->hint++;
    }
    /* The envelope comes first as log_writer writes: it is looked for first
     * until all of it has been seen, then only after the record's fields. */
    if (k->env_seen != all && (i = log_schema_field(env, name, len, &k->env_hint)) >= 0) {
        k->env_seen |= 1u << i;
        return LOG_KEY_ENVELOPE - i;
    }
    if (k->def && (i = log_schema_field(k->def, name, len, &k->hint)) >= 0) {
        k->seen |= 1ULL << i;
        return i;
    }
    if (k->env_seen == all && (i = log_schema_field(env, name, len, &k->env_hint)) >= 0)
        return LOG_KEY_ENVELOPE - i; /* an envelope field again */
    return LOG_KEY_UNKNOWN;
}

void log_keys_missing(const log_keys *k, log_field_report report, void *ctx)
{
    if (k->seen == (~0ULL >> (64 - k->def->n_fields)))
        return; /* every field there, as the writer writes them */
    for (size_t i = 0; i < k->def->n_fields; i++) {
        const log_field *f = &k->def->fields[i];
        if (f->type != LOG_OPT_STR && !f->added && !(k->seen & (1ULL << i)))
            report(ctx, LOG_FIELD_MISSING, f->name, strlen(f->name), NULL);
    }
}

/* ---- values ---------------------------------------------------------------------- */

#define SLOT(T, base, off) ((T *)((char *)(base) + (off)))

static void bad(log_fields_in *in, const log_field *f, const char *want)
{
    in->report(in->ctx, LOG_FIELD_BAD, f->name, strlen(f->name), want);
}

static bool whole_in(const cJSON *it, double lo, double hi)
{
    return cJSON_IsNumber(it) && it->valuedouble == floor(it->valuedouble) &&
           it->valuedouble >= lo && it->valuedouble <= hi;
}

static void set_list(log_fields_in *in, const log_field *f, const cJSON *it, void *base)
{
    if (!cJSON_IsArray(it)) {
        bad(in, f, "a list of strings");
        return;
    }
    size_t count = 0;
    for (const cJSON *s = it->child; s; s = s->next)
        count++;
    const char **items = count ? log_arena_alloc(in->arena, count * sizeof *items) : NULL;
    if (count && !items) {
        in->oom = true;
        return;
    }
    size_t k = 0;
    for (const cJSON *s = it->child; s; s = s->next) {
        if (cJSON_IsString(s))
            items[k++] = s->valuestring;
        else
            bad(in, f, "a list of strings (an item skipped)");
    }
    *SLOT(const char *const *, base, f->off) = items;
    *SLOT(size_t, base, f->has_off) = k;
}

/* A seed: its digits read exactly from the line (a double would round it
 * above 2^53), else a whole number a double holds exactly. */
static bool read_u64(log_fields_in *in, const log_field *f, const cJSON *it, uint64_t *out)
{
    log_span raw;
    if (in->text && log_skim_find(in->text, in->len, f->name, &raw) && log_span_u64(raw, out))
        return true;
    if (!whole_in(it, 0, EXACT_INT_LIMIT))
        return false;
    *out = (uint64_t)it->valuedouble;
    return true;
}

/* A number field; false when it is not one of its type. */
static bool set_number(log_fields_in *in, const log_field *f, const cJSON *it, void *base)
{
    double x = it->valuedouble;
    switch (f->type) {
    case LOG_INT:
        if (!whole_in(it, -EXACT_INT_LIMIT, EXACT_INT_LIMIT))
            return false;
        *SLOT(int64_t, base, f->off) = (int64_t)x;
        return true;
    case LOG_RATING:
        if (!whole_in(it, 1, 7))
            return false;
        *SLOT(int, base, f->off) = (int)x;
        return true;
    case LOG_MS:
        if (!whole_in(it, 0, EXACT_INT_LIMIT))
            return false;
        *SLOT(int64_t, base, f->off) = (int64_t)x;
        return true;
    case LOG_NUM:
        if (!cJSON_IsNumber(it) || !isfinite(x))
            return false;
        *SLOT(double, base, f->off) = x;
        return true;
    case LOG_PROB:
        if (!cJSON_IsNumber(it) || !(x >= 0 && x <= 1))
            return false;
        *SLOT(double, base, f->off) = x;
        return true;
    default: /* LOG_U64 */
        return cJSON_IsNumber(it) && read_u64(in, f, it, SLOT(uint64_t, base, f->off));
    }
}

static const char *number_want(log_field_type t)
{
    switch (t) {
    case LOG_INT:
        return "a whole number";
    case LOG_RATING:
        return "a whole number from 1 to 7";
    case LOG_MS:
        return "a whole number of ms";
    case LOG_PROB:
        return "a number from 0 to 1";
    case LOG_U64:
        return "a whole number from 0 to 18446744073709551615";
    default:
        return "a number";
    }
}

static void set_field(log_fields_in *in, const log_field *f, const cJSON *it, void *base)
{
    if (cJSON_IsNull(it) && f->type != LOG_FLAG)
        return; /* null: the zeroed struct says so already */
    switch (f->type) {
    case LOG_STR:
    case LOG_OPT_STR:
        if (cJSON_IsString(it))
            *SLOT(const char *, base, f->off) = it->valuestring;
        else
            bad(in, f, "a string");
        return;
    case LOG_STR_LIST:
        set_list(in, f, it, base);
        return;
    case LOG_BOOL:
    case LOG_FLAG:
        if (!cJSON_IsBool(it)) {
            bad(in, f, f->type == LOG_FLAG ? "true or false" : "a boolean");
            return;
        }
        *SLOT(bool, base, f->off) = cJSON_IsTrue(it);
        if (f->type == LOG_BOOL)
            *SLOT(bool, base, f->has_off) = true;
        return;
    case LOG_OBJECT:
        if (cJSON_IsObject(it))
            *SLOT(const cJSON *, base, f->off) = it;
        else
            bad(in, f, "an object");
        return;
    default:
        if (set_number(in, f, it, base))
            *SLOT(bool, base, f->has_off) = true;
        else
            bad(in, f, number_want(f->type));
        return;
    }
}

uint64_t log_keys_lacking(const log_keys *k)
{
    uint64_t lacks = 0;
    for (size_t i = 0; i < k->def->n_fields; i++)
        if (k->def->fields[i].added && !k->def->fields[i].opt && !(k->seen & (1ULL << i)))
            lacks |= 1ULL << i;
    return lacks;
}

uint64_t log_fields_read(log_fields_in *in, const cJSON *root, void *base)
{
    log_keys k;
    log_keys_begin(&k, in->def);
    for (const cJSON *it = root->child; it; it = it->next) {
        if (!it->string)
            continue;
        long i = log_keys_match(&k, it->string, LOG_NAME_NUL);
        if (i == LOG_KEY_UNKNOWN)
            in->report(in->ctx, LOG_FIELD_UNKNOWN, it->string, strlen(it->string), NULL);
        else if (i >= 0)
            set_field(in, &in->def->fields[i], it, base);
    }
    log_keys_missing(&k, in->report, in->ctx);
    return log_keys_lacking(&k);
}
