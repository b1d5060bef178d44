/* The Lua host: the sandbox refuses every way out, include() stays inside its
 * folders, the memory cap and instruction budget cannot be swallowed by a
 * pcall, and play-time calls (through the case's driver) report FILE:LINE. */
#define _XOPEN_SOURCE 700 /* symlink, mkfifo, alarm */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case_file.h"
#include "case_load.h"
#include "host.h"
#include "mem.h"
#include "support.h"
#include "case_driver.h"

#define CASE(name) TEST_CASES_DIR "/" name

static void test_sandbox_has_no_os(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_os.lua"), 1, "'os' is not available to cases");
}

static void test_sandbox_has_no_io(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_io.lua"), 1, "'io' is not available to cases");
}

static void test_sandbox_has_no_load(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_load.lua"), 1, "'load' is not available to cases");
}

static void test_sandbox_has_no_require(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_require.lua"), 1, "'require' is not available to cases");
}

static void test_sandbox_has_no_debug(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_debug.lua"), 1, "'debug' is not available to cases");
}

static void test_sandbox_has_no_dofile_collectgarbage_or_print(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_dofile.lua"), 1, "'dofile' is not available to cases");
    expect_load_error(CASE("sandbox_collectgarbage.lua"), 1,
                      "'collectgarbage' is not available to cases");
    expect_load_error(CASE("sandbox_print.lua"), 1, "'print' is not available to cases");
}

static void test_sandbox_hides_string_metatable_dump_and_randomseed(void **state)
{
    (void)state;
    /* The metatable and dump checks pass; math.randomseed then is nil. */
    expect_load_error(CASE("sandbox_strmeta.lua"), 5, "field 'randomseed'");
}

static void test_sandbox_reports_unknown_names(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_unknown_name.lua"), 3,
                      "unknown name 'Ankle': if it is text, put it in quotes");
}

static void test_sandbox_refuses_bytecode(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_bytecode.lua"), -1, "precompiled (binary) chunk");
}

static void test_include_refuses_climbing_out(void **state)
{
    (void)state;
    expect_load_error(CASE("sub/sandbox_include_up.lua"), 1, "climbs out of its folder");
}

static void test_include_refuses_absolute_paths(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_include_abs.lua"), 1, "an absolute path");
}

static void test_include_reports_missing_file_and_where_it_looked(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_include_missing.lua"), 1, "no such file (looked for");
}

static void test_include_reports_cycles(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_cycle.lua"), -1, "includes itself (a cycle)");
}

static void test_include_searches_folder_then_lib_and_runs_once(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("sub/include_ok.lua"), NULL, &e), 0);
    /* cards came from tests/cases/lib, the parent folder's lib/ */
    assert_string_equal(c->title, "ChestAI");
    case_free(c);
}

/* ---- include() and the files it may open ---------------------------------- */

#define MINI_CASE                                                                                  \
    "return case { id = \"x\", version = \"1\", title = t, start = \"a\", nodes = { a = { text = " \
    "\"\", ending = { outcome = \"good\" } } } }\n"

/* A folder tree made in a fresh temporary folder:
 *   outside/secret.lua, outside/etc/resolv.conf   (not the case's)
 *   lib/shared.lua                                (the parent folder's lib/)
 *   case/                                         (the case folder)
 *     inner.lua, real/y.lua, lib/                 (inside)          */
static char *make_tree(void)
{
    char *tmp = test_tmpdir();
    char p[4096];
    assert_non_null(tmp);
    static const char *const dirs[] = {"outside", "outside/etc", "lib",
                                       "case",    "case/real",   "case/lib"};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        snprintf(p, sizeof p, "%s/%s", tmp, dirs[i]);
        assert_int_equal(mkdir(p, 0700), 0);
    }
    static const char *const files[][2] = {
        {"outside/secret.lua", "return 'ESCAPED secret'\n"},
        {"outside/etc/resolv.conf", "nameserver 10.9.8.7 ESCAPED\n"},
        {"lib/shared.lua", "return 'shared'\n"},
        {"case/inner.lua", "return 'inner'\n"},
        {"case/real/y.lua", "return 'y'\n"},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(p, sizeof p, "%s/%s", tmp, files[i][0]);
        assert_int_equal(test_write_file(p, files[i][1]), 0);
    }
    return tmp;
}

