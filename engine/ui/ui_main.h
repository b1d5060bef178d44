/* ui_main: the window's commands, once engine/cli/ has parsed them:
 * `appraise play CASE.lua`, `appraise` (the case library) and `appraise
 * replay LOG`. Everything that can fail before play fails here, before a
 * window opens or a log exists: the case loads, the variant exists, the log
 * folder can be written. Each returns the exit code of cli.md. No SDL in
 * this header. */
#ifndef UI_MAIN_H
#define UI_MAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

typedef struct ui_start {
    const char *path;    /* play: CASE.lua; replay: LOG; unused by the library */
    const char *library; /* the library's folder; NULL: the bundled cases */
    const char *trainee; /* NULL: the window asks */
    bool have_seed;      /* else play draws a random seed, logged */
    unsigned long long seed;
    const char *variant;      /* NULL: derived from trainee and case */
    const char *log_dir;      /* NULL: the default folder (replay: a fresh one) */
    const char *theme;        /* NULL: the default theme */
    unsigned long long scale; /* text size in percent, 75 to 200 */
    bool fullscreen;
    const char *time_limits;  /* --time-limits: normal, double or off; NULL: not given
                               * (the window then uses the setting it remembers) */
    bool speak;               /* --speak: the window voices itself from the start */
    bool text;                /* --text: play in the terminal (engine/text/), no window */
    bool watch;               /* --watch: reload the case on save and replay to the same step;
                               * logged with mode preview in a folder of its own */
    const char *from;         /* --from NODE: start there; NULL: the case's start */
    const char *sets[SESSION_SETS_MAX]; /* --set key=value, as given */
    size_t n_sets;
} ui_start;

int ui_play(const ui_start *s);
int ui_library(const ui_start *s);
/* Trainee, seed and variant come from the log. */
int ui_replay(const ui_start *s);

#endif
