#include "chunk_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "case_file.h"

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

typedef struct reader {
    int fd;
    size_t total;      /* bytes read so far */
    int err;           /* errno of a failed read, 0 when none */
    const char *first; /* what is left of the first block, given once */
    size_t first_len;
    char buf[8192];
} reader;

static ssize_t read_some(reader *r, char *buf, size_t size)
{
    ssize_t n;
    do
        n = read(r->fd, buf, size);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        r->err = errno;
    return n;
}

static const char *next_block(lua_State *L, void *ud, size_t *size)
{
    reader *r = ud;
    (void)L;
    if (r->first) {
        const char *p = r->first;
        *size = r->first_len;
        r->first = NULL;
        return p;
    }
    ssize_t n = read_some(r, r->buf, sizeof r->buf);
    if (n > 0 && (r->total += (size_t)n) > CASE_FILE_MAX) {
        r->err = EFBIG; /* the file grew past the limit while it was read */
        n = 0;
    }
    *size = n > 0 ? (size_t)n : 0;
    return n > 0 ? r->buf : NULL;
}

/* Reads the first block and steps over a byte-order mark and a first line
 * starting with # (kept as an empty line so that line numbers stay right),
 * as the stand-alone lua does. Returns the first character that Lua will
 * see, EOF at the end, or -2 when reading failed. */
static int start(reader *r)
{
    ssize_t n = read_some(r, r->buf, sizeof r->buf);
    if (n < 0)
        return -2;
    const char *p = r->buf;
    size_t len = (size_t)n;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        len -= 3;
    }
    if (len > 0 && p[0] == '#') {
        const char *nl;
        while ((nl = memchr(p, '\n', len)) == NULL) {
            if ((n = read_some(r, r->buf, sizeof r->buf)) <= 0)
                return n < 0 ? -2 : EOF;
            p = r->buf;
            len = (size_t)n;
        }
        len -= (size_t)(nl - p);
        p = nl;
    }
    r->first = p;
    r->first_len = len;
    return len > 0 ? (unsigned char)p[0] : EOF;
}

int chunk_file_load(lua_State *L, const char *path, const char *display, bool nofollow)
{
    char why[200];
    reader r = {.fd = chunk_file_open(path, nofollow, why, sizeof why)};
    if (r.fd < 0) {
        lua_pushfstring(L, "cannot open %s: it %s", display, why);
        return LUA_ERRFILE;
    }
    int c = start(&r);
    int status = LUA_ERRFILE;
    if (c == LUA_SIGNATURE[0]) {
        lua_pushfstring(L, "%s is a precompiled (binary) chunk: only Lua source is accepted",
                        display);
        status = LUA_ERRSYNTAX;
    } else if (c != -2) {
        char chunkname[600];
        snprintf(chunkname, sizeof chunkname, "@%s", display);
        status = lua_load(L, next_block, &r, chunkname, "t");
    }
    close(r.fd);
    if (r.err) {
        if (c != -2)
            lua_pop(L, 1); /* the function or message lua_load left */
        lua_pushfstring(L, "cannot read %s: %s", display, strerror(r.err));
        return LUA_ERRFILE;
    }
    return status;
}
