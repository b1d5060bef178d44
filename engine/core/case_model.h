/* case_model: a loaded case in C (scenario-format.md, format 1).
 *
 * Whoever makes a case fills these structs and names the driver that plays
 * it (case_driver.h): for a case file, the loader (script/case_load.c)
 * validates the Lua table into them. Values an author wrote as functions are
 * not known until play: the node is then marked `dynamic` and the driver
 * resolves it into a fresh case_node when the node is entered. `next` and
 * `on_timeout` functions are called later, when the choice is made or the
 * time runs out; here they show only as a flag (`*_fn` == 1): the driver
 * finds the function in the node as resolved on entry.
 *
 * A case_def does not change while it is played, so one case can serve
 * several sessions at once; what changes in play lives in each session's
 * run (case_driver.h). */
#ifndef CASE_MODEL_H
#define CASE_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"
#include "vitals.h"

#define CASE_FORMAT_MAX 1 /* the newest case format this engine reads */

typedef enum case_outcome { OUTCOME_GOOD, OUTCOME_NEUTRAL, OUTCOME_HARM } case_outcome;
/* The early-warning score a case shows: NEWS2 (the default), or none, for
 * patients NEWS2 is not for (pregnancy, children). */
typedef enum case_early_warning { EARLY_WARNING_NEWS2, EARLY_WARNING_NONE } case_early_warning;
typedef enum advice_timing {
    TIMING_AFTER_INITIAL,
    TIMING_WITH_CASE,
    TIMING_ON_REQUEST
} advice_timing;
typedef enum rationale_ask { RATIONALE_NEVER, RATIONALE_OVERRIDE, RATIONALE_ALWAYS } rationale_ask;
typedef enum node_kind { NODE_DECISION, NODE_NARRATIVE, NODE_ENDING } node_kind;

/* A list of owned strings. */
typedef struct strlist {
    char **items;
    size_t n;
} strlist;

/* An image shown with a result or a node (scenario-format.md "Images"):
 * a PNG or JPEG file in the case's folder, and what it shows in words. */
typedef struct case_image {
    char *file; /* as written: a path inside the case's folder; NULL: no image */
    char *alt;  /* what the image shows, in words; never empty when file is set */
    int line;   /* where the case names it, 0 when unknown */
} case_image;

typedef struct case_result {
    char *name;
    bool is_num; /* value is num, else text */
    double num;
    char *text;
    char *unit; /* NULL when none */
    char *flag; /* NULL when none */
    case_image image;
} case_result;

typedef struct case_option {
    char *id;
    char *label;
    char *next;  /* NULL: the decision's next */
    int next_fn; /* 1 when next is a function, 0 when none */
    int line;
    char *feedback; /* the decision's feedback text for this option (a feedback
                     * table's [id] entry); NULL or "" for none */
} case_option;

typedef struct case_reason {
    char *factor;
    double weight;
} case_reason;

typedef struct case_advice {
    bool present;
    char *tool;     /* as logged: the ai key with several tools, the tool's name with one */
    int tool_index; /* index into case_def.tools */
    char *recommend;
    bool has_confidence;
    double confidence; /* 0..1 */
    char *message;
    case_reason *reasons;
    size_t n_reasons;
    advice_timing timing;
    char *source; /* "AI" when not given */
} case_advice;

typedef struct case_decision {
    char *prompt; /* NULL when none */
    case_option *options;
    size_t n_options;
    strlist best;
    case_advice advice;
    bool ask_trust;
    bool ask_confidence;
    rationale_ask ask_rationale;
    double time_limit; /* seconds; 0 when none */
    char *on_timeout;  /* node id, NULL when none */
    int on_timeout_fn; /* 1 when on_timeout is a function, 0 when none */
    int on_timeout_line;
    char *next;     /* decision-level next, NULL when none */
    int next_fn;    /* 1 when the decision-level next is a function, 0 when none */
    /* The case's feedback: a text shown whatever was chosen, or a feedback
     * table's `default`; NULL or "" for none. The table's per-option texts
     * are in the options (case_option.feedback); case_feedback_for picks. */
    char *feedback;
} case_decision;

typedef struct case_ending {
    case_outcome outcome;
    char *summary;
} case_ending;

