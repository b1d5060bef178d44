/* app_preview: reload on save and replay to the same step (app_preview.h). */
#include "app_preview.h"

#include <stdio.h>
#include <string.h>

#include "case_load.h"
#include "launch.h"
#include "mem.h"
#include "runner.h"
#include "watch.h"

/* One action the session took, at its time; a tick when !is_action. */
typedef struct preview_step {
    bool is_action;
    action_kind kind;
    char *text; /* mem_malloc'd, or NULL */
    int value;
    int64_t t;
} preview_step;

struct app_preview {
    watch *w;
    preview_step *steps;
    size_t n, cap;
    /* How many of the steps the session playing now has taken: fewer than
     * n after a replay that stopped early. The rest are kept until the
     * author acts in this session (then it is their path from here), so
     * that a save that puts back what the replay missed finds its way back
     * to where the author was. */
    size_t taken;
    int64_t next_check; /* app_preview_poll asks the watcher again from then */
};

static void forget_steps(app_preview *p, size_t from)
{
    for (size_t i = from; i < p->n; i++)
        mem_free(p->steps[i].text);
    p->n = from;
    p->taken = from;
}

/* The case's files watched: the main file and what it includes. */
static void watch_sources(app *a)
{
    char why[600];
    const strlist *src = &a->c->sources;
    if (watch_files(a->preview->w, (const char *const *)src->items, src->n, why, sizeof why) != 0)
        snprintf(a->preview_bar, sizeof a->preview_bar,
                 "Live preview: %s. Saving this file will not reload the case.", why);
}

int app_preview_open(app *a, apperr *e)
{
    a->preview = mem_calloc(1, sizeof *a->preview);
    if (a->preview)
        a->preview->w = watch_open(NULL);
    if (!a->preview || !a->preview->w) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        app_preview_close(a);
        return -1;
    }
    watch_sources(a);
    return 0;
}

void app_preview_close(app *a)
{
    app_preview *p = a->preview;
    if (!p)
        return;
    forget_steps(p, 0);
    mem_free(p->steps);
    watch_close(p->w);
    mem_free(p);
    a->preview = NULL;
}

void app_preview_restart(app *a)
{
    if (a->preview)
        forget_steps(a->preview, 0);
}

size_t app_preview_recorded(const app *a)
{
    return a->preview ? a->preview->n : 0;
}

/* Keeps the step the session took: text (mem.h) becomes the step's. */
static void record(app *a, const session_action *act, char *text, int64_t t)
{
    app_preview *p = a->preview;
    forget_steps(p, p->taken); /* the author's own path from here */
    preview_step *q = mem_grow(p->steps, &p->cap, p->n + 1, sizeof *q);
    if (!q || (act && act->text && !text)) {
        mem_free(text);
        /* Out of memory: the next reload replays only what was kept. */
        snprintf(a->preview_bar, sizeof a->preview_bar,
                 "Live preview: out of memory; the next reload may not reach this step.");
        return;
    }
    p->steps = q;
    q[p->n++] = (preview_step){.is_action = act != NULL,
                               .kind = act ? act->kind : ACT_WAIT,
                               .text = text,
                               .value = act ? act->value : 0,
                               .t = t};
    p->taken = p->n;
}

session_result app_preview_act(app *a, const session_action *act, int64_t t, apperr *e)
{
    if (!a->preview)
        return act ? session_act(a->s, act, t, e) : session_tick(a->s, t, e);
    /* Copied first: an option's id belongs to the resolved node the action
     * leaves, which the session frees. */
    char *text = act && act->text ? mem_strdup(act->text) : NULL;
    session_result r = act ? session_act(a->s, act, t, e) : session_tick(a->s, t, e);
    if (r == SESSION_OK || r == SESSION_FAILED)
        record(a, act, text, t);
    else
        mem_free(text);
    return r;
}

/* ---- the reload ------------------------------------------------------------ */

/* The new version's own session and log, until they replace the old. */
typedef struct fresh {
    case_def *c;
    session *s;
    log_writer *log;
    char session_id[37];
    int64_t t; /* the session's time where the replay left it */
} fresh;

static void fresh_free(fresh *f)
{
    if (f->s)
        session_close(f->s);
    log_writer_close(f->log);
    case_free(f->c);
}

static const char *node_now(const session *s, char *buf, size_t size)
{
    session_view v = session_view_now(s);
    snprintf(buf, size, "%s", v.node && v.node->id ? v.node->id : "(before the start)");
    return buf;
}

