/* debrief --xapi: the session logs as xAPI 1.0.3 statements (decision-log.md
 * "xAPI export"), one JSON array, written while the logs stream past so a
 * cohort of any size costs one session's memory.
 *
 * Per session, in log order:
 *   initialized  the session_start (object: the case activity)
 *   answered     each decision (object: the decision node, a cmi.interaction
 *                of type choice with its options and accepted answers)
 *   completed    an ending was reached (session_end status "complete")
 *   terminated   the session ended (complete, quit or error); a session cut
 *                short (no session_end) gets neither, since the trainee never
 *                left it: its answered statements still go out.
 * Fields that are null in the log are left out rather than sent as null. */
#include "debrief_report.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uuid/uuid.h>

#include "debrief_fmt.h"
#include "json_util.h"
#include "mem.h"
#include "out_file.h"

#define VERB_BASE "http://adlnet.gov/expapi/verbs/"
#define ACTIVITY_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define ACTIVITY_INTERACTION "http://adlnet.gov/expapi/activities/cmi.interaction"
#define LANG "en"
#define JW_DEPTH 16

/* The extension keys: base IRI + "/extensions/" + the log's field name. */
typedef enum ext_id {
    EXT_SESSION,
    EXT_CASE_VERSION,
    EXT_CASE_SHA256,
    EXT_VARIANT,
    EXT_SEED,
    EXT_MODE,
    EXT_TIMING,
    EXT_AI,
    EXT_AI_CONFIDENCE,
    EXT_AI_CORRECT,
    EXT_ADVICE_REQUESTED,
    EXT_INITIAL,
    EXT_INITIAL_CONFIDENCE,
    EXT_INITIAL_CORRECT,
    EXT_FINAL_CONFIDENCE,
    EXT_TRUST,
    EXT_FOLLOWED_AI,
    EXT_SWITCHED,
    EXT_RATIONALE,
    EXT_VIEWED,
    EXT_MS_INITIAL,
    EXT_MS_ADVICE,
    EXT_TIMED_OUT,
    EXT_STATUS,
    EXT_ERROR,
    EXT_OUTCOMES,
    EXT_ENDING,
    EXT_COUNT
} ext_id;

static const char *const ext_names[EXT_COUNT] = {"session",
                                                 "case_version",
                                                 "case_sha256",
                                                 "variant",
                                                 "seed",
                                                 "mode",
                                                 "timing",
                                                 "ai",
                                                 "ai_confidence",
                                                 "ai_correct",
                                                 "advice_requested",
                                                 "initial",
                                                 "initial_confidence",
                                                 "initial_correct",
                                                 "final_confidence",
                                                 "trust",
                                                 "followed_ai",
                                                 "switched",
                                                 "rationale",
                                                 "viewed",
                                                 "ms_initial",
                                                 "ms_advice",
                                                 "timed_out",
                                                 "status",
                                                 "error",
                                                 "outcomes",
                                                 "ending"};

/* A JSON writer straight onto the file: statements are written as the logs
 * stream past, with no tree built (cJSON cost ~30 µs a statement). It puts
 * the commas; the callers open and close in order. The file stays locked
 * (flockfile) for the whole export, so single bytes go out unlocked. */
typedef struct jw {
    FILE *f;
    int depth;
    bool more[JW_DEPTH]; /* a member was written at this depth */
} jw;

typedef struct xapi_writer {
    jw j;
    const char *path;
    const char *homepage;
    const char *base;
    char *ext[EXT_COUNT];
    long written; /* statements so far */
} xapi_writer;

/* The session being written: what every statement of it shares. */
typedef struct xapi_session {
    const log_session *s;
    char *case_iri;
    bool registration; /* the session id is a UUID, so it can be the registration */
} xapi_session;

static int set_oom(apperr *e)
{
    apperr_set(e, APPERR_ENV, NULL, 0, "out of memory writing the xAPI statements");
    return -1;
}

static const char *or_unknown(const char *s)
{
    return s ? s : "unknown";
}

/* ---- JSON ---- */

static void jw_member(jw *j, const char *key)
{
    if (j->more[j->depth])
        putc_unlocked(',', j->f);
    j->more[j->depth] = true;
    if (key) {
        debrief_fmt_json_string(j->f, key);
        putc_unlocked(':', j->f);
    }
}

static void jw_open(jw *j, const char *key, char bracket)
{
    jw_member(j, key);
    putc_unlocked(bracket, j->f);
    j->depth++;
    j->more[j->depth] = false;
}

static void jw_close(jw *j, char bracket)
{
    putc_unlocked(bracket, j->f);
    j->depth--;
}

static void jw_str(jw *j, const char *key, const char *v)
{
    jw_member(j, key);
    debrief_fmt_json_string(j->f, v);
}

