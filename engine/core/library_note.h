/* library_note: a case library's own settings, read from the file
 * `library.txt` in the folder of its cases (scenario-format.md "The
 * library's settings"). Today one thing: whether the cases are enriched
 * for the AI's errors, and the note that says so to the trainee after a
 * case. Lines are `key: value`; `#` starts a comment. No Lua, no SDL. */
#ifndef LIBRARY_NOTE_H
#define LIBRARY_NOTE_H

#include "apperr.h"

#define LIBRARY_NOTE_FILE "library.txt"
/* The longest line library.txt may hold, in bytes. */
#define LIBRARY_NOTE_LINE_MAX 2000

typedef enum library_ai_errors {
    LIBRARY_AI_ERRORS_UNSAID,  /* no library.txt, or it does not say */
    LIBRARY_AI_ERRORS_TYPICAL, /* as often as real tools are wrong */
    LIBRARY_AI_ERRORS_ENRICHED /* more often than real tools: the debrief says so */
} library_ai_errors;

typedef struct library_note {
    library_ai_errors ai_errors;
    char *note; /* `ai_errors_note`, or NULL (then the engine's own words) */
} library_note;

/* What library_note_read returns when memory runs out (e is filled too). */
#define LIBRARY_NOTE_OOM (-2)

/* Reads library.txt beside the case file case_file (in its folder). 0 with
 * everything unsaid when there is none; -1 with e filled (FILE:LINE, kind
 * APPERR_INPUT; APPERR_ENV when it cannot be read) when a line is wrong;
 * LIBRARY_NOTE_OOM (e filled, APPERR_ENV) when memory runs out. n is always
 * left freeable. */
int library_note_read(library_note *n, const char *case_file, apperr *e);
void library_note_free(library_note *n);

/* What the debrief says about the AI's errors: the library's note, or the
 * engine's default sentence when the cases are enriched; NULL when there is
 * nothing to say. Points into n or is static. */
const char *library_note_text(const library_note *n);

#endif
