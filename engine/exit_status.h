/* exit_status: the exit codes of cli.md and the one way an error that ends
 * a command is said. Shared by the command line (engine/cli/) and the work
 * it calls (tools/, engine/ui/ui_main.c, engine/run_case.c), which return
 * these codes; only engine/cli/main.c exits. */
#ifndef EXIT_STATUS_H
#define EXIT_STATUS_H

#include <stdio.h>

#include "apperr.h"

/* 0 success, 1 the case, log or input is wrong, 2 usage, 3 the environment
 * failed. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };

static inline int exit_status_of(apperr_kind k)
{
    return k == APPERR_USAGE ? EXIT_USAGE : k == APPERR_ENV ? EXIT_ENV : EXIT_INPUT;
}

/* Where to read about the command line: "Try 'appraise CMD --help'." (cmd
 * "" for the program itself). */
static inline void exit_hint(const char *cmd)
{
    fprintf(stderr, "Try 'appraise %s%s--help'.\n", cmd, cmd[0] ? " " : "");
}

/* Says e on stderr as "appraise: FILE:LINE: message", with the hint of cmd
 * when it is a usage error, and returns its exit code. */
static inline int exit_report(const char *cmd, const apperr *e)
{
    char buf[2048];
    fprintf(stderr, "appraise: %s\n", apperr_format(e, buf, sizeof buf));
    if (e->kind == APPERR_USAGE)
        exit_hint(cmd);
    return exit_status_of(e->kind);
}

#endif
