/* text_recap: the text mode's lines for the ending, the trainee's debrief
 * and the case library (text_screen.h). */
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "library_played.h"
#include "text_screen.h"

static void line(strbuf *b, const char *text)
{
    if (!text || !text[0])
        return;
    text_add_plain(b, text);
    strbuf_addc(b, '\n');
}

static void outcome(strbuf *b, const text_style *st, case_outcome o, const char *title,
                    const char *text, const char *summary)
{
    char head[64];
    snprintf(head, sizeof head, "Outcome: %s", case_outcome_name(o));
    text_heading(b, st, head);
    line(b, title);
    line(b, text);
    line(b, summary);
}

void text_ending(strbuf *b, const text_style *st, const session_view *v, const recap *r)
{
    if (v->status == SESSION_QUIT) {
        text_heading(b, st, "You left the case");
        strbuf_adds(b, "Your answers up to here are in the session log, which records that you "
                       "left.\n");
    } else if (r && r->has_ending)
        outcome(b, st, r->outcome, r->ending_title, r->ending_text, r->ending_summary);
    else if (v->node && v->node->kind == NODE_ENDING)
        outcome(b, st, v->node->ending.outcome, v->node->title, v->node->text,
                v->node->ending.summary);
}

static const char *mark_words(recap_mark m)
{
    return m == MARK_RIGHT ? ", among the best" : m == MARK_WRONG ? ", not among the best" : "";
}

static void row(strbuf *b, const char *head, const char *what, recap_mark m)
{
    strbuf_addf(b, "%s: ", head);
    text_add_plain(b, what);
    strbuf_addf(b, "%s.\n", mark_words(m));
}

static void ratings(strbuf *b, const recap_item *it)
{
    char t[64];
    if (it->initial_confidence && it->final_confidence)
        strbuf_addf(b,
                    "Your confidence: %d of 7 in your first choice, %d of 7 in your final "
                    "one.\n",
                    it->initial_confidence, it->final_confidence);
    else if (it->final_confidence || it->initial_confidence)
        strbuf_addf(b, "Your confidence: %d of 7.\n",
                    it->final_confidence ? it->final_confidence : it->initial_confidence);
    if (it->trust)
        strbuf_addf(b, "Your trust in the advice: %d of 7.\n", it->trust);
    if (it->rationale) {
        strbuf_adds(b, "Your reason: "); /* as typed: stars stay stars */
        strbuf_adds(b, it->rationale);
        strbuf_addc(b, '\n');
    }
    if (it->ms >= 0)
        strbuf_addf(b, "Time to your final choice: %s.\n",
                    recap_format_duration(it->ms, t, sizeof t));
}

static void item(strbuf *b, const text_style *st, const recap_item *it, size_t i, size_t n)
{
    char head[64];
    snprintf(head, sizeof head, "Decision %zu of %zu", i + 1, n);
    text_heading(b, st, head);
    line(b, it->prompt);
    if (it->initial)
        row(b, "Your first choice", it->initial, it->initial_mark);
    const char *advised = it->by_person ? "The advice" : "The AI advised";
    if (it->advice)
        row(b, advised, it->advice, it->advice_mark);
    else if (it->had_advice)
        strbuf_adds(b, "The advice: not shown.\n");
    if (it->timed_out)
        row(b, "Your final choice", "none, the time ran out",
            it->best && it->best[0] ? MARK_WRONG : MARK_NONE);
    else if (it->final)
        row(b, "Your final choice", it->final, it->final_mark);
    if (it->best && it->best[0])
        row(b, "Best answer", it->best, MARK_NONE);
    ratings(b, it);
    if (it->debrief) {
        strbuf_adds(b, "Teaching point: ");
        line(b, it->debrief);
    }
}

static void outcome_block(strbuf *b, const text_style *st, const recap *r)
{
    char t[64], m[64];
    if (r->quit)
        strbuf_adds(b, "You left the case before its end.\n");
    else if (r->has_ending)
        strbuf_addf(b, "Outcome: %s.\n", case_outcome_name(r->outcome));
    (void)st;
    if (r->total_ms >= 0) {
        strbuf_addf(b, "Time taken: %s", recap_format_duration(r->total_ms, t, sizeof t));
        if (r->has_clock && r->clock >= 0.5)
            strbuf_addf(b, " (in the case, %s passed)", ui_format_minutes(r->clock, m, sizeof m));
        strbuf_adds(b, ".\n");
    }
    if (r->with_advice && !r->has_metrics)
        strbuf_addf(b,
                    "You followed %s at %d of %d decisions where you saw it. It was wrong at %d "
                    "of them, and you followed it there %d time%s.\n",
                    r->by_person ? "the advice" : "the AI", r->followed, r->with_advice,
                    r->ai_wrong, r->ai_wrong_followed, r->ai_wrong_followed == 1 ? "" : "s");
}

static void bullets(strbuf *b, const text_style *st, const char *head, char *const *items, size_t n)
{
    if (!n)
        return;
    text_heading(b, st, head);
    for (size_t i = 0; i < n; i++) {
        strbuf_adds(b, "- ");
        line(b, items[i]);
    }
}

void text_recap(strbuf *b, const text_style *st, const case_def *c, const recap *r,
                const char *log_path)
{
    text_heading(b, st, "Your debrief");
    if (r)
        outcome_block(b, st, r);
    if (!r || r->n == 0)
        strbuf_adds(b, "No decisions were made in this session.\n");
    for (size_t i = 0; r && i < r->n; i++)
        item(b, st, &r->items[i], i, r->n);
    if (r && r->has_metrics)
        bullets(b, st, r->by_person ? "Your reliance on the advice" : "Your reliance on the AI",
                r->reliance, r->n_reliance);
    if (r && (r->ai_note || r->ai_note_error)) {
        strbuf_adds(b, "About the AI in these cases: ");
        line(b, r->ai_note ? r->ai_note : r->ai_note_error);
    }
    if (r)
        bullets(b, st, "Teaching points", r->points, r->n_points);
    if (c)
        bullets(b, st, "Learning objectives", c->objectives.items, c->objectives.n);
    if (log_path && log_path[0])
        strbuf_addf(b, "\nSession log: %s\n", log_path);
}

void text_library_list(strbuf *b, const text_style *st, const library *lib, time_limits tl)
{
    char head[64], m[32];
    snprintf(head, sizeof head, "Case library, %zu case%s", lib->n, lib->n == 1 ? "" : "s");
    text_heading(b, st, head);
    for (size_t i = 0; i < lib->n; i++) {
        const library_entry *en = &lib->items[i];
        strbuf_addf(b, "%zu. ", i + 1);
        text_add_plain(b, en->title);
        text_end_sentence(b);
        if (en->minutes > 0)
            strbuf_addf(b, " About %s.", ui_format_minutes(en->minutes, m, sizeof m));
        if (en->error)
            strbuf_adds(b, " Cannot be played.");
        if (lib->next == (int)i)
            strbuf_adds(b, " Next on the teaching path.");
        const char *played = library_played_name(en->played);
        if (played)
            strbuf_addf(b, " Played: %s.", played);
        strbuf_addc(b, '\n');
    }
    if (!lib->n)
        strbuf_adds(b, "There are no cases in this folder.\n");
    strbuf_addf(b, "Time limits: %s.\n", time_limits_name(tl));
    strbuf_addf(b, "Keys: 1 to %zu open a case, t changes the time limits, q quits.\n", lib->n);
}
