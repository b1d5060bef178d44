/* case_state: the checker's half of the case-file driver (lua_driver.c):
 * the state key behind its merging of states, and plain nodes.
 *
 * The key is the SHA-256 digest of a canonical encoding of the state,
 * hashed as the state is read: the encoding is never held in memory. A
 * table is encoded as the digests of its entries ("key=value"), sorted,
 * since the order lua_next gives depends on the table's history. A string
 * of LONG_STRING bytes or more is encoded as its length and its own digest,
 * which is kept by the string's address (in a strmap) while one key is
 * computed: `s` may
 * hold one big string many times (60 references to an 8 MiB string once
 * made a key text of 480 MB), and each is hashed once. Every encoding is
 * self-delimiting, so different states give different keys. */
#include "case_state.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <nettle/sha2.h>

#include "case_script.h"
#include "strmap.h"
#include "tables.h"
#include "mem.h"

/* Deeper tables than this are cut (and a table inside itself ends here). */
#define KEY_MAX_DEPTH 40
/* Strings from this length on are encoded by their digest. */
#define LONG_STRING 64

typedef uint8_t digest[SHA256_DIGEST_SIZE];

typedef struct key_ctx {
    case_run *r;
    struct sha256_ctx h; /* the whole key */
    /* Long strings' digests, by the address and length of the Lua string:
     * while a key is computed `s` holds the string, so the address is its
     * alone. memo maps them to their index in digests. */
    strmap *memo;
    digest *digests;
    size_t n_digests, cap_digests;
    bool oom;
} key_ctx;

static void put(struct sha256_ctx *h, const void *data, size_t n)
{
    sha256_update(h, n, data);
}

static void put_printf(struct sha256_ctx *h, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Short formatted items only: numbers, addresses. */
static void put_printf(struct sha256_ctx *h, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        put(h, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The digest of a long string: from the memo, else computed (and kept when
 * there is memory for it; without, it is only computed again). */
static const uint8_t *string_digest_of(key_ctx *k, const char *p, size_t len, digest tmp)
{
    char id[sizeof p + sizeof len];
    memcpy(id, &p, sizeof p);
    memcpy(id + sizeof p, &len, sizeof len);
    if (!k->memo)
        k->memo = strmap_new();
    size_t *at = k->memo ? strmap_find(k->memo, id, sizeof id) : NULL;
    if (at)
        return k->digests[*at];
    digest *grown =
        k->memo ? mem_grow(k->digests, &k->cap_digests, k->n_digests + 1, sizeof *grown) : NULL;
    if (grown)
        k->digests = grown;
    uint8_t *out = grown ? k->digests[k->n_digests] : tmp;
    struct sha256_ctx one;
    sha256_init(&one);
    put(&one, p, len);
    sha256_digest(&one, SHA256_DIGEST_SIZE, out);
    bool added;
    if (grown && (at = strmap_put(k->memo, id, sizeof id, &added)))
        *at = k->n_digests++;
    return out;
}

static int digest_cmp(const void *a, const void *b)
{
    return memcmp(a, b, SHA256_DIGEST_SIZE);
}

static void key_value(lua_State *L, key_ctx *k, struct sha256_ctx *h, int idx, int depth);

/* A table: the number of its entries, then their digests in order. */
static void key_table(lua_State *L, key_ctx *k, struct sha256_ctx *h, int idx, int depth)
{
    /* A table with a metatable, or too deep, is only equal to itself. Each
     * level holds a key, a value and a function on the stack. */
    bool cut = depth >= KEY_MAX_DEPTH || !lua_checkstack(L, 4);
    if (!cut && lua_getmetatable(L, idx)) {
        lua_pop(L, 1);
        cut = true;
    }
    if (cut) {
        put_printf(h, "T%p;", lua_topointer(L, idx));
        return;
    }
    digest *v = NULL;
    size_t n = 0, cap = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        digest *grown = mem_grow(v, &cap, n + 1, sizeof *grown);
        if (!grown) {
            k->oom = true;
            lua_pop(L, 2);
            break;
        }
        v = grown;
        struct sha256_ctx one;
        sha256_init(&one);
        key_value(L, k, &one, -2, depth + 1);
        put(&one, "=", 1);
        key_value(L, k, &one, -1, depth + 1);
        sha256_digest(&one, SHA256_DIGEST_SIZE, v[n++]);
        lua_pop(L, 1);
    }
    if (n > 1)
        qsort(v, n, sizeof *v, digest_cmp);
    put_printf(h, "{%zu:", n);
    for (size_t i = 0; i < n; i++)
        put(h, v[i], sizeof v[i]);
    mem_free(v);
}

static void key_value(lua_State *L, key_ctx *k, struct sha256_ctx *h, int idx, int depth)
{
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        put(h, "n", 1);
        break;
    case LUA_TBOOLEAN:
        put(h, lua_toboolean(L, idx) ? "b1" : "b0", 2);
        break;
    case LUA_TNUMBER:
        /* Never lua_tolstring here: it would turn a key being traversed
         * into a string. %a writes a double exactly. */
        if (lua_isinteger(L, idx))
            put_printf(h, "i%lld;", (long long)lua_tointeger(L, idx));
        else
            put_printf(h, "f%a;", lua_tonumber(L, idx));
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *str = lua_tolstring(L, idx, &len);
        if (len < LONG_STRING) {
            put_printf(h, "s%zu:", len);
            put(h, str, len);
        } else {
            digest tmp;
            put_printf(h, "S%zu:", len);
            put(h, string_digest_of(k, str, len, tmp), SHA256_DIGEST_SIZE);
        }
        break;
    }
    case LUA_TTABLE:
        key_table(L, k, h, idx, depth);
        break;
    case LUA_TFUNCTION: {
        lua_Debug ar;
        lua_pushvalue(L, idx);
        if (!lua_iscfunction(L, idx) && lua_getinfo(L, ">S", &ar)) {
            put(h, "F", 1);
            put(h, ar.source, strlen(ar.source) + 1);
            put_printf(h, "%d;", ar.linedefined);
        } else {
            lua_pop(L, 1);
            put(h, "C;", 2); /* s.random, s.reveal: the same in every session */
        }
        break;
    }
    default:
        put_printf(h, "u%s%p;", luaL_typename(L, idx), lua_topointer(L, idx));
        break;
    }
}

