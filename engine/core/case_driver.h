/* case_driver: what a session needs from a case while it plays.
 *
 * The core declares it and never knows what fills it in. Whoever makes a
 * case_def names its driver there (case_def.driver): script/ fills one
 * const table for case files written in Lua (script/lua_driver.c); a test
 * can fill one in C. One table per kind of case, as TIC-80's
 * tic_script_config lets each language fill one. The session calls nothing
 * else of a case, and the checker reaches the state key and plain nodes
 * through the same table.
 *
 * A case_def does not change in play and may serve several sessions at
 * once. All that one play changes (for Lua: its `s`, the node as resolved on
 * entry, the clock, the random generator's state) lives in a run: begin
 * makes it, the session owns it, end frees it. A run borrows its case: end
 * every run before the case is freed. Runs of one case are used from one
 * thread.
 *
 * Every function returns 0, or -1 with e filled: APPERR_INPUT (FILE:LINE
 * where known) when the case fails in play (a function raises, runs too
 * long, uses too much memory, returns a wrong value), APPERR_ENV when out of
 * memory. */
#ifndef CASE_DRIVER_H
#define CASE_DRIVER_H

#include <stdbool.h>

#include "apperr.h"
#include "case_model.h"

#define CASE_STATE_KEY_SIZE 32 /* bytes of a state key */

typedef struct case_run case_run; /* one play of a case; each driver defines its own */

/* One value an author gives a fresh run (`--set KEY=VALUE`, cli.md "Start
 * anywhere"): a variable of the case (s.vars.KEY in Lua), or a vital
 * (s.vitals.KEY) already checked against the format's keys and ranges. */
typedef enum case_setting_kind { CASE_SET_NUMBER, CASE_SET_BOOL, CASE_SET_TEXT } case_setting_kind;

typedef struct case_setting {
    bool vital;      /* vitals.KEY rather than a variable */
    const char *key; /* without "vitals." */
    case_setting_kind kind;
    double num;       /* CASE_SET_NUMBER */
    bool flag;        /* CASE_SET_BOOL */
    const char *text; /* CASE_SET_TEXT, quotes stripped */
} case_setting;

typedef struct case_driver {
    const char *name; /* the kind of case, for messages: "lua" */

    /* A fresh run: the case's state as at the start (vitals and results
     * from the case, no variables or choices, clock 0, the variant, or
     * none when variant is NULL), its random numbers drawn from seed. */
    int (*begin)(const case_def *c, unsigned long long seed, const char *variant, case_run **out,
                 apperr *e);

    /* Gives a fresh run (after begin, before the first enter) one value,
     * as if the case had set it. NULL: the driver takes none, and a
     * session given --set is refused (APPERR_USAGE). */
    int (*set)(case_run *r, const case_setting *v, apperr *e);

    /* Enters node_id: the clock moves on by its elapsed, its vitals,
     * results and variables apply, its entry code runs, and each value
     * that is computed in play is computed once and checked. Fills *node (a
     * resolved copy: not dynamic, though its next and on_timeout may still
     * be functions) and *live; the caller frees both. On failure both are
     * left empty. */
    int (*enter)(case_run *r, const char *node_id, case_node *node, case_live *live, apperr *e);

    /* The node after node, as entered last. For a decision, choice is the
     * final option id (recorded in the run's choices), and the option's
     * next is taken, else the decision's; for a narrative node choice is
     * NULL. *next_id is an id of a node of the case, allocated through
     * mem.h (mem_strdup): the caller frees it with mem_free. */
    int (*next)(case_run *r, const case_node *node, const char *choice, char **next_id, apperr *e);

    /* The node the decision's on_timeout names (as next: mem_free it). */
    int (*timeout_target)(case_run *r, const case_node *node, char **next_id, apperr *e);

    /* For the checker: a digest of everything that decides how the run
     * plays on from here (variables, vitals, results, choices, clock,
     * random generator). Two runs with the same key play the same from
     * here. NULL when the driver cannot tell: the checker then merges no
     * states. */
    int (*state_key)(case_run *r, unsigned char key[CASE_STATE_KEY_SIZE], apperr *e);

    /* For the checker: whether node_id computes nothing in play, so that
     * entering and leaving it can neither read nor change a run's state.
     * NULL when the driver cannot tell: no node is then plain. */
    int (*node_plain)(const case_def *c, const char *node_id, bool *plain, apperr *e);

    /* Frees a run. NULL is fine. */
    void (*end)(case_run *r);
} case_driver;

#endif
