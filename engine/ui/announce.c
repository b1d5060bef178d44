/* announce: the words of self-voicing, from the app's state alone (see
 * announce.h). Built with strbuf; every text passes through add_plain,
 * which drops the layout's marks and turns symbols into words. */
#include "announce.h"

#include <stdio.h>
#include <string.h>

#include "app_image.h"
#include "countdown.h"
#include "feedback.h"
#include "format.h"
#include "mem.h"
#include "strbuf.h"
#include "view.h"

/* Symbols a speech engine reads badly, and what is said instead. */
static const struct {
    const char *sym, *say;
} symbols[] = {
    {"\xe2\x96\xb2", "high"}, /* ▲ */
    {"\xe2\x96\xbc", "low"},  /* ▼ */
    {"\xe2\x97\x86", ""},     /* ◆ */
    {"\xe2\x9c\x93", ""},     /* ✓ */
    {"\xe2\x9c\x97", ""},     /* ✗ */
    {"\xe2\x9a\xa0", ""},     /* ⚠ */
    {"\xe2\x97\x8b", ""},     /* ○ */
    {"\xe2\x97\x89", ""},     /* ◉ */
    {"\xe2\x96\xb6", ""},     /* ▶ */
    {"\xc2\xb7", ","},        /* · */
    {"\xe2\x86\x92", "to"},   /* → */
};

/* Appends text as plain speech: no "**", symbols as words, line breaks and
 * runs of spaces as one space. */
static void add_plain(strbuf *b, const char *text)
{
    for (const char *p = text ? text : ""; *p;) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            continue;
        }
        const char *say = NULL;
        size_t n = 0;
        for (size_t i = 0; i < sizeof symbols / sizeof symbols[0] && !say; i++) {
            n = strlen(symbols[i].sym);
            if (strncmp(p, symbols[i].sym, n) == 0)
                say = symbols[i].say;
        }
        if (say) {
            p += n;
            if (!say[0])
                continue;
            if (say[0] != ',' && b->len && b->s[b->len - 1] != ' ')
                strbuf_addc(b, ' ');
            strbuf_adds(b, say);
            continue;
        }
        char c = *p == '\n' ? ' ' : *p;
        p++;
        if (c == ' ' && (!b->len || b->s[b->len - 1] == ' '))
            continue;
        if (c == ',' && b->len && b->s[b->len - 1] == ' ')
            strbuf_truncate(b, b->len - 1);
        strbuf_addc(b, c);
    }
}

/* Ends what was said so far as a sentence and starts another. */
static void stop(strbuf *b)
{
    while (b->len && b->s[b->len - 1] == ' ')
        strbuf_truncate(b, b->len - 1);
    if (!b->len)
        return;
    char last = b->s[b->len - 1];
    if (last != '.' && last != '?' && last != '!' && last != ':')
        strbuf_addc(b, '.');
    strbuf_addc(b, ' ');
}

/* A sentence of plain text, when there is text. */
static void sentence(strbuf *b, const char *text)
{
    if (!text || !text[0])
        return;
    add_plain(b, text);
    stop(b);
}

static char *finish(strbuf *b)
{
    while (b->len && b->s[b->len - 1] == ' ')
        strbuf_truncate(b, b->len - 1);
    if (!b->s && !b->oom)
        return mem_strdup("");
    return strbuf_finish(b);
}

static bool rating_step(session_step s)
{
    return s == STEP_CONFIDENCE_INITIAL || s == STEP_CONFIDENCE_FINAL || s == STEP_TRUST;
}

static void patient_line(const app *a, strbuf *b)
{
    const case_patient *p = a->c ? &a->c->patient : NULL;
    if (!p)
        return;
    size_t start = b->len;
    add_plain(b, p->name);
    if (p->has_age)
        strbuf_addf(b, "%s%.0f%s%s", b->len > start ? ", " : "", p->age, p->sex ? " " : "",
                    p->sex ? p->sex : "");
    if (p->setting) {
        if (b->len > start)
            strbuf_adds(b, ", ");
        add_plain(b, p->setting);
    }
    stop(b);
}

static void choice_step(const session_view *v, strbuf *b)
{
    const case_decision *d = screen_decision(v);
    sentence(b, d->prompt);
    if (v->step == STEP_CHOOSE_INITIAL)
        sentence(b, "Make your own first choice; the advice follows.");
    else if (v->initial) {
        strbuf_adds(b, "Your first choice was ");
        add_plain(b, screen_option_label(d, v->initial));
        strbuf_adds(b, ". Keep it or change it. ");
    }
    strbuf_addf(b, "%zu options. ", d->n_options);
}

