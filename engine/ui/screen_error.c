/* screen_error: the case failed in play or the log could not be written:
 * what failed, and whether the session log is safe. */
#include <stdio.h>

#include "screen_parts.h"

int screen_error(ui_ctx *c, app *a, int x, int y, int w)
{
    char buf[4096 + 256];
    y += screen_bold(c, x, y, w, c->px_h1, c->th->warn, WARN_SIGN " The case stopped") + c->gap;
    y += screen_bold(c, x, y, w, c->px, c->th->text, "What failed:") + c->gap / 2;
    y += ui_text(c, x, y, w, c->px, c->th->text, a->error) + c->pad;
    if (a->log_kept && a->log_path[0])
        snprintf(buf, sizeof buf,
                 "Your session log is safe: every answer you gave is saved in %s, and it "
                 "records this error.",
                 a->log_path);
    else if (a->log_path[0])
        snprintf(buf, sizeof buf,
                 "The session log could not be written to the end; what was saved before "
                 "stays in %s.",
                 a->log_path);
    else
        snprintf(buf, sizeof buf, "No session log was started.");
    y += ui_text(c, x, y, w, c->px, c->th->text, buf) + c->pad;
    y += ui_text(c, x, y, w, c->px, c->th->muted,
                 "Please tell the case's author what failed (the message above names the "
                 "place in the case file).") +
         c->pad;
    ui_button_spec b = {a->o.library_dir ? "Back to the library (Enter)" : "Close (Enter)",
                        {CMD_DONE, 0},
                        BUTTON_PRIMARY};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}
