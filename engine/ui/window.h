/* window: the SDL window and its event loop. It sleeps in SDL_WaitEvent (or
 * SDL_WaitEventTimeout while a countdown runs, waking when its text changes)
 * and redraws only when an event changed something, so an idle window costs
 * no CPU. Keys and clicks become ui_cmd values for app.c. */
#ifndef WINDOW_H
#define WINDOW_H

#include <stdbool.h>

#include "app.h"
#include "apperr.h"

typedef struct window_opts {
    const char *theme; /* "default" or "high-contrast" */
    int scale;         /* text percent */
    bool fullscreen;
    const char *font_dir;
    int width, height;      /* window size in window pixels; 0: the last, or a default */
    const char *prefs_path; /* the remembered geometry (prefs.h), NULL: none */
    bool trace;             /* print when the first frame is shown (bench) */
    int bench_frames;       /* redraw this many frames after the first, print times */
    bool speak;             /* self-voicing on from the start (V toggles it) */
} window_opts;

/* Opens the window and runs a until it stops. -1 with APPERR_ENV when there
 * is no display or the font cannot be read. */
int window_run(app *a, const window_opts *o, apperr *e);

#endif
