#include "case_tables.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "utf8.h"
#include "mem.h"
#include "time_of_day.h"

/* ---- ids -------------------------------------------------------------------- */

static bool valid_id(const char *s, const char *extra)
{
    if (!s[0])
        return false;
    for (const char *p = s; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || strchr(extra, *p)))
            return false;
    return true;
}

/* ---- decisions ---------------------------------------------------------------- */

/* A node target: a node id, or a function (flag 1 in *fn). */
static int get_target(tables_ctx *x, int t, const char *key, char **id, int *fn, int *line)
{
    size_t mark;
    int type = tables_field(x, t, key, &mark);
    int rc = 0;
    *id = NULL;
    *fn = 0;
    if (line)
        *line = srcmap_line(x->map, x->path);
    if (type == LUA_TFUNCTION)
        *fn = 1;
    else if (type == LUA_TSTRING)
        rc = tables_copy_text(x, -1, id);
    else if (type != LUA_TNIL)
        rc = tables_fail(x, "expected a node id (a text) or a function, got a %s",
                         tables_type_name(x->L, -1));
    tables_unfield(x, mark);
    return rc;
}

static int read_option(tables_ctx *x, int t, case_option *o, bool *dynamic)
{
    t = lua_absindex(x->L, t);
    o->line = srcmap_line(x->map, x->path);
    if (lua_type(x->L, t) != LUA_TTABLE)
        return tables_fail(x,
                           "expected an option such as { id = \"wait\", label = \"Wait and "
                           "see\", next = \"later\" }, got a %s",
                           tables_type_name(x->L, t));
    if (tables_check_keys(x, t, CASE_LEVEL_OPTION) ||
        tables_get_string(x, t, "id", true, &o->id, NULL) ||
        tables_get_string(x, t, "label", true, &o->label, dynamic) ||
        get_target(x, t, "next", &o->next, &o->next_fn, NULL))
        return -1;
    if (!valid_id(o->id, "_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
        size_t mark = tables_path_push(x, "id");
        tables_fail(x, "option id '%s' may hold only letters, digits, '_', '-' and '.'", o->id);
        tables_path_pop(x, mark);
        return -1;
    }
    return 0;
}

static int read_options(tables_ctx *x, int t, case_decision *d, bool *dynamic)
{
    size_t mark;
    int has = tables_get_table(x, t, "options", &mark, dynamic);
    if (has < 0)
        return -1;
    if (has == 0) {
        if (*dynamic)
            return 0; /* options from a function */
        return tables_fail(x, "missing required key 'options' (the list of choices)");
    }
    long n = tables_list_length(x, "options");
    int rc = n < 0 ? -1 : 0;
    if (rc == 0 && n == 0)
        rc = tables_fail(x, "a decision needs at least one option");
    if (rc == 0 && !(d->options = mem_calloc((size_t)n, sizeof *d->options)))
        rc = tables_oom(x);
    for (long i = 1; rc == 0 && i <= n; i++) {
        size_t m2 = tables_path_push_index(x, i);
        lua_rawgeti(x->L, -1, i);
        rc = read_option(x, -1, &d->options[i - 1], dynamic);
        d->n_options++;
        for (long j = 0; rc == 0 && j < i - 1; j++)
            if (strcmp(d->options[j].id, d->options[i - 1].id) == 0)
                rc = tables_fail(x, "duplicate option id '%s' (also option %ld)",
                                 d->options[i - 1].id, j + 1);
        lua_pop(x->L, 1);
        tables_path_pop(x, m2);
    }
    tables_unfield(x, mark);
    return rc;
}

static int read_reasons(tables_ctx *x, int t, case_advice *a, bool *dynamic)
{
    size_t mark;
    int has = tables_get_table(x, t, "reasons", &mark, dynamic);
    if (has <= 0)
        return has;
    long n = tables_list_length(x, "reasons");
    int rc = n < 0 ? -1 : 0;
    if (rc == 0 && n > 0 && !(a->reasons = mem_calloc((size_t)n, sizeof *a->reasons)))
        rc = tables_oom(x);
    for (long i = 1; rc == 0 && i <= n; i++) {
        size_t m2 = tables_path_push_index(x, i);
        lua_rawgeti(x->L, -1, i);
        if (lua_type(x->L, -1) != LUA_TTABLE || lua_rawlen(x->L, -1) != 2) {
            rc = tables_fail(x, "expected a reason as { \"factor\", weight }, e.g. "
                                "{ \"Age 78\", 0.12 }");
        } else if (tables_plain(x, -1)) {
            rc = -1;
        } else {
            lua_rawgeti(x->L, -1, 1);
            lua_rawgeti(x->L, -2, 2);
            if (lua_type(x->L, -2) != LUA_TSTRING || lua_type(x->L, -1) != LUA_TNUMBER)
                rc = tables_fail(x, "expected a reason as { \"factor\", weight }: a text, then "
                                    "a number");
            else if ((rc = tables_copy_text(x, -2, &a->reasons[i - 1].factor)) == 0) {
                a->reasons[i - 1].weight = lua_tonumber(x->L, -1);
                a->n_reasons++;
            }
            lua_pop(x->L, 2);
        }
        lua_pop(x->L, 1);
        tables_path_pop(x, m2);
    }
    tables_unfield(x, mark);
    return rc;
}

static int read_tool_ref(tables_ctx *x, int t, case_advice *a, bool *dynamic)
{
    char *tool = NULL;
    if (tables_get_string(x, t, "tool", false, &tool, dynamic))
        return -1;
    if (!x->c || x->c->n_tools == 0) {
        if (tool) {
            size_t mark = tables_path_push(x, "tool");
            tables_fail(x, "tool '%s' is named, but the case has no ai table", tool);
            tables_path_pop(x, mark);
            mem_free(tool);
            return -1;
        }
        a->tool_index = -1;
        return 0;
    }
    if (!x->c->multi_tool) {
        if (tool && strcmp(tool, x->c->tools[0].name) != 0) {
            size_t mark = tables_path_push(x, "tool");
            tables_fail(x,
                        "tool '%s' is not the case's tool '%s' (with one tool, leave "
                        "tool out)",
                        tool, x->c->tools[0].name);
            tables_path_pop(x, mark);
            mem_free(tool);
            return -1;
        }
        mem_free(tool);
        a->tool_index = 0;
        return tables_copy_string(x, x->c->tools[0].name, &a->tool);
    }
    if (!tool) {
        bool dyn = tables_rawfield(x->L, t, "tool") == LUA_TFUNCTION;
        lua_pop(x->L, 1);
        if (dyn)
            return 0;
        return tables_fail(x, "missing required key 'tool': the case has several AI tools, "
                              "say which one advises here");
    }
    for (size_t i = 0; i < x->c->n_tools; i++)
        if (strcmp(tool, x->c->tools[i].key) == 0) {
            a->tool = tool;
            a->tool_index = (int)i;
            return 0;
        }
    size_t mark = tables_path_push(x, "tool");
    tables_fail(x, "tool '%s' is not one of the case's ai tools", tool);
    tables_path_pop(x, mark);
    mem_free(tool);
    return -1;
}

/* The index of word among names (NULL-terminated: key's words in the order
 * of their enum) into *out; -1 with an error naming them all when it is
 * none of them. */
static int read_word(tables_ctx *x, const char *key, const char *word, const char *const *names,
                     int *out)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(word, names[i]) == 0) {
            *out = i;
            return 0;
        }
    strbuf list = STRBUF_INIT; /* out of memory: a shorter list, still a message */
    for (int i = 0; names[i]; i++) {
        strbuf_adds(&list, i ? ", " : "");
        strbuf_adds(&list, names[i]);
    }
    size_t mark = tables_path_push(x, key);
    tables_fail(x, "%s '%s' is not one of %s", key, word, strbuf_str(&list));
    tables_path_pop(x, mark);
    strbuf_free(&list);
    return -1;
}

