/* replay_verify: the work of `appraise replay LOG --verify [--case FILE]`
 * (replay_verify.h), once engine/cli/ has parsed it.
 *
 * Replays the actions a session log records against the case, with no
 * window, writing the replay's own log into a temporary folder (removed
 * afterwards), and compares the two record by record, field by field
 * (replay_compare). Prints "identical" and exits 0 when they are the same;
 * otherwise names the first record that differs — its seq, type, field,
 * the logged and the replayed value — and exits 1. When the first
 * difference is in session_start (the case file's digest: the case has
 * changed), the first difference in what was played is named too, or it is
 * said that there is none.
 *
 * The case is the file session_start names (case_file, as it was given
 * when the session was played, so relative to where it was played from),
 * or the one --case names: the copy a faculty member holds. Exit 1 also
 * when the log or the case cannot be read; 3 when the temporary log could
 * not be written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_load.h"
#include "exit_status.h"
#include "launch.h"
#include "log_reader.h"
#include "log_writer.h"
#include "replay.h"
#include "replay_verify.h"
#include "session.h"

typedef struct verify {
    const char *log_path, *case_path;
    replay r;
    case_def *c;
    log_writer *log;
    session *s;
    log_session *replayed;
    char dir[4096], log_file[4200];
    char refused[2048]; /* an action the session refused, or "" */
} verify;

static int report(const apperr *e)
{
    return exit_report("replay", e);
}

/* The case the log was played from (or --case), with the session's seed. */
static int load_case(verify *v, apperr *e)
{
    const char *path = v->case_path ? v->case_path : v->r.start.case_file;
    case_load_opts lo = {.seed = v->r.start.seed};
    if (case_load(&v->c, path, &lo, e) == 0)
        return 0;
    char buf[2048];
    fprintf(stderr, "appraise: %s: the case it was played from cannot be loaded%s: %s\n",
            v->log_path, v->case_path ? "" : " (give it with --case FILE)",
            apperr_format(e, buf, sizeof buf));
    return EXIT_INPUT;
}

static int make_dir(verify *v, apperr *e)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(v->dir, sizeof v->dir, "%s/appraise-verify-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (mkdtemp(v->dir))
        return 0;
    apperr_set(e, APPERR_ENV, v->dir, 0, "cannot make a folder for the replay's log: %s",
               strerror(errno));
    v->dir[0] = '\0';
    return -1;
}

/* Plays the recording into a session writing a log of its own. */
static int play(verify *v, apperr *e)
{
    char id[37], os[512];
    const replay_start *st = &v->r.start;
    if (make_dir(v, e) != 0 ||
        launch_open_log(&v->log, id, v->dir, NULL, st->trainee, st->case_id, e) != 0)
        return -1;
    snprintf(v->log_file, sizeof v->log_file, "%s", log_writer_path(v->log));
    launch_host_os(os, sizeof os);
    session_opts o = {.trainee = st->trainee,
                      .variant = st->variant,
                      .seed = st->seed,
                      .mode = "replay",
                      .session_id = id,
                      .engine_version = APPRAISE_VERSION,
                      .host_os = os,
                      .log = v->log,
                      .time_limits = st->time_limits,
                      .from = st->from};
    int64_t t = v->r.log->n_records ? v->r.log->records[0].t : 0;
    session_result res = session_open(&v->s, v->c, &o, t, e);
    if (res == SESSION_IO)
        return -1;
    if (res == SESSION_REJECTED) { /* a variant (or --from node) the case no longer has */
        snprintf(v->refused, sizeof v->refused, "%s", e->msg);
    } else if (replay_all(&v->r, v->s, &t, e) != 0) {
        if (e->kind == APPERR_ENV)
            return -1; /* the replay's log could not be written */
        snprintf(v->refused, sizeof v->refused, "%s", e->msg);
    }
    log_writer_close(v->log);
    v->log = NULL;
    log_read_opts ro = {.keep = LOG_KEEP_ALL};
    if (log_session_read(v->log_file, &ro, &v->replayed, e) == 0)
        return 0;
    /* a replay that wrote no record at all (a variant refused) */
    v->replayed = NULL;
    return e->kind == APPERR_ENV ? -1 : 0;
}

static void say_diff(const char *what, const replay_diff *d)
{
    if (!d->field)
        printf("%s: seq %lld (%s): %s\n", what, (long long)d->seq, d->type,
               strcmp(d->replayed, "(none)") == 0 ? "in the log, not written by the replay"
                                                  : "written by the replay, not in the log");
    else
        printf("%s: seq %lld (%s), field %s: logged %s, replayed %s\n", what, (long long)d->seq,
               d->type, d->field, d->logged, d->replayed);
}

/* Prints the verdict; the exit code. */
static int verdict(verify *v, apperr *e)
{
    static const log_session none = {0};
    const log_session *rep = v->replayed ? v->replayed : &none;
    const char *case_path = v->case_path ? v->case_path : v->r.start.case_file;
    replay_diff d;
    if (replay_compare(v->r.log, rep, 0, &d) != 0) {
        replay_diff_free(&d);
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return report(e);
    }
    if (!d.found && !v->refused[0]) {
        printf("identical: %s replays to the same %zu records against %s\n", v->log_path,
               v->r.log->n_records, case_path);
        return EXIT_OK;
    }
    printf("%s: differs from its replay against %s\n", v->log_path, case_path);
    if (d.found)
        say_diff("first difference", &d);
    if (d.found && d.index == 0) {
        replay_diff play_diff;
        int rc = replay_compare(v->r.log, rep, 1, &play_diff);
        if (rc == 0 && play_diff.found)
            say_diff("first difference in play", &play_diff);
        else if (rc == 0)
            printf("the records of play are the same: the case differs in what the log does "
                   "not record (labels, text, comments)\n");
        replay_diff_free(&play_diff);
    }
    if (v->refused[0])
        printf("the replay stopped where the case refused a recorded action: %s\n", v->refused);
    replay_diff_free(&d);
    return EXIT_INPUT;
}

static void cleanup(verify *v)
{
    if (v->s)
        session_close(v->s);
    log_writer_close(v->log);
    log_session_free(v->replayed);
    if (v->log_file[0])
        unlink(v->log_file);
    if (v->dir[0])
        rmdir(v->dir);
    if (v->c)
        case_free(v->c);
    replay_close(&v->r);
}

int replay_verify(const char *log_path, const char *case_path)
{
    verify v;
    apperr e;
    memset(&v, 0, sizeof v);
    apperr_clear(&e);
    v.log_path = log_path;
    v.case_path = case_path;
    if (replay_open(&v.r, v.log_path, &e) != 0)
        return report(&e);
    int rc = load_case(&v, &e);
    if (rc == 0)
        rc = play(&v, &e) != 0 ? report(&e) : verdict(&v, &e);
    cleanup(&v);
    return rc;
}
