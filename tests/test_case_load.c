/* The loader: a valid case read whole, and one fixture per class of mistake
 * of scenario-format.md "Errors authors must get", each with its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "case_file.h"

#include "case_load.h"
#include "case_driver.h"
#include "failing_alloc.h"
#include "policy.h"
#include "runner.h"
#include "support.h"
#include "srcmap.h"

#define CASE(name) TEST_CASES_DIR "/" name

static case_def *load_ok(const char *path)
{
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    int rc = case_load(&c, path, NULL, &e);
    if (rc != 0) {
        char buf[1400];
        fprintf(stderr, "unexpected: %s\n", apperr_format(&e, buf, sizeof buf));
    }
    assert_int_equal(rc, 0);
    assert_non_null(c);
    return c;
}

static void test_load_reads_every_key(void **state)
{
    (void)state;
    case_def *c = load_ok(CASE("load_ok.lua"));
    assert_string_equal(c->id, "load-ok");
    assert_string_equal(c->version, "2.0");
    assert_int_equal(c->format, 1);
    assert_int_equal(c->objectives.n, 2);
    assert_int_equal(c->variants.n, 2);
    assert_string_equal(c->variants.items[1], "wrong");
    assert_true(c->patient.has_age);
    assert_int_equal((int)c->patient.age, 50);
    assert_int_equal(c->patient.history.n, 1);
    assert_true(c->vitals.set & (1u << VITAL_HR));
    assert_int_equal(c->vitals.n_extra, 1);
    assert_int_equal(c->n_results, 2);
    assert_false(c->results[1].is_num);
    assert_string_equal(c->results[1].text, "pending");
    assert_true(c->multi_tool);
    assert_int_equal(c->n_tools, 2);
    assert_string_equal(c->tools[0].key, "cxr");
    assert_string_equal(c->tools[0].name, "ChestAI");
    assert_int_equal(c->n_nodes, 3);
    assert_int_equal(strlen(c->sha256), 64);

    const case_node *a = case_find_node(c, "a");
    assert_non_null(a);
    assert_int_equal(a->kind, NODE_DECISION);
    assert_true(a->dynamic); /* text is a function */
    assert_null(a->text);
    assert_int_equal(a->line, 24);
    const case_decision *d = &a->decision;
    assert_int_equal(d->n_options, 2);
    assert_int_equal(d->options[1].next_fn, 1);
    assert_true(d->advice.present);
    assert_string_equal(d->advice.tool, "cxr");
    assert_string_equal(d->advice.source, "Colleague");
    assert_int_equal(d->advice.timing, TIMING_ON_REQUEST);
    assert_true(d->advice.has_confidence);
    assert_int_equal(d->advice.n_reasons, 1);
    assert_true(d->ask_trust);
    assert_false(d->ask_confidence);
    assert_int_equal(d->ask_rationale, RATIONALE_ALWAYS);
    assert_int_equal((int)d->time_limit, 30);
    assert_string_equal(d->on_timeout, "c");
    assert_true(case_is_best(d, "one"));
    assert_false(case_is_best(d, "two"));

    const case_node *b = case_find_node(c, "b");
    assert_int_equal(b->kind, NODE_NARRATIVE);
    assert_string_equal(b->next, "c");
    assert_false(b->dynamic);
    const case_node *end = case_find_node(c, "c");
    assert_int_equal(end->kind, NODE_ENDING);
    assert_int_equal(end->ending.outcome, OUTCOME_NEUTRAL);
    case_free(c);
}

static void test_load_defaults_source_to_ai_and_timing_to_after_initial(void **state)
{
    (void)state;
    case_def *c = load_ok(SCENARIOS_DIR "/sepsis-ed.lua");
    const case_node *n = case_find_node(c, "worse");
    assert_string_equal(n->decision.advice.source, "AI");
    assert_string_equal(n->decision.advice.tool, "SepTrace");
    assert_int_equal(n->decision.advice.timing, TIMING_WITH_CASE);
    const case_node *f = case_find_node(c, "first_look");
    assert_true(f->dynamic); /* recommend is a function */
    case_free(c);
}

static void test_load_reports_syntax_error_with_line(void **state)
{
    (void)state;
    expect_load_error(CASE("load_syntax.lua"), 2, "missing comma at the end of line 2?");
}

