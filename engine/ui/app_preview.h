/* app_preview: `appraise play CASE --watch` (cli.md "Live preview"), with
 * no SDL. Every action the window applies to the session is recorded with
 * its time. When the case or a file it includes is saved, the case is
 * loaded again: a version that does not load leaves the last good one
 * playing and puts its FILE:LINE message in the preview bar; a version that
 * loads gets a new session (mode preview, a log of its own in the preview
 * folder) and the recorded actions are played into it at their times, as
 * far as they go. Where one no longer fits (a node renamed, an option
 * removed) the replay stops there and the bar says where and why. The bar
 * stays until the next save that loads and replays to the end. The window
 * only calls app_preview_poll each frame; the files are watched by
 * platform/watch.h. */
#ifndef APP_PREVIEW_H
#define APP_PREVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "session.h"

/* The preview of a->c (a->o.watch): recording, and the case's files
 * watched. -1 with e when out of memory. */
int app_preview_open(app *a, apperr *e);
void app_preview_close(app *a);

/* Every action and tick of the window's session goes through here: it is
 * given to the session (act NULL: session_tick, a time limit that fires)
 * at session time t, and, in a preview, kept for the replay when the
 * session took it. Without a preview, only the session call. */
session_result app_preview_act(app *a, const session_action *act, int64_t t, apperr *e);

/* A new session started: the recording starts again. */
void app_preview_restart(app *a);

/* The number of actions recorded (the replay's n). After a replay that
 * stopped early they are all kept until the author acts again (then the
 * ones the session did not take are dropped), so that a save that undoes
 * the change replays to the step the author was at. */
size_t app_preview_recorded(const app *a);

/* Reloads the case now, whatever the files say, and replays (see above);
 * true when the screen changed. */
bool app_preview_reload(app *a, int64_t now);

/* Each frame: reloads when a file of the case was saved; true when the
 * screen changed. Never blocks. */
bool app_preview_poll(app *a, int64_t now);

#endif
