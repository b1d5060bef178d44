/* text_screen: the text mode's lines for the case as it plays
 * (text_screen.h). The ending, the debrief and the library are in
 * text_recap.c. */
#include "text_screen.h"

#include <stdio.h>
#include <string.h>

#include "countdown.h"
#include "feedback.h"
#include "format.h"
#include "mem.h"
#include "view.h"

#define MAX_VITAL_ROWS 32

text_style text_style_for(bool out_is_tty, const char *no_color, const char *term)
{
    text_style st = {.bold = out_is_tty && !no_color && term && term[0] && strcmp(term, "dumb")};
    return st;
}

void text_add_plain(strbuf *b, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        if (p[0] == '*' && p[1] == '*') {
            p++;
            continue;
        }
        strbuf_addc(b, *p);
    }
}

/* A line of plain text, when there is text. */
static void line(strbuf *b, const char *text)
{
    if (!text || !text[0])
        return;
    text_add_plain(b, text);
    strbuf_addc(b, '\n');
}

/* "Head: text", when there is text. */
static void field(strbuf *b, const char *head, const char *text)
{
    if (!text || !text[0])
        return;
    strbuf_addf(b, "%s: ", head);
    line(b, text);
}

void text_heading(strbuf *b, const text_style *st, const char *text)
{
    strbuf_addc(b, '\n');
    if (st && st->bold)
        strbuf_adds(b, "\033[1m");
    text_add_plain(b, text);
    if (st && st->bold)
        strbuf_adds(b, "\033[0m");
    strbuf_addc(b, '\n');
}

static void list_field(strbuf *b, const char *head, const strlist *l)
{
    if (!l->n)
        return;
    strbuf_addf(b, "%s: ", head);
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strbuf_adds(b, "; ");
        text_add_plain(b, l->items[i]);
    }
    strbuf_addc(b, '\n');
}

/* "Mrs Ada Jones, 78 female" (what the patient line says), or nothing. */
static void patient_line(strbuf *b, const case_patient *p)
{
    if (!p->name && !p->has_age && !p->sex)
        return;
    strbuf_adds(b, "Patient: ");
    text_add_plain(b, p->name ? p->name : "unnamed");
    if (p->has_age)
        strbuf_addf(b, ", %.0f", p->age);
    if (p->sex) {
        strbuf_adds(b, p->has_age ? " " : ", ");
        text_add_plain(b, p->sex);
    }
    strbuf_addc(b, '\n');
}

void text_case_intro(strbuf *b, const text_style *st, const case_def *c)
{
    const case_patient *p = &c->patient;
    text_heading(b, st, c->title ? c->title : c->id);
    line(b, c->summary);
    patient_line(b, p);
    field(b, "Setting", p->setting);
    field(b, "Presenting complaint", p->complaint);
    list_field(b, "History", &p->history);
    list_field(b, "Medications", &p->medications);
    list_field(b, "Allergies", &p->allergies);
    if (c->minutes > 0) {
        char m[32];
        strbuf_addf(b, "About %s.\n", ui_format_minutes(c->minutes, m, sizeof m));
    }
}

static const char *flag_words(ui_flag f)
{
    return f == FLAG_HIGH ? ", high" : f == FLAG_LOW ? ", low" : f ? ", abnormal" : "";
}

void text_end_sentence(strbuf *b)
{
    char last = b->len ? b->s[b->len - 1] : '\0';
    if (last != '.' && last != '?' && last != '!')
        strbuf_addc(b, '.');
}

void text_observations(strbuf *b, const case_def *c, const session_view *v)
{
    ui_vital_row rows[MAX_VITAL_ROWS];
    size_t n = v->live ? ui_vital_rows(&v->live->vitals, rows, MAX_VITAL_ROWS) : 0;
    /* As the window: with no early-warning score no value is flagged by
     * NEWS2's adult bands; AVPU other than Alert stays flagged. */
    if (c && c->early_warning == EARLY_WARNING_NONE)
        for (size_t i = 0; i < n; i++)
            if (rows[i].news2_part >= 0 && strcmp(rows[i].label, "AVPU") != 0) {
                rows[i].flag = FLAG_NONE;
                rows[i].news2_part = -1;
            }
    if (v->news2 >= 0) {
        const char *band = news2_band_name(v->news2_band);
        strbuf_addf(b, "NEWS2: %d, %s risk.\n", v->news2, band ? band : "unknown");
    }
    if (n)
        strbuf_adds(b, "Observations:\n");
    for (size_t i = 0; i < n; i++) {
        const ui_vital_row *r = &rows[i];
        strbuf_addf(b, "%s: %s%s%s%s\n", r->label, r->value, r->unit[0] ? " " : "", r->unit,
                    flag_words(r->flag));
    }
}

