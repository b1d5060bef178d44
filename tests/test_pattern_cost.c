/* The bound on Lua's pattern matcher: character classes agree with Lua's own
 * matcher, the bound is never below the steps of a backtracking search (a
 * small reference matcher here counts them, and its answers are checked
 * against string.find), everyday patterns get small bounds and the attacks
 * huge ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "pattern_cost.h"

#define BUDGET 1e8

static double cost_of(const char *p, const char *s)
{
    return pattern_cost(p, strlen(p), s, strlen(s), 0, PATTERN_FIND, 1);
}

static double gmatch_cost(const char *p, const char *s)
{
    return pattern_cost(p, strlen(p), s, strlen(s), 0, PATTERN_GMATCH, HUGE_VAL);
}

/* Lua's answer: does string.find(s, p, init + 1) find something, and where? */
static int lua_find_from(lua_State *L, const char *s, size_t ls, const char *p, size_t lp, int init,
                         int *start, int *end)
{
    lua_getglobal(L, "string");
    lua_getfield(L, -1, "find");
    lua_pushlstring(L, s, ls);
    lua_pushlstring(L, p, lp);
    lua_pushinteger(L, init + 1);
    if (lua_pcall(L, 3, 2, 0) != LUA_OK) {
        lua_pop(L, 2);
        return -1; /* Lua refuses the pattern */
    }
    int found = !lua_isnil(L, -2);
    if (found) {
        *start = (int)lua_tointeger(L, -2);
        *end = (int)lua_tointeger(L, -1);
    }
    lua_pop(L, 3);
    return found;
}

static int lua_find(lua_State *L, const char *s, size_t ls, const char *p, size_t lp, int *start,
                    int *end)
{
    return lua_find_from(L, s, ls, p, lp, 0, start, end);
}

static void test_classes_agree_with_lua(void **state)
{
    (void)state;
    static const char *const items[] = {
        ".",    "a",    "%a",     "%A",    "%c",     "%d",    "%D",      "%g",         "%l",
        "%p",   "%s",   "%S",     "%u",    "%w",     "%x",    "%X",      "%%",         "%.",
        "%]",   "%z",   "[a]",    "[^a]",  "[a-f]",  "[^%d]", "[]]",     "[^]]",       "[%]]",
        "[a-]", "[-a]", "[%a_-]", "[]-a]", "[%w%s]", "[^%S]", "[a-c-e]", "[\x80-\xff]"};
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        char pat[40];
        snprintf(pat, sizeof pat, "^%s$", items[i]);
        for (int c = 0; c < 256; c++) {
            char s = (char)c;
            int a, b;
            int lua = lua_find(L, &s, 1, pat, strlen(pat), &a, &b);
            bool ours = pattern_class_has(items[i], strlen(items[i]), (unsigned char)c);
            if (lua != (int)ours)
                fail_msg("class %s, character %d: Lua %d, ours %d", items[i], c, lua, ours);
        }
    }
    lua_close(L);
}

/* ---- a reference matcher that counts its steps ------------------------------ */

typedef struct ref {
    const char *s, *p;
    int n, lp;
    double steps;
} ref;

#define FAIL (-1)

static int class_len(const char *p, int i, int lp)
{
    if (p[i] == '%')
        return 2;
    if (p[i] != '[')
        return 1;
    int j = i + 1;
    if (p[j] == '^')
        j++;
    do {
        if (p[j++] == '%')
            j++;
    } while (j < lp && p[j] != ']');
    return j + 1 - i;
}

static bool has(const ref *r, int at, int pi, int len)
{
    return at < r->n && pattern_class_has(r->p + pi, (size_t)len, (unsigned char)r->s[at]);
}

