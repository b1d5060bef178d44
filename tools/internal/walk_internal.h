/* walk_internal: what the walk's files share (private to tools/).
 *
 *   walk.c          the entry points, the result and its findings
 *   walk_search.c   one variant's search: the graph of decision states
 *   walk_play.c     playing one branch, in a session or from the case tables
 *   walk_analysis.c what the finished graph says: counts, traps, shortest paths
 *   walk_teaching.c what it says about the teaching: outcomes after best and
 *                   other options, advice per variant, advised decisions
 *
 * All their memory comes from the core's allocation hook (mem.h). */
#ifndef WALK_INTERNAL_H
#define WALK_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "session.h"
#include "strmap.h"
#include "walk.h"

#define NONE UINT32_MAX
#define OPT_TIMEOUT (-1) /* edge option: the time limit ran out */
#define OPT_START (-2)   /* edge option: the session opened */

/* Interned strings: option ids outlive the sessions that saw them. */
typedef struct pool {
    strmap *index; /* string -> its index in items */
    char **items;
    size_t n, cap;
} pool;

/* The public result and what only the walk's files see. */
typedef struct result_impl {
    walk_result pub;
    pool strings;
    size_t cap_findings;
    uint8_t *ai_seen; /* per node, over every variant: 1 the AI right there, 2 wrong, 3 both */
    bool have_first_advised;
    walk_finding first_advised; /* where to point that warning */
    bool any_bound;
    bool any_diverged;    /* a replay went another way: what was reached is unsure */
    size_t cut_depth;     /* a path was cut at this bound on decisions (0: none was) */
    size_t cut_narrative; /* a path was cut at this bound on narrative steps (0: none was) */
    int (*image_check)(const char *case_file, const case_image *im, apperr *e);
    strmap *images;           /* image files read, good or failed (and reported): keys only */
    struct walk_teach *teach; /* per variant walked: its advice (walk_teaching.c) */
} result_impl;

/* ---- one variant's search ------------------------------------------------- */

typedef struct wstate {
    int node;             /* index into c->nodes; -1 for the root */
    uint32_t parent_edge; /* the edge a replay reaches it by (after each round the
                             last of a shortest path); NONE for the root */
    uint32_t depth;       /* decisions along parent edges */
    uint32_t first_edge, n_edges;
    uint32_t cursor;      /* the next branch to try */
    const char **options; /* ids of its resolved options, interned */
    bool *best;           /* per option: listed in the resolved decision's best; NULL
                             when the decision has no best list */
    uint32_t n_options;
    bool timeout, on_request, advised, ai_right;
    bool deep; /* reached beyond max_depth: not expanded (unless a shorter path turns up) */
} wstate;

typedef enum edge_kind {
    E_STATE,    /* to a decision state */
    E_ENDING,   /* to an ending node */
    E_FAILED,   /* the case failed */
    E_LOOP,     /* narrative nodes that go round for ever */
    E_TOO_LONG, /* over max_narrative */
    E_CUT       /* over max_states: not explored */
} edge_kind;

typedef struct wedge {
    uint32_t from;
    int32_t option; /* index into from's options, OPT_TIMEOUT or OPT_START */
    uint8_t kind;
    uint8_t outcome; /* E_ENDING: case_outcome as resolved */
    uint32_t to;     /* E_STATE: state; E_ENDING: node */
} wedge;

/* A finding met on an edge during the search. Its path is the shortest of
 * those edges, known only when the search is over. */
typedef struct pending {
    walk_finding f;
} pending;

typedef struct sighting {
    uint32_t pending, edge;
} sighting;

/* Edge `edge` entered node `node`. */
typedef struct entry {
    uint32_t node, edge;
} entry;

/* The advice shown at a decision node, as a digest of what the trainee
 * sees (walk_teaching.c). */
typedef struct advice_seen {
    uint32_t node;
    uint8_t digest[16];
} advice_seen;

/* Where playing a branch stopped. */
typedef struct stop {
    edge_kind kind;
    int node;    /* the decision, ending or node at fault (E_STATE from the search: the state) */
    int outcome; /* E_ENDING */
} stop;

