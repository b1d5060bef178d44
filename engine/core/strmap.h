/* strmap: a compact map from byte strings to numbers (open addressing, keys
 * copied into one growing pool), for the log reader's seen session ids and
 * the metrics' groups, where there may be hundreds of thousands of keys.
 * Its memory comes through the allocation hook (mem.h). */
#ifndef STRMAP_H
#define STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strmap strmap;

/* NULL when out of memory. */
strmap *strmap_new(void);
void strmap_free(strmap *m);

/* The value slot of key (len bytes, may hold any byte), NULL when absent.
 * The slot stays valid until the next strmap_put. */
size_t *strmap_find(const strmap *m, const char *key, size_t len);

/* The value slot of key, added with value 0 when absent (*added tells which).
 * NULL when out of memory. */
size_t *strmap_put(strmap *m, const char *key, size_t len, bool *added);

size_t strmap_count(const strmap *m);

#endif
