/* text_main: the text mode's commands, once engine/cli/ has parsed them:
 * `appraise play CASE.lua --text` and `appraise --text` (the case library),
 * in the terminal, line by line, with no window (text_play.h). As in the
 * window, everything that can fail before play fails before a log exists.
 * Each returns the exit code of cli.md. */
#ifndef TEXT_MAIN_H
#define TEXT_MAIN_H

#include <stdbool.h>

#include "session.h"

typedef struct text_start {
    const char *path;    /* play: CASE.lua */
    const char *library; /* the library's folder; NULL: the bundled cases */
    const char *trainee; /* NULL: asked for */
    bool have_seed;      /* else a random seed for each session, logged */
    unsigned long long seed;
    const char *variant;     /* NULL: derived from trainee and case */
    const char *log_dir;     /* NULL: the default folder */
    const char *time_limits; /* normal, double or off; NULL: normal */
    session_from from;       /* play: --from and --set (cli.md "Start anywhere") */
} text_start;

int text_play(const text_start *s);
int text_library(const text_start *s);

#endif
