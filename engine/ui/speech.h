/* speech: the window's voice. Announcements go to speech-dispatcher
 * (libspeechd), so the voice, rate and language the user chose for their
 * desktop apply: this module sets none of them. Each announcement cancels
 * the one before, so a new one interrupts the old.
 *
 * A backend is a seam: the tests give their own, and APPRAISE_SPEECH_LOG=FILE
 * makes the window append each announcement to FILE as a line instead of
 * speaking it (a window test reads them, with no audio). No SDL here, and
 * this is the only file that includes libspeechd; built without it (when
 * pkg-config finds no speech-dispatcher) speech is unavailable. */
#ifndef SPEECH_H
#define SPEECH_H

#include <stdbool.h>

/* What speaks: say() speaks one announcement, cancel() stops what is being
 * said (and what waits to be), close() ends the backend. say and cancel
 * return 0, or -1 when the engine failed. */
typedef struct speech_backend {
    void *ctx;
    int (*say)(void *ctx, const char *text);
    int (*cancel)(void *ctx);
    void (*close)(void *ctx);
} speech_backend;

typedef struct speech speech;

/* Opens the window's voice: the file of APPRAISE_SPEECH_LOG when that is
 * set and not empty, else speech-dispatcher (started on demand as its
 * client library does). Never NULL but out of memory; when nothing can
 * speak the speech is unavailable (speech_available) and says why. */
speech *speech_open(void);
/* A speech on b (the speech owns it from here: b->close is called by
 * speech_close). NULL when out of memory, b then closed. */
speech *speech_open_backend(const speech_backend *b);
void speech_close(speech *s);

bool speech_available(const speech *s);
/* Why speech is unavailable, in words for the trainee; "" when it is. */
const char *speech_why(const speech *s);

/* Cancels what is being said and says text (plain words; "" says nothing
 * and only cancels). false when speech is unavailable or the engine
 * failed; the speech is then unavailable from here on. */
bool speech_say(speech *s, const char *text);
/* Stops what is being said. */
void speech_stop(speech *s);

#endif
