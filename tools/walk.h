/* walk: the exhaustive exploration of a case behind `appraise check` and
 * `appraise graph` (cli.md, issue "For case authors").
 *
 * For each variant the walk plays the case through the session API, with no
 * log, taking every branch: every option at every decision as the final
 * choice (the initial choice of after_initial advice is made the same: no
 * case function sees it, only s.choices of final choices), and the time
 * limit running out where there is one. On_request advice is asked before
 * the first, third, … option and not before the others, so where there are
 * two options it is both asked and not (asking changes nothing a case
 * function sees; the first branch, always played in a session, asks).
 * Ratings are fixed (4), a rationale is "check"; the seed is 1.
 *
 * A path is the sequence of those branches from the start to its end: an
 * ending, a case failure, a return to a state already on the path (a loop
 * the trainee may leave), or a bound. Paths are shown as
 * "first_look=repeat → worse=(timeout)".
 *
 * States. The walk stops at every decision that waits for a choice; two
 * arrivals at the same state are merged, so the branches of a state are
 * tried once and paths are counted by dynamic programming, not enumerated:
 *  - at a node whose whole future involves no Lua function (no function
 *    value anywhere in it, nor in any node it can lead to), nothing can read
 *    `s` any more, so the node alone is the state;
 *  - elsewhere the state is the node, the resolved decision and a digest
 *    of `s` with the random generator and the clock (the case driver's
 *    state_key, through session_state_key; for Lua, script/case_state.c,
 *    whose cost does not grow with how often `s` holds one big string).
 * Sessions cannot be forked. The search goes depth first, taking a new
 * state's first branch in the session that just reached it; each other
 * branch of a plain-future state is read from the case itself (playing it
 * could not differ), and each other branch elsewhere replays a path to the
 * state in a new session. So a plain case costs one session step per
 * state, a case with functions O(states x depth) steps (about 1 ms per
 * state 16 decisions deep); max_states bounds that work and is reported
 * when hit. Shortest paths are found over
 * the state graph afterwards, so every path reported is a shortest one. */
#ifndef WALK_H
#define WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "apperr.h"
#include "case_model.h"
#include "session.h"

typedef enum walk_step_kind {
    WALK_CHOOSE,  /* the final choice of option */
    WALK_TIMEOUT, /* the decision's time limit ran out */
    WALK_CONTINUE /* Continue at a narrative node (in edges only, never in paths) */
} walk_step_kind;

/* One branch taken: the node left and how. */
typedef struct walk_step {
    walk_step_kind kind;
    int node;           /* index into c->nodes */
    const char *option; /* WALK_CHOOSE: the option id (owned by the result), else NULL */
} walk_step;

/* The decisions of a path, from the start. */
typedef struct walk_path {
    walk_step *steps;
    size_t n;
    const char *variant; /* the variant it was walked in; NULL when the case has none */
} walk_path;

/* A move from node to node that the walk saw (for the map: targets of next
 * and on_timeout functions are known only from these). A choice is marked
 * from the decision as resolved where it was taken (best and a recommendation
 * may be functions of `s`): the same move taken where the option was best
 * and where it was not is two edges. */
typedef struct walk_edge {
    walk_step via; /* the node left and how */
    int to;        /* index of the node entered */
    bool best;     /* WALK_CHOOSE: the option is in the decision's best there */
    bool ai;       /* WALK_CHOOSE: the decision's advice recommends it there */
} walk_edge;

typedef enum walk_finding_kind {
    WALK_UNREACHABLE,        /* error: no path reaches the node, in any variant (said only
                                when the walk was cut by no bound) */
    WALK_NO_WAY_OUT,         /* error: from here every path loops forever */
    WALK_TOO_LONG,           /* error: a path longer than the bound (decisions or narrative
                                steps) where `s` can change: it may never end */
    WALK_CASE_FAILED,        /* error: a case function failed, ran too long, used too much
                                memory, returned no node or a wrong value */
    WALK_ENDING_UNREACHED,   /* warning: an ending no path reaches in one variant */
    WALK_AI_ALWAYS_RIGHT,    /* warning: the AI is right at every advised decision reached */
    WALK_NO_DEBRIEF,         /* warning: an advised decision without debrief text */
    WALK_NO_FEEDBACK,        /* warning: an advised decision without the case's feedback text
                                for some of its options */
    WALK_BOUND,              /* warning: the walk stopped at max_states, or a path with no
                                function ahead at the bound on decisions or narrative steps
                                (it does end: it is only long); the rest is partial */
    WALK_UNEXPLORED,         /* warning: nodes no path reached within the bounds on decisions
                                and narrative steps, once a path was cut by one: one finding,
                                at the first of them, with their count */
    WALK_VARIANT_TALK,       /* warning: trainee-facing text names a variant or says "variant" */
    WALK_OUTCOME_GIVEN_AWAY, /* warning: the title, summary or a tag names the outcome, or
                                a decision's or narrative node's title does */
    WALK_IMAGE,              /* error: an image is missing, cannot be read or decoded */
    WALK_BEST_HARM,          /* warning: a best option after which every path ends in harm (over
                                every state where it is best that choices among the best
                                reach, in one variant) */
    WALK_OTHER_GOOD,         /* warning: an option outside best after which every path ends
                                well (over every state where it is not best, in one variant) */
    WALK_AI_ALWAYS_WRONG,    /* warning: the AI is wrong at every advised decision reached (two
                                or more) */
    WALK_SAME_ADVICE         /* warning: variants whose advice is the same at every advised
                                decision (what the trainee is shown: recommendation, source,
                                tool, message, reasons, confidence, timing; and whether it is
                                right), as is the decision there (title, text, prompt,
                                options, best, time limit) */
} walk_finding_kind;

