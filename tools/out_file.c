/* out_file: written whole or not at all (out_file.h). */
#include "out_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int out_open(out_file *o, const char *path, apperr *e)
{
    o->path = path;
    o->tmp = NULL;
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    size_t n = strlen(path) + 32;
    o->tmp = malloc(n);
    if (!o->tmp) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: out of memory");
        return -1;
    }
    snprintf(o->tmp, n, "%s.tmp-%ld", path, (long)getpid());
    o->f = fopen(o->tmp, "w");
    if (!o->f) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: %s", strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    return 0;
}

int out_close(out_file *o, bool ok, apperr *e)
{
    bool written = ferror(o->f) == 0;
    if (o->f == stdout) {
        written = fflush(stdout) == 0 && written;
    } else {
        written = fflush(o->f) == 0 && written;
        written = fclose(o->f) == 0 && written;
        if (ok && written)
            written = rename(o->tmp, o->path) == 0;
        if (!ok || !written)
            remove(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    o->f = NULL;
    if (ok && !written) {
        apperr_set(e, APPERR_ENV, o->path, 0, "cannot write: %s",
                   errno ? strerror(errno) : "the disk may be full");
        return -1;
    }
    return ok ? 0 : -1;
}
