/* debrief_nodes: the per-decision view of `appraise debrief` (issue 14),
 * the heart of the debrief room. For each case, and within it each decision
 * node in play order, one block: the node's title and prompt, the option
 * labels (from the log; the ids where an older log has none), what the AI
 * advised, whether it was right and its confidence, the flow of choices
 * from before the advice to after it, who switched toward the AI and who
 * away, the trust ratings as a distribution, the rationales grouped by final
 * choice and the teaching point.
 *
 * Streaming: sessions are added one by one (only those the figures count);
 * the aggregate holds one block per (case, node), counts per option, and —
 * only when keep_texts is asked for (the HTML report) — the trainee ids and
 * rationales, so that the terminal and JSON paths stay bounded by the
 * number of distinct decision nodes, not decisions. Even then the texts are
 * capped: DEBRIEF_NODES_MAX_TEXTS rationales per option and trainee ids per
 * list, and the block says how many more there were.
 *
 * Where the texts come from: option labels from the decision's `labels`
 * (parallel to `options`; the first session that logged them), the id where
 * no log did (logs written before labels were); the node's title and
 * teaching point from its `node` record (the last one entered before the
 * decision), the prompt from the decision; each the text most sessions
 * logged (the first on a tie), so that a case edited between sessions
 * still shows one.
 *
 * Play order within a case: by the mean position of the decision in its
 * sessions (0 for a session's first decision, 1 for its second…), so that
 * a node sessions meet earlier comes first; ties by node id (bytes). */
#ifndef DEBRIEF_NODES_H
#define DEBRIEF_NODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "apperr.h"
#include "log_reader.h"

/* Index of "no choice" (a time-out before the initial choice, or no
 * final) in a flow row or column: the last one, n_options. */
#define DEBRIEF_NODE_NONE(n) ((n)->n_options)

/* Rationales kept per option, and trainee ids per switch list. */
#define DEBRIEF_NODES_MAX_TEXTS 200

typedef struct debrief_text_item {
    const char *trainee; /* may be NULL */
    const char *text;
} debrief_text_item;

typedef struct debrief_node_option {
    const char *id;
    const char *label; /* the logged label; the id where none was logged */
    bool best;         /* in `best` in some session */
    long advised;      /* sessions where the AI advised this option (advice shown) */
    long initial;      /* initial choices of it */
    long final;        /* final choices of it */
    /* keep_texts only: the rationales of those whose final choice it was */
    const debrief_text_item *rationales;
    size_t n_rationales;
    long rationales_left_out; /* beyond DEBRIEF_NODES_MAX_TEXTS */
} debrief_node_option;

/* The distinct teaching points a block keeps (more are not counted). */
#define DEBRIEF_NODES_MAX_TEACHING 4

typedef struct debrief_teaching {
    const char *text;
    const char *ai; /* the AI's option where it was first given; NULL: no advice shown */
    long decisions; /* the decisions it was given at */
} debrief_teaching;

typedef struct debrief_node {
    const char *case_id, *case_title;
    const char *node_id;
    const char *title;    /* node record `title`; NULL in older logs */
    const char *prompt;   /* decision `prompt`; NULL in older logs */
    const char *teaching; /* node record `teaching`; the most frequent when it differs */
    /* Every distinct teaching point, most given first: more than one where
     * the case's teaching text follows the advice (a variant where the AI
     * is right and one where it is wrong). */
    debrief_teaching teachings[DEBRIEF_NODES_MAX_TEACHING];
    size_t n_teachings;
    size_t n_options;
    const debrief_node_option *options; /* in the case's order */
    long decisions;                     /* decision records counted */
    long advice_shown;                  /* of them, with advice shown */
    long ai_right, ai_wrong;            /* advice shown and judged */
    double ai_confidence_mean;          /* over advice shown with a confidence; */
    long ai_confidence_n;               /* 0: none given */
    /* flow[i][f]: initial choice i, final choice f; index n_options = none.
     * (n_options + 1) squared, row-major. */
    const long *flow;
    long toward_ai, away_from_ai;  /* switched to the AI's option / from it */
    long followed_wrong;           /* followed advice that was wrong (over-reliance) */
    long rejected_right;           /* did not follow advice that was right */
    long final_right, final_wrong; /* final choices judged (final_correct known) */
    double mean_position;          /* of the decision in its sessions (play order) */
    long trust_hist[8];            /* trust 1..7 (index 0 unused) */
    /* keep_texts only: who switched toward and away from the AI */
    const char *const *toward_trainees;
    size_t n_toward;
    const char *const *away_trainees;
    size_t n_away;
} debrief_node;

typedef struct debrief_nodes debrief_nodes;

/* keep_texts: keep trainee ids and rationales (the HTML report). NULL when
 * out of memory. */
debrief_nodes *debrief_nodes_new(bool keep_texts);
void debrief_nodes_free(debrief_nodes *n);

/* Adds a counted session's decisions (and its node records, when the read
 * kept them: log_read_opts.keep with LOG_REC_NODE). -1 when out of
 * memory. */
int debrief_nodes_add(debrief_nodes *n, const log_session *s);

/* Orders the blocks: by case (title, then id), then by play order within a
 * case. Nothing can be added afterwards. */
void debrief_nodes_finish(debrief_nodes *n);

size_t debrief_nodes_count(const debrief_nodes *n);
const debrief_node *debrief_nodes_at(const debrief_nodes *n, size_t i);

/* The decision that caught most trainees out: the most decisions that
 * followed wrong advice, then the most wrong final choices; NULL when no
 * decision had a wrong final choice. */
const debrief_node *debrief_nodes_caught_out(const debrief_nodes *n);

/* The record types the read must keep for the blocks' titles and teaching
 * points (bits for log_read_opts.keep). */
unsigned debrief_nodes_keep(void);

/* HTML: the per-decision view, one <section id="per-decision"> (h2)
 * holding a <section class="decision" id="d-CASE-NODE"> (h3) per node
 * (debrief_html_nodes.c; the id's parts keep ASCII letters and digits and
 * write every other byte as _XX, so that it is safe and unique); and the
 * summary's one paragraph naming the decision that caught most out,
 * linking to its block (nothing when none did). Return 0, or -1 when the
 * write failed (errno set). */
int debrief_html_nodes(FILE *f, const debrief_nodes *n);
int debrief_html_caught_out(FILE *f, const debrief_nodes *n);

/* The option's letter in the block, by its place k: "A", "B"… "Z", then
 * "27", "28"… (the flow chart labels its bars with it). Returns buf. */
const char *debrief_nodes_letter(size_t k, char *buf, size_t size);

/* The block's id ("d-" CASE "-" NODE, as above) into buf; buf when it fit,
 * else NULL. */
const char *debrief_nodes_anchor(const debrief_node *d, char *buf, size_t size);

/* The CSS of the blocks, for the page's <style> beside debrief_html_style. */
extern const char debrief_html_nodes_style[];

#endif
