/* app: commands to session actions and screens. The session decides what is
 * allowed and logs it; this file only keeps what the trainee has picked or
 * typed at the current step and which panels are open. */
#include "app.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_image.h"
#include "app_preview.h"
#include "case_load.h"
#include "launch.h"
#include "library_played.h"
#include "utf8.h"

bool ui_cmd_eq(ui_cmd a, ui_cmd b)
{
    return a.kind == b.kind && a.arg == b.arg;
}

static void notice(app *a, const char *msg)
{
    size_t n = strlen(msg);
    if (n >= sizeof a->notice)
        n = sizeof a->notice - 1;
    memcpy(a->notice, msg, n);
    a->notice[n] = '\0';
}

/* The trainee id as typed, without surrounding spaces; "" when blank. */
static const char *trainee_id(app *a)
{
    char *s = a->trainee;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t lead = strspn(s, " \t");
    if (lead)
        memmove(s, s + lead, strlen(s + lead) + 1);
    return s;
}

/* The trainee's played cases marked from their logs, and the focus on the
 * case played last (back from it) or else the next on the teaching path. */
static void library_suggest(app *a)
{
    library_mark_played(&a->lib, a->o.log_dir, trainee_id(a));
    int at = a->opened >= 0 && (size_t)a->opened < a->lib.n ? a->opened : a->lib.next;
    if (at < 0 && a->lib.n)
        at = 0;
    if (at >= 0)
        a->focus = (ui_cmd){CMD_OPEN_CASE, at};
}

int app_init(app *a, const app_opts *o, apperr *e)
{
    memset(a, 0, sizeof *a);
    a->o = *o;
    a->time_limits = o->time_limits;
    a->running = true;
    a->picked = -1;
    a->c = o->c;
    snprintf(a->trainee, sizeof a->trainee, "%s", o->trainee ? o->trainee : "");
    a->opened = -1;
    if (o->library_dir) {
        a->screen = SCR_LIBRARY;
        if (!a->trainee[0])
            a->focus = (ui_cmd){CMD_FIELD, 0};
        if (library_scan(&a->lib, o->library_dir, e) != 0)
            return -1;
        if (a->trainee[0])
            library_suggest(a);
        return 0;
    }
    a->seed = o->have_seed ? o->seed : launch_random_seed();
    a->screen = o->trainee ? SCR_START : SCR_TRAINEE;
    if (!o->trainee)
        a->focus = (ui_cmd){CMD_FIELD, 0};
    return o->watch && a->c ? app_preview_open(a, e) : 0;
}

static void close_case(app *a)
{
    if (a->s)
        session_close(a->s);
    log_writer_close(a->log);
    if (a->have_recap)
        recap_free(&a->rc);
    a->s = NULL;
    a->log = NULL;
    a->have_recap = false;
}

void app_free(app *a)
{
    app_preview_close(a);
    close_case(a);
    if (a->c)
        case_free(a->c);
    a->c = NULL;
    library_free(&a->lib);
}

session_view app_view(const app *a)
{
    return session_view_now(a->s);
}

/* ---- moving between screens -------------------------------------------- */

static void reset_step(app *a)
{
    a->picked = -1;
    a->text[0] = '\0';
    a->focus = (ui_cmd){CMD_NONE, 0};
}

static void show_error(app *a, const char *what, const apperr *e)
{
    char buf[2048];
    snprintf(a->error, sizeof a->error, "%s%s%s", what, e ? ": " : "",
             e ? apperr_format(e, buf, sizeof buf) : "");
    a->screen = SCR_ERROR;
    a->exit_code = e && e->kind == APPERR_ENV ? 3 : 1;
    a->confirm_leave = false;
    reset_step(a);
}

static void load_recap(app *a)
{
    apperr e;
    apperr_clear(&e);
    if (a->have_recap || !a->log)
        return;
    a->have_recap = recap_read(&a->rc, a->c, a->log_path, &e) == 0;
}

/* A replay shows what the trainee is about to do: the option or rating
 * picked, the rationale typed, and what comes next in words. */