void text_node(strbuf *b, const text_style *st, const case_def *c, const session_view *v,
               const char *obs)
{
    const case_node *n = v->node;
    if (!n)
        return;
    text_heading(b, st, n->title && n->title[0] ? n->title : n->id);
    if (v->live) {
        char clock[96];
        ui_format_case_clock(c && c->has_start_time, c ? c->start_time : 0, v->live->clock, clock,
                             sizeof clock);
        /* "03:20 · 1 h in": the dot is layout; a screen reader would name it. */
        char *dot = strstr(clock, " \xc2\xb7 ");
        if (dot) {
            *dot = '\0';
            strbuf_addf(b, "Time: %s, %s.\n", clock, dot + 4);
        } else
            strbuf_addf(b, "%s.\n", clock);
    }
    if (obs)
        strbuf_adds(b, obs);
    else
        text_observations(b, c, v);
    line(b, n->text);
    if (n->image.file)
        field(b, "Image", n->image.alt);
}

static bool is_choice(session_step s)
{
    return s == STEP_CHOOSE_INITIAL || s == STEP_CHOOSE_FINAL;
}

static bool is_rating(session_step s)
{
    return s == STEP_CONFIDENCE_INITIAL || s == STEP_CONFIDENCE_FINAL || s == STEP_TRUST;
}

static void options(strbuf *b, const session_view *v)
{
    const case_decision *d = screen_decision(v);
    const case_advice *adv = screen_advice(v);
    line(b, d->prompt);
    if (v->step == STEP_CHOOSE_INITIAL)
        strbuf_adds(b, "Make your own first choice; the advice follows.\n");
    else if (v->initial) {
        strbuf_adds(b, "Your first choice was ");
        text_add_plain(b, screen_option_label(d, v->initial));
        strbuf_adds(b, ". Keep it (press Enter) or change it.\n");
    }
    strbuf_addf(b, "%zu options:\n", d->n_options);
    for (size_t i = 0; i < d->n_options; i++) {
        const case_option *o = &d->options[i];
        strbuf_addf(b, "%zu. ", i + 1);
        text_add_plain(b, o->label ? o->label : o->id);
        text_end_sentence(b);
        if (v->advice_shown && adv && adv->recommend && strcmp(adv->recommend, o->id) == 0)
            strbuf_adds(b, screen_by_person(adv) ? " Advised." : " AI recommends.");
        if (v->step == STEP_CHOOSE_FINAL && v->initial && strcmp(v->initial, o->id) == 0)
            strbuf_adds(b, " Your first choice.");
        strbuf_addc(b, '\n');
    }
}

static void rating(strbuf *b, const session_view *v)
{
    const case_decision *d = screen_decision(v);
    const char *chosen = v->step == STEP_CONFIDENCE_INITIAL ? v->initial : v->final;
    if (v->step != STEP_TRUST && chosen) {
        strbuf_adds(b, "You chose ");
        text_add_plain(b, screen_option_label(d, chosen));
        strbuf_adds(b, ".\n");
    }
    if (v->step == STEP_TRUST)
        strbuf_adds(b, "Trust, 1 to 7: how much do you trust this advice? 1 is do not trust at "
                       "all, 7 is trust completely.\n");
    else
        strbuf_adds(b, "Confidence, 1 to 7: how confident are you in this choice? 1 is not at "
                       "all confident, 7 is completely confident.\n");
}