static void test_load_reports_unknown_key_with_line_and_hint(void **state)
{
    (void)state;
    expect_load_error(CASE("load_unknown_key.lua"), 4,
                      "at nodes.a.ending.sumary: unknown key 'sumary' (did you mean 'summary'?)");
}

static void test_load_reports_missing_required_key_at_case_call(void **state)
{
    (void)state;
    expect_load_error(CASE("load_missing_key.lua"), 1, "missing required key 'title'");
}

static void test_load_reports_wrong_type(void **state)
{
    (void)state;
    expect_load_error(
        CASE("load_wrong_type.lua"), 7,
        "at nodes.a.decision.options[1].label: expected a text (in quotes), got a number");
}

static void test_load_reports_value_out_of_range(void **state)
{
    (void)state;
    expect_load_error(
        CASE("load_out_of_range.lua"), 9,
        "at nodes.a.decision.advice.confidence: expected a number from 0 to 1, got 87");
}

static void test_load_reports_vital_out_of_range(void **state)
{
    (void)state;
    expect_load_error(CASE("load_vital_range.lua"), 4, "at vitals.spo2:");
}

static void test_load_reports_start_naming_no_node(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_start.lua"), 3, "start 'arival' names no node");
}

static void test_load_reports_next_naming_no_node(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_next.lua"), 4,
                      "at nodes.a.next: next 'nowhere' names no node");
}

static void test_load_reports_on_timeout_naming_no_node(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_on_timeout.lua"), 9, "on_timeout 'gone' names no node");
}

static void test_load_reports_recommend_naming_no_option(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_recommend.lua"), 10,
                      "'q' is not an option of this decision (options: o, p)");
}

static void test_load_reports_best_naming_no_option(void **state)
{
    (void)state;
    expect_load_error(CASE("load_bad_best.lua"), 8, "'zz' is not an option of this decision");
}

static void test_load_reports_duplicate_option_ids(void **state)
{
    (void)state;
    expect_load_error(CASE("load_duplicate_option.lua"), 9, "duplicate option id 'o'");
}

static void test_load_reports_advice_without_best(void **state)
{
    (void)state;
    expect_load_error(CASE("load_advice_without_best.lua"), 6, "'best' is missing");
}

static void test_load_reports_node_without_kind(void **state)
{
    (void)state;
    expect_load_error(CASE("load_no_kind.lua"), 4, "a node needs one of decision, next or ending");
}

static void test_load_reports_node_with_several_kinds(void **state)
{
    (void)state;
    expect_load_error(CASE("load_two_kinds.lua"), 4, "exactly one of decision, next or ending");
}

static void test_load_refuses_newer_format(void **state)
{
    (void)state;
    expect_load_error(CASE("load_format_newer.lua"), 2,
                      "written in format 2, but this engine reads formats up to 1");
}

static void test_load_reports_file_that_returns_no_case(void **state)
{
    (void)state;
    expect_load_error(CASE("load_not_a_case.lua"), 0, "the file must end with: return case");
}

static void test_load_reports_runtime_error_while_file_runs(void **state)
{
    (void)state;
    expect_load_error(CASE("load_runtime_error.lua"), 2, "attempt to index a nil value");
}

static void test_load_reports_missing_file(void **state)
{
    (void)state;
    expect_load_error(CASE("no_such_case.lua"), 0, "cannot open the case file");
}

static void test_srcmap_maps_nested_keys_and_list_entries(void **state)
{
    (void)state;
    const char *src = "-- c\nreturn case {\n  id = \"x\", -- { not a table\n"
                      "  nodes = {\n    a = {\n      text = [[\n{ ]]\n,\n"
                      "      decision = { options = { { id = \"o\" },\n"
                      "        { id = \"p\", next = function(s) local t = { q = 1 } return 'a' "
                      "end } } },\n    },\n    [\"b\"] = { text = 'x' },\n  },\n}\n";
    srcmap *m = srcmap_build(src, strlen(src));
    assert_non_null(m);
    assert_int_equal(srcmap_line_exact(m, "id"), 3);
    assert_int_equal(srcmap_line_exact(m, "nodes"), 4);
    assert_int_equal(srcmap_line_exact(m, "nodes.a"), 5);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.text"), 6);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision"), 9);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision.options[1]"), 9);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision.options[2].next"), 10);
    assert_int_equal(srcmap_line_exact(m, "nodes.a.decision.options[2].next.q"), 0);
    assert_int_equal(srcmap_line_exact(m, "nodes.b.text"), 12);
    assert_int_equal(srcmap_line(m, "nodes.a.decision.options[2].label"), 10);
    assert_int_equal(srcmap_line(m, "nowhere.at.all"), 0);
    srcmap_free(m);
}

