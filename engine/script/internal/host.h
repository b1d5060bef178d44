/* host: the Lua host. Owns one lua_State, its sandbox (scenario-format.md
 * "The file" and "Limits on case code"), a memory cap and an instruction
 * budget, and the one protected path by which anything calls into Lua
 * (host_call), after lua.c's docall: a message handler adds FILE:LINE and a
 * traceback. The budget also pays for memory allocated and for work that
 * library functions do in C (host_charge, sandbox_lib.c); a processor-time
 * backstop catches what nothing counts. None of these can be swallowed by a
 * pcall inside the case: once one trips, every further instruction fails
 * until the call unwinds to the host. */
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

/* The same for the case file's text already read (len bytes at text, named
 * path in messages): Lua runs exactly the bytes that were hashed and mapped. */
int host_dobuffer(script_host *h, const char *text, size_t len, const char *path, apperr *e);

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

/* The last name the case's code used that has no value ("unknown name"
 * errors), "" when none. */
const char *host_unknown_name(const script_host *h);

/* Calls fn with the resolved path of each file include() has read, in no
 * order; stops at the first fn that returns nonzero and returns that. Not
 * inside a Lua call (it runs in the host's state directly). */
int host_includes(script_host *h, int (*fn)(const char *path, void *ctx), void *ctx);

/* Charges units of work that a library function does in C (characters it
 * scans, elements it moves), one unit standing for about one VM instruction,
 * to the budget of the running call. When they are more than is left, the
 * budget trips as the hook trips it (every later instruction fails until the
 * call is back at the host) and the error is raised here; the message names
 * `what` ("string.rep") and the calling line. Outside host_call: nothing. */
void host_charge(lua_State *L, double units, const char *what);

/* The units left to the running call (HUGE_VAL outside host_call). */
double host_budget_left(lua_State *L);

/* Fills e from a Lua error text "FILE:LINE: message" (else message only). */
void host_error_from_text(apperr *e, const char *text, const char *fallback_file);

#endif
