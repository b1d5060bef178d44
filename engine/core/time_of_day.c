/* time_of_day: start_time plus the case clock, as the header shows it. */
#include "time_of_day.h"

#include <math.h>
#include <stdio.h>

static int digit(char ch)
{
    return ch >= '0' && ch <= '9' ? ch - '0' : -1;
}

bool time_of_day_parse(const char *text, int *minutes)
{
    if (!text)
        return false;
    int d[4] = {digit(text[0]), -1, -1, -1};
    /* Each digit is read only when the ones before it were there, so a
     * short text never reads past its end. */
    if (d[0] < 0 || (d[1] = digit(text[1])) < 0 || text[2] != ':' || (d[2] = digit(text[3])) < 0 ||
        (d[3] = digit(text[4])) < 0 || text[5] != '\0')
        return false;
    int h = d[0] * 10 + d[1], m = d[2] * 10 + d[3];
    if (h > 23 || m > 59)
        return false;
    *minutes = h * 60 + m;
    return true;
}

const char *time_of_day_format(int start, double clock_minutes, char *buf, size_t size)
{
    /* A case lasts at most a day (minutes <= 1440), but a clock beyond it
     * must still wrap, not overflow. */
    double c =
        clock_minutes > 0 && isfinite(clock_minutes) ? fmod(round(clock_minutes), 1440.0) : 0;
    long t = ((long)start % 1440 + 1440 + (long)c) % 1440;
    snprintf(buf, size, "%02ld:%02ld", t / 60, t % 60);
    return buf;
}
