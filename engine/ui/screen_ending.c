/* screen_ending: the case's ending with its outcome, or "you left". */
#include "screen_parts.h"

int screen_ending(ui_ctx *c, app *a, int x, int y, int w)
{
    session_view v = session_view_now(a->s);
    const case_node *n = v.node;
    bool quit = v.status == SESSION_QUIT;
    if (quit) {
        y += screen_bold(c, x, y, w, c->px_h1, c->th->text, "You left the case") + c->gap;
        y += ui_text(c, x, y, w, c->px, c->th->text,
                     "Your answers up to here are in the session log, which records that you "
                     "left.") +
             c->pad;
    } else if (n && n->kind == NODE_ENDING) {
        case_outcome o = n->ending.outcome;
        const char *head = o == OUTCOME_GOOD      ? CHECK " Outcome: good"
                           : o == OUTCOME_NEUTRAL ? DASH " Outcome: neutral"
                                                  : WARN_SIGN " Outcome: harm";
        ui_rgba col = o == OUTCOME_GOOD   ? c->th->good
                      : o == OUTCOME_HARM ? c->th->harm
                                          : c->th->text;
        y += screen_bold(c, x, y, w, c->px_h1, col, head) + c->gap;
        if (n->title)
            y += screen_bold(c, x, y, w, c->px_h2, c->th->text, n->title) + c->gap;
        y += ui_text(c, x, y, w, c->px, c->th->text, n->text) + c->gap;
        y += ui_text(c, x, y, w, c->px, c->th->text, n->ending.summary) + c->pad;
    }
    ui_button_spec b = {"See your debrief (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}
