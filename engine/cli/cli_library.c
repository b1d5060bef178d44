/* appraise [OPTIONS]: the window on the case library. */
#include "cli_window.h"

static const cli_opt opts[] = {
    CLI_STRING_OPT("--library", "DIR", ui_start, library,
                   "the folder of cases to list (default: the bundled case library)"),
    CLI_WINDOW_SESSION_OPTS,
    CLI_WINDOW_ACCESS_OPTS,
    CLI_OPT_LOG_DIR(ui_start, 0, "folder for the logs (default: $XDG_DATA_HOME/appraise/logs)"),
    CLI_OPT_LOOK(0),
    {0},
};

const cli_command cli_library = {
    .name = "",
    .summary = "open the window on the case library",
    .opts = opts,
    .args = CLI_ARGS_INIT(ui_start, CLI_WINDOW_DEFAULTS),
    .about = "the window opens on the case library: pick a trainee id, then a case, and play. "
             "Its options:\n",
    .run = cli_window_run,
};
