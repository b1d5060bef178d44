#include "tables.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "utf8.h"
#include "mem.h"

/* ---- paths and errors ------------------------------------------------------ */

size_t tables_path_push(tables_ctx *x, const char *key)
{
    /* Plain copies, not snprintf: this runs for every key of a case. */
    size_t mark = strlen(x->path), klen = strlen(key);
    if (mark + 1 + klen + 1 > sizeof x->path)
        return mark; /* too deep to name: keep the path as it is */
    char *p = x->path + mark;
    if (mark)
        *p++ = '.';
    memcpy(p, key, klen + 1);
    return mark;
}

size_t tables_path_push_index(tables_ctx *x, long i)
{
    size_t mark = strlen(x->path);
    snprintf(x->path + mark, sizeof x->path - mark, "[%ld]", i);
    return mark;
}

void tables_path_pop(tables_ctx *x, size_t mark)
{
    x->path[mark] = '\0';
}

int tables_fail(tables_ctx *x, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* With a line, the path goes into the message (FILE:LINE: at PATH: …);
     * without one, apperr_format shows it (FILE: at PATH: …). */
    int line = srcmap_line(x->map, x->path);
    if (x->path[0] && line > 0)
        apperr_set(x->e, APPERR_INPUT, x->file, line, "at %s: %s", x->path, msg);
    else
        apperr_set(x->e, APPERR_INPUT, x->file, line, "%s", msg);
    apperr_set_where(x->e, x->path);
    return -1;
}

int tables_oom(tables_ctx *x)
{
    apperr_set(x->e, APPERR_ENV, x->file, 0, "out of memory");
    return -1;
}

const char *tables_type_name(lua_State *L, int i)
{
    return luaL_typename(L, i);
}

/* Edit distance, for "did you mean" hints on misspelt keys. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t best = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

/* ---- text ------------------------------------------------------------------- */

int tables_plain(tables_ctx *x, int t)
{
    if (!lua_getmetatable(x->L, t))
        return 0;
    lua_pop(x->L, 1);
    return tables_fail(x, "this table has a metatable (setmetatable): the engine reads the "
                          "tables of a case as they are written, without __index or other "
                          "metamethods; put the values in the table itself");
}

int tables_walk(tables_ctx *x, int *t)
{
    *t = lua_absindex(x->L, *t);
    if (tables_plain(x, *t))
        return -1;
    lua_pushnil(x->L);
    return 0;
}

int tables_check_text(tables_ctx *x, int i, const char *what)
{
    size_t len, bad;
    const char *s = lua_tolstring(x->L, i, &len);
    const char *nul = memchr(s, '\0', len);
    if (nul)
        return tables_fail(x,
                           "%s holds a NUL byte (\\0) at byte %zu: ids, labels and texts "
                           "cannot hold one; remove it",
                           what, (size_t)(nul - s) + 1);
    if (!utf8_valid(s, len, &bad))
        return tables_fail(x,
                           "%s is not valid UTF-8: byte %zu (0x%02X) is not part of a UTF-8 "
                           "character; save the case file as UTF-8 (in most editors: Save "
                           "As, then Encoding: UTF-8)",
                           what, bad + 1, (unsigned)(unsigned char)s[bad]);
    return 0;
}

int tables_count_text(tables_ctx *x, size_t len)
{
    if (len > TABLES_TEXT_MAX || x->text_bytes > TABLES_TEXT_MAX - len)
        return tables_fail(x,
                           "the texts of this case add up to more than %zu MiB (ids, titles, "
                           "texts, labels … the engine keeps a copy of each); a case needs "
                           "far less: does a loop or a function repeat a long text?",
                           (size_t)TABLES_TEXT_MAX / (1024 * 1024));
    x->text_bytes += len;
    return 0;
}

int tables_copy_text(tables_ctx *x, int i, char **out)
{
    size_t len;
    const char *s = lua_tolstring(x->L, i, &len);
    *out = NULL;
    if (tables_check_text(x, i, "this text") || tables_count_text(x, len + 1))
        return -1;
    if (!(*out = mem_malloc(len + 1)))
        return tables_oom(x);
    memcpy(*out, s, len + 1);
    return 0;
}

int tables_copy_string(tables_ctx *x, const char *s, char **out)
{
    size_t len = strlen(s);
    *out = NULL;
    if (tables_count_text(x, len + 1))
        return -1;
    if (!(*out = mem_malloc(len + 1)))
        return tables_oom(x);
    memcpy(*out, s, len + 1);
    return 0;
}

/* ---- keys -------------------------------------------------------------------- */

