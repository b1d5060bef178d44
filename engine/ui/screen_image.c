/* screen_image: a case's image in the story or the results panel, scaled to
 * fit and opened full size with I (or a click, or Enter on it), and the
 * full-size view itself. An image that cannot be shown is told by its alt
 * text and the reason, in the place of the picture. */
#include <stdio.h>

#include "app_image.h"
#include "image.h"
#include "screen_parts.h"

/* Index of im among the images shown now, -1 when not among them. */
static int image_index(const app *a, const case_image *im)
{
    const case_image *list[APP_IMAGES_MAX];
    size_t n = app_images(a, list, APP_IMAGES_MAX);
    for (size_t i = 0; i < n; i++)
        if (list[i] == im)
            return (int)i;
    return -1;
}

/* The picture at r (already fitted), copied 1:1 from a texture of its size. */
static void picture(ui_ctx *c, const app *a, const case_image *im, ui_rect r)
{
    if (!c->drawing)
        return;
    if (c->region == REGION_BODY && (r.y + r.h < c->view.y || r.y > c->view.y + c->view.h))
        return;
    uint32_t key = 0;
    SDL_Texture *tex = ui_images_texture(c->images, a->c->file, im, r.w, r.h, &key);
    if (!tex)
        return;
    c->draw_calls++;
    if (c->rc) {
        rencache_copy(c->rc, tex, r.x, r.y, r.w, r.h, key);
        return;
    }
    SDL_Rect dst = {r.x, r.y, r.w, r.h};
    SDL_RenderCopy(c->r, tex, NULL, &dst);
}

/* The alt text and why the picture is missing, in the warning colour. */
static int not_shown(ui_ctx *c, const case_image *im, const char *why, int x, int y, int w)
{
    char head[1400];
    snprintf(head, sizeof head, "**" WARN_SIGN " Image not shown:** %s", im->alt ? im->alt : "");
    int h = ui_text(c, x, y, w, c->px, c->th->warn, head);
    h += ui_text(c, x, y + h, w, c->px_small, c->th->muted, why);
    return h;
}

int screen_image(ui_ctx *c, const app *a, const case_image *im, int x, int y, int w)
{
    if (!im || !im->file || !a->c)
        return 0;
    int iw, ih;
    const char *why = NULL;
    if (!ui_images_size(c->images, a->c->file, im, &iw, &ih, &why))
        return not_shown(c, im, why, x, y, w);
    /* At most two fifths of the body's height at 100% text, less as the
     * text grows, so that the text and the choice stay in view (I shows it
     * full size); never larger than the image itself on this screen. */
    int max_h = c->view.h > 0 ? c->view.h * 40 / (c->scale > 0 ? c->scale : 100) : 16 * c->line_h;
    if (max_h < 6 * c->line_h)
        max_h = 6 * c->line_h;
    int b = c->border, pw, ph;
    ui_image_fit(iw, ih, w - 2 * b, max_h, c->density, &pw, &ph);
    ui_rect frame = {x, y, pw + 2 * b, ph + 2 * b};
    ui_outline(c, frame, c->th->panel_border, b);
    picture(c, a, im, (ui_rect){x + b, y + b, pw, ph});
    /* A small picture still takes a click of the least target size. */
    int min = ui_target_min(c);
    ui_rect hit = {x, y, frame.w < min ? min : frame.w, frame.h < min ? min : frame.h};
    int k = image_index(a, im);
    if (k >= 0) {
        ui_cmd cmd = {CMD_IMAGE, k};
        ui_target_add(c, hit, cmd, true);
        if (ui_focused(c, a, cmd))
            ui_focus_ring(c, hit);
    }
    int h = hit.h + c->gap / 2;
    h += ui_text(c, x, y + h, w, c->px_small, c->th->muted, im->alt);
    return h;
}

void screen_image_view(ui_ctx *c, app *a)
{
    const case_image *list[APP_IMAGES_MAX];
    size_t n = app_images(a, list, APP_IMAGES_MAX);
    const case_image *im = app_image_open(a);
    if (!im)
        return;
    /* Over the header and the body; the key bar below stays in view. */
    int bottom = c->view.y + c->view.h;
    c->region = REGION_MODAL;
    ui_fill(c, (ui_rect){0, 0, c->w, bottom}, c->th->bg);
    int m = 2 * c->pad, iw = c->w - 2 * m, y = c->pad;
    char head[200];
    snprintf(head, sizeof head, "Image %d of %zu", a->image_view, n);
    ui_button_spec b[2] = {
        {"Close (Esc)", {CMD_ESCAPE, 0}, BUTTON_PRIMARY},
        {"Next image (\xe2\x86\x92)", {CMD_IMAGE, APP_IMAGE_NEXT}, BUTTON_NORMAL}};
    /* The heading and the buttons on one row, the picture as large as the
     * rest allows, its alt text in the small size below it. */
    int hw = ui_text_w(c, c->px_h2, true, head) + c->pad;
    int th = screen_bold(c, m, y, hw, c->px_h2, c->th->text, head);
    int bh = ui_buttons(c, a, m + hw + c->pad, y, iw - hw - c->pad, b, n > 1 ? 2 : 1);
    y += (th > bh ? th : bh) + c->gap;
    int alt_h = ui_text_h(c, c->px_small, im->alt, iw);
    int room = bottom - y - alt_h - 2 * c->pad;
    int w, h;
    const char *why = NULL;
    if (!ui_images_size(c->images, a->c->file, im, &w, &h, &why) || room < c->line_h) {
        not_shown(c, im, why ? why : "the window is too small", m, y, iw);
        return;
    }
    int pw, ph;
    ui_image_fit(w, h, iw, room, 2 * c->density, &pw, &ph);
    ui_rect r = {(c->w - pw) / 2, y, pw, ph};
    picture(c, a, im, r);
    ui_target_add(c, r, (ui_cmd){CMD_ESCAPE, 0}, false); /* a click on it closes it */
    ui_text(c, m, y + ph + c->pad, iw, c->px_small, c->th->text, im->alt);
}
