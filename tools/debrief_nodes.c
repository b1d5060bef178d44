/* debrief_nodes: the per-decision aggregation of the debrief report
 * (debrief_nodes.h). One block per (case, node), found through a strmap
 * keyed "CASE\0NODE"; its options grow as sessions show them, with the
 * flow matrix laid out again when one is added (rare: a case edited
 * between sessions). Public views (debrief_node) are built by
 * debrief_nodes_finish, once nothing more can move. */
#include "debrief_nodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "metrics.h"
#include "strmap.h"

/* Distinct texts (titles, prompts, teaching points) counted per node; a
 * further one is not counted (a case edited more often than this is rare,
 * and the count stays bounded). */
#define MAX_VOTES DEBRIEF_NODES_MAX_TEACHING

typedef struct vote {
    char *text;
    char *ai; /* teaching only: the AI's option where it was first given */
    long n;
} vote;

typedef struct votes {
    vote v[MAX_VOTES];
} votes;

typedef struct text_list {
    debrief_text_item *v;
    size_t n, cap;
    long left_out;
} text_list;

typedef struct name_list {
    const char **v;
    size_t n, cap;
} name_list;

typedef struct opt_acc {
    char *id, *label; /* label: NULL until a log gives one */
    bool best;
    long advised, initial, final;
    text_list rationales;
} opt_acc;

typedef struct node_acc {
    debrief_node pub; /* its counts as they are added; the rest filled by finish */
    char *case_id, *node_id;
    votes case_title, title, prompt, teaching;
    opt_acc *opts;
    size_t n_opts, cap_opts;
    debrief_node_option *pub_opts; /* as many; filled by finish */
    size_t cap_pub;
    long *flow; /* (n_opts + 1)^2, [initial][final], index n_opts: none */
    double pos_sum, ai_conf_sum;
    name_list toward_names, away_names;
    const char *sort_title; /* the case's title, the same for all its nodes */
} node_acc;

struct debrief_nodes {
    bool keep_texts, finished;
    strmap *index; /* "CASE\0NODE" -> position in nodes */
    node_acc **nodes;
    size_t n, cap;
};

/* ---- Small parts ---- */

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Counts s (NULL: nothing) among the node's distinct texts. */
static int vote_add_with(votes *vs, const char *s, const char *ai)
{
    if (!s)
        return 0;
    for (int i = 0; i < MAX_VOTES; i++) {
        vote *v = &vs->v[i];
        if (!v->text) {
            if (!(v->text = mem_strdup(s)))
                return -1;
            if (ai && !(v->ai = mem_strdup(ai))) {
                mem_free(v->text);
                v->text = NULL;
                return -1;
            }
            v->n = 1;
            return 0;
        }
        if (strcmp(v->text, s) == 0) {
            v->n++;
            return 0;
        }
    }
    return 0;
}

static int vote_add(votes *vs, const char *s)
{
    return vote_add_with(vs, s, NULL);
}

/* The text most counted, the first on a tie; NULL when none. */
static const char *vote_best(const votes *vs)
{
    const vote *best = NULL;
    for (int i = 0; i < MAX_VOTES && vs->v[i].text; i++)
        if (!best || vs->v[i].n > best->n)
            best = &vs->v[i];
    return best ? best->text : NULL;
}

static void votes_free(votes *vs)
{
    for (int i = 0; i < MAX_VOTES; i++) {
        mem_free(vs->v[i].text);
        mem_free(vs->v[i].ai);
    }
}

/* Keeps a copy of trainee and text (NULL trainee kept as NULL). */
static int text_add(text_list *l, const char *trainee, const char *text)
{
    if (l->n >= DEBRIEF_NODES_MAX_TEXTS) {
        l->left_out++;
        return 0;
    }
    debrief_text_item *v = mem_grow(l->v, &l->cap, l->n + 1, sizeof *v);
    if (!v)
        return -1;
    l->v = v;
    char *t = trainee ? mem_strdup(trainee) : NULL, *x = mem_strdup(text);
    if ((trainee && !t) || !x) {
        mem_free(t);
        mem_free(x);
        return -1;
    }
    l->v[l->n++] = (debrief_text_item){t, x};
    return 0;
}

static void texts_free(text_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        mem_free((char *)l->v[i].trainee);
        mem_free((char *)l->v[i].text);
    }
    mem_free(l->v);
}

static int name_add(name_list *l, const char *name)
{
    if (l->n >= DEBRIEF_NODES_MAX_TEXTS)
        return 0;
    const char **v = mem_grow(l->v, &l->cap, l->n + 1, sizeof *v);
    if (!v)
        return -1;
    l->v = v;
    char *copy = mem_strdup(name ? name : "(unknown)");
    if (!copy)
        return -1;
    l->v[l->n++] = copy;
    return 0;
}

