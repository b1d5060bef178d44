/* screens: the frame every screen is drawn in (header, body, footer, the
 * leave dialog over it), the key hints, and the helpers the screens share
 * (screen_parts.h). Each screen is its own file, screen_*.c. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

#include "app_image.h"
#include "countdown.h"
#include "format.h"
#include "screen_parts.h"
#include "strbuf.h"

/* ---- small helpers --------------------------------------------------------- */

int screen_bold(ui_ctx *c, int x, int y, int w, int px, ui_rgba col, const char *text)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "**%s**", text);
    return ui_text(c, x, y, w, px, col, buf);
}

/* The tool behind the current advice, else the case's first. */
const case_tool *screen_tool(const app *a, const session_view *v)
{
    const case_advice *adv = v ? screen_advice(v) : NULL;
    if (!a->c || a->c->n_tools == 0)
        return NULL;
    if (adv && adv->tool_index >= 0 && (size_t)adv->tool_index < a->c->n_tools)
        return &a->c->tools[adv->tool_index];
    return &a->c->tools[0];
}

bool screen_playing(const app *a)
{
    return a->screen == SCR_CASE && a->s && session_view_now(a->s).status == SESSION_PLAYING;
}

/* ---- header and footer ---------------------------------------------------------- */

/* The header's first line: the patient, or "case library" before a case. */
static void patient_line(const app *a, strbuf *b)
{
    const case_patient *p = a->c ? &a->c->patient : NULL;
    if (!p) {
        strbuf_adds(b, "**Appraise** " DOT " case library");
        return;
    }
    if (p->name)
        strbuf_addf(b, "**%s**", p->name);
    if (p->has_age)
        strbuf_addf(b, "%s%.0f%s%s", b->len ? ", " : "", p->age, p->sex ? " " : "",
                    p->sex ? p->sex : "");
    if (p->setting)
        strbuf_addf(b, "%s%s", b->len ? "  " DOT "  " : "", p->setting);
}

static void clock_lines(const app *a, int64_t now, char *l1, char *l2, size_t size)
{
    char t[32];
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
        ui_format_case_clock(a->c && a->c->has_start_time, a->c ? a->c->start_time : 0,
                             v.live->clock, l1, size);
    int64_t left = app_time_left(a, now);
    /* The last half minute is marked by a sign, not by colour alone, as
     * the countdown beside the options is (countdown.h). */
    ui_countdown_level level = ui_countdown_level_of(left);
    if (left >= 0)
        snprintf(l2, size, "**%sTime left %s**",
                 level == COUNTDOWN_URGENT ? UP " "
                 : level == COUNTDOWN_WARN ? WARN_SIGN " "
                                           : "",
                 ui_format_countdown(left, t, sizeof t));
}

static int header(ui_ctx *c, app *a, int64_t now)
{
    char l1[256], l2[256];
    int m = c->pad * 2, inner = c->w - 2 * m;
    strbuf b = STRBUF_INIT;
    patient_line(a, &b);
    clock_lines(a, now, l1, l2, sizeof l1);
    int rw = ui_text_w(c, c->px, true, l1);
    int rw2 = ui_text_w(c, c->px, true, l2);
    rw = (rw2 > rw ? rw2 : rw) + c->pad;
    bool stack = inner - rw < 16 * c->px;
    int lw = stack ? inner : inner - rw;
    int y = c->pad;
    /* No patient given: the title alone, in bold, instead of both lines. */
    bool sub = a->c && b.len;
    if (!b.len && a->c)
        strbuf_addf(&b, "**%s**", a->c->title);
    const char *line = strbuf_str(&b);
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
    strbuf_free(&b);
    return total + 2 * c->pad;
}

/* play --watch: why the last save did not load, or where its replay
 * stopped (app_preview.h), under the header until the next good save. */
static int preview_bar(ui_ctx *c, const app *a, int y)
{
    if (!a->preview_bar[0])
        return 0;
    int m = c->pad * 2, inner = c->w - 2 * m;
    int h = ui_text_h(c, c->px, a->preview_bar, inner - c->px * 2) + 2 * c->gap;
    ui_fill(c, (ui_rect){0, y, c->w, h}, c->th->preview_bg);
    ui_fill(c, (ui_rect){0, y + h - c->border, c->w, c->border}, c->th->panel_border);
    ui_text(c, m, y + c->gap, c->px * 2, c->px, c->th->preview_text, "**" WARN_SIGN "**");
    ui_text(c, m + c->px * 2, y + c->gap, inner - c->px * 2, c->px, c->th->preview_text,
            a->preview_bar);
    return h;
}