/* tmp/rel -> target (target relative to the link's folder, or absolute). */
static void make_link(const char *tmp, const char *target, const char *rel)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", tmp, rel);
    assert_int_equal(symlink(target, p), 0);
}

/* Writes tmp/case/NAME.lua whose line 1 is `local t = include("what")`. */
static const char *case_including(const char *tmp, const char *name, const char *what)
{
    static char path[4096];
    char text[600];
    snprintf(path, sizeof path, "%s/case/%s.lua", tmp, name);
    snprintf(text, sizeof text, "local t = include(\"%s\")\n%s", what, MINI_CASE);
    assert_int_equal(test_write_file(path, text), 0);
    return path;
}

static void expect_title(const char *path, const char *title)
{
    case_def *c = NULL;
    apperr e;
    char buf[1400];
    apperr_clear(&e);
    if (case_load(&c, path, NULL, &e) != 0)
        fail_msg("%s", apperr_format(&e, buf, sizeof buf));
    assert_string_equal(c->title, title);
    case_free(c);
}

static void test_include_follows_links_that_stay_inside(void **state)
{
    (void)state;
    char *tmp = make_tree();
    make_link(tmp, "../inner.lua", "case/lib/in.lua"); /* a file, inside */
    make_link(tmp, "real", "case/dir");                /* a folder, inside */
    expect_title(case_including(tmp, "c1", "in"), "inner");
    expect_title(case_including(tmp, "c2", "dir/y"), "y");
    expect_title(case_including(tmp, "c3", "shared"), "shared"); /* ../lib, no link */
    test_rmtree(tmp);
    free(tmp);
}

static void test_include_refuses_links_that_lead_outside(void **state)
{
    (void)state;
    char *tmp = make_tree();
    char abs_outside[4200];
    snprintf(abs_outside, sizeof abs_outside, "%s/outside", tmp);
    make_link(tmp, "../../outside/secret.lua", "case/lib/out.lua"); /* a file */
    make_link(tmp, abs_outside, "case/sub");                        /* a folder */
    make_link(tmp, "../outside/secret.lua", "lib/link.lua");        /* from ../lib */
    make_link(tmp, "../../outside", "case/lib/deep");               /* lib/ folder link */
    expect_load_error(case_including(tmp, "c1", "out"), 1, "leads outside the case's folder");
    expect_load_error(case_including(tmp, "c2", "sub/etc/resolv.conf"), 1,
                      "leads outside the case's folder");
    expect_load_error(case_including(tmp, "c3", "sub/secret"), 1, "leads outside");
    expect_load_error(case_including(tmp, "c4", "link"), 1, "leads outside");
    expect_load_error(case_including(tmp, "c5", "deep/secret"), 1, "leads outside");
    test_rmtree(tmp);
    free(tmp);
}

/* A FIFO once blocked the open for ever: the alarm turns a regression into
 * a failed test instead of a hung one. */
static void test_include_refuses_a_fifo_or_a_folder_without_blocking(void **state)
{
    (void)state;
    char *tmp = make_tree();
    char p[4200];
    snprintf(p, sizeof p, "%s/case/pipe.lua", tmp);
    assert_int_equal(mkfifo(p, 0600), 0);
    snprintf(p, sizeof p, "%s/case/folder.lua", tmp);
    assert_int_equal(mkdir(p, 0700), 0);
    alarm(20);
    expect_load_error(case_including(tmp, "c1", "pipe"), 1, "is a FIFO (named pipe), not a file");
    expect_load_error(case_including(tmp, "c2", "folder"), 1, "is a folder, not a file");
    alarm(0);
    test_rmtree(tmp);
    free(tmp);
}

/* An included file over the case file's 16 MiB is refused before it is read
 * (a sparse file: no disk is used). */
