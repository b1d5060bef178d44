/* walk: every path of a case, played through the session API (walk.h).
 *
 * Per variant the walk is a depth-first search over decision states. The
 * root stands for session_open; every other state is a decision waiting for
 * its choice. Each state has one edge per branch: to a state (new or
 * merged), or an end (an ending, a failure, a loop of narrative nodes, a
 * bound). A new state's first branch is taken in the session that reached
 * it; its other branches replay a path to it in a fresh session (sessions
 * cannot be forked), except at a plain-future state, where they are read
 * from the case (advance_plain).
 *
 * After each round of search, shortest paths are found over the state
 * graph (walk_analysis.c). A state first reached beyond max_depth is not
 * expanded; if a shorter path to it turns up, it is searched again from
 * there, so "too long" means that even the shortest path to it is. What the
 * finished graph says (counts, traps, findings' paths, nodes not reached)
 * is walk_analysis.c's. */
#include "walk.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "case_driver.h"
#include "session.h"
#include "walk_analysis.h"
#include "walk_internal.h"

#define RATING 4 /* the confidence and trust the walk gives */

/* ---- interned strings: option ids outlive the sessions that saw them ---- */

static uint64_t fnv64(const void *data, size_t n, uint64_t h)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#define FNV64_INIT 0xcbf29ce484222325ULL

static int pool_grow(pool *p)
{
    size_t n_slots = p->n_slots ? p->n_slots * 2 : 64;
    uint32_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < p->n; i++) {
        size_t h = fnv64(p->items[i], strlen(p->items[i]), FNV64_INIT) & (n_slots - 1);
        while (slots[h])
            h = (h + 1) & (n_slots - 1);
        slots[h] = (uint32_t)i + 1;
    }
    free(p->slots);
    p->slots = slots;
    p->n_slots = n_slots;
    return 0;
}

/* The pool's copy of s and its index in *idx; NULL when out of memory. */
static const char *pool_intern(pool *p, const char *s, uint32_t *idx)
{
    if ((p->n + 1) * 2 > p->n_slots && pool_grow(p) != 0)
        return NULL;
    size_t h = fnv64(s, strlen(s), FNV64_INIT) & (p->n_slots - 1);
    for (; p->slots[h]; h = (h + 1) & (p->n_slots - 1)) {
        const char *have = p->items[p->slots[h] - 1];
        if (strcmp(have, s) == 0) {
            if (idx)
                *idx = p->slots[h] - 1;
            return have;
        }
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        char **items = realloc(p->items, cap * sizeof *items);
        if (!items)
            return NULL;
        p->items = items;
        p->cap = cap;
    }
    char *copy = strdup(s);
    if (!copy)
        return NULL;
    p->items[p->n] = copy;
    p->slots[h] = (uint32_t)p->n + 1;
    if (idx)
        *idx = (uint32_t)p->n;
    p->n++;
    return copy;
}

static void pool_free(pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
    free(p->slots);
}

/* ---- the result and its findings ---------------------------------------- */

static void path_free(walk_path *p)
{
    free(p->steps);
    p->steps = NULL;
    p->n = 0;
}

void walk_finding_free(walk_finding *f)
{
    free(f->file);
    free(f->message);
    path_free(&f->path);
}

/* Whether two findings are one: the same kind at the same place. */
static bool same_finding(const walk_finding *a, const walk_finding *b)
{
    return a->kind == b->kind && a->line == b->line && a->node == b->node &&
           strcmp(a->file, b->file) == 0 && (a->line > 0 || strcmp(a->message, b->message) == 0);
}

/* Adds f (taking what it owns) unless it is already there; a second sighting
 * with a shorter path keeps the shorter path. Returns -1 when out of memory. */
int walk_add_finding(result_impl *r, walk_finding *f)
{
    for (size_t i = 0; i < r->pub.n_findings; i++) {
        walk_finding *have = &r->pub.findings[i];
        if (!same_finding(have, f))
            continue;
        if (f->has_path && (!have->has_path || f->path.n < have->path.n)) {
            walk_path keep = have->path;
            have->path = f->path;
            have->has_path = true;
            f->path = keep;
        }
        walk_finding_free(f);
        return 0;
    }
    if (r->pub.n_findings == r->cap_findings) {
        size_t cap = r->cap_findings ? r->cap_findings * 2 : 16;
        walk_finding *nf = realloc(r->pub.findings, cap * sizeof *nf);
        if (!nf) {
            walk_finding_free(f);
            return -1;
        }
        r->pub.findings = nf;
        r->cap_findings = cap;
    }
    r->pub.findings[r->pub.n_findings++] = *f;
    return 0;
}

/* ---- one variant's search ------------------------------------------------- */

void walk_set_oom(walker *w)
{
    if (!w->fatal)
        apperr_set(&w->fatal_e, APPERR_ENV, NULL, 0, "out of memory");
    w->fatal = true;
}

static const case_node *node_at(const walker *w, int i)
{
    return i >= 0 ? &w->c->nodes[i] : NULL;
}

const char *walk_node_file(const walker *w, int i)
{
    const case_node *n = node_at(w, i);
    return n && n->file ? n->file : w->c->file;
}

