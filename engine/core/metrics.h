/* metrics: the debrief metrics of decision-log.md, over any set of decision
 * records: one session (the window's end-of-case debrief), a trainee, a case,
 * a variant or a whole cohort. Shared by the window and `appraise debrief`.
 *
 * Streaming: an accumulator takes sessions (or decisions) one by one and
 * keeps counts, sums and trust histograms; only the decision times, for the
 * medians, are kept as arrays of numbers (8 bytes a decision), never the
 * records. A figure whose denominator is 0 has has == false (n/a): never 0,
 * never NaN. */
#ifndef METRICS_H
#define METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "log_reader.h"
#include "time_limits.h"

/* Every metric of the spec's table, in the spec's order (outcomes, then the
 * counts of sessions: sessions, incomplete, adjusted_time_limits, last). */
typedef enum metric_id {
    METRIC_DECISIONS,
    METRIC_WITH_ADVICE,
    METRIC_AI_ACCURACY,
    METRIC_UNAIDED_ACCURACY,
    METRIC_FINAL_ACCURACY,
    METRIC_ACCURACY_AI_RIGHT,
    METRIC_ACCURACY_AI_WRONG,
    METRIC_AGREEMENT,
    METRIC_SWITCH_TO_AI,
    METRIC_OVER_RELIANCE,
    METRIC_HARMFUL_SWITCHES,
    METRIC_UNDER_RELIANCE,
    METRIC_RAIR,
    METRIC_RSR,
    METRIC_DISCRIMINATION,
    METRIC_TRUST_AI_RIGHT,
    METRIC_TRUST_AI_WRONG,
    METRIC_TRUST_AUROC,
    METRIC_CONFIDENCE_RIGHT,
    METRIC_CONFIDENCE_WRONG,
    METRIC_CONFIDENCE_AUROC,
    METRIC_ADVICE_REQUESTED,
    METRIC_EXPLANATION_OPENED,
    METRIC_MEDIAN_MS_FINAL,
    METRIC_MEDIAN_MS_INITIAL,
    METRIC_TIMEOUTS,
    METRIC_OUTCOMES,
    METRIC_SESSIONS,
    METRIC_INCOMPLETE,
    METRIC_ADJUSTED_TIME_LIMITS,
    METRIC_COUNT
} metric_id;

/* The session statuses of log_status, complete to incomplete. */
#define METRICS_STATUSES (LOG_INCOMPLETE + 1)

/* How a metric is reported (decision-log.md "--json"). */
typedef enum metric_kind {
    METRIC_KIND_COUNT,      /* value only (a whole number); always defined */
    METRIC_KIND_PROPORTION, /* value = num / den */
    METRIC_KIND_STAT,       /* mean, median, difference or AUROC, with n */
    METRIC_KIND_OUTCOMES    /* counts by outcome: good, neutral, harm */
} metric_kind;

typedef struct metric_value {
    bool has;      /* false: n/a (denominator 0); value is then 0 and meaningless */
    double value;  /* COUNT: the count; PROPORTION: num/den; STAT: the figure */
    long num, den; /* PROPORTION only */
    long n;        /* STAT: the decisions used; COUNT: same as value */
    /* PROPORTION with has: the 95% Wilson score interval (metrics_wilson). */
    double ci_low, ci_high;
} metric_value;

/* A rate with fewer decisions than this behind it is marked as a small
 * sample in the reports. */
#define METRICS_SMALL_N 5

/* The 95% Wilson score interval of num successes in den trials (Wilson
 * 1927; z = 1.959963984540054): with p = num/den, n = den,
 * (p + z^2/2n ± z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), clamped to
 * [0, 1] (exactly 0 below when num is 0, exactly 1 above when num is den).
 * false, with both 0, when den is 0 or num is outside 0..den. */
bool metrics_wilson(long num, long den, double *lo, double *hi);

/* num of den as a PROPORTION metric_value: has when den > 0, with its
 * Wilson interval. */
metric_value metrics_proportion(long num, long den);