static void jw_num(jw *j, const char *key, double v)
{
    char buf[32];
    jw_member(j, key);
    fputs(json_number_text(v, buf, sizeof buf), j->f);
}

static void jw_bool(jw *j, const char *key, bool v)
{
    jw_member(j, key);
    fputs(v ? "true" : "false", j->f);
}

static void jw_lang(jw *j, const char *key, const char *text)
{
    jw_open(j, key, '{');
    jw_str(j, LANG, text);
    jw_close(j, '}');
}

static void jw_strings(jw *j, const char *key, const char *const *v, size_t n)
{
    jw_open(j, key, '[');
    for (size_t i = 0; i < n; i++)
        jw_str(j, NULL, v[i]);
    jw_close(j, ']');
}

/* ---- Extensions: only what the log holds (nulls are left out) ---- */

static void ext_string(xapi_writer *w, ext_id id, const char *v)
{
    if (v)
        jw_str(&w->j, w->ext[id], v);
}

static void ext_bool(xapi_writer *w, ext_id id, bool has, bool v)
{
    if (has)
        jw_bool(&w->j, w->ext[id], v);
}

static void ext_number(xapi_writer *w, ext_id id, bool has, double v)
{
    if (has)
        jw_num(&w->j, w->ext[id], v);
}

/* ---- Statement parts ---- */

static void open_statement(xapi_writer *w, const xapi_session *xs, const char *verb, int64_t seq,
                           const char *at)
{
    jw *j = &w->j;
    char id[37], iri[96];
    debrief_fmt_statement_id(or_unknown(xs->s->id), verb, seq, id);
    fputs(w->written == 0 ? "\n" : ",\n", j->f); /* one statement a line */
    w->written++;
    j->more[0] = false;
    jw_open(j, NULL, '{');
    jw_str(j, "id", id);
    jw_open(j, "actor", '{');
    jw_str(j, "objectType", "Agent");
    jw_open(j, "account", '{');
    jw_str(j, "homePage", w->homepage);
    jw_str(j, "name", or_unknown(xs->s->trainee));
    jw_close(j, '}');
    jw_close(j, '}');
    jw_open(j, "verb", '{');
    snprintf(iri, sizeof iri, VERB_BASE "%s", verb);
    jw_str(j, "id", iri);
    jw_lang(j, "display", verb);
    jw_close(j, '}');
    if (debrief_fmt_is_timestamp(at))
        jw_str(j, "timestamp", at);
}

static void activity_ref(jw *j, const char *iri)
{
    jw_open(j, NULL, '{');
    jw_str(j, "objectType", "Activity");
    jw_str(j, "id", iri);
    jw_close(j, '}');
}

/* Opens the context every statement of a session carries and its
 * extensions object, for the caller to add to and close (close_context). */
static void open_context(xapi_writer *w, const xapi_session *xs, bool with_parent)
{
    jw *j = &w->j;
    const log_session *s = xs->s;
    jw_open(j, "context", '{');
    if (xs->registration)
        jw_str(j, "registration", s->id);
    if (with_parent) {
        jw_open(j, "contextActivities", '{');
        jw_open(j, "parent", '[');
        activity_ref(j, xs->case_iri);
        jw_close(j, ']');
        jw_close(j, '}');
    }
    if (s->engine) {
        char platform[128];
        snprintf(platform, sizeof platform, "Appraise %s", s->engine);
        jw_str(j, "platform", platform);
    }
    jw_open(j, "extensions", '{');
    ext_string(w, EXT_SESSION, s->id);
    ext_string(w, EXT_CASE_VERSION, s->case_version);
    ext_string(w, EXT_VARIANT, s->variant);
}

static void close_context(xapi_writer *w)
{
    jw_close(&w->j, '}'); /* extensions */
    jw_close(&w->j, '}'); /* context */
}

static void case_object(xapi_writer *w, const xapi_session *xs)
{
    jw *j = &w->j;
    const log_session *s = xs->s;
    jw_open(j, "object", '{');
    jw_str(j, "objectType", "Activity");
    jw_str(j, "id", xs->case_iri);
    jw_open(j, "definition", '{');
    jw_lang(j, "name", s->case_title ? s->case_title : or_unknown(s->case_id));
    jw_str(j, "type", ACTIVITY_SIMULATION);
    jw_close(j, '}');
    jw_close(j, '}');
}