static void rating_step_words(const session_view *v, strbuf *b)
{
    const case_decision *d = screen_decision(v);
    bool trust = v->step == STEP_TRUST;
    const char *chosen = v->step == STEP_CONFIDENCE_INITIAL ? v->initial : v->final;
    if (!trust && chosen) {
        strbuf_adds(b, "You chose ");
        add_plain(b, screen_option_label(d, chosen));
        stop(b);
    }
    strbuf_adds(b, trust ? "Trust, 1 to 7: How much do you trust this advice? 1 is do not trust "
                           "at all, 7 is trust completely. "
                         : "Confidence, 1 to 7: How confident are you in this choice? 1 is not "
                           "at all confident, 7 is completely confident. ");
}

static void feedback_step(const session_view *v, strbuf *b)
{
    const log_decision *d = v->decision;
    const char *head = d ? feedback_headline(feedback_verdict_of(d)) : NULL;
    sentence(b, head ? head : "Feedback");
    if (d) {
        char *body = feedback_body(d, screen_by_person(screen_advice(v)));
        if (!body) {
            b->oom = true;
            return;
        }
        sentence(b, body);
        mem_free(body);
    }
    sentence(b, v->decision ? v->decision->feedback : NULL);
}

static void case_screen(const app *a, strbuf *b)
{
    session_view v = app_view(a);
    patient_line(a, b);
    if (v.step == STEP_FEEDBACK) {
        feedback_step(&v, b);
        return;
    }
    if (v.step == STEP_RATIONALE) {
        strbuf_adds(b, "In a sentence or two: why did you decide this? ");
        return;
    }
    if (rating_step(v.step)) {
        rating_step_words(&v, b);
        return;
    }
    if (v.node) {
        sentence(b, v.node->title);
        sentence(b, v.node->text);
        if (v.node->image.file) {
            strbuf_adds(b, "Image: ");
            sentence(b, v.node->image.alt);
        }
    }
    if (screen_decision(&v) && (v.step == STEP_CHOOSE_INITIAL || v.step == STEP_CHOOSE_FINAL))
        choice_step(&v, b);
}

static void outcome_words(case_outcome o, const char *title, const char *text, const char *summary,
                          strbuf *b)
{
    strbuf_addf(b, "Outcome: %s. ", case_outcome_name(o));
    sentence(b, title);
    sentence(b, text);
    sentence(b, summary);
}

static void ending_screen(const app *a, strbuf *b)
{
    session_view v = app_view(a);
    const recap *r = a->have_recap ? &a->rc : NULL;
    if (v.status == SESSION_QUIT)
        sentence(b, "You left the case. Your answers up to here are in the session log, which "
                    "records that you left.");
    else if (r && r->has_ending)
        outcome_words(r->outcome, r->ending_title, r->ending_text, r->ending_summary, b);
    else if (v.node && v.node->kind == NODE_ENDING)
        outcome_words(v.node->ending.outcome, v.node->title, v.node->text, v.node->ending.summary,
                      b);
}

static void debrief_screen(const app *a, strbuf *b)
{
    const recap *r = a->have_recap ? &a->rc : NULL;
    strbuf_adds(b, "Your debrief. ");
    if (!r)
        return;
    if (r->quit)
        sentence(b, "You left the case before its end");
    else if (r->has_ending)
        strbuf_addf(b, "Outcome: %s. ", case_outcome_name(r->outcome));
}

static void library_screen(const app *a, strbuf *b)
{
    const library *l = &a->lib;
    strbuf_addf(b, "Case library, %zu case%s. ", l->n, l->n == 1 ? "" : "s");
    if (l->next >= 0 && (size_t)l->next < l->n) {
        strbuf_adds(b, "Next on the teaching path: ");
        sentence(b, l->items[l->next].title);
    }
}

/* The dialogs over a screen: leaving the case, an image full size. */
static bool dialog(const app *a, strbuf *b)
{
    if (a->confirm_leave) {
        bool started = a->s != NULL;
        sentence(b, started ? "Leave this case? Your answers so far stay in the session log, "
                              "which records that you left"
                            : "Leave without starting? No session log has been written yet");
        strbuf_adds(b, "Enter stays, L leaves. ");
        return true;
    }
    const case_image *im = app_image_open(a);
    if (!im)
        return false;
    const case_image *list[APP_IMAGES_MAX];
    strbuf_addf(b, "Image %d of %zu. ", a->image_view, app_images(a, list, APP_IMAGES_MAX));
    sentence(b, im->alt);
    return true;
}