static void test_include_refuses_a_file_over_the_size_limit(void **state)
{
    (void)state;
    char *tmp = make_tree();
    char p[4200];
    snprintf(p, sizeof p, "%s/case/huge.lua", tmp);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("return \"big\" --", f);
    fclose(f);
    assert_int_equal(truncate(p, (off_t)CASE_FILE_MAX + 1), 0);
    expect_load_error(case_including(tmp, "c3", "huge"), 1,
                      "is 16.0 MiB, more than the 16 MiB a case file may be");
    /* Exactly at the limit it is read (and here is a long comment). */
    assert_int_equal(truncate(p, (off_t)CASE_FILE_MAX), 0);
    apperr e;
    case_def *c = NULL;
    apperr_clear(&e);
    int rc = case_load(&c, case_including(tmp, "c4", "huge"), NULL, &e);
    char buf[2048];
    if (rc != 0)
        fail_msg("an included file of exactly 16 MiB: %s", apperr_format(&e, buf, sizeof buf));
    assert_string_equal(c->title, "big");
    case_free(c);
    test_rmtree(tmp);
    free(tmp);
}

/* The case file itself, as the host loads it. */
static void test_host_refuses_a_fifo_as_the_case_file_without_blocking(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    char p[4200];
    script_host *h = NULL;
    apperr e;
    apperr_clear(&e);
    snprintf(p, sizeof p, "%s/case.lua", tmp);
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_int_equal(host_open(&h, p, 0, 0, &e), 0);
    alarm(20);
    assert_int_equal(host_dofile(h, p, &e), -1);
    alarm(0);
    assert_non_null(strstr(e.msg, "is a FIFO (named pipe), not a file"));
    host_close(h);
    test_rmtree(tmp);
    free(tmp);
}

static void test_include_keeps_the_byte_order_mark_and_first_line_rules(void **state)
{
    (void)state;
    char *tmp = make_tree();
    char p[4200];
    snprintf(p, sizeof p, "%s/case/bom.lua", tmp);
    assert_int_equal(test_write_file(p, "\xEF\xBB\xBFreturn 'bom'\n"), 0);
    snprintf(p, sizeof p, "%s/case/hash.lua", tmp);
    assert_int_equal(test_write_file(p, "#!/usr/bin/env lua\nlocal x = nil + 1\n"), 0);
    expect_title(case_including(tmp, "c1", "bom"), "bom");
    /* The skipped first line still counts: the error is on line 2. */
    snprintf(p, sizeof p, "%s/case/hash.lua", tmp);
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, case_including(tmp, "c2", "hash"), NULL, &e), -1);
    assert_string_equal(e.file, p);
    assert_int_equal(e.line, 2);
    test_rmtree(tmp);
    free(tmp);
}

static void test_endless_loop_is_stopped_with_its_line(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_loop.lua"), 2, "ran too long");
}

static void test_pcall_cannot_swallow_the_instruction_budget(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_pcall_loop.lua"), 2, "ran too long");
}

static void test_memory_bomb_is_stopped_with_its_line(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_memory.lua"), -1, "used more than 64 MiB of memory");
}

static void test_pcall_cannot_swallow_the_memory_cap(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_pcall_memory.lua"), 2, "used more than 64 MiB of memory");
}

static void test_memory_bomb_in_a_c_function_names_the_calling_line(void **state)
{
    (void)state;
    expect_load_error(CASE("sandbox_rep_bomb.lua"), 1, "used more than 64 MiB of memory");
}

static void test_memory_cap_is_configurable(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    case_load_opts o = {.mem_limit = 8u << 20};
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("sandbox_memory.lua"), &o, &e), -1);
    assert_non_null(strstr(e.msg, "more than 8 MiB"));
}

/* ---- library functions that work without instructions or memory ----------- */

/* A regression here would hang: the alarm makes it a failed test instead. */
static void expect_load_error_within(const char *path, int line, const char *want)
{
    alarm(60);
    expect_load_error(path, line, want);
    alarm(0);
}

static void test_finalizers_are_refused_whatever_their_value(void **state)
{
    (void)state;
    expect_load_error_within(CASE("sandbox_gc.lua"), 2, "a case may not set a finalizer (__gc)");
}

static void test_repeating_an_empty_text_is_charged(void **state)
{
    (void)state;
    expect_load_error_within(CASE("sandbox_rep_empty.lua"), 1,
                             "ran too long (string.rep here asks for more work than one call");
}

static void test_backtracking_pattern_is_refused_before_it_runs(void **state)
{
    (void)state;
    expect_load_error_within(CASE("sandbox_backtrack.lua"), 1,
                             "string.find: this pattern could take too long on a text of 26 "
                             "characters");
}

