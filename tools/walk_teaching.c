/* walk_teaching: what the walked graph of states says about the teaching,
 * beside what it says about the graph (walk_analysis.c):
 * - how many distinct decisions give advice, and at how many of them the AI
 *   is right (in every state reached there), wrong, or right on some paths
 *   only: the summary counts decisions, not visits along paths;
 * - an option in `best` after which every path ends in a harm ending, over
 *   every state where it is best that a trainee reaches by choosing among
 *   the best at each decision before (harm after a poor choice earlier is
 *   that choice's), and an option outside `best` after which every path
 *   ends in a good one, over every state where it is not best; in one
 *   variant, each with the shortest such path through that choice on to
 *   such an ending;
 * - variants that play the same at every advised decision: the advice the
 *   trainee is shown (the recommendation and its label, source, tool,
 *   message, reasons, confidence, timing) and the decision around it (the
 *   node's title, text and prompt, the options, which are best, the time
 *   limit), compared as a digest per decision node, so variants that differ
 *   in the source alone do differ, as do variants whose same advice is
 *   right in one and wrong in another (the same recommendation where the
 *   patient differs) and variants that differ in time pressure only.
 * Private to tools/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "mem.h"
#include "strbuf.h"
#include "walk_analysis.h"

/* What one variant leaves for the comparison across variants. */
typedef struct walk_teach {
    advice_seen *advice; /* sorted, each once */
    size_t n_advice;
    bool has_first;
    int first_node;  /* the advised decision nearest the start */
    walk_path first; /* the shortest path to it */
} walk_teach;

/* ---- the advice a state shows ------------------------------------------- */

static void digest_str(struct sha256_ctx *h, const char *s)
{
    size_t n = s ? strlen(s) + 1 : 1;
    sha256_update(h, n, (const uint8_t *)(s ? s : ""));
}

static void digest_num(struct sha256_ctx *h, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    digest_str(h, buf);
}

/* Whether the state has debrief text, per node; the edges into those
 * without, to report once the variant is walked (when it is known whether
 * the node has text on other paths). */
static void note_debrief(walker *w, uint32_t x, int ni, const case_node *resolved)
{
    bool none = !resolved->debrief || !resolved->debrief[0];
    if (!w->debrief_seen && !(w->debrief_seen = mem_calloc(w->c->n_nodes, 1))) {
        walk_set_oom(w);
        return;
    }
    w->debrief_seen[ni] |= none ? 2 : 1;
    if (!none)
        return;
    entry *q = walk_grow(w, w->no_debrief, &w->cap_no_debrief, w->n_no_debrief + 1, sizeof *q);
    if (!q)
        return;
    w->no_debrief = q;
    w->no_debrief[w->n_no_debrief++] = (entry){(uint32_t)ni, x};
}

/* Advised decisions without debrief text: with none on every path the walk
 * took there, or on some paths only (a debrief function that returns
 * nothing there), with the shortest such path. */
static void report_no_debrief(walker *w)
{
    for (size_t k = 0; k < w->n_no_debrief && !w->fatal; k++) {
        int ni = (int)w->no_debrief[k].node;
        const case_node *n = &w->c->nodes[ni];
        char msg[600];
        if (w->debrief_seen[ni] & 1)
            snprintf(msg, sizeof msg,
                     "decision '%s' gives advice but its debrief text is empty on some paths, "
                     "as on the path below: say what the trainee should have noticed on every "
                     "path (a debrief function returns text for each)",
                     n->id);
        else
            snprintf(msg, sizeof msg,
                     "decision '%s' gives advice but has no debrief text: say what the trainee "
                     "should have noticed",
                     n->id);
        walk_report(w, WALK_NO_DEBRIEF, false, walk_node_file(w, ni), n->line, ni,
                    w->no_debrief[k].edge, msg);
    }
}

