/* replay_verify: `appraise replay LOG --verify`, with no window: replays the
 * actions the log records against its case into a temporary log and
 * compares the two record by record (replay_compare in core's replay.h). */
#ifndef REPLAY_VERIFY_H
#define REPLAY_VERIFY_H

/* Verifies log_path against case_path, or against the case_file its
 * session_start names when case_path is NULL. Prints "identical: ..." and
 * returns 0, or names the first record that differs and returns 1 (also
 * when the log or the case cannot be read); 3 when the temporary log
 * cannot be written. */
int replay_verify(const char *log_path, const char *case_path);

#endif