/* The key on top (a string) is none of level's: fails with a hint. */
static int unknown_key(tables_ctx *x, const char *k, case_level level)
{
    const char *const *allowed = case_keys(level);
    char place[400];
    strbuf list = STRBUF_INIT; /* out of memory: a shorter list, still a message */
    const char *hint = NULL;
    size_t best = 3;
    for (int i = 0; allowed[i]; i++) {
        size_t d = distance(k, allowed[i]);
        if (d < best) {
            best = d;
            hint = allowed[i];
        }
        strbuf_adds(&list, i ? ", " : "");
        strbuf_adds(&list, allowed[i]);
    }
    /* The key is checked UTF-8: cut it on a character boundary. */
    char key[128];
    size_t n = utf8_prefix(k, strlen(k), 40);
    memcpy(key, k, n);
    key[n] = '\0';
    size_t mark = tables_path_push(x, key);
    const char *implied = case_keys_implied(level, k);
    if (implied)
        tables_fail(x, "unknown key '%s': %s", key, implied);
    else if (case_keys_elsewhere(level, k, place, sizeof place))
        tables_fail(x, "unknown key '%s' (did you mean %s?)", key, place);
    else if (hint)
        tables_fail(x, "unknown key '%s' (did you mean '%s'?)", key, hint);
    else
        tables_fail(x, "unknown key '%s' (expected one of: %s; own keys begin with x_)", key,
                    strbuf_str(&list));
    tables_path_pop(x, mark);
    strbuf_free(&list);
    return -1;
}

/* A key that is not a string: names the type of what the author wrote (a
 * list entry's value, else the key's), computed before anything is popped. */
static int key_not_named(tables_ctx *x)
{
    lua_State *L = x->L;
    bool entry = lua_type(L, -2) == LUA_TNUMBER;
    const char *type = tables_type_name(L, entry ? -1 : -2);
    size_t mark = strlen(x->path);
    if (entry && lua_isinteger(L, -2))
        tables_path_push_index(x, (long)lua_tointeger(L, -2));
    lua_pop(L, 2);
    if (entry)
        tables_fail(x,
                    "a list entry of type %s is not allowed here (expected named keys, such "
                    "as id = \"…\")",
                    type);
    else
        tables_fail(x, "a key of type %s is not allowed here (expected named keys)", type);
    tables_path_pop(x, mark);
    return -1;
}

/* Every key of the table at t must be one of allowed (or begin with x_). */
int tables_check_keys(tables_ctx *x, int t, case_level level)
{
    const char *const *allowed = case_keys(level);
    lua_State *L = x->L;
    if (tables_walk(x, &t))
        return -1;
    while (lua_next(L, t)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            return key_not_named(x);
        lua_pop(L, 1);
        const char *k = lua_tostring(L, -1);
        if (strncmp(k, "x_", 2) == 0)
            continue; /* the author's own: never read */
        if (tables_check_text(x, -1, "a key")) {
            lua_pop(L, 1);
            return -1;
        }
        bool ok = false;
        for (int i = 0; !ok && allowed[i]; i++)
            ok = strcmp(k, allowed[i]) == 0;
        if (!ok) {
            unknown_key(x, k, level);
            lua_pop(L, 1);
            return -1;
        }
    }
    return 0;
}

int tables_rawfield(lua_State *L, int t, const char *key)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

void tables_rawsetfield(lua_State *L, int t, const char *key)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, key);
    lua_insert(L, -2);
    lua_rawset(L, t);
}

/* Pushes t[key] and the path to it. */
int tables_field(tables_ctx *x, int t, const char *key, size_t *mark)
{
    *mark = tables_path_push(x, key);
    return tables_rawfield(x->L, t, key);
}

void tables_unfield(tables_ctx *x, size_t mark)
{
    lua_pop(x->L, 1);
    tables_path_pop(x, mark);
}

/* The value on top is a function: fine when the context allows it. */
bool tables_dynamic_here(tables_ctx *x, bool *dynamic)
{
    if (lua_type(x->L, -1) != LUA_TFUNCTION || x->resolved || !dynamic)
        return false;
    *dynamic = true;
    return true;
}

/* What a typed getter wants: the Lua type, how a missing key names it, and
 * how a value of another type is told. */
typedef struct wanted {
    int type;
    const char *missing, *expected;
} wanted;

static const wanted A_TEXT = {LUA_TSTRING, "a text", "a text (in quotes)"};
static const wanted A_NUMBER = {LUA_TNUMBER, "a number", "a number"};

/* Pushes t[key] and its path: 1 when it holds a value of the type wanted,
 * 0 when there is nothing to read (nil where that is fine, or a function
 * resolved on entry), -1 with an error (missing though required, another
 * type). */
static int typed_field(tables_ctx *x, int t, const char *key, const wanted *w, bool required,
                       bool *dynamic, size_t *mark)
{
    int type = tables_field(x, t, key, mark);
    if (type == LUA_TNIL)
        return required ? tables_fail(x, "missing required key '%s' (%s)", key, w->missing) : 0;
    if (tables_dynamic_here(x, dynamic))
        return 0;
    if (type != w->type)
        return tables_fail(x, "expected %s, got a %s", w->expected, tables_type_name(x->L, -1));
    return 1;
}

