/* gen_cohort: writes a synthetic cohort of session logs for the debrief
 * benchmark, through the log schema (engine/core/log_schema.h): each record
 * is filled in as its declared struct and printed by the schema's writer,
 * the line log_writer writes, and a decision's derived fields follow the
 * metrics' rules. The same bytes for the same seed.
 *
 *   gen_cohort SEED SESSIONS DIR [DECISIONS]
 *
 * Writes SESSIONS logs of DECISIONS decisions each (default 10) under DIR,
 * ten sessions per trainee, one folder per trainee (DIR/t000001/…), named
 * as the spec names logs. Each decision has its node record, an
 * advice_shown record when the advice is shown, sometimes a view, and the
 * decision; advice timings, AI correctness, choices, ratings and times are
 * drawn from the seed. About 2% of sessions lack session_end (incomplete).
 *
 * Built by bench/debrief.sh with log_schema.c, json_util.c, metrics.c and
 * strmap.c from engine/core, and cJSON. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "json_util.h"
#include "log_schema.h"
#include "metrics.h"
#include "mem.h"

typedef struct rng {
    uint64_t s;
} rng;

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t next(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int below(rng *r, int n)
{
    return (int)(next(r) % (uint64_t)n);
}

static int chance(rng *r, int percent)
{
    return below(r, 100) < percent;
}

static const char *const timings[] = {"after_initial", "with_case", "on_request", NULL};
static const char *const opts[] = {"escalate", "observe", "fluids", "antibiotics"};
static const char *const rationales[] = {
    "NEWS2 rising", "Lactate 4.1, hypotension: \"sepsis\" until proven otherwise",
    "The AI missed the stale observations,\nso I overrode it", "Agree with the tool"};
static const char *const outcomes[] = {"good", "neutral", "harm"};

typedef struct session {
    FILE *f;
    char id[37];
    int seq;
    long t;
    int failed;
} session;

/* One record, as log_writer writes it. */
static void record(session *s, log_record_type type, const void *rec)
{
    char at[32];
    long sec = s->t / 1000;
    snprintf(at, sizeof at, "2026-11-27T%02ld:%02ld:%02ld.%03ldZ", 9 + sec / 3600 % 12,
             sec / 60 % 60, sec % 60, s->t % 1000);
    log_envelope env = {.has_v = true,
                        .v = 1,
                        .type = log_schema_record(type)->name,
                        .session = s->id,
                        .has_seq = true,
                        .seq = s->seq++,
                        .has_t = true,
                        .t = s->t,
                        .at = at};
    cJSON *fields = log_record_json(type, rec);
    size_t len = 0;
    char *line = fields ? log_line_print(&env, fields, &len) : NULL;
    if (!line || fwrite(line, 1, len, s->f) != len)
        s->failed = 1;
    mem_free(line);
    cJSON_Delete(fields);
}

static cJSON *vitals(rng *r)
{
    cJSON *v = cJSON_CreateObject();
    double nums[] = {80 + below(r, 60), 90 + below(r, 40), 70, 14 + below(r, 14),
                     90 + below(r, 10)};
    const char *keys[] = {"hr", "sbp", "dbp", "rr", "spo2"};
    for (size_t i = 0; v && i < 5; i++)
        cJSON_AddItemToObject(v, keys[i], json_number(nums[i]));
    if (v) {
        cJSON_AddStringToObject(v, "o2", "air");
        cJSON_AddItemToObject(v, "temp", json_number(37.8));
        cJSON_AddStringToObject(v, "avpu", "A");
    }
    return v;
}

static void node(session *s, rng *r, const char *id, int clock)
{
    cJSON *v = vitals(r);
    log_node rec = {.node = id,
                    .has_clock = true,
                    .clock = clock,
                    .vitals = v,
                    .has_news2 = true,
                    .news2 = below(r, 12)};
    record(s, LOG_REC_NODE, &rec);
    cJSON_Delete(v);
}

/* The trainee's side of a decision: choices, ratings, times. */
static void trainee(log_decision *d, rng *r, int best, int ai, int shown, int after)
{
    int initial = after ? (chance(r, 60) ? best : below(r, 4)) : -1;
    d->timed_out = chance(r, 2);
    int final = d->timed_out             ? -1
                : shown && chance(r, 65) ? ai
                : chance(r, 70)          ? best
                                         : below(r, 4);
    d->initial = initial >= 0 ? opts[initial] : NULL;
    d->has_initial_confidence = initial >= 0;
    d->initial_confidence = initial >= 0 ? 1 + below(r, 7) : 0;
    d->final = final >= 0 ? opts[final] : NULL;
    d->has_final_confidence = final >= 0;
    d->final_confidence = final >= 0 ? 1 + below(r, 7) : 0;
    d->has_trust = shown && final >= 0;
    d->trust = d->has_trust ? 1 + below(r, 7) : 0;
    d->rationale = chance(r, 50) ? rationales[below(r, 4)] : NULL;
    d->has_ms_initial = after;
    d->ms_initial = after ? 1000 + below(r, 20000) : 0;
    d->has_ms_advice = shown;
    d->ms_advice = shown && after ? d->ms_initial + 200 : 0;
    d->has_ms_final = final >= 0;
    d->ms_final = final >= 0 ? 800 + below(r, 30000) : 0;
}

