#include "case_runtime.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "case_script.h"
#include "case_tables.h"

/* The most minutes one node may move the clock on: the loader's bound for a
 * constant `elapsed` (case_tables.c), applied to a function's value too. */
#define ELAPSED_MAX 1e7

/* Everything a protected step needs; the C functions below run inside
 * host_call, so a case function's error or a memory error unwinds to it. */
typedef struct step_ctx {
    case_def *c;
    const char *node_id;
    const char *choice;
    case_node *node;
    case_live *live;
    char **next_id;
    apperr *e;
    int rc; /* -1 when a check failed (e filled) without a Lua error */
} step_ctx;

void case_live_free(case_live *l)
{
    if (!l)
        return;
    vitals_free(&l->vitals);
    for (size_t i = 0; i < l->n_results; i++)
        case_result_free(&l->results[i]);
    free(l->results);
    memset(l, 0, sizeof *l);
}

static tables_ctx ctx_for(step_ctx *st, lua_State *L)
{
    tables_ctx x;
    memset(&x, 0, sizeof x);
    x.L = L;
    x.file = st->c->file;
    x.map = st->c->script->map;
    x.e = st->e;
    x.resolved = true;
    x.c = st->c;
    return x;
}

static void push_s(lua_State *L, case_def *c)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->script->s_ref);
}

/* Shallow copy of the table at idx, pushed. */
static void copy_table(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
}

/* ---- begin --------------------------------------------------------------------- */

static int f_reveal(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    tables_rawfield(L, lua_upvalueindex(1), "results");
    if (!lua_istable(L, -1))
        return luaL_error(L, "s.results is not a list any more");
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    return 0;
}

static int f_begin(lua_State *L)
{
    step_ctx *st = lua_touserdata(L, 1);
    case_def *c = st->c;
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->script->case_ref);
    int ct = lua_gettop(L);
    lua_newtable(L);
    int s = lua_gettop(L);
    tables_rawfield(L, ct, "vitals");
    if (lua_istable(L, -1))
        copy_table(L, -1);
    else
        lua_newtable(L);
    tables_rawsetfield(L, s, "vitals");
    lua_pop(L, 1);
    lua_newtable(L);
    tables_rawfield(L, ct, "results");
    if (lua_istable(L, -1)) {
        for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, -1); i++) {
            lua_rawgeti(L, -1, i);
            copy_table(L, -1);
            lua_rawseti(L, -4, i);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    tables_rawsetfield(L, s, "results");
    lua_newtable(L);
    tables_rawsetfield(L, s, "vars");
    lua_newtable(L);
    tables_rawsetfield(L, s, "choices");
    lua_pushinteger(L, 0);
    tables_rawsetfield(L, s, "clock");
    if (lua_type(L, 2) == LUA_TSTRING) {
        lua_pushvalue(L, 2);
        tables_rawsetfield(L, s, "variant");
    }
    host_push_env(c->script->host);
    tables_rawfield(L, -1, "math");
    tables_rawfield(L, -1, "random");
    tables_rawsetfield(L, s, "random");
    lua_pop(L, 2);
    lua_pushvalue(L, s);
    lua_pushcclosure(L, f_reveal, 1);
    tables_rawsetfield(L, s, "reveal");
    lua_pushvalue(L, s);
    return 1;
}

