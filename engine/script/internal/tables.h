/* tables: reading Lua tables that a case gives the engine, whatever the
 * format's rules: key paths and FILE:LINE errors, typed getters, "did you
 * mean" hints for misspelt keys. The rules of format 1 are case_tables.c's. */
#ifndef TABLES_H
#define TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

#include "apperr.h"
#include "case_keys.h"
#include "case_model.h"
#include "srcmap.h"

typedef struct tables_ctx {
    lua_State *L;
    const char *file;  /* the case file, for messages */
    const srcmap *map; /* lines of keys; may be NULL */
    apperr *e;
    bool resolved;     /* a node as resolved in play: values must not be functions */
    const case_def *c; /* for node ids and tools (set once nodes are known) */
    char path[512];    /* key path of the value being read */
    size_t text_bytes; /* bytes of text copied out of Lua so far (TABLES_TEXT_MAX) */
    case_def *images_to; /* loading: every image read is listed in its images (check) */
} tables_ctx;

/* The texts the engine copies out of a case (ids, titles, texts, labels …)
 * may take this many bytes together: one loaded case, or one node as
 * entered in play. A case's own text is far smaller; the limit stops a long
 * Lua string, repeated by reference, from being copied without end. */
#define TABLES_TEXT_MAX ((size_t)16 * 1024 * 1024)

/* Fills e with "at PATH: message" and the line of PATH (or its nearest
 * mapped ancestor). Always returns -1. */
int tables_fail(tables_ctx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Fills e with "out of memory" (APPERR_ENV: not the case's fault, so no
 * place in it). Always returns -1. */
int tables_oom(tables_ctx *x);

/* Path helpers: append ".key" or "[i]" to x->path; return the old length to
 * restore with tables_path_pop. */
size_t tables_path_push(tables_ctx *x, const char *key);
size_t tables_path_push_index(tables_ctx *x, long i);
void tables_path_pop(tables_ctx *x, size_t mark);

/* The name of the type of the value at i ("table", "number", …). */
const char *tables_type_name(lua_State *L, int i);

/* Pushes t[key] without metamethods (lua_rawget); returns its type. Every
 * read of a case's tables is raw: an __index that loops or fails never runs. */
int tables_rawfield(lua_State *L, int t, const char *key);

/* t[key] = the value on top, popped, without metamethods (lua_rawset). */
void tables_rawsetfield(lua_State *L, int t, const char *key);

/* 0 when the table at t has no metatable; else -1 with an error. */
int tables_plain(tables_ctx *x, int t);

/* Starts a walk over the keys of the plain table at *t (made absolute, so
 * that lua_next(L, *t) goes on from the nil pushed here); -1 with an error
 * when it has a metatable. */
int tables_walk(tables_ctx *x, int *t);

/* 0 when the string at i is text the engine can show and log: no NUL byte,
 * well-formed UTF-8. Else -1, naming it as what ("this text", "a key") and
 * the byte at fault. */
int tables_check_text(tables_ctx *x, int i, const char *what);

/* Counts len bytes of copied text against TABLES_TEXT_MAX: 0, or -1 with
 * an error when they would pass it. */
int tables_count_text(tables_ctx *x, size_t len);

/* A malloc'd copy of the string at i, checked (tables_check_text) and
 * counted (tables_count_text): 0, or -1 with an error and *out NULL. */
int tables_copy_text(tables_ctx *x, int i, char **out);

/* A counted copy of s (already checked text, such as a tool's name copied
 * into each advice): 0, or -1 with an error and *out NULL. */
int tables_copy_string(tables_ctx *x, const char *s, char **out);

/* The table at t has no metatable, and every key is one of level's
 * (case_keys.h) or begins with x_; else an error: "did you mean" where the
 * key belongs (a table above or below) or the key it misspells, the type of
 * a list entry or of a key that is no text. */
int tables_check_keys(tables_ctx *x, int t, case_level level);

/* Pushes t[key] and appends key to the path (the old length in *mark);
 * returns the value's type. tables_unfield pops both. */
int tables_field(tables_ctx *x, int t, const char *key, size_t *mark);
void tables_unfield(tables_ctx *x, size_t mark);

/* The value on top is a function where the context allows one (dynamic is
 * not NULL and the node is not resolved): sets *dynamic and returns true. */
bool tables_dynamic_here(tables_ctx *x, bool *dynamic);

/* Typed getters of t[key]. required: missing is an error. dynamic: NULL
 * when a function is not allowed there, else set to true when one is found
 * (and nothing is read). */
int tables_get_string(tables_ctx *x, int t, const char *key, bool required, char **out,
                      bool *dynamic);
int tables_get_number(tables_ctx *x, int t, const char *key, bool required, double lo, double hi,
                      bool integer, double *out, bool *has, bool *dynamic);
int tables_get_bool(tables_ctx *x, int t, const char *key, bool *out);
int tables_get_strlist(tables_ctx *x, int t, const char *key, strlist *out, bool *dynamic);

/* The table at -1 is a plain list 1..n: returns n, or -1 with an error. */
long tables_list_length(tables_ctx *x, const char *what);

/* Pushes t[key] when it is a table (returns 1), nothing when nil (0), or
 * fails on another type (-1). A function where allowed counts as dynamic (0). */
int tables_get_table(tables_ctx *x, int t, const char *key, size_t *mark, bool *dynamic);

#endif
