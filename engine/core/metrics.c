#include "metrics.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "metrics_curve.h"
#include "strmap.h"

/* ---- names ---------------------------------------------------------------- */

static const struct {
    const char *name;
    metric_kind kind;
} defs[METRIC_COUNT] = {
    [METRIC_DECISIONS] = {"decisions", METRIC_KIND_COUNT},
    [METRIC_WITH_ADVICE] = {"with_advice", METRIC_KIND_COUNT},
    [METRIC_AI_ACCURACY] = {"ai_accuracy", METRIC_KIND_PROPORTION},
    [METRIC_UNAIDED_ACCURACY] = {"unaided_accuracy", METRIC_KIND_PROPORTION},
    [METRIC_FINAL_ACCURACY] = {"final_accuracy", METRIC_KIND_PROPORTION},
    [METRIC_ACCURACY_AI_RIGHT] = {"accuracy_ai_right", METRIC_KIND_PROPORTION},
    [METRIC_ACCURACY_AI_WRONG] = {"accuracy_ai_wrong", METRIC_KIND_PROPORTION},
    [METRIC_AGREEMENT] = {"agreement", METRIC_KIND_PROPORTION},
    [METRIC_SWITCH_TO_AI] = {"switch_to_ai", METRIC_KIND_PROPORTION},
    [METRIC_OVER_RELIANCE] = {"over_reliance", METRIC_KIND_PROPORTION},
    [METRIC_HARMFUL_SWITCHES] = {"harmful_switches", METRIC_KIND_COUNT},
    [METRIC_UNDER_RELIANCE] = {"under_reliance", METRIC_KIND_PROPORTION},
    [METRIC_RAIR] = {"rair", METRIC_KIND_PROPORTION},
    [METRIC_RSR] = {"rsr", METRIC_KIND_PROPORTION},
    [METRIC_DISCRIMINATION] = {"discrimination", METRIC_KIND_STAT},
    [METRIC_TRUST_AI_RIGHT] = {"trust_ai_right", METRIC_KIND_STAT},
    [METRIC_TRUST_AI_WRONG] = {"trust_ai_wrong", METRIC_KIND_STAT},
    [METRIC_TRUST_AUROC] = {"trust_auroc", METRIC_KIND_STAT},
    [METRIC_CONFIDENCE_RIGHT] = {"confidence_right", METRIC_KIND_STAT},
    [METRIC_CONFIDENCE_WRONG] = {"confidence_wrong", METRIC_KIND_STAT},
    [METRIC_CONFIDENCE_AUROC] = {"confidence_auroc", METRIC_KIND_STAT},
    [METRIC_ADVICE_REQUESTED] = {"advice_requested", METRIC_KIND_PROPORTION},
    [METRIC_EXPLANATION_OPENED] = {"explanation_opened", METRIC_KIND_PROPORTION},
    [METRIC_MEDIAN_MS_FINAL] = {"median_ms_final", METRIC_KIND_STAT},
    [METRIC_MEDIAN_MS_INITIAL] = {"median_ms_initial", METRIC_KIND_STAT},
    [METRIC_TIMEOUTS] = {"timeouts", METRIC_KIND_PROPORTION},
    [METRIC_OUTCOMES] = {"outcomes", METRIC_KIND_OUTCOMES},
    [METRIC_SESSIONS] = {"sessions", METRIC_KIND_COUNT},
    [METRIC_INCOMPLETE] = {"incomplete", METRIC_KIND_COUNT},
    [METRIC_ADJUSTED_TIME_LIMITS] = {"adjusted_time_limits", METRIC_KIND_COUNT},
};

const char *metrics_name(metric_id id)
{
    return (unsigned)id < METRIC_COUNT ? defs[id].name : "?";
}

metric_kind metrics_kind(metric_id id)
{
    return (unsigned)id < METRIC_COUNT ? defs[id].kind : METRIC_KIND_COUNT;
}

/* ---- one group --------------------------------------------------------------- */

typedef struct prop {
    long num, den;
} prop;

typedef struct times {
    int64_t *v;
    size_t n, cap;
} times;

