/* log_fields: a record's members read into its struct by the schema
 * (log_schema.h): each field checked for its type and range, and a field
 * that is missing, of the wrong type or not in the schema reported.
 * Internal to the log reader. */
#ifndef LOG_FIELDS_H
#define LOG_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

#include "log_arena.h"
#include "log_schema.h"

typedef enum log_field_problem {
    LOG_FIELD_BAD,     /* of the wrong type or out of range: taken as null; want says what */
    LOG_FIELD_MISSING, /* not in the record: taken as null */
    LOG_FIELD_UNKNOWN  /* not in the schema: ignored */
} log_field_problem;

/* field is len bytes (not NUL-terminated). */
typedef void (*log_field_report)(void *ctx, log_field_problem what, const char *field, size_t len,
                                 const char *want);

/* Which of a record's members is which, in any order: an envelope field,
 * a field of the record type (each marked seen, for what is missing at the
 * end), or neither. */
typedef struct log_keys {
    const log_record_def *def, *env;
    size_t hint, env_hint;
    unsigned env_seen;
    uint64_t seen;
} log_keys;

#define LOG_KEY_UNKNOWN (-1)
/* Envelope field number i (its place in log_schema_envelope()) matches as
 * LOG_KEY_ENVELOPE - i. */
#define LOG_KEY_ENVELOPE (-2)

/* def may be NULL until the record's type is known (log_keys_set_def):
 * until then only envelope fields match. */
void log_keys_begin(log_keys *k, const log_record_def *def);
void log_keys_set_def(log_keys *k, const log_record_def *def);
/* The field's index in the record type, LOG_KEY_ENVELOPE - i for envelope
 * field i, or LOG_KEY_UNKNOWN. len may be LOG_NAME_NUL. */
long log_keys_match(log_keys *k, const char *name, size_t len);
/* Reports every field of the record type not matched so far, but for those
 * an older log may lack (log_field.added). */
void log_keys_missing(const log_keys *k, log_field_report report, void *ctx);
/* The added fields not matched so far, as bits by field index; not those
 * left out when they have no value (log_field.opt), which a record of
 * today lacks as well. */
uint64_t log_keys_lacking(const log_keys *k);

typedef struct log_fields_in {
    const log_record_def *def;
    log_arena *arena; /* where lists go */
    const char *text; /* the record's line, for whole numbers read exactly */
    size_t len;
    log_field_report report;
    void *ctx;
    bool oom; /* set when the arena ran out */
} log_fields_in;

/* Reads root's members into base (the record type's struct, zeroed by the
 * caller): strings and lists point into root (and the arena). Returns the
 * added fields root lacks (log_keys_lacking). */
uint64_t log_fields_read(log_fields_in *in, const cJSON *root, void *base);

#endif
