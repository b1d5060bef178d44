/* The window's commands (ui_main.h): `appraise play CASE.lua`, `appraise`
 * (the case library) and `appraise replay LOG`. Like `run` (run_case.c),
 * everything that can fail before play fails here, before a window opens or
 * a log exists. engine/cli/ has parsed and checked the command line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "apperr.h"
#include "case_load.h"
#include "data_dir.h"
#include "exit_status.h"
#include "launch.h"
#include "log_writer.h"
#include "prefs.h"
#include "replay.h"
#include "session.h"
#include "ui_main.h"
#include "window.h"

/* An unknown --variant, --from node or a --set that does not fit is a
 * usage error found before any window or log. */
static int check_start(const ui_start *s, const case_def *c)
{
    apperr e;
    session_from from = {s->from, s->sets, s->n_sets};
    return session_check_start(c, s->variant, &from, &e) == 0 ? 0 : exit_report("play", &e);
}

/* Development knobs (tests, benchmarks, screenshots): the window size, and
 * timings on stderr. */
static void env_window(window_opts *w)
{
    const char *size = getenv("APPRAISE_WINDOW_SIZE");
    if (size && sscanf(size, "%dx%d", &w->width, &w->height) != 2)
        w->width = w->height = 0;
    const char *trace = getenv("APPRAISE_UI_TRACE");
    w->trace = trace && trace[0] == '1';
    const char *frames = getenv("APPRAISE_UI_BENCH_FRAMES");
    w->bench_frames = frames ? atoi(frames) : 0;
}

/* Whether the window speaks and the time limits: the flags, else what the
 * window remembers (prefs.h). A replay keeps the setting it was played
 * with. */
static void settings(const ui_start *s, const char *prefs_file, app_opts *ao)
{
    prefs p;
    memset(&p, 0, sizeof p);
    if (prefs_file)
        prefs_read(prefs_file, &p);
    ao->speak = s->speak || (p.have_speak && p.speak);
    if (ao->replay)
        return;
    if (s->time_limits)
        time_limits_parse(s->time_limits, &ao->time_limits);
    else if (p.have_time_limits)
        ao->time_limits = p.time_limits;
}

static int open_window(const char *cmd, const ui_start *s, app_opts *ao)
{
    char fonts[4200], assets[4096], os[512];
    snprintf(fonts, sizeof fonts, "%s/fonts", data_dir(DATA_ASSETS, assets, sizeof assets));
    launch_host_os(os, sizeof os);
    ao->host_os = os;
    window_opts wo = {.theme = s->theme,
                      .scale = s->scale ? (int)s->scale : 100,
                      .fullscreen = s->fullscreen,
                      .font_dir = fonts};
    char prefs_file[4096];
    if (prefs_path(prefs_file, sizeof prefs_file))
        wo.prefs_path = prefs_file;
    settings(s, wo.prefs_path, ao);
    wo.speak = ao->speak;
    env_window(&wo);
    app a;
    apperr e;
    apperr_clear(&e);
    if (app_init(&a, ao, &e) != 0) {
        app_free(&a);
        return exit_report(cmd, &e);
    }
    int rc = window_run(&a, &wo, &e) == 0 ? a.exit_code : exit_report(cmd, &e);
    /* A log without records (the disk filled before the first) is removed. */
    if (a.log_path[0] && a.log && log_writer_records(a.log) > 0)
        fprintf(stderr, "appraise: log written to %s\n", a.log_path);
    app_free(&a);
    return rc;
}

