/* main: the `appraise` command line (spec/cli.md). Parses arguments, calls
 * the core, and turns apperr kinds into exit codes: 0 success, 1 the case,
 * log or input is wrong, 2 usage, 3 the environment failed. The only place
 * in the program that exits. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "apperr.h"
#include "case_load.h"
#include "case_model.h"
#include "commands.h"
#include "data_dir.h"
#include "debrief_report.h"
#include "inputs.h"
#include "launch.h"
#include "log_writer.h"
#include "policy.h"
#include "runner.h"
#include "session.h"

/* A path whose case never ends is stopped after this many policy actions. */
#define POLICY_MAX_ACTIONS 100000

/* replay: with --verify, without a window (tools/replay_verify.c); else in
 * the window (engine/ui/ui_main.c). */
static int cmd_replay_any(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--verify") == 0)
            return cmd_replay_verify(argc, argv);
    return cmd_replay(argc, argv);
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
    const char *summary;
} command;

static const command commands[] = {
    {"play", cmd_play,
     "appraise play CASE.lua [--trainee ID] [--seed N] [--variant NAME] [--log-dir DIR]\n"
     "                       [--theme default|high-contrast] [--scale 75-200] [--fullscreen]",
     "play one case in the window"},
    {"run", cmd_run,
     "appraise run CASE.lua (--inputs FILE|- | --policy P) [--trainee ID] [--seed N]\n"
     "                      [--variant NAME] [--log-dir DIR | --log FILE]",
     "play one case with no window, from an inputs file or a policy"},
    {"check", cmd_check,
     "appraise check CASE.lua... [--strict] [--json] [--variant NAME] [--max-states N]\n"
     "                           [--max-depth N]",
     "validate cases and walk every path"},
    {"graph", cmd_graph, "appraise graph CASE.lua [--variant NAME]",
     "write the case's branching map as Graphviz DOT"},
    {"debrief", cmd_debrief,
     "appraise debrief LOG_OR_DIR... [--by KEY] [--json FILE] [--html FILE] [--csv FILE]\n"
     "                        [--xapi FILE [--xapi-homepage URL] [--xapi-base IRI]]",
     "print the reliance metrics of session logs"},
    {"replay", cmd_replay_any,
     "appraise replay LOG [--log-dir DIR] [--theme default|high-contrast] [--scale 75-200]\n"
     "                    [--fullscreen]\n"
     "       appraise replay LOG --verify [--case FILE]",
     "step through a recorded session in the window, or verify it against its case"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char run_help[] =
    "Plays one case with no window and writes its session log.\n"
    "\n"
    "  --inputs FILE   read the trainee's actions from FILE ('-' for stdin), one a line:\n"
    "                  choose ID, confidence N, trust N, rationale \"text\",\n"
    "                  view explanation|model_card|results, ask, wait N, continue, quit\n"
    "  --policy P      choose by policy: best, follow-ai, against-ai, first, random\n"
    "  --trainee ID    the trainee id logged (default: anonymous)\n"
    "  --seed N        the session seed, 0 to 18446744073709551615 (default: 1)\n"
    "  --variant NAME  the case variant (default: derived from trainee and case)\n"
    "  --log-dir DIR   folder for the log (default: $XDG_DATA_HOME/appraise/logs)\n"
    "  --log FILE      exact log file to create (never overwritten)\n"
    "\n"
    "Each action takes 1 s of virtual time (wait N: N s), so the same inputs give\n"
    "the same log. Exit: 0 the case completed; 1 the case or inputs are wrong or\n"
    "ended early; 2 usage; 3 the log could not be written.\n"
    "See spec/cli.md for the whole command line.\n";

static void print_usage(FILE *f)
{
    fprintf(f, "Usage: appraise COMMAND [OPTIONS]\n"
               "       appraise --help | --version | COMMAND --help\n\n"
               "Practise AI-assisted clinical decisions with branching cases.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nExit codes: 0 success, 1 case/log/input wrong, 2 usage, 3 environment.\n");
}

static void print_version(void)
{
    char dir[4096];
    printf("appraise %s\ncase formats: ", APPRAISE_VERSION);
    for (int f = 1; f <= CASE_FORMAT_MAX; f++)
        printf(f > 1 ? ", %d" : "%d", f);
    printf("\ncase library: %s\n", data_dir(DATA_SCENARIOS, dir, sizeof dir));
    printf("assets: %s\n", data_dir(DATA_ASSETS, dir, sizeof dir));
}

static int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A usage mistake: what was wrong and where to look for the right way. */
static int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "appraise: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "\nTry 'appraise %s --help'.\n", cmd);
    else
        fprintf(stderr, "\nTry 'appraise --help'.\n");
    return EXIT_USAGE;
}

static int exit_code(apperr_kind k)
{
    return k == APPERR_USAGE ? EXIT_USAGE : k == APPERR_ENV ? EXIT_ENV : EXIT_INPUT;
}

static int report(const apperr *e)
{
    char buf[2048];
    fprintf(stderr, "appraise: %s\n", apperr_format(e, buf, sizeof buf));
    return exit_code(e->kind);
}

/* ---- run ---------------------------------------------------------------- */

typedef struct run_args {
    const char *case_path;
    const char *inputs;
    const char *policy;
    const char *trainee;
    const char *seed_text;
    const char *variant;
    const char *log_dir;
    const char *log_file;
    unsigned long long seed;
    policy_kind kind;
} run_args;

typedef struct run_option {
    const char *name;
    size_t offset; /* of the const char * in run_args */
} run_option;

static const run_option run_options[] = {
    {"--inputs", offsetof(run_args, inputs)},   {"--policy", offsetof(run_args, policy)},
    {"--trainee", offsetof(run_args, trainee)}, {"--seed", offsetof(run_args, seed_text)},
    {"--variant", offsetof(run_args, variant)}, {"--log-dir", offsetof(run_args, log_dir)},
    {"--log", offsetof(run_args, log_file)},
};

/* Matches "--name VALUE" or "--name=VALUE" at argv[*i]; 1 when it did. */
static int take_option(run_args *a, int argc, char **argv, int *i, int *rc)
{
    const char *arg = argv[*i];
    for (size_t k = 0; k < sizeof run_options / sizeof run_options[0]; k++) {
        size_t n = strlen(run_options[k].name);
        if (strncmp(arg, run_options[k].name, n) != 0 || (arg[n] != '\0' && arg[n] != '='))
            continue;
        const char **slot = (const char **)((char *)a + run_options[k].offset);
        const char *value = arg[n] == '=' ? arg + n + 1 : NULL;
        if (!value && *i + 1 >= argc) {
            *rc = usage_error("run", "%s needs a value", run_options[k].name);
            return 1;
        }
        if (*slot) {
            *rc = usage_error("run", "%s given twice", run_options[k].name);
            return 1;
        }
        *slot = value ? value : argv[++*i];
        return 1;
    }
    return 0;
}

static int check_run_args(run_args *a)
{
    if (!a->case_path)
        return usage_error("run", "run needs a case file (CASE.lua)");
    if (!a->inputs == !a->policy)
        return usage_error("run", "run needs exactly one of --inputs FILE and --policy P");
    if (a->policy && policy_parse(a->policy, &a->kind) != 0)
        return usage_error("run",
                           "unknown policy '%s' (expected best, follow-ai, against-ai, first or "
                           "random)",
                           a->policy);
    if (a->seed_text && launch_parse_seed(a->seed_text, &a->seed) != 0)
        return usage_error("run",
                           "--seed must be a whole number from 0 to 18446744073709551615, got '%s'",
                           a->seed_text);
    if (a->trainee && !a->trainee[0])
        return usage_error("run", "--trainee needs a non-empty id");
    if (a->log_dir && a->log_file)
        return usage_error("run", "give --log-dir DIR or --log FILE, not both");
    return 0;
}

static int parse_run_args(run_args *a, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->seed = 1;
    for (int i = 1; i < argc; i++) {
        int rc = 0;
        if (take_option(a, argc, argv, &i, &rc)) {
            if (rc)
                return rc;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return usage_error("run", "unknown option '%s'", argv[i]);
        } else if (a->case_path) {
            return usage_error("run", "run plays one case; unexpected '%s'", argv[i]);
        } else {
            a->case_path = argv[i];
        }
    }
    if (!a->trainee)
        a->trainee = "anonymous";
    return check_run_args(a);
}

/* An unknown --variant is a usage error found before any log exists. */
static int check_variant(const case_def *c, const char *variant)
{
    apperr e;
    if (!variant || session_find_variant(c, variant, &e))
        return 0;
    return usage_error("run", "%s", e.msg);
}

/* Everything a run holds; freed in one place. */
typedef struct run_state {
    run_args args;
    case_def *c;
    inputs_reader *in; /* read as the case plays */
    log_writer *log;
    session *s;
    char session_id[37];
    char log_dir[4096];
} run_state;

static int open_log(run_state *r, apperr *e)
{
    return launch_open_log(&r->log, r->session_id, r->log_dir, r->args.log_file, r->args.trainee,
                           r->c->id, e);
}

static int play(run_state *r, apperr *e)
{
    char os[512];
    launch_host_os(os, sizeof os);
    session_opts o = {
        .trainee = r->args.trainee,
        .variant = r->args.variant,
        .seed = r->args.seed,
        .mode = "run",
        .session_id = r->session_id,
        .engine_version = APPRAISE_VERSION,
        .host_os = os,
        .log = r->log,
    };
    int64_t t = 0;
    if (session_open(&r->s, r->c, &o, t, e) != SESSION_OK)
        return -1;
    if (r->args.policy) {
        policy p;
        policy_init(&p, r->args.kind, r->args.seed);
        return runner_run_policy(r->s, &p, &t, POLICY_MAX_ACTIONS, e);
    }
    return runner_run_reader(r->s, r->in, &t, e);
}

/* Everything up to the first log record; no log exists when this fails. */
static int prepare(run_state *r, apperr *e)
{
    case_load_opts lo = {.seed = r->args.seed};
    if (case_load(&r->c, r->args.case_path, &lo, e) != 0)
        return report(e);
    int rc = check_variant(r->c, r->args.variant);
    if (rc)
        return rc;
    if (launch_log_dir(r->args.log_dir, r->args.log_file, r->log_dir, sizeof r->log_dir, e) != 0)
        return report(e);
    /* A regular file is checked whole here, before any log exists. */
    if (r->args.inputs && inputs_open(&r->in, r->args.inputs, e) != 0)
        return report(e);
    return 0;
}

int cmd_run(int argc, char **argv)
{
    run_state r;
    apperr e;
    memset(&r, 0, sizeof r);
    apperr_clear(&e);
    int rc = parse_run_args(&r.args, argc, argv);
    if (rc == 0)
        rc = prepare(&r, &e);
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

/* ---- dispatch ----------------------------------------------------------- */

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

static int dispatch(const command *cmd, int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        printf("Usage: %s\n\n%s.\n", cmd->usage, cmd->summary);
        if (cmd->run == cmd_run)
            printf("\n%s", run_help);
        if (cmd->run == cmd_check)
            printf("\n%s", cmd_check_help);
        if (cmd->run == cmd_graph)
            printf("\n%s", cmd_graph_help);
        if (cmd->run == cmd_debrief)
            printf("\n%s%s", cmd_debrief_help, debrief_report_help);
        if (cmd->run == cmd_replay_any)
            printf("\n%s", cmd_replay_help);
        return EXIT_OK;
    }
    return cmd->run(argc, argv);
}

int main(int argc, char **argv)
{
    if (argc < 2 || (argv[1][0] == '-' && strcmp(argv[1], "--help") != 0 &&
                     strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "--version") != 0))
        return cmd_library(argc, argv);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        print_version();
        return EXIT_OK;
    }
    const command *cmd = find_command(argv[1]);
    if (!cmd)
        return usage_error(NULL, "unknown command '%s'", argv[1]);
    return dispatch(cmd, argc - 1, argv + 1);
}