int case_runtime_begin(case_def *c, unsigned long long seed, const char *variant, apperr *e)
{
    struct case_script *cs = c->script;
    lua_State *L = host_lua(cs->host);
    luaL_unref(L, LUA_REGISTRYINDEX, cs->s_ref);
    luaL_unref(L, LUA_REGISTRYINDEX, cs->node_ref);
    cs->s_ref = cs->node_ref = LUA_NOREF;
    cs->clock = 0;
    if (host_seed(cs->host, seed, e))
        return -1;
    step_ctx st = {.c = c, .e = e};
    lua_pushcfunction(L, f_begin);
    lua_pushlightuserdata(L, &st);
    if (variant)
        lua_pushstring(L, variant);
    else
        lua_pushnil(L);
    if (host_call(cs->host, 2, 1, "starting the session", e))
        return -1;
    cs->s_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* ---- enter ----------------------------------------------------------------------- */

/* The value on top: when a function, replaces it by fn(s). */
static void call_if_function(lua_State *L, case_def *c)
{
    if (lua_type(L, -1) != LUA_TFUNCTION)
        return;
    push_s(L, c);
    lua_call(L, 1, 1);
}

/* In the table at t, replaces function values of keys by their results, in
 * the order of keys. */
static void resolve_keys(lua_State *L, case_def *c, int t, const char *const *keys)
{
    for (int i = 0; keys[i]; i++) {
        tables_rawfield(L, t, keys[i]);
        if (lua_type(L, -1) == LUA_TFUNCTION) {
            call_if_function(L, c);
            tables_rawsetfield(L, t, keys[i]);
        } else {
            lua_pop(L, 1);
        }
    }
}

static const char *const DECISION_ORDER[] = {"prompt", "options", "best", "advice",
                                             "ask",    "time_limit", "feedback", NULL};
static const char *const ADVICE_ORDER[] = {"tool",   "recommend", "confidence", "message",
                                           "reasons", "timing",   "source",     NULL};
static const char *const ENDING_ORDER[] = {"outcome", "summary", NULL};
static const char *const LABEL_ONLY[] = {"label", NULL};

/* Replaces the table-valued (or function-valued) key of t by a resolved copy. */
static void resolve_sub(lua_State *L, case_def *c, int t, const char *key,
                        const char *const *order)
{
    tables_rawfield(L, t, key);
    call_if_function(L, c);
    if (lua_istable(L, -1)) {
        copy_table(L, -1);
        lua_remove(L, -2);
        resolve_keys(L, c, lua_gettop(L), order);
    }
    tables_rawsetfield(L, t, key);
}

static void resolve_options(lua_State *L, case_def *c, int d)
{
    tables_rawfield(L, d, "options");
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    copy_table(L, -1);
    lua_remove(L, -2);
    int opts = lua_gettop(L);
    for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, opts); i++) {
        lua_rawgeti(L, opts, i);
        if (lua_istable(L, -1)) {
            copy_table(L, -1);
            resolve_keys(L, c, lua_gettop(L), LABEL_ONLY);
            lua_rawseti(L, opts, i);
        }
        lua_pop(L, 1);
    }
    tables_rawsetfield(L, d, "options");
}

/* Builds the resolved copy of the node table at n and leaves it on top. */
static void resolve_node(lua_State *L, case_def *c, int n)
{
    static const char *const text_first[] = {"text", "title", NULL};
    static const char *const last[] = {"debrief", NULL};
    copy_table(L, n);
    int r = lua_gettop(L);
    resolve_keys(L, c, r, text_first);
    tables_rawfield(L, r, "decision");
    call_if_function(L, c);
    if (lua_istable(L, -1)) {
        copy_table(L, -1);
        lua_remove(L, -2);
        int d = lua_gettop(L);
        for (int i = 0; DECISION_ORDER[i]; i++) {
            if (strcmp(DECISION_ORDER[i], "advice") == 0)
                resolve_sub(L, c, d, "advice", ADVICE_ORDER);
            else if (strcmp(DECISION_ORDER[i], "options") == 0) {
                tables_rawfield(L, d, "options");
                call_if_function(L, c);
                tables_rawsetfield(L, d, "options");
                resolve_options(L, c, d);
            } else
                resolve_keys(L, c, d, (const char *const[]){DECISION_ORDER[i], NULL});
        }
    }
    tables_rawsetfield(L, r, "decision");
    tables_rawfield(L, r, "ending");
    if (!lua_isnil(L, -1)) {
        lua_pop(L, 1);
        resolve_sub(L, c, r, "ending", ENDING_ORDER);
    } else {
        lua_pop(L, 1);
    }
    resolve_keys(L, c, r, last);
}

/* Merges the table on top (after calling it when a function) into s[key].
 * Returns 0, or -1 (e filled) when it is neither a table nor nil. */
static int merge_into_s(lua_State *L, step_ctx *st, tables_ctx *x, const char *key,
                        const char *s_key, bool append)
{
    call_if_function(L, st->c);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (!lua_istable(L, -1)) {
        size_t mark = tables_path_push(x, key);
        tables_fail(x, "expected a table in { }, got a %s", luaL_typename(L, -1));
        tables_path_pop(x, mark);
        lua_pop(L, 1);
        return -1;
    }
    push_s(L, st->c);
    tables_rawfield(L, -1, s_key);
    if (!lua_istable(L, -1)) {
        lua_pop(L, 3);
        return tables_fail(x, "s.%s was replaced by something that is not a table", s_key);
    }
    int src = lua_gettop(L) - 2, dst = lua_gettop(L);
    if (append) {
        for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, src); i++) {
            lua_rawgeti(L, src, i);
            lua_rawseti(L, dst, (lua_Integer)lua_rawlen(L, dst) + 1);
        }
    } else {
        lua_pushnil(L);
        while (lua_next(L, src)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, dst);
        }
    }
    lua_pop(L, 3);
    return 0;
}

