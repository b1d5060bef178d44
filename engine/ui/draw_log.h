/* draw_log: a record of what the window showed, for end-to-end tests.
 * With APPRAISE_DRAW_LOG=FILE the window appends to FILE, for each frame
 * whose texts differ from the frame last written, a line "--- frame N"
 * and then every text drawn in view, one a line (newlines as spaces,
 * **bold** marks kept). Each frame is flushed as it is written, so that a
 * test can wait on it. No SDL. */
#ifndef DRAW_LOG_H
#define DRAW_LOG_H

typedef struct draw_log draw_log;

/* Opens path for appending; NULL when it cannot be opened (the window then
 * runs without it: a test knob must never stop a trainee). */
draw_log *draw_log_open(const char *path);
/* A text drawn in this frame. */
void draw_log_text(draw_log *l, const char *text);
/* Ends the frame: writes its texts when they differ from the last written. */
void draw_log_frame_end(draw_log *l);
void draw_log_close(draw_log *l);

#endif
