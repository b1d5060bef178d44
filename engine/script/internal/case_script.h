/* case_script: the Lua side of a loaded case and of one play of it, shared
 * by the script/ sources only (case_load.c, case_runtime.c, case_state.c).
 *
 * A case file's case_def holds a case_script (case_def.driver_data), which
 * never changes once loaded: the Lua state with the case table. Everything
 * one session changes is in its case_run, so that runs of one case can be
 * open at once and each plays as it would alone. They share the Lua state;
 * math.random's generator state lives in that state, once, so each run
 * keeps its own copy and loads it into the generator around each of its
 * calls into the case (case_runtime.c). */
#ifndef CASE_SCRIPT_H
#define CASE_SCRIPT_H

#include "case_driver.h"
#include "host.h"
#include "srcmap.h"

struct case_script {
    script_host *host;
    srcmap *map;  /* lines of keys in the case file */
    int case_ref; /* registry ref of the case table */
};

struct case_run {
    const case_def *c;
    struct case_script *cs;
    int s_ref;          /* registry ref of this play's `s` */
    int node_ref;       /* registry ref of the current node as resolved on entry */
    double clock;       /* simulated minutes */
    unsigned char *rng; /* this play's random generator state (host_random_state) */
    size_t rng_len;
};

/* The driver of case files (lua_driver.c), which case_load sets. */
extern const case_driver lua_driver;

static inline struct case_script *case_script_of(const case_def *c)
{
    return c->driver_data;
}

#endif
