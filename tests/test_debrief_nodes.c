/* debrief_nodes: the per-decision view of the debrief report. The counts of
 * each block (the flow from the initial to the final choice, who switched
 * toward and away from the AI, trust ratings), the texts (labels from the
 * log, ids where an older log has none; title and teaching from the node
 * record), the play order, the decision that caught most out, the bounds on
 * what is kept, running out of memory, and the HTML: escaped, one section
 * per node with a safe and unique id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "debrief_nodes.h"
#include "failing_alloc.h"
#include "log_reader.h"
#include "metrics.h"

/* ---- Building sessions ---- */

static const char *const opts3[] = {"a", "b", "c"};
static const char *const labels3[] = {"Give antibiotics", "Wait & see", "Call <senior>"};
static const char *const best_a[] = {"a"};

/* A decision at node with the options a, b, c (a the accepted answer), the
 * advice after the initial choice; derived fields filled as a session does.
 * initial NULL: with the case (no initial choice). */
static log_decision dec(const char *node, const char *initial, const char *final, const char *ai,
                        int trust, const char *rationale)
{
    log_decision d;
    memset(&d, 0, sizeof d);
    d.node = node;
    d.options = opts3;
    d.n_options = 3;
    d.best = best_a;
    d.n_best = 1;
    d.timing = ai ? (initial ? "after_initial" : "with_case") : NULL;
    d.ai = ai;
    d.initial = initial;
    d.final = final;
    d.has_trust = trust > 0;
    d.trust = trust;
    d.rationale = rationale;
    d.has_ai_confidence = ai != NULL;
    d.ai_confidence = 0.8;
    metrics_derive(&d);
    return d;
}

static void with_labels(log_decision *d)
{
    d->labels = labels3;
    d->n_labels = 3;
}

static log_session session(const char *trainee, const char *case_id, log_decision *ds, size_t n)
{
    log_session s;
    memset(&s, 0, sizeof s);
    s.trainee = trainee;
    s.case_id = case_id;
    s.case_title = case_id ? "Sepsis on the ward" : NULL;
    for (size_t i = 0; i < n; i++)
        ds[i].seq = (int64_t)(10 * (i + 1));
    s.decisions = ds;
    s.n_decisions = n;
    return s;
}

static size_t find(const debrief_node *d, const char *id)
{
    for (size_t k = 0; k < d->n_options; k++)
        if (strcmp(d->options[k].id, id) == 0)
            return k;
    fail_msg("no option %s", id);
    return 0;
}

static long flow(const debrief_node *d, const char *initial, const char *final)
{
    size_t i = initial ? find(d, initial) : DEBRIEF_NODE_NONE(d);
    size_t f = final ? find(d, final) : DEBRIEF_NODE_NONE(d);
    return d->flow[i * (d->n_options + 1) + f];
}

/* Four trainees at one decision, the AI advising b (wrong):
 *   t1: a -> b  switched to the AI (followed wrong advice), trust 5
 *   t2: a -> a  kept the right answer, trust 2
 *   t3: b -> a  switched away from the AI, trust 2
 *   t4: c -> (none: timed out), no trust
 * and t5 with advice a (right) at the same node: b -> c (another switch,
 * overrode right advice), trust 1. */
