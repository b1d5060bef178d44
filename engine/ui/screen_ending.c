/* screen_ending: the case's ending with its outcome, or "you left". The
 * words are the log's (recap.h) where it has them, so that the ending shown
 * is the one recorded; else the session's view of the ending node. */
#include <stdio.h>

#include "screen_parts.h"

/* "✓ Outcome: good", in a colour that says the same. */
int screen_outcome(ui_ctx *c, case_outcome o, int x, int y, int w)
{
    const char *head = o == OUTCOME_GOOD      ? CHECK " Outcome: good"
                       : o == OUTCOME_NEUTRAL ? CIRCLE " Outcome: neutral"
                                              : WARN_SIGN " Outcome: harm";
    ui_rgba col = o == OUTCOME_GOOD ? c->th->good : o == OUTCOME_HARM ? c->th->harm : c->th->text;
    return screen_bold(c, x, y, w, c->px_h1, col, head);
}

/* The ending's title, text and summary, each when there is one. */
int screen_ending_words(ui_ctx *c, const char *title, const char *text, const char *summary, int x,
                        int y, int w)
{
    int top = y;
    if (title && title[0])
        y += screen_bold(c, x, y, w, c->px_h2, c->th->text, title) + c->gap;
    if (text && text[0])
        y += ui_text(c, x, y, w, c->px, c->th->text, text) + c->gap;
    if (summary && summary[0])
        y += ui_text(c, x, y, w, c->px, c->th->text, summary) + c->gap;
    return y - top;
}

int screen_ending(ui_ctx *c, app *a, int x, int y, int w)
{
    session_view v = session_view_now(a->s);
    const recap *r = a->have_recap ? &a->rc : NULL;
    const case_node *n = v.node;
    if (v.status == SESSION_QUIT) {
        y += screen_bold(c, x, y, w, c->px_h1, c->th->text, "You left the case") + c->gap;
        y += ui_text(c, x, y, w, c->px, c->th->text,
                     "Your answers up to here are in the session log, which records that you "
                     "left.") +
             c->pad;
    } else if (r && r->has_ending) {
        y += screen_outcome(c, r->outcome, x, y, w) + c->gap;
        y += screen_ending_words(c, r->ending_title, r->ending_text, r->ending_summary, x, y, w) +
             c->pad - c->gap;
    } else if (n && n->kind == NODE_ENDING) {
        y += screen_outcome(c, n->ending.outcome, x, y, w) + c->gap;
        y +=
            screen_ending_words(c, n->title, n->text, n->ending.summary, x, y, w) + c->pad - c->gap;
    }
    ui_button_spec b = {"See your debrief (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}
