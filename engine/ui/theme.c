/* theme: two palettes. Text colours meet WCAG AA (4.5:1) on their
 * backgrounds in the default theme and AAA (7:1) in high contrast; the tests
 * check it. */
#include "theme.h"

#include <math.h>
#include <string.h>

#define C(hex)                                                                                     \
    {                                                                                              \
        (uint8_t)((hex) >> 16), (uint8_t)((hex) >> 8), (uint8_t)(hex), 255                         \
    }

static const ui_theme THEME_DEFAULT = {
    .name = "default",
    .bg = C(0xF4F6F8),
    .header_bg = C(0x1F3A4D),
    .header_text = C(0xFFFFFF),
    .panel = C(0xFFFFFF),
    .panel_border = C(0xC9D1D9),
    .text = C(0x1B1F24),
    .muted = C(0x4A5561),
    .accent = C(0x0066A1), /* Okabe-Ito blue, darkened for white text */
    .accent_text = C(0xFFFFFF),
    .button = C(0xFFFFFF),
    .button_text = C(0x1B1F24),
    .button_border = C(0x7A8793),
    .focus = C(0xD55E00), /* vermillion: visible to every kind of colour vision */
    .picked_bg = C(0xDCEBF7),
    .advice_bg = C(0xFFF6E5),
    .advice_border = C(0xE69F00), /* orange */
    .warn = C(0xA8400A),          /* vermillion, darkened for text */
    .bar_pos = C(0x0072B2),       /* blue: raises the risk */
    .bar_neg = C(0xE69F00),       /* orange: lowers it */
    .bar_track = C(0xE3E8ED),
    .good = C(0x00704F), /* bluish green, darkened */
    .harm = C(0xA8400A),
    .shade = {0, 0, 0, 150},
};

static const ui_theme THEME_HIGH_CONTRAST = {
    .name = "high-contrast",
    .bg = C(0x000000),
    .header_bg = C(0x000000),
    .header_text = C(0xFFFFFF),
    .panel = C(0x000000),
    .panel_border = C(0xFFFFFF),
    .text = C(0xFFFFFF),
    .muted = C(0xE0E0E0),
    .accent = C(0xFFFF00),
    .accent_text = C(0x000000),
    .button = C(0x000000),
    .button_text = C(0xFFFFFF),
    .button_border = C(0xFFFFFF),
    .focus = C(0x00FFFF),
    .picked_bg = C(0x003A66),
    .advice_bg = C(0x000000),
    .advice_border = C(0xFFFF00),
    .warn = C(0xFFFF00),
    .bar_pos = C(0x00FFFF),
    .bar_neg = C(0xFFFF00),
    .bar_track = C(0x404040),
    .good = C(0x00FF7F),
    .harm = C(0xFFFF00),
    .shade = {0, 0, 0, 200},
};

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
