#include "mem.h"

#include <stdint.h>
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

char *mem_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *d = mem_malloc(len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

void *mem_grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    if (size == 0)
        return NULL;
    size_t max = SIZE_MAX / size;
    if (need > max)
        return NULL;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n = n > max / 2 ? max : n * 2;
    void *q = mem_realloc(p, n * size);
    if (!q)
        return NULL;
    *cap = n;
    return q;
}
