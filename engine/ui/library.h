/* library: the cases in a folder, for the library screen. Each .lua file
 * (folders named lib/ hold helpers and examples/ the authoring guide's
 * recipes: both are skipped) is loaded and checked; one that fails is still
 * listed, with its error. The folder's teaching-path.txt (a case id a line,
 * optionally followed by the variant to play; # comments) puts those cases
 * first, in its order. No SDL. */
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
    int path_step; /* 1.. its place in the teaching path, 0 when not on it */
    char *path_variant; /* the variant the teaching path plays, NULL for none */
    char *variants;     /* the case's variants, each followed by '\n' ("" for none) */
} library_entry;

typedef struct library {
    library_entry *items; /* the teaching path in order, then by title, then path */
    size_t n, cap;
    int path_len; /* cases on the teaching path that are in the library */
} library;

/* Lists the cases under dir (two folder levels down at most). -1 with
 * APPERR_ENV when dir cannot be read or memory runs out. */
int library_scan(library *lib, const char *dir, apperr *e);
void library_free(library *lib);

#endif
