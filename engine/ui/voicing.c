/* voicing: what the window says after each change (voicing.h). */
#include "voicing.h"

#include <stdio.h>
#include <string.h>

#include "announce.h"
#include "mem.h"
#include "strbuf.h"

void voicing_init(voicing *v, speech *(*open)(void))
{
    memset(v, 0, sizeof *v);
    v->open = open ? open : speech_open;
    v->left = -1;
}

void voicing_free(voicing *v)
{
    speech_close(v->sp);
    mem_free(v->last);
    v->sp = NULL;
    v->last = NULL;
}

/* Says text and keeps it for voicing_repeat. */
static void speak(voicing *v, const char *text)
{
    if (!v->on || !text || !text[0])
        return;
    char *copy = mem_strdup(text);
    if (copy) {
        mem_free(v->last);
        v->last = copy;
    }
    speech_say(v->sp, text);
}

static const char *node_id(const app *a, session_step *step)
{
    *step = STEP_CONTINUE;
    if (!a->s)
        return "";
    session_view sv = app_view(a);
    *step = sv.step;
    return sv.node && sv.node->id ? sv.node->id : "";
}

static void observe(voicing *v, const app *a, int64_t left)
{
    session_step step;
    snprintf(v->node, sizeof v->node, "%s", node_id(a, &step));
    v->step = step;
    v->seen = true;
    v->screen = a->screen;
    v->advice_shown = a->s && a->screen == SCR_CASE && app_view(a).advice_shown;
    v->confirm_leave = a->confirm_leave;
    v->panels[0] = a->explanation;
    v->panels[1] = a->model_card;
    v->panels[2] = a->results;
    v->image_view = a->image_view;
    v->focus = a->focus;
    v->left = left;
    snprintf(v->notice, sizeof v->notice, "%s", a->notice);
    snprintf(v->preview_bar, sizeof v->preview_bar, "%s", a->preview_bar);
}

static bool new_screen(const voicing *v, const app *a)
{
    session_step step;
    const char *node = node_id(a, &step);
    return !v->seen || v->screen != a->screen || v->confirm_leave != a->confirm_leave ||
           v->image_view != a->image_view ||
           (a->screen == SCR_CASE && (strcmp(v->node, node) != 0 || v->step != step));
}

/* Appends a block from announce.h (NULL: out of memory) as a sentence. */
static void add_said(strbuf *b, char *text)
{
    if (!text) {
        b->oom = true;
        return;
    }
    if (text[0]) {
        if (b->len)
            strbuf_addc(b, ' ');
        strbuf_adds(b, text);
    }
    mem_free(text);
}

/* Whether the advice card is on the screen now. */
static bool advice_showing(const app *a)
{
    return a->s && a->screen == SCR_CASE && !a->confirm_leave && !a->image_view &&
           app_view(a).advice_shown;
}

/* Whether the advice card shows now and was not said yet: it appeared
 * (with the second choice, or asked for), or a new node shows it. */
static bool advice_new(const voicing *v, const app *a)
{
    if (!advice_showing(a))
        return false;
    session_step step;
    return !v->seen || !v->advice_shown || strcmp(v->node, node_id(a, &step)) != 0;
}

/* The screen as it opens, then the advice card when with_advice, then the
 * focus when something is focused. */
static void screen_words(strbuf *b, const app *a, bool with_advice)
{
    add_said(b, announce_screen(a));
    if (with_advice)
        add_said(b, announce_advice(a));
    if (a->focus.kind != CMD_NONE)
        add_said(b, announce_focus(a));
}

/* A panel opened says what it holds; one closed says so. false when none
 * changed. */
static bool panel_words(strbuf *b, const voicing *v, const app *a)
{
    static const struct {
        ui_cmd_kind kind;
        const char *closed;
    } panels[3] = {{CMD_EXPLANATION, "Explanation closed."},
                   {CMD_MODEL_CARD, "Model card closed."},
                   {CMD_RESULTS, "Results hidden."}};
    const bool now[3] = {a->explanation, a->model_card, a->results};
    for (int i = 0; i < 3; i++) {
        if (now[i] == v->panels[i])
            continue;
        if (now[i])
            add_said(b, announce_panel(a, panels[i].kind));
        else
            add_said(b, mem_strdup(panels[i].closed));
        return true;
    }
    return false;
}

static char *changes(const voicing *v, const app *a, int64_t left)
{
    strbuf b = STRBUF_INIT;
    if (new_screen(v, a))
        screen_words(&b, a, advice_new(v, a));
    else if (advice_new(v, a))
        add_said(&b, announce_advice(a));
    else if (!panel_words(&b, v, a) && !ui_cmd_eq(v->focus, a->focus))
        add_said(&b, announce_focus(a));
    /* A mark crossed comes first; "Time ran out" is said once, by the
     * feedback it opens when that says it. */
    const char *mark = v->seen ? announce_timer(v->left, left) : NULL;
    if (mark && !(b.s && strstr(b.s, mark))) {
        strbuf said = b;
        b = (strbuf)STRBUF_INIT;
        strbuf_addf(&b, "%s.", mark);
        if (said.len)
            strbuf_addf(&b, " %s", said.s);
        b.oom |= said.oom;
        strbuf_free(&said);
    }
    if (a->notice[0] && strcmp(a->notice, v->notice) != 0) {
        if (b.len)
            strbuf_addc(&b, ' ');
        strbuf_adds(&b, a->notice);
    }
    /* play --watch: a save that did not load, or a replay that stopped. */
    if (a->preview_bar[0] && strcmp(a->preview_bar, v->preview_bar) != 0) {
        if (b.len)
            strbuf_addc(&b, ' ');
        strbuf_adds(&b, a->preview_bar);
    }
    if (!b.s && !b.oom)
        return NULL;
    return strbuf_finish(&b);
}

void voicing_update(voicing *v, const app *a, int64_t left)
{
    if (v->on) {
        char *said = changes(v, a, left);
        speak(v, said);
        mem_free(said);
    }
    observe(v, a, left);
}

void voicing_start(voicing *v, bool on)
{
    v->on = on;
    v->seen = false;
    if (on && !v->sp)
        v->sp = v->open();
}

void voicing_set(voicing *v, const app *a, bool on, int64_t left)
{
    if (!on) {
        speak(v, "Self-voicing off.");
        v->on = false;
        observe(v, a, left);
        return;
    }
    if (!v->sp)
        v->sp = v->open();
    v->on = true;
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, "Self-voicing on.");
    screen_words(&b, a, advice_showing(a));
    char *said = strbuf_finish(&b);
    speak(v, said);
    mem_free(said);
    observe(v, a, left);
}

void voicing_repeat(voicing *v)
{
    if (v->on && v->last)
        speech_say(v->sp, v->last);
}

void voicing_say(voicing *v, const char *text)
{
    speak(v, text);
}

const char *voicing_take_unavailable(voicing *v)
{
    if (!v->on || v->told || speech_available(v->sp))
        return NULL;
    v->told = true;
    return speech_why(v->sp);
}
