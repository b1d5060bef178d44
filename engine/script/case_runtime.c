/* case_runtime: playing a case file (case_runtime.h). A run's state lives in
 * its case_run (case_script.h): `s` and the node as resolved on entry in the
 * registry, the clock and the random generator's state here in C. */
#include "case_runtime.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "case_script.h"
#include "case_tables.h"
#include "mem.h"

/* The most minutes one node may move the clock on: the loader's bound for a
 * constant `elapsed` (case_tables.c), applied to a function's value too. */
#define ELAPSED_MAX 1e7

/* Everything a protected step needs; the C functions below run inside
 * host_call, so a case function's error or a memory error unwinds to it. */
typedef struct step_ctx {
    case_run *r;
    const char *node_id;
    const char *choice;
    const char *variant;
    case_node *node;
    case_live *live;
    char **next_id;
    apperr *e;
    int rc; /* -1 when a check failed (e filled) without a Lua error */
} step_ctx;

static tables_ctx ctx_for(step_ctx *st, lua_State *L)
{
    tables_ctx x;
    memset(&x, 0, sizeof x);
    x.L = L;
    x.file = st->r->c->file;
    x.map = st->r->cs->map;
    x.e = st->e;
    x.resolved = true;
    x.c = st->r->c;
    return x;
}

static void push_s(lua_State *L, const case_run *r)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->s_ref);
}

/* Calls f with ctx through host_call as the run r: math.random draws from
 * the run's generator state during the call, which is saved back after it.
 * Copying the state (32 bytes in Lua 5.4) costs about 35 instructions a
 * call, where the call itself averages some 40,000 (0.13% of a `check` of
 * a case with functions on every node), and it keeps the generator Lua's
 * own: a generator of ours would give a case other numbers for a seed than
 * the ones its logs were written with. */
static int run_call(case_run *r, lua_CFunction f, void *ctx, const char *what, apperr *e)
{
    size_t len = 0;
    unsigned char *rng = host_random_state(r->cs->host, &len);
    lua_State *L = host_lua(r->cs->host);
    if (rng && len == r->rng_len)
        memcpy(rng, r->rng, len);
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, ctx);
    int rc = host_call(r->cs->host, 1, 0, what, e);
    if (rng && len == r->rng_len)
        memcpy(r->rng, rng, len);
    return rc;
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
    case_run *r = st->r;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->cs->case_ref);
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
    if (st->variant) {
        lua_pushstring(L, st->variant);
        tables_rawsetfield(L, s, "variant");
    }
    host_push_env(r->cs->host);
    tables_rawfield(L, -1, "math");
    tables_rawfield(L, -1, "random");
    tables_rawsetfield(L, s, "random");
    lua_pop(L, 2);
    lua_pushvalue(L, s);
    lua_pushcclosure(L, f_reveal, 1);
    tables_rawsetfield(L, s, "reveal");
    lua_pushvalue(L, s);
    r->s_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

int case_runtime_begin(const case_def *c, unsigned long long seed, const char *variant,
                       case_run **out, apperr *e)
{
    *out = NULL;
    case_run *r = mem_calloc(1, sizeof *r);
    if (!r) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    r->c = c;
    r->cs = case_script_of(c);
    r->s_ref = r->node_ref = LUA_NOREF;
    /* The run's generator starts from seed: seed Lua's, then keep a copy. */
    if (host_seed(r->cs->host, seed, e)) {
        case_runtime_end(r);
        return -1;
    }
    size_t len = 0;
    const unsigned char *rng = host_random_state(r->cs->host, &len);
    if (rng && len && !(r->rng = mem_malloc(len))) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        case_runtime_end(r);
        return -1;
    }
    if (r->rng) {
        memcpy(r->rng, rng, len);
        r->rng_len = len;
    }
    step_ctx st = {.r = r, .variant = variant, .e = e};
    if (run_call(r, f_begin, &st, "starting the session", e)) {
        case_runtime_end(r);
        return -1;
    }
    *out = r;
    return 0;
}

void case_runtime_end(case_run *r)
{
    if (!r)
        return;
    lua_State *L = host_lua(r->cs->host);
    luaL_unref(L, LUA_REGISTRYINDEX, r->s_ref);
    luaL_unref(L, LUA_REGISTRYINDEX, r->node_ref);
    mem_free(r->rng);
    mem_free(r);
}

/* ---- enter ----------------------------------------------------------------------- */

/* The value on top: when a function, replaces it by fn(s). */
static void call_if_function(lua_State *L, const case_run *r)
{
    if (lua_type(L, -1) != LUA_TFUNCTION)
        return;
    push_s(L, r);
    lua_call(L, 1, 1);
}

/* In the table at t, replaces function values of keys by their results, in
 * the order of keys. */
static void resolve_keys(lua_State *L, const case_run *r, int t, const char *const *keys)
{
    for (int i = 0; keys[i]; i++) {
        tables_rawfield(L, t, keys[i]);
        if (lua_type(L, -1) == LUA_TFUNCTION) {
            call_if_function(L, r);
            tables_rawsetfield(L, t, keys[i]);
        } else {
            lua_pop(L, 1);
        }
    }
}

