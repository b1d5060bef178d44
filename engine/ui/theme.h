/* theme: the window's colours. The default palette takes its signal colours
 * from Okabe & Ito's colour-blind-safe set (blue, orange, vermillion, bluish
 * green), and nothing is told by colour alone (marks, words and bold carry it
 * too). "high-contrast" is white and yellow on black. No SDL. */
#ifndef THEME_H
#define THEME_H

#include <stdint.h>

typedef struct ui_rgba {
    uint8_t r, g, b, a;
} ui_rgba;

typedef struct ui_theme {
    const char *name;
    ui_rgba bg, header_bg, header_text;
    ui_rgba panel, panel_border;
    ui_rgba text, muted;
    ui_rgba accent;      /* primary buttons, picked marks */
    ui_rgba accent_text; /* text on accent */
    ui_rgba button, button_text, button_border;
    ui_rgba focus;     /* the focus ring */
    ui_rgba picked_bg; /* a picked option or rating */
    ui_rgba advice_bg, advice_border;
    ui_rgba warn; /* out-of-range values, countdown near its end */
    ui_rgba bar_pos, bar_neg, bar_track;
    ui_rgba good, harm;
    ui_rgba preview_bg, preview_text; /* play --watch: the bar saying why a save did not
                                       * load or replay to the end */
    ui_rgba shade; /* behind a dialog */
} ui_theme;

/* "default" or "high-contrast"; NULL for any other name. */
const ui_theme *ui_theme_find(const char *name);

/* WCAG 2 contrast ratio of two opaque colours (1 to 21). */
double ui_contrast_ratio(ui_rgba a, ui_rgba b);

#endif