/* Each variant of sandbox_play_cpu.lua makes one library function work
 * without end (or for hours) at play time. */
static void test_library_work_at_play_time_stops_at_its_line(void **state)
{
    (void)state;
    static const struct {
        const char *variant;
        int line;
        const char *want;
    } attacks[] = {
        {"rep_huge", 7, "string.rep here asks for more work"},
        {"rep_1e9", 8, "string.rep here asks for more work"},
        {"move", 9, "table.move here asks for more work"},
        {"find_scan", 10, "string.find here asks for more work"},
        {"backtrack", 11, "this pattern could take too long on a text of 26 characters"},
        {"lazy", 12, "this pattern could take too long on a text of 2000 characters"},
        {"gsub_scan", 13, "string.gsub here asks for more work"},
        {"gmatch_scan", 14, "string.gmatch here asks for more work"},
        {"utf8_len", 15, "utf8.len here asks for more work"},
        {"codes", 16, "utf8.codes here asks for more work"},
        {"byte", 17, "string.byte here asks for more work"},
        {"tonumber", 18, "tonumber here asks for more work"},
        {"concat", 19, "table.concat here asks for more work"},
        {"insert", 20, "table.insert here asks for more work"},
        {"sort", 21, "table.sort here asks for more work"},
        {"unpack", 22, "table.unpack here asks for more work"},
        {"gc", 23, "a case may not set a finalizer (__gc)"},
        /* copies of a 4 MiB text: the memory allocated is charged too */
        {"concat_big", 24, "ran too long (more than 100 million Lua instructions"},
    };
    for (size_t i = 0; i < sizeof attacks / sizeof *attacks; i++) {
        case_def *c = NULL;
        apperr e;
        case_node n;
        case_live live;
        char buf[1400];
        apperr_clear(&e);
        assert_int_equal(case_load(&c, CASE("sandbox_play_cpu.lua"), NULL, &e), 0);
        case_run *r = NULL;
        assert_int_equal(c->driver->begin(c, 1, attacks[i].variant, &r, &e), 0);
        alarm(60);
        int rc = c->driver->enter(r, "a", &n, &live, &e);
        alarm(0);
        apperr_format(&e, buf, sizeof buf);
        if (rc != -1 || !strstr(buf, attacks[i].want) || e.line != attacks[i].line)
            fail_msg("%s: rc %d, %s", attacks[i].variant, rc, buf);
        assert_string_equal(e.file, CASE("sandbox_play_cpu.lua"));
        c->driver->end(r);
        case_free(c);
    }
}

/* Runs the Lua chunk text in a fresh host with a budget of limit units;
 * its result (0 or -1) with e filled. */
static int run_chunk(const char *text, unsigned long limit, apperr *e)
{
    script_host *h = NULL;
    apperr_clear(e);
    assert_int_equal(host_open(&h, CASE("chunk.lua"), 0, limit, e), 0);
    int rc = host_dobuffer(h, text, strlen(text), CASE("chunk.lua"), e);
    host_close(h);
    return rc;
}

/* The functions that pay one unit per character of their text arguments pay
 * before they run: handed a text of a million characters under a budget of
 * half a million, each stops, named. Those that take a text first say so by
 * their name when it is missing. */