static const char *const DECISION_ORDER[] = {"prompt", "options",    "best",     "advice",
                                             "ask",    "time_limit", "feedback", NULL};
static const char *const ADVICE_ORDER[] = {"tool",    "recommend", "confidence", "message",
                                           "reasons", "timing",    "source",     NULL};
static const char *const ENDING_ORDER[] = {"outcome", "summary", NULL};
static const char *const LABEL_ONLY[] = {"label", NULL};

/* Replaces the table-valued (or function-valued) key of t by a resolved copy. */
static void resolve_sub(lua_State *L, const case_run *r, int t, const char *key,
                        const char *const *order)
{
    tables_rawfield(L, t, key);
    call_if_function(L, r);
    if (lua_istable(L, -1)) {
        copy_table(L, -1);
        lua_remove(L, -2);
        resolve_keys(L, r, lua_gettop(L), order);
    }
    tables_rawsetfield(L, t, key);
}

static void resolve_options(lua_State *L, const case_run *r, int d)
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
            resolve_keys(L, r, lua_gettop(L), LABEL_ONLY);
            lua_rawseti(L, opts, i);
        }
        lua_pop(L, 1);
    }
    tables_rawsetfield(L, d, "options");
}

/* Builds the resolved copy of the node table at n and leaves it on top. */
static void resolve_node(lua_State *L, const case_run *r, int n)
{
    static const char *const text_first[] = {"text", "title", "image", NULL};
    static const char *const last[] = {"debrief", NULL};
    copy_table(L, n);
    int res = lua_gettop(L);
    resolve_keys(L, r, res, text_first);
    tables_rawfield(L, res, "decision");
    call_if_function(L, r);
    if (lua_istable(L, -1)) {
        copy_table(L, -1);
        lua_remove(L, -2);
        int d = lua_gettop(L);
        for (int i = 0; DECISION_ORDER[i]; i++) {
            if (strcmp(DECISION_ORDER[i], "advice") == 0)
                resolve_sub(L, r, d, "advice", ADVICE_ORDER);
            else if (strcmp(DECISION_ORDER[i], "options") == 0) {
                tables_rawfield(L, d, "options");
                call_if_function(L, r);
                tables_rawsetfield(L, d, "options");
                resolve_options(L, r, d);
            } else
                resolve_keys(L, r, d, (const char *const[]){DECISION_ORDER[i], NULL});
        }
    }
    tables_rawsetfield(L, res, "decision");
    tables_rawfield(L, res, "ending");
    if (!lua_isnil(L, -1)) {
        lua_pop(L, 1);
        resolve_sub(L, r, res, "ending", ENDING_ORDER);
    } else {
        lua_pop(L, 1);
    }
    resolve_keys(L, r, res, last);
}

/* Merges the table on top (after calling it when a function) into s[key].
 * Returns 0, or -1 (e filled) when it is neither a table nor nil. */
static int merge_into_s(lua_State *L, step_ctx *st, tables_ctx *x, const char *key,
                        const char *s_key, bool append)
{
    call_if_function(L, st->r);
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
    push_s(L, st->r);
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
    live->clock = st->r->clock;
    vitals_init(&live->vitals);
    push_s(L, st->r);
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
        live->results = n ? mem_calloc(n, sizeof *live->results) : NULL;
        if (n && !live->results)
            rc = tables_oom(x);
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
    case_run *r = st->r;
    tables_ctx x = ctx_for(st, L);
    snprintf(x.path, sizeof x.path, "nodes.%s", st->node_id);
    st->rc = -1;

    lua_rawgeti(L, LUA_REGISTRYINDEX, r->cs->case_ref);
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
    call_if_function(L, r);
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
                tables_fail(&x, "expected a number of minutes from 0 to %g, got a %s", ELAPSED_MAX,
                            luaL_typename(L, -1));
            tables_path_pop(&x, mark);
            return 0;
        }
        elapsed = v;
        r->clock += elapsed;
    }
    lua_pop(L, 1);
    push_s(L, r);
    double clock = r->clock;
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
        push_s(L, r);
        lua_call(L, 1, 0);
    } else {
        lua_pop(L, 1);
    }
    /* 6. function values, then the checks of a resolved node. The entry
     * effects were applied above (and are checked as s.vitals/s.results
     * below): the resolved copy keeps their values, never the functions,
     * which must not run twice. */
    resolve_node(L, r, n);
    int res = lua_gettop(L);
    static const char *const effects[] = {"vitals", "results", "set"};
    for (int i = 0; i < 3; i++) {
        if (tables_rawfield(L, res, effects[i]) == LUA_TFUNCTION) {
            lua_pushnil(L);
            tables_rawsetfield(L, res, effects[i]);
        }
        lua_pop(L, 1);
    }
    if (tables_rawfield(L, res, "elapsed") == LUA_TFUNCTION) {
        lua_pushnumber(L, elapsed);
        tables_rawsetfield(L, res, "elapsed");
    }
    lua_pop(L, 1);
    memset(st->node, 0, sizeof *st->node);
    if (tables_read_node(&x, res, st->node_id, st->node) || tables_check_node_refs(&x, st->node))
        return 0;
    if (st->node->kind == NODE_DECISION && st->node->decision.advice.present &&
        st->node->decision.best.n == 0) {
        tables_fail(&x, "advice is given but 'best' is empty");
        return 0;
    }
    if (read_live(L, st, &x))
        return 0;
    lua_pushvalue(L, res);
    luaL_unref(L, LUA_REGISTRYINDEX, r->node_ref);
    r->node_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    st->rc = 0;
    return 0;
}

