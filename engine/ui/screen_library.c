/* screen_library: the case library (a trainee id, then a case), and "Who
 * is playing?" when `play` has no --trainee. */
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "screen_parts.h"

int screen_library(ui_ctx *c, app *a, int x, int y, int w)
{
    y += screen_bold(c, x, y, w, c->px_h1, c->th->text, "Case library") + c->gap;
    y += ui_text(c, x, y, w, c->px, c->th->muted,
                 "Each case is a short patient story. At some decisions a simulated AI tool "
                 "advises you; decide, say how far you trust it, and see how you did.") +
         c->pad;
    y += screen_bold(c, x, y, w, c->px, c->th->text, "Your trainee id") + c->gap / 2;
    int fw = w < 24 * c->px ? w : 24 * c->px;
    y += ui_field(c, a, x, y, fw, a->trainee, "e.g. your initials and a number",
                  (ui_cmd){CMD_FIELD, 0}) +
         c->pad;
    if (a->lib.n == 0)
        y += ui_text(c, x, y, w, c->px, c->th->muted, "No cases in the library folder.");
    for (size_t i = 0; i < a->lib.n; i++) {
        const library_entry *en = &a->lib.items[i];
        ui_cmd cmd = {CMD_OPEN_CASE, (int)i};
        int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
        int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
        char meta[512], m[32];
        cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, en->title);
        if (en->summary[0])
            cy += ui_text(c, ix, cy, iw, c->px, c->th->text, en->summary);
        if (en->error) {
            snprintf(meta, sizeof meta, WARN_SIGN " Cannot be played: %s", en->error);
            cy += ui_text(c, ix, cy, iw, c->px_small, c->th->warn, meta);
        } else {
            meta[0] = '\0';
            if (en->path_step > 0)
                snprintf(meta, sizeof meta, "Teaching path %d of %d  " DOT "  ", en->path_step,
                         a->lib.path_len);
            snprintf(meta + strlen(meta), sizeof meta - strlen(meta), "%s%s",
                     en->minutes > 0 ? "About " : "",
                     en->minutes > 0 ? ui_format_minutes(en->minutes, m, sizeof m) : "");
            if (en->tags[0])
                snprintf(meta + strlen(meta), sizeof meta - strlen(meta), "%s%s",
                         meta[0] ? "  " DOT "  " : "", en->tags);
            cy += ui_text(c, ix, cy, iw, c->px_small, c->th->muted, meta);
        }
        cy += c->pad;
        ui_panel_end(c, p, y, cy);
        ui_rect r = {x, y, w, cy - y};
        if (ui_hovered(c, r))
            ui_outline(c, r, c->th->accent, 2 * c->border);
        ui_target_add(c, r, cmd, true);
        if (ui_focused(c, a, cmd))
            ui_focus_ring(c, r);
        y = cy + c->pad;
    }
    return y;
}

int screen_trainee(ui_ctx *c, app *a, int x, int y, int w)
{
    y += screen_bold(c, x, y, w, c->px_h1, c->th->text, "Who is playing?") + c->gap;
    y += ui_text(c, x, y, w, c->px, c->th->muted,
                 "Your trainee id goes into the session log with your answers, so that you "
                 "and your educator can debrief later.") +
         c->pad;
    int fw = w < 24 * c->px ? w : 24 * c->px;
    y += ui_field(c, a, x, y, fw, a->trainee, "Trainee id", (ui_cmd){CMD_FIELD, 0}) + c->pad;
    ui_button_spec b = {
        "Continue (Enter)", {CMD_COMMIT, 0}, a->trainee[0] ? BUTTON_PRIMARY : BUTTON_DISABLED};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}
