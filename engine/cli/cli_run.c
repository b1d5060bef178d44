/* appraise run CASE.lua (--inputs FILE | --policy P): one case with no
 * window (run_case.h). */
#include "cli.h"
#include "run_case.h"

#define DEFAULT_TRAINEE "anonymous"

static const char *const policies[] = {"best", "follow-ai", "against-ai", "first", "random", NULL};

static const cli_opt opts[] = {
    {.name = "--inputs",
     .kind = CLI_STRING,
     .meta = "FILE",
     .flags = CLI_ONE_OF,
     .at = CLI_AT(run_case_opts, inputs),
     .help = "read the trainee's actions from FILE ('-' for standard input), one a line: "
             "choose ID, confidence N, trust N, rationale \"text\", view "
             "explanation|model_card|results, ask, wait N, continue, quit"},
    {.name = "--policy",
     .kind = CLI_CHOICE,
     .meta = "P",
     .flags = CLI_ONE_OF,
     .at = CLI_AT(run_case_opts, policy),
     .choices = policies,
     .what = "policy",
     .help = "choose by policy: best, follow-ai, against-ai, first or random"},
    CLI_OPT_TRAINEE(run_case_opts, DEFAULT_TRAINEE),
    CLI_OPT_SEED(run_case_opts, 0, "1"),
    CLI_OPT_VARIANT(run_case_opts, variant, CLI_VARIANT_HELP),
    CLI_OPT_TIME_LIMITS(run_case_opts, "normal"),
    CLI_OPT_LOG_DIR(run_case_opts, 0, CLI_LOG_DIR_HELP),
    CLI_OPT_FROM(run_case_opts),
    CLI_OPT_SET(run_case_opts),
    CLI_STRING_OPT("--log", "FILE", run_case_opts, log_file,
                   "exact log file to create (never overwritten)"),
    {0},
};

static int run(const cli_command *cmd, void *args)
{
    const run_case_opts *o = args;
    if (o->log_dir && o->log_file)
        return cli_usage_error(cmd->name, "give --log-dir DIR or --log FILE, not both");
    return run_case(o);
}

const cli_command cli_run = {
    .name = "run",
    .summary = "play one case with no window, from an inputs file or a policy",
    .operands = CLI_CASE_OPERAND(run_case_opts, case_path),
    .opts = opts,
    .args = CLI_ARGS_INIT(run_case_opts, {.trainee = DEFAULT_TRAINEE, .seed = 1}),
    .about = "Plays one case with no window and writes its session log.\n",
    .after = "Each action takes 1 s of virtual time (wait N: N s), so the same inputs give\n"
             "the same log. Exit: 0 the case completed; 1 the case or inputs are wrong or\n"
             "ended early; 2 usage; 3 the log could not be written.\n"
             "See spec/cli.md for the whole command line.\n",
    .run = run,
};
