/* screen_side: the case's side column: observations with NEWS2, results,
 * and the AI tool's model card. */
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "screen_parts.h"
#include "strbuf.h"

#define MAX_VITAL_ROWS 32

static int vitals_panel(ui_ctx *c, const app *a, const session_view *v, int x, int y, int w)
{
    ui_vital_row rows[MAX_VITAL_ROWS];
    size_t n = v->live ? ui_vital_rows(&v->live->vitals, rows, MAX_VITAL_ROWS) : 0;
    /* With no early-warning score, no value is flagged by NEWS2's adult
     * bands either: for a pregnant woman or a child they would mislead.
     * AVPU other than Alert stays flagged: that holds at any age. */
    if (a->c && a->c->early_warning == EARLY_WARNING_NONE)
        for (size_t i = 0; i < n; i++)
            if (rows[i].news2_part >= 0 && strcmp(rows[i].label, "AVPU") != 0) {
                rows[i].flag = FLAG_NONE;
                rows[i].news2_part = -1;
            }
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, "Observations");
    if (v->news2 >= 0) {
        char s[160];
        const char *band = news2_band_name(v->news2_band);
        /* Marked from low-medium up: a single parameter scoring 3 asks for
         * an urgent ward-based response (RCP 2017) even at a low total. */
        bool marked = v->news2_band >= NEWS2_BAND_LOW_MEDIUM;
        snprintf(s, sizeof s, "NEWS2 **%d**  %s  %s risk%s", v->news2, DOT, band ? band : "unknown",
                 marked ? "  " UP : "");
        cy += ui_text(c, ix, cy, iw, c->px, marked ? c->th->warn : c->th->text, s);
    }
    cy += c->gap;
    int lw = 0;
    for (size_t i = 0; i < n; i++) {
        int tw = ui_text_w(c, c->px, false, rows[i].label);
        lw = tw > lw ? tw : lw;
    }
    lw += c->pad;
    if (lw > iw / 2)
        lw = iw / 2;
    for (size_t i = 0; i < n; i++) {
        const ui_vital_row *r = &rows[i];
        char val[256];
        const char *mark = r->flag == FLAG_HIGH  ? "  " UP " high"
                           : r->flag == FLAG_LOW ? "  " DOWN " low"
                           : r->flag             ? "  " DIAMOND
                                                 : "";
        snprintf(val, sizeof val, r->flag ? "**%s** %s%s" : "%s %s%s", r->value, r->unit, mark);
        int h1 = ui_text(c, ix, cy, lw - c->gap, c->px, c->th->muted, r->label);
        int h2 = ui_text(c, ix + lw, cy, iw - lw, c->px, r->flag ? c->th->warn : c->th->text, val);
        cy += (h1 > h2 ? h1 : h2) + c->gap / 2;
    }
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

static int results_panel(ui_ctx *c, const app *a, const session_view *v, int x, int y, int w)
{
    size_t n = v->live ? v->live->n_results : 0;
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    char head[64];
    snprintf(head, sizeof head, "Results (%zu)", n);
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, head) + c->gap;
    if (screen_playing(a)) {
        ui_button_spec b = {
            a->results ? "Hide results (R)" : "Show results (R)", {CMD_RESULTS, 0}, BUTTON_NORMAL};
        cy += ui_buttons(c, a, ix, cy, iw, &b, 1) + c->gap;
    }
    for (size_t i = 0; (a->results || !screen_playing(a)) && i < n; i++) {
        const case_result *r = &v->live->results[i];
        char num[32], line[512];
        if (r->is_num)
            snprintf(num, sizeof num, "%g", r->num);
        const char *flag = r->flag ? r->flag : "";
        const char *arrow = strcmp(flag, "high") == 0  ? UP " "
                            : strcmp(flag, "low") == 0 ? DOWN " "
                            : flag[0]                  ? DIAMOND " "
                                                       : "";
        snprintf(line, sizeof line, flag[0] ? "%s: **%s%s%s**  %s%s" : "%s: %s%s%s%s%s", r->name,
                 r->is_num ? num
                 : r->text ? r->text
                           : "",
                 r->unit ? " " : "", r->unit ? r->unit : "", arrow, flag);
        cy += ui_text(c, ix, cy, iw, c->px, flag[0] ? c->th->warn : c->th->text, line) + c->gap / 2;
        if (r->image.file)
            cy += screen_image(c, a, &r->image, ix, cy, iw) + c->gap / 2;
    }
    cy += c->pad - c->gap / 2;
    ui_panel_end(c, p, y, cy);
    return cy;
}

static int model_card(ui_ctx *c, const case_tool *t, int x, int y, int w)
{
    char buf[1024];
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    snprintf(buf, sizeof buf, "Model card: %s%s%s", t->name ? t->name : "the AI tool",
             t->version ? " " : "", t->version ? t->version : "");
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, buf);
    if (t->kind)
        cy += ui_text(c, ix, cy, iw, c->px, c->th->muted, t->kind);
    cy += c->gap;
    if (t->intended_use) {
        snprintf(buf, sizeof buf, "**Intended use:** %s", t->intended_use);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    }
    if (t->n_performance) {
        strbuf b = STRBUF_INIT;
        strbuf_adds(&b, "**Performance:**");
        for (size_t i = 0; i < t->n_performance; i++)
            strbuf_addf(&b, "%s %s %g", i ? " " DOT : "", t->performance[i].key,
                        t->performance[i].value);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, strbuf_str(&b)) + c->gap;
        strbuf_free(&b);
    }
    if (t->trained_on) {
        snprintf(buf, sizeof buf, "**Training data:** %s", t->trained_on);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    }
    if (t->limitations.n)
        cy += screen_bold(c, ix, cy, iw, c->px, c->th->text, "Limitations:");
    for (size_t i = 0; i < t->limitations.n; i++) {
        snprintf(buf, sizeof buf, "\xe2\x80\xa2 %s", t->limitations.items[i]);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf);
    }
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

int screen_side_column(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    y = vitals_panel(c, a, v, x, y, w) + c->pad;
    y = results_panel(c, a, v, x, y, w) + c->pad;
    const case_tool *t = screen_tool(a, v);
    if (t && screen_playing(a) && !v->advice_shown) {
        ui_button_spec b = {a->model_card ? "Hide model card (M)" : "AI model card (M)",
                            {CMD_MODEL_CARD, 0},
                            BUTTON_NORMAL};
        y += ui_buttons(c, a, x, y, w, &b, 1) + c->pad;
    }
    if (t && a->model_card)
        y = model_card(c, t, x, y, w) + c->pad;
    return y;
}