static int match(ref *r, int at, int pi)
{
    for (;;) {
        r->steps++;
        if (pi == r->lp)
            return at;
        char c = r->p[pi];
        if (c == '(') {
            pi += pi + 1 < r->lp && r->p[pi + 1] == ')' ? 2 : 1;
            continue;
        }
        if (c == ')') {
            pi++;
            continue;
        }
        if (c == '$' && pi + 1 == r->lp)
            return at == r->n ? at : FAIL;
        if (c == '%' && r->p[pi + 1] == 'f') {
            /* %f[set]: the set starts here (the zero byte stands for the
             * places before the subject and after it). */
            int len = class_len(r->p, pi + 2, r->lp);
            unsigned char before = at > 0 ? (unsigned char)r->s[at - 1] : 0;
            unsigned char here = at < r->n ? (unsigned char)r->s[at] : 0;
            if (pattern_class_has(r->p + pi + 2, (size_t)len, before) ||
                !pattern_class_has(r->p + pi + 2, (size_t)len, here))
                return FAIL;
            pi += 2 + len;
            continue;
        }
        if (c == '%' && r->p[pi + 1] == 'b') {
            char open = r->p[pi + 2], close = r->p[pi + 3];
            if (at >= r->n || r->s[at] != open)
                return FAIL;
            int depth = 1, q = at;
            while (++q < r->n) {
                r->steps++;
                if (r->s[q] == close) {
                    if (--depth == 0)
                        break;
                } else if (r->s[q] == open) {
                    depth++;
                }
            }
            if (q >= r->n)
                return FAIL;
            at = q + 1;
            pi += 4;
            continue;
        }
        int len = class_len(r->p, pi, r->lp);
        int ep = pi + len;
        char quant = ep < r->lp ? r->p[ep] : 0;
        if (quant == '?') {
            if (has(r, at, pi, len)) {
                int got = match(r, at + 1, ep + 1);
                if (got != FAIL)
                    return got;
            }
            pi = ep + 1;
            continue;
        }
        if (quant == '*' || quant == '+') {
            int i = 0;
            while (has(r, at + i, pi, len))
                i++;
            r->steps += i + 1;
            for (int k = i; k >= (quant == '+' ? 1 : 0); k--) {
                int got = match(r, at + k, ep + 1);
                if (got != FAIL)
                    return got;
            }
            return FAIL;
        }
        if (quant == '-') {
            for (;;) {
                int got = match(r, at, ep + 1);
                if (got != FAIL)
                    return got;
                if (!has(r, at, pi, len))
                    return FAIL;
                at++;
                r->steps++;
            }
        }
        if (!has(r, at, pi, len))
            return FAIL;
        at++;
        pi = ep;
    }
}

/* string.find's search from init: every start (the first only when
 * anchored). */
static int ref_find(ref *r, int init, int *start)
{
    bool anchored = r->lp > 0 && r->p[0] == '^';
    for (int at = init; at <= r->n; at++) {
        int got = match(r, at, anchored ? 1 : 0);
        if (got != FAIL) {
            *start = at;
            return got;
        }
        if (anchored)
            break;
    }
    return FAIL;
}

/* string.gmatch's whole iteration: each start once, going on from where a
 * match ends, an empty match where the last one ended skipped. */
static int ref_gmatch(ref *r)
{
    int count = 0, last = FAIL;
    for (int at = 0; at <= r->n;) {
        int got = match(r, at, 0); /* ^ is a plain character in gmatch */
        if (got != FAIL && got != last) {
            count++;
            at = last = got;
        } else {
            at++;
        }
    }
    return count;
}

static int lua_gmatch_count(lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
    luaL_loadstring(L, "local s, p = ... local n = 0 for _ in s:gmatch(p) do n = n + 1 end "
                       "return n");
    lua_pushlstring(L, s, ls);
    lua_pushlstring(L, p, lp);
    if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
        lua_pop(L, 1);
        return -1;
    }
    int n = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return n;
}

static void random_pattern(char *p, size_t size)
{
    static const char *const classes[] = {"a", "b", ".", "%s", "[ab]", "[^a]", "%S", "%a"};
    static const char *const quants[] = {"", "", "*", "+", "-", "?"};
    size_t n = 0;
    int open = 0;
    p[0] = '\0';
    if (rand() % 4 == 0)
        p[n++] = '^';
    int items = 1 + rand() % 7;
    for (int i = 0; i < items && n + 12 < size; i++) {
        int k = rand() % 12;
        if (k == 0 && !open) {
            p[n++] = '(';
            open = 1;
            continue;
        }
        if (k == 1 && open) {
            p[n++] = ')';
            open = 0;
            continue;
        }
        if (k == 2) {
            n += (size_t)snprintf(p + n, size - n, "%%b()");
            continue;
        }
        if (k == 3) {
            n += (size_t)snprintf(p + n, size - n, rand() % 2 ? "%%f[ab]" : "%%f[%%s]");
            continue;
        }
        n += (size_t)snprintf(p + n, size - n, "%s%s", classes[rand() % 8], quants[rand() % 6]);
    }
    if (open)
        p[n++] = ')';
    if (rand() % 4 == 0)
        p[n++] = '$';
    p[n] = '\0';
}