static const char *base_hints(const app *a)
{
    if (a->confirm_leave)
        return "Enter or Esc stay " DOT " L leave " DOT " Tab move";
    switch (a->screen) {
    case SCR_LIBRARY:
        return "Type your id " DOT " Tab / \xe2\x86\x91\xe2\x86\x93 move " DOT
               " Enter open the case " DOT " T time limits " DOT " V speech " DOT
               " Esc or Ctrl+Q leave " DOT " Ctrl +/\xe2\x88\x92 text size " DOT " F11 full screen";
    case SCR_TRAINEE:
        return "Type your id, then Enter " DOT " Ctrl +/\xe2\x88\x92 text size " DOT " Esc close";
    case SCR_START:
        return "Enter start " DOT " V speech " DOT " Esc back " DOT
               " Ctrl +/\xe2\x88\x92 text size " DOT " F11 full screen";
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
               "9 pick " DOT " Enter confirm " DOT " A ask for advice " DOT " E why " DOT
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

const char *screens_hints(const app *a, char *buf, size_t size)
{
    const case_image *list[APP_IMAGES_MAX];
    if (a->image_view && !a->confirm_leave)
        return "Esc close the image " DOT " \xe2\x86\x90/\xe2\x86\x92 other images " DOT
               " Ctrl +/\xe2\x88\x92 text size";
    const char *base = base_hints(a);
    if (a->confirm_leave || !app_images(a, list, APP_IMAGES_MAX))
        return base;
    snprintf(buf, size, "I image full size " DOT " %s", base);
    return buf;
}

static int footer_h(ui_ctx *c, const app *a)
{
    int inner = c->w - 4 * c->pad;
    char hints[SCREENS_HINTS_MAX];
    int h = ui_text_h(c, c->px_small, screens_hints(a, hints, sizeof hints), inner);
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
    char hints[SCREENS_HINTS_MAX];
    ui_text(c, m, y, inner, c->px_small, c->th->muted, screens_hints(a, hints, sizeof hints));
}

/* ---- frames ------------------------------------------------------------------------- */

/* Each screen's body, by a->screen. */
typedef int (*screen_body)(ui_ctx *c, app *a, int x, int y, int w);

/* clang-format off */
static const screen_body BODIES[] = {
    [SCR_LIBRARY] = screen_library,
    [SCR_TRAINEE] = screen_trainee,
    [SCR_START]   = screen_start,
    [SCR_CASE]    = screen_case,
    [SCR_ENDING]  = screen_ending,
    [SCR_DEBRIEF] = screen_debrief,
    [SCR_ERROR]   = screen_error,
};
/* clang-format on */

static int body(ui_ctx *c, app *a, int x, int y, int w)
{
    size_t i = (size_t)a->screen;
    return i < sizeof BODIES / sizeof BODIES[0] && BODIES[i] ? BODIES[i](c, a, x, y, w) : y;
}

/* The frame starts cleared to the theme's background (window.c, tests). */
void screens_pass(ui_ctx *c, app *a, int64_t now)
{
    c->now = now;
    c->region = REGION_HEADER;
    int hh = header(c, a, now);
    hh += preview_bar(c, a, hh);
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
        screen_leave(c, a);
    else if (a->image_view)
        screen_image_view(c, a);
    c->region = REGION_BODY;
}

/* Which screen, node and step are shown: screen and node in the high bits
 * (a change means a new page), the step in the low ones. */
static unsigned long step_key(const app *a)
{
    unsigned long node = 0;
    for (const unsigned char *p = (const unsigned char *)a->seen_node; *p; p++)
        node = node * 31 + *p;
    unsigned long step = 0;
    if (a->s) { /* advice asked for moves the options down: as a new step */
        session_view v = session_view_now(a->s);
        step = (unsigned long)v.step << 1 | (v.advice_shown ? 1u : 0u);
    }
    return (((unsigned long)a->screen * 1000003ul + node) & 0xFFFFFFul) << 24 | (step + 1);
}

void screens_frame(ui_ctx *c, app *a, int64_t now)
{
    ui_ctx_begin(c, false);
    c->act_top = c->act_bottom = c->act_anchor = -1;
    int drawn_scroll = c->scroll; /* the targets below were placed with it */
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
        /* What the step asks for comes into view, all of it when it fits,
         * from the top of a new page or from where the trainee was. When it
         * does not (large text on a laptop), the step's own part (the
         * question, its countdown and the options; the verdict of the
         * feedback) comes first: the advice card above it is cut, and what
         * does not fit below is reached by scrolling (Enter confirms from
         * anywhere). */
        bool same_screen = (c->shown_step >> 24) == (step >> 24);
        int top = c->act_top - c->pad, bottom = c->act_bottom + c->pad;
        if (bottom - top > c->view.h) {
            int anchor = c->act_anchor >= 0 ? c->act_anchor - c->pad : top;
            top = bottom - c->view.h < anchor ? bottom - c->view.h : anchor;
        }
        c->scroll = c->act_top < 0 ? (same_screen ? c->scroll : 0)
                                   : ui_scroll_clamp(ui_scroll_to_show(same_screen ? c->scroll : 0,
                                                                       top, bottom, c->view.h),
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
        /* With a margin when it fits, else with its focus ring whole
         * (large text on a small screen), else from its top. */
        int ring = ui_focus_ring_thickness(c) + 1;
        int margin = t->r.h + 2 * c->pad <= c->view.h ? c->pad : ring;
        int top = t->r.y - c->view.y + drawn_scroll - margin, bottom = top + t->r.h + 2 * margin;
        c->scroll = ui_scroll_clamp(ui_scroll_to_show(c->scroll, top, bottom, c->view.h),
                                    c->content_h, c->view.h);
        break;
    }
    ui_ctx_begin(c, true);
    screens_pass(c, a, now);
}
