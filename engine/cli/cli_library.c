/* appraise [OPTIONS]: the window on the case library. */
#include "cli_window.h"

static const cli_opt opts[] = {
    {.name = "--library",
     .kind = CLI_STRING,
     .meta = "DIR",
     .at = CLI_AT(ui_start, library),
     .help = "the folder of cases to list (default: the bundled case library)"},
    CLI_OPT_TRAINEE,
    CLI_OPT_SEED,
    CLI_OPT_VARIANT,
    CLI_OPT_LOG_DIR("folder for the logs (default: $XDG_DATA_HOME/appraise/logs)", 0),
    CLI_OPT_LOOK(0),
    {0},
};

static int run(const cli_command *cmd, int argc, char **argv)
{
    return cli_window_open(cmd, argc, argv, CLI_OPEN_LIBRARY);
}

const cli_command cli_library = {
    .name = "",
    .summary = "open the window on the case library",
    .opts = opts,
    .about = "the window opens on the case library: pick a trainee id, then a case, and play. "
             "Its options:\n",
    .run = run,
};
