/* app: the window's state and what each command does, with no SDL. The
 * front end turns keys and clicks into ui_cmd values; app_command turns them
 * into session actions (the only way anything reaches the log) or moves
 * between screens. Time comes in as `now`, monotonic milliseconds. */
#ifndef APP_H
#define APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apperr.h"
#include "case_model.h"
#include "library.h"
#include "log_writer.h"
#include "recap.h"
#include "replay.h"
#include "session.h"
#include "time_limits.h"

typedef enum ui_screen {
    SCR_LIBRARY, /* trainee id and the cases */
    SCR_TRAINEE, /* `play` without --trainee: who is playing */
    SCR_START,   /* patient, setting, objectives */
    SCR_CASE,    /* the case itself, step by step */
    SCR_ENDING,  /* the ending (or "you left") */
    SCR_DEBRIEF, /* the trainee's own debrief */
    SCR_ERROR    /* the case failed in play, or the log could not be written */
} ui_screen;

typedef enum ui_cmd_kind {
    CMD_NONE,
    CMD_PICK,   /* arg: option index (0-based), or rating 1-7 */
    CMD_COMMIT, /* the picked option or rating, the typed text; continue */
    CMD_ASK,
    CMD_EXPLANATION, /* open/close the panels */
    CMD_MODEL_CARD,
    CMD_RESULTS,
    CMD_ESCAPE, /* Esc: asks before leaving a case; closes a dialog */
    CMD_LEAVE,  /* leaving confirmed: quit is logged */
    CMD_STAY,
    CMD_OPEN_CASE,  /* arg: library index */
    CMD_FIELD,      /* the text field (trainee id, rationale) */
    CMD_DONE,       /* leave the debrief or error screen */
    CMD_CLOSE,      /* the window is being closed */
    CMD_IMAGE,      /* open an image full size (app_image.h) */
    CMD_TIME_LIMITS /* library: the time limits setting to its next value (T) */
} ui_cmd_kind;

typedef struct ui_cmd {
    ui_cmd_kind kind;
    int arg;
} ui_cmd;

bool ui_cmd_eq(ui_cmd a, ui_cmd b);

typedef struct app_opts {
    const char *library_dir; /* the library, or NULL for `play` */
    case_def *c;             /* `play`: the case, loaded and checked (the app owns it) */
    const char *trainee;     /* NULL: asked for */
    bool have_seed;          /* else a random seed per session, logged */
    unsigned long long seed;
    const char *variant;
    const char *log_dir; /* checked writable before the window opened */
    const char *host_os;
    replay *replay;          /* `replay`: the recording to step through (borrowed) */
    time_limits time_limits; /* the setting the first session starts with */
    bool speak;              /* the window voices itself from the start */
    session_from from;       /* --from/--set: where each session starts (session.h) */
    bool watch;              /* --watch: sessions are previews; the case reloads on save */
} app_opts;

typedef struct app_preview app_preview; /* play --watch (app_preview.h) */

/* The rationale field holds the longest rationale the log keeps, in bytes. */
#define APP_TEXT_MAX (SESSION_RATIONALE_MAX * 4 + 1)

typedef struct app {
    app_opts o;
    ui_screen screen;
    bool running;
    int exit_code;
    library lib;
    time_limits time_limits;  /* the setting for the next session (the library screen changes it) */
    const char *path_variant; /* the teaching path's variant of the case opened (in lib) */
    char trainee[128];
    case_def *c;
    log_writer *log;
    session *s;
    char session_id[37];
    char log_path[4096];
    int64_t t0; /* `now` at the session start */
    int64_t t;  /* the session time last given */
    /* what the trainee is doing at this step */
    char seen_node[128]; /* the node and step the picks below belong to */
    session_step seen_step;
    unsigned long long seed;
    int picked; /* option index, or rating; -1 none */
    char text[APP_TEXT_MAX];
    bool explanation, model_card, results, confirm_leave;
    int image_view; /* 1 + the index of the image shown full size (app_image.h), 0 none */
    ui_cmd focus;   /* CMD_NONE: nothing focused */
    ui_cmd focus_before_leave; /* restored when the leave dialog closes */
    int opened;                /* the library index of the case opened, -1 none */
    char notice[1200];
    char error[2048];
    bool log_kept;
    recap rc;
    bool have_recap;
    app_preview *preview;   /* play --watch, else NULL */
    char preview_bar[1400]; /* the preview's bar: why the last save did not load or replay
                             * to the end; "" when there is nothing to say */
} app;

/* Starts on the library (o->library_dir) or on the case of o->c (the
 * trainee screen first when o->trainee is NULL). */
int app_init(app *a, const app_opts *o, apperr *e);
void app_free(app *a);

/* Runs one command at monotonic time now; true when the screen changed. */
bool app_command(app *a, ui_cmd cmd, int64_t now);
/* Time passes: a due time limit fires. true when the screen changed. */
bool app_tick(app *a, int64_t now);

/* Milliseconds left on the current time limit, -1 when none runs. */
int64_t app_time_left(const app *a, int64_t now);
/* The text field typing goes into now (rationale, trainee id), or NULL. */
char *app_text_field(app *a, size_t *cap);
/* Types text into that field: whole characters, no more than
 * SESSION_RATIONALE_MAX in all (what fits of text). false when nothing was
 * added (no field, or it is full). */
bool app_type(app *a, const char *text);
/* The command a digit key 1-9 means now: an option (index d-1) at a choice,
 * a rating (d) at a rating step; CMD_NONE elsewhere. */
ui_cmd app_digit(const app *a, int d);
/* The current view of the session (valid while a->s is open). */
session_view app_view(const app *a);

/* The options of a session of this app, logged in log as session_id. */
session_opts app_session_opts(const app *a, const char *session_id, log_writer *log);
/* A new version of the case replaces the one played (app_preview.c): the
 * session still playing is left (quit, at now) and closed with its log and
 * the case; c and, when a session was open, s with its log take their
 * places (the app owns them), s's clock going on from its time t, and the
 * window follows s to its step. */
void app_replace_case(app *a, case_def *c, session *s, log_writer *log,
                      const char session_id[37], int64_t t, int64_t now);

#endif
