/* library: the cases in a folder, for the library screen. Each .lua file
 * (folders named lib/ hold helpers and are skipped) is loaded and checked;
 * one that fails is still listed, with its error. No SDL. */
#ifndef LIBRARY_H
#define LIBRARY_H

#include <stddef.h>

#include "apperr.h"

typedef struct library_entry {
    char *path;
    char *id;      /* NULL when the case failed to load */
    char *title;   /* the file name when it failed */
    char *summary; /* "" when none */
    double minutes;
    char *tags;  /* joined with ", " */
    char *error; /* NULL, or why the case cannot be played */
} library_entry;

typedef struct library {
    library_entry *items; /* sorted by title, then path */
    size_t n;
} library;

/* Lists the cases under dir (two folder levels down at most). -1 with
 * APPERR_ENV when dir cannot be read. */
int library_scan(library *lib, const char *dir, apperr *e);
void library_free(library *lib);

#endif
