/* text_screen: what the text mode prints, as pure functions of the case,
 * the session view and the recap (no terminal, no clock, no SDL). Each
 * function appends whole lines ("...\n") to a strbuf, so that a screen
 * reader reading the terminal line by line hears sentences that make sense
 * on their own: every mark the window draws as a shape or a colour is a
 * word here ("high", "AI recommends", "among the best"), options and
 * ratings are numbered lists, and nothing depends on where a line stands.
 * The only styling is bold headings, and only when text_style says so. */
#ifndef TEXT_SCREEN_H
#define TEXT_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "case_model.h"
#include "library.h"
#include "recap.h"
#include "session.h"
#include "strbuf.h"
#include "time_limits.h"

typedef struct text_style {
    bool bold; /* headings in bold (ESC [1m); never colour, never cursor moves */
} text_style;

/* Bold headings only on a terminal (out_is_tty) whose TERM is set and not
 * "dumb", and never when NO_COLOR is set to anything (https://no-color.org
 * says any value, even empty, counts): then the output has no escape at
 * all. no_color and term are the environment's values, NULL when unset. */
text_style text_style_for(bool out_is_tty, const char *no_color, const char *term);

/* A heading line: a blank line, then the text (in bold when st says). */
void text_heading(strbuf *b, const text_style *st, const char *text);

/* Appends text as the trainee should read it: the window's **bold** marks
 * dropped, everything else as written. */
void text_add_plain(strbuf *b, const char *text);

/* The case before it starts: title, summary, the patient, the setting,
 * complaint, history, medications, allergies, and how long it takes. */
void text_case_intro(strbuf *b, const text_style *st, const case_def *c);

/* A node as it opens: its title, the case clock, the observations
 * (text_observations, or obs as given when not NULL), then the node's text
 * and the words of its image. */
void text_node(strbuf *b, const text_style *st, const case_def *c, const session_view *v,
               const char *obs);

/* NEWS2 and the observations, one a line with their marks in words
 * ("HR: 118 /min, high"). */
void text_observations(strbuf *b, const case_def *c, const session_view *v);

/* Ends what b holds as a sentence: a full stop unless it already ends in
 * one, a question or an exclamation mark. */
void text_end_sentence(strbuf *b);

/* What the session asks now: the options numbered (with "AI recommends"
 * and "your first choice" in words), a rating's scale, the rationale's
 * question, or the feedback. Nothing for a narrative node but its prompt
 * to continue. */
void text_step(strbuf *b, const text_style *st, const case_def *c, const session_view *v);

/* The advice as it appears: who advises, what, how confident, and why. */
void text_advice(strbuf *b, const text_style *st, const case_def *c, const session_view *v);

/* The panels the trainee opens: the advice's reasons (e), the AI tool's
 * model card (m), the results revealed so far (r). */
void text_explanation(strbuf *b, const text_style *st, const session_view *v);
void text_model_card(strbuf *b, const text_style *st, const case_tool *t);
void text_results(strbuf *b, const text_style *st, const session_view *v);

/* The AI tool the advice of the current decision comes from (for the
 * model card), or NULL when it is a person's or there is none. */
const case_tool *text_tool(const case_def *c, const session_view *v);

/* The keys that work at the current step, as one line: "Keys: 1 to 3
 * choose, a asks the AI, ..., q leaves the case, h lists the keys." */
void text_keys(strbuf *b, const case_def *c, const session_view *v);

/* The line that asks for input at the current step, e.g. "Type 1 to 3 and
 * press Enter." */
void text_prompt(strbuf *b, const session_view *v);

/* The ending: the outcome in words with the ending's title and text (from
 * the recap when it has them, else the node), or that the trainee left. */
void text_ending(strbuf *b, const text_style *st, const session_view *v, const recap *r);

/* The trainee's own debrief, as the window's debrief screen shows it. */
void text_recap(strbuf *b, const text_style *st, const case_def *c, const recap *r,
                const char *log_path);

/* A timed choice as it opens: "Time limit: 2:00 to confirm a choice." */
void text_time_limit(strbuf *b, int64_t ms_left);

/* What t says at a timed choice: "1:23 left to confirm a choice." */
void text_time_left(strbuf *b, int64_t ms_left);

/* The words for the countdown passing from ms_before to ms_now (time left,
 * in ms): "30 seconds left: confirm soon.", "10 seconds left: confirm
 * now." when it crosses those marks, NULL otherwise. Static text. */
const char *text_timer_mark(int64_t ms_before, int64_t ms_now);

/* How long to wait, from ms_left, until the next mark (30 s, 10 s, then
 * the time running out); 0 when it is due now. */
int64_t text_timer_next(int64_t ms_left);

/* The case library: the cases numbered, each with how long it takes, its
 * place on the teaching path and how this trainee last played it; then the
 * time limits setting and the keys. */
void text_library_list(strbuf *b, const text_style *st, const library *lib, time_limits tl);

#endif