void walk_teaching_note_advice(walker *w, uint32_t x, int ni, const case_node *resolved)
{
    note_debrief(w, x, ni, resolved);
    const case_decision *d = &resolved->decision;
    const case_advice *a = &d->advice;
    const case_option *rec = case_find_option(d, a->recommend);
    struct sha256_ctx h;
    uint8_t full[SHA256_DIGEST_SIZE];
    sha256_init(&h);
    digest_str(&h, a->recommend);
    digest_str(&h, rec ? rec->label : NULL);
    digest_str(&h, a->source);
    digest_str(&h, a->tool);
    digest_str(&h, a->message);
    digest_num(&h, (double)a->n_reasons);
    for (size_t i = 0; i < a->n_reasons; i++) {
        digest_str(&h, a->reasons[i].factor);
        digest_num(&h, a->reasons[i].weight);
    }
    digest_str(&h, a->has_confidence ? "confidence" : "");
    digest_num(&h, a->has_confidence ? a->confidence : 0);
    digest_str(&h, advice_timing_name(a->timing));
    digest_str(&h, case_is_best(d, a->recommend) ? "right" : "wrong");
    /* What else the trainee sees there or what decides the path: variants
     * that differ in it (a time limit for time pressure) differ. */
    digest_str(&h, resolved->title);
    digest_str(&h, resolved->text);
    digest_str(&h, d->prompt);
    digest_num(&h, d->time_limit);
    digest_num(&h, (double)d->n_options);
    for (size_t i = 0; i < d->n_options; i++) {
        digest_str(&h, d->options[i].id);
        digest_str(&h, d->options[i].label);
        digest_str(&h, case_is_best(d, d->options[i].id) ? "best" : "");
    }
    sha256_digest(&h, sizeof full, full);
    advice_seen *q = walk_grow(w, w->advice, &w->cap_advice, w->n_advice + 1, sizeof *q);
    if (!q)
        return;
    w->advice = q;
    q = &w->advice[w->n_advice++];
    q->node = (uint32_t)ni;
    memcpy(q->digest, full, sizeof q->digest);
}

static int advice_cmp(const void *a, const void *b)
{
    const advice_seen *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return memcmp(x->digest, y->digest, sizeof x->digest);
}

/* ---- advised decisions, counted once each --------------------------------- */

/* Per variant (the summary) and over every variant (r->ai_seen: the AI
 * right, or wrong, at every advised decision). */
static int count_decisions(walker *w)
{
    size_t n = w->c->n_nodes ? w->c->n_nodes : 1;
    uint8_t *seen = mem_calloc(n, 1); /* 1 right, 2 wrong */
    if (!w->r->ai_seen)
        w->r->ai_seen = mem_calloc(n, 1);
    if (!seen || !w->r->ai_seen) {
        mem_free(seen);
        return -1;
    }
    for (uint32_t i = 1; i < w->n_st; i++)
        if (w->st[i].advised)
            seen[w->st[i].node] |= w->st[i].ai_right ? 1 : 2;
    walk_variant *v = w->v;
    for (size_t k = 0; k < w->c->n_nodes; k++) {
        w->r->ai_seen[k] |= seen[k];
        v->advised_decisions += seen[k] != 0;
        v->ai_right_decisions += seen[k] == 1;
        v->ai_mixed_decisions += seen[k] == 3;
    }
    mem_free(seen);
    return 0;
}

/* ---- where the paths after each option end -------------------------------- */

enum { ENDS_GOOD = 1, ENDS_NEUTRAL = 2, ENDS_HARM = 4, ENDS_OTHER = 8 };

static uint8_t edge_ends(const uint8_t *ends, const wedge *e)
{
    if (e->kind == E_STATE)
        return ends[e->to];
    if (e->kind == E_ENDING && e->outcome < 3)
        return (uint8_t)(1u << e->outcome);
    return ENDS_OTHER; /* a failure, a loop, a bound: not an ending */
}

/* Per state: the kinds of end some path from it reaches (a fixed point over
 * the graph, loops included; a state past the depth bound is unknown). */
