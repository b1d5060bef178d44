/* screen_debrief: the trainee's own debrief, read back from the session log
 * (recap.h): each decision against the best answer and the AI, the reliance
 * metrics, the teaching points and the learning objectives. */
#include <stdio.h>

#include "screen_parts.h"

static const char *mark_text(recap_mark m)
{
    return m == MARK_RIGHT   ? "   " CHECK " among the best"
           : m == MARK_WRONG ? "   " CROSS " not among the best"
                             : "";
}

static int recap_row(ui_ctx *c, int x, int y, int w, const char *head, const char *what,
                     recap_mark m)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "**%s:** %s%s", head, what, mark_text(m));
    return y + ui_text(c, x, y, w, c->px, m == MARK_WRONG ? c->th->warn : c->th->text, buf) +
           c->gap / 2;
}

static int recap_item_panel(ui_ctx *c, const recap_item *it, int x, int y, int w)
{
    char buf[256];
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, it->prompt) + c->gap;
    if (it->initial)
        cy = recap_row(c, ix, cy, iw, "Your first choice", it->initial, it->initial_mark);
    const char *advised = it->by_person ? "The advice" : "The AI advised";
    if (it->advice)
        cy = recap_row(c, ix, cy, iw, advised, it->advice, it->advice_mark);
    else
        cy = recap_row(c, ix, cy, iw, "The advice", "(not shown)", MARK_NONE);
    if (it->timed_out)
        cy = recap_row(c, ix, cy, iw, "Your final choice", "none: the time ran out", MARK_WRONG);
    else if (it->final)
        cy = recap_row(c, ix, cy, iw, "Your final choice", it->final, it->final_mark);
    cy = recap_row(c, ix, cy, iw, "Best answer", it->best, MARK_NONE);
    if (it->trust) {
        snprintf(buf, sizeof buf, "%d of 7", it->trust);
        cy = recap_row(c, ix, cy, iw, "Your trust in the advice", buf, MARK_NONE);
    }
    if (it->debrief) {
        char tp[2048];
        snprintf(tp, sizeof tp, "**Teaching point:** %s", it->debrief);
        cy += c->gap + ui_text(c, ix, cy + c->gap, iw, c->px, c->th->text, tp);
    }
    cy += c->pad;
    ui_panel_end(c, p, y, cy);
    return cy;
}

/* One figure of the reliance metrics in words: "1 of 2 (50%)", "5.0", or
 * n/a with the reason (never 0 for an empty denominator). */
static void figure(const metric_value *v, char *buf, size_t size)
{
    if (!v->has)
        snprintf(buf, size, "n/a (no such decisions here)");
    else if (v->den > 0)
        snprintf(buf, size, "%ld of %ld (%.0f%%)", v->num, v->den, v->value * 100.0);
    else
        snprintf(buf, size, "%.1f", v->value);
}

static int metrics_panel(ui_ctx *c, const metrics *m, bool by_person, int x, int y, int w)
{
    static const struct {
        metric_id id;
        const char *what;
        bool whom; /* the words end with whom was followed */
    } rows[] = {
        {METRIC_AGREEMENT, "You followed", true},
        {METRIC_OVER_RELIANCE, "You followed it when it was wrong (over-reliance)", false},
        {METRIC_UNDER_RELIANCE, "You rejected it when it was right (under-reliance)", false},
        {METRIC_SWITCH_TO_AI, "You switched to its answer after your first choice", false},
        {METRIC_TRUST_AI_RIGHT, "Your trust when it was right (1-7)", false},
        {METRIC_TRUST_AI_WRONG, "Your trust when it was wrong (1-7)", false},
    };
    int p = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    const char *whom = by_person ? "the advice" : "the AI";
    char head[64];
    snprintf(head, sizeof head, "Your reliance on %s", whom);
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, head) + c->gap;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char val[96], what[128], line[256];
        figure(&m->m[rows[i].id], val, sizeof val);
        snprintf(what, sizeof what, "%s%s%s", rows[i].what, rows[i].whom ? " " : "",
                 rows[i].whom ? whom : "");
        snprintf(line, sizeof line, "%s: **%s**", what, val);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, line) + c->gap / 2;
    }
    cy += c->pad - c->gap / 2;
    ui_panel_end(c, p, y, cy);
    return cy;
}

int screen_debrief(ui_ctx *c, app *a, int x, int y, int w)
{
    char buf[1024];
    const recap *r = &a->rc;
    y += screen_bold(c, x, y, w, c->px_h1, c->th->text, "Your debrief") + c->gap;
    if (r->with_advice && !r->has_metrics) {
        snprintf(buf, sizeof buf,
                 "You followed %s at **%d of %d** decisions where you saw it. It was "
                 "wrong at %d of them, and you followed it there %d time%s.",
                 r->by_person ? "the advice" : "the AI", r->followed, r->with_advice, r->ai_wrong, r->ai_wrong_followed,
                 r->ai_wrong_followed == 1 ? "" : "s");
        y += ui_text(c, x, y, w, c->px, c->th->text, buf) + c->pad;
    }
    if (!a->have_recap || r->n == 0)
        y += ui_text(c, x, y, w, c->px, c->th->muted, "No decisions were made in this session.") +
             c->pad;
    for (size_t i = 0; a->have_recap && i < r->n; i++)
        y = recap_item_panel(c, &r->items[i], x, y, w) + c->pad;
    if (a->have_recap && r->has_metrics && r->with_advice)
        y = metrics_panel(c, &r->m, r->by_person, x, y, w) + c->pad;
    if (r->n_points)
        y += screen_bold(c, x, y, w, c->px_h2, c->th->text, "Teaching points") + c->gap;
    for (size_t i = 0; i < r->n_points; i++) {
        char tp[2048];
        snprintf(tp, sizeof tp, "\xe2\x80\xa2 %s", r->points[i]);
        y += ui_text(c, x, y, w, c->px, c->th->text, tp) + c->gap / 2;
    }
    if (a->c && a->c->objectives.n) {
        y += c->gap +
             screen_bold(c, x, y + c->gap, w, c->px_h2, c->th->text, "Learning objectives") +
             c->gap;
        for (size_t i = 0; i < a->c->objectives.n; i++) {
            snprintf(buf, sizeof buf, "\xe2\x80\xa2 %s", a->c->objectives.items[i]);
            y += ui_text(c, x, y, w, c->px, c->th->text, buf);
        }
    }
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