static int read_advice(tables_ctx *x, int t, case_advice *a, bool *dynamic)
{
    char *timing = NULL;
    bool has_conf = false;
    int rc = 0;
    a->present = true;
    a->tool_index = -1;
    if (tables_check_keys(x, t, CASE_LEVEL_ADVICE) || read_tool_ref(x, t, a, dynamic) ||
        tables_get_string(x, t, "recommend", true, &a->recommend, dynamic) ||
        tables_get_number(x, t, "confidence", false, 0, 1, false, &a->confidence, &has_conf,
                          dynamic) ||
        tables_get_string(x, t, "message", false, &a->message, dynamic) ||
        read_reasons(x, t, a, dynamic) ||
        tables_get_string(x, t, "timing", false, &timing, dynamic) ||
        tables_get_string(x, t, "source", false, &a->source, dynamic))
        rc = -1;
    a->has_confidence = has_conf;
    if (rc == 0 && !a->source && (!*dynamic || x->resolved) && !(a->source = mem_strdup("AI")))
        rc = tables_oom(x);
    int when = TIMING_AFTER_INITIAL;
    if (rc == 0 && timing)
        rc = read_word(x, "timing", timing, advice_timing_names, &when);
    a->timing = (advice_timing)when;
    mem_free(timing);
    return rc;
}

