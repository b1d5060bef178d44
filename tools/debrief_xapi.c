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

#include <cJSON.h>
#include <uuid/uuid.h>

#include "debrief_fmt.h"
#include "json_util.h"

#define VERB_BASE "http://adlnet.gov/expapi/verbs/"
#define ACTIVITY_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define ACTIVITY_INTERACTION "http://adlnet.gov/expapi/activities/cmi.interaction"
#define LANG "en"

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

typedef struct xapi_writer {
    FILE *f;
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

static cJSON *lang_map(const char *text)
{
    cJSON *m = cJSON_CreateObject();
    if (m)
        cJSON_AddStringToObject(m, LANG, text);
    return m;
}

static void add_verb(cJSON *st, const char *verb)
{
    char iri[96];
    cJSON *v = cJSON_AddObjectToObject(st, "verb");
    snprintf(iri, sizeof iri, VERB_BASE "%s", verb);
    cJSON_AddStringToObject(v, "id", iri);
    cJSON_AddItemToObject(v, "display", lang_map(verb));
}

static void add_actor(cJSON *st, const xapi_writer *w, const log_session *s)
{
    cJSON *a = cJSON_AddObjectToObject(st, "actor");
    cJSON *acc;
    cJSON_AddStringToObject(a, "objectType", "Agent");
    acc = cJSON_AddObjectToObject(a, "account");
    cJSON_AddStringToObject(acc, "homePage", w->homepage);
    cJSON_AddStringToObject(acc, "name", or_unknown(s->trainee));
}

/* ---- Extensions: only what the log holds (nulls are left out) ---- */

static void ext_string(cJSON *x, const xapi_writer *w, ext_id id, const char *v)
{
    if (v)
        cJSON_AddStringToObject(x, w->ext[id], v);
}

static void ext_bool(cJSON *x, const xapi_writer *w, ext_id id, bool has, bool v)
{
    if (has)
        cJSON_AddBoolToObject(x, w->ext[id], v);
}

static void ext_number(cJSON *x, const xapi_writer *w, ext_id id, bool has, double v)
{
    if (has)
        json_add_number(x, w->ext[id], v);
}

/* Adds "extensions" to obj only when it has at least one member. */
static void attach_extensions(cJSON *obj, cJSON *x)
{
    if (cJSON_GetArraySize(x) > 0)
        cJSON_AddItemToObject(obj, "extensions", x);
    else
        cJSON_Delete(x);
}

/* ---- Statement parts ---- */

static cJSON *statement_new(const xapi_writer *w, const xapi_session *xs, const char *verb,
                            int64_t seq, const char *at)
{
    char id[37];
    cJSON *st = cJSON_CreateObject();
    if (!st)
        return NULL;
    debrief_fmt_statement_id(or_unknown(xs->s->id), verb, seq, id);
    cJSON_AddStringToObject(st, "id", id);
    add_actor(st, w, xs->s);
    add_verb(st, verb);
    if (debrief_fmt_is_timestamp(at))
        cJSON_AddStringToObject(st, "timestamp", at);
    return st;
}

/* The context every statement of a session carries; returns its
 * extensions object for the caller to add to. */
static cJSON *add_context(cJSON *st, const xapi_writer *w, const xapi_session *xs, bool with_parent)
{
    const log_session *s = xs->s;
    cJSON *c = cJSON_AddObjectToObject(st, "context");
    cJSON *x = cJSON_CreateObject();
    if (xs->registration)
        cJSON_AddStringToObject(c, "registration", s->id);
    if (with_parent) {
        cJSON *ca = cJSON_AddObjectToObject(c, "contextActivities");
        cJSON *parent = cJSON_AddArrayToObject(ca, "parent");
        cJSON *act = cJSON_CreateObject();
        cJSON_AddStringToObject(act, "objectType", "Activity");
        cJSON_AddStringToObject(act, "id", xs->case_iri);
        cJSON_AddItemToArray(parent, act);
    }
    if (s->engine) {
        char platform[128];
        snprintf(platform, sizeof platform, "Appraise %s", s->engine);
        cJSON_AddStringToObject(c, "platform", platform);
    }
    ext_string(x, w, EXT_SESSION, s->id);
    ext_string(x, w, EXT_CASE_VERSION, s->case_version);
    ext_string(x, w, EXT_VARIANT, s->variant);
    cJSON_AddItemToObject(c, "extensions", x);
    return x;
}

static void add_case_object(cJSON *st, const xapi_session *xs)
{
    const log_session *s = xs->s;
    cJSON *o = cJSON_AddObjectToObject(st, "object");
    cJSON *d;
    cJSON_AddStringToObject(o, "objectType", "Activity");
    cJSON_AddStringToObject(o, "id", xs->case_iri);
    d = cJSON_AddObjectToObject(o, "definition");
    cJSON_AddItemToObject(d, "name",
                          lang_map(s->case_title ? s->case_title : or_unknown(s->case_id)));
    cJSON_AddStringToObject(d, "type", ACTIVITY_SIMULATION);
}

static cJSON *string_array(const char *const *v, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
    return a;
}

static int add_node_object(cJSON *st, const xapi_writer *w, const xapi_session *xs,
                           const log_decision *d)
{
    const char *seg[] = {"cases", xs->s->case_id, "nodes", d->node};
    char *iri = debrief_fmt_iri(w->base, seg, 4);
    cJSON *o = cJSON_AddObjectToObject(st, "object");
    cJSON *def, *choices;
    if (!iri)
        return -1;
    cJSON_AddStringToObject(o, "objectType", "Activity");
    cJSON_AddStringToObject(o, "id", iri);
    free(iri);
    def = cJSON_AddObjectToObject(o, "definition");
    cJSON_AddItemToObject(def, "name", lang_map(or_unknown(d->node)));
    cJSON_AddStringToObject(def, "type", ACTIVITY_INTERACTION);
    cJSON_AddStringToObject(def, "interactionType", "choice");
    /* Each accepted answer is a correct response of its own. */
    cJSON_AddItemToObject(def, "correctResponsesPattern", string_array(d->best, d->n_best));
    choices = cJSON_AddArrayToObject(def, "choices");
    for (size_t i = 0; i < d->n_options; i++) {
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "id", d->options[i]);
        cJSON_AddItemToObject(c, "description", lang_map(d->options[i]));
        cJSON_AddItemToArray(choices, c);
    }
    return 0;
}

