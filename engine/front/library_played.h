/* library_played: which library cases a trainee has played, and how the
 * last session of each went, read from the session logs in the log folder
 * (log_reader.h); and the next case on the teaching path for them. No SDL. */
#ifndef LIBRARY_PLAYED_H
#define LIBRARY_PLAYED_H

#include "library.h"

/* Marks each entry of lib with how trainee's last session of it went (the
 * logs under log_dir whose session_start names this trainee and the case's
 * id; practice sessions, log_session_is_practice, are not the trainee's
 * play), then finds the next case. Logs that cannot be read are passed over:
 * the marks are a help, never a reason not to play. A NULL or empty
 * trainee or log_dir marks nothing played. */
void library_mark_played(library *lib, const char *log_dir, const char *trainee);

/* lib->next: the first case on the teaching path that can be played and
 * that the trainee has not yet played to an ending; -1 when none. */
void library_find_next(library *lib);

/* "good outcome", "neutral outcome", "harm", "left before the end", or
 * NULL for a case not played. */
const char *library_played_name(library_played p);

#endif
