/* appraise replay LOG: a recorded session stepped through in the window
 * (ui/ui_main.h). */
#include "cli_window.h"

static const char taken_from_log[] = "replay takes the trainee, seed and variant from the log";

static const cli_opt opts[] = {
    CLI_OPT_LOG_DIR("folder for the replay's own log (default: a fresh folder under $TMPDIR)"),
    CLI_OPT_LOOK,
    {.name = "--trainee", .kind = CLI_REFUSED, .what = taken_from_log},
    {.name = "--seed", .kind = CLI_REFUSED, .what = taken_from_log},
    {.name = "--variant", .kind = CLI_REFUSED, .what = taken_from_log},
    {0},
};

static int run(const cli_command *cmd, int argc, char **argv)
{
    return cli_window_open(cmd, argc, argv, CLI_OPEN_REPLAY);
}

const cli_command cli_replay = {
    .name = "replay",
    .summary = "step through a recorded session in the window",
    .operands = "LOG",
    .needs = "a session log (LOG)",
    .min_operands = 1,
    .max_operands = 1,
    .opts = opts,
    .about = "Plays the session of LOG again in the window, as the trainee saw it, one\n"
             "recorded action each time Enter is pressed; the case is loaded from the file\n"
             "the log names (a warning says when it has changed since).\n",
    .after = "Exit: 0 the replay ended; 1 the log or its case is wrong; 2 usage; 3 the\n"
             "environment failed (no display).\n",
    .run = run,
};