static void names_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        mem_free((char *)l->v[i]);
    mem_free(l->v);
}

/* ---- One node ---- */

static void node_free(node_acc *a)
{
    if (!a)
        return;
    mem_free(a->case_id);
    mem_free(a->node_id);
    votes_free(&a->case_title);
    votes_free(&a->title);
    votes_free(&a->prompt);
    votes_free(&a->teaching);
    for (size_t i = 0; i < a->n_opts; i++) {
        mem_free(a->opts[i].id);
        mem_free(a->opts[i].label);
        texts_free(&a->opts[i].rationales);
    }
    mem_free(a->opts);
    mem_free(a->flow);
    names_free(&a->toward_names);
    names_free(&a->away_names);
    mem_free(a->pub_opts);
    mem_free(a);
}

/* The option's index; n_opts (none) for a NULL id; -1 when it is not
 * there. */
static long opt_find(const node_acc *a, const char *id)
{
    if (!id)
        return (long)a->n_opts;
    for (size_t i = 0; i < a->n_opts; i++)
        if (strcmp(a->opts[i].id, id) == 0)
            return (long)i;
    return -1;
}

/* Adds option id, laying the flow out again for one more row and column. */
static int opt_add(node_acc *a, const char *id)
{
    size_t n = a->n_opts, m = n + 2; /* the new side, none included */
    opt_acc *v = mem_grow(a->opts, &a->cap_opts, n + 1, sizeof *v);
    if (!v)
        return -1;
    a->opts = v;
    debrief_node_option *pv = mem_grow(a->pub_opts, &a->cap_pub, n + 1, sizeof *pv);
    if (!pv)
        return -1;
    a->pub_opts = pv;
    long *flow = mem_calloc(m * m, sizeof *flow);
    char *copy = mem_strdup(id);
    if (!flow || !copy) {
        mem_free(flow);
        mem_free(copy);
        return -1;
    }
    for (size_t i = 0; i <= n && a->flow; i++)
        for (size_t f = 0; f <= n; f++)
            flow[(i == n ? n + 1 : i) * m + (f == n ? n + 1 : f)] = a->flow[i * (n + 1) + f];
    mem_free(a->flow);
    a->flow = flow;
    memset(&a->opts[n], 0, sizeof a->opts[n]);
    a->opts[n].id = copy;
    a->n_opts = n + 1;
    return 0;
}

/* Makes sure every option the decision names is there. */
static int opts_ensure(node_acc *a, const log_decision *d)
{
    const char *extra[] = {d->initial, d->final, d->ai};
    for (size_t i = 0; i < d->n_options; i++)
        if (d->options[i] && opt_find(a, d->options[i]) < 0 && opt_add(a, d->options[i]) != 0)
            return -1;
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (extra[i] && opt_find(a, extra[i]) < 0 && opt_add(a, extra[i]) != 0)
            return -1;
    if (!a->flow && !(a->flow = mem_calloc(1, sizeof *a->flow))) /* no options at all */
        return -1;
    return 0;
}

static int opts_label(node_acc *a, const log_decision *d)
{
    bool parallel = d->n_labels == d->n_options;
    for (size_t i = 0; i < d->n_options; i++) {
        long k = opt_find(a, d->options[i]);
        if (k >= 0 && k < (long)a->n_opts) {
            opt_acc *o = &a->opts[k];
            o->best = o->best || metrics_is_best(d, o->id);
            if (parallel && !o->label && d->labels[i] && d->labels[i][0] &&
                !(o->label = mem_strdup(d->labels[i])))
                return -1;
        }
    }
    return 0;
}

/* The advice's part: counts, who switched toward it and away from it. */
static int add_advice(debrief_nodes *ns, node_acc *a, const log_decision *d, const char *trainee)
{
    long ai = opt_find(a, d->ai);
    a->pub.advice_shown++;
    if (d->ai)
        a->opts[ai].advised++;
    if (d->has_ai_correct)
        d->ai_correct ? a->pub.ai_right++ : a->pub.ai_wrong++;
    if (d->has_ai_confidence) {
        a->ai_conf_sum += d->ai_confidence;
        a->pub.ai_confidence_n++;
    }
    if (metrics_followed(d) && d->has_ai_correct && !d->ai_correct)
        a->pub.followed_wrong++;
    if (d->has_followed_ai && !d->followed_ai && metrics_ai_correct(d))
        a->pub.rejected_right++;
    if (!d->ai || !d->initial || !d->final || same(d->initial, d->final))
        return 0;
    if (same(d->final, d->ai)) {
        a->pub.toward_ai++;
        return ns->keep_texts ? name_add(&a->toward_names, trainee) : 0;
    }
    if (same(d->initial, d->ai)) {
        a->pub.away_from_ai++;
        return ns->keep_texts ? name_add(&a->away_names, trainee) : 0;
    }
    return 0;
}

