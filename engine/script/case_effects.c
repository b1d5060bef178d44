/* case_effects: the vitals and results of format 1, as a case sets them at
 * the start, as a node's entry effects, and as s.vitals and s.results hold
 * them in play (case_tables.h declares them). */
#include "case_tables.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

/* ---- vitals and results ------------------------------------------------------ */

int tables_read_vitals(tables_ctx *x, int t, vitals *v)
{
    lua_State *L = x->L;
    if (tables_walk(x, &t))
        return -1;
    while (lua_next(L, t)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 2);
            return tables_fail(x, "vitals are named, as in { hr = 90 }");
        }
        if (tables_check_text(x, -2, "a key")) {
            lua_pop(L, 2);
            return -1;
        }
        size_t mark = tables_path_push(x, lua_tostring(L, -2));
        apperr err;
        apperr_clear(&err);
        int type = lua_type(L, -1);
        int rc = -1;
        if (type == LUA_TSTRING &&
            (tables_check_text(x, -1, "this text") ||
             tables_count_text(x, lua_rawlen(L, -1) + lua_rawlen(L, -2) + 2))) {
            tables_path_pop(x, mark);
            lua_pop(L, 2);
            return -1;
        }
        if (type == LUA_TNUMBER)
            rc = vitals_set(v, lua_tostring(L, -2), true, lua_tonumber(L, -1), NULL, &err);
        else if (type == LUA_TSTRING)
            rc = vitals_set(v, lua_tostring(L, -2), false, 0, lua_tostring(L, -1), &err);
        else
            snprintf(err.msg, sizeof err.msg, "expected a number or a text, got a %s",
                     tables_type_name(L, -1));
        if (rc != 0) {
            if (err.kind == APPERR_ENV)
                tables_oom(x);
            else
                tables_fail(x, "%s", err.msg);
            tables_path_pop(x, mark);
            lua_pop(L, 2);
            return -1;
        }
        tables_path_pop(x, mark);
        lua_pop(L, 1);
    }
    return 0;
}

int tables_read_result(tables_ctx *x, int t, case_result *r)
{
    lua_State *L = x->L;
    memset(r, 0, sizeof *r);
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE)
        return tables_fail(x,
                           "expected a result such as { name = \"CRP\", value = 212, "
                           "unit = \"mg/L\" }, got a %s",
                           tables_type_name(L, t));
    if (tables_check_keys(x, t, CASE_LEVEL_RESULT) ||
        tables_get_string(x, t, "name", true, &r->name, NULL) ||
        tables_get_string(x, t, "unit", false, &r->unit, NULL) ||
        tables_get_string(x, t, "flag", false, &r->flag, NULL) ||
        tables_read_image(x, t, &r->image, NULL))
        return -1;
    size_t mark;
    int type = tables_field(x, t, "value", &mark);
    int rc = 0;
    if (type == LUA_TNUMBER) {
        r->is_num = true;
        r->num = lua_tonumber(L, -1);
    } else if (type == LUA_TSTRING) {
        rc = tables_copy_text(x, -1, &r->text);
    } else if (type == LUA_TNIL) {
        rc = tables_fail(x, "missing required key 'value' (a number or a text)");
    } else {
        rc = tables_fail(x, "expected a number or a text, got a %s", tables_type_name(L, -1));
    }
    tables_unfield(x, mark);
    return rc;
}

int tables_read_results(tables_ctx *x, int t, const char *key, case_result **out, size_t *n,
                        bool *dynamic)
{
    size_t mark;
    int has = tables_get_table(x, t, key, &mark, dynamic);
    *out = NULL;
    *n = 0;
    if (has <= 0)
        return has;
    long len = tables_list_length(x, "results");
    int rc = len < 0 ? -1 : 0;
    if (rc == 0 && len > 0 && !(*out = mem_calloc((size_t)len, sizeof **out)))
        rc = tables_oom(x);
    for (long i = 1; rc == 0 && i <= len; i++) {
        size_t m2 = tables_path_push_index(x, i);
        lua_rawgeti(x->L, -1, i);
        rc = tables_read_result(x, -1, &(*out)[i - 1]);
        (*n)++;
        lua_pop(x->L, 1);
        tables_path_pop(x, m2);
    }
    tables_unfield(x, mark);
    return rc;
}
