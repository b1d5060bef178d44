/* time_limits: the trainee's setting for time limits (time_limits.h). */
#include "time_limits.h"

#include <math.h>
#include <string.h>

const char *const time_limits_names[] = {"normal", "double", "off", NULL};

const char *time_limits_name(time_limits t)
{
    return (unsigned)t <= TIME_LIMITS_OFF ? time_limits_names[t] : time_limits_names[0];
}

bool time_limits_parse(const char *name, time_limits *out)
{
    for (int i = 0; name && time_limits_names[i]; i++) {
        if (strcmp(name, time_limits_names[i]) == 0) {
            *out = (time_limits)i;
            return true;
        }
    }
    return false;
}

int64_t time_limits_ms(time_limits t, double seconds)
{
    if (t == TIME_LIMITS_OFF || !(seconds > 0))
        return -1;
    int64_t ms = (int64_t)llround(seconds * 1000.0);
    if (t == TIME_LIMITS_DOUBLE)
        ms *= 2;
    return ms > 0 ? ms : 1;
}
