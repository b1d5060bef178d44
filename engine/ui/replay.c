/* replay: actions rebuilt from a session log's records (see replay.h). */
#include "replay.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

static char *dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A rating 1-7, or 0 when null. */
static int rating_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valueint : 0;
}

/* ---- reading the records --------------------------------------------------- */

typedef struct records {
    cJSON **items;
    size_t n;
} records;

static void records_free(records *rs)
{
    for (size_t i = 0; i < rs->n; i++)
        cJSON_Delete(rs->items[i]);
    free(rs->items);
}

/* Every whole record of the file; a torn last line is left out, as every
 * reader of logs does. */
static int read_records(records *rs, const char *path, apperr *e)
{
    FILE *f = fopen(path, "r");
    memset(rs, 0, sizeof *rs);
    if (!f) {
        apperr_set(e, APPERR_INPUT, path, 0, "cannot read the log: %s", strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    int rc = 0, lineno = 0;
    while (rc == 0 && getline(&line, &cap, f) >= 0) {
        lineno++;
        cJSON *rec = cJSON_Parse(line);
        if (!rec)
            continue;
        cJSON **p = realloc(rs->items, (rs->n + 1) * sizeof *p);
        if (!p) {
            cJSON_Delete(rec);
            apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
            rc = -1;
            break;
        }
        rs->items = p;
        rs->items[rs->n++] = rec;
    }
    free(line);
    fclose(f);
    if (rc == 0 && (rs->n == 0 || !str_of(rs->items[0], "type") ||
                    strcmp(str_of(rs->items[0], "type"), "session_start") != 0)) {
        apperr_set(e, APPERR_INPUT, path, 1,
                   "not a session log: it does not begin with "
                   "session_start");
        rc = -1;
    }
    if (rc != 0)
        records_free(rs);
    return rc;
}

/* The seed exactly: a double would round seeds above 2^53. */
static unsigned long long seed_of(const cJSON *start)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(start, "seed");
    char *text = v ? cJSON_PrintUnformatted(v) : NULL;
    unsigned long long seed = text ? strtoull(text, NULL, 10) : 0;
    free(text);
    return seed;
}

static int read_start(replay_start *st, const cJSON *rec, const char *path, apperr *e)
{
    const char *file = str_of(rec, "case_file");
    if (!file) {
        apperr_set(e, APPERR_INPUT, path, 1, "session_start names no case_file");
        return -1;
    }
    st->case_file = dup_str(file);
    st->case_id = dup_str(str_of(rec, "case") ? str_of(rec, "case") : "");
    st->trainee = dup_str(str_of(rec, "trainee") ? str_of(rec, "trainee") : "anonymous");
    st->variant = dup_str(str_of(rec, "variant"));
    st->seed = seed_of(rec);
    snprintf(st->sha256, sizeof st->sha256, "%s",
             str_of(rec, "case_sha256") ? str_of(rec, "case_sha256") : "");
    if (!st->case_file || !st->case_id || !st->trainee) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

/* ---- building the steps ------------------------------------------------------ */

static int add_step(replay *r, action_kind kind, const char *node, const char *text, int value)
{
    replay_step *p = realloc(r->steps, (r->n + 1) * sizeof *p);
    if (!p)
        return -1;
    r->steps = p;
    replay_step *st = &r->steps[r->n++];
    memset(st, 0, sizeof *st);
    st->node = dup_str(node ? node : "");
    st->text = dup_str(text);
    st->action = (session_action){kind, NULL, value};
    return st->node && (!text || st->text) ? 0 : -1;
}

/* The decision record of node at or after index i. */
static const cJSON *decision_after(const records *rs, size_t i, const char *node)
{
    for (; i < rs->n; i++) {
        const char *type = str_of(rs->items[i], "type");
        const char *at = str_of(rs->items[i], "node");
        if (type && at && strcmp(type, "decision") == 0 && strcmp(at, node) == 0)
            return rs->items[i];
    }
    return NULL;
}

static int add_initial(replay *r, const cJSON *d, const char *node)
{
    const char *initial = str_of(d, "initial");
    int conf = rating_of(d, "initial_confidence");
    if (initial && add_step(r, ACT_CHOOSE, node, initial, 0) != 0)
        return -1;
    return conf && add_step(r, ACT_CONFIDENCE, node, NULL, conf) != 0 ? -1 : 0;
}

static int add_final(replay *r, const cJSON *d, const char *node)
{
    const char *final = str_of(d, "final"), *why = str_of(d, "rationale");
    int conf = rating_of(d, "final_confidence"), trust = rating_of(d, "trust");
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "timed_out")))
        return add_step(r, ACT_WAIT, node, NULL, 0);
    if (final && add_step(r, ACT_CHOOSE, node, final, 0) != 0)
        return -1;
    if (conf && add_step(r, ACT_CONFIDENCE, node, NULL, conf) != 0)
        return -1;
    if (trust && add_step(r, ACT_TRUST, node, NULL, trust) != 0)
        return -1;
    return why && add_step(r, ACT_RATIONALE, node, why, 0) != 0 ? -1 : 0;
}

