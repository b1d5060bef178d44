/* appraise debrief LOG_OR_DIR...: the reliance metrics of session logs (the
 * work is tools/debrief.c). */
#include <stdint.h>
#include <string.h>

#include "cli.h"
#include "debrief.h"
#include "debrief_report.h"

#define MAX_BY (METRICS_KEYS * 4)
#define MAX_COMPARE 64

static const char *const keys[] = {"trainee", "case", "variant", "session", NULL};

/* The options and the paths go straight into debrief's own options, but
 * for --by, whose names become keys. */
typedef struct debrief_args {
    debrief_opts o;
    const char *by[MAX_BY];
    size_t n_by;
    metrics_key keys[MAX_BY];
    const char *compare[MAX_COMPARE];
} debrief_args;

/* A report debrief writes: its option, and its member of debrief_opts. */
#define REPORT_OPT(opt, field, text) CLI_STRING_OPT(opt, "FILE", debrief_args, o.field, text)

static const cli_opt opts[] = {
    {.name = "--by",
     .kind = CLI_CHOICE,
     .meta = "KEY",
     .flags = CLI_REPEAT | CLI_LIST,
     .at = CLI_AT(debrief_args, by),
     .count_at = CLI_AT(debrief_args, n_by),
     .max = MAX_BY,
     .choices = keys,
     .help = "trainee, case, variant or session; several allowed (or --by trainee,case): "
             "one group per combination present"},
    CLI_FLAG_OPT("--long", debrief_args, o.long_form,
                 "with --by: every figure of each group, one a line, instead of one table row "
                 "per group with the main figures"),
    CLI_FLAG_OPT("--include-runs", debrief_args, o.include_runs,
                 "count practice sessions too: those whose session_start mode is run "
                 "(scripted inputs or a policy), replay or preview; by default they are left "
                 "out of every figure and the summary says how many"),
    {.name = "--compare",
     .kind = CLI_STRING,
     .meta = "LOG_OR_DIR",
     .flags = CLI_REPEAT,
     .at = CLI_AT(debrief_args, compare),
     .count_at = CLI_AT(debrief_args, o.n_compare),
     .max = MAX_COMPARE,
     .help = "another group's logs (a file or folder; repeat for more), read the same way: "
             "its main figures beside this group's, in the terminal (two columns), the HTML "
             "summary and the JSON (\"compare\")"},
    REPORT_OPT("--json", json,
               "{\"v\": 1, \"groups\": [{\"by\": {...}, \"metrics\": {...}}]}:\n"
               "counts are whole numbers, every other value has a fraction (5.0) at full "
               "precision; n/a is null"),
    REPORT_OPT(
        "--csv", csv,
        "one row per decision (RFC 4180, UTF-8, CRLF): session, trainee, case, "
        "case_version, variant, status, seq, t, at, every field of the decision "
        "record, time_limits, counted, then initial_label, final_label, ai_label, "
        "node_title and teaching; null is an empty field, \"\" an empty string; options, best and "
        "viewed are joined with ';'; a text a spreadsheet would run as a formula "
        "(starting with = + - @, tab or CR) gets a leading '"),
    REPORT_OPT("--html", html,
               "a self-contained report for a debrief room and for print (no scripts, no "
               "network): cohort summary, reliance matrices, trust, accuracy, times, cases, "
               "sessions, every decision"),
    REPORT_OPT("--xapi", xapi,
               "xAPI 1.0.3 statements (a JSON array) for a Learning Record Store: "
               "initialized, answered, completed, terminated"),
    CLI_STRING_OPT("--trainee", "ID", debrief_args, o.trainee,
                   "one trainee's debrief: their figures beside the group's on the terminal, "
                   "and with --html their own report (their decisions with the feedback they "
                   "got, their reliance against the group's, their learning curve), naming no "
                   "other trainee; not with --by, --json, --csv or --xapi"),
    CLI_STRING_OPT("--xapi-homepage", "URL", debrief_args, o.homepage,
                   "actor.account.homePage, the system the trainee ids belong to\n"
                   "(default: " DEBRIEF_XAPI_HOMEPAGE ")"),
    CLI_STRING_OPT("--xapi-base", "IRI", debrief_args, o.base,
                   "base of activity and extension IRIs: BASE/cases/CASE, "
                   "BASE/cases/CASE/nodes/NODE, BASE/extensions/FIELD\n"
                   "(default: " DEBRIEF_XAPI_BASE ")"),
    {0},
};

static bool is_stdout(const char *file)
{
    return file && strcmp(file, "-") == 0;
}

static int run(const cli_command *cmd, void *args)
{
    debrief_args *a = args;
    if (is_stdout(a->o.json) && is_stdout(a->o.csv))
        return cli_usage_error(cmd->name, "--json and --csv cannot both write to stdout");
    if (a->o.trainee && (a->n_by || a->o.json || a->o.csv || a->o.xapi))
        return cli_usage_error(cmd->name, "--trainee writes one trainee's debrief: it takes "
                                          "--html and --include-runs, not --by, --json, --csv "
                                          "or --xapi");
    for (size_t k = 0; k < a->n_by; k++)
        if (metrics_key_parse(a->by[k], &a->keys[k]) != 0)
            return cli_usage_error(cmd->name, "--by takes no key '%s'", a->by[k]);
    a->o.by = a->keys;
    a->o.n_by = a->n_by;
    a->o.compare = a->compare;
    return debrief_logs(&a->o);
}

const cli_command cli_debrief = {
    .name = "debrief",
    .summary = "print the reliance metrics of session logs",
    .operands = CLI_OPERANDS("LOG_OR_DIR...", "at least one log file or folder", debrief_args,
                             o.paths, o.n_paths),
    .opts = opts,
    .args = CLI_ARGS(debrief_args),
    .about = "Reads session logs (folders recursively, in name order; names starting with '.'\n"
             "skipped) and prints every metric of the decision-log spec per group, with its\n"
             "numerator/denominator or n, and n/a where the denominator is 0. Problems in the\n"
             "input (torn last lines, logs without session_end, unknown fields, blank lines,\n"
             "files that are not logs, the same session twice, a case in two versions) are\n"
             "reported on stderr and the rest is used.\n",
    .after = "FILE '-' for --json or --csv writes to stdout (the summary is then left out).\n"
             "xAPI statement ids are name-based UUIDs of session, verb and record, so\n"
             "exporting the same logs again gives the same statements.\n"
             "\n"
             "Exit: 0 when a session was read; 1 when none was; 2 usage; 3 an output could\n"
             "not be written.\n",
    .run = run,
};
