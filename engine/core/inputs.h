/* inputs: the inputs file of `appraise run` (cli.md "Inputs file"): one
 * action a line, # comments outside quotes, quoted text with \" \\ \n.
 *
 * Read as a stream, one line at a time (inputs_open, inputs_next), so that
 * memory holds one line however long the inputs are: `--inputs -` may be
 * fed by a program that never stops writing. */
#ifndef INPUTS_H
#define INPUTS_H

#include <stddef.h>

#include "apperr.h"
#include "session.h"

/* The longest line an inputs file may have, in bytes (a rationale at its
 * longest, SESSION_RATIONALE_MAX characters, fits many times over). */
#define INPUTS_LINE_MAX (1u << 20)

typedef struct input_line {
    session_action action; /* action.text points into `text` below */
    int line;              /* 1-based line in the file */
    char *text;            /* owned (mem.h): option id, panel name or rationale (valid UTF-8) */
} input_line;

/* ---- streaming --------------------------------------------------------- */

typedef struct inputs_reader inputs_reader;

/* Opens path for reading ("-": standard input, shown as <stdin>). A
 * regular file (stdin redirected from one too) is first read through once
 * and every line checked, so that a mistake in it is reported before any
 * log exists; a pipe or a terminal is read as it comes, and a mistake in it
 * is found when its line is reached. Fails with APPERR_INPUT
 * ("FILE:LINE: message") or APPERR_ENV (out of memory). */
int inputs_open(inputs_reader **out, const char *path, apperr *e);

/* The same over text in memory (n bytes); file is the name for messages. */
int inputs_open_text(inputs_reader **out, const char *file, const char *text, size_t n, apperr *e);

/* The next action: 1 with *out set (the reader's, valid until the next call
 * or inputs_close), 0 when the inputs have ended, -1 with e filled when a
 * line is not an action ("FILE:LINE: message", APPERR_INPUT), the inputs
 * cannot be read, or memory ran out. After 0 or -1, stop. */
int inputs_next(inputs_reader *r, const input_line **out, apperr *e);

/* The name used in messages ("<stdin>" for "-"). */
const char *inputs_reader_file(const inputs_reader *r);

/* Closes the file (never standard input). NULL is fine. */
void inputs_close(inputs_reader *r);

/* ---- all at once --------------------------------------------------------- */

typedef struct inputs {
    char *file; /* name used in messages ("-" shows as <stdin>) */
    input_line *items;
    size_t n, cap;
} inputs;

/* Parses text (NUL-terminated) into actions. A line that is not an action
 * fails with "FILE:LINE: message" (APPERR_INPUT). */
int inputs_parse(inputs *out, const char *file, const char *text, apperr *e);

void inputs_free(inputs *in);

#endif