/* A key written twice in one table is found, with both lines; the same key
 * in two tables is not, nor one inside code, nor a string with \z. */
static void test_srcmap_finds_a_key_given_twice_in_one_table(void **state)
{
    (void)state;
    const char *fine = "return case {\n  t = \"a\\z\n  b\",\n  nodes = { a = { id = 1 },\n"
                       "    b = { id = 2, f = function() return { id = 1, id = 2 } end } },\n}\n";
    const char *twice = "return case {\n  id = 1,\n  nodes = { a = { x = 1, x = 2 } },\n"
                        "  id = 2,\n}\n";
    const char *path;
    int first = 0, second = 0;
    srcmap *m = srcmap_build(fine, strlen(fine));
    assert_non_null(m);
    assert_false(srcmap_twice(m, &path, &first, &second));
    assert_int_equal(srcmap_line_exact(m, "nodes"), 4);
    srcmap_free(m);
    m = srcmap_build(twice, strlen(twice));
    assert_non_null(m);
    assert_true(srcmap_twice(m, &path, &first, &second));
    assert_string_equal(path, "nodes.a.x");
    assert_int_equal(first, 3);
    assert_int_equal(second, 3);
    srcmap_free(m);
}

/* Writes text nested depth levels deep: "{ { … } }" with a key after it. */
static char *nested_text(int depth, const char *before, const char *after)
{
    size_t n = strlen(before) + strlen(after) + 2 * (size_t)depth + 1;
    char *s = malloc(n);
    assert_non_null(s);
    char *p = s;
    p += sprintf(p, "%s", before);
    memset(p, '{', (size_t)depth);
    p += depth;
    memset(p, '}', (size_t)depth);
    p += depth;
    sprintf(p, "%s", after);
    return s;
}

static void test_srcmap_keeps_lines_past_tables_nested_deeper_than_its_frames(void **state)
{
    (void)state;
    /* 65 is one past the frames the map keeps; 1,000 and 100,000 are far
     * past them (and past what Lua reads). Keys after the deep table keep
     * their lines, and nothing is written out of bounds (ASan). */
    const int depths[] = {63, 64, 65, 66, 1000, 100000};
    for (size_t i = 0; i < sizeof depths / sizeof *depths; i++) {
        char *src = nested_text(
            depths[i], "return case {\n  patient = { history = ", " },\n  start = \"a\",\n}\n");
        srcmap *m = srcmap_build(src, strlen(src));
        assert_non_null(m);
        assert_int_equal(srcmap_line_exact(m, "patient"), 2);
        assert_int_equal(srcmap_line_exact(m, "start"), 3);
        assert_int_equal(srcmap_too_deep(m), depths[i] + 2 > SRCMAP_NEST_MAX ? 2 : 0);
        srcmap_free(m);
        free(src);
    }
}

static void test_srcmap_holds_a_bounded_number_of_keys(void **state)
{
    (void)state;
    /* A list of eight million entries: the map keeps the first keys it
     * meets (their lines stay right) up to its limit, and none at all
     * inside the value of an x_ key, which the engine never reads. */
    const char *heads[] = {"return case {\n  tags = {", "return case {\n  x_tags = {"};
    for (int i = 0; i < 2; i++) {
        size_t n = 8u << 20, hl = strlen(heads[i]);
        char *src = malloc(hl + 2 * n + 64);
        assert_non_null(src);
        memcpy(src, heads[i], hl);
        for (size_t j = 0; j < n; j++)
            memcpy(src + hl + 2 * j, "1,", 2);
        strcpy(src + hl + 2 * n, "},\n  start = \"a\",\n}\n");
        srcmap *m = srcmap_build(src, strlen(src));
        assert_non_null(m);
        assert_true(srcmap_count(m) <= SRCMAP_MAX_KEYS);
        if (i == 0) {
            assert_int_equal(srcmap_line_exact(m, "tags[1]"), 2);
            assert_int_equal(srcmap_count(m), SRCMAP_MAX_KEYS);
        } else {
            assert_int_equal(srcmap_line_exact(m, "start"), 3);
            assert_int_equal(srcmap_count(m), 2);
        }
        srcmap_free(m);
        free(src);
    }
}

