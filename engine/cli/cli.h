/* cli: the commands of `appraise` (spec/cli.md), one file each. A command
 * declares its operands, options, struct of arguments and help (cli_opts.h)
 * and the work to call once cli_exec has parsed the arguments into that
 * struct; the work lives in tools/ and engine/ and returns an exit code.
 * main.c only finds the command, and is the only place that exits. */
#ifndef CLI_H
#define CLI_H

#include <limits.h>
#include <stdio.h>

#include "cli_opts.h"
#include "session.h"
#include "time_limits.h"

extern const cli_command cli_library; /* `appraise` alone: cli_library.c */
extern const cli_command cli_play;    /* cli_play.c */
extern const cli_command cli_run;     /* cli_run.c */
extern const cli_command cli_check;   /* cli_check.c */
extern const cli_command cli_graph;   /* cli_graph.c */
extern const cli_command cli_debrief; /* cli_debrief.c */
extern const cli_command cli_replay;  /* cli_replay.c */

/* ---- what several commands share ------------------------------------------ */

/* One case file, the operand of run, graph and play, into field of type. */
#define CLI_CASE_OPERAND(type, field) CLI_OPERAND("CASE.lua", "a case file (CASE.lua)", type, field)

/* Options of more than one command, over the command's struct of arguments
 * (type; but for --variant, with members named as the options). seen:
 * CLI_SEEN of a bool set when the option is given, or 0; dflt: the default,
 * said in the help. */
#define CLI_OPT_TRAINEE(type, dflt)                                                                \
    CLI_STRING_OPT("--trainee", "ID", type, trainee, "the trainee id logged (default: " dflt ")")
#define CLI_OPT_SEED(type, seen, dflt)                                                             \
    {                                                                                              \
        .name = "--seed", .kind = CLI_NUMBER, .meta = "N", .at = CLI_AT(type, seed),               \
        .seen_at = (seen), .lo = 0, .hi = ULLONG_MAX,                                              \
        .what = "must be a whole number from 0 to 18446744073709551615",                           \
        .help = "the session seed, 0 to 18446744073709551615 (default: " dflt ")"                  \
    }
/* --from NODE and --set key=value (repeatable), for play and run: into
 * fields from, sets and n_sets of type. */
#define CLI_OPT_FROM(type)                                                                         \
    CLI_STRING_OPT("--from", "NODE", type, from,                                                   \
                   "start at this node instead of the case's start (for authors: the session "     \
                   "is logged as started there and left out of the debrief's figures)")
#define CLI_OPT_SET(type)                                                                          \
    {                                                                                              \
        .name = "--set", .kind = CLI_STRING, .meta = "KEY=VALUE", .flags = CLI_REPEAT,             \
        .at = CLI_AT(type, sets), .count_at = CLI_AT(type, n_sets), .max = SESSION_SETS_MAX,       \
        .help = "start with this in the case's state (s.vars.KEY, or vitals.NAME); a number, "     \
                "true, false or text; repeat for more"                                             \
    }
#define CLI_OPT_VARIANT(type, field, text) CLI_STRING_OPT("--variant", "NAME", type, field, text)
#define CLI_VARIANT_HELP "the case variant (default: derived from trainee and case)"
#define CLI_OPT_LOG_DIR(type, seen, text)                                                          \
    {                                                                                              \
        .name = "--log-dir", .kind = CLI_STRING, .meta = "DIR", .at = CLI_AT(type, log_dir),       \
        .seen_at = (seen), .help = (text)                                                          \
    }
/* --time-limits normal|double|off (time_limits.h), into a const char *. */
#define CLI_OPT_TIME_LIMITS(type, dflt)                                                            \
    {                                                                                              \
        .name = "--time-limits", .kind = CLI_CHOICE, .at = CLI_AT(type, time_limits),              \
        .choices = time_limits_names, .what = "time limits",                                       \
        .help = "the case's time limits: normal, double (twice as long) or off (default: " dflt   \
                ")"                                                                                \
    }
#define CLI_LOG_DIR_HELP "folder for the log (default: $XDG_DATA_HOME/appraise/logs)"

/* The commands in the order `appraise --help` lists them. */
extern const cli_command *const cli_commands[];
extern const size_t cli_n_commands;

/* The command called name, or NULL. */
const cli_command *cli_find(const char *name);

/* `appraise --help`: the program's usage, its commands and the options of
 * the case library. */
void cli_program_help(FILE *f);

/* `appraise --version`: the version, the case formats read, the folders of
 * the case library and the assets, and whether this build has a window. */
void cli_version(FILE *f);

/* Whether this build has the window (built with -DAPPRAISE_WINDOW=ON). */
#if defined(APPRAISE_WINDOW) && APPRAISE_WINDOW
#define CLI_WINDOW 1
#else
#define CLI_WINDOW 0
#endif

/* What a window command (cmd: "play", "replay", "" for the library) says in
 * a build without the window: that it needs one and this build has none,
 * then instead (what works without one) when not NULL. Returns EXIT_ENV, as
 * for a machine with no display. */
int cli_no_window(const char *cmd, const char *instead);

#endif
