/* What each library function costs, in units of the budget (one about a VM
 * instruction, 5 to 6 ns here; the charges below were measured so that no
 * charged call runs at more than about 10 ns a unit):
 *
 *   string.find/match/gmatch/gsub  the bound of pattern_cost.h for this
 *                        pattern on this subject, or the characters a plain
 *                        find scans; gsub with a text replacement also pays
 *                        its length for every place it could be put;
 *                        gmatch pays for all its matches when it is called
 *   string.rep           one per repetition (rep("", n) allocates nothing)
 *   string.byte/char, table.pack, utf8.char
 *                        one per value passed or returned
 *   string.lower/upper/reverse/format/pack/packsize/unpack, utf8.offset,
 *   tonumber, rawequal   one per character of their text arguments
 *   utf8.len/codepoint   one per byte of the span they decode
 *   utf8.codes           each step pays the bytes it moved over
 *   table.unpack/move/insert/remove
 *                        ELEMENT_UNITS per element returned, moved or shifted
 *   table.concat         CONCAT_UNITS per element
 *   table.sort           ELEMENT_UNITS per comparison, n (log2 n + 1) of
 *                        them; with no comparator more when the elements are
 *                        long texts (strcoll reads them)
 *
 * Judged safe, not wrapped: string.len and string.sub (constant work; the
 * copy sub makes is memory, which host.c charges per 16 bytes allocated);
 * the math library (constant work on numbers); the base functions other than
 * the three below (next, ipairs, select, pcall ... do constant work per value,
 * and the values were paid for when they were made).
 *
 * What no counter sees is caught by host.c's processor-time backstop: single
 * VM instructions on very long values (comparing or converting a 16 MiB text,
 * passing 100,000 values through `...`).
 *
 * table.insert, table.remove and table.sort refuse a table whose metatable
 * has __len: the original calls __len itself, and a second call could return
 * another length than the one charged. table.concat and table.unpack call it
 * once here and pass the length on. */
#include "sandbox_lib.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "host.h"
#include "pattern_cost.h"

/* Units per element that the table functions read or write through the C
 * API (lua_geti, lua_seti: about 20 ns each, measured), and per element that
 * table.concat adds to its buffer (about 30 ns). */
#define ELEMENT_UNITS 3
#define CONCAT_UNITS 5

/* Calls the original of a wrapped function (upvalue 1 holds the originals by
 * name) with the arguments as they are now. */
