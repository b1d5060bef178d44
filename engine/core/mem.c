#include "mem.h"

#include <stdlib.h>
#include <string.h>

static mem_allocator current = {malloc, calloc, realloc, free};

void mem_set_allocator(const mem_allocator *a)
{
    static const mem_allocator libc = {malloc, calloc, realloc, free};
    current = a ? *a : libc;
}

void *mem_malloc(size_t size)
{
    return current.malloc_fn(size);
}

void *mem_calloc(size_t count, size_t size)
{
    return current.calloc_fn(count, size);
}

void *mem_realloc(void *ptr, size_t size)
{
    return current.realloc_fn(ptr, size);
}

void mem_free(void *ptr)
{
    current.free_fn(ptr);
}

char *mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = mem_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}
