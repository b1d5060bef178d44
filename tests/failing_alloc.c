#include "failing_alloc.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include <cJSON.h>

#include "mem.h"

long alloc_fail_in = -1;
long alloc_live;

static bool should_fail(void)
{
    if (alloc_fail_in < 0)
        return false;
    return alloc_fail_in-- == 0;
}

static void *f_malloc(size_t n)
{
    void *p = should_fail() ? NULL : malloc(n);
    alloc_live += p != NULL;
    return p;
}

static void *f_calloc(size_t n, size_t size)
{
    void *p = should_fail() ? NULL : calloc(n, size);
    alloc_live += p != NULL;
    return p;
}

static void *f_realloc(void *old, size_t n)
{
    if (!old)
        return f_malloc(n);
    return should_fail() ? NULL : realloc(old, n);
}

static void f_free(void *p)
{
    alloc_live -= p != NULL;
    free(p);
}

void failing_alloc_install(void)
{
    static const mem_allocator a = {f_malloc, f_calloc, f_realloc, f_free};
    cJSON_Hooks hooks = {.malloc_fn = f_malloc, .free_fn = f_free};
    mem_set_allocator(&a);
    cJSON_InitHooks(&hooks);
    alloc_fail_in = -1;
}

void failing_alloc_remove(void)
{
    mem_set_allocator(NULL);
    cJSON_InitHooks(NULL);
    alloc_fail_in = -1;
}
