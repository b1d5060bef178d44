/* text_input: the text mode's input, a line at a time from a file
 * descriptor (standard input), waited for against a deadline with poll(),
 * so that a time limit runs out while the trainee has typed nothing. Works
 * the same on a terminal, a pipe or a file. The clock is the monotonic
 * one, in ms. */
#ifndef TEXT_INPUT_H
#define TEXT_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* The longest line kept, in bytes; the rest of a longer line is dropped
 * (a rationale is cut at SESSION_RATIONALE_MAX characters anyway). */
#define TEXT_LINE_MAX (1u << 20)

typedef struct text_input {
    int fd;
    char *buf; /* bytes read and not yet returned (mem.h) */
    size_t len, cap;
    char *line; /* the line last returned (mem.h) */
    int eof;    /* the descriptor has ended (or failed) */
} text_input;

void text_input_init(text_input *in, int fd);
void text_input_free(text_input *in);

/* Ctrl+C (SIGINT) from here on ends the input as the end of a pipe does:
 * the case is left, logged as quit, and the program ends normally, with
 * its log complete. */
void text_input_catch_interrupt(void);

/* Monotonic milliseconds (a text_io clock; ctx unused). */
int64_t text_input_now_ms(void *ctx);

/* Waits for the next line until the monotonic clock reaches until_ms (-1:
 * no deadline). 1 with *line set (without its "\n" or "\r\n"; valid until
 * the next call), 0 when the deadline came first, -1 when the input has
 * ended or Ctrl+C was pressed (a last line without a newline is returned
 * first). ctx is a text_input. */
int text_input_read_line(void *ctx, int64_t until_ms, const char **line);

#endif
