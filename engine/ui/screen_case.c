/* screen_case: the case itself, step by step: the story of the node, the
 * advice, what the step asks for (continue, choose, rate, give a reason,
 * read the feedback after a decision), and the side column beside or
 * below. */
#include "screen_parts.h"

static int story(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    const case_node *n = v->node;
    if (!n)
        return y;
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    if (n->title)
        cy += screen_bold(c, ix, cy, iw, c->px_h1, c->th->text, n->title) + c->gap;
    cy += ui_text(c, ix, cy, iw, c->px, c->th->text, n->text);
    if (n->image.file)
        cy += c->gap + screen_image(c, a, &n->image, ix, cy + c->gap, iw);
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

static int act_block(ui_ctx *c, app *a, const session_view *v, int x, int y, int w)
{
    if (v->advice_shown && screen_advice(v) && v->step != STEP_FEEDBACK)
        y = screen_advice_card(c, a, v, x, y, w) + c->pad;
    c->act_anchor = y + c->scroll - c->view.y;
    switch (v->step) {
    case STEP_CONTINUE: {
        ui_button_spec b = {"Continue (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY};
        return y + ui_buttons(c, a, x, y, w, &b, 1);
    }
    case STEP_CHOOSE_INITIAL:
    case STEP_CHOOSE_FINAL:
        return screen_choice(c, a, v, x, y, w);
    case STEP_CONFIDENCE_INITIAL:
    case STEP_CONFIDENCE_FINAL:
    case STEP_TRUST:
        return screen_rating(c, a, v, x, y, w);
    case STEP_RATIONALE:
        return screen_rationale(c, a, v, x, y, w);
    case STEP_FEEDBACK:
        return screen_feedback(c, a, v, x, y, w);
    case STEP_ENDED:
        break;
    }
    return y;
}

int screen_case(ui_ctx *c, app *a, int x, int y, int w)
{
    session_view v = session_view_now(a->s);
    if (ui_two_columns(w, c->px)) {
        int sw = ui_side_width(w, c->px), mw = w - sw - c->pad * 2;
        int ly = story(c, a, &v, x, y, mw) + c->pad;
        c->act_top = ly + c->scroll - c->view.y;
        ly = act_block(c, a, &v, x, ly, mw);
        c->act_bottom = ly + c->scroll - c->view.y;
        int ry = screen_side_column(c, a, &v, x + mw + c->pad * 2, y, sw);
        return ly > ry ? ly : ry;
    }
    /* One column (a narrow window, large text): what the step asks for
     * comes before the observations and results, which follow below. */
    y = story(c, a, &v, x, y, w) + c->pad;
    c->act_top = y + c->scroll - c->view.y;
    y = act_block(c, a, &v, x, y, w) + c->pad;
    c->act_bottom = y + c->scroll - c->view.y;
    return screen_side_column(c, a, &v, x, y, w);
}
