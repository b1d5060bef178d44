/* draw: widgets over SDL_Renderer and the text cache. */
#include "draw.h"

#include <stdio.h>
#include <string.h>

void ui_ctx_metrics(ui_ctx *c)
{
    c->px = ui_font_px(16, c->density, c->scale);
    c->px_small = ui_font_px(14, c->density, c->scale);
    c->px_h2 = ui_font_px(19, c->density, c->scale);
    c->px_h1 = ui_font_px(24, c->density, c->scale);
    c->line_h = text_cache_line_h(c->tc, c->px);
    c->pad = c->px * 3 / 4;
    c->gap = c->px / 2;
    c->border = c->density >= 1.5 ? 2 : 1;
}

void ui_ctx_begin(ui_ctx *c, bool drawing)
{
    c->drawing = drawing;
    c->panel_i = 0;
    c->n_targets = 0;
    c->n_texts = 0;
    c->draw_calls = 0;
    c->region = REGION_BODY;
}

static void set_colour(ui_ctx *c, ui_rgba col)
{
    SDL_SetRenderDrawColor(c->r, col.r, col.g, col.b, col.a);
}

void ui_clip(ui_ctx *c, const ui_rect *r)
{
    if (!c->drawing)
        return;
    SDL_Rect s = r ? (SDL_Rect){r->x, r->y, r->w, r->h} : (SDL_Rect){0, 0, 0, 0};
    if (c->rc)
        rencache_clip(c->rc, r ? &s : NULL);
    else
        SDL_RenderSetClipRect(c->r, r ? &s : NULL);
}

