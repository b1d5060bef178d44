/* case_model: lookups over a loaded case, and copying and freeing its parts.
 *
 * Copies are built so that at every moment each pointer in the destination is
 * either its own allocation or NULL: a copy that runs out of memory part way
 * is then released with the matching _free and never touches the source. */
#include "case_model.h"

#include <stddef.h>
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

const char *case_feedback_for(const case_decision *d, const char *option_id)
{
    if (!d)
        return NULL;
    const case_option *o = option_id ? case_find_option(d, option_id) : NULL;
    if (o && o->feedback && o->feedback[0])
        return o->feedback;
    return d->feedback && d->feedback[0] ? d->feedback : NULL;
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

/* Appends the string at off in each of the n items of size bytes at items,
 * as "a, b, c". */
static void join(strbuf *b, const void *items, size_t n, size_t size, size_t off)
{
    for (size_t i = 0; i < n; i++) {
        strbuf_adds(b, i ? ", " : "");
        strbuf_adds(b, *(char *const *)((const char *)items + i * size + off));
    }
}

void case_options_join(const case_decision *d, strbuf *b)
{
    join(b, d->options, d->n_options, sizeof *d->options, offsetof(case_option, id));
}

void strlist_join(const strlist *l, strbuf *b)
{
    join(b, l->items, l->n, sizeof *l->items, 0);
}

const char *const case_outcome_names[] = {
    [OUTCOME_GOOD] = "good", [OUTCOME_NEUTRAL] = "neutral", [OUTCOME_HARM] = "harm", NULL};
const char *const case_early_warning_names[] = {
    [EARLY_WARNING_NEWS2] = "news2", [EARLY_WARNING_NONE] = "none", NULL};
const char *const advice_timing_names[] = {[TIMING_AFTER_INITIAL] = "after_initial",
                                           [TIMING_WITH_CASE] = "with_case",
                                           [TIMING_ON_REQUEST] = "on_request",
                                           NULL};
const char *const rationale_ask_names[] = {[RATIONALE_NEVER] = "never",
                                           [RATIONALE_OVERRIDE] = "override",
                                           [RATIONALE_ALWAYS] = "always",
                                           NULL};

const char *case_outcome_name(case_outcome o)
{
    return (unsigned)o <= OUTCOME_HARM ? case_outcome_names[o] : "unknown";
}

const char *advice_timing_name(advice_timing t)
{
    return (unsigned)t <= TIMING_ON_REQUEST ? advice_timing_names[t] : "unknown";
}

/* ---- the texts each part owns ----
 *
 * Each part's owned strings are declared once, by offset, for both freeing
 * and copying; the lists, arrays and nested parts are done by hand below. */

#define N(a) (sizeof(a) / sizeof(a)[0])

static const size_t RESULT_TEXTS[] = {
    offsetof(case_result, name),       offsetof(case_result, text),
    offsetof(case_result, unit),       offsetof(case_result, flag),
    offsetof(case_result, image.file), offsetof(case_result, image.alt)};
static const size_t IMAGE_TEXTS[] = {offsetof(case_image, file), offsetof(case_image, alt)};
static const size_t OPTION_TEXTS[] = {offsetof(case_option, id), offsetof(case_option, label),
                                      offsetof(case_option, next), offsetof(case_option, feedback)};
static const size_t REASON_TEXTS[] = {offsetof(case_reason, factor)};
static const size_t ADVICE_TEXTS[] = {offsetof(case_advice, tool), offsetof(case_advice, recommend),
                                      offsetof(case_advice, message),
                                      offsetof(case_advice, source)};
static const size_t DECISION_TEXTS[] = {
    offsetof(case_decision, prompt), offsetof(case_decision, on_timeout),
    offsetof(case_decision, next), offsetof(case_decision, feedback)};
/* not `file`, which is borrowed */
static const size_t NODE_TEXTS[] = {offsetof(case_node, id),
                                    offsetof(case_node, title),
                                    offsetof(case_node, text),
                                    offsetof(case_node, next),
                                    offsetof(case_node, ending.summary),
                                    offsetof(case_node, debrief),
                                    offsetof(case_node, image.file),
                                    offsetof(case_node, image.alt)};
static const size_t KV_TEXTS[] = {offsetof(case_kv, key)};
static const size_t TOOL_TEXTS[] = {
    offsetof(case_tool, key),  offsetof(case_tool, name),         offsetof(case_tool, version),
    offsetof(case_tool, kind), offsetof(case_tool, intended_use), offsetof(case_tool, trained_on)};
#define C(m) offsetof(case_def, m)
static const size_t CASE_TEXTS[] = {
    C(file),  C(id),           C(version),     C(title),           C(summary),
    C(start), C(patient.name), C(patient.sex), C(patient.setting), C(patient.complaint)};
static const size_t CASE_LISTS[] = {
    C(objectives), C(authors),         C(references),          C(tags),
    C(variants),   C(patient.history), C(patient.medications), C(patient.allergies),
    C(sources)};
#undef C

static char **text_at(const void *part, size_t off)
{
    return (char **)((const char *)part + off);
}

static void texts_free(void *part, const size_t *offs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mem_free(*text_at(part, offs[i]));
}

/* Frees n parts of size bytes (their texts at offs) and the array. */
static void parts_free(void *arr, size_t n, size_t size, const size_t *offs, size_t n_offs)
{
    for (size_t i = 0; i < n; i++)
        texts_free((char *)arr + i * size, offs, n_offs);
    mem_free(arr);
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
    texts_free(r, RESULT_TEXTS, N(RESULT_TEXTS));
    memset(r, 0, sizeof *r);
}

static void advice_free(case_advice *a)
{
    texts_free(a, ADVICE_TEXTS, N(ADVICE_TEXTS));
    parts_free(a->reasons, a->n_reasons, sizeof *a->reasons, REASON_TEXTS, N(REASON_TEXTS));
}

static void decision_free(case_decision *d)
{
    texts_free(d, DECISION_TEXTS, N(DECISION_TEXTS));
    parts_free(d->options, d->n_options, sizeof *d->options, OPTION_TEXTS, N(OPTION_TEXTS));
    strlist_free(&d->best);
    advice_free(&d->advice);
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
    texts_free(n, NODE_TEXTS, N(NODE_TEXTS));
    decision_free(&n->decision);
    memset(n, 0, sizeof *n); /* `file` is borrowed: forgotten, not freed */
}

void case_tool_free(case_tool *t)
{
    texts_free(t, TOOL_TEXTS, N(TOOL_TEXTS));
    parts_free(t->performance, t->n_performance, sizeof *t->performance, KV_TEXTS, N(KV_TEXTS));
    strlist_free(&t->limitations);
}

void case_def_free_parts(case_def *c)
{
    texts_free(c, CASE_TEXTS, N(CASE_TEXTS));
    for (size_t i = 0; i < N(CASE_LISTS); i++)
        strlist_free((strlist *)((char *)c + CASE_LISTS[i]));
    vitals_free(&c->vitals);
    for (size_t i = 0; i < c->n_results; i++)
        case_result_free(&c->results[i]);
    mem_free(c->results);
    for (size_t i = 0; i < c->n_tools; i++)
        case_tool_free(&c->tools[i]);
    mem_free(c->tools);
    for (size_t i = 0; i < c->n_nodes; i++)
        case_node_free(&c->nodes[i]);
    mem_free(c->nodes);
    parts_free(c->images, c->n_images, sizeof *c->images, IMAGE_TEXTS, N(IMAGE_TEXTS));
}

/* ---- copying ---- */

/* Sets *dst to a copy of src (NULL stays NULL); false when out of memory,
 * leaving *dst NULL. */
static bool dup_into(char **dst, const char *src)
{
    *dst = src ? mem_strdup(src) : NULL;
    return !src || *dst;
}

/* Makes part's texts at offs (pointing to another's after a struct copy)
 * its own copies: each then its own or NULL, false when one ran out of
 * memory. */
static bool texts_copy(void *part, const size_t *offs, size_t n)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        ok = dup_into(text_at(part, offs[i]), *text_at(part, offs[i])) && ok;
    return ok;
}