static void add_decision_result(cJSON *st, const xapi_writer *w, const log_decision *d)
{
    cJSON *r = cJSON_AddObjectToObject(st, "result");
    cJSON *x = cJSON_CreateObject();
    char dur[32];
    if (d->final)
        cJSON_AddStringToObject(r, "response", d->final);
    if (d->has_final_correct)
        cJSON_AddBoolToObject(r, "success", d->final_correct);
    if (d->has_ms_final && debrief_fmt_duration(d->ms_final, dur, sizeof dur))
        cJSON_AddStringToObject(r, "duration", dur);
    ext_string(x, w, EXT_INITIAL, d->initial);
    ext_number(x, w, EXT_INITIAL_CONFIDENCE, d->has_initial_confidence, d->initial_confidence);
    ext_bool(x, w, EXT_INITIAL_CORRECT, d->has_initial_correct, d->initial_correct);
    ext_number(x, w, EXT_FINAL_CONFIDENCE, d->has_final_confidence, d->final_confidence);
    ext_number(x, w, EXT_TRUST, d->has_trust, d->trust);
    ext_bool(x, w, EXT_FOLLOWED_AI, d->has_followed_ai, d->followed_ai);
    ext_bool(x, w, EXT_SWITCHED, d->has_switched, d->switched);
    ext_string(x, w, EXT_RATIONALE, d->rationale);
    if (d->n_viewed > 0)
        cJSON_AddItemToObject(x, w->ext[EXT_VIEWED], string_array(d->viewed, d->n_viewed));
    ext_number(x, w, EXT_MS_INITIAL, d->has_ms_initial, (double)d->ms_initial);
    ext_number(x, w, EXT_MS_ADVICE, d->has_ms_advice, (double)d->ms_advice);
    cJSON_AddBoolToObject(x, w->ext[EXT_TIMED_OUT], d->timed_out);
    attach_extensions(r, x);
}

/* The advice as the case gave it: the situation, so context. */
static void add_advice_context(cJSON *x, const xapi_writer *w, const log_decision *d)
{
    ext_string(x, w, EXT_TIMING, d->timing);
    ext_string(x, w, EXT_AI, d->ai);
    ext_number(x, w, EXT_AI_CONFIDENCE, d->has_ai_confidence, d->ai_confidence);
    ext_bool(x, w, EXT_AI_CORRECT, d->has_ai_correct, d->ai_correct);
    ext_bool(x, w, EXT_ADVICE_REQUESTED, d->has_advice_requested, d->advice_requested);
}

/* ---- Output ---- */