static void test_load_reads_a_case_nested_65_levels_deep(void **state)
{
    (void)state;
    case_def *c = load_ok(CASE("load_deep_65.lua"));
    assert_string_equal(c->id, "deep");
    case_free(c);
}

/* Writes text to a new file name in dir; returns its malloc'd path. */
static char *write_temp(const char *dir, const char *name, const char *text)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", dir, name);
    assert_int_equal(test_write_file(path, text), 0);
    return path;
}

static void test_load_refuses_tables_nested_deeper_than_lua_reads(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    assert_non_null(dir);
    const int depths[] = {SRCMAP_NEST_MAX + 1, 1000};
    for (size_t i = 0; i < 2; i++) {
        char *src = nested_text(depths[i],
                                "return case {\n  id = \"x\", version = \"1\", title = "
                                "\"t\", start = \"a\",\n  x_deep =\n",
                                ",\n  nodes = { a = { text = \"\", ending = { outcome = "
                                "\"good\" } } },\n}\n");
        char *path = write_temp(dir, "deep.lua", src);
        expect_load_error(path, 4, "nest more than 100 levels deep here");
        free(path);
        free(src);
    }
    test_rmtree(dir);
    free(dir);
}

static void test_load_names_an_expression_too_deep_for_lua(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    assert_non_null(dir);
    char src[4096] = "local x = ";
    for (int i = 0; i < 300; i++)
        strcat(src, "\"a\"..");
    strcat(src, "\"b\"\nreturn case { id = \"x\", version = \"1\", title = \"t\", start = "
                "\"a\", nodes = { a = { text = x, ending = { outcome = \"good\" } } } }\n");
    char *path = write_temp(dir, "chain.lua", src);
    expect_load_error(path, 0, "an expression nests too deeply");
    free(path);
    test_rmtree(dir);
    free(dir);
}

/* A word a key takes from a fixed few (timing, rationale, outcome): another
 * word is named with every one it may be, at its line. */
static void test_load_names_the_words_a_key_may_be(void **state)
{
    (void)state;
    static const struct {
        const char *node, *want;
    } cases[] = {
        {"decision = { prompt = \"p\", options = { { id = \"o\", label = \"O\", next = \"b\" } },\n"
         "  best = { \"o\" }, advice = { recommend = \"o\", timing = \"later\" } }",
         "at nodes.a.decision.advice.timing: timing 'later' is not one of after_initial, "
         "with_case, on_request"},
        {"decision = { prompt = \"p\", options = { { id = \"o\", label = \"O\", next = \"b\" } },\n"
         "  ask = { rationale = \"sometimes\" } }",
         "at nodes.a.decision.ask.rationale: rationale 'sometimes' is not one of never, "
         "override, always"},
        {"ending = {\n  outcome = \"fine\" }",
         "at nodes.a.ending.outcome: outcome 'fine' is not one of good, neutral, harm"},
    };
    char *dir = test_tmpdir();
    assert_non_null(dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char src[1024];
        snprintf(src, sizeof src,
                 "return case { id = \"w\", version = \"1\", title = \"t\", start = \"a\",\n"
                 "nodes = { a = { text = \"\", %s },\n"
                 "  b = { text = \"\", ending = { outcome = \"good\" } } } }\n",
                 cases[i].node);
        char *path = write_temp(dir, "words.lua", src);
        expect_load_error(path, 3, cases[i].want);
        free(path);
    }
    test_rmtree(dir);
    free(dir);
}