/* The steps of the path that ends with edge x (x itself included). */
int walk_path_of_edge(walker *w, uint32_t x, walk_path *out)
{
    memset(out, 0, sizeof *out);
    out->variant = w->v->name;
    size_t n = 0;
    for (uint32_t e = x; e != NONE; e = w->st[w->ed[e].from].parent_edge)
        n += w->ed[e].option != OPT_START;
    if (n == 0)
        return 0;
    out->steps = calloc(n, sizeof *out->steps);
    if (!out->steps) {
        walk_set_oom(w);
        return -1;
    }
    out->n = n;
    for (uint32_t e = x; e != NONE; e = w->st[w->ed[e].from].parent_edge) {
        const wedge *d = &w->ed[e];
        if (d->option == OPT_START)
            continue;
        const wstate *from = &w->st[d->from];
        walk_step *s = &out->steps[--n];
        s->node = from->node;
        s->kind = d->option == OPT_TIMEOUT ? WALK_TIMEOUT : WALK_CHOOSE;
        s->option = d->option >= 0 ? from->options[d->option] : NULL;
    }
    return 0;
}

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    void *np = realloc(*p, c * size);
    if (!np)
        return -1;
    *p = np;
    *cap = c;
    return 0;
}

/* Notes that edge x meets finding f (taking what it owns). */
static void sight(walker *w, walk_finding *f, uint32_t x)
{
    size_t k = 0;
    while (k < w->n_pend && !same_finding(&w->pend[k].f, f))
        k++;
    if (k == w->n_pend) {
        if (grow((void **)&w->pend, &w->cap_pend, w->n_pend, sizeof *w->pend) != 0) {
            walk_finding_free(f);
            walk_set_oom(w);
            return;
        }
        w->pend[w->n_pend++].f = *f;
    } else {
        walk_finding_free(f);
    }
    if (grow((void **)&w->seen, &w->cap_seen, w->n_seen, sizeof *w->seen) != 0) {
        walk_set_oom(w);
        return;
    }
    w->seen[w->n_seen++] = (sighting){(uint32_t)k, x};
}

/* Adds a finding: with x NONE at once and without a path; else met on edge
 * x, and given the shortest path of the edges it is met on once the search
 * is over (place_findings). */
void walk_report(walker *w, walk_finding_kind kind, bool error, const char *file, int line,
                 int node, uint32_t x, const char *msg)
{
    walk_finding f;
    memset(&f, 0, sizeof f);
    f.kind = kind;
    f.error = error;
    f.line = line;
    f.node = node;
    f.file = strdup(file ? file : w->c->file);
    f.message = strdup(msg);
    if (!f.file || !f.message) {
        walk_finding_free(&f);
        walk_set_oom(w);
        return;
    }
    if (x != NONE)
        sight(w, &f, x);
    else if (walk_add_finding(w->r, &f) != 0)
        walk_set_oom(w);
}

/* ---- moves the walk saw, for the map ------------------------------------- */

static uint64_t move_key(int from, walk_step_kind kind, uint32_t option, int to)
{
    return ((uint64_t)(uint32_t)from << 42) ^ ((uint64_t)kind << 40) ^ ((uint64_t)option << 20) ^
           (uint64_t)(uint32_t)to;
}

static bool move_seen(walker *w, uint64_t key)
{
    if ((w->n_moves + 1) * 2 > w->n_moves_slots) {
        size_t n = w->n_moves_slots ? w->n_moves_slots * 2 : 64;
        uint64_t *slots = calloc(n, sizeof *slots);
        if (!slots) {
            walk_set_oom(w);
            return true;
        }
        for (size_t i = 0; i < w->n_moves_slots; i++) {
            uint64_t k = w->moves[i];
            if (!k)
                continue;
            size_t h = fnv64(&k, sizeof k, FNV64_INIT) & (n - 1);
            while (slots[h])
                h = (h + 1) & (n - 1);
            slots[h] = k;
        }
        free(w->moves);
        w->moves = slots;
        w->n_moves_slots = n;
    }
    uint64_t k = key + 1;
    size_t h = fnv64(&k, sizeof k, FNV64_INIT) & (w->n_moves_slots - 1);
    for (; w->moves[h]; h = (h + 1) & (w->n_moves_slots - 1))
        if (w->moves[h] == k)
            return true;
    w->moves[h] = k;
    w->n_moves++;
    return false;
}

/* Edge x entered node n: it is visited, and x is a way to it. */
static void note_visit(walker *w, int n, uint32_t x)
{
    walk_variant *v = w->v;
    if (!v->visited[n]) {
        v->visited[n] = true;
        v->nodes_visited++;
    }
    if (grow((void **)&w->entries, &w->cap_entries, w->n_entries, sizeof *w->entries) != 0) {
        walk_set_oom(w);
        return;
    }
    w->entries[w->n_entries++] = (entry){(uint32_t)n, x};
}

/* The session entered node `to` by prev on edge x: note the visit and the
 * move. */
static void note_entry(walker *w, const walk_step *prev, int to, uint32_t x)
{
    walk_variant *v = w->v;
    note_visit(w, to, x);
    if (prev->node < 0)
        return;
    uint32_t opt = 0;
    if (prev->option && !pool_intern(&w->r->strings, prev->option, &opt)) {
        walk_set_oom(w);
        return;
    }
    if (move_seen(w, move_key(prev->node, prev->kind, opt, to)))
        return;
    if (v->n_edges % 64 == 0) {
        walk_edge *ne = realloc(v->edges, (v->n_edges + 64) * sizeof *ne);
        if (!ne) {
            walk_set_oom(w);
            return;
        }
        v->edges = ne;
    }
    walk_edge *e = &v->edges[v->n_edges++];
    e->via = *prev;
    e->via.option = prev->option ? w->r->strings.items[opt] : NULL;
    e->to = to;
}

/* ---- acting on the session ------------------------------------------------ */

/* One action, 1 s after the last (as `run` does). A case failure leaves the
 * session ended with status error and w->err saying why. */
