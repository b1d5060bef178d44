/* draw: the widget toolkit of the window. Screens are drawn immediate-mode,
 * twice a frame: a measuring pass (nothing is drawn; panel heights and the
 * content height are recorded) and a drawing pass that uses them. Every
 * clickable or focusable thing registers a target with its command, which
 * is how clicks and Tab find it. In audit mode every text drawn is recorded
 * with the box it was given, so that tests can check nothing leaves its box
 * or overlaps other text. */
#ifndef DRAW_H
#define DRAW_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app.h"
#include "draw_log.h"
#include "layout.h"
#include "rencache.h"
#include "text_cache.h"
#include "theme.h"

#define UI_MAX_TARGETS 256
#define UI_MAX_PANELS 64
#define UI_MAX_AUDIT 1024

typedef enum ui_region { REGION_HEADER, REGION_BODY, REGION_FOOTER, REGION_MODAL } ui_region;

typedef struct ui_target {
    ui_rect r;
    ui_cmd cmd;
    bool focusable;
    ui_region region;
} ui_target;

typedef struct ui_text_rec {
    ui_rect text, box;
    ui_region region;
    char what[48];
    ui_rgba col; /* drawn in this colour, at px pixels, bold or not (the contrast tests) */
    int px;
    bool bold;
} ui_text_rec;

typedef struct ui_ctx {
    SDL_Renderer *r;
    rencache *rc; /* records the drawing pass; NULL draws straight to r */
    text_cache *tc;
    struct ui_images *images; /* the case's images (image.h); NULL: shown by their alt text */
    const ui_theme *th;
    int w, h;                       /* output pixels */
    double density;                 /* output pixels per window pixel (HiDPI) */
    int scale;                      /* text percent, 75-200 */
    int px, px_small, px_h1, px_h2; /* font sizes */
    int line_h, pad, gap, border;
    bool drawing;  /* false in the measuring pass */
    int64_t now;   /* the app's clock for this frame (monotonic ms) */
    draw_log *log; /* records each text drawn (APPRAISE_DRAW_LOG), or NULL */
    ui_region region;
    int panel_i;
    int panel_h[UI_MAX_PANELS];
    ui_target targets[UI_MAX_TARGETS];
    int n_targets;
    ui_rect view; /* the scrolling body, in output pixels */
    int scroll;
    int content_h; /* height of the body's content, from the measuring pass */
    int mouse_x, mouse_y;
    ui_cmd shown_focus; /* the focus last scrolled into view */
    int act_top;        /* content y of what the step asks for, -1 when none */
    int act_bottom;     /* and of its end */
    int act_anchor;     /* content y where the step's own part starts (below the advice card) */
    unsigned long shown_step; /* the step last scrolled to (screen, node, step) */
    bool refocus;             /* the layout changed (scale, size): find the focus again */
    int draw_calls;           /* in the last drawing pass (each costs on a software GL) */
    bool audit;
    ui_text_rec texts[UI_MAX_AUDIT];
    int n_texts;
} ui_ctx;

/* Sets the font sizes and spacing for density and scale. */
void ui_ctx_metrics(ui_ctx *c);
/* Starts a pass (drawing or measuring). */
void ui_ctx_begin(ui_ctx *c, bool drawing);

/* Cuts what is drawn next to r (NULL: the whole window). */
void ui_clip(ui_ctx *c, const ui_rect *r);
void ui_fill(ui_ctx *c, ui_rect r, ui_rgba col);
void ui_outline(ui_ctx *c, ui_rect r, ui_rgba col, int thick);
/* An outline of dashes dash pixels long with gaps as long. */
void ui_dashed_outline(ui_ctx *c, ui_rect r, ui_rgba col, int thick, int dash);

/* Wrapped text (layout.h rules: paragraphs, **bold**) in a box of width w at
 * x, y; returns its height. */
int ui_text(ui_ctx *c, int x, int y, int w, int px, ui_rgba col, const char *text);
/* Height ui_text would take. */
int ui_text_h(ui_ctx *c, int px, const char *text, int w);
/* Width of one line of text (no wrapping). */
int ui_text_w(ui_ctx *c, int px, bool bold, const char *text);

/* The least width and height of a target, in CSS pixels (WCAG 2.5.8). */
#define UI_TARGET_MIN 24

void ui_target_add(ui_ctx *c, ui_rect r, ui_cmd cmd, bool focusable);
/* UI_TARGET_MIN in output pixels at c's density. */
int ui_target_min(const ui_ctx *c);
bool ui_focused(const ui_ctx *c, const app *a, ui_cmd cmd);
bool ui_hovered(const ui_ctx *c, ui_rect r);
void ui_focus_ring(ui_ctx *c, ui_rect r);
/* Where the focus ring of a target at r is drawn, and how thick it is. */
ui_rect ui_focus_ring_rect(const ui_ctx *c, ui_rect r);
int ui_focus_ring_thickness(const ui_ctx *c);

typedef enum ui_button_style { BUTTON_NORMAL, BUTTON_PRIMARY, BUTTON_DISABLED } ui_button_style;

typedef struct ui_button_spec {
    const char *label;
    ui_cmd cmd;
    ui_button_style style;
} ui_button_spec;

/* A row of buttons flowing onto more rows when narrow; returns its height. */
int ui_buttons(ui_ctx *c, const app *a, int x, int y, int w, const ui_button_spec *b, int n);

/* A panel: begin draws its background (height from the measuring pass) and
 * returns its index; end records where its content stopped. */
int ui_panel_begin(ui_ctx *c, int x, int y, int w, ui_rgba bg, ui_rgba border);
void ui_panel_end(ui_ctx *c, int i, int y, int bottom);

/* A horizontal bar: track, and fraction of it filled from the left. */
void ui_bar(ui_ctx *c, ui_rect r, double fraction, ui_rgba fill);

/* A text field showing text with a caret when focused; returns its height. */
int ui_field(ui_ctx *c, const app *a, int x, int y, int w, const char *text,
             const char *placeholder, ui_cmd cmd);

/* The focusable targets' index of cmd, -1 when absent. */
int ui_focus_index(const ui_ctx *c, ui_cmd cmd, int *n_focusable);
/* The n-th focusable target's command. */
ui_cmd ui_focus_at(const ui_ctx *c, int n);
/* The target under the point (a dialog's first when one is up). */
const ui_target *ui_target_at(const ui_ctx *c, int x, int y);

/* Audit: texts outside their box or the window, or overlapping another
 * text of the same region. Returns the count; the first is described in
 * what. */
int ui_audit_problems(const ui_ctx *c, char *what, size_t size);

#endif