/* A case file of exactly size bytes: a valid case padded with a comment. */
static char *case_of_size(const char *dir, const char *name, size_t size)
{
    const char *head = "return case { id = \"big\", version = \"1\", title = \"t\", start = "
                       "\"a\", nodes = { a = { text = \"\", ending = { outcome = \"good\" } } "
                       "} }\n-- ";
    char *text = malloc(size + 1);
    assert_non_null(text);
    assert_true(strlen(head) < size);
    memset(text, 'x', size);
    memcpy(text, head, strlen(head));
    text[size] = '\0';
    char *path = write_temp(dir, name, text);
    free(text);
    return path;
}

static void test_load_refuses_case_file_over_16_mib_before_reading_it(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    assert_non_null(dir);
    char *at_limit = case_of_size(dir, "limit.lua", CASE_FILE_MAX);
    case_def *c = load_ok(at_limit);
    case_free(c);
    char *over = case_of_size(dir, "over.lua", CASE_FILE_MAX + 1);
    expect_load_error(over, 0, "more than the 16 MiB a case file may be");
    free(at_limit);
    free(over);
    test_rmtree(dir);
    free(dir);
}

/* The case file is opened and read once: the bytes whose SHA-256 is logged
 * and whose lines the messages name are the bytes Lua ran, even when the
 * file is saved again while it loads. Opens are counted with inotify. */
static void test_load_reads_the_case_file_once(void **state)
{
    (void)state;
    const char *path = CASE("load_ok.lua");
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    assert_true(fd >= 0);
    /* Closes too: two identical events in a row would be merged into one. */
    assert_true(inotify_add_watch(fd, path, IN_OPEN | IN_CLOSE_NOWRITE) >= 0);
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, path, NULL, &e), 0);
    int opens = 0;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        for (char *p = buf; p < buf + n;
             p += sizeof(struct inotify_event) + ((struct inotify_event *)(void *)p)->len)
            opens += (((struct inotify_event *)(void *)p)->mask & IN_OPEN) != 0;
    close(fd);
    case_free(c);
    assert_int_equal(opens, 1);
}

static void test_load_refuses_a_case_path_that_is_no_regular_file(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    assert_non_null(dir);
    char fifo[4200];
    snprintf(fifo, sizeof fifo, "%s/pipe.lua", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* Opening a pipe with no writer must not wait. */
    expect_load_error(fifo, 0, "is not a regular file");
    expect_load_error(dir, 0, "is not a regular file");
    test_rmtree(dir);
    free(dir);
}

/* Loads path in a child process bounded to 20 s: the load must end (no
 * hang) by itself (no abort, no signal) and fail as expect_load_error says. */
static void expect_load_error_bounded(const char *path, int line, const char *want)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        alarm(20);
        case_def *c = NULL;
        apperr e;
        char buf[1400];
        apperr_clear(&e);
        int rc = case_load(&c, path, NULL, &e);
        apperr_format(&e, buf, sizeof buf);
        bool ok = rc == -1 && e.kind == APPERR_INPUT && strstr(buf, want) &&
                  !strstr(buf, "ESCAPED") && (line < 0 || e.line == line);
        if (!ok)
            fprintf(stderr, "got: %s (line %d), wanted line %d and '%s'\n", buf, e.line, line,
                    want);
        case_free(c);
        _exit(ok ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status))
        fprintf(stderr, "loading %s ended by signal %d\n", path, WTERMSIG(status));
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_load_names_the_type_of_a_stray_list_entry(void **state)
{
    (void)state;
    expect_load_error(CASE("load_stray_entry.lua"), 4,
                      "at [1]: a list entry of type string is not allowed here");
}

#define METATABLE "has a metatable (setmetatable): the engine reads the tables of a case"

static void test_load_never_runs_an_index_that_loops(void **state)
{
    (void)state;
    expect_load_error_bounded(CASE("load_meta_index_loops.lua"), 3, METATABLE);
}

static void test_load_never_runs_an_index_that_errors(void **state)
{
    (void)state;
    expect_load_error_bounded(CASE("load_meta_index_errors.lua"), 6,
                              "at nodes.a: this table " METATABLE);
}

static void test_load_never_runs_len_or_pairs_of_a_list(void **state)
{
    (void)state;
    expect_load_error_bounded(CASE("load_meta_list.lua"), 6,
                              "at objectives: this table " METATABLE);
}

