/* host: the Lua host. Owns one lua_State, its sandbox (scenario-format.md
 * "The file"), a memory cap and an instruction budget, and the one protected
 * path by which anything calls into Lua (host_call), after lua.c's docall:
 * a message handler adds FILE:LINE and a traceback. Neither the cap nor the
 * budget can be swallowed by a pcall inside the case: once either trips, every
 * further instruction fails until the call unwinds to the host. */
#ifndef HOST_H
#define HOST_H

#include <stddef.h>

#include <lua.h>

#include "apperr.h"

#define HOST_MEM_DEFAULT ((size_t)64 * 1024 * 1024)
#define HOST_INSTR_DEFAULT 100000000UL /* about 0.6 s of plain Lua on a 2-core machine */

typedef struct script_host script_host;

/* A fresh sandbox for the case at case_file (which anchors include()). */
int host_open(script_host **out, const char *case_file, size_t mem_limit,
              unsigned long instr_limit, apperr *e);
void host_close(script_host *h);

lua_State *host_lua(script_host *h);

/* Calls the function below nargs arguments on the stack, leaving nresults.
 * `what` names the call in messages that have no line ("on_enter of node
 * arrival"). On failure pops everything the call used, fills e
 * (APPERR_INPUT, file and line parsed from the message) and returns -1. */
int host_call(script_host *h, int nargs, int nresults, const char *what, apperr *e);

/* Runs a text chunk from path in the sandbox, leaving its one result. */
int host_dofile(script_host *h, const char *path, apperr *e);

/* Seeds math.random (and so s.random) with seed. */
int host_seed(script_host *h, unsigned long long seed, apperr *e);

/* The bytes of math.random's generator state (one for the whole Lua state,
 * kept alive by the host), and their number in *len; NULL when unknown.
 * Whoever plays several sessions in one state swaps them per session
 * (case_runtime.c). */
unsigned char *host_random_state(script_host *h, size_t *len);

/* Pushes the sandbox's global table. */
void host_push_env(script_host *h);

/* The line where the file called case{ … }, 0 when unknown. */
int host_case_line(const script_host *h);

/* Fills e from a Lua error text "FILE:LINE: message" (else message only). */
void host_error_from_text(apperr *e, const char *text, const char *fallback_file);

#endif
