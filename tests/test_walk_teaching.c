/* test_walk_teaching: what `appraise check` says about the teaching of a
 * case (tools/walk_teaching.c, with walk_text.c and walk_analysis.c), on
 * the fixture cases tests/check/teach_*.lua (one mistake each): a best
 * option that ends only in harm, another that ends only well, the AI wrong
 * everywhere, variants with the same advice (and not those that differ in
 * time pressure alone), debrief text missing on some paths, trainee-facing
 * text before and around play (node titles included); and the summary's
 * advised decisions, counted once each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "case_load.h"
#include "failing_alloc.h"
#include "walk.h"

#define CHECK_DIR TEST_DATA_DIR "/check"

typedef struct walked {
    case_def *c;
    walk_result *r;
} walked;

static walked walk_fixture(const char *name, const walk_opts *o)
{
    walked w = {NULL, NULL};
    char path[1024], buf[2048];
    apperr e;
    snprintf(path, sizeof path, "%s/%s", CHECK_DIR, name);
    if (case_load(&w.c, path, NULL, &e) != 0)
        fail_msg("loading %s: %s", path, apperr_format(&e, buf, sizeof buf));
    if (walk_case(w.c, o, &w.r, &e) != 0)
        fail_msg("walking %s: %s", path, apperr_format(&e, buf, sizeof buf));
    return w;
}

static void walked_free(walked *w)
{
    walk_free(w->r);
    case_free(w->c);
}

static size_t count_kind(const walked *w, walk_finding_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < w->r->n_findings; i++)
        n += w->r->findings[i].kind == kind;
    return n;
}

/* The only finding of this kind; fails when there is not exactly one. */
static const walk_finding *the_finding(const walked *w, walk_finding_kind kind)
{
    if (count_kind(w, kind) != 1)
        fail_msg("expected one %s finding, got %zu", walk_finding_kind_name(kind),
                 count_kind(w, kind));
    for (size_t i = 0; i < w->r->n_findings; i++)
        if (w->r->findings[i].kind == kind)
            return &w->r->findings[i];
    return NULL;
}

/* The finding with this message; fails when there is none. */
static const walk_finding *said(const walked *w, const char *message)
{
    for (size_t i = 0; i < w->r->n_findings; i++)
        if (strcmp(w->r->findings[i].message, message) == 0)
            return &w->r->findings[i];
    fail_msg("no finding says: %s", message);
    return NULL;
}

static void assert_path(const walked *w, const walk_finding *f, const char *text)
{
    char buf[4096];
    assert_true(f->has_path);
    assert_string_equal(walk_path_format(w->r, &f->path, buf, sizeof buf), text);
}

/* ---- outcomes after an option --------------------------------------------- */

