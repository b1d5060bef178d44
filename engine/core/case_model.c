/* case_model: lookups over a loaded case, and copying and freeing its parts.
 *
 * Copies are built so that at every moment each pointer in the destination is
 * either its own allocation or NULL: a copy that runs out of memory part way
 * is then released with the matching _free and never touches the source. */
#include "case_model.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* ---- lookups ---- */

long case_node_index(const case_def *c, const char *id)
{
    size_t lo = 0, hi;
    if (!c || !id)
        return -1;
    hi = c->n_nodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(c->nodes[mid].id, id);
        if (cmp == 0)
            return (long)mid;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

const case_node *case_find_node(const case_def *c, const char *id)
{
    long i = case_node_index(c, id);
    return i < 0 ? NULL : &c->nodes[i];
}

const case_option *case_find_option(const case_decision *d, const char *id)
{
    if (!d || !id)
        return NULL;
    for (size_t i = 0; i < d->n_options; i++)
        if (strcmp(d->options[i].id, id) == 0)
            return &d->options[i];
    return NULL;
}

bool case_is_best(const case_decision *d, const char *id)
{
    if (!d || !id)
        return false;
    for (size_t i = 0; i < d->best.n; i++)
        if (strcmp(d->best.items[i], id) == 0)
            return true;
    return false;
}

void case_options_join(const case_decision *d, strbuf *b)
{
    for (size_t i = 0; i < d->n_options; i++) {
        if (i)
            strbuf_adds(b, ", ");
        strbuf_adds(b, d->options[i].id);
    }
}

void strlist_join(const strlist *l, strbuf *b)
{
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strbuf_adds(b, ", ");
        strbuf_adds(b, l->items[i]);
    }
}

const char *case_outcome_name(case_outcome o)
{
    switch (o) {
    case OUTCOME_GOOD:
        return "good";
    case OUTCOME_NEUTRAL:
        return "neutral";
    case OUTCOME_HARM:
        return "harm";
    }
    return "unknown";
}

const char *advice_timing_name(advice_timing t)
{
    switch (t) {
    case TIMING_AFTER_INITIAL:
        return "after_initial";
    case TIMING_WITH_CASE:
        return "with_case";
    case TIMING_ON_REQUEST:
        return "on_request";
    }
    return "unknown";
}

/* ---- freeing ---- */

void strlist_free(strlist *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        mem_free(l->items[i]);
    mem_free(l->items);
    l->items = NULL;
    l->n = 0;
}

void case_result_free(case_result *r)
{
    if (!r)
        return;
    mem_free(r->name);
    mem_free(r->text);
    mem_free(r->unit);
    mem_free(r->flag);
    memset(r, 0, sizeof *r);
}

static void advice_free(case_advice *a)
{
    mem_free(a->tool);
    mem_free(a->recommend);
    mem_free(a->message);
    for (size_t i = 0; i < a->n_reasons; i++)
        mem_free(a->reasons[i].factor);
    mem_free(a->reasons);
    mem_free(a->source);
}

static void decision_free(case_decision *d)
{
    mem_free(d->prompt);
    for (size_t i = 0; i < d->n_options; i++) {
        mem_free(d->options[i].id);
        mem_free(d->options[i].label);
        mem_free(d->options[i].next);
    }
    mem_free(d->options);
    strlist_free(&d->best);
    advice_free(&d->advice);
    mem_free(d->on_timeout);
    mem_free(d->next);
    mem_free(d->feedback);
}

void case_live_free(case_live *l)
{
    if (!l)
        return;
    vitals_free(&l->vitals);
    for (size_t i = 0; i < l->n_results; i++)
        case_result_free(&l->results[i]);
    mem_free(l->results);
    memset(l, 0, sizeof *l);
}

/* Frees every part whatever the kind: parts a kind does not use are NULL. */
void case_node_free(case_node *n)
{
    if (!n)
        return;
    mem_free(n->id);
    mem_free(n->title);
    mem_free(n->text);
    decision_free(&n->decision);
    mem_free(n->next);
    mem_free(n->ending.summary);
    mem_free(n->debrief);
    memset(n, 0, sizeof *n); /* `file` is borrowed: forgotten, not freed */
}

/* ---- copying ---- */

