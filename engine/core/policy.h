/* policy: the automatic trainees of `run --policy` and of the checker's walks
 * (cli.md "Policies"). */
#ifndef POLICY_H
#define POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "session.h"

typedef enum policy_kind {
    POLICY_BEST,
    POLICY_FOLLOW_AI,
    POLICY_AGAINST_AI,
    POLICY_FIRST,
    POLICY_RANDOM
} policy_kind;

typedef struct policy {
    policy_kind kind;
    uint64_t rng; /* state of the policy's own generator (random) */
    char rationale[32];
} policy;

/* Parses a policy name ("best", "follow-ai", …); 0, or -1 when unknown. */
int policy_parse(const char *name, policy_kind *out);
const char *policy_name(policy_kind k);

void policy_init(policy *p, policy_kind kind, unsigned long long seed);

/* The action the policy takes in view v. Returns false when the session
 * waits for nothing (ended). out->text points into v or p. */
bool policy_next_action(policy *p, const session_view *v, session_action *out);

#endif