/* The node record the decision was made in: the last one of its node
 * before it; NULL when the read kept none. */
static const log_node *node_record(const log_session *s, const log_decision *d)
{
    const log_node *found = NULL;
    for (size_t i = 0; i < s->n_records && s->records[i].seq < d->seq; i++) {
        const log_record *r = &s->records[i];
        if (r->type == LOG_REC_NODE && same(r->as.node.node, d->node))
            found = &r->as.node;
    }
    return found;
}

static int node_add(debrief_nodes *ns, node_acc *a, const log_session *s, size_t pos)
{
    const log_decision *d = &s->decisions[pos];
    const log_node *rec = node_record(s, d);
    if (opts_ensure(a, d) != 0 || opts_label(a, d) != 0 ||
        vote_add(&a->case_title, s->case_title) || vote_add(&a->prompt, d->prompt) ||
        (rec && vote_add(&a->title, rec->title)) ||
        (rec && vote_add_with(&a->teaching, rec->teaching, metrics_advice_shown(d) ? d->ai : NULL)))
        return -1;
    long i = opt_find(a, d->initial), f = opt_find(a, d->final);
    size_t m = a->n_opts + 1;
    a->pub.decisions++;
    a->pos_sum += (double)pos;
    a->flow[(size_t)i * m + (size_t)f]++;
    if (d->initial)
        a->opts[i].initial++;
    if (d->final)
        a->opts[f].final++;
    if (d->has_final_correct)
        d->final_correct ? a->pub.final_right++ : a->pub.final_wrong++;
    if (d->has_trust && d->trust >= 1 && d->trust <= 7)
        a->pub.trust_hist[d->trust]++;
    if (metrics_advice_shown(d) && add_advice(ns, a, d, s->trainee) != 0)
        return -1;
    if (ns->keep_texts && d->final && d->rationale && d->rationale[strspn(d->rationale, " \t\r\n")])
        return text_add(&a->opts[f].rationales, s->trainee, d->rationale);
    return 0;
}

/* ---- The aggregate ---- */

debrief_nodes *debrief_nodes_new(bool keep_texts)
{
    debrief_nodes *n = mem_calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->keep_texts = keep_texts;
    if (!(n->index = strmap_new())) {
        mem_free(n);
        return NULL;
    }
    return n;
}

void debrief_nodes_free(debrief_nodes *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        node_free(n->nodes[i]);
    mem_free(n->nodes);
    strmap_free(n->index);
    mem_free(n);
}

/* The block of (case, node), added when new; NULL when out of memory. */
static node_acc *node_get(debrief_nodes *ns, const char *case_id, const char *node)
{
    size_t lc = case_id ? strlen(case_id) : 0, ln = strlen(node);
    char *key = mem_malloc(lc + ln + 2);
    bool added;
    if (!key)
        return NULL;
    memcpy(key, case_id ? case_id : "", lc);
    key[lc] = '\0';
    memcpy(key + lc + 1, node, ln + 1);
    size_t *slot = strmap_find(ns->index, key, lc + ln + 1);
    if (slot) {
        mem_free(key);
        return ns->nodes[*slot];
    }
    node_acc **v = mem_grow(ns->nodes, &ns->cap, ns->n + 1, sizeof *v);
    node_acc *a = mem_calloc(1, sizeof *a);
    if (v)
        ns->nodes = v;
    if (!v || !a || !(a->node_id = mem_strdup(node)) ||
        (case_id && !(a->case_id = mem_strdup(case_id))) ||
        !(slot = strmap_put(ns->index, key, lc + ln + 1, &added))) {
        mem_free(key);
        node_free(a);
        return NULL;
    }
    mem_free(key);
    *slot = ns->n;
    ns->nodes[ns->n++] = a;
    return a;
}

int debrief_nodes_add(debrief_nodes *n, const log_session *s)
{
    if (n->finished)
        return -1;
    for (size_t i = 0; i < s->n_decisions; i++) {
        const log_decision *d = &s->decisions[i];
        if (!d->node)
            continue; /* nowhere to put it (the reader reported it) */
        node_acc *a = node_get(n, s->case_id, d->node);
        if (!a || node_add(n, a, s, i) != 0)
            return -1;
    }
    return 0;
}

