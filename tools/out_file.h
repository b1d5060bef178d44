/* out_file: a file the tools write for the user (debrief --json, --csv,
 * --html, --xapi, --trainee --html; graph --html), written whole or not at
 * all. It is written beside PATH under a temporary name and renamed over
 * PATH only once every byte is out, so that a full disk, running out of
 * memory or any failure midway leaves what PATH held before as it was.
 * "-" is standard output, written as it goes. */
#ifndef OUT_FILE_H
#define OUT_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "apperr.h"

typedef struct out_file {
    FILE *f; /* write here */
    const char *path;
    char *tmp; /* the temporary file, NULL for standard output */
} out_file;

/* 0, or -1 with e (APPERR_ENV naming PATH: "cannot write: …"). */
int out_open(out_file *o, const char *path, apperr *e);

/* Ends the file: into place when ok (the caller wrote all of it) and every
 * write reached the disk, else the temporary file is removed. Returns 0,
 * or -1: e is set when the writing failed here (when ok is false the
 * caller has set it). */
int out_close(out_file *o, bool ok, apperr *e);

#endif