static int act(walker *w, action_kind kind, const char *text, int value)
{
    session_action a = {kind, text, value};
    apperr e;
    w->t += 1000;
    session_result r = session_act(w->s, &a, w->t, &e);
    if (r == SESSION_OK)
        return 0;
    if (r == SESSION_FAILED) {
        w->err = e;
        return 0;
    }
    if (r == SESSION_REJECTED) {
        w->err = e;
        w->rejected = true;
        return -1;
    }
    w->fatal = true;
    w->fatal_e = e;
    return -1;
}

/* Takes branch `option` of the decision the session waits at (state st). */
static int take_branch(walker *w, const wstate *st, int option, bool ask)
{
    session_view v = session_view_now(w->s);
    if (option == OPT_TIMEOUT) {
        apperr e;
        if (v.deadline_ms < 0)
            return -1;
        w->t = v.deadline_ms > w->t ? v.deadline_ms : w->t;
        session_result r = session_tick(w->s, w->t, &e);
        if (r == SESSION_FAILED)
            w->err = e;
        else if (r != SESSION_OK) {
            w->fatal = true;
            w->fatal_e = e;
            return -1;
        }
        return 0;
    }
    const char *id = st->options[option];
    if (v.step == STEP_CHOOSE_INITIAL && act(w, ACT_CHOOSE, id, 0) != 0)
        return -1;
    if (session_view_now(w->s).step == STEP_CONFIDENCE_INITIAL &&
        act(w, ACT_CONFIDENCE, NULL, RATING) != 0)
        return -1;
    if (ask && session_view_now(w->s).can_ask && act(w, ACT_ASK, NULL, 0) != 0)
        return -1;
    if (session_view_now(w->s).step == STEP_CHOOSE_FINAL && act(w, ACT_CHOOSE, id, 0) != 0)
        return -1;
    for (;;) {
        v = session_view_now(w->s);
        if (v.status != SESSION_PLAYING)
            return 0;
        int rc;
        if (v.step == STEP_CONFIDENCE_FINAL)
            rc = act(w, ACT_CONFIDENCE, NULL, RATING);
        else if (v.step == STEP_TRUST)
            rc = act(w, ACT_TRUST, NULL, RATING);
        else if (v.step == STEP_RATIONALE)
            rc = act(w, ACT_RATIONALE, "check", 0);
        else if (v.step == STEP_FEEDBACK)
            rc = act(w, ACT_CONTINUE, NULL, 0);
        else
            return 0;
        if (rc != 0)
            return -1;
    }
}

static int open_session(walker *w)
{
    session_opts o = {.trainee = "check",
                      .variant = w->v->name,
                      .seed = 1,
                      .mode = "run",
                      .session_id = "00000000-0000-4000-8000-000000000000",
                      .engine_version = APPRAISE_VERSION,
                      .host_os = "check",
                      .log = NULL};
    apperr e;
    session_close(w->s);
    w->s = NULL;
    w->t = 0;
    w->rejected = false;
    session_result r = session_open(&w->s, w->c, &o, 0, &e);
    if (r == SESSION_OK)
        return 0;
    if (r == SESSION_FAILED) {
        w->err = e;
        return 0;
    }
    w->fatal = true;
    w->fatal_e = e;
    return -1;
}

/* ---- where the session stops ---------------------------------------------- */

typedef struct stop {
    edge_kind kind;
    int node;    /* the decision, ending or node at fault */
    int outcome; /* E_ENDING */
} stop;

/* The node a step leads to when the case says so without a function. */
static int static_target(const walker *w, const walk_step *prev)
{
    const case_node *n = node_at(w, prev->node);
    const char *to = NULL;
    if (!n)
        to = w->c->start;
    else if (prev->kind == WALK_CONTINUE)
        to = n->next;
    else if (prev->kind == WALK_TIMEOUT)
        to = n->decision.on_timeout;
    else if (n->kind == NODE_DECISION) {
        const case_option *o = case_find_option(&n->decision, prev->option);
        if (o && (o->next || o->next_fn))
            to = o->next;
        else
            to = n->decision.next;
    }
    return to ? (int)case_node_index(w->c, to) : -1;
}

/* The session ended with an error: report it where the case is at fault. */
static stop failed(walker *w, uint32_t x, const session_view *v, const walk_step *prev)
{
    const apperr *e = &w->err;
    int node = v->node ? (int)case_node_index(w->c, v->node->id) : -1;
    if (!v->node) { /* entering the next node failed: it was reached all the same */
        node = static_target(w, prev);
        if (node >= 0 && x != NONE)
            note_visit(w, node, x);
    }
    if (node < 0)
        node = prev->node;
    if (x != NONE) {
        char msg[1400];
        if (e->line == 0 && e->where[0] && strncmp(e->msg, "at ", 3) != 0)
            snprintf(msg, sizeof msg, "at %s: %s", e->where, e->msg);
        else
            snprintf(msg, sizeof msg, "%s", e->msg[0] ? e->msg : "the case failed");
        const char *file = e->file[0] ? e->file : walk_node_file(w, node);
        int line = e->line > 0 ? e->line : node >= 0 ? w->c->nodes[node].line : 0;
        walk_report(w, WALK_CASE_FAILED, true, file, line, node, x, msg);
    }
    return (stop){E_FAILED, node, 0};
}

/* A step the session refused: the walk and the session disagree. */
static stop refused(walker *w, uint32_t x, int node)
{
    if (x != NONE) {
        char msg[1400];
        snprintf(msg, sizeof msg, "the walk could not play this path: %s", w->err.msg);
        walk_report(w, WALK_CASE_FAILED, true, walk_node_file(w, node),
                    node >= 0 ? w->c->nodes[node].line : 0, node, x, msg);
    }
    return (stop){E_FAILED, node, 0};
}

