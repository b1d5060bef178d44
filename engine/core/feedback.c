/* feedback: the engine's sentences after a decision, from its record. Each
 * sentence is one function; feedback_text strings them together. */
#include "feedback.h"

#include <string.h>

#include "metrics.h"
#include "strbuf.h"

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

const char *feedback_record_label(const log_decision *d, const char *id)
{
    for (size_t i = 0; id && i < d->n_options && i < d->n_labels; i++)
        if (same(d->options[i], id) && d->labels[i] && d->labels[i][0])
            return d->labels[i];
    return NULL;
}

const char *feedback_list_sep(size_t i, size_t n)
{
    if (i == 0)
        return "";
    return i + 1 == n ? " or " : ", ";
}

/* The option's label from the record's labels, else its id. */
static const char *label(const log_decision *d, const char *id)
{
    const char *l = feedback_record_label(d, id);
    return l ? l : id ? id : "";
}

/* Whether the advice was before the trainee's eyes when they chose: after
 * the first choice only once that was made. */
static bool advice_seen(const log_decision *d)
{
    if (!d->ai || !metrics_advice_shown(d))
        return false;
    return !same(d->timing, "after_initial") || d->initial;
}

feedback_verdict feedback_verdict_of(const log_decision *d)
{
    if (d->timed_out && !d->final)
        return FEEDBACK_TIMED_OUT;
    if (!d->final || d->n_best == 0)
        return FEEDBACK_UNJUDGED;
    return metrics_is_best(d, d->final) ? FEEDBACK_RIGHT : FEEDBACK_WRONG;
}

const char *feedback_headline(feedback_verdict v)
{
    switch (v) {
    case FEEDBACK_TIMED_OUT:
        return "Time ran out: you had not confirmed a choice";
    case FEEDBACK_RIGHT:
        return "Your choice was among the best answers";
    case FEEDBACK_WRONG:
        return "Your choice was not the best answer";
    case FEEDBACK_UNJUDGED:
        break;
    }
    return NULL;
}

/* "A", "A or B", "A, B or C". */
static void add_best(strbuf *b, const log_decision *d)
{
    for (size_t i = 0; i < d->n_best; i++) {
        strbuf_adds(b, feedback_list_sep(i, d->n_best));
        strbuf_adds(b, label(d, d->best[i]));
    }
}

/* What was chosen against the best answers. */
static void add_choice(strbuf *b, const log_decision *d)
{
    feedback_verdict v = feedback_verdict_of(d);
    if (v == FEEDBACK_TIMED_OUT) {
        if (d->initial)
            strbuf_addf(b, " Your first choice had been %s.", label(d, d->initial));
    } else if (d->final) {
        strbuf_addf(b, " You chose %s", label(d, d->final));
        if (v == FEEDBACK_RIGHT && d->n_best == 1) {
            strbuf_adds(b, ", the best answer.");
            return;
        }
        strbuf_adds(b, v == FEEDBACK_RIGHT ? ", one of the best answers." : ".");
    }
    if (d->n_best == 0)
        return;
    if (v == FEEDBACK_RIGHT) {
        strbuf_adds(b, " The best answers were ");
    } else {
        strbuf_adds(b, d->n_best == 1 ? " The best answer was " : " The best answers were ");
    }
    add_best(b, d);
    strbuf_addc(b, '.');
}

/* ", which was right." / ", which was wrong." / "." */
static void add_judgement(strbuf *b, const log_decision *d)
{
    if (d->has_ai_correct)
        strbuf_adds(b, d->ai_correct ? ", which was right." : ", which was wrong.");
    else
        strbuf_addc(b, '.');
}

/* What the advice was, and whether it was right; or that it was not seen. */
static void add_advice(strbuf *b, const log_decision *d, bool by_person)
{
    if (!d->ai)
        return;
    const char *ai = label(d, d->ai);
    if (advice_seen(d) && same(d->ai, d->final)) {
        /* Named once already: "You chose X." */
        strbuf_adds(b, by_person ? " The advice was the same" : " The AI advised the same");
        add_judgement(b, d);
        return;
    }
    /* The one best answer is named already: "The best answer was X." */
    bool the_best = d->n_best == 1 && d->has_ai_correct && d->ai_correct &&
                    feedback_verdict_of(d) != FEEDBACK_RIGHT;
    if (advice_seen(d) && the_best) {
        strbuf_adds(b, by_person ? " The advice was the best answer."
                                 : " The AI advised the best answer.");
        return;
    }
    if (advice_seen(d)) {
        strbuf_addf(b, by_person ? " The advice was %s" : " The AI advised %s", ai);
        add_judgement(b, d);
        return;
    }
    if (same(d->timing, "on_request") && !(d->has_advice_requested && d->advice_requested))
        strbuf_adds(b, by_person ? " You did not ask for the advice."
                                 : " You did not ask for the AI's advice.");
    else
        strbuf_adds(b, by_person ? " You did not see the advice."
                                 : " You did not see the AI's advice.");
    strbuf_addf(b, by_person ? " It would have been %s" : " It would have advised %s", ai);
    add_judgement(b, d);
}

/* Whether the trainee changed their mind after the advice, and to what. */
static void add_switch(strbuf *b, const log_decision *d, bool by_person)
{
    if (!d->initial || !d->final || !advice_seen(d))
        return;
    const char *first = label(d, d->initial), *last = label(d, d->final);
    const char *whose = by_person ? "the advised answer" : "the AI's answer";
    if (same(d->initial, d->final)) {
        strbuf_adds(b, " You kept your first choice.");
        return;
    }
    if (same(d->final, d->ai))
        strbuf_addf(b, " You changed from %s to %s after the advice.", first, whose);
    else if (same(d->initial, d->ai))
        strbuf_addf(b, " You changed from %s, %s, to %s after the advice.", first, whose, last);
    else
        strbuf_addf(b, " You changed from %s to %s after the advice.", first, last);
    bool was_right = metrics_is_best(d, d->initial), is_right = metrics_is_best(d, d->final);
    if (d->n_best && !was_right && is_right)
        strbuf_adds(b, " The change was for the better.");
    else if (d->n_best && was_right && !is_right)
        strbuf_adds(b, " Your first choice was the better one.");
}

static char *build(const log_decision *d, bool by_person, bool timeout_sentence)
{
    strbuf b = STRBUF_INIT;
    if (timeout_sentence && feedback_verdict_of(d) == FEEDBACK_TIMED_OUT)
        strbuf_addf(&b, " %s.", feedback_headline(FEEDBACK_TIMED_OUT));
    /* Three lines at most: the choice, the advice, the change of mind. Each
     * part starts with a space, which becomes the line break. */
    size_t breaks[2];
    add_choice(&b, d);
    breaks[0] = b.len;
    add_advice(&b, d, by_person);
    breaks[1] = b.len;
    add_switch(&b, d, by_person);
    size_t end = b.len;
    char *s = strbuf_finish(&b);
    if (!s)
        return NULL;
    for (size_t i = 0; i < 2; i++)
        if (breaks[i] > 0 && breaks[i] < end && s[breaks[i]] == ' ')
            s[breaks[i]] = '\n';
    if (s[0] == ' ')
        memmove(s, s + 1, strlen(s));
    return s;
}

char *feedback_text(const log_decision *d, bool by_person)
{
    return build(d, by_person, true);
}

char *feedback_body(const log_decision *d, bool by_person)
{
    return build(d, by_person, false);
}