static int read_ask(tables_ctx *x, int t, case_decision *d)
{
    char *rationale = NULL;
    int rc = 0;
    if (tables_check_keys(x, t, CASE_LEVEL_ASK) || tables_get_bool(x, t, "trust", &d->ask_trust) ||
        tables_get_bool(x, t, "confidence", &d->ask_confidence) ||
        tables_get_string(x, t, "rationale", false, &rationale, NULL))
        return -1;
    int ask = d->ask_rationale;
    if (rationale)
        rc = read_word(x, "rationale", rationale, rationale_ask_names, &ask);
    d->ask_rationale = (rationale_ask)ask;
    mem_free(rationale);
    return rc;
}

static int read_decision(tables_ctx *x, int t, case_decision *d, bool *dynamic)
{
    size_t mark;
    int has;
    bool has_limit = false;
    if (tables_check_keys(x, t, CASE_LEVEL_DECISION) ||
        tables_get_string(x, t, "prompt", false, &d->prompt, dynamic) ||
        read_options(x, t, d, dynamic) || tables_get_strlist(x, t, "best", &d->best, dynamic) ||
        tables_get_number(x, t, "time_limit", false, 1, 86400, false, &d->time_limit, &has_limit,
                          dynamic) ||
        get_target(x, t, "on_timeout", &d->on_timeout, &d->on_timeout_fn, &d->on_timeout_line) ||
        tables_read_feedback(x, t, d, dynamic) ||
        get_target(x, t, "next", &d->next, &d->next_fn, NULL))
        return -1;
    if ((has = tables_get_table(x, t, "advice", &mark, dynamic)) < 0)
        return -1;
    if (has) {
        int rc = read_advice(x, lua_gettop(x->L), &d->advice, dynamic);
        tables_unfield(x, mark);
        if (rc)
            return -1;
    }
    if ((has = tables_get_table(x, t, "ask", &mark, dynamic)) < 0)
        return -1;
    if (has) {
        int rc = read_ask(x, lua_gettop(x->L), d);
        tables_unfield(x, mark);
        if (rc)
            return -1;
    }
    bool advice_given = tables_rawfield(x->L, t, "advice") != LUA_TNIL;
    bool best_given = tables_rawfield(x->L, t, "best") != LUA_TNIL;
    bool limit_given = tables_rawfield(x->L, t, "time_limit") != LUA_TNIL;
    lua_pop(x->L, 3);
    if (advice_given && !best_given)
        return tables_fail(x, "advice is given but 'best' is missing: list the options an "
                              "expert panel accepts, e.g. best = { \"sepsis6\" }");
    if (limit_given && !d->on_timeout && !d->on_timeout_fn)
        return tables_fail(x, "time_limit needs on_timeout: the node to go to when time runs "
                              "out");
    if (!limit_given && (d->on_timeout || d->on_timeout_fn))
        return tables_fail(x, "on_timeout is given without a time_limit");
    return 0;
}

/* ---- nodes ------------------------------------------------------------------------- */