static void replay_preview(app *a)
{
    const replay *r = a->o.replay;
    session_action next;
    a->picked = -1;
    a->text[0] = '\0';
    if (!replay_peek(r, a->s, &next)) {
        snprintf(a->notice, sizeof a->notice, "Replay of %s's session: the recording ends here.",
                 r->start.trainee);
        return;
    }
    session_view v = session_view_now(a->s);
    const case_decision *d = v.node && v.node->kind == NODE_DECISION ? &v.node->decision : NULL;
    for (size_t i = 0; next.kind == ACT_CHOOSE && d && i < d->n_options; i++)
        if (strcmp(d->options[i].id, next.text) == 0)
            a->picked = (int)i;
    if (next.kind == ACT_CONFIDENCE || next.kind == ACT_TRUST)
        a->picked = next.value;
    if (next.kind == ACT_RATIONALE)
        snprintf(a->text, sizeof a->text, "%s", next.text);
    static const char *const what[] = {"the choice",
                                       "the confidence rating",
                                       "the trust rating",
                                       "the rationale",
                                       "opening a panel",
                                       "asking for the advice",
                                       "waiting until the time ran out",
                                       "continuing",
                                       "leaving the case"};
    if (next.kind == ACT_CONTINUE)
        snprintf(a->notice, sizeof a->notice, "Replay of %s's session: Enter continues.",
                 r->start.trainee);
    else
        snprintf(a->notice, sizeof a->notice,
                 "Replay of %s's session, action %zu of %zu: Enter shows %s.", r->start.trainee,
                 r->next + 1, r->n, what[next.kind]);
}

/* "Keep it or change it": the first choice comes picked and focused, so
 * that Enter keeps it. */
static void preselect_initial(app *a, const session_view *v)
{
    const case_decision *d = v->node && v->node->kind == NODE_DECISION ? &v->node->decision : NULL;
    for (size_t i = 0; d && i < d->n_options; i++)
        if (strcmp(d->options[i].id, v->initial) == 0) {
            a->picked = (int)i;
            a->focus = (ui_cmd){CMD_PICK, (int)i};
        }
}

/* After every session call: follow the session to its new step or end. */
static void sync(app *a)
{
    session_view v = session_view_now(a->s);
    if (v.status == SESSION_COMPLETE || v.status == SESSION_QUIT) {
        a->screen = SCR_ENDING;
        a->confirm_leave = false;
        reset_step(a);
        load_recap(a);
        return;
    }
    if (v.status == SESSION_ERROR) {
        snprintf(a->error, sizeof a->error, "%s", v.error ? v.error : "unknown error");
        a->screen = SCR_ERROR;
        a->exit_code = 1;
        a->log_kept = true;
        reset_step(a);
        return;
    }
    const char *id = v.node && v.node->id ? v.node->id : "";
    if (strcmp(id, a->seen_node) != 0) {
        a->explanation = a->model_card = a->results = false;
        a->image_view = 0;
        snprintf(a->seen_node, sizeof a->seen_node, "%s", id);
        reset_step(a);
    } else if (v.step != a->seen_step) {
        reset_step(a);
    }
    bool new_step = v.step != a->seen_step || a->picked < 0;
    a->seen_step = v.step;
    if (new_step && v.step == STEP_CHOOSE_FINAL && v.initial && !a->o.replay)
        preselect_initial(a, &v);
    if (v.step == STEP_RATIONALE && !a->o.replay)
        a->focus = (ui_cmd){CMD_FIELD, 0};
    if (a->o.replay)
        replay_preview(a);
}

static bool after(app *a, session_result r, const apperr *e)
{
    switch (r) {
    case SESSION_OK:
        a->notice[0] = '\0';
        sync(a);
        return true;
    case SESSION_REJECTED:
        notice(a, e->msg);
        return true;
    case SESSION_FAILED:
        a->log_kept = true;
        sync(a);
        return true;
    case SESSION_IO:
        a->log_kept = false;
        show_error(a, "The session log could not be written", e);
        return true;
    }
    return false;
}

