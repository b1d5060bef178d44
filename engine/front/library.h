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

/* A case as the trainee last played it, from their session logs. */
typedef enum library_played {
    PLAYED_NOT,     /* no session of it in the log folder */
    PLAYED_GOOD,    /* ended with an ending of outcome good */
    PLAYED_NEUTRAL, /* ... neutral */
    PLAYED_HARM,    /* ... harm */
    PLAYED_LEFT,    /* left before an ending (quit, error, cut short) */
} library_played;

typedef struct library_entry {
    char *path;
    char *id;      /* NULL when the case failed to load */
    char *title;   /* the file name when it failed */
    char *summary; /* "" when none */
    double minutes;
    char *tags;            /* joined with ", " */
    char *error;           /* NULL, or why the case cannot be played */
    int path_step;         /* 1.. its place in the teaching path, 0 when not on it */
    char *path_variant;    /* the variant the teaching path plays, NULL for none */
    char *variants;        /* the case's variants, each followed by '\n' ("" for none) */
    library_played played; /* how this trainee's last session of it went (library_played.h) */
} library_entry;

typedef struct library {
    library_entry *items; /* the teaching path in order, then by title, then path */
    size_t n, cap;
    int path_len; /* cases on the teaching path that are in the library */
    int next;     /* the next case on the teaching path for the trainee, -1 none */
} library;

/* Lists the cases under dir (two folder levels down at most). -1 with
 * APPERR_ENV when dir cannot be read or memory runs out. */
int library_scan(library *lib, const char *dir, apperr *e);
void library_free(library *lib);

#endif