static int read_ending(tables_ctx *x, int t, case_ending *en, bool *dynamic)
{
    char *outcome = NULL;
    if (tables_check_keys(x, t, CASE_LEVEL_ENDING) ||
        tables_get_string(x, t, "outcome", true, &outcome, dynamic) ||
        tables_get_string(x, t, "summary", false, &en->summary, dynamic)) {
        mem_free(outcome);
        return -1;
    }
    int rc = 0, which = en->outcome;
    if (outcome)
        rc = read_word(x, "outcome", outcome, case_outcome_names, &which);
    en->outcome = (case_outcome)which;
    mem_free(outcome);
    return rc;
}

/* Checks the plain-table parts of a node's entry effects (vitals, results,
 * set); functions are called on entry. */
static int check_entry_effects(tables_ctx *x, int t, bool *effects_dynamic)
{
    size_t mark;
    int has = tables_get_table(x, t, "vitals", &mark, effects_dynamic);
    if (has < 0)
        return -1;
    if (has) {
        vitals v;
        vitals_init(&v);
        int rc = tables_read_vitals(x, lua_gettop(x->L), &v);
        vitals_free(&v);
        tables_unfield(x, mark);
        if (rc)
            return -1;
    }
    case_result *res = NULL;
    size_t n = 0;
    int rc = tables_read_results(x, t, "results", &res, &n, effects_dynamic);
    for (size_t i = 0; i < n; i++)
        case_result_free(&res[i]);
    mem_free(res);
    if (rc)
        return -1;
    has = tables_get_table(x, t, "set", &mark, effects_dynamic);
    if (has > 0)
        tables_unfield(x, mark);
    double elapsed;
    if (has < 0 ||
        tables_get_number(x, t, "elapsed", false, 0, 1e7, false, &elapsed, NULL, effects_dynamic))
        return -1;
    int type = tables_rawfield(x->L, t, "on_enter");
    lua_pop(x->L, 1);
    if (type != LUA_TNIL && type != LUA_TFUNCTION) {
        mark = tables_path_push(x, "on_enter");
        tables_fail(x, "expected a function(s) … end, got a %s", lua_typename(x->L, type));
        tables_path_pop(x, mark);
        return -1;
    }
    return 0;
}

int tables_read_node(tables_ctx *x, int t, const char *id, case_node *n)
{
    lua_State *L = x->L;
    bool dynamic = false, effects = false;
    size_t mark;
    t = lua_absindex(L, t);
    n->file = (char *)x->file;
    n->line = srcmap_line(x->map, x->path);
    if (tables_copy_string(x, id, &n->id))
        return -1;
    if (lua_type(L, t) != LUA_TTABLE)
        return tables_fail(x, "expected a node table { text = …, … }, got a %s",
                           tables_type_name(L, t));
    if (tables_check_keys(x, t, CASE_LEVEL_NODE) || check_entry_effects(x, t, &effects) ||
        tables_get_string(x, t, "title", false, &n->title, &dynamic) ||
        tables_get_string(x, t, "text", true, &n->text, &dynamic) ||
        tables_get_string(x, t, "debrief", false, &n->debrief, &dynamic) ||
        tables_read_image(x, t, &n->image, &dynamic))
        return -1;
    double elapsed = 0;
    if (tables_rawfield(L, t, "elapsed") == LUA_TNUMBER)
        elapsed = lua_tonumber(L, -1);
    lua_pop(L, 1);
    n->elapsed = elapsed;

    int kinds = 0;
    const char *which[3] = {"decision", "next", "ending"};
    for (int i = 0; i < 3; i++) {
        kinds += tables_rawfield(L, t, which[i]) != LUA_TNIL;
        lua_pop(L, 1);
    }
    if (kinds != 1)
        return tables_fail(x, kinds == 0 ? "a node needs one of decision, next or ending"
                                         : "a node has exactly one of decision, next or "
                                           "ending, not several");
    int has = tables_get_table(x, t, "decision", &mark, &dynamic);
    if (has < 0)
        return -1;
    bool decision = tables_rawfield(L, t, "decision") != LUA_TNIL;
    lua_pop(L, 1);
    if (has) {
        int rc = read_decision(x, lua_gettop(L), &n->decision, &dynamic);
        tables_unfield(x, mark);
        if (rc)
            return -1;
    }
    bool ending = tables_rawfield(L, t, "ending") != LUA_TNIL;
    lua_pop(L, 1);
    if (ending) {
        n->kind = NODE_ENDING;
        if ((has = tables_get_table(x, t, "ending", &mark, &dynamic)) < 0)
            return -1;
        if (has) {
            int rc = read_ending(x, lua_gettop(L), &n->ending, &dynamic);
            tables_unfield(x, mark);
            if (rc)
                return -1;
        }
    } else if (decision) {
        n->kind = NODE_DECISION;
    } else {
        n->kind = NODE_NARRATIVE;
        if (get_target(x, t, "next", &n->next, &n->next_fn, NULL))
            return -1;
    }
    n->dynamic = dynamic;
    return 0;
}