/* Reads s.vitals and s.results into the live view. */
static int read_live(lua_State *L, step_ctx *st, tables_ctx *x)
{
    case_live *live = st->live;
    live->clock = st->c->script->clock;
    vitals_init(&live->vitals);
    push_s(L, st->c);
    int s = lua_gettop(L);
    size_t mark = tables_path_push(x, "vitals");
    tables_rawfield(L, s, "vitals");
    int rc = lua_istable(L, -1) ? tables_read_vitals(x, -1, &live->vitals)
                                : tables_fail(x, "s.vitals is not a table any more");
    lua_pop(L, 1);
    tables_path_pop(x, mark);
    if (rc) {
        lua_pop(L, 1);
        return -1;
    }
    mark = tables_path_push(x, "results");
    tables_rawfield(L, s, "results");
    if (!lua_istable(L, -1)) {
        rc = tables_fail(x, "s.results is not a list any more");
    } else {
        size_t n = lua_rawlen(L, -1);
        live->results = n ? calloc(n, sizeof *live->results) : NULL;
        for (size_t i = 1; rc == 0 && i <= n; i++) {
            size_t m2 = tables_path_push_index(x, (long)i);
            lua_rawgeti(L, -1, (lua_Integer)i);
            rc = tables_read_result(x, -1, &live->results[i - 1]);
            live->n_results++;
            lua_pop(L, 1);
            tables_path_pop(x, m2);
        }
    }
    lua_pop(L, 2);
    tables_path_pop(x, mark);
    return rc;
}

static int f_enter(lua_State *L)
{
    step_ctx *st = lua_touserdata(L, 1);
    case_def *c = st->c;
    tables_ctx x = ctx_for(st, L);
    snprintf(x.path, sizeof x.path, "nodes.%s", st->node_id);
    st->rc = -1;

    lua_rawgeti(L, LUA_REGISTRYINDEX, c->script->case_ref);
    tables_rawfield(L, -1, "nodes");
    tables_rawfield(L, -1, st->node_id);
    int n = lua_gettop(L);
    if (!lua_istable(L, n)) {
        tables_fail(&x, "no node '%s' in this case", st->node_id);
        return 0;
    }
    /* 1. the clock */
    double elapsed = 0;
    tables_rawfield(L, n, "elapsed");
    call_if_function(L, c);
    if (!lua_isnil(L, -1)) {
        /* The range check comes first and is written so that NaN fails it:
         * NaN, an infinity or a huge value would otherwise reach the clock,
         * whose conversion to an integer below is then undefined. */
        double v = lua_tonumber(L, -1);
        if (!lua_isnumber(L, -1) || !(v >= 0 && v <= ELAPSED_MAX)) {
            size_t mark = tables_path_push(&x, "elapsed");
            if (lua_type(L, -1) == LUA_TNUMBER)
                tables_fail(&x, "expected a number of minutes from 0 to %g, got %g", ELAPSED_MAX,
                            lua_tonumber(L, -1));
            else
                tables_fail(&x, "expected a number of minutes from 0 to %g, got a %s",
                            ELAPSED_MAX, luaL_typename(L, -1));
            tables_path_pop(&x, mark);
            return 0;
        }
        elapsed = v;
        c->script->clock += elapsed;
    }
    lua_pop(L, 1);
    push_s(L, c);
    double clock = c->script->clock;
    if (clock >= 0 && clock < 0x1p63 && clock == floor(clock))
        lua_pushinteger(L, (lua_Integer)clock);
    else
        lua_pushnumber(L, clock);
    tables_rawsetfield(L, -2, "clock");
    lua_pop(L, 1);
    /* 2-4. vitals, results, set */
    tables_rawfield(L, n, "vitals");
    if (merge_into_s(L, st, &x, "vitals", "vitals", false))
        return 0;
    tables_rawfield(L, n, "results");
    if (merge_into_s(L, st, &x, "results", "results", true))
        return 0;
    tables_rawfield(L, n, "set");
    if (merge_into_s(L, st, &x, "set", "vars", false))
        return 0;
    /* 5. on_enter */
    tables_rawfield(L, n, "on_enter");
    if (lua_isfunction(L, -1)) {
        push_s(L, c);
        lua_call(L, 1, 0);
    } else {
        lua_pop(L, 1);
    }
    /* 6. function values, then the checks of a resolved node. The entry
     * effects were applied above (and are checked as s.vitals/s.results
     * below): the resolved copy keeps their values, never the functions,
     * which must not run twice. */
    resolve_node(L, c, n);
    int r = lua_gettop(L);
    static const char *const effects[] = {"vitals", "results", "set"};
    for (int i = 0; i < 3; i++) {
        if (tables_rawfield(L, r, effects[i]) == LUA_TFUNCTION) {
            lua_pushnil(L);
            tables_rawsetfield(L, r, effects[i]);
        }
        lua_pop(L, 1);
    }
    if (tables_rawfield(L, r, "elapsed") == LUA_TFUNCTION) {
        lua_pushnumber(L, elapsed);
        tables_rawsetfield(L, r, "elapsed");
    }
    lua_pop(L, 1);
    memset(st->node, 0, sizeof *st->node);
    if (tables_read_node(&x, r, st->node_id, st->node) || tables_check_node_refs(&x, st->node))
        return 0;
    if (st->node->kind == NODE_DECISION && st->node->decision.advice.present &&
        st->node->decision.best.n == 0) {
        tables_fail(&x, "advice is given but 'best' is empty");
        return 0;
    }
    if (read_live(L, st, &x))
        return 0;
    lua_pushvalue(L, r);
    luaL_unref(L, LUA_REGISTRYINDEX, c->script->node_ref);
    c->script->node_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    st->rc = 0;
    return 0;
}

