/* screen_feedback: after a decision, what the trainee's own choice means.
 * First the engine's part, built from the decision record just written
 * (feedback.h): the verdict with a mark that is a shape as well as a colour
 * (or, after a time out, "Time ran out: you had not confirmed a choice"),
 * what was chosen, the best answers, the advice and whether the trainee
 * changed their mind. Then the case's own teaching text for that choice. */
#include <stdio.h>

#include "feedback.h"
#include "mem.h"
#include "screen_parts.h"

/* The verdict's mark and colour. */
static const char *verdict_mark(feedback_verdict v)
{
    return v == FEEDBACK_RIGHT ? CHECK : v == FEEDBACK_WRONG ? CROSS : WARN_SIGN;
}

static ui_rgba verdict_colour(const ui_ctx *c, feedback_verdict v)
{
    return v == FEEDBACK_RIGHT ? c->th->good : v == FEEDBACK_WRONG ? c->th->harm : c->th->warn;
}

static int headline(ui_ctx *c, const log_decision *d, int x, int y, int w)
{
    feedback_verdict v = d ? feedback_verdict_of(d) : FEEDBACK_UNJUDGED;
    const char *head = feedback_headline(v);
    if (!head)
        return screen_bold(c, x, y, w, c->px_h2, c->th->text, "Feedback");
    char buf[256];
    snprintf(buf, sizeof buf, "%s %s", verdict_mark(v), head);
    return screen_bold(c, x, y, w, c->px_h2, verdict_colour(c, v), buf);
}

int screen_feedback(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const log_decision *d = v->decision;
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->accent);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += headline(c, d, ix, cy, iw) + c->gap;
    char *mine = d ? feedback_body(d, screen_by_person(screen_advice(v))) : NULL;
    if (mine && mine[0])
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, mine) + c->gap;
    mem_free(mine);
    const char *feedback = v->decision ? v->decision->feedback : NULL;
    if (feedback && feedback[0])
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, feedback) + c->gap;
    cy += c->pad - c->gap;
    ui_panel_end(c, p, y, cy);
    ui_button_spec b = {"Continue (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY};
    return cy + c->pad + ui_buttons(c, a, x, cy + c->pad, w, &b, 1);
}