/* ---- cross-references --------------------------------------------------------------- */

static int check_target(tables_ctx *x, const char *key, const char *target)
{
    if (!target || !x->c || case_find_node(x->c, target))
        return 0;
    size_t mark = tables_path_push(x, key);
    tables_fail(x, "%s '%s' names no node", key, target);
    tables_path_pop(x, mark);
    return -1;
}

static int check_option_ref(tables_ctx *x, const case_decision *d, const char *key, const char *id)
{
    if (!id || d->n_options == 0 || case_find_option(d, id))
        return 0;
    strbuf list = STRBUF_INIT; /* out of memory: a shorter list, still a message */
    case_options_join(d, &list);
    size_t mark = tables_path_push(x, key);
    tables_fail(x, "'%s' is not an option of this decision (options: %s)", id, strbuf_str(&list));
    tables_path_pop(x, mark);
    strbuf_free(&list);
    return -1;
}

int tables_check_node_refs(tables_ctx *x, const case_node *n)
{
    if (n->kind == NODE_NARRATIVE)
        return check_target(x, "next", n->next);
    if (n->kind != NODE_DECISION)
        return 0;
    const case_decision *d = &n->decision;
    size_t mark = tables_path_push(x, "decision");
    int rc = check_target(x, "next", d->next) || check_target(x, "on_timeout", d->on_timeout);
    for (size_t i = 0; rc == 0 && i < d->n_options; i++) {
        size_t m2 = tables_path_push(x, "options");
        tables_path_push_index(x, (long)i + 1);
        rc = check_target(x, "next", d->options[i].next);
        if (rc == 0 && !d->options[i].next && !d->options[i].next_fn && !d->next && !d->next_fn)
            rc = tables_fail(x,
                             "option '%s' leads nowhere: give it next = \"node\", or give "
                             "the decision a next",
                             d->options[i].id);
        tables_path_pop(x, m2);
    }
    for (size_t i = 0; rc == 0 && i < d->best.n; i++)
        rc = check_option_ref(x, d, "best", d->best.items[i]);
    if (rc == 0 && d->advice.present) {
        size_t m2 = tables_path_push(x, "advice");
        rc = check_option_ref(x, d, "recommend", d->advice.recommend);
        tables_path_pop(x, m2);
    }
    tables_path_pop(x, mark);
    return rc ? -1 : 0;
}

/* ---- the case table ------------------------------------------------------------------ */

/* early_warning: "news2" (the default) or "none". */
static int read_early_warning(tables_ctx *x, int t, case_def *c)
{
    char *word = NULL;
    if (tables_get_string(x, t, "early_warning", false, &word, NULL))
        return -1;
    int which = EARLY_WARNING_NEWS2;
    int rc = word ? read_word(x, "early_warning", word, case_early_warning_names, &which) : 0;
    c->early_warning = (case_early_warning)which;
    mem_free(word);
    return rc;
}

/* start_time: the time of day at the start node, "HH:MM"; none when not given. */
static int read_start_time(tables_ctx *x, int t, case_def *c)
{
    char *text = NULL;
    if (tables_get_string(x, t, "start_time", false, &text, NULL))
        return -1;
    int rc = 0;
    c->has_start_time = text != NULL;
    if (text && !time_of_day_parse(text, &c->start_time)) {
        size_t mark = tables_path_push(x, "start_time");
        tables_fail(x, "start_time '%s' is not a time of day: write it as " TIME_OF_DAY_FORM, text);
        tables_path_pop(x, mark);
        rc = -1;
    }
    mem_free(text);
    return rc;
}