typedef struct case_node {
    char *id;
    int line;   /* line of the node's table in the case file, 0 when unknown */
    char *file; /* file the node was written in (an include may differ), borrowed */
    char *title;
    char *text;
    double elapsed; /* simulated minutes that pass on entering */
    node_kind kind;
    case_decision decision; /* kind == NODE_DECISION */
    char *next;             /* kind == NODE_NARRATIVE: static target, or NULL with next_fn */
    int next_fn;
    case_ending ending; /* kind == NODE_ENDING */
    char *debrief;      /* NULL when none */
    case_image image;   /* shown with the node's text; file NULL when none */
    bool dynamic;       /* some value is a function: resolved on entry (case_driver.enter) */
} case_node;

typedef struct case_kv {
    char *key;
    double value;
} case_kv;

typedef struct case_tool {
    char *key; /* the ai table key with several tools; NULL with one */
    char *name;
    char *version;
    char *kind;
    char *intended_use;
    case_kv *performance; /* sorted by key */
    size_t n_performance;
    char *trained_on;
    strlist limitations;
} case_tool;

typedef struct case_patient {
    char *name;
    bool has_age;
    double age;
    char *sex;
    char *setting;
    char *complaint;
    strlist history;
    strlist medications;
    strlist allergies;
} case_patient;

struct case_driver; /* how the case plays (case_driver.h) */

typedef struct case_def {
    char *file;      /* path as given */
    char sha256[65]; /* hex of the file's bytes */
    int format;
    char *id;
    char *version;
    char *title;
    char *summary;
    strlist objectives;
    strlist authors;
    strlist references;
    strlist tags;
    double minutes; /* 0 when not given */
    bool has_start_time;
    int start_time; /* the time of day at the start, minutes after midnight (has_start_time) */
    case_early_warning early_warning;
    strlist variants;
    case_patient patient;
    vitals vitals;
    case_result *results;
    size_t n_results;
    case_tool *tools;
    size_t n_tools;
    bool multi_tool;
    char *start;
    case_node *nodes; /* sorted by id */
    size_t n_nodes;
    case_image *images; /* every image the case's tables name (for check), as loaded */
    size_t n_images;
    size_t cap_images;                /* room in images */
    strlist sources; /* the files the case was read from: its file as given, then each file
                      * it included (resolved paths); what `play --watch` watches */
    const struct case_driver *driver; /* plays the case; set by whoever made it */
    void *driver_data; /* the driver's own (for a case file: its Lua state), owned by it */
} case_def;

/* What the patient looks like now: the state after entering a node, as the
 * driver reports it. */
typedef struct case_live {
    double clock; /* simulated minutes since the start */
    vitals vitals;
    case_result *results; /* revealed so far, in order */
    size_t n_results;
} case_live;

/* The node with this id, or NULL. */
const case_node *case_find_node(const case_def *c, const char *id);
/* Index of the node with this id, or -1. */
long case_node_index(const case_def *c, const char *id);
/* The option with this id in d, or NULL. */
const case_option *case_find_option(const case_decision *d, const char *id);
/* The case's feedback text for the option with this id: the option's own
 * text, else the decision's (a plain text or the table's default); NULL
 * when neither is given or both are empty. */
const char *case_feedback_for(const case_decision *d, const char *option_id);
/* Whether id is listed in d->best. */
bool case_is_best(const case_decision *d, const char *id);
/* Appends d's option ids to b, as "a, b, c" (for messages). */
void case_options_join(const case_decision *d, strbuf *b);
/* Appends l's items to b, as "a, b, c". */
void strlist_join(const strlist *l, strbuf *b);

/* The words a case writes for each value, in the enum's order, and NULL. */
extern const char *const case_outcome_names[];
extern const char *const case_early_warning_names[];
extern const char *const advice_timing_names[];
extern const char *const rationale_ask_names[];
const char *case_outcome_name(case_outcome o);
const char *advice_timing_name(advice_timing t);

/* Releases what a case_node owns (not the node itself). */
void case_node_free(case_node *n);
/* Deep copy of a node; 0, or -1 when out of memory. */
int case_node_copy(case_node *dst, const case_node *src);
void strlist_free(strlist *l);
/* Releases what a case_tool owns (not the tool itself). */
void case_tool_free(case_tool *t);
/* Releases every part a case_def owns, nodes and tools included; not its
 * driver's data (driver_data), nor c itself. */
void case_def_free_parts(case_def *c);
/* Releases what a case_live owns and empties it. NULL is fine. */
void case_live_free(case_live *l);
void case_result_free(case_result *r);
int case_result_copy(case_result *dst, const case_result *src);

#endif