static void test_text_functions_pay_for_their_texts_first(void **state)
{
    (void)state;
    static const char *const calls[][2] = {
        {"string.char(t)", "string.char"},
        {"string.format(t)", "string.format"},
        {"string.lower(t)", "string.lower"},
        {"t:upper()", "string.upper"},
        {"string.reverse(t)", "string.reverse"},
        {"string.pack(t)", "string.pack"},
        {"string.packsize(t)", "string.packsize"},
        {"string.unpack(t, t)", "string.unpack"},
        {"utf8.offset(t, 1)", "utf8.offset"},
        {"tonumber(t)", "tonumber"},
        {"rawequal(t, t)", "rawequal"},
    };
    for (size_t i = 0; i < sizeof calls / sizeof *calls; i++) {
        char chunk[200], want[100];
        apperr e;
        snprintf(chunk, sizeof chunk, "local t = string.rep(('x'):rep(1000), 1000)\nreturn %s\n",
                 calls[i][0]);
        snprintf(want, sizeof want, "ran too long (%s here asks for more work", calls[i][1]);
        if (run_chunk(chunk, 500000, &e) != -1 || !strstr(e.msg, want) || e.line != 2)
            fail_msg("%s: line %d, %s", calls[i][0], e.line, e.msg);
    }
    static const char *const missing[][2] = {
        {"string.lower()", "bad argument #1 to 'lower' (string expected, got no value)"},
        {"string.upper({})", "bad argument #1 to 'upper' (string expected, got table)"},
        {"string.reverse()", "bad argument #1 to 'reverse' (string expected, got no value)"},
    };
    for (size_t i = 0; i < sizeof missing / sizeof *missing; i++) {
        char chunk[200];
        apperr e;
        snprintf(chunk, sizeof chunk, "return %s\n", missing[i][0]);
        if (run_chunk(chunk, 500000, &e) != -1 || !strstr(e.msg, missing[i][1]) || e.line != 1)
            fail_msg("%s: line %d, %s", missing[i][0], e.line, e.msg);
    }
}

/* The same functions used as cases use them: all of it in 2 million units. */
static void test_everyday_library_use_works_and_is_cheap(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    char buf[1400];
    case_load_opts o = {.instr_limit = 2000000};
    apperr_clear(&e);
    if (case_load(&c, CASE("sandbox_everyday.lua"), &o, &e) != 0)
        fail_msg("%s", apperr_format(&e, buf, sizeof buf));
    case_free(c);
}

/* Comparing two 8 MiB texts is one instruction and no library call; the
 * processor-time backstop stops the loop (at 50 ns per unit of the budget:
 * 0.5 s here, where the budget alone would allow hours). */
static void test_uncounted_work_stops_on_processor_time(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    char buf[1400];
    case_load_opts o = {.instr_limit = 10000000};
    apperr_clear(&e);
    alarm(60);
    assert_int_equal(case_load(&c, CASE("sandbox_long_compare.lua"), &o, &e), -1);
    alarm(0);
    apperr_format(&e, buf, sizeof buf);
    if (!strstr(buf, "ran too long (more than 0.5 seconds of processor time") || e.line != 5)
        fail_msg("%s", buf);
}

/* ---- play-time calls ---------------------------------------------------------- */

static case_def *load_runtime(void)
{
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("runtime_fns.lua"), NULL, &e), 0);
    return c;
}

static void test_runtime_resolves_functions_with_state(void **state)
{
    (void)state;
    case_def *c = load_runtime();
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    apperr_clear(&e);
    assert_int_equal(c->driver->begin(c, 7, "v1", &r, &e), 0);
    assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
    assert_non_null(strstr(n.text, "variant v1 r="));
    assert_string_equal(n.decision.prompt, "count 1");
    assert_string_equal(n.decision.advice.recommend, "good");
    assert_int_equal((int)live.vitals.num[VITAL_HR], 150); /* on_enter wrote s.vitals */
    assert_int_equal(live.n_results, 1);
    assert_string_equal(live.results[0].name, "K");

    char *next = NULL;
    assert_int_equal(c->driver->next(r, &n, "good", &next, &e), 0);
    assert_string_equal(next, "b_good");
    case_node n2;
    case_live live2;
    assert_int_equal(c->driver->enter(r, next, &n2, &live2, &e), 0);
    assert_string_equal(n2.text, "chose good"); /* s.choices */
    assert_int_equal((int)live2.clock, 3);
    mem_free(next);
    case_node_free(&n);
    case_node_free(&n2);
    case_live_free(&live);
    case_live_free(&live2);
    c->driver->end(r);
    case_free(c);
}

static void test_runtime_same_seed_same_random_text(void **state)
{
    (void)state;
    char first[200] = "";
    for (int round = 0; round < 2; round++) {
        case_def *c = load_runtime();
        apperr e;
        case_run *r = NULL;
        case_node n;
        case_live live;
        assert_int_equal(c->driver->begin(c, 42, "v2", &r, &e), 0);
        assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
        if (round == 0)
            snprintf(first, sizeof first, "%s", n.text);
        else
            assert_string_equal(first, n.text);
        assert_string_equal(n.decision.advice.recommend, "bad");
        case_node_free(&n);
        case_live_free(&live);
        c->driver->end(r);
        case_free(c);
    }
}