/* Reads the table t[key] with read(x, its index, out) when it is given
 * (nil: nothing to read); -1 with an error when it is not a table. */
static int read_sub(tables_ctx *x, int t, const char *key, int (*read)(tables_ctx *, int, void *),
                    void *out)
{
    size_t mark;
    int has = tables_get_table(x, t, key, &mark, NULL);
    if (has <= 0)
        return has;
    int rc = read(x, lua_gettop(x->L), out);
    tables_unfield(x, mark);
    return rc;
}

static int read_patient(tables_ctx *x, int pt, void *out)
{
    case_patient *p = out;
    int rc = tables_check_keys(x, pt, CASE_LEVEL_PATIENT) ||
             tables_get_string(x, pt, "name", false, &p->name, NULL) ||
             tables_get_number(x, pt, "age", false, 0, 130, false, &p->age, &p->has_age, NULL) ||
             tables_get_string(x, pt, "sex", false, &p->sex, NULL) ||
             tables_get_string(x, pt, "setting", false, &p->setting, NULL) ||
             tables_get_string(x, pt, "complaint", false, &p->complaint, NULL) ||
             tables_get_strlist(x, pt, "history", &p->history, NULL) ||
             tables_get_strlist(x, pt, "medications", &p->medications, NULL) ||
             tables_get_strlist(x, pt, "allergies", &p->allergies, NULL);
    return rc ? -1 : 0;
}

/* Orders measures, tools and nodes by their key or id, their first member
 * (a pointer to a struct points to its first member too). */
static int key_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}
_Static_assert(offsetof(case_kv, key) == 0 && offsetof(case_tool, key) == 0 &&
                   offsetof(case_node, id) == 0,
               "key_cmp sorts by the first member");

static int read_performance(tables_ctx *x, int pt, void *out)
{
    case_tool *tool = out;
    size_t cap = 0;
    int rc = 0;
    lua_pushnil(x->L);
    while (rc == 0 && lua_next(x->L, pt)) {
        if (lua_type(x->L, -2) != LUA_TSTRING || lua_type(x->L, -1) != LUA_TNUMBER) {
            rc = tables_fail(x, "expected measures as { sensitivity = 0.82, … }");
            lua_pop(x->L, 2);
            break;
        }
        case_kv *grown = mem_grow(tool->performance, &cap, tool->n_performance + 1, sizeof *grown);
        if (!grown) {
            lua_pop(x->L, 2);
            rc = tables_oom(x);
            break;
        }
        tool->performance = grown;
        case_kv *kv = &tool->performance[tool->n_performance];
        if (tables_copy_text(x, -2, &kv->key)) {
            lua_pop(x->L, 2);
            rc = -1;
            break;
        }
        kv->value = lua_tonumber(x->L, -1);
        tool->n_performance++;
        lua_pop(x->L, 1);
    }
    if (tool->performance)
        qsort(tool->performance, tool->n_performance, sizeof *tool->performance, key_cmp);
    return rc;
}

static int read_tool(tables_ctx *x, int t, case_tool *tool)
{
    t = lua_absindex(x->L, t);
    if (lua_type(x->L, t) != LUA_TTABLE)
        return tables_fail(x, "expected a tool's model card { name = …, … }, got a %s",
                           tables_type_name(x->L, t));
    return tables_check_keys(x, t, CASE_LEVEL_TOOL) ||
                   tables_get_string(x, t, "name", true, &tool->name, NULL) ||
                   tables_get_string(x, t, "version", false, &tool->version, NULL) ||
                   tables_get_string(x, t, "kind", false, &tool->kind, NULL) ||
                   tables_get_string(x, t, "intended_use", false, &tool->intended_use, NULL) ||
                   read_sub(x, t, "performance", read_performance, tool) ||
                   tables_get_string(x, t, "trained_on", false, &tool->trained_on, NULL) ||
                   tables_get_strlist(x, t, "limitations", &tool->limitations, NULL)
               ? -1
               : 0;
}

