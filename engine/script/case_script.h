/* case_script: the Lua side of a loaded case, shared by case_load.c,
 * case_runtime.c and case_state.c only. */
#ifndef CASE_SCRIPT_H
#define CASE_SCRIPT_H

#include "host.h"
#include "srcmap.h"

struct case_script {
    script_host *host;
    srcmap *map;      /* lines of keys in the case file */
    int case_ref;     /* registry ref of the case table */
    int s_ref;        /* registry ref of the session state `s`, LUA_NOREF before begin */
    int node_ref;     /* registry ref of the current node as resolved on entry */
    double clock;     /* simulated minutes */
};

#endif
