/* cli: the commands of `appraise` (spec/cli.md), one file each. A command
 * declares its options and help (cli_opts.h), parses its arguments, and
 * calls the work, which lives in tools/ and engine/ and returns an exit
 * code. main.c only finds the command, and is the only place that exits. */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "cli_opts.h"

extern const cli_command cli_library; /* `appraise` alone: cli_library.c */
extern const cli_command cli_play;    /* cli_play.c */
extern const cli_command cli_run;     /* cli_run.c */
extern const cli_command cli_check;   /* cli_check.c */
extern const cli_command cli_graph;   /* cli_graph.c */
extern const cli_command cli_debrief; /* cli_debrief.c */
extern const cli_command cli_replay;  /* cli_replay.c */

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
