/* c_case: a small case written in C for the tests of the walk and the map
 * (test_walk, test_graph_map), played by a driver whose memory, like the
 * tools', comes from the core's allocation hook (next ids too, as
 * case_driver.h asks), so the failing allocator counts every block a walk
 * of it leaves. Its shape exercises each part of the walk:
 *
 *   a_start (decision, not plain: on_request advice, 30 s limit)
 *     go -> b_mid (narrative, not plain) -> d_pick
 *     wait, time out -> c_slow (advice without debrief: a warning)
 *   c_slow, d_pick: x -> e_good (dynamic: resolved on entry), y -> f_harm;
 *     d_pick also z -> h_loop
 *   h_loop: again -> h_loop (no way out: an error)
 *   g_orphan: no path reaches it (an error)
 * in two variants, v1 and v2. Every branch of a_start but the first
 * replays. */
#ifndef C_CASE_H
#define C_CASE_H

#include "case_model.h"

typedef struct c_case {
    case_def c;
    case_node nodes[8];
    case_option start_opts[2], pick_opts[3], loop_opts[1];
    char *best[1], *variants[2];
    case_tool tool;
} c_case;

/* Fills f; it holds no memory of its own (nothing to free). */
void c_case_init(c_case *f);

#endif
