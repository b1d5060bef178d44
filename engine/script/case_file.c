#include "case_file.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int check_stat(int fd, struct stat *st, const char *path, const char *what, apperr *e)
{
    if (fstat(fd, st) != 0) {
        apperr_set(e, APPERR_INPUT, path, 0, "cannot read the %s: %s", what, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        apperr_set(e, APPERR_INPUT, path, 0,
                   "the %s is not a regular file (a folder, a device or a pipe?): give the "
                   "path of a .lua file",
                   what);
        return -1;
    }
    if ((unsigned long long)st->st_size > CASE_FILE_MAX) {
        apperr_set(e, APPERR_INPUT, path, 0,
                   "the %s is %.1f MiB, more than the %zu MiB a case file may be: is it the "
                   "right file? A case that big should keep its data in smaller files read "
                   "with include()",
                   what, (double)st->st_size / (1024.0 * 1024.0), CASE_FILE_MAX / (1024 * 1024));
        return -1;
    }
    return 0;
}

char *case_file_read_fd(int fd, size_t hint, size_t *len, int *err)
{
    /* One byte past the limit is read at most: it shows a file that grew.
     * The first block holds one past the size, so the end is seen without
     * growing. */
    const size_t most = CASE_FILE_MAX + 1;
    size_t cap = 0, n = 0;
    char *buf = mem_grow(NULL, &cap, (hint < most ? hint + 1 : most) + 1, 1);
    *err = 0;
    while (buf) {
        size_t room = (cap - 1 < most ? cap - 1 : most) - n; /* a byte kept for the NUL */
        if (room == 0) {
            if (n >= most)
                break;
            char *nb = mem_grow(buf, &cap, cap + 1, 1);
            if (!nb) {
                mem_free(buf);
                return NULL;
            }
            buf = nb;
            continue;
        }
        ssize_t got = read(fd, buf + n, room);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            *err = errno;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

char *case_file_read(const char *path, size_t *len, apperr *e)
{
    /* O_NONBLOCK: opening a pipe must not wait for a writer (it is then
     * refused as not a regular file). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        apperr_set(e, APPERR_INPUT, path, 0, "cannot open the case file: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (check_stat(fd, &st, path, "case file", e) != 0) {
        close(fd);
        return NULL;
    }
    int err;
    size_t n = 0;
    char *buf = case_file_read_fd(fd, (size_t)st.st_size, &n, &err);
    close(fd);
    if (!buf) {
        apperr_set(e, APPERR_ENV, path, 0, "out of memory");
        return NULL;
    }
    if (err || n > CASE_FILE_MAX) {
        mem_free(buf);
        if (err)
            apperr_set(e, APPERR_INPUT, path, 0, "cannot read the case file: %s", strerror(err));
        else
            apperr_set(e, APPERR_INPUT, path, 0,
                       "the case file grew past the %zu MiB a case file may be while it was "
                       "read",
                       CASE_FILE_MAX / (1024 * 1024));
        return NULL;
    }
    *len = n;
    return buf;
}
