/* text_main: play and the library in the text mode (text_main.h). */
#include "text_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_load.h"
#include "data_dir.h"
#include "exit_status.h"
#include "launch.h"
#include "library_played.h"
#include "mem.h"
#include "text_input.h"
#include "text_play.h"

/* Standard input and output, and the monotonic clock. */
static text_io stdio_io(text_input *in)
{
    text_input_init(in, STDIN_FILENO);
    text_input_catch_interrupt();
    text_io io = {.read_line = text_input_read_line,
                  .now_ms = text_input_now_ms,
                  .ctx = in,
                  .out = stdout,
                  .style =
                      text_style_for(isatty(STDOUT_FILENO), getenv("NO_COLOR"), getenv("TERM"))};
    return io;
}

/* What both commands check before play: the time limits and the folder
 * for the logs. */
static int prepare(const char *cmd, const text_start *s, text_play_opts *o, char *dir, size_t size)
{
    apperr e;
    apperr_clear(&e);
    memset(o, 0, sizeof *o);
    o->trainee = s->trainee;
    o->time_limits = TIME_LIMITS_NORMAL;
    if (s->time_limits && !time_limits_parse(s->time_limits, &o->time_limits)) {
        apperr_set(&e, APPERR_USAGE, NULL, 0, "unknown time limits '%s'", s->time_limits);
        return exit_report(cmd, &e);
    }
    if (launch_log_dir(s->log_dir, NULL, dir, size, &e) != 0)
        return exit_report(cmd, &e);
    o->log_dir = dir;
    o->variant = s->variant;
    return 0;
}

/* Plays c once; says where the log went. */
static int play_once(const char *cmd, const text_io *io, const case_def *c, const text_play_opts *o)
{
    apperr e;
    apperr_clear(&e);
    bool started;
    char log_path[4096];
    int rc = text_play_case(io, c, o, &started, log_path, &e);
    if (started && rc != 3)
        fprintf(stderr, "appraise: log written to %s\n", log_path);
    return rc ? exit_report(cmd, &e) : 0; /* the case failed in play, or the log */
}

/* What runs once the terminal is set up. */
typedef int (*text_body)(const text_io *io, text_play_opts *o, void *ctx);

/* Standard input and output, the host's name and the trainee (asked for
 * when --trainee did not give one), then body. 0 when the input ends
 * before a trainee id is typed. */
static int in_terminal(text_play_opts *o, text_body body, void *ctx)
{
    char os[512], trainee[256];
    launch_host_os(os, sizeof os);
    o->host_os = os;
    text_input in;
    text_io io = stdio_io(&in);
    int rc = 0;
    if (!o->trainee || !o->trainee[0])
        o->trainee = text_ask_trainee(&io, trainee, sizeof trainee) ? trainee : NULL;
    if (o->trainee)
        rc = body(&io, o, ctx);
    text_input_free(&in);
    return rc;
}

static int play_body(const text_io *io, text_play_opts *o, void *c)
{
    return play_once("play", io, c, o);
}

int text_play(const text_start *s)
{
    char dir[4096];
    text_play_opts o;
    int rc = prepare("play", s, &o, dir, sizeof dir);
    if (rc)
        return rc;
    o.seed = s->have_seed ? s->seed : launch_random_seed();
    apperr e;
    apperr_clear(&e);
    case_def *c = NULL;
    case_load_opts lo = {.seed = o.seed};
    if (case_load(&c, s->path, &lo, &e) != 0)
        return exit_report("play", &e);
    if (session_check_start(c, s->variant, &s->from, &e) != 0) {
        case_free(c);
        return exit_report("play", &e);
    }
    o.from = s->from;
    rc = in_terminal(&o, play_body, c);
    case_free(c);
    return rc;
}

/* The case picked in the library: loaded with a seed of its own, played,
 * and back. A case that cannot be played is said, and the library stays. */
