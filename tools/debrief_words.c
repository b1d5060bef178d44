/* debrief_words: the metrics in plain language (debrief_words.h). The
 * definitions follow decision-log.md "Debrief metrics" word for word in
 * substance; the sources are the published papers the measures come from. */
#include "debrief_words.h"

#include <stdio.h>

#define SCHEMMER                                                                                   \
    "Schemmer, K\u00fchl, Benz, Bartos & Satzger, \u201cAppropriate Reliance on AI Advice: "       \
    "Conceptualization and the Effect of Explanations\u201d, IUI 2023, "                           \
    "doi:10.1145/3581641.3584066"
#define GODDARD                                                                                    \
    "Goddard, Roudsari & Wyatt, \u201cAutomation bias: a systematic review of frequency, effect "  \
    "mediators, and mitigators\u201d, JAMIA 19(1):121\u2013127, 2012, "                            \
    "doi:10.1136/amiajnl-2011-000089"
#define DIETVORST                                                                                  \
    "Dietvorst, Simmons & Massey, \u201cAlgorithm aversion: people erroneously avoid algorithms "  \
    "after seeing them err\u201d, J Exp Psychol Gen 144(1):114\u2013126, 2015, "                   \
    "doi:10.1037/xge0000033"
#define LEE_SEE                                                                                    \
    "Lee & See, \u201cTrust in automation: designing for appropriate reliance\u201d, Human "       \
    "Factors 46(1):50\u201380, 2004"
#define HANLEY                                                                                     \
    "Hanley & McNeil, \u201cThe meaning and use of the area under a receiver operating "           \
    "characteristic (ROC) curve\u201d, Radiology 143(1):29\u201336, 1982"

