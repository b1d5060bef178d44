/* walk_search: one variant's search over decision states (walk_search.h).
 *
 * The root stands for session_open; every other state is a decision waiting
 * for its choice, known by a key (state_key). Each state has one edge per
 * branch: to a state (new or merged), or an end (an ending, a failure, a
 * loop of narrative nodes, a bound). The search goes depth first. A new
 * state's first branch is taken in the session that reached it; its other
 * branches replay a path to it in a fresh session (sessions cannot be
 * forked), except at a plain-future state, where they are read from the
 * case (walk_play_advance_plain).
 *
 * After each round of search, shortest paths are found over the state
 * graph (walk_analysis.c). A state first reached beyond max_depth is not
 * expanded; if a shorter path to it turns up, it is searched again from
 * there, so "too long" means that even the shortest path to it is. */
#include "walk_search.h"

#include <stdio.h>
#include <string.h>

#include <nettle/sha2.h>

#include "mem.h"
#include "walk_analysis.h"
#include "walk_play.h"

/* ---- states ----------------------------------------------------------------- */

#define KEY_SIZE 16 /* bytes of the SHA-256 of a state that are its key */

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
static int state_key(walker *w, int ni, const case_node *resolved, uint8_t out[KEY_SIZE])
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
    memcpy(out, digest, KEY_SIZE);
    return 0;
}

static wstate *state_push(walker *w)
{
    wstate *s = walk_grow(w, w->st, &w->cap_st, w->n_st + 1, sizeof *s);
    if (!s)
        return NULL;
    w->st = s;
    s = &w->st[w->n_st++];
    memset(s, 0, sizeof *s);
    s->parent_edge = NONE;
    s->first_edge = NONE;
    return s;
}

/* Advice without feedback text of the case's for some options: the
 * trainee who picks one is told only the engine's words, no teaching. */
static void note_feedback(walker *w, uint32_t x, int ni, const case_node *resolved)
{
    const case_decision *d = &resolved->decision;
    strbuf ids = STRBUF_INIT; /* out of memory: a shorter list, still a message */
    const char *first = NULL;
    size_t n = 0;
    for (size_t i = 0; i < d->n_options; i++) {
        if (case_feedback_for(d, d->options[i].id))
            continue;
        first = first ? first : d->options[i].id;
        strbuf_adds(&ids, n++ ? ", " : "");
        strbuf_addf(&ids, "'%s'", d->options[i].id);
    }
    if (n > 0) {
        bool one = n == 1;
        char msg[1200];
        snprintf(msg, sizeof msg,
                 "decision '%s' gives advice but the case has no feedback text for %s %s: a "
                 "trainee who chooses %s is told only what was chosen and what was best, with "
                 "no teaching; write %s, as in feedback = { [\"%s\"] = \"…\" }, or one for every "
                 "option, feedback = { default = \"…\" }, saying why the choice was or was not "
                 "among the best",
                 resolved->id, one ? "option" : "options", strbuf_str(&ids),
                 one ? "it" : "one of them", one ? "its text" : "a text for each", first);
        walk_report(w, WALK_NO_FEEDBACK, false, walk_node_file(w, ni), w->c->nodes[ni].line, ni, x,
                    msg);
    }
    strbuf_free(&ids);
}

/* Notes what a new state says about the case: its advice and debrief
 * text and whether the AI is right there (walk_teaching.c), and advice
 * without feedback text. */
static void note_decision(walker *w, uint32_t x, int ni, const case_node *resolved)
{
    const case_decision *d = &resolved->decision;
    if (!d->advice.present)
        return;
    walk_teaching_note_advice(w, x, ni, resolved);
    note_feedback(w, x, ni, resolved);
}

/* Fills a new state's branches from the resolved decision. */
static int state_fill(walker *w, wstate *s, const case_node *resolved)
{
    const case_decision *d = &resolved->decision;
    s->n_options = (uint32_t)d->n_options;
    s->options = d->n_options ? mem_calloc(d->n_options, sizeof *s->options) : NULL;
    /* No best list (a decision without advice may have none): nothing to
     * say about its options' outcomes. */
    bool has_best = d->n_options && d->best.n;
    s->best = has_best ? mem_calloc(d->n_options, sizeof *s->best) : NULL;
    if ((d->n_options && !s->options) || (has_best && !s->best))
        return -1;
    for (size_t i = 0; i < d->n_options; i++) {
        if (!(s->options[i] = walk_intern(&w->r->strings, d->options[i].id, NULL)))
            return -1;
        if (has_best)
            s->best[i] = case_is_best(d, d->options[i].id);
    }
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
    uint8_t key[KEY_SIZE];
    if (state_key(w, ni, resolved, key) != 0)
        return (stop){E_FAILED, ni, 0};
    const size_t *have = strmap_find(w->states, (const char *)key, sizeof key);
    if (have)
        return (stop){E_STATE, (int)*have, 0};
    const wedge *in = &w->ed[x];
    uint32_t depth = in->option == OPT_START ? 0 : w->st[in->from].depth + 1;
    if (w->n_st > w->max_states) {
        w->v->bound_hit = true;
        return (stop){E_CUT, ni, 0};
    }
    bool added;
    size_t *slot = strmap_put(w->states, (const char *)key, sizeof key, &added);
    wstate *s = slot ? state_push(w) : NULL;
    if (!s) {
        walk_set_oom(w);
        return (stop){E_FAILED, ni, 0};
    }
    uint32_t j = (uint32_t)(w->n_st - 1);
    *slot = j;
    s->node = ni;
    s->parent_edge = x;
    s->depth = depth;
    s->deep = depth > w->max_depth;
    w->fresh = j;
    if (state_fill(w, s, resolved) != 0) {
        walk_set_oom(w);
        return (stop){E_FAILED, ni, 0};
    }
    note_decision(w, x, ni, resolved);
    return (stop){E_STATE, (int)j, 0};
}