int ui_play(const ui_start *s)
{
    apperr e;
    char dir[4096];
    apperr_clear(&e);
    unsigned long long seed = s->have_seed ? s->seed : launch_random_seed();
    case_def *c = NULL;
    case_load_opts lo = {.seed = seed};
    if (case_load(&c, s->path, &lo, &e) != 0)
        return exit_report("play", &e);
    int rc = check_start(s, c);
    /* --watch: previews are logged apart from the trainees' logs. */
    char previews[4096];
    const char *log_dir = s->log_dir;
    if (s->watch && !log_dir)
        log_dir = data_dir_previews(previews, sizeof previews);
    if (s->watch && !log_dir) {
        apperr_set(&e, APPERR_ENV, NULL, 0,
                   "no folder for preview logs: set XDG_DATA_HOME or HOME, or give --log-dir DIR");
        rc = exit_report("play", &e);
    }
    if (rc == 0 && launch_log_dir(log_dir, NULL, dir, sizeof dir, &e) != 0)
        rc = exit_report("play", &e);
    if (rc) {
        case_free(c);
        return rc;
    }
    app_opts ao = {.c = c, /* the app owns it from here */
                   .trainee = s->trainee,
                   .have_seed = true,
                   .seed = seed,
                   .variant = s->variant,
                   .log_dir = dir,
                   .from = {s->from, s->sets, s->n_sets},
                   .watch = s->watch};
    return open_window("play", s, &ao);
}

int ui_library(const ui_start *s)
{
    apperr e;
    char dir[4096];
    apperr_clear(&e);
    if (launch_log_dir(s->log_dir, NULL, dir, sizeof dir, &e) != 0)
        return exit_report("", &e);
    char bundled[4096];
    app_opts ao = {.library_dir =
                       s->library ? s->library : data_dir(DATA_SCENARIOS, bundled, sizeof bundled),
                   .trainee = s->trainee,
                   .have_seed = s->have_seed,
                   .seed = s->seed,
                   .variant = s->variant,
                   .log_dir = dir};
    return open_window("", s, &ao);
}

/* The replay's own log goes to a fresh folder unless --log-dir says where:
 * replays are not sessions of the trainee and stay out of their folder. */
static int replay_log_dir(const ui_start *s, char *buf, size_t size, apperr *e)
{
    if (s->log_dir)
        return launch_log_dir(s->log_dir, NULL, buf, size, e);
    const char *tmp = getenv("TMPDIR");
    snprintf(buf, size, "%s/appraise-replay-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(buf)) {
        apperr_set(e, APPERR_ENV, buf, 0, "cannot make a folder for the replay's log: %s",
                   strerror(errno));
        return -1;
    }
    return 0;
}

static int load_replayed_case(const replay *r, const char *log, case_def **c, apperr *e)
{
    case_load_opts lo = {.seed = r->start.seed};
    if (case_load(c, r->start.case_file, &lo, e) != 0) {
        char buf[2048];
        fprintf(stderr, "appraise: %s: the case it was played from cannot be loaded: %s\n", log,
                apperr_format(e, buf, sizeof buf));
        return EXIT_INPUT;
    }
    if (r->start.sha256[0] && strcmp(r->start.sha256, (*c)->sha256) != 0)
        fprintf(stderr,
                "appraise: warning: %s has changed since this session was played; the "
                "replay may differ\n",
                r->start.case_file);
    return 0;
}

int ui_replay(const ui_start *s)
{
    apperr e;
    char dir[4096];
    replay r;
    apperr_clear(&e);
    if (replay_open(&r, s->path, &e) != 0)
        return exit_report("replay", &e);
    case_def *c = NULL;
    int rc = load_replayed_case(&r, s->path, &c, &e);
    if (rc == 0 && replay_log_dir(s, dir, sizeof dir, &e) != 0)
        rc = exit_report("replay", &e);
    if (rc == 0) {
        app_opts ao = {.c = c,
                       .trainee = r.start.trainee,
                       .have_seed = true,
                       .seed = r.start.seed,
                       .variant = r.start.variant,
                       .time_limits = r.start.time_limits,
                       .log_dir = dir,
                       .replay = &r,
                       .from = r.start.from};
        c = NULL; /* the app owns it */
        rc = open_window("replay", s, &ao);
    }
    if (c)
        case_free(c);
    replay_close(&r);
    return rc;
}