struct metrics_acc {
    long decisions, with_advice, harmful, sessions, incomplete;
    long outcomes[LOG_OUTCOMES];
    long time_limits[TIME_LIMITS_OFF + 1]; /* sessions by setting */
    long status[METRICS_STATUSES];         /* sessions by how they ended */
    prop timeouts;                         /* over decisions with a limit in force */
    prop ai_accuracy, unaided, final_accuracy, acc_right, acc_wrong, agreement, switch_to_ai;
    prop advice_requested, explanation, unaided_right, unaided_wrong;
    long reliance[2][2];   /* [ai right][followed] */
    long trust_hist[2][8]; /* [ai right][trust] */
    long conf_hist[2][8];  /* [final_correct][final_confidence 1..7] */
    long table[2][2][2];   /* [initial_correct][ai_correct][final_correct] */
    long opened[2];        /* AI wrong, explanation or model card opened: [followed]; the rest
                              of reliance[0] is "not opened" */
    times ms_final, ms_initial;
};

metrics_acc *metrics_acc_new(void)
{
    return mem_calloc(1, sizeof(metrics_acc));
}

void metrics_acc_free(metrics_acc *a)
{
    if (!a)
        return;
    mem_free(a->ms_final.v);
    mem_free(a->ms_initial.v);
    mem_free(a);
}

static int times_add(times *t, int64_t ms)
{
    int64_t *v = mem_grow(t->v, &t->cap, t->n + 1, sizeof *v);
    if (!v)
        return -1;
    t->v = v;
    t->v[t->n++] = ms;
    return 0;
}