static debrief_nodes *five(bool keep)
{
    debrief_nodes *n = debrief_nodes_new(keep);
    assert_non_null(n);
    struct {
        const char *trainee, *initial, *final, *ai, *why;
        int trust;
    } rows[] = {
        {"t1", "a", "b", "b", "The AI said so", 5},
        {"t2", "a", "a", "b", "Sepsis six", 2},
        {"t3", "b", "a", "b", "  ", 2},
        {"t4", "c", NULL, "b", NULL, 0},
        {"t5", "b", "c", "a", "Unsure", 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        log_decision d =
            dec("abx", rows[i].initial, rows[i].final, rows[i].ai, rows[i].trust, rows[i].why);
        log_session s = session(rows[i].trainee, "sepsis", &d, 1);
        assert_int_equal(debrief_nodes_add(n, &s), 0);
    }
    debrief_nodes_finish(n);
    return n;
}

/* ---- The counts ---- */

static void test_flow_counts_initial_to_final(void **state)
{
    (void)state;
    debrief_nodes *n = five(true);
    assert_int_equal(debrief_nodes_count(n), 1);
    const debrief_node *d = debrief_nodes_at(n, 0);
    assert_string_equal(d->case_id, "sepsis");
    assert_string_equal(d->node_id, "abx");
    assert_int_equal(d->n_options, 3);
    assert_int_equal(d->decisions, 5);
    assert_int_equal(flow(d, "a", "b"), 1);
    assert_int_equal(flow(d, "a", "a"), 1);
    assert_int_equal(flow(d, "b", "a"), 1);
    assert_int_equal(flow(d, "c", NULL), 1);
    assert_int_equal(flow(d, "b", "c"), 1);
    assert_int_equal(flow(d, "b", "b"), 0);
    long total = 0;
    for (size_t i = 0; i < (d->n_options + 1) * (d->n_options + 1); i++)
        total += d->flow[i];
    assert_int_equal(total, 5);
    assert_int_equal(d->options[find(d, "a")].initial, 2);
    assert_int_equal(d->options[find(d, "b")].initial, 2);
    assert_int_equal(d->options[find(d, "a")].final, 2);
    assert_int_equal(d->options[find(d, "c")].final, 1);
    assert_true(d->options[find(d, "a")].best);
    assert_false(d->options[find(d, "b")].best);
    assert_int_equal(d->options[find(d, "b")].advised, 4);
    assert_int_equal(d->options[find(d, "a")].advised, 1);
    assert_int_equal(d->advice_shown, 5);
    assert_int_equal(d->ai_wrong, 4);
    assert_int_equal(d->ai_right, 1);
    assert_int_equal(d->ai_confidence_n, 5);
    assert_true(d->ai_confidence_mean > 0.79 && d->ai_confidence_mean < 0.81);
    assert_int_equal(d->final_right, 2); /* t2, t3 */
    assert_int_equal(d->final_wrong, 2); /* t1, t5 */
    debrief_nodes_free(n);
}

static void test_switches_toward_and_away_name_trainees(void **state)
{
    (void)state;
    debrief_nodes *n = five(true);
    const debrief_node *d = debrief_nodes_at(n, 0);
    assert_int_equal(d->toward_ai, 1);
    assert_int_equal(d->away_from_ai, 1);
    assert_int_equal(d->followed_wrong, 1); /* t1 */
    assert_int_equal(d->rejected_right, 1); /* t5 */
    assert_int_equal(d->n_toward, 1);
    assert_string_equal(d->toward_trainees[0], "t1");
    assert_int_equal(d->n_away, 1);
    assert_string_equal(d->away_trainees[0], "t3");
    debrief_nodes_free(n);
}

static void test_trust_histogram(void **state)
{
    (void)state;
    debrief_nodes *n = five(false);
    const debrief_node *d = debrief_nodes_at(n, 0);
    long want[8] = {0, 1, 2, 0, 0, 1, 0, 0};
    for (int t = 0; t < 8; t++)
        assert_int_equal(d->trust_hist[t], want[t]);
    debrief_nodes_free(n);
}

/* Rationales by final choice, as typed; blank ones and those without a
 * final choice are not listed; without keep_texts nothing is kept. */
static void test_rationales_grouped_by_final_choice(void **state)
{
    (void)state;
    debrief_nodes *n = five(true);
    const debrief_node *d = debrief_nodes_at(n, 0);
    const debrief_node_option *a = &d->options[find(d, "a")], *b = &d->options[find(d, "b")];
    assert_int_equal(a->n_rationales, 1);
    assert_string_equal(a->rationales[0].text, "Sepsis six");
    assert_string_equal(a->rationales[0].trainee, "t2");
    assert_int_equal(b->n_rationales, 1);
    assert_string_equal(b->rationales[0].text, "The AI said so");
    assert_int_equal(d->options[find(d, "c")].n_rationales, 1);
    debrief_nodes_free(n);

    n = five(false);
    d = debrief_nodes_at(n, 0);
    for (size_t k = 0; k < d->n_options; k++)
        assert_int_equal(d->options[k].n_rationales, 0);
    assert_int_equal(d->n_toward, 0);
    assert_int_equal(d->toward_ai, 1); /* counted all the same */
    debrief_nodes_free(n);
}

static void test_rationales_are_capped_and_counted(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(true);
    for (int i = 0; i < DEBRIEF_NODES_MAX_TEXTS + 5; i++) {
        log_decision d = dec("abx", "a", "a", "a", 6, "Because");
        log_session s = session("t", "sepsis", &d, 1);
        assert_int_equal(debrief_nodes_add(n, &s), 0);
    }
    debrief_nodes_finish(n);
    const debrief_node *d = debrief_nodes_at(n, 0);
    const debrief_node_option *a = &d->options[find(d, "a")];
    assert_int_equal(a->n_rationales, DEBRIEF_NODES_MAX_TEXTS);
    assert_int_equal(a->rationales_left_out, 5);
    assert_int_equal(a->final, DEBRIEF_NODES_MAX_TEXTS + 5);
    debrief_nodes_free(n);
}

/* ---- The texts ---- */

/* An older log has no labels: the ids stand in; a later session that
 * logged them gives them, whichever came first. */
static void test_labels_from_the_log_with_the_id_fallback(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(false);
    log_decision old = dec("abx", "a", "a", "a", 6, NULL);
    log_session s = session("t1", "sepsis", &old, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    log_decision other = dec("fluids", "a", "a", "a", 6, NULL);
    s = session("t1", "sepsis", &other, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    log_decision fresh = dec("abx", "b", "b", "a", 6, NULL);
    with_labels(&fresh);
    s = session("t2", "sepsis", &fresh, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    assert_int_equal(debrief_nodes_count(n), 2);
    const debrief_node *abx = debrief_nodes_at(n, 0), *fluids = debrief_nodes_at(n, 1);
    assert_string_equal(abx->node_id, "abx");
    assert_string_equal(abx->options[find(abx, "a")].label, "Give antibiotics");
    assert_string_equal(abx->options[find(abx, "c")].label, "Call <senior>");
    assert_string_equal(fluids->options[find(fluids, "a")].label, "a");
    assert_null(fluids->title);
    assert_null(fluids->teaching);
    assert_null(fluids->prompt);
    debrief_nodes_free(n);
}

/* Title and teaching come from the node record the decision was made in;
 * where sessions logged different texts, the most frequent. */
static void test_title_and_teaching_from_the_node_record(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(false);
    const char *teaching[] = {"Old point", "Sepsis six within the hour",
                              "Sepsis six within the hour"};
    for (int i = 0; i < 3; i++) {
        log_record recs[2];
        memset(recs, 0, sizeof recs);
        recs[0].type = LOG_REC_NODE;
        recs[0].seq = 1;
        recs[0].as.node.node = "abx";
        recs[0].as.node.title = "Antibiotics?";
        recs[0].as.node.teaching = teaching[i];
        recs[1] = recs[0];
        recs[1].seq = 50; /* after the decision: not its record */
        recs[1].as.node.teaching = "Later";
        log_decision d = dec("abx", "a", "a", "a", 6, NULL);
        d.prompt = "What now?";
        log_session s = session("t", "sepsis", &d, 1);
        s.records = recs;
        s.n_records = 2;
        assert_int_equal(debrief_nodes_add(n, &s), 0);
    }
    debrief_nodes_finish(n);
    const debrief_node *d = debrief_nodes_at(n, 0);
    assert_string_equal(d->title, "Antibiotics?");
    assert_string_equal(d->teaching, "Sepsis six within the hour");
    assert_string_equal(d->prompt, "What now?");
    assert_string_equal(d->case_title, "Sepsis on the ward");
    debrief_nodes_free(n);
}

static char *html_of(const debrief_nodes *n, bool caught_out);

/* Where the case's teaching text follows the advice (the AI right in one
 * variant, wrong in another), every teaching point is kept, most given
 * first, each with the advice it went with, and the page reads each to its
 * own group instead of one to all. */
static void test_teaching_that_follows_the_advice_keeps_each(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(false);
    const char *ai[] = {"b", "a", "b"};
    const char *teaching[] = {"The score was wrong", "The score was right", "The score was wrong"};
    for (int i = 0; i < 3; i++) {
        log_record rec;
        memset(&rec, 0, sizeof rec);
        rec.type = LOG_REC_NODE;
        rec.seq = 1;
        rec.as.node.node = "abx";
        rec.as.node.teaching = teaching[i];
        log_decision d = dec("abx", "a", "a", ai[i], 4, NULL);
        log_session s = session("t", "sepsis", &d, 1);
        s.records = &rec;
        s.n_records = 1;
        assert_int_equal(debrief_nodes_add(n, &s), 0);
    }
    debrief_nodes_finish(n);
    const debrief_node *d = debrief_nodes_at(n, 0);
    assert_int_equal(d->n_teachings, 2);
    assert_string_equal(d->teachings[0].text, "The score was wrong");
    assert_string_equal(d->teachings[0].ai, "b");
    assert_int_equal(d->teachings[0].decisions, 2);
    assert_string_equal(d->teachings[1].text, "The score was right");
    assert_string_equal(d->teachings[1].ai, "a");
    assert_int_equal(d->teachings[1].decisions, 1);
    char *html = html_of(n, false);
    assert_non_null(strstr(html,
                           "<li><strong>Where the AI advised B (wrong), 2 decisions:</strong> "
                           "The score was wrong</li>"));
    assert_non_null(strstr(html, "<li><strong>Where the AI advised A (right), 1 decision:</strong> "
                                 "The score was right</li>"));
    free(html);
    debrief_nodes_free(n);
}

/* ---- Order ---- */

/* Cases by title then id; within a case, by the mean position of the
 * decision in its sessions, ties by node id. */
static void test_blocks_in_play_order(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(false);
    /* session 1: z, m; session 2: m, z, b; session 3: y (a case titled "A…") */
    log_decision s1[] = {dec("z", "a", "a", "a", 0, NULL), dec("m", "a", "a", "a", 0, NULL)};
    log_decision s2[] = {dec("m", "a", "a", "a", 0, NULL), dec("z", "a", "a", "a", 0, NULL),
                         dec("b", "a", "a", "a", 0, NULL)};
    log_decision s3[] = {dec("y", "a", "a", "a", 0, NULL)};
    log_session s = session("t", "zcase", s1, 2);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    s = session("t", "zcase", s2, 3);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    s = session("t", "other", s3, 1);
    s.case_title = "A case first by its title";
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    const char *want[][2] = {{"other", "y"}, {"zcase", "m"}, {"zcase", "z"}, {"zcase", "b"}};
    assert_int_equal(debrief_nodes_count(n), 4);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(debrief_nodes_at(n, i)->case_id, want[i][0]);
        assert_string_equal(debrief_nodes_at(n, i)->node_id, want[i][1]);
    }
    /* m and z both at mean 0.5: by id */
    assert_true(debrief_nodes_at(n, 1)->mean_position == 0.5);
    assert_true(debrief_nodes_at(n, 2)->mean_position == 0.5);
    assert_null(debrief_nodes_at(n, 4));
    debrief_nodes_free(n);
}

/* ---- Caught out ---- */

static void test_caught_out_is_most_followed_wrong_then_most_wrong(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(false);
    /* "x": 2 wrong finals, none followed wrong advice; "y": 1 followed
     * wrong advice; "z": all right */
    log_decision ds[] = {dec("x", "b", "b", "a", 0, NULL), dec("x", "c", "c", "a", 0, NULL),
                         dec("y", "a", "b", "b", 0, NULL), dec("z", "a", "a", "a", 0, NULL)};
    log_session s = session("t", "sepsis", ds, 4);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    const debrief_node *d = debrief_nodes_caught_out(n);
    assert_non_null(d);
    assert_string_equal(d->node_id, "y");
    debrief_nodes_free(n);

    n = debrief_nodes_new(false);
    log_decision ws[] = {dec("x", "b", "b", "a", 0, NULL), dec("x", "c", "c", "a", 0, NULL),
                         dec("w", "b", "b", "a", 0, NULL)};
    s = session("t", "sepsis", ws, 3);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    assert_string_equal(debrief_nodes_caught_out(n)->node_id, "x");
    debrief_nodes_free(n);

    n = debrief_nodes_new(false); /* nobody wrong: no one caught out */
    log_decision rs[] = {dec("x", "a", "a", "a", 0, NULL)};
    s = session("t", "sepsis", rs, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    assert_null(debrief_nodes_caught_out(n));
    debrief_nodes_free(n);
}

/* ---- n = 0, n = 1 ---- */

/* open_memstream's buffer at file scope (see test_debrief_chart.c). */
static char *written;
static size_t written_len;

static char *html_of(const debrief_nodes *n, bool caught_out)
{
    FILE *f = open_memstream(&written, &written_len);
    assert_non_null(f);
    if (caught_out)
        assert_int_equal(debrief_html_caught_out(f, n), 0);
    else
        assert_int_equal(debrief_html_nodes(f, n), 0);
    assert_int_equal(fclose(f), 0);
    return written;
}

static void test_no_decisions(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(true);
    log_session empty = session("t", "sepsis", NULL, 0);
    assert_int_equal(debrief_nodes_add(n, &empty), 0);
    debrief_nodes_finish(n);
    assert_int_equal(debrief_nodes_count(n), 0);
    assert_null(debrief_nodes_at(n, 0));
    assert_null(debrief_nodes_caught_out(n));
    char *h = html_of(n, false);
    assert_non_null(strstr(h, "<section id=\"per-decision\">"));
    assert_non_null(strstr(h, "No decisions to show."));
    assert_null(strstr(h, "class=\"decision\""));
    free(h);
    h = html_of(n, true);
    assert_string_equal(h, "");
    free(h);
    debrief_nodes_free(n);
}

static void test_one_decision(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(true);
    log_decision d = dec("abx", "a", "b", "b", 3, "Trusted it");
    log_session s = session("t1", "sepsis", &d, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    assert_int_equal(debrief_nodes_count(n), 1);
    const debrief_node *b = debrief_nodes_at(n, 0);
    assert_int_equal(b->decisions, 1);
    assert_int_equal(flow(b, "a", "b"), 1);
    assert_int_equal(b->trust_hist[3], 1);
    assert_true(b->mean_position == 0.0);
    assert_ptr_equal(debrief_nodes_caught_out(n), b);
    char *h = html_of(n, true);
    assert_non_null(strstr(h, "<a href=\"#d-sepsis-abx\">"));
    assert_non_null(strstr(h, "1 of 1 shown the AI&#8217;s wrong advice followed it"));
    free(h);
    h = html_of(n, false);
    assert_non_null(strstr(h, "<section class=\"decision\" id=\"d-sepsis-abx\">"));
    assert_non_null(strstr(h, "data-chart=\"flow\""));
    assert_non_null(strstr(h, "1 rating, mean 3.0"));
    free(h);
    debrief_nodes_free(n);
}

/* ---- Memory ---- */

static void test_out_of_memory_fails_cleanly(void **state)
{
    (void)state;
    failing_alloc_install();
    for (long k = 0;; k++) {
        debrief_nodes *n;
        int rc = -1;
        alloc_fail_in = k;
        if ((n = debrief_nodes_new(true)) != NULL) {
            rc = 0;
            for (int i = 0; i < 12 && rc == 0; i++) {
                log_decision ds[] = {dec("abx", "a", "b", "b", 4, "Why not"),
                                     dec(i % 3 ? "fluids" : "oxygen", "c", "a", "b", 2, "No")};
                with_labels(&ds[i % 2]);
                log_session s = session(i % 2 ? "t1" : "t2", i % 4 ? "sepsis" : NULL, ds, 2);
                rc = debrief_nodes_add(n, &s);
            }
        }
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        assert_int_equal(rc, failed ? -1 : 0);
        if (n) {
            debrief_nodes_finish(n);
            if (!failed)
                assert_int_equal(debrief_nodes_count(n), 6);
        }
        debrief_nodes_free(n);
        assert_int_equal(alloc_live, 0);
        if (!failed)
            break;
    }
    failing_alloc_remove();
}

/* ---- HTML ---- */

static void test_html_escapes_what_the_log_holds(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(true);
    log_record rec;
    memset(&rec, 0, sizeof rec);
    rec.type = LOG_REC_NODE;
    rec.as.node.node = "abx\"><script>";
    rec.as.node.title = "<b>Title</b>";
    rec.as.node.teaching = "Read <this> & that";
    log_decision d =
        dec("abx\"><script>", "a", "b", "b", 3, "</li><script>alert('x')</script>\"&amp;");
    with_labels(&d);
    d.prompt = "<img src=x onerror=alert(1)>";
    log_session s = session("<t1>", "se\"psis", &d, 1);
    d.seq = 5;
    rec.seq = 1;
    s.records = &rec;
    s.n_records = 1;
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    char *h = html_of(n, false);
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "<img"));
    assert_null(strstr(h, "<b>Title"));
    assert_null(strstr(h, "<senior>"));
    assert_null(strstr(h, "<t1>"));
    assert_non_null(strstr(h, "&lt;/li&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;"
                              "&amp;amp;"));
    assert_non_null(strstr(h, "Call &lt;senior&gt;"));
    assert_non_null(strstr(h, "Read &lt;this&gt; &amp; that"));
    /* the id: letters and digits, every other byte as _XX */
    assert_non_null(strstr(h, "id=\"d-se_22psis-abx_22_3e_3cscript_3e\""));
    free(h);
    h = html_of(n, true);
    assert_non_null(strstr(h, "href=\"#d-se_22psis-abx_22_3e_3cscript_3e\""));
    assert_null(strstr(h, "<b>"));
    free(h);
    debrief_nodes_free(n);
}

/* One section per node, headed h3, with ids that differ even where the
 * parts' plain joining would not ("a-b" + "c" and "a" + "b-c"). */
static void test_html_structure_and_unique_ids(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(true);
    log_decision d1 = dec("c", "a", "a", "a", 5, NULL), d2 = dec("b-c", "a", "a", "a", 5, NULL);
    log_session s = session("t", "a-b", &d1, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    s = session("t", "a", &d2, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    char *h = html_of(n, false);
    assert_non_null(strstr(h, "id=\"d-a_2db-c\""));
    assert_non_null(strstr(h, "id=\"d-a-b_2dc\""));
    int sections = 0, h3 = 0, closes = 0;
    for (const char *p = h; (p = strstr(p, "<section")); p++)
        sections++;
    for (const char *p = h; (p = strstr(p, "</section>")); p++)
        closes++;
    for (const char *p = h; (p = strstr(p, "<h3>")); p++)
        h3++;
    assert_int_equal(sections, 3); /* the view and two blocks */
    assert_int_equal(closes, 3);
    assert_int_equal(h3, 2);
    assert_non_null(strstr(h, "<h2>Decision by decision</h2>"));
    free(h);
    debrief_nodes_free(n);
}

/* A decision without choices before the advice (with_case) gets no flow
 * chart; its table says it all. */
static void test_html_flow_chart_only_with_initial_choices(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(true);
    log_decision d = dec("abx", NULL, "b", "b", 3, NULL);
    log_session s = session("t", "sepsis", &d, 1);
    assert_int_equal(debrief_nodes_add(n, &s), 0);
    debrief_nodes_finish(n);
    assert_int_equal(flow(debrief_nodes_at(n, 0), NULL, "b"), 1);
    char *h = html_of(n, false);
    assert_null(strstr(h, "<svg"));
    assert_non_null(strstr(h, "class=\"node-grid no-flow\""));
    free(h);
    debrief_nodes_free(n);
}

/* ---- Logs as written ---- */

static int add_session(void *ctx, const log_session *s, apperr *e)
{
    (void)e;
    return debrief_nodes_add(ctx, s);
}

static void read_into(debrief_nodes *n, const char *path)
{
    apperr e;
    log_read_opts o = {
        .on_session = add_session, .ctx = n, .threads = 1, .keep = debrief_nodes_keep()};
    memset(&e, 0, sizeof e);
    assert_int_equal(log_read_paths(&path, 1, &o, NULL, &e), 0);
}

/* A log written before labels, titles and teaching points were logged
 * still gives its blocks, with ids in place of labels; the same case's
 * newer log gives them. */
static void test_older_log_falls_back_to_ids(void **state)
{
    (void)state;
    debrief_nodes *n = debrief_nodes_new(true);
    read_into(n, TEST_DATA_DIR "/golden/before-feedback/golden_ward.jsonl");
    debrief_nodes_finish(n);
    assert_int_equal(debrief_nodes_count(n), 2);
    for (size_t i = 0; i < 2; i++) {
        const debrief_node *d = debrief_nodes_at(n, i);
        assert_null(d->title);
        assert_null(d->teaching);
        for (size_t k = 0; k < d->n_options; k++)
            assert_string_equal(d->options[k].label, d->options[k].id);
    }
    char *h = html_of(n, false);
    assert_non_null(strstr(h, "class=\"decision\""));
    free(h);
    debrief_nodes_free(n);

    n = debrief_nodes_new(true);
    read_into(n, TEST_DATA_DIR "/golden/before-feedback/golden_ward.jsonl");
    read_into(n, TEST_DATA_DIR "/golden/golden_ward.jsonl");
    debrief_nodes_finish(n);
    assert_int_equal(debrief_nodes_count(n), 2);
    bool labelled = false;
    for (size_t i = 0; i < 2; i++) {
        const debrief_node *d = debrief_nodes_at(n, i);
        assert_int_equal(d->decisions, 2);
        for (size_t k = 0; k < d->n_options; k++)
            labelled = labelled || strcmp(d->options[k].label, d->options[k].id) != 0;
    }
    assert_true(labelled);
    debrief_nodes_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flow_counts_initial_to_final),
        cmocka_unit_test(test_switches_toward_and_away_name_trainees),
        cmocka_unit_test(test_trust_histogram),
        cmocka_unit_test(test_rationales_grouped_by_final_choice),
        cmocka_unit_test(test_rationales_are_capped_and_counted),
        cmocka_unit_test(test_labels_from_the_log_with_the_id_fallback),
        cmocka_unit_test(test_title_and_teaching_from_the_node_record),
        cmocka_unit_test(test_teaching_that_follows_the_advice_keeps_each),
        cmocka_unit_test(test_blocks_in_play_order),
        cmocka_unit_test(test_caught_out_is_most_followed_wrong_then_most_wrong),
        cmocka_unit_test(test_no_decisions),
        cmocka_unit_test(test_one_decision),
        cmocka_unit_test(test_out_of_memory_fails_cleanly),
        cmocka_unit_test(test_html_escapes_what_the_log_holds),
        cmocka_unit_test(test_html_structure_and_unique_ids),
        cmocka_unit_test(test_html_flow_chart_only_with_initial_choices),
        cmocka_unit_test(test_older_log_falls_back_to_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
