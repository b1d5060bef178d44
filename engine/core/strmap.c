#include "strmap.h"

#include <stdint.h>
#include <string.h>

#include "mem.h"

typedef struct slot {
    size_t off; /* key's offset in the pool + 1; 0: empty */
    size_t len;
    uint64_t hash;
    size_t value;
} slot;

struct strmap {
    slot *slots;
    size_t cap; /* a power of two */
    size_t count;
    char *pool;
    size_t pool_len, pool_cap;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a 64 */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

strmap *strmap_new(void)
{
    strmap *m = mem_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 64;
    m->slots = mem_calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        mem_free(m);
        return NULL;
    }
    return m;
}

void strmap_free(strmap *m)
{
    if (m) {
        mem_free(m->pool);
        mem_free(m->slots);
    }
    mem_free(m);
}

size_t strmap_count(const strmap *m)
{
    return m->count;
}

static slot *lookup(slot *slots, size_t cap, const char *pool, const char *key, size_t len,
                    uint64_t h)
{
    for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        slot *s = &slots[i];
        if (s->off == 0)
            return s;
        if (s->hash == h && s->len == len && memcmp(pool + s->off - 1, key, len) == 0)
            return s;
    }
}

size_t *strmap_find(const strmap *m, const char *key, size_t len)
{
    slot *s = lookup(m->slots, m->cap, m->pool, key, len, hash_bytes(key, len));
    return s->off ? &s->value : NULL;
}

/* Doubles the table when it is half full, so probes stay short. */
static int grow(strmap *m)
{
    size_t cap = m->cap * 2;
    slot *slots = mem_calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        const slot *old = &m->slots[i];
        if (old->off)
            *lookup(slots, cap, m->pool, m->pool + old->off - 1, old->len, old->hash) = *old;
    }
    mem_free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

static int pool_add(strmap *m, const char *key, size_t len, size_t *off)
{
    if (len > SIZE_MAX - m->pool_len)
        return -1;
    /* At least a byte: the pool exists once a key is in, even an empty one. */
    size_t need = m->pool_len + len;
    char *pool = mem_grow(m->pool, &m->pool_cap, need ? need : 1, 1);
    if (!pool)
        return -1;
    m->pool = pool;
    if (len)
        memcpy(m->pool + m->pool_len, key, len);
    *off = m->pool_len + 1;
    m->pool_len += len;
    return 0;
}

size_t *strmap_put(strmap *m, const char *key, size_t len, bool *added)
{
    uint64_t h = hash_bytes(key, len);
    slot *s = lookup(m->slots, m->cap, m->pool, key, len, h);
    *added = false;
    if (s->off)
        return &s->value;
    if ((m->count + 1) * 2 > m->cap) {
        if (grow(m) != 0)
            return NULL;
        s = lookup(m->slots, m->cap, m->pool, key, len, h);
    }
    size_t off;
    if (pool_add(m, key, len, &off) != 0)
        return NULL;
    *s = (slot){.off = off, .len = len, .hash = h, .value = 0};
    m->count++;
    *added = true;
    return &s->value;
}
