/* log_arena: one session's parsed records, freed at once (log_arena.h). */
#include "log_arena.h"

#include <pthread.h>
#include <stdbool.h>

#include "mem.h"

/* A session's arena grows by chunks of this size (one holds a typical
 * session's parsed records). */
#define CHUNK_BYTES (64u << 10)

/* ---- arena: one session's parsed records and lists, freed at once ---- */

struct log_chunk {
    log_chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

/* Chunks of the usual size, given back by sessions once handed over and
 * taken again by the threads that parse: without it, the allocator hands
 * the memory back to the system between batches and every chunk costs
 * fresh page faults. */
struct log_chunk_pool {
    pthread_mutex_t mu;
    log_chunk *free;
    size_t n, max;
};

log_chunk_pool *log_chunk_pool_new(size_t max_chunks)
{
    log_chunk_pool *pool = mem_calloc(1, sizeof *pool);
    if (pool && pthread_mutex_init(&pool->mu, NULL) != 0) {
        mem_free(pool);
        return NULL;
    }
    if (pool)
        pool->max = max_chunks;
    return pool;
}

void log_chunk_pool_free(log_chunk_pool *pool)
{
    if (!pool)
        return;
    while (pool->free) {
        log_chunk *next = pool->free->next;
        mem_free(pool->free);
        pool->free = next;
    }
    pthread_mutex_destroy(&pool->mu);
    mem_free(pool);
}

static log_chunk *chunk_get(log_chunk_pool *pool, size_t cap)
{
    log_chunk *c = NULL;
    if (pool && cap == CHUNK_BYTES) {
        pthread_mutex_lock(&pool->mu);
        if ((c = pool->free) != NULL) {
            pool->free = c->next;
            pool->n--;
        }
        pthread_mutex_unlock(&pool->mu);
    }
    if (!c && (c = mem_malloc(sizeof *c + cap)) != NULL)
        c->cap = cap;
    return c;
}

static void chunk_put(log_chunk_pool *pool, log_chunk *c)
{
    if (pool && c->cap == CHUNK_BYTES) {
        pthread_mutex_lock(&pool->mu);
        bool kept = pool->n < pool->max;
        if (kept) {
            c->next = pool->free;
            pool->free = c;
            pool->n++;
        }
        pthread_mutex_unlock(&pool->mu);
        if (kept)
            return;
    }
    mem_free(c);
}

void *log_arena_alloc(log_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    log_chunk *c = a->head;
    if (c && c->cap - c->used >= n) {
        void *p = c->data + c->used;
        c->used += n;
        return p;
    }
    log_chunk *fresh = chunk_get(a->pool, n > CHUNK_BYTES / 4 ? n : CHUNK_BYTES);
    if (!fresh) {
        a->oom = true;
        return NULL;
    }
    fresh->used = n;
    if (c && fresh->cap != CHUNK_BYTES) {
        /* a large block goes behind the current chunk, which stays in use */
        fresh->next = c->next;
        c->next = fresh;
    } else {
        fresh->next = c;
        a->head = fresh;
    }
    return fresh->data;
}

void log_arena_free(log_arena *a)
{
    log_chunk *c = a->head;
    while (c) {
        log_chunk *next = c->next;
        chunk_put(a->pool, c);
        c = next;
    }
    a->head = NULL;
    a->oom = false;
}

/* The arena cJSON allocates from on this thread while a line is parsed;
 * NULL the rest of the time, when the hooks are the core's (mem.h). */
static _Thread_local log_arena *tls_arena;

static void *hook_malloc(size_t n)
{
    return tls_arena ? log_arena_alloc(tls_arena, n) : mem_malloc(n);
}

/* While a line is parsed, cJSON frees only what it allocated for that line
 * (a failed parse): arena memory, given back with the session. */
static void hook_free(void *p)
{
    if (!tls_arena)
        mem_free(p);
}

void log_arena_init(void)
{
    cJSON_Hooks hooks = {.malloc_fn = hook_malloc, .free_fn = hook_free};
    cJSON_InitHooks(&hooks);
}

cJSON *log_arena_parse(log_arena *a, const char *s, size_t n, const char **end)
{
    tls_arena = a;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, end, false);
    tls_arena = NULL;
    return root;
}