/* A copy of the n parts of size bytes at src, their texts at offs their
 * own; NULL for none. *done counts the parts that own what they point to
 * (the one that failed included), for parts_free; *ok is cleared when out
 * of memory. */
static void *parts_copy(const void *src, size_t n, size_t size, const size_t *offs, size_t n_offs,
                        size_t *done, bool *ok)
{
    char *arr = n ? mem_calloc(n, size) : NULL;
    *done = 0;
    if (n && !arr)
        *ok = false;
    for (; arr && *done < n; (*done)++) {
        char *part = arr + *done * size;
        memcpy(part, (const char *)src + *done * size, size);
        if (!texts_copy(part, offs, n_offs)) {
            (*done)++;
            *ok = false;
            break;
        }
    }
    return arr;
}

static bool strlist_copy(strlist *dst, const strlist *src)
{
    dst->n = 0;
    dst->items = src->n ? mem_calloc(src->n, sizeof *dst->items) : NULL;
    if (src->n && !dst->items)
        return false;
    for (; dst->n < src->n; dst->n++)
        if (!dup_into(&dst->items[dst->n], src->items[dst->n]))
            return false;
    return true;
}

int case_result_copy(case_result *dst, const case_result *src)
{
    *dst = *src;
    if (texts_copy(dst, RESULT_TEXTS, N(RESULT_TEXTS)))
        return 0;
    case_result_free(dst);
    return -1;
}

static bool advice_copy(case_advice *dst, const case_advice *src)
{
    *dst = *src;
    bool ok = texts_copy(dst, ADVICE_TEXTS, N(ADVICE_TEXTS));
    dst->reasons = parts_copy(src->reasons, src->n_reasons, sizeof *src->reasons, REASON_TEXTS,
                              N(REASON_TEXTS), &dst->n_reasons, &ok);
    return ok;
}

static bool decision_copy(case_decision *dst, const case_decision *src)
{
    *dst = *src;
    /* Each copy leaves its part own-or-empty even when it fails. */
    bool ok = texts_copy(dst, DECISION_TEXTS, N(DECISION_TEXTS));
    dst->options = parts_copy(src->options, src->n_options, sizeof *src->options, OPTION_TEXTS,
                              N(OPTION_TEXTS), &dst->n_options, &ok);
    ok = strlist_copy(&dst->best, &src->best) && ok;
    ok = advice_copy(&dst->advice, &src->advice) && ok;
    return ok;
}

int case_node_copy(case_node *dst, const case_node *src)
{
    *dst = *src; /* scalars, Lua refs and the borrowed file */
    bool ok = texts_copy(dst, NODE_TEXTS, N(NODE_TEXTS));
    ok = decision_copy(&dst->decision, &src->decision) && ok;
    if (ok)
        return 0;
    case_node_free(dst);
    return -1;
}
