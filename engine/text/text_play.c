/* text_play: a session in the terminal, line by line (text_play.h). */
#include "text_play.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "launch.h"
#include "log_writer.h"
#include "mem.h"
#include "recap.h"
#include "session.h"
#include "strbuf.h"
#include "view.h"

/* One session as it plays. */
typedef struct play {
    const text_io *io;
    const case_def *c;
    session *s;
    log_writer *log;
    int64_t t0;            /* the clock at the session's start */
    int64_t left;          /* the time left last said of a timed choice, ms */
    session_step step;     /* the step last shown */
    const case_node *node; /* the node last shown */
    bool advice;           /* the advice was shown when last shown */
    bool keys_said;        /* the keys were listed once */
    char *obs;             /* the observations last shown (mem.h), NULL none */
    bool force;            /* show them even so (s) */
} play;

static void emit(const text_io *io, strbuf *b)
{
    if (strbuf_oom(b))
        fputs("(The text mode ran out of memory for this screen.)\n", io->out);
    else if (b->len)
        fwrite(b->s, 1, b->len, io->out);
    fflush(io->out);
    strbuf_free(b);
}

static void say(const text_io *io, const char *text)
{
    fputs(text, io->out);
    fputc('\n', io->out);
    fflush(io->out);
}

/* The line without spaces around it, in place. */
static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Reads a line (until_ms as text_io says) into a copy of its own, trimmed:
 * 1 with *out set (mem_free it), 0 deadline, -1 input ended. */
static int read_trimmed(const text_io *io, int64_t until_ms, char **out)
{
    const char *line = NULL;
    int r = io->read_line(io->ctx, until_ms, &line);
    if (r != 1)
        return r;
    char *copy = mem_strdup(line);
    if (!copy)
        return -1;
    char *t = trim(copy);
    memmove(copy, t, strlen(t) + 1);
    *out = copy;
    return 1;
}

int text_ask_trainee(const text_io *io, char *buf, size_t size)
{
    for (;;) {
        say(io, "Who is playing? Type your trainee id and press Enter.");
        char *line = NULL;
        if (read_trimmed(io, -1, &line) != 1)
            return 0;
        bool ok = line[0] != '\0';
        if (ok)
            snprintf(buf, size, "%s", line);
        mem_free(line);
        if (ok)
            return 1;
    }
}

/* ---- showing the session -------------------------------------------- */

static bool is_choice(session_step s)
{
    return s == STEP_CHOOSE_INITIAL || s == STEP_CHOOSE_FINAL;
}

static bool is_rating(session_step s)
{
    return s == STEP_CONFIDENCE_INITIAL || s == STEP_CONFIDENCE_FINAL || s == STEP_TRUST;
}

static int64_t now_t(const play *p)
{
    return p->io->now_ms(p->io->ctx) - p->t0;
}

/* Shows what changed since it was last shown: the whole node when it is
 * new (whole), else the advice when it has just appeared and the step. */
static void show(play *p, bool whole)
{
    session_view v = session_view_now(p->s);
    if (v.status != SESSION_PLAYING)
        return;
    const text_style *st = &p->io->style;
    strbuf b = STRBUF_INIT;
    if (whole) {
        /* Observations that have not changed are not read out again. */
        strbuf o = STRBUF_INIT;
        text_observations(&o, p->c, &v);
        bool same = p->obs && !strbuf_oom(&o) && strcmp(p->obs, strbuf_str(&o)) == 0;
        text_node(&b, st, p->c, &v,
                  same && !p->force ? "Observations unchanged since the last screen (s shows "
                                      "them again).\n"
                                    : NULL);
        mem_free(p->obs);
        p->obs = strbuf_finish(&o); /* NULL when out of memory: shown whole next time */
        p->force = false;
    }
    if (v.advice_shown && (whole || !p->advice))
        text_advice(&b, st, p->c, &v);
    text_step(&b, st, p->c, &v);
    if (is_choice(v.step) && v.deadline_ms >= 0) {
        p->left = v.deadline_ms - now_t(p);
        if (whole) /* the limit as the node opens; what is left of it later */
            text_time_limit(&b, p->left);
        else
            text_time_left(&b, p->left);
    }
    if (!p->keys_said) {
        text_keys(&b, p->c, &v);
        p->keys_said = true;
    }
    text_prompt(&b, &v);
    p->step = v.step;
    p->node = v.node;
    p->advice = v.advice_shown;
    emit(p->io, &b);
}