static stop narrative_loop(walker *w, uint32_t x, int node)
{
    if (x != NONE) {
        char msg[600];
        snprintf(msg, sizeof msg,
                 "node '%s' comes round again through narrative nodes only: Continue never "
                 "leads to a decision or an ending",
                 w->c->nodes[node].id);
        walk_report(w, WALK_NO_WAY_OUT, true, walk_node_file(w, node), w->c->nodes[node].line, node,
                    x, msg);
    }
    return (stop){E_LOOP, node, 0};
}

/* Where no function lies ahead, loops are seen by node alone, so a path
 * past the bound is long, not endless: a warning that the rest is not
 * explored. Elsewhere `s` may change each time round: an error. */
static stop narrative_too_long(walker *w, uint32_t x, int node)
{
    w->r->cut_narrative = w->max_narrative;
    if (x != NONE) {
        char msg[600];
        const char *id = w->c->nodes[node].id;
        bool plain = w->future_plain[node];
        if (plain)
            snprintf(msg, sizeof msg,
                     "node '%s' and what follows are not explored (bound %zu reached): the walk "
                     "stops a path that goes on for more than %zu narrative steps in a row "
                     "without a decision or an ending",
                     id, w->max_narrative, w->max_narrative);
        else
            snprintf(msg, sizeof msg,
                     "more than %zu narrative steps in a row from node '%s' without a decision "
                     "or an ending (does it loop?)",
                     w->max_narrative, id);
        walk_report(w, plain ? WALK_BOUND : WALK_TOO_LONG, !plain, walk_node_file(w, node),
                    w->c->nodes[node].line, node, x, msg);
    }
    return (stop){E_TOO_LONG, node, 0};
}

/* Plays on from the session's current point through narrative nodes until
 * a decision waits, an ending is reached or the case fails. x is the edge
 * being discovered (visits and moves are noted, findings reported), NONE
 * when replaying. */
static stop advance(walker *w, uint32_t x, walk_step prev)
{
    size_t steps = 0;
    w->stamp_now++;
    for (;;) {
        session_view v = session_view_now(w->s);
        if (w->fatal)
            return (stop){E_FAILED, prev.node, 0};
        if (v.status == SESSION_ERROR)
            return failed(w, x, &v, &prev);
        if (!v.node)
            return refused(w, x, prev.node);
        int ni = (int)case_node_index(w->c, v.node->id);
        if (ni < 0)
            return refused(w, x, prev.node);
        if (x != NONE)
            note_entry(w, &prev, ni, x);
        if (v.status == SESSION_COMPLETE)
            return (stop){E_ENDING, ni, (int)v.node->ending.outcome};
        if (v.step == STEP_CHOOSE_INITIAL || v.step == STEP_CHOOSE_FINAL)
            return (stop){E_STATE, ni, 0};
        if (v.step != STEP_CONTINUE || v.status != SESSION_PLAYING)
            return refused(w, x, ni);
        if (w->future_plain[ni] && w->stamp[ni] == w->stamp_now)
            return narrative_loop(w, x, ni);
        w->stamp[ni] = w->stamp_now;
        if (++steps > w->max_narrative)
            return narrative_too_long(w, x, ni);
        prev = (walk_step){WALK_CONTINUE, ni, NULL};
        if (act(w, ACT_CONTINUE, NULL, 0) != 0)
            return w->fatal ? (stop){E_FAILED, ni, 0} : refused(w, x, ni);
    }
}

/* Where prev leads when the future is plain, read from the case itself:
 * no function can make playing it differ, so no replay is needed. */
static stop advance_plain(walker *w, uint32_t x, walk_step prev)
{
    size_t steps = 0;
    w->stamp_now++;
    for (;;) {
        int ni = static_target(w, &prev);
        if (ni < 0) {
            apperr_set(&w->err, APPERR_INPUT, NULL, 0, "no node follows");
            return refused(w, x, prev.node);
        }
        const case_node *n = &w->c->nodes[ni];
        note_entry(w, &prev, ni, x);
        if (n->kind == NODE_ENDING)
            return (stop){E_ENDING, ni, (int)n->ending.outcome};
        if (n->kind == NODE_DECISION)
            return (stop){E_STATE, ni, 0};
        if (w->stamp[ni] == w->stamp_now)
            return narrative_loop(w, x, ni);
        w->stamp[ni] = w->stamp_now;
        if (++steps > w->max_narrative)
            return narrative_too_long(w, x, ni);
        prev = (walk_step){WALK_CONTINUE, ni, NULL};
    }
}

/* ---- states ----------------------------------------------------------------- */

typedef struct keyer {
    struct sha256_ctx h;
} keyer;

static void key_str(keyer *k, const char *s)
{
    size_t n = s ? strlen(s) + 1 : 1;
    sha256_update(&k->h, n, (const uint8_t *)(s ? s : ""));
}

/* What of a resolved decision shapes the paths from it. */
static void key_decision(keyer *k, const case_decision *d)
{
    for (size_t i = 0; i < d->n_options; i++) {
        key_str(k, d->options[i].id);
        key_str(k, d->options[i].next);
        key_str(k, d->options[i].next_fn ? "fn" : "");
    }
    key_str(k, "|");
    key_str(k, d->next);
    key_str(k, d->next_fn ? "fn" : "");
    key_str(k, d->time_limit > 0 ? "limit" : "");
    key_str(k, d->on_timeout);
    key_str(k, d->on_timeout_fn ? "fn" : "");
    for (size_t i = 0; i < d->best.n; i++)
        key_str(k, d->best.items[i]);
    key_str(k, d->advice.present ? d->advice.recommend : "");
    key_str(k, d->advice.present ? advice_timing_name(d->advice.timing) : "");
}

