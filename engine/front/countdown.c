/* countdown: the timed choice's countdown in words and marks. */
#include "countdown.h"

#include <stdio.h>

#include "format.h"

#define WARN_MARK "\xe2\x9a\xa0"   /* ⚠ an outlined warning sign */
#define URGENT_MARK "\xe2\x96\xb2" /* ▲ a filled triangle */

ui_countdown_level ui_countdown_level_of(int64_t ms_left)
{
    /* Compare what the trainee reads: whole seconds, rounded up. */
    int64_t shown = ms_left <= 0 ? 0 : (ms_left + 999) / 1000 * 1000;
    if (shown <= COUNTDOWN_URGENT_MS)
        return COUNTDOWN_URGENT;
    if (shown <= COUNTDOWN_WARN_MS)
        return COUNTDOWN_WARN;
    return COUNTDOWN_CALM;
}

double ui_countdown_fraction(int64_t ms_left, int64_t total_ms)
{
    if (total_ms <= 0 || ms_left <= 0)
        return 0;
    return ms_left >= total_ms ? 1.0 : (double)ms_left / (double)total_ms;
}

const char *ui_countdown_text(int64_t ms_left, char *buf, size_t size)
{
    char t[32];
    ui_format_countdown(ms_left, t, sizeof t);
    switch (ui_countdown_level_of(ms_left)) {
    case COUNTDOWN_URGENT:
        snprintf(buf, size, URGENT_MARK " **%s** left: confirm now", t);
        break;
    case COUNTDOWN_WARN:
        snprintf(buf, size, WARN_MARK " **%s** left: confirm soon", t);
        break;
    default:
        snprintf(buf, size, "Time left **%s**", t);
        break;
    }
    return buf;
}