static void expect_next_error(const char *choice, int line, const char *want)
{
    case_def *c = load_runtime();
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    char *next = NULL;
    char buf[1400];
    assert_int_equal(c->driver->begin(c, 1, "v1", &r, &e), 0);
    assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
    int rc = c->driver->next(r, &n, choice, &next, &e);
    if (rc == 0) {
        case_node n2;
        case_live l2;
        rc = c->driver->enter(r, next, &n2, &l2, &e);
        mem_free(next);
    }
    assert_int_equal(rc, -1);
    apperr_format(&e, buf, sizeof buf);
    if (!strstr(buf, want) || e.line != line)
        fprintf(stderr, "got: %s (line %d)\n", buf, e.line);
    assert_non_null(strstr(buf, want));
    assert_int_equal(e.line, line);
    assert_string_equal(e.file, CASE("runtime_fns.lua"));
    case_node_free(&n);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

static void test_runtime_next_function_returning_nothing(void **state)
{
    (void)state;
    expect_next_error("none", 15, "the next function of node a returned nothing");
}

static void test_runtime_next_function_naming_no_node(void **state)
{
    (void)state;
    expect_next_error("bad", 16, "returned 'nowhere', which names no node");
}

static void test_runtime_error_in_on_enter_has_its_line(void **state)
{
    (void)state;
    expect_next_error("boom", 31, "attempt to index a nil value");
}

static void test_runtime_endless_loop_in_text_function(void **state)
{
    (void)state;
    expect_next_error("loop", 33, "ran too long");
}

static void test_runtime_dynamic_value_checked_on_entry(void **state)
{
    (void)state;
    expect_next_error("dynbad", 35, "'zzz' is not an option of this decision");
}

static void test_runtime_entry_effects_as_functions_run_once_in_order(void **state)
{
    (void)state;
    case_def *c = NULL;
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    apperr_clear(&e);
    assert_int_equal(case_load(&c, CASE("runtime_effects.lua"), NULL, &e), 0);
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    if (c->driver->enter(r, "a", &n, &live, &e) != 0) {
        char buf[1400];
        fail_msg("%s", apperr_format(&e, buf, sizeof buf));
    }
    assert_string_equal(n.text, "calls 5");
    assert_int_equal((int)live.clock, 7);
    assert_int_equal((int)live.vitals.num[VITAL_HR], 97); /* vitals saw the clock */
    assert_int_equal(live.n_results, 1);
    assert_int_equal((int)n.elapsed, 7);
    case_node_free(&n);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

static void test_runtime_timeout_function(void **state)
{
    (void)state;
    case_def *c = load_runtime();
    apperr e;
    case_run *r = NULL;
    case_node n;
    case_live live;
    char *next = NULL;
    assert_int_equal(c->driver->begin(c, 1, NULL, &r, &e), 0);
    assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
    assert_non_null(strstr(n.text, "variant nil"));
    assert_int_equal(c->driver->timeout_target(r, &n, &next, &e), 0);
    assert_string_equal(next, "b_good");
    mem_free(next);
    case_node_free(&n);
    case_live_free(&live);
    c->driver->end(r);
    case_free(c);
}

/* NaN passed every check of an elapsed value and then was converted to an
 * integer (undefined behaviour, seen under UBSan with float-cast-overflow). */
static void test_runtime_elapsed_nan_inf_or_huge_is_an_error_with_its_line(void **state)
{
    (void)state;
    static const char *const variants[] = {"nan", "inf", "huge"};
    for (int i = 0; i < 3; i++) {
        case_def *c = NULL;
        apperr e;
        case_node n, n2;
        case_live live, live2;
        char buf[1400];
        apperr_clear(&e);
        assert_int_equal(case_load(&c, CASE("sandbox_elapsed_nan.lua"), NULL, &e), 0);
        case_run *r = NULL;
        assert_int_equal(c->driver->begin(c, 1, variants[i], &r, &e), 0);
        assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
        assert_int_equal(c->driver->enter(r, "b", &n2, &live2, &e), -1);
        apperr_format(&e, buf, sizeof buf);
        if (!strstr(buf, "expected a number of minutes from 0 to 1e+07"))
            fail_msg("%s: %s", variants[i], buf);
        assert_string_equal(e.file, CASE("sandbox_elapsed_nan.lua"));
        assert_int_equal(e.line, 9);
        case_node_free(&n);
        case_live_free(&live);
        /* The refused value never reached the clock. */
        assert_int_equal(c->driver->enter(r, "a", &n, &live, &e), 0);
        assert_true(live.clock == 0);
        case_node_free(&n);
        case_live_free(&live);
        c->driver->end(r);
        case_free(c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sandbox_has_no_os),
        cmocka_unit_test(test_sandbox_has_no_io),
        cmocka_unit_test(test_sandbox_has_no_load),
        cmocka_unit_test(test_sandbox_has_no_require),
        cmocka_unit_test(test_sandbox_has_no_debug),
        cmocka_unit_test(test_sandbox_has_no_dofile_collectgarbage_or_print),
        cmocka_unit_test(test_sandbox_hides_string_metatable_dump_and_randomseed),
        cmocka_unit_test(test_sandbox_reports_unknown_names),
        cmocka_unit_test(test_sandbox_refuses_bytecode),
        cmocka_unit_test(test_include_refuses_climbing_out),
        cmocka_unit_test(test_include_refuses_absolute_paths),
        cmocka_unit_test(test_include_reports_missing_file_and_where_it_looked),
        cmocka_unit_test(test_include_reports_cycles),
        cmocka_unit_test(test_include_searches_folder_then_lib_and_runs_once),
        cmocka_unit_test(test_include_follows_links_that_stay_inside),
        cmocka_unit_test(test_include_refuses_links_that_lead_outside),
        cmocka_unit_test(test_include_refuses_a_fifo_or_a_folder_without_blocking),
        cmocka_unit_test(test_include_refuses_a_file_over_the_size_limit),
        cmocka_unit_test(test_host_refuses_a_fifo_as_the_case_file_without_blocking),
        cmocka_unit_test(test_include_keeps_the_byte_order_mark_and_first_line_rules),
        cmocka_unit_test(test_endless_loop_is_stopped_with_its_line),
        cmocka_unit_test(test_pcall_cannot_swallow_the_instruction_budget),
        cmocka_unit_test(test_memory_bomb_is_stopped_with_its_line),
        cmocka_unit_test(test_pcall_cannot_swallow_the_memory_cap),
        cmocka_unit_test(test_memory_bomb_in_a_c_function_names_the_calling_line),
        cmocka_unit_test(test_memory_cap_is_configurable),
        cmocka_unit_test(test_finalizers_are_refused_whatever_their_value),
        cmocka_unit_test(test_repeating_an_empty_text_is_charged),
        cmocka_unit_test(test_backtracking_pattern_is_refused_before_it_runs),
        cmocka_unit_test(test_library_work_at_play_time_stops_at_its_line),
        cmocka_unit_test(test_text_functions_pay_for_their_texts_first),
        cmocka_unit_test(test_everyday_library_use_works_and_is_cheap),
        cmocka_unit_test(test_uncounted_work_stops_on_processor_time),
        cmocka_unit_test(test_runtime_resolves_functions_with_state),
        cmocka_unit_test(test_runtime_same_seed_same_random_text),
        cmocka_unit_test(test_runtime_next_function_returning_nothing),
        cmocka_unit_test(test_runtime_next_function_naming_no_node),
        cmocka_unit_test(test_runtime_error_in_on_enter_has_its_line),
        cmocka_unit_test(test_runtime_endless_loop_in_text_function),
        cmocka_unit_test(test_runtime_dynamic_value_checked_on_entry),
        cmocka_unit_test(test_runtime_entry_effects_as_functions_run_once_in_order),
        cmocka_unit_test(test_runtime_timeout_function),
        cmocka_unit_test(test_runtime_elapsed_nan_inf_or_huge_is_an_error_with_its_line),
    };
    /* SANDBOX_TEST=pattern runs only the tests whose names match. */
    if (getenv("SANDBOX_TEST"))
        cmocka_set_test_filter(getenv("SANDBOX_TEST"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
