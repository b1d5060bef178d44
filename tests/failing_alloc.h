/* failing_alloc: a malloc family for test binaries that can fail the n-th
 * allocation and counts live blocks, so a test sees what a failing call
 * leaked. Only on glibc without ASan (which has its own allocator); the tests
 * that use it are compiled only when FAILING_ALLOC is defined. Link
 * tests/failing_alloc.c into the test binary (tests/CMakeLists.txt). */
#ifndef FAILING_ALLOC_H
#define FAILING_ALLOC_H

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define FAILING_ALLOC 1
extern long alloc_fail_in; /* allocations left before one fails; -1: never */
extern long alloc_live;    /* blocks allocated and not yet freed */
#endif

#endif