static void test_bound_covers_every_search_step(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    srand(20261207);
    int compared = 0;
    for (int round = 0; round < 30000; round++) {
        char p[64], s[32];
        random_pattern(p, sizeof p);
        int n = rand() % 24;
        for (int i = 0; i < n; i++)
            s[i] = "ab ()"[rand() % 5];
        s[n] = '\0';
        int lua_start = 0, lua_end = 0, start = 0, init = rand() % 3 ? 0 : rand() % (n + 1);
        int lua = lua_find_from(L, s, (size_t)n, p, strlen(p), init, &lua_start, &lua_end);
        if (lua < 0)
            continue;
        ref r = {.s = s, .p = p, .n = n, .lp = (int)strlen(p)};
        int end = ref_find(&r, init, &start);
        /* The reference finds what Lua finds ... */
        if ((end != FAIL) != (lua == 1) || (lua == 1 && (start + 1 != lua_start || end != lua_end)))
            fail_msg("reference and Lua differ on find(\"%s\", \"%s\", %d)", s, p, init + 1);
        /* ... and the bound covers its steps, even the exhaustive ones. */
        double bound = pattern_cost(p, strlen(p), s, (size_t)n, (size_t)init, PATTERN_FIND, 1);
        if (bound < r.steps)
            fail_msg("find(\"%s\", \"%s\"): bound %g below %g steps", s, p, bound, r.steps);
        /* The same for gmatch's whole iteration. */
        ref g = {.s = s, .p = p, .n = n, .lp = (int)strlen(p)};
        int count = ref_gmatch(&g);
        int lua_count = lua_gmatch_count(L, s, (size_t)n, p, strlen(p));
        if (lua_count >= 0) {
            if (count != lua_count)
                fail_msg("gmatch(\"%s\", \"%s\"): reference %d matches, Lua %d", s, p, count,
                         lua_count);
            bound = gmatch_cost(p, s);
            if (bound < g.steps)
                fail_msg("gmatch(\"%s\", \"%s\"): bound %g below %g steps", s, p, bound, g.steps);
        }
        compared++;
    }
    assert_true(compared > 20000);
    lua_close(L);
}

/* ---- what the bound lets through -------------------------------------------- */

static char *repeat(const char *unit, size_t times)
{
    size_t l = strlen(unit);
    char *s = malloc(l * times + 1);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * l, unit, l);
    s[l * times] = '\0';
    return s;
}

static void test_everyday_patterns_cost_little(void **state)
{
    (void)state;
    char *text = repeat("Patient reports chest pain, 45 min. ", 3); /* ~100 characters */
    char *padded = malloc(strlen(text) + 5);
    sprintf(padded, "  %s  ", text);
    char *long_text = repeat("K=4.1;Na=139;Hb=121;", 100);  /* 2,000 characters */
    char *lines = repeat("a line of a longer text\n", 200); /* ~5,000 characters */
    struct {
        const char *p, *s;
    } everyday[] = {
        {"^%s*(.-)%s*$", padded},              /* trimming */
        {"^[a-z0-9][a-z0-9-]*$", "sepsis-ed"}, /* an id */
        {"%s+", text},
        {"(%w+)=(%w+)", long_text},
        {"(%w+)=([%d%.]+);", long_text},
        {"(.-)=(.-);", long_text},
        {"[^\n]+", lines},
        {"(.-)\n", lines},
        {"^(%u%l+) (%u%l+)$", "Mary Smith"},
        {"%d+", text},
        {"%b()", "call (a (b) c) now"},
    };
    for (size_t i = 0; i < sizeof everyday / sizeof *everyday; i++) {
        double c = cost_of(everyday[i].p, everyday[i].s);
        if (c > BUDGET / 10)
            fail_msg("%s on %zu characters: bound %g", everyday[i].p, strlen(everyday[i].s), c);
    }
    free(text);
    free(padded);
    free(long_text);
    free(lines);
}

static void test_backtracking_attacks_cost_more_than_the_budget(void **state)
{
    (void)state;
    char *a26 = repeat("a", 26), *opt = repeat("a?", 26), *a2000 = repeat("a", 2000);
    char *p = malloc(strlen(opt) + 27);
    sprintf(p, "%s%s", opt, a26);
    assert_true(cost_of(p, a26) > BUDGET);
    assert_true(cost_of(".-.-.-b", a2000) > BUDGET);
    /* The same on a subject too long for the exact analysis. */
    char *big = repeat("a", 200000);
    assert_true(cost_of(".-.-b", big) > BUDGET);
    assert_true(cost_of("b", big) < 1e6);
    free(a26);
    free(opt);
    free(a2000);
    free(p);
    free(big);
}

static void test_plain_patterns_and_items(void **state)
{
    (void)state;
    assert_true(pattern_is_plain("sepsis", 6));
    assert_false(pattern_is_plain("a.b", 3));
    assert_false(pattern_is_plain("a\0(", 3)); /* a special after a NUL counts too */
    assert_int_equal(pattern_items("^%s*(.-)%s*$", 12, PATTERN_FIND), 6);
    assert_int_equal(pattern_items("^a", 2, PATTERN_GMATCH), 2); /* ^ is a character */
    assert_int_equal(pattern_items("[%]]x", 5, PATTERN_FIND), 2);
    /* a plain find pays the subject, and the needle where it could start */
    assert_true(pattern_cost_plain("ab", 2, "aaaa", 4) == 4 + 3 * 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classes_agree_with_lua),
        cmocka_unit_test(test_bound_covers_every_search_step),
        cmocka_unit_test(test_everyday_patterns_cost_little),
        cmocka_unit_test(test_backtracking_attacks_cost_more_than_the_budget),
        cmocka_unit_test(test_plain_patterns_and_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
