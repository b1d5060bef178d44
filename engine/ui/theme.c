/* theme: two palettes. Text colours meet WCAG AA (4.5:1) on their
 * backgrounds in the default theme and AAA (7:1) in high contrast; the focus
 * ring, the edges of controls and the bars meet 3:1 against what they sit
 * on (1.4.11). test_ui_contrast checks every pair the screens draw. */
#include "theme.h"

#include <math.h>
#include <string.h>

#define C(hex)                                                                                     \
    {                                                                                              \
        (uint8_t)((hex) >> 16), (uint8_t)((hex) >> 8), (uint8_t)(hex), 255                         \
    }

/* Both palettes side by side, a colour a line: the default theme's, then
 * high contrast's. */
/* clang-format off */
#define THEME_COLOURS(X)                                                                           \
    X(bg,            0xF4F6F8, 0x000000)                                                           \
    X(header_bg,     0x1F3A4D, 0x000000)                                                           \
    X(header_text,   0xFFFFFF, 0xFFFFFF)                                                           \
    X(panel,         0xFFFFFF, 0x000000)                                                           \
    X(panel_border,  0xC9D1D9, 0xFFFFFF)                                                           \
    X(text,          0x1B1F24, 0xFFFFFF)                                                           \
    X(muted,         0x4A5561, 0xE0E0E0)                                                           \
    X(accent,        0x0066A1, 0xFFFF00) /* Okabe-Ito blue, darkened for white text */             \
    X(accent_text,   0xFFFFFF, 0x000000)                                                           \
    X(button,        0xFFFFFF, 0x000000)                                                           \
    X(button_text,   0x1B1F24, 0xFFFFFF)                                                           \
    X(button_border, 0x7A8793, 0xFFFFFF)                                                           \
    X(focus,         0xD55E00, 0x00FFFF) /* vermillion: seen by every kind of colour vision */  \
    X(picked_bg,     0xDCEBF7, 0x003A66)                                                           \
    X(advice_bg,     0xFFF6E5, 0x000000)                                                           \
    X(advice_border, 0xE69F00, 0xFFFF00) /* orange */                                              \
    X(warn,          0xA8400A, 0xFFFF00) /* vermillion, darkened for text */                       \
    X(bar_pos,       0x0072B2, 0x00FFFF) /* blue: raises the risk */                               \
    X(bar_neg,       0xB86E00, 0xFFFF00) /* orange, darkened: lowers it */                         \
    X(bar_track,     0xE3E8ED, 0x404040)                                                           \
    X(good,          0x00704F, 0x00FF7F) /* bluish green, darkened */                              \
    X(harm,          0xA8400A, 0xFFFF00)                                                           \
    X(preview_bg,    0x4A2B6B, 0x000000) /* deep purple: no other part of the screen */            \
    X(preview_text,  0xFFFFFF, 0x00FFFF)
/* clang-format on */

#define DEFAULT_COLOUR(field, normal, high) .field = C(normal),
#define HIGH_CONTRAST_COLOUR(field, normal, high) .field = C(high),

static const ui_theme THEME_DEFAULT = {
    .name = "default", .shade = {0, 0, 0, 150}, THEME_COLOURS(DEFAULT_COLOUR)};

static const ui_theme THEME_HIGH_CONTRAST = {
    .name = "high-contrast", .shade = {0, 0, 0, 200}, THEME_COLOURS(HIGH_CONTRAST_COLOUR)};

const ui_theme *ui_theme_find(const char *name)
{
    if (!name || strcmp(name, "default") == 0)
        return &THEME_DEFAULT;
    if (strcmp(name, "high-contrast") == 0)
        return &THEME_HIGH_CONTRAST;
    return NULL;
}

static double channel(uint8_t c)
{
    double x = c / 255.0;
    return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
}

static double luminance(ui_rgba c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double ui_contrast_ratio(ui_rgba a, ui_rgba b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
