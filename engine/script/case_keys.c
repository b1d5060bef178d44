#include "case_keys.h"

#include <stdio.h>
#include <string.h>

static const char *const CASE_KEYS[] = {
    "format",     "id",    "version", "title",         "summary",    "objectives", "authors",
    "references", "tags",  "minutes", "variants",      "patient",    "vitals",     "results",
    "ai",         "start", "nodes",   "early_warning", "start_time", NULL};
static const char *const PATIENT_KEYS[] = {
    "name", "age", "sex", "setting", "complaint", "history", "medications", "allergies", NULL};
static const char *const TOOL_KEYS[] = {"name",        "version",    "kind",        "intended_use",
                                        "performance", "trained_on", "limitations", NULL};
static const char *const RESULT_KEYS[] = {"name", "value", "unit", "flag", "image", NULL};
static const char *const NODE_KEYS[] = {"title",   "text",    "image",    "elapsed",  "vitals",
                                        "results", "set",     "on_enter", "decision", "next",
                                        "ending",  "debrief", NULL};
static const char *const IMAGE_KEYS[] = {"file", "alt", NULL};
static const char *const DECISION_KEYS[] = {"prompt",     "options",    "best",     "advice", "ask",
                                            "time_limit", "on_timeout", "feedback", "next",   NULL};
static const char *const OPTION_KEYS[] = {"id", "label", "next", NULL};
static const char *const ADVICE_KEYS[] = {"tool",    "recommend", "confidence", "message",
                                          "reasons", "timing",    "source",     NULL};
static const char *const ASK_KEYS[] = {"trust", "confidence", "rationale", NULL};
static const char *const ENDING_KEYS[] = {"outcome", "summary", NULL};

typedef struct level_def {
    const char *const *keys;
    const char *owner; /* "the node's", naming a key of this level from below */
} level_def;

static const level_def LEVELS[CASE_LEVEL_COUNT] = {
    [CASE_LEVEL_CASE] = {CASE_KEYS, "the case's"},
    [CASE_LEVEL_PATIENT] = {PATIENT_KEYS, "the patient's"},
    [CASE_LEVEL_TOOL] = {TOOL_KEYS, "the AI tool's"},
    [CASE_LEVEL_RESULT] = {RESULT_KEYS, "the result's"},
    [CASE_LEVEL_NODE] = {NODE_KEYS, "the node's"},
    [CASE_LEVEL_IMAGE] = {IMAGE_KEYS, "the image's"},
    [CASE_LEVEL_DECISION] = {DECISION_KEYS, "the decision's"},
    [CASE_LEVEL_OPTION] = {OPTION_KEYS, "the option's"},
    [CASE_LEVEL_ADVICE] = {ADVICE_KEYS, "the advice's"},
    [CASE_LEVEL_ASK] = {ASK_KEYS, "the ask's"},
    [CASE_LEVEL_ENDING] = {ENDING_KEYS, "the ending's"},
};

/* parent.key holds a table of level child, or (many) a list or map of them. */
typedef struct link {
    case_level parent, child;
    const char *key;
    bool many;
} link;

static const link LINKS[] = {
    {CASE_LEVEL_CASE, CASE_LEVEL_PATIENT, "patient", false},
    {CASE_LEVEL_CASE, CASE_LEVEL_TOOL, "ai", false},
    {CASE_LEVEL_CASE, CASE_LEVEL_RESULT, "results", true},
    {CASE_LEVEL_CASE, CASE_LEVEL_NODE, "nodes", true},
    {CASE_LEVEL_NODE, CASE_LEVEL_RESULT, "results", true},
    {CASE_LEVEL_NODE, CASE_LEVEL_IMAGE, "image", false},
    {CASE_LEVEL_NODE, CASE_LEVEL_DECISION, "decision", false},
    {CASE_LEVEL_NODE, CASE_LEVEL_ENDING, "ending", false},
    {CASE_LEVEL_RESULT, CASE_LEVEL_IMAGE, "image", false},
    {CASE_LEVEL_DECISION, CASE_LEVEL_OPTION, "options", true},
    {CASE_LEVEL_DECISION, CASE_LEVEL_ADVICE, "advice", false},
    {CASE_LEVEL_DECISION, CASE_LEVEL_ASK, "ask", false},
};
#define N_LINKS (sizeof LINKS / sizeof LINKS[0])