static int open_case(const text_io *io, const library_entry *en, const text_start *s,
                     text_play_opts o)
{
    apperr e;
    apperr_clear(&e);
    if (en->error) {
        fprintf(io->out, "This case cannot be played: %s\n", en->error);
        return 0;
    }
    o.seed = s->have_seed ? s->seed : launch_random_seed();
    case_def *c = NULL;
    case_load_opts lo = {.seed = o.seed};
    char buf[2048];
    if (case_load(&c, en->path, &lo, &e) != 0) {
        fprintf(io->out, "This case cannot be played: %s\n", apperr_format(&e, buf, sizeof buf));
        return 0;
    }
    if (!o.variant)
        o.variant = en->path_variant;
    int rc = 0;
    if (o.variant && !session_find_variant(c, o.variant, &e))
        fprintf(io->out, "This case cannot be played: %s\n", apperr_format(&e, buf, sizeof buf));
    else
        rc = play_once("", io, c, &o);
    case_free(c);
    fputs("\nBack to the case library.\n", io->out);
    return rc == 3 ? 3 : 0; /* a case that failed in play leaves the library open */
}

/* One line typed at the library: 1 go on, 0 leave, 3 the log failed. */
static int library_line(const text_io *io, library *lib, const char *line, const text_start *s,
                        text_play_opts *o)
{
    char *end;
    long n = strtol(line, &end, 10);
    if (line[0] >= '0' && line[0] <= '9' && !*end) {
        if (n >= 1 && (size_t)n <= lib->n)
            return open_case(io, &lib->items[n - 1], s, *o) == 3 ? 3 : 1;
        fprintf(io->out, "There is no case %ld: the cases are 1 to %zu.\n", n, lib->n);
    } else if (strcmp(line, "q") == 0 || strcmp(line, "Q") == 0)
        return 0;
    else if (strcmp(line, "t") == 0 || strcmp(line, "T") == 0) {
        o->time_limits = (time_limits)((o->time_limits + 1) % (TIME_LIMITS_OFF + 1));
        fprintf(io->out, "Time limits: %s.\n", time_limits_name(o->time_limits));
        return 2;
    } else
        fputs("Type the number of a case and press Enter, t to change the time limits, or q "
              "to quit.\n",
              io->out);
    return 2;
}

static int library_loop(const text_io *io, library *lib, const text_start *s, text_play_opts *o)
{
    for (int again = 1;;) {
        if (again == 1) {
            library_mark_played(lib, o->log_dir, o->trainee);
            strbuf b = STRBUF_INIT;
            text_library_list(&b, &io->style, lib, o->time_limits);
            fwrite(strbuf_str(&b), 1, b.len, io->out);
            strbuf_free(&b);
        }
        fflush(io->out);
        const char *line = NULL;
        if (io->read_line(io->ctx, -1, &line) != 1)
            return 0;
        char *copy = mem_strdup(line);
        again = copy ? library_line(io, lib, copy, s, o) : 0;
        mem_free(copy);
        if (again == 0 || again == 3)
            return again;
    }
}

typedef struct library_ctx {
    library *lib;
    const text_start *s;
} library_ctx;

static int library_body(const text_io *io, text_play_opts *o, void *ctx)
{
    library_ctx *l = ctx;
    return library_loop(io, l->lib, l->s, o);
}

int text_library(const text_start *s)
{
    char dir[4096], bundled[4096];
    text_play_opts o;
    int rc = prepare("", s, &o, dir, sizeof dir);
    if (rc)
        return rc;
    const char *folder =
        s->library ? s->library : data_dir(DATA_SCENARIOS, bundled, sizeof bundled);
    library lib = {0};
    apperr e;
    apperr_clear(&e);
    if (library_scan(&lib, folder, &e) != 0) {
        library_free(&lib);
        return exit_report("", &e);
    }
    library_ctx ctx = {&lib, s};
    rc = in_terminal(&o, library_body, &ctx);
    library_free(&lib);
    return rc;
}
