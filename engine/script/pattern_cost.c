#include "pattern_cost.h"
#include "mem.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Subjects up to this length, and patterns up to this many items, get the
 * analysis position by position; longer ones a coarser bound from the
 * longest run of characters each class takes. So the host memory the
 * analysis needs stays small and fixed (eight arrays of EXACT_MAX + 1). */
#define EXACT_MAX ((size_t)1 << 15)
#define ITEMS_MAX 4096
#define MALFORMED ((size_t)-1)
#define NONE ((size_t)-1)

/* The pattern syntax is Lua 5.4's (manual, section 6.4.1). */
typedef enum kind {
    K_CLASS,    /* one character of a class, maybe with a quantifier */
    K_MARK,     /* ( ) (): take no character, leave one way on */
    K_FRONTIER, /* %f[set]: takes no character, passes where the set begins */
    K_END,      /* $ as the last character: only the end of the subject */
    K_BALANCE,  /* %bxy */
    K_BACKREF,  /* %0 .. %9 */
    K_STOP      /* the malformed rest of a pattern: Lua stops with an error there */
} kind;

typedef struct item {
    kind kind;
    char quant; /* K_CLASS: '*', '+', '-', '?' or 0 */
    const char *cls, *cls_end;
    unsigned char open, close; /* K_BALANCE */
} item;

/* %z: still in Lua 5.4, though deprecated: the zero byte. */
static int is_zero(int c)
{
    return c == 0;
}

static bool in_class(unsigned char cl, unsigned char c)
{
    static const struct {
        char name;
        int (*is)(int);
    } classes[] = {{'a', isalpha}, {'c', iscntrl},  {'d', isdigit}, {'g', isgraph},
                   {'l', islower}, {'p', ispunct},  {'s', isspace}, {'u', isupper},
                   {'w', isalnum}, {'x', isxdigit}, {'z', is_zero}};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (tolower(cl) == classes[i].name) {
            bool in = classes[i].is(c) != 0;
            return isupper(cl) ? !in : in;
        }
    return cl == c; /* %. %% %] ...: the character itself */
}

/* [set]: p at '[', close at its ']'. */
static bool in_set(const char *p, const char *close, unsigned char c)
{
    bool neg = false;
    p++;
    if (*p == '^') {
        neg = true;
        p++;
    }
    for (; p < close; p++) {
        if (*p == '%') {
            p++;
            if (in_class((unsigned char)*p, c))
                return !neg;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return !neg;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return !neg;
        }
    }
    return neg;
}

bool pattern_class_has(const char *cls, size_t len, unsigned char c)
{
    switch (cls[0]) {
    case '.':
        return true;
    case '%':
        return in_class((unsigned char)cls[1], c);
    case '[':
        return in_set(cls, cls + len - 1, c);
    default:
        return (unsigned char)cls[0] == c;
    }
}

/* Just past the class that starts at p[i], or MALFORMED. */
static size_t class_end(const char *p, size_t lp, size_t i)
{
    if (p[i] == '%')
        return i + 2 <= lp ? i + 2 : MALFORMED;
    if (p[i] != '[')
        return i + 1;
    size_t j = i + 1;
    if (j < lp && p[j] == '^')
        j++;
    /* The first character is in the set even when it is ']'. */
    do {
        if (j >= lp)
            return MALFORMED;
        if (p[j++] == '%' && j < lp)
            j++;
    } while (j >= lp || p[j] != ']');
    return j + 1;
}

static bool stop(size_t lp, size_t *pi, item *it)
{
    it->kind = K_STOP;
    *pi = lp;
    return true;
}

