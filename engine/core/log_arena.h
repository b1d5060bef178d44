/* log_arena: the memory of one session's parsed records, taken in chunks
 * and given back at once, and the cJSON allocation hooks that put a parsed
 * line into it (a third of parsing time otherwise goes to malloc and free).
 * Internal to the log reader. */
#ifndef LOG_ARENA_H
#define LOG_ARENA_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

typedef struct log_chunk log_chunk;
typedef struct log_chunk_pool log_chunk_pool;

/* Memory freed at once (to the pool, when there is one). */
typedef struct log_arena {
    log_chunk *head;
    log_chunk_pool *pool;
    bool oom; /* an allocation failed since the arena was last freed */
} log_arena;

/* A pool of arena chunks shared by threads (max_chunks kept at most), so
 * memory is reused rather than given back to the system and faulted in
 * again. Freed after every session using it. NULL when out of memory. */
log_chunk_pool *log_chunk_pool_new(size_t max_chunks);
void log_chunk_pool_free(log_chunk_pool *pool);

/* n bytes (16-byte aligned) that live until log_arena_free; NULL (and oom
 * set) when out of memory. */
void *log_arena_alloc(log_arena *a, size_t n);
void log_arena_free(log_arena *a);

/* Parses s (n bytes) with cJSON into the arena: the tree lives until
 * log_arena_free. *end is where parsing stopped. NULL when s is not JSON,
 * or when memory ran out (a->oom is then set: the text may be fine). */
cJSON *log_arena_parse(log_arena *a, const char *s, size_t n, const char **end);

/* Installs the cJSON hooks log_arena_parse needs; outside it they are
 * the core's allocation hook (mem.h), so other cJSON users see no change. Idempotent;
 * call before any thread parses. */
void log_arena_init(void);

#endif