char *announce_screen(const app *a)
{
    strbuf b = STRBUF_INIT;
    if (dialog(a, &b))
        return finish(&b);
    switch (a->screen) {
    case SCR_LIBRARY:
        library_screen(a, &b);
        break;
    case SCR_TRAINEE:
        sentence(&b, "Who is playing? Type your trainee id, then press Enter");
        break;
    case SCR_START:
        patient_line(a, &b);
        if (a->c) {
            sentence(&b, a->c->title);
            sentence(&b, a->c->patient.complaint);
        }
        break;
    case SCR_CASE:
        if (a->s)
            case_screen(a, &b);
        break;
    case SCR_ENDING:
        if (a->s)
            ending_screen(a, &b);
        break;
    case SCR_DEBRIEF:
        debrief_screen(a, &b);
        break;
    case SCR_ERROR:
        strbuf_adds(&b, "The case stopped. ");
        sentence(&b, a->error);
        break;
    }
    return finish(&b);
}

/* "Option 2 of 3: LABEL. AI recommends. Your first choice. Selected." */
static void option_focus(const app *a, const session_view *v, int i, strbuf *b)
{
    const case_decision *d = screen_decision(v);
    if (!d || i < 0 || (size_t)i >= d->n_options)
        return;
    const case_option *o = &d->options[i];
    const case_advice *adv = screen_advice(v);
    strbuf_addf(b, "Option %d of %zu: ", i + 1, d->n_options);
    sentence(b, o->label ? o->label : o->id);
    if (v->advice_shown && adv && adv->recommend && strcmp(adv->recommend, o->id) == 0)
        strbuf_adds(b, screen_by_person(adv) ? "Advised. " : "AI recommends. ");
    if (v->initial && strcmp(v->initial, o->id) == 0 && v->step == STEP_CHOOSE_FINAL)
        strbuf_adds(b, "Your first choice. ");
    if (a->picked == i)
        strbuf_adds(b, "Selected. ");
}

static const char *button_label(const app *a, const session_view *v, ui_cmd f)
{
    switch (f.kind) {
    case CMD_COMMIT:
        if (a->screen == SCR_START)
            return "Start the case";
        if (a->screen == SCR_ENDING)
            return "See your debrief";
        if (a->screen == SCR_CASE && v &&
            (v->step == STEP_CHOOSE_INITIAL || v->step == STEP_CHOOSE_FINAL))
            return "Confirm choice";
        if (a->screen == SCR_CASE && v && (rating_step(v->step) || v->step == STEP_RATIONALE))
            return "Confirm";
        return "Continue";
    case CMD_ASK:
        return v && screen_by_person(screen_advice(v)) ? "Ask for advice" : "Ask the AI";
    case CMD_EXPLANATION:
        return "Explanation";
    case CMD_MODEL_CARD:
        return "Model card";
    case CMD_RESULTS:
        return "Results";
    case CMD_ESCAPE:
        return a->image_view ? "Close" : "Back";
    case CMD_LEAVE:
        return "Leave";
    case CMD_STAY:
        return "Stay";
    case CMD_DONE:
        return "Done";
    case CMD_IMAGE:
        return "Image";
    default:
        return "";
    }
}

char *announce_focus(const app *a)
{
    strbuf b = STRBUF_INIT;
    ui_cmd f = a->focus;
    session_view v = {0};
    bool have_view = a->s != NULL;
    if (have_view)
        v = app_view(a);
    if (f.kind == CMD_PICK && a->screen == SCR_CASE && have_view && rating_step(v.step))
        strbuf_addf(&b, "%s: %d of 7%s", v.step == STEP_TRUST ? "Trust" : "Confidence", f.arg,
                    a->picked == f.arg ? ". Selected." : "");
    else if (f.kind == CMD_PICK && a->screen == SCR_CASE && have_view)
        option_focus(a, &v, f.arg, &b);
    else if (f.kind == CMD_OPEN_CASE && f.arg >= 0 && (size_t)f.arg < a->lib.n) {
        const library_entry *en = &a->lib.items[f.arg];
        strbuf_adds(&b, "Case: ");
        sentence(&b, en->title);
        if (en->error)
            strbuf_adds(&b, "Cannot be played. ");
    } else if (f.kind == CMD_TIME_LIMITS) {
        strbuf_addf(&b, "Time limits: %s. T changes them.", time_limits_name(a->time_limits));
    } else if (f.kind == CMD_FIELD) {
        bool reason = a->screen == SCR_CASE;
        const char *typed = reason ? a->text : a->trainee;
        strbuf_adds(&b, reason ? "Your reason, text field" : "Your trainee id, text field");
        if (typed[0]) {
            strbuf_adds(&b, ": ");
            add_plain(&b, typed);
        }
    } else if (f.kind == CMD_IMAGE && !a->image_view) {
        const case_image *list[APP_IMAGES_MAX];
        size_t n = app_images(a, list, APP_IMAGES_MAX);
        strbuf_adds(&b, "Image");
        if (f.arg >= 0 && (size_t)f.arg < n) {
            strbuf_adds(&b, ": ");
            sentence(&b, list[f.arg]->alt);
        } else
            strbuf_adds(&b, ". ");
        strbuf_adds(&b, "Enter opens it full size.");
    } else
        sentence(&b, button_label(a, have_view ? &v : NULL, f));
    return finish(&b);
}

