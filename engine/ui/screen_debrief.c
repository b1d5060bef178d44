/* screen_debrief: the trainee's own debrief, read back from the session log
 * (recap.h): the outcome with its ending and the time taken; each decision
 * against the best answer and the advice, with the confidence, trust and
 * reason the trainee gave; their reliance on the advice in plain words; what
 * the library says of how often its AI errs; the teaching points; and the
 * learning objectives, shown here and not before play. */
#include <stdio.h>

#include "format.h"
#include "screen_parts.h"
#include "strbuf.h"

#define BULLET "\xe2\x80\xa2" /* • */

static const char *mark_text(recap_mark m)
{
    return m == MARK_RIGHT   ? "   " CHECK " among the best"
           : m == MARK_WRONG ? "   " CROSS " not among the best"
                             : "";
}

/* prefix and text, of any length, wrapped; the height drawn. */
static int prefixed(ui_ctx *c, int x, int y, int w, ui_rgba col, const char *prefix,
                    const char *text)
{
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, prefix);
    strbuf_adds(&b, text);
    int h = ui_text(c, x, y, w, c->px, col, strbuf_str(&b));
    strbuf_free(&b);
    return h;
}

static int recap_row(ui_ctx *c, int x, int y, int w, const char *head, const char *what,
                     recap_mark m)
{
    strbuf b = STRBUF_INIT; /* a rationale may be long: no fixed buffer */
    strbuf_addf(&b, "**%s:** %s%s", head, what, mark_text(m));
    int h = ui_text(c, x, y, w, c->px, m == MARK_WRONG ? c->th->warn : c->th->text, strbuf_str(&b));
    strbuf_free(&b);
    return y + h + c->gap / 2;
}

/* The confidence before and after the advice, the trust and the time. */
static int ratings(ui_ctx *c, const recap_item *it, int x, int y, int w)
{
    char buf[256], t[64];
    if (it->initial_confidence && it->final_confidence) {
        snprintf(buf, sizeof buf, "%d of 7 in your first choice, %d of 7 in your final one",
                 it->initial_confidence, it->final_confidence);
        y = recap_row(c, x, y, w, "Your confidence", buf, MARK_NONE);
    } else if (it->final_confidence || it->initial_confidence) {
        snprintf(buf, sizeof buf, "%d of 7",
                 it->final_confidence ? it->final_confidence : it->initial_confidence);
        y = recap_row(c, x, y, w, "Your confidence", buf, MARK_NONE);
    }
    if (it->trust) {
        snprintf(buf, sizeof buf, "%d of 7", it->trust);
        y = recap_row(c, x, y, w, "Your trust in the advice", buf, MARK_NONE);
    }
    if (it->rationale) {
        strbuf why = STRBUF_INIT;
        strbuf_adds(&why, "\xe2\x80\x9c"); /* as typed: stars stay stars */
        ui_add_literal(&why, it->rationale);
        strbuf_adds(&why, "\xe2\x80\x9d");
        y = recap_row(c, x, y, w, "Your reason", strbuf_str(&why), MARK_NONE);
        strbuf_free(&why);
    }
    if (it->ms >= 0)
        y = recap_row(c, x, y, w, "Time to your final choice",
                      recap_format_duration(it->ms, t, sizeof t), MARK_NONE);
    return y;
}

static int recap_item_panel(ui_ctx *c, const recap_item *it, int x, int y, int w)
{
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, it->prompt) + c->gap;
    if (it->initial)
        cy = recap_row(c, ix, cy, iw, "Your first choice", it->initial, it->initial_mark);
    const char *advised = it->by_person ? "The advice" : "The AI advised";
    if (it->advice)
        cy = recap_row(c, ix, cy, iw, advised, it->advice, it->advice_mark);
    else if (it->had_advice)
        cy = recap_row(c, ix, cy, iw, "The advice", "(not shown)", MARK_NONE);
    if (it->timed_out)
        cy = recap_row(c, ix, cy, iw, "Your final choice", "none: the time ran out",
                       it->best[0] ? MARK_WRONG : MARK_NONE);
    else if (it->final)
        cy = recap_row(c, ix, cy, iw, "Your final choice", it->final, it->final_mark);
    if (it->best[0])
        cy = recap_row(c, ix, cy, iw, "Best answer", it->best, MARK_NONE);
    cy = ratings(c, it, ix, cy, iw);
    if (it->debrief)
        cy += c->gap +
              prefixed(c, ix, cy + c->gap, iw, c->th->text, "**Teaching point:** ", it->debrief);
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

/* The reliance in plain words (recap.h), and what the library says of how
 * often its AI errs. */