/* Plays the recorded steps into f->s, as far as they fit; the bar says
 * where and why the replay stopped. false when the machine failed (the
 * log could not be written, memory ran out): the old version then plays
 * on. */
static bool replay_steps(app *a, fresh *f)
{
    app_preview *p = a->preview;
    size_t n = p->n;
    for (size_t k = 0; k < n; k++) {
        const preview_step *st = &p->steps[k];
        char node[128];
        node_now(f->s, node, sizeof node);
        apperr e;
        apperr_clear(&e);
        session_result r = SESSION_REJECTED;
        if (session_view_now(f->s).status != SESSION_PLAYING)
            snprintf(e.msg, sizeof e.msg, "the case ends there now");
        else if (st->is_action)
            r = runner_act_at(f->s, &(session_action){st->kind, st->text, st->value}, st->t, &e);
        else
            r = session_tick(f->s, st->t, &e);
        if (r == SESSION_OK) {
            f->t = st->t;
            continue;
        }
        /* The machine, not the case: the old version plays on. */
        bool machine = r == SESSION_IO || (r == SESSION_FAILED && e.kind == APPERR_ENV);
        const char *what = machine               ? "the new version could not be played"
                           : r == SESSION_FAILED ? "the case failed"
                                                 : "the replay stopped";
        snprintf(a->preview_bar, sizeof a->preview_bar,
                 "Live preview: %s at node %s, action %zu of %zu: %s", what, node, k + 1, n, e.msg);
        if (!machine)
            p->taken = r == SESSION_FAILED ? k + 1 : k;
        return !machine;
    }
    p->taken = n;
    return true;
}

/* The new version's session, its log and the replay into it; the bar says
 * what went wrong. false (f freed) when the old session stays. */
static bool start_fresh(app *a, fresh *f, apperr *e)
{
    if (launch_open_log(&f->log, f->session_id, a->o.log_dir, NULL, a->trainee, f->c->id, e) != 0) {
        snprintf(a->preview_bar, sizeof a->preview_bar,
                 "Live preview: the new version's log could not be created: %s", e->msg);
        fresh_free(f);
        return false;
    }
    session_opts so = app_session_opts(a, f->session_id, f->log);
    session_result r = session_open(&f->s, f->c, &so, 0, e);
    if (!f->s || r == SESSION_IO || (r == SESSION_FAILED && e->kind == APPERR_ENV)) {
        char buf[1100];
        snprintf(a->preview_bar, sizeof a->preview_bar,
                 "Live preview: the new version cannot start: %s",
                 apperr_format(e, buf, sizeof buf));
        fresh_free(f);
        return false;
    }
    if (r == SESSION_FAILED) {
        snprintf(a->preview_bar, sizeof a->preview_bar,
                 "Live preview: the case failed at its start: %s", e->msg);
        a->preview->taken = 0;
        return true;
    }
    if (!replay_steps(a, f)) {
        fresh_free(f);
        return false;
    }
    return true;
}

static bool same_files(const strlist *x, const strlist *y)
{
    if (x->n != y->n)
        return false;
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->items[i], y->items[i]) != 0)
            return false;
    return true;
}

bool app_preview_reload(app *a, int64_t now)
{
    if (!a->preview || !a->c)
        return false;
    fresh f;
    memset(&f, 0, sizeof f);
    apperr e;
    apperr_clear(&e);
    case_load_opts lo = {.seed = a->seed};
    if (case_load(&f.c, a->c->file, &lo, &e) != 0) {
        char buf[1100];
        snprintf(a->preview_bar, sizeof a->preview_bar,
                 "%s (the last version that loaded is still playing)",
                 apperr_format(&e, buf, sizeof buf));
        return true;
    }
    a->preview_bar[0] = '\0';
    if (a->s && !start_fresh(a, &f, &e))
        return true;
    /* The same files: their watch stays as it is, so that a save made
     * while this one was being loaded is not missed. */
    bool same = same_files(&a->c->sources, &f.c->sources);
    app_replace_case(a, f.c, f.s, f.log, f.session_id, f.t, now);
    if (!same)
        watch_sources(a);
    return true;
}

/* How often the files are asked after, however many events the window
 * handles meanwhile (mouse moves come in bursts). */
#define POLL_EVERY_MS 100

bool app_preview_poll(app *a, int64_t now)
{
    app_preview *p = a->preview;
    if (!p || now < p->next_check)
        return false;
    p->next_check = now + POLL_EVERY_MS;
    return watch_changed(p->w, now) && app_preview_reload(a, now);
}