/* The state key: the node alone where nothing ahead is a function, else the
 * node, the resolved decision and the whole session state. */
static int state_key(walker *w, int ni, const case_node *resolved, uint8_t out[16])
{
    keyer k;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&k.h);
    key_str(&k, w->future_plain[ni] ? "plain" : "state");
    key_str(&k, w->c->nodes[ni].id);
    if (!w->future_plain[ni]) {
        uint8_t s[CASE_STATE_KEY_SIZE];
        apperr e;
        key_decision(&k, &resolved->decision);
        if (session_state_key(w->s, s, &e) != 0) {
            if (e.kind == APPERR_ENV) {
                w->fatal = true;
                w->fatal_e = e;
                return -1;
            }
            /* A state that cannot be read is its own: never merged. */
            key_str(&k, "unreadable");
            sha256_update(&k.h, sizeof w->n_st, (const uint8_t *)&w->n_st);
        } else {
            key_str(&k, "s");
            sha256_update(&k.h, sizeof s, s);
        }
    }
    sha256_digest(&k.h, sizeof digest, digest);
    memcpy(out, digest, 16);
    return 0;
}

static int slots_grow(walker *w)
{
    size_t n = w->n_slots ? w->n_slots * 2 : 256;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 1; i < w->n_st; i++) {
        uint64_t h;
        memcpy(&h, w->st[i].key, sizeof h);
        size_t j = h & (n - 1);
        while (slots[j])
            j = (j + 1) & (n - 1);
        slots[j] = (uint32_t)i + 1;
    }
    free(w->slots);
    w->slots = slots;
    w->n_slots = n;
    return 0;
}

/* The state with this key, or NONE; *slot is where a new one would go. */
static uint32_t state_find(const walker *w, const uint8_t key[16], size_t *slot)
{
    uint64_t h;
    memcpy(&h, key, sizeof h);
    size_t j = h & (w->n_slots - 1);
    for (; w->slots[j]; j = (j + 1) & (w->n_slots - 1))
        if (memcmp(w->st[w->slots[j] - 1].key, key, 16) == 0)
            return w->slots[j] - 1;
    *slot = j;
    return NONE;
}

static wstate *state_push(walker *w)
{
    if (w->n_st == w->cap_st) {
        size_t cap = w->cap_st ? w->cap_st * 2 : 64;
        wstate *ns = realloc(w->st, cap * sizeof *ns);
        if (!ns) {
            walk_set_oom(w);
            return NULL;
        }
        w->st = ns;
        w->cap_st = cap;
    }
    wstate *s = &w->st[w->n_st++];
    memset(s, 0, sizeof *s);
    s->parent_edge = NONE;
    s->first_edge = NONE;
    return s;
}

/* Notes what a new state says about the case: advice without debrief, and
 * whether the AI is right. */
static void note_decision(walker *w, uint32_t x, int ni, const case_node *resolved)
{
    const case_decision *d = &resolved->decision;
    if (!d->advice.present)
        return;
    result_impl *r = w->r;
    r->advised_states++;
    r->right_states += case_is_best(d, d->advice.recommend);
    if (!resolved->debrief || !resolved->debrief[0]) {
        char msg[600];
        snprintf(msg, sizeof msg,
                 "decision '%s' gives advice but has no debrief text: say what the trainee "
                 "should have noticed",
                 resolved->id);
        walk_report(w, WALK_NO_DEBRIEF, false, walk_node_file(w, ni), w->c->nodes[ni].line, ni, x,
                    msg);
    }
}

/* Fills a new state's branches from the resolved decision. */
static int state_fill(walker *w, wstate *s, const case_node *resolved)
{
    const case_decision *d = &resolved->decision;
    s->n_options = (uint32_t)d->n_options;
    s->options = d->n_options ? calloc(d->n_options, sizeof *s->options) : NULL;
    if (d->n_options && !s->options)
        return -1;
    for (size_t i = 0; i < d->n_options; i++)
        if (!(s->options[i] = pool_intern(&w->r->strings, d->options[i].id, NULL)))
            return -1;
    s->timeout = d->time_limit > 0;
    s->on_request = d->advice.present && d->advice.timing == TIMING_ON_REQUEST;
    s->advised = d->advice.present;
    s->ai_right = d->advice.present && case_is_best(d, d->advice.recommend);
    return 0;
}

/* Edge x reached a decision of node ni, as resolved (the session's view of
 * it, or the case's own node for a plain future): the state it is in,
 * merged or new (or the bound that stops it). */
static stop reach_state(walker *w, uint32_t x, int ni, const case_node *resolved)
{
    uint8_t key[16];
    size_t slot = 0;
    if (state_key(w, ni, resolved, key) != 0)
        return (stop){E_FAILED, ni, 0};
    uint32_t j = state_find(w, key, &slot);
    if (j != NONE)
        return (stop){E_STATE, (int)j, 0};
    const wedge *in = &w->ed[x];
    uint32_t depth = in->option == OPT_START ? 0 : w->st[in->from].depth + 1;
    if (w->n_st > w->max_states) {
        w->v->bound_hit = true;
        return (stop){E_CUT, ni, 0};
    }
    if ((w->n_st + 2) * 2 > w->n_slots) {
        if (slots_grow(w) != 0) {
            walk_set_oom(w);
            return (stop){E_FAILED, ni, 0};
        }
        state_find(w, key, &slot);
    }
    wstate *s = state_push(w);
    if (!s)
        return (stop){E_FAILED, ni, 0};
    memcpy(s->key, key, 16);
    s->node = ni;
    s->parent_edge = x;
    s->depth = depth;
    s->deep = depth > w->max_depth;
    j = (uint32_t)(w->n_st - 1);
    w->fresh = j;
    w->slots[slot] = j + 1;
    if (state_fill(w, s, resolved) != 0) {
        walk_set_oom(w);
        return (stop){E_FAILED, ni, 0};
    }
    note_decision(w, x, ni, resolved);
    return (stop){E_STATE, (int)j, 0};
}

