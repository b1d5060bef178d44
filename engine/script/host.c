/* realpath() is an X/Open function. */
#define _XOPEN_SOURCE 700

#include "host.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "case_path.h"
#include "chunk_file.h"
#include "sandbox_lib.h"

/* The count hook runs every HOOK_STEP VM instructions. It keeps the budget,
 * and remembers where the case was so that a memory error (for which Lua
 * calls no message handler) can still name a line. */
#define HOOK_STEP 100
/* Room above the cap for unwinding once the cap has tripped. */
#define MEM_SLACK ((size_t)1024 * 1024)
/* Memory a call allocates is work too (copying, clearing, collecting it):
 * one unit of the budget per ALLOC_BYTES_PER_UNIT bytes, about the time a VM
 * instruction takes. This bounds loops that make big texts over and over,
 * which the cap, counting only what is alive, does not see. */
#define ALLOC_BYTES_PER_UNIT 16
/* The processor-time backstop, in seconds per unit of the budget: 100
 * million units give 5 s. The budget is the limit that counts (it is exact
 * and the same on every machine); the backstop catches work that no counter
 * sees, done by single VM instructions on very long values: comparing two
 * 16 MiB texts, converting one to a number, passing 100,000 values through
 * `...`. Plain Lua runs at about 6 ns per instruction and the library
 * functions are charged at 10 ns or less per unit (sandbox_lib.c), so only
 * such work comes near 50 ns. */
#define SECONDS_PER_UNIT 50e-9

typedef enum abort_reason { ABORT_NONE, ABORT_BUDGET, ABORT_MEMORY, ABORT_TIME } abort_reason;

struct script_host {
    lua_State *L;
    char *case_file;
    char *case_dir;  /* folder of the case file, "." when none */
    char *root_case; /* the case's folder, resolved: include() stays inside it */
    char *root_lib;  /* or inside the parent folder's lib/, resolved */
    size_t mem_used;
    size_t mem_limit;
    unsigned long instr_limit;
    unsigned long instr_left;
    const char *charged_by; /* the library function that tripped the budget, or NULL */
    double time_limit;      /* seconds of processor time per call */
    double cpu_start;       /* processor time when the call began */
    double next_look;       /* wall time at which the hook next reads the processor time */
    abort_reason aborting;
    int depth;          /* nested host_call depth */
    char last_src[512]; /* where the hook last saw the case */
    int last_line;
    int case_line;
    unsigned char *rng; /* math.random's state (host_random_state), NULL when unknown */
    size_t rng_len;
    char unknown_name[64]; /* the last name the case used without a value ("" none) */
};

static const char *const INCLUDE_CACHE = "appraise.includes";
static const char *const RANDOMSEED = "appraise.randomseed";
static const char *const ENV_KEY = "appraise.env";

/* The host rides in the state's extra space: the hook finds it at no cost. */
static script_host *host_of(lua_State *L)
{
    return *(script_host **)lua_getextraspace(L);
}

static void remember_place(script_host *h, lua_State *L)
{
    lua_Debug ar;
    /* The innermost Lua function: level 0 may be a C function (string.rep). */
    for (int level = 0; level < 4 && lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && ar.source[0] == '@') {
            snprintf(h->last_src, sizeof h->last_src, "%s", ar.source + 1);
            h->last_line = ar.currentline;
            return;
        }
    }
}

/* ---- memory cap ---------------------------------------------------------- */

