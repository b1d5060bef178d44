/* appraise replay LOG: a recorded session stepped through in the window
 * (ui/ui_main.h); with --verify, replayed with no window against its case
 * and compared record by record (tools/replay_verify.c). */
#include <stddef.h>

#include "cli_window.h"
#include "replay_verify.h"

typedef struct replay_args {
    ui_start s; /* first: the window's entries (cli_window.h) are offsets into a ui_start */
    bool verify;
    const char *case_path;
    bool window_given; /* an option of the window was given */
} replay_args;

_Static_assert(offsetof(replay_args, s) == 0, "the window's options address a ui_start");

#define WINDOW_GIVEN CLI_SEEN(replay_args, window_given)

static const char taken_from_log[] =
    "replay takes the trainee, seed and variant from the log (and replay --verify takes only "
    "--case FILE)";

static const cli_opt opts[] = {
    CLI_FLAG_OPT("--verify", replay_args, verify,
                 "no window: replay the recorded actions against the case, each at the time the "
                 "log gives it, and compare the replay's records with the log's, field by field "
                 "(all but at, session, and session_start's mode, engine, host_os and case_file). "
                 "Prints 'identical' and exits 0, or names the first record that differs (seq, "
                 "type, field, logged and replayed value) and exits 1"),
    CLI_STRING_OPT("--case", "FILE", replay_args, case_path,
                   "with --verify: replay against FILE, not the case_file the log names (which "
                   "is relative to where the session was played)"),
    CLI_OPT_LOG_DIR(ui_start, WINDOW_GIVEN,
                    "folder for the replay's own log in the window (default: a fresh folder "
                    "under $TMPDIR)"),
    CLI_OPT_LOOK(WINDOW_GIVEN),
    CLI_REFUSED_OPT("--trainee", taken_from_log),
    CLI_REFUSED_OPT("--seed", taken_from_log),
    CLI_REFUSED_OPT("--variant", taken_from_log),
    {0},
};

static int run(const cli_command *cmd, void *args)
{
    const replay_args *a = args;
    if (a->verify && a->window_given)
        return cli_usage_error(cmd->name, "replay --verify takes only --case FILE; --log-dir, "
                                          "--theme, --scale and --fullscreen are for the window");
    if (!a->verify && a->case_path)
        return cli_usage_error(cmd->name, "--case FILE is for replay --verify");
    if (a->verify)
        return replay_verify(a->s.path, a->case_path);
    return cli_window_start(cmd, CLI_OPEN_REPLAY, &a->s);
}

const cli_command cli_replay = {
    .name = "replay",
    .summary = "step through a recorded session in the window, or --verify it",
    .operands = CLI_OPERAND("LOG", "a session log (LOG)", replay_args, s.path),
    .opts = opts,
    .args = CLI_ARGS_INIT(replay_args, {.s = CLI_WINDOW_DEFAULTS}),
    .about = "Without --verify, opens the window and steps through the recorded session with\n"
             "Enter, as the trainee saw it; the case is loaded from the file the log names\n"
             "(a warning says when it has changed since), and the replay's own log goes to a\n"
             "new temporary folder unless --log-dir says where.\n",
    .after = "Exit: 0 the replay ended, or --verify found the log identical; 1 the log or its\n"
             "case is wrong, or --verify found a difference; 2 usage; 3 the environment\n"
             "failed (no display; a temporary log that cannot be written).\n",
    .run = run,
};
