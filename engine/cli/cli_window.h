/* cli_window: what the window's commands (play, replay, and `appraise`
 * alone) share: the entries of their option tables, whose values go into a
 * ui_start (ui/ui_main.h), and how they open the window (cli_window.c). */
#ifndef CLI_WINDOW_H
#define CLI_WINDOW_H

#include <limits.h>

#include "cli.h"
#include "ui/ui_main.h"

/* The window's themes (ui/theme.c has the same names; test_cli_opts checks). */
extern const char *const cli_themes[];

typedef enum cli_open_kind { CLI_OPEN_LIBRARY, CLI_OPEN_PLAY, CLI_OPEN_REPLAY } cli_open_kind;

/* Opens the window on the library, the case or the log of s; in a build
 * without the window, says that it has none. Returns the exit code. */
int cli_window_start(const cli_command *cmd, cli_open_kind kind, const ui_start *s);

/* Parses a window command (its options go into a ui_start, its operand is
 * the path), then cli_window_start. */
int cli_window_open(const cli_command *cmd, int argc, char **argv, cli_open_kind kind);

/* clang-format off */
#define CLI_OPT_TRAINEE                                                        \
    {.name = "--trainee", .kind = CLI_STRING, .meta = "ID",                    \
     .at = CLI_AT(ui_start, trainee),                                          \
     .help = "the trainee id logged (default: the window asks)"}

#define CLI_OPT_SEED                                                           \
    {.name = "--seed", .kind = CLI_NUMBER, .meta = "N",                        \
     .at = CLI_AT(ui_start, seed), .seen_at = CLI_SEEN(ui_start, have_seed),   \
     .lo = 0, .hi = ULLONG_MAX,                                                \
     .what = "must be a whole number from 0 to 18446744073709551615",          \
     .help = "the session seed, 0 to 18446744073709551615 (default: a random " \
             "seed, logged)"}

#define CLI_OPT_VARIANT                                                        \
    {.name = "--variant", .kind = CLI_STRING, .meta = "NAME",                  \
     .at = CLI_AT(ui_start, variant),                                          \
     .help = "the case variant (default: derived from trainee and case)"}

/* seen: CLI_SEEN of a bool set when the option is given, or 0. */
#define CLI_OPT_LOG_DIR(help_text, seen)                                       \
    {.name = "--log-dir", .kind = CLI_STRING, .meta = "DIR",                   \
     .at = CLI_AT(ui_start, log_dir), .seen_at = (seen), .help = (help_text)}

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
