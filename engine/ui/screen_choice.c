/* screen_choice: a decision's options, to pick one and confirm it (or ask
 * for the advice). */
#include <stdio.h>
#include <string.h>

#include "screen_parts.h"

static int option_row(ui_ctx *c, app *a, const session_view *v, size_t i, int x, int y, int w)
{
    const case_decision *d = screen_decision(v);
    const case_advice *adv = screen_advice(v);
    const case_option *o = &d->options[i];
    ui_cmd cmd = {CMD_PICK, (int)i};
    bool picked = a->picked == (int)i;
    char key[32], tags[256] = "";
    snprintf(key, sizeof key, "**%zu**", i + 1);
    int kw = ui_text_w(c, c->px, true, "00") + c->pad;
    int lx = x + c->pad + kw + c->gap, lw = w - (lx - x) - c->pad;
    if (v->advice_shown && adv && strcmp(adv->recommend, o->id) == 0)
        snprintf(tags, sizeof tags, DIAMOND " %s",
                 screen_by_person(adv) ? "Advised" : "AI recommends");
    if (v->initial && strcmp(v->initial, o->id) == 0 && v->step == STEP_CHOOSE_FINAL) {
        size_t n = strlen(tags);
        snprintf(tags + n, sizeof tags - n, "%sYour first choice", n ? "  " DOT "  " : "");
    }
    /* The radio mark in its own column, so that a long label hangs. */
    const char *mark = picked ? "\xe2\x97\x89" : "\xe2\x97\x8b";
    int mw = ui_text_w(c, c->px, false, mark) + c->gap;
    lx += mw;
    lw -= mw;
    const char *label = o->label;
    int h = ui_text_h(c, c->px, label, lw) + (tags[0] ? ui_text_h(c, c->px_small, tags, lw) : 0);
    ui_rect r = {x, y, w, h + c->pad};
    ui_fill(c, r, picked ? c->th->picked_bg : c->th->panel);
    ui_outline(c, r, picked ? c->th->accent : c->th->button_border, /* a control: 3:1 */
               picked || ui_hovered(c, r) ? 2 * c->border : c->border);
    ui_text(c, x + c->pad, y + c->pad / 2, kw, c->px, c->th->text, key);
    ui_text(c, lx - mw, y + c->pad / 2, mw, c->px, c->th->text, mark);
    int ty = y + c->pad / 2;
    ty += ui_text(c, lx, ty, lw, c->px, c->th->text, label);
    if (tags[0])
        screen_bold(c, lx, ty, lw, c->px_small, c->th->accent, tags);
    ui_target_add(c, r, cmd, true);
    if (ui_focused(c, a, cmd))
        ui_focus_ring(c, r);
    return y + r.h;
}

int screen_choice(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_decision *d = screen_decision(v);
    char buf[1024];
    if (d->prompt)
        y += screen_bold(c, x, y, w, c->px_h2, c->th->text, d->prompt) + c->gap;
    if (v->step == STEP_CHOOSE_INITIAL)
        y += ui_text(c, x, y, w, c->px, c->th->muted,
                     "Make your own first choice; the advice follows.") +
             c->gap;
    else if (v->initial) {
        snprintf(buf, sizeof buf, "Your first choice was **%s**. Keep it or change it.",
                 screen_option_label(d, v->initial));
        y += ui_text(c, x, y, w, c->px, c->th->muted, buf) + c->gap;
    }
    y = screen_countdown(c, a, v, x, y, w);
    for (size_t i = 0; i < d->n_options; i++)
        y = option_row(c, a, v, i, x, y, w) + c->gap;
    ui_button_spec b[2];
    int n = 0;
    b[n++] = (ui_button_spec){"Confirm choice (Enter)",
                              {CMD_COMMIT, 0},
                              a->picked >= 0 ? BUTTON_PRIMARY : BUTTON_DISABLED};
    if (v->can_ask)
        b[n++] = (ui_button_spec){screen_by_person(screen_advice(v)) ? "Ask for advice (A)"
                                                                     : "Ask the AI (A)",
                                  {CMD_ASK, 0},
                                  BUTTON_NORMAL};
    return y + c->gap + ui_buttons(c, a, x, y + c->gap, w, b, n);
}
