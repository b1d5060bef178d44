/* gen_cohort: writes a synthetic cohort of session logs for the debrief
 * benchmark, shaped like log_writer's output (same records, same field
 * order), the same bytes for the same seed.
 *
 *   gen_cohort SEED SESSIONS DIR [DECISIONS]
 *
 * Writes SESSIONS logs of DECISIONS decisions each (default 10) under DIR,
 * ten sessions per trainee, one folder per trainee (DIR/t000001/…), named
 * as the spec names logs. Each decision has its node record, an
 * advice_shown record when the advice is shown, sometimes a view, and the
 * decision; advice timings, AI correctness, choices, ratings and times are
 * drawn from the seed. About 2% of sessions lack session_end (incomplete). */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

typedef struct session {
    FILE *f;
    char id[37];
    int seq;
    long t;
} session;

static void envelope(session *s, const char *type)
{
    long sec = s->t / 1000;
    fprintf(s->f,
            "{\"v\":1,\"type\":\"%s\",\"session\":\"%s\",\"seq\":%d,\"t\":%ld,"
            "\"at\":\"2026-11-27T%02ld:%02ld:%02ld.%03ldZ\"",
            type, s->id, s->seq++, s->t, 9 + sec / 3600 % 12, sec / 60 % 60, sec % 60, s->t % 1000);
}

static const char *tf(int b)
{
    return b ? "true" : "false";
}

static void node(session *s, rng *r, int i)
{
    envelope(s, "node");
    fprintf(s->f,
            ",\"node\":\"d%d\",\"clock\":%d,\"vitals\":{\"hr\":%d,\"sbp\":%d,\"dbp\":70,"
            "\"rr\":%d,\"spo2\":%d,\"o2\":\"air\",\"temp\":37.8,\"avpu\":\"A\"},\"news2\":%d}\n",
            i, i * 10, 80 + below(r, 60), 90 + below(r, 40), 14 + below(r, 14), 90 + below(r, 10),
            below(r, 12));
}

/* One decision point: its records, then the decision itself. */
static void decision(session *s, rng *r, int i)
{
    const char *timing = timings[below(r, 4)];
    int best = below(r, 4), ai_right = chance(r, 70);
    int ai = ai_right ? best : (best + 1 + below(r, 3)) % 4;
    int asked = timing && strcmp(timing, "on_request") == 0 ? chance(r, 60) : 1;
    int shown = timing && asked;
    int after = timing && strcmp(timing, "after_initial") == 0;
    int initial = after ? (chance(r, 60) ? best : below(r, 4)) : -1;
    int timed_out = chance(r, 2);
    int final = timed_out ? -1 : shown && chance(r, 65) ? ai : chance(r, 70) ? best : below(r, 4);
    long ms_initial = after ? 1000 + below(r, 20000) : -1;
    long ms_advice = shown ? (after ? ms_initial + 200 : 0) : -1;
    long ms_final = final >= 0 ? 800 + below(r, 30000) : -1;
    int viewed = shown && chance(r, 40);
    node(s, r, i);
    s->t += ms_advice > 0 ? ms_advice : 0;
    if (shown) {
        envelope(s, "advice_shown");
        fprintf(s->f,
                ",\"node\":\"d%d\",\"tool\":\"WardWatch\",\"recommend\":\"%s\","
                "\"confidence\":0.%02d,\"source\":\"AI\",\"timing\":\"%s\"}\n",
                i, opts[ai], 50 + below(r, 50), timing);
    }
    if (viewed) {
        envelope(s, "view");
        fprintf(s->f, ",\"node\":\"d%d\",\"what\":\"explanation\"}\n", i);
    }
    s->t += ms_final > 0 ? ms_final : 30000;
    envelope(s, "decision");
    fprintf(s->f,
            ",\"node\":\"d%d\",\"options\":[\"escalate\",\"observe\",\"fluids\","
            "\"antibiotics\"],\"best\":[\"%s\"]",
            i, opts[best]);
    if (timing)
        fprintf(s->f, ",\"timing\":\"%s\",\"ai\":\"%s\",\"ai_confidence\":0.%02d,\"ai_correct\":%s",
                timing, opts[ai], 50 + below(r, 50), tf(ai_right));
    else
        fputs(",\"timing\":null,\"ai\":null,\"ai_confidence\":null,\"ai_correct\":null", s->f);
    if (timing && !after && strcmp(timing, "on_request") == 0)
        fprintf(s->f, ",\"advice_requested\":%s", tf(asked));
    else
        fputs(",\"advice_requested\":null", s->f);
    if (initial >= 0)
        fprintf(s->f, ",\"initial\":\"%s\",\"initial_confidence\":%d", opts[initial],
                1 + below(r, 7));
    else
        fputs(",\"initial\":null,\"initial_confidence\":null", s->f);
    if (final >= 0)
        fprintf(s->f, ",\"final\":\"%s\",\"final_confidence\":%d", opts[final], 1 + below(r, 7));
    else
        fputs(",\"final\":null,\"final_confidence\":null", s->f);
    if (initial >= 0)
        fprintf(s->f, ",\"initial_correct\":%s", tf(initial == best));
    else
        fputs(",\"initial_correct\":null", s->f);
    if (final >= 0)
        fprintf(s->f, ",\"final_correct\":%s", tf(final == best));
    else
        fputs(",\"final_correct\":null", s->f);
    if (shown && final >= 0)
        fprintf(s->f, ",\"followed_ai\":%s", tf(final == ai));
    else
        fputs(",\"followed_ai\":null", s->f);
    if (initial >= 0 && final >= 0)
        fprintf(s->f, ",\"switched\":%s", tf(final != initial));
    else
        fputs(",\"switched\":null", s->f);
    if (shown && final >= 0)
        fprintf(s->f, ",\"trust\":%d", 1 + below(r, 7));
    else
        fputs(",\"trust\":null", s->f);
    if (chance(r, 50)) {
        fputs(",\"rationale\":\"", s->f);
        for (const char *p = rationales[below(r, 4)]; *p; p++)
            fputs(*p == '"' ? "\\\"" : *p == '\n' ? "\\n" : (char[]){*p, 0}, s->f);
        fputs("\"", s->f);
    } else {
        fputs(",\"rationale\":null", s->f);
    }
    fprintf(s->f, ",\"viewed\":[%s]", viewed ? "\"explanation\"" : "");
    if (ms_initial >= 0)
        fprintf(s->f, ",\"ms_initial\":%ld", ms_initial);
    else
        fputs(",\"ms_initial\":null", s->f);
    if (ms_advice >= 0)
        fprintf(s->f, ",\"ms_advice\":%ld", ms_advice);
    else
        fputs(",\"ms_advice\":null", s->f);
    if (ms_final >= 0)
        fprintf(s->f, ",\"ms_final\":%ld", ms_final);
    else
        fputs(",\"ms_final\":null", s->f);
    fprintf(s->f, ",\"timed_out\":%s,\"next\":\"d%d\"}\n", tf(timed_out), i + 1);
}