/* The figures of one group. m[METRIC_OUTCOMES] has has == true and value =
 * the number of ending records; outcomes[] holds them by kind.
 * m[METRIC_ADJUSTED_TIME_LIMITS] counts the sessions played with double or
 * off; time_limits[] holds the sessions by setting (a log older than the
 * setting counts as normal; one naming a setting this program does not
 * know, in none). */
typedef struct metrics {
    metric_value m[METRIC_COUNT];
    long outcomes[LOG_OUTCOMES];
    long time_limits[TIME_LIMITS_OFF + 1];
    /* The sessions by how they ended (log_status: complete, quit, error,
     * incomplete): they add up to m[METRIC_SESSIONS]. */
    long status[METRICS_STATUSES];
    /* Details beyond the spec's keys, for the report's charts. */
    metric_value unaided_ai_right; /* P(initial_correct | ai right), after_initial */
    metric_value unaided_ai_wrong; /* P(initial_correct | ai wrong), after_initial */
    /* Decisions with advice, ai_correct known and followed_ai known:
     * reliance[ai right ? 1 : 0][followed ? 1 : 0]. */
    long reliance[2][2];
    /* Decisions with advice and trust: trust_hist[ai right ? 1 : 0][trust 1..7]. */
    long trust_hist[2][8];
    /* The research measures of decision-log.md "Research measures". */
    /* after_initial decisions with advice, with the initial and the final
     * choice made and ai_correct known:
     * table[initial_correct][ai_correct][final_correct]. RAIR is
     * table[0][1][1] of table[0][1][*]; RSR table[1][0][1] of table[1][0][*]. */
    long table[2][2][2];
    /* Accuracy side by side: [unaided, with AI, the AI's own][all, AI right,
     * AI wrong] (metrics_split, metrics_among). */
    metric_value accuracy_split[3][3];
    /* over_reliance where the explanation or the model card was opened
     * during the decision ([1]) and where neither was ([0]). */
    metric_value explanation_catch[2];
} metrics;

/* The rows and columns of metrics.accuracy_split. */
typedef enum metrics_split { METRICS_UNAIDED, METRICS_WITH_AI, METRICS_AI_OWN } metrics_split;
typedef enum metrics_among { METRICS_ALL, METRICS_AI_RIGHT, METRICS_AI_WRONG } metrics_among;

/* ---- The rules derived from a decision record ----
 *
 * The one definition of each (decision-log.md "Debrief metrics"): the
 * session fills a record's derived fields with metrics_derive, and every
 * reader — these metrics, the debrief report, the window's recap — asks
 * these functions or reads the fields they filled. */

/* The advice was shown: every after_initial and with_case decision, and an
 * on_request one where the trainee asked. */
bool metrics_advice_shown(const log_decision *d);
/* option is one of the accepted answers (best). */
bool metrics_is_best(const log_decision *d, const char *option);
/* Fills the fields a decision derives from the others: ai_correct (ai in
 * best), initial_correct and final_correct, followed_ai (final == ai, when
 * the advice was shown and a final choice made) and switched (final !=
 * initial, when both were made); each null where there is nothing to
 * judge. */
void metrics_derive(log_decision *d);
/* The advice was shown and the final choice followed it / the AI was right
 * (false when unknown). */
bool metrics_followed(const log_decision *d);
bool metrics_ai_correct(const log_decision *d);
/* The decision counts in over- and under-reliance: the advice was shown,
 * the final choice made and ai_correct known. Then *ai_right and *followed
 * are 0 or 1 (the reliance[ai_right][followed] cell it falls in). */
bool metrics_reliance(const log_decision *d, int *ai_right, int *followed);

/* Whether a time limit was in force at the decision: its time_limit_ms, or,
 * in a log older than that field, its running out. */
bool metrics_time_limited(const log_decision *d);

/* "3 sessions ran with adjusted time limits: 2 double, 1 off" (or "1
 * session ran …: 1 off") into buf, for the debrief's summaries; "" when
 * every session ran with the case's own limits. Returns buf. */
