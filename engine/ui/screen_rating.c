/* screen_rating: the ratings of confidence and trust (1 to 7), and the
 * rationale typed after a decision. */
#include <stdio.h>
#include <string.h>

#include "screen_parts.h"
#include "utf8.h"

int screen_rating(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_decision *d = screen_decision(v);
    bool trust = v->step == STEP_TRUST;
    const char *chosen = v->step == STEP_CONFIDENCE_INITIAL ? v->initial : v->final;
    char buf[1024];
    if (!trust && chosen) {
        snprintf(buf, sizeof buf, "You chose **%s**.", screen_option_label(d, chosen));
        y += ui_text(c, x, y, w, c->px, c->th->muted, buf) + c->gap;
    }
    y += screen_bold(c, x, y, w, c->px_h2, c->th->text,
                     trust ? "How much do you trust this advice?"
                           : "How confident are you in this choice?") +
         c->gap;
    int bw = (w - 6 * c->gap) / 7, bh = c->line_h + c->pad;
    for (int k = 1; k <= 7; k++) {
        ui_rect r = {x + (k - 1) * (bw + c->gap), y, bw, bh};
        ui_cmd cmd = {CMD_PICK, k};
        bool picked = a->picked == k;
        ui_fill(c, r, picked ? c->th->accent : c->th->panel);
        ui_outline(c, r, picked ? c->th->accent : c->th->button_border,
                   ui_hovered(c, r) ? 2 * c->border : c->border);
        char digit[8];
        snprintf(digit, sizeof digit, "%d", k);
        snprintf(buf, sizeof buf, "**%s**", digit);
        int tw = ui_text_w(c, c->px, true, digit) + 1; /* centred: the digit, not its stars */
        if (tw > bw)
            tw = bw;
        ui_text(c, r.x + (bw - tw) / 2, y + c->pad / 2, tw, c->px,
                picked ? c->th->accent_text : c->th->text, buf);
        ui_target_add(c, r, cmd, true);
        if (ui_focused(c, a, cmd))
            ui_focus_ring(c, r);
    }
    y += bh + c->gap;
    const char *lo = trust ? "1 = do not trust at all" : "1 = not at all confident";
    const char *hi = trust ? "7 = trust completely" : "7 = completely confident";
    int lw = ui_text_w(c, c->px_small, false, lo), hw = ui_text_w(c, c->px_small, false, hi);
    if (lw + hw + c->pad <= w) {
        ui_text(c, x, y, lw + 1, c->px_small, c->th->muted, lo);
        y += ui_text(c, x + w - hw - 1, y, hw + 1, c->px_small, c->th->muted, hi);
    } else {
        y += ui_text(c, x, y, w, c->px_small, c->th->muted, lo);
        y += ui_text(c, x, y, w, c->px_small, c->th->muted, hi);
    }
    ui_button_spec b = {
        "Confirm (Enter)", {CMD_COMMIT, 0}, a->picked >= 1 ? BUTTON_PRIMARY : BUTTON_DISABLED};
    return y + c->pad + ui_buttons(c, a, x, y + c->pad, w, &b, 1);
}

int screen_rationale(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_advice *adv = screen_advice(v);
    y += screen_bold(c, x, y, w, c->px_h2, c->th->text,
                     "In a sentence or two: why did you decide this?") +
         c->gap;
    if (adv && v->advice_shown && v->final && strcmp(v->final, adv->recommend) != 0)
        y += ui_text(c, x, y, w, c->px, c->th->muted, "You did not follow the advice.") + c->gap;
    y += ui_field(c, a, x, y, w, a->text, "Type your reason here", (ui_cmd){CMD_FIELD, 0});
    char count[80]; /* the field stops taking text at the log's limit: say so */
    snprintf(count, sizeof count, "%zu of %d characters", utf8_count(a->text, strlen(a->text)),
             SESSION_RATIONALE_MAX);
    y += c->gap / 2 + ui_text(c, x, y + c->gap / 2, w, c->px_small, c->th->muted, count);
    ui_button_spec b = {
        "Confirm (Enter)", {CMD_COMMIT, 0}, a->text[0] ? BUTTON_PRIMARY : BUTTON_DISABLED};
    return y + c->pad + ui_buttons(c, a, x, y + c->pad, w, &b, 1);
}
