/* countdown: how the time left at a timed choice is shown, as pure
 * functions (no SDL). The countdown is marked at 30 s and at 10 s by a
 * shape and words as well as a colour, so that it reads the same in every
 * theme and to every kind of colour vision. */
#ifndef COUNTDOWN_H
#define COUNTDOWN_H

#include <stddef.h>
#include <stdint.h>

typedef enum ui_countdown_level {
    COUNTDOWN_CALM,   /* more than 30 s left */
    COUNTDOWN_WARN,   /* 30 s or less: an outlined warning sign */
    COUNTDOWN_URGENT, /* 10 s or less: a filled triangle */
} ui_countdown_level;

enum { COUNTDOWN_WARN_MS = 30000, COUNTDOWN_URGENT_MS = 10000 };

/* The level of ms_left (the countdown's text rounds seconds up, so "0:30"
 * is the first text at WARN and "0:10" the first at URGENT). */
ui_countdown_level ui_countdown_level_of(int64_t ms_left);

/* The part of the limit still left, 0 to 1 (the bar empties as it falls);
 * 0 when total_ms is not positive. */
double ui_countdown_fraction(int64_t ms_left, int64_t total_ms);

/* The countdown's text: its mark, the time as m:ss and the words of its
 * level, e.g. "\u26a0 0:25 left: confirm soon". **bold** marks the time. */
const char *ui_countdown_text(int64_t ms_left, char *buf, size_t size);

#endif