static int call_original(lua_State *L, const char *name)
{
    int n = lua_gettop(L);
    lua_getfield(L, lua_upvalueindex(1), name);
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* An integer argument; converting a text ("123") reads all of it. */
static lua_Integer opt_int(lua_State *L, int arg, lua_Integer def, const char *fn)
{
    if (lua_type(L, arg) == LUA_TSTRING)
        host_charge(L, (double)lua_rawlen(L, arg), fn);
    return luaL_optinteger(L, arg, def);
}

/* Positions as the string library reads them: from 1, or from the end when
 * negative; start clamps below, end clamps to the length. */
static size_t start_pos(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 1;
    return len + (size_t)pos + 1;
}

static size_t end_pos(lua_Integer pos, size_t len)
{
    if (pos > (lua_Integer)len)
        return len;
    if (pos >= 0)
        return (size_t)pos;
    if (pos < -(lua_Integer)len)
        return 0;
    return len + (size_t)pos + 1;
}

static double span(size_t from, size_t to)
{
    return to >= from ? (double)(to - from) + 1 : 0;
}

/* The characters of every text argument, one unit each, and one per argument. */
static void charge_texts(lua_State *L, const char *fn)
{
    int n = lua_gettop(L);
    double units = 1 + n;
    for (int i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            units += (double)lua_rawlen(L, i);
    host_charge(L, units, fn);
}

/* ---- patterns -------------------------------------------------------------- */

/* Charges a search for p in s from byte init (0-based), or refuses it. */
static void charge_search(lua_State *L, const char *fn, const char *s, size_t ls, size_t init,
                          const char *p, size_t lp, pattern_search how, double most, bool plain)
{
    size_t n = ls - init;
    if (plain) {
        host_charge(L, (double)n + 1, fn);
        host_charge(L, pattern_cost_plain(p, lp, s + init, n) - (double)n, fn);
        return;
    }
    host_charge(L, (double)lp + 1, fn);
    double items = (double)pattern_items(p, lp, how);
    host_charge(L, ((double)n + 1) * (items + 1), fn);
    double left = host_budget_left(L);
    double cost = pattern_cost(p, lp, s, ls, init, how, most);
    if (cost > left) {
        char msg[300]; /* lua_pushfstring knows neither %zu nor %.0f */
        snprintf(msg, sizeof msg,
                 "%s: this pattern could take too long on a text of %zu characters (more than "
                 "the %.0f%s steps left to this call): use a simpler pattern (fewer of - * + ?) "
                 "or a shorter text",
                 fn, n, left >= 1e6 ? floor(left / 1e6) : left, left >= 1e6 ? " million" : "");
        luaL_error(L, "%s", msg);
    }
    host_charge(L, cost, fn);
}

/* find and match: up to the first match. Only find reads plain text
 * without the matcher (when told to, or when p has no special character). */
static int search(lua_State *L, const char *name, const char *fn, bool find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_pos(opt_int(L, 3, 1, fn), ls) - 1;
    bool plain = find && (lua_toboolean(L, 4) || pattern_is_plain(p, lp));
    if (init <= ls) /* else the original fails at once */
        charge_search(L, fn, s, ls, init, p, lp, PATTERN_FIND, 1, plain);
    return call_original(L, name);
}

static int f_find(lua_State *L)
{
    return search(L, "find", "string.find", true);
}

static int f_match(lua_State *L)
{
    return search(L, "match", "string.match", false);
}

/* All the matches of the iterator are paid now. */
static int f_gmatch(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_pos(opt_int(L, 3, 1, "string.gmatch"), ls) - 1;
    charge_search(L, "string.gmatch", s, ls, init > ls ? ls : init, p, lp, PATTERN_GMATCH, HUGE_VAL,
                  false);
    return call_original(L, "gmatch");
}

static int f_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    lua_Integer most = opt_int(L, 4, (lua_Integer)ls + 1, "string.gsub");
    charge_search(L, "string.gsub", s, ls, 0, p, lp, PATTERN_GSUB, (double)most, false);
    int t = lua_type(L, 3);
    if (t == LUA_TSTRING || t == LUA_TNUMBER) {
        /* A text replacement is read at every match, even one that adds
         * nothing ("%0" of an empty match). */
        size_t lr;
        double places = most < 0 ? 0 : fmin((double)most, (double)ls + 1);
        lua_tolstring(L, 3, &lr);
        host_charge(L, places * (double)lr, "string.gsub");
    }
    return call_original(L, "gsub");
}

/* ---- other string functions ---------------------------------------------------- */

static int f_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = opt_int(L, 2, 0, "string.rep");
    luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    double times = n > 0 ? (double)n : 0;
    if (l + lsep == 0) { /* no memory is asked for: nothing else bounds it */
        host_charge(L, times + 1, "string.rep");
        return call_original(L, "rep");
    }
    /* The result is allocated first, so the memory cap bounds the loop; it is
     * paid after, so that a result over the cap is a memory error. */
    int r = call_original(L, "rep");
    host_charge(L, times + 1, "string.rep");
    return r;
}

static int f_byte(lua_State *L)
{
    size_t l;
    luaL_checklstring(L, 1, &l);
    size_t i = start_pos(opt_int(L, 2, 1, "string.byte"), l);
    size_t j = end_pos(opt_int(L, 3, (lua_Integer)i, "string.byte"), l);
    host_charge(L, span(i, j) + 1, "string.byte");
    return call_original(L, "byte");
}

