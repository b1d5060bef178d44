/* walk_play: one branch of a decision, played on to where it stops
 * (walk_play.h).
 *
 * In a session the walk acts as `run` does, one action a second of virtual
 * time, with fixed ratings (RATING) and the rationale "check". Where no
 * function lies ahead, the case tables say where a branch leads and no
 * session is played (walk_play_advance_plain). Either way every node entered
 * is noted as visited, with the edge that entered it (for the shortest path
 * to each node), and every distinct move for the map. */
#include "walk_play.h"

#include <stdio.h>
#include <string.h>

#define RATING 4 /* the confidence and trust the walk gives */

/* ---- what the walk saw, for the map and the nodes' paths ------------------ */

/* Edge x entered node n: it is visited, and x is a way to it. */
static void note_visit(walker *w, int n, uint32_t x)
{
    walk_variant *v = w->v;
    if (!v->visited[n]) {
        v->visited[n] = true;
        v->nodes_visited++;
    }
    entry *q = walk_grow(w, w->entries, &w->cap_entries, w->n_entries + 1, sizeof *q);
    if (!q)
        return;
    w->entries = q;
    w->entries[w->n_entries++] = (entry){(uint32_t)n, x};
}

/* The choice of option at decision n (as resolved) is about to be played:
 * whether it is best there and the AI's, for the edge it makes. */
static void mark_choice(walker *w, const case_node *n, const char *option)
{
    const case_decision *d = n && option && n->kind == NODE_DECISION ? &n->decision : NULL;
    w->step_best = d && case_is_best(d, option);
    w->step_ai =
        d && d->advice.present && d->advice.recommend && strcmp(d->advice.recommend, option) == 0;
}

/* Whether the move is new to this variant (noting it); false when out of
 * memory. marks: 1 best, 2 the AI's. */