const char *metrics_time_limits_text(const metrics *m, char *buf, size_t size);

/* "56 sessions: 54 complete (endings: 30 good, 14 neutral, 10 harm), 2
 * quit, 0 ended with an error, 0 incomplete; 3 decisions timed out" into
 * buf: how every session ended, adding up to the count, for the debrief's
 * summaries. Returns buf. */
const char *metrics_sessions_text(const metrics *m, char *buf, size_t size);

/* The spec's key ("agreement", "trust_auroc", …). */
const char *metrics_name(metric_id id);
metric_kind metrics_kind(metric_id id);

/* ---- One group ---- */

typedef struct metrics_acc metrics_acc;

/* NULL when out of memory. */
metrics_acc *metrics_acc_new(void);
void metrics_acc_free(metrics_acc *a);

/* Adds one decision. -1 when out of memory (the accumulator stays usable). */
int metrics_acc_add_decision(metrics_acc *a, const log_decision *d);
/* Counts one session (sessions, incomplete, outcomes), not its decisions. */
void metrics_acc_add_session_only(metrics_acc *a, const log_session *s);
/* Both: the session and all its decisions. -1 when out of memory. */
int metrics_acc_add_session(metrics_acc *a, const log_session *s);

/* Computes every figure from what was added so far (sorts the kept times in
 * place; more may be added afterwards). */
void metrics_acc_compute(metrics_acc *a, metrics *out);
/* The same, on an accumulator whose times are already sorted (by
 * metrics_acc_compute or metrics_set_finish, with nothing added since). */
void metrics_acc_result(const metrics_acc *a, metrics *out);

/* The kept decision times in ms, sorted once metrics_acc_compute has run:
 * ms_final (all decisions that have it) and ms_initial. */
const int64_t *metrics_acc_ms_final(const metrics_acc *a, size_t *n);
const int64_t *metrics_acc_ms_initial(const metrics_acc *a, size_t *n);

/* ---- Groups by --by keys ---- */

typedef enum metrics_key {
    METRICS_BY_TRAINEE,
    METRICS_BY_CASE,
    METRICS_BY_VARIANT,
    METRICS_BY_SESSION,
    METRICS_KEYS
} metrics_key;

/* "trainee", "case", "variant", "session". */
const char *metrics_key_name(metrics_key k);
/* Parses a key name; -1 when unknown. */
int metrics_key_parse(const char *name, metrics_key *out);

typedef struct metrics_set metrics_set;

/* Groups by the keys given, in that order (a key given twice counts once);
 * n_by == 0 gives the one group "by": {} (which exists even with no data).
 * -1 when out of memory. */
int metrics_set_new(metrics_set **out, const metrics_key *by, size_t n_by);
void metrics_set_free(metrics_set *s);

/* Adds a session and its decisions to the group its trainee, case, variant
 * and id fall in. -1 when out of memory. */
int metrics_set_add(metrics_set *s, const log_session *ses);

/* Sorts the groups (by key values in key order, null first, then bytes) and
 * their kept times. Call once all sessions are in; nothing can be added
 * afterwards (metrics_set_add then returns -1). */
void metrics_set_finish(metrics_set *s);

/* After finish: */
size_t metrics_set_groups(const metrics_set *s);
size_t metrics_set_keys(const metrics_set *s, const metrics_key **keys);
/* Value of key number k (0..n_keys-1) of group g; NULL for JSON null. */
const char *metrics_set_value(const metrics_set *s, size_t g, size_t k);
/* Computes the figures of group g into out (not kept: with --by session
 * there may be 100,000 groups). */
void metrics_set_metrics(const metrics_set *s, size_t g, metrics *out);
const metrics_acc *metrics_set_acc(const metrics_set *s, size_t g);

/* The learning curve (metrics_curve.h) over every session added, whatever
 * the groups: the cohort's. After finish; NULL when finishing it ran out
 * of memory. */
typedef struct metrics_curve metrics_curve;
const metrics_curve *metrics_set_curve(const metrics_set *s);

#endif