int case_runtime_enter(case_run *r, const char *node_id, case_node *node, case_live *live,
                       apperr *e)
{
    step_ctx st = {.r = r, .node_id = node_id, .node = node, .live = live, .e = e, .rc = -1};
    char what[160];
    memset(node, 0, sizeof *node);
    memset(live, 0, sizeof *live);
    snprintf(what, sizeof what, "entering node %s", node_id);
    int rc = run_call(r, f_enter, &st, what, e);
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
                       "the %s function of node %s returned %s; it must return a node id", key,
                       st->node_id, lua_isnil(L, -1) ? "nothing" : got);
        else
            tables_fail(x, "expected a node id, got %s", got);
    } else if (tables_check_text(x, -1, "the node id it gave")) {
        /* a NUL byte or bytes that are not UTF-8: e says which */
    } else if (!case_find_node(st->r->c, lua_tostring(L, -1))) {
        if (line > 0)
            apperr_set(st->e, APPERR_INPUT, src, line,
                       "the %s function of node %s returned '%s', which names no node", key,
                       st->node_id, lua_tostring(L, -1));
        else
            tables_fail(x, "'%s' names no node", lua_tostring(L, -1));
    } else {
        *st->next_id = mem_strdup(lua_tostring(L, -1));
        st->rc = *st->next_id ? 0 : tables_oom(x);
    }
    tables_path_pop(x, mark);
    lua_pop(L, 1);
}

/* The step of f_next or f_timeout, with x set up for messages at the
 * node's path and suffix, and the node as resolved on entry pushed. */
static step_ctx *target_step(lua_State *L, tables_ctx *x, const char *suffix)
{
    step_ctx *st = lua_touserdata(L, 1);
    *x = ctx_for(st, L);
    snprintf(x->path, sizeof x->path, "nodes.%s%s", st->node_id, suffix);
    st->rc = -1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, st->r->node_ref);
    return st;
}

/* The target t[key], called with s (nargs 1) or with s and the choice, nil
 * for a narrative node (nargs 2) when it is a function. */
static void target_at(lua_State *L, step_ctx *st, tables_ctx *x, int t, const char *key, int nargs)
{
    tables_rawfield(L, t, key);
    push_s(L, st->r);
    if (nargs > 1 && st->choice)
        lua_pushstring(L, st->choice);
    else if (nargs > 1)
        lua_pushnil(L);
    take_target(L, st, x, key, nargs);
}

static int f_next(lua_State *L)
{
    tables_ctx x;
    step_ctx *st = target_step(L, &x, "");
    int r = lua_gettop(L);
    if (!st->choice) {
        target_at(L, st, &x, r, "next", 2);
        return 0;
    }
    push_s(L, st->r);
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
        if (match && tables_rawfield(L, -1, "next") != LUA_TNIL) {
            lua_pop(L, 1);
            tables_path_push(&x, "options");
            tables_path_push_index(&x, (long)i);
            target_at(L, st, &x, -1, "next", 2);
            return 0;
        }
        lua_pop(L, match ? 2 : 1);
    }
    target_at(L, st, &x, d, "next", 2);
    return 0;
}

static int f_timeout(lua_State *L)
{
    tables_ctx x;
    step_ctx *st = target_step(L, &x, ".decision");
    tables_rawfield(L, -1, "decision");
    target_at(L, st, &x, -1, "on_timeout", 1);
    return 0;
}

static int run_target(case_run *r, const case_node *node, const char *choice, char **next_id,
                      lua_CFunction f, apperr *e)
{
    step_ctx st = {
        .r = r, .node_id = node->id, .choice = choice, .next_id = next_id, .e = e, .rc = -1};
    char what[160];
    *next_id = NULL;
    snprintf(what, sizeof what, "the next node after %s", node->id);
    if (run_call(r, f, &st, what, e) == 0 && st.rc == 0)
        return 0;
    mem_free(*next_id);
    *next_id = NULL;
    return -1;
}

int case_runtime_next(case_run *r, const case_node *node, const char *choice, char **next_id,
                      apperr *e)
{
    return run_target(r, node, choice, next_id, f_next, e);
}

int case_runtime_timeout_target(case_run *r, const case_node *node, char **next_id, apperr *e)
{
    return run_target(r, node, NULL, next_id, f_timeout, e);
}
