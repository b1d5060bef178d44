/* speech: announcements through speech-dispatcher, or to a file for tests
 * (speech.h). */
#include "speech.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#ifdef APPRAISE_HAVE_SPEECHD
#include <libspeechd.h>
#endif

struct speech {
    speech_backend b;
    bool available;
    char why[300];
};

/* ---- the file of APPRAISE_SPEECH_LOG ------------------------------------------- */

static int log_say(void *ctx, const char *text)
{
    FILE *f = ctx;
    if (!text[0])
        return 0;
    return fprintf(f, "%s\n", text) < 0 || fflush(f) != 0 ? -1 : 0;
}

static int log_cancel(void *ctx)
{
    (void)ctx;
    return 0;
}

static void log_close(void *ctx)
{
    fclose(ctx);
}

/* ---- speech-dispatcher ------------------------------------------------------------- */

#ifdef APPRAISE_HAVE_SPEECHD
static int spd_backend_say(void *ctx, const char *text)
{
    if (!text[0])
        return 0;
    return spd_say(ctx, SPD_TEXT, text) < 0 ? -1 : 0;
}

static int spd_backend_cancel(void *ctx)
{
    return spd_cancel(ctx) == 0 ? 0 : -1;
}

static void spd_backend_close(void *ctx)
{
    spd_close(ctx);
}

/* A connection in threaded mode (replies are read by libspeechd's own
 * thread, so a say never waits on the synthesiser); the daemon is started
 * when it is not running. NULL with why filled when it cannot be had. */
static SPDConnection *spd_connect(char *why, size_t size)
{
    char *err = NULL;
    SPDConnection *c = spd_open2("appraise", "window", NULL, SPD_MODE_THREADED, NULL, 1, &err);
    if (!c)
        snprintf(why, size,
                 "Speech is unavailable: speech-dispatcher could not be reached (%s). Install "
                 "speech-dispatcher to hear the window.",
                 err ? err : "no reason given");
    free(err); /* libspeechd allocates it with malloc */
    return c;
}
#endif

static speech *unavailable(const char *why)
{
    speech *s = mem_calloc(1, sizeof *s);
    if (s)
        snprintf(s->why, sizeof s->why, "%s", why);
    return s;
}

speech *speech_open(void)
{
    const char *path = getenv("APPRAISE_SPEECH_LOG");
    if (path && path[0]) {
        FILE *f = fopen(path, "a");
        if (!f) {
            char why[300];
            snprintf(why, sizeof why, "Speech is unavailable: cannot write %s: %s", path,
                     strerror(errno));
            return unavailable(why);
        }
        return speech_open_backend(&(speech_backend){f, log_say, log_cancel, log_close});
    }
#ifdef APPRAISE_HAVE_SPEECHD
    char why[300];
    SPDConnection *c = spd_connect(why, sizeof why);
    if (!c)
        return unavailable(why);
    return speech_open_backend(
        &(speech_backend){c, spd_backend_say, spd_backend_cancel, spd_backend_close});
#else
    return unavailable("Speech is unavailable: this build of Appraise has no speech-dispatcher.");
#endif
}

speech *speech_open_backend(const speech_backend *b)
{
    speech *s = mem_calloc(1, sizeof *s);
    if (!s) {
        if (b->close)
            b->close(b->ctx);
        return NULL;
    }
    s->b = *b;
    s->available = true;
    return s;
}

void speech_close(speech *s)
{
    if (!s)
        return;
    if (s->available && s->b.close)
        s->b.close(s->b.ctx);
    mem_free(s);
}

bool speech_available(const speech *s)
{
    return s && s->available;
}

const char *speech_why(const speech *s)
{
    if (!s)
        return "Speech is unavailable: out of memory.";
    return s->available ? "" : s->why;
}

/* The engine stopped answering: it is closed, and speech is unavailable. */
static void broken(speech *s)
{
    if (s->b.close)
        s->b.close(s->b.ctx);
    s->available = false;
    snprintf(s->why, sizeof s->why, "Speech is unavailable: the speech engine stopped answering.");
}

bool speech_say(speech *s, const char *text)
{
    if (!speech_available(s))
        return false;
    if (s->b.cancel(s->b.ctx) != 0 || s->b.say(s->b.ctx, text ? text : "") != 0) {
        broken(s);
        return false;
    }
    return true;
}

void speech_stop(speech *s)
{
    if (speech_available(s) && s->b.cancel(s->b.ctx) != 0)
        broken(s);
}