char *announce_advice(const app *a)
{
    strbuf b = STRBUF_INIT;
    if (a->s && a->screen == SCR_CASE) {
        session_view v = app_view(a);
        const case_advice *adv = screen_advice(&v);
        if (v.advice_shown && adv) {
            const case_tool *t = !screen_by_person(adv) && a->c && adv->tool_index >= 0 &&
                                         (size_t)adv->tool_index < a->c->n_tools
                                     ? &a->c->tools[adv->tool_index]
                                     : NULL;
            if (screen_by_person(adv)) {
                strbuf_adds(&b, "Advice from ");
                add_plain(&b, adv->source);
                strbuf_adds(&b, ": ");
            } else if (t && t->name) {
                strbuf_adds(&b, "The AI, ");
                add_plain(&b, t->name);
                strbuf_adds(&b, ", recommends: ");
            } else
                strbuf_adds(&b, "The AI recommends: ");
            sentence(&b, screen_option_label(screen_decision(&v), adv->recommend));
            if (adv->has_confidence)
                strbuf_addf(&b, "%.0f percent confident. ", adv->confidence * 100.0);
            sentence(&b, adv->message);
        }
    }
    return finish(&b);
}

const char *announce_timer(int64_t ms_before, int64_t ms_now)
{
    if (ms_before < 0 || ms_now < 0 || ms_now >= ms_before)
        return NULL;
    if (ms_now <= 0)
        return feedback_headline(FEEDBACK_TIMED_OUT);
    /* Speak when the drawn mark changes (countdown.c decides the level). */
    ui_countdown_level now = ui_countdown_level_of(ms_now);
    if (now == ui_countdown_level_of(ms_before))
        return NULL;
    if (now == COUNTDOWN_URGENT)
        return "10 seconds left";
    if (now == COUNTDOWN_WARN)
        return "30 seconds left";
    return NULL;
}

/* The options of a choice, a line each, as focus would say them. */
static void copy_options(const app *a, strbuf *b)
{
    session_view v = app_view(a);
    const case_decision *d = screen_decision(&v);
    if (!d || (v.step != STEP_CHOOSE_INITIAL && v.step != STEP_CHOOSE_FINAL))
        return;
    for (size_t i = 0; i < d->n_options; i++) {
        strbuf_addc(b, '\n');
        option_focus(a, &v, (int)i, b);
        while (b->len && b->s[b->len - 1] == ' ')
            strbuf_truncate(b, b->len - 1);
    }
}

/* "Observations: NEWS2 11, high risk." then a line per observation, "HR
 * 124 /min, high", flagged as the side column flags it. */
static void copy_observations(const app *a, strbuf *b)
{
    session_view v = app_view(a);
    ui_vital_row rows[32];
    size_t n = v.live ? ui_vital_rows(&v.live->vitals, rows, 32) : 0;
    if (!n)
        return;
    bool scored = !a->c || a->c->early_warning != EARLY_WARNING_NONE;
    strbuf_adds(b, "\n\nObservations");
    if (v.news2 >= 0) {
        const char *band = news2_band_name(v.news2_band);
        strbuf_addf(b, ": NEWS2 %d, %s risk", v.news2, band ? band : "unknown");
    }
    strbuf_addc(b, '.');
    for (size_t i = 0; i < n; i++) {
        const ui_vital_row *r = &rows[i];
        bool flagged = r->flag && (scored || strcmp(r->label, "AVPU") == 0);
        strbuf_addc(b, '\n');
        add_plain(b, r->label);
        strbuf_addc(b, ' ');
        add_plain(b, r->value);
        if (r->unit[0])
            strbuf_addf(b, " %s", r->unit);
        if (flagged)
            strbuf_adds(b, r->flag == FLAG_HIGH  ? ", high"
                           : r->flag == FLAG_LOW ? ", low"
                                                 : ", abnormal");
    }
}

static void copy_library(const app *a, strbuf *b)
{
    for (size_t i = 0; i < a->lib.n; i++) {
        strbuf_addc(b, '\n');
        add_plain(b, a->lib.items[i].title);
    }
}