/* In metric_id order (metrics.h). */
static const debrief_word words[METRIC_COUNT] = {
    [METRIC_DECISIONS] = {"Decisions", "every decision point the trainees reached",
                          "A count: no better or worse", NULL,
                          "the count of decision records, with and without advice", NULL},
    [METRIC_WITH_ADVICE] = {"Decisions with advice", "decisions where the advice was shown",
                            "A count: no better or worse", NULL,
                            "every after_initial and with_case decision, and an on_request one "
                            "where the trainee asked",
                            NULL},
    [METRIC_AI_ACCURACY] = {"AI accuracy", "how often the simulated tool was right",
                            "Set by the case, not by the trainees", "the AI was right",
                            "P(ai_correct) over decisions with advice: the AI's option is one of "
                            "the case's accepted answers",
                            NULL},
    [METRIC_UNAIDED_ACCURACY] = {"Unaided accuracy", "right answers before seeing the advice",
                                 "Higher is better", "chose a right answer before the advice",
                                 "P(initial_correct) over after_initial decisions with advice",
                                 NULL},
    [METRIC_FINAL_ACCURACY] = {"Final accuracy", "right answers in the end, with the advice",
                               "Higher is better", "chose a right answer",
                               "P(final_correct) over decisions with advice", NULL},
    [METRIC_ACCURACY_AI_RIGHT] = {"Final accuracy when the AI was right",
                                  "right answers when the advice was good", "Higher is better",
                                  "chose a right answer",
                                  "P(final_correct | ai_correct) over decisions with advice", NULL},
    [METRIC_ACCURACY_AI_WRONG] = {"Final accuracy when the AI was wrong",
                                  "right answers in spite of bad advice", "Higher is better",
                                  "chose a right answer",
                                  "P(final_correct | not ai_correct) over decisions with advice",
                                  NULL},
    [METRIC_AGREEMENT] = {"Agreement with the AI", "how often the final choice was the AI's",
                          "Neither: it should match the AI's accuracy", "followed the advice",
                          "P(followed_ai) over decisions with advice", NULL},
    [METRIC_SWITCH_TO_AI] = {"Switched to the AI's answer",
                             "changing one's mind to the AI's answer",
                             "Good only when the AI was right", "switched to the AI's answer",
                             "#(initial \u2260 ai \u2227 final = ai) / #(initial \u2260 ai), "
                             "after_initial decisions with advice",
                             NULL},
    [METRIC_OVER_RELIANCE] = {"Over-reliance", "following advice that was wrong", "Lower is better",
                              "followed wrong advice",
                              "P(followed_ai | not ai_correct) over decisions with advice: "
                              "automation bias, an error of commission",
                              GODDARD},
    [METRIC_HARMFUL_SWITCHES] = {"Harmful switches", "right first, then wrong by following the AI",
                                 "Lower is better", NULL,
                                 "#(initial correct \u2227 final wrong \u2227 final = ai), "
                                 "after_initial decisions",
                                 NULL},
    [METRIC_UNDER_RELIANCE] = {"Under-reliance", "overriding advice that was right",
                               "Lower is better", "overrode right advice",
                               "P(not followed_ai | ai_correct) over decisions with advice: "
                               "algorithm aversion",
                               DIETVORST},
    [METRIC_RAIR] =
        {"Relative AI reliance (RAIR)", "taking the AI's right answer when one's own was wrong",
         "Higher is better", "ended on a right answer after a wrong first choice and right advice",
         "#(initial wrong \u2227 ai right \u2227 final right) / #(initial wrong \u2227 ai right), "
         "after_initial only, read from the reliance_table",
         SCHEMMER},
    [METRIC_RSR] =
        {"Relative self-reliance (RSR)", "keeping one's own right answer when the AI was wrong",
         "Higher is better", "stayed right against wrong advice",
         "#(initial right \u2227 ai wrong \u2227 final right) / #(initial right \u2227 ai wrong), "
         "after_initial only, read from the reliance_table",
         SCHEMMER},
    [METRIC_DISCRIMINATION] = {"Discrimination", "telling good advice from bad",
                               "Higher is better (+1 at best, 0 blind)", NULL,
                               "P(follow | ai right) \u2212 P(follow | ai wrong)", LEE_SEE},
    [METRIC_TRUST_AI_RIGHT] = {"Mean trust when the AI was right",
                               "the trust (1\u20137) given to good advice", "Higher is better",
                               NULL, "mean trust over decisions with advice where the AI was right",
                               NULL},
    [METRIC_TRUST_AI_WRONG] = {"Mean trust when the AI was wrong",
                               "the trust (1\u20137) given to bad advice", "Lower is better", NULL,
                               "mean trust over decisions with advice where the AI was wrong",
                               NULL},
    [METRIC_TRUST_AUROC] = {"Trust calibration (AUROC)",
                            "whether trust was higher for right advice than for wrong",
                            "Higher is better: 0.5 is blind, 1 perfect", NULL,
                            "the area under the ROC curve of trust separating AI right from AI "
                            "wrong (a tie counts \u00bd)",
                            HANLEY "; " LEE_SEE},
    [METRIC_CONFIDENCE_RIGHT] = {"Mean confidence when right",
                                 "self-confidence (1\u20137) in right final choices",
                                 "Higher than when wrong is better", NULL,
                                 "mean final_confidence over decisions whose final choice was "
                                 "right",
                                 NULL},
    [METRIC_CONFIDENCE_WRONG] = {"Mean confidence when wrong",
                                 "self-confidence (1\u20137) in wrong final choices",
                                 "Lower than when right is better", NULL,
                                 "mean final_confidence over decisions whose final choice was "
                                 "wrong",
                                 NULL},
    [METRIC_CONFIDENCE_AUROC] = {"Self-calibration (confidence AUROC)",
                                 "whether one's own confidence was higher in right choices than "
                                 "in wrong ones",
                                 "Higher is better: 0.5 is blind, 1 perfect", NULL,
                                 "the area under the ROC curve of final_confidence (1\u20137) "
                                 "separating right final choices from wrong ones, all decisions "
                                 "with both (a tie counts \u00bd)",
                                 HANLEY},
    [METRIC_ADVICE_REQUESTED] = {"Advice requested", "asking for advice when it was optional",
                                 "Neither: asking is good when unsure, not a habit",
                                 "asked for the advice",
                                 "P(advice_requested) over on_request decisions", NULL},
    [METRIC_EXPLANATION_OPENED] =
        {"Explanation opened", "looking at why the AI said what it did",
         "Neither on its own: it helps when it leads to catching wrong advice",
         "opened the explanation",
         "P(\u201cexplanation\u201d in viewed) over decisions with advice", NULL},
    [METRIC_MEDIAN_MS_FINAL] = {"Median time to the final choice", "how long a final choice took",
                                "A time: no better or worse; quicker is not better", NULL,
                                "the median ms_final (from the advice, or from entering the "
                                "decision without advice), all decisions",
                                NULL},
    [METRIC_MEDIAN_MS_INITIAL] = {"Median time to the initial choice",
                                  "how long the first choice took",
                                  "A time: no better or worse; quicker is not better", NULL,
                                  "the median ms_initial, all decisions that have one", NULL},
    [METRIC_TIMEOUTS] = {"Timeouts", "time running out before a choice", "Lower is better",
                         "ran out of time",
                         "P(timed_out) over decisions with a time limit in force", NULL},
    [METRIC_OUTCOMES] = {"Endings by outcome", "how the cases ended for the patient",
                         "More good and fewer harm endings is better", NULL,
                         "the count of ending records by outcome: good, neutral, harm", NULL},
    [METRIC_SESSIONS] = {"Sessions", "cases played", "A count: no better or worse", NULL,
                         "sessions read and counted, by how each ended", NULL},
    [METRIC_INCOMPLETE] = {"Incomplete sessions", "sessions cut short (no session_end)",
                           "Lower is better", NULL, "sessions whose log has no session_end record",
                           NULL},
    [METRIC_ADJUSTED_TIME_LIMITS] = {"Adjusted time limits",
                                     "sessions played with time limits doubled or off",
                                     "A count: no better or worse", NULL,
                                     "sessions whose time_limits setting is double or off", NULL},
};

