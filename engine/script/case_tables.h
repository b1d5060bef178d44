/* case_tables: reads the Lua tables of a case into the C model, checking
 * every key, type, range and cross-reference of scenario-format.md. Shared by
 * the loader (whole case, function values allowed and left for later) and
 * the runtime (one node as resolved on entry, no function values left but
 * next and on_timeout). */
#ifndef CASE_TABLES_H
#define CASE_TABLES_H

#include <stdbool.h>

#include <lua.h>

#include "apperr.h"
#include "case_model.h"
#include "srcmap.h"

typedef struct tables_ctx {
    lua_State *L;
    const char *file;    /* the case file, for messages */
    const srcmap *map;   /* lines of keys; may be NULL */
    apperr *e;
    bool resolved;       /* a node as resolved in play: values must not be functions */
    const case_def *c;   /* for node ids and tools (set once nodes are known) */
    char path[512];      /* key path of the value being read */
} tables_ctx;

/* Fills e with "at PATH: message" and the line of PATH (or its nearest
 * mapped ancestor). Always returns -1. */
int tables_fail(tables_ctx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Reads the case table at stack index t into c (nodes included); checks
 * cross-references of every static value. */
int tables_read_case(tables_ctx *x, int t, case_def *c);

/* Reads the node table at stack index t (id given) into n. With
 * x->resolved, checks also that its node ids and option ids exist. */
int tables_read_node(tables_ctx *x, int t, const char *id, case_node *n);

/* Checks cross-references of one node (targets, recommend, best). */
int tables_check_node_refs(tables_ctx *x, const case_node *n);

/* Reads one result table at t ({ name, value, unit, flag }). */
int tables_read_result(tables_ctx *x, int t, case_result *r);

/* Reads a vitals table at t into v (merging over what v has). */
int tables_read_vitals(tables_ctx *x, int t, vitals *v);

/* Path helpers: append ".key" or "[i]" to x->path; return the old length to
 * restore with tables_path_pop. */
size_t tables_path_push(tables_ctx *x, const char *key);
size_t tables_path_push_index(tables_ctx *x, long i);
void tables_path_pop(tables_ctx *x, size_t mark);

#endif