static bool move_is_new(walker *w, int from, walk_step_kind kind, uint32_t option, int to,
                        uint32_t marks)
{
    const uint32_t key[5] = {(uint32_t)from, (uint32_t)kind, option, (uint32_t)to, marks};
    bool added = false;
    if (!strmap_put(w->moves, (const char *)key, sizeof key, &added))
        walk_set_oom(w);
    return added;
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
    const char *option = NULL;
    if (prev->option && !(option = walk_intern(&w->r->strings, prev->option, &opt))) {
        walk_set_oom(w);
        return;
    }
    bool best = prev->kind == WALK_CHOOSE && w->step_best;
    bool ai = prev->kind == WALK_CHOOSE && w->step_ai;
    if (!move_is_new(w, prev->node, prev->kind, opt, to, (best ? 1u : 0u) | (ai ? 2u : 0u)))
        return;
    walk_edge *e = walk_grow(w, v->edges, &w->cap_v_edges, v->n_edges + 1, sizeof *e);
    if (!e)
        return;
    v->edges = e;
    e = &v->edges[v->n_edges++];
    e->via = *prev;
    e->via.option = option;
    e->to = to;
    e->best = best;
    e->ai = ai;
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

/* The time limit of the decision the session waits at runs out. */
static int time_out(walker *w, const session_view *v)
{
    apperr e;
    if (v->deadline_ms < 0)
        return -1;
    w->t = v->deadline_ms > w->t ? v->deadline_ms : w->t;
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

/* Answers what follows a choice (ratings, a rationale, feedback) until the
 * session waits for a choice or a Continue, or has ended. */
static int answer(walker *w)
{
    for (;;) {
        session_view v = session_view_now(w->s);
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

int walk_play_branch(walker *w, const char *option, bool ask)
{
    session_view v = session_view_now(w->s);
    mark_choice(w, v.node, option);
    if (!option) /* then the feedback that says so */
        return time_out(w, &v) == 0 ? answer(w) : -1;
    if (v.step == STEP_CHOOSE_INITIAL && act(w, ACT_CHOOSE, option, 0) != 0)
        return -1;
    if (session_view_now(w->s).step == STEP_CONFIDENCE_INITIAL &&
        act(w, ACT_CONFIDENCE, NULL, RATING) != 0)
        return -1;
    if (ask && session_view_now(w->s).can_ask && act(w, ACT_ASK, NULL, 0) != 0)
        return -1;
    if (session_view_now(w->s).step == STEP_CHOOSE_FINAL && act(w, ACT_CHOOSE, option, 0) != 0)
        return -1;
    return answer(w);
}

int walk_play_open(walker *w)
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

static const case_node *node_at(const walker *w, int i)
{
    return i >= 0 ? &w->c->nodes[i] : NULL;
}

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

stop walk_play_refused(walker *w, uint32_t x, int node)
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

/* More than max_narrative narrative steps in a row from node. */
static stop narrative_too_long(walker *w, uint32_t x, int node)
{
    w->r->cut_narrative = w->max_narrative;
    if (x != NONE) {
        char endless[600];
        snprintf(endless, sizeof endless,
                 "more than %zu narrative steps in a row from node '%s' without a decision or an "
                 "ending (does it loop?)",
                 w->max_narrative, w->c->nodes[node].id);
        walk_report_cut(w, node, x, "node", w->max_narrative,
                        "narrative steps in a row without a decision or an ending", endless);
    }
    return (stop){E_TOO_LONG, node, 0};
}

stop walk_play_advance(walker *w, uint32_t x, walk_step prev)
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
            return walk_play_refused(w, x, prev.node);
        int ni = (int)case_node_index(w->c, v.node->id);
        if (ni < 0)
            return walk_play_refused(w, x, prev.node);
        if (x != NONE) {
            note_entry(w, &prev, ni, x);
            walk_text_node(w, x, ni, v.node);
            walk_images_seen(w, x, ni, &v);
        }
        if (v.status == SESSION_COMPLETE)
            return (stop){E_ENDING, ni, (int)v.node->ending.outcome};
        if (v.step == STEP_CHOOSE_INITIAL || v.step == STEP_CHOOSE_FINAL)
            return (stop){E_STATE, ni, 0};
        if (v.step != STEP_CONTINUE || v.status != SESSION_PLAYING)
            return walk_play_refused(w, x, ni);
        if (w->future_plain[ni] && w->stamp[ni] == w->stamp_now)
            return narrative_loop(w, x, ni);
        w->stamp[ni] = w->stamp_now;
        if (++steps > w->max_narrative)
            return narrative_too_long(w, x, ni);
        prev = (walk_step){WALK_CONTINUE, ni, NULL};
        if (act(w, ACT_CONTINUE, NULL, 0) != 0)
            return w->fatal ? (stop){E_FAILED, ni, 0} : walk_play_refused(w, x, ni);
    }
}

stop walk_play_advance_plain(walker *w, uint32_t x, walk_step prev)
{
    size_t steps = 0;
    w->stamp_now++;
    mark_choice(w, node_at(w, prev.node), prev.kind == WALK_CHOOSE ? prev.option : NULL);
    for (;;) {
        int ni = static_target(w, &prev);
        if (ni < 0) {
            apperr_set(&w->err, APPERR_INPUT, NULL, 0, "no node follows");
            return walk_play_refused(w, x, prev.node);
        }
        const case_node *n = &w->c->nodes[ni];
        note_entry(w, &prev, ni, x);
        walk_text_node(w, x, ni, n);
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

/* ---- a path again, for the map ----------------------------------------------- */

/* Plays step st at the node the session waits at; false when it cannot. */
static bool play_step(walker *w, const walk_step *st)
{
    session_view v = session_view_now(w->s);
    if (v.status != SESSION_PLAYING || !v.node)
        return false;
    if (st->kind == WALK_CONTINUE)
        return v.step == STEP_CONTINUE && act(w, ACT_CONTINUE, NULL, 0) == 0 && answer(w) == 0;
    if (st->kind == WALK_CHOOSE && v.step != STEP_CHOOSE_INITIAL && v.step != STEP_CHOOSE_FINAL)
        return false;
    return walk_play_branch(w, st->kind == WALK_TIMEOUT ? NULL : st->option, false) == 0;
}

session *walk_replay(const case_def *c, const char *variant, const walk_step *const *steps,
                     size_t n)
{
    walk_variant v = {.name = variant};
    walker w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.v = &v;
    bool ok = walk_play_open(&w) == 0;
    for (size_t i = 0; ok && i < n; i++)
        ok = play_step(&w, steps[i]);
    if (ok && session_view_now(w.s).status != SESSION_ERROR)
        return w.s;
    session_close(w.s);
    return NULL;
}
