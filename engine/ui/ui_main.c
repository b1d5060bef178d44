/* The window's commands: `appraise play CASE.lua` and `appraise` (the case
 * library). Like `run` (engine/main.c), everything that can fail before play
 * fails here, before a window opens or a log exists: the case loads, the
 * variant exists, the log folder can be written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "apperr.h"
#include "case_load.h"
#include "commands.h"
#include "data_dir.h"
#include "launch.h"
#include "log_writer.h"
#include "replay.h"
#include "session.h"
#include "theme.h"
#include "window.h"

typedef struct ui_args {
    const char *cmd; /* for messages: "play" or "" */
    const char *case_path;
    const char *library;
    const char *trainee;
    const char *seed_text;
    const char *variant;
    const char *log_dir;
    const char *theme;
    const char *scale_text;
    bool fullscreen;
    unsigned long long seed;
    int scale;
} ui_args;

static int usage(const ui_args *a, const char *fmt, const char *arg)
{
    fprintf(stderr, "appraise: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'appraise %s%s--help'.\n", a->cmd, a->cmd[0] ? " " : "");
    return EXIT_USAGE;
}

static int report(const apperr *e)
{
    char buf[2048];
    fprintf(stderr, "appraise: %s\n", apperr_format(e, buf, sizeof buf));
    return e->kind == APPERR_USAGE ? EXIT_USAGE : e->kind == APPERR_ENV ? EXIT_ENV : EXIT_INPUT;
}

/* "--name VALUE" or "--name=VALUE": the value, or NULL when argv[*i] is not
 * that option. *missing is set when the value is absent. */
static const char *option(const char *name, int argc, char **argv, int *i, bool *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0 || (argv[*i][n] != '\0' && argv[*i][n] != '='))
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

static int take(ui_args *a, int argc, char **argv, int *i)
{
    struct {
        const char *name;
        const char **slot;
    } opts[] = {{"--trainee", &a->trainee}, {"--seed", &a->seed_text}, {"--variant", &a->variant},
                {"--log-dir", &a->log_dir}, {"--theme", &a->theme},    {"--scale", &a->scale_text},
                {"--library", &a->library}};
    for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
        bool missing = false;
        const char *v = option(opts[k].name, argc, argv, i, &missing);
        if (missing)
            return usage(a, "%s needs a value", opts[k].name);
        if (!v)
            continue;
        if (*opts[k].slot)
            return usage(a, "%s given twice", opts[k].name);
        *opts[k].slot = v;
        return 0;
    }
    if (strcmp(argv[*i], "--fullscreen") == 0) {
        a->fullscreen = true;
        return 0;
    }
    if (argv[*i][0] == '-' && argv[*i][1])
        return usage(a, "unknown option '%s'", argv[*i]);
    if (a->case_path || !a->cmd[0])
        return usage(a, "unexpected '%s'", argv[*i]);
    a->case_path = argv[*i];
    return 0;
}

static int check_values(ui_args *a)
{
    if (a->theme && !ui_theme_find(a->theme))
        return usage(a, "unknown theme '%s' (expected default or high-contrast)", a->theme);
    a->scale = 100;
    if (a->scale_text) {
        char *end;
        errno = 0;
        long s = strtol(a->scale_text, &end, 10);
        if (*end == '%')
            end++;
        if (errno || *end || s < 75 || s > 200)
            return usage(a, "--scale takes a text size in percent from 75 to 200, got '%s'",
                         a->scale_text);
        a->scale = (int)s;
    }
    if (a->seed_text) {
        if (launch_parse_seed(a->seed_text, &a->seed) != 0)
            return usage(a,
                         "--seed must be a whole number from 0 to 18446744073709551615, got '%s'",
                         a->seed_text);
    }
    if (a->trainee && !a->trainee[0])
        return usage(a, "--trainee needs a non-empty id%s", "");
    return 0;
}

static int parse(ui_args *a, const char *cmd, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    for (int i = 1; i < argc; i++) {
        int rc = take(a, argc, argv, &i);
        if (rc)
            return rc;
    }
    if (cmd[0] && a->library)
        return usage(a, "%s: --library is for 'appraise' alone (the case library)", cmd);
    if (cmd[0] && !a->case_path)
        return usage(a, "%s",
                     strcmp(cmd, "play") == 0 ? "play needs a case file (CASE.lua)"
                                              : "replay needs a session log (LOG)");
    return check_values(a);
}

