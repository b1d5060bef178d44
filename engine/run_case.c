#include "run_case.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "apperr.h"
#include "case_load.h"
#include "case_model.h"
#include "exit_status.h"
#include "inputs.h"
#include "launch.h"
#include "log_writer.h"
#include "policy.h"
#include "runner.h"
#include "session.h"

/* A path whose case never ends is stopped after this many policy actions. */
#define POLICY_MAX_ACTIONS 100000

/* Everything a run holds; freed in one place. */
typedef struct run_state {
    const run_case_opts *o;
    policy_kind kind;
    time_limits limits;
    case_def *c;
    inputs_reader *in; /* read as the case plays */
    log_writer *log;
    session *s;
    char session_id[37];
    char log_dir[4096];
} run_state;

static int report(const apperr *e)
{
    return exit_report("run", e);
}

static session_from from_of(const run_case_opts *o)
{
    return (session_from){o->from, o->sets, o->n_sets};
}

/* An unknown --variant, --from node or a --set that does not fit is a
 * usage error found before any log exists. */
static int check_start(const case_def *c, const run_case_opts *o)
{
    apperr e;
    session_from from = from_of(o);
    return session_check_start(c, o->variant, &from, &e) == 0 ? 0 : report(&e);
}

static int open_log(run_state *r, apperr *e)
{
    return launch_open_log(&r->log, r->session_id, r->log_dir, r->o->log_file, r->o->trainee,
                           r->c->id, e);
}

static int play(run_state *r, apperr *e)
{
    char os[512];
    launch_host_os(os, sizeof os);
    session_opts so = {
        .trainee = r->o->trainee,
        .variant = r->o->variant,
        .seed = r->o->seed,
        .mode = "run",
        .session_id = r->session_id,
        .time_limits = r->limits,
        .engine_version = APPRAISE_VERSION,
        .host_os = os,
        .log = r->log,
        .from = from_of(r->o),
    };
    int64_t t = 0;
    if (session_open(&r->s, r->c, &so, t, e) != SESSION_OK)
        return -1;
    if (r->o->policy) {
        policy p;
        policy_init(&p, r->kind, r->o->seed);
        return runner_run_policy(r->s, &p, &t, POLICY_MAX_ACTIONS, e);
    }
    return runner_run_reader(r->s, r->in, &t, e);
}

/* Everything up to the first log record; no log exists when this fails. */
static int prepare(run_state *r, apperr *e)
{
    if (r->o->policy && policy_parse(r->o->policy, &r->kind) != 0) {
        apperr_set(e, APPERR_USAGE, NULL, 0, "unknown policy '%s'", r->o->policy);
        return report(e);
    }
    if (r->o->time_limits && !time_limits_parse(r->o->time_limits, &r->limits)) {
        apperr_set(e, APPERR_USAGE, NULL, 0, "unknown time limits '%s'", r->o->time_limits);
        return report(e);
    }
    case_load_opts lo = {.seed = r->o->seed};
    if (case_load(&r->c, r->o->case_path, &lo, e) != 0)
        return report(e);
    int rc = check_start(r->c, r->o);
    if (rc)
        return rc;
    if (launch_log_dir(r->o->log_dir, r->o->log_file, r->log_dir, sizeof r->log_dir, e) != 0)
        return report(e);
    /* A regular file is checked whole here, before any log exists. */
    if (r->o->inputs && inputs_open(&r->in, r->o->inputs, e) != 0)
        return report(e);
    return 0;
}

int run_case(const run_case_opts *o)
{
    run_state r;
    apperr e;
    memset(&r, 0, sizeof r);
    r.o = o;
    apperr_clear(&e);
    int rc = prepare(&r, &e);
    if (rc == 0 && open_log(&r, &e) != 0)
        rc = report(&e);
    if (rc == 0 && play(&r, &e) != 0)
        rc = report(&e);
    if (log_writer_records(r.log) > 0) /* a log without records is removed */
        fprintf(stderr, "appraise: log written to %s\n", log_writer_path(r.log));
    if (r.s)
        session_close(r.s);
    log_writer_close(r.log);
    inputs_close(r.in);
    if (r.c)
        case_free(r.c);
    return rc;
}
