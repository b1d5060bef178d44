/* case_model: node and option lookups, names, and copying and freeing the
 * parts of a case. Run under ASan (APPRAISE_SANITIZE) to prove the copies
 * share nothing with their source; the out-of-memory tests (plain builds on
 * glibc) prove a copy that fails part way leaks nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_model.h"

#include "failing_alloc.h"
#include "mem.h"

/* ---- building nodes ---- */

/* The node's parts come from the allocation hook, as the loader's do. */
static char *str_dup(const char *s)
{
    char *d = mem_strdup(s);
    assert_non_null(d);
    return d;
}

static strlist list_of(size_t n, const char *const *items)
{
    strlist l = {mem_calloc(n, sizeof(char *)), n};
    assert_non_null(l.items);
    for (size_t i = 0; i < n; i++)
        l.items[i] = str_dup(items[i]);
    return l;
}

static char FILE_NAME[] = "sepsis.lua";

/* A decision node with every owned part filled in. */
static void full_decision(case_node *n)
{
    static const char *const best[] = {"sepsis6", "senior"};
    memset(n, 0, sizeof *n);
    n->id = str_dup("arrival");
    n->line = 42;
    n->file = FILE_NAME;
    n->title = str_dup("Majors cubicle 4");
    n->text = str_dup("Mrs Hale is drowsy but rousable.");
    n->elapsed = 15;
    n->kind = NODE_DECISION;
    n->debrief = str_dup("qSOFA is not a screening tool.");
    n->dynamic = true;
    case_decision *d = &n->decision;
    d->prompt = str_dup("What do you do now?");
    d->n_options = 3;
    d->options = mem_calloc(3, sizeof *d->options);
    assert_non_null(d->options);
    d->options[0] = (case_option){
        str_dup("sepsis6"), str_dup("Start the Sepsis Six"), str_dup("treated"), 0, 50, NULL};
    d->options[1] = (case_option){str_dup("repeat"),
                                  str_dup("Repeat observations"),
                                  NULL,
                                  7,
                                  51,
                                  str_dup("Repeating loses an hour.")};
    d->options[2] = (case_option){
        str_dup("senior"), str_dup("Ask for senior review"), str_dup("treated"), 0, 52, NULL};
    d->best = list_of(2, best);
    d->advice.present = true;
    d->advice.tool = str_dup("SepsisWatch");
    d->advice.tool_index = 0;
    d->advice.recommend = str_dup("repeat");
    d->advice.has_confidence = true;
    d->advice.confidence = 0.87;
    d->advice.message = str_dup("Sepsis risk LOW (13%).");
    d->advice.n_reasons = 2;
    d->advice.reasons = mem_calloc(2, sizeof *d->advice.reasons);
    assert_non_null(d->advice.reasons);
    d->advice.reasons[0] = (case_reason){str_dup("Temperature below 39 C"), -0.21};
    d->advice.reasons[1] = (case_reason){str_dup("Age 78"), 0.12};
    d->advice.timing = TIMING_ON_REQUEST;
    d->advice.source = str_dup("AI");
    d->ask_trust = true;
    d->ask_confidence = true;
    d->ask_rationale = RATIONALE_OVERRIDE;
    d->time_limit = 120;
    d->on_timeout = str_dup("worse");
    d->on_timeout_fn = 9;
    d->on_timeout_line = 60;
    d->next = str_dup("later");
    d->next_fn = 11;
    d->feedback = str_dup("The bundle is time-critical.");
    n->next = str_dup("stray"); /* unused by a decision node, but owned all the same */
    n->ending.summary = str_dup("stray summary");
}

