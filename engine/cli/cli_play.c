/* appraise play CASE.lua: one case in the window (ui/ui_main.h). */
#include "cli_window.h"

static const cli_opt opts[] = {
    CLI_WINDOW_SESSION_OPTS,
    CLI_WINDOW_ACCESS_OPTS,
    CLI_OPT_LOG_DIR(ui_start, 0, CLI_LOG_DIR_HELP),
    CLI_OPT_LOOK(0),
    CLI_FLAG_OPT("--watch", ui_start, watch,
                 "for authors: reload the case whenever it (or a file it includes) is saved, "
                 "and replay to the same step; logged as a preview, in a folder of its own"),
    CLI_OPT_FROM(ui_start),
    CLI_OPT_SET(ui_start),
    CLI_REFUSED_OPT("--library", "--library is for 'appraise' alone (the case library)"),
    {0},
};

const cli_command cli_play = {
    .name = "play",
    .summary = "play one case in the window",
    .operands = CLI_CASE_OPERAND(ui_start, path),
    .opts = opts,
    .args = CLI_ARGS_INIT(ui_start, CLI_WINDOW_DEFAULTS),
    .about = "Opens the case in the window; the session log is written as the trainee plays.\n"
             "Keyboard: 1-9 pick, Enter confirms or continues, A asks the AI, E the\n"
             "explanation, M the model card, R the results, I an image full size, Tab\n"
             "moves focus, Ctrl +/- the text size, F11 full screen, Esc asks before leaving\n"
             "(or closes the image). V turns self-voicing on and off (Ctrl+Shift+V in a text\n"
             "field), Ctrl+R repeats what it said, Ctrl+Shift+C copies the screen's text.\n",
    .after = "Exit: 0 the case was played or left; 1 the case is wrong or failed in play;\n"
             "2 usage; 3 the environment failed (no display, a log folder that cannot be\n"
             "written, a full disk).\n",
    .run = cli_window_run,
};