typedef struct walk_finding {
    walk_finding_kind kind;
    bool error; /* else a warning */
    char *file; /* the file at fault */
    int line;   /* its line, 0 when unknown */
    char *message;
    int node;      /* index of the node concerned, -1 when none */
    bool has_path; /* path: the shortest choice path that reaches it */
    walk_path path;
} walk_finding;

/* What the walk of one variant found. Path counts are doubles: a plain case
 * can have more paths than fit in 64 bits. */
typedef struct walk_variant {
    const char *name;          /* NULL when the case has no variants */
    double paths;              /* complete paths explored */
    double paths_to[3];        /* of those, ending in good, neutral, harm (case_outcome) */
    double paths_failed;       /* ending in a case failure */
    double paths_looping;      /* returning to a state already on the path */
    double paths_cut;          /* cut short by a bound */
    size_t endings_reached[3]; /* distinct ending nodes reached, by outcome */
    size_t states;             /* distinct decision states */
    size_t nodes_visited;
    bool *visited;             /* per node of c->nodes */
    double advised;            /* advised decisions summed over the paths */
    double ai_right;           /* of those, where the AI recommended a best option */
    double advised_paths;      /* paths that reach at least one advised decision */
    size_t advised_decisions;  /* distinct decision nodes where advice was given */
    size_t ai_right_decisions; /* of those, where the AI was right in every state reached */
    size_t ai_mixed_decisions; /* of those, where it was right in some states, wrong in others */
    bool bound_hit;
    walk_edge *edges; /* distinct moves seen, in the order found */
    size_t n_edges;
    walk_path *node_paths; /* per node of c->nodes: the shortest choice path that enters
                              it (no step for the start, and for a node not visited) */
} walk_variant;

typedef struct walk_result {
    const case_def *c;
    walk_variant *variants; /* one per variant walked (one with name NULL when none) */
    size_t n_variants;
    walk_finding *findings; /* errors and warnings, by file and line */
    size_t n_findings;
    size_t n_errors, n_warnings;
} walk_result;

#define WALK_MAX_STATES_DEFAULT 5000
#define WALK_MAX_DEPTH_DEFAULT 200      /* decisions on one path */
#define WALK_MAX_NARRATIVE_DEFAULT 1000 /* narrative steps between two decisions */

typedef struct walk_opts {
    size_t max_states;    /* distinct states per variant; 0: WALK_MAX_STATES_DEFAULT */
    size_t max_depth;     /* 0: WALK_MAX_DEPTH_DEFAULT */
    size_t max_narrative; /* 0: WALK_MAX_NARRATIVE_DEFAULT */
    const char *variant;  /* walk only this variant; NULL: every variant */
    /* How the case's images are read (case_image.h), as the window reads
     * them: the window's decoder where there is one (ui/image.c), else
     * case_image_check_file. NULL: images are not checked. */
    int (*image_check)(const char *case_file, const case_image *im, apperr *e);
} walk_opts;

/* Walks every path of c (which must not be in a session) and fills *out.
 * Returns 0 with findings about the case in *out; -1 (e filled, *out NULL)
 * only when the walk itself cannot run: an unknown variant (APPERR_USAGE),
 * out of memory (APPERR_ENV). */
int walk_case(const case_def *c, const walk_opts *o, walk_result **out, apperr *e);

void walk_free(walk_result *r);

/* Plays the n steps in a new session of c in variant (NULL: none), as the
 * walk plays (seed 1, no log, the same ratings), each at the node the
 * session waits at: a choice or a time-out at a decision, WALK_CONTINUE at
 * a narrative node (so, the `via` of walked edges in order, not a
 * walk_path, which has no Continue steps). Returns the session after the
 * last step, or NULL when a step cannot be played there, the case fails or
 * memory runs out. Close it with session_close. */
session *walk_replay(const case_def *c, const char *variant, const walk_step *const *steps,
                     size_t n);

/* Writes p as "first_look=repeat → worse=(timeout)" (a step repeated n times
 * in a row as "count=again ×n"), "(the start)" when it has no step; returns
 * buf. */
const char *walk_path_format(const walk_result *r, const walk_path *p, char *buf, size_t size);

/* A short stable name for the kind: "unreachable", "no_way_out", … */
const char *walk_finding_kind_name(walk_finding_kind k);

#endif
