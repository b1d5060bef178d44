/* time_of_day: the story's time of day, from a case's start_time and the
 * case clock (scenario-format.md "start_time"). Pure functions. */
#ifndef TIME_OF_DAY_H
#define TIME_OF_DAY_H

#include <stdbool.h>
#include <stddef.h>

/* How a start_time is written, for messages. */
#define TIME_OF_DAY_FORM "\"HH:MM\", 24-hour, from 00:00 to 23:59, e.g. \"02:10\""

/* Reads "HH:MM" (two digits each, 00:00 to 23:59) into minutes after
 * midnight: true, or false (and *minutes untouched) for any other text. */
bool time_of_day_parse(const char *text, int *minutes);

/* The time of day clock_minutes (rounded to whole minutes; below 0 counts
 * as 0) after start (minutes after midnight), wrapping past midnight, as
 * "HH:MM" in buf. Returns buf. */
const char *time_of_day_format(int start, double clock_minutes, char *buf, size_t size);

#endif