/* Every owned pointer of b is its own block, and the values equal a's. */
static void assert_same_but_separate(const case_node *a, const case_node *b)
{
    assert_string_equal(b->id, a->id);
    assert_ptr_not_equal(b->id, a->id);
    assert_ptr_equal(b->file, a->file); /* borrowed */
    assert_int_equal(b->line, a->line);
    assert_string_equal(b->title, a->title);
    assert_ptr_not_equal(b->title, a->title);
    assert_string_equal(b->text, a->text);
    assert_true(b->elapsed == a->elapsed);
    assert_int_equal(b->kind, a->kind);
    assert_string_equal(b->debrief, a->debrief);
    assert_true(b->dynamic == a->dynamic);
    const case_decision *x = &a->decision, *y = &b->decision;
    assert_string_equal(y->prompt, x->prompt);
    assert_int_equal(y->n_options, x->n_options);
    assert_ptr_not_equal(y->options, x->options);
    for (size_t i = 0; i < x->n_options; i++) {
        assert_string_equal(y->options[i].id, x->options[i].id);
        assert_ptr_not_equal(y->options[i].id, x->options[i].id);
        assert_string_equal(y->options[i].label, x->options[i].label);
        if (x->options[i].next)
            assert_string_equal(y->options[i].next, x->options[i].next);
        else
            assert_null(y->options[i].next);
        assert_int_equal(y->options[i].next_fn, x->options[i].next_fn);
        assert_int_equal(y->options[i].line, x->options[i].line);
        if (x->options[i].feedback)
            assert_string_equal(y->options[i].feedback, x->options[i].feedback);
        else
            assert_null(y->options[i].feedback);
    }
    assert_int_equal(y->best.n, x->best.n);
    assert_ptr_not_equal(y->best.items, x->best.items);
    for (size_t i = 0; i < x->best.n; i++)
        assert_string_equal(y->best.items[i], x->best.items[i]);
    assert_string_equal(y->advice.tool, x->advice.tool);
    assert_string_equal(y->advice.recommend, x->advice.recommend);
    assert_true(y->advice.confidence == x->advice.confidence);
    assert_int_equal(y->advice.n_reasons, x->advice.n_reasons);
    for (size_t i = 0; i < x->advice.n_reasons; i++) {
        assert_string_equal(y->advice.reasons[i].factor, x->advice.reasons[i].factor);
        assert_ptr_not_equal(y->advice.reasons[i].factor, x->advice.reasons[i].factor);
        assert_true(y->advice.reasons[i].weight == x->advice.reasons[i].weight);
    }
    assert_int_equal(y->advice.timing, x->advice.timing);
    assert_string_equal(y->advice.source, x->advice.source);
    assert_int_equal(y->ask_rationale, x->ask_rationale);
    assert_true(y->time_limit == x->time_limit);
    assert_string_equal(y->on_timeout, x->on_timeout);
    assert_int_equal(y->on_timeout_fn, x->on_timeout_fn);
    assert_int_equal(y->on_timeout_line, x->on_timeout_line);
    assert_string_equal(y->next, x->next);
    assert_int_equal(y->next_fn, x->next_fn);
    assert_string_equal(y->feedback, x->feedback);
    assert_string_equal(b->next, a->next);
    assert_string_equal(b->ending.summary, a->ending.summary);
}

/* ---- lookups ---- */

static case_node NODES[5];
static case_def CASE;

static int setup_case(void **state)
{
    static const char *const ids[] = {"arrival", "ending_bad", "ending_good", "treated", "worse"};
    (void)state;
    memset(&CASE, 0, sizeof CASE);
    for (size_t i = 0; i < 5; i++) {
        memset(&NODES[i], 0, sizeof NODES[i]);
        NODES[i].id = (char *)ids[i];
    }
    CASE.nodes = NODES;
    CASE.n_nodes = 5;
    return 0;
}

static void test_case_find_node_finds_every_node_by_id(void **state)
{
    (void)state;
    for (size_t i = 0; i < CASE.n_nodes; i++) {
        assert_int_equal(case_node_index(&CASE, NODES[i].id), (long)i);
        assert_ptr_equal(case_find_node(&CASE, NODES[i].id), &NODES[i]);
    }
    /* every prefix length of the array, so both halves of the search are walked */
    for (size_t n = 0; n <= 5; n++) {
        case_def c = {.nodes = NODES, .n_nodes = n};
        for (size_t i = 0; i < 5; i++)
            assert_int_equal(case_node_index(&c, NODES[i].id), i < n ? (long)i : -1);
    }
}

static void test_case_find_node_returns_null_for_unknown_ids(void **state)
{
    (void)state;
    const char *missing[] = {"", "a", "arrivals", "ending", "t", "zzz", "Arrival"};
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        assert_int_equal(case_node_index(&CASE, missing[i]), -1);
        assert_null(case_find_node(&CASE, missing[i]));
    }
    assert_null(case_find_node(&CASE, NULL));
    case_def empty = {0};
    assert_null(case_find_node(&empty, "arrival"));
    assert_int_equal(case_node_index(&empty, "arrival"), -1);
}

static void test_case_find_option_and_is_best(void **state)
{
    (void)state;
    case_node n;
    full_decision(&n);
    const case_decision *d = &n.decision;
    assert_ptr_equal(case_find_option(d, "sepsis6"), &d->options[0]);
    assert_ptr_equal(case_find_option(d, "senior"), &d->options[2]);
    assert_null(case_find_option(d, "sepsis"));
    assert_null(case_find_option(d, NULL));
    assert_true(case_is_best(d, "sepsis6"));
    assert_true(case_is_best(d, "senior"));
    assert_false(case_is_best(d, "repeat"));
    assert_false(case_is_best(d, "nonsense"));
    assert_false(case_is_best(d, NULL));
    case_decision none = {0};
    assert_null(case_find_option(&none, "sepsis6"));
    assert_false(case_is_best(&none, "sepsis6"));
    case_node_free(&n);
}