static int node_object(xapi_writer *w, const xapi_session *xs, const log_decision *d)
{
    jw *j = &w->j;
    const char *seg[] = {"cases", xs->s->case_id, "nodes", d->node};
    char *iri = debrief_fmt_iri(w->base, seg, 4);
    if (!iri)
        return -1;
    jw_open(j, "object", '{');
    jw_str(j, "objectType", "Activity");
    jw_str(j, "id", iri);
    mem_free(iri);
    jw_open(j, "definition", '{');
    jw_lang(j, "name", or_unknown(d->node));
    jw_str(j, "type", ACTIVITY_INTERACTION);
    jw_str(j, "interactionType", "choice");
    /* Each accepted answer is a correct response of its own. */
    jw_strings(j, "correctResponsesPattern", d->best, d->n_best);
    jw_open(j, "choices", '[');
    for (size_t i = 0; i < d->n_options; i++) {
        jw_open(j, NULL, '{');
        jw_str(j, "id", d->options[i]);
        jw_lang(j, "description", d->options[i]);
        jw_close(j, '}');
    }
    jw_close(j, ']');
    jw_close(j, '}');
    jw_close(j, '}');
    return 0;
}

static void decision_result(xapi_writer *w, const log_decision *d)
{
    jw *j = &w->j;
    char dur[32];
    jw_open(j, "result", '{');
    if (d->final)
        jw_str(j, "response", d->final);
    if (d->has_final_correct)
        jw_bool(j, "success", d->final_correct);
    if (d->has_ms_final && debrief_fmt_duration(d->ms_final, dur, sizeof dur))
        jw_str(j, "duration", dur);
    jw_open(j, "extensions", '{');
    ext_string(w, EXT_INITIAL, d->initial);
    ext_number(w, EXT_INITIAL_CONFIDENCE, d->has_initial_confidence, d->initial_confidence);
    ext_bool(w, EXT_INITIAL_CORRECT, d->has_initial_correct, d->initial_correct);
    ext_number(w, EXT_FINAL_CONFIDENCE, d->has_final_confidence, d->final_confidence);
    ext_number(w, EXT_TRUST, d->has_trust, d->trust);
    ext_bool(w, EXT_FOLLOWED_AI, d->has_followed_ai, d->followed_ai);
    ext_bool(w, EXT_SWITCHED, d->has_switched, d->switched);
    ext_string(w, EXT_RATIONALE, d->rationale);
    if (d->n_viewed > 0)
        jw_strings(j, w->ext[EXT_VIEWED], d->viewed, d->n_viewed);
    ext_number(w, EXT_MS_INITIAL, d->has_ms_initial, (double)d->ms_initial);
    ext_number(w, EXT_MS_ADVICE, d->has_ms_advice, (double)d->ms_advice);
    jw_bool(j, w->ext[EXT_TIMED_OUT], d->timed_out);
    jw_close(j, '}');
    jw_close(j, '}');
}

/* The advice as the case gave it: the situation, so context. */
static void advice_context(xapi_writer *w, const log_decision *d)
{
    ext_string(w, EXT_TIMING, d->timing);
    ext_string(w, EXT_AI, d->ai);
    ext_number(w, EXT_AI_CONFIDENCE, d->has_ai_confidence, d->ai_confidence);
    ext_bool(w, EXT_AI_CORRECT, d->has_ai_correct, d->ai_correct);
    ext_bool(w, EXT_ADVICE_REQUESTED, d->has_advice_requested, d->advice_requested);
}

/* ---- Statements ---- */