/* One record's actions; *initial_done says whether the current visit's
 * initial choice has been placed (at its advice). */
static int add_record(replay *r, const records *rs, size_t i, const char **node, bool *initial_done)
{
    const cJSON *rec = rs->items[i];
    const char *type = str_of(rec, "type"), *at = str_of(rec, "node");
    if (!type)
        return 0;
    if (strcmp(type, "node") == 0) {
        *node = at;
        *initial_done = false;
        return 0;
    }
    if (strcmp(type, "view") == 0)
        return add_step(r, ACT_VIEW, at, str_of(rec, "what"), 0);
    if (strcmp(type, "advice_shown") == 0) {
        const char *timing = str_of(rec, "timing");
        if (timing && strcmp(timing, "on_request") == 0)
            return add_step(r, ACT_ASK, at, NULL, 0);
        const cJSON *d = at ? decision_after(rs, i, at) : NULL;
        if (!timing || strcmp(timing, "after_initial") != 0 || !d)
            return 0;
        *initial_done = true;
        return add_initial(r, d, at);
    }
    if (strcmp(type, "decision") == 0) {
        if (!*initial_done && add_initial(r, rec, at) != 0) /* timed out before the advice */
            return -1;
        *initial_done = true;
        return add_final(r, rec, at);
    }
    if (strcmp(type, "session_end") == 0 && str_of(rec, "status") &&
        strcmp(str_of(rec, "status"), "quit") == 0)
        return add_step(r, ACT_QUIT, *node, NULL, 0);
    return 0;
}

int replay_open(replay *r, const char *path, apperr *e)
{
    records rs;
    memset(r, 0, sizeof *r);
    if (read_records(&rs, path, e) != 0)
        return -1;
    int rc = read_start(&r->start, rs.items[0], path, e);
    const char *node = NULL;
    bool initial_done = false;
    for (size_t i = 1; rc == 0 && i < rs.n; i++)
        if (add_record(r, &rs, i, &node, &initial_done) != 0) {
            apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
            rc = -1;
        }
    for (size_t i = 0; i < r->n; i++)
        r->steps[i].action.text = r->steps[i].text;
    records_free(&rs);
    if (rc != 0)
        replay_close(r);
    return rc;
}

void replay_close(replay *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->steps[i].node);
        free(r->steps[i].text);
    }
    free(r->steps);
    free(r->start.case_file);
    free(r->start.case_id);
    free(r->start.trainee);
    free(r->start.variant);
    memset(r, 0, sizeof *r);
}

/* ---- playing ------------------------------------------------------------------- */

int replay_peek(const replay *r, const session *s, session_action *a)
{
    session_view v = session_view_now(s);
    if (v.status != SESSION_PLAYING || r->next >= r->n)
        return 0;
    const replay_step *st = &r->steps[r->next];
    if (v.step == STEP_CONTINUE || v.step == STEP_FEEDBACK) {
        /* Continue writes no record: it is due unless what comes next was
         * done here (a panel opened, leaving). */
        const char *here = v.node && v.node->id ? v.node->id : "";
        bool here_first = (st->action.kind == ACT_VIEW || st->action.kind == ACT_QUIT) &&
                          strcmp(st->node, here) == 0;
        if (!here_first) {
            *a = (session_action){ACT_CONTINUE, NULL, 0};
            return 1;
        }
    }
    *a = st->action;
    return 1;
}

void replay_advance(replay *r, const session_action *a)
{
    if (a->kind != ACT_CONTINUE && r->next < r->n)
        r->next++;
}

session_result replay_apply(session *s, const session_action *a, int64_t *t, apperr *e)
{
    if (a->kind != ACT_WAIT) {
        *t += 1000;
        return session_act(s, a, *t, e);
    }
    /* Whole seconds up to the deadline, as `wait N` in an inputs file. */
    int64_t deadline = session_view_now(s).deadline_ms;
    int64_t secs = deadline > *t ? (deadline - *t + 999) / 1000 : 1;
    *t += secs * 1000;
    return session_tick(s, *t, e);
}

int replay_all(replay *r, session *s, int64_t *t, apperr *e)
{
    session_action a;
    while (replay_peek(r, s, &a)) {
        session_result res = replay_apply(s, &a, t, e);
        if (res != SESSION_OK)
            return -1;
        replay_advance(r, &a);
    }
    return 0;
}