static void test_load_names_a_table_key_without_its_metamethods(void **state)
{
    (void)state;
    expect_load_error_bounded(CASE("load_meta_key.lua"), 8,
                              "a key of type table is not allowed here");
}

static void test_load_refuses_a_case_id_with_a_nul_byte(void **state)
{
    (void)state;
    expect_load_error(CASE("load_nul_id.lua"), 3,
                      "at id: this text holds a NUL byte (\\0) at byte 2");
}

static void test_load_refuses_a_node_id_with_a_nul_byte(void **state)
{
    (void)state;
    expect_load_error(CASE("load_nul_node.lua"), 4,
                      "at nodes: a node id holds a NUL byte (\\0) at byte 2");
}

static void test_load_refuses_a_label_with_a_nul_byte(void **state)
{
    (void)state;
    expect_load_error(CASE("load_nul_label.lua"), 6,
                      "at nodes.a.decision.options[1].label: this text holds a NUL byte (\\0) "
                      "at byte 11");
}

static void test_load_refuses_a_label_that_is_not_utf8(void **state)
{
    (void)state;
    expect_load_error(CASE("load_latin1_label.lua"), 7,
                      "at nodes.a.decision.options[1].label: this text is not valid UTF-8: byte 4 "
                      "(0xE9) is not part of a UTF-8 character; save the case file as UTF-8");
}

static void test_load_counts_copies_of_a_repeated_text(void **state)
{
    (void)state;
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    expect_load_error(CASE("load_text_repeated.lua"), 9,
                      "at objectives[16]: the texts of this case add up to more than 16 MiB");
    getrusage(RUSAGE_SELF, &after);
    /* Copying all 400 entries would take 400 MiB; the limit keeps it to
     * 16 MiB of copies beside Lua's one string (ASan adds its own). */
    assert_true(after.ru_maxrss - before.ru_maxrss < 200 * 1024);
}

/* Enters node id of c: it must fail saying want. */
static void expect_enter_error(case_def *c, case_run *r, const char *id, const char *want)
{
    case_node node;
    case_live live;
    apperr e;
    char buf[1400];
    apperr_clear(&e);
    assert_int_equal(c->driver->enter(r, id, &node, &live, &e), -1);
    apperr_format(&e, buf, sizeof buf);
    if (!strstr(buf, want))
        fprintf(stderr, "got: %s, wanted '%s'\n", buf, want);
    assert_non_null(strstr(buf, want));
}

static void test_play_checks_text_that_case_functions_return(void **state)
{
    (void)state;
    case_def *c = load_ok(CASE("load_runtime_text.lua"));
    case_run *r = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    expect_enter_error(c, r, "a", "at nodes.a.text: this text is not valid UTF-8: byte 4 (0xE9)");
    expect_enter_error(c, r, "d",
                       "at nodes.d.decision.options[1].label: this text holds a NUL byte (\\0) "
                       "at byte 5");
    expect_enter_error(c, r, "e", "the texts of this case add up to more than 16 MiB");

    case_node node;
    case_live live;
    char *next = NULL;
    char buf[1400];
    assert_int_equal(c->driver->enter(r, "b", &node, &live, &e), 0);
    assert_int_equal(c->driver->next(r, &node, NULL, &next, &e), -1);
    assert_null(next);
    apperr_format(&e, buf, sizeof buf);
    assert_non_null(strstr(buf, "the node id it gave holds a NUL byte (\\0) at byte 2"));
    case_node_free(&node);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

/* ---- out of memory ------------------------------------------------------------ */

/* A case with tools, measures, variants, results, own vitals and advice,
 * and a bundled case with functions on its nodes. */
static const char *const OOM_CASES[] = {CASE("load_ok.lua"), SCENARIOS_DIR "/stroke-hasu.lua"};

/* Fails each allocation of a load in turn (the file's bytes, the source
 * map, every text, list and table of the case): the load fails with "out
 * of memory" (an APPERR_ENV, not the author's mistake), or succeeds where
 * only the source map was cut short, and nothing is left behind either
 * way. */
static void test_load_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    failing_alloc_install();
    for (size_t i = 0; i < sizeof OOM_CASES / sizeof OOM_CASES[0]; i++) {
        for (long k = 0;; k++) {
            case_def *c = NULL;
            apperr e;
            long before = alloc_live;
            alloc_fail_in = k;
            int rc = case_load(&c, OOM_CASES[i], NULL, &e);
            bool failed = alloc_fail_in < 0;
            alloc_fail_in = -1;
            /* An include() that runs out of memory fails as the Lua error it
             * raises, at its line: the message still says why. */
            if (rc != 0 && (!strstr(e.msg, "out of memory") || (e.kind != APPERR_ENV && !e.line)))
                fail_msg("%s, allocation %ld failed: %s", OOM_CASES[i], k, e.msg);
            assert_true(rc != 0 || failed || k > 0);
            case_free(c);
            if (alloc_live != before)
                fail_msg("%s, allocation %ld failed: %ld blocks left", OOM_CASES[i], k,
                         alloc_live - before);
            if (!failed) {
                assert_int_equal(rc, 0);
                break;
            }
        }
    }
    failing_alloc_remove();
}