static int read_tools(tables_ctx *x, int at, void *out)
{
    case_def *c = out;
    int rc = 0;
    bool single = tables_rawfield(x->L, at, "name") != LUA_TNIL;
    lua_pop(x->L, 1);
    if (single) {
        c->tools = mem_calloc(1, sizeof *c->tools);
        c->n_tools = 1;
        return c->tools ? read_tool(x, at, &c->tools[0]) : tables_oom(x);
    }
    c->multi_tool = true;
    size_t count = 0;
    lua_pushnil(x->L);
    while (lua_next(x->L, at)) {
        count++;
        lua_pop(x->L, 1);
    }
    if (count == 0)
        return tables_fail(x, "ai is empty: give the tool's name, or several tools by key");
    if (!(c->tools = mem_calloc(count, sizeof *c->tools)))
        return tables_oom(x);
    lua_pushnil(x->L);
    while (rc == 0 && lua_next(x->L, at)) {
        bool text = lua_type(x->L, -2) == LUA_TSTRING;
        if (text && tables_check_text(x, -2, "a tool's key")) {
            rc = -1;
            lua_pop(x->L, 2);
            break;
        }
        if (!text || !valid_id(lua_tostring(x->L, -2), "_-")) {
            rc = tables_fail(x, "with several tools, ai = { key = { name = … }, … } with keys "
                                "of a-z, 0-9, _ and -; or give the one tool's name");
            lua_pop(x->L, 2);
            break;
        }
        case_tool *tool = &c->tools[c->n_tools++];
        if (tables_copy_text(x, -2, &tool->key)) {
            rc = -1;
            lua_pop(x->L, 2);
            break;
        }
        size_t m2 = tables_path_push(x, tool->key);
        rc = read_tool(x, -1, tool);
        tables_path_pop(x, m2);
        lua_pop(x->L, 1);
        if (rc)
            lua_pop(x->L, 1);
    }
    if (rc == 0)
        qsort(c->tools, c->n_tools, sizeof *c->tools, key_cmp);
    return rc;
}

/* The key at -2 of a nodes table is a node id: 0, or -1 with an error. */
static int check_node_key(tables_ctx *x)
{
    lua_State *L = x->L;
    if (lua_type(L, -2) != LUA_TSTRING)
        return tables_fail(x, "node id '%s' may hold only a-z, 0-9 and _", tables_type_name(L, -2));
    if (tables_check_text(x, -2, "a node id"))
        return -1;
    const char *id = lua_tostring(L, -2);
    if (valid_id(id, "_"))
        return 0;
    /* Well-formed UTF-8 by now: cut it on a character boundary. */
    char shown[200];
    size_t n = utf8_prefix(id, strlen(id), 40);
    memcpy(shown, id, n);
    shown[n] = '\0';
    return tables_fail(x, "node id '%s' may hold only a-z, 0-9 and _", shown);
}

static int read_nodes(tables_ctx *x, int t, case_def *c)
{
    size_t mark;
    int has = tables_get_table(x, t, "nodes", &mark, NULL);
    if (has < 0)
        return -1;
    if (has == 0)
        return tables_fail(x, "missing required key 'nodes' (the table of the case's nodes)");
    int nt = lua_gettop(x->L);
    size_t count = 0;
    lua_pushnil(x->L);
    while (lua_next(x->L, nt)) {
        count++;
        lua_pop(x->L, 1);
    }
    int rc = 0;
    if (count == 0)
        rc = tables_fail(x, "nodes is empty");
    if (rc == 0 && !(c->nodes = mem_calloc(count, sizeof *c->nodes)))
        rc = tables_oom(x);
    lua_pushnil(x->L);
    while (rc == 0 && lua_next(x->L, nt)) {
        if (check_node_key(x)) {
            lua_pop(x->L, 2);
            rc = -1;
            break;
        }
        size_t m2 = tables_path_push(x, lua_tostring(x->L, -2));
        rc = tables_read_node(x, -1, lua_tostring(x->L, -2), &c->nodes[c->n_nodes]);
        c->n_nodes++;
        tables_path_pop(x, m2);
        lua_pop(x->L, 1);
        if (rc)
            lua_pop(x->L, 1);
    }
    tables_unfield(x, mark);
    if (rc)
        return -1;
    qsort(c->nodes, c->n_nodes, sizeof *c->nodes, key_cmp);
    x->c = c;
    mark = tables_path_push(x, "nodes");
    for (size_t i = 0; rc == 0 && i < c->n_nodes; i++) {
        size_t m2 = tables_path_push(x, c->nodes[i].id);
        rc = tables_check_node_refs(x, &c->nodes[i]);
        tables_path_pop(x, m2);
    }
    tables_path_pop(x, mark);
    return rc;
}

