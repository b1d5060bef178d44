/* screen_advice: the advice card: a tool's output with its signed reasons
 * ("Why?"), or a colleague's advice with their reasons in words. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "screen_parts.h"
#include "strbuf.h"

/* A colleague gives reasons in words: the factors as a list, no weights. */
static int spoken_reasons(ui_ctx *c, const case_advice *adv, int x, int y, int w)
{
    y += screen_bold(c, x, y, w, c->px, c->th->text, "Their reasons") + c->gap;
    if (adv->n_reasons == 0)
        return y + ui_text(c, x, y, w, c->px, c->th->muted, "No reasons were given.");
    for (size_t i = 0; i < adv->n_reasons; i++) {
        strbuf b = STRBUF_INIT;
        strbuf_addf(&b, "\xe2\x80\xa2 %s", adv->reasons[i].factor);
        y += ui_text(c, x, y, w, c->px, c->th->text, strbuf_str(&b)) + c->gap / 2;
        strbuf_free(&b);
    }
    return y;
}

static int reasons(ui_ctx *c, const case_advice *adv, int x, int y, int w)
{
    if (screen_by_person(adv))
        return spoken_reasons(c, adv, x, y, w);
    double max = 0;
    for (size_t i = 0; i < adv->n_reasons; i++)
        max = fabs(adv->reasons[i].weight) > max ? fabs(adv->reasons[i].weight) : max;
    y += screen_bold(c, x, y, w, c->px, c->th->text, "Why the tool says this") + c->gap;
    if (adv->n_reasons == 0)
        return y + ui_text(c, x, y, w, c->px, c->th->muted, "The tool gives no reasons.");
    for (size_t i = 0; i < adv->n_reasons; i++) {
        const case_reason *r = &adv->reasons[i];
        char val[64];
        bool up = r->weight >= 0;
        snprintf(val, sizeof val, "%s%.2f %s", up ? "+" : "\xe2\x88\x92", fabs(r->weight),
                 up ? "raises" : "lowers");
        y += ui_text(c, x, y, w, c->px, c->th->text, r->factor);
        int vw = ui_text_w(c, c->px_small, false, val) + c->gap;
        int zone = w - vw > 4 * c->px ? w - vw : w;
        int half = zone / 2, bh = c->px * 2 / 3;
        int len = max > 0 ? (int)(half * fabs(r->weight) / max) : 0;
        int by = y + (c->line_h - bh) / 2;
        ui_fill(c, (ui_rect){x, by, zone, bh}, c->th->bar_track);
        ui_fill(c, (ui_rect){x + half - c->border, by - 2, 2 * c->border, bh + 4}, c->th->muted);
        ui_fill(c, (ui_rect){up ? x + half : x + half - len, by, len, bh},
                up ? c->th->bar_pos : c->th->bar_neg);
        if (zone == w)
            y += c->line_h;
        y += ui_text(c, zone == w ? x : x + zone + c->gap, y - (zone == w ? 0 : 0),
                     zone == w ? w : vw - c->gap, c->px_small, c->th->muted, val) +
             c->gap / 2;
    }
    return y;
}

int screen_advice_card(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_advice *adv = screen_advice(v);
    const case_tool *t = screen_tool(a, v);
    char buf[1024], pct[16];
    int p = ui_panel_begin(c, x, y, w, c->th->advice_bg, c->th->advice_border);
    if (c->drawing)
        ui_outline(c, (ui_rect){x, y, w, c->panel_h[p]}, c->th->advice_border, 3 * c->border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    bool person = screen_by_person(adv);
    if (person) {
        t = NULL; /* a colleague is no model: no card, no version */
        snprintf(buf, sizeof buf, "**%s**", adv->source);
    } else {
        snprintf(buf, sizeof buf, "**AI** %s %s%s%s%s%s%s", DOT,
                 t && t->name ? t->name
                 : adv->tool  ? adv->tool
                              : "AI tool",
                 t && t->version ? " " : "", t && t->version ? t->version : "",
                 t && t->kind ? " (" : "", t && t->kind ? t->kind : "", t && t->kind ? ")" : "");
    }
    cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    cy += ui_text(c, ix, cy, iw, c->px_h2, c->th->text, adv->message ? adv->message : "") + c->gap;
    snprintf(buf, sizeof buf, "%s: **%s** " DIAMOND, person ? "Advises" : "Recommends",
             screen_option_label(screen_decision(v), adv->recommend));
    cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    if (adv->has_confidence) {
        snprintf(buf, sizeof buf, "Confidence **%s**",
                 ui_format_percent(adv->confidence, pct, sizeof pct));
        int lw = ui_text_w(c, c->px, true, buf) + c->pad;
        bool below = iw - lw < 6 * c->px;
        int th = ui_text(c, ix, cy, below ? iw : lw, c->px, c->th->text, buf);
        int bx = below ? ix : ix + lw, bw = below ? iw : iw - lw;
        if (bw > 16 * c->px)
            bw = 16 * c->px;
        int by = below ? cy + th : cy;
        ui_bar(c, (ui_rect){bx, by + c->line_h / 4, bw, c->line_h / 2}, adv->confidence,
               c->th->accent);
        cy += below ? th + c->line_h : th;
        cy += c->gap;
    }
    if (screen_playing(a)) {
        ui_button_spec b[2] = {
            {a->explanation ? "Hide why (E)" : "Why? (E)", {CMD_EXPLANATION, 0}, BUTTON_NORMAL},
            {a->model_card ? "Hide model card (M)" : "Model card (M)",
             {CMD_MODEL_CARD, 0},
             BUTTON_NORMAL}};
        cy += ui_buttons(c, a, ix, cy, iw, b, t ? 2 : 1) + c->gap;
    }
    if (a->explanation)
        cy = reasons(c, adv, ix, cy + c->gap, iw);
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}