/* Whether the action k, taken at step `before` of the node last shown,
 * has entered a node (perhaps the same one again). */
static bool entered(const play *p, action_kind k, const session_view *v)
{
    if (v->node != p->node || k == ACT_CONTINUE)
        return true;
    if (k != ACT_CHOOSE && k != ACT_CONFIDENCE && k != ACT_TRUST && k != ACT_RATIONALE)
        return false;
    return v->step == STEP_CONTINUE || v->step == STEP_CHOOSE_INITIAL ||
           (v->step == STEP_CHOOSE_FINAL && !v->initial);
}

/* After a session call: shows the new step, or says why nothing changed.
 * -1 when the log failed (e is set). */
static int after(play *p, action_kind k, session_result r, const apperr *e)
{
    if (r == SESSION_IO)
        return -1;
    if (r == SESSION_REJECTED) {
        strbuf b = STRBUF_INIT;
        strbuf_addf(&b, "That does not fit here: %s.\n", e->msg);
        emit(p->io, &b);
        return 0;
    }
    session_view v = session_view_now(p->s);
    if (v.status != SESSION_PLAYING)
        return 0;
    if (v.step != p->step || v.node != p->node || v.advice_shown != p->advice || k == ACT_CONTINUE)
        show(p, entered(p, k, &v));
    return 0;
}

static int act(play *p, action_kind k, const char *text, int value, apperr *e)
{
    session_action a = {k, text, value};
    return after(p, k, session_act(p->s, &a, now_t(p), e), e);
}

/* ---- what the trainee types ------------------------------------------ */

/* A panel opened (logged as a view), then shown. */
static int view(play *p, const char *what, apperr *e)
{
    session_action a = {ACT_VIEW, what, 0};
    session_result r = session_act(p->s, &a, now_t(p), e);
    if (r != SESSION_OK)
        return after(p, ACT_VIEW, r, e);
    session_view v = session_view_now(p->s);
    if (v.status != SESSION_PLAYING) /* a time limit ran out first */
        return 0;
    strbuf b = STRBUF_INIT;
    const text_style *st = &p->io->style;
    if (strcmp(what, "explanation") == 0)
        text_explanation(&b, st, &v);
    else if (strcmp(what, "model_card") == 0)
        text_model_card(&b, st, text_tool(p->c, &v));
    else
        text_results(&b, st, &v);
    text_prompt(&b, &v);
    emit(p->io, &b);
    return after(p, ACT_VIEW, r, e);
}

/* q: leaves after asking; the time limit keeps running meanwhile. */
static int leave(play *p, int64_t until, apperr *e)
{
    say(p->io, "Leave the case? Your answers up to here stay in the session log, which records "
               "that you left. Type y and press Enter to leave, or press Enter alone to stay.");
    char *line = NULL;
    int r = read_trimmed(p->io, until, &line);
    bool yes = r == 1 && (strcmp(line, "y") == 0 || strcmp(line, "Y") == 0 ||
                          strcmp(line, "yes") == 0 || strcmp(line, "Yes") == 0);
    mem_free(line);
    if (yes || r < 0)
        return act(p, ACT_QUIT, NULL, 0, e);
    session_view v = session_view_now(p->s);
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, "You stay in the case.\n");
    text_prompt(&b, &v);
    emit(p->io, &b);
    return 0;
}

static void not_here(play *p, const char *what)
{
    session_view v = session_view_now(p->s);
    strbuf b = STRBUF_INIT;
    strbuf_addf(&b, "%s\n", what);
    text_prompt(&b, &v);
    emit(p->io, &b);
}

static void keys(play *p)
{
    session_view v = session_view_now(p->s);
    strbuf b = STRBUF_INIT;
    text_keys(&b, p->c, &v);
    text_prompt(&b, &v);
    emit(p->io, &b);
}

/* t: the time left at a timed choice, in words. */
static void time_left(play *p, const session_view *v)
{
    if (v->deadline_ms < 0) {
        not_here(p, "There is no time limit here.");
        return;
    }
    strbuf b = STRBUF_INIT;
    text_time_left(&b, v->deadline_ms - now_t(p));
    text_prompt(&b, v);
    emit(p->io, &b);
}

