/* cli_window: the window's commands open it here (cli_window.h). */
#include "cli_window.h"

#include "text_main.h"

const char *const cli_themes[] = {"default", "high-contrast", NULL};

int cli_window_run(const cli_command *cmd, void *args)
{
    return cli_window_start(cmd, cmd == &cli_library ? CLI_OPEN_LIBRARY : CLI_OPEN_PLAY, args);
}

/* --text: the same session in the terminal (engine/text/), in every build. */
static int text_start_from(cli_open_kind kind, const ui_start *s)
{
    text_start t = {.path = s->path,
                    .library = s->library,
                    .trainee = s->trainee,
                    .have_seed = s->have_seed,
                    .seed = s->seed,
                    .variant = s->variant,
                    .log_dir = s->log_dir,
                    .time_limits = s->time_limits,
                    .from = {s->from, s->sets, s->n_sets}};
    return kind == CLI_OPEN_PLAY ? text_play(&t) : text_library(&t);
}

int cli_window_start(const cli_command *cmd, cli_open_kind kind, const ui_start *s)
{
    /* The live preview reloads a window; the terminal's lines cannot be
     * drawn again in place. */
    if (s->text && s->watch)
        return cli_usage_error(cmd->name, "--watch needs the window: it cannot be used with "
                                          "--text (save the case, then play it again with "
                                          "--text)");
    if (s->text && kind != CLI_OPEN_REPLAY)
        return text_start_from(kind, s);
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