static const luaL_Reg STRING_WRAPPERS[] = {
    {"find", f_find}, {"match", f_match}, {"gmatch", f_gmatch}, {"gsub", f_gsub},
    {"rep", f_rep},   {"byte", f_byte},   {NULL, NULL}};

/* ---- table ---------------------------------------------------------------------- */

/* #t without __len, which the original calls again and could answer
 * differently the second time. */
static lua_Unsigned raw_length(lua_State *L, const char *fn)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (luaL_getmetafield(L, 1, "__len") != LUA_TNIL)
        luaL_error(L, "%s cannot be used in a case on a table whose metatable has __len", fn);
    return lua_rawlen(L, 1);
}

/* Arguments i, j of concat and unpack (at arg, arg + 1), j defaulting to #t
 * (with __len called once, here), replaced by integers on the stack so that
 * the original does not take the length again. */
static double fix_range(lua_State *L, int arg, const char *fn)
{
    lua_Integer i = opt_int(L, arg, 1, fn);
    lua_Integer j = lua_isnoneornil(L, arg + 1) ? luaL_len(L, 1) : opt_int(L, arg + 1, 0, fn);
    lua_settop(L, arg - 1);
    lua_pushinteger(L, i);
    lua_pushinteger(L, j);
    return j >= i ? (double)((lua_Unsigned)j - (lua_Unsigned)i) + 1 : 0;
}

static int f_concat(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_optstring(L, 2, "");
    host_charge(L, fix_range(L, 3, "table.concat") * CONCAT_UNITS + 1, "table.concat");
    return call_original(L, "concat");
}

static int f_unpack(lua_State *L)
{
    luaL_checkany(L, 1);
    host_charge(L, fix_range(L, 2, "table.unpack") * ELEMENT_UNITS + 1, "table.unpack");
    return call_original(L, "unpack");
}

static int f_insert(lua_State *L)
{
    lua_Unsigned n = raw_length(L, "table.insert");
    if (lua_gettop(L) == 3) {
        lua_Integer pos = opt_int(L, 2, 0, "table.insert");
        luaL_checkinteger(L, 2);
        /* Moves the elements from pos to n up by one (pos checked by the original). */
        double moves = pos >= 1 && (lua_Unsigned)pos <= n ? (double)(n - (lua_Unsigned)pos) + 1 : 0;
        host_charge(L, moves * ELEMENT_UNITS + 1, "table.insert");
    }
    return call_original(L, "insert");
}

static int f_remove(lua_State *L)
{
    lua_Unsigned n = raw_length(L, "table.remove");
    lua_Integer pos = opt_int(L, 2, (lua_Integer)n, "table.remove");
    double moves = pos >= 1 && (lua_Unsigned)pos < n ? (double)(n - (lua_Unsigned)pos) : 0;
    host_charge(L, moves * ELEMENT_UNITS + 1, "table.remove");
    return call_original(L, "remove");
}

static int f_move(lua_State *L)
{
    lua_Integer f = opt_int(L, 2, 0, "table.move");
    lua_Integer e = opt_int(L, 3, 0, "table.move");
    luaL_checkinteger(L, 2);
    luaL_checkinteger(L, 3);
    double n = e >= f ? (double)((lua_Unsigned)e - (lua_Unsigned)f) + 1 : 0;
    host_charge(L, n * ELEMENT_UNITS + 1, "table.move");
    return call_original(L, "move");
}

static int f_pack_table(lua_State *L)
{
    host_charge(L, (double)lua_gettop(L) + 1, "table.pack");
    return call_original(L, "pack");
}

/* n log2 n comparisons; without a comparator each compares two values in C,
 * texts by strcoll, which reads up to the shorter of the two. */