static bool act(app *a, action_kind kind, const char *text, int value, int64_t now)
{
    session_action act = {kind, text, value};
    apperr e;
    a->t = now - a->t0;
    return after(a, app_preview_act(a, &act, a->t, &e), &e);
}

session_opts app_session_opts(const app *a, const char *session_id, log_writer *log)
{
    return (session_opts){.trainee = a->trainee,
                          .variant = a->o.variant ? a->o.variant : a->path_variant,
                          .seed = a->seed,
                          .mode = a->o.replay  ? "replay"
                                  : a->o.watch ? "preview"
                                               : "play",
                          .time_limits = a->time_limits,
                          .session_id = session_id,
                          .engine_version = APPRAISE_VERSION,
                          .host_os = a->o.host_os ? a->o.host_os : "unknown",
                          .log = log,
                          .from = a->o.from};
}

void app_replace_case(app *a, case_def *c, session *s, log_writer *log, const char session_id[37],
                      int64_t t, int64_t now)
{
    if (a->s && session_view_now(a->s).status == SESSION_PLAYING) {
        session_action quit = {ACT_QUIT, NULL, 0};
        apperr e;
        int64_t left_at = now - a->t0 > a->t ? now - a->t0 : a->t;
        (void)session_act(a->s, &quit, left_at, &e); /* the old version's log ends as left */
    }
    close_case(a);
    case_free(a->c);
    a->c = c;
    if (!s) {
        log_writer_close(log);
        return;
    }
    a->s = s;
    a->log = log;
    /* The new session's clock goes on from where its replay left it: the
     * time spent editing is not the trainee's time at the step. */
    a->t = t;
    a->t0 = now - t;
    memcpy(a->session_id, session_id, sizeof a->session_id);
    snprintf(a->log_path, sizeof a->log_path, "%s", log_writer_path(log));
    a->log_kept = false;
    ui_screen was = a->screen;
    sync(a);
    if (was == SCR_DEBRIEF && a->screen == SCR_ENDING)
        a->screen = SCR_DEBRIEF; /* still reading the debrief: of the new version now */
}

static bool start_session(app *a, int64_t now)
{
    apperr e;
    apperr_clear(&e);
    if (launch_open_log(&a->log, a->session_id, a->o.log_dir, NULL, trainee_id(a), a->c->id, &e) !=
        0) {
        show_error(a, "The session log could not be created", &e);
        return true;
    }
    snprintf(a->log_path, sizeof a->log_path, "%s", log_writer_path(a->log));
    session_opts so = app_session_opts(a, a->session_id, a->log);
    app_preview_restart(a);
    a->t0 = now;
    a->t = 0;
    a->seen_node[0] = '\0';
    a->screen = SCR_CASE;
    session_result r = session_open(&a->s, a->c, &so, 0, &e);
    if (!a->s) {
        show_error(a, "The case could not start", &e);
        return true;
    }
    return after(a, r, &e);
}

/* Library: load the case picked, with the seed of the session to come. */
static bool open_case(app *a, int i)
{
    if (i < 0 || (size_t)i >= a->lib.n)
        return false;
    const library_entry *en = &a->lib.items[i];
    if (!trainee_id(a)[0]) {
        notice(a, "Type your trainee id first.");
        a->focus = (ui_cmd){CMD_FIELD, 0};
        return true;
    }
    if (en->error) {
        snprintf(a->notice, sizeof a->notice, "This case cannot be played: %s", en->error);
        return true;
    }
    apperr e;
    apperr_clear(&e);
    a->seed = a->o.have_seed ? a->o.seed : launch_random_seed();
    case_load_opts lo = {.seed = a->seed};
    if (a->c)
        case_free(a->c);
    a->c = NULL;
    if (case_load(&a->c, en->path, &lo, &e) != 0) {
        char buf[2048];
        snprintf(a->notice, sizeof a->notice, "This case cannot be played: %s",
                 apperr_format(&e, buf, sizeof buf));
        return true;
    }
    a->notice[0] = '\0';
    a->opened = i;
    a->path_variant = en->path_variant;
    a->screen = SCR_START;
    a->focus = (ui_cmd){CMD_NONE, 0};
    return true;
}