int case_runtime_enter(case_def *c, const char *node_id, case_node *node, case_live *live,
                       apperr *e)
{
    lua_State *L = host_lua(c->script->host);
    step_ctx st = {.c = c, .node_id = node_id, .node = node, .live = live, .e = e, .rc = -1};
    char what[160];
    memset(node, 0, sizeof *node);
    memset(live, 0, sizeof *live);
    snprintf(what, sizeof what, "entering node %s", node_id);
    lua_pushcfunction(L, f_enter);
    lua_pushlightuserdata(L, &st);
    int rc = host_call(c->script->host, 1, 0, what, e);
    if (rc == 0 && st.rc == 0)
        return 0;
    case_node_free(node);
    case_live_free(live);
    memset(node, 0, sizeof *node);
    return -1;
}

/* ---- next and on_timeout -------------------------------------------------------- */

/* The target on top of the stack (a node id or a function to call with the
 * arguments pushed by the caller); leaves the id in *st->next_id. */
static void take_target(lua_State *L, step_ctx *st, tables_ctx *x, const char *key, int nargs)
{
    int fn = lua_gettop(L) - nargs;
    int line = 0;
    char src[512] = "";
    if (lua_isfunction(L, fn)) {
        lua_Debug ar;
        lua_pushvalue(L, fn);
        if (lua_getinfo(L, ">S", &ar)) {
            line = ar.linedefined;
            if (ar.source[0] == '@')
                snprintf(src, sizeof src, "%s", ar.source + 1);
        }
        lua_call(L, nargs, 1);
    } else {
        lua_pop(L, nargs);
    }
    size_t mark = tables_path_push(x, key);
    if (lua_type(L, -1) != LUA_TSTRING) {
        const char *got = luaL_typename(L, -1);
        if (line > 0)
            apperr_set(st->e, APPERR_INPUT, src, line,
                       "the %s function of node %s returned %s; it must return a node id",
                       key, st->node_id, lua_isnil(L, -1) ? "nothing" : got);
        else
            tables_fail(x, "expected a node id, got %s", got);
    } else if (tables_check_text(x, -1, "the node id it gave")) {
        /* a NUL byte or bytes that are not UTF-8: e says which */
    } else if (!case_find_node(st->c, lua_tostring(L, -1))) {
        if (line > 0)
            apperr_set(st->e, APPERR_INPUT, src, line,
                       "the %s function of node %s returned '%s', which names no node", key,
                       st->node_id, lua_tostring(L, -1));
        else
            tables_fail(x, "'%s' names no node", lua_tostring(L, -1));
    } else {
        *st->next_id = strdup(lua_tostring(L, -1));
        st->rc = *st->next_id ? 0 : -1;
    }
    tables_path_pop(x, mark);
    lua_pop(L, 1);
}

