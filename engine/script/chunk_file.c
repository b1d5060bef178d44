#include "chunk_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "case_file.h"
#include "host.h"
#include "slips.h"
#include "mem.h"

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif

static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a folder, not a file";
    if (S_ISFIFO(mode))
        return "is a FIFO (named pipe), not a file";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device, not a file";
    return "is not a regular file";
}

int chunk_file_open(const char *path, bool nofollow, char *why, size_t why_size)
{
    struct stat st;
    /* Refuse what is plainly not a file before opening it at all (opening
     * some devices does something); the check on the descriptor below is
     * the one that counts. */
    if ((nofollow ? lstat(path, &st) : stat(path, &st)) != 0) {
        snprintf(why, why_size, "%s", strerror(errno));
        return -1;
    }
    if (nofollow && S_ISLNK(st.st_mode)) {
        snprintf(why, why_size, "is a symbolic link");
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, why_size, "%s", kind_of(st.st_mode));
        return -1;
    }
    /* O_NONBLOCK: should a FIFO be put in its place meanwhile, the open
     * returns at once instead of waiting for a writer. */
    int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (nofollow ? O_NOFOLLOW : 0);
    int fd = open(path, flags);
    if (fd < 0) {
        snprintf(why, why_size, "%s", errno == ELOOP ? "is a symbolic link" : strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, why_size, "%s", kind_of(st.st_mode));
        close(fd);
        return -1;
    }
    /* The case file's limit holds for every file a case reads (case_file.h). */
    if ((unsigned long long)st.st_size > CASE_FILE_MAX) {
        snprintf(why, why_size, "is %.1f MiB, more than the %zu MiB a case file may be",
                 (double)st.st_size / (1024.0 * 1024.0), CASE_FILE_MAX / (1024 * 1024));
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl != -1)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

/* ---- loading ------------------------------------------------------------- */

/* Lua's syntax error on top of the stack, about the len bytes at text:
 * replaced by the slip an author can act on when one fits (slips.h). */
static void explain_slip(lua_State *L, const char *text, size_t len, const char *display)
{
    apperr lua_err;
    char msg[600];
    int line = 0;
    host_error_from_text(&lua_err, lua_tostring(L, -1), display);
    if (!slips_explain(text, len, lua_err.line, lua_err.msg, &line, msg, sizeof msg))
        return;
    lua_pop(L, 1);
    lua_pushfstring(L, "%s:%d: %s", display, line, msg);
}

int chunk_buffer_load(lua_State *L, const char *text, size_t len, const char *display)
{
    const char *p = text;
    /* As luaL_loadfilex: a UTF-8 byte-order mark and a first line starting
     * with # are skipped (its newline kept, so line numbers stay right). */
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        len -= 3;
    }
    if (len > 0 && p[0] == '#') {
        const char *nl = memchr(p, '\n', len);
        len = nl ? len - (size_t)(nl - p) : 0;
        p = nl ? nl : p;
    }
    if (len > 0 && p[0] == LUA_SIGNATURE[0]) {
        lua_pushfstring(L, "%s is a precompiled (binary) chunk: only Lua source is accepted",
                        display);
        return LUA_ERRSYNTAX;
    }
    char chunkname[600];
    snprintf(chunkname, sizeof chunkname, "@%s", display);
    int status = luaL_loadbufferx(L, p, len, chunkname, "t");
    if (status == LUA_ERRSYNTAX && lua_type(L, -1) == LUA_TSTRING)
        explain_slip(L, p, len, display);
    return status;
}

int chunk_file_load(lua_State *L, const char *path, const char *display, bool nofollow)
{
    char why[200];
    int fd = chunk_file_open(path, nofollow, why, sizeof why);
    if (fd < 0) {
        lua_pushfstring(L, "cannot open %s: it %s", display, why);
        return LUA_ERRFILE;
    }
    struct stat st;
    size_t hint = fstat(fd, &st) == 0 ? (size_t)st.st_size : 0, len = 0;
    int err = 0;
    char *text = case_file_read_fd(fd, hint, &len, &err);
    close(fd);
    if (!text || err || len > CASE_FILE_MAX) {
        mem_free(text);
        if (!text && !err)
            lua_pushliteral(L, "out of memory");
        else if (err)
            lua_pushfstring(L, "cannot read %s: %s", display, strerror(err));
        else
            lua_pushfstring(L, "%s grew past the %d MiB a case file may be while it was read",
                            display, (int)(CASE_FILE_MAX / (1024 * 1024)));
        return LUA_ERRFILE;
    }
    int status = chunk_buffer_load(L, text, len, display);
    mem_free(text);
    return status;
}