/* An unknown --variant is a usage error found before any window or log. */
static int check_variant(const ui_args *a, const case_def *c)
{
    apperr e;
    if (!a->variant || session_find_variant(c, a->variant, &e))
        return 0;
    return usage(a, "%s", e.msg);
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

static int open_window(const ui_args *args, app_opts *ao)
{
    char fonts[4200], assets[4096], os[512];
    snprintf(fonts, sizeof fonts, "%s/fonts", data_dir(DATA_ASSETS, assets, sizeof assets));
    launch_host_os(os, sizeof os);
    ao->host_os = os;
    window_opts wo = {.theme = args->theme,
                      .scale = args->scale,
                      .fullscreen = args->fullscreen,
                      .font_dir = fonts};
    env_window(&wo);
    app a;
    apperr e;
    apperr_clear(&e);
    if (app_init(&a, ao, &e) != 0) {
        app_free(&a);
        return report(&e);
    }
    int rc = window_run(&a, &wo, &e) == 0 ? a.exit_code : report(&e);
    /* A log without records (the disk filled before the first) is removed. */
    if (a.log_path[0] && a.log && log_writer_records(a.log) > 0)
        fprintf(stderr, "appraise: log written to %s\n", a.log_path);
    app_free(&a);
    return rc;
}

int cmd_play(int argc, char **argv)
{
    ui_args args;
    apperr e;
    char dir[4096];
    apperr_clear(&e);
    int rc = parse(&args, "play", argc, argv);
    if (rc)
        return rc;
    unsigned long long seed = args.seed_text ? args.seed : launch_random_seed();
    case_def *c = NULL;
    case_load_opts lo = {.seed = seed};
    if (case_load(&c, args.case_path, &lo, &e) != 0)
        return report(&e);
    rc = check_variant(&args, c);
    if (rc == 0 && launch_log_dir(args.log_dir, NULL, dir, sizeof dir, &e) != 0)
        rc = report(&e);
    if (rc) {
        case_free(c);
        return rc;
    }
    app_opts ao = {.c = c, /* the app owns it from here */
                   .trainee = args.trainee,
                   .have_seed = true,
                   .seed = seed,
                   .variant = args.variant,
                   .log_dir = dir};
    return open_window(&args, &ao);
}

int cmd_library(int argc, char **argv)
{
    ui_args args;
    apperr e;
    char dir[4096];
    apperr_clear(&e);
    int rc = parse(&args, "", argc, argv);
    if (rc)
        return rc;
    if (launch_log_dir(args.log_dir, NULL, dir, sizeof dir, &e) != 0)
        return report(&e);
    char bundled[4096];
    app_opts ao = {.library_dir = args.library ? args.library
                                               : data_dir(DATA_SCENARIOS, bundled, sizeof bundled),
                   .trainee = args.trainee,
                   .have_seed = args.seed_text != NULL,
                   .seed = args.seed,
                   .variant = args.variant,
                   .log_dir = dir};
    return open_window(&args, &ao);
}

/* The replay's own log goes to a fresh folder unless --log-dir says where:
 * replays are not sessions of the trainee and stay out of their folder. */
static int replay_log_dir(const ui_args *a, char *buf, size_t size, apperr *e)
{
    if (a->log_dir)
        return launch_log_dir(a->log_dir, NULL, buf, size, e);
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

int cmd_replay(int argc, char **argv)
{
    ui_args args;
    apperr e;
    char dir[4096];
    replay r;
    apperr_clear(&e);
    int rc = parse(&args, "replay", argc, argv);
    if (rc)
        return rc;
    if (args.trainee || args.seed_text || args.variant)
        return usage(&args, "%s", "replay takes the trainee, seed and variant from the log");
    if (replay_open(&r, args.case_path, &e) != 0)
        return report(&e);
    case_def *c = NULL;
    rc = load_replayed_case(&r, args.case_path, &c, &e);
    if (rc == 0 && replay_log_dir(&args, dir, sizeof dir, &e) != 0)
        rc = report(&e);
    if (rc == 0) {
        app_opts ao = {.c = c,
                       .trainee = r.start.trainee,
                       .have_seed = true,
                       .seed = r.start.seed,
                       .variant = r.start.variant,
                       .log_dir = dir,
                       .replay = &r};
        c = NULL; /* the app owns it */
        rc = open_window(&args, &ao);
    }
    if (c)
        case_free(c);
    replay_close(&r);
    return rc;
}