static int f_sort(lua_State *L)
{
    double n = (double)raw_length(L, "table.sort");
    host_charge(L, n + 1, "table.sort");
    double compares = n * (log2(n + 1) + 1), longest = 0, second = 0;
    if (lua_isnoneornil(L, 2)) {
        for (lua_Integer i = 1; i <= (lua_Integer)n; i++) {
            if (lua_rawgeti(L, 1, i) == LUA_TSTRING) {
                double len = (double)lua_rawlen(L, -1);
                second = len > longest ? longest : fmax(second, len);
                longest = fmax(longest, len);
            }
            lua_pop(L, 1);
        }
    }
    host_charge(L, compares * (ELEMENT_UNITS + second / 16), "table.sort");
    return call_original(L, "sort");
}

static const luaL_Reg TABLE_WRAPPERS[] = {
    {"concat", f_concat}, {"unpack", f_unpack},   {"insert", f_insert}, {"remove", f_remove},
    {"move", f_move},     {"pack", f_pack_table}, {"sort", f_sort},     {NULL, NULL}};

/* ---- utf8 ------------------------------------------------------------------------ */

/* Positions as the utf8 library reads them (negative from the end). */
static size_t u_pos(lua_Integer pos, size_t len)
{
    if (pos >= 0)
        return (size_t)pos;
    if (0u - (size_t)pos > len)
        return 0;
    return len + (size_t)pos + 1;
}

static int f_len(lua_State *L)
{
    size_t l;
    luaL_checklstring(L, 1, &l);
    size_t i = u_pos(opt_int(L, 2, 1, "utf8.len"), l);
    size_t j = u_pos(opt_int(L, 3, -1, "utf8.len"), l);
    host_charge(L, span(i, j > l ? l : j) + 1, "utf8.len");
    return call_original(L, "len");
}

static int f_codepoint(lua_State *L)
{
    size_t l;
    luaL_checklstring(L, 1, &l);
    size_t i = u_pos(opt_int(L, 2, 1, "utf8.codepoint"), l);
    size_t j = u_pos(opt_int(L, 3, (lua_Integer)i, "utf8.codepoint"), l);
    host_charge(L, span(i, j > l ? l : j) + 1, "utf8.codepoint");
    return call_original(L, "codepoint");
}

static int f_utf8_char(lua_State *L)
{
    charge_texts(L, "utf8.char");
    return call_original(L, "char");
}

/* One step of utf8.codes: the original skips any continuation bytes first,
 * so a step can cross the whole text; it pays the bytes it moved over. */
static int f_codes_step(lua_State *L)
{
    size_t l;
    luaL_checklstring(L, 1, &l);
    double from = (double)lua_tointeger(L, 2);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    double to = lua_isinteger(L, 1) ? (double)lua_tointeger(L, 1) : (double)l;
    host_charge(L, fabs(to - from) + 1, "utf8.codes");
    return lua_gettop(L);
}

static int f_codes(lua_State *L)
{
    luaL_checkstring(L, 1);
    host_charge(L, 1, "utf8.codes");
    int n = call_original(L, "codes");
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, f_codes_step, 1);
    lua_replace(L, 1);
    return n;
}

static const luaL_Reg UTF8_WRAPPERS[] = {{"len", f_len},
                                         {"codepoint", f_codepoint},
                                         {"char", f_utf8_char},
                                         {"codes", f_codes},
                                         {NULL, NULL}};

/* ---- base ------------------------------------------------------------------------ */

/* Lua marks an object for finalization when its metatable has __gc at the
 * time of setmetatable (whatever the value: a later function counts), and
 * runs finalizers with hooks off, beyond the budget's reach. */
static int f_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        int type = lua_rawget(L, 2); /* raw, as Lua looks for it */
        lua_pop(L, 1);
        if (type != LUA_TNIL)
            return luaL_error(L, "setmetatable: a case may not set a finalizer (__gc): it would "
                                 "run outside the case's time limit; remove __gc from this "
                                 "metatable");
    }
    return call_original(L, "setmetatable");
}