static int close_statement(xapi_writer *w, apperr *e)
{
    jw_close(&w->j, '}');
    if (ferror(w->j.f)) {
        apperr_set(e, APPERR_ENV, w->path, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static void seed_extension(xapi_writer *w, const log_session *s)
{
    char seed[24];
    if (!s->has_seed)
        return;
    if (s->seed <= (UINT64_C(1) << 53)) {
        ext_number(w, EXT_SEED, true, (double)s->seed);
        return;
    }
    snprintf(seed, sizeof seed, "%" PRIu64, s->seed); /* beyond a double: keep every digit */
    ext_string(w, EXT_SEED, seed);
}

static int emit_initialized(xapi_writer *w, const xapi_session *xs, apperr *e)
{
    const log_session *s = xs->s;
    open_statement(w, xs, "initialized", 0, s->started_at);
    case_object(w, xs);
    open_context(w, xs, false);
    ext_string(w, EXT_CASE_SHA256, s->case_sha256);
    seed_extension(w, s);
    ext_string(w, EXT_MODE, s->mode);
    close_context(w);
    return close_statement(w, e);
}

static int emit_answered(xapi_writer *w, const xapi_session *xs, const log_decision *d, apperr *e)
{
    open_statement(w, xs, "answered", d->seq, d->at);
    if (node_object(w, xs, d) != 0)
        return set_oom(e);
    decision_result(w, d);
    open_context(w, xs, true);
    advice_context(w, d);
    close_context(w);
    return close_statement(w, e);
}

/* completed and terminated: the session's end; duration = the session's
 * length in its own time (t of the last record). */
static int emit_end(xapi_writer *w, const xapi_session *xs, const char *verb, apperr *e)
{
    jw *j = &w->j;
    const log_session *s = xs->s;
    char dur[32];
    open_statement(w, xs, verb, -1, s->ended_at);
    case_object(w, xs);
    jw_open(j, "result", '{');
    if (strcmp(verb, "completed") == 0)
        jw_bool(j, "completion", true);
    if (debrief_fmt_duration(s->end_t, dur, sizeof dur))
        jw_str(j, "duration", dur);
    jw_open(j, "extensions", '{');
    if (strcmp(verb, "completed") == 0) {
        jw_open(j, w->ext[EXT_OUTCOMES], '{');
        for (int k = 0; k < LOG_OUTCOMES; k++)
            jw_num(j, log_outcome_name((log_outcome)k), s->outcomes[k]);
        jw_close(j, '}');
        ext_string(w, EXT_ENDING, s->ending);
    } else {
        ext_string(w, EXT_STATUS, log_status_name(s->status));
        ext_string(w, EXT_ERROR, s->error);
    }
    jw_close(j, '}');
    jw_close(j, '}');
    open_context(w, xs, false);
    close_context(w);
    return close_statement(w, e);
}

static int write_session(xapi_writer *w, const xapi_session *xs, apperr *e)
{
    const log_session *s = xs->s;
    if (s->has_start && emit_initialized(w, xs, e) != 0)
        return -1;
    for (size_t i = 0; i < s->n_decisions; i++) {
        if (emit_answered(w, xs, &s->decisions[i], e) != 0)
            return -1;
    }
    if (s->status == LOG_COMPLETE && emit_end(w, xs, "completed", e) != 0)
        return -1;
    if (s->status != LOG_INCOMPLETE && emit_end(w, xs, "terminated", e) != 0)
        return -1;
    return 0;
}

static int on_session(void *ctx, const log_session *s, apperr *e)
{
    xapi_writer *w = ctx;
    const char *seg[] = {"cases", s->case_id};
    uuid_t u;
    xapi_session xs = {.s = s};
    int rc;
    xs.registration = s->id && uuid_parse(s->id, u) == 0;
    xs.case_iri = debrief_fmt_iri(w->base, seg, 2);
    if (!xs.case_iri)
        return set_oom(e);
    rc = write_session(w, &xs, e);
    mem_free(xs.case_iri);
    return rc;
}

/* ---- The writer ---- */

static int check_flags(const char *homepage, const char *base, apperr *e)
{
    if (!debrief_fmt_is_iri(homepage)) {
        apperr_set(e, APPERR_USAGE, NULL, 0,
                   "--xapi-homepage '%s' is not an absolute IRI (such as https://lms.example.org)",
                   homepage);
        return -1;
    }
    if (!debrief_fmt_is_iri(base)) {
        apperr_set(e, APPERR_USAGE, NULL, 0,
                   "--xapi-base '%s' is not an absolute IRI (such as https://example.org/appraise)",
                   base);
        return -1;
    }
    return 0;
}

static void writer_free(xapi_writer *w)
{
    for (int i = 0; i < EXT_COUNT; i++)
        mem_free(w->ext[i]);
}

static int writer_init(xapi_writer *w, const debrief_report_in *in, apperr *e)
{
    memset(w, 0, sizeof *w);
    w->homepage = in->xapi_homepage ? in->xapi_homepage : DEBRIEF_XAPI_HOMEPAGE;
    w->base = in->xapi_base ? in->xapi_base : DEBRIEF_XAPI_BASE;
    if (check_flags(w->homepage, w->base, e) != 0)
        return -1;
    for (int i = 0; i < EXT_COUNT; i++) {
        const char *seg[] = {"extensions", ext_names[i]};
        w->ext[i] = debrief_fmt_iri(w->base, seg, 2);
        if (!w->ext[i]) {
            writer_free(w);
            return set_oom(e);
        }
    }
    return 0;
}

int debrief_write_xapi(const char *path, const debrief_report_in *in, apperr *e)
{
    xapi_writer w;
    log_read_opts o = {.on_session = on_session, .on_issue = NULL};
    int rc;
    if (writer_init(&w, in, e) != 0)
        return -1;
    w.path = path;
    out_file out;
    if (out_open(&out, path, e) != 0) {
        writer_free(&w);
        return -1;
    }
    w.j.f = out.f;
    o.ctx = &w;
    flockfile(w.j.f);
    fputs("[", w.j.f);
    rc = log_read_paths(in->paths, in->n_paths, &o, NULL, e);
    fputs(w.written ? "\n]\n" : "]\n", w.j.f);
    funlockfile(w.j.f);
    rc = out_close(&out, rc == 0, e);
    writer_free(&w);
    return rc;
}