static void feedback(strbuf *b, const text_style *st, const session_view *v)
{
    const log_decision *d = v->decision;
    const char *head = d ? feedback_headline(feedback_verdict_of(d)) : NULL;
    text_heading(b, st, head ? head : "Feedback");
    char *body = d ? feedback_body(d, screen_by_person(screen_advice(v))) : NULL;
    if (d && !body)
        b->oom = true;
    line(b, body);
    mem_free(body);
    line(b, d ? d->feedback : NULL);
}

void text_step(strbuf *b, const text_style *st, const case_def *c, const session_view *v)
{
    (void)c;
    if (v->step == STEP_FEEDBACK)
        feedback(b, st, v);
    else if (v->step == STEP_RATIONALE)
        strbuf_adds(b, "In a sentence or two: why did you decide this?\n");
    else if (is_rating(v->step))
        rating(b, v);
    else if (is_choice(v->step) && screen_decision(v))
        options(b, v);
}

const case_tool *text_tool(const case_def *c, const session_view *v)
{
    const case_advice *adv = screen_advice(v);
    if (!c || !adv || screen_by_person(adv) || adv->tool_index < 0 ||
        (size_t)adv->tool_index >= c->n_tools)
        return NULL;
    return &c->tools[adv->tool_index];
}

void text_advice(strbuf *b, const text_style *st, const case_def *c, const session_view *v)
{
    const case_advice *adv = screen_advice(v);
    if (!v->advice_shown || !adv)
        return;
    const case_tool *t = text_tool(c, v);
    if (screen_by_person(adv)) {
        text_heading(b, st, "Advice");
        strbuf_adds(b, "From ");
        text_add_plain(b, adv->source);
        strbuf_adds(b, ", who advises: ");
    } else {
        text_heading(b, st, "AI advice");
        if (t && t->name) {
            strbuf_adds(b, "The AI tool ");
            text_add_plain(b, t->name);
            strbuf_adds(b, " recommends: ");
        } else
            strbuf_adds(b, "The AI recommends: ");
    }
    text_add_plain(b, screen_option_label(screen_decision(v), adv->recommend));
    strbuf_adds(b, ".\n");
    if (adv->has_confidence) {
        char pct[32];
        strbuf_addf(b, "Confidence: %s.\n", ui_format_percent(adv->confidence, pct, sizeof pct));
    }
    line(b, adv->message);
}

void text_explanation(strbuf *b, const text_style *st, const session_view *v)
{
    const case_advice *adv = screen_advice(v);
    bool person = screen_by_person(adv);
    text_heading(b, st, person ? "Their reasons" : "Why the tool says this");
    if (!adv || !adv->n_reasons) {
        strbuf_adds(b, person ? "No reasons were given.\n" : "The tool gives no reasons.\n");
        return;
    }
    for (size_t i = 0; i < adv->n_reasons; i++) {
        const case_reason *r = &adv->reasons[i];
        text_add_plain(b, r->factor);
        if (!person)
            strbuf_addf(b, ": %s by %.2f", r->weight >= 0 ? "raises" : "lowers",
                        r->weight >= 0 ? r->weight : -r->weight);
        strbuf_adds(b, ".\n");
    }
}

void text_model_card(strbuf *b, const text_style *st, const case_tool *t)
{
    strbuf head = STRBUF_INIT;
    strbuf_addf(&head, "Model card: %s%s%s", t->name ? t->name : "the AI tool",
                t->version ? " " : "", t->version ? t->version : "");
    text_heading(b, st, strbuf_oom(&head) ? "Model card" : strbuf_str(&head));
    strbuf_free(&head);
    field(b, "Kind", t->kind);
    field(b, "Intended use", t->intended_use);
    if (t->n_performance) {
        strbuf_adds(b, "Performance: ");
        for (size_t i = 0; i < t->n_performance; i++)
            strbuf_addf(b, "%s%s %g", i ? ", " : "", t->performance[i].key,
                        t->performance[i].value);
        strbuf_adds(b, ".\n");
    }
    field(b, "Training data", t->trained_on);
    if (t->limitations.n)
        strbuf_addf(b, "Limitations, %zu:\n", t->limitations.n);
    for (size_t i = 0; i < t->limitations.n; i++) {
        strbuf_adds(b, "- ");
        line(b, t->limitations.items[i]);
    }
}