static uint8_t *state_ends(const walker *w)
{
    uint8_t *ends = mem_calloc(w->n_st, 1);
    if (!ends)
        return NULL;
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t i = (uint32_t)w->n_st; i-- > 1;) {
            const wstate *s = &w->st[i];
            uint8_t b = s->deep ? ENDS_OTHER : ends[i];
            for (uint32_t k = 0; k < s->n_edges; k++)
                b |= edge_ends(ends, &w->ed[s->first_edge + k]);
            if (b != ends[i]) {
                ends[i] = b;
                changed = true;
            }
        }
    }
    return ends;
}

/* Ways in from the start, breadth first: via[i] the edge state i is first
 * reached by, dist[i] the decisions on that way (NONE: not reached). */
typedef struct ways {
    uint32_t *via, *dist;
} ways;

/* Whether edge e is a choice among the best (or at a decision with no best
 * list, or the session opening); a time-out is not. */
static bool chose_well(const walker *w, const wedge *e)
{
    const wstate *from = &w->st[e->from];
    if (e->option == OPT_START)
        return true;
    return e->option >= 0 && (!from->best || from->best[e->option]);
}

static void ways_free(ways *in)
{
    mem_free(in->via);
    mem_free(in->dist);
    in->via = in->dist = NULL;
}

/* With well_only, by choices among the best only: the states a trainee who
 * has chosen well so far reaches. */
static int ways_in(const walker *w, bool well_only, ways *in)
{
    in->via = mem_malloc(w->n_st * sizeof *in->via);
    in->dist = mem_malloc(w->n_st * sizeof *in->dist);
    if (!in->via || !in->dist ||
        walk_analysis_ways_in(w, well_only ? chose_well : NULL, in->dist, in->via) != 0) {
        ways_free(in);
        return -1;
    }
    return 0;
}

static walk_step step_of(const walker *w, const wedge *e)
{
    const wstate *from = &w->st[e->from];
    return (walk_step){e->option == OPT_TIMEOUT ? WALK_TIMEOUT : WALK_CHOOSE, from->node,
                       e->option >= 0 ? from->options[e->option] : NULL};
}

/* From the target of edge x, by the fewest decisions, to an edge that
 * enters an ending: appends those edges to chain; *ending is the ending. */
static int on_to_ending(const walker *w, uint32_t x, uint32_t *chain, size_t *n, int *ending)
{
    uint32_t *via = mem_malloc(w->n_st * sizeof *via);
    uint32_t *queue = mem_malloc(w->n_st * sizeof *queue);
    if (!via || !queue) {
        mem_free(via), mem_free(queue);
        return -1;
    }
    for (size_t i = 0; i < w->n_st; i++)
        via[i] = NONE;
    size_t head = 0, tail = 0, from = *n;
    uint32_t last = NONE;
    via[w->ed[x].to] = x;
    queue[tail++] = w->ed[x].to;
    while (head < tail && last == NONE) {
        const wstate *s = &w->st[queue[head++]];
        for (uint32_t k = 0; k < s->n_edges && last == NONE; k++) {
            uint32_t y = s->first_edge + k;
            const wedge *e = &w->ed[y];
            if (e->kind == E_ENDING)
                last = y;
            else if (e->kind == E_STATE && via[e->to] == NONE) {
                via[e->to] = y;
                queue[tail++] = e->to;
            }
        }
    }
    for (uint32_t y = last; y != NONE && y != x; y = via[w->ed[y].from])
        chain[(*n)++] = y;
    for (size_t a = from, b = *n; a + 1 < b; a++, b--) { /* into path order */
        uint32_t t = chain[a];
        chain[a] = chain[b - 1];
        chain[b - 1] = t;
    }
    if (last != NONE)
        *ending = (int)w->ed[last].to;
    mem_free(via), mem_free(queue);
    return 0;
}