/* A number typed: an option or a rating. */
static int number(play *p, const session_view *v, const char *line, apperr *e)
{
    char *end;
    long n = strtol(line, &end, 10);
    const case_decision *d = screen_decision(v);
    if (is_choice(v->step) && d && n >= 1 && (size_t)n <= d->n_options)
        return act(p, ACT_CHOOSE, d->options[n - 1].id, 0, e);
    if (is_rating(v->step) && n >= 1 && n <= 7)
        return act(p, v->step == STEP_TRUST ? ACT_TRUST : ACT_CONFIDENCE, NULL, (int)n, e);
    if (is_choice(v->step) && d) {
        char msg[128];
        snprintf(msg, sizeof msg, "There is no option %ld here: the options are 1 to %zu.", n,
                 d->n_options);
        not_here(p, msg);
    } else if (is_rating(v->step))
        not_here(p, "A rating is a number from 1 to 7.");
    else
        not_here(p, "There is nothing to choose here.");
    return 0;
}

/* Enter alone: continue, or keep the first choice. */
static int enter(play *p, const session_view *v, apperr *e)
{
    if (v->step == STEP_CONTINUE || v->step == STEP_FEEDBACK)
        return act(p, ACT_CONTINUE, NULL, 0, e);
    if (v->step == STEP_CHOOSE_FINAL && v->initial)
        return act(p, ACT_CHOOSE, v->initial, 0, e);
    not_here(p, v->step == STEP_RATIONALE ? "Type a few words about why, then press Enter."
                                          : "Type your answer first.");
    return 0;
}

static bool is_number(const char *s)
{
    size_t n = strspn(s, "0123456789");
    return n > 0 && n < 10 && s[n] == '\0';
}

/* One letter: a key. */
static int key(play *p, const session_view *v, char k, int64_t until, apperr *e)
{
    switch (k) {
    case 'a':
        if (!v->can_ask) {
            not_here(p, "There is no advice to ask for here.");
            return 0;
        }
        return act(p, ACT_ASK, NULL, 0, e);
    case 'e':
        if (!v->advice_shown || !screen_advice(v)) {
            not_here(p, "The explanation comes with the advice, which is not shown here.");
            return 0;
        }
        return view(p, "explanation", e);
    case 'm':
        if (!text_tool(p->c, v)) {
            not_here(p, "There is no AI tool at this step, so no model card.");
            return 0;
        }
        return view(p, "model_card", e);
    case 'r':
        return view(p, "results", e);
    case 't':
        time_left(p, v);
        return 0;
    case 's':
        p->keys_said = false;
        p->force = true;
        show(p, true);
        return 0;
    case 'h':
    case '?':
        keys(p);
        return 0;
    case 'q':
        return leave(p, until, e);
    default:
        return -2;
    }
}

static int command(play *p, char *line, int64_t until, apperr *e)
{
    session_view v = session_view_now(p->s);
    if (!line[0])
        return enter(p, &v, e);
    if (is_number(line) && v.step != STEP_RATIONALE)
        return number(p, &v, line, e);
    if (!line[1]) {
        int r = key(p, &v, (char)tolower((unsigned char)line[0]), until, e);
        if (r != -2)
            return r;
    }
    if (v.step == STEP_RATIONALE)
        return act(p, ACT_RATIONALE, line, 0, e);
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, "Not understood: ");
    text_add_plain(&b, line);
    strbuf_adds(&b, ".\n");
    text_keys(&b, p->c, &v);
    text_prompt(&b, &v);
    emit(p->io, &b);
    return 0;
}

/* The deadline to wait for, on the io's clock: the next timer mark of a
 * timed choice; -1 when nothing is timed. */
static int64_t next_wake(const play *p)
{
    session_view v = session_view_now(p->s);
    if (v.deadline_ms < 0)
        return -1;
    return p->t0 + now_t(p) + text_timer_next(v.deadline_ms - now_t(p));
}

/* Nothing was typed by the next mark: says it, or lets the time run out. */
static int on_time(play *p, apperr *e)
{
    session_view v = session_view_now(p->s);
    if (v.deadline_ms < 0)
        return 0;
    int64_t t = now_t(p), left = v.deadline_ms - t;
    if (left <= 0)
        return after(p, ACT_WAIT, session_tick(p->s, t, e), e);
    const char *mark = text_timer_mark(p->left, left);
    if (mark)
        say(p->io, mark);
    p->left = left;
    return 0;
}

