/* srcmap: where each key of a case's tables was written.
 *
 * Lua keeps no lines for table fields, yet authors need "FILE:LINE" for a
 * misspelt key deep in a node. srcmap reads the source text of the file that
 * calls case{ … } and, for tables written literally inside that call, maps
 * key paths ("nodes.arrival.decision.options[2].next") to the line where the
 * key (or positional value) stands. Tables built by code map to nothing and
 * the loader falls back to the key path. */
#ifndef SRCMAP_H
#define SRCMAP_H

#include <stddef.h>

typedef struct srcmap srcmap;

/* Scans Lua source text. Returns a map (possibly empty), NULL when out of memory. */
srcmap *srcmap_build(const char *text, size_t len);

/* The line of path, else of its nearest mapped ancestor; 0 when none. */
int srcmap_line(const srcmap *m, const char *path);

/* The line of path itself; 0 when it is not mapped. */
int srcmap_line_exact(const srcmap *m, const char *path);

void srcmap_free(srcmap *m);

#endif