static int reliance_panel(ui_ctx *c, const recap *r, int x, int y, int w)
{
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text,
                      r->by_person ? "Your reliance on the advice" : "Your reliance on the AI") +
          c->gap;
    for (size_t i = 0; i < r->n_reliance; i++)
        cy += prefixed(c, ix, cy, iw, c->th->text, BULLET " ", r->reliance[i]) + c->gap / 2;
    cy += c->pad - c->gap / 2;
    ui_panel_end(c, p, y, cy);
    return cy;
}

/* The outcome, the ending's words and the time taken. */
static int outcome_block(ui_ctx *c, const recap *r, int x, int y, int w)
{
    char buf[256], t[64], m[64];
    if (r->quit)
        y += screen_bold(c, x, y, w, c->px_h2, c->th->text, "You left the case before its end") +
             c->gap;
    if (!r->quit && r->has_ending) {
        y += screen_outcome(c, r->outcome, x, y, w) + c->gap;
        y += screen_ending_words(c, r->ending_title, r->ending_text, r->ending_summary, x, y, w);
    }
    if (r->total_ms >= 0) {
        int n = snprintf(buf, sizeof buf, "**Time taken:** %s",
                         recap_format_duration(r->total_ms, t, sizeof t));
        if (r->has_clock && r->clock >= 0.5 && n > 0 && (size_t)n < sizeof buf)
            snprintf(buf + n, sizeof buf - (size_t)n, " (in the case, %s passed)",
                     ui_format_minutes(r->clock, m, sizeof m));
        y += ui_text(c, x, y, w, c->px, c->th->text, buf) + c->pad;
    }
    return y;
}

static int points_and_objectives(ui_ctx *c, const app *a, const recap *r, int x, int y, int w)
{
    if (r && r->n_points)
        y += screen_bold(c, x, y, w, c->px_h2, c->th->text, "Teaching points") + c->gap;
    for (size_t i = 0; r && i < r->n_points; i++)
        y += prefixed(c, x, y, w, c->th->text, BULLET " ", r->points[i]) + c->gap / 2;
    if (a->c && a->c->objectives.n) {
        y += c->gap +
             screen_bold(c, x, y + c->gap, w, c->px_h2, c->th->text, "Learning objectives") +
             c->gap;
        for (size_t i = 0; i < a->c->objectives.n; i++)
            y += prefixed(c, x, y, w, c->th->text, BULLET " ", a->c->objectives.items[i]) +
                 c->gap / 2;
    }
    return y;
}

int screen_debrief(ui_ctx *c, app *a, int x, int y, int w)
{
    char buf[1024];
    const recap *r = &a->rc;
    bool have = a->have_recap;
    y += screen_bold(c, x, y, w, c->px_h1, c->th->text, "Your debrief") + c->gap;
    if (have)
        y = outcome_block(c, r, x, y, w);
    if (have && r->with_advice && !r->has_metrics) {
        snprintf(buf, sizeof buf,
                 "You followed %s at **%d of %d** decisions where you saw it. It was "
                 "wrong at %d of them, and you followed it there %d time%s.",
                 r->by_person ? "the advice" : "the AI", r->followed, r->with_advice, r->ai_wrong,
                 r->ai_wrong_followed, r->ai_wrong_followed == 1 ? "" : "s");
        y += ui_text(c, x, y, w, c->px, c->th->text, buf) + c->pad;
    }
    if (!have || r->n == 0)
        y += ui_text(c, x, y, w, c->px, c->th->muted, "No decisions were made in this session.") +
             c->pad;
    for (size_t i = 0; have && i < r->n; i++)
        y = recap_item_panel(c, &r->items[i], x, y, w) + c->pad;
    if (have && r->has_metrics && r->n_reliance)
        y = reliance_panel(c, r, x, y, w) + c->pad;
    if (have && (r->ai_note || r->ai_note_error))
        y += prefixed(c, x, y, w, r->ai_note ? c->th->text : c->th->warn,
                      "**About the AI in these cases:** ",
                      r->ai_note ? r->ai_note : r->ai_note_error) +
             c->pad;
    y = points_and_objectives(c, a, have ? r : NULL, x, y, w);
    if (a->log_path[0]) {
        char lp[sizeof a->log_path + 32];
        snprintf(lp, sizeof lp, "Session log: %s", a->log_path);
        y += c->pad + ui_text(c, x, y + c->pad, w, c->px_small, c->th->muted, lp);
    }
    y += c->pad;
    ui_button_spec b = {a->o.library_dir ? "Back to the library (Enter)" : "Close (Enter)",
                        {CMD_DONE, 0},
                        BUTTON_PRIMARY};
    return y + ui_buttons(c, a, x, y, w, &b, 1);
}