/* The way in to edge x's state, x, then on by the fewest decisions to an
 * ending; *ending is the ending reached. -1 when out of memory. */
static int path_to_ending(walker *w, const ways *in, uint32_t x, walk_path *out, int *ending)
{
    memset(out, 0, sizeof *out);
    out->variant = w->v->name;
    uint32_t *chain = mem_malloc((2 * w->n_st + 2) * sizeof *chain);
    if (!chain)
        return -1;
    size_t n = 0;
    for (uint32_t y = in->via[w->ed[x].from]; y != NONE; y = in->via[w->ed[y].from])
        chain[n++] = y;
    for (size_t a = 0, b = n; a + 1 < b; a++, b--) {
        uint32_t t = chain[a];
        chain[a] = chain[b - 1];
        chain[b - 1] = t;
    }
    chain[n++] = x;
    *ending = w->ed[x].kind == E_ENDING ? (int)w->ed[x].to : -1;
    if (w->ed[x].kind == E_STATE && on_to_ending(w, x, chain, &n, ending) != 0) {
        mem_free(chain);
        return -1;
    }
    out->steps = mem_calloc(n, sizeof *out->steps);
    if (!out->steps) {
        mem_free(chain);
        return -1;
    }
    for (size_t k = 0; k < n; k++)
        if (w->ed[chain[k]].option != OPT_START)
            out->steps[out->n++] = step_of(w, &w->ed[chain[k]]);
    mem_free(chain);
    return 0;
}

/* One option of one decision node, best or not, over the states where it
 * is so (a best one: those a trainee reaches by choosing well): the ends
 * after it and its edge nearest the start. */
typedef struct option_ends {
    int node;
    const char *option; /* interned */
    bool best;
    uint8_t ends;
    uint32_t edge;
} option_ends;

typedef struct option_key {
    uintptr_t option;
    int32_t node;
    int32_t best;
} option_key;

static void report_option(walker *w, const ways *in, const option_ends *o)
{
    walk_finding f;
    memset(&f, 0, sizeof f);
    int ending = -1;
    if (path_to_ending(w, in, o->edge, &f.path, &ending) != 0) {
        walk_finding_free(&f);
        walk_set_oom(w);
        return;
    }
    const case_node *n = &w->c->nodes[o->node];
    const char *end = ending >= 0 ? w->c->nodes[ending].id : "?";
    char msg[1200];
    if (o->best)
        snprintf(msg, sizeof msg,
                 "decision '%s': '%s' is among the best options, yet every path after it ends "
                 "in a harm ending ('%s' on the path below), even when every choice before it "
                 "was among the best too: a trainee who chooses well is shown harm; lead it to "
                 "a good or neutral ending, or take it out of best",
                 n->id, o->option, end);
    else
        snprintf(msg, sizeof msg,
                 "decision '%s': '%s' is not among the best options, yet every path after it "
                 "ends in a good ending ('%s' on the path below): a trainee learns that the "
                 "choice does not matter; lead it to a neutral or harm ending, or add it to best",
                 n->id, o->option, end);
    const case_option *opt =
        n->kind == NODE_DECISION ? case_find_option(&n->decision, o->option) : NULL;
    f.kind = o->best ? WALK_BEST_HARM : WALK_OTHER_GOOD;
    f.line = opt && opt->line > 0 ? opt->line : n->line;
    f.node = o->node;
    f.has_path = true;
    f.file = mem_strdup(walk_node_file(w, o->node));
    f.message = mem_strdup(msg);
    if (!f.file || !f.message) {
        walk_finding_free(&f);
        walk_set_oom(w);
    } else if (walk_add_finding(w->r, &f) != 0) {
        walk_set_oom(w);
    }
}

/* Gathers each option's ends over its states into *out (n_out of them):
 * a best option's over the states reached by choosing well (well), any
 * other's over every state (any). */