/* An option's own text wins over the decision's; "" counts as none. */
static void test_case_feedback_for_picks_the_option_text_else_the_default(void **state)
{
    (void)state;
    case_node n;
    full_decision(&n);
    case_decision *d = &n.decision;
    assert_string_equal(case_feedback_for(d, "repeat"), "Repeating loses an hour.");
    assert_string_equal(case_feedback_for(d, "sepsis6"), d->feedback);
    assert_string_equal(case_feedback_for(d, NULL), d->feedback);
    d->feedback[0] = '\0';
    assert_null(case_feedback_for(d, "sepsis6"));
    assert_string_equal(case_feedback_for(d, "repeat"), "Repeating loses an hour.");
    d->options[1].feedback[0] = '\0';
    assert_null(case_feedback_for(d, "repeat"));
    assert_null(case_feedback_for(NULL, "repeat"));
    case_node_free(&n);
}

static void test_case_names_match_the_format(void **state)
{
    (void)state;
    assert_string_equal(case_outcome_name(OUTCOME_GOOD), "good");
    assert_string_equal(case_outcome_name(OUTCOME_NEUTRAL), "neutral");
    assert_string_equal(case_outcome_name(OUTCOME_HARM), "harm");
    assert_string_equal(advice_timing_name(TIMING_AFTER_INITIAL), "after_initial");
    assert_string_equal(advice_timing_name(TIMING_WITH_CASE), "with_case");
    assert_string_equal(advice_timing_name(TIMING_ON_REQUEST), "on_request");
    assert_string_equal(case_outcome_name((case_outcome)99), "unknown");
    assert_string_equal(advice_timing_name((advice_timing)99), "unknown");
}

/* ---- copies ---- */

static void test_case_node_copy_is_deep_and_outlives_its_source(void **state)
{
    (void)state;
    case_node a, b, c;
    full_decision(&a);
    assert_int_equal(case_node_copy(&b, &a), 0);
    assert_same_but_separate(&a, &b);
    full_decision(&c);  /* a twin to compare with after a is gone */
    case_node_free(&a); /* b must not share a byte with a: ASan would see */
    assert_same_but_separate(&c, &b);
    case_node_free(&b);
    case_node_free(&c);
    assert_null(b.id);
    assert_null(b.decision.options);
    assert_int_equal(b.decision.n_options, 0);
    assert_null(b.file);
}

static void test_case_node_copy_of_bare_nodes_keeps_nulls(void **state)
{
    (void)state;
    case_node a = {0}, b;
    a.id = str_dup("end");
    a.text = str_dup("");
    a.kind = NODE_ENDING;
    a.ending.outcome = OUTCOME_HARM;
    a.ending.summary = str_dup("Admitted to ICU.");
    a.next_fn = 3;
    assert_int_equal(case_node_copy(&b, &a), 0);
    assert_string_equal(b.id, "end");
    assert_string_equal(b.text, "");
    assert_null(b.title);
    assert_null(b.debrief);
    assert_null(b.next);
    assert_int_equal(b.next_fn, 3);
    assert_int_equal(b.ending.outcome, OUTCOME_HARM);
    assert_string_equal(b.ending.summary, "Admitted to ICU.");
    assert_null(b.decision.options);
    assert_null(b.decision.best.items);
    assert_null(b.decision.advice.reasons);
    assert_null(b.decision.advice.source);
    case_node_free(&a);
    case_node_free(&b);
    case_node_free(&b); /* a freed node is empty: freeing again is harmless */
}

static void test_case_result_copy_round_trip(void **state)
{
    (void)state;
    case_result a = {str_dup("Lactate"), true, 4.1, NULL, str_dup("mmol/L"), str_dup("high"),
                     {str_dup("images/trend.png"), str_dup("A rising line"), 7}};
    case_result t = {str_dup("Urine"), false, 0, str_dup("nitrite positive"), NULL, NULL,
                     {NULL, NULL, 0}};
    case_result b, u;
    assert_int_equal(case_result_copy(&b, &a), 0);
    assert_int_equal(case_result_copy(&u, &t), 0);
    case_result_free(&a);
    case_result_free(&t);
    assert_string_equal(b.name, "Lactate");
    assert_true(b.is_num);
    assert_true(b.num == 4.1);
    assert_null(b.text);
    assert_string_equal(b.unit, "mmol/L");
    assert_string_equal(b.flag, "high");
    assert_string_equal(b.image.file, "images/trend.png");
    assert_string_equal(b.image.alt, "A rising line");
    assert_int_equal(b.image.line, 7);
    assert_null(u.image.file);
    assert_string_equal(u.name, "Urine");
    assert_false(u.is_num);
    assert_string_equal(u.text, "nitrite positive");
    assert_null(u.unit);
    assert_null(u.flag);
    case_result_free(&b);
    case_result_free(&u);
    assert_null(b.name);
}