/* Leaves the debrief or the error screen: back to the library, or done. */
static bool finish(app *a)
{
    if (!a->o.library_dir) {
        a->running = false;
        return true;
    }
    close_case(a);
    if (a->c)
        case_free(a->c);
    a->c = NULL;
    a->path_variant = NULL;
    a->exit_code = 0;
    a->screen = SCR_LIBRARY;
    library_suggest(a); /* the focus returns to the case just played */
    return true;
}

/* ---- the case screen --------------------------------------------------- */

static const case_decision *decision(const session_view *v)
{
    return v->node && v->node->kind == NODE_DECISION ? &v->node->decision : NULL;
}

static bool is_choice(session_step s)
{
    return s == STEP_CHOOSE_INITIAL || s == STEP_CHOOSE_FINAL;
}

static bool is_rating(session_step s)
{
    return s == STEP_CONFIDENCE_INITIAL || s == STEP_CONFIDENCE_FINAL || s == STEP_TRUST;
}

static bool pick(app *a, int k)
{
    session_view v = session_view_now(a->s);
    const case_decision *d = decision(&v);
    bool ok = (is_choice(v.step) && d && k >= 0 && (size_t)k < d->n_options) ||
              (is_rating(v.step) && k >= 1 && k <= 7);
    if (!ok)
        return false;
    a->picked = k;
    a->focus = (ui_cmd){CMD_PICK, k};
    a->notice[0] = '\0';
    return true;
}

static bool commit(app *a, int64_t now)
{
    session_view v = session_view_now(a->s);
    const case_decision *d = decision(&v);
    if (v.step == STEP_CONTINUE || v.step == STEP_FEEDBACK)
        return act(a, ACT_CONTINUE, NULL, 0, now);
    if (is_choice(v.step) && d) {
        if (a->picked < 0 || (size_t)a->picked >= d->n_options) {
            notice(a, "Pick an option first: press its number or click it.");
            return true;
        }
        return act(a, ACT_CHOOSE, d->options[a->picked].id, 0, now);
    }
    if (is_rating(v.step)) {
        if (a->picked < 1 || a->picked > 7) {
            notice(a, "Pick a rating from 1 to 7 first.");
            return true;
        }
        return act(a, v.step == STEP_TRUST ? ACT_TRUST : ACT_CONFIDENCE, NULL, a->picked, now);
    }
    if (v.step == STEP_RATIONALE) {
        if (strspn(a->text, " \t") == strlen(a->text)) {
            notice(a, "Type a few words about why, then press Enter.");
            return true;
        }
        return act(a, ACT_RATIONALE, a->text, 0, now);
    }
    return false;
}

/* Opening a panel is logged (view); closing it is the window's own. */
static bool toggle(app *a, bool *open, const char *what, int64_t now)
{
    if (*open) {
        *open = false;
        return true;
    }
    session_action view = {ACT_VIEW, what, 0};
    apperr e;
    a->t = now - a->t0;
    session_result r = app_preview_act(a, &view, a->t, &e);
    if (r == SESSION_OK)
        *open = true;
    return after(a, r, &e);
}

/* Enter in a replay: the next recorded action, at its recorded time. */
static bool replay_next_step(app *a)
{
    session_action next;
    if (!replay_peek(a->o.replay, a->s, &next))
        return false;
    apperr e;
    apperr_clear(&e);
    session_result r = replay_apply(a->o.replay, a->s, &next, &a->t, &e);
    if (r == SESSION_OK)
        replay_advance(a->o.replay, &next);
    bool changed = after(a, r, &e);
    if (r == SESSION_REJECTED) {
        char msg[1100];
        snprintf(msg, sizeof msg, "The recording does not fit this case: %s", e.msg);
        notice(a, msg);
    }
    return changed;
}

/* Esc opens and closes the leave dialog and Stay closes it, in a case and
 * in a replay alike; false for any other command. */