static void *host_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    script_host *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        h->mem_used -= old;
        return NULL;
    }
    if (nsize > old && h->depth > 0 && h->aborting == ABORT_NONE) {
        size_t units = (nsize - old) / ALLOC_BYTES_PER_UNIT;
        if (units < h->instr_left) {
            h->instr_left -= units;
        } else if (h->L) {
            /* The allocation goes ahead; the next instruction fails. */
            remember_place(h, h->L);
            h->instr_left = 0;
            h->aborting = ABORT_BUDGET;
            lua_sethook(h->L, lua_gethook(h->L), LUA_MASKCOUNT, 1);
        }
    }
    if (nsize > old) {
        size_t cap = h->mem_limit + (h->aborting ? MEM_SLACK : 0);
        if (h->mem_used - old + nsize > cap) {
            /* Trip the cap for good: Lua runs an emergency collection and
             * the case may catch the error, but the hook now fails every
             * instruction until the call is back at the host. */
            if (h->L && h->depth > 0 && h->aborting == ABORT_NONE) {
                /* Lua calls no message handler for memory errors: note the
                 * place now (reading the call stack allocates nothing). */
                remember_place(h, h->L);
                h->aborting = ABORT_MEMORY;
                lua_sethook(h->L, lua_gethook(h->L), LUA_MASKCOUNT, 1);
            }
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (p)
        h->mem_used = h->mem_used - old + nsize;
    return p;
}

/* ---- instruction budget ---------------------------------------------------- */

static double clock_seconds(clockid_t id)
{
    struct timespec t;
    if (clock_gettime(id, &t) != 0)
        return 0;
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Processor time of this thread: waiting for a busy machine does not count. */
static double cpu_seconds(void)
{
#ifdef CLOCK_THREAD_CPUTIME_ID
    return clock_seconds(CLOCK_THREAD_CPUTIME_ID);
#else
    return (double)clock() / CLOCKS_PER_SEC;
#endif
}

static void trip(script_host *h, lua_State *L, abort_reason why)
{
    h->aborting = why;
    h->instr_left = 0;
    lua_sethook(L, lua_gethook(L), LUA_MASKCOUNT, 1);
    luaL_error(L, "%s", why == ABORT_TIME ? "processor time" : "instruction budget");
}

/* Reading the processor time is a system call (about 0.5 us); the wall
 * clock costs 25 ns and is never behind it, so it says when to look. */
static void check_time(script_host *h, lua_State *L)
{
    double wall = clock_seconds(CLOCK_MONOTONIC);
    if (wall < h->next_look)
        return;
    double used = cpu_seconds() - h->cpu_start;
    if (used >= h->time_limit)
        trip(h, L, ABORT_TIME);
    h->next_look = wall + (h->time_limit - used);
}

static void host_hook(lua_State *L, lua_Debug *ar)
{
    script_host *h = host_of(L);
    (void)ar;
    if (!h)
        return;
    if (h->aborting != ABORT_NONE) {
        luaL_error(L, "%s", h->aborting == ABORT_MEMORY ? "memory limit" : "instruction budget");
        return;
    }
    remember_place(h, L);
    if (h->instr_left <= HOOK_STEP)
        trip(h, L, ABORT_BUDGET);
    h->instr_left -= HOOK_STEP;
    check_time(h, L);
}

void host_charge(lua_State *L, double units, const char *what)
{
    script_host *h = host_of(L);
    if (!h || h->depth == 0 || units <= 0)
        return;
    if (h->aborting != ABORT_NONE)
        trip(h, L, h->aborting);
    if (units < (double)h->instr_left) {
        h->instr_left -= (unsigned long)units;
        return;
    }
    /* The place is the Lua line that called the library function. */
    remember_place(h, L);
    h->charged_by = what;
    trip(h, L, ABORT_BUDGET);
}

double host_budget_left(lua_State *L)
{
    script_host *h = host_of(L);
    if (!h || h->depth == 0)
        return HUGE_VAL;
    return h->aborting != ABORT_NONE ? 0 : (double)h->instr_left;
}

/* ---- errors -------------------------------------------------------------- */

/* In "FILE:LINE: message", the ':' after FILE: the first ":digits: " after
 * a non-empty file. NULL when msg has no such place. */
static const char *place_end(const char *msg)
{
    for (const char *p = strchr(msg, ':'); p; p = strchr(p + 1, ':')) {
        const char *q = p + 1;
        if (p == msg || !isdigit((unsigned char)*q))
            continue;
        while (isdigit((unsigned char)*q))
            q++;
        if (q[0] == ':' && q[1] == ' ')
            return p;
    }
    return NULL;
}

/* Adds the place of the innermost Lua function when the message has none
 * (errors raised in C, such as bad arguments), then a traceback. */
static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    lua_Debug ar;
    bool placed = place_end(msg) != NULL;
    for (int level = 1; !placed && lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && ar.source[0] == '@') {
            msg = lua_pushfstring(L, "%s:%d: %s", ar.source + 1, ar.currentline, msg);
            placed = true;
        }
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

void host_error_from_text(apperr *e, const char *text, const char *fallback_file)
{
    const char *p = place_end(text);
    if (!p) {
        apperr_set(e, APPERR_INPUT, fallback_file, 0, "%s", text);
        return;
    }
    char file[512];
    size_t n = (size_t)(p - text) < sizeof file - 1 ? (size_t)(p - text) : sizeof file - 1;
    memcpy(file, text, n);
    file[n] = '\0';
    apperr_set(e, APPERR_INPUT, file, atoi(p + 1), "%s", strchr(p + 1, ':') + 2);
}

/* Keeps the first line of a message with traceback (the rest is for authors
 * running check, who get it from host_call's caller when they want it). */
static void first_line(char *s)
{
    char *nl = strchr(s, '\n');
    if (nl)
        *nl = '\0';
}

static void set_abort_error(script_host *h, const char *what, apperr *e)
{
    const char *file = h->last_src[0] ? h->last_src : h->case_file;
    int line = h->last_src[0] ? h->last_line : 0;
    if (h->aborting == ABORT_MEMORY)
        apperr_set(e, APPERR_INPUT, file, line,
                   "%s used more than %zu MiB of memory (does a table or text grow without end?)",
                   what, h->mem_limit / (1024 * 1024));
    else if (h->aborting == ABORT_TIME)
        apperr_set(e, APPERR_INPUT, file, line,
                   "%s ran too long (more than %.3g seconds of processor time; does it compare, "
                   "convert or pass on very long texts or lists in a loop?)",
                   what, h->time_limit);
    else if (h->charged_by)
        apperr_set(e, APPERR_INPUT, file, line,
                   "%s ran too long (%s here asks for more work than one call may do, more than "
                   "%lu million steps; use shorter texts or lists, or fewer repetitions)",
                   what, h->charged_by, h->instr_limit / 1000000);
    else
        apperr_set(e, APPERR_INPUT, file, line,
                   "%s ran too long (more than %lu million Lua instructions; is there a loop "
                   "without end?)",
                   what, h->instr_limit / 1000000);
}

int host_call(script_host *h, int nargs, int nresults, const char *what, apperr *e)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    if (h->depth == 0) {
        h->instr_left = h->instr_limit;
        h->charged_by = NULL;
        h->cpu_start = cpu_seconds();
        h->next_look = clock_seconds(CLOCK_MONOTONIC) + h->time_limit;
        h->aborting = ABORT_NONE;
        h->last_src[0] = '\0';
        h->last_line = 0;
        lua_sethook(L, host_hook, LUA_MASKCOUNT, HOOK_STEP);
    }
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    h->depth++;
    int status = lua_pcall(L, nargs, nresults, base);
    h->depth--;
    lua_remove(L, base);
    abort_reason aborted = h->aborting;
    if (h->depth == 0) {
        h->aborting = ABORT_NONE;
        lua_sethook(L, NULL, 0, 0);
    }
    if (status == LUA_OK)
        return 0;
    if (aborted != ABORT_NONE || status == LUA_ERRMEM) {
        h->aborting = aborted != ABORT_NONE ? aborted : ABORT_MEMORY;
        set_abort_error(h, what, e);
        if (h->depth == 0)
            h->aborting = ABORT_NONE;
    } else {
        char *text = strdup(lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
        if (text) {
            first_line(text);
            host_error_from_text(e, text, h->case_file);
            free(text);
        } else {
            apperr_set(e, APPERR_INPUT, h->case_file, 0, "%s failed", what);
        }
    }
    lua_pop(L, 1);
    if (h->depth > 0) /* let an enclosing host_call see the same failure */
        return -1;
    lua_gc(L, LUA_GCCOLLECT);
    return -1;
}

/* ---- include ---------------------------------------------------------------- */

/* Gives the loaded chunk the sandbox's global table as its _ENV. */
static void sandbox_chunk(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, ENV_KEY);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
}

/* Loads the source file at path as the chunk display, to run in the sandbox
 * (its _ENV is the sandbox's global table); raises the error on failure. */
static void load_sandboxed(lua_State *L, const char *path, const char *display, bool nofollow)
{
    if (chunk_file_load(L, path, display, nofollow) != LUA_OK)
        lua_error(L);
    sandbox_chunk(L);
}

/* The first candidate that exists, resolved (symbolic links followed) and
 * pushed; its index, or -1 with nothing pushed. */
static int push_found(lua_State *L, char cand[][1200], int n)
{
    for (int i = 0; i < n; i++) {
        char *real = realpath(cand[i], NULL);
        if (real) {
            lua_pushstring(L, real);
            free(real);
            return i;
        }
    }
    return -1;
}

static int f_include(lua_State *L)
{
    script_host *h = host_of(L);
    const char *name = luaL_checkstring(L, 1);
    const char *problem = case_path_name_problem(name);
    if (problem)
        return luaL_error(L, "include(\"%s\") refused: %s", name, problem);

    /* The including file is the Lua function that called us. */
    lua_Debug ar;
    char *from_dir = NULL;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "S", &ar) && ar.source[0] == '@')
        from_dir = case_path_dir(ar.source + 1);
    char *parent = case_path_dir(h->case_dir);
    const char *ext = strrchr(name, '.') && !strchr(strrchr(name, '.'), '/') ? "" : ".lua";
    char cand[3][1200];
    snprintf(cand[0], sizeof cand[0], "%s/%s%s", from_dir ? from_dir : h->case_dir, name, ext);
    snprintf(cand[1], sizeof cand[1], "%s/lib/%s%s", h->case_dir, name, ext);
    snprintf(cand[2], sizeof cand[2], "%s/lib/%s%s", parent ? parent : ".", name, ext);
    free(from_dir);
    free(parent);
    int i = push_found(L, cand, 3);
    if (i < 0)
        return luaL_error(L, "include(\"%s\"): no such file (looked for %s, %s and %s)", name,
                          cand[0], cand[1], cand[2]);
    const char *found = cand[i];
    const char *real = lua_tostring(L, -1);
    /* The name is checked above; a symbolic link could still lead out. */
    if (!case_path_inside(real, h->root_case) && !case_path_inside(real, h->root_lib))
        return luaL_error(L,
                          "include(\"%s\") refused: %s leads outside the case's folder and the "
                          "lib/ folders (through a symbolic link); put the file itself there",
                          name, found);

    /* Files are known by their resolved path: two names for one file are
     * one include, and a cycle through a link is still a cycle. */
    lua_getfield(L, LUA_REGISTRYINDEX, INCLUDE_CACHE);
    int cache = lua_gettop(L);
    if (lua_getfield(L, cache, real) != LUA_TNIL) {
        if (lua_type(L, -1) == LUA_TLIGHTUSERDATA)
            return luaL_error(L, "include(\"%s\"): %s includes itself (a cycle)", name, found);
        return 1;
    }
    lua_pop(L, 1);
    lua_pushlightuserdata(L, h); /* marks "being loaded" to catch cycles */
    lua_setfield(L, cache, real);
    /* No link is followed from here: the resolved path has none left. */
    load_sandboxed(L, real, found, true);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, cache, real);
    return 1;
}