static int emit(xapi_writer *w, cJSON *st, apperr *e)
{
    char *text;
    if (!st)
        return set_oom(e);
    text = cJSON_PrintUnformatted(st);
    cJSON_Delete(st);
    if (!text)
        return set_oom(e);
    fputs(w->written == 0 ? "\n" : ",\n", w->f);
    fputs(text, w->f);
    free(text);
    w->written++;
    if (ferror(w->f)) {
        apperr_set(e, APPERR_ENV, w->path, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static int emit_initialized(xapi_writer *w, const xapi_session *xs, apperr *e)
{
    const log_session *s = xs->s;
    cJSON *st = statement_new(w, xs, "initialized", 0, s->started_at);
    cJSON *x;
    if (!st)
        return set_oom(e);
    add_case_object(st, xs);
    x = add_context(st, w, xs, false);
    ext_string(x, w, EXT_CASE_SHA256, s->case_sha256);
    if (s->has_seed && s->seed <= (UINT64_C(1) << 53)) {
        ext_number(x, w, EXT_SEED, true, (double)s->seed);
    } else if (s->has_seed) { /* beyond a double's exact range: keep every digit */
        char seed[24];
        snprintf(seed, sizeof seed, "%" PRIu64, s->seed);
        ext_string(x, w, EXT_SEED, seed);
    }
    ext_string(x, w, EXT_MODE, s->mode);
    return emit(w, st, e);
}

static int emit_answered(xapi_writer *w, const xapi_session *xs, const log_decision *d, apperr *e)
{
    cJSON *st = statement_new(w, xs, "answered", d->seq, d->at);
    if (!st || add_node_object(st, w, xs, d) != 0) {
        cJSON_Delete(st);
        return set_oom(e);
    }
    add_decision_result(st, w, d);
    add_advice_context(add_context(st, w, xs, true), w, d);
    return emit(w, st, e);
}

static cJSON *outcomes_object(const log_session *s)
{
    cJSON *o = cJSON_CreateObject();
    for (int k = 0; o && k < LOG_OUTCOMES; k++)
        cJSON_AddNumberToObject(o, log_outcome_name((log_outcome)k), s->outcomes[k]);
    return o;
}

/* completed and terminated: the session's end; duration = the session's
 * length in its own time (t of the last record). */
static int emit_end(xapi_writer *w, const xapi_session *xs, const char *verb, apperr *e)
{
    const log_session *s = xs->s;
    cJSON *st = statement_new(w, xs, verb, -1, s->ended_at);
    cJSON *r, *x;
    char dur[32];
    if (!st)
        return set_oom(e);
    add_case_object(st, xs);
    r = cJSON_AddObjectToObject(st, "result");
    x = cJSON_CreateObject();
    if (strcmp(verb, "completed") == 0) {
        cJSON_AddBoolToObject(r, "completion", true);
        cJSON_AddItemToObject(x, w->ext[EXT_OUTCOMES], outcomes_object(s));
        ext_string(x, w, EXT_ENDING, s->ending);
    } else {
        cJSON_AddStringToObject(x, w->ext[EXT_STATUS], log_status_name(s->status));
        ext_string(x, w, EXT_ERROR, s->error);
    }
    if (debrief_fmt_duration(s->end_t, dur, sizeof dur))
        cJSON_AddStringToObject(r, "duration", dur);
    attach_extensions(r, x);
    add_context(st, w, xs, false);
    return emit(w, st, e);
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
    free(xs.case_iri);
    return rc;
}

const char debrief_report_help[] =
    "  --html FILE           a self-contained report for a debrief room and for print\n"
    "                        (no scripts, no network): cohort summary, reliance matrices,\n"
    "                        trust, accuracy, times, cases, sessions, every decision\n"
    "  --xapi FILE           xAPI 1.0.3 statements (a JSON array) for a Learning Record\n"
    "                        Store: initialized, answered, completed, terminated\n"
    "  --xapi-homepage URL   actor.account.homePage, the system the trainee ids belong to\n"
    "                        (default: " DEBRIEF_XAPI_HOMEPAGE ")\n"
    "  --xapi-base IRI       base of activity and extension IRIs: BASE/cases/CASE,\n"
    "                        BASE/cases/CASE/nodes/NODE, BASE/extensions/FIELD\n"
    "                        (default: " DEBRIEF_XAPI_BASE ")\n"
    "Statement ids are name-based UUIDs of session, verb and record, so exporting the\n"
    "same logs again gives the same statements.\n";

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
        free(w->ext[i]);
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

static int close_file(FILE *f, const char *path, int rc, apperr *e)
{
    bool failed = ferror(f) != 0;
    if (fclose(f) != 0)
        failed = true;
    if (rc == 0 && failed) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    return rc;
}

int debrief_write_xapi(const char *path, const debrief_report_in *in, apperr *e)
{
    xapi_writer w;
    log_read_opts o = {.on_session = on_session, .on_issue = NULL};
    int rc;
    if (writer_init(&w, in, e) != 0)
        return -1;
    w.path = path;
    w.f = fopen(path, "w");
    if (!w.f) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: %s", strerror(errno));
        writer_free(&w);
        return -1;
    }
    o.ctx = &w;
    fputs("[", w.f);
    rc = log_read_paths(in->paths, in->n_paths, &o, NULL, e);
    fputs(w.written ? "\n]\n" : "]\n", w.f);
    rc = close_file(w.f, path, rc, e);
    writer_free(&w);
    return rc;
}