static bool leave_dialog(app *a, ui_cmd cmd)
{
    bool stay = cmd.kind == CMD_STAY || (cmd.kind == CMD_COMMIT && a->confirm_leave) ||
                (cmd.kind == CMD_ESCAPE && a->confirm_leave);
    if (stay && a->confirm_leave) {
        a->confirm_leave = false;
        a->focus = a->focus_before_leave;
    } else if (cmd.kind == CMD_ESCAPE) {
        /* Staying is the default: Enter stays, as Esc does. */
        a->confirm_leave = true;
        a->focus_before_leave = a->focus;
        a->focus = (ui_cmd){CMD_STAY, 0};
    } else {
        return stay; /* Stay with no dialog up: nothing to do */
    }
    return true;
}

static bool replay_command(app *a, ui_cmd cmd, int64_t now)
{
    if (leave_dialog(a, cmd))
        return true;
    switch (cmd.kind) {
    case CMD_COMMIT:
        return replay_next_step(a);
    case CMD_LEAVE:
    case CMD_CLOSE:
        (void)now;
        a->running = false;
        return true;
    default:
        return false; /* the recording decides, not the keys */
    }
}

static bool case_command(app *a, ui_cmd cmd, int64_t now)
{
    bool changed;
    if (app_image_command(a, cmd, &changed))
        return changed;
    if (a->o.replay)
        return replay_command(a, cmd, now);
    if (a->confirm_leave && cmd.kind != CMD_LEAVE && cmd.kind != CMD_STAY &&
        cmd.kind != CMD_ESCAPE && cmd.kind != CMD_COMMIT && cmd.kind != CMD_CLOSE)
        return false; /* the dialog is up: only its own answers count */
    if (leave_dialog(a, cmd))
        return true;
    switch (cmd.kind) {
    case CMD_PICK:
        return pick(a, cmd.arg);
    case CMD_COMMIT:
        return commit(a, now);
    case CMD_ASK:
        return act(a, ACT_ASK, NULL, 0, now);
    case CMD_EXPLANATION:
        return toggle(a, &a->explanation, "explanation", now);
    case CMD_MODEL_CARD:
        return toggle(a, &a->model_card, "model_card", now);
    case CMD_RESULTS:
        return toggle(a, &a->results, "results", now);
    case CMD_LEAVE:
        return act(a, ACT_QUIT, NULL, 0, now);
    case CMD_FIELD:
        a->focus = cmd;
        return true;
    case CMD_CLOSE:
        act(a, ACT_QUIT, NULL, 0, now);
        a->running = false;
        return true;
    default:
        return false;
    }
}

/* ---- the other screens ------------------------------------------------- */

static bool library_command(app *a, ui_cmd cmd)
{
    switch (cmd.kind) {
    case CMD_OPEN_CASE:
        a->focus = cmd;
        return open_case(a, cmd.arg);
    case CMD_FIELD:
        a->focus = cmd;
        return true;
    case CMD_COMMIT:
        if (a->focus.kind == CMD_OPEN_CASE)
            return open_case(a, a->focus.arg);
        if (!trainee_id(a)[0]) {
            notice(a, "Type your trainee id first.");
            return true;
        }
        a->notice[0] = '\0';
        a->focus = (ui_cmd){CMD_NONE, 0};
        library_suggest(a);
        return true;
    case CMD_TIME_LIMITS: /* normal, double, off, normal...: the next session's */
        a->time_limits = (time_limits)((a->time_limits + 1) % (TIME_LIMITS_OFF + 1));
        a->notice[0] = '\0';
        return true;
    case CMD_ESCAPE: /* Esc (or Ctrl+Q) leaves the library: no session is open */
    case CMD_CLOSE:
        a->running = false;
        return true;
    default:
        return false;
    }
}

static bool start_command(app *a, ui_cmd cmd, int64_t now)
{
    if (cmd.kind == CMD_ESCAPE && a->o.library_dir) {
        a->screen = SCR_LIBRARY; /* back to the list of cases */
        return true;
    }
    if (leave_dialog(a, cmd))
        return true;
    switch (cmd.kind) {
    case CMD_COMMIT:
        return start_session(a, now);
    case CMD_LEAVE:
    case CMD_CLOSE:
        a->running = false;
        return true;
    default:
        return false;
    }
}