/* The same for playing a bundled case through: each node entered, its
 * resolved copy and live state, each next id. */
static void test_play_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    case_def *c = load_ok(SCENARIOS_DIR "/stroke-hasu.lua");
    failing_alloc_install();
    for (long k = 0;; k++) {
        session *s = NULL;
        policy p;
        apperr e;
        int64_t t = 0;
        policy_init(&p, POLICY_BEST, 1);
        session_opts o = {"t1",
                          NULL,
                          1,
                          "run",
                          "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
                          "test",
                          "testos",
                          NULL,
                          TIME_LIMITS_NORMAL,
                          {0}};
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = session_open(&s, c, &o, 0, &e) == SESSION_OK
                     ? runner_run_policy(s, &p, &t, 1000, &e)
                     : -1;
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        session_close(s);
        if (alloc_live != before)
            fail_msg("allocation %ld failed: %ld blocks left", k, alloc_live - before);
        if (!failed) {
            assert_int_equal(rc, 0);
            assert_true(k > 0);
            break;
        }
        if (rc != -1 || e.kind != APPERR_ENV || !strstr(e.msg, "out of memory"))
            fail_msg("allocation %ld failed, and the play gave %d: %s", k, rc, e.msg);
    }
    failing_alloc_remove();
    case_free(c);
}

/* The source map: out of memory gives no map, or a map cut short (an empty
 * one), never a leak. */
static void test_srcmap_that_runs_out_of_memory_leaks_nothing(void **state)
{
    (void)state;
    char *src = test_read_file(CASE("load_ok.lua"), NULL);
    assert_non_null(src);
    srcmap *whole = srcmap_build(src, strlen(src));
    failing_alloc_install();
    for (long k = 0;; k++) {
        long before = alloc_live;
        alloc_fail_in = k;
        srcmap *m = srcmap_build(src, strlen(src));
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        assert_true(m || k == 0);
        assert_true(!m || !failed || srcmap_count(m) == 0);
        if (!failed)
            assert_int_equal(srcmap_count(m), srcmap_count(whole));
        srcmap_free(m);
        assert_int_equal(alloc_live, before);
        if (!failed)
            break;
    }
    failing_alloc_remove();
    srcmap_free(whole);
    free(src);
}

/* The state key: out of memory for a table's entries fails it (an
 * APPERR_ENV); out of memory for the memo of long texts only costs time,
 * and the key is the same. Nothing is left behind either way. */
