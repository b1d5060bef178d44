/* sandbox_lib: the library functions of the sandbox, made safe to call with
 * anything a case can pass them.
 *
 * The instruction budget counts VM instructions; a C function is one of them
 * however long it runs. So the functions that can do unbounded work without
 * allocating (string.rep("", 1 << 62), table.move({}, 1, 1 << 53, 1), a
 * backtracking pattern, a scan of a 16 MiB text four thousand times) are
 * wrapped: each wrapper charges its work to the budget (host_charge) before
 * calling the original C function, or refuses a pattern search whose bound
 * is more than the call has left (pattern_cost.h). setmetatable refuses a
 * metatable with __gc: Lua runs finalizers with hooks off, where no budget
 * can stop them. The choices, function by function, are in sandbox_lib.c. */
#ifndef SANDBOX_LIB_H
#define SANDBOX_LIB_H

#include <lua.h>

/* Wraps the risky functions of the string, table and utf8 libraries (the
 * tables themselves, shared with the string metatable) and setmetatable,
 * tonumber and rawequal in the sandbox's global table at env. */
void sandbox_lib_install(lua_State *L, int env);

#endif
