/* chunk_file: opening and loading the Lua source files of a case (the case
 * file and what it includes). Only regular files are opened: a FIFO, a
 * device or a folder would block the open or the read, or never end. */
#ifndef CHUNK_FILE_H
#define CHUNK_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

/* Opens path for reading when it is a regular file, without ever blocking;
 * with nofollow, a symbolic link as the last part of path is refused too.
 * Returns a descriptor, or -1 with the reason ("is a FIFO, not a file") in
 * why. */
int chunk_file_open(const char *path, bool nofollow, char *why, size_t why_size);

/* Loads the Lua source at path as a chunk named display (FILE in messages),
 * like luaL_loadfilex in text mode: a UTF-8 byte-order mark and a first line
 * starting with # are skipped, a precompiled chunk is refused. The file is
 * read whole, within the case file's size limit (case_file.h). Pushes the
 * function and returns LUA_OK, or pushes a message and returns an error
 * status (LUA_ERRFILE when the file cannot be opened or read). */
int chunk_file_load(lua_State *L, const char *path, const char *display, bool nofollow);

/* The same for source already in memory (len bytes at text): the case file,
 * read once for its hash, its source map and Lua alike. */
int chunk_buffer_load(lua_State *L, const char *text, size_t len, const char *display);

#endif
