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

#include <stdbool.h>
#include <stddef.h>

typedef struct srcmap srcmap;

/* Brackets ({ ( [) and blocks (if, do, repeat; a function counts as two, as
 * Lua counts it) may nest this deep. Lua's own parser gives up near 200
 * levels, with a message that names no line; the loader refuses deeper files
 * first, with the line. */
#define SRCMAP_NEST_MAX 100

/* At most this many keys, holding at most this many bytes of paths, are
 * mapped; keys past either limit are left unmapped (a bundled case maps a
 * few thousand; a chain of 100,000 nodes about 300,000). The map costs a bounded amount of memory
 * whatever the file: it holds no copy of the text or of its tokens. Keys inside a table that is the
 * value of an x_ key are not mapped: the engine never reads them. */
#define SRCMAP_MAX_KEYS ((size_t)1 << 20)
#define SRCMAP_MAX_PATH_BYTES ((size_t)32 << 20)

/* Scans Lua source text in one pass. Returns a map (possibly empty), NULL
 * when out of memory. */
srcmap *srcmap_build(const char *text, size_t len);

/* The line where brackets and blocks first nest deeper than
 * SRCMAP_NEST_MAX, anywhere in the text; 0 when they never do. */
int srcmap_too_deep(const srcmap *m);

/* A key written twice in one table of the case { … } (Lua keeps the last
 * value and says nothing): the path of the first such repetition in the
 * text, and the lines of its two places; false when there is none. */
bool srcmap_twice(const srcmap *m, const char **path, int *first, int *second);

/* The number of keys mapped. */
size_t srcmap_count(const srcmap *m);

/* The line of path, else of its nearest mapped ancestor; 0 when none. */
int srcmap_line(const srcmap *m, const char *path);

/* The line of path itself; 0 when it is not mapped. */
int srcmap_line_exact(const srcmap *m, const char *path);

void srcmap_free(srcmap *m);

#endif
