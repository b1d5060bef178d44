/* appraise play CASE.lua: one case in the window (ui/ui_main.h). */
#include "cli_window.h"

static const cli_opt opts[] = {
    CLI_OPT_TRAINEE,
    CLI_OPT_SEED,
    CLI_OPT_VARIANT,
    CLI_OPT_LOG_DIR("folder for the log (default: $XDG_DATA_HOME/appraise/logs)", 0),
    CLI_OPT_LOOK(0),
    {.name = "--library",
     .kind = CLI_REFUSED,
     .what = "--library is for 'appraise' alone (the case library)"},
    {0},
};

static int run(const cli_command *cmd, int argc, char **argv)
{
    return cli_window_open(cmd, argc, argv, CLI_OPEN_PLAY);
}

const cli_command cli_play = {
    .name = "play",
    .summary = "play one case in the window",
    .operands = "CASE.lua",
    .needs = "a case file (CASE.lua)",
    .min_operands = 1,
    .max_operands = 1,
    .opts = opts,
    .about = "Opens the case in the window; the session log is written as the trainee plays.\n"
             "Keyboard: 1-9 pick, Enter confirms or continues, A asks the AI, E the\n"
             "explanation, M the model card, R the results, Tab moves focus, Ctrl +/- the\n"
             "text size, F11 full screen, Esc asks before leaving.\n",
    .after = "Exit: 0 the case was played or left; 1 the case is wrong or failed in play;\n"
             "2 usage; 3 the environment failed (no display, a log folder that cannot be\n"
             "written, a full disk).\n",
    .run = run,
};