static int gather_options(walker *w, const uint8_t *ends, const ways *well, const ways *any,
                          option_ends **out, size_t *n_out)
{
    strmap *index = strmap_new();
    option_ends *v = NULL;
    size_t n = 0, cap = 0;
    if (!index)
        return -1;
    for (uint32_t i = 1; i < w->n_st; i++) {
        const wstate *s = &w->st[i];
        if (!s->best || s->n_edges == 0)
            continue; /* no best list, or not expanded */
        for (uint32_t b = 0; b < s->n_options; b++) {
            const ways *in = s->best[b] ? well : any;
            if (in->dist[i] == NONE)
                continue;
            uint32_t x = s->first_edge + b;
            option_key key;
            memset(&key, 0, sizeof key);
            key.option = (uintptr_t)s->options[b];
            key.node = s->node;
            key.best = s->best[b];
            bool added = false;
            size_t *slot = strmap_put(index, (const char *)&key, sizeof key, &added);
            option_ends *grown = slot && added ? mem_grow(v, &cap, n + 1, sizeof *grown) : v;
            if (!slot || (added && !grown)) {
                strmap_free(index);
                mem_free(v);
                return -1;
            }
            v = grown;
            if (added) {
                *slot = n;
                v[n++] = (option_ends){s->node, s->options[b], s->best[b], 0, x};
            }
            option_ends *o = &v[*slot];
            o->ends |= edge_ends(ends, &w->ed[x]);
            if (in->dist[i] < in->dist[w->ed[o->edge].from])
                o->edge = x;
        }
    }
    strmap_free(index);
    *out = v;
    *n_out = n;
    return 0;
}

static int option_outcomes(walker *w)
{
    uint8_t *ends = state_ends(w);
    ways well = {NULL, NULL}, any = {NULL, NULL};
    option_ends *opts = NULL;
    size_t n = 0;
    int rc = -1;
    if (ends && ways_in(w, true, &well) == 0 && ways_in(w, false, &any) == 0 &&
        gather_options(w, ends, &well, &any, &opts, &n) == 0) {
        for (size_t k = 0; k < n && !w->fatal; k++)
            if (opts[k].ends == (opts[k].best ? ENDS_HARM : ENDS_GOOD))
                report_option(w, opts[k].best ? &well : &any, &opts[k]);
        rc = w->fatal ? -1 : 0;
    }
    mem_free(opts);
    mem_free(ends);
    ways_free(&well);
    ways_free(&any);
    return rc;
}

/* ---- one variant, then all of them ---------------------------------------- */

/* Keeps the variant's advice, sorted and each once, and the path to its
 * advised decision nearest the start. */
static int keep_advice(walker *w)
{
    result_impl *r = w->r;
    if (!r->teach && !(r->teach = mem_calloc(r->pub.n_variants, sizeof *r->teach)))
        return -1;
    walk_teach *t = &r->teach[w->v - r->pub.variants];
    if (w->n_advice > 1)
        qsort(w->advice, w->n_advice, sizeof *w->advice, advice_cmp);
    size_t n = 0;
    for (size_t i = 0; i < w->n_advice; i++)
        if (n == 0 || advice_cmp(&w->advice[n - 1], &w->advice[i]) != 0)
            w->advice[n++] = w->advice[i];
    t->advice = w->advice; /* taken over */
    t->n_advice = n;
    w->advice = NULL;
    w->n_advice = w->cap_advice = 0;
    uint32_t pick = NONE;
    for (uint32_t i = 1; i < w->n_st; i++)
        if (w->st[i].advised && w->dist[i] != NONE && (pick == NONE || w->dist[i] < w->dist[pick]))
            pick = i;
    if (pick == NONE)
        return 0;
    t->first_node = w->st[pick].node;
    if (walk_path_of_edge(w, w->st[pick].parent_edge, &t->first) != 0)
        return -1;
    t->has_first = true;
    return 0;
}

