/* cli_window: what the window's commands (play, replay, and `appraise`
 * alone) share: the entries of their option tables, whose values go into a
 * ui_start (ui/ui_main.h), and how they open the window (cli_window.c). */
#ifndef CLI_WINDOW_H
#define CLI_WINDOW_H

#include "cli.h"
#include "ui/ui_main.h"

/* The window's themes (ui/theme.c has the same names; test_cli_opts checks). */
extern const char *const cli_themes[];

/* A ui_start before the options are parsed. */
/* clang-format off */
#define CLI_WINDOW_DEFAULTS {.scale = 100}
/* clang-format on */

typedef enum cli_open_kind { CLI_OPEN_LIBRARY, CLI_OPEN_PLAY, CLI_OPEN_REPLAY } cli_open_kind;

/* Opens the window on the library, the case or the log of s; in a build
 * without the window, says that it has none. Returns the exit code. */
int cli_window_start(const cli_command *cmd, cli_open_kind kind, const ui_start *s);

/* The run of play and of the library (cmd): opens the window on the case
 * or the library of args, a ui_start. */
int cli_window_run(const cli_command *cmd, void *args);

/* clang-format off */
/* The trainee, seed, variant and time limits of a session in the window:
 * four entries. */
#define CLI_WINDOW_SESSION_OPTS                                                \
    CLI_OPT_TRAINEE(ui_start, "the window asks"),                              \
    CLI_OPT_SEED(ui_start, CLI_SEEN(ui_start, have_seed),                      \
                 "a random seed, logged"),                                     \
    CLI_OPT_VARIANT(ui_start, variant, CLI_VARIANT_HELP),                      \
    CLI_OPT_TIME_LIMITS(ui_start, "as last chosen in the window, else normal")

/* Self-voicing and the text mode, for play and the library: two entries. */
#define CLI_WINDOW_ACCESS_OPTS                                                 \
    CLI_FLAG_OPT("--speak", ui_start, speak,                                   \
                 "speak each screen, the focus and the advice through "        \
                 "speech-dispatcher (V in the window)"),                       \
    CLI_FLAG_OPT("--text", ui_start, text,                                     \
                 "play in this terminal, line by line, with no window: for "   \
                 "screen readers and SSH")

/* The look of the window: three entries; seen as for CLI_OPT_LOG_DIR. */
#define CLI_OPT_LOOK(seen)                                                     \
    {.name = "--theme", .kind = CLI_CHOICE,                                    \
     .at = CLI_AT(ui_start, theme), .seen_at = (seen),                         \
     .choices = cli_themes, .what = "theme",                                   \
     .help = "the colours: default, or high-contrast"},                        \
    {.name = "--scale", .kind = CLI_NUMBER, .meta = "75-200",                  \
     .flags = CLI_PERCENT, .at = CLI_AT(ui_start, scale), .seen_at = (seen),   \
     .lo = 75, .hi = 200,                                                      \
     .what = "takes a text size in percent from 75 to 200",                    \
     .help = "the text size in percent (default: 100; Ctrl +/- in the "        \
             "window)"},                                                       \
    {.name = "--fullscreen", .kind = CLI_FLAG,                                 \
     .at = CLI_AT(ui_start, fullscreen), .seen_at = (seen),                    \
     .help = "open full screen (F11 in the window)"}
/* clang-format on */

#endif