void ui_fill(ui_ctx *c, ui_rect r, ui_rgba col)
{
    if (!c->drawing || r.w <= 0 || r.h <= 0)
        return;
    SDL_Rect s = {r.x, r.y, r.w, r.h};
    c->draw_calls++;
    if (c->rc) {
        rencache_fill(c->rc, &s, 1, col);
        return;
    }
    set_colour(c, col);
    SDL_SetRenderDrawBlendMode(c->r, col.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_RenderFillRect(c->r, &s);
}

/* One call for the four sides: every draw call costs on a software GL. */
void ui_outline(ui_ctx *c, ui_rect r, ui_rgba col, int thick)
{
    if (!c->drawing || r.w <= 0 || r.h <= 0)
        return;
    SDL_Rect s[4] = {{r.x, r.y, r.w, thick},
                     {r.x, r.y + r.h - thick, r.w, thick},
                     {r.x, r.y, thick, r.h},
                     {r.x + r.w - thick, r.y, thick, r.h}};
    c->draw_calls++;
    if (c->rc) {
        rencache_fill(c->rc, s, 4, col);
        return;
    }
    set_colour(c, col);
    SDL_SetRenderDrawBlendMode(c->r, col.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_RenderFillRects(c->r, s, 4);
}

/* Skips drawing what the scrolling body hides anyway. */
static bool hidden(const ui_ctx *c, int y, int h)
{
    return c->region == REGION_BODY && (y + h < c->view.y || y > c->view.y + c->view.h);
}

static void audit_text(ui_ctx *c, ui_rect text, ui_rect box, const ui_seg *seg, const char *s,
                       int px, ui_rgba col)
{
    if (!c->audit || !c->drawing || c->n_texts >= UI_MAX_AUDIT)
        return;
    ui_text_rec *t = &c->texts[c->n_texts++];
    t->text = text;
    t->box = box;
    t->region = c->region;
    t->col = col;
    t->px = px;
    t->bold = seg->bold;
    snprintf(t->what, sizeof t->what, "%s", s);
}

/* What a paragraph texture holds, for the render cache: equal keys, equal
 * pixels (the texture itself may be made again at another address). */
static uint32_t text_key(const char *text, int px, ui_rgba col, int w)
{
    uint32_t h = 0x811c9dc5u;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 0x01000193u;
    uint32_t extra[3] = {(uint32_t)px, (uint32_t)w,
                         (uint32_t)col.r << 24 | (uint32_t)col.g << 16 | (uint32_t)col.b << 8 |
                             col.a};
    for (int i = 0; i < 3; i++)
        h = (h ^ extra[i]) * 0x01000193u;
    return h;
}

int ui_text(ui_ctx *c, int x, int y, int w, int px, ui_rgba col, const char *text)
{
    if (!text || !text[0])
        return 0;
    const ui_wrapped *wr = text_cache_wrap(c->tc, px, text, w);
    if (!wr)
        return 0;
    if (!c->drawing)
        return wr->h;
    int lh = text_cache_line_h(c->tc, px);
    ui_rect box = {x, y, w, wr->h};
    for (size_t i = 0; i < wr->n_segs; i++) {
        const ui_seg *s = &wr->segs[i];
        audit_text(c, (ui_rect){x + s->x, y + s->y, s->w, lh}, box, s, wr->buf + s->off, px, col);
    }
    if (hidden(c, y, wr->h))
        return wr->h;
    draw_log_text(c->log, text);
    int tw, th;
    SDL_Texture *tex = text_cache_paragraph(c->tc, px, col, text, w, &tw, &th);
    if (tex && c->rc) {
        rencache_copy(c->rc, tex, x, y, tw, th, text_key(text, px, col, w));
        c->draw_calls++;
    } else if (tex) {
        SDL_Rect dst = {x, y, tw, th};
        SDL_RenderCopy(c->r, tex, NULL, &dst);
        c->draw_calls++;
    }
    return wr->h;
}

int ui_text_h(ui_ctx *c, int px, const char *text, int w)
{
    if (!text || !text[0])
        return 0;
    const ui_wrapped *wr = text_cache_wrap(c->tc, px, text, w);
    return wr ? wr->h : 0;
}

int ui_text_w(ui_ctx *c, int px, bool bold, const char *text)
{
    return text_cache_measure(c->tc, px, bold, text, strlen(text));
}

void ui_target_add(ui_ctx *c, ui_rect r, ui_cmd cmd, bool focusable)
{
    if (c->n_targets < UI_MAX_TARGETS)
        c->targets[c->n_targets++] = (ui_target){r, cmd, focusable, c->region};
}

int ui_target_min(const ui_ctx *c)
{
    return (int)(UI_TARGET_MIN * (c->density > 0 ? c->density : 1.0) + 0.5);
}

bool ui_focused(const ui_ctx *c, const app *a, ui_cmd cmd)
{
    (void)c;
    return a->focus.kind != CMD_NONE && ui_cmd_eq(a->focus, cmd);
}

bool ui_hovered(const ui_ctx *c, ui_rect r)
{
    return ui_rect_hit(r, c->mouse_x, c->mouse_y);
}

/* A gap of one pixel, then the ring, so that the ring sits on what is
 * around the target whatever the target's own colour. */
ui_rect ui_focus_ring_rect(const ui_ctx *c, ui_rect r)
{
    int t = ui_focus_ring_thickness(c);
    return (ui_rect){r.x - t - 1, r.y - t - 1, r.w + 2 * t + 2, r.h + 2 * t + 2};
}

int ui_focus_ring_thickness(const ui_ctx *c)
{
    return 2 * c->border + 1;
}

void ui_focus_ring(ui_ctx *c, ui_rect r)
{
    ui_outline(c, ui_focus_ring_rect(c, r), c->th->focus, ui_focus_ring_thickness(c));
}

#define MAX_DASHES 512

/* A dashed outline, in one call: a disabled button's border. Its dashes
 * tell it from a live button without colour (in high contrast every border
 * is white). */
void ui_dashed_outline(ui_ctx *c, ui_rect r, ui_rgba col, int thick, int dash)
{
    if (!c->drawing || r.w <= 0 || r.h <= 0 || dash <= 0)
        return;
    SDL_Rect s[MAX_DASHES];
    int n = 0;
    for (int x = r.x; x < r.x + r.w && n + 2 <= MAX_DASHES; x += 2 * dash) {
        int len = x + dash > r.x + r.w ? r.x + r.w - x : dash;
        s[n++] = (SDL_Rect){x, r.y, len, thick};
        s[n++] = (SDL_Rect){x, r.y + r.h - thick, len, thick};
    }
    for (int y = r.y; y < r.y + r.h && n + 2 <= MAX_DASHES; y += 2 * dash) {
        int len = y + dash > r.y + r.h ? r.y + r.h - y : dash;
        s[n++] = (SDL_Rect){r.x, y, thick, len};
        s[n++] = (SDL_Rect){r.x + r.w - thick, y, thick, len};
    }
    c->draw_calls++;
    if (c->rc) {
        for (int i = 0; i < n; i += 4) /* a cache command holds four rectangles */
            rencache_fill(c->rc, s + i, n - i < 4 ? n - i : 4, col);
        return;
    }
    set_colour(c, col);
    SDL_SetRenderDrawBlendMode(c->r, col.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_RenderFillRects(c->r, s, n);
}

static void button(ui_ctx *c, const app *a, ui_rect r, const ui_button_spec *b)
{
    const ui_theme *th = c->th;
    bool primary = b->style == BUTTON_PRIMARY, off = b->style == BUTTON_DISABLED;
    ui_fill(c, r, primary ? th->accent : off ? th->bg : th->button);
    if (off)
        ui_dashed_outline(c, r, th->panel_border, c->border, c->px / 3 > 2 ? c->px / 3 : 2);
    else
        ui_outline(c, r, primary ? th->accent : th->button_border,
                   ui_hovered(c, r) ? 2 * c->border : c->border);
    ui_rgba col = primary ? th->accent_text : off ? th->muted : th->button_text;
    ui_text(c, r.x + c->pad, r.y + c->pad / 2, r.w - 2 * c->pad, c->px, col, b->label);
    if (!off) {
        ui_target_add(c, r, b->cmd, true);
        if (ui_focused(c, a, b->cmd))
            ui_focus_ring(c, r);
    }
}

#define MAX_BUTTONS 16

int ui_buttons(ui_ctx *c, const app *a, int x, int y, int w, const ui_button_spec *b, int n)
{
    int bw[MAX_BUTTONS] = {0}, bx[MAX_BUTTONS] = {0}, row[MAX_BUTTONS] = {0};
    int row_h[MAX_BUTTONS] = {0};
    if (n > MAX_BUTTONS)
        n = MAX_BUTTONS;
    for (int i = 0; i < n; i++) {
        bw[i] = ui_text_w(c, c->px, false, b[i].label) + 2 * c->pad;
        if (bw[i] > w)
            bw[i] = w;
    }
    int rows = ui_flow(bw, (size_t)n, w, c->gap * 2, bx, row);
    for (int i = 0; i < n; i++) {
        int h = ui_text_h(c, c->px, b[i].label, bw[i] - 2 * c->pad) + c->pad;
        if (h > row_h[row[i]])
            row_h[row[i]] = h;
    }
    int row_y[MAX_BUTTONS], total = 0;
    for (int r = 0; r < rows; r++) {
        row_y[r] = y + total;
        total += row_h[r] + (r + 1 < rows ? c->gap * 2 : 0);
    }
    for (int i = 0; i < n; i++)
        button(c, a, (ui_rect){x + bx[i], row_y[row[i]], bw[i], row_h[row[i]]}, &b[i]);
    return total;
}

int ui_panel_begin(ui_ctx *c, int x, int y, int w, ui_rgba bg, ui_rgba border)
{
    int i = c->panel_i < UI_MAX_PANELS ? c->panel_i++ : UI_MAX_PANELS - 1;
    if (c->drawing) {
        ui_rect r = {x, y, w, c->panel_h[i]};
        ui_fill(c, r, bg);
        ui_outline(c, r, border, c->border);
    }
    return i;
}

void ui_panel_end(ui_ctx *c, int i, int y, int bottom)
{
    if (!c->drawing)
        c->panel_h[i] = bottom - y;
}

void ui_bar(ui_ctx *c, ui_rect r, double fraction, ui_rgba fill)
{
    if (fraction < 0)
        fraction = 0;
    if (fraction > 1)
        fraction = 1;
    ui_fill(c, r, c->th->bar_track);
    ui_fill(c, (ui_rect){r.x, r.y, (int)(r.w * fraction + 0.5), r.h}, fill);
}

int ui_field(ui_ctx *c, const app *a, int x, int y, int w, const char *text,
             const char *placeholder, ui_cmd cmd)
{
    int inner = w - 2 * c->pad;
    bool empty = !text[0];
    const char *shown = empty ? placeholder : text;
    int th = ui_text_h(c, c->px, shown, inner);
    int h = (th > c->line_h ? th : c->line_h) + c->pad;
    ui_rect r = {x, y, w, h};
    bool focused = ui_focused(c, a, cmd);
    ui_fill(c, r, c->th->panel);
    ui_outline(c, r, focused ? c->th->accent : c->th->button_border, 2 * c->border);
    ui_text(c, x + c->pad, y + c->pad / 2, inner, c->px, empty ? c->th->muted : c->th->text, shown);
    if (focused && c->drawing) {
        /* The caret sits after the last character typed. */
        const ui_wrapped *wr = empty ? NULL : text_cache_wrap(c->tc, c->px, text, inner);
        const ui_seg *last = wr && wr->n_segs ? &wr->segs[wr->n_segs - 1] : NULL;
        int cx = last ? last->x + last->w : 0, cy = last ? last->y : 0;
        if (cx > inner - 2 * c->border)
            cx = inner - 2 * c->border;
        ui_fill(c, (ui_rect){x + c->pad + cx, y + c->pad / 2 + cy, 2 * c->border, c->line_h},
                c->th->text);
        ui_focus_ring(c, r);
    }
    ui_target_add(c, r, cmd, true);
    return h;
}

/* While a modal (the leave dialog) is up, only its own targets count. */
static bool modal_up(const ui_ctx *c)
{
    for (int i = 0; i < c->n_targets; i++)
        if (c->targets[i].region == REGION_MODAL)
            return true;
    return false;
}

/* The focusable targets in focus order, into order[UI_MAX_TARGETS]; their
 * number. */
static int focus_order(const ui_ctx *c, const ui_target **order)
{
    bool modal = modal_up(c);
    int n = 0;
    for (int i = 0; i < c->n_targets; i++)
        if (c->targets[i].focusable && (!modal || c->targets[i].region == REGION_MODAL))
            order[n++] = &c->targets[i];
    return n;
}

int ui_focus_index(const ui_ctx *c, ui_cmd cmd, int *n_focusable)
{
    const ui_target *order[UI_MAX_TARGETS];
    int n = focus_order(c, order), found = -1;
    for (int k = 0; k < n; k++)
        if (ui_cmd_eq(order[k]->cmd, cmd))
            found = k;
    if (n_focusable)
        *n_focusable = n;
    return found;
}

ui_cmd ui_focus_at(const ui_ctx *c, int k)
{
    const ui_target *order[UI_MAX_TARGETS];
    int n = focus_order(c, order);
    return k >= 0 && k < n ? order[k]->cmd : (ui_cmd){CMD_NONE, 0};
}

const ui_target *ui_target_at(const ui_ctx *c, int x, int y)
{
    bool modal = modal_up(c);
    for (int i = c->n_targets - 1; i >= 0; i--) {
        const ui_target *t = &c->targets[i];
        if (modal && t->region != REGION_MODAL)
            continue;
        if (t->region == REGION_BODY && !ui_rect_hit(c->view, x, y))
            continue;
        if (ui_rect_hit(t->r, x, y))
            return t;
    }
    return NULL;
}

int ui_audit_problems(const ui_ctx *c, char *what, size_t size)
{
    int n = 0;
    what[0] = '\0';
    for (int i = 0; i < c->n_texts; i++) {
        const ui_text_rec *t = &c->texts[i];
        const char *why = NULL;
        if (!ui_rect_contains(t->box, t->text))
            why = "leaves its box";
        else if (t->text.x < 0 || t->text.x + t->text.w > c->w)
            why = "leaves the window";
        else if (t->region != REGION_BODY && (t->text.y < 0 || t->text.y + t->text.h > c->h))
            why = "leaves the window";
        for (int k = i + 1; !why && k < c->n_texts; k++)
            if (c->texts[k].region == t->region && ui_rect_overlaps(t->text, c->texts[k].text)) {
                why = "overlaps another text";
                if (!n)
                    snprintf(what, size, "'%s' overlaps '%s' at %d,%d", t->what, c->texts[k].what,
                             t->text.x, t->text.y);
            }
        if (why && !n++ && !what[0])
            snprintf(what, size, "'%s' %s: text %d,%d %dx%d, box %d,%d %dx%d", t->what, why,
                     t->text.x, t->text.y, t->text.w, t->text.h, t->box.x, t->box.y, t->box.w,
                     t->box.h);
    }
    return n;
}