static int write_session(const char *dir, rng *r, long n, int decisions)
{
    long trainee = n / 10 + 1;
    int case_no = below(r, 12) + 1, variant = below(r, 2);
    session s = {.seq = 0, .t = 0};
    uint64_t a = next(r), b = next(r);
    snprintf(s.id, sizeof s.id, "%08" PRIx32 "-%04x-4%03x-%04x-%012" PRIx64, (uint32_t)(a >> 32),
             (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
             0x8000 | ((unsigned)(b >> 48) & 0x3fff), (uint64_t)(b & 0xffffffffffffULL));
    char path[4096];
    snprintf(path, sizeof path, "%s/t%06ld", dir, trainee);
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return -1;
    snprintf(path, sizeof path, "%s/t%06ld/20261127T%06ldZ_t%06ld_case-%02d_%.8s.jsonl", dir,
             trainee, 90000 + n % 10 * 100, trainee, case_no, s.id);
    if (!(s.f = fopen(path, "w")))
        return -1;
    envelope(&s, "session_start");
    fprintf(s.f,
            ",\"engine\":\"0.1.0\",\"case\":\"case-%02d\",\"case_version\":\"1.0\","
            "\"case_title\":\"Synthetic case %d\",\"case_sha256\":\"%016" PRIx64 "%016" PRIx64
            "%016" PRIx64 "%016" PRIx64 "\",\"case_file\":\"scenarios/case-%02d.lua\","
            "\"trainee\":\"t%06ld\",\"variant\":\"%s\",\"seed\":%" PRIu64
            ",\"mode\":\"play\",\"host_os\":\"linux\"}\n",
            case_no, case_no, a, b, a ^ b, a + b, case_no, trainee, variant ? "colleague" : "ai",
            next(r) >> 12);
    for (int i = 0; i < decisions; i++)
        decision(&s, r, i);
    if (!chance(r, 2)) {
        envelope(&s, "node");
        fputs(",\"node\":\"end\",\"clock\":90,\"vitals\":{},\"news2\":null}\n", s.f);
        envelope(&s, "ending");
        fprintf(s.f, ",\"node\":\"end\",\"outcome\":\"%s\",\"clock\":90}\n",
                (const char *[]){"good", "neutral", "harm"}[below(r, 3)]);
        envelope(&s, "session_end");
        fputs(",\"status\":\"complete\"}\n", s.f);
    }
    return fclose(s.f);
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
