#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "failing_alloc.h"

#ifdef FAILING_ALLOC
/* In front of glibc's own allocator. */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

long alloc_fail_in = -1;
long alloc_live;

static bool should_fail(void)
{
    if (alloc_fail_in < 0)
        return false;
    return alloc_fail_in-- == 0;
}

void *malloc(size_t n)
{
    void *p = should_fail() ? NULL : __libc_malloc(n);
    alloc_live += p != NULL;
    return p;
}

void *calloc(size_t n, size_t size)
{
    void *p = should_fail() ? NULL : __libc_calloc(n, size);
    alloc_live += p != NULL;
    return p;
}

void *realloc(void *old, size_t n)
{
    if (!old)
        return malloc(n);
    return should_fail() ? NULL : __libc_realloc(old, n);
}

void free(void *p)
{
    alloc_live -= p != NULL;
    __libc_free(p);
}
#endif
