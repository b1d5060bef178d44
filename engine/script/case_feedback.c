/* case_feedback: a decision's `feedback` key of format 1 (scenario-format.md,
 * "Feedback"): a text shown whatever was chosen, a table of texts by option
 * id with an optional `default`, or a function returning either, resolved on
 * entry like the node's other values (case_tables.h declares it). */
#include "case_tables.h"

#include <string.h>

#include <lauxlib.h>

static const char FEEDBACK_SHAPE[] = "{ default = \"…\", [\"option_id\"] = \"…\" }";

/* Whether key names the default or one of d's options. With no options yet
 * (they come from a function, read on entry) every key passes for now. */
static bool known_key(const case_decision *d, const char *key)
{
    return strcmp(key, "default") == 0 || d->n_options == 0 || case_find_option(d, key);
}

static int unknown_option(tables_ctx *x, const case_decision *d, const char *key)
{
    strbuf ids = STRBUF_INIT; /* out of memory: a shorter message, still one */
    case_options_join(d, &ids);
    size_t mark = tables_path_push(x, key);
    tables_fail(x,
                "feedback names option '%s', which this decision does not have; its options "
                "are %s: write each text under one of them, or under default for the rest",
                key, strbuf_str(&ids));
    tables_path_pop(x, mark);
    strbuf_free(&ids);
    return -1;
}

/* Checks every key and value of the table at t. Of several unknown keys the
 * smallest is named, so that the message does not depend on Lua's order. */
static int check_table(tables_ctx *x, int t, const case_decision *d)
{
    lua_State *L = x->L;
    const char *unknown = NULL; /* a key of the table, alive while it is */
    if (tables_walk(x, &t))
        return -1;
    while (lua_next(L, t)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 2);
            return tables_fail(x, "feedback texts are named by option id, as in %s",
                               FEEDBACK_SHAPE);
        }
        if (tables_check_text(x, -2, "a key")) {
            lua_pop(L, 2);
            return -1;
        }
        const char *key = lua_tostring(L, -2);
        if (lua_type(L, -1) != LUA_TSTRING) {
            size_t mark = tables_path_push(x, key);
            tables_fail(x, "expected a text, got a %s", tables_type_name(L, -1));
            tables_path_pop(x, mark);
            lua_pop(L, 2);
            return -1;
        }
        if (!known_key(d, key) && (!unknown || strcmp(key, unknown) < 0))
            unknown = key;
        lua_pop(L, 1);
    }
    return unknown ? unknown_option(x, d, unknown) : 0;
}

/* Copies the texts of the checked table at t: the default into d->feedback,
 * each option's own into the option, in the options' order. */
static int copy_table(tables_ctx *x, int t, case_decision *d)
{
    if (tables_get_string(x, t, "default", false, &d->feedback, NULL))
        return -1;
    for (size_t i = 0; i < d->n_options; i++) {
        case_option *o = &d->options[i];
        if (strcmp(o->id, "default") != 0 &&
            tables_get_string(x, t, o->id, false, &o->feedback, NULL))
            return -1;
    }
    return 0;
}

int tables_read_feedback(tables_ctx *x, int t, case_decision *d, bool *dynamic)
{
    size_t mark;
    int type = tables_field(x, t, "feedback", &mark);
    int rc = 0;
    if (type == LUA_TNIL || tables_dynamic_here(x, dynamic))
        rc = 0;
    else if (type == LUA_TSTRING)
        rc = tables_copy_text(x, -1, &d->feedback);
    else if (type == LUA_TTABLE) {
        int ft = lua_gettop(x->L);
        rc = check_table(x, ft, d) || copy_table(x, ft, d) ? -1 : 0;
    } else
        rc = tables_fail(x, "expected a text, a table such as %s, or a function, got a %s",
                         FEEDBACK_SHAPE, tables_type_name(x->L, -1));
    tables_unfield(x, mark);
    return rc;
}
