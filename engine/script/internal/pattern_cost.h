/* pattern_cost: an upper bound on the work of Lua's pattern matcher, so that
 * the sandbox can charge a search to the budget before it runs, or refuse it
 * (a backtracking search does not return until it is done: ("a?"):rep(26) ..
 * ("a"):rep(26) against ("a"):rep(26) tries 2^26 ways).
 *
 * The bound follows the search on this subject and this pattern, position by
 * position, in time linear in both: how many ways each `* + - ?` can take
 * characters here, and where Lua's search stops (the first match for find
 * and match; gmatch and gsub go on from where each match ends). A try that
 * fails is counted with every way it has. So everyday patterns on everyday
 * texts get bounds close to their real work, and patterns that backtrack
 * badly on this text get bounds in the billions. Long subjects (over 32 KiB)
 * get a coarser bound that counts every way from every start. */
#ifndef PATTERN_COST_H
#define PATTERN_COST_H

#include <stdbool.h>
#include <stddef.h>

/* Whether string.find takes p as plain text (it has no special character). */
bool pattern_is_plain(const char *p, size_t lp);

/* Steps of a plain find of p in s: one per character of s, and one per
 * character of p wherever p's first character occurs. */
double pattern_cost_plain(const char *p, size_t lp, const char *s, size_t ls);

typedef enum pattern_search {
    PATTERN_FIND,   /* string.find and string.match: up to the first match */
    PATTERN_GMATCH, /* string.gmatch, all its matches: ^ is a plain character */
    PATTERN_GSUB    /* string.gsub: all matches, or up to a number of them */
} pattern_search;

/* Items in p (a character class with its quantifier, a capture mark, %b..,
 * %f[..], %1..): the analysis below takes about (ls + 1) * (items + 1)
 * steps. */
size_t pattern_items(const char *p, size_t lp, pattern_search how);

/* The bound, in steps, for the search `how` of p in s from byte init
 * (0-based), gsub stopping after `most` matches. HUGE_VAL when memory for the
 * analysis runs out. */
double pattern_cost(const char *p, size_t lp, const char *s, size_t ls, size_t init,
                    pattern_search how, double most);

/* Whether character c is in the class of the single-character item at
 * p[0..len) (".", "x", "%a", "[^a-z%d]"); for tests against Lua itself. */
bool pattern_class_has(const char *cls, size_t len, unsigned char c);

#endif
