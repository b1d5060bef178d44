/* screen_timer: the countdown of a timed choice, large and beside the
 * options: its text (a mark, the time, words) and a bar that empties.
 * Drawn at the choices only: ratings and the rationale are never timed. */
#include "countdown.h"
#include "screen_parts.h"

/* The bar that empties, in four fills: the filled and the empty part, each
 * split where a segment of four ems starts, so that a tick changes only the
 * short part in the segment where the bar ends (the render cache then
 * redraws a cell or two of it, not the whole width). */
static void countdown_bar(ui_ctx *c, ui_rect r, double fraction, ui_rgba fill)
{
    int seg = 4 * c->px > 1 ? 4 * c->px : 1;
    int fw = (int)(r.w * fraction + 0.5);
    int whole = fw / seg * seg, next = whole + seg < r.w ? whole + seg : r.w;
    ui_fill(c, (ui_rect){r.x, r.y, whole, r.h}, fill);
    ui_fill(c, (ui_rect){r.x + whole, r.y, fw - whole, r.h}, fill);
    ui_fill(c, (ui_rect){r.x + fw, r.y, next - fw, r.h}, c->th->bar_track);
    ui_fill(c, (ui_rect){r.x + next, r.y, r.w - next, r.h}, c->th->bar_track);
}

int screen_countdown(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_decision *d = screen_decision(v);
    int64_t left = app_time_left(a, c->now);
    if (left < 0 || !d)
        return y;
    char text[128];
    ui_countdown_level level = ui_countdown_level_of(left);
    ui_countdown_text(left, text, sizeof text);
    ui_rgba col = level == COUNTDOWN_CALM ? c->th->text : c->th->warn;
    int px = c->px_h1 * 5 / 4;
    y += ui_text(c, x, y, w, px, col, text);
    int bh = c->px / 2 > 4 ? c->px / 2 : 4;
    ui_rect bar = {x, y + c->gap / 2, w, bh};
    countdown_bar(c, bar, ui_countdown_fraction(left, (int64_t)(d->time_limit * 1000.0)),
                  level == COUNTDOWN_CALM ? c->th->accent : c->th->warn);
    ui_outline(c, bar, level == COUNTDOWN_CALM ? c->th->panel_border : c->th->warn, c->border);
    return bar.y + bar.h + c->pad;
}