/* One decision point: its records, then the decision itself. */
static void decision(session *s, rng *r, int i)
{
    static const char *const viewed[] = {"explanation"};
    char here[16], then[16];
    snprintf(here, sizeof here, "d%d", i);
    snprintf(then, sizeof then, "d%d", i + 1);
    const char *timing = timings[below(r, 4)];
    int best = below(r, 4), ai_right = chance(r, 70);
    int ai = ai_right ? best : (best + 1 + below(r, 3)) % 4;
    int on_request = timing && strcmp(timing, "on_request") == 0;
    int asked = on_request ? chance(r, 60) : 1;
    int shown = timing && asked;
    int after = timing && strcmp(timing, "after_initial") == 0;
    log_decision d = {.node = here,
                      .options = opts,
                      .n_options = 4,
                      .best = &opts[best],
                      .n_best = 1,
                      .timing = timing,
                      .ai = timing ? opts[ai] : NULL,
                      .has_advice_requested = on_request,
                      .advice_requested = asked,
                      .next = then};
    trainee(&d, r, best, ai, shown, after);
    int view = shown && chance(r, 40);
    d.viewed = viewed;
    d.n_viewed = view ? 1 : 0;
    node(s, r, here, i * 10);
    s->t += d.ms_advice;
    if (shown) {
        log_advice adv = {.node = here,
                          .tool = "WardWatch",
                          .recommend = opts[ai],
                          .has_confidence = true,
                          .confidence = (50 + below(r, 50)) / 100.0,
                          .source = "AI",
                          .timing = timing};
        record(s, LOG_REC_ADVICE_SHOWN, &adv);
    }
    if (view) {
        log_view v = {.node = here, .what = "explanation"};
        record(s, LOG_REC_VIEW, &v);
    }
    s->t += d.has_ms_final ? d.ms_final : 30000;
    d.has_ai_confidence = timing != NULL;
    d.ai_confidence = timing ? (50 + below(r, 50)) / 100.0 : 0;
    metrics_derive(&d);
    record(s, LOG_REC_DECISION, &d);
}

static void start(session *s, rng *r, long trainee_no, int case_no, int variant, uint64_t a,
                  uint64_t b)
{
    char case_id[16], title[32], sha[65], file[64], trainee_id[24];
    snprintf(case_id, sizeof case_id, "case-%02d", case_no);
    snprintf(title, sizeof title, "Synthetic case %d", case_no);
    snprintf(sha, sizeof sha, "%016" PRIx64 "%016" PRIx64 "%016" PRIx64 "%016" PRIx64, a, b, a ^ b,
             a + b);
    snprintf(file, sizeof file, "scenarios/case-%02d.lua", case_no);
    snprintf(trainee_id, sizeof trainee_id, "t%06ld", trainee_no);
    log_start rec = {.engine = "0.1.0",
                     .case_id = case_id,
                     .case_version = "1.0",
                     .case_title = title,
                     .case_sha256 = sha,
                     .case_file = file,
                     .trainee = trainee_id,
                     .variant = variant ? "colleague" : "ai",
                     .has_seed = true,
                     .seed = next(r) >> 12,
                     .mode = "play",
                     .host_os = "linux"};
    record(s, LOG_REC_SESSION_START, &rec);
}

static void finish(session *s, rng *r)
{
    node(s, r, "end", 90);
    log_ending end = {
        .node = "end", .outcome = outcomes[below(r, 3)], .has_clock = true, .clock = 90};
    record(s, LOG_REC_ENDING, &end);
    log_end done = {.status = "complete"};
    record(s, LOG_REC_SESSION_END, &done);
}

static int write_session(const char *dir, rng *r, long n, int decisions)
{
    long trainee_no = n / 10 + 1;
    int case_no = below(r, 12) + 1, variant = below(r, 2);
    session s = {.seq = 0, .t = 0};
    uint64_t a = next(r), b = next(r);
    snprintf(s.id, sizeof s.id, "%08" PRIx32 "-%04x-4%03x-%04x-%012" PRIx64, (uint32_t)(a >> 32),
             (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
             0x8000 | ((unsigned)(b >> 48) & 0x3fff), (uint64_t)(b & 0xffffffffffffULL));
    char path[4096];
    snprintf(path, sizeof path, "%s/t%06ld", dir, trainee_no);
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return -1;
    snprintf(path, sizeof path, "%s/t%06ld/20261127T%06ldZ_t%06ld_case-%02d_%.8s.jsonl", dir,
             trainee_no, 90000 + n % 10 * 100, trainee_no, case_no, s.id);
    if (!(s.f = fopen(path, "w")))
        return -1;
    start(&s, r, trainee_no, case_no, variant, a, b);
    for (int i = 0; i < decisions; i++)
        decision(&s, r, i);
    if (!chance(r, 2))
        finish(&s, r);
    return fclose(s.f) != 0 || s.failed ? -1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: gen_cohort SEED SESSIONS DIR [DECISIONS]\n");
        return 2;
    }
    rng r = {strtoull(argv[1], NULL, 10)};
    long sessions = strtol(argv[2], NULL, 10);
    int decisions = argc == 5 ? atoi(argv[4]) : 10;
    if (mkdir(argv[3], 0777) != 0 && errno != EEXIST) {
        perror(argv[3]);
        return 1;
    }
    for (long n = 0; n < sessions; n++)
        if (write_session(argv[3], &r, n, decisions) != 0) {
            perror(argv[3]);
            return 1;
        }
    return 0;
}
