/* launch: what every front end (run, play, replay) does around a session
 * and the core must not: read the wall clock, make a session id, name the
 * host, pick a random seed, and make sure the log folder can be written
 * before play starts. No SDL. */
#ifndef LAUNCH_H
#define LAUNCH_H

#include <stddef.h>
#include <stdint.h>

#include "apperr.h"
#include "log_writer.h"

/* Wall time, ms since the Unix epoch (a log_wall_clock). */
int64_t launch_wall_ms(void *ctx);

/* --seed N: a whole number 0..2^64-1, digits only; 0, or -1 when it is not. */
int launch_parse_seed(const char *text, unsigned long long *out);

/* A seed from the system's random source, for play without --seed. */
unsigned long long launch_random_seed(void);

/* "Linux 6.1.0 x86_64", or "unknown". */
void launch_host_os(char *buf, size_t size);

/* The folder for logs: the folder of the exact file path, else dir, else the
 * default (data_dir_logs: $XDG_DATA_HOME/appraise/logs); made and proved
 * writable now (APPERR_ENV otherwise). The folder is written into buf. The
 * core never picks a folder: every front end comes through here. */
int launch_log_dir(const char *dir, const char *path, char *buf, size_t size, apperr *e);

/* A new session id (UUID v4, written into session_id) and its log file: in
 * dir, or exactly at path (never overwriting), stamped by the wall clock. */
int launch_open_log(log_writer **out, char session_id[37], const char *dir, const char *path,
                    const char *trainee, const char *case_id, apperr *e);

#endif
