#include "metrics_curve.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strmap.h"

/* What one session leaves behind: 40 bytes. */
typedef struct entry {
    uint32_t trainee; /* index of the trainee (a session without one has its own) */
    uint32_t order;   /* the order it was added: the last tie-break */
    int64_t start;    /* its start as YYYYMMDDHHMMSSmmm (INT64_MAX when unknown) */
    uint64_t id;      /* the first 8 bytes of its id, big-endian: sorts as the bytes do */
    int32_t over_num, over_den, under_num, under_den;
} entry;

struct metrics_curve {
    strmap *trainees; /* trainee id -> index */
    uint32_t n_trainees;
    entry *v;
    size_t n, cap;
    metrics_curve_point *points;
    size_t n_points;
    bool finished;
};

metrics_curve *metrics_curve_new(void)
{
    metrics_curve *c = mem_calloc(1, sizeof *c);
    if (c && !(c->trainees = strmap_new())) {
        mem_free(c);
        return NULL;
    }
    return c;
}

void metrics_curve_free(metrics_curve *c)
{
    if (!c)
        return;
    strmap_free(c->trainees);
    mem_free(c->v);
    mem_free(c->points);
    mem_free(c);
}

/* Reads n digits at s into *v; false when one is not a digit. */
static bool digits(const char *s, int n, int64_t *v)
{
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

/* `at` as written (decision-log.md: "2026-11-27T09:14:03.512Z", the
 * milliseconds optional) to the number YYYYMMDDHHMMSSmmm, which orders as
 * the times do; INT64_MAX (after every known time) when it is not that. */
static int64_t start_key(const char *at)
{
    static const char seps[] = "--T::"; /* after YYYY, MM, DD, HH, MM */
    static const int widths[] = {4, 2, 2, 2, 2, 2};
    int64_t v = 0, ms = 0;
    if (!at)
        return INT64_MAX;
    for (int i = 0; i < 6; i++) {
        if (!digits(at, widths[i], &v))
            return INT64_MAX;
        at += widths[i];
        if (i < 5 && *at++ != seps[i])
            return INT64_MAX;
    }
    if (*at == '.') {
        if (!digits(at + 1, 3, &ms))
            return INT64_MAX;
        at += 4;
    }
    return strcmp(at, "Z") == 0 ? v * 1000 + ms : INT64_MAX;
}

static uint64_t id_key(const char *id)
{
    uint64_t k = 0;
    size_t n = id ? strlen(id) : 0;
    for (size_t i = 0; i < 8; i++)
        k = k << 8 | (i < n ? (unsigned char)id[i] : 0);
    return k;
}

/* The trainee's index; a new one for a session without a trainee. */
static int trainee_index(metrics_curve *c, const char *trainee, uint32_t *out)
{
    if (c->n_trainees == UINT32_MAX)
        return -1;
    if (!trainee) {
        *out = c->n_trainees++;
        return 0;
    }
    bool added = false;
    size_t *slot = strmap_put(c->trainees, trainee, strlen(trainee), &added);
    if (!slot)
        return -1;
    if (added)
        *slot = c->n_trainees++;
    *out = (uint32_t)*slot;
    return 0;
}

int metrics_curve_add(metrics_curve *c, const log_session *s)
{
    if (c->finished || c->n >= UINT32_MAX)
        return -1;
    entry *v = mem_grow(c->v, &c->cap, c->n + 1, sizeof *v);
    if (!v)
        return -1;
    c->v = v;
    entry e = {.order = (uint32_t)c->n, .start = start_key(s->started_at), .id = id_key(s->id)};
    int32_t rel[2][2] = {{0, 0}, {0, 0}};
    for (size_t i = 0; i < s->n_decisions; i++) {
        int right, followed;
        if (metrics_reliance(&s->decisions[i], &right, &followed) &&
            rel[right][followed] < INT32_MAX)
            rel[right][followed]++;
    }
    e.over_num = rel[0][1];
    e.over_den = rel[0][0] + rel[0][1];
    e.under_num = rel[1][0];
    e.under_den = rel[1][0] + rel[1][1];
    if (trainee_index(c, s->trainee, &e.trainee) != 0)
        return -1;
    c->v[c->n++] = e;
    return 0;
}

static int cmp_entry(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    if (a->trainee != b->trainee)
        return a->trainee < b->trainee ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    return (a->order > b->order) - (a->order < b->order);
}

typedef struct sums {
    long over_num, over_den, under_num, under_den, trainees;
} sums;

int metrics_curve_finish(metrics_curve *c)
{
    if (c->finished)
        return 0;
    size_t longest = 0, run = 0;
    if (c->n > 0)
        qsort(c->v, c->n, sizeof *c->v, cmp_entry);
    for (size_t i = 0; i < c->n; i++) {
        run = i > 0 && c->v[i].trainee == c->v[i - 1].trainee ? run + 1 : 1;
        longest = run > longest ? run : longest;
    }
    sums *sum = longest ? mem_calloc(longest, sizeof *sum) : NULL;
    metrics_curve_point *p = longest ? mem_calloc(longest, sizeof *p) : NULL;
    if (longest && (!sum || !p)) {
        mem_free(sum);
        mem_free(p);
        return -1;
    }
    for (size_t i = 0; i < c->n; i++) {
        run = i > 0 && c->v[i].trainee == c->v[i - 1].trainee ? run + 1 : 1;
        sums *k = &sum[run - 1];
        k->over_num += c->v[i].over_num;
        k->over_den += c->v[i].over_den;
        k->under_num += c->v[i].under_num;
        k->under_den += c->v[i].under_den;
        k->trainees++;
    }
    for (size_t k = 0; k < longest; k++)
        p[k] =
            (metrics_curve_point){.k = (int)(k + 1),
                                  .over = metrics_proportion(sum[k].over_num, sum[k].over_den),
                                  .under = metrics_proportion(sum[k].under_num, sum[k].under_den),
                                  .trainees = sum[k].trainees};
    mem_free(sum);
    c->points = p;
    c->n_points = longest;
    c->finished = true;
    /* What was kept per session is no longer needed. */
    mem_free(c->v);
    c->v = NULL;
    c->n = c->cap = 0;
    strmap_free(c->trainees);
    c->trainees = NULL;
    return 0;
}

size_t metrics_curve_points(const metrics_curve *c, const metrics_curve_point **out)
{
    *out = c->finished ? c->points : NULL;
    return c->finished ? c->n_points : 0;
}