/* A paragraph: text on a line of its own after what is there. */
static void paragraph(strbuf *b, const char *text)
{
    if (!text || !text[0])
        return;
    if (b->len)
        strbuf_adds(b, "\n\n");
    strbuf_adds(b, text);
}

char *announce_copy(const app *a)
{
    strbuf b = STRBUF_INIT;
    char *screen = announce_screen(a);
    if (!screen)
        return NULL;
    paragraph(&b, screen);
    mem_free(screen);
    bool plain = !a->confirm_leave && !a->image_view;
    if (plain && a->screen == SCR_LIBRARY)
        copy_library(a, &b);
    if (plain && a->screen == SCR_CASE && a->s) {
        copy_options(a, &b);
        char *advice = announce_advice(a);
        if (!advice)
            b.oom = true;
        paragraph(&b, advice);
        mem_free(advice);
        copy_observations(a, &b);
    }
    if (a->notice[0]) {
        strbuf_adds(&b, b.len ? "\n\n" : "");
        add_plain(&b, a->notice);
    }
    if (a->preview_bar[0]) { /* play --watch */
        strbuf_adds(&b, b.len ? "\n\n" : "");
        add_plain(&b, a->preview_bar);
    }
    return finish(&b);
}

/* ---- the panels (E, M, R) ------------------------------------------------------ */

static const case_tool *tool_of(const app *a, const case_advice *adv)
{
    if (!a->c || !a->c->n_tools)
        return NULL;
    bool own = adv && adv->tool_index >= 0 && (size_t)adv->tool_index < a->c->n_tools;
    return &a->c->tools[own ? (size_t)adv->tool_index : 0];
}

static void explanation_words(const case_advice *adv, strbuf *b)
{
    bool person = screen_by_person(adv);
    strbuf_adds(b, person ? "Their reasons: " : "Why the tool says this: ");
    if (!adv->n_reasons)
        sentence(b, person ? "No reasons were given" : "The tool gives no reasons");
    for (size_t i = 0; i < adv->n_reasons; i++) {
        const case_reason *r = &adv->reasons[i];
        add_plain(b, r->factor);
        if (!person)
            strbuf_addf(b, ", %s %.2f", r->weight >= 0 ? "raises" : "lowers",
                        r->weight >= 0 ? r->weight : -r->weight);
        stop(b);
    }
}

static void model_card_words(const case_tool *t, strbuf *b)
{
    strbuf_adds(b, "Model card: ");
    add_plain(b, t->name ? t->name : "the AI tool");
    if (t->version)
        strbuf_addf(b, " %s", t->version);
    stop(b);
    sentence(b, t->kind);
    if (t->intended_use) {
        strbuf_adds(b, "Intended use: ");
        sentence(b, t->intended_use);
    }
    for (size_t i = 0; i < t->n_performance; i++)
        strbuf_addf(b, "%s%s %g", i ? ", " : "Performance: ", t->performance[i].key,
                    t->performance[i].value);
    stop(b);
    if (t->trained_on) {
        strbuf_adds(b, "Training data: ");
        sentence(b, t->trained_on);
    }
    for (size_t i = 0; i < t->limitations.n; i++) {
        strbuf_adds(b, i ? "" : "Limitations: ");
        sentence(b, t->limitations.items[i]);
    }
}

static void results_words(const session_view *v, strbuf *b)
{
    size_t n = v->live ? v->live->n_results : 0;
    strbuf_addf(b, "Results, %zu. ", n);
    for (size_t i = 0; i < n; i++) {
        const case_result *r = &v->live->results[i];
        add_plain(b, r->name);
        strbuf_adds(b, ": ");
        if (r->is_num)
            strbuf_addf(b, "%g", r->num);
        else
            add_plain(b, r->text);
        if (r->unit)
            strbuf_addf(b, " %s", r->unit);
        if (r->flag)
            strbuf_addf(b, ", %s", r->flag);
        stop(b);
        if (r->image.file)
            sentence(b, r->image.alt);
    }
}

char *announce_panel(const app *a, ui_cmd_kind which)
{
    strbuf b = STRBUF_INIT;
    if (a->s && a->screen == SCR_CASE) {
        session_view v = app_view(a);
        const case_advice *adv = screen_advice(&v);
        const case_tool *t = tool_of(a, adv);
        if (which == CMD_EXPLANATION && adv)
            explanation_words(adv, &b);
        else if (which == CMD_MODEL_CARD && t)
            model_card_words(t, &b);
        else if (which == CMD_RESULTS)
            results_words(&v, &b);
    }
    return finish(&b);
}