/* Hints are looked for this many tables away, up or down. */
#define HINT_DEPTH 2

const char *const *case_keys(case_level level)
{
    return (unsigned)level < CASE_LEVEL_COUNT ? LEVELS[level].keys : LEVELS[0].keys;
}

static bool holds(case_level level, const char *key)
{
    for (const char *const *k = LEVELS[level].keys; *k; k++)
        if (strcmp(*k, key) == 0)
            return true;
    return false;
}

/* The places found so far, joined by " or " (two at most). */
typedef struct found {
    char *out;
    size_t size;
    int n;
} found;

static void add_place(found *f, const char *place)
{
    if (f->n >= 2)
        return;
    size_t used = strlen(f->out);
    snprintf(f->out + used, f->size - used, "%s%s", f->n ? " or " : "", place);
    f->n++;
}

/* Tables depth levels below level (path: the keys down to it so far). */
static void look_down(found *f, case_level level, const char *key, const char *path, int depth)
{
    for (size_t i = 0; i < N_LINKS; i++) {
        if (LINKS[i].parent != level)
            continue;
        char sub[200];
        snprintf(sub, sizeof sub, "%s%s%s%s", path, path[0] ? "." : "", LINKS[i].key,
                 LINKS[i].many ? "[…]" : "");
        if (depth > 1) {
            look_down(f, LINKS[i].child, key, sub, depth - 1);
        } else if (holds(LINKS[i].child, key)) {
            char place[240];
            snprintf(place, sizeof place, "%s.%s", sub, key);
            add_place(f, place);
        }
    }
}

/* Tables depth levels above level: named with the key of the table below
 * them on the way, which the key is to go outside of. Never out of a node
 * into the case: what is written in a node is about that node (a node's id
 * is its key in nodes, not the case's id). */
static void look_up(found *f, case_level level, const char *key, int depth)
{
    for (size_t i = 0; i < N_LINKS; i++) {
        if (LINKS[i].child != level || level == CASE_LEVEL_NODE)
            continue;
        if (depth > 1) {
            look_up(f, LINKS[i].parent, key, depth - 1);
        } else if (holds(LINKS[i].parent, key)) {
            char place[200];
            snprintf(place, sizeof place, "%s %s, outside %s = { … }",
                     LEVELS[LINKS[i].parent].owner, key, LINKS[i].key);
            add_place(f, place);
        }
    }
}

/* Keys the format says another way at that level. */
static const struct {
    case_level level;
    const char *key, *words;
} IMPLIED[] = {
    {CASE_LEVEL_NODE, "id",
     "a node's id is its key in nodes = { … } (a = { … } is node a): take this line out"},
};

const char *case_keys_implied(case_level level, const char *key)
{
    for (size_t i = 0; i < sizeof IMPLIED / sizeof IMPLIED[0]; i++)
        if (IMPLIED[i].level == level && strcmp(IMPLIED[i].key, key) == 0)
            return IMPLIED[i].words;
    return NULL;
}

bool case_keys_elsewhere(case_level level, const char *key, char *out, size_t size)
{
    found f = {out, size, 0};
    if ((unsigned)level >= CASE_LEVEL_COUNT || size == 0)
        return false;
    out[0] = '\0';
    for (int depth = 1; depth <= HINT_DEPTH && f.n == 0; depth++) {
        look_down(&f, level, key, "", depth);
        look_up(&f, level, key, depth);
    }
    return f.n > 0;
}
