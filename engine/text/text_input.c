/* text_input: lines from a descriptor against a deadline (text_input.h). */
#include "text_input.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

void text_input_catch_interrupt(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt; /* no SA_RESTART: poll() returns at once */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

void text_input_init(text_input *in, int fd)
{
    memset(in, 0, sizeof *in);
    in->fd = fd;
}

void text_input_free(text_input *in)
{
    mem_free(in->buf);
    mem_free(in->line);
    memset(in, 0, sizeof *in);
}

int64_t text_input_now_ms(void *ctx)
{
    (void)ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Takes the first n bytes of the buffer (and the newline after them, when
 * there is one) as the line. */
static int take(text_input *in, size_t n, size_t skip)
{
    size_t keep = n > TEXT_LINE_MAX ? TEXT_LINE_MAX : n;
    char *l = mem_malloc(keep + 1);
    if (!l)
        return -1;
    memcpy(l, in->buf, keep);
    if (keep && l[keep - 1] == '\r')
        keep--;
    l[keep] = '\0';
    mem_free(in->line);
    in->line = l;
    in->len -= n + skip;
    memmove(in->buf, in->buf + n + skip, in->len);
    return 1;
}

/* Reads what is there into the buffer: 1 read, 0 nothing (EOF or error:
 * in->eof is set). A line longer than TEXT_LINE_MAX keeps only its
 * start. */
static int fill(text_input *in)
{
    if (in->len >= TEXT_LINE_MAX + 2 && !memchr(in->buf, '\n', in->len))
        in->len = TEXT_LINE_MAX + 1; /* drop the middle of a very long line */
    void *grown = mem_grow(in->buf, &in->cap, in->len + 4096, 1);
    if (!grown) {
        in->eof = 1;
        return 0;
    }
    in->buf = grown;
    ssize_t got;
    do
        got = read(in->fd, in->buf + in->len, in->cap - in->len);
    while (got < 0 && errno == EINTR && !interrupted);
    if (got <= 0) {
        in->eof = 1;
        return 0;
    }
    in->len += (size_t)got;
    return 1;
}

int text_input_read_line(void *ctx, int64_t until_ms, const char **line)
{
    text_input *in = ctx;
    for (;;) {
        if (interrupted)
            return -1;
        char *nl = in->len ? memchr(in->buf, '\n', in->len) : NULL;
        if (nl) {
            if (take(in, (size_t)(nl - in->buf), 1) < 0)
                return -1;
            *line = in->line;
            return 1;
        }
        if (in->eof) {
            if (!in->len || take(in, in->len, 0) < 0)
                return -1;
            *line = in->line;
            return 1;
        }
        int wait = -1;
        if (until_ms >= 0) {
            int64_t left = until_ms - text_input_now_ms(NULL);
            if (left <= 0)
                return 0;
            wait = left > 60000 ? 60000 : (int)left;
        }
        struct pollfd p = {.fd = in->fd, .events = POLLIN};
        int r = poll(&p, 1, wait);
        if (r < 0 && errno != EINTR)
            in->eof = 1;
        else if (r > 0)
            fill(in);
    }
}