static int read_variants(tables_ctx *x, int t, case_def *c)
{
    if (tables_get_strlist(x, t, "variants", &c->variants, NULL))
        return -1;
    for (size_t i = 0; i < c->variants.n; i++) {
        size_t mark = tables_path_push(x, "variants");
        tables_path_push_index(x, (long)i + 1);
        int rc = 0;
        if (!valid_id(c->variants.items[i], "_-"))
            rc = tables_fail(x, "variant '%s' may hold only a-z, 0-9, _ and -",
                             c->variants.items[i]);
        for (size_t j = 0; rc == 0 && j < i; j++)
            if (strcmp(c->variants.items[i], c->variants.items[j]) == 0)
                rc = tables_fail(x, "variant '%s' is listed twice", c->variants.items[i]);
        tables_path_pop(x, mark);
        if (rc)
            return -1;
    }
    return 0;
}

int tables_read_case(tables_ctx *x, int t, case_def *c)
{
    x->images_to = c;
    double format = 1;
    bool has_format = false;
    t = lua_absindex(x->L, t);
    x->path[0] = '\0';
    x->c = c; /* tools are read before nodes, which name them */
    /* format first: a newer case must say so before any key it uses confuses us. */
    if (tables_get_number(x, t, "format", false, 1, 1e9, true, &format, &has_format, NULL))
        return -1;
    if (format > CASE_FORMAT_MAX) {
        size_t mark = tables_path_push(x, "format");
        tables_fail(x,
                    "this case is written in format %g, but this engine reads formats up "
                    "to %d; update Appraise",
                    format, CASE_FORMAT_MAX);
        tables_path_pop(x, mark);
        return -1;
    }
    c->format = (int)format;
    if (tables_check_keys(x, t, CASE_LEVEL_CASE) ||
        tables_get_string(x, t, "id", true, &c->id, NULL))
        return -1;
    if (!valid_id(c->id, "-") || c->id[0] == '-') {
        size_t mark = tables_path_push(x, "id");
        tables_fail(x, "case id '%s' must start with a-z or 0-9 and hold only a-z, 0-9 and -",
                    c->id);
        tables_path_pop(x, mark);
        return -1;
    }
    bool has_minutes;
    size_t mark;
    if (tables_get_string(x, t, "version", true, &c->version, NULL) ||
        tables_get_string(x, t, "title", true, &c->title, NULL) ||
        tables_get_string(x, t, "summary", false, &c->summary, NULL) ||
        tables_get_strlist(x, t, "objectives", &c->objectives, NULL) ||
        tables_get_strlist(x, t, "authors", &c->authors, NULL) ||
        tables_get_strlist(x, t, "references", &c->references, NULL) ||
        tables_get_strlist(x, t, "tags", &c->tags, NULL) ||
        tables_get_number(x, t, "minutes", false, 0, 1440, false, &c->minutes, &has_minutes,
                          NULL) ||
        read_early_warning(x, t, c) || read_start_time(x, t, c) || read_variants(x, t, c) ||
        read_sub(x, t, "patient", read_patient, &c->patient) ||
        read_sub(x, t, "ai", read_tools, c) ||
        tables_read_results(x, t, "results", &c->results, &c->n_results, NULL) ||
        tables_get_string(x, t, "start", true, &c->start, NULL))
        return -1;
    int has = tables_get_table(x, t, "vitals", &mark, NULL);
    if (has < 0)
        return -1;
    if (has) {
        int rc = tables_read_vitals(x, lua_gettop(x->L), &c->vitals);
        tables_unfield(x, mark);
        if (rc)
            return -1;
    }
    if (read_nodes(x, t, c))
        return -1;
    if (!case_find_node(c, c->start)) {
        mark = tables_path_push(x, "start");
        tables_fail(x, "start '%s' names no node", c->start);
        tables_path_pop(x, mark);
        return -1;
    }
    return 0;
}
