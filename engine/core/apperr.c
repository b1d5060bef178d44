#include "apperr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void apperr_clear(apperr *e)
{
    memset(e, 0, sizeof *e);
}

void apperr_set(apperr *e, apperr_kind kind, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    if (!e)
        return;
    apperr_clear(e);
    e->kind = kind;
    if (file)
        snprintf(e->file, sizeof e->file, "%s", file);
    e->line = line;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void apperr_set_where(apperr *e, const char *where)
{
    snprintf(e->where, sizeof e->where, "%s", where ? where : "");
}

const char *apperr_format(const apperr *e, char *buf, size_t size)
{
    if (e->file[0] && e->line > 0)
        snprintf(buf, size, "%s:%d: %s", e->file, e->line, e->msg);
    else if (e->file[0] && e->where[0])
        snprintf(buf, size, "%s: at %s: %s", e->file, e->where, e->msg);
    else if (e->file[0])
        snprintf(buf, size, "%s: %s", e->file, e->msg);
    else
        snprintf(buf, size, "%s", e->msg);
    return buf;
}