/* ---- expanding a state -------------------------------------------------------- */

/* Replays the path to state i in a new session; 0 when it waits there. */
static int replay(walker *w, uint32_t i)
{
    size_t n = 0;
    for (uint32_t e = w->st[i].parent_edge; e != NONE; e = w->st[w->ed[e].from].parent_edge)
        w->path_buf[n++] = e;
    if (open_session(w) != 0)
        return -1;
    stop at = advance(w, NONE, (walk_step){WALK_CONTINUE, -1, NULL});
    while (n-- > 0) {
        const wedge *d = &w->ed[w->path_buf[n]];
        if (d->option == OPT_START)
            continue;
        const wstate *from = &w->st[d->from];
        if (at.kind != E_STATE || at.node != from->node)
            return -1;
        if (take_branch(w, from, d->option, false) != 0)
            return -1;
        at = advance(w, NONE,
                     (walk_step){d->option == OPT_TIMEOUT ? WALK_TIMEOUT : WALK_CHOOSE, from->node,
                                 d->option >= 0 ? from->options[d->option] : NULL});
    }
    return at.kind == E_STATE && at.node == w->st[i].node ? 0 : -1;
}

/* The branches of state i: its options in order, then the time limit
 * running out when it has one; the root's one branch opens the session. */
static uint32_t n_branches(const walker *w, uint32_t i)
{
    const wstate *s = &w->st[i];
    return i == 0 ? 1 : s->n_options + (s->timeout ? 1 : 0);
}

/* Takes branch b of state i and records where it leads in its edge. The
 * session is replayed to i unless it waits there already (live). */
static void explore(walker *w, uint32_t i, uint32_t b, bool live)
{
    uint32_t x = w->st[i].first_edge + b;
    const wstate *from = &w->st[i];
    int option = i == 0 ? OPT_START : b < from->n_options ? (int)b : OPT_TIMEOUT;
    /* Asking for on_request advice changes nothing a case function sees:
     * it is asked before every other option, the first included (the first
     * branch is always played in a session), so both ways are played. */
    bool ask = from->on_request && option >= 0 && b % 2 == 0;
    walk_step prev = {WALK_CONTINUE, -1, NULL};
    stop at;
    bool plain = option != OPT_START && !live && w->future_plain[from->node];
    w->ed[x].from = i;
    w->ed[x].option = option;
    w->fresh = NONE;
    if (plain) {
        prev.node = from->node;
        prev.kind = option == OPT_TIMEOUT ? WALK_TIMEOUT : WALK_CHOOSE;
        prev.option = option >= 0 ? from->options[option] : NULL;
        at = advance_plain(w, x, prev);
    } else if (option == OPT_START) {
        at = open_session(w) == 0 ? advance(w, x, prev) : (stop){E_FAILED, -1, 0};
    } else if (!live && replay(w, i) != 0) {
        if (w->fatal)
            return;
        w->r->any_diverged = true;
        char msg[1400];
        snprintf(msg, sizeof msg,
                 "the case does not play the same way twice along this path (is state kept "
                 "outside s, in a global or an upvalue?)%s%s",
                 w->rejected ? ": " : "", w->rejected ? w->err.msg : "");
        walk_report(w, WALK_CASE_FAILED, true, walk_node_file(w, from->node),
                    w->c->nodes[from->node].line, from->node, x, msg);
        at = (stop){E_FAILED, from->node, 0};
    } else {
        prev.node = from->node;
        prev.kind = option == OPT_TIMEOUT ? WALK_TIMEOUT : WALK_CHOOSE;
        prev.option = option >= 0 ? from->options[option] : NULL;
        at = take_branch(w, from, option, ask) == 0 || !w->rejected ? advance(w, x, prev)
                                                                    : refused(w, x, from->node);
    }
    if (w->fatal)
        return;
    if (at.kind == E_STATE)
        at =
            reach_state(w, x, at.node, plain ? &w->c->nodes[at.node] : session_view_now(w->s).node);
    w->fresh_live = !plain;
    if (at.kind == E_ENDING && at.outcome >= 0 && at.outcome < 3)
        w->outcomes[at.node] |= (uint8_t)(1u << at.outcome);
    wedge *e = &w->ed[x];
    e->kind = (uint8_t)at.kind;
    e->to = at.node >= 0 ? (uint32_t)at.node : NONE;
    e->outcome = (uint8_t)at.outcome;
}

/* Gives state i its edges, one per branch, side by side. */
static int reserve_edges(walker *w, uint32_t i)
{
    uint32_t n = n_branches(w, i);
    while (w->n_ed + n > w->cap_ed) {
        size_t cap = w->cap_ed ? w->cap_ed * 2 : 256;
        wedge *ne = realloc(w->ed, cap * sizeof *ne);
        if (!ne)
            return -1;
        w->ed = ne;
        w->cap_ed = cap;
    }
    w->st[i].first_edge = (uint32_t)w->n_ed;
    w->st[i].n_edges = n;
    for (uint32_t k = 0; k < n; k++) {
        wedge *e = &w->ed[w->n_ed + k];
        memset(e, 0, sizeof *e);
        e->from = i;
        e->kind = E_FAILED;
    }
    w->n_ed += n;
    return 0;
}

