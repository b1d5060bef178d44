/* screen_parts: what the window's screens share, private to engine/ui/:
 * the marks drawn beside text, small helpers over the session's view
 * (screens.c), and each screen's body. A body takes a column (x, w) and a
 * top y, draws (or measures, see draw.h), and returns the y below it. */
#ifndef SCREEN_PARTS_H
#define SCREEN_PARTS_H

#include <stdbool.h>

#include "app.h"
#include "draw.h"
#include "session.h"
#include "view.h" /* screen_decision, screen_advice, screen_by_person, ... */

#define UP "\xe2\x96\xb2"        /* ▲ */
#define DOWN "\xe2\x96\xbc"      /* ▼ */
#define DIAMOND "\xe2\x97\x86"   /* ◆ */
#define CHECK "\xe2\x9c\x93"     /* ✓ */
#define CROSS "\xe2\x9c\x97"     /* ✗ */
#define DOT "\xc2\xb7"           /* · */
#define WARN_SIGN "\xe2\x9a\xa0" /* ⚠ */
#define DASH "\xe2\x80\x93"      /* – */
#define CIRCLE "\xe2\x97\x8b"    /* ○: a neutral outcome */

/* ---- helpers (screens.c) ---- */

/* text in bold; the height drawn. */
int screen_bold(ui_ctx *c, int x, int y, int w, int px, ui_rgba col, const char *text);
/* The tool behind the current advice, else the case's first, or NULL. */
const case_tool *screen_tool(const app *a, const session_view *v);
/* A case is shown and still being played. */
bool screen_playing(const app *a);

/* ---- the screens (a->screen) ---- */

int screen_library(ui_ctx *c, app *a, int x, int y, int w); /* screen_library.c */
int screen_trainee(ui_ctx *c, app *a, int x, int y, int w); /* screen_library.c */
int screen_start(ui_ctx *c, app *a, int x, int y, int w);   /* screen_start.c */
int screen_case(ui_ctx *c, app *a, int x, int y, int w);    /* screen_case.c */
int screen_ending(ui_ctx *c, app *a, int x, int y, int w);  /* screen_ending.c */
int screen_debrief(ui_ctx *c, app *a, int x, int y, int w); /* screen_debrief.c */
int screen_error(ui_ctx *c, app *a, int x, int y, int w);   /* screen_error.c */
/* The outcome's heading, "✓ Outcome: good", and the ending's title, text
 * and summary (screen_ending.c, also in the debrief); the height drawn. */
int screen_outcome(ui_ctx *c, case_outcome o, int x, int y, int w);
int screen_ending_words(ui_ctx *c, const char *title, const char *text, const char *summary, int x,
                        int y, int w);
/* Over the frame, when a->confirm_leave (screen_leave.c). */
void screen_leave(ui_ctx *c, app *a);

/* ---- the parts of the case screen ---- */

/* Observations, results, the model card (screen_side.c). */
int screen_side_column(ui_ctx *c, app *a, const session_view *v, int x, int y, int w);
/* The AI's advice and its reasons (screen_advice.c). */
int screen_advice_card(ui_ctx *c, app *a, const session_view *v, int x, int y, int w);
/* The countdown of a timed choice with its bar, or nothing (screen_timer.c). */
int screen_countdown(ui_ctx *c, app *a, const session_view *v, int x, int y, int w);
/* The options to choose from (screen_choice.c). */
int screen_choice(ui_ctx *c, app *a, const session_view *v, int x, int y, int w);
/* Confidence or trust, 1 to 7; the rationale (screen_rating.c). */
int screen_rating(ui_ctx *c, app *a, const session_view *v, int x, int y, int w);
int screen_rationale(ui_ctx *c, app *a, const session_view *v, int x, int y, int w);
/* The feedback after a decision: the engine's part, then the case's
 * (screen_feedback.c). */
int screen_feedback(ui_ctx *c, app *a, const session_view *v, int x, int y, int w);
/* An image of the case (a node's, a result's) scaled to fit the column, its
 * alt text below; the height (screen_image.c). */
int screen_image(ui_ctx *c, const app *a, const case_image *im, int x, int y, int w);
/* Over the frame while an image is open full size (screen_image.c). */
void screen_image_view(ui_ctx *c, app *a);

#endif
