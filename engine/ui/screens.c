/* screens: library, trainee, case start, case (narrative, vitals, results,
 * advice, options, ratings, rationale, feedback), ending, debrief, error and
 * the leave dialog. Each block function takes a column (x, w) and a top y,
 * draws, and returns the y below it. */
#include "screens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "utf8.h"

#define MAX_VITAL_ROWS 32
#define UP "\xe2\x96\xb2"        /* ▲ */
#define DOWN "\xe2\x96\xbc"      /* ▼ */
#define DIAMOND "\xe2\x97\x86"   /* ◆ */
#define CHECK "\xe2\x9c\x93"     /* ✓ */
#define CROSS "\xe2\x9c\x97"     /* ✗ */
#define DOT "\xc2\xb7"           /* · */
#define WARN_SIGN "\xe2\x9a\xa0" /* ⚠ */
#define DASH "\xe2\x80\x93"      /* – */

/* ---- small helpers --------------------------------------------------------- */

static int bold(ui_ctx *c, int x, int y, int w, int px, ui_rgba col, const char *text)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "**%s**", text);
    return ui_text(c, x, y, w, px, col, buf);
}

static const case_decision *decision_of(const session_view *v)
{
    return v->node && v->node->kind == NODE_DECISION ? &v->node->decision : NULL;
}

static const case_advice *advice_of(const session_view *v)
{
    const case_decision *d = decision_of(v);
    return d && d->advice.present ? &d->advice : NULL;
}

static const char *option_label(const case_decision *d, const char *id)
{
    const case_option *o = d && id ? case_find_option(d, id) : NULL;
    return o && o->label ? o->label : id ? id : "";
}

/* The tool behind the current advice, else the case's first. */
static const case_tool *tool_of(const app *a, const session_view *v)
{
    const case_advice *adv = v ? advice_of(v) : NULL;
    if (!a->c || a->c->n_tools == 0)
        return NULL;
    if (adv && adv->tool_index >= 0 && (size_t)adv->tool_index < a->c->n_tools)
        return &a->c->tools[adv->tool_index];
    return &a->c->tools[0];
}

static bool playing(const app *a)
{
    return a->screen == SCR_CASE && a->s && session_view_now(a->s).status == SESSION_PLAYING;
}

/* ---- header and footer ---------------------------------------------------------- */

static void patient_line(const app *a, char *buf, size_t size)
{
    const case_patient *p = a->c ? &a->c->patient : NULL;
    buf[0] = '\0';
    if (!p) {
        snprintf(buf, size, "**Appraise** " DOT " case library");
        return;
    }
    size_t n = 0;
    if (p->name)
        n += (size_t)snprintf(buf + n, size - n, "**%s**", p->name);
    if (p->has_age && n < size)
        n += (size_t)snprintf(buf + n, size - n, "%s%.0f%s%s", n ? ", " : "", p->age,
                              p->sex ? " " : "", p->sex ? p->sex : "");
    if (p->setting && n < size)
        snprintf(buf + n, size - n, "%s%s", n ? "  " DOT "  " : "", p->setting);
}

static void clock_lines(const app *a, int64_t now, char *l1, char *l2, size_t size)
{
    char m[64], t[32];
    l1[0] = l2[0] = '\0';
    if (a->screen == SCR_LIBRARY || a->screen == SCR_TRAINEE) {
        if (a->trainee[0] && a->screen == SCR_LIBRARY)
            snprintf(l1, size, "Trainee: %s", a->trainee);
        return;
    }
    if (!a->s)
        return;
    session_view v = session_view_now(a->s);
    if (v.live)
        snprintf(l1, size, "Case clock: %s", ui_format_minutes(v.live->clock, m, sizeof m));
    int64_t left = app_time_left(a, now);
    /* The last half minute is marked by a sign, not by colour alone. */
    if (left >= 0)
        snprintf(l2, size, "**%sTime left %s**", left <= 30000 ? WARN_SIGN " " : "",
                 ui_format_countdown(left, t, sizeof t));
}

