/* policy: the automatic trainees of cli.md "Policies". A policy looks only at
 * the session_view (and the node in it), so it plays through the same rules
 * as a person at the window. */
#include "policy.h"

#include <stdio.h>
#include <string.h>

static const char *const names[] = {
    [POLICY_BEST] = "best",   [POLICY_FOLLOW_AI] = "follow-ai", [POLICY_AGAINST_AI] = "against-ai",
    [POLICY_FIRST] = "first", [POLICY_RANDOM] = "random",
};

#define N_POLICIES (sizeof names / sizeof names[0])

int policy_parse(const char *name, policy_kind *out)
{
    for (size_t i = 0; name && i < N_POLICIES; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (policy_kind)i;
            return 0;
        }
    }
    return -1;
}

const char *policy_name(policy_kind k)
{
    return (size_t)k < N_POLICIES ? names[k] : "unknown";
}

void policy_init(policy *p, policy_kind kind, unsigned long long seed)
{
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->rng = (uint64_t)seed;
    snprintf(p->rationale, sizeof p->rationale, "policy %s", policy_name(kind));
}

/* splitmix64 (Steele, Lea & Flood 2014): a whole-64-bit generator with no
 * floating point, so a seed gives the same walk on every machine. */
static uint64_t next_u64(policy *p)
{
    uint64_t z = (p->rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n): draws below 2^64 mod n are redrawn, so no option is
 * favoured by the modulo. */
static size_t uniform(policy *p, size_t n)
{
    uint64_t bound = (uint64_t)n;
    uint64_t reject_below = (0 - bound) % bound;
    uint64_t r;
    do {
        r = next_u64(p);
    } while (r < reject_below);
    return (size_t)(r % bound);
}

static bool has_option(const case_decision *d, const char *id)
{
    for (size_t i = 0; id && i < d->n_options; i++)
        if (strcmp(d->options[i].id, id) == 0)
            return true;
    return false;
}

/* `best`: the first id listed in best (the panel's first answer) that is an
 * option, else the first option. */
static const char *pick_best(const case_decision *d)
{
    for (size_t i = 0; i < d->best.n; i++)
        if (has_option(d, d->best.items[i]))
            return d->best.items[i];
    return d->options[0].id;
}

/* `against-ai`: the first option that is not the recommendation. */
static const char *pick_against(const case_decision *d)
{
    for (size_t i = 0; i < d->n_options; i++)
        if (!d->advice.recommend || strcmp(d->options[i].id, d->advice.recommend) != 0)
            return d->options[i].id;
    return d->options[0].id;
}

static bool reads_ai(policy_kind k)
{
    return k == POLICY_FOLLOW_AI || k == POLICY_AGAINST_AI;
}

/* The option id for a choice at this step. The advice counts only once it is
 * shown: before after_initial advice the AI-minded policies take the first. */
static const char *pick_option(policy *p, const session_view *v, const case_decision *d)
{
    bool advised = v->advice_shown && d->advice.present && has_option(d, d->advice.recommend);
    switch (p->kind) {
    case POLICY_BEST:
        return pick_best(d);
    case POLICY_RANDOM:
        return d->options[uniform(p, d->n_options)].id;
    case POLICY_FOLLOW_AI:
        return advised ? d->advice.recommend : d->options[0].id;
    case POLICY_AGAINST_AI:
        return advised ? pick_against(d) : d->options[0].id;
    case POLICY_FIRST:
        break;
    }
    return d->options[0].id;
}

static int trust_rating(policy_kind k)
{
    return k == POLICY_FOLLOW_AI ? 6 : k == POLICY_AGAINST_AI ? 2 : 4;
}

static bool choose(policy *p, const session_view *v, session_action *out)
{
    if (!v->node || v->node->kind != NODE_DECISION || v->node->decision.n_options == 0)
        return false;
    const case_decision *d = &v->node->decision;
    if (v->step == STEP_CHOOSE_FINAL && reads_ai(p->kind) && v->can_ask && !v->advice_shown) {
        out->kind = ACT_ASK; /* on_request advice: ask first, then choose by it */
        return true;
    }
    out->kind = ACT_CHOOSE;
    out->text = pick_option(p, v, d);
    return true;
}

bool policy_next_action(policy *p, const session_view *v, session_action *out)
{
    memset(out, 0, sizeof *out);
    if (v->status != SESSION_PLAYING)
        return false;
    switch (v->step) {
    case STEP_CONTINUE:
    case STEP_FEEDBACK:
        out->kind = ACT_CONTINUE;
        return true;
    case STEP_CHOOSE_INITIAL:
    case STEP_CHOOSE_FINAL:
        return choose(p, v, out);
    case STEP_CONFIDENCE_INITIAL:
    case STEP_CONFIDENCE_FINAL:
        out->kind = ACT_CONFIDENCE;
        out->value = 4;
        return true;
    case STEP_TRUST:
        out->kind = ACT_TRUST;
        out->value = trust_rating(p->kind);
        return true;
    case STEP_RATIONALE:
        out->kind = ACT_RATIONALE;
        out->text = p->rationale;
        return true;
    case STEP_ENDED:
        break;
    }
    return false;
}
