/* walk: every path of a case, played through the session API (walk.h).
 *
 * Per variant the walk is a depth-first search over decision states
 * (walk_search.c), each branch played in a session or read from the case
 * tables (walk_play.c); what the finished graph of states says (counts,
 * traps, shortest paths, findings' paths, nodes not reached) is
 * walk_analysis.c's. This file holds the entry points and the result: the
 * findings, the strings they share, which nodes have a plain future, and
 * the text of a path. */
#include "walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_driver.h"
#include "mem.h"
#include "walk_analysis.h"
#include "walk_internal.h"
#include "walk_search.h"

/* ---- interned strings: option ids outlive the sessions that saw them ---- */

const char *walk_intern(pool *p, const char *s, uint32_t *idx)
{
    size_t len = strlen(s);
    const size_t *have = strmap_find(p->index, s, len);
    if (!have) {
        bool added;
        char **items = mem_grow(p->items, &p->cap, p->n + 1, sizeof *items);
        if (!items)
            return NULL;
        p->items = items;
        char *copy = mem_strdup(s);
        size_t *slot = copy ? strmap_put(p->index, s, len, &added) : NULL;
        if (!slot) {
            mem_free(copy);
            return NULL;
        }
        *slot = p->n;
        p->items[p->n++] = copy;
        have = slot;
    }
    if (idx)
        *idx = (uint32_t)*have;
    return p->items[*have];
}

static void pool_free(pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        mem_free(p->items[i]);
    mem_free(p->items);
    strmap_free(p->index);
}

/* ---- the result and its findings ---------------------------------------- */

static void path_free(walk_path *p)
{
    mem_free(p->steps);
    p->steps = NULL;
    p->n = 0;
}

void walk_finding_free(walk_finding *f)
{
    mem_free(f->file);
    mem_free(f->message);
    path_free(&f->path);
}

/* Kinds of which one place can hold several findings (options of one
 * decision written on one line, groups of variants): told apart by their
 * words. */
static bool said_apart(const walk_finding *f)
{
    walk_finding_kind k = f->kind;
    if (k == WALK_BEST_HARM || k == WALK_OTHER_GOOD || k == WALK_SAME_ADVICE)
        return true;
    /* The case's own texts (tags, the patient, a model card) share lines. */
    return f->node < 0 && (k == WALK_VARIANT_TALK || k == WALK_OUTCOME_GIVEN_AWAY);
}

/* Whether two findings are one: the same kind at the same place. */
static bool same_finding(const walk_finding *a, const walk_finding *b)
{
    return a->kind == b->kind && a->line == b->line && a->node == b->node &&
           strcmp(a->file, b->file) == 0 &&
           ((a->line > 0 && !said_apart(a)) || strcmp(a->message, b->message) == 0);
}

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
    walk_finding *q = mem_grow(r->pub.findings, &r->cap_findings, r->pub.n_findings + 1, sizeof *q);
    if (!q) {
        walk_finding_free(f);
        return -1;
    }
    r->pub.findings = q;
    r->pub.findings[r->pub.n_findings++] = *f;
    return 0;
}

void walk_set_oom(walker *w)
{
    if (!w->fatal)
        apperr_set(&w->fatal_e, APPERR_ENV, NULL, 0, "out of memory");
    w->fatal = true;
}

void *walk_grow(walker *w, void *p, size_t *cap, size_t need, size_t size)
{
    void *q = mem_grow(p, cap, need, size);
    if (!q)
        walk_set_oom(w);
    return q;
}

const char *walk_node_file(const walker *w, int i)
{
    const case_node *n = i >= 0 ? &w->c->nodes[i] : NULL;
    return n && n->file ? n->file : w->c->file;
}

