/* case_file: reading a case's Lua source from disk. A case file, and every
 * file it includes, is a regular file of at most CASE_FILE_MAX bytes
 * (scenario-format.md "Limits"): anything else is refused before it is read,
 * so a huge or endless file costs neither memory nor time. */
#ifndef CASE_FILE_H
#define CASE_FILE_H

#include <stddef.h>

#include "apperr.h"

#define CASE_FILE_MAX ((size_t)16 * 1024 * 1024)

/* Reads the case file at path whole: a malloc'd, NUL-terminated copy of its
 * bytes, their count in *len. NULL with e filled (APPERR_INPUT, FILE) when it
 * cannot be opened, is not a regular file, or is larger than CASE_FILE_MAX. */
char *case_file_read(const char *path, size_t *len, apperr *e);

/* Checks an open file without reading it: 0 when it is a regular file of at
 * most CASE_FILE_MAX bytes; else -1 with e filled, naming path and, as the
 * kind of file, what ("case file", "included file"). For include(). */
int case_file_check_fd(int fd, const char *path, const char *what, apperr *e);

#endif