void text_results(strbuf *b, const text_style *st, const session_view *v)
{
    size_t n = v->live ? v->live->n_results : 0;
    char head[64];
    snprintf(head, sizeof head, "Results, %zu", n);
    text_heading(b, st, head);
    if (!n)
        strbuf_adds(b, "No results yet.\n");
    for (size_t i = 0; i < n; i++) {
        const case_result *r = &v->live->results[i];
        text_add_plain(b, r->name);
        strbuf_adds(b, ": ");
        if (r->is_num)
            strbuf_addf(b, "%g", r->num);
        else
            text_add_plain(b, r->text);
        if (r->unit)
            strbuf_addf(b, " %s", r->unit);
        if (r->flag && r->flag[0])
            strbuf_addf(b, ", %s", r->flag);
        text_end_sentence(b);
        strbuf_addc(b, '\n');
        if (r->image.file)
            field(b, "Image", r->image.alt);
    }
}

void text_keys(strbuf *b, const case_def *c, const session_view *v)
{
    const case_decision *d = screen_decision(v);
    const case_advice *adv = screen_advice(v);
    bool person = screen_by_person(adv);
    strbuf_adds(b, "Keys:");
    if (is_choice(v->step) && d)
        strbuf_addf(b, " 1 to %zu choose,", d->n_options);
    else if (is_rating(v->step))
        strbuf_adds(b, " 1 to 7 rate,");
    else if (v->step == STEP_RATIONALE)
        strbuf_adds(b, " type your reason,");
    else
        strbuf_adds(b, " Enter continues,");
    if (v->can_ask)
        strbuf_adds(b, person ? " a asks for advice," : " a asks the AI,");
    if (v->advice_shown && adv)
        strbuf_adds(b, person ? " e their reasons," : " e the explanation,");
    if (text_tool(c, v))
        strbuf_adds(b, " m the model card,");
    strbuf_adds(b, " r the results,");
    if (v->deadline_ms >= 0)
        strbuf_adds(b, " t the time left,");
    strbuf_adds(b, " s shows this again, q leaves the case, h lists the keys.\n");
}

void text_prompt(strbuf *b, const session_view *v)
{
    const case_decision *d = screen_decision(v);
    if (is_choice(v->step) && d) {
        strbuf_addf(b, "Type 1 to %zu and press Enter", d->n_options);
        if (v->step == STEP_CHOOSE_FINAL && v->initial)
            strbuf_adds(b, ", or Enter alone to keep it");
        if (v->can_ask) /* the advice is there for the asking: say so each time */
            strbuf_adds(b, screen_by_person(screen_advice(v)) ? ", or a to ask for advice"
                                                              : ", or a to ask the AI");
        strbuf_adds(b, ".\n");
    } else if (is_rating(v->step))
        strbuf_adds(b, "Type 1 to 7 and press Enter.\n");
    else if (v->step == STEP_RATIONALE)
        strbuf_adds(b, "Type your reason and press Enter.\n");
    else
        strbuf_adds(b, "Press Enter to continue.\n");
}

void text_time_limit(strbuf *b, int64_t ms_left)
{
    char t[32];
    strbuf_addf(b, "Time limit: %s to confirm a choice.\n",
                ui_format_countdown(ms_left, t, sizeof t));
}

void text_time_left(strbuf *b, int64_t ms_left)
{
    char t[32];
    strbuf_addf(b, "%s left to confirm a choice.\n", ui_format_countdown(ms_left, t, sizeof t));
}

const char *text_timer_mark(int64_t ms_before, int64_t ms_now)
{
    if (ms_now >= ms_before)
        return NULL;
    ui_countdown_level now = ui_countdown_level_of(ms_now);
    if (ms_now <= 0 || now == ui_countdown_level_of(ms_before))
        return NULL;
    return now == COUNTDOWN_URGENT ? "10 seconds left: confirm now."
                                   : "30 seconds left: confirm soon.";
}

int64_t text_timer_next(int64_t ms_left)
{
    if (ms_left > COUNTDOWN_WARN_MS)
        return ms_left - COUNTDOWN_WARN_MS;
    if (ms_left > COUNTDOWN_URGENT_MS)
        return ms_left - COUNTDOWN_URGENT_MS;
    return ms_left > 0 ? ms_left : 0;
}
