/* main: `appraise COMMAND [OPTIONS]` (spec/cli.md). Finds the command and
 * hands it the arguments; `appraise` with no command, or with options only,
 * opens the case library. The only place in the program that exits: every
 * command returns its exit code (0 success, 1 the case, log or input is
 * wrong, 2 usage, 3 the environment failed). */
#include <string.h>

#include "cli.h"

static bool is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && is_help(argv[1])) {
        cli_program_help(stdout);
        return EXIT_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        cli_version(stdout);
        return EXIT_OK;
    }
    const cli_command *cmd = &cli_library;
    if (argc >= 2 && argv[1][0] != '-') {
        cmd = cli_find(argv[1]);
        if (!cmd)
            return cli_usage_error("", "unknown command '%s'", argv[1]);
        argc--, argv++;
    }
    if (cli_wants_help(argc, argv)) {
        if (cmd == &cli_library)
            cli_program_help(stdout);
        else
            cli_help(stdout, cmd);
        return EXIT_OK;
    }
    return cli_exec(cmd, argc, argv);
}