const metric_id debrief_words_headlines[DEBRIEF_WORDS_HEADLINES] = {
    METRIC_OVER_RELIANCE, METRIC_UNDER_RELIANCE, METRIC_FINAL_ACCURACY};

const debrief_word *debrief_words(metric_id id)
{
    return &words[(unsigned)id < METRIC_COUNT ? id : METRIC_DECISIONS];
}

const char *debrief_words_count(metric_id id, const metrics *m, const char *who, char *buf,
                                size_t size)
{
    const debrief_word *w = debrief_words(id);
    const metric_value *v = &m->m[id];
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (metrics_kind(id) == METRIC_KIND_PROPORTION && v->has && w->did)
        snprintf(buf, size, "%s %s %ld time%s out of %ld", who, w->did, v->num,
                 v->num == 1 ? "" : "s", v->den);
    else if (metrics_kind(id) == METRIC_KIND_PROPORTION && v->has)
        snprintf(buf, size, "%s: %ld of %ld", who, v->num, v->den);
    else if (metrics_kind(id) == METRIC_KIND_STAT && v->has)
        snprintf(buf, size, "%s's figure is %.2f (n = %ld)", who, v->value, v->n);
    else if (metrics_kind(id) == METRIC_KIND_COUNT)
        snprintf(buf, size, "%s: %.0f", who, v->value);
    return buf;
}

const char *debrief_words_sentence(metric_id id, const metrics *m, const char *who, char *buf,
                                   size_t size)
{
    const debrief_word *w = debrief_words(id);
    char count[256];
    debrief_words_count(id, m, who, count, sizeof count);
    if (size == 0)
        return buf;
    if (w->good)
        snprintf(buf, size, "%s: %s. %s; %s.", w->name, w->means, w->good,
                 count[0] ? count : "there was no decision to judge it on");
    else
        snprintf(buf, size, "%s: %s; %s.", w->name, w->means,
                 count[0] ? count : "there was no decision to judge it on");
    return buf;
}