/* Reads the item at p[*pi] and moves past it; false at the end. */
static bool next_item(const char *p, size_t lp, size_t *pi, item *it)
{
    size_t i = *pi;
    if (i >= lp)
        return false;
    memset(it, 0, sizeof *it);
    it->kind = K_MARK;
    if (p[i] == '(' || p[i] == ')') {
        *pi = i + (p[i] == '(' && i + 1 < lp && p[i + 1] == ')' ? 2 : 1);
        return true;
    }
    if (p[i] == '$' && i + 1 == lp) {
        it->kind = K_END;
        *pi = lp;
        return true;
    }
    if (p[i] == '%' && i + 1 < lp) {
        char c = p[i + 1];
        if (c == 'b') {
            if (i + 3 >= lp)
                return stop(lp, pi, it);
            it->kind = K_BALANCE;
            it->open = (unsigned char)p[i + 2];
            it->close = (unsigned char)p[i + 3];
            *pi = i + 4;
            return true;
        }
        if (c == 'f') {
            size_t e = i + 2 < lp && p[i + 2] == '[' ? class_end(p, lp, i + 2) : MALFORMED;
            if (e == MALFORMED)
                return stop(lp, pi, it);
            it->kind = K_FRONTIER;
            it->cls = p + i + 2;
            it->cls_end = p + e;
            *pi = e;
            return true;
        }
        if (c >= '0' && c <= '9') {
            it->kind = K_BACKREF;
            *pi = i + 2;
            return true;
        }
    }
    size_t e = class_end(p, lp, i);
    if (e == MALFORMED)
        return stop(lp, pi, it);
    it->kind = K_CLASS;
    it->cls = p + i;
    it->cls_end = p + e;
    if (e < lp && (p[e] == '*' || p[e] == '+' || p[e] == '-' || p[e] == '?'))
        it->quant = p[e++];
    *pi = e;
    return true;
}

static bool anchored_at(const char *p, size_t lp, bool anchor_ok, size_t *start)
{
    bool anchored = anchor_ok && lp > 0 && p[0] == '^';
    *start = anchored ? 1 : 0;
    return anchored;
}

bool pattern_is_plain(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr("^$*+?.([%-", p[i]))
            return false;
    return true;
}

double pattern_cost_plain(const char *p, size_t lp, const char *s, size_t ls)
{
    if (lp == 0 || lp > ls)
        return 1;
    double cost = (double)ls;
    const char *q = s, *last = s + (ls - lp);
    while (q <= last && (q = memchr(q, p[0], (size_t)(last - q) + 1)) != NULL) {
        cost += (double)lp;
        q++;
    }
    return cost;
}

size_t pattern_items(const char *p, size_t lp, pattern_search how)
{
    size_t i, n = 0;
    item it;
    anchored_at(p, lp, how != PATTERN_GMATCH, &i);
    while (next_item(p, lp, &i, &it))
        n++;
    return n;
}

static void class_table(const item *it, bool tab[256])
{
    for (int c = 0; c < 256; c++)
        tab[c] = pattern_class_has(it->cls, (size_t)(it->cls_end - it->cls), (unsigned char)c);
}

/* ---- long subjects and long patterns ----------------------------------------- */

