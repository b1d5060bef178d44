/* cli_window: the window's commands open it here (cli_window.h). */
#include "cli_window.h"

const char *const cli_themes[] = {"default", "high-contrast", NULL};

int cli_window_run(const cli_command *cmd, void *args)
{
    return cli_window_start(cmd, cmd == &cli_library ? CLI_OPEN_LIBRARY : CLI_OPEN_PLAY, args);
}

int cli_window_start(const cli_command *cmd, cli_open_kind kind, const ui_start *s)
{
#if CLI_WINDOW
    (void)cmd;
    switch (kind) {
    case CLI_OPEN_PLAY:
        return ui_play(s);
    case CLI_OPEN_REPLAY:
        return ui_replay(s);
    default:
        return ui_library(s);
    }
#else
    (void)s;
    return cli_no_window(cmd->name,
                         kind == CLI_OPEN_REPLAY
                             ? "'appraise replay LOG --verify' replays it without one, and "
                               "says whether the case still gives the same log."
                             : "'appraise run CASE.lua --inputs FILE' (or --policy P) plays a "
                               "case without one.");
#endif
}
