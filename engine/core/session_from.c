/* session_from: --from and --set checked and applied (session_from.h). */
#include "session_from.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strbuf.h"
#include "vitals.h"

/* How many node ids an unknown --from lists before "…". */
#define NODES_LISTED 12

static bool is_name(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* A number as the format writes one: -12, 3.5, 1e3 (no hex, inf or nan). */
static bool read_number(const char *s, double *out)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
        return false;
    for (; *p; p++)
        if (!isdigit((unsigned char)*p) && !strchr(".eE+-", *p))
            return false;
    char *end;
    double x = strtod(s, &end);
    if (*end || !isfinite(x))
        return false;
    *out = x;
    return true;
}

static void read_value(char *value, case_setting *v)
{
    size_t n = strlen(value);
    if (read_number(value, &v->num)) {
        v->kind = CASE_SET_NUMBER;
    } else if (strcmp(value, "true") == 0 || strcmp(value, "false") == 0) {
        v->kind = CASE_SET_BOOL;
        v->flag = value[0] == 't';
    } else {
        v->kind = CASE_SET_TEXT;
        if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0]) {
            value[n - 1] = '\0';
            value++;
        }
        v->text = value;
    }
}

int session_setting_parse(const char *text, case_setting *v, char **own, apperr *e)
{
    memset(v, 0, sizeof *v);
    *own = mem_strdup(text ? text : "");
    if (!*own) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    char *key = *own, *eq = strchr(key, '=');
    if (!eq || eq == key) {
        apperr_set(e, APPERR_USAGE, NULL, 0,
                   "--set '%.200s': write KEY=VALUE, e.g. --set lactate_done=true or "
                   "--set vitals.hr=130",
                   text ? text : "");
        goto bad;
    }
    *eq = '\0';
    if (strncmp(key, "vitals.", 7) == 0) {
        v->vital = true;
        key += 7;
    }
    if (!is_name(key)) {
        apperr_set(e, APPERR_USAGE, NULL, 0,
                   "--set '%.200s': '%.100s' is not a name: KEY is a name of letters, digits "
                   "and _ (s.vars.KEY), or vitals.NAME",
                   text, key);
        goto bad;
    }
    v->key = key;
    read_value(eq + 1, v);
    return 0;
bad:
    mem_free(*own);
    *own = NULL;
    return -1;
}

/* A vital and its value as the format's vitals are checked (vitals_set). */
static int check_vital(const char *text, const case_setting *v, apperr *e)
{
    if (v->kind == CASE_SET_BOOL) {
        apperr_set(e, APPERR_USAGE, NULL, 0, "--set '%.200s': a vital is a number or text", text);
        return -1;
    }
    vitals tmp;
    vitals_init(&tmp);
    apperr why;
    apperr_clear(&why);
    int rc = vitals_set(&tmp, v->key, v->kind == CASE_SET_NUMBER, v->num, v->text, &why);
    vitals_free(&tmp);
    if (rc == 0)
        return 0;
    if (why.kind == APPERR_ENV)
        *e = why;
    else
        apperr_set(e, APPERR_USAGE, NULL, 0, "--set '%.200s': %s", text, why.msg);
    return -1;
}

static int unknown_node(const case_def *c, const char *id, apperr *e)
{
    strbuf list = STRBUF_INIT; /* out of memory: a shorter list, still a message */
    for (size_t i = 0; i < c->n_nodes && i < NODES_LISTED; i++)
        strbuf_addf(&list, "%s%s", i ? ", " : "", c->nodes[i].id);
    if (c->n_nodes > NODES_LISTED)
        strbuf_addf(&list, " and %zu more", c->n_nodes - NODES_LISTED);
    apperr_set(e, APPERR_USAGE, NULL, 0,
               "--from: unknown node '%.100s' (case %s has: %s); 'appraise graph %s' draws "
               "them all",
               id, c->id, strbuf_str(&list), c->file ? c->file : "CASE");
    strbuf_free(&list);
    return -1;
}

int session_from_check(const case_def *c, const session_from *f, apperr *e)
{
    if (f->node && !case_find_node(c, f->node))
        return unknown_node(c, f->node, e);
    if (f->n_sets > 0 && !c->driver->set) {
        apperr_set(e, APPERR_USAGE, NULL, 0, "--set: cases played by '%s' take no --set",
                   c->driver->name);
        return -1;
    }
    for (size_t i = 0; i < f->n_sets; i++) {
        case_setting v;
        char *own;
        if (session_setting_parse(f->sets[i], &v, &own, e) != 0)
            return -1;
        size_t klen = strcspn(f->sets[i], "=");
        for (size_t j = 0; j < i; j++) {
            if (strcspn(f->sets[j], "=") == klen && strncmp(f->sets[j], f->sets[i], klen) == 0) {
                apperr_set(e, APPERR_USAGE, NULL, 0,
                           "--set %.*s is given twice ('%s' and '%s'): give it once", (int)klen,
                           f->sets[i], f->sets[j], f->sets[i]);
                mem_free(own);
                return -1;
            }
        }
        int rc = v.vital ? check_vital(f->sets[i], &v, e) : 0;
        mem_free(own);
        if (rc != 0)
            return -1;
    }
    return 0;
}

int session_from_apply(const case_def *c, case_run *r, const session_from *f, apperr *e)
{
    for (size_t i = 0; i < f->n_sets; i++) {
        case_setting v;
        char *own;
        if (session_setting_parse(f->sets[i], &v, &own, e) != 0)
            return -1;
        int rc = c->driver->set(r, &v, e);
        mem_free(own);
        if (rc != 0)
            return -1;
    }
    return 0;
}