/* Sets *dst to a copy of src (NULL stays NULL); false when out of memory,
 * leaving *dst NULL. */
static bool dup_into(char **dst, const char *src)
{
    size_t len;
    *dst = NULL;
    if (!src)
        return true;
    len = strlen(src) + 1;
    *dst = mem_malloc(len);
    if (!*dst)
        return false;
    memcpy(*dst, src, len);
    return true;
}

/* Allocates n zeroed elements into *dst; a zero count gives NULL. */
static bool alloc_array(void **dst, size_t n, size_t size)
{
    *dst = n ? mem_calloc(n, size) : NULL;
    return n == 0 || *dst != NULL;
}

static bool strlist_copy(strlist *dst, const strlist *src)
{
    dst->n = 0;
    if (!alloc_array((void **)&dst->items, src->n, sizeof *dst->items))
        return false;
    for (; dst->n < src->n; dst->n++)
        if (!dup_into(&dst->items[dst->n], src->items[dst->n]))
            return false;
    return true;
}

int case_result_copy(case_result *dst, const case_result *src)
{
    *dst = *src;
    bool ok = dup_into(&dst->name, src->name);
    ok = dup_into(&dst->text, src->text) && ok;
    ok = dup_into(&dst->unit, src->unit) && ok;
    ok = dup_into(&dst->flag, src->flag) && ok;
    if (ok)
        return 0;
    case_result_free(dst);
    return -1;
}

static bool options_copy(case_decision *dst, const case_decision *src)
{
    dst->n_options = 0;
    if (!alloc_array((void **)&dst->options, src->n_options, sizeof *dst->options))
        return false;
    for (; dst->n_options < src->n_options; dst->n_options++) {
        const case_option *s = &src->options[dst->n_options];
        case_option *d = &dst->options[dst->n_options];
        *d = *s;
        bool ok = dup_into(&d->id, s->id);
        ok = dup_into(&d->label, s->label) && ok;
        ok = dup_into(&d->next, s->next) && ok;
        if (!ok) {
            dst->n_options++; /* so that decision_free releases what was copied */
            return false;
        }
    }
    return true;
}

static bool advice_copy(case_advice *dst, const case_advice *src)
{
    *dst = *src;
    bool ok = dup_into(&dst->tool, src->tool);
    ok = dup_into(&dst->recommend, src->recommend) && ok;
    ok = dup_into(&dst->message, src->message) && ok;
    ok = dup_into(&dst->source, src->source) && ok;
    dst->n_reasons = 0;
    if (!alloc_array((void **)&dst->reasons, src->n_reasons, sizeof *dst->reasons))
        return false;
    for (; ok && dst->n_reasons < src->n_reasons; dst->n_reasons++) {
        dst->reasons[dst->n_reasons] = src->reasons[dst->n_reasons];
        ok = dup_into(&dst->reasons[dst->n_reasons].factor, src->reasons[dst->n_reasons].factor);
    }
    return ok;
}

static bool decision_copy(case_decision *dst, const case_decision *src)
{
    *dst = *src;
    bool ok = dup_into(&dst->prompt, src->prompt);
    ok = dup_into(&dst->on_timeout, src->on_timeout) && ok;
    ok = dup_into(&dst->next, src->next) && ok;
    ok = dup_into(&dst->feedback, src->feedback) && ok;
    /* Each copy below leaves its part own-or-empty even when it fails. */
    ok = options_copy(dst, src) && ok;
    ok = strlist_copy(&dst->best, &src->best) && ok;
    ok = advice_copy(&dst->advice, &src->advice) && ok;
    return ok;
}

int case_node_copy(case_node *dst, const case_node *src)
{
    *dst = *src; /* scalars, Lua refs and the borrowed file */
    bool ok = dup_into(&dst->id, src->id);
    ok = dup_into(&dst->title, src->title) && ok;
    ok = dup_into(&dst->text, src->text) && ok;
    ok = dup_into(&dst->next, src->next) && ok;
    ok = dup_into(&dst->ending.summary, src->ending.summary) && ok;
    ok = dup_into(&dst->debrief, src->debrief) && ok;
    ok = decision_copy(&dst->decision, &src->decision) && ok;
    if (ok)
        return 0;
    case_node_free(dst);
    return -1;
}