/* ---- the sandbox -------------------------------------------------------------- */

/* Reading a name that was never given a value is a mistake in a case (most
 * often text without quotes: summary = Ankle sprain), not a silent nil. */
static const char *const REFUSED[] = {"os",        "io",      "debug",   "load",  "loadfile",
                                      "dofile",    "require", "package", "print", "collectgarbage",
                                      "coroutine", NULL};

static int f_unknown_global(lua_State *L)
{
    const char *name = lua_tostring(L, 2);
    script_host *h = host_of(L);
    snprintf(h->unknown_name, sizeof h->unknown_name, "%s", name ? name : "");
    for (int i = 0; name && REFUSED[i]; i++)
        if (strcmp(name, REFUSED[i]) == 0)
            return luaL_error(L,
                              "'%s' is not available to cases: a case runs in a sandbox "
                              "without files, programs or code loading",
                              name);
    return luaL_error(L,
                      "unknown name '%s': if it is text, put it in quotes (\"%s\"); if it is "
                      "a variable, give it a value first (local %s = ...)",
                      name ? name : "?", name ? name : "?", name ? name : "x");
}

/* case{ … } checks its argument and remembers where it was called. */
static int f_case(lua_State *L)
{
    script_host *h = host_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar) && ar.currentline > 0)
        h->case_line = ar.currentline;
    lua_settop(L, 1);
    return 1;
}

