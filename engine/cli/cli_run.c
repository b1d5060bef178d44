/* appraise run CASE.lua (--inputs FILE | --policy P): one case with no
 * window (run_case.h). */
#include <limits.h>

#include "cli.h"
#include "run_case.h"

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
    {.name = "--trainee",
     .kind = CLI_STRING,
     .meta = "ID",
     .at = CLI_AT(run_case_opts, trainee),
     .help = "the trainee id logged (default: anonymous)"},
    {.name = "--seed",
     .kind = CLI_NUMBER,
     .meta = "N",
     .at = CLI_AT(run_case_opts, seed),
     .lo = 0,
     .hi = ULLONG_MAX,
     .what = "must be a whole number from 0 to 18446744073709551615",
     .help = "the session seed, 0 to 18446744073709551615 (default: 1)"},
    {.name = "--variant",
     .kind = CLI_STRING,
     .meta = "NAME",
     .at = CLI_AT(run_case_opts, variant),
     .help = "the case variant (default: derived from trainee and case)"},
    {.name = "--log-dir",
     .kind = CLI_STRING,
     .meta = "DIR",
     .at = CLI_AT(run_case_opts, log_dir),
     .help = "folder for the log (default: $XDG_DATA_HOME/appraise/logs)"},
    {.name = "--log",
     .kind = CLI_STRING,
     .meta = "FILE",
     .at = CLI_AT(run_case_opts, log_file),
     .help = "exact log file to create (never overwritten)"},
    {0},
};

static int run(const cli_command *cmd, int argc, char **argv)
{
    run_case_opts o = {.trainee = "anonymous", .seed = 1};
    size_t n;
    int rc = cli_parse(cmd, &o, argc, argv, &n);
    if (rc != EXIT_OK)
        return rc;
    o.case_path = argv[1];
    if (o.log_dir && o.log_file)
        return cli_usage_error(cmd->name, "give --log-dir DIR or --log FILE, not both");
    return run_case(&o);
}

const cli_command cli_run = {
    .name = "run",
    .summary = "play one case with no window, from an inputs file or a policy",
    .operands = "CASE.lua",
    .needs = "a case file (CASE.lua)",
    .min_operands = 1,
    .max_operands = 1,
    .opts = opts,
    .about = "Plays one case with no window and writes its session log.\n",
    .after = "Each action takes 1 s of virtual time (wait N: N s), so the same inputs give\n"
             "the same log. Exit: 0 the case completed; 1 the case or inputs are wrong or\n"
             "ended early; 2 usage; 3 the log could not be written.\n"
             "See spec/cli.md for the whole command line.\n",
    .run = run,
};