static bool trainee_command(app *a, ui_cmd cmd)
{
    if (cmd.kind == CMD_CLOSE || cmd.kind == CMD_ESCAPE) {
        a->running = false;
        return true;
    }
    if (cmd.kind == CMD_FIELD) {
        a->focus = cmd;
        return true;
    }
    if (cmd.kind != CMD_COMMIT)
        return false;
    if (!trainee_id(a)[0]) {
        notice(a, "Type your trainee id, then press Enter.");
        return true;
    }
    a->notice[0] = '\0';
    a->screen = SCR_START;
    a->focus = (ui_cmd){CMD_NONE, 0};
    return true;
}

bool app_command(app *a, ui_cmd cmd, int64_t now)
{
    switch (a->screen) {
    case SCR_LIBRARY:
        return library_command(a, cmd);
    case SCR_TRAINEE:
        return trainee_command(a, cmd);
    case SCR_START:
        return start_command(a, cmd, now);
    case SCR_CASE:
        return case_command(a, cmd, now);
    case SCR_ENDING:
        if (cmd.kind == CMD_CLOSE) {
            a->running = false;
            return true;
        }
        if (cmd.kind != CMD_COMMIT && cmd.kind != CMD_DONE)
            return false;
        a->screen = SCR_DEBRIEF;
        return true;
    case SCR_DEBRIEF:
    case SCR_ERROR:
        if (cmd.kind == CMD_CLOSE) {
            a->running = false;
            return true;
        }
        if (cmd.kind == CMD_COMMIT || cmd.kind == CMD_DONE || cmd.kind == CMD_ESCAPE)
            return finish(a);
        return false;
    }
    return false;
}

bool app_tick(app *a, int64_t now)
{
    if (a->screen != SCR_CASE || !a->s || a->o.replay)
        return false; /* a replay runs on the recording's own time */
    session_view v = session_view_now(a->s);
    if (v.status != SESSION_PLAYING || v.deadline_ms < 0 || now - a->t0 < v.deadline_ms)
        return false;
    apperr e;
    a->t = now - a->t0;
    return after(a, app_preview_act(a, NULL, a->t, &e), &e);
}

int64_t app_time_left(const app *a, int64_t now)
{
    if (a->screen != SCR_CASE || !a->s)
        return -1;
    session_view v = session_view_now(a->s);
    if (v.status != SESSION_PLAYING || v.deadline_ms < 0)
        return -1;
    int64_t left = v.deadline_ms - (a->o.replay ? a->t : now - a->t0);
    return left > 0 ? left : 0;
}

char *app_text_field(app *a, size_t *cap)
{
    if (a->confirm_leave || a->o.replay)
        return NULL;
    if (a->screen == SCR_TRAINEE || (a->screen == SCR_LIBRARY && a->focus.kind == CMD_FIELD)) {
        *cap = sizeof a->trainee;
        return a->trainee;
    }
    if (a->screen == SCR_CASE && a->s && session_view_now(a->s).step == STEP_RATIONALE) {
        *cap = sizeof a->text;
        return a->text;
    }
    return NULL;
}

bool app_type(app *a, const char *text)
{
    size_t cap;
    char *field = app_text_field(a, &cap);
    if (!field)
        return false;
    size_t n = strlen(field), chars = utf8_count(field, n);
    size_t room = chars < SESSION_RATIONALE_MAX ? SESSION_RATIONALE_MAX - chars : 0;
    size_t add = utf8_prefix(text, strlen(text), room);
    if (add == 0 || n + add + 1 > cap)
        return false;
    memcpy(field + n, text, add);
    field[n + add] = '\0';
    return true;
}

ui_cmd app_digit(const app *a, int d)
{
    if (a->screen != SCR_CASE || !a->s || a->confirm_leave)
        return (ui_cmd){CMD_NONE, 0};
    session_step step = session_view_now(a->s).step;
    if (is_choice(step))
        return (ui_cmd){CMD_PICK, d - 1};
    if (is_rating(step) && d <= 7)
        return (ui_cmd){CMD_PICK, d};
    return (ui_cmd){CMD_NONE, 0};
}