static const luaL_Reg BASE_WRAPPERS[] = {{"setmetatable", f_setmetatable}, {NULL, NULL}};

/* ---- functions that pay for their texts ------------------------------------------- */

/* A function that pays one unit per character of its text arguments, and
 * one per argument, then runs as it was. */
typedef struct text_fn {
    const char *what; /* "string.lower": its name in messages, and after the
                         last '.' its name in its library */
    /* Its first argument must be a text: checked before paying, so that a
     * number is made a text, and paid as one. */
    bool text_first;
} text_fn;

static const text_fn STRING_TEXT_FNS[] = {
    {"string.char", false},     {"string.format", false}, {"string.lower", true},
    {"string.upper", true},     {"string.reverse", true}, {"string.pack", false},
    {"string.packsize", false}, {"string.unpack", false}, {NULL, false}};
static const text_fn UTF8_TEXT_FNS[] = {{"utf8.offset", false}, {NULL, false}};
static const text_fn TABLE_TEXT_FNS[] = {{NULL, false}};
static const text_fn BASE_TEXT_FNS[] = {{"tonumber", false}, {"rawequal", false}, {NULL, false}};

static const char *text_fn_name(const text_fn *fn)
{
    const char *dot = strrchr(fn->what, '.');
    return dot ? dot + 1 : fn->what;
}

/* Upvalue 1: the originals (as for every wrapper); 2: its text_fn. */
static int f_text_fn(lua_State *L)
{
    const text_fn *fn = lua_touserdata(L, lua_upvalueindex(2));
    if (fn->text_first)
        luaL_checkstring(L, 1);
    charge_texts(L, fn->what);
    return call_original(L, text_fn_name(fn));
}

/* ---- installing ------------------------------------------------------------------ */

/* Replaces reg's and texts' functions in the table at lib by the wrappers,
 * whose upvalue is a table of the originals. When the library has a name,
 * that table also takes its place in package.loaded, where Lua looks for the
 * names of functions in error messages ("bad argument #1 to 'string.rep'"). */
static void wrap(lua_State *L, int lib, const char *name, const luaL_Reg *reg, const text_fn *texts)
{
    lib = lua_absindex(L, lib);
    lua_pushvalue(L, lib);
    lua_newtable(L);
    int originals = lua_gettop(L);
    for (const luaL_Reg *r = reg; r->name; r++) {
        lua_getfield(L, lib, r->name);
        lua_setfield(L, originals, r->name);
    }
    for (const text_fn *t = texts; t->what; t++) {
        lua_getfield(L, lib, text_fn_name(t));
        lua_setfield(L, originals, text_fn_name(t));
    }
    if (name) {
        luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
        lua_pushvalue(L, originals);
        lua_setfield(L, -2, name);
        lua_pop(L, 1);
    }
    for (const text_fn *t = texts; t->what; t++) {
        lua_pushvalue(L, originals);
        lua_pushlightuserdata(L, (void *)t);
        lua_pushcclosure(L, f_text_fn, 2);
        lua_setfield(L, lib, text_fn_name(t));
    }
    luaL_setfuncs(L, reg, 1);
    lua_pop(L, 1);
}

void sandbox_lib_install(lua_State *L, int env)
{
    env = lua_absindex(L, env);
    static const struct {
        const char *name;
        const luaL_Reg *reg;
        const text_fn *texts;
    } libs[] = {{"string", STRING_WRAPPERS, STRING_TEXT_FNS},
                {"table", TABLE_WRAPPERS, TABLE_TEXT_FNS},
                {"utf8", UTF8_WRAPPERS, UTF8_TEXT_FNS}};
    for (size_t i = 0; i < sizeof libs / sizeof *libs; i++) {
        lua_getfield(L, env, libs[i].name);
        wrap(L, -1, libs[i].name, libs[i].reg, libs[i].texts);
        lua_pop(L, 1);
    }
    wrap(L, env, NULL, BASE_WRAPPERS, BASE_TEXT_FNS);
}