static int f_next(lua_State *L)
{
    step_ctx *st = lua_touserdata(L, 1);
    tables_ctx x = ctx_for(st, L);
    snprintf(x.path, sizeof x.path, "nodes.%s", st->node_id);
    st->rc = -1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, st->c->script->node_ref);
    int r = lua_gettop(L);
    if (!st->choice) {
        tables_rawfield(L, r, "next");
        push_s(L, st->c);
        lua_pushnil(L);
        take_target(L, st, &x, "next", 2);
        return 0;
    }
    push_s(L, st->c);
    tables_rawfield(L, -1, "choices");
    lua_pushstring(L, st->choice);
    tables_rawsetfield(L, -2, st->node_id);
    lua_pop(L, 2);
    tables_rawfield(L, r, "decision");
    int d = lua_gettop(L);
    tables_path_push(&x, "decision");
    tables_rawfield(L, d, "options");
    for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, -1); i++) {
        lua_rawgeti(L, -1, i);
        tables_rawfield(L, -1, "id");
        bool match = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), st->choice) == 0;
        lua_pop(L, 1);
        if (match) {
            tables_rawfield(L, -1, "next");
            if (!lua_isnil(L, -1)) {
                tables_path_push(&x, "options");
                tables_path_push_index(&x, (long)i);
                push_s(L, st->c);
                lua_pushstring(L, st->choice);
                take_target(L, st, &x, "next", 2);
                return 0;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    tables_rawfield(L, d, "next");
    push_s(L, st->c);
    lua_pushstring(L, st->choice);
    take_target(L, st, &x, "next", 2);
    return 0;
}

static int f_timeout(lua_State *L)
{
    step_ctx *st = lua_touserdata(L, 1);
    tables_ctx x = ctx_for(st, L);
    snprintf(x.path, sizeof x.path, "nodes.%s.decision", st->node_id);
    st->rc = -1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, st->c->script->node_ref);
    tables_rawfield(L, -1, "decision");
    tables_rawfield(L, -1, "on_timeout");
    push_s(L, st->c);
    take_target(L, st, &x, "on_timeout", 1);
    return 0;
}

static int run_target(case_def *c, const case_node *node, const char *choice, char **next_id,
                      lua_CFunction f, apperr *e)
{
    lua_State *L = host_lua(c->script->host);
    step_ctx st = {.c = c, .node_id = node->id, .choice = choice, .next_id = next_id, .e = e,
                   .rc = -1};
    char what[160];
    *next_id = NULL;
    snprintf(what, sizeof what, "the next node after %s", node->id);
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, &st);
    if (host_call(c->script->host, 1, 0, what, e) == 0 && st.rc == 0)
        return 0;
    free(*next_id);
    *next_id = NULL;
    return -1;
}

int case_runtime_next(case_def *c, const case_node *node, const char *choice, char **next_id,
                      apperr *e)
{
    return run_target(c, node, choice, next_id, f_next, e);
}

int case_runtime_timeout_target(case_def *c, const case_node *node, char **next_id, apperr *e)
{
    return run_target(c, node, NULL, next_id, f_timeout, e);
}

/* ---- for the checker: plain nodes (state keys: case_state.c) --------------------- */

/* Deeper tables than this are cut (and a table inside itself ends here). */
#define KEY_MAX_DEPTH 40

/* Whether the value at idx holds no function and no metatable, to depth. */
static bool plain_value(lua_State *L, int idx, int depth)
{
    idx = lua_absindex(L, idx);
    int type = lua_type(L, idx);
    if (type == LUA_TFUNCTION || type == LUA_TUSERDATA || type == LUA_TTHREAD)
        return false;
    if (type != LUA_TTABLE)
        return true;
    /* Each level holds a key and a value: more than the 20 stack slots a C
     * function is given, once tables nest deep (a set table can). */
    if (depth >= KEY_MAX_DEPTH || !lua_checkstack(L, 3))
        return false;
    if (lua_getmetatable(L, idx)) {
        lua_pop(L, 1);
        return false;
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (!plain_value(L, -1, depth + 1) || !plain_value(L, -2, depth + 1)) {
            lua_pop(L, 2);
            return false;
        }
        lua_pop(L, 1);
    }
    return true;
}

typedef struct plain_ctx {
    case_def *c;
    const char *node_id;
    bool plain;
} plain_ctx;

static int f_node_plain(lua_State *L)
{
    plain_ctx *p = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, p->c->script->case_ref);
    tables_rawfield(L, -1, "nodes");
    tables_rawfield(L, -1, p->node_id);
    p->plain = lua_istable(L, -1) && plain_value(L, -1, 0);
    lua_pop(L, 3);
    return 0;
}

int case_runtime_node_plain(case_def *c, const char *node_id, bool *plain, apperr *e)
{
    lua_State *L = host_lua(c->script->host);
    plain_ctx p = {.c = c, .node_id = node_id, .plain = false};
    *plain = false;
    lua_pushcfunction(L, f_node_plain);
    lua_pushlightuserdata(L, &p);
    if (host_call(c->script->host, 1, 0, "reading a node", e) != 0)
        return -1;
    *plain = p.plain;
    return 0;
}
