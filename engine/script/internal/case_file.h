/* case_file: reading a case's Lua source from disk. A case file, and every
 * file it includes, is a regular file of at most CASE_FILE_MAX bytes
 * (scenario-format.md "Limits"): anything else is refused before it is read,
 * so a huge or endless file costs neither memory nor time. */
#ifndef CASE_FILE_H
#define CASE_FILE_H

#include <stddef.h>

#include "apperr.h"

#define CASE_FILE_MAX ((size_t)16 * 1024 * 1024)

/* Reads the case file at path whole: a NUL-terminated copy (mem_free it) of its
 * bytes, their count in *len. NULL with e filled (APPERR_INPUT, FILE) when it
 * cannot be opened, is not a regular file, or is larger than CASE_FILE_MAX. */
char *case_file_read(const char *path, size_t *len, apperr *e);

/* Reads the open file fd to its end into a NUL-terminated buffer (mem.h)
 * of at most CASE_FILE_MAX + 1 bytes (hint: its size when opened). *len is
 * the count read; more than CASE_FILE_MAX means the file grew past the limit
 * while it was read. NULL when out of memory; *err is the errno of a failed
 * read, else 0. Shared by the case file and include(). */
char *case_file_read_fd(int fd, size_t hint, size_t *len, int *err);

#endif