static int push_state(walker *w, uint32_t i)
{
    if (grow((void **)&w->stack, &w->cap_stack, w->n_stack, sizeof *w->stack) != 0)
        return -1;
    w->stack[w->n_stack++] = i;
    return 0;
}

/* Depth first from the states on the stack: a new state's first branch is
 * taken in the session that just reached it, so only the others replay. */
static void search(walker *w)
{
    uint32_t live = NONE;
    while (w->n_stack > 0 && !w->fatal) {
        uint32_t i = w->stack[w->n_stack - 1];
        wstate *s = &w->st[i];
        if (!s->deep && s->cursor == 0 && s->n_edges == 0 && reserve_edges(w, i) != 0) {
            walk_set_oom(w);
            return;
        }
        if (s->deep || s->cursor >= s->n_edges) {
            w->n_stack--;
            continue;
        }
        uint32_t b = s->cursor++;
        explore(w, i, b, live == i);
        live = NONE;
        if (w->fresh != NONE && !w->st[w->fresh].deep) {
            live = w->fresh_live ? w->fresh : NONE;
            if (push_state(w, w->fresh) != 0)
                walk_set_oom(w);
        }
    }
}

static void walker_free(walker *w)
{
    session_close(w->s);
    for (size_t i = 0; i < w->n_st; i++)
        free(w->st[i].options);
    free(w->st);
    free(w->ed);
    free(w->slots);
    free(w->moves);
    free(w->stamp);
    free(w->outcomes);
    free(w->path_buf);
    free(w->stack);
    for (size_t k = 0; k < w->n_pend; k++)
        walk_finding_free(&w->pend[k].f);
    free(w->pend);
    free(w->seen);
    free(w->entries);
    free(w->dist);
}

/* Deep states a shorter path reaches within the bound go back on the stack;
 * returns how many. */
static size_t undeepen(walker *w)
{
    size_t n = 0;
    for (uint32_t i = 1; i < w->n_st && !w->fatal; i++) {
        wstate *s = &w->st[i];
        if (!s->deep || w->dist[i] > w->max_depth)
            continue;
        s->deep = false;
        if (push_state(w, i) != 0)
            walk_set_oom(w);
        n++;
    }
    return n;
}

/* Walks one variant into v: search, then shortest paths; states that only
 * a long way reached are searched again from the short way, until none is. */
static int walk_variant_run(walker *w)
{
    walk_variant *v = w->v;
    size_t n_nodes = w->c->n_nodes;
    v->visited = calloc(n_nodes ? n_nodes : 1, sizeof *v->visited);
    w->stamp = calloc(n_nodes ? n_nodes : 1, sizeof *w->stamp);
    w->outcomes = calloc(n_nodes ? n_nodes : 1, 1);
    w->path_buf = malloc((w->max_depth + 2) * sizeof *w->path_buf);
    if (!v->visited || !w->stamp || !w->outcomes || !w->path_buf || slots_grow(w) != 0 ||
        !state_push(w) || push_state(w, 0) != 0) {
        walk_set_oom(w);
        return -1;
    }
    w->st[0].node = -1;
    do {
        search(w);
        if (!w->fatal && walk_analysis_shortest_paths(w) != 0)
            walk_set_oom(w);
    } while (!w->fatal && undeepen(w) > 0);
    session_close(w->s);
    w->s = NULL;
    if (w->fatal)
        return -1;
    v->states = w->n_st - 1;
    /* By the outcome as resolved in play: it may be a function. */
    for (size_t i = 0; i < n_nodes; i++)
        for (int k = 0; k < 3; k++)
            v->endings_reached[k] += (w->outcomes[i] >> k) & 1u;
    return walk_analysis_variant(w);
}

/* ---- the whole case ------------------------------------------------------------ */

static void successors_plain(const case_def *c, const case_node *n, const bool *plain, bool *ok)
{
    const char *targets[3] = {NULL, NULL, NULL};
    if (n->kind == NODE_NARRATIVE)
        targets[0] = n->next;
    if (n->kind == NODE_DECISION) {
        targets[0] = n->decision.next;
        targets[1] = n->decision.on_timeout;
        for (size_t i = 0; i < n->decision.n_options && *ok; i++) {
            const char *to =
                n->decision.options[i].next ? n->decision.options[i].next : n->decision.next;
            long j = to ? case_node_index(c, to) : -1;
            *ok = j >= 0 && plain[j];
        }
    }
    for (int k = 0; k < 2 && *ok; k++) {
        long j = targets[k] ? case_node_index(c, targets[k]) : -1;
        if (targets[k])
            *ok = j >= 0 && plain[j];
    }
}

/* Per node: whether entering it and everything that can follow involves no
 * Lua function. Plain nodes have only static targets, so this is the
 * greatest set of plain nodes closed under their targets. */
static bool *future_plain(const case_def *c, apperr *e)
{
    bool *p = calloc(c->n_nodes ? c->n_nodes : 1, sizeof *p);
    if (!p) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < c->n_nodes; i++) {
        const case_node *n = &c->nodes[i];
        apperr ignored;
        if (n->dynamic || !c->driver->node_plain ||
            c->driver->node_plain(c, n->id, &p[i], &ignored) != 0)
            p[i] = false;
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < c->n_nodes; i++) {
            if (!p[i])
                continue;
            bool ok = true;
            successors_plain(c, &c->nodes[i], p, &ok);
            if (!ok) {
                p[i] = false;
                changed = true;
            }
        }
    }
    return p;
}