int walk_teaching_variant(walker *w)
{
    report_no_debrief(w);
    if (w->fatal || count_decisions(w) != 0 || option_outcomes(w) != 0 || keep_advice(w) != 0) {
        walk_set_oom(w);
        return -1;
    }
    return 0;
}

static bool same_advice(const walk_teach *a, const walk_teach *b)
{
    return a->n_advice == b->n_advice &&
           (a->n_advice == 0 || memcmp(a->advice, b->advice, a->n_advice * sizeof *a->advice) == 0);
}

/* One warning for variants root and those after it with the same advice. */
static void report_same(result_impl *r, walker *w, size_t root, const size_t *group)
{
    const walk_teach *t = &r->teach[root];
    size_t n = 0;
    for (size_t k = root; k < r->pub.n_variants; k++)
        n += group[k] == root;
    strbuf names = STRBUF_INIT;
    for (size_t k = root, i = 0; k < r->pub.n_variants; k++) {
        if (group[k] != root)
            continue;
        strbuf_addf(&names, "%s'%s'",
                    i == 0       ? ""
                    : i + 1 == n ? " and "
                                 : ", ",
                    r->pub.variants[k].name);
        i++;
    }
    char msg[1600];
    snprintf(msg, sizeof msg,
             "the variants %s give the same advice at every advised decision (the same "
             "recommendation, source, tool, message, reasons, confidence and timing, right or "
             "wrong alike), with the same text, options, best and time limit there: "
             "at those decisions the trainee cannot tell them apart; make the advice differ "
             "where they should (variants.pick, or a function of s.variant)",
             strbuf_str(&names));
    bool oom = strbuf_oom(&names);
    strbuf_free(&names);
    walk_finding f;
    memset(&f, 0, sizeof f);
    f.kind = WALK_SAME_ADVICE;
    f.node = t->first_node;
    f.line = w->c->nodes[t->first_node].line;
    f.path.variant = r->pub.variants[root].name;
    f.has_path = true;
    f.file = mem_strdup(walk_node_file(w, t->first_node));
    f.message = mem_strdup(msg);
    if (t->first.n)
        f.path.steps = mem_malloc(t->first.n * sizeof *f.path.steps);
    if (f.path.steps) {
        memcpy(f.path.steps, t->first.steps, t->first.n * sizeof *f.path.steps);
        f.path.n = t->first.n;
    }
    if (oom || !f.file || !f.message || (t->first.n && !f.path.steps)) {
        walk_finding_free(&f);
        walk_set_oom(w);
    } else if (walk_add_finding(r, &f) != 0) {
        walk_set_oom(w);
    }
}

int walk_teaching_cross_variant(result_impl *r, walker *w)
{
    size_t nv = r->pub.n_variants;
    /* Partial graphs would compare partial advice. */
    if (nv < 2 || !r->teach || r->any_bound || r->any_diverged)
        return 0;
    size_t *group = mem_malloc(nv * sizeof *group);
    if (!group)
        return -1;
    for (size_t k = 0; k < nv; k++) {
        group[k] = k;
        for (size_t j = 0; j < k && group[k] == k; j++)
            if (group[j] == j && same_advice(&r->teach[j], &r->teach[k]))
                group[k] = j;
    }
    for (size_t k = 0; k < nv && !w->fatal; k++) {
        bool shared = false;
        for (size_t j = k + 1; j < nv; j++)
            shared |= group[j] == k;
        if (group[k] == k && shared && r->teach[k].n_advice > 0 && r->teach[k].has_first)
            report_same(r, w, k, group);
    }
    mem_free(group);
    return w->fatal ? -1 : 0;
}

void walk_teaching_free(result_impl *r)
{
    mem_free(r->ai_seen);
    r->ai_seen = NULL;
    if (!r->teach)
        return;
    for (size_t k = 0; k < r->pub.n_variants; k++) {
        mem_free(r->teach[k].advice);
        mem_free(r->teach[k].first.steps);
    }
    mem_free(r->teach);
    r->teach = NULL;
}
