/* case_set: s.vars.KEY or s.vitals.KEY given from the command line
 * (case_set.h). The value's kind was read by the core (session_from.c); a
 * vital was checked there against the format's keys and ranges, and is
 * read again from s.vitals, as every vital is, when the node is entered. */
#include "case_set.h"

#include <math.h>

#include <lauxlib.h>

#include "case_script.h"
#include "tables.h"

typedef struct set_ctx {
    case_run *r;
    const case_setting *v;
} set_ctx;

static void push_value(lua_State *L, const case_setting *v)
{
    switch (v->kind) {
    case CASE_SET_NUMBER:
        /* A whole number is a Lua integer, as it is when a case writes 3. */
        if (v->num >= -9e18 && v->num <= 9e18 && v->num == floor(v->num))
            lua_pushinteger(L, (lua_Integer)v->num);
        else
            lua_pushnumber(L, v->num);
        return;
    case CASE_SET_BOOL:
        lua_pushboolean(L, v->flag);
        return;
    case CASE_SET_TEXT:
        lua_pushstring(L, v->text);
        return;
    }
}

static int f_set(lua_State *L)
{
    set_ctx *x = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, x->r->s_ref);
    tables_rawfield(L, -1, x->v->vital ? "vitals" : "vars");
    if (!lua_istable(L, -1))
        return luaL_error(L, "s.%s is not a table", x->v->vital ? "vitals" : "vars");
    push_value(L, x->v);
    tables_rawsetfield(L, -2, x->v->key);
    lua_pop(L, 2);
    return 0;
}

int case_set(case_run *r, const case_setting *v, apperr *e)
{
    lua_State *L = host_lua(r->cs->host);
    set_ctx x = {r, v};
    lua_pushcfunction(L, f_set);
    lua_pushlightuserdata(L, &x);
    return host_call(r->cs->host, 1, 0, "giving the --set values", e);
}