static void count(prop *p, bool yes)
{
    p->den++;
    p->num += yes;
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* ---- the rules of a decision record -------------------------------------- */

/* "With advice": the advice was shown (decision-log.md): every after_initial
 * and with_case decision, on_request ones only where the trainee asked. */
bool metrics_advice_shown(const log_decision *d)
{
    if (!d->timing)
        return false;
    if (strcmp(d->timing, "on_request") == 0)
        return d->has_advice_requested && d->advice_requested;
    return true;
}

bool metrics_is_best(const log_decision *d, const char *option)
{
    for (size_t i = 0; option && i < d->n_best; i++)
        if (d->best[i] && strcmp(d->best[i], option) == 0)
            return true;
    return false;
}

void metrics_derive(log_decision *d)
{
    d->has_ai_correct = d->ai != NULL;
    d->ai_correct = metrics_is_best(d, d->ai);
    d->has_initial_correct = d->initial != NULL;
    d->initial_correct = metrics_is_best(d, d->initial);
    d->has_final_correct = d->final != NULL;
    d->final_correct = metrics_is_best(d, d->final);
    d->has_followed_ai = d->ai && d->final && metrics_advice_shown(d);
    d->followed_ai = d->has_followed_ai && strcmp(d->final, d->ai) == 0;
    d->has_switched = d->initial && d->final;
    d->switched = d->has_switched && strcmp(d->final, d->initial) != 0;
}

bool metrics_followed(const log_decision *d)
{
    return d->has_followed_ai && d->followed_ai;
}

bool metrics_ai_correct(const log_decision *d)
{
    return d->has_ai_correct && d->ai_correct;
}

bool metrics_reliance(const log_decision *d, int *ai_right, int *followed)
{
    if (!metrics_advice_shown(d) || !d->has_followed_ai || !d->has_ai_correct)
        return false;
    *ai_right = d->ai_correct;
    *followed = d->followed_ai;
    return true;
}

bool metrics_time_limited(const log_decision *d)
{
    return d->has_time_limit_ms || d->timed_out;
}

const char *metrics_time_limits_text(const metrics *m, char *buf, size_t size)
{
    long n = (long)m->m[METRIC_ADJUSTED_TIME_LIMITS].value;
    long dbl = m->time_limits[TIME_LIMITS_DOUBLE], off = m->time_limits[TIME_LIMITS_OFF];
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (n <= 0)
        return buf;
    int k = snprintf(buf, size, "%ld session%s with adjusted time limits:", n,
                     n == 1 ? " ran" : "s ran");
    if (k > 0 && (size_t)k < size && dbl > 0)
        k += snprintf(buf + k, size - (size_t)k, " %ld double%s", dbl, off > 0 ? "," : "");
    if (k > 0 && (size_t)k < size && off > 0)
        snprintf(buf + k, size - (size_t)k, " %ld off", off);
    return buf;
}

const char *metrics_sessions_text(const metrics *m, char *buf, size_t size)
{
    long n = (long)m->m[METRIC_SESSIONS].value;
    const metric_value *t = &m->m[METRIC_TIMEOUTS];
    if (size == 0)
        return buf;
    snprintf(buf, size,
             "%ld session%s: %ld complete (endings: %ld good, %ld neutral, %ld harm), %ld quit, "
             "%ld ended with an error, %ld incomplete; %ld decision%s timed out",
             n, n == 1 ? "" : "s", m->status[LOG_COMPLETE], m->outcomes[LOG_OUTCOME_GOOD],
             m->outcomes[LOG_OUTCOME_NEUTRAL], m->outcomes[LOG_OUTCOME_HARM], m->status[LOG_QUIT],
             m->status[LOG_ERROR], m->status[LOG_INCOMPLETE], t->num, t->num == 1 ? "" : "s");
    return buf;
}

static bool viewed(const log_decision *d, const char *what)
{
    for (size_t i = 0; i < d->n_viewed; i++)
        if (strcmp(d->viewed[i], what) == 0)
            return true;
    return false;
}

/* The Schemmer et al. figures and the other after_initial-only ones. Choices
 * compared need both the initial and the final choice made (a decision that
 * timed out after the initial choice has no final to compare). */
static void add_after_initial(metrics_acc *a, const log_decision *d)
{
    bool ai_known = d->has_ai_correct && d->ai;
    bool choices = d->initial && d->final;
    if (d->has_initial_correct) {
        count(&a->unaided, d->initial_correct);
        if (d->has_ai_correct)
            count(d->ai_correct ? &a->unaided_right : &a->unaided_wrong, d->initial_correct);
    }
    if (choices && d->ai && !same(d->initial, d->ai))
        count(&a->switch_to_ai, same(d->final, d->ai));
    if (!choices || !ai_known || !d->has_initial_correct)
        return;
    bool final_wrong = d->has_final_correct && !d->final_correct;
    if (d->initial_correct && final_wrong && same(d->final, d->ai))
        a->harmful++;
    if (d->has_final_correct)
        a->table[d->initial_correct][d->ai_correct][d->final_correct]++;
}

static void add_with_advice(metrics_acc *a, const log_decision *d)
{
    a->with_advice++;
    count(&a->explanation, viewed(d, "explanation"));
    if (d->has_ai_correct)
        count(&a->ai_accuracy, d->ai_correct);
    if (d->has_final_correct) {
        count(&a->final_accuracy, d->final_correct);
        if (d->has_ai_correct)
            count(d->ai_correct ? &a->acc_right : &a->acc_wrong, d->final_correct);
    }
    int right, followed;
    if (d->has_followed_ai)
        count(&a->agreement, d->followed_ai);
    if (metrics_reliance(d, &right, &followed)) {
        a->reliance[right][followed]++;
        if (!right && (viewed(d, "explanation") || viewed(d, "model_card")))
            a->opened[followed]++;
    }
    if (d->has_trust && d->has_ai_correct && d->trust >= 1 && d->trust <= 7)
        a->trust_hist[d->ai_correct][d->trust]++;
    if (same(d->timing, "after_initial"))
        add_after_initial(a, d);
}

int metrics_acc_add_decision(metrics_acc *a, const log_decision *d)
{
    if (d->has_ms_final && times_add(&a->ms_final, d->ms_final) != 0)
        return -1;
    if (d->has_ms_initial && times_add(&a->ms_initial, d->ms_initial) != 0) {
        a->ms_final.n -= d->has_ms_final; /* the decision is refused whole */
        return -1;
    }
    a->decisions++;
    if (metrics_time_limited(d))
        count(&a->timeouts, d->timed_out);
    if (d->has_final_correct && d->has_final_confidence && d->final_confidence >= 1 &&
        d->final_confidence <= 7) /* as the reader takes ratings */
        a->conf_hist[d->final_correct][d->final_confidence]++;
    if (same(d->timing, "on_request") && d->has_advice_requested)
        count(&a->advice_requested, d->advice_requested);
    if (metrics_advice_shown(d))
        add_with_advice(a, d);
    return 0;
}

void metrics_acc_add_session_only(metrics_acc *a, const log_session *s)
{
    a->sessions++;
    a->incomplete += s->status == LOG_INCOMPLETE;
    if ((unsigned)s->status < METRICS_STATUSES)
        a->status[s->status]++;
    time_limits t = TIME_LIMITS_NORMAL; /* a log older than the setting */
    if (!s->time_limits || time_limits_parse(s->time_limits, &t))
        a->time_limits[t]++;
    for (int k = 0; k < LOG_OUTCOMES; k++)
        a->outcomes[k] += s->outcomes[k];
}

int metrics_acc_add_session(metrics_acc *a, const log_session *s)
{
    metrics_acc_add_session_only(a, s);
    for (size_t i = 0; i < s->n_decisions; i++)
        if (metrics_acc_add_decision(a, &s->decisions[i]) != 0)
            return -1;
    return 0;
}

/* ---- figures ------------------------------------------------------------------------ */

static metric_value count_value(long n)
{
    return (metric_value){.has = true, .value = (double)n, .n = n};
}

bool metrics_wilson(long num, long den, double *lo, double *hi)
{
    const double z = 1.959963984540054; /* the 97.5th percentile of the normal */
    *lo = *hi = 0;
    if (den <= 0 || num < 0 || num > den)
        return false;
    double n = (double)den, p = (double)num / n, z2 = z * z;
    double d = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / d;
    double half = z / d * sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    *lo = num == 0 ? 0 : fmax(0, centre - half); /* exact at the ends, not 1e-17 off */
    *hi = num == den ? 1 : fmin(1, centre + half);
    return true;
}

metric_value metrics_proportion(long num, long den)
{
    metric_value v = {.num = num, .den = den};
    if (den > 0) {
        v.has = true;
        v.value = (double)num / (double)den;
        metrics_wilson(num, den, &v.ci_low, &v.ci_high);
    }
    return v;
}

static metric_value proportion(prop p)
{
    return metrics_proportion(p.num, p.den);
}

static metric_value stat(bool has, double value, long n)
{
    return (metric_value){.has = has, .value = has ? value : 0, .n = n};
}

static metric_value mean(long sum, long n)
{
    return stat(n > 0, n > 0 ? (double)sum / (double)n : 0, n);
}

static metric_value median(const times *t)
{
    size_t n = t->n;
    if (n == 0)
        return stat(false, 0, 0);
    double m = n % 2 ? (double)t->v[n / 2] : ((double)t->v[n / 2 - 1] + (double)t->v[n / 2]) / 2.0;
    return stat(true, m, (long)n);
}

static metric_value hist_mean(const long hist[8])
{
    long sum = 0, n = 0;
    for (int k = 1; k <= 7; k++) {
        sum += k * hist[k];
        n += hist[k];
    }
    return mean(sum, n);
}

/* AUROC of a 1..7 rating separating the positive histogram (AI right for
 * trust, final choice right for confidence) from the negative: the share of (positive,
 * negative) pairs where the positive one got the higher rating, a tie
 * counting ½ (the Mann-Whitney U over the two histograms; Hanley & McNeil
 * 1982). Counts stay far below 2^53, so the sums are exact. */
static metric_value auroc(const long *positive, const long *negative)
{
    double pairs = 0, wins = 0, below = 0;
    long pos = 0, neg = 0;
    for (int k = 1; k <= 7; k++) {
        wins += (double)positive[k] * (below + 0.5 * (double)negative[k]);
        below += (double)negative[k];
        pos += positive[k];
        neg += negative[k];
    }
    pairs = (double)pos * (double)neg;
    return stat(pairs > 0, pairs > 0 ? wins / pairs : 0, pos + neg);
}

/* P(follow | AI right) - P(follow | AI wrong); n: the decisions of both. */
static metric_value discrimination(const long rel[2][2])
{
    long right = rel[1][0] + rel[1][1], wrong = rel[0][0] + rel[0][1];
    bool has = right > 0 && wrong > 0;
    double d = has ? (double)rel[1][1] / (double)right - (double)rel[0][1] / (double)wrong : 0;
    return stat(has, d, right + wrong);
}

static int cmp_ms(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

static void sort_times(metrics_acc *a)
{
    /* qsort on an empty, never-allocated (NULL) array is undefined. */
    if (a->ms_final.n > 0)
        qsort(a->ms_final.v, a->ms_final.n, sizeof(int64_t), cmp_ms);
    if (a->ms_initial.n > 0)
        qsort(a->ms_initial.v, a->ms_initial.n, sizeof(int64_t), cmp_ms);
}

/* The accuracy split and explanation_catch, from figures already there. */
static void research(const metrics_acc *a, metrics *out)
{
    metric_value(*s)[3] = out->accuracy_split;
    const metric_value *ai = &out->m[METRIC_AI_ACCURACY];
    s[METRICS_UNAIDED][METRICS_ALL] = out->m[METRIC_UNAIDED_ACCURACY];
    s[METRICS_UNAIDED][METRICS_AI_RIGHT] = out->unaided_ai_right;
    s[METRICS_UNAIDED][METRICS_AI_WRONG] = out->unaided_ai_wrong;
    s[METRICS_WITH_AI][METRICS_ALL] = out->m[METRIC_FINAL_ACCURACY];
    s[METRICS_WITH_AI][METRICS_AI_RIGHT] = out->m[METRIC_ACCURACY_AI_RIGHT];
    s[METRICS_WITH_AI][METRICS_AI_WRONG] = out->m[METRIC_ACCURACY_AI_WRONG];
    s[METRICS_AI_OWN][METRICS_ALL] = *ai;
    s[METRICS_AI_OWN][METRICS_AI_RIGHT] = metrics_proportion(ai->num, ai->num);
    s[METRICS_AI_OWN][METRICS_AI_WRONG] = metrics_proportion(0, ai->den - ai->num);
    const long *o = a->opened, (*rel)[2] = a->reliance;
    out->explanation_catch[1] = metrics_proportion(o[1], o[0] + o[1]);
    out->explanation_catch[0] =
        metrics_proportion(rel[0][1] - o[1], rel[0][0] + rel[0][1] - o[0] - o[1]);
}

void metrics_acc_result(const metrics_acc *a, metrics *out)
{
    metric_value *m = out->m;
    memset(out, 0, sizeof *out);
    m[METRIC_DECISIONS] = count_value(a->decisions);
    m[METRIC_WITH_ADVICE] = count_value(a->with_advice);
    m[METRIC_AI_ACCURACY] = proportion(a->ai_accuracy);
    m[METRIC_UNAIDED_ACCURACY] = proportion(a->unaided);
    m[METRIC_FINAL_ACCURACY] = proportion(a->final_accuracy);
    m[METRIC_ACCURACY_AI_RIGHT] = proportion(a->acc_right);
    m[METRIC_ACCURACY_AI_WRONG] = proportion(a->acc_wrong);
    m[METRIC_AGREEMENT] = proportion(a->agreement);
    m[METRIC_SWITCH_TO_AI] = proportion(a->switch_to_ai);
    m[METRIC_OVER_RELIANCE] =
        proportion((prop){a->reliance[0][1], a->reliance[0][0] + a->reliance[0][1]});
    m[METRIC_HARMFUL_SWITCHES] = count_value(a->harmful);
    m[METRIC_UNDER_RELIANCE] =
        proportion((prop){a->reliance[1][0], a->reliance[1][0] + a->reliance[1][1]});
    /* Read from the table, so the two always agree. */
    m[METRIC_RAIR] = metrics_proportion(a->table[0][1][1], a->table[0][1][0] + a->table[0][1][1]);
    m[METRIC_RSR] = metrics_proportion(a->table[1][0][1], a->table[1][0][0] + a->table[1][0][1]);
    m[METRIC_DISCRIMINATION] = discrimination(a->reliance);
    m[METRIC_TRUST_AI_RIGHT] = hist_mean(a->trust_hist[1]);
    m[METRIC_TRUST_AI_WRONG] = hist_mean(a->trust_hist[0]);
    m[METRIC_TRUST_AUROC] = auroc(a->trust_hist[1], a->trust_hist[0]);
    m[METRIC_CONFIDENCE_RIGHT] = hist_mean(a->conf_hist[1]);
    m[METRIC_CONFIDENCE_WRONG] = hist_mean(a->conf_hist[0]);
    m[METRIC_CONFIDENCE_AUROC] = auroc(a->conf_hist[1], a->conf_hist[0]);
    m[METRIC_ADVICE_REQUESTED] = proportion(a->advice_requested);
    m[METRIC_EXPLANATION_OPENED] = proportion(a->explanation);
    m[METRIC_MEDIAN_MS_FINAL] = median(&a->ms_final);
    m[METRIC_MEDIAN_MS_INITIAL] = median(&a->ms_initial);
    m[METRIC_TIMEOUTS] = proportion(a->timeouts);
    m[METRIC_OUTCOMES] = count_value(a->outcomes[0] + a->outcomes[1] + a->outcomes[2]);
    m[METRIC_SESSIONS] = count_value(a->sessions);
    m[METRIC_INCOMPLETE] = count_value(a->incomplete);
    m[METRIC_ADJUSTED_TIME_LIMITS] =
        count_value(a->time_limits[TIME_LIMITS_DOUBLE] + a->time_limits[TIME_LIMITS_OFF]);
    memcpy(out->time_limits, a->time_limits, sizeof out->time_limits);
    memcpy(out->status, a->status, sizeof out->status);
    memcpy(out->outcomes, a->outcomes, sizeof out->outcomes);
    out->unaided_ai_right = proportion(a->unaided_right);
    out->unaided_ai_wrong = proportion(a->unaided_wrong);
    memcpy(out->reliance, a->reliance, sizeof out->reliance);
    memcpy(out->trust_hist, a->trust_hist, sizeof out->trust_hist);
    memcpy(out->table, a->table, sizeof out->table);
    research(a, out);
}

void metrics_acc_compute(metrics_acc *a, metrics *out)
{
    sort_times(a);
    metrics_acc_result(a, out);
}

const int64_t *metrics_acc_ms_final(const metrics_acc *a, size_t *n)
{
    *n = a->ms_final.n;
    return a->ms_final.v;
}

const int64_t *metrics_acc_ms_initial(const metrics_acc *a, size_t *n)
{
    *n = a->ms_initial.n;
    return a->ms_initial.v;
}

/* ---- groups ---------------------------------------------------------------------------- */

static const char *const key_names[METRICS_KEYS] = {"trainee", "case", "variant", "session"};

const char *metrics_key_name(metrics_key k)
{
    return (unsigned)k < METRICS_KEYS ? key_names[k] : "?";
}

int metrics_key_parse(const char *name, metrics_key *out)
{
    for (int k = 0; k < METRICS_KEYS; k++)
        if (strcmp(name, key_names[k]) == 0) {
            *out = (metrics_key)k;
            return 0;
        }
    return -1;
}

typedef struct group {
    char **values; /* one per key; NULL for null */
    size_t n_values;
    metrics_acc *acc;
} group;

struct metrics_set {
    metrics_key keys[METRICS_KEYS];
    size_t n_keys;
    strmap *index; /* encoded key values -> group index (until finish) */
    group *groups;
    size_t n_groups, cap_groups;
    bool finished;
    char *keybuf; /* scratch for encoded key values */
    size_t keybuf_cap;
    metrics_curve *curve; /* every session's, whatever its group; NULL if finish failed */
};

static void group_free(group *g)
{
    for (size_t k = 0; k < g->n_values; k++)
        mem_free(g->values[k]);
    mem_free(g->values);
    metrics_acc_free(g->acc);
}

void metrics_set_free(metrics_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_groups; i++)
        group_free(&s->groups[i]);
    mem_free(s->groups);
    strmap_free(s->index);
    mem_free(s->keybuf);
    metrics_curve_free(s->curve);
    mem_free(s);
}

static const char *session_value(const log_session *ses, metrics_key k)
{
    switch (k) {
    case METRICS_BY_TRAINEE:
        return ses->trainee;
    case METRICS_BY_CASE:
        return ses->case_id;
    case METRICS_BY_VARIANT:
        return ses->variant;
    default:
        return ses->id;
    }
}

/* A new group with copies of the values; -1 when out of memory. */
static int add_group(metrics_set *s, const char *const *values)
{
    group *grown = mem_grow(s->groups, &s->cap_groups, s->n_groups + 1, sizeof *grown);
    if (!grown)
        return -1;
    s->groups = grown;
    group g = {.values = mem_calloc(s->n_keys ? s->n_keys : 1, sizeof(char *)),
               .acc = metrics_acc_new()};
    int rc = g.values && g.acc ? 0 : -1;
    g.n_values = g.values ? s->n_keys : 0;
    for (size_t k = 0; rc == 0 && k < s->n_keys; k++)
        if (values[k] && !(g.values[k] = mem_strdup(values[k])))
            rc = -1;
    if (rc != 0) {
        group_free(&g);
        return -1;
    }
    s->groups[s->n_groups++] = g;
    return 0;
}

int metrics_set_new(metrics_set **out, const metrics_key *by, size_t n_by)
{
    metrics_set *s = mem_calloc(1, sizeof *s);
    *out = NULL;
    if (!s || !(s->index = strmap_new()) || !(s->curve = metrics_curve_new())) {
        if (s)
            strmap_free(s->index);
        mem_free(s);
        return -1;
    }
    for (size_t i = 0; i < n_by; i++) {
        bool dup = false;
        for (size_t j = 0; j < s->n_keys; j++)
            dup |= s->keys[j] == by[i];
        if (!dup && (unsigned)by[i] < METRICS_KEYS)
            s->keys[s->n_keys++] = by[i];
    }
    if (s->n_keys == 0 && add_group(s, NULL) != 0) {
        metrics_set_free(s);
        return -1;
    }
    *out = s;
    return 0;
}

/* Each value as a 4-byte length (0xffffffff for null) and its bytes, so no
 * two different tuples encode alike. */
static int encode(metrics_set *s, const char *const *values, size_t *len)
{
    size_t need = 0;
    for (size_t k = 0; k < s->n_keys; k++)
        need += 4 + (values[k] ? strlen(values[k]) : 0);
    char *b = mem_grow(s->keybuf, &s->keybuf_cap, need, 1);
    if (!b)
        return -1;
    s->keybuf = b;
    char *p = s->keybuf;
    for (size_t k = 0; k < s->n_keys; k++) {
        uint32_t n = values[k] ? (uint32_t)strlen(values[k]) : 0xffffffffu;
        memcpy(p, &n, 4);
        p += 4;
        if (values[k])
            memcpy(p, values[k], n), p += n;
    }
    *len = need;
    return 0;
}

static metrics_acc *group_for(metrics_set *s, const log_session *ses)
{
    if (s->n_keys == 0)
        return s->groups[0].acc;
    const char *values[METRICS_KEYS];
    for (size_t k = 0; k < s->n_keys; k++)
        values[k] = session_value(ses, s->keys[k]);
    size_t len;
    bool added = false;
    if (encode(s, values, &len) != 0)
        return NULL;
    size_t *slot = strmap_put(s->index, s->keybuf, len, &added);
    if (!slot)
        return NULL;
    if (added) {
        *slot = SIZE_MAX; /* kept if add_group fails: refused below, next time too */
        if (add_group(s, values) != 0)
            return NULL;
        *slot = s->n_groups - 1;
    }
    return *slot < s->n_groups ? s->groups[*slot].acc : NULL;
}

int metrics_set_add(metrics_set *s, const log_session *ses)
{
    if (s->finished)
        return -1;
    metrics_acc *a = group_for(s, ses);
    if (!a || metrics_curve_add(s->curve, ses) != 0)
        return -1;
    return metrics_acc_add_session(a, ses);
}

static int cmp_value(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int cmp_group(const void *x, const void *y)
{
    const group *a = x, *b = y;
    for (size_t k = 0; k < a->n_values; k++) {
        int c = cmp_value(a->values[k], b->values[k]);
        if (c)
            return c;
    }
    return 0;
}

void metrics_set_finish(metrics_set *s)
{
    if (s->finished)
        return;
    s->finished = true;
    strmap_free(s->index); /* its indices no longer match once sorted */
    s->index = NULL;
    if (s->n_groups > 0)
        qsort(s->groups, s->n_groups, sizeof *s->groups, cmp_group);
    for (size_t i = 0; i < s->n_groups; i++)
        sort_times(s->groups[i].acc);
    if (metrics_curve_finish(s->curve) != 0) {
        metrics_curve_free(s->curve);
        s->curve = NULL;
    }
}

const metrics_curve *metrics_set_curve(const metrics_set *s)
{
    return s->finished ? s->curve : NULL;
}

size_t metrics_set_groups(const metrics_set *s)
{
    return s->n_groups;
}

size_t metrics_set_keys(const metrics_set *s, const metrics_key **keys)
{
    *keys = s->keys;
    return s->n_keys;
}

const char *metrics_set_value(const metrics_set *s, size_t g, size_t k)
{
    return g < s->n_groups && k < s->n_keys ? s->groups[g].values[k] : NULL;
}

void metrics_set_metrics(const metrics_set *s, size_t g, metrics *out)
{
    metrics_acc_result(s->groups[g].acc, out);
}

const metrics_acc *metrics_set_acc(const metrics_set *s, size_t g)
{
    return s->groups[g].acc;
}