/* Reads t[key] as a string. required: missing is an error. dynamic: NULL when
 * a function is not allowed here, else set to true when one is found. */
int tables_get_string(tables_ctx *x, int t, const char *key, bool required, char **out,
                      bool *dynamic)
{
    size_t mark;
    *out = NULL;
    int rc = typed_field(x, t, key, &A_TEXT, required, dynamic, &mark);
    if (rc > 0)
        rc = tables_copy_text(x, -1, out);
    tables_unfield(x, mark);
    return rc;
}

int tables_get_number(tables_ctx *x, int t, const char *key, bool required, double lo, double hi,
                      bool integer, double *out, bool *has, bool *dynamic)
{
    size_t mark;
    if (has)
        *has = false;
    int rc = typed_field(x, t, key, &A_NUMBER, required, dynamic, &mark);
    double v = rc > 0 ? lua_tonumber(x->L, -1) : 0;
    if (rc > 0 && (!(v >= lo && v <= hi) || (integer && v != floor(v)))) {
        rc = tables_fail(x, "expected %s from %g to %g, got %g",
                         integer ? "a whole number" : "a number", lo, hi, v);
    } else if (rc > 0) {
        rc = 0;
        *out = v;
        if (has)
            *has = true;
    }
    tables_unfield(x, mark);
    return rc;
}

int tables_get_bool(tables_ctx *x, int t, const char *key, bool *out)
{
    size_t mark;
    int type = tables_field(x, t, key, &mark);
    int rc = 0;
    if (type == LUA_TBOOLEAN)
        *out = lua_toboolean(x->L, -1);
    else if (type != LUA_TNIL)
        rc = tables_fail(x, "expected true or false, got a %s", tables_type_name(x->L, -1));
    tables_unfield(x, mark);
    return rc;
}

/* The table at -1 is a plain list 1..n: returns n, or -1 with an error. */
long tables_list_length(tables_ctx *x, const char *what)
{
    lua_State *L = x->L;
    if (tables_plain(x, -1))
        return -1;
    long n = (long)lua_rawlen(L, -1), count = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        count++;
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > n) {
            lua_pop(L, 1);
            return tables_fail(x, "expected a list of %s in { }, but it has named keys", what);
        }
    }
    if (count != n)
        return tables_fail(x, "the list of %s has gaps (nil entries)", what);
    return n;
}

int tables_get_strlist(tables_ctx *x, int t, const char *key, strlist *out, bool *dynamic)
{
    size_t mark;
    int type = tables_field(x, t, key, &mark);
    int rc = 0;
    memset(out, 0, sizeof *out);
    if (type == LUA_TNIL || tables_dynamic_here(x, dynamic)) {
        tables_unfield(x, mark);
        return 0;
    }
    if (type == LUA_TSTRING) {
        rc = tables_fail(x, "expected a list of texts in { }, got a single text (write { \"…\" })");
        tables_unfield(x, mark);
        return rc;
    }
    if (type != LUA_TTABLE) {
        rc =
            tables_fail(x, "expected a list of texts in { }, got a %s", tables_type_name(x->L, -1));
        tables_unfield(x, mark);
        return rc;
    }
    long n = tables_list_length(x, "texts");
    if (n < 0) {
        tables_unfield(x, mark);
        return -1;
    }
    out->items = mem_calloc((size_t)n + 1, sizeof *out->items);
    for (long i = 1; i <= n && rc == 0 && out->items; i++) {
        size_t m2 = tables_path_push_index(x, i);
        lua_rawgeti(x->L, -1, i);
        if (lua_type(x->L, -1) != LUA_TSTRING)
            rc = tables_fail(x, "expected a text, got a %s", tables_type_name(x->L, -1));
        else if ((rc = tables_copy_text(x, -1, &out->items[out->n])) == 0)
            out->n++;
        lua_pop(x->L, 1);
        tables_path_pop(x, m2);
    }
    if (!out->items)
        rc = tables_oom(x);
    tables_unfield(x, mark);
    return rc;
}

/* Pushes t[key] when it is a table (returns 1), nothing when nil (0), or
 * fails on another type (-1). A function where allowed counts as dynamic (0). */
int tables_get_table(tables_ctx *x, int t, const char *key, size_t *mark, bool *dynamic)
{
    int type = tables_field(x, t, key, mark);
    if (type == LUA_TTABLE) {
        if (tables_plain(x, -1) == 0)
            return 1;
        tables_unfield(x, *mark);
        return -1;
    }
    if (type == LUA_TNIL || tables_dynamic_here(x, dynamic)) {
        tables_unfield(x, *mark);
        return 0;
    }
    tables_fail(x, "expected a table in { }, got a %s", tables_type_name(x->L, -1));
    tables_unfield(x, *mark);
    return -1;
}
