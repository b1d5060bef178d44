/* screen_library: the case library (a trainee id, then a case), and "Who
 * is playing?" when `play` has no --trainee. */
#include <stdio.h>

#include "format.h"
#include "library_played.h"
#include "screen_parts.h"
#include "strbuf.h"

#define NEXT_MARK "\xe2\x96\xb6" /* ▶ */

/* The time limits setting (WCAG 2.2.1): a button showing it, which T or a
 * click moves on to the next (normal, double, off), and what it means. The
 * sessions started from here use it. */
static int time_limits_setting(ui_ctx *c, app *a, int x, int y, int w)
{
    static const char *const meaning[] = {
        [TIME_LIMITS_NORMAL] = "Timed decisions run as the case sets them.",
        [TIME_LIMITS_DOUBLE] = "Timed decisions give you twice as long.",
        [TIME_LIMITS_OFF] = "Decisions are never timed.",
    };
    time_limits t = a->time_limits <= TIME_LIMITS_OFF ? a->time_limits : TIME_LIMITS_NORMAL;
    char label[64];
    snprintf(label, sizeof label, "Time limits: %s (T)", time_limits_name(t));
    ui_button_spec b = {label, {CMD_TIME_LIMITS, 0}, BUTTON_NORMAL};
    y += ui_buttons(c, a, x, y, w, &b, 1) + c->gap / 2;
    return y + ui_text(c, x, y, w, c->px_small, c->th->muted, meaning[t]) + c->pad;
}

/* The top of both screens: a heading, what the screen is for, and the
 * trainee id field (with a label above it, when there is one). */
typedef struct id_heading {
    const char *title, *intro, *label, *placeholder;
} id_heading;

static int heading_and_id(ui_ctx *c, app *a, int x, int y, int w, const id_heading *t)
{
    y += screen_bold(c, x, y, w, c->px_h1, c->th->text, t->title) + c->gap;
    y += ui_text(c, x, y, w, c->px, c->th->muted, t->intro) + c->pad;
    if (t->label)
        y += screen_bold(c, x, y, w, c->px, c->th->text, t->label) + c->gap / 2;
    int fw = w < 24 * c->px ? w : 24 * c->px;
    return y + ui_field(c, a, x, y, fw, a->trainee, t->placeholder, (ui_cmd){CMD_FIELD, 0}) +
           c->pad;
}

/* The line under a case's summary: why it cannot be played, or its place
 * on the teaching path, its length and its tags. */
static void entry_meta(const library *lib, const library_entry *en, strbuf *b)
{
    char m[32];
    if (en->error) {
        strbuf_addf(b, WARN_SIGN " Cannot be played: %s", en->error);
        return;
    }
    const char *played = library_played_name(en->played);
    if (lib->next >= 0 && en == &lib->items[lib->next])
        strbuf_adds(b, "**" NEXT_MARK " Next on the teaching path**  " DOT "  ");
    if (played)
        strbuf_addf(b, "**%s Played: %s**  " DOT "  ", /* the ending screen's marks */
                    en->played == PLAYED_GOOD      ? CHECK
                    : en->played == PLAYED_NEUTRAL ? CIRCLE
                    : en->played == PLAYED_HARM    ? WARN_SIGN
                                                   : DASH,
                    played);
    if (en->path_step > 0)
        strbuf_addf(b, "Teaching path %d of %d  " DOT "  ", en->path_step, lib->path_len);
    if (en->minutes > 0)
        strbuf_addf(b, "About %s", ui_format_minutes(en->minutes, m, sizeof m));
    if (en->tags[0])
        strbuf_addf(b, "%s%s", b->len ? "  " DOT "  " : "", en->tags);
}

int screen_library(ui_ctx *c, app *a, int x, int y, int w)
{
    static const id_heading top = {
        "Case library",
        "Each case is a short patient story. At some decisions a simulated AI tool advises you; "
        "decide, say how far you trust it, and see how you did.",
        "Your trainee id", "e.g. your initials and a number"};
    y = heading_and_id(c, a, x, y, w, &top);
    y = time_limits_setting(c, a, x, y, w);
    if (a->lib.n == 0)
        y += ui_text(c, x, y, w, c->px, c->th->muted, "No cases in the library folder.");
    for (size_t i = 0; i < a->lib.n; i++) {
        const library_entry *en = &a->lib.items[i];
        ui_cmd cmd = {CMD_OPEN_CASE, (int)i};
        int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->button_border); /* a control: 3:1 */
        int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
        cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, en->title);
        if (en->summary[0])
            cy += ui_text(c, ix, cy, iw, c->px, c->th->text, en->summary);
        strbuf meta = STRBUF_INIT;
        entry_meta(&a->lib, en, &meta);
        cy += ui_text(c, ix, cy, iw, c->px_small, en->error ? c->th->warn : c->th->muted,
                      strbuf_str(&meta));
        strbuf_free(&meta);
        cy += c->pad;
        ui_panel_end(c, p, y, cy);
        ui_rect r = {x, y, w, cy - y};
        if (ui_hovered(c, r))
            ui_outline(c, r, c->th->accent, 2 * c->border);
        ui_target_add(c, r, cmd, true);
        if (ui_focused(c, a, cmd))
            ui_focus_ring(c, r);
        y = cy + c->pad;
    }
    return y;
}

int screen_trainee(ui_ctx *c, app *a, int x, int y, int w)
{
    static const id_heading top = {
        "Who is playing?",
        "Your trainee id goes into the session log with your answers, so that you and your "
        "educator can debrief later.",
        NULL, "Trainee id"};
    y = heading_and_id(c, a, x, y, w, &top);
    ui_button_spec b = {
        "Continue (Enter)", {CMD_COMMIT, 0}, a->trainee[0] ? BUTTON_PRIMARY : BUTTON_DISABLED};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}