int walk_path_of_edge(walker *w, uint32_t x, walk_path *out)
{
    memset(out, 0, sizeof *out);
    out->variant = w->v->name;
    size_t n = 0;
    for (uint32_t e = x; e != NONE; e = w->st[w->ed[e].from].parent_edge)
        n += w->ed[e].option != OPT_START;
    if (n == 0)
        return 0;
    out->steps = mem_calloc(n, sizeof *out->steps);
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

/* Notes that edge x meets finding f (taking what it owns). */
static void sight(walker *w, walk_finding *f, uint32_t x)
{
    size_t k = 0;
    while (k < w->n_pend && !same_finding(&w->pend[k].f, f))
        k++;
    if (k == w->n_pend) {
        pending *p = walk_grow(w, w->pend, &w->cap_pend, w->n_pend + 1, sizeof *p);
        if (!p) {
            walk_finding_free(f);
            return;
        }
        w->pend = p;
        w->pend[w->n_pend++].f = *f;
    } else {
        walk_finding_free(f);
    }
    sighting *g = walk_grow(w, w->seen, &w->cap_seen, w->n_seen + 1, sizeof *g);
    if (!g)
        return;
    w->seen = g;
    w->seen[w->n_seen++] = (sighting){(uint32_t)k, x};
}

void walk_report(walker *w, walk_finding_kind kind, bool error, const char *file, int line,
                 int node, uint32_t x, const char *msg)
{
    walk_finding f;
    memset(&f, 0, sizeof f);
    f.kind = kind;
    f.error = error;
    f.line = line;
    f.node = node;
    f.file = mem_strdup(file ? file : w->c->file);
    f.message = mem_strdup(msg);
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

void walk_report_cut(walker *w, int ni, uint32_t x, const char *what, size_t bound,
                     const char *steps, const char *endless)
{
    bool plain = w->future_plain[ni];
    char msg[600];
    if (plain)
        snprintf(msg, sizeof msg,
                 "%s '%s' and what follows are not explored (bound %zu reached): the walk stops a "
                 "path that goes on for more than %zu %s",
                 what, w->c->nodes[ni].id, bound, bound, steps);
    walk_report(w, plain ? WALK_BOUND : WALK_TOO_LONG, !plain, walk_node_file(w, ni),
                w->c->nodes[ni].line, ni, x, plain ? msg : endless);
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
    bool *p = mem_calloc(c->n_nodes ? c->n_nodes : 1, sizeof *p);
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
    r->pub.variants = mem_calloc(n, sizeof *r->pub.variants);
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
    mem_free(pub->findings);
    for (size_t i = 0; i < pub->n_variants; i++) {
        walk_variant *v = &pub->variants[i];
        for (size_t k = 0; v->node_paths && k < pub->c->n_nodes; k++)
            path_free(&v->node_paths[k]);
        mem_free(v->node_paths);
        mem_free(v->visited);
        mem_free(v->edges);
    }
    mem_free(pub->variants);
    if (r->have_first_advised)
        path_free(&r->first_advised.path);
    walk_teaching_free(r);
    pool_free(&r->strings);
    strmap_free(r->images);
    mem_free(r);
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
    result_impl *r = mem_calloc(1, sizeof *r);
    if (!r || !(r->strings.index = strmap_new())) {
        mem_free(r);
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    r->pub.c = c;
    r->image_check = o->image_check;
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
        if (k == 0) {
            walk_text_case(&w);
            walk_images_case(&w);
        }
        rc = walk_search_variant(&w);
        if (rc == 0)
            rc = k + 1 == r->pub.n_variants ? walk_analysis_cross_variant(r, &w) : 0;
        if (rc != 0)
            *e = w.fatal_e;
        walk_search_free(&w);
    }
    mem_free(plain);
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
    case WALK_NO_FEEDBACK:
        return "no_feedback";
    case WALK_BOUND:
        return "bound";
    case WALK_UNEXPLORED:
        return "unexplored";
    case WALK_VARIANT_TALK:
        return "variant_in_text";
    case WALK_OUTCOME_GIVEN_AWAY:
        return "outcome_given_away";
    case WALK_IMAGE:
        return "image";
    case WALK_BEST_HARM:
        return "best_only_harm";
    case WALK_OTHER_GOOD:
        return "other_only_good";
    case WALK_AI_ALWAYS_WRONG:
        return "ai_always_wrong";
    case WALK_SAME_ADVICE:
        return "same_advice";
    }
    return "unknown";
}