static void test_best_option_that_ends_only_in_harm_is_a_warning(void **state)
{
    (void)state;
    walked w = walk_fixture("teach_best_harm.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_BEST_HARM);
    assert_false(f->error);
    assert_int_equal(f->line, 24); /* the option's line */
    assert_string_equal(
        f->message,
        "decision 'treat': 'give' is among the best options, yet every path after it ends in a "
        "harm ending ('arrest' on the path below), even when every choice before it was among "
        "the best too: a trainee who chooses well is shown harm; lead it to a good or neutral "
        "ending, or take it out of best");
    assert_path(&w, f, "triage=urgent \xe2\x86\x92 treat=give");
    /* 'give' at 'late' ends in harm too, but 'late' comes only after the
     * poor choice 'routine': that harm is the earlier choice's. */
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

static void test_other_option_that_ends_only_well_is_a_warning(void **state)
{
    (void)state;
    walked w = walk_fixture("teach_other_good.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_OTHER_GOOD);
    assert_false(f->error);
    assert_int_equal(f->line, 11);
    assert_string_equal(
        f->message,
        "decision 'plan': 'later' is not among the best options, yet every path after it ends "
        "in a good ending ('well' on the path below): a trainee learns that the choice does not "
        "matter; lead it to a neutral or harm ending, or add it to best");
    /* The path goes on past the choice to the ending. */
    assert_path(&w, f, "plan=later \xe2\x86\x92 review=treat");
    /* 'review' has no best list: nothing is said of its options. */
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

static void test_options_of_a_sound_case_are_not_reported(void **state)
{
    (void)state;
    walked w = walk_fixture("clean.lua", NULL);
    assert_int_equal(count_kind(&w, WALK_BEST_HARM) + count_kind(&w, WALK_OTHER_GOOD), 0);
    walked_free(&w);
}

/* ---- the AI wrong everywhere ----------------------------------------------- */

static void test_ai_wrong_at_every_advised_decision_is_a_warning(void **state)
{
    (void)state;
    walked w = walk_fixture("teach_ai_always_wrong.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_AI_ALWAYS_WRONG);
    assert_false(f->error);
    assert_int_equal(f->line, 6);
    assert_string_equal(f->message,
                        "the AI is wrong at every advised decision the walk reached (2): a "
                        "trainee learns only to ignore it, not when to trust it; make it right "
                        "somewhere, or in a variant");
    assert_path(&w, f, "(the start)");
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

static void test_ai_wrong_at_its_one_advised_decision_is_no_warning(void **state)
{
    (void)state;
    /* A case built on one advised decision where the AI errs. */
    walked w = walk_fixture("no_debrief.lua", NULL);
    assert_int_equal(count_kind(&w, WALK_AI_ALWAYS_WRONG), 0);
    walked_free(&w);
}

/* ---- variants with the same advice ----------------------------------------- */

static void test_variants_with_the_same_advice_are_a_warning(void **state)
{
    (void)state;
    walked w = walk_fixture("teach_same_advice.lua", NULL);
    /* 'registrar' differs in its source, 'truth' is wrong where the others
     * are right: only 'plain' and 'copy' are the same. */
    const walk_finding *f = the_finding(&w, WALK_SAME_ADVICE);
    assert_false(f->error);
    assert_int_equal(f->line, 9);
    assert_string_equal(
        f->message,
        "the variants 'plain' and 'copy' give the same advice at every advised decision (the "
        "same recommendation, source, tool, message, reasons, confidence and timing, right or "
        "wrong alike), with the same text, options, best and time limit there: at those "
        "decisions the trainee cannot tell them apart; make the advice differ where they should "
        "(variants.pick, or a function of s.variant)");
    assert_path(&w, f, "(the start)");
    assert_string_equal(f->path.variant, "plain");
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

static void test_variants_that_differ_in_time_limit_alone_are_no_warning(void **state)
{
    (void)state;
    /* 'calm' and 'rushed' give the same advice; the time limit is a
     * function of s.variant: time pressure is what they compare. */
    walked w = walk_fixture("same_advice_time.lua", NULL);
    assert_int_equal(count_kind(&w, WALK_SAME_ADVICE), 0);
    assert_int_equal(w.r->n_findings, 0);
    walked_free(&w);
}

static void test_one_variant_walked_alone_is_compared_with_none(void **state)
{
    (void)state;
    walk_opts o = {.variant = "copy"};
    walked w = walk_fixture("teach_same_advice.lua", &o);
    assert_int_equal(count_kind(&w, WALK_SAME_ADVICE), 0);
    walked_free(&w);
}

/* ---- debrief text on some paths -------------------------------------------- */

static void test_debrief_empty_on_some_paths_is_said_with_that_path(void **state)
{
    (void)state;
    walked w = walk_fixture("teach_debrief_fn.lua", NULL);
    const walk_finding *f = the_finding(&w, WALK_NO_DEBRIEF);
    assert_int_equal(f->line, 19);
    assert_string_equal(f->message,
                        "decision 'second' gives advice but its debrief text is empty on some "
                        "paths, as on the path below: say what the trainee should have noticed "
                        "on every path (a debrief function returns text for each)");
    assert_path(&w, f, "first=b");
    assert_int_equal(w.r->n_findings, 1);
    walked_free(&w);
}

/* ---- trainee-facing text --------------------------------------------------- */

static void test_header_card_and_library_text_that_tell_too_much_are_warnings(void **state)
{
    (void)state;
    walked w = walk_fixture("teach_library_text.lua", NULL);
    static const char *const variant_talk[] = {
        "the patient's complaint, which the trainee sees, names the variant id 'framing_a': "
        "trainees should not know which version they play; write it without naming the variant",
        "the AI's model card, which the trainee sees, names the variant id 'framing_b': "
        "trainees should not know which version they play; write it without naming the variant",
        "node 'look': its image's description, which the trainee sees, names the word "
        "'variant': write the text each variant shows without naming it (variants.pick, or a "
        "function of s.variant)"};
    static const char *const given_away[] = {
        "the case's title, shown in the library before play, says 'was wrong': it gives the "
        "outcome away; say what the case is about, not how it turns out",
        "the case's summary, shown in the library before play, says 'was wrong': it gives the "
        "outcome away; say what the case is about, not how it turns out",
        "the case's tag, shown in the library before play, says 'false-negative': it gives the "
        "outcome away; say what the case is about, not how it turns out",
        "the case's tag, shown in the library before play, names the variant id 'framing_b': "
        "trainees should not know which version they play"};
    /* Each at the line that writes it: the patient's complaint, the
     * limitation on the card, the image; the title, the summary, the tags. */
    static const int variant_line[] = {11, 14, 18}, given_line[] = {7, 8, 9, 9};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(said(&w, variant_talk[i])->kind, WALK_VARIANT_TALK);
        assert_int_equal(said(&w, variant_talk[i])->line, variant_line[i]);
    }
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(said(&w, given_away[i])->kind, WALK_OUTCOME_GIVEN_AWAY);
        assert_int_equal(said(&w, given_away[i])->line, given_line[i]);
    }
    assert_int_equal(w.r->n_findings, 7);
    walked_free(&w);
}

static void test_node_titles_that_give_the_outcome_away_are_warnings(void **state)
{
    (void)state;
    walked w = walk_fixture("teach_node_title.lua", NULL);
    /* A decision's, a narrative node's and a title a function writes; not
     * an ending's ('Missed fracture' at 'back'). */
    static const struct {
        const char *message;
        int line;
        const char *path;
    } want[] = {
        {"node 'xray': its title, which the trainee sees before choosing, says 'missed': it "
         "gives the outcome away; name what the step is about, not how it turns out",
         8, "(the start)"},
        {"node 'second': its title, which the trainee sees before choosing, says 'gets it "
         "wrong': it gives the outcome away; name what the step is about, not how it turns out",
         22, "xray=look"},
        {"node 'cast': its title, which the trainee sees before choosing, says 'was right': it "
         "gives the outcome away; name what the step is about, not how it turns out",
         27, "xray=look"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const walk_finding *f = said(&w, want[i].message);
        assert_int_equal(f->kind, WALK_OUTCOME_GIVEN_AWAY);
        assert_false(f->error);
        assert_int_equal(f->line, want[i].line);
        assert_path(&w, f, want[i].path);
    }
    assert_int_equal(w.r->n_findings, 3);
    walked_free(&w);
}

/* ---- the summary's counts -------------------------------------------------- */

static void test_advised_decisions_are_counted_once_each(void **state)
{
    (void)state;
    /* One advised decision, reached on two paths. */
    walked w = walk_fixture("no_debrief.lua", NULL);
    const walk_variant *v = &w.r->variants[0];
    assert_int_equal(v->advised_decisions, 1);
    assert_true(v->advised_paths == 2);
    assert_int_equal(v->ai_right_decisions, 0);
    assert_true(v->advised == 2 && v->ai_right == 0); /* visits along paths, as before */
    walked_free(&w);
    /* Right at one, wrong at the other; reached on all four paths. */
    w = walk_fixture("clean.lua", NULL);
    v = &w.r->variants[0];
    assert_int_equal(v->advised_decisions, 2);
    assert_int_equal(v->ai_right_decisions, 1);
    assert_int_equal(v->ai_mixed_decisions, 0);
    assert_true(v->advised_paths == 4);
    walked_free(&w);
    /* Wrong at 'first'; at 'second' right on some paths, wrong on others. */
    w = walk_fixture("advice_by_path.lua", NULL);
    v = &w.r->variants[0];
    assert_int_equal(v->advised_decisions, 2);
    assert_int_equal(v->ai_right_decisions, 0);
    assert_int_equal(v->ai_mixed_decisions, 1);
    assert_int_equal(w.r->n_findings, 0);
    walked_free(&w);
}

/* ---- out of memory ---------------------------------------------------------- */

/* Fails each allocation of the walk in turn: the walk fails cleanly or
 * finds what it finds with memory enough, and leaves nothing allocated. */
static void walk_failing_each_allocation(const char *name)
{
    walked ref = walk_fixture(name, NULL);
    apperr e;
    failing_alloc_install();
    for (long n = 0, failed = 1; failed; n++) {
        walk_result *r = NULL;
        alloc_live = 0;
        alloc_fail_in = n;
        int rc = walk_case(ref.c, NULL, &r, &e);
        failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        if (rc != 0) {
            assert_true(failed);
            assert_int_equal(e.kind, APPERR_ENV);
        } else if (!failed) {
            assert_int_equal(r->n_findings, ref.r->n_findings);
        }
        walk_free(r);
        if (alloc_live != 0)
            fail_msg("%s: allocation %ld failing leaves %ld blocks", name, n, alloc_live);
    }
    failing_alloc_remove();
    walked_free(&ref);
}

static void test_teaching_checks_out_of_memory_fail_cleanly(void **state)
{
    (void)state;
    static const char *const names[] = {"teach_best_harm.lua",       "teach_other_good.lua",
                                        "teach_same_advice.lua",     "teach_debrief_fn.lua",
                                        "teach_ai_always_wrong.lua", "teach_node_title.lua",
                                        "same_advice_time.lua"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        walk_failing_each_allocation(names[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_best_option_that_ends_only_in_harm_is_a_warning),
        cmocka_unit_test(test_other_option_that_ends_only_well_is_a_warning),
        cmocka_unit_test(test_options_of_a_sound_case_are_not_reported),
        cmocka_unit_test(test_ai_wrong_at_every_advised_decision_is_a_warning),
        cmocka_unit_test(test_ai_wrong_at_its_one_advised_decision_is_no_warning),
        cmocka_unit_test(test_variants_with_the_same_advice_are_a_warning),
        cmocka_unit_test(test_variants_that_differ_in_time_limit_alone_are_no_warning),
        cmocka_unit_test(test_one_variant_walked_alone_is_compared_with_none),
        cmocka_unit_test(test_debrief_empty_on_some_paths_is_said_with_that_path),
        cmocka_unit_test(test_header_card_and_library_text_that_tell_too_much_are_warnings),
        cmocka_unit_test(test_node_titles_that_give_the_outcome_away_are_warnings),
        cmocka_unit_test(test_advised_decisions_are_counted_once_each),
        cmocka_unit_test(test_teaching_checks_out_of_memory_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
