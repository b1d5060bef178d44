/* screen_leave: the dialog that asks before leaving a case (Esc). */
#include "screen_parts.h"

void screen_leave(ui_ctx *c, app *a)
{
    c->region = REGION_MODAL;
    ui_fill(c, (ui_rect){0, 0, c->w, c->h}, c->th->shade);
    int w = 30 * c->px < c->w - 4 * c->pad ? 30 * c->px : c->w - 4 * c->pad;
    int x = (c->w - w) / 2, iw = w - 2 * c->pad;
    bool started = a->screen == SCR_CASE;
    const char *head = started ? "Leave this case?" : "Leave without starting?";
    const char *text = started ? "Your answers so far stay in the session log, which "
                                 "records that you left."
                               : "No session log has been written yet.";
    /* Staying is the default (Enter, Esc); leaving takes its own key. */
    ui_button_spec b[2] = {{"Stay (Enter)", {CMD_STAY, 0}, BUTTON_PRIMARY},
                           {"Leave (L)", {CMD_LEAVE, 0}, BUTTON_NORMAL}};
    int h = ui_text_h(c, c->px_h2, head, iw) + c->gap + ui_text_h(c, c->px, text, iw) + c->pad;
    int bh = 0;
    {
        bool d = c->drawing;
        c->drawing = false;
        int nt = c->n_targets;
        bh = ui_buttons(c, a, 0, 0, iw, b, 2);
        c->n_targets = nt;
        c->drawing = d;
    }
    h += bh + 2 * c->pad;
    int y = (c->h - h) / 2 > 0 ? (c->h - h) / 2 : 0;
    ui_fill(c, (ui_rect){x, y, w, h}, c->th->panel);
    ui_outline(c, (ui_rect){x, y, w, h}, c->th->accent, 2 * c->border);
    int cy = y + c->pad;
    cy += screen_bold(c, x + c->pad, cy, iw, c->px_h2, c->th->text, head) + c->gap;
    cy += ui_text(c, x + c->pad, cy, iw, c->px, c->th->text, text) + c->pad;
    ui_buttons(c, a, x + c->pad, cy, iw, b, 2);
}
