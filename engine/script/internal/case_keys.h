/* case_keys: the keys each table of a case may hold, declared once for
 * format 1 (scenario-format.md), and which table holds which (a node's
 * decision, a decision's options …), so that a key written one level too
 * high or too low gets "did you mean decision.best?". */
#ifndef CASE_KEYS_H
#define CASE_KEYS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum case_level {
    CASE_LEVEL_CASE,
    CASE_LEVEL_PATIENT,
    CASE_LEVEL_TOOL,
    CASE_LEVEL_RESULT,
    CASE_LEVEL_NODE,
    CASE_LEVEL_IMAGE,
    CASE_LEVEL_DECISION,
    CASE_LEVEL_OPTION,
    CASE_LEVEL_ADVICE,
    CASE_LEVEL_ASK,
    CASE_LEVEL_ENDING,
    CASE_LEVEL_COUNT
} case_level;

/* The keys a table of this level may hold (NULL-terminated); keys that
 * begin with x_ are the author's own besides. */
const char *const *case_keys(case_level level);

/* key is none of level's. When it is a key of a table just below (best on
 * a node: its decision's) or just above (text on a decision: its node's),
 * writes where it belongs into out ("decision.best", "the node's text,
 * outside decision = { … }"; two places joined by "or") and returns true. */
bool case_keys_elsewhere(case_level level, const char *key, char *out, size_t size);

/* key is none of level's, and the format says it another way there (id on
 * a node: its key in nodes): the words that say so, else NULL. */
const char *case_keys_implied(case_level level, const char *key);

#endif
