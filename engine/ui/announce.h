/* announce: the words the window speaks when it voices itself, as pure
 * functions of the app's state (its screen, its session's view, its focus)
 * with no SDL and no audio, so that what is spoken is tested as text. Each
 * text is plain: no layout marks (the **bold** of the cases and screens is
 * dropped), and the window's symbols become words or go (a high value's
 * arrow is "high", a tick, a cross or a diamond says nothing more than the
 * words beside it). Advice whose source is not "AI" is "advised", never
 * "the AI", as on the screen.
 *
 * Every function returns a block from mem_malloc (free it with mem_free),
 * NULL only when out of memory; "" when there is nothing to say. */
#ifndef ANNOUNCE_H
#define ANNOUNCE_H

#include <stdint.h>

#include "app.h"

/* The screen as it opens: on a case, the patient line, the node's title
 * and text, then what the step asks (the question and how many options;
 * a rating's name, scale and question, "Confidence, 1 to 7: How confident
 * are you in this choice?"; the rationale's prompt; the feedback's verdict,
 * the engine's words and the case's). Elsewhere the library and its cases,
 * the start screen, the ending (outcome, title, text), the debrief's first
 * line, the error. Over any of them, the dialog that asks before leaving
 * ("Leave this case? ... Enter stays, L leaves.") or the image shown full
 * size ("Image 1 of 2. <its description>"). */
char *announce_screen(const app *a);

/* The whole screen as plain text, for the clipboard (Ctrl+Shift+C): what
 * announce_screen says, then on a choice each option on a line of its own
 * (as announce_focus says it), the advice card, the observations (a line
 * each, flagged high or low as on the screen), and the notice at the foot; on the library each
 * case's title on a line. Paragraphs are separated by a blank line. */
char *announce_copy(const app *a);

/* The control a->focus names: "Option 2 of 3: Repeat observations in an
 * hour. AI recommends." (or "Advised." for a person's advice, "Your first
 * choice." and "Selected." as they apply), a rating's value "Confidence: 5
 * of 7", a case of the library by its title, a button by its label (without
 * its key), the text field with what it holds. "" when nothing is focused. */
char *announce_focus(const app *a);

/* The advice card once it shows: "The AI, WardTriage, recommends: Repeat
 * observations in an hour. 71 percent confident. <message>" ("The advice
 * recommends" for a person's advice); "" when no advice shows. */
char *announce_advice(const app *a);

/* A panel of the case screen as it opens: CMD_EXPLANATION the advice's
 * reasons ("Why the tool says this: Heart rate 124, raises 0.40."; a
 * colleague's "Their reasons: ..."), CMD_MODEL_CARD the tool's model card
 * (name, kind, intended use, performance, training data, limitations),
 * CMD_RESULTS the results revealed ("Results, 1. D-dimer: 2.1 mg/L, high.").
 * "" off the case screen or when there is no such panel. */
char *announce_panel(const app *a, ui_cmd_kind which);

/* What the time limit says as it passes from ms_before to ms_now left
 * (app_time_left's values): "30 seconds left" on crossing 30 s, "10 seconds
 * left" on crossing 10 s, "Time ran out: you had not confirmed a choice" on
 * reaching 0; NULL when it crosses no mark (or no limit runs, -1). Static
 * text: not to be freed. */
const char *announce_timer(int64_t ms_before, int64_t ms_now);

#endif
