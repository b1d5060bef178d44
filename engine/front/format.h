/* format: the words and numbers the window shows, as pure functions: vitals
 * rows with units and out-of-range marks, the simulated clock, countdowns,
 * percentages, the NEWS2 band. No SDL. */
#ifndef FORMAT_H
#define FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vitals.h"

/* How a shown value sits against its normal range. Out of range is drawn
 * with an arrow and bold as well as colour (never colour alone). */
typedef enum ui_flag { FLAG_NONE = 0, FLAG_LOW, FLAG_HIGH, FLAG_ABNORMAL } ui_flag;

typedef struct ui_vital_row {
    char label[32];
    char value[96];
    char unit[16];
    ui_flag flag;
    int news2_part; /* this observation's NEWS2 points, -1 when it has none */
} ui_vital_row;

/* The vitals as rows in the order of scenario-format.md (BP as sbp/dbp, o2
 * as "air" when absent, x_ extras last without their prefix). A row is
 * flagged when its NEWS2 points are above 0 (the core's own bands), and
 * GCS below 15, AVPU other than A, glucose outside 4-11 mmol/L likewise.
 * Returns the number of rows written (at most max). */
size_t ui_vital_rows(const vitals *v, ui_vital_row *rows, size_t max);

/* "10 min", "1 h 10 min", "2 h" (minutes rounded to whole). */
const char *ui_format_minutes(double minutes, char *buf, size_t size);
/* The header's clock: with a start time (has_start, minutes after midnight)
 * the story's time of day and the time since the start, "03:20 · 1 h 10 min
 * in" (wrapping past midnight); without, "Case clock: 1 h 10 min". */
const char *ui_format_case_clock(bool has_start, int start, double minutes, char *buf, size_t size);
/* Time left as m:ss, seconds rounded up ("2:00", "0:01"); "0:00" when <= 0. */
const char *ui_format_countdown(int64_t ms_left, char *buf, size_t size);
/* 0.87 -> "87%". */
const char *ui_format_percent(double fraction, char *buf, size_t size);
/* Milliseconds until the countdown text for ms_left changes (1..1000). */
int ui_countdown_next_change(int64_t ms_left);

#endif