static int pick_variants(result_impl *r, const case_def *c, const char *only, apperr *e)
{
    size_t n = c->variants.n ? c->variants.n : 1;
    r->pub.variants = calloc(n, sizeof *r->pub.variants);
    if (!r->pub.variants) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    if (!only) {
        for (size_t i = 0; i < c->variants.n; i++)
            r->pub.variants[i].name = c->variants.items[i];
        r->pub.n_variants = n;
        return 0;
    }
    r->pub.variants[0].name = session_find_variant(c, only, e);
    r->pub.n_variants = r->pub.variants[0].name ? 1 : 0;
    return r->pub.variants[0].name ? 0 : -1;
}

static int finding_cmp(const void *a, const void *b)
{
    const walk_finding *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

void walk_free(walk_result *pub)
{
    if (!pub)
        return;
    result_impl *r = (result_impl *)pub;
    for (size_t i = 0; i < pub->n_findings; i++)
        walk_finding_free(&pub->findings[i]);
    free(pub->findings);
    for (size_t i = 0; i < pub->n_variants; i++) {
        walk_variant *v = &pub->variants[i];
        for (size_t k = 0; v->node_paths && k < pub->c->n_nodes; k++)
            path_free(&v->node_paths[k]);
        free(v->node_paths);
        free(v->visited);
        free(v->edges);
    }
    free(pub->variants);
    if (r->have_first_advised)
        path_free(&r->first_advised.path);
    pool_free(&r->strings);
    free(r);
}

static size_t or_default(size_t v, size_t def)
{
    return v ? v : def;
}

int walk_case(const case_def *c, const walk_opts *o, walk_result **out, apperr *e)
{
    walk_opts none;
    memset(&none, 0, sizeof none);
    if (!o)
        o = &none;
    *out = NULL;
    apperr_clear(e);
    result_impl *r = calloc(1, sizeof *r);
    if (!r) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    r->pub.c = c;
    bool *plain = NULL;
    if (pick_variants(r, c, o->variant, e) != 0 || !(plain = future_plain(c, e))) {
        walk_free(&r->pub);
        return -1;
    }
    walker w;
    int rc = 0;
    for (size_t k = 0; k < r->pub.n_variants && rc == 0; k++) {
        memset(&w, 0, sizeof w);
        w.c = c;
        w.r = r;
        w.v = &r->pub.variants[k];
        w.future_plain = plain;
        w.max_states = or_default(o->max_states, WALK_MAX_STATES_DEFAULT);
        w.max_depth = or_default(o->max_depth, WALK_MAX_DEPTH_DEFAULT);
        w.max_narrative = or_default(o->max_narrative, WALK_MAX_NARRATIVE_DEFAULT);
        rc = walk_variant_run(&w);
        if (rc == 0)
            rc = k + 1 == r->pub.n_variants ? walk_analysis_cross_variant(r, &w) : 0;
        if (rc != 0)
            *e = w.fatal_e;
        walker_free(&w);
    }
    free(plain);
    if (rc != 0) {
        walk_free(&r->pub);
        return -1;
    }
    if (r->pub.n_findings > 1)
        qsort(r->pub.findings, r->pub.n_findings, sizeof *r->pub.findings, finding_cmp);
    for (size_t i = 0; i < r->pub.n_findings; i++) {
        if (r->pub.findings[i].error)
            r->pub.n_errors++;
        else
            r->pub.n_warnings++;
    }
    *out = &r->pub;
    return 0;
}

/* ---- text ------------------------------------------------------------------------ */

static bool same_step(const walk_step *a, const walk_step *b)
{
    return a->kind == b->kind && a->node == b->node && a->option == b->option;
}

const char *walk_path_format(const walk_result *r, const walk_path *p, char *buf, size_t size)
{
    size_t used = 0;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (p->n == 0) {
        snprintf(buf, size, "(the start)");
        return buf;
    }
    /* A step repeated round a loop is written once with its count. */
    for (size_t i = 0; i < p->n && used < size;) {
        const walk_step *s = &p->steps[i];
        size_t run = 1;
        while (i + run < p->n && same_step(s, &p->steps[i + run]))
            run++;
        const char *id = s->node >= 0 ? r->c->nodes[s->node].id : "?";
        int n = snprintf(buf + used, size - used, "%s%s=%s", i ? " \xe2\x86\x92 " : "", id,
                         s->kind == WALK_TIMEOUT ? "(timeout)"
                         : s->option             ? s->option
                                                 : "?");
        if (n >= 0 && run > 1 && used + (size_t)n < size)
            n += snprintf(buf + used + n, size - used - (size_t)n, " \xc3\x97%zu", run);
        if (n < 0)
            break;
        used += (size_t)n;
        i += run;
    }
    return buf;
}

const char *walk_finding_kind_name(walk_finding_kind k)
{
    switch (k) {
    case WALK_UNREACHABLE:
        return "unreachable";
    case WALK_NO_WAY_OUT:
        return "no_way_out";
    case WALK_TOO_LONG:
        return "too_long";
    case WALK_CASE_FAILED:
        return "case_failed";
    case WALK_ENDING_UNREACHED:
        return "ending_unreached";
    case WALK_AI_ALWAYS_RIGHT:
        return "ai_always_right";
    case WALK_NO_DEBRIEF:
        return "no_debrief";
    case WALK_BOUND:
        return "bound";
    case WALK_UNEXPLORED:
        return "unexplored";
    }
    return "unknown";
}
