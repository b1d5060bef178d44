/* text_play: one session of a case in the text mode, from the trainee id to
 * the debrief, over a text_io: lines in (against a deadline), lines out,
 * and a clock. The session (session.h) decides what is allowed and logs
 * it, with mode "text"; this file turns typed lines into its actions:
 * numbers pick an option or a rating, Enter continues (or keeps the first
 * choice), a asks, e m r open the explanation, the model card and the
 * results (each logged as a view, as in the window), t says the time
 * left, s shows the step again, h lists the keys, q leaves after asking.
 * A timed choice says when 30 s and 10 s are left, and the time running
 * out, while nothing is typed. The tests drive it with a clock and lines
 * of their own. */
#ifndef TEXT_PLAY_H
#define TEXT_PLAY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "apperr.h"
#include "case_model.h"
#include "session.h"
#include "text_screen.h"
#include "time_limits.h"

typedef struct text_io {
    /* The next line (1), the deadline reached first (0, until_ms is on
     * now_ms's clock; -1 waits for ever), or the input ended (-1). */
    int (*read_line)(void *ctx, int64_t until_ms, const char **line);
    int64_t (*now_ms)(void *ctx);
    void *ctx;
    FILE *out;
    text_style style;
} text_io;

typedef struct text_play_opts {
    const char *trainee; /* NULL or "": asked for */
    const char *variant; /* NULL: derived from trainee and case */
    unsigned long long seed;
    time_limits time_limits;
    const char *log_dir; /* checked writable */
    const char *host_os;
    session_from from; /* --from/--set, checked (session_from_check); zeros: none */
} text_play_opts;

/* Asks for the trainee id until one is typed: 1 with buf filled, 0 when
 * the input ended. */
int text_ask_trainee(const text_io *io, char *buf, size_t size);

/* Shows the case, waits for Enter (q leaves before anything is logged),
 * plays the session, shows the ending and the debrief. Returns the exit
 * code of cli.md: 0 played or left (also when the input ended: the session
 * is then logged as quit); 1 the case failed in play; 3 the log could not
 * be created or written (e says why). *started tells whether a session
 * (and its log) began; log_path (size 4096) gets the log's path. */
int text_play_case(const text_io *io, const case_def *c, const text_play_opts *o, bool *started,
                   char *log_path, apperr *e);

#endif