static int header(ui_ctx *c, app *a, int64_t now)
{
    char line[1024], l1[256], l2[256];
    int m = c->pad * 2, inner = c->w - 2 * m;
    patient_line(a, line, sizeof line);
    clock_lines(a, now, l1, l2, sizeof l1);
    int rw = ui_text_w(c, c->px, true, l1);
    int rw2 = ui_text_w(c, c->px, true, l2);
    rw = (rw2 > rw ? rw2 : rw) + c->pad;
    bool stack = inner - rw < 16 * c->px;
    int lw = stack ? inner : inner - rw;
    int y = c->pad;
    /* No patient given: the title alone, in bold, instead of both lines. */
    bool sub = a->c && line[0];
    if (!line[0] && a->c)
        snprintf(line, sizeof line, "**%s**", a->c->title);
    int h = ui_text_h(c, c->px, line, lw);
    if (sub)
        h += ui_text_h(c, c->px_small, a->c->title, lw);
    int rh = (l1[0] ? c->line_h : 0) + (l2[0] ? c->line_h : 0);
    int total = stack ? h + rh : (h > rh ? h : rh);
    ui_fill(c, (ui_rect){0, 0, c->w, total + 2 * c->pad}, c->th->header_bg);
    y += ui_text(c, m, y, lw, c->px, c->th->header_text, line);
    if (sub)
        y += ui_text(c, m, y, lw, c->px_small, c->th->header_text, a->c->title);
    int rx = stack ? m : m + inner - rw + c->pad, ry = stack ? y : c->pad;
    int rwid = stack ? inner : rw - c->pad;
    ry += ui_text(c, rx, ry, rwid, c->px, c->th->header_text, l1);
    ui_text(c, rx, ry, rwid, c->px, c->th->header_text, l2);
    if (c->th->header_bg.r == c->th->bg.r && c->th->header_bg.g == c->th->bg.g)
        ui_fill(c, (ui_rect){0, total + 2 * c->pad - c->border, c->w, c->border},
                c->th->panel_border);
    return total + 2 * c->pad;
}

const char *screens_hints(const app *a)
{
    if (a->confirm_leave)
        return "Enter leave " DOT " Esc stay";
    switch (a->screen) {
    case SCR_LIBRARY:
        return "Type your id " DOT " Tab / \xe2\x86\x91\xe2\x86\x93 move " DOT
               " Enter open the case " DOT " Ctrl +/\xe2\x88\x92 text size " DOT " F11 full screen";
    case SCR_TRAINEE:
        return "Type your id, then Enter " DOT " Ctrl +/\xe2\x88\x92 text size " DOT " Esc close";
    case SCR_START:
        return "Enter start " DOT " Esc back " DOT " Ctrl +/\xe2\x88\x92 text size " DOT
               " F11 full screen";
    case SCR_CASE:
        if (a->o.replay)
            return "Enter the next recorded action " DOT " Esc leave the replay " DOT
                   " Ctrl +/\xe2\x88\x92 text size";
        break;
    case SCR_ENDING:
        return "Enter see your debrief " DOT " Ctrl +/\xe2\x88\x92 text size";
    case SCR_DEBRIEF:
    case SCR_ERROR:
        return "Enter done " DOT " PgUp/PgDn scroll " DOT " Ctrl +/\xe2\x88\x92 text size";
    }
    if (!a->s)
        return "";
    switch (session_view_now(a->s).step) {
    case STEP_CHOOSE_INITIAL:
    case STEP_CHOOSE_FINAL:
        return "1\xe2\x80\x93"
               "9 pick " DOT " Enter confirm " DOT " A ask the AI " DOT " E why " DOT
               " M model card " DOT " R results " DOT " Tab move " DOT " Esc leave " DOT
               " Ctrl +/\xe2\x88\x92 text";
    case STEP_CONFIDENCE_INITIAL:
    case STEP_CONFIDENCE_FINAL:
    case STEP_TRUST:
        return "1\xe2\x80\x93"
               "7 rate " DOT " Enter confirm " DOT " E why " DOT " M model card " DOT
               " R results " DOT " Esc leave " DOT " Ctrl +/\xe2\x88\x92 text";
    case STEP_RATIONALE:
        return "Type your reason " DOT " Enter confirm " DOT " Esc leave";
    default:
        return "Enter continue " DOT " M model card " DOT " R results " DOT " Esc leave " DOT
               " Ctrl +/\xe2\x88\x92 text";
    }
}

static int footer_h(ui_ctx *c, const app *a)
{
    int inner = c->w - 4 * c->pad;
    int h = ui_text_h(c, c->px_small, screens_hints(a), inner);
    if (a->notice[0])
        h += ui_text_h(c, c->px, a->notice, inner - c->px * 2) + c->gap;
    return h + 2 * c->gap;
}

static void footer(ui_ctx *c, const app *a, int fh)
{
    int m = c->pad * 2, inner = c->w - 2 * m, y = c->h - fh + c->gap;
    ui_fill(c, (ui_rect){0, c->h - fh, c->w, fh}, c->th->panel);
    ui_fill(c, (ui_rect){0, c->h - fh, c->w, c->border}, c->th->panel_border);
    if (a->notice[0]) {
        ui_text(c, m, y, c->px * 2, c->px, c->th->warn, "**" WARN_SIGN "**");
        y +=
            ui_text(c, m + c->px * 2, y, inner - c->px * 2, c->px, c->th->warn, a->notice) + c->gap;
    }
    ui_text(c, m, y, inner, c->px_small, c->th->muted, screens_hints(a));
}

/* ---- the case: side column --------------------------------------------------------- */