typedef struct walker {
    const case_def *c;
    size_t max_states, max_depth, max_narrative;
    result_impl *r;
    walk_variant *v;
    size_t cap_v_edges;       /* of v->edges */
    const bool *future_plain; /* per node: nothing from here on is a function */
    wstate *st;
    size_t n_st, cap_st;
    wedge *ed;
    size_t n_ed, cap_ed;
    strmap *states;    /* state key -> index in st */
    strmap *moves;     /* the walk_edges seen (for the map) */
    uint8_t *outcomes; /* per ending node: the outcomes it was reached with, as bits */
    uint32_t *stamp;   /* per node: the advance that last passed it */
    uint32_t stamp_now;
    uint32_t *path_buf; /* edges of the path being replayed */
    uint32_t *stack;    /* the depth-first search: states whose branches are being tried */
    size_t n_stack, cap_stack;
    uint32_t fresh;  /* the state the last branch created, NONE when none */
    bool fresh_live; /* and the session waits there */
    pending *pend;   /* findings met during the search, placed once paths are known */
    size_t n_pend, cap_pend;
    sighting *seen; /* every edge a pending finding was met on */
    size_t n_seen, cap_seen;
    entry *entries; /* every edge that entered a node, and the node */
    size_t n_entries, cap_entries;
    uint32_t *dist; /* after a round: decisions on a shortest path to each state */
    size_t cap_dist;
    advice_seen *advice; /* the advice of every advised state, in the order found */
    size_t n_advice, cap_advice;
    uint8_t *debrief_seen; /* per node: 1 an advised state with debrief text, 2 one without */
    entry *no_debrief;     /* every edge into an advised state without debrief text */
    size_t n_no_debrief, cap_no_debrief;
    session *s;
    bool step_best, step_ai; /* the choice being played: best, the AI's (as resolved) */
    int64_t t;
    apperr err;    /* what the last act that failed said */
    bool rejected; /* the session refused an action of the walk */
    bool fatal;    /* out of memory: give up */
    apperr fatal_e;
} walker;

/* ---- walk.c: the result, shared by the other files ------------------------ */

void walk_finding_free(walk_finding *f);

/* Adds f (taking what it owns) unless it is already there; a second sighting
 * with a shorter path keeps the shorter path. Returns -1 when out of memory. */
int walk_add_finding(result_impl *r, walk_finding *f);

/* The pool's copy of s and its index in *idx (when idx is not NULL); NULL
 * when out of memory. */
const char *walk_intern(pool *p, const char *s, uint32_t *idx);

/* Out of memory: the walk gives up. */
void walk_set_oom(walker *w);

/* mem_grow for the walker's arrays: NULL, and the walk gives up, when out
 * of memory. */
void *walk_grow(walker *w, void *p, size_t *cap, size_t need, size_t size);

/* The file of node i (the case's own file for -1 or a node without one). */
const char *walk_node_file(const walker *w, int i);

/* The steps of the path that ends with edge x (x itself included). */
int walk_path_of_edge(walker *w, uint32_t x, walk_path *out);

/* Adds a finding: with x NONE at once and without a path; else met on edge
 * x, and given the shortest path of the edges it is met on once the search
 * is over (walk_analysis_variant). */
void walk_report(walker *w, walk_finding_kind kind, bool error, const char *file, int line,
                 int node, uint32_t x, const char *msg);

/* A path cut at a bound at node ni, met on edge x (or NONE). Where no function
 * lies ahead the path is long, not endless: a warning that "<what> '<id>' and
 * what follows are not explored (bound N reached): the walk stops a path that
 * goes on for more than N <steps>"; elsewhere `s` may change each time round,
 * and the error `endless` is reported. */
void walk_report_cut(walker *w, int ni, uint32_t x, const char *what, size_t bound,
                     const char *steps, const char *endless);

/* walk_text.c: trainee-facing text of node ni as entered (n, functions
 * resolved) that names a variant; the case's title, summary and tags that
 * give the outcome away, once a walk. */
void walk_text_node(walker *w, uint32_t x, int ni, const case_node *n);
void walk_text_case(walker *w);

/* walk_teaching.c: notes the advice a new advised state (entered by edge
 * x) shows, as a digest, and whether it has debrief text; once a variant's
 * graph is analysed, reports advised decisions without debrief text (on
 * every path, or on some), counts its advised decisions and reports best
 * options after which every path ends in harm and other options after
 * which every path ends well; after the last variant, variants whose advice
 * is the same everywhere. -1 when out of memory (w->fatal). */
void walk_teaching_note_advice(walker *w, uint32_t x, int ni, const case_node *resolved);
int walk_teaching_variant(walker *w);
int walk_teaching_cross_variant(result_impl *r, walker *w);
void walk_teaching_free(result_impl *r);

/* walk_image.c: the images the case's tables name, once a walk, and those
 * a node shows as played (a function's, s.reveal's), each file read once as
 * check reads it (r->image_check: the window's decoder); one error an image
 * file that fails, at the line that names it (as played: at the node, with
 * the path to it). Nothing when r->image_check is NULL. */
void walk_images_case(walker *w);
void walk_images_seen(walker *w, uint32_t x, int ni, const session_view *v);

#endif
