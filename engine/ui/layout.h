/* layout: the window's geometry as pure functions, with no SDL, so that
 * wrapping, scaling, focus and scrolling are tested without a display.
 * Everything is in output pixels (a HiDPI screen has more of them). */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

typedef struct ui_rect {
    int x, y, w, h;
} ui_rect;

bool ui_rect_contains(ui_rect outer, ui_rect inner);
bool ui_rect_overlaps(ui_rect a, ui_rect b);
bool ui_rect_hit(ui_rect r, int x, int y);
ui_rect ui_rect_inset(ui_rect r, int by);

/* Text scale in percent: 75 to 200 in steps of 25 (Ctrl +/-). */
enum { UI_SCALE_MIN = 75, UI_SCALE_MAX = 200, UI_SCALE_STEP = 25 };

/* percent moved one step up (dir > 0) or down, kept within the range. */
int ui_scale_step(int percent, int dir);
/* percent kept within the range; 100 for anything unparsable (<= 0). */
int ui_scale_clamp(int percent);
/* Pixel size of a font of base_px at 100% and 1x density, for a screen of
 * density (output pixels per window pixel) and a text scale percent. */
int ui_font_px(int base_px, double density, int percent);

/* Width in pixels of len bytes of UTF-8 text in the regular or bold face. */
typedef int (*ui_measure_fn)(void *ctx, const char *text, size_t len, bool bold);

typedef struct ui_text_metrics {
    ui_measure_fn measure;
    void *ctx;
    int line_h;   /* distance between lines */
    int para_gap; /* extra space between paragraphs */
} ui_text_metrics;

/* One run of same-style text on one line; its text is buf + off (NUL-ended). */
typedef struct ui_seg {
    size_t off;
    bool bold;
    int x, y, w;
} ui_seg;

/* A paragraph laid out to a width: lines of segments, positioned from the
 * top left of its box. w is the widest line, h the height of all lines. */
typedef struct ui_wrapped {
    char *buf; /* the segments' text */
    ui_seg *segs;
    size_t n_segs, segs_cap;
    int n_lines;
    int w, h;
} ui_wrapped;

/* Lays out text to max_w: paragraphs split at blank lines, a single newline
 * breaks the line, **bold** switches the face (a backslash before ** keeps the stars), runs of
 * spaces collapse, and a word wider than the line is broken between characters. Every line is at
 * most max_w wide (at least one character a line). 0, or -1 when out of
 * memory (out is then empty). Free with ui_wrapped_free. */
int ui_wrap(ui_wrapped *out, const char *text, int max_w, const ui_text_metrics *m);
/* Appends text to b so that ui_wrap shows it as written: each "**" becomes
 * "\\**", which ui_wrap draws as the two stars, not as a switch to bold. For
 * what a trainee typed (a rationale), never for a case's own text. */
void ui_add_literal(strbuf *b, const char *text);
void ui_wrapped_free(ui_wrapped *w);

/* The longest prefix of text (whole UTF-8 characters) that fits max_w, with
 * "…" appended when it had to be cut, written to buf. Returns its width. */
int ui_ellipsize(const char *text, int max_w, bool bold, const ui_text_metrics *m, char *buf,
                 size_t size);

/* Focus moves through n focusable items and wraps around; cur -1 (none)
 * goes to the first (dir > 0) or the last. -1 when there are none. */
int ui_focus_move(int cur, int n, int dir);

/* A scroll offset kept within 0 .. content_h - view_h. */
int ui_scroll_clamp(int scroll, int content_h, int view_h);
/* The scroll offset that shows content rows top..bottom in a view of view_h,
 * moving as little as possible from scroll. */
int ui_scroll_to_show(int scroll, int top, int bottom, int view_h);

/* Whether the body is wide enough for a side column beside the narrative,
 * for a body font of em pixels. */
bool ui_two_columns(int width, int em);
/* Width of the side column (vitals, results) for a body of width. */
int ui_side_width(int width, int em);

/* Lays items of widths w[0..n) in rows of max_w with gap between: fills
 * x[i] and row[i]; returns the number of rows. An item wider than max_w
 * sits alone on its row. */
int ui_flow(const int *w, size_t n, int max_w, int gap, int *x, int *row);

/* Length in bytes of the UTF-8 character starting at s (1 for a bad byte). */
size_t ui_utf8_len(const char *s);
/* Removes the last UTF-8 character of s in place; returns whether one was. */
bool ui_utf8_pop(char *s);

#endif