/* ---- expanding a state -------------------------------------------------------- */

/* The step that edge d takes out of its state. */
static walk_step edge_step(const walker *w, const wedge *d)
{
    const wstate *from = &w->st[d->from];
    return (walk_step){d->option == OPT_TIMEOUT ? WALK_TIMEOUT : WALK_CHOOSE, from->node,
                       d->option >= 0 ? from->options[d->option] : NULL};
}

/* Replays the path to state i in a new session; 0 when it waits there. */
static int replay(walker *w, uint32_t i)
{
    size_t n = 0;
    for (uint32_t e = w->st[i].parent_edge; e != NONE; e = w->st[w->ed[e].from].parent_edge)
        w->path_buf[n++] = e;
    if (walk_play_open(w) != 0)
        return -1;
    stop at = walk_play_advance(w, NONE, (walk_step){WALK_CONTINUE, -1, NULL});
    while (n-- > 0) {
        const wedge *d = &w->ed[w->path_buf[n]];
        if (d->option == OPT_START)
            continue;
        const wstate *from = &w->st[d->from];
        if (at.kind != E_STATE || at.node != from->node)
            return -1;
        walk_step step = edge_step(w, d);
        if (walk_play_branch(w, step.option, false) != 0)
            return -1;
        at = walk_play_advance(w, NONE, step);
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

/* Replaying the path to state i went another way. */
static stop diverged(walker *w, uint32_t x, const wstate *from)
{
    w->r->any_diverged = true;
    char msg[1400];
    snprintf(msg, sizeof msg,
             "the case does not play the same way twice along this path (is state kept "
             "outside s, in a global or an upvalue?)%s%s",
             w->rejected ? ": " : "", w->rejected ? w->err.msg : "");
    walk_report(w, WALK_CASE_FAILED, true, walk_node_file(w, from->node),
                w->c->nodes[from->node].line, from->node, x, msg);
    return (stop){E_FAILED, from->node, 0};
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
    stop at;
    bool plain = option != OPT_START && !live && w->future_plain[from->node];
    w->ed[x].from = i;
    w->ed[x].option = option;
    w->fresh = NONE;
    if (plain) {
        at = walk_play_advance_plain(w, x, edge_step(w, &w->ed[x]));
    } else if (option == OPT_START) {
        at = walk_play_open(w) == 0 ? walk_play_advance(w, x, (walk_step){WALK_CONTINUE, -1, NULL})
                                    : (stop){E_FAILED, -1, 0};
    } else if (!live && replay(w, i) != 0) {
        if (w->fatal)
            return;
        at = diverged(w, x, from);
    } else {
        walk_step step = edge_step(w, &w->ed[x]);
        at = walk_play_branch(w, step.option, ask) == 0 || !w->rejected
                 ? walk_play_advance(w, x, step)
                 : walk_play_refused(w, x, from->node);
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
    wedge *ed = mem_grow(w->ed, &w->cap_ed, w->n_ed + n, sizeof *ed);
    if (!ed)
        return -1;
    w->ed = ed;
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
    uint32_t *stack = mem_grow(w->stack, &w->cap_stack, w->n_stack + 1, sizeof *stack);
    if (!stack)
        return -1;
    w->stack = stack;
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

/* ---- one variant ----------------------------------------------------------------- */

void walk_search_free(walker *w)
{
    session_close(w->s);
    w->s = NULL;
    for (size_t i = 0; i < w->n_st; i++) {
        mem_free(w->st[i].options);
        mem_free(w->st[i].best);
    }
    mem_free(w->st);
    mem_free(w->ed);
    strmap_free(w->states);
    strmap_free(w->moves);
    mem_free(w->stamp);
    mem_free(w->outcomes);
    mem_free(w->path_buf);
    mem_free(w->stack);
    for (size_t k = 0; k < w->n_pend; k++)
        walk_finding_free(&w->pend[k].f);
    mem_free(w->pend);
    mem_free(w->seen);
    mem_free(w->entries);
    mem_free(w->dist);
    mem_free(w->advice);
    mem_free(w->debrief_seen);
    mem_free(w->no_debrief);
}

static int search_start(walker *w)
{
    walk_variant *v = w->v;
    size_t n_nodes = w->c->n_nodes ? w->c->n_nodes : 1;
    v->visited = mem_calloc(n_nodes, sizeof *v->visited);
    w->stamp = mem_calloc(n_nodes, sizeof *w->stamp);
    w->outcomes = mem_calloc(n_nodes, 1);
    w->path_buf = mem_malloc((w->max_depth + 2) * sizeof *w->path_buf);
    w->states = strmap_new();
    w->moves = strmap_new();
    if (!v->visited || !w->stamp || !w->outcomes || !w->path_buf || !w->states || !w->moves ||
        !state_push(w) || push_state(w, 0) != 0) {
        walk_set_oom(w);
        return -1;
    }
    w->st[0].node = -1;
    return 0;
}

int walk_search_variant(walker *w)
{
    walk_variant *v = w->v;
    if (search_start(w) != 0)
        return -1;
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
    for (size_t i = 0; i < w->c->n_nodes; i++)
        for (int k = 0; k < 3; k++)
            v->endings_reached[k] += (w->outcomes[i] >> k) & 1u;
    return walk_analysis_variant(w);
}