/* The only libraries opened at all: io, os, debug and package never exist
 * in this state. */
static const luaL_Reg LIBS[] = {{LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
                                {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
                                {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL}};

/* What a case sees of the globals: these base functions and libraries. */
static const char *const ENV_GLOBALS[] = {
    "ipairs", "pairs", "next", "select", "type", "tostring", "tonumber", "error", "assert", "pcall",
    "setmetatable", "getmetatable", "rawget", "rawset", "rawequal", "rawlen",
    /* string and math lose what cut_libraries cuts */
    LUA_STRLIBNAME, LUA_MATHLIBNAME, LUA_TABLIBNAME, LUA_UTF8LIBNAME, NULL};

/* What the host adds. */
static const luaL_Reg ENV_FUNCS[] = {{"case", f_case}, {"include", f_include}, {NULL, NULL}};

/* The metatable of the sandbox's global table. */
static const luaL_Reg ENV_META[] = {{"__index", f_unknown_global}, {NULL, NULL}};

/* The real globals keep nothing a case could reach: the sandbox's global
 * table is separate, but these are cleared anyway so that no library
 * function finds them. */
static const char *const GLOBALS_CLEARED[] = {"load", "dofile", "loadfile", NULL};

static void set_nil(lua_State *L, int table, const char *name)
{
    table = lua_absindex(L, table);
    lua_pushnil(L);
    lua_setfield(L, table, name);
}

/* Cuts from the libraries what is the host's alone. string: no dump; the
 * string metatable's __index is this same table, so ("").dump is gone too,
 * and the metatable itself is hidden. math: randomseed moves to the
 * registry (the session seeds it). */
static void cut_libraries(lua_State *L, int g)
{
    lua_getfield(L, g, LUA_STRLIBNAME);
    set_nil(L, -1, "dump");
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "string");
    lua_setfield(L, -2, "__metatable");
    lua_getfield(L, g, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_setfield(L, LUA_REGISTRYINDEX, RANDOMSEED);
    set_nil(L, -1, "randomseed");
    lua_pop(L, 4);
}

/* Builds the sandbox's global table in the registry (ENV_KEY). */
static int build_sandbox(lua_State *L)
{
    script_host *h = lua_touserdata(L, 1);
    *(script_host **)lua_getextraspace(L) = h;
    for (const luaL_Reg *lib = LIBS; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, INCLUDE_CACHE);

    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    cut_libraries(L, g);
    lua_newtable(L); /* env */
    int env = lua_gettop(L);
    for (int i = 0; ENV_GLOBALS[i]; i++) {
        lua_getfield(L, g, ENV_GLOBALS[i]);
        lua_setfield(L, env, ENV_GLOBALS[i]);
    }
    luaL_setfuncs(L, ENV_FUNCS, 0);
    sandbox_lib_install(L, env);
    luaL_newlib(L, ENV_META);
    lua_setmetatable(L, env);
    lua_setfield(L, LUA_REGISTRYINDEX, ENV_KEY);
    for (int i = 0; GLOBALS_CLEARED[i]; i++)
        set_nil(L, g, GLOBALS_CLEARED[i]);
    return 0;
}

/* Finds math.random's generator state: the userdata that lmathlib gives
 * random and randomseed as their upvalue, which the registry's randomseed
 * keeps alive whatever the case does with math. */
static int find_random_state(lua_State *L)
{
    script_host *h = lua_touserdata(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, RANDOMSEED);
    if (lua_iscfunction(L, -1) && lua_getupvalue(L, -1, 1) && lua_type(L, -1) == LUA_TUSERDATA) {
        h->rng = lua_touserdata(L, -1);
        h->rng_len = lua_rawlen(L, -1);
    }
    return 0;
}

/* The folders include() may read from, resolved once. A folder that cannot
 * be resolved (it does not exist) stays NULL and confines to nothing. */
static int resolve_roots(script_host *h)
{
    h->root_case = realpath(h->case_dir, NULL);
    char *parent = case_path_dir(h->case_dir);
    char *real_parent = parent ? realpath(parent, NULL) : NULL;
    free(parent);
    if (real_parent) {
        size_t n = strlen(real_parent);
        h->root_lib = malloc(n + 5);
        if (h->root_lib)
            snprintf(h->root_lib, n + 5, "%s%slib", real_parent,
                     n > 0 && real_parent[n - 1] == '/' ? "" : "/");
        free(real_parent);
        if (!h->root_lib)
            return -1;
    }
    return 0;
}

int host_open(script_host **out, const char *case_file, size_t mem_limit, unsigned long instr_limit,
              apperr *e)
{
    script_host *h = calloc(1, sizeof *h);
    *out = NULL;
    if (!h || !(h->case_file = strdup(case_file)) || !(h->case_dir = case_path_dir(case_file)) ||
        resolve_roots(h) != 0) {
        host_close(h);
        apperr_set(e, APPERR_ENV, case_file, 0, "out of memory");
        return -1;
    }
    h->mem_limit = mem_limit ? mem_limit : HOST_MEM_DEFAULT;
    h->instr_limit = instr_limit ? instr_limit : HOST_INSTR_DEFAULT;
    h->time_limit = (double)h->instr_limit * SECONDS_PER_UNIT;
    /* The base state needs a little memory before any case runs. */
    size_t cap = h->mem_limit;
    h->mem_limit = cap + MEM_SLACK;
    h->L = lua_newstate(host_alloc, h);
    if (!h->L) {
        host_close(h);
        apperr_set(e, APPERR_ENV, case_file, 0, "cannot create a Lua state");
        return -1;
    }
    lua_pushcfunction(h->L, build_sandbox);
    lua_pushlightuserdata(h->L, h);
    if (lua_pcall(h->L, 1, 0, 0) != LUA_OK) {
        apperr_set(e, APPERR_ENV, case_file, 0, "cannot build the sandbox: %s",
                   lua_tostring(h->L, -1));
        host_close(h);
        return -1;
    }
    h->mem_limit = cap;
    lua_pushcfunction(h->L, find_random_state);
    lua_pushlightuserdata(h->L, h);
    if (lua_pcall(h->L, 1, 0, 0) != LUA_OK)
        lua_pop(h->L, 1); /* no generator state: sessions then share it */
    *out = h;
    return 0;
}

void host_close(script_host *h)
{
    if (!h)
        return;
    if (h->L)
        lua_close(h->L);
    free(h->case_file);
    free(h->case_dir);
    free(h->root_case);
    free(h->root_lib);
    free(h);
}

lua_State *host_lua(script_host *h)
{
    return h->L;
}

unsigned char *host_random_state(script_host *h, size_t *len)
{
    *len = h->rng ? h->rng_len : 0;
    return h->rng;
}

void host_push_env(script_host *h)
{
    lua_getfield(h->L, LUA_REGISTRYINDEX, ENV_KEY);
}

int host_case_line(const script_host *h)
{
    return h->case_line;
}

const char *host_unknown_name(const script_host *h)
{
    return h->unknown_name;
}

int host_includes(script_host *h, int (*fn)(const char *path, void *ctx), void *ctx)
{
    lua_State *L = h->L;
    int rc = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, INCLUDE_CACHE);
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    lua_pushnil(L);
    while (rc == 0 && lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TSTRING)
            rc = fn(lua_tostring(L, -2), ctx);
        lua_pop(L, 1);
    }
    lua_pop(L, rc == 0 ? 1 : 2); /* the table, and the key when stopped early */
    return rc;
}

