/* walk_play: the walk's moves through a case (private to tools/): one
 * branch of a decision played in a session, or read from the case tables
 * where no function lies ahead, on through narrative nodes to where it
 * stops. What it enters is noted for the map (visits, moves). See walk.c. */
#ifndef WALK_PLAY_H
#define WALK_PLAY_H

#include "walk_internal.h"

/* Opens a new session for w's variant (closing the last): 0, also when the
 * case fails on opening (w->err says why); -1 when the walk must give up. */
int walk_play_open(walker *w);

/* Takes the branch of the decision the session waits at that chooses
 * option (NULL: the time limit runs out), asking for on_request advice
 * first when ask, and answers what follows the choice. 0, or -1 when the
 * session refused (w->rejected) or the walk must give up (w->fatal). */
int walk_play_branch(walker *w, const char *option, bool ask);

/* Plays on from the session's point, entered by prev, through narrative
 * nodes until a decision waits (E_STATE, with its node), an ending is
 * reached or the case fails. x is the edge being discovered (visits and
 * moves are noted, findings reported), NONE when replaying. */
stop walk_play_advance(walker *w, uint32_t x, walk_step prev);

/* The same where the future is plain, read from the case itself: no
 * function can make playing it differ, so no session is needed. */
stop walk_play_advance_plain(walker *w, uint32_t x, walk_step prev);

/* A step the session refused at node: the walk and the session disagree
 * (reported on x unless it is NONE). */
stop walk_play_refused(walker *w, uint32_t x, int node);

#endif