/* ---- Finishing ---- */

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_nodes(const void *pa, const void *pb)
{
    const node_acc *a = *(node_acc *const *)pa, *b = *(node_acc *const *)pb;
    int c = cmp_str(a->sort_title ? a->sort_title : a->case_id,
                    b->sort_title ? b->sort_title : b->case_id);
    if (c == 0)
        c = cmp_str(a->case_id, b->case_id);
    if (c != 0)
        return c;
    if (a->pub.mean_position != b->pub.mean_position)
        return a->pub.mean_position < b->pub.mean_position ? -1 : 1;
    return cmp_str(a->node_id, b->node_id);
}

/* Every node of a case sorts by one title: that of the case's first node
 * (in the order they were met) that has one. */
static void case_titles(debrief_nodes *ns)
{
    for (size_t i = 0; i < ns->n; i++) {
        node_acc *a = ns->nodes[i];
        for (size_t j = 0; j <= i && !a->sort_title; j++) {
            const node_acc *b = ns->nodes[j];
            if (cmp_str(a->case_id, b->case_id) == 0 && (a->case_id || !b->case_id))
                a->sort_title = vote_best(&b->case_title);
        }
    }
}

/* Every distinct teaching point, most given first (the first given on a
 * tie), with the AI's option where each was first given: they differ where
 * a case's teaching text follows the advice. */
static void publish_teachings(debrief_node *p, const votes *vs)
{
    size_t n = 0;
    for (int i = 0; i < MAX_VOTES && vs->v[i].text; i++) {
        size_t k = n++;
        for (; k > 0 && p->teachings[k - 1].decisions < vs->v[i].n; k--)
            p->teachings[k] = p->teachings[k - 1];
        p->teachings[k] = (debrief_teaching){vs->v[i].text, vs->v[i].ai, vs->v[i].n};
    }
    p->n_teachings = n;
}

static void node_publish(node_acc *a)
{
    debrief_node *p = &a->pub;
    p->case_id = a->case_id;
    p->case_title = a->sort_title;
    p->node_id = a->node_id;
    p->title = vote_best(&a->title);
    p->prompt = vote_best(&a->prompt);
    p->teaching = vote_best(&a->teaching);
    publish_teachings(p, &a->teaching);
    p->n_options = a->n_opts;
    p->options = a->pub_opts;
    p->flow = a->flow;
    if (p->ai_confidence_n > 0)
        p->ai_confidence_mean = a->ai_conf_sum / (double)p->ai_confidence_n;
    p->toward_trainees = a->toward_names.v;
    p->n_toward = a->toward_names.n;
    p->away_trainees = a->away_names.v;
    p->n_away = a->away_names.n;
    for (size_t i = 0; i < a->n_opts; i++) {
        const opt_acc *o = &a->opts[i];
        a->pub_opts[i] = (debrief_node_option){
            .id = o->id,
            .label = o->label ? o->label : o->id,
            .best = o->best,
            .advised = o->advised,
            .initial = o->initial,
            .final = o->final,
            .rationales = o->rationales.v,
            .n_rationales = o->rationales.n,
            .rationales_left_out = o->rationales.left_out,
        };
    }
}

void debrief_nodes_finish(debrief_nodes *n)
{
    if (n->finished)
        return;
    n->finished = true;
    case_titles(n);
    for (size_t i = 0; i < n->n; i++) {
        node_acc *a = n->nodes[i];
        a->pub.mean_position = a->pub.decisions > 0 ? a->pos_sum / (double)a->pub.decisions : 0.0;
        node_publish(a);
    }
    if (n->n > 1)
        qsort(n->nodes, n->n, sizeof *n->nodes, cmp_nodes);
}

size_t debrief_nodes_count(const debrief_nodes *n)
{
    return n && n->finished ? n->n : 0;
}

const debrief_node *debrief_nodes_at(const debrief_nodes *n, size_t i)
{
    return i < debrief_nodes_count(n) ? &n->nodes[i]->pub : NULL;
}

const debrief_node *debrief_nodes_caught_out(const debrief_nodes *n)
{
    const debrief_node *best = NULL;
    for (size_t i = 0; i < debrief_nodes_count(n); i++) {
        const debrief_node *d = &n->nodes[i]->pub;
        if (d->final_wrong == 0 && d->followed_wrong == 0)
            continue;
        if (!best || d->followed_wrong > best->followed_wrong ||
            (d->followed_wrong == best->followed_wrong && d->final_wrong > best->final_wrong))
            best = d;
    }
    return best;
}

const char *debrief_nodes_letter(size_t k, char *buf, size_t size)
{
    if (k < 26)
        snprintf(buf, size, "%c", (char)('A' + k));
    else
        snprintf(buf, size, "%zu", k + 1);
    return buf;
}

unsigned debrief_nodes_keep(void)
{
    return 1u << LOG_REC_NODE;
}