static void test_strlist_free_empties_the_list(void **state)
{
    (void)state;
    static const char *const items[] = {"a", "b", "c"};
    strlist l = list_of(3, items);
    strlist_free(&l);
    assert_null(l.items);
    assert_int_equal(l.n, 0);
    strlist_free(&l);
    strlist_free(NULL);
    case_node_free(NULL);
    case_result_free(NULL);
}

/* The lists messages name: every item, however many, comma-separated. */
static void test_joins_name_every_item(void **state)
{
    (void)state;
    static const char *const items[] = {"sepsis6", "repeat", "senior"};
    strlist l = list_of(3, items);
    strbuf b = STRBUF_INIT;
    strlist_join(&l, &b);
    assert_string_equal(strbuf_str(&b), "sepsis6, repeat, senior");
    case_option opts[60];
    char ids[60][16];
    for (int i = 0; i < 60; i++) {
        snprintf(ids[i], sizeof ids[i], "option_%02d", i);
        opts[i] = (case_option){.id = ids[i]};
    }
    case_decision d = {.options = opts, .n_options = 60};
    strbuf_reset(&b);
    case_options_join(&d, &b);
    assert_int_equal(b.len, 60 * 9 + 59 * 2); /* no cut at a fixed buffer */
    assert_string_equal(strbuf_str(&b) + b.len - 20, "option_58, option_59");
    strbuf_free(&b);
    strlist_free(&l);
}

/* Fails the first, second, ... allocation of a copy in turn: each failure
 * returns -1 and leaves no block behind; in the end the copy succeeds. */
static void test_case_node_copy_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    case_node a, b;
    full_decision(&a);
    long fails = 0;
    for (long k = 0;; k++) {
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = case_node_copy(&b, &a);
        alloc_fail_in = -1;
        if (rc == 0)
            break;
        fails++;
        assert_int_equal(alloc_live, before);
        assert_null(b.id);
        assert_null(b.decision.options);
        assert_null(b.decision.best.items);
    }
    assert_true(fails >= 20); /* every string and array was a place to fail */
    assert_same_but_separate(&a, &b);
    case_node_free(&a);
    case_node_free(&b);
}

static void test_case_result_copy_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    case_result a = {str_dup("Lactate"), true, 4.1, NULL, str_dup("mmol/L"), str_dup("high"),
                     {str_dup("images/trend.png"), str_dup("A rising line"), 7}},
                b;
    for (long k = 0;; k++) {
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = case_result_copy(&b, &a);
        alloc_fail_in = -1;
        if (rc == 0) {
            assert_int_equal(k, 5);
            break;
        }
        assert_int_equal(alloc_live, before);
        assert_null(b.name);
    }
    case_result_free(&a);
    case_result_free(&b);
}
static int install_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_install();
    return 0;
}

static int remove_failing_alloc(void **state)
{
    (void)state;
    failing_alloc_remove();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_case_find_node_finds_every_node_by_id, setup_case),
        cmocka_unit_test_setup(test_case_find_node_returns_null_for_unknown_ids, setup_case),
        cmocka_unit_test(test_case_find_option_and_is_best),
        cmocka_unit_test(test_case_feedback_for_picks_the_option_text_else_the_default),
        cmocka_unit_test(test_case_names_match_the_format),
        cmocka_unit_test(test_case_node_copy_is_deep_and_outlives_its_source),
        cmocka_unit_test(test_case_node_copy_of_bare_nodes_keeps_nulls),
        cmocka_unit_test(test_case_result_copy_round_trip),
        cmocka_unit_test(test_strlist_free_empties_the_list),
        cmocka_unit_test(test_joins_name_every_item),
        cmocka_unit_test_setup_teardown(test_case_node_copy_out_of_memory_leaks_nothing,
                                        install_failing_alloc, remove_failing_alloc),
        cmocka_unit_test_setup_teardown(test_case_result_copy_out_of_memory_leaks_nothing,
                                        install_failing_alloc, remove_failing_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
