/* voicing: when the window speaks, and what. After each change the window
 * hands it the app; it compares what it sees with what it saw last and
 * says what changed, in one announcement (each interrupts the one before):
 * a time mark crossed (announce_timer), then a new screen, node, step or
 * dialog (announce_screen and the focus on it), else the advice card as it
 * appears, else a panel opened (announce_panel) or closed, else the focused
 * control (a rating's value as it changes), then
 * a new notice at the foot. The words come from announce.h; the voice from
 * speech.h. No SDL: the tests drive it with an app and a recording voice.
 *
 * The connection to the speech engine is made only when voicing is first
 * turned on, so a trainee who never turns it on never starts the engine. */
#ifndef VOICING_H
#define VOICING_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "speech.h"

typedef struct voicing {
    speech *(*open)(void); /* opens the voice: speech_open, or a test's */
    speech *sp;            /* NULL until first turned on */
    bool on;
    bool told;  /* the trainee has been told that speech is unavailable */
    char *last; /* the last announcement (mem_malloc), for voicing_repeat */
    bool seen;  /* the fields below hold what was last seen */
    ui_screen screen;
    char node[128];
    session_step step;
    bool advice_shown, confirm_leave;
    bool panels[3]; /* the explanation, the model card, the results open */
    int image_view;
    ui_cmd focus;
    int64_t left; /* the time left last seen, -1 none */
    char notice[1200];
    char preview_bar[1400]; /* play --watch: the bar last seen */
} voicing;

/* Voicing off, with no voice yet; open makes the voice (NULL: speech_open). */
void voicing_init(voicing *v, speech *(*open)(void));
void voicing_free(voicing *v);

/* At the window's start: voicing on (the voice opened, the first update
 * says the screen as it opens) or off. */
void voicing_start(voicing *v, bool on);
/* Turns voicing on or off. Turning it on opens the voice when needed and
 * says "Self-voicing on." then the whole screen; off says "Self-voicing
 * off." and nothing more. left: app_time_left now. */
void voicing_set(voicing *v, const app *a, bool on, int64_t left);
/* Says what changed in a since the last call (nothing while off, but what
 * is seen is kept, so that turning on later does not replay old news). */
void voicing_update(voicing *v, const app *a, int64_t left);
/* Says the last announcement again (while on). */
void voicing_repeat(voicing *v);
/* Says text as it is (while on): a confirmation such as "Copied." */
void voicing_say(voicing *v, const char *text);

/* Why speech is unavailable, the first time voicing is on and finds it so
 * (for a notice on screen); NULL every other time. */
const char *voicing_take_unavailable(voicing *v);

#endif
