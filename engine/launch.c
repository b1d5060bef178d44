#include "launch.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include <uuid/uuid.h>

#include "data_dir.h"

int64_t launch_wall_ms(void *ctx)
{
    struct timespec ts;
    (void)ctx;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int launch_parse_seed(const char *text, unsigned long long *out)
{
    if (!text[0] || strspn(text, "0123456789") != strlen(text))
        return -1;
    errno = 0;
    *out = strtoull(text, NULL, 10);
    return errno == ERANGE ? -1 : 0;
}

unsigned long long launch_random_seed(void)
{
    uuid_t u;
    unsigned long long seed = 0;
    uuid_generate_random(u);
    for (int i = 0; i < 8; i++)
        seed = seed << 8 | u[i];
    return seed;
}

void launch_host_os(char *buf, size_t size)
{
    struct utsname u;
    if (uname(&u) == 0)
        snprintf(buf, size, "%s %s %s", u.sysname, u.release, u.machine);
    else
        snprintf(buf, size, "unknown");
}

int launch_log_dir(const char *dir, const char *path, char *buf, size_t size, apperr *e)
{
    if (path) {
        char copy[4096];
        snprintf(copy, sizeof copy, "%s", path);
        snprintf(buf, size, "%s", dirname(copy));
    } else if (dir) {
        snprintf(buf, size, "%s", dir);
    } else if (!data_dir_logs(buf, size)) {
        apperr_set(e, APPERR_ENV, NULL, 0,
                   "no folder for logs: set XDG_DATA_HOME or HOME, or give --log-dir DIR");
        return -1;
    }
    return log_dir_check(buf, e);
}

int launch_open_log(log_writer **out, char session_id[37], const char *dir, const char *path,
                    const char *trainee, const char *case_id, apperr *e)
{
    uuid_t id;
    uuid_generate_random(id);
    uuid_unparse_lower(id, session_id);
    log_open_opts o = {
        .dir = path ? NULL : dir,
        .path = path,
        .session = session_id,
        .trainee = trainee,
        .case_id = case_id,
        .start_ms = launch_wall_ms(NULL),
        .clock = launch_wall_ms,
    };
    return log_writer_open(out, &o, e);
}