static size_t longest_run(const bool tab[256], const unsigned char *s, size_t ls)
{
    size_t best = 0, run = 0;
    for (size_t q = 0; q < ls; q++) {
        run = tab[s[q]] ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

/* Every start explored in full: the attempts of each item are those of the
 * one before times the ways it leaves on, and a quantifier leaves at most
 * one more way than the longest run of characters its class takes. */
static double coarse(const char *p, size_t lp, size_t i, const unsigned char *s, size_t ls,
                     bool anchored)
{
    double tries = anchored ? 1 : (double)ls + 1, cost = 0, n1 = (double)ls + 1;
    item it;
    bool tab[256];
    while (next_item(p, lp, &i, &it)) {
        if (it.kind == K_BALANCE || it.kind == K_BACKREF) {
            cost += tries * n1;
            if (it.kind == K_BACKREF)
                tries *= n1;
        } else if (it.kind != K_CLASS || it.quant == 0) {
            cost += tries;
        } else if (it.quant == '?') {
            cost += tries;
            tries *= 2;
        } else {
            class_table(&it, tab);
            double ways = (double)longest_run(tab, s, ls) + 2;
            cost += tries * ways;
            tries *= ways;
        }
    }
    return cost + tries;
}

/* ---- the exact analysis ---------------------------------------------------------
 *
 * Items are taken from the last to the first. For item j at each position q
 * of the subject, with the same for item j + 1 (primed):
 *   E[q]    the steps of matching items j.. from q when every way is tried
 *           (the cost of a try that fails);
 *   end[q]  where the first match that Lua finds from q ends (NONE: none);
 *   C[q]    the steps of that search, which stops at that first match: the
 *           ways Lua tries before it (all failing, each E') and then C'.
 * Lua's order: greedy * and + try the longest first, lazy - the shortest, ?
 * takes the character first. Back-references (%1) match a length this
 * analysis does not follow: a pattern with one is treated as never matching
 * (C = E), which can only count more. */

typedef struct arrays {
    double *e, *c;
    size_t *end;
} arrays;

typedef struct dp {
    const unsigned char *s;
    size_t n;
    int before; /* the character before the subject, 0 at the start (for %f) */
    bool exhaustive;
    arrays cur, next;
    size_t *match, *stack; /* %b */
} dp;

static void put(dp *d, size_t q, double e, double c, size_t end)
{
    if (d->exhaustive)
        end = NONE;
    d->cur.e[q] = e;
    d->cur.end[q] = end;
    d->cur.c[q] = end == NONE ? e : c;
}

/* An item with at most one way on, to `to` (NONE: none), costing own. */
static void one_way(dp *d, size_t q, double own, size_t to)
{
    const arrays *x = &d->next;
    if (to == NONE)
        put(d, q, own, own, NONE);
    else
        put(d, q, own + x->e[to], own + x->c[to], x->end[to]);
}

/* A quantifier over a run: from q it may stop anywhere in [q, R] ([q + 1,
 * R] for +), where R is the first position from q that the class does not
 * take. Positions are taken from the end, so each running value below
 * covers [q, R] for the current q: the sum of E' over it, the last position
 * in it where a match follows (and the E' after that one), the first such
 * position (and the E' before it). */
static void step_run(dp *d, const item *it, const bool tab[256])
{
    const arrays *x = &d->next;
    size_t n = d->n, run = 0, last = NONE, first = NONE;
    double sum = 0, after_last = 0, before_first = 0;
    for (size_t q = n + 1; q-- > 0;) {
        bool in = q < n && tab[d->s[q]];
        /* A quantifier costs its try, the characters it counts and the one
         * that stops the count: the run from q, plus 2. */
        double own = in ? (double)run + 3 : 2; /* run is still that of q + 1 */
        if (it->quant == '+') {
            /* [q + 1, R] is what the running values hold for q + 1. */
            if (!in)
                put(d, q, own, own, NONE);
            else if (last == NONE)
                put(d, q, own + sum, 0, NONE);
            else
                put(d, q, own + sum, own + after_last + x->c[last], x->end[last]);
        }
        bool ok = x->end[q] != NONE;
        if (!in) { /* a new run: [q, q] */
            sum = before_first = 0;
            last = first = NONE;
            run = 0;
        } else {
            run++;
        }
        before_first = ok ? 0 : x->e[q] + before_first;
        if (ok)
            first = q;
        if (ok && last == NONE) {
            last = q;
            after_last = sum;
        }
        sum += x->e[q];
        if (it->quant == '+')
            continue;
        own = (double)run + 2;
        size_t stop = it->quant == '-' ? first : last;
        if (stop == NONE)
            put(d, q, own + sum, 0, NONE);
        else
            put(d, q, own + sum, own + (it->quant == '-' ? before_first : after_last) + x->c[stop],
                x->end[stop]);
    }
}

static void step_class(dp *d, const item *it)
{
    bool tab[256];
    class_table(it, tab);
    if (it->quant == '*' || it->quant == '+' || it->quant == '-') {
        step_run(d, it, tab);
        return;
    }
    const arrays *x = &d->next;
    for (size_t q = 0; q <= d->n; q++) {
        bool in = q < d->n && tab[d->s[q]];
        if (it->quant == 0) {
            one_way(d, q, 1, in ? q + 1 : NONE);
            continue;
        }
        /* ?: with the character first, then without. */
        double took = in ? x->e[q + 1] : 0;
        if (in && x->end[q + 1] != NONE)
            put(d, q, 1 + took + x->e[q], 1 + x->c[q + 1], x->end[q + 1]);
        else
            put(d, q, 1 + took + x->e[q], 1 + took + x->c[q], x->end[q]);
    }
}

/* %bxy: from an x, just past the y that balances it (Lua counts from the x:
 * each further x opens, each y closes; when x and y are the same character,
 * the next one closes). */
static void step_balance(dp *d, const item *it)
{
    const unsigned char *s = d->s;
    size_t n = d->n, depth = 0, after = NONE;
    for (size_t q = 0; q <= n; q++)
        d->match[q] = NONE;
    if (it->open == it->close) {
        for (size_t q = n; q-- > 0;) {
            if (s[q] == it->open)
                d->match[q] = after;
            if (s[q] == it->close)
                after = q + 1;
        }
    } else {
        for (size_t q = 0; q < n; q++) {
            if (s[q] == it->close && depth > 0)
                d->match[d->stack[--depth]] = q + 1;
            else if (s[q] == it->open)
                d->stack[depth++] = q;
        }
    }
    for (size_t q = 0; q <= n; q++) {
        bool opens = q < n && s[q] == it->open;
        size_t to = opens ? d->match[q] : NONE;
        one_way(d, q, opens ? (double)((to != NONE ? to : n) - q) + 1 : 1, to);
    }
}

static void step(dp *d, const item *it)
{
    const arrays *x = &d->next;
    size_t n = d->n;
    switch (it->kind) {
    case K_CLASS:
        step_class(d, it);
        break;
    case K_BALANCE:
        step_balance(d, it);
        break;
    case K_BACKREF: {
        /* Compares the capture, then goes on at one place after q. */
        double most = 0;
        for (size_t q = n + 1; q-- > 0;) {
            most = fmax(most, x->e[q]);
            put(d, q, (double)(n - q) + 1 + most, 0, NONE);
        }
        break;
    }
    case K_FRONTIER:
        for (size_t q = 0; q <= n; q++) {
            unsigned char before = q > 0 ? d->s[q - 1] : (unsigned char)d->before;
            unsigned char here = q < n ? d->s[q] : 0;
            size_t len = (size_t)(it->cls_end - it->cls);
            bool passes =
                !pattern_class_has(it->cls, len, before) && pattern_class_has(it->cls, len, here);
            one_way(d, q, 1, passes ? q : NONE);
        }
        break;
    case K_END:
        for (size_t q = 0; q <= n; q++)
            one_way(d, q, 1, q == n ? q : NONE);
        break;
    case K_STOP:
        for (size_t q = 0; q <= n; q++)
            one_way(d, q, 1, NONE);
        break;
    default: /* captures */
        for (size_t q = 0; q <= n; q++)
            one_way(d, q, 1, q);
        break;
    }
}

/* The search itself, on the first item's arrays: find and match stop at the
 * first match; gmatch and gsub go on from where each match ends (Lua skips
 * an empty match where the last one ended), gsub for at most most matches. */
static double search(const dp *d, const arrays *x, bool anchored, pattern_search how, double most)
{
    double cost = 0, count = 0;
    size_t last = NONE;
    for (size_t q = 0; q <= d->n;) {
        size_t e = x->end[q];
        if (how == PATTERN_GSUB && count >= most)
            break;
        cost += x->c[q];
        if (e != NONE && how == PATTERN_FIND)
            break;
        if (e != NONE && e != last) {
            count++;
            q = last = e;
        } else {
            q++;
        }
        if (anchored)
            break;
    }
    return cost;
}

static double exact(const item *items, size_t m, const unsigned char *s, size_t n, int before,
                    bool anchored, pattern_search how, double most)
{
    dp d = {.s = s, .n = n, .before = before};
    size_t k = n + 1;
    double *e = mem_malloc(4 * k * sizeof *e);
    size_t *z = mem_malloc(4 * k * sizeof *z);
    double cost = HUGE_VAL;
    if (e && z) {
        d.cur = (arrays){e, e + k, z};
        d.next = (arrays){e + 2 * k, e + 3 * k, z + k};
        d.match = z + 2 * k;
        d.stack = z + 3 * k;
        for (size_t j = 0; j < m; j++)
            d.exhaustive |= items[j].kind == K_BACKREF;
        /* The end of the pattern: a match, where it is reached. */
        for (size_t q = 0; q <= n; q++)
            put(&d, q, 1, 1, q);
        for (size_t j = m; j-- > 0;) {
            arrays t = d.next;
            d.next = d.cur;
            d.cur = t;
            step(&d, &items[j]);
        }
        cost = search(&d, &d.cur, anchored, how, most);
    }
    mem_free(e);
    mem_free(z);
    return cost;
}

double pattern_cost(const char *p, size_t lp, const char *s, size_t ls, size_t init,
                    pattern_search how, double most)
{
    size_t i;
    bool anchored = anchored_at(p, lp, how != PATTERN_GMATCH, &i);
    const unsigned char *us = (const unsigned char *)s + init;
    size_t n = ls - init, m = pattern_items(p, lp, how);
    if (n > EXACT_MAX || m > ITEMS_MAX)
        return coarse(p, lp, i, us, n, anchored);
    item *items = mem_malloc((m ? m : 1) * sizeof *items);
    if (!items)
        return HUGE_VAL;
    for (size_t j = 0; j < m; j++)
        next_item(p, lp, &i, &items[j]);
    double cost =
        exact(items, m, us, n, init > 0 ? (unsigned char)s[init - 1] : 0, anchored, how, most);
    mem_free(items);
    return cost;
}
