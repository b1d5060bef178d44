/* screens: what each screen of the window shows, drawn with draw.h from the
 * app state and the session's view. Holds no case logic: every choice it
 * offers becomes a ui_cmd that app.c turns into a session action. */
#ifndef SCREENS_H
#define SCREENS_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "draw.h"

/* One pass over the current screen (see draw.h). */
void screens_pass(ui_ctx *c, app *a, int64_t now);

/* Both passes: measure, keep the focused item in view, then draw. */
void screens_frame(ui_ctx *c, app *a, int64_t now);

/* The key hints of the screen shown now, for the footer: a fixed text, or
 * one written into buf (of size bytes; SCREENS_HINTS_MAX holds any). */
#define SCREENS_HINTS_MAX 512
const char *screens_hints(const app *a, char *buf, size_t size);

#endif