static int f_dofile(lua_State *L)
{
    const char *path = lua_tostring(L, 1);
    load_sandboxed(L, path, path, false);
    lua_call(L, 0, 1);
    return 1;
}

int host_dofile(script_host *h, const char *path, apperr *e)
{
    lua_pushcfunction(h->L, f_dofile);
    lua_pushstring(h->L, path);
    return host_call(h, 1, 1, "the case file", e);
}

typedef struct source {
    const char *text;
    size_t len;
    const char *path;
} source;

static int f_dobuffer(lua_State *L)
{
    const source *src = lua_touserdata(L, 1);
    if (chunk_buffer_load(L, src->text, src->len, src->path) != LUA_OK)
        lua_error(L);
    sandbox_chunk(L);
    lua_call(L, 0, 1);
    return 1;
}

int host_dobuffer(script_host *h, const char *text, size_t len, const char *path, apperr *e)
{
    source src = {text, len, path};
    lua_pushcfunction(h->L, f_dobuffer);
    lua_pushlightuserdata(h->L, &src);
    return host_call(h, 1, 1, "the case file", e);
}

int host_seed(script_host *h, unsigned long long seed, apperr *e)
{
    lua_getfield(h->L, LUA_REGISTRYINDEX, RANDOMSEED);
    lua_pushinteger(h->L, (lua_Integer)seed);
    return host_call(h, 1, 0, "math.randomseed", e);
}