static int f_state_key(lua_State *L)
{
    key_ctx *k = lua_touserdata(L, 1);
    put_printf(&k->h, "c%a;", k->r->clock);
    lua_rawgeti(L, LUA_REGISTRYINDEX, k->r->s_ref);
    key_value(L, k, &k->h, -1, 0);
    lua_pop(L, 1);
    /* The random generator's state: the run's own copy (case_runtime.c). */
    if (k->r->rng_len) {
        put(&k->h, "R", 1);
        put(&k->h, k->r->rng, k->r->rng_len);
    }
    return 0;
}

int case_state_key(case_run *r, unsigned char key[CASE_STATE_KEY_SIZE], apperr *e)
{
    lua_State *L = host_lua(r->cs->host);
    key_ctx k;
    memset(&k, 0, sizeof k);
    k.r = r;
    sha256_init(&k.h);
    lua_pushcfunction(L, f_state_key);
    lua_pushlightuserdata(L, &k);
    int rc = host_call(r->cs->host, 1, 0, "reading the session state", e);
    strmap_free(k.memo);
    mem_free(k.digests);
    if (rc != 0)
        return -1;
    if (k.oom) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    sha256_digest(&k.h, CASE_STATE_KEY_SIZE, key);
    return 0;
}

/* ---- plain nodes ---------------------------------------------------------- */

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
    const case_def *c;
    const char *node_id;
    bool plain;
} plain_ctx;

static int f_node_plain(lua_State *L)
{
    plain_ctx *p = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, case_script_of(p->c)->case_ref);
    tables_rawfield(L, -1, "nodes");
    tables_rawfield(L, -1, p->node_id);
    p->plain = lua_istable(L, -1) && plain_value(L, -1, 0);
    lua_pop(L, 3);
    return 0;
}

int case_state_node_plain(const case_def *c, const char *node_id, bool *plain, apperr *e)
{
    script_host *h = case_script_of(c)->host;
    lua_State *L = host_lua(h);
    plain_ctx p = {.c = c, .node_id = node_id, .plain = false};
    *plain = false;
    lua_pushcfunction(L, f_node_plain);
    lua_pushlightuserdata(L, &p);
    if (host_call(h, 1, 0, "reading a node", e) != 0)
        return -1;
    *plain = p.plain;
    return 0;
}