static int loop(play *p, apperr *e)
{
    show(p, true);
    for (;;) {
        session_view v = session_view_now(p->s);
        if (v.status != SESSION_PLAYING)
            return 0;
        int64_t until = next_wake(p);
        char *line = NULL;
        int r = read_trimmed(p->io, until, &line);
        int rc;
        if (r == 0)
            rc = on_time(p, e);
        else if (r < 0) {
            say(p->io, "The input has ended (or Ctrl+C was pressed): leaving the case.");
            rc = act(p, ACT_QUIT, NULL, 0, e);
        } else
            rc = command(p, line, until, e);
        mem_free(line);
        if (rc < 0)
            return -1;
    }
}

/* ---- the case from start to debrief ------------------------------------ */

/* The ending and, after Enter, the debrief read back from the log. */
static void ending(play *p, const char *log_path)
{
    session_view v = session_view_now(p->s);
    recap rc;
    apperr e;
    apperr_clear(&e);
    bool have = recap_read(&rc, p->c, log_path, &e) == 0;
    strbuf b = STRBUF_INIT;
    text_ending(&b, &p->io->style, &v, have ? &rc : NULL);
    strbuf_adds(&b, "Press Enter for your debrief.\n");
    emit(p->io, &b);
    char *line = NULL;
    if (read_trimmed(p->io, -1, &line) == 1)
        mem_free(line);
    text_recap(&b, &p->io->style, p->c, have ? &rc : NULL, log_path);
    emit(p->io, &b);
    if (have)
        recap_free(&rc);
}

/* The case's start screen: 1 start, 0 leave (q or the input ended). */
static int start_screen(const text_io *io, const case_def *c)
{
    strbuf b = STRBUF_INIT;
    text_case_intro(&b, &io->style, c);
    strbuf_adds(&b, "Press Enter to start the case, or type q and press Enter to leave.\n");
    emit(io, &b);
    char *line = NULL;
    int r = read_trimmed(io, -1, &line);
    bool go = r == 1 && strcmp(line, "q") != 0 && strcmp(line, "Q") != 0;
    mem_free(line);
    return go;
}

int text_play_case(const text_io *io, const case_def *c, const text_play_opts *o, bool *started,
                   char *log_path, apperr *e)
{
    *started = false;
    log_path[0] = '\0';
    if (!start_screen(io, c))
        return 0;
    play p = {.io = io, .c = c, .step = STEP_ENDED};
    char session_id[37];
    if (launch_open_log(&p.log, session_id, o->log_dir, NULL, o->trainee, c->id, e) != 0)
        return 3;
    *started = true;
    snprintf(log_path, 4096, "%s", log_writer_path(p.log));
    session_opts so = {.trainee = o->trainee,
                       .variant = o->variant,
                       .seed = o->seed,
                       .mode = "text",
                       .session_id = session_id,
                       .engine_version = APPRAISE_VERSION,
                       .host_os = o->host_os ? o->host_os : "unknown",
                       .log = p.log,
                       .time_limits = o->time_limits,
                       .from = o->from};
    p.t0 = io->now_ms(io->ctx);
    session_result r = session_open(&p.s, c, &so, 0, e);
    int rc = 0;
    if (r == SESSION_IO || !p.s)
        rc = r == SESSION_IO ? 3 : 1;
    else if (loop(&p, e) != 0)
        rc = 3;
    if (rc == 0) {
        session_view v = session_view_now(p.s);
        if (v.status == SESSION_ERROR) {
            strbuf b = STRBUF_INIT;
            text_heading(&b, &io->style, "The case stopped");
            text_add_plain(&b, v.error ? v.error : "The case failed in play.");
            strbuf_addf(&b, "\nYour session log is kept: %s\n", log_path);
            emit(io, &b);
            apperr_set(e, APPERR_INPUT, NULL, 0, "%s", v.error ? v.error : "the case failed");
            rc = 1;
        } else
            ending(&p, log_path);
    }
    if (p.s)
        session_close(p.s);
    log_writer_close(p.log);
    mem_free(p.obs);
    return rc;
}
