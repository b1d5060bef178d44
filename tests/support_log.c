/* support_log.c: reading a session log in the unit tests that link the
 * core (support.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "log_reader.h"
#include "support.h"

log_session *test_read_log(const char *path)
{
    log_session *s = NULL;
    apperr e;
    log_read_opts o = {.keep = LOG_KEEP_ALL};
    if (log_session_read(path, &o, &s, &e) != 0)
        fail_msg("%s: %s", path, e.msg);
    return s;
}
