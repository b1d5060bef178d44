#include "case_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <nettle/sha2.h>

#include "case_file.h"
#include "case_script.h"
#include "case_tables.h"
#include "mem.h"
#include "slips.h"

static void sha256_hex(const char *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

typedef struct read_job {
    tables_ctx *x;
    case_def *c;
    int rc;  /* tables_read_case's */
    int ref; /* registry ref of the case table once read */
} read_job;

/* Reads the case table (argument 2) inside host_call: reading is raw (no
 * metamethod runs), and a memory error while reading unwinds to the host
 * instead of ending the process. */
static int f_read_case(lua_State *L)
{
    read_job *job = lua_touserdata(L, 1);
    luaL_checkstack(L, 40, "reading the case table");
    job->rc = tables_read_case(job->x, 2, job->c);
    if (job->rc == 0) {
        lua_pushvalue(L, 2);
        job->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    return 0;
}

static int add_source(const char *path, void *ctx)
{
    strlist *l = ctx;
    size_t cap = l->n;
    char **items = mem_grow(l->items, &cap, l->n + 1, sizeof *items);
    if (!items)
        return -1;
    l->items = items;
    if (!(items[l->n] = mem_strdup(path)))
        return -1;
    l->n++;
    return 0;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* c->sources: the case file as given, then what it included, sorted. */
static int list_sources(case_def *c, struct case_script *cs, apperr *e)
{
    if (add_source(c->file, &c->sources) != 0 ||
        host_includes(cs->host, add_source, &c->sources) != 0) {
        apperr_set(e, APPERR_ENV, c->file, 0, "out of memory");
        return -1;
    }
    qsort(c->sources.items + 1, c->sources.n - 1, sizeof *c->sources.items, by_text);
    return 0;
}

/* A key written twice in one table: Lua keeps the last value without a
 * word, so the first is lost; only the text shows it. -1 with an error. */
static int key_twice(const srcmap *map, const char *path, apperr *e)
{
    const char *where;
    int first, second;
    if (!srcmap_twice(map, &where, &first, &second))
        return 0;
    const char *key = strrchr(where, '.');
    key = key ? key + 1 : where;
    if (first == second)
        apperr_set(e, APPERR_INPUT, path, second,
                   "at %s: %s is given twice in this table, both on line %d: keep one (only the "
                   "last would count)",
                   where, key, second);
    else
        apperr_set(e, APPERR_INPUT, path, second,
                   "at %s: %s is given twice in this table, on lines %d and %d: keep one (only "
                   "the last would count)",
                   where, key, first, second);
    apperr_set_where(e, where);
    return -1;
}

/* "unknown name 'outcome'" for outcome == "good" in a table: say that a
 * single = gives the field its value (slips.h). */
static void explain_unknown(const char *text, size_t len, const char *path, const char *name,
                            apperr *e)
{
    char msg[400];
    if (e->line <= 0 || strcmp(e->file, path) != 0 || !name[0] ||
        strncmp(e->msg, "unknown name '", 14) != 0)
        return;
    if (slips_explain_unknown(text, len, e->line, name, msg, sizeof msg))
        apperr_set(e, APPERR_INPUT, path, e->line, "%s", msg);
}

int case_load(case_def **out, const char *path, const case_load_opts *opts, apperr *e)
{
    case_load_opts none = {0, 0, 0};
    if (!opts)
        opts = &none;
    *out = NULL;
    size_t len = 0;
    char *text = case_file_read(path, &len, e);
    if (!text)
        return -1;
    case_def *c = mem_calloc(1, sizeof *c);
    struct case_script *cs = mem_calloc(1, sizeof *cs);
    if (!c || !cs || !(c->file = mem_strdup(path))) {
        mem_free(c);
        mem_free(cs);
        mem_free(text);
        apperr_set(e, APPERR_ENV, path, 0, "out of memory");
        return -1;
    }
    vitals_init(&c->vitals);
    c->driver = &lua_driver;
    c->driver_data = cs;
    cs->case_ref = LUA_NOREF;
    sha256_hex(text, len, c->sha256);
    cs->map = srcmap_build(text, len);
    if (!cs->map) {
        apperr_set(e, APPERR_ENV, path, 0, "out of memory");
        mem_free(text);
        case_free(c);
        return -1;
    }
    /* Lua's parser stops near 200 levels with "C stack overflow" and no
     * line: say where, before Lua runs. */
    if (srcmap_too_deep(cs->map) > 0) {
        apperr_set(e, APPERR_INPUT, path, srcmap_too_deep(cs->map),
                   "tables, brackets and blocks nest more than %d levels deep here; write "
                   "it flatter (a case rarely needs 10 levels)",
                   SRCMAP_NEST_MAX);
        mem_free(text);
        case_free(c);
        return -1;
    }

    if (host_open(&cs->host, path, opts->mem_limit, opts->instr_limit, e) ||
        host_seed(cs->host, opts->seed, e)) {
        mem_free(text);
        case_free(c);
        return -1;
    }
    /* Lua runs the very bytes that were hashed and mapped: a save in
     * between cannot give a log whose case_sha256 or lines name another
     * version of the file. */
    int ran = host_dobuffer(cs->host, text, len, path, e);
    if (ran)
        explain_unknown(text, len, path, host_unknown_name(cs->host), e);
    mem_free(text);
    if (ran) {
        /* Lua's parser names no line when an expression nests too deeply
         * for it (a chain of hundreds of .. or not). */
        if (e->line == 0 && strcmp(e->msg, "C stack overflow") == 0)
            apperr_set(e, APPERR_INPUT, path, 0,
                       "Lua cannot read this file: an expression nests too deeply (hundreds "
                       "of brackets, functions or .. in a row); write it in smaller steps");
        case_free(c);
        return -1;
    }
    lua_State *L = host_lua(cs->host);
    if (lua_type(L, -1) != LUA_TTABLE) {
        apperr_set(e, APPERR_INPUT, path, 0,
                   "the file must end with: return case { … } (it returned %s)",
                   luaL_typename(L, -1));
        lua_pop(L, 1);
        case_free(c);
        return -1;
    }
    if (key_twice(cs->map, path, e)) {
        lua_pop(L, 1);
        case_free(c);
        return -1;
    }
    tables_ctx x;
    memset(&x, 0, sizeof x);
    x.L = L;
    x.file = c->file;
    x.map = cs->map;
    x.e = e;
    read_job job = {&x, c, -1, LUA_NOREF};
    lua_pushcfunction(L, f_read_case);
    lua_pushlightuserdata(L, &job);
    lua_pushvalue(L, -3);
    int rc = host_call(cs->host, 2, 0, "reading the case table", e) ? -1 : job.rc;
    lua_pop(L, 1);
    /* A top-level key that is missing or wrong has no line of its own:
     * point at the line that calls case { … }. */
    if (rc != 0 && e->line == 0 && !strpbrk(e->where, ".[") && host_case_line(cs->host) > 0)
        e->line = host_case_line(cs->host);
    if (rc != 0) {
        case_free(c);
        return -1;
    }
    cs->case_ref = job.ref;
    if (list_sources(c, cs, e) != 0) {
        case_free(c);
        return -1;
    }
    *out = c;
    return 0;
}

void case_free(case_def *c)
{
    if (!c)
        return;
    struct case_script *cs = case_script_of(c);
    if (cs) {
        host_close(cs->host);
        srcmap_free(cs->map);
        mem_free(cs);
    }
    case_def_free_parts(c);
    mem_free(c);
}

int case_key_line(const case_def *c, const char *path)
{
    if (!c || c->driver != &lua_driver || !case_script_of(c))
        return 0;
    const struct case_script *cs = case_script_of(c);
    int line = srcmap_line(cs->map, path);
    return line > 0 ? line : host_case_line(cs->host);
}