static void test_state_key_that_runs_out_of_memory_is_the_same_or_fails(void **state)
{
    (void)state;
    case_def *c = load_ok(CASE("state_long_strings.lua"));
    case_run *r = NULL;
    case_node node;
    case_live live;
    apperr e;
    unsigned char want[CASE_STATE_KEY_SIZE], got[CASE_STATE_KEY_SIZE];
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    assert_int_equal(c->driver->enter(r, "a", &node, &live, &e), 0);
    assert_int_equal(c->driver->state_key(r, want, &e), 0);
    failing_alloc_install();
    int same = 0;
    for (long k = 0;; k++) {
        long before = alloc_live;
        alloc_fail_in = k;
        int rc = c->driver->state_key(r, got, &e);
        bool failed = alloc_fail_in < 0;
        alloc_fail_in = -1;
        assert_int_equal(alloc_live, before);
        if (rc == 0) {
            assert_memory_equal(got, want, sizeof want);
            same += failed;
        } else {
            assert_int_equal(e.kind, APPERR_ENV);
        }
        if (!failed)
            break;
    }
    failing_alloc_remove();
    assert_true(same > 0); /* some failures were the memo's alone */
    case_node_free(&node);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_reads_every_key),
        cmocka_unit_test(test_load_defaults_source_to_ai_and_timing_to_after_initial),
        cmocka_unit_test(test_load_reports_syntax_error_with_line),
        cmocka_unit_test(test_load_reports_unknown_key_with_line_and_hint),
        cmocka_unit_test(test_load_reports_missing_required_key_at_case_call),
        cmocka_unit_test(test_load_reports_wrong_type),
        cmocka_unit_test(test_load_reports_value_out_of_range),
        cmocka_unit_test(test_load_reports_vital_out_of_range),
        cmocka_unit_test(test_load_reports_start_naming_no_node),
        cmocka_unit_test(test_load_reports_next_naming_no_node),
        cmocka_unit_test(test_load_reports_on_timeout_naming_no_node),
        cmocka_unit_test(test_load_reports_recommend_naming_no_option),
        cmocka_unit_test(test_load_reports_best_naming_no_option),
        cmocka_unit_test(test_load_reports_duplicate_option_ids),
        cmocka_unit_test(test_load_reports_advice_without_best),
        cmocka_unit_test(test_load_reports_node_without_kind),
        cmocka_unit_test(test_load_reports_node_with_several_kinds),
        cmocka_unit_test(test_load_refuses_newer_format),
        cmocka_unit_test(test_load_reports_file_that_returns_no_case),
        cmocka_unit_test(test_load_reports_runtime_error_while_file_runs),
        cmocka_unit_test(test_load_reports_missing_file),
        cmocka_unit_test(test_srcmap_maps_nested_keys_and_list_entries),
        cmocka_unit_test(test_srcmap_finds_a_key_given_twice_in_one_table),
        cmocka_unit_test(test_srcmap_keeps_lines_past_tables_nested_deeper_than_its_frames),
        cmocka_unit_test(test_srcmap_holds_a_bounded_number_of_keys),
        cmocka_unit_test(test_load_reads_a_case_nested_65_levels_deep),
        cmocka_unit_test(test_load_refuses_tables_nested_deeper_than_lua_reads),
        cmocka_unit_test(test_load_names_an_expression_too_deep_for_lua),
        cmocka_unit_test(test_load_refuses_case_file_over_16_mib_before_reading_it),
        cmocka_unit_test(test_load_refuses_a_case_path_that_is_no_regular_file),
        cmocka_unit_test(test_load_reads_the_case_file_once),
        cmocka_unit_test(test_load_names_the_type_of_a_stray_list_entry),
        cmocka_unit_test(test_load_never_runs_an_index_that_loops),
        cmocka_unit_test(test_load_never_runs_an_index_that_errors),
        cmocka_unit_test(test_load_never_runs_len_or_pairs_of_a_list),
        cmocka_unit_test(test_load_names_a_table_key_without_its_metamethods),
        cmocka_unit_test(test_load_refuses_a_case_id_with_a_nul_byte),
        cmocka_unit_test(test_load_refuses_a_node_id_with_a_nul_byte),
        cmocka_unit_test(test_load_refuses_a_label_with_a_nul_byte),
        cmocka_unit_test(test_load_refuses_a_label_that_is_not_utf8),
        cmocka_unit_test(test_load_counts_copies_of_a_repeated_text),
        cmocka_unit_test(test_play_checks_text_that_case_functions_return),
        cmocka_unit_test(test_load_names_the_words_a_key_may_be),
        cmocka_unit_test(test_load_that_runs_out_of_memory_leaks_nothing),
        cmocka_unit_test(test_play_that_runs_out_of_memory_leaks_nothing),
        cmocka_unit_test(test_srcmap_that_runs_out_of_memory_leaks_nothing),
        cmocka_unit_test(test_state_key_that_runs_out_of_memory_is_the_same_or_fails),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