static int vitals_panel(ui_ctx *c, const session_view *v, int x, int y, int w)
{
    ui_vital_row rows[MAX_VITAL_ROWS];
    size_t n = v->live ? ui_vital_rows(&v->live->vitals, rows, MAX_VITAL_ROWS) : 0;
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += bold(c, ix, cy, iw, c->px_h2, c->th->text, "Observations");
    if (v->news2 >= 0) {
        char s[160];
        const char *band = ui_news2_band(v->news2, rows, n);
        snprintf(s, sizeof s, "NEWS2 **%d**  %s  %s risk%s", v->news2, DOT, band,
                 v->news2 >= 5 ? "  " UP : "");
        cy += ui_text(c, ix, cy, iw, c->px, v->news2 >= 5 ? c->th->warn : c->th->text, s);
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
    cy += bold(c, ix, cy, iw, c->px_h2, c->th->text, head) + c->gap;
    if (playing(a)) {
        ui_button_spec b = {
            a->results ? "Hide results (R)" : "Show results (R)", {CMD_RESULTS, 0}, BUTTON_NORMAL};
        cy += ui_buttons(c, a, ix, cy, iw, &b, 1) + c->gap;
    }
    for (size_t i = 0; (a->results || !playing(a)) && i < n; i++) {
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
    cy += bold(c, ix, cy, iw, c->px_h2, c->th->text, buf);
    if (t->kind)
        cy += ui_text(c, ix, cy, iw, c->px, c->th->muted, t->kind);
    cy += c->gap;
    if (t->intended_use) {
        snprintf(buf, sizeof buf, "**Intended use:** %s", t->intended_use);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    }
    if (t->n_performance) {
        size_t n = (size_t)snprintf(buf, sizeof buf, "**Performance:**");
        for (size_t i = 0; i < t->n_performance && n < sizeof buf; i++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s %s %g", i ? " " DOT : "",
                                  t->performance[i].key, t->performance[i].value);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    }
    if (t->trained_on) {
        snprintf(buf, sizeof buf, "**Training data:** %s", t->trained_on);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    }
    if (t->limitations.n)
        cy += bold(c, ix, cy, iw, c->px, c->th->text, "Limitations:");
    for (size_t i = 0; i < t->limitations.n; i++) {
        snprintf(buf, sizeof buf, "\xe2\x80\xa2 %s", t->limitations.items[i]);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf);
    }
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

static int side_column(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    y = vitals_panel(c, v, x, y, w) + c->pad;
    y = results_panel(c, a, v, x, y, w) + c->pad;
    const case_tool *t = tool_of(a, v);
    if (t && playing(a) && !v->advice_shown) {
        ui_button_spec b = {a->model_card ? "Hide model card (M)" : "AI model card (M)",
                            {CMD_MODEL_CARD, 0},
                            BUTTON_NORMAL};
        y += ui_buttons(c, a, x, y, w, &b, 1) + c->pad;
    }
    if (t && a->model_card)
        y = model_card(c, t, x, y, w) + c->pad;
    return y;
}

/* ---- the case: advice ---------------------------------------------------------------- */

static int reasons(ui_ctx *c, const case_advice *adv, int x, int y, int w)
{
    double max = 0;
    for (size_t i = 0; i < adv->n_reasons; i++)
        max = fabs(adv->reasons[i].weight) > max ? fabs(adv->reasons[i].weight) : max;
    y += bold(c, x, y, w, c->px, c->th->text, "Why the AI says this") + c->gap;
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

static int advice_card(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_advice *adv = advice_of(v);
    const case_tool *t = tool_of(a, v);
    char buf[1024], pct[16];
    int p = ui_panel_begin(c, x, y, w, c->th->advice_bg, c->th->advice_border);
    if (c->drawing)
        ui_outline(c, (ui_rect){x, y, w, c->panel_h[p]}, c->th->advice_border, 3 * c->border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    snprintf(buf, sizeof buf, "**%s** %s %s%s%s%s%s%s", adv->source ? adv->source : "AI", DOT,
             t && t->name ? t->name
             : adv->tool  ? adv->tool
                          : "AI tool",
             t && t->version ? " " : "", t && t->version ? t->version : "",
             t && t->kind ? " (" : "", t && t->kind ? t->kind : "", t && t->kind ? ")" : "");
    cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap;
    cy += ui_text(c, ix, cy, iw, c->px_h2, c->th->text, adv->message ? adv->message : "") + c->gap;
    snprintf(buf, sizeof buf, "Recommends: **%s** " DIAMOND,
             option_label(decision_of(v), adv->recommend));
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
    if (playing(a)) {
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

/* ---- the case: choosing and rating ------------------------------------------------------------
 */

static int option_row(ui_ctx *c, app *a, const session_view *v, size_t i, int x, int y, int w)
{
    const case_decision *d = decision_of(v);
    const case_advice *adv = advice_of(v);
    const case_option *o = &d->options[i];
    ui_cmd cmd = {CMD_PICK, (int)i};
    bool picked = a->picked == (int)i;
    char key[32], tags[256] = "";
    snprintf(key, sizeof key, "**%zu**", i + 1);
    int kw = ui_text_w(c, c->px, true, "00") + c->pad;
    int lx = x + c->pad + kw + c->gap, lw = w - (lx - x) - c->pad;
    if (v->advice_shown && adv && strcmp(adv->recommend, o->id) == 0)
        snprintf(tags, sizeof tags, DIAMOND " AI recommends");
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
    ui_outline(c, r, picked ? c->th->accent : c->th->panel_border,
               picked || ui_hovered(c, r) ? 2 * c->border : c->border);
    ui_text(c, x + c->pad, y + c->pad / 2, kw, c->px, c->th->text, key);
    ui_text(c, lx - mw, y + c->pad / 2, mw, c->px, c->th->text, mark);
    int ty = y + c->pad / 2;
    ty += ui_text(c, lx, ty, lw, c->px, c->th->text, label);
    if (tags[0])
        bold(c, lx, ty, lw, c->px_small, c->th->accent, tags);
    ui_target_add(c, r, cmd, true);
    if (ui_focused(c, a, cmd))
        ui_focus_ring(c, r);
    return y + r.h;
}

static int choice_block(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_decision *d = decision_of(v);
    char buf[1024];
    if (d->prompt)
        y += bold(c, x, y, w, c->px_h2, c->th->text, d->prompt) + c->gap;
    if (v->step == STEP_CHOOSE_INITIAL)
        y += ui_text(c, x, y, w, c->px, c->th->muted,
                     "Make your own first choice; the AI's advice follows.") +
             c->gap;
    else if (v->initial) {
        snprintf(buf, sizeof buf, "Your first choice was **%s**. Keep it or change it.",
                 option_label(d, v->initial));
        y += ui_text(c, x, y, w, c->px, c->th->muted, buf) + c->gap;
    }
    for (size_t i = 0; i < d->n_options; i++)
        y = option_row(c, a, v, i, x, y, w) + c->gap;
    ui_button_spec b[2];
    int n = 0;
    b[n++] = (ui_button_spec){"Confirm choice (Enter)",
                              {CMD_COMMIT, 0},
                              a->picked >= 0 ? BUTTON_PRIMARY : BUTTON_DISABLED};
    if (v->can_ask)
        b[n++] = (ui_button_spec){"Ask the AI (A)", {CMD_ASK, 0}, BUTTON_NORMAL};
    return y + c->gap + ui_buttons(c, a, x, y + c->gap, w, b, n);
}

static int rating_block(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_decision *d = decision_of(v);
    bool trust = v->step == STEP_TRUST;
    const char *chosen = v->step == STEP_CONFIDENCE_INITIAL ? v->initial : v->final;
    char buf[1024];
    if (!trust && chosen) {
        snprintf(buf, sizeof buf, "You chose **%s**.", option_label(d, chosen));
        y += ui_text(c, x, y, w, c->px, c->th->muted, buf) + c->gap;
    }
    y += bold(c, x, y, w, c->px_h2, c->th->text,
              trust ? "How much do you trust the AI's advice here?"
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
        snprintf(buf, sizeof buf, "**%d**", k);
        int tw = ui_text_w(c, c->px, true, buf + 2) + 1;
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

static int rationale_block(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_advice *adv = advice_of(v);
    y += bold(c, x, y, w, c->px_h2, c->th->text, "In a sentence or two: why did you decide this?") +
         c->gap;
    if (adv && v->advice_shown && v->final && strcmp(v->final, adv->recommend) != 0)
        y += ui_text(c, x, y, w, c->px, c->th->muted,
                     "You did not follow the AI's recommendation.") +
             c->gap;
    y += ui_field(c, a, x, y, w, a->text, "Type your reason here", (ui_cmd){CMD_FIELD, 0});
    char count[80]; /* the field stops taking text at the log's limit: say so */
    snprintf(count, sizeof count, "%zu of %d characters", utf8_count(a->text, strlen(a->text)),
             SESSION_RATIONALE_MAX);
    y += c->gap / 2 + ui_text(c, x, y + c->gap / 2, w, c->px_small, c->th->muted, count);
    ui_button_spec b = {
        "Confirm (Enter)", {CMD_COMMIT, 0}, a->text[0] ? BUTTON_PRIMARY : BUTTON_DISABLED};
    return y + c->pad + ui_buttons(c, a, x, y + c->pad, w, &b, 1);
}

static int story(ui_ctx *c, const session_view *v, int x, int y, int w)
{
    const case_node *n = v->node;
    if (!n)
        return y;
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    if (n->title)
        cy += bold(c, ix, cy, iw, c->px_h1, c->th->text, n->title) + c->gap;
    cy += ui_text(c, ix, cy, iw, c->px, c->th->text, n->text);
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

static int act_block(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_decision *d = decision_of(v);
    if (v->advice_shown && advice_of(v) && v->step != STEP_FEEDBACK)
        y = advice_card(c, a, v, x, y, w) + c->pad;
    switch (v->step) {
    case STEP_CONTINUE: {
        ui_button_spec b = {"Continue (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY};
        return y + ui_buttons(c, a, x, y, w, &b, 1);
    }
    case STEP_CHOOSE_INITIAL:
    case STEP_CHOOSE_FINAL:
        return choice_block(c, a, v, x, y, w);
    case STEP_CONFIDENCE_INITIAL:
    case STEP_CONFIDENCE_FINAL:
    case STEP_TRUST:
        return rating_block(c, a, v, x, y, w);
    case STEP_RATIONALE:
        return rationale_block(c, a, v, x, y, w);
    case STEP_FEEDBACK: {
        int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->accent);
        int cy = y + c->pad;
        cy += bold(c, x + c->pad, cy, w - 2 * c->pad, c->px_h2, c->th->text, "Feedback") + c->gap;
        cy += ui_text(c, x + c->pad, cy, w - 2 * c->pad, c->px, c->th->text,
                      d && d->feedback ? d->feedback : "");
        cy += c->pad;
        ui_panel_end(c, p, y, cy);
        ui_button_spec b = {"Continue (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY};
        return cy + c->pad + ui_buttons(c, a, x, cy + c->pad, w, &b, 1);
    }
    case STEP_ENDED:
        break;
    }
    return y;
}

static int case_body(ui_ctx *c, app *a, int x, int y, int w)
{
    session_view v = session_view_now(a->s);
    if (ui_two_columns(w, c->px)) {
        int sw = ui_side_width(w, c->px), mw = w - sw - c->pad * 2;
        int ly = story(c, &v, x, y, mw) + c->pad;
        c->act_top = ly + c->scroll - c->view.y;
        ly = act_block(c, a, &v, x, ly, mw);
        int ry = side_column(c, a, &v, x + mw + c->pad * 2, y, sw);
        return ly > ry ? ly : ry;
    }
    y = story(c, &v, x, y, w) + c->pad;
    y = side_column(c, a, &v, x, y, w);
    c->act_top = y + c->scroll - c->view.y;
    return act_block(c, a, &v, x, y, w);
}

/* ---- the other screens ------------------------------------------------------------ */

static int library_body(ui_ctx *c, app *a, int x, int y, int w)
{
    y += bold(c, x, y, w, c->px_h1, c->th->text, "Case library") + c->gap;
    y += ui_text(c, x, y, w, c->px, c->th->muted,
                 "Each case is a short patient story. At some decisions a simulated AI tool "
                 "advises you; decide, say how far you trust it, and see how you did.") +
         c->pad;
    y += bold(c, x, y, w, c->px, c->th->text, "Your trainee id") + c->gap / 2;
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
        cy += bold(c, ix, cy, iw, c->px_h2, c->th->text, en->title);
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

static int trainee_body(ui_ctx *c, app *a, int x, int y, int w)
{
    y += bold(c, x, y, w, c->px_h1, c->th->text, "Who is playing?") + c->gap;
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

static int list_line(ui_ctx *c, int x, int y, int w, const char *head, const strlist *l)
{
    char buf[2048];
    if (!l->n)
        return y;
    size_t n = (size_t)snprintf(buf, sizeof buf, "**%s:** ", head);
    for (size_t i = 0; i < l->n && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "; " : "", l->items[i]);
    return y + ui_text(c, x, y, w, c->px, c->th->text, buf) + c->gap / 2;
}

static int start_body(ui_ctx *c, app *a, int x, int y, int w)
{
    const case_def *cd = a->c;
    const case_patient *p = &cd->patient;
    char buf[1024];
    y += bold(c, x, y, w, c->px_h1, c->th->text, cd->title) + c->gap;
    if (cd->summary)
        y += ui_text(c, x, y, w, c->px, c->th->text, cd->summary) + c->pad;
    int pi = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += bold(c, ix, cy, iw, c->px_h2, c->th->text, "The patient") + c->gap;
    if (p->name) {
        snprintf(buf, sizeof buf, "**%s**%s%.0f%s%s", p->name, p->has_age ? ", " : "",
                 p->has_age ? p->age : 0.0, p->sex ? " " : "", p->sex ? p->sex : "");
        if (!p->has_age)
            snprintf(buf, sizeof buf, "**%s**%s%s", p->name, p->sex ? ", " : "",
                     p->sex ? p->sex : "");
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap / 2;
    }
    if (p->setting) {
        snprintf(buf, sizeof buf, "**Setting:** %s", p->setting);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap / 2;
    }
    if (p->complaint) {
        snprintf(buf, sizeof buf, "**Presenting complaint:** %s", p->complaint);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap / 2;
    }
    cy = list_line(c, ix, cy, iw, "History", &p->history);
    cy = list_line(c, ix, cy, iw, "Medications", &p->medications);
    cy = list_line(c, ix, cy, iw, "Allergies", &p->allergies);
    cy += c->pad;
    ui_panel_end(c, pi, y, cy);
    y = cy + c->pad;
    if (cd->objectives.n)
        y += bold(c, x, y, w, c->px_h2, c->th->text, "What this case is about") + c->gap;
    for (size_t i = 0; i < cd->objectives.n; i++) {
        snprintf(buf, sizeof buf, "\xe2\x80\xa2 %s", cd->objectives.items[i]);
        y += ui_text(c, x, y, w, c->px, c->th->text, buf);
    }
    if (cd->minutes > 0) {
        char m[32];
        snprintf(buf, sizeof buf, "About %s.", ui_format_minutes(cd->minutes, m, sizeof m));
        y += c->gap + ui_text(c, x, y + c->gap, w, c->px, c->th->muted, buf);
    }
    y += c->pad;
    ui_button_spec b[2] = {{"Start the case (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY},
                           {"Back (Esc)", {CMD_ESCAPE, 0}, BUTTON_NORMAL}};
    return y + ui_buttons(c, a, x, y, w, b, a->o.library_dir ? 2 : 1);
}

static int ending_body(ui_ctx *c, app *a, int x, int y, int w)
{
    session_view v = session_view_now(a->s);
    const case_node *n = v.node;
    bool quit = v.status == SESSION_QUIT;
    if (quit) {
        y += bold(c, x, y, w, c->px_h1, c->th->text, "You left the case") + c->gap;
        y += ui_text(c, x, y, w, c->px, c->th->text,
                     "Your answers up to here are in the session log, which records that you "
                     "left.") +
             c->pad;
    } else if (n && n->kind == NODE_ENDING) {
        case_outcome o = n->ending.outcome;
        const char *head = o == OUTCOME_GOOD      ? CHECK " Outcome: good"
                           : o == OUTCOME_NEUTRAL ? DASH " Outcome: neutral"
                                                  : WARN_SIGN " Outcome: harm";
        ui_rgba col = o == OUTCOME_GOOD   ? c->th->good
                      : o == OUTCOME_HARM ? c->th->harm
                                          : c->th->text;
        y += bold(c, x, y, w, c->px_h1, col, head) + c->gap;
        if (n->title)
            y += bold(c, x, y, w, c->px_h2, c->th->text, n->title) + c->gap;
        y += ui_text(c, x, y, w, c->px, c->th->text, n->text) + c->gap;
        y += ui_text(c, x, y, w, c->px, c->th->text, n->ending.summary) + c->pad;
    }
    ui_button_spec b = {"See your debrief (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}

static const char *mark_text(recap_mark m)
{
    return m == MARK_RIGHT   ? "   " CHECK " among the best"
           : m == MARK_WRONG ? "   " CROSS " not among the best"
                             : "";
}

static int recap_row(ui_ctx *c, int x, int y, int w, const char *head, const char *what,
                     recap_mark m)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "**%s:** %s%s", head, what, mark_text(m));
    return y + ui_text(c, x, y, w, c->px, m == MARK_WRONG ? c->th->warn : c->th->text, buf) +
           c->gap / 2;
}

static int recap_item_panel(ui_ctx *c, const recap_item *it, int x, int y, int w)
{
    char buf[256];
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += bold(c, ix, cy, iw, c->px_h2, c->th->text, it->prompt) + c->gap;
    if (it->initial)
        cy = recap_row(c, ix, cy, iw, "Your first choice", it->initial, it->initial_mark);
    if (it->advice)
        cy = recap_row(c, ix, cy, iw, "The AI advised", it->advice, it->advice_mark);
    else
        cy = recap_row(c, ix, cy, iw, "The AI advised", "(not shown)", MARK_NONE);
    if (it->timed_out)
        cy = recap_row(c, ix, cy, iw, "Your final choice", "none: the time ran out", MARK_WRONG);
    else if (it->final)
        cy = recap_row(c, ix, cy, iw, "Your final choice", it->final, it->final_mark);
    cy = recap_row(c, ix, cy, iw, "Best answer", it->best, MARK_NONE);
    if (it->trust) {
        snprintf(buf, sizeof buf, "%d of 7", it->trust);
        cy = recap_row(c, ix, cy, iw, "Your trust in the advice", buf, MARK_NONE);
    }
    if (it->debrief) {
        char tp[2048];
        snprintf(tp, sizeof tp, "**Teaching point:** %s", it->debrief);
        cy += c->gap + ui_text(c, ix, cy + c->gap, iw, c->px, c->th->text, tp);
    }
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

/* One figure of the reliance metrics in words: "1 of 2 (50%)", "5.0", or
 * n/a with the reason (never 0 for an empty denominator). */
static void figure(const metric_value *v, char *buf, size_t size)
{
    if (!v->has)
        snprintf(buf, size, "n/a (no such decisions here)");
    else if (v->den > 0)
        snprintf(buf, size, "%ld of %ld (%.0f%%)", v->num, v->den, v->value * 100.0);
    else
        snprintf(buf, size, "%.1f", v->value);
}

static int metrics_panel(ui_ctx *c, const metrics *m, int x, int y, int w)
{
    static const struct {
        metric_id id;
        const char *what;
    } rows[] = {
        {METRIC_AGREEMENT, "You followed the AI"},
        {METRIC_OVER_RELIANCE, "You followed it when it was wrong (over-reliance)"},
        {METRIC_UNDER_RELIANCE, "You rejected it when it was right (under-reliance)"},
        {METRIC_SWITCH_TO_AI, "You switched to its answer after your first choice"},
        {METRIC_TRUST_AI_RIGHT, "Your trust when it was right (1-7)"},
        {METRIC_TRUST_AI_WRONG, "Your trust when it was wrong (1-7)"},
    };
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += bold(c, ix, cy, iw, c->px_h2, c->th->text, "Your reliance on the AI") + c->gap;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char val[96], line[256];
        figure(&m->m[rows[i].id], val, sizeof val);
        snprintf(line, sizeof line, "%s: **%s**", rows[i].what, val);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, line) + c->gap / 2;
    }
    cy += c->pad - c->gap / 2;
    ui_panel_end(c, p, y, cy);
    return cy;
}

static int debrief_body(ui_ctx *c, app *a, int x, int y, int w)
{
    char buf[1024];
    const recap *r = &a->rc;
    y += bold(c, x, y, w, c->px_h1, c->th->text, "Your debrief") + c->gap;
    if (r->with_advice && !r->has_metrics) {
        snprintf(buf, sizeof buf,
                 "You followed the AI at **%d of %d** decisions where you saw its advice. It was "
                 "wrong at %d of them, and you followed it there %d time%s.",
                 r->followed, r->with_advice, r->ai_wrong, r->ai_wrong_followed,
                 r->ai_wrong_followed == 1 ? "" : "s");
        y += ui_text(c, x, y, w, c->px, c->th->text, buf) + c->pad;
    }
    if (!a->have_recap || r->n == 0)
        y += ui_text(c, x, y, w, c->px, c->th->muted, "No decisions were made in this session.") +
             c->pad;
    for (size_t i = 0; a->have_recap && i < r->n; i++)
        y = recap_item_panel(c, &r->items[i], x, y, w) + c->pad;
    if (a->have_recap && r->has_metrics && r->with_advice)
        y = metrics_panel(c, &r->m, x, y, w) + c->pad;
    if (r->n_points)
        y += bold(c, x, y, w, c->px_h2, c->th->text, "Teaching points") + c->gap;
    for (size_t i = 0; i < r->n_points; i++) {
        char tp[2048];
        snprintf(tp, sizeof tp, "\xe2\x80\xa2 %s", r->points[i]);
        y += ui_text(c, x, y, w, c->px, c->th->text, tp) + c->gap / 2;
    }
    if (a->c && a->c->objectives.n) {
        y += c->gap + bold(c, x, y + c->gap, w, c->px_h2, c->th->text, "Learning objectives") +
             c->gap;
        for (size_t i = 0; i < a->c->objectives.n; i++) {
            snprintf(buf, sizeof buf, "\xe2\x80\xa2 %s", a->c->objectives.items[i]);
            y += ui_text(c, x, y, w, c->px, c->th->text, buf);
        }
    }
    if (a->log_path[0]) {
        char lp[sizeof a->log_path + 32];
        snprintf(lp, sizeof lp, "Session log: %s", a->log_path);
        y += c->pad + ui_text(c, x, y + c->pad, w, c->px_small, c->th->muted, lp);
    }
    y += c->pad;
    ui_button_spec b = {a->o.library_dir ? "Back to the library (Enter)" : "Close (Enter)",
                        {CMD_DONE, 0},
                        BUTTON_PRIMARY};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}

static int error_body(ui_ctx *c, app *a, int x, int y, int w)
{
    char buf[4096 + 256];
    y += bold(c, x, y, w, c->px_h1, c->th->warn, WARN_SIGN " The case stopped") + c->gap;
    y += bold(c, x, y, w, c->px, c->th->text, "What failed:") + c->gap / 2;
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

static void leave_dialog(ui_ctx *c, app *a)
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
    ui_button_spec b[2] = {{"Leave (Enter)", {CMD_LEAVE, 0}, BUTTON_PRIMARY},
                           {"Stay (Esc)", {CMD_STAY, 0}, BUTTON_NORMAL}};
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
    cy += bold(c, x + c->pad, cy, iw, c->px_h2, c->th->text, head) + c->gap;
    cy += ui_text(c, x + c->pad, cy, iw, c->px, c->th->text, text) + c->pad;
    ui_buttons(c, a, x + c->pad, cy, iw, b, 2);
}

/* ---- frames ------------------------------------------------------------------------- */

static int body(ui_ctx *c, app *a, int x, int y, int w)
{
    switch (a->screen) {
    case SCR_LIBRARY:
        return library_body(c, a, x, y, w);
    case SCR_TRAINEE:
        return trainee_body(c, a, x, y, w);
    case SCR_START:
        return start_body(c, a, x, y, w);
    case SCR_CASE:
        return case_body(c, a, x, y, w);
    case SCR_ENDING:
        return ending_body(c, a, x, y, w);
    case SCR_DEBRIEF:
        return debrief_body(c, a, x, y, w);
    case SCR_ERROR:
        return error_body(c, a, x, y, w);
    }
    return y;
}

/* The frame starts cleared to the theme's background (window.c, tests). */
void screens_pass(ui_ctx *c, app *a, int64_t now)
{
    c->region = REGION_HEADER;
    int hh = header(c, a, now);
    c->region = REGION_FOOTER;
    int fh = footer_h(c, a);
    c->view = (ui_rect){0, hh, c->w, c->h - hh - fh > 0 ? c->h - hh - fh : 0};
    c->region = REGION_BODY;
    int m = c->pad * 2;
    int cw = c->w - 2 * m;
    int max_w = a->screen == SCR_CASE ? 84 * c->px : 52 * c->px;
    if (cw > max_w)
        cw = max_w;
    int x = (c->w - cw) / 2, top = c->view.y + m - c->scroll;
    ui_clip(c, &c->view);
    int bottom = body(c, a, x, top, cw);
    ui_clip(c, NULL);
    c->content_h = bottom - top + 2 * m;
    c->region = REGION_FOOTER;
    footer(c, a, fh);
    if (a->confirm_leave)
        leave_dialog(c, a);
    c->region = REGION_BODY;
}

/* Which screen, node and step are shown: screen and node in the high bits
 * (a change means a new page), the step in the low ones. */
static unsigned long step_key(const app *a)
{
    unsigned long node = 0;
    for (const unsigned char *p = (const unsigned char *)a->seen_node; *p; p++)
        node = node * 31 + *p;
    unsigned long step = a->s ? (unsigned long)session_view_now(a->s).step : 0;
    return (((unsigned long)a->screen * 1000003ul + node) & 0xFFFFFFul) << 24 | (step + 1);
}

void screens_frame(ui_ctx *c, app *a, int64_t now)
{
    ui_ctx_begin(c, false);
    c->act_top = -1;
    screens_pass(c, a, now);
    c->scroll = ui_scroll_clamp(c->scroll, c->content_h, c->view.h);
    /* A new screen starts at its top; a new step brings what it asks for
     * (the advice, the options, the scale) into view. */
    unsigned long step = step_key(a);
    if (c->refocus) { /* as if the step were new, on the same screen */
        c->shown_step = (step & ~0xFFFFFFul) | 0xFFFFFFul;
        c->shown_focus = (ui_cmd){CMD_NONE, -1};
        c->refocus = false;
    }
    if (step != c->shown_step) {
        bool same_screen = (c->shown_step >> 24) == (step >> 24);
        int top = c->act_top - c->pad;
        c->scroll =
            !same_screen || c->act_top < 0
                ? 0
                : ui_scroll_clamp(ui_scroll_to_show(c->scroll, top, top + c->view.h / 2, c->view.h),
                                  c->content_h, c->view.h);
        c->shown_step = step;
    }
    /* Keep the focused item in view: keyboard users must see where they are. */
    bool moved = !ui_cmd_eq(c->shown_focus, a->focus);
    c->shown_focus = a->focus;
    for (int i = 0; moved && i < c->n_targets && a->focus.kind != CMD_NONE; i++) {
        const ui_target *t = &c->targets[i];
        if (t->region != REGION_BODY || !ui_cmd_eq(t->cmd, a->focus))
            continue;
        int top = t->r.y - c->view.y + c->scroll - c->pad, bottom = top + t->r.h + 2 * c->pad;
        c->scroll = ui_scroll_clamp(ui_scroll_to_show(c->scroll, top, bottom, c->view.h),
                                    c->content_h, c->view.h);
        break;
    }
    ui_ctx_begin(c, true);
    screens_pass(c, a, now);
}
