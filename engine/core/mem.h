/* mem: the core's allocation hook. The core's modules allocate through these
 * functions, so that a test can make the n-th allocation fail and count what
 * is left behind without replacing malloc itself (which AddressSanitizer
 * owns): the out-of-memory paths are then tested in every build, sanitizers
 * included. By default they are the C library's, at the cost of one indirect
 * call. Like cJSON_InitHooks, the hook is process-wide: set it before
 * threads start and only in tests. */
#ifndef MEM_H
#define MEM_H

#include <stddef.h>

typedef struct mem_allocator {
    void *(*malloc_fn)(size_t size);
    void *(*calloc_fn)(size_t count, size_t size);
    void *(*realloc_fn)(void *ptr, size_t size);
    void (*free_fn)(void *ptr);
} mem_allocator;

/* Routes the core's allocations through a (copied); NULL restores the C
 * library's. Blocks must be freed by the allocator that made them: swap
 * allocators only between whole operations. */
void mem_set_allocator(const mem_allocator *a);

void *mem_malloc(size_t size);
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *ptr, size_t size);
void mem_free(void *ptr);
/* A copy of s through mem_malloc; NULL when out of memory. */
char *mem_strdup(const char *s);
/* The same for the first n bytes of s, NUL-terminated. */
char *mem_strndup(const char *s, size_t n);

/* The one growth helper for arrays: makes p (an array of *cap elements of
 * size bytes, NULL when *cap is 0) hold at least need elements, doubling
 * (from 8) so that n appends cost O(n). Returns the array, perhaps moved,
 * and updates *cap; NULL when out of memory or when the size would overflow,
 * and then p and *cap are untouched and still valid. Free with mem_free.
 *
 *     item *q = mem_grow(v->items, &v->cap, v->n + 1, sizeof *q);
 *     if (!q)
 *         return false;
 *     v->items = q;
 *     v->items[v->n++] = x;
 */
void *mem_grow(void *p, size_t *cap, size_t need, size_t size);

#endif
