/* inputs: the inputs file of `appraise run` (cli.md "Inputs file"): one
 * action a line, # comments outside quotes, quoted text with \" \\ \n. */
#ifndef INPUTS_H
#define INPUTS_H

#include <stddef.h>

#include "apperr.h"
#include "session.h"

typedef struct input_line {
    session_action action; /* action.text points into `text` below */
    int line;              /* 1-based line in the file */
    char *text;            /* owned: option id, panel name or rationale */
} input_line;

typedef struct inputs {
    char *file; /* name used in messages ("-" shows as <stdin>) */
    input_line *items;
    size_t n;
} inputs;

/* Parses text (NUL-terminated) into actions. A line that is not an action
 * fails with "FILE:LINE: message" (APPERR_INPUT). */
int inputs_parse(inputs *out, const char *file, const char *text, apperr *e);

void inputs_free(inputs *in);

#endif
