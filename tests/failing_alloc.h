/* failing_alloc: an allocator for tests that fails the n-th allocation and
 * counts live blocks, so a test sees what a failing call leaked. It is
 * installed through the core's own allocation hook (engine/core/mem.h) and
 * cJSON's hooks, never by replacing malloc, so it works under
 * AddressSanitizer too. Link tests/failing_alloc.c into the test binary
 * (tests/CMakeLists.txt). */
#ifndef FAILING_ALLOC_H
#define FAILING_ALLOC_H

extern long alloc_fail_in; /* allocations left before one fails; -1: never */
extern long alloc_live;    /* blocks allocated through the hooks and not yet freed */

/* Routes the core's and cJSON's allocations through the failing allocator. */
void failing_alloc_install(void);
/* Gives both back to the C library. */
void failing_alloc_remove(void);

#endif
